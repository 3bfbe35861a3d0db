"""The timeline's total order over mixed granularities."""

from __future__ import annotations

import random
from datetime import date

from eventkit import DCT, event

from timeline.model import Granularity
from timeline.order import chronological


def test_mixed_granularities_in_documented_order() -> None:
    year = event("Russia interfered.", date(2016, 1, 1), end=date(2016, 12, 31), value="2016",
                 granularity=Granularity.YEAR, eid="e-0000000001")
    sunday = event("Paul spoke.", date(2018, 7, 15), eid="e-0000000002")
    month = event("A month of talks.", date(2018, 7, 1), end=date(2018, 7, 31), value="2018-07",
                  granularity=Granularity.MONTH, eid="e-0000000003")
    week = event("A week of talks.", date(2018, 7, 16), end=date(2018, 7, 22), value="2018-W29",
                 granularity=Granularity.WEEK, eid="e-0000000004")
    time = event("Talks began at 2.", DCT, value="2018-07-16T14:00",
                 granularity=Granularity.TIME, eid="e-0000000005")
    day = event("Trump met Putin.", DCT, eid="e-0000000006")
    background = event("Trump met Putin, it was said.", DCT, background=True, eid="e-0000000007")
    vague = event("Paul will travel.", date(2018, 7, 17), end=date(2018, 9, 10),
                  value="FUTURE_REF", granularity=Granularity.VAGUE, approximate=True,
                  eid="e-0000000008")
    next_day = event("Trump misspoke.", date(2018, 7, 17), eid="e-0000000009")
    expected = [year, month, sunday, time, day, background, week, next_day, vague]
    shuffled = expected[:]
    random.Random(4).shuffle(shuffled)
    assert sorted(shuffled, key=chronological) == expected


def test_ties_are_broken_by_first_report_then_id() -> None:
    a = event("Same.", DCT, slug="a", published=date(2018, 7, 16), eid="e-000000000b")
    b = event("Same.", DCT, slug="b", published=date(2018, 7, 15), eid="e-000000000a")
    c = event("Same.", DCT, slug="b", published=date(2018, 7, 15), eid="e-000000000c")
    assert sorted([a, c, b], key=chronological) == [b, c, a]
    assert len({chronological(e) for e in (a, b, c)}) == 3
