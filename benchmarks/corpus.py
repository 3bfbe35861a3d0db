"""A deterministic corpus of political-news articles for the build benchmark.

``generate(n, seed)`` always returns the same articles for the same arguments (every random
choice comes from ``random.Random`` seeded with a string, which Python hashes with SHA-512, so
no PYTHONHASHSEED dependence). The articles follow one story: a fixed list of story events
(hearings, votes, filings...) spread over two years, each reported by several articles that
date it *relative to their own publication date*, the way news copy does ("on Tuesday",
"last week", "two years ago"), so the tagger, the resolver and the merge stage all get work.

    python benchmarks/corpus.py 1000 /tmp/corpus            # timeline articles (YAML front matter)
    python benchmarks/corpus.py 1000 /tmp/pelican --pelican  # the same, with Pelican metadata
"""

from __future__ import annotations

import argparse
import bisect
import random
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

START = date(2023, 1, 2)
SPAN_DAYS = 730
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December")
NUMBERS = ("two", "three", "four", "five", "six")
PEOPLE = ("Senator Maria Alvarez", "Governor Thomas Reed", "Representative Dana Okafor",
          "Attorney General Paul Brennan", "Speaker Linda Havel", "Mayor Kevin Marsh",
          "Senator Robert Quist", "Judge Eleanor Park", "Commissioner Ray Duval",
          "Treasurer Anne Kowalski", "Senator James Whitfield", "Secretary Helen Ortiz")
ORGS = ("the Senate Finance Committee", "the state Supreme Court", "the Harbor Authority",
        "the Ethics Commission", "the House Oversight Committee", "the Election Board",
        "the Department of Transportation", "the Governor's office", "the city council")
ACTIONS = ("opened an inquiry into", "subpoenaed records from", "voted to expand",
           "released a report on", "announced hearings on", "filed a lawsuit against",
           "suspended the contract with", "approved new rules for", "questioned officials from",
           "rejected the budget proposal of", "called for an audit of", "settled the case with")
FUTURE_ACTIONS = ("is expected to vote on", "will hold a hearing on", "plans to testify before",
                  "is scheduled to meet with", "will publish findings on")
OUTLETS = ("The Capitol Ledger", "Harbor City Times", "State House Wire", "The Morning Post",
           "Valley Courier", "Public Affairs Daily")
TAGS = ("harbor-contract", "senate", "ethics", "courts", "budget", "elections", "governor")
FILLER = (
    "Critics said the process had been rushed from the start.",
    "Supporters of the measure argued that the delays had cost taxpayers millions.",
    "Aides declined to comment on the record.",
    "The dispute has divided members of both parties.",
    "Documents reviewed by reporters show a pattern of late payments.",
    "Several lawmakers have asked for the full contract to be made public.",
    "Polls suggest voters are paying close attention to the case.",
    "Lobbyists for the port operators have spent heavily on the fight.",
)
QUOTES = (
    "We will follow the facts wherever they lead",
    "This is about accountability, not politics",
    "Nobody is above the law in this state",
    "The public deserves to know how its money was spent",
    "We have answered every question put to us",
    "This investigation is a distraction from real problems",
)


@dataclass(frozen=True, slots=True)
class StoryEvent:
    day: date
    actor: str
    action: str
    target: str


@dataclass(frozen=True, slots=True)
class GeneratedArticle:
    slug: str
    title: str
    published: date
    source: str
    url: str
    tags: tuple[str, ...]
    body: str


def story(seed: int) -> tuple[StoryEvent, ...]:
    """The story every article draws from: one event every few days over two years."""
    rng = random.Random(f"story:{seed}")
    events, day = [], START - timedelta(days=900)  # some history the articles look back on
    while day < START + timedelta(days=SPAN_DAYS):
        actor = rng.choice(PEOPLE + ORGS)
        target = rng.choice([o for o in ORGS if o != actor])
        actor = actor.replace("the ", "The ", 1)
        events.append(StoryEvent(day, actor, rng.choice(ACTIONS), target))
        day += timedelta(days=rng.randint(2, 6))
    return tuple(events)


def relative_phrase(day: date, dct: date, rng: random.Random) -> str:
    """How a reporter writing on ``dct`` would name ``day``."""
    diff = (dct - day).days
    weekday, month = WEEKDAYS[day.weekday()], MONTHS[day.month - 1]
    if diff == 0:
        return rng.choice(("today", "earlier today", f"on {weekday}"))
    if diff == 1:
        return rng.choice(("yesterday", f"on {weekday}"))
    if 2 <= diff <= 6:
        return rng.choice((f"on {weekday}", f"last {weekday}", f"this {weekday}"))
    if 7 <= diff <= 13:
        return rng.choice(("last week", f"last {weekday}", f"on {month} {day.day}"))
    if 14 <= diff <= 60:
        short = f"on {month[:3]}. {day.day}" if len(month) > 4 else f"on {month} {day.day}"
        return rng.choice((f"on {month} {day.day}", "last month", "earlier this month", short))
    if diff <= 330:
        return rng.choice((f"in {month}", f"on {month} {day.day}", f"last {_season(day)}"))
    years = diff // 365
    return rng.choice((f"in {month} {day.year}", f"on {month} {day.day}, {day.year}",
                       f"in {day.year}",
                       f"{NUMBERS[min(years, 6) - 2]} years ago" if years >= 2 else "last year"))


def future_phrase(day: date, dct: date, rng: random.Random) -> str:
    diff = (day - dct).days
    weekday, month = WEEKDAYS[day.weekday()], MONTHS[day.month - 1]
    if diff <= 6:
        soon = "tomorrow" if diff == 1 else "this week"
        return rng.choice((f"on {weekday}", f"next {weekday}", soon))
    if diff <= 13:
        return rng.choice(("next week", f"on {month} {day.day}"))
    return rng.choice(("in the coming weeks", "next month", f"by {month} {day.day}",
                       "later this year" if day.year == dct.year else "next year"))


def _season(day: date) -> str:
    return ("winter", "winter", "spring", "spring", "spring", "summer", "summer", "summer",
            "fall", "fall", "fall", "winter")[day.month - 1]


def _report(ev: StoryEvent, dct: date, rng: random.Random) -> str:
    when = relative_phrase(ev.day, dct, rng)
    text = f"{ev.actor} {ev.action} {ev.target} {when}"
    if rng.random() < 0.3:
        text = f"{when[0].upper()}{when[1:]}, {ev.actor} {ev.action} {ev.target}"
    return text + rng.choice((".", ", according to people familiar with the matter.",
                              ", a spokesperson confirmed."))


def _paragraph(events: list[StoryEvent], dct: date, rng: random.Random) -> str:
    sentences = []
    for ev in events:
        sentences.append(_report(ev, dct, rng))
        if rng.random() < 0.35:  # narrative anchoring: dated against the previous sentence
            sentences.append(rng.choice((
                f"The day before, {rng.choice(PEOPLE)} had met with staff.",
                f"{rng.choice(NUMBERS).capitalize()} days later, {rng.choice(ORGS)} responded.",
                f"A week earlier, {rng.choice(PEOPLE)} had warned of delays.",
            )))
    if rng.random() < 0.5:
        said = f"on {WEEKDAYS[dct.weekday()]}" if rng.random() < 0.5 else "in an interview"
        sentences.append(f'"{rng.choice(QUOTES)}," {rng.choice(PEOPLE)} said {said}.')
    sentences.append(rng.choice(FILLER))
    return " ".join(sentences)


def generate(n: int, seed: int = 7) -> list[GeneratedArticle]:
    """``n`` articles, one every few hours over two years, oldest first."""
    events = story(seed)
    days = [e.day for e in events]
    articles = []
    for i in range(n):
        rng = random.Random(f"article:{seed}:{i}")
        dct = START + timedelta(days=(i * SPAN_DAYS) // max(n, 1))
        now = bisect.bisect_right(days, dct)
        past = events[bisect.bisect_left(days, dct - timedelta(days=1200)):now]
        recent = events[bisect.bisect_left(days, dct - timedelta(days=14)):now] or past[-3:]
        upcoming = events[now:bisect.bisect_right(days, dct + timedelta(days=40))]
        paragraphs = []
        for _ in range(rng.randint(6, 9)):
            chosen = rng.sample(recent, min(len(recent), rng.randint(1, 2)))
            if rng.random() < 0.4:
                chosen.append(rng.choice(past))
            paragraphs.append(_paragraph(chosen, dct, rng))
        if upcoming:
            ev = rng.choice(upcoming)
            paragraphs.append(f"{rng.choice(PEOPLE)} {rng.choice(FUTURE_ACTIONS)} "
                              f"{ev.target} {future_phrase(ev.day, dct, rng)}.")
        if rng.random() < 0.4:
            paragraphs.insert(len(paragraphs) // 2, f"> {rng.choice(QUOTES)}.")
        if rng.random() < 0.3:
            paragraphs.insert(2, f"## What happened {rng.choice(('next', 'before', 'since'))}")
        lead = recent[-1]
        title = f"{lead.actor} {lead.action} {lead.target}"
        slug = f"{dct.isoformat()}-{i:05d}"
        articles.append(GeneratedArticle(
            slug=slug, title=title, published=dct, source=rng.choice(OUTLETS),
            url=f"https://news.example/{dct.year}/{slug}",
            tags=tuple(sorted(rng.sample(TAGS, 2))),
            body="\n\n".join(paragraphs) + "\n",
        ))
    return articles


def timeline_markdown(a: GeneratedArticle) -> str:
    return (f"---\ntitle: \"{a.title}\"\ndate: {a.published.isoformat()}\nsource: {a.source}\n"
            f"url: {a.url}\ntags: [{', '.join(a.tags)}]\nlang: en\n---\n\n{a.body}")


def pelican_markdown(a: GeneratedArticle) -> str:
    return (f"Title: {a.title}\nDate: {a.published.isoformat()} 09:00\nTags: {', '.join(a.tags)}\n"
            f"Slug: {a.slug}\n\n{a.body}")


def write_corpus(folder: Path, n: int, seed: int = 7, *, pelican: bool = False) -> list[Path]:
    """Write the corpus as one Markdown file per article; returns the paths, oldest first."""
    folder.mkdir(parents=True, exist_ok=True)
    render = pelican_markdown if pelican else timeline_markdown
    paths = []
    for article in generate(n, seed):
        path = folder / f"{article.slug}.md"
        path.write_text(render(article), encoding="utf-8")
        paths.append(path)
    return paths


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("n", type=int)
    parser.add_argument("folder", type=Path)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--pelican", action="store_true", help="Pelican metadata instead of YAML")
    args = parser.parse_args()
    write_corpus(args.folder, args.n, args.seed, pelican=args.pelican)


if __name__ == "__main__":
    main()
