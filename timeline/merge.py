"""Merge reports of one event into one event that cites every report, first report first.

Two events are the same when

1. their dates agree: the same day (a time of day counts as its day), the same value for
   coarser grains ("2016", "2018-07"), or overlapping ranges when both are approximate; and
2. their texts agree: the Dice similarity of their content words (``timeline.similarity``) is at
   least ``merge_text_threshold``, or the names they mention agree (Jaccard ≥
   ``merge_name_threshold``) and the texts reach half the threshold.

Reports are folded in order of first publication; each joins the most similar event it matches
(single link: the best of its sentences), so the result does not depend on input order.
The merged event keeps the first report's id; a happened event takes its words from the first
self-contained report published on or after its day, not from a preview.

At thousands of articles a story's big days gather hundreds of reports, so the rules above are
applied without comparing every pair: word sets are bit masks, each distinct text is compared
with each distinct text of a cluster once (scores kept, and a rejection is final since reports
only ever join), and a report with the date and text of an earlier one looks again only at the
clusters that did not reject that text. The result is the one the plain pairwise algorithm
gives (tests/test_assemble_reference.py).
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Hashable, Iterable, Sequence
from dataclasses import replace
from datetime import timedelta
from functools import partial
from itertools import islice

from timeline.config import Config
from timeline.memo import MemoTable, digest_of_names
from timeline.model import MAX_NAMES, Citation, Event, Granularity, Status, When
from timeline.similarity import content_words, focus_words, name_similarity

_FINE = (Granularity.TIME, Granularity.DAY)
# A sentence that opens with a pronoun or refers back ("told him about it") cannot stand alone
# as the text of an event: keep such a report as a citation, not as the event's words.
_LEANS_ON_CONTEXT = re.compile(r"^(?:He|She|It|They|This|That|These|Those)\b|\b(?:him|them|it)\b")


def report_order(event: Event) -> tuple[object, ...]:
    c = event.citations[0] if event.citations else None
    if c is None:  # hand-made: no report, placed by its own date
        return (event.when.interval.start, "", 0, event.id)
    return (c.published, c.article_slug, c.sentence_start, event.id)


def _citation_order(c: Citation) -> tuple[object, ...]:
    return (c.published, c.article_slug, c.sentence_start, c.timex.start if c.timex else -1)


def _vague(when: When) -> bool:
    return when.approximate or when.granularity is Granularity.VAGUE


def _buckets(when: When) -> list[Hashable]:
    """Where a matching event can be: only events sharing a bucket are compared."""
    if _vague(when):
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
    vague_a, vague_b = _vague(a), _vague(b)
    if vague_a or vague_b:
        return vague_a and vague_b and a.interval.overlaps(b.interval)
    if a.granularity in _FINE and b.granularity in _FINE:
        return a.interval.start == b.interval.start
    return a.value == b.value


Texts = tuple[frozenset[str], frozenset[str]]


def _texts(event: Event) -> Texts:
    """The sentence's content words, and those around the dating expression."""
    full = content_words(event.text, event.people)
    timex = event.citations[0].timex if event.citations else None
    if timex is None:
        return full, full
    offset = event.citations[0].sentence_start
    return full, focus_words(event.text, timex.start - offset, timex.end - offset, event.people)


# A pair of word sets as bit masks over the words seen so far, with their sizes: (full, its
# size, focus, its size). Dice on masks (``_Cluster.text_score``) is what ``similarity.dice``
# computes on the sets, in a fraction of the time, and merge compares hundreds of thousands of
# pairs.
Masks = tuple[int, int, int, int]


class _TextIds:
    """Each distinct pair of word sets gets a number, so that reports repeating a sentence
    (wire copy, a story's stock lines) are compared once, not once per report."""

    def __init__(self) -> None:
        self.by_input: dict[tuple[str, tuple[str, ...], int, int], tuple[int, Masks]] = {}
        self.ids: dict[Texts, tuple[int, Masks]] = {}
        self.bits: dict[str, int] = {}  # word → its bit, in order of first sight

    def _mask(self, words: frozenset[str]) -> int:
        mask = 0
        for word in words:
            mask |= 1 << self.bits.setdefault(word, len(self.bits))
        return mask

    def of(self, event: Event) -> tuple[int, Masks]:
        first = event.citations[0]
        timex, offset = first.timex, first.sentence_start
        key = (
            event.text, event.people,
            timex.start - offset if timex else -1, timex.end - offset if timex else -1,
        )
        found = self.by_input.get(key)
        if found is None:
            texts = _texts(event)
            found = self.ids.get(texts)
            if found is None:
                full, focus = texts
                masks = (self._mask(full), len(full), self._mask(focus), len(focus))
                found = self.ids[texts] = (len(self.ids), masks)
            self.by_input[key] = found
        return found


_REJECTED = -1.0  # below the floor with some report: the cluster can never take this text


class _Cluster:
    """Reports gathered so far for one event (mutable only inside ``merge_events``)."""

    __slots__ = ("names", "places", "scores", "text_ids", "texts", "when")

    def __init__(self, event: Event, place: int, text_id: int, texts: Masks) -> None:
        self.places = [place]  # of its reports, in the order they joined
        self.when = event.when
        # Distinct texts only: a cluster's score for a text is the best over its reports and the
        # floor must hold for each, and neither depends on how often a text repeats or in what
        # order the reports came.
        self.texts = [texts]
        self.text_ids = {text_id}
        # text id → (best score so far, how many of ``texts`` it covers), or _REJECTED
        self.scores: dict[int, tuple[float, int]] = {}
        self.names = {*event.people, *event.organizations}

    def text_score(self, text_id: int, mine: Masks, floor: float) -> float:
        """The best similarity of ``mine`` with a report, or _REJECTED when some report is
        below the floor (so that A~B and B~C cannot chain A to C). Reports only ever join a
        cluster, so a rejection is final and a score only needs the texts added since."""
        best, covered = self.scores.get(text_id, (0.0, 0))
        texts = self.texts
        if best == _REJECTED or covered == len(texts):
            return best
        full, full_size, focus, focus_size = mine
        for other_full, other_full_size, other_focus, other_focus_size in texts[covered:]:
            # The better Dice of the full and the focus words (0 with an empty set)
            score = 2 * (other_full & full).bit_count() / (other_full_size + full_size) if (
                other_full_size and full_size
            ) else 0.0
            if other_focus_size and focus_size:
                focus_score = (
                    2 * (other_focus & focus).bit_count() / (other_focus_size + focus_size)
                )
                if focus_score > score:
                    score = focus_score
            if score < floor:
                self.scores[text_id] = (_REJECTED, 0)
                return _REJECTED
            if score > best:
                best = score
        self.scores[text_id] = (best, len(texts))
        return best

    def add(self, event: Event, place: int, text_id: int, texts: Masks) -> None:
        self.places.append(place)
        if text_id not in self.text_ids:
            self.text_ids.add(text_id)
            self.texts.append(texts)
        self.names.update(event.people, event.organizations)


class _Probe:
    """The clusters still open to reports with one date and one text: the ones not rejected
    yet, and how far each bucket's list of clusters has been looked at."""

    __slots__ = ("open", "seen")

    def __init__(self, buckets: list[Hashable]) -> None:
        self.open: list[int] = []
        self.seen = dict.fromkeys(buckets, 0)


def merge_events(events: Sequence[Event], cfg: Config) -> tuple[Event, ...]:
    """Fold reports of the same event into one event citing all of them, first report first."""
    return merge_traced(events, cfg)[0]


def merge_traced(
    events: Sequence[Event], cfg: Config, fingerprints: Sequence[str] | None = None,
    memo: MemoTable[list[list[int]]] | None = None,
) -> tuple[tuple[Event, ...], tuple[str, ...]]:
    """``merge_events``, a connected group of dates at a time, and what made each event.

    ``fingerprints`` (one per report, a digest of what made it: its article's extraction key
    and its place there) let ``memo`` remember how each group of reports clustered, so a
    rebuild after one edit clusters again only the dates that edit touched; each merged event
    then also gets a trace, the digest of its reports' fingerprints (empty without them).
    Reports sharing no bucket are never compared (``_buckets``), so clustering each connected
    group of buckets alone gives what clustering them all at once gives."""
    order = sorted(range(len(events)), key=lambda i: report_order(events[i]))
    text_ids = _TextIds()
    found: list[tuple[int, list[Event], str]] = []  # (first report's place in order, reports)
    settings = f"{cfg.merge_text_threshold!r}|{cfg.merge_name_threshold!r}"
    for group in _connected(events, order):
        reports = [events[i] for i in group]
        if fingerprints is None or memo is None:
            clusters = _cluster(reports, cfg, text_ids)
        else:
            key = digest_of_names(settings, *(fingerprints[i] for i in group))
            clusters = memo.get(key, partial(_cluster, reports, cfg, text_ids))
        for members in clusters:
            trace = "" if fingerprints is None else digest_of_names(
                *(fingerprints[group[j]] for j in members)
            )
            found.append((group[members[0]], [reports[j] for j in members], trace))
    rank = {i: n for n, i in enumerate(order)}
    found.sort(key=lambda f: rank[f[0]])
    merged = tuple(_fold(members) for _, members, _ in found)
    return merged, tuple(trace for *_, trace in found) if fingerprints is not None else ()


def _connected(events: Sequence[Event], order: list[int]) -> list[list[int]]:
    """The reports (as places in ``events``) in groups that share buckets, each in report
    order; a hand-made event (never merged) is a group of its own."""
    parent: dict[Hashable, Hashable] = {}

    def root(b: Hashable) -> Hashable:
        while (up := parent[b]) != b:
            parent[b] = parent[up]
            b = up
        return b

    first_bucket: dict[int, Hashable] = {}
    for i in order:
        event = events[i]
        if not event.citations:
            continue
        buckets = _buckets(event.when)
        first_bucket[i] = buckets[0]
        for b in buckets:
            parent.setdefault(b, b)
        top = root(buckets[0])
        for b in buckets[1:]:
            other = root(b)
            if other != top:
                parent[other] = top
    groups: dict[Hashable, list[int]] = {}
    singles: list[list[int]] = []
    for i in order:
        if i in first_bucket:
            groups.setdefault(root(first_bucket[i]), []).append(i)
        else:
            singles.append([i])
    return [*groups.values(), *singles]


def _cluster(reports: Sequence[Event], cfg: Config, text_ids: _TextIds) -> list[list[int]]:
    """The clusters of reports given in report order, as lists of their places there, each
    in the order its reports joined, the clusters in the order they were opened."""
    threshold, name_threshold = cfg.merge_text_threshold, cfg.merge_name_threshold
    floor = threshold / 2
    clusters: list[_Cluster] = []
    index: dict[Hashable, list[int]] = defaultdict(list)  # bucket → its clusters, oldest first
    probes: dict[tuple[object, ...], _Probe] = {}
    for place, event in enumerate(reports):
        if not event.citations:  # hand-made events are never merged
            clusters.append(_Cluster(event, place, -1, (0, 0, 0, 0)))
            continue
        mine_id, mine = text_ids.of(event)
        when = event.when
        # What buckets and date agreement look at, hashed faster than the When itself.
        key = (
            mine_id, when.value, when.interval.start, when.interval.end, when.approximate,
            when.granularity is Granularity.VAGUE, when.granularity in _FINE,
        )
        probe = probes.get(key)
        if probe is None:
            probe = probes[key] = _Probe(_buckets(when))
        candidates = probe.open
        grown = False
        for bucket, seen in probe.seen.items():
            found = index.get(bucket, ())
            if len(found) > seen:
                candidates = [*candidates, *found[seen:]]
                probe.seen[bucket] = len(found)
                grown = True
        if grown and len(probe.seen) > 1:  # a vague range: a cluster can be in several months
            candidates = sorted(set(candidates))
        # A fine or exact date's bucket holds only clusters its date agrees with; vague ranges
        # sharing a month must still overlap.
        vague = _vague(when)
        best, best_score, still_open = None, 0.0, []
        names: set[str] | None = None
        for i in candidates:
            cluster = clusters[i]
            if vague and not _dates_agree(cluster.when, when):
                continue
            text = cluster.text_score(mine_id, mine, floor)
            if text == _REJECTED:
                continue
            still_open.append(i)
            if text < threshold:
                if names is None:
                    names = {*event.people, *event.organizations}
                if name_similarity(cluster.names, names) < name_threshold:
                    continue
            if text > best_score:
                best, best_score = i, text
        probe.open = still_open
        if best is None:
            clusters.append(_Cluster(event, place, mine_id, mine))
            for b in _buckets(when):
                index[b].append(len(clusters) - 1)
        else:
            clusters[best].add(event, place, mine_id, mine)
    return [c.places for c in clusters]


_STATUS_RANK = {Status.HAPPENED: 0, Status.ONGOING: 1, Status.EXPECTED: 2}


_RANK = {g: g.rank for g in Granularity}


def _fold(members: list[Event]) -> Event:
    """One event from its reports (given in report order): the first main report's id and
    text, the date most reports give."""
    if len(members) == 1:
        return members[0]
    first = next((e for e in members if not e.background), members[0])
    votes: dict[str, int] = {}
    for e in members:
        votes[e.when.value] = votes.get(e.when.value, 0) + len(e.citations)

    def preference(e: Event) -> tuple[int, bool, int, bool, timedelta, float]:
        # The date most reports give, a day over a time of day ("Monday" over "2 p.m."), then
        # the finest; ``min`` keeps the first of equals, the earliest report.
        when = e.when
        return (
            -votes[when.value], when.granularity is Granularity.TIME, _RANK[when.granularity],
            when.approximate, when.interval.end - when.interval.start,
            -max(c.confidence for c in e.citations) if len(e.citations) > 1
            else -e.citations[0].confidence,
        )

    top = max(votes.values())  # only those can win: the first part of every preference
    best = min((e for e in members if votes[e.when.value] == top), key=preference)
    citations = sorted((c for e in members for c in e.citations), key=_citation_order)
    # Reported as done by anyone means done: a later report knows more than a preview.
    status = min((e.status for e in members), key=_STATUS_RANK.__getitem__)
    # The first report names the event (its id stays put as reports come in), but a happened
    # event is told in the words of the first report from its day or after, not a preview's:
    # "Trump and Putin met alone…", not "Democrats urged Trump to call off the meeting…".
    voice = first
    if status is Status.HAPPENED:
        since = best.when.interval.start
        voice = next(
            (e for e in members if not e.background and e.citations
             and e.citations[0].published >= since and not _LEANS_ON_CONTEXT.search(e.text)),
            first,
        )  # fmt: skip
    return replace(
        first,
        when=best.when,
        text=voice.text,
        status=status,
        citations=tuple(citations),
        people=_first_names(p for e in members for p in e.people),
        organizations=_first_names(o for e in members for o in e.organizations),
        tags=_first_names(t for e in members for t in e.tags),
        background=all(e.background for e in members),
    )


def _first_names(names: Iterable[str]) -> tuple[str, ...]:
    """The distinct names, in order of first mention, at most ``MAX_NAMES`` of them."""
    return tuple(islice(dict.fromkeys(names), MAX_NAMES))
