"""pydantic models = EXTRACTION_SPEC.md: the contract of an action record.

`ActionRecord` holds exactly the spec's export fields plus the provenance the
store needs (action id, content hash, evidence). Validators enforce the spec:
ISO 3166-1 alpha-2 codes (XK allowed), sorted unique lists, a literal
`delivery`, ISO partial dates with start <= end. A record that fails goes to the
`rejects` table with the validation message; nothing is dropped silently.
"""

from __future__ import annotations

import re
from typing import Any, Literal

import pycountry
from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

Delivery = Literal["remote", "onsite", "mixed"]
Status = Literal["certain", "inferred", "ambiguous"]

FORMATS = ("training", "workshop", "seminar", "webinar", "conference", "study_visit", "lecture", "assessment")
Format = Literal["training", "workshop", "seminar", "webinar", "conference", "study_visit", "lecture", "assessment"]

_ISO_DATE = re.compile(r"^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$")
_ACTION_ID = re.compile(r"^\d{4}-\d{2,3}$")
#: codes ISO 3166-1 lacks but the spec uses (Kosovo's conventional user-assigned code)
_EXTRA_CODES = {"XK"}


def is_country_code(code: str) -> bool:
    return code in _EXTRA_CODES or pycountry.countries.get(alpha_2=code) is not None


def check_country(code: str) -> str:
    if not isinstance(code, str) or len(code) != 2 or not code.isupper() or not is_country_code(code):
        raise ValueError(f"{code!r} is not an ISO 3166-1 alpha-2 country code (or XK)")
    return code


def check_iso_date(value: str) -> str:
    """Accept YYYY, YYYY-MM or YYYY-MM-DD naming a real calendar day."""
    if not isinstance(value, str) or not _ISO_DATE.match(value):
        raise ValueError(f"{value!r} is not an ISO date at year, month or day precision")
    if len(value) == 10:
        import datetime

        try:
            datetime.date.fromisoformat(value)
        except ValueError as exc:
            raise ValueError(f"{value!r} is not a real calendar day") from exc
    return value


def iso_le(a: str, b: str) -> bool:
    """start <= end for partial ISO dates: compare on the common precision."""
    n = min(len(a), len(b))
    return a[:n] <= b[:n]


class Evidence(BaseModel):
    """Where a value came from: text and offsets in the source document, rule, status."""

    model_config = ConfigDict(frozen=True)

    field: str
    value: str | None
    text: str
    start: int = Field(ge=0)
    end: int = Field(ge=0)
    rule: str
    status: Status = "certain"

    @model_validator(mode="after")
    def _offsets(self) -> "Evidence":
        if self.end < self.start:
            raise ValueError(f"evidence end {self.end} is before start {self.start}")
        return self


class DateValue(BaseModel):
    model_config = ConfigDict(frozen=True)

    text: str
    start: str
    end: str | None

    @field_validator("start")
    @classmethod
    def _start(cls, v: str) -> str:
        return check_iso_date(v)

    @field_validator("end")
    @classmethod
    def _end(cls, v: str | None) -> str | None:
        return None if v is None else check_iso_date(v)

    @model_validator(mode="after")
    def _order(self) -> "DateValue":
        if self.end is not None and not iso_le(self.start, self.end):
            raise ValueError(f"date {self.text!r}: start {self.start} is after end {self.end}")
        return self


def _sorted_unique(values: list[str]) -> list[str]:
    return sorted(set(values))


class ActionRecord(BaseModel):
    """One action record of one document, in the spec's fields, with provenance."""

    model_config = ConfigDict(extra="forbid")

    # spec fields (export format)
    doc: str
    index: int = Field(ge=0)
    title: str = Field(min_length=1)
    partner_institution: str | None = None
    assistance_types: list[str] = Field(default_factory=list)
    description: str | None = None
    partner_country: str | None = None
    expert_countries: list[str] = Field(default_factory=list)
    delivery: Delivery | None = None
    formats: list[Format] = Field(default_factory=list)
    dates: list[DateValue] = Field(default_factory=list)
    action_code: str | None = None
    action_refs: list[str] = Field(default_factory=list)
    period_start: str | None = None
    period_end: str | None = None
    # provenance
    action_id: str = Field(min_length=8)
    record_hash: str = Field(min_length=8)
    kind: Literal["listing", "news"] = "listing"
    text: str = ""
    offset: int = Field(default=0, ge=0)
    evidence: list[Evidence] = Field(default_factory=list)
    notes: list[str] = Field(default_factory=list)

    @field_validator("partner_country")
    @classmethod
    def _partner(cls, v: str | None) -> str | None:
        return None if v is None else check_country(v)

    @field_validator("expert_countries")
    @classmethod
    def _experts(cls, v: list[str]) -> list[str]:
        return _sorted_unique([check_country(c) for c in v])

    @field_validator("formats")
    @classmethod
    def _formats(cls, v: list[str]) -> list[str]:
        return _sorted_unique(v)

    @field_validator("action_refs")
    @classmethod
    def _refs(cls, v: list[str]) -> list[str]:
        for ref in v:
            if not _ACTION_ID.match(ref):
                raise ValueError(f"action ref {ref!r} is not an action id of the form yyyy-nn")
        return _sorted_unique(v)

    @field_validator("action_code")
    @classmethod
    def _code(cls, v: str | None) -> str | None:
        if v is not None and not _ACTION_ID.match(v):
            raise ValueError(f"action code {v!r} is not an action id of the form yyyy-nn")
        return v

    @field_validator("period_start", "period_end")
    @classmethod
    def _period(cls, v: str | None) -> str | None:
        return None if v is None else check_iso_date(v)

    @field_validator("title", "partner_institution", "description", mode="before")
    @classmethod
    def _trim(cls, v: str | None) -> str | None:
        return v.strip() if isinstance(v, str) else v

    @model_validator(mode="after")
    def _period_order(self) -> "ActionRecord":
        if self.period_start and self.period_end and not iso_le(self.period_start, self.period_end):
            raise ValueError(f"period_start {self.period_start} is after period_end {self.period_end}")
        return self

    def export(self) -> dict[str, Any]:
        """The record in the spec's JSON Lines format (exactly the spec's fields)."""
        return self.model_dump(include=set(EXPORT_FIELDS), mode="json")


EXPORT_FIELDS = (
    "doc", "index", "title", "partner_institution", "assistance_types", "description",
    "partner_country", "expert_countries", "delivery", "formats", "dates", "action_code",
    "action_refs", "period_start", "period_end",
)


#: spec field -> the evidence field its values are stored under (see pipeline/facts.py)
EVIDENCE_FIELD = {
    "partner_country": "partner_country", "expert_countries": "expert_country", "delivery": "delivery",
    "formats": "format", "dates": "date", "action_code": "action_code", "action_refs": "action_ref",
    "period_start": "period_start", "period_end": "period_end",
}


class Reject(BaseModel):
    """A record that failed validation (or extraction), kept with its reason."""

    doc: str
    index: int
    action_id: str | None = None
    text: str
    reason: str
