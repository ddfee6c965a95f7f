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


NEWSLETTER = """SOCIEUX+ NEWSLETTER
Issue 21 – October 2023

NEW ACTIONS THIS QUARTER

"STRENGTHENING LABOUR INSPECTION IN THE HOSPITALITY SECTOR" – The Ministry of Labour of Bhutan requested support;
two experts from Estonia and Latvia will deliver a training, online.

DIGITAL CASE MANAGEMENT FOR SOCIAL WORKERS IN MALAWI
The Ministry of Gender has asked SOCIEUX+ to help its district officers move to a digital case management system.

SKILLS ANTICIPATION FOR THE YOUTH EMPLOYMENT SERVICE. In Paraguay, the Ministry of Labour will work with Uruguayan
and Spanish experts on a method to forecast skills needs.

'E-LEARNING FOR PUBLIC EMPLOYMENT SERVICE COUNSELLORS': Azerbaijan's State Employment Agency will build an online
course with Georgian and Lithuanian experts.
"""


def test_run_in_titles_after_a_colon_a_full_stop_or_on_a_line_of_their_own() -> None:
    records = split_document(text_document(NEWSLETTER, "newsletter.txt"))
    assert [(r.title, r.description.split()[0]) for r in records] == [
        ("STRENGTHENING LABOUR INSPECTION IN THE HOSPITALITY SECTOR", "The"),
        ("DIGITAL CASE MANAGEMENT FOR SOCIAL WORKERS IN MALAWI", "The"),
        ("SKILLS ANTICIPATION FOR THE YOUTH EMPLOYMENT SERVICE", "In"),
        ("E-LEARNING FOR PUBLIC EMPLOYMENT SERVICE COUNSELLORS", "Azerbaijan's")]


def test_subheadings_in_capitals_alone_make_no_run_in_listing() -> None:
    """A news item's subheadings in capitals over its paragraphs are no records: lines of their own count only on a
    page whose titles also run into their paragraphs."""
    story = ("Nepal: bringing social security to those who work abroad\n\n"
             "KATHMANDU – More than two million Nepalis work abroad.\n\n"
             "A SCHEME FOR MIGRANT WORKERS\nIn 2022, the Government extended the Social Security Fund to migrant "
             "workers.\n\nHOW THE COOPERATION WORKED\nAction 2023-38 was implemented between January and June 2024.\n")
    assert not is_run_in_listing(story)
