"""Speed and memory: our tagger against naive ``dateparser.search.search_dates`` on TBAQ texts.

    python benchmarks/bench_tagger.py [--gold PATH] [--naive-docs N] [--repeat R]

Both taggers see the same documents with their own DCT: by default every document of the
corpus (256 TBAQ texts; dateparser takes about 5 s a pass over them, so the run takes about a
minute). ``--naive-docs N`` runs the naive side on N documents spread evenly over the corpus
instead, for a quicker look; rates are per character, so they compare directly, and our tagger
is then timed on exactly those documents as well as on all. Peak memory is what tracemalloc
sees during one pass after warm-up (Python allocations only), plus the process's maximum
resident set size at the end.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import sys
import time
import tracemalloc
import warnings
from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path
from typing import Any

from dateparser.search import search_dates  # type: ignore[import-untyped]

from timeline.temporal import tag

# ../shared beside the checkout, as on CI; TIMELINE_SHARED overrides.
SHARED = Path(os.environ.get("TIMELINE_SHARED", Path(__file__).resolve().parents[2] / "shared"))
GOLD = SHARED / "corpora/tbaq.jsonl"


def _dct(doc: dict[str, Any]) -> datetime:
    return datetime.combine(date.fromisoformat(doc["dct"][:10]), datetime.min.time())


def _naive(doc: dict[str, Any]) -> int:
    found = search_dates(doc["text"], languages=["en"], settings={"RELATIVE_BASE": _dct(doc)})
    return len(found or [])


def _ours(doc: dict[str, Any]) -> int:
    return len(tag(doc["text"], date.fromisoformat(doc["dct"][:10])))


def measure(
    fn: Callable[[dict[str, Any]], int], docs: list[dict[str, Any]], repeat: int
) -> dict[str, float]:
    """CPU time of the first pass over ``docs`` (each text seen once, as in production) and the
    best of ``repeat`` passes; peak traced memory of one more pass. CPU time (``process_time``),
    not wall time: the machine is shared, and other processes' load would decide the ratio.
    dateparser gets faster on texts it has seen (its caches), so both figures are reported."""
    chars = sum(len(d["text"]) for d in docs)
    times = []
    found = 0
    for _ in range(repeat):
        t0 = time.process_time()
        found = sum(fn(doc) for doc in docs)
        times.append(time.process_time() - t0)
    tracemalloc.start()
    for doc in docs:
        fn(doc)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return {"chars": chars, "first": chars / times[0], "best": chars / min(times),
            "peak_mib": peak / 2**20, "found": found}  # fmt: skip


def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--gold", type=Path, default=GOLD)
    ap.add_argument(
        "--naive-docs", type=int, default=0, help="documents for the naive side (0: all)"
    )
    ap.add_argument("--repeat", type=int, default=10, help="timed passes (best one counts)")
    args = ap.parse_args(argv)
    docs = [json.loads(line) for line in args.gold.read_text("utf-8").splitlines() if line.strip()]
    warnings.filterwarnings("ignore")  # dateparser's deprecation chatter
    for doc in docs:  # warm up: import dateparser data, compile our regexes for every start word
        _ours(doc)
    _naive(docs[0])
    sample = docs[:: max(1, len(docs) // args.naive_docs)] if args.naive_docs else docs
    naive = measure(_naive, sample, 3)
    ours_same = measure(_ours, sample, args.repeat)
    rows = [("dateparser.search_dates", naive), ("tag, same docs", ours_same)]
    if len(sample) < len(docs):
        rows.append(("tag, all docs", measure(_ours, docs, args.repeat)))
    for name, r in rows:
        print(f"{name:<24} {r['chars']:>9,} chars: first pass {r['first']:>11,.0f} chars/s, "
              f"best {r['best']:>11,.0f} chars/s, peak {r['peak_mib']:5.2f} MiB, "
              f"found {r['found']:.0f}")  # fmt: skip
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"process max RSS (both taggers, dateparser data loaded): {rss:.0f} MiB")
    print(
        f"speed-up on the same docs: first pass {ours_same['first'] / naive['first']:.1f}x, "
        f"best pass {ours_same['best'] / naive['best']:.1f}x"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
