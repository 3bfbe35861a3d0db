"""Dates of the (US) holidays that move from year to year."""

from __future__ import annotations

from datetime import date, timedelta


def _nth_weekday(year: int, month: int, weekday: int, n: int) -> date:
    """The ``n``-th ISO ``weekday`` of a month; ``n = -1`` is the last one."""
    if n > 0:
        first = date(year, month, 1)
        return first + timedelta(days=(weekday - first.isoweekday()) % 7 + 7 * (n - 1))
    nxt = date(year + month // 12, month % 12 + 1, 1)
    last = nxt - timedelta(days=1)
    return last - timedelta(days=(last.isoweekday() - weekday) % 7)


def easter(year: int) -> date:
    """Western Easter Sunday (the anonymous Gregorian computus)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = divmod(b, 4)
    g = (8 * b + 13) // 25
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    sl = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 19 * sl) // 433
    month = (h + sl - 7 * m + 90) // 25
    return date(year, month, (h + sl - 7 * m + 33 * month + 19) % 32)


def moving_holiday(name: str, year: int) -> tuple[int, int] | None:
    """(month, day) of a moving holiday in ``year``; None for names we do not know."""
    rules = {
        "thanksgiving": (11, 4, 4), "thanksgiving day": (11, 4, 4),
        "memorial day": (5, 1, -1), "labor day": (9, 1, 1),
        "martin luther king jr. day": (1, 1, 3), "martin luther king day": (1, 1, 3),
        "presidents day": (2, 1, 3), "presidents' day": (2, 1, 3),
        "mother's day": (5, 7, 2), "father's day": (6, 7, 3),
    }  # fmt: skip
    if name in rules:
        month, weekday, n = rules[name]
        d = _nth_weekday(year, month, weekday, n)
        return d.month, d.day
    if name == "election day":
        d = _nth_weekday(year, 11, 1, 1) + timedelta(days=1)
        return d.month, d.day
    if name in ("easter", "easter sunday", "good friday"):
        d = easter(year) - timedelta(days=2 if name == "good friday" else 0)
        return d.month, d.day
    return None
