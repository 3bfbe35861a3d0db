"""Follow-ups: link what an earlier article expected to what a later one reports as happened.

"Paul will travel to Russia in the coming weeks" (16 July, expected, a vague range) and "Paul
arrived in Moscow on Monday" (7 August, happened, 6 August) are one story: the expected event
gets ``fulfilled_by`` the happened one, which ``fulfils`` it, and the timeline can show the date
moving from the range to the day.

A happened event H fulfils an expected event E when

- E is expected and vaguer than a day (a range, a week, a month, …) — an expected *day* that
  came true is simply merged with its report (``timeline.merge``);
- H happened, is dated to a day, and was first reported after E was;
- H's day lies in E's range (stretched by half its length, since vague ranges are guesses);
- they share a person or organization, and their texts are alike (Dice ≥ half the merge
  threshold, on words where "arrived in Moscow" and "trip to Russia" share concepts).

Each expected event takes its most similar candidate (then the earliest); each happened event
fulfils at most one expected event.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import replace
from datetime import date, timedelta

from timeline.config import Config
from timeline.merge import report_order
from timeline.model import Event, Granularity, Status
from timeline.similarity import words

_MAX_RANGE_DAYS = 400  # "next year" can be followed up; "this decade" is too vague to


def _vague(event: Event) -> bool:
    return event.when.interval.days > 1 or event.when.approximate


def _reach(event: Event) -> tuple[date, date]:
    interval = event.when.interval
    slack = timedelta(days=interval.days // 2)
    return interval.start, interval.end + slack


# A word set as a bit mask over the words seen so far, and its size: Dice on masks is what
# ``similarity.dice`` computes on sets, in a fraction of the time.
Mask = tuple[int, int]


class _Masks:
    def __init__(self) -> None:
        self.bits: dict[str, int] = {}  # word → its bit, in order of first sight
        self.of_set: dict[frozenset[str], Mask] = {}

    def mask(self, words: frozenset[str]) -> Mask:
        found = self.of_set.get(words)
        if found is None:
            bits = 0
            for word in words:
                bits |= 1 << self.bits.setdefault(word, len(self.bits))
            found = self.of_set[words] = (bits, len(words))
        return found

    def texts(self, event: Event) -> tuple[Mask, ...]:
        """The word sets of the event's report sentences, each once: a story's stock sentence
        reported a hundred times is compared once."""
        found = [words(c.sentence) for c in event.citations] or [words(event.text)]
        return tuple(dict.fromkeys(self.mask(w) for w in found))


def _names(event: Event) -> frozenset[str]:
    return frozenset(event.people) | frozenset(event.organizations)


def link_followups(events: Sequence[Event], cfg: Config) -> tuple[Event, ...]:
    """The events with ``fulfils``/``fulfilled_by`` set where a follow-up was found."""
    ordered = sorted(events, key=report_order)
    by_day: dict[date, list[Event]] = defaultdict(list)
    for e in ordered:
        if (
            e.status is Status.HAPPENED and e.citations
            and e.when.granularity in (Granularity.DAY, Granularity.TIME)
        ):
            by_day[e.when.interval.start].append(e)
    days = sorted(by_day)
    links: dict[str, str] = {}  # expected id → happened id
    taken: set[str] = set()
    # Word sets and names once per event, by identity: an event is a candidate of many.
    memo: dict[int, tuple[tuple[Mask, ...], frozenset[str]]] = {}
    masks = _Masks()

    def texts_and_names(e: Event) -> tuple[tuple[Mask, ...], frozenset[str]]:
        found = memo.get(id(e))
        if found is None:
            found = memo[id(e)] = (masks.texts(e), _names(e))
        return found

    floor = cfg.merge_text_threshold / 2
    for exp in ordered:
        if exp.status is not Status.EXPECTED or not _vague(exp) or not exp.citations:
            continue
        if exp.when.interval.days > _MAX_RANGE_DAYS:
            continue
        start, end = _reach(exp)
        exp_texts, names = texts_and_names(exp)
        published = exp.citations[0].published
        candidates = []
        # The best Dice of each distinct sentence with the expected event's sentences: the
        # happened events in reach repeat the story's sentences, so each is scored once.
        best_with: dict[Mask, float] = {}
        for day in days[bisect_left(days, start):bisect_right(days, end)]:
            for hap in by_day[day]:
                if hap.id in taken or hap.citations[0].published <= published:
                    continue
                hap_texts, hap_names = texts_and_names(hap)
                if names.isdisjoint(hap_names):
                    continue
                score = 0.0
                for b in hap_texts:
                    with_b = best_with.get(b)
                    if with_b is None:
                        words_b, size_b = b  # Dice on masks, inlined: ~10⁵ pairs at 5,000
                        with_b = best_with[b] = max(
                            2 * (words_a & words_b).bit_count() / (size_a + size_b)
                            if size_a and size_b else 0.0
                            for words_a, size_a in exp_texts
                        )
                    score = max(score, with_b)
                if score >= floor:
                    candidates.append((-score, day, report_order(hap), hap.id))
        if candidates:
            best = min(candidates)[3]
            links[exp.id] = best
            taken.add(best)
    fulfils = {h: e for e, h in links.items()}
    return tuple(
        replace(
            e, fulfilled_by=links.get(e.id, e.fulfilled_by), fulfils=fulfils.get(e.id, e.fulfils)
        ) if e.id in links or e.id in fulfils else e
        for e in events
    )
