"""How alike two reports are: content words (lightly stemmed, with a few news synonyms) and names.

Used to decide that two sentences report the same event (``merge``) and that a later report is
what an earlier one expected (``followup``). Dependency-free on purpose: sentence embeddings
would be better at paraphrase but would put a model download in the core install.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache


def _words_of(text: str) -> frozenset[str]:
    return frozenset(text.split())


_WORD = re.compile(r"[a-z][a-z0-9'-]*[a-z0-9]")
_POSSESSIVE = re.compile(r"'s?\b")
_STOP = _words_of(
    """the a an of to in on at for and or but that this with by from as is was were be been being
    has had have he she it they we you i his her its their our said says will would could should
    may might can not no than then there these those who whom which what when where while also
    about after before over into out up more most some any all one two its it's he's she's
    monday tuesday wednesday thursday friday saturday sunday today yesterday tomorrow week weeks
    month months year years day days just only very own such other last next first
    president sen senator rep secretary minister mr mrs ms dr r-ky d-ny
    coming few must my your take took wrote help further himself herself themselves"""
)
# A few classes of news verbs and nouns that report the same thing in different words.
_CONCEPTS = {
    **dict.fromkeys(
        _words_of("travel trip visit arrive arriv head go went fly flew land journey tour"),
        "~travel",
    ),
    **dict.fromkeys(_words_of("meet met meeting talk summit session"), "~meet"),
    **dict.fromkeys(_words_of("testify testimony hear hearing"), "~testify"),
    **dict.fromkeys(_words_of("indict indictment charg"), "~charge"),
    **dict.fromkeys(_words_of("interfer meddl interference meddling hack"), "~meddle"),
    **dict.fromkeys(_words_of("kill dead die death"), "~die"),
    **dict.fromkeys(_words_of("announc unveil"), "~announce"),
    **dict.fromkeys(_words_of("sign agree deal agreement"), "~agree"),
    # Capitals stand for their countries: "arrived in Moscow" fulfils "trip to Russia".
    **dict.fromkeys(_words_of("russia moscow russian kremlin"), "~russia"),
    **dict.fromkeys(_words_of("ukraine kiev kyiv ukrainian"), "~ukraine"),
    **dict.fromkeys(_words_of("china beijing chinese"), "~china"),
    **dict.fromkeys(_words_of("finland helsinki finnish"), "~finland"),
    **dict.fromkeys(_words_of("britain london british uk"), "~britain"),
}


@lru_cache(maxsize=65536)
def _stem(word: str) -> str:
    for suffix in ("ings", "ing", "ed", "es", "s"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            word = word[: -len(suffix)]
            break
    return _CONCEPTS.get(word, word)


@lru_cache(maxsize=65536)
def _chunk_words(chunk: str) -> frozenset[str]:
    """Content words of one whitespace-free piece of text."""
    return frozenset(
        _stem(w) for w in _WORD.findall(_POSSESSIVE.sub("", chunk.lower().replace("’", "'")))
        if w not in _STOP
    )


@lru_cache(maxsize=65536)
def words(text: str) -> frozenset[str]:
    """Content words of a text as comparable tokens."""
    # No token, possessive or lowercasing reaches across whitespace, so a text's words are
    # those of its whitespace-separated pieces, and the pieces repeat from text to text.
    return frozenset().union(*map(_chunk_words, text.split()))


def name_tokens(names: Iterable[str]) -> frozenset[str]:
    """Words of the names an event mentions, to compare them apart from the text."""
    return _name_tokens(tuple(names))


@lru_cache(maxsize=4096)
def _name_tokens(names: tuple[str, ...]) -> frozenset[str]:
    # Cached: a story names the same few people in thousands of sentences.
    return frozenset(_stem(w) for n in names for w in _WORD.findall(n.lower().replace("’", "'")))


def content_words(text: str, people: Iterable[str]) -> frozenset[str]:
    """Content words without people's names: "Trump" in two sentences is compared as a name.
    (Organizations stay: "Politico" says what was published.)"""
    return words(text) - _name_tokens(tuple(people))


def focus_words(sentence: str, start: int, end: int, people: Iterable[str], radius: int = 8) -> (
    frozenset[str]
):
    """Content words within ``radius`` words of the span ``[start, end)`` of the sentence: what
    a long sentence says about the event its expression dates."""
    before = sentence[:start].split()[-radius:]
    after = sentence[end:].split()[:radius]
    pieces = [*before, *sentence[start:end].split(), *after]
    return frozenset().union(*map(_chunk_words, pieces)) - _name_tokens(tuple(people))


def dice(a: frozenset[str], b: frozenset[str]) -> float:
    if not a or not b:
        return 0.0
    return 2 * len(a & b) / (len(a) + len(b))


def name_similarity(a: Iterable[str], b: Iterable[str]) -> float:
    """Jaccard of the names two events mention; 0 when either mentions none."""
    sa = a if isinstance(a, set | frozenset) else set(a)  # merge asks with sets, many times
    sb = b if isinstance(b, set | frozenset) else set(b)
    if not sa or not sb:
        return 0.0
    return len(sa & sb) / len(sa | sb)
