"""The evidence view of one article: its text with every expression and cited sentence marked,
each expression telling what it resolved to, each cited sentence linking to its events."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from markupsafe import Markup, escape

from timeline.dates_display import bare_date, timex_resolution
from timeline.evidence import Span, highlight
from timeline.links import Links
from timeline.model import Citation, Event, TaggedArticle, Timeline, Timex

PageRenderer = Callable[..., str]


@dataclass(frozen=True, slots=True)
class Report:
    """One event as this article reports it."""

    event: Event
    citation: Citation


def reports_in(slug: str, timeline: Timeline) -> tuple[Report, ...]:
    """The events citing this article, in the order their sentences appear in it."""
    found = [Report(e, c) for e in timeline.events for c in e.citations if c.article_slug == slug]
    return tuple(sorted(found, key=lambda r: (r.citation.sentence_start, r.event.id)))


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


def sentence_span(start: int, end: int, reports: list[Report], links: Links, root: str) -> Span:
    after = "".join(
        f'<a class="to-event" href="{escape(links.event(r.event.id, root))}">'
        f'<span class="visually-hidden">Event on the timeline: '
        f"{escape(bare_date(r.event.when))}</span></a>"
        for r in reports
    )
    return Span(
        start=start,
        end=end,
        layer=0,
        first=f'<span class="cited" id="s-{start}">',
        more='<span class="cited">',
        close="</span>",
        after=after,
    )


def spans_of(
    tagged: TaggedArticle, reports: tuple[Report, ...], links: Links, root: str
) -> list[Span]:
    by_sentence: dict[tuple[int, int], list[Report]] = {}
    for r in reports:
        key = (r.citation.sentence_start, r.citation.sentence_end)
        if 0 <= key[0] < key[1] <= len(tagged.article.text):
            by_sentence.setdefault(key, []).append(r)
    spans = [sentence_span(s, e, rs, links, root) for (s, e), rs in by_sentence.items()]
    seen: set[int] = set()
    for t in tagged.timexes:
        if 0 <= t.start < t.end <= len(tagged.article.text) and t.start not in seen:
            seen.add(t.start)
            spans.append(timex_span(t))
    return sorted(spans, key=lambda s: (s.start, s.layer, -s.end))


def render_article(
    page: PageRenderer, path: str, tagged: TaggedArticle, timeline: Timeline, links: Links
) -> str:
    root = "../" * path.count("/")
    reports = reports_in(tagged.article.slug, timeline)
    body = Markup(highlight(tagged.article.text, spans_of(tagged, reports, links, root)))
    return page("article.html", path, tagged=tagged, body=body, reports=reports)
