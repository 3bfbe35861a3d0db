"""Each command through CliRunner (exit code and stderr checked apart), and the installed
console script run for real."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from timeline.cli import main

ARTICLE = """---
title: {title}
date: {date}
source: Example News
tags: [summit]
---
President Trump met Vladimir Putin in Helsinki on Monday.

The two leaders spoke for two hours, a day after the World Cup final.
"""


def write_article(folder: Path, name: str, date: str = "2018-07-16", title: str = "") -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(ARTICLE.format(title=title or name, date=date), "utf-8")
    return path


def run(*args: str | Path, cwd: Path | None = None) -> Result:
    old = Path.cwd()
    if cwd is not None:
        os.chdir(cwd)
    try:
        return CliRunner().invoke(main, [str(a) for a in args], catch_exceptions=False)
    finally:
        os.chdir(old)


@pytest.fixture
def site(tmp_path: Path) -> Path:
    write_article(tmp_path / "articles", "summit.md")
    write_article(tmp_path / "articles", "later.md", date="2018-07-18")
    (tmp_path / "timeline.toml").write_text(
        'title = "Helsinki"\nsources = ["articles"]\noutput = "public"\n', "utf-8"
    )
    return tmp_path


def test_build_reads_the_config_beside_it_from_any_folder(site: Path, tmp_path: Path) -> None:
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    result = run("build", "-c", site / "timeline.toml", cwd=elsewhere)
    assert result.exit_code == 0, result.stderr
    assert result.stdout == ""
    assert result.stderr.startswith(f"Built {site / 'public'}: 2 articles, ")
    assert " 0 warnings in " in result.stderr
    assert "Helsinki" in (site / "public" / "index.html").read_text("utf-8")
    assert (site / ".timeline-cache" / "CACHEDIR.TAG").is_file()


def test_build_flags_override_the_config(site: Path) -> None:
    write_article(site / "articles", "draft.md", date="2018-07-17")
    (site / "articles" / "draft.md").write_text(
        (site / "articles" / "draft.md").read_text("utf-8").replace("tags:", "draft: true\ntags:"),
        "utf-8",
    )
    result = run("build", "-o", "out", "--drafts", "--base-url", "https://example.org/x",
                 "--clean", "-q", cwd=site)
    assert result.exit_code == 0, result.stderr
    assert result.stderr == ""  # --quiet
    assert (site / "out" / "articles" / "draft.html").is_file()
    assert not (site / "public").exists()
    without = run("build", "-o", "out", cwd=site)
    assert without.exit_code == 0
    assert not (site / "out" / "articles" / "draft.html").exists()


def test_build_sources_on_the_command_line(site: Path, tmp_path: Path) -> None:
    other = tmp_path / "other"
    write_article(other, "only.md")
    result = run("build", other, "-o", tmp_path / "out2", "--no-cache", cwd=tmp_path)
    assert result.exit_code == 0, result.stderr
    assert "1 article," in result.stderr
    assert not (tmp_path / ".timeline-cache").exists()


def test_build_verbose_reports_the_cache(site: Path) -> None:
    assert run("build", cwd=site).exit_code == 0
    result = run("build", "-v", cwd=site)
    assert result.exit_code == 0
    assert "2 of 2 articles from the cache" in result.stderr
    assert "0 written" in result.stderr


def test_build_in_parallel_gives_the_same_site(site: Path) -> None:
    for i in range(10):
        write_article(site / "articles", f"extra-{i}.md", date=f"2018-07-{10 + i}")
    assert run("build", "-o", "serial", "--no-cache", cwd=site).exit_code == 0
    result = run("build", "-o", "parallel", "--no-cache", "--jobs", "2", cwd=site)
    assert result.exit_code == 0, result.stderr
    assert tree_bytes(site / "serial") == tree_bytes(site / "parallel")


def test_bad_jobs_is_a_usage_error(site: Path) -> None:
    result = run("build", "--jobs", "-1", cwd=site)
    assert result.exit_code == 2
    assert "--jobs" in result.stderr


def test_far_more_jobs_than_cpus_is_a_usage_error(site: Path) -> None:
    from timeline.executors import default_jobs

    result = run("build", "--jobs", str(4 * default_jobs() + 1), cwd=site)
    assert result.exit_code == 2
    assert "more than four processes for each of this machine's" in result.stderr
    assert not (site / "public").exists()  # refused before anything was built


def test_a_system_error_is_one_line_naming_the_file(
    site: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A full disk or a refused permission (which tests cannot cause as root) is the user's
    to fix: one line naming the file, not a traceback."""
    import errno

    from timeline import api

    def full_disk(*args: object, **kwargs: object) -> None:
        raise OSError(errno.ENOSPC, "No space left on device", "public/index.html")

    monkeypatch.setattr(api, "build_site", full_disk)
    result = run("build", cwd=site)
    assert result.exit_code == 1
    assert result.stderr.splitlines() == [
        "Error: public/index.html: No space left on device; check the path, its permissions and"
        " the free disk space"
    ]


def test_missing_explicit_config_is_a_usage_error(tmp_path: Path) -> None:
    result = run("build", "-c", tmp_path / "nope.toml")
    assert result.exit_code == 2
    assert "nope.toml" in result.stderr


def test_check_lists_errors_and_warnings(site: Path) -> None:
    (site / "articles" / "nodate.md").write_text("Trump spoke on Friday.\n", "utf-8")
    (site / "articles" / "empty.md").write_text("", "utf-8")
    result = run("check", cwd=site)
    assert result.exit_code == 1
    lines = result.stdout.splitlines()
    assert any(line.startswith("error: articles/nodate.md:1: has no publication date")
               for line in lines)
    assert any(line.startswith("error: articles/empty.md: is empty") for line in lines)
    # "Monday" in an article of Monday: the day itself, or a week before? Said, with the choice.
    assert any("warning: articles/summit.md:7: read 'Monday' as 2018-07-16" in line
               for line in lines)
    assert result.stderr.startswith("Checked 2 articles: 2 errors, ")
    assert not (site / "public").exists()  # check writes no site


def test_check_passes_and_strict_fails_on_warnings(site: Path) -> None:
    result = run("check", cwd=site)
    assert result.exit_code == 0, result.stdout
    assert "0 errors" in result.stderr
    assert run("check", "--strict", cwd=site).exit_code == 1


def test_check_reports_an_output_folder_inside_the_sources(site: Path) -> None:
    result = run("check", "-o", site / "articles" / "site", cwd=site)
    assert result.exit_code == 1
    assert "overlaps the source folder" in result.stdout


def test_new_creates_a_site_that_builds(tmp_path: Path) -> None:
    result = run("new", "my-story", cwd=tmp_path)
    assert result.exit_code == 0, result.stderr
    made = tmp_path / "my-story"
    assert "cd my-story && timeline serve" in result.stderr
    assert 'title = "My Story"' in (made / "timeline.toml").read_text("utf-8")
    assert (made / "templates" / "README.md").is_file()
    assert "timeline serve" in (made / "README.md").read_text("utf-8")
    assert ".timeline-cache" in (made / ".gitignore").read_text("utf-8")
    built = run("build", cwd=made)
    assert built.exit_code == 0, built.stderr
    assert "1 article," in built.stderr
    assert (made / "output" / "articles" / "2018-07-16-helsinki-summit.html").is_file()
    checked = run("check", cwd=made)
    assert checked.exit_code == 0, checked.stdout


def test_new_refuses_a_folder_that_is_not_empty(tmp_path: Path) -> None:
    (tmp_path / "x").mkdir()
    (tmp_path / "x" / "keep.txt").write_text("mine", "utf-8")
    result = run("new", tmp_path / "x")
    assert result.exit_code == 1
    assert "already exists and is not empty" in result.stderr
    assert (tmp_path / "x" / "keep.txt").read_text("utf-8") == "mine"


def test_new_refuses_a_file(tmp_path: Path) -> None:
    (tmp_path / "notes").write_text("", "utf-8")
    result = run("new", tmp_path / "notes")
    assert result.exit_code == 1
    assert result.stderr.splitlines() == [
        f"Error: {tmp_path / 'notes'}: is a file; choose a new folder"
    ]


def test_clean_removes_the_cache_only(site: Path) -> None:
    assert run("build", cwd=site).exit_code == 0
    result = run("clean", cwd=site)
    assert result.exit_code == 0
    assert result.stderr.startswith("Removed ")
    assert not (site / ".timeline-cache").exists()
    assert (site / "public" / "index.html").is_file()
    assert run("clean", cwd=site).stderr.startswith("No cache at ")


def test_clean_refuses_a_folder_that_is_not_a_cache(site: Path) -> None:
    (site / "timeline.toml").write_text('sources = ["articles"]\ncache = "articles"\n', "utf-8")
    result = run("clean", cwd=site)
    assert result.exit_code == 1
    assert "is not a timeline cache" in result.stderr
    assert (site / "articles" / "summit.md").is_file()


def test_version_and_help() -> None:
    assert run("--version").stdout.startswith("timeline, version ")
    result = run("--help")
    for command in ("build", "serve", "check", "new", "clean"):
        assert command in result.stdout


def tree_bytes(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def console_script() -> Path:
    script = Path(sys.executable).parent / "timeline"
    if not script.exists():
        found = shutil.which("timeline")
        if found is None:
            pytest.skip("the timeline console script is not installed")
        script = Path(found)
    return script


def test_installed_console_script_builds(site: Path, tmp_path: Path) -> None:
    script = console_script()
    helped = subprocess.run([script, "--help"], capture_output=True, text=True, timeout=60)
    assert helped.returncode == 0 and "build" in helped.stdout
    built = subprocess.run(
        [script, "build", "-c", site / "timeline.toml", "-o", tmp_path / "real-out"],
        capture_output=True, text=True, timeout=120, cwd=tmp_path,
    )
    assert built.returncode == 0, built.stderr
    assert built.stderr.startswith("Built ")
    assert (tmp_path / "real-out" / "index.html").is_file()
    failed = subprocess.run(
        [script, "build", site / "nope"], capture_output=True, text=True, timeout=60, cwd=tmp_path
    )
    assert failed.returncode == 1
    assert failed.stderr.count("\n") == 1 and "Traceback" not in failed.stderr


def test_progress_bar_only_when_there_is_work(capsys: pytest.CaptureFixture[str]) -> None:
    from timeline.cli import _Progress

    hidden = _Progress(show=False)
    hidden(0, 10)
    hidden(10, 10)
    assert hidden.bar is None
    all_cached = _Progress(show=True)
    all_cached(10, 10)
    assert all_cached.bar is None
    working = _Progress(show=True)
    for done in (2, 6, 10):
        working(done, 10)
    working.close()
    assert working.bar is not None and working.bar.pos == 10
    assert "Extracting" in capsys.readouterr().err


def test_build_reads_every_input_format(tmp_path: Path) -> None:
    pytest.importorskip("trafilatura")
    src = tmp_path / "mixed"
    write_article(src, "summit.md")
    (src / "page.html").write_text(
        '<html><head><title>Putin in Vienna</title><meta name="date" content="2018-09-18">'
        "</head><body><article><h1>Putin in Vienna</h1><p>Putin met Austrian leaders in "
        "Vienna on Tuesday, weeks after the Helsinki summit with Trump.</p></article>"
        "</body></html>", "utf-8",
    )
    (src / "wire.jsonl").write_text(
        '{"headline": "Paul in Moscow", "publishedAt": "2018-08-07T12:00:00Z", '
        '"content": "Rand Paul met officials in Moscow on Monday.", "source": {"name": "AP"}}\n',
        "utf-8",
    )
    (src / "export.csv").write_text(
        "title,pub_date,body\nTrump misspoke,2018-07-18,Trump said on Tuesday that he misspoke.\n",
        "utf-8",
    )
    result = run("build", src, "-o", tmp_path / "site", "--no-cache", cwd=tmp_path)
    assert result.exit_code == 0, result.stderr
    assert "4 articles" in result.stderr
    pages = sorted(p.name for p in (tmp_path / "site" / "articles").iterdir())
    assert pages == ["page.html", "paul-in-moscow.html", "summit.html", "trump-misspoke.html"]


def test_the_command_line_starts_without_the_tagger() -> None:
    """The tagger compiles its patterns when imported (a quarter of a second of every command);
    it is imported where an article is tagged, so a build served from the cache never pays."""
    code = "import sys, timeline.cli; print('timeline.temporal' in sys.modules)"
    found = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                           check=True)  # fmt: skip
    assert found.stdout.strip() == "False"
