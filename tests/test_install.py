"""The wheel ships the default theme, and an installed timeline finds it from any directory."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    if not (REPO / "pyproject.toml").is_file():
        pytest.skip("not a source checkout")
    dist = tmp_path_factory.mktemp("dist")
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q",
         "-w", str(dist), str(REPO)],
        check=True, capture_output=True,
    )
    (built,) = dist.glob("*.whl")
    return built


def test_wheel_contains_the_default_theme(wheel: Path) -> None:
    names = set(zipfile.ZipFile(wheel).namelist())
    theme = sorted(p.name for p in (REPO / "templates").glob("*.html"))
    assert theme, "the repository's templates/ has no templates"
    for name in theme:
        assert f"timeline/templates/{name}" in names
    assert "timeline/schema/timeline.schema.json" in names


def test_installed_package_builds_from_another_directory(wheel: Path, tmp_path: Path) -> None:
    unpacked = tmp_path / "site-packages"
    zipfile.ZipFile(wheel).extractall(unpacked)
    article = tmp_path / "articles" / "a.md"
    article.parent.mkdir()
    article.write_text("---\ntitle: T\ndate: 2018-07-16\n---\nPaul spoke on Monday.\n", "utf-8")
    elsewhere = tmp_path / "cwd"
    elsewhere.mkdir()
    code = (
        "import sys, timeline.render as r, timeline.api as api; from pathlib import Path;"
        f"assert Path(r.default_theme_dir()).is_relative_to({str(unpacked)!r}), "
        "r.default_theme_dir();"
        f"api.build_site([Path({str(article.parent)!r})], Path('out'))"
    )
    # Only the unpacked wheel (and the venv's dependencies) on the path: not the checkout.
    env = {"PYTHONPATH": str(unpacked), "PATH": "/usr/bin:/bin"}
    script = f"import sys; sys.path.insert(0, {str(unpacked)!r}); {code}"
    subprocess.run([sys.executable, "-I", "-c", script],
                   cwd=elsewhere, check=True, env=env, capture_output=True, text=True)
    assert (elsewhere / "out" / "index.html").is_file()
    assert (elsewhere / "out" / "timeline.json").is_file()
