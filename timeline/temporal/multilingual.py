"""Temporal tagging for German, French, Spanish and Russian news text.

Candidates are found with regexes compiled from dateparser's locale data (month and weekday
names, yesterday/today/tomorrow words) and the vocabulary in ``multilingual_rules``; each
candidate is then normalized here to a TIMEX3 value, with calendar arithmetic against the
document creation time (DCT). dateparser is never run over the whole text.

Extent follows TimeML: a leading preposition ("am", "en", "в", "dans les"...) is left out,
articles are kept ("le 16 juillet", "el lunes", "la semaine dernière"), and the word that
gives a relative expression its direction is kept ("vor zwei Tagen", "два дня назад").

Tense: news reports the past, so a bare weekday, month or day-month is read as the most recent
one, unless the sentence has a future cue ("wird", "va", "será", "будет").
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from functools import lru_cache

from dateparser.languages.loader import default_loader

from timeline.errors import TimelineError
from timeline.model import Anchor, AnchorKind, Granularity, Interval, Timex, TimexType
from timeline.temporal.multilingual_rules import SPECS, LangSpec

_NUMERIC = (
    r"(?<![\d.,/-])(?:(?P<d>3[01]|[12]\d|0?[1-9])(?P<sep>[./-])(?P<mo>1[0-2]|0?[1-9])(?P=sep)"
    r"(?P<y>(?:1[5-9]|20)\d\d)|(?P<iy>(?:1[5-9]|20)\d\d)-(?P<imo>1[0-2]|0[1-9])-(?P<id>3[01]|"
    r"[12]\d|0[1-9]))(?![\d.,/]\d|\w)"
)
_VAGUE_DAYS = {"D": 7, "W": 42, "M": 183, "Y": 1826}  # how far "the coming weeks" reach
_THIRD = {"START": 0, "MID": 1, "END": 2}
_SENTENCE_END = re.compile(r"(?<!\d)[.!?](?=\s)|\n")
_NAMES = ("january february march april may june july august september october november "
          "december").split()
_WEEKDAYS = "monday tuesday wednesday thursday friday saturday sunday".split()


@dataclass(frozen=True, slots=True)
class _Lang:
    spec: LangSpec
    months: dict[str, int]
    weekdays: dict[str, int]
    day_words: dict[str, int]
    future: re.Pattern[str]
    patterns: tuple[tuple[str, re.Pattern[str]], ...]


@dataclass(frozen=True, slots=True)
class _Ctx:
    text: str
    dct: date
    lang: _Lang


def tag_multilingual(text: str, dct: date | datetime, lang: str) -> tuple[Timex, ...]:
    """Absolute dates and the common relative expressions in a de/fr/es/ru text, resolved against dct."""
    code = lang.lower().replace("_", "-").split("-")[0]
    if code == "en":
        from timeline.temporal import tag  # the English tagger owns English

        return tuple(tag(text, dct, lang="en"))
    if code not in SPECS:
        raise TimelineError(f"unsupported language {lang!r}; supported: en, de, fr, es, ru")
    day = dct.date() if isinstance(dct, datetime) else dct
    ctx = _Ctx(text, day, _compiled(code))
    found = [t for kind, pattern in ctx.lang.patterns for m in pattern.finditer(text)
             if (t := _HANDLERS[kind](m, ctx)) is not None]
    chosen: list[Timex] = []
    for t in sorted(found, key=lambda t: (t.start - t.end, t.start)):  # longest first
        if all(t.end <= c.start or c.end <= t.start for c in chosen):
            chosen.append(t)
    return tuple(sorted(chosen, key=lambda t: t.start))


# --- compiling the vocabulary ------------------------------------------------------------------


def _forms(info: dict[str, list[str]], names: list[str]) -> dict[str, int]:
    return {w.lower(): i + 1 for i, n in enumerate(names) for w in info[n]}


def _full(table: dict[str, int], min_len: int) -> dict[str, int]:
    """Drop abbreviations: forms that begin another form of the same name, or are too short."""
    return {w: n for w, n in table.items() if len(w) >= min_len
            and not any(o != w and o.startswith(w) and table[o] == n for o in table)}


def _alt(words: object) -> str:
    items = sorted({str(w) for w in words}, key=len, reverse=True)  # type: ignore[attr-defined]
    return "(?:" + "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in items) + ")"


@lru_cache(maxsize=None)
def _compiled(code: str) -> _Lang:
    spec = SPECS[code]
    info = default_loader.get_locale(code).info
    located = _forms(info, _NAMES)
    months = located | spec.extra_months
    weekdays = _full(_forms(info, _WEEKDAYS), 4) | spec.extra_weekdays
    day_words = {w: int(m[2]) * (-1 if m[3] else 1) for key, ws in info["relative-type"].items()
                 if (m := re.fullmatch(r"(in )?(\d) day( ago)?", key)) for w in ws}
    day_words |= spec.day_words
    full = _full(located, 3) | spec.extra_months
    abbr = [w + "." for w in months if w not in full] + [w for w in months if w not in full]
    fill = {"{MF}": _alt(full), "{M}": _alt([*full, *abbr]), "{WD}": _alt(weekdays),
            "{N}": spec.number, "{U}": spec.unit, "{DW}": _alt(day_words)}
    sources = {"numeric": _NUMERIC, "date": spec.date, "month": spec.month, "year": spec.year,
               "weekday": spec.weekday, "dayword": spec.dayword, "relunit": spec.relunit,
               "vague": spec.vague, "ago": spec.ago, "later": spec.later,
               "thisday": spec.thisday}
    patterns = []
    for kind, source in sources.items():
        for key, value in fill.items():
            source = source.replace(key, value)
        if source:
            patterns.append((kind, re.compile(r"(?<!\w)" + source + r"(?!\w)", re.IGNORECASE)))
    future = re.compile(spec.future_cues, re.IGNORECASE)
    return _Lang(spec, months, weekdays, day_words, future, tuple(patterns))


# --- values ------------------------------------------------------------------------------------


def _lookup(table: dict[str, int] | dict[str, str], word: str | None) -> int | str | None:
    """The entry for ``word``: exact, else the longest key it starts with."""
    if not word:
        return None
    w = " ".join(word.lower().replace("’", "'").rstrip(".-").split())
    if w in table:
        return table[w]
    keys = [k for k in table if w.startswith(k)]
    return table[max(keys, key=len)] if keys else None


def _calendar_value(day: date, unit: str) -> str:
    if unit == "D":
        return day.isoformat()
    if unit == "W":
        iso = day.isocalendar()
        return f"{iso.year:04d}-W{iso.week:02d}"
    return f"{day.year:04d}-{day.month:02d}" if unit == "M" else f"{day.year:04d}"


def _interval(day: date, unit: str) -> Interval:
    if unit == "D":
        return Interval(day, day)
    if unit == "W":
        monday = day - timedelta(days=day.weekday())
        return Interval(monday, monday + timedelta(days=6))
    if unit == "M":
        return Interval(day.replace(day=1), day.replace(day=calendar.monthrange(day.year,
                                                                                  day.month)[1]))
    return Interval(date(day.year, 1, 1), date(day.year, 12, 31))


def _narrow(interval: Interval, mod: str | None) -> Interval:
    """The first, middle or last third of an interval, for START / MID / END."""
    if mod not in _THIRD or interval.days < 3:
        return interval
    third = interval.days // 3
    start = interval.start + timedelta(days=third * _THIRD[mod])
    end = interval.end if mod == "END" else start + timedelta(days=third - 1)
    return Interval(start, end)


_GRAIN = {"D": Granularity.DAY, "W": Granularity.WEEK, "M": Granularity.MONTH,
          "Y": Granularity.YEAR}


def _shift(day: date, unit: str, n: int) -> date:
    if unit in ("D", "W"):
        return day + timedelta(days=n * (7 if unit == "W" else 1))
    index = day.year * 12 + day.month - 1 + n * (12 if unit == "Y" else 1)
    year, month = divmod(index, 12)
    return date(year, month + 1, min(day.day, calendar.monthrange(year, month + 1)[1]))


def _timex(m: re.Match[str], ctx: _Ctx, day: date, unit: str, *, relative: bool,
           mod: str | None = None, approximate: bool = False, pod: str | None = None) -> Timex:
    start, end = m.span("t") if "t" in m.re.groupindex and m["t"] else m.span()
    anchor = Anchor(AnchorKind.DCT, ctx.dct.isoformat()) if relative else Anchor(
        AnchorKind.ABSOLUTE)
    value = _calendar_value(day, unit) + (f"T{pod}" if pod else "")
    return Timex(start, end, ctx.text[start:end], TimexType.TIME if pod else TimexType.DATE,
                 value, anchor, _narrow(_interval(day, unit), mod),
                 Granularity.TIME if pod else _GRAIN[unit], approximate, mod)


def _safe(handler: Callable[[re.Match[str], _Ctx], Timex | None]) -> Callable[
        [re.Match[str], _Ctx], Timex | None]:
    """Dates out of the calendar's range ("31.02.2018", year 1 minus a day) tag nothing."""
    def run(m: re.Match[str], ctx: _Ctx) -> Timex | None:
        try:
            return handler(m, ctx)
        except (ValueError, OverflowError):
            return None
    return run


# --- context: case, sentence, tense ------------------------------------------------------------


def _sentence_start(text: str, pos: int) -> int:
    ends = [e.end() for e in _SENTENCE_END.finditer(text, 0, pos)]
    return ends[-1] if ends else 0


def _initial(text: str, pos: int) -> bool:
    """Whether ``pos`` begins a sentence (after optional quotes and dashes)."""
    before = text[_sentence_start(text, pos):pos]
    return not before.strip(" \t\"'«»„“”‘’‚—–-(")


def _name_case_ok(m: re.Match[str], group: str, ctx: _Ctx) -> bool:
    """German names are capitalized nouns; elsewhere a capital mid-sentence is another name
    ("Mars" the planet, "Plaza de Mayo", "Plácido Domingo")."""
    word = m[group]
    if ctx.lang.spec.capitalized_nouns:
        return word[:1].isupper()
    return word[:1].islower() or _initial(ctx.text, m.start(group))


def _future(m: re.Match[str], ctx: _Ctx) -> bool:
    start = _sentence_start(ctx.text, m.start())
    end = _SENTENCE_END.search(ctx.text, m.end())
    return bool(ctx.lang.future.search(ctx.text, start, end.start() if end else len(ctx.text)))


def _year_for(m: re.Match[str], ctx: _Ctx, month: int, day: int = 1) -> int:
    """The year of a yearless date: the last one before DCT, the next if the sentence is future."""
    here = (ctx.dct.month, ctx.dct.day if day > 1 else 1)
    if _future(m, ctx):
        return ctx.dct.year + ((month, day) < here)
    return ctx.dct.year - ((month, day) > here)


def _previous_word(ctx: _Ctx, pos: int) -> str:
    words = ctx.text[max(0, pos - 20):pos].split()
    return words[-1].lower() if words else ""


# --- handlers, one per pattern kind ------------------------------------------------------------


@_safe
def _numeric(m: re.Match[str], ctx: _Ctx) -> Timex:
    if m["iy"]:
        return _timex(m, ctx, date(int(m["iy"]), int(m["imo"]), int(m["id"])), "D", relative=False)
    return _timex(m, ctx, date(int(m["y"]), int(m["mo"]), int(m["d"])), "D", relative=False)


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
    mod = _lookup(ctx.lang.spec.mods, m["mod"])
    return _timex(m, ctx, date(year, month, 1), "M", relative=not m["y"], mod=str(mod or "") or None)


@_safe
def _year(m: re.Match[str], ctx: _Ctx) -> Timex | None:
    start, end = m.span("t")
    if ctx.text[start - 1:start] in tuple("0123456789.,/:-€$£") and start > 0:
        return None
    after = ctx.text[end:end + 2]
    g = m.groupdict()
    bare = not (g.get("cue") or g.get("mod") or g.get("noun") or g.get("suf"))
    closes = after[:1] in ("", ".", ",", ";", ":", "!", "?", ")", "»", '"', "\n") or (
        ctx.lang.spec.capitalized_nouns and after[:1] == " " and after[1:2].islower())
    if bare and not closes:
        return None
    mod = _lookup(ctx.lang.spec.mods, m["mod"])
    return _timex(m, ctx, date(int(m["y"]), 1, 1), "Y", relative=False,
                  mod=str(mod) if mod else None)


@_safe
def _weekday(m: re.Match[str], ctx: _Ctx) -> Timex | None:
    if not _name_case_ok(m, "wd", ctx) or _previous_word(ctx, m.start()) in ("los", "les"):
        return None
    target = ctx.lang.weekdays[m["wd"].lower()] - 1
    groups = m.groupdict()
    direction = _lookup(ctx.lang.spec.directions, groups.get("pre") or groups.get("post"))
    delta = (target - ctx.dct.weekday()) % 7
    if direction == 1 or (direction is None and _future(m, ctx)):
        day = ctx.dct + timedelta(days=delta or (7 if direction == 1 else 0))
    elif direction == -1 or direction is None:
        day = ctx.dct - timedelta(days=(7 - delta) % 7 or (7 if direction == -1 else 0))
    else:  # "this Monday": the one in DCT's week
        day = ctx.dct + timedelta(days=target - ctx.dct.weekday())
    return _timex(m, ctx, day, "D", relative=True)


@_safe
def _dayword(m: re.Match[str], ctx: _Ctx) -> Timex | None:
    word = m["w"]
    if word.lower() == "morgen" and word[0].isupper() and not _initial(ctx.text, m.start()):
        return None  # German "Morgen" mid-sentence is the morning
    if word.lower() == "mañana" and _previous_word(ctx, m.start()) in ctx.lang.spec.morning_nouns:
        return None  # Spanish "la mañana" is the morning
    if word.lower() == "hoy" and re.match(r"\s+en\s+día", ctx.text[m.end():]):
        return None  # "hoy en día": nowadays
    offset = ctx.lang.day_words[" ".join(word.lower().replace("’", "'").split())]
    pod = _lookup(ctx.lang.spec.parts_of_day, m["pod"])
    return _timex(m, ctx, ctx.dct + timedelta(days=offset), "D", relative=True,
                  pod=str(pod) if pod else None)


@_safe
def _thisday(m: re.Match[str], ctx: _Ctx) -> Timex | None:
    if m.groupdict().get("last"):
        return _timex(m, ctx, ctx.dct - timedelta(days=1), "D", relative=True, pod="NI")
    pod = _lookup(ctx.lang.spec.parts_of_day, m["pod"])
    return _timex(m, ctx, ctx.dct, "D", relative=True, pod=str(pod) if pod else None)


@_safe
def _relunit(m: re.Match[str], ctx: _Ctx) -> Timex | None:
    groups = m.groupdict()
    words = [w for w in (groups.get("post"), m["rel"]) if w]
    direction = next((d for w in words if (d := _lookup(ctx.lang.spec.directions, w)) is not None),
                     None)
    unit = _lookup(ctx.lang.spec.units, m["u"])
    if direction is None or unit is None:
        return None
    return _timex(m, ctx, _shift(ctx.dct, str(unit), int(direction)), str(unit), relative=True)


@_safe
def _vague(m: re.Match[str], ctx: _Ctx) -> Timex | None:
    groups = m.groupdict()
    direction = next((d for w in (groups.get("post"), groups.get("rel"))
                      if (d := _lookup(ctx.lang.spec.directions, w)) is not None), None)
    unit = _lookup(ctx.lang.spec.units, m["u"])
    if direction not in (-1, 1) or unit is None:
        return None
    start, end = m.span("t") if "t" in m.re.groupindex and m["t"] else m.span()
    reach = timedelta(days=_VAGUE_DAYS[str(unit)])
    future = direction == 1
    interval = (Interval(ctx.dct + timedelta(days=1), ctx.dct + reach) if future
                else Interval(ctx.dct - reach, ctx.dct - timedelta(days=1)))
    return Timex(start, end, ctx.text[start:end], TimexType.DATE,
                 "FUTURE_REF" if future else "PAST_REF", Anchor(AnchorKind.DCT, ctx.dct.isoformat()),
                 interval, Granularity.VAGUE, approximate=True)


_SINGULAR = frozenset({"день", "сутки", "неделю", "месяц", "год"})


def _counted(direction: int) -> Callable[[re.Match[str], _Ctx], Timex | None]:
    @_safe
    def handle(m: re.Match[str], ctx: _Ctx) -> Timex | None:
        if m["n"] is None and m["u"].lower() not in _SINGULAR:
            return None  # "много лет назад": many years ago, not one
        n = 1 if m["n"] is None else int(m["n"]) if m["n"].isdigit() else _lookup(
            ctx.lang.spec.numbers, m["n"])
        unit = _lookup(ctx.lang.spec.units, m["u"])
        if n is None or unit is None:
            return None
        approx = bool(m["approx"])
        return _timex(m, ctx, _shift(ctx.dct, str(unit), direction * int(n)), str(unit),
                      relative=True, approximate=approx, mod="APPROX" if approx else None)
    return handle


_HANDLERS: dict[str, Callable[[re.Match[str], _Ctx], Timex | None]] = {
    "numeric": _numeric, "date": _date, "month": _month, "year": _year, "weekday": _weekday,
    "dayword": _dayword, "thisday": _thisday, "relunit": _relunit, "vague": _vague,
    "ago": _counted(-1), "later": _counted(1),
}
