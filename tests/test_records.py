"""Tests of the listings reader (pipeline/records.py) and the reader choice (pipeline/split.py): every layout of
EXTRACTION_SPEC.md "Inputs", the real corpus, stable ids. News items: test_news.py; labelled pages: test_labelled.py."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from pipeline.assistance import split_types
from pipeline.documents import Document, detect_kind, read_document, text_document
from pipeline.paths import CORPUS_DIR, GOLD_PATH
from pipeline.records import action_id
from pipeline.split import split_document

LAYOUTS = Path(__file__).parent / "data" / "layouts"


def doc_of(text: str, name: str = "t.txt") -> Document:
    return text_document(text, name)


def by_title(records):
    return {r.title: r for r in records}


def test_corpus_text_fields_match_gold():
    gold = [json.loads(line) for line in GOLD_PATH.read_text(encoding="utf-8").splitlines() if line.strip()]
    records = [r for p in sorted(CORPUS_DIR.glob("*.txt")) for r in split_document(read_document(p))]
    assert len(records) == len(gold)
    got = {(r.doc, r.index): r for r in records}
    for g in gold:
        r = got[(g["doc"], g["index"])]
        for name in ("title", "partner_institution", "assistance_types", "description"):
            assert getattr(r, name) == g[name], (g["index"], name)


def test_labelled_layout():
    recs = split_document(read_document(LAYOUTS / "labelled.txt"))
    assert [r.index for r in recs] == [0, 1, 2]  # the page heading before the first bullet is no record
    first, second, third = recs
    assert first.title.startswith("Support to the national employment agency")  # bullet without leading spaces
    assert first.values == {"start_activities": "14/03/2022", "end_activities": "07-11-2023", "code": "2022-05"}
    assert first.partner_institution == "National Employment Agency [Agence Nationale pour l'Emploi] (ANPE)"
    assert first.assistance_types == ["Institutional capacity building", "Policy development"]
    assert first.description.startswith("French and Belgian experts")
    # labels are never values; a label directly followed by another label has no value
    assert second.values == {"start_activities": "mar-2019", "end_activities": "Ongoing"}
    assert second.assistance_types == []
    assert second.partner_institution == "Ministry of Social Action"
    assert third.partner_institution is None and third.description is None
    assert third.values == {"code": "2021-14"}
    assert third.assistance_types == ["Legislative & regulatory framework development"]


def test_field_offsets_point_at_values():
    doc = read_document(LAYOUTS / "labelled.txt")
    for rec in split_document(doc):
        for name, (s, e) in rec.fields.items():
            value = rec.text[s:e]
            assert value.strip() == value and value
            assert doc.text[rec.start + s : rec.start + e] == value
        s, e = rec.fields["title"]
        assert rec.text[s:e] == rec.title


def test_dash_layout_with_and_without_separator():
    doc = read_document(LAYOUTS / "dash.txt")
    assert doc.kind == "listing"
    recs = split_document(doc)
    assert [r.title for r in recs] == [
        "Strengthening the public employment service of Cabo Verde",
        "Green jobs for youth in Uruguay",  # no "-" line before this title
        "Occupational safety training for inspectors",
    ]
    assert recs[0].assistance_types == ["Organisational capacity building", "Policy development"]
    assert recs[0].partner_institution.endswith("(IEFP)")
    assert recs[0].values == {"start_activities": "01/02/2021"}
    assert recs[1].values == {"code": "2020-11"} and recs[1].description is None
    assert recs[2].assistance_types == ["Individual capacity building (human resources development)"]


def test_records_missing_fields():
    recs = by_title(split_document(read_document(LAYOUTS / "plain_missing.txt")))
    empty = recs["Title only action without anything under it"]
    assert empty.partner_institution is None and empty.description is None and empty.assistance_types == []
    assert any("nothing under it" in p for p in empty.problems)
    assert recs["Action with only an institution"].partner_institution == "Ministry of Labour and Social Welfare"
    only_types = recs["Action with only types"]
    assert only_types.partner_institution is None
    assert only_types.assistance_types == ["Institutional capacity building", "Organisational management (structures & functions)"]
    only_desc = recs["Action with only a description"]
    assert only_desc.partner_institution is None and only_desc.description.startswith("Experts from Lithuania")
    no_types = recs["Action with institution and description but no types"]
    assert no_types.partner_institution.startswith("Ministry of Public Function")
    assert no_types.assistance_types == [] and no_types.description.startswith("The Ministry of Togo")


@pytest.mark.parametrize(
    "line, labels",
    [
        ("Policy development, Individual capacity building (human resources development)",
         ["Policy development", "Individual capacity building (human resources development)"]),
        ("Institutional capacity building Organisational management (structures & functions)",
         ["Institutional capacity building", "Organisational management (structures & functions)"]),
        ("Financial management (incl. budgeting), Organisation/business strategy & planning",
         ["Financial management (incl. budgeting)", "Organisation/business strategy & planning"]),
        ("Institutional (Regulatory & Policy)", ["Institutional (Regulatory & Policy)"]),
        ("A.02 Institutional capacity building", ["A.02 Institutional capacity building"]),
        ("Peer learning (exchange, visits), Mentoring", ["Peer learning (exchange, visits)", "Mentoring"]),
        ("Advisory services (policy) Coaching", ["Advisory services (policy)", "Coaching"]),
        ("Institutional capacity building | Individual capacity building (human resources development)",
         ["Institutional capacity building", "Individual capacity building (human resources development)"]),
    ],
)
def test_split_types(line, labels):
    assert split_types(line) == labels


def test_unknown_document_has_no_records():
    doc = doc_of("Lorem ipsum dolor sit amet\nconsectetur adipiscing elit\n")
    assert doc.kind == "unknown" and split_document(doc) == []


def test_action_id_stable():
    text = (LAYOUTS / "plain_missing.txt").read_text(encoding="utf-8")
    before = {r.title: r.action_id for r in split_document(doc_of(text))}
    blocks = text.split("  • ")[1:]
    reordered = "  • " + "  • ".join(reversed(blocks))
    respaced = reordered.replace("    ", "\t  ").replace("Labour and Social Welfare", "Labour  and Social\u00a0Welfare")
    edited = respaced.replace("reviewed its labour code", "reviewed its whole labour code")
    after = {r.title: r.action_id for r in split_document(doc_of(edited))}
    assert before == after
    assert len(set(before.values())) == len(before)
    assert action_id("A title ", "Inst") == action_id("a  TITLE", "inst")


def test_page_heading_and_footer_are_not_record_text():
    recs = split_document(read_document(LAYOUTS / "page_with_footer.txt"))
    assert [r.title for r in recs] == ["First action on social protection in Togo", "Second action on employment in Benin"]
    assert recs[-1].description == "Belgian experts supported the agency."  # "Contact us", "©…" left out


@pytest.mark.parametrize(("marker", "gap"), [("- ", ""), ("* ", ""), ("– ", ""), ("1. ", ""), ("2) ", ""),
                                           ("1. ", "\n"), ("- ", "\n")])
def test_other_list_markers_with_indented_fields(marker, gap):
    """A page whose records start with another list marker, the fields indented under the title
    (also after a blank line)."""
    second = "2. " if marker == "1. " else "3) " if marker == "2) " else marker
    text = (
        "Actions in Central Africa\n\n"
        f"{marker}Support to the extension of health insurance\n{gap}"
        "  Ministère du Travail et de la Sécurité Sociale du Cameroun (MINTSS)\n"
        "  Policy development\n"
        "  Experts from Belgium carried out a feasibility assessment.\n"
        f"{second}Pension reform dialogue\n{gap}"
        "  Caisse Nationale de Sécurité Sociale (CNSS)\n"
        "  A Spanish expert presented the Toledo Pact.\n"
    )
    doc = doc_of(text, "page.txt")
    assert doc.kind == "listing"
    recs = split_document(doc)
    assert [r.title for r in recs] == ["Support to the extension of health insurance", "Pension reform dialogue"]
    assert recs[0].partner_institution.startswith("Ministère du Travail")
    assert recs[0].assistance_types == ["Policy development"]
    assert recs[1].description == "A Spanish expert presented the Toledo Pact."


def test_a_title_wrapped_over_two_lines_and_a_page_footer():
    """A bullet title that goes on, in lower case, on the next line (no blank line between) is one title;
    the page's footer after the last record is no part of its description."""
    text = ("  • Strengthening the labour department for the registration of private employment agencies and\n"
            "    the protection of migrant workers\n\n"
            "    Labour Department, Ministry of Employment and Labour Relations (MELR)\n"
            "    Institutional capacity building\n"
            "    Experts from Spain and Italy reviewed the licensing regulations.\n\n"
            "  • Pension reform in Togo\n\n    Caisse Nationale de Sécurité Sociale\n    Institutional capacity building\n"
            "    A Spanish expert supported the fund.\n"
            "Follow us\nFunded by the European Union\n© 2024 SOCIEUX+\n")
    first, second = split_document(doc_of(text, "listing.txt"))
    assert first.title.endswith("private employment agencies and the protection of migrant workers")
    assert first.partner_institution == "Labour Department, Ministry of Employment and Labour Relations (MELR)"
    assert second.description == "A Spanish expert supported the fund."


@pytest.mark.parametrize(
    ("labels", "ongoing"),
    [
        (("Début des activités", "Fin des activités", "Institution partenaire", "Type d'assistance", "Description"),
         "En cours"),
        (("Inicio de actividades", "Fin de actividades", "Institución socia", "Tipo de asistencia", "Descripción"),
         "En curso"),
        (("Início das atividades", "Fim das atividades", "Instituição parceira", "Tipo de assistência", "Descrição"),
         "Em curso"),
    ],
)
def test_labels_in_the_sites_other_languages(labels, ongoing):
    start, end, institution, types, description = labels
    text = ("Actions\n  • Inspection reform in Ghana\n"
            f"    {start}\n    01/03/2023\n    {end}\n    {ongoing}\n"
            f"    {institution}\n    Labour Department (LD)\n    {types}\n    Institutional capacity building\n"
            f"    {description}\n    Experts reviewed the inspection manual with the Department.\n"
            "  • Pension reform in Togo\n"
            f"    {institution}\n    Caisse de retraite du Togo (CRT)\n    {description}\n    Experts advised.\n")
    first, second = split_document(doc_of(text))
    assert first.partner_institution == "Labour Department (LD)"
    assert first.assistance_types == ["Institutional capacity building"]
    assert first.description == "Experts reviewed the inspection manual with the Department."
    assert first.values["start_activities"] == "01/03/2023"
    assert first.values["end_activities"] == ongoing  # read as the field's value: no description text
    assert second.partner_institution == "Caisse de retraite du Togo (CRT)"


def test_labels_that_stand_alone_only_among_labels_standing_alone():
    # "Timeframe", "Modality", "Summary" over their values, under labels that always stand alone; "Summary"
    # alone on a line of a record without such labels is text
    text = ("Actions\n▪ Actuarial review of the pension scheme\n     Beneficiary institution\n"
            "     Instituto de Previsión Social (IPS)\n     Type of support\n     Policy development\n"
            "     Timeframe\n     Q3 2023\n     Modality\n     Virtual\n     Summary\n"
            "     Actuaries from Uruguay reviewed the valuation.\n"
            "▪ Labour inspection in the garment sector\n     Ministry of Labour (MoLVT)\n     Summary\n"
            "     Inspectors were trained in Phnom Penh.\n")
    first, second = split_document(doc_of(text))
    assert first.partner_institution == "Instituto de Previsión Social (IPS)"
    assert first.description == "Actuaries from Uruguay reviewed the valuation."
    assert (first.values["period"], first.values["delivery"]) == ("Q3 2023", "Virtual")
    assert second.description == "Summary\nInspectors were trained in Phnom Penh."


def test_a_dash_list_with_french_labels_is_a_listing():
    text = ("-\nInspection reform in Ghana\n- Institution partenaire\n- Labour Department (LD)\n"
            "- Description\n- Experts reviewed the manual.\n")
    assert detect_kind(text) == "listing"
    rec, = split_document(doc_of(text))
    assert rec.partner_institution == "Labour Department (LD)"


BLOCKS = """SOCIEUX+ actions in Asia

Recognition of prior learning for returning migrant workers
Bureau of Manpower, Employment and Training (BMET)
Individual capacity building (human resources development)
A Filipino expert and an Irish expert trained BMET assessors in Dhaka in 2022.

Feasibility of unemployment insurance
Ministry of Labour and Social Protection of Mongolia
Policy development
Experts from Korea and from Lithuania contributed online in the autumn of 2020.
"""


def test_a_listing_whose_bullets_were_lost_splits_on_blank_lines():
    """A page copied from a browser keeps the records as blank-line separated blocks."""
    assert detect_kind(BLOCKS) == "listing"
    first, second = split_document(doc_of(BLOCKS))
    assert (first.title, first.partner_institution) == (
        "Recognition of prior learning for returning migrant workers", "Bureau of Manpower, Employment and Training (BMET)")
    assert first.assistance_types == ["Individual capacity building (human resources development)"]
    assert first.description.startswith("A Filipino expert")
    assert second.assistance_types == ["Policy development"] and second.index == 1


DETACHED_BLOCKS = """Actions in Senegal
Home > Actions by country > Senegal
Modernising pension management at the National Pension Fund

National Pension Fund [Fonds National de Retraites] (FNR)
Financial management (incl. budgeting) Information management systems
A French expert audited the Fund's pension calculation processes in Dakar in October 2019.
Social protection for artisanal fishers

Ministry of Fisheries and Maritime Economy
Policy development
Training of labour inspectors on child labour

Individual capacity building (human resources development)
Experts from Belgium trained 30 inspectors in Thiès.
This website uses cookies to offer you a better browsing experience. Accept all cookies | Only essential cookies
"""


def test_a_browser_copy_keeps_each_title_above_a_blank_line():
    """Bullets lost, each title is the last line of the group above its fields; the last record ends before
    the page's cookie banner."""
    assert detect_kind(DETACHED_BLOCKS) == "listing"
    recs = split_document(doc_of(DETACHED_BLOCKS))
    assert [r.title for r in recs] == ["Modernising pension management at the National Pension Fund",
                                       "Social protection for artisanal fishers",
                                       "Training of labour inspectors on child labour"]
    assert [r.partner_institution for r in recs] == [
        "National Pension Fund [Fonds National de Retraites] (FNR)", "Ministry of Fisheries and Maritime Economy", None]
    assert recs[0].assistance_types == ["Financial management (incl. budgeting)", "Information management systems"]
    assert recs[1].description is None  # the next title is no description
    assert recs[2].description == "Experts from Belgium trained 30 inspectors in Thiès."
    for r in recs:
        for name, (a, b) in r.fields.items():
            assert r.text[a:b] == getattr(r, name, None) or name not in ("title", "partner_institution", "description")


def test_a_heading_with_a_colon_of_its_own_titles_the_labels_under_it(tmp_path: Path):
    """A Markdown heading such as "## Kazakhstan: long-term care …" is a title, not an unknown field."""
    path = tmp_path / "actions.md"
    path.write_text("# Actions\n\n## Kazakhstan: long-term care insurance feasibility study\n\n"
                    "- **Type of assistance:** Policy development\n- **Description:** German experts analysed the "
                    "practices in Astana.\n\n## Support to the employment agency\n\n- **Partner institution:** "
                    "National Employment Agency\n- **Description:** Experts from Italy delivered a workshop.\n",
                    encoding="utf-8")
    recs = split_document(read_document(path))
    assert [r.title for r in recs] == ["Kazakhstan: long-term care insurance feasibility study",
                                       "Support to the employment agency"]
    assert recs[0].assistance_types == ["Policy development"]


TYPES_ON_LINES_OF_THEIR_OWN = [
    # Types one a line under their label; a link line closes the record.
    pytest.param(
        "  • Support to the labour inspectorate\n    Partner Institution\n    National Superintendency of Labour "
        "Inspection\n    Type of Assistance\n    Institutional capacity building\n    Information management "
        "systems\n    Inspectors from Portugal reviewed the planning tools.\n    Read more about this action\n"
        "  • Developing an implementation plan\n    Partner Institution\n    Ministry of Labour\n"
        "    Type of Assistance\n    Policy development\n    Experts assessed the capacities.\n"
        "    Read more about this action\n",
        ["Institutional capacity building", "Information management systems"],
        "Inspectors from Portugal reviewed the planning tools.",
        ["Policy development"], "Experts assessed the capacities.",
        id="one-a-line-under-their-label"),
    # An HTML cell's <br> between two labels: "Type of Assistance: Policy development" / "Information management
    # systems" (a known label alone on its line) is one field, not the start of the description.
    pytest.param(
        "  • Peer review of the monitoring framework\n    Partner Institution: Department of Social Welfare\n"
        "    Type of Assistance: Policy development\n    Information management systems\n    Code:\n"
        "    Description: Experts from Finland reviewed the framework.\n"
        "  • Support to the labour inspectorate\n    Partner Institution: Ministry of Labour\n"
        "    Type of Assistance: Policy development\n    Description: Experts assessed the capacities.\n",
        ["Policy development", "Information management systems"],
        "Experts from Finland reviewed the framework.",
        ["Policy development"], "Experts assessed the capacities.",
        id="continued-after-their-labelled-value"),
    # Two assistance labels on two lines (an HTML <br> between them), no field labels: both are types, the
    # second is not the description's first line.
    pytest.param(
        "  • Support to the Pension Fund on digital services\n\n    Pension Fund (PFU)\n"
        "    Information management systems\n    Organisation/business strategy & planning\n"
        "    Lithuanian experts worked with the PFU team remotely from April to September 2023.\n"
        "  • Labour inspection reform\n\n    Ministry of Labour\n    Policy development\n"
        "    Experts from Spain helped.\n",
        ["Information management systems", "Organisation/business strategy & planning"],
        "Lithuanian experts worked with the PFU team remotely from April to September 2023.",
        ["Policy development"], "Experts from Spain helped.",
        id="unlabelled-on-lines-of-their-own"),
]


@pytest.mark.parametrize("text, first_types, first_description, second_types, second_description",
                         TYPES_ON_LINES_OF_THEIR_OWN)
def test_types_on_lines_of_their_own_belong_to_the_types_field(text, first_types, first_description, second_types,
                                                                 second_description):
    first, second = split_document(doc_of(text))
    assert first.assistance_types == first_types
    assert first.description == first_description
    assert second.assistance_types == second_types
    assert second.description == second_description


def test_a_status_line_among_the_labelled_lines_is_no_description() -> None:
    """"Status: Completed" (a field no layout knows) right after a labelled line is the card's metadata; a sentence
    with a colon stays description."""
    text = ("  • Risk-based planning of labour inspections\n    Partner country: Ghana\n    Status: Completed\n"
            "    Institution: Labour Department\n"
            "    The experts: two inspectors from Portugal trained regional inspectors.\n"
            "  • Data quality of the social registry\n    Institution: DSWD\n    Partner country: Philippines\n"
            "    Sector: Social protection\n"
            "    A Finnish data architect accompanied the DSWD remotely.\n")
    first, second = split_document(text_document(text, "cards.txt"))
    assert first.description == "The experts: two inspectors from Portugal trained regional inspectors."
    assert second.description == "A Finnish data architect accompanied the DSWD remotely."


def test_status_and_outputs_after_the_description_are_no_description() -> None:
    """"Status: completed" and "Outputs:" over its listed items ("– …") close the description: a record's state
    and products are labelled fields of their own (`status`, `outputs`), kept in the record's values."""
    text = ("  • Inspection of small-scale mining sites\n    SUNAFIL\n    Institutional capacity building\n"
            "    Experts from Spain trained inspectors in Arequipa in 2021.\n    Outputs:\n"
            "      – revised inspection checklist\n      – 22 trainers certified\n    Status: completed\n"
            "  • Voluntary savings for informal workers\n    Fiji National Provident Fund\n"
            "    Institutional capacity building\n    Status: ongoing\n"
            "    Experts from France assessed existing schemes.\n")
    first, second = split_document(text_document(text, "outputs.txt"))
    assert first.description == "Experts from Spain trained inspectors in Arequipa in 2021."
    assert first.values["outputs"] == "– revised inspection checklist\n– 22 trainers certified"
    assert first.values["status"] == "completed"
    assert second.description == "Experts from France assessed existing schemes."
    assert second.values["status"] == "ongoing"


def test_a_dash_list_title_wrapped_over_two_lines():
    """A title wrapped over two lines under a lone "-" is one title, whatever the case of its second line; without
    the lone "-", a second line in lower case goes on with the first (not with the description above)."""
    text = ("-\nStrengthening the capacity of the National Employment Agency to deliver active\n"
            "labour market measures for returning migrants\n- Partner Institution\n- National Employment Agency\n"
            "- Description\n- Experts from Romania and Latvia assessed the measures.\n"
            "Supporting the Guatemalan Social Security Institute in the design of a\n"
            "maternity protection scheme\n- Partner Institution\n- Guatemalan Social Security Institute (IGSS)\n"
            "- Description\n- Spanish experts helped the IGSS cost three options.\n"
            "-\nDeveloping a single registry for the\nProductive Safety Net Programme in Ethiopia\n"
            "- Partner Institution\n- Ministry of Labour and Skills\n- Description\n- Experts mapped the registries.\n")
    records = split_document(doc_of(text))
    assert [r.title for r in records] == [
        "Strengthening the capacity of the National Employment Agency to deliver active labour market measures for "
        "returning migrants",
        "Supporting the Guatemalan Social Security Institute in the design of a maternity protection scheme",
        "Developing a single registry for the Productive Safety Net Programme in Ethiopia"]
    assert records[0].description == "Experts from Romania and Latvia assessed the measures."
    assert [r.partner_institution for r in records] == [
        "National Employment Agency", "Guatemalan Social Security Institute (IGSS)", "Ministry of Labour and Skills"]


def test_spanish_labels_standing_alone_with_a_period_in_spanish():
    """The site's Spanish page pasted into an English listing: "Fechas" stands alone among the other labels and its
    value is the record's period, a month range in Spanish."""
    text = ("• Strengthening labour intermediation in the Employment Centres\n\n"
            "    Institución socia\n    Ministerio de Trabajo y Promoción del Empleo (MTPE)\n"
            "    Tipo de asistencia\n    Institutional capacity building\n    País\n    Perú\n"
            "    Fechas\n    de marzo a junio de 2023\n    Modalidad\n    en línea\n"
            "    Descripción\n    An expert from the Spanish SEPE delivered four training sessions.\n")
    rec, = split_document(doc_of(text))
    assert rec.partner_institution == "Ministerio de Trabajo y Promoción del Empleo (MTPE)"
    assert rec.values["period"] == "de marzo a junio de 2023"
    assert rec.description == "An expert from the Spanish SEPE delivered four training sessions."
