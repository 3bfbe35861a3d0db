"""Narrative anchors that name a day, future cues news uses, and date-only publication times."""

from __future__ import annotations

from datetime import date

import pytest

from timeline.model import AnchorKind
from timeline.temporal import tag


@pytest.mark.parametrize(
    ("text", "dct", "surface", "value"),
    [
        # A year is no anchor for days: count from the last day named, or the DCT.
        ("Trump met Putin on July 16. Russia interfered in 2016. The day before, he golfed.",
         date(2018, 7, 23), "The day before", "2018-07-15"),
        ("Russia interfered in 2016. The following day he said he had misspoken.",
         date(2018, 7, 18), "The following day", "2018-07-19"),
        # Future cues of scheduling prose.
        ("Democrats urged Trump to call off his meeting with Putin, set for Monday in Helsinki.",
         date(2018, 7, 13), "Monday", "2018-07-16"),
        ("Trump said he was going into Monday's meeting with low expectations.",
         date(2018, 7, 15), "Monday", "2018-07-16"),
        ("The vote is slated for Friday.", date(2018, 7, 17), "Friday", "2018-07-20"),
        # Past stays past.
        ("Paul said Monday he was pleased.", date(2018, 7, 18), "Monday", "2018-07-16"),
    ],
)
def test_anchoring(text: str, dct: date, surface: str, value: str) -> None:
    found = {t.text: t for t in tag(text, dct)}
    assert found[surface].value == value


def test_a_day_counted_from_a_year_falls_back_to_the_dct() -> None:
    (year, before) = tag("Russia interfered in 2016. The day before, nothing.", date(2018, 7, 18))
    assert year.value == "2016"
    assert before.value == "2018-07-17"
    assert before.anchor.kind is not AnchorKind.NARRATIVE


def test_hours_ago_with_a_date_only_dct_stays_on_that_day() -> None:
    (ago,) = tag("That changed as of about four hours ago.", date(2018, 7, 16))
    assert ago.interval is not None and ago.interval.start == date(2018, 7, 16)
    assert ago.approximate
