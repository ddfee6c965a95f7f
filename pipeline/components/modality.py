"""`socieux_modality`: whether the activity a cue names took place (spec: formats and delivery
count only what the record says took place).

Markers are spaCy Matcher patterns in models/patterns/modality.jsonl, `{"id":
"<kind>:<why>", "pattern": [...]}` with kind

- `unrealised`: the activity is planned, future or did not happen ("will", "is
  planned for", "foresees", "under consideration", "cancelled", "postponed",
  "could not take place", "the next activity");
- `realised`: it happened ("took place", "was held", a past-tense verb of doing:
  "delivered", "trained"; a past verb right after a modal or "to"/"be" is no
  marker: "will be delivered");
- `earlier`: a premodifier naming an earlier action's activity ("an earlier
  SOCIEUX+ assessment", "the previous mission").

The component stores the markers (token spans, by kind) in `doc.user_data`;
`socieux_delivery` and `socieux_formats` ask `unrealised(doc, start_char, end_char)`
for each cue. Within the cue's clause (its sentence, cut at ";", ":" and at "whereas",
"while", "although", "however", and at "but" or ", and" before a new subject: "was
discussed but postponed" is one clause, "was postponed, and a workshop … was held"
two), the deciding marker is, in order:
one that overlaps the cue (its own verb: "travelled to"); the first marker after
the cue when at most one word comes between, no punctuation (the cue is its
subject: "A final online seminar will review …", "The mission has been
rescheduled"); the last marker before the cue ("The work plan foresees a
mission …", "Experts delivered three workshops and will hold a seminar"); the
last marker after it ("A mission …, planned for July, had to be postponed").
No marker: the activity is taken to have happened, as before this component.
An `earlier` marker at most two words before the cue makes it unrealised; an
ordinal right before it keeps it ("the second mission was postponed" says a first
one took place).
"""

from __future__ import annotations

from bisect import bisect_right

from spacy.language import Language
from spacy.tokens import Doc

from pipeline.components.base import PatternComponent, WindowedMatcher

KINDS = ("unrealised", "realised", "earlier")
MARKERS_KEY = "socieux_modality"
#: words that end a clause inside a sentence ("but" only before a new subject, see _breaks)
CLAUSE_BREAKS = frozenset({".", ";", ":", "!", "?", "but", "whereas", "while", "although", "however"})
#: after "but", words that open a new clause's subject ("…, but the second mission …"); otherwise "but"
#: joins two verbs of one subject ("was discussed but postponed")
NEW_SUBJECT = frozenset({"the", "a", "an", "it", "they", "this", "these", "those", "its", "their", "we", "he",
                         "she", "there", "experts", "socieux+", "socieux"})
#: before a past verb, words that make it no report of a past event ("will be delivered", "to train")
NOT_PAST = frozenset({"will", "shall", "should", "to", "be", "'ll", "can", "could", "may", "might", "must",
                      "would", "not"})
#: before a cue, words that say an earlier one of the same kind took place
ORDINALS = frozenset({"second", "third", "fourth", "fifth", "sixth", "2nd", "3rd", "4th", "5th", "another", "further"})
#: a following marker this close to the cue (words between), with no punctuation between, has the cue as subject
ADJACENT = 1
#: an earlier-action premodifier this close before the cue
EARLIER_GAP = 2

Marker = tuple[int, int, str]  # token start, token end, kind


@Language.factory("socieux_modality")
def make_modality(nlp: Language, name: str) -> "ModalityComponent":
    return ModalityComponent(nlp, name)


class ModalityComponent(PatternComponent):
    patterns_file = "modality.jsonl"

    def _compile(self) -> None:
        self.matcher = WindowedMatcher(self.nlp.vocab)
        self.kinds: dict[str, str] = {}
        for p in self.patterns:
            kind = p["id"].split(":", 1)[0]
            if kind not in KINDS or "pattern" not in p:
                raise ValueError(f"modality pattern {p!r}: the id must start with one of {KINDS} and have a "
                                 f"'pattern'; fix models/patterns/modality.jsonl")
            self.kinds[p["id"]] = kind
            self.matcher.add(p["id"], p["pattern"])

    def __call__(self, doc: Doc) -> Doc:
        doc.user_data[MARKERS_KEY] = self.markers(doc)
        return doc

    def markers(self, doc: Doc) -> list[Marker]:
        """Markers in text order; of overlapping ones the longest wins (then the earliest)."""
        found = []
        for match_id, start, end in self.matcher(doc):
            kind = self.kinds[self.nlp.vocab.strings[match_id]]
            if kind == "realised" and end - start == 1 and any(
                    doc[k].lower_ in NOT_PAST for k in range(max(0, start - 2), start)):
                continue  # "will be delivered", "to train"
            found.append((start, end, kind))
        found.sort(key=lambda m: (m[0], -(m[1] - m[0])))
        kept: list[Marker] = []
        for m in sorted(found, key=lambda m: (-(m[1] - m[0]), m[0])):
            if not any(m[0] < k[1] and k[0] < m[1] for k in kept):
                kept.append(m)
        return sorted(kept)


def _breaks(doc: Doc, i: int) -> bool:
    tok = doc[i]
    if "\n" in tok.text:
        return True
    if tok.lower_ == "and":  # ", and a workshop … was finally held": a second clause with its own subject
        return i > 0 and doc[i - 1].text == "," and i + 1 < len(doc) and doc[i + 1].lower_ in NEW_SUBJECT
    if tok.lower_ != "but":
        return tok.lower_ in CLAUSE_BREAKS
    return i + 1 < len(doc) and (doc[i + 1].lower_ in NEW_SUBJECT or doc[i + 1].is_title)


def _clause(doc: Doc, start: int, end: int) -> tuple[int, int]:
    lo = start
    while lo > 0 and not _breaks(doc, lo - 1):
        lo -= 1
    hi = end
    while hi < len(doc) and not _breaks(doc, hi):
        hi += 1
    return lo, hi


def unrealised(doc: Doc, start_char: int, end_char: int) -> bool:
    """The activity named at doc.text[start_char:end_char] is planned, future, cancelled or an
    earlier action's (see the module docstring); False without markers or without the component."""
    markers: list[Marker] = doc.user_data.get(MARKERS_KEY) or []
    if not markers:
        return False
    span = doc.char_span(start_char, end_char, alignment_mode="expand")
    if span is None:
        return False
    start, end = span.start, span.end
    if start > 0 and doc[start - 1].lower_ in ORDINALS:
        return False  # "the second mission was postponed" says a first one took place
    lo, hi = _clause(doc, start, end)
    near = [m for m in markers[max(0, bisect_right(markers, (lo, -1, "")) - 1):] if lo <= m[0] and m[1] <= hi]
    if any(k == "earlier" and 0 <= start - e <= EARLIER_GAP for _, e, k in near):
        return True
    near = [m for m in near if m[2] != "earlier"]
    own = [m for m in near if m[0] < end and start < m[1]]
    if own:
        return own[-1][2] == "unrealised"
    after = [m for m in near if m[0] >= end]
    before = [m for m in near if m[1] <= start]
    if after and after[0][0] - end <= ADJACENT and not any(t.is_punct for t in doc[end : after[0][0]]):
        return after[0][2] == "unrealised"
    if before:
        return before[-1][2] == "unrealised"
    if after:
        return after[-1][2] == "unrealised"
    return False
