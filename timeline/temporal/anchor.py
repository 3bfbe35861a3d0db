"""What relative expressions are resolved against: the DCT, the clause's tense, the narrative.

News reports mostly look back, so an unmarked weekday or month is the nearest past one; a
future cue in the same clause ("will", "is to", "scheduled") flips that. The cue nearest to the
expression wins, and a trailing attribution ("..., officials said") is not read as the tense of
what comes before the comma.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from enum import Enum

from timeline.model import Anchor, AnchorKind, Timex


class Tense(Enum):
    PAST = "past"
    FUTURE = "future"
    NONE = "none"


_CUES = re.compile(
    r"\b(?:(?P<f>will|won't|shall|is\s+to|are\s+to|plans?\s+to|planning|planned|"
    r"scheduled|expected|expects?|is\s+due|are\s+due|going\s+(?:to|into)|set\s+(?:to|for)|"
    r"slated|upcoming|hopes?\s+to|"
    r"effective|payable|starting|beginning|ahead\s+of|"
    r"intends?\s+to|aims?\s+to|to\s+be\s+held|next|tomorrow|coming)"
    r"|(?P<w>would|until|later|as\s+(?:early|soon)\s+as)"
    r"|(?P<p>said|says|told|was|wasn't|were|had|did|didn't|ago|last|earlier|been|since|"
    r"yesterday|announced|reported)|(?P<ed>[a-z]{3,}(?<!hundr)(?<!e)ed))\b|(?P<ll>'ll)\b"
)  # run on lower-cased text
_CLAUSE_END = re.compile(r"[,;:.!?\n]")
_SENTENCE_PART_END = re.compile(r"[;:.!?\n]")


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
    for m in _CUES.finditer(low, lo, start):
        if _ignored(m, text, low, strong):
            continue
        dist = start - m.end()
        kind = Tense.PAST if m["p"] or m["ed"] else Tense.FUTURE
        if best is None or dist <= best[0]:
            best = (dist, kind)
    # After the expression, look only within its clause; but an opening phrase ("In January,
    # the company sold ...") takes its tense from the clause after the comma.
    after_end = min(len(text), end + 80)
    stop = (_SENTENCE_PART_END if best is None else _CLAUSE_END).search(text, end, after_end)
    hi = stop.start() if stop else after_end
    for m in _CUES.finditer(low, end, hi):
        if _ignored(m, text, low, strong):
            continue
        dist = m.start() - end
        kind = Tense.PAST if m["p"] or m["ed"] else Tense.FUTURE
        if best is None or dist < best[0]:
            best = (dist, kind)
        break
    return best[1] if best else Tense.NONE


def _ignored(m: re.Match[str], text: str, low: str, strong: bool) -> bool:
    """A cue that says nothing here: a weak future cue when only strong ones count, or an "-ed"
    word that is a name ("United") or a passive participle ("will be released": "will" decides).
    """
    if strong and m["w"]:
        return True
    at = m.start()
    return m.group().endswith("ed") and (
        text[at].isupper() or low.endswith(("be ", "being "), max(0, at - 7), at)
    )


@dataclass(frozen=True, slots=True)
class Context:
    """Everything a normalizer may look at besides its own match."""

    text: str
    low: str  # ``text`` lower-cased, same offsets
    dct: date
    dct_time: datetime | None  # the DCT's clock time, when the DCT has one
    last: Timex | None  # the last placed date in the text, for narrative anchoring
    dct_anchor: Anchor  # Anchor(DCT, dct) made once
    last_day: Timex | None = None  # the last placed date of day (or finer) granularity

    def narrative(self, fine: bool = False) -> tuple[str, Anchor]:
        """The value to count from for "the day before", "a year earlier": the last mentioned
        date when there is one, otherwise the DCT. With ``fine`` (days and weeks counted), only
        a date that names a day will do: "the day before" after "in 2016" is not Dec. 31, 2015.
        """
        last = self.last_day if fine else self.last
        if last is not None:
            return last.value, Anchor(AnchorKind.NARRATIVE, last.value, last.start)
        return self.dct.isoformat(), self.dct_anchor


@dataclass(frozen=True, slots=True)
class Site:
    """Where a candidate sits: its context, span and the words around it."""

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
        return _WORD_CHARS.sub("", words[-1]) if words[-1][-1:].isalnum() else ""

    def tense(self) -> Tense:
        possessive = self.ctx.text.startswith(("'s", "\u2019s"), self.end)
        return tense(self.ctx.text, self.ctx.low, self.start, self.end, strong=possessive)


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


def year_for(dct: date, month: int, day: int | None, t: Tense, rel: str | None) -> int:
    """The year of a month (and day) named without one.

    Dates within a couple of months of the DCT stay in its year whatever the tense: "said the
    offer expires Nov. 9" is this November. Further away, the tense decides.
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
    if t is Tense.PAST and gap > 62:
        return y - 1
    if t is Tense.FUTURE and gap < -62:
        return y + 1
    if t is Tense.NONE and abs(gap) > 183:  # no cue: the nearest such date
        return y - 1 if gap > 0 else y + 1
    return y
