"""Parquet (partitioned by partner country) and CSV exports, written atomically; the export command."""

from __future__ import annotations

import csv
import json
import re
from collections.abc import Iterator
from pathlib import Path

import duckdb
import pytest
from typer.testing import CliRunner

from pipeline import exports
from pipeline.cli import app
from pipeline.exports import COLUMNS, ExportError


def plain(output: str) -> str:
    """CLI output without rich's error box and line wrapping."""
    return " ".join(re.sub(r"[\u2500-\u257f]", " ", output).split())


@pytest.fixture
def con(corpus_db: Path) -> Iterator[duckdb.DuckDBPyConnection]:
    con = duckdb.connect(str(corpus_db), read_only=True)
    yield con
    con.close()


def _leftovers(parent: Path) -> list[str]:
    return sorted(p.name for p in parent.iterdir() if p.name.startswith("."))


def test_parquet_is_partitioned_by_partner_country(con: duckdb.DuckDBPyConnection, tmp_path: Path) -> None:
    out = tmp_path / "actions"
    n = exports.write_parquet(con, out)
    expected = dict(con.execute("SELECT coalesce(partner_country, 'NULL'), count(*) FROM v_actions GROUP BY 1").fetchall())
    assert n == sum(expected.values())
    # hive's name for the NULL partition (DuckDB >= 1.2; older versions wrote partner_country=NULL)
    dirs = {p.name.replace("=__HIVE_DEFAULT_PARTITION__", "=NULL") for p in out.iterdir()}
    assert dirs == {f"partner_country={c}" for c in expected}
    assert all(f.suffix == ".parquet" for part in out.iterdir() for f in part.iterdir())
    back = duckdb.connect()
    glob = str(out / "*" / "*.parquet")
    cur = back.execute(f"SELECT * FROM read_parquet('{glob}', hive_partitioning = true)")
    assert {d[0] for d in cur.description} == set(COLUMNS)
    rows = [dict(zip([d[0] for d in cur.description], r)) for r in cur.fetchall()]
    assert len(rows) == n
    per_country: dict[str, int] = {}
    for r in rows:
        key = r["partner_country"] if r["partner_country"] is not None else "NULL"
        per_country[key] = per_country.get(key, 0) + 1
    assert per_country == expected
    assert expected["PE"] == max(expected.values())
    # nested types survive: lists and the dates' structs
    costa_rica = next(r for r in rows if r["title"].startswith("The National Employment System of Costa Rica"))
    assert costa_rica["expert_countries"] == ["DE", "FR"]
    assert costa_rica["dates"] == [{"text": "23-24 May 2024", "start": "2024-05-23", "end": "2024-05-24"}]
    assert _leftovers(tmp_path) == []


def test_parquet_replaces_a_previous_export_only(con: duckdb.DuckDBPyConnection, tmp_path: Path) -> None:
    out = tmp_path / "actions"
    exports.write_parquet(con, out)
    stale = out / "partner_country=ZZ"
    stale.mkdir()
    (stale / "data_0.parquet").write_bytes(b"old")
    exports.write_parquet(con, out)  # a previous export (even with a stale partition) is replaced whole
    assert not stale.exists()
    assert _leftovers(tmp_path) == []

    foreign = tmp_path / "mine"
    foreign.mkdir()
    (foreign / "notes.txt").write_text("keep me", encoding="utf-8")
    with pytest.raises(ExportError, match="not a previous Parquet export"):
        exports.write_parquet(con, foreign)
    assert (foreign / "notes.txt").read_text(encoding="utf-8") == "keep me"
    assert sorted(p.name for p in foreign.iterdir()) == ["notes.txt"]


def test_csv_one_row_per_action(con: duckdb.DuckDBPyConnection, tmp_path: Path) -> None:
    out = tmp_path / "sub" / "actions.csv"
    n = exports.write_csv(con, out)
    with out.open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    assert list(rows[0]) == list(COLUMNS)
    assert len(rows) == n == con.execute("SELECT count(*) FROM v_actions").fetchone()[0]
    by_title = {r["title"]: r for r in rows}
    cr = next(r for t, r in by_title.items() if t.startswith("The National Employment System of Costa Rica"))
    assert cr["expert_countries"] == "DE; FR"
    assert cr["dates"] == "2024-05-23/2024-05-24"
    # the news item: a day, an open period ("since May 2021"), a part of a year ("early 2022")
    news = next(r for r in rows if r["kind"] == "news")
    assert news["dates"] == "2021-12-21; 2021-05/..; 2022"
    assert "\n" in news["description"]  # multi-line text survives CSV quoting
    assert _leftovers(out.parent) == []
    assert oct(out.stat().st_mode & 0o777) != oct(0o600)


def test_failed_csv_export_keeps_the_previous_file(con: duckdb.DuckDBPyConnection, tmp_path: Path,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    out = tmp_path / "actions.csv"
    out.write_text("previous\n", encoding="utf-8")
    monkeypatch.setattr(exports, "_select", lambda csv: "SELECT no_such_column FROM v_actions")
    with pytest.raises(duckdb.Error):
        exports.write_csv(con, out)
    assert out.read_text(encoding="utf-8") == "previous\n"
    assert _leftovers(tmp_path) == []


def test_export_command(corpus_db: Path, tmp_path: Path) -> None:
    runner = CliRunner()
    nothing = runner.invoke(app, ["export", "--db", str(corpus_db)])
    assert nothing.exit_code != 0
    assert "at least one of --jsonl" in plain(nothing.output)

    jsonl, parquet, csv_file = tmp_path / "pred.jsonl", tmp_path / "parquet", tmp_path / "actions.csv"
    result = runner.invoke(app, ["export", "--db", str(corpus_db), "--jsonl", str(jsonl),
                                 "--parquet", str(parquet), "--csv", str(csv_file)])
    assert result.exit_code == 0, result.output
    con = duckdb.connect(str(corpus_db), read_only=True)
    n_records, n_actions = con.execute("SELECT (SELECT count(*) FROM sources), (SELECT count(*) FROM v_actions)").fetchone()
    con.close()
    lines = jsonl.read_text(encoding="utf-8").splitlines()
    assert len(lines) == n_records and json.loads(lines[0])["doc"]  # --jsonl: one line per record, as before
    assert f"wrote {n_records} records to {jsonl}" in result.output
    assert f"wrote {n_actions} actions to {csv_file}" in result.output
    assert f"to {parquet}" in result.output and f"to {csv_file}" in result.output
    assert any(parquet.iterdir()) and csv_file.exists()

    only_csv = runner.invoke(app, ["export", "--db", str(corpus_db), "--csv", str(tmp_path / "b.csv")])
    assert only_csv.exit_code == 0, only_csv.output

    refused = runner.invoke(app, ["export", "--db", str(corpus_db), "--parquet", str(tmp_path)])
    assert refused.exit_code == 2
    assert "not a previous Parquet export" in plain(refused.output)

    missing = runner.invoke(app, ["export", "--db", str(tmp_path / "none.duckdb"), "--csv", str(tmp_path / "c.csv")])
    assert missing.exit_code != 0 and "does not exist" in plain(missing.output)


def test_export_requires_a_target(tmp_path: Path) -> None:
    with pytest.raises(ExportError, match="at least one"):
        exports.export(tmp_path / "x.duckdb")
