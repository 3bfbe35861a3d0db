"""Extraction on hand-built timexes: which expression dates the event, background events,
narrative inference, generic sentences, status, names and drops."""

from __future__ import annotations

from datetime import date

import pytest
from eventkit import DCT, tagged, timex

from timeline.dating import date_sentence
from timeline.extract import extract_events
from timeline.model import AnchorKind, Granularity, Status, TimexType
from timeline.names import article_names, find_names, known_people

MONDAY = DCT
SUNDAY = date(2018, 7, 15)


def test_main_action_dated_by_its_own_expression_embedded_one_is_background() -> None:
    text = "Putin insisted on Monday that Russia never interfered in 2016."
    t = tagged(
        text,
        timex(text, "Monday", "2018-07-16", MONDAY),
        timex(text, "2016", "2016", date(2016, 1, 1), date(2016, 12, 31),
              granularity=Granularity.YEAR, anchor=AnchorKind.ABSOLUTE),
    )
    main, background = extract_events(t)
    assert (main.when.value, main.background, main.status) == ("2018-07-16", False, "happened")
    assert (background.when.value, background.when.granularity) == ("2016", Granularity.YEAR)
    assert background.background is True
    assert background.citations[0].sentence == main.citations[0].sentence == text
    assert background.citations[0].timex is not None
    assert background.citations[0].timex.text == "2016"


@pytest.mark.parametrize(("sentence", "main"), [
    ("Putin said at the press conference on Monday that Russia acted in 2016.", "Monday"),
    ("Paul on Sunday said he believes Russia meddled in 2016.", "Sunday"),
    ("After meeting Putin on Sunday, Trump flew home on Monday.", "Monday"),
    ("Coats, who spoke on Sunday, will testify on Monday.", "Monday"),
    ("Russia has denied meddling since 2016, Putin said on Monday.", "2016"),
    ("Trump said he misspoke in the 2016 campaign on Monday.", None),
])
def test_choosing_the_dating_expression(sentence: str, main: str | None) -> None:
    found = []
    for needle in ("Monday", "Sunday", "2016"):
        if needle in sentence:
            found.append(timex(sentence, needle, needle, MONDAY))
    found.sort(key=lambda t: t.start)
    dating = date_sentence(sentence, 0, found)
    assert (dating.main.timex.text if dating.main else None) == main


def test_undated_sentence_takes_its_date_from_the_narrative() -> None:
    text = (
        "Trump and Putin held a press conference on Monday. "
        "Putin at the press conference insisted that Russia never interfered."
    )
    events = extract_events(tagged(text, timex(text, "Monday", "2018-07-16", MONDAY)))
    assert len(events) == 2
    inferred = events[1].citations[0]
    assert inferred.inferred is True and inferred.timex is None
    assert inferred.inferred_from is not None and inferred.inferred_from.text == "Monday"
    assert events[1].when.value == "2018-07-16"
    assert inferred.confidence < events[0].citations[0].confidence


def test_undated_sentence_without_reference_back_makes_no_event() -> None:
    text = "Trump met Putin on Monday. Critics were unhappy with a press conference."
    events = extract_events(tagged(text, timex(text, "Monday", "2018-07-16", MONDAY)))
    assert [e.text for e in events] == ["Trump met Putin on Monday."]


def test_general_statements_make_no_event() -> None:
    text = "Relations are bad now. Paul golfs every Friday. The talks lasted two hours."
    t = tagged(
        text,
        timex(text, "now", "PRESENT_REF", MONDAY, granularity=Granularity.VAGUE),
        timex(text, "every Friday", "XXXX-WXX-5", MONDAY, kind=TimexType.SET),
        timex(text, "two hours", "PT2H", MONDAY, kind=TimexType.DURATION),
    )
    assert extract_events(t) == ()


@pytest.mark.parametrize(("sentence", "status"), [
    ("Paul will travel to Russia on Monday.", Status.EXPECTED),
    ("Paul is set to meet Lavrov on Monday.", Status.EXPECTED),
    ("Paul traveled to Russia on Monday.", Status.HAPPENED),
    ("Paul met Lavrov on Monday.", Status.HAPPENED),
    ("Paul is meeting Lavrov on Monday.", Status.ONGOING),
])
def test_status_on_the_article_day_follows_the_tense(sentence: str, status: Status) -> None:
    (event,) = extract_events(tagged(sentence, timex(sentence, "Monday", "2018-07-16", MONDAY)))
    assert event.status is status


def test_vague_future_range_is_expected_and_approximate() -> None:
    text = "“In just a few weeks, I will take my own trip to Russia,” Paul wrote."
    few = timex(text, "a few weeks", "FUTURE_REF", date(2018, 7, 17), date(2018, 9, 10),
                granularity=Granularity.VAGUE, approximate=True)
    (event,) = extract_events(tagged(text, few))
    assert event.status is Status.EXPECTED and event.when.approximate
    assert event.when.interval.start > DCT
    assert event.background is False  # the quote is the news: no other event in the sentence


def test_relative_clock_time_needs_a_known_time_of_day() -> None:
    text = "That changed about four hours ago."
    ago = timex(text, "four hours ago", "2018-07-15T20:00", SUNDAY, granularity=Granularity.TIME)
    assert extract_events(tagged(text, ago)) == ()


def test_dropped_sentences_make_no_events() -> None:
    text = "Trump met Putin on Monday. Paul golfed on Sunday."
    t = tagged(
        text, timex(text, "Monday", "2018-07-16", MONDAY), timex(text, "Sunday", "x", SUNDAY),
        drops=("paul golfed",),
    )
    assert [e.when.interval.start for e in extract_events(t)] == [MONDAY]


def test_event_ids_are_stable_and_distinct() -> None:
    text = "Putin insisted on Monday that Russia never interfered on Monday."
    a = extract_events(tagged(text, timex(text, "Monday", "2018-07-16", MONDAY)))
    b = extract_events(tagged(text, timex(text, "Monday", "2018-07-16", MONDAY)))
    assert [e.id for e in a] == [e.id for e in b]


SENTENCES = [
    "Sen. Rand Paul (R-Ky.) on Monday announced he will be heading to Russia.",
    "Paul published a Politico Magazine op-ed on Monday.",
    "The Monday meeting in July was attended by Deputy Attorney General Rod Rosenstein.",
    "Trump and Putin spent over two hours on Monday in a one-on-one meeting.",
    "Trump said he would go.",
    "The GRU and the Justice Department said so.",
    "Dan Coats, the Director of National Intelligence, who spoke on Monday, will appear.",
]


def test_names_people_and_organizations() -> None:
    known = known_people(SENTENCES)
    assert "Rand Paul" in known and "Rod Rosenstein" in known and "Trump" in known
    assert find_names(SENTENCES[1], known).people == ("Rand Paul",)
    assert find_names(SENTENCES[1], known).organizations == ("Politico Magazine",)
    assert find_names(SENTENCES[3], known).people == ("Trump",)
    assert set(find_names(SENTENCES[5], known).organizations) == {"GRU", "Justice Department"}


def test_names_of_a_whole_article_are_those_of_each_sentence_in_its_context() -> None:
    known = known_people(SENTENCES)
    names_of = article_names(SENTENCES)
    assert [names_of(i) for i in range(len(SENTENCES))] == [
        find_names(s, known) for s in SENTENCES
    ]
    assert names_of(1).people == ("Rand Paul",)


@pytest.mark.parametrize("word", ["Monday", "July", "The", "Sen", "President", "Intelligence"])
def test_calendar_words_and_openers_are_not_people(word: str) -> None:
    known = known_people(SENTENCES)
    assert word not in known
    for sentence in SENTENCES:
        assert word not in find_names(sentence, known).people


def test_a_sentence_naming_a_crowd_gives_an_event_of_at_most_max_names_people() -> None:
    from timeline.model import MAX_NAMES

    surnames = [f"{a}{b}{c}".capitalize() for a in "bdkm" for b in "aeio" for c in "lnrst"]
    crowd = ", ".join(f"Sen. Anna {s}" for s in surnames)  # 80 names
    text = f"On Monday, {crowd}, {crowd.replace('Anna', 'Omar')} met in Helsinki."
    (found,) = extract_events(tagged(text, timex(text, "Monday", "2018-07-16", DCT)))
    assert len(found.people) == MAX_NAMES
    assert found.people[0] == f"Anna {surnames[0]}"
