"""Tests of pipeline/pdf_text.py: text copied from a PDF (page lines, broken words, fields side by side)."""

from __future__ import annotations

from pathlib import Path

from pipeline.documents import read_document
from pipeline.pdf_text import is_pdf_copy, unbreak
from pipeline.split import split_document

ANNEX = """SOCIEUX+ Activity Report 2023 — page 6
ANNEX 2. ACTIONS IMPLEMENTED IN 2023
1. Setting up a one-stop shop for youth employ-
ment services in Dakar
Partner institution: National Agency for the Promotion of Youth Employment (ANPEJ)
Country: Senegal
Code: 2023-03      Period: 06/03/2023 – 28/07/2023
Two French experts from Pôle emploi supported ANPEJ. After an assess-
ment of the existing counters, the team facilitated a co-design workshop in Dakar.
2. Actuarial review of the mandatory social security scheme
Partner institution: National Institute of Social Security (INSS)
Country: Mozambique
Code: 2023-08      Period: May–September 2023
Portuguese experts carried out an actuarial re-
view of the contributory scheme and pre-

SOCIEUX+ Activity Report 2023 — page 7

sented reform scenarios to the Board in Maputo.
Annex 2 – Actions implemented in 2023
3. Training of labour inspectors on hazardous child labour
Partner institution: Department of Inspection for Factories and Establishments (DIFE)
Country: Bangladesh
Code: 2023-12      Period: 11/2023
Italian inspectors delivered a training of trainers for 30 DIFE inspec-
tors in Dhaka.
"""


def test_a_pdf_copy_is_read_without_its_page_furniture(tmp_path: Path) -> None:
    """Page lines and a repeated running header go, broken words are joined, fields set side by side get a line
    each, and list numbers are no part of a title."""
    path = tmp_path / "annex.txt"
    path.write_text(ANNEX, encoding="utf-8")
    recs = split_document(read_document(path))
    assert [r.title for r in recs] == ["Setting up a one-stop shop for youth employment services in Dakar",
                                       "Actuarial review of the mandatory social security scheme",
                                       "Training of labour inspectors on hazardous child labour"]
    assert [(r.values["code"], r.values["period"]) for r in recs] == [
        ("2023-03", "06/03/2023 – 28/07/2023"), ("2023-08", "May–September 2023"), ("2023-12", "11/2023")]
    assert "assessment of the existing counters" in recs[0].description
    assert recs[1].description.endswith("presented reform scenarios to the Board in Maputo.")
    assert "page 7" not in recs[1].text and "Annex 2" not in recs[1].text
    assert "inspectors in Dhaka" in recs[2].description


def test_plain_text_is_no_pdf_copy() -> None:
    text = "  • A title\n    Ministry of Labour\n    The experts co-\n    designed a plan with the ministry.\n"
    assert not is_pdf_copy(text)  # one broken word is not enough
    assert is_pdf_copy("Report — page 3\nsome text\n")
    assert unbreak("Code: 2023-03      Period: 2023\nA well-known co-\noperation.\n") == \
        "Code: 2023-03\nPeriod: 2023\nA well-known cooperation.\n"


def test_a_running_title_with_its_page_number_and_a_bare_page_number_are_page_lines(tmp_path: Path) -> None:
    """"SOCIEUX+ Annual Activity Report 2022          17" over the next page and a bare "16" under the last: the
    record's paragraph goes on across them; a section number before a title is no part of it."""
    text = ("SOCIEUX+ Annual Activity Report 2022                                        16\n\n"
            "3.4 Asia and the Pacific\n\n"
            "3.4.1 Setting up the contributory regime for civil servants (Timor-Leste)\n\n"
            "Partner institution: National Institute of Social Security (INSS)\n"
            "Action code: 2021-12        Period: November 2021 – July 2022\n\n"
            "Experts from Portugal trained INSS staff in Dili on the reconciliation of service periods.\n\n\n"
            "                                                                                      16\n\n"
            "SOCIEUX+ Annual Activity Report 2022                                        17\n\n"
            "A final seminar with the Ministry of Finance was held remotely in July 2022.\n\n"
            "3.4.2 Guest lectures on long-term care financing\n\n"
            "Partner institution: University of Labour and Social Affairs (ULSA)\n"
            "Action code: 2022-04        Period: 14-25 March 2022\n\n"
            "Three lecturers gave a series of online lectures to 60 students.\n")
    path = tmp_path / "report.txt"
    path.write_text(text, encoding="utf-8")
    first, second = split_document(read_document(path))
    assert first.title == "Setting up the contributory regime for civil servants (Timor-Leste)"
    assert first.values["period"] == "November 2021 – July 2022"
    assert first.description.endswith("was held remotely in July 2022.") and "17" not in first.description
    assert second.title == "Guest lectures on long-term care financing"


def test_a_sentence_wrapped_onto_a_lower_case_line_is_one_line() -> None:
    """A PDF copy's line breaks inside a sentence go ("an Irish" over "expert mapped"), so no break stands between the
    words of a phrase; a line that opens with a capital (a labelled value's second line, a new sentence) stays."""
    assert unbreak("Report — page 2\nDuring a mission, a Swedish and an Irish\nexpert mapped the schemes,\nand met "
                   "partners.\nPartner institution: Ministry of\nLabour\n") == \
        "During a mission, a Swedish and an Irish expert mapped the schemes, and met partners.\n" \
        "Partner institution: Ministry of\nLabour\n"


# a catalogue web page with a pagination heading: a page line, but the field labels and values every record
# repeats are no running headers, and a lower-case value under its label is no wrapped sentence
WEB_PAGE = """Catalogue of actions – page 2
  • Employment services for returning migrants in Armenia

    Start activities
    oct-2023
    End activities
    Ongoing
    Partner Institution
    Unified Social Service
    Code
    2023-21
    Description
    Two experts from Czechia analysed the case-management practices of territorial centres.
  • Social dialogue council of Tunisia

    Start activities
    sep-2024
    End activities
    Ongoing
    Partner Institution
    National Council for Social Dialogue (CNDS)
    Code
    2024-12
    Description
    A Portuguese expert reviewed the council's rules of procedure.
"""


def test_labels_and_values_every_record_repeats_are_kept(tmp_path: Path) -> None:
    assert is_pdf_copy(WEB_PAGE)
    text = unbreak(WEB_PAGE)
    assert text.count("Start activities") == 2 and text.count("Ongoing") == 2
    assert "Start activities\n    oct-2023" in text
    path = tmp_path / "page.txt"
    path.write_text(WEB_PAGE, encoding="utf-8")
    records = split_document(read_document(path))
    assert [(r.values.get("code"), r.values.get("start_activities")) for r in records] == [
        ("2023-21", "oct-2023"), ("2024-12", "sep-2024")]


EXPORT = (
    "SOCIEUX+ | Catalogue of Actions (PDF export)                         Region: all  Status: all\n\n"
    "Improving the governance of the Social Fund's pension reserves\n"
    "Partner institution: Social Fund of the Kyrgyz Republic\n"
    "Start activities: 03/04/2023\n"
    "Description:\n"
    "The Social Fund requested support to set up an investment committee and risk management\n"
    "rules for its pension reserves. Experts from the Lithuanian social insurance fund SoDra and\n"
    "from the Estonian Ministry of Finance carried out an audit of the current investment\n"
    "procedures, compared them with the prudential rules applied by pension funds in the EU and\n\n"
    "Generated on 14/05/2025 from socieuxplus.eu/catalogue                              Page 1 / 2\n"
    "\fSOCIEUX+ | Catalogue of Actions (PDF export)                         Region: all  Status: all\n\n"
    "drafted a regulation on the composition of the investment committee. They held a workshop in\n"
    "Bishkek with the Board of the Social Fund to discuss the draft.\n\n"
    "Vocational rehabilitation services for persons with disabilities\n"
    "Partner institution: Social Service Agency (SSA) under the Ministry of IDPs from the Occupied\n"
    "Territories, Labour, Health and Social Affairs\n"
    "Start activities: sep-2021\n"
    "Description:\n"
    "In Georgia, experts from Austria and Germany assessed the referral pathway between the Social\n"
    "Service Agency, medical commissions and employers, and trained case managers remotely.\n\n"
    "Generated on 14/05/2025 from socieuxplus.eu/catalogue                              Page 2 / 2\n"
)


def test_a_footer_set_apart_by_wide_spaces_and_a_paragraph_over_a_page_break(tmp_path: Path) -> None:
    # the page line holds its text and "Page 1 / 2" apart by wide spaces; the description goes on over the page
    # break (its line ends no sentence), and lines the typesetter broke before a capital are joined
    assert is_pdf_copy(EXPORT)
    text = unbreak(EXPORT)
    assert "Generated on" not in text and text.count("Catalogue of Actions (PDF export)") == 1
    path = tmp_path / "export.txt"
    path.write_text(EXPORT, encoding="utf-8")
    first, second = split_document(read_document(path))
    assert first.description.endswith("in the EU and drafted a regulation on the composition of the investment "
                                      "committee. They held a workshop in Bishkek with the Board of the Social Fund "
                                      "to discuss the draft.")
    assert second.title == "Vocational rehabilitation services for persons with disabilities"
    assert second.partner_institution == ("Social Service Agency (SSA) under the Ministry of IDPs from the Occupied "
                                          "Territories, Labour, Health and Social Affairs")
    assert "between the Social Service Agency," in second.description
    # a title's line and the label line under it stay apart
    assert first.title == "Improving the governance of the Social Fund's pension reserves"


def test_a_page_number_between_dashes_is_a_page_line_and_a_one_letter_word_wraps() -> None:
    text = ("SOCIEUX+ Annual Report 2023          Chapter 3 - Actions implemented\n\n"
            "Action 2023-19 was implemented with the Georgian State Employment Support Agency. Experts from the\n"
            "Lithuanian Employment Service and from Moldova's National Employment Agency shared their approaches to\n\n"
            "                                                - 14 -\n"
            "SOCIEUX+ Annual Report 2023          Chapter 3 - Actions implemented\n\n"
            "the reintegration of returning labour migrants, with a\nstudy visit to Vilnius.\n")
    assert is_pdf_copy(text)
    out = unbreak(text)
    assert "- 14 -" not in out and out.count("Chapter 3") == 1
    assert "shared their approaches to the reintegration of returning labour migrants, with a study visit" in out

