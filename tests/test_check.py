"""`check`: every problem at once, warnings for what a human should look at."""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from timeline.check import article_warnings, check_site, where
from timeline.config import Config
from timeline.model import (
    Anchor,
    AnchorKind,
    Article,
    Extraction,
    Granularity,
    Interval,
    TaggedArticle,
    Timex,
    TimexType,
)  # fmt: skip

ARTICLE = Article(
    slug="a", path="src/a.md", title="A", published=datetime(2018, 7, 16, tzinfo=UTC),
    text="Line one.\nTrump spoke on Monday.\nHe leaves on Thursday.\n", body_line=5,
)


def timex(text: str, value: str, day: date | None, kind: AnchorKind = AnchorKind.DCT) -> Timex:
    start = ARTICLE.text.find(text)
    return Timex(
        start=max(start, 0), end=max(start, 0) + len(text), text=text, type=TimexType.DATE,
        value=value, anchor=Anchor(kind, "2018-07-16"),
        interval=Interval(day, day) if day else None,
        granularity=Granularity.DAY if day else None,
    )


def warnings_for(*timexes: Timex) -> list[str]:
    return article_warnings(Extraction(TaggedArticle(ARTICLE, timexes), events=()))


def test_where_counts_lines_from_the_body() -> None:
    assert where(ARTICLE, 0) == "src/a.md:5"
    assert where(ARTICLE, ARTICLE.text.find("Trump")) == "src/a.md:6"
    row = Article(slug="r", path="e.jsonl:12", title="r", published=ARTICLE.published, text="x")
    assert where(row, 0) == "e.jsonl:12"


@pytest.mark.parametrize(
    ("found", "expected"),
    [
        (timex("Monday", "2018-07-16", date(2018, 7, 16)),
         "src/a.md:6: read 'Monday' as 2018-07-16, the day of publication itself"),
        (timex("Thursday", "2018-07-19", date(2018, 7, 19)),
         "src/a.md:7: read 'Thursday' as 2018-07-19, the coming one, from the tense"),
        (timex("Thursday", "XXXX-WXX-4", None),
         "src/a.md:7: could not place 'Thursday' (XXXX-WXX-4) on the calendar"),
    ],
)
def test_warnings(found: Timex, expected: str) -> None:
    assert any(w.startswith(expected) for w in warnings_for(found))


def test_plain_readings_are_not_warned_about() -> None:
    past = timex("Monday", "2018-07-09", date(2018, 7, 9))  # a past weekday: the usual reading
    absolute = timex("Monday", "2018-07-16", date(2018, 7, 16), AnchorKind.ABSOLUTE)
    vague = timex("Monday", "PAST_REF", None)
    # Each still warns that there is no dated sentence (events=()), and nothing else.
    for found in (past, absolute, vague):
        assert [w for w in warnings_for(found) if "no dated sentence" not in w] == []


def test_an_article_without_any_date_expression() -> None:
    assert warnings_for() == [
        "src/a.md:5: no dates or times found; it will not be on the timeline"
    ]


def test_check_site_goes_on_past_bad_files(tmp_path: Path) -> None:
    src = tmp_path / "src"
    src.mkdir()
    (src / "good.md").write_text("---\ndate: 2018-07-16\n---\nPutin spoke on Monday.\n", "utf-8")
    (src / "bad.md").write_text("---\ndate: soon\n---\nx\n", "utf-8")
    (src / "rows.csv").write_text("title,date,text\nA,,x\n", "utf-8")
    report = check_site([src], tmp_path / "out", Config())
    assert report.articles == 1
    assert not report.ok
    assert [e.split(":")[0] for e in report.errors] == ["src/bad.md", "src/rows.csv"]
    assert report.summary().startswith("Checked 1 article: 2 errors, ")
    assert not (tmp_path / "out").exists()
