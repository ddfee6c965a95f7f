"""pipeline.evaluate.score on tiny hand-made gold/pred lists.

Record pairing (exact then fuzzy title within a document), value accuracy,
set precision/recall/F1 (dates as (start, end) pairs), extra predictions as
false positives, and disagreements carrying the evidence that produced them.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from pipeline.evaluate import format_report, match, read_jsonl, score

DOC = "000.txt"
CR_TITLE = "The National Employment System of Costa Rica as a tool for competitiveness"


def rec(title: str, doc: str = DOC, index: int = 0, **fields: Any) -> dict[str, Any]:
    base = {
        "doc": doc, "index": index, "title": title, "partner_institution": None, "assistance_types": [],
        "description": None, "partner_country": None, "expert_countries": [], "delivery": None, "formats": [],
        "dates": [], "action_code": None, "action_refs": [], "period_start": None, "period_end": None,
    }
    return base | fields


# -- matching ------------------------------------------------------------------
@pytest.mark.parametrize(
    ("gold_title", "pred_title", "matched"),
    [
        (CR_TITLE, CR_TITLE, True),
        (CR_TITLE, "  the national employment system of COSTA RICA as a tool for competitiveness. ", True),  # normalised
        (CR_TITLE, CR_TITLE.replace("competitiveness", "competitivness"), True),  # a typo: fuzzy >= 0.9
        (CR_TITLE, "The National Employment System of Costa Rica", False),  # too different
        ("Support to ANPE", "Support to ONEF", False),
    ],
    ids=["exact", "normalised", "fuzzy-typo", "truncated", "other-action"],
)
def test_title_matching(gold_title: str, pred_title: str, matched: bool) -> None:
    pairs, extra = match([rec(gold_title)], [rec(pred_title)])
    assert (pairs[0][1] is not None) is matched
    assert len(extra) == (0 if matched else 1)


def test_matching_is_within_a_document() -> None:
    pairs, extra = match([rec(CR_TITLE, doc="a.txt")], [rec(CR_TITLE, doc="b.txt")])
    assert pairs[0][1] is None and len(extra) == 1


def test_exact_match_preferred_and_each_prediction_used_once() -> None:
    gold = [rec("Training on labour inspection", index=0), rec("Training on labour inspections", index=1)]
    pred = [rec("Training on labour inspections", index=0), rec("Training on labour inspection", index=1)]
    pairs, extra = match(gold, pred)
    assert [(g["index"], p["index"]) for g, p in pairs] == [(0, 1), (1, 0)]
    assert extra == []


# -- metrics -------------------------------------------------------------------
def test_perfect_prediction_scores_one() -> None:
    gold = [rec(CR_TITLE, partner_country="CR", expert_countries=["DE", "FR"],
                dates=[{"text": "23-24 May 2024", "start": "2024-05-23", "end": "2024-05-24"}])]
    report = score(gold, [dict(g) for g in gold])
    assert report.metrics["records"] == {"precision": 1.0, "recall": 1.0, "f1": 1.0, "gold": 1, "pred": 1}
    assert all(m.get("accuracy", m.get("f1")) == 1.0 for m in report.metrics.values())
    assert report.disagreements == []


def test_value_accuracy() -> None:
    gold = [rec("A", index=0, partner_country="CR", delivery="remote"),
            rec("B", index=1, partner_country="PE", delivery=None),
            rec("C", index=2, partner_country=None, delivery="onsite"),
            rec("D", index=3, partner_country="EC", delivery="mixed")]
    pred = [rec("A", index=0, partner_country="CR", delivery="remote"),
            rec("B", index=1, partner_country=None, delivery=None),
            rec("C", index=2, partner_country=None, delivery="remote"),
            rec("D", index=3, partner_country="CO", delivery="mixed")]
    m = score(gold, pred).metrics
    assert m["partner_country"] == {"accuracy": 0.5}
    assert m["delivery"] == {"accuracy": 0.75}
    assert m["description"] == {"accuracy": 1.0}


def test_value_comparison_normalises_case_and_spaces() -> None:
    gold = [rec("A", partner_institution="Ministry of Labour  (MTSS)")]
    pred = [rec("A", partner_institution="ministry of labour (MTSS)")]
    assert score(gold, pred).metrics["partner_institution"] == {"accuracy": 1.0}


def test_set_precision_recall_f1() -> None:
    # gold {DE, FR} + {ES}; pred {FR, SE} + {ES}: tp 2 (FR, ES), fp 1 (SE), fn 1 (DE)
    gold = [rec("A", index=0, expert_countries=["DE", "FR"]), rec("B", index=1, expert_countries=["ES"])]
    pred = [rec("A", index=0, expert_countries=["FR", "SE"]), rec("B", index=1, expert_countries=["ES"])]
    m = score(gold, pred).metrics["expert_countries"]
    assert m == pytest.approx({"precision": 2 / 3, "recall": 2 / 3, "f1": 2 / 3})


def test_dates_compared_as_start_end_pairs() -> None:
    gold = [rec("A", dates=[{"text": "since May 2021", "start": "2021-05", "end": None},
                            {"text": "early 2022", "start": "2022", "end": "2022"}])]
    pred = [rec("A", dates=[{"text": "May 2021", "start": "2021-05", "end": None},  # text differs: still a hit
                            {"text": "early 2022", "start": "2022", "end": None}])]  # open end: a miss
    m = score(gold, pred).metrics["dates"]
    assert m == {"precision": 0.5, "recall": 0.5, "f1": 0.5}


def test_empty_sets_score_one() -> None:
    m = score([rec("A")], [rec("A")]).metrics
    assert m["formats"] == {"precision": 1.0, "recall": 1.0, "f1": 1.0}


def test_extra_predictions_are_false_positives() -> None:
    gold = [rec("Support to ANPE", index=0, formats=["training"], expert_countries=["FR"])]
    pred = [rec("Support to ANPE", index=0, formats=["training"], expert_countries=["FR"]),
            rec("An action the gold does not have", index=1, formats=["workshop", "seminar"], expert_countries=["BE"])]
    m = score(gold, pred).metrics
    assert m["records"] == pytest.approx({"precision": 0.5, "recall": 1.0, "f1": 2 / 3, "gold": 1, "pred": 2})
    assert m["formats"] == pytest.approx({"precision": 1 / 3, "recall": 1.0, "f1": 0.5})
    assert m["expert_countries"] == pytest.approx({"precision": 0.5, "recall": 1.0, "f1": 2 / 3})


def test_missed_gold_record_counts_against_recall_and_accuracy() -> None:
    gold = [rec("A", index=0, partner_country="CR", formats=["conference"]),
            rec("B", index=1, partner_country="PE", formats=["training"])]
    pred = [rec("A", index=0, partner_country="CR", formats=["conference"])]
    report = score(gold, pred)
    assert report.metrics["records"] == pytest.approx({"precision": 1.0, "recall": 0.5, "f1": 2 / 3, "gold": 2, "pred": 1})
    assert report.metrics["partner_country"] == {"accuracy": 0.5}
    assert report.metrics["formats"] == {"precision": 1.0, "recall": 0.5, "f1": pytest.approx(2 / 3)}
    missed = [d for d in report.disagreements if d.field == "partner_country"]
    assert [(d.index, d.gold, d.pred, d.evidence) for d in missed] == [(1, "PE", None, [])]


# -- disagreements -------------------------------------------------------------
EVIDENCE = {
    (DOC, 0): [
        {"field": "partner_country", "value": "PA", "text": "Panama", "start": 120, "end": 126,
         "rule": "partner:description+cue", "status": "certain"},
        {"field": "expert_country", "value": "SE", "text": "Swedish", "start": 200, "end": 207,
         "rule": "demonym:experts", "status": "certain"},
        {"field": "format", "value": "training", "text": "training", "start": 300, "end": 308,
         "rule": "training", "status": "certain"},
    ]
}


def test_disagreements_carry_their_evidence() -> None:
    gold = [rec(CR_TITLE, partner_country="CR", expert_countries=["FR"], formats=["training"])]
    pred = [rec(CR_TITLE, partner_country="PA", expert_countries=["FR", "SE"], formats=["training"])]
    report = score(gold, pred, EVIDENCE)
    by_field = {d.field: d for d in report.disagreements}
    assert set(by_field) == {"partner_country", "expert_countries"}  # formats agree: no disagreement
    partner = by_field["partner_country"]
    assert (partner.doc, partner.index, partner.title, partner.gold, partner.pred) == (DOC, 0, CR_TITLE, "CR", "PA")
    assert [e["text"] for e in partner.evidence] == ["Panama"]
    experts = by_field["expert_countries"]
    assert (experts.gold, experts.pred) == ([], ["se"])  # set differences, normalised items
    assert [(e["value"], e["rule"]) for e in experts.evidence] == [("SE", "demonym:experts")]


def test_report_formats_disagreement_with_offsets_and_rule() -> None:
    gold = [rec(CR_TITLE, partner_country="CR")]
    pred = [rec(CR_TITLE, partner_country="PA")]
    text = format_report(score(gold, pred, EVIDENCE))
    assert "| partner_country | | | 0.000 |" in text
    assert "## 1 disagreements" in text
    assert "gold 'CR' pred 'PA'" in text
    assert "'PA' from 'Panama' @120-126 [partner:description+cue, certain]" in text
    assert "disagreements" not in format_report(score(gold, pred, EVIDENCE), show_disagreements=False)


def test_read_jsonl_names_the_bad_line(tmp_path: Path) -> None:
    path = tmp_path / "gold.jsonl"
    path.write_text(json.dumps(rec("A")) + "\n\n{not json\n", encoding="utf-8")
    with pytest.raises(ValueError, match=r"gold\.jsonl:3: not JSON"):
        read_jsonl(path)
    path.write_text(json.dumps(rec("A")) + "\n\n", encoding="utf-8")
    assert read_jsonl(path) == [rec("A")]
