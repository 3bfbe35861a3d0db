"""Editorial control: pins and drops from front matter, warnings for ones matching nothing."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
from click.testing import CliRunner
from eventkit import DCT, tagged, timex

from timeline.cli import main
from timeline.errors import ArticleError
from timeline.extract import extract_events
from timeline.handmade import parse_events_csv
from timeline.model import Granularity, Status
from timeline.overrides import apply_pins, override_warnings

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


@pytest.mark.parametrize("value", ["next week", "2018-13-01", "2018-02-30", "2018-W60"])
def test_pin_with_a_bad_value_names_the_article_and_what_to_write(value: str) -> None:
    with pytest.raises(ArticleError, match=rf"a\.md: pin 'Monday': '{value}' is not a date"):
        apply_pins(tagged(TEXT, pins=(("Monday", value),)))


def test_drop_removes_the_events_of_matching_sentences() -> None:
    monday = timex(TEXT, "Monday", "2018-07-16", DCT)
    kept = extract_events(tagged(TEXT, monday))
    dropped = extract_events(tagged(TEXT, monday, drops=("TRUMP MET",)))
    assert len(kept) == 1 and dropped == ()


def test_pins_and_drops_that_match_nothing_are_warned_about() -> None:
    t = tagged(TEXT, pins=(("Tuesday", "2018-07-17"),), drops=("Lavrov",))
    warnings = override_warnings([t])
    assert warnings == (
        "a.md: pin 'Tuesday' matches no text; check its spelling",
        "a.md: drop 'Lavrov' matches no sentence; quote part of one sentence",
    )
    ok = tagged(TEXT, pins=(("Monday", "2018-07-16"),), drops=("summit",))
    assert override_warnings([ok]) == ()


# Hand-made events (timeline.handmade): TimelineJS and TimelineSetter columns.

TIMELINEJS = (
    "Year,Month,Day,Time,End Year,End Month,End Day,Display Date,Headline,Text,Media,"
    "Media Credit,Group\n"
    "2018,7,16,14:00,,,,July 16,Helsinki summit,Trump and Putin meet.,https://x/p.jpg,AP,Summit\n"
    "2018,11,,,,,,,Midterms,,,,\n"
    "2017,,,,2018,6,,,Investigation,Mueller investigates.,,,\n"
)
TIMELINESETTER = (
    "date,display_date,description,link,series\n"
    "7/13/2018,Friday,Twelve officers indicted.,https://x/indictment,Mueller\n"
)


def test_timelinejs_columns() -> None:
    summit, midterms, probe = parse_events_csv(TIMELINEJS, "events.csv", DCT)
    assert summit.when.value == "2018-07-16T14:00" and summit.headline == "Helsinki summit"
    assert (summit.media, summit.media_credit, summit.group) == ("https://x/p.jpg", "AP", "Summit")
    assert summit.display_date == "July 16" and summit.citations == ()
    assert midterms.when.granularity is Granularity.MONTH and midterms.text == "Midterms"
    assert midterms.status is Status.EXPECTED
    assert (probe.when.interval.start, probe.when.interval.end) == (
        date(2017, 1, 1), date(2018, 6, 30),
    )
    assert probe.status is Status.HAPPENED


def test_timelinesetter_columns() -> None:
    (event,) = parse_events_csv(TIMELINESETTER, "events.csv", DCT)
    assert event.when.value == "2018-07-13" and event.link == "https://x/indictment"
    assert (event.group, event.display_date) == ("Mueller", "Friday")
    assert event.text == "Twelve officers indicted."


@pytest.mark.parametrize(("csv_text", "message"), [
    ("Year,Text\nsoon,Something\n", r"events\.csv:2: no date"),
    ("date,description\n2018-07-16,\n", r"events\.csv:2: no text"),
    ("Year,Month,Day,Text\n2018,13,1,Something\n", r"events\.csv:2: no date .* got '2018-13-01'"),
    ("date,description\n2018-02-30,Something\n", r"events\.csv:2: no date"),
    ("date,time,text\n2018-07-16,25:61,Something\n", r"events\.csv:2: time '25:61' is not"),
    ('date,text\n2018-07-16,"a\x00b"\n', r"events\.csv:2: holds a NUL character"),
])
def test_bad_rows_name_the_file_and_line(csv_text: str, message: str) -> None:
    with pytest.raises(ArticleError, match=message):
        parse_events_csv(csv_text, "events.csv", DCT)


def test_events_csv_in_a_source_folder_joins_the_timeline(tmp_path: Path) -> None:
    source = tmp_path / "articles"
    source.mkdir()
    (source / "a.md").write_text(
        "---\ntitle: Summit\ndate: 2018-07-16\n---\n\nTrump met Putin on Monday.\n", "utf-8"
    )
    (source / "events.csv").write_text(TIMELINESETTER, "utf-8")
    out = tmp_path / "out"
    result = CliRunner().invoke(main, ["build", str(source), "-o", str(out), "--no-cache", "-q"])
    assert result.exit_code == 0, result.output
    events = json.loads((out / "timeline.json").read_text("utf-8"))["events"]
    assert [e["date"]["value"] for e in events] == ["2018-07-13", "2018-07-16"]
    assert events[0]["link"] == "https://x/indictment" and events[0]["sources"] == []


def test_missing_events_file_is_one_clear_line(tmp_path: Path) -> None:
    source = tmp_path / "articles"
    source.mkdir()
    (source / "a.md").write_text("---\ntitle: A\ndate: 2018-07-16\n---\n\nText.\n", "utf-8")
    (tmp_path / "timeline.toml").write_text('events_file = "nope.csv"\n', "utf-8")
    result = CliRunner().invoke(main, [
        "build", str(source), "-o", str(tmp_path / "out"), "-c", str(tmp_path / "timeline.toml"),
        "--no-cache",
    ])
    assert result.exit_code == 1
    assert "nope.csv: events_file does not exist" in result.stderr
    assert "Traceback" not in result.stderr


def test_a_long_text_in_a_hand_made_event_is_read() -> None:
    text = "The committee heard testimony. " * 8_000  # 250 KB: over the csv module's own limit
    (event,) = parse_events_csv(f'date,text\n2018-07-16,"{text}"\n', "events.csv", DCT)
    assert event.text == text.strip()


def test_control_characters_in_a_hand_made_event_become_spaces() -> None:
    (event,) = parse_events_csv('date,headline,text\n2018-07-16,"A\x0bB","x\x1by"\n', "e.csv", DCT)
    assert (event.headline, event.text) == ("A B", "x y")
