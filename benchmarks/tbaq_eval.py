"""Tag TimeBank+AQUAINT with our tagger, score it with the shared TempEval-3 scorer, dump errors.

    python benchmarks/tbaq_eval.py [--split dev|check|all] [--gold PATH] [--pred OUT.jsonl]
                                   [--per-doc] [--errors N]

``--split`` halves the corpus by document id (a hash of the id, so a document's half never
depends on which others are there): rules are developed against ``dev`` and kept only if they
help ``check`` too, so that they fit English news rather than single documents.

Errors are grouped by surface pattern (lower-cased, digits as 9) so that general rules, not
single documents, get fixed: misses (gold without overlapping prediction), false positives,
span disagreements, and wrong values.
"""

from __future__ import annotations

import argparse
import hashlib
import importlib.util
import json
import os
import re
import sys
from collections import Counter, defaultdict
from datetime import date, datetime
from pathlib import Path
from types import ModuleType
from typing import Any

from timeline.temporal import tag

# ../shared beside the checkout, as on CI; TIMELINE_SHARED overrides.
SHARED = Path(os.environ.get("TIMELINE_SHARED", Path(__file__).resolve().parents[2] / "shared"))
GOLD = SHARED / "corpora/tbaq.jsonl"
SCORER = SHARED / "tools/score.py"
SPLITS = ("dev", "check", "all")


def half_of(doc_id: str) -> str:
    """The half a document belongs to: "dev" or "check", from its id alone."""
    return "dev" if hashlib.sha1(doc_id.encode("utf-8")).digest()[0] % 2 == 0 else "check"


def load_scorer() -> ModuleType:
    spec = importlib.util.spec_from_file_location("te3_score", SCORER)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def dct_of(doc: dict[str, Any]) -> date | datetime:
    value = doc.get("dct_value") or doc["dct"]
    if "T" in value:
        return datetime.fromisoformat(value)
    return date.fromisoformat(value[:10])


def predict(docs: list[dict[str, Any]]) -> list[dict[str, Any]]:
    out = []
    for doc in docs:
        timexes = tag(doc["text"], dct_of(doc))
        out.append({"id": doc["id"], "timexes": [
            {"start": t.start, "end": t.end, "text": t.text, "type": str(t.type), "value": t.value}
            for t in timexes
        ]})  # fmt: skip
    return out


def _pattern(s: str) -> str:
    return re.sub(r"\d", "9", " ".join(s.lower().split()))


def error_dump(docs: list[dict[str, Any]], preds: list[dict[str, Any]], top: int) -> str:
    scorer = load_scorer()
    groups: dict[str, Counter[str]] = defaultdict(Counter)
    examples: dict[tuple[str, str], str] = {}
    for doc, pred in zip(docs, preds, strict=True):
        gold = scorer._spans(doc["timexes"], print, "gold")
        got = scorer._spans(pred["timexes"], print, "pred")
        _, relaxed = scorer.match_doc(gold, got)
        text = doc["text"]
        matched_g = {i for i, _ in relaxed}
        matched_p = {j for _, j in relaxed}

        def show(s: int, e: int, text: str = text) -> str:
            return f"...{text[max(0, s - 40) : s]}[[{text[s:e]}]]{text[e : e + 25]}...".replace(
                "\n", " "
            )

        for i, g in enumerate(gold):
            if i not in matched_g:
                key = f"{_pattern(text[g['start'] : g['end']])} ({g['type']} {g['value']})"
                groups["miss"][key] += 1
                examples.setdefault(
                    ("miss", key), f"{doc['id']} dct={doc['dct']} {show(g['start'], g['end'])}"
                )
        for j, p in enumerate(got):
            if j not in matched_p:
                key = f"{_pattern(text[p['start'] : p['end']])} ({p['type']} {p['value']})"
                groups["false positive"][key] += 1
                examples.setdefault(
                    ("false positive", key), f"{doc['id']} {show(p['start'], p['end'])}"
                )
        for i, j in relaxed:
            g, p = gold[i], got[j]
            gs, ps = text[g["start"] : g["end"]], text[p["start"] : p["end"]]
            if (g["start"], g["end"]) != (p["start"], p["end"]):
                groups["span"][f"gold {gs.lower()!r} / ours {ps.lower()!r}"] += 1
            if g["value"] != p["value"] or g["type"] != p["type"]:
                key = (
                    f"{_pattern(gs)}: gold {g['type']} {g['value']} / ours {p['type']} {p['value']}"
                )
                groups["value"][key] += 1
                examples.setdefault(
                    ("value", key), f"{doc['id']} dct={doc['dct']} {show(g['start'], g['end'])}"
                )
    lines = []
    for name in ("miss", "false positive", "span", "value"):
        counts = groups[name]
        lines.append(f"\n== {name}: {sum(counts.values())} ==")
        for key, n in counts.most_common(top):
            ex = examples.get((name, key), "")
            lines.append(f"{n:4d}  {key}    {ex}")
    return "\n".join(lines)


def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--split", choices=SPLITS, default="all", help="which half of the corpus")
    ap.add_argument("--gold", type=Path, default=GOLD)
    ap.add_argument("--pred", type=Path, default=Path("/tmp/tbaq_pred.jsonl"))
    ap.add_argument("--per-doc", action="store_true")
    ap.add_argument("--errors", type=int, default=0, help="show the N commonest errors per class")
    args = ap.parse_args(argv)
    docs = [json.loads(line) for line in args.gold.read_text("utf-8").splitlines() if line.strip()]
    if args.split != "all":
        docs = [doc for doc in docs if half_of(doc["id"]) == args.split]
    preds = predict(docs)
    args.pred.write_text("".join(json.dumps(p) + "\n" for p in preds), "utf-8")
    scorer = load_scorer()
    result = scorer.score({d["id"]: d for d in docs}, {p["id"]: p for p in preds})
    print(scorer.format_table(result, per_doc=args.per_doc))
    print(f"predictions written to {args.pred}")
    if args.errors:
        print(error_dump(docs, preds, args.errors))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
