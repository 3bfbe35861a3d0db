"""Normalizers for expressions relative to the DCT or to the narrative: "yesterday", "Friday",
"last week", "two days later", "4 p.m. EDT", "the following year"."""

from __future__ import annotations

import re
from datetime import date, timedelta

from timeline.model import Anchor, AnchorKind, Granularity, Interval, Timex, TimexType
from timeline.temporal.anchor import (
    FUTURE,
    NO_TENSE,
    Site,
    compares_longer_period,
    done_before,
    weekday_date,
)
from timeline.temporal.lexicon import MODS, PARTS_OF_DAY, UNITS, WEEKDAYS, number_value
from timeline.temporal.quantities import duration_value
from timeline.temporal.reading import UNANCHORED, Reading
from timeline.temporal.values import (
    add_months,
    day_value,
    interval_of,
    month_value,
    quarter_of,
    shift_value,
    week_value,
)

DATE, TIME = TimexType.DATE, TimexType.TIME
_RELDAY = {"today": 0, "tonight": 0, "yesterday": -1, "tomorrow": 1, "overnight": -1,
           "the day before yesterday": -2, "the day after tomorrow": 2}  # fmt: skip


def _norm(s: str | None) -> str:
    return " ".join(s.lower().split()) if s else ""


def _mod(word: str | None) -> str | None:
    return MODS.get(_norm(word)) if word else None


def _pod(word: str | None) -> str:
    return "T" + PARTS_OF_DAY[_norm(word)] if word else ""


def _day_of(value: str) -> date | None:
    found = interval_of(value)
    return found[0].start if found and found[0].days == 1 else None


# "today's youth", "today's personal computers": the present in general, not the DCT. TimeBank
# leaves these untagged, as it does "nowadays" uses of "today" elsewhere.
_GENERIC_AFTER_TODAYS = re.compile(
    r"(?:'s|\u2019s)\s+(?:youth|young|world|society|children|kids|generation|computers?|"
    r"personal|technology|standards|culture|families|students|workers|consumers|economy|"
    r"teenagers|parents|women|men|americans|politics|media|music|cars)\b"
)


_GENERIC_OF = re.compile(
    r"\b(?:the|our|their|its)\s+(?!(?:end|start|beginning|middle|morning|afternoon|evening|"
    r"night|rest|eve|close)\s)[a-z]+\s+of\s+$"
)


def relday(p: dict[str, str], site: Site) -> Reading | None:
    dct = site.ctx.dct
    rd = _norm(p.get("rd") or p.get("this"))
    if rd == "today" and _GENERIC_AFTER_TODAYS.match(site.ctx.low, site.end):
        return None
    if rd == "tomorrow" and _GENERIC_OF.search(site.before(40)) and site.after(1) != "'":
        return None  # "the people of tomorrow", "the cars of tomorrow": the future in general
    pod = p.get("pod") or p.get("pod2")
    mod = _mod(p.get("mod") or p.get("mod2"))
    if rd == "this":
        offset = 0
    elif rd == "last":
        if _norm(pod) != "night":
            return None  # "last morning" is not an expression
        offset = -1
    else:
        offset = _RELDAY[rd]
    d = dct + timedelta(days=offset)
    anchor = site.ctx.dct_anchor
    if rd == "overnight" and (told := _recent_story_day(site)) is not None:
        # "London shares closed lower Friday ... depressed initially by overnight losses in
        # New York": the night before the day the story tells of, not before the DCT
        d, anchor = told[0] - timedelta(days=1), told[1]
    suffix = _pod(pod) or ("TNI" if rd in ("tonight", "overnight") else "")
    if p.get("mod", "").lower().startswith("mid"):
        suffix = "TAF" if "afternoon" in p["mod"].lower() else "TMO"
    kind = TIME if suffix else DATE
    return Reading(kind, day_value(d) + suffix, anchor, mod=mod)


def _recent_story_day(site: Site) -> tuple[date, Anchor] | None:
    """The day the story is telling of when it is one of the week before the DCT (the last
    date of day granularity placed), with its narrative anchor."""
    last = site.ctx.last_day
    day = _day_of(last.value) if last is not None else None
    if last is None or day is None or not 1 <= (site.ctx.dct - day).days <= 7:
        return None
    return day, Anchor(AnchorKind.NARRATIVE, last.value, last.start)


# News writes a scheduled event in the present tense ("Arafat and Netanyahu meet separately
# Monday with Albright", "the Senate votes Tuesday"): with no other tense cue, it is ahead.
_SCHEDULED_VERB = re.compile(
    r"\b(?:meets?|visits?|votes?|begins?|opens?|starts?|leaves?|arrives?|travels?|returns?|"
    r"holds?|heads?|resumes?|convenes?|goes)(?:\s+\w+)?\s+(?:on\s+)?$"
)


_PLURAL_PAIR = re.compile(
    r"\s+(?:and|or)\s+(?:mon|tues|wednes|thurs|fri|satur|sun)day"
    r"(?:s|\s+(morning|afternoon|evening|night)s)\b"
)


def weekday(p: dict[str, str], site: Site) -> Reading | None:
    wd = p["wd"]
    if not wd[0].isupper():
        return None
    n = WEEKDAYS[wd.lower()]
    pod = _pod(p.get("pod"))
    if "pl" in p or "pl2" in p:  # "on Tuesdays", "Tuesday nights": every Tuesday
        return Reading(TimexType.SET, f"XXXX-WXX-{n}{pod}", UNANCHORED, quant="EVERY")
    if "pod" not in p and (shared := _PLURAL_PAIR.match(site.ctx.low, site.end)):
        # "on Monday and Tuesday nights": the plural is shared, so every Monday night too
        pod = _pod(shared[1]) if shared[1] else ""
        return Reading(TimexType.SET, f"XXXX-WXX-{n}{pod}", UNANCHORED, quant="EVERY")
    pre = _norm(p.get("pre"))
    dct, anchor = site.ctx.dct, site.ctx.dct_anchor
    mod = _mod(pre) if pre in ("early", "late") else None
    if pre in ("the following", "the next", "the previous", "the day before", "the day after"):
        base_value, anchor = site.ctx.narrative(fine=True)
        base = _day_of(base_value) or dct
        how = "prev" if pre in ("the previous", "the day before") else "next"
        d = weekday_date(base, n, how)
    elif pre == "the day before last":
        d = weekday_date(dct, n, "prev") - timedelta(days=1)
    elif pre in ("last", "past", "this past"):
        d = weekday_date(dct, n, "prev")
    elif pre in ("next", "coming", "this coming"):
        d = weekday_date(dct, n, "next")
    elif n == dct.isoweekday():
        d = dct
    else:
        found = site.tense()
        future = found is FUTURE or (
            found is NO_TENSE and _SCHEDULED_VERB.search(site.before(40)) is not None
        )
        d = weekday_date(dct, n, "next" if future else "prev")
    if pre in ("the day before", "the day after"):
        d += timedelta(days=-1 if pre == "the day before" else 1)
    # TimeBank types "Wednesday night" a DATE (its value carries the part of day).
    return Reading(DATE, day_value(d) + pod, anchor, mod=mod)


def _unit_value(d: date, unit: str) -> str:
    if unit in ("week",):
        return week_value(d)
    if unit == "weekend":
        return week_value(d) + "-WE"
    if unit == "month":
        return month_value(d.year, d.month)
    if unit == "quarter":
        return f"{d.year}-Q{quarter_of(d)}"
    if unit == "year":
        return f"{d.year:04d}"
    if unit == "decade":
        return f"{d.year // 10:03d}"
    if unit == "century":
        return f"{d.year // 100:02d}"
    return day_value(d)


def _shift(d: date, unit: str, n: int) -> date:
    if unit in ("day", "morning", "afternoon", "evening", "night"):
        return d + timedelta(days=n)
    if unit in ("week", "weekend"):
        return d + timedelta(days=7 * n)
    months = {"month": 1, "quarter": 3, "year": 12, "decade": 120, "century": 1200}[unit]
    return add_months(d, months * n)


_DCT_REL = {"last": -1, "past": -1, "previous": -1, "this past": -1, "the past": -1,
            "the last": -1, "the previous": -1, "this": 0, "the current": 0, "the whole": 0,
            "the full": 0, "the entire": 0, "next": 1, "coming": 1, "the coming": 1,
            "the": 0, "the latest": -1}  # fmt: skip
_NARR_REL = {"that": 0, "that same": 0, "the same": 0, "the following": 1, "the next": 1}
_PODS = ("morning", "afternoon", "evening", "night")
# a figure set against another: "compared with $3 million last year", "up from last year's"
_COMPARED = re.compile(r"\b(?:compared\s+with|from|than|versus)\s[^.;]*$")
# Counting these from the narrative needs an anchor that names a day, not a year or a month.
_FINE_UNITS = frozenset({"day", "week", "weekend", "hour", "minute", *_PODS})


# "the first nine months of the year", "the second half of the year" (not "the first of the year")
_PART_OF = re.compile(r"\b(?:days|weeks|months|quarters|half)\s+of\s+$")


def relunit(p: dict[str, str], site: Site) -> Reading | None:
    rel, unit, after = _norm(p["rel"]), _norm(p["unit"]), _norm(p.get("after"))
    mod_word = _norm(p.get("mod"))
    within = mod_word in ("earlier", "later")  # "earlier this month", "later in the day"
    mod = None if within else _mod(mod_word)
    if rel == "the" and unit == "year" and not mod and not within:
        if re.match(r"\s+(?:ended|ending|to\s+date)\b", site.after(12)):
            return Reading(TimexType.DURATION, "P1Y", UNANCHORED)  # "the year ended Sept. 30"
        if (
            (site.prev_word() == "for" or _PART_OF.search(site.before(16)))
            and p["unit"] == "year"  # not "Man of the Year"
            and not re.match(r"\s+(?:ago|before|after|earlier|later)\b", site.after(8))
        ):
            # "For the year, ...", "a high for the year", "the first nine months of the year"
            return Reading(DATE, f"{site.ctx.dct.year}", site.ctx.dct_anchor)
    if rel == "the" and unit == "week" and not (mod or within or after):
        if re.match(r"\s+of\b", site.after(4)):
            return None  # "the week of March 6" is read from the date
        # "For the week, the index dropped 3.8%", "the week's most active session": TimeBank
        # leaves unsaid which week it is
        return Reading(DATE, f"{site.ctx.dct.year}-WXX", site.ctx.dct_anchor)
    dct = site.ctx.dct
    step = {"before": -1, "earlier": -1, "after": 1, "later": 1}.get(after, 0)
    if unit == "day" and _NARR_REL.get(rel) == 0 and not step and (told := _day_of_month(site)):
        return told
    if rel in _NARR_REL or (rel == "the" and step) or (rel == "the previous" and unit == "day"):
        base_value, anchor = site.ctx.narrative(fine=unit in _FINE_UNITS)
        if anchor.kind is AnchorKind.DCT and _NARR_REL.get(rel) == 0 and not step:
            # "you have strong redemptions that day": no day has been told of, so "that day"
            # is one of a general or imagined course of events, not the DCT
            return None
        base = (interval_of(base_value) or (Interval(dct, dct), None))[0].start
        n = _NARR_REL.get(rel, -1 if rel == "the previous" else 0) + step
        if rel == "the" and unit == "day" and _in_apposition(site):
            n = 0  # "after Oct. 12, the day before the stock market plunge": Oct. 12 itself
        d = _shift(base, unit, n)
    elif (
        rel == "last"
        and unit == "year"
        and not (mod or within)
        and _COMPARED.search(site.before(40))
        and (quarter := _quarter_talk(site)) is not None
        and (value := shift_value(quarter.value, "Y", -1)) is not None
    ):
        # "earnings of $24 million, compared with a loss of $3 million last year" in a
        # quarterly report: the year-ago quarter, as "a year ago" there is
        return Reading(DATE, value, Anchor(AnchorKind.NARRATIVE, quarter.value, quarter.start))
    elif rel in _DCT_REL:
        if (rel == "the" and not (mod or within) and unit != "weekend") or unit in _PODS:
            return None  # "the year", "the day": too often a duration or not a date at all
        if unit == "day" and rel not in ("the whole", "the full") and not within:
            return None
        if rel in ("the past", "the last") and unit in ("decade", "century"):
            return Reading(TimexType.DURATION, "P10Y" if unit == "decade" else "P100Y", UNANCHORED)
        anchor = site.ctx.dct_anchor
        n = _DCT_REL[rel]
        if unit == "weekend" and rel == "the":
            n = 0 if site.tense() is FUTURE else -1
        d = _shift(dct, unit, n)
        if unit == "weekend" and n == 0 and dct.isoweekday() < 6 and rel == "the":
            d = dct
    else:
        return None
    value = _unit_value(d, unit) + (_pod(unit) if unit in _PODS else "")
    kind = TIME if unit in _PODS else DATE
    reading = Reading(kind, value, anchor, mod=mod)
    found = interval_of(value)
    if within and found and anchor.kind is AnchorKind.DCT:
        span = found[0]
        cut = Interval(span.start, max(span.start, dct - timedelta(days=1)))
        if mod_word == "later":
            cut = Interval(min(span.end, dct + timedelta(days=1)), span.end)
        return Reading(kind, value, anchor, interval=cut, granularity=found[1])
    return reading


_MONTH_ONLY = re.compile(r"\d{4}-\d\d")


def _day_of_month(site: Site) -> Reading | None:
    """ "killed last October ... His name was crossed out that same day": "that day" is the day
    of what was just told, in the month last named (1998-10-XX), not an earlier date that
    named a day."""
    last, last_day = site.ctx.last, site.ctx.last_day
    if last is None or not _MONTH_ONLY.fullmatch(last.value) or last.interval is None:
        return None
    if (last_day is not None and last_day.start > last.start) or not done_before(site):
        return None  # ("you have strong redemptions that day": a general course of events)
    anchor = Anchor(AnchorKind.NARRATIVE, last.value, last.start)
    return Reading(DATE, f"{last.value}-XX", anchor, interval=last.interval,
                   granularity=Granularity.MONTH)  # fmt: skip


_APPOSITION = re.compile(r",\s+$")
_EVENT_AFTER = re.compile(r"\s+[A-Za-z]")


def _in_apposition(site: Site) -> bool:
    """ "<date>, the day before <an event>": a second name for the date just given, set off by
    a comma, which says what came the day after (or before) it."""
    last = site.ctx.last_day
    return (
        last is not None
        and _APPOSITION.fullmatch(site.ctx.text, last.end, site.start) is not None
        and _EVENT_AFTER.match(site.ctx.text, site.end) is not None
    )


# "It's the second day of an offensive", "today is the eighth day of Desert Shield"
_IS_BEFORE = re.compile(r"(?:\b(?:is|marks)|'s|\u2019s)\s+$")


def ordinal_day(p: dict[str, str], site: Site) -> Reading | None:
    """ "the Nth day of" something, said to be going on now: the DCT. Elsewhere ("on his
    first day in office", "the third day of the trial") the day is not known."""
    if not _IS_BEFORE.search(site.before(8)):
        return None
    return Reading(DATE, day_value(site.ctx.dct), site.ctx.dct_anchor)


def ago(p: dict[str, str], site: Site) -> Reading | None:
    unit = p["unit"].lower().rstrip("s")
    unit = {"centurie": "century", "night": "day", "fortnight": "week"}.get(unit, unit)
    direction = _norm(p["dir"])
    if unit not in UNITS or unit == "second":
        return None
    n_float = number_value(p["num"])
    if n_float is not None and p.get("half"):
        n_float += 0.5  # "a minute and a half later"
    past = direction in ("ago", "earlier", "before")
    qmod = _mod(p.get("qmod"))
    if direction != "ago" and (n_float is None or UNITS[unit][1]):
        # "A few days later", "just over an hour later": TimeBank tags the amount of time, a
        # DURATION, and leaves the direction word out (the story's clock is not known to
        # the minute, nor its day from "a few days")
        end = site.end - len(p["dir"])
        while site.ctx.text[end - 1].isspace():
            end -= 1
        amount = duration_value(n_float, p["unit"])
        return Reading(TimexType.DURATION, amount, UNANCHORED, mod=qmod, end=end)
    if n_float is None:  # "several years ago"
        ref = "PAST_REF" if past else "FUTURE_REF"
        return Reading(DATE, ref, site.ctx.dct_anchor, mod=qmod, approximate=True)
    n = (max(int(n_float), 1)) * (2 if p["unit"].lower().startswith("fortnight") else 1)
    sign = -1 if past else 1
    if UNITS[unit][1]:
        return _clock_ago(site, unit, sign * n, qmod)
    narrative = direction in ("earlier", "later", "before", "after")
    if unit == "year" and (quarter := _quarter_talk(site)) is not None:
        # "up from $1.2 million a year earlier" in a quarterly report: that quarter a year before
        value = shift_value(quarter.value, "Y", sign * n)
        if value is not None:
            anchor = Anchor(AnchorKind.NARRATIVE, quarter.value, quarter.start)
            return Reading(DATE, value, anchor, mod=qmod)
    if narrative and not (unit == "year" and n == 1):
        # "two days later" counts from the last date of the story.
        base_value, anchor = site.ctx.narrative(fine=unit in _FINE_UNITS)
        shifted = shift_value(base_value, UNITS[unit][0], sign * n)
        if shifted is not None:
            return Reading(DATE, _truncate(shifted, unit), anchor, mod=qmod)
    d = _shift(site.ctx.dct, unit, sign * n)
    return Reading(DATE, _unit_value(d, unit), site.ctx.dct_anchor, mod=qmod)


def _quarter_talk(site: Site) -> Timex | None:
    """The quarter compared when the text is comparing quarters at this point (the last date
    placed is a quarter): the report's quarter (``anchor.report_quarter``) when it has one,
    else the quarter just named."""
    last = site.ctx.last
    if last is None or not _QUARTER_RE.fullmatch(last.value) or compares_longer_period(site):
        return None
    quarter = site.ctx.quarter
    if quarter is not None and last.value != quarter.value and _ENDED.match(site.ctx.low, last.end):
        # "sales for the quarter ended Sept. 29 rose from $388.5 million a year earlier" after
        # "the fiscal first quarter": the calendar quarter its end date closes is compared
        return last
    return quarter or last


_ENDED = re.compile(r"\s+(?:ended|ending)\b")


_QUARTER_RE = re.compile(r"\d{4}-Q\d")


def _truncate(value: str, unit: str) -> str:
    """A shifted value no finer than the unit counted: "a year after May 3" is a year."""
    if re.fullmatch(r"\d{4}-(?:Q\d|H\d|SP|SU|FA|WI)", value):
        return value
    keep = {"year": 4, "decade": 4, "century": 4, "month": 7}.get(unit)
    if keep and re.fullmatch(r"\d{4}-\d{2}(?:-\d{2})?", value):
        return value[:keep]
    return value


def _clock_ago(site: Site, unit: str, delta: int, qmod: str | None) -> Reading:
    """ "about four hours ago": a clock time when the DCT has one, else the DCT's day."""
    anchor, clock = site.ctx.dct_anchor, site.ctx.dct_time
    if clock is None:
        return Reading(TIME, day_value(site.ctx.dct), anchor, mod=qmod, approximate=True)
    moved = clock + (timedelta(hours=delta) if unit == "hour" else timedelta(minutes=delta))
    return Reading(TIME, moved.strftime("%Y-%m-%dT%H:%M"), anchor, mod=qmod)


def yearadj(p: dict[str, str], site: Site) -> Reading | None:
    w = p["w"].lower()
    dct = site.ctx.dct
    w = " ".join(w.replace("-", " ").replace("'s", "").split())
    if w == "year end":  # "by year-end", "by year's end": the end of the DCT's year
        # "The percentage change is since year-end": the last one, which is behind us
        year = dct.year - 1 if site.prev_word() == "since" else dct.year
        return Reading(DATE, f"{year}", site.ctx.dct_anchor, mod="END")
    if w == "month end":
        return Reading(DATE, month_value(dct.year, dct.month), site.ctx.dct_anchor, mod="END")
    if w == "quarter end":
        return Reading(DATE, f"{dct.year}-Q{quarter_of(dct)}", site.ctx.dct_anchor, mod="END")
    quarter = _quarter_talk(site)
    if quarter is not None:  # "year-earlier net income" in a quarterly report
        value = shift_value(quarter.value, "Y", -1) or f"{dct.year - 1}"
        return Reading(DATE, value, Anchor(AnchorKind.NARRATIVE, quarter.value, quarter.start))
    return Reading(DATE, f"{dct.year - 1}", site.ctx.dct_anchor)


_CLOCK_WORDS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
                "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12}  # fmt: skip


def time(p: dict[str, str], site: Site) -> Reading | None:
    named = _norm(p.get("named"))
    if named == "noon" and site.before(5).endswith("high "):
        return None  # "high noon comes today": a showdown, not a clock time
    if named:
        clock = PARTS_OF_DAY.get(named.replace("-", " ").replace("mid ", "mid-"), "AF")
    else:
        raw = p.get("hour") or p["hourw"]
        hour = int(raw) if raw.isdigit() else _CLOCK_WORDS[raw.lower()]
        ampm = _norm(p.get("ampm") or p.get("pod"))
        if hour > 12 or (hour == 0 and ampm):
            return None
        if ampm.startswith(("p", "afternoon", "evening")) and hour < 12:
            hour += 12
        elif ampm.startswith(("a", "morning")) and hour == 12:
            hour = 0
        clock = f"{hour:02d}:{p.get('min', '00')}"
    day, anchor = _clock_day(p, site)
    return Reading(TIME, f"{day_value(day)}T{clock}", anchor, mod=_mod(p.get("qmod")))


def _clock_day(p: dict[str, str], site: Site) -> tuple[date, Anchor]:
    dct, anchor = site.ctx.dct, site.ctx.dct_anchor
    if "wd" in p:
        n = WEEKDAYS[p["wd"].lower()]
        if n == dct.isoweekday():
            return dct, anchor
        future = site.tense() is FUTURE
        return weekday_date(dct, n, "next" if future else "prev"), anchor
    if "rd" in p:
        return dct + timedelta(days=_RELDAY[p["rd"].lower()]), anchor
    if "mon" in p:
        from timeline.temporal.absolute import mdy

        r = mdy({"mon": p["mon"], "day": p["day"]}, site)
        d = _day_of(r.value) if r else None
        return (d, anchor) if d else (dct, anchor)
    last = site.ctx.last
    if last is not None and (d := _day_of(last.value)) is not None:
        return d, Anchor(AnchorKind.NARRATIVE, last.value, last.start)
    return dct, anchor
