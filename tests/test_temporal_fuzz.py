"""Hostile and edge-case input for the tagger: it reads untrusted article text, so whatever the
text and DCT, ``tag`` returns timexes (possibly none) and never raises."""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterator
from datetime import date
from typing import Any

import pytest
from conftest import CopyCountingText
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from timeline.model import Timex
from timeline.temporal import multilingual, tag
from timeline.temporal.lexicon import words
from timeline.temporal.multilingual_rules import Lang
from timeline.temporal.values import interval_of


def _well_formed(text: str, found: tuple[Timex, ...]) -> None:
    assert isinstance(found, tuple)
    end = 0
    for t in found:
        assert isinstance(t, Timex)
        assert end <= t.start < t.end <= len(text)
        assert text[t.start : t.end] == t.text
        end = t.end


@pytest.mark.parametrize(
    ("text", "dct"),
    [
        # the latest May before a DCT in year 1 would be in year 0 ("0000-05")
        ("He said the 999th day of May.", date(1, 1, 1)),
        ("It rained in May.", date(1, 3, 1)),
        # winter of 9999 ends in February of year 10000
        ("next winter", date(9999, 1, 1)),
        ("It will be cold next winter.", date(9999, 6, 1)),
    ],
)
def test_a_value_whose_interval_is_outside_the_calendar_is_not_tagged(text: str, dct: date) -> None:
    _well_formed(text, tag(text, dct))


@pytest.mark.parametrize(
    ("value", "start", "end"),
    [
        ("9999-Q4", date(9999, 10, 1), date(9999, 12, 31)),
        ("9999-H2", date(9999, 7, 1), date(9999, 12, 31)),
        ("2016-Q1", date(2016, 1, 1), date(2016, 3, 31)),
        ("2018-H1", date(2018, 1, 1), date(2018, 6, 30)),
    ],
)
def test_the_last_quarter_and_half_of_9999_have_an_interval(
    value: str, start: date, end: date
) -> None:
    interval, _ = interval_of(value)  # type: ignore[misc]
    assert (interval.start, interval.end) == (start, end)


def test_the_last_quarter_of_9999_is_tagged() -> None:
    text = "the fourth quarter of 9999"
    found = tag(text, date(9999, 12, 31))
    _well_formed(text, found)
    assert [t.value for t in found] == ["9999-Q4"]


class _CountingPattern:
    """A compiled regex that counts the characters its searches are given to read."""

    def __init__(self, pattern: re.Pattern[str]) -> None:
        self.pattern = pattern
        self.read = 0

    def _span(self, text: str, pos: int, endpos: int | None) -> None:
        self.read += (len(text) if endpos is None else min(endpos, len(text))) - pos

    def finditer(
        self, text: str, pos: int = 0, endpos: int | None = None
    ) -> Iterator[re.Match[str]]:
        self._span(text, pos, endpos)
        return self.pattern.finditer(text, pos, len(text) if endpos is None else endpos)

    def search(self, text: str, pos: int = 0, endpos: int | None = None) -> re.Match[str] | None:
        self._span(text, pos, endpos)
        return self.pattern.search(text, pos, len(text) if endpos is None else endpos)


@pytest.mark.parametrize(
    ("lang", "sentence", "value"),
    [
        ("fr", "Il est venu le 30 septembre. ", "2017-09-30"),
        ("de", "Er kam am 30. September. ", "2017-09-30"),
        ("es", "Llegó el 30 de septiembre. ", "2017-09-30"),
        ("ru", "Он приехал 30 сентября. ", "2017-09-30"),
    ],
)
def test_the_sentences_of_a_long_text_are_read_once(
    monkeypatch: pytest.MonkeyPatch, lang: str, sentence: str, value: str
) -> None:
    # Each yearless date asks for its sentence (the tense decides its year): that was found
    # by reading the text from its beginning up to the date, for every date
    counting = _CountingPattern(multilingual._SENTENCE_END)
    monkeypatch.setattr(multilingual, "_SENTENCE_END", counting)
    text = sentence * 2000
    found = tag(text, date(2018, 7, 16), lang)
    _well_formed(text, found)
    assert [t.value for t in found] == [value] * 2000
    assert counting.read <= 4 * len(text)


class _CountingTimex(Timex):
    """A Timex that counts the reads of its offsets."""

    reads = 0

    def __getattribute__(self, name: str) -> Any:
        if name in ("start", "end"):
            _CountingTimex.reads += 1
        return super().__getattribute__(name)


def test_many_overlapping_expressions_are_chosen_among_in_order(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # "Sept. 30 Sept. 30 ...": each "30" is the day of the month before it and of the one
    # after it, so half of the readings overlap others. Each was compared with every one
    # chosen before it: quadratic (20,000 repetitions took minutes).
    monkeypatch.setattr(multilingual, "Timex", _CountingTimex)
    text = "Sept. 30 " * 3000
    _CountingTimex.reads = 0
    found = tag(text, date(2018, 7, 16), "fr")
    reads = _CountingTimex.reads
    _well_formed(text, found)
    assert len(found) == 2999
    assert {(t.text, t.value) for t in found} == {("30 Sept.", "2017-09-30")}
    assert reads <= 20 * 2 * len(found)


def test_tense_cues_are_read_near_each_expression_in_a_text_without_stops(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # A text without "." or newlines is one sentence: each yearless date read all of it for
    # its tense cues ("wird", "hat"), quadratic in the text
    counting: list[_CountingPattern] = []
    compiled = multilingual.compiled

    def counted(code: str) -> Lang:
        lang = compiled(code)
        counting.append(_CountingPattern(lang.tense))
        return dataclasses.replace(lang, tense=counting[-1])  # type: ignore[arg-type]

    monkeypatch.setattr(multilingual, "compiled", counted)
    text = "Er kam am 3. Mai und " * 3000
    found = tag(text, date(2018, 7, 16), "de")
    _well_formed(text, found)
    assert [t.value for t in found] == ["2018-05-03"] * 3000
    # (a few thousand characters around each, whatever the text's length)
    assert counting[0].read <= len(found) * 3000


@pytest.mark.parametrize(
    ("lang", "unit", "found_per_unit"),
    [
        # a capitalized weekday mid-sentence is a name: whether it opens its sentence was
        # asked by copying the sentence up to it
        ("fr", "Lundi et ", 0),
        # "hoy en día" was looked for in a copy of the rest of the text after each "hoy"
        ("es", "hoy y ", 1),
    ],
)
def test_a_long_text_without_stops_is_not_copied_for_each_expression(
    lang: str, unit: str, found_per_unit: int
) -> None:
    n = 3000
    text = CopyCountingText(unit * n)
    found = tag(text, date(2018, 7, 16), lang)
    assert len(found) in (found_per_unit * n, found_per_unit * n + 1)
    assert text.copied <= 50 * len(text)


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        # "İ" lower-cases to two characters, "i" and a combining dot: the English scanner's
        # lower-cased copy keeps the first, so "aprİl" matches "april", but the month read from
        # the text is "apri\u0307l", in no table
        ("en", "in Aprİl 2018"),
        ("en", "Aprİl 5, 2018"),
        # the other languages' patterns ignore case, and "İ" matches "i" there too
        ("fr", "Il viendra vendredİ."),
        ("fr", "le 3 avrİl"),
        ("fr", "hİer"),
        ("de", "am 3. Aprİl"),
    ],
)
def test_a_name_that_lower_cases_to_another_word_is_not_an_error(lang: str, text: str) -> None:
    _well_formed(text, tag(text, date(2018, 7, 16), lang))


_WORDS = [
    *words(
        """Monday Friday Jan. Sept. May the last next this early mid end of year years month week
    day quarter fiscal ago later earlier before from now today yesterday tomorrow morning noon
    p.m. 1990s '90s 21st century first fourth Christmas summer every nineteen ninety and or
    about 0 1 12 24 30 31 1999 2018 9999 10000 2018-07-16 7/16/2018 16.07.2018 lundi janvier
    hier Montag Januar gestern lunes enero ayer понедельник января вчера - / . , '"""
    ),
    # a dotted capital I, a long s, a combining accent, a right-to-left mark, NUL, an
    # Arabic-Indic three, a fullwidth 1999, a newline
    *("\u0130", "\u017f", "\u0301", "\u200f", "\x00", "\u0663", "\uff11\uff19\uff19\uff19", "\n"),
]


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    words=st.lists(st.one_of(st.sampled_from(_WORDS), st.text(max_size=6)), max_size=40),
    seps=st.sampled_from([" ", "", "-", ". ", "\n"]),
    dct=st.one_of(
        st.sampled_from([date(1, 1, 1), date(9999, 12, 31), date(2000, 2, 29), date(2018, 7, 16)]),
        st.dates(),
    ),
    lang=st.sampled_from(["en", "de", "fr", "es", "ru"]),
)
def test_any_text_at_any_dct_gives_well_formed_timexes(
    words: list[str], seps: str, dct: date, lang: str
) -> None:
    text = seps.join(words)
    _well_formed(text, tag(text, dct, lang))
