"""What the tagger must make of news sentences: one parametrized case per product rule.

Every case is tagged against the DCT of the seed article, Monday 2018-07-16, and checks the
expression's surface, value and what it stands for.
"""

from __future__ import annotations

from datetime import date

import pytest

from timeline.model import AnchorKind, Granularity, Timex, TimexType
from timeline.temporal import tag

DCT = date(2018, 7, 16)  # a Monday


def only(text: str, surface: str) -> Timex:
    found = [t for t in tag(text, DCT) if t.text == surface]
    assert len(found) == 1, f"{surface!r} not found once in {[t.text for t in tag(text, DCT)]}"
    return found[0]


@pytest.mark.parametrize(
    ("text", "surface", "value"),
    [
        # tense decides which way an unmarked weekday points
        ("Paul said Tuesday that he would go.", "Tuesday", "2018-07-10"),
        ("The Senate will vote Friday on the bill.", "Friday", "2018-07-20"),
        ("Lawmakers voted Friday to approve it.", "Friday", "2018-07-13"),
        ("The summit is to take place Wednesday in Helsinki.", "Wednesday", "2018-07-18"),
        ("The results will be announced Friday.", "Friday", "2018-07-20"),
        ("The results were announced Friday.", "Friday", "2018-07-13"),
        ("Trump will meet Putin Thursday, officials said.", "Thursday", "2018-07-19"),
        # the DCT's own weekday is the DCT
        ("Paul said Monday that he would travel.", "Monday", "2018-07-16"),
        ("The summit was held in Helsinki on Monday.", "Monday", "2018-07-16"),
        # last / next / this
        ("He met Putin last Friday.", "last Friday", "2018-07-13"),
        ("He will meet Putin next Friday.", "next Friday", "2018-07-20"),
        ("He will meet Putin this Friday.", "this Friday", "2018-07-20"),
        ("He met Putin last Monday.", "last Monday", "2018-07-09"),
        # possessives are reported, hence past, unless plainly future
        ("Friday's indictment named 12 Russian officers.", "Friday", "2018-07-13"),
        ("Paul wrote in Monday's Politico op-ed.", "Monday", "2018-07-16"),
        ("Saturday's rally will be the largest yet.", "Saturday", "2018-07-21"),
    ],
)
def test_weekdays(text: str, surface: str, value: str) -> None:
    t = only(text, surface)
    assert (t.type, t.value, t.granularity) == (TimexType.DATE, value, Granularity.DAY)
    assert t.anchor.kind is AnchorKind.DCT


@pytest.mark.parametrize(
    ("text", "surface", "value", "kind"),
    [
        ("Protesters gathered Wednesday night outside the embassy.", "Wednesday night",
         "2018-07-11TNI", TimexType.DATE),
        ("Crowds will gather Wednesday night in Helsinki.", "Wednesday night",
         "2018-07-18TNI", TimexType.DATE),
        ("Trump said this morning that he was pleased.", "this morning", "2018-07-16TMO",
         TimexType.TIME),
        ("The meeting begins at 4 p.m. EDT.", "4 p.m. EDT", "2018-07-16T16:00", TimexType.TIME),
        ("The talks ended at 4 p.m. EDT Tuesday.", "4 p.m. EDT Tuesday", "2018-07-10T16:00",
         TimexType.TIME),
        ("The plane landed at 10:35 a.m.", "10:35 a.m.", "2018-07-16T10:35", TimexType.TIME),
        ("The polls close at midnight.", "midnight", "2018-07-16T24:00", TimexType.TIME),
        ("He spoke tonight in Helsinki.", "tonight", "2018-07-16TNI", TimexType.TIME),
        ("The storm hit last night.", "last night", "2018-07-15TNI", TimexType.TIME),
    ],
)  # fmt: skip
def test_parts_of_day_and_clock_times(text: str, surface: str, value: str, kind: TimexType) -> None:
    t = only(text, surface)
    assert (t.type, t.value) == (kind, value)
    assert t.interval is not None and t.interval.days == 1


def test_early_thursday_is_the_start_of_that_day() -> None:
    t = only("The vote was held early Thursday.", "early Thursday")
    assert (t.value, t.mod) == ("2018-07-12", "START")


@pytest.mark.parametrize(
    ("text", "surface", "value", "granularity", "days"),
    [
        ("The report will be released in October.", "October", "2018-10", Granularity.MONTH, 31),
        ("Sales rose in March after the merger.", "March", "2018-03", Granularity.MONTH, 31),
        ("Sales rose March 15 after the merger.", "March 15", "2018-03-15", Granularity.DAY, 1),
        ("The law takes effect Jan. 3.", "Jan. 3", "2019-01-03", Granularity.DAY, 1),
        ("The deal closed Dec. 12, 2017.", "Dec. 12, 2017", "2017-12-12", Granularity.DAY, 1),
        ("It was signed in July 2015.", "July 2015", "2015-07", Granularity.MONTH, 31),
        ("Russia interfered in 2016.", "2016", "2016", Granularity.YEAR, 366),
        ("In the 1990s, the economy boomed.", "the 1990s", "199", Granularity.DECADE, 3652),
        ("The firm expects a rebound this fall.", "this fall", "2018-FA", Granularity.SEASON, 91),
        ("The firm lost money last summer.", "last summer", "2017-SU", Granularity.SEASON, 92),
        ("Profit fell in the third quarter of 1989.", "the third quarter of 1989", "1989-Q3",
         Granularity.QUARTER, 92),
        ("Revenue in the first half rose 5%.", "the first half", "2018-H1", Granularity.HALF, 181),
        ("Earnings for fiscal 2017 fell.", "fiscal 2017", "2017", Granularity.YEAR, 365),
        ("The fireworks on Independence Day drew crowds.", "Independence Day", "2018-07-04",
         Granularity.DAY, 1),
        ("Stores were busy at Christmas.", "Christmas", "2017-12-25", Granularity.DAY, 1),
        ("Families gathered on Thanksgiving.", "Thanksgiving", "2017-11-23", Granularity.DAY, 1),
        ("He said he will be home by New Year's Day.", "New Year's Day", "2019-01-01",
         Granularity.DAY, 1),
    ],
)  # fmt: skip
def test_calendar_expressions(
    text: str, surface: str, value: str, granularity: Granularity, days: int
) -> None:
    t = only(text, surface)
    assert (t.value, t.granularity) == (value, granularity)
    assert t.interval is not None and t.interval.days == days


@pytest.mark.parametrize(
    ("text", "surface", "value"),
    [
        ("Atlanta, nineteen ninety-six: a bomb blast.", "nineteen ninety-six", "1996"),
        ("His promise to halve unemployment by the year two thousand.", "the year two thousand",
         "2000"),
        ("Prices fell in the winter of nineteen ninety-four.",
         "the winter of nineteen ninety-four", "1994-WI"),
        ("It happened in January nineteen ninety-seven.", "January nineteen ninety-seven",
         "1997-01"),
    ],
)  # fmt: skip
def test_spoken_years_in_broadcast_transcripts(text: str, surface: str, value: str) -> None:
    assert only(text, surface).value == value


@pytest.mark.parametrize(
    ("text", "surface", "value", "mod"),
    [
        ("The deal should close by year-end.", "year-end", "2018", "END"),
        ("Capital rules should be in place by year's end.", "year's end", "2018", "END"),
        ("It was the worst war of the 20th century.", "the 20th century", "19", None),
        ("This quarter's loss includes a charge.", "This quarter", "2018-Q2", None),
        ("Costs rose in the year-ago quarter.", "the year-ago quarter", "2017-Q2", None),
        ("Sales fell in the quarter ended Sept. 30, 2017.", "the quarter", "2017-Q3", None),
        ("Planting was delayed earlier in the year by rain.", "earlier in the year", "2018", None),
        ("Rates will stay low in the near term.", "the near term", "FUTURE_REF", None),
    ],
)
def test_report_periods(text: str, surface: str, value: str, mod: str | None) -> None:
    t = only(text, surface)
    assert (t.value, t.mod) == (value, mod)


def test_a_year_is_never_a_day() -> None:
    t = only("Putin insisted that Russia never interfered in 2016.", "2016")
    assert t.interval is not None
    assert (t.interval.start, t.interval.end) == (date(2016, 1, 1), date(2016, 12, 31))


@pytest.mark.parametrize(
    ("text", "surface", "value"),
    [
        ("He arrived yesterday.", "yesterday", "2018-07-15"),
        ("He rests today.", "today", "2018-07-16"),
        ("He leaves tomorrow.", "tomorrow", "2018-07-17"),
        ("Sales fell last week.", "last week", "2018-W28"),
        ("Talks resume next week.", "next week", "2018-W30"),
        ("The summit is this week.", "this week", "2018-W29"),
        ("Sales rose last month.", "last month", "2018-06"),
        ("Sales will rise next year.", "next year", "2019"),
        ("The protest took place last weekend.", "last weekend", "2018-W28-WE"),
        ("The deal closed two years ago.", "two years ago", "2016"),
        ("The plant closed three months ago.", "three months ago", "2018-04"),
        ("A year ago, the plant closed.", "A year ago", "2017"),
        ("Earlier this month, the firm cut jobs.", "Earlier this month", "2018-07"),
        ("The firm will hire later this year.", "later this year", "2018"),
        ("He will go in three weeks.", "three weeks", "2018-08-06"),
    ],
)
def test_relative_to_the_dct(text: str, surface: str, value: str) -> None:
    t = only(text, surface)
    assert t.value == value
    assert t.anchor == tag("now", DCT)[0].anchor  # DCT anchor, value 2018-07-16
    assert t.anchor.value == "2018-07-16"


def test_earlier_and_later_this_month_cut_the_interval_at_the_dct() -> None:
    earlier = only("Earlier this month, the firm cut jobs.", "Earlier this month")
    later = only("The firm will hire later this month.", "later this month")
    assert earlier.interval is not None and later.interval is not None
    assert (earlier.interval.start, earlier.interval.end) == (date(2018, 7, 1), date(2018, 7, 15))
    assert (later.interval.start, later.interval.end) == (date(2018, 7, 17), date(2018, 7, 31))


def test_the_end_of_the_year() -> None:
    t = only("The firm will report by the end of the year.", "the end of the year")
    assert (t.value, t.mod) == ("2018", "END")
    assert t.interval is not None and t.interval.end == date(2018, 12, 31)
    assert t.interval.start > date(2018, 7, 16)


def test_narrative_anchoring_follows_the_last_date() -> None:
    text = (
        "The vote was on May 5. The day before, protesters marched. The following week, "
        "the law passed. Two days later, it was signed. Later that week, he resigned. "
        "That same day, she left."
    )
    got = {t.text: t for t in tag(text, DCT)}
    assert got["May 5"].value == "2018-05-05"
    expected = {"The day before": "2018-05-04", "The following week": "2018-W19",
                "Two days later": "2018-05-07", "Later that week": "2018-W18",
                "That same day": "2018-05-05"}  # fmt: skip
    for surface, value in expected.items():
        assert got[surface].value == value, surface
        assert got[surface].anchor.kind is AnchorKind.NARRATIVE
        assert got[surface].anchor.value == "2018-05-05"
        assert got[surface].anchor.offset == text.index("May 5")


@pytest.mark.parametrize(
    ("text", "surface", "value", "mod"),
    [
        ("He served three years in prison.", "three years", "P3Y", None),
        ("He stayed for two weeks.", "two weeks", "P2W", None),
        ("The strike lasted 24 hours.", "24 hours", "PT24H", None),
        ("It took several months.", "several months", "PXM", None),
        ("Prices rose over the past three years.", "the past three years", "P3Y", None),
        ("Trump and Putin spent over two hours in a meeting.", "over two hours", "PT2H",
         "MORE_THAN"),
        ("He waited about 5 1/2 hours.", "5 1/2 hours", "PT5H30M", "APPROX"),
        ("The fight went on for years.", "years", "PXY", None),
    ],
)  # fmt: skip
def test_durations(text: str, surface: str, value: str, mod: str | None) -> None:
    t = only(text, surface)
    assert (t.type, t.value, t.mod) == (TimexType.DURATION, value, mod)
    assert t.interval is None and t.anchor.kind is AnchorKind.NONE


@pytest.mark.parametrize(
    ("text", "surface", "value", "quant"),
    [
        ("The board meets every Friday.", "every Friday", "XXXX-WXX-5", "EVERY"),
        ("The magazine is published weekly.", "weekly", "P1W", None),
        ("Dividends are paid annually.", "annually", "P1Y", None),
        ("The rallies take place daily.", "daily", "P1D", None),
        ("The fund pays $1.76 a year.", "a year", "P1Y", None),
        ("He prays each day.", "each day", "P1D", "EVERY"),
    ],
)
def test_sets(text: str, surface: str, value: str, quant: str | None) -> None:
    t = only(text, surface)
    assert (t.type, t.value, t.quant) == (TimexType.SET, value, quant)
    assert t.interval is None


@pytest.mark.parametrize(
    ("text", "surface", "value"),
    [
        ("Right now, the talks are stalled.", "now", "PRESENT_REF"),
        ("She is currently in Moscow.", "currently", "PRESENT_REF"),
        ("He recently said so.", "recently", "PAST_REF"),
        ("In the past, Russia did so.", "the past", "PAST_REF"),
        ("Nobody knows what the future holds.", "the future", "FUTURE_REF"),
    ],
)
def test_vague_references(text: str, surface: str, value: str) -> None:
    t = only(text, surface)
    assert (t.type, t.value, t.granularity) == (TimexType.DATE, value, Granularity.VAGUE)


@pytest.mark.parametrize(
    ("text", "surface", "last_day"),
    [
        ("He will go to Russia in the coming weeks.", "the coming weeks", date(2018, 9, 10)),
        ("In just a few weeks, I will take my own trip.", "a few weeks", date(2018, 9, 10)),
        ("Rates may fall in the coming months.", "the coming months", date(2019, 1, 16)),
    ],
)
def test_coming_weeks_are_an_approximate_future_range(
    text: str, surface: str, last_day: date
) -> None:
    t = only(text, surface)
    assert (t.value, t.approximate, t.granularity) == ("FUTURE_REF", True, Granularity.VAGUE)
    assert t.interval is not None
    assert (t.interval.start, t.interval.end) == (date(2018, 7, 17), last_day)


@pytest.mark.parametrize(
    ("text", "surface", "value"),
    [
        ("The file is dated 2018-07-16.", "2018-07-16", "2018-07-16"),
        ("The file is dated 7/16/2018.", "7/16/2018", "2018-07-16"),
        ("The file is dated 16.07.2018.", "16.07.2018", "2018-07-16"),
        ("The file is dated 3/4/2018.", "3/4/2018", "2018-03-04"),
        ("The file was stamped 2018-07-16T09:30.", "2018-07-16T09:30", "2018-07-16T09:30"),
    ],
)
def test_numeric_formats(text: str, surface: str, value: str) -> None:
    t = only(text, surface)
    assert t.value == value and t.anchor.kind is AnchorKind.ABSOLUTE


@pytest.mark.parametrize(
    "text",
    [
        "You may go if you wish.",
        "They march on Washington.",
        "A march on Washington is planned.",
        "We will win, we said.",
        "It happened a second time.",
        "12 officers were charged.",
        "April Ryan asked a question.",
        "June Carter sang.",
        "Prices fall when supply rises.",
        "The fall of the Berlin Wall changed Europe.",
        "He owns 1,500 shares and paid $2016 for them.",
        "A 6-year-old boy was rescued.",
        "The company raised its quarterly dividend.",
        "He said a quarter of the vote was lost.",
        'Gonzalez said on CBS\'s "60 Minutes."',
        'It recalled Gary Cooper in the film "High Noon."',
        'Baker said on ABC\'s "This Week With David Brinkley" that talks would go on.',
        "This is VOA Today.",
        "Two thousand people marched.",
        "Dinosaurs died out 65 million years ago.",
        "Humans left Africa about 125,000 years ago.",
    ],
)
def test_false_positives_are_not_tagged(text: str) -> None:
    assert tag(text, DCT) == ()


@pytest.mark.parametrize(
    ("text", "surface"),
    [
        ("Today, the Senate votes.", "Today"),
        ('"Today is a sad day," he said.', "Today"),
        ("He said: Now is the time.", "Now"),
        ("The flights leave each Thursday from August 6.", "each Thursday"),
    ],
)
def test_capitals_at_a_sentence_start_or_in_names_of_days_are_fine(text: str, surface: str) -> None:
    assert surface in [t.text for t in tag(text, DCT)]


def test_may_and_march_are_months_with_a_day_or_after_a_preposition() -> None:
    got = [(t.text, t.value) for t in tag("The law passed in May. It took effect March 3.", DCT)]
    assert got == [("May", "2018-05"), ("March 3", "2018-03-03")]
