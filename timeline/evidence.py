"""The evidence view's article text: Markdown rendered and sanitized, with spans highlighted.

Spans are offsets into the Markdown *source*, so they are marked there before rendering: each
span's start and end become one private-use character each (from Supplementary Private Use
Area-A, which no article needs; any already in the text are replaced first, keeping offsets).
The text is rendered and sanitized, and only then are the sentinels turned into elements.

A span may cross Markdown syntax ("**July** 16"), so its ends can land in different elements.
Each stretch of text inside a span is therefore wrapped on its own, within its text node, and
nesting stays valid whatever the markup; only the first stretch carries the span's id.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from timeline.sanitize import article_html

_BASE = 0xF0000  # span k opens with chr(_BASE + 2k) and closes with chr(_BASE + 2k + 1)
_LIMIT = 0xFFFF0
MAX_SPANS = (_LIMIT - _BASE) // 2
# Two more characters of the same area, above the spans', bracket marks a caller puts in a
# span's markup to fill in later (see render_article): the text cannot contain them either.
MARK_OPEN, MARK_CLOSE = "\U000ffff1", "\U000ffff2"
_SENTINELS = re.compile("[\U000f0000-\U000ffffd]")
# html5ever (inside nh3) always double-quotes attributes, but leaves ">" unescaped in them.
_TOKEN = re.compile(r'(<[^>"]*(?:"[^"]*"[^>"]*)*>)')
_TAG_NAME = re.compile(r"</?([a-zA-Z0-9]+)")
# Block markers a sentinel must not precede, or the block would stop being one.
_LINE_START = re.compile(r"[ \t]*(?:(?:#{1,6}|>|[-*+]|\d{1,9}[.)])[ \t]+)*")
_VOID = frozenset({"br", "hr", "img", "wbr", "col", "area"})
# Where text may only be whitespace between elements: wrapping it would break the content model.
_NO_PHRASING = frozenset(
    {"ul", "ol", "dl", "table", "thead", "tbody", "tfoot", "tr", "colgroup", "hgroup"}
)


@dataclass(frozen=True, slots=True)
class Span:
    """One highlighted range of the source and the markup that shows it.

    ``first`` opens its first stretch (with the id), ``inert`` does so inside a link (where
    focusable content is not allowed), ``more`` opens every later stretch, ``close`` ends each,
    and ``after`` (e.g. links to events) is inserted once where the span ends.
    """

    start: int
    end: int
    layer: int  # outer layers wrap inner ones: sentences 0, expressions 1
    first: str
    more: str
    close: str
    inert: str = ""
    after: str = ""


def _adjusted_start(text: str, pos: int) -> int:
    """Move a start that sits at the beginning of a line past the line's block markers."""
    line_start = text.rfind("\n", 0, pos) + 1
    if text[line_start:pos].strip(" \t"):
        return pos
    match = _LINE_START.match(text, line_start)
    return max(pos, match.end()) if match else pos


def mark_source(text: str, spans: Sequence[Span]) -> str:
    """Insert each span's sentinels into the Markdown source."""
    clean = _SENTINELS.sub("\ufffd", text)
    inserts: list[tuple[int, int, str]] = []
    for k, span in enumerate(spans[:MAX_SPANS]):
        end = span.start + len(clean[span.start : span.end].rstrip())
        start = min(_adjusted_start(clean, span.start), end)
        # at one position: closes first, then opens; outer spans open first and close last
        inserts.append((start, 1 + span.layer, chr(_BASE + 2 * k)))
        inserts.append((end, -span.layer, chr(_BASE + 2 * k + 1)))
    out: list[str] = []
    last = 0
    for pos, _, char in sorted(inserts):
        out.append(clean[last:pos])
        out.append(char)
        last = pos
    out.append(clean[last:])
    return "".join(out)


class _Weaver:
    """Walks sanitized HTML once, turning sentinels into the spans' elements."""

    def __init__(self, spans: Sequence[Span]) -> None:
        self.spans = spans
        self.active: list[int] = []
        self.started: set[int] = set()
        self.stack: list[str] = []
        self.pending: list[str] = []  # ``after`` markup waiting for a place where it may go
        self.out: list[str] = []

    def _phrasing(self) -> bool:
        return not self.stack or self.stack[-1] not in _NO_PHRASING

    def _in_link(self) -> bool:
        return "a" in self.stack

    def tag(self, token: str) -> None:
        token = _SENTINELS.sub("", token)  # a span end inside an attribute is lost, not leaked
        match = _TAG_NAME.match(token)
        name = match.group(1).lower() if match else ""
        if token.startswith("</"):
            while self.stack:
                if self.stack.pop() == name:
                    break
        elif name not in _VOID and not token.endswith("/>"):
            self.stack.append(name)
        self.out.append(token)
        self._flush()

    def text(self, token: str) -> None:
        piece_start = 0
        for match in _SENTINELS.finditer(token):
            self._piece(token[piece_start : match.start()])
            piece_start = match.end()
            code = ord(match.group()) - _BASE
            k, closing = divmod(code, 2)
            if k >= len(self.spans):
                continue
            if not closing:
                if k not in self.active:
                    self.active.append(k)
                    self.active.sort(key=lambda i: (self.spans[i].layer, self.spans[i].start, i))
            elif k in self.active:
                self.active.remove(k)
                if self.spans[k].after:
                    self.pending.append(self.spans[k].after)
                    self._flush()
        self._piece(token[piece_start:])

    def _piece(self, piece: str) -> None:
        if not piece:
            return
        if not self.active or not self._phrasing():
            self.out.append(piece)
            return
        closes: list[str] = []
        for k in self.active:
            span = self.spans[k]
            if k in self.started:
                self.out.append(span.more)
            else:
                self.started.add(k)
                self.out.append(span.inert if self._in_link() and span.inert else span.first)
            closes.append(span.close)
        self.out.append(piece)
        self.out.extend(reversed(closes))

    def _flush(self) -> None:
        if self.pending and self._phrasing() and not self._in_link():
            self.out.extend(self.pending)
            self.pending.clear()

    def result(self) -> str:
        if self.pending:  # ended where links may not go: put them after everything
            self.out.append('<p class="after">' + "".join(self.pending) + "</p>")
        return "".join(self.out)


def highlight(text: str, spans: Sequence[Span]) -> str:
    """Markdown source + spans → sanitized HTML with every span's markup woven in."""
    html = article_html(mark_source(text, spans))
    weaver = _Weaver(spans)
    for token in _TOKEN.split(html):
        if not token:
            continue
        if token.startswith("<"):
            weaver.tag(token)
        else:
            weaver.text(token)
    return weaver.result()
