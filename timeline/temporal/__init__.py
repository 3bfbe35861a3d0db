"""The temporal tagger: find every temporal expression in a text and resolve it against the DCT.

Pipeline: ``recognize`` finds candidates with one compiled regex; each candidate's kind has a
normalizer (``absolute``, ``relative``, ``quantities``) that reads it in its context (DCT,
tense of the clause, last mentioned date) or rejects it; ``reading.to_timex`` builds the Timex.
"""

from __future__ import annotations

import re
from datetime import date, datetime

from timeline.model import Anchor, AnchorKind, Granularity, Timex
from timeline.temporal import absolute, periods, quantities, relative
from timeline.temporal.anchor import (
    NO_TENSE,
    Context,
    Site,
    Tense,
    is_quarter,
    report_quarter,
    tense,
)
from timeline.temporal.lexicon import APPROX_BEFORE, HOLIDAY_NAMES, MONTHS, WEEKDAYS
from timeline.temporal.reading import PLACED, Normalizer, to_timex
from timeline.temporal.scan import Candidate, Scanner

__all__ = ["tag"]

NORMALIZERS: dict[str, Normalizer] = {
    "iso": absolute.iso,
    "numdate": absolute.numdate,
    "time": relative.time,
    "mdy": absolute.mdy,
    "quarter": periods.quarter,
    "fiscal": periods.fiscal,
    "decade": absolute.decade,
    "season": absolute.season,
    "holiday": absolute.holiday,
    "month": absolute.month,
    "weekday": relative.weekday,
    "relday": relative.relday,
    "ago": relative.ago,
    "relunit": relative.relunit,
    "yearadj": relative.yearadj,
    "set": quantities.set_,
    "ordday": relative.ordinal_day,
    "duration": quantities.duration,
    "ref": quantities.ref,
    "year": absolute.year,
    "andday": absolute.and_day,
}


def tag(text: str, dct: date | datetime, lang: str = "en") -> tuple[Timex, ...]:
    """Every temporal expression in text, in order, non-overlapping, resolved against dct."""
    if lang != "en":
        from timeline.temporal.multilingual import tag_multilingual

        return tuple(tag_multilingual(text, dct, lang))
    day = dct.date() if isinstance(dct, datetime) else dct
    clock = dct if isinstance(dct, datetime) else None
    scanner = Scanner(text)
    anchor = Anchor(AnchorKind.DCT, day.isoformat())
    ctx = Context(text=text, low=scanner.low, dct=day, dct_time=clock, last=None, dct_anchor=anchor)
    found: list[Timex] = []
    pos = 0
    while (cand := scanner.next(pos)) is not None:
        timex = _read(cand, ctx)
        if timex is None:
            pos = cand.start + 1  # rejected: a shorter expression may start inside it
            continue
        found.append(timex)
        pos = timex.end
        names_quarter = is_quarter(timex.value)
        if (
            _places_narrative(timex) and not _ends_a_period(ctx.low, timex.start)
        ) or _names_report_quarter(timex, ctx):
            fine = timex if timex.granularity in _DAY_OR_FINER else ctx.last_day
            quarter, said = ctx.quarter, ctx.said_quarter
            if names_quarter:
                # (only a quarter can be the one reported: the others, most, spared two calls)
                quarter = report_quarter(quarter, timex, day, _reported(timex, ctx))
                said = timex
            if ctx.quarter is not None and _PLACED_BY_END.match(ctx.low, timex.end):
                # "The quarter ended Sept. 30" is placed by its end date; it does not rename
                # the fiscal quarter the report named ("the quarter" after it is still that one)
                quarter = ctx.quarter
            # (a new Context rather than dataclasses.replace: faster)
            ctx = Context(text, ctx.low, day, clock, timex, anchor, fine, quarter, said)
        elif names_quarter:
            # a quarter placed from another ("the year-ago quarter") is still the last named
            ctx = Context(text, ctx.low, day, clock, ctx.last, anchor, ctx.last_day, ctx.quarter,
                          timex)  # fmt: skip
    return tuple(found)


_DAY_OR_FINER = (Granularity.DAY, Granularity.TIME)
_APPROX_SUFFIXES = tuple(f"{word} " for word in APPROX_BEFORE)
_PLACED_BY_END = re.compile(r"\s+(?:ended|ending)\b")
_ENDS_A_PERIOD = re.compile(r"(?:quarter|period|half|year|months|weeks)\s+(?:ended|ending)\s+$")


def _ends_a_period(low: str, start: int) -> bool:
    """ "the quarter ended Sept. 30": the date bounds the period just named, which stays the
    topic ("... from $1.2 million a year earlier" is that quarter's)."""
    return low.endswith(("ended ", "ending "), 0, start) and (
        _ENDS_A_PERIOD.search(low, max(0, start - 24), start) is not None
    )


_CAPITALIZED = re.compile(r"(?<![\w.'\u2019])[A-Z][a-z]+")
_PROPER_WORDS = frozenset(
    [
        *MONTHS,
        *WEEKDAYS,
        *(d + "s" for d in WEEKDAYS),
        *(w for h in HOLIDAY_NAMES for w in h.split()),
    ]
)
_SENTENCE_OPENING = re.compile(r"(?:^|[.!?:;\n][\"'`\u201c\u2018(\s]*|[\"`\u201c(]\s*)$")


def _is_a_title(cand: Candidate, text: str) -> bool:
    """A capitalized common word inside a sentence is part of a name or title ("60 Minutes",
    "High Noon", "This Week With David Brinkley", "VOA Today"), not an expression of time."""
    start, end, kind, _ = cand
    surface = text[start:end]
    if kind == "holiday" or surface == surface.lower() or surface.isupper():
        return False  # (the common case, "now", "2016", answered without a regex)
    one_word = surface.isascii() and surface.isalpha() and surface[1:].islower()
    if one_word and surface.lower() in _PROPER_WORDS:
        return False  # ("Friday": one capitalized word, which _CAPITALIZED finds whole)
    capitals = [
        m.start()
        for m in _CAPITALIZED.finditer(surface)
        if m.group().lower() not in _PROPER_WORDS  # months, weekdays, holidays are capitalized
    ]
    if not capitals:
        return False
    if capitals[0] == 0 and _SENTENCE_OPENING.search(text, max(0, start - 4), start):
        capitals = capitals[1:]
    return bool(capitals)


def _read(cand: Candidate, ctx: Context) -> Timex | None:
    # (the fields taken at once: a NamedTuple's field read by name costs some 240 instructions
    # in CPython 3.11, as a Site's or a Context's)
    start, end, kind, parts = cand
    text = ctx.text
    if _is_a_title(cand, text):
        return None
    site = Site(ctx, start, end)
    try:
        reading = NORMALIZERS[kind](parts, site)
        if reading is None:
            return None
        if reading.mod is None and ctx.low.endswith(_APPROX_SUFFIXES, 0, start):
            # "about four hours ago": "about" is not in the span
            reading = reading._replace(mod="APPROX")
        return to_timex(reading, start, end, text)
    except (ValueError, OverflowError, KeyError):
        # Calendar arithmetic beyond year 1..9999 ("65 million years ago", "in 10,000
        # years"), in the normalizer or in the interval of its value (May before a DCT in
        # year 1 is "0000-05", winter of 9999 ends in year 10000): no TIMEX3 calendar value
        # exists for it, so it is not tagged. Nor is a word the patterns read in ``low``
        # that is another word lower-cased on its own (KeyError: "Aprİl" is "april" in
        # ``low``, which keeps one character of each, but "apri\u0307l" in the tables).
        return None


_NARRATIVE = AnchorKind.NARRATIVE  # (a global: see ``anchor.PAST``)


def _places_narrative(t: Timex) -> bool:
    """Whether later "the day before" / "a year earlier" should count from this timex."""
    # Dates placed from the narrative do not move it on: "a year earlier" twice in a row both
    # count from the quarter being reported, not from each other.
    return (
        t.type in PLACED
        and t.interval is not None
        and not t.value.endswith("_REF")
        and t.anchor.kind is not _NARRATIVE
    )


def _names_report_quarter(t: Timex, ctx: Context) -> bool:
    """ "the quarter", "the latest period": a mention of the quarter reported makes it the
    narrative's date again (its "a year ago" is that quarter's), though placed from it."""
    return ctx.quarter is not None and t.value == ctx.quarter.value


def _reported(t: Timex, ctx: Context) -> Tense:
    """The tense of a quarter's clause (``t`` names one), when it is the quarter under way
    ("reported a decline in fourth-quarter earnings" in November is a fiscal quarter already
    closed)."""
    dct = ctx.dct
    if t.value != f"{dct.year}-Q{(dct.month - 1) // 3 + 1}":
        return NO_TENSE  # (only that quarter needs the tense, which costs a scan)
    return tense(ctx.text, ctx.low, t.start, t.end)
