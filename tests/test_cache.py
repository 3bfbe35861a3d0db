"""The extraction cache: reused when nothing relevant changed, never wrong, never a crash;
and an incremental rebuild writes exactly the site a full build writes."""

from __future__ import annotations

import gc
from collections.abc import Sequence
from dataclasses import replace
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from timeline import api
from timeline.cache import TAG_NAME, ExtractionCache, cached_mapper, version_key
from timeline.config import Config
from timeline.errors import ConfigError
from timeline.model import Article, Extraction, unpickle_quietly

UTC = ZoneInfo("UTC")


def article(slug: str = "a", text: str = "Putin spoke on Monday.\n", **kw: object) -> Article:
    fields: dict[str, object] = {
        "slug": slug, "path": f"{slug}.md", "title": slug,
        "published": datetime(2018, 7, 16, tzinfo=UTC), "text": text,
    }
    fields.update(kw)
    return Article(**fields)  # type: ignore[arg-type]


class CountingStage:
    """The real per-article stage, counting the articles it is run on."""

    def __init__(self) -> None:
        self.seen: list[str] = []

    def __call__(self, a: Article) -> Extraction:
        self.seen.append(a.slug)
        return api.extract_article(a)


def run(store: ExtractionCache, articles: Sequence[Article]) -> tuple[list[Extraction], list[str]]:
    stage = CountingStage()
    results = list(cached_mapper(store, map)(stage, articles))
    return results, stage.seen


def test_second_run_extracts_nothing_and_gives_equal_results(tmp_path: Path) -> None:
    store = ExtractionCache(tmp_path / "c")
    store.prepare()
    articles = [article("a"), article("b", "Trump left on Sunday.\n")]
    first, seen = run(store, articles)
    assert seen == ["a", "b"]
    second, seen = run(store, articles)
    assert seen == []
    assert second == first
    assert store.hits == 2 and store.misses == 2


@pytest.mark.parametrize(
    "change",
    [
        {"text": "Putin spoke on Tuesday.\n"},
        {"published": datetime(2018, 7, 17, tzinfo=UTC)},
        {"published": datetime(2018, 7, 16, tzinfo=ZoneInfo("America/New_York"))},
        {"lang": "de"},
        {"pins": (("Monday", "2018-07-09"),)},
        {"title": "Another title"},
        {"path": "moved/a.md"},
    ],
)
def test_any_change_to_the_article_is_a_miss(tmp_path: Path, change: dict[str, object]) -> None:
    store = ExtractionCache(tmp_path / "c")
    original = article()
    run(store, [original])
    changed = replace(original, **change)  # type: ignore[arg-type]
    results, seen = run(store, [changed])
    assert seen == ["a"]
    assert results[0].tagged.article == changed


def cached_then_edited(store: ExtractionCache, count: int, edited: int) -> list[Article]:
    """``count`` articles cached in ``store``, then article ``edited`` changed."""
    articles = [article(f"a{i}", f"Talks ended on day {i} of July 2018.\n") for i in range(count)]
    run(store, articles)
    articles[edited] = replace(articles[edited], text="Talks resumed on Friday.\n")
    return articles


def test_one_changed_article_among_many(tmp_path: Path) -> None:
    store = ExtractionCache(tmp_path / "c")
    articles = cached_then_edited(store, 6, 3)
    results, seen = run(store, articles)
    assert seen == ["a3"]
    assert [r.tagged.article.slug for r in results] == [f"a{i}" for i in range(6)]


def test_the_misses_are_handed_out_before_the_hits_are_read_back(tmp_path: Path) -> None:
    # so that a pool's workers extract them while this process unpickles the rest
    store = ExtractionCache(tmp_path / "c")
    articles = cached_then_edited(store, 4, 2)
    events: list[str] = []
    reading = store.get

    def get(a: Article) -> Extraction | None:
        events.append(f"read {a.slug}")
        return reading(a)

    def eager(stage: object, todo: Sequence[Article]) -> list[Extraction]:
        events.append("handed out " + " ".join(a.slug for a in todo))
        return list(map(stage, todo))  # type: ignore[arg-type]

    store.get = get  # type: ignore[method-assign]
    results = list(cached_mapper(store, eager)(api.extract_article, articles))
    assert events == ["handed out a2", "read a0", "read a1", "read a3"]
    assert [r.tagged.article.slug for r in results] == ["a0", "a1", "a2", "a3"]
    assert results[2].tagged.article.text == "Talks resumed on Friday.\n"


def test_what_was_read_back_is_frozen_while_the_misses_are_made(tmp_path: Path) -> None:
    store = ExtractionCache(tmp_path / "c")
    articles = cached_then_edited(store, 3, 1)
    frozen_while_making: list[int] = []

    def stage(a: Article) -> Extraction:
        frozen_while_making.append(gc.get_freeze_count())
        return api.extract_article(a)

    assert gc.get_freeze_count() == 0
    results = list(cached_mapper(store, map)(stage, articles))
    assert len(results) == 3 and frozen_while_making[0] > 0  # the two hits, at least
    assert gc.get_freeze_count() == 0  # and let go afterwards


def test_context_is_part_of_the_key(tmp_path: Path) -> None:
    run(ExtractionCache(tmp_path / "c", context="x"), [article()])
    _, seen = run(ExtractionCache(tmp_path / "c", context="y"), [article()])
    assert seen == ["a"]


@pytest.mark.parametrize("damage", [b"", b"garbage", b"\x80\x04\x95\xff\xff", None])
def test_a_corrupt_entry_is_a_miss_and_is_repaired(tmp_path: Path, damage: bytes | None) -> None:
    folder = tmp_path / "c"
    (first,), _ = run(ExtractionCache(folder), [article()])
    (entry,) = ExtractionCache(folder).entries.glob("*.pickle")  # the build packed it
    if damage is None:  # a valid pickle of the wrong thing
        import pickle

        entry.write_bytes(pickle.dumps({"not": "an extraction"}))
    else:
        entry.write_bytes(damage)
    (again,), seen = run(ExtractionCache(folder), [article()])  # each build opens the cache
    assert seen == ["a"]
    assert again == first
    (_, seen) = run(ExtractionCache(folder), [article()])
    assert seen == []


def test_an_entry_for_another_article_is_not_used(tmp_path: Path) -> None:
    import pickle

    folder = tmp_path / "c"
    store = ExtractionCache(folder)
    a, b = article("a"), article("b", "Trump left on Sunday.\n")
    (_, extraction_b), _ = run(store, [a, b])
    # a batch entry, and a shard entry, under a's key that hold b's extraction
    (store.entries / "batch-x.pickle").write_bytes(pickle.dumps({store.key(a): extraction_b}))
    for shard in store.entries.glob("shard-*.pickle"):
        shard.write_bytes(pickle.dumps({store.key(a): extraction_b}))
    (result,), seen = run(ExtractionCache(folder), [article("a")])
    assert seen == ["a"] and result.tagged.article.slug == "a"


def test_writes_are_atomic_and_leave_no_temporary_files(tmp_path: Path) -> None:
    store = ExtractionCache(tmp_path / "c")
    run(store, [article(f"s{i}") for i in range(3)])
    names = [p.name for p in store.entries.iterdir()]
    assert len(names) == 3 and all(n.endswith(".pickle") for n in names)


def test_prepare_tags_the_folder_and_drops_other_versions(tmp_path: Path) -> None:
    store = ExtractionCache(tmp_path / "c")
    store.prepare()
    stale = tmp_path / "c" / "0123456789abcdef"  # entries of an older timeline
    stale.mkdir()
    (stale / "x.pickle").write_bytes(b"old")
    store.prepare()
    assert (tmp_path / "c" / TAG_NAME).read_text("utf-8").startswith("Signature: 8a477f597d28d17")
    assert (tmp_path / "c" / ".gitignore").read_text("utf-8").endswith("*\n")
    assert not stale.exists()
    assert store.entries.name == version_key()


def test_clear_refuses_a_folder_that_is_not_a_cache(tmp_path: Path) -> None:
    precious = tmp_path / "precious"
    precious.mkdir()
    (precious / "notes.md").write_text("mine", "utf-8")
    with pytest.raises(ConfigError, match="is not a timeline cache"):
        ExtractionCache(precious).clear()
    with pytest.raises(ConfigError, match="is not a timeline cache"):
        ExtractionCache(precious).prepare()
    assert (precious / "notes.md").read_text("utf-8") == "mine"


def test_progress_is_reported(tmp_path: Path) -> None:
    store = ExtractionCache(tmp_path / "c")
    calls: list[tuple[int, int]] = []
    articles = [article(f"p{i}") for i in range(5)]
    list(cached_mapper(store, map, lambda d, t: calls.append((d, t)), chunk=2)(
        api.extract_article, articles))
    assert calls == [(0, 5), (2, 5), (4, 5), (5, 5)]
    calls.clear()
    again = cached_mapper(store, map, lambda d, t: calls.append((d, t)))
    list(again(api.extract_article, articles))
    assert calls == [(5, 5)]


def test_the_cache_must_not_overlap_the_output(tmp_path: Path) -> None:
    (tmp_path / "src").mkdir()
    (tmp_path / "src" / "a.md").write_text("---\ndate: 2018-07-16\n---\nHi on Monday.\n", "utf-8")
    with pytest.raises(ConfigError, match="overlaps the output folder"):
        api.build_site([tmp_path / "src"], tmp_path / "out", Config(), cache=tmp_path / "out")


# -- an incremental rebuild leaves exactly the site a full build would ------------------------

STORY = [
    ("summit", "2018-07-16", "Trump met Putin in Helsinki on Monday. They spoke for two hours."),
    ("eve", "2018-07-15", "Trump arrived in Helsinki on Sunday, a day before the summit."),
    ("after", "2018-07-18", "On Tuesday Trump said he misspoke in Helsinki on Monday."),
    ("invite", "2018-07-20", "The White House invited Putin to Washington this fall."),
    ("moscow", "2018-08-07", "Rand Paul met officials in Moscow on Monday."),
]


def write_story(folder: Path, items: Sequence[tuple[str, str, str]]) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for slug, day, text in items:
        (folder / f"{slug}.md").write_text(
            f"---\ntitle: {slug.title()}\ndate: {day}\nsource: Wire\n---\n{text}\n", "utf-8"
        )


def tree(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def test_incremental_rebuild_equals_a_full_build(tmp_path: Path) -> None:
    src, cache = tmp_path / "src", tmp_path / "cache"
    cfg = Config(title="Helsinki")
    write_story(src, STORY)
    first = api.build_site([src], tmp_path / "inc", cfg, cache=cache)
    assert first.cached == 0
    # One article edited, one added, one removed: the three ways a rebuild can differ.
    write_story(src, [("summit", "2018-07-16", "Trump and Putin met alone on Monday in Helsinki.")])
    write_story(src, [("vienna", "2018-09-18", "The two met again in Vienna on Tuesday.")])
    (src / "eve.md").unlink()
    again = api.build_site([src], tmp_path / "inc", cfg, cache=cache)
    assert again.cached == 3  # after, invite, moscow
    full = api.build_site([src], tmp_path / "full", cfg)
    assert full.events == again.events
    assert tree(tmp_path / "inc") == tree(tmp_path / "full")
    assert "Vienna" in (tmp_path / "inc" / "timeline.json").read_text("utf-8")
    assert not (tmp_path / "inc" / "articles" / "eve").exists()


def test_a_cache_kept_in_memory_reads_back_nothing_and_builds_the_same_site(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """``timeline serve`` keeps one cache object, extractions in memory, from build to build."""
    import timeline.cache as cache_module

    src, cfg = tmp_path / "src", Config(title="Helsinki")
    write_story(src, STORY)
    unpickled: list[str] = []  # the extractions a build reads back (or gets from a worker)

    def counting(data: bytes) -> object:
        value = unpickle_quietly(data)
        if isinstance(value, Extraction):
            unpickled.append(value.tagged.article.slug)
        return value

    monkeypatch.setattr(cache_module, "unpickle_quietly", counting)
    kept = ExtractionCache(tmp_path / "cache", in_memory=True)
    api.build_site([src], tmp_path / "kept", cfg, cache=kept)
    write_story(src, [("summit", "2018-07-16", "Trump and Putin met alone on Monday in Helsinki.")])
    unpickled.clear()
    again = api.build_site([src], tmp_path / "kept", cfg, cache=kept)
    assert unpickled == ["summit"]  # only the edited article, extracted anew
    assert again.cached == len(STORY) - 1
    full = api.build_site([src], tmp_path / "full", cfg)
    assert tree(tmp_path / "kept") == tree(tmp_path / "full")
    # the cache on disk was kept up to date for builds in other processes
    unpickled.clear()
    from_disk = api.build_site([src], tmp_path / "disk", cfg, cache=tmp_path / "cache")
    assert from_disk.cached == len(STORY) and len(unpickled) == len(STORY)
    assert tree(tmp_path / "disk") == tree(tmp_path / "full")
    assert full.events == again.events


def test_a_no_change_rebuild_uses_only_the_cache(tmp_path: Path) -> None:
    src = tmp_path / "src"
    write_story(src, STORY)
    api.build_site([src], tmp_path / "out", Config(), cache=tmp_path / "cache")
    before = tree(tmp_path / "out")
    again = api.build_site([src], tmp_path / "out", Config(), cache=tmp_path / "cache")
    assert again.cached == len(STORY)
    assert again.write.written == 0
    assert tree(tmp_path / "out") == before


def test_a_code_change_changes_the_version_key(monkeypatch: pytest.MonkeyPatch) -> None:
    import timeline.cache as cache_module

    compute = version_key.__wrapped__  # type: ignore[attr-defined]
    ours = compute()
    assert ours == version_key()
    monkeypatch.setattr(cache_module, "code_fingerprint", lambda: "0.1.0+edited-tagger")
    assert compute() != ours


def test_parsed_articles_are_reused_and_an_edited_file_is_parsed_again(tmp_path: Path) -> None:
    from timeline.cache import PARSED_FILE
    from timeline.load import load_articles

    src = tmp_path / "src"
    src.mkdir()
    for name, day in (("a", 16), ("b", 17)):
        (src / f"{name}.md").write_text(
            f"---\ntitle: {name}\ndate: 2018-07-{day}\n---\nPutin spoke on Monday.\n", "utf-8"
        )
    store = ExtractionCache(tmp_path / "c")
    store.prepare()
    parsed = store.parsed_articles()
    first = load_articles([src], UTC, parsed=parsed)
    store.keep_parsed_articles(parsed, [])
    assert len(store.parsed_articles()) == 2

    (src / "b.md").write_text("---\ntitle: B2\ndate: 2018-07-18\n---\nTrump left.\n", "utf-8")
    parsed = store.parsed_articles()
    second = load_articles([src], UTC, parsed=parsed)
    assert second[0] == first[0]  # a.md: the very same article
    assert second[1].title == "B2" and second[1].published.day == 18
    store.keep_parsed_articles(parsed, [])
    assert {a.title for v in store.parsed_articles().values() for a in v} == {"a", "B2"}

    (store.entries / PARSED_FILE).write_bytes(b"\x80garbage")  # damaged: parse everything
    assert store.parsed_articles() == {}
    assert load_articles([src], UTC, parsed={}) == second


def test_a_build_packs_its_entries_and_an_edit_rewrites_one_shard(tmp_path: Path) -> None:
    folder = tmp_path / "c"
    articles = [article(f"s{i}", f"Putin spoke on Monday, day {i}.\n") for i in range(40)]
    store = ExtractionCache(folder)
    first, seen = run(store, articles)
    assert len(seen) == 40
    assert not [p for p in store.entries.glob("*.pickle") if not p.name.startswith("shard-")]
    shards = {p.name: p.stat().st_mtime_ns for p in store.entries.glob("shard-*.pickle")}
    assert 1 < len(shards) <= 16

    edited = [*articles[:-1], article("s39", "Trump left on Sunday.\n")]
    second, seen = run(ExtractionCache(folder), edited)
    assert seen == ["s39"] and second[:-1] == first[:-1]
    after = {p.name: p.stat().st_mtime_ns for p in store.entries.glob("shard-*.pickle")}
    rewritten = {name for name in after if after[name] != shards.get(name)}
    assert len(rewritten) <= 2  # the shard of the new entry, and that of the old one if apart
    _, seen = run(ExtractionCache(folder), edited)
    assert seen == []


def test_an_interrupted_build_keeps_the_batches_it_finished(tmp_path: Path) -> None:
    folder = tmp_path / "c"
    articles = [article(f"s{i:02d}", f"Putin spoke on Monday, day {i}.\n") for i in range(10)]

    class Interrupted(Exception):
        pass

    def dies_at_the_seventh(a: Article) -> Extraction:
        if a.slug == "s07":
            raise Interrupted
        return api.extract_article(a)

    with pytest.raises(Interrupted):
        cached_mapper(ExtractionCache(folder), map, chunk=3)(dies_at_the_seventh, articles)
    store = ExtractionCache(folder)
    assert list(store.entries.glob("batch-*.pickle"))  # saved, not packed yet
    _, seen = run(store, articles)
    assert seen == ["s06", "s07", "s08", "s09"]  # s00..s05 came in two finished batches
    assert not list(store.entries.glob("batch-*.pickle"))  # packed into shards
