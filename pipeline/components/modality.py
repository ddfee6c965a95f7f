"""`socieux_modality`: whether the activity a cue names took place (spec: formats and delivery
count only what the record says took place).

Markers are spaCy Matcher patterns in models/patterns/modality.jsonl, `{"id":
"<kind>:<why>", "pattern": [...]}` (optional `"anchor_at"`: the token the matcher
looks for first, a rarer word than its estimate picks: "next" rather than the
"activity" after it) with kind

- `unrealised`: the activity is planned, future or did not happen ("will", "is
  planned for", "foresees", "under consideration", "cancelled", "postponed",
  "could not take place", "the next activity");
- `realised`: it happened ("took place", "was held", a past-tense verb of doing:
  "delivered", "trained"; a past verb right after a modal or "to"/"be" is no
  marker: "will be delivered");
- `earlier`: a premodifier naming an earlier action's activity ("an earlier
  SOCIEUX+ assessment", "the previous mission");
- `upcoming`: a premodifier naming an activity still to come ("an upcoming
  mission", "a possible study visit"); like `earlier`, it speaks only of the noun
  right after it ("an e-learning course for future job coaches" is a course held);
- `replaced`: a verb or preposition right before the noun saying another activity took
  its place ("a virtual tour … replaced the study visit to Amman", "instead of a mission");
  a premodifier too;
- `negated`: "never" right before the activity's verb ("The experts never travelled to Khartoum");
  a premodifier, which beats the verb's own realised marker.

A marker with `"to_come": true` names an activity still to come (planned or future), one
with `"cancels": true` an activity that will not happen as planned (cancelled, called off;
postponed too: whether it still will be, within the action, records rarely say):
`still_to_come(doc, start_char, end_char)` asks for the first without the second in the
clause (`socieux_period`: a dated activity still to come after the period found leaves it open).

The component marks the doc; `socieux_delivery`, `socieux_formats` and
`socieux_period` ask `unrealised(doc, start_char, end_char)` for each cue, which
reads the markers of the cue's clause (once per clause, cached in
`doc.user_data`: most clauses of a record hold no cue, so they are never read). Within the cue's clause (its sentence, cut at ";", ":" and at "whereas",
"while", "although", "however", at ", once" before a subject (a condition: "…, once the model has been
validated"), at ", who" (what people will do is not the activity:
"ran a training of trainers for 24 assessors, who will in turn train their colleagues"),
and at "but" or ", and" before a new subject: "was discussed but postponed" is one
clause, "was postponed, and a workshop … was held" two), the deciding marker is, in order:
one that overlaps the cue (its own verb: "travelled to"); the first marker after
the cue when at most one word comes between, no punctuation (the cue is its
subject: "A final online seminar will review …", "The mission has been
rescheduled"); the last marker before the cue ("The work plan foresees a
mission …", "Experts delivered three workshops and will hold a seminar"); the
last marker after it ("A mission …, planned for July, had to be postponed").
No marker: the activity is taken to have happened, as before this component.
A cue inside a relative clause about an earlier action the record builds on ("builds on Action
2019-21, in which SOCIEUX+ supported the Services in reviewing …"; the `clause_verbs` entry) is that
action's, whatever the clause's markers. An `earlier`, `upcoming`, `replaced` or `negated` marker at most two words before the cue makes it unrealised; an
ordinal right before it keeps it ("the second mission was postponed" says a first
one took place), and so does a count before "earlier" ("In two earlier online sessions, the experts reviewed …":
this action's own steps).
"""

from __future__ import annotations

import re
from bisect import bisect_left
from functools import lru_cache

import numpy as np

from spacy.attrs import IS_SPACE
from spacy.language import Language
from spacy.strings import get_string_id
from spacy.tokens import Doc

from pipeline.components.base import PatternComponent, WindowedMatcher, _member, doc_lowers, doc_text, per_doc
from pipeline.components.countries import inner_hyphen

KINDS = ("unrealised", "realised", "earlier", "upcoming", "replaced", "negated")
#: premodifier kinds: they speak of the noun right after them only ("an upcoming mission", not "a course
#: for future job coaches"; "replaced the study visit", not the virtual tour that replaced it)
PREMODIFIERS = ("earlier", "upcoming", "replaced", "negated")
MARKERS_KEY = "socieux_modality"  # (clause start, clause end) -> the clause's markers
BREAKS_KEY = "socieux_modality_breaks"
COMPONENT_KEY = "socieux_modality_component"
ANY_TRIGGER_KEY = "socieux_modality_any"
CITED_KEY = "socieux_modality_cited"
_ACTION_ID = re.compile(r"\d{4}-\d{1,3}\b")
#: words that end a clause inside a sentence ("but" only before a new subject, see _breaks); a subordinate
#: clause of time or cause has its own verb ("The mission … was cancelled when borders closed")
CLAUSE_BREAKS = frozenset({".", ";", ":", "!", "?", "but", "whereas", "while", "although", "however",
                           "when", "because"})
#: after "but", words that open a new clause's subject ("…, but the second mission …"); otherwise "but"
#: joins two verbs of one subject ("was discussed but postponed")
NEW_SUBJECT = frozenset({"the", "a", "an", "it", "they", "this", "these", "those", "its", "their", "we", "he",
                         "she", "there", "experts", "socieux+", "socieux", "that"})  # ", and that the experts will …"
#: after "and", auxiliaries that open a second verb of the same subject in the future ("… started in spring 2024 and will
#: continue in 2025"): its own clause
FUTURE_AUXILIARIES = frozenset({"will", "shall", "'ll"})
#: before a past verb, words that make it no report of a past event ("will be delivered", "to train")
NOT_PAST = frozenset({"will", "shall", "should", "to", "be", "'ll", "can", "could", "may", "might", "must",
                      "would", "not"})
#: auxiliaries before a participle that make it a verb of the clause ("was hosted by"), not a modifier
AUXILIARIES = frozenset({"was", "were", "is", "are", "been", "be", "being", "has", "have", "had"})
#: before a cue, words that say an earlier one of the same kind took place
ORDINALS = frozenset({"second", "third", "fourth", "fifth", "sixth", "2nd", "3rd", "4th", "5th", "another", "further"})
#: a following marker this close to the cue (words between), with no punctuation between, has the cue as subject
ADJACENT = 1
#: an earlier-action premodifier this close before the cue
EARLIER_GAP = 2

#: an earlier-action marker may stand further before the cue over its noun phrase's own words ("draws on a social
#: protection diagnostic"): at most these, none a preposition, conjunction or punctuation
EARLIER_NP_GAP = 4
NOT_PREMODIFIER = frozenset({"of", "in", "for", "with", "by", "and", "or", "to", "from", "on", "at", "which", "that",
                             "who", "as", "under", "during", "after", "before"})

Marker = tuple[int, int, str, str]  # token start, token end, kind, pattern id


def _noun_phrase_gap(doc: Doc, end: int, start: int) -> bool:
    """Tokens end..start are the cue's own premodifiers (a determiner, adjectives, nouns), at most EARLIER_NP_GAP."""
    if start < end:
        return False
    words = 0
    for k in range(end, start):
        if _in_compound(doc, k):
            continue  # a hyphenated premodifier is one word: "a peer-to-peer mission"
        if not doc[k].is_alpha or doc[k].lower_ in NOT_PREMODIFIER:
            return False
        words += 1
    return words <= EARLIER_NP_GAP


def _in_compound(doc: Doc, k: int) -> bool:
    """Token k is a hyphen inside a hyphenated word, or a word after such a hyphen ("peer-to-peer")."""
    return inner_hyphen(doc, k) or inner_hyphen(doc, k - 1)


@Language.factory("socieux_modality")
def make_modality(nlp: Language, name: str) -> "ModalityComponent":
    return ModalityComponent(nlp, name)


class ModalityComponent(PatternComponent):
    patterns_file = "modality.jsonl"

    def _compile(self) -> None:
        # the anchor words of the unrealised and earlier markers: a clause without one has none of them,
        # and realised markers alone never make a cue unrealised, so its markers need not be read;
        # realised markers are matched only in a clause that has a trigger
        self.trigger = WindowedMatcher(self.nlp.vocab)
        self.realised = WindowedMatcher(self.nlp.vocab)
        self.kinds: dict[str, str] = {}
        self.to_come: set[str] = set()  # ids of markers of an activity still to come
        self.cancels: set[str] = set()  # ids of markers of an activity that will not take place
        self.cited_clause: re.Pattern[str] | None = None
        self.earlier_subject: re.Pattern[str] | None = None
        self.earlier_words: re.Pattern[str] | None = None  # its premodifiers: a cheap test before the scan
        self.fronted: re.Pattern[str] | None = None
        self.earlier_keys: tuple[str, ...] = ()  # words whose absence spares a text a scan (lower case)
        self.fronted_keys: tuple[str, ...] = ()
        self.other_keys: tuple[str, ...] = ()
        self.later_subject: re.Pattern[str] | None = None
        self.earlier_relative: re.Pattern[str] | None = None
        self.under_other: re.Pattern[str] | None = None
        self.other_gate: re.Pattern[str] = re.compile(r"(?!)")  # never matches until the data gives it
        self.fronted_other: re.Pattern[str] | None = None
        self.id_subject: re.Pattern[str] | None = None
        self.id_fronted: re.Pattern[str] | None = None
        self.id_aux: tuple[str, ...] = ()
        for p in self.patterns:
            kind = p["id"].split(":", 1)[0]
            if kind == "earlier" and "fronted" in p:  # see `cited_clauses`
                lead = _alt(p["fronted"])
                self.fronted = re.compile(rf"(?:^[ \t]*|[.!?]\s+)(?:{lead})\b([^.;:\n,]*),", re.I | re.M)
                self.fronted_keys = tuple(w.lower().split()[0] for w in p["fronted"])
                continue
            if kind == "earlier" and "fronted_other" in p:  # see `cited_clauses`
                o = p["fronted_other"]
                alt = {k: _alt(o[k]) for k in ("preps", "determiners", "premodifiers", "heads")}
                self.fronted_other = re.compile(
                    rf"(?:^[ \t]*|[.!?]\s+)(?:{alt['preps']})\s+(?:{alt['determiners']})\s+(?:{alt['premodifiers']})\s+"
                    rf"(?:socieux\+?\s+)?(?:{alt['heads']})\b(?:\s*\([^()]{{0,40}}\))?\s*,([^.;\n]*)", re.I | re.M)
                continue
            if kind == "earlier" and "other_action" in p:  # see `cited_clauses`
                o = p["other_action"]
                self.other_keys = tuple(w.lower().split()[-1] for w in o["premodifiers"])
                alt = {k: _alt(o[k]) for k in ("preps", "premodifiers", "heads")}
                other = rf"(?:{alt['premodifiers']})\s+(?:socieux\+?\s+)?(?:{alt['heads']})\b"
                self.other_gate = re.compile(other, re.I)  # the phrase alone: a cheap test before the clause scan
                self.under_other = re.compile(
                    rf"(?:^|(?<=[.;,\n]))([^.;,\n]*?\b(?:{alt['preps']})\s+{other})", re.I | re.M)
                continue
            if kind == "earlier" and "id_aux" in p:  # see `cited_clauses`
                aux, preps = _alt(p["id_aux"]), _alt(p["fronted_preps"])
                self.id_aux = tuple(w.lower() for w in p["id_aux"])
                cited = r"(?:socieux\+?\s+)?action\s+\(?\s*(?:n[°º.]?\s*)?\d{4}-\d{1,3}\b\s*\)?"
                self.id_subject = re.compile(
                    rf"(?:^[ \t]*|[.!?]\s+|[,;]\s*(?:and\s+|while\s+|whereas\s+)?|\band\s+)(?:(?:the|an?)\s+)?{cited}"
                    rf"\s+((?:{aux})\b[^.;!?\n]*)", re.I | re.M)
                self.id_fronted = re.compile(
                    rf"(?:^[ \t]*|[.!?]\s+)(?:{preps})\s+(?:the\s+)?{cited}\s*,([^.;!?\n]*\b(?:{aux})\s+"
                    rf"(?:already\s+|also\s+|previously\s+)?[a-z]+(?:ed|ent|ught|ook|ew|ade|id|own|en)\b[^.;!?\n]*)",
                    re.I | re.M)
                continue
            if kind == "earlier" and "later_heads" in p:  # see `cited_clauses`
                pre, head, verbs = _alt(p["premodifiers"]), _alt(p["later_heads"]), _alt(p["verbs"])
                self.later_subject = re.compile(
                    rf"(?:^[ \t]*|[.!?]\s+)(?:an?|the)\s+(?:{pre})\s+(?:socieux\+?\s+)?(?:{head})\b\s*[,(]\s*"
                    rf"(?:action\s+)?\d{{4}}-\d{{1,3}}\b\s*[,)]?\s*((?:which\s+)?(?:{verbs})\b[^.!?;\n]*)", re.I | re.M)
                continue
            if kind == "earlier" and "subject_heads" in p:  # see `cited_clauses`
                self.earlier_subject = earlier_subject_pattern(p["premodifiers"], p["subject_heads"],
                                                               p.get("demonstrative_premodifiers", []),
                                                               p.get("apposition_participles", []))
                pre, head = _alt(p["premodifiers"]), _alt(p["subject_heads"])
                # … and its relative clause, up to its comma: "Unlike the earlier action, which relied on Spanish and
                # Dutch actuaries, this phase mobilises …"
                self.earlier_relative = re.compile(
                    rf"\b(?:an?|the)\s+(?:{pre})\s+(?:socieux\+?\s+)?(?:{head})\b(?:\s*\([^()]{{0,40}}\))?\s*,\s*"
                    rf"((?:which|that)\b[^.;,]*)", re.I)
                self.earlier_words = re.compile("|".join(rf"\b{re.escape(w)}\b" for w in p["premodifiers"]), re.I)
                self.earlier_keys = tuple(w.lower() for w in p["premodifiers"]) + tuple(
                    f"that {w.lower()}" for w in p.get("demonstrative_premodifiers", []))
                continue
            if kind == "earlier" and "clause_verbs" in p:  # see `cited_clauses`
                verbs = _alt(p["clause_verbs"])
                # (the id may stand in brackets, and a participle's apposition may come before the relative clause:
                # "follows a first action (2020-08), carried out remotely between …, which produced a diagnosis")
                self.cited_clause = re.compile(
                    rf"\b(?:{verbs})\b[^.;:]{{0,{int(p['gap'])}}}?\baction\s+\(?\s*(?:n[°º.]?\s*|number\s+)?"
                    rf"\d{{4}}-\d{{1,3}}\b\s*\)?((?:\s*,\s*(?:carried|implemented|conducted|delivered|held|run|organi[sz]ed)\b"
                    rf"[^.;]{{0,{APPOSITION_CHARS}}}?)?\s*,\s*(?:(?:in|during|under|through|with|for|by)\s+)?which\b[^.;,]*)", re.I)
                continue
            if kind not in KINDS or "pattern" not in p:
                raise ValueError(f"modality pattern {p!r}: the id must start with one of {KINDS} and have a "
                                 f"'pattern'; fix models/patterns/modality.jsonl")
            self.kinds[p["id"]] = kind
            if p.get("to_come"):
                self.to_come.add(p["id"])
            if p.get("cancels"):
                self.cancels.add(p["id"])
            (self.realised if kind == "realised" else self.trigger).add(p["id"], p["pattern"], p.get("anchor_at"))
        self.trigger_words = self.trigger.anchor_hashes()

    def may_hold_unrealised(self, doc: Doc, lo: int, hi: int) -> bool:
        """Tokens [lo, hi) hold an anchor word of an unrealised or earlier marker (or that cannot be
        told cheaply); for the whole doc, computed once."""
        if self.trigger_words is None:
            return True
        if lo == 0 and hi == len(doc):
            return per_doc(doc, ANY_TRIGGER_KEY, lambda d: bool(_member(self.trigger_words, doc_lowers(d)).any()))
        return bool(_member(self.trigger_words, doc_lowers(doc)[lo:hi]).any())

    def __call__(self, doc: Doc) -> Doc:
        # markers are read lazily, clause by clause, when a cue asks (`unrealised`): most clauses hold none.
        # The component itself is what reads them; a Doc of this pipeline is never serialised (records
        # are), so keeping it in user_data for the Doc's short life is safe.
        doc.user_data[COMPONENT_KEY] = self
        doc.user_data[MARKERS_KEY] = {}
        return doc

    def markers(self, doc: Doc, lo: int = 0, hi: int | None = None) -> list[Marker]:
        """Markers of tokens [lo, hi) in text order; of overlapping ones the longest wins (then the
        earliest)."""
        hi = len(doc) if hi is None else hi
        triggers = [m for m in self.trigger(doc, [(lo, hi)]) if lo <= m[1] and m[2] <= hi]
        if not triggers:
            return []  # no unrealised or earlier marker: realised ones alone decide nothing
        found = []
        for match_id, start, end in triggers + [m for m in self.realised(doc, [(lo, hi)]) if lo <= m[1] and m[2] <= hi]:
            key = self.nlp.vocab.strings[match_id]
            kind = self.kinds[key]
            if kind == "realised" and end - start == 1 and any(
                    doc[k].lower_ in NOT_PAST for k in range(max(0, start - 2), start)):
                continue  # "will be delivered", "to train"
            if kind == "realised" and end - start == 1 and end < len(doc) and doc[end].lower_ == "by" \
                    and start > 0 and doc[start - 1].is_alpha and doc[start - 1].lower_ not in AUXILIARIES:
                continue  # a participle that names the event's host says no tense: "for a study visit hosted by …"
            found.append((start, end, kind, key))
        kept: list[Marker] = []
        for m in sorted(found, key=lambda m: (-(m[1] - m[0]), m[0])):
            if not any(m[0] < k[1] and k[0] < m[1] for k in kept):
                kept.append(m)
        return sorted(kept)


def _relative_between(doc: Doc, start: int, end: int) -> bool:
    """A relative clause (", which", ", who") opens between tokens start and end, not right after the cue
    at `start` (", which is planned for May" speaks of the cue's own activity), and is still open at `end`."""
    for k in range(start + 1, end - 1):
        if doc[k].text == "," and doc[k + 1].lower_ in ("which", "who"):
            return not any(doc[j].text == "," for j in range(k + 2, end))
    return False


def _breaks(doc: Doc, i: int) -> bool:
    tok = doc[i]
    if "\n" in tok.text:
        return True
    if tok.lower_ == "and":  # ", and a workshop … was finally held": a second clause with its own subject
        if i + 1 < len(doc) and doc[i + 1].lower_ in FUTURE_AUXILIARIES and doc[i - 1].text != ",":
            return True  # "which started in spring 2024 and will continue in 2025": the future is the second verb's
        return i > 0 and doc[i - 1].text == "," and i + 1 < len(doc) and doc[i + 1].lower_ in NEW_SUBJECT
    if tok.lower_ == "who":  # ", who will in turn train their colleagues": what those people will do
        return i > 0 and doc[i - 1].text == ","
    if tok.lower_ == "once":  # ", once the model has been validated": a condition's own clause (not "once again")
        return i > 0 and doc[i - 1].text == "," and i + 1 < len(doc) and doc[i + 1].lower_ in NEW_SUBJECT
    if tok.lower_ != "but":
        return tok.lower_ in CLAUSE_BREAKS
    return i + 1 < len(doc) and (doc[i + 1].lower_ in NEW_SUBJECT or doc[i + 1].is_title)


#: most characters of a participle's apposition between a cited action's id and its relative clause
APPOSITION_CHARS = 120


@lru_cache(maxsize=1)
def _break_hashes() -> np.ndarray:
    return np.array(sorted(get_string_id(w) for w in CLAUSE_BREAKS | {"and", "who", "once"}), dtype=np.uint64)


def _all_breaks(doc: Doc) -> list[int]:
    """Indices of the doc's clause-breaking tokens (`_breaks`), found with array look-ups: only the
    candidates (break words, "and", whitespace tokens) are tested one by one."""
    candidates = np.flatnonzero(_member(_break_hashes(), doc_lowers(doc)))
    spaces = np.flatnonzero(doc.to_array(IS_SPACE))
    return [i for i in sorted({*candidates.tolist(), *spaces.tolist()}) if _breaks(doc, i)]


def _clause(doc: Doc, start: int, end: int) -> tuple[int, int]:
    """Token range of the clause around tokens [start, end): between the nearest breaks."""
    breaks = doc.user_data.get(BREAKS_KEY)
    if breaks is None:
        breaks = doc.user_data[BREAKS_KEY] = _all_breaks(doc)
    k = bisect_left(breaks, start)
    lo = breaks[k - 1] + 1 if k > 0 else 0
    if k > 0 and doc[lo - 1].lower_ == "who":
        lo -= 1  # the relative pronoun is its clause's subject: ", who had earlier carried out a review"
    k = bisect_left(breaks, end)
    hi = breaks[k] if k < len(breaks) else len(doc)
    return lo, hi


def _alt(words: list[str]) -> str:
    """A regex alternation of the data's words or phrases, any run of spaces inside a phrase."""
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in words)


def earlier_subject_pattern(premodifiers: list[str], heads: list[str], demonstrative: list[str] = (),
                            participles: list[str] = ()) -> re.Pattern[str]:
    """An earlier action as the subject of its clause, at a sentence's start or after an introductory
    phrase's comma ("In 2020, a previous SOCIEUX+ action (2019-22) had mobilised Czech experts to analyse …"):
    group 1 is its predicate, up to the sentence's end, a ";" or a contrast ("…, while this action …").
    The head must be followed by its verb (an optional bracketed id between): "Building on a previous action,
    experts trained …" is no subject. After "that", a `demonstrative` premodifier names the earlier action too
    ("That first cooperation …"), and an apposition opened by one of `participles` may come before the verb
    ("That first cooperation, implemented in 2020, had recommended …"): it is part of group 1."""
    pre, head = _alt(premodifiers), _alt(heads)
    det = rf"(?:(?:an?|the|that)\s+(?:{pre})" + (rf"|that\s+(?:{_alt(demonstrative)})" if demonstrative else "") + ")"
    appos = rf"(?:\s*,\s*(?:{_alt(participles)})\b[^,.;\n]{{0,60}},)?" if participles else ""
    return re.compile(
        rf"(?:^[ \t]*|[.!?]\s+|,\s*){det}\s+(?:socieux\+?\s+)?(?:{head})\b(?:\s*\([^()]{{0,40}}\))?"
        rf"({appos}\s+(?:had|has|have)?\s*(?:already\s+|previously\s+|also\s+)?[a-z]+(?:ed|ent|ught|ook|ew|ade|id)\b"
        rf"(?:(?![.!?;](?:\s|$))(?!,\s*(?:while|whereas|but)\b)[^\n])*)", re.I | re.M)


def cited_clauses(doc: Doc) -> list[tuple[int, int]]:
    """Char ranges of clauses that describe an earlier action the record builds on: a relative clause
    after its id ("The action builds on Action 2019-21, in which SOCIEUX+ supported the Services in
    reviewing …": the review was that action's; the `clause_verbs` entry of models/patterns/modality.jsonl)
    or the predicate of an earlier action as subject ("a previous SOCIEUX+ action (2019-22) had mobilised
    Czech and Slovak experts to analyse …"; the `subject_heads` entry) or its relative clause ("Unlike the earlier
    action, which relied on Spanish and Dutch actuaries, …") or a fronted participle's phrase up to
    its comma that names another action by its id or an earlier premodifier ("Building on the guide produced by
    Belgian experts under Action 2020-14, the Ministry asked …"; the `fronted` entry; not "Building on the findings
    of the diagnostic mission in May, …", which may be this action's first step), or the predicate of a later
    action named by its id, still to come ("The new request, Action 2021-08, is expected to mobilise experts from
    Fedris …"; the `later_heads` entry), or a clause of work done under another action, up to its phrase ("tools
    developed by Estonian experts under a separate SOCIEUX+ action"; the `other_action` entry), or a sentence that
    another action opens ("Under that earlier action, actuaries from the Finnish Centre for Pensions produced a
    review …"; the `fronted_other` entry), or the past-perfect predicate of another action named by its id as
    the subject, or the clause such an id opens ("…, and Action 2021-30 had trained its analysts", "Under Action
    2020-12, experts had supported …"; the `id_aux` entry); computed once per Doc."""
    component: ModalityComponent | None = doc.user_data.get(COMPONENT_KEY)
    if component is None:
        return []
    pattern, subject, words = component.cited_clause, component.earlier_subject, component.earlier_words
    fronted, later = component.fronted, component.later_subject

    def scan(d: Doc) -> list[tuple[int, int]]:
        text = doc_text(d)
        low = text.lower()  # substring tests on it spare most texts the (case-insensitive) scans
        found = []
        has_id = _ACTION_ID.search(text) is not None
        # most texts hold no "which" after an id
        if pattern is not None and "which" in low and has_id:
            found += [m.span(1) for m in pattern.finditer(text)]
        earlier = any(w in low for w in component.earlier_keys)
        if subject is not None and earlier:
            found += [m.span(1) for m in subject.finditer(text)]
            if component.earlier_relative is not None:
                found += [m.span(1) for m in component.earlier_relative.finditer(text)]
        if fronted is not None and any(w in low for w in component.fronted_keys):
            # only a phrase that names another action: its id or an earlier premodifier ("Building on the findings
            # of the diagnostic mission in May, …" may be this action's own first step)
            found += [m.span(1) for m in fronted.finditer(text)
                      if _ACTION_ID.search(m[1]) or words is not None and words.search(m[1])]
        if later is not None and has_id:
            found += [m.span(1) for m in later.finditer(text)]
        if component.id_subject is not None and has_id and any(w in low for w in component.id_aux):
            found += [m.span(1) for m in component.id_subject.finditer(text)]
            found += [m.span(1) for m in component.id_fronted.finditer(text)]
        if component.under_other is not None and any(w in low for w in component.other_keys) \
                and component.other_gate.search(text):
            found += [m.span(1) for m in component.under_other.finditer(text)]
        if component.fronted_other is not None and earlier:
            found += [m.span(1) for m in component.fronted_other.finditer(text)]
        return sorted(found)

    return per_doc(doc, CITED_KEY, scan)


def unrealised(doc: Doc, start_char: int, end_char: int) -> bool:
    """The activity named at doc.text[start_char:end_char] is planned, future, cancelled or an
    earlier action's (see the module docstring); False without markers or without the component."""
    marker = _deciding(doc, start_char, end_char)
    return marker is not None and marker[2] != "realised"


def still_to_come(doc: Doc, start_char: int, end_char: int) -> bool:
    """The activity named at doc.text[start_char:end_char] is planned or future: its
    deciding marker is one marked `to_come` in models/patterns/modality.jsonl, and no marker of its
    clause marked `cancels` says it will not happen ("A study visit, foreseen for 2020, was cancelled")."""
    marker = _deciding(doc, start_char, end_char)
    component: ModalityComponent | None = doc.user_data.get(COMPONENT_KEY)
    if marker is None or component is None or marker[3] not in component.to_come:
        return False
    span = doc.char_span(start_char, end_char, alignment_mode="expand")
    clause = doc.user_data.get(MARKERS_KEY, {}).get(_clause(doc, span.start, span.end), []) if span is not None else []
    return not any(m[3] in component.cancels for m in clause)


#: prepositions of a fronted phrase whose activity came before the main clause ("After an initial mission …, …")
FRONTED_PREPS = frozenset({"after", "following"})
#: a marker after the cue naming the action's own earlier step (models/patterns/modality.jsonl)
OWN_STEP = "realised:own-step"
#: markers of a pluperfect that an own step before the cue overrides (`_deciding`)
PLUPERFECT = frozenset({"unrealised:had-already"})


def _deciding(doc: Doc, start_char: int, end_char: int) -> Marker | None:
    """The marker that decides whether the activity at [start_char, end_char) took place: an
    `earlier`/`upcoming`/`replaced`/`negated` premodifier right before it, or the clause's marker chosen as the module
    docstring says; None when no marker decides (it took place)."""
    component: ModalityComponent | None = doc.user_data.get(COMPONENT_KEY)
    if component is None:
        return None
    if any(lo <= start_char < hi for lo, hi in cited_clauses(doc)):
        return (0, 0, "earlier", "earlier:cited-action-clause")
    if not component.may_hold_unrealised(doc, 0, len(doc)):
        return None
    span = doc.char_span(start_char, end_char, alignment_mode="expand")
    if span is None:
        return None
    start, end = span.start, span.end
    if start > 0 and doc[start - 1].lower_ in ORDINALS:
        return None  # "the second mission was postponed" says a first one took place
    lo, hi = _clause(doc, start, end)
    cache = doc.user_data.setdefault(MARKERS_KEY, {})
    near = cache.get((lo, hi))
    if near is None:
        near = cache[(lo, hi)] = component.markers(doc, lo, hi) if component.may_hold_unrealised(doc, lo, hi) else []
    if near and doc[lo].lower_ in FRONTED_PREPS:
        # a fronted "After an initial assessment mission …, the second activity … was postponed": what the main
        # clause says after the comma and its subject is not about the activity of the fronted phrase (which came
        # before it; not ", which was cancelled")
        comma = next((k for k in range(end, hi - 1) if doc[k].text == "," and doc[k + 1].lower_ in NEW_SUBJECT), None)
        if comma is not None:
            near = [m for m in near if m[1] <= comma]
    if not near:
        return None
    # a count before "earlier" counts this action's own steps: "In two earlier online sessions, the experts …"
    premodifier = next((m for m in near if m[2] in PREMODIFIERS and (0 <= start - m[1] <= EARLIER_GAP
                                                                   or m[2] in ("earlier", "replaced")
                                                                   and _noun_phrase_gap(doc, m[1], start))
                        and not (m[2] == "earlier" and m[0] > 0 and doc[m[0] - 1].like_num)), None)
    # "built on an assessment …, carried out by the same team in the first activity of the action": the action's
    # own earlier step, whatever "built on" says before it (also in a participle's clause describing the cue)
    own_step = next((m for m in near if m[0] >= end and m[3] == OWN_STEP), None)
    if own_step is not None and (premodifier is None or premodifier[2] == "earlier"):
        before_cue = [m for m in near if m[1] <= start]
        if premodifier is not None or (before_cue and before_cue[-1][2] == "earlier"):
            return own_step
    # ... or before the cue, over a pluperfect of the same clause: "the two French experts who had already
    # supported BPJS Kesehatan in Jakarta in March, during a first activity dedicated to the analysis …", "The
    # visit concluded an action in which two French experts … had previously supported the Service with a diagnosis"
    own_before = next((m for m in reversed(near) if m[1] <= start and m[3] == OWN_STEP), None)
    if own_before is not None and premodifier is None \
            and any(m[1] <= start and m[3] in PLUPERFECT for m in near):
        return own_before
    if premodifier is not None:
        return premodifier
    near = [m for m in near if m[2] not in PREMODIFIERS and m[3] != OWN_STEP]  # (an own step decides only above)
    own = [m for m in near if m[0] < end and start < m[1]]
    if own:
        return own[-1]
    # a marker inside a relative clause opened after the cue speaks of what the clause is about: "Since
    # September 2022, the MTESS has been developing this cooperation with SOCIEUX+, which will continue in …"
    after = [m for m in near if m[0] >= end and not _relative_between(doc, end, m[0])]
    before = [m for m in near if m[1] <= start]
    if after and after[0][0] - end <= ADJACENT and not any(t.is_punct for t in doc[end : after[0][0]]):
        return after[0]
    # "built on an assessment …, carried out by the same team in the first activity of the action": the action's
    # own step, whatever "built on" says before it
    if before:
        return before[-1]
    if after:
        return after[-1]
    return None
