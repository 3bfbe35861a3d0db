"""Sentence segmentation on a gold set of tricky news text (tests/data/segment_gold.json)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from timeline.segment import split_sentences

GOLD = json.loads((Path(__file__).parent / "data" / "segment_gold.json").read_text("utf-8"))

# Needs a lexicon to tell "U.S. Officials said" from "U.S. Senate voted"; a known limit.
KNOWN_MISSES = {"The talks were held in the U.S. Officials said they went well."}


@pytest.mark.parametrize(
    "case",
    [
        pytest.param(c, marks=pytest.mark.xfail(strict=True, reason="known limit"))
        if c["text"] in KNOWN_MISSES else c
        for c in GOLD
    ],
    ids=[c["text"][:40] for c in GOLD],
)
def test_gold_case(case: dict[str, object]) -> None:
    assert [s.text for s in split_sentences(str(case["text"]))] == case["sentences"]


def test_gold_accuracy_stays_high() -> None:
    exact = sum(
        [s.text for s in split_sentences(c["text"])] == c["sentences"] for c in GOLD
    )
    assert exact / len(GOLD) >= 0.95


def test_spans_point_into_the_text_and_are_numbered() -> None:
    text = (
        "WASHINGTON — Sen. Paul spoke.\n\n- He left at 2 p.m. Monday.\n1. Putin agreed. Trump too."
    )
    sentences = split_sentences(text)
    assert [s.text for s in sentences] == [
        "WASHINGTON — Sen. Paul spoke.", "He left at 2 p.m. Monday.", "Putin agreed.", "Trump too.",
    ]
    for i, s in enumerate(sentences):
        assert text[s.start:s.end] == s.text
        assert s.index == i


@pytest.mark.parametrize("text", ["", "\n\n", "   ", "{mosads}"])
def test_degenerate_input(text: str) -> None:
    assert len(split_sentences(text)) == (1 if text.strip() else 0)


def test_decimal_and_money_never_split() -> None:
    assert len(split_sentences("Shares rose 3.5 percent to $4.25 on Monday.")) == 1


def test_missing_space_after_period_still_splits() -> None:
    assert [s.text for s in split_sentences("He landed on Monday.Talks began.")] == [
        "He landed on Monday.", "Talks began.",
    ]


def test_end_marks_match_as_the_plain_pattern_did() -> None:
    """``_BOUNDARY`` takes a run of end marks whole, from its start (so a long run costs time in
    proportion to it, not to its square); it finds what the plain pattern found wherever a
    line can start (never inside such a run), on random strings of marks, quotes and letters."""
    import random
    import re

    from timeline.segment import _BOUNDARY

    plain = re.compile(r"[.!?…]+[\"'”’)\]]*(?=\s*[\"'“‘`(\[]?[A-Z0-9])")
    alphabet = ".!?…\"'”’)] Aa1([`“‘\n\t"
    rnd = random.Random(7)
    for _ in range(20000):
        text = "".join(rnd.choice(alphabet) for _ in range(rnd.randint(0, 30)))
        for start in range(min(len(text), 4)):
            if start and text[start - 1] in ".!?…":
                continue
            assert [m.span() for m in _BOUNDARY.finditer(text, start)] == [
                m.span() for m in plain.finditer(text, start)
            ], (text, start)
    assert split_sentences("." * 100_000 + " Then it ended.")[-1].text == "Then it ended."
