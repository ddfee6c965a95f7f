"""End to end: `socieux run` on a synthetic corpus, full run then no-change re-run.

Each run is the real command line (`socieux run --corpus DIR --db FILE --json`)
in a child process: Prefect flow in ephemeral mode (temporary API server),
pipeline loading, reading and splitting, extraction, DuckDB writes. Reported
per run: wall time seen from outside, the flow's own `seconds` (from its JSON
summary), records extracted / unchanged, and the child's peak resident memory
(`ru_maxrss` from `os.wait4`, i.e. the largest process of the tree it reaped).
Prefect keeps its state in a fresh PREFECT_HOME under --work, so runs do not
touch ~/.prefect and start alike; a first run on a 10-record corpus (reported
as the warm-up) creates Prefect's database before the measured runs.

    python bench/bench_e2e.py                  # 10,000 records
    python bench/bench_e2e.py --sizes 1000 10000
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from bench.bench_extract import machine, measure  # noqa: E402
from bench.synth import ensure  # noqa: E402


def socieux_cmd() -> list[str]:
    """`socieux` of this checkout: the CLI module run with the checkout as the working directory
    (first on sys.path), so a copy of the repository (a git worktree) benchmarks its own code
    even when another checkout is the one installed in the environment."""
    return [sys.executable, "-m", "pipeline.cli"]


class TreeMemory(threading.Thread):
    """Samples the summed RSS of a process and all its descendants (Prefect's server, Dask
    workers) every 0.2 s; `peak` is the largest sum seen, in MiB."""

    def __init__(self, pid: int) -> None:
        super().__init__(daemon=True)
        self.pid, self.peak, self.done = pid, 0.0, threading.Event()

    def run(self) -> None:
        import psutil

        try:
            root = psutil.Process(self.pid)
        except psutil.Error:
            return
        while not self.done.is_set():
            total = 0
            try:
                for p in [root, *root.children(recursive=True)]:
                    try:
                        total += p.memory_info().rss
                    except psutil.Error:
                        pass
            except psutil.Error:
                break
            self.peak = max(self.peak, total / 2**20)
            self.done.wait(0.2)


def run_once(corpus: Path, db: Path, env: dict[str, str], runner: str = "local") -> dict:
    """One `socieux run`; wall time, the flow's JSON summary, the largest process's peak RSS
    and the peak of the whole process tree's summed RSS."""
    cmd = [*socieux_cmd(), "run", "--corpus", str(corpus), "--db", str(db), "--json", "--runner", runner]
    t0 = time.perf_counter()
    with open(db.with_suffix(".log"), "a", encoding="utf-8") as log:
        child = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=log, text=True, env=env, cwd=ROOT)
        tree = TreeMemory(child.pid)
        tree.start()
        out = child.stdout.read() if child.stdout else ""
        _, status, usage = os.wait4(child.pid, 0)
        tree.done.set()
        child.returncode = os.waitstatus_to_exitcode(status)
    wall = time.perf_counter() - t0
    if child.returncode != 0:
        raise SystemExit(f"socieux run failed ({child.returncode}); see {db.with_suffix('.log')}")
    summary = json.loads(out.strip().splitlines()[-1])
    return {"wall": wall, "peak_rss_mib": usage.ru_maxrss / 1024, "tree_rss_mib": tree.peak, **summary}


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--sizes", type=int, nargs="+", default=[10000])
    ap.add_argument("--work", type=Path, default=ROOT / "outputs" / "bench")
    ap.add_argument("--out", type=Path, default=ROOT / "bench" / "results" / "e2e.txt")
    ap.add_argument("--runner", choices=["local", "processes", "dask"], default="local", help="socieux run --runner")
    a = ap.parse_args(argv)

    header = [f"bench/bench_e2e.py {' '.join(argv if argv is not None else sys.argv[1:])}", machine()]
    print("\n".join(header), flush=True)
    prefect_home = a.work / "prefect_home"
    shutil.rmtree(prefect_home, ignore_errors=True)
    env = dict(os.environ, PREFECT_HOME=str(prefect_home))
    rows: list[tuple[int, str, dict]] = []
    floors: dict[int, float] = {}
    warm_db = a.work / "e2e_warmup.duckdb"
    warm_db.unlink(missing_ok=True)
    rows.append((10, "warm-up", run_once(ensure(a.work / "synth_10", 10), warm_db, env, a.runner)))
    print(f"warm-up: {rows[-1][2]['wall']:.1f}s", flush=True)
    for size in sorted(a.sizes):
        corpus = ensure(a.work / f"synth_{size}", size)
        db = a.work / f"e2e_{size}.duckdb"
        for stale in (db, db.with_suffix(".duckdb.wal"), db.with_suffix(".log")):
            stale.unlink(missing_ok=True)
        for label in ("full", "no-change"):
            r = run_once(corpus, db, env, a.runner)
            rows.append((size, label, r))
            print(f"[{size}] {label}: {r['wall']:.1f}s wall, flow {r['seconds']:.1f}s, "
                  f"peak RSS {r['peak_rss_mib']:.0f} MiB (tree {r['tree_rss_mib']:.0f} MiB)", flush=True)
        floor = measure("tokenizer", corpus, ROOT)
        floors[size] = floor["seconds"]
        print(f"[{size}] tokenizer alone: {floor['seconds']:.1f}s", flush=True)

    head = f"{'size':>8} {'run':<10} {'wall s':>8} {'flow s':>8} {'outside flow s':>14} {'extracted':>9} " \
           f"{'unchanged':>9} {'records/s':>9} {'peak RSS MiB':>12} {'tree RSS MiB':>12} {'wall/tokenizer':>14}"
    lines = [head, "-" * len(head)]
    for size, label, r in rows:
        rate = r["records"] / r["wall"] if r["wall"] else 0.0
        ratio = f"{r['wall'] / floors[size]:>13.1f}x" if size in floors else f"{'':>14}"
        lines.append(f"{size:>8} {label:<10} {r['wall']:>8.1f} {r['seconds']:>8.1f} {r['wall'] - r['seconds']:>14.1f} "
                     f"{r['extracted']:>9} {r['unchanged']:>9} {rate:>9.0f} {r['peak_rss_mib']:>12.0f} "
                     f"{r['tree_rss_mib']:>12.0f} {ratio}")
    lines += ["", "tokenizer alone (spacy.blank('en') over the same record texts, fresh process, same run):"]
    lines += [f"{size:>8}: {sec:.2f}s" for size, sec in floors.items()]
    notes = [
        f"runner: socieux run --runner {a.runner}.",
        "wall = the command seen from outside (interpreter start, imports, Prefect's temporary server, flow);",
        "flow = the `seconds` the command reports (the flow alone); records/s = records in the corpus / wall;",
        "peak RSS = the largest single process (ru_maxrss); tree RSS = peak of the summed RSS of the command",
        "and all its child processes (Prefect's server, Dask workers), sampled every 0.2 s;",
        "wall/tokenizer = wall of the run / seconds of the tokenizer alone over the same texts.",
    ]
    report = header + ["", *lines, "", *notes]
    print("\n" + "\n".join(report[2:]))
    a.out.parent.mkdir(parents=True, exist_ok=True)
    a.out.write_text("\n".join(report) + "\n", encoding="utf-8")
    print(f"written to {a.out}")


if __name__ == "__main__":
    main()
