"""Hostile article text found by fuzzing the per-article stage (``extract_article``): each case
once raised something other than ``ArticleError`` or took time out of proportion to its size.
No timings: each test counts the work done, or runs a size the old code could not finish."""

from __future__ import annotations

import pytest

from timeline import segment
from timeline.segment import split_sentences


def test_periods_that_end_no_sentence_cost_time_in_proportion(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Each period's token (the letters and dots before it) was found by scanning back from
    the sentence's start: a sentence of 80,000 "U.S. " took half a minute. Now the text
    before a period is scanned back only to the period before it."""
    scanned = 0
    real = segment._token_before

    def counting(text: str, begin: int, end: int) -> str:
        nonlocal scanned
        scanned += end - begin
        return real(text, begin, end)

    monkeypatch.setattr(segment, "_token_before", counting)
    for text in ("U.S. " * 20_000, "U.S." * 5_000, "a.B" * 5_000, "Sen. " * 20_000):
        scanned = 0
        sentences = split_sentences(text)
        assert len(sentences) == 1 and sentences[0].text == text.rstrip()
        assert scanned <= len(text)
    assert len(split_sentences("talks.Then " * 1_000)) == 1_001  # those that end still do
