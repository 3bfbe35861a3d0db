"""Normalizers for amounts of time and vague references: durations ("the past three years"),
sets ("every Friday", "weekly") and PAST_REF / PRESENT_REF / FUTURE_REF ("now", "recently",
"in the coming weeks")."""

from __future__ import annotations

import re
from datetime import date, timedelta

from timeline.model import Granularity, Interval, TimexType
from timeline.temporal.anchor import Site, Tense
from timeline.temporal.lexicon import MODS, MONTHS, SEASONS, UNITS, WEEKDAYS, number_value
from timeline.temporal.reading import ABSOLUTE, UNANCHORED, Reading
from timeline.temporal.values import add_months, day_value, month_value

DURATION, SET, DATE = TimexType.DURATION, TimexType.SET, TimexType.DATE
# How far "the coming weeks" / "in a few months" reach: the approximate interval we give them.
_FUTURE_REACH = {"D": (0, 10), "W": (0, 56), "M": (6, 0), "Y": (60, 0), "H": (0, 1), "Q": (9, 0),
                 "DE": (120, 0), "CE": (1200, 0), "S": (0, 1)}  # fmt: skip
_IN_BEFORE = re.compile(r"\bin\s+(?:just\s+|only\s+)?$")
_BARE_PLURAL_AFTER = frozenset(
    ["for", "within", "over", "than", "took", "in", "lasted", "spent", "after"]
)
# "$1.76 a year", "twice a week", "hundreds of interviews a day": a rate, i.e. a SET.
_AMOUNT_BEFORE = re.compile(
    r"(?:\d|million|billion|thousand|hundred|dozen|percent|%|once|twice|"
    r"[a-z]{3,}s)\W*$"
)


_MODAL_BEFORE = re.compile(r"\b(?:will|would|could|may|might|can|shall|to)\s+(?:\w+ly\s+)?$")


def _norm(s: str | None) -> str:
    return " ".join(s.lower().replace("-", " ").split()) if s else ""


def _unit(word: str) -> tuple[str, bool]:
    w = word.lower()
    w = "century" if w == "centuries" else w.removesuffix("s") if w != "hours" else "hour"
    return UNITS[w]


# unit letter -> the next smaller unit and how many of it make one
_SMALLER = {"H": ("M", 60), "M": ("S", 60), "Y": ("M", 12), "D": ("H", 24), "W": ("D", 7)}


def duration_value(n: float | None, word: str) -> str:
    letter, clock = _unit(word)
    if letter == "DE":  # TimeML counts decades in years: "two decades" P20Y, "decades" PXY
        n, letter = (None if n is None else n * 10), "Y"
    if n is not None and letter == "CE":
        n, letter = n * 100, "Y"
    if n is not None and n != int(n) and letter in _SMALLER and (clock or letter != "M"):
        # TimeML writes a fraction in the next smaller unit: "5 1/2 hours" = PT5H30M,
        # "2 1/2 years" = P2Y6M, "a day and a half" = P1DT12H
        small, per = _SMALLER[letter]
        whole, part = int(n), (n - int(n)) * per
        if part == int(part):
            head = f"{whole}{letter}" if whole else ""
            if clock:
                return f"PT{head}{int(part)}{small}"
            return f"P{head}T{int(part)}H" if small == "H" else f"P{head}{int(part)}{small}"
    amount = "X" if n is None else (f"{n:g}" if n != int(n) else str(int(n)))
    if word.lower().startswith("weekend"):
        amount = "X" if n is None else str(int(2 * n))
    return f"PT{amount}{letter}" if clock else f"P{amount}{letter}"


def future_ref(site: Site, letter: str) -> Reading:
    """FUTURE_REF for "the coming weeks": an approximate interval from the day after the DCT."""
    dct = site.ctx.dct
    months, days = _FUTURE_REACH[letter]
    end = add_months(dct, months) + timedelta(days=days)
    span = Interval(dct + timedelta(days=1), max(end, dct + timedelta(days=1)))
    return Reading(DATE, "FUTURE_REF", site.ctx.dct_anchor, approximate=True,
                   interval=span, granularity=Granularity.VAGUE)  # fmt: skip


def past_ref(site: Site, letter: str) -> Reading:
    """PAST_REF for "in the last few months": an approximate interval up to the day before the
    DCT, reaching as far back as "the coming months" reach forward."""
    dct = site.ctx.dct
    months, days = _FUTURE_REACH[letter]
    begin = add_months(dct, -months) - timedelta(days=days)
    span = Interval(min(begin, dct - timedelta(days=1)), dct - timedelta(days=1))
    return Reading(DATE, "PAST_REF", site.ctx.dct_anchor, approximate=True,
                   interval=span, granularity=Granularity.VAGUE)  # fmt: skip


# "in the past few years", "over the last several quarters", "during past months": where in
# time something happened (a stretch up to now), not how long it took ("for the past few years")
_LOCATING = frozenset(["in", "over", "during"])


def duration(p: dict[str, str], site: Site) -> Reading | None:
    unit, num, rel, det = p["unit"], p.get("num"), _norm(p.get("rel")), _norm(p.get("det"))
    if num and _round_the_clock(site):
        return None
    plural = unit.lower().endswith("s") or unit.lower() == "centuries"
    letter = _unit(unit)[0]
    qmod = MODS.get(_norm(p.get("qmod")))
    prev = site.prev_word().lower()
    if plural and rel in ("past", "last", "future") and (num is None or number_value(num) is None):
        if rel == "future":
            return future_ref(site, letter)  # "cut tax payments in future quarters"
        if prev in _LOCATING and not qmod and not p.get("suffix"):
            return past_ref(site, letter)
    if (
        plural
        and rel in ("past", "last", "recent")
        and prev == "of"
        and not qmod
        and (num is None or number_value(num) is None)
    ):
        # "the takeover boom of recent years", "the gains of the past few months": after "of"
        # a vague stretch up to now places the noun it qualifies, as "in recent years" would
        return past_ref(site, letter)
    suffix = p.get("suffix", "")
    if num is None and suffix.startswith("-") and not rel:
        # "a decades-long battle", "a years-old slump", "their third day-long meeting": an
        # amount of time; the article belongs to the noun
        amount = duration_value(None if plural else 1, unit)
        start = site.start + len(p["det"]) + 1 if det else None
        return Reading(DURATION, amount, UNANCHORED, start=start)
    if num is None and not plural and rel in ("an additional", "an extra"):
        return Reading(DURATION, duration_value(1, unit), UNANCHORED, mod=qmod)
    if num is None:
        if not plural or (unit.lower() in ("seconds", "quarters") and not rel):
            return None  # "day", "week" alone are not timexes
        if rel in ("early", "late") and site.after(4) == " of ":
            return None  # "in the early hours of Thursday morning": a time of that day
        if (
            not rel
            and not det
            and prev not in _BARE_PLURAL_AFTER
            and (
                prev in ("or", "and")  # "within weeks or months of": one amount, read at "weeks"
                or unit.lower() == "minutes"  # "approved minutes of the meeting": a record
                or not _OF_WHAT.match(site.after(12))
            )
        ):
            return None
        if det and not rel and prev not in ("over", "for", "in", "during", "through"):
            return None
        if (rel in ("coming", "next") and prev == "in") or (rel == "coming" and not det):
            # "in the next few years"; "coming quarters" with no article names the time ahead
            # ("bode well for coming quarters"), as "future quarters" does
            return future_ref(site, letter)
        # "over the years": TimeML leaves the article out of a bare plural
        start = site.start + len(p["det"]) + 1 if det and not rel else None
        return Reading(DURATION, duration_value(None, unit), UNANCHORED, mod=qmod, start=start)
    n = number_value(num)
    if n is not None and p.get("half"):
        n += 0.5  # "a minute and a half"
    low = _norm(num)
    if unit.lower() == "second" and low in ("a", "an"):
        return None  # "a second time"
    if low == "one" and unit.lower() == "day" and _MODAL_BEFORE.search(site.before(24)):
        return future_ref(site, "Y")  # "Islam will one day be ...": some time to come
    if unit.lower().startswith("quarter") and not (rel or det or n is None):
        return None  # "three quarters of the vote"
    if (
        low in ("a", "an")
        and not plural
        and p.get("suffix") is None
        and not p.get("half")
        and _AMOUNT_BEFORE.search(site.before(25))
    ):
        return Reading(SET, duration_value(1, unit), UNANCHORED)  # "$1 billion a year"
    if p.get("suffix", "").strip(" -").lower() == "old" and (
        (plural and low in ("a", "an")) or not _STANDING_AFTER.match(site.after(24))
    ):
        return None  # "a 6-year-old boy" is an age ("a years-old slump": read from "years")
    vague = n is None or _norm(p.get("orso")) in ("or two", "or three")
    if (
        vague
        and not (det or rel)
        and _IN_BEFORE.search(site.before(14))
        and site.tense() is not Tense.PAST
    ):
        return future_ref(site, letter)  # "in just a few weeks", "in a year or two"
    if n is not None and prev == "in" and not det and not rel and site.tense() is Tense.FUTURE:
        return _in_n_units(n, letter, site)
    if (
        (letter, n) in (("Q", 2), ("M", 6))
        and rel in ("first", "last", "final")
        and (of := _OF_A_YEAR.match(site.ctx.low, site.end)) is not None
    ):
        # "the first two quarters of 1990", "the last six months of the year": a half year
        year = int(of[1]) if of[1] else site.ctx.dct.year + {"last": -1, "next": 1}.get(of[2], 0)
        anchor = ABSOLUTE if of[1] else site.ctx.dct_anchor
        half = "H1" if rel == "first" else "H2"
        return Reading(
            DATE,
            f"{year}-{half}",
            anchor,
            start=site.start + len(det) + 1 if det else None,
            end=of.end(),
        )
    start = None
    if (det and not rel) or (low in ("a", "an") and suffix.startswith("-")):
        surface = site.ctx.low[site.start : site.end]
        if _ADJECTIVAL.search(surface):
            # "the 14-day period", "a month-long strike": the article belongs to the noun
            start = site.start + surface.index(" ") + 1
    return Reading(DURATION, duration_value(n, unit), UNANCHORED, mod=qmod, start=start)


# "follows months of twists and turns", "after years of war": a bare plural measuring what
# filled it is an amount of time
_OF_WHAT = re.compile(r"\s+of\s+(?!\d)[a-z]")


# "the IRA's 8-month-old truce", "a decade-old embargo": how long a state of affairs has lasted
# (an age of a thing that runs on), unlike a person's age ("a 6-year-old boy")
_STANDING_AFTER = re.compile(
    r"\s+(?:[a-z]+\s+)?(?:truce|cease-?fires?|strike|wars?|conflicts?|disputes?|embargo|ban|"
    r"moratorium|crisis|stand-?off|boycott|blockade|siege|occupation|insurgency|rebellion|"
    r"uprising|feud|impasse|deadlock|stalemate|recession|slump|expansion|bull\s+market|"
    r"bear\s+market|rally)\b"
)
_OF_A_YEAR = re.compile(
    r"\s+of\s+(?:(?:fiscal|calendar)\s+)?(?:(\d{4})\b|(the|this|last|next)\s+(?:fiscal\s+)?year\b)"
)
# "14-day", "eight-year", "month-long": an amount of time used as an adjective
_ADJECTIVAL = re.compile(r"\w-[a-z]+(?:-(?:long|old))?$")


def _in_n_units(n: float, letter: str, site: Site) -> Reading:
    """ "will go in two weeks": the date that many units after the DCT."""
    dct, k = site.ctx.dct, int(n)
    if letter in ("D", "W"):
        return Reading(DATE, day_value(dct + timedelta(days=k * (7 if letter == "W" else 1))),
                       site.ctx.dct_anchor)  # fmt: skip
    if letter in ("M", "Q"):
        d = add_months(dct, k * (3 if letter == "Q" else 1))
        return Reading(DATE, month_value(d.year, d.month), site.ctx.dct_anchor)
    if letter == "Y":
        return Reading(DATE, f"{dct.year + k}", site.ctx.dct_anchor)
    return Reading(TimexType.TIME, day_value(dct), site.ctx.dct_anchor, approximate=True)


_ADVERBS = {"daily": "P1D", "weekly": "P1W", "monthly": "P1M", "annually": "P1Y",
            "yearly": "P1Y", "hourly": "PT1H", "quarterly": "P1Q", "biweekly": "P2W",
            "nightly": "P1D", "semiannually": "P6M", "semi-annually": "P6M"}  # fmt: skip
_SET_UNITS = {"day": "P1D", "week": "P1W", "month": "P1M", "year": "P1Y", "quarter": "P1Q",
              "hour": "PT1H", "minute": "PT1M", "morning": "XXXX-XX-XXTMO",
              "night": "XXXX-XX-XXTNI", "evening": "XXXX-XX-XXTEV",
              "afternoon": "XXXX-XX-XXTAF", "weekend": "XXXX-WXX-WE"}  # fmt: skip


# "24 hours a day", "seven days a week": all the time, an idiom, not an amount nor a rate
_ROUND_THE_CLOCK = re.compile(r"(?:24|twenty-four)\s+hours,?\s+a\s+day|seven\s+days,?\s+a\s+week")


def _round_the_clock(site: Site) -> bool:
    low, lo, hi = site.ctx.low, max(0, site.start - 12), site.end + 12
    if low.find("hours", lo, hi) < 0 and low.find("days", lo, hi) < 0:
        return False  # (the idiom holds one or the other: most windows are answered so)
    found = _ROUND_THE_CLOCK.search(low, lo, hi)
    return found is not None and found.start() <= site.start and site.end <= found.end()


# "daily" as a noun, a newspaper: "the Communist Party daily Granma", "the daily said";
# and "a daily newspaper", a kind of paper, not a recurrence on the timeline
_DAILY_NOUN_AFTER = re.compile(
    r"\s+(?:(?!(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|"
    r"March|April|May|June|July|August|September|October|November|December|Through|From|"
    r"Except|At|In|On|Until)\b)[A-Z]|(?:newspapers?|papers?|tabloids?)\b)"
    r"|,?\s+(?:said|says|reported|reports|quoted|quotes|wrote|writes|published|carried|added)\b"
)
_DAILY_NOUN_BEFORE = re.compile(r"\b(?:the|a|an|its|their|business|financial|party|newspaper)\s+$")


def _daily_noun(site: Site) -> bool:
    after = site.after(24)
    if _DAILY_NOUN_AFTER.match(after):
        return True
    return bool(_DAILY_NOUN_BEFORE.search(site.before(16)) and re.match(r"\s*[.,;:)]", after))


def set_(p: dict[str, str], site: Site) -> Reading | None:
    if "adv" in p:
        adv = p["adv"].lower()
        if adv == "quarterly" and re.match(r"\s+[a-z]", site.after(3)):
            return None  # "its quarterly dividend": an attribute, not a recurrence
        if adv == "daily" and _daily_noun(site):
            return None
        return Reading(SET, _ADVERBS[adv], UNANCHORED)
    q, unit = p["q"].lower(), p["unit"]
    if _round_the_clock(site):
        return None
    word = unit.lower().rstrip(".")
    other = "other" in site.ctx.text[site.start : site.end].lower()
    if word in _SET_UNITS:
        value = _SET_UNITS[word]
        if other and value.startswith("P"):
            value = value.replace("1", "2", 1)
    elif word in WEEKDAYS:
        value = f"XXXX-WXX-{WEEKDAYS[word]}"
    elif word in MONTHS and unit[0].isupper():
        value = f"XXXX-{MONTHS[word]:02d}"
    elif word in SEASONS:
        value = f"XXXX-{SEASONS[word]}"
    else:
        return None
    if q == "a":
        if not value.startswith("P"):
            return None  # "a Sunday": read again from the next word
        if not _AMOUNT_BEFORE.search(site.before(25)):
            return duration({"num": "a", "unit": unit}, site)
        return Reading(SET, value, UNANCHORED)
    return Reading(SET, value, UNANCHORED, quant="EVERY" if q in ("every", "each") else None)


_REFS = {"now": "PRESENT_REF", "right now": "PRESENT_REF", "currently": "PRESENT_REF",
         "the present": "PRESENT_REF", "nowadays": "PRESENT_REF", "presently": "PRESENT_REF",
         "current": "PRESENT_REF", "these days": "PRESENT_REF", "at present": "PRESENT_REF",
         "recently": "PAST_REF", "the past": "PAST_REF", "previously": "PAST_REF",
         "formerly": "PAST_REF", "lately": "PAST_REF", "recent": "PAST_REF",
         "in the past": "PAST_REF", "the future": "FUTURE_REF", "the near future": "FUTURE_REF",
         "soon": "FUTURE_REF", "later on": "FUTURE_REF", "the near term": "FUTURE_REF",
         "the short term": "FUTURE_REF", "the long term": "FUTURE_REF",
         "a later date": "FUTURE_REF"}  # fmt: skip


def ref(p: dict[str, str], site: Site) -> Reading | None:
    word = _norm(p["w"])
    if word == "the time":
        if (
            site.prev_word().lower() != "at"
            or not _AT_THE_TIME_AFTER.match(site.after(12))
            or site.tense() is Tense.FUTURE
        ):
            return None  # "at the time of the attack", "the time has come"
        # "saying at the time he was willing", "was unknown at the time.": then, in the past
        return Reading(DATE, "PAST_REF", site.ctx.dct_anchor)
    if word in ("a while", "some time") or word.endswith(("period", "period of time")):
        # "stay for a fairly lengthy period": as long as "for a while", of no stated length
        if site.prev_word().lower() != "for":
            return None  # "once in a while", "at some time": not an amount
        return Reading(DURATION, "PXX", UNANCHORED)  # "live without it for a while"
    value = _REFS[word]
    if word == "the future" and site.after(4) == " of ":
        return None  # "the future of NATO": its prospects, not a time
    if word == "soon" and (
        site.after(6).startswith(" after")
        or (not _MODAL_BEFORE.search(site.before(12)) and site.tense() is Tense.PAST)
    ):
        return None  # "soon became a flood", "killed soon after": shortly after a past event
    if word == "recently" and site.before(5) == "most " and _DATE_NEXT.match(site.after(16)):
        return None  # "killed, most recently last October": the date that follows says when
    if word == "now" and _DISCOURSE_NOW.match(site.after(5)) and _opens_sentence(site):
        return None  # "Now, he says, ...", "Now for the weather": a discourse marker
    if value == "PRESENT_REF" and site.before(5).endswith("then "):
        # "the then current price": current as of a past time
        return Reading(DATE, "PAST_REF", site.ctx.dct_anchor, start=site.start - 5)
    if value == "PRESENT_REF":
        d: date = site.ctx.dct
        return Reading(DATE, value, site.ctx.dct_anchor, interval=Interval(d, d),
                       granularity=Granularity.VAGUE)  # fmt: skip
    return Reading(DATE, value, site.ctx.dct_anchor)


_AT_THE_TIME_AFTER = re.compile(
    r"\s*[,.;:)\"'`]|\s+(?:he|she|they|it|we|i)\s+(?:was|were|had|said|did)\b"
)
_DATE_NEXT = re.compile(
    r"\s+(?:(?:in|on|at|during)\s+)?(?:last|this|early|late|mid|\d|"
    + "|".join(m.capitalize() for m in sorted({*MONTHS, *WEEKDAYS}, key=len, reverse=True))
    + r")"
)
_DISCOURSE_NOW = re.compile(r",|\s+for\s")
_OPENING = re.compile(r"(?:^|[.!?:;\n])[\"'`\u201c\u2018(\s]*$")


def _opens_sentence(site: Site) -> bool:
    """Whether the candidate is the first word of its sentence (after any opening quote)."""
    return _OPENING.search(site.before(8)) is not None
