"""The Dask runner (prefect-dask, 2-worker local cluster) gives exactly the default runner's results."""

from __future__ import annotations

from pathlib import Path

import flows
from pipeline.diff import diff_states, state_from_db
from pipeline.paths import CORPUS_DIR


def test_dask_runner_matches_default(prefect_harness, corpus_db: Path, tmp_path: Path) -> None:
    db = tmp_path / "dask.duckdb"
    summary = flows.with_runner("dask", workers=2)(CORPUS_DIR, db)
    assert (summary["documents"], summary["records"], summary["extracted"]) == (2, 88, 88)
    diff = diff_states(state_from_db(corpus_db), state_from_db(db))
    assert diff.empty, diff.changed[:3]


def test_unknown_runner_is_refused() -> None:
    import pytest

    with pytest.raises(ValueError, match="unknown runner 'spark'"):
        flows.with_runner("spark")
