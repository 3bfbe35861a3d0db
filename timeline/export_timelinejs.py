"""``timelinejs.json``: the timeline in TimelineJS3's JSON format, loadable as it is.

TimelineJS renders ``headline`` and ``text`` as HTML, so every piece of article text is escaped
here, and the only markup is ours: the event's sentence and links to its sources.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from functools import lru_cache, partial
from typing import Any

from markupsafe import escape

from timeline.dates_display import display_date
from timeline.json_layout import compact, document
from timeline.links import Links, absolute
from timeline.model import Event, Granularity, Status, Timeline

# The precision TimelineJS is told for each granularity, and whether the range gets an end.
_PRECISION: dict[Granularity, tuple[str, bool]] = {
    Granularity.TIME: ("day", False),
    Granularity.DAY: ("day", False),
    Granularity.WEEK: ("day", True),
    Granularity.MONTH: ("month", False),
    Granularity.QUARTER: ("month", True),
    Granularity.SEASON: ("month", True),
    Granularity.HALF: ("month", True),
    Granularity.YEAR: ("year", False),
    Granularity.DECADE: ("year", True),
    Granularity.CENTURY: ("year", True),
    Granularity.VAGUE: ("day", True),
}


def tl_date(day: date, precision: str) -> dict[str, str]:
    """A TimelineJS date object at a precision (``year`` is its only required key)."""
    if precision == "year":
        return {"year": str(day.year)}
    if precision == "month":
        return {"year": str(day.year), "month": str(day.month)}
    return {"year": str(day.year), "month": str(day.month), "day": str(day.day)}


def _dates(event: Event) -> dict[str, dict[str, str]]:
    iv = event.when.interval
    precision, ranged = _PRECISION[event.when.granularity]
    dates = {"start_date": tl_date(iv.start, precision)}
    if ranged and iv.days > 1 and tl_date(iv.end, precision) != dates["start_date"]:
        dates["end_date"] = tl_date(iv.end, precision)
    return dates


def _text(event: Event, base_url: str, links: Links) -> str:
    sources = "".join(
        f'<li><a href="{_article_url(base_url, links.article_path(c.article_slug))}#s-'
        f'{c.sentence_start}">{_escaped(c.source or c.article_title)}</a>, '
        f"{c.published.isoformat()}</li>"  # digits and dashes: nothing to escape
        for c in event.citations
    )
    return f"<p>{escape(event.text)}</p><ul>{sources}</ul>"


# An article is cited by many events: its URL and its name are escaped once each, not for
# every citation.
@lru_cache(maxsize=8192)
def _article_url(base_url: str, path: str) -> str:
    return str(escape(absolute(base_url, path)))


@lru_cache(maxsize=8192)
def _escaped(text: str) -> str:
    return str(escape(text))


def _group(event: Event) -> str | None:
    if event.group:
        return event.group
    if event.status is Status.EXPECTED:
        return "Expected"
    return "Background" if event.background else None


def slide(event: Event, base_url: str, links: Links) -> dict[str, Any]:
    headline = event.headline or event.text
    if len(headline) > 110:  # TimelineJS shows headlines large; the full sentence is in text
        headline = headline[:109].rsplit(" ", 1)[0] + "…"
    out: dict[str, Any] = {
        "unique_id": f"e-{event.id}",
        **_dates(event),
        "display_date": display_date(event),
        "text": {"headline": str(escape(headline)), "text": _text(event, base_url, links)},
        "autolink": False,
    }
    if (group := _group(event)) is not None:
        out["group"] = group
    if event.media and event.media.startswith(("https://", "http://")):
        first = event.citations[0] if event.citations else None
        credit = event.media_credit or (first.source if first else None)
        out["media"] = {"url": event.media, "credit": str(escape(credit or ""))}
    return out


def timelinejs_data(
    timeline: Timeline, base_url: str, links: Links, slides: bool = True
) -> dict[str, Any]:
    """TimelineJS's JSON format; without ``slides``, an empty list holds the events' place."""
    articles = len(timeline.articles)
    return {
        "title": {
            "text": {
                "headline": str(escape(timeline.title)),
                "text": f"<p>{len(timeline.events)} events from {articles} articles.</p>",
            }
        },
        "events": [slide(e, base_url, links) for e in timeline.events] if slides else [],
        "scale": "human",
    }


def slide_bytes(event: Event, base_url: str, links: Links) -> bytes:
    """One slide as it stands in the list of events: one line (UTF-8)."""
    return compact(slide(event, base_url, links))


def render_timelinejs(
    timeline: Timeline, base_url: str, links: Links,
    event_bytes: Callable[[Event], bytes] | None = None,
) -> bytes:
    """``timelinejs_data`` laid out by ``json_layout.document`` (UTF-8), a slide a line;
    ``event_bytes`` gives each slide's ``slide_bytes``, which a caller may remember."""
    if event_bytes is None:
        event_bytes = partial(slide_bytes, base_url=base_url, links=links)
    data = timelinejs_data(timeline, base_url, links, slides=False)
    return document(data, {"events": [event_bytes(e) for e in timeline.events]})
