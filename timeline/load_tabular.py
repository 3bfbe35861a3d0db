"""JSONL and CSV exports, one article per row, as news APIs and scrapers write them → Articles.

Column names vary by tool (NewsAPI's ``publishedAt``, the NYT's ``pub_date``, GDELT's
``seendate``, ``headline`` for ``title``, ``link`` for ``url``...). They are matched without
regard to case, '_' or '-' against the aliases below. Each article's ``path`` is
``file:line``, so every message points at the row to fix.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from typing import Any
from zoneinfo import ZoneInfo

from timeline.errors import ArticleError
from timeline.load_meta import make_article, slugify
from timeline.model import Article

# Canonical field → accepted column names (normalized: lowercase, no '_' or '-'), best first.
ALIASES: Mapping[str, tuple[str, ...]] = {
    "title": ("title", "headline", "name"),
    "date": (
        "date", "published", "publishedat", "pubdate", "publishdate", "publicationdate",
        "datepublished", "datetime", "seendate", "created", "createdat",
    ),
    "text": ("text", "body", "content", "fulltext", "articletext", "article", "description"),
    "url": ("url", "link", "uri", "href"),
    "source": ("source", "outlet", "publisher", "sourcename", "site", "sitename", "domain"),
    "authors": ("authors", "author", "byline", "creator", "creators"),
    "tags": ("tags", "keywords", "categories", "category"),
    "lang": ("lang", "language"),
    "slug": ("slug",),
    "draft": ("draft",),
}

DATE_COLUMNS = "date, published, publishedAt or pub_date"


def _normal(name: str) -> str:
    return name.strip().lower().replace("_", "").replace("-", "").replace(" ", "")


def canonical_row(row: Mapping[str, Any]) -> dict[str, Any]:
    """A row with its columns renamed to the canonical fields (unknown columns dropped)."""
    by_name = {_normal(str(k)): v for k, v in row.items() if k is not None}
    found: dict[str, Any] = {}
    for field, names in ALIASES.items():
        for name in names:
            value = by_name.get(name)
            if value not in (None, "", [], {}):
                found[field] = value
                break
    source = found.get("source")
    if isinstance(source, dict):  # NewsAPI: "source": {"id": "the-hill", "name": "The Hill"}
        found["source"] = source.get("name") or source.get("id")
    if isinstance(found.get("authors"), list):
        found["authors"] = [a.get("name", "") if isinstance(a, dict) else a
                            for a in found["authors"]]
    return found


def row_article(
    row: Mapping[str, Any], *, path: str, row_number: int, tz: ZoneInfo, default_lang: str,
) -> Article:
    """One row → one Article; ``path`` is already 'file:line'."""
    meta = canonical_row(row)
    text = meta.pop("text", None)
    if not isinstance(text, str) or not text.strip():
        raise ArticleError(
            path, "has no article text; fill its text (or body, content) column"
        )
    title = meta.get("title")
    stem = slugify(str(title)) if isinstance(title, str) and title.strip() else ""
    return make_article(
        meta, text.strip() + "\n", path=path, stem=stem or f"row-{row_number}", tz=tz,
        default_lang=default_lang,
        missing_date=f"fill its date column ({DATE_COLUMNS}) with e.g. 2018-07-16",
    )


def parse_jsonl(
    raw: str, path: str, tz: ZoneInfo, default_lang: str = "en"
) -> tuple[Article, ...]:
    """A JSON Lines export: one JSON object per line; blank lines are skipped."""
    articles: list[Article] = []
    for line_number, line in enumerate(raw.splitlines(), start=1):
        if not line.strip():
            continue
        where = f"{path}:{line_number}"
        try:
            row = json.loads(line)
        except (json.JSONDecodeError, RecursionError) as exc:
            problem = exc.msg if isinstance(exc, json.JSONDecodeError) else "nested too deeply"
            raise ArticleError(
                where, f"is not valid JSON ({problem}); each line must be one JSON object"
            ) from None
        if not isinstance(row, dict):
            raise ArticleError(where, "must be a JSON object like {\"title\": ..., \"date\": ...}")
        articles.append(row_article(
            row, path=where, row_number=len(articles) + 1, tz=tz, default_lang=default_lang,
        ))
    if not articles:
        raise ArticleError(path, "is empty; write one JSON object per line, or remove the file")
    return tuple(articles)


def parse_csv(raw: str, path: str, tz: ZoneInfo, default_lang: str = "en") -> tuple[Article, ...]:
    """A CSV export with a header row; a row may span lines (quoted text)."""
    with large_csv_fields():
        return _parse_csv(raw, path, tz, default_lang)


CSV_FIELD_LIMIT = 64 * 1024 * 1024


@contextmanager
def large_csv_fields() -> Iterator[None]:
    """Fields of up to ``CSV_FIELD_LIMIT`` while reading: the csv module refuses fields over
    128 KB, and an article's text (a transcript's) can be longer. Its limit is restored after."""
    limit = csv.field_size_limit(CSV_FIELD_LIMIT)
    try:
        yield
    finally:
        csv.field_size_limit(limit)


def _parse_csv(raw: str, path: str, tz: ZoneInfo, default_lang: str) -> tuple[Article, ...]:
    reader = csv.DictReader(io.StringIO(raw, newline=""))
    try:
        header = reader.fieldnames
    except csv.Error as exc:
        raise ArticleError(path, f"is not valid CSV ({exc})", 1) from None
    if not header:
        raise ArticleError(path, "is empty; write a header row (title,date,text,...) and rows")
    columns = {_normal(name) for name in header if name}
    if not columns & set(ALIASES["date"]):
        raise ArticleError(
            path, f"has no date column; add one named {DATE_COLUMNS} (e.g. 2018-07-16)", 1
        )
    articles: list[Article] = []
    line_number = reader.line_num + 1
    while True:
        try:
            row = next(reader)
        except StopIteration:
            break
        except csv.Error as exc:
            raise ArticleError(path, f"is not valid CSV ({exc}); fix that row", line_number) \
                from None
        if any(value for value in row.values()):  # a blank line is not an article
            articles.append(row_article(
                row, path=f"{path}:{line_number}", row_number=len(articles) + 1, tz=tz,
                default_lang=default_lang,
            ))
        line_number = reader.line_num + 1
    if not articles:
        raise ArticleError(path, "has a header but no rows; add one article per row")
    return tuple(articles)
