"""Key dates against Timeline17 (development topics): date F1 per topic and mean.

    .venv/bin/python benchmarks/t17_eval.py [--corpus DIR] [--topics A,B] [--fresh]

For each topic and gold timeline: build the timeline with the library API (tag + extract +
assemble, no site), restricted to the gold timeline's first..last date (``between``), with as
many key dates as the gold timeline has dates; score them with the shared scorer
(``/work/shared/tools/t17.py``: date F1, as in Martschat & Markert 2018 and Ghalandari & Ifrim
2020; best published on all of Timeline17 ≈ 0.54).

Converted articles are cached in /tmp/t17-md/, extractions in /tmp/t17-extract/ (keyed by the
extraction code, so changing only key-date ranking reuses them).
"""

from __future__ import annotations

import argparse
import hashlib
import importlib.util
import os
import pickle
import subprocess
import sys
import time
from pathlib import Path
from zoneinfo import ZoneInfo

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from timeline.api import extract_article  # noqa: E402
from timeline.assemble import assemble  # noqa: E402
from timeline.config import Config  # noqa: E402
from timeline.load import load_articles  # noqa: E402
from timeline.model import Extraction  # noqa: E402

# ../shared beside the checkout, as on CI; TIMELINE_SHARED overrides.
SHARED = Path(os.environ.get("TIMELINE_SHARED", Path(__file__).resolve().parents[2] / "shared"))
CORPUS = SHARED / "corpora/t17-dev"
TOOL = SHARED / "tools/t17.py"
MD_CACHE = Path("/tmp/t17-md")
EXTRACT_CACHE = Path("/tmp/t17-extract")
TAGGER_FAILURES: list[str] = []
EXTRACTION_CODE = [
    "extract.py", "dating.py", "names.py", "narrative.py", "status.py", "segment.py",
    "overrides.py", "model.py", "load.py", "temporal",
]


def scorer():  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location("t17", TOOL)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def code_key() -> str:
    digest = hashlib.sha1()
    for name in EXTRACTION_CODE:
        path = ROOT / "timeline" / name
        for f in sorted(path.rglob("*.py")) if path.is_dir() else [path]:
            digest.update(f.read_bytes())
    return digest.hexdigest()[:12]


def extractions(topic: Path, fresh: bool) -> list[Extraction]:
    md = MD_CACHE / topic.name
    if not md.is_dir():
        subprocess.run([sys.executable, str(TOOL), "articles", str(topic), str(md)], check=True,
                       stdout=subprocess.DEVNULL)
    cached = EXTRACT_CACHE / f"{topic.name}-{code_key()}.pickle"
    if cached.exists() and not fresh:
        return pickle.loads(cached.read_bytes())  # type: ignore[no-any-return]
    articles = load_articles([md], ZoneInfo("UTC"))
    result = []
    for article in articles:
        try:
            result.append(extract_article(article))
        except (ValueError, OverflowError) as exc:  # a tagger bug must not stop the benchmark
            print(f"  tagger failed on {article.path}: {exc!r}", file=sys.stderr)
            TAGGER_FAILURES.append(article.path)
    EXTRACT_CACHE.mkdir(parents=True, exist_ok=True)
    cached.write_bytes(pickle.dumps(result))
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    parser.add_argument("--topics", help="comma-separated topic folders (default: all)")
    parser.add_argument("--fresh", action="store_true", help="ignore cached extractions")
    parser.add_argument("--baseline", action="store_true",
                        help="rank days by their number of reports alone (all weights 1)")
    args = parser.parse_args()
    if args.baseline:
        import timeline.keydates as keydates
        keydates.LEAD_WEIGHT = ()
        keydates.LATER_WEIGHT = keydates.INFERRED_WEIGHT = keydates.BACKGROUND_WEIGHT = 1.0
        keydates.ARTICLE_WEIGHT = keydates.SOURCE_WEIGHT = 0.0
    t17 = scorer()
    topics = sorted(p for p in args.corpus.iterdir() if (p / "timelines").is_dir())
    if args.topics:
        topics = [t for t in topics if t.name in args.topics.split(",")]
    scores = []
    trivial = []  # gold timelines that date nearly every day of their range
    for topic in topics:
        started = time.perf_counter()
        xs = extractions(topic, args.fresh)
        extracted = time.perf_counter() - started
        tagged = [x.tagged for x in xs]
        events = [e for x in xs for e in x.events]
        for gold_file in sorted((topic / "timelines").glob("*.txt")):
            gold = t17.gold_dates(gold_file)
            first, last = gold[0], gold[-1]
            cfg = Config(key_dates=len(gold), between=(_day(first), _day(last)))
            timeline = assemble(topic.name, tagged, events, cfg)
            found = [k.day.isoformat() for k in timeline.key_dates]
            p, r, f = t17.date_f1(found, gold)
            scores.append(f)
            span = (_day(last) - _day(first)).days + 1
            trivial.append(len(gold) / span > 0.8)
            print(f"{topic.name:22} {gold_file.stem:18} {len(xs):4} articles {len(gold):3} dates "
                  f"P {p:.3f} R {r:.3f} F1 {f:.3f}  (extract {extracted:.0f} s)", flush=True)
    print(f"mean date F1 over {len(scores)} timelines: {sum(scores) / len(scores):.3f}")
    hard = [f for f, easy in zip(scores, trivial, strict=True) if not easy]
    if hard and len(hard) < len(scores):
        print(f"mean over the {len(hard)} whose gold dates cover ≤ 80% of their range "
              f"(the others are nearly every day): {sum(hard) / len(hard):.3f}")
    if TAGGER_FAILURES:
        print(f"({len(TAGGER_FAILURES)} articles skipped: the tagger raised on them)")


def _day(iso: str):  # type: ignore[no-untyped-def]
    from datetime import date
    return date.fromisoformat(iso)


if __name__ == "__main__":
    main()
