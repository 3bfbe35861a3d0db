"""The ``timeline`` command: a thin click layer over ``timeline.api``."""

from __future__ import annotations

from pathlib import Path

import click

from timeline import __version__, api
from timeline.config import CONFIG_FILE, load_config
from timeline.errors import TimelineError


class _Group(click.Group):
    """Turns the library's user-facing errors into one line and exit code 1."""

    def invoke(self, ctx: click.Context) -> object:
        try:
            return super().invoke(ctx)
        except TimelineError as exc:
            raise click.ClickException(str(exc)) from exc


@click.group(cls=_Group)
@click.version_option(__version__, prog_name="timeline")
def main() -> None:
    """Turn a folder of news articles into a dated, merged, cited timeline site."""


@main.command()
@click.argument("sources", nargs=-1, type=click.Path(path_type=Path))
@click.option("-o", "--output", type=click.Path(path_type=Path), help="Folder to write the site to.")
@click.option(
    "-c", "--config", "config_path", type=click.Path(path_type=Path), default=Path(CONFIG_FILE),
    show_default=True, help="Configuration file (used if it exists).",
)
@click.option("-q", "--quiet", is_flag=True, help="Print nothing on success.")
def build(sources: tuple[Path, ...], output: Path | None, config_path: Path, quiet: bool) -> None:
    """Build the site from SOURCES (folders or files of articles; default: seeds/)."""
    cfg = load_config(config_path)
    result = api.build_site(list(sources) or None, output, cfg)
    if not quiet:
        click.echo(result.summary(), err=True)
