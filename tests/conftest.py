"""Shared fixtures. Add to this file; don't rewrite others' fixtures."""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path
from typing import SupportsIndex

import pytest

from timeline.config import Config
from timeline.model import (
    Anchor,
    AnchorKind,
    Article,
    Citation,
    Event,
    Granularity,
    Interval,
    KeyDate,
    Status,
    TaggedArticle,
    Timeline,
    Timex,
    TimexType,
    When,
)  # fmt: skip

# ---------------------------------------------------------------------------------------------
# Site fixtures (the render tests): a hand-built timeline with events of every granularity and
# status, approximate and expected ones, several citations, a background event, a follow-up
# link, and an article (with a title, tag and person) full of hostile text.
# ---------------------------------------------------------------------------------------------

SUMMIT_TEXT = (
    "## Helsinki\n\n"
    "On **Monday, July 16**, 2018, President Trump met Vladimir Putin in Helsinki. "
    "The day before, aides prepared the talks.\n\n"
    "Russia interfered in the 2016 election, U.S. intelligence agencies concluded.\n\n"
    "- A second meeting is expected in the coming weeks.\n"
    "- Officials said talks would continue in the fall.\n"
)
FOLLOWUP_TEXT = (
    "Trump and Putin met again on September 18, 2018, in Vienna. "
    "The talks had been ongoing since August 2018, aides said.\n\n"
    "The summit of the week of July 16 was recalled. Relations soured in the 2010s.\n"
)
HOSTILE_TEXT = (
    'In July 2018 <script>alert("body")</script> officials met.\n\n'
    "[click me](javascript:alert(5)) and <img src=x onerror=alert(6)> and "
    "</textarea><svg onload=alert(7)> and <a href=\"java&#115;cript:alert(8)\">x</a> "
    "<iframe src=\"https://evil.example/\"></iframe><style>body{display:none}</style>"
    "<div onclick=alert(9) style=\"x\">div</div> \U000f0001 sentinel \U000f0000 injection "
    "<!-- comment --> <math><mi xlink:href=\"javascript:alert(10)\">m</mi></math> "
    "`code 2018` done.\n"
)
EVIL = '<script>alert("x")</script></textarea><img src=x onerror=alert(1)>'


def _at(text: str, needle: str) -> tuple[int, int]:
    start = text.index(needle)
    return start, start + len(needle)


def _timex(text: str, needle: str, value: str, iv: Interval | None, g: Granularity | None,
           anchor: Anchor, approximate: bool = False, type_: TimexType = TimexType.DATE) -> Timex:
    start, end = _at(text, needle)
    return Timex(start, end, needle, type_, value, anchor, iv, g, approximate)


def _article(slug: str, title: str, published: date, text: str, **kw: object) -> Article:
    return Article(
        slug=slug, path=f"{slug}.md", title=title,
        published=datetime(published.year, published.month, published.day, tzinfo=UTC),
        text=text, **kw,  # type: ignore[arg-type]
    )


def _cite(article: Article, sentence: str, timex: Timex | None, inferred: bool = False) -> Citation:
    start, end = _at(article.text, sentence)
    return Citation(
        article.slug, article.title, article.url, article.source, article.dct, sentence,
        start, end, timex, 0.9, inferred,
    )


def make_site_timeline() -> Timeline:
    dct_summit = Anchor(AnchorKind.DCT, "2018-07-17")
    absolute = Anchor(AnchorKind.ABSOLUTE)
    summit = _article("helsinki-summit", "Trump and Putin meet in Helsinki", date(2018, 7, 17),
                      SUMMIT_TEXT, source="The Hill", url="https://example.com/helsinki",
                      tags=("summit",))
    followup = _article("vienna-talks", "Trump and Putin meet again", date(2018, 9, 20),
                        FOLLOWUP_TEXT, source="Reuters", url="https://example.com/vienna")
    hostile = _article("hostile", f"{EVIL} Evil & \"quotes\"", date(2018, 7, 30), HOSTILE_TEXT,
                       source=EVIL, url="javascript:alert(3)", tags=(EVIL,))
    day = Interval(date(2018, 7, 16), date(2018, 7, 16))
    t_day = _timex(SUMMIT_TEXT, "Monday, July 16**, 2018", "2018-07-16", day, Granularity.DAY,
                   absolute)
    t_before = _timex(SUMMIT_TEXT, "The day before", "2018-07-15",
                      Interval(date(2018, 7, 15), date(2018, 7, 15)), Granularity.DAY,
                      Anchor(AnchorKind.NARRATIVE, "2018-07-16", t_day.start))
    t_2016 = _timex(SUMMIT_TEXT, "2016", "2016", Interval(date(2016, 1, 1), date(2016, 12, 31)),
                    Granularity.YEAR, absolute)
    t_weeks = _timex(SUMMIT_TEXT, "in the coming weeks", "FUTURE_REF",
                     Interval(date(2018, 7, 17), date(2018, 8, 31)), Granularity.VAGUE,
                     dct_summit, approximate=True)
    t_fall = _timex(SUMMIT_TEXT, "the fall", "2018-FA",
                    Interval(date(2018, 9, 22), date(2018, 12, 20)), Granularity.SEASON,
                    dct_summit)
    dct_f = Anchor(AnchorKind.DCT, "2018-09-20")
    t_sept = _timex(FOLLOWUP_TEXT, "September 18, 2018", "2018-09-18",
                    Interval(date(2018, 9, 18), date(2018, 9, 18)), Granularity.DAY, absolute)
    t_aug = _timex(FOLLOWUP_TEXT, "August 2018", "2018-08",
                   Interval(date(2018, 8, 1), date(2018, 8, 31)), Granularity.MONTH, absolute)
    t_week = _timex(FOLLOWUP_TEXT, "the week of July 16", "2018-W29",
                    Interval(date(2018, 7, 16), date(2018, 7, 22)), Granularity.WEEK, dct_f)
    t_2010s = _timex(FOLLOWUP_TEXT, "the 2010s", "201X",
                     Interval(date(2010, 1, 1), date(2019, 12, 31)), Granularity.DECADE, absolute)
    t_july = _timex(HOSTILE_TEXT, "July 2018", "2018-07",
                    Interval(date(2018, 7, 1), date(2018, 7, 31)), Granularity.MONTH, absolute)
    t_code = _timex(HOSTILE_TEXT, "2018` done", "2018",
                    Interval(date(2018, 1, 1), date(2018, 12, 31)), Granularity.YEAR, absolute)

    def when(t: Timex, approximate: bool = False) -> When:
        assert t.interval is not None and t.granularity is not None
        return When(t.value, t.interval, t.granularity, approximate or t.approximate)

    s_meet = "On **Monday, July 16**, 2018, President Trump met Vladimir Putin in Helsinki."
    events = [
        Event("e2010s", when(t_2010s), Status.HAPPENED, "Relations soured in the 2010s.",
              (_cite(followup, "Relations soured in the 2010s.", t_2010s),), background=True),
        Event("e2016", when(t_2016), Status.HAPPENED,
              "Russia interfered in the 2016 election, U.S. intelligence agencies concluded.",
              (_cite(summit, "Russia interfered in the 2016 election, U.S. intelligence agencies "
                     "concluded.", t_2016),), organizations=("Russia",), tags=("election",),
              background=True),
        Event("ejuly", when(t_july), Status.HAPPENED, f"In July 2018 {EVIL} officials met.",
              (_cite(hostile, "In July 2018", t_july),), people=(EVIL,), tags=(EVIL, "summit")),
        Event("eweek", when(t_week), Status.HAPPENED, "The summit of the week of July 16.",
              (_cite(followup, "The summit of the week of July 16 was recalled.", t_week),)),
        Event("ebefore", when(t_before), Status.HAPPENED, "Aides prepared the talks.",
              (_cite(summit, "The day before, aides prepared the talks.", t_before),),
              people=()),
        Event("emeet", when(t_day), Status.HAPPENED,
              "President Trump met Vladimir Putin in Helsinki.",
              (_cite(summit, s_meet, t_day),
               _cite(followup, "The summit of the week of July 16 was recalled.", t_week)),
              people=("Donald Trump", "Vladimir Putin"), tags=("summit",)),
        Event("eweeks", when(t_weeks), Status.EXPECTED, "A second meeting is expected.",
              (_cite(summit, "A second meeting is expected in the coming weeks.", t_weeks),),
              people=("Donald Trump", "Vladimir Putin"), tags=("summit",),
              fulfilled_by="esept"),
        Event("eaug", when(t_aug), Status.ONGOING, "Talks have been ongoing.",
              (_cite(followup, "The talks had been ongoing since August 2018, aides said.",
                     t_aug),), tags=("talks",)),
        Event("esept", when(t_sept), Status.HAPPENED, "Trump and Putin met again in Vienna.",
              (_cite(followup, "Trump and Putin met again on September 18, 2018, in Vienna.",
                     t_sept),), people=("Donald Trump", "Vladimir Putin"), tags=("summit",),
              fulfils="eweeks"),
        Event("efall", when(t_fall, approximate=True), Status.EXPECTED,
              "Talks would continue.",
              (_cite(summit, "Officials said talks would continue in the fall.", t_fall),),
              tags=("talks",)),
    ]
    from timeline.assemble import chronological

    return Timeline(
        title="Helsinki & after <the \"summit\">",
        events=tuple(sorted(events, key=chronological)),
        articles=(
            TaggedArticle(summit, (t_day, t_before, t_2016, t_weeks, t_fall)),
            TaggedArticle(followup, (t_sept, t_aug, t_week, t_2010s)),
            TaggedArticle(hostile, (t_july, t_code)),
        ),
        key_dates=(KeyDate(date(2018, 7, 16), 2.0, ("emeet",)),
                   KeyDate(date(2018, 9, 18), 1.0, ("esept",))),
    )


@pytest.fixture
def site_timeline() -> Timeline:
    return make_site_timeline()


@pytest.fixture
def site_config() -> Config:
    return Config(title="Helsinki & after", base_url="https://news.example/timelines/helsinki/")


def render_fixture_site(timeline: Timeline, cfg: Config,
                        templates: Path | None = None) -> dict[str, str | bytes]:
    from timeline.render import make_environment, render_site, static_files

    env = make_environment(templates)
    return {**static_files(templates), **render_site(timeline, cfg, env)}


@pytest.fixture
def fixture_site(site_timeline: Timeline, site_config: Config) -> dict[str, str | bytes]:
    return render_fixture_site(site_timeline, site_config)


@pytest.fixture(scope="session")
def built_fixture_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The fixture site written to disk once per session (the browser and validator tests)."""
    from timeline.write import write_site

    out = tmp_path_factory.mktemp("site") / "out"
    cfg = Config(title="Helsinki & after", base_url="https://news.example/timelines/helsinki/")
    write_site(render_fixture_site(make_site_timeline(), cfg), out)
    return out


# ---------------------------------------------------------------------------------------------
# Golden files (tests/golden): `pytest --update-golden` rewrites them from seeds/ instead of
# comparing. Review the diff like code before committing it.
# ---------------------------------------------------------------------------------------------


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--update-golden", action="store_true", default=False,
        help="rewrite tests/golden from seeds/ instead of comparing",
    )


@pytest.fixture
def update_golden(request: pytest.FixtureRequest) -> bool:
    return bool(request.config.getoption("--update-golden"))


class CopyCountingText(str):
    """A text that counts the characters its slices copy: a test that work stays linear
    counts what a quadratic version would copy, rather than timing it."""

    copied = 0

    def __getitem__(self, key: SupportsIndex | slice) -> str:
        part = super().__getitem__(key)
        self.copied += len(part)
        return part
