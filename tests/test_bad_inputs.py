"""Messy input (issue 5): every record found ends up as an action or a reject with its reason,
every unreadable or foreign file is reported by name, and the run accounts for everything."""

from __future__ import annotations

import shutil
from pathlib import Path

import duckdb
import pytest

import flows

BAD = Path(__file__).parent / "bad_inputs"


@pytest.fixture(scope="module")
def loaded(prefect_harness, tmp_path_factory: pytest.TempPathFactory) -> tuple[dict, duckdb.DuckDBPyConnection]:
    tmp = tmp_path_factory.mktemp("bad")
    corpus = tmp / "corpus"
    shutil.copytree(BAD, corpus)
    outside = tmp / "outside.txt"
    outside.write_text("  • A record outside the corpus\n\n    Ministry of Secrets\n", encoding="utf-8")
    (corpus / "link_outside.txt").symlink_to(outside)
    summary = flows.extract_corpus(corpus, tmp / "bad.duckdb")
    con = duckdb.connect(str(tmp / "bad.duckdb"), read_only=True)
    yield summary, con
    con.close()


def q(con: duckdb.DuckDBPyConnection, sql: str) -> list[tuple]:
    return con.execute(sql).fetchall()


def test_accounting_adds_up(loaded) -> None:
    summary, con = loaded
    assert summary["records"] == summary["extracted"] + summary["rejected"] + summary["unchanged"]
    (run,) = q(con, "SELECT records, extracted, rejected, unchanged, status FROM runs")
    assert run == (summary["records"], summary["extracted"], summary["rejected"], summary["unchanged"], "completed")
    assert summary["documents"] == len(list(BAD.iterdir())) + 1  # + the symlink


@pytest.mark.parametrize(
    "doc, reason",
    [
        ("empty.txt", "is empty"),
        ("whitespace_only.txt", "is empty"),
        ("binary.txt", "looks binary"),
        ("other_language.txt", "neither a catalogue listing nor a news item"),
        ("other_kind.txt", "neither a catalogue listing nor a news item"),
        ("link_outside.txt", "resolves outside the corpus directory"),
    ],
)
def test_unusable_files_are_reported_by_name(loaded, doc: str, reason: str) -> None:
    _, con = loaded
    reasons = [r for (r,) in q(con, f"SELECT reason FROM rejects WHERE doc = '{doc}' AND idx = -1")]
    assert len(reasons) == 1 and reason in reasons[0] and doc in reasons[0]
    assert q(con, f"SELECT count(*) FROM sources WHERE doc = '{doc}'") == [(0,)]


@pytest.mark.parametrize(
    "doc, title, partner, experts",
    [
        ("cp1252_crlf.txt", "Support to the Ministry of Labour of Peru", "PE", ["ES"]),
        ("utf8_bom_cr.txt", "Green jobs for youth in Togo", "TG", ["BE", "FR"]),
        ("mojibake.txt", "Support to the Ministère de l’Emploi of Senegal", "SN", ["FR"]),
        ("nbsp_tabs.txt", "Labour inspection support in Moldova", "MD", ["LT", "LV"]),
        ("listing_page.html", "Social dialogue on the future of work in Peru", "PE", ["ES", "FR", "IT"]),
        ("listing_page.html", "Teleworking strategies", "PE", ["ES", "NL"]),
    ],
)
def test_encodings_and_html_give_the_same_records(loaded, doc, title, partner, experts) -> None:
    _, con = loaded
    rows = q(con, f"""SELECT v.partner_country, v.expert_countries FROM sources s JOIN v_actions v USING (action_id)
                      WHERE s.doc = '{doc}' AND v.title = ?""".replace("?", "'" + title.replace("'", "''") + "'"))
    assert rows == [(partner, experts)]


def test_html_is_parsed_not_executed(loaded) -> None:
    _, con = loaded
    texts = " ".join(t for (t,) in q(con, "SELECT text FROM sources WHERE doc = 'listing_page.html'"))
    assert "document.write" not in texts and "li{}" not in texts


def test_broken_records_are_kept_with_notes(loaded) -> None:
    _, con = loaded
    titles = [t for (t,) in q(con, "SELECT v.title FROM sources s JOIN v_actions v USING (action_id) "
                                   "WHERE s.doc = 'broken_records.txt' ORDER BY s.idx")]
    assert titles == ["A bullet with nothing under it", "Record cut off mid-sentence", "Unknown labels in the types line",
                      "Unclosed bracket in the institution line", "Impossible date in the description",
                      "A bullet with nothing under it"]
    notes = dict(q(con, "SELECT idx, string_agg(note, ' | ') FROM notes WHERE doc = 'broken_records.txt' GROUP BY idx"))
    assert "nothing under it" in notes[0]
    assert "not in the known vocabulary: Telepathy support" in notes[2]
    assert "31 February 2023" in notes[4] and "does not exist" in notes[4]
    # the impossible date is reported, the valid one is still extracted
    dates = q(con, """SELECT d.text, d.start FROM dates d JOIN sources s USING (action_id)
                      WHERE s.doc = 'broken_records.txt' AND s.idx = 4""")
    assert dates == [("2 March 2023", "2023-03-02")]
    inst = q(con, "SELECT partner_institution, partner_country FROM v_actions WHERE title LIKE 'Unclosed bracket%'")
    assert inst == [("Ministry of the Interior [Ministerio del Interior", "CO")]


def test_same_action_twice_is_one_action_with_all_sources(loaded) -> None:
    _, con = loaded
    in_file = q(con, "SELECT count(DISTINCT action_id), count(*) FROM sources WHERE doc = 'broken_records.txt' "
                     "AND idx IN (0, 5)")
    assert in_file == [(1, 2)]
    across = q(con, """SELECT count(DISTINCT s.action_id), count(*) FROM sources s JOIN actions a USING (action_id)
                       WHERE a.title = 'Record cut off mid-sentence'""")
    assert across == [(1, 2)]


def test_locked_database_gives_a_clear_error(tmp_path: Path) -> None:
    """Another process holding the file: a StoreError naming it, never a raw traceback."""
    import subprocess
    import sys
    import time

    from pipeline import store

    db = tmp_path / "locked.duckdb"
    store.connect(db).close()
    holder = subprocess.Popen([sys.executable, "-c", f"import duckdb,time; c=duckdb.connect({str(db)!r}); "
                               "print('ok', flush=True); time.sleep(30)"], stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "ok"
        with pytest.raises(store.StoreError, match="locked by another process"):
            store.connect(db)
    finally:
        holder.kill()
        holder.wait()
    time.sleep(0.1)
    store.connect(db).close()  # usable again once the other process is gone


def test_foreign_file_gives_a_clear_error(tmp_path: Path) -> None:
    from pipeline import store

    db = tmp_path / "foreign.duckdb"
    db.write_bytes(b"this is not a database" * 100)
    with pytest.raises(store.StoreError, match="foreign.duckdb"):
        store.connect(db)


def test_file_vanishing_mid_run_is_reported_and_others_load(prefect_harness, tmp_path: Path,
                                                            monkeypatch: pytest.MonkeyPatch) -> None:
    from pipeline import run

    corpus = tmp_path / "corpus"
    shutil.copytree(BAD, corpus)
    real = run.split_path

    def vanish_then_split(path: str, corpus_dir=None):
        if path.endswith("cp1252_crlf.txt"):
            Path(path).unlink()  # deleted between discovery and reading
        return real(path, corpus_dir)

    monkeypatch.setattr(run, "split_path", vanish_then_split)
    monkeypatch.setattr(flows, "split_task", flows.task(run.split_chunk, name="split-chunk", retries=2,
                                                         retry_delay_seconds=0))
    summary = flows.extract_corpus(corpus, tmp_path / "v.duckdb")
    con = duckdb.connect(str(tmp_path / "v.duckdb"), read_only=True)
    try:
        (reason,) = con.execute("SELECT reason FROM rejects WHERE doc = 'cp1252_crlf.txt'").fetchone()
        loaded = con.execute("SELECT count(*) FROM sources").fetchone()[0]
    finally:
        con.close()
    assert "cannot read" in reason and "cp1252_crlf.txt" in reason
    assert loaded == summary["extracted"] > 0
