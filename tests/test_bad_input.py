"""Bad input: each gives one clear line on stderr naming the file (and line), exit code 1, no
traceback, and leaves the previous output exactly as it was (bytes and mtimes)."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from timeline.cli import main

GOOD = """---
title: Summit
date: 2018-07-16
---
President Trump met Vladimir Putin in Helsinki on Monday.
"""


def snapshot(folder: Path) -> dict[str, tuple[bytes, int] | None]:
    """Every file's bytes and mtime, every folder, below ``folder``."""
    return {
        p.relative_to(folder).as_posix(): (p.read_bytes(), p.stat().st_mtime_ns)
        if p.is_file() else None
        for p in sorted(folder.rglob("*"))
    }


def build(site: Path, *extra: str) -> Result:
    old = Path.cwd()
    os.chdir(site)
    try:
        return CliRunner().invoke(main, ["build", *extra], catch_exceptions=False)
    finally:
        os.chdir(old)


@pytest.fixture
def site(tmp_path: Path) -> Path:
    (tmp_path / "articles").mkdir()
    (tmp_path / "articles" / "good.md").write_text(GOOD, "utf-8")
    (tmp_path / "timeline.toml").write_text('sources = ["articles"]\n', "utf-8")
    first = build(tmp_path)
    assert first.exit_code == 0, first.stderr
    assert (tmp_path / "output" / "index.html").is_file()
    return tmp_path


def put(name: str, data: str | bytes) -> Callable[[Path], None]:
    def make(site: Path) -> None:
        path = site / "articles" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(data, bytes):
            path.write_bytes(data)
        else:
            path.write_text(data, "utf-8")
    return make


def config(text: str) -> Callable[[Path], None]:
    def make(site: Path) -> None:
        (site / "timeline.toml").write_text(text, "utf-8")
    return make


def theme(name: str, text: str) -> Callable[[Path], None]:
    """A template of the user's (``templates/``, named in the config)."""
    def make(site: Path) -> None:
        (site / "templates").mkdir(exist_ok=True)
        (site / "templates" / name).write_text(text, "utf-8")
        (site / "timeline.toml").write_text(
            'sources = ["articles"]\ntemplates = "templates"\n', "utf-8"
        )
    return make


CASES = {
    "missing date": (
        put("nodate.md", "---\ntitle: No date\n---\nTrump spoke on Monday.\n"),
        "articles/nodate.md:1: has no publication date; add front matter",
    ),
    "malformed YAML": (
        put("broken.md", "---\ntitle: x\ndate: 2018-07-16\ntags: [a, b\n---\nText.\n"),
        "articles/broken.md:5: front matter is not valid YAML",
    ),
    "not UTF-8": (
        put("latin1.md", "---\ndate: 2018-07-16\n---\nCaf\u00e9 talks.\n".encode("latin-1")),
        "articles/latin1.md:4: is not UTF-8 text (byte 28); save it as UTF-8",
    ),
    "empty file": (put("empty.md", ""), "articles/empty.md: is empty"),
    "binary file": (
        put("photo.md", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256))),
        "articles/photo.md: is a binary file, not an article; remove it from the sources",
    ),
    "a date that does not exist": (
        put("feb30.md", "---\ntitle: x\ndate: 2018-02-30\n---\nText.\n"),
        "articles/feb30.md:3: front matter holds a date that does not exist",
    ),
    "a language the tagger does not read": (
        put("xx.md", "---\ntitle: x\ndate: 2018-07-16\nlang: xx\n---\nText.\n"),
        "articles/xx.md:4: language 'xx' is not one timeline reads; use one of en, de, fr",
    ),
    "Markdown nested hundreds of levels deep": (
        put("deep.md", GOOD + "\n" + "\n".join("    " * i + "- a" for i in range(400)) + "\n"),
        "articles/deep.md: its Markdown nests lists or quotes too deeply to render",
    ),
    "more tags than an article may have": (
        put("tags.md", GOOD.replace("title: Summit", "title: Summit\ntags: ["
                                    + ", ".join(f"t{n}" for n in range(150)) + "]")),
        "articles/tags.md: has 150 tags, more than the 100 an article may have",
    ),
    "same slug": (
        put("sub/good.md", GOOD),
        "articles/sub/good.md: has the slug 'good', like articles/good.md; rename one file",
    ),
    "slug leaving the output": (
        put("evil.md", GOOD.replace("title: Summit", "slug: ../../etc")),
        "articles/evil.md: slug '../../etc' may hold only lowercase letters",
    ),
    "absolute slug": (
        put("evil.md", GOOD.replace("title: Summit", "slug: /etc/passwd")),
        "articles/evil.md: slug '/etc/passwd' may hold only lowercase letters",
    ),
    "unknown config key": (
        config('sources = ["articles"]\ntitel = "x"\n'),
        "timeline.toml: unknown key 'titel' (did you mean 'title'?)",
    ),
    "bad config value": (
        config('sources = ["articles"]\ntimezone = "Mars/Base"\nkey_dates = -2\n'),
        "timeline.toml: timezone 'Mars/Base' is not an IANA zone",
    ),
    "config language the tagger does not read": (
        config('sources = ["articles"]\nlanguage = "klingon"\n'),
        "timeline.toml: language 'klingon' is not one timeline reads",
    ),
    "template that does not compile": (
        theme("index.html", '{% extends "default/index.html" %}\n{% block content %}{{ x( }}'),
        "templates/index.html:2: unexpected '}', expected ')'; fix the template",
    ),
    "template naming what does not exist": (
        theme("about.html", '{% extends "default/about.html" %}\n\n'
              "{% block content %}{{ snipet }}{% endblock %}\n"),
        "templates/about.html:3: 'snipet' is undefined; fix the template",
    ),
    "template including a missing one": (
        theme("index.html", '{% include "header.html" %}\n'),
        "templates/index.html:1: no template named 'header.html'; fix the template",
    ),
    "event macro in a template, failing": (
        theme("_event.html", "{% macro event_item(event, root, links, heading) %}\n"
              "{{ event.when.year }}{% endmacro %}\n"),
        "templates/_event.html:2: 'timeline.model.When object' has no attribute 'year'",
    ),
    "event macro taking other arguments": (
        theme("_event.html", "{% macro event_item(event) %}{{ event.text }}{% endmacro %}\n"),
        "templates/_event.html: TypeError: macro 'event_item' takes not more than 1 argument",
    ),
    "output inside a file": (
        lambda site: [(site / "notes").write_text("x", "utf-8"),
                      config('sources = ["articles"]\noutput = "notes/site"\n')(site)],
        "notes/site: cannot make the site there (",
    ),
    "cache inside a file": (
        lambda site: [(site / "notes").write_text("x", "utf-8"),
                      config('sources = ["articles"]\ncache = "notes/cache"\n')(site)],
        "notes/cache: cannot be made the cache (",
    ),
    "invalid TOML": (
        config('sources = ["articles"]\ntitle = \n'), "timeline.toml:2: not valid TOML"
    ),
    "output is the source folder": (
        config('sources = ["articles"]\noutput = "articles"\n'),
        "the output folder overlaps the source folder",
    ),
    "missing source folder": (
        config('sources = ["artcles"]\n'), "artcles: does not exist; name a folder of articles"
    ),
    "CSV row without a date": (
        put("export.csv", "title,date,text\nA,2018-07-16,Trump spoke.\nB,,Putin spoke.\n"),
        "articles/export.csv:3: has no publication date; fill its date column",
    ),
    "JSONL line that is not JSON": (
        put("feed.jsonl", '{"title": "A", "date": "2018-07-16", "text": "x"}\n{"title": \n'),
        "articles/feed.jsonl:2: is not valid JSON",
    ),
    "HTML page without a date": (
        put("page.html", "<html><body><article><p>Trump spoke in Helsinki on Monday, "
            "aides said, before the two leaders held a joint news conference.</p>"
            "</article></body></html>"),
        "articles/page.html: has no publication date; add <meta name=",
    ),
}


@pytest.mark.parametrize("case", list(CASES))
def test_bad_input_is_one_line_and_leaves_the_output(site: Path, case: str) -> None:
    spoil, expected = CASES[case]
    if case == "HTML page without a date":
        pytest.importorskip("trafilatura")
    before = snapshot(site / "output")
    spoil(site)
    result = build(site)
    assert result.exit_code == 1
    assert "Traceback" not in result.output
    assert result.stdout == ""
    lines = result.stderr.splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("Error: ")
    assert expected in lines[0]
    assert snapshot(site / "output") == before
    assert not [p for p in site.iterdir() if p.name.startswith(".output")]  # no staging left


def test_output_given_as_the_source_folder_on_the_command_line(site: Path) -> None:
    before = snapshot(site / "articles")
    result = build(site, "-o", "articles")
    assert result.exit_code == 1
    assert result.stderr.count("\n") == 1
    assert "overlaps the source folder" in result.stderr
    assert "choose another --output" in result.stderr
    assert snapshot(site / "articles") == before


def test_a_slug_that_renders_a_path_outside_is_refused_by_the_writer() -> None:
    from timeline.errors import OutputError
    from timeline.write import safe_relative_path

    for name in ("../etc/passwd", "/etc/passwd", "articles/../../x", "a\\..\\b"):
        with pytest.raises(OutputError, match="would leave the output folder"):
            safe_relative_path(name)
