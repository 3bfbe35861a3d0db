"""Render the site: a Timeline → (relative path, content) pairs, streamed one file at a time
(``iter_site``) or gathered (``render_site``). Nothing here touches the output.

Each event's markup is rendered once: for the main timeline, before the pages are cut (its size
decides where), with marks for the page-dependent parts of its links (``links.resolve``); person
and topic pages list events in brief and link to them on the main timeline.

Article pages (``articles/<name>.html``, flat: one folder for all) and year, person and topic
pages come as ``write.Memo``: a key digesting what the page shows, and the page rendered only if
the previous output has none made from that key. Each event's markup and its parts of the
exports are remembered between builds in a ``RenderMemo`` (``timeline.memo``; the only files
this module touches are those tables, in the cache), keyed by the event's version
(``Timeline.versions``). With a theme of one's own template, which may show any part of the
timeline, the pages and markup of that template are always rendered.

Every page links relatively (``root`` is the way back to the top), so the site works from any
folder, under any sub-path, and from ``file://``; absolute URLs (``config.base_url``) appear only
where a format needs them: the feed, the sitemap, the calendar and the embed snippet.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, replace
from functools import partial
from pathlib import Path
from typing import Any, TypeVar

from jinja2 import (
    ChoiceLoader,
    Environment,
    FileSystemBytecodeCache,
    FileSystemLoader,
    PrefixLoader,
    StrictUndefined,
    Template,
    select_autoescape,
)  # fmt: skip
from jinja2.environment import TemplateModule
from markupsafe import Markup

from timeline import __version__
from timeline.cache import version_key
from timeline.config import Config
from timeline.dates_display import (
    bare_date,
    day_long,
    day_medium,
    display_date,
    machine_date,
    month_name,
    timex_resolution,
)  # fmt: skip
from timeline.errors import TimelineError
from timeline.executors import run_forked
from timeline.export_feeds import render_atom, render_sitemap
from timeline.export_ical import render_ical, vevent_bytes
from timeline.export_json import event_json_bytes, render_timeline_json
from timeline.export_timelinejs import render_timelinejs, slide_bytes
from timeline.links import ROOT_MARK, Links, embed_snippet, resolve, resolved_size
from timeline.memo import MemoTable, digest
from timeline.model import Citation, Event, TaggedArticle, Timeline
from timeline.pages import (
    PAGE_BUDGET,
    group,
    in_display_order,
    level,
    page_path,
    split,
    topics,
)  # fmt: skip
from timeline.render_article import (
    PageKeys,
    Report,
    article_body_html,
    render_article,
    reports_by_article,
)  # fmt: skip
from timeline.template_errors import theme_error, theme_errors
from timeline.theme import default_theme_dir
from timeline.write import Content, Memo, rendered

Site = Mapping[str, str | bytes]
Value = TypeVar("Value")
# what the default theme's page keys cover
_SHOWN_ON_ARTICLE_PAGES = ("article.html", "base.html")
_SHOWN_ON_LISTS = ("events.html", "base.html", "_event.html", "_filters.html")
_MARKDOWN_MARKS = re.compile(r"[*`]+")  # emphasis and code marks inside a quoted expression
EMBED_LIMIT = 15  # events the embed widgets show before they link to the full timeline


def make_environment(user_templates: Path | None, compiled: Path | None = None) -> Environment:
    """User templates win by name; ``default/x.html`` always names the built-in one to extend.

    ``compiled``: a folder keeping the templates' compiled code between builds (Jinja checks
    each template's source before using it). It must belong to one version of this code, which
    sets the environment's options the code depends on (the cache's version folder does).
    An environment is for one build: a template edited after it is loaded is not seen."""
    builtin = FileSystemLoader(default_theme_dir())
    loaders: list[FileSystemLoader | PrefixLoader] = []
    if user_templates is not None:
        if not user_templates.is_dir():
            raise TimelineError(f"{user_templates}: templates folder does not exist")
        loaders.append(FileSystemLoader(user_templates))
    loaders += [builtin, PrefixLoader({"default": builtin})]
    env = Environment(
        loader=ChoiceLoader(loaders),
        autoescape=select_autoescape(default=True, default_for_string=True),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        # an environment serves one build: a template is not looked at again for edits, which
        # took a stat of each template (and its parents) for every page
        auto_reload=False,
        bytecode_cache=_compiled_templates(compiled) if compiled is not None else None,
    )
    env.globals["generator_version"] = __version__
    env.filters.update(
        display_date=display_date,
        bare_date=bare_date,
        machine_date=machine_date,
        day_long=day_long,
        day_medium=day_medium,
        resolution=timex_resolution,
        cited=_cited,
        plain_text=lambda text: _MARKDOWN_MARKS.sub("", text),
    )
    return env


def _cited(
    citations: Sequence[Citation], links: Links, root: str
) -> list[tuple[Citation, Markup, str]]:
    """Each citation with its link and its article's day ("July 16, 2018"): an event's
    citations are shown twice (the sources after its text, and how each reports it), and these
    were most of what showing them cost."""
    return [(c, links.citation(c, root), day_medium(c.published)) for c in citations]


def _compiled_templates(folder: Path) -> FileSystemBytecodeCache:
    folder.mkdir(parents=True, exist_ok=True)
    return FileSystemBytecodeCache(str(folder))


def static_files(user_templates: Path | None) -> dict[str, bytes]:
    """The theme's static assets, user files overriding built-in ones of the same name."""
    files: dict[str, bytes] = {}
    for root in (default_theme_dir(), user_templates):
        if root is None or not (root / "static").is_dir():
            continue
        for path in sorted((root / "static").rglob("*")):
            if path.is_file():
                files[path.relative_to(root).as_posix()] = path.read_bytes()
    return files


def root_of(path: str) -> str:
    """The relative way from a page back to the top of the site."""
    return "../" * path.count("/")


def _template(env: Environment, name: str) -> Template:
    """``env.get_template(name)``, a user's template that does not compile reported as such."""
    with theme_errors():
        return env.get_template(name)


def _module(env: Environment, name: str) -> TemplateModule:
    """The template's macros (its top-level code run once)."""
    with theme_errors():
        return _template(env, name).module


class _Renderer:
    """Renders pages with the context every template shares."""

    def __init__(self, timeline: Timeline, cfg: Config, env: Environment, links: Links) -> None:
        self.env, self.links = env, links
        self.shared = {"timeline": timeline, "config": cfg, "base": cfg.base_url, "links": links}

    def page(self, template: str, path: str, **context: object) -> str:
        try:
            return self.env.get_template(template).render(
                self.shared, root=root_of(path), path=path, **context
            )
        except Exception as exc:
            if (error := theme_error(exc)) is None:
                raise
            raise error from None


def outline_heading(event: Event) -> str:
    """The heading an event sits under in the outline (``pages.group``), as templates see it."""
    start, lvl = event.when.interval.start, level(event)
    if lvl == "day":
        return day_long(start)
    return month_name(start.year, start.month) if lvl == "month" else str(start.year)


@dataclass(frozen=True, slots=True)
class RenderMemo:
    """What ``iter_site`` remembers between builds (``timeline.memo``): each event's full
    markup, its brief, and its parts of the exports. The first two are released as soon as
    the pages showing them are made, so that they are never all in memory at once."""

    events: MemoTable[str]
    briefs: MemoTable[str]
    exports: MemoTable[bytes]

    @classmethod
    def kept_in(cls, folder: Path | None) -> RenderMemo:
        return cls(MemoTable.kept_in(folder, "events"), MemoTable.kept_in(folder, "briefs"),
                   MemoTable.kept_in(folder, "exports"))  # fmt: skip

    def save(self) -> None:
        for table in (self.events, self.briefs, self.exports):
            table.save()


class _Items:
    """Each event's markup from one macro, rendered once with ``ROOT_MARK`` for the root, and
    fitted to a page by ``resolve``: an event on several pages is not rendered again for each.
    With ``keys``, markup is also remembered between builds in ``table``."""

    def __init__(self, macro: Callable[..., object], source: Template, links: Links, kind: str,
                 keys: _EventKeys | None, table: MemoTable[str]) -> None:  # fmt: skip
        self.macro, self.links, self.kind, self.keys, self.table = macro, links, kind, keys, table
        self.source = source  # the template defining the macro, to name in an error
        self._markup: dict[tuple[str, str], str] = {}
        self._sizes: dict[str, int] = {}  # an event is on the pages of each of its topics

    def markup(self, event: Event, heading: str) -> str:
        key = (event.id, heading)
        found = self._markup.get(key)
        if found is None:
            render = partial(self._render, event, heading)
            if self.keys is None:
                found = render()
            else:
                found = self.table.get(self.keys.markup(self.kind, event, heading, self.links),
                                       render)  # fmt: skip
            self._markup[key] = found
        return found

    def _render(self, event: Event, heading: str) -> str:
        try:
            return str(self.macro(event, ROOT_MARK, self.links, heading))
        except Exception as exc:
            if (error := theme_error(exc, self.source)) is None:
                raise
            raise error from None

    def prefill(self, events: Sequence[Event], jobs: int) -> None:
        """Make the markup of these events (under their outline headings) all at once, what
        is not remembered in ``jobs`` processes (``executors.run_forked``)."""
        wanted = list({(e.id, outline_heading(e)): e for e in events}.items())
        wanted = [(key, e) for key, e in wanted if key not in self._markup]
        keys = self.keys
        made = _made_at_once(
            [partial(self._render, e, heading) for (_, heading), e in wanted], jobs, self.table,
            None if keys is None else [keys.markup(self.kind, e, heading, self.links)
                                       for (_, heading), e in wanted],
        )  # fmt: skip
        self._markup.update(zip((key for key, _ in wanted), made, strict=True))

    def size(self, event: Event) -> int:
        """Bytes of the event's markup on a page two folders down (where lists are split), its
        links to events taken as links to the index: what decides where long lists are cut."""
        found = self._sizes.get(event.id)
        if found is None:
            markup = self.markup(event, outline_heading(event))
            found = self._sizes[event.id] = resolved_size(markup, "../../", self.links)
        return found

    def for_page(self, path: str, links: Links) -> Callable[[Event, str], Markup]:
        """The ``item(event, heading)`` a page's outline calls."""
        root = root_of(path)
        return lambda event, heading: Markup(resolve(self.markup(event, heading), root, links))


def _made_at_once(
    calls: Sequence[Callable[[], Value]], jobs: int, table: MemoTable[Value],
    keys: Sequence[str] | None,
) -> list[Value]:
    """Each call's value: remembered in ``table`` under its key when the keys are known, else
    made; what must be made is made at once, by ``jobs`` processes (``run_forked``)."""
    def make(places: list[int]) -> Iterable[Value]:
        return run_forked([calls[i] for i in places], jobs)

    if keys is None:
        return list(make(list(range(len(calls)))))
    return table.get_many(keys, make)


class _EventKeys:
    """Keys for remembering what the default theme makes of each event: what the markup shows
    of it, and of the rest of the site: the pages of its people and tags, the events it is a
    follow-up of, its own page.

    The full markup shows all of an event and its reports: its version stands for that (see
    ``Timeline.versions``). A brief shows a few fields and a count: keyed by those, it stays
    the same when a report joins an event without changing what a brief says."""

    def __init__(self, timeline: Timeline, base: str) -> None:
        self.base = base
        self.versions = dict(zip((e.id for e in timeline.events), timeline.versions,
                                 strict=True))  # fmt: skip
        # an event is on several pages (its people's, its tags'): each made once, for the
        # links while the pages are undecided (deferred) and for the final ones
        self._shown: dict[tuple[str, str, bool], str] = {}

    def shown(self, kind: str, event: Event, links: Links) -> str:
        """What an event's markup of this kind (``full`` or ``brief``) shows, as a string."""
        key = (kind, event.id, links.deferred)
        found = self._shown.get(key)
        if found is None:
            found = self._shown[key] = self._what_is_shown(kind, event, links)
        return found

    def _what_is_shown(self, kind: str, event: Event, links: Links) -> str:
        slugs = (
            "\x1f".join(links.people.get(p, "") for p in event.people) + "\x1e"
            + "\x1f".join(links.tags.get(t, "") for t in event.tags)
        )  # fmt: skip
        home = links.homes.get(event.id, "")
        if kind == "brief":
            return repr((
                event.id, str(event.status), event.when, event.display_date, event.background,
                event.headline, event.text, len(event.citations), event.people, event.tags,
                slugs, home,
            ))  # fmt: skip
        linked = [
            f"{self.versions.get(i, '?')}@{links.homes.get(i, '')}"
            for i in (event.fulfils, event.fulfilled_by) if i
        ]  # fmt: skip
        return repr((self.versions[event.id], linked, slugs, home))

    def markup(self, kind: str, event: Event, heading: str, links: Links) -> str:
        return digest(self.base, kind, heading, self.shown(kind, event, links))

    def export(self, kind: str, event: Event, *context: str) -> str:
        """The key of an event's part of an export, ``context`` being what else it shows."""
        return digest(self.base, kind, self.versions[event.id], *context)


def _event_pages(
    events: list[Event], folder: str, size: Callable[[Event], int], by_year: bool = False
) -> dict[str, list[Event]]:
    """Pages of a list of events, each under the size budget, named by ``page_path``."""
    runs = split(events, size, PAGE_BUDGET, by_year=by_year)
    if not by_year:
        return {page_path(folder, n): run for n, run in enumerate(runs, 1)}
    pages: dict[str, list[Event]] = {}
    for run in runs:
        year_folder = f"{folder}/{run[0].when.interval.start.year:04d}"
        n = sum(1 for p in pages if p.startswith(year_folder + "/")) + 1
        pages[page_path(year_folder, n)] = run
    return pages


def _pager(paths: list[str]) -> list[tuple[str, str]]:
    """(path, label) of each page of one list, for the numbered page navigation."""
    return [(p, str(n)) for n, p in enumerate(paths, 1)]


def render_site(
    timeline: Timeline, cfg: Config, env: Environment,
    article_body: Callable[[TaggedArticle], str] = article_body_html,
) -> dict[str, str | bytes]:
    """Every file of the site, rendered in memory (for tests and small sites; a build streams
    ``iter_site`` to ``write_site`` instead)."""
    return {path: rendered(content) for path, content in iter_site(timeline, cfg, env,
                                                                    article_body)}


def theme_fingerprint(env: Environment) -> str:
    """A digest of every template the environment can load (static files aside)."""
    digest = hashlib.blake2b(digest_size=16)
    for name in sorted(env.list_templates()):
        if name.split("/", 1)[0] == "static" or name.startswith("default/static/"):
            continue
        source = env.loader.get_source(env, name)[0] if env.loader else ""
        digest.update(f"{len(name)}:{name}{len(source)}:{source}".encode("utf-8", "replace"))
    return digest.hexdigest()


def _from_default_theme(env: Environment, names: Sequence[str]) -> bool:
    """Do these templates come from the default theme, whose keys cover what they show?"""
    theme = default_theme_dir().resolve()
    for name in names:
        filename = _template(env, name).filename
        if filename is None or Path(filename).resolve().parent != theme:
            return False
    return True


def iter_site(
    timeline: Timeline, cfg: Config, env: Environment,
    article_body: Callable[[TaggedArticle], str] = article_body_html,
    memo: RenderMemo | None = None,
    article_versions: Mapping[str, str] | None = None,
    jobs: int = 1,
) -> Iterator[tuple[str, Content]]:
    """Every file of the site as (path, content), one at a time, so the site is never held
    whole. ``article_body`` gives an article's highlighted HTML (see ``article_body_html``):
    a caller may pass one that reads it from a cache. ``memo`` remembers each event's markup
    and JSON between builds, when the timeline has versions and the theme's ``_event.html``
    is the default one (whose keys are known to cover what it shows). ``article_versions``
    (slug → a digest of what made the article's extraction) makes article pages' keys quick.
    ``jobs`` processes make each event's markup and JSON, all at once, before the pages."""
    memo = memo if memo is not None else RenderMemo.kept_in(None)
    people = topics(timeline, "people", lambda e: e.people)
    tags = topics(timeline, "tags", lambda e: e.tags)
    ordered = in_display_order(timeline.events)
    events_template, macros = _template(env, "_event.html"), _module(env, "_event.html")
    event_keys = None
    if timeline.versions and _from_default_theme(env, ("_event.html",)):
        event_keys = _EventKeys(timeline, repr((version_key(), theme_fingerprint(env))))
    # The full markup of every event is needed to cut the pages, before any page is decided:
    # links to other events stay marks until then.
    deferred = replace(Links.empty(people, tags), events={e.id: e for e in timeline.events},
                       deferred=True)  # fmt: skip
    full = _Items(macros.event_item, events_template, deferred, "full", event_keys, memo.events)  # type: ignore[attr-defined]
    full.prefill(ordered, jobs)
    fits = sum(full.size(e) for e in ordered) <= PAGE_BUDGET
    main_pages = (
        {"index.html": ordered} if fits else _event_pages(ordered, "years", full.size, by_year=True)
    )
    links = Links.build(timeline, main_pages, people, tags)
    r = _Renderer(timeline, cfg, env, links)
    html_pages: list[str] = []
    # of the config, what the default templates read besides the events
    page_base = repr((version_key(), theme_fingerprint(env), cfg.language, cfg.base_url,
                      timeline.title))  # fmt: skip

    def page(template: str, path: str, **context: object) -> tuple[str, str]:
        if path != "embed/fragment.html":
            html_pages.append(path)
        return path, r.page(template, path, **context)

    list_keys = event_keys if _from_default_theme(env, _SHOWN_ON_LISTS) else None

    def list_page(
        path: str, events: list[Event], shows: str, **context: Any
    ) -> tuple[str, Content]:
        """A page of events (a year's, a person's, a topic's), each shown ``full`` or in
        ``brief``; remembered when its key is known: what it shows of each event."""
        def render() -> str:
            return r.page("events.html", path, events=events, years=group(events), **context)

        html_pages.append(path)
        if list_keys is None:
            return path, render()
        key = digest(page_base, path, context["heading"], context["kind"], str(context["number"]),
                     *(p for p, _ in context["pager"]),
                     *(list_keys.shown(shows, e, links) for e in events))  # fmt: skip
        return path, Memo(key, render)

    year_pages = {p: evs for p, evs in main_pages.items() if p != "index.html"}
    by_year: dict[int, list[str]] = {}
    for path, evs in year_pages.items():
        by_year.setdefault(evs[0].when.interval.start.year, []).append(path)
    year_links = [
        (year, paths[0], sum(len(main_pages[p]) for p in paths)) for year, paths in by_year.items()
    ]
    yield page(
        "index.html", "index.html", years=group(ordered) if fits else (), year_links=year_links,
        all_events=ordered, item=full.for_page("index.html", links),
    )  # fmt: skip
    for year, paths in by_year.items():
        for n, path in enumerate(paths, 1):
            evs = main_pages[path]
            yield list_page(
                path, evs, "full", heading=str(year), pager=_pager(paths), number=n, kind="year",
                item=full.for_page(path, links),
            )  # fmt: skip
    del full  # each event's full markup is on one page of the main timeline only
    memo.events.release()

    # Person and topic pages list events in brief and link to them on the main timeline.
    # a theme's own _event.html from before briefs existed gets the default one
    brief, brief_template = getattr(macros, "event_brief", None), events_template
    if brief is None:
        brief_template = _template(env, "default/_event.html")
        brief = _module(env, "default/_event.html").event_brief  # type: ignore[attr-defined]
    briefs = _Items(brief, brief_template, links, "brief", event_keys, memo.briefs)
    briefs.prefill([e for found in (people, tags) for topic in found for e in topic.events], jobs)
    for kind, found in (("people", people), ("tags", tags)):
        yield page("topics.html", f"{kind}/index.html", kind=kind, topics=found)
        for topic in found:
            pages = _event_pages(in_display_order(topic.events), f"{kind}/{topic.slug}",
                                 briefs.size)  # fmt: skip
            paths = list(pages)
            for n, (path, evs) in enumerate(pages.items(), 1):
                yield list_page(
                    path, evs, "brief", heading=topic.name, pager=_pager(paths), number=n,
                    kind=kind, item=briefs.for_page(path, links),
                )  # fmt: skip
    del briefs
    memo.briefs.release()

    reports = reports_by_article(timeline)
    keys = PageKeys(page_base, links) if _from_default_theme(env, _SHOWN_ON_ARTICLE_PAGES) else None
    for tagged in timeline.articles:
        path = links.article_file(tagged.article.slug)
        found_reports = reports.get(tagged.article.slug, ())
        body = article_body(tagged)
        html_pages.append(path)

        def article_page(tagged: TaggedArticle = tagged, path: str = path,
                         found: tuple[Report, ...] = found_reports, body: str = body) -> str:
            return render_article(r.page, path, tagged, found, links, body)

        if keys is None:
            yield path, article_page()
        else:
            made_from = article_versions.get(tagged.article.slug) if article_versions else None
            key = keys.page_key(path, tagged, found_reports, body, made_from)
            yield path, Memo(key, article_page)

    yield page(
        "about.html", "about/index.html", snippet=embed_snippet(cfg.base_url, timeline.title)
    )
    shown = _embed_events(timeline)
    yield page("embed.html", "embed/index.html", events=shown)
    yield page("fragment.html", "embed/fragment.html", events=shown)

    base, events = cfg.base_url, timeline.events
    slide: Callable[[Event], bytes] = partial(slide_bytes, base_url=base, links=links)
    vevent: Callable[[Event], bytes] = partial(vevent_bytes, base_url=base, links=links)

    def parts(kind: str, make: Callable[[Event], bytes],
              context: Callable[[Event], tuple[str, ...]]) -> Callable[[Event], bytes]:
        """Each event's part of an export, made at once (``_made_at_once``)."""
        keys = None if event_keys is None else [
            event_keys.export(kind, e, *context(e)) for e in events
        ]  # fmt: skip
        found = _made_at_once([partial(make, e) for e in events], jobs, memo.exports, keys)
        by_id = dict(zip((e.id for e in events), found, strict=True))
        return lambda e: by_id[e.id]

    yield "timeline.json", render_timeline_json(
        timeline, parts("json", event_json_bytes, lambda e: ())
    )  # fmt: skip
    yield "timelinejs.json", render_timelinejs(
        timeline, base, links, parts("timelinejs", slide, lambda e: (base,))
    )  # fmt: skip
    yield "timeline.ics", render_ical(
        timeline, base, links, parts("ics", vevent, lambda e: (base, links.event_path(e.id)))
    )  # fmt: skip
    yield "feed.xml", render_atom(timeline, cfg.base_url, links)
    yield "sitemap.xml", render_sitemap(sorted(html_pages), timeline, cfg.base_url, links)


def _embed_events(timeline: Timeline) -> tuple[Event, ...]:
    """All events if few; otherwise the lead event of each key date, in timeline order: a blog
    post wants the story's key moments, with a link to the rest."""
    if len(timeline.events) <= EMBED_LIMIT:
        return timeline.events
    leads = {k.event_ids[0] for k in timeline.key_dates if k.event_ids}
    chosen = [e for e in timeline.events if e.id in leads][:EMBED_LIMIT]
    return tuple(chosen or timeline.events[:EMBED_LIMIT])
