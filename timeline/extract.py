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
from bisect import bisect_right
from collections.abc import Sequence
from datetime import date, time

from timeline.dating import Dated, date_sentence, main_clause
from timeline.model import (
    MAX_NAMES,
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
    fast_new,
)
from timeline.names import Names, article_names
from timeline.narrative import Anchored, event_nouns, refer_back
from timeline.overrides import is_dropped
from timeline.segment import Sentence, split_sentences
from timeline.status import event_status

# Every field by position (see ``fast_new``): the dataclasses' own ``__init__`` sets each field
# through ``object.__setattr__``, and there are three of these for every event.
_new_when = fast_new(When)
_new_citation = fast_new(Citation)
_new_event = fast_new(Event)
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
    dct = article.dct
    sentences = split_sentences(article.text)
    timexes = [t for t in tagged.timexes if placeable(t, article)]
    names_of = article_names([s.text for s in sentences])
    anchors: dict[str, Anchored] = {}
    events: list[Event] = []
    add = events.append
    for sentence, inside in zip(sentences, _by_sentence(sentences, timexes), strict=True):
        if article.drops and is_dropped(article, sentence):
            continue
        if not inside:
            # A sentence without a placeable expression (most of a long article) can only
            # refer back to an event dated earlier, so it is not dated clause by clause; with
            # no anchors, there is nothing to refer back to.
            ref = refer_back(sentence.text, anchors, []) if anchors else None
            if ref is not None:
                start, end = main_clause(sentence.text, sentence.start)
                clause = article.text[start:end]
                names = names_of(sentence.index)
                _add_inferred(events, anchors, article, dct, sentence, ref, clause, names)
            continue
        dating = date_sentence(sentence.text, sentence.start, inside)
        main = dating.main
        if main is not None:  # the usual case: the main event, then any background ones
            names = names_of(sentence.index)
            add(_event(article, dct, sentence, main, names, background=False))
            for d in dating.background:
                add(_event(article, dct, sentence, d, names, background=True))
        else:
            background = list(dating.background)
            ref = None
            if anchors:
                ref = refer_back(sentence.text, anchors, [
                    (t.start - sentence.start, t.end - sentence.start) for t in inside
                ])
            if ref is not None or background:
                # one Names for all the sentence's events (shared, as in their pickles)
                names = names_of(sentence.index)
                if ref is not None:
                    start, end = dating.main_clause
                    clause = article.text[start:end]
                    _add_inferred(events, anchors, article, dct, sentence, ref, clause, names)
                else:
                    add(_event(article, dct, sentence, background.pop(0), names, background=False))
                for d in background:
                    add(_event(article, dct, sentence, d, names, background=True))
        nouns = event_nouns(sentence.text, sentence.start, inside, sentence.index)
        if nouns:
            anchors.update({a.noun: a for a in nouns})
    return tuple(events)


def _add_inferred(
    events: list[Event], anchors: dict[str, Anchored], article: Article, dct: date,
    sentence: Sentence, ref: Anchored, clause: str, names: Names,
) -> None:
    """The event of a sentence dated by the earlier event it refers to, and the anchors of
    its event nouns, dated alike."""
    events.append(_inferred(article, dct, sentence, ref, clause, names))
    anchors.update({a.noun: a for a in event_nouns(
        sentence.text, sentence.start, [ref.timex], sentence.index
    )})


def _by_sentence(sentences: Sequence[Sentence], timexes: list[Timex]) -> list[list[Timex]]:
    """The expressions inside each sentence, in their given order: a binary search per
    expression rather than a test of every expression against every sentence."""
    starts = [s.start for s in sentences]
    inside: list[list[Timex]] = [[] for _ in sentences]
    for t in timexes:
        i = bisect_right(starts, t.start) - 1
        # Sentences do not overlap, so only the last one starting at or before the
        # expression can hold it; an empty expression on a boundary is in the one before too.
        while i >= 0 and t.end <= sentences[i].end:
            inside[i].append(t)
            i -= 1
    return inside


def _citation(
    article: Article, sentence: Sentence, timex: Timex | None, conf: float,
    inferred_from: Timex | None = None,
) -> Citation:
    # Every field, in field order (``_new_citation`` takes no keywords and has no defaults).
    return _new_citation(
        article.slug, article.title, article.url, article.source, article.dct, sentence.text,
        sentence.start, sentence.end, timex, conf, inferred_from is not None, sentence.index,
        inferred_from,
    )


def _when(timex: Timex) -> tuple[When, Interval]:
    assert timex.interval is not None and timex.granularity is not None
    interval = timex.interval
    return _new_when(timex.value, interval, timex.granularity, timex.approximate), interval


def _event(
    article: Article, dct: date, sentence: Sentence, dated: Dated, names: Names, *,
    background: bool,
) -> Event:
    when, interval = _when(dated.timex)
    clause = article.text[dated.clause_start:dated.clause_end]
    return _make(
        article, sentence, when, event_status(interval, dct, clause), names, background,
        _citation(article, sentence, dated.timex, confidence(dated.timex)),
    )


def _inferred(
    article: Article, dct: date, sentence: Sentence, ref: Anchored, clause: str, names: Names
) -> Event:
    when, interval = _when(ref.timex)
    citation = _citation(article, sentence, None, confidence(ref.timex, True), ref.timex)
    status = event_status(interval, dct, clause)
    return _make(article, sentence, when, status, names, False, citation)


def _make(
    article: Article, sentence: Sentence, when: When, status: Status, names: Names,
    background: bool, citation: Citation,
) -> Event:
    # Every field, in field order (id, when, status, text, citations, people, organizations,
    # tags, background, then the hand-made events' fields, None here): see ``_citation``.
    return _new_event(
        event_id(article.slug, sentence.text, when.value, background), when, status,
        sentence.text, (citation,), names.people[:MAX_NAMES], names.organizations[:MAX_NAMES],
        article.tags, background,
        None, None, None, None, None, None, None, None,
    )


def event_id(slug: str, sentence: str, value: str, background: bool = False) -> str:
    """Stable across builds: a hash of what the event is, never of where or when it was built."""
    kind = "b" if background else "m"
    digest = hashlib.sha1(f"{slug}\x1f{sentence}\x1f{value}\x1f{kind}".encode()).hexdigest()
    return f"e-{digest[:10]}"
