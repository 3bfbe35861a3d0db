"""English temporal vocabulary: the words, their meanings, and the regex fragments built from them.

Fragments are plain strings without capturing groups so that ``recognize`` can compose them
freely; the tables map the matched (lower-cased) words to their meaning.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

MONTHS: dict[str, int] = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4,
    "apr": 4, "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8,
    "september": 9, "sept": 9, "sep": 9, "october": 10, "oct": 10, "november": 11, "nov": 11,
    "december": 12, "dec": 12,
}  # fmt: skip

WEEKDAYS: dict[str, int] = {
    "monday": 1, "tuesday": 2, "wednesday": 3, "thursday": 4, "friday": 5, "saturday": 6,
    "sunday": 7,
}  # fmt: skip

NUMBERS: dict[str, int] = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
    "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17,
    "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50,
    "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90, "hundred": 100,
    "a hundred": 100, "a dozen": 12, "dozen": 12, "a couple of": 2, "a couple": 2,
    "single": 1, "half a": 0, "couple of": 2,
}  # fmt: skip

# Quantities that only say "some": TimeML writes the number as X ("several months" = PXM).
VAGUE_NUMBERS = frozenset(
    {"several", "a few", "few", "some", "many", "numerous", "a number of", "dozens of",
     "hundreds of", "the", "recent", "coming", "past", "the next few", "the past few"}
)  # fmt: skip

ORDINALS: dict[str, int] = {
    "first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4,
    "final": 4, "last": 4,
}  # fmt: skip

# unit word -> (TIMEX3 unit letter, is a clock unit written after "PT")
UNITS: dict[str, tuple[str, bool]] = {
    "second": ("S", True), "minute": ("M", True), "hour": ("H", True), "day": ("D", False),
    "night": ("D", False), "week": ("W", False), "weekend": ("D", False),
    "fortnight": ("W", False), "month": ("M", False), "quarter": ("Q", False),
    "year": ("Y", False), "decade": ("DE", False), "century": ("CE", False),
    "centurie": ("CE", False),
}  # fmt: skip

SEASONS: dict[str, str] = {
    "spring": "SP", "summer": "SU", "fall": "FA", "autumn": "FA", "winter": "WI",
}  # fmt: skip

PARTS_OF_DAY: dict[str, str] = {
    "morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI", "tonight": "NI",
    "overnight": "NI", "midday": "12:00", "noon": "12:00", "midnight": "24:00",
    "mid-afternoon": "AF", "mid afternoon": "AF", "mid-morning": "MO", "daytime": "DT",
}  # fmt: skip

# Fixed-date holidays: (month, day). Moving ones are computed in ``holidays``.
FIXED_HOLIDAYS: dict[str, tuple[int, int]] = {
    "christmas": (12, 25), "christmas day": (12, 25), "christmas eve": (12, 24),
    "new year's day": (1, 1), "new year's eve": (12, 31), "new years day": (1, 1),
    "independence day": (7, 4), "fourth of july": (7, 4), "the fourth of july": (7, 4),
    "halloween": (10, 31), "valentine's day": (2, 14), "veterans day": (11, 11),
    "veterans' day": (11, 11), "bastille day": (7, 14), "boxing day": (12, 26),
    "new year": (1, 1), "new year's": (1, 1),
}  # fmt: skip

# TIMEX3 mod of leading and trailing modifiers.
MODS: dict[str, str] = {
    "early": "START", "earlier": "START", "late": "END", "later": "END", "mid": "MID",
    "the end of": "END", "end of": "END", "the beginning of": "START", "the start of": "START",
    "the middle of": "MID", "the early": "START", "the late": "END", "the mid": "MID",
    "about": "APPROX", "around": "APPROX", "approximately": "APPROX", "roughly": "APPROX",
    "some": "APPROX", "or so": "APPROX", "nearly": "LESS_THAN", "almost": "LESS_THAN",
    "less than": "LESS_THAN", "under": "LESS_THAN", "up to": "EQUAL_OR_LESS",
    "no more than": "EQUAL_OR_LESS", "more than": "MORE_THAN", "over": "MORE_THAN",
    "at least": "EQUAL_OR_MORE", "just over": "MORE_THAN", "just under": "LESS_THAN",
    "the first": "START", "the last": "END", "the final": "END",
}  # fmt: skip


def words(text: str) -> list[str]:
    """The white-space separated words of ``text``: long word lists stay readable."""
    return text.split()


def trie_regex(words: Iterable[str]) -> str:
    """A non-capturing regex matching any of ``words``, factored as a trie.

    Python's regex engine tries alternatives one by one; sharing prefixes ("jan|januar|june")
    makes a failed attempt cost one or two character tests instead of one per word.
    """
    trie: dict[str, Any] = {}
    for w in words:
        node = trie
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}

    def build(node: dict[str, Any]) -> str:
        alts = [_char(ch) + build(child) for ch, child in sorted(node.items()) if ch]
        if not alts:
            return ""
        body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
        if "" in node:
            return (body if body.startswith("(?:") and len(alts) > 1 else f"(?:{body})") + "?"
        return body

    return "(?:" + build(trie) + ")"


def _char(ch: str) -> str:
    return r"\s+" if ch == " " else re.escape(ch)


def _alt(words: Iterable[str]) -> str:
    """A non-capturing alternation of words (spaces match any run of white space).

    The trie tries longer words first at every branch, as a "longest first" alternation would.
    """
    return trie_regex(words)


MONTH_FULL = _alt(w for w in MONTHS if (len(w) > 3 or w == "may") and w != "sept")
MONTH_ABBR = r"(?:jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec)\."
MONTH = rf"(?:{MONTH_FULL}|{MONTH_ABBR}|(?:jan|feb|aug|sept|oct|nov|dec)(?=\s+\d))"
WEEKDAY = _alt(WEEKDAYS)
DAYNUM = r"(?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?(?!\d)"
YEAR4 = r"(?:1[6-9]\d\d|20\d\d)(?![\d%]|\.\d)"  # not "closed at 2082.1"
NUMWORD = (
    r"(?:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[-\s](?:one|two|three|four|"
    r"five|six|seven|eight|nine))?|" + _alt(w for w in NUMBERS if w not in ("a", "an")) + ")"
)
NUMBER = (
    rf"(?:\d+(?:[.,]\d+)?(?:\s\d/\d)?|{NUMWORD}(?:\s(?:and\s)?a\shalf)?|an?|half\s+an?|"
    r"several|a\s+few|few|a\s+couple(?:\s+of)?|couple\s+of|many|a\s+number\s+of|dozens\s+of|"
    r"hundreds\s+of)(?:\s+(?:trading|business|working))?"
)
UNIT_SG = (
    r"(?:second|minute|hour|day|night|week|weekend|fortnight|month|quarter|year|decade|century)"
)
UNIT_PL = (
    r"(?:seconds|minutes|hours|days|nights|weeks|weekends|months|quarters|years|decades|centuries)"
)
UNIT = rf"(?:{UNIT_PL}|{UNIT_SG})"
SEASON = _alt(SEASONS)
PART_OF_DAY = r"(?:morning|afternoon|evening|night)"
# TimeML keeps these inside the span; "about", "around" stay outside (see ``APPROX_BEFORE``).
QUANT_MOD = (
    r"(?:almost|nearly|less\s+than|more\s+than|at\s+least|up\s+to|no\s+more\s+than|just\s+over|"
    r"just\s+under|over|under)"
)
APPROX_BEFORE = frozenset({"about", "approximately", "roughly", "around", "some"})
ZONE = r"(?:[ecmp][sd]t|gmt|utc|z)"  # patterns run on lower-cased text
HOLIDAY_NAMES = [
    *FIXED_HOLIDAYS,
    *"""thanksgiving day|thanksgiving|memorial day|labor day|easter sunday|easter|martin luther
    king jr. day|martin luther king day|presidents day|presidents' day|election day|mother's
    day|father's day|good friday""".replace("\n    ", " ").split("|"),
]
HOLIDAY = _alt(HOLIDAY_NAMES)


_ONES = "one|two|three|four|five|six|seven|eight|nine"
_TEENS = "ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen"
_TENS = "twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety"
# Years as broadcast transcripts spell them: "nineteen ninety-six", "the year two thousand".
SPOKEN_YEAR = (
    rf"(?:(?:nineteen|eighteen)[\s-]+(?:(?:{_TENS})(?:[\s-](?:{_ONES}))?|{_TEENS}|hundred)"
    rf"|two\s+thousand(?:\s+(?:and\s+)?(?:{_ONES}|{_TEENS}))?)"
)


def spoken_year(words: str) -> int:
    """1996 for "nineteen ninety-six", 2000 for "two thousand" (``SPOKEN_YEAR`` matches only)."""
    parts = words.lower().replace("-", " ").split()
    if parts[:2] == ["two", "thousand"]:
        rest = [p for p in parts[2:] if p != "and"]
        return 2000 + sum(NUMBERS[p] for p in rest)
    century = NUMBERS[parts[0]] * 100
    rest = parts[1:]
    return century if rest == ["hundred"] else century + sum(NUMBERS[p] for p in rest)


def number_value(words: str) -> float | None:
    """The number a phrase like "two", "24", "twenty-four", "1 1/2", "a couple of" stands for;
    None for vague quantities ("several"), which TimeML writes as X."""
    w = " ".join(words.lower().replace("-", " ").split())
    w = w.removesuffix(" trading").removesuffix(" business").removesuffix(" working")
    if w in VAGUE_NUMBERS or (w.endswith(" of") and w not in NUMBERS):
        return None
    if w.startswith("half a"):
        return 0.5
    if w in NUMBERS:
        return float(NUMBERS[w])
    half = 0.0
    if w.endswith(" and a half") or w.endswith(" a half"):
        half, w = 0.5, w.rsplit(" a", 1)[0].removesuffix(" and")
    parts = w.split()
    try:
        if len(parts) == 2 and "/" in parts[1]:
            num, den = parts[1].split("/")
            return float(parts[0]) + int(num) / int(den) + half
        return float(w.replace(",", "")) + half
    except ValueError:
        pass
    total = 0
    for p in parts:
        if p not in NUMBERS:
            return None
        total += NUMBERS[p]
    return float(total) + half
