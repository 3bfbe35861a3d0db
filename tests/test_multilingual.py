"""German, French, Spanish and Russian tagging, on news sentences about the Trump-Putin summit
in Helsinki (Monday 16 July 2018), published the day after."""

# ruff: noqa: RUF001 - the sentences are German, French, Spanish and Russian text

from __future__ import annotations

import itertools
from datetime import UTC, date, datetime, timedelta, timezone

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from timeline.errors import TimelineError
from timeline.model import AnchorKind, Granularity, Interval, TimexType
from timeline.temporal.multilingual import tag_multilingual

DCT = date(2018, 7, 17)  # a Tuesday
DAY, WEEK, MONTH, YEAR = Granularity.DAY, Granularity.WEEK, Granularity.MONTH, Granularity.YEAR
TIME, VAGUE = Granularity.TIME, Granularity.VAGUE


def tags(lang: str, text: str, dct: date = DCT) -> list[tuple[str, str, Granularity | None]]:
    return [(t.text, t.value, t.granularity) for t in tag_multilingual(text, dct, lang)]


CASES = [
    # German
    ("de", "Donald Trump und Wladimir Putin haben sich am Montag, dem 16. Juli 2018, in Helsinki "
     "getroffen.", [("Montag, dem 16. Juli 2018", "2018-07-16", DAY)]),
    ("de", "Am Montag trafen sich Trump und Putin im Präsidentenpalast.",
     [("Montag", "2018-07-16", DAY)]),
    ("de", "Gestern sagte Trump, er vertraue seinen Geheimdiensten. Morgen wird er zurückfliegen.",
     [("Gestern", "2018-07-16", DAY), ("Morgen", "2018-07-18", DAY)]),
    ("de", "Heute Morgen reagierte der Kongress empört.",
     [("Heute Morgen", "2018-07-17TMO", TIME)]),
    ("de", "Am Morgen des Gipfels schien die Sonne.", []),
    ("de", "Das nächste Treffen soll am Freitag stattfinden.", [("Freitag", "2018-07-20", DAY)]),
    ("de", "Vor zwei Tagen landete Trump in Finnland.", [("Vor zwei Tagen", "2018-07-15", DAY)]),
    ("de", "Letzte Woche war Trump in Brüssel, nächstes Jahr will Putin nach Washington kommen.",
     [("Letzte Woche", "2018-W28", WEEK), ("nächstes Jahr", "2019", YEAR)]),
    ("de", "Im vergangenen Jahr hatte Trump Putin in Hamburg getroffen.",
     [("vergangenen Jahr", "2017", YEAR)]),
    ("de", "In den kommenden Wochen werden die Beziehungen auf die Probe gestellt.",
     [("den kommenden Wochen", "FUTURE_REF", VAGUE)]),
    ("de", "Die Ermittlungen zur Wahl 2016 laufen seit Mai 2017.",
     [("2016", "2016", YEAR), ("Mai 2017", "2017-05", MONTH)]),
    ("de", "Im Mai hatte Mai Thi Nguyen-Kim darüber berichtet.", [("Mai", "2018-05", MONTH)]),
    ("de", "Die Unterlagen vom 16.07.2018 wurden veröffentlicht.",
     [("16.07.2018", "2018-07-16", DAY)]),
    ("de", "Anfang Juli hatte Putin die Fußball-WM eröffnet.", [("Anfang Juli", "2018-07", MONTH)]),
    ("de", "Die Zahl stieg auf 2016 Menschen.", []),
    ("de", "In drei Wochen trifft sich der Ausschuss erneut.",
     [("In drei Wochen", "2018-W32", WEEK)]),
    ("de", "Die Sanktionen gelten seit dem 6. April.", [("6. April", "2018-04-06", DAY)]),
    ("de", "Im Dezember wird der Kongress abstimmen.", [("Dezember", "2018-12", MONTH)]),
    ("de", "Im Dezember hatte der Kongress abgestimmt.", [("Dezember", "2017-12", MONTH)]),
    # French
    ("fr", "Donald Trump et Vladimir Poutine se sont rencontrés le lundi 16 juillet 2018 à "
     "Helsinki.",
     [("le lundi 16 juillet 2018", "2018-07-16", DAY)]),
    ("fr", "Lundi, les deux présidents ont parlé pendant deux heures.",
     [("Lundi", "2018-07-16", DAY)]),
    ("fr", "Hier, le président a défendu sa performance. Aujourd'hui, il fait face aux critiques.",
     [("Hier", "2018-07-16", DAY), ("Aujourd'hui", "2018-07-17", DAY)]),
    ("fr", "Aujourd’hui, la presse américaine est unanime.", [("Aujourd’hui", "2018-07-17", DAY)]),
    ("fr", "Il recevra Poutine à Washington l'année prochaine.",
     [("l'année prochaine", "2019", YEAR)]),
    ("fr", "Il y a deux jours, Trump était encore en Écosse.",
     [("Il y a deux jours", "2018-07-15", DAY)]),
    ("fr", "La semaine dernière, il participait au sommet de l'Otan.",
     [("La semaine dernière", "2018-W28", WEEK)]),
    ("fr", "Dans les semaines à venir, le Congrès pourrait voter des sanctions.",
     [("les semaines à venir", "FUTURE_REF", VAGUE)]),
    ("fr", "La sonde doit se poser sur Mars. En mars, les tensions étaient vives.",
     [("mars", "2018-03", MONTH)]),
    ("fr", "Le procureur a inculpé douze agents russes le 13 juillet.",
     [("le 13 juillet", "2018-07-13", DAY)]),
    ("fr", "Ce matin, la Maison Blanche a publié un communiqué.",
     [("Ce matin", "2018-07-17TMO", TIME)]),
    ("fr", "L'ingérence russe en 2016 reste au cœur de l'enquête.", [("2016", "2016", YEAR)]),
    ("fr", "Le prochain sommet se tiendra lundi prochain.",
     [("lundi prochain", "2018-07-23", DAY)]),
    ("fr", "Demain, Trump rencontrera les élus républicains.", [("Demain", "2018-07-18", DAY)]),
    ("fr", "Le 1er mai 2018, les manifestants étaient nombreux.",
     [("Le 1er mai 2018", "2018-05-01", DAY)]),
    ("fr", "Mi-juillet, le dossier reviendra devant le Congrès.",
     [("Mi-juillet", "2018-07", MONTH)]),
    # Spanish
    ("es", "Donald Trump y Vladímir Putin se reunieron el lunes 16 de julio de 2018 en Helsinki.",
     [("el lunes 16 de julio de 2018", "2018-07-16", DAY)]),
    ("es", "El lunes ambos líderes hablaron durante dos horas.", [("El lunes", "2018-07-16", DAY)]),
    ("es", "Ayer Trump defendió su actuación. Hoy enfrenta duras críticas.",
     [("Ayer", "2018-07-16", DAY), ("Hoy", "2018-07-17", DAY)]),
    ("es", "Mañana el presidente se reunirá con los legisladores.",
     [("Mañana", "2018-07-18", DAY)]),
    ("es", "Trump llegó por la mañana al palacio presidencial.", []),
    ("es", "Esta mañana la Casa Blanca publicó un comunicado.",
     [("Esta mañana", "2018-07-17TMO", TIME)]),
    ("es", "Hoy en día las relaciones son tensas.", []),
    ("es", "Hace dos días Trump estaba en Escocia.", [("Hace dos días", "2018-07-15", DAY)]),
    ("es", "La semana pasada participó en la cumbre de la OTAN.",
     [("La semana pasada", "2018-W28", WEEK)]),
    ("es", "Putin visitará Washington el próximo año.", [("el próximo año", "2019", YEAR)]),
    ("es", "En las próximas semanas el Congreso votará nuevas sanciones.",
     [("las próximas semanas", "FUTURE_REF", VAGUE)]),
    ("es", "La injerencia rusa en 2016 sigue bajo investigación.", [("2016", "2016", YEAR)]),
    ("es", "Miles de personas se manifestaron en la Plaza de Mayo.", []),
    ("es", "El tenor Plácido Domingo cantó en Helsinki.", []),
    ("es", "A finales de julio se conocerán los resultados.",
     [("finales de julio", "2018-07", MONTH)]),
    ("es", "Los lunes el Senado no sesiona.", []),
    ("es", "El próximo lunes Trump recibirá a los senadores.",
     [("El próximo lunes", "2018-07-23", DAY)]),
    # Russian
    ("ru", "Встреча Дональда Трампа и Владимира Путина прошла в понедельник, 16 июля 2018 года, "
     "в Хельсинки.", [("понедельник, 16 июля 2018 года", "2018-07-16", DAY)]),
    ("ru", "В понедельник лидеры беседовали более двух часов.",
     [("понедельник", "2018-07-16", DAY)]),
    ("ru", "Вчера Трамп заявил, что доверяет спецслужбам. Сегодня он подвергся критике.",
     [("Вчера", "2018-07-16", DAY), ("Сегодня", "2018-07-17", DAY)]),
    ("ru", "Завтра президент встретится с конгрессменами.", [("Завтра", "2018-07-18", DAY)]),
    ("ru", "Два дня назад Трамп был в Шотландии.", [("Два дня назад", "2018-07-15", DAY)]),
    ("ru", "На прошлой неделе он участвовал в саммите НАТО.",
     [("прошлой неделе", "2018-W28", WEEK)]),
    ("ru", "В следующем году Путин может посетить Вашингтон.", [("следующем году", "2019", YEAR)]),
    ("ru", "В ближайшие недели Конгресс рассмотрит новые санкции.",
     [("ближайшие недели", "FUTURE_REF", VAGUE)]),
    ("ru", "В июле 2018 года отношения оставались напряжёнными.",
     [("июле 2018 года", "2018-07", MONTH)]),
    ("ru", "В июле было жарко, а 13 июля прокурор предъявил обвинения.",
     [("июле", "2018-07", MONTH), ("13 июля", "2018-07-13", DAY)]),
    ("ru", "Вмешательство России в выборы 2016 года расследуется.", [("2016 года", "2016", YEAR)]),
    ("ru", "В среду Трамп будет в Вашингтоне.", [("среду", "2018-07-18", DAY)]),
    ("ru", "Много лет назад они уже встречались.", []),
    ("ru", "Год назад они встречались в Гамбурге.", [("Год назад", "2017", YEAR)]),
    # Inflections, compounds, parts of the day and habits
    ("de", "Am Montagabend gab Trump Fox News ein Interview; montags tagt der Senat nicht.",
     [("Montagabend", "2018-07-16TEV", TIME)]),
    ("de", "Die Bilanz des vergangenen Jahres fällt gemischt aus.",
     [("des vergangenen Jahres", "2017", YEAR)]),
    ("fr", "Le lundi, le Sénat ne siège pas.", []),
    ("fr", "L'esprit de Mai 68 plane sur la manifestation.", []),
    ("fr", "Hier soir, Trump a tweeté depuis Air Force One.",
     [("Hier soir", "2018-07-16TEV", TIME)]),
    ("es", "Anoche Trump volvió a Washington.", [("Anoche", "2018-07-16TNI", TIME)]),
    ("es", "El lunes por la tarde Trump habló con la prensa.",
     [("El lunes por la tarde", "2018-07-16TAF", TIME)]),
    ("ru", "В мае Путин вступил в должность, а в начале июля открыл чемпионат.",
     [("мае", "2018-05", MONTH), ("начале июля", "2018-07", MONTH)]),
    ("ru", "В прошлую пятницу были предъявлены обвинения.",
     [("прошлую пятницу", "2018-07-13", DAY)]),
    ("ru", "Около двух лет назад началось расследование.",
     [("Около двух лет назад", "2016", YEAR)]),
    ("ru", "Выборы 2017 г. прошли спокойно.", [("2017 г.", "2017", YEAR)]),
]


@pytest.mark.parametrize(("lang", "text", "expected"), CASES, ids=[
    f"{lang}-{i}" for i, (lang, _, _) in enumerate(CASES)])
def test_news_sentences(lang: str, text: str, expected: list[tuple[str, str, Granularity]]) -> None:
    assert tags(lang, text) == expected


@pytest.mark.parametrize(("lang", "text"), [
    ("de", "am 16. Juli 2018"), ("fr", "le 16 juillet 2018"), ("es", "16 de julio de 2018"),
    ("ru", "16 июля 2018 года"), ("de", "16.07.2018"), ("fr", "16/07/2018"), ("es", "2018-07-16"),
])
def test_absolute_dates_need_no_anchor(lang: str, text: str) -> None:
    (timex,) = tag_multilingual(text, DCT, lang)
    assert timex.value == "2018-07-16" and timex.type is TimexType.DATE
    assert timex.anchor.kind is AnchorKind.ABSOLUTE
    assert timex.interval == Interval(date(2018, 7, 16), date(2018, 7, 16))


@pytest.mark.parametrize(("lang", "text"), [
    ("de", "gestern"), ("fr", "hier"), ("es", "ayer"), ("ru", "вчера"),
])
def test_relative_expressions_are_anchored_to_dct(lang: str, text: str) -> None:
    (timex,) = tag_multilingual(text, DCT, lang)
    assert (timex.anchor.kind, timex.anchor.value) == (AnchorKind.DCT, "2018-07-17")


@pytest.mark.parametrize(("lang", "text", "interval"), [
    ("de", "letzte Woche", (date(2018, 7, 9), date(2018, 7, 15))),
    ("fr", "le mois dernier", (date(2018, 6, 1), date(2018, 6, 30))),
    ("es", "el año pasado", (date(2017, 1, 1), date(2017, 12, 31))),
    ("ru", "в этом месяце", (date(2018, 7, 1), date(2018, 7, 31))),
    ("de", "im Jahr 2016", (date(2016, 1, 1), date(2016, 12, 31))),
    ("fr", "en juillet 2018", (date(2018, 7, 1), date(2018, 7, 31))),
])
def test_intervals_are_closed_day_ranges_of_the_right_grain(
    lang: str, text: str, interval: tuple[date, date]
) -> None:
    (timex,) = tag_multilingual(text, DCT, lang)
    assert timex.interval == Interval(*interval)


@pytest.mark.parametrize(("lang", "text"), [
    ("de", "in den kommenden Wochen"), ("fr", "dans les semaines à venir"),
    ("es", "en las próximas semanas"), ("ru", "в ближайшие недели"),
])
def test_coming_weeks_are_an_approximate_future_from_the_day_after(lang: str, text: str) -> None:
    (timex,) = tag_multilingual(text, DCT, lang)
    assert (timex.value, timex.granularity, timex.approximate) == ("FUTURE_REF", VAGUE, True)
    assert timex.interval is not None and timex.interval.start == DCT + timedelta(days=1)
    assert timex.interval.days > 7


@pytest.mark.parametrize(("lang", "text", "value"), [
    ("de", "Am Montag wird Trump Putin treffen.", "2018-07-23"),
    ("fr", "Lundi, Trump va rencontrer Poutine.", "2018-07-23"),
    ("es", "El lunes Trump va a reunirse con Putin.", "2018-07-23"),
    ("ru", "В понедельник Трамп будет в Хельсинки.", "2018-07-23"),
    ("de", "Am Sonntag traf Trump in Helsinki ein.", "2018-07-15"),
    ("fr", "Dimanche, Trump est arrivé à Helsinki.", "2018-07-15"),
])
def test_weekdays_are_past_unless_the_sentence_speaks_of_the_future(
    lang: str, text: str, value: str
) -> None:
    assert [t.value for t in tag_multilingual(text, DCT, lang)] == [value]


@pytest.mark.parametrize(("lang", "text", "value"), [
    ("de", "Trump, der am Montag Putin traf, wird dafür kritisiert.", "2018-07-16"),
    ("fr", "Poutine, qui a rencontré Trump lundi, sera à Paris en décembre.", "2018-07-16"),
    ("es", "El presidente, que habló el lunes, viajará a Moscú.", "2018-07-16"),
])
def test_the_tense_cue_nearest_in_the_clause_decides(lang: str, text: str, value: str) -> None:
    assert tag_multilingual(text, DCT, lang)[0].value == value


def test_the_package_tagger_dispatches_here_and_english_goes_back() -> None:
    from timeline.temporal import tag

    text = "Vor zwei Tagen landete Trump in Finnland."
    assert tag(text, DCT, lang="de") == tag_multilingual(text, DCT, "de")
    assert tag_multilingual("two days ago", DCT, "en-US") == tag("two days ago", DCT)


def test_german_weekday_on_dct_itself_is_dct() -> None:
    assert tags("de", "Am Dienstag reiste er ab.") == [("Dienstag", "2018-07-17", DAY)]


def test_approximate_counts_are_marked() -> None:
    (timex,) = tag_multilingual("vor etwa drei Monaten", DCT, "de")
    assert (timex.value, timex.approximate, timex.mod) == ("2018-04", True, "APPROX")


def test_parts_of_the_day_are_times() -> None:
    (timex,) = tag_multilingual("Вчера вечером", DCT, "ru")
    assert (timex.type, timex.granularity) == (TimexType.TIME, TIME)
    assert timex.interval == Interval(date(2018, 7, 16), date(2018, 7, 16))


def test_mod_narrows_the_interval_to_a_third_as_in_english() -> None:
    (timex,) = tag_multilingual("Ende Juli 2018", DCT, "de")
    assert timex.mod == "END" and timex.value == "2018-07"
    assert timex.interval == Interval(date(2018, 7, 22), date(2018, 7, 31))


def test_datetime_dct_and_region_subtags() -> None:
    aware = datetime(2018, 7, 17, 23, 30, tzinfo=timezone(timedelta(hours=2)))
    assert tags("de-AT", "gestern", aware) == [("gestern", "2018-07-16", DAY)]
    assert tags("fr_CA", "hier", datetime(2018, 7, 17, tzinfo=UTC)) == [
        ("hier", "2018-07-16", DAY)]


def test_unsupported_language_is_a_timeline_error() -> None:
    with pytest.raises(TimelineError, match=r"language 'it' is not one timeline reads; use one"):
        tag_multilingual("ieri", DCT, "it")


def test_the_languages_checked_on_loading_are_those_with_rules() -> None:
    """Articles and the config are checked against ``config.LANGUAGES`` without importing the
    tagger: it must name exactly the languages that have rules, and English."""
    from timeline.config import LANGUAGES
    from timeline.temporal.multilingual_rules import SPECS

    assert set(LANGUAGES) == {"en", *SPECS}


# --- properties ---------------------------------------------------------------------------------

FRAGMENTS = [
    "16.", "Juli", "2018", "am", "Montag", "gestern", "morgen", "Morgen", "vor", "zwei", "Tagen",
    "letzte", "Woche", "in", "den", "kommenden", "Wochen", "Anfang", "Mai", "le", "1er",
    "juillet", "lundi", "prochain", "il", "y", "a", "jours", "dans", "les", "semaines", "à",
    "venir", "Mars", "mi-", "de", "julio", "el", "lunes", "mañana", "la", "hace", "dos", "días",
    "próximas", "16", "июля", "года", "в", "понедельник", "вчера", "два", "дня", "назад", "на",
    "прошлой", "неделе", "ближайшие", "недели", "через", "год", "31.02.2018", "9999", "0001",
    "29.02.2019", "2018-13-01", ".", ",", " ", "\n", "’", "'", "-", "wird", "будет",
]
LANGS = st.sampled_from(["de", "fr", "es", "ru"])
TEXTS = st.one_of(st.text(max_size=200), st.lists(st.sampled_from(FRAGMENTS), max_size=40).map(
    lambda parts: " ".join(parts)), st.lists(st.sampled_from(FRAGMENTS), max_size=40).map("".join))


@settings(max_examples=300, deadline=None)
@given(text=TEXTS, lang=LANGS, dct=st.dates())
def test_never_raises_and_spans_are_valid(text: str, lang: str, dct: date) -> None:
    found = tag_multilingual(text, dct, lang)
    for timex in found:
        assert 0 <= timex.start < timex.end <= len(text)
        assert text[timex.start:timex.end] == timex.text
        assert timex.value and timex.granularity is not None and timex.interval is not None
        if timex.anchor.kind is AnchorKind.DCT:
            assert timex.anchor.value == dct.isoformat()
    for before, after in itertools.pairwise(found):
        assert before.end <= after.start
