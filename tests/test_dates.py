"""Tests of pipeline.dates.find_dates: every example of EXTRACTION_SPEC.md § dates, hard cases, robustness."""

from __future__ import annotations

import calendar
import re
from datetime import date

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pipeline.dates import DateMatch, covered_days, find_dates, month_names

# (text, default_year, [(surface, iso_start, iso_end), ...])
POSITIVE = [
    # a year before a count noun is still a year after "in" / "since", or as a modifier
    ("In 2019 counsellors were trained.", None, [("2019", "2019", "2019")]),
    ("Created in 1946, the IGSS covers private-sector workers.", None, [("1946", "1946", "1946")]),
    ("the 2022 reforms", None, [("2022", "2022", "2022")]),
    ("A review of the 2014 youth employment law", None, [("2014", "2014", "2014")]),
    # days listed before a day with its month: consecutive days are a range, others each a day
    ("on 25 and 26 April 2023", None, [("25 and 26 April 2023", "2023-04-25", "2023-04-26")]),
    ("on 3, 4 and 5 July 2023", None, [("3, 4 and 5 July 2023", "2023-07-03", "2023-07-05")]),
    ("on 3, 10 and 17 March 2021", None,
     [("3", "2021-03-03", "2021-03-03"), ("10", "2021-03-10", "2021-03-10"), ("17 March 2021", "2021-03-17", "2021-03-17")]),
    # spec § dates, as written in the gold
    ("on 23-24 May 2024.", None, [("23-24 May 2024", "2024-05-23", "2024-05-24")]),
    ("Action 2023-11 was implemented from May to November 2023.", None,
     [("from May to November 2023", "2023-05", "2023-11")]),
    ("was expected to take off in 2022 towards", None, [("2022", "2022", "2022")]),
    ("that, since May 2021, the Ministry", None, [("since May 2021", "2021-05", None)]),
    ("Since 2018, the Area has been developing", None, [("Since 2018", "2018", None)]),
    ("two new activities planned for early 2022:", None, [("early 2022", "2022", "2022")]),
    ("Strategy 2022-2027 (with its 22/23 Implementation Action Plan)", None,
     [("2022-2027", "2022", "2027"), ("22/23", "2022", "2023")]),
    ("21/12/2021\nState talent", None, [("21/12/2021", "2021-12-21", "2021-12-21")]),
    # year first, as some sites write it: ISO with slashes or dots
    ("Date: 2019/07/22", None, [("2019/07/22", "2019-07-22", "2019-07-22")]),
    ("on 2019.07.22 and", None, [("2019.07.22", "2019-07-22", "2019-07-22")]),
    ("Start activities\n    14/03/2022\n", None, [("14/03/2022", "2022-03-14", "2022-03-14")]),
    ("End activities\n    07-11-2023\n", None, [("07-11-2023", "2023-11-07", "2023-11-07")]),
    ("Start activities\n    mar-2019\n", None, [("mar-2019", "2019-03", "2019-03")]),
    # the site's French, Spanish and Portuguese pages: a month's abbreviation before its year, day and month ranges
    ("Fin des activités\n    févr-2023\n", None, [("févr-2023", "2023-02", "2023-02")]),
    ("End activities: dic-2022", None, [("dic-2022", "2022-12", "2022-12")]),
    ("Début: janv. 2023", None, [("janv. 2023", "2023-01", "2023-01")]),
    ("Start: mars-2023", None, [("mars-2023", "2023-03", "2023-03")]),
    ("Period: mayo – septiembre 2022", None, [("mayo – septiembre 2022", "2022-05", "2022-09")]),
    ("del 6 al 8 de marzo de 2023", None, [("del 6 al 8 de marzo de 2023", "2023-03-06", "2023-03-08")]),
    ("du 6 au 8 mars 2023", None, [("du 6 au 8 mars 2023", "2023-03-06", "2023-03-08")]),
    # month ranges and open starts of the site's Spanish, French and Portuguese pages
    ("de marzo a junio de 2023", None, [("de marzo a junio de 2023", "2023-03", "2023-06")]),
    ("entre marzo y junio de 2023", None, [("entre marzo y junio de 2023", "2023-03", "2023-06")]),
    ("de mars à juin 2023", None, [("de mars à juin 2023", "2023-03", "2023-06")]),
    ("de março a junho de 2023", None, [("de março a junho de 2023", "2023-03", "2023-06")]),
    ("desde enero de 2024", None, [("desde enero de 2024", "2024-01", None)]),
    ("depuis janvier 2024", None, [("depuis janvier 2024", "2024-01", None)]),
    ("a partir de marzo de 2024", None, [("a partir de marzo de 2024", "2024-03", None)]),
    # ... not an English "a" or a decree's "de"
    ("In May 2022 a 3 person team", None, [("May 2022", "2022-05", "2022-05")]),
    ("Decreto 5 de 2021", None, [("2021", "2021", "2021")]),
    ("We set 2022 as the target year.", None, [("2022", "2022", "2022")]),
    ("Guatemala City, 28 of September of 2023", None, [("28 of September of 2023", "2023-09-28", "2023-09-28")]),
    ("(12/03 – 23/03/2019)", None, [("12/03 – 23/03/2019", "2019-03-12", "2019-03-23")]),
    ("In 2021 the unit ran it from March to mid-July.", None,
     [("2021", "2021", "2021"), ("from March to mid-July", "2021-03", "2021-07")]),
    ("since the 1970s", None, [("since the 1970s", "1970", None)]),
    ("Following the last analysis carried out in June 2022,", None, [("June 2022", "2022-06", "2022-06")]),
    ("at the 2024 National Meeting of Providers", None, [("2024", "2024", "2024")]),
    ("the South Asia Labour Conference 2014", None, [("2014", "2014", "2014")]),
    ("hosted from 18-20 November 2024, a conference", None, [("18-20 November 2024", "2024-11-18", "2024-11-20")]),
    # news reference tags
    ("SOCIEUX+ 2018-05 BOLIVIA, ACT. 2 (04.06 – 15.06.2018)", None,
     [("04.06 – 15.06.2018", "2018-06-04", "2018-06-15")]),
    ("ACT. 1 (15.06.2018)", None, [("15.06.2018", "2018-06-15", "2018-06-15")]),
    # day ranges, days, months
    ("30 May – 2 June 2024", None, [("30 May – 2 June 2024", "2024-05-30", "2024-06-02")]),
    ("30 December — 2 January 2024", None, [("30 December — 2 January 2024", "2023-12-30", "2024-01-02")]),
    ("between 23 and 24 May 2024", None, [("between 23 and 24 May 2024", "2024-05-23", "2024-05-24")]),
    ("May 23-24, 2024", None, [("May 23-24, 2024", "2024-05-23", "2024-05-24")]),
    ("1 March 2022", None, [("1 March 2022", "2022-03-01", "2022-03-01")]),
    ("March 1, 2022", None, [("March 1, 2022", "2022-03-01", "2022-03-01")]),
    ("the 1st of May 2022", None, [("1st of May 2022", "2022-05-01", "2022-05-01")]),
    ("2024-05-23", None, [("2024-05-23", "2024-05-23", "2024-05-23")]),
    ("12/03/2019 - 23/03/2019", None, [("12/03/2019 - 23/03/2019", "2019-03-12", "2019-03-23")]),
    ("June 2022", None, [("June 2022", "2022-06", "2022-06")]),
    ("in May 2024", None, [("May 2024", "2024-05", "2024-05")]),
    ("Sept. 2019 and Jan 2020", None, [("Sept. 2019", "2019-09", "2019-09"), ("Jan 2020", "2020-01", "2020-01")]),
    ("March-April 2022", None, [("March-April 2022", "2022-03", "2022-04")]),
    ("March–April 2022", None, [("March–April 2022", "2022-03", "2022-04")]),
    ("from November 2022 to March 2023", None, [("from November 2022 to March 2023", "2022-11", "2023-03")]),
    # two consecutive months joined by "and" are one span (as "25 and 26 April"); others are listed
    ("March and April 2022", None, [("March and April 2022", "2022-03", "2022-04")]),
    ("in February and March", 2023, [("February and March", "2023-02", "2023-03")]),
    # a range whose ends carry a qualifier and "the"
    ("between mid-March and the end of April 2023", None,
     [("between mid-March and the end of April 2023", "2023-03", "2023-04")]),
    ("from May to the end of June 2022", None, [("from May to the end of June 2022", "2022-05", "2022-06")]),
    ("March and June 2022", None, [("March", "2022-03", "2022-03"), ("June 2022", "2022-06", "2022-06")]),
    ("in May, July and September", 2021, [("May", "2021-05", "2021-05"), ("July", "2021-07", "2021-07"),
                                          ("September", "2021-09", "2021-09")]),
    ("We may and March", 2021, []),
    ("The training is planned for December.", 2024, [("December", "2024-12", "2024-12")]),  # "for" is a cue
    # a month name in Spanish, French or Portuguese, with a day or a year (a news page's date line)
    ("5 de mayo de 2023", None, [("5 de mayo de 2023", "2023-05-05", "2023-05-05")]),
    ("Publié le 12 mars 2024", None, [("12 mars 2024", "2024-03-12", "2024-03-12")]),
    ("Publicado em 3 de julho de 2024", None, [("3 de julho de 2024", "2024-07-03", "2024-07-03")]),
    ("le 1er avril", 2024, [("1er avril", "2024-04-01", "2024-04-01")]),
    ("en septiembre de 2022", None, [("septiembre de 2022", "2022-09", "2022-09")]),
    ("Mr Julio Pérez and Ms Abril Díaz met the experts.", 2024, []),  # alone, a name
    # ... and in Italian, German, Dutch and the Scandinavian languages, also with a day's period ("25. oktober")
    ("Offentliggjort 25. oktober 2022", None, [("25. oktober 2022", "2022-10-25", "2022-10-25")]),
    ("Gepubliceerd op 3 mei 2021", None, [("3 mei 2021", "2021-05-03", "2021-05-03")]),
    ("il 5 marzo 2023", None, [("5 marzo 2023", "2023-03-05", "2023-03-05")]),
    # ... in every EU language, with a month's genitive of a date; a name that is two months in two
    # languages (Croatian "listopad" October, Polish November) is none
    ("Objavljeno: 14. lipnja 2023.", None, [("14. lipnja 2023", "2023-06-14", "2023-06-14")]),
    ("15 czerwca 2022", None, [("15 czerwca 2022", "2022-06-15", "2022-06-15")]),
    ("Publicat pe 5 iunie 2022", None, [("5 iunie 2022", "2022-06-05", "2022-06-05")]),
    ("14 listopada 2023", None, [("2023", "2023", "2023")]),
    # a US-style day range with a word, closed by a year or a punctuation mark
    ("From April 1 to 12, the team met employers.", 2019, [("April 1 to 12", "2019-04-01", "2019-04-12")]),
    ("between March 3 and 7, 2020", None, [("March 3 and 7, 2020", "2020-03-03", "2020-03-07")]),
    # years, year ranges, parts of years, seasons, decades
    ("2021-2022", None, [("2021-2022", "2021", "2022")]),
    ("2019/2020", None, [("2019/2020", "2019", "2020")]),
    ("2022/23", None, [("2022/23", "2022", "2023")]),
    ("from 2019 to 2021", None, [("from 2019 to 2021", "2019", "2021")]),
    ("between 2019 and 2021", None, [("between 2019 and 2021", "2019", "2021")]),
    ("mid-2022", None, [("mid-2022", "2022", "2022")]),
    ("late 2022", None, [("late 2022", "2022", "2022")]),
    ("by the end of 2022", None, [("end of 2022", "2022", "2022")]),
    ("at the beginning of 2023", None, [("beginning of 2023", "2023", "2023")]),
    ("in the first half of 2023", None, [("first half of 2023", "2023", "2023")]),
    ("end of May 2022", None, [("end of May 2022", "2022-05", "2022-05")]),
    ("spring 2022", None, [("spring 2022", "2022", "2022")]),
    ("in the summer of 2021", None, [("summer of 2021", "2021", "2021")]),
    ("in the winter of 2023-24", None, [("winter of 2023-24", "2023", "2024")]),
    ("during winter 2023/2024", None, [("winter 2023/2024", "2023", "2024")]),
    ("the 1990s", None, [("1990s", "1990", "1999")]),
    ("from March 2022 onwards", None, [("from March 2022 onwards", "2022-03", None)]),
    # a season or semester without a year takes the nearest year before it (or the date line's); a season's event
    # ("the spring session") is none
    ("In 2023 the experts will return in the autumn.", None, [("2023", "2023", "2023"), ("the autumn", "2023", "2023")]),
    ("Activities will take place in the second semester.", 2025, [("the second semester", "2025", "2025")]),
    ("in the second semester of 2021", None, [("second semester of 2021", "2021", "2021")]),
    ("In 2021 the board met in the spring session of the council.", None, [("2021", "2021", "2021")]),
    ("The pilot began last May.", 2023, [("May", "2023-05", "2023-05")]),
    ("This autumn, two experts visited the office.", 2024, [("This autumn", "2024", "2024")]),
    ("The first step, an online diagnosis, took place in spring.", 2024, [("spring", "2024", "2024")]),
    # Russian and Ukrainian month names with a day and a year (date lines of partner pages)
    ("15 октября 2023 г.", None, [("15 октября 2023", "2023-10-15", "2023-10-15")]),
    ("3 березня 2024", None, [("3 березня 2024", "2024-03-03", "2024-03-03")]),
    # a bare month abbreviation or quarter opening a range takes the year of the dated month or quarter after it
    ("Feb–Mar 2024", None, [("Feb–Mar 2024", "2024-02", "2024-03")]),
    ("Oct.–Dec. 2023", None, [("Oct.–Dec. 2023", "2023-10", "2023-12")]),
    ("Q2–Q3 2023", None, [("Q2–Q3 2023", "2023", "2023")]),
    # a start said to go on: "(ongoing)", "– ongoing", "to date"
    ("from 4 March 2024 (ongoing)", None, [("from 4 March 2024 (ongoing)", "2024-03-04", None)]),
    ("from March 2024 – ongoing", None, [("from March 2024 – ongoing", "2024-03", None)]),
    ("advised the fund from 2021 to date", None, [("from 2021 to date", "2021", None)]),
    # a day or month without a year: nearest year before it, else default_year
    ("In 2021 … in May the team met.", None, [("2021", "2021", "2021"), ("May", "2021-05", "2021-05")]),
    # a yearless month after "to" ("postponed to October")
    ("The visit, planned for June, has been postponed to October.", 2022,
     [("June", "2022-06", "2022-06"), ("October", "2022-10", "2022-10")]),
    ("from March to mid-July", 2020, [("from March to mid-July", "2020-03", "2020-07")]),
    ("from November to February", 2020, [("from November to February", "2020-11", "2021-02")]),
    ("on 5 June the workshop", 2019, [("5 June", "2019-06-05", "2019-06-05")]),
    ("In 2018 and on 5 June", 2019, [("2018", "2018", "2018"), ("5 June", "2018-06-05", "2018-06-05")]),
    # weekdays inside a range
    ("from Monday 9 to Friday 13 September 2024", None,
     [("from Monday 9 to Friday 13 September 2024", "2024-09-09", "2024-09-13")]),
    ("from Monday, 9 September to Friday, 13 September 2024", None,
     [("from Monday, 9 September to Friday, 13 September 2024", "2024-09-09", "2024-09-13")]),
    # a span with both ends' years, of different precisions
    ("which ran from mid-2022 to January 2023", None, [("from mid-2022 to January 2023", "2022", "2023-01")]),
    ("between May 2021 and 2022", None, [("between May 2021 and 2022", "2021-05", "2022")]),
    # month/year after a word of time, a label's colon or a range dash
    ("A mission followed in 07/2024 to train the officers.", None, [("07/2024", "2024-07", "2024-07")]),
    ("Period: 10/2023 – 06/2024", None, [("10/2023 – 06/2024", "2023-10", "2024-06")]),
    ("Start: 11/2019", None, [("11/2019", "2019-11", "2019-11")]),
]

NEGATIVE = [
    "Ongoing",
    "On April 1 to 12 inspectors came.",  # a count after "to", no range
    "Building on the previous support (Action 2022-21) provided by SOCIEUX+",
    "Follow-up from action 2016-12",
    "Code\n    2023-11",
    "- Code\n- 2020-11",
    "SOCIEUX+ 2018-05",
    "the action 2023-11 and 2023-12",
    "analysis of how the relationship with COVID-19 has changed",
    "SDG 8 and SDGs 10",
    "number 5: Gender Equality, 8: Decent work and 10: Reduction",
    "over four weeks",
    "a 5-days seminar",
    "five years",
    "2 years",
    "a minimum payroll of 25 workers",
    "civil servants of 45 institutions",
    "aged 18-25",
    "a budget of EUR 2000 and €2021",
    "2,000 people and 1.950",
    "2000 workers",
    "The activities reached over 2000 job-seekers",  # counts of people, not years
    "they trained 2019 counsellors",
    "the fund paid 1998 pensions",
    "some 1500 new members joined",
    "Call +94 11 258 1991 for details",  # telephone numbers
    "the helpline 82 300 2021 is open",
    "(+221) 33 889 2019",
    "Tel. 2019 4455",
    "up 2021%",
    "more than 2000",
    "ISO 9001:2015",
    "Regulation 2016/679",
    "in 1899",
    "The fund pays 1946 pensions.",  # a year before 1950 only right after a word of time
    "the year 2150",
    "the Ministry may request it in march",
    "May the experts return",
    "the workers continued to march peacefully",
    "from 23 to 24 May",  # no year anywhere: left out
    "5 May",
    "Jan said",
    # a numbered law or decree, not a month
    "The Law 12/2019 on social insurance was adopted.",
    "Decree No. 05/2021 sets the contribution rates.",
    "In 13/2020",
]

INVALID = ["31 February 2023", "32/13/2020", "30/02/2021", "2027-2022"]


def _rows(matches: list[DateMatch]) -> list[tuple[str, str | None, str | None]]:
    return [(m.text, m.iso_start, m.iso_end) for m in matches]


@pytest.mark.parametrize(("text", "year", "expected"), POSITIVE, ids=[p[0][:40] for p in POSITIVE])
def test_finds_dates_as_written(text: str, year: int | None, expected: list) -> None:
    matches = find_dates(text, default_year=year)
    assert _rows(matches) == expected
    assert all(text[m.start : m.end] == m.text and m.error is None for m in matches)


@pytest.mark.parametrize("text", NEGATIVE)
def test_not_dates(text: str) -> None:
    assert find_dates(text) == []


@pytest.mark.parametrize("text", INVALID)
def test_invalid_dates_are_reported_not_raised(text: str) -> None:
    (match,) = find_dates(text)
    assert match.text == text
    assert match.iso_start is None and match.iso_end is None
    assert match.error and text in match.error and match.kind == "invalid"


def test_invalid_date_reason_is_clear() -> None:
    (match,) = find_dates("31 February 2023")
    assert "day 31 does not exist in February 2023" in match.error


def test_invalid_year_still_sets_the_year_context() -> None:
    assert _rows(find_dates("31 February 2023, then on 3 March"))[1] == ("3 March", "2023-03-03", "2023-03-03")


@pytest.mark.parametrize(
    ("text", "kind"),
    [("23-24 May 2024", "day-range"), ("21/12/2021", "day"), ("June 2022", "month"),
     ("from May to November 2023", "month-range"), ("2022", "year"), ("2022-2027", "year-range"),
     ("early 2022", "part-of-year"), ("mid-July 2021", "part-of-month"), ("spring 2022", "season"),
     ("the 1970s", "decade"), ("since May 2021", "open-range")],
)
def test_kinds(text: str, kind: str) -> None:
    assert [m.kind for m in find_dates(text)] == [kind]


def test_month_names_come_from_cldr() -> None:
    names = month_names()
    assert names["january"] == 1 and names["sep"] == names["sept"] == names["september"] == 9
    assert len({v for v in names.values()}) == 12


def test_text_order_and_offsets_in_a_record() -> None:
    text = "Since 2018, the Area ... In 2022-2027 and from May to November 2023, then 5 June."
    matches = find_dates(text)
    assert [m.start for m in matches] == sorted(m.start for m in matches)
    assert _rows(matches)[-1] == ("5 June", "2023-06-05", "2023-06-05")


# -- robustness: never raises, every ISO value valid, start <= end ------------------
_ISO = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")
_FRAGMENTS = [
    "May", "March", "mid-", "early ", "since ", "from ", " to ", " and ", "between ", "-", "–", "/", ".", ",",
    " ", "\n", "2022", "2023", "19", "1970s", "22/23", "31", "29", "02", "12", "99/00", "February", "Feb",
    "Sept.", "spring ", "Q4 ", "Action ", "Code ", "SOCIEUX+ ", "COVID-", "€", "%", "workers", "onwards",
    "the ", "end of ", "first half of ", "2100", "1949", "2024-02-30",
]


def _bounds(iso: str) -> tuple[date, date]:
    match = _ISO.match(iso)
    assert match, f"not an ISO date: {iso!r}"
    year, month, day = (int(g) if g else None for g in match.groups())
    if day is not None:
        return date(year, month, day), date(year, month, day)
    if month is not None:
        return date(year, month, 1), date(year, month, calendar.monthrange(year, month)[1])
    return date(year, 1, 1), date(year, 12, 31)


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    text=st.one_of(st.text(), st.lists(st.one_of(st.sampled_from(_FRAGMENTS), st.text(max_size=3)), max_size=25).map("".join)),
    year=st.one_of(st.none(), st.integers(1950, 2100)),
)
def test_find_dates_never_raises_and_iso_is_valid(text: str, year: int | None) -> None:
    previous_end = 0
    for match in find_dates(text, default_year=year):
        assert text[match.start : match.end] == match.text
        assert match.start >= previous_end  # in text order, never overlapping
        previous_end = match.end
        if match.error is not None:
            assert match.iso_start is None and match.iso_end is None
            continue
        first, _ = _bounds(match.iso_start)
        if match.iso_end is not None:
            assert first <= _bounds(match.iso_end)[1]


# -- windows: scanning only around anchors finds exactly what a whole-text scan finds -----
from hypothesis import HealthCheck, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from pipeline import dates as dates_module  # noqa: E402

PIECES = st.sampled_from([
    "May", "may", "Sept.", "September", "Mar", "market", "early", "mid-", "end of", "second quarter of", "spring",
    "Fall", "Q3", "2022", "2023-24", "22/23", "1990s", "23", "3rd", "14/03/2022", "2021-07", "Action", "Code:", "n°",
    "COVID-19", "SDG 8", "€5,000", "25 workers", "per cent", "%", "more than", "since", "from", "to", "-", "–", "and",
    ",", ".", " ", "  ", "\n", "\n        ", " " * 20, "İ", "ſept", "\u212a", "until", "between", "onwards",
    "de", "mayo", "Julio", "mars", "1er", "août", "outubro", "out", "set", "general", "oktober", "mei", "through",
])


def whole_scan(monkeypatch, text: str, year: int | None) -> list:
    with monkeypatch.context() as m:
        m.setattr(dates_module, "_windows", lambda t, foreign=False, low=None: [(0, len(t))])
        return find_dates(text, default_year=year)


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(st.lists(PIECES, max_size=40).map(" ".join), st.sampled_from([None, 2021]))
def test_windowed_scan_equals_whole_scan_on_generated_text(monkeypatch, text: str, year: int | None) -> None:
    assert find_dates(text, default_year=year) == whole_scan(monkeypatch, text, year)


def test_windowed_scan_equals_whole_scan_on_corpus(monkeypatch) -> None:
    from pipeline.documents import discover, read_document
    from pipeline.paths import CORPUS_DIR
    from pipeline.split import split_document

    found = 0
    for path in discover(CORPUS_DIR):
        doc = read_document(path)
        for text in [doc.text[i : i + 3000] for i in range(0, len(doc.text), 2500)] + [r.text for r in split_document(doc)]:
            got = find_dates(text)
            assert got == whole_scan(monkeypatch, text, None)
            found += len(got)
    assert found > 20  # the corpus records hold a few dozen dates


def test_windows_skip_text_without_anchors() -> None:
    text = "Technical assistance to the ministry on social protection. " * 20 + "In May 2023 a workshop."
    windows = dates_module._windows(text)
    assert len(windows) == 1 and windows[0][1] == len(text) and windows[0][0] > 1000
    assert [d.iso_start for d in find_dates(text)] == ["2023-05"]


@pytest.mark.parametrize(("text", "start", "end", "expected"), [
    ("2022", "2022", None, ("2022-01-01", "2022-12-31")),
    ("May 2022", "2022-05", None, ("2022-05-01", "2022-05-31")),
    ("late 2022", "2022", None, ("2022-09-01", "2022-12-31")),
    ("end of 2022", "2022", None, ("2022-09-01", "2022-12-31")),
    ("until the end of 2022", "2022", None, ("2022-09-01", "2022-12-31")),
    ("early 2023", "2023", None, ("2023-01-01", "2023-03-31")),
    ("second half of 2023", "2023", None, ("2023-07-01", "2023-12-31")),
    ("12 to 16 June 2023", "2023-06-12", "2023-06-16", ("2023-06-12", "2023-06-16")),
    ("from 2021 to March 2022", "2021", "2022-03", ("2021-01-01", "2022-03-31")),
    # a season covers its months (ordering only; winter spans two years and keeps the year)
    ("spring 2022", "2022", None, ("2022-03-01", "2022-05-31")),
    ("in autumn 2023", "2023", None, ("2023-09-01", "2023-11-31")),
    ("winter 2023", "2023", None, ("2023-01-01", "2023-12-31")),
])
def test_covered_days_order_dates_of_different_precisions(text, start, end, expected) -> None:
    assert covered_days(text, start, end) == expected
