"""Render + write alone, on a timeline built once and pickled.

    .venv/bin/python benchmarks/bench_render.py 1000 5000
    .venv/bin/python benchmarks/bench_render.py 5000 --profile /tmp/render.txt

For each N: generates the corpus with benchmarks/corpus.py (once, under --workdir), builds the
timeline with ``timeline.api.build_timeline`` (once, pickled beside it), then in a *fresh*
process times ``render_site`` + ``write_site`` into an empty output, and again into that same
output (a rebuild with nothing changed). Peak memory is that process's ``ru_maxrss``, so it
counts the unpickled timeline plus rendering, not the extraction.
"""

from __future__ import annotations

import argparse
import json
import os
import pickle
import resource
import shutil
import subprocess
import sys
import time
from collections.abc import Iterable
from itertools import chain
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

HERE = Path(__file__).parent


def timeline_pickle(n: int, workdir: Path) -> Path:
    corpus, pickled = workdir / f"corpus-{n}", workdir / f"timeline-{n}.pickle"
    if not corpus.is_dir():
        subprocess.run([sys.executable, str(HERE / "corpus.py"), str(n), str(corpus)], check=True,
                       capture_output=True)  # fmt: skip
    if not pickled.is_file():
        from timeline import api, load
        from timeline.config import load_config

        articles = load.load_articles([corpus], ZoneInfo("UTC"))
        pickled.write_bytes(pickle.dumps(api.build_timeline(articles, load_config(None))))
    return pickled


def _site(env: Any, timeline: Any, cfg: Any) -> Iterable[tuple[str, str | bytes]]:
    """The site as ``build_site`` gives it to ``write_site``; before streaming (commit 0c65e49)
    it was one dict."""
    from timeline import render

    if hasattr(render, "iter_site"):
        return chain(render.static_files(None).items(), render.iter_site(timeline, cfg, env))
    return {**render.static_files(None), **render.render_site(timeline, cfg, env)}


def measure(pickled: Path, site: Path, profile: Path | None, once: bool) -> dict[str, float]:
    """Run in a fresh process: render + write twice, full then unchanged."""
    from timeline.config import load_config
    from timeline.render import make_environment
    from timeline.write import write_site

    timeline = pickle.loads(pickled.read_bytes())
    cfg = load_config(None)
    shutil.rmtree(site, ignore_errors=True)
    figures: dict[str, float] = {}
    profiler = None
    if profile is not None:
        from pyinstrument import Profiler

        profiler = Profiler(interval=0.005)
        profiler.start()
    for label in ("full",) if once else ("full", "unchanged"):
        started, cpu = time.perf_counter(), time.process_time()
        env = make_environment(None)
        report = write_site(_site(env, timeline, cfg), site)
        figures[f"{label} s"] = round(time.perf_counter() - started, 2)
        figures[f"{label} cpu s"] = round(time.process_time() - cpu, 2)  # the machine is shared
        figures[f"{label} written"] = report.written
        if profiler is not None:
            profiler.stop()
            assert profile is not None
            profile.write_text(profiler.output_text(unicode=True, color=False))
            profiler = None
    sizes = [p.stat().st_size for p in site.rglob("*") if p.is_file()]
    figures["files"] = len(sizes)
    figures["site MB"] = round(sum(sizes) / 1e6, 1)
    figures["peak MB"] = round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)
    return figures


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("sizes", nargs="*", type=int, default=[1000, 5000])
    parser.add_argument("--workdir", type=Path, default=Path("/tmp/bench-render"))
    parser.add_argument("--profile", type=Path, help="pyinstrument text report of the full run")
    parser.add_argument("--once", action="store_true", help="the full run only, no rebuild")
    parser.add_argument("--measure", type=Path, help=argparse.SUPPRESS)  # the child's job
    args = parser.parse_args()
    if args.measure is not None:
        site = args.workdir / f"site-{os.getpid()}"
        try:
            print(json.dumps(measure(args.measure, site, args.profile, args.once)))
        finally:
            shutil.rmtree(site, ignore_errors=True)
        return
    args.workdir.mkdir(parents=True, exist_ok=True)
    for n in args.sizes:
        pickled = timeline_pickle(n, args.workdir)
        command = [sys.executable, __file__, "--workdir", str(args.workdir), "--measure",
                   str(pickled)]  # fmt: skip
        if args.once:
            command.append("--once")
        if args.profile is not None:
            command += ["--profile", str(args.profile)]
        out = subprocess.run(command, check=True, capture_output=True, text=True).stdout
        print(f"N={n}: {json.loads(out.splitlines()[-1])}", flush=True)


if __name__ == "__main__":
    main()
