"""Normalizers for calendar expressions: dates, months, years, decades, seasons, quarters.

These name a place in the calendar; at most the year is missing and is inferred from the DCT
and the tense of the clause (see ``anchor.year_for``).
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date
from functools import lru_cache

import dateparser

from timeline.model import Anchor, AnchorKind, TimexType
from timeline.temporal.anchor import Site, year_for
from timeline.temporal.holidays import moving_holiday
from timeline.temporal.lexicon import FIXED_HOLIDAYS, MODS, MONTHS, SEASONS
from timeline.temporal.reading import ABSOLUTE, UNANCHORED, Reading
from timeline.temporal.values import day_value, month_value, quarter_of, shift_quarter

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
    return int(re.sub(r"\D", "", word))


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
        return Reading(DATE, day_value(d), ABSOLUTE) if d else None
    rel = p["rel"].lower() if "rel" in p else None
    y = year_for(site.ctx.dct, month, _day(day), site.tense(), rel)
    d = _safe_date(y, month, _day(day))
    return Reading(DATE, day_value(d), site.ctx.dct_anchor) if d else None


def month(p: dict[str, str], site: Site) -> Reading | None:
    word = p["mon"]
    if not word[0].isupper():
        return None
    m = _month(word)
    mod = _mod(p.get("mod"))
    rel0, rel, year = p.get("rel0"), p.get("rel"), p.get("year")
    if not (year or rel0 or rel or mod):
        bare = word.lower()
        if len(bare) <= 4 and bare not in ("may", "june", "july"):
            return None  # "Jan." alone is rare and "Mar"/"Dec" are too often names
        if bare in ("may", "march") and site.prev_word().lower() not in _MONTH_PREPS:
            return None
        if _NAME_AFTER.match(site.after(4)):
            return None  # "April Ryan", "June Carter"
    if year:
        return Reading(DATE, month_value(int(year), m), ABSOLUTE, mod=mod)
    dct = site.ctx.dct
    if rel:
        y = dct.year + {"this": 0, "last": -1, "next": 1}[rel.lower()]
    else:
        y = year_for(dct, m, None, site.tense(), " ".join(rel0.lower().split()) if rel0 else None)
    return Reading(DATE, month_value(y, m), site.ctx.dct_anchor, mod=mod)


def year(p: dict[str, str], site: Site) -> Reading | None:
    mod = p.get("mod")
    if site.before(2).endswith(("$ ", "# ")) or re.match(r"\s*(?:%|percent|per\b)", site.after(9)):
        return None
    mods = {"post": "AFTER", "pre": "BEFORE"}
    return (
        Reading(DATE, p["year"], ABSOLUTE, mod=mods.get(mod.lower()) if mod else None)
        if (mod and mod.lower() in mods)
        else Reading(DATE, p["year"], ABSOLUTE, mod=_mod(mod))
    )


_DECADE_WORDS = {"twenties": 2, "thirties": 3, "forties": 4, "fifties": 5, "sixties": 6,
                 "seventies": 7, "eighties": 8, "nineties": 9}  # fmt: skip


def decade(p: dict[str, str], site: Site) -> Reading | None:
    if "dec" in p:
        value = p["dec"][:3]
    elif "dec2" in p:
        value = "19" + p["dec2"][0]
    else:
        if "det" not in p:
            return None  # "in his forties" is an age
        value = f"19{_DECADE_WORDS[p['word'].lower()]}"
    return Reading(DATE, value, ABSOLUTE, mod=_mod(p.get("mod")))


def season(p: dict[str, str], site: Site) -> Reading | None:
    rel = " ".join(p["rel"].lower().split()) if "rel" in p else None
    code = SEASONS[p["season"].lower()]
    mod, year = _mod(p.get("mod")), p.get("year")
    if year:
        return Reading(DATE, f"{year}-{code}", ABSOLUTE, mod=mod)
    prev = site.prev_word().lower()
    if (rel in (None, "the") and not mod) and (
        prev not in ("in", "during", "over", "through", "since", "by", "until", "this", "last")
        or re.match(r"\s+(?:of|in|from|to)\b", site.after(6))
    ):
        return None  # "prices fall", "the fall of Rome"
    dct = site.ctx.dct
    starts = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}[code]
    y = dct.year
    if rel in ("last", "past", "this past"):
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
            dct, month_day[0], month_day[1], site.tense(), p["rel"].lower() if "rel" in p else None
        )
    if fixed is None:
        month_day = moving_holiday(name, y) or month_day
    d = _safe_date(y, *month_day)
    anchor = ABSOLUTE if "year" in p else site.ctx.dct_anchor
    return Reading(DATE, day_value(d), anchor) if d else None


_ORD = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4}


def quarter(p: dict[str, str], site: Site) -> Reading | None:
    unit = p["unit"].lower()
    det = " ".join(p.get("det", "").lower().split())
    ord_ = p.get("ord", "").lower()
    if not ord_ and "ago" in p:
        ord_ = "year-ago"  # "the year-ago period"
    if det == "a" or (not ord_ and "year0" not in p and not (det == "the" and unit != "half")):
        return None
    if (unit == "period" and not (ord_ or "year0" in p)) or (ord_ in ("fiscal",) and not det):
        return None
    dct = site.ctx.dct
    y = int(p.get("year") or p.get("year0") or dct.year)
    if det.startswith("last year") or p.get("rel", "").lower() == "last" or "ago" in p:
        y -= 1
    elif det.startswith("next year") or p.get("rel", "").lower() == "next":
        y += 1
    explicit_year = "year" in p or "year0" in p
    anchor = ABSOLUTE if explicit_year else site.ctx.dct_anchor
    reading = _quarter_value(p, site, y, ord_, unit, anchor, explicit_year)
    surface = site.ctx.text[site.start : site.end]
    if reading and det == "the" and re.search(r"\w-(?:fiscal-)?(?:quarter|half|period)$", surface):
        # "the third-quarter loss": the article belongs to the noun, not to the timex
        return replace(reading, start=site.start + 4)
    return reading


def _quarter_value(
    p: dict[str, str], site: Site, y: int, ord_: str, unit: str, anchor: Anchor, explicit_year: bool
) -> Reading | None:
    dct = site.ctx.dct
    if unit == "half":
        n = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "final": 2, "last": 2}.get(ord_)
        return Reading(DATE, f"{y}-H{n}", anchor) if n else None
    if ord_ in _ORD or ord_ == "final":
        return Reading(DATE, f"{y}-Q{_ORD.get(ord_, 4)}", anchor)
    if explicit_year and not ord_ and "year" not in p:
        # "the 1988 quarter": that year's instance of the quarter under discussion
        _, q = _discussed_quarter(site)
        return Reading(DATE, f"{y}-Q{q}", anchor)
    if explicit_year and not ord_:
        return Reading(DATE, f"{y}", anchor)
    # Unnumbered: "the quarter", "the latest quarter", "the year-ago period" refer to the
    # quarter under discussion: the last one mentioned, else the last one completed.
    last = site.ctx.last
    if ord_ in ("current",):
        return Reading(DATE, f"{dct.year}-Q{quarter_of(dct)}", anchor)
    if ord_ in ("next", "coming"):
        qy, q = shift_quarter(dct.year, quarter_of(dct), 1)
        return Reading(DATE, f"{qy}-Q{q}", anchor)
    qy, q = _discussed_quarter(site)
    if last is not None and re.fullmatch(r"\d{4}-Q[1-4]", last.value):
        anchor = Anchor(AnchorKind.NARRATIVE, last.value, last.start)
    if ord_ in ("year-ago", "year-earlier", "year-before", "comparable"):
        qy -= 1
    elif ord_ in ("previous", "prior"):
        qy, q = shift_quarter(qy, q, -1)
    return Reading(DATE, f"{qy}-Q{q}", anchor)


def _discussed_quarter(site: Site) -> tuple[int, int]:
    """The quarter a report is about: the last one mentioned, else the last one completed."""
    last = site.ctx.last
    if last is not None and re.fullmatch(r"\d{4}-Q[1-4]", last.value):
        return int(last.value[:4]), int(last.value[-1])
    return shift_quarter(site.ctx.dct.year, quarter_of(site.ctx.dct), -1)


def fiscal(p: dict[str, str], site: Site) -> Reading | None:
    rel, year = p.get("rel", "").lower(), p.get("year")
    if not rel and not year and "the" in p and re.match(r"\s+(?:ended|ending)\b", site.after(8)):
        return Reading(TimexType.DURATION, "P1Y", UNANCHORED)  # "the fiscal year ended June 30"
    if year:
        y = (
            int(year)
            if len(year) == 4
            else 1900 + int(year[1:])
            if int(year[1:]) > 50
            else 2000 + int(year[1:])
        )
        return Reading(DATE, f"{y}", ABSOLUTE)
    shift = {"current": 0, "this": 0, "new": 0, "last": -1, "previous": -1, "past": -1,
             "next": 1, "coming": 1}.get(rel)  # fmt: skip
    if shift is None:
        return None
    return Reading(DATE, f"{site.ctx.dct.year + shift}", site.ctx.dct_anchor)


def month_day_value(y: int, m: int, d: int) -> str | None:
    found = _safe_date(y, m, d)
    return day_value(found) if found else None
