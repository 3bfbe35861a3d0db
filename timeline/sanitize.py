"""Article Markdown → safe HTML. Article text is untrusted: whatever it holds, nothing it
becomes may run script, load a resource from elsewhere, or reach outside its container."""

from __future__ import annotations

import re
import threading

import markdown
import nh3

# Text-level and block markup a news article needs, and nothing that loads or runs anything:
# no img/iframe/form/style (a remote image would be a network request from our pages), no
# id/class (they could collide with the site's own anchors and styles).
ALLOWED_TAGS = frozenset({
    "a", "abbr", "b", "blockquote", "br", "cite", "code", "del", "dd", "dl", "dt", "em",
    "h2", "h3", "h4", "h5", "h6", "hr", "i", "ins", "kbd", "li", "ol", "p", "pre", "q", "s",
    "small", "strong", "sub", "sup", "table", "tbody", "td", "tfoot", "th", "thead", "tr", "u",
    "ul",
})  # fmt: skip
ALLOWED_ATTRIBUTES = {
    "a": {"href", "title"},
    "abbr": {"title"},
    "q": {"cite"},
    "td": {"colspan", "rowspan"},
    "th": {"colspan", "rowspan", "scope"},
    "ol": {"start"},
}
URL_SCHEMES = frozenset({"http", "https", "mailto"})


# a link whose URL was unsafe loses its href; the rel added to every link must go with it
_DEAD_LINK = re.compile(r'<a((?:\s+(?!href=)[a-z-]+="[^"]*")*)>')
_REL = re.compile(r'\s+rel="[^"]*"')


_local = threading.local()  # a converter per thread: converting changes its state


class MarkdownTooDeep(ValueError):
    """Markdown nested deeper than python-markdown can follow: it recurses once or more for
    each level of a list or quote, and a few hundred levels exhaust Python's stack."""


def markdown_to_html(text: str) -> str:
    """Render Markdown. The converter is reset before each article, so nothing carries from
    one to the next; building a fresh one each time cost a sixth of the conversion."""
    converter: markdown.Markdown | None = getattr(_local, "converter", None)
    if converter is None:
        converter = _local.converter = markdown.Markdown(output_format="html")
    try:
        return converter.reset().convert(text)
    except RecursionError:
        _local.converter = None  # stopped mid-way: the next article gets a fresh one
        raise MarkdownTooDeep("Markdown nested too deeply") from None


def clean_html(html: str) -> str:
    """Keep only the markup in the allow-list; links get rel=nofollow noopener noreferrer."""
    cleaned = nh3.clean(
        html,
        tags=set(ALLOWED_TAGS),
        attributes={k: set(v) for k, v in ALLOWED_ATTRIBUTES.items()},
        url_schemes=set(URL_SCHEMES),
        link_rel="nofollow noopener noreferrer",
        strip_comments=True,
    )
    return _DEAD_LINK.sub(lambda m: "<a" + _REL.sub("", m.group(1)) + ">", cleaned)


def article_html(text: str) -> str:
    """Untrusted Markdown → sanitized HTML fragment."""
    return clean_html(markdown_to_html(text))
