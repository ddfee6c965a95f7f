"""Snapshots (pytest-regressions) of every corpus document's extracted records.

Each document's records, in (doc, index) order: the spec's export fields plus
the evidence list (field, value, text, start, end, rule, status) sorted by
start, field, value. A change in any value or any rule that fired shows up as a
YAML diff under tests/test_snapshots/. Snapshots complement the meaning-level
tests of test_extract.py, they do not replace them: after a deliberate change,
check the diff, then regenerate with `pytest tests/test_snapshots.py --force-regen`.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from spacy.language import Language

from pipeline.documents import discover, read_document
from pipeline.extract import extract
from pipeline.paths import CORPUS_DIR
from pipeline.records import split_document
from pipeline.schema import ActionRecord

EVIDENCE_KEYS = ("field", "value", "text", "start", "end", "rule", "status")
DOCUMENTS = discover(CORPUS_DIR)


def snapshot(nlp: Language, path: Path) -> dict[str, Any]:
    doc = read_document(path)
    records = []
    for out in extract(nlp, split_document(doc)):
        if not isinstance(out, ActionRecord):
            records.append({"doc": out.doc, "index": out.index, "reject": out.reason})
            continue
        evidence = sorted(out.evidence, key=lambda e: (e.start, e.field, e.value or ""))
        records.append(out.export() | {"evidence": [e.model_dump(include=set(EVIDENCE_KEYS)) for e in evidence]})
    records.sort(key=lambda r: (r["doc"], r["index"]))
    return {"doc": doc.name, "kind": doc.kind, "records": records}


def test_corpus_has_documents() -> None:
    assert [p.name for p in DOCUMENTS] == ["000_3a8d02358315f3d7.txt", "004_a00941e2d125b2e4.txt"]


@pytest.mark.parametrize("path", DOCUMENTS, ids=[p.stem for p in DOCUMENTS])
def test_records_snapshot(nlp: Language, path: Path, data_regression: Any) -> None:
    data = snapshot(nlp, path)
    assert data["records"], path.name
    data_regression.check(data, basename=path.stem)
