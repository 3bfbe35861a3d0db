"""Merging reports of one event, and follow-up links from expected to happened."""

from __future__ import annotations

from datetime import date

from eventkit import DCT, event

from timeline.config import Config
from timeline.followup import link_followups
from timeline.merge import merge_events
from timeline.model import Granularity, Status

CFG = Config()
LATER = date(2018, 7, 18)
SUMMIT = "Trump and Putin met alone for two hours at the Presidential Palace in Helsinki."
SUMMIT_2 = "Trump met Putin alone for more than two hours at the palace in Helsinki on Monday."
PRESSER = "At a joint news conference, Putin denied that Russia meddled in the election."


def test_same_event_from_two_articles_is_one_event_citing_both_first_report_first() -> None:
    later = event(SUMMIT_2, DCT, slug="b", published=LATER, people=("Trump", "Vladimir Putin"))
    first = event(SUMMIT, DCT, slug="a", people=("Trump", "Vladimir Putin"))
    (merged,) = merge_events([later, first], CFG)
    assert [c.article_slug for c in merged.citations] == ["a", "b"]
    assert merged.id == first.id and merged.text == SUMMIT


def test_two_different_events_of_the_same_day_stay_two() -> None:
    a = event(SUMMIT, DCT, slug="a", people=("Trump", "Vladimir Putin"))
    b = event(PRESSER, DCT, slug="b", people=("Trump", "Vladimir Putin"))
    assert len(merge_events([a, b], CFG)) == 2


def test_similar_text_on_different_days_is_not_merged() -> None:
    a = event(SUMMIT, DCT, slug="a")
    b = event(SUMMIT, date(2018, 7, 17), slug="b")
    assert len(merge_events([a, b], CFG)) == 2


def test_thresholds_come_from_the_config() -> None:
    a = event(SUMMIT, DCT, slug="a")
    b = event(SUMMIT_2, DCT, slug="b")
    assert len(merge_events([a, b], Config(merge_text_threshold=0.3))) == 1
    assert len(merge_events([a, b], Config(merge_text_threshold=0.95))) == 2


def test_no_chaining_through_a_sentence_that_mentions_both_events() -> None:
    both = "Trump and Putin met alone for two hours at the palace, then held a news conference."
    a = event(SUMMIT, DCT, slug="a")
    b = event(both, DCT, slug="b")
    c = event(PRESSER + " It was a joint news conference.", DCT, slug="c")
    merged = merge_events([a, b, c], Config(merge_text_threshold=0.3))
    assert not any({"a", "c"} <= {x.article_slug for x in m.citations} for m in merged)


def test_merged_event_takes_the_date_most_reports_give_and_happened_wins() -> None:
    preview = event(SUMMIT, DCT, slug="a", published=date(2018, 7, 15), status=Status.EXPECTED)
    timed = event(SUMMIT_2, DCT, slug="b", value="2018-07-16T14:00", granularity=Granularity.TIME)
    day = event(SUMMIT, DCT, slug="c", published=LATER)
    (merged,) = merge_events([preview, timed, day], CFG)
    assert merged.when.value == "2018-07-16" and merged.status is Status.HAPPENED
    assert [c.article_slug for c in merged.citations] == ["a", "b", "c"]


def test_merge_is_independent_of_input_order() -> None:
    events = [
        event(SUMMIT, DCT, slug="a"), event(SUMMIT_2, DCT, slug="b", published=LATER),
        event(PRESSER, DCT, slug="c"),
    ]
    assert merge_events(events, CFG) == merge_events(events[::-1], CFG)


TRIP = "Paul announced he will be heading to Russia in the coming weeks."
ARRIVAL = "Sen. Rand Paul arrived in Moscow on Monday and met members of parliament."


def _trip() -> tuple:
    expected = event(
        TRIP, date(2018, 7, 17), end=date(2018, 9, 10), value="FUTURE_REF", approximate=True,
        granularity=Granularity.VAGUE, status=Status.EXPECTED, people=("Rand Paul",), slug="a",
    )
    happened = event(
        ARRIVAL, date(2018, 8, 6), published=date(2018, 8, 7), people=("Rand Paul",), slug="b",
    )
    return expected, happened


def test_follow_up_links_what_was_expected_to_what_happened() -> None:
    expected, happened = _trip()
    linked = {e.id: e for e in link_followups([expected, happened], CFG)}
    assert linked[expected.id].fulfilled_by == happened.id
    assert linked[happened.id].fulfils == expected.id


def test_no_follow_up_without_a_shared_name_or_outside_the_range() -> None:
    expected, _ = _trip()
    stranger = event(ARRIVAL, date(2018, 8, 6), published=date(2018, 8, 7), people=("Lavrov",))
    too_late = event(ARRIVAL, date(2019, 8, 6), published=date(2019, 8, 7), people=("Rand Paul",))
    for other in (stranger, too_late):
        assert all(e.fulfilled_by is None for e in link_followups([expected, other], CFG))


def test_a_report_alike_to_two_events_joins_the_one_reported_first() -> None:
    # Two reports of "in the coming weeks" ranges that do not overlap, then one whose range
    # overlaps both: equally alike, it joins the older event, whichever month it was indexed by.
    april = event(
        TRIP, date(2018, 4, 5), end=date(2018, 4, 20), value="FUTURE_REF", approximate=True,
        granularity=Granularity.VAGUE, slug="a", published=date(2018, 3, 1),
    )
    march = event(
        TRIP, date(2018, 3, 1), end=date(2018, 3, 10), value="FUTURE_REF", approximate=True,
        granularity=Granularity.VAGUE, slug="b", published=date(2018, 3, 2),
    )
    both = event(
        TRIP, date(2018, 3, 5), end=date(2018, 4, 10), value="FUTURE_REF", approximate=True,
        granularity=Granularity.VAGUE, slug="c", published=date(2018, 3, 3),
    )
    merged = merge_events([both, march, april], CFG)
    assert [[c.article_slug for c in m.citations] for m in merged] == [["a", "c"], ["b"]]


PREVIEW = "Trump and Putin will meet alone for two hours at the Presidential Palace in Helsinki."


def test_a_happened_event_is_told_by_the_first_report_from_its_day_not_by_a_preview() -> None:
    preview = event(PREVIEW, DCT, slug="a", published=date(2018, 7, 13), status=Status.EXPECTED)
    report = event(SUMMIT, DCT, slug="b", published=DCT)
    (merged,) = merge_events([preview, report], CFG)
    assert merged.text == SUMMIT and merged.status is Status.HAPPENED
    assert merged.id == preview.id  # the id stays that of the first report
    assert [c.article_slug for c in merged.citations] == ["a", "b"]  # first reported, first


def test_a_report_that_leans_on_its_context_does_not_tell_the_event() -> None:
    preview = event(PREVIEW, DCT, slug="a", published=date(2018, 7, 13), status=Status.EXPECTED)
    leaning = "He met Putin alone for two hours at the Presidential Palace in Helsinki."
    report = event(leaning, DCT, slug="b", published=DCT)
    (merged,) = merge_events([preview, report], CFG)
    assert merged.text == PREVIEW and merged.status is Status.HAPPENED


def test_an_expected_event_keeps_the_first_reports_words() -> None:
    a = event(PREVIEW, DCT, slug="a", published=date(2018, 7, 13), status=Status.EXPECTED)
    b = event(SUMMIT_2, DCT, slug="b", published=date(2018, 7, 14), status=Status.EXPECTED)
    (merged,) = merge_events([a, b], CFG)
    assert merged.text == PREVIEW


def test_a_merged_event_names_at_most_max_names_people_first_mentioned_first() -> None:
    from timeline.model import MAX_NAMES

    crowds = [
        event(SUMMIT, DCT, slug=f"s{n}", people=tuple(f"Person {n}-{i}" for i in range(60)))
        for n in range(3)
    ]  # the same report thrice, 180 different names
    (merged,) = merge_events(crowds, CFG)
    assert len(merged.citations) == 3
    assert merged.people == tuple(f"Person {n}-{i}" for n in range(3) for i in range(60))[
        :MAX_NAMES
    ]
