"""The quicker ways of the rendering speed pass (issue #7) give what the plain ways gave: each
reference below is the code as it was before."""

from __future__ import annotations

import random
import re
from collections.abc import Sequence
from dataclasses import replace

from conftest import make_site_timeline
from hypothesis import given
from hypothesis import strategies as st
from markupsafe import Markup

from timeline.dates_display import day_short, month_name
from timeline.links import Links, resolve
from timeline.model import Event
from timeline.pages import DayGroup, MonthGroup, YearGroup, group, in_display_order, level, topics

_MARKS = re.compile(r"<@(?:root|home:([^@<>]*))@>")


def _group_reference(events: Sequence[Event]) -> tuple[YearGroup, ...]:
    years: list[YearGroup] = []
    for year in dict.fromkeys(e.when.interval.start.year for e in events):
        of_year = [e for e in events if e.when.interval.start.year == year]
        months = []
        for month in dict.fromkeys(
            e.when.interval.start.month for e in of_year if level(e) != "year"
        ):
            of_month = [
                e for e in of_year if level(e) != "year" and e.when.interval.start.month == month
            ]
            days = [
                DayGroup(d, day_short(d), tuple(e for e in of_month if e.when.interval.start == d
                                                and level(e) == "day"))
                for d in dict.fromkeys(e.when.interval.start for e in of_month if level(e) == "day")
            ]  # fmt: skip
            months.append(MonthGroup(
                year, month, month_name(year, month),
                tuple(e for e in of_month if level(e) == "month"), tuple(days),
            ))  # fmt: skip
        own = tuple(e for e in of_year if level(e) == "year")
        years.append(YearGroup(year, own, tuple(months)))
    return tuple(years)


def _events() -> list[Event]:
    """The fixture's events (every level of the outline), and copies on other days."""
    events = list(make_site_timeline().events)
    for n, e in enumerate(list(events)):
        iv = e.when.interval
        for shift in (1, 40, 400):
            moved = replace(iv, start=iv.start.replace(year=iv.start.year + shift % 3),
                            end=iv.end.replace(year=iv.end.year + shift % 3))  # fmt: skip
            when = replace(e.when, interval=moved)
            events.append(replace(e, id=f"{e.id}-{n}-{shift}", when=when))
    return events


def test_group_is_the_reference_in_and_out_of_display_order() -> None:
    events = _events()
    rng = random.Random(7)
    for _ in range(300):
        sample = rng.sample(events, rng.randint(0, len(events)))
        for ordered in (sample, in_display_order(sample)):
            assert group(ordered) == _group_reference(ordered)


def _resolve_reference(markup: str, root: str, links: Links) -> str:
    def fill(match: re.Match[str]) -> str:
        if match.group(1) is None:
            return root
        return str(Markup.escape(links.homes.get(match.group(1), "index.html")))

    return _MARKS.sub(fill, markup)


@given(st.lists(st.sampled_from(["<p>", "é", "<@root@>", "<@home:e1@>", "<@home:e2@>", "@>", "<@",
                                 "&amp;", "root"]), max_size=12),
       st.sampled_from(["", "../", "../../"]), st.booleans())  # fmt: skip
def test_resolve_is_the_reference(pieces: list[str], root: str, as_markup: bool) -> None:
    links = Links({"e1": "years/2018/index.html", "e2": "a&b.html"}, {}, {}, {}, {})
    markup = "".join(pieces)
    got = resolve(Markup(markup) if as_markup else markup, root, links)
    assert got == _resolve_reference(markup, root, links)
    assert type(got) is str


def test_slugs_are_slug_of_each_name_and_a_space() -> None:
    timeline = make_site_timeline()
    people = topics(timeline, "people", lambda e: e.people)
    tags = topics(timeline, "tags", lambda e: e.tags)
    links = Links.empty(people, tags)
    for e in timeline.events:
        for kind, names in (("people", e.people), ("tags", e.tags)):
            names = (*names, "nobody at all")
            assert links.slugs(kind, names) == "".join(
                f"{links.slug_of(kind, n)} " for n in names
            )
