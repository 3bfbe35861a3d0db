"""A light, dependency-free finder of the people and organizations a sentence names.

Good enough to filter a timeline by person, not a full NER: no model to download, no spaCy in
core. What counts as a person's name:

- a capitalized sequence after a title ("Sen. Rand Paul", "Russian President Vladimir Putin",
  "President Trump");
- a sequence of two to four capitalized words whose last word the article also uses on its own
  ("Rod Rosenstein" … "Rosenstein said"), or whose first word is a common given name;
- a lone surname of a person the article named in full ("Paul" → "Rand Paul").

Organizations are capitalized sequences ending in a known suffix ("Justice Department",
"Politico Magazine", "Democratic National Committee") and all-capital acronyms ("GRU", "BP").
Months, weekdays, sentence openers like "The" and place names ("Windsor Castle") are neither.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache

from timeline.wordpattern import alternation

_TITLES = frozenset(
    [
        "president", "vice", "deputy", "attorney", "general", "secretary", "sen", "senator",
        "senators", "rep", "representative", "gov", "governor", "mayor", "speaker", "leader",
        "minister", "prime", "chancellor", "director", "judge", "justice", "chief", "officer",
        "adviser", "advisor", "counsel", "dr", "mr", "mrs", "ms", "king", "queen", "prince",
        "princess", "pope", "majority", "minority", "press", "special", "sergeant", "lt", "gen",
        "adm", "col", "capt", "ambassador", "commissioner", "chairman", "chairwoman", "chair",
        "former", "acting", "first", "lady", "foreign", "interior", "state", "defense", "treasury",
        "homeland", "security", "national", "intelligence", "coast", "guard", "ceo", "coo", "cfo",
        "senate", "house", "cabinet"
    ]
)
_NATIONALITY = re.compile(r"^[A-Z][a-z]+(?:ian|ese|ish|ean|can|ic|i)$")
_ORG_SUFFIXES = frozenset(
    [
        "department", "committee", "agency", "council", "party", "magazine", "news", "commission",
        "court", "congress", "senate", "house", "administration", "ministry", "office", "bank",
        "inc", "corp", "co", "ltd", "llc", "plc", "group", "association", "university", "institute",
        "times", "post", "journal", "service", "bureau", "forum", "organization", "organisation",
        "union", "nations", "company", "corporation", "network", "foundation", "fund", "guard",
        "board", "authority", "police", "army", "navy", "force", "forces", "reserve", "exchange"
    ]
)
_PLACE_SUFFIXES = frozenset(
    [
        "palace", "castle", "square", "street", "avenue", "park", "river", "sea", "ocean", "gulf",
        "island", "islands", "mountain", "mountains", "county", "city", "state", "states", "valley",
        "coast", "bay", "airport", "station", "hall", "center", "centre", "hotel", "cup", "summit",
        "games", "resort", "kingdom", "republic"
    ]
)
_FUNCTION_WORDS = frozenset(
    [
        "the", "a", "an", "in", "on", "at", "for", "and", "but", "or", "if", "as", "of", "to", "by",
        "from", "with", "this", "that", "these", "those", "there", "when", "while", "after",
        "before", "since", "during", "also", "for"
    ]
)
_NOT_NAMES = frozenset(
    [
        "the", "a", "an", "in", "on", "at", "for", "and", "but", "or", "if", "as", "of", "to", "by",
        "from", "with", "this", "that", "these", "those", "there", "it", "its", "he", "she", "they",
        "we", "i", "you", "his", "her", "their", "our", "my", "when", "while", "after", "before",
        "since", "during", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday",
        "sunday", "today", "tomorrow", "yesterday", "january", "february", "march", "april", "may",
        "june", "july", "august", "september", "october", "november", "december", "jan", "feb",
        "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "spring", "summer",
        "autumn", "fall", "winter", "north", "south", "east", "west", "new", "old", "world",
        "united", "great", "grand", "supreme", "federal", "democratic", "republican", "democrats",
        "republicans", "americans", "asked", "according", "however", "meanwhile", "earlier",
        "later", "god", "internet", "twitter", "facebook", "islamic", "christian", "muslim"
    ]
)
_ACRONYM_STOP = frozenset(
    [
        "US", "UK", "EU", "USA", "UAE", "AP", "AM", "PM", "ET", "EST", "EDT", "GMT", "UTC", "TV",
        "OK", "II", "III", "IV", "CEO", "COO", "CFO", "RSS", "PDF", "LRB", "RRB"
    ]
)
# All-capital words in quotes are shouting, not acronyms: "GREAT confidence in MY people".
_COMMON_WORDS = frozenset(
    [
        "a", "i", "my", "me", "we", "us", "no", "so", "go", "do", "be", "he", "it", "is", "in",
        "on", "at", "an", "or", "of", "to", "up", "not", "all", "and", "the", "you", "yes", "big",
        "new", "now", "bad", "sad", "fake", "news", "very", "true", "total", "great", "never",
        "ever", "must", "will", "can", "get"
    ]
)
_GIVEN_NAMES = frozenset(
    [
        "john", "james", "robert", "michael", "william", "david", "richard", "joseph", "thomas",
        "charles", "mary", "patricia", "jennifer", "linda", "elizabeth", "barbara", "susan",
        "jessica", "sarah", "karen", "nancy", "lisa", "donald", "mike", "mitch", "chuck", "paul",
        "rand", "hillary", "bill", "barack", "joe", "kamala", "nancy", "george", "ted", "marco",
        "bernie", "elizabeth", "vladimir", "sergey", "sergei", "dmitry", "theresa", "boris",
        "angela", "emmanuel", "xi", "kim", "jong", "dan", "fiona", "rod", "sarah", "lindsey",
        "adam", "jeff", "tony", "tom", "ben", "sam", "anna", "maria", "peter", "andrew", "mark",
        "steve", "steven", "kevin", "brian", "jim", "tim", "matt", "chris", "christopher", "daniel",
        "alex", "alexander"
    ]
)

_PLACES = frozenset(
    [
        "Russia", "Moscow", "America", "Washington", "China", "Beijing", "Britain", "London",
        "England", "France", "Paris", "Germany", "Berlin", "Japan", "Tokyo", "India", "Iran",
        "Tehran", "Iraq", "Syria", "Israel", "Ukraine", "Kiev", "Kyiv", "Europe", "Brussels",
        "Canada", "Mexico", "Brazil", "Turkey", "Ankara", "Egypt", "Cairo", "Italy", "Rome",
        "Spain", "Madrid", "Finland", "Helsinki", "Korea", "Pyongyang", "Seoul", "Pakistan",
        "Afghanistan", "Kabul", "Haiti", "Venezuela", "Cuba", "NATO", "Congress", "Kremlin",
        "Pentagon", "Beijing", "Taiwan", "Australia", "Canberra", "Poland", "Greece", "Athens",
        "Gaza", "Lebanon", "Jerusalem", "Libya", "Saudi", "Qatar", "Yemen", "Scotland", "Ireland",
        "Dublin", "Vatican", "Texas", "California", "Florida", "Louisiana", "Alabama",
        "Mississippi", "Ohio", "Georgia", "Virginia", "Kentucky"
    ]
)
_SPEAKER_VERB = alternation(
    ["said", "says", "wrote", "writes", "told", "tweeted", "added", "argued", "insisted",
     "announced", "asked", "replied"]
) + r"\b"
# "Trump said", but not "J. Smith said": a capitalized word that starts a word and does not
# follow an initial. Both checks are lookbehinds placed after the first capital, so that the
# regex engine can skip from capital to capital instead of trying every position.
_SPEAKER = re.compile(
    rf"([A-Z](?<!\w[A-Z])(?<![A-Z][\w.]\s[A-Z])[a-z]+)(?:’s|'s)?\s+{_SPEAKER_VERB}"
)
_SPOKE = re.compile(rf"\s{_SPEAKER_VERB}")  # a quick test: most sentences quote nobody
_NOT_SPEAKERS = _NOT_NAMES | _TITLES | _ORG_SUFFIXES
_WORD = r"[A-Z][\w'’-]*\.?"
_SEQUENCE = re.compile(rf"{_WORD}(?:\s+(?:{_WORD}|of|de|van|von|bin|al-\w+))*")
# Two to five capitals as a whole word; the word-start test is a lookbehind after the first
# capital (as in ``_SPEAKER``), so that the engine skips from capital to capital.
_ACRONYM = re.compile(r"[A-Z](?<!\w[A-Z])[A-Z]{1,4}\b")
_PARTICLES = frozenset(["of", "de", "van", "von", "bin"])


@dataclass(frozen=True, slots=True)
class Names:
    people: tuple[str, ...] = ()
    organizations: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True, eq=False)  # compared by identity: one per run text
class _Run:
    """A capitalized run of words ("Russian President Vladimir Putin"), read: the reading
    depends on the run's text alone, and the same names recur all through a corpus."""

    words: tuple[str, ...]  # cleaned, trailing particles dropped
    kind: str  # of the words: org, place, other or person
    titled: bool  # leading titles were stripped from ...
    rest: tuple[str, ...]  # ... what remains
    rest_kind: str

    @property
    def full(self) -> str:
        return " ".join(self.rest)


def _clean(word: str) -> str:
    return word.rstrip(".").replace("’", "'").removesuffix("'s")


def _split_title(words: list[str]) -> tuple[bool, list[str]]:
    """Strip leading titles and nationality adjectives; say whether a title was there."""
    titled = False
    # Stepped over by index, the list sliced once: sliced a word at a time, a run of thousands
    # ("A of of of …") took time growing with its square.
    i, last = 0, len(words) - 1
    while i < last and words[i].lower() in _FUNCTION_WORDS:
        i += 1
    while i < last and (
        words[i].lower() in _TITLES or words[i] == "of" or _NATIONALITY.match(words[i])
    ):
        titled = titled or _clean(words[i]).lower() in _TITLES
        i += 1
    return titled, words[i:] if i else words


@lru_cache(maxsize=16384)
def _read_run(run: str) -> _Run:
    words = [_clean(w) for w in run.split()]
    while words and words[-1] in _PARTICLES:
        words.pop()
    titled, rest = _split_title(words)
    return _Run(tuple(words), _kind(words), titled, tuple(rest), _kind(rest) if rest else "")


def _runs(sentence: str) -> tuple[_Run, ...]:
    return tuple(map(_read_run, _SEQUENCE.findall(sentence)))


def known_people(sentences: Iterable[str]) -> tuple[str, ...]:
    """Full names of the people an article names: the context for ``find_names``."""
    sentences = list(sentences)
    return _known_people(sentences, [_runs(s) for s in sentences])


def _known_people(sentences: Sequence[str], runs: Sequence[tuple[_Run, ...]]) -> tuple[str, ...]:
    # Each distinct run once: a repeated one would find ``people`` as its first occurrence
    # left it (or larger), and add nothing. (Two texts read alike, "Putin's" and "Putin’s",
    # stay two runs; the second adds nothing either.)
    candidates = [r for r in dict.fromkeys(r for rs in runs for r in rs) if r.kind != "org"]
    alone = {r.rest[0] for r in candidates if len(r.rest) == 1}
    # "Trump said", "Paul wrote": a lone name that speaks is a person (unless it is a place).
    speakers = {
        m.group(1) for s in sentences if _SPOKE.search(s) for m in _SPEAKER.finditer(s)
        if m.group(1).lower() not in _NOT_SPEAKERS and m.group(1) not in _PLACES
    }
    people: dict[str, None] = dict.fromkeys(sorted(speakers))
    surnames = {name.split()[-1] for name in people}  # grows with ``people``
    # Titled names first, so that "Vladimir Putin" claims "Putin" before "Meet Putin" can.
    for run in sorted(candidates, key=lambda run: not run.titled):
        rest = run.rest
        if not 1 <= len(rest) <= 4 or run.rest_kind != "person":
            continue
        if len(rest) == 1:
            if run.titled and rest[0] not in surnames and rest[0].lower() not in _TITLES:
                people[rest[0]] = None
                surnames.add(rest[0])
        elif run.titled or rest[0].lower() in _GIVEN_NAMES or (
            rest[-1] in alone and rest[-1] not in surnames
        ):
            people[run.full] = None
            surnames.add(run.full.split()[-1])
    # A lone "Trump" after "President Trump" is kept only if no full name ends in it.
    full = {name.split()[-1] for name in people if " " in name}
    return tuple(name for name in people if " " in name or name not in full)


def _kind(words: Sequence[str]) -> str:
    last = words[-1].lower()
    if last in _ORG_SUFFIXES:
        return "org"
    if last in _PLACE_SUFFIXES or words[0].lower() in _NOT_NAMES:
        return "place"
    if any(w.lower() in _NOT_NAMES or w.isupper() for w in words):
        return "other"
    return "person"


def find_names(sentence: str, known: tuple[str, ...] = ()) -> Names:
    """People and organizations named in ``sentence``, in order of first mention.

    ``known`` holds the article's full names (``known_people``), so that "Paul" is "Rand Paul".
    """
    return _find_names(sentence, _runs(sentence), frozenset(known), _by_surname(known))


def article_names(sentences: Sequence[str]) -> Callable[[int], Names]:
    """``find_names`` for the sentence at an index of ``sentences`` (one article's), with the
    article's ``known_people``: each sentence's capitalized runs are read once for both."""
    runs = [_runs(s) for s in sentences]
    known = _known_people(sentences, runs)
    known_set, by_surname = frozenset(known), _by_surname(known)

    def names_of(index: int) -> Names:
        return _find_names(sentences[index], runs[index], known_set, by_surname)

    return names_of


def _by_surname(known: tuple[str, ...]) -> dict[str, str]:
    return {name.split()[-1]: name for name in known}


def _find_names(
    sentence: str, runs: tuple[_Run, ...], known: frozenset[str], by_surname: dict[str, str]
) -> Names:
    people: dict[str, None] = {}
    orgs: dict[str, None] = {}
    for run in runs:
        if run.kind == "org" and len(run.words) > 1:
            orgs[" ".join(run.words).removeprefix("The ")] = None
            continue
        titled, rest = run.titled, run.rest
        if not rest:
            continue
        full = run.full
        if run.rest_kind == "org" and len(rest) > 1:
            orgs[full] = None
        elif full in known:
            people[full] = None
        elif len(rest) == 1 and (rest[0] in by_surname or titled) and (
            rest[0].lower() not in _NOT_NAMES and rest[0].lower() not in _TITLES
        ):
            people[by_surname.get(rest[0], rest[0])] = None
        elif titled and run.rest_kind == "person" and 1 < len(rest) <= 4:
            people[full] = None
        else:  # "Trump and Putin": lone surnames inside a longer capitalized run
            for word in rest:
                if word in by_surname:
                    people[by_surname[word]] = None
    for acronym in _ACRONYM.findall(sentence):
        if acronym not in _ACRONYM_STOP and acronym.lower() not in _COMMON_WORDS:
            orgs[acronym] = None
    return Names(tuple(people), tuple(orgs))
