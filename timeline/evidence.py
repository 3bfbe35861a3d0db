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
from bisect import insort
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
_SENTINEL_SPLIT = re.compile("([\U000f0000-\U000ffffd])")
_NOT_BLANK = re.compile("[^ \t]")
# A numeric character reference ("&#xF0000;", "&#983040;"; HTML reads one without its ";" too,
# and with leading zeros): the sanitizer writes out the character it stands for.
_REFERENCE = re.compile(r"&#(?:[xX]([0-9a-fA-F]+)|([0-9]+))")
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


def _past_block_markers(text: str, pos: int, line_start: int) -> int:
    """A start at the beginning of a line (only blanks before it) moved past the line's block
    markers, which a sentinel must not precede."""
    match = _LINE_START.match(text, line_start)
    return max(pos, match.end()) if match else pos


def _defused(ref: re.Match[str]) -> str:
    """A reference to a sentinel as one to U+FFFD of the same length (offsets are kept)."""
    hexa, decimal = ref.groups()
    digits = (hexa or decimal).lstrip("0")
    # (a sentinel has at most seven digits; ``int`` refuses a decimal of thousands)
    if len(digits) > 7 or not _BASE <= int(digits or "0", 16 if hexa else 10) <= 0xFFFFD:
        return ref.group()
    if hexa:
        return ref.group()[:3] + "FFFD".rjust(len(hexa), "0")
    return "&#" + "65533".rjust(len(decimal), "0")


def mark_source(text: str, spans: Sequence[Span]) -> str:
    """Insert each span's sentinels into the Markdown source."""
    clean = _SENTINELS.sub("\ufffd", text)
    if "&#" in clean:
        # Nor can the text write a sentinel as a character reference: rendered, it was read
        # as one, starting or ending the span it numbers, or as a mark ``bind_reports`` fills.
        clean = _REFERENCE.sub(_defused, clean)
    inserts: list[tuple[int, int, str]] = []
    add = inserts.append
    for k, span in enumerate(spans[:MAX_SPANS]):
        start = span.start
        end = start + len(clean[start : span.end].rstrip())
        line_start = clean.rfind("\n", 0, start) + 1
        # Only blanks before it on its line? A search, not the line sliced and stripped: a
        # paragraph is one line, and most spans start well inside one.
        if not _NOT_BLANK.search(clean, line_start, start):
            start = _past_block_markers(clean, start, line_start)
        # at one position: closes first, then opens; outer spans open first and close last
        add((min(start, end), 1 + span.layer, chr(_BASE + 2 * k)))
        add((end, -span.layer, chr(_BASE + 2 * k + 1)))
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
        # Open spans are kept in nesting order: outer layers first, then by start (and index).
        self.nesting = [(span.layer, span.start, i) for i, span in enumerate(spans)]
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
        # A sentinel inside an attribute (a link's title) is dropped, not leaked. A span that
        # ends there ends there: left open, it wrapped every later stretch of the article,
        # and a run of them ("Xyz. [Ab](http://x "Then. Next") " 1,200 times, 40 KB) made a
        # body of 56 MB.
        clean = _SENTINELS.sub("", token)
        if len(clean) != len(token):
            self._end_spans_in(token)
        token = clean
        match = _TAG_NAME.match(token)
        name = match.group(1).lower() if match else ""
        if token.startswith("</"):
            while self.stack:
                if self.stack.pop() == name:
                    break
        elif name not in _VOID and not token.endswith("/>"):
            self.stack.append(name)
        self.out.append(token)
        if self.pending:
            self._flush()

    def _end_spans_in(self, token: str) -> None:
        """End the open spans whose end sentinel is in ``token`` (a tag's)."""
        for char in _SENTINELS.findall(token):
            k, closing = divmod(ord(char) - _BASE, 2)
            if closing and k < len(self.spans) and k in self.active:
                self.active.remove(k)
                if self.spans[k].after:
                    self.pending.append(self.spans[k].after)

    def text(self, token: str) -> None:
        # Only tags change the stack: whether text may be wrapped here (phrasing), whether it
        # is inside a link, hold for the whole token.
        stack = self.stack
        phrasing = not stack or stack[-1] not in _NO_PHRASING
        in_link = "a" in stack
        out, spans, active, started = self.out, self.spans, self.active, self.started
        # ``parts`` alternates text (possibly empty) and one sentinel, text first and last
        parts = _SENTINEL_SPLIT.split(token)
        for j in range(0, len(parts), 2):
            if j:
                k, closing = divmod(ord(parts[j - 1]) - _BASE, 2)
                if k < len(spans):
                    if not closing:
                        if k not in active:
                            insort(active, k, key=self.nesting.__getitem__)
                    elif k in active:
                        active.remove(k)
                        after = spans[k].after
                        if after:  # ``_flush``, inline
                            self.pending.append(after)
                            if phrasing and not in_link:
                                out += self.pending
                                self.pending.clear()
            piece = parts[j]
            if not piece:
                continue
            if not active or not phrasing:
                out.append(piece)
                continue
            # Each stretch wrapped in every open span, outermost first; a span's first
            # stretch gets its id (``first``, or ``inert`` inside a link), later ones ``more``.
            closes: list[str] = []
            for k in active:
                span = spans[k]
                if k in started:
                    out.append(span.more)
                else:
                    started.add(k)
                    out.append(span.inert if span.inert and in_link else span.first)
                closes.append(span.close)
            out.append(piece)
            closes.reverse()
            out += closes

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
