"""Evidence-carrying facts: what every spaCy component writes, and extract.py reads.

A component never returns bare values: each value it finds is a `Fact` holding
the matched text, its character offsets in the record's `Doc` (extract.py shifts
them to offsets in the source document), the id of the rule or pattern that
produced it and a status an analyst can filter on.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

from spacy.tokens import Doc

Status = Literal["certain", "inferred", "ambiguous"]

#: keys of `doc.user_data` set by extract.py before the pipeline runs
FIELDS_KEY = "socieux_fields"  # {"title": (start, end), "description": ..., ...} record-relative
KIND_KEY = "socieux_kind"  # "listing" | "news"
YEAR_KEY = "socieux_year"  # int | None: year of the document's date line (news)
#: a fact field components use among themselves, never stored as evidence: another mention of a
#: country whose experts the record names (socieux_experts marks it, socieux_partner skips it)
ECHO_FIELD = "expert_echo"
#: a fact field marking a first-person post whose writer says they were one of the action's experts ("I worked,
#: as a Polish expert, with …"): socieux_experts sets it, socieux_period reads "I" and "we" as the action's agents
AUTHOR_FIELD = "author_expert"
#: fact fields that are no evidence of a value (notes and markers between components)
INTERNAL_FIELDS = ("partner_note", ECHO_FIELD, AUTHOR_FIELD)


@dataclass(frozen=True)
class Fact:
    """One extracted value and the words it came from."""

    field: str  # partner_country, expert_country, delivery_cue, delivery, format, date, action_code, action_ref, period_start, period_end
    value: str | None
    start: int  # character offsets in doc.text
    end: int
    text: str
    rule: str  # id of the pattern / rule that fired
    status: Status = "certain"
    extra: dict[str, Any] = field(default_factory=dict, compare=False, hash=False)


def ensure_extensions() -> None:
    """Register the Doc extensions used by the components (idempotent, no force)."""
    if not Doc.has_extension("facts"):
        Doc.set_extension("facts", default=None)
    if not Doc.has_extension("countries"):
        Doc.set_extension("countries", default=None)


def facts(doc: Doc) -> list[Fact]:
    """The doc's fact list, created on first use."""
    ensure_extensions()
    if doc._.facts is None:
        doc._.facts = []
    return doc._.facts


def add_fact(doc: Doc, fact: Fact) -> None:
    facts(doc).append(fact)


def has_fact(doc: Doc, field: str) -> bool:
    """Some component has set a fact of `field` on the doc (a marker such as `AUTHOR_FIELD`)."""
    return any(f.field == field for f in doc._.facts or ())


def field_span(doc: Doc, name: str) -> tuple[int, int] | None:
    """Record-relative (start, end) of a record field (title, description, ...), if present."""
    spans = doc.user_data.get(FIELDS_KEY) or {}
    span = spans.get(name)
    return tuple(span) if span else None


def field_of(doc: Doc, char: int) -> str | None:
    """Name of the record field that contains character offset `char` (the narrowest: a news item's
    reference tag lies inside its description)."""
    found = [(end - start, name) for name, (start, end) in (doc.user_data.get(FIELDS_KEY) or {}).items()
             if start <= char < end]
    return min(found)[1] if found else None


CountryKind = Literal["country", "demonym", "city", "region"]


@dataclass(frozen=True)
class CountryMention:
    """A country, demonym, city or region mention resolved to one country (or left ambiguous).

    Written to `doc._.countries` by the `socieux_countries` component, in text order.
    """

    start: int  # token offsets in the Doc
    end: int
    start_char: int
    end_char: int
    text: str
    code: str | None  # resolved ISO 3166-1 alpha-2; None when ambiguous and unresolved
    candidates: tuple[str, ...]  # every country the surface form can denote
    kind: CountryKind
    rule: str  # gazetteer source / resolution rule
    status: Status = "certain"
