"""Huge files (issue 5): listings above the size threshold are streamed part by part with bounded
memory, and give exactly the records (and offsets) of reading the file whole."""

from __future__ import annotations

import shutil
import tracemalloc
from pathlib import Path

import pytest

import flows
from pipeline import documents
from pipeline.diff import diff_states, state_from_db
from pipeline.documents import read_document, stream_parts
from pipeline.paths import CORPUS_DIR
from pipeline.split import split_document

LISTING = CORPUS_DIR / "000_3a8d02358315f3d7.txt"


def streamed_records(path: Path, part_chars: int):
    out, found = [], 0
    for base, part in stream_parts(path, part_chars=part_chars):
        for rec in split_document(part):
            rec.start, rec.end, rec.index = rec.start + base, rec.end + base, rec.index + found
            out.append(rec)
        found = len(out)
    return out


@pytest.mark.parametrize("part_chars", [1, 5_000, 40_000, 10_000_000])
def test_streamed_parts_give_the_same_records(part_chars: int) -> None:
    whole = split_document(read_document(LISTING))
    streamed = streamed_records(LISTING, part_chars)
    key = lambda r: (r.index, r.start, r.end, r.title, r.partner_institution, r.assistance_types,  # noqa: E731
                     r.description, r.fields, r.action_id, r.record_hash)
    assert [key(r) for r in streamed] == [key(r) for r in whole]


def _peak_streaming(path: Path, part_chars: int) -> tuple[int, int]:
    tracemalloc.start()
    n = 0
    for _, part in stream_parts(path, part_chars=part_chars):
        n += len(split_document(part))
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return n, peak


def test_streaming_memory_is_bounded(tmp_path: Path) -> None:
    """Peak memory follows the part size, not the file size: a file twice as big peaks the same."""
    block = LISTING.read_text(encoding="utf-8").rstrip("\n") + "\n"
    peaks = {}
    for copies in (30, 120):
        big = tmp_path / f"big{copies}.txt"
        with big.open("w", encoding="utf-8") as fh:
            for i in range(copies):
                fh.write(block.replace("  • ", f"  • [{i}] "))
        n, peaks[copies] = _peak_streaming(big, part_chars=200_000)
        assert n == 87 * copies
    assert peaks[120] < peaks[30] * 1.25, peaks
    assert peaks[120] < big.stat().st_size / 2, peaks


def test_flow_streams_large_files_with_identical_results(prefect_harness, corpus_db: Path, tmp_path: Path,
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    corpus = tmp_path / "corpus"
    shutil.copytree(CORPUS_DIR, corpus)
    monkeypatch.setattr(documents, "STREAM_THRESHOLD_BYTES", 10_000)  # the listing (82 kB) is streamed
    monkeypatch.setattr(documents, "PART_CHARS", 7_000)
    db = tmp_path / "streamed.duckdb"
    summary = flows.extract_corpus(corpus, db)
    assert (summary["documents"], summary["records"], summary["extracted"]) == (2, 88, 88)
    diff = diff_states(state_from_db(corpus_db), state_from_db(db))
    assert diff.empty, diff.changed[:3]
    again = flows.extract_corpus(corpus, db)
    assert (again["extracted"], again["unchanged"]) == (0, 88)
