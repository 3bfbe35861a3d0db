"""Render the site: a Timeline → ``{relative path: content}``. Nothing here touches the output."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

from jinja2 import (
    ChoiceLoader, Environment, FileSystemLoader, PrefixLoader, StrictUndefined, select_autoescape,
)

from timeline import __version__
from timeline.config import Config
from timeline.errors import TimelineError
from timeline.export_json import render_timeline_json
from timeline.model import Timeline

Site = Mapping[str, str | bytes]


def default_theme_dir() -> Path:
    """The packaged default theme; in a source checkout, the repository's ``templates/``."""
    here = Path(__file__).resolve().parent
    for candidate in (here / "templates", here.parent / "templates"):
        if (candidate / "base.html").is_file():
            return candidate
    raise TimelineError("the default theme is missing from this installation; reinstall timeline")


def make_environment(user_templates: Path | None) -> Environment:
    """User templates win by name; ``default/x.html`` always names the built-in one to extend."""
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
    )
    env.globals["generator_version"] = __version__
    return env


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


def render_site(timeline: Timeline, cfg: Config, env: Environment) -> dict[str, str | bytes]:
    """Every file of the site, rendered in memory."""
    context = {"timeline": timeline, "config": cfg, "base": cfg.base_url}
    site: dict[str, str | bytes] = {
        "index.html": env.get_template("index.html").render(context, root="./"),
        "timeline.json": render_timeline_json(timeline),
    }
    for tagged in timeline.articles:
        page = f"articles/{tagged.article.slug}/index.html"
        site[page] = env.get_template("article.html").render(
            context, tagged=tagged, root="../../"
        )
    return site
