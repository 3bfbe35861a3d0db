"""Markdown → HTML on the generated corpus: python-markdown (what timeline uses) against
markdown-it-py, mistune and cmarkgfm (compiled), each followed by the same nh3 sanitizing as
``timeline.sanitize``.

    python benchmarks/bench_markdown.py /tmp/articles            # a folder from corpus.py
    python benchmarks/bench_markdown.py /tmp/articles --repeat 3

markdown-it-py, mistune and cmarkgfm are not project dependencies: run this with a Python that
has them (a scratch venv: ``pip install markdown markdown-it-py mistune cmarkgfm nh3``); a
library that is missing is skipped. Prints ms per article (best of ``--repeat`` runs) and how
many articles come out the same as python-markdown's after sanitizing, whitespace between tags
aside.
"""

from __future__ import annotations

import argparse
import re
import time
from collections.abc import Callable
from pathlib import Path

import nh3

_FRONT_MATTER = re.compile(r"\A---\n.*?\n---\n", re.S)
_BETWEEN_TAGS = re.compile(r">\s+<")


def bodies(folder: Path) -> list[str]:
    return [_FRONT_MATTER.sub("", p.read_text("utf-8")) for p in sorted(folder.glob("*.md"))]


def converters() -> dict[str, Callable[[str], str]]:
    found: dict[str, Callable[[str], str]] = {}
    try:
        import markdown

        found["python-markdown"] = lambda t: markdown.Markdown(output_format="html").convert(t)
        reused = markdown.Markdown(output_format="html")
        found["python-markdown, one converter reset between articles"] = lambda t: (
            reused.reset().convert(t)
        )
    except ImportError:
        pass
    try:
        from markdown_it import MarkdownIt

        md = MarkdownIt("commonmark")
        found["markdown-it-py"] = md.render
    except ImportError:
        pass
    try:
        import mistune

        found["mistune"] = mistune.create_markdown(escape=False)  # type: ignore[assignment]
    except ImportError:
        pass
    try:  # compiled (cmark-gfm in C): what leaving pure Python would buy
        import cmarkgfm

        found["cmarkgfm"] = cmarkgfm.markdown_to_html
    except ImportError:
        pass
    return found


def sanitized(html: str) -> str:
    # the same allow-list as timeline.sanitize, kept short: only the comparison needs it
    tags = {"a", "blockquote", "br", "code", "em", "h2", "h3", "h4", "hr", "li", "ol", "p",
            "pre", "strong", "ul"}  # fmt: skip
    return _BETWEEN_TAGS.sub("><", nh3.clean(html, tags=tags, attributes={"a": {"href"}}).strip())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", type=Path)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    texts = bodies(args.folder)
    found = converters()
    reference = [sanitized(found["python-markdown"](t)) for t in texts] if (
        "python-markdown" in found) else None
    print(f"{len(texts)} articles, {sum(map(len, texts)) / len(texts):.0f} characters each")
    for name, convert in found.items():
        best = float("inf")
        for _ in range(args.repeat):
            started = time.process_time()
            out = [convert(t) for t in texts]
            best = min(best, time.process_time() - started)
        started = time.process_time()
        clean = [sanitized(h) for h in out]
        nh3_ms = 1000 * (time.process_time() - started) / len(texts)
        same = sum(a == b for a, b in zip(clean, reference or clean, strict=True))
        print(f"{name:16}\n    {1000 * best / len(texts):6.3f} ms/article to HTML, "
              f"+{nh3_ms:.3f} ms nh3; same as python-markdown: {same}/{len(texts)}")


if __name__ == "__main__":
    main()
