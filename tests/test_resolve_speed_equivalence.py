"""The resolution's shortcuts find what the plain regexes they stand for find."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from timeline.temporal import anchor

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
