"""Properties every output of the tagger has, whatever the text (hypothesis)."""

from __future__ import annotations

import pickle
import re
from dataclasses import fields
from datetime import date, datetime

from hypothesis import given, settings
from hypothesis import strategies as st

from timeline.model import Timex, TimexType
from timeline.temporal import anchor, scan, tag
from timeline.temporal.lexicon import words
from timeline.temporal.recognize import master_pattern
from timeline.temporal.values import VALUE_RE

# Text that is mostly temporal vocabulary, so that the interesting paths run, plus noise.
WORDS = words(
    """the a on in last next this early late mid Monday Friday's Sunday night morning May March
    June Jan. 3 15 2016 1990s fall summer third quarter fiscal 1989 year years week weeks month
    months day days ago earlier later before after every each daily now recently the past the
    coming few several two 24 hours 4 p.m. EDT Christmas Thanksgiving today yesterday tomorrow
    tonight , . ; - ' 's 7/16/2018 2018-07-16 16.07.2018 will said was about over more than at
    least half first second end of that same following previous 65 million 125,000 10000 9999
    from nineteen ninety-six two thousand"""
)
texts = st.one_of(
    st.text(max_size=300),
    st.lists(st.sampled_from(WORDS), max_size=40).map(" ".join),
    st.lists(st.one_of(st.sampled_from(WORDS), st.text(max_size=4)), max_size=30).map("".join),
)
dcts = st.one_of(
    st.dates(min_value=date(1900, 1, 1), max_value=date(2100, 12, 31)),
    st.datetimes(  # naive, as the corpora's DCTs are: wall-clock time of the newsroom
        min_value=datetime(1900, 1, 1),  # noqa: DTZ001
        max_value=datetime(2100, 12, 31),  # noqa: DTZ001
    ),
)
_TYPES = set(TimexType)


@settings(max_examples=400, deadline=None)
@given(texts, dcts)
def test_every_output_is_well_formed(text: str, dct: date | datetime) -> None:
    timexes = tag(text, dct)
    previous_end = 0
    for t in timexes:
        assert 0 <= t.start < t.end <= len(text)
        assert t.start >= previous_end  # sorted and non-overlapping
        previous_end = t.end
        assert text[t.start : t.end] == t.text
        assert t.type in _TYPES
        assert VALUE_RE.fullmatch(t.value), t.value
        if t.interval is not None:
            assert t.interval.start <= t.interval.end
        if t.type in (TimexType.DURATION, TimexType.SET):
            assert t.interval is None


@settings(max_examples=150, deadline=None)
@given(texts, dcts)
def test_same_input_same_output(text: str, dct: date | datetime) -> None:
    assert tag(text, dct) == tag(text, dct)


@settings(max_examples=150, deadline=None)
@given(st.lists(st.sampled_from(WORDS), min_size=1, max_size=30).map(" ".join), dcts)
def test_tagging_a_prefix_is_stable_left_of_the_cut(text: str, dct: date | datetime) -> None:
    """Appending text never changes expressions that end well before the join (a local tagger)."""
    full = tag(text + " and more words follow here.", dct)
    alone = tag(text, dct)
    cut = len(text) - 120  # beyond the clause window a tense cue is looked for in
    assert [t for t in full if t.end < cut] == [t for t in alone if t.end < cut]


@settings(max_examples=150, deadline=None)
@given(texts, dcts)
def test_timexes_are_those_the_dataclass_makes(text: str, dct: date | datetime) -> None:
    """The tagger builds its Timex objects with ``model.new_timex``, not ``Timex(...)``: the
    same objects (equal, hashed, shown and pickled alike)."""
    for t in tag(text, dct):
        made = Timex(**{f.name: getattr(t, f.name) for f in fields(Timex)})
        assert made == t and hash(made) == hash(t) and repr(made) == repr(t)
        assert pickle.loads(pickle.dumps(t)) == made
        assert pickle.dumps(t) == pickle.dumps(made)


_NUMBER_TALK = words(
    """1 12 5 1990 2001 24 3 30 99 0 1500 - / . : , ' s st nd th rd a.m. am pm p.m. o'clock in
    the morning of may July sept jan. more years year-old days trading and or a half million
    people percent ago earlier century quarter fiscal % $ about 1/2 s'"""
)


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.one_of(st.sampled_from(_NUMBER_TALK), st.sampled_from([" ", "  ", "\u00a0", "\n"])),
        max_size=30,
    ).map("".join)
)
def test_the_look_ahead_of_numbers_changes_no_match(text: str) -> None:
    """``scan._DIGIT_LEAD`` only makes failing at a number cheaper: wherever an expression
    can start with a digit, the regex with it matches as the one without."""
    _same_matches_with_the_look_ahead("1", scan._DIGIT_LEAD, scan.DIGIT_KINDS, text, r"[0-9]")


_AFTER_THE = words(
    """company past future present near short long term time first fourth quarter fiscal year
    year-ago years days weeks months end beginning start middle rest day before after
    following previous next same latest last whole full entire week weekend month decade
    century morning afternoon evening night a an few couple number additional extra another
    more early mid late 1990s '80s 1990 12 twenties fifth tenth spring fall fallout winter
    summer christmas fourth of july better part remaining recent initial ensuing further
    several many dozens hundreds half two three four twelve fifty hundred single dozen new
    this current coming comparable corresponding prior period fy seconds minutes hours"""
)


def test_the_look_ahead_of_the_changes_no_match() -> None:
    """``scan._THE_LEAD`` likewise at "the", followed by every pair of these words."""
    text = " ".join(f"the {a}{sep}{b}." for a in _AFTER_THE for b in _AFTER_THE for sep in " -")
    _same_matches_with_the_look_ahead("the", scan._THE_LEAD, scan.THE_KINDS, text, r"\bthe\b")


def _same_matches_with_the_look_ahead(
    word: str, lead: str, known: frozenset[str], text: str, starts: str
) -> None:
    kinds = scan.DISPATCH[word]
    assert known.issuperset(kinds)
    plain = re.compile(master_pattern(kinds))
    led = scan._matcher(word)
    # (with each kind's own look-ahead, if it has one: ``scan._leads_by_kind``)
    assert led is not None and led.pattern == lead + master_pattern(kinds, scan._LEADS[word][2])
    low = scan.lower(text)
    for at in (m.start() for m in re.finditer(starts, low)):
        a, b = plain.match(low, at), led.match(low, at)
        assert (a and (a.span(), a.lastgroup, a.groups())) == (
            b and (b.span(), b.lastgroup, b.groups())
        )


def test_value_grammar_accepts_timex3_values_and_rejects_others() -> None:
    good = ["2018-07-16", "2018-07", "2018", "199", "19", "2018-W29", "2018-W29-WE",
            "2018-W29-5", "2018-Q3", "2018-H1", "2018-FA", "2018-07-16T16:00", "2018-07-16TNI",
            "P3Y", "PT24H", "PXM", "P2.5Y", "PT5H30M", "PAST_REF", "PRESENT_REF", "FUTURE_REF",
            "XXXX-WXX-5", "XXXX-XX-XXTNI", "XXXX-07"]  # fmt: skip
    bad = ["2018-7-16", "P", "PT", "Q3", "2018-Q5", "yesterday", "2018-07-16T", "P3", ""]
    assert all(VALUE_RE.fullmatch(v) for v in good)
    assert not any(VALUE_RE.fullmatch(v) for v in bad)
    assert re.compile(VALUE_RE.pattern)  # a plain pattern others can reuse


_AFTER_A = words(
    """company few couple number dozen hundred half quarter fiscal year year-ago first second
    third fourth final latest current last past previous prior same next coming recent period
    comparable corresponding 1990 12 3rd trading business working more other day days week
    weekend weeks month months year years hour minute minutes fortnight decade decades century
    morning night evening afternoon monday tuesday wednesday thursday friday saturday sunday
    may march jan. feb. apr. aug. sept. oct. nov. dec. july june spring summer fall autumn
    winter later date while very fairly rather relatively long lengthy short brief extended
    prolonged considerable indefinite time lot new and"""
)


def test_the_look_ahead_of_a_changes_no_match() -> None:
    """``scan._A_LEAD`` likewise at "a" (and "every", of the same kinds), followed by every
    pair of these words, joined as they are in expressions."""
    text = " ".join(
        f"{w} {a}{sep}{b}." for w in ("a", "every") for a in _AFTER_A for b in _AFTER_A
        for sep in (" ", "-", " of ", " long ")
    )  # fmt: skip
    text += " ".join(f" a-{a} a  {a} ago" for a in _AFTER_A)
    _same_matches_with_the_look_ahead("a", scan._A_LEAD, scan.A_KINDS, text, r"\ba\b")


_PLAIN_START = re.compile(r"\b(?:[a-z]+|\d)|(?<![\w'\u2019])['\u2019]")


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.one_of(
            st.sampled_from([*scan.DISPATCH, "in", "of", "inn", "said", "s", "é", "_", "a1"]),
            st.sampled_from([" ", "  ", "-", ".", "'", "\u2019", "\n", "é", "_", "("]),
        ),
        max_size=30,
    ).map("".join),
    st.integers(0, 200),
    st.integers(0, 200),
)
def test_the_scanner_reads_the_start_words_a_word_boundary_finds(text: str, a: int, b: int) -> None:
    """``Scanner._read`` finds, with its patterns led by the character before a word, the
    start words (those with a regex) that ``\\b`` finds, in any window of any text."""
    scanner = scan.Scanner(text)
    low = scanner.low
    lo, hi = sorted((min(a, len(low)), min(b, len(low))))
    scanner._read(lo, hi)
    expected = [
        (w.start(), found)
        for w in _PLAIN_START.finditer(low, lo, hi)
        if (found := scan._matcher(w.group())) is not None
    ]
    assert list(zip(scanner.starts, scanner.matchers, strict=True)) == expected


_CUE_TALK = words(
    """said was were had will would agreed offered to be buy set for is expected planned
    reported hundred hundreds seed seeded freed closed united abced won't didn't 'll until
    later as soon early going into""",
)
cue_texts = st.lists(
    st.one_of(
        st.sampled_from(_CUE_TALK),
        st.sampled_from([" ", "  ", ", ", ",", "\n", "'", "é", "_", "1", "-", "$"]),
    ),
    max_size=40,
).map("".join)


def _cue_key(m: re.Match[str]) -> tuple[object, ...]:
    return m.span(), m.lastgroup, tuple(sorted(m.groupdict().items()))


@settings(max_examples=400, deadline=None)
@given(cue_texts)
def test_the_possessive_ed_cue_matches_as_the_backtracking_one(text: str) -> None:
    """``anchor._CUE_WORD`` reads an "-ed" word whole; the pattern that gave letters back
    (``[a-z]{3,}(?<!hundr)(?<!e)ed``) matches the same, at every position and end."""
    ed = r"(?P<ed>[a-z]{5,}+(?<=ed)(?<!hundred)(?<!eed))"
    assert ed in anchor._CUE_WORD
    old = re.compile(
        r"\b"
        + anchor._CUE_WORD.replace(ed, r"(?P<ed>[a-z]{3,}(?<!hundr)(?<!e)ed)")
        + r"|(?P<ll>'ll)\b"
    )
    low = text.lower()
    for at in range(len(low)):
        for hi in (len(low), min(len(low), at + 7)):
            new_m, old_m = anchor._CUES.match(low, at, hi), old.match(low, at, hi)
            assert (new_m and _cue_key(new_m)) == (old_m and _cue_key(old_m))


@settings(max_examples=400, deadline=None)
@given(cue_texts, st.integers(0, 200), st.integers(0, 200))
def test_the_cues_after_a_comma_are_the_last_of_the_clause(text: str, a: int, b: int) -> None:
    """``anchor.tense`` looks for its cue after the clause's last comma first: the cues
    found from there are those found from further back that start after the comma."""
    low = text.lower()
    lo, hi = sorted((min(a, len(low)), min(b, len(low))))
    whole = [_cue_key(m) for m in anchor._cues(low, lo, hi)]
    for comma in (i for i in range(lo, hi) if low[i] == ","):
        after = [_cue_key(m) for m in anchor._cues(low, comma + 1, hi)]
        assert after == [k for k in whole if k[0][0] > comma]


@settings(max_examples=400, deadline=None)
@given(cue_texts, st.integers(0, 200), st.integers(0, 200))
def test_the_cues_before_a_comma_are_the_first_of_the_clause(text: str, a: int, b: int) -> None:
    """... and those found up to the comma (the comma in view) are the others."""
    low = text.lower()
    lo, hi = sorted((min(a, len(low)), min(b, len(low))))
    whole = [_cue_key(m) for m in anchor._cues(low, lo, hi)]
    for comma in (i for i in range(lo, hi) if low[i] == ","):
        before = [_cue_key(m) for m in anchor._cues(low, lo, comma + 1)]
        assert before == [k for k in whole if k[0][0] < comma]


_THIRD = (
    *words("may march june july jan. sept. friday monday christmas 1990 1990s 12 15th"),
    *("the year", "the month", "the week", "the 1990s", "the year-ago", "this year", "last year",
      "this week", "next month", "the day", "fiscal 1990", "the quarter"),
)  # fmt: skip
_THEN = ("ago", "before yesterday", "after tomorrow", "of", "earlier", "later", "of july",
         "before friday", "after last monday")  # fmt: skip


def test_each_kinds_own_look_ahead_changes_no_match() -> None:
    """``scan._leads_by_kind``: the regex of each kind of "the" and "a" alone, with its own
    look-ahead, matches as without it, at those words followed by pairs of the words above,
    by a word and "of" something, by one or two words and "ago", "of"... (a word missing
    from one kind's look-ahead makes that kind fail where it matched: the other kinds cannot
    hide it)."""
    seconds = sorted({*_AFTER_THE, *_AFTER_A, *_THIRD})
    for word, seps in (("the", (" ",)), ("a", (" ", "-"))):
        text = " ".join(
            f"{word}{s}{a}{sep}{b}." for s in seps for a in seconds
            for b in (*seconds, *_THEN, *(f"of {c}" for c in _THIRD), *(f"{b} {c}" for b in
                      seconds for c in _THEN)) for sep in (" ", "-")
        )  # fmt: skip
        low = scan.lower(text)
        starts = [m.start() for m in re.finditer(rf"\b{word}\b", low)]
        _assert_leads_match_as_without(word, low, starts)


_NUMBERS = ("1", "4", "5", "12", "24", "30", "90", "99", "0", "199", "1500", "1990", "2001", "3.5",
            "1,000")  # fmt: skip
_AFTER_NUMBERS = (
    *_NUMBER_TALK,
    *words("""to o'clock hours weeks months centuries decades trading-day noon midnight 1/2 s.
    th, seconds minutes nights fortnight business working dec. sept. 10 11:30 .30 -year feb
    mar. apr. jun june aug. oct. nov. second 1st 2nd 3rd 4th /16/2018 .07.2018 -07-16 -08 /16"""),
)  # fmt: skip


def test_each_kinds_own_look_ahead_at_a_number_changes_no_match() -> None:
    """``scan._digit_leads_by_kind``: the regex of each kind alone, with its own look-ahead,
    matches as without it at each number of these, followed by pairs of the words above
    (alone, as ``_NUMBER_TALK`` and the ones here: the other kinds cannot hide a kind that
    fails where it matched)."""
    text = " ".join(
        f"{n}{sep}{a}{sep2}{b}" for n in _NUMBERS for sep in ("", " ", "-") for a in _AFTER_NUMBERS
        for sep2 in ("", " ")
        for b in ("of", "ago", "the", "july", "years", "a.m.", "and 12", "day of", "days ago",
                  "quarter", "half", "morning", "the morning", "1990")
    )  # fmt: skip
    low = scan.lower(text)
    _assert_leads_match_as_without("1", low, [m.start() for m in re.finditer(r"[0-9]", low)])


def _assert_leads_match_as_without(start_word: str, low: str, starts: list[int]) -> None:
    """Each kind's regex tried at ``start_word``, alone, matches at every start with its own
    look-ahead (``scan._LEADS``) as without it."""
    for kind, lead in scan._LEADS[start_word][2].items():
        plain = re.compile(master_pattern((kind,)))
        led = re.compile(master_pattern((kind,), {kind: lead}))
        for at in starts:
            a, b = plain.match(low, at), led.match(low, at)
            assert (a and (a.span(), a.groups())) == (b and (b.span(), b.groups())), (
                kind,
                low[at : at + 40],
            )
