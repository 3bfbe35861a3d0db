"""The site in a real headless Chromium: what a page *does*, which no string comparison shows.

Skipped when chromium or chromedriver is missing, except under CI (``CI`` set), where a missing
browser fails the run instead of passing it silently. Set ``TIMELINE_SCREENSHOTS`` to a folder
(e.g. docs/screenshots) to save the screenshots the README shows.
"""

from __future__ import annotations

import functools
import http.server
import os
import shutil
import tempfile
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from timeline.config import Config
from timeline.links import embed_snippet
from timeline.write import write_site

pytestmark = pytest.mark.browser

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
CHROMEDRIVER = shutil.which("chromedriver") or "/usr/bin/chromedriver"
SITE_PATH = "/news/helsinki/"  # served under a sub-path, as a real site would be


def _require_browser() -> None:
    missing = [p for p in (CHROMIUM, CHROMEDRIVER) if not Path(p).is_file()]
    if missing:
        if os.environ.get("CI"):
            pytest.fail(f"CI: browser tests need {', '.join(missing)}")
        pytest.skip(f"needs {', '.join(missing)}")


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, Path]]:
    """An HTTP server on a free port of 127.0.0.1, serving a folder that will hold the site."""
    root = tmp_path_factory.mktemp("www")
    handler = functools.partial(_QuietHandler, directory=str(root))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}", root
    finally:
        httpd.shutdown()
        httpd.server_close()


@pytest.fixture(scope="module")
def site_url(server: tuple[str, Path]) -> str:
    """The fixture site built for its URL, plus a blog post in another folder embedding it."""
    from conftest import make_site_timeline, render_fixture_site

    origin, root = server
    base = origin + SITE_PATH
    timeline = make_site_timeline()
    write_site(render_fixture_site(timeline, Config(title=timeline.title, base_url=base)),
               root / SITE_PATH.strip("/"))
    blog = root / "blog"
    blog.mkdir()
    (blog / "post.html").write_text(
        "<!DOCTYPE html><html lang=en><head><meta charset=utf-8><title>A blog post</title></head>"
        "<body><h1>My post</h1><p>Before the timeline.</p>"
        + str(embed_snippet(base, timeline.title))
        + "<p id=after>After the timeline.</p></body></html>",
        "utf-8",
    )
    return base


@pytest.fixture(scope="module")
def driver() -> Iterator[object]:
    _require_browser()
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    profile = tempfile.mkdtemp(prefix="timeline-chromium-")
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for arg in ("--headless=new", "--no-sandbox", "--disable-gpu",
                "--disable-background-networking",
                "--no-first-run", "--disable-dev-shm-usage", f"--user-data-dir={profile}",
                "--window-size=1280,900", "--force-color-profile=srgb", "--hide-scrollbars"):
        options.add_argument(arg)
    # An explicit driver path: selenium-manager is never asked to download anything.
    browser = webdriver.Chrome(service=Service(CHROMEDRIVER), options=options)
    browser.set_page_load_timeout(30)
    try:
        yield browser
    finally:
        browser.quit()
        shutil.rmtree(profile, ignore_errors=True)


def _screenshot(driver, name: str, width: int, height: int, mobile: bool) -> None:  # type: ignore[no-untyped-def]
    folder = os.environ.get("TIMELINE_SCREENSHOTS")
    if not folder:
        return
    Path(folder).mkdir(parents=True, exist_ok=True)
    driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", {
        "width": width, "height": height, "deviceScaleFactor": 2 if mobile else 1, "mobile": mobile,
    })  # fmt: skip
    try:
        driver.save_screenshot(str(Path(folder) / f"{name}-{width}.png"))
    finally:
        driver.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})


def _visible_events(driver) -> list[str]:  # type: ignore[no-untyped-def]
    return driver.execute_script(
        "return [...document.querySelectorAll('#timeline .event')]"
        ".filter(e => e.offsetParent !== null).map(e => e.id)"
    )


def test_timeline_lists_events_in_order(driver, site_url: str) -> None:  # type: ignore[no-untyped-def]
    driver.get(site_url + "index.html")
    starts = driver.execute_script(
        "return [...document.querySelectorAll('#timeline .event')].map(e => e.dataset.start)"
    )
    assert len(starts) == 10
    years = [s[:4] for s in starts]
    assert years == sorted(years)
    days = driver.execute_script(
        "return [...document.querySelectorAll('.day-heading time')].map(t => t.dateTime)"
    )
    assert days == sorted(days) and "2018-07-16" in days
    # the filter bar is script-enhanced: shown only because the script ran
    assert driver.find_element("id", "filters").is_displayed()


def test_filters_narrow_the_timeline(driver, site_url: str) -> None:  # type: ignore[no-untyped-def]
    from selenium.webdriver.support.ui import Select

    driver.get(site_url + "index.html")
    assert len(_visible_events(driver)) == 10
    Select(driver.find_element("id", "f-person")).select_by_visible_text("Vladimir Putin")
    assert sorted(_visible_events(driver)) == ["e-emeet", "e-esept", "e-eweeks"]
    assert "3 of 10" in driver.find_element("id", "f-count").text
    # a year with nothing left is hidden with its heading
    assert not driver.find_element("id", "y2016").is_displayed()
    driver.find_element("css selector", 'input[name="status"][value="expected"]').click()
    assert sorted(_visible_events(driver)) == ["e-emeet", "e-esept"]
    Select(driver.find_element("id", "f-person")).select_by_index(0)
    driver.find_element("css selector", 'input[name="status"][value="expected"]').click()
    box = driver.find_element("id", "f-q")
    box.send_keys("vienna")
    assert _visible_events(driver) == ["e-esept"]
    assert "q=vienna" in driver.current_url  # the filter is shareable


def test_jump_to_date_focuses_the_first_event_on_or_after_it(driver, site_url: str) -> None:  # type: ignore[no-untyped-def]
    driver.get(site_url + "index.html")
    driver.execute_script(
        "const f = document.getElementById('f-date'); f.value = '2018-09-01';"
        "f.dispatchEvent(new Event('change', {bubbles: true}));"
    )
    assert driver.switch_to.active_element.get_attribute("id") == "e-esept"


def test_evidence_highlight_shows_its_resolution_on_focus(driver, site_url: str) -> None:  # type: ignore[no-untyped-def]
    from selenium.webdriver.common.keys import Keys

    driver.get(site_url + "articles/helsinki-summit.html")
    tip = "return getComputedStyle(arguments[0], '::after').content"
    mark = driver.find_element("id", "t-91")  # "The day before": a narrative anchor
    assert driver.execute_script(tip, mark) in ("none", "normal", "")
    # reach it with the keyboard: Tab from the top until it has focus
    body = driver.find_element("tag name", "body")
    body.send_keys(Keys.TAB)
    for _ in range(40):
        if driver.switch_to.active_element.get_attribute("id") == "t-91":
            break
        driver.switch_to.active_element.send_keys(Keys.TAB)
    assert driver.switch_to.active_element.get_attribute("id") == "t-91"
    shown = driver.execute_script(tip, mark)
    assert "Sunday, July 15, 2018" in shown and "earlier in the text" in shown
    # the tooltip is actually on screen, not clipped away
    width = driver.execute_script(
        "return parseFloat(getComputedStyle(arguments[0], '::after').width)", mark
    )
    assert width > 50
    # and the description is there for screen readers too
    described = driver.find_element("id", mark.get_attribute("aria-describedby"))
    assert "July 15, 2018" in described.get_attribute("textContent")


def test_event_and_sentence_link_both_ways(driver, site_url: str) -> None:  # type: ignore[no-untyped-def]
    driver.get(site_url + "index.html")
    cite = driver.find_element("css selector", "#e-esept a.cite")
    driver.execute_script(
        "arguments[0].scrollIntoView({block: 'center', behavior: 'instant'})", cite
    )
    cite.click()
    assert driver.current_url.endswith("articles/vienna-talks.html#s-0")
    sentence = driver.find_element("id", "s-0")
    assert sentence.text.startswith("Trump and Putin met again")
    back = driver.find_element("css selector", "a.to-event[href$='#e-esept']")
    driver.execute_script("arguments[0].click()", back)
    assert driver.current_url.endswith("index.html#e-esept")


def test_embed_resizes_inside_an_iframe_on_another_folder(driver, site_url: str) -> None:  # type: ignore[no-untyped-def]
    from selenium.webdriver.support.ui import WebDriverWait

    origin = site_url[: -len(SITE_PATH)]
    driver.get(origin + "/blog/post.html")
    frame = driver.find_element("css selector", "iframe[data-timeline-embed]")
    script = "return Math.ceil(document.documentElement.getBoundingClientRect().height)"

    def content_height() -> int:
        driver.switch_to.frame(frame)
        try:
            return int(driver.execute_script(script))
        finally:
            driver.switch_to.default_content()

    def fits(_: object) -> bool:  # the frame is as tall as its content: no inner scroll bar
        return abs(frame.size["height"] - content_height()) <= 2

    WebDriverWait(driver, 10).until(fits)
    assert frame.size["height"] != 512  # not the snippet's default 32rem any more
    driver.switch_to.frame(frame)
    assert len(driver.find_elements("css selector", ".embed-events .event")) == 10
    before = int(driver.execute_script(script))
    # content that grows later (fonts, a reader opening details) resizes the frame again
    driver.execute_script(
        "const p = document.createElement('p'); p.style.height = '600px';"
        "document.querySelector('.embed-main').append(p);"
    )
    driver.switch_to.default_content()
    WebDriverWait(driver, 10).until(lambda d: frame.size["height"] >= before + 590)
    WebDriverWait(driver, 10).until(fits)


def test_screenshots(driver, server: tuple[str, Path]) -> None:  # type: ignore[no-untyped-def]
    """The README's pictures, of the real seeds when they build (else the fixture site)."""
    if not os.environ.get("TIMELINE_SCREENSHOTS"):
        pytest.skip("set TIMELINE_SCREENSHOTS=docs/screenshots to write the screenshots")
    from timeline.api import build_site

    origin, root = server
    seeds = Path(__file__).resolve().parent.parent / "seeds"
    out = root / "seeds-site"
    build_site([seeds], out, Config(title="Trump, Putin and Helsinki, 2018",
                                    base_url=origin + "/seeds-site/"))
    driver.get(origin + "/seeds-site/index.html")
    for width, mobile in ((1280, False), (390, True)):
        _screenshot(driver, "timeline", width, 900 if not mobile else 844, mobile)
    # an evidence page, with one expression focused so its explanation shows
    article = next(p for p in sorted((out / "articles").iterdir())
                   if "helsinki-summit" in p.name or "press-conference" in p.name)
    for width, mobile in ((1280, False), (390, True)):
        driver.get(f"{origin}/seeds-site/articles/{article.name}")
        driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", {
            "width": width, "height": 900, "deviceScaleFactor": 1, "mobile": mobile})
        marks = driver.find_elements("css selector", "mark.timex[tabindex]")
        relative = [m for m in marks if "publication date" in (m.get_attribute("data-tip") or "")]
        assert marks
        pick = (relative or marks)[0]
        driver.execute_script(
            "arguments[0].focus(); window.scrollTo(0, Math.max(0, "
            "arguments[0].getBoundingClientRect().top + scrollY - 380));", pick)
        driver.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})
        _screenshot(driver, "evidence", width, 900 if not mobile else 844, mobile)


AXE = Path(__file__).resolve().parent.parent / ".ci" / "node_modules" / "axe-core" / "axe.min.js"
WCAG_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]


def _axe_source() -> str:
    path = Path(os.environ.get("TIMELINE_AXE_JS") or AXE)
    if not path.is_file():
        if os.environ.get("CI"):
            pytest.fail(f"CI: the accessibility test needs {path} (npm ci --prefix .ci)")
        pytest.skip(f"needs {path} (npm ci --prefix .ci)")
    return path.read_text("utf-8")


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize(
    "page",
    ["index.html", "articles/helsinki-summit.html", "articles/hostile.html",
     "people/index.html", "people/vladimir-putin/index.html", "about/index.html",
     "embed/index.html"],
)  # fmt: skip
def test_pages_meet_wcag_21_aa(driver, site_url: str, page: str, scheme: str) -> None:  # type: ignore[no-untyped-def]
    """axe-core's WCAG 2.1 A and AA rules (contrast, names, landmarks...), light and dark."""
    source = _axe_source()
    driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {
        "features": [{"name": "prefers-color-scheme", "value": scheme}]})  # fmt: skip
    try:
        driver.get(site_url + page)
        driver.execute_script(source)
        driver.set_script_timeout(30)
        result = driver.execute_async_script(
            "const done = arguments[arguments.length - 1];"
            "axe.run(document, {runOnly: {type: 'tag', values: arguments[0]}})"
            ".then(r => done(r.violations.map(v => v.id + ': ' + v.help + ' — ' +"
            " v.nodes.slice(0, 3).map(n => n.target.join(' ')).join(', '))))"
            ".catch(e => done(['axe failed: ' + e]));",
            WCAG_AA,
        )
    finally:
        driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"features": []})
    assert result == []


def test_keyboard_reaches_the_skip_link_first(driver, site_url: str) -> None:  # type: ignore[no-untyped-def]
    from selenium.webdriver.common.keys import Keys

    driver.get(site_url + "index.html")
    driver.find_element("tag name", "body").send_keys(Keys.TAB)
    skip = driver.switch_to.active_element
    assert skip.get_attribute("class") == "skip-link" and skip.is_displayed()
    skip.send_keys(Keys.ENTER)
    assert driver.switch_to.active_element.get_attribute("id") == "main"


def test_print_hides_navigation_and_filters(driver, site_url: str) -> None:  # type: ignore[no-untyped-def]
    driver.get(site_url + "index.html")
    driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": "print"})
    try:
        hidden = driver.execute_script(
            "return ['.site-nav', '#filters', '.years-nav', '.skip-link'].map("
            "s => getComputedStyle(document.querySelector(s)).display)"
        )
        sticky = driver.execute_script(
            "return getComputedStyle(document.querySelector('.year-heading')).position"
        )
    finally:
        driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": ""})
    assert hidden == ["none"] * 4
    assert sticky == "static"  # a sticky heading would repeat over every printed page's text


@pytest.mark.parametrize(
    "page", ["index.html", "articles/helsinki-summit.html", "articles/hostile.html",
             "about/index.html", "people/vladimir-putin/index.html"],
)  # fmt: skip
def test_phone_width_has_no_sideways_scrolling(driver, site_url: str, page: str) -> None:  # type: ignore[no-untyped-def]
    driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", {
        "width": 390, "height": 844, "deviceScaleFactor": 2, "mobile": True})  # fmt: skip
    try:
        driver.get(site_url + page)
        width = driver.execute_script("return document.documentElement.scrollWidth")
    finally:
        driver.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})
    assert width <= 390


def test_long_timeline_index_jumps_to_a_date_on_its_year_page(  # type: ignore[no-untyped-def]
    driver, server: tuple[str, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Split into year pages (a tiny page budget stands in for thousands of events)."""
    from conftest import make_site_timeline, render_fixture_site

    import timeline.render

    monkeypatch.setattr(timeline.render, "PAGE_BUDGET", 3000)
    origin, root = server
    tl = make_site_timeline()
    site = render_fixture_site(tl, Config(title=tl.title, base_url=origin + "/split/"))
    assert "years/2018/index.html" in site
    write_site(site, root / "split")
    driver.get(origin + "/split/index.html")
    assert not driver.find_elements("css selector", "#timeline .event")
    driver.execute_script(
        "const f = document.getElementById('jump-date'); f.value = '2018-09-01';"
        "f.dispatchEvent(new Event('change', {bubbles: true}));"
    )
    from selenium.webdriver.support.ui import WebDriverWait

    WebDriverWait(driver, 10).until(lambda d: "/years/2018/" in d.current_url)
    WebDriverWait(driver, 10).until(
        lambda d: d.switch_to.active_element.get_attribute("id") == "e-esept"
    )
