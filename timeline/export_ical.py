"""``timeline.ics``: every event as an all-day calendar entry (RFC 5545).

Written directly rather than through the ``icalendar`` library, which took seconds for a few
thousand events; the output is what ``icalendar`` wrote (same property order, escaping and
line folding), and the tests read it back with ``icalendar``.

Deterministic: UIDs come from event ids, and DTSTAMP is the date of the event's latest report,
never the time of the build.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta
from functools import partial
from urllib.parse import urlsplit

from timeline import __version__
from timeline.dates_display import display_date
from timeline.links import Links, absolute
from timeline.model import Event, Status, Timeline

_STATUS = {Status.HAPPENED: "CONFIRMED", Status.ONGOING: "CONFIRMED", Status.EXPECTED: "TENTATIVE"}
_LINE = 74  # octets of a line before it is folded (the continuation's leading space makes 75)


def _uid_domain(base_url: str) -> str:
    return urlsplit(base_url).hostname or "timeline.invalid"


def _stamp(event: Event) -> date:
    return max((c.published for c in event.citations), default=event.when.interval.start)


def text(value: str) -> str:
    """A TEXT value, escaped (RFC 5545 3.3.11)."""
    return (
        value.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
        .replace("\r\n", "\\n").replace("\n", "\\n").replace("\r", "\\n")
    )  # fmt: skip


def fold(line: str) -> str:
    """Fold a content line into lines of at most 75 octets, never inside a UTF-8 character and
    never just after a backslash or caret (an escape stays whole on one line)."""
    if len(line) <= _LINE and line.isascii():
        return line
    lines: list[str] = []
    if line.isascii():
        pos = 0
        while len(line) - pos > _LINE:
            cut = pos + _LINE - (line[pos + _LINE - 1] in "\\^")
            lines.append(line[pos:cut])
            pos = cut
        lines.append(line[pos:])
        return "\r\n ".join(lines)
    current: list[str] = []
    used = 0
    for char in line:
        size = len(char.encode("utf-8"))
        if current and used + size > _LINE:
            carried = current.pop() if len(current) > 1 and current[-1] in "\\^" else ""
            lines.append("".join(current))
            current = [carried] if carried else []
            used = len(carried)
        current.append(char)
        used += size
    lines.append("".join(current))
    return "\r\n ".join(lines)


def vevent(event: Event, base_url: str, links: Links) -> list[str]:
    """The content lines of one event, in the order RFC 5545 tools expect (as icalendar had)."""
    url = absolute(base_url, links.event_path(event.id))
    sources = "\n".join(
        f"- {c.source or c.article_title} ({c.published.isoformat()}): "
        f"{absolute(base_url, links.article_path(c.article_slug))}#s-{c.sentence_start}"
        for c in event.citations
    )
    summary = event.headline or event.text
    summary = summary if len(summary) <= 140 else summary[:139] + "…"
    end = event.when.interval.end + timedelta(days=1)  # DTEND of a date is exclusive
    lines = [
        "BEGIN:VEVENT",
        f"SUMMARY:{text(summary)}",
        f"DTSTART;VALUE=DATE:{event.when.interval.start:%Y%m%d}",
        f"DTEND;VALUE=DATE:{end:%Y%m%d}",
        f"DTSTAMP:{_stamp(event):%Y%m%d}T000000Z",
        f"UID:{text(f'{event.id}@{_uid_domain(base_url)}')}",
    ]
    if event.tags:
        lines.append("CATEGORIES:" + ",".join(text(t) for t in event.tags))
    description = f"{display_date(event)}.\n\n{event.text}\n\nSources:\n{sources}"
    lines += [
        f"DESCRIPTION:{text(description)}",
        f"STATUS:{_STATUS[event.status]}",
        "TRANSP:TRANSPARENT",
    ]
    if url.startswith(("http://", "https://")):
        lines.append(f"URL:{url}")
    lines.append("END:VEVENT")
    return lines


def vevent_bytes(event: Event, base_url: str, links: Links) -> bytes:
    """One event's VEVENT as it stands in the calendar: folded lines, CRLF between them."""
    return "\r\n".join(fold(line) for line in vevent(event, base_url, links)).encode("utf-8")


def render_ical(
    timeline: Timeline, base_url: str, links: Links,
    event_bytes: Callable[[Event], bytes] | None = None,
) -> bytes:
    """The calendar; ``event_bytes`` gives each event's ``vevent_bytes``, which a caller may
    remember."""
    if event_bytes is None:
        event_bytes = partial(vevent_bytes, base_url=base_url, links=links)
    head = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        f"PRODID:{text(f'-//newstimeline//timeline {__version__}//EN')}",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
        f"X-WR-CALNAME:{text(timeline.title)}",
    ]
    parts = [fold(line).encode("utf-8") for line in head]
    parts += [event_bytes(event) for event in timeline.events]
    parts.append(b"END:VCALENDAR\r\n")
    return b"\r\n".join(parts)
