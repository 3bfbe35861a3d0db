"""How the site's JSON files are laid out: each member of the top object on a line of its own,
and each item of its long lists (events, articles) on a line of its own.

Compact lines are what the standard encoder's C code writes (its indenting encoder is pure
Python, and took seconds for thousands of events); they make files about 40 % smaller than
indented ones, and a diff between two builds shows the events that changed, one line each.
Every line is plain ``json.dumps`` output, so the whole file is standard JSON.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from typing import Any


def compact(value: Any) -> bytes:
    """``value`` as one line of JSON (UTF-8, no spaces between tokens)."""
    return json.dumps(value, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def document(members: Mapping[str, Any], listed: Mapping[str, Sequence[bytes]]) -> bytes:
    """The top object: ``members`` in order, a line each, except that a member named in
    ``listed`` is a list of the items given there (each already ``compact``), a line each."""
    parts = [b"{"]  # joined once at the end: the events alone can be a hundred megabytes
    for n, (key, value) in enumerate(members.items()):
        parts += [b",\n" if n else b"", compact(key), b":"]
        if key not in listed:
            parts.append(compact(value))
        elif items := listed[key]:
            parts.append(b"[\n")
            parts += [piece for item in items for piece in (item, b",\n")]
            parts[-1] = b"\n]"
        else:
            parts.append(b"[]")
    parts.append(b"}\n")
    return b"".join(parts)
