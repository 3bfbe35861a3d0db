"""write.py: the only writer — atomic swap, hard links for unchanged files, no escaping paths."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from timeline import write
from timeline.errors import OutputError
from timeline.executors import FORK_MIN, fork_context
from timeline.write import MANIFEST, check_output_folder, safe_relative_path, write_site


def tree(folder: Path) -> dict[str, bytes]:
    """The site's files, without the manifest the writer keeps beside them."""
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in folder.rglob("*")
            if p.is_file() and p.name != MANIFEST}  # fmt: skip


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


def test_an_output_that_is_a_link_is_written_where_it_points(tmp_path: Path) -> None:
    served = tmp_path / "www" / "site"  # a web server's folder, say
    served.mkdir(parents=True)
    link = tmp_path / "out"
    link.symlink_to(served, target_is_directory=True)
    write_site({"a.html": "1"}, link)
    write_site({"a.html": "2"}, link)
    assert link.is_symlink() and link.resolve() == served.resolve()
    assert tree(served) == {"a.html": b"2"}
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out", "www"]  # no litter
    assert sorted(p.name for p in served.parent.iterdir()) == ["site"]


@pytest.mark.parametrize(
    "name", ["../x.html", "/etc/passwd", "a/../../x", "", "a//b", "a\\..\\b", "./a"]
)
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


def test_a_stream_of_pairs_is_written_like_a_mapping(tmp_path: Path) -> None:
    def pages() -> Iterator[tuple[str, str | bytes]]:
        yield "b.html", "2"
        yield "a/index.html", b"1"

    report = write_site(pages(), tmp_path / "out")
    assert tree(tmp_path / "out") == {"b.html": b"2", "a/index.html": b"1"}
    assert report.written == 2


def test_a_path_given_twice_is_refused(tmp_path: Path) -> None:
    with pytest.raises(OutputError, match="twice"):
        write_site(iter([("a.html", "1"), ("a.html", "2")]), tmp_path / "out")
    assert not (tmp_path / "out").exists()


def test_a_rebuild_that_changes_nothing_rewrites_nothing(tmp_path: Path) -> None:
    out = tmp_path / "out"
    write_site({"a.html": "1", "b/c.html": "2"}, out)
    before = {p: (p.stat().st_ino, p.stat().st_mtime_ns) for p in out.rglob("*") if p.is_file()}
    assert out / MANIFEST in before
    report = write_site({"a.html": "1", "b/c.html": "2"}, out)
    after = {p: (p.stat().st_ino, p.stat().st_mtime_ns) for p in out.rglob("*") if p.is_file()}
    assert after == before  # the manifest too
    assert (report.written, report.unchanged, report.removed) == (0, 2, 0)


def test_unchanged_files_are_found_by_the_manifest_without_reading_them(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "out"
    write_site({"a.html": "same", "b.html": "old"}, out)
    monkeypatch.setattr(write, "_same_bytes", lambda *_: pytest.fail("read an old file"))
    report = write_site({"a.html": "same", "b.html": "new"}, out)
    assert (report.written, report.unchanged) == (1, 1)
    assert tree(out) == {"a.html": b"same", "b.html": b"new"}


def test_a_file_edited_after_the_manifest_is_compared_by_its_bytes(tmp_path: Path) -> None:
    out = tmp_path / "out"
    write_site({"a.html": "same", "b.html": "same"}, out)
    manifest_time = (out / MANIFEST).stat().st_mtime_ns
    edited = out / "a.html"
    edited.write_text("SAME")  # same size, other bytes, after the manifest
    os.utime(edited, ns=(manifest_time + 10**9, manifest_time + 10**9))
    report = write_site({"a.html": "same", "b.html": "same"}, out)
    assert tree(out) == {"a.html": b"same", "b.html": b"same"}
    assert (report.written, report.unchanged) == (1, 1)


@pytest.mark.parametrize("manifest", ["not json", '{"files": {"a.html": 3}}'])
def test_without_a_usable_manifest_old_files_are_compared_by_bytes(
    tmp_path: Path, manifest: str
) -> None:
    out = tmp_path / "out"
    out.mkdir()
    (out / "a.html").write_text("same")
    (out / "b.html").write_text("old")
    (out / MANIFEST).write_text(manifest)
    report = write_site({"a.html": "same", "b.html": "new"}, out)
    assert (report.written, report.unchanged) == (1, 1)
    assert tree(out) == {"a.html": b"same", "b.html": b"new"}


def test_a_folder_of_files_timeline_did_not_write_is_refused_not_emptied(
    tmp_path: Path,
) -> None:
    out = tmp_path / "Documents"  # --output mistyped
    out.mkdir()
    (out / "thesis.txt").write_text("years of work")
    with pytest.raises(OutputError, match=r"Documents: holds files timeline did not write"):
        write_site({"index.html": "x"}, out)
    assert (out / "thesis.txt").read_text() == "years of work"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["Documents"]  # nothing staged


def test_an_empty_folder_may_be_the_output(tmp_path: Path) -> None:
    (tmp_path / "out").mkdir()
    write_site({"index.html": "x"}, tmp_path / "out")
    assert tree(tmp_path / "out") == {"index.html": b"x"}


def test_the_manifest_cannot_be_overwritten_by_a_page(tmp_path: Path) -> None:
    with pytest.raises(OutputError, match="manifest"):
        write_site({MANIFEST: "{}"}, tmp_path / "out")


def _pages(count: int, prefix: str = "p") -> list[tuple[str, write.Content]]:
    # each page says which process rendered it, and which page it is
    return [(f"{prefix}/{n}.html", write.Memo(f"key-{n}", lambda n=n: f"{n} by {os.getpid()}"))
            for n in range(count)]


def test_runs_of_pages_to_render_are_rendered_by_other_processes(tmp_path: Path) -> None:
    if fork_context() is None:
        pytest.skip("pages are rendered in other processes only where fork is safe (Linux)")
    count = FORK_MIN + 20
    site = [("index.html", "home"), *_pages(count), ("feed.xml", "feed")]
    write_site(site, tmp_path / "out", jobs=2)
    texts = [(tmp_path / "out" / f"p/{n}.html").read_text() for n in range(count)]
    assert [t.split()[0] for t in texts] == [str(n) for n in range(count)]  # each its own
    assert {t.split()[-1] for t in texts} - {str(os.getpid())}  # not made here
    # the keys are kept: a second write renders none of them
    report = write_site([("index.html", "home"), *_pages(count), ("feed.xml", "feed")],
                        tmp_path / "out", jobs=2)
    assert report.written == 0 and report.unchanged == count + 2
    assert (tmp_path / "out" / "p/0.html").read_text() == texts[0]


def test_a_few_pages_are_rendered_here(tmp_path: Path) -> None:
    write_site(_pages(3), tmp_path / "out", jobs=2)
    assert (tmp_path / "out" / "p/0.html").read_text() == f"0 by {os.getpid()}"


def test_an_error_while_rendering_elsewhere_leaves_the_output_as_it_was(tmp_path: Path) -> None:
    if fork_context() is None:
        pytest.skip("pages are rendered in other processes only where fork is safe (Linux)")
    write_site({"index.html": "old"}, tmp_path / "out")

    def broken() -> str:
        raise OutputError("page 70 cannot be made")

    pages = _pages(FORK_MIN + 10)
    pages[70] = ("p/70.html", write.Memo("k", broken))
    with pytest.raises(OutputError, match="page 70"):
        write_site(pages, tmp_path / "out", jobs=2)
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == [MANIFEST, "index.html"]
