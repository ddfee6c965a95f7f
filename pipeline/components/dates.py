"""spaCy component `socieux_dates`: one `date` fact per calendar expression of a record.

Finding is `pipeline.dates.find_dates` (pure, tested on its own); this module
only sets annotations. Spec § dates: every calendar expression of the record is
listed, labelled fields and news tags included, except inside the `Code` field
(the action's own id) and the types of assistance (labels from a vocabulary).
A day or month without a year takes the year of the news item's date line
(`doc.user_data["socieux_year"]`) when the text before it names none.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from pipeline.components.base import BatchPipe, doc_text
from pipeline.dates import DateMatch, find_dates
from pipeline.facts import YEAR_KEY, Fact, add_fact, ensure_extensions, field_span

#: record fields whose text never holds a date of the action (spec: `Code 2019-07` is an id)
SKIPPED_FIELDS = ("code", "assistance_types")


@Language.factory("socieux_dates")
def make_dates(nlp: Language, name: str) -> "DatesComponent":
    """Factory registered as `socieux_dates` (see models/config.cfg)."""
    ensure_extensions()
    return DatesComponent(nlp, name)


class DatesComponent(BatchPipe):
    """Adds `date` facts (value = ISO start, extra["end"] = ISO end) and `date_error` facts."""

    def __init__(self, nlp: Language, name: str) -> None:
        self.nlp = nlp
        self.name = name

    def find(self, doc: Doc) -> list[DateMatch]:
        """The record's calendar expressions, minus those inside skipped fields."""
        skipped = [span for span in (field_span(doc, f) for f in SKIPPED_FIELDS) if span]
        year = doc.user_data.get(YEAR_KEY)
        matches = find_dates(doc_text(doc), default_year=year if isinstance(year, int) else None)
        return [m for m in matches if not any(m.start < end and start < m.end for start, end in skipped)]

    def __call__(self, doc: Doc) -> Doc:
        for match in self.find(doc):
            add_fact(doc, to_fact(match))
        return doc


def to_fact(match: DateMatch) -> Fact:
    """A `date` fact, or a `date_error` fact naming why the expression is no valid date."""
    if match.error is not None:
        return Fact(
            field="date_error",
            value=None,
            start=match.start,
            end=match.end,
            text=match.text,
            rule="date:invalid",
            status="certain",
            extra={"reason": match.error},
        )
    return Fact(
        field="date",
        value=match.iso_start,
        start=match.start,
        end=match.end,
        text=match.text,
        rule=f"date:{match.kind}",
        status="certain",
        extra={"end": match.iso_end},
    )
