"""Temporal tagging for German, French, Spanish and Russian news text.

Candidates are found with regexes compiled from dateparser's locale data (month and weekday
names, yesterday/today/tomorrow words) plus the vocabulary in ``multilingual_rules``, then
normalized here to TIMEX3 values by calendar arithmetic against the document creation time
(DCT). dateparser is never run over the whole text.

Extent follows TimeML: a leading preposition ("am", "en", "в", "dans") is left out, articles
are kept ("le 16 juillet", "el lunes", "les semaines à venir"), and so is the word giving a
relative expression its direction ("vor zwei Tagen", "два дня назад").

Tense: news reports the past, so a bare weekday, month or day-month is the latest one, unless
the tense cue nearest to it in its clause is a future one ("wird", "sera", "va a", "будет").
"""

from __future__ import annotations

import importlib
import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from timeline.config import language_problem
from timeline.errors import TimelineError
from timeline.model import Anchor, AnchorKind, Granularity, Interval, Timex, TimexType
from timeline.temporal.multilingual_rules import SPECS, Lang, compiled, lookup
from timeline.temporal.values import (
    add_months,
    day_value,
    interval_of,
    month_value,
    narrow,
    week_value,
)

# How far "the coming days / weeks / months / years" reach, in (months, days), as in English.
_REACH = {"D": (0, 10), "W": (0, 56), "M": (6, 0), "Y": (60, 0)}
_SENTENCE_END = re.compile(r"(?<!\d)[.!?](?=\s)|\n")
_HABITUAL = ("los", "les", "le")  # "los lunes", "le lundi": every Monday, not one
_OPENERS = " \t\"'«»„“”\u2018\u2019\u201a\u2014\u2013-("  # may precede a sentence's first word
_NOT_OPENER = re.compile(f"[^{re.escape(_OPENERS)}]")


@dataclass(frozen=True, slots=True)
class _Ctx:
    text: str
    dct: date
    lang: Lang
    # where each match of _SENTENCE_END in the text ends, in order: found once, so that the
    # sentence of each expression is found by bisection, not by reading the text up to it
    # (which made a text with many dates and sentences quadratic)
    sentence_ends: list[int]
    # a sentence's start -> where its first character other than _OPENERS is
    first_words: dict[int, int] = field(default_factory=dict)


_Handler = Callable[[re.Match[str], _Ctx], Timex | None]


def tag_multilingual(text: str, dct: date | datetime, lang: str) -> tuple[Timex, ...]:
    """Absolute dates and the common relative expressions in a de/fr/es/ru text, resolved
    against dct. ``lang`` may carry a region ("de-AT", "fr_CA")."""
    code = lang.lower().replace("_", "-").split("-")[0]
    if code == "en":  # the English tagger owns English; imported late, as it imports us
        english = importlib.import_module("timeline.temporal")
        return tuple(english.tag(text, dct, lang="en"))
    if code not in SPECS:
        raise TimelineError(language_problem(lang) or f"no rules for language {lang!r}")
    day = dct.date() if isinstance(dct, datetime) else dct
    ctx = _Ctx(text, day, compiled(code), [e.end() for e in _SENTENCE_END.finditer(text)])
    found = [
        t
        for kind, pattern in ctx.lang.patterns
        for m in pattern.finditer(text)
        if (t := _HANDLERS[kind](m, ctx)) is not None
    ]
    # longest first, each kept if it overlaps none kept before. Those are disjoint: kept in
    # order of start, their ends are in order too, and the one that starts last before t
    # ends is the only one that can reach into it (found by bisection, not by asking each
    # of them, which made a text with many expressions quadratic)
    starts: list[int] = []
    ends: list[int] = []
    chosen: list[Timex] = []
    for t in sorted(found, key=lambda t: (t.start - t.end, t.start)):
        k = bisect_left(starts, t.end)
        if k == 0 or ends[k - 1] <= t.start:
            at = bisect_right(starts, t.start, 0, k)  # (after one that starts there too)
            starts.insert(at, t.start)
            ends.insert(at, t.end)
            chosen.insert(at, t)
    return tuple(chosen)


def _value(day: date, unit: str) -> str:
    """The TIMEX3 value of the day, ISO week, month or year containing ``day``."""
    if unit in ("D", "W"):
        return day_value(day) if unit == "D" else week_value(day)
    return month_value(day.year, day.month) if unit == "M" else f"{day.year:04d}"


def _shift(day: date, unit: str, n: int) -> date:
    if unit in ("D", "W"):
        return day + timedelta(days=n * (7 if unit == "W" else 1))
    return add_months(day, n * (12 if unit == "Y" else 1))


def _timex(
    m: re.Match[str],
    ctx: _Ctx,
    day: date,
    unit: str,
    *,
    relative: bool,
    mod: object = None,
    approximate: bool = False,
    pod: object = None,
) -> Timex:
    """A Timex of the day, week, month or year containing ``day``; ``mod`` and ``pod`` (part
    of day) come from the vocabulary tables, None or "" when absent."""
    start, end = m.span("t") if "t" in m.re.groupindex and m["t"] else m.span()
    anchor = (
        Anchor(AnchorKind.DCT, ctx.dct.isoformat()) if relative else Anchor(AnchorKind.ABSOLUTE)
    )
    value, mod_ = _value(day, unit) + (f"T{pod}" if pod else ""), str(mod) if mod else None
    placed = interval_of(value)  # the interval and granularity always follow from the value
    assert placed is not None, value
    return Timex(
        start,
        end,
        ctx.text[start:end],
        TimexType.TIME if pod else TimexType.DATE,
        value,
        anchor,
        narrow(placed[0], mod_),
        placed[1],
        approximate,
        mod_,
    )


def _safe(handler: _Handler) -> _Handler:
    """Dates out of the calendar's range ("31.02.2018", year 1 minus a day) tag nothing; nor
    does a name the patterns (which ignore case) match that lower-cases to no name in the
    tables ("vendredİ" is "vendredi\u0307", "\u017feptembre" keeps its long s): KeyError."""

    def run(m: re.Match[str], ctx: _Ctx) -> Timex | None:
        try:
            return handler(m, ctx)
        except (ValueError, OverflowError, KeyError):
            return None

    return run


def _sentence_start(ctx: _Ctx, pos: int) -> int:
    """Where the sentence holding ``pos`` starts: after the last sentence end read in
    ``text[:pos]`` (a "." there needs white space after it before ``pos``; a newline ends at
    ``pos`` at the latest)."""
    ends = ctx.sentence_ends
    k = bisect_left(ends, pos)
    if k < len(ends) and ends[k] == pos and ctx.text[pos - 1] == "\n":
        return pos
    return ends[k - 1] if k else 0


def _sentence_end(ctx: _Ctx, pos: int) -> int:
    """Where the first sentence end at or after ``pos`` starts (the text's end if none)."""
    ends = ctx.sentence_ends
    k = bisect_right(ends, pos)
    return ends[k] - 1 if k < len(ends) else len(ctx.text)


def _initial(ctx: _Ctx, pos: int) -> bool:
    """Whether ``pos`` begins a sentence (after optional quotes and dashes)."""
    # (no character but openers from the sentence's start to pos: the first other one, the
    # same for every pos of the sentence, is found once, not by reading the sentence up to
    # each pos, which was quadratic in a text without stops)
    start = _sentence_start(ctx, pos)
    first = ctx.first_words.get(start)
    if first is None:
        found = _NOT_OPENER.search(ctx.text, start)
        first = ctx.first_words[start] = found.start() if found else len(ctx.text)
    return first >= pos


def _name_case_ok(m: re.Match[str], group: str, ctx: _Ctx) -> bool:
    """German names are capitalized nouns; elsewhere a capital mid-sentence is another name
    ("Mars" the planet, "Plaza de Mayo", "Plácido Domingo")."""
    word = m[group]
    if ctx.lang.spec.capitalized_nouns:
        return word[:1].isupper()
    return word[:1].islower() or _initial(ctx, m.start(group))


# How far from an expression a tense cue can be read (a long news sentence holds some 300
# characters; a text without stops is one "sentence" however long)
_TENSE_REACH = 500


def _future(m: re.Match[str], ctx: _Ctx) -> bool:
    """Whether the tense cue nearest to the expression, in its clause if it has one, else in its
    sentence, is a future one ("Poutine, qui a vu Trump lundi, sera à Paris": lundi is past)."""
    text, (start, end) = ctx.text, m.span()
    lo, hi = _sentence_start(ctx, start), _sentence_end(ctx, end)
    # (no farther than _TENSE_REACH on either side: a "sentence" of a text without stops
    # may be all of it, and reading it for each expression was quadratic; a cut is moved to
    # white space, so no word is read in part)
    if lo < start - _TENSE_REACH:
        lo = start - _TENSE_REACH
    if hi > end + _TENSE_REACH:
        hi = end + _TENSE_REACH
        cut = text.rfind(" ", end, hi)
        hi = cut if cut >= 0 else end
    clause = (
        max([lo, *(text.rfind(p, lo, start) + 1 for p in ",;")]),
        min([hi, *(i for p in ",;" if (i := text.find(p, end, hi)) >= 0)]),
    )
    for a, b in (clause, (lo, hi)) if clause != (lo, hi) else (clause,):
        cues = [
            (max(c.start() - end, start - c.end()), bool(c["future"]))
            for c in ctx.lang.tense.finditer(text, a, b)
            if c.end() <= start or c.start() >= end
        ]
        if cues:
            return min(cues)[1]
    return False


def _year_for(m: re.Match[str], ctx: _Ctx, month: int, day: int = 0) -> int:
    """The year of a yearless month (day 0) or date: the latest not after DCT, or the next
    not before it if the sentence speaks of the future."""
    here = (ctx.dct.month, ctx.dct.day if day else 0)
    if _future(m, ctx):
        return ctx.dct.year + ((month, day) < here)
    return ctx.dct.year - ((month, day) > here)


def _direction(ctx: _Ctx, *words: str | None) -> int | None:
    found = (d for w in words if (d := lookup(ctx.lang.spec.directions, w)) is not None)
    return next((int(d) for d in found), None)


def _previous_word(ctx: _Ctx, pos: int) -> str:
    words = ctx.text[max(0, pos - 20) : pos].split()
    return words[-1].lower() if words else ""


@_safe
def _numeric(m: re.Match[str], ctx: _Ctx) -> Timex:
    y, mo, d = (m["iy"], m["imo"], m["id"]) if m["iy"] else (m["y"], m["mo"], m["d"])
    return _timex(m, ctx, date(int(y), int(mo), int(d)), "D", relative=False)


@_safe
def _date(m: re.Match[str], ctx: _Ctx) -> Timex | None:
    month = ctx.lang.months[m["m"].lower().rstrip(".")]
    d = int(m["d"].lower().removesuffix("er"))
    year = int(m["y"]) if m["y"] else _year_for(m, ctx, month, d)
    return _timex(m, ctx, date(year, month, d), "D", relative=not m["y"])


@_safe
def _month(m: re.Match[str], ctx: _Ctx) -> Timex | None:
    if not (m["cue"] or m["mod"] or m["y"]) or not _name_case_ok(m, "m", ctx):
        return None
    month = ctx.lang.months[m["m"].lower()]
    year = int(m["y"]) if m["y"] else _year_for(m, ctx, month)
    mod = lookup(ctx.lang.spec.mods, m["mod"])
    return _timex(m, ctx, date(year, month, 1), "M", relative=not m["y"], mod=mod)


@_safe
def _year(m: re.Match[str], ctx: _Ctx) -> Timex | None:
    start, end = m.span("t")
    if ctx.text[start - 1 : start] in tuple("0123456789.,/:-€$£"):
        return None
    after = ctx.text[end : end + 2]
    g = m.groupdict()
    bare = not (g.get("cue") or g.get("mod") or g.get("noun") or g.get("suf"))
    closes = after[:1] in ("", ".", ",", ";", ":", "!", "?", ")", "»", '"', "\n") or (
        ctx.lang.spec.capitalized_nouns and after[:1] == " " and after[1:2].islower()
    )
    if bare and not closes:
        return None
    mod = lookup(ctx.lang.spec.mods, m["mod"])
    return _timex(m, ctx, date(int(m["y"]), 1, 1), "Y", relative=False, mod=mod)


@_safe
def _weekday(m: re.Match[str], ctx: _Ctx) -> Timex | None:
    if not _name_case_ok(m, "wd", ctx) or _previous_word(ctx, m.start()) in _HABITUAL:
        return None
    target = ctx.lang.weekdays[m["wd"].lower()] - 1
    groups = m.groupdict()
    direction = _direction(ctx, groups.get("pre"), groups.get("post"))
    delta = (target - ctx.dct.weekday()) % 7
    if direction == 1 or (direction is None and _future(m, ctx)):
        day = ctx.dct + timedelta(days=delta or (7 if direction == 1 else 0))
    elif direction == -1 or direction is None:
        day = ctx.dct - timedelta(days=(7 - delta) % 7 or (7 if direction == -1 else 0))
    else:  # "this Monday": the one in DCT's week
        day = ctx.dct + timedelta(days=target - ctx.dct.weekday())
    pod = lookup(ctx.lang.spec.parts_of_day, groups.get("pod"))
    return _timex(m, ctx, day, "D", relative=True, pod=pod)


_EN_DIA = re.compile(r"\s+en\s+día")  # (matched in place: a copy of the rest of the text for
# each "hoy" was quadratic)


@_safe
def _dayword(m: re.Match[str], ctx: _Ctx) -> Timex | None:
    word = m["w"]
    if word.lower() == "morgen" and word[0].isupper() and not _initial(ctx, m.start()):
        return None  # German "Morgen" mid-sentence is the morning
    if word.lower() == "mañana" and _previous_word(ctx, m.start()) in ctx.lang.spec.morning_nouns:
        return None  # Spanish "la mañana" is the morning
    if word.lower() == "hoy" and _EN_DIA.match(ctx.text, m.end()):
        return None  # "hoy en día": nowadays
    offset = ctx.lang.day_words[" ".join(word.lower().replace("\u2019", "'").split())]
    pod = lookup(ctx.lang.spec.parts_of_day, m["pod"])
    return _timex(m, ctx, ctx.dct + timedelta(days=offset), "D", relative=True, pod=pod)


@_safe
def _thisday(m: re.Match[str], ctx: _Ctx) -> Timex | None:
    if m.groupdict().get("last"):
        return _timex(m, ctx, ctx.dct - timedelta(days=1), "D", relative=True, pod="NI")
    pod = lookup(ctx.lang.spec.parts_of_day, m["pod"])
    return _timex(m, ctx, ctx.dct, "D", relative=True, pod=pod)


@_safe
def _relunit(m: re.Match[str], ctx: _Ctx) -> Timex | None:
    direction = _direction(ctx, m.groupdict().get("post"), m["rel"])
    unit = lookup(ctx.lang.spec.units, m["u"])
    if direction is None or unit is None:
        return None
    return _timex(m, ctx, _shift(ctx.dct, str(unit), direction), str(unit), relative=True)


@_safe
def _vague(m: re.Match[str], ctx: _Ctx) -> Timex | None:
    direction = _direction(ctx, m.groupdict().get("post"), m.groupdict().get("rel"))
    unit = lookup(ctx.lang.spec.units, m["u"])
    if direction not in (-1, 1) or unit is None:
        return None
    start, end = m.span("t") if "t" in m.re.groupindex and m["t"] else m.span()
    months, days = _REACH[str(unit)]
    future, one = direction == 1, timedelta(days=1)
    far = add_months(ctx.dct, direction * months) + direction * timedelta(days=days)
    interval = Interval(ctx.dct + one, far) if future else Interval(far, ctx.dct - one)
    return Timex(
        start,
        end,
        ctx.text[start:end],
        TimexType.DATE,
        "FUTURE_REF" if future else "PAST_REF",
        Anchor(AnchorKind.DCT, ctx.dct.isoformat()),
        interval,
        Granularity.VAGUE,
        approximate=True,
    )


def _counted(direction: int) -> _Handler:
    @_safe
    def handle(m: re.Match[str], ctx: _Ctx) -> Timex | None:
        if m["n"] is None and m["u"].lower() not in ctx.lang.spec.singular_units:
            return None  # "много лет назад": many years ago, not one year
        n = (
            1
            if m["n"] is None
            else int(m["n"])
            if m["n"].isdigit()
            else lookup(ctx.lang.spec.numbers, m["n"])
        )
        unit = lookup(ctx.lang.spec.units, m["u"])
        if n is None or unit is None:
            return None
        approx = bool(m["approx"])
        return _timex(
            m,
            ctx,
            _shift(ctx.dct, str(unit), direction * int(n)),
            str(unit),
            relative=True,
            approximate=approx,
            mod="APPROX" if approx else None,
        )

    return handle


_HANDLERS: dict[str, _Handler] = {
    "numeric": _numeric,
    "date": _date,
    "month": _month,
    "year": _year,
    "weekday": _weekday,
    "dayword": _dayword,
    "thisday": _thisday,
    "relunit": _relunit,
    "vague": _vague,
    "ago": _counted(-1),
    "later": _counted(1),
}
