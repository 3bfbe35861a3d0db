"""Article pages reused across builds (``write.Memo``): a rebuild after any kind of edit must
leave exactly the site a fresh full build writes, byte for byte, manifest included."""

from __future__ import annotations

import re
import shutil
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from timeline import render
from timeline.api import build_site
from timeline.config import Config

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "benchmarks"))
import corpus  # a script beside the benchmarks, not a package

Edit = Callable[[Path, Path], Config | None]  # (articles, theme) → a new config, or None


def tree(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes()
            for p in sorted(folder.rglob("*")) if p.is_file()}  # fmt: skip


def _nth(articles: Path, n: int) -> Path:
    return sorted(articles.glob("*.md"))[n]


def _edit_text(path: Path, old: str, new: str, count: int = 1) -> None:
    text = path.read_text("utf-8")
    changed = re.sub(old, new, text, count=count)
    assert changed != text, f"the edit of {path.name} changed nothing"
    path.write_text(changed, "utf-8")


def add_sentence(articles: Path, theme: Path) -> None:
    path = _nth(articles, 5)
    path.write_text(path.read_text("utf-8") + "\nThe committee met again on Friday.\n", "utf-8")


def change_date(articles: Path, theme: Path) -> None:
    _edit_text(_nth(articles, 5), r"(?m)^date: (\d{4})-", lambda m: f"date: {int(m[1]) - 1}-")


def change_title(articles: Path, theme: Path) -> None:
    _edit_text(_nth(articles, 5), r"(?m)^title: .*$", "title: A title of its own")


def delete_article(articles: Path, theme: Path) -> None:
    _nth(articles, 5).unlink()


def change_config(articles: Path, theme: Path) -> Config:
    return Config(title="Another story", language="fr", base_url="https://elsewhere.example/")


def change_template(articles: Path, theme: Path) -> None:
    _edit_text(theme / "article.html", r"Events from this article", "What it reports")


@pytest.mark.parametrize(
    "edit", [add_sentence, change_date, change_title, delete_article, change_config,
             change_template],
)  # fmt: skip
def test_a_rebuild_after_an_edit_is_a_fresh_full_build(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, edit: Edit
) -> None:
    theme = tmp_path / "theme"  # a copy of the default theme, so the test can edit it
    shutil.copytree(render.default_theme_dir(), theme)
    monkeypatch.setattr(render, "default_theme_dir", lambda: theme)
    articles = tmp_path / "articles"
    corpus.write_corpus(articles, 14)
    cfg = Config(title="The story", base_url="https://news.example/")
    out = tmp_path / "site"
    build_site([articles], out, cfg)
    before = {p.name: p.stat().st_ino for p in (out / "articles").iterdir()}

    cfg = edit(articles, theme) or cfg
    report = build_site([articles], out, cfg).write
    build_site([articles], tmp_path / "fresh", cfg)
    assert tree(out) == tree(tmp_path / "fresh")
    after = {p.name: p.stat().st_ino for p in (out / "articles").iterdir()}
    kept = {name for name in after if before.get(name) == after[name]}
    if edit in (change_config, change_template):
        assert not kept  # every article page shows the config and the template
    else:
        assert kept and report.unchanged  # the memo is used: most pages are not rendered


def test_pages_are_reused_without_being_rendered(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    articles = tmp_path / "articles"
    corpus.write_corpus(articles, 6)
    build_site([articles], tmp_path / "site", Config())
    calls: list[str] = []
    real = render.render_article

    def counting(*args: object, **kwargs: object) -> str:
        calls.append(str(args[1]))
        return real(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(render, "render_article", counting)
    build_site([articles], tmp_path / "site", Config())
    assert calls == []
    (tmp_path / "site" / "articles" / sorted(
        p.name for p in (tmp_path / "site" / "articles").iterdir())[0]).write_text("tampered")
    build_site([articles], tmp_path / "site", Config())
    assert len(calls) == 1  # a file changed since the manifest is not trusted: rendered again


def test_a_theme_of_ones_own_article_page_is_always_rendered(tmp_path: Path) -> None:
    articles, mine = tmp_path / "articles", tmp_path / "mine"
    corpus.write_corpus(articles, 4)
    mine.mkdir()
    (mine / "article.html").write_text(
        '{% extends "default/article.html" %}{% block title %}'
        "{{ timeline.events | length }} events{% endblock %}", "utf-8")
    cfg = Config(templates=str(mine))
    build_site([articles], tmp_path / "site", cfg)
    _nth(articles, 0).unlink()  # fewer events: every page's title changes
    build_site([articles], tmp_path / "site", cfg)
    build_site([articles], tmp_path / "fresh", cfg)
    assert tree(tmp_path / "site") == tree(tmp_path / "fresh")


@pytest.mark.parametrize("template, global_part", [
    ("_event.html", "{{ links.events | length }} in all"),  # what a macro may read of the site
    ("events.html", "{{ timeline.events | length }} in all"),
])
def test_a_theme_of_ones_own_event_markup_or_list_page_is_always_rendered(
    tmp_path: Path, template: str, global_part: str
) -> None:
    """Remembered markup and list pages are keyed by what the default theme shows; a theme's
    own ``_event.html`` or ``events.html`` may show anything, so they are made afresh."""
    articles, mine = tmp_path / "articles", tmp_path / "mine"
    corpus.write_corpus(articles, 6)
    mine.mkdir()
    source = (render.default_theme_dir() / template).read_text("utf-8")
    if template == "_event.html":  # every event says how many the timeline has
        source = source.replace('<p class="what">{{ event.text }}',
                                f'<p class="what">{global_part} {{{{ event.text }}}}')
    else:
        source = source.replace("{% block content %}", "{% block content %}" + global_part, 1)
    assert global_part in source
    (mine / template).write_text(source, "utf-8")
    cfg = Config(templates=str(mine))
    cache = tmp_path / "cache"
    build_site([articles], tmp_path / "site", cfg, cache=cache)
    _nth(articles, 0).unlink()  # fewer events: the count on every event or list page changes
    build_site([articles], tmp_path / "site", cfg, cache=cache)
    build_site([articles], tmp_path / "fresh", cfg)
    assert tree(tmp_path / "site") == tree(tmp_path / "fresh")
