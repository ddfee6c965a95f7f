"""`socieux` command line: argument parsing only; every command calls the library."""

from __future__ import annotations

import json
import os
from pathlib import Path

import typer

from pipeline.paths import CORPUS_DIR, DB_PATH, OUTPUTS_DIR, SNAPSHOT_DIR

app = typer.Typer(help="SOCIEUX+ action extractor: listings and news items -> DuckDB.", no_args_is_help=True)


def _exit_on_sigterm() -> None:
    """SIGTERM (`kill`, a service manager stopping the job) ends the command as an exception,
    not abruptly, also before the flow starts (while the flow runs, Prefect raises its own
    TerminationSignal): the run is recorded as failed in `runs`, and Prefect's temporary server
    and the worker processes are shut down instead of being left running."""
    import signal
    import sys

    signal.signal(signal.SIGTERM, lambda signum, frame: sys.exit(128 + signum))


def _require_db(db: Path) -> None:
    """A database the command reads must exist: say how to make it."""
    if not db.exists():
        raise typer.BadParameter(f"{db} does not exist; run `socieux run --db {db}` first", param_hint="--db")


@app.command("run")
def run_cmd(
    corpus: Path = typer.Option(CORPUS_DIR, "--corpus", help="Directory of listings and news items."),
    db: Path = typer.Option(DB_PATH, "--db", help="DuckDB file to write."),
    as_json: bool = typer.Option(False, "--json", help="Print the summary as one JSON object."),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="No progress bars, no Prefect logs (for cron)."),
    runner: str = typer.Option("local", "--runner",
                               help="Where extraction runs: local (one thread), processes (worker processes "
                                    "of this machine) or dask."),
    address: str = typer.Option(None, "--address", help="Dask scheduler address (default: a local cluster)."),
    workers: int = typer.Option(2, "--workers", help="Worker processes (runner processes, or a local Dask cluster)."),
) -> None:
    """Extract every document of the corpus into the database (Prefect flow, ephemeral mode)."""
    os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")  # no network here: no telemetry
    if quiet or as_json:
        os.environ.setdefault("PREFECT_LOGGING_LEVEL", "WARNING")
    _exit_on_sigterm()
    from flows import with_runner
    from pipeline.documents import DocumentError, discover
    from pipeline.run import check_database
    from pipeline.store import StoreError

    try:
        check_database(db)
        discover(corpus)  # a missing corpus directory is reported before Prefect starts
        summary = with_runner(runner, address, workers)(corpus, db, progress=not (quiet or as_json))
    except (StoreError, DocumentError) as exc:
        typer.echo(f"socieux run: {exc}", err=True)
        raise typer.Exit(2) from None
    if as_json:
        typer.echo(json.dumps(summary))
    elif not quiet:
        typer.echo(
            f"documents {summary['documents']}  records {summary['records']}  extracted {summary['extracted']}  "
            f"unchanged {summary['unchanged']}  rejected {summary['rejected']}  seconds {summary['seconds']}"
        )


@app.command("export")
def export_cmd(
    db: Path = typer.Option(DB_PATH, "--db", help="DuckDB file to read."),
    jsonl: Path = typer.Option(None, "--jsonl", help="JSON Lines file to write (spec format, one line per record)."),
    parquet: Path = typer.Option(None, "--parquet",
                                 help="Directory to write: actions as Parquet, one partition per partner country."),
    csv: Path = typer.Option(None, "--csv", help="CSV file to write: one row per action (lists '; '-separated)."),
) -> None:
    """Write the records as JSON Lines (spec format) and/or the actions as Parquet or CSV; at least one."""
    from pipeline.exports import ExportError, export
    from pipeline.store import StoreError

    if jsonl is None and parquet is None and csv is None:
        raise typer.BadParameter("give at least one of --jsonl FILE, --parquet DIR, --csv FILE", param_hint="--jsonl")
    _require_db(db)
    try:
        counts = export(db, jsonl=jsonl, parquet=parquet, csv=csv)
    except (ExportError, StoreError) as exc:
        typer.echo(f"socieux export: {exc}", err=True)
        raise typer.Exit(2) from None
    for kind, out in (("jsonl", jsonl), ("parquet", parquet), ("csv", csv)):
        if kind in counts:
            typer.echo(f"wrote {counts[kind]} {'records' if kind == 'jsonl' else 'actions'} to {out}")


@app.command("report")
def report_cmd(
    db: Path = typer.Option(DB_PATH, "--db", help="DuckDB file to read."),
    out: Path = typer.Option(OUTPUTS_DIR / "report.html", "--out", help="HTML file to write (self-contained)."),
) -> None:
    """One self-contained HTML report: charts, a filterable table, each record with its evidence marked."""
    from pipeline.report import build_report
    from pipeline.store import StoreError

    _require_db(db)
    try:
        stats = build_report(db, out)
    except StoreError as exc:
        typer.echo(f"socieux report: {exc}", err=True)
        raise typer.Exit(2) from None
    typer.echo(f"wrote {out}: {stats['actions']} actions, {stats['review']} with values to review, "
               f"{stats['rejects']} rejected records")


@app.command("evaluate")
def evaluate_cmd(
    gold: Path = typer.Argument(..., help="Gold JSON Lines file (EXTRACTION_SPEC.md format)."),
    db: Path = typer.Option(DB_PATH, "--db", help="DuckDB file to evaluate."),
    as_json: bool = typer.Option(False, "--json", help="Print the metrics as JSON."),
    errors: bool = typer.Option(True, "--errors/--no-errors", help="List every disagreement with its evidence."),
) -> None:
    """Per-field precision/recall/F1 against gold, and every disagreement with its evidence."""
    from pipeline.run import evaluate

    _require_db(db)
    report = evaluate(gold, db)
    if as_json:
        typer.echo(json.dumps(report.metrics, indent=2))
    else:
        from pipeline.evaluate import format_report

        typer.echo(format_report(report, show_disagreements=errors))


@app.command("diff")
def diff_cmd(
    db: Path = typer.Option(DB_PATH, "--db", help="The new extraction (DuckDB file)."),
    base: Path = typer.Option(None, "--base", help="The old extraction (DuckDB file) to compare with."),
    against_snapshots: bool = typer.Option(False, "--against-snapshots",
                                           help="Compare with the committed snapshots of corpus/ instead."),
    snapshots: Path = typer.Option(SNAPSHOT_DIR, "--snapshots", help="Snapshot directory (with --against-snapshots)."),
) -> None:
    """Markdown report: actions added, removed, and every changed value with its evidence."""
    from pipeline import diff

    if against_snapshots == (base is not None):
        raise typer.BadParameter("give exactly one of --base OLD.duckdb or --against-snapshots", param_hint="--base")
    for path in [db] + ([base] if base else []):
        _require_db(path)
    old = diff.state_from_snapshots(snapshots) if against_snapshots else diff.state_from_db(base)
    old_name = str(snapshots) if against_snapshots else str(base)
    typer.echo(diff.to_markdown(diff.diff_states(old, diff.state_from_db(db)), old_name, str(db)))


@app.command("serve")
def serve_cmd(
    cron: str = typer.Option("0 6 * * *", "--cron", help="Cron schedule (default: daily at 06:00)."),
    corpus: Path = typer.Option(CORPUS_DIR, "--corpus", help="Directory watched for new listings."),
    db: Path = typer.Option(DB_PATH, "--db", help="DuckDB file to update."),
) -> None:
    """Re-extract on a cron schedule (own clock, or Prefect serve with PREFECT_API_URL); Ctrl-C stops it."""
    _exit_on_sigterm()
    from flows import serve

    serve(cron, corpus, db)


@app.command("build")
def build_cmd(force: bool = typer.Option(False, "--force", help="Rebuild even when up to date.")) -> None:
    """Build the spaCy pipeline under models/ from config.cfg and the pattern files."""
    from pipeline.nlp import build_nlp, fingerprint, is_stale, pipeline_version, save_nlp

    if force or is_stale():
        fp = fingerprint()  # before the files are read (see nlp.ensure_built)
        save_nlp(build_nlp(), fp=fp)
        typer.echo(f"built pipeline {pipeline_version()}")
    else:
        typer.echo(f"pipeline {pipeline_version()} is up to date")


if __name__ == "__main__":  # pragma: no cover
    app()
