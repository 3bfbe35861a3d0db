"""Load articles: files on disk → ``Article`` values. The only stage that reads sources.

This module finds the source files, reads them, dispatches on their format, and parses
Markdown / plain text with YAML front matter itself. HTML pages (``load_html``) and JSONL/CSV
exports (``load_tabular``) have their own modules. Parsers take text, so they are tested on
strings; ``load_articles`` walks folders and reports problems by file (and line).
"""

from __future__ import annotations

import codecs
import hashlib
import os
import re
from collections.abc import Iterable, Mapping, MutableMapping, Sequence
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import yaml

from timeline.errors import ArticleError
from timeline.load_meta import make_article, parse_published, slugify
from timeline.model import Article

__all__ = [
    "SOURCE_SUFFIXES", "collect_articles", "find_article_files", "load_articles",
    "parse_article", "parse_published", "parse_source", "slugify", "split_front_matter",
]

ARTICLE_SUFFIXES = (".md", ".markdown", ".txt")
HTML_SUFFIXES = (".html", ".htm")
TABULAR_SUFFIXES = (".jsonl", ".ndjson", ".csv")
SOURCE_SUFFIXES = ARTICLE_SUFFIXES + HTML_SUFFIXES + TABULAR_SUFFIXES

_FRONT_MATTER = re.compile(r"\A---[ \t]*\r?\n(.*?)^(?:---|\.\.\.)[ \t]*\r?\n?", re.S | re.M)

# A line that is nothing but a CMS directive: Joomla's {mosads}/{loadposition x}, Liquid and
# Jinja-style {{ ad }} / {% ... %}, WordPress shortcodes [ad] / [/caption]. Real prose never
# stands alone between braces, so dropping such lines loses no text.
_PLACEHOLDER_LINE = re.compile(
    r"^[ \t]*(?:\{\{?[%#]?[ \t]*[A-Za-z_][\w:.-]*(?:[ \t][^{}\n]*)?[%#]?\}\}?"
    r"|\[/?[a-z_][\w-]*(?:[ \t][^\]\n]*)?\])[ \t]*$",
    re.M,
)

# The C loader when PyYAML has it: ten times faster, and front matter is parsed on every build.
_YAML_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

_EXPECTED_KEYS = {
    "title", "date", "source", "url", "author", "authors", "tags", "lang", "draft",
    "slug", "pin", "drop",
}

MISSING_DATE = "add front matter starting with '---', then 'date: 2018-07-16', then '---'"


def split_front_matter(raw: str, path: str = "<text>") -> tuple[Mapping[str, Any], str, int]:
    """Split YAML front matter from the body; return (metadata, body, line the body starts on)."""
    match = _FRONT_MATTER.match(raw)
    if not match:
        return {}, raw, 1
    try:
        meta = yaml.load(match.group(1), Loader=_YAML_LOADER)  # a safe loader
    except (ValueError, OverflowError) as exc:
        # A value YAML reads as a timestamp that is no calendar date ("2018-02-30")
        line = _unreadable_value_line(match.group(1))
        raise ArticleError(
            path, f"front matter holds a date that does not exist ({exc}); fix that line",
            line + 1 if line is not None else None,
        ) from None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 2 if mark is not None else None  # +1 for 1-based, +1 for the '---'
        problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        raise ArticleError(
            path, f"front matter is not valid YAML ({problem}); fix that line", line
        ) from None
    if meta is None:
        meta = {}
    if not isinstance(meta, dict):
        raise ArticleError(path, "front matter must be 'key: value' lines (title, date, ...)", 2)
    body_line = raw.count("\n", 0, match.end()) + 1
    return meta, raw[match.end():], body_line


def _unreadable_value_line(front_matter: str) -> int | None:
    """The line (1-based, in the front matter) of the first value YAML cannot construct."""
    for number, line in enumerate(front_matter.splitlines(), 1):
        try:
            yaml.load(line, Loader=_YAML_LOADER)
        except (ValueError, OverflowError):
            return number
        except yaml.YAMLError:
            continue  # part of a structure spanning lines: not this kind of problem
    return None


def drop_placeholders(body: str) -> str:
    """Remove lines that are CMS placeholders, and the blank line they leave behind."""
    cleaned = _PLACEHOLDER_LINE.sub("", body)
    cleaned = re.sub(r"\n{3,}", "\n\n", cleaned)
    return cleaned.strip("\n") + "\n"


def parse_article(raw: str, path: str, tz: ZoneInfo, default_lang: str = "en") -> Article:
    """Turn the text of one Markdown or text file into an Article, or raise ArticleError."""
    if "\x00" in raw:
        raise ArticleError(path, "is a binary file, not an article; remove it from the sources")
    if not raw.strip():
        raise ArticleError(path, "is empty; write an article with a 'date:' in its front matter")
    meta, body, body_line = split_front_matter(raw, path)
    text = drop_placeholders(body)
    if not text.strip():
        raise ArticleError(path, "has front matter but no text; write the article below the '---'")
    return make_article(
        meta, text, path=path, stem=Path(path).stem, tz=tz, default_lang=default_lang,
        date_line=_key_line(raw, "date") if "date" in meta else 1,
        lang_line=_key_line(raw, "lang"), body_line=body_line, missing_date=MISSING_DATE,
    )


def parse_source(
    raw: str, path: str, tz: ZoneInfo, default_lang: str = "en"
) -> tuple[Article, ...]:
    """Any supported file's text → its articles (one, or one per row of an export)."""
    suffix = Path(path).suffix.lower()
    if "\x00" in raw:
        raise ArticleError(path, "is a binary file, not an article; remove it from the sources")
    if suffix in HTML_SUFFIXES:
        from timeline.load_html import parse_html  # only HTML needs the optional extra

        return (parse_html(raw, path, tz, default_lang),)
    if suffix in TABULAR_SUFFIXES:
        from timeline.load_tabular import parse_csv, parse_jsonl

        parse = parse_csv if suffix == ".csv" else parse_jsonl
        return parse(raw, path, tz, default_lang)
    return (parse_article(raw, path, tz, default_lang),)


_SKIPPED_NAMES = frozenset({"README.MD", "README.TXT", "SOURCES.TXT", "EVENTS.CSV"})


def find_article_files(folder: Path) -> list[Path]:
    """Source files below ``folder``, in a stable order; hidden and '_' files and folders
    skipped (as other site generators do), and so are READMEs and events.csv (hand-made
    events, read by timeline.handmade)."""
    found: list[tuple[tuple[str, ...], Path]] = []
    # os.walk rather than Path.rglob: a folder of thousands of articles is listed on every
    # build, and pathlib's per-file objects cost more than reading the files.
    for current, folders, files in os.walk(folder):  # symlinked folders not followed, as rglob
        folders[:] = [d for d in folders if not d.startswith((".", "_"))]
        parts = Path(current).relative_to(folder).parts
        for name in files:
            if (
                not name.startswith((".", "_"))
                and os.path.splitext(name)[1].lower() in SOURCE_SUFFIXES
                and name.upper() not in _SKIPPED_NAMES
            ):
                found.append(((*parts, name), Path(current, name)))
    return [path for _, path in sorted(found)]  # path order: part by part, as Path sorts


def read_text(path: Path, shown: str) -> str:
    return decode_source(read_source(path, shown), shown)


def read_source(path: Path, shown: str) -> bytes:
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise ArticleError(shown, f"cannot be read: {exc.strerror}") from exc
    if b"\x00" in data[:8192]:
        raise ArticleError(shown, "is a binary file, not an article; remove it from the sources")
    return data


def decode_source(data: bytes, shown: str) -> str:
    """The file's text: UTF-8, or for a web page, the encoding it declares in a <meta> tag
    (pages saved from older news sites are often windows-1252)."""
    encoding = "utf-8-sig"
    if shown.lower().endswith(HTML_SUFFIXES) and not data.startswith(b"\xef\xbb\xbf"):
        encoding = declared_encoding(data) or encoding
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        named = "UTF-8 text" if encoding == "utf-8-sig" else f"{encoding} text, as it declares"
        raise ArticleError(
            shown, f"is not {named} (byte {exc.start}); save it as UTF-8", line
        ) from None


# A <meta charset> or http-equiv Content-Type in the first 1,024 bytes, as browsers look for it.
_META_CHARSET = re.compile(
    rb"<meta[^>]+charset\s*=\s*[\"']?\s*([a-z0-9._:-]+)", re.IGNORECASE
)
# Labels browsers read as windows-1252 (the WHATWG Encoding standard), not as Latin-1.
_WINDOWS_1252 = frozenset({
    "ascii", "us-ascii", "iso-8859-1", "iso8859-1", "iso_8859-1", "latin1", "l1", "cp819",
    "ibm819", "windows-1252", "cp1252", "x-cp1252",
})  # fmt: skip


def declared_encoding(data: bytes) -> str | None:
    """The Python codec for the encoding a web page declares, or None if none (or unknown)."""
    found = _META_CHARSET.search(data[:1024])
    if found is None:
        return None
    label = found.group(1).decode("ascii").lower()
    if label in _WINDOWS_1252:
        return "cp1252"
    try:
        name = codecs.lookup(label).name
    except LookupError:
        return None
    return "utf-8-sig" if name == "utf-8" else name


def source_files(sources: Iterable[Path]) -> list[tuple[Path, str]]:
    """Every source file to read, with the name to show for it in messages."""
    files: list[tuple[Path, str]] = []
    given = 0
    for source in sources:
        given += 1
        if not source.exists():
            raise ArticleError(
                str(source), "does not exist; name a folder of articles "
                "(or start a site with 'timeline new FOLDER')",
            )
        if source.is_file():
            files.append((source, _shown_path(source, source.parent)))
        else:
            files += [(f, _shown_path(f, source)) for f in find_article_files(source)]
    if given < 2:  # (one source cannot reach a file twice: symlinked folders are not followed)
        return files
    # A file reached through two sources (a folder and one inside it, or one named twice) is
    # one article, read once: not two with the same slug.
    seen: set[Path] = set()
    once = []
    for file, shown in files:
        real = file.resolve()
        if real not in seen:
            seen.add(real)
            once.append((file, shown))
    return once


def collect_articles(
    sources: Iterable[Path], tz: ZoneInfo, *, default_lang: str = "en", drafts: bool = False,
) -> tuple[tuple[Article, ...], tuple[ArticleError, ...]]:
    """Every article that loads, and every problem of those that do not (for ``check``)."""
    articles: list[Article] = []
    errors: list[ArticleError] = []
    for file, shown in source_files(sources):
        try:
            articles += parse_source(read_text(file, shown), shown, tz, default_lang)
        except ArticleError as exc:
            errors.append(exc)
    errors += duplicate_slugs(articles)
    kept = [a for a in articles if drafts or not a.draft]
    return tuple(sorted(kept, key=lambda a: (a.published, a.slug))), tuple(errors)


def load_articles(
    sources: Iterable[Path], tz: ZoneInfo, *, default_lang: str = "en", drafts: bool = False,
    parsed: MutableMapping[str, tuple[Article, ...]] | None = None,
) -> tuple[Article, ...]:
    """Every article in the source folders (or files), sorted by publication date then slug.
    Raises the first problem found.

    ``parsed``: the articles of files read before, by ``parse_key``; files found there are
    not parsed again, and on return it holds exactly the files of this load."""
    articles: list[Article] = []
    known = dict(parsed) if parsed is not None else {}
    if parsed is not None:
        parsed.clear()
    for file, shown in source_files(sources):
        data = read_source(file, shown)
        key = parse_key(data, shown, tz, default_lang)
        found = known.get(key)
        if found is None:
            found = parse_source(decode_source(data, shown), shown, tz, default_lang)
        if parsed is not None:
            parsed[key] = found
        articles += found
    for error in duplicate_slugs(articles):
        raise error
    kept = [a for a in articles if drafts or not a.draft]
    return tuple(sorted(kept, key=lambda a: (a.published, a.slug)))


def parse_key(data: bytes, shown: str, tz: ZoneInfo, default_lang: str) -> str:
    """Everything parsing one file depends on (besides the code, which the cache keys)."""
    digest = hashlib.sha256(f"{shown}\x1f{tz.key}\x1f{default_lang}\x1f".encode())
    digest.update(data)
    return digest.hexdigest()


def _shown_path(file: Path, base: Path) -> str:
    try:
        return str(Path(base.name) / file.relative_to(base))
    except ValueError:
        return str(file)


def duplicate_slugs(articles: Sequence[Article]) -> list[ArticleError]:
    seen: dict[str, str] = {}
    errors = []
    for article in articles:
        if article.slug in seen:
            errors.append(ArticleError(
                article.path, f"has the slug {article.slug!r}, like {seen[article.slug]}; "
                "rename one file or give it a 'slug:' in its front matter",
            ))
        else:
            seen[article.slug] = article.path
    return errors


def _key_line(raw: str, key: str) -> int | None:
    match = re.search(rf"^{key}\s*:", raw, re.M)
    return raw.count("\n", 0, match.start()) + 1 if match else None


def known_front_matter_keys() -> frozenset[str]:
    return frozenset(_EXPECTED_KEYS)
