"""Editorial control: pins and drops from front matter, warnings for ones matching nothing."""

from __future__ import annotations

from datetime import date

import pytest
from eventkit import DCT, tagged, timex

from timeline.errors import ArticleError
from timeline.extract import extract_events
from timeline.overrides import apply_pins, override_warnings
from timeline.segment import split_sentences

TEXT = "Trump met Putin on Monday. The talks at the summit ended. Paul left that weekend."


def test_pin_replaces_the_value_of_an_expression_found_by_the_tagger() -> None:
    wrong = timex(TEXT, "Monday", "2018-07-09", date(2018, 7, 9))
    pinned = apply_pins(tagged(TEXT, wrong, pins=(("monday", "2018-07-16"),)))
    (t,) = pinned.timexes
    assert (t.value, t.interval.start if t.interval else None) == ("2018-07-16", DCT)
    assert extract_events(pinned)[0].when.value == "2018-07-16"


def test_pin_adds_an_expression_the_tagger_missed() -> None:
    pinned = apply_pins(tagged(TEXT, pins=(("that weekend", "2018-W29-WE"),)))
    (t,) = pinned.timexes
    assert TEXT[t.start:t.end] == "that weekend" and t.interval is not None
    assert t.value == "2018-W29-WE"


def test_pin_with_a_bad_value_names_the_article_and_what_to_write() -> None:
    with pytest.raises(ArticleError, match=r"a\.md: pin 'Monday': 'next week' is not a date"):
        apply_pins(tagged(TEXT, pins=(("Monday", "next week"),)))


def test_drop_removes_the_events_of_matching_sentences() -> None:
    monday = timex(TEXT, "Monday", "2018-07-16", DCT)
    kept = extract_events(tagged(TEXT, monday))
    dropped = extract_events(tagged(TEXT, monday, drops=("TRUMP MET",)))
    assert len(kept) == 1 and dropped == ()


def test_pins_and_drops_that_match_nothing_are_warned_about() -> None:
    t = tagged(TEXT, pins=(("Tuesday", "2018-07-17"),), drops=("Lavrov",))
    warnings = override_warnings([t], [split_sentences(TEXT)])
    assert warnings == (
        "a.md: pin 'Tuesday' matches no text; check its spelling",
        "a.md: drop 'Lavrov' matches no sentence; quote part of one sentence",
    )
    ok = tagged(TEXT, pins=(("Monday", "2018-07-16"),), drops=("summit",))
    assert override_warnings([ok], [split_sentences(TEXT)]) == ()
