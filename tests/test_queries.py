"""The analysts' example queries (pipeline/queries/*.sql) on a real database built from corpus/ by the flow,
and the README's "For analysts" section kept true to them and to the store's DDL."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import duckdb
import pytest

from pipeline import queries, store
from pipeline.paths import ROOT
from pipeline.schema import Reject

README = ROOT / "README.md"
EXPECTED = {"actions_per_country_year", "eu_expert_senders", "remote_share_2020", "triangular_cooperation",
            "needs_review"}


@pytest.fixture
def con(corpus_db: Path) -> Iterator[duckdb.DuckDBPyConnection]:
    con = duckdb.connect(str(corpus_db), read_only=True)
    yield con
    con.close()


def test_every_query_file_is_known() -> None:
    assert set(queries.names()) == EXPECTED
    for name in EXPECTED:
        assert queries.read(name).lstrip().startswith("--"), f"{name}.sql must open with the question it answers"
    with pytest.raises(KeyError, match="known:"):
        queries.read("no_such_query")


def test_actions_per_country_year(con: duckdb.DuckDBPyConnection) -> None:
    rows = queries.run_dicts(con, "actions_per_country_year")
    n_actions = con.execute("SELECT count(*) FROM v_actions").fetchone()[0]
    assert sum(r["n_actions"] for r in rows) == n_actions
    totals: dict[str | None, int] = {}
    for r in rows:
        totals[r["partner_country"]] = totals.get(r["partner_country"], 0) + r["n_actions"]
    assert all(r["country_total"] == totals[r["partner_country"]] for r in rows)
    # the catalogue's biggest partners: Peru, then Colombia
    ranked = [c for c in dict.fromkeys(r["partner_country"] for r in rows) if c is not None]
    assert ranked[:2] == ["PE", "CO"]
    assert totals["PE"] > totals["CO"] >= max(v for c, v in totals.items() if c not in (None, "PE", "CO"))
    # ordered by country total, most first; the unknown partner country last
    known = [r["country_total"] for r in rows if r["partner_country"] is not None]
    assert known == sorted(known, reverse=True)
    assert [r["partner_country"] for r in rows[len(known):]] == [None] * (len(rows) - len(known))
    assert any(r["partner_country"] == "EC" and r["year"] == 2021 for r in rows)  # the news item, since May 2021


def test_eu_expert_senders(con: duckdb.DuckDBPyConnection) -> None:
    rows = queries.run_dicts(con, "eu_expert_senders")
    members = {c for (c,) in con.execute("SELECT code FROM eu_membership").fetchall()}
    assert {r["expert_country"] for r in rows} <= members
    assert {rows[0]["expert_country"], rows[1]["expert_country"]} == {"FR", "ES"}
    assert rows[0]["n_actions"] >= rows[1]["n_actions"] > rows[2]["n_actions"]
    by_country = {r["expert_country"]: r for r in rows}
    # Spanish experts went to Peru most often
    assert by_country["ES"]["destinations"].startswith("PE ")
    assert by_country["FR"]["n_partner_countries"] > 10
    for r in rows:
        counts = [int(part.rsplit(" ", 1)[1]) for part in r["destinations"].split(", ")]
        assert sum(counts) == r["n_actions"]


def test_remote_share_before_and_after_2020(con: duckdb.DuckDBPyConnection) -> None:
    rows = queries.run_dicts(con, "remote_share_2020")
    by_period = {r["period"]: r for r in rows}
    assert set(by_period) <= {"before 2020", "2020 and after", "year unknown"}
    assert {"before 2020", "2020 and after"} <= set(by_period)
    assert sum(r["n_actions"] for r in rows) == con.execute("SELECT count(*) FROM v_actions").fetchone()[0]
    for r in rows:
        assert r["n_remote"] + r["n_mixed"] + r["n_onsite"] == r["n_delivery_stated"] <= r["n_actions"]
        if r["n_delivery_stated"]:
            assert 0 <= r["remote_share"] <= r["remote_or_mixed_share"] <= 1
        else:
            assert r["remote_share"] is None
    # the Ecuador workshop of 2021 was "conducted online through the SOCIEUX+ e-learning platform"
    assert by_period["2020 and after"]["n_remote"] >= 1


def test_triangular_cooperation(con: duckdb.DuckDBPyConnection) -> None:
    rows = queries.run_dicts(con, "triangular_cooperation")
    assert rows
    for r in rows:
        assert r["non_eu_experts"], r
        assert not set(r["non_eu_experts"]) & set(r["eu_experts"])
        assert r["partner_country"] not in r["non_eu_experts"]
    # EXTRACTION_SPEC: "French experts accompanied by regional experts from Cameroon and Madagascar"
    gabon = [r for r in rows if r["partner_country"] == "GA"]
    assert any({"CM", "MG"} <= set(r["non_eu_experts"]) and "FR" in r["eu_experts"] for r in gabon)
    eu_only = con.execute("SELECT count(*) FROM v_actions WHERE expert_countries = eu_expert_countries").fetchone()[0]
    assert eu_only > len(rows)


def test_needs_review(con: duckdb.DuckDBPyConnection) -> None:
    rows = queries.run_dicts(con, "needs_review")
    expected = con.execute(
        """SELECT count(DISTINCT (s.doc, s.idx)) FROM evidence e
           JOIN sources s ON s.action_id = e.action_id AND s.doc = e.doc
           WHERE e.status IN ('inferred', 'ambiguous')"""
    ).fetchone()[0]
    evidence_rows = [r for r in rows if r["kind"] == "evidence"]
    assert len(evidence_rows) == expected > 0
    for r in evidence_rows:
        assert "inferred" in r["review"] or "ambiguous" in r["review"]
        assert "certain" not in r["review"]
    # partner countries inferred from the same institution elsewhere are listed for review
    assert any("partner_country=PE (inferred, partner:same-institution)" in r["review"] for r in evidence_rows)


def test_needs_review_lists_notes_and_rejects(corpus_db: Path, tmp_path: Path) -> None:
    db = tmp_path / "copy.duckdb"
    shutil.copy(corpus_db, db)
    con = store.connect(db)
    try:
        store.save_rejects(con, [Reject(doc="x.txt", index=3, text="  • A title\n", reason="title only")], run_id=1)
        doc, idx, aid = con.execute("SELECT doc, idx, action_id FROM sources ORDER BY doc, idx LIMIT 1").fetchone()
        con.execute("INSERT INTO notes VALUES (?, ?, ?, ?)", [aid, doc, idx, "date '31 February 2023': no such day"])
        rows = queries.run_dicts(con, "needs_review")
    finally:
        con.close()
    assert {r["kind"] for r in rows} == {"evidence", "note", "reject"}
    rejects = [r for r in rows if r["kind"] == "reject"]
    assert [(r["doc"], r["idx"], r["review"]) for r in rejects] == [("x.txt", 3, "title only")]
    notes = [r for r in rows if r["kind"] == "note"]
    assert [(r["doc"], r["idx"], r["action_id"], r["review"]) for r in notes] == [
        (doc, idx, aid, "date '31 February 2023': no such day")]


def _readme_section() -> str:
    text = README.read_text(encoding="utf-8")
    assert "\n## For analysts\n" in text, "README.md lost its '## For analysts' section"
    return text.split("\n## For analysts\n", 1)[1]


def test_readme_shows_every_query_as_in_its_file() -> None:
    section = _readme_section()
    for name in EXPECTED:
        assert f"pipeline/queries/{name}.sql" in section
        assert queries.read(name).strip() in section, f"README's copy of {name}.sql differs from the file"


def test_readme_schema_is_the_store_ddl() -> None:
    """The README's table of tables, views and columns is generated from pipeline.store's DDL."""
    assert queries.schema_markdown() in _readme_section(), (
        "README.md's schema table is out of date: replace the block between the schema markers "
        "with the output of `.venv/bin/python -m pipeline.queries`"
    )
