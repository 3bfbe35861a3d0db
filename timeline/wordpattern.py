"""Regex alternations of literal words, factored so that the regex engine scans them faster.

Python's ``re`` tries the branches of ``(?:said|says|announced|…)`` one by one wherever the
pattern may start, so a list of eighty words costs eighty failed tests at every word of a
sentence. ``alternation`` groups the words by their first character and keeps their order
inside each group: ``(?:s(?:aid|ays)|announced)``. A word of one initial can never match
where a word of another one does, so the first branch to match (and the match) is the one the
flat form would give: only the failed tests are fewer.
"""

from __future__ import annotations

import re
from collections.abc import Iterable


def alternation(words: Iterable[str], *, ignore_case: bool = False) -> str:
    """``(?:w1|w2|…)`` for literal ``words``, factored by first character.

    ``ignore_case``: the pattern will be compiled with ``re.I``, so words whose initials differ
    only in case share a group (ASCII initials: under ``re.I`` two different ASCII letters
    never match the same character)."""
    groups: dict[str, list[str]] = {}
    for word in words:
        if not word:
            raise ValueError("alternation: an empty word would match everywhere")
        if ignore_case and not word[0].isascii():
            raise ValueError(f"alternation: {word!r} does not start with an ASCII character")
        groups.setdefault(word[0].lower() if ignore_case else word[0], []).append(word)
    branches = []
    for initial, group in groups.items():
        rests = [re.escape(word[1:]) for word in group]
        tail = rests[0] if len(rests) == 1 else f"(?:{'|'.join(rests)})"
        branches.append(re.escape(initial) + tail)
    return f"(?:{'|'.join(branches)})"


class AtWordStarts:
    r"""The pattern ``\b`` + ``body`` (``body`` starting with a word character in every match,
    as a word list does), searched faster. A pattern led by ``\b`` is tried at every character
    of a text; this one is two: ``body`` at the text's start, and ``\W`` + ``body``, whose
    leading class lets the engine skip by itself to the characters that can come before a
    word (a space, mostly). The same matches, in group 1 (``\W`` is the character before)."""

    def __init__(self, body: str, flags: int = 0) -> None:
        self._at_start = re.compile(f"({body})", flags)
        self._after = re.compile(rf"\W({body})", flags)

    def finditer(self, text: str) -> list[re.Match[str]]:
        """The matches ``re.finditer`` finds, in order (if ``body`` ends with a word character,
        so that the character before the next one is outside the one before)."""
        first = self._at_start.match(text)
        if first is None:
            return list(self._after.finditer(text))
        return [first, *self._after.finditer(text, first.end())]

    def found_in(self, text: str) -> bool:
        """Whether ``re.search`` finds a match."""
        return self._at_start.match(text) is not None or self._after.search(text) is not None
