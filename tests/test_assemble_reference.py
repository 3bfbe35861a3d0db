"""The fast merge and follow-up stages give exactly what the straightforward algorithms give.

``reference_merge`` and ``reference_followups`` are the plain versions of the rules in
timeline/merge.py and timeline/followup.py: every report compared with every report of every
cluster sharing a date bucket, every expected event with every happened event of every day in
its reach, every sentence with every sentence. The stages cache, skip and index; these must
agree with them on the ids, the texts, the citations and their order, and the links.
"""

from __future__ import annotations

import importlib.util
import sys
from collections.abc import Hashable, Sequence
from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from eventkit import event
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from timeline import api, load
from timeline.config import Config
from timeline.followup import link_followups
from timeline.merge import _buckets, _dates_agree, _fold, _texts, merge_events, report_order
from timeline.model import (
    Anchor,
    AnchorKind,
    Event,
    Granularity,
    Interval,
    Status,
    Timex,
    TimexType,
    When,
)
from timeline.similarity import (
    _POSSESSIVE,
    _STOP,
    _WORD,
    _stem,
    dice,
    focus_words,
    name_similarity,
    name_tokens,
    words,
)

ROOT = Path(__file__).resolve().parent.parent


def reference_merge(events: Sequence[Event], cfg: Config) -> tuple[Event, ...]:
    floor = cfg.merge_text_threshold / 2
    clusters: list[list[Event]] = []
    names: list[set[str]] = []
    index: dict[Hashable, list[int]] = {}
    for e in sorted(events, key=report_order):
        if not e.citations:
            clusters.append([e])
            names.append(set())
            continue
        mine = _texts(e)
        best, best_score = None, 0.0
        for i in sorted({i for b in _buckets(e.when) for i in index.get(b, [])}):
            if not _dates_agree(clusters[i][0].when, e.when):
                continue
            scores = [
                max(dice(t[0], mine[0]), dice(t[1], mine[1])) for t in map(_texts, clusters[i])
            ]
            if min(scores) < floor:
                continue
            text = max(scores)
            named = name_similarity(names[i], set(e.people) | set(e.organizations))
            if (text >= cfg.merge_text_threshold or named >= cfg.merge_name_threshold) and (
                text > best_score
            ):
                best, best_score = i, text
        if best is None:
            clusters.append([e])
            names.append(set(e.people) | set(e.organizations))
            for b in _buckets(e.when):
                index.setdefault(b, []).append(len(clusters) - 1)
        else:
            clusters[best].append(e)
            names[best] |= set(e.people) | set(e.organizations)
    return tuple(_fold(c) for c in clusters)


def reference_followups(events: Sequence[Event], cfg: Config) -> tuple[Event, ...]:
    def sentences(e: Event) -> list[frozenset[str]]:
        return [words(c.sentence) for c in e.citations] or [words(e.text)]

    links: dict[str, str] = {}
    for exp in sorted(events, key=report_order):
        days = exp.when.interval.days
        if exp.status is not Status.EXPECTED or not exp.citations or days > 400:
            continue
        if days == 1 and not exp.when.approximate:
            continue
        reach_end = exp.when.interval.end + timedelta(days=days // 2)
        exp_names = set(exp.people) | set(exp.organizations)
        candidates = []
        for hap in events:
            day = hap.when.interval.start
            if (
                hap.status is not Status.HAPPENED or not hap.citations
                or hap.when.granularity not in (Granularity.DAY, Granularity.TIME)
                or not exp.when.interval.start <= day <= reach_end
                or hap.id in links.values()
                or hap.citations[0].published <= exp.citations[0].published
                or not exp_names & (set(hap.people) | set(hap.organizations))
            ):
                continue
            score = max(dice(a, b) for a in sentences(exp) for b in sentences(hap))
            if score >= cfg.merge_text_threshold / 2:
                candidates.append((-score, day, report_order(hap), hap.id))
        if candidates:
            links[exp.id] = min(candidates)[3]
    fulfils = {h: e for e, h in links.items()}
    return tuple(
        replace(
            e, fulfilled_by=links.get(e.id, e.fulfilled_by), fulfils=fulfils.get(e.id, e.fulfils)
        )
        if e.id in links or e.id in fulfils else e
        for e in events
    )


def _corpus_events(tmp: Path) -> list[Event]:
    """The benchmark corpus's first 150 articles of 3,000: a month of one story, so that many
    reports of each story event meet in merge."""
    spec = importlib.util.spec_from_file_location("bench_corpus", ROOT / "benchmarks" / "corpus.py")
    assert spec is not None and spec.loader is not None
    corpus = importlib.util.module_from_spec(spec)
    sys.modules["bench_corpus"] = corpus  # its dataclasses look their module up
    spec.loader.exec_module(corpus)
    for generated in corpus.generate(3000)[:150]:
        (tmp / f"{generated.slug}.md").write_text(corpus.timeline_markdown(generated), "utf-8")
    articles = load.load_articles([tmp], ZoneInfo("UTC"))
    return [e for a in articles for e in api.extract_article(a).events]


@pytest.fixture(scope="module")
def corpus_events(tmp_path_factory: pytest.TempPathFactory) -> list[Event]:
    return _corpus_events(tmp_path_factory.mktemp("corpus"))


@pytest.mark.parametrize("threshold", [0.0, 0.2, 0.35, 0.6])
def test_merge_matches_the_reference_on_the_benchmark_corpus(
    corpus_events: list[Event], threshold: float
) -> None:
    cfg = Config(merge_text_threshold=threshold)
    fast = merge_events(corpus_events, cfg)
    assert fast == reference_merge(corpus_events, cfg)
    assert len(fast) < len(corpus_events) / 2 or threshold > 0.5  # reports really merged


def test_followups_match_the_reference_on_the_benchmark_corpus(corpus_events: list[Event]) -> None:
    cfg = Config()
    merged = merge_events(corpus_events, cfg)
    fast = link_followups(merged, cfg)
    assert fast == reference_followups(merged, cfg)
    assert any(e.fulfilled_by for e in fast)  # the corpus really has follow-ups


# Generated events: a small vocabulary, few days, names and ranges, so that texts are alike,
# dates collide, and thresholds, ties and name fallbacks are all reached.

VOCAB = (
    "senate", "committee", "hearing", "testified", "subpoena", "budget", "vote", "approved",
    "audit", "contract", "moscow", "russia", "trip", "arrived", "council", "inquiry", "lawsuit",
    "filed", "report", "released",
)
PEOPLE = ("Maria Alvarez", "Paul Brennan", "Dana Okafor", "Linda Havel")
ORGS = ("Senate", "Harbor Authority")
BASE = date(2024, 3, 4)


@st.composite
def whens(draw: st.DrawFn) -> When:
    day = BASE + timedelta(days=draw(st.integers(0, 6)))
    kind = draw(st.sampled_from(["day", "time", "month", "week", "vague", "long"]))
    if kind == "day":
        return When(day.isoformat(), Interval(day, day), Granularity.DAY)
    if kind == "time":
        return When(f"{day.isoformat()}T14:00", Interval(day, day), Granularity.TIME)
    if kind == "month":
        end = date(2024, 3, 31)
        return When("2024-03", Interval(date(2024, 3, 1), end), Granularity.MONTH)
    if kind == "week":
        return When(
            "2024-W10", Interval(date(2024, 3, 4), date(2024, 3, 10)), Granularity.WEEK,
            draw(st.booleans()),
        )
    length = draw(st.integers(3, 60)) if kind == "vague" else draw(st.integers(500, 900))
    return When("FUTURE_REF", Interval(day, day + timedelta(days=length)), Granularity.VAGUE, True)


@st.composite
def reports(draw: st.DrawFn, number: int) -> Event:
    chosen = draw(st.lists(st.sampled_from(VOCAB), min_size=1, max_size=7))
    text = " ".join(chosen).capitalize() + " on Monday."
    when = draw(whens())
    published = BASE + timedelta(days=draw(st.integers(-3, 12)))
    people = tuple(draw(st.lists(st.sampled_from(PEOPLE), max_size=2, unique=True)))
    base = event(
        text, when.interval.start, slug=f"a{draw(st.integers(0, 5))}", published=published,
        people=people, eid=f"e{number}", status=draw(st.sampled_from(list(Status))),
        background=draw(st.booleans()),
    )
    first = base.citations[0]
    at = first.sentence_start + text.index("Monday")
    timex = Timex(at, at + 6, "Monday", TimexType.DATE, when.value, Anchor(AnchorKind.DCT))
    citation = replace(
        first, timex=timex if draw(st.booleans()) else None,
        sentence_start=first.sentence_start + draw(st.integers(0, 3)),
    )
    return replace(
        base, when=when, citations=(citation,),
        organizations=tuple(draw(st.lists(st.sampled_from(ORGS), max_size=1))),
    )


@st.composite
def event_lists(draw: st.DrawFn) -> list[Event]:
    size = draw(st.integers(0, 40))
    return [draw(reports(i)) for i in range(size)]


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    events=event_lists(),
    threshold=st.sampled_from([0.0, 0.2, 0.35, 0.5, 1.0]),
    name_threshold=st.sampled_from([0.0, 0.5, 1.0]),
)
def test_merge_and_followups_match_the_reference_on_generated_events(
    events: list[Event], threshold: float, name_threshold: float
) -> None:
    cfg = Config(merge_text_threshold=threshold, merge_name_threshold=name_threshold)
    merged = merge_events(events, cfg)
    assert merged == reference_merge(events, cfg)
    assert link_followups(merged, cfg) == reference_followups(merged, cfg)


def reference_words(text: str, people: Sequence[str] = ()) -> frozenset[str]:
    """``similarity.words`` (less people's names) as a regex over the whole text."""
    tokens = _WORD.findall(_POSSESSIVE.sub("", text.lower().replace("’", "'")))
    return frozenset(_stem(w) for w in tokens if w not in _STOP) - name_tokens(people)


TRICKY = st.text(alphabet="ab’'s- \t\nİKΣ\u03c3.,Xz0é’sS", max_size=30)  # possessives, odd cases


@settings(max_examples=300, deadline=None)
@given(text=TRICKY, cut=st.tuples(st.integers(0, 30), st.integers(0, 30)))
def test_words_piece_by_piece_are_the_words_of_the_whole_text(
    text: str, cut: tuple[int, int]
) -> None:
    assert words(text) == reference_words(text)
    start, end = sorted(min(c, len(text)) for c in cut)
    window = " ".join([*text[:start].split()[-8:], text[start:end], *text[end:].split()[:8]])
    assert focus_words(text, start, end, ["Ab Sz"]) == reference_words(window, ["Ab Sz"])
