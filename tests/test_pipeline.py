"""The whole pipeline on the seed article: the order and dates the foundation issue promised."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from timeline import api
from timeline.config import Config
from timeline.load import load_articles
from timeline.model import Event, Granularity, Status

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
SEED = SEEDS / "2018-07-16-rand-paul-russia-trip.md"


@pytest.fixture(scope="module")
def seed_events() -> tuple[Event, ...]:
    from zoneinfo import ZoneInfo

    articles = load_articles([SEED], ZoneInfo("UTC"))
    return api.build_timeline(articles, Config()).events


def _first(events: tuple[Event, ...], words: str) -> tuple[int, Event]:
    for i, event in enumerate(events):
        if any(words in c.sentence for c in event.citations):
            return i, event
    raise AssertionError(f"no event mentions {words!r}")


def test_the_seed_article_loses_its_cms_placeholder() -> None:
    from zoneinfo import ZoneInfo

    (article,) = load_articles([SEED], ZoneInfo("UTC"))
    assert "{mosads}" in SEED.read_text("utf-8")
    assert "{mosads}" not in article.text
    assert article.dct == date(2018, 7, 16)


def test_seed_events_come_in_story_order(seed_events: tuple[Event, ...]) -> None:
    i_2016, interference = _first(seed_events, "interfered in 2016")
    i_sunday, sunday = _first(seed_events, "Paul on Sunday said")
    i_meeting, meeting = _first(seed_events, "one-on-one meeting")
    i_oped, oped = _first(seed_events, "Monday’s Politico op-ed")
    i_press, press = _first(seed_events, "Putin said at the press conference on Monday")
    i_trip, _ = _first(seed_events, "I will take my own trip to Russia")

    assert interference.when.value == "2016"
    assert interference.when.granularity is Granularity.YEAR
    assert (interference.when.interval.start, interference.when.interval.end) == (
        date(2016, 1, 1), date(2016, 12, 31))
    assert sunday.when.value == "2018-07-15"
    for same_day in (meeting, oped, press):
        assert same_day.when.value == "2018-07-16", same_day.text
    assert i_2016 < i_sunday < min(i_meeting, i_oped, i_press)
    assert max(i_meeting, i_oped, i_press) < i_trip


def test_the_trip_is_an_expected_approximate_range_after_the_article(
    seed_events: tuple[Event, ...],
) -> None:
    _, trip = _first(seed_events, "I will take my own trip to Russia")
    assert trip.status is Status.EXPECTED
    assert trip.when.approximate
    assert trip.when.interval.start > date(2018, 7, 16)
    assert trip.when.interval.days > 7, "a vague range, not a made-up day"


def test_monday_is_never_the_week_before_and_we_is_never_a_date(
    seed_events: tuple[Event, ...],
) -> None:
    from zoneinfo import ZoneInfo

    (article,) = load_articles([SEED], ZoneInfo("UTC"))
    timexes = api.tag_article(article).timexes
    assert all(t.value != "2018-07-09" for t in timexes)
    assert all(t.text.lower() != "we" for t in timexes)
    assert all("2018-07-09" not in e.when.value for e in seed_events)


def test_building_the_seeds_twice_gives_identical_bytes(tmp_path: Path) -> None:
    first = api.build_site([SEEDS], tmp_path / "a")
    api.build_site([SEEDS], tmp_path / "b")
    files_a = sorted(p.relative_to(first.output) for p in first.output.rglob("*") if p.is_file())
    second = tmp_path / "b"
    files_b = sorted(p.relative_to(second) for p in second.rglob("*") if p.is_file())
    assert files_a == files_b and files_a
    for rel in files_a:
        assert (first.output / rel).read_bytes() == (tmp_path / "b" / rel).read_bytes(), rel
    data = json.loads((first.output / "timeline.json").read_text("utf-8"))
    starts = [e["date"]["start"] for e in data["events"]]
    assert starts == sorted(starts), "events are in timeline order"


def test_the_extraction_stage_renders_each_article_body_once_for_the_render_stage() -> None:
    from zoneinfo import ZoneInfo

    from timeline.render_article import article_body_html

    (article,) = load_articles([SEED], ZoneInfo("UTC"))
    extraction = api.extract_article(article)
    assert extraction.body_html == article_body_html(extraction.tagged)
    assert 'class="timex' in extraction.body_html or "<mark" in extraction.body_html
    body = api.body_lookup([extraction])
    assert body(extraction.tagged) is extraction.body_html  # used as made, not rendered again
