"""Dates as a reader should see them: at their true granularity, vague ones as ranges.

English only for now (the site's language); every function is pure and locale-free, so the
output never depends on the machine that builds it.
"""

from __future__ import annotations

import re
from calendar import monthrange
from datetime import date
from functools import lru_cache

from timeline.model import AnchorKind, Event, Granularity, Interval, Status, Timex, When

MONTHS = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)  # fmt: skip
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_ORDINAL_WORDS = ("first", "second", "third", "fourth")
_SEASONS = {"SP": "spring", "SU": "summer", "FA": "fall", "AU": "fall", "WI": "winter"}
_TIME = re.compile(r"T(\d{2}):(\d{2})")
_SEASON = re.compile(r"^\d{4}-(SP|SU|FA|AU|WI)$")


def day_long(d: date) -> str:
    """'Monday, July 16, 2018'."""
    return f"{WEEKDAYS[d.weekday()]}, {MONTHS[d.month - 1]} {d.day}, {d.year}"


def day_medium(d: date) -> str:
    """'July 16, 2018'."""
    return f"{MONTHS[d.month - 1]} {d.day}, {d.year}"


def day_short(d: date) -> str:
    """'Monday, July 16' (inside a month heading that already names the year)."""
    return f"{WEEKDAYS[d.weekday()]}, {MONTHS[d.month - 1]} {d.day}"


def month_name(year: int, month: int) -> str:
    return f"{MONTHS[month - 1]} {year}"


def _whole_month(iv: Interval) -> bool:
    start = iv.start
    return (
        start.day == 1
        and iv.end.year == start.year
        and iv.end.month == start.month
        and iv.end.day == monthrange(start.year, start.month)[1]
    )


def _whole_year(iv: Interval) -> bool:
    return iv.start == date(iv.start.year, 1, 1) and iv.end == date(iv.start.year, 12, 31)


def _part_of(iv: Interval, first: date, last: date) -> str:
    """'early ', 'mid-' or 'late ' when ``iv`` covers only part of [first, last]."""
    span = (last - first).days + 1
    if iv.start == first and iv.end == last:
        return ""
    middle = ((iv.start - first).days + (iv.end - first).days) / 2 / span
    return "early " if middle < 1 / 3 else "late " if middle > 2 / 3 else "mid-"


def _ordinal(n: int) -> str:
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


_DASH = "\u2013"  # an en dash, the typographer's mark for a range


def _range(iv: Interval) -> str:
    if iv.start.year == iv.end.year:
        if iv.start.month == iv.end.month:
            month = MONTHS[iv.start.month - 1]
            return f"{month} {iv.start.day}{_DASH}{iv.end.day}, {iv.start.year}"
        return f"{MONTHS[iv.start.month - 1]} {iv.start.day} {_DASH} {day_medium(iv.end)}"
    return f"{day_medium(iv.start)} {_DASH} {day_medium(iv.end)}"


def _span_words(days: int) -> str:
    return "days" if days <= 14 else "weeks" if days <= 92 else "months" if days <= 731 else "years"


@lru_cache(maxsize=8192)
def bare_date(when: When) -> str:
    """The date alone, at its granularity: 'Monday, July 16, 2018', 'July 2018', '2016'.
    Remembered: an event's date is shown on the page of every article that reports it."""
    iv, g = when.interval, when.granularity
    if g in (Granularity.DAY, Granularity.TIME) and iv.days == 1:
        text = day_long(iv.start)
        if g is Granularity.TIME and (m := _TIME.search(when.value)):
            text += f", {m.group(1)}:{m.group(2)}"
        return text
    if g is Granularity.WEEK:
        return f"the week of {day_medium(iv.start)}"
    if g is Granularity.MONTH or _whole_month(iv):
        first = date(iv.start.year, iv.start.month, 1)
        last = date(iv.start.year, iv.start.month, monthrange(iv.start.year, iv.start.month)[1])
        if iv.end <= last:
            return _part_of(iv, first, last) + month_name(iv.start.year, iv.start.month)
    if g is Granularity.SEASON and (m := _SEASON.match(when.value)):
        return f"{_SEASONS[m.group(1)]} {iv.start.year}"
    if g is Granularity.QUARTER and iv.start.year == iv.end.year:
        return f"the {_ORDINAL_WORDS[(iv.start.month - 1) // 3]} quarter of {iv.start.year}"
    if g is Granularity.HALF and iv.start.year == iv.end.year:
        return f"the {'first' if iv.start.month <= 6 else 'second'} half of {iv.start.year}"
    if g is Granularity.YEAR or _whole_year(iv):
        year = iv.start.year
        if iv.end.year == year:
            return _part_of(iv, date(year, 1, 1), date(year, 12, 31)) + str(year)
    if g is Granularity.DECADE:
        return f"the {iv.start.year // 10 * 10}s"
    if g is Granularity.CENTURY:
        return f"the {_ordinal(iv.start.year // 100 + 1)} century"
    if iv.days == 1:
        return day_long(iv.start)
    return _range(iv)


def _vague(when: When, status: Status) -> str:
    """An approximate range in words, seen from where it starts or ends."""
    iv = when.interval
    words = _span_words(iv.days)
    if status is Status.EXPECTED or when.value == "FUTURE_REF":
        return f"in the {words} after {day_medium(iv.start)}"
    if when.value == "PAST_REF":
        return f"in the {words} before {day_medium(iv.end)}"
    return f"sometime between {day_medium(iv.start)} and {day_medium(iv.end)}"


def _preposition(when: When) -> str:
    g, iv = when.granularity, when.interval
    return "on " if g in (Granularity.DAY, Granularity.TIME) and iv.days == 1 else "in "


def display_date(event: Event) -> str:
    """The date line of an event, status included, capitalized as a line of its own.

    'Monday, July 16, 2018' · 'Around July 2018' · 'Expected in the weeks after July 16, 2018'
    """
    if event.display_date:  # hand-made events may say it their way ("Summer 2018")
        return event.display_date
    return _date_line(event.when, event.status)


@lru_cache(maxsize=8192)
def _date_line(when: When, status: Status) -> str:
    # remembered: an event's date line is on the page of every article that reports it
    if when.granularity is Granularity.VAGUE:
        phrase = _vague(when, status)
        if status is Status.EXPECTED:
            return f"Expected {phrase}"
        return _capitalize(phrase)
    text = bare_date(when)
    if when.approximate:
        text = f"around {text}"
    if status is Status.EXPECTED:
        return f"Expected {'' if when.approximate else _preposition(when)}{text}"
    if status is Status.ONGOING:
        return f"Ongoing as of {text}"
    return _capitalize(text)


def _capitalize(text: str) -> str:
    return text[:1].upper() + text[1:]


def machine_date(when: When) -> str:
    """A valid HTML ``<time datetime>`` at the date's own precision: day, week, month or year."""
    iv = when.interval
    if iv.days == 1:
        return iv.start.isoformat()
    if when.granularity is Granularity.WEEK and iv.days == 7:
        year, week, _ = iv.start.isocalendar()
        return f"{year:04d}-W{week:02d}"
    if _whole_month(iv):
        return f"{iv.start.year:04d}-{iv.start.month:02d}"
    if _whole_year(iv):
        return f"{iv.start.year:04d}"
    return iv.start.isoformat()


def timex_resolution(timex: Timex) -> str:
    """What an expression resolved to, and against what: the evidence view's tooltip."""
    if timex.interval is not None:
        when = When(
            timex.value, timex.interval, timex.granularity or Granularity.DAY, timex.approximate
        )
        target = bare_date(when) if timex.granularity is not Granularity.VAGUE else _range(
            timex.interval
        )
        if timex.approximate:
            target = f"around {target}"
    elif timex.type == "DURATION":
        target = f"a duration ({duration_words(timex.value)})"
    elif timex.type == "SET":
        target = f"a recurring time ({duration_words(timex.freq or timex.value)})"
    else:
        target = f"an unplaced time ({timex.value})"
    return f"{_capitalize(target)} — {anchor_phrase(timex)}"


_DURATION_PART = re.compile(r"(\d+(?:\.\d+)?|X)([YMWDHS])")
_UNITS = {"Y": "year", "W": "week", "D": "day", "H": "hour", "S": "second"}


def duration_words(value: str) -> str:
    """'P3Y' → '3 years', 'PT1H' → '1 hour', 'PXM' → 'some months'; else the value itself."""
    if not value.startswith("P") and not value[:1].isdigit():
        return value
    date_part, _, time_part = value.lstrip("P").partition("T")
    words = []
    for part, is_time in ((date_part, False), (time_part, True)):
        for amount, unit in _DURATION_PART.findall(part):
            name = ("minute" if is_time else "month") if unit == "M" else _UNITS[unit]
            if amount == "X":
                words.append(f"some {name}s")
            else:
                words.append(f"{amount} {name}{'' if amount == '1' else 's'}")
    return ", ".join(words) or value


def anchor_phrase(timex: Timex) -> str:
    anchor = timex.anchor
    if anchor.kind is AnchorKind.ABSOLUTE:
        return "a complete date, needs no anchor"
    if anchor.kind is AnchorKind.DCT:
        return f"counted from the publication date{_anchor_value(anchor.value)}"
    if anchor.kind is AnchorKind.NARRATIVE:
        return f"counted from a date earlier in the text{_anchor_value(anchor.value)}"
    return "not placed on the timeline"


def _anchor_value(value: str) -> str:
    try:
        return f", {day_medium(date.fromisoformat(value))}" if value else ""
    except ValueError:
        return f", {value}"
