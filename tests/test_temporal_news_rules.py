"""Rules of English news prose the tagger follows, each with a sentence as news writes it.

Each case names the rule it checks; the DCTs are those of the reports the sentences are like.
"""

from __future__ import annotations

from datetime import date

import pytest

from timeline.temporal import tag


def found_in(text: str, dct: date) -> list[tuple[str, str]]:
    """(surface, value) of every expression tagged in ``text``."""
    return [(t.text, t.value) for t in tag(text, dct)]


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
        # An opening "until" says nothing of the tense; the clause after it does.
        ("Until Thursday, they had not called Kopp a suspect.", date(1999, 5, 7), "Thursday",
         "1999-05-06"),
        ("Until Monday, the office will stay closed.", date(1999, 5, 7), "Monday", "1999-05-10"),
        ("The bank announced an agreement to acquire the company in January.",
         date(1989, 11, 2), "January", "1990-01"),
    ],
)  # fmt: skip
def test_tense_of_the_clause(text: str, dct: date, surface: str, value: str) -> None:
    assert value_of(text, dct, surface) == value


@pytest.mark.parametrize(
    ("text", "dct", "surface", "value"),
    [
        # The quarter reported is the latest one named, not one named in passing after it.
        ("Kimberly-Clark posted a 20% gain in third-quarter net income. After a flat second "
         "quarter, it cited higher prices. The gain was helped by charges taken in the "
         "year-earlier period.", date(1989, 11, 1), "the year-earlier period", "1988-Q3"),
        # ... nor a quarter still to come.
        ("Bethlehem posted a 54% drop in third-quarter profit. Analysts expect losses through "
         "the third quarter of 1990. In the year-ago period, Bethlehem earned $101.4 million.",
         date(1989, 10, 26), "the year-ago period", "1988-Q3"),
        # "the quarter" names the quarter reported again: "a year ago" is that quarter's.
        ("Valley Federal reported a third-quarter loss. It expects record earnings in 1990. "
         "Loans were $6.6 million in the quarter compared with $361.8 million a year ago.",
         date(1989, 11, 2), "a year ago", "1988-Q3"),
        ("Net fell in the third quarter. U.K. sales for last year's quarter were $3 million.",
         date(1989, 11, 1), "last year's quarter", "1988-Q3"),
        # A quarter of this year that has not begun, reported in the past tense, is last year's.
        ("AT&T announced an 18 percent drop in profits for the fourth quarter.",
         date(1998, 1, 26), "the fourth quarter", "1997-Q4"),
        ("AT&T expects profits to rise in the fourth quarter.", date(1998, 1, 26),
         "the fourth quarter", "1998-Q4"),
        ("Net was C$4.7 million for the fiscal-first quarter ended Sept. 30.",
         date(1989, 10, 26), "the fiscal-first quarter", "1989-Q1"),
        # The date that ends a period leaves that period the topic.
        ("Net was C$4.7 million for the fiscal-first quarter ended Sept. 30. The company had a "
         "loss of C$2.3 million a year ago.", date(1989, 10, 26), "a year ago", "1988-Q1"),
        # A year-ago quarter named with its year is not counted from again.
        ("Travelers posted third-quarter net of $24 million, compared with a loss of $195 "
         "million in the 1988 period. The year-ago results included a charge.",
         date(1989, 11, 2), "year-ago", "1988-Q3"),
        # A quarter named by its end date is the calendar quarter of that date, even after a
        # fiscal quarter's name (issue #3).
        ("Sun earned $5.2 million in the fiscal first quarter. It reported sales of $538.5 "
         "million for the quarter ended Sept. 29.", date(1989, 10, 26), "the quarter", "1989-Q3"),
    ],
)  # fmt: skip
def test_company_report_periods(text: str, dct: date, surface: str, value: str) -> None:
    assert value_of(text, dct, surface) == value


def test_the_week_of_a_date_is_that_week() -> None:
    text = "The case may be resolved in a court hearing the week of March 6, a cousin said."
    (week,) = tag(text, date(2000, 2, 24))
    assert (week.text, week.value) == ("the week of March 6", "2000-W10")


def test_then_current_is_a_past_present() -> None:
    text = "Holders may buy shares at 50% of the then current market price."
    (then,) = tag(text, date(1989, 10, 26))
    assert (then.text, then.value) == ("then current", "PAST_REF")


def test_one_day_after_a_modal_is_the_future() -> None:
    text = "Islam will one day be the second largest religion in the United States."
    (some_day,) = tag(text, date(1998, 3, 3))
    assert (some_day.text, some_day.value) == ("one day", "FUTURE_REF")
    (length,) = tag("The strike lasted one day.", date(1998, 3, 3))
    assert length.value == "P1D"


def test_before_or_after_a_gerund_is_not_part_of_the_expression() -> None:
    text = "The president's son met with Sununu last week after holding a series of talks."
    assert [t.text for t in tag(text, date(1991, 12, 3))] == ["last week"]
    (before,) = tag("He had golfed the day before.", date(1991, 12, 3))
    assert before.text == "the day before"


def test_a_season_after_into_or_throughout() -> None:
    text = "Sun could not meet demand for its newest computers well into the summer."
    (summer,) = tag(text, date(1989, 10, 26))
    assert (summer.text, summer.value) == ("the summer", "1989-SU")


def test_todays_youth_is_not_the_dct() -> None:
    text = "The case of Elian is for today's youth what the revolution was for their parents."
    assert [t.text for t in tag(text, date(2000, 1, 7))] == []
    (meeting,) = tag("Today's meeting was cancelled.", date(2000, 1, 7))
    assert meeting.value == "2000-01-07"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "soon" in a past narrative is shortly after that past event, not the future
        ("Remittances triggered a trickle of cash from Miami that soon became a flood.", []),
        ("He had probably been killed soon after being captured.", []),
        ("Prosecutors have told him that they may soon seek an indictment.", ["FUTURE_REF"]),
        ("The strategy is expected to be applied soon in selected markets.", ["FUTURE_REF"]),
        # "the future of" a thing is its prospects
        ("That is very important to the future of our peoples.", []),
        ("Air strikes will continue well into the future.", ["FUTURE_REF"]),
    ],
)
def test_vague_references(text: str, expected: list[str]) -> None:
    assert [t.value for t in tag(text, date(1998, 2, 13))] == expected


@pytest.mark.parametrize(
    ("text", "value"),
    [
        # a scheduled event in the present tense, with no other tense cue, is ahead
        ("Netanyahu and Arafat meet separately Monday with Albright.", "1998-05-04"),
        ("The Senate votes Tuesday on the bill.", "1998-05-05"),
        # a past verb is past
        ("Netanyahu met Monday with Albright.", "1998-04-27"),
    ],
)
def test_scheduled_present_tense(text: str, value: str) -> None:
    found = [t.value for t in tag(text, date(1998, 5, 1)) if t.text in ("Monday", "Tuesday")]
    assert found == [value]


def test_a_holiday_week_is_that_week() -> None:
    (week,) = tag("Protesters prayed for divine help as Easter week began.", date(2000, 4, 17))
    assert (week.text, week.value) == ("Easter week", "2000-W16")


def test_half_of_a_decade_is_in_that_decade() -> None:
    text = "Sales follow the trend that has characterized the last half of the '80s."
    assert [t.value for t in tag(text, date(1989, 10, 26))] == ["198"]


@pytest.mark.parametrize(
    ("text", "dct", "surface", "type_", "value"),
    [
        # A fraction of a unit is written in the next smaller one.
        ("Most had lived in U.N.-run refugee camps for 2 1/2 years.", date(1998, 2, 27),
         "2 1/2 years", "DURATION", "P2Y6M"),
        ("The talks dragged on for a year and a half.", date(1998, 2, 27),
         "a year and a half", "DURATION", "P1Y6M"),
        ("Albright will spend a day and a half in the region.", date(1998, 2, 27),
         "a day and a half", "DURATION", "P1DT12H"),
        ("He spoke for half an hour.", date(1998, 2, 27), "half an hour", "DURATION", "PT30M"),
        # "N minutes later", "a few days later": TimeBank tags the amount, not a guessed clock
        # time or a FUTURE_REF, and leaves the direction word out.
        ("But a minute and a half later, a pilot from a nearby ship saw the flash.",
         date(1998, 1, 14), "a minute and a half", "DURATION", "PT1M30S"),
        ("His wife tried to revive him. Just over an hour later, he was declared dead.",
         date(1998, 10, 25), "Just over an hour", "DURATION", "PT1H"),
        ("The chairman resigned. A few days later, American Medical announced a buyer.",
         date(1989, 10, 27), "A few days", "DURATION", "PXD"),
        # Quarter talk: "the quarter a year ago" is the year-ago quarter; "the year-earlier
        # nine months" is an amount of nine months.
        ("Columbia had a third-quarter loss of $226.3 million. For the quarter a year ago, "
         "Columbia reported earnings of $31 million.", date(1989, 10, 26),
         "the quarter a year ago", "DATE", "1988-Q3"),
        ("Net for the year-earlier nine months also included a gain of $9.7 million.",
         date(1989, 10, 26), "the year-earlier nine months", "DURATION", "P9M"),
    ],
)  # fmt: skip
def test_amounts_of_time(text: str, dct: date, surface: str, type_: str, value: str) -> None:
    found = [(str(t.type), t.value) for t in tag(text, dct) if t.text == surface]
    assert found == [(type_, value)]


def test_an_index_level_is_not_a_year() -> None:
    text = "The FT-SE 100 index shed 47.3 points to close at 2082.1, down 4.5%."
    assert tag(text, date(1989, 10, 30)) == ()


@pytest.mark.parametrize(
    "text",
    [
        "Its stock rose to a high for the year of $42.875 a share in July.",
        "Earnings declined through the first nine months of the year.",
    ],
)
def test_the_year_after_for_or_of_is_the_current_year(text: str) -> None:
    assert value_of(text, date(1989, 10, 30), "the year") == "1989"


def test_the_year_in_a_title_is_not_a_date() -> None:
    assert tag("He was named Man of the Year.", date(1989, 10, 30)) == ()


def test_the_first_of_the_year_is_not_this_year() -> None:
    text = "A second meeting would wait until after the first of the year."
    assert [t.value for t in tag(text, date(2018, 8, 7))] != ["2018"]


def test_the_corresponding_period_last_year_is_one_expression() -> None:
    text = (
        "Fiber Technology posted a third-quarter loss, compared with net income of $1.8 million "
        "for the corresponding period last year."
    )
    found = found_in(text, date(1989, 11, 1))
    assert found[-1] == ("the corresponding period last year", "1988-Q3")


@pytest.mark.parametrize(
    ("text", "surface", "value"),
    [
        # An amount of time used as an adjective is tagged without the article before it.
        ("It is a boy hero symbolizing the government's decades-long battle with exiles.",
         "decades-long", "PXY"),
        ("Kenya was hoping for an end to a years-old slump in foreign tourism.",
         "years-old", "PXY"),
        ("The family emerged from their third day-long meeting with federal officials.",
         "day-long", "P1D"),
        ("Workers began a month-long strike.", "month-long", "P1M"),
        ("The court set aside the 14-day deadline.", "14-day", "P14D"),
        ("Iraq ended the eight-year war with Iran.", "eight-year", "P8Y"),
        # Decades without a count are counted in years, as counted ones are.
        ("For decades, Cuban Americans in Miami have sent money home.", "decades", "PXY"),
    ],
)  # fmt: skip
def test_amounts_as_adjectives(text: str, surface: str, value: str) -> None:
    assert value_of(text, date(2000, 1, 15), surface) == value


def test_an_age_is_not_tagged() -> None:
    assert tag("A 6-year-old boy was rescued at sea.", date(2000, 1, 15)) == ()


@pytest.mark.parametrize(
    "text",
    [
        # "high noon": a showdown, not a clock time
        "``For the people of Poland, high noon comes at last,'' he said.",
        # "the past" before a count is part of an amount, not the vague past
        "Marches have led to violence in Northern Ireland for the past three summers.",
    ],
)
def test_not_times(text: str) -> None:
    assert tag(text, date(1999, 3, 12)) == ()


def test_nearly_is_inside_the_span() -> None:
    # TimeBank keeps "nearly" inside the expression (7 of 8 in TBAQ), as it does "almost".
    (found,) = tag("The talks have dragged on for nearly two years.", date(1998, 3, 1))
    assert (found.text, found.value, found.mod) == ("nearly two years", "P2Y", "LESS_THAN")


@pytest.mark.parametrize(
    ("text", "surface", "value"),
    [
        # the fiscal year under way, as "the current fiscal year" is
        ("The charge will result in lower earnings for the fiscal year.", "the fiscal year",
         "1989"),
        # the latest fiscal year is the last one completed
        ("The unit had C$8 billion in sales in the latest fiscal year.",
         "the latest fiscal year", "1988"),
    ],
)  # fmt: skip
def test_fiscal_years(text: str, surface: str, value: str) -> None:
    assert value_of(text, date(1989, 11, 2), surface) == value


@pytest.mark.parametrize(
    ("text", "surface", "value"),
    [
        ("The March accession will enable the three to take part in NATO's summit.", "March",
         "1999-03"),
        ("The lease may be extended for an additional year.", "an additional year", "P1Y"),
        ("The inspectors stayed an extra week.", "an extra week", "P1W"),
    ],
)  # fmt: skip
def test_months_as_adjectives_and_one_more_unit(text: str, surface: str, value: str) -> None:
    assert value_of(text, date(1999, 2, 10), surface) == value


@pytest.mark.parametrize(
    "text", ["He gave to the March of Dimes.", "They joined the March on Rome."]
)
def test_march_as_a_name(text: str) -> None:
    assert tag(text, date(1999, 2, 10)) == ()


@pytest.mark.parametrize(
    "text",
    [
        "The index rose 5.39 to 452.76 on Friday. For the week, the index dropped 3.8%.",
        "Volume was 840.8 million shares, the week's most active session.",
    ],
)
def test_a_bare_week_is_an_unspecified_week(text: str) -> None:
    # TimeBank writes "the week", with nothing saying which, as an unspecified week
    assert value_of(text, date(1989, 10, 30), "the week") == "1989-WXX"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a shared plural makes both weekdays recurrences
        ("Two new flights would leave Bombay on Monday and Tuesday nights from March 30.",
         [("Monday", "XXXX-WXX-1TNI"), ("Tuesday nights", "XXXX-WXX-2TNI"),
          ("March 30", "1998-03-30")]),
        # plural weekdays were not found at all
        ("The shop closes on Tuesdays.", [("Tuesdays", "XXXX-WXX-2")]),
    ],
)  # fmt: skip
def test_recurring_weekdays(text: str, expected: list[tuple[str, str]]) -> None:
    assert found_in(text, date(1998, 2, 13)) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Sales are expected to rise in April and May.",
         [("April", "1998-04"), ("May", "1998-05")]),
        ("Sales rose in April and May.", [("April", "1997-04"), ("May", "1997-05")]),
        ("The talks ran from December 1996 and January.",
         [("December 1996", "1996-12"), ("January", "1997-01")]),
    ],
)  # fmt: skip
def test_a_coordinated_month_follows_the_first(text: str, expected: list[tuple[str, str]]) -> None:
    assert found_in(text, date(1998, 3, 4)) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "the Nth day of" something going on now is the DCT...
        ("Police pressed into the Serbian province of Kosovo. It's the second day of an "
         "offensive by the special police.", [("the second day", "1998-03-06")]),
        # ... and elsewhere it is not known
        ("Witnesses testified on the third day of the trial.", []),
    ],
)  # fmt: skip
def test_the_nth_day_of(text: str, expected: list[tuple[str, str]]) -> None:
    assert found_in(text, date(1998, 3, 6)) == expected


@pytest.mark.parametrize(
    ("text", "surface", "value"),
    [
        # after the quarter, the report compares its nine months: last year's, not the quarter
        ("America West reported third-quarter profit jumped 45% to $5.8 million from $4 million "
         "a year earlier. For the nine months, America West posted earnings of $18.9 million, "
         "compared with a loss of $9.7 million a year earlier.", "a year earlier.", "1988"),
        ("Travelers's third-quarter net income rose 11%. In the first nine months, net was $306 "
         "million, compared with a loss of $195 million in the 1988 period. The year-ago results "
         "included a $415 million charge.", "the 1988 period", "1988"),
        ("RMS said it had a loss in the third quarter. For the nine months, the company reported "
         "a net loss of $608,413, compared with year-earlier net income of $967,809.",
         "year-earlier", "1988"),
        ("Norton's net rose in the third quarter. For the nine months, Norton had net of $81.2 "
         "million. In the year-earlier period, the company had net of $77.2 million.",
         "the year-earlier period", "1988"),
        # the quarter's own comparison is unchanged
        ("Savin reported a third-quarter net loss. Revenue declined 8% to $85.7 million, from "
         "$93.3 million a year earlier.", "a year earlier", "1988-Q3"),
    ],
)  # fmt: skip
def test_a_year_earlier_after_nine_months(text: str, surface: str, value: str) -> None:
    found = [t.value for t in tag(text, date(1989, 10, 26)) if t.text == surface.rstrip(".")]
    assert found[-1] == value


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a sentence-opening "Now," or "Now for" turns the discourse, it does not say when
        ("During that time, Control Data had losses of more than $1 billion.  Now, following "
         "asset sales that shrank revenue, the company is profitable.", []),
        ('"Iraq was ready to withdraw." Now, he says, "it looks like the West wants war."', []),
        ("Now for today's geography quiz.", [("today", "1998-01-08")]),
        # "now" before the clause it dates is tagged as before
        ("Keating was released from prison. Now the ninth US circuit court of appeals has ruled.",
         [("Now", "PRESENT_REF")]),
        ("For now, the State Department says, employees can work elsewhere.",
         [("now", "PRESENT_REF")]),
    ],
)  # fmt: skip
def test_a_discourse_now_is_not_a_time(text: str, expected: list[tuple[str, str]]) -> None:
    assert found_in(text, date(1998, 1, 8)) == expected


def test_overnight_is_the_night_before_the_day_told() -> None:
    # a Monday report of Friday's trading: "overnight" is Thursday night, and "the previous
    # Friday" counts from there
    text = ("London share prices closed sharply lower Friday in active trading.  London shares "
            "were depressed initially by overnight losses in New York.  The index shed 47.3 "
            "points, down 4.5% from the previous Friday.")  # fmt: skip
    found = found_in(text, date(1989, 10, 30))
    assert found == [("Friday", "1989-10-27"), ("overnight", "1989-10-26TNI"),
                     ("the previous Friday", "1989-10-20")]  # fmt: skip
    # with the DCT's own day told, or none, it is the night before the DCT
    assert value_of("Prices fell overnight.", date(1989, 10, 30), "overnight") == "1989-10-29TNI"


@pytest.mark.parametrize(
    ("text", "value"),
    [
        # set off by a comma after a date, "the day before <event>" names that same date
        ("Eight trading days after Oct. 12, the day before the stock market plunge, the Nasdaq "
         "Composite had fallen 6%.", "1989-10-12"),
        ("Kopp was last seen Nov. 3, the day before authorities issued a material witness "
         "warrant.", "1989-11-03"),
        # on its own it still counts back from the date
        ("Kopp was last seen Nov. 3. The day before, he had called a friend.", "1989-11-02"),
    ],
)  # fmt: skip
def test_the_day_before_in_apposition(text: str, value: str) -> None:
    assert [t.value for t in tag(text, date(1989, 11, 30))][-1] == value


@pytest.mark.parametrize(
    ("text", "value"),
    [
        # a plan in the past perfect was overtaken: its weekday is behind the DCT
        ("The offer, which Telerate's directors rejected, previously had been scheduled to "
         "expire at midnight Friday.", "1989-10-27T24:00"),
        ("The companies had planned to sign the agreement Tuesday.", "1989-10-24"),
        # a present plan still looks ahead
        ("The offer is scheduled to expire at midnight Friday.", "1989-11-03T24:00"),
    ],
)  # fmt: skip
def test_a_past_perfect_plan_is_past(text: str, value: str) -> None:
    assert [t.value for t in tag(text, date(1989, 10, 30))] == [value]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "most recently" before a date focuses on that date, which is the expression
        ("Three times, doctors on the list were killed, most recently last October when Dr. "
         "Barnett Slepian was gunned down.", [("last October", "1998-10")]),
        ("The Klan has more recently moved its rallies.", [("recently", "PAST_REF")]),
        # "the people of tomorrow" is the future in general, not the day after the DCT
        ('"If I were choosing the people of tomorrow, I would have chosen the board."', []),
        ("The offer expires at the close of tomorrow.", [("tomorrow", "1999-01-23")]),
        ("As of tomorrow, the fares rise.", [("tomorrow", "1999-01-23")]),
    ],
)  # fmt: skip
def test_a_date_after_most_recently_and_generic_tomorrow(
    text: str, expected: list[tuple[str, str]]
) -> None:
    assert found_in(text, date(1999, 1, 22)) == expected


@pytest.mark.parametrize(
    ("text", "value"),
    [
        # a quarter reported in the past tense has closed, though the calendar's is under way:
        # it is a fiscal quarter, and "the latest period" is that one
        ("Ralston Purina Co. reported a 47% decline in fourth-quarter earnings. Sales in the "
         "latest period were $1.76 billion.", "1989-Q4"),
        # a charge expected in the quarter under way does not make it the one reported
        ("The earthquake will result in a fourth-quarter charge. Earnings fell 59% in the latest "
         "quarter.", "1989-Q3"),
    ],
)  # fmt: skip
def test_a_fiscal_quarter_reported_as_closed(text: str, value: str) -> None:
    assert [t.value for t in tag(text, date(1989, 11, 2))][-1] == value


@pytest.mark.parametrize(
    ("text", "value"),
    [
        # a quarter named by its end date is the calendar quarter it mostly falls in
        ("In the quarter ended July 31, Jayark had an average of 3.7 million shares.", "1989-Q2"),
        ("For the quarter ended Sept. 30, Delta posted net income of $133.1 million.", "1989-Q3"),
        ("For the quarter ended Oct. 1, the retailer posted a loss.", "1989-Q3"),
        ("In the quarter ended Jan. 31, the company lost money.", "1988-Q4"),
    ],
)  # fmt: skip
def test_a_quarter_ended_on_a_date(text: str, value: str) -> None:
    assert tag(text, date(1989, 10, 30))[0].value == value


@pytest.mark.parametrize(
    ("text", "value"),
    [
        # issue #3: the end date wins over the fiscal quarter the report named before
        ("The company reported a loss for its fiscal first quarter. The quarter ended Sept. 30, "
         "1989, included a charge.", "1989-Q3"),
        ("The company reported earnings for its fiscal first quarter. The quarter ended Sept. 30 "
         "included a charge.", "1989-Q3"),
        ("Apple reported earnings for its fiscal first quarter. The quarter ended Dec. 31, 1988, "
         "was its best.", "1988-Q4"),
        ("Kmart posted a profit in its fiscal second quarter. The quarter ended June 30 was "
         "strong.", "1989-Q2"),
    ],
)  # fmt: skip
def test_an_end_date_wins_over_a_fiscal_quarter(text: str, value: str) -> None:
    found = [t for t in tag(text, date(1989, 11, 2)) if t.text == "The quarter"]
    assert [t.value for t in found] == [value]


def test_since_year_end_is_the_last_one() -> None:
    # "since year-end" looks back to the end of last year; "by year-end" ahead to this one's
    text = "The percentage change is since year-end. The deal should close by year-end."
    found = [(t.text, t.value, t.mod) for t in tag(text, date(1989, 10, 30))]
    assert found == [("year-end", "1988", "END"), ("year-end", "1989", "END")]


def test_an_opening_phrase_takes_the_tense_of_a_distant_verb() -> None:
    # the main verb ("killed") comes after an apposition and abbreviations ("vs.", "Ala.")
    text = ("In January, a week after the 25th anniversary of the Roe vs. Wade Supreme Court "
            "decision, a clinic bombing in Birmingham, Ala., killed a security guard.")  # fmt: skip
    assert value_of(text, date(1998, 10, 25), "January") == "1998-01"


@pytest.mark.parametrize(
    ("text", "value"),
    [
        # in a quarterly report, a figure "compared with ... last year" is the year-ago quarter
        ("In the latest quarter, Aetna had a $23 million loss on its auto/homeowners line, "
         "compared with earnings of $33 million last year.", "1988-Q3"),
        ("Ralston Purina Co. reported a decline in fourth-quarter earnings. Sales in the latest "
         "period were $1.76 billion, a 13% increase from last year's $1.55 billion.", "1988-Q4"),
        # not when it opens its own sentence, nor outside quarterly talk
        ("Aetna had a loss in the third quarter. Last year catastrophe losses totaled $5 "
         "million.", "1988"),
        ("Sales rose to $20 million from $18 million last year.", "1988"),
    ],
)  # fmt: skip
def test_last_year_compared_in_a_quarterly_report(text: str, value: str) -> None:
    assert tag(text, date(1989, 11, 2))[-1].value == value


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # two quarters or six months at either end of a named year are its half
        ("Bethlehem expects the trend to continue through at least the first two quarters of "
         "1990, when the industry will see the effects.", [("first two quarters of 1990",
                                                            "1990-H1")]),
        ("Profit rose in the last six months of last year.", [("last six months of last year",
                                                               "1988-H2")]),
        # with no year named it stays an amount of time
        ("Sales rose in the first two quarters.", [("the first two quarters", "P2Q")]),
    ],
)  # fmt: skip
def test_half_a_named_year(text: str, expected: list[tuple[str, str]]) -> None:
    assert found_in(text, date(1989, 10, 26)) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a year closing a name ("Orion 1980") is not a date ...
        ("With American astronaut Jon McBride, Farkas set up a joint venture called Orion 1980, "
         "manufacturing space-travel related technology.", []),
        # ... but a date's own words before it keep it one
        ("He fled to Florida in June 1998, and returned.", [("June 1998", "1998-06")]),
        ("Sales rose in Fiscal 1989.", [("1989", "1989")]),
        ("The Clinton 1996 campaign spent more.", [("1996", "1996")]),
    ],
)  # fmt: skip
def test_a_year_closing_a_name(text: str, expected: list[tuple[str, str]]) -> None:
    assert found_in(text, date(1998, 4, 18)) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "that day" with no day told before it belongs to an imagined course of events
        ('"You get a news item, it hits, you have strong redemptions that day and for two days '
         'following," says Mr. Lipper.', [("two days", "P2D")]),
        # with a day told before it, it is that day
        ("Slepian was killed on Oct. 23, 1998. Earlier that day, the family sent a fax.",
         [("Oct. 23, 1998", "1998-10-23"), ("Earlier that day", "1998-10-23")]),
    ],
)  # fmt: skip
def test_that_day_needs_a_day_told(text: str, expected: list[tuple[str, str]]) -> None:
    assert found_in(text, date(1989, 10, 27)) == expected


def test_the_early_hours_of_a_day_are_not_an_amount() -> None:
    # "the early hours of Thursday morning" is a time of that day, which the day expresses
    text = ("The FBI arrested Mohamed at the city's airport in the early hours of Thursday "
            "morning as he was about to be deported.")  # fmt: skip
    assert found_in(text, date(1999, 10, 8)) == [
        ("Thursday morning", "1999-10-07TMO")
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "24 hours a day", "seven days a week" mean all the time: neither amount nor rate
        ("If an armed police officer has to be stationed outside every abortion provider's "
         "home and office, 24 hours a day, let it be done.", []),
        ("The clinic is now guarded seven days a week.", [("now", "PRESENT_REF")]),
        # a rate and an amount stay
        ("We are doing dozens of interviews a day.", [("a day", "P1D")]),
        ("The search took 24 hours.", [("24 hours", "PT24H")]),
    ],
)  # fmt: skip
def test_round_the_clock_is_not_a_time(text: str, expected: list[tuple[str, str]]) -> None:
    assert found_in(text, date(1998, 10, 25)) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "daily" as a noun names a newspaper, not a recurrence
        ("The Communist Party daily Granma compared Elian with religious figures.", []),
        ("The newspaper of Cuba's Communist Party, daily Gramma, published a letter Thursday.",
         [("Thursday", "2000-02-10")]),
        ("The business daily said the talks had failed.", []),
        ("It was first reported by a daily newspaper.", []),
        # the adverb and the adjective of a recurrence stay
        ("The government has held such rallies almost daily.", [("daily", "P1D")]),
        ("Qantas plans daily flights between Sydney and Bombay.", [("daily", "P1D")]),
        ("The museum is open daily except Mondays.",
         [("daily", "P1D"), ("Mondays", "XXXX-WXX-1")]),
    ],
)  # fmt: skip
def test_a_daily_newspaper_is_not_a_set(text: str, expected: list[tuple[str, str]]) -> None:
    assert found_in(text, date(2000, 2, 10)) == expected


def test_an_end_date_does_not_rename_the_fiscal_quarter() -> None:
    # "the quarter" without an end date is still the fiscal quarter the report named
    text = ("Sun earned $5.2 million in the fiscal first quarter. It reported sales of $538.5 "
            "million for the quarter ended Sept. 29. Sun shipped 28,000 systems in the quarter.")
    found = [(t.text, t.value) for t in tag(text, date(1989, 10, 26)) if "quarter" in t.text]
    assert found == [("the fiscal first quarter", "1989-Q1"), ("the quarter", "1989-Q3"),
                     ("the quarter", "1989-Q1")]


@pytest.mark.parametrize(
    ("text", "dct", "expected"),
    [
        # after "in", "over", "during", a vague stretch up to now says when, not how long
        ("Rates, a barometer of economic stability, have fallen in the last few months.",
         date(1998, 2, 6), [("the last few months", "PAST_REF")]),
        ("Unisys struggled to overcome weakness in the U.S. over the past several quarters.",
         date(1989, 10, 30), [("the past several quarters", "PAST_REF")]),
        ("Of course, there were sell programs in past years, too.",
         date(1989, 10, 30), [("past years", "PAST_REF")]),
        # a stretch after "for", or with a number, is still an amount of time
        ("He has lived there for the past few years.", date(1989, 10, 30),
         [("the past few years", "PXY")]),
        ("Profit rose over the past three years.", date(1989, 10, 30),
         [("the past three years", "P3Y")]),
        # "future" with a unit looks ahead
        ("Unisys has tax-loss carry-forwards that will cut tax payments in future quarters.",
         date(1989, 10, 30), [("future quarters", "FUTURE_REF")]),
    ],
)  # fmt: skip
def test_a_vague_stretch_after_in_is_a_time(
    text: str, dct: date, expected: list[tuple[str, str]]
) -> None:
    assert found_in(text, dct) == expected


def test_a_vague_past_stretch_ends_before_the_dct() -> None:
    (found,) = tag("Rates have fallen in the last few months.", date(1998, 2, 6))
    assert found.interval is not None
    assert found.interval.end < date(1998, 2, 6) and found.interval.start < date(1998, 1, 1)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a present perfect says the stretch still runs: the month that ends it is the next one
        ("A group of lenders has extended Control Data up to $90 million in revolving loans "
         "through January.", [("January", "1990-01")]),
        # a year-to-date figure "through June" is this year's June, behind the DCT
        ("Sales have climbed 5% through June.", [("June", "1989-06")]),
        ("Sales rose 5% through June.", [("June", "1989-06")]),
    ],
)  # fmt: skip
def test_a_running_stretch_ends_at_the_next_month(
    text: str, expected: list[tuple[str, str]]
) -> None:
    assert found_in(text, date(1989, 10, 30)) == expected


def test_a_year_earlier_follows_the_quarter_an_end_date_closes() -> None:
    # after the fiscal quarter's name, "the quarter ended Sept. 29" is the calendar third
    # quarter, and the year-earlier figure compared with it is that quarter's a year before
    text = ("Sun earned $5.2 million in the fiscal first quarter. It reported sales of $538.5 "
            "million for the quarter ended Sept. 29, up 39% from $388.5 million a year earlier.")
    found = found_in(text, date(1989, 10, 26))
    assert ("the quarter", "1989-Q3") in found
    assert ("a year earlier", "1988-Q3") in found


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "for a while", "for some time": an amount of time, of unknown length
        ("We're going to have to live without it for a while.", [("a while", "PXX")]),
        ("Bush suggested that American forces could be in the gulf region for some time.",
         [("some time", "PXX")]),
        # without "for", not an amount
        ("Once in a while the talks stall.", []),
        ("It took some time to agree.", []),
    ],
)  # fmt: skip
def test_for_a_while_is_an_unknown_amount(text: str, expected: list[tuple[str, str]]) -> None:
    assert found_in(text, date(1990, 8, 15)) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # how long a truce, a war, an embargo has lasted is an amount of time ...
        ("It was an attempt by extremists opposed to the IRA's 8-month-old truce to undermine "
         "the peace talks.", [("8-month-old", "P8M")]),
        ("The two-year-old civil war goes on.", [("two-year-old", "P2Y")]),
        # ... a person's age is not
        ("The 6-year-old boy was rescued off Florida.", []),
        ("Sergio Navarro, a 39-year-old Miami businessman, was there.", []),
    ],
)  # fmt: skip
def test_how_old_a_state_of_affairs_is_a_duration(
    text: str, expected: list[tuple[str, str]]
) -> None:
    assert found_in(text, date(1998, 3, 22)) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "in a year or two" says when, some time ahead, as "in a few years" does
        ("You may, in a year or two, save a few more lives.", [("a year or two", "FUTURE_REF")]),
        # in a past clause, how long it took
        ("The company went bankrupt in a year or two.", [("a year or two", "P1Y")]),
        ("Prices rose sharply in a few weeks.", [("a few weeks", "PXW")]),
        # after "for", an amount; after a price, a rate
        ("The plant will close for a week or two.", [("a week or two", "P1W")]),
        ("He earns $5 a year or so.", [("a year or so", "P1Y")]),
    ],
)  # fmt: skip
def test_in_a_year_or_two_looks_ahead(text: str, expected: list[tuple[str, str]]) -> None:
    assert found_in(text, date(1998, 3, 31)) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "coming quarters" with no article names the time ahead, whatever the preposition
        ('"It doesn\'t bode well for coming quarters," said the analyst.',
         [("coming quarters", "FUTURE_REF")]),
        # with the article after "for", how long
        ("The plant will be shut for the coming weeks.", [("the coming weeks", "PXW")]),
    ],
)  # fmt: skip
def test_coming_quarters_are_ahead(text: str, expected: list[tuple[str, str]]) -> None:
    assert found_in(text, date(1989, 10, 26)) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "at the time" on its own (before a pause or "he was") means then, in the past
        ("Assad referred to resolution 425 in a speech, saying at the time he was willing to "
         "withdraw troops.", [("the time", "PAST_REF")]),
        ("The cause of the blast was unknown at the time.", [("the time", "PAST_REF")]),
        # "at the time of ...", "at the time Howes was captured": a time told by what follows
        ("He was at home at the time of the attack.", []),
        ("At the time Howes was captured, the group held power.", []),
        ("We will decide at the time.", []),
    ],
)  # fmt: skip
def test_at_the_time_is_then(text: str, expected: list[tuple[str, str]]) -> None:
    assert found_in(text, date(1998, 3, 1)) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # after "of", a vague stretch up to now places the noun it qualifies in time
        ("Junk bonds helped finance the buyout wave of recent years.",
         [("recent years", "PAST_REF")]),
        ("The losses wiped out the gains of the past few months.",
         [("the past few months", "PAST_REF")]),
        # "for", and a counted stretch, stay amounts of time
        ("Tourism has been in a slump for the past few years.",
         [("the past few years", "PXY")]),
        ("The fund lost money in each of the past three years.",
         [("the past three years", "P3Y")]),
    ],
)  # fmt: skip
def test_of_recent_years_is_past_ref(text: str, expected: list[tuple[str, str]]) -> None:
    assert found_in(text, date(1989, 10, 27)) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a past verb of doing cannot be placed in a month that has not begun: last year's
        ("The cemetery operator changed from a fiscal year to a calendar year in December.",
         [("December", "1988-12")]),
        ("The union struck in November over health benefits.", [("November", "1988-11")]),
        # a verb of saying reports a clause of its own; a passive present is not done
        ("The company said the offer expires in December.", [("December", "1989-12")]),
        ("The appeal is heard in December in the circuit court.", [("December", "1989-12")]),
        # a month already begun or past is this year's
        ("The company changed its name in September.", [("September", "1989-09")]),
    ],
)  # fmt: skip
def test_a_past_verb_in_a_month_to_come_is_last_year(
    text: str, expected: list[tuple[str, str]]
) -> None:
    assert found_in(text, date(1989, 10, 27)) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a bare plural measuring what filled it is an amount of time
        ("The merger follows months of twists and turns.", [("months", "PXM")]),
        ("The country is rebuilding after years of civil war.", [("years", "PXY")]),
        ("With the passing of the heady days of rising sales, dealers cut prices.",
         [("days", "PXD")]),
        # the second of a coordination is read with the first; minutes of a meeting are a record
        ("He died within weeks or months of his capture.", [("weeks", "PXW")]),
        ("The board approved minutes of the last meeting.", []),
    ],
)  # fmt: skip
def test_months_of_something_is_an_amount(text: str, expected: list[tuple[str, str]]) -> None:
    assert found_in(text, date(1989, 10, 27)) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # after "for", a long or short period of no stated length is an amount, as "a while" is
        ("We're there to stay for a fairly lengthy period.", [("a fairly lengthy period", "PXX")]),
        ("The plant was closed for a brief period of time.",
         [("a brief period of time", "PXX")]),
        # elsewhere it is not a time of its own
        ("It was a long period of decline.", []),
    ],
)  # fmt: skip
def test_for_a_long_period_is_an_amount(text: str, expected: list[tuple[str, str]]) -> None:
    assert found_in(text, date(1990, 8, 16)) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a day number coordinated with a date just named is a later day of the same month
        ("The alliance will hold its summit in Washington on April 24 and 25.",
         [("April 24", "1999-04-24"), ("25", "1999-04-25")]),
        ("Talks are set for Oct. 30 or 31, officials said.",
         [("Oct. 30", "1999-10-30"), ("31", "1999-10-31")]),
        # a number counting a noun, or a range of amounts, is not a day
        ("On Feb. 2 and 3 people were hurt.", [("Feb. 2", "1999-02-02")]),
        ("Prices rose between 1 and 5 percent.", []),
    ],
)  # fmt: skip
def test_april_24_and_25(text: str, expected: list[tuple[str, str]]) -> None:
    assert found_in(text, date(1999, 2, 10)) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "that same day" after a month, with no day told since, is a day of that month
        ("The doctor was shot dead last October in his home. His name on the list was crossed "
         "out that same day.", [("last October", "1998-10"), ("that same day", "1998-10-XX")]),
        # a day told after the month is the one meant
        ("In October the police searched his house on Oct. 12. He was arrested that day.",
         [("October", "1998-10"), ("Oct. 12", "1998-10-12"), ("that day", "1998-10-12")]),
        # a general course of events has no day of its own
        ("Redemptions doubled last month. You have strong redemptions that day, says an "
         "executive.", [("last month", "1999-01")]),
    ],
)  # fmt: skip
def test_that_same_day_after_a_month(text: str, expected: list[tuple[str, str]]) -> None:
    assert found_in(text, date(1999, 2, 6)) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # what has ended did so on a date already behind us
        ("In the second quarter ended Oct. 31, the company had a loss.",
         [("the second quarter", "1988-Q2"), ("Oct. 31", "1988-10-31")]),
        ("The strike ended Nov. 3 after a month.", [("Nov. 3", "1988-11-03"), ("a month", "P1M")]),
        # a date already past, or a period still ending, keeps the nearest one
        ("Sales rose 5% through the period ended Sept. 30.", [("Sept. 30", "1989-09-30")]),
        ("The offer, ending Nov. 3, was extended.", [("Nov. 3", "1989-11-03")]),
    ],
)  # fmt: skip
def test_ended_on_a_date_to_come_is_last_year(text: str, expected: list[tuple[str, str]]) -> None:
    assert found_in(text, date(1989, 10, 27)) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a numbered quarter that "ended" on a date not yet come this year is last year's
        ("In the second quarter ended Oct. 31, the company had a loss.",
         [("the second quarter", "1988-Q2"), ("Oct. 31", "1988-10-31")]),
        ("Net rose in the fourth quarter ended Sept. 30, 1988.",
         [("the fourth quarter", "1988-Q4"), ("Sept. 30, 1988", "1988-09-30")]),
        # an end date already past keeps the quarter's year, and its number as named
        ("Net rose in the first quarter ended Sept. 30.",
         [("the first quarter", "1989-Q1"), ("Sept. 30", "1989-09-30")]),
    ],
)  # fmt: skip
def test_quarter_ended_takes_its_end_year(text: str, expected: list[tuple[str, str]]) -> None:
    assert found_in(text, date(1989, 10, 27)) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "that quarter" points back to the quarter just named; "the quarter" is the report's
        ("Net fell in the third quarter. In the second quarter ended Oct. 31, it had a loss. "
         "Results for that quarter included a charge. Sales in the quarter rose.",
         [("the third quarter", "1989-Q3"), ("the second quarter", "1988-Q2"),
          ("Oct. 31", "1988-10-31"), ("that quarter", "1988-Q2"), ("the quarter", "1989-Q3")]),
        ("The company reported a third-quarter loss. In the year-ago quarter it earned $5 "
         "million. Results for that quarter included a gain.",
         [("third-quarter", "1989-Q3"), ("the year-ago quarter", "1988-Q3"),
          ("that quarter", "1988-Q3")]),
    ],
)  # fmt: skip
def test_that_quarter_is_the_one_just_named(text: str, expected: list[tuple[str, str]]) -> None:
    assert found_in(text, date(1989, 10, 27)) == expected
