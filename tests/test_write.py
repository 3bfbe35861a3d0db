"""write.py: the only writer — atomic swap, hard links for unchanged files, no escaping paths."""

from __future__ import annotations

from pathlib import Path

import pytest

from timeline.errors import OutputError
from timeline.write import check_output_folder, safe_relative_path, write_site


def tree(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in folder.rglob("*") if p.is_file()}


def test_writes_exactly_the_site(tmp_path: Path) -> None:
    out = tmp_path / "out"
    report = write_site({"index.html": "<p>é</p>", "a/b/c.json": b"{}"}, out)
    assert tree(out) == {"index.html": "<p>é</p>".encode(), "a/b/c.json": b"{}"}
    assert (report.written, report.unchanged) == (2, 0)


def test_second_write_keeps_unchanged_files_and_drops_stale_ones(tmp_path: Path) -> None:
    out = tmp_path / "out"
    write_site({"same.html": "x", "changed.html": "1", "stale.html": "old"}, out)
    before = (out / "same.html").stat()
    report = write_site({"same.html": "x", "changed.html": "2"}, out)
    after = (out / "same.html").stat()
    assert (before.st_ino, before.st_mtime_ns) == (after.st_ino, after.st_mtime_ns)
    assert tree(out) == {"same.html": b"x", "changed.html": b"2"}
    assert (report.written, report.unchanged, report.removed) == (1, 1, 2)


def test_no_staging_folders_are_left_behind(tmp_path: Path) -> None:
    write_site({"a.html": "1"}, tmp_path / "out")
    write_site({"a.html": "2"}, tmp_path / "out")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out"]


@pytest.mark.parametrize("name", ["../x.html", "/etc/passwd", "a/../../x", "", "a//b", "a\\..\\b", "./a"])
def test_paths_that_would_leave_the_output_are_refused(name: str) -> None:
    with pytest.raises(OutputError, match="leave the output folder"):
        safe_relative_path(name)


def test_a_refused_path_leaves_the_previous_output_untouched(tmp_path: Path) -> None:
    out = tmp_path / "out"
    write_site({"index.html": "old"}, out)
    with pytest.raises(OutputError):
        write_site({"index.html": "new", "../escape.html": "x"}, out)
    assert tree(out) == {"index.html": b"old"}
    assert not (tmp_path / "escape.html").exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out"]


@pytest.mark.parametrize("relation", ["same", "inside", "contains"])
def test_output_may_not_overlap_sources(tmp_path: Path, relation: str) -> None:
    src = tmp_path / "articles"
    out = {"same": src, "inside": src / "site", "contains": tmp_path}[relation]
    with pytest.raises(OutputError, match="overlaps the source folder"):
        check_output_folder(out, [src])
    check_output_folder(tmp_path / "site", [src])  # a sibling is fine
