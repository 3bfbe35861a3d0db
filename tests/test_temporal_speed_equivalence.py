"""The tagger's shortcuts (a plain string test before a regex) answer as the regex alone."""

from __future__ import annotations

import re
from datetime import date

from hypothesis import given, settings
from hypothesis import strategies as st

from timeline.model import Anchor, AnchorKind
from timeline.temporal import _CAPITALIZED, _PROPER_WORDS, _is_a_title, absolute, quantities
from timeline.temporal.anchor import _WORD_CHARS, Context, Site
from timeline.temporal.scan import Candidate, lower

_PIECES = st.sampled_from(
    ["24", "twenty-four", " ", "  ", "\n", ",", "hours", "days", " a ", "day", "week", "seven",
     "of", "the", "Friday", "FriDay", "May", "Valentine's", "Minutes", "é", "\u0663", "5th",
     "1,000", "'", ".", "-", "$", "Mr", "x_y"]
)  # fmt: skip
_TEXTS = st.lists(_PIECES, max_size=30).map("".join)


def _site(text: str, start: int, end: int) -> Site:
    day = date(2000, 3, 6)
    ctx = Context(text, lower(text), day, None, None, Anchor(AnchorKind.DCT, day.isoformat()))
    return Site(ctx, start, end)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="0123456789\u0663\u00b2\u00bd a.th,-", min_size=1, max_size=6))
def test_day_is_the_number_of_its_digits(word: str) -> None:
    digits = re.sub(r"\D", "", word)
    if digits:
        assert absolute._day(word) == int(digits)


@settings(max_examples=300, deadline=None)
@given(_TEXTS, st.integers(0, 200), st.integers(0, 30))
def test_shortcuts_answer_as_the_regex(text: str, at: int, length: int) -> None:
    start = min(at, len(text))
    site = _site(text, start, min(len(text), start + length))
    words = site.before(24).rsplit(None, 2)
    plain = _WORD_CHARS.sub("", words[-1]) if words and words[-1][-1:].isalnum() else ""
    assert site.prev_word() == plain
    found = quantities._ROUND_THE_CLOCK.search(site.ctx.low, max(0, start - 12), site.end + 12)
    clock = found is not None and found.start() <= start and site.end <= found.end()
    assert quantities._round_the_clock(site) == clock
    surface = text[start : site.end]
    if surface != surface.lower() and not surface.isupper():
        capitals = [
            m.start()
            for m in _CAPITALIZED.finditer(surface)
            if m.group().lower() not in _PROPER_WORDS
        ]
        if not capitals:
            assert not _is_a_title(Candidate(start, site.end, "weekday", {}), text)
