"""A scheduled run that finds one new record: how long it takes, start-up included, and where the time goes.

`socieux serve --cron "* * * * *"` runs over a copy of corpus/ already
extracted into a database (no Prefect server configured: the serving process
keeps the clock, see pipeline/schedule.py). Once it is up, one new record
arrives (a new listing file holding one record: the corpus's first record with
another title). The next scheduled run is measured from its cron tick to the
`finished_at` the run writes in the database, and by the flow's own seconds.

For comparison, the same one-new-record change is run with a cold
`socieux run` (interpreter start, imports, Prefect's temporary server, the
flow), and the start-up costs are timed one by one in fresh interpreters:
importing flows.py, loading the pipeline, opening the database, starting
Prefect's temporary server.

    python bench/bench_scheduled.py
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from bench.bench_e2e import socieux_cmd  # noqa: E402
from bench.bench_extract import machine  # noqa: E402

LISTING = "000_3a8d02358315f3d7.txt"


def new_record_file(corpus: Path, n: int) -> Path:
    """A new listing file with one record: the corpus listing's first record under a new title."""
    from pipeline.documents import read_document
    from pipeline.split import split_document

    first = split_document(read_document(ROOT / "corpus" / LISTING))[0]
    text = "  • " + f"New action {n}: " + first.text.lstrip("•· ").lstrip()
    path = corpus / f"new_{n}.txt"
    path.write_text(text + "\n", encoding="utf-8")
    return path


def timed_python(code: str, env: dict[str, str]) -> float:
    """Seconds a fresh interpreter takes to run `code` (interpreter start included)."""
    t0 = time.perf_counter()
    subprocess.run([sys.executable, "-c", code], check=True, env=env, cwd=ROOT, capture_output=True)
    return time.perf_counter() - t0


def run_cli(corpus: Path, db: Path, env: dict[str, str]) -> tuple[float, dict]:
    t0 = time.perf_counter()
    out = subprocess.run([*socieux_cmd(), "run", "--corpus", str(corpus), "--db", str(db), "--json"],
                         check=True, env=env, cwd=ROOT, capture_output=True, text=True).stdout
    return time.perf_counter() - t0, json.loads(out.strip().splitlines()[-1])


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--work", type=Path, default=ROOT / "outputs" / "bench" / "scheduled")
    ap.add_argument("--out", type=Path, default=ROOT / "bench" / "results" / "scheduled.txt")
    ap.add_argument("--timeout", type=float, default=240.0, help="seconds to wait for the scheduled run")
    a = ap.parse_args(argv)
    shutil.rmtree(a.work, ignore_errors=True)
    corpus, db, home = a.work / "corpus", a.work / "socieux.duckdb", a.work / "prefect_home"
    shutil.copytree(ROOT / "corpus", corpus, ignore=shutil.ignore_patterns("gold"))
    env = dict(os.environ, PREFECT_HOME=str(home), PREFECT_SERVER_ANALYTICS_ENABLED="false")
    report = [f"bench/bench_scheduled.py {' '.join(argv if argv is not None else sys.argv[1:])}", machine(), ""]
    print("\n".join(report), flush=True)

    # 1. start-up costs, one by one, in fresh interpreters
    costs = {
        "interpreter alone": timed_python("pass", env),
        "import flows (prefect, spaCy, pipeline)": timed_python("import flows", env),
        "import + load the serialised pipeline": timed_python("from pipeline.run import get_nlp; get_nlp()", env),
        "import + open DuckDB": timed_python(f"from pipeline import store; store.connect(__import__('pathlib').Path({str(a.work / 'probe.duckdb')!r})).close()", env),
        "import + start and stop Prefect's temporary server": timed_python(
            "from prefect.server.api.server import SubprocessASGIServer as S; s = S(); s.start(); s.stop()", env),
    }
    # 2. cold `socieux run`: the corpus, then one new record
    first_wall, first = run_cli(corpus, db, env)
    new_record_file(corpus, 1)
    cold_wall, cold = run_cli(corpus, db, env)
    # 3. `socieux serve` (no Prefect server configured: it keeps the clock), one new record,
    #    the next tick; measured from the tick to the run's `finished_at` in the database
    log_path = a.work / "serve.log"
    with open(log_path, "w", encoding="utf-8") as log:
        serve = subprocess.Popen([*socieux_cmd(), "serve", "--cron", "* * * * *", "--corpus", str(corpus), "--db", str(db)],
                                 stdout=log, stderr=subprocess.STDOUT, env=env, cwd=ROOT)
    served = None
    try:
        started = time.time()
        while "serving extract-corpus" not in log_path.read_text(encoding="utf-8"):
            if time.time() - started > 120 or serve.poll() is not None:
                raise SystemExit(f"socieux serve did not start; see {log_path}")
            time.sleep(0.5)
        new_record_file(corpus, 2)
        added = time.time()
        while served is None and time.time() - added < a.timeout:
            time.sleep(2)
            m = re.search(r"scheduled run: (\{.*\})", log_path.read_text(encoding="utf-8"))
            served = json.loads(m.group(1)) if m else None
    finally:
        serve.terminate()
        try:
            serve.wait(30)
        except subprocess.TimeoutExpired:
            serve.kill()
    if served is None:
        raise SystemExit(f"no scheduled run finished within {a.timeout:.0f}s; see {log_path}")
    from pipeline import store

    con = store.connect(db)
    try:
        last = con.execute("SELECT documents, records, extracted, unchanged, rejected, status, started_at, finished_at "
                           "FROM runs ORDER BY run_id DESC LIMIT 1").fetchone()
    finally:
        con.close()
    finished = last[7]  # naive UTC
    tick = finished.replace(second=0, microsecond=0)  # "* * * * *": the run belongs to the minute it started in

    lines = ["1. start-up costs (fresh interpreter each, wall seconds)"]
    lines += [f"  {k:<52} {v:6.2f}" for k, v in costs.items()]
    lines += ["", "2. cold `socieux run` (interpreter, imports, Prefect's temporary server, flow)",
              f"  first run over corpus/ ({first['records']} records)          {first_wall:6.2f} s wall, flow {first['seconds']:.2f} s",
              f"  one new record (extracted {cold['extracted']}, unchanged {cold['unchanged']})   {cold_wall:6.2f} s wall, flow {cold['seconds']:.2f} s",
              "", "3. `socieux serve --cron '* * * * *'` (its own clock, pipeline and API kept warm), one new record",
              f"  tick -> run finished (database `runs.finished_at`)     {(finished - tick).total_seconds():6.2f} s",
              f"  flow alone (the run's reported seconds)               {served['seconds']:6.2f} s",
              f"  the run: documents {last[0]}, records {last[1]}, extracted {last[2]}, unchanged {last[3]}, "
              f"rejected {last[4]}, status {last[5]}"]
    report += lines
    print("\n".join(lines))
    a.out.parent.mkdir(parents=True, exist_ok=True)
    a.out.write_text("\n".join(report) + "\n", encoding="utf-8")
    print(f"written to {a.out}")


if __name__ == "__main__":
    main()
