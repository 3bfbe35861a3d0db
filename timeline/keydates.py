"""Key dates: rank the days of a timeline by salience and keep the N most salient.

A day's salience adds up the reports that date events to it (see docs/key-dates.md):

- every citation counts 1, times
  - 2 in the headline or lead sentence, 1.5 in the next two (prominence),
  - 1.5 if its article came out two or more days later (a later article referring back is
    the best sign that a day mattered), and
  - 0.5 if its date was inferred from the narrative, 0.7 for a background event;
- plus 1 for each distinct article and 1 for each distinct source (outlet) citing the day.

Only events dated to one day (or a time of day) and not approximate can make a key date. Ties go
to the earlier day. Each key date lists its events, most salient first.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from datetime import date, timedelta

from timeline.model import Citation, Event, KeyDate

LEAD_WEIGHT = (2.0, 1.5, 1.5)
LATER_WEIGHT = 1.5
INFERRED_WEIGHT = 0.5
BACKGROUND_WEIGHT = 0.7
ARTICLE_WEIGHT = 1.0
SOURCE_WEIGHT = 1.0
EVENTS_PER_DATE = 10


def citation_weight(citation: Citation, day: date, background: bool) -> float:
    """How much one report of an event on ``day`` adds to the day's salience."""
    weight = 1.0
    if citation.sentence_index < len(LEAD_WEIGHT):
        weight *= LEAD_WEIGHT[citation.sentence_index]
    if citation.published >= day + timedelta(days=2):
        weight *= LATER_WEIGHT
    if citation.inferred:
        weight *= INFERRED_WEIGHT
    if background:
        weight *= BACKGROUND_WEIGHT
    return weight


def _day(event: Event) -> date | None:
    when = event.when
    if when.interval.days != 1 or when.approximate:
        return None
    return when.interval.start


def event_salience(event: Event, day: date) -> float:
    """The sum of ``citation_weight`` over the event's reports, worked out in one loop: a
    story's big events have hundreds of reports."""
    later, background = day + timedelta(days=2), event.background
    weights = []
    for citation in event.citations:
        weight = 1.0  # the same products, in the same order, as citation_weight
        if citation.sentence_index < len(LEAD_WEIGHT):
            weight *= LEAD_WEIGHT[citation.sentence_index]
        if citation.published >= later:
            weight *= LATER_WEIGHT
        if citation.inferred:
            weight *= INFERRED_WEIGHT
        if background:
            weight *= BACKGROUND_WEIGHT
        weights.append(weight)
    return sum(weights)


def rank_key_dates(events: Iterable[Event], limit: int) -> tuple[KeyDate, ...]:
    """The ``limit`` most salient days, most salient first, each with its best events."""
    members: dict[date, list[tuple[float, Event]]] = defaultdict(list)
    for event in events:
        day = _day(event)
        if day is not None and event.citations:
            members[day].append((event_salience(event, day), event))
    scores: dict[date, float] = {}
    for day, items in members.items():
        citations = [c for _, e in items for c in e.citations]
        articles = {c.article_slug for c in citations}
        sources = {c.source or c.article_slug for c in citations}
        scores[day] = (
            sum(s for s, _ in items)
            + ARTICLE_WEIGHT * len(articles)
            + SOURCE_WEIGHT * len(sources)
        )
    ranked = sorted(scores, key=lambda d: (-scores[d], d))[:limit]
    return tuple(
        KeyDate(
            day,
            round(scores[day], 3),
            tuple(e.id for _, e in sorted(members[day], key=lambda x: (-x[0], x[1].id))[
                :EVENTS_PER_DATE
            ]),
        )
        for day in ranked
    )
