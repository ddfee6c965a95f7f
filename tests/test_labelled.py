"""Tests of pipeline/labelled.py (and the label reading of pipeline/labels.py): pages of other catalogues
that give each action as a block of "Label: value" lines."""

from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.documents import Document, detect_kind, read_document, text_document
from pipeline.split import split_document


def doc_of(text: str, name: str = "t.txt") -> Document:
    return text_document(text, name)


HEADED_BLOCKS = """# Catalogue of actions: social protection

Selected actions of the facility, each with its partner institution and a description.

## Extending health coverage to workers in the informal economy

**Partner institution:** Agency for Universal Health Coverage (ACMU)
**Type of assistance:** Policy development, Institutional capacity building
**Description:** French experts analysed the enrolment practices of the mutual health organisations.

## Support to the employment agency on the integration of migrants
## into the labour market

**Partner institution:** National Agency for the Promotion of Employment (ANAPEC)
**Description:** Experts from Italy and Spain delivered a three-day workshop in Tangier.

## Strengthening the inspection of social security contributions

**Start activities:** mar-2023
**End activities:** Ongoing
**Partner institution:** Social Security and National Insurance Trust (SSNIT)
**Code:** 2023-05
**Description:** Peer experts from Belgium held online working sessions with SSNIT.

---

*Published: 3 March 2025*
"""


def test_a_heading_over_labelled_fields_is_a_records_title(tmp_path: Path):
    """A Markdown page of "## Title" headings, each over a group of labelled fields (the labels in any
    order, some missing), is a listing of one record a heading; the page's own heading, its lead and a
    labelled line of the footer are no record."""
    path = tmp_path / "catalogue.md"
    path.write_text(HEADED_BLOCKS, encoding="utf-8")
    doc = read_document(path)
    assert doc.kind == "listing"
    first, second, third = split_document(doc)
    assert first.title == "Extending health coverage to workers in the informal economy"
    assert first.partner_institution == "Agency for Universal Health Coverage (ACMU)"
    assert first.assistance_types == ["Policy development", "Institutional capacity building"]
    assert first.description.startswith("French experts")
    assert second.title == "Support to the employment agency on the integration of migrants into the labour market"
    assert second.assistance_types == [] and second.description.startswith("Experts from Italy")
    assert third.title.startswith("Strengthening the inspection")
    assert third.values == {"start_activities": "mar-2023", "end_activities": "Ongoing", "code": "2023-05"}
    for rec in (first, second, third):
        for name, (s, e) in rec.fields.items():
            assert doc.text[rec.start + s : rec.start + e] == rec.text[s:e]


# -- labelled blocks: "Label: value" lines of other catalogues (models/data/record_labels.tsv) ---------------
PLAIN_LABELLED = """SOCIEUX+ actions in West Africa

The facility supports partner institutions across the region: the actions below list their partners.

Action title: Strengthening the labour inspectorate on occupational safety and health
Action number: 2022-14
Country: Ghana
Beneficiary institution: Ministry of Employment and Labour Relations (MELR)
Type of support: Individual capacity building (human resources development); Policy development
Start: 14/03/2022
End: Ongoing
Summary: The Labour Department asked for support to review its inspection procedures.
A second mission took place in Kumasi in 2023.

Action title: Social dialogue forum
Action number: 2021-30
Country: Côte d'Ivoire
Beneficiary institution: Ministère de l'Emploi et de la Protection Sociale (MEPS)
Type of support: Policy development
Start:
End: 30/11/2021
SDG: 8
Summary: French experts supported the ministry in preparing the national social dialogue forum.
"""


#: other orders, mixed case, a title label that is not first, records without a blank line between them,
#: a value under its empty label, a rule line, unknown labels, a sentence with a colon in a description
OTHER_ORDERS = """Our actions

ACTION NUMBER: 2023-02
action title: Digital registration of informal workers
Beneficiary : Social Security Fund (CNSS)
Partner country: Senegal
Types of support: Policy development
Dates: 2023 – 2024
Code: 2023-03
Title: Pension reform dialogue
Requesting institution: Ministry of Labour
Abstract: Experts from Spain advised the ministry.
The experts recommended: a new law, a registry of workers and an outreach campaign for the self-employed.
Number of experts: 3

Reference: —
Title: Training of social workers
Partner institution(s): National Agency for Social Action
Start date: n/a
End date: 2024
Description:
A Belgian expert trained staff.
-----
Action title: Actuarial valuation of the pension fund
Partner: Caisse de retraite
Summary: Short.
"""


def _records_of(text: str, name: str = "page.txt", tmp_path: Path | None = None):
    if tmp_path is None:
        doc = doc_of(text, name)
    else:
        (tmp_path / name).write_text(text, encoding="utf-8")
        doc = read_document(tmp_path / name)
    return doc, split_document(doc)


def _check_offsets(doc, rec) -> None:
    """Every field's span holds its value, in the record and in the document."""
    for name, (s, e) in rec.fields.items():
        assert doc.text[rec.start + s : rec.start + e] == rec.text[s:e]
        value = rec.text[s:e]
        if name in rec.values:
            assert value == rec.values[name]
        elif name == "partner_institution":
            assert value == rec.partner_institution
        elif name == "description":
            assert value == rec.description
        elif name == "title" and "\n" not in value:
            assert value == rec.title


@pytest.mark.parametrize(("text", "name", "expected"), [
    (PLAIN_LABELLED, "page.txt", [
        {"title": "Strengthening the labour inspectorate on occupational safety and health",
         "partner_institution": "Ministry of Employment and Labour Relations (MELR)",
         "assistance_types": ["Individual capacity building (human resources development)", "Policy development"],
         "description": "The Labour Department asked for support to review its inspection procedures.\n"
                        "A second mission took place in Kumasi in 2023.",  # the unlabelled line goes on
         "values": {"code": "2022-14", "country": "Ghana", "start_activities": "14/03/2022", "end_activities": "Ongoing"}},
        {"title": "Social dialogue forum", "partner_institution": "Ministère de l'Emploi et de la Protection Sociale (MEPS)",
         "assistance_types": ["Policy development"],
         "description": "French experts supported the ministry in preparing the national social dialogue forum.",
         # "Start:" is a missing value; "SDG: 8" is no field
         "values": {"code": "2021-30", "country": "Côte d'Ivoire", "end_activities": "30/11/2021"}},
    ]),
    (OTHER_ORDERS, "page.txt", [
        {"title": "Digital registration of informal workers", "partner_institution": "Social Security Fund (CNSS)",
         "assistance_types": ["Policy development"], "description": None,
         "values": {"code": "2023-02", "country": "Senegal", "period": "2023 – 2024"}},
        {"title": "Pension reform dialogue", "partner_institution": "Ministry of Labour", "assistance_types": [],
         "description": "Experts from Spain advised the ministry.\nThe experts recommended: a new law, a registry of "
                        "workers and an outreach campaign for the self-employed.",
         "values": {"code": "2023-03"}},
        {"title": "Training of social workers", "partner_institution": "National Agency for Social Action",
         "assistance_types": [], "description": "A Belgian expert trained staff.",  # "Reference: —", "Start date: n/a"
         "values": {"end_activities": "2024"}},
        {"title": "Actuarial valuation of the pension fund", "partner_institution": "Caisse de retraite",
         "assistance_types": [], "description": "Short.", "values": {}},
    ]),
    (HEADED_BLOCKS, "catalogue.md", [
        {"title": "Extending health coverage to workers in the informal economy",
         "partner_institution": "Agency for Universal Health Coverage (ACMU)",
         "assistance_types": ["Policy development", "Institutional capacity building"],
         "description": "French experts analysed the enrolment practices of the mutual health organisations.",
         "values": {}},
        {"title": "Support to the employment agency on the integration of migrants into the labour market",
         "partner_institution": "National Agency for the Promotion of Employment (ANAPEC)", "assistance_types": [],
         "description": "Experts from Italy and Spain delivered a three-day workshop in Tangier.", "values": {}},
        {"title": "Strengthening the inspection of social security contributions",
         "partner_institution": "Social Security and National Insurance Trust (SSNIT)", "assistance_types": [],
         "description": "Peer experts from Belgium held online working sessions with SSNIT.",
         "values": {"start_activities": "mar-2023", "end_activities": "Ongoing", "code": "2023-05"}},
    ]),
], ids=["plain-text", "other-orders", "markdown-heading-bold-labels"])
def test_labelled_blocks_are_one_record_an_action(tmp_path: Path, text: str, name: str, expected: list[dict]) -> None:
    doc, recs = _records_of(text, name, tmp_path)
    assert doc.kind == "listing"
    got = [{"title": r.title, "partner_institution": r.partner_institution, "assistance_types": r.assistance_types,
            "description": r.description, "values": r.values} for r in recs]
    assert got == expected
    assert [r.index for r in recs] == list(range(len(expected)))
    for rec in recs:
        _check_offsets(doc, rec)
        assert rec.heading is not None and rec.heading[2] == doc.text[rec.heading[0] : rec.heading[1]]
        assert rec.heading[1] <= recs[0].start  # the page's heading and intro are no record's


MARKDOWN_LABELLED = """# Catalogue of actions: Latin America

Selected actions with their partners.

### Strengthening the pension supervision of Paraguay
- **Partner:** Ministry of Labour, Employment and Social Security (MTESS)
- **Country:** Paraguay
- **Assistance:** Policy development, Institutional capacity building
- **Action ID:** 2021-12
- **Period:** 01/03/2021 – 15/10/2021
- **Description:** Experts from Spain and Uruguay reviewed the supervision framework with the ministry.

#### Employment services for young people in Peru

* **Partner**: Ministry of Labour and Employment Promotion (MTPE)

* **country**: Peru

* **Action ID**: —
* **Period**: from 09/2022 (ongoing)
* **SDG**: 8
* **Description**: A Portuguese expert trained counsellors of the public employment service.

## Digital services of the social security institute
- **Partner:** Instituto de Previsión Social (IPS)
- **Period:** —
- **Description:** Experts from Estonia advised the institute.

*Published: 3 March 2025*
"""


def test_markdown_headings_over_bold_labels(tmp_path: Path) -> None:
    """Any heading level over "- **Label:** value" bullets (tight or loose lists); "—" is a missing value."""
    doc, recs = _records_of(MARKDOWN_LABELLED, "latam.md", tmp_path)
    assert doc.kind == "listing"
    assert [r.title for r in recs] == ["Strengthening the pension supervision of Paraguay",
                                       "Employment services for young people in Peru",
                                       "Digital services of the social security institute"]
    first, second, third = recs
    assert first.partner_institution == "Ministry of Labour, Employment and Social Security (MTESS)"
    assert first.assistance_types == ["Policy development", "Institutional capacity building"]
    assert first.values == {"country": "Paraguay", "code": "2021-12", "period": "01/03/2021 – 15/10/2021"}
    assert second.values == {"country": "Peru", "period": "from 09/2022 (ongoing)"}  # "Action ID: —" is none
    assert second.description == "A Portuguese expert trained counsellors of the public employment service."
    assert third.values == {} and third.description == "Experts from Estonia advised the institute."
    assert "Published" not in third.text  # the page's footer
    for rec in recs:
        _check_offsets(doc, rec)


@pytest.mark.parametrize(("line", "field", "value"), [
    ("Code: 2021-12", "code", "2021-12"),
    ("Action ID: —", "code", None),  # a "none" mark
    ("Code: see below", "code", None),  # a value of another form
    ("Reference: SOCIEUX+ 2022-14", "code", "2022-14"),  # the code inside a longer value
    ("Action number: 2021-03 and 2021-04", "code", None),  # two codes: which is the action's?
    ("Start:", "start_activities", None),
    ("Start: 09/2022", "start_activities", "09/2022"),
    ("Fin: févr-2023", "end_activities", "févr-2023"),  # a French abbreviation of the month
    ("End: Ongoing", "end_activities", "Ongoing"),
    ("Start date: TBC", "start_activities", None),
    ("Period: 10/2023 – 06/2024", "period", "10/2023 – 06/2024"),
    ("Period: from 09/2022 (ongoing)", "period", "from 09/2022 (ongoing)"),
    ("Dates: —", "period", None),
    ("Period: to be confirmed", "period", None),
    ("Partner: N/A", "partner_institution", None),
    ("- **Beneficiary country:** Togo", "country", "Togo"),
    ("COUNTRY : Peru", "country", "Peru"),
    ("Type(s) of assistance: Policy development", "assistance_types", "Policy development"),
    ("**Assistance type(s):** Policy development", "assistance_types", "Policy development"),
    ("Support: Policy development", "assistance_types", "Policy development"),  # an HTML card's <dt>Support</dt>
])
def test_a_labelled_value_has_its_fields_form(line: str, field: str, value: str | None) -> None:
    from pipeline.labels import read_labelled
    from pipeline.lines import Line

    hit = read_labelled(Line(10, 10 + len(line), line))
    assert hit is not None and hit.field == field
    if value is None:
        assert hit.value is None
    else:
        assert hit.value.text == value and line[hit.value.start - 10 : hit.value.end - 10] == value


@pytest.mark.parametrize(("line", "other"), [
    ("SDG: 8", True),
    ("Sustainable Development Goals (SDGs): 8, 10", True),
    ("Number of experts: 3", True),
    ("Note: the action was extended.", True),
    ("The experts recommended: a new law, a registry and a campaign.", False),  # a sentence with a colon
    ("In 2022: the ministry adopted the plan.", False),
    ("From January to March: three missions took place.", False),
    ("Three pillars of the reform were discussed at length in the workshop: coverage, adequacy, financing.", False),
    ("Country: Ghana", False),  # a known label
    ("See https://socieux.eu/actions for more", False),
])
def test_an_unknown_label_is_short_and_no_sentence(line: str, other: bool) -> None:
    from pipeline.labelled import _is_other_label
    from pipeline.lines import Line

    assert _is_other_label(Line(0, len(line), line)) is other


@pytest.mark.parametrize("text", [
    # one labelled block is not a listing of them
    "Our action\n\nAction title: Digital registration of informal workers\nPartner: Social Security Fund (CNSS)\n"
    "Summary: Experts from Spain advised the fund. They met the board twice.\n",
    # metadata groups without record fields
    "Ghana trains its labour inspectors\n\nSource: SOCIEUX+\nCountry: Ghana\n\nFormat: News\nCountry: Togo\n",
], ids=["single-block", "metadata-groups"])
def test_groups_of_labels_that_are_no_listing(text: str) -> None:
    from pipeline.labelled import split_labelled

    assert split_labelled(doc_of(text)) == []
    assert detect_kind(text) != "listing"


def test_a_bullet_listing_with_colon_labels_is_still_read_by_bullets() -> None:
    """The spec's bullets keep their reader: inline labels (new synonyms too) are fields of the bullet's record,
    a title label on the bullet line is its title, and "Code: —" under a label is a missing value."""
    text = ("Actions\n  • Action title: Inspection reform in Ghana\n    Partner: Labour Department (LD)\n"
            "    Country: Ghana\n    Period: 01/2023 – 06/2023\n    Summary: Experts reviewed the manual.\n"
            "  • Pension reform in Togo\n    Caisse de retraite du Togo (CRT)\n    Code\n    —\n    Experts advised.\n")
    doc = doc_of(text)
    first, second = split_document(doc)
    assert first.title == "Inspection reform in Ghana" and first.partner_institution == "Labour Department (LD)"
    assert first.values == {"country": "Ghana", "period": "01/2023 – 06/2023"}
    assert first.description == "Experts reviewed the manual."
    assert second.partner_institution == "Caisse de retraite du Togo (CRT)" and second.values == {}
    assert second.description == "Experts advised."
    for rec in (first, second):
        _check_offsets(doc, rec)


def test_a_labelled_last_line_is_no_page_footer() -> None:
    """"End activities: 07-11-2023" reads like a page's date line but is the last record's field."""
    text = ("Actions\n  • Inspection reform in Ghana\n    Partner Institution: Labour Department (LD)\n"
            "  • Pension reform in Togo\n    Partner Institution: Caisse de retraite du Togo (CRT)\n"
            "    End activities: 07-11-2023\n")
    assert split_document(doc_of(text))[-1].values == {"end_activities": "07-11-2023"}


def test_record_labels_file_is_well_formed() -> None:
    from pipeline.paths import DATA_DIR

    rows = [r.split("\t") for r in (DATA_DIR / "record_labels.tsv").read_text(encoding="utf-8").splitlines()
            if r.strip() and not r.startswith("#")]
    assert all(len(r) == 4 for r in rows)
    assert {r[2] for r in rows} == {"any", "date", "code", "range"} and {r[3] for r in rows} == {"yes", "no"}
    keys = [" ".join(r[0].split()).casefold() for r in rows]
    assert len(keys) == len(set(keys))  # one field a label
    assert {r[1] for r in rows} == {"title", "code", "partner_institution", "assistance_types", "description",
                                    "start_activities", "end_activities", "country", "period", "experts", "delivery",
                                    "status", "outputs"}


def test_a_labelled_intro_and_footer_are_the_pages() -> None:
    """On a page whose records have title labels, a labelled intro line under the page's heading is no record,
    and the footer after the last record ("Contact: …", a copyright) is no field of it."""
    text = ("SOCIEUX+ actions in West Africa\n\nSummary: this page lists the actions of the facility in the region.\n\n"
            "Action title: Strengthening the labour inspectorate\nCountry: Ghana\n"
            "Beneficiary institution: Ministry of Employment and Labour Relations (MELR)\n\n"
            "Action title: Social dialogue forum\nCountry: Côte d'Ivoire\nSummary: French experts supported the ministry.\n"
            "Contact: info@socieux.eu\n© 2024 SOCIEUX+ – Funded by the European Union\n")
    doc = doc_of(text)
    first, second = split_document(doc)
    assert first.title == "Strengthening the labour inspectorate" and first.description is None
    assert "this page lists" in first.heading[2]
    assert second.description == "French experts supported the ministry." and "©" not in second.text


ANNEX = """Portfolio Review – Annex B: Selected actions by region

This annex summarises a sample of actions implemented, under way or in preparation.


B.1  EU NEIGHBOURHOOD
==============================================================

ACTION 2023-03  ·  GEORGIA
Reforming the pension indexation mechanism
   Partner:  Social Service Agency (SSA)
   Experts:  Estonian and Czech pension experts (2)
   Dates:    16 January – 28 April 2023
   Type:     Policy development

   The experts reviewed the pension law and presented three indexation scenarios at a round table in Tbilisi.

ACTION 2022-08  ·  TAJIKISTAN  (completed)
Vocational rehabilitation of persons with disabilities
   Experts:  University Rehabilitation Institute (URI-Soča), Slovenia; Lithuanian Employment Service
   Partner:  Ministry of Labour, Migration and Employment of Population
   Dates:    May–November 2022

   The action supported the Ministry in piloting rehabilitation services in two employment centres.


B.2  MIDDLE EAST
==============================================================

Action no. 2020-17 – Lebanon
Roadmap for the digitalisation of social insurance records
   Type:     Information management systems
   Partner:  National Social Security Fund (NSSF)

   All exchanges took place online because of the crisis following the port explosion of August 2020.
"""


def test_an_annex_of_actions_headed_by_their_code_and_country() -> None:
    """A layout no catalogue page used before: a header line "ACTION <code> · <COUNTRY>" over the title, labelled
    lines in any order (the first may be a label no layout knows, "Experts:"), then the summary as a paragraph
    of its own; section headings between records are the page's."""
    recs = split_document(doc_of(ANNEX))
    assert [r.title for r in recs] == ["Reforming the pension indexation mechanism",
                                       "Vocational rehabilitation of persons with disabilities",
                                       "Roadmap for the digitalisation of social insurance records"]
    assert [r.values.get("code") for r in recs] == ["2023-03", "2022-08", "2020-17"]
    assert [r.values.get("country") for r in recs] == ["GEORGIA", "TAJIKISTAN", "Lebanon"]
    assert [r.partner_institution for r in recs] == ["Social Service Agency (SSA)",
                                                     "Ministry of Labour, Migration and Employment of Population",
                                                     "National Social Security Fund (NSSF)"]
    # "Type:" ends at the blank line: the paragraph under it is the summary, not a second type of assistance
    assert recs[0].assistance_types == ["Policy development"] and recs[2].assistance_types == [
        "Information management systems"]
    assert recs[0].description.startswith("The experts reviewed") and recs[2].description.startswith("All exchanges")
    assert recs[1].values["experts"].startswith("University Rehabilitation Institute")
    assert "B.2" not in recs[1].text and "====" not in recs[1].text


@pytest.mark.parametrize("line, fields", [
    ("ACTION 2023-03  ·  GEORGIA", {"code": "2023-03", "country": "GEORGIA"}),
    ("Action no. 2021-14 – Tunisia", {"code": "2021-14", "country": "Tunisia"}),
    ("2022-08 | Sri Lanka (in preparation)", {"code": "2022-08", "country": "Sri Lanka"}),
    ("SOCIEUX+ action 2024-11", {"code": "2024-11"}),
    ("Action 2019-22 was completed in 2020.", {}),
    ("Reforming the pension indexation mechanism", {}),
])
def test_a_code_header_line(line: str, fields: dict[str, str]) -> None:
    from pipeline.labelled import code_header
    from pipeline.lines import Line

    got = code_header(Line(10, 10 + len(line), line))
    assert {k: v[0].text for k, v in got.items()} == fields
    assert all(line[v[0].start - 10 : v[0].end - 10] == v[0].text for v in got.values())  # offsets into the line


def test_a_factsheet_headed_by_its_code_and_country_over_a_title_label() -> None:
    """"ACTION 2023-14 | KENYA" over "Title: …" and When/How/Who lines: the header gives the code and country."""
    text = ("SOCIEUX+ ACTION FACTSHEETS\n\n"
            "ACTION 2023-14 | KENYA\nTitle: Youth employment one-stop centres\nPartner: State Department for Labour\n"
            "When: 6–17 November 2023\nHow: on-site\nWho: 2 experts (Ireland, Germany)\n"
            "Experts from Ireland and Germany trained 25 counsellors in Kisumu and Mombasa on profiling.\n\n"
            "ACTION 2022-03 | GEORGIA\nTitle: Professional standards for social workers\nPartner: Social Service Agency\n"
            "When: Feb 2022 – Jun 2022\nHow: remote\nWho: Czechia, Lithuania\n"
            "Experts from Czechia and Lithuania reviewed the draft standards in three virtual sessions.\n")
    first, second = split_document(text_document(text, "factsheets.txt"))
    assert (first.title, first.values) == ("Youth employment one-stop centres", {
        "code": "2023-14", "country": "KENYA", "period": "6–17 November 2023", "delivery": "on-site",
        "experts": "2 experts (Ireland, Germany)"})
    assert (second.values["code"], second.values["country"]) == ("2022-03", "GEORGIA")



def test_labels_after_a_spaced_dash_and_a_title_with_a_colon_of_its_own() -> None:
    """A slide deck's "Partner – Ministry …" lines are labelled fields (a spaced en or em dash after a known label;
    not a hyphen, not an unknown label), and a title with a colon of its own right over them is the title."""
    text = ("Slide 4\nSocial health insurance\n\n"
            "Digital enrolment of informal workers in health insurance\nCountry – Kenya\n"
            "Partner – National Health Insurance Fund (NHIF)\nType – Information management systems\n"
            "When – March–May 2023\nHow – online + 1 mission to Nairobi\nExperts – Estonia, Cabo Verde\n"
            "Summary – Review of the mobile enrolment process; 25 county officers trained.\n\n"
            "Bangladesh: employment injury scheme pilot for garment workers\n"
            "Partner — Department of Inspection for Factories and Establishments (DIFE)\nType — Policy development\n"
            "When — 2023\nHow — online\nExperts — Austria (AUVA), Denmark\n"
            "Summary — Webinars on accident reporting and benefit calculation.\n")
    first, second = split_document(text_document(text, "slides.txt"))
    assert (first.title, first.partner_institution, first.assistance_types) == (
        "Digital enrolment of informal workers in health insurance", "National Health Insurance Fund (NHIF)",
        ["Information management systems"])
    assert first.values == {"country": "Kenya", "period": "March–May 2023", "delivery": "online + 1 mission to Nairobi",
                            "experts": "Estonia, Cabo Verde"}
    assert first.description == "Review of the mobile enrolment process; 25 county officers trained."
    assert (second.title, second.partner_institution) == (
        "Bangladesh: employment injury scheme pilot for garment workers",
        "Department of Inspection for Factories and Establishments (DIFE)")


@pytest.mark.parametrize(("line", "field"), [
    ("Partner – Ministry of Labour", "partner_institution"),
    ("Code — 2023-15", "code"),
    ("Partner - Ministry of Labour", None),  # a hyphen: a title's or a sentence's
    ("Kenya – digital enrolment of informal workers", None),  # no label before the dash
])
def test_a_spaced_dash_after_a_label(line: str, field: str | None) -> None:
    from pipeline.labels import read_labelled
    from pipeline.lines import Line

    hit = read_labelled(Line(0, len(line), line))
    assert (hit.field if hit else None) == field
