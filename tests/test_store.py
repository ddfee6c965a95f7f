"""DuckDB store: idempotent loads, one action in two documents, views, export, errors.

Records are built by hand from corpus/000_3a8d02358315f3d7.txt (indices 0, 1,
65 and 80 of the seed gold). The dates given to the Ghana and Azerbaijan actions
are made up here to exercise the UK's exit on 31 January 2020.
"""

from __future__ import annotations

import datetime
import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import duckdb
import pytest

from pipeline import store
from pipeline.schema import EXPORT_FIELDS, ActionRecord, DateValue, Evidence, Reject
from pipeline.store import StoreError

DOC = "000_3a8d02358315f3d7.txt"
DOC2 = "010_country_costa-rica.txt"  # a second listing page of the same catalogue
VERSION = "0.1.0"

CR_DESCRIPTION = (
    "This technical cooperation, developed with the Costa Rican Ministry of Labour and Social Security (MTSS), "
    "saw experts from France and Germany contribute their expertise and best practices in areas related to the "
    "labour market, public employment services, vocational training and other related topics. This cooperation "
    "took place within the framework of the International Forum on Public Employment Services and the National "
    "Employment System of Costa Rica on 23-24 May 2024."
)


def costa_rica(doc: str = DOC, index: int = 0, offset: int = 0) -> ActionRecord:
    text = f"  • The National Employment System of Costa Rica ...\n    {CR_DESCRIPTION}"
    at = offset + text.index("experts from France and Germany")
    return ActionRecord(
        doc=doc, index=index,
        title="The National Employment System of Costa Rica as a tool for competitiveness and productivity, "
        "generation of human capital, social inclusion and employment promotion",
        partner_institution="Ministry of Labor and Social Security (MTSS)",
        assistance_types=["International events (awareness raising)"],
        description=CR_DESCRIPTION, partner_country="CR", expert_countries=["FR", "DE"],
        formats=["conference"],
        dates=[DateValue(text="23-24 May 2024", start="2024-05-23", end="2024-05-24")],
        period_start="2024-05-23", period_end="2024-05-24",
        action_id="3f1c9a0b7e2d4c51", record_hash="a1b2c3d4e5f60718", text=text, offset=offset,
        evidence=[
            Evidence(field="expert_countries", value="FR", text="France", start=at + 13, end=at + 19, rule="experts_from"),
            Evidence(field="expert_countries", value="DE", text="Germany", start=at + 24, end=at + 31, rule="experts_from"),
        ],
    )


def colombia() -> ActionRecord:
    return ActionRecord(
        doc=DOC, index=1,
        title="Expert presentations on the promotion of green jobs and business management at the 2024 National "
        "Meeting of Public Service Employment Service Providers",
        partner_institution="Public Employment Services [Unidad del Servicio Público de Empleo] (UAESPE)",
        assistance_types=["National events (awareness raising)"],
        description="The Colombian Public Service Employment hosted from 18-20 November 2024, a conference ...",
        partner_country="CO", expert_countries=["ES"], formats=["conference"],
        dates=[DateValue(text="2024", start="2024", end="2024"),
               DateValue(text="18-20 November 2024", start="2024-11-18", end="2024-11-20")],
        period_start="2024-11-18", period_end="2024-11-20",
        action_id="7d0e55c2a9b84f13", record_hash="0f9e8d7c6b5a4938", text="  • Expert presentations ...", offset=812,
    )


def ghana() -> ActionRecord:
    return ActionRecord(
        doc=DOC, index=65, title="Job Impact Assessment of Public Investments",
        partner_institution="Ministry of Employment and Labour Relations (MELR), Policy Planning, Monitoring and "
        "Evaluation (PPME)",
        assistance_types=["Information management systems"],
        description="Training provided by public experts from the United Kingdom and Portugal to Ghanaian officials ...",
        partner_country="GH", expert_countries=["PT", "GB"], formats=["training"],
        period_start="2019-05",  # hand-made: before the UK's exit
        action_id="c4a7e1f09b3d2e66", record_hash="5e4d3c2b1a090807", text="  • Job Impact Assessment ...", offset=40211,
    )


def azerbaijan() -> ActionRecord:
    return ActionRecord(
        doc=DOC, index=80,
        title="Capacity building of the Scientific Research and Training Centre on Labour and Social Problems",
        partner_institution="Scientific Research and Training Centre on Labour and Social Problems "
        "[Əmək və Sosial Problemlər üzrə Elmi-Tədqiqat və Tədris Mərkəzi]",
        assistance_types=["Institutional Strengthening"],
        description="Experts from Finland, Lithuania, Romania and the United Kingdom first assessed ...",
        partner_country="AZ", expert_countries=["FI", "LT", "RO", "GB"], formats=["training", "assessment"],
        dates=[DateValue(text="in 2021", start="2021", end="2021")],  # hand-made: after the exit; no period
        action_id="9b2f6d81e0c7a345", record_hash="11223344556677aa", text="  • Capacity building ...", offset=50876,
    )


@pytest.fixture
def db(tmp_path: Path) -> duckdb.DuckDBPyConnection:
    con = store.connect(tmp_path / "out" / "socieux.duckdb")
    yield con
    con.close()


def load(con: duckdb.DuckDBPyConnection, records: list[ActionRecord]) -> int:
    run = store.start_run(con, VERSION)
    store.save_records(con, records, run, VERSION)
    return run


TABLES = ("actions", "sources", "experts", "dates", "formats", "assistance_types", "action_refs", "evidence")


def counts(con: duckdb.DuckDBPyConnection) -> dict[str, int]:
    return {t: con.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in TABLES}


def test_loading_twice_leaves_the_same_rows(db: duckdb.DuckDBPyConnection) -> None:
    records = [costa_rica(), colombia(), ghana(), azerbaijan()]
    load(db, records)
    first = counts(db)
    load(db, records)
    assert counts(db) == first
    assert first["actions"] == 4 and first["sources"] == 4
    assert first["experts"] == 2 + 1 + 2 + 4
    assert first["evidence"] == 2


def test_reconnect_keeps_data_and_reloads_membership(tmp_path: Path) -> None:
    path = tmp_path / "socieux.duckdb"
    con = store.connect(path)
    load(con, [costa_rica()])
    con.close()
    con = store.connect(path)
    assert con.execute("SELECT count(*) FROM actions").fetchone()[0] == 1
    assert con.execute("SELECT count(*) FROM eu_membership").fetchone()[0] == 28
    gb = con.execute('SELECT joined, "left" FROM eu_membership WHERE code = ?', ["GB"]).fetchone()
    assert gb == (datetime.date(1973, 1, 1), datetime.date(2020, 1, 31))
    con.close()


def test_one_action_in_two_documents(db: duckdb.DuckDBPyConnection, tmp_path: Path) -> None:
    load(db, [costa_rica(DOC, 0), costa_rica(DOC2, 3, offset=2048)])
    assert db.execute("SELECT count(*) FROM actions").fetchone()[0] == 1
    assert db.execute("SELECT doc, idx FROM sources ORDER BY doc").fetchall() == [(DOC, 0), (DOC2, 3)]
    # evidence offsets are per source document
    assert db.execute("SELECT doc, count(*) FROM evidence GROUP BY doc ORDER BY doc").fetchall() == [(DOC, 2), (DOC2, 2)]
    assert db.execute("SELECT docs FROM v_actions").fetchone()[0] == [DOC, DOC2]
    lines = tmp_path / "pred.jsonl"
    assert store.export_jsonl(db, lines) == 2
    exported = [json.loads(line) for line in lines.read_text(encoding="utf-8").splitlines()]
    assert [(e["doc"], e["index"]) for e in exported] == [(DOC, 0), (DOC2, 3)]
    assert exported[0] | {"doc": DOC2, "index": 3} == exported[1]


def test_export_round_trips_the_spec_fields(db: duckdb.DuckDBPyConnection, tmp_path: Path) -> None:
    records = [azerbaijan(), costa_rica(), ghana(), colombia()]
    load(db, records)
    out = tmp_path / "exports" / "pred.jsonl"
    assert store.export_jsonl(db, out) == 4
    exported = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    expected = sorted((r.export() for r in records), key=lambda e: (e["doc"], e["index"]))
    assert exported == expected
    assert all(list(e) == list(EXPORT_FIELDS) for e in exported)
    assert exported[0]["expert_countries"] == ["DE", "FR"]
    assert exported[1]["dates"] == [
        {"text": "2024", "start": "2024", "end": "2024"},
        {"text": "18-20 November 2024", "start": "2024-11-18", "end": "2024-11-20"},
    ]
    assert [p.name for p in out.parent.iterdir()] == ["pred.jsonl"]  # no temp file left


def test_assistance_types_keep_their_order(db: duckdb.DuckDBPyConnection) -> None:
    labels = ["Training", "Advisory", "Institutional capacity building"]
    load(db, [costa_rica().model_copy(update={"assistance_types": labels})])
    assert next(store.iter_export(db))["assistance_types"] == labels
    assert db.execute("SELECT assistance_types FROM v_actions").fetchone()[0] == labels


def test_uk_expert_is_eu_before_exit_only(db: duckdb.DuckDBPyConnection) -> None:
    load(db, [ghana(), azerbaijan()])
    rows = db.execute(
        "SELECT a.partner_country, x.is_eu FROM experts x JOIN actions a USING (action_id) WHERE x.country = 'GB' "
        "ORDER BY a.partner_country"
    ).fetchall()
    assert rows == [("AZ", False), ("GH", True)]  # AZ dated 2021 (first date), GH 2019-05 (period_start)
    wide = dict(db.execute("SELECT partner_country, eu_expert_countries FROM v_actions").fetchall())
    assert wide == {"GH": ["GB", "PT"], "AZ": ["FI", "LT", "RO"]}


def test_view_expert_flows(db: duckdb.DuckDBPyConnection) -> None:
    load(db, [costa_rica(), colombia(), ghana(), azerbaijan(), costa_rica(DOC2, 3)])
    flows = db.execute("SELECT * FROM v_expert_flows").fetchall()
    assert ("FR", True, "CR", 1) in flows  # two listings, one action
    assert ("GB", True, "GH", 1) in flows and ("GB", False, "AZ", 1) in flows
    assert ("ES", True, "CO", 1) in flows
    assert len(flows) == 9
    assert sum(n for *_, n in flows) == 9


def test_view_actions_per_country_year(db: duckdb.DuckDBPyConnection) -> None:
    undated = ghana().model_copy(update={"period_start": None, "action_id": "e0e0e0e0e0e0e0e0", "index": 66})
    load(db, [costa_rica(), colombia(), ghana(), azerbaijan(), undated])
    rows = db.execute("SELECT partner_country, year, n_actions FROM v_actions_per_country_year").fetchall()
    assert rows == [("AZ", 2021, 1), ("CO", 2024, 1), ("CR", 2024, 1), ("GH", 2019, 1), ("GH", None, 1)]


def test_wide_row_has_all_lists(db: duckdb.DuckDBPyConnection) -> None:
    load(db, [azerbaijan().model_copy(update={"action_refs": ["2019-07", "2016-12"], "action_code": "2020-03"})])
    row = db.execute(
        "SELECT expert_countries, eu_expert_countries, formats, assistance_types, action_refs, dates, docs, "
        "action_code FROM v_actions"
    ).fetchone()
    assert row == (
        ["FI", "GB", "LT", "RO"], ["FI", "LT", "RO"], ["assessment", "training"], ["Institutional Strengthening"],
        ["2016-12", "2019-07"], [{"text": "in 2021", "start": "2021", "end": "2021"}], [DOC], "2020-03",
    )


def test_known_records_for_skipping_unchanged(db: duckdb.DuckDBPyConnection) -> None:
    load(db, [costa_rica(), colombia(), costa_rica(DOC2, 3)])
    assert store.known_records(db, DOC) == {0: ("a1b2c3d4e5f60718", VERSION), 1: ("0f9e8d7c6b5a4938", VERSION)}
    assert store.known_records(db, DOC2) == {3: ("a1b2c3d4e5f60718", VERSION)}
    assert store.known_records(db, "missing.txt") == {}


def test_prune_withdraws_unlisted_action(db: duckdb.DuckDBPyConnection, tmp_path: Path) -> None:
    load(db, [costa_rica(), colombia(), costa_rica(DOC2, 3)])
    assert store.prune_sources(db, DOC, keep_indices=[1]) == 1
    # Costa Rica is still listed in DOC2: active; nothing withdrawn
    assert db.execute("SELECT count(*) FROM actions WHERE status = 'active'").fetchone()[0] == 2
    assert store.prune_sources(db, DOC2, keep_indices=[]) == 1
    status = dict(db.execute("SELECT partner_country, status FROM actions").fetchall())
    assert status == {"CR": "withdrawn", "CO": "active"}
    assert db.execute("SELECT count(*) FROM evidence").fetchone()[0] == 0
    assert [r[0] for r in db.execute("SELECT partner_country FROM v_actions").fetchall()] == ["CO"]
    assert store.export_jsonl(db, tmp_path / "pred.jsonl") == 1
    load(db, [costa_rica()])  # listed again: active again
    assert db.execute("SELECT status FROM actions WHERE partner_country = 'CR'").fetchone()[0] == "active"


def test_index_now_listing_another_action_withdraws_the_old(db: duckdb.DuckDBPyConnection) -> None:
    load(db, [costa_rica()])
    load(db, [colombia().model_copy(update={"index": 0})])
    assert dict(db.execute("SELECT partner_country, status FROM actions").fetchall()) == {
        "CR": "withdrawn", "CO": "active"}


def test_rejects_kept_with_reason_not_duplicated(db: duckdb.DuckDBPyConnection) -> None:
    reason = "period_start 2024-11-20 is after period_end 2024-11-18"
    reject = Reject(doc=DOC, index=1, action_id="7d0e55c2a9b84f13", text="  • Expert presentations ...", reason=reason)
    run1 = store.start_run(db, VERSION)
    store.save_rejects(db, [reject], run1)
    run2 = store.start_run(db, VERSION)
    store.save_rejects(db, [reject, reject], run2)
    assert db.execute("SELECT run_id, doc, idx, reason FROM rejects").fetchall() == [(run2, DOC, 1, reason)]
    other = reject.model_copy(update={"reason": "title is empty"})
    store.save_rejects(db, [other], run2)
    assert db.execute("SELECT count(*) FROM rejects").fetchone()[0] == 2


def test_runs_and_documents(db: duckdb.DuckDBPyConnection) -> None:
    run1 = store.start_run(db, VERSION)
    store.save_document(db, DOC, "corpus/" + DOC, "deadbeef", "listing", 88, run1)
    store.finish_run(db, run1, documents=1, records=88, extracted=86, unchanged=0, rejected=2)
    run2 = store.start_run(db, VERSION)
    assert run2 > run1
    store.save_document(db, DOC, "corpus/" + DOC, "cafebabe", "listing", 89, run2)
    store.finish_run(db, run2, documents=1, records=89, extracted=1, unchanged=88, rejected=0, status="failed")
    assert db.execute("SELECT content_hash, n_records, first_seen_run, last_run FROM documents").fetchall() == [
        ("cafebabe", 89, run1, run2)]
    runs = db.execute(
        "SELECT run_id, records, unchanged, status, finished_at IS NOT NULL FROM runs ORDER BY run_id").fetchall()
    assert runs == [(run1, 88, 0, "completed", True), (run2, 89, 88, "failed", True)]
    with pytest.raises(StoreError, match="run 999"):
        store.finish_run(db, 999, documents=0, records=0, extracted=0, unchanged=0, rejected=0)


def test_quotes_and_semicolons_are_stored_verbatim(db: duckdb.DuckDBPyConnection) -> None:
    title = "Ministry's \"Plan\"; DROP TABLE actions; -- l'emploi"
    load(db, [costa_rica().model_copy(update={"title": title, "description": "a;b'c\"d\\e"})])
    assert db.execute("SELECT title, description FROM actions").fetchone() == (title, "a;b'c\"d\\e")
    assert next(store.iter_export(db))["title"] == title


def test_failed_batch_is_rolled_back(db: duckdb.DuckDBPyConnection) -> None:
    load(db, [costa_rica()])
    before = counts(db)
    broken = colombia().model_copy(update={"record_hash": None})  # NOT NULL violation inside the batch
    with pytest.raises(duckdb.Error):
        store.save_records(db, [costa_rica(), broken], 1, VERSION)
    assert counts(db) == before


def test_foreign_file_gives_store_error(tmp_path: Path) -> None:
    path = tmp_path / "x.duckdb"
    path.write_bytes(os.urandom(4096))
    with pytest.raises(StoreError) as err:
        store.connect(path)
    assert str(path) in str(err.value) and "not a usable DuckDB database" in str(err.value)


def test_locked_file_gives_store_error(tmp_path: Path) -> None:
    path = tmp_path / "locked.duckdb"
    holder = textwrap.dedent(f"""
        import duckdb, sys
        con = duckdb.connect({str(path)!r})
        print("ready", flush=True)
        sys.stdin.read()
    """)
    proc = subprocess.Popen([sys.executable, "-c", holder], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    try:
        assert proc.stdout is not None and proc.stdout.readline().strip() == "ready"
        with pytest.raises(StoreError, match="locked by another process") as err:
            store.connect(path)
        assert str(path) in str(err.value) and "--db" in str(err.value)
    finally:
        proc.communicate(input="", timeout=30)


def test_snapshot_of_some_actions_matches_the_view(corpus_db) -> None:
    """`_snapshot` filters every table before aggregating (one query per batch must not aggregate the
    whole database); its rows are the view's rows for those actions, and new ids have none."""
    con = duckdb.connect(str(corpus_db), read_only=True)
    try:
        ids = [r[0] for r in con.execute("SELECT action_id FROM actions ORDER BY action_id LIMIT 25").fetchall()]
        snap = store._snapshot(con, ids + ["not-an-action-id"])
        cols = ["action_id", "status", *store.TRACKED_FIELDS]
        view = {r[0]: r for r in con.execute(
            f"SELECT {', '.join(cols)} FROM v_actions_all WHERE action_id IN (SELECT unnest(?::VARCHAR[]))", [ids]
        ).fetchall()}
        assert set(snap) == set(ids)
        assert all(tuple(snap[i][c] for c in cols) == view[i] for i in ids)
        assert store._snapshot(con, ["not-an-action-id"]) == {}
    finally:
        con.close()


def test_partner_rows_read_only_the_institutions_in_question(db: duckdb.DuckDBPyConnection) -> None:
    """With the inference's rule, only lines some action still needs a country for are read, and the
    inference finds the same as over every row."""
    from pipeline import institutions

    known = colombia()  # the institution with its country
    unknown = colombia().model_copy(update={"index": 2, "action_id": "7d0e55c2a9b84f14", "partner_country": None,
                                            "partner_institution": "Public  Employment Services [Unidad del Servicio "
                                            "Público de Empleo] (UAESPE)"})  # same line, other spacing
    others = [costa_rica(), ghana(), azerbaijan()]  # countries known, nothing to infer for them
    load(db, [known, unknown, *others])
    every = store.partner_rows(db)
    asked = store.partner_rows(db, institutions.RULE)
    assert {row[0] for row in asked} == {known.action_id, unknown.action_id}
    assert len(every) > len(asked)
    assert institutions.infer(asked) == institutions.infer(every)
    [inferred] = institutions.infer(asked)
    assert (inferred.action_id, inferred.country, inferred.institution) == (
        unknown.action_id, "CO", unknown.partner_institution)
