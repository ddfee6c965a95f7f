"""pipeline.extract on the real corpus: evidence points into the source, records validate,
and the spec's own examples hold on the records they come from.

The pipeline is the serialised one the flow uses (session `nlp` fixture). The
partner inference from the same institution elsewhere runs later, in the store
(run.infer_partners), so it is not part of what is checked here.
"""

from __future__ import annotations


import pytest
from spacy.language import Language

from pipeline import extract as extract_module
from pipeline.documents import Document, read_document
from pipeline.extract import extract, extract_text
from pipeline.facts import Fact
from pipeline.paths import CORPUS_DIR
from pipeline.records import RawRecord
from pipeline.split import split_document
from pipeline.schema import ActionRecord, Reject

LISTING = "000_3a8d02358315f3d7.txt"
NEWS = "004_a00941e2d125b2e4.txt"


@pytest.fixture(scope="module")
def documents() -> dict[str, Document]:
    return {p.name: read_document(p) for p in sorted(CORPUS_DIR.glob("*.txt"))}


@pytest.fixture(scope="module")
def raw(documents: dict[str, Document]) -> dict[tuple[str, int], RawRecord]:
    return {(r.doc, r.index): r for d in documents.values() for r in split_document(d)}


@pytest.fixture(scope="module")
def results(nlp: Language, raw: dict[tuple[str, int], RawRecord]) -> list[ActionRecord | Reject]:
    return list(extract(nlp, list(raw.values())))


@pytest.fixture(scope="module")
def records(results: list[ActionRecord | Reject]) -> dict[tuple[str, int], ActionRecord]:
    return {(r.doc, r.index): r for r in results if isinstance(r, ActionRecord)}


def test_every_corpus_record_extracted_without_reject(results: list, raw: dict) -> None:
    rejects = [r for r in results if isinstance(r, Reject)]
    assert rejects == []
    assert [(r.doc, r.index) for r in results] == list(raw)  # one result per raw record, in order
    assert len(results) == 88


def test_every_record_revalidates(records: dict[tuple[str, int], ActionRecord]) -> None:
    for rec in records.values():
        again = ActionRecord.model_validate(rec.model_dump())
        assert again == rec


def test_evidence_text_is_the_source_text_at_its_offsets(
    records: dict[tuple[str, int], ActionRecord], documents: dict[str, Document]
) -> None:
    checked = 0
    for rec in records.values():
        text = documents[rec.doc].text
        assert rec.text == text[rec.offset : rec.offset + len(rec.text)]
        for ev in rec.evidence:
            assert text[ev.start : ev.end] == ev.text, (rec.doc, rec.index, ev)
            # evidence lies inside its own record's block
            assert rec.offset <= ev.start <= ev.end <= rec.offset + len(rec.text), (rec.doc, rec.index, ev)
            checked += 1
    assert checked > 300


def test_every_value_has_evidence(records: dict[tuple[str, int], ActionRecord]) -> None:
    """No value without the words it came from (partner inference from other records aside)."""
    for rec in records.values():
        ev = {(e.field, e.value) for e in rec.evidence}
        key = (rec.doc, rec.index)
        if rec.partner_country:
            assert ("partner_country", rec.partner_country) in ev, key
        assert {("expert_country", c) for c in rec.expert_countries} <= ev, key
        assert {("format", f) for f in rec.formats} <= ev, key
        assert {("action_ref", r) for r in rec.action_refs} <= ev, key
        assert {("date", f"{d.start}/{d.end or ''}") for d in rec.dates} <= ev, key
        if rec.delivery:
            assert ("delivery", rec.delivery) in ev, key
        if rec.action_code:
            assert ("action_code", rec.action_code) in ev, key
        if rec.period_start:
            assert ("period_start", rec.period_start) in ev, key


def dates_of(rec: ActionRecord) -> list[tuple[str, str, str | None]]:
    return [(d.text, d.start, d.end) for d in rec.dates]


# spec examples, on the corpus records they come from
CASES = [
    pytest.param(
        (LISTING, 0),
        {"partner_country": "CR", "expert_countries": ["DE", "FR"], "delivery": None, "formats": ["conference"],
         "action_code": None, "action_refs": [], "period_start": "2024-05-23", "period_end": "2024-05-24"},
        [("23-24 May 2024", "2024-05-23", "2024-05-24")],
        id="costa-rica-23-24-may-2024",
    ),
    pytest.param(
        (LISTING, 13),
        {"action_code": "2023-11", "action_refs": [], "period_start": "2023-05", "period_end": "2023-11"},
        [("from May to November 2023", "2023-05", "2023-11")],
        id="action-2023-11-implemented-from-may-to-november",
    ),
    pytest.param(
        (LISTING, 11),
        {"partner_country": "PA", "expert_countries": ["ES"], "action_code": None, "action_refs": ["2022-21"]},
        [],
        id="previous-support-action-2022-21",
    ),
    pytest.param(
        (NEWS, 0),
        {"partner_institution": None, "assistance_types": [], "partner_country": "EC",
         "expert_countries": ["ES", "FR"], "delivery": "remote", "formats": ["training", "workshop"],
         "period_start": "2021-05", "period_end": None},
        [("21/12/2021", "2021-12-21", "2021-12-21"), ("since May 2021", "2021-05", None),
         ("early 2022", "2022", "2022")],
        id="ecuador-news-item",
    ),
]


@pytest.mark.parametrize(("key", "fields", "dates"), CASES)
def test_spec_examples(records: dict, key: tuple[str, int], fields: dict, dates: list) -> None:
    rec = records[key]
    assert {name: getattr(rec, name) for name in fields} == fields
    assert dates_of(rec) == dates


def test_costa_rica_evidence(records: dict) -> None:
    rec = records[(LISTING, 0)]
    experts = {e.value: e.text for e in rec.evidence if e.field == "expert_country"}
    assert experts == {"DE": "Germany", "FR": "France"}  # "experts from France and Germany"
    period = [e for e in rec.evidence if e.field == "period_start"]
    assert [e.text for e in period] == ["23-24 May 2024"]


def test_news_item_fields(records: dict, documents: dict[str, Document]) -> None:
    rec = records[(NEWS, 0)]
    assert rec.kind == "news"
    assert rec.title.startswith("State talent in the state employment administrations of Spain")
    assert rec.description.endswith("and the drawing up of a training plan.")
    assert "21/12/2021" not in rec.description  # the date line belongs to no field
    # the delivery cue is an explicit remote cue of the spec
    assert {e.text for e in rec.evidence if e.field == "delivery_cue"} >= {"online", "e-learning platform"}
    # "COVID-19" and the SDG numbers are not dates
    assert not any("COVID" in d.text or d.text in {"5", "8", "10"} for d in rec.dates)
    assert documents[NEWS].text[rec.offset :].startswith("21/12/2021")


def test_records_keep_doc_index_and_provenance(records: dict, raw: dict) -> None:
    for key, rec in records.items():
        r = raw[key]
        assert (rec.title, rec.partner_institution, rec.description) == (r.title, r.partner_institution, r.description)
        assert rec.assistance_types == r.assistance_types
        assert (rec.action_id, rec.record_hash, rec.kind, rec.offset) == (r.action_id, r.record_hash, r.kind, r.start)


# -- rejects -------------------------------------------------------------------
def test_empty_title_becomes_reject_with_index_and_reason(nlp: Language, raw: dict) -> None:
    src = raw[(LISTING, 5)]
    bad = RawRecord(doc=src.doc, index=src.index, kind=src.kind, start=src.start, end=src.end, text=src.text,
                    title="", partner_institution=src.partner_institution, description=src.description,
                    fields={k: v for k, v in src.fields.items() if k != "title"})
    [out] = list(extract(nlp, [bad]))
    assert isinstance(out, Reject)
    assert (out.doc, out.index, out.action_id, out.text) == (LISTING, 5, bad.action_id, src.text)
    assert out.reason.startswith("title: ")
    assert "at least 1 character" in out.reason


def test_invalid_fact_becomes_reject_naming_field_and_value(
    nlp: Language, raw: dict, monkeypatch: pytest.MonkeyPatch
) -> None:
    real_facts = extract_module.facts

    def with_bad_partner(doc):
        found = real_facts(doc)
        return [Fact(field="partner_country", value="ZZ", start=0, end=1, text="x", rule="test:bad")] + found

    monkeypatch.setattr(extract_module, "facts", with_bad_partner)
    good, bad = raw[(LISTING, 0)], raw[(LISTING, 1)]
    out = list(extract(nlp, [good, bad]))
    assert [type(o) for o in out] == [Reject, Reject]
    assert [(o.doc, o.index) for o in out] == [(LISTING, 0), (LISTING, 1)]
    assert out[0].reason == "partner_country: Value error, 'ZZ' is not an ISO 3166-1 alpha-2 country code (or XK)"


def test_reject_does_not_stop_the_batch(nlp: Language, raw: dict) -> None:
    src = raw[(LISTING, 2)]
    bad = RawRecord(doc=src.doc, index=src.index, kind=src.kind, start=src.start, end=src.end, text=src.text,
                    title="")
    out = list(extract(nlp, [raw[(LISTING, 1)], bad, raw[(LISTING, 3)]]))
    assert [type(o).__name__ for o in out] == ["ActionRecord", "Reject", "ActionRecord"]
    assert [o.index for o in out] == [1, 2, 3]


def test_country_page_heading_is_the_fallback_partner(nlp) -> None:
    """On a country page ("Actions in Peru") a record that names no country takes the page's,
    status inferred; a record naming its own country keeps it."""
    text = ("Actions in Peru\n"
            "  • Social dialogue on the future of work\n    National Council of Labour\n    Policy development\n"
            "    Spanish experts supported the council.\n"
            "  • Migrant workers in Chile\n    Ministry of Labour\n    Policy development\n"
            "    Experts from Portugal supported the ministry.\n")
    first, second = extract_text(nlp, text, "peru.txt")
    assert first.partner_country == "PE"
    (ev,) = [e for e in first.evidence if e.field == "partner_country"]
    assert (ev.rule, ev.status, text[ev.start : ev.end]) == ("partner:page-heading", "inferred", "Peru")
    assert second.partner_country == "CL"
    category = text.replace("Actions in Peru", "Actions - Social dialogue")
    assert [r.partner_country for r in extract_text(nlp, category, "cat.txt")] == [None, "CL"]


def test_a_country_page_outweighs_a_country_the_description_names_without_a_cue(nlp) -> None:
    """A showcased country or an EU member state's network named in a record of a country page is no partner:
    the page's heading is; each country heading between records heads the records under it."""
    text = ("SOCIEUX+ actions in Mozambique\n"
            "  • Social pensions\n    National Institute of Social Action (INAS)\n    Policy development\n"
            "    Two experts presented how social pensions are managed in Cabo Verde and Lesotho.\n"
            "  • Employment services\n    National Employment Institute (INEP)\n    Policy development\n"
            "    A study visit to Lisbon allowed the staff to observe the Portuguese network of job centres.\n")
    assert [r.partner_country for r in extract_text(nlp, text, "mz.txt")] == ["MZ", "MZ"]
    grouped = ("Actions by partner country\n\nETHIOPIA\n\n"
               "  • Employment services\n    Ministry of Labour and Skills\n    Policy development\n"
               "    Experts from Sweden reviewed the service standards of the public employment centres.\n\n"
               "PERU\n\n"
               "  • Labour inspection course\n    SUNAFIL\n    Policy development\n"
               "    Inspectors from Spain designed an online course for the inspectors.\n")
    assert [r.partner_country for r in extract_text(nlp, grouped, "by_country.txt")] == ["ET", "PE"]


def test_an_expert_country_that_is_the_partner_is_its_staff(nlp) -> None:
    """SOCIEUX+ does not mobilise the partner's own staff: an expert country equal to the partner is
    left out (a note says so), and a tentative one does not hide the partner's evidence."""
    text = ("  • Curriculum reform of the OFPPT\n    Office de la Formation Professionnelle (OFPPT)\n"
            "    Policy development\n"
            "    Experts of the Moroccan OFPPT and a Spanish expert ran the workshops.\n")
    (rec,) = extract_text(nlp, text, "ma.txt")
    assert rec.partner_country == "MA"
    assert rec.expert_countries == ["ES"]
    assert any("expert country MA" in n and "partner's own" in n for n in rec.notes)
    assert not any(e.field == "expert_countries" and e.value == "MA" for e in rec.evidence)
