"""Check the sources and the config without writing the site: for a newsroom's own CI.

Errors are what would stop a build (an article that cannot be read, no date, two articles
with one slug, an output folder that overlaps the sources). Warnings are what a reader may
want a human to look at: articles that will not show on the timeline, expressions that could
not be placed, and ambiguous ones, with the reading chosen. Every problem is listed at once.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from zoneinfo import ZoneInfo

from timeline.cache import ExtractionCache, Mapper, cached_mapper
from timeline.config import Config
from timeline.errors import OutputError
from timeline.load import collect_articles
from timeline.model import AnchorKind, Article, Extraction, Timex, TimexType
from timeline.wording import counted
from timeline.write import check_output_folder

# A weekday or a month named without a year: which one is meant depends on the reading.
_WEEKDAY = re.compile(r"\b(?:mon|tues|wednes|thurs|fri|satur|sun)day\b", re.I)
_MONTH = re.compile(
    r"\b(?:january|february|march|april|may|june|july|august|september|october|november"
    r"|december)\b",
    re.I,
)
# Words (or a year) that say which one is meant.
_QUALIFIED = re.compile(r"\b(?:last|next|this|coming|past|previous|ago|\d{4})\b", re.I)
_VAGUE = frozenset({"PAST_REF", "PRESENT_REF", "FUTURE_REF"})
_PATH_WITH_LINE = re.compile(r":\d+$")


@dataclass(frozen=True, slots=True)
class CheckReport:
    articles: int
    errors: tuple[str, ...]
    warnings: tuple[str, ...]

    @property
    def ok(self) -> bool:
        return not self.errors

    def summary(self) -> str:
        return (
            f"Checked {counted(self.articles, 'article')}: "
            f"{counted(len(self.errors), 'error')}, {counted(len(self.warnings), 'warning')}"
        )


def check_site(
    sources: Sequence[Path] | None,
    output: Path | None,
    cfg: Config,
    *,
    cache: Path | None = None,
    mapper: Mapper = map,
) -> CheckReport:
    """Load every source (going on past bad ones), then tag the good ones and report."""
    from timeline.api import extract_article  # api imports the renderer; check needs no more

    source_paths = list(sources) if sources else [Path(s) for s in cfg.sources]
    errors: list[str] = []
    try:
        check_output_folder(output or Path(cfg.output), source_paths)
    except OutputError as exc:
        errors.append(str(exc))
    articles, problems = collect_articles(
        source_paths, ZoneInfo(cfg.timezone), default_lang=cfg.language, drafts=cfg.drafts
    )
    errors += [str(p) for p in problems]
    store = ExtractionCache(cache) if cache is not None else None
    if store is not None:
        store.prepare()
    warnings: list[str] = []
    for extraction in cached_mapper(store, mapper)(extract_article, articles):
        warnings += article_warnings(extraction)
    return CheckReport(len(articles), tuple(errors), tuple(warnings))


def article_warnings(extraction: Extraction) -> list[str]:
    """What a human may want to look at in one article, each on one line."""
    article = extraction.tagged.article
    timexes = extraction.tagged.timexes
    if not timexes:
        return [f"{where(article, 0)}: no dates or times found; it will not be on the timeline"]
    found = []
    for timex in timexes:
        if _unplaced(timex):
            found.append(
                f"{where(article, timex.start)}: could not place {timex.text!r} "
                f"({timex.value}) on the calendar; if it matters, add "
                f"'pin: {{{timex.text}: YYYY-MM-DD}}' to its front matter"
            )
        elif (why := _ambiguity(timex, article.dct)) is not None:
            found.append(
                f"{where(article, timex.start)}: read {timex.text!r} as {timex.value}, "
                f"{why}; if wrong, add 'pin: {{{timex.text}: YYYY-MM-DD}}' to its front matter"
            )
    if not extraction.events:
        found.append(f"{where(article, 0)}: no dated sentence; it will not be on the timeline")
    return found


def _unplaced(timex: Timex) -> bool:
    return (
        timex.type in (TimexType.DATE, TimexType.TIME)
        and timex.interval is None
        and timex.value not in _VAGUE
    )


def _ambiguity(timex: Timex, dct: date) -> str | None:
    """Why a bare weekday or month could be read otherwise, or None if it hardly could:
    a weekday read as the publication day itself (or a week away) or as a coming one (from
    the tense), a month read in another year than the article's."""
    if timex.anchor.kind is not AnchorKind.DCT or timex.interval is None:
        return None
    if _QUALIFIED.search(timex.text):
        return None
    day = timex.interval.start
    if _WEEKDAY.search(timex.text):
        if day == dct:
            return "the day of publication itself, not a week before or after"
        if day > dct:
            return "the coming one, from the tense of the sentence"
        return None
    if _MONTH.search(timex.text) and day.year != dct.year:
        return f"in {day.year}, not in the year of publication ({dct.year})"
    return None


def where(article: Article, offset: int) -> str:
    """'file:line' of a character of the article's text (rows of exports: their line)."""
    if _PATH_WITH_LINE.search(article.path):
        return article.path
    return f"{article.path}:{article.body_line + article.text.count(chr(10), 0, offset)}"
