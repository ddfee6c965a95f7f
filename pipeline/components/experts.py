"""`socieux_experts`: countries whose experts the action mobilised (EXTRACTION_SPEC expert_countries).

Expert nouns (experts, expertise, specialists, a team of experts …) are found
by a Matcher built from models/patterns/experts.jsonl. From each one the
component reads the countries coordinated with it, using the resolved mentions
of `socieux_countries`:

- before the noun: a list of demonyms/countries and modifiers
  ("Irish, Swedish and French public experts", "Belgian and Dutch experts");
- after it: "from" (possibly after a linking verb or dash) then a list, directly
  or at the end of a short institution phrase ("experts from public employment
  services of France, Spain, and Sweden", "expertise was mobilized from
  Swedish, Polish, and French institutions", "a team of three experts – from
  Poland, Hungary, and France");
- a named expert "Pedro Parra from the State Employment Service of Spain", in a
  sentence that speaks of mobilising experts.

Participants, funders, showcased practices, study-visit destinations and vague
groups ("European experts", "peers from African countries") never reach these
paths, because they are not coordinated with an expert noun or are not
countries.
"""

from __future__ import annotations

import numpy as np
from spacy.language import Language
from spacy.tokens import Doc

from pipeline.components.base import PatternComponent, WindowedMatcher, doc_lowers, doc_text
from pipeline.eu import load_membership
from pipeline.facts import CountryMention, Fact, add_fact


#: determiners that open a new noun phrase after a comma (another clause's subject)
CLAUSE_DETERMINERS = frozenset({"the", "a", "an", "its", "their", "this", "these", "his", "her"})


@Language.factory("socieux_experts")
def make_experts(nlp: Language, name: str) -> "ExpertsComponent":
    return ExpertsComponent(nlp, name)


class ExpertsComponent(PatternComponent):
    def _compile(self) -> None:
        self.matcher = WindowedMatcher(self.nlp.vocab)
        self.lex: dict[str, frozenset[str]] = {}
        self.eu_only: set[str] = set()  # noun rules that count for EU member states only
        self.eu = frozenset(load_membership())
        for p in self.patterns:
            if "pattern" in p:
                self.matcher.add(p["id"], p["pattern"])
                if p.get("eu_only"):
                    self.eu_only.add(p["id"])
            else:
                self.lex[p["kind"]] = frozenset(w.casefold() for w in p["words"])
        self.window = int(next(iter(self.lex.get("window", {"8"}))))

    def __call__(self, doc: Doc) -> Doc:
        mentions: list[CountryMention] = [m for m in (doc._.countries or []) if m.code]
        if not mentions:
            return doc
        at = {}
        for m in mentions:
            for t in range(m.start, m.end):
                at[t] = m
        seen: set[tuple[int, str]] = set()

        def emit(m: CountryMention, rule: str) -> None:
            if rule.rsplit(":", 1)[0] in self.eu_only and m.code not in self.eu:
                return  # "Moroccan trainers of the OFPPT were trained": the partner's staff
            if (m.start, m.code) not in seen:
                seen.add((m.start, m.code))
                add_fact(doc, Fact("expert_country", m.code, m.start_char, m.end_char, m.text, rule,
                                   "certain" if m.status == "certain" else "inferred"))

        matches = self.matcher(doc)
        noun_starts = {start for _, start, _ in matches}
        for match_id, start, end in matches:
            rule = self.nlp.vocab.strings[match_id]
            if rule == "noun:peers" and (
                    any(self._is("peer_blocker", doc[k].text) for k in range(max(0, start - 3), start))
                    or end in noun_starts or end < len(doc) and doc[end].text == "-"):
                continue  # "their Peruvian peers", "engaged with peers from …": the partner's staff;
                # "peer experts" (another noun follows), "peer-to-peer": not a noun of its own
            for m in self._before(doc, start, at):
                emit(m, f"{rule}:premodifier")
            for m in self._after(doc, end, at):
                emit(m, f"{rule}:from")
            for m in self._of_member_institution(doc, end, at):
                emit(m, f"{rule}:of-member-institution")
        for m in self._named_experts(doc, at):
            emit(m, "person:from")
        return doc

    # -- lists -------------------------------------------------------------
    def _is(self, kind: str, token_text: str) -> bool:
        return token_text.casefold() in self.lex.get(kind, ())

    def _list_from(self, doc: Doc, i: int, at: dict[int, CountryMention], step: int) -> list[CountryMention]:
        """Coordinated mentions starting at token i, walking in direction step (+1 / -1).

        Forward, a listed country may carry an apposition before the coordination: a bracketed
        group or, after a possessive, a capitalised institution name ("Italy (INPS) and Portugal",
        "Spain's National Institute (INSS) and from Portugal"); the next item may restate "from"
        or "one from" ("one from Belgium and one from Estonia").
        """
        found: list[CountryMention] = []
        while 0 <= i < len(doc):
            m = at.get(i)
            if m is not None:
                found.append(m)
                i = (m.end if step > 0 else m.start - 1)
                if step > 0:
                    i = self._after_apposition(doc, i, at, titled=m.kind == "demonym")
                continue
            tok = doc[i]
            if self._is("coordination", tok.text) or (step < 0 and tok.text in {"[", "]"}):
                i += step
                continue
            if step > 0 and (tok.text in {"’s", "'s", "’", "*"}
                             or (found and (self._is("from_word", tok.text) or tok.lower_ == "by")
                                 and self._is("coordination", doc[i - 1].text))):
                i += step
                continue
            break
        return found

    def _after_apposition(self, doc: Doc, i: int, at: dict[int, CountryMention], titled: bool = False) -> int:
        """Token after an apposition that starts at i and ends before a coordination, else i.

        `titled`: the listed item is a demonym, so a capitalised name may follow it directly
        ("the Portuguese Social Security Institute and one from …"). A bracketed group may name a
        city or region ("Italy (University of Perugia)") but no other country.
        """
        limit = min(len(doc), i + self.window)
        j, possessive = i, titled
        while j < limit and j not in at:
            text = doc[j].text
            if text == "(":
                close = next((k for k in range(j + 1, limit) if doc[k].text in {")", "."}), None)
                if close is None or doc[close].text != ")" or any(
                        k in at and at[k].kind in ("country", "demonym") for k in range(j + 1, close)):
                    return i
                j = close + 1
                continue
            if text in {"’s", "'s", "’"} and j == i:
                possessive = True
            elif not (possessive and (doc[j].is_title or doc[j].is_upper) and doc[j].is_alpha
                      or possessive and j > i and self._is("name_word", text)):
                bracket = self._acronym_bracket(doc, j, limit) if possessive and j > i else None
                if bracket is None:
                    break
                j = bracket  # "the French Caisse nationale d'assurance vieillesse (CNAV) and …"
                continue
            j += 1
        if j == i or j >= len(doc) or not self._is("coordination", doc[j].text) or doc[j].text.casefold() == "the":
            return i
        return j

    def _of_member_institution(self, doc: Doc, end: int, at: dict[int, CountryMention]) -> list[CountryMention]:
        """"experts of the Slovenian Employment Service": an EU member state's institution named
        by its adjective (only member states: "experts of the Cambodian NSSF" are the partner's);
        "an expert of Spain's SEPE": any country's institution, named with a possessive."""
        i = end
        if i + 2 < len(doc) and doc[i].lower_ == "of" and i + 1 in at:  # "an expert of Spain's SEPE"
            m = at[i + 1]
            if m.kind == "country" and m.end < len(doc) and doc[m.end].text in {"’s", "'s", "’"}:
                return [m]
        if i + 2 >= len(doc) or doc[i].lower_ != "of" or doc[i + 1].lower_ != "the":
            return []
        m = at.get(i + 2)
        if m is None or m.kind != "demonym" or m.code not in self.eu or m.end >= len(doc):
            return []
        return [m] if doc[m.end].is_title or doc[m.end].is_upper else []

    def _acronym_bracket(self, doc: Doc, j: int, limit: int) -> int | None:
        """Position of the "(" of an acronym in brackets that closes a name in its own language,
        when only lower-case name words come before it ("nationale d'assurance vieillesse (CNAV)")."""
        for k in range(j, limit - 2):
            tok = doc[k]
            if tok.text == "(":
                return k if k > j and doc[k + 1].is_upper and doc[k + 2].text == ")" else None
            if not (tok.is_lower and tok.text.replace("'", "").replace("’", "").isalpha()) or self._is("stop", tok.text):
                return None
        return None

    def _before(self, doc: Doc, start: int, at: dict[int, CountryMention]) -> list[CountryMention]:
        """Demonym/country list ending right before the noun, across modifiers ("French public experts")
        and up to two other lower-case words ("a Dutch pension expert")."""
        i, loose = start - 1, 0
        while i >= 0 and i not in at and doc[i].text.casefold() not in {"the", "of"}:
            tok = doc[i]
            if self._is("modifier", tok.text) or tok.text.isupper() and len(tok) <= 5:
                i -= 1
            elif loose < 2 and tok.is_alpha and tok.is_lower and not tok.is_stop:
                loose += 1
                i -= 1
            else:
                break
        if i in at and at[i].kind in ("demonym", "country"):
            return [m for m in self._list_from(doc, i, at, -1) if m.kind in ("demonym", "country")]
        return []

    def _after(self, doc: Doc, end: int, at: dict[int, CountryMention]) -> list[CountryMention]:
        """"from" + a list, directly or at the end of a short institution phrase."""
        i = end
        if i < len(doc) and doc[i].text == "(":  # "EU Member State experts (Greece, Slovenia)"
            inside = self._list_from(doc, i + 1, at, +1)
            close = inside[-1].end if inside else i + 1
            if inside and close < len(doc) and doc[close].text == ")":
                return [m for m in inside if m.kind in ("country", "demonym")]
        by = False
        while i < len(doc) and i not in at and (self._is("link_verb", doc[i].text) or self._is("by_verb", doc[i].text)) \
                and not self._is("from_word", doc[i].text) and not (by and doc[i].lower_ == "by"):
            by = self._is("by_verb", doc[i].text)
            i += 1
        if by and i < len(doc) and doc[i].lower_ == "by":  # "experts seconded by the Polish ZUS"
            return self._from_list(doc, i + 1, at)
        # a destination before the origin: "brought experts to North Macedonia from the Netherlands"
        if i + 1 < len(doc) and doc[i].lower_ in ("to", "in") and i + 1 in at and at[i + 1].kind == "country":
            i = at[i + 1].end
        if i >= len(doc) or not self._is("from_word", doc[i].text):
            return []
        return self._from_list(doc, i + 1, at)

    def _from_list(self, doc: Doc, i: int, at: dict[int, CountryMention]) -> list[CountryMention]:
        limit = min(len(doc), i + self.window)
        while i < limit and i not in at:
            # a comma then a determiner before any country starts another clause: "a Cypriot expert
            # from the Social Insurance Services, the Gambian SSHFC modelled …" (but not "from public
            # entities, notably public employment services, of Belgium and France")
            if self._is("stop", doc[i].text) or doc[i].is_sent_start or (
                    doc[i].text == "," and i + 1 < len(doc) and doc[i + 1].lower_ in CLAUSE_DETERMINERS):
                return []
            i += 1
        return self._list_from(doc, i, at, +1) if i in at else []

    def _named_experts(self, doc: Doc, at: dict[int, CountryMention]) -> list[CountryMention]:
        """"<First Last> from <the … of> <country>" in a sentence about mobilised experts."""
        out: list[CountryMention] = []
        text_low = doc_text(doc).casefold()
        if not any(cue in text_low for cue in self.lex.get("person_cue", ())):
            return out
        for i in _indices_of(doc, self.lex.get("from_word", ())):
            tok = doc[i]
            if tok.i < 2:
                continue
            a, b = doc[tok.i - 2], doc[tok.i - 1]
            if a.is_title and b.is_title and a.i not in at and b.i not in at and not a.is_sent_start \
                    and a.is_alpha and b.is_alpha:
                sent_low = _sentence(doc, tok.i).casefold()
                if any(cue in sent_low for cue in self.lex.get("person_cue", ())):
                    out.extend(self._from_list(doc, tok.i + 1, at))
        return out


def _indices_of(doc: Doc, words: frozenset[str]) -> list[int]:
    """Token indices whose lower-cased text is one of `words` (array lookup, no Python loop over tokens)."""
    lowers = doc_lowers(doc)
    ids = [doc.vocab.strings.add(w) for w in words]
    return [int(i) for i in np.flatnonzero(np.isin(lowers, ids))]


def _sentence(doc: Doc, i: int) -> str:
    """The text of the sentence around token i (split on . ; and newlines: the pipeline has no parser)."""
    text = doc_text(doc)
    c = doc[i].idx
    left = max(text.rfind(". ", 0, c), text.rfind("\n", 0, c), text.rfind("; ", 0, c))
    rights = [p for p in (text.find(". ", c), text.find("\n", c), text.find("; ", c)) if p != -1]
    return text[left + 1 : min(rights) if rights else len(text)]
