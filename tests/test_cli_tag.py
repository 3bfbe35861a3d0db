"""`timeline tag`: JSONL documents in, JSONL timexes out; --text/--dct prints a table."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from timeline.cli import main

DOC = {"id": "a", "dct": "2018-07-16", "text": "Trump met Putin on Monday."}


def test_jsonl_from_stdin_to_stdout() -> None:
    result = CliRunner().invoke(main, ["tag"], input=json.dumps(DOC) + "\n\n")
    assert result.exit_code == 0, result.stderr
    (line,) = result.stdout.splitlines()
    out = json.loads(line)
    assert out["id"] == "a"
    assert [(t["text"], t["value"]) for t in out["timexes"]] == [("Monday", "2018-07-16")]


def test_jsonl_file_to_file(tmp_path: Path) -> None:
    (tmp_path / "docs.jsonl").write_text(json.dumps(DOC) + "\n" + json.dumps(DOC) + "\n", "utf-8")
    result = CliRunner().invoke(
        main, ["tag", str(tmp_path / "docs.jsonl"), "-o", str(tmp_path / "out.jsonl")]
    )
    assert result.exit_code == 0, result.stderr
    assert result.stdout == ""
    assert len((tmp_path / "out.jsonl").read_text("utf-8").splitlines()) == 2


def test_a_bad_line_names_the_file_and_line_and_writes_nothing(tmp_path: Path) -> None:
    (tmp_path / "docs.jsonl").write_text(json.dumps(DOC) + '\n{"id": "b"}\n', "utf-8")
    result = CliRunner().invoke(
        main, ["tag", str(tmp_path / "docs.jsonl"), "-o", str(tmp_path / "out.jsonl")]
    )
    assert result.exit_code == 1
    assert result.stderr.splitlines() == [
        f'Error: {tmp_path / "docs.jsonl"}: line 2: missing "dct", "text"'
    ]
    assert not (tmp_path / "out.jsonl").exists()


@pytest.mark.parametrize(("line", "message"), [
    ('{"id": "b", "dct": "2018-07-16", "text": ' + "[" * 50_000 + "]" * 50_000 + "}",
     "line 2: not valid JSON (nested too deeply)"),
    ('{"id": "b", "dct": "2018-07-16", "text": "x", "lang": "zz"}',
     "line 2: language 'zz' is not one timeline reads"),
])
def test_a_document_that_cannot_be_read_is_one_line_naming_it(line: str, message: str) -> None:
    result = CliRunner().invoke(main, ["tag"], input=json.dumps(DOC) + "\n" + line + "\n")
    assert result.exit_code == 1
    (error,) = result.stderr.splitlines()
    assert error.startswith(f"Error: <stdin>: {message}")


def test_text_and_dct_print_a_table() -> None:
    result = CliRunner().invoke(
        main, ["tag", "--text", "He left last Friday.", "--dct", "2018-07-16"]
    )
    assert result.exit_code == 0, result.stderr
    header, row = result.stdout.splitlines()
    assert header.split() == ["span", "expression", "type", "value", "resolved", "to",
                              "granularity", "anchor"]
    assert row.split() == ["8-19", "last", "Friday", "DATE", "2018-07-13", "2018-07-13", "day",
                           "dct", "2018-07-16"]


def test_the_table_marks_approximate_ranges_and_narrative_anchors() -> None:
    result = CliRunner().invoke(main, [
        "tag", "--text", "He met them on July 16. The day before, he golfed. "
        "He will return in the coming weeks.", "--dct", "2018-07-20",
    ])
    assert result.exit_code == 0, result.stderr
    lines = result.stdout.splitlines()
    assert "narrative 2018-07-16" in next(line for line in lines if "The day before" in line)
    assert "~2018-07-21 .. " in next(line for line in lines if "coming weeks" in line)


def test_text_without_dct_is_a_usage_error() -> None:
    result = CliRunner().invoke(main, ["tag", "--text", "on Monday"])
    assert result.exit_code == 2
    assert "--text and --dct go together" in result.stderr
    bad = CliRunner().invoke(main, ["tag", "--text", "on Monday", "--dct", "soon"])
    assert bad.exit_code == 2 and "--dct" in bad.stderr
