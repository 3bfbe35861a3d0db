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
from timeline.memo import MemoTable, digest
from timeline.merge import merge_traced
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
    fingerprints: Sequence[str] | None = None,
    memo: MemoTable[list[list[int]]] | None = None,
) -> Timeline:
    """Pure: the extracted (and hand-made) events of the articles → the ordered timeline.

    ``fingerprints``, one per extracted event (a digest of what made it), give each event of
    the timeline a version, so that later stages can remember what they made of it; ``memo``
    remembers how reports clustered (``merge_traced``)."""
    reports = [*events, *handmade]
    if fingerprints is not None:
        fingerprints = [*fingerprints, *(digest(repr(e)) for e in handmade)]
    merged, traces = merge_traced(reports, cfg, fingerprints, memo)
    linked = link_followups(merged, cfg)
    kept = sorted(
        (i for i, e in enumerate(linked) if within(e, cfg.between)),
        key=lambda i: chronological(linked[i]),
    )
    ordered = tuple(linked[i] for i in kept)
    # A follow-up link is the one thing assembling adds to what the reports made.
    versions = tuple(
        digest(traces[i], linked[i].fulfils or "", linked[i].fulfilled_by or "") for i in kept
    ) if traces else ()  # fmt: skip
    return Timeline(
        title=title,
        events=ordered,
        articles=tuple(tagged),
        key_dates=rank_key_dates(ordered, cfg.key_dates),
        warnings=override_warnings(tagged),
        versions=versions,
    )
