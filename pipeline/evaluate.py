"""Score stored extractions against a gold JSON Lines file, field by field, with evidence.

Matching and metrics follow the gold format of EXTRACTION_SPEC.md: records are
paired within a document by normalised title (exact, then the closest title
with similarity >= 0.9); value fields are scored by accuracy, list fields by
precision/recall/F1 over their items (dates as (start, end) pairs). Every
disagreement is listed with the evidence that produced the predicted value
(matched text, rule id, status), so whoever maintains the rules sees why.
"""

from __future__ import annotations

import difflib
import json
import re
import unicodedata
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pipeline.schema import EVIDENCE_FIELD

SET_FIELDS = ("assistance_types", "expert_countries", "formats", "dates", "action_refs")
VALUE_FIELDS = ("partner_institution", "description", "partner_country", "delivery",
                "action_code", "period_start", "period_end")


def norm_text(value: Any) -> Any:
    if not isinstance(value, str):
        return value
    return re.sub(r"\s+", " ", unicodedata.normalize("NFKC", value).casefold()).strip()


def norm_title(value: str | None) -> str:
    return re.sub(r"[^\w]+", " ", norm_text(value or "")).strip()


def items(rec: dict | None, name: str) -> set:
    values = (rec or {}).get(name) or []
    if name == "dates":
        return {(str(d.get("start")), str(d.get("end"))) for d in values}
    return {norm_text(v) for v in values}


@dataclass
class Disagreement:
    field: str
    doc: str
    index: int | None
    title: str
    gold: Any
    pred: Any
    evidence: list[dict] = field(default_factory=list)


@dataclass
class Report:
    metrics: dict[str, dict[str, float]]
    disagreements: list[Disagreement]


def read_jsonl(path: Path) -> list[dict]:
    rows = []
    for n, line in enumerate(Path(path).read_text(encoding="utf-8").splitlines(), 1):
        if line.strip():
            try:
                rows.append(json.loads(line))
            except json.JSONDecodeError as exc:
                raise ValueError(f"{path}:{n}: not JSON ({exc.msg})") from exc
    return rows


def match(gold: list[dict], pred: list[dict]) -> tuple[list[tuple[dict, dict | None]], list[dict]]:
    by_doc: dict[str, list[dict]] = defaultdict(list)
    for p in pred:
        by_doc[p.get("doc")].append(p)
    pairs, used = [], set()
    for g in gold:
        cands = [p for p in by_doc.get(g.get("doc"), []) if id(p) not in used]
        gt = norm_title(g.get("title"))
        hit = next((p for p in cands if norm_title(p.get("title")) == gt), None)
        if hit is None and cands:
            ratio = lambda p: difflib.SequenceMatcher(None, gt, norm_title(p.get("title"))).ratio()  # noqa: E731
            best = max(cands, key=ratio)
            hit = best if ratio(best) >= 0.9 else None
        if hit is not None:
            used.add(id(hit))
        pairs.append((g, hit))
    return pairs, [p for p in pred if id(p) not in used]


def _prf(tp: int, fp: int, fn: int) -> dict[str, float]:
    p = tp / (tp + fp) if tp + fp else 1.0
    r = tp / (tp + fn) if tp + fn else 1.0
    return {"precision": p, "recall": r, "f1": 2 * p * r / (p + r) if p + r else 0.0}


def score(gold: list[dict], pred: list[dict], evidence: dict[tuple[str, int], list[dict]] | None = None) -> Report:
    """Metrics per field and every disagreement (with evidence keyed by (doc, index))."""
    evidence = evidence or {}
    pairs, extra = match(gold, pred)
    matched = sum(p is not None for _, p in pairs)
    metrics: dict[str, dict[str, float]] = {
        "records": _prf(matched, len(extra), len(gold) - matched) | {"gold": len(gold), "pred": len(pred)}
    }
    out: list[Disagreement] = []

    def why(p: dict | None, name: str) -> list[dict]:
        if p is None:
            return []
        ev = evidence.get((p.get("doc"), p.get("index")), [])
        return [e for e in ev if e["field"] == EVIDENCE_FIELD.get(name, name)]

    for name in VALUE_FIELDS:
        ok = 0
        for g, p in pairs:
            good = p is not None and norm_text(g.get(name)) == norm_text(p.get(name))
            ok += good
            if not good:
                out.append(Disagreement(name, g["doc"], g.get("index"), g.get("title", ""), g.get(name),
                                        None if p is None else p.get(name), why(p, name)))
        metrics[name] = {"accuracy": ok / len(pairs) if pairs else 1.0}
    for name in SET_FIELDS:
        tp = fp = fn = 0
        for g, p in pairs:
            gs, ps = items(g, name), items(p, name)
            tp, fp, fn = tp + len(gs & ps), fp + len(ps - gs), fn + len(gs - ps)
            if gs != ps:
                out.append(Disagreement(name, g["doc"], g.get("index"), g.get("title", ""),
                                        sorted(gs - ps), sorted(ps - gs), why(p, name)))
        fp += sum(len(items(p, name)) for p in extra)
        metrics[name] = _prf(tp, fp, fn)
    return Report(metrics, out)


def format_report(report: Report, show_disagreements: bool = True) -> str:
    lines = ["| field | P | R | F1 / accuracy |", "|---|---|---|---|"]
    for name, m in report.metrics.items():
        if "accuracy" in m:
            lines.append(f"| {name} | | | {m['accuracy']:.3f} |")
        else:
            lines.append(f"| {name} | {m['precision']:.3f} | {m['recall']:.3f} | {m['f1']:.3f} |")
    if show_disagreements and report.disagreements:
        lines += ["", f"## {len(report.disagreements)} disagreements", ""]
        for d in report.disagreements:
            head = f"- **{d.field}** {d.doc}#{d.index} {d.title[:70]!r}: gold {d.gold!r} pred {d.pred!r}"
            lines.append(head if d.field not in ("description", "partner_institution") else head[:300])
            for e in d.evidence:
                lines.append(f"    - {e['value']!r} from {e['text']!r} @{e['start']}-{e['end']} [{e['rule']}, {e['status']}]")
    return "\n".join(lines)
