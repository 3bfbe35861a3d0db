"""Dates as a reader sees them, and as ``<time datetime>`` states them."""

from __future__ import annotations

from datetime import date

import pytest

from timeline.dates_display import bare_date, display_date, machine_date, timex_resolution
from timeline.model import (
    Anchor,
    AnchorKind,
    Event,
    Granularity,
    Interval,
    Status,
    Timex,
    TimexType,
    When,
)  # fmt: skip

G = Granularity


def _when(value: str, start: date, end: date, g: Granularity, approximate: bool = False) -> When:
    return When(value, Interval(start, end), g, approximate)


def _event(when: When, status: Status = Status.HAPPENED) -> Event:
    return Event("x", when, status, "text", ())


@pytest.mark.parametrize(
    ("when", "expected"),
    [
        (_when("2018-07-16", date(2018, 7, 16), date(2018, 7, 16), G.DAY), "Monday, July 16, 2018"),
        (_when("2018-07-16T14:30", date(2018, 7, 16), date(2018, 7, 16), G.TIME),
         "Monday, July 16, 2018, 14:30"),
        (_when("2018-W29", date(2018, 7, 16), date(2018, 7, 22), G.WEEK),
         "the week of July 16, 2018"),
        (_when("2018-07", date(2018, 7, 1), date(2018, 7, 31), G.MONTH), "July 2018"),
        (_when("2018-07", date(2018, 7, 1), date(2018, 7, 10), G.MONTH), "early July 2018"),
        (_when("2018-07", date(2018, 7, 21), date(2018, 7, 31), G.MONTH), "late July 2018"),
        (_when("2018-Q3", date(2018, 7, 1), date(2018, 9, 30), G.QUARTER),
         "the third quarter of 2018"),
        (_when("2018-SU", date(2018, 6, 21), date(2018, 9, 22), G.SEASON), "summer 2018"),
        (_when("2018-H1", date(2018, 1, 1), date(2018, 6, 30), G.HALF), "the first half of 2018"),
        (_when("2016", date(2016, 1, 1), date(2016, 12, 31), G.YEAR), "2016"),
        (_when("2016", date(2016, 9, 1), date(2016, 12, 31), G.YEAR), "late 2016"),
        (_when("201X", date(2010, 1, 1), date(2019, 12, 31), G.DECADE), "the 2010s"),
        (_when("20XX", date(2001, 1, 1), date(2100, 12, 31), G.CENTURY), "the 21st century"),
    ],
)
def test_bare_date_keeps_the_true_granularity(when: When, expected: str) -> None:
    assert bare_date(when) == expected


def test_expected_vague_range_reads_as_a_range_after_its_anchor() -> None:
    when = _when("FUTURE_REF", date(2018, 7, 16), date(2018, 8, 31), G.VAGUE, approximate=True)
    assert display_date(_event(when, Status.EXPECTED)) == (
        "Expected in the weeks after July 16, 2018"
    )


def test_past_vague_range_reads_as_before_its_end() -> None:
    when = _when("PAST_REF", date(2018, 4, 1), date(2018, 7, 16), G.VAGUE, approximate=True)
    assert display_date(_event(when)) == "In the months before July 16, 2018"


@pytest.mark.parametrize(
    ("status", "approximate", "expected"),
    [
        (Status.HAPPENED, False, "July 2018"),
        (Status.HAPPENED, True, "Around July 2018"),
        (Status.EXPECTED, False, "Expected in July 2018"),
        (Status.EXPECTED, True, "Expected around July 2018"),
        (Status.ONGOING, False, "Ongoing as of July 2018"),
    ],
)
def test_status_and_approximation_show_in_the_date(
    status: Status, approximate: bool, expected: str
) -> None:
    when = _when("2018-07", date(2018, 7, 1), date(2018, 7, 31), G.MONTH, approximate)
    assert display_date(_event(when, status)) == expected


def test_expected_day_uses_on() -> None:
    when = _when("2018-07-16", date(2018, 7, 16), date(2018, 7, 16), G.DAY)
    assert display_date(_event(when, Status.EXPECTED)) == "Expected on Monday, July 16, 2018"


@pytest.mark.parametrize(
    ("when", "expected"),
    [
        (_when("2018-07-16", date(2018, 7, 16), date(2018, 7, 16), G.DAY), "2018-07-16"),
        (_when("2018-W29", date(2018, 7, 16), date(2018, 7, 22), G.WEEK), "2018-W29"),
        (_when("2018-07", date(2018, 7, 1), date(2018, 7, 31), G.MONTH), "2018-07"),
        (_when("2016", date(2016, 1, 1), date(2016, 12, 31), G.YEAR), "2016"),
        (_when("FUTURE_REF", date(2018, 7, 17), date(2018, 8, 31), G.VAGUE), "2018-07-17"),
    ],
)
def test_machine_date_states_only_what_is_known(when: When, expected: str) -> None:
    assert machine_date(when) == expected


def test_timex_resolution_names_value_and_anchor() -> None:
    timex = Timex(0, 14, "the day before", TimexType.DATE, "2018-07-15",
                  Anchor(AnchorKind.NARRATIVE, "2018-07-16", 40),
                  Interval(date(2018, 7, 15), date(2018, 7, 15)), G.DAY)
    assert timex_resolution(timex) == (
        "Sunday, July 15, 2018 — counted from a date earlier in the text, July 16, 2018"
    )
    duration = Timex(0, 7, "3 years", TimexType.DURATION, "P3Y", Anchor(AnchorKind.NONE))
    assert timex_resolution(duration) == "A duration (3 years) — not placed on the timeline"
