"""Editorial control from an article's front matter: pins and drops.

``pin: {"Monday": "2018-07-16"}`` sets the value of every expression whose text is "Monday"
(case-insensitive), and adds one where the tagger found none. ``drop: ["text"]`` drops the
events of every sentence that contains "text". A pin or drop that matches nothing is reported as
a warning, since it is almost always a typo.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import replace

from timeline.errors import ArticleError
from timeline.model import Anchor, AnchorKind, Article, TaggedArticle, Timex, TimexType
from timeline.segment import Sentence, split_sentences


def _pinned(article: Article, text: str, value: str, start: int, end: int) -> Timex:
    from timeline.temporal.values import given_interval  # (see api.tag_article)

    resolved = given_interval(value)
    if resolved is None:
        raise ArticleError(
            article.path,
            f"pin {text!r}: {value!r} is not a date; write it as 2018-07-16, 2018-07 or 2018",
        )
    interval, granularity = resolved
    return Timex(
        start, end, text, TimexType.DATE, value, Anchor(AnchorKind.ABSOLUTE),
        interval=interval, granularity=granularity,
    )


def apply_pins(tagged: TaggedArticle) -> TaggedArticle:
    """The tagged article with every pinned expression set to its pinned value."""
    article = tagged.article
    if not article.pins:
        return tagged
    timexes = list(tagged.timexes)
    for text, value in article.pins:
        for m in re.finditer(rf"(?<!\w){re.escape(text)}(?!\w)", article.text, re.I):
            pin = _pinned(article, m.group(), value, m.start(), m.end())
            hits = [i for i, t in enumerate(timexes) if t.start == m.start() and t.end == m.end()]
            overlapping = [t for t in timexes if t.start < m.end() and m.start() < t.end]
            if hits:
                old = timexes[hits[0]]
                timexes[hits[0]] = replace(
                    old, value=value, interval=pin.interval, granularity=pin.granularity,
                    anchor=pin.anchor, type=TimexType.DATE, approximate=False, mod=None,
                )
            elif not overlapping:
                timexes.append(pin)
    return TaggedArticle(article, tuple(sorted(timexes, key=lambda t: (t.start, t.end))))


def is_dropped(article: Article, sentence: Sentence) -> bool:
    text = sentence.text.casefold()
    return any(drop.casefold() in text for drop in article.drops)


def override_warnings(tagged: Iterable[TaggedArticle]) -> tuple[str, ...]:
    """One warning for each pin or drop that matches nothing in its article."""
    warnings = []
    for t in tagged:
        article = t.article
        for text, _ in article.pins:
            if not re.search(rf"(?<!\w){re.escape(text)}(?!\w)", article.text, re.I):
                warnings.append(f"{article.path}: pin {text!r} matches no text; check its spelling")
        if not article.drops:
            continue  # most articles have none: split only those that do into sentences
        sentences = [s.text.casefold() for s in split_sentences(article.text)]
        for drop in article.drops:
            needle = drop.casefold()
            if not any(needle in s for s in sentences):
                warnings.append(
                    f"{article.path}: drop {drop!r} matches no sentence; quote part of one sentence"
                )
    return tuple(warnings)
