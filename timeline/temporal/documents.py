"""Tagging JSONL documents: ``{"id", "dct", "text"[, "lang"]}`` in, ``{"id", "timexes"}`` out.

The pure core of ``timeline tag``: lines in, lines out, no files. Bad lines raise
``TimelineError`` naming the line, so the CLI can report them as they are.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from datetime import date, datetime
from typing import Any

from timeline.errors import TimelineError
from timeline.model import Timex
from timeline.temporal import tag


def parse_dct(value: object) -> date | datetime:
    """An ISO date ("2018-07-16") or date-time ("2018-07-16T09:30", "...+02:00")."""
    if not isinstance(value, str):
        raise ValueError(f'"dct" must be an ISO date string, not {type(value).__name__}')
    try:
        if "T" in value or " " in value.strip():
            return datetime.fromisoformat(value.strip())
        return date.fromisoformat(value.strip())
    except ValueError:
        raise ValueError(f'"dct" is not an ISO date or date-time: {value!r}') from None


def timex_json(t: Timex) -> dict[str, Any]:
    return {"start": t.start, "end": t.end, "text": t.text, "type": str(t.type), "value": t.value}


def _document(line: str) -> tuple[str, str, date | datetime, str]:
    try:
        doc = json.loads(line)
    except json.JSONDecodeError as exc:
        raise ValueError(f"not valid JSON ({exc.msg} at column {exc.colno})") from None
    except RecursionError:
        raise ValueError("not valid JSON (nested too deeply)") from None
    if not isinstance(doc, dict):
        raise ValueError("each line must be a JSON object")
    missing = [k for k in ("id", "dct", "text") if k not in doc]
    if missing:
        raise ValueError("missing " + ", ".join(f'"{k}"' for k in missing))
    if not isinstance(doc["text"], str):
        raise ValueError('"text" must be a string')
    lang = doc.get("lang", "en")
    if not isinstance(lang, str) or not lang:
        raise ValueError('"lang" must be a language code such as "en"')
    return str(doc["id"]), doc["text"], parse_dct(doc["dct"]), lang


def tag_documents(lines: Iterable[str]) -> Iterator[str]:
    """One JSON line of timexes per document line; blank lines are skipped.

    Raises ``TimelineError("line N: ...")`` for a line that is not a valid document.
    """
    for n, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            doc_id, text, dct, lang = _document(line)
        except ValueError as exc:
            raise TimelineError(f"line {n}: {exc}") from None
        try:
            timexes = tag(text, dct, lang)
        except TimelineError as exc:  # a language it cannot read: which document's
            raise TimelineError(f"line {n}: {exc}") from None
        yield json.dumps({"id": doc_id, "timexes": [timex_json(t) for t in timexes]})
