"""socieux_entity_ruler finds exactly the entities spaCy's stock EntityRuler finds, with the same patterns."""

from __future__ import annotations

import pytest
from spacy.language import Language
from spacy.pipeline import EntityRuler
from spacy.tokens import Span

from pipeline.components.entity_ruler import SocieuxEntityRuler
from pipeline.documents import discover, read_document
from pipeline.paths import CORPUS_DIR
from pipeline.split import split_document


@pytest.fixture(scope="module")
def rulers(nlp: Language) -> tuple[SocieuxEntityRuler, EntityRuler]:
    ours = nlp.get_pipe("entity_ruler")
    stock = EntityRuler(nlp, "stock_ruler", phrase_matcher_attr="ORTH", overwrite_ents=True, ent_id_sep="#")
    stock.add_patterns(ours.patterns)
    return ours, stock


def ents(doc) -> list[tuple[int, int, str, str]]:
    return [(e.start, e.end, e.label_, e.ent_id_) for e in doc.ents]


def test_is_the_pipeline_ruler(nlp: Language) -> None:
    assert isinstance(nlp.get_pipe("entity_ruler"), SocieuxEntityRuler)


def test_same_entities_as_stock_ruler_on_every_corpus_record(nlp: Language, rulers) -> None:
    ours, stock = rulers
    records = [r for p in discover(CORPUS_DIR) for r in split_document(read_document(p))]
    assert len(records) > 50
    found = 0
    for rec in records:
        a, b = ours(nlp.make_doc(rec.text)), stock(nlp.make_doc(rec.text))
        assert ents(a) == ents(b), rec.title
        found += len(a.ents)
    assert found > 100  # the comparison is not vacuous


@pytest.mark.parametrize("text", [
    "Experts from Spain and France met in Lima, Peru, and in Georgia.",
    "Support to the Ministry of Labour of the Kyrgyz Republic (Bishkek).",
])
def test_existing_entities_are_overwritten_like_stock(nlp: Language, rulers, text: str) -> None:
    ours, stock = rulers
    docs = [nlp.make_doc(text), nlp.make_doc(text)]
    for doc in docs:  # a prior entity over the first two tokens, e.g. from an earlier pipe
        doc.ents = [Span(doc, 0, 2, label="OTHER")]
    a, b = ours(docs[0]), stock(docs[1])
    assert ents(a) == ents(b)
    assert any(label != "OTHER" for _, _, label, _ in ents(a))


def test_warns_without_patterns(nlp: Language) -> None:
    empty = SocieuxEntityRuler(nlp, "empty")
    with pytest.warns(UserWarning, match="W036"):
        empty(nlp.make_doc("Peru"))
