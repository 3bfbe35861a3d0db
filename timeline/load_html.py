"""News pages saved from the web (.html) → Article: the text through trafilatura, the
publication date through htmldate. Both come with the optional ``html`` extra.

Nothing here fetches anything: both libraries work on the text given.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from timeline.errors import ArticleError
from timeline.load_meta import make_article
from timeline.model import Article

# htmldate ignores dates after ``max_date``, which defaults to today: a hidden now() that would
# make a page read differently next year. A fixed far bound keeps builds reproducible.
# No extensive search: it reads any year in the body ("the 2016 election") as the publication
# date, and a wrong date silently misplaces every event; markup and bylines are enough.
_DATE_PARAMS: dict[str, Any] = {
    "extensive_search": False,
    "original_date": True,
    "min_date": "1990-01-01",
    "max_date": "2100-01-01",
}

MISSING_DATE = (
    "add <meta name=\"date\" content=\"2018-07-16\"> to the page's <head>, "
    "or save the article as Markdown with a 'date:' line"
)


def _libraries(path: str) -> tuple[Any, Any]:
    try:
        import htmldate
        import trafilatura
    except ImportError:
        raise ArticleError(
            path, "is an HTML page; reading HTML needs the 'html' extra: "
            "pip install 'newstimeline[html]'",
        ) from None
    return trafilatura, htmldate


def parse_html(raw: str, path: str, tz: ZoneInfo, default_lang: str = "en") -> Article:
    """Turn a saved news page into an Article, or raise ArticleError."""
    if not raw.strip():
        raise ArticleError(path, "is empty; save the whole page, or remove the file")
    trafilatura, htmldate = _libraries(path)
    document = trafilatura.bare_extraction(
        raw, with_metadata=True, include_comments=False, include_tables=False,
        date_extraction_params=_DATE_PARAMS,
    )
    text = (getattr(document, "text", None) or "").strip() if document is not None else ""
    if not text:
        raise ArticleError(path, "has no article text that I can find; save the article's own page")
    meta: dict[str, Any] = {
        "date": htmldate.find_date(raw, **_DATE_PARAMS),
        "title": getattr(document, "title", None),
        "source": getattr(document, "sitename", None),
        "url": getattr(document, "url", None),
        "authors": _split_authors(getattr(document, "author", None)),
        "tags": list(getattr(document, "tags", None) or ()) or None,
        "lang": getattr(document, "language", None),
    }
    paragraphs = [line.strip() for line in text.splitlines() if line.strip()]
    if len(paragraphs) > 1 and paragraphs[0] == (meta["title"] or "").strip():
        paragraphs = paragraphs[1:]  # the page's <h1>, already the title: not an event
    # trafilatura gives one paragraph per line; a blank line between them is Markdown's way.
    body = "\n\n".join(paragraphs) + "\n"
    return make_article(
        meta, body, path=path, stem=Path(path).stem, tz=tz, default_lang=default_lang,
        missing_date=MISSING_DATE,
    )


def _split_authors(value: str | None) -> list[str] | None:
    if not value:
        return None
    return [a.strip() for a in value.replace(";", ",").split(",") if a.strip()] or None
