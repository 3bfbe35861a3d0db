"""``feed.xml`` (Atom, RFC 4287) and ``sitemap.xml``, written with the standard library's
ElementTree: both are small, fixed vocabularies, and ElementTree escapes every text and value.

An entry's ``updated`` is the publication date of its latest report, so an event that a new
article re-reports comes back to the top of the feed; nothing depends on the time of the build.
"""

from __future__ import annotations

import uuid
import xml.etree.ElementTree as ET
from collections.abc import Sequence
from datetime import date

from timeline import __version__
from timeline.dates_display import display_date
from timeline.links import Links, absolute
from timeline.model import Event, Timeline

ATOM = "http://www.w3.org/2005/Atom"
SITEMAP = "http://www.sitemaps.org/schemas/sitemap/0.9"
FEED_ENTRIES = 100
_EPOCH = date(1970, 1, 1)
_IDS = uuid.UUID("6f1d3a52-5c1e-4b47-9c39-0b2d1f6a7e10")  # namespace of our entry ids


def _updated(event: Event) -> date:
    return max((c.published for c in event.citations), default=_EPOCH)


def _stamp(day: date) -> str:
    return f"{day.isoformat()}T00:00:00Z"


def _sub(parent: ET.Element, tag: str, text: str | None = None, **attrs: str) -> ET.Element:
    el = ET.SubElement(parent, tag, attrs)
    if text is not None:
        el.text = text
    return el


def _xml(root: ET.Element) -> str:
    ET.indent(root)
    return '<?xml version="1.0" encoding="utf-8"?>\n' + ET.tostring(root, "unicode") + "\n"


def render_atom(timeline: Timeline, base_url: str, links: Links) -> str:
    """The most recently reported events first (ties by id), as Atom entries."""
    events = sorted(timeline.events, key=lambda e: (-_updated(e).toordinal(), e.id))
    events = events[:FEED_ENTRIES]
    feed = ET.Element("feed", {"xmlns": ATOM})
    _sub(feed, "id", f"urn:uuid:{uuid.uuid5(_IDS, 'feed:' + timeline.title)}")
    _sub(feed, "title", timeline.title)
    newest = max((_updated(e) for e in events), default=_EPOCH)
    _sub(feed, "updated", _stamp(newest))
    _sub(feed, "link", rel="alternate", type="text/html", href=absolute(base_url, "index.html"))
    _sub(feed, "link", rel="self", type="application/atom+xml", href=base_url + "feed.xml")
    _sub(feed, "generator", "timeline", version=__version__)
    for event in events:
        entry = _sub(feed, "entry")
        _sub(entry, "id", f"urn:uuid:{uuid.uuid5(_IDS, 'event:' + event.id)}")
        _sub(entry, "title", f"{display_date(event)}: {event.headline or event.text}")
        _sub(entry, "updated", _stamp(_updated(event)))
        if event.citations:
            _sub(entry, "published", _stamp(min(c.published for c in event.citations)))
        _sub(entry, "link", rel="alternate", type="text/html",
             href=absolute(base_url, links.event_path(event.id)))  # fmt: skip
        author = _sub(entry, "author")
        outlet = (event.citations[0].source or "unknown") if event.citations else "timeline"
        _sub(author, "name", outlet)
        reports = "\n".join(
            f"- {c.source or c.article_title}, {c.published.isoformat()}: “{c.sentence}”"
            for c in event.citations
        )
        _sub(entry, "summary", f"{event.text}\n\nReported by:\n{reports}", type="text")
        for tag in event.tags:
            _sub(entry, "category", term=tag)
    return _xml(feed)


def render_sitemap(pages: Sequence[str], timeline: Timeline, base_url: str, links: Links) -> (
    str
):
    """Every HTML page of the site, absolute; an article's page is as new as the article."""
    dated = {links.article_file(t.article.slug): t.article.dct for t in timeline.articles}
    urlset = ET.Element("urlset", {"xmlns": SITEMAP})
    for path in sorted(pages):
        url = _sub(urlset, "url")
        _sub(url, "loc", absolute(base_url, path))
        if path in dated:
            _sub(url, "lastmod", dated[path].isoformat())
    return _xml(urlset)
