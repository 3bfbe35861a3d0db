"""Where each thing lives on the site, and how a page links to it (relative to its ``root``).

The link helpers templates call return markup built from escaped pieces, so ``root`` may be
:data:`ROOT_MARK`: an event's markup is then rendered once and fitted to each page by
:func:`resolve`. A mark starts with "<", which autoescaped article text can never contain, so
text cannot forge one.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from hashlib import sha1
from urllib.parse import quote, unquote

from markupsafe import Markup, escape
from slugify import slugify

from timeline.model import Citation, Event, Timeline
from timeline.pages import Topic

_SAFE_SEGMENT = re.compile(r"[A-Za-z0-9][A-Za-z0-9._~-]{0,99}")
ROOT_MARK = Markup("<@root@>")  # stands for the page's ``root`` until the page is known
_MARKS = re.compile(r"<@(?:root|home:([^@<>]*))@>")
_PLAIN_ANCHOR = re.compile(r"[A-Za-z0-9._~-]*")  # nothing to escape in it


@lru_cache(maxsize=64)
def _escaped_root(root: str, is_markup: bool) -> str:
    # a page has few roots; escaping them once each is most of what a link costs otherwise
    return root if is_markup else str(escape(root))


def _href(root: str, path: str) -> Markup:
    """``root`` + ``path``, where ``path`` holds only URL-quoted pieces (nothing to escape)."""
    return Markup(_escaped_root(str(root), isinstance(root, Markup)) + path)


def safe_name(slug: str) -> str:
    """A file name (without ``.html``) that cannot leave its folder, whatever the article's
    slug says."""
    if _SAFE_SEGMENT.fullmatch(slug) and ".." not in slug:
        return slug
    return (slugify(slug, max_length=60) or "article") + "-" + sha1(slug.encode()).hexdigest()[:8]


@dataclass(frozen=True, slots=True)
class Links:
    homes: Mapping[str, str]  # event id → its page on the main timeline
    people: Mapping[str, str]  # name → slug
    tags: Mapping[str, str]
    names: Mapping[str, str]  # article slug → its page's name under articles/ (no .html)
    events: Mapping[str, Event]
    # True while the pages are not decided: an event's page is left as a mark for ``resolve``
    deferred: bool = False
    _article_paths: dict[str, str] = field(default_factory=dict, compare=False, repr=False)
    # not copied by ``replace``: the paths depend on ``homes``
    _event_paths: dict[str, str] = field(
        default_factory=dict, init=False, compare=False, repr=False
    )

    @classmethod
    def empty(cls, people: Sequence[Topic], tags: Sequence[Topic]) -> Links:
        """Links good enough to measure pages with, before the pages are decided."""
        return cls({}, {t.name: t.slug for t in people}, {t.name: t.slug for t in tags}, {}, {})

    @classmethod
    def build(
        cls,
        timeline: Timeline,
        pages: Mapping[str, Sequence[Event]],
        people: Sequence[Topic],
        tags: Sequence[Topic],
    ) -> Links:
        return cls(
            homes={e.id: path for path, events in pages.items() for e in events},
            people={t.name: t.slug for t in people},
            tags={t.name: t.slug for t in tags},
            names={t.article.slug: safe_name(t.article.slug) for t in timeline.articles},
            events={e.id: e for e in timeline.events},
        )

    def event_path(self, event_id: str) -> str:
        """The event's place on the main timeline, from the top of the site (plain text)."""
        return f"{self.homes.get(event_id, 'index.html')}#e-{quote(event_id)}"

    def event(self, event_id: str, root: str) -> Markup:
        if self.deferred:
            return _href(root, f"<@home:{quote(event_id)}@>#e-{quote(event_id)}")
        path = self._event_paths.get(event_id)
        if path is None:  # an event is linked from every article that reports it: once each
            path = self._event_paths[event_id] = str(escape(self.event_path(event_id)))
        return _href(root, path)

    def article_file(self, slug: str) -> str:
        """The article's page from the top of the site, as a site path (unquoted): one flat
        file per article, so a build makes one folder for all of them, not one each."""
        return f"articles/{self.names.get(slug) or safe_name(slug)}.html"

    def article_path(self, slug: str, anchor: str = "") -> str:
        """An article's evidence page, from the top of the site (plain text, URL-quoted)."""
        path = self._article_paths.get(slug)
        if path is None:  # every citation links to its article: quote each name once
            path = self._article_paths[slug] = quote(self.article_file(slug))
        return f"{path}#{anchor}" if anchor else path

    def article(self, slug: str, root: str, anchor: str = "") -> Markup:
        anchor = str(anchor)
        if not _PLAIN_ANCHOR.fullmatch(anchor):
            anchor = str(escape(anchor))
        return _href(root, self.article_path(slug, anchor))

    def citation(self, citation: Citation, root: str) -> Markup:
        """The cited sentence in its article's evidence view."""
        return _href(root, self.article_path(citation.article_slug, f"s-{citation.sentence_start}"))

    def person(self, name: str, root: str) -> Markup:
        return _href(root, f"people/{quote(self.people.get(name, 'index'))}/index.html")

    def tag(self, name: str, root: str) -> Markup:
        return _href(root, f"tags/{quote(self.tags.get(name, 'index'))}/index.html")

    def slug_of(self, kind: str, name: str) -> str:
        return (self.people if kind == "people" else self.tags).get(name, "")

    def slugs(self, kind: str, names: Sequence[str]) -> str:
        """The slug of each name followed by a space, as an event's ``data-people`` and
        ``data-tags`` list them: one call for an event, not one for each name."""
        slug_of = (self.people if kind == "people" else self.tags).get
        return "".join([f"{slug_of(name, '')} " for name in names])

    def choices(self, events: Sequence[Event], kind: str) -> list[tuple[str, str]]:
        """(slug, name) of the people or tags of some events, by name: a filter's options."""
        names = {n for e in events for n in (e.people if kind == "people" else e.tags)}
        found = [(self.slug_of(kind, n), n) for n in names if self.slug_of(kind, n)]
        return sorted(found, key=lambda c: (c[1].casefold(), c[1]))

    def lookup(self, event_id: str | None) -> Event | None:
        return self.events.get(event_id) if event_id else None


def resolve(markup: str, root: str, links: Links) -> str:
    """Fill in the marks of markup rendered with ``ROOT_MARK`` and deferred links: the page's
    ``root``, and each linked event's page as ``links`` (with the pages decided) has it."""
    if "<@home:" not in markup:  # only follow-up links have these: most markup has none
        return str.replace(markup, ROOT_MARK, root)  # as ``str``, even from ``Markup``

    def fill(match: re.Match[str]) -> str:
        event_id = match.group(1)
        return root if event_id is None else _home(links, event_id)

    return _MARKS.sub(fill, markup)


def _home(links: Links, quoted_id: str) -> str:
    """What a deferred link's mark becomes: the linked event's page, escaped."""
    return str(escape(links.homes.get(unquote(quoted_id), "index.html")))


def resolved_size(markup: str, root: str, links: Links) -> int:
    """``len(resolve(markup, root, links).encode("utf-8"))``, without making that text: what
    decides where long lists of events are cut, asked of every event at every build."""
    size = len(markup) if markup.isascii() else len(markup.encode("utf-8"))
    size += markup.count(ROOT_MARK) * (len(root.encode("utf-8")) - len(ROOT_MARK))
    if "<@home:" in markup:  # only follow-up links: rare
        for match in _MARKS.finditer(markup):
            if match.group(1) is not None:
                home = _home(links, match.group(1))
                size += len(home.encode("utf-8")) - len(match.group(0).encode("utf-8"))
    return size


def absolute(base_url: str, path: str) -> str:
    """``base_url`` + a site path; ``index.html`` is dropped, as servers add it back."""
    page, hash_, fragment = path.partition("#")
    if page == "index.html" or page.endswith("/index.html"):
        page = page[: -len("index.html")]
    return base_url + page + hash_ + fragment


def embed_snippet(base_url: str, title: str) -> str:
    """The copy-paste HTML for a blog: the iframe, and the script that fits it to its content.
    A plain string, so a page showing it escapes it like any other text."""
    src = escape(absolute(base_url, "embed/index.html"))
    script = escape(base_url + "static/embed.js")
    return (
        f'<iframe src="{src}" title="{escape(title)}" data-timeline-embed loading="lazy"\n'
        f'        style="width: 100%; height: 32rem; border: 0;"></iframe>\n'
        f'<script src="{script}" async></script>'
    )
