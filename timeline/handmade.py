"""Hand-made events from a CSV file, in the columns TimelineJS and TimelineSetter users know.

Where the file is found: ``events.csv`` at the top of any source folder, and the file named by
the config key ``events_file`` (a missing ``events_file`` is an error; a missing ``events.csv``
is not). Hand-made events join the extracted ones on the timeline; they are never merged.

Columns (any case, any order; unknown columns are ignored):

- TimelineJS's Google-Sheet template: Year, Month, Day, Time, End Year, End Month, End Day,
  End Time, Display Date, Headline, Text, Media, Media Credit, Group;
- TimelineSetter's: date, display_date, description (or text, or html), link, series (or group).

A row needs a date (Year, or date) and some text (Text/description or Headline). Its status is
told against the newest article's date: after it → expected, before → happened.
"""

from __future__ import annotations

import csv
import hashlib
import io
import re
from collections.abc import Mapping
from datetime import date, time

from timeline.errors import ArticleError
from timeline.load_meta import writable
from timeline.load_tabular import large_csv_fields
from timeline.model import Event, Granularity, Interval, Status, When
from timeline.temporal.values import given_interval

_ALIASES = {
    "description": "text", "html": "text", "series": "group", "display date": "display_date",
    "end year": "end_year", "end month": "end_month", "end day": "end_day",
    "media credit": "media_credit", "end time": "end_time",
}


def _norm(header: str) -> str:
    key = re.sub(r"\s+", " ", header.strip().lower().replace("_", " "))
    return _ALIASES.get(key, key.replace(" ", "_"))


def _value(row: Mapping[str, str], *keys: str) -> str:
    for key in keys:
        text = writable(row.get(key) or "").strip()
        if text:
            return text
    return ""


def _parse_date(text: str) -> tuple[str, date] | None:
    """An ISO value (2018, 2018-07, 2018-07-16) or a US-style 7/16/2018 (TimelineSetter)."""
    us = re.fullmatch(r"(\d{1,2})/(\d{1,2})/(\d{4})", text)
    if us:
        month, day, year = (int(g) for g in us.groups())
        try:
            return date(year, month, day).isoformat(), date(year, month, day)
        except ValueError:
            return None
    resolved = given_interval(text)
    return (text, resolved[0].start) if resolved else None


def _when(row: Mapping[str, str], where: str, line: int) -> When:
    year = _value(row, "year")
    if year:
        parts = [year] + [
            f"{int(v):02d}" for v in (_value(row, "month"), _value(row, "day")) if v.isdigit()
        ]
        value = "-".join(parts)
    else:
        value = _value(row, "date")
    clock = _value(row, "time")
    resolved = given_interval(value) if value else None
    if resolved is None:
        parsed = _parse_date(value) if value else None
        resolved = given_interval(parsed[0]) if parsed else None
        value = parsed[0] if parsed else value
    if resolved is None:
        raise ArticleError(
            where, f"no date (or not one like 2018-07-16): fill in Year/Month/Day or date; "
            f"got {value!r}", line,
        )
    interval, granularity = resolved
    if clock and granularity is Granularity.DAY and re.fullmatch(r"\d{1,2}:\d{2}", clock):
        try:
            at = time.fromisoformat(clock.zfill(5))
        except ValueError:
            raise ArticleError(where, f"time {clock!r} is not a time of day like 14:30", line) \
                from None
        value, granularity = f"{value}T{at.isoformat('minutes')}", Granularity.TIME
    end_year = _value(row, "end_year")
    if end_year:
        end_value = "-".join([end_year] + [
            f"{int(v):02d}" for v in (_value(row, "end_month"), _value(row, "end_day"))
            if v.isdigit()
        ])
        end = given_interval(end_value)
        if end is None or end[0].end < interval.start:
            raise ArticleError(where, f"end date {end_value!r} is not a date after the start", line)
        interval = Interval(interval.start, end[0].end)
    return When(value, interval, granularity)


def parse_events_csv(text: str, where: str, reference: date) -> tuple[Event, ...]:
    """Hand-made events of a CSV text (``where`` names the file in messages)."""
    if (nul := text.find("\x00")) >= 0:  # the csv module passes it on, into the pages
        raise ArticleError(where, "holds a NUL character; save it as a plain UTF-8 CSV file",
                           text.count("\n", 0, nul) + 1)  # fmt: skip
    reader = csv.DictReader(io.StringIO(text.lstrip("\ufeff")))
    with large_csv_fields():
        try:
            if not reader.fieldnames:
                return ()
            reader.fieldnames = [_norm(h) for h in reader.fieldnames]
            rows = [(reader.line_num, row) for row in reader]
        except csv.Error as exc:
            raise ArticleError(where, f"is not valid CSV ({exc}); fix that row",
                               reader.line_num + 1) from None  # fmt: skip
    events = []
    for line, row in rows:
        if not any((v or "").strip() for v in row.values() if isinstance(v, str)):
            continue
        when = _when(row, where, line)
        headline = _value(row, "headline") or None
        body = _value(row, "text") or headline
        if not body:
            raise ArticleError(where, "no text: fill in Text (or description) or Headline", line)
        status = (
            Status.EXPECTED if when.interval.start > reference
            else Status.HAPPENED if when.interval.end < reference else Status.ONGOING
        )
        digest = hashlib.sha1(f"{where}\x1f{when.value}\x1f{body}".encode()).hexdigest()
        events.append(Event(
            id=f"h-{digest[:10]}", when=when, status=status, text=body, citations=(),
            headline=headline, media=_value(row, "media") or None,
            media_credit=_value(row, "media_credit") or None,
            group=_value(row, "group") or None, link=_value(row, "link") or None,
            display_date=_value(row, "display_date") or None,
        ))
    return tuple(events)
