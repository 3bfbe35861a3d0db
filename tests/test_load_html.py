"""Saved news pages: text through trafilatura, the date through htmldate (the html extra)."""

from __future__ import annotations

from datetime import date
from zoneinfo import ZoneInfo

import pytest

from timeline.errors import ArticleError
from timeline.load import decode_source

pytest.importorskip("trafilatura")
pytest.importorskip("htmldate")

from timeline.load_html import parse_html

PAGE = """<!doctype html><html lang="en"><head><title>Paul heads to Moscow - The Hill</title>
<meta property="og:site_name" content="The Hill">
<meta name="author" content="Jane Doe; John Roe">
<meta property="article:published_time" content="2018-08-07T09:30:00-04:00">
</head><body><nav>Home | World | Politics</nav><article><h1>Paul heads to Moscow</h1>
<p>Sen. Rand Paul said on Monday that he will travel to Russia in the coming weeks.</p>
<p>The trip was announced a day after the summit in Helsinki, where Trump met Putin.</p>
<p>Critics said the visit would legitimize the Kremlin after the 2016 interference.</p>
</article><footer>Copyright 2024 Example Media</footer></body></html>
"""
_PUBLISHED = '<meta property="article:published_time" content="2018-08-07T09:30:00-04:00">'


def test_saved_page_becomes_an_article() -> None:
    article = parse_html(PAGE, "pages/paul-moscow.html", ZoneInfo("UTC"))
    assert article.dct == date(2018, 8, 7)
    assert article.title == "Paul heads to Moscow"
    assert article.source == "The Hill"
    assert article.authors == ("Jane Doe", "John Roe")
    assert article.slug == "paul-moscow"
    assert article.text.startswith("Sen. Rand Paul said on Monday")
    assert "\n\nThe trip was announced" in article.text
    assert "Copyright" not in article.text and "Home | World" not in article.text


def test_page_without_a_date_says_how_to_add_one() -> None:
    page = PAGE.replace(_PUBLISHED, "").replace("Copyright 2024 Example Media", "")
    with pytest.raises(ArticleError, match=r'^p.html: has no publication date; add <meta name='):
        parse_html(page, "p.html", ZoneInfo("UTC"))


def test_meta_date_is_enough() -> None:
    page = PAGE.replace(_PUBLISHED, '<meta name="date" content="2018-07-16">')
    assert parse_html(page, "p.html", ZoneInfo("UTC")).dct == date(2018, 7, 16)


def test_page_without_text() -> None:
    with pytest.raises(ArticleError, match="no article text"):
        parse_html("<html><head></head><body></body></html>", "p.html", ZoneInfo("UTC"))


def test_a_byline_date_is_found_but_a_year_in_the_text_is_not_taken() -> None:
    page = PAGE.replace(_PUBLISHED, "").replace("Copyright 2024 Example Media", "")
    with pytest.raises(ArticleError, match="no publication date"):
        parse_html(page, "p.html", ZoneInfo("UTC"))
    byline = page.replace("<h1>", '<p class="byline">Published July 16, 2018</p><h1>')
    assert parse_html(byline, "p.html", ZoneInfo("UTC")).dct == date(2018, 7, 16)


@pytest.mark.parametrize(("charset", "encoding"), [
    ("iso-8859-1", "cp1252"),  # as browsers read it: 0x93 is a curly quote, not a control
    ("windows-1252", "cp1252"),
    ("koi8-r", "koi8-r"),
])
def test_a_page_in_the_encoding_it_declares(charset: str, encoding: str) -> None:
    text = PAGE.replace("<head>", f'<head><meta charset="{charset}">').replace(
        "said on Monday", "said \u201cyes\u201d on Monday" if encoding == "cp1252"
        else "said on Monday in \u041c\u043e\u0441\u043a\u0432\u0430",
    )
    decoded = decode_source(text.encode(encoding), "pages/old.html")
    assert decoded == text
    assert parse_html(decoded, "pages/old.html", ZoneInfo("UTC")).text.startswith("Sen. Rand")


def test_a_page_that_is_not_in_the_encoding_it_declares_says_so() -> None:
    data = PAGE.replace("<head>", '<head><meta charset="utf-8">').encode("utf-8") + b"\xff"
    with pytest.raises(ArticleError, match=r"old\.html:\d+: is not UTF-8 text \(byte \d+\)"):
        decode_source(data, "pages/old.html")
    data = PAGE.replace("<head>", '<head><meta charset="ascii">').encode() + b"\x81"  # undefined
    with pytest.raises(ArticleError, match=r"is not cp1252 text, as it declares \(byte"):
        decode_source(data, "pages/old.html")


def test_markdown_is_read_as_utf8_whatever_it_says() -> None:
    with pytest.raises(ArticleError, match=r"a\.md:1: is not UTF-8"):
        decode_source(b'<meta charset="iso-8859-1"> caf\xe9', "a.md")
