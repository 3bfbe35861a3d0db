"""Hostile and edge-case input for the tagger: it reads untrusted article text, so whatever the
text and DCT, ``tag`` returns timexes (possibly none) and never raises."""

from __future__ import annotations

from datetime import date

import pytest

from timeline.model import Timex
from timeline.temporal import tag
from timeline.temporal.values import interval_of


def _well_formed(text: str, found: tuple[Timex, ...]) -> None:
    assert isinstance(found, tuple)
    end = 0
    for t in found:
        assert isinstance(t, Timex)
        assert end <= t.start < t.end <= len(text)
        assert text[t.start : t.end] == t.text
        end = t.end


@pytest.mark.parametrize(
    ("text", "dct"),
    [
        # the latest May before a DCT in year 1 would be in year 0 ("0000-05")
        ("He said the 999th day of May.", date(1, 1, 1)),
        ("It rained in May.", date(1, 3, 1)),
        # winter of 9999 ends in February of year 10000
        ("next winter", date(9999, 1, 1)),
        ("It will be cold next winter.", date(9999, 6, 1)),
    ],
)
def test_a_value_whose_interval_is_outside_the_calendar_is_not_tagged(text: str, dct: date) -> None:
    _well_formed(text, tag(text, dct))


@pytest.mark.parametrize(
    ("value", "start", "end"),
    [
        ("9999-Q4", date(9999, 10, 1), date(9999, 12, 31)),
        ("9999-H2", date(9999, 7, 1), date(9999, 12, 31)),
        ("2016-Q1", date(2016, 1, 1), date(2016, 3, 31)),
        ("2018-H1", date(2018, 1, 1), date(2018, 6, 30)),
    ],
)
def test_the_last_quarter_and_half_of_9999_have_an_interval(
    value: str, start: date, end: date
) -> None:
    interval, _ = interval_of(value)  # type: ignore[misc]
    assert (interval.start, interval.end) == (start, end)


def test_the_last_quarter_of_9999_is_tagged() -> None:
    text = "the fourth quarter of 9999"
    found = tag(text, date(9999, 12, 31))
    _well_formed(text, found)
    assert [t.value for t in found] == ["9999-Q4"]
