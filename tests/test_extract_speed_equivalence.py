"""The per-article stage's speed pass (issue #7) changed how the evidence view is woven, not
what comes out: the woven body matches the straightforward weaver it replaced (kept here as
the reference) on random texts and spans, Markdown and links and lists included; the sentence
splitter's token scan matches the loop it replaced."""

from __future__ import annotations

import random
from collections.abc import Sequence

from timeline import evidence
from timeline.evidence import (
    _BASE,
    _LINE_START,
    _NO_PHRASING,
    _SENTINELS,
    _TAG_NAME,
    _TOKEN,
    _VOID,
    MAX_SPANS,
    Span,
    highlight,
)
from timeline.sanitize import article_html
from timeline.segment import _token_before

# The implementation before the speed pass, verbatim but for the names.

def _reference_adjusted_start(text: str, pos: int) -> int:
    """Move a start that sits at the beginning of a line past the line's block markers."""
    line_start = text.rfind("\n", 0, pos) + 1
    if text[line_start:pos].strip(" \t"):
        return pos
    match = _LINE_START.match(text, line_start)
    return max(pos, match.end()) if match else pos


def _reference_mark_source(text: str, spans: Sequence[Span]) -> str:
    """Insert each span's sentinels into the Markdown source."""
    clean = _SENTINELS.sub("\ufffd", text)
    inserts: list[tuple[int, int, str]] = []
    for k, span in enumerate(spans[:MAX_SPANS]):
        end = span.start + len(clean[span.start : span.end].rstrip())
        start = min(_reference_adjusted_start(clean, span.start), end)
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


class _ReferenceWeaver:
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
        for match in _SENTINELS.finditer(token):  # a span that ends inside an attribute ends
            k, closing = divmod(ord(match.group()) - _BASE, 2)
            if closing and k < len(self.spans) and k in self.active:
                self.active.remove(k)
                if self.spans[k].after:
                    self.pending.append(self.spans[k].after)
        token = _SENTINELS.sub("", token)  # and the sentinels are dropped, not leaked
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



def _reference_highlight(text: str, spans: Sequence[Span]) -> str:
    html = article_html(_reference_mark_source(text, spans))
    weaver = _ReferenceWeaver(spans)
    for token in _TOKEN.split(html):
        if not token:
            continue
        if token.startswith("<"):
            weaver.tag(token)
        else:
            weaver.text(token)
    return weaver.result()


_PIECES = [
    "The talks", " on Monday", ", he said.", " **bold** ", "*em*", "`code`", "\n\n", "\n- item ",
    "\n1. one ", "\n> quote ", "\n## Head ", " [a link](https://example.org/x) ", "<b>raw</b>",
    "<script>x</script>", "\U000f0003", "\U000ffff1", "&amp;", " & ", "\n    code\n", "  \n",
    "| a | b |", "<http://auto.example>", "é", "—", " ", ".", "\t", "<a href='javascript:x'>y</a>",
]


def _case(rng: random.Random) -> tuple[str, list[Span]]:
    text = "".join(rng.choice(_PIECES) for _ in range(rng.randint(1, 25)))
    spans = []
    for k in range(rng.randint(0, 12)):
        start = rng.randint(0, len(text))
        end = rng.randint(start, min(len(text), start + 40))
        layer = rng.randint(0, 1)
        spans.append(Span(
            start, end, layer, f"<m{k}>", f"<n{k}>", f"</m{k}>", rng.choice(["", f"<i{k}>"]),
            rng.choice(["", f"<after{k}>"]),
        ))
    spans.sort(key=lambda s: (s.start, s.layer, -s.end))
    return text, spans


def test_the_woven_body_is_the_reference_weavers() -> None:
    rng = random.Random(7)
    for _ in range(800):
        text, spans = _case(rng)
        assert highlight(text, spans) == _reference_highlight(text, spans), (text, spans)


def test_the_marked_source_is_the_reference_ones() -> None:
    rng = random.Random(8)
    for _ in range(3000):
        text, spans = _case(rng)
        assert evidence.mark_source(text, spans) == _reference_mark_source(text, spans)


_LETTERS_AND_DOT = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz.")


def _reference_token_before(text: str, begin: int, end: int) -> str:
    start = end
    while start > begin and text[start - 1] in _LETTERS_AND_DOT:
        start -= 1
    return text[start:end]


def test_the_token_before_a_period_is_the_backward_scans() -> None:
    rng = random.Random(9)
    for _ in range(5000):
        text = "".join(rng.choice(["a", "Z", ".", " ", "3", "é", "U.S", "-"]) for _ in range(12))
        begin = rng.randint(0, len(text))
        end = rng.randint(begin, len(text))
        assert _token_before(text, begin, end) == _reference_token_before(text, begin, end)
