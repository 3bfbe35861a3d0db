"""The scanner's fast paths find what the plain patterns find, in any text."""

from __future__ import annotations

import re

from hypothesis import example, given, settings
from hypothesis import strategies as st

from timeline.temporal import recognize, scan
from timeline.temporal.lexicon import words
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


def test_optional_groups_are_written_as_choices() -> None:
    """Only a greedy optional group becomes a choice: not a class, an escape, a lazy or
    possessive one, a look-around."""
    written = recognize._optional_as_branch(r"(?:a(?:b)?[)(?]\)(?P<x>c)?)?d??(?:e)?+(?=f)?[^]x]?")
    assert written == r"(?:a(?:b|)[)(?]\)(?:(?P<x>c)|)|)d??(?:e)?+(?=f)?[^]x]?"


# every kind as written before its optional groups were choices
_PLAIN_MASTER = re.compile(
    r"(?<![\w$£€.,#/:-])(?:"
    + "|".join(f"(?P<{kind}>{recognize._scoped(kind, p)})" for kind, p in recognize.PATTERNS)
    + r")(?!\w)"
)
# pieces of expressions, so that the optional parts of most kinds are read, and what they cannot
_EXPRESSION_TEXTS = st.lists(
    st.sampled_from(
        words(
            """the a an this last next early late mid end of in on at about more than over
            may march jan. sept. monday friday's tuesdays morning night spring christmas eve
            1990 1990s '90s 5 12 31st 3.5 1,000 2018-07-16 7/16/2018 4:30 p.m. est
            day days week weekend month quarter quarters year years fiscal half period decade
            first third fourth same previous coming past ago earlier later before after or so
            and a half long old year-ago today yesterday now recently time while , . -"""
        )
    ),
    max_size=30,
).map(" ".join)


@settings(max_examples=300, deadline=None)
@given(_EXPRESSION_TEXTS)
def test_choices_match_as_optional_groups(text: str) -> None:
    """The regex of every kind matches, with the same groups, as before its optional groups
    were written as choices, at every position of a text of their words."""
    low = lower(text)
    for at in range(len(low)):
        plain, written = _PLAIN_MASTER.match(low, at), recognize.MASTER.match(low, at)
        assert (plain and (plain.regs, plain.lastindex)) == (
            written and (written.regs, written.lastindex)
        )


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            ["the", "a", "last", "march", "3", "1990", "'", "\u2019", "\u0663", "\u00b2", "theater",
             "said", " ", "  ", "-", ", ", "(", "\u00e9"]
        ),
        max_size=30,
    ).map("".join)
)  # fmt: skip
def test_the_windows_keep_the_start_words_that_have_a_regex(text: str) -> None:
    """``Scanner._read`` keeps the words of its trie, the digits and the apostrophes that
    start a word as ``\\b`` finds it and have a regex, digits that are not 0-9 included (none)."""
    scanner = scan.Scanner(text)
    low = scanner.low
    scanner._read(0, len(low))
    expected = [
        w.start()
        for w in re.finditer(r"\b[a-z]+|\b\d|(?<![\w'\u2019])['\u2019]", low)
        if scan._matcher(w.group()) is not None
    ]
    assert scanner.starts == expected
