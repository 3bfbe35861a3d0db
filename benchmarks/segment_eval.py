"""Sentence segmentation: accuracy on the gold set of tricky news sentences, and speed.

    .venv/bin/python benchmarks/segment_eval.py [--others]

Accuracy: share of gold cases split exactly right, and F1 of sentences (a sentence counts when
its text is exactly a gold sentence). Speed: characters per second on the seed-like text of the
gold set repeated, plus a Timeline17 topic if the corpus is there. ``--others`` also measures
pysbd, syntok and sentencex (installed with ``pip install --target /tmp/segeval ...``), run per
paragraph and with the same list-marker handling, so only the in-paragraph decisions differ.
"""

from __future__ import annotations

import json
import os
import re
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from timeline.segment import split_sentences  # noqa: E402

GOLD = json.loads((ROOT / "tests" / "data" / "segment_gold.json").read_text("utf-8"))
# ../shared beside the checkout, as on CI; TIMELINE_SHARED overrides.
SHARED = Path(os.environ.get("TIMELINE_SHARED", Path(__file__).resolve().parents[2] / "shared"))
T17 = SHARED / "corpora/t17-dev/bpoil_guardian/InputDocs"

Splitter = Callable[[str], list[str]]


def ours(text: str) -> list[str]:
    return [s.text for s in split_sentences(text)]


def per_paragraph(split_line: Callable[[str], list[str]]) -> Splitter:
    def run(text: str) -> list[str]:
        out: list[str] = []
        for line in text.splitlines():
            line = re.sub(r"^\s*(?:[-*•]|\d+\.)\s+", "", line)
            out += [s.strip() for s in split_line(line) if s.strip()]
        return out
    return run


def others() -> dict[str, Splitter]:
    sys.path.insert(0, "/tmp/segeval")
    import pysbd
    import sentencex
    import syntok.segmenter as syntok_segmenter

    seg = pysbd.Segmenter(language="en", clean=False, char_span=False)

    def syntok_split(line: str) -> list[str]:
        return [
            "".join(t.spacing + t.value for t in sent).strip()
            for para in syntok_segmenter.analyze(line) for sent in para
        ]

    return {
        "pysbd": per_paragraph(seg.segment),
        "syntok": per_paragraph(syntok_split),
        "sentencex": per_paragraph(lambda s: list(sentencex.segment("en", s))),
    }


def accuracy(split: Splitter) -> tuple[float, float, list[str]]:
    exact, tp, n_sys, n_gold, wrong = 0, 0, 0, 0, []
    for case in GOLD:
        got, gold = split(case["text"]), case["sentences"]
        exact += got == gold
        n_sys, n_gold = n_sys + len(got), n_gold + len(gold)
        tp += len(set(got) & set(gold))
        if got != gold:
            wrong.append(" ‖ ".join(got))
    p, r = tp / n_sys, tp / n_gold
    return exact / len(GOLD), 2 * p * r / (p + r), wrong


def speed_text() -> str:
    if T17.is_dir():
        files = sorted(T17.rglob("*.txt"))[:200]
        return "\n".join(f.read_text("utf-8", errors="replace") for f in files)
    return "\n".join(c["text"] for c in GOLD) * 50


def main() -> None:
    splitters: dict[str, Splitter] = {"timeline.segment": ours}
    if "--others" in sys.argv:
        splitters |= others()
    text = speed_text()
    for name, split in splitters.items():
        acc, f1, wrong = accuracy(split)
        started = time.perf_counter()
        split(text)
        seconds = time.perf_counter() - started
        print(f"{name:18} cases exact {acc:6.1%}  sentence F1 {f1:.3f}  "
              f"{len(text) / seconds / 1e6:6.2f} M chars/s ({len(text):,} chars)")
        if "-v" in sys.argv:
            for w in wrong:
                print("   ✗", w)


if __name__ == "__main__":
    main()
