"""TIMEX3 value arithmetic: intervals and granularities of values, shifts, holidays."""

from __future__ import annotations

from datetime import date

import pytest

from timeline.model import Granularity
from timeline.temporal.holidays import easter, moving_holiday
from timeline.temporal.lexicon import number_value
from timeline.temporal.values import interval_of, narrow, shift_value


@pytest.mark.parametrize(
    ("value", "start", "end", "granularity"),
    [
        ("2018-07-16", date(2018, 7, 16), date(2018, 7, 16), Granularity.DAY),
        ("2018-07-16T16:00", date(2018, 7, 16), date(2018, 7, 16), Granularity.TIME),
        ("2018-07-18TNI", date(2018, 7, 18), date(2018, 7, 18), Granularity.TIME),
        ("2018-02", date(2018, 2, 1), date(2018, 2, 28), Granularity.MONTH),
        ("2018-W29", date(2018, 7, 16), date(2018, 7, 22), Granularity.WEEK),
        ("2018-W29-WE", date(2018, 7, 21), date(2018, 7, 22), Granularity.DAY),
        ("1989-Q3", date(1989, 7, 1), date(1989, 9, 30), Granularity.QUARTER),
        ("2018-H2", date(2018, 7, 1), date(2018, 12, 31), Granularity.HALF),
        ("2018-WI", date(2018, 12, 1), date(2019, 2, 28), Granularity.SEASON),
        ("2016", date(2016, 1, 1), date(2016, 12, 31), Granularity.YEAR),
        ("199", date(1990, 1, 1), date(1999, 12, 31), Granularity.DECADE),
        ("19", date(1900, 1, 1), date(1999, 12, 31), Granularity.CENTURY),
    ],
)
def test_interval_of(value: str, start: date, end: date, granularity: Granularity) -> None:
    found = interval_of(value)
    assert found is not None
    interval, gran = found
    assert (interval.start, interval.end, gran) == (start, end, granularity)


@pytest.mark.parametrize("value", ["P3Y", "PRESENT_REF", "XXXX-WXX-5", "FUTURE_REF", "nonsense"])
def test_values_that_are_not_placed(value: str) -> None:
    assert interval_of(value) is None


@pytest.mark.parametrize(
    ("value", "unit", "n", "expected"),
    [
        ("1989-Q3", "Y", -1, "1988-Q3"),
        ("1989-Q1", "Q", -1, "1988-Q4"),
        ("2018-05-05", "D", -1, "2018-05-04"),
        ("2018-03-31", "M", -1, "2018-02-28"),
        ("2018-W01", "W", -1, "2017-W52"),
        ("2018", "Y", 2, "2020"),
        ("2018-07", "Y", -1, "2017-07"),
        ("2018-FA", "Y", -1, "2017-FA"),
        ("2018", "DE", -1, "2008"),
        ("PAST_REF", "Y", -1, None),
    ],
)
def test_shift_value(value: str, unit: str, n: int, expected: str | None) -> None:
    assert shift_value(value, unit, n) == expected


def test_narrow_points_at_a_third() -> None:
    found = interval_of("2018")
    assert found is not None
    year = found[0]
    assert narrow(year, "END").end == date(2018, 12, 31)
    assert narrow(year, "START").start == date(2018, 1, 1)
    assert narrow(year, "START").end == date(2018, 5, 1)  # 121 of 365 days
    assert narrow(year, None) == year


@pytest.mark.parametrize(
    ("name", "year", "month_day"),
    [("thanksgiving", 2018, (11, 22)), ("labor day", 2018, (9, 3)),
     ("memorial day", 2018, (5, 28)), ("election day", 2018, (11, 6)),
     ("easter", 2019, (4, 21)), ("good friday", 2018, (3, 30)), ("groundhog", 2018, None)],
)  # fmt: skip
def test_moving_holidays(name: str, year: int, month_day: tuple[int, int] | None) -> None:
    assert moving_holiday(name, year) == month_day


def test_easter_dates() -> None:
    assert [easter(y) for y in (2000, 2008, 2024)] == [
        date(2000, 4, 23),
        date(2008, 3, 23),
        date(2024, 3, 31),
    ]


@pytest.mark.parametrize(
    ("words", "value"),
    [("two", 2.0), ("24", 24.0), ("twenty-four", 24.0), ("twenty four", 24.0),
     ("1 1/2", 1.5), ("a couple of", 2.0), ("several", None), ("a few", None),
     ("a minute and a half", None), ("1,000", 1000.0)],
)  # fmt: skip
def test_number_value(words: str, value: float | None) -> None:
    assert number_value(words) == value
