"""Snapshots (pytest-regressions) of what the product extracts from every corpus document.

The records come from one real flow run over corpus/ (session fixture
`corpus_db`), read back from DuckDB as `socieux diff` reads them: the spec's
export fields plus the evidence list (field, value, text, start, end, rule,
status) sorted by start, field, value, and any rejects. A change in any value
or any rule that fired shows up as a YAML diff under tests/test_snapshots/, and
`make test` prints the same change as a Markdown table (`socieux diff
--against-snapshots`). Snapshots complement the meaning-level tests of
test_extract.py, they do not replace them: after a deliberate change, check the
diff, then regenerate with `pytest tests/test_snapshots.py --force-regen`.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import duckdb
import pytest

from pipeline.diff import state_from_db
from pipeline.documents import discover
from pipeline.paths import CORPUS_DIR

EVIDENCE_KEYS = ("field", "value", "text", "start", "end", "rule", "status")
DOCUMENTS = discover(CORPUS_DIR)


def snapshot(db: Path, name: str) -> dict[str, Any]:
    records = []
    for record in state_from_db(db).values():
        if record["doc"] != name:
            continue
        evidence = sorted(record["evidence"], key=lambda e: (e["start"], e["field"], e["value"] or ""))
        records.append(record | {"evidence": [{k: e[k] for k in EVIDENCE_KEYS} for e in evidence]})
    con = duckdb.connect(str(db), read_only=True)
    try:
        kind = con.execute("SELECT kind FROM documents WHERE doc = ?", [name]).fetchone()[0]
        rejects = con.execute("SELECT idx, reason FROM rejects WHERE doc = ? ORDER BY ALL", [name]).fetchall()
    finally:
        con.close()
    records += [{"doc": name, "index": idx, "reject": reason} for idx, reason in rejects]
    records.sort(key=lambda r: (r["doc"], r["index"]))
    return {"doc": name, "kind": kind, "records": records}


def test_corpus_has_documents() -> None:
    assert [p.name for p in DOCUMENTS] == ["000_3a8d02358315f3d7.txt", "004_a00941e2d125b2e4.txt"]


@pytest.mark.parametrize("path", DOCUMENTS, ids=[p.stem for p in DOCUMENTS])
def test_records_snapshot(corpus_db: Path, path: Path, data_regression: Any) -> None:
    data = snapshot(corpus_db, path.name)
    assert len(data["records"]) >= 1, path.name
    assert all("reject" not in r for r in data["records"])
    data_regression.check(data, basename=path.stem)
