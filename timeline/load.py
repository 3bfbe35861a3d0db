"""Load articles: files on disk → ``Article`` values. The only stage that reads sources.

Parsing is split from reading so that it can be tested on strings: ``parse_article`` takes
text, ``load_articles`` walks folders and reports problems by file (and line).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from datetime import date, datetime, time
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import yaml

from timeline.errors import ArticleError
from timeline.model import Article

ARTICLE_SUFFIXES = (".md", ".markdown", ".txt")

_FRONT_MATTER = re.compile(r"\A---[ \t]*\r?\n(.*?)^(?:---|\.\.\.)[ \t]*\r?\n?", re.S | re.M)

# A line that is nothing but a CMS directive: Joomla's {mosads}/{loadposition x}, Liquid and
# Jinja-style {{ ad }} / {% ... %}, WordPress shortcodes [ad] / [/caption]. Real prose never
# stands alone between braces, so dropping such lines loses no text.
_PLACEHOLDER_LINE = re.compile(
    r"^[ \t]*(?:\{\{?[%#]?[ \t]*[A-Za-z_][\w:.-]*(?:[ \t][^{}\n]*)?[%#]?\}\}?"
    r"|\[/?[a-z_][\w-]*(?:[ \t][^\]\n]*)?\])[ \t]*$",
    re.M,
)

_EXPECTED_KEYS = {
    "title", "date", "source", "url", "author", "authors", "tags", "lang", "draft",
    "slug", "pin", "drop",
}


def split_front_matter(raw: str, path: str = "<text>") -> tuple[Mapping[str, Any], str, int]:
    """Split YAML front matter from the body; return (metadata, body, line the body starts on)."""
    match = _FRONT_MATTER.match(raw)
    if not match:
        return {}, raw, 1
    try:
        meta = yaml.safe_load(match.group(1))
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 2 if mark is not None else None  # +1 for 1-based, +1 for the '---'
        problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        raise ArticleError(path, f"front matter is not valid YAML ({problem}); fix that line", line)
    if meta is None:
        meta = {}
    if not isinstance(meta, dict):
        raise ArticleError(path, "front matter must be 'key: value' lines (title, date, ...)", 2)
    body_line = raw.count("\n", 0, match.end()) + 1
    return meta, raw[match.end():], body_line


def drop_placeholders(body: str) -> str:
    """Remove lines that are CMS placeholders, and the blank line they leave behind."""
    cleaned = _PLACEHOLDER_LINE.sub("", body)
    cleaned = re.sub(r"\n{3,}", "\n\n", cleaned)
    return cleaned.strip("\n") + "\n"


def slugify(text: str) -> str:
    """A lowercase ASCII slug: 'Helsinki Summit, Day 1' → 'helsinki-summit-day-1'."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")


def parse_published(value: Any, tz: ZoneInfo, path: str, line: int | None) -> datetime:
    """The publication date-time, timezone-aware; a bare date means midnight in ``tz``."""
    if isinstance(value, datetime):
        return value if value.tzinfo else value.replace(tzinfo=tz)
    if isinstance(value, date):
        return datetime.combine(value, time(), tzinfo=tz)
    if isinstance(value, str):
        try:
            parsed = datetime.fromisoformat(value.strip())
        except ValueError:
            pass
        else:
            return parsed if parsed.tzinfo else parsed.replace(tzinfo=tz)
    raise ArticleError(
        path, f"date {value!r} is not an ISO date; write it as 'date: 2018-07-16' "
        "or 'date: 2018-07-16T09:30:00-04:00'", line,
    )


def parse_article(raw: str, path: str, tz: ZoneInfo, default_lang: str = "en") -> Article:
    """Turn the text of one article file into an Article, or raise ArticleError."""
    if "\x00" in raw:
        raise ArticleError(path, "is a binary file, not an article; remove it from the sources")
    if not raw.strip():
        raise ArticleError(path, "is empty; write an article with a 'date:' in its front matter")
    meta, body, body_line = split_front_matter(raw, path)
    date_line = _key_line(raw, "date")
    if "date" not in meta:
        raise ArticleError(
            path, "has no publication date; add front matter starting with '---', "
            "then 'date: 2018-07-16', then '---'", 1,
        )
    published = parse_published(meta["date"], tz, path, date_line)
    text = drop_placeholders(body)
    stem = Path(path).stem
    title = _text_field(meta, "title", path) or _first_line(text) or stem
    slug = slugify(str(meta.get("slug") or stem))
    if not slug:
        raise ArticleError(path, "gives no usable slug; name the file with letters or digits")
    authors = meta.get("authors", meta.get("author", ()))
    return Article(
        slug=slug,
        path=path,
        title=title,
        published=published,
        text=text,
        source=_text_field(meta, "source", path),
        url=_text_field(meta, "url", path),
        authors=_string_list(authors, "authors", path),
        tags=_string_list(meta.get("tags", ()), "tags", path),
        lang=str(meta.get("lang") or default_lang),
        draft=bool(meta.get("draft", False)),
        body_line=body_line,
        pins=_pins(meta.get("pin", {}), path),
        drops=_string_list(meta.get("drop", ()), "drop", path),
    )


def find_article_files(folder: Path) -> list[Path]:
    """Article files below ``folder``, in a stable order; hidden files and folders skipped."""
    found = [
        p for p in folder.rglob("*")
        if p.is_file() and p.suffix.lower() in ARTICLE_SUFFIXES
        and not any(part.startswith((".", "_")) for part in p.relative_to(folder).parts)
        and p.name.upper() not in {"README.MD", "SOURCES.TXT"}
    ]
    return sorted(found)


def read_text(path: Path, shown: str) -> str:
    try:
        return path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ArticleError(shown, f"is not UTF-8 text (byte {exc.start}); save it as UTF-8") from exc
    except OSError as exc:
        raise ArticleError(shown, f"cannot be read: {exc.strerror}") from exc


def load_articles(
    sources: Iterable[Path], tz: ZoneInfo, *, default_lang: str = "en", drafts: bool = False,
) -> tuple[Article, ...]:
    """Every article in the source folders (or files), sorted by publication date then slug."""
    articles: list[Article] = []
    for source in sources:
        if not source.exists():
            raise ArticleError(str(source), "does not exist; name a folder of articles")
        files = [source] if source.is_file() else find_article_files(source)
        base = source.parent if source.is_file() else source
        for file in files:
            shown = _shown_path(file, base)
            articles.append(parse_article(read_text(file, shown), shown, tz, default_lang))
    _check_unique_slugs(articles)
    kept = [a for a in articles if drafts or not a.draft]
    return tuple(sorted(kept, key=lambda a: (a.published, a.slug)))


def _shown_path(file: Path, base: Path) -> str:
    try:
        return str(Path(base.name) / file.relative_to(base))
    except ValueError:
        return str(file)


def _check_unique_slugs(articles: Sequence[Article]) -> None:
    seen: dict[str, str] = {}
    for article in articles:
        if article.slug in seen:
            raise ArticleError(
                article.path, f"has the slug {article.slug!r}, like {seen[article.slug]}; "
                "rename one file or give it a 'slug:' in its front matter",
            )
        seen[article.slug] = article.path


def _key_line(raw: str, key: str) -> int | None:
    match = re.search(rf"^{key}\s*:", raw, re.M)
    return raw.count("\n", 0, match.start()) + 1 if match else None


def _text_field(meta: Mapping[str, Any], key: str, path: str) -> str | None:
    value = meta.get(key)
    if value is None:
        return None
    if isinstance(value, list | dict):
        raise ArticleError(path, f"'{key}' must be text, not a list")
    return str(value).strip() or None


def _string_list(value: Any, key: str, path: str) -> tuple[str, ...]:
    if value is None:
        return ()
    if isinstance(value, str):
        value = [v.strip() for v in value.split(",")] if key in {"tags", "authors"} else [value]
    if not isinstance(value, list | tuple) or not all(isinstance(v, str | int) for v in value):
        raise ArticleError(path, f"'{key}' must be a list of text items")
    return tuple(str(v) for v in value if str(v).strip())


def _pins(value: Any, path: str) -> tuple[tuple[str, str], ...]:
    if not value:
        return ()
    if not isinstance(value, dict):
        raise ArticleError(path, "'pin' must map an expression to a value, e.g. 'pin: {Monday: 2018-07-16}'")
    return tuple(sorted((str(k), str(v)) for k, v in value.items()))


def _first_line(text: str) -> str:
    for line in text.splitlines():
        if line.strip():
            return line.strip().lstrip("#").strip()[:120]
    return ""


def known_front_matter_keys() -> frozenset[str]:
    return frozenset(_EXPECTED_KEYS)
