"""Analyst exports of the actions: Parquet partitioned by partner country, and one CSV file.

Both hold one row per active action (`v_actions`), the same columns in the same
order (`COLUMNS`). Parquet keeps DuckDB's types (lists, the dates as a list of
{text, start, end} structs) and is written by DuckDB's `COPY ... (FORMAT
PARQUET, PARTITION_BY (partner_country))` as hive partitions
(`DIR/partner_country=PE/data_0.parquet`; the actions whose partner country is
unknown go to hive's NULL partition, `partner_country=__HIVE_DEFAULT_PARTITION__`);
read it back with
`read_parquet('DIR/*/*.parquet', hive_partitioning = true)`. CSV is for
spreadsheets: lists become `; `-separated text (empty when empty), and each date its ISO 8601
interval (`2024-05-23/2024-05-24`, `2021-05/..` when open, one value for a single
point).

Every export is written to a temporary path beside its target, then renamed
into place, so a reader never sees half a file; an existing Parquet directory is
replaced only when it holds nothing but a previous export.
"""

from __future__ import annotations

import os
import shutil
import tempfile
import uuid
from pathlib import Path

import duckdb

COLUMNS = (
    "action_id", "title", "partner_country", "partner_institution", "assistance_types", "description",
    "expert_countries", "eu_expert_countries", "delivery", "formats", "dates", "action_code", "action_refs",
    "period_start", "period_end", "kind", "docs", "pipeline_version",
)
PARTITION = "partner_country"
_LIST_COLUMNS = ("assistance_types", "expert_countries", "eu_expert_countries", "formats", "action_refs", "docs")
# ISO 8601 interval of one date struct: a point, start/end, or start/.. when open (EXTRACTION_SPEC "dates")
_ISO_INTERVAL = """CASE WHEN d."end" IS NULL THEN d.start || '/..'
                       WHEN d."end" = d.start THEN d.start
                       ELSE d.start || '/' || d."end" END"""


class ExportError(RuntimeError):
    """An export cannot be written; the message names the path and says what to do."""


def _sql_literal(path: Path) -> str:
    """A path as a SQL string literal (COPY's target cannot be a bound parameter)."""
    return "'" + str(path).replace("'", "''") + "'"


def _select(csv: bool) -> str:
    if not csv:
        return f"SELECT {', '.join(COLUMNS)} FROM v_actions ORDER BY {PARTITION} NULLS LAST, action_id"
    cols = []
    for c in COLUMNS:
        if c in _LIST_COLUMNS:
            cols.append(f"nullif(array_to_string({c}, '; '), '') AS {c}")
        elif c == "dates":
            cols.append(f"nullif(array_to_string([{_ISO_INTERVAL} FOR d IN dates], '; '), '') AS dates")
        else:
            cols.append(c)
    return f"SELECT {', '.join(cols)} FROM v_actions ORDER BY {PARTITION} NULLS LAST, action_id"


def _mode(full: int) -> int:
    """`full` under the current umask: temp files and directories are created private (0600/0700)."""
    umask = os.umask(0)
    os.umask(umask)
    return full & ~umask


def _copied(con: duckdb.DuckDBPyConnection, sql: str) -> int:
    row = con.execute(sql).fetchone()
    return int(row[0]) if row else 0


def write_csv(con: duckdb.DuckDBPyConnection, out: Path) -> int:
    """Write the actions to the CSV file `out` (header, UTF-8) atomically; return the row count."""
    out = Path(out)
    if out.is_dir():
        raise ExportError(f"--csv {out} is a directory; give a file path such as {out / 'actions.csv'}")
    out.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp_name = tempfile.mkstemp(prefix=f".{out.name}.", suffix=".tmp", dir=out.parent)
    os.close(fd)
    tmp = Path(tmp_name)
    try:
        n = _copied(con, f"COPY ({_select(csv=True)}) TO {_sql_literal(tmp)} (FORMAT CSV, HEADER true)")
        os.chmod(tmp, _mode(0o666))
        os.replace(tmp, out)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    return n


def is_parquet_export(path: Path) -> bool:
    """True when `path` is an empty directory or holds only `partner_country=*/` folders of .parquet files."""
    if not path.is_dir():
        return False
    for entry in path.iterdir():
        if not (entry.is_dir() and entry.name.startswith(f"{PARTITION}=")):
            return False
        if any(not (f.is_file() and f.suffix == ".parquet") for f in entry.iterdir()):
            return False
    return True


def write_parquet(con: duckdb.DuckDBPyConnection, out_dir: Path) -> int:
    """Write the actions to `out_dir` as Parquet, one hive partition per partner country; return the row count.

    The export is written to a temporary directory beside `out_dir`, then renamed
    into place; a previous export at `out_dir` is replaced, anything else there is
    left alone and reported.
    """
    out_dir = Path(out_dir)
    if out_dir.exists() and not is_parquet_export(out_dir):
        raise ExportError(
            f"--parquet {out_dir} exists and is not a previous Parquet export (it holds other files); "
            f"choose a new directory or remove it first"
        )
    out_dir.parent.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix=f".{out_dir.name}.", suffix=".tmp", dir=out_dir.parent))
    try:
        n = _copied(
            con,
            f"COPY ({_select(csv=False)}) TO {_sql_literal(tmp)} "
            f"(FORMAT PARQUET, PARTITION_BY ({PARTITION}), OVERWRITE_OR_IGNORE true)",
        )
        os.chmod(tmp, _mode(0o777))
        _swap_in(tmp, out_dir)
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    return n


def _swap_in(tmp: Path, out_dir: Path) -> None:
    """Rename `tmp` to `out_dir`; an existing `out_dir` is moved aside first and removed after."""
    if not out_dir.exists():
        os.replace(tmp, out_dir)
        return
    old = out_dir.with_name(f".{out_dir.name}.old-{uuid.uuid4().hex[:8]}")
    os.replace(out_dir, old)
    try:
        os.replace(tmp, out_dir)
    except BaseException:
        os.replace(old, out_dir)  # put the previous export back
        raise
    shutil.rmtree(old, ignore_errors=True)


def export(
    db_path: Path, *, jsonl: Path | None = None, parquet: Path | None = None, csv: Path | None = None
) -> dict[str, int]:
    """Write each requested export from the database; return the row count per export kind."""
    from pipeline import store

    if jsonl is None and parquet is None and csv is None:
        raise ExportError("nothing to export: give at least one of --jsonl FILE, --parquet DIR, --csv FILE")
    counts: dict[str, int] = {}
    con = store.connect(Path(db_path))
    try:
        if jsonl is not None:
            counts["jsonl"] = store.export_jsonl(con, Path(jsonl))
        if parquet is not None:
            counts["parquet"] = write_parquet(con, Path(parquet))
        if csv is not None:
            counts["csv"] = write_csv(con, Path(csv))
    finally:
        con.close()
    return counts
