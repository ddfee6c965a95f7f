"""Raw record -> spaCy Doc -> validated ActionRecord (the one crossing from spaCy to output).

`extract()` runs the pipeline over a batch of raw records and turns each Doc's
facts into an `ActionRecord`: values from the facts, every fact kept as
evidence with offsets shifted from the record to the source document. A record
that fails validation becomes a `Reject` carrying the validation message.
"""

from __future__ import annotations

from typing import Iterable, Iterator

from pydantic import ValidationError
from spacy.language import Language
from spacy.tokens import Doc

from pipeline.components.base import TEXT_KEY
from pipeline.facts import FIELDS_KEY, INTERNAL_FIELDS, KIND_KEY, YEAR_KEY, Fact, facts
from pipeline.documents import text_document
from pipeline.records import RawRecord
from pipeline.split import split_document
from pipeline.schema import ActionRecord, Evidence, Reject


def prepare_doc(nlp: Language, text: str, fields: dict[str, tuple[int, int]], kind: str = "listing",
                year: int | None = None) -> Doc:
    """A Doc of `text` carrying what the components read: field spans, record kind, date-line year."""
    doc = nlp.make_doc(text)
    doc.user_data[TEXT_KEY] = text  # = doc.text (the tokenizer is non-destructive), without re-joining tokens
    doc.user_data[FIELDS_KEY] = dict(fields)
    doc.user_data[KIND_KEY] = kind
    doc.user_data[YEAR_KEY] = year
    return doc


def make_doc(nlp: Language, rec: RawRecord) -> Doc:
    """The record's text as a Doc, with its field spans and kind for the components."""
    return prepare_doc(nlp, rec.text, rec.fields, rec.kind, rec.year)


def annotate(nlp: Language, text: str, fields: dict[str, str], kind: str = "listing",
             year: int | None = None) -> Doc:
    """Run the pipeline on `text` whose fields are given by value (first occurrence of each)."""
    spans = {name: (text.index(v), text.index(v) + len(v)) for name, v in fields.items()}
    return nlp(prepare_doc(nlp, text, spans, kind, year))


def _first(found: list[Fact], name: str) -> Fact | None:
    return next((f for f in found if f.field == name), None)


def _unique(values: Iterable) -> list:
    return list(dict.fromkeys(values))


def _evidence(fact: Fact, offset: int) -> Evidence:
    """A fact as stored evidence; `offset` moves its offsets from the Doc into the document."""
    value = fact.value
    if fact.field == "date":
        value = f"{fact.value}/{fact.extra.get('end') or ''}"
    return Evidence(
        field=fact.field, value=value, text=fact.text, start=offset + fact.start,
        end=offset + fact.end, rule=fact.rule, status=fact.status,
    )


#: a record's partner evidence that a country page's heading outweighs: a country its description names
#: without a partner cue or a place of its own ("how social pensions are managed in Cabo Verde and Lesotho")
WEAK_PARTNER_RULES = frozenset({"partner:description"})


def to_record(rec: RawRecord, doc: Doc, page_partner: Fact | None = None) -> ActionRecord | Reject:
    """Assemble and validate the ActionRecord of one processed Doc.

    `page_partner` (the country a listing page's heading names) is the partner when the record itself
    gives no partner evidence, neither a value nor an ambiguity note (but one that it names EU member
    states only), or only a country of its description without a partner cue (WEAK_PARTNER_RULES).
    """
    found = facts(doc)
    partner = _first(found, "partner_country")
    delivery = _first(found, "delivery")
    code = _first(found, "action_code")
    period_start = _first(found, "period_start")
    period_end = _first(found, "period_end")
    notes = list(rec.problems)
    notes += [f"date {f.text!r}: {f.extra.get('reason', 'not a valid date')}" for f in found if f.field == "date_error"]
    notes += [f"partner country: {f.extra['reason']}" for f in found if f.field == "partner_note" and f.extra.get("reason")]
    page_fact = None
    if page_partner is not None and (
            partner is None and not any(f.field == "partner_note" and f.rule != "partner:eu-only" for f in found)
            or partner is not None and partner.rule in WEAK_PARTNER_RULES and partner.value != page_partner.value):
        partner = page_fact = page_partner
    # SOCIEUX+ does not mobilise the partner's own staff as its experts: "Moroccan trainers of the
    # OFPPT were trained" in an action with the OFPPT names participants (a note keeps the evidence)
    def own(f: Fact) -> bool:
        return f.field == "expert_country" and partner is not None and f.value == partner.value

    notes += [f"expert country {f.value} ({f.text!r}, {f.rule}) left out: it is the partner's own" for f in found if own(f)]
    found = [f for f in found if not own(f)]
    try:
        return ActionRecord(
            doc=rec.doc,
            index=rec.index,
            title=rec.title,
            partner_institution=rec.partner_institution,
            assistance_types=rec.assistance_types,
            description=rec.description,
            partner_country=partner.value if partner else None,
            expert_countries=[f.value for f in found if f.field == "expert_country" and f.value],
            delivery=delivery.value if delivery else None,
            formats=[f.value for f in found if f.field == "format"],
            dates=[
                {"text": t, "start": s, "end": e}
                for t, s, e in _unique((f.text, f.value, f.extra.get("end")) for f in found if f.field == "date")
            ],
            action_code=code.value if code else None,
            action_refs=[f.value for f in found if f.field == "action_ref"],
            period_start=period_start.value if period_start else None,
            period_end=period_end.value if period_end else None,
            action_id=rec.action_id,
            record_hash=rec.record_hash,
            kind=rec.kind,
            text=rec.text,
            offset=rec.start,
            evidence=[_evidence(f, rec.start) for f in found if f.field not in INTERNAL_FIELDS] + (
                [_evidence(page_fact, 0)] if page_fact else []),  # a heading fact is in document offsets
            notes=notes,
        )
    except ValidationError as exc:
        reasons = "; ".join(f"{'.'.join(map(str, e['loc'])) or 'record'}: {e['msg']}" for e in exc.errors())
        return Reject(doc=rec.doc, index=rec.index, action_id=rec.action_id, text=rec.text, reason=reasons)


def heading_country(nlp: Language, heading: tuple[int, int, str] | None) -> Fact | None:
    """The one country a listing page's heading names ("Actions in Peru"), as a partner fact with
    offsets in the document; None when it names none, several, or only ambiguous places."""
    if not heading:
        return None
    start, _, text = heading
    mentions = nlp(prepare_doc(nlp, text, {"heading": (0, len(text))}))._.countries or []
    codes = {m.code for m in mentions if m.code}
    if len(codes) != 1 or any(m.code is None for m in mentions):
        return None
    m = next(m for m in mentions if m.code)
    return Fact("partner_country", m.code, start + m.start_char, start + m.end_char, m.text,
                "partner:page-heading", "inferred")


def extract(nlp: Language, records: list[RawRecord], batch_size: int = 64) -> Iterator[ActionRecord | Reject]:
    """Run the pipeline over records (streamed in batches) and validate each result."""
    headings: dict[tuple[int, int, str] | None, Fact | None] = {}
    docs = (make_doc(nlp, rec) for rec in records)
    for rec, doc in zip(records, nlp.pipe(docs, batch_size=batch_size)):
        if rec.heading not in headings:
            headings[rec.heading] = heading_country(nlp, rec.heading)
        yield to_record(rec, doc, headings[rec.heading])


def extract_text(nlp: Language, text: str, name: str = "text.txt") -> list[ActionRecord | Reject]:
    """The records of a document held in memory (its kind detected from `text`), extracted."""
    return list(extract(nlp, split_document(text_document(text, name))))
