"""The preview server: serves the build with a reload script, rebuilds when an article
changes, and keeps serving the last good build when a change breaks it."""

from __future__ import annotations

import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

from timeline import api
from timeline.config import Config
from timeline.serve import GENERATION_PATH, RELOAD_SCRIPT, PreviewServer, inject_reload

pytest.importorskip("watchfiles")

ARTICLE = "---\ntitle: {title}\ndate: 2018-07-16\n---\nTrump met Putin in Helsinki on Monday.\n"
DEADLINE = 30  # seconds: a rebuild takes well under one; the file watcher adds a few hundred ms


def fetch(url: str) -> str:
    with urllib.request.urlopen(url, timeout=10) as response:  # loopback only
        return str(response.read().decode("utf-8"))


def wait_for_generation(server: PreviewServer, above: int) -> int:
    stop = time.monotonic() + DEADLINE
    while time.monotonic() < stop:
        generation = int(fetch(server.url + GENERATION_PATH.lstrip("/")))
        if generation > above:
            return generation
        time.sleep(0.1)
    raise AssertionError(f"no rebuild within {DEADLINE} s")


@pytest.fixture
def preview(tmp_path: Path) -> Iterator[tuple[PreviewServer, Path, list[str]]]:
    src = tmp_path / "articles"
    src.mkdir()
    (src / "summit.md").write_text(ARTICLE.format(title="Helsinki summit"), "utf-8")
    logged: list[str] = []

    def rebuild(site: Path, url: str) -> object:
        return api.build_site([src], site, Config(title="Preview", base_url=url),
                              cache=tmp_path / "cache")

    server = PreviewServer(rebuild, [src], port=0, log=logged.append)
    server.start()
    try:
        yield server, src, logged
    finally:
        server.close()


def test_serves_pages_and_reloads_after_a_change(
    preview: tuple[PreviewServer, Path, list[str]],
) -> None:
    server, src, logged = preview
    assert server.url.startswith("http://127.0.0.1:")
    page = fetch(server.url + "articles/summit.html")
    assert "Helsinki summit" in page
    assert RELOAD_SCRIPT in page
    assert "Helsinki summit" in fetch(server.url)  # the index
    built = server.site / "articles" / "summit.html"
    assert RELOAD_SCRIPT not in built.read_text("utf-8")  # only in what is served

    generation = int(fetch(server.url + GENERATION_PATH.lstrip("/")))
    (src / "summit.md").write_text(ARTICLE.format(title="Summit in Finland"), "utf-8")
    wait_for_generation(server, generation)
    page = fetch(server.url + "articles/summit.html")
    assert "Summit in Finland" in page and "Helsinki summit" not in page
    assert any(line.startswith("Rebuilt after changes to summit.md") for line in logged)


def test_an_edit_made_during_the_first_build_is_not_lost(tmp_path: Path) -> None:
    """The watcher is armed after the first build: an edit made before that (here, while the
    build runs) is found by comparing the sources with what they were, and rebuilt."""
    src = tmp_path / "articles"
    src.mkdir()
    article = src / "summit.md"
    article.write_text(ARTICLE.format(title="Before"), "utf-8")
    builds: list[str] = []

    def rebuild(site: Path, url: str) -> object:
        builds.append(article.read_text("utf-8"))
        if len(builds) == 1:  # the user saves an edit while the first build runs
            article.write_text(ARTICLE.format(title="Edited meanwhile"), "utf-8")
        return api.build_site([src], site, Config(base_url=url))

    server = PreviewServer(rebuild, [src], port=0)
    server.start()
    try:
        wait_for_generation(server, 1)
        assert "Edited meanwhile" in fetch(server.url + "articles/summit.html")
        assert len(builds) == 2
    finally:
        server.close()


def test_a_broken_change_keeps_the_last_good_site(
    preview: tuple[PreviewServer, Path, list[str]],
) -> None:
    server, src, logged = preview
    assert server.rebuild_now()  # a rebuild by hand works too
    generation = server.generation
    assert generation == 2
    (src / "broken.md").write_text("no date here\n", "utf-8")
    stop = time.monotonic() + DEADLINE
    while not any(line.startswith("Error: ") for line in logged):
        assert time.monotonic() < stop, "the broken article was not reported"
        time.sleep(0.1)
    assert any("broken.md:1: has no publication date" in line for line in logged)
    assert server.generation >= generation
    assert "Helsinki summit" in fetch(server.url + "articles/summit.html")


def test_static_files_are_served_unchanged(preview: tuple[PreviewServer, Path, list[str]]) -> None:
    server, _, _ = preview
    data = fetch(server.url + "timeline.json")
    assert RELOAD_SCRIPT not in data
    assert data == (server.site / "timeline.json").read_text("utf-8")
    with pytest.raises(urllib.error.HTTPError) as info:
        fetch(server.url + "no/such/page.html")
    assert info.value.code == 404


def test_close_removes_the_preview_build(tmp_path: Path) -> None:
    (tmp_path / "a.md").write_text(ARTICLE.format(title="x"), "utf-8")
    server = PreviewServer(
        lambda site, url: api.build_site([tmp_path / "a.md"], site, Config()), [tmp_path], port=0
    )
    server.start()
    folder = server.site.parent
    assert folder.is_dir()
    server.close()
    server.close()  # twice is fine
    assert not folder.exists()


def test_a_busy_port_is_one_clear_error() -> None:
    from timeline.errors import TimelineError

    first = PreviewServer(lambda site, url: None, [], port=0)
    port = int(first.url.rsplit(":", 1)[1].strip("/"))
    try:
        with pytest.raises(TimelineError, match=f"cannot serve on 127.0.0.1:{port}.*--port"):
            PreviewServer(lambda site, url: None, [], port=port)
    finally:
        first.close()


@pytest.mark.parametrize(
    ("html", "expected"),
    [
        (b"<html><body><p>x</p></body></html>", b"<p>x</p>" + RELOAD_SCRIPT.encode() + b"</body>"),
        (b"<p>fragment</p>", b"<p>fragment</p>" + RELOAD_SCRIPT.encode()),
    ],
)
def test_inject_reload(html: bytes, expected: bytes) -> None:
    assert expected in inject_reload(html)


def test_the_serve_command_end_to_end(tmp_path: Path) -> None:
    """`timeline serve --port 0` as a user runs it: prints its address, serves, rebuilds on a
    change, and stops cleanly on Ctrl+C (SIGINT)."""
    import signal
    import subprocess
    import sys

    script = Path(sys.executable).parent / "timeline"
    if not script.exists():
        pytest.skip("the timeline console script is not installed")
    (tmp_path / "articles").mkdir()
    (tmp_path / "articles" / "summit.md").write_text(ARTICLE.format(title="Before"), "utf-8")
    (tmp_path / "timeline.toml").write_text('sources = ["articles"]\n', "utf-8")
    process = subprocess.Popen(
        [script, "serve", "--port", "0"], cwd=tmp_path, stderr=subprocess.PIPE, text=True
    )
    try:
        assert process.stderr is not None
        line = process.stderr.readline()
        assert line.startswith("Serving http://127.0.0.1:"), line
        url = line.split()[1]
        assert "Before" in fetch(url + "articles/summit.html")
        (tmp_path / "articles" / "summit.md").write_text(ARTICLE.format(title="After"), "utf-8")
        stop = time.monotonic() + DEADLINE
        while "After" not in fetch(url + "articles/summit.html"):
            assert time.monotonic() < stop, "the page did not change"
            time.sleep(0.1)
        assert not (tmp_path / "output").exists()  # the preview never writes the output
        process.send_signal(signal.SIGINT)
        _, rest = process.communicate(timeout=DEADLINE)
        assert process.returncode == 0, rest
        assert "Traceback" not in rest and "Stopped" in rest
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()


def test_serve_with_a_broken_config_is_one_line(tmp_path: Path) -> None:
    from click.testing import CliRunner

    from timeline.cli import main

    (tmp_path / "timeline.toml").write_text('titel = "x"\n', "utf-8")
    result = CliRunner().invoke(
        main, ["serve", "-c", str(tmp_path / "timeline.toml"), "--port", "0"],
        catch_exceptions=False,
    )
    assert result.exit_code == 1
    assert result.stderr.splitlines() == [
        f"Error: {tmp_path / 'timeline.toml'}: unknown key 'titel' (did you mean 'title'?)"
    ]
