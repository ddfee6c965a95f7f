"""spaCy component `socieux_entity_ruler`: spaCy's `EntityRuler`, same entities, less work per Doc.

The gazetteer (~17,000 phrase patterns under ~1,700 `label#id` keys) made two
per-Doc costs of the stock ruler visible in profiles, neither of which finds
anything:

- `match()` first checks that patterns exist with `len(self)`, which sums the
  lengths of every pattern list on every call (~50 µs per Doc here); the
  matchers' own lengths answer the same question in constant time;
- `set_annotations()` creates a Python `Token` for every token of every match
  to test `t.ent_type` before it looks at `overwrite_ents`; with
  `overwrite_ents = true` (our config) that test cannot change the outcome.

Everything else (patterns, serialisation, the order matches are chosen in,
`ent_id_sep` ids) is the stock component's, so `tests/test_nlp.py` and
`bench/check_identical.py` compare it with `EntityRuler` output directly.
"""

from __future__ import annotations

import warnings

from spacy.errors import Warnings
from spacy.language import Language
from spacy.pipeline import EntityRuler
from spacy.pipeline.entityruler import DEFAULT_ENT_ID_SEP
from spacy.tokens import Doc, Span

from pipeline.components.base import BatchPipe


@Language.factory(
    "socieux_entity_ruler",
    assigns=["doc.ents", "token.ent_type", "token.ent_iob"],
    default_config={
        "phrase_matcher_attr": None,
        "validate": False,
        "overwrite_ents": False,
        "ent_id_sep": DEFAULT_ENT_ID_SEP,
    },
)
def make_entity_ruler(nlp: Language, name: str, phrase_matcher_attr: str | None, validate: bool,
                      overwrite_ents: bool, ent_id_sep: str) -> "SocieuxEntityRuler":
    """Factory registered as `socieux_entity_ruler` (see models/config.cfg)."""
    return SocieuxEntityRuler(nlp, name, phrase_matcher_attr=phrase_matcher_attr, validate=validate,
                              overwrite_ents=overwrite_ents, ent_id_sep=ent_id_sep)


class SocieuxEntityRuler(BatchPipe, EntityRuler):
    """`EntityRuler` whose per-Doc work is only matching and setting the entities."""

    def _require_patterns(self) -> None:
        if len(self.phrase_matcher) == 0 and len(self.matcher) == 0:
            warnings.warn(Warnings.W036.format(name=self.name))

    def match(self, doc: Doc) -> list[tuple[int, int, int]]:
        self._require_patterns()
        matches = list(self.phrase_matcher(doc))
        if len(self.matcher):
            matches += list(self.matcher(doc))
        final = {(m_id, start, end) for m_id, start, end in matches if start != end}
        return sorted(final, key=lambda m: (m[2] - m[1], -m[1]), reverse=True)

    def set_annotations(self, doc: Doc, matches: list[tuple[int, int, int]]) -> None:
        if not self.overwrite:
            super().set_annotations(doc, matches)
            return
        entities = list(doc.ents)
        new_entities = []
        seen_tokens: set[int] = set()
        for match_id, start, end in matches:
            # as EntityRuler: only the match's first and last tokens are checked (boundaries inclusive)
            if start in seen_tokens or end - 1 in seen_tokens:
                continue
            if match_id in self._ent_ids:
                label, ent_id = self._ent_ids[match_id]
                span = Span(doc, start, end, label=label, span_id=ent_id)
            else:
                span = Span(doc, start, end, label=match_id)
            new_entities.append(span)
            if entities:
                entities = [e for e in entities if not (e.start < end and e.end > start)]
            seen_tokens.update(range(start, end))
        doc.ents = entities + new_entities
