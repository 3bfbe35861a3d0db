"""The ``timeline`` command: a thin click layer over the library.

Every command reads ``timeline.toml`` (or ``--config``), lets the flags that were given
override it, and calls one library function. Problems the user can fix come back as
``TimelineError`` and are shown as one line with exit code 1; bad usage exits 2.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Sequence
from datetime import datetime
from pathlib import Path
from typing import Any, TypeVar

import click

from timeline import __version__, api
from timeline.config import CONFIG_FILE, Config, load_config
from timeline.errors import TimelineError

F = TypeVar("F", bound=Callable[..., Any])


class _Group(click.Group):
    """Turns the library's user-facing errors into one line and exit code 1."""

    def invoke(self, ctx: click.Context) -> object:
        try:
            return super().invoke(ctx)
        except TimelineError as exc:
            raise click.ClickException(str(exc)) from exc
        except OSError as exc:
            # The system refused a file operation (permissions, a full disk, a path that
            # cannot exist): the user's to fix, said in one line like any other error.
            where = exc.filename if exc.filename is not None else "a file"
            raise click.ClickException(
                f"{where}: {exc.strerror or exc}; check the path, its permissions and the free "
                "disk space"
            ) from exc


@click.group(cls=_Group)
@click.version_option(__version__, prog_name="timeline")
def main() -> None:
    """Turn a folder of news articles into a dated, merged, cited timeline site."""


def _site_options(command: F) -> F:
    """Options shared by build, serve and check: where the articles and settings are."""
    for option in reversed([
        click.argument("sources", nargs=-1, type=click.Path(path_type=Path)),
        click.option(
            "-c", "--config", "config_path", type=click.Path(exists=True, dir_okay=False,
            path_type=Path), help=f"Configuration file  [default: {CONFIG_FILE}, if it exists]",
        ),
        click.option("--drafts", is_flag=True, default=None,
                     help="Include articles marked 'draft: true'."),
    ]):
        command = option(command)
    return command


def _config(config_path: Path | None, sources: Sequence[Path], **overrides: Any) -> Config:
    """The config file's settings, overridden by the flags that were given."""
    return load_config(
        config_path or Path(CONFIG_FILE),
        sources=[str(s) for s in sources] or None,
        **overrides,
    )


def _cache(cfg: Config, use_cache: bool) -> Path | None:
    return Path(cfg.cache) if use_cache else None


_cache_option = click.option(
    "--cache/--no-cache", "use_cache", default=True, show_default=True,
    help="Reuse the extraction of unchanged articles (kept in the 'cache' folder).",
)
_jobs_options = [
    click.option("-j", "--jobs", type=click.IntRange(min=0), default=1, show_default=True,
                 help="Processes that extract articles and render pages; 0: one per CPU."),
    click.option("--executor", type=click.Choice(["local", "dask"]), default="local",
                 show_default=True, help="Where extraction runs: this machine, or Dask."),
    click.option("--scheduler", metavar="ADDRESS",
                 help="Dask scheduler (tcp://host:8786); without it a local cluster is used."),
]


def _with_jobs(command: F) -> F:
    for option in reversed(_jobs_options):
        command = option(command)
    return command


def _local_jobs(jobs: int) -> int:
    """Processes on this machine for what runs here (rendering pages), whatever the executor.
    More than four a CPU is refused: each process may copy much of the build's memory, and
    ``--jobs 1000`` on a laptop is a slip of the keyboard, not a plan."""
    from timeline.executors import default_jobs

    cpus = default_jobs()
    if jobs > 4 * cpus:
        raise click.BadParameter(
            f"{jobs} is more than four processes for each of this machine's {cpus} CPUs; "
            "use --jobs 0 for one per CPU", param_hint="'--jobs'",
        )
    return jobs or cpus


def _open_mapper(jobs: int, executor: str, scheduler: str | None) -> Any:
    from timeline.executors import open_mapper

    return open_mapper(_local_jobs(jobs), executor, scheduler)


class _Progress:
    """click's progress bar on stderr: only on a terminal, and only when there is work."""

    def __init__(self, show: bool) -> None:
        self.show = show
        self.bar: Any = None
        self.done = 0

    def __call__(self, done: int, total: int) -> None:
        if not self.show:
            return
        if self.bar is None:
            if done >= total:
                return
            self.bar = click.progressbar(length=total, label="Extracting", file=sys.stderr)
            self.bar.__enter__()
        self.bar.update(done - self.done)
        self.done = done

    def close(self) -> None:
        if self.bar is not None:
            self.bar.__exit__(None, None, None)


@main.command()
@_site_options
@click.option("-o", "--output", type=click.Path(file_okay=False, path_type=Path),
              help="Folder to write the site to  [default: 'output' of the config]")
@click.option("--base-url", help="URL the site will be published at, e.g. https://example.org/.")
@click.option("--clean", is_flag=True, help="Empty the cache first: extract every article anew.")
@_cache_option
@_with_jobs
@click.option("--key-dates", type=click.IntRange(min=0), metavar="N",
              help="How many key dates to rank  [default: 'key_dates' of the config]")
@click.option("--between", nargs=2, type=click.DateTime(["%Y-%m-%d"]), metavar="START END",
              help="Keep only events (and key dates) from START to END (ISO dates).")
@click.option("-q", "--quiet", is_flag=True, help="Print nothing on success.")
@click.option("-v", "--verbose", is_flag=True, help="Also list warnings, cache use and files.")
def build(
    sources: tuple[Path, ...], config_path: Path | None, drafts: bool | None,
    output: Path | None, base_url: str | None, clean: bool, use_cache: bool, jobs: int,
    executor: str, scheduler: str | None, key_dates: int | None,
    between: tuple[datetime, datetime] | None, quiet: bool, verbose: bool,
) -> None:
    """Build the site from SOURCES (folders or files of articles; default: the config's
    sources, else seeds/) into the output folder, replacing it whole."""
    cfg = _config(config_path, sources, output=str(output) if output else None,
                  base_url=base_url, drafts=drafts, key_dates=key_dates,
                  between=[d.date() for d in between] if between else None)
    progress = _Progress(show=not quiet and sys.stderr.isatty())
    try:
        with _open_mapper(jobs, executor, scheduler) as mapper:
            result = api.build_site(
                None, None, cfg, cache=_cache(cfg, use_cache), clean=clean, mapper=mapper,
                progress=progress, jobs=_local_jobs(jobs),
            )
    finally:
        progress.close()
    if verbose:
        for warning in result.warnings:
            click.echo(f"warning: {warning}", err=True)
        click.echo(
            f"{result.cached} of {result.articles} articles from the cache; files: "
            f"{result.write.written} written, {result.write.unchanged} unchanged, "
            f"{result.write.removed} removed", err=True,
        )
    if not quiet:
        click.echo(result.summary(), err=True)


@main.command()
@_site_options
@click.option("-o", "--output", type=click.Path(file_okay=False, path_type=Path),
              help="The output folder a build would use (checked against the sources).")
@click.option("--strict", is_flag=True, help="Fail on warnings too.")
@_cache_option
def check(
    sources: tuple[Path, ...], config_path: Path | None, drafts: bool | None,
    output: Path | None, strict: bool, use_cache: bool,
) -> None:
    """Check the config and SOURCES without writing anything: list errors (unreadable
    articles, missing dates, clashing slugs) and warnings (dates that could not be placed,
    ambiguous ones and the reading chosen). Exit 1 on errors (and warnings with --strict)."""
    from timeline.check import check_site

    cfg = _config(config_path, sources, output=str(output) if output else None, drafts=drafts)
    report = check_site(None, None, cfg, cache=_cache(cfg, use_cache))
    for error in report.errors:
        click.echo(f"error: {error}")
    for warning in report.warnings:
        click.echo(f"warning: {warning}")
    click.echo(report.summary(), err=True)
    if report.errors or (strict and report.warnings):
        sys.exit(1)


@main.command()
@_site_options
@click.option("-a", "--host", default="127.0.0.1", show_default=True,
              help="Address to listen on (the default is reachable from this machine only).")
@click.option("-p", "--port", type=click.IntRange(0, 65535), default=8000, show_default=True,
              help="Port to listen on; 0: any free port.")
@_with_jobs
def serve(
    sources: tuple[Path, ...], config_path: Path | None, drafts: bool | None, host: str,
    port: int, jobs: int, executor: str, scheduler: str | None,
) -> None:
    """Preview the site at http://HOST:PORT/, rebuilding it when an article, template or the
    config changes, and reloading the page in the browser. Nothing is written to the output
    folder; the preview is built in a temporary one."""
    from timeline.cache import ExtractionCache
    from timeline.serve import PreviewServer

    config_file = (config_path or Path(CONFIG_FILE)).resolve()
    first = _config(config_path, sources, drafts=drafts)
    roots = [Path(s).resolve() for s in first.sources]
    templates = Path(first.templates).resolve() if first.templates else None
    # One cache object for every rebuild, keeping the last build's extractions in memory: a
    # rebuild after one edit unpickles none of the others (a second of 7 at 5,000 articles).
    stores: dict[Path, ExtractionCache] = {}
    with _open_mapper(jobs, executor, scheduler) as mapper:

        def rebuild(site: Path, url: str) -> object:
            cfg = _config(config_path, sources, base_url=url, drafts=drafts)
            folder = Path(cfg.cache)
            if folder not in stores:  # the first build, or the config names another cache
                stores.clear()
                stores[folder] = ExtractionCache(folder, in_memory=True)
            return api.build_site(None, site, cfg, cache=stores[folder], mapper=mapper,
                                  jobs=_local_jobs(jobs))  # fmt: skip

        def relevant(path: Path) -> bool:
            from timeline.load import SOURCE_SUFFIXES

            if path == config_file or (templates and path.is_relative_to(templates)):
                return True
            return path.suffix.lower() in SOURCE_SUFFIXES and any(
                path.is_relative_to(r) and not any(
                    p.startswith((".", "_")) for p in path.relative_to(r).parts)
                for r in roots
            )

        watched = [*roots, *([templates] if templates else []), config_file]
        server = PreviewServer(
            rebuild, watched, host=host, port=port, relevant=relevant,
            log=lambda line: click.echo(line, err=True),
        )
        server.start()
        click.echo(f"Serving {server.url} (Ctrl+C to stop)", err=True)
        try:
            server.serve_forever()
        except KeyboardInterrupt:
            click.echo("Stopped", err=True)


@main.command()
@click.argument("folder", type=click.Path(path_type=Path))
@click.option("--title", help="The site's title  [default: from the folder's name]")
def new(folder: Path, title: str | None) -> None:
    """Create a new site in FOLDER: a timeline.toml, a sample article, a templates folder
    for your overrides and a README of next steps."""
    from timeline.scaffold import create_site

    create_site(folder, title)
    click.echo(f"Created {folder}; next: cd {folder} && timeline serve", err=True)


@main.command()
@click.option("-c", "--config", "config_path", type=click.Path(exists=True, dir_okay=False,
              path_type=Path), help=f"Configuration file  [default: {CONFIG_FILE}, if it exists]")
def clean(config_path: Path | None) -> None:
    """Delete the extraction cache (the config's 'cache' folder): the next build extracts
    every article anew. The built site is left alone."""
    from timeline.cache import ExtractionCache

    cfg = load_config(config_path or Path(CONFIG_FILE))
    removed = ExtractionCache(Path(cfg.cache)).clear()
    click.echo(f"{'Removed' if removed else 'No cache at'} {cfg.cache}", err=True)


@main.command()
@click.argument("documents", type=click.File("r", encoding="utf-8"), default="-")
@click.option("-o", "--output", type=click.File("w", encoding="utf-8", atomic=True), default="-",
              help="Where to write the JSONL of timexes  [default: standard output]")
@click.option("--text", help="Tag this text instead, and print a table of what is found.")
@click.option("--dct", help="With --text: its publication date (2018-07-16 or a date-time).")
@click.option("--lang", default="en", show_default=True, help="With --text: its language.")
def tag(
    documents: Any, output: Any, text: str | None, dct: str | None, lang: str
) -> None:
    """Find and resolve the temporal expressions of DOCUMENTS (JSONL, one
    {"id", "dct", "text"[, "lang"]} per line; default: standard input), writing one
    {"id", "timexes"} line per document. With --text and --dct, print a table instead."""
    from timeline.temporal import documents as tagging
    from timeline.temporal import tag as tag_text
    from timeline.temporal.table import timex_table

    if text is not None or dct is not None:
        if text is None or dct is None:
            raise click.UsageError("--text and --dct go together")
        try:
            day = tagging.parse_dct(dct)
        except ValueError as exc:
            raise click.BadParameter(str(exc), param_hint="--dct") from None
        click.echo(timex_table(tag_text(text, day, lang)), nl=False)
        return
    try:  # all lines first: a bad document must not leave half an output file
        lines = [line + "\n" for line in tagging.tag_documents(documents)]
    except TimelineError as exc:  # "line 3: ..." → "docs.jsonl: line 3: ..."
        raise TimelineError(f"{getattr(documents, 'name', '<stdin>')}: {exc}") from None
    output.writelines(lines)
