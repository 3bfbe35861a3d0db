"""Merge reports of one event into one event that cites every report, first report first.

Two events are the same when

1. their dates agree: the same day (a time of day counts as its day), the same value for
   coarser grains ("2016", "2018-07"), or overlapping ranges when both are approximate; and
2. their texts agree: the Dice similarity of their content words (``timeline.similarity``) is at
   least ``merge_text_threshold``, or the names they mention agree (Jaccard ≥
   ``merge_name_threshold``) and the texts reach half the threshold.

Reports are folded in order of first publication; each joins the most similar event it matches
(single link: the best of its sentences), so the result does not depend on input order.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Hashable, Sequence
from dataclasses import replace

from timeline.config import Config
from timeline.model import Citation, Event, Granularity, Status, When
from timeline.similarity import content_words, dice, focus_words, name_similarity

_FINE = (Granularity.TIME, Granularity.DAY)


def report_order(event: Event) -> tuple[object, ...]:
    c = event.citations[0] if event.citations else None
    if c is None:  # hand-made: no report, placed by its own date
        return (event.when.interval.start, "", 0, event.id)
    return (c.published, c.article_slug, c.sentence_start, event.id)


def _citation_order(c: Citation) -> tuple[object, ...]:
    return (c.published, c.article_slug, c.sentence_start, c.timex.start if c.timex else -1)


def _buckets(when: When) -> list[Hashable]:
    """Where a matching event can be: only events sharing a bucket are compared."""
    if when.approximate or when.granularity is Granularity.VAGUE:
        # Overlapping vague ranges: index by every month they touch (ranges are short).
        start, end = when.interval.start, when.interval.end
        months = (end.year - start.year) * 12 + end.month - start.month
        if months > 24:
            return [("vague", when.value)]
        return [("range", start.year + (start.month - 1 + i) // 12, (start.month - 1 + i) % 12)
                for i in range(months + 1)]
    if when.granularity in _FINE:
        return [("day", when.interval.start)]
    return [("value", when.value)]


def _dates_agree(a: When, b: When) -> bool:
    vague_a = a.approximate or a.granularity is Granularity.VAGUE
    vague_b = b.approximate or b.granularity is Granularity.VAGUE
    if vague_a or vague_b:
        return vague_a and vague_b and a.interval.overlaps(b.interval)
    if a.granularity in _FINE and b.granularity in _FINE:
        return a.interval.start == b.interval.start
    return a.value == b.value


def _texts(event: Event) -> tuple[frozenset[str], frozenset[str]]:
    """The sentence's content words, and those around the dating expression."""
    full = content_words(event.text, event.people)
    timex = event.citations[0].timex if event.citations else None
    if timex is None:
        return full, full
    offset = event.citations[0].sentence_start
    return full, focus_words(event.text, timex.start - offset, timex.end - offset, event.people)


Texts = tuple[frozenset[str], frozenset[str]]


def _similar(a: Texts, b: Texts) -> float:
    return max(dice(a[0], b[0]), dice(a[1], b[1]))


class _Cluster:
    """Reports gathered so far for one event (mutable only inside ``merge_events``)."""

    def __init__(self, event: Event) -> None:
        self.members = [event]
        self.texts = [_texts(event)]
        self.names = set(event.people) | set(event.organizations)

    def similarity(self, event: Event, mine: Texts, cfg: Config) -> float | None:
        if not _dates_agree(self.members[0].when, event.when):
            return None
        # Every report must be somewhat alike, so that A~B and B~C cannot chain A to C:
        # the first one below half the threshold settles it.
        floor, text = cfg.merge_text_threshold / 2, 0.0
        for t in self.texts:
            score = _similar(t, mine)
            if score < floor:
                return None
            text = max(text, score)
        if text >= cfg.merge_text_threshold:
            return text
        names = name_similarity(self.names, set(event.people) | set(event.organizations))
        if names >= cfg.merge_name_threshold:
            return text
        return None

    def add(self, event: Event, mine: Texts) -> None:
        self.members.append(event)
        self.texts.append(mine)
        self.names |= set(event.people) | set(event.organizations)


def merge_events(events: Sequence[Event], cfg: Config) -> tuple[Event, ...]:
    """Fold reports of the same event into one event citing all of them, first report first."""
    clusters: list[_Cluster] = []
    index: dict[Hashable, list[int]] = defaultdict(list)
    for event in sorted(events, key=report_order):
        if not event.citations:  # hand-made events are never merged
            clusters.append(_Cluster(event))
            continue
        candidates = sorted({i for b in _buckets(event.when) for i in index.get(b, ())})
        best, best_score = None, 0.0
        mine = _texts(event)  # word sets computed once per event, not once per candidate
        for i in candidates:
            score = clusters[i].similarity(event, mine, cfg)
            if score is not None and score > best_score:
                best, best_score = i, score
        if best is None:
            clusters.append(_Cluster(event))
            for b in _buckets(event.when):
                index[b].append(len(clusters) - 1)
        else:
            clusters[best].add(event, mine)
    return tuple(_fold(c.members) for c in clusters)


_STATUS_RANK = {Status.HAPPENED: 0, Status.ONGOING: 1, Status.EXPECTED: 2}


def _fold(members: list[Event]) -> Event:
    """One event from its reports: the first main report's id and text, the date most
    reports give."""
    if len(members) == 1:
        return members[0]
    first = next((e for e in members if not e.background), members[0])
    votes: dict[str, int] = {}
    for e in members:
        votes[e.when.value] = votes.get(e.when.value, 0) + len(e.citations)
    # The date most reports give, a day over a time of day ("Monday" over "2 p.m."), then the
    # finest.
    best = min(
        members,
        key=lambda e: (
            -votes[e.when.value], e.when.granularity is Granularity.TIME,
            e.when.granularity.rank, e.when.approximate,
            e.when.interval.days, -max(c.confidence for c in e.citations), report_order(e),
        ),
    )
    citations = sorted((c for e in members for c in e.citations), key=_citation_order)
    return replace(
        first,
        when=best.when,
        # Reported as done by anyone means done: a later report knows more than a preview.
        status=min((e.status for e in members), key=_STATUS_RANK.__getitem__),
        citations=tuple(citations),
        people=tuple(dict.fromkeys(p for e in members for p in e.people)),
        organizations=tuple(dict.fromkeys(o for e in members for o in e.organizations)),
        tags=tuple(dict.fromkeys(t for e in members for t in e.tags)),
        background=all(e.background for e in members),
    )
