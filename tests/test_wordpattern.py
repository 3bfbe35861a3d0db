"""Word alternations factored by first letter match exactly what the flat alternation matches."""

from __future__ import annotations

import random
import re

import pytest

from timeline import dating, narrative, status
from timeline.wordpattern import AtWordStarts, alternation

WORDS = ["said", "says", "say", "announced", "press conference", "op-ed", "a", "an", "the", "s"]
# "\u017fay": a long s, which re.I matches to "s".
TEXT_PIECES = [
    *WORDS, "Said", "SAYS", "\u017fay", "saidx", "xsaid", "said_", " ", ", ", "-", "é", "\n",
]


def _texts() -> list[str]:
    rng = random.Random(5)
    return [
        "".join(rng.choice(TEXT_PIECES) for _ in range(rng.randint(1, 20))) for _ in range(2000)
    ]


@pytest.mark.parametrize("ignore_case", [False, True])
@pytest.mark.parametrize("affixes", [(r"\b", r"\b"), ("", "s?"), ("", "")])
def test_factored_alternation_finds_what_the_flat_one_finds(
    ignore_case: bool, affixes: tuple[str, str]
) -> None:
    before, after = affixes
    flags = re.I if ignore_case else 0
    flat = re.compile(before + "(?:" + "|".join(map(re.escape, WORDS)) + ")" + after, flags)
    factored = re.compile(before + alternation(WORDS, ignore_case=ignore_case) + after, flags)
    assert factored.pattern != flat.pattern
    for text in _texts():
        found = [m.span() for m in factored.finditer(text)]
        assert found == [m.span() for m in flat.finditer(text)]


def test_words_are_grouped_by_initial_in_their_order() -> None:
    assert alternation(["said", "announced", "says", "a"]) == "(?:s(?:aid|ays)|a(?:nnounced|))"
    assert alternation(["Since", "since"], ignore_case=True) == "(?:s(?:ince|ince))"


@pytest.mark.parametrize(("words", "ignore_case"), [([""], False), (["été"], True)])
def test_words_that_cannot_be_factored_safely_are_refused(
    words: list[str], ignore_case: bool
) -> None:
    with pytest.raises(ValueError, match="alternation"):
        alternation(words, ignore_case=ignore_case)


def _sentence_texts() -> list[str]:
    """Texts made of the cue words of dating, status and narrative, near misses, separators."""
    words = [
        *dating._REPORTING.split("|"), *dating._SUBORDINATORS.split("|"), "Since", "WHILE",
        "will", "won't", "won’t", "wo n't", "is going to", "are set to", "plans to",
        "to be held", "we'll", "it’ll", "is still running", "are meeting", "continues",
        "under way", "was", "walked", "ed", "said", "\u017finde", "\u212aill", "x", "_", "said_",
        "3", "é", "press conference", "conferences", "op-ed", "meeting", "recall", "phone call",
        "Summit", "talks",
    ]  # fmt: skip
    separators = [" ", "  ", ", ", "\n", "-", "'", "’", "“", '"', ".", "", "\u00a0", "é"]
    rng = random.Random(11)
    return [
        "".join(rng.choice(words) + rng.choice(separators) for _ in range(rng.randint(0, 12)))
        for _ in range(1500)
    ]


def test_at_word_starts_finds_what_the_pattern_led_by_a_word_boundary_finds() -> None:
    patterns: list[AtWordStarts] = [
        dating._REPORTING_OR_SUBORDINATOR, status._FUTURE, status._ONGOING, status._PAST,
        narrative._NOUN,
    ]
    for pattern in patterns:
        body, flags = pattern._at_start.pattern[1:-1], pattern._at_start.flags
        plain = re.compile(rf"\b{body}", flags)
        for text in _sentence_texts():
            found = pattern.finditer(text)
            assert [(m.start(1), m.end(), m.groupdict()) for m in found] == [
                (m.start(), m.end(), m.groupdict()) for m in plain.finditer(text)
            ], text
            assert pattern.found_in(text) == bool(plain.search(text)), text
