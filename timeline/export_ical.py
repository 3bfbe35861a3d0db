"""``timeline.ics``: every event as an all-day calendar entry, through the ``icalendar`` library.

Deterministic: UIDs come from event ids, and DTSTAMP is the date of the event's latest report,
never the time of the build.
"""

from __future__ import annotations

from datetime import UTC, datetime, time, timedelta
from urllib.parse import urlsplit

import icalendar

from timeline import __version__
from timeline.dates_display import display_date
from timeline.links import Links, absolute
from timeline.model import Event, Status, Timeline

_STATUS = {Status.HAPPENED: "CONFIRMED", Status.ONGOING: "CONFIRMED", Status.EXPECTED: "TENTATIVE"}


def _uid_domain(base_url: str) -> str:
    return urlsplit(base_url).hostname or "timeline.invalid"


def _stamp(event: Event) -> datetime:
    latest = max((c.published for c in event.citations), default=event.when.interval.start)
    return datetime.combine(latest, time(0), tzinfo=UTC)


def vevent(event: Event, base_url: str, links: Links) -> icalendar.Event:
    url = absolute(base_url, links.event_path(event.id))
    sources = "\n".join(
        f"- {c.source or c.article_title} ({c.published.isoformat()}): "
        f"{absolute(base_url, links.article(c.article_slug, ''))}#s-{c.sentence_start}"
        for c in event.citations
    )
    summary = event.headline or event.text
    ve = icalendar.Event()
    ve.add("uid", f"{event.id}@{_uid_domain(base_url)}")
    ve.add("dtstamp", _stamp(event))
    ve.add("dtstart", event.when.interval.start)
    ve.add("dtend", event.when.interval.end + timedelta(days=1))  # DTEND of a date is exclusive
    ve.add("summary", summary if len(summary) <= 140 else summary[:139] + "…")
    ve.add("description", f"{display_date(event)}.\n\n{event.text}\n\nSources:\n{sources}")
    ve.add("status", _STATUS[event.status])
    ve.add("transp", "TRANSPARENT")
    if url.startswith(("http://", "https://")):
        ve.add("url", url)
    if event.tags:
        ve.add("categories", list(event.tags))
    return ve


def render_ical(timeline: Timeline, base_url: str, links: Links) -> bytes:
    cal = icalendar.Calendar()
    cal.add("prodid", f"-//newstimeline//timeline {__version__}//EN")
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "PUBLISH")
    cal.add("x-wr-calname", timeline.title)
    for event in timeline.events:
        cal.add_component(vevent(event, base_url, links))
    return bytes(cal.to_ical())
