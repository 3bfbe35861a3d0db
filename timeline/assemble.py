"""Assemble the timeline: merge reports of one event, order everything, rank key dates."""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import replace
from datetime import date

from timeline.config import Config
from timeline.model import Event, KeyDate, TaggedArticle, Timeline

_WORD = re.compile(r"[a-z0-9]+")
_STOP = frozenset(
    "the a an of to in on at for and or but that this with by from as is was were be been has had "
    "have he she it they we his her its their said says will would on monday tuesday wednesday "
    "thursday friday saturday sunday".split()
)


def chronological(event: Event) -> tuple[date, int, date, str]:
    """Timeline order: by start day, finer granularity first, then shorter, then id (total)."""
    when = event.when
    return (when.interval.start, when.granularity.rank, when.interval.end, event.id)


def _words(text: str) -> frozenset[str]:
    return frozenset(w for w in _WORD.findall(text.lower()) if w not in _STOP and len(w) > 2)


def _similar(a: Event, b: Event, cfg: Config) -> bool:
    if a.when.granularity != b.when.granularity or not a.when.interval.overlaps(b.when.interval):
        return False
    wa, wb = _words(a.text), _words(b.text)
    if not wa or not wb:
        return False
    return len(wa & wb) / len(wa | wb) >= cfg.merge_text_threshold


def merge_events(events: Sequence[Event], cfg: Config) -> tuple[Event, ...]:
    """Fold reports of the same event into one event citing all of them, first report first."""
    merged: list[Event] = []
    for event in sorted(events, key=lambda e: (e.citations[0].published, e.id)):
        for i, kept in enumerate(merged):
            if kept.citations[0].article_slug != event.citations[0].article_slug and _similar(
                kept, event, cfg
            ):
                merged[i] = replace(
                    kept,
                    citations=kept.citations + event.citations,
                    people=tuple(dict.fromkeys(kept.people + event.people)),
                    tags=tuple(dict.fromkeys(kept.tags + event.tags)),
                )
                break
        else:
            merged.append(event)
    return tuple(merged)


def rank_key_dates(events: Iterable[Event], limit: int) -> tuple[KeyDate, ...]:
    """The days that the most reports date events to; ties go to the earlier day."""
    scores: dict[date, float] = defaultdict(float)
    members: dict[date, list[str]] = defaultdict(list)
    for event in events:
        if event.when.interval.days != 1 or event.when.approximate:
            continue
        day = event.when.interval.start
        scores[day] += len(event.citations)
        members[day].append(event.id)
    ranked = sorted(scores, key=lambda d: (-scores[d], d))[:limit]
    return tuple(KeyDate(d, scores[d], tuple(members[d])) for d in ranked)


def assemble(
    title: str, tagged: Sequence[TaggedArticle], events: Sequence[Event], cfg: Config
) -> Timeline:
    ordered = tuple(sorted(merge_events(events, cfg), key=chronological))
    return Timeline(
        title=title,
        events=ordered,
        articles=tuple(tagged),
        key_dates=rank_key_dates(ordered, cfg.key_dates),
    )
