"""Sentence segmentation for news text, with character offsets into the article text.

Hand-written rather than a library: on our gold set of tricky news sentences
(tests/data/segment_gold.json, measured by benchmarks/segment_eval.py) it beats pysbd, syntok
and sentencex, runs faster than all of them, and keeps exact offsets into the text. News copy
has a few conventions that general-purpose splitters miss: "Sen." and "Jan. 3" never end a
sentence, "2 p.m. Monday" goes on but "2 p.m. Officials" does not, and “… !” Trump said is one
sentence.

Every line is its own paragraph (datelines, bylines and list items stand on their own lines);
list and Markdown markers at a line start ("- ", "1. ", "> ", "## ") are left out of the span.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from timeline.model import fast_new


@dataclass(frozen=True, slots=True)
class Sentence:
    start: int
    end: int
    text: str
    index: int = 0  # position in the article, 0 for the first sentence (the lead)


# Every field by position (see ``fast_new``): thirty-odd sentences an article.
_new_sentence = fast_new(Sentence)

# Words that end in a period without ending a sentence in news copy.
_ABBREVIATIONS = frozenset(
    [
        "mr", "mrs", "ms", "messrs", "dr", "sen", "sens", "rep", "reps", "gov", "gen", "col", "lt",
        "sgt", "capt", "adm", "cmdr", "prof", "st", "jr", "sr", "rev", "hon", "pres", "sec", "atty",
        "supt", "insp", "amb", "rt", "inc", "corp", "co", "ltd", "llc", "bros", "dept", "univ",
        "ave", "blvd", "rd", "mt", "ft", "no", "nos", "vs", "etc", "al", "approx", "est", "fig",
        "p", "pp", "vol", "ed", "eds", "ph", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep",
        "sept", "oct", "nov", "dec", "mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri",
        "sat", "sun", "ala", "ariz", "ark", "calif", "colo", "conn", "del", "fla", "ga", "ill",
        "ind", "kan", "kans", "ky", "la", "md", "mass", "mich", "minn", "miss", "mo", "mont", "neb",
        "nev", "okla", "ore", "pa", "tenn", "tex", "va", "vt", "wash", "wis", "wyo"
    ]
)

# Capitalized words that may follow "a.m."/"p.m." inside the same sentence.
_AFTER_CLOCK = frozenset(
    [
        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "today",
        "tomorrow", "yesterday", "tonight", "et", "est", "edt", "ct", "cst", "cdt", "mt", "mst",
        "mdt", "pt", "pst", "pdt", "gmt", "bst", "utc", "cet", "cest", "local", "eastern",
        "central", "pacific", "mountain", "moscow", "washington", "london"
    ]
)

# Closed-class words that open sentences: after a dotted acronym ("D.C.") they mean a new one.
_OPENERS = frozenset(
    [
        "the", "a", "an", "he", "she", "it", "they", "we", "i", "you", "his", "her", "its", "their",
        "our", "this", "that", "these", "those", "there", "but", "and", "so", "yet", "or", "if",
        "when", "while", "after", "before", "as", "in", "on", "at", "for", "with", "by", "from",
        "to", "of", "however", "meanwhile", "still", "then", "now", "later", "earlier", "also",
        "some", "many", "most", "no", "none", "one", "two", "all", "both", "each", "mr", "mrs",
        "ms", "dr"
    ]
)

_SPEECH_VERBS = frozenset(
    [
        "said", "says", "wrote", "writes", "asked", "asks", "added", "adds", "told", "tweeted",
        "replied", "shouted", "continued"
    ]
)

# A run of end marks is matched whole (possessive), from its first mark only (the look-behind):
# a match must take the whole run anyway (what follows a shorter part is another mark, which the
# look-ahead refuses), and trying every mark of a long run, each giving back the rest, took time
# growing with the square of the run (a line of 50,000 dots: over two minutes). The look-behind
# comes after the first mark so that the pattern starts with a class, which the engine searches
# for in C (led by the look-behind, splitting took two fifths more instructions).
_BOUNDARY = re.compile(r"[.!?…](?<![.!?…]{2})[.!?…]*+[\"'”’)\]]*(?=\s*[\"'“‘`(\[]?[A-Z0-9])")
_LINE_MARKER = re.compile(r"[ \t]*(?:#{1,6}[ \t]+|>[ \t]*|[-*•+][ \t]+|\d{1,3}[.)][ \t]+)*")
_LINE = re.compile(r"[^\n]+")
_NEXT_WORD = re.compile(r"\s*[\"'“‘`(\[]?([A-Za-z]+)")
_ATTRIBUTION = re.compile(r"\s+(?:[A-Z][\w.'’-]*\s+){1,3}(\w+)")
_INITIALS = re.compile(r"(?:[A-Za-z]\.)*[A-Za-z]")
_TOKEN_CHARS = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz."


# Cached: the per-article stage splits each text twice in a row (events, then the body HTML).
@lru_cache(maxsize=256)
def split_sentences(text: str) -> tuple[Sentence, ...]:
    """Sentences of ``text`` in order; every line break ends a sentence."""
    spans: list[tuple[int, int]] = []
    for line in _LINE.finditer(text):
        start = _LINE_MARKER.match(text, line.start(), line.end())
        begin = start.end() if start else line.start()
        _split_line(text, begin, line.end(), spans)
    return tuple([_new_sentence(s, e, text[s:e], i) for i, (s, e) in enumerate(spans)])


def _split_line(text: str, start: int, end: int, out: list[tuple[int, int]]) -> None:
    begin = start
    # The run of letters and dots that ends where the last boundary started begins at ``run``;
    # each boundary's run is found from the text since the last one, going on from that run
    # if it reaches back to it. (Found from the sentence's start, it took time growing with the
    # square of a sentence with many periods that end none: "U.S. " 80,000 times, half a
    # minute.)
    run = seen = start
    for match in _BOUNDARY.finditer(text, start, end):
        if match.end() == end:
            continue
        at = match.start()
        if text[at] == ".":  # only a period's token is looked at
            token = _token_before(text, seen, at)
            if len(token) < at - seen:
                run = at - len(token)
            seen = at
        if not _ends_sentence(text, run if run > begin else begin, match):
            continue
        _emit(text, begin, match.end(), out)
        begin = match.end()
    _emit(text, begin, end, out)


def _next_word(text: str, pos: int) -> str:
    word = _NEXT_WORD.match(text[pos:pos + 40])
    return word.group(1) if word else ""


def _ends_sentence(text: str, token_start: int, match: re.Match[str]) -> bool:
    """Does the boundary end a sentence? ``token_start``: where the run of ASCII letters and
    dots before it (its token) starts, within the sentence."""
    punct, after = match.group(), match.end()
    spaced = after < len(text) and text[after].isspace()
    if punct[0] in "!?" and punct[-1] in "”\"'’" and spaced:
        # “This is a witch hunt!” Trump wrote. — the attribution belongs to the quote.
        rest = _ATTRIBUTION.match(text[after:after + 60])
        return not (rest and rest.group(1).lower() in _SPEECH_VERBS)
    if punct[0] != ".":
        return True
    at = match.start()
    if token_start == at:
        return spaced or not text[at - 1].isdigit()  # "3.5" never reaches here
    if not spaced:
        # "Monday.The talks" lost its space; "Ph.D" and "U.S" never get here with a lowercase
        # run before the dot. (A token of letters and dots is all letters if it has no dot:
        # searched from its end, not sliced, as "a.Ba.Ba.B…" makes one long token of them
        # all, whose search stops at the dot of the boundary before.)
        return at - token_start > 2 and text[at - 1].islower() and (
            text.rfind(".", token_start, at) < 0
        )
    token = text[token_start:at]  # whitespace follows: no later boundary's token has this run
    if token.lower() in {"a.m", "p.m"}:
        return _next_word(text, after).lower() not in _AFTER_CLOCK
    if token.lower().rstrip(".") in _ABBREVIATIONS:
        return False
    # Initials and dotted acronyms: "U.S.", "D.C.", "J. Smith". Usually the sentence goes on
    # ("the U.S. Senate"); a closed-class opener after a multi-letter acronym says it ended.
    if _INITIALS.fullmatch(token):
        return "." in token and _next_word(text, after).lower() in _OPENERS
    return True


def _token_before(text: str, begin: int, end: int) -> str:
    """The run of ASCII letters and dots that ends at ``end`` (not before ``begin``): what
    ``rstrip`` leaves off, where a ``[A-Za-z.]+$`` search would try every position of the
    sentence (and a loop back over the characters costs a turn of Python each)."""
    before = text[begin:end]
    return before[len(before.rstrip(_TOKEN_CHARS)):]


def _emit(text: str, start: int, end: int, out: list[tuple[int, int]]) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if start < end:
        out.append((start, end))
