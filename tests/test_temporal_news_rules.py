"""Rules of English news prose the tagger follows, each with a sentence as news writes it.

Each case names the rule it checks; the DCTs are those of the reports the sentences are like.
"""

from __future__ import annotations

from datetime import date

import pytest

from timeline.temporal import tag


def value_of(text: str, dct: date, surface: str) -> str:
    found = [t for t in tag(text, dct) if t.text == surface]
    assert len(found) == 1, f"{surface!r} not found once in {[t.text for t in tag(text, dct)]}"
    return found[0].value


@pytest.mark.parametrize(
    ("text", "dct", "surface", "value"),
    [
        # An irregular past verb marks a past clause as "-ed" does.
        ("The index is within 70 points of its record high set on Aug. 6.",
         date(1998, 2, 6), "Aug. 6", "1997-08-06"),
        ("Yeltsin met in July with Clinton.", date(1998, 2, 6), "July", "1997-07"),
        # "was expected", "were planning": a past auxiliary before a future cue looks ahead.
        ("Protesters planned a demonstration in Little Havana on Saturday and were planning to "
         "drive around the airport.", date(2000, 1, 7), "Saturday", "2000-01-08"),
        ("On Friday, the rebels were expected to free the hostages.", date(2018, 7, 18), "Friday",
         "2018-07-20"),
        # An "-ed" word after an article or an adverb is an adjective, not the verb.
        ("The split would be paid on a still unspecified date in January.",
         date(1989, 10, 26), "January", "1990-01"),
        # A participle far after the expression does not override the clause's verb.
        ("Qantas will almost double its flights to India by August in the search for new "
         "markets untouched by the crisis.", date(1998, 2, 13), "August", "1998-08"),
        # An agreement "to" do something points nowhere: the nearest such month is meant.
        ("The bid was rejected by Thermo Electron, which agreed to purchase the line in February.",
         date(1989, 10, 30), "February", "1990-02"),
        ("Society Corp. agreed in June to buy Trustcorp.", date(1989, 10, 30), "June", "1989-06"),
        ("The bank announced an agreement to acquire the company in January.",
         date(1989, 11, 2), "January", "1990-01"),
    ],
)  # fmt: skip
def test_tense_of_the_clause(text: str, dct: date, surface: str, value: str) -> None:
    assert value_of(text, dct, surface) == value
