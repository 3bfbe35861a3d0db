"""The site's shape: which events go on which page, grouped by year, month and day.

Pure functions of the timeline; sizes come in as numbers, so the splitting is testable without
rendering anything.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from hashlib import sha1

from slugify import slugify

from timeline.dates_display import day_short, month_name
from timeline.model import Event, Granularity, Timeline

PAGE_BUDGET = 900_000  # bytes of event markup per page, leaving room for the page around it
_MONTH_LEVEL = frozenset({Granularity.WEEK, Granularity.MONTH})


def level(event: Event) -> str:
    """Where an event sits in the outline: under its 'day', its 'month' or its 'year'."""
    iv, g = event.when.interval, event.when.granularity
    if iv.days == 1:
        return "day"
    same_month = (iv.start.year, iv.start.month) == (iv.end.year, iv.end.month)
    if g in _MONTH_LEVEL or same_month or (g is Granularity.VAGUE and iv.days <= 62):
        return "month"
    return "year"


def display_key(event: Event) -> tuple[int, int, int, int, int]:
    """Outline order: a year's own events, then each month's own events, then its days."""
    start, lvl = event.when.interval.start, level(event)
    if lvl == "year":
        return (start.year, 0, 0, 0, 0)
    return (start.year, 1, start.month, 0 if lvl == "month" else 1, start.day)


@dataclass(frozen=True, slots=True)
class DayGroup:
    day: date
    label: str
    events: tuple[Event, ...]


@dataclass(frozen=True, slots=True)
class MonthGroup:
    year: int
    month: int
    label: str
    events: tuple[Event, ...]  # dated to the month (or a part of it), not to a day
    days: tuple[DayGroup, ...]

    @property
    def anchor(self) -> str:
        return f"m{self.year:04d}-{self.month:02d}"


@dataclass(frozen=True, slots=True)
class YearGroup:
    year: int
    events: tuple[Event, ...]  # dated to the year or a longer part of it
    months: tuple[MonthGroup, ...]

    @property
    def anchor(self) -> str:
        return f"y{self.year:04d}"

    @property
    def label(self) -> str:
        """The year; or the years it spans when all it holds are longer (e.g. a decade)."""
        last = max((e.when.interval.end.year for e in self.events), default=self.year)
        if self.months or last == self.year:
            return str(self.year)
        return f"{self.year}–{last}"

    @property
    def count(self) -> int:
        return len(self.events) + sum(
            len(m.events) + sum(len(d.events) for d in m.days) for m in self.months
        )


def in_display_order(events: Iterable[Event]) -> list[Event]:
    # stable: events arrive in timeline order, which breaks every tie
    return sorted(events, key=display_key)


def group(events: Sequence[Event]) -> tuple[YearGroup, ...]:
    """Events in display order → the year/month/day outline."""
    # One pass, each group in the order its first event comes: filtering the events again for
    # every year, month and day made a long list's outline cost its square.
    years: dict[int, tuple[list[Event], dict[int, tuple[list[Event], dict[date, list[Event]]]]]]
    years = {}
    for e in events:
        start = e.when.interval.start
        own, months = years.setdefault(start.year, ([], {}))
        lvl = level(e)
        if lvl == "year":
            own.append(e)
            continue
        of_month, days = months.setdefault(start.month, ([], {}))
        if lvl == "month":
            of_month.append(e)
        else:
            days.setdefault(start, []).append(e)
    return tuple(
        YearGroup(year, tuple(own), tuple(
            MonthGroup(year, month, month_name(year, month), tuple(of_month), tuple(
                DayGroup(d, day_short(d), tuple(on_day)) for d, on_day in days.items()
            ))
            for month, (of_month, days) in months.items()
        ))
        for year, (own, months) in years.items()
    )  # fmt: skip


def split(
    events: Sequence[Event], size: Callable[[Event], int], budget: int = PAGE_BUDGET,
    *, by_year: bool = False,
) -> list[list[Event]]:
    """Cut events (in display order) into runs that each fit the budget. A run breaks at a
    month boundary once it is three quarters full, and at every year when ``by_year``."""
    pages: list[list[Event]] = []
    current: list[Event] = []
    used = 0
    for event in events:
        cost = size(event)
        if current:
            last, start = current[-1].when.interval.start, event.when.interval.start
            new_year = last.year != start.year
            new_month = new_year or last.month != start.month
            if (
                (by_year and new_year)
                or used + cost > budget
                or (new_month and used > budget * 3 // 4)
            ):
                pages.append(current)
                current, used = [], 0
        current.append(event)
        used += cost
    if current:
        pages.append(current)
    return pages


@dataclass(frozen=True, slots=True)
class Topic:
    """A person or a tag, with a page listing its events."""

    kind: str  # "people" or "tags"
    name: str
    slug: str
    events: tuple[Event, ...]


def unique_slugs(names: Iterable[str]) -> dict[str, str]:
    """name → URL-safe slug, unique among the names; empty slugs get a stable hashed one."""
    slugs: dict[str, str] = {}
    taken: set[str] = set()
    for name in sorted(set(names), key=lambda n: (n.casefold(), n)):
        base = slugify(name, max_length=60, word_boundary=True) or (
            "x-" + sha1(name.encode("utf-8")).hexdigest()[:8]
        )
        slug, n = base, 2
        while slug in taken:
            slug, n = f"{base}-{n}", n + 1
        taken.add(slug)
        slugs[name] = slug
    return slugs


def topics(
    timeline: Timeline, kind: str, names_of: Callable[[Event], Iterable[str]]
) -> tuple[Topic, ...]:
    """Every person (or tag) with the events that name it, most-covered first then by name."""
    events_of: dict[str, list[Event]] = {}
    for event in timeline.events:
        for name in dict.fromkeys(names_of(event)):
            if name.strip():
                events_of.setdefault(name, []).append(event)
    slugs = unique_slugs(events_of)
    found = [Topic(kind, n, slugs[n], tuple(events_of[n])) for n in events_of]
    return tuple(sorted(found, key=lambda t: (-len(t.events), t.name.casefold(), t.name)))


def page_path(folder: str, number: int) -> str:
    """First page is ``folder/index.html``, the others ``folder/2.html``, ``folder/3.html``…"""
    prefix = f"{folder}/" if folder else ""
    return f"{prefix}index.html" if number == 1 else f"{prefix}{number}.html"


def event_homes(pages: Mapping[str, Sequence[Event]]) -> dict[str, str]:
    """Event id → the page of the main timeline where it lives."""
    return {e.id: path for path, events in pages.items() for e in events}
