"""The exports at the top of the output folder: TimelineJS JSON, iCalendar, Atom, sitemap.

Golden files pin the exact bytes; rewrite them with TIMELINE_UPDATE_GOLDEN=1 and review the diff.
"""

from __future__ import annotations

import json
import os
import xml.etree.ElementTree as ET
from datetime import date
from pathlib import Path

import feedparser
import icalendar
import pytest
from conftest import make_site_timeline

GOLDEN = Path(__file__).parent / "golden" / "exports"
EXPORTS = ("timelinejs.json", "timeline.ics", "feed.xml", "sitemap.xml")


def _text(site: dict[str, str | bytes], path: str) -> str:
    value = site[path]
    return value if isinstance(value, str) else value.decode("utf-8")


@pytest.mark.parametrize("name", EXPORTS)
def test_exports_match_golden(fixture_site: dict[str, str | bytes], name: str) -> None:
    data = fixture_site[name]
    raw = data.encode("utf-8") if isinstance(data, str) else data
    golden = GOLDEN / name
    if os.environ.get("TIMELINE_UPDATE_GOLDEN"):
        golden.parent.mkdir(parents=True, exist_ok=True)
        golden.write_bytes(raw)
    assert golden.read_bytes() == raw, f"{name} changed; TIMELINE_UPDATE_GOLDEN=1 to accept"


# TimelineJS3's documented JSON format: an object with "events" (required) and "title"; each
# slide has a start_date (required, with a year) and optional end_date, text, media, group,
# display_date, background, autolink, unique_id; a date has year (required), month, day, hour,
# minute, second, millisecond, display_date, format; text has headline and text.
SLIDE_KEYS = {"start_date", "end_date", "text", "media", "group", "display_date", "background",
              "autolink", "unique_id"}  # fmt: skip
DATE_KEYS = {"year", "month", "day", "hour", "minute", "second", "millisecond", "display_date",
             "format"}  # fmt: skip
TOP_KEYS = {"events", "title", "eras", "scale"}


def _check_date(d: object) -> None:
    assert isinstance(d, dict) and set(d) <= DATE_KEYS and "year" in d
    for key in ("year", "month", "day"):
        if key in d:
            assert str(d[key]).lstrip("-").isdigit()
    if "month" in d:
        assert 1 <= int(d["month"]) <= 12
    if "day" in d:
        assert "month" in d and 1 <= int(d["day"]) <= 31


def test_timelinejs_follows_the_documented_format(fixture_site: dict[str, str | bytes]) -> None:
    data = json.loads(_text(fixture_site, "timelinejs.json"))
    assert set(data) <= TOP_KEYS and isinstance(data["events"], list)
    assert set(data["title"]["text"]) <= {"headline", "text"}
    timeline = make_site_timeline()
    assert len(data["events"]) == len(timeline.events)
    for slide in data["events"]:
        assert set(slide) <= SLIDE_KEYS
        _check_date(slide["start_date"])
        if "end_date" in slide:
            _check_date(slide["end_date"])
            start = [int(slide["start_date"].get(k, 1)) for k in ("year", "month", "day")]
            end = [int(slide["end_date"].get(k, 1)) for k in ("year", "month", "day")]
            assert start <= end
        assert set(slide["text"]) <= {"headline", "text"} and slide["text"]["headline"]
        assert isinstance(slide.get("group", ""), str)
    ids = [s["unique_id"] for s in data["events"]]
    assert len(ids) == len(set(ids))


def test_timelinejs_keeps_each_precision(fixture_site: dict[str, str | bytes]) -> None:
    data = json.loads(_text(fixture_site, "timelinejs.json"))
    slides = {s["unique_id"]: s for s in data["events"]}
    assert slides["e-emeet"]["start_date"] == {"year": "2018", "month": "7", "day": "16"}
    assert "end_date" not in slides["e-emeet"]
    assert slides["e-ejuly"]["start_date"] == {"year": "2018", "month": "7"}
    assert slides["e-e2016"]["start_date"] == {"year": "2016"}
    vague = slides["e-eweeks"]
    assert vague["end_date"] == {"year": "2018", "month": "8", "day": "31"}
    assert vague["display_date"] == "Expected in the weeks after July 17, 2018"
    assert vague["group"] == "Expected"


def test_timelinejs_html_is_escaped(fixture_site: dict[str, str | bytes]) -> None:
    """TimelineJS renders headline and text as HTML: article text must arrive escaped."""
    data = json.loads(_text(fixture_site, "timelinejs.json"))
    slides = {s["unique_id"]: s for s in data["events"]}
    hostile = slides["e-ejuly"]["text"]
    assert "<script>" not in hostile["headline"] and "&lt;script&gt;" in hostile["headline"]
    assert "<script>" not in hostile["text"] and "onerror=alert" not in hostile["text"].replace(
        "&lt;img src=x onerror=alert(1)&gt;", ""
    )


def test_ics_opens_with_icalendar_as_all_day_events(fixture_site: dict[str, str | bytes]) -> None:
    raw = fixture_site["timeline.ics"]
    cal = icalendar.Calendar.from_ical(raw)
    events = list(cal.walk("VEVENT"))
    assert len(events) == len(make_site_timeline().events)
    by_uid = {str(e["UID"]): e for e in events}
    meet = by_uid["emeet@news.example"]
    assert meet.decoded("DTSTART") == date(2018, 7, 16)
    assert meet.decoded("DTEND") == date(2018, 7, 17)  # exclusive end of an all-day event
    assert meet.decoded("DTSTAMP").date() == date(2018, 9, 20)  # the latest report, not now()
    weeks = by_uid["eweeks@news.example"]
    assert weeks.decoded("DTSTART") == date(2018, 7, 17)
    assert weeks.decoded("DTEND") == date(2018, 9, 1)
    assert str(weeks["STATUS"]) == "TENTATIVE"
    assert str(meet["URL"]) == "https://news.example/timelines/helsinki/#e-emeet"
    assert b"VALUE=DATE" in (raw if isinstance(raw, bytes) else raw.encode())


def test_atom_feed_parses_with_entries_dated_by_their_latest_report(
    fixture_site: dict[str, str | bytes],
) -> None:
    feed = feedparser.parse(_text(fixture_site, "feed.xml"))
    assert not feed.bozo, feed.get("bozo_exception")
    assert feed.feed.title == 'Helsinki & after <the "summit">'
    entries = feed.entries
    assert len(entries) == len(make_site_timeline().events)
    updated = [e.updated for e in entries]
    assert updated == sorted(updated, reverse=True)
    meet = next(e for e in entries if e.link.endswith("#e-emeet"))
    assert meet.updated.startswith("2018-09-20")  # re-reported in September: back on top
    assert meet.published.startswith("2018-07-17")
    assert meet.link == "https://news.example/timelines/helsinki/#e-emeet"
    assert all(e.id.startswith("urn:uuid:") for e in entries)
    assert len({e.id for e in entries}) == len(entries)


def test_sitemap_lists_every_page_with_absolute_urls(fixture_site: dict[str, str | bytes]) -> None:
    root = ET.fromstring(_text(fixture_site, "sitemap.xml"))
    ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}
    locs = [el.text or "" for el in root.findall("s:url/s:loc", ns)]
    pages = [p for p in fixture_site if p.endswith(".html") and p != "embed/fragment.html"]
    assert len(locs) == len(pages)
    assert all(loc.startswith("https://news.example/timelines/helsinki/") for loc in locs)
    assert "https://news.example/timelines/helsinki/articles/helsinki-summit.html" in locs


@pytest.mark.parametrize("words", [
    "Sanctions, talks; and a \\ backslash\nover lines " * 6,
    "Переговоры в Хельсинки, «саммит»; встреча " * 5 + "東京での会談 " * 9,
    "x" * 73 + "\\," + "y" * 80 + "^" * 80,
])  # fmt: skip
def test_ics_text_is_escaped_folded_at_75_octets_and_reads_back(words: str) -> None:
    from timeline.export_ical import fold, text

    line = "DESCRIPTION:" + text(words)
    folded = fold(line)
    physical = folded.split("\r\n")
    assert all(len(p.encode("utf-8")) <= 75 for p in physical)
    assert all(p.startswith(" ") for p in physical[1:])
    assert "".join(p[1:] if i else p for i, p in enumerate(physical)) == line  # unfolds back
    raw = f"BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\n{folded}\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"
    event = next(iter(icalendar.Calendar.from_ical(raw).walk("VEVENT")))
    assert str(event["DESCRIPTION"]) == words


def test_timeline_json_is_the_data_an_event_or_article_a_line() -> None:
    from timeline.export_json import event_json, render_timeline_json, timeline_data

    timeline = make_site_timeline()
    text = render_timeline_json(timeline).decode("utf-8")
    assert json.loads(text) == timeline_data(timeline)
    lines = text.split("\n")[:-1]  # lines end at "\n" only: U+2028 may stand in a string
    assert text.endswith("}\n") and lines[0].startswith('{"$schema":')
    # every event on a line of its own, as the standard encoder writes it compactly
    for event in timeline.events:
        line = json.dumps(event_json(event), ensure_ascii=False, separators=(",", ":"))
        assert line in lines or line + "," in lines
    articles = lines.index('"articles":[')
    assert len(lines) - articles - 2 == len(timeline.articles)


def test_json_layout_puts_members_and_listed_items_on_lines() -> None:
    from timeline.json_layout import compact, document

    odd = {"é\u2028\"\\": [[], {}, [1, 2.5], None, True], "n": {"x": {"y": []}}, "f": 1e-7}
    laid = document({**odd, "items": [], "none": []}, {
        "items": [compact({"a": 1}), compact("b\nc")], "none": [],
    }).decode("utf-8")  # fmt: skip
    assert json.loads(laid) == {**odd, "items": [{"a": 1}, "b\nc"], "none": []}
    assert laid.split("\n") == [
        '{"é\u2028\\"\\\\":[[],{},[1,2.5],null,true],',
        '"n":{"x":{"y":[]}},',
        '"f":1e-07,',
        '"items":[',
        '{"a":1},',
        '"b\\nc"',
        "],",
        '"none":[]}',
        "",
    ]
