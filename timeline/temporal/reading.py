"""A normalizer's answer for one candidate, and how it becomes a ``Timex``."""

from __future__ import annotations

from collections.abc import Callable
from typing import NamedTuple

from timeline.model import Anchor, AnchorKind, Granularity, Interval, Timex, TimexType, new_timex
from timeline.temporal.anchor import Site
from timeline.temporal.values import interval_of, narrow

ABSOLUTE = Anchor(AnchorKind.ABSOLUTE)
UNANCHORED = Anchor(AnchorKind.NONE)
# The types placed in time, given an interval (a global: see ``anchor.PAST``).
PLACED = (TimexType.DATE, TimexType.TIME)


class Reading(NamedTuple):
    """What a candidate means. Interval and granularity default to those of the value.

    A NamedTuple rather than a frozen dataclass: one is made per candidate, and tuples are
    several times cheaper to build; it is just as immutable.
    """

    type: TimexType
    value: str
    anchor: Anchor
    mod: str | None = None
    approximate: bool = False
    quant: str | None = None
    freq: str | None = None
    interval: Interval | None = None
    granularity: Granularity | None = None
    start: int | None = None  # a shorter span than the match, when leading words are not part of it
    end: int | None = None  # likewise for trailing words


# A normalizer reads one candidate's captured parts at its site; None rejects the candidate.
Normalizer = Callable[[dict[str, str], Site], Reading | None]


def to_timex(r: Reading, start: int, end: int, text: str) -> Timex:
    # (the fields taken at once: one unpacking, not an attribute lookup per field)
    kind, value, anchor, mod, approximate, quant, freq, interval, granularity, r_start, r_end = r
    if r_start is not None:
        start = r_start
    if r_end is not None:
        end = r_end
    placed = kind in PLACED
    if placed and interval is None:
        found = interval_of(value)
        if found is not None:
            # (without a mod there is nothing to narrow: most values, spared the call)
            interval = found[0] if mod is None else narrow(found[0], mod)
            granularity = granularity or found[1]
    if granularity is None and value.endswith("_REF"):
        granularity = Granularity.VAGUE
    # (``new_timex`` is ``Timex(...)`` with every field by position, in field order: faster)
    return new_timex(
        start,
        end,
        text[start:end],
        kind,
        value,
        anchor,
        interval if placed else None,
        granularity,
        approximate or mod == "APPROX",
        mod,
        quant,
        freq,
    )
