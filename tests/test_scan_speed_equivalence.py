"""The scanner's fast paths find what the plain patterns find, in any text."""

from __future__ import annotations

import re

from hypothesis import example, given, settings
from hypothesis import strategies as st

from timeline.temporal import recognize
from timeline.temporal.scan import lower

# Core words (the gapped ones and near misses too) and numbers among the words that make them
# counts, with every kind of gap: white space that str calls so and bytes do not, currency
# signs, curly quotes, non-ASCII letters and digits (which send a text down the other paths).
_GAPS = [" ", "  ", "-", ", ", ".", "\n", "\t", "\x1c", "\x1f", "\xa0", "\u2009", "$", "\u00a3",
         "\u20ac", "%", "'", "\u2019", "(", " - ", "_", "\u00e9", "\u0663", "\u00b2"]  # fmt: skip
_WORD_TEXTS = st.lists(
    st.one_of(
        st.sampled_from(
            [*recognize._CORE_WORDS, "mid", "mid-", "middle", "midday", "mid-march", "x1"]
        ),
        st.sampled_from(_GAPS),
    ),
    max_size=40,
).map("".join)
_NUMBER_TEXTS = st.lists(
    st.sampled_from(
        ["5", "12", "1990", "1,000", "3.5", "and", "or", "million", "people", " ", "\x1c", "\xa0",
         "\u2009", "$", "\u00a3", "\u20ac", "%", ".", ",", "-", "\u00e9", "\u0663"]
    ),
    max_size=30,
).map("".join)  # fmt: skip


_WORDS = re.compile(rf"\W({recognize.trie_regex(recognize._CORE_WORDS)})\b")
_DIGITS = re.compile(recognize._digit_trigger(r"\d"))


@settings(max_examples=1500, deadline=None)
@given(st.one_of(_WORD_TEXTS, _NUMBER_TEXTS))
# (where a copy would read otherwise: a space only str's \s takes, a currency sign, gapped words)
@example("5\x1cmillion")
@example("at 5\xa0million, \u00a312 and 1990")
@example("\u20ac12 in the mid-morning")
@example("at mid,afternoon and mid - morning")
def test_triggers_are_those_the_plain_patterns_find(text: str) -> None:
    """``triggers`` (in bytes copies of an ASCII text, with classes tested from a table in a
    text of ASCII words) finds what the patterns with Unicode classes find in any text."""
    low = lower(text)
    first = recognize._WORD_TRIGGER.match(low)
    expected = sorted(
        ([first.span()] if first else [])
        + [m.span(1) for m in _WORDS.finditer(low)]
        + [m.span() for m in _DIGITS.finditer(low)]
    )
    assert recognize.triggers(low) == expected
