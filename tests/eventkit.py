"""Hand-built values for the event stages' tests: timexes, articles and events, no tagger."""

from __future__ import annotations

import hashlib
from datetime import UTC, date, datetime

from timeline.model import (
    Anchor,
    AnchorKind,
    Article,
    Citation,
    Event,
    Granularity,
    Interval,
    Status,
    TaggedArticle,
    Timex,
    TimexType,
    When,
)  # fmt: skip

DCT = date(2018, 7, 16)


def article(text: str, *, slug: str = "a", published: date = DCT, **extra: object) -> Article:
    return Article(
        slug=slug, path=f"{slug}.md", title=slug.title(), text=text,
        published=datetime(published.year, published.month, published.day, tzinfo=UTC),
        **extra,  # type: ignore[arg-type]
    )


def timex(
    text: str, needle: str, value: str, start: date, end: date | None = None, *,
    granularity: Granularity = Granularity.DAY, approximate: bool = False, occurrence: int = 0,
    kind: TimexType = TimexType.DATE, anchor: AnchorKind = AnchorKind.DCT,
) -> Timex:
    """The expression ``needle`` (its ``occurrence``-th appearance) in ``text``."""
    at = -1
    for _ in range(occurrence + 1):
        at = text.index(needle, at + 1)
    return Timex(
        at, at + len(needle), needle, kind, value, Anchor(anchor),
        interval=Interval(start, end or start), granularity=granularity, approximate=approximate,
    )


def tagged(text: str, *timexes: Timex, **extra: object) -> TaggedArticle:
    return TaggedArticle(article(text, **extra), tuple(sorted(timexes, key=lambda t: t.start)))


def event(
    text: str, day: date, *, slug: str = "a", published: date = DCT, eid: str = "",
    people: tuple[str, ...] = (), status: Status = Status.HAPPENED, index: int = 5,
    granularity: Granularity = Granularity.DAY, end: date | None = None, value: str = "",
    approximate: bool = False, background: bool = False, source: str | None = None,
) -> Event:
    when = When(value or day.isoformat(), Interval(day, end or day), granularity, approximate)
    cite = Citation(
        article_slug=slug, article_title=slug, article_url=None, source=source,
        published=published, sentence=text, sentence_start=index * 100,
        sentence_end=index * 100 + len(text), timex=None, confidence=0.9, sentence_index=index,
    )
    return Event(
        id=eid or "e-" + hashlib.sha1(f"{text}{slug}{day}{value}".encode()).hexdigest()[:10],
        when=when, status=status,
        text=text, citations=(cite,), people=people, background=background,
    )
