"""The site as rendered strings: structure, links both ways, splitting, determinism, overrides."""

from __future__ import annotations

import hashlib
import re
import subprocess
import sys
from dataclasses import replace
from datetime import date, timedelta
from html.parser import HTMLParser
from pathlib import Path
from typing import ClassVar

import pytest
from conftest import make_site_timeline, render_fixture_site

from timeline.config import Config
from timeline.model import (
    Citation,
    Event,
    Granularity,
    Interval,
    KeyDate,
    Status,
    Timeline,
    When,
)  # fmt: skip
from timeline.pages import PAGE_BUDGET, split, unique_slugs

ROOT = Path(__file__).resolve().parent.parent
Site = dict[str, str | bytes]


class _Outline(HTMLParser):
    """Collects ids, hrefs, the order of event ids, and checks that every tag is closed in order."""

    VOID: ClassVar[set[str]] = {
        "br", "hr", "img", "input", "link", "meta", "wbr", "col", "area", "base", "source",
    }  # fmt: skip

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.ids: list[str] = []
        self.hrefs: list[str] = []
        self.events: list[str] = []
        self.stack: list[str] = []
        self.misnested: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        if a.get("id"):
            self.ids.append(a["id"] or "")
            if "event" in (a.get("class") or "").split():
                self.events.append(a["id"] or "")
        if a.get("href"):
            self.hrefs.append(a["href"] or "")
        if tag not in self.VOID:
            self.stack.append(tag)

    def handle_endtag(self, tag: str) -> None:
        if tag in self.VOID:
            return
        if not self.stack or self.stack[-1] != tag:
            self.misnested.append(tag)
        else:
            self.stack.pop()


def outline(html: str) -> _Outline:
    parser = _Outline()
    parser.feed(html)
    parser.close()
    return parser


def text(site: dict[str, str | bytes], path: str) -> str:
    value = site[path]
    return value if isinstance(value, str) else value.decode("utf-8")


def test_site_has_every_page_and_export(fixture_site: dict[str, str | bytes]) -> None:
    expected = {
        "index.html", "about/index.html", "embed/index.html", "embed/fragment.html",
        "people/index.html", "people/vladimir-putin/index.html", "people/donald-trump/index.html",
        "tags/index.html", "tags/summit/index.html", "tags/talks/index.html",
        "articles/helsinki-summit.html", "articles/vienna-talks.html",
        "articles/hostile.html", "timeline.json", "timelinejs.json", "timeline.ics",
        "feed.xml", "sitemap.xml", "static/timeline.css", "static/print.css",
        "static/timeline.js", "static/embed.js", "static/embed-frame.js",
    }  # fmt: skip
    assert expected <= set(fixture_site)


def test_every_page_is_well_nested(fixture_site: dict[str, str | bytes]) -> None:
    for path in fixture_site:
        if path.endswith(".html"):
            parsed = outline(text(fixture_site, path))
            assert not parsed.misnested and not parsed.stack, path
            assert len(parsed.ids) == len(set(parsed.ids)), f"{path}: duplicate ids"


def test_index_groups_by_year_month_and_day_in_order(fixture_site: dict[str, str | bytes]) -> None:
    html = text(fixture_site, "index.html")
    parsed = outline(html)
    assert parsed.events == [
        "e-e2010s", "e-e2016",
        "e-efall",  # a season of 2018: under the year, before its months
        "e-ejuly", "e-eweek", "e-eweeks",  # July 2018 itself, then its days
        "e-ebefore", "e-emeet",
        "e-eaug", "e-esept",
    ]
    for anchor in ("y2016", "y2018", "m2018-07", "d2018-07-16", "m2018-09"):
        assert anchor in parsed.ids
    assert '<h2 class="year-heading" id="y2010-h">2010–2019</h2>' in html
    assert '<time datetime="2018-07">July 2018</time>' in html
    assert '<time datetime="2018-07-16"><span class="md">July 16</span>' in html


def test_expected_approximate_and_background_are_marked(fixture_site: Site) -> None:
    html = text(fixture_site, "index.html")
    weeks = html[html.index('id="e-eweeks"') - 80 : html.index('id="e-eweeks"')]
    assert "status-expected approximate" in weeks
    assert "Expected in the weeks after July 17, 2018" in html
    assert "Expected around fall 2018" in html
    assert re.search(r'class="event status-happened background" id="e-e2016"', html)
    assert '<span class="badge expected">Expected</span>' in html
    assert "Ongoing as of August 2018" in html


def test_plain_day_dates_are_not_repeated_under_their_day(fixture_site: Site) -> None:
    html = text(fixture_site, "index.html")
    item = html[html.index('id="e-emeet"') :]
    assert item.index('<p class="when visually-hidden">') < item.index("</li>")


def test_follow_up_links_both_ways(fixture_site: dict[str, str | bytes]) -> None:
    html = text(fixture_site, "index.html")
    expected = html[html.index('id="e-eweeks"') : html.index('id="e-ebefore"')]
    assert 'It happened: <a href="index.html#e-esept">Tuesday, September 18, 2018</a>' in expected
    happened = html[html.index('id="e-esept"') :]
    assert '<a href="index.html#e-eweeks">expected in the weeks after July 17, 2018</a>' in happened


def test_citations_link_to_sentences_and_back(fixture_site: dict[str, str | bytes]) -> None:
    index = outline(text(fixture_site, "index.html"))
    article = text(fixture_site, "articles/helsinki-summit.html")
    ids = set(outline(article).ids)
    cited = [h for h in index.hrefs if h.startswith("articles/helsinki-summit.html#")]
    assert cited
    for href in cited:
        assert href.split("#")[1] in ids, href
    # and each cited sentence links back to its event on the timeline
    back = set(re.findall(r'class="to-event" href="\.\./index\.html#(e-[a-z0-9]+)"', article))
    assert back == {"e-emeet", "e-ebefore", "e-e2016", "e-eweeks", "e-efall"}
    assert back <= set(index.ids)


def test_merged_event_cites_every_report(fixture_site: dict[str, str | bytes]) -> None:
    html = text(fixture_site, "index.html")
    item = html[html.index('id="e-emeet"') : html.index('id="e-eaug"')]
    assert item.count('class="cite"') == 2
    assert "How 2 articles report it" in item


def test_evidence_marks_every_expression_with_its_resolution(
    fixture_site: dict[str, str | bytes],
) -> None:
    html = text(fixture_site, "articles/helsinki-summit.html")
    timeline = make_site_timeline()
    for timex in timeline.articles[0].timexes:
        assert f'id="t-{timex.start}"' in html
        assert f'id="t-{timex.start}-d"' in html  # the description aria-describedby points to
    mark = re.search(r'<mark id="t-\d+" aria-describedby="[^"]+" tabindex="0" class="timex" '
                     r'data-value="2018-07-15" data-tip="([^"]+)">The day before</mark>', html)
    assert mark and "July 15, 2018" in mark.group(1) and "earlier in the text" in mark.group(1)


def test_evidence_survives_a_span_across_markdown_emphasis(
    fixture_site: dict[str, str | bytes],
) -> None:
    html = text(fixture_site, "articles/helsinki-summit.html")
    # "Monday, July 16**, 2018": the mark is split at </strong>, and only its first part has the id
    assert re.search(r'<strong><span class="cited"><mark id="t-\d+"[^>]*>Monday, July 16</mark>'
                     r'</span></strong><span class="cited"><mark class="timex">, 2018</mark>', html)
    assert "<h2>Helsinki</h2>" in html  # the heading's "## " survived
    assert "<li><span class=\"cited\"" in html  # and so did the list markers


def test_people_and_tags_pages(fixture_site: dict[str, str | bytes]) -> None:
    putin = outline(text(fixture_site, "people/vladimir-putin/index.html"))
    assert putin.events == ["e-eweeks", "e-emeet", "e-esept"]
    people = text(fixture_site, "people/index.html")
    assert people.index("Donald Trump") < people.index("&lt;script&gt;")  # most covered first
    assert outline(text(fixture_site, "tags/talks/index.html")).events == ["e-efall", "e-eaug"]


def test_slugs_are_safe_unique_and_transliterated() -> None:
    slugs = unique_slugs(["Vladimir Putin", "Владимир Путин", "vladimir putin", "../../etc", "★"])
    assert slugs["Владимир Путин"] in {"vladimir-putin", "vladimir-putin-2", "vladimir-putin-3"}
    assert len(set(slugs.values())) == 5
    assert all(re.fullmatch(r"[a-z0-9-]+", s) for s in slugs.values())


def test_about_page_explains_dates_and_offers_the_snippet(fixture_site: Site) -> None:
    about = text(fixture_site, "about/index.html")
    assert "How dates are read" in about and "publication date" in about
    assert ("&lt;iframe src=&#34;https://news.example/timelines/helsinki/embed/&#34;" in about
            or "&lt;iframe src=&quot;https://news.example/timelines/helsinki/embed/&quot;" in about)
    assert "https://news.example/timelines/helsinki/static/embed.js" in about


def test_embed_page_has_no_chrome_and_posts_its_height(fixture_site: Site) -> None:
    embed = text(fixture_site, "embed/index.html")
    assert "site-header" not in embed and "site-footer" not in embed
    assert '<script src="../static/embed-frame.js" defer></script>' in embed
    assert '<base target="_blank">' in embed
    assert "postMessage" in text(fixture_site, "static/embed-frame.js")


def test_fragment_is_self_contained(fixture_site: dict[str, str | bytes]) -> None:
    fragment = text(fixture_site, "embed/fragment.html")
    assert "<script" not in fragment and "<link" not in fragment and "<style" not in fragment
    assert "<html" not in fragment and fragment.lstrip().startswith("<div")
    hrefs = outline(fragment).hrefs
    assert hrefs and all(h.startswith("https://news.example/timelines/helsinki/") for h in hrefs)
    assert 'style="' in fragment


def test_rendering_twice_is_byte_identical(site_timeline: Timeline, site_config: Config) -> None:
    first = render_fixture_site(site_timeline, site_config)
    second = render_fixture_site(make_site_timeline(), site_config)
    assert first.keys() == second.keys()
    for path in first:
        assert first[path] == second[path], path


_DIGEST = """
import hashlib, sys
sys.path.insert(0, "tests")
from conftest import make_site_timeline, render_fixture_site
from timeline.config import Config
site = render_fixture_site(make_site_timeline(), Config(base_url="https://x.example/"))
h = hashlib.sha256()
for path in sorted(site):
    data = site[path]
    h.update(path.encode() + (data.encode() if isinstance(data, str) else data))
print(h.hexdigest())
"""


def test_output_does_not_depend_on_hash_seed() -> None:
    """Sets and dicts must not leak their order into the site: two interpreters, two seeds."""
    digests = {
        subprocess.run([sys.executable, "-c", _DIGEST], cwd=ROOT, capture_output=True, text=True,
                       check=True, env={"PYTHONHASHSEED": seed, "PATH": "/usr/bin:/bin"}).stdout
        for seed in ("1", "2")
    }
    assert len(digests) == 1


def _many_events(n: int, articles: int = 200) -> Timeline:
    """Thousands of events from hundreds of articles, each cited by two of them."""
    base = make_site_timeline()
    sentence = "Officials met again, aides said, for talks that ran late. " * 2
    tagged = [
        replace(base.articles[0], article=replace(
            base.articles[0].article, slug=f"a{k:03d}", title=f"Article {k}", text=sentence * 3,
        ), timexes=())
        for k in range(articles)
    ]  # fmt: skip
    cite = base.events[0].citations[0]
    events = []
    for i in range(n):
        day = date(2016, 1, 1) + timedelta(days=i % 1095)
        cites = tuple(
            replace(cite, article_slug=f"a{(i + j) % articles:03d}", article_title="Article",
                    sentence=sentence, sentence_start=len(sentence) * (i % 3),
                    sentence_end=len(sentence) * (i % 3 + 1))
            for j in (0, 1)
        )  # fmt: skip
        events.append(Event(
            f"n{i:05d}", When(day.isoformat(), Interval(day, day), Granularity.DAY),
            Status.HAPPENED, f"Event number {i} " + "with a long sentence " * 8, cites,
            people=("Vladimir Putin",),
        ))  # fmt: skip
    events.sort(key=lambda e: (e.when.interval.start, e.id))
    return replace(base, events=tuple(events), key_dates=(), articles=tuple(tagged))


@pytest.mark.slow
def test_long_timelines_split_into_pages_under_a_megabyte() -> None:
    timeline = _many_events(4000)
    site = render_fixture_site(timeline, Config(base_url="https://x.example/"))
    pages = {p: v for p, v in site.items() if p.endswith(".html")}
    sizes = [len(v.encode()) if isinstance(v, str) else len(v) for v in pages.values()]
    assert max(sizes) < 1_000_000
    year_pages = sorted(p for p in pages if p.startswith("years/"))
    assert {"years/2016/index.html", "years/2017/index.html", "years/2018/index.html"} <= set(
        year_pages
    )
    assert len(year_pages) > 3  # a year too long for one page continues on numbered pages
    index = outline(text(site, "index.html"))
    assert not index.events  # the index keeps the key dates and links, not every event
    assert set(year_pages) & {h for h in index.hrefs}
    seen: list[str] = []
    for path in year_pages:
        seen += outline(text(site, path)).events
    assert sorted(seen) == sorted(f"e-{e.id}" for e in timeline.events)  # each exactly once
    # the person's page is split too, and its event links point at the pages holding them
    putin = sorted(p for p in pages if p.startswith("people/vladimir-putin/"))
    assert len(putin) > 1
    first = text(site, "articles/a007.html")
    for href in re.findall(r'class="to-event" href="\.\./\.\./([^"#]+)#(e-[a-z0-9]+)"', first)[:50]:
        assert f'id="{href[1]}"' in text(site, href[0])


def test_split_breaks_at_months_and_years() -> None:
    timeline = make_site_timeline()
    events = list(timeline.events)
    runs = split(events, lambda e: 100, budget=PAGE_BUDGET, by_year=True)
    assert [r[0].when.interval.start.year for r in runs] == [2010, 2016, 2018]
    tiny = split(events, lambda e: 100, budget=250)
    assert all(sum(100 for _ in run) <= 250 for run in tiny)
    assert [e for run in tiny for e in run] == events


def test_user_template_overrides_and_extends_the_default(
    tmp_path: Path, site_timeline: Timeline, site_config: Config
) -> None:
    (tmp_path / "index.html").write_text(
        '{% extends "default/index.html" %}'
        "{% block intro %}<p class=\"mine\">Our newsroom\u2019s timeline</p>"
        "{{ super() }}{% endblock %}",
        "utf-8",
    )
    (tmp_path / "static").mkdir()
    (tmp_path / "static" / "timeline.css").write_text("body { color: red; }", "utf-8")
    site = render_fixture_site(site_timeline, site_config, templates=tmp_path)
    index = text(site, "index.html")
    assert '<p class="mine">Our newsroom\u2019s timeline</p>' in index
    assert index.index('class="mine"') < index.index('<p class="lede">')  # super() kept the rest
    assert site["static/timeline.css"] == b"body { color: red; }"
    assert 'class="mine"' not in text(site, "about/index.html")


def test_citation_without_sentence_offsets_in_range_is_not_highlighted(
    site_timeline: Timeline, site_config: Config
) -> None:
    """Offsets from a stale cache must not crash the build or point into nowhere."""
    first_cite = site_timeline.events[0].citations[0]
    bad = replace(first_cite, sentence_start=10**6, sentence_end=10**6 + 5)
    first = replace(site_timeline.events[0], citations=(bad,))
    timeline = replace(site_timeline, events=(first, *site_timeline.events[1:]))
    site = render_fixture_site(timeline, site_config)
    assert 'id="s-1000000"' not in text(site, f"articles/{bad.article_slug}.html")


def test_hash_helper_is_stable() -> None:  # guards _DIGEST above against a silent no-op
    assert hashlib.sha256(b"").hexdigest().startswith("e3b0c442")
    assert isinstance(Citation, type)


def test_an_empty_timeline_still_renders(site_config: Config) -> None:
    empty = Timeline(title="Nothing yet", events=(), articles=())
    site = render_fixture_site(empty, site_config)
    assert "0 events" in text(site, "index.html")
    assert not outline(text(site, "index.html")).misnested
    assert "<entry>" not in text(site, "feed.xml")


def test_hand_made_event_shows_its_own_date_headline_and_only_a_safe_link(
    site_timeline: Timeline, site_config: Config
) -> None:
    first = replace(site_timeline.events[0], headline="A decade of distrust",
                    display_date="The whole decade", link="javascript:alert(1)")
    second = replace(site_timeline.events[1], headline="Interference",
                     link="https://example.com/report")
    timeline = replace(site_timeline, events=(first, second, *site_timeline.events[2:]))
    html = text(render_fixture_site(timeline, site_config), "index.html")
    assert "The whole decade" in html and "A decade of distrust" in html
    assert "javascript:" not in html
    link = '<a href="https://example.com/report" rel="nofollow noopener noreferrer">'
    assert link + "Interference" in html


def test_pages_load_nothing_from_elsewhere(fixture_site: Site) -> None:
    """No CDN, no remote font or image: every resource a page loads is one of our files."""
    resource = re.compile(r'<(?:script|link|img|iframe|source|video|audio)\b[^>]*?'
                          r'(?:src|href)="([^"]*)"')
    for path in fixture_site:
        if path.endswith(".html") and path != "embed/fragment.html":  # made for other sites
            for url in resource.findall(text(fixture_site, path)):
                assert not re.match(r"(?i)([a-z]+:)?//|data:", url), (path, url)


def test_embed_of_a_long_timeline_shows_its_key_moments() -> None:
    timeline = _many_events(40, articles=5)
    keyed = replace(timeline, key_dates=(
        KeyDate(timeline.events[3].when.interval.start, 2.0, (timeline.events[3].id,)),
        KeyDate(timeline.events[30].when.interval.start, 1.0, (timeline.events[30].id,)),
    ))  # fmt: skip
    site = render_fixture_site(keyed, Config(base_url="https://x.example/"))
    embed = text(site, "embed/index.html")
    assert embed.count('<li class="event') == 2
    assert "All 40 events" in embed and "All 40 events" in text(site, "embed/fragment.html")


def test_person_and_topic_pages_list_events_in_brief(fixture_site: Site) -> None:
    """A person's page shows each event's date and sentence, its number of sources and a link to
    it on the main timeline, where the citations are; the filters still have what they read."""
    index_ids = set(outline(text(fixture_site, "index.html")).ids)
    for path in ("people/vladimir-putin/index.html", "tags/talks/index.html"):
        html = text(fixture_site, path)
        page = outline(html)
        assert page.events and not page.misnested
        assert 'class="cite"' not in html and "<details" not in html
        assert html.count('<li class="event brief') == len(page.events)
        for event_id in page.events:
            assert f'href="../../index.html#{event_id}"' in html
            assert event_id in index_ids
        assert 'data-people="' in html and 'data-status="' in html and 'id="filters"' in html
    putin = text(fixture_site, "people/vladimir-putin/index.html")
    assert "2 sources on the timeline" in putin and "1 source on the timeline" in putin


def test_iter_site_streams_the_files_render_site_returns(
    site_timeline: Timeline, site_config: Config
) -> None:
    from timeline.render import iter_site, make_environment, render_site
    from timeline.write import rendered

    env = make_environment(None)
    pairs = list(iter_site(site_timeline, site_config, env))
    assert len({p for p, _ in pairs}) == len(pairs)  # each path once
    assert {p: rendered(c) for p, c in pairs} == render_site(site_timeline, site_config, env)
    assert pairs[-1][0] == "sitemap.xml"  # last: it lists the pages streamed before it


def test_a_citation_off_the_sentence_boundaries_is_still_highlighted(
    site_timeline: Timeline, site_config: Config
) -> None:
    """The article body is made with every sentence of the segmenter marked; a citation whose
    offsets are not one of them (an older cache, a hand-made event) gets the exact spans."""
    first = site_timeline.events[0]
    cite = first.citations[0]
    odd = replace(cite, sentence_start=cite.sentence_start + 3)
    timeline = replace(site_timeline, events=(replace(first, citations=(odd,)),
                                              *site_timeline.events[1:]))  # fmt: skip
    site = render_fixture_site(timeline, site_config)
    html = text(site, f"articles/{cite.article_slug}.html")
    assert f'<span class="cited" id="s-{odd.sentence_start}">' in html
    assert f'href="../index.html#e-{first.id}"' in html
    assert not outline(html).misnested
