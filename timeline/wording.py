"""Words of the messages the command line prints."""

from __future__ import annotations


def counted(number: int, noun: str) -> str:
    """ "1 article", "2 articles": a count as a person would write it (regular plurals)."""
    return f"{number} {noun}" if number == 1 else f"{number} {noun}s"
