"""``timeline.json``: the timeline as data, described by
``timeline/schema/timeline.schema.json``."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from timeline import __version__
from timeline.json_layout import compact, document
from timeline.model import Citation, Event, KeyDate, Timeline, Timex

SCHEMA_ID = "https://timeline.invalid/schema/timeline-1.json"


def timex_json(timex: Timex) -> dict[str, Any]:
    return {
        "text": timex.text,
        "start": timex.start,
        "end": timex.end,
        "type": str(timex.type),
        "value": timex.value,
        "granularity": str(timex.granularity) if timex.granularity else None,
        "approximate": timex.approximate,
        "anchor": {"kind": str(timex.anchor.kind), "value": timex.anchor.value or None},
    }


def citation_json(citation: Citation) -> dict[str, Any]:
    return {
        "article": citation.article_slug,
        "title": citation.article_title,
        "source": citation.source,
        "url": citation.article_url,
        "published": citation.published.isoformat(),
        "sentence": citation.sentence,
        "sentence_start": citation.sentence_start,
        "sentence_end": citation.sentence_end,
        "expression": timex_json(citation.timex) if citation.timex else None,
        "confidence": round(citation.confidence, 3),
        "inferred": citation.inferred,
        "sentence_index": citation.sentence_index,
        "inferred_from": timex_json(citation.inferred_from) if citation.inferred_from else None,
    }


def event_json(event: Event) -> dict[str, Any]:
    when = event.when
    return {
        "id": event.id,
        "date": {
            "value": when.value,
            "start": when.interval.start.isoformat(),
            "end": when.interval.end.isoformat(),
            "granularity": str(when.granularity),
            "approximate": when.approximate,
        },
        "status": str(event.status),
        "text": event.text,
        "background": event.background,
        "people": list(event.people),
        "organizations": list(event.organizations),
        "tags": list(event.tags),
        "fulfils": event.fulfils,
        "fulfilled_by": event.fulfilled_by,
        "headline": event.headline,
        "display_date": event.display_date,
        "media": event.media,
        "media_credit": event.media_credit,
        "group": event.group,
        "link": event.link,
        "sources": [citation_json(c) for c in event.citations],
    }


def key_date_json(key: KeyDate) -> dict[str, Any]:
    return {
        "date": key.day.isoformat(), "score": round(key.score, 3), "events": list(key.event_ids)
    }


def timeline_data(timeline: Timeline, events: bool = True) -> dict[str, Any]:
    """The data of ``timeline.json``; without ``events``, an empty list holds their place."""
    return {
        "$schema": SCHEMA_ID,
        "title": timeline.title,
        "generator": {"name": "timeline", "version": __version__},
        "events": [event_json(e) for e in timeline.events] if events else [],
        "key_dates": [key_date_json(k) for k in timeline.key_dates],
        "articles": [
            {
                "slug": t.article.slug,
                "title": t.article.title,
                "source": t.article.source,
                "url": t.article.url,
                "published": t.article.published.isoformat(),
                "lang": t.article.lang,
                "expressions": len(t.timexes),
            }
            for t in timeline.articles
        ],
    }


def event_json_bytes(event: Event) -> bytes:
    """One event as it stands in ``timeline.json``'s list of events: one line (UTF-8)."""
    return compact(event_json(event))


def render_timeline_json(
    timeline: Timeline, event_bytes: Callable[[Event], bytes] = event_json_bytes
) -> bytes:
    """Deterministic JSON (UTF-8), laid out by ``json_layout.document``: fixed key order, no
    build time, one event or article a line. ``event_bytes`` gives each event's line
    (``event_json_bytes``), which a caller may remember."""
    data = timeline_data(timeline, events=False)
    return document(data, {
        "events": [event_bytes(e) for e in timeline.events],
        "key_dates": [compact(k) for k in data["key_dates"]],
        "articles": [compact(a) for a in data["articles"]],
    })  # fmt: skip
