"""Article text is untrusted. An article, title, outlet, tag and person full of script must come
out of every output file inert: no script but our own files, no on* handlers, no javascript:."""

from __future__ import annotations

import html
import json
import re
from dataclasses import replace
from html.parser import HTMLParser

import pytest
from conftest import render_fixture_site

from timeline.config import Config
from timeline.evidence import Span, highlight
from timeline.links import Links
from timeline.model import Timeline
from timeline.render_article import article_body_html, bind_reports
from timeline.sanitize import article_html

OUR_SCRIPTS = {"static/timeline.js", "static/embed-frame.js"}
URL_ATTRIBUTES = {"href", "src", "action", "formaction", "xlink:href", "data", "poster",
                  "background", "cite", "srcset", "ping", "manifest", "codebase"}  # fmt: skip
FORBIDDEN_TAGS = {"iframe", "object", "embed", "svg", "math", "textarea", "frame", "frameset",
                  "applet", "img", "video", "audio", "meta-refresh", "xmp", "plaintext",
                  "noscript", "template"}  # fmt: skip
_CONTROL = re.compile(r"[\x00-\x20\x7f]+")
_SENTINEL = re.compile("[\U000f0000-\U000ffffd]")


class _Inspector(HTMLParser):
    def __init__(self, path: str) -> None:
        super().__init__(convert_charrefs=True)
        self.path = path
        self.problems: list[str] = []
        self.in_script = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._check(tag, attrs)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._check(tag, attrs)

    def _check(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        where = f"{self.path}: <{tag}>"
        a = {k.lower(): v or "" for k, v in attrs}
        if tag == "script":
            self.in_script = True
            src = re.sub(r"^(\.\./)+", "", a.get("src", ""))
            if src not in OUR_SCRIPTS:
                self.problems.append(f"{where} script not ours: {a.get('src')!r}")
        if tag in FORBIDDEN_TAGS:
            self.problems.append(f"{where} is not allowed")
        if tag == "style":
            self.problems.append(f"{where} style element")
        if tag == "base" and "href" in a:
            self.problems.append(f"{where} base href")
        if tag == "meta" and a.get("http-equiv", "").lower() == "refresh":
            self.problems.append(f"{where} refresh")
        for name, value in a.items():
            if name.startswith("on"):
                self.problems.append(f"{where} handler {name}")
            if name == "style" and not self.path.endswith("embed/fragment.html"):
                self.problems.append(f"{where} style attribute")
            if name in URL_ATTRIBUTES or name.endswith(":href"):
                url = _CONTROL.sub("", html.unescape(value)).lower()
                if url.startswith(("javascript:", "vbscript:", "data:", "livescript:")):
                    self.problems.append(f"{where} {name}={value!r}")

    def handle_data(self, data: str) -> None:
        if self.in_script and data.strip():
            self.problems.append(f"{self.path}: inline script {data[:40]!r}")

    def handle_endtag(self, tag: str) -> None:
        if tag == "script":
            self.in_script = False


def inspect(path: str, markup: str) -> list[str]:
    parser = _Inspector(path)
    parser.feed(markup)
    parser.close()
    return parser.problems


def _decoded(site: dict[str, str | bytes]) -> dict[str, str]:
    return {p: v if isinstance(v, str) else v.decode("utf-8") for p, v in site.items()}


def test_no_output_file_can_run_script(fixture_site: dict[str, str | bytes]) -> None:
    site = _decoded(fixture_site)
    problems: list[str] = []
    for path, content in site.items():
        if path.endswith(".html"):
            problems += inspect(path, content)
    # TimelineJS renders headline and text as HTML: those are pages too
    for i, slide in enumerate(json.loads(site["timelinejs.json"])["events"]):
        for key in ("headline", "text"):
            problems += inspect(f"timelinejs.json[{i}].{key}", slide["text"][key])
    assert problems == []


def test_hostile_strings_arrive_as_text(fixture_site: dict[str, str | bytes]) -> None:
    site = _decoded(fixture_site)
    index = site["index.html"]
    assert "&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt;&lt;/textarea&gt;" in index
    article = site["articles/hostile.html"]
    assert "<title>&lt;script&gt;" in article
    # the article's own markup is gone, its words stay
    assert "click me" in article and "officials met" in article


def test_no_sentinel_character_leaks(fixture_site: dict[str, str | bytes]) -> None:
    for path, content in _decoded(fixture_site).items():
        assert not _SENTINEL.search(content), path


def test_sanitizer_keeps_structure_and_drops_everything_active() -> None:
    out = article_html(
        "# Head\n\n**bold** [ok](https://example.com) [bad](javascript:alert(1)) "
        "<a href=\"  jAvAsCrIpT:alert(2)\">x</a> <img src=x onerror=alert(3)>\n\n"
        "<details open ontoggle=alert(4)><summary>s</summary></details>"
    )
    assert "<strong>bold</strong>" in out
    assert 'href="https://example.com"' in out and 'rel="nofollow noopener noreferrer"' in out
    assert not inspect("sanitized", out)
    assert "<h1>" not in out  # the page has its own h1; the article's is demoted to text


@pytest.mark.parametrize(
    "source",
    [
        "[a link with 2018 inside](https://example.com/2018/07/16)",
        "<script>var d = '2018';</script> 2018",
        "`2018` and ```\n2018\n```",
        "> 2018 quoted\n\n- 2018 listed\n- x",
        "| 2018 | x |\n|---|---|\n| y | 2018 |",
        "\U000f0000 2018 \U000f0003",
    ],
)
def test_highlighting_never_breaks_out_of_the_sanitizer(source: str) -> None:
    spans = [
        Span(m.start(), m.end(), 1, '<mark id="t">', "<mark>", "</mark>",
             after='<a class="to-event" href="#e">e</a>')
        for m in re.finditer("2018", source)
    ]
    out = highlight(source, spans)
    assert not inspect("highlight", out)
    assert not _SENTINEL.search(out)
    assert out.count("<mark") == out.count("</mark>")


def test_text_cannot_forge_the_marks_an_event_is_rendered_with(
    site_timeline: Timeline, site_config: Config
) -> None:
    """Events are rendered once with marks standing for the root and for event pages; marks
    written in an article (escaped, so never the same characters) must reach the page as text,
    on the main timeline and on person pages alike."""
    forged = "<@root@> <@home:emeet@> \U000ffff1o0:5\U000ffff2"
    events = tuple(
        replace(e, text=f"{forged} {e.text}") if e.people else e for e in site_timeline.events
    )
    site = _decoded(render_fixture_site(replace(site_timeline, events=events), site_config))
    shown = "&lt;@root@&gt; &lt;@home:emeet@&gt;"
    assert shown in site["index.html"]
    assert shown in site["people/vladimir-putin/index.html"]
    for path, content in site.items():
        if path.endswith(".html"):
            assert "<@" not in content, path
            assert not inspect(path, content)


def test_article_body_marks_are_bound_or_removed(site_timeline: Timeline) -> None:
    """The body is made without the timeline; binding it with no reports leaves plain
    highlighted text: no cited sentence, no mark characters, expressions still marked."""
    tagged = next(t for t in site_timeline.articles if t.article.slug == "hostile")
    body = article_body_html(tagged)
    assert _SENTINEL.search(body)  # the marks bind_reports fills in
    links = Links.empty((), ())
    bare = bind_reports(body, tagged, (), links, "../../")
    assert not _SENTINEL.search(bare)
    assert 'class="cited"' not in bare and '<p class="after">' not in bare
    assert not inspect("body", bare)
