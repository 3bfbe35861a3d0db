"""Key dates: salience ranking, and --between."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from eventkit import DCT, event

from timeline.assemble import assemble
from timeline.config import Config
from timeline.keydates import citation_weight, event_salience, rank_key_dates
from timeline.model import Granularity

OTHER = date(2018, 7, 13)


def test_more_and_more_prominent_reports_rank_first() -> None:
    events = [
        event("Summit.", DCT, slug="a", index=0), event("Summit too.", DCT, slug="b", index=0),
        event("Indictment.", OTHER, slug="c", index=9),
    ]
    ranked = rank_key_dates(events, 5)
    assert [k.day for k in ranked] == [DCT, OTHER]
    assert ranked[0].score > ranked[1].score


def test_later_articles_referring_back_count_more() -> None:
    same_day = event("Indictment.", OTHER, slug="a", published=OTHER)
    summit = event("Summit.", DCT, slug="b", published=DCT)
    recalled = replace(same_day, citations=(
        replace(same_day.citations[0], published=date(2018, 7, 30)),
    ))
    assert rank_key_dates([recalled, summit], 1)[0].day == OTHER
    assert rank_key_dates([same_day, summit], 1)[0].day == OTHER  # tie → earlier day
    assert rank_key_dates([same_day, summit], 2)[0].score < rank_key_dates([recalled], 1)[0].score


def test_only_exact_days_make_key_dates_and_limit_is_kept() -> None:
    month = event("July.", date(2018, 7, 1), end=date(2018, 7, 31), value="2018-07",
                  granularity=Granularity.MONTH)
    vague = event("Soon.", DCT, approximate=True)
    days = [event(f"Day {i}.", date(2018, 7, i), slug=f"s{i}") for i in range(1, 8)]
    ranked = rank_key_dates([month, vague, *days], 3)
    assert len(ranked) == 3 and all(k.day.month == 7 for k in ranked)
    assert month.id not in {i for k in ranked for i in k.event_ids}
    assert rank_key_dates([month, vague], 3) == ()


def test_key_date_lists_its_events_best_first() -> None:
    lead = event("Lead.", DCT, slug="a", index=0)
    buried = event("Buried.", DCT, slug="b", index=20)
    (key,) = rank_key_dates([buried, lead], 1)
    assert key.event_ids == (lead.id, buried.id)


def test_between_restricts_events_and_key_dates() -> None:
    events = [event("Summit.", DCT), event("Indictment.", OTHER, slug="c"),
              event("Year.", date(2018, 1, 1), end=date(2018, 12, 31), value="2018",
                    granularity=Granularity.YEAR)]
    timeline = assemble("t", [], events, Config(between=(DCT, date(2018, 7, 31)), key_dates=5))
    assert [e.when.value for e in timeline.events] == ["2018-07-16"]
    assert [k.day for k in timeline.key_dates] == [DCT]


def test_event_salience_is_the_sum_of_its_citation_weights() -> None:
    reports = [
        event("Summit.", DCT, slug=s, index=i, published=p)
        for s, i, p in [("a", 0, DCT), ("b", 1, date(2018, 7, 18)), ("c", 7, date(2018, 7, 20))]
    ]
    citations = tuple(c for e in reports for c in e.citations)
    citations += (replace(citations[1], inferred=True),)
    for background in (False, True):
        merged = replace(reports[0], citations=citations, background=background)
        expected = sum(citation_weight(c, DCT, background) for c in citations)
        assert event_salience(merged, DCT) == expected
        assert expected != len(citations)  # the weights really differ from 1
