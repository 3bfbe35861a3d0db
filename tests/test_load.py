"""Loading Markdown / text with front matter, and finding source files."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, timezone
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from timeline.errors import ArticleError
from timeline.load import collect_articles, load_articles, parse_article, parse_source
from timeline.load_meta import parse_published

NY = ZoneInfo("America/New_York")


def md(front: str, body: str = "Paul spoke on Monday.\n") -> str:
    return f"---\n{front}---\n{body}"


def test_full_front_matter() -> None:
    raw = md(
        "title: Paul in Moscow\ndate: 2018-08-07T10:15:00-04:00\nsource: The Hill\n"
        "url: https://example.org/a\nauthor: Jane Doe\ntags: [russia, senate]\nlang: en\n"
        "draft: true\nslug: paul-moscow\n"
    )
    article = parse_article(raw, "seeds/a.md", NY)
    assert article.title == "Paul in Moscow"
    assert article.published == datetime(2018, 8, 7, 10, 15, tzinfo=timezone(timedelta(hours=-4)))
    assert (article.source, article.url) == ("The Hill", "https://example.org/a")
    assert article.authors == ("Jane Doe",)
    assert article.tags == ("russia", "senate")
    assert article.draft is True
    assert article.slug == "paul-moscow"
    assert article.text == "Paul spoke on Monday.\n"
    assert article.body_line == 12


def test_date_without_time_is_midnight_in_the_configured_zone() -> None:
    article = parse_article(md("date: 2018-07-16\n"), "a.md", NY)
    assert article.published == datetime(2018, 7, 16, tzinfo=NY)
    assert article.dct == date(2018, 7, 16)
    assert article.title == "Paul spoke on Monday."  # first line when there is no title
    assert article.slug == "a"


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2018-07-16T09:30:00Z", datetime(2018, 7, 16, 9, 30, tzinfo=UTC)),
        ("2018-07-16T09:30:00+0000", datetime(2018, 7, 16, 9, 30, tzinfo=UTC)),
        ("Mon, 16 Jul 2018 09:30:00 GMT", datetime(2018, 7, 16, 9, 30, tzinfo=UTC)),
        ("20180716093000", datetime(2018, 7, 16, 9, 30, tzinfo=NY)),
        ("2018-07-16 09:30", datetime(2018, 7, 16, 9, 30, tzinfo=NY)),
        (date(2018, 7, 16), datetime(2018, 7, 16, tzinfo=NY)),
    ],
)
def test_date_formats(value: object, expected: datetime) -> None:
    assert parse_published(value, NY, "a.md", 2) == expected


@pytest.mark.parametrize("value", ["July sometime", "2018-13-45", "", 12])
def test_unreadable_dates_say_how_to_write_them(value: object) -> None:
    with pytest.raises(ArticleError, match=r"^a.md:3: date .* write it as 2018-07-16"):
        parse_published(value, NY, "a.md", 3)


@pytest.mark.parametrize(
    ("raw", "message"),
    [
        ("Just text, no front matter.\n", r"^a.md:1: has no publication date; add front matter"),
        ("", r"^a.md: is empty"),
        ("  \n\n", r"^a.md: is empty"),
        ("---\ndate: 2018-07-16\n---\n", r"^a.md: has front matter but no text"),
        (
            "---\ntitle: [unclosed\ndate: 2018-07-16\n---\nx\n",
            r"^a.md:3: front matter is not valid YAML",
        ),
        ("---\n- a list\n---\nx\n", r"^a.md:2: front matter must be 'key: value' lines"),
        ("a\x00b", r"^a.md: is a binary file"),
        (
            md("date: 2018-07-16\nslug: ../../etc\n"),
            r"^a.md: slug '../../etc' may hold only .* 'slug: etc'",
        ),
        (md("date: 2018-07-16\ntags: {a: 1}\n"), r"^a.md: 'tags' must be a list"),
        (md("date: 2018-07-16\ndraft: maybe\n"), r"^a.md: 'draft' must be true or false"),
        (md("title: x\ndate: someday\n"), r"^a.md:3: date 'someday'"),
    ],
)
def test_bad_articles(raw: str, message: str) -> None:
    with pytest.raises(ArticleError, match=message):
        parse_article(raw, "a.md", NY)


def test_cms_placeholders_are_dropped() -> None:
    article = parse_article(md("date: 2018-07-16\n", "One.\n\n{mosads}\n\nTwo.\n"), "a.md", NY)
    assert article.text == "One.\n\nTwo.\n"


def test_control_characters_become_spaces_in_place() -> None:
    # a vertical tab and a form feed as Word and PDF exports leave them, ESC, DEL and a C1
    body = "On Monday\x0bthe panel\x0cmet \x1b[1mthe mayor\x7f and\x85voted.\tDone.\r\n"
    raw = md('date: 2018-07-16\ntitle: "Vertical\\vtab"\nsource: "Out\\x1flet"\n'
             'tags: ["a\\x0bb"]\n', body)
    (article,) = parse_source(raw, "a.md", NY)
    assert article.text == "On Monday the panel met  [1mthe mayor  and voted.\tDone.\r\n"
    assert (article.title, article.source, article.tags) == ("Vertical tab", "Out let", ("a b",))
    (csv_row,) = parse_source(f'title,date,text\n"A\x0bB",2018-07-16,"{body}"\n', "e.csv", NY)
    assert (csv_row.title, csv_row.text.strip()) == ("A B", article.text.strip())


def test_lone_surrogates_from_json_escapes_become_replacement_characters() -> None:
    raw = '{"title": "T \\udc80", "date": "2018-07-16", "text": "On Monday \\ud800 we met."}\n'
    (article,) = parse_source(raw, "e.jsonl", NY)
    assert (article.title, article.text.strip()) == ("T \ufffd", "On Monday \ufffd we met.")
    article.text.encode("utf-8")  # every page and export can be written


def test_parse_source_dispatches_on_suffix() -> None:
    (article,) = parse_source(md("date: 2018-07-16\n"), "notes.txt", NY)
    assert article.slug == "notes"
    rows = parse_source('{"title": "A", "date": "2018-07-16", "text": "x"}\n', "e.jsonl", NY)
    assert rows[0].path == "e.jsonl:1"


def _write(folder: Path, name: str, text: str) -> None:
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, "utf-8")


def test_folders_are_walked_in_order_skipping_hidden_and_readmes(tmp_path: Path) -> None:
    src = tmp_path / "src"
    _write(src, "b.md", md("date: 2018-07-17\n"))
    _write(src, "sub/a.markdown", md("date: 2018-07-16\n"))
    _write(src, "README.md", "# About these articles\n")
    _write(src, ".hidden/x.md", "not an article")
    _write(src, "_drafts/y.md", "not an article")
    _write(src, "image.png", "not an article")
    _write(src, "c.md", md("date: 2018-07-15\ndraft: true\n"))
    articles = load_articles([src], NY)
    assert [a.slug for a in articles] == ["a", "b"]
    assert articles[0].path == str(Path("src/sub/a.markdown"))
    assert [a.slug for a in load_articles([src], NY, drafts=True)] == ["c", "a", "b"]


def test_duplicate_slugs_name_both_files(tmp_path: Path) -> None:
    _write(tmp_path / "src", "x/same.md", md("date: 2018-07-16\n"))
    _write(tmp_path / "src", "y/same.md", md("date: 2018-07-17\n"))
    with pytest.raises(ArticleError, match=r"y/same.md: has the slug 'same', like src/x/same.md"):
        load_articles([tmp_path / "src"], NY)


def test_a_file_reached_through_two_sources_is_one_article(tmp_path: Path) -> None:
    _write(tmp_path / "src", "top.md", md("date: 2018-07-16\n"))
    _write(tmp_path / "src", "sub/inner.md", md("date: 2018-07-17\n"))
    for sources in ([tmp_path / "src", tmp_path / "src" / "sub"],
                    [tmp_path / "src", tmp_path / "src"],
                    [tmp_path / "src" / "sub" / "inner.md", tmp_path / "src"]):
        assert [a.slug for a in load_articles(sources, NY)] == ["top", "inner"]


def test_not_utf8_names_the_line(tmp_path: Path) -> None:
    (tmp_path / "a.md").write_bytes(b"---\ndate: 2018-07-16\n---\ncaf\xe9\n")
    with pytest.raises(ArticleError, match=r"a.md:4: is not UTF-8 text .*save it as UTF-8"):
        load_articles([tmp_path], NY)


def test_collect_reports_every_bad_file(tmp_path: Path) -> None:
    _write(tmp_path, "good.md", md("date: 2018-07-16\n"))
    _write(tmp_path, "nodate.md", "text\n")
    _write(tmp_path, "empty.md", "")
    articles, errors = collect_articles([tmp_path], NY)
    assert [a.slug for a in articles] == ["good"]
    assert sorted(e.path.rsplit("/", 1)[-1] for e in errors) == ["empty.md", "nodate.md"]


def test_missing_source_folder(tmp_path: Path) -> None:
    with pytest.raises(ArticleError, match="does not exist"):
        load_articles([tmp_path / "nope"], NY)
