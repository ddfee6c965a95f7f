"""Split a document into raw action records by its kind and layout: pages of labelled fields
(`labelled`), bullet and dash listings and title blocks (`records`), paragraphs with run-in titles (`runin`),
news items (`news`).
"""

from __future__ import annotations

from pipeline.documents import MIN_MARKED_RECORDS, Document
from pipeline.labelled import is_labelled_listing, labelled_records, split_labelled
from pipeline.news import split_news
from pipeline.records import RawRecord, split_blocks, split_listing, title_blocks
from pipeline.runin import is_run_in_listing, split_run_in


def is_block_listing(text: str) -> bool:
    """A listing laid out as blank-line separated blocks, at least MIN_MARKED_RECORDS of them: blocks whose
    list markers were lost (`title_blocks`) or blocks of labelled fields (`is_labelled_listing`)."""
    return len(title_blocks(text)) >= MIN_MARKED_RECORDS or is_labelled_listing(labelled_records(text)) \
        or is_run_in_listing(text)


def split_document(doc: Document) -> list[RawRecord]:
    """Records of a document by its kind; an unknown document has none."""
    if doc.kind == "listing":
        return split_labelled(doc) or split_listing(doc) or split_blocks(doc) or split_run_in(doc)
    if doc.kind == "news":
        return split_news(doc)
    return []
