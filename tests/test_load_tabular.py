"""JSONL and CSV exports: one article per row, common column names, row-precise messages."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from zoneinfo import ZoneInfo

import pytest

from timeline.errors import ArticleError
from timeline.load_tabular import parse_csv, parse_jsonl

UTC_ZONE = ZoneInfo("UTC")


def test_newsapi_style_jsonl() -> None:
    row = {
        "source": {"id": "the-hill", "name": "The Hill"},
        "author": "Jane Doe, John Roe",
        "title": "Paul heads to Moscow",
        "url": "https://example.org/paul",
        "publishedAt": "2018-08-07T14:00:00Z",
        "content": "Sen. Rand Paul arrived in Moscow on Monday.",
    }
    (article,) = parse_jsonl(json.dumps(row) + "\n", "news.jsonl", UTC_ZONE)
    assert article.title == "Paul heads to Moscow"
    assert article.slug == "paul-heads-to-moscow"
    assert article.source == "The Hill"
    assert article.authors == ("Jane Doe", "John Roe")
    assert article.published == datetime(2018, 8, 7, 14, tzinfo=UTC)
    assert article.text == "Sen. Rand Paul arrived in Moscow on Monday.\n"
    assert article.path == "news.jsonl:1"


def test_nyt_style_names_and_blank_lines() -> None:
    rows = [
        {"headline": "One", "pub_date": "2018-07-16T09:00:00+0000", "body": "a", "link": "u1"},
        {"headline": "Two", "pub_date": "2018-07-17", "body": "b", "keywords": ["x", "y"]},
    ]
    raw = json.dumps(rows[0]) + "\n\n" + json.dumps(rows[1]) + "\n"
    one, two = parse_jsonl(raw, "nyt.jsonl", UTC_ZONE)
    assert (one.title, one.url, two.path, two.tags) == ("One", "u1", "nyt.jsonl:3", ("x", "y"))


@pytest.mark.parametrize(
    ("raw", "message"),
    [
        ('{"title": "A", "text": "x"}\n', r"^e.jsonl:1: has no publication date; fill its date"),
        ('{"title": "A", "date": "2018-07-16"}\n', r"^e.jsonl:1: has no article text"),
        ('{"title": "A", "date": "2018-07-16", "text": "x"}\n{x\n', r"^e.jsonl:2: is not valid"),
        ("[1, 2]\n", r"^e.jsonl:1: must be a JSON object"),
        ("\n\n", r"^e.jsonl: is empty"),
        ('{"title": "A", "date": "soon", "text": "x"}\n', r"^e.jsonl:1: date 'soon'"),
        ('{"text": ' + "[" * 100_000 + "]" * 100_000 + "}\n",
         r"^e.jsonl:1: is not valid JSON \(nested too deeply\)"),
    ],
)
def test_bad_jsonl(raw: str, message: str) -> None:
    with pytest.raises(ArticleError, match=message):
        parse_jsonl(raw, "e.jsonl", UTC_ZONE)


def test_csv_with_multiline_text_counts_lines() -> None:
    raw = (
        "Title,Published,Text,Outlet,Tags\n"
        'First,2018-07-16,"Line one.\n\nLine two.",The Hill,"russia, senate"\n'
        "Second,2018-07-17,Short.,AP,\n"
    )
    first, second = parse_csv(raw, "export.csv", UTC_ZONE)
    assert first.text == "Line one.\n\nLine two.\n"
    assert first.tags == ("russia", "senate") and first.source == "The Hill"
    assert first.path == "export.csv:2"
    assert second.path == "export.csv:5"


def test_csv_row_without_a_date_names_its_line() -> None:
    raw = "title,date,text\nA,2018-07-16,x\nB,,y\n"
    with pytest.raises(ArticleError, match=r"^export.csv:3: has no publication date"):
        parse_csv(raw, "export.csv", UTC_ZONE)


def test_csv_without_a_date_column() -> None:
    with pytest.raises(ArticleError, match=r"^export.csv:1: has no date column; add one named"):
        parse_csv("title,text\nA,x\n", "export.csv", UTC_ZONE)


def test_csv_header_only_and_empty() -> None:
    with pytest.raises(ArticleError, match="no rows"):
        parse_csv("title,date,text\n", "e.csv", UTC_ZONE)
    with pytest.raises(ArticleError, match="is empty"):
        parse_csv("", "e.csv", UTC_ZONE)


def test_rows_without_titles_get_numbered_slugs() -> None:
    raw = "date,text\n2018-07-16,x\n2018-07-17,y\n"
    assert [a.slug for a in parse_csv(raw, "e.csv", UTC_ZONE)] == ["row-1", "row-2"]


def test_csv_text_longer_than_the_csv_modules_own_limit() -> None:
    import csv

    transcript = "On Monday the panel met, and talked. " * 10_000  # 370 KB in one field
    (article,) = parse_csv(f'title,date,text\nA,2018-07-16,"{transcript}"\n', "t.csv", UTC_ZONE)
    assert article.text.strip() == transcript.strip()
    assert csv.field_size_limit() == 131072  # left as it was for other readers
