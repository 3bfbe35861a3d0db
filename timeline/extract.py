"""Extract events: each dated sentence of a tagged article becomes an event citing it."""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable

from timeline.model import (
    Article, Citation, Event, Status, TaggedArticle, Timex, TimexType, When,
)
from timeline.segment import Sentence, split_sentences

# Values that say "now" or "some time" without placing anything on a timeline.
_UNPLACEABLE = frozenset({"PRESENT_REF", "PAST_REF"})
_NAME = re.compile(r"\b(?:[A-Z][a-z]+(?:[-'][A-Z][a-z]+)?)(?:\s+[A-Z][a-z]+(?:[-'][A-Z][a-z]+)?)+\b")


def extract_events(tagged: TaggedArticle) -> tuple[Event, ...]:
    """One event per sentence that has a placeable date, in text order."""
    article = tagged.article
    events: list[Event] = []
    for sentence in split_sentences(article.text):
        dating = _dating_timex(sentence, tagged.timexes)
        if dating is None:
            continue
        events.append(_event(article, sentence, dating))
    return tuple(events)


def _placeable(timex: Timex) -> bool:
    return (
        timex.type in (TimexType.DATE, TimexType.TIME)
        and timex.interval is not None
        and timex.granularity is not None
        and timex.value not in _UNPLACEABLE
    )


def _dating_timex(sentence: Sentence, timexes: Iterable[Timex]) -> Timex | None:
    inside = [
        t for t in timexes
        if sentence.start <= t.start and t.end <= sentence.end and _placeable(t)
    ]
    # The finest expression usually dates the main action ("on Monday ... since 2016").
    return min(inside, key=lambda t: (t.granularity.rank if t.granularity else 99, t.start),
               default=None)


def _status(article: Article, timex: Timex) -> Status:
    assert timex.interval is not None
    if timex.interval.start > article.dct:
        return Status.EXPECTED
    if timex.interval.end < article.dct or timex.interval.start == timex.interval.end:
        return Status.HAPPENED
    return Status.ONGOING


def _event(article: Article, sentence: Sentence, timex: Timex) -> Event:
    assert timex.interval is not None and timex.granularity is not None
    citation = Citation(
        article_slug=article.slug,
        article_title=article.title,
        article_url=article.url,
        source=article.source,
        published=article.dct,
        sentence=sentence.text,
        sentence_start=sentence.start,
        sentence_end=sentence.end,
        timex=timex,
        confidence=0.6 if timex.approximate else 0.9,
    )
    when = When(timex.value, timex.interval, timex.granularity, timex.approximate)
    return Event(
        id=event_id(article.slug, sentence.text, timex.value),
        when=when,
        status=_status(article, timex),
        text=sentence.text,
        citations=(citation,),
        people=tuple(dict.fromkeys(_NAME.findall(sentence.text))),
        tags=article.tags,
    )


def event_id(slug: str, sentence: str, value: str) -> str:
    """Stable across builds: a hash of what the event is, never of where or when it was built."""
    digest = hashlib.sha1(f"{slug}\x1f{sentence}\x1f{value}".encode()).hexdigest()
    return f"e-{digest[:10]}"

