"""What a change to rules or patterns does to the output: a Markdown diff of two extractions.

Both sides are mappings action key -> record (the spec's fields plus the
evidence texts per field). A side is read from a DuckDB store
(`state_from_db`) or from the committed pytest-regressions snapshots of
corpus/ (`state_from_snapshots`). Actions are keyed by document and
normalised title, so a diff survives renumbering.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from pipeline import store
from pipeline.evaluate import norm_title
from pipeline.schema import EVIDENCE_FIELD, EXPORT_FIELDS

COMPARED = tuple(f for f in EXPORT_FIELDS if f not in ("doc", "index"))

State = dict[tuple[str, str], dict[str, Any]]


def key_of(record: dict[str, Any]) -> tuple[str, str]:
    return record["doc"], norm_title(record["title"])


def _with_evidence(record: dict[str, Any], evidence: list[dict[str, Any]]) -> dict[str, Any]:
    out = {f: record.get(f) for f in EXPORT_FIELDS}
    out["evidence"] = evidence
    return out


def state_from_db(db_path: Path) -> State:
    con = store.connect(Path(db_path))
    try:
        evidence = store.evidence_by_source(con)
        return {key_of(r): _with_evidence(r, evidence.get((r["doc"], r["index"]), []))
                for r in store.iter_export(con)}
    finally:
        con.close()


def state_from_snapshots(snapshot_dir: Path) -> State:
    """Records of the committed snapshot files (one YAML per document, a list of records)."""
    state: State = {}
    for path in sorted(Path(snapshot_dir).glob("*.yml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or []
        records = data.get("records", data) if isinstance(data, dict) else data
        for r in records:
            state[key_of(r)] = _with_evidence(r, r.get("evidence", []))
    return state


@dataclass
class Change:
    key: tuple[str, str]
    title: str
    field: str
    old: Any
    new: Any
    evidence: list[str] = field(default_factory=list)


@dataclass
class Diff:
    added: list[dict[str, Any]]
    removed: list[dict[str, Any]]
    changed: list[Change]

    @property
    def empty(self) -> bool:
        return not (self.added or self.removed or self.changed)


def diff_states(old: State, new: State) -> Diff:
    added = [new[k] for k in sorted(new.keys() - old.keys())]
    removed = [old[k] for k in sorted(old.keys() - new.keys())]
    changed = []
    for k in sorted(old.keys() & new.keys()):
        a, b = old[k], new[k]
        for name in COMPARED:
            if _canon(a.get(name)) != _canon(b.get(name)):
                ev = [e["text"] for e in b.get("evidence", []) if e.get("field") == EVIDENCE_FIELD.get(name)]
                ev = ev or [e["text"] for e in a.get("evidence", []) if e.get("field") == EVIDENCE_FIELD.get(name)]
                changed.append(Change(k, b["title"], name, a.get(name), b.get(name), ev))
    return Diff(added, removed, changed)


def _canon(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True, default=str)


def _short(value: Any, limit: int = 120) -> str:
    text = value if isinstance(value, str) else _canon(value)
    return (text[: limit - 1] + "…" if len(text) > limit else text).replace("|", "\\|").replace("\n", " ")


def to_markdown(diff: Diff, old_name: str = "base", new_name: str = "new") -> str:
    lines = [f"# Extraction diff: {old_name} → {new_name}", ""]
    if diff.empty:
        return "\n".join(lines + ["No change: every record extracts the same values."])
    lines.append(f"{len(diff.added)} added, {len(diff.removed)} removed, {len(diff.changed)} changed values.")
    for title, group in (("Added", diff.added), ("Removed", diff.removed)):
        if group:
            lines += ["", f"## {title}", ""] + [f"- {r['doc']}#{r['index']}: {_short(r['title'])}" for r in group]
    if diff.changed:
        lines += ["", "## Changed", "", "| record | field | old | new | evidence |", "|---|---|---|---|---|"]
        for c in diff.changed:
            lines.append(f"| {c.key[0]}: {_short(c.title, 60)} | {c.field} | {_short(c.old)} | {_short(c.new)} "
                         f"| {_short('; '.join(c.evidence), 80)} |")
    return "\n".join(lines)
