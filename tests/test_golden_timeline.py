"""The seeds' timeline end to end (real tagger): golden timeline.json, schema, follow-up, key
dates, and the seed article's own order. `pytest --update-golden` rewrites the golden file."""

from __future__ import annotations

import json
import os
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from click.testing import CliRunner

from timeline.api import build_timeline
from timeline.cli import main
from timeline.config import Config
from timeline.model import Article, Granularity, Status

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
GOLDEN = Path(__file__).parent / "golden" / "seeds-timeline.json"
SCHEMA = ROOT / "timeline" / "schema" / "timeline.schema.json"
SHARED = Path(os.environ.get("TIMELINE_SHARED", ROOT.parent / "shared"))
SEED_ARTICLE = SHARED / "seeds" / "000_860b961ff389aea2.txt"


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    out = tmp_path_factory.mktemp("site") / "output"
    result = CliRunner().invoke(
        main, ["build", str(SEEDS), "-o", str(out), "--no-cache", "--key-dates", "5", "-q"]
    )
    assert result.exit_code == 0, result.output + result.stderr
    return {"text": (out / "timeline.json").read_text("utf-8")}


def test_timeline_json_matches_the_golden_file(built: dict[str, Any], update_golden: bool) -> None:
    if update_golden:
        GOLDEN.write_text(built["text"], "utf-8")
    assert built["text"] == GOLDEN.read_text("utf-8"), "run pytest --update-golden and review"


def test_timeline_json_follows_its_schema(built: dict[str, Any]) -> None:
    schema = json.loads(SCHEMA.read_text("utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    jsonschema.validate(json.loads(built["text"]), schema)


def test_follow_up_paul_trip_expected_then_happened(built: dict[str, Any]) -> None:
    events = {e["id"]: e for e in json.loads(built["text"])["events"]}
    trips = [e for e in events.values() if e["fulfilled_by"]]
    trip = next(e for e in trips if "Russia" in e["text"] and "Paul" in e["text"])
    assert trip["status"] == "expected" and trip["date"]["approximate"]
    assert trip["sources"][0]["published"] == "2018-07-16"
    arrival = events[trip["fulfilled_by"]]
    assert arrival["status"] == "happened" and arrival["date"]["value"] == "2018-08-06"
    assert arrival["fulfils"] == trip["id"] and "Moscow" in arrival["text"]


def test_five_key_dates_summit_first(built: dict[str, Any]) -> None:
    data = json.loads(built["text"])
    keys = [k["date"] for k in data["key_dates"]]
    assert len(keys) == 5 and keys[0] == "2018-07-16"
    assert "2018-07-13" in keys  # the indictment
    ids = {e["id"] for e in data["events"]}
    assert all(set(k["events"]) <= ids for k in data["key_dates"])


def test_events_are_fewer_after_merging_and_cite_every_report(built: dict[str, Any]) -> None:
    events = json.loads(built["text"])["events"]
    citations = sum(len(e["sources"]) for e in events)
    assert citations > len(events)  # some reports were merged
    summit = [e for e in events if {s["article"] for s in e["sources"]} >= {
        "2018-07-15-trump-heads-to-helsinki", "2018-07-16-helsinki-summit-press-conference",
    } and e["date"]["value"] == "2018-07-16"]
    assert summit, "the summit, previewed on the 15th and reported on the 16th, is one event"
    for e in events:
        published = [s["published"] for s in e["sources"]]
        assert published == sorted(published)


@pytest.mark.skipif(not SEED_ARTICLE.exists(), reason="the original seed is not on this machine")
def test_seed_article_alone_in_the_required_order() -> None:
    article = Article(
        slug="seed", path=str(SEED_ARTICLE), title="Rand Paul to visit Russia",
        published=datetime(2018, 7, 16, tzinfo=UTC), text=SEED_ARTICLE.read_text("utf-8"),
    )
    events = build_timeline([article], Config()).events
    first, last = events[0], events[-1]
    assert (first.when.value, first.when.granularity) == ("2016", Granularity.YEAR)
    assert "interfered in 2016" in first.text
    assert events[1].when.value == "2018-07-15" and "Paul on Sunday" in events[1].text
    middle = [e for e in events if e.when.value == "2018-07-16"]
    assert list(events[2:2 + len(middle)]) == middle
    texts = " | ".join(e.text for e in middle)
    for needle in ("one-on-one meeting", "Monday’s Politico op-ed", "at the press conference"):
        assert needle in texts
    assert last.status is Status.EXPECTED and last.when.approximate
    assert last.when.interval.start > date(2018, 7, 16)
    assert "Russia" in last.text and len(last.citations) == 2  # "coming weeks" + "few weeks"
    assert len(events) == 2 + len(middle) + 1
