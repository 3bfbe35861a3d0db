"""Incremental build benchmark: a full build, a rebuild with no change, and a rebuild after one
article changed, on a generated corpus (1,000 articles by default).

The corpus comes from ``benchmarks/corpus.py`` (a story-shaped, seeded generator); if that is
missing, from the small deterministic generator below. Each build runs in this process
through the library (``api.build_site``) with the extraction cache on; the times are wall
clock and include loading, rendering and writing. ``--verify`` also makes a full build
without the cache and checks that the incremental site is byte for byte the same.

    .venv/bin/python benchmarks/bench_incremental.py            # 1,000 articles
    .venv/bin/python benchmarks/bench_incremental.py -n 200 --jobs 2 --verify
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

from timeline import api
from timeline.config import Config
from timeline.executors import open_mapper

sys.path.insert(0, str(Path(__file__).resolve().parent))

WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday")
PEOPLE = ("Senator Alvarez", "Governor Reed", "Judge Park", "Mayor Marsh", "Speaker Havel")
VERBS = ("met", "criticized", "questioned", "praised", "subpoenaed", "sued")


def simple_corpus(folder: Path, n: int, seed: int = 7) -> None:
    """Fallback generator: seeded, one article per day, dates said the way news says them."""
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(n):
        rng = random.Random(f"{seed}:{i}")
        day = date(2023, 1, 2) + timedelta(days=i // 3)
        sentences = [
            f"{rng.choice(PEOPLE)} {rng.choice(VERBS)} {rng.choice(PEOPLE)} on "
            f"{rng.choice(WEEKDAYS)}." for _ in range(rng.randint(4, 8))
        ]
        hearing = day + timedelta(days=rng.randint(5, 60))
        sentences.append(f"The hearing is set for {hearing:%B %-d}.")
        (folder / f"{day.isoformat()}-{i:05d}.md").write_text(
            f"---\ntitle: Report {i}\ndate: {day.isoformat()}\nsource: Wire\n---\n"
            + "\n\n".join(sentences) + "\n",
            "utf-8",
        )


def write_corpus(folder: Path, n: int) -> str:
    try:
        import corpus
    except ImportError:
        simple_corpus(folder, n)
        return "simple generator"
    corpus.write_corpus(folder, n)
    return "benchmarks/corpus.py"


def tree(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-n", "--articles", type=int, default=1000)
    parser.add_argument("-j", "--jobs", type=int, default=1)
    parser.add_argument("--verify", action="store_true", help="compare with an uncached build")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="bench-incremental-") as tmp:
        root = Path(tmp)
        src, out, cache = root / "src", root / "out", root / "cache"
        origin = write_corpus(src, args.articles)
        cfg = Config(title="Benchmark")
        rows = []
        with open_mapper(args.jobs) as mapper:
            def timed(label: str) -> None:
                started = time.perf_counter()
                result = api.build_site([src], out, cfg, cache=cache, mapper=mapper)
                seconds = time.perf_counter() - started
                rows.append((label, seconds, result.cached, result.articles,
                             result.write.written))

            timed("full build (empty cache)")
            timed("rebuild, no change")
            changed = sorted(src.glob("*.md"))[len(rows) * 97 % args.articles]
            changed.write_text(
                changed.read_text("utf-8") + "\nThe committee met again on Friday.\n", "utf-8"
            )
            timed("rebuild, one article changed")

        print(f"{args.articles} articles ({origin}), --jobs {args.jobs}")
        print(f"{'build':<32} {'seconds':>8} {'cached':>7} {'files written':>14}")
        for label, seconds, cached, articles, written in rows:
            print(f"{label:<32} {seconds:8.2f} {cached:>4}/{articles:<4} {written:>12}")

        if args.verify:
            api.build_site([src], root / "full", cfg)
            same = tree(out) == tree(root / "full")
            print(f"incremental site == full build: {same}")
            if not same:
                sys.exit(1)


if __name__ == "__main__":
    main()
