"""Config: validated in one place, every problem at once, paths relative to the config file."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from timeline.config import Config, load_config, parse_config_text
from timeline.errors import ConfigError


def test_defaults_without_a_file(tmp_path: Path) -> None:
    cfg = load_config(tmp_path / "timeline.toml")
    assert cfg == Config()


def test_every_problem_is_reported_at_once() -> None:
    with pytest.raises(ConfigError) as info:
        Config.from_mapping(
            {"titel": "x", "timezone": "Mars/Olympus", "key_dates": -1, "drafts": "yes"}
        )
    message = str(info.value)
    assert "'titel' (did you mean 'title'?)" in message
    assert "Mars/Olympus" in message and "key_dates" in message and "drafts" in message
    assert "\n" not in message


def test_unknown_key_without_a_close_match_lists_the_known_ones() -> None:
    with pytest.raises(ConfigError, match=r"known keys: .*base_url"):
        Config.from_mapping({"zzzz": 1})


@pytest.mark.parametrize(
    ("key", "value"),
    [("base_url", 3), ("sources", []), ("sources", [1]), ("merge_text_threshold", 2),
     ("key_dates", True), ("output", ""), ("language", None)],
)
def test_bad_values_are_refused(key: str, value: object) -> None:
    with pytest.raises(ConfigError, match=key):
        Config.from_mapping({key: value})


def test_dashes_and_trailing_slash() -> None:
    cfg = Config.from_mapping({"base-url": "https://example.org/story"})
    assert cfg.base_url == "https://example.org/story/"


def test_paths_are_relative_to_the_config_folder(tmp_path: Path) -> None:
    site = tmp_path / "site"
    site.mkdir()
    (site / "timeline.toml").write_text(
        'title = "Helsinki"\nsources = ["articles", "more"]\ntemplates = "theme"\n', "utf-8"
    )
    cfg = load_config(site / "timeline.toml")
    assert cfg.title == "Helsinki"
    assert cfg.sources == (str(site / "articles"), str(site / "more"))
    assert cfg.templates == str(site / "theme")
    assert cfg.output == str(site / "output")  # defaults too
    assert cfg.cache == str(site / ".timeline-cache")


def test_overrides_win_only_when_given_and_are_not_rebased(tmp_path: Path) -> None:
    (tmp_path / "timeline.toml").write_text('output = "public"\ntitle = "T"\n', "utf-8")
    cfg = load_config(tmp_path / "timeline.toml", output="elsewhere", title=None)
    assert cfg.output == "elsewhere"
    assert cfg.title == "T"


def test_toml_syntax_error_names_the_line() -> None:
    with pytest.raises(ConfigError, match=r"^site/timeline.toml:2: not valid TOML"):
        parse_config_text('title = "x"\nbase_url = \n', "site/timeline.toml")


def test_toml_nested_too_deeply_is_one_line_not_a_recursion_error() -> None:
    with pytest.raises(ConfigError, match=r"^timeline.toml: not valid TOML \(nested too deep"):
        parse_config_text("title = " + "[" * 100_000 + "]" * 100_000 + "\n")


def test_a_config_saved_with_a_byte_order_mark_is_read(tmp_path: Path) -> None:
    path = tmp_path / "timeline.toml"
    path.write_bytes('\ufefftitle = "Helsinki"\n'.encode())  # as Windows Notepad saves it
    assert load_config(path).title == "Helsinki"


def test_config_that_is_not_utf8(tmp_path: Path) -> None:
    path = tmp_path / "timeline.toml"
    path.write_bytes(b'title = "\xff"\n')
    with pytest.raises(ConfigError, match="UTF-8"):
        load_config(path)


def test_config_path_that_is_a_folder(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="is a folder"):
        load_config(tmp_path)


@pytest.mark.parametrize(
    ("url", "problem"),
    [("javascript:alert(1)//", "is neither an http(s) URL nor a path"),
     ("example.org/news/", "is neither an http(s) URL nor a path"),
     ("ftp://example.org/", "is neither an http(s) URL nor a path"),
     ("https://example.org/a b/", "holds a space"),
     ('https://example.org/"><script>/', "holds a space or one of")],
)
def test_a_base_url_must_be_an_http_url_or_a_path(url: str, problem: str) -> None:
    with pytest.raises(ConfigError, match=f"base_url '.*' {re.escape(problem)}"):
        Config.from_mapping({"base_url": url})
    with pytest.raises(ConfigError, match=f"^--base-url: base_url '.*' {re.escape(problem)}"):
        load_config(None, base_url=url)  # from the flag, and said so


@pytest.mark.parametrize("url", ["/", "/news/", "http://localhost:8000/", "https://ex.org/a"])
def test_http_urls_and_paths_are_base_urls(url: str) -> None:
    assert Config.from_mapping({"base_url": url}).base_url.startswith(url)


def test_a_between_flag_backwards_is_named_as_the_flags() -> None:
    from datetime import date

    with pytest.raises(ConfigError, match=r"^--between: 2018-08-01 is after 2018-07-01; give"):
        load_config(None, between=(date(2018, 8, 1), date(2018, 7, 1)))
