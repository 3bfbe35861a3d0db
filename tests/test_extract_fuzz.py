"""Hostile article text found by fuzzing the per-article stage (``extract_article``): each case
once raised something other than ``ArticleError`` or took time out of proportion to its size.
No timings: each test counts the work done, or runs a size the old code could not finish."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import UTC, datetime
from typing import Any, ClassVar, SupportsIndex

import pytest
from conftest import CopyCountingText

from timeline import dating, names, segment
from timeline.api import tag_article
from timeline.dating import Region
from timeline.evidence import MARK_CLOSE, MARK_OPEN
from timeline.extract import placeable
from timeline.model import Article, Timex
from timeline.names import find_names
from timeline.narrative import Anchored, day_of, event_nouns, refer_back
from timeline.render_article import article_body_html
from timeline.segment import split_sentences


def _article(text: str) -> Article:
    return Article(
        slug="a", path="a.md", title="A", text=text, published=datetime(2018, 7, 16, tzinfo=UTC)
    )


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


class _CountedList(list[Timex]):
    walks = 0

    def __iter__(self) -> Iterator[Timex]:
        self.walks += 1
        return super().__iter__()


def test_each_event_noun_finds_its_nearest_expression_without_trying_all() -> None:
    """Every event noun of a sentence tried every expression of it for the nearest: a sentence
    of thousands of each ("the meeting on Monday and …", 200 KB) took minutes."""
    text = "the meeting on Monday and the vote on July 3 and " * 200
    tagged = tag_article(_article(text))
    timexes = _CountedList(t for t in tagged.timexes if placeable(t, tagged.article))
    assert len(timexes) == 400
    found = event_nouns(text, 0, timexes, 0)
    assert timexes.walks <= 2  # not one walk for each of the 400 nouns
    assert len(found) == 400
    for m, anchored in zip(re.finditer(r"meeting|vote", text), found, strict=True):
        nearest = min(timexes, key=lambda t: (abs(t.start - m.start()), t.start))
        assert anchored == Anchored(m.group(), day_of(nearest), 0)


class _CountedRegions(list[Region]):
    walks = 0

    def __iter__(self) -> Iterator[Region]:
        self.walks += 1
        return super().__iter__()


def test_each_expression_finds_its_regions_without_trying_all(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Each expression of a sentence was tested against every embedded region of it: a
    sentence of thousands of each ("the day before the day before …", every "before" opening
    a region) took time growing with its square."""
    text = "the day before " * 300 + "Monday, he said “it was on Monday” after the vote."
    tagged = tag_article(_article(text))
    timexes = [t for t in tagged.timexes if placeable(t, tagged.article)]
    assert len(timexes) > 250
    plain = dating.regions(text)
    counted = _CountedRegions(plain)
    monkeypatch.setattr(dating, "regions", lambda _: counted)
    got = dating.date_sentence(text, 0, timexes)
    assert counted.walks <= 2  # not one walk for each expression
    for d in [got.main, *got.background]:  # as each expression tested against all found
        assert d is not None
        region = dating._embedding(text, d.timex.start, d.timex.end, plain)
        assert d.kind == (region[2] if region else "")


@pytest.mark.parametrize("sentence", [
    "the 2016 election and " * 300,  # was: the text before each expression searched
    "before Monday and " * 300,  # was: the text before each "before" copied and stripped
])
def test_a_sentence_is_dated_without_copying_it_for_each_expression(sentence: str) -> None:
    tagged = tag_article(_article(sentence))
    timexes = [t for t in tagged.timexes if placeable(t, tagged.article)]
    assert len(timexes) == 300
    text = CopyCountingText(sentence)
    got = dating.date_sentence(text, 0, timexes)
    assert text.copied <= len(sentence)
    assert got == dating.date_sentence(sentence, 0, timexes)


class _SlicedList(list[str]):
    """Words that count the items their slices copy (slices are counted lists too)."""

    copied: ClassVar[list[int]] = [0]  # shared by a list and its slices

    def __getitem__(self, key: SupportsIndex | slice) -> Any:
        part = super().__getitem__(key)
        if isinstance(key, slice):
            self.copied[0] += len(part)
            return _SlicedList(part)
        return part


def test_a_long_capitalized_run_is_read_without_copying_it_for_each_word() -> None:
    """Leading function words and titles were dropped from a capitalized run one list slice
    at a time: "A of of of … B" (thousands) took time growing with its square."""
    run = "A" + " of" * 3_000 + " President Vladimir Putin"
    assert find_names(run).people == ("Vladimir Putin",)
    words = _SlicedList(run.split())
    titled, rest = names._split_title(words)
    assert titled and rest == ["Vladimir", "Putin"]
    assert words.copied[0] <= 2


class _CountedSpans(list[tuple[int, int]]):
    walks = 0

    def __iter__(self) -> Iterator[tuple[int, int]]:
        self.walks += 1
        return super().__iter__()


def test_each_noun_phrase_is_tested_against_the_dated_spans_without_trying_all() -> None:
    """Each definite noun phrase of an undated sentence was tested against every expression of
    it: "He said that the vote on Tuesday and the vote on Tuesday …" (thousands, after a
    dated meeting) took time growing with its square."""
    sentence = "He said that " + "the vote on Tuesday and " * 300 + "the meeting went on."
    spans = _CountedSpans(
        (m.start(), m.end()) for m in re.finditer("Tuesday", sentence)
    )
    monday = tag_article(_article("The meeting was on Monday.")).timexes[0]
    known = {"meeting": Anchored("meeting", monday, 0)}
    assert refer_back(sentence, known, spans) == known["meeting"]
    assert spans.walks <= 2  # not one walk for each of the 300 phrases
    assert refer_back(sentence, known, [*spans, (len(sentence) - 14, len(sentence) - 13)]) is None


class _CountedSearches:
    def __init__(self, pattern: re.Pattern[str]) -> None:
        self.pattern, self.calls = pattern, 0

    def search(self, text: str, pos: int = 0) -> re.Match[str] | None:
        self.calls += 1
        return self.pattern.search(text, pos)


def test_reporting_verbs_share_the_complement_they_find(monkeypatch: pytest.MonkeyPatch) -> None:
    """After each reporting verb the text was searched for its complement: "said said said …
    he" (40 KB) took 13 s, each search running to the end. A verb whose complement lies after
    the next verb shares it."""
    counted = _CountedSearches(dating._COMPLEMENT_START)
    monkeypatch.setattr(dating, "_COMPLEMENT_START", counted)
    text = "said " * 1_000 + "he left on Monday"
    assert dating.regions(text) == [(5_000, len(text), "report")] * 1_000
    assert counted.calls <= 2
    # and as before, each verb's own complement when they differ
    assert dating.regions("He said he left, she said that it ended") == [
        (8, 39, "report"), (26, 39, "report"),
    ]
    quoted = "“a said b” " * 500 + "said it"  # verbs in quotes open no region
    assert dating.regions(quoted)[-1] == (len(quoted) - 2, len(quoted), "report")
    assert len(dating.regions(quoted)) == 501


def test_a_sentence_ending_inside_a_link_title_ends_there() -> None:
    """A sentence that ended inside a link's title (an attribute, where its end mark is
    dropped) stayed open and wrapped every later stretch of the article: a run of them made
    a body growing with the square of the text (40 KB, 56 MB)."""
    text = 'Xyz. [Ab](http://x "Then. Next") ' * 300
    body = article_body_html(tag_article(_article(text)))
    assert len(body) < 10 * len(text)
    one = article_body_html(tag_article(_article('Xyz. [Ab](http://x "Then. Next") Done.')))
    # the sentence "[Ab](http://x "Then." ends in the title: its links go after the link
    assert one.count(f"{MARK_OPEN}c") == 1 and f'</a>{MARK_OPEN}a5:25{MARK_CLOSE}' in one


@pytest.mark.parametrize(("reference", "harmless"), [
    ("&#xF0001;", "&#x0FFFD;"), ("&#983041;", "&#065533;"), ("&#xFFFF1;", "&#x0FFFD;"),
    ("<b>&#x0F0001</b>", "<b>&#x00FFFD</b>"),  # raw HTML: read without the ";" too
])
def test_the_text_cannot_forge_a_sentinel_with_a_character_reference(
    reference: str, harmless: str,
) -> None:
    """Spans are marked in the source with private-use characters, which the text's own are
    replaced in; but a character reference to one ("&#xF0001;", span 0's end) was written out
    by the sanitizer as the character itself, and read as a sentinel: it ended the sentence
    there (or started a span, or made a mark for ``bind_reports``)."""
    forged = f"Talks began on Monday {reference} and went on. Then they ended."
    plain = forged.replace(reference, harmless)
    body = article_body_html(tag_article(_article(forged)))
    assert body == article_body_html(tag_article(_article(plain)))
    assert "\ufffd" in body
