"""Where the time goes: CPU time per pipeline component, and per step of a run without Prefect.

1. Components: the records of a synthetic corpus go through `make_doc`, each
   pipe of the spaCy pipeline in turn, then `to_record` (validation); CPU
   microseconds per record for each.
2. Steps: the steps the Prefect flow wraps (pipeline.run: split, select,
   extract, load into DuckDB, …) called directly on the same corpus, a full run
   then a no-change re-run into a fresh database, wall seconds per step.

    python bench/profile_extract.py --records 1000 --steps-records 2000
"""

from __future__ import annotations

import argparse
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from bench.bench_extract import machine  # noqa: E402
from bench.synth import ensure  # noqa: E402


def components(corpus: Path) -> list[str]:
    from pipeline.documents import discover, read_document
    from pipeline.extract import make_doc, to_record
    from pipeline.split import split_document
    from pipeline.run import get_nlp

    nlp = get_nlp()
    recs = [r for p in discover(corpus) for r in split_document(read_document(p))]
    cpu: Counter[str] = Counter()
    t0 = time.process_time()
    docs = [make_doc(nlp, r) for r in recs]
    cpu["make_doc (tokenizer)"] = time.process_time() - t0
    for name, proc in nlp.pipeline:
        t0 = time.process_time()
        docs = [proc(d) for d in docs]
        cpu[name] = time.process_time() - t0
    t0 = time.process_time()
    for r, d in zip(recs, docs):
        to_record(r, d)
    cpu["to_record (pydantic)"] = time.process_time() - t0
    total = sum(cpu.values())
    lines = [f"{len(recs)} records, {len(recs) / total:.0f} records/s (CPU)", f"{'step':<24} {'us/record':>9} {'share':>6}"]
    lines += [f"{k:<24} {1e6 * v / len(recs):>9.0f} {100 * v / total:>5.1f}%" for k, v in cpu.items()]
    return lines


def steps(corpus: Path, db: Path) -> list[str]:
    from pipeline import run
    from pipeline.documents import is_large

    for stale in (db, Path(f"{db}.wal")):
        stale.unlink(missing_ok=True)
    lines = []
    for label in ("full", "no-change"):
        wall: Counter[str] = Counter()

        def timed(step: str, fn, *args):
            t0 = time.perf_counter()
            out = fn(*args)
            wall[step] += time.perf_counter() - t0
            return out

        started = time.perf_counter()
        paths = timed("discover", run.discover_documents, corpus)
        version = timed("prepare (load pipeline)", run.prepare)
        run_id = timed("start_run", run.start_run, db, version)
        summary = run.Summary()
        for chunk in run.chunks(paths):
            if len(chunk) == 1 and is_large(Path(chunk[0])):
                split, *counts = timed("process_large", run.process_large, run_id, version, chunk[0], corpus)
                summary.add_streamed(split, *counts)
                continue
            planned = timed("plan", run.plan_chunk, run_id, chunk, version, corpus)
            splits = timed("split", run.split_chunk, planned.to_split, corpus)
            todo, unchanged = timed("select", run.select_chunk, run_id, splits, version)
            result = run.merge([timed("extract", run.extract_records, b) for b in run.batches(todo)])
            timed("load (DuckDB)", run.load_chunk, run_id, version, planned, splits, result)
            summary.add_chunk(planned, splits, result, unchanged)
        timed("settle", run.settle, run_id)
        timed("finish_run", run.finish_run, run_id, summary)
        total = time.perf_counter() - started
        counts = summary.as_dict()
        lines.append(f"{label}: {total:.1f}s for {counts['records']} records "
                     f"(extracted {counts['extracted']}, unchanged {counts['unchanged']})")
        lines += [f"  {k:<24} {v:>7.2f}s {100 * v / total:>5.1f}%" for k, v in wall.items() if v >= 0.005]
    return lines


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--records", type=int, default=1000, help="synthetic records for the component profile")
    ap.add_argument("--steps-records", type=int, default=2000, help="synthetic records for the step profile (0: skip)")
    ap.add_argument("--work", type=Path, default=ROOT / "outputs" / "bench")
    ap.add_argument("--out", type=Path, default=ROOT / "bench" / "results" / "profile.txt")
    a = ap.parse_args(argv)
    report = [f"bench/profile_extract.py {' '.join(argv if argv is not None else sys.argv[1:])}", machine(), "",
              "1. pipeline components (CPU time)", *components(ensure(a.work / f"synth_{a.records}", a.records))]
    if a.steps_records:
        corpus = ensure(a.work / f"synth_{a.steps_records}", a.steps_records)
        report += ["", "2. steps of a run without Prefect (wall time)", *steps(corpus, a.work / "profile_steps.duckdb")]
    print("\n".join(report))
    a.out.parent.mkdir(parents=True, exist_ok=True)
    a.out.write_text("\n".join(report) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
