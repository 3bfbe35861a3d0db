"""German, French, Spanish and Russian temporal vocabulary and the patterns built from it.

Month and weekday names come from dateparser's locale data (``default_loader``); this module
adds what that data lacks (Russian prepositional months and accusative weekdays, Spanish
"setiembre" is already there), plus the function words, number words and tense cues that the
tagger needs around them.

Each ``LangSpec`` pattern is a regex *template*: ``{M}`` (any month form), ``{MF}`` (full month
names only), ``{WD}`` (weekday forms), ``{N}`` (a number word or digits) and ``{U}`` (a
calendar unit) are filled in when the patterns are compiled. Named groups have one meaning in
every language (see ``multilingual.py``); ``t`` marks the extent of the expression when the
match also consumes a leading preposition, which TimeML leaves out of a TIMEX3.
"""

# ruff: noqa: RUF001 - the vocabulary is German, French, Spanish and Russian text

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache

from dateparser.languages.loader import default_loader  # type: ignore[import-untyped]


@dataclass(frozen=True, slots=True)
class LangSpec:
    """Everything language-specific; the tables are looked up by lower-cased word or stem."""

    code: str
    capitalized_nouns: bool  # German: month and weekday names are capitalized nouns
    extra_months: dict[str, int]
    extra_weekdays: dict[str, int]
    numbers: dict[str, int]  # word or stem -> value; the longest matching stem wins
    units: dict[str, str]  # word or stem -> "D" / "W" / "M" / "Y"
    directions: dict[str, int]  # last / this / next words or stems -> -1 / 0 / +1
    mods: dict[str, str]  # "Anfang" -> START, ...
    day_words: dict[str, int]  # extra words beyond dateparser's "N day ago" relative types
    parts_of_day: dict[str, str]  # word or stem -> TIMEX3 part of day (MO, AF, EV, NI)
    future_cues: str  # regex: words that put a clause in the future
    past_cues: str  # regex: words that put a clause in the past (the nearer cue wins)
    number: str
    unit: str
    date: str  # day month [year]
    month: str  # [cue] [mod] month [year]
    year: str  # [cue] [mod] [noun] year [suffix]
    weekday: str
    dayword: str  # {DW} is filled with yesterday / today / tomorrow words
    relunit: str  # last / this / next week / month / year
    vague: str  # the coming weeks / recent days
    ago: str
    later: str
    thisday: str = ""  # "ce matin", "esta noche": today's part of day
    morning_nouns: tuple[str, ...] = field(default=())  # "la mañana": morning, not tomorrow
    singular_units: frozenset[str] = frozenset()  # units that count one without a number


_DIGITS = r"\d{1,3}"
_YEAR = r"(?P<y>(?:1[5-9]|20)\d\d)(?!\d)"

DE = LangSpec(
    code="de",
    capitalized_nouns=True,
    extra_months={},
    extra_weekdays={"sonnabend": 6},
    numbers={
        "ein": 1,
        "zwei": 2,
        "drei": 3,
        "vier": 4,
        "fünf": 5,
        "sechs": 6,
        "sieben": 7,
        "acht": 8,
        "neun": 9,
        "zehn": 10,
        "elf": 11,
        "zwölf": 12,
        "fünfzehn": 15,
        "zwanzig": 20,
        "dreißig": 30,
        "fünfzig": 50,
        "hundert": 100,
    },
    units={"tag": "D", "woche": "W", "monat": "M", "jahr": "Y"},
    directions={
        "letzt": -1,
        "vergangen": -1,
        "vorig": -1,
        "nächst": 1,
        "kommend": 1,
        "dies": 0,
        "laufend": 0,
    },
    mods={"anfang": "START", "mitte": "MID", "ende": "END"},
    day_words={"vorgestern": -2, "übermorgen": 2},
    parts_of_day={
        "morgen": "MO",
        "früh": "MO",
        "vormittag": "MO",
        "nachmittag": "AF",
        "abend": "EV",
        "nacht": "NI",
    },
    future_cues=r"\b(?:wird|werden|werde|wirst|werdet|soll|sollen|plant|planen|geplant)\b",
    past_cues=r"\b(?:hatte|hatten|hat|haben|war|waren|wurde|wurden|sagte|sagten|traf|trafen|kam|"
    r"kamen)\b",
    number=rf"(?:{_DIGITS}|ein(?:em|er|en|e)?|zwei|drei|vier|fünfzehn|fünf|sechs|sieben|acht|"
    r"neun|zehn|elf|zwölf|zwanzig|dreißig|fünfzig|hundert)",
    unit=r"(?:Tag(?:e|en)?|Wochen?|Monat(?:e|en)?|Jahr(?:e|en)?)",
    date=r"(?:(?P<wd>{WD}),?\s+(?:(?:den|dem)\s+)?)?(?P<d>3[01]|[12]\d|0?[1-9])\.\s*(?P<m>{M})"
    rf"(?:\s+{_YEAR})?",
    month=r"(?:(?P<cue>im|seit|bis|ab|vom|zum|Monat)\s+)?(?P<t>(?:(?P<mod>Anfang|Mitte|Ende)\s+)?"
    rf"(?P<m>{{MF}})(?:\s+{_YEAR})?)",
    year=r"(?:\b(?P<cue>seit|bis|ab|vor|nach|in|um|im|von)\s+)?(?P<t>(?:(?P<mod>Anfang|Mitte|Ende)"
    rf"\s+)?(?:(?P<noun>Jahre?s?)\s+)?{_YEAR})",
    weekday=r"(?P<t>(?:(?P<pre>letzten|vergangenen|vorigen|nächsten|kommenden|diesen)\s+)?"
    r"(?P<wd>{WD})(?P<pod>morgen|vormittag|nachmittag|abend|nacht)?)(?!\w)",
    dayword=r"(?P<w>{DW})(?:\s+(?P<pod>Morgen|früh|Vormittag|Nachmittag|Abend|Nacht))?",
    relunit=r"(?:(?:der|die|das|den|dem|des)\s+)?(?P<rel>(?:letzt|vergangen|vorig|nächst|kommend|"
    r"dies|laufend)e[nrsm]?)\s+(?P<u>Woche|Monats?|Jahr(?:es|s)?)(?!\w)",
    vague=r"(?:den\s+)?(?P<rel>kommenden|nächsten|vergangenen|letzten)\s+(?:(?:paar|wenigen)\s+)?"
    r"(?P<u>Tagen|Wochen|Monaten|Jahren)",
    ago=r"vor\s+(?:(?P<approx>etwa|rund|knapp|fast|gut|mehr als|über)\s+)?(?P<n>{N})\s+(?P<u>{U})",
    later=r"in\s+(?:(?P<approx>etwa|rund|knapp|gut)\s+)?(?P<n>{N})\s+(?P<u>{U})",
)

FR = LangSpec(
    code="fr",
    capitalized_nouns=False,
    extra_months={"fevrier": 2, "aout": 8, "decembre": 12},
    extra_weekdays={},
    numbers={
        "un": 1,
        "deux": 2,
        "trois": 3,
        "quatre": 4,
        "cinq": 5,
        "six": 6,
        "sept": 7,
        "huit": 8,
        "neuf": 9,
        "dix": 10,
        "onze": 11,
        "douze": 12,
        "quinze": 15,
        "vingt": 20,
        "trente": 30,
        "cinquante": 50,
        "cent": 100,
    },
    units={"jour": "D", "semaine": "W", "mois": "M", "an": "Y"},
    directions={
        "derni": -1,
        "pass": -1,
        "prochain": 1,
        "à venir": 1,
        "ce": 0,
        "cet": 0,
        "cette": 0,
    },
    mods={"début": "START", "mi": "MID", "fin": "END"},
    day_words={"aujourd’hui": 0},
    parts_of_day={"matin": "MO", "après-midi": "AF", "soir": "EV", "nuit": "NI"},
    past_cues=r"\b(?:a|ont|avait|avaient|était|étaient|fut|furent|\w+(?:ait|aient))\b",
    future_cues=r"\b(?:va|vont|allons|devrait|devraient|prévu|prévue|\w+(?:era|eront|ira|"
    r"iront|dra|dront|ura|uront|aura|auront))\b",
    number=rf"(?:{_DIGITS}|une?|deux|trois|quatre|cinq|six|sept|huit|neuf|dix|onze|douze|quinze|"
    r"vingt|trente|cinquante|cent)",
    unit=r"(?:jours?|semaines?|mois|ans?|années?)",
    date=r"(?:(?P<cue>du|au)\s+)?(?P<t>(?:le\s+)?(?:(?P<wd>{WD})\s+)?(?:le\s+)?(?P<d>1er|3[01]|"
    rf"[12]\d|0?[1-9])\s+(?P<m>{{M}})(?:\s+{_YEAR})?)",
    month=r"(?:(?P<cue>en|depuis|jusqu'en|jusqu’en|dès|courant|d'ici|d’ici)\s+)?(?P<t>(?:(?P<mod>"
    rf"début|fin|mi-)\s*)?(?P<m>{{MF}})(?:\s+{_YEAR})?)",
    year=r"(?:\b(?P<cue>en|depuis|jusqu'en|jusqu’en|dès|avant|après|d'ici|d’ici)\s+)?(?P<t>(?:"
    rf"(?P<mod>début|fin|mi-)\s*)?(?:(?P<noun>l'année|l’année|l'an|l’an)\s+)?{_YEAR})",
    weekday=r"(?P<t>(?P<wd>{WD})(?:\s+(?P<post>dernier|prochain))?(?:\s+(?P<pod>matin|soir|"
    r"après-midi))?)(?!\w)",
    dayword=r"(?P<w>{DW})(?:\s+(?P<pod>matin|après-midi|soir))?",
    relunit=r"(?P<rel>cette|ce|cet|la|le|l'|l’)\s*(?P<u>semaine|mois|année|an)(?!\w)(?:-ci)?"
    r"(?:\s+(?P<post>dernière|dernier|passée|passé|prochaine|prochain))?",
    vague=r"(?:(?P<pre>les|ces|des)\s+(?:(?P<rel>prochain|dernièr|derni)\w*\s+)?(?P<u>jours|"
    r"semaines|mois|années)(?:\s+(?P<post>à venir|prochains|prochaines|derniers|dernières))?)",
    ago=r"il\s+y\s+a\s+(?:(?P<approx>environ|près de|plus de|presque)\s+)?(?P<n>{N})\s+(?P<u>{U})",
    thisday=r"(?P<t>(?:ce|cet|cette)\s+(?P<pod>matin|après-midi|soir|nuit))(?!\w)",
    later=r"dans\s+(?:(?P<approx>environ|près de)\s+)?(?P<n>{N})\s+(?P<u>{U})",
)

ES = LangSpec(
    code="es",
    capitalized_nouns=False,
    extra_months={"setiembre": 9},
    extra_weekdays={"miercoles": 3, "sabado": 6},
    numbers={
        "un": 1,
        "dos": 2,
        "tres": 3,
        "cuatro": 4,
        "cinco": 5,
        "seis": 6,
        "siete": 7,
        "ocho": 8,
        "nueve": 9,
        "diez": 10,
        "once": 11,
        "doce": 12,
        "quince": 15,
        "veinte": 20,
        "treinta": 30,
        "cincuenta": 50,
        "cien": 100,
    },
    units={"día": "D", "dia": "D", "semana": "W", "mes": "M", "año": "Y"},
    directions={"pasad": -1, "últim": -1, "próxim": 1, "que viene": 1, "est": 0},
    mods={
        "principio": "START",
        "comienzo": "START",
        "inicio": "START",
        "mediado": "MID",
        "final": "END",
        "fin": "END",
    },
    day_words={"pasado mañana": 2, "antier": -2},
    parts_of_day={"mañana": "MO", "tarde": "AF", "noche": "NI"},
    past_cues=r"\b(?:fue|fueron|ha|han|había|habían|\w+(?:ó|aron|ieron|aba|aban))(?!\w)",
    future_cues=r"\b(?:va a|van a|vamos a|previst[oa]s?|\w+r(?:á|án|é|emos|éis))(?!\w)",
    number=rf"(?:{_DIGITS}|un[oa]?|dos|tres|cuatro|cinco|seis|siete|ocho|nueve|diez|once|doce|"
    r"quince|veinte|treinta|cincuenta|cien)",
    unit=r"(?:días?|dias?|semanas?|mes(?:es)?|años?)",
    date=r"(?:(?P<cue>del|al)\s+)?(?P<t>(?:el\s+)?(?:(?P<wd>{WD}),?\s+)?(?:el\s+)?(?P<d>3[01]|"
    rf"[12]\d|0?[1-9])(?:º|°)?\s+de\s+(?P<m>{{M}})(?:\s+(?:de|del)\s+{_YEAR})?)",
    month=r"(?:(?P<cue>en|desde|hasta|para)\s+)?(?P<t>(?:(?P<mod>(?:principios|comienzos|inicios|"
    rf"mediados|finales|fines)\s+de)\s+)?(?P<m>{{MF}})(?:\s+(?:de|del)\s+{_YEAR})?)",
    year=r"(?:\b(?P<cue>en|desde|hasta|para|antes de|después de)\s+)?(?P<t>(?:(?P<mod>(?:"
    r"principios|comienzos|inicios|mediados|finales|fines)\s+de)\s+)?(?:(?P<noun>el\s+año|"
    rf"del\s+año)\s+)?{_YEAR})",
    weekday=r"(?P<t>(?:el\s+)?(?:(?P<pre>próximo|pasado)\s+)?(?P<wd>{WD})(?:\s+(?P<post>pasado|"
    r"próximo|que viene))?(?:\s+por\s+la\s+(?P<pod>mañana|tarde|noche))?)(?!\w)",
    dayword=r"(?P<w>{DW})(?:\s+(?:por\s+la|en\s+la)\s+(?P<pod>mañana|tarde|noche))?",
    relunit=r"(?:(?P<art>el|la)\s+)?(?:(?P<rel>pasad[oa]|próxim[oa]|est[ea]|últim[oa])\s+)?(?P<u>"
    r"semana|mes|año)(?!\w)(?:\s+(?P<post>pasad[oa]|próxim[oa]|que\s+viene))?",
    vague=r"(?P<pre>las|los)\s+(?P<rel>próxim|últim)\w*\s+(?P<u>días|semanas|meses|años)",
    ago=r"hace\s+(?:(?P<approx>unos|unas|casi|más de|cerca de)\s+)?(?P<n>{N})\s+(?P<u>{U})",
    later=r"dentro\s+de\s+(?:(?P<approx>unos|unas)\s+)?(?P<n>{N})\s+(?P<u>{U})",
    thisday=r"(?P<t>esta\s+(?P<pod>mañana|tarde|noche)|(?P<last>anoche))(?!\w)",
    morning_nouns=("la", "una", "esta", "esa", "cada", "media", "aquella", "toda"),
)

RU = LangSpec(
    code="ru",
    capitalized_nouns=False,
    extra_months={
        "январе": 1,
        "феврале": 2,
        "марте": 3,
        "апреле": 4,
        "мае": 5,
        "июне": 6,
        "июле": 7,
        "августе": 8,
        "сентябре": 9,
        "октябре": 10,
        "ноябре": 11,
        "декабре": 12,
    },
    extra_weekdays={
        "понедельника": 1,
        "вторника": 2,
        "среды": 3,
        "четверга": 4,
        "пятницы": 5,
        "субботы": 6,
        "воскресенья": 7,
    },
    numbers={
        "од": 1,
        "дв": 2,
        "тр": 3,
        "четыр": 4,
        "пят": 5,
        "шест": 6,
        "сем": 7,
        "восем": 8,
        "восьм": 8,
        "девят": 9,
        "десят": 10,
        "одиннадцат": 11,
        "двенадцат": 12,
        "пятнадцат": 15,
        "двадцат": 20,
        "тридцат": 30,
        "пятидесят": 50,
        "пятьдесят": 50,
        "ст": 100,
    },
    units={"д": "D", "сут": "D", "недел": "W", "месяц": "M", "год": "Y", "лет": "Y"},
    directions={
        "прошл": -1,
        "минувш": -1,
        "последн": -1,
        "прошедш": -1,
        "следующ": 1,
        "будущ": 1,
        "ближайш": 1,
        "предстоящ": 1,
        "грядущ": 1,
        "эт": 0,
        "текущ": 0,
        "нынешн": 0,
    },
    mods={"начал": "START", "середин": "MID", "конц": "END"},
    day_words={},
    parts_of_day={"утр": "MO", "днём": "AF", "днем": "AF", "вечер": "EV", "ночь": "NI"},
    past_cues=r"(?<!\w)\w{2,}(?:л|ла|ло|ли)(?:ся|сь)?(?!\w)",
    future_cues=r"(?<!\w)(?:будет|будут|буду|будем|состоится|состоятся|пройд[её]т|планиру\w*|"
    r"намерен\w*|собирает\w*|ожидает\w*)(?!\w)",
    number=rf"(?:{_DIGITS}|одн[уиой]|один|одного|дв[аеух]+|тр[иеёх]+|четыр[еёх]+|пят[ьи]|"
    r"шест[ьи]|сем[ьи]|восем[ьи]|восьми|девят[ьи]|десят[ьи]|пятнадцат[ьи]|двадцат[ьи]|"
    r"тридцат[ьи]|пятьдесят|ста|сто)",
    unit=r"(?:день|дня|дней|сутки|суток|неделю|недели|недель|месяц|месяца|месяцев|год|года|лет)",
    date=r"(?P<t>(?:(?P<wd>{WD}),?\s+)?(?P<d>3[01]|[12]\d|0?[1-9])(?:-?го)?\s+(?P<m>{M})(?:\s+"
    + _YEAR
    + r"(?:\s*(?P<suf>года|году|год|г\.?)(?!\w))?)?)",
    month=r"(?:(?P<cue>в|с|до|к|по)\s+)?(?P<t>(?:(?P<mod>начале|середине|конце)\s+)?(?P<m>{MF})"
    r"(?:\s+" + _YEAR + r"(?:\s*(?P<suf>года|году|год|г\.?)(?!\w))?)?)",
    year=r"(?:(?<!\w)(?P<cue>в|с|до|к|после|по)\s+)?(?P<t>(?:(?P<mod>начале|середине|конце)\s+)?"
    + _YEAR
    + r"(?:\s*(?P<suf>года|году|год|г\.?)(?!\w))?)",
    weekday=r"(?P<t>(?:(?P<pre>прошл\w+|следующ\w+|будущ\w+|эт\w+)\s+)?(?P<wd>{WD})"
    r"(?:\s+(?P<pod>утром|днём|днем|вечером|ночью))?)(?!\w)",
    dayword=r"(?P<w>{DW})(?:\s+(?P<pod>утром|днём|днем|вечером|ночью))?",
    relunit=r"(?P<rel>прошл\w*|минувш\w*|следующ\w*|будущ\w*|эт\w*|текущ\w*|нынешн\w*)\s+"
    r"(?P<u>неделе|неделю|месяце|месяц|году|год)(?!\w)",
    vague=r"(?P<rel>ближайш\w+|последн\w+|предстоящ\w+|грядущ\w+|прошедш\w+)\s+(?:(?:несколько)"
    r"\s+)?(?P<u>дн[иейя]+|недел[иья]+|месяц\w*|год[ыа]?|лет)(?!\w)",
    ago=r"(?:(?P<approx>около|почти|более|примерно)\s+)?(?:(?P<n>{N})\s+)?(?P<u>{U})\s+назад",
    thisday=r"(?P<t>(?:этим|этой|этою)\s+(?P<pod>утром|ночью|вечером))(?!\w)",
    singular_units=frozenset({"день", "сутки", "неделю", "месяц", "год"}),
    later=r"через\s+(?:(?P<approx>около|примерно)\s+)?(?:(?P<n>{N})\s+)?(?P<u>{U})",
)

SPECS: dict[str, LangSpec] = {s.code: s for s in (DE, FR, ES, RU)}


@dataclass(frozen=True, slots=True)
class Lang:
    """One language ready to tag: its spec, lookup tables and compiled patterns by kind."""

    spec: LangSpec
    months: dict[str, int]
    weekdays: dict[str, int]
    day_words: dict[str, int]
    tense: re.Pattern[str]  # groups "future" and "past"
    patterns: tuple[tuple[str, re.Pattern[str]], ...]


_NUMERIC = (
    r"(?<![\d.,/-])(?:(?P<d>3[01]|[12]\d|0?[1-9])(?P<sep>[./-])(?P<mo>1[0-2]|0?[1-9])(?P=sep)"
    r"(?P<y>(?:1[5-9]|20)\d\d)|(?P<iy>(?:1[5-9]|20)\d\d)-(?P<imo>1[0-2]|0[1-9])-(?P<id>3[01]|"
    r"[12]\d|0[1-9]))(?![\d.,/]\d|\w)"
)
_NAMES = ["january", "february", "march", "april", "may", "june", "july", "august",
          "september", "october", "november", "december"]  # fmt: skip
_WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]


def _forms(info: dict[str, list[str]], names: list[str]) -> dict[str, int]:
    return {w.lower(): i + 1 for i, n in enumerate(names) for w in info[n]}


def _full(table: dict[str, int], min_len: int) -> dict[str, int]:
    """Drop abbreviations: forms that begin another form of the same name, or are too short."""
    return {
        w: n
        for w, n in table.items()
        if len(w) >= min_len
        and not any(o != w and o.startswith(w) and table[o] == n for o in table)
    }


def _alt(words: object) -> str:
    items = sorted({str(w) for w in words}, key=len, reverse=True)  # type: ignore[attr-defined]
    return "(?:" + "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in items) + ")"


@cache
def compiled(code: str) -> Lang:
    """The compiled patterns and lookup tables of one language."""
    spec = SPECS[code]
    info = default_loader.get_locale(code).info
    located = _forms(info, _NAMES)
    months = located | spec.extra_months
    weekdays = _full(_forms(info, _WEEKDAYS), 4) | spec.extra_weekdays
    day_words = {
        w: int(m[2]) * (-1 if m[3] else 1)
        for key, ws in info["relative-type"].items()
        if (m := re.fullmatch(r"(in )?(\d) day( ago)?", key))
        for w in ws
    }
    day_words |= spec.day_words
    full = _full(located, 3) | spec.extra_months
    abbr = [w + "." for w in months if w not in full] + [w for w in months if w not in full]
    fill = {
        "{MF}": _alt(full),
        "{M}": _alt([*full, *abbr]),
        "{WD}": _alt(weekdays),
        "{N}": spec.number,
        "{U}": spec.unit,
        "{DW}": _alt(day_words),
    }
    sources = {
        "numeric": _NUMERIC,
        "date": spec.date,
        "month": spec.month,
        "year": spec.year,
        "weekday": spec.weekday,
        "dayword": spec.dayword,
        "relunit": spec.relunit,
        "vague": spec.vague,
        "ago": spec.ago,
        "later": spec.later,
        "thisday": spec.thisday,
    }
    patterns = []
    for kind, source in sources.items():
        for key, value in fill.items():
            source = source.replace(key, value)
        if source:
            patterns.append((kind, re.compile(r"(?<!\w)" + source + r"(?!\w)", re.IGNORECASE)))
    tense = re.compile(f"(?P<future>{spec.future_cues})|(?P<past>{spec.past_cues})", re.IGNORECASE)
    return Lang(spec, months, weekdays, day_words, tense, tuple(patterns))


def lookup(table: dict[str, int] | dict[str, str], word: str | None) -> int | str | None:
    """The entry for ``word``: exact, else the longest key it starts with (a stem)."""
    if not word:
        return None
    w = " ".join(word.lower().replace("\u2019", "'").rstrip(".-").split())
    if w in table:
        return table[w]
    keys = [k for k in table if w.startswith(k)]
    return table[max(keys, key=len)] if keys else None
