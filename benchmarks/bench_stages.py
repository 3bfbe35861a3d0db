"""Per-stage wall time, in one process: load, extract (tag + events), assemble.

    .venv/bin/python benchmarks/bench_stages.py 1000 5000

Generates each corpus with benchmarks/corpus.py into a temporary folder."""

from __future__ import annotations

import subprocess
import sys
import tempfile
import time
from pathlib import Path
from zoneinfo import ZoneInfo

from timeline import api, load
from timeline.assemble import assemble
from timeline.config import load_config

HERE = Path(__file__).parent


def run(n: int) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "corpus"
        subprocess.run([sys.executable, str(HERE / "corpus.py"), str(n), str(folder)],
                       check=True, capture_output=True)
        cfg = load_config(None)
        t0 = time.perf_counter()
        articles = load.load_articles([folder], ZoneInfo("UTC"))
        t1 = time.perf_counter()
        tagged_only = [api.tag_article(a) for a in articles]
        t2 = time.perf_counter()
        extractions = [api.extract_article(a) for a in articles]
        t3 = time.perf_counter()
        tagged = [x.tagged for x in extractions]
        events = [e for x in extractions for e in x.events]
        assemble(cfg.title, tagged, events, cfg, ())
        t4 = time.perf_counter()
    del tagged_only
    print(f"N={n}: load {t1 - t0:.2f} s, tag alone {t2 - t1:.2f} s, "
          f"extract (tag + events) {t3 - t2:.2f} s "
          f"({1000 * (t3 - t2) / n:.1f} ms/article), assemble {t4 - t3:.2f} s")


if __name__ == "__main__":
    for arg in sys.argv[1:] or ["1000", "5000"]:
        run(int(arg))
