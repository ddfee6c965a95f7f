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
