"""Finding candidate temporal expressions: one compiled alternation over the whole text.

Each pattern below is a *kind* of expression with its own named groups. They are joined into one
regex (``MASTER``) whose alternatives are tried in order at a position, so longer, more specific
kinds come first. Group names are prefixed with their kind (``mdy__mon``) so one regex holds all.

All patterns are written for lower-cased text (much faster than IGNORECASE). ``triggers()`` and
``START_WORDS`` let ``scan`` try the patterns only where an expression can be (see there).
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from timeline.temporal.lexicon import (
    DAYNUM,
    HOLIDAY,
    MONTH,
    MONTHS,
    NUMBER,
    NUMBERS,
    NUMWORD,
    ORDINALS,
    PART_OF_DAY,
    PARTS_OF_DAY,
    QUANT_MOD,
    SEASON,
    SEASONS,
    SPOKEN_YEAR,
    UNIT,
    UNITS,
    WEEKDAY,
    WEEKDAYS,
    YEAR4,
    ZONE,
    trie_regex,
    words,
)

_S = r"\s+"
_MOD_PRE = (
    r"(?P<mod>early|mid|late|the\s+end\s+of|the\s+beginning\s+of|the\s+start\s+of|"
    r"the\s+middle\s+of|end\s+of)"
)
_CLOCK_WORD = r"(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)"
_AMPM = r"(?:a\.m\.?|p\.m\.?|am(?!\w)|pm(?!\w)|o'clock)"
_DAY_AFTER = (
    rf"(?:,?{_S}(?:on{_S})?(?:(?P<wd>{WEEKDAY})|(?P<rd>today|yesterday|tomorrow)"
    rf"|(?P<mon>{MONTH}){_S}(?P<day>{DAYNUM})))?"
)

# (kind, pattern). Order matters: at a given position the first alternative that matches wins.
PATTERNS: list[tuple[str, str]] = [
    (
        "iso",
        r"(?P<y>\d{4})-(?P<m>[01]\d)-(?P<d>[0-3]\d)(?:t(?P<hh>[0-2]\d):(?P<mm>[0-5]\d)(?::\d\d)?)?",
    ),
    ("numdate", r"\d{1,2}/\d{1,2}/(?:\d{4}|\d{2})(?![/\d])|\d{1,2}\.\d{1,2}\.\d{4}(?!\.\d)"),
    (
        "time",
        rf"(?:(?P<qmod>around){_S})?"
        rf"(?:(?P<hour>[01]?\d)(?:[:.](?P<min>[0-5]\d))?\s*(?P<ampm>{_AMPM})"
        rf"|(?P<named>noon|midnight|midday|mid-?\s?afternoon|mid-?morning)"
        rf"|(?P<hourw>\d{{1,2}}|{_CLOCK_WORD}){_S}in{_S}the{_S}(?P<pod>morning|afternoon|evening))"
        rf"(?:{_S}(?P<zone>{ZONE}))?(?![\w])" + _DAY_AFTER,
    ),
    (
        "mdy",
        rf"(?:(?P<wd>{WEEKDAY}),?{_S})?(?:(?P<mod>early|mid|late)[\s-]+)?"
        rf"(?:(?P<rel>last|next|this){_S})?"
        rf"(?:(?P<mon>{MONTH}){_S}(?P<day>{DAYNUM})(?:,?{_S}(?P<year>{YEAR4}))?"
        rf"|(?P<day2>{DAYNUM}){_S}(?:of{_S})?(?P<mon2>{MONTH})(?:,?{_S}(?P<year2>{YEAR4}))?)",
    ),
    (
        "quarter",
        rf"(?:(?P<det>the|this{_S}year'?s|last{_S}year'?s|next{_S}year'?s|this|that|a){_S})?"
        rf"(?:(?P<year0>{YEAR4}){_S})?(?:(?P<fis0>fiscal)[\s-]+)?"
        r"(?:(?P<ago>year-ago|year-earlier|comparable|corresponding|comparable\s+year-ago)\s+"
        r"(?=first|second|third|fourth|fiscal|quarter|period))?"
        r"(?:(?P<ord>first|second|third|fourth|1st|2nd|3rd|4th|final|latest|current|last|past|"
        r"previous|prior|year-ago|year-earlier|year-before|comparable|same|next|coming|recent|"
        r"fiscal)[\s-]+)?(?:(?P<fis>fiscal)[\s-]+)?(?P<unit>quarter|half(?!\s+an?\s)|period)"
        r"(?![\w-])"
        rf"(?:{_S}(?:of{_S})?(?:(?:fiscal|calendar){_S})?(?P<year>{YEAR4})"
        rf"|{_S}of{_S}(?:the{_S})?(?P<rel>this|last|next|the)?{_S}?(?:fiscal{_S})?year"
        rf"|{_S}(?P<yago>a{_S}year{_S}(?:ago|earlier)|last{_S}year)(?![\w'-]))?",
    ),
    (
        "fiscal",
        rf"(?:(?P<the>the){_S})?(?:(?P<rel>current|last|next|this|previous|past|coming|new|latest)"
        rf"{_S})?"
        rf"(?:fiscal|fy)(?:{_S}year)?(?:{_S}?(?P<year>{YEAR4}|'\d\d))?",
    ),
    (
        "decade",
        rf"(?:(?P<det>the){_S})?(?:(?P<mod>early|mid|late)[\s-]+)?"
        rf"(?:(?P<dec>(?:1[6-9]|20)\d0)'?s|['\u2019](?P<dec2>\d0)s"
        r"|(?P<word>twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties)"
        r"|(?P<cent>\d{1,2})(?:st|nd|rd|th)[\s-]+century)(?!\w)",
    ),
    (
        "season",
        rf"(?:(?P<rel>last|next|this|coming|past|the|this{_S}past){_S})?"
        rf"(?:(?P<mod>early|mid|late)[\s-]+)?(?P<season>{SEASON})"
        rf"(?:{_S}(?:of{_S})?(?:(?P<year>{YEAR4})|(?P<spoken>{SPOKEN_YEAR})))?",
    ),
    (
        "holiday",
        rf"(?:(?P<rel>last|next|this){_S})?(?P<hol>{HOLIDAY})(?:,?{_S}(?P<year>{YEAR4}))?",
    ),
    (
        "month",
        rf"(?:(?P<rel0>last|next|this|coming|this{_S}coming|this{_S}past|past){_S})?"
        rf"(?:{_MOD_PRE}[\s-]*)?(?P<mon>{MONTH})"
        rf"(?:,?{_S}(?:of{_S})?(?P<year>{YEAR4})|{_S}(?P<rel>this|last|next){_S}year"
        rf"|{_S}(?P<spoken>{SPOKEN_YEAR}))?",
    ),
    (
        "weekday",
        rf"(?:(?P<pre>last|next|this|coming|this{_S}coming|this{_S}past|past|early|late|"
        rf"the{_S}following|the{_S}previous|the{_S}next|"
        rf"the{_S}day{_S}(?:before|after)(?:{_S}last)?){_S})?"
        rf"(?P<wd>{WEEKDAY})(?P<pl>s)?(?!\w)(?:{_S}(?P<pod>{PART_OF_DAY})(?P<pl2>s)?)?",
    ),
    (
        "relday",
        rf"(?:(?P<mod>early|late|mid-?afternoon|mid-?morning){_S})?"
        r"(?P<rd>yesterday|today|tomorrow|tonight|overnight|the\s+day\s+before\s+yesterday|"
        r"the\s+day\s+after\s+tomorrow)(?!\w)(?:\s+(?P<pod>morning|afternoon|evening|night))?"
        rf"|(?:(?P<mod2>early|late){_S})?(?P<this>this|last|tomorrow|yesterday)"
        rf"{_S}(?P<pod2>{PART_OF_DAY})",
    ),
    (
        "year",
        rf"(?:(?P<mod>early|mid|late|the\s+end\s+of|the\s+beginning\s+of|the\s+start\s+of|"
        rf"the\s+middle\s+of|end\s+of|post|pre)[\s-]+)?(?:(?P<the>the\s+year)\s+)?"
        rf"(?:(?P<year>{YEAR4})(?P<span>-(?:\d\d|\d{{4}}))?|(?P<spoken>{SPOKEN_YEAR}))(?![\w-])",
    ),
    (
        "ago",
        rf"(?:(?P<qmod>{QUANT_MOD}){_S})?(?P<num>{NUMBER})[\s-]+(?P<unit>{UNIT})"
        rf"(?P<half>{_S}and{_S}a{_S}half)?(?:{_S}or{_S}so)?{_S}(?P<dir>ago|earlier|later|from{_S}now|hence|"
        r"(?:before|after)(?=\s*[,.;:)]|\s*$))(?![\w-])",
    ),
    (
        "relunit",
        r"(?:(?P<mod>early|late|mid|earlier|later|the\s+end\s+of|the\s+beginning\s+of|"
        r"the\s+start\s+of|the\s+middle\s+of|end\s+of|the\s+rest\s+of)[\s-]+(?:in\s+)?)?"
        r"(?P<rel>this\s+past|last|next|this|past|previous|coming|the\s+past|the\s+coming|"
        r"the\s+current|the\s+previous|the\s+following|the\s+next|the\s+same|that\s+same|that|"
        r"the\s+latest|the\s+last|the\s+whole|the\s+full|the\s+entire|the)\s+"
        r"(?P<unit>week|weekend|month|year|decade|century|day|morning|afternoon|evening|night)"
        r"(?![\w-]|\s+(?:two\s+thousand|nineteen|1\d{3}\b|20\d\d\b))"
        # "the day before", but not "later in the day before returning home"
        r"(?P<after>\s+(?:before|after|earlier|later)(?!\s+[a-z]+ing\b))?",
    ),
    (
        "yearadj",
        r"(?P<w>year[-\s]end|year's\s+end|year-earlier|year-ago|year-before|month[-\s]end|"
        r"quarter[-\s]end)",
    ),
    (
        "set",
        rf"(?P<q>every|each|per|a)(?:{_S}other)?{_S}(?P<unit>day|week|month|year|quarter|hour|"
        rf"minute|morning|night|evening|afternoon|weekend|{WEEKDAY}|{MONTH}|{SEASON})"
        r"(?![\w-]|\s+and\s+a\s+half|\s+or\s+(?:so|two|three)\b)"
        r"|(?P<adv>daily|weekly|monthly|annually|yearly|hourly|quarterly|biweekly|nightly|"
        r"semiannually|semi-annually)(?!\w)",
    ),
    (
        "ordday",
        r"(?:the\s+)?(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|"
        r"\d{1,3}(?:st|nd|rd|th))\s+day(?=\s+of\b)",
    ),
    (
        "duration",
        rf"(?:(?P<qmod>{QUANT_MOD}){_S}(?!the\b|past\b|last\b|next\b))?(?:(?P<det>the){_S})?"
        r"(?:(?P<rel>past|last|next|first|coming|previous|following|final|remaining|recent|future|"
        r"latest|initial|an\s+additional|an\s+extra|additional|further|another|more|early|"
        r"ensuing|better\s+part\s+of\s+the|"
        r"year-earlier|year-ago)"
        rf"{_S})?(?:(?P<num>{NUMBER})(?:{_S}more)?[\s-]+)?(?P<unit>{UNIT})"
        r"(?P<half>\s+and\s+a\s+half)?(?P<suffix>[\s-]+(?:old|long))?(?P<orso>\s+or\s+(?:so|two|three))?(?![\w-])",
    ),
    (
        "ref",
        rf"(?P<w>now|currently|recently|the\s+past(?!\s+(?:\d|{NUMWORD}\b|few\b|several\b))|"
        r"the\s+future|the\s+present|"
        r"the\s+near\s+future|(?<!as\s)soon(?!\s+as\b)|formerly|nowadays|lately|presently|"
        r"current|recent|later\s+on|these\s+days|at\s+present|the\s+(?:near|short|long)\s+term|"
        r"a\s+later\s+date|a\s+while|some\s+time|the\s+time|"
        r"a\s+(?:(?:fairly|very|relatively|rather)\s+)?(?:long|lengthy|short|brief|extended|"
        r"prolonged|considerable|indefinite)\s+period(?:\s+of\s+time)?)(?!\w)",
    ),
    # "on April 24 and 25": a day number coordinated with a date just named (see
    # ``absolute.and_day``); the look-behind keeps it from every other number
    ("andday", r"(?:(?<=\d\sand\s)|(?<=\d\sor\s))(?P<d>3[01]|[12]\d|0?[1-9])(?![\w%.,]\d|[\w%])"),
]

_PREFIX = re.compile(r"\(\?P<(\w+)>")


def _scoped(kind: str, pattern: str) -> str:
    return _PREFIX.sub(lambda m: f"(?P<{kind}__{m[1]}>", pattern)


def _optional_as_branch(pattern: str) -> str:
    """``pattern`` with each optional group, ``(?:X)?`` or ``(?P<name>X)?``, written as a
    choice between it and nothing, ``(?:X|)``: the same tries in the same order, so the same
    match and groups. For the first, the engine runs a repeat's bookkeeping, which copies the
    marks of the regex's groups up to the last one set before each try (a kind late in a
    scanner's regex has a hundred groups before it); a choice outside a repeat notes which
    group was the last."""
    out: list[str] = []
    opened: list[int] = []  # where each group still open starts in ``out``
    i = 0
    while i < len(pattern):
        char, end = pattern[i], i + 1
        if char == "\\":
            end += 1
        elif char == "[":  # a class: the brackets and parentheses in it are characters
            end += pattern[end] == "^"
            end += pattern[end] == "]"
            while pattern[end] != "]":
                end += 2 if pattern[end] == "\\" else 1
            end += 1
        elif char == "(":
            opened.append(len(out))
        elif char == ")":
            start = opened.pop()
            group = "".join(out[start:]) + ")"
            del out[start:]
            greedy = pattern.startswith("?", end) and not pattern.startswith(("??", "?+"), end)
            if greedy and not group.startswith(("(?=", "(?!", "(?<=", "(?<!")):
                group = f"{group[:-1]}|)" if group.startswith("(?:") else f"(?:{group}|)"
                end += 1  # (past the "?")
            out.append(group)
            i = end
            continue
        out.append(pattern[i:end])
        i = end
    return "".join(out)


# each kind's pattern as ``master_pattern`` writes it: its groups named for it, its optional
# groups choices
_WRITTEN = {kind: _optional_as_branch(_scoped(kind, p)) for kind, p in PATTERNS}


def master_pattern(kinds: tuple[str, ...], leads: Mapping[str, str] | None = None) -> str:
    """One regex for the given kinds, in ``PATTERNS`` order, each a named group, preceded by
    its look-ahead in ``leads`` if it has one (no group of its own: the numbers stay)."""
    leads = leads or {}
    alts = "|".join(
        f"{leads.get(kind, '')}(?P<{kind}>{_WRITTEN[kind]})"
        for kind, _ in PATTERNS
        if kind in kinds
    )
    return r"(?<![\w$£€.,#/:-])(?:" + alts + r")(?!\w)"


KINDS = tuple(kind for kind, _ in PATTERNS)
MASTER = re.compile(master_pattern(KINDS))

# Words at least one of which is in every expression MASTER can match.
_CORE_WORDS = [
    *MONTHS,
    *WEEKDAYS,
    *(day + "s" for day in WEEKDAYS),  # "on Tuesdays"
    *SEASONS,
    *PARTS_OF_DAY,
    *(unit + s for unit in UNITS if unit != "centurie" for s in ("", "s")),
    "centuries",
    *words(
        """today yesterday tomorrow now current currently recent recently soon past future
        present formerly lately presently nowadays later christmas thanksgiving easter halloween
        eve half period term fiscal fy nineteen eighteen thousand daily weekly monthly annually
        yearly hourly quarterly biweekly nightly semiannually semi twenties thirties forties fifties
        sixties seventies eighties nineties while time"""
    ),
]
_WORD_TRIGGER = re.compile(r"\b" + trie_regex(_CORE_WORDS) + r"\b")
# The same words found by the character before them, which is what ``\b`` checks: a pattern
# that starts with a character class lets the engine skip to the next gap between words in C
# instead of trying the pattern at every letter (a sixth faster over the whole text). Only the
# text's first word has no character before it: ``_WORD_TRIGGER`` is tried there.
# The leading classes of patterns that have an ASCII twin (below): (a non-word character, a
# digit) for any text, and the same for a text whose letters and digits are all ASCII.
UNICODE_CLASSES = (r"\W", r"\d")
ASCII_CLASSES = ("[^a-z0-9_]", "[0-9]")


def _word_after_gap(gap: str) -> re.Pattern[str]:
    return re.compile(gap + "(" + trie_regex(_CORE_WORDS) + r")\b")


_WORD_AFTER_GAP = _word_after_gap(UNICODE_CLASSES[0])
# Digits count unless they are money, a percentage, a decimal part or thousands ("$1.76",
# "15%", "1,000"): those are a third of all digit runs in news, and never a timex on their own.
# The look-behind comes after the first digit so that the regex starts with a character class,
# which lets the engine skip non-digits in C: three times faster than a leading look-behind.
# Nor do counts ("12 million", "50 cents", "30 people", "3 percent"): no pattern reads one of
# these words after a number, so an expression holding such a number either ends with it (a
# year, "24 and 25", "May 12") or has no match at it. Where it ends with it, it also holds an
# earlier trigger (the month, the first number of "3/12" or "1990-12") whose window holds its
# start, and the scanner finds it there first or not at all; so the trigger is kept only for
# the two kinds made of that number alone: a number of four digits (a year) and one after
# "and " or "or " ("andday"). A third of the digit triggers of news that yield nothing.
_COUNT = (
    r"(?:(?<=\sand\s\d)|(?<=\sor\s\d)|(?=\d{3}(?!\d))"
    r"|(?!\d*\s+(?:million|billion|trillion|percent|cents|pence|people)\b))"
)


def _digit_trigger(digit: str, money: str = "$\u00a3\u20ac") -> str:
    return digit + rf"(?<![{money}\d.,]\d)" + _COUNT + r"\d*(?!\d|%|,\d{3})"


_DIGIT_TRIGGER = re.compile(_digit_trigger(UNICODE_CLASSES[1]))
# In a text whose letters and digits are all ASCII (most English news, curly quotes and dashes
# included), the leading classes \W and \d are [^a-z0-9_] and [0-9] (``low`` has no capitals),
# which the engine tests from a table instead of looking each character up in the Unicode
# database: both searches take a fifth less time. Other texts keep the classes above.
_NON_ASCII_WORD_CHAR = re.compile(r"[^\x00-\x7f](?<=\w)")
_WORD_AFTER_GAP_ASCII = _word_after_gap(ASCII_CLASSES[0])
_DIGIT_TRIGGER_ASCII = re.compile(_digit_trigger(ASCII_CLASSES[1]))
# Such a text is searched faster still in bytes copies of it where the characters a pattern
# does not tell apart are one (``_ascii_triggers``): for the words, every gap between words is
# a space; for the digits, every digit is "0" and all white space a space (the ``\s`` of bytes
# takes fewer characters than str's). A pattern that starts with one character, not a class,
# lets the engine skip to the next place worth a try by comparing bytes instead of testing the
# class at each character: 30% fewer instructions for the words, half for the digits, copies
# included. The matches are the same: the words' pattern reads a gap, then letters and \b,
# alike in both texts; the digits' pattern tells no two digits apart, nor two spaces. Only a
# core word with a gap inside ("mid-morning") reads otherwise on the copy, where "mid,morning"
# looks the same: a text that may hold one is searched with the pattern above. The other
# characters of a text that is not all ASCII are gaps (``ascii_words``), "?" in the copy; its
# digits are searched as above ("?" may stand for white space or a currency sign there).
_WORD_CHARS = frozenset(b"abcdefghijklmnopqrstuvwxyz0123456789_")
_GAPS_AS_SPACES = bytes(c if c in _WORD_CHARS else 32 for c in range(256))
_DIGITS_AS_ZEROS = bytes(
    ord("0") if chr(c) in "0123456789" else ord(" ") if c < 128 and chr(c).isspace() else c
    for c in range(256)
)
# the gapped words as they read on the copy (where a gap may have been any)
_MAY_BE_GAPPED = re.compile(
    b" " + trie_regex(re.sub("[^a-z]+", " ", w) for w in _CORE_WORDS if not w.isalpha()).encode()
)
_WORD_AFTER_SPACE = re.compile(
    b" (" + trie_regex(w for w in _CORE_WORDS if w.isalpha()).encode() + rb")\b"
)
_ZERO_TRIGGER = re.compile(_digit_trigger("0", "$").encode())


def ascii_words(low: str) -> bool:
    """Whether the letters and digits of ``low`` are all ASCII (see above)."""
    return low.isascii() or _NON_ASCII_WORD_CHAR.search(low) is None


def triggers(low: str, ascii_only: bool | None = None) -> list[tuple[int, int]]:
    """Spans of the words and digits of ``low`` (lower-cased text) that every timex contains;
    ``ascii_only`` is ``ascii_words(low)`` when the caller knows it.

    Two simple regexes and a sort are faster than one alternation of both.
    """
    first = _WORD_TRIGGER.match(low)
    found = [first.span()] if first else []
    if ascii_only if ascii_only is not None else ascii_words(low):
        found += _ascii_triggers(low)
    else:
        found += [m.span(1) for m in _WORD_AFTER_GAP.finditer(low)]
        found += [m.span() for m in _DIGIT_TRIGGER.finditer(low)]
    found.sort()
    return found


def _ascii_triggers(low: str) -> list[tuple[int, int]]:
    """The triggers after the first character of a text whose letters and digits are all
    ASCII, found in its bytes copies where it can be (see above)."""
    raw = low.encode("ascii", "replace")
    spaced = raw.translate(_GAPS_AS_SPACES)
    if _MAY_BE_GAPPED.search(spaced) is None:
        found = [m.span(1) for m in _WORD_AFTER_SPACE.finditer(spaced)]
    else:
        found = [m.span(1) for m in _WORD_AFTER_GAP_ASCII.finditer(low)]
    if low.isascii():
        found += [m.span() for m in _ZERO_TRIGGER.finditer(raw.translate(_DIGITS_AS_ZEROS))]
    else:
        found += [m.span() for m in _DIGIT_TRIGGER_ASCII.finditer(low)]
    return found


# Words an expression may start with: the patterns are tried only at these.
START_WORDS = [
    *_CORE_WORDS,
    *NUMBERS,
    *ORDINALS,
    *words(
        """the a an this that these last next past coming previous following early earlier late
        later mid end each every per at about around almost nearly less more up no just over under
        some several few many couple number dozens hundreds half third fourth final latest
        fifth sixth seventh eighth ninth tenth
        current prior same recent initial additional further another ensuing better remaining
        whole full entire rest fiscal fy year post pre new independence valentine veterans
        bastille boxing memorial labor martin presidents election mother father good noon
        midnight midday comparable corresponding twenty thirty forty fifty sixty seventy eighty
        ninety"""
    ),
]
GROUPS: dict[str, tuple[tuple[str, str], ...]] = {
    kind: tuple(
        (name, name.split("__", 1)[1]) for name in MASTER.groupindex if name.startswith(kind + "__")
    )
    for kind in KINDS
}
