"""Property-based tests of the splitter (issue 5): it never raises, and whitespace does not change records."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pipeline.documents import Document, normalise_newlines, text_document
from pipeline.paths import CORPUS_DIR
from pipeline.split import split_document

LINES = st.sampled_from([
    "  • A title", "•Title without space", "-", "- Partner Institution", "- Ministry of X", "Start activities",
    "14/03/2022", "Code", "2021-07", "Type of Assistance", "Policy development, Capacity building (a, b",
    "Description", "Experts from Spain helped.", "", "   ", "\t", "[unclosed", "SOCIEUX+ 2018-05 BOLIVIA",
])


def doc_of(text: str) -> Document:
    text = normalise_newlines(text)
    return text_document(text, "p.txt")


@settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow])
@given(st.one_of(st.text(max_size=400), st.lists(LINES, max_size=30).map("\n".join)))
def test_splitter_never_raises_and_offsets_hold(text: str) -> None:
    doc = doc_of(text)
    for rec in split_document(doc):
        assert rec.title.strip() == rec.title
        for s, e in rec.fields.values():
            assert 0 <= s <= e <= len(rec.text)
        assert doc.text[rec.start : rec.end] == rec.text


SAMPLE = (CORPUS_DIR / "000_3a8d02358315f3d7.txt").read_text(encoding="utf-8")[:6000]


@settings(max_examples=40, deadline=None)
@given(st.sampled_from(["  ", "\t", "    "]), st.sampled_from(["\n", "\r\n", "\n\n"]), st.booleans())
def test_split_is_stable_under_whitespace(indent: str, newline: str, trailing: bool) -> None:
    base = [(r.title, r.partner_institution, r.assistance_types, r.description, r.action_id)
            for r in split_document(doc_of(SAMPLE))]
    lines = [(indent + ln.strip() if ln.startswith("    ") else ln) + (" " if trailing else "")
             for ln in SAMPLE.split("\n")]
    changed = [(r.title, r.partner_institution, r.assistance_types, r.description, r.action_id)
               for r in split_document(doc_of(newline.join(lines)))]
    assert changed == base
