"""Typed configuration, validated in one place, every problem reported at once."""

from __future__ import annotations

import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, fields
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from timeline.errors import ConfigError

CONFIG_FILE = "timeline.toml"


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
    key_dates: int = 10
    merge_text_threshold: float = 0.35
    merge_name_threshold: float = 0.5
    drafts: bool = False

    @classmethod
    def from_mapping(cls, raw: Mapping[str, Any], origin: str = CONFIG_FILE) -> Config:
        """Validate raw settings; raise one ConfigError naming every bad key."""
        known = {f.name: f for f in fields(cls)}
        problems: list[str] = []
        values: dict[str, Any] = {}
        for key, value in raw.items():
            name = key.replace("-", "_")
            if name not in known:
                problems.append(f"unknown key {key!r} (known: {', '.join(sorted(known))})")
                continue
            checked = _check(name, value, problems)
            if checked is not None:
                values[name] = checked
        if problems:
            raise ConfigError(f"{origin}: " + "; ".join(problems))
        return cls(**values)


def _check(name: str, value: Any, problems: list[str]) -> Any:
    """Coerce one value to its field's type, or record why it cannot be."""
    if name in {"title", "base_url", "timezone", "language", "output", "templates"}:
        if not isinstance(value, str):
            problems.append(f"{name} must be a string, not {value!r}")
            return None
        if name == "base_url" and not value.endswith("/"):
            value += "/"
        if name == "timezone":
            try:
                ZoneInfo(value)
            except (ZoneInfoNotFoundError, ValueError):
                problems.append(f"timezone {value!r} is not an IANA zone such as 'America/New_York'")
                return None
        return value
    if name == "sources":
        items = [value] if isinstance(value, str) else value
        if not isinstance(items, list | tuple) or not all(isinstance(s, str) for s in items):
            problems.append("sources must be a folder or a list of folders")
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
    raise AssertionError(f"no check for config field {name}")  # a field added without a check


def load_config(path: Path | None, **overrides: Any) -> Config:
    """Read ``timeline.toml`` (if it exists) and apply the overrides that were given."""
    raw: dict[str, Any] = {}
    origin = str(path) if path else CONFIG_FILE
    if path is not None and path.exists():
        try:
            raw = tomllib.loads(path.read_text("utf-8"))
        except tomllib.TOMLDecodeError as exc:
            raise ConfigError(f"{origin}: not valid TOML: {exc}") from exc
        except UnicodeDecodeError as exc:
            raise ConfigError(f"{origin}: not UTF-8 text; save it as UTF-8") from exc
    raw |= {k: v for k, v in overrides.items() if v is not None}
    return Config.from_mapping(raw, origin)
