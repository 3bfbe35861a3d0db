"""Extract events: each sentence of a tagged article → the dated events it reports.

Per sentence (see ``timeline.dating`` for how expressions are told apart):

- the expression outside every embedded region dates the sentence's **main** event;
- each expression that dates an embedded event ("interfered in 2016") yields a **background**
  event citing the same sentence;
- with no main expression, a definite reference to an event dated earlier in the article
  ("at the press conference") dates the main event, its citation marked **inferred**;
- with neither, the first embedded expression dates the sentence's event (the quote *is* the
  news: “In just a few weeks, I will take my own trip …,” Paul wrote);
- durations, sets and "now" place nothing, so a sentence holding only those makes no event.
"""

from __future__ import annotations

import hashlib
import re
from datetime import time

from timeline.dating import Dated, date_sentence
from timeline.model import (
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
)
from timeline.names import Names, find_names, known_people
from timeline.narrative import Anchored, event_nouns, refer_back
from timeline.overrides import is_dropped
from timeline.segment import Sentence, split_sentences
from timeline.status import event_status

_UNPLACEABLE = frozenset({"PRESENT_REF"})
_CLOCK_OFFSET = re.compile(r"\b(?:hours?|minutes?)\b", re.I)
_ANCHOR_CONFIDENCE = {
    AnchorKind.ABSOLUTE: 0.95,
    AnchorKind.DCT: 0.85,
    AnchorKind.NARRATIVE: 0.7,
    AnchorKind.NONE: 0.5,
}


def placeable(timex: Timex, article: Article) -> bool:
    """Can the expression put an event on the timeline? Durations, sets and "now" cannot,
    nor "four hours ago" in an article whose time of day is unknown (published at midnight)."""
    return (
        timex.type in (TimexType.DATE, TimexType.TIME)
        and timex.interval is not None
        and timex.granularity is not None
        and timex.value not in _UNPLACEABLE
        and not (
            timex.anchor.kind is AnchorKind.DCT
            and _CLOCK_OFFSET.search(timex.text)
            and article.published.time() == time()
        )
    )


def confidence(timex: Timex, inferred: bool = False) -> float:
    """How sure the date is: absolute > anchored on the article's date > narrative; vague and
    inferred dates less so."""
    score = _ANCHOR_CONFIDENCE[timex.anchor.kind]
    if timex.approximate or timex.granularity is Granularity.VAGUE:
        score *= 0.7
    if inferred:
        score *= 0.6
    return round(score, 3)


def extract_events(tagged: TaggedArticle) -> tuple[Event, ...]:
    """Every event the article reports, in text order (main before background)."""
    article = tagged.article
    sentences = split_sentences(article.text)
    timexes = [t for t in tagged.timexes if placeable(t, article)]
    known = known_people(s.text for s in sentences)
    anchors: dict[str, Anchored] = {}
    events: list[Event] = []
    for sentence in sentences:
        if is_dropped(article, sentence):
            continue
        inside = [t for t in timexes if sentence.start <= t.start and t.end <= sentence.end]
        dating = date_sentence(sentence.text, sentence.start, inside)
        names = find_names(sentence.text, known)
        main, background = dating.main, list(dating.background)
        if main is not None:
            events.append(_event(article, sentence, main, names, background=False))
        elif (ref := refer_back(sentence.text, anchors, [
            (t.start - sentence.start, t.end - sentence.start) for t in inside
        ])) is not None:
            clause = article.text[dating.main_clause[0]:dating.main_clause[1]]
            events.append(_inferred(article, sentence, ref, clause, names))
            anchors.update({a.noun: a for a in event_nouns(
                sentence.text, sentence.start, [ref.timex], sentence.index
            )})
        elif background:
            events.append(_event(article, sentence, background.pop(0), names, background=False))
        events += [_event(article, sentence, d, names, background=True) for d in background]
        if inside:
            nouns = event_nouns(sentence.text, sentence.start, inside, sentence.index)
            anchors.update({a.noun: a for a in nouns})
    return tuple(events)


def _citation(
    article: Article, sentence: Sentence, timex: Timex | None, conf: float,
    inferred_from: Timex | None = None,
) -> Citation:
    return Citation(
        article_slug=article.slug,
        article_title=article.title,
        article_url=article.url,
        source=article.source,
        published=article.dct,
        sentence=sentence.text,
        sentence_start=sentence.start,
        sentence_end=sentence.end,
        timex=timex,
        confidence=conf,
        inferred=inferred_from is not None,
        sentence_index=sentence.index,
        inferred_from=inferred_from,
    )


def _when(timex: Timex) -> tuple[When, Interval]:
    assert timex.interval is not None and timex.granularity is not None
    return When(timex.value, timex.interval, timex.granularity, timex.approximate), timex.interval


def _event(
    article: Article, sentence: Sentence, dated: Dated, names: Names, *, background: bool
) -> Event:
    when, interval = _when(dated.timex)
    clause = article.text[dated.clause_start:dated.clause_end]
    return _make(
        article, sentence, when, event_status(interval, article.dct, clause), names, background,
        _citation(article, sentence, dated.timex, confidence(dated.timex)),
    )


def _inferred(
    article: Article, sentence: Sentence, ref: Anchored, clause: str, names: Names
) -> Event:
    when, interval = _when(ref.timex)
    citation = _citation(article, sentence, None, confidence(ref.timex, True), ref.timex)
    status = event_status(interval, article.dct, clause)
    return _make(article, sentence, when, status, names, False, citation)


def _make(
    article: Article, sentence: Sentence, when: When, status: Status, names: Names,
    background: bool, citation: Citation,
) -> Event:
    return Event(
        id=event_id(article.slug, sentence.text, when.value, background),
        when=when,
        status=status,
        text=sentence.text,
        citations=(citation,),
        people=names.people,
        organizations=names.organizations,
        tags=article.tags,
        background=background,
    )


def event_id(slug: str, sentence: str, value: str, background: bool = False) -> str:
    """Stable across builds: a hash of what the event is, never of where or when it was built."""
    kind = "b" if background else "m"
    digest = hashlib.sha1(f"{slug}\x1f{sentence}\x1f{value}\x1f{kind}".encode()).hexdigest()
    return f"e-{digest[:10]}"
