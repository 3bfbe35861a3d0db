"""The evidence view of one article: its text with every expression and cited sentence marked,
each expression telling what it resolved to, each cited sentence linking to its events.

The costly part, Markdown → sanitized HTML with every expression marked, depends on the article
alone: ``article_body_html`` computes it with every sentence marked as *possibly* cited, so it
can be computed once per article (and cached). ``bind_reports`` then fills in, cheaply, which
sentences this timeline cites and the links to their events.

``page_key`` digests everything the default theme's page shows, so a rebuild can reuse the page
written last time when the key is the same (``write.Memo``).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from markupsafe import Markup, escape

from timeline.dates_display import bare_date, timex_resolution
from timeline.errors import ArticleError
from timeline.evidence import MARK_CLOSE, MARK_OPEN, Span, highlight
from timeline.links import Links
from timeline.memo import digest
from timeline.model import Citation, Event, TaggedArticle, Timeline, Timex, fast_new
from timeline.sanitize import MarkdownTooDeep
from timeline.segment import split_sentences

PageRenderer = Callable[..., str]
# A sentence's marks in the body: o(pen its first stretch), m(ore stretches), c(lose), a(fter).
_SENTENCE_MARK = re.compile(f"{MARK_OPEN}([omca])(\\d+):(\\d+){MARK_CLOSE}")
_EMPTY_AFTER = '<p class="after"></p>'
# Every field of a span by position (start, end, layer, first, more, close, inert, after): one
# is made for each sentence of each article, and ``fast_new`` is 2-3x the dataclass's speed.
_new_span = fast_new(Span)


@dataclass(frozen=True, slots=True)
class Report:
    """One event as this article reports it."""

    event: Event
    citation: Citation


def reports_by_article(timeline: Timeline) -> dict[str, tuple[Report, ...]]:
    """Article slug → the events citing it, in the order their sentences appear in it."""
    found: dict[str, list[Report]] = {}
    for e in timeline.events:
        for c in e.citations:
            found.setdefault(c.article_slug, []).append(Report(e, c))
    return {
        slug: tuple(sorted(rs, key=lambda r: (r.citation.sentence_start, r.event.id)))
        for slug, rs in found.items()
    }


def reports_in(slug: str, timeline: Timeline) -> tuple[Report, ...]:
    """The events citing this article, in the order their sentences appear in it."""
    return reports_by_article(timeline).get(slug, ())


def timex_span(t: Timex) -> Span:
    tip = escape(timex_resolution(t))
    common = f'class="timex" data-value="{escape(t.value)}" data-tip="{tip}"'
    ident = f'id="t-{t.start}" aria-describedby="t-{t.start}-d"'
    return Span(
        start=t.start,
        end=t.end,
        layer=1,
        first=f'<mark {ident} tabindex="0" {common}>',
        inert=f"<mark {ident} {common}>",
        more='<mark class="timex">',
        close="</mark>",
    )


def _cited_markup(start: int, reports: list[Report], links: Links, root: str) -> dict[str, str]:
    after = "".join(
        f'<a class="to-event" href="{links.event(r.event.id, root)}">'
        f'<span class="visually-hidden">Event on the timeline: '
        f"{escape(bare_date(r.event.when))}</span></a>"
        for r in reports
    )
    return {"o": f'<span class="cited" id="s-{start}">', "m": '<span class="cited">',
            "c": "</span>", "a": after}  # fmt: skip


def _timex_spans(tagged: TaggedArticle) -> list[Span]:
    spans: list[Span] = []
    seen: set[int] = set()
    for t in tagged.timexes:
        if 0 <= t.start < t.end <= len(tagged.article.text) and t.start not in seen:
            seen.add(t.start)
            spans.append(timex_span(t))
    return spans


def _ordered(spans: list[Span]) -> list[Span]:
    return sorted(spans, key=lambda s: (s.start, s.layer, -s.end))


def _sentence_spans(text: str) -> list[Span]:
    """Each sentence as a span whose markup is a mark for ``bind_reports``: ``kind`` (o, m, c
    or a) and the sentence's offsets between ``MARK_OPEN`` and ``MARK_CLOSE``."""
    spans = []
    for s in split_sentences(text):
        start, end = s.start, s.end
        if 0 <= start < end <= len(text):
            at = f"{start}:{end}{MARK_CLOSE}"
            spans.append(_new_span(
                start, end, 0, f"{MARK_OPEN}o{at}", f"{MARK_OPEN}m{at}", f"{MARK_OPEN}c{at}", "",
                f"{MARK_OPEN}a{at}",
            ))
    return spans


def article_body_html(tagged: TaggedArticle) -> str:
    """Pure: one article's text as sanitized HTML, its expressions marked and each sentence
    carrying marks for ``bind_reports``. Depends on the article and its expressions only."""
    text = tagged.article.text
    try:
        return highlight(text, _ordered(_sentence_spans(text) + _timex_spans(tagged)))
    except MarkdownTooDeep:
        raise ArticleError(
            tagged.article.path,
            "its Markdown nests lists or quotes too deeply to render (hundreds of levels); "
            "flatten them",
        ) from None


def _by_sentence(tagged: TaggedArticle, reports: tuple[Report, ...]) -> dict[
    tuple[int, int], list[Report]
]:
    by_sentence: dict[tuple[int, int], list[Report]] = {}
    for r in reports:
        key = (r.citation.sentence_start, r.citation.sentence_end)
        if 0 <= key[0] < key[1] <= len(tagged.article.text):
            by_sentence.setdefault(key, []).append(r)
    return by_sentence


def bind_reports(
    body: str, tagged: TaggedArticle, reports: tuple[Report, ...], links: Links, root: str
) -> str:
    """The body of ``article_body_html`` with this timeline's cited sentences marked and linked
    to their events. A cited sentence the body has no marks for (a citation not on a sentence
    boundary) makes the whole body be rendered again with the exact spans."""
    by_sentence = _by_sentence(tagged, reports)
    # keyed as the marks spell the offsets: most marks are of sentences no event cites, and
    # reading the offsets of each as numbers, in a call for each, was most of what binding cost
    cited = {(str(s), str(e)): _cited_markup(s, rs, links, root)
             for (s, e), rs in by_sentence.items()}  # fmt: skip
    parts = _SENTENCE_MARK.split(body)  # text, (kind, start, end, text) for each mark
    texts, kinds, marked = parts[::4], parts[1::4], list(zip(parts[2::4], parts[3::4], strict=True))
    if cited.keys() <= set(marked):
        bound = [texts[0]]
        for kind, key, text in zip(kinds, marked, texts[1:], strict=True):
            markup = cited.get(key)
            if markup:
                bound.append(markup[kind])
            bound.append(text)
        return "".join(bound).replace(_EMPTY_AFTER, "")
    spans = [
        Span(start=int(s), end=int(e), layer=0, first=m["o"], more=m["m"], close=m["c"],
             after=m["a"])
        for (s, e), m in cited.items()
    ]
    return highlight(tagged.article.text, _ordered(spans + _timex_spans(tagged)))


def render_article(
    page: PageRenderer, path: str, tagged: TaggedArticle, reports: tuple[Report, ...],
    links: Links, body: str | None = None,
) -> str:
    """The evidence page; ``body`` is ``article_body_html(tagged)`` if the caller has it."""
    root = "../" * path.count("/")
    html = bind_reports(
        article_body_html(tagged) if body is None else body, tagged, reports, links, root
    )
    return page("article.html", path, tagged=tagged, body=Markup(html), reports=reports)



def _timex_part(t: Timex) -> str:
    # the fields the page shows of an expression, and those its resolution is worded from
    iv = t.interval
    return repr((t.start, t.end, t.text, t.value, str(t.type), str(t.granularity), t.approximate,
                 t.freq, iv and (iv.start, iv.end), str(t.anchor.kind), t.anchor.value))


class PageKeys:
    """Keys of the evidence pages of one build (see ``page_key``). ``base`` digests what
    every page shares: the code, the theme's templates, the config and the timeline's title."""

    def __init__(self, base: str, links: Links) -> None:
        self.base, self.links = base, links
        self._events: dict[str, str] = {}

    def _event_part(self, event: Event) -> str:
        # what a page shows of an event citing it; many articles cite one event: made once
        found = self._events.get(event.id)
        if found is None:
            w = event.when
            found = self._events[event.id] = repr((
                event.id, self.links.homes.get(event.id, ""), w.value, w.interval.start,
                w.interval.end, str(w.granularity), w.approximate, str(event.status),
                event.display_date, event.background, event.text,
            ))  # fmt: skip
        return found

    def page_key(self, path: str, tagged: TaggedArticle, reports: tuple[Report, ...],
                 body: str, made_from: str | None = None) -> str:
        """A digest of everything ``render_article`` puts on this page with the default theme:
        the article, its expressions, its body, and, of each event citing it, its date, text,
        status and page on the timeline, and the cited sentence's place. ``made_from``, a
        digest of what made the article's extraction (``ExtractionCache.key``), stands for the
        article, its expressions and its body, which it determines, and is quicker."""
        if made_from is not None:
            parts = [self.base, path, "made from", made_from]
        else:
            parts = [self.base, path, repr(tagged.article), body]
            parts += [_timex_part(t) for t in tagged.timexes]
        parts.append("reports")
        for r in reports:
            c = r.citation
            parts.append(self._event_part(r.event))
            parts.append(repr((c.sentence_start, c.sentence_end, c.inferred)))
        return digest(*parts)
