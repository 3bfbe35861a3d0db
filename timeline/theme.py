"""Where the default theme is: the templates every site starts from."""

from __future__ import annotations

from pathlib import Path

from timeline.errors import TimelineError


def default_theme_dir() -> Path:
    """The packaged default theme; in a source checkout, the repository's ``templates/``."""
    here = Path(__file__).resolve().parent
    for candidate in (here / "templates", here.parent / "templates"):
        if (candidate / "base.html").is_file():
            return candidate
    raise TimelineError("the default theme is missing from this installation; reinstall timeline")
