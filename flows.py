"""Prefect flows: wiring only. Each task wraps one function of pipeline.run.

`python flows.py` runs `extract_corpus` on corpus/ into outputs/socieux.duckdb
in Prefect's ephemeral mode (no server to start) and prints the summary.
"""

from __future__ import annotations

import functools
import json
import sys
from collections import deque
from datetime import datetime
from pathlib import Path

from prefect import flow, task
from prefect.cache_policies import NO_CACHE
from prefect.task_runners import ThreadPoolTaskRunner

from pipeline import parallel, run
from pipeline.documents import is_large
from pipeline.paths import CORPUS_DIR, DB_PATH
from pipeline.progress import RunProgress

# Tasks pass large values (record batches, validated records): no input hashing for cache
# keys and no result persistence, which cost more than the extraction itself. Unchanged
# work is skipped by the database instead (run.plan_chunk, run.select_chunk).
UNCACHED = {"cache_policy": NO_CACHE, "persist_result": False}


class Sealed:
    """A large task argument (record batches, splits, validated records) passed as it is.

    Prefect walks lists, dicts, dataclasses and pydantic models of every task argument
    looking for futures to track; on record batches that walk cost as much as the
    extraction. It does not walk this plain object. (Prefect's own `quote` is a namedtuple,
    which Dask unpacks into a tuple on the way to a worker.)
    """

    __slots__ = ("value",)

    def __init__(self, value) -> None:
        self.value = value


def unsealed(fn):
    """`fn` taking its Sealed arguments as their values (the signature Prefect sees is fn's)."""

    @functools.wraps(fn)
    def call(*args, **kwargs):
        return fn(*(a.value if isinstance(a, Sealed) else a for a in args),
                  **{k: v.value if isinstance(v, Sealed) else v for k, v in kwargs.items()})

    return call


discover_task = task(run.discover_documents, name="discover", **UNCACHED, retries=2, retry_delay_seconds=1)
prepare_task = task(run.prepare, name="prepare-pipeline", **UNCACHED)
start_task = task(run.start_run, name="start-run", **UNCACHED, retries=2, retry_delay_seconds=1)  # I/O: open the db
# Documents go through in chunks (run.chunks, ~4 MB of text) and records in batches of 1,000:
# Prefect's cost per task run (~50 ms) stays small next to the work of each task.
# A document unchanged since the last run (same bytes, same pipeline version) is planned
# out before it is read; of the others, only new or changed records are extracted.
plan_task = task(run.plan_chunk, name="plan-chunk", **UNCACHED)
split_task = task(run.split_chunk, name="split-chunk", **UNCACHED, retries=2, retry_delay_seconds=1)
select_task = task(unsealed(run.select_chunk), name="select-changed", **UNCACHED)
extract_task = task(unsealed(run.extract_records), name="extract-validate", **UNCACHED)
# the same work in a worker process of pipeline.parallel (runner "processes")
extract_in_process_task = task(unsealed(parallel.extract_records), name="extract-validate", **UNCACHED)
load_task = task(unsealed(run.load_chunk), name="load-chunk", **UNCACHED)
large_task = task(run.process_large, name="stream-large-document", **UNCACHED)
settle_task = task(run.settle, name="settle", **UNCACHED)
finish_task = task(run.finish_run, name="finish-run", **UNCACHED)
abort_task = task(run.abort_run, name="abort-run", **UNCACHED)


#: chunks whose extraction may be in flight before the oldest is loaded (bounded memory)
WINDOW = 2


# one extraction thread by default: the spaCy pipeline of a process is not shared between threads
@flow(name="extract-corpus", log_prints=True, task_runner=ThreadPoolTaskRunner(max_workers=1))
def extract_corpus(corpus_dir: Path = CORPUS_DIR, db_path: Path = DB_PATH, progress: bool = False,
                   processes: int = 0) -> dict:
    """Discover, split, extract, validate and load every document of corpus_dir (one transaction
    up to run.CHECKPOINT_RECORDS records, then committed in steps).

    Extraction is submitted in record batches to the flow's task runner (threads by default,
    Dask workers with `with_runner("dask")`), or with `processes` > 0 to that many worker
    processes (`with_runner("processes")`); planning, selection and loading stay in this
    process, the single writer of the database.
    """
    timer = run.Timer()
    summary = run.Summary()
    paths = discover_task(corpus_dir)
    version = prepare_task(load=not processes)
    run_id = start_task(db_path, version)
    pending: deque = deque()

    def load_oldest(bar: RunProgress) -> None:
        planned, splits, unchanged, futures = pending.popleft()
        result = run.merge([f.result() for f in futures])
        load_task(run_id, version, Sealed(planned), Sealed(splits), Sealed(result))
        bar.documents_done(*summary.add_chunk(planned, splits, result, unchanged))

    try:
        with RunProgress(len(paths), enabled=progress) as bar:
            for chunk in run.chunks(paths):
                if len(chunk) == 1 and is_large(Path(chunk[0])):  # streamed part by part, bounded memory
                    split, *counts = large_task(run_id, version, chunk[0], corpus_dir)
                    summary.add_streamed(split, *counts)
                    bar.documents_done(1, counts[0])
                    continue
                planned = plan_task(run_id, chunk, version, corpus_dir)
                splits = split_task(planned.to_split, corpus_dir) if planned.to_split else []
                todo, unchanged = select_task(run_id, Sealed(splits), version) if splits else ([], {})
                futures = [extract_in_process_task.submit(Sealed(b), processes) if processes
                           else extract_task.submit(Sealed(b)) for b in run.batches(todo)]
                pending.append((planned, splits, unchanged, futures))
                while len(pending) > WINDOW:
                    load_oldest(bar)
            while pending:
                load_oldest(bar)
        settle_task(run_id)
        summary.seconds = timer.seconds()
        finish_task(run_id, summary)
    except BaseException as exc:
        abort_task(db_path, run_id, f"{type(exc).__name__}: {exc}")
        raise
    for problem in summary.failed_documents:
        print(f"not loaded: {problem}")
    return summary.as_dict()


RUNNERS = ("local", "processes", "dask")


def with_runner(runner: str = "local", address: str | None = None, workers: int = 2):
    """extract_corpus on a task runner: "local" (one extraction thread: spaCy objects are not
    shared between threads), "processes" (`workers` worker processes of this machine, fed by
    as many threads) or "dask" (prefect-dask; a local cluster of `workers` processes, or the
    scheduler at `address`, e.g. tcp://10.0.0.5:8786)."""
    if runner == "local":
        return extract_corpus
    if runner == "processes":
        return functools.partial(
            extract_corpus.with_options(task_runner=ThreadPoolTaskRunner(max_workers=workers)), processes=workers)
    if runner == "dask":
        from prefect_dask import DaskTaskRunner

        if address:
            return extract_corpus.with_options(task_runner=DaskTaskRunner(address=address))
        return extract_corpus.with_options(task_runner=DaskTaskRunner(
            cluster_kwargs={"n_workers": workers, "threads_per_worker": 1, "processes": True,
                            "dashboard_address": None}))
    raise ValueError(f"unknown runner {runner!r}: use one of {', '.join(RUNNERS)}")


DEFAULT_CRON = "0 6 * * *"  # daily at 06:00 (server time zone)


def deployment(cron: str = DEFAULT_CRON, corpus_dir: Path = CORPUS_DIR, db_path: Path = DB_PATH):
    """The scheduled deployment of extract_corpus: new files in corpus_dir are picked up each tick."""
    return extract_corpus.to_deployment(
        name="socieux-scheduled",
        cron=cron,
        parameters={"corpus_dir": str(corpus_dir), "db_path": str(db_path)},
        description="Re-extract new or changed SOCIEUX+ records on a schedule.",
        tags=["socieux"],
    )


def serve(cron: str = DEFAULT_CRON, corpus_dir: Path = CORPUS_DIR, db_path: Path = DB_PATH,
          prefect_server: bool | None = None) -> None:
    """Run extract_corpus on the cron schedule until interrupted (blocks).

    With a Prefect server (default: when PREFECT_API_URL is set), the deployment is served and
    the server's scheduler triggers it; otherwise this process keeps the clock and runs the
    flow at each tick (pipeline.schedule).
    """
    from prefect.settings import PREFECT_API_URL

    if prefect_server if prefect_server is not None else bool(PREFECT_API_URL.value()):
        from prefect import serve as prefect_serve

        prefect_serve(deployment(cron, corpus_dir, db_path))
        return
    from pipeline.schedule import next_tick, run_on_schedule

    def tick() -> None:
        summary = extract_corpus(Path(corpus_dir), Path(db_path))
        print(f"scheduled run: {json.dumps(summary)}", flush=True)

    # start-up now, not at the first tick: Prefect's API (a temporary server kept for this
    # process) and the spaCy pipeline; a tick then costs about the flow's own time
    from prefect.client.orchestration import get_client

    with get_client(sync_client=True) as client:
        client.hello()
    run.prepare()
    print(f"serving extract-corpus on {cron!r} (next run {next_tick(cron, datetime.now()):%Y-%m-%d %H:%M}); "
          "Ctrl-C stops", flush=True)
    run_on_schedule(cron, tick, on_error=lambda exc: print(f"scheduled run failed: {exc}", flush=True))


if __name__ == "__main__":
    import os

    os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")  # no network here: no telemetry
    if len(sys.argv) > 1 and sys.argv[1] == "serve":
        serve(sys.argv[2] if len(sys.argv) > 2 else DEFAULT_CRON)
    else:
        print(json.dumps(extract_corpus(Path(sys.argv[1]) if len(sys.argv) > 1 else CORPUS_DIR), indent=2))
