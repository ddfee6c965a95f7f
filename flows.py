"""Prefect flows: wiring only. Each task wraps one function of pipeline.run.

`python flows.py` runs `extract_corpus` on corpus/ into outputs/socieux.duckdb
in Prefect's ephemeral mode (no server to start) and prints the summary.
"""

from __future__ import annotations

import json
import sys
from collections import deque
from datetime import timedelta
from pathlib import Path

from prefect import flow, task
from prefect.task_runners import ThreadPoolTaskRunner

from pipeline import run
from pipeline.documents import is_large
from pipeline.paths import CORPUS_DIR, DB_PATH
from pipeline.progress import RunProgress

discover_task = task(run.discover_documents, name="discover", retries=2, retry_delay_seconds=1)
prepare_task = task(run.prepare, name="prepare-pipeline")
# cached by file content + splitter data (run.split_cache_key): an unchanged file is not re-split.
# Extraction is not cached here: the database already skips unchanged records per (doc, index).
split_task = task(run.split_path, name="split", retries=2, retry_delay_seconds=1,
                  cache_key_fn=run.split_cache_key, cache_expiration=timedelta(days=7), persist_result=True)
select_task = task(run.select_changed, name="select-changed")
extract_task = task(run.extract_records, name="extract-validate")
start_task = task(run.start_run, name="start-run", retries=2, retry_delay_seconds=1)  # I/O: open the db
load_task = task(run.load, name="load")
infer_task = task(run.infer_partners, name="infer-partners")
finish_task = task(run.finish_run, name="finish-run")
abort_task = task(run.abort_run, name="abort-run")
large_task = task(run.process_large, name="stream-large-document")


#: documents whose extraction may be in flight before the oldest is loaded (bounded memory)
WINDOW = 4


# one extraction thread by default: the spaCy pipeline of a process is not shared between threads
@flow(name="extract-corpus", log_prints=True, task_runner=ThreadPoolTaskRunner(max_workers=1))
def extract_corpus(corpus_dir: Path = CORPUS_DIR, db_path: Path = DB_PATH, progress: bool = False) -> dict:
    """Discover, split, extract, validate and load every document of corpus_dir, in one transaction.

    Extraction is submitted in record batches to the flow's task runner (threads by default,
    Dask workers with `with_runner("dask")`); selection and loading stay in this process,
    the single writer of the database.
    """
    timer = run.Timer()
    summary = run.Summary()
    paths = discover_task(corpus_dir)
    version = prepare_task()
    run_id = start_task(db_path, version)
    pending: deque = deque()

    def load_oldest(bar: RunProgress) -> None:
        split, unchanged, futures = pending.popleft()
        result = run.merge([f.result() for f in futures])
        load_task(run_id, version, split, result)
        summary.add(split, result, unchanged)
        bar.document_done(split.name, len(split.records))

    try:
        with RunProgress(len(paths), enabled=progress) as bar:
            for path in paths:
                if is_large(Path(path)):  # streamed part by part, bounded memory
                    split, *counts = large_task(run_id, version, path, corpus_dir)
                    summary.add_streamed(split, *counts)
                    bar.document_done(split.name, counts[0])
                    continue
                split = split_task(path, corpus_dir)
                todo, unchanged = select_task(run_id, split, version)
                pending.append((split, unchanged, [extract_task.submit(b) for b in run.batches(todo)]))
                while len(pending) > WINDOW:
                    load_oldest(bar)
            while pending:
                load_oldest(bar)
        infer_task(run_id)
        summary.seconds = timer.seconds()
        finish_task(run_id, summary)
    except BaseException as exc:
        abort_task(db_path, run_id, f"{type(exc).__name__}: {exc}")
        raise
    for problem in summary.failed_documents:
        print(f"not loaded: {problem}")
    return summary.as_dict()


def with_runner(runner: str = "local", address: str | None = None, workers: int = 2):
    """extract_corpus on a task runner: "local" (one extraction thread: spaCy objects are not
    shared between threads) or "dask" (prefect-dask; a local cluster of `workers` processes,
    or the scheduler at `address`, e.g. tcp://10.0.0.5:8786)."""
    if runner == "local":
        return extract_corpus
    if runner == "dask":
        from prefect_dask import DaskTaskRunner

        if address:
            return extract_corpus.with_options(task_runner=DaskTaskRunner(address=address))
        return extract_corpus.with_options(task_runner=DaskTaskRunner(
            cluster_kwargs={"n_workers": workers, "threads_per_worker": 1, "processes": True,
                            "dashboard_address": None}))
    raise ValueError(f"unknown runner {runner!r}: use 'local' or 'dask'")


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


def serve(cron: str = DEFAULT_CRON, corpus_dir: Path = CORPUS_DIR, db_path: Path = DB_PATH) -> None:
    """Serve the deployment (blocks): runs on the cron schedule until interrupted."""
    from prefect import serve as prefect_serve

    prefect_serve(deployment(cron, corpus_dir, db_path))


if __name__ == "__main__":
    import os

    os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")  # no network here: no telemetry
    if len(sys.argv) > 1 and sys.argv[1] == "serve":
        serve(sys.argv[2] if len(sys.argv) > 2 else DEFAULT_CRON)
    else:
        print(json.dumps(extract_corpus(Path(sys.argv[1]) if len(sys.argv) > 1 else CORPUS_DIR), indent=2))
