"""Normalizers for the periods of company reports: quarters, halves and fiscal years.

Unnumbered ones ("the quarter", "the latest period", "the year-ago quarter") refer to the
quarter under discussion: the last one the text mentioned, else the last one completed.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from timeline.model import Anchor, AnchorKind, TimexType
from timeline.temporal.anchor import Site, Tense, compares_longer_period
from timeline.temporal.lexicon import MONTHS
from timeline.temporal.reading import ABSOLUTE, UNANCHORED, Reading
from timeline.temporal.values import quarter_of, shift_quarter

DATE = TimexType.DATE

_ORD = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4}


def quarter(p: dict[str, str], site: Site) -> Reading | None:
    unit = p["unit"].lower()
    if unit == "half" and _OF_A_DECADE.match(site.ctx.low, site.end):
        return None  # "the last half of the '80s": a part of the decade, tagged from there
    det = " ".join(p.get("det", "").lower().split())
    ord_ = p.get("ord", "").lower()
    if "yago" in p and not ord_:
        p = {**p, "ago": p["yago"]}  # "the quarter a year ago" is the year-ago quarter
    if not ord_ and "ago" in p:
        ord_ = "year-ago"  # "the year-ago period"
    bare_ok = det in ("the", "this", "that", "this year's", "last year's") and unit != "half"
    if det == "a" or (not ord_ and "year0" not in p and not bare_ok):
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
        return reading._replace(start=site.start + 4)
    return reading


def _quarter_value(
    p: dict[str, str], site: Site, y: int, ord_: str, unit: str, anchor: Anchor, explicit_year: bool
) -> Reading | None:
    dct = site.ctx.dct
    det = " ".join(p.get("det", "").lower().split())
    if unit == "half":
        n = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "final": 2, "last": 2}.get(ord_)
        return Reading(DATE, f"{y}-H{n}", anchor) if n else None
    if ord_ in _ORD or ord_ == "final":
        n = _ORD.get(ord_, 4)
        if not explicit_year and y == dct.year and n > quarter_of(dct) and _reported(site):
            y -= 1  # "profits fell in the fourth quarter", said in January: last year's
        ended = _ENDED.match(site.after(24))
        if not explicit_year and ended and ended[2] and ended[0].lstrip().startswith("ended"):
            end_year = _year_ended(ended, dct)
            if end_year is not None and end_year < y:
                # "the second quarter ended Oct. 31" (DCT Oct. 27): the quarter of the year
                # its end date, already past, was in
                y = end_year
        return Reading(DATE, f"{y}-Q{n}", anchor)
    if unit == "period" and compares_longer_period(site):
        # "For the nine months, ... in the 1988 period", "... the year-earlier period"
        # (y already counts "year-ago", "year-earlier"; a bare "the same period" does not)
        earlier = ord_ in ("year-ago", "year-earlier", "year-before", "comparable", "same")
        shift = earlier and "ago" not in p and not explicit_year
        return Reading(DATE, f"{y - 1 if shift else y}", anchor)
    if explicit_year and not ord_ and "year" not in p:
        # "the 1988 quarter": that year's instance of the quarter under discussion
        (_, q), _ = _discussed_quarter(site)
        return Reading(DATE, f"{y}-Q{q}", anchor)
    if explicit_year and not ord_:
        return Reading(DATE, f"{y}", anchor)
    # Unnumbered: "the quarter", "the latest quarter", "the year-ago period".
    if ord_ == "current":
        return Reading(DATE, f"{dct.year}-Q{quarter_of(dct)}", anchor)
    if ord_ in ("next", "coming"):
        qy, q = shift_quarter(dct.year, quarter_of(dct), 1)
        return Reading(DATE, f"{qy}-Q{q}", anchor)
    if ord_ in ("last", "final") and explicit_year:
        return Reading(DATE, f"{y}-Q4", anchor)
    ended = _ENDED.match(site.after(24))
    if ended and not ord_ and ended[1].lower() in MONTHS:
        # "the quarter ended Sept. 30": its end date places it on the calendar, even when the
        # report has named a fiscal quarter ("the fiscal first quarter ... The quarter ended
        # Sept. 30" ran July to September, not January to March)
        month = MONTHS[ended[1].lower()]
        qy = dct.year if month <= dct.month else dct.year - 1
        if ended[3]:  # "the quarter ended Sept. 30, 1989"
            qy = int(ended[3])
        # The calendar quarter it overlaps most: the one holding its middle, some 45 days
        # before the end ("the quarter ended July 31" ran May to July: the second quarter)
        middle = date(qy, month, min(int(ended[2] or 28), 28)) - timedelta(days=45)
        return Reading(DATE, f"{middle.year}-Q{quarter_of(middle)}", anchor)
    if ord_ in ("latest", "recent", "past", "last") and site.ctx.quarter is None:
        qy, q = shift_quarter(dct.year, quarter_of(dct), -1)
        return Reading(DATE, f"{qy}-Q{q}", anchor)
    said = site.ctx.said_quarter
    if det == "that" and not ord_ and said is not None:
        # "Results for that quarter": the quarter just named, not the one the report is about
        return Reading(DATE, said.value, Anchor(AnchorKind.NARRATIVE, said.value, said.start))
    (qy, q), base = _discussed_quarter(site)
    if base is not None:
        anchor = base
    if ord_ in ("year-ago", "year-earlier", "year-before", "comparable", "same"):
        # Counted from the quarter under discussion, never from another year-ago quarter.
        return Reading(DATE, f"{qy - 1}-Q{q}", base or Anchor(AnchorKind.NARRATIVE, f"{qy}-Q{q}"))
    if ord_ in ("previous", "prior"):
        qy, q = shift_quarter(qy, q, -1)
    # "last year's quarter": the quarter under discussion, a year before
    return Reading(DATE, f"{qy + y - dct.year}-Q{q}", anchor)


def _reported(site: Site) -> bool:
    """Whether the clause reports on the period: in the past tense."""
    return site.tense() is Tense.PAST


_OF_A_DECADE = re.compile(r"\s+of\s+(?:the\s+)?(?:(?:early|mid|late)[\s-]+)?(?:'\d0s|\d{3}0s)")
_ENDED = re.compile(
    r"\s+(?:ended|ending)\s+([A-Z][a-z]+)\b\.?(?:\s+(\d{1,2})\b)?(?:,?\s+(\d{4})\b)?"
)


def _year_ended(ended: re.Match[str], dct: date) -> int | None:
    """The year of the end date in "... ended Oct. 31": the one given, else the last such date
    on or before the DCT (what has ended did so already)."""
    month = MONTHS.get(ended[1].lower())
    if month is None:
        return None
    if ended[3]:
        return int(ended[3])
    return dct.year if (month, int(ended[2])) <= (dct.month, dct.day) else dct.year - 1


def _discussed_quarter(site: Site) -> tuple[tuple[int, int], Anchor | None]:
    """The quarter a report is about (``anchor.report_quarter``) when the text named one, else
    the last one completed; and the narrative anchor when it was a mention."""
    dct = site.ctx.dct
    named = site.ctx.quarter
    if named is not None:
        mentioned = int(named.value[:4]), int(named.value[-1])
        return mentioned, Anchor(AnchorKind.NARRATIVE, named.value, named.start)
    return shift_quarter(dct.year, quarter_of(dct), -1), None


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
    if (
        not rel
        and "the" in p
        and site.prev_word() == "for"
        and "year" in site.ctx.low[site.start : site.end]
    ):
        rel = "current"  # "lower earnings for the fiscal year": the one under way
    shift = {"current": 0, "this": 0, "new": 0, "last": -1, "previous": -1, "past": -1,
             "latest": -1, "next": 1, "coming": 1}.get(rel)  # fmt: skip
    if shift is None:
        return None
    return Reading(DATE, f"{site.ctx.dct.year + shift}", site.ctx.dct_anchor)
