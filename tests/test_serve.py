"""Scheduled runs: the served deployment carries the cron schedule and the corpus/db parameters."""

from __future__ import annotations

from pathlib import Path

import flows


def test_deployment_has_cron_schedule(tmp_path: Path) -> None:
    dep = flows.deployment(cron="*/15 * * * *", corpus_dir=tmp_path / "c", db_path=tmp_path / "s.duckdb")
    assert dep.name == "socieux-scheduled"
    assert [s.schedule.cron for s in dep.schedules] == ["*/15 * * * *"]
    assert dep.parameters == {"corpus_dir": str(tmp_path / "c"), "db_path": str(tmp_path / "s.duckdb")}


def test_default_schedule_is_daily() -> None:
    (schedule,) = flows.deployment().schedules
    assert schedule.schedule.cron == flows.DEFAULT_CRON == "0 6 * * *"


def test_next_tick_follows_cron() -> None:
    from datetime import datetime

    from pipeline.schedule import next_tick

    assert next_tick("0 6 * * *", datetime(2026, 11, 22, 5, 59, 30)) == datetime(2026, 11, 22, 6, 0)
    assert next_tick("0 6 * * *", datetime(2026, 11, 22, 6, 0)) == datetime(2026, 11, 23, 6, 0)
    assert next_tick("*/15 * * * *", datetime(2026, 11, 22, 10, 7)) == datetime(2026, 11, 22, 10, 15)


def test_invalid_cron_is_a_clear_error() -> None:
    import pytest

    from pipeline.schedule import next_tick

    with pytest.raises(ValueError, match="invalid cron expression"):
        next_tick("every day", __import__("datetime").datetime(2026, 1, 1))


def test_loop_runs_the_job_at_each_tick_and_survives_a_failure() -> None:
    from datetime import datetime, timedelta

    from pipeline.schedule import run_on_schedule

    clock = {"t": datetime(2026, 11, 22, 5, 58)}
    calls, errors = [], []

    def sleep(seconds: float) -> None:
        clock["t"] += timedelta(seconds=seconds)

    def job() -> None:
        calls.append(clock["t"])
        clock["t"] += timedelta(minutes=3)  # a run takes three minutes
        if len(calls) == 2:
            raise RuntimeError("database locked")

    done = run_on_schedule("*/2 * * * *", job, now=lambda: clock["t"], sleep=sleep, ticks=3, on_error=errors.append)
    assert done == 3 and [str(e) for e in errors] == ["database locked"]
    # 06:00, then the 06:02 tick was missed during the run: 06:04, then 06:08
    assert calls == [datetime(2026, 11, 22, 6, 0), datetime(2026, 11, 22, 6, 4), datetime(2026, 11, 22, 6, 8)]


def test_served_loop_runs_the_flow_on_new_files(prefect_harness, tmp_path: Path, monkeypatch) -> None:
    """`flows.serve` without a Prefect server: each tick is a real flow run; a new file is picked up."""
    import shutil

    import duckdb

    from pipeline import schedule
    from pipeline.paths import CORPUS_DIR

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    shutil.copy(CORPUS_DIR / "004_a00941e2d125b2e4.txt", corpus / "news.txt")
    db = tmp_path / "served.duckdb"
    real = schedule.run_on_schedule

    def two_ticks(cron, job, **kwargs):
        job()
        shutil.copy(CORPUS_DIR / "000_3a8d02358315f3d7.txt", corpus / "listing.txt")  # arrives between ticks
        job()
        return 2

    monkeypatch.setattr(schedule, "run_on_schedule", two_ticks)
    try:
        flows.serve("*/5 * * * *", corpus, db, prefect_server=False)
    finally:
        monkeypatch.setattr(schedule, "run_on_schedule", real)
    con = duckdb.connect(str(db), read_only=True)
    try:
        runs = con.execute("SELECT extracted, unchanged FROM runs ORDER BY run_id").fetchall()
    finally:
        con.close()
    assert runs == [(1, 0), (87, 1)]
