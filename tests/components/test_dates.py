"""Tests of the `socieux_dates` component: one `date` fact per calendar expression of a record."""

from __future__ import annotations


import pytest
from spacy.language import Language
from spacy.tokens import Doc

from pipeline.facts import Fact, facts
from pipeline.extract import annotate
from pipeline.nlp import build_nlp


@pytest.fixture(scope="module")
def nlp() -> Language:
    return build_nlp(["socieux_dates", "socieux_period"])


def run(nlp: Language, text: str, fields: dict[str, str], kind: str = "listing", year: int | None = None) -> Doc:
    """A record Doc with its field spans given as substrings of `text` (first occurrence)."""
    return annotate(nlp, text, fields, kind, year)


def dates(doc: Doc) -> list[tuple[str, str | None, str | None]]:
    return [(f.text, f.value, f.extra["end"]) for f in facts(doc) if f.field == "date"]


LISTING = (
    "  • Expert presentations at the 2024 National Meeting of Providers\n\n"
    "    Public Employment Services (UAESPE)\n"
    "    National events (awareness raising)\n"
    "    The Colombian Public Service Employment hosted from 18-20 November 2024, a conference."
)
LABELLED = (
    "• Support to the national employment agency\n\n"
    "    Start activities\n    14/03/2022\n    End activities\n    07-11-2023\n"
    "    Type of Assistance\n    Institutional capacity building 2021\n"
    "    Code\n    2022-05\n"
    "    Description\n    French experts supported the agency in 2023."
)
NEWS = (
    "21/12/2021\nState talent exchange experiences\n"
    "The workshop is part of the technical cooperation that, since May 2021, the Ministry has been "
    "developing with the SOCIEUX+ programme. On 3 June the experts met.\n"
    "SOCIEUX+ 2018-05 BOLIVIA, ACT. 2 (04.06 – 15.06.2018)"
)


def test_listing_dates_in_text_order(nlp: Language) -> None:
    doc = run(nlp, LISTING, {"title": "Expert presentations at the 2024 National Meeting of Providers",
                             "description": "The Colombian Public Service Employment hosted"})
    assert dates(doc) == [("2024", "2024", "2024"), ("18-20 November 2024", "2024-11-18", "2024-11-20")]


def test_fact_carries_evidence_rule_and_status(nlp: Language) -> None:
    doc = run(nlp, LISTING, {"title": "Expert presentations"})
    fact = next(f for f in facts(doc) if f.field == "date" and f.text == "18-20 November 2024")
    assert doc.text[fact.start : fact.end] == fact.text
    assert fact.rule == "date:day-range" and fact.status == "certain"


def test_labelled_fields_listed_but_code_and_assistance_types_skipped(nlp: Language) -> None:
    doc = run(nlp, LABELLED, {
        "start_activities": "14/03/2022", "end_activities": "07-11-2023",
        "assistance_types": "Institutional capacity building 2021", "code": "2022-05",
        "description": "French experts supported the agency in 2023.",
    })
    assert dates(doc) == [
        ("14/03/2022", "2022-03-14", "2022-03-14"),
        ("07-11-2023", "2023-11-07", "2023-11-07"),
        ("2023", "2023", "2023"),
    ]


def test_news_date_line_tag_and_default_year(nlp: Language) -> None:
    doc = run(nlp, NEWS, {"date_line": "21/12/2021", "title": "State talent exchange experiences",
                          "tag": "SOCIEUX+ 2018-05 BOLIVIA, ACT. 2 (04.06 – 15.06.2018)"},
              kind="news", year=2021)
    assert dates(doc) == [
        ("21/12/2021", "2021-12-21", "2021-12-21"),
        ("since May 2021", "2021-05", None),
        ("3 June", "2021-06-03", "2021-06-03"),
        ("04.06 – 15.06.2018", "2018-06-04", "2018-06-15"),
    ]


def test_default_year_from_user_data(nlp: Language) -> None:
    text = "Experts met on 3 June and from March to mid-July."
    assert dates(run(nlp, text, {}, kind="news", year=2020)) == [
        ("3 June", "2020-06-03", "2020-06-03"), ("from March to mid-July", "2020-03", "2020-07")]
    assert dates(run(nlp, text, {}, kind="news", year=None)) == []


@pytest.mark.parametrize("text", [
    "Building on the previous support (Action 2022-21) provided by SOCIEUX+.",
    "COVID-19 changed the relationship; SDG 8 and number 5: Gender Equality.",
    "Over four weeks, a 5-days seminar for 25 workers of 45 institutions, five years, 2 years.",
    "Start activities\n    Ongoing",
])
def test_no_date_facts(nlp: Language, text: str) -> None:
    assert dates(run(nlp, text, {})) == []


def test_invalid_date_becomes_date_error_fact(nlp: Language) -> None:
    doc = run(nlp, "Start activities\n    31/02/2023\n", {"start_activities": "31/02/2023"})
    (fact,) = [f for f in facts(doc) if f.field.startswith("date")]
    assert fact == Fact(field="date_error", value=None, start=fact.start, end=fact.end, text="31/02/2023",
                        rule="date:invalid", status="certain")
    assert "day 31 does not exist in February 2023" in fact.extra["reason"]
