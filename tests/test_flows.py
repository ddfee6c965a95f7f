"""flows.extract_corpus: one real Prefect run (session harness) on a tmp copy of corpus/,
into a tmp DuckDB, then a second run that must change nothing (idempotent load).
"""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import duckdb
import pytest

from pipeline.paths import CORPUS_DIR

SUMMARY_KEYS = {"documents", "records", "extracted", "unchanged", "rejected", "seconds"}
TABLES = ("documents", "actions", "sources", "evidence", "experts", "dates", "formats",
          "assistance_types", "action_refs", "rejects")


def copy_corpus(dst: Path) -> Path:
    dst.mkdir(parents=True, exist_ok=True)
    for path in CORPUS_DIR.glob("*.txt"):
        shutil.copy2(path, dst / path.name)
    shutil.copytree(CORPUS_DIR / "gold", dst / "gold")
    return dst


def counts(db: Path) -> dict[str, int]:
    with duckdb.connect(str(db), read_only=True) as con:
        return {t: con.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in TABLES}


@pytest.fixture(scope="module")
def two_runs(prefect_harness: None, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    from flows import extract_corpus

    base = tmp_path_factory.mktemp("flow")
    corpus, db = copy_corpus(base / "corpus"), base / "out" / "socieux.duckdb"
    first = extract_corpus(corpus, db)
    after_first = counts(db)
    second = extract_corpus(corpus, db)
    after_second = counts(db)
    with duckdb.connect(str(db), read_only=True) as con:
        runs = con.execute(
            "SELECT run_id, status, documents, records, extracted, unchanged, rejected, finished_at IS NOT NULL "
            "FROM runs ORDER BY run_id"
        ).fetchall()
        sources = con.execute("SELECT doc, idx FROM sources ORDER BY doc, idx").fetchall()
    return {"db": db, "first": first, "second": second, "after_first": after_first,
            "after_second": after_second, "runs": runs, "sources": sources}


def test_first_run_summary(two_runs: dict[str, Any]) -> None:
    first = two_runs["first"]
    assert set(first) == SUMMARY_KEYS
    assert {k: v for k, v in first.items() if k != "seconds"} == {
        "documents": 2, "records": 88, "extracted": 88, "unchanged": 0, "rejected": 0,
    }
    assert first["seconds"] > 0


def test_second_run_extracts_nothing(two_runs: dict[str, Any]) -> None:
    second = two_runs["second"]
    assert set(second) == SUMMARY_KEYS
    assert {k: v for k, v in second.items() if k != "seconds"} == {
        "documents": 2, "records": 88, "extracted": 0, "unchanged": 88, "rejected": 0,
    }


def test_second_run_leaves_the_same_rows(two_runs: dict[str, Any]) -> None:
    assert two_runs["after_second"] == two_runs["after_first"]
    first = two_runs["after_first"]
    assert first["documents"] == 2
    assert first["sources"] == 88
    assert 0 < first["actions"] <= 88  # an action listed twice is one action
    assert first["evidence"] > first["sources"]
    assert first["rejects"] == 0


def test_every_gold_record_has_a_source_row(two_runs: dict[str, Any]) -> None:
    expected = [("000_3a8d02358315f3d7.txt", i) for i in range(87)] + [("004_a00941e2d125b2e4.txt", 0)]
    assert two_runs["sources"] == expected


def test_runs_table_has_two_completed_rows(two_runs: dict[str, Any]) -> None:
    runs = two_runs["runs"]
    assert [r[1:] for r in runs] == [
        ("completed", 2, 88, 88, 0, 0, True),
        ("completed", 2, 88, 0, 88, 0, True),
    ]
    assert runs[0][0] < runs[1][0]
