"""`socieux_formats`: the activity formats an action record says took place (spec § formats).

The vocabulary is the spec's (`pipeline.schema.FORMATS`): training, workshop,
seminar, webinar, conference, study_visit, lecture, assessment. Cues are spaCy
Matcher patterns in models/patterns/formats.jsonl, one JSON object a line with
a `comment` saying why it exists:

- `{"id": "<format key>", "pattern": [...]}`: a mention of that format;
- `{"id": "not-<format key>[:<why>]", "pattern": [...]}`: a context where the word names
  a domain, an institution or an object of design rather than an activity that
  took place ("vocational training", "training centre", "training plan",
  "monitoring and evaluation tools"). It suppresses the format matches of its
  key that it overlaps, unless the positive span strictly contains it. An
  optional `"fields": [...]` restricts a pattern to those record fields; an optional
  `"anchor_at": i` names the token the matcher looks for first (a rare verb rather
  than the frequent format noun: same matches, smaller windows).

Rules applied in code (the spec: "only formats the record says took place"):
- only the title and description count: the partner institution line and the
  types of assistance name institutions and labels, not activities;
- quoted text and named titles ("under the title …", "entitled …") are titles
  of events or documents, whose words are not formats of this action;
- an activity that is planned, future, cancelled or an earlier action's
  (`socieux_modality`) did not take place in this action.

A compound fires once per key: "training seminar" → training + seminar;
"training of trainers" → training. Each match → `Fact(field="format", value=key,
rule=pattern id)`; extract.py turns them into the sorted unique `formats` list.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Span

from pipeline.components.base import PatternComponent, WindowedMatcher
from pipeline.components.delivery import inside, quoted_ranges, resolve, scope_ranges
from pipeline.components.modality import unrealised
from pipeline.facts import FIELDS_KEY, Fact, add_fact, field_span
from pipeline.schema import FORMATS

FIELD = "format"


class FormatsComponent(PatternComponent):
    """Matches activity formats, drops negated contexts and out-of-scope text."""

    patterns_file = "formats.jsonl"

    def __init__(self, nlp: Language, name: str) -> None:
        super().__init__(nlp, name)
        self.matcher = WindowedMatcher(nlp.vocab, validate=True)
        self.fields: dict[str, tuple[str, ...]] = {}

    def _compile(self) -> None:
        self.matcher = WindowedMatcher(self.nlp.vocab, validate=True)
        self.fields = {}
        for entry in self.patterns:
            pid = entry.get("id", "")
            key = pid.removeprefix("not-").split(":", 1)[0] if pid.startswith("not-") else pid
            fields = tuple(entry.get("fields") or ())
            if key not in FORMATS or "pattern" not in entry or self.fields.setdefault(pid, fields) != fields:
                raise ValueError(
                    f"format pattern {entry!r}: the id must be a format key {FORMATS} or 'not-<key>[:<why>]', "
                    f"with a 'pattern' and the same 'fields' as other patterns of that id; "
                    f"fix models/patterns/formats.jsonl"
                )
            self.matcher.add(pid, entry["pattern"], entry.get("anchor_at"))

    def find(self, doc: Doc) -> list[Fact]:
        """Format facts in text order (pure: does not touch doc._.facts)."""
        # resolve() reads no order (ties of one span go by pattern order, as Matcher emits them)
        matches = [(self.nlp.vocab.strings[mid], doc[s:e]) for mid, s, e in self.matcher.match_set(doc)]
        # a pattern restricted to some fields (e.g. capitalised names in running text) applies there only
        matches = [(pid, span) for pid, span in matches if self._applies(doc, pid, span)]
        if not matches:
            return []
        scope, quoted = scope_ranges(doc), quoted_ranges(doc)
        found = []
        for pid, span in resolve(matches):
            # spec: only the record's title and description say what took place
            if not inside(span.start_char, span.end_char, scope):
                continue
            # titles of (other organisations') events and documents are not this action's formats
            if inside(span.start_char, span.end_char, quoted):
                continue
            # planned, cancelled or an earlier action's: not a format of this action (socieux_modality)
            if unrealised(doc, span.start_char, span.end_char):
                continue
            found.append(Fact(FIELD, pid, span.start_char, span.end_char, span.text, pid))
        return found

    def _applies(self, doc: Doc, pid: str, span: Span) -> bool:
        fields = self.fields.get(pid)
        if not fields or not doc.user_data.get(FIELDS_KEY):
            return True
        ranges = [r for r in (field_span(doc, name) for name in fields) if r]
        return inside(span.start_char, span.end_char, ranges)

    def __call__(self, doc: Doc) -> Doc:
        for fact in self.find(doc):
            add_fact(doc, fact)
        return doc


@Language.factory("socieux_formats")
def make_formats(nlp: Language, name: str) -> FormatsComponent:
    return FormatsComponent(nlp, name)
