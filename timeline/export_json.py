"""``timeline.json``: the timeline as data, described by
``timeline/schema/timeline.schema.json``."""

from __future__ import annotations

import json
import math
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from timeline import __version__
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


_EVENT_PAD = "\n    "  # where an event's lines start: an item of the top object's "events"
_EVENTS_HERE = "\x00"  # marks the events' place: the encoder escapes it in any string


def event_json_bytes(event: Event) -> bytes:
    """One event as it stands in ``timeline.json``'s list of events (UTF-8)."""
    out: list[str] = []
    _dump(event_json(event), _EVENT_PAD, out)
    return "".join(out).encode("utf-8")


def render_timeline_json(
    timeline: Timeline, event_bytes: Callable[[Event], bytes] = event_json_bytes
) -> bytes:
    """Deterministic JSON (UTF-8): fixed key order, no build time, trailing newline.
    ``event_bytes`` gives each event's JSON (``event_json_bytes``), which a caller may
    remember; the file is put together from them as bytes, never held as text too."""
    data = timeline_data(timeline, events=False)
    data["events"] = _Raw(_EVENTS_HERE)
    out: list[str] = []
    _dump(data, "\n", out)
    out.append("\n")
    head, tail = "".join(out).split(_EVENTS_HERE)
    parts = [event_bytes(e) for e in timeline.events]
    # as _dump writes a list: each item on its own line, one level in
    events = b"[" + b",".join(_EVENT_PAD.encode() + p for p in parts) + b"\n  ]" if parts else b"[]"
    return b"".join((head.encode("utf-8"), events, tail.encode("utf-8")))


@dataclass(frozen=True, slots=True)
class _Raw:
    """Text written as it is (a mark for what is put in later)."""

    text: str


# The standard encoder's C speedups do not indent, and its indenting Python encoder took
# seconds for thousands of events: this writes the same bytes as
# ``json.dumps(data, ensure_ascii=False, indent=2)`` (the tests compare), without generators.
_string = json.encoder.encode_basestring  # the C version when the interpreter has it


def _dump(value: Any, pad: str, out: list[str]) -> None:
    """Append ``value`` as indented JSON; ``pad`` is the newline and indent of its own line."""
    if isinstance(value, str):
        out.append(_string(value))
    elif value is None:
        out.append("null")
    elif value is True:
        out.append("true")
    elif value is False:
        out.append("false")
    elif isinstance(value, int):
        out.append(int.__repr__(value))
    elif isinstance(value, float):
        # NaN and infinities as the encoder writes them
        out.append(float.__repr__(value) if math.isfinite(value) else json.dumps(value))
    elif isinstance(value, dict):
        if not value:
            out.append("{}")
            return
        inner, sep = pad + "  ", "{"
        for key, item in value.items():
            if not isinstance(key, str):
                raise TypeError(f"timeline.json keys are strings, not {key!r}")
            out.append(sep + inner)
            out.append(_string(key))
            out.append(": ")
            _dump(item, inner, out)
            sep = ","
        out.append(pad + "}")
    elif isinstance(value, _Raw):
        out.append(value.text)
    elif isinstance(value, list | tuple):
        if not value:
            out.append("[]")
            return
        inner, sep = pad + "  ", "["
        for item in value:
            out.append(sep + inner)
            # each item joined on its own: the pieces of thousands of events would take far
            # more memory than the text they make
            pieces: list[str] = []
            _dump(item, inner, pieces)
            out.append("".join(pieces))
            sep = ","
        out.append(pad + "]")
    else:
        raise TypeError(f"not JSON data: {value!r}")
