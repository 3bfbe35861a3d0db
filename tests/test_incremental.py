"""A build whose inputs and output did not change since the last one does nothing, and any
change to either (an article, the config, a template, an output file) builds for real."""

from __future__ import annotations

import shutil
from dataclasses import replace
from pathlib import Path

import pytest

from timeline import api
from timeline.config import Config
from timeline.incremental import RECORD_FOLDER

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
Site = tuple[Path, Path, Path, Config]  # sources, output, cache, config


def snapshot(folder: Path) -> dict[str, bytes]:
    return {
        p.relative_to(folder).as_posix(): p.read_bytes()
        for p in sorted(folder.rglob("*")) if p.is_file()
    }


@pytest.fixture
def site(tmp_path: Path) -> Site:
    """A copy of a few seed articles, an output and a cache folder, built once."""
    sources = tmp_path / "articles"
    sources.mkdir()
    for name in sorted(p.name for p in SEEDS.glob("*.md"))[:3]:
        shutil.copy(SEEDS / name, sources / name)
    out, cache = tmp_path / "site", tmp_path / "cache"
    cfg = Config(title="Story")
    first = api.build_site([sources], out, cfg, cache=cache)
    assert not first.up_to_date
    return sources, out, cache, cfg


def build(site: Site, cfg: Config | None = None,
          cache: bool = True) -> api.BuildResult:
    sources, out, folder, default = site
    return api.build_site([sources], out, cfg or default, cache=folder if cache else None)


def full_build(site: Site, tmp_path: Path,
               cfg: Config | None = None) -> dict[str, bytes]:
    fresh = tmp_path / "fresh"
    api.build_site([site[0]], fresh, cfg or site[3], cache=None)
    return snapshot(fresh)


def test_nothing_changed_does_nothing_and_reports_the_last_build(site: Site) -> None:
    _, out, _, _ = site
    before = {p: p.stat().st_mtime_ns for p in out.rglob("*") if p.is_file()}
    result = build(site)
    assert result.up_to_date
    assert result.write.written == 0 and result.write.unchanged == len(before)
    assert result.articles == 3 and result.events > 0
    assert "up to date" in result.summary()
    assert {p: p.stat().st_mtime_ns for p in out.rglob("*") if p.is_file()} == before


def test_an_edited_article_builds_the_site_a_full_build_writes(site: Site, tmp_path: Path) -> None:
    sources, out, _, _ = site
    edited = sorted(sources.glob("*.md"))[0]
    edited.write_text(edited.read_text("utf-8") + "\nThe Senate voted on Tuesday.\n", "utf-8")
    result = build(site)
    assert not result.up_to_date and result.write.written > 0
    assert snapshot(out) == full_build(site, tmp_path)
    assert build(site).up_to_date  # and the next one has nothing to do again


def test_a_new_article_is_seen(site: Site) -> None:
    sources, _, _, _ = site
    (sources / "new.md").write_text(
        "---\ntitle: New\ndate: 2018-07-20\n---\nPutin accepted the invitation on Thursday.\n",
        "utf-8",
    )
    result = build(site)
    assert not result.up_to_date and result.articles == 4


def test_a_deleted_or_edited_output_file_is_restored(site: Site, tmp_path: Path) -> None:
    _, out, _, _ = site
    (out / "timeline.json").unlink()
    (out / "index.html").write_text("defaced", "utf-8")
    (out / "stray.txt").write_text("not ours", "utf-8")
    result = build(site)
    assert not result.up_to_date
    assert snapshot(out) == full_build(site, tmp_path)


def test_a_new_setting_builds(site: Site, tmp_path: Path) -> None:
    cfg = replace(site[3], title="Another title")
    result = build(site, cfg)
    assert not result.up_to_date
    assert snapshot(site[1]) == full_build(site, tmp_path, cfg)


def test_an_edited_template_builds(site: Site, tmp_path: Path) -> None:
    theme = tmp_path / "theme"
    theme.mkdir()
    (theme / "about.html").write_text(
        '{% extends "default/about.html" %}{% block title %}About v1{% endblock %}', "utf-8"
    )
    cfg = replace(site[3], templates=str(theme))
    assert not build(site, cfg).up_to_date
    assert build(site, cfg).up_to_date
    (theme / "about.html").write_text(
        '{% extends "default/about.html" %}{% block title %}About v2{% endblock %}', "utf-8"
    )
    assert not build(site, cfg).up_to_date
    # the templates' compiled code is kept with the cache, and an edit is still seen
    assert any(site[2].rglob("__jinja2_*.cache"))
    assert b"About v2" in (site[1] / "about" / "index.html").read_bytes()


def test_without_a_cache_every_build_is_real(site: Site) -> None:
    assert not build(site, cache=False).up_to_date


def test_a_damaged_record_means_a_real_build(site: Site) -> None:
    _, _, cache, _ = site
    for record in (cache / RECORD_FOLDER).glob("*.json"):
        record.write_text("{not json", "utf-8")
    assert not build(site).up_to_date
    assert build(site).up_to_date


def test_the_record_survives_a_cache_prepare(site: Site) -> None:
    # The extraction cache drops folders of other code versions; the build records are not one.
    _, _, cache, _ = site
    assert list((cache / RECORD_FOLDER).glob("*.json"))
    assert build(site).up_to_date


def test_a_symlinked_folder_pointing_up_does_not_loop(site: Site) -> None:
    """Neither the loader nor the inputs' digest follows symlinked folders (one pointing at its
    own parent once made the digest walk until the system refused the path)."""
    sources = site[0]
    (sources / "again").symlink_to(sources, target_is_directory=True)
    result = build(site)
    assert result.articles == 3  # nothing read twice through the link
    assert build(site).up_to_date
