"""The resolution's shortcuts answer as the code they stand for: the cue search of ``tense``
finds what the cue regex finds, and ``year_for`` asks the tense only where it decides."""

from __future__ import annotations

import re
from datetime import date, timedelta
from functools import partial
from itertools import product

from hypothesis import given, settings
from hypothesis import strategies as st

from timeline.temporal import anchor
from timeline.temporal.anchor import Tense

# Cue words of every group, words that begin like them ("willing", "saidx", "hundreds"),
# an agreement's "to" and what may follow it, each followed by what may part words, among
# them characters that \b and the gap class read differently ("é", "_", digits, apostrophes).
_CUE_WORDS = st.sampled_from(
    [*anchor._FUTURE_WORDS, *anchor._WEAK_FUTURE_WORDS, *anchor._PAST_WORDS,
     *anchor._PROSPECTIVE_WORDS, *(f"{w} to buy" for w in anchor._PROSPECTIVE_WORDS), "to", "be",
     "the", "buy", "willing", "saidx", "hundred", "hundreds", "seed", "speeded", "abced",
     "closed", "united", "ed", "'ll", "ll", "as", "soon"]
)  # fmt: skip
_PARTINGS = st.sampled_from(
    ["", " ", " ", " ", "  ", ", ", ",", "\n", "'", "\u2019", "é", "_", "1", "-", "$", "É"]
)
_CUE_TEXTS = st.lists(st.tuples(_PARTINGS, _CUE_WORDS), max_size=30).map(
    lambda pairs: "".join(part + word for part, word in pairs)
)


def _cue_key(m: re.Match[str]) -> tuple[object, ...]:
    return m.span(), m.lastgroup, tuple(sorted(m.groupdict().items()))


@settings(max_examples=500, deadline=None)
@given(_CUE_TEXTS, st.integers(0, 300), st.integers(0, 300))
def test_cues_are_those_the_cue_regex_finds(text: str, a: int, b: int) -> None:
    """``anchor._cues`` proposes starts by one trie of every group's words, without the
    groups: the cues it yields are still those of ``_CUES.finditer``, groups included."""
    low = text.lower()
    lo, hi = sorted((min(a, len(low)), min(b, len(low))))
    for start, stop in ((0, len(low)), (lo, hi)):
        expected = [_cue_key(m) for m in anchor._CUES.finditer(low, start, stop)]
        assert [_cue_key(m) for m in anchor._cues(low, start, stop)] == expected


def _year_for_reference(dct: date, month: int, day: int | None, t: Tense, rel: str | None) -> int:
    """``anchor.year_for`` as it was when given the tense itself, asked before the call."""
    y = dct.year
    if rel in ("last", "past", "this past"):
        return y if month < dct.month - 1 else y - 1
    if rel in ("next", "coming", "this coming"):
        return y if (month, day or 99) > (dct.month, dct.day if day else 0) else y + 1
    if rel == "this":
        return y
    gap = (date(y, month, min(day or 15, 28)) - dct).days
    if t is Tense.PAST and gap > 62:
        return y - 1
    if t is Tense.FUTURE and gap < -62:
        return y + 1
    if t is Tense.NONE and abs(gap) > 183:
        return y - 1 if gap > 0 else y + 1
    return y


def _told(asked: list[Tense], t: Tense) -> Tense:
    """The tense ``t``, noted in ``asked`` as asked for."""
    asked.append(t)
    return t


def test_year_for_asks_the_tense_only_where_it_decides() -> None:
    """``anchor.year_for`` asks the clause's tense only for a date more than 62 days from the
    DCT, and gives the year the tense given beforehand gave, for every tense, relative word,
    month and day, from every ninth day of a leap year and the year after as DCT."""
    relatives = (None, "last", "this past", "next", "coming", "this", "the", "early")
    asked: list[Tense] = []
    for dct in (date(2000, 1, 1) + timedelta(days=n) for n in range(0, 731, 9)):
        for month, day, t, rel in product(range(1, 13), (None, 1, 15, 28, 31), Tense, relatives):
            asked.clear()
            year = anchor.year_for(dct, month, day, partial(_told, asked, t), rel)
            assert year == _year_for_reference(dct, month, day, t, rel)
            if asked:
                gap = (date(dct.year, month, min(day or 15, 28)) - dct).days
                assert abs(gap) > 62 and rel not in relatives[1:6]
