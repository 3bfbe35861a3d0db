"""The library API: the pipeline stages chained. The CLI is a thin layer over this module.

    load → tag (and resolve) → extract events → assemble → render → write
"""

from __future__ import annotations

import gc
import time as clock
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date, time
from itertools import chain
from pathlib import Path
from zoneinfo import ZoneInfo

from timeline.assemble import assemble
from timeline.cache import (
    ExtractionCache,
    Progress,
    cached_mapper,
    check_cache_folder,
    extraction_key,
    version_key,
)  # fmt: skip
from timeline.config import Config
from timeline.errors import TimelineError
from timeline.extract import extract_events
from timeline.incremental import (
    BuildRecord,
    BuildSummary,
    input_digest,
    output_listing,
    read_record,
    up_to_date,
    write_record,
)  # fmt: skip
from timeline.load import load_articles
from timeline.memo import MemoTable
from timeline.model import Article, Event, Extraction, TaggedArticle, Timeline
from timeline.overrides import apply_pins
from timeline.render import RenderMemo, iter_site, make_environment, static_files
from timeline.render_article import article_body_html
from timeline.theme import default_theme_dir
from timeline.wording import counted
from timeline.write import WriteReport, check_output_folder, write_site


@dataclass(frozen=True, slots=True)
class BuildResult:
    output: Path
    articles: int
    expressions: int
    events: int
    warnings: tuple[str, ...]
    seconds: float
    write: WriteReport
    cached: int = 0  # articles whose extraction came from the cache
    up_to_date: bool = False  # nothing had changed since the last build: nothing was done

    def summary(self) -> str:
        counts = ", ".join(
            counted(n, noun) for n, noun in ((self.articles, "article"),
            (self.expressions, "expression"), (self.events, "event"),
            (len(self.warnings), "warning"))
        )  # fmt: skip
        if self.up_to_date:
            return f"{self.output} is up to date ({counts}); checked in {self.seconds:.2f} s"
        return f"Built {self.output}: {counts} in {self.seconds:.2f} s"


def tag_article(article: Article) -> TaggedArticle:
    """Find and resolve every temporal expression of one article."""
    # A publication date given without a time loads as midnight; the tagger must not read
    # "four hours ago" as 8 p.m. the day before, so it gets the bare date.
    # Imported at first use: the tagger compiles its patterns on import (a quarter of a second),
    # which a build whose extractions all come from the cache never needs.
    from timeline.temporal import tag

    published = article.published
    dct = published if published.timetz().replace(tzinfo=None) != time() else published.date()
    return TaggedArticle(article, tag(article.text, dct, article.lang))


def extract_article(article: Article) -> Extraction:
    """The per-article stage: tag, resolve and extract events. Pure and picklable, so a
    cache or an executor (processes, a Dask cluster) can run it anywhere."""
    tagged = apply_pins(tag_article(article))
    return Extraction(tagged, extract_events(tagged), article_body_html(tagged))


# How the per-article stage is mapped over the articles: the builtin ``map`` here; a cache
# or an executor supplies another with the same shape, results in input order.
Mapper = Callable[[Callable[[Article], Extraction], Sequence[Article]], Iterable[Extraction]]


def build_timeline(
    articles: Sequence[Article], cfg: Config, mapper: Mapper = map,
    handmade: Sequence[Event] = (),
) -> Timeline:
    """Pure: articles (and hand-made events) in, the assembled timeline out."""
    return assemble_extractions(list(mapper(extract_article, articles)), cfg, handmade)


def assemble_extractions(
    extractions: Sequence[Extraction], cfg: Config, handmade: Sequence[Event] = (),
    keys: Sequence[str] | None = None, memo: MemoTable[list[list[int]]] | None = None,
) -> Timeline:
    """The timeline of the extractions. With ``keys`` (a digest of what made each extraction:
    ``ExtractionCache.key``) its events get versions, and ``memo`` remembers how they merged."""
    tagged = [x.tagged for x in extractions]
    events = [e for x in extractions for e in x.events]
    fingerprints = None
    if keys is not None:
        fingerprints = [f"{key}:{i}" for key, x in zip(keys, extractions, strict=True)
                        for i in range(len(x.events))]  # fmt: skip
    return assemble(cfg.title, tagged, events, cfg, handmade, fingerprints, memo)


def body_lookup(extractions: Sequence[Extraction]) -> Callable[[TaggedArticle], str]:
    """Each article's body HTML as the extraction stage made it (computed here if missing)."""
    bodies = {x.tagged.article.slug: x.body_html for x in extractions}

    def body(tagged: TaggedArticle) -> str:
        return bodies.get(tagged.article.slug) or article_body_html(tagged)

    return body


def load_handmade(sources: Sequence[Path], cfg: Config, articles: Sequence[Article]) -> (
    tuple[Event, ...]
):
    """Hand-made events: ``events.csv`` in a source folder, and the config's ``events_file``."""
    files = [s / "events.csv" for s in sources if (s / "events.csv").is_file()]
    if cfg.events_file:
        if not Path(cfg.events_file).is_file():
            raise TimelineError(f"{cfg.events_file}: events_file does not exist; fix the path")
        files.append(Path(cfg.events_file))
    if not files:
        return ()
    from timeline.handmade import parse_events_csv  # (reads dates with the tagger's values)

    reference = max((a.dct for a in articles), default=date.min)
    events: list[Event] = []
    for f in files:
        try:
            text = f.read_text("utf-8")
        except UnicodeDecodeError as exc:
            raise TimelineError(f"{f}: not UTF-8 text; save it as UTF-8") from exc
        events += parse_events_csv(text, str(f), reference)
    return tuple(events)


def build_site(
    sources: Sequence[Path] | None = None,
    output: Path | None = None,
    config: Config | None = None,
    *,
    cache: Path | ExtractionCache | None = None,
    clean: bool = False,
    mapper: Mapper = map,
    progress: Progress | None = None,
    jobs: int = 1,
) -> BuildResult:
    """Load the sources, build the timeline, render it, and swap it into ``output``.

    ``cache``: a folder keeping each article's extraction, so a rebuild redoes only changed
    articles (None: no cache), or an ``ExtractionCache`` of one, which a process making build
    after build may keep (with ``in_memory``: see there); ``clean`` empties it first.
    ``mapper`` runs the per-article stage (see ``timeline.executors.make_mapper``);
    ``progress(done, total)`` is told how the extraction advances; ``jobs`` processes render
    the pages (see ``write.write_site``).
    Drafts are included when ``config.drafts`` is set."""
    started = clock.perf_counter()
    cfg = config or Config()
    source_paths = list(sources) if sources else [Path(s) for s in cfg.sources]
    out = output or Path(cfg.output)
    check_output_folder(out, source_paths)
    if isinstance(cache, ExtractionCache):
        store: ExtractionCache | None = cache
        cache.new_build()
    else:
        store = ExtractionCache(cache) if cache is not None else None
    user_templates = Path(cfg.templates) if cfg.templates else None
    inputs = ""
    if store is not None:
        check_cache_folder(store.folder, out)
        if clean:
            store.clear()
        # Digested before anything is read, so an edit made during this build is seen by the next.
        themes = [default_theme_dir(), *([user_templates] if user_templates else [])]
        inputs = input_digest(source_paths, cfg, themes, version_key())
        record = read_record(store.folder, out)
        if record is not None and up_to_date(record, inputs, out):
            return BuildResult(
                output=out,
                articles=record.summary.articles,
                expressions=record.summary.expressions,
                events=record.summary.events,
                warnings=record.summary.warnings,
                seconds=clock.perf_counter() - started,
                write=WriteReport(written=0, unchanged=len(record.outputs), removed=0),
                cached=record.summary.articles,
                up_to_date=True,
            )
    if store is not None:
        store.prepare()
    parsed = store.parsed_articles() if store is not None else None
    known = list(parsed) if parsed is not None else []
    articles = load_articles(
        source_paths, ZoneInfo(cfg.timezone), default_lang=cfg.language, drafts=cfg.drafts,
        parsed=parsed,
    )
    if store is not None and parsed is not None:
        store.keep_parsed_articles(parsed, known)
    handmade = load_handmade(source_paths, cfg, articles)
    extractions = list(cached_mapper(store, mapper, progress)(extract_article, articles))
    # Everything extracted lives to the end of the build: moved out of the collector's sight,
    # later collections do not walk millions of objects again and again.
    gc.freeze()
    try:
        return _assemble_and_write(
            started, extractions, articles, handmade, cfg, user_templates, out, store, inputs,
            jobs,
        )
    finally:
        gc.unfreeze()


def _assemble_and_write(
    started: float, extractions: Sequence[Extraction], articles: Sequence[Article],
    handmade: Sequence[Event], cfg: Config, user_templates: Path | None, out: Path,
    store: ExtractionCache | None, inputs: str, jobs: int,
) -> BuildResult:
    # What the last build made of unchanged reports and events, kept with the cache.
    folder = store.entries if store is not None else None
    merged: MemoTable[list[list[int]]] = MemoTable.kept_in(folder, "merge")
    fragments = RenderMemo.kept_in(folder)
    # what made each extraction, so what follows knows which events are as they were
    keys = [store.key(a) if store is not None else extraction_key(a) for a in articles]
    timeline = assemble_extractions(extractions, cfg, handmade, keys, merged)
    # compiling the templates took a quarter of a second of every rebuild
    env = make_environment(user_templates, folder / "templates" if folder is not None else None)
    # streamed: each page is written as it is rendered, and the site is never in memory whole
    made_from = dict(zip((a.slug for a in articles), keys, strict=True))
    pages = iter_site(timeline, cfg, env, body_lookup(extractions), fragments, made_from, jobs)
    site = chain(static_files(user_templates).items(), pages)
    report = write_site(site, out, jobs)
    merged.save()
    fragments.save()
    summary = BuildSummary(
        articles=len(articles),
        expressions=sum(len(t.timexes) for t in timeline.articles),
        events=len(timeline.events),
        warnings=timeline.warnings,
    )
    if store is not None:
        write_record(store.folder, out, BuildRecord(inputs, output_listing(out), summary))
    return BuildResult(
        output=out,
        articles=summary.articles,
        expressions=summary.expressions,
        events=summary.events,
        warnings=summary.warnings,
        seconds=clock.perf_counter() - started,
        write=report,
        cached=store.hits if store is not None else 0,
    )
