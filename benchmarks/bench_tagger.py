"""Speed and memory: our tagger against naive ``dateparser.search.search_dates`` on TBAQ texts.

    python benchmarks/bench_tagger.py [--gold PATH] [--naive-docs N] [--repeat R]

Both taggers see the same documents with their own DCT: by default every document of the
corpus (256 TBAQ texts; dateparser takes about 5 s a pass over them, so the run takes about a
minute). Each of dateparser's passes is followed by ``--repeat`` passes of ours, so both are
timed over the same stretch of a shared machine; the speed-up is given from the median passes
(and the best, and the first). ``--naive-docs N`` runs the naive side on N documents spread
evenly over the corpus instead, for a quicker look: rates are per character, so they compare
directly. Peak memory is what tracemalloc sees during one pass after warm-up (Python
allocations only), plus the process's maximum resident set size at the end.
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


def one_pass(fn: Callable[[dict[str, Any]], int], docs: list[dict[str, Any]]) -> float:
    """CPU time (``process_time``) of one pass over ``docs``: not wall time, as the machine is
    shared and other processes' load would decide the ratio."""
    t0 = time.process_time()
    for doc in docs:
        fn(doc)
    return time.process_time() - t0


def peak_mib(fn: Callable[[dict[str, Any]], int], docs: list[dict[str, Any]]) -> float:
    """Peak memory tracemalloc sees during one more pass (Python allocations only)."""
    tracemalloc.start()
    for doc in docs:
        fn(doc)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return peak / 2**20


def rates(chars: int, times: list[float]) -> dict[str, float]:
    ordered = sorted(times)
    return {"first": chars / times[0], "median": chars / ordered[len(ordered) // 2],
            "best": chars / ordered[0]}  # fmt: skip


def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--gold", type=Path, default=GOLD)
    ap.add_argument(
        "--naive-docs", type=int, default=0, help="documents for the naive side (0: all)"
    )
    ap.add_argument("--repeat", type=int, default=10, help="our passes after each of dateparser's")
    ap.add_argument("--rounds", type=int, default=3, help="passes of dateparser")
    args = ap.parse_args(argv)
    docs = [json.loads(line) for line in args.gold.read_text("utf-8").splitlines() if line.strip()]
    warnings.filterwarnings("ignore")  # dateparser's deprecation chatter
    for doc in docs:  # warm up: import dateparser data, compile our regexes for every start word
        _ours(doc)
    _naive(docs[0])
    sample = docs[:: max(1, len(docs) // args.naive_docs)] if args.naive_docs else docs
    chars = sum(len(d["text"]) for d in sample)
    # Interleaved: each pass of dateparser (seconds) is followed by ``repeat`` passes of ours
    # (a tenth of a second each), so both see the same moments of a shared machine; medians
    # then compare what a spike of load on one pass would skew.
    naive_times: list[float] = []
    ours_times: list[float] = []
    for _ in range(args.rounds):
        naive_times.append(one_pass(_naive, sample))
        ours_times += [one_pass(_ours, sample) for _ in range(args.repeat)]
    naive, ours = rates(chars, naive_times), rates(chars, ours_times)
    for name, r, fn in (("dateparser.search_dates", naive, _naive), ("tag", ours, _ours)):
        print(f"{name:<24} {chars:>9,} chars: first pass {r['first']:>11,.0f} chars/s, "
              f"median {r['median']:>11,.0f}, best {r['best']:>11,.0f} chars/s, "
              f"peak {peak_mib(fn, sample):5.2f} MiB")  # fmt: skip
    if len(sample) < len(docs):
        all_chars = sum(len(d["text"]) for d in docs)
        everything = rates(all_chars, [one_pass(_ours, docs) for _ in range(args.repeat)])
        print(f"{'tag, all docs':<24} {all_chars:>9,} chars: median {everything['median']:>11,.0f}"
              f" chars/s")  # fmt: skip
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"process max RSS (both taggers, dateparser data loaded): {rss:.0f} MiB")
    print(
        f"speed-up on the same docs: median {ours['median'] / naive['median']:.1f}x, "
        f"best pass {ours['best'] / naive['best']:.1f}x, "
        f"first pass {ours['first'] / naive['first']:.1f}x"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
