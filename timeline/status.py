"""An event's status from its date and the tense of the clause that reports it.

The date decides when it can: before the article's day → happened, after it → expected. When
the interval holds the article's day ("on Monday" in Monday's paper, "this week", "2018"), the
tense decides: "will travel" and "is set to meet" are expected, "is meeting" and "continues"
ongoing, the past tense happened; a one-day interval with no cue happened (news reports what
happened that day), a longer one is ongoing.
"""

from __future__ import annotations

import re
from datetime import date

from timeline.model import Interval, Status
from timeline.wordpattern import AtWordStarts

# Each cue is a whole word (or words) after ``\b``: ``AtWordStarts`` finds them faster. The
# future also has "'ll", after an apostrophe.
_FUTURE = AtWordStarts(
    r"(?:will|shall|won[’']t|wo\s+n't|(?:is|are|am)\s+(?:going|set|scheduled|expected|due|slated"
    r"|poised|planning|preparing|about)\s+to|plans?\s+to|intends?\s+to|to\s+be\s+held|upcoming"
    r"|would)\b",
    re.I,
)
_FUTURE_CONTRACTED = re.compile(r"['’]ll\b", re.I)
_ONGOING = AtWordStarts(
    r"(?:(?:is|are|am)\s+(?:still\s+)?\w+ing|continues?|continuing|remains?|still|ongoing"
    r"|under\s+way|underway)\b",
    re.I,
)
_PAST = AtWordStarts(
    r"(?:was|were|had|did|\w+ed|said|met|went|took|made|came|began|left|flew|spent|held|told"
    r"|wrote|gave|got|found|saw|won|lost|ran|sent|set|put|paid|brought|bought|thought|knew"
    r"|spoke|broke|chose|rose|fell|struck|sank|shut|hit|led|read)\b",
    re.I,
)


def tense_status(clause: str) -> Status | None:
    """What the clause's verbs say, or None if they say nothing."""
    if _FUTURE.found_in(clause) or _FUTURE_CONTRACTED.search(clause):
        return Status.EXPECTED
    if _ONGOING.found_in(clause):
        return Status.ONGOING
    if _PAST.found_in(clause):
        return Status.HAPPENED
    return None


def event_status(interval: Interval, dct: date, clause: str) -> Status:
    if interval.end < dct:
        return Status.HAPPENED
    if interval.start > dct:
        return Status.EXPECTED
    tense = tense_status(clause)
    if tense is not None:
        return tense
    return Status.HAPPENED if interval.days == 1 else Status.ONGOING
