"""What relative expressions are resolved against: the DCT, the clause's tense, the narrative.

News reports mostly look back, so an unmarked weekday or month is the nearest past one; a
future cue in the same clause ("will", "is to", "scheduled") flips that. The cue nearest to the
expression wins, and a trailing attribution ("..., officials said") is not read as the tense of
what comes before the comma.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from datetime import date, datetime, timedelta
from enum import Enum
from typing import NamedTuple

from timeline.model import Anchor, AnchorKind, Timex
from timeline.temporal.lexicon import trie_regex, words


class Tense(Enum):
    PAST = "past"
    FUTURE = "future"
    NONE = "none"


# The members as globals for the code run at each candidate: CPython 3.11 has no quick path
# for a class's own attribute, and a member looked up on its Enum class takes some 1,000
# instructions (a global, 70).
PAST, FUTURE, NO_TENSE = Tense.PAST, Tense.FUTURE, Tense.NONE


# Irregular past forms that are not also present or participle forms in common use: "met",
# "began", "fell" tell a past clause as surely as "-ed" does ("set" is past unless "set to/for").
_IRREGULAR_PAST = words(
    """met began came went held took gave left sent led fell rose won lost struck spoke wrote
    brought bought thought found became kept felt paid sold stood ran flew drove chose broke saw
    knew grew threw drew swore fought caught sought built spent fled heard shook stole arose
    withdrew upheld set shot"""
)
# Each cue group is a trie of its words (spaces match any white space): a failed attempt at a
# word costs a character test or two instead of one per word.
_FUTURE_WORDS = (
    "will", "won't", "shall", "is to", "are to", "plan to", "plans to", "planning", "planned",
    "scheduled", "expected", "expect", "expects", "is due", "are due", "going to", "going into",
    "set to", "set for", "slated", "upcoming", "hope to", "hopes to", "effective", "payable",
    "starting", "beginning", "ahead of", "intend to", "intends to", "aim to", "aims to",
    "to be held", "next", "tomorrow", "coming",
)  # fmt: skip
_WEAK_FUTURE_WORDS = ("would", "until", "later", "as early as", "as soon as")
_PAST_WORDS = (
    "said", "says", "told", "was", "wasn't", "were", "had", "did", "didn't", "ago", "last",
    "earlier", "been", "since", "yesterday", "announced", "reported", *_IRREGULAR_PAST,
)  # fmt: skip
# An agreement or offer "to" do something (see ``_tense_of``).
_PROSPECTIVE_WORDS = words(
    """agreed agreement agreements offered proposed proposal decided voted promised pledged
    vowed threatened deal pact"""
)
_FUTURE, _WEAK_FUTURE, _PAST, _PROSPECTIVE = map(
    trie_regex, (_FUTURE_WORDS, _WEAK_FUTURE_WORDS, _PAST_WORDS, _PROSPECTIVE_WORDS)
)
_CUE_WORD = (
    rf"(?:(?P<n>{_PROSPECTIVE}\s+to\s+(?!be\b|have\b|the\b|a\b|an\b|its?\b|his\b|her\b|"
    rf"their\b)[a-z]+)|(?P<f>{_FUTURE})|(?P<w>{_WEAK_FUTURE})|(?P<p>{_PAST})"
    r"|(?P<ed>[a-z]{5,}+(?<=ed)(?<!hundred)(?<!eed)))\b"
)
# An "-ed" word is read whole (possessive ``[a-z]{5,}+``, then asked whether it ends so): the
# match must end at \b, which only the end of the letters can be, so giving letters back (as
# ``[a-z]{3,}ed`` did, at every word of the window) finds nothing more; the same matches.
_CUES = re.compile(rf"\b{_CUE_WORD}|(?P<ll>'ll)\b")  # run on lower-cased text
# Where a cue may start, found by the character before it: a pattern led by \b is tried at
# every character, one led by a character class is searched for in C (as the triggers in
# ``recognize``). Every cue starts after a character of this class (a word cue after a
# non-word character, "'ll" at its apostrophe); some starts it proposes are no cue (after
# "\u00e9", which \b counts as a letter), so ``_cues`` asks ``_CUES`` itself at each. So this
# needs only to find every start of a cue, not which cue: the words of all groups are one trie
# without the groups (a word that is no cue fails it once, not in each group's trie: a third
# fewer instructions at every word of the window), an agreement's "to" ends its words, and an
# "-ed" word is any (the few it proposes in vain, "hundred", are asked of ``_CUES`` too).
_CUE_START = trie_regex(
    [*_FUTURE_WORDS, *_WEAK_FUTURE_WORDS, *_PAST_WORDS, *(f"{w} to" for w in _PROSPECTIVE_WORDS)]
)
_CUE_AFTER_GAP = re.compile(rf"[^a-z0-9_](?:{_CUE_START}|[a-z]{{5,}}+(?<=ed)|(?P<apos>(?<=')ll))\b")


def _cues(low: str, lo: int, hi: int) -> Iterator[re.Match[str]]:
    """What ``_CUES.finditer(low, lo, hi)`` yields (the same match objects), faster."""
    if lo == 0 and (m := _CUES.match(low, 0, hi)) is not None:  # no character before it
        yield m
        lo = m.end()
    at = max(lo - 1, 0)
    while (gap := _CUE_AFTER_GAP.search(low, at, hi)) is not None:
        g = gap.start()
        cue_at = g if gap.start("apos") >= 0 else g + 1
        m = _CUES.match(low, cue_at, hi) if cue_at >= lo else None
        if m is None:
            at = g + 1
            continue
        yield m
        lo = m.end()
        at = lo - 1


# "was expected", "were planning to", "was due": a past auxiliary before a future cue speaks of
# what was then still to come, so the future cue, not the auxiliary, decides.
_AUX_BEFORE_FUTURE = re.compile(
    r"\s+(?:(?:still|also|then|not)\s+)?(?:expected|scheduled|planning|planned|due|slated|set\s+"
    r"(?:to|for)|going\s+to|to\s+(?!be\b))"
)
# An "-ed" word after an article, a possessive, a preposition or an adverb is an adjective ("a
# still unspecified date", "the planned merger", "in selected markets"), not the clause's verb.
_ADJECTIVE_BEFORE = re.compile(
    r"(?:\b(?:a|an|the|its|his|her|their|our|this|that|these|those|still|newly|recently|"
    r"already|previously|so|very|long|once|in|of|for|with|on|at|from|into)|[a-z]ly)\s+$"
)
_CLAUSE_END = re.compile(r"[,;:.!?\n]")
_SENTENCE_PART_END = re.compile(r"[;:.!?\n]")
# ... but not the period of an abbreviation ("Roe vs. Wade", "Birmingham, Ala., killed").
# (One character class first, the look-behinds after it: they can only match after a period,
# and a pattern that starts with a class is searched for in C.)
_SENTENCE_PART_END_NO_ABBR = re.compile(
    r"[;:!?\n.](?<![\s.][A-Z]\.)(?<![\s.][A-Z][a-z]\.)(?<![\s.][A-Z][a-z][a-z]\.)(?<!\svs\.)"
)


def tense(text: str, low: str, start: int, end: int, strong: bool = False) -> Tense:
    """The tense of the clause around ``text[start:end]``, from the nearest cue word.

    With ``strong``, only unmistakable future cues count ("will", "is to"), not "would" or
    "until": a possessive ("Wednesday's ruling") is reported, hence past, unless plainly future.
    """
    lo = max(0, start - 150)
    # The clause starts after the last sentence end before the expression. (Plain searches:
    # an abbreviation's period may cut the window short, which only drops distant cues.)
    cut = max(low.rfind(". ", lo, start), low.rfind("\n", lo, start), low.rfind("? ", lo, start),
              low.rfind("! ", lo, start))  # fmt: skip
    if cut >= 0:
        lo = cut + 1
    best: tuple[int, Tense] | None = None
    weak = False
    # The nearest cue before the expression that says something decides: the last one found,
    # so ``_ignored`` is asked from the last back, until one counts. It is looked for after
    # the clause's last comma first: no cue holds a comma, so the cues found from there are
    # the last of those found from ``lo``, and those found up to the comma (still in view)
    # are the others; the part before the comma is read only if none after it counts.
    comma = low.rfind(",", lo, start)
    nearest = None
    if comma > lo:
        nearest = _last_counting(_cues(low, comma + 1, start), text, low, strong)
    if nearest is None:
        before = comma + 1 if comma > lo else start
        nearest = _last_counting(_cues(low, lo, before), text, low, strong)
    if nearest is not None:
        best = (start - nearest.end(), _tense_of(nearest, low))
        weak = nearest.group() == "until" and not low[lo : nearest.start()].strip(" \n\t\"'`")
    if weak and best is not None and best[0] <= 1:
        # "Until Thursday, they had not called him a suspect": an opening "until" says nothing
        # of the tense; the clause after it does, as after any opening phrase
        best = None
    # After the expression, look only within its clause; but an opening phrase ("In January,
    # the company sold ...") takes its tense from the clause after the comma.
    after_end = min(len(text), end + (160 if best is None else 80))
    stop = (_SENTENCE_PART_END_NO_ABBR if best is None else _CLAUSE_END).search(
        text, end, after_end
    )
    hi = stop.start() if stop else after_end
    fallback = (0, FUTURE) if best is None and weak else None
    for m in _cues(low, end, hi):
        # Once the clause's verb is known, an "-ed" word further on is more often a participle
        # of a later phrase ("markets untouched by the crisis") than its verb.
        late_participle = best is not None and m["ed"] and m.start() > end + 12
        if late_participle or _ignored(m, text, low, strong):
            continue
        dist = m.start() - end
        if best is None or dist < best[0]:
            best = (dist, _tense_of(m, low))
        break
    best = best or fallback
    return best[1] if best else NO_TENSE


def _last_counting(
    cues: Iterator[re.Match[str]], text: str, low: str, strong: bool
) -> re.Match[str] | None:
    """The last of ``cues`` that is not ``_ignored``."""
    found = list(cues)
    return next((m for m in reversed(found) if not _ignored(m, text, low, strong)), None)


_REPORTING = frozenset(["said", "says", "told", "announced", "reported"])


def done_before(site: Site) -> bool:
    """Whether the verb nearest before the expression, in its sentence, is a past verb of doing
    ("changed to a calendar year in December"), not one of saying ("said the offer expires in
    December", whose date is the reported clause's)."""
    ctx, start = site.ctx, site.start
    lo = max(0, start - 150)
    cut = max(ctx.low.rfind(". ", lo, start), ctx.low.rfind("\n", lo, start))
    last = None
    for m in _cues(ctx.low, cut + 1 if cut >= 0 else lo, start):
        if not _ignored(m, ctx.text, ctx.low, False):
            last = m
    return (
        last is not None
        and bool(last["ed"] or last["p"])
        and last.group() not in _REPORTING
        and _tense_of(last, ctx.low) is PAST
        # "the case is heard in May", "is to be decided": present or to come, not done
        and not _AUX_BEFORE.search(ctx.low, max(0, last.start() - 12), last.start())
    )


_AUX_BEFORE = re.compile(r"\b(?:is|are|be|being|to|will|would|'s)\s+(?:[a-z]+ly\s+)?$")


def _tense_of(m: re.Match[str], low: str) -> Tense:
    """An agreement or offer "to" do something points nowhere by itself ("agreed to buy it in
    January" may be last January or next): the nearest such date is meant. A plan in the past
    perfect ("the offer had been scheduled to expire at midnight Friday") was overtaken: its
    time is past."""
    if m["n"]:
        return NO_TENSE
    if m["p"] or m["ed"]:
        return PAST
    if low.endswith(("had been ", "had "), max(0, m.start() - 9), m.start()) and (
        m.group().endswith(" to") or low.startswith(" to ", m.end())
    ):
        return PAST
    return FUTURE


def _ignored(m: re.Match[str], text: str, low: str, strong: bool) -> bool:
    """A cue that says nothing here: a weak future cue when only strong ones count, or an "-ed"
    word that is a name ("United") or a passive participle ("will be released": "will" decides).
    """
    if strong and m["w"]:
        return True
    at = m.start()
    if m["p"] and m.group() in ("was", "were") and _AUX_BEFORE_FUTURE.match(low, m.end()):
        return True
    if m["n"]:
        return False
    if low.endswith(("be ", "being "), max(0, at - 7), at):
        return bool(m["ed"] or m["p"])  # "will be released", "would still be held"
    return bool(m["ed"]) and (
        text[at].isupper() or _ADJECTIVE_BEFORE.search(low, max(0, at - 12), at) is not None
    )


class Context(NamedTuple):
    """Everything a normalizer may look at besides its own match.

    A NamedTuple rather than a frozen dataclass (as ``reading.Reading``): a new one is made
    for every date placed, and a frozen dataclass sets each field through
    ``object.__setattr__``, several times slower; it is just as immutable.
    """

    text: str
    low: str  # ``text`` lower-cased, same offsets
    dct: date
    dct_time: datetime | None  # the DCT's clock time, when the DCT has one
    last: Timex | None  # the last placed date in the text, for narrative anchoring
    dct_anchor: Anchor  # Anchor(DCT, dct) made once
    last_day: Timex | None = None  # the last placed date of day (or finer) granularity
    quarter: Timex | None = None  # the quarter a company report is about (``report_quarter``)
    said_quarter: Timex | None = None  # the last quarter named, for "that quarter"

    def narrative(self, fine: bool = False) -> tuple[str, Anchor]:
        """The value to count from for "the day before", "a year earlier": the last mentioned
        date when there is one, otherwise the DCT. With ``fine`` (days and weeks counted), only
        a date that names a day will do: "the day before" after "in 2016" is not Dec. 31, 2015.
        """
        last = self.last_day if fine else self.last
        if last is not None:
            return last.value, Anchor(AnchorKind.NARRATIVE, last.value, last.start)
        return self.dct.isoformat(), self.dct_anchor


class Site(NamedTuple):
    """Where a candidate sits: its context, span and the words around it (one per candidate:
    a NamedTuple, as ``Context``)."""

    ctx: Context
    start: int
    end: int

    def before(self, n: int = 30) -> str:
        """Up to ``n`` characters before the candidate, lower-cased."""
        return self.ctx.low[max(0, self.start - n) : self.start]

    def after(self, n: int = 30) -> str:
        """Up to ``n`` characters after the candidate, as written."""
        return self.ctx.text[self.end : self.end + n]

    def prev_word(self) -> str:
        """The word just before the candidate, lower-cased ("" at the start of a clause)."""
        words = self.before(24).rsplit(None, 2)
        if not words:
            return ""
        last = words[-1]
        if not last[-1:].isalnum():
            return ""
        # (a word of letters or digits alone, most, has nothing for the regex to cut)
        return last if last.isalnum() else _WORD_CHARS.sub("", last)

    def tense(self) -> Tense:
        ctx, start, end = self  # (at once: see ``_read``)
        possessive = ctx.text.startswith(("'s", "\u2019s"), end)
        return tense(ctx.text, ctx.low, start, end, strong=possessive)


_WORD_CHARS = re.compile(r"^.*[^\w']")


def weekday_date(dct: date, weekday: int, how: str) -> date:
    """The date of ISO ``weekday`` (1 = Monday) near ``dct``.

    ``how``: "prev" strictly before, "next" strictly after, "prev_or_same", "next_or_same".
    """
    delta = weekday - dct.isoweekday()
    if how == "prev":
        return dct + timedelta(days=(delta - 7) if delta >= 0 else delta)
    if how == "next":
        return dct + timedelta(days=(delta + 7) if delta <= 0 else delta)
    if how == "prev_or_same":
        return dct + timedelta(days=(delta - 7) if delta > 0 else delta)
    return dct + timedelta(days=(delta + 7) if delta < 0 else delta)


def year_for(
    dct: date, month: int, day: int | None, clause_tense: Callable[[], Tense], rel: str | None
) -> int:
    """The year of a month (and day) named without one.

    Dates within a couple of months of the DCT stay in its year whatever the tense: "said the
    offer expires Nov. 9" is this November. Further away, the tense decides: ``clause_tense()``
    is asked only then (most dates named are near the DCT, and it scans the clause).
    """
    y = dct.year
    if rel in ("last", "past", "this past"):
        # TimeBank: "last May" is last year's unless it is well behind us this year
        return y if month < dct.month - 1 else y - 1
    if rel in ("next", "coming", "this coming"):
        return y if (month, day or 99) > (dct.month, dct.day if day else 0) else y + 1
    if rel == "this":
        return y
    target = date(y, month, min(day or 15, 28))
    gap = (target - dct).days
    if -62 <= gap <= 62:
        return y
    t = clause_tense()
    if t is PAST and gap > 62:
        return y - 1
    if t is FUTURE and gap < -62:
        return y + 1
    if t is NO_TENSE and abs(gap) > 183:  # no cue: the nearest such date
        return y - 1 if gap > 0 else y + 1
    return y


_QUARTER_VALUE = re.compile(r"\d{4}-Q[1-4]")


def is_quarter(value: str) -> bool:
    """Does a TIMEX3 value name a quarter ("1998-Q3")? (A value without "-Q", most, is
    answered without the regex.)"""
    return "-Q" in value and _QUARTER_VALUE.fullmatch(value) is not None


def report_quarter(
    current: Timex | None, mentioned: Timex, dct: date, reported: Tense = Tense.NONE
) -> Timex | None:
    """The quarter a report is about, after ``mentioned`` was placed: the latest quarter named
    that has ended, at most a year before the DCT. An earnings story names its quarter
    first and then others in passing ("after a flat second quarter"); those are earlier, and
    the later "the quarter", "a year ago" still mean the quarter reported."""
    value = mentioned.value
    if not is_quarter(value):
        return current
    year, q = int(value[:4]), int(value[-1])
    now = dct.year * 4 + (dct.month - 1) // 3
    if not now - 4 <= year * 4 + q - 1 <= now:
        return current
    if year * 4 + q - 1 == now and reported is not PAST:
        # the quarter under way is reported on only when it is a fiscal one already closed
        # ("Ralston Purina reported a 47% decline in fourth-quarter earnings", in November)
        return current
    return mentioned if current is None or value > current.value else current


_LONGER_PERIOD = re.compile(
    r"\b(?:(?:nine|six)[\s-]+months?|(?:first|second)[\s-]+half|year[\s-]+to[\s-]+date)\b"
)


def compares_longer_period(site: Site) -> bool:
    """Whether the report has moved on from its quarter to a longer period ("For the nine
    months, net was $306 million, compared with a loss a year earlier"): named since the last
    date placed, and close by. Its "a year earlier", "the 1988 period" are then that period
    of last year, which TimeML writes as the year, not as the quarter."""
    last = site.ctx.last
    since = max(last.end if last is not None else 0, site.start - 300)
    return _LONGER_PERIOD.search(site.ctx.low, since, site.start) is not None
