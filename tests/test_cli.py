"""`socieux` CLI (pipeline.cli.app) through typer's CliRunner.

One `socieux run` on a tmp copy of corpus/ (module fixture, inside the session
Prefect harness) feeds every test of the module: the JSON summary, the spec
export, the evaluation against the seed gold, and the errors that say what to do.
"""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path
from typing import Any

import pytest
from click.testing import Result
from typer.testing import CliRunner

from pipeline.cli import app
from pipeline.paths import CORPUS_DIR, GOLD_PATH
from pipeline.schema import EXPORT_FIELDS, ActionRecord

runner = CliRunner()
SUMMARY_KEYS = {"documents", "records", "extracted", "unchanged", "rejected", "seconds"}


def invoke(*args: str) -> Result:
    return runner.invoke(app, [str(a) for a in args], prog_name="socieux")


def squeezed(text: str) -> str:
    """Text without rich's error box and without whitespace (the panel wraps lines anywhere)."""
    return "".join(re.sub(r"[│╭╮╰╯─]", " ", text).split())


@pytest.fixture(scope="module")
def ran(prefect_harness: None, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    base = tmp_path_factory.mktemp("cli")
    corpus = base / "corpus"
    corpus.mkdir()
    for path in CORPUS_DIR.glob("*.txt"):
        shutil.copy2(path, corpus / path.name)
    shutil.copytree(CORPUS_DIR / "gold", corpus / "gold")
    db = base / "socieux.duckdb"
    result = invoke("run", "--corpus", corpus, "--db", db, "--json")
    return {"base": base, "db": db, "result": result}


def test_run_json_prints_one_summary_object(ran: dict[str, Any]) -> None:
    result = ran["result"]
    assert result.exit_code == 0, result.output
    lines = [ln for ln in result.stdout.splitlines() if ln.strip()]
    assert len(lines) == 1
    summary = json.loads(lines[0])
    assert set(summary) == SUMMARY_KEYS
    assert {k: summary[k] for k in SUMMARY_KEYS - {"seconds"}} == {
        "documents": 2, "records": 88, "extracted": 88, "unchanged": 0, "rejected": 0,
    }
    assert isinstance(summary["seconds"], float)


def test_export_writes_spec_records(ran: dict[str, Any]) -> None:
    out = ran["base"] / "exports" / "pred.jsonl"
    result = invoke("export", "--db", ran["db"], "--jsonl", out)
    assert result.exit_code == 0, result.output
    assert f"wrote 88 records to {out}" in result.stdout
    lines = out.read_text(encoding="utf-8").splitlines()
    assert len(lines) == 88
    rows = [json.loads(line) for line in lines]
    for row in rows:
        assert list(row) == list(EXPORT_FIELDS)
        # a valid spec record: it validates as an ActionRecord and exports back to itself
        rec = ActionRecord(**row, action_id="0" * 16, record_hash="0" * 16)
        assert rec.export() == row
    assert [(r["doc"], r["index"]) for r in rows] == sorted((r["doc"], r["index"]) for r in rows)
    assert not list(out.parent.glob(".*.tmp"))  # atomic write leaves no temp file


def test_export_overwrites_atomically(ran: dict[str, Any]) -> None:
    out = ran["base"] / "again.jsonl"
    out.write_text("stale\n")
    assert invoke("export", "--db", ran["db"], "--jsonl", out).exit_code == 0
    assert len(out.read_text(encoding="utf-8").splitlines()) == 88


@pytest.mark.parametrize("command", ["export", "evaluate"])
def test_missing_db_says_to_run_first(tmp_path: Path, command: str) -> None:
    db = tmp_path / "missing.duckdb"
    args = ["export", "--db", db, "--jsonl", tmp_path / "out.jsonl"] if command == "export" else \
        ["evaluate", GOLD_PATH, "--db", db]
    result = invoke(*args)
    assert result.exit_code != 0
    assert squeezed(f"{db} does not exist; run `socieux run --db {db}` first") in squeezed(result.output)
    assert not db.exists()  # the check must not create the database
    assert not (tmp_path / "out.jsonl").exists()


def test_evaluate_table_has_perfect_records_f1(ran: dict[str, Any]) -> None:
    result = invoke("evaluate", GOLD_PATH, "--db", ran["db"])
    assert result.exit_code == 0, result.output
    rows = {cells[0]: cells[1:] for cells in (
        [c.strip() for c in ln.strip("|").split("|")] for ln in result.stdout.splitlines() if ln.startswith("| ")
    )}
    assert rows["records"] == ["1.000", "1.000", "1.000"]
    assert rows["field"] == ["P", "R", "F1 / accuracy"]
    expected_fields = {"partner_institution", "description", "partner_country", "delivery", "action_code",
                       "period_start", "period_end", "assistance_types", "expert_countries", "formats",
                       "dates", "action_refs"}
    assert expected_fields <= set(rows)


def test_evaluate_lists_disagreements_with_evidence_unless_asked_not_to(ran: dict[str, Any]) -> None:
    full = invoke("evaluate", GOLD_PATH, "--db", ran["db"]).stdout
    quiet = invoke("evaluate", GOLD_PATH, "--db", ran["db"], "--no-errors").stdout
    assert "disagreements" not in quiet
    if "disagreements" in full:
        # every disagreement line names the field, the record and both values
        heads = [ln for ln in full.splitlines() if ln.startswith("- **")]
        assert heads and all(" gold " in h and " pred " in h for h in heads)


def test_evaluate_json_gives_metrics(ran: dict[str, Any]) -> None:
    result = invoke("evaluate", GOLD_PATH, "--db", ran["db"], "--json")
    assert result.exit_code == 0, result.output
    metrics = json.loads(result.stdout)
    assert metrics["records"] == {"precision": 1.0, "recall": 1.0, "f1": 1.0, "gold": 88, "pred": 88}
    for name in ("assistance_types", "expert_countries", "formats", "dates", "action_refs"):
        assert set(metrics[name]) == {"precision", "recall", "f1"}
    for name in ("partner_institution", "description", "partner_country", "delivery", "action_code",
                 "period_start", "period_end"):
        assert set(metrics[name]) == {"accuracy"}
        assert 0.0 <= metrics[name]["accuracy"] <= 1.0
    # the text fields come straight from the splitter: exact on the seed gold
    assert metrics["partner_institution"]["accuracy"] == 1.0
    assert metrics["description"]["accuracy"] == 1.0
    assert metrics["assistance_types"]["f1"] == 1.0


def test_no_arguments_shows_help() -> None:
    result = invoke()
    assert "run" in result.output and "export" in result.output and "evaluate" in result.output


def test_run_on_a_foreign_database_is_one_clear_line(tmp_path) -> None:
    """No traceback: a foreign database is refused before the flow starts, with exit code 2."""
    from typer.testing import CliRunner

    from pipeline.cli import app

    db = tmp_path / "foreign.duckdb"
    db.write_bytes(b"not a database" * 200)
    result = CliRunner().invoke(app, ["run", "--corpus", str(tmp_path), "--db", str(db), "--quiet"])
    assert result.exit_code == 2
    assert "not a usable DuckDB database" in result.output and "Traceback" not in result.output


def test_sigterm_aborts_the_run_and_leaves_no_process_behind(tmp_path: Path) -> None:
    """`kill` during a run: the run is recorded as failed, nothing of it is kept, and Prefect's
    temporary server (a child process) does not outlive the command."""
    import os
    import signal
    import subprocess
    import sys
    import time

    import duckdb
    import psutil

    from pipeline.nlp import ensure_built

    ensure_built()  # a stale pipeline would be rebuilt before the run starts, past the 2 s below
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for k in range(60):  # enough records that the run is still extracting when it is stopped
        for src in sorted(CORPUS_DIR.glob("*.txt")):
            shutil.copy(src, corpus / f"{k:02d}_{src.name}")
    db = tmp_path / "run.duckdb"
    cmd = [sys.executable, "-m", "pipeline.cli", "run", "--corpus", str(corpus), "--db", str(db)]
    root = Path(__file__).resolve().parents[1]
    child = subprocess.Popen(cmd, cwd=root, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
                             env={**os.environ, "PREFECT_SERVER_ANALYTICS_ENABLED": "false",
                                  "PREFECT_LOGGING_LEVEL": "INFO"})  # other tests' in-process runs set WARNING
    for line in child.stderr:  # Prefect logs on stderr: wait until the run is recorded (its start-run
        if "start-run" in line and "Completed" in line:  # task finished), then stop it while it extracts
            break
    time.sleep(1.0)
    assert child.poll() is None, "the run ended before it could be stopped"
    descendants = psutil.Process(child.pid).children(recursive=True)
    child.send_signal(signal.SIGTERM)
    child.communicate(timeout=120)  # drains stderr
    assert child.returncode != 0
    gone, alive = psutil.wait_procs(descendants, timeout=30)
    assert not alive, [p.cmdline()[:3] for p in alive]
    con = duckdb.connect(str(db), read_only=True)
    try:
        (status,), = con.execute("SELECT status FROM runs").fetchall()
        # the signal ends the flow; when it lands while a DuckDB load runs, DuckDB's interrupt is what
        # the flow sees first ("Query interrupted"): either way the run is failed and nothing is kept
        assert status.startswith(("failed: TerminationSignal", "failed: SystemExit",
                                  "failed: RuntimeError: Query interrupted")), status
        assert con.execute("SELECT count(*) FROM actions").fetchone() == (0,)
    finally:
        con.close()
