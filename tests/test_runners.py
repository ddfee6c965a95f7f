"""The other runners give exactly the default runner's results: worker processes of this
machine (pipeline.parallel) and Dask (prefect-dask, 2-worker local cluster)."""

from __future__ import annotations

from pathlib import Path

import pytest

import flows
from pipeline import parallel
from pipeline.diff import diff_states, state_from_db
from pipeline.paths import CORPUS_DIR


@pytest.mark.parametrize("runner", ["processes", "dask"])
def test_runner_matches_default(prefect_harness, corpus_db: Path, tmp_path: Path, runner: str) -> None:
    db = tmp_path / f"{runner}.duckdb"
    summary = flows.with_runner(runner, workers=2)(CORPUS_DIR, db)
    assert (summary["documents"], summary["records"], summary["extracted"]) == (2, 88, 88)
    diff = diff_states(state_from_db(corpus_db), state_from_db(db))
    assert diff.empty, diff.changed[:3]


def test_worker_processes_extract_and_are_reused(nlp) -> None:
    from pipeline.documents import read_document
    from pipeline.split import split_document
    from pipeline.run import extract_records

    records = split_document(read_document(CORPUS_DIR / "004_a00941e2d125b2e4.txt"))
    try:
        in_worker = parallel.extract_records(records, 1)
        pool = parallel.pool(1)
        assert parallel.extract_records(records, 1).records == in_worker.records
        assert parallel.pool(1) is pool  # started once, kept for the next batches
    finally:
        parallel.shutdown()
    assert in_worker.records == extract_records(records).records


def test_pool_size_must_be_positive() -> None:
    with pytest.raises(ValueError, match="at least 1"):
        parallel.pool(0)


def test_unknown_runner_is_refused() -> None:
    with pytest.raises(ValueError, match="unknown runner 'spark'"):
        flows.with_runner("spark")


def test_concurrent_first_batches_share_one_pool() -> None:
    """The flow submits its first batches from several runner threads at once: one pool, not one each."""
    from concurrent.futures import ThreadPoolExecutor

    from pipeline import parallel

    parallel.shutdown()
    try:
        with ThreadPoolExecutor(4) as threads:
            pools = list(threads.map(lambda _: parallel.pool(2), range(8)))
        assert all(p is pools[0] for p in pools)
    finally:
        parallel.shutdown()
