"""Normalizers for calendar expressions: dates, months, years, decades, seasons, quarters.

These name a place in the calendar; at most the year is missing and is inferred from the DCT
and the tense of the clause (see ``anchor.year_for``).
"""

from __future__ import annotations

import re
from datetime import date
from functools import cache, lru_cache, partial

from timeline.model import TimexType
from timeline.temporal.anchor import NO_TENSE, PAST, Site, Tense, done_before, year_for
from timeline.temporal.holidays import moving_holiday
from timeline.temporal.lexicon import FIXED_HOLIDAYS, MODS, MONTHS, SEASONS, spoken_year, words
from timeline.temporal.reading import ABSOLUTE, Reading
from timeline.temporal.values import day_value, month_value, week_value

DATE = TimexType.DATE
# Words after which a bare month name is the month and not the verb or a first name.
_MONTH_PREPS = frozenset(
    [
        "in",
        "since",
        "until",
        "till",
        "by",
        "last",
        "next",
        "early",
        "late",
        "mid",
        "of",
        "from",
        "through",
        "during",
        "before",
        "after",
        "between",
        "this",
        "that",
        "each",
        "every",
        "to",
        "around",
        "for",
    ]
)
_NAME_AFTER = re.compile(r"\s+[A-Z][a-z]")


def _month(word: str) -> int:
    return MONTHS[word.lower().rstrip(".")]


def _mod(word: str | None) -> str | None:
    return MODS.get(" ".join(word.lower().split()).rstrip("-")) if word else None


def _day(word: str) -> int:
    # (mostly digits alone, which the regex would leave as they are: spared it)
    return int(word) if word.isdecimal() else int(re.sub(r"\D", "", word))


def _safe_date(y: int, m: int, d: int) -> date | None:
    try:
        return date(y, m, d)
    except ValueError:
        return None


def iso(p: dict[str, str], site: Site) -> Reading | None:
    d = _safe_date(int(p["y"]), int(p["m"]), int(p["d"]))
    if d is None:
        return None
    if "hh" in p:
        return Reading(TimexType.TIME, f"{d.isoformat()}T{p['hh']}:{p['mm']}", ABSOLUTE)
    return Reading(DATE, day_value(d), ABSOLUTE)


@lru_cache(maxsize=4096)
def _parse_numeric(surface: str) -> date | None:
    # dateparser knows the two-digit-year and day-first rules; US news writes month first.
    # Imported here: most texts have no numeric date, and the import costs a worker 0.15 s.
    import dateparser  # type: ignore[import-untyped]

    order = "DMY" if "." in surface else "MDY"
    parsed = dateparser.parse(surface, languages=["en"], settings={"DATE_ORDER": order})
    return parsed.date() if parsed else None


def numdate(p: dict[str, str], site: Site) -> Reading | None:
    d = _parse_numeric(site.ctx.text[site.start : site.end])
    return Reading(DATE, day_value(d), ABSOLUTE) if d else None


def mdy(p: dict[str, str], site: Site) -> Reading | None:
    mon, day, year = (
        p.get("mon") or p["mon2"],
        p.get("day") or p["day2"],
        p.get("year") or p.get("year2"),
    )
    if not mon[0].isupper():
        return None
    month = _month(mon)
    if year:
        d = _safe_date(int(year), month, _day(day))
        return _week_of(Reading(DATE, day_value(d), ABSOLUTE), d, site) if d else None
    rel = p["rel"].lower() if "rel" in p else None
    y = year_for(site.ctx.dct, month, _day(day), site.tense, rel)
    d = _safe_date(y, month, _day(day))
    if d is not None and d > site.ctx.dct and not rel and site.prev_word().lower() == "ended":
        # "the second quarter ended Oct. 31" (DCT Oct. 27): what has ended did so on a date
        # already behind us, last year's
        d = _safe_date(y - 1, month, _day(day))
    return _week_of(Reading(DATE, day_value(d), site.ctx.dct_anchor), d, site) if d else None


_DAY_VALUE = re.compile(r"(\d{4}-\d\d)-(\d\d)")
# what may follow the second day: a pause or a word that starts a phrase of its own, not a
# noun the number counts ("on May 2 and 3 people died" is not read)
_AFTER_AND_DAY = re.compile(
    r"\s*(?:[,.;:)!?'\"`]|$)|\s+(?:in|at|on|to|for|when|while|respectively|as|with|before|after|"
    r"during|of|and|or|but|the|that|this|next|last|is|are|was|were|will|would)\b"
)


def and_day(p: dict[str, str], site: Site) -> Reading | None:
    """ "the summit on April 24 and 25": the second day number is a day of the same month as
    the date just named, after it."""
    last = site.ctx.last
    if last is None or site.ctx.low[last.end : site.start].strip() not in ("and", "or"):
        return None
    found = _DAY_VALUE.fullmatch(last.value)
    day = int(p["d"])
    if found is None or day <= int(found[2]) or not _AFTER_AND_DAY.match(site.after(14)):
        return None
    y, m = (int(x) for x in found[1].split("-"))
    d = _safe_date(y, m, day)
    return Reading(DATE, day_value(d), last.anchor) if d else None


_WEEK_OF = re.compile(r"\bthe\s+week\s+of\s+$")


def _week_of(reading: Reading, d: date, site: Site) -> Reading:
    """ "the week of March 6" is that week, and the span takes in "the week of"."""
    lo = max(0, site.start - 16)
    if site.ctx.low.find("week", lo, site.start) < 0:
        return reading  # (no "week" before it, the most frequent case: no regex needed)
    found = _WEEK_OF.search(site.ctx.low, lo, site.start)
    if found is None:
        return reading
    return reading._replace(value=week_value(d), start=found.start())


_MONTH_AND = re.compile(
    r"\b(?:january|february|march|april|may|june|july|august|september|october|november|"
    r"december)(?:,?\s+\d{4})?\s+(?:and|or|to|through)\s+$"
)
_MONTH_VALUE = re.compile(r"\d{4}-\d\d")
_NOUN_AFTER = re.compile(r"\s+(?!of\b|on\b|to\b|for\b|and\b|in\b)[a-z]{3,}\b")


def month(p: dict[str, str], site: Site) -> Reading | None:
    word = p["mon"]
    if not word[0].isupper():
        return None
    m = _month(word)
    mod = _mod(p.get("mod"))
    rel0, rel, year = p.get("rel0"), p.get("rel"), _year_of(p)
    if not (year or rel0 or rel or mod):
        bare = word.lower()
        if len(bare) <= 4 and bare not in ("may", "june", "july"):
            return None  # "Jan." alone is rare and "Mar"/"Dec" are too often names
        if (
            bare in ("may", "march")
            and site.prev_word().lower() not in _MONTH_PREPS
            and not _MONTH_AND.search(site.before(24))  # "between March and May"
            # "the March accession", "the May elections": a month before its noun
            and not (site.prev_word().lower() == "the" and _NOUN_AFTER.match(site.after(12)))
        ):
            return None
        if _NAME_AFTER.match(site.after(4)):
            return None  # "April Ryan", "June Carter"
    if year:
        return Reading(DATE, month_value(int(year), m), ABSOLUTE, mod=mod)
    dct = site.ctx.dct
    last = site.ctx.last
    if (
        not (rel or rel0 or year)
        and last is not None
        and _MONTH_VALUE.fullmatch(last.value)
        and _MONTH_AND.search(site.before(24))
    ):
        # "in April and May", "December 1996 and January": the month after the one just named
        y = int(last.value[:4]) + (1 if m < int(last.value[5:]) else 0)
        return Reading(DATE, month_value(y, m), site.ctx.dct_anchor, mod=mod)
    if rel:
        y = dct.year + {"this": 0, "last": -1, "next": 1}[rel.lower()]
    else:
        # (asked once, and only where it decides: it scans the clause)
        clause_tense = cache(partial(_month_tense, site, rel0))
        y = year_for(dct, m, None, clause_tense, " ".join(rel0.lower().split()) if rel0 else None)
        if (
            not rel0
            and y == dct.year
            and m > dct.month
            and site.prev_word().lower() == "in"
            and clause_tense() is PAST
            and done_before(site)
        ):
            # "changed to a calendar year in December" (in October): a month not yet begun
            # cannot hold what the past verb says was done; it is last year's
            y -= 1
    return Reading(DATE, month_value(y, m), site.ctx.dct_anchor, mod=mod)


def _month_tense(site: Site, rel0: str | None) -> Tense:
    """The tense a bare month's year is read in: none for the end of a stretch that still
    runs (``_ends_a_standing_stretch``), though the verb is past."""
    t = site.tense()
    return NO_TENSE if t is PAST and not rel0 and _ends_a_standing_stretch(site) else t


# "has extended loans through January": a present perfect says the stretch still runs, so
# the month that ends it is the nearest one, not the past one a past verb would pick.
_PERFECT = re.compile(r"\b(?:has|have)\s+(?:[a-z]+ly\s+|not\s+|also\s+)?[a-z]{3,}ed\b")
_SIMPLE_PAST = re.compile(r"\b(?:was|were|had|did|said|[a-z]{3,}ed)\b|[.;!?]")


def _ends_a_standing_stretch(site: Site) -> bool:
    if site.prev_word().lower() not in ("through", "thru", "until", "till"):
        return False
    before = site.before(150)
    ends = [m.end() for m in _PERFECT.finditer(before)]
    return bool(ends) and _SIMPLE_PAST.search(before, ends[-1]) is None


def _year_of(p: dict[str, str]) -> str | None:
    """The year a pattern captured, as digits ("1996" for "nineteen ninety-six")."""
    if "year" in p:
        return p["year"]
    return str(spoken_year(p["spoken"])) if "spoken" in p else None


def year(p: dict[str, str], site: Site) -> Reading | None:
    mod = p.get("mod")
    if "spoken" in p:
        spelled_2000 = p["spoken"].lower().startswith("two")
        if spelled_2000 and "the" not in p and site.prev_word() not in _MONTH_PREPS:
            return None  # "two thousand people"
        p = {**p, "year": str(spoken_year(p["spoken"]))}
    if site.before(2).endswith(("$ ", "# ")) or re.match(r"\s*(?:%|percent|per\b)", site.after(9)):
        return None
    if not mod and "spoken" not in p and _ends_a_name(site):
        return None  # "a joint venture called Orion 1980, ...": the year ends a name
    mods = {"post": "AFTER", "pre": "BEFORE"}
    return (
        Reading(DATE, p["year"], ABSOLUTE, mod=mods.get(mod.lower()) if mod else None)
        if (mod and mod.lower() in mods)
        else Reading(DATE, p["year"], ABSOLUTE, mod=_mod(mod))
    )


# A capitalized word inside a sentence, then the year, then punctuation: "called Orion 1980,"
_IN_A_NAME = re.compile(r"(?<=[a-z,] )([A-Z][a-z]+) $")
_NAME_ENDS = re.compile(r"[,.;:)]|\s*$")


def _ends_a_name(site: Site) -> bool:
    """Whether the year closes a name: after a capitalized word inside a sentence that is not
    a date's ("June 1998", "Christmas 1998", "Fiscal 1989"), and before punctuation."""
    found = _IN_A_NAME.search(site.ctx.text, max(0, site.start - 24), site.start)
    return (
        found is not None
        and found[1].lower() not in _DATE_WORDS
        and _NAME_ENDS.match(site.ctx.text, site.end) is not None
    )


_DATE_WORDS = frozenset(
    [
        *MONTHS,
        *SEASONS,
        *FIXED_HOLIDAYS,
        *words("""monday tuesday wednesday thursday friday saturday sunday fiscal calendar
        year christmas easter thanksgiving hanukkah ramadan"""),
    ]
)

_DECADE_WORDS = {"twenties": 2, "thirties": 3, "forties": 4, "fifties": 5, "sixties": 6,
                 "seventies": 7, "eighties": 8, "nineties": 9}  # fmt: skip


def decade(p: dict[str, str], site: Site) -> Reading | None:
    if "cent" in p:  # "the 20th century" is 19xx
        value = f"{int(p['cent']) - 1:02d}"
    elif "dec" in p:
        value = p["dec"][:3]
    elif "dec2" in p:
        value = "19" + p["dec2"][0]
    else:
        if "det" not in p:
            return None  # "in his forties" is an age
        value = f"19{_DECADE_WORDS[p['word'].lower()]}"
    return Reading(DATE, value, ABSOLUTE, mod=_mod(p.get("mod")))


# Words after which "the fall", "summer" is the season ("well into the summer").
_SEASON_PREPS = frozenset(
    words("in during over through throughout since by until till into before after this last")
)


def season(p: dict[str, str], site: Site) -> Reading | None:
    rel = " ".join(p["rel"].lower().split()) if "rel" in p else None
    code = SEASONS[p["season"].lower()]
    mod, year = _mod(p.get("mod")), _year_of(p)
    if year:
        return Reading(DATE, f"{year}-{code}", ABSOLUTE, mod=mod)
    prev = site.prev_word().lower()
    if (rel in (None, "the") and not mod) and (
        prev not in _SEASON_PREPS or re.match(r"\s+(?:of|in|from|to)\b", site.after(6))
    ):
        return None  # "prices fall", "the fall of Rome"
    dct = site.ctx.dct
    starts = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}[code]
    y = dct.year
    if rel == "this past":
        y = y if starts + 2 < dct.month else y - 1
    elif rel in ("last", "past"):
        y -= 1  # TimeBank: "last spring" said in October is the year before's
    elif rel in ("next", "coming"):
        y = y if starts > dct.month else y + 1
    return Reading(DATE, f"{y}-{code}", site.ctx.dct_anchor, mod=mod)


def holiday(p: dict[str, str], site: Site) -> Reading | None:
    name = " ".join(p["hol"].lower().split())
    if not p["hol"][0].isupper():
        return None
    dct = site.ctx.dct
    fixed = FIXED_HOLIDAYS.get(name)
    month_day = fixed or moving_holiday(name, dct.year)
    if month_day is None:
        return None
    if "year" in p:
        y = int(p["year"])
    else:
        y = year_for(
            dct, month_day[0], month_day[1], site.tense, p["rel"].lower() if "rel" in p else None
        )
    if fixed is None:
        month_day = moving_holiday(name, y) or month_day
    d = _safe_date(y, *month_day)
    anchor = ABSOLUTE if "year" in p else site.ctx.dct_anchor
    if d is None:
        return None
    if "year" not in p and _WEEK_AFTER.match(site.ctx.low, site.end):
        # "Easter week", "Christmas week": the week of the holiday, and the span takes it in
        return Reading(DATE, week_value(d), anchor, end=site.end + 5)
    return Reading(DATE, day_value(d), anchor)


_WEEK_AFTER = re.compile(r" week\b")
