"""The data model: plain frozen dataclasses, complete when made, passed from stage to stage.

Conventions every stage relies on:
- Character spans are ``[start, end)`` Python string offsets into ``Article.text``.
- An ``Interval`` is a closed range of calendar days: ``start <= end``, both inclusive.
  A day is ``Interval(d, d)``; July 2018 is ``Interval(2018-07-01, 2018-07-31)``.
- Datetimes are timezone-aware; dates are calendar dates in the article's timezone.
"""

from __future__ import annotations

import gc
import pickle
from collections.abc import Callable
from dataclasses import dataclass, field, fields
from datetime import date, datetime
from enum import StrEnum
from operator import attrgetter
from typing import Any, BinaryIO, TypeVar

_Record = TypeVar("_Record")


def fast_pickle(cls: type[_Record]) -> type[_Record]:
    """Give a frozen, slotted dataclass a quick pickled form (a tuple of its fields).

    The one dataclasses supplies looks its fields up again for every object; extractions of
    thousands of articles cross process boundaries and the cache as pickles, and that lookup
    was most of the time spent reading them. ``__setstate__`` is generated with one statement
    per field, as dataclasses generates ``__init__``: a loop over the fields took 2.5 times as
    long, and reading the cache is most of what a rebuild after one edit does."""
    names = tuple(f.name for f in fields(cls))  # type: ignore[arg-type]
    values: Callable[[Any], Any] = attrgetter(*names)

    def getstate(self: Any) -> tuple[Any, ...]:
        return values(self) if len(names) > 1 else (values(self),)

    setstate = _setting_each_slot(cls, "__setstate__(self, state)", "({names},) = state")
    setattr(cls, "__getstate__", getstate)  # noqa: B010 (assigning a method, not a field)
    setattr(cls, "__setstate__", setstate)  # noqa: B010
    return cls


def fast_new(cls: type[_Record]) -> Callable[..., _Record]:
    """A constructor of a frozen, slotted dataclass taking every field, in order, by position.

    The dataclass's ``__init__`` sets each field through ``object.__setattr__`` (the class
    refuses ``setattr``); this one calls the slots' own setters, as ``fast_pickle``'s
    ``__setstate__`` does: 2.5 times faster. For a class without ``__post_init__`` it makes the
    same object (equal, same hash, repr and pickle); the tagger makes one per expression."""
    return _setting_each_slot(cls, "new({names})", "self = _new(_cls)", "return self")


def _setting_each_slot(
    cls: type[Any], signature: str, before: str, after: str = ""
) -> Callable[..., Any]:
    """A function ``def <signature>:`` that runs ``before``, sets each field of ``cls`` on
    ``self`` through its slot's own setter (a frozen class's ``__setattr__`` refuses, these do
    not), one statement a field as dataclasses generates ``__init__``, then runs ``after``.
    ``{names}`` in the signature and ``before`` stands for the fields, in order."""
    names = tuple(f.name for f in fields(cls))
    scope: dict[str, Any] = {f"_set_{name}": getattr(cls, name).__set__ for name in names}
    scope.update(_new=object.__new__, _cls=cls)
    listed = ", ".join(names)
    lines = [before.format(names=listed), *(f"_set_{name}(self, {name})" for name in names)]
    if after:
        lines.append(after)
    source = f"def {signature.format(names=listed)}:\n" + "".join(f"    {line}\n" for line in lines)
    exec(source, scope)  # the source is made above from the field names alone
    made: Callable[..., Any] = scope[signature.split("(", 1)[0]]
    return made


def unpickle_quietly(data: bytes | BinaryIO) -> Any:
    """``pickle.loads`` (or ``load``, from a stream) with the garbage collector paused.
    Extractions unpickle into hundreds of thousands of objects and no garbage; the collections
    their number would trigger walk them again and again (it halves the time to read a batch
    of results or the cache)."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        return pickle.loads(data) if isinstance(data, bytes) else pickle.load(data)
    finally:
        if was_enabled:
            gc.enable()


class TimexType(StrEnum):
    """TIMEX3 ``type``."""

    DATE = "DATE"
    TIME = "TIME"
    DURATION = "DURATION"
    SET = "SET"


class Granularity(StrEnum):
    """How finely an expression pins down its time: the unit of its TIMEX3 value.

    ``rank`` orders them finest first, which is how the timeline breaks ties between an
    event of a day and one of the week or month that contains it.
    """

    TIME = "time"
    DAY = "day"
    WEEK = "week"
    MONTH = "month"
    QUARTER = "quarter"
    SEASON = "season"
    HALF = "half"
    YEAR = "year"
    DECADE = "decade"
    CENTURY = "century"
    VAGUE = "vague"  # PAST_REF / FUTURE_REF / PRESENT_REF and approximate ranges

    @property
    def rank(self) -> int:
        return _GRANULARITY_ORDER.index(self)


_GRANULARITY_ORDER = list(Granularity)

# The most people, organizations or tags one event names. Each gets a page listing its events,
# and an event on it lists all of its names (for the page's filters): without a bound, one
# article naming thousands would make a site that grows as their square (3,000 tags: 389 MB).
MAX_NAMES = 100


class AnchorKind(StrEnum):
    """What a relative expression was resolved against."""

    ABSOLUTE = "absolute"  # needed no anchor: "July 16, 2018", "2016"
    DCT = "dct"  # the article's publication date
    NARRATIVE = "narrative"  # an earlier date in the text: "the day before"
    NONE = "none"  # durations and sets, which are not placed in time


class Status(StrEnum):
    """An event's place relative to the article that reports it."""

    HAPPENED = "happened"
    EXPECTED = "expected"
    ONGOING = "ongoing"


@fast_pickle
@dataclass(frozen=True, slots=True)
class Interval:
    """A closed range of calendar days."""

    start: date
    end: date

    def __post_init__(self) -> None:
        if self.start > self.end:
            raise ValueError(f"interval starts after it ends: {self.start} > {self.end}")

    def overlaps(self, other: Interval) -> bool:
        return self.start <= other.end and other.start <= self.end

    def contains(self, day: date) -> bool:
        return self.start <= day <= self.end

    @property
    def days(self) -> int:
        return (self.end - self.start).days + 1


@fast_pickle
@dataclass(frozen=True, slots=True)
class Anchor:
    """The date a relative expression was resolved against, and where it came from."""

    kind: AnchorKind
    value: str = ""  # TIMEX3 value of the anchor ("2018-07-16"); empty for ABSOLUTE/NONE
    offset: int | None = None  # for NARRATIVE: start offset of the anchoring expression


@fast_pickle
@dataclass(frozen=True, slots=True)
class Timex:
    """One temporal expression found in a text, normalized and resolved."""

    start: int
    end: int
    text: str
    type: TimexType
    value: str  # TIMEX3 value: "2018-07-16", "2018-W29", "2016", "P3Y", "FUTURE_REF", "XXXX-WXX-5"
    anchor: Anchor
    interval: Interval | None = None  # None for durations, sets and unplaceable values
    granularity: Granularity | None = None
    approximate: bool = False
    mod: str | None = None  # TIMEX3 mod: START, MID, END, APPROX, BEFORE, AFTER, ...
    quant: str | None = None  # TIMEX3 quant for sets: "EVERY"
    freq: str | None = None  # TIMEX3 freq for sets: "1W"


# Timex(start, end, text, type, value, anchor, interval, granularity, approximate, mod, quant,
# freq), every field given by position, without __init__'s object.__setattr__ per field.
new_timex = fast_new(Timex)


@fast_pickle
@dataclass(frozen=True, slots=True)
class Article:
    """One source article, as loaded: metadata plus the text every span refers to."""

    slug: str  # unique, URL-safe; names the article's page
    path: str  # where it came from, for messages (relative to the source folder when possible)
    title: str
    published: datetime  # timezone-aware publication date-time (midnight when only a date is known)
    text: str  # body after front matter and CMS placeholders are removed (Markdown source)
    source: str | None = None  # outlet: "The Hill"
    url: str | None = None
    authors: tuple[str, ...] = ()
    tags: tuple[str, ...] = ()
    lang: str = "en"
    draft: bool = False
    body_line: int = 1  # line of the source file on which ``text`` starts, for messages
    pins: tuple[tuple[str, str], ...] = ()  # editorial overrides: (expression text, TIMEX3 value)
    drops: tuple[str, ...] = ()  # editorial overrides: sentences (or parts) whose events to drop

    @property
    def dct(self) -> date:
        """Document creation time as a calendar date: the anchor of relative expressions."""
        return self.published.date()


@fast_pickle
@dataclass(frozen=True, slots=True)
class TaggedArticle:
    """An article with every temporal expression found in it, in text order."""

    article: Article
    timexes: tuple[Timex, ...]


@fast_pickle
@dataclass(frozen=True, slots=True)
class Extraction:
    """What the per-article stage yields: a pure function of the article (and the tool's
    version), so it can be cached by content and computed in other processes or machines."""

    tagged: TaggedArticle
    events: tuple[Event, ...]
    # The article's text as sanitized HTML with its expressions marked: rendering it is per
    # article too, so it is done here, in parallel and cached, not by the render stage.
    body_html: str | None = None


@fast_pickle
@dataclass(frozen=True, slots=True)
class Citation:
    """Where an event is reported: one sentence of one article, and the expression dating it."""

    article_slug: str
    article_title: str
    article_url: str | None
    source: str | None
    published: date
    sentence: str
    sentence_start: int  # offsets of the sentence in Article.text
    sentence_end: int
    timex: Timex | None  # None when the date was inferred from the narrative
    confidence: float  # 0..1, how sure the resolution of the date is
    inferred: bool = False  # dated from an earlier sentence rather than its own expression
    sentence_index: int = 0  # the sentence's position in the article: 0 is the lead
    inferred_from: Timex | None = None  # for inferred citations: the earlier expression used


@fast_pickle
@dataclass(frozen=True, slots=True)
class When:
    """An event's date: a TIMEX3 value and the interval it stands for."""

    value: str
    interval: Interval
    granularity: Granularity
    approximate: bool = False


@fast_pickle
@dataclass(frozen=True, slots=True)
class Event:
    """Something that happened (or is expected), dated, with every report of it."""

    id: str  # stable across builds: derived from content, never from position or time of build
    when: When
    status: Status
    text: str  # the sentence of the first report
    citations: tuple[Citation, ...]  # first reported first
    people: tuple[str, ...] = ()
    organizations: tuple[str, ...] = ()
    tags: tuple[str, ...] = ()
    # an embedded event ("interfered in 2016"), not the sentence's main one
    background: bool = False
    headline: str | None = None  # from hand-made events; None for extracted ones
    media: str | None = None
    group: str | None = None
    fulfils: str | None = None  # id of the expected event this one turned out to be
    fulfilled_by: str | None = None  # id of the event that happened as this one expected
    link: str | None = None  # hand-made events: a URL to read more
    media_credit: str | None = None
    display_date: str | None = None  # hand-made events: how to show the date ("Summer 2018")


@fast_pickle
@dataclass(frozen=True, slots=True)
class KeyDate:
    """One of the timeline's most salient dates."""

    day: date
    score: float
    event_ids: tuple[str, ...]


@fast_pickle
@dataclass(frozen=True, slots=True)
class Timeline:
    """The assembled result: events in timeline order, plus what the site needs around them."""

    title: str
    events: tuple[Event, ...]
    articles: tuple[TaggedArticle, ...]
    key_dates: tuple[KeyDate, ...] = ()
    warnings: tuple[str, ...] = field(default=())
    # One per event when known: a digest of what made it (its reports' articles, the code, the
    # config), so that equal versions mean equal events and a rebuild can reuse what it made
    # of one. Empty when unknown (a timeline assembled without fingerprints).
    versions: tuple[str, ...] = ()
