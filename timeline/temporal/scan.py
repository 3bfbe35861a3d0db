"""Finding candidates fast: try the patterns only where an expression can start.

Running ``recognize.MASTER`` at every position costs dozens of failed branches per character.
Instead, ``triggers()`` (a trie of the words every expression contains: a month, a weekday, a unit,
a digit, "now", ...) finds the few places worth a look, and the patterns are tried only at the
word starts just before each trigger. Each start word gets its own regex holding only the kinds
that can begin with it ("friday" → mdy, weekday), found once with the ``regex`` module's partial
matching, so a failed attempt is cheap too. The result is what ``MASTER.finditer`` would give.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from typing import Any, NamedTuple

import regex  # type: ignore[import-untyped]

from timeline.temporal.lexicon import trie_regex, words
from timeline.temporal.recognize import (
    ASCII_CLASSES,
    GROUPS,
    MASTER,
    PATTERNS,
    START_WORDS,
    UNICODE_CLASSES,
    _scoped,
    ascii_words,
    master_pattern,
    triggers,
)

_LOOKBACK = 24  # characters before a trigger where its expression may start ("the end of the ")
_DIGIT_PROBES = ("0", "1", "2", "3", "9", "12", "19", "20", "199", "200", "1989")
_FOLLOWERS = (" ", "-", ".", ",", "'", ":", "/")


class Candidate(NamedTuple):
    """One regex match: its span, its kind, and the parts its named groups captured."""

    start: int
    end: int
    kind: str
    parts: dict[str, str]


def _kinds_starting_with(
    probes: tuple[str, ...], compiled: list[tuple[str, regex.Pattern[str]]], stem: str = ""
) -> tuple[str, ...]:
    """The kinds some probe can begin. A kind that cannot even begin with ``stem``, the part
    all probes share, is ruled out with one match instead of one per probe (most kinds, for
    most words: this makes the table several times cheaper to build at import)."""
    return tuple(
        kind
        for kind, rx in compiled
        if (not stem or rx.match(stem, partial=True))
        and any(rx.match(probe, partial=True) for probe in probes)
    )


_COMPILED: dict[tuple[str, ...], re.Pattern[str]] = {}
_MATCHERS: dict[str, re.Pattern[str] | None] = {}
_UNTRIED: Any = object()


def _regex_for(
    kinds: tuple[str, ...], lead: str = "", leads: dict[str, str] | None = None
) -> re.Pattern[str]:
    """The regex for these kinds, compiled on first use (there are a few dozen sets); the
    kinds' own look-aheads go with ``lead``, written for one start word."""
    found = _COMPILED.get((*kinds, lead))
    if found is None:
        found = _COMPILED[(*kinds, lead)] = re.compile(lead + master_pattern(kinds, leads))
    return found


# What every expression's regex asks first (``master_pattern``): nothing of a word, an amount,
# a decimal, a number or a date just before it. A digit that follows one ("$141.9 million",
# the "9" of "141.9", "1,000") fails there, and it is a third of the digits tried: asked
# before the look-ahead below, it spares that too (both only look, so the match is the same).
_NOT_AFTER = r"(?<![\w$£€.,#/:-])"
# What follows a number where an expression starts with it, for the kinds that can ("1" in
# DISPATCH): a year (four digits) stands alone, a day after "24 and" too ("andday"); any
# other number is followed by a character of its own kind ("-" of a date, "/" or "." of
# "7/16" or "4.30", ":" of a time, "," or "." of a decimal, "'s" or "s" of a decade, "st",
# "nd", "rd", "th" of an ordinal, "am", "pm", "o'clock" of a time) or, after white space, by a
# word of one: "a.m.", "in the morning", a month ("16 July", "16 of July"), "more", a unit,
# "trading days", a fraction ("3 1/2"). A look-ahead (prefixes of those words will do) that
# fails at "12 million", "50 cents", "3 percent", "the 12 people" makes a failed attempt at
# a number, the most frequent kind, several times cheaper; where it holds, the match is the
# same. (``tests/test_temporal_properties`` checks it against the regex without it.)
_YEAR_AHEAD = r"(?:1[6-9]|20)\d\d(?!\d)"
# the characters, and the words after white space (a pattern and the strings it stands for)
_AFTER_DIGITS = "-/.:,'\u2019snrtapo"
_DIGITS_THEN = {
    "[0-9-]": (*"0123456789", "-"), r"a\.": ("a.",), "am": ("am",), r"p\.": ("p.",),
    "pm": ("pm",), "o'": ("o'",),
    **{w: (w,) for w in words(
        """in of jan feb mar apr may jun jul aug sep oct nov dec trading business working more
        sec min hour day night week fortnight month quarter year decade centur"""
    )},
}  # fmt: skip
_DIGIT_LEAD = (
    _NOT_AFTER + rf"(?={_YEAR_AHEAD}|(?<=\sand\s)|(?<=\sor\s)|\d+(?:[{_AFTER_DIGITS}]"
    rf"|\s+(?:{'|'.join(_DIGITS_THEN)})))"
)
# the kinds _DIGIT_LEAD was written for
DIGIT_KINDS = frozenset(
    ("iso", "numdate", "time", "mdy", "quarter", "decade", "year", "ago", "ordday", "duration",
     "andday")
)  # fmt: skip
# The same for "the", the most frequent start word, and mostly of no expression ("the
# company"): every kind that can start with it reads white space and one of these words (or
# their beginnings: "year" of "year-ago", "late" of "latest", "four" of "fourth") next, a
# number or "'80s", or "a"/"an" (a number may be "a few", a modifier "an additional"), as
# its patterns show (and partial matches of "the <word>" over TBAQ's and the lexicon's words).
_THE_NEXT_WORDS = words(
    """additional afternoon another autumn beginning better centur coming comparable
        corresponding couple current day decade dozen early eight eleven end ensuing entire
        evening fall few fifteen fifth fifties fifty final first fiscal five following forties
        fortnight forty four full further future fy half hour hundred initial last late long
        many mid minute month more morning near new next night nine ninth one past period
        present previous prior quarter recent remaining rest same second seven several short
        single six spring start summer ten third thirteen thirties thirty this three time
        twelve twenties twenty two week whole winter year"""
)
_THE_LEAD = rf"(?=the\s+(?:[0-9'\u2019]|an?[\s-]|{trie_regex(_THE_NEXT_WORDS)}))"
THE_KINDS = frozenset(
    ("quarter", "fiscal", "decade", "season", "holiday", "month", "weekday", "relday", "year",
     "relunit", "ordday", "duration", "ref")
)  # fmt: skip
# The same for "a", mostly of no expression either ("a company"): its kinds read white space
# (or "-" of "a-year") and then a number of a quarter's year, one of these words or their
# beginnings: a quarter's ("a fiscal quarter", "a year-ago period", "a second half"), a
# count's ("a few", "a couple", "a dozen", "a number of", "a trading day", "a more"), a unit,
# a set's ("a other", a weekday, a month, a season: "every" kinds) or a ref's ("a while", "a
# later date", "a very long period").
_A_NEXT_WORDS = words(
    """afternoon apr aug autumn brief business centur comparable considerable coming
        corresponding couple current day dec decade dozen evening extended fairly fall feb few
        final first fiscal fortnight fourth friday half hour hundred indefinite jan jul jun
        last latest later lengthy long mar may minute monday month more morning next night nov
        number oct other past period previous prior prolonged quarter rather recent relatively
        same saturday second sep short spring summer sunday third thursday trading tuesday very
        wednesday week while winter working year"""
)
_A_LEAD = rf"(?=a[\s-]+(?:[0-9]|{trie_regex(_A_NEXT_WORDS)}))"
A_KINDS = frozenset(("quarter", "ago", "set", "duration", "ref"))
_DIGITS = tuple("0123456789")


def _leads_by_kind(
    word: str,
    gap: str,
    gaps: tuple[str, ...],
    classes: dict[str, tuple[str, ...]],
    next_words: list[str],
) -> dict[str, str]:
    """Each kind of ``word`` gets its own look-ahead: ``word``, ``gap`` and those of the
    look-ahead's alternatives (``classes``, a pattern and the strings it stands for, and
    ``next_words``) the kind can begin with after it, by partial matches as for DISPATCH.
    Where the look-ahead of them all holds ("the first", "the end"), the regex still tries
    its kinds one by one, each of them the whole way: with its own, each kind that cannot go
    on with that word fails at once. (A kind that can go on with none never matches past the
    look-ahead of them all: it fails at once too.)"""
    leads = {}
    for kind, pattern in PATTERNS:
        if kind not in DISPATCH[word]:
            continue
        rx = regex.compile(_scoped(kind, pattern))

        def begins(after: str, rx: regex.Pattern[str] = rx) -> bool:
            return any(rx.match(word + g + after, partial=True) for g in gaps)

        alts = [c for c, probes in classes.items() if any(begins(p) for p in probes)]
        if own := [w for w in next_words if begins(w)]:
            alts.append(trie_regex(own))
        leads[kind] = rf"(?={word}{gap}(?:{'|'.join(alts)}))" if alts else "(?!)"
    return leads


def _matcher(word: str) -> re.Pattern[str] | None:
    """The regex to try where ``word`` starts; None when no expression starts so."""
    try:
        return _MATCHERS[word]
    except KeyError:
        kinds = DISPATCH.get(word)
        lead, known, leads = _LEADS.get(word, ("", frozenset(), {}))
        if not (kinds and known.issuperset(kinds)):
            lead, leads = "", {}
        found = _MATCHERS[word] = _regex_for(kinds, lead, leads) if kinds else None
        return found


def _dispatch() -> dict[str, tuple[str, ...]]:
    compiled = [(kind, regex.compile(_scoped(kind, p))) for kind, p in PATTERNS]
    table = {
        w: _kinds_starting_with(tuple(w + f for f in _FOLLOWERS), compiled, stem=w)
        for w in set(START_WORDS)
    }
    # ("andday" begins with a look-behind, which a probe without its context cannot pass)
    digits = (*_kinds_starting_with(_DIGIT_PROBES, compiled), "andday")
    table.update(dict.fromkeys("0123456789", digits))
    table["'"] = table["\u2019"] = _kinds_starting_with(("'9", "\u20199"), compiled)
    return {w: kinds for w, kinds in table.items() if kinds}


DISPATCH = _dispatch()


def _digit_leads_by_kind() -> dict[str, str]:
    """Each kind that can start with a number gets its own look-ahead too, of the
    alternatives of ``_DIGIT_LEAD`` it can begin with (a year, a character, a word after
    white space: partial matches at the numbers of ``_NUMBER_PROBES``), as ``_leads_by_kind``
    does for words: at "3.5 million", "12th", "30 americans" most kinds fail at once. "and"
    and "or" before it are asked only by a kind whose own pattern asks what comes before
    the number ("andday"): any other matches at a number whatever precedes it, so a match
    of it after "and" is one after any other word, which another alternative lets through."""
    leads = {}
    for kind, pattern in PATTERNS:
        if kind not in DISPATCH["1"] or "(?<" in pattern:
            continue
        rx = regex.compile(_scoped(kind, pattern))

        def begins(after: str, numbers: tuple[str, ...], rx: regex.Pattern[str] = rx) -> bool:
            return any(rx.match(n + after, partial=True) for n in numbers)

        alts = [_YEAR_AHEAD] if any(rx.match(y, partial=True) for y in _YEARS) else []
        # (a word after white space only after the numbers white space can follow: the same
        # answers, as a string can begin a match only if its beginnings can, several times
        # cheaper at import)
        spaced = tuple(n for n in _NUMBER_PROBES if rx.match(n + " ", partial=True))
        then = [
            w for w, probes in _DIGITS_THEN.items() if any(begins(" " + p, spaced) for p in probes)
        ]
        if chars := "".join(c for c in _AFTER_DIGITS if begins(c, _NUMBER_PROBES)):
            alts.append(rf"\d+[{chars}]")
        if then:
            alts.append(rf"\d+\s+(?:{'|'.join(then)})")
        leads[kind] = f"(?={'|'.join(alts)})" if alts else "(?!)"
    return leads


_YEARS = ("1600", "1789", "1900", "1989", "1999", "2000", "2019", "2099")
# every digit and day of a month, and numbers of three and four digits ("4th quarter", "31st")
_NUMBER_PROBES = (*map(str, range(32)), "99", "100", "199", "200", "999", "1000", *_YEARS, "9999")
# start word -> (look-ahead, the kinds it was written for: another kind needs a new look,
# each kind's own look-ahead)
_LEADS: dict[str, tuple[str, frozenset[str], dict[str, str]]] = {
    **dict.fromkeys("0123456789", (_DIGIT_LEAD, DIGIT_KINDS, _digit_leads_by_kind())),
    "the": (
        _THE_LEAD,
        THE_KINDS,
        _leads_by_kind(
            "the", r"\s+", (" ",),
            {"[0-9]": _DIGITS, "['\u2019]": ("'", "\u2019"),
             r"an?[\s-]": ("a ", "an ", "a-", "an-")},
            _THE_NEXT_WORDS,
        ),
    ),
    "a": (
        _A_LEAD,
        A_KINDS,
        _leads_by_kind("a", r"[\s-]+", (" ", "-", " - ", "- ", " -"), {"[0-9]": _DIGITS},
                       _A_NEXT_WORDS),
    ),
}  # fmt: skip

# A word of DISPATCH, a digit, or an apostrophe ("'90s"): where an expression may begin.
# Each is found by the character before it (the \W that \b checks), which the match consumes,
# the start word itself read by a look-ahead (group 1): a pattern led by a character class lets
# the engine skip the letters of a word in C instead of trying the pattern at each of them. The
# text's first character has none before it: ``_FIRST`` is tried there. The words are read by
# a trie of DISPATCH's, so each word found has a regex: half the words of a window start none,
# and a turn of the loop for each cost more than the trie's reading them.
_DISPATCHED = trie_regex(w for w in DISPATCH if w.isalpha())
# Each made twice: with the classes for any text, and with those tested from a table where
# letters and digits are all ASCII (as for the triggers, ``recognize.ascii_words``): a fifth
# faster.


def _start_words(gap: str, digit: str) -> re.Pattern[str]:
    return re.compile(rf"{gap}(?=({_DISPATCHED}(?![a-z])|{digit}|(?<!['\u2019])['\u2019]))")


def _first_word(digit: str) -> re.Pattern[str]:
    return re.compile(rf"[a-z]+|{digit}|['\u2019]")


_START, _FIRST = _start_words(*UNICODE_CLASSES), _first_word(UNICODE_CLASSES[1])
_START_ASCII, _FIRST_ASCII = _start_words(*ASCII_CLASSES), _first_word(ASCII_CLASSES[1])


def lower(text: str) -> str:
    """``text`` lower-cased with every character kept at its offset."""
    low = text.lower()
    return low if len(low) == len(text) else "".join(c.lower()[0] for c in text)


class Scanner:
    """Yields the candidates of one text in order; ``next(pos)`` allows re-reading after a
    rejected candidate."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.low = lower(text)
        ascii_only = ascii_words(self.low)
        self.triggers = triggers(self.low, ascii_only)
        self.start_words, self.first_word = (
            (_START_ASCII, _FIRST_ASCII) if ascii_only else (_START, _FIRST)
        )
        self.i = 0
        # The windows of nearby triggers overlap: the start words of ``low[read_from:read_to]``
        # are kept (``starts``, with their regexes), so each part of the text is read once,
        # and the match at each start is made once (``tried``).
        self.read_from = self.read_to = 0
        self.starts: list[int] = []
        self.matchers: list[re.Pattern[str]] = []
        self.tried: dict[int, re.Match[str] | None] = {}

    def next(self, pos: int) -> Candidate | None:
        """The leftmost candidate that starts at or after ``pos``."""
        low, triggers, tried, i = self.low, self.triggers, self.tried, self.i
        starts, matchers = self.starts, self.matchers
        while i < len(triggers):
            t_start, t_end = triggers[i]
            if t_end <= pos:
                i += 1
                continue
            lo = max(pos, t_start - _LOOKBACK)
            if t_end > self.read_to or lo < self.read_from:
                self._read(lo, t_end)
            j = bisect_left(starts, lo)
            while j < len(starts) and (at := starts[j]) < t_end:
                m = tried.get(at, _UNTRIED)
                if m is _UNTRIED:
                    m = tried[at] = matchers[j].match(low, at)
                if m is not None and m.end() > t_start:
                    self.i = i
                    return self._candidate(m)
                j += 1
            i += 1
        self.i = i
        return None

    def _read(self, lo: int, hi: int) -> None:
        """Make ``starts`` cover ``low[lo:hi]``. Windows move forward, so only the part not
        read yet is read; after a gap, what lies before it is behind every later window."""
        if self.read_from <= lo <= self.read_to:
            lo = self.read_to
        else:
            self.read_from = self.read_to = lo
            self.starts.clear()
            self.matchers.clear()
        if hi <= lo:
            return
        self.read_to = hi
        low, starts, matchers = self.low, self.starts, self.matchers
        if (
            lo == 0
            and (first := self.first_word.match(low, 0, hi)) is not None
            and (matcher := _matcher(first.group())) is not None
        ):
            starts.append(0)
            matchers.append(matcher)
        # (from the character before ``lo``, which the pattern consumes; a start at ``lo``
        # follows it)
        for w in self.start_words.finditer(low, lo - 1 if lo else 0, hi):
            word = w.group(1)
            matcher = _MATCHERS.get(word, _UNTRIED)
            if matcher is _UNTRIED:
                matcher = _matcher(word)
            if matcher is not None:  # (a digit not 0-9, which \d finds in another text, has none)
                starts.append(w.start(1))
                matchers.append(matcher)

    def _candidate(self, m: re.Match[str]) -> Candidate:
        kind = m.lastgroup or ""
        base = m.lastindex or 0  # the kind's own group, closed last
        text = self.text
        parts = {}
        for offset, short in _PARTS[kind]:
            a, b = m.span(base + offset)
            if a >= 0:
                parts[short] = text[a:b]  # from the original text: capitals matter ("May")
        return Candidate(m.start(), m.end(), kind, parts)


# A kind's named groups follow its own group, in the same order, in every regex made of whole
# kinds (``master_pattern``): found by their offsets from it, by number, not looked up by name.
_INDEX = MASTER.groupindex
_PARTS: dict[str, tuple[tuple[int, str], ...]] = {
    kind: tuple((_INDEX[full] - _INDEX[kind], short) for full, short in groups)
    for kind, groups in GROUPS.items()
}
