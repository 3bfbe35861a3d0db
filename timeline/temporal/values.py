"""TIMEX3 values: formatting, calendar arithmetic, and the interval and granularity of a value.

Every normalizer builds its value with these helpers, and the interval and granularity of a Timex
are always derived from its value here, so the three can never disagree.
"""

from __future__ import annotations

import calendar
import re
from datetime import date, timedelta
from functools import lru_cache

from timeline.model import Granularity, Interval

# The TIMEX3 value grammar we emit (a subset of ISO 8601 plus the TimeML extensions).
_DATE_PART = (
    r"(?:\d{4}|\d{3}|\d{2}|XXXX)"  # year, decade (199), century (19)
    r"(?:-(?:\d{2}|XX)(?:-(?:\d{2}|XX))?"  # month, day
    r"|-W(?:\d{2}|XX)(?:-(?:[1-7]|WE))?"  # ISO week, weekday or weekend
    r"|-Q[1-4X]|-H[12X]|-(?:SP|SU|FA|WI))?"  # quarter, half, season
)
_TIME_PART = r"T(?:\d{2}(?::\d{2}(?::\d{2})?)?|MO|AF|EV|NI|DT)"
_DURATION = (
    r"P(?:(?:\d+(?:\.\d+)?|X)(?:Y|M|W|D|Q|DE|CE|H))+"
    r"|PT(?:(?:\d+(?:\.\d+)?|X)(?:H|M|S))+"
)
VALUE_RE = re.compile(
    rf"(?:{_DATE_PART}(?:{_TIME_PART})?|{_DURATION}|PAST_REF|PRESENT_REF|FUTURE_REF)"
)

SEASON_MONTHS = {"SP": (3, 5), "SU": (6, 8), "FA": (9, 11), "WI": (12, 2)}
PART_OF_DAY = {"MO", "AF", "EV", "NI", "DT"}


def day_value(d: date) -> str:
    return d.isoformat()


def month_value(year: int, month: int) -> str:
    return f"{year:04d}-{month:02d}"


def week_value(d: date) -> str:
    iso = d.isocalendar()
    return f"{iso.year:04d}-W{iso.week:02d}"


def quarter_of(d: date) -> int:
    return (d.month - 1) // 3 + 1


def add_months(d: date, months: int) -> date:
    """``d`` moved by whole months, the day clamped to the target month's length."""
    index = d.year * 12 + d.month - 1 + months
    year, month = divmod(index, 12)
    return date(year, month + 1, min(d.day, calendar.monthrange(year, month + 1)[1]))


def add_years(d: date, years: int) -> date:
    return add_months(d, 12 * years)


def shift_quarter(year: int, quarter: int, by: int) -> tuple[int, int]:
    index = year * 4 + quarter - 1 + by
    return index // 4, index % 4 + 1


def shift_value(value: str, unit: str, n: int) -> str | None:
    """A calendar value moved by ``n`` units ("Y", "Q", "M", "W", "D") at the value's own grain.

    "1989-Q3" a year earlier is "1988-Q3": the reason financial news reads "a year earlier" as
    the same quarter of the previous year.
    """
    if unit in ("DE", "CE"):
        unit, n = "Y", n * (10 if unit == "DE" else 100)
    m = _CAL_RE.fullmatch(value)
    if m is None or unit not in ("Y", "Q", "M", "W", "D"):
        return None
    year = int(m["year"])
    if m["quarter"]:
        q = int(m["quarter"])
        per = {"Y": 4, "Q": 1}.get(unit)
        if per is None:
            return None
        y, q = shift_quarter(year, q, per * n)
        return f"{y:04d}-Q{q}"
    if m["season"] or m["half"]:
        if unit != "Y":
            return None
        return f"{year + n:04d}{value[4:]}"
    if m["week"]:
        start = date.fromisocalendar(year, int(m["week"]), 1)
        days = {"W": 7, "D": 1}.get(unit, 0) * n
        if unit == "Y":
            return week_value(add_years(start, n)) + (m["wrest"] or "")
        return week_value(start + timedelta(days=days)) + (m["wrest"] or "") if days else None
    if m["day"]:
        d = date(year, int(m["month"]), int(m["day"]))
        if unit in ("D", "W"):
            return day_value(d + timedelta(days=n * (7 if unit == "W" else 1)))
        return day_value(add_months(d, n * {"Y": 12, "Q": 3, "M": 1}[unit]))
    if m["month"]:
        if unit not in ("Y", "Q", "M"):
            return None
        d = add_months(date(year, int(m["month"]), 1), n * {"Y": 12, "Q": 3, "M": 1}[unit])
        return month_value(d.year, d.month)
    if unit == "Y":
        return f"{year + n:04d}"
    return None


_CAL_RE = re.compile(
    r"(?P<year>\d{4})(?:-(?P<month>\d{2})(?:-(?P<day>\d{2}))?"
    r"|-W(?P<week>\d{2})(?P<wrest>-(?:[1-7]|WE))?|-Q(?P<quarter>[1-4])|-H(?P<half>[12])"
    r"|-(?P<season>SP|SU|FA|WI))?(?:T(?P<time>[\w:]+))?"
)


@lru_cache(maxsize=8192)  # values repeat a lot within and across articles ("2018-07-16")
def interval_of(value: str) -> tuple[Interval, Granularity] | None:
    """The closed day range and granularity of a calendar value, or None for anything else."""
    m = _CAL_RE.fullmatch(value)
    if m is None:
        return _decade_or_century(value)
    year = int(m["year"])
    if m["day"]:
        d = date(year, int(m["month"]), int(m["day"]))
        # A part of the day ("TNI") is finer than the day, like a clock time: both are TIME.
        return Interval(d, d), Granularity.TIME if m["time"] else Granularity.DAY
    if m["month"]:
        month = int(m["month"])
        return _months(year, month, month), Granularity.MONTH
    if m["week"]:
        monday = date.fromisocalendar(year, int(m["week"]), 1)
        rest = m["wrest"]
        if rest == "-WE":
            return Interval(monday + timedelta(5), monday + timedelta(6)), Granularity.DAY
        if rest:
            d = monday + timedelta(int(rest[1:]) - 1)
            return Interval(d, d), Granularity.DAY
        return Interval(monday, monday + timedelta(6)), Granularity.WEEK
    if m["quarter"]:
        q = int(m["quarter"])
        return _months(year, 3 * q - 2, 3 * q), Granularity.QUARTER
    if m["half"]:
        h = int(m["half"])
        return _months(year, 6 * h - 5, 6 * h), Granularity.HALF
    if m["season"]:
        first, last = SEASON_MONTHS[m["season"]]
        start = date(year, first, 1)
        end_year = year + 1 if last < first else year
        end = date(end_year, last, calendar.monthrange(end_year, last)[1])
        return Interval(start, end), Granularity.SEASON
    return Interval(date(year, 1, 1), date(year, 12, 31)), Granularity.YEAR


def _months(year: int, first: int, last: int) -> Interval:
    """The days from the first of month ``first`` to the end of month ``last`` of one year.
    (The last day is read from its own month, not as the day before the next month's first,
    which for 9999-Q4 would be in year 10000.)"""
    return Interval(date(year, first, 1), date(year, last, calendar.monthrange(year, last)[1]))


def given_interval(value: str) -> tuple[Interval, Granularity] | None:
    """``interval_of`` for a value a person wrote (a pin, a hand-made event): None also when
    it has the shape of one but names no real time ("2018-13-01", "2018-02-30", "2018-W60"),
    where ``interval_of`` raises (the tagger relies on that to skip impossible readings)."""
    try:
        return interval_of(value)
    except (ValueError, OverflowError):
        return None


def _decade_or_century(value: str) -> tuple[Interval, Granularity] | None:
    if re.fullmatch(r"\d{3}", value):
        first = int(value) * 10
        return Interval(date(max(first, 1), 1, 1), date(first + 9, 12, 31)), Granularity.DECADE
    if re.fullmatch(r"\d{2}", value):
        first = int(value) * 100
        return Interval(date(max(first, 1), 1, 1), date(first + 99, 12, 31)), Granularity.CENTURY
    return None


def narrow(interval: Interval, mod: str | None) -> Interval:
    """The part of an interval that START / MID / END point at (a third of it)."""
    if mod not in ("START", "MID", "END") or interval.days < 3:
        return interval
    third = interval.days // 3
    if mod == "START":
        return Interval(interval.start, interval.start + timedelta(third - 1))
    if mod == "END":
        return Interval(interval.end - timedelta(third - 1), interval.end)
    return Interval(interval.start + timedelta(third), interval.end - timedelta(third))
