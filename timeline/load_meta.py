"""Article metadata → typed values, shared by every input format (Markdown, HTML, JSONL, CSV).

Each loader maps its own field names onto the canonical ones (title, date, source, url,
authors, tags, lang, draft, slug, pin, drop) and calls ``make_article``; so an article reads
the same whatever format it came in, and every format reports problems the same way.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping
from datetime import date, datetime, time
from email.utils import parsedate_to_datetime
from typing import Any
from zoneinfo import ZoneInfo

from timeline.config import language_problem
from timeline.errors import ArticleError
from timeline.model import MAX_NAMES, Article

# GDELT-style compact stamps ("20180716093000"), which fromisoformat does not take.
_COMPACT = re.compile(r"^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})?$")

DATE_HINT = "write it as 2018-07-16 or 2018-07-16T09:30:00-04:00"


def slugify(text: str) -> str:
    """A lowercase ASCII slug: 'Helsinki Summit, Day 1' → 'helsinki-summit-day-1'."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")[:80].strip("-")


def parse_published(value: Any, tz: ZoneInfo, path: str, line: int | None) -> datetime:
    """The publication date-time, timezone-aware; a bare date means midnight in ``tz``.

    Takes YAML dates, ISO 8601 (with 'Z' or '+0000'), RFC 2822 as in RSS exports, and
    compact 'YYYYMMDDhhmmss' stamps. Never guesses from the clock."""
    if isinstance(value, datetime):
        return value if value.tzinfo else value.replace(tzinfo=tz)
    if isinstance(value, date):
        return datetime.combine(value, time(), tzinfo=tz)
    if isinstance(value, str) and value.strip():
        parsed = _parse_date_text(value.strip())
        if parsed is not None:
            return parsed if parsed.tzinfo else parsed.replace(tzinfo=tz)
    raise ArticleError(path, f"date {value!r} is not a date I can read; {DATE_HINT}", line)


def _parse_date_text(text: str) -> datetime | None:
    try:
        return datetime.fromisoformat(text)
    except ValueError:
        pass
    compact = _COMPACT.match(text)
    if compact:
        y, mo, d, h, mi, sec = (int(p) for p in compact.groups(default="0"))
        try:
            return datetime(y, mo, d, h, mi, sec)  # noqa: DTZ001 - the caller applies the zone
        except ValueError:
            return None
    try:
        return parsedate_to_datetime(text)
    except (TypeError, ValueError, IndexError):
        return None


# C0 control characters but tab, newline and carriage return; DEL; C1 controls; and lone
# surrogates, which a JSON export's escapes ("\\ud800") can hold. Word and PDF exports leave
# controls (a vertical tab for a line break, a form feed for a page break); XML and HTML forbid
# them (a feed holding one does not parse), and no file can be written with a lone surrogate.
# Each is replaced by one character, so offsets into the text stay as they were.
_UNWRITABLE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff]")


def writable(text: str) -> str:
    """The text with each control character replaced by a space and each lone surrogate by
    U+FFFD (see ``_UNWRITABLE``)."""
    return _UNWRITABLE.sub(_replacement, text) if _UNWRITABLE.search(text) else text


def _replacement(found: re.Match[str]) -> str:
    return "\ufffd" if found.group() >= "\ud800" else " "


def text_field(meta: Mapping[str, Any], key: str, path: str) -> str | None:
    value = meta.get(key)
    if value is None:
        return None
    if isinstance(value, list | dict):
        raise ArticleError(path, f"'{key}' must be text, not a list")
    return writable(str(value)).strip() or None


def string_list(value: Any, key: str, path: str) -> tuple[str, ...]:
    """A list of text items; 'a, b' splits for tags and authors (as CSV exports write them)."""
    if value is None:
        return ()
    if isinstance(value, str):
        value = [v.strip() for v in value.split(",")] if key in {"tags", "authors"} else [value]
    if not isinstance(value, list | tuple) or not all(isinstance(v, str | int) for v in value):
        raise ArticleError(path, f"'{key}' must be a list of text items")
    return tuple(item for v in value if (item := writable(str(v)).strip()))


def _tags(value: Any, path: str) -> tuple[str, ...]:
    tags = string_list(value, "tags", path)
    if (count := len(set(tags))) > MAX_NAMES:
        raise ArticleError(
            path, f"has {count:,} tags, more than the {MAX_NAMES} an article may have "
            "(each gets a page); keep the ones that matter",
        )
    return tags


def pins(value: Any, path: str) -> tuple[tuple[str, str], ...]:
    if not value:
        return ()
    if not isinstance(value, dict):
        raise ArticleError(
            path, "'pin' must map an expression to a value, e.g. 'pin: {Monday: 2018-07-16}'"
        )
    return tuple(sorted((str(k), str(v)) for k, v in value.items()))


def first_line(text: str) -> str:
    for line in text.splitlines():
        if line.strip():
            return line.strip().lstrip("#").strip()[:120]
    return ""


def as_bool(value: Any, key: str, path: str) -> bool:
    if isinstance(value, bool):
        return value
    word = value.strip().lower() if isinstance(value, str) else None
    if value is None or word in {"", "false", "no", "0"}:
        return False
    if word in {"true", "yes", "1"}:
        return True
    if isinstance(value, int):
        return bool(value)
    raise ArticleError(path, f"'{key}' must be true or false, not {value!r}")


def make_article(
    meta: Mapping[str, Any],
    text: str,
    *,
    path: str,
    stem: str,
    tz: ZoneInfo,
    default_lang: str,
    date_line: int | None = None,
    lang_line: int | None = None,
    body_line: int = 1,
    missing_date: str,
) -> Article:
    """Build the Article from canonical metadata; ``missing_date`` says how to add a date."""
    text = writable(text)
    if meta.get("date") in (None, ""):
        raise ArticleError(path, f"has no publication date; {missing_date}", date_line)
    published = parse_published(meta["date"], tz, path, date_line)
    lang = str(meta.get("lang") or default_lang).strip() or default_lang
    if (problem := language_problem(lang)) is not None:
        raise ArticleError(path, f"{problem} (or leave 'lang' out)", lang_line)
    title = text_field(meta, "title", path) or first_line(text) or stem
    slug = _slug(meta.get("slug"), stem, path)
    authors = meta.get("authors", meta.get("author"))
    return Article(
        slug=slug,
        path=path,
        title=title,
        published=published,
        text=text,
        source=text_field(meta, "source", path),
        url=text_field(meta, "url", path),
        authors=string_list(authors, "authors", path),
        tags=_tags(meta.get("tags"), path),
        lang=lang,
        draft=as_bool(meta.get("draft"), "draft", path),
        body_line=body_line,
        pins=pins(meta.get("pin"), path),
        drops=string_list(meta.get("drop"), "drop", path),
    )


def _slug(given: Any, stem: str, path: str) -> str:
    """An explicit slug must already be one (it names a folder of the site: '../x' is refused,
    not quietly rewritten); a slug made from the file name or title is cleaned up."""
    if given is not None and str(given).strip():
        wanted = str(given).strip()
        if slugify(wanted) != wanted:
            suggestion = slugify(wanted) or "my-article"
            raise ArticleError(
                path, f"slug {wanted!r} may hold only lowercase letters, digits and '-'; "
                f"write e.g. 'slug: {suggestion}'",
            )
        return wanted
    slug = slugify(stem)
    if not slug:
        raise ArticleError(path, "gives no usable slug; add a 'slug:' made of letters or digits")
    return slug
