"""Split a document into raw action records by its kind and layout: pages of labelled fields
(`labelled`), bullet and dash listings and title blocks (`records`), paragraphs with run-in titles (`runin`),
news items (`news`).
"""

from __future__ import annotations

from dataclasses import replace

from pipeline.documents import MIN_MARKED_RECORDS, Document, content_hash
from pipeline.labelled import is_labelled_listing, labelled_records, split_labelled
from pipeline.labels import is_any_label
from pipeline.lines import lines_of
from pipeline.news import split_news
from pipeline.records import RawRecord, split_blocks, split_listing, title_blocks
from pipeline.runin import is_run_in_listing, split_run_in


def is_block_listing(text: str) -> bool:
    """A listing laid out as blank-line separated blocks, at least MIN_MARKED_RECORDS of them: blocks whose
    list markers were lost (`title_blocks`) or blocks of labelled fields (`is_labelled_listing`)."""
    return len(title_blocks(text)) >= MIN_MARKED_RECORDS or is_labelled_listing(labelled_records(text)) \
        or is_run_in_listing(text)


#: fewest characters before the first record or after the last worth reading for records of another layout
MIN_REST_CHARS = 200


def split_document(doc: Document) -> list[RawRecord]:
    """Records of a document by its kind; an unknown document has none."""
    if doc.kind == "listing":
        records = _split_layout(doc)
        return _with_other_layouts(doc, records) if records else []
    if doc.kind == "news":
        return split_news(doc)
    return []


def _split_layout(doc: Document) -> list[RawRecord]:
    """Records of a listing in the first layout that finds some."""
    return split_labelled(doc) or split_listing(doc) or split_blocks(doc) or split_run_in(doc)


def _with_other_layouts(doc: Document, records: list[RawRecord]) -> list[RawRecord]:
    """The records, with those of another layout in the text before the first or after the last (a scrape of
    two catalogue pages: bullet records, the first page's footer, then dash records), in text order, numbered
    again. The text outside the records is read only when it is long enough (MIN_REST_CHARS) to hold one, and
    gives records only when it holds MIN_MARKED_RECORDS of them."""
    before = _records_in(doc, 0, records[0].start)
    after = _records_in(doc, records[-1].end, len(doc.text))
    merged = [*before, *records, *after]
    for index, rec in enumerate(merged):
        rec.index = index
    _note_unread_fields(doc, merged)
    return merged


def _note_unread_fields(doc: Document, records: list[RawRecord]) -> None:
    """Nothing lost without a word: text between two records, or after the last, that holds MIN_MARKED_RECORDS
    lines of field labels or more ("Partner Institution: …", "Start activities") is a record no reader took; the
    record before it gets a note saying so (stored with its notes)."""
    for rec, stop in zip(records, [r.start for r in records[1:]] + [len(doc.text)]):
        gap = lines_of(doc.text, rec.end, stop)
        labels = [ln for ln in gap if is_any_label(ln)]
        if len(labels) >= MIN_MARKED_RECORDS:
            first = next(ln.text.strip() for ln in gap if ln.text.strip())
            rec.problems.append(f"text after this record holds field labels no record took: {first[:80]!r}")


def _records_in(doc: Document, start: int, end: int) -> list[RawRecord]:
    """Records of the text doc.text[start:end] in any layout, with offsets in the whole document."""
    if len(doc.text[start:end].strip()) < MIN_REST_CHARS:
        return []
    text = doc.text[start:end]
    records = _split_layout(replace(doc, text=text, content_hash=content_hash(text)))
    if len(records) < MIN_MARKED_RECORDS:
        return []  # a page's notes under a dash, not a listing ("Notes" / "- Dates are those of …")
    for rec in records:
        rec.shift(start)
    return records
