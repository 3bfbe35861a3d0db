"""A readable table of tagged expressions, for ``timeline tag --text``."""

from __future__ import annotations

from collections.abc import Sequence

from timeline.model import AnchorKind, Timex

_HEADER = ("span", "expression", "type", "value", "resolved to", "granularity", "anchor")


def _resolved(t: Timex) -> str:
    if t.interval is None:
        return "-"
    start, end = t.interval.start.isoformat(), t.interval.end.isoformat()
    text = start if start == end else f"{start} .. {end}"
    return f"~{text}" if t.approximate else text


def _anchor(t: Timex) -> str:
    if t.anchor.kind is AnchorKind.NARRATIVE:
        return f"narrative {t.anchor.value} (at {t.anchor.offset})"
    if t.anchor.kind is AnchorKind.DCT:
        return f"dct {t.anchor.value}"
    return str(t.anchor.kind)


def timex_table(timexes: Sequence[Timex]) -> str:
    """Aligned columns, one row per expression; ``~`` marks an approximate range."""
    rows = [_HEADER] + [
        (
            f"{t.start}-{t.end}",
            t.text,
            str(t.type),
            t.value + (f" ({t.mod})" if t.mod else ""),
            _resolved(t),
            str(t.granularity) if t.granularity else "-",
            _anchor(t),
        )
        for t in timexes
    ]
    widths = [max(len(row[i]) for row in rows) for i in range(len(_HEADER) - 1)]
    lines = [
        "  ".join(cell.ljust(w) for cell, w in zip(row, widths, strict=False)) + "  " + row[-1]
        for row in rows
    ]
    if not timexes:
        lines.append("(no temporal expressions)")
    return "\n".join(line.rstrip() for line in lines) + "\n"
