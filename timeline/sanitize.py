"""Article Markdown → safe HTML. Article text is untrusted: whatever it holds, nothing it
becomes may run script, load a resource from elsewhere, or reach outside its container."""

from __future__ import annotations

import re
import threading
from bisect import bisect_right
from xml.etree.ElementTree import Element

import markdown
import nh3
from markdown.treeprocessors import Treeprocessor
from markdown.util import AtomicString

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


# python-markdown's inline parsing (upstream issue #798) rebuilds a block's text for each
# pattern it matches, and from each '[', '(' or '<' it reads on, in Python, to the closing
# mark, or to the block's end when there is none: a hostile block of a few hundred kilobytes
# takes minutes. The blocks of an article share a budget of such steps (a few seconds of
# work at worst); a block that would overdraw it is shown as plain text, its marks as they
# were typed. A dense paragraph of real prose, whose marks close soon, spends a
# hundred-thousandth of it.
INLINE_BUDGET = 1_000_000_000
_MARKS = "[(<`*_&"  # what may start a pattern: each match rebuilds the text once
_ANY_MARK = re.compile("[" + re.escape(_MARKS) + "]")
_READ_ON = {"[": "]", "(": ")", "<": ">"}  # read on to the closer a character at a time
_READ_WEIGHT = 100  # a character read on costs ~100 of a rebuild's (copied in C)


def inline_steps(text: str) -> int:
    """An upper estimate of python-markdown's inline work on one block's text, in steps: the
    text's length for each mark that may start a pattern, and, weighted, the way from each
    '[', '(' and '<' to its closer (or the end)."""
    if not _ANY_MARK.search(text):
        return 0
    length = len(text)
    steps = length * sum(text.count(mark) for mark in _MARKS)
    read = 0
    for opener, closer in _READ_ON.items():
        if opener not in text:
            continue
        closes = [m.start() for m in re.finditer(re.escape(closer), text)]
        for found in re.finditer(re.escape(opener), text):
            after = bisect_right(closes, found.start())
            read += (closes[after] if after < len(closes) else length) - found.start()
    return steps + _READ_WEIGHT * read


class _InlineBudget(Treeprocessor):
    """Before inline parsing: blocks that would overdraw ``INLINE_BUDGET`` become plain
    text (an ``AtomicString``, which inline parsing leaves alone and the output escapes)."""

    def run(self, root: Element) -> None:
        spent = 0
        for element in root.iter():
            for part in ("text", "tail"):
                text = getattr(element, part)
                if not text or isinstance(text, AtomicString):
                    continue
                steps = inline_steps(text)
                if spent + steps > INLINE_BUDGET:
                    setattr(element, part, AtomicString(text))
                else:
                    spent += steps


class MarkdownTooDeep(ValueError):
    """Markdown nested deeper than python-markdown can follow: it recurses once or more for
    each level of a list or quote, and a few hundred levels exhaust Python's stack."""


def markdown_to_html(text: str) -> str:
    """Render Markdown. The converter is reset before each article, so nothing carries from
    one to the next; building a fresh one each time cost a sixth of the conversion."""
    converter: markdown.Markdown | None = getattr(_local, "converter", None)
    if converter is None:
        converter = _local.converter = markdown.Markdown(output_format="html")
        # before 'inline' (priority 20), which it spares the work of hostile blocks
        converter.treeprocessors.register(_InlineBudget(converter), "inline_budget", 25)
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
