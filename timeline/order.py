"""The timeline's order: one total order over events of mixed granularities.

An event sorts by the **first day of its interval**; among events starting the same day the
**finer** comes first (a time, then the day, the week, the month, …, a vague range last), then
the **shorter** interval, **exact** before approximate, **main** before background, and finally
the **first report** (publication date, article, position in it) and the **id**, which is unique,
so the order is total and every build is byte-identical.

So a year sits at its first day ("2016" before anything of 2016 but 1 January's events), a
month at its first, a week at its Monday, and "in the coming weeks" of an article of 16 July at
17 July — after everything dated 17 July exactly. See docs/ordering.md.
"""

from __future__ import annotations

from datetime import date

from timeline.model import Event


def chronological(event: Event) -> tuple[date, int, date, bool, bool, date, str, int, str]:
    """The sort key of ``event`` in the timeline (see the module docstring)."""
    when = event.when
    first = event.citations[0] if event.citations else None
    return (
        when.interval.start,
        when.granularity.rank,
        when.interval.end,
        when.approximate,
        event.background,
        first.published if first else when.interval.start,
        first.article_slug if first else "",
        first.sentence_start if first else 0,
        event.id,
    )
