"""Choose which expression dates a sentence's main action, and which date embedded events.

"Putin insisted on Monday that Russia never interfered in 2016": Monday dates the insisting,
2016 dates an embedded event (the interference). Without a parser we find the *embedded
regions* of a sentence by the surface cues news copy uses, and an expression inside one of
them dates an embedded event:

- quoted speech: “In just a few weeks, I will take my own trip…”;
- the complement of a reporting verb: said / announced / insisted … [that | he | will …] — the
  region starts at the complementizer or at the clause's subject or auxiliary, so adjuncts of
  the verb itself ("said at the press conference on Monday that …") stay in the main clause;
- subordinate clauses: despite / although / because / after / before / since / until / while
  … (up to the next comma when the sentence opens with one, else to the end); "since 2016" and
  "after Monday", where the expression follows at once, are phrases, not clauses;
- relative clauses: ", who …," and ", which …,";
- a year or date modifying a noun after a determiner: "the 2016 election".

The main expression is the first one outside every region. Possessives ("Monday's op-ed")
date the main action: news copy writes "Paul wrote in Monday's op-ed" for a Monday event.
"""

from __future__ import annotations

import heapq
import re
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass

from timeline.model import Timex, fast_new
from timeline.wordpattern import AtWordStarts, alternation

_QUOTE = re.compile(r"“[^”]*(?:”|$)|\"[^\"]*(?:\"|$)|``.*?(?:''|$)")
_REPORTING = (
    "said|says|say|announced|announces|announce|insisted|insists|argued|argues|believes|"
    "believed|believe|thinks|thought|wrote|writes|claimed|claims|denied|denies|told|tells|"
    "added|adds|warned|warns|noted|notes|stated|states|acknowledged|admitted|predicted|"
    "predicts|promised|promises|vowed|vows|pledged|pledges|confirmed|confirms|reported|"
    "reports|tweeted|suggested|suggests|explained|testified|alleged|alleges|hoped|hopes|"
    "expects|expected|fears|feared|knew|accepted|accepts|revealed|disclosed|indicated|"
    "signaled|signalled|concluded|estimated|estimates|decided|agreed|asserted|asserts|"
    "maintained|maintains|recalled|conceded|boasted|complained|stressed"
)
_COMPLEMENT_WORDS = (
    "that|whether|if|how|why|what|he|she|it|they|we|i|you|there|his|her|their|its|will|would|"
    "could|should|may|might|can|had|has|have|was|were|is|are|did|does"
)
_COMPLEMENT_START = re.compile(
    rf"\b{alternation(_COMPLEMENT_WORDS.split('|'), ignore_case=True)}\b", re.I
)
_SUBORDINATORS = "despite|although|though|because|after|before|since|until|while|whereas|once"
# Reporting verbs (lowercase) and subordinators (any case) in one scan of the sentence: each
# match is a whole word, and no word is both, so the scan finds what two would.
# (``\b`` and the words: ``AtWordStarts`` finds them faster; each match's word is group 1.)
_REPORTING_OR_SUBORDINATOR = AtWordStarts(
    rf"(?:(?P<verb>{alternation(_REPORTING.split('|'))})"
    rf"|(?i:{alternation(_SUBORDINATORS.split('|'), ignore_case=True)}))\b"
)
_RELATIVE = re.compile(r",\s+(?:who|which|whose|where)\b")
# A determiner, as a word, where the blanks before an expression begin (``_determiner_before``).
_DETERMINER = re.compile(r"\b(?:the|a|an|its|his|her|their|this|that)$", re.I)
_NOUN_AFTER = re.compile(r"\s*[a-z]")
_OPENING = re.compile(r"\s*(?:[—-]\s*)?")
_PHRASE_END = re.compile(r"\b(?:after|before|since|until|once)$", re.I)


@dataclass(frozen=True, slots=True)
class Dated:
    """One expression of a sentence and the clause it dates."""

    timex: Timex
    kind: str  # "" for the main clause, else the embedding: quote, report, sub, rel, np
    clause_start: int  # absolute offsets of the clause whose tense tells the status
    clause_end: int

    @property
    def embedded(self) -> bool:
        return bool(self.kind)


@dataclass(frozen=True, slots=True)
class SentenceDating:
    main: Dated | None
    background: tuple[Dated, ...]
    main_clause: tuple[int, int]  # the main clause, for the tense of an undated main event


# Every field by position (see ``fast_new``): one of each per dated sentence or expression.
_new_dated = fast_new(Dated)
_new_sentence_dating = fast_new(SentenceDating)

Region = tuple[int, int, str]  # start, end, kind: quote | report | sub | rel


def regions(text: str) -> list[Region]:
    """Embedded regions of a sentence, as offsets into ``text``, with their kind."""
    length = len(text)
    quotes = [(m.start(), m.end(), "quote") for m in _QUOTE.finditer(text)]
    relative = []
    for m in _RELATIVE.finditer(text):
        comma = text.find(",", m.end())
        relative.append((m.start(), comma if comma != -1 else length, "rel"))
    found = quotes + relative
    # Quotes, and relative clauses, do not overlap one another: the one holding a word is the
    # last to start at or before it (``_holding``). The complement after a verb is the first
    # one after it, which is that of the verb before if it lies after this one too: searched
    # for again only then. (Each verb tested against every quote and relative clause, and a
    # complement searched for after each, "said said said … he" took time growing with the
    # square of the sentence: 40 KB, 13 s.)
    quote_starts = [s for s, _, _ in quotes] if len(quotes) > _FEW else None
    relative_starts = [s for s, _, _ in relative] if len(relative) > _FEW else None
    complement = None
    searched = False
    # Verbs and subordinators in one pass, in text order: the order in which their regions
    # are appended does not matter, as ``found`` is sorted (whole tuples) at the end.
    for word in _REPORTING_OR_SUBORDINATOR.finditer(text):
        at = word.start(1)
        if quotes and _holding(quotes, quote_starts, at) is not None:
            continue
        if word.group("verb"):
            after = word.end()
            if not searched or (complement is not None and complement.start() < after):
                complement, searched = _COMPLEMENT_START.search(text, after), True
            if complement is None:
                continue
            inside = _holding(relative, relative_starts, at) if relative else None
            end = inside[1] if inside is not None else length
            if complement.start() < end:
                found.append((complement.start(), end, "report"))
        elif at <= _opening(text):
            comma = text.find(",", word.end())
            found.append((at, comma if comma != -1 else length, "sub"))
        else:
            found.append((at, length, "sub"))
    found.sort()
    return found


def _opening(text: str) -> int:
    """Where the sentence's opening blanks and dash end: a subordinator at or before it opens
    the sentence (what precedes it, stripped, is "", "—" or "-"). Not a copy of the text before
    each subordinator stripped: a sentence of thousands ("before before …") took time growing
    with its square."""
    match = _OPENING.match(text)
    return match.end() if match else 0


# Up to this many quotes (or relative clauses) are tried in turn, more by bisection.
_FEW = 8


def _holding(spans: list[Region], starts: list[int] | None, pos: int) -> Region | None:
    """The region of ``spans`` (sorted, not overlapping; ``starts`` theirs, or None for a
    few) holding ``pos``."""
    if starts is None:
        for span in spans:
            if span[0] <= pos < span[1]:
                return span
        return None
    i = bisect_right(starts, pos) - 1
    return spans[i] if i >= 0 and pos < spans[i][1] else None


def _phrase_not_clause(text: str, timex_start: int) -> bool:
    """"since 2016", "after Monday": the expression right after a subordinator is a phrase."""
    # What precedes the expression, without its trailing blanks: found by stepping back over
    # them, not by stripping a copy of all of it (a copy for each expression of a sentence
    # of thousands took time growing with its square).
    end = timex_start
    while end and text[end - 1].isspace():
        end -= 1
    # The word ends there, so the search can start six characters (the longest word) before;
    # ``\b`` still sees the character before that.
    return bool(_PHRASE_END.search(text, max(0, end - 6), end))


def _determiner_before(text: str, start: int) -> bool:
    """Blanks, after a determiner ("the", "its", …), just before ``start``? Found by stepping
    back over the blanks and looking at the few characters before them: searched for in all
    the text before, for each expression of a sentence of thousands ("the 2016 election and
    the 2016 election …"), it took time growing with the square of the sentence."""
    end = start
    while end and text[end - 1].isspace():
        end -= 1
    # the longest determiner is five characters; ``\b`` still sees the character before
    return end < start and _DETERMINER.search(text, max(0, end - 5), end) is not None


def _embedding(
    text: str, start: int, end: int, found: list[Region],
    holders: dict[int, tuple[Region | None, bool]] | None = None,
) -> Region | None:
    """The innermost region that makes the expression date an embedded event, if any.
    ``holders``: ``_holders`` of ``found`` at the expressions' starts, if computed."""
    # Cheapest test first: most expressions are not bare numbers.
    if text[start:end].isdigit() and _NOUN_AFTER.match(text, end) and (
        _determiner_before(text, start)
    ):
        return (start, end, "np")  # "the 2016 election"
    if holders is not None:
        innermost, any_not_sub = holders[start]
        if innermost is None:
            return None
        if not any_not_sub and _phrase_not_clause(text, start):
            return None
        return innermost
    holding = [r for r in found if r[0] <= start < r[1]]
    if not holding:
        return None
    if all(kind == "sub" for _, _, kind in holding) and _phrase_not_clause(text, start):
        return None
    return max(holding, key=lambda r: r[0])


# A sentence with more regions times expressions than this has each expression's regions found
# in one sweep (``_holders``): tested against every region, a sentence of thousands of each
# ("the day before the day before …") took time growing with its square. News sentences have a
# few of each, which the plain test handles quicker.
_MANY = 256


def _holders(found: list[Region], positions: Sequence[int]) -> dict[
    int, tuple[Region | None, bool]
]:
    """For each position: the innermost region holding it (``r[0] <= pos < r[1]``; of those
    starting last, the first in ``found``, which is sorted), and whether any region holding
    it is not a subordinate clause. One sweep over the positions in order: a region that has
    ended before one position has ended before every later one."""
    out: dict[int, tuple[Region | None, bool]] = {}
    started: list[tuple[int, int]] = []  # (-start, index) of regions started
    not_sub: list[int] = []  # ends of regions started that are not "sub"
    i = 0
    for pos in sorted(set(positions)):
        while i < len(found) and found[i][0] <= pos:
            heapq.heappush(started, (-found[i][0], i))
            if found[i][2] != "sub":
                heapq.heappush(not_sub, found[i][1])
            i += 1
        while started and found[started[0][1]][1] <= pos:
            heapq.heappop(started)
        while not_sub and not_sub[0] <= pos:
            heapq.heappop(not_sub)
        out[pos] = (found[started[0][1]] if started else None, bool(not_sub))
    return out


def date_sentence(text: str, offset: int, timexes: Sequence[Timex]) -> SentenceDating:
    """Split a sentence's placeable expressions into its main one and background ones.

    ``text`` is the sentence, ``offset`` where it starts in the article, ``timexes`` the
    placeable expressions inside it in text order (absolute offsets).
    """
    found = regions(text)
    length = len(text)
    first_region = found[0][0] if found else length  # ``found`` is sorted
    dated: list[Dated] = []
    main = None
    holders = None
    if len(found) * len(timexes) > _MANY:
        holders = _holders(found, [t.start - offset for t in timexes])
    for t in timexes:
        start, end = t.start - offset, t.end - offset
        region = _embedding(text, start, end, found, holders)
        if region is None:
            c_start, c_end, kind = 0, (first_region if start < first_region else length), ""
        else:
            c_start, c_end, kind = region if region[2] != "np" else (0, length, "np")
        d = _new_dated(t, kind, offset + c_start, offset + max(c_end, end))
        dated.append(d)
        if main is None and not kind:
            main = d
    main_span = (offset, offset + first_region)
    if len(dated) == 1:  # most sentences: no background, or the one expression as it
        return _new_sentence_dating(main, () if main is not None else (dated[0],), main_span)
    rest = [d for d in dated if d is not main and not _same_time(d, main)]
    # Reported content first: with no main date, it is what the sentence is about.
    rest.sort(key=lambda d: d.kind not in {"quote", "report"})
    return _new_sentence_dating(main, _distinct(tuple(rest)), main_span)


def main_clause(text: str, offset: int) -> tuple[int, int]:
    """The main clause of a sentence (as in ``SentenceDating``), for one that has no
    placeable expression: what precedes its first embedded region."""
    return (offset, offset + _first_region(regions(text), text))


def _first_region(found: list[Region], text: str) -> int:
    return found[0][0] if found else len(text)  # ``found`` is sorted


def _same_time(d: Dated, main: Dated | None) -> bool:
    """An expression inside the main one's interval ("Monday … at 2 p.m.") adds no event."""
    if main is None:
        return False
    a, b = d.timex.interval, main.timex.interval
    return a is not None and b is not None and b.days == 1 and b.start <= a.start <= b.end


def _distinct(items: tuple[Dated, ...]) -> tuple[Dated, ...]:
    seen: set[str] = set()
    out = []
    for d in items:
        if d.timex.value not in seen:
            seen.add(d.timex.value)
            out.append(d)
    return tuple(out)
