"""The steps of one extraction run, as plain functions the Prefect flow wraps.

discover -> split (read + split one document) -> select (skip records whose
text and pipeline version are unchanged) -> extract (spaCy + validation) ->
load (DuckDB, one transaction per document). Steps pass small values (paths,
raw records, validated records, counts); the spaCy pipeline is loaded once per
process by `get_nlp()` and never travels between tasks.
"""

from __future__ import annotations

import hashlib
import time
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

import duckdb

from spacy.language import Language

from pipeline import __version__, institutions, store
from pipeline.documents import Document, DocumentError, detect_kind, discover, read_document, stream_parts
from pipeline.extract import extract
from pipeline.nlp import load_nlp, pipeline_version
from pipeline.paths import DATA_DIR
from pipeline.records import RawRecord, split_document
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

    def add(self, split: SplitResult, result: Extracted, unchanged: int) -> None:
        """Count one processed document."""
        self.documents += 1
        self.records += len(split.records)
        self.unchanged += unchanged
        self.extracted += len(result.records)
        self.rejected += len(result.rejects)
        if split.error:
            self.failed_documents.append(split.error)

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
    """The serialised pipeline, rebuilt first when missing or stale (once per process)."""
    return load_nlp()


def prepare() -> str:
    """Make sure the pipeline is built and return its version."""
    get_nlp()
    return pipeline_version()


def discover_documents(corpus_dir: Path) -> list[str]:
    return [str(p) for p in discover(Path(corpus_dir))]


def split_cache_key(context: Any, parameters: dict[str, Any]) -> str | None:
    """Prefect cache key of `split_path`: what its result depends on, and nothing else.

    The file's bytes, the corpus root (containment check), the splitter's data files
    (labels, vocabularies) and the package version. Never the spaCy pipeline: splitting
    does not use it. A file that cannot be read gets no key (no caching of errors).
    """
    try:
        data = Path(parameters["path"]).read_bytes()
    except OSError:
        return None
    h = hashlib.sha256(data)
    h.update(str(parameters.get("corpus_dir")).encode())
    h.update(__version__.encode())
    for name in sorted(DATA_DIR.glob("*")):
        h.update(name.name.encode() + name.read_bytes())
    return "split-" + h.hexdigest()


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
    return result


#: the open connection of each run started in this process; it holds the run's one transaction
_OPEN: dict[int, duckdb.DuckDBPyConnection] = {}


def _run_con(run_id: int) -> duckdb.DuckDBPyConnection:
    try:
        return _OPEN[run_id]
    except KeyError:
        raise RuntimeError(f"run {run_id} was not started in this process (start_run first)") from None


def check_database(db_path: Path) -> None:
    """Open and close the database: a locked, foreign or unwritable file raises StoreError now,
    with its one-line message, before any run starts."""
    store.connect(Path(db_path)).close()


def start_run(db_path: Path, version: str) -> int:
    """Open the database and the run's transaction: everything the run writes commits together."""
    con = store.connect(Path(db_path))
    store.begin_run_transaction(con)
    try:
        run_id = store.start_run(con, version)
    except BaseException:
        store.end_run_transaction(con, commit=False)
        con.close()
        raise
    _OPEN[run_id] = con
    return run_id


def select_changed(run_id: int, split: SplitResult, version: str) -> tuple[list[RawRecord], int]:
    """Records that are new, changed or extracted by another pipeline version; and the unchanged count."""
    known = store.known_records(_run_con(run_id), split.name)
    todo = [r for r in split.records if known.get(r.index) != (r.record_hash, version)]
    return todo, len(split.records) - len(todo)


BATCH_SIZE = 256  # records per extraction task: large enough to amortise task overhead


def batches(records: list[RawRecord], size: int = BATCH_SIZE) -> list[list[RawRecord]]:
    """Record batches for parallel extraction (at least one, possibly empty, per document)."""
    return [records[i : i + size] for i in range(0, len(records), size)] or [[]]


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


def load(run_id: int, version: str, split: SplitResult, result: Extracted) -> None:
    """Write one document's results; a document that could not be read is kept as a reject."""
    con = _run_con(run_id)
    store.save_document(con, split.name, split.path, split.content_hash or "", split.kind,
                        len(split.records), run_id)
    if split.error:
        store.save_rejects(con, [Reject(doc=split.name, index=-1, text="", reason=split.error)], run_id)
    store.save_records(con, result.records, run_id, version)
    store.save_rejects(con, result.rejects, run_id)
    store.prune_sources(con, split.name, [r.index for r in split.records], run_id)


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
                rec.start, rec.end, rec.index = rec.start + base, rec.end + base, rec.index + found
                rec.heading = page_heading
            found += len(records)
            kept += [r.index for r in records]
            todo = [r for r in records if known.get(r.index) != (r.record_hash, version)]
            unchanged += len(records) - len(todo)
            result = extract_records(todo)
            store.save_records(con, result.records, run_id, version)
            store.save_rejects(con, result.rejects, run_id)
            extracted += len(result.records)
    except DocumentError as exc:
        split = SplitResult(path=path, name=name, error=str(exc))
        load(run_id, version, split, Extracted())
        return split, 0, 0, 0
    split = SplitResult(path=path, name=name, kind="listing", content_hash=digest.hexdigest())
    store.save_document(con, name, path, split.content_hash, "listing", found, run_id)
    store.prune_sources(con, name, kept, run_id)
    return split, found, extracted, unchanged


def infer_partners(run_id: int) -> int:
    """Partner countries inferred from the same specific institution elsewhere (pipeline.institutions)."""
    con = _run_con(run_id)
    return store.set_inferred_partners(con, institutions.RULE, institutions.infer(store.partner_rows(con)))


def finish_run(run_id: int, summary: Summary) -> None:
    """Check the run's accounting, store its counts and commit everything it wrote."""
    con = _OPEN.pop(run_id)
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
