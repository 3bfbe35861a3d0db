"""The docs contract: every command has help, and is documented in docs/cli.md with each of
its options; every config key is documented in docs/configuration.md."""

from __future__ import annotations

import re
from dataclasses import fields
from pathlib import Path

import click
import pytest

from timeline.cli import main
from timeline.config import Config

DOCS = Path(__file__).resolve().parent.parent / "docs"


def _docs(name: str) -> str:
    path = DOCS / name
    if not path.is_file():
        pytest.skip("not a source checkout")
    return path.read_text("utf-8")


@pytest.mark.parametrize("name", sorted(main.commands))
def test_every_command_has_help(name: str) -> None:
    command = main.commands[name]
    assert command.help and len(command.help.split()) >= 5
    for param in command.params:
        if isinstance(param, click.Option):
            assert param.help, f"{name} {param.opts} has no help"


@pytest.mark.parametrize("name", sorted(main.commands))
def test_every_command_is_documented(name: str) -> None:
    text = _docs("cli.md")
    heading = re.search(rf"^## timeline {name}$(.*?)(?=^## |\Z)", text, re.M | re.S)
    assert heading, f"docs/cli.md has no '## timeline {name}' section"
    section = heading.group(1)
    for param in main.commands[name].params:
        if isinstance(param, click.Option) and param.name != "help":
            longest = max(param.opts, key=len)
            assert longest in section, f"docs/cli.md: {name} does not document {longest}"


@pytest.mark.parametrize("key", [f.name for f in fields(Config)])
def test_every_config_key_is_documented(key: str) -> None:
    assert f"| `{key}` |" in _docs("configuration.md")
