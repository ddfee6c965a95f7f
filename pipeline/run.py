"""The steps of one extraction run, as plain functions the Prefect flow wraps.

discover -> chunks (documents grouped to ~4 MB) -> plan (skip documents whose
bytes and pipeline version are unchanged) -> split (read + split) -> select
(skip records whose text and pipeline version are unchanged) -> extract (spaCy
+ validation, in batches of 1,000 records) -> load (DuckDB, bulk per chunk) ->
settle (withdraw unlisted actions, infer partners across documents). A run is
one transaction up to CHECKPOINT_RECORDS records written, then commits in
steps. Steps pass small values (paths, raw records, validated records,
counts); the spaCy pipeline is loaded once per process by `get_nlp()` and
never travels between tasks. Per-document functions (`split_path`,
`select_changed`) are what the chunk functions are made of.
"""

from __future__ import annotations

import atexit
import gc
import hashlib
import time
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

import duckdb

from spacy.language import Language

from pipeline import institutions, store
from pipeline.documents import (Document, DocumentError, detect_kind, discover, file_hash, is_large, read_document,
                                stream_parts)
from pipeline.extract import extract
from pipeline.nlp import ensure_built, load_nlp, pipeline_version
from pipeline.records import RawRecord
from pipeline.split import split_document
from pipeline.schema import ActionRecord, Reject

if TYPE_CHECKING:
    from pipeline.evaluate import Report


@dataclass
class SplitResult:
    """One document read and split (or the reason it could not be)."""

    path: str
    name: str
    kind: str = "unknown"
    content_hash: str | None = None
    records: list[RawRecord] = field(default_factory=list)
    error: str | None = None
    file_hash: str | None = None  # sha256 of the bytes read (set when split without error)


@dataclass
class Planned:
    """One chunk's documents: those to read and split, and those left as they are.

    `settled` documents are byte-identical to the last run that read them, and every one
    of their records was stored by the current pipeline version: reading, splitting and
    selecting them again would find nothing to do, so they are only counted (path, name,
    records)."""

    to_split: list[str] = field(default_factory=list)
    settled: list[tuple[str, str, int]] = field(default_factory=list)


@dataclass
class Extracted:
    records: list[ActionRecord] = field(default_factory=list)
    rejects: list[Reject] = field(default_factory=list)


@dataclass
class Summary:
    documents: int = 0
    records: int = 0
    extracted: int = 0
    unchanged: int = 0
    rejected: int = 0
    seconds: float = 0.0
    failed_documents: list[str] = field(default_factory=list)
    run_id: int | None = None

    def add_chunk(self, planned: Planned, splits: list[SplitResult], result: Extracted,
                  unchanged: dict[str, int]) -> tuple[int, int]:
        """Count one processed chunk (its split documents and its settled ones); returns the
        (documents, records) it added, for progress."""
        settled = sum(n for *_, n in planned.settled)
        documents = len(splits) + len(planned.settled)
        records = sum(len(split.records) for split in splits) + settled
        self.documents += documents
        self.records += records
        self.unchanged += sum(unchanged.values()) + settled
        self.extracted += len(result.records)
        self.rejected += len(result.rejects)
        self.failed_documents += [split.error for split in splits if split.error]
        return documents, records

    def add_streamed(self, split: SplitResult, found: int, extracted: int, unchanged: int) -> None:
        """Count one document processed by `process_large`."""
        self.documents += 1
        self.records += found
        self.extracted += extracted
        self.unchanged += unchanged
        self.rejected += found - extracted - unchanged
        if split.error:
            self.failed_documents.append(split.error)

    def as_dict(self) -> dict:
        return {
            "documents": self.documents, "records": self.records, "extracted": self.extracted,
            "unchanged": self.unchanged, "rejected": self.rejected, "seconds": round(self.seconds, 2),
        }


@lru_cache(maxsize=1)
def get_nlp() -> Language:
    """The serialised pipeline, rebuilt first when missing or stale (once per process).

    The loaded pipeline (~17,000 gazetteer patterns, vocab strings) is long-lived: `gc.freeze()`
    moves it out of the garbage collector's generations, so the full collections that a run's
    many short-lived objects trigger no longer walk it again each time (~5% of extraction time).
    Unfrozen at exit, so that interpreter shutdown still collects it (DuckDB's bindings report
    objects left uncollected as leaks).
    """
    nlp = load_nlp()
    gc.freeze()
    atexit.register(gc.unfreeze)
    return nlp


def prepare(load: bool = True) -> str:
    """Make sure the pipeline is built (and, with `load`, loaded in this process); its version.

    A run whose extraction happens in worker processes (pipeline.parallel) does not load it
    here: each worker holds its own."""
    if load:
        get_nlp()
    else:
        ensure_built()
    return pipeline_version()


def discover_documents(corpus_dir: Path) -> list[str]:
    return [str(p) for p in discover(Path(corpus_dir))]


#: a flow task reads and splits documents in chunks of about this much text (or this many
#: files): enough work per task that Prefect's per-task cost (~50 ms) stays small
CHUNK_BYTES = 4 * 2**20
CHUNK_DOCS = 500


def chunks(paths: list[str], max_bytes: int | None = None, max_docs: int | None = None) -> list[list[str]]:
    """Consecutive documents grouped up to `max_bytes` / `max_docs` (default CHUNK_BYTES /
    CHUNK_DOCS), in order; a large (streamed) document is a chunk of its own."""
    max_bytes = CHUNK_BYTES if max_bytes is None else max_bytes
    max_docs = CHUNK_DOCS if max_docs is None else max_docs
    out: list[list[str]] = []
    current: list[str] = []
    size = 0
    for p in paths:
        if is_large(Path(p)):
            if current:
                out.append(current)
                current, size = [], 0
            out.append([p])
            continue
        try:
            n = Path(p).stat().st_size
        except OSError:
            n = 0  # vanished: split_path reports it
        if current and (size + n > max_bytes or len(current) >= max_docs):
            out.append(current)
            current, size = [], 0
        current.append(p)
        size += n
    if current:
        out.append(current)
    return out


def plan_chunk(run_id: int, paths: list[str], version: str, corpus_dir: Path | None = None) -> Planned:
    """Which documents of a chunk need reading (see `Planned`): a document is settled when its
    bytes hash to the stored `file_hash` and all its records carry `version`."""
    settled = store.settled_documents(_run_con(run_id), [Path(p).name for p in paths], version)
    root = Path(corpus_dir).resolve() if corpus_dir else None
    planned = Planned()
    for p in paths:
        known = settled.get(Path(p).name)
        if known is not None and (root is None or Path(p).resolve().is_relative_to(root)):
            try:
                if file_hash(Path(p).read_bytes()) == known[0]:
                    planned.settled.append((p, Path(p).name, known[1]))
                    continue
            except OSError:
                pass  # split_path reports it
        planned.to_split.append(p)
    return planned


def split_path(path: str, corpus_dir: Path | None = None) -> SplitResult:
    try:
        doc: Document = read_document(Path(path), Path(corpus_dir) if corpus_dir else None)
    except DocumentError as exc:
        return SplitResult(path=path, name=Path(path).name, error=str(exc))
    result = SplitResult(path=path, name=doc.name, kind=doc.kind, content_hash=doc.content_hash)
    if doc.kind == "unknown":
        result.error = f"{doc.name}: neither a catalogue listing nor a news item; not split into records"
    else:
        result.records = split_document(doc)
        result.file_hash = doc.file_hash
    return result


def split_chunk(paths: list[str], corpus_dir: Path | None = None) -> list[SplitResult]:
    return [split_path(p, corpus_dir) for p in paths]


#: the open connection of each run started in this process; it holds the run's transaction
_OPEN: dict[int, duckdb.DuckDBPyConnection] = {}
#: A run is one DuckDB transaction until it has written this many records; then what it wrote
#: is committed and it goes on in a new transaction. DuckDB keeps a transaction's uncommitted
#: rows in memory (measured: ~10 KB of resident memory per record, 1.8 GB at 100,000
#: records), so without this a re-extraction of a million records could not stay under 2 GB.
#: Every run of up to this size (a scheduled run, today's whole catalogue) is all-or-nothing;
#: a larger run that fails keeps its committed chunks, and the next run skips those
#: documents as unchanged and carries on (resumable).
CHECKPOINT_RECORDS = 25_000
_WRITTEN: dict[int, int] = {}


def _written(run_id: int, n: int) -> None:
    """Count records written in the run's current transaction; commit at CHECKPOINT_RECORDS."""
    _WRITTEN[run_id] = _WRITTEN.get(run_id, 0) + n
    if _WRITTEN[run_id] >= CHECKPOINT_RECORDS:
        store.checkpoint_run_transaction(_run_con(run_id))
        _WRITTEN[run_id] = 0


def _run_con(run_id: int) -> duckdb.DuckDBPyConnection:
    try:
        return _OPEN[run_id]
    except KeyError:
        raise RuntimeError(f"run {run_id} was not started in this process (start_run first)") from None


def check_database(db_path: Path) -> None:
    """Open and close the database: a locked, foreign or unwritable file raises StoreError now,
    with its one-line message, before any run starts."""
    store.connect(Path(db_path)).close()


#: DuckDB's memory limit while a run writes. DuckDB's default (80% of RAM) lets its buffer pool
#: keep the blocks of every table it wrote: the run's process then grows with the database (~1.3 MB
#: per 1,000 records loaded, 1.1-1.2 GB at 300,000); with a limit it stays flat (0.73-0.84 GB at
#: 300,000 records with 256 MB; bench/README.md). The limit is the pool's, not the process's.
RUN_MEMORY_LIMIT = "512MB"


def start_run(db_path: Path, version: str) -> int:
    """Open the database and the run's transaction: everything the run writes commits together."""
    con = store.connect(Path(db_path))
    con.execute(f"SET memory_limit = '{RUN_MEMORY_LIMIT}'")
    store.begin_run_transaction(con)
    try:
        run_id = store.start_run(con, version)
    except BaseException:
        store.end_run_transaction(con, commit=False)
        con.close()
        raise
    _OPEN[run_id] = con
    return run_id


def _changed(records: list[RawRecord], known: dict[int, tuple[str, str]], version: str) -> list[RawRecord]:
    """Records that are new, changed or extracted by another pipeline version than `known` says."""
    return [r for r in records if known.get(r.index) != (r.record_hash, version)]


def select_changed(run_id: int, split: SplitResult, version: str) -> tuple[list[RawRecord], int]:
    """Records that are new, changed or extracted by another pipeline version; and the unchanged count."""
    todo = _changed(split.records, store.known_records(_run_con(run_id), split.name), version)
    return todo, len(split.records) - len(todo)


def select_chunk(run_id: int, splits: list[SplitResult], version: str) -> tuple[list[RawRecord], dict[str, int]]:
    """`select_changed` over a chunk: the records to extract, and per document the unchanged count."""
    todo: list[RawRecord] = []
    unchanged: dict[str, int] = {}
    for split in splits:
        records, unchanged[split.name] = select_changed(run_id, split, version)
        todo += records
    return todo, unchanged


BATCH_SIZE = 1000  # records per extraction task (~1 s of work): amortises Prefect's per-task cost


def batches(records: list[RawRecord], size: int = BATCH_SIZE) -> list[list[RawRecord]]:
    """Record batches for parallel extraction (none for no records)."""
    return [records[i : i + size] for i in range(0, len(records), size)]


def merge(parts: list["Extracted"]) -> "Extracted":
    out = Extracted()
    for part in parts:
        out.records += part.records
        out.rejects += part.rejects
    return out


def extract_records(records: list[RawRecord]) -> Extracted:
    out = Extracted()
    for item in extract(get_nlp(), records):
        (out.records if isinstance(item, ActionRecord) else out.rejects).append(item)
    return out


def load_chunk(run_id: int, version: str, planned: Planned, splits: list[SplitResult], result: Extracted) -> None:
    """Write one chunk's results in bulk (documents, records, rejects, pruned sources); a
    document that could not be read is kept as a reject. Actions left without sources are
    withdrawn once per run, by `settle`, not per chunk."""
    con = _run_con(run_id)
    store.touch_documents(con, [name for _, name, _ in planned.settled], run_id)
    for split in splits:
        store.save_document(con, split.name, split.path, split.content_hash or "", split.kind,
                            len(split.records), run_id, split.file_hash)
    store.save_rejects(con, [Reject(doc=s.name, index=-1, text="", reason=s.error) for s in splits if s.error], run_id)
    store.save_records(con, result.records, run_id, version, withdraw=False)
    store.save_rejects(con, result.rejects, run_id)
    for split in splits:
        store.prune_sources(con, split.name, [r.index for r in split.records], run_id, withdraw=False)
    _written(run_id, len(result.records) + len(result.rejects))


def process_large(run_id: int, version: str, path: str, corpus_dir: Path | None = None,
                  part_chars: int | None = None) -> tuple[SplitResult, int, int, int]:
    """Stream a large listing part by part: split, select, extract and load each part before
    reading the next, so memory stays bounded by the part size, whatever the file size.

    Returns (the document's SplitResult without its records, records found, extracted+loaded,
    unchanged); rejects are counted as found - extracted - unchanged.
    """
    con = _run_con(run_id)
    name = Path(path).name
    digest = hashlib.sha256()
    known: dict[int, tuple[str, str]] | None = None
    found = extracted = unchanged = 0
    kept: list[int] = []
    page_heading = None
    try:
        for base, part in stream_parts(Path(path), Path(corpus_dir) if corpus_dir else None, part_chars):
            if known is None:
                if detect_kind(part.text) != "listing":
                    raise DocumentError(f"{name} is a large file that is not a catalogue listing; "
                                        "only listings are streamed (split it or remove it)")
                known = store.known_records(con, name)
            digest.update(part.text.encode("utf-8"))
            records = split_document(part)
            if base == 0:
                page_heading = records[0].heading if records else None  # only the first part has it
            for rec in records:
                rec.shift(base)
                rec.index += found
                rec.heading = page_heading
            found += len(records)
            kept += [r.index for r in records]
            todo = _changed(records, known, version)
            unchanged += len(records) - len(todo)
            result = extract_records(todo)
            store.save_records(con, result.records, run_id, version, withdraw=False)
            store.save_rejects(con, result.rejects, run_id)
            extracted += len(result.records)
            _written(run_id, len(result.records) + len(result.rejects))
    except DocumentError as exc:
        split = SplitResult(path=path, name=name, error=str(exc))
        load_chunk(run_id, version, Planned(), [split], Extracted())
        return split, 0, 0, 0
    split = SplitResult(path=path, name=name, kind="listing", content_hash=digest.hexdigest())
    store.save_document(con, name, path, split.content_hash, "listing", found, run_id)
    store.prune_sources(con, name, kept, run_id, withdraw=False)  # withdrawn by `settle`
    return split, found, extracted, unchanged


def infer_partners(run_id: int) -> int:
    """Partner countries inferred from the same specific institution elsewhere (pipeline.institutions)."""
    con = _run_con(run_id)
    rows = store.partner_rows(con, institutions.RULE)
    return store.set_inferred_partners(con, institutions.RULE, institutions.infer(rows))


def settle(run_id: int) -> int:
    """Once every document is loaded: withdraw actions no source lists any more, then infer
    partner countries across documents. Returns the number of partners inferred."""
    store.withdraw_orphans(_run_con(run_id), run_id)
    return infer_partners(run_id)


def finish_run(run_id: int, summary: Summary) -> None:
    """Check the run's accounting, store its counts and commit everything it wrote."""
    con = _OPEN.pop(run_id)
    _WRITTEN.pop(run_id, None)
    try:
        store.finish_run(con, run_id, documents=summary.documents, records=summary.records,
                         extracted=summary.extracted, unchanged=summary.unchanged, rejected=summary.rejected)
        store.end_run_transaction(con, commit=True)
    except BaseException:
        store.end_run_transaction(con, commit=False)
        raise
    finally:
        con.close()


def abort_run(db_path: Path, run_id: int | None, reason: str) -> None:
    """Roll the run back (the database is left as it was) and record that it failed."""
    con = _OPEN.pop(run_id, None) if run_id is not None else None
    _WRITTEN.pop(run_id, None)
    if con is not None:
        store.end_run_transaction(con, commit=False)
        con.close()
    try:
        con = store.connect(Path(db_path))
    except store.StoreError:
        return  # the database itself is unusable (locked, foreign): nothing to record it in
    try:
        store.record_failed_run(con, pipeline_version(), reason)
    finally:
        con.close()


def export(db_path: Path, out: Path) -> int:
    con = store.connect(Path(db_path))
    try:
        return store.export_jsonl(con, Path(out))
    finally:
        con.close()


def evaluate(gold_path: Path, db_path: Path) -> "Report":
    from pipeline.evaluate import read_jsonl, score

    con = store.connect(Path(db_path))
    try:
        pred = list(store.iter_export(con))
        evidence = store.evidence_by_source(con)
    finally:
        con.close()
    return score(read_jsonl(Path(gold_path)), pred, evidence)


class Timer:
    def __init__(self) -> None:
        self.start = time.perf_counter()

    def seconds(self) -> float:
        return time.perf_counter() - self.start
