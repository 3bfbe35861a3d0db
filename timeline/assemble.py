"""Assemble the timeline: merge reports of one event, link follow-ups, order, rank key dates.

    events → merge (timeline.merge) → follow-ups (timeline.followup)
           → order (timeline.order) → restrict to ``between`` → key dates (timeline.keydates)
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from timeline.config import Config
from timeline.followup import link_followups
from timeline.keydates import rank_key_dates
from timeline.merge import merge_events
from timeline.model import Event, TaggedArticle, Timeline
from timeline.order import chronological
from timeline.overrides import override_warnings


def within(event: Event, between: tuple[date, date] | None) -> bool:
    """Is the event's whole interval inside the range (both ends included)?"""
    if between is None:
        return True
    return between[0] <= event.when.interval.start and event.when.interval.end <= between[1]


def assemble(
    title: str,
    tagged: Sequence[TaggedArticle],
    events: Sequence[Event],
    cfg: Config,
    handmade: Sequence[Event] = (),
) -> Timeline:
    """Pure: the extracted (and hand-made) events of the articles → the ordered timeline."""
    merged = link_followups(merge_events([*events, *handmade], cfg), cfg)
    ordered = tuple(e for e in sorted(merged, key=chronological) if within(e, cfg.between))
    warnings = override_warnings(tagged)
    return Timeline(
        title=title,
        events=ordered,
        articles=tuple(tagged),
        key_dates=rank_key_dates(ordered, cfg.key_dates),
        warnings=warnings,
    )
