"""Extraction in worker processes: every core of one machine, without a Dask cluster.

The runner "processes" (`socieux run --runner processes`) keeps the flow as it is
(planning, splitting, selection and the DuckDB load in the flow's process, the
single writer) and sends each record batch to a pool of worker processes, each
holding its own spaCy pipeline: spaCy's Python-level work holds the GIL, so
threads alone would not use a second core. Batches go out as `RawRecord` lists
and come back as validated records (`run.Extracted`), pickled.

Workers are started with "spawn" (a fresh interpreter each): forking a process
that already runs Prefect's and DuckDB's threads could copy a lock held by one of
them. Each worker loads the serialised pipeline once, when it starts.
"""

from __future__ import annotations

import atexit
import multiprocessing
import threading
from concurrent.futures import ProcessPoolExecutor
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from pipeline.records import RawRecord
    from pipeline.run import Extracted

_pool: ProcessPoolExecutor | None = None
_size = 0
#: the flow submits batches from several runner threads at once: without it, the first two
#: batches could each start a pool (measured: a third worker process loading its own pipeline)
_lock = threading.Lock()


def _start_worker() -> None:
    from pipeline.run import get_nlp

    get_nlp()


def pool(processes: int) -> ProcessPoolExecutor:
    """The process pool of this process with `processes` workers (started on first use, kept)."""
    global _pool, _size
    if processes < 1:
        raise ValueError(f"processes must be at least 1, got {processes}")
    with _lock:
        if _pool is None or _size != processes:
            _shutdown()
            _pool = ProcessPoolExecutor(processes, mp_context=multiprocessing.get_context("spawn"),
                                        initializer=_start_worker)
            _size = processes
        return _pool


def extract_records(records: list[RawRecord], processes: int) -> Extracted:
    """`run.extract_records(records)` in one of the pool's worker processes."""
    from pipeline.run import extract_records as extract_here

    return pool(processes).submit(extract_here, records).result()


def shutdown() -> None:
    """Stop the workers (at exit, or when another pool size is asked for)."""
    with _lock:
        _shutdown()


def _shutdown() -> None:
    global _pool, _size
    if _pool is not None:
        _pool.shutdown(wait=True, cancel_futures=True)
    _pool, _size = None, 0


atexit.register(shutdown)
