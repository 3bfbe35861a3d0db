"""Narrative anchors: an undated sentence that refers back to a dated event takes its date.

"Trump and Putin met on Monday … Putin at the press conference insisted …": once a sentence
dates a *press conference* (an event noun near a date expression), a later sentence of the same
article that names *the* press conference (definite: the / that / this) is dated by it, and its
citation is marked inferred. Only event nouns count (meeting, summit, hearing, vote, …): a
sentence that names no dated event makes no event.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from itertools import accumulate

from timeline.model import Granularity, Timex
from timeline.wordpattern import AtWordStarts, alternation

_EVENT_NOUNS = (
    "press conference|news conference|conference|meeting|summit|hearing|vote|election|speech|"
    "interview|op-ed|visit|trip|talks|session|rally|debate|ceremony|announcement|testimony|"
    "indictment|attack|explosion|blast|earthquake|quake|crash|storm|hurricane|protest|"
    "referendum|trial|verdict|ruling|sentencing|arrest|raid|strike|funeral|inauguration|launch|"
    "lunch|dinner|briefing|statement|deal|agreement|treaty|phone call|call|operation|shooting|"
    "bombing|blowout|collapse|resignation|appearance|tweet|decision|report|announcement|match|"
    "final|game|election|campaign|parade|flight|landing|sale|merger|bankruptcy|shutdown"
)
_NOUN_SET = frozenset(_EVENT_NOUNS.split("|"))
# Lowercase only: "March" and "Summit Avenue" are not event nouns.
_NOUN_ALTERNATION = alternation(_EVENT_NOUNS.split("|"))
# (``\b`` and the nouns: ``AtWordStarts`` finds them faster; each match's noun is group 1.)
_NOUN = AtWordStarts(rf"{_NOUN_ALTERNATION}s?\b")
_DEFINITE = re.compile(
    rf"\b(?i:the|that|this|those|these)\s+(?:[\w’'-]+\s+){{0,2}}?(?P<noun>{_NOUN_ALTERNATION})s?\b"
)


@dataclass(frozen=True, slots=True)
class Anchored:
    """An event noun of the article and the expression that dated it."""

    noun: str
    timex: Timex
    sentence_index: int


def day_of(timex: Timex) -> Timex:
    """A clock time as its day: "the march" after "at 5 p.m." happened that day, not at 5."""
    if timex.granularity is not Granularity.TIME:
        return timex
    return replace(timex, value=timex.value[:10], granularity=Granularity.DAY)


def _key(noun: str) -> str:
    noun = noun.lower()
    if noun.endswith("s") and noun[:-1] in _NOUN_SET:
        noun = noun[:-1]
    return "conference" if noun.endswith("conference") else noun


def event_nouns(sentence: str, offset: int, timexes: list[Timex], index: int) -> list[Anchored]:
    """Event nouns of a dated sentence, each with the expression nearest to it."""
    nouns = _NOUN.finditer(sentence)
    if not nouns:
        return []
    nearest = _nearest(timexes) if len(timexes) > _FEW else (
        lambda where: min(timexes, key=lambda t: (abs(t.start - where), t.start))
    )
    return [Anchored(_key(m.group(1)), day_of(nearest(offset + m.start(1))), index) for m in nouns]


# More expressions than this in one sentence are searched by bisection: tried one by one for
# every noun, a sentence of thousands of each ("the meeting on Monday and …" over 200 KB) took
# minutes. Fewer are a handful, as in news copy, where trying them all is quicker.
_FEW = 16


def _nearest(timexes: list[Timex]) -> Callable[[int], Timex]:
    """``min(timexes, key=(distance to where, start))`` for any ``where``: of the expressions
    starting nearest it (the first in ``timexes`` of those starting at one place), the one
    before it on a tie."""
    ordered = sorted(timexes, key=lambda t: t.start)  # stable: the first of a start leads
    starts = [t.start for t in ordered]

    def nearest(where: int) -> Timex:
        after = bisect_right(starts, where)
        if after == len(starts):
            return ordered[bisect_left(starts, starts[-1])]
        if after == 0 or starts[after] - where < where - starts[after - 1]:
            return ordered[after]
        return ordered[bisect_left(starts, starts[after - 1])]

    return nearest


def refer_back(
    sentence: str, known: dict[str, Anchored], dated_spans: Sequence[tuple[int, int]] = ()
) -> Anchored | None:
    """The dated event an undated sentence refers to by a definite noun phrase, if any.

    A phrase that holds its own expression ("the 2016 election") is dated by it instead."""
    overlaps = _overlaps(dated_spans) if len(dated_spans) > _FEW else (
        lambda start, end: any(s < end and start < e for s, e in dated_spans)
    )
    for m in _DEFINITE.finditer(sentence):
        if overlaps(m.start(), m.end()):
            continue
        anchored = known.get(_key(m.group("noun")))
        if anchored is not None:
            return anchored
    return None


def _overlaps(spans: Sequence[tuple[int, int]]) -> Callable[[int, int], bool]:
    """Whether ``[start, end)`` overlaps any of ``spans``, by bisection: each noun phrase of a
    sentence tested against every expression of it, a sentence of thousands of each ("He said
    that the vote on Tuesday and the vote on Tuesday …") took time growing with its square."""
    ordered = sorted(spans)
    starts = [s for s, _ in ordered]
    reach = list(accumulate((e for _, e in ordered), max))  # the furthest end so far

    def overlaps(start: int, end: int) -> bool:
        before = bisect_left(starts, end)  # the spans starting before ``end``
        return before > 0 and reach[before - 1] > start

    return overlaps
