"""Tests of pipeline/runin.py: paragraphs that open with a run-in title (an annual report's chapter)."""

from __future__ import annotations

from pipeline.documents import text_document
from pipeline.runin import is_run_in_listing
from pipeline.split import split_document

CHAPTER = """SOCIEUX+ ANNUAL REPORT 2023

CHAPTER 3 — RESULTS BY REGION

This chapter presents a selection of actions completed or under implementation during the reporting period.

3.1 Sub-Saharan Africa

STRENGTHENING THE COMPLIANCE UNIT OF THE NATIONAL SOCIAL SECURITY FUND – The National Social Security Fund (NSSF)
of Kenya sought support to improve employer compliance. A Dutch expert audited the collection process.

“Social cash transfers and graduation pathways” – Zambia's Ministry of Community Development asked SOCIEUX+ to
analyse how beneficiaries could be linked to employment schemes. The action was delivered at a distance in 2021.

3.4 Lessons learned

Across regions, partners valued the combination of peer expertise and flexible delivery modes.
"""


def test_paragraphs_with_run_in_titles_are_records() -> None:
    doc = text_document(CHAPTER, "report.txt")
    assert doc.kind == "listing"
    first, second = split_document(doc)
    assert first.title == "STRENGTHENING THE COMPLIANCE UNIT OF THE NATIONAL SOCIAL SECURITY FUND"
    assert first.description.startswith("The National Social Security Fund (NSSF)")
    assert first.description.endswith("audited the collection process.") and first.partner_institution is None
    assert second.title == "Social cash transfers and graduation pathways"
    assert second.description.endswith("at a distance in 2021.")  # the next heading is the page's
    assert "CHAPTER 3" in first.heading[2]


def test_a_news_dateline_is_no_run_in_title() -> None:
    """"SANTO DOMINGO – …" opens a news item's body: two words, one paragraph."""
    text = ("Experts help the Dominican Republic\n\nSANTO DOMINGO – Two Spanish experts met the Treasury on 6 July "
            "2022 to review the law. They also trained staff.\n\nThe Treasury thanked the European Union.\n")
    assert not is_run_in_listing(text)
