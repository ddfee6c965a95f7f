"""Validators of pipeline.schema, table-driven from EXTRACTION_SPEC.md's field table.

Each row names a field value the spec allows or forbids; a forbidden value must
fail with a message naming the value, so a reject in the store says what was
wrong. The last tests check that `export()` is the spec's JSON Lines shape,
using the Costa Rica record of the seed gold as the reference line.
"""

from __future__ import annotations

import json
from typing import Any

import pytest
from pydantic import ValidationError

from pipeline.paths import GOLD_PATH
from pipeline.schema import EXPORT_FIELDS, FORMATS, ActionRecord, DateValue, Evidence, Reject

PROVENANCE = {"action_id": "3f1c9a0b7e2d4c51", "record_hash": "a1b2c3d4e5f60718"}


def record(**overrides: Any) -> ActionRecord:
    """A minimal valid record with `overrides` applied."""
    return ActionRecord(**({"doc": "000.txt", "index": 0, "title": "Support to the Ministry of Labour"}
                           | PROVENANCE | overrides))


def gold_line(doc: str, index: int) -> dict[str, Any]:
    for line in GOLD_PATH.read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        if (row["doc"], row["index"]) == (doc, index):
            return row
    raise LookupError((doc, index))


# -- countries -----------------------------------------------------------------
@pytest.mark.parametrize("code", ["CR", "DE", "XK", "GB"])
def test_country_codes_accepted(code: str) -> None:
    assert record(partner_country=code).partner_country == code
    assert record(expert_countries=[code]).expert_countries == [code]


@pytest.mark.parametrize(
    "code",
    [
        "ZZ", "UK", "EU", "CRI", "", "Costa Rica",
        "cr",
    ],
    ids=["unassigned", "UK-not-GB", "EU", "alpha-3", "empty", "name", "lowercase"],
)
def test_country_codes_rejected_naming_the_value(code: str) -> None:
    for field, value in (("partner_country", code), ("expert_countries", ["FR", code])):
        with pytest.raises(ValidationError) as info:
            record(**{field: value})
        message = str(info.value)
        assert field in message
        assert f"{code!r} is not an ISO 3166-1 alpha-2 country code" in message


# -- sorted unique lists -------------------------------------------------------
@pytest.mark.parametrize(
    ("field", "given", "expected"),
    [
        ("expert_countries", ["FR", "DE", "FR"], ["DE", "FR"]),
        ("expert_countries", ["SE", "ES", "FR", "ES"], ["ES", "FR", "SE"]),
        ("formats", ["workshop", "training", "workshop"], ["training", "workshop"]),
        ("action_refs", ["2022-21", "2016-12", "2022-21"], ["2016-12", "2022-21"]),
    ],
)
def test_lists_sorted_and_unique(field: str, given: list[str], expected: list[str]) -> None:
    assert getattr(record(**{field: given}), field) == expected


def test_assistance_types_keep_their_written_order() -> None:
    # spec: "the type-of-assistance labels, as written": not a set, order kept
    types = ["Policy development", "Institutional capacity building"]
    assert record(assistance_types=types).assistance_types == types


# -- delivery and formats vocabularies -----------------------------------------
@pytest.mark.parametrize("delivery", ["remote", "onsite", "mixed", None])
def test_delivery_literal_accepted(delivery: str | None) -> None:
    assert record(delivery=delivery).delivery == delivery


@pytest.mark.parametrize("delivery", ["hybrid", "online", "Remote", "on-site", ""])
def test_delivery_literal_enforced(delivery: str) -> None:
    with pytest.raises(ValidationError, match=r"delivery\n.*'remote', 'onsite' or 'mixed'"):
        record(delivery=delivery)


def test_every_spec_format_accepted() -> None:
    assert record(formats=list(FORMATS)).formats == sorted(FORMATS)


@pytest.mark.parametrize("fmt", ["meeting", "study visit", "Training", "forum", "mission"])
def test_formats_vocabulary_enforced(fmt: str) -> None:
    with pytest.raises(ValidationError, match=r"formats\.1\n.*'training', 'workshop'"):
        record(formats=["training", fmt])


# -- ISO partial dates ---------------------------------------------------------
@pytest.mark.parametrize(
    ("start", "end"),
    [
        ("2024", "2024"),
        ("2024-05", "2024-11"),
        ("2024-05-23", "2024-05-24"),
        ("2024-02-29", "2024-02-29"),  # a leap day
        ("2021-05", None),  # "since May 2021": open
        ("2024-05", "2024"),  # mixed precision: compared on the common precision
        ("2024", "2024-05-23"),
    ],
)
def test_iso_partial_dates_accepted(start: str, end: str | None) -> None:
    value = DateValue(text="x", start=start, end=end)
    assert (value.start, value.end) == (start, end)


@pytest.mark.parametrize(
    ("bad", "message"),
    [
        ("2024-13", "'2024-13' is not an ISO date at year, month or day precision"),
        ("2024-00", "'2024-00' is not an ISO date at year, month or day precision"),
        ("2023-02-31", "'2023-02-31' is not a real calendar day"),
        ("2023-02-29", "'2023-02-29' is not a real calendar day"),
        ("24/05/2024", "'24/05/2024' is not an ISO date at year, month or day precision"),
        ("May 2024", "'May 2024' is not an ISO date at year, month or day precision"),
        ("2024-5", "'2024-5' is not an ISO date at year, month or day precision"),
        ("", "'' is not an ISO date at year, month or day precision"),
    ],
)
def test_iso_partial_dates_rejected(bad: str, message: str) -> None:
    with pytest.raises(ValidationError, match=message):
        DateValue(text=bad, start=bad, end=None)
    with pytest.raises(ValidationError, match=message):
        DateValue(text=bad, start="2020", end=bad)
    for field in ("period_start", "period_end"):
        with pytest.raises(ValidationError, match=message):
            record(**{field: bad})


@pytest.mark.parametrize(
    ("start", "end"),
    [("2024-05-24", "2024-05-23"), ("2024-11", "2024-05"), ("2027", "2022"), ("2024-06", "2024-05-31")],
)
def test_date_start_after_end_rejected(start: str, end: str) -> None:
    with pytest.raises(ValidationError, match=f"date 'x': start {start} is after end {end}"):
        DateValue(text="x", start=start, end=end)


@pytest.mark.parametrize(("start", "end"), [("2024-05-24", "2024-05-23"), ("2023-11", "2023-05"), ("2015", "2014")])
def test_period_start_after_end_rejected(start: str, end: str) -> None:
    with pytest.raises(ValidationError, match=f"period_start {start} is after period_end {end}"):
        record(period_start=start, period_end=end)


def test_open_period_accepted() -> None:
    rec = record(period_start="2021-05", period_end=None)
    assert (rec.period_start, rec.period_end) == ("2021-05", None)


# -- action ids ----------------------------------------------------------------
@pytest.mark.parametrize("code", ["2019-07", "2023-11", "2018-05", "2020-123"])
def test_action_ids_accepted(code: str) -> None:
    assert record(action_code=code).action_code == code
    assert record(action_refs=[code]).action_refs == [code]


@pytest.mark.parametrize("code", ["2019-7", "19-07", "2019/07", "Action 2019-07", "2019-07 ", "2019-1234", ""])
def test_action_ids_rejected(code: str) -> None:
    with pytest.raises(ValidationError, match=f"action code {code!r} is not an action id of the form yyyy-nn"):
        record(action_code=code)
    with pytest.raises(ValidationError, match=f"action ref {code!r} is not an action id of the form yyyy-nn"):
        record(action_refs=["2022-21", code])


# -- title, provenance, evidence -----------------------------------------------
def test_title_trimmed() -> None:
    assert record(title="  Support to ANPE \n").title == "Support to ANPE"


def test_empty_title_rejected() -> None:
    with pytest.raises(ValidationError, match="title"):
        record(title="")


def test_whitespace_only_title_rejected() -> None:
    with pytest.raises(ValidationError, match="title"):
        record(title="   \n ")


def test_unknown_field_forbidden() -> None:
    with pytest.raises(ValidationError, match="partner"):
        record(partner="Ministry")


@pytest.mark.parametrize(("start", "end"), [(10, 9), (-1, 3)])
def test_evidence_offsets_checked(start: int, end: int) -> None:
    with pytest.raises(ValidationError):
        Evidence(field="expert_country", value="FR", text="France", start=start, end=end, rule="r")


def test_evidence_status_vocabulary() -> None:
    with pytest.raises(ValidationError, match="'certain', 'inferred' or 'ambiguous'"):
        Evidence(field="delivery", value="remote", text="online", start=0, end=6, rule="r", status="maybe")


def test_reject_keeps_index_and_reason() -> None:
    rej = Reject(doc="000.txt", index=3, text="  • x", reason="title: String should have at least 1 character")
    assert (rej.doc, rej.index, rej.action_id) == ("000.txt", 3, None)


# -- export --------------------------------------------------------------------
def costa_rica_from_gold() -> tuple[dict[str, Any], ActionRecord]:
    gold = gold_line("000_3a8d02358315f3d7.txt", 0)
    rec = ActionRecord(
        **gold, **PROVENANCE, kind="listing", text="  • The National Employment System …", offset=0,
        evidence=[Evidence(field="expert_country", value="FR", text="France", start=390, end=396, rule="r")],
        notes=["a note"],
    )
    return gold, rec


def test_export_is_exactly_the_spec_fields_in_spec_order() -> None:
    _, rec = costa_rica_from_gold()
    exported = rec.export()
    assert list(exported) == list(EXPORT_FIELDS)
    assert EXPORT_FIELDS == (
        "doc", "index", "title", "partner_institution", "assistance_types", "description",
        "partner_country", "expert_countries", "delivery", "formats", "dates", "action_code",
        "action_refs", "period_start", "period_end",
    )


def test_export_equals_the_gold_line() -> None:
    gold, rec = costa_rica_from_gold()
    exported = rec.export()
    assert exported == gold
    # JSON shape: dates are {"text", "start", "end"} objects, lists are lists, nulls stay null
    assert json.loads(json.dumps(exported)) == gold
    assert exported["dates"] == [{"text": "23-24 May 2024", "start": "2024-05-23", "end": "2024-05-24"}]
    assert exported["delivery"] is None and exported["action_code"] is None


def test_export_of_unsorted_input_is_normalised() -> None:
    rec = record(expert_countries=["FR", "DE"], formats=["workshop", "training"],
                 dates=[DateValue(text="since May 2021", start="2021-05", end=None)])
    exported = rec.export()
    assert exported["expert_countries"] == ["DE", "FR"]
    assert exported["formats"] == ["training", "workshop"]
    assert exported["dates"] == [{"text": "since May 2021", "start": "2021-05", "end": None}]
    assert "evidence" not in exported and "action_id" not in exported
