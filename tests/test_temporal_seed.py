"""The seed article (The Hill, published Monday 2018-07-16): every expression the product needs.

About "about four hours ago": the DCT carries no clock time, so the tagger cannot say which
hour; it gives the DCT's day as a TIME, approximate, with mod APPROX (from "about", which TimeML
keeps outside the span). With a clock on the DCT the same phrase is DCT minus four hours. The
TimeML alternative, a PT4H-based value, places nothing on the timeline, which is the product's
whole point.
"""

from __future__ import annotations

from datetime import UTC, date, datetime

from timeline.model import AnchorKind, Granularity, Timex, TimexType
from timeline.temporal import tag

DCT = date(2018, 7, 16)
SEED = (
    "Sen. Rand Paul (R-Ky.) on Monday announced he will be heading to "
    "Russia in the coming weeks, arguing that the U.S. must pursue a "
    "constructive dialogue with Moscow.\n"
    "Paul published a Politico Magazine op-ed titled \u201cTrump Is Right to "
    "Meet Putin\u201d in support of Trump\u2019s historic summit with Russian "
    "President Vladimir Putin in Helsinki on Monday.\n"
    "\u201cIn just a few weeks, I will take my own trip to Russia in an attempt "
    "to discuss common ground with their leaders and help prevent further, "
    "unnecessary escalation of tensions,\u201d Paul wrote.\n"
    "{mosads}\n"
    "\u201cI look forward to consulting with Trump between his visit and mine "
    "and to working with diplomats from both countries to have a successful"
    " trip and better relationships,\u201d Paul continued. \u201cMillions of lives "
    "could be at stake.\u201d\n"
    "Trump and Putin spent over two hours on Monday in a one-on-one "
    "meeting.\n"
    "In response to Trump\u2019s assertion at a press conference after the "
    "meeting that he would rather \u201ctake a political risk in pursuit of "
    "peace, than to risk peace in pursuit of politics,\u201d Paul tweeted, \u201cGlad"
    " to hear it.\u201d\n"
    "Putin at the press conference insisted that Russia never interfered in"
    " 2016, despite Mueller\u2019s indictment of 12 Russian intelligence "
    "officials for hacking U.S. election systems in favor of Republicans "
    "during the recent presidential election.\n"
    "Paul has continually insisted the various investigations into Trump\u2019s "
    "possible ties with Russia is a \u201cwitch hunt\u201d and \u201choax,\u201d echoing "
    "Trump\u2019s opinions on the investigation.\n"
    "Paul on Sunday said he believes it is a \u201cwaste of time\u201d to try to hold"
    " Putin accountable for Russian interference in U.S. elections. He said"
    " the U.S. has influenced elections all over the world, but insisted he"
    " does not think the two countries are \u201cmorally equivalent.\u201d\n"
    "\u201cRussia doesn\u2019t need to be considered our friend,\u201d Paul wrote in "
    "Monday\u2019s Politico op-ed. \u201cBut we certainly have overlapping interests "
    "\u2014 Syria, Islamic terrorism and energy \u2014 that require us to have an "
    "open dialogue and relationship.\u201d\n"
    "\u201cI am thankful that Trump is once again willing to go against the "
    "political elite in Washington and keep the lines of communication to "
    "Moscow open,\u201d Paul wrote.\n"
    "Putin said at the press conference on Monday that establishing peace "
    "in Syria would be a good starting point for improving diplomatic "
    "relations between Russia and the U.S.\n"
    "\u201cOur relationship has never been worse than it is now,\u201d Trump said at "
    "the press conference. \u201cHowever, that changed as of about four hours "
    "ago. I really believe that.\u201d"
)


def at(surface: str, after: str = "") -> Timex:
    """The timex with this surface that first follows ``after`` in the article."""
    start = SEED.index(surface, SEED.index(after) if after else 0)
    for t in tag(SEED, DCT):
        if t.start == start and t.text == surface:
            return t
    raise AssertionError(f"{surface!r} after {after!r} not tagged")


def test_on_monday_is_the_publication_day_never_the_week_before() -> None:
    mondays = [t for t in tag(SEED, DCT) if t.text == "Monday"]
    assert len(mondays) == 5
    for t in mondays:
        assert (t.value, t.granularity) == ("2018-07-16", Granularity.DAY)
        assert t.anchor.kind is AnchorKind.DCT


def test_monday_possessive_is_the_word_monday() -> None:
    t = at("Monday", "wrote in ")
    assert SEED[t.end : t.end + 2] == "\u2019s"
    assert t.value == "2018-07-16"


def test_in_the_coming_weeks_is_an_approximate_future_range() -> None:
    t = at("the coming weeks")
    assert (t.type, t.value, t.approximate) == (TimexType.DATE, "FUTURE_REF", True)
    assert t.interval is not None and t.interval.start == date(2018, 7, 17)
    assert t.interval.end > t.interval.start


def test_in_just_a_few_weeks_is_the_same_kind() -> None:
    t = at("a few weeks", "In just")
    assert (t.value, t.approximate) == ("FUTURE_REF", True)
    assert t.interval is not None and t.interval.start == date(2018, 7, 17)


def test_2016_is_the_whole_year() -> None:
    t = at("2016")
    assert (t.value, t.granularity) == ("2016", Granularity.YEAR)
    assert t.anchor.kind is AnchorKind.ABSOLUTE
    assert t.interval is not None
    assert (t.interval.start, t.interval.end) == (date(2016, 1, 1), date(2016, 12, 31))


def test_on_sunday_is_the_day_before() -> None:
    assert at("Sunday").value == "2018-07-15"


def test_now_is_present_ref() -> None:
    assert at("now", "worse than it is ").value == "PRESENT_REF"


def test_about_four_hours_ago_is_on_the_dct_day_and_approximate() -> None:
    t = at("four hours ago")
    assert (t.type, t.value, t.approximate) == (TimexType.TIME, "2018-07-16", True)
    assert t.mod == "APPROX"


def test_with_a_clock_on_the_dct_four_hours_ago_is_a_clock_time() -> None:
    timexes = tag(SEED, datetime(2018, 7, 16, 16, 30, tzinfo=UTC))
    t = next(t for t in timexes if t.text == "four hours ago")
    assert t.value == "2018-07-16T12:30"


def test_over_two_hours_is_a_duration() -> None:
    t = at("over two hours")
    assert (t.type, t.value, t.mod, t.interval) == (TimexType.DURATION, "PT2H", "MORE_THAN", None)


def test_no_false_positives() -> None:
    surfaces = {t.text.lower() for t in tag(SEED, DCT)}
    assert not surfaces & {"we", "may", "12", "second", "the recent presidential election"}
    # TimeML tags the adjective "recent" alone (PAST_REF); the election is not part of it.
    assert all("election" not in s for s in surfaces)


def test_every_expression_in_the_article() -> None:
    got = [(t.text, t.value) for t in tag(SEED, DCT)]
    assert got == [
        ("Monday", "2018-07-16"),
        ("the coming weeks", "FUTURE_REF"),
        ("Monday", "2018-07-16"),
        ("a few weeks", "FUTURE_REF"),
        ("over two hours", "PT2H"),
        ("Monday", "2018-07-16"),
        ("2016", "2016"),
        ("recent", "PAST_REF"),
        ("Sunday", "2018-07-15"),
        ("Monday", "2018-07-16"),
        ("Monday", "2018-07-16"),
        ("now", "PRESENT_REF"),
        ("four hours ago", "2018-07-16"),
    ]
