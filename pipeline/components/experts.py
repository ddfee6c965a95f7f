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
- after it, "of" and an institution whose name holds a country ("an expert of the
  National Insurance Board of Barbados", "experts of the Slovenian Employment
  Service", "a specialist of WorkSafe New Zealand");
- a named expert "Pedro Parra from the State Employment Service of Spain", "Ion
  Popescu of the Romanian National Agency for Employment", in a sentence that
  speaks of mobilising experts.

Nouns of a profession ("a Costa Rican official", "a Belgian social worker") and
institutions after "of" also name the partner's own staff ("Moroccan trainers of
the OFPPT were trained") and participants ("Officials from Niger attended"): a
profession counts for a country outside the EU only as one person with "a"/"an"
("a Rwandan manager of the scheme"); a country so given (unless by "from": "a
colleague from Kenya's State Department"), or given by an institution after
"of", is *tentative* (`extra["tentative"]`): it does not keep
the mention from being the partner's evidence, and extract.to_record drops any
expert country that is the record's partner (SOCIEUX+ never mobilises a
partner's own staff as its experts).
A profession noun in a sentence about a visit ("a study visit to Lisbon, where
Portuguese officials presented …") names the hosts, not experts.

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
        self.tentative: set[str] = set()  # noun rules whose non-member countries are tentative
        self.eu = frozenset(load_membership())
        for p in self.patterns:
            if "pattern" in p:
                self.matcher.add(p["id"], p["pattern"])
                if p.get("tentative"):
                    self.tentative.add(p["id"])
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
        found: dict[tuple[int, str], Fact] = {}  # one fact per mention: the first firm one, else the first

        def emit(m: CountryMention, rule: str, tentative: bool = False, one: bool = True, firm: bool = False) -> None:
            if rule.rsplit(":", 1)[0] in self.tentative:
                if self._in_visit(doc, m):
                    return  # "a study visit to Lisbon, where Portuguese officials presented …": hosts
                if m.code not in self.eu and (not one or m.kind not in ("country", "demonym")):
                    return  # "Officials from Niger and Burkina Faso attended": participants
                tentative = tentative or (m.code not in self.eu and not firm)
            key = (m.start, m.code)
            if key not in found or found[key].extra.get("tentative") and not tentative:
                found[key] = Fact("expert_country", m.code, m.start_char, m.end_char, m.text, rule,
                                  "certain" if m.status == "certain" and not tentative else "inferred",
                                  {"tentative": True} if tentative else {})

        matches = self.matcher(doc)
        noun_starts = {start for _, start, _ in matches}
        for match_id, start, end in matches:
            rule = self.nlp.vocab.strings[match_id]
            if rule == "noun:peers" and (
                    any(self._is("peer_blocker", doc[k].text) for k in range(max(0, start - 3), start))
                    or end in noun_starts or end < len(doc) and doc[end].text == "-"):
                continue  # "their Peruvian peers", "engaged with peers from …": the partner's staff;
                # "peer experts" (another noun follows), "peer-to-peer": not a noun of its own
            one = self._one_person(doc, start, end, at)
            for m in self._before(doc, start, at):
                emit(m, f"{rule}:premodifier", one=one)
            for m in self._after(doc, end, at):
                emit(m, f"{rule}:from", one=one, firm=True)  # "a colleague from Kenya's State Department"
            for m, possessive in self._of_institution(doc, end, at):
                emit(m, f"{rule}:of-institution", tentative=not possessive and m.code not in self.eu, one=one)
        for m, via in self._named_experts(doc, at):
            emit(m, f"person:{via}", tentative=via == "of" and m.code not in self.eu)
        for fact in found.values():
            add_fact(doc, fact)
        return doc

    @staticmethod
    def _one_person(doc: Doc, start: int, end: int, at: dict[int, CountryMention]) -> bool:
        """The noun names one person with an indefinite article: "a Costa Rican official", "a
        colleague from Kenya's …" (a group of officials from other countries is mostly
        participants: "Officials from Niger and Burkina Faso also attended")."""
        if doc[end - 1].lower_.endswith("s"):
            return False
        for i in range(start - 1, max(-1, start - 6), -1):
            if doc[i].lower_ in ("a", "an"):
                return True
            if not (i in at or doc[i].is_lower and doc[i].is_alpha or doc[i].text == "-"):
                return False
        return False

    def _in_visit(self, doc: Doc, m: CountryMention) -> bool:
        """The mention's sentence speaks of a visit (lex:visit-cues): people of a profession named
        there are the hosts, not experts mobilised for the action."""
        sent = _sentence(doc, m.start).casefold()
        return any(cue in sent for cue in self.lex.get("visit_cue", ()))

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

    def _of_institution(self, doc: Doc, end: int, at: dict[int, CountryMention]) -> list[tuple[CountryMention, bool]]:
        """The country of an institution the noun belongs to, named after "of" (or "at", "with": "a
        career counsellor at the Estonian Unemployment Insurance Fund"): "an expert of Spain's
        SEPE", "experts of the Slovenian Employment Service", "an expert of the National Insurance
        Board of Barbados", "a specialist of WorkSafe New Zealand", "experts of the Mutualité
        Chrétienne (Belgium)". The name runs over capitalised words, its lower-case name words and
        bracketed acronyms; a country or demonym inside it is the institution's country (a demonym
        only when the name goes on: "of the French and Belgian services" is no name). Returns
        (mention, named with a possessive)."""
        i = end
        if i + 1 >= len(doc) or doc[i].lower_ not in ("of", "at", "with"):
            return []
        if i + 1 in at:  # "an expert of Spain's SEPE"
            m = at[i + 1]
            if m.kind == "country" and m.end < len(doc) and doc[m.end].text in {"’s", "'s", "’"}:
                return [(m, True)]
        j = i + 2 if doc[i + 1].lower_ == "the" else i + 1
        limit = min(len(doc), j + self.window)
        while j < limit:
            m = at.get(j)
            if m is not None:
                after = doc[m.end] if m.end < len(doc) else None
                if m.kind == "country" and after is not None and after.text in {"’s", "'s", "’"}:
                    return [(m, True)]  # "… of Malaysia's Social Security Organisation"
                if m.kind == "country" or (m.kind == "demonym" and after is not None and after.text[:1].isupper()):
                    return [(m, False)]
                j = m.end
                continue
            tok = doc[j]
            if tok.text == "(":
                close = next((k for k in range(j + 1, limit) if doc[k].text == ")"), None)
                if close is None:
                    return []
                inside = [at[k] for k in range(j + 1, close) if k in at]
                if inside and inside[0].kind == "country":  # "the Mutualité Chrétienne (Belgium)"
                    return [(inside[0], False)]
                j = close + 1
                continue
            if not (tok.text[:1].isupper() and tok.is_alpha or j > i + 1 and self._is("name_word", tok.text)
                    or tok.is_lower and tok.is_alpha and not self._is("stop", tok.text)
                    and not self._is("coordination", tok.text)):
                return []
            j += 1
        return []

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
        d = i + 1 if i < len(doc) and doc[i].lower_ in ("team", "teams", "group", "pool") else i
        if d + 1 < len(doc) and doc[d].text in DASHES:  # "the expert team – two Croatians and a Slovak –"
            j = d + 1
            while j < len(doc) and j not in at and (doc[j].like_num or doc[j].lower_ in ("a", "an", "one")):
                j += 1
            if j in at and at[j].kind == "demonym":
                return [m for m in self._list_from(doc, j, at, +1) if m.kind == "demonym"]
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
                    doc[i].text == "," and i + 1 < len(doc) and doc[i + 1].lower_ in CLAUSE_DETERMINERS
                    and not self._apposition_of(doc, i + 2, limit)):
                return []
            i += 1
        return self._list_from(doc, i, at, +1) if i in at else []

    @staticmethod
    def _apposition_of(doc: Doc, i: int, limit: int) -> bool:
        """After ", the": lower-case words then "of", an apposition that says what the institution
        is ("from Intreo, the public employment service of Ireland"), not a new clause's subject."""
        j = i
        while j < limit and doc[j].is_lower and doc[j].is_alpha and doc[j].lower_ != "of":
            j += 1
        return j > i and j < limit and doc[j].lower_ == "of"

    def _named_experts(self, doc: Doc, at: dict[int, CountryMention]) -> list[tuple[CountryMention, str]]:
        """"<First Last> from <the … of> <country>" or "<First Last> of <institution of a country>"
        in a sentence about mobilised experts: (mention, "from" or "of")."""
        out: list[tuple[CountryMention, str]] = []
        text_low = doc_text(doc).casefold()
        if not any(cue in text_low for cue in self.lex.get("person_cue", ())):
            return out
        for i in _indices_of(doc, self.lex.get("from_word", ()) | {"of"}):
            tok = doc[i]
            k = tok.i - 1 if tok.i > 0 and doc[tok.i - 1].text == "," else tok.i  # "Rangi Parata, from …"
            if k < 2:
                continue
            a, b = doc[k - 2], doc[k - 1]
            if _is_name(a) and _is_name(b) and a.i not in at and b.i not in at and not a.is_sent_start:
                sent_low = _sentence(doc, tok.i).casefold()
                if any(cue in sent_low for cue in self.lex.get("person_cue", ())):
                    if tok.lower_ == "of":
                        if _person_context(doc, a.i):
                            out += [(m, "of") for m, _ in self._of_institution(doc, tok.i, at)]
                    else:
                        out += [(m, "from") for m in self._from_list(doc, tok.i + 1, at)]
        return out


#: dashes that open an apposition after an expert noun
DASHES = frozenset({"–", "—", "-"})

#: titles before a person's name
HONORIFICS = frozenset({"ms", "mr", "mrs", "dr", "prof", "ms.", "mr.", "mrs.", "dr.", "prof.", "mme", "m."})


def _person_context(doc: Doc, i: int) -> bool:
    """Token i can open a person's name: after a title ("Ms Mele Tuilagi"), punctuation ("experts:
    Lucía Ortega"), a lower-case word ("prepared by Carmen Peralta") or an "and" that follows
    one of those ("…, and Ion Popescu"); not inside an institution's name ("the Ministry of Labour
    and Social Protection of Cambodia")."""
    for _ in range(2):  # over the first names of a longer name: "Nor Aziah Ismail"
        if i > 0 and _is_name(doc[i - 1]) and not doc[i - 1].is_sent_start and doc[i - 1].lower_ not in HONORIFICS:
            i -= 1
    if i == 0:
        return False
    prev = doc[i - 1]
    if prev.lower_ in HONORIFICS or prev.text in {",", ":", "(", "–", "—", ";"}:
        return True
    if prev.lower_ in ("and", "&"):
        return i >= 2 and (doc[i - 2].is_punct or doc[i - 2].is_lower)
    return prev.is_lower and prev.is_alpha and prev.lower_ not in ("the", "of", "for")


def _is_name(tok) -> bool:
    """A word of a person's name: capitalised letters, also with an apostrophe or hyphen ("O'Connor")."""
    return tok.text[:1].isupper() and tok.text.replace("'", "").replace("’", "").replace("-", "").isalpha() \
        and not tok.is_upper


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
