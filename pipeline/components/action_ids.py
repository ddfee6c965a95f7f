"""`socieux_action_ids`: the record's own SOCIEUX+ action id and the ids of other actions it cites.

Spec § action_code / action_refs. An action id is `yyyy-nn`; spaCy splits it
into "2022", "-", "21", so ids are found with a regex over `doc.text`, built
from the `id-syntax` entry of models/patterns/action_ids.jsonl: an id is taken
only right after an introducer ("Action", "Actions", "ACT.", "SOCIEUX+",
"Code", …) or in a list continuing one ("Actions 2019-01 and 2019-02"), so
"COVID-19", year ranges ("2022-2027", "2022-23") and dates are never ids.

Whose id it is comes, in this order, from:
1. the labelled `Code` field → `action_code`, rule "code:field", certain;
2. a news reference tag (`SOCIEUX+ 2018-05 BOLIVIA, ACT. 2 (…)`) → rule
   "code:news-tag", certain;
3. text naming the action itself ("Action 2023-11 was implemented …",
   "This action (Action 2019-07)") → rule "code:self:<cue>", inferred; the first id
   with a self cue, unless another has a `strong` one ("The current action, 2022-44,
   …" over "The first, action 2020-29, helped …"); in a news item, the only id without
   any cue when every other id is cited with a reference cue ("SOCIEUX+ action 2020-26
   was the programme's first cooperation with the NEO", "… (action 2022-47), building
   on action 2019-08") → rule "code:only-id", inferred; an id in the title without a
   reference cue ("… in Paraguay (Action 2019-22)") → rule "code:title", inferred.
Cue words are Matcher patterns in the same file: `self:<cue>` and `ref:<cue>`,
each with `where` = "before" | "after" the id. Every other id mention becomes
`Fact(field="action_ref")`: certain when a reference cue ("previous",
"building on", "follow-up") is near, inferred otherwise, ambiguous when it
looked like the record's own id but another source already gave the code.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc, Span

from pipeline.components.base import PatternComponent, WindowedMatcher, doc_text
from pipeline.components.modality import unrealised
from pipeline.facts import KIND_KEY, Fact, add_fact, field_span

SYNTAX_ID = "id-syntax"
ID_RE = r"(?<![\d\-‐‑])(?P<y>(?:19|20)\d{2})\s*[-‐‑–]\s*(?P<n>\d{1,3})(?![\d]|[-/.]\d)"
#: the shape of a news reference tag: "SOCIEUX+ 2018-05 BOLIVIA, ACT. 2 (…)" (an upper-case country after the id, or
#: a title-case one before its activity number: "Socieux+ 2021-31 Côte d’Ivoire, Act. 3 (…)")
TAG_RE = re.compile(r"(?i:SOCIEUX)\s*\+?\s*" + ID_RE
                    + r"\s+(?:[A-ZÀ-Þ]{2,}\b|[A-ZÀ-Þ][\w'’ -]{1,40}?,?\s+(?i:act)\.?\s*\d)")
SENTENCE_BREAKS = {".", ";", "!", "?"}
RELATIVES = {"which", "that"}
#: a sentence's end, for ids listed after a plural introducer
_SENTENCE_END_RE = re.compile(r"[.;!?](?:\s|$)|\n")
#: most words between the word "action" and a bare id in brackets that closes its phrase
BRACKET_WORDS = 12
#: a bare "(yyyy-nn)" whose number is at most this many years after the year's own is a year range
RANGE_YEARS = 10
BRACKETED_AFTER_ACTION = re.compile(
    rf"(?<!\w)(?:action|acción|ação)(?!\w)(?:[^\S\n]+[^\s().;!?]+){{0,{BRACKET_WORDS}}}?[^\S\n]*"
    rf"\(\s*{ID_RE}\s*\)", re.IGNORECASE)
#: the year every id of ID_RE starts with: a text without one holds no id (a cheap first check)
YEAR_RE = re.compile(r"(?:19|20)\d{2}")


def normalise(year: str, number: str) -> str:
    """yyyy-nn with at least two digits (schema: \\d{4}-\\d{2,3})."""
    return f"{year}-{int(number):02d}"


@dataclass(frozen=True)
class Mention:
    """One id in the text, with the introducer that licensed it (for cue distances)."""

    value: str
    start: int  # chars of the id itself
    end: int
    intro_start: int  # chars of the introducer (or of the list's first id)
    text: str


def _ends_sentence(tok) -> bool:
    """A sentence break or a line break: no cue reaches across it."""
    return tok.text in SENTENCE_BREAKS or (tok.is_space and "\n" in tok.text)


#: tokens a cue pattern may reach past the reference window (the longest cue pattern's length)
CUE_REACH = 20


class ActionIdsComponent(PatternComponent):
    """Finds action ids and tells the record's own code from references to other actions."""

    patterns_file = "action_ids.jsonl"

    def __init__(self, nlp: Language, name: str) -> None:
        super().__init__(nlp, name)
        self.matcher = WindowedMatcher(nlp.vocab, validate=True)
        self.where: dict[str, str] = {}
        self.syntax: dict[str, Any] = {}
        self.weak: set[str] = set()  # reference cues that yield to a self cue after the id
        self.only_in: dict[str, str] = {}  # cues of one kind of record only ("listing" | "news")
        self.id_re: re.Pattern[str] | None = None

    def _compile(self) -> None:
        self.matcher = WindowedMatcher(self.nlp.vocab, validate=True)
        self.where, self.syntax = {}, {}
        self.weak, self.only_in = set(), {}
        self.strong: set[str] = set()  # self cues naming the record's action for sure ("the current action")
        self.phrases: list[tuple[str, dict[str, Any]]] = []  # self cues read in code: id, phrase, verb
        for entry in self.patterns:
            pid = entry.get("id", "")
            if pid == SYNTAX_ID:
                self.syntax = entry
            elif pid.startswith("self:") and isinstance(entry.get("phrase"), dict):
                self.phrases.append((pid, entry["phrase"]))
            elif pid.split(":", 1)[0] in ("ref", "self") and "pattern" in entry and entry.get("where") in ("before", "after"):
                self.matcher.add(pid, entry["pattern"])
                self.where[pid] = entry["where"]
                if entry.get("weak"):
                    self.weak.add(pid)
                if entry.get("strong"):
                    self.strong.add(pid)
                if entry.get("only_in"):
                    self.only_in[pid] = entry["only_in"]
            else:
                raise ValueError(
                    f"action id pattern {entry!r}: expected the '{SYNTAX_ID}' entry, a 'ref:'/'self:' cue "
                    f"with a 'pattern' and where='before'|'after', or a 'self:' cue with a 'phrase'; "
                    f"fix models/patterns/action_ids.jsonl"
                )
        intros = "|".join(re.escape(w) for w in sorted(self.syntax.get("introducers", []), key=len, reverse=True))
        markers = "|".join(re.escape(w) for w in self.syntax.get("number_markers", []))
        joiners = "|".join(re.escape(w) for w in self.syntax.get("joiners", []))
        plural = "|".join(re.escape(w) for w in self.syntax.get("plural_introducers", []))
        self.plural_re = re.compile(rf"(?<!\w)(?:{plural})(?!\w)", re.IGNORECASE) if plural else None
        if not intros:
            self.id_re = None
            return
        # introducer, optional comma ("This action, 2023-16, …"), "(" and number marker, then an id and any
        # ids listed after it
        bare_id = ID_RE.replace('?P<y>', '?:').replace('?P<n>', '?:')
        # a listed id may carry what it was about in brackets: "actions 2018-27 (labour market observatory)
        # and 2020-41 (…)"
        self.id_re = re.compile(
            rf"(?<!\w)(?:{intros})(?!\w)\s*,?\s*\(?\s*(?:(?:{markers})\s*)?"
            rf"(?P<ids>{bare_id}(?:(?:\s*\([^()\n]{{1,80}}\))?\s*(?:{joiners})\s*{bare_id})*)",
            re.IGNORECASE,
        )

    # -- finding ----------------------------------------------------------
    def mentions(self, doc: Doc) -> list[Mention]:
        if self.id_re is None:
            return []
        text = doc_text(doc)
        if not YEAR_RE.search(text):
            return []
        found = []
        for m in self.id_re.finditer(text):
            base = m.start("ids")
            for idm in re.finditer(ID_RE, m.group("ids")):
                s, e = base + idm.start(), base + idm.end()
                found.append(Mention(normalise(idm["y"], idm["n"]), s, e, m.start(), text[s:e]))
        found += self._listed_after_plural(text, found)
        return found + self._bracketed_after_action(text, found)

    def _bracketed_after_action(self, text: str, found: list[Mention]) -> list[Mention]:
        """A bare id in brackets closing a phrase about an action ("an earlier SOCIEUX+ action on the
        collection of contributions (2018-52)", "a previous SOCIEUX+ action on the transfer of pension rights
        (2019-64)"): at most BRACKET_WORDS words after the word "action", in its sentence, and not a
        year range ("(2022-23)": a number a few years after the year's)."""
        if "(" not in text:
            return []
        taken = {(f.start, f.end) for f in found}
        out = []
        for m in BRACKETED_AFTER_ACTION.finditer(text):
            s, e = m.start("y"), m.end("n")
            year, number = m["y"], m["n"]
            if (s, e) in taken or 0 < int(number) - int(year[2:]) <= RANGE_YEARS:
                continue
            out.append(Mention(normalise(year, number), s, e, m.start(), text[s:e]))
        return sorted(out, key=lambda mention: mention.start)

    def _listed_after_plural(self, text: str, found: list[Mention]) -> list[Mention]:
        """Bare ids later in a sentence that introduced several actions ("two earlier SOCIEUX+ actions
        with the Agency, 2018-06 on the reform … and 2020-19 on online services"): only ids that
        cannot be a year range of at most RANGE_YEARS years (2018-06 would end before it starts, "2017-33" would run
        for sixteen years; "2022-23" stays a range)."""
        if self.plural_re is None:
            return []
        taken = {(f.start, f.end) for f in found}
        out = []
        for intro in self.plural_re.finditer(text):
            end = _SENTENCE_END_RE.search(text, intro.end())
            stop = end.start() if end else len(text)
            for idm in re.finditer(ID_RE, text[intro.end():stop]):
                s, e = intro.end() + idm.start(), intro.end() + idm.end()
                year, number = idm["y"], idm["n"]
                if (s, e) in taken or len(number) == 2 and 0 <= int(number) - int(year[2:]) <= RANGE_YEARS:
                    continue  # ... but a "range" of more than RANGE_YEARS years is an id too: "2017-33"
                out.append(Mention(normalise(year, number), s, e, s, text[s:e]))
                taken.add((s, e))
        return sorted(out, key=lambda mention: mention.start)

    def field_code(self, doc: Doc) -> Fact | None:
        """Spec: the `Code` field holds the action's own id."""
        span = field_span(doc, "code")
        if span is None:
            return None
        text = doc_text(doc)
        m = re.search(ID_RE, text[span[0] : span[1]])
        if m is None:
            return None
        s, e = span[0] + m.start(), span[0] + m.end()
        return Fact("action_code", normalise(m["y"], m["n"]), s, e, text[s:e], "code:field")

    def tag_code(self, doc: Doc) -> Fact | None:
        """Spec: a news item's reference tag holds the action's code."""
        span = field_span(doc, "tag")
        text = doc_text(doc)
        if span is not None:
            m = re.search(r"SOCIEUX\s*\+?\s*" + ID_RE, text[span[0] : span[1]], re.IGNORECASE)
            offset = span[0]
        elif doc.user_data.get(KIND_KEY) != "listing":  # a news item whose tag field was not split off
            m, offset = TAG_RE.search(text), 0
        else:
            return None
        if m is None:
            return None
        s, e = offset + m.start("y"), offset + m.end("n")
        return Fact("action_code", normalise(m["y"], m["n"]), s, e, text[s:e], "code:news-tag")

    # -- cues -------------------------------------------------------------
    def _cues(self, doc: Doc, mentions: list[Mention] | None = None) -> list[tuple[str, Span]]:
        """Cue matches; with `mentions`, only those near an id (a cue only ever classifies an id next to it:
        the reference window before it, a self cue's phrase after it)."""
        regions = None
        if mentions is not None:
            before = max(int(self.syntax.get("ref_window_before", 10)),
                         int(self.syntax.get("bracket_window_before", 16))) + CUE_REACH
            regions = []
            for m in mentions:
                span = doc.char_span(m.intro_start, m.end, alignment_mode="expand")
                if span is not None:
                    regions.append((max(0, span.start - before), min(len(doc), span.end + CUE_REACH)))
        return [(self.nlp.vocab.strings[mid], doc[s:e]) for mid, s, e in self.matcher(doc, regions)]

    @staticmethod
    def _gap(doc: Doc, a: int, b: int) -> list[str] | None:
        """Token texts between token a (incl.) and b (excl.); None across a sentence break."""
        toks = doc[a:b] if a < b else []
        if any(_ends_sentence(t) for t in toks):
            return None
        return [t.text for t in toks]

    def classify(self, doc: Doc, mention: Mention, cues: list[tuple[str, Span]]) -> tuple[str | None, str | None]:
        """(self cue, ref cue) attached to a mention, by token distance in the same sentence."""
        intro = doc.char_span(mention.intro_start, mention.end, alignment_mode="expand")
        if intro is None:
            return None, None
        before_w = int(self.syntax.get("ref_window_before", 10))
        after_w = int(self.syntax.get("ref_window_after", 4))
        # an id in brackets closes a phrase: a reference cue anywhere in it cites the id ("follows earlier SOCIEUX+
        # support to the SSC's maternity insurance scheme (action 2021-33), which helped …")
        bracket_w = int(self.syntax.get("bracket_window_before", 16)) \
            if intro.start > 0 and doc[intro.start - 1].text in ("(", "[") else 0
        bracket_ref = False
        self_cue = ref_cue = None
        ref_dist = None
        self_span = None
        ref_spans: list[Span] = []
        before_dist: tuple[str, int] | None = None  # the nearest reference cue before the id
        ref_earlier = False
        kind = doc.user_data.get(KIND_KEY)
        # a reference cue inside a longer self cue is that cue's word: "presented the results of Action 2023-19"
        selves = [span for pid, span in cues if pid.startswith("self:")]
        cues = [(pid, span) for pid, span in cues if not (pid.startswith("ref:") and any(
            s.start <= span.start and span.end <= s.end and len(s) > len(span) for s in selves))]
        for pid, span in cues:
            if self.only_in.get(pid, kind) != kind:
                continue
            where = self.where[pid]
            gap: list[str] | None
            if where == "before" and span.start < intro.start and span.end > intro.start:
                gap = []  # the cue contains the introducer: "this action (2019-07)"
            elif where == "before" and span.end <= intro.start:
                gap = self._gap(doc, span.end, intro.start)
            elif where == "after" and span.start >= intro.end:
                gap = self._gap(doc, intro.end, span.start)
            else:
                continue
            if gap is None:
                continue
            if where == "before" and pid.startswith("ref:") and pid not in self.weak:
                ref_earlier = True  # anywhere before the id in its sentence (for weak self cues)
            if pid.startswith("self:"):
                # a self cue must touch the id: only brackets, commas and a relative pronoun in
                # between ("Action 2022-03, which ran from June to October 2022")
                if all(g in "()[]," or g.casefold() in RELATIVES for g in gap) or _apposition(gap):
                    if self_cue is None:
                        self_cue, self_span = pid, span
            elif len(gap) <= (before_w if where == "before" else after_w) or (
                    where == "before" and pid.startswith("ref:") and pid not in self.weak and len(gap) <= bracket_w
                    and not any(g in ("(", ")", "[", "]", ",", ";", ":") for g in gap)):
                bracket_ref = bracket_ref or bool(bracket_w) and where == "before" and pid not in self.weak
                if pid not in self.weak:  # "under the new action, 2022-18": "under" qualifies no self cue
                    ref_spans.append(span)
                if ref_dist is None or len(gap) < ref_dist:
                    ref_cue, ref_dist = pid, len(gap)
                if where == "before" and (before_dist is None or len(gap) < before_dist[1]):
                    before_dist = (pid, len(gap))
        if self_cue is None:
            self_cue = self._phrase_cue(doc, intro.end)
        # a reference cue right before the id ("the previous Action 2022-21 was implemented …") wins; one
        # after it does not: "Action 2022-19 builds on the earlier support (action 2020-08)" is the subject
        if self_cue and before_dist is not None and before_dist[1] <= 3 and before_dist[0] not in self.weak:
            self_cue = None
        if self_cue and bracket_ref and self_span is not None and self_span.start >= intro.end:
            self_cue = None  # "…, which helped …" after the bracket describes the cited phrase
        # a weak self cue yields to any reference cue before it: "The action built on the results of the
        # training delivered under Action 2021-37"
        if self_cue in self.weak and ref_earlier:
            self_cue = None
        # a reference cue qualifying the self cue's own words: "the previous support from SOCIEUX+ (…)"
        if self_cue and self_span is not None and any(0 <= self_span.start - r.end <= 1 for r in ref_spans):
            self_cue = None
        return self_cue, ref_cue

    def _only_id(self, doc: Doc, candidate: Mention, classified: list[tuple[Mention, str | None, str | None]],
                 cues: list[tuple[str, Span]]) -> bool:
        """In a news item, `candidate` is the only id without any cue, every other id is cited with a
        reference cue ("… (action 2022-47), building on action 2019-08"), and no reference cue comes
        before it anywhere in its sentence ("The cooperation builds on a SOCIEUX+ webinar … in 2021
        (action 2021-09)"), nor does `socieux_modality` read its clause as an earlier or planned action's
        ("had already received support from SOCIEUX+ in 2018–2019 … (action 2018-29)")."""
        if doc.user_data.get(KIND_KEY) != "news":
            return False
        if any(s or (r is None) for m, s, r in classified if m.value != candidate.value):
            return False  # another id is uncued, or named with a self cue
        if any(s or r for m, s, r in classified if m.value == candidate.value):
            return False
        for mention, _, _ in [c for c in classified if c[0].value == candidate.value]:
            if unrealised(doc, mention.start, mention.end):
                return False  # "had already received support from SOCIEUX+ in 2018–2019 … (action 2018-29)"
            intro = doc.char_span(mention.intro_start, mention.end, alignment_mode="expand")
            if intro is None:
                return False
            if any(pid.startswith("ref:") and pid not in self.weak and span.end <= intro.start
                   and self._gap(doc, span.end, intro.start) is not None for pid, span in cues):
                return False
        return True

    def _phrase_cue(self, doc: Doc, i: int) -> str | None:
        """A `phrase` self cue: the id, a phrase opened by one of its words, then one of its verbs."""
        for pid, phrase in self.phrases:
            if i < len(doc) and doc[i].lower_ in phrase["opens"]:
                for j in range(i + 1, min(len(doc), i + 1 + int(phrase.get("window", 16)))):
                    if _ends_sentence(doc[j]):
                        break
                    if doc[j].lower_ in phrase["verbs"]:
                        return pid
        return None

    # -- annotating -------------------------------------------------------
    def __call__(self, doc: Doc) -> Doc:
        code = self.field_code(doc) or self.tag_code(doc)
        if code is not None:
            add_fact(doc, code)
        mentions = self.mentions(doc)
        cues = self._cues(doc, mentions) if mentions else []  # cues only classify mentions
        classified = [(m, *self.classify(doc, m, cues)) for m in mentions]
        # "A follow-up request …, registered as action 2023-40, is under preparation": a self cue's words in a
        # reference's planned clause name another action
        classified = [(m, None if s and r and unrealised(doc, m.start, m.end) else s, r) for m, s, r in classified]
        # a strong self cue ("The current action, 2022-44, …") names the record's action, whatever
        # id an ordinary self cue named before it ("The first, action 2020-29, helped …")
        chosen = next((m.value for m, self_cue, _ in classified if self_cue in self.strong), None)
        refs: list[Fact] = []
        for mention, self_cue, ref_cue in classified:
            if code is not None and mention.value == code.value:
                continue  # the record's own id repeated (e.g. inside the tag or after "Code")
            if self_cue and code is None and chosen not in (None, mention.value):
                self_cue = f"{self_cue}:outranked"  # another id has a strong self cue: a conflict, kept as ref
            if self_cue and code is None and not self_cue.endswith(":outranked"):
                code = Fact(
                    "action_code", mention.value, mention.start, mention.end, mention.text,
                    f"code:{self_cue}", "inferred",
                )
                add_fact(doc, code)
                continue
            if code is None and not self_cue and not ref_cue and _in_title(doc, mention):
                # the title names its action's id ("… network in Paraguay (Action 2019-22)"), not another's
                code = Fact("action_code", mention.value, mention.start, mention.end, mention.text,
                            "code:title", "inferred")
                add_fact(doc, code)
                continue
            if code is None and not self_cue and not ref_cue and self._only_id(doc, mention, classified, cues):
                # a news item about one action names it: its only id, without a reference cue, is its own
                code = Fact("action_code", mention.value, mention.start, mention.end, mention.text,
                            "code:only-id", "inferred")
                add_fact(doc, code)
                continue
            status = "ambiguous" if self_cue else ("certain" if ref_cue else "inferred")
            rule = ref_cue or (f"conflict:{self_cue}" if self_cue else "ref:mention")
            refs.append(Fact("action_ref", mention.value, mention.start, mention.end, mention.text, rule, status))
        for ref in refs:
            # the record's own id named before the sentence that makes it the code, without a reference cue
            # ("…, closing Action 2022-31 of the SOCIEUX+ facility. Action 2022-31 was implemented …")
            if not (code is not None and ref.value == code.value and ref.rule == "ref:mention"):
                add_fact(doc, ref)
        return doc


#: most tokens of an apposition between an id and its verb ("Action 2022-09, a follow-up of action 2019-33, supported …")
APPOSITION_TOKENS = 12


def _apposition(gap: list[str]) -> bool:
    """The tokens between an id and a self cue after it are an apposition opened by an article between commas: "Action
    2022-09, a follow-up of action 2019-33, supported the Ministry" (the id is the record's own)."""
    return (3 <= len(gap) <= APPOSITION_TOKENS and gap[0] == "," and gap[-1] == "," and gap[1].casefold() in ("a", "an", "the")
            and "," not in gap[1:-1])


def _in_title(doc: Doc, mention: Mention) -> bool:
    span = field_span(doc, "title")
    return span is not None and span[0] <= mention.start and mention.end <= span[1]


@Language.factory("socieux_action_ids")
def make_action_ids(nlp: Language, name: str) -> ActionIdsComponent:
    return ActionIdsComponent(nlp, name)
