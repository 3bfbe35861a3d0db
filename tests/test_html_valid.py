"""Every generated page passes the Nu HTML Checker (vnu.jar) with zero errors.

The checker is one JVM call over all pages (a JVM starts slowly). Skipped when java or the jar is
missing, except under CI (``CI`` set), where that fails the run instead of passing it silently.
The jar: ``npm install --prefix .ci vnu-jar``; TIMELINE_VNU_JAR points at it (.ci/run sets it).
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest
from conftest import make_site_timeline, render_fixture_site

from timeline.config import Config
from timeline.write import write_site

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_JAR = ROOT / ".ci" / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"


def _vnu() -> list[str]:
    jar = Path(os.environ.get("TIMELINE_VNU_JAR") or DEFAULT_JAR)
    java = shutil.which("java")
    missing = [name for name, ok in (("java", java), (str(jar), jar.is_file())) if not ok]
    if missing:
        if os.environ.get("CI"):
            pytest.fail(f"CI: the HTML validity test needs {', '.join(missing)}")
        pytest.skip(f"needs {', '.join(missing)}")
    return [str(java), "-Xss4m", "-jar", str(jar)]


def _pages(folder: Path) -> list[Path]:
    return sorted(p for p in folder.rglob("*.html") if p.name != "fragment.html")


def _wrap_fragment(site: Path, into: Path) -> Path:
    """The fragment is made to sit inside someone's page: check it inside a minimal one."""
    fragment = (site / "embed" / "fragment.html").read_text("utf-8")
    page = into / "fragment-in-a-page.html"
    page.write_text(
        '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>A blog post</title>'
        f"</head><body><main>{fragment}</main></body></html>",
        "utf-8",
    )
    return page


def _seeds_site(into: Path) -> Path | None:
    """The real seeds, built through the whole pipeline, when it builds."""
    if not any((ROOT / "seeds").glob("*.md")):
        return None
    from timeline.api import build_site

    out = into / "seeds-site"
    build_site([ROOT / "seeds"], out, Config(base_url="https://news.example/helsinki/"))
    return out


@pytest.mark.slow
def test_every_page_passes_the_nu_html_checker(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import timeline.render

    command = _vnu()
    fixture = tmp_path / "fixture-site"
    tl = make_site_timeline()
    cfg = Config(title=tl.title, base_url="https://news.example/")
    write_site(render_fixture_site(tl, cfg), fixture)
    # the same timeline split into year pages, as thousands of events would be
    split = tmp_path / "split-site"
    with monkeypatch.context() as patch:
        patch.setattr(timeline.render, "PAGE_BUDGET", 3000)
        write_site(render_fixture_site(tl, cfg), split)
    assert (split / "years" / "2018" / "2.html").is_file()
    pages = [*_pages(fixture), _wrap_fragment(fixture, tmp_path), *_pages(split)]
    seeds = _seeds_site(tmp_path)
    if seeds is not None:
        pages += [*_pages(seeds), _wrap_fragment(seeds, seeds)]
    assert len(pages) > 15
    result = subprocess.run(
        [*command, "--errors-only", "--format", "json", *map(str, pages)],
        capture_output=True, text=True, timeout=600, check=False,
    )
    messages = json.loads(result.stderr or result.stdout or '{"messages": []}')["messages"]
    errors = [
        f"{m.get('url', '').split('/')[-3:]}:{m.get('lastLine')}: {m.get('message')}"
        for m in messages
        if m.get("type") in {"error", "non-document-error"}
    ]
    assert errors == [], "\n".join(errors[:40])
