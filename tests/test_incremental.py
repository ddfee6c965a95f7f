"""Incremental, versioned runs (issue 4): only new or changed records are re-extracted,
vanished records are withdrawn (not deleted), and every change is logged per run."""

from __future__ import annotations

import shutil
from pathlib import Path

import duckdb
import pytest

import flows
from pipeline import run
from pipeline.nlp import fingerprint
from pipeline.paths import CONFIG_PATH, CORPUS_DIR, DATA_DIR, PATTERNS_DIR

LISTING = "000_3a8d02358315f3d7.txt"
NEWS = "004_a00941e2d125b2e4.txt"


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    d = tmp_path / "corpus"
    d.mkdir()
    shutil.copy(CORPUS_DIR / LISTING, d / LISTING)
    return d


def rows(db: Path, sql: str) -> list[tuple]:
    con = duckdb.connect(str(db), read_only=True)
    try:
        return con.execute(sql).fetchall()
    finally:
        con.close()


def test_incremental_lifecycle(prefect_harness, corpus: Path, tmp_path: Path) -> None:
    db = tmp_path / "s.duckdb"
    first = flows.extract_corpus(corpus, db)
    assert (first["records"], first["extracted"], first["unchanged"]) == (87, 87, 0)
    assert rows(db, "SELECT count(*) FROM changes WHERE change = 'added'") == [(87,)]

    # nothing changed: nothing extracted, and the run says so
    second = flows.extract_corpus(corpus, db)
    assert (second["extracted"], second["unchanged"]) == (0, 87)

    # a new document: only its record is extracted
    shutil.copy(CORPUS_DIR / NEWS, corpus / NEWS)
    third = flows.extract_corpus(corpus, db)
    assert (third["documents"], third["extracted"], third["unchanged"]) == (2, 1, 87)

    # editing one record re-extracts only that one and logs the changed field with old and new values
    text = (corpus / LISTING).read_text(encoding="utf-8")
    edited = text.replace("saw experts from France and Germany", "saw experts from France and Italy", 1)
    assert edited != text
    (corpus / LISTING).write_text(edited, encoding="utf-8")
    fourth = flows.extract_corpus(corpus, db)
    assert (fourth["extracted"], fourth["unchanged"]) == (1, 87)
    run_id = rows(db, "SELECT max(run_id) FROM runs")[0][0]
    logged = rows(db, f"SELECT field, old_value, new_value FROM changes WHERE run_id = {run_id} AND change = 'changed'")
    assert ("expert_countries", '["DE", "FR"]', '["FR", "IT"]') in logged
    assert {f for f, _, _ in logged} <= {"expert_countries", "description"}

    # removing a record marks its action withdrawn, not deleted
    blocks = edited.split("  • ")
    removed_title = blocks[2].splitlines()[0].strip()
    (corpus / LISTING).write_text("  • ".join(blocks[:2] + blocks[3:]), encoding="utf-8")
    flows.extract_corpus(corpus, db)
    status = rows(db, f"SELECT status FROM actions WHERE title = '{removed_title}'")
    assert status == [("withdrawn",)]
    assert rows(db, "SELECT count(*) FROM changes WHERE change = 'withdrawn'") == [(1,)]
    assert rows(db, "SELECT count(*) FROM v_actions")[0][0] == 87  # 86 listing + 1 news still active


def test_pipeline_version_changes_with_patterns(tmp_path: Path) -> None:
    patterns = tmp_path / "patterns"
    shutil.copytree(PATTERNS_DIR, patterns)
    before = fingerprint(CONFIG_PATH, patterns)
    with (patterns / "formats.jsonl").open("a", encoding="utf-8") as fh:
        fh.write('{"id": "workshop", "pattern": [{"LOWER": "hackathon"}]}\n')
    assert fingerprint(CONFIG_PATH, patterns) != before



def test_pipeline_version_changes_with_a_vocabulary(tmp_path: Path) -> None:
    """A vocabulary of models/data (here the page chrome's rows) decides records and fields as a pattern does."""
    data = tmp_path / "data"
    shutil.copytree(DATA_DIR, data)
    before = fingerprint(CONFIG_PATH, PATTERNS_DIR, data)
    with (data / "news_boilerplate.txt").open("a", encoding="utf-8") as fh:
        fh.write("Subscribe to our podcast\n")
    assert fingerprint(CONFIG_PATH, PATTERNS_DIR, data) != before

def test_other_pipeline_version_reextracts(corpus: Path, tmp_path: Path, prefect_harness) -> None:
    db = tmp_path / "v.duckdb"
    flows.extract_corpus(corpus, db)
    split = run.split_path(str(corpus / LISTING))
    version = rows(db, "SELECT DISTINCT pipeline_version FROM sources")[0][0]
    run_id = run.start_run(db, version)
    try:
        todo, unchanged = run.select_changed(run_id, split, version)
        assert (len(todo), unchanged) == (0, 87)
        todo, unchanged = run.select_changed(run_id, split, version + "-patterns-edited")
        assert (len(todo), unchanged) == (87, 0)
    finally:
        run.abort_run(db, run_id, "test: selection only")


def test_crash_mid_load_leaves_database_as_before(prefect_harness, corpus: Path, tmp_path: Path,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    db = tmp_path / "c.duckdb"
    flows.extract_corpus(corpus, db)
    tables = ("actions", "sources", "evidence", "experts", "dates", "changes", "rejects", "documents")
    before = {t: rows(db, f"SELECT * FROM {t} ORDER BY ALL") for t in tables}
    shutil.copy(CORPUS_DIR / NEWS, corpus / NEWS)
    (corpus / LISTING).write_text((corpus / LISTING).read_text(encoding="utf-8").replace("France", "Italy"),
                                  encoding="utf-8")
    real = run.store.save_records

    def crash(*args, **kwargs):  # the chunk's documents are written, its records not
        raise OSError("disk unplugged (injected)")

    monkeypatch.setattr(run.store, "save_records", crash)
    with pytest.raises(OSError, match="injected"):
        flows.extract_corpus(corpus, db)
    assert {t: rows(db, f"SELECT * FROM {t} ORDER BY ALL") for t in tables} == before
    assert rows(db, "SELECT status FROM runs ORDER BY run_id DESC LIMIT 1")[0][0].startswith("failed: OSError")
    monkeypatch.setattr(run.store, "save_records", real)
    again = flows.extract_corpus(corpus, db)  # the next run completes
    assert again["documents"] == 2 and again["extracted"] > 1


def test_second_run_reads_no_unchanged_document(prefect_harness, corpus: Path, tmp_path: Path) -> None:
    db = tmp_path / "k.duckdb"
    flows.extract_corpus(corpus, db)
    calls = {"n": 0}
    real = run.split_path

    def counting(path, corpus_dir=None):
        calls["n"] += 1
        return real(path, corpus_dir)

    run.split_path = counting
    try:
        second = flows.extract_corpus(corpus, db)
    finally:
        run.split_path = real
    assert second["unchanged"] == 87 and second["documents"] == 1 and calls["n"] == 0
    assert rows(db, "SELECT count(DISTINCT last_run) FROM documents")[0][0] == 1  # touched by the second run


def test_plan_reads_a_document_again_when_bytes_or_version_change(prefect_harness, corpus: Path, tmp_path: Path) -> None:
    db = tmp_path / "p.duckdb"
    flows.extract_corpus(corpus, db)
    version = rows(db, "SELECT DISTINCT pipeline_version FROM sources")[0][0]
    path = str(corpus / LISTING)
    run_id = run.start_run(db, version)
    try:
        assert run.plan_chunk(run_id, [path], version, corpus).settled == [(path, LISTING, 87)]
        assert run.plan_chunk(run_id, [path], version + "-edited", corpus).to_split == [path]
        with open(path, "a", encoding="utf-8") as fh:
            fh.write("\n")  # one more byte: same records, but the file must be read again
        assert run.plan_chunk(run_id, [path], version, corpus).to_split == [path]
    finally:
        run.abort_run(db, run_id, "test: planning only")


def test_document_with_a_rejected_record_is_never_settled(prefect_harness, corpus: Path, tmp_path: Path) -> None:
    from pipeline import store

    db = tmp_path / "r.duckdb"
    flows.extract_corpus(corpus, db)
    version = rows(db, "SELECT DISTINCT pipeline_version FROM sources")[0][0]
    con = store.connect(db)
    try:
        assert store.settled_documents(con, [LISTING], version)
        con.execute("DELETE FROM sources WHERE doc = ? AND idx = 3", [LISTING])  # as if record 3 had been rejected
        assert store.settled_documents(con, [LISTING], version) == {}
    finally:
        con.close()


def test_chunks_group_small_documents_in_order(tmp_path: Path) -> None:
    paths = []
    for i in range(5):
        p = tmp_path / f"{i}.txt"
        p.write_text("x" * 100, encoding="utf-8")
        paths.append(str(p))
    assert run.chunks(paths, max_bytes=250) == [paths[0:2], paths[2:4], paths[4:5]]
    assert run.chunks(paths, max_docs=3) == [paths[0:3], paths[3:5]]
    assert run.chunks(paths + [str(tmp_path / "gone.txt")]) == [paths + [str(tmp_path / "gone.txt")]]


def test_large_run_commits_in_steps_and_resumes_after_a_crash(prefect_harness, tmp_path: Path,
                                                              monkeypatch: pytest.MonkeyPatch) -> None:
    """Above run.CHECKPOINT_RECORDS a run commits chunk by chunk: a crash keeps the committed
    documents, and the next run skips them as unchanged and loads the rest."""
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    shutil.copy(CORPUS_DIR / LISTING, corpus / LISTING)
    shutil.copy(CORPUS_DIR / NEWS, corpus / NEWS)
    db = tmp_path / "steps.duckdb"
    monkeypatch.setattr(run, "CHECKPOINT_RECORDS", 1)
    monkeypatch.setattr(run, "CHUNK_DOCS", 1)  # one chunk per document: listing, then news
    real = run.store.save_records
    calls = {"n": 0}

    def crash_on_second_chunk(*args, **kwargs):
        calls["n"] += 1
        if calls["n"] == 2:
            raise OSError("power cut (injected)")
        return real(*args, **kwargs)

    monkeypatch.setattr(run.store, "save_records", crash_on_second_chunk)
    with pytest.raises(OSError, match="injected"):
        flows.extract_corpus(corpus, db)
    assert rows(db, "SELECT DISTINCT doc FROM sources") == [(LISTING,)]  # the first chunk was committed
    monkeypatch.setattr(run.store, "save_records", real)
    again = flows.extract_corpus(corpus, db)
    assert again["unchanged"] == 87 and again["extracted"] == 1  # resumed: only the news item was left
    assert rows(db, "SELECT count(*) FROM sources") == [(88,)]


def test_a_run_caps_duckdbs_buffer_pool(tmp_path: Path) -> None:
    """DuckDB's default memory limit (80% of RAM) lets a long run's process grow with the database;
    the run's connection has run.RUN_MEMORY_LIMIT, an analyst's connection keeps DuckDB's default."""
    run_id = run.start_run(tmp_path / "db.duckdb", "v")
    try:
        limit = run._run_con(run_id).execute("SELECT current_setting('memory_limit')").fetchone()[0]
    finally:
        run.abort_run(tmp_path / "db.duckdb", run_id, "test")
    assert limit.endswith("MiB") and float(limit.split()[0]) <= 512
    with duckdb.connect(str(tmp_path / "db.duckdb")) as con:
        assert con.execute("SELECT current_setting('memory_limit')").fetchone()[0] != limit
