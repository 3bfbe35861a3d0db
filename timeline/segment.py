"""Sentence segmentation for news text, with character offsets into the article text."""

from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Sentence:
    start: int
    end: int
    text: str


# Words that end in a period without ending a sentence in news copy.
_ABBREVIATIONS = frozenset(
    """mr mrs ms dr sen rep gov gen col lt sgt capt adm prof st jr sr rev hon pres sec atty
    supt insp amb inc corp co ltd bros dept univ ave blvd mt ft no vs etc al approx est fig
    jan feb mar apr jun jul aug sep sept oct nov dec mon tue tues wed thu thur thurs fri sat sun
    ala ariz ark calif colo conn del fla ga ill ind kan kans ky la md mass mich minn miss mo
    mont neb nev okla ore pa tenn tex va vt wash wis wyo""".split()
)

_BOUNDARY = re.compile(r"[.!?…]+[\"'”’)\]]*(?=\s+[\"'“‘(\[]?[A-Z0-9])")


def split_sentences(text: str) -> tuple[Sentence, ...]:
    """Sentences of ``text`` in order; paragraphs (blank or single newlines) always split."""
    sentences: list[Sentence] = []
    for para in re.finditer(r"[^\n]+", text):
        _split_paragraph(text, para.start(), para.end(), sentences)
    return tuple(sentences)


def _split_paragraph(text: str, start: int, end: int, out: list[Sentence]) -> None:
    begin = start
    for match in _BOUNDARY.finditer(text, start, end):
        if not _ends_sentence(text, begin, match.start(), match.group()):
            continue
        _emit(text, begin, match.end(), out)
        begin = match.end()
    _emit(text, begin, end, out)


def _ends_sentence(text: str, begin: int, dot: int, punct: str) -> bool:
    if not punct.startswith("."):
        return True
    word = re.search(r"([A-Za-z.]+)$", text[begin:dot])
    if word is None:
        return True
    token = word.group(1)
    if token.lower().rstrip(".") in _ABBREVIATIONS:
        return False
    # Initials and dotted acronyms: "U.S.", "D.C.", "J. Smith". A dotted acronym usually
    # continues the sentence in news copy ("the U.S. Senate"), so keep it attached.
    return not re.fullmatch(r"(?:[A-Za-z]\.)*[A-Za-z]", token)


def _emit(text: str, start: int, end: int, out: list[Sentence]) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if start < end:
        out.append(Sentence(start, end, text[start:end]))
