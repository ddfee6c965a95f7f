"""DuckDB store of action records: DDL in one place, bound parameters, idempotent writes.

One action (an `action_id`) is one row of `actions`, whatever the number of
documents listing it: each listing is a row of `sources` keyed by
(doc, idx). Saving a record replaces the action's child rows (experts, dates,
formats, assistance types, refs) and its evidence for that document, so
loading the same records twice leaves the same rows. An action no document
lists any more is marked 'withdrawn', never deleted. Every value is bound with
`?`; the only I/O of the pipeline's database lives here.
"""

from __future__ import annotations

import datetime
import json
import os
import re
import tempfile
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import duckdb
import pyarrow as pa

from pipeline.eu import is_eu_member, read_membership_rows
from pipeline.schema import EXPORT_FIELDS, ActionRecord, Reject

CHILD_TABLES = ("experts", "dates", "formats", "assistance_types", "action_refs")

#: one wide row per action (any status), the body of view v_actions_all; `{where}` filters every
#: table before its aggregation, so a look-up of a few actions (`_snapshot`) reads those only
#: instead of aggregating the whole database through the view (measured: 56-88 ms per 1,000 ids
#: at 100,000 actions, growing with the database)
ACTIONS_ALL_SQL = """    SELECT a.status, a.action_id, a.title, a.partner_institution, a.description, a.partner_country,
           a.delivery, a.action_code, a.period_start, a.period_end, a.kind,
           coalesce(x.expert_countries, []) AS expert_countries,
           coalesce(x.eu_expert_countries, []) AS eu_expert_countries,
           coalesce(f.formats, []) AS formats,
           coalesce(t.assistance_types, []) AS assistance_types,
           coalesce(r.action_refs, []) AS action_refs,
           coalesce(d.dates, []) AS dates,
           coalesce(s.docs, []) AS docs,
           a.record_hash, a.pipeline_version, a.run_id, a.updated_at
    FROM (SELECT * FROM actions {where}) a
    LEFT JOIN (SELECT action_id, list_sort(list_distinct(list(country))) AS expert_countries,
                      list_sort(list_distinct(list(country) FILTER (WHERE is_eu))) AS eu_expert_countries
               FROM experts {where} GROUP BY action_id) x USING (action_id)
    LEFT JOIN (SELECT action_id, list_sort(list_distinct(list(format))) AS formats
               FROM formats {where} GROUP BY action_id) f USING (action_id)
    LEFT JOIN (SELECT action_id, list(label ORDER BY ord) AS assistance_types
               FROM assistance_types {where} GROUP BY action_id) t USING (action_id)
    LEFT JOIN (SELECT action_id, list_sort(list_distinct(list(ref))) AS action_refs
               FROM action_refs {where} GROUP BY action_id) r USING (action_id)
    LEFT JOIN (SELECT action_id, list({'text': text, 'start': start, 'end': "end"} ORDER BY ord) AS dates
               FROM dates {where} GROUP BY action_id) d USING (action_id)
    LEFT JOIN (SELECT action_id, list_sort(list_distinct(list(doc))) AS docs
               FROM sources {where} GROUP BY action_id) s USING (action_id)"""

def actions_all_sql(where: str = "") -> str:
    """ACTIONS_ALL_SQL with `where` applied to every table (no filter: the view's body)."""
    return ACTIONS_ALL_SQL.replace("{where}", where)


DDL: list[str] = [
    "CREATE SEQUENCE IF NOT EXISTS run_id_seq START 1",
    """CREATE TABLE IF NOT EXISTS runs (
        run_id BIGINT PRIMARY KEY DEFAULT nextval('run_id_seq'),
        started_at TIMESTAMP NOT NULL, finished_at TIMESTAMP,
        pipeline_version VARCHAR NOT NULL,
        documents INTEGER, records INTEGER, extracted INTEGER, unchanged INTEGER, rejected INTEGER,
        status VARCHAR NOT NULL)""",
    """CREATE TABLE IF NOT EXISTS documents (
        doc VARCHAR PRIMARY KEY, path VARCHAR NOT NULL, content_hash VARCHAR NOT NULL,
        kind VARCHAR, n_records INTEGER NOT NULL, first_seen_run BIGINT, last_run BIGINT)""",
    # sha256 of the file's bytes when it was last split without error (NULL otherwise): an
    # unchanged file whose records all carry the current pipeline version is not read again
    "ALTER TABLE documents ADD COLUMN IF NOT EXISTS file_hash VARCHAR",
    """CREATE TABLE IF NOT EXISTS actions (
        action_id VARCHAR PRIMARY KEY, title VARCHAR NOT NULL, partner_institution VARCHAR,
        description VARCHAR, partner_country VARCHAR, delivery VARCHAR, action_code VARCHAR,
        period_start VARCHAR, period_end VARCHAR, kind VARCHAR, record_hash VARCHAR NOT NULL,
        pipeline_version VARCHAR NOT NULL, run_id BIGINT,
        status VARCHAR NOT NULL CHECK (status IN ('active', 'withdrawn')),
        updated_at TIMESTAMP NOT NULL)""",
    # pipeline_version per occurrence: the version that last extracted *this* listing
    """CREATE TABLE IF NOT EXISTS sources (
        doc VARCHAR NOT NULL, idx INTEGER NOT NULL, action_id VARCHAR NOT NULL,
        record_hash VARCHAR NOT NULL, pipeline_version VARCHAR NOT NULL,
        offset_start INTEGER NOT NULL, text VARCHAR NOT NULL, run_id BIGINT,
        PRIMARY KEY (doc, idx))""",
    "CREATE TABLE IF NOT EXISTS experts (action_id VARCHAR NOT NULL, country VARCHAR NOT NULL, is_eu BOOLEAN NOT NULL)",
    """CREATE TABLE IF NOT EXISTS dates (
        action_id VARCHAR NOT NULL, ord INTEGER NOT NULL, text VARCHAR NOT NULL,
        start VARCHAR NOT NULL, "end" VARCHAR)""",
    "CREATE TABLE IF NOT EXISTS formats (action_id VARCHAR NOT NULL, format VARCHAR NOT NULL)",
    "CREATE TABLE IF NOT EXISTS assistance_types (action_id VARCHAR NOT NULL, ord INTEGER NOT NULL, label VARCHAR NOT NULL)",
    "CREATE TABLE IF NOT EXISTS action_refs (action_id VARCHAR NOT NULL, ref VARCHAR NOT NULL)",
    # offsets are in the source document `doc`
    """CREATE TABLE IF NOT EXISTS evidence (
        action_id VARCHAR NOT NULL, field VARCHAR NOT NULL, value VARCHAR, text VARCHAR NOT NULL,
        doc VARCHAR NOT NULL, start INTEGER NOT NULL, "end" INTEGER NOT NULL,
        rule VARCHAR NOT NULL, status VARCHAR NOT NULL)""",
    """CREATE TABLE IF NOT EXISTS rejects (
        run_id BIGINT, doc VARCHAR NOT NULL, idx INTEGER NOT NULL, action_id VARCHAR,
        text VARCHAR NOT NULL, reason VARCHAR NOT NULL, created_at TIMESTAMP NOT NULL)""",
    # review notes of a record occurrence: splitter problems, invalid dates, why a value is null
    "CREATE TABLE IF NOT EXISTS notes (action_id VARCHAR NOT NULL, doc VARCHAR NOT NULL, idx INTEGER NOT NULL, note VARCHAR NOT NULL)",
    # per run: actions added, changed (one row per field, old and new value as JSON) and withdrawn
    """CREATE TABLE IF NOT EXISTS changes (
        run_id BIGINT, action_id VARCHAR NOT NULL, change VARCHAR NOT NULL
            CHECK (change IN ('added', 'changed', 'withdrawn', 'restored')),
        field VARCHAR, old_value VARCHAR, new_value VARCHAR, changed_at TIMESTAMP NOT NULL)""",
    'CREATE TABLE IF NOT EXISTS eu_membership (code VARCHAR NOT NULL, name VARCHAR NOT NULL, joined DATE NOT NULL, "left" DATE)',
    f"CREATE OR REPLACE VIEW v_actions_all AS {actions_all_sql()}",
    # one wide row per active action
    """CREATE OR REPLACE VIEW v_actions AS
    SELECT * EXCLUDE (status) FROM v_actions_all WHERE status = 'active'""",
    """CREATE OR REPLACE VIEW v_expert_flows AS
    SELECT x.country AS expert_country, x.is_eu AS expert_is_eu, a.partner_country,
           count(DISTINCT a.action_id) AS n_actions
    FROM experts x JOIN actions a USING (action_id)
    WHERE a.status = 'active'
    GROUP BY x.country, x.is_eu, a.partner_country
    ORDER BY n_actions DESC, expert_country, partner_country NULLS LAST""",
    # year: from period_start, else the first date, else null
    """CREATE OR REPLACE VIEW v_actions_per_country_year AS
    SELECT partner_country,
           CAST(left(coalesce(period_start, dates[1].start), 4) AS INTEGER) AS year,
           count(*) AS n_actions
    FROM v_actions
    GROUP BY ALL
    ORDER BY partner_country NULLS LAST, year NULLS LAST""",
]


class StoreError(RuntimeError):
    """The database cannot be used; the message names the file and says what to do."""


def _now() -> datetime.datetime:
    """Naive UTC timestamp (columns are TIMESTAMP, in UTC)."""
    return datetime.datetime.now(datetime.UTC).replace(tzinfo=None)


_IN_RUN: set[int] = set()  # ids of connections holding a whole run's transaction


@contextmanager
def _transaction(con: duckdb.DuckDBPyConnection) -> Iterator[None]:
    """A transaction, or nothing when the connection already holds the run's transaction."""
    if id(con) in _IN_RUN:
        yield
        return
    con.execute("BEGIN TRANSACTION")
    try:
        yield
    except BaseException:
        con.execute("ROLLBACK")
        raise
    con.execute("COMMIT")


def begin_run_transaction(con: duckdb.DuckDBPyConnection) -> None:
    """Open the transaction that holds a whole run: all its writes land together or not at all."""
    con.execute("BEGIN TRANSACTION")
    _IN_RUN.add(id(con))


def checkpoint_run_transaction(con: duckdb.DuckDBPyConnection) -> None:
    """Commit what the run wrote so far and go on in a new transaction (see run.CHECKPOINT_RECORDS)."""
    con.execute("COMMIT")
    con.execute("BEGIN TRANSACTION")


def end_run_transaction(con: duckdb.DuckDBPyConnection, commit: bool) -> None:
    _IN_RUN.discard(id(con))
    con.execute("COMMIT" if commit else "ROLLBACK")


#: below this many rows a statement is executed row by row; above, in bulk through Arrow
BULK_MIN_ROWS = 16
_BULK = "_socieux_rows"
_VALUES = re.compile(r"VALUES\s*\(([^)]*)\)", re.I)
_DELETE = re.compile(r"^\s*DELETE FROM (\w+) WHERE (.+)$", re.I | re.S)


def _bulk_sql(sql: str) -> str:
    """The same statement reading its parameters from the registered Arrow table (c0, c1, …).

    `INSERT … VALUES (?, 'x', ?) [ON CONFLICT …]` -> `INSERT … SELECT c0, 'x', c1 FROM rows …`;
    `DELETE FROM t WHERE a = ? AND b = ?` -> `DELETE FROM t USING rows WHERE t.a = rows.c0 AND t.b = rows.c1`.
    """
    counter = iter(range(1000))
    if m := _VALUES.search(sql):
        cols = ", ".join(f"c{next(counter)}" if part.strip() == "?" else part.strip() for part in m.group(1).split(","))
        return sql[: m.start()] + f"SELECT {cols} FROM {_BULK}" + sql[m.end() :]
    if m := _DELETE.match(sql):
        table, where = m.groups()
        conds = [c.strip() for c in re.split(r"\s+AND\s+", where, flags=re.I)]
        if all(re.fullmatch(r'"?\w+"?\s*=\s*\?', c) for c in conds):
            on = " AND ".join(f"{table}.{c.split('=')[0].strip()} = {_BULK}.c{next(counter)}" for c in conds)
            return f"DELETE FROM {table} USING {_BULK} WHERE {on}"
    raise ValueError(f"no bulk form for statement: {sql}")


def _many(con: duckdb.DuckDBPyConnection, sql: str, rows: Sequence[Sequence[Any]]) -> None:
    """Execute a parameterised statement for every row: bound values either way, in bulk when many."""
    if not rows:
        return
    if len(rows) < BULK_MIN_ROWS:
        con.executemany(sql, rows)
        return
    columns = list(zip(*rows))
    table = pa.table({f"c{i}": pa.array(col) for i, col in enumerate(columns)})
    con.register(_BULK, table)
    try:
        con.execute(_bulk_sql(sql))
    finally:
        con.unregister(_BULK)


def _open_error(db_path: Path, exc: Exception) -> StoreError:
    msg = str(exc)
    low = msg.lower()
    if "lock" in low:
        return StoreError(
            f"database {db_path} is locked by another process; wait for it to finish "
            f"or use --db to write elsewhere ({msg})"
        )
    if "not a valid duckdb database" in low or "corrupt" in low or "serializ" in low:
        return StoreError(
            f"{db_path} is not a usable DuckDB database (foreign or corrupted file); "
            f"move or delete it, or use --db to write elsewhere ({msg})"
        )
    if "version" in low:
        return StoreError(
            f"{db_path} was written by an incompatible DuckDB version; move it away "
            f"or use --db to write elsewhere ({msg})"
        )
    return StoreError(f"cannot open database {db_path}: {msg}; check the path or use --db to write elsewhere")


def connect(db_path: Path) -> duckdb.DuckDBPyConnection:
    """Open (or create) the database, create the schema, and load the EU membership table."""
    db_path = Path(db_path)
    try:
        db_path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise StoreError(f"cannot create the directory of database {db_path}: {exc}; use --db to write elsewhere") from exc
    try:
        # one DuckDB thread: with the Dask runner, bulk loads (Arrow scans on DuckDB's threads)
        # failed at 100,000 records with "Corrupted uncompressed string segment" while Dask's
        # threads received results in the same process; single-threaded, the same run completes.
        # Loads are small bulk statements, so this costs little (bench/README.md).
        con = duckdb.connect(str(db_path), config={"threads": 1})
    except duckdb.Error as exc:
        raise _open_error(db_path, exc) from exc
    try:
        with _transaction(con):
            for statement in DDL:
                con.execute(statement)
            _load_eu_membership(con)
    except duckdb.Error as exc:
        con.close()
        raise _open_error(db_path, exc) from exc
    return con


def _load_eu_membership(con: duckdb.DuckDBPyConnection) -> None:
    con.execute("DELETE FROM eu_membership")
    _many(
        con,
        'INSERT INTO eu_membership (code, name, joined, "left") VALUES (?, ?, ?, ?)',
        [(m.code, m.name, m.joined, m.left) for m in read_membership_rows()],
    )


def start_run(con: duckdb.DuckDBPyConnection, pipeline_version: str) -> int:
    """Open a run row (status 'running') and return its id."""
    row = con.execute(
        "INSERT INTO runs (started_at, pipeline_version, status) VALUES (?, ?, 'running') RETURNING run_id",
        [_now(), pipeline_version],
    ).fetchone()
    assert row is not None
    return int(row[0])


def finish_run(
    con: duckdb.DuckDBPyConnection,
    run_id: int,
    *,
    documents: int,
    records: int,
    extracted: int,
    unchanged: int,
    rejected: int,
    status: str = "completed",
) -> None:
    """Close a run with its counts; a completed run must account for every record found."""
    if status == "completed" and records != extracted + rejected + unchanged:
        raise StoreError(
            f"run {run_id} does not add up: {records} records found but {extracted} loaded + "
            f"{rejected} rejected + {unchanged} unchanged; nothing of this run was kept"
        )
    row = con.execute(
        """UPDATE runs SET finished_at = ?, documents = ?, records = ?, extracted = ?,
               unchanged = ?, rejected = ?, status = ?
           WHERE run_id = ?""",
        [_now(), documents, records, extracted, unchanged, rejected, status, run_id],
    ).fetchone()
    if not row or row[0] == 0:
        raise StoreError(f"run {run_id} does not exist in the database; start it with start_run first")


def record_failed_run(con: duckdb.DuckDBPyConnection, pipeline_version: str, reason: str) -> None:
    """A run that was rolled back leaves only this row: when, which version, why."""
    now = _now()
    con.execute(
        "INSERT INTO runs (started_at, finished_at, pipeline_version, status) VALUES (?, ?, ?, ?)",
        [now, now, pipeline_version, f"failed: {reason}"[:2000]],
    )


def known_records(con: duckdb.DuckDBPyConnection, doc: str) -> dict[int, tuple[str, str]]:
    """Per source index of `doc`: (record_hash, pipeline_version) as last stored."""
    rows = con.execute("SELECT idx, record_hash, pipeline_version FROM sources WHERE doc = ?", [doc]).fetchall()
    return {int(idx): (record_hash, version) for idx, record_hash, version in rows}


def save_document(
    con: duckdb.DuckDBPyConnection,
    doc: str,
    path: str | Path,
    content_hash: str,
    kind: str | None,
    n_records: int,
    run_id: int,
    file_hash: str | None = None,
) -> None:
    """Upsert a document row; `first_seen_run` keeps the first run that saw it."""
    con.execute(
        """INSERT INTO documents (doc, path, content_hash, kind, n_records, first_seen_run, last_run, file_hash)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?)
           ON CONFLICT (doc) DO UPDATE SET path = excluded.path, content_hash = excluded.content_hash,
               kind = excluded.kind, n_records = excluded.n_records, last_run = excluded.last_run,
               file_hash = excluded.file_hash""",
        [doc, str(path), content_hash, kind, n_records, run_id, run_id, file_hash],
    )


def settled_documents(con: duckdb.DuckDBPyConnection, docs: list[str], version: str) -> dict[str, tuple[str, int]]:
    """Of `docs`, those whose every record is stored as extracted by `version`:
    doc -> (file_hash, n_records). A document with a rejected or older record is not settled."""
    if not docs:
        return {}
    rows = con.execute(
        """SELECT d.doc, d.file_hash, d.n_records FROM documents d
           LEFT JOIN (SELECT doc, count(*) AS n, count(*) FILTER (WHERE pipeline_version = ?) AS current
                      FROM sources WHERE list_contains(?::VARCHAR[], doc) GROUP BY doc) s USING (doc)
           WHERE list_contains(?::VARCHAR[], d.doc) AND d.file_hash IS NOT NULL
             AND coalesce(s.n, 0) = d.n_records AND coalesce(s.current, 0) = d.n_records""",
        [version, docs, docs],
    ).fetchall()
    return {doc: (file_hash, int(n)) for doc, file_hash, n in rows}


def touch_documents(con: duckdb.DuckDBPyConnection, docs: list[str], run_id: int) -> None:
    """Mark documents as seen by this run (they were unchanged and not read again)."""
    if docs:
        con.execute("UPDATE documents SET last_run = ? WHERE list_contains(?::VARCHAR[], doc)", [run_id, docs])


def _action_date(record: ActionRecord) -> str | None:
    """The date EU membership is judged at: period_start, else the first date's start."""
    if record.period_start:
        return record.period_start
    return record.dates[0].start if record.dates else None


#: fields whose changes are logged (the spec's fields but doc/index, which belong to sources)
TRACKED_FIELDS = tuple(f for f in EXPORT_FIELDS if f not in ("doc", "index"))
#: partner countries set after loading by this rule (pipeline.institutions) are re-derived at the
#: end of every run; a re-extracted record comes back without them, which is no change
INFERRED_PARTNER_RULE = "partner:same-institution"


def _snapshot(con: duckdb.DuckDBPyConnection, ids: list[str]) -> dict[str, dict[str, Any]]:
    """Current tracked values (and status) of the given actions, JSON-comparable."""
    # new actions (all of a first run) have no snapshot: one primary-key look-up settles it
    ids = [row[0] for row in con.execute(
        "SELECT action_id FROM actions WHERE action_id IN (SELECT unnest(?::VARCHAR[]))", [ids]).fetchall()]
    if not ids:
        return {}
    cols = ", ".join(TRACKED_FIELDS)
    only = actions_all_sql("WHERE action_id IN (SELECT unnest($ids::VARCHAR[]))")
    cur = con.execute(
        f"""WITH v AS ({only})
            SELECT action_id, status, {cols},
                   (SELECT min(rule) FROM evidence e WHERE e.action_id = v.action_id
                    AND e.field = 'partner_country') AS partner_rule
            FROM v""",
        {"ids": ids},
    )
    names = [d[0] for d in cur.description]
    return {row[0]: dict(zip(names, row)) for row in cur.fetchall()}


def _as_json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True, default=str)


def _change_rows(old: dict[str, Any] | None, new: dict[str, Any], aid: str, run_id: int,
                 now: datetime.datetime) -> list[tuple[Any, ...]]:
    if old is None:
        return [(run_id, aid, "added", None, None, None, now)]
    rows = []
    if old["status"] == "withdrawn":
        rows.append((run_id, aid, "restored", None, None, None, now))
    for name in TRACKED_FIELDS:
        before, after = _as_json(old[name]), _as_json(new[name])
        if name == "partner_country" and new[name] is None and old.get("partner_rule") == INFERRED_PARTNER_RULE:
            continue
        if before != after:
            rows.append((run_id, aid, "changed", name, before, after, now))
    return rows


def save_records(
    con: duckdb.DuckDBPyConnection, records: list[ActionRecord], run_id: int, pipeline_version: str,
    withdraw: bool = True,
) -> None:
    """Upsert actions with their child rows, evidence and source rows, in one transaction.

    `withdraw=False` leaves withdrawing actions no source lists any more to the caller
    (`withdraw_orphans`, once per run instead of once per batch)."""
    if not records:
        return
    now = _now()
    # one action may be listed twice in a batch: its last occurrence wins for the action's rows
    latest = {r.action_id: r for r in records}
    occurrences = {(r.doc, r.index): r for r in records}
    ids = list(latest)
    evidence_keys = sorted({(r.action_id, r.doc) for r in records})

    actions, experts, dates, formats, types, refs = [], [], [], [], [], []
    for aid, r in latest.items():
        actions.append((aid, r.title, r.partner_institution, r.description, r.partner_country, r.delivery,
                        r.action_code, r.period_start, r.period_end, r.kind, r.record_hash,
                        pipeline_version, run_id, now))
        on = _action_date(r)
        experts += [(aid, c, is_eu_member(c, on)) for c in r.expert_countries]
        dates += [(aid, i, d.text, d.start, d.end) for i, d in enumerate(r.dates)]
        formats += [(aid, f) for f in r.formats]
        types += [(aid, i, label) for i, label in enumerate(r.assistance_types)]
        refs += [(aid, ref) for ref in r.action_refs]
    evidence = [(r.action_id, e.field, e.value, e.text, r.doc, e.start, e.end, e.rule, e.status)
                for r in occurrences.values() for e in r.evidence]
    sources = [(r.doc, r.index, r.action_id, r.record_hash, pipeline_version, r.offset, r.text, run_id)
               for r in occurrences.values()]

    old = _snapshot(con, ids)
    # a new action is one "added" row: its export (a model dump) is only needed to compare with old values
    changes = [row for aid, r in latest.items()
               for row in (_change_rows(old[aid], r.export(), aid, run_id, now) if aid in old
                           else [(run_id, aid, "added", None, None, None, now)])]

    with _transaction(con):
        _many(con, "INSERT INTO changes VALUES (?, ?, ?, ?, ?, ?, ?)", changes)
        for table in CHILD_TABLES:
            con.execute(f"DELETE FROM {table} WHERE action_id IN (SELECT unnest(?::VARCHAR[]))", [ids])
        _many(con, "DELETE FROM evidence WHERE action_id = ? AND doc = ?", evidence_keys)
        _many(con, "DELETE FROM notes WHERE doc = ? AND idx = ?", list(occurrences))
        _many(con, "INSERT INTO notes VALUES (?, ?, ?, ?)",
              [(r.action_id, r.doc, r.index, n) for r in occurrences.values() for n in r.notes])
        _many(
            con,
            """INSERT INTO actions (action_id, title, partner_institution, description, partner_country,
                   delivery, action_code, period_start, period_end, kind, record_hash, pipeline_version,
                   run_id, status, updated_at)
               VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'active', ?)
               ON CONFLICT (action_id) DO UPDATE SET title = excluded.title,
                   partner_institution = excluded.partner_institution, description = excluded.description,
                   partner_country = excluded.partner_country, delivery = excluded.delivery,
                   action_code = excluded.action_code, period_start = excluded.period_start,
                   period_end = excluded.period_end, kind = excluded.kind, record_hash = excluded.record_hash,
                   pipeline_version = excluded.pipeline_version, run_id = excluded.run_id,
                   status = 'active', updated_at = excluded.updated_at""",
            actions,
        )
        _many(con, "INSERT INTO experts (action_id, country, is_eu) VALUES (?, ?, ?)", experts)
        _many(con, 'INSERT INTO dates (action_id, ord, text, start, "end") VALUES (?, ?, ?, ?, ?)', dates)
        _many(con, "INSERT INTO formats (action_id, format) VALUES (?, ?)", formats)
        _many(con, "INSERT INTO assistance_types (action_id, ord, label) VALUES (?, ?, ?)", types)
        _many(con, "INSERT INTO action_refs (action_id, ref) VALUES (?, ?)", refs)
        _many(
            con,
            """INSERT INTO evidence (action_id, field, value, text, doc, start, "end", rule, status)
               VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""",
            evidence,
        )
        _many(
            con,
            """INSERT INTO sources (doc, idx, action_id, record_hash, pipeline_version, offset_start, text, run_id)
               VALUES (?, ?, ?, ?, ?, ?, ?, ?)
               ON CONFLICT (doc, idx) DO UPDATE SET action_id = excluded.action_id,
                   record_hash = excluded.record_hash, pipeline_version = excluded.pipeline_version,
                   offset_start = excluded.offset_start, text = excluded.text, run_id = excluded.run_id""",
            sources,
        )
        # a (doc, idx) that now lists another action may leave the old one without sources
        if withdraw:
            _withdraw_orphans(con, now, run_id)


def withdraw_orphans(con: duckdb.DuckDBPyConnection, run_id: int | None = None) -> int:
    """Withdraw every action no source lists any more (see `_withdraw_orphans`); the count."""
    with _transaction(con):
        return _withdraw_orphans(con, _now(), run_id)


def _withdraw_orphans(con: duckdb.DuckDBPyConnection, now: datetime.datetime, run_id: int | None = None) -> int:
    """Mark actions no source lists any more 'withdrawn'; drop evidence of vanished listings."""
    con.execute(
        """DELETE FROM evidence WHERE NOT EXISTS (
               SELECT 1 FROM sources s WHERE s.action_id = evidence.action_id AND s.doc = evidence.doc)"""
    )
    con.execute(
        """INSERT INTO changes SELECT ?, action_id, 'withdrawn', NULL, NULL, NULL, ?
           FROM actions WHERE status = 'active' AND action_id NOT IN (SELECT action_id FROM sources)""",
        [run_id, now],
    )
    row = con.execute(
        """UPDATE actions SET status = 'withdrawn', updated_at = ?
           WHERE status = 'active' AND action_id NOT IN (SELECT action_id FROM sources)""",
        [now],
    ).fetchone()
    return int(row[0]) if row else 0


def save_rejects(con: duckdb.DuckDBPyConnection, rejects: list[Reject], run_id: int) -> None:
    """Store rejected records; a reject for the same (doc, idx, reason) replaces the old one."""
    if not rejects:
        return
    now = _now()
    unique = {(r.doc, r.index, r.reason): r for r in rejects}
    with _transaction(con):
        _many(con, "DELETE FROM rejects WHERE doc = ? AND idx = ? AND reason = ?", list(unique))
        _many(
            con,
            "INSERT INTO rejects (run_id, doc, idx, action_id, text, reason, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
            [(run_id, r.doc, r.index, r.action_id, r.text, r.reason, now) for r in unique.values()],
        )


def prune_sources(con: duckdb.DuckDBPyConnection, doc: str, keep_indices: Iterable[int],
                  run_id: int | None = None, withdraw: bool = True) -> int:
    """Delete the sources of `doc` whose index is not kept; withdraw actions left unlisted
    (unless `withdraw=False`: see `save_records`).

    Returns the number of source rows deleted.
    """
    keep = sorted({int(i) for i in keep_indices})
    with _transaction(con):
        row = con.execute(
            "DELETE FROM sources WHERE doc = ? AND NOT list_contains(?::INTEGER[], idx)", [doc, keep]
        ).fetchone()
        con.execute("DELETE FROM notes WHERE doc = ? AND NOT list_contains(?::INTEGER[], idx)", [doc, keep])
        if withdraw:
            _withdraw_orphans(con, _now(), run_id)
    return int(row[0]) if row else 0


_EXPORT_SQL = """
    SELECT s.doc, s.idx AS "index", v.title, v.partner_institution, v.assistance_types, v.description,
           v.partner_country, v.expert_countries, v.delivery, v.formats, v.dates, v.action_code,
           v.action_refs, v.period_start, v.period_end
    FROM sources s JOIN v_actions v USING (action_id)
    ORDER BY s.doc, s.idx"""


def iter_export(con: duckdb.DuckDBPyConnection) -> Iterator[dict[str, Any]]:
    """Every record occurrence (one per source row, by doc then index) in the spec's JSONL fields."""
    cur = con.cursor()  # own cursor: the caller may use `con` while iterating
    try:
        cur.execute(_EXPORT_SQL)
        names = [d[0] for d in cur.description]
        while batch := cur.fetchmany(500):
            for values in batch:
                row = dict(zip(names, values))
                yield {field: row[field] for field in EXPORT_FIELDS}
    finally:
        cur.close()


def export_jsonl(con: duckdb.DuckDBPyConnection, out: Path) -> int:
    """Write the export atomically to `out` (temp file, then rename); return the line count."""
    out = Path(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{out.name}.", suffix=".tmp", dir=out.parent)
    n = 0
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            for record in iter_export(con):
                fh.write(json.dumps(record, ensure_ascii=False) + "\n")
                n += 1
        os.replace(tmp, out)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return n


def evidence_by_source(con: duckdb.DuckDBPyConnection) -> dict[tuple[str, int], list[dict[str, Any]]]:
    """Evidence rows of every record occurrence, keyed by (doc, idx), in text order."""
    rows = con.execute(
        """SELECT s.doc, s.idx, e.field, e.value, e.text, e.start, e."end", e.rule, e.status
           FROM sources s JOIN evidence e ON e.action_id = s.action_id AND e.doc = s.doc
           ORDER BY s.doc, s.idx, e.start, e.field"""
    ).fetchall()
    out: dict[tuple[str, int], list[dict[str, Any]]] = {}
    for doc, idx, *rest in rows:
        out.setdefault((doc, idx), []).append(
            dict(zip(("field", "value", "text", "start", "end", "rule", "status"), rest))
        )
    return out


def partner_rows(con: duckdb.DuckDBPyConnection, rule: str | None = None) -> list[tuple[str, str | None, str | None, str | None]]:
    """(action_id, partner_institution, partner_country, rule of its evidence) of the active actions whose
    institution line could identify a partner elsewhere (pipeline.institutions: it names an acronym or a
    native name in brackets).

    With `rule` (the inference's own rule), only the lines that some action still needs a country for
    (none, or one set by `rule`) are read: a run over a million records reads the few institutions in
    question rather than every action into memory. The key compared here (lower case, accents and runs
    of spaces folded) joins at least the lines `institutions.institution_key` joins."""
    rows = r"""
        SELECT a.action_id, a.partner_institution, a.partner_country, e.rule,
               strip_accents(lower(trim(regexp_replace(replace(a.partner_institution, 'ß', 'ss'), '\s+', ' ', 'g')))) AS k
        FROM actions a
        LEFT JOIN (SELECT action_id, min(rule) AS rule FROM evidence WHERE field = 'partner_country'
                   GROUP BY action_id) e USING (action_id)
        WHERE a.status = 'active'
          AND (strpos(a.partner_institution, '(') > 0 OR strpos(a.partner_institution, '[') > 0)"""
    if rule is None:
        return con.execute(f"SELECT action_id, partner_institution, partner_country, rule FROM ({rows}) "
                           "ORDER BY action_id").fetchall()
    return con.execute(
        f"""WITH r AS ({rows})
            SELECT action_id, partner_institution, partner_country, rule FROM r
            WHERE k IN (SELECT k FROM r WHERE partner_country IS NULL OR rule = ?)
            ORDER BY action_id""",
        [rule],
    ).fetchall()


def set_inferred_partners(con: duckdb.DuckDBPyConnection, rule: str, inferred: Iterable[Any]) -> int:
    """Replace every partner country set by `rule` with `inferred` (objects with action_id, country,
    institution); the evidence points at the institution line in each source document."""
    inferred = list(inferred)
    with _transaction(con):
        con.execute(
            """UPDATE actions SET partner_country = NULL WHERE action_id IN
               (SELECT action_id FROM evidence WHERE field = 'partner_country' AND rule = ?)""",
            [rule],
        )
        con.execute("DELETE FROM evidence WHERE field = 'partner_country' AND rule = ?", [rule])
        for item in inferred:
            con.execute("UPDATE actions SET partner_country = ? WHERE action_id = ?", [item.country, item.action_id])
            for doc, offset, text in con.execute(
                "SELECT doc, offset_start, text FROM sources WHERE action_id = ?", [item.action_id]
            ).fetchall():
                at = max(text.find(item.institution), 0)
                con.execute(
                    'INSERT INTO evidence (action_id, field, value, text, doc, start, "end", rule, status) '
                    "VALUES (?, 'partner_country', ?, ?, ?, ?, ?, ?, 'inferred')",
                    [item.action_id, item.country, item.institution, doc, offset + at,
                     offset + at + len(item.institution), rule],
                )
    return len(inferred)
