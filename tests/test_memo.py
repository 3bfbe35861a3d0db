"""What the last build made is reused only where it is what this build would make.

A rebuild remembers how each group of reports merged (``merge_traced``) and what each event
looks like on the site (``iter_site``'s memo): these tests hold that a remembered result
never differs from a fresh one, whatever changed between the builds."""

from __future__ import annotations

import json
import shutil
from dataclasses import replace
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from test_assemble_reference import _corpus_events, event_lists

from timeline import api
from timeline.config import Config
from timeline.export_ical import fold, render_ical, vevent
from timeline.export_timelinejs import render_timelinejs, timelinejs_data
from timeline.links import Links
from timeline.load import load_articles
from timeline.memo import MemoTable, digest
from timeline.merge import merge_events, merge_traced
from timeline.model import Event, Timeline

SEEDS = Path(__file__).resolve().parent.parent / "seeds"


def fingerprints(events: list[Event]) -> list[str]:
    # what made each report: here, the report itself
    return [digest(repr(e)) for e in events]


@pytest.fixture(scope="module")
def corpus_events(tmp_path_factory: pytest.TempPathFactory) -> list[Event]:
    return _corpus_events(tmp_path_factory.mktemp("corpus"))


def test_a_memo_table_keeps_exactly_what_a_build_used(tmp_path: Path) -> None:
    path = tmp_path / "memo-x.pickle"
    first: MemoTable[str] = MemoTable(path)
    assert first.get("a", lambda: "A") == "A" and first.get("b", lambda: "B") == "B"
    first.save()
    second: MemoTable[str] = MemoTable(path)
    assert second.get("a", lambda: "changed") == "A"  # remembered, not computed
    assert (second.hits, second.misses) == (1, 0)
    second.save()
    third: MemoTable[str] = MemoTable(path)
    assert third.get("b", lambda: "B again") == "B again"  # "b" was not used: it was dropped


def _build(path: Path, keys: list[str]) -> MemoTable[str]:
    """A build that uses these keys (values derived from them, as memo values are)."""
    table: MemoTable[str] = MemoTable(path)
    for key in keys:
        table.get(key, lambda key=key: key.upper())
    table.save()
    return table


def test_a_build_that_made_a_few_entries_appends_them_and_leaves_the_table_alone(
    tmp_path: Path,
) -> None:
    path = tmp_path / "memo-x.pickle"
    keys = [f"k{i}" for i in range(100)]
    _build(path, keys)
    written = path.stat().st_mtime_ns, path.read_bytes()
    # one edit: two entries replaced by two new ones
    edited = [*keys[2:], "new1", "new2"]
    _build(path, edited)
    assert (path.stat().st_mtime_ns, path.read_bytes()) == written
    assert path.with_suffix(".journal").stat().st_size < len(written[1]) // 10
    again = _build(path, edited)
    assert (again.hits, again.misses) == (100, 0)  # the journal's entries are read back
    assert (path.stat().st_mtime_ns, path.read_bytes()) == written


def test_a_table_is_written_anew_once_unused_entries_pile_up(tmp_path: Path) -> None:
    path = tmp_path / "memo-x.pickle"
    journal = path.with_suffix(".journal")
    held = []  # entries the files hold after each build, and whether there is a journal
    for n in range(5):  # each build uses 100 entries, ten of them new
        _build(path, [f"k{i}" for i in range(10 * n, 10 * n + 100)])
        held.append((len(MemoTable(path)._old), journal.exists()))
    # the third build left 30 unused entries, more than a quarter of the 100 it used: the
    # table was written anew with exactly those 100, and the next build appended to it again
    assert held == [(100, False), (110, True), (120, True), (100, False), (110, True)]


def test_a_journal_cut_short_keeps_its_whole_records_and_is_folded_in(tmp_path: Path) -> None:
    path = tmp_path / "memo-x.pickle"
    _build(path, [f"k{i}" for i in range(100)])
    _build(path, [f"k{i}" for i in range(99)] + ["a"])
    _build(path, [f"k{i}" for i in range(99)] + ["a", "b"])
    journal = path.with_suffix(".journal")
    journal.write_bytes(journal.read_bytes()[:-3])  # the last build was interrupted
    table = _build(path, [f"k{i}" for i in range(99)] + ["a", "b"])
    assert (table.hits, table.misses) == (100, 1)  # "b" is made again, "a" was kept
    assert not journal.exists()  # and the table written whole, so later records are readable
    assert len(MemoTable(path)._old) == 101


@given(st.lists(st.text(), max_size=4), st.lists(st.text(), max_size=4))
def test_different_lists_of_parts_have_different_keys(a: list[str], b: list[str]) -> None:
    # the framing keeps ("ab", "c") from ("a", "bc"), and "1:a" from ("1", "a")
    assert (digest(*a) == digest(*b)) == (a == b)


def test_a_damaged_memo_table_is_an_empty_one(tmp_path: Path) -> None:
    path = tmp_path / "memo-x.pickle"
    path.write_bytes(b"\x80\x05not a pickle")
    table: MemoTable[str] = MemoTable(path)
    assert table.get("a", lambda: "A") == "A" and table.misses == 1


def test_a_remembered_merge_is_the_merge(corpus_events: list[Event], tmp_path: Path) -> None:
    cfg = Config()
    prints = fingerprints(corpus_events)
    table: MemoTable[list[list[int]]] = MemoTable(tmp_path / "memo-merge.pickle")
    merged, traces = merge_traced(corpus_events, cfg, prints, table)
    assert merged == merge_events(corpus_events, cfg)
    assert len(traces) == len(merged) and len(set(traces)) == len(traces)
    table.save()

    again: MemoTable[list[list[int]]] = MemoTable(tmp_path / "memo-merge.pickle")
    assert merge_traced(corpus_events, cfg, prints, again) == (merged, traces)
    assert again.misses == 0 and again.hits > 10

    # One article edited: its reports change, and only the dates they touch merge again.
    slug = corpus_events[len(corpus_events) // 2].citations[0].article_slug
    edited = [
        replace(e, text=e.text + " Officials confirmed it.")
        if e.citations and e.citations[0].article_slug == slug else e
        for e in corpus_events
    ]
    after: MemoTable[list[list[int]]] = MemoTable(tmp_path / "memo-merge.pickle")
    remembered, _ = merge_traced(edited, cfg, fingerprints(edited), after)
    assert remembered == merge_events(edited, cfg)
    assert after.hits > after.misses > 0


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(before=event_lists(), after=event_lists(), keep=st.integers(0, 30))
def test_any_earlier_memo_leaves_the_merge_as_it_is(
    before: list[Event], after: list[Event], keep: int
) -> None:
    """Whatever the last build merged, a memo of it changes nothing in this build's merge."""
    cfg = Config()
    table: MemoTable[list[list[int]]] = MemoTable()
    merge_traced(before, cfg, fingerprints(before), table)
    now = [*before[:keep], *after]
    assert merge_traced(now, cfg, fingerprints(now), table)[0] == merge_events(now, cfg)


@pytest.fixture(scope="module")
def seeds_timeline() -> tuple[Timeline, Links]:
    timeline = api.build_timeline(load_articles([SEEDS], ZoneInfo("UTC")), Config(title="Seeds"))
    return timeline, Links.build(timeline, {"index.html": timeline.events}, [], [])


def test_exports_assembled_from_events_are_what_the_whole_data_gives(
    seeds_timeline: tuple[Timeline, Links],
) -> None:
    timeline, links = seeds_timeline
    base = "https://example.org/story/"
    whole = render_timelinejs(timeline, base, links)
    assert json.loads(whole) == timelinejs_data(timeline, base, links)
    assert whole.count(b"\n") == len(timeline.events) + 4  # title, "events":[, ], scale
    lines = [line for e in timeline.events for line in vevent(e, base, links)]
    calendar = render_ical(timeline, base, links).decode("utf-8")
    assert calendar.endswith("\r\n".join(fold(line) for line in lines) + "\r\nEND:VCALENDAR\r\n")


def _snapshot(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes()
            for p in sorted(folder.rglob("*")) if p.is_file()}  # fmt: skip


def test_a_rebuild_from_remembered_parts_is_a_fresh_build(tmp_path: Path) -> None:
    """Edit one article: the rebuild reuses the memo tables, and writes what a build with
    no cache at all writes."""
    sources = tmp_path / "articles"
    shutil.copytree(SEEDS, sources)
    out, cache, cfg = tmp_path / "site", tmp_path / "cache", Config(title="Story")
    api.build_site([sources], out, cfg, cache=cache)
    tables = sorted(p.name for p in cache.rglob("memo-*.pickle"))
    assert tables == [f"memo-{name}.pickle" for name in ("briefs", "events", "exports", "merge")]
    edited = sorted(sources.glob("*.md"))[2]
    edited.write_text(edited.read_text("utf-8").replace("Monday", "Tuesday", 1), "utf-8")
    api.build_site([sources], out, cfg, cache=cache)
    fresh = tmp_path / "fresh"
    api.build_site([sources], fresh, cfg, cache=None)
    assert _snapshot(out) == _snapshot(fresh)


@given(st.lists(st.sampled_from(["<p>", "é", "<@root@>", "<@home:e-1@>", "<@home:x%20y@>",
                                 "&amp;", "plain words "]), max_size=30),
       st.sampled_from(["", "../", "../../", "ü/"]))
def test_the_size_of_resolved_markup_is_counted_without_resolving(
    pieces: list[str], root: str
) -> None:
    from timeline.links import resolve, resolved_size

    links = Links({"e-1": "years/2018/index.html", "x y": "a&b.html"}, {}, {}, {}, {})
    markup = "".join(pieces)
    assert resolved_size(markup, root, links) == len(resolve(markup, root, links).encode())


def test_many_keys_at_once_compute_only_what_is_not_remembered(tmp_path: Path) -> None:
    table: MemoTable[str] = MemoTable(tmp_path / "memo-x.pickle")
    assert table.get("b", lambda: "B") == "B"
    asked: list[list[int]] = []

    def compute(places: list[int]) -> list[str]:
        asked.append(places)
        return [f"made {i}" for i in places]

    assert table.get_many(["a", "b", "c"], compute) == ["made 0", "B", "made 2"]
    assert asked == [[0, 2]]
    assert table.get("c", lambda: "again") == "made 2"  # remembered as if by get


def test_event_links_are_remembered_per_links_not_shared_by_a_replaced_copy() -> None:
    # Links remembers each event's escaped path; a copy with other homes must not reuse them
    first = Links({"e1": "years/2020/index.html"}, {}, {}, {}, {})
    assert first.event("e1", "../") == "../years/2020/index.html#e-e1"
    moved = replace(first, homes={"e1": "years/2020/2.html"})
    assert moved.event("e1", "") == "years/2020/2.html#e-e1"
    assert first.event("e1", "") == "years/2020/index.html#e-e1"
