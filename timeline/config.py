"""Typed configuration, validated in one place, every problem reported at once.

``timeline.toml`` holds flat ``key = value`` settings. Paths in it (sources, output, templates,
cache) are relative to the folder of the file, so a site builds the same from any directory;
paths given on the command line are relative to where the command runs, as in any tool.
"""

from __future__ import annotations

import contextlib
import difflib
import re
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, fields
from datetime import date, datetime
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from timeline.errors import ConfigError

CONFIG_FILE = "timeline.toml"
CACHE_FOLDER = ".timeline-cache"

# Settings that name files or folders: rebased on the config file's folder.
PATH_KEYS = frozenset({"sources", "output", "templates", "cache", "events_file"})

# The languages the tagger reads (``timeline.temporal.multilingual`` for all but English), kept
# here, with the check, so that loading articles need not import the tagger.
LANGUAGES = ("en", "de", "fr", "es", "ru")


def language_problem(lang: str) -> str | None:
    """Why ``lang`` ("en", "de-AT", "fr_CA") cannot be read, or None if it can."""
    if lang.lower().replace("_", "-").split("-")[0] in LANGUAGES:
        return None
    return f"language {lang!r} is not one timeline reads; use one of {', '.join(LANGUAGES)}"


@dataclass(frozen=True, slots=True)
class Config:
    """Everything a build needs to know besides the articles themselves."""

    title: str = "Timeline"
    base_url: str = "/"
    timezone: str = "UTC"
    language: str = "en"
    sources: tuple[str, ...] = ("seeds",)
    output: str = "output"
    templates: str | None = None
    cache: str = CACHE_FOLDER
    key_dates: int = 10
    merge_text_threshold: float = 0.35
    merge_name_threshold: float = 0.5
    drafts: bool = False
    between: tuple[date, date] | None = None  # keep only events (and key dates) in this range
    events_file: str | None = None  # CSV of hand-made events (besides events.csv in a source)

    @classmethod
    def from_mapping(cls, raw: Mapping[str, Any], origin: str = CONFIG_FILE) -> Config:
        """Validate raw settings; raise one ConfigError naming every bad key."""
        known = {f.name: f for f in fields(cls)}
        problems: list[str] = []
        values: dict[str, Any] = {}
        for key, value in raw.items():
            name = key.replace("-", "_")
            if name not in known:
                problems.append(_unknown(key, known))
                continue
            checked = _check(name, value, problems)
            if checked is not None:
                values[name] = checked
        if problems:
            raise ConfigError(f"{origin}: " + "; ".join(problems))
        return cls(**values)


def _unknown(key: str, known: Mapping[str, object]) -> str:
    close = difflib.get_close_matches(key.replace("-", "_"), known, n=1)
    hint = f"did you mean {close[0]!r}?" if close else f"known keys: {', '.join(sorted(known))}"
    return f"unknown key {key!r} ({hint})"


def _base_url_problem(url: str) -> str | None:
    """Why ``url`` cannot be the site's address (it goes into feeds, the sitemap, the calendar
    and the embed snippet), or None: an http(s) URL, or a path on the same host."""
    parts = urlsplit(url)
    absolute = parts.scheme in {"http", "https"} and bool(parts.netloc)
    path = not parts.scheme and not parts.netloc and url.startswith("/")
    if any(c.isspace() or c in '"<>`\\' for c in url):
        problem = "holds a space or one of \" < > ` \\"
    elif absolute or path:
        return None
    else:
        problem = "is neither an http(s) URL nor a path"
    return (
        f"base_url {url!r} {problem}; write the address the site will have, such as "
        "'https://example.org/news/' (or a path such as '/news/')"
    )


def _check(name: str, value: Any, problems: list[str]) -> Any:
    """Coerce one value to its field's type, or record why it cannot be."""
    if name in {
        "title", "base_url", "timezone", "language", "output", "templates", "cache", "events_file",
    }:
        if not isinstance(value, str) or (name != "title" and not value.strip()):
            problems.append(f"{name} must be a non-empty string, not {value!r}")
            return None
        if name == "base_url":
            if (problem := _base_url_problem(value)) is not None:
                problems.append(problem)
                return None
            if not value.endswith("/"):
                value += "/"
        if name == "language" and (problem := language_problem(value)) is not None:
            problems.append(problem)
            return None
        if name == "timezone":
            try:
                ZoneInfo(value)
            except (ZoneInfoNotFoundError, ValueError):
                problems.append(
                    f"timezone {value!r} is not an IANA zone such as 'America/New_York'"
                )
                return None
        return value
    if name == "sources":
        items = [value] if isinstance(value, str) else value
        if (
            not isinstance(items, list | tuple)
            or not items
            or not all(isinstance(s, str) and s.strip() for s in items)
        ):
            problems.append("sources must be a folder or a list of folders, e.g. [\"articles\"]")
            return None
        return tuple(items)
    if name == "key_dates":
        if not isinstance(value, int) or isinstance(value, bool) or value < 0:
            problems.append(f"key_dates must be a whole number ≥ 0, not {value!r}")
            return None
        return value
    if name in {"merge_text_threshold", "merge_name_threshold"}:
        if not isinstance(value, int | float) or isinstance(value, bool) or not 0 <= value <= 1:
            problems.append(f"{name} must be a number from 0 to 1, not {value!r}")
            return None
        return float(value)
    if name == "drafts":
        if not isinstance(value, bool):
            problems.append(f"drafts must be true or false, not {value!r}")
            return None
        return value
    if name == "between":
        return _check_between(value, problems)
    raise AssertionError(f"no check for config field {name}")  # a field added without a check


def _check_between(value: Any, problems: list[str]) -> tuple[date, date] | None:
    """Two ISO dates (TOML dates or strings), the first not after the second."""
    days: list[date] = []
    items = list(value) if isinstance(value, list | tuple) else [value]
    for item in items:
        if isinstance(item, datetime):
            item = item.date()
        if isinstance(item, str):
            with contextlib.suppress(ValueError):
                item = date.fromisoformat(item.strip())
        if isinstance(item, date):
            days.append(item)
    if len(days) != 2 or len(items) != 2 or days[0] > days[1]:
        problems.append(
            f"between must be two dates, first to last, e.g. [\"2018-07-01\", \"2018-08-31\"], "
            f"not {value!r}"
        )
        return None
    return days[0], days[1]


def parse_config_text(text: str, origin: str = CONFIG_FILE) -> dict[str, Any]:
    """TOML text → raw settings; a syntax error names the line to fix."""
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        found = re.search(r"at line (\d+)", str(exc))
        where = f"{origin}:{found.group(1)}" if found else origin
        fix = "fix that line" if found else "fix it"
        raise ConfigError(f"{where}: not valid TOML ({exc}); {fix}") from None
    except RecursionError:
        raise ConfigError(f"{origin}: not valid TOML (nested too deeply); fix it") from None


def rebase_paths(raw: Mapping[str, Any], folder: Path) -> dict[str, Any]:
    """Make the config file's relative paths relative to its folder (left as is if invalid:
    validation reports those)."""
    rebased = dict(raw)
    for key, value in raw.items():
        if key.replace("-", "_") not in PATH_KEYS:
            continue
        if isinstance(value, str) and value.strip():
            rebased[key] = str(folder / value)
        elif isinstance(value, list | tuple) and all(isinstance(v, str) and v for v in value):
            rebased[key] = [str(folder / v) for v in value]
    return rebased


def load_config(path: Path | None, **overrides: Any) -> Config:
    """Read ``timeline.toml`` (if it exists) and apply the overrides that were given.

    Without a file, relative paths (including the default ones) are relative to the current
    folder; with one, to the file's folder.
    """
    raw: dict[str, Any] = {}
    origin = str(path) if path else CONFIG_FILE
    if path is not None and path.is_dir():
        raise ConfigError(f"{origin}: is a folder; give the config file, e.g. {path / CONFIG_FILE}")
    if path is not None and path.exists():
        try:
            text = path.read_text("utf-8-sig")  # Windows editors may begin it with a BOM
        except UnicodeDecodeError as exc:
            raise ConfigError(f"{origin}: not UTF-8 text; save it as UTF-8") from exc
        except OSError as exc:
            raise ConfigError(f"{origin}: cannot be read: {exc.strerror}") from exc
        defaults = {f.name: f.default for f in fields(Config) if f.name in PATH_KEYS}
        raw = {**defaults, **parse_config_text(text, origin)}
        raw = rebase_paths({k: v for k, v in raw.items() if v is not None}, path.parent)
    given = {k: v for k, v in overrides.items() if v is not None}
    # the flags' own problems, named as the flags'
    if isinstance(url := given.get("base_url"), str) and (problem := _base_url_problem(url)):
        raise ConfigError(f"--base-url: {problem}")
    between = given.get("between")
    if isinstance(between, tuple | list) and len(between) == 2 and between[0] > between[1]:
        first, last = (d.isoformat() if isinstance(d, date) else d for d in between)
        raise ConfigError(f"--between: {first} is after {last}; give the first date first")
    return Config.from_mapping(raw | given, origin)
