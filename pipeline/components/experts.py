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
  Popescu of the Romanian National Agency for Employment", "Pieter de Vries of the
  Dutch SVB", "Amina Bello of Nigeria's NDE" (a place as surname), in a sentence
  that speaks of mobilising experts; or, with no such cue, a titled person ("Ms",
  "Dr" …) or one with an apposition ("Jānis Ozols, a physiotherapist with the
  Latvian …", "Ms Sharon Phillip, Compliance Manager at …") who is the subject of a
  verb of the action's work ("… and Mr Markus Huber of the Austrian AMS ran three
  webinars", lex:activity-verbs), also after being somewhere ("… of Lithuania (Sodra)
  were in Nuku'alofa to run a workshop"); a bare relative clause after the institution
  ("an adviser of the Spanish Ministry who took part in …") says what the person did
  before, not this action's verb. After "carried out by", "reviewed by" … or a title
  right after "by", the named people did the work (not the people of a ceremony: "opened
  by Ms …", lex:ceremony-by).

An institution's name may go on over "and"/"," ("the Ministry of Social
Development and Family of Chile") and may open with a region ("the Canary Islands
Employment Service"); an ambiguous demonym is resolved by a place of one of its
countries in the same phrase ("a Congolese expert of the INSS in Kinshasa": CD).
A second item may restate "from" after a name its country opens ("from the Solomon
Islands National Provident Fund and from the French …") or restate "of" ("experts of
the Belgian … (INASTI) and of the Portuguese Institute …"), and be distributive ("one
from Germany's …, the other from the Swedish …"); a complement may stand between the
noun and "from" ("a specialist in informal-economy outreach from …", "a statistician on
loan from …", lex:complement-preps); an apposition after an acronym may say what the
institution is ("a case manager of PERKESO, the Malaysian social security
organisation"); a named person's relative clause may say where the person works ("Mr
Koffi N'Guessan, who heads the … department of the Ivorian CNPS, and …",
lex:role-verbs); demonyms used as nouns after a number or article count in a sentence
about the experts or team ("a three-person team – two Austrians from the AMS and a
Luxembourger from ADEM –", lex:demonym-noun-cues). An expert whose verb says they
withdrew or are only to join later (lex:withdrawal, lex:join-verbs read by
`socieux_modality.unrealised`) was not mobilised. An EU member state whose experts the
record names is marked at its other mentions too (rule `echo:expert-country`), so that
`socieux_partner` never reads "the State Public Employment Service of Spain" in the
experts' sentence as the partner's.
Institutions that are the subject of a verb of seconding whose object is the noun name its
country ("Jobsplus, Malta's public employment service, seconded a youth guarantee coordinator");
a few lower-case words may stand between the work and "by" ("facilitated in person by Mrs …").
A person or profession noun whose verb is a participant's ("attended", "took part",
"… as an observer", lex:participant-verbs, lex:observer-cues) is no expert.

Nouns of a profession ("a Costa Rican official", "a Belgian social worker") and
institutions after "of" also name the partner's own staff ("Moroccan trainers of
the OFPPT were trained") and participants ("Officials from Niger attended"): a
profession counts for a country outside the EU only as one person with "a"/"an"
("a Rwandan manager of the scheme") or in "a team of …" ("a team of French and
Ivorian labour inspectors"); a country so given (unless by "from": "a colleague
from Kenya's State Department", or in a team), or given by an institution after
"of" or by a named person, is *tentative* (`extra["tentative"]`): it does not keep
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

from dataclasses import replace

import numpy as np
from spacy.language import Language
from spacy.strings import get_string_id
from spacy.tokens import Doc

import re
from bisect import bisect_left

from pipeline.components.base import (PatternComponent, WindowedMatcher, doc_lowers, doc_text, honorifics, is_honorific,
                                      per_doc, sentence_span, town_mentions)
from pipeline.components.modality import COMPONENT_KEY as MODALITY_KEY, unrealised
from pipeline.eu import load_membership
from pipeline.facts import ECHO_FIELD, CountryMention, Fact, add_fact, field_span
from pipeline.towns import town_countries, town_heads


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
        self.only_from: set[str] = set()  # noun rules that name an origin only after "from" ("a team from …")
        self.eu = frozenset(load_membership())
        self.eu_town_heads: frozenset[str] | None = None
        for p in self.patterns:
            if "pattern" in p:
                self.matcher.add(p["id"], p["pattern"])
                if p.get("tentative"):
                    self.tentative.add(p["id"])
                if p.get("only_from"):
                    self.only_from.add(p["id"])
            else:
                self.lex[p["kind"]] = frozenset(w.casefold() for w in p["words"])
        self.window = int(next(iter(self.lex.get("window", {"8"}))))
        # after a person's name; "in" only after an apposition ("Ms Thandeka Zulu, a director in the Department …")
        self.link_words = self.lex.get("from_word", frozenset()) | OF_LINKS | {"in"}
        self.complement_preps = self.lex.get("complement_prep", frozenset())
        # first words of the withdrawal phrases and the join verbs: a record without any has no withdrawn expert
        heads = {w.split()[0] for w in self.lex.get("withdrawal", ())} | set(self.lex.get("join_verb", ()))
        self.withdrawal_heads = tuple(h for h in heads if not any(o != h and o in h for o in heads))
        # first words of the participant verbs of two words ("took part"): `_predicate` looks further only there
        self.phrase_heads = frozenset(w.split()[0] for w in self.lex.get("participant_verb", ()) if " " in w)
        # "<work> by" person cues with up to three lower-case words before "by" ("facilitated in person by")
        by_verbs = sorted(c.split()[0] for c in self.lex.get("person_cue", ()) if c.endswith(" by") and " " in c)
        titles = "|".join(sorted(map(str.casefold, honorifics())))
        self.by_cue = re.compile(r"\b(?:%s)(?: [a-z-]+){1,3} by (?:%s|a|an|one|two|three|four)\b"
                                 % ("|".join(map(re.escape, by_verbs)), titles) if by_verbs else r"(?!)")  # (?!): never

    def __call__(self, doc: Doc) -> Doc:
        mentions = self._resolve_in_phrase(doc, doc._.countries or [])
        mentions = sorted([*mentions, *self._eu_towns(doc, mentions)], key=lambda m: m.start)
        if not mentions:
            return doc
        at = {}
        for m in mentions:
            for t in range(m.start, m.end):
                at[t] = m
        found: dict[tuple[int, str], Fact] = {}  # one fact per mention: the first firm one, else the first

        def emit(m: CountryMention, rule: str, tentative: bool = False, one: bool = True, firm: bool = False,
                 placed: bool = False) -> None:
            if rule.rsplit(":", 1)[0] in self.tentative:
                if self._in_visit(doc, m):
                    return  # "a study visit to Lisbon, where Portuguese officials presented …": hosts
                if m.code not in self.eu and (not one or m.kind not in ("country", "demonym") and not placed):
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
                    and not (doc[start - 1].lower_ == "with" and self._from_place(doc, end, at))
                    or end in noun_starts or end < len(doc) and doc[end].text == "-"):
                continue  # "their Peruvian peers", "engaged with peers from …": the partner's staff (but
                # "prepared with peers from Nouméa and Québec"); "peer experts" (another noun follows),
                # "peer-to-peer": not a noun of its own
            before, after = self._before(doc, start, at), self._after(doc, end, at)
            of = self._of_institution(doc, end, at) or self._whose(doc, start, at) \
                or ([] if before or after else self._seconded_by(doc, start, at))
            if rule in self.only_from:  # "with the team of the Nigerian National Social Register": its counterpart
                before, of = [], []
            if not (before or after or of) or rule in self.tentative and self._predicate(doc, end) == "participant":
                continue  # "An official of the Dominican Republic's Ministry attended the training as an observer"
            if self._may_withdraw(doc) and self._withdrawn(
                    doc, max([end] + [m.end for m in after] + [m.end for m, _ in of])):
                continue  # "A third expert, from Indonesia's BPJS, had to withdraw …": not mobilised
            one = self._one_person(doc, start, end, at)
            team = self._team_of(doc, start, at)  # "a team of French and Ivorian labour inspectors"
            for m in before:
                emit(m, f"{rule}:premodifier", one=one or team, firm=team)
            demonyms = {m.code for m in before if m.kind == "demonym"}
            for m in after:
                if demonyms and m.code not in demonyms and m.kind in ("city", "region"):
                    continue  # "A Swiss case-management specialist from Suva": the Swiss insurer, not Fiji's capital
                # "a colleague from Kenya's State Department"; one person from a city: "an e-services manager
                # from Roseau"
                emit(m, f"{rule}:from", one=one, firm=True, placed=one)
            mobilised = self._mobilised(doc, start)
            for m, possessive in of:
                # one person of an institution in a city ("a medical adviser of the Compensation Fund in
                # Pretoria") is placed there as firmly as by a country name
                emit(m, f"{rule}:of-institution", tentative=not (possessive or mobilised) and m.code not in self.eu,
                     one=one or team, firm=mobilised, placed=True)
        for m, via in self._named_experts(doc, at):
            emit(m, f"person:{via}", tentative=via in ("of", "active") and m.code not in self.eu)
        for m in self._bracketed_people(doc, at):
            emit(m, "person:bracket")
        for m in self._demonym_nouns(doc, mentions, at):
            emit(m, "demonym-noun", tentative=m.code not in self.eu)
        span = field_span(doc, "experts")
        if span is not None:  # a labelled Experts field: "Experts: Finnish Institute … (FIOH); Swedish …"
            for m in mentions:
                if span[0] <= m.start_char and m.end_char <= span[1]:
                    emit(m, "experts:field")
        self._echo(doc, mentions, found)
        for fact in found.values():
            add_fact(doc, fact)
        return doc

    def _echo(self, doc: Doc, mentions: list[CountryMention], found: dict[tuple[int, str], Fact]) -> None:
        """An EU member state whose experts the record names, named again in it, is the experts' own
        country ("a team of Spanish and Uruguayan peer experts, combining the experience of the State
        Public Employment Service of Spain with …"): a marker of its own (`ECHO_FIELD`, no evidence of the
        experts, never stored), so that `socieux_partner` does not read that mention, with its cue, as the
        partner's (no EU member state is a SOCIEUX+ partner). The record's expert countries do not change."""
        firm = {f.value for f in found.values() if not f.extra.get("tentative") and f.value in self.eu}
        if not firm:
            return
        for m in mentions:
            if m.code in firm and (m.start, m.code) not in found:
                found[(m.start, m.code)] = Fact(ECHO_FIELD, m.code, m.start_char, m.end_char, m.text,
                                                "echo:expert-country", "inferred", {})

    def _demonym_nouns(self, doc: Doc, mentions: list[CountryMention], at: dict[int, CountryMention]) -> list[CountryMention]:
        """Demonyms used as nouns after a number or an article ("two Austrians from the AMS and a
        Luxembourger from ADEM") in a sentence that speaks of the action's experts or team
        (lex:demonym-noun-cues): the experts. Not the objects of a verb of the work ("trained two
        Moroccans"), participants ("two Austrians attended", lex:participant-verbs), a visit's hosts
        or anyone who withdrew."""
        out: list[CountryMention] = []
        cues = self.lex.get("demonym_noun_cue", frozenset())
        for m in mentions:
            if m.kind != "demonym" or m.start == 0:
                continue
            p = doc[m.start - 1]
            if not (p.like_num or p.lower_ in ("a", "an", "one")) or not self._noun_use(doc, m, at):
                continue
            if m.start >= 2 and (self._is("activity_verb", doc[m.start - 2].text)
                                 or self._is("participant_verb", doc[m.start - 2].text)):
                continue  # "the experts trained two Moroccans": the people trained
            sent = _sentence(doc, m.start).casefold()
            # "The advice was given by two Danes working at …": the people who did the work
            by_work = m.start >= 2 and doc[m.start - 2].lower_ == "by" and self._person_cue(sent)
            if not (by_work or any(w in cues for w in _WORDS.findall(sent))) \
                    or any(cue in sent for cue in self.lex.get("visit_cue", ())):
                continue
            if self._predicate(doc, m.end) == "participant" or self._may_withdraw(doc) and self._withdrawn(doc, m.end):
                continue
            out.append(m)
        return out

    def _noun_use(self, doc: Doc, m: CountryMention, at: dict[int, CountryMention]) -> bool:
        """The demonym at m stands as a noun: what follows it is no noun it qualifies ("two Austrians
        from …", "a Slovak –"), also over a coordination with another demonym ("two Croatians and a
        Slovak –"; not "a Moroccan and Tunisian delegation")."""
        k = m.end
        if k >= len(doc) or "\n" in doc[k].text_with_ws and doc[k].is_space:
            return True
        nxt = doc[k]
        if nxt.lower_ in ("and", ",", "&"):
            j = k + 1
            while j < len(doc) and j not in at and (doc[j].like_num or doc[j].lower_ in ("a", "an", "one")):
                j += 1
            if j in at and at[j].kind == "demonym":
                return self._noun_use(doc, at[j], at)
            return nxt.text == "," or j > k + 1
        return nxt.text in NOUN_FOLLOW or nxt.lower_ in NOUN_FOLLOW

    def _may_withdraw(self, doc: Doc) -> bool:
        """The record holds a word of lex:withdrawal or lex:join-verbs, in lower case as a verb after its
        subject is written (computed once per Doc)."""
        return per_doc(doc, WITHDRAW_KEY,
                       lambda d: any(w in doc_text(d) for w in self.withdrawal_heads))

    def _withdrawn(self, doc: Doc, j: int) -> bool:
        """The verb of the expert phrase that ends before token j says the expert withdrew
        (lex:withdrawal: "A third expert, from Indonesia's BPJS, had to withdraw …", "…, who later
        withdrew,") or is only to join later (lex:join-verbs that `socieux_modality` reads as
        unrealised: "… is expected to join the follow-up planned for November"). Only the verb right
        after the phrase (the rest of an institution's name, a comma and auxiliaries between) counts:
        "advised on the right to withdraw savings" is a topic."""
        j = self._name_end(doc, j)
        if j < len(doc) and doc[j].text == "," and j + 1 < len(doc) and doc[j + 1].is_lower:
            j += 1  # "A third expert, from Indonesia's BPJS, had to withdraw"
        end = min(len(doc), j + 6)
        while j < end and doc[j].lower_ in PREDICATE_AUX:
            j += 1
        if j >= len(doc):
            return False
        low = doc[j].lower_
        if self._is("withdrawal", low) or j + 1 < len(doc) and self._is("withdrawal", f"{low} {doc[j + 1].lower_}"):
            return True
        return self._is("join_verb", low) and self._unrealised(doc, doc[j])

    def _unrealised(self, doc: Doc, tok) -> bool:
        """`socieux_modality`'s reading of the activity a token names (that component runs after this
        one: it is made to mark the doc now; its own run later only resets the cache)."""
        if MODALITY_KEY not in doc.user_data:
            if "socieux_modality" not in self.nlp.pipe_names:
                return False
            self.nlp.get_pipe("socieux_modality")(doc)
        return unrealised(doc, tok.idx, tok.idx + len(tok.text))

    @staticmethod
    def _resolve_in_phrase(doc: Doc, mentions: list[CountryMention]) -> list[CountryMention]:
        """The resolved mentions, with an ambiguous demonym or country (unresolved, or resolved only
        by another mention in the record) resolved by a place of one of its countries later in the
        same phrase (no punctuation between but the comma of a relative clause about the person, at
        most PHRASE_WINDOW tokens): "a Congolese expert of the National Social Security Institute
        (INSS) in Kinshasa" (CD, not CG), "an expert of the Congolese Employment Agency (ACPE), who
        came over from Brazzaville" (CG). Only for this component: `doc._.countries` is left as it
        is."""
        out: list[CountryMention] = []
        for n, m in enumerate(mentions):
            if len(m.candidates) > 1 and m.kind in ("demonym", "country"):
                for o in mentions[n + 1:]:
                    if o.start - m.end > PHRASE_WINDOW or any(
                            doc[k].text in PHRASE_BREAKS and not (doc[k].text == "," and doc[k + 1].lower_ == "who")
                            or "\n" in doc[k].text for k in range(m.end, o.start)):
                        break
                    if len(o.candidates) == 1 and o.code in m.candidates:
                        if o.code != m.code:
                            m = replace(m, code=o.code, rule="experts:same-phrase", status="inferred")
                        break
            if m.code:
                out.append(m)
        return out

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

    def _eu_towns(self, doc: Doc, mentions: list[CountryMention]) -> list[CountryMention]:
        """Towns of one EU member state too small for the gazetteer right after "from" or "in" ("a
        statistician from Tartu", "an adviser of the Labour Office in Leuven"; pipeline/towns.py): places
        for the expert rules only (SOCIEUX+ mobilises EU experts; such a town is never partner evidence)."""
        def eu_code(name: str) -> str | None:
            codes = town_countries(name)
            return next(iter(codes)) if len(codes) == 1 and codes <= self.eu else None

        covered = {t for m in mentions for t in range(m.start, m.end)}
        if self.eu_town_heads is None:  # first words of the member states' towns: a cheap test first
            self.eu_town_heads = frozenset().union(*(town_heads(code) for code in self.eu))
        return town_mentions(doc, ("from", "in"), eu_code, covered, "town:eu-member", self.eu_town_heads)

    @staticmethod
    def _from_place(doc: Doc, end: int, at: dict[int, CountryMention]) -> bool:
        """"from" then a place right after the noun ending at `end` ("peers from Nouméa and Québec")."""
        return end + 1 < len(doc) and doc[end].lower_ == "from" and end + 1 in at

    @staticmethod
    def _team_of(doc: Doc, start: int, at: dict[int, CountryMention]) -> bool:
        """The noun phrase that ends with the noun at `start` follows "team of" ("a team of French and
        Ivorian labour inspectors"): the people of a profession so named are the action's experts."""
        for i in range(start - 1, max(0, start - 10), -1):
            tok = doc[i]
            if tok.lower_ == "of":
                return doc[i - 1].lower_ in ("team", "teams")
            if tok.text == ":" and i >= 3 and doc[i - 1].like_num and doc[i - 2].lower_ == "of" \
                    and doc[i - 3].lower_ in ("team", "teams"):
                return True  # "a team of three: two analysts of the Mexican … and a systems architect of …"
            if not (i in at or tok.is_alpha and tok.is_lower or tok.like_num or tok.text in {",", "-"}):
                return False
        return False

    def _in_visit(self, doc: Doc, m: CountryMention) -> bool:
        """The mention's sentence speaks of a visit (lex:visit-cues) before it or in its own clause:
        people of a profession named there are the hosts, not experts mobilised for the action ("a
        study visit to Lisbon, where Portuguese officials presented …"; but not "An Irish guidance
        counsellor … delivered three webinars, followed by a study tour to Luxembourg")."""
        text = doc_text(doc)
        lo, hi = sentence_span(text, m.start_char)
        comma = text.find(",", m.end_char, hi)
        sent = text[lo:comma if comma != -1 else hi].casefold()
        return any(cue in sent for cue in self.lex.get("visit_cue", ()))

    # -- lists -------------------------------------------------------------
    def _is(self, kind: str, token_text: str) -> bool:
        low = token_text.casefold()
        # an elided article with its noun is one token: "l'emploi", "d'allocations" (lex:institution-words has "l'")
        return low in self.lex.get(kind, ()) or kind == "name_word" and ELIDED.match(low) is not None

    def _list_from(self, doc: Doc, i: int, at: dict[int, CountryMention], step: int) -> list[CountryMention]:
        """Coordinated mentions starting at token i, walking in direction step (+1 / -1).

        Forward, a listed country may carry an apposition before the coordination: a bracketed
        group or, after a possessive, a capitalised institution name ("Italy (INPS) and Portugal",
        "Spain's National Institute (INSS) and from Portugal"); the next item may restate "from"
        or "one from" ("one from Belgium and one from Estonia"), be a name that ends with its
        country ("Statistics Sweden and Statistics Finland") or, after a restated "from", a name
        whose country comes after "of" ("… (SEPE) and from the Employment Service of Slovenia").
        """
        found: list[CountryMention] = []
        while 0 <= i < len(doc):
            m = at.get(i)
            if m is not None:
                found.append(m)
                i = (m.end if step > 0 else m.start - 1)
                if step > 0:
                    i = self._after_apposition(doc, i, at, titled=m.kind == "demonym", opens=m.kind == "country")
                continue
            tok = doc[i]
            if step > 0 and found and tok.text == ",":
                k = self._relative_then_from(doc, i, at)
                if k is not None:  # "from the French Caisse des Dépôts, which manages …, and from the Spanish …"
                    i = k
                    continue
            if self._is("coordination", tok.text) or (step < 0 and tok.text in {"[", "]"}):
                i += step
                continue
            if step > 0 and (tok.text in {"’s", "'s", "’", "*"}
                             or (found and (self._is("from_word", tok.text) or tok.lower_ == "by")
                                 and self._is("coordination", doc[i - 1].text))):
                i += step
                continue
            if step > 0 and found and doc[i - 1].lower_ in ("and", ",", "&") and self._name_goes_on(doc, i, at):
                k = next((k for k in (i + 1, i + 2) if k in at), None)
                if k is not None and at[k].kind == "country" \
                        and all(self._name_goes_on(doc, n, at) for n in range(i, k)):
                    i = k  # "from Statistics Sweden and Statistics Finland": a name ending with its country
                    continue
            if step > 0 and found and i > 1 and doc[i - 1].lower_ == "the" and doc[i - 2].lower_ == "and" \
                    and tok.text[:1].isupper():
                named = self._institution_country(doc, i, at, lower=False)
                if named is not None and named[0].code in self.eu and named[0].kind in ("country", "region"):
                    # "from the State Labour Inspectorate of Lithuania and the State Labour Inspectorate of
                    # Latvia": a second institution of a member state, which is never the partner's (not "… and
                    # the Ministry of Labour of Peru", the partner's own)
                    found.append(named[0])
                    i = self._after_apposition(doc, named[0].end, at)
                    continue
            if step > 0 and found and self._restated_from(doc, i):
                named = self._institution_country(doc, i, at, lower=False)
                m = named[0] if named is not None else self._apposed_demonym(doc, i, at)
                if m is not None:  # "… (SEPE) and from the Employment Service of Slovenia", "and from SOLAS,
                    found.append(m)  # the Irish further education and training authority"
                    i = self._after_apposition(doc, m.end, at)
                    continue
            if step > 0 and found and found[-1].kind in ("city", "region") and found[-1].end == i:
                k = self._name_of_country(doc, i, at)
                if k is not None:  # "the Emilia-Romagna Region of Italy and from …": the region's name goes on
                    i = k
                    continue
            break
        return found

    @staticmethod
    def _apposed_demonym(doc: Doc, i: int, at: dict[int, CountryMention]) -> CountryMention | None:
        """A short proper name from token i followed by an apposition opened by "the" and a demonym
        ("SOLAS, the Irish further education and training authority"): the demonym's mention."""
        k = i
        while k < len(doc) and k - i < APPOSED_NAME_WORDS and k not in at and doc[k].is_alpha \
                and (doc[k].is_upper or doc[k].is_title or k > i and doc[k].is_lower):
            k += 1  # a name in its own language may have lower-case words: "Užimtumo tarnyba, the Lithuanian …"
        if k == i or k + 2 >= len(doc) or doc[k].text != "," or doc[k + 1].lower_ != "the":
            return None
        m = at.get(k + 2)
        return m if m is not None and m.kind == "demonym" else None

    @staticmethod
    def _name_of_country(doc: Doc, i: int, at: dict[int, CountryMention]) -> int | None:
        """Right after a region or city, its institution's name goes on (in capitalised words, if any) to
        "of" and a country ("Emilia-Romagna Region of Italy"): the country's position, else None."""
        k = i
        while k < len(doc) and k - i < APPOSED_NAME_WORDS and k not in at and doc[k].is_alpha and doc[k].is_title:
            k += 1
        if k + 1 >= len(doc) or doc[k].lower_ != "of" or k + 1 not in at:
            return None
        return k + 1 if at[k + 1].kind == "country" else None

    def _relative_then_from(self, doc: Doc, i: int, at: dict[int, CountryMention]) -> int | None:
        """After the comma at token i, a relative clause closed by a comma and followed by a restated
        "from" (", which manages the personal training account, and from …"): the position of the
        clause's closing comma, else None."""
        if i + 1 >= len(doc) or doc[i + 1].lower_ not in RELATIVES:
            return None
        for k in range(i + 2, min(len(doc) - 2, i + 2 + RELATIVE_CLAUSE_WORDS)):
            if doc[k].text in CLAUSE_ENDS or "\n" in doc[k].text:
                return None
            if doc[k].text == ",":
                return k if doc[k + 1].lower_ == "and" and self._is("from_word", doc[k + 2].text) else None
        return None

    def _restated_from(self, doc: Doc, i: int) -> bool:
        """Token i opens a name after a coordination and a restated "from" (", and from the …")."""
        k = i - 1
        if k >= 0 and doc[k].lower_ == "the":
            k -= 1
        return k >= 1 and self._is("from_word", doc[k].text) and self._is("coordination", doc[k - 1].text) \
            and doc[i].text[:1].isupper() and doc[i].is_alpha

    def _after_apposition(self, doc: Doc, i: int, at: dict[int, CountryMention], titled: bool = False,
                          opens: bool = False) -> int:
        """Token after an apposition that starts at i and ends before a coordination, else i.

        `titled`: the listed item is a demonym, so a capitalised name may follow it directly
        ("the Portuguese Social Security Institute and one from …"). `opens`: the item is a country
        that may open an institution's name ("the Solomon Islands National Provident Fund and from
        the French …"), only when the next item restates "from". A bracketed group may name a
        city or region ("Italy (University of Perugia)") but no other country. After a possessive,
        lower-case words make a name only when the next item restates "from" ("Ireland's supported
        employment network and from Slovenia's …").
        """
        limit = min(len(doc), i + self.window)
        bare = opens and i < len(doc) and doc[i].text[:1].isupper() and doc[i].is_alpha
        j, possessive, loose = i, titled or bare, False
        while j < limit and j not in at:
            text = doc[j].text
            if text == "," and j > i and possessive:
                k = self._named_apposition_end(doc, j, limit)
                if k is not None and self._restates_from(doc, k + 1):
                    j = k  # "French Polynesia's social security fund, the CPS, and from the Caisses …"
                    break
            if text == "(":
                close = next((k for k in range(j + 1, limit) if doc[k].text in {")", "."}), None)
                if close is None or doc[close].text != ")" or any(
                        k in at and at[k].kind in ("country", "demonym") for k in range(j + 1, close)):
                    return i
                j = close + 1
                continue
            if text in {"’s", "'s", "’"} and j == i:
                possessive = True
            elif possessive and j > i and doc[j].lower_ == "in" and j + 1 in at and at[j + 1].kind in ("city", "region") \
                    and doc[j - 1].text[:1].isupper():
                loose = True  # "the Polish Voivodeship Labour Office in Lublin and from the Latvian …": its city
                j = at[j + 1].end
                continue
            elif possessive and j > i and text in NAME_COORDINATION and self._name_goes_on(doc, j + 1, at):
                pass  # "Slovakia's Central Office of Labour, Social Affairs and Family and from …"
            elif not (possessive and (doc[j].is_title or doc[j].is_upper) and doc[j].is_alpha
                      or possessive and j > i and self._is("name_word", text)):
                bracket = self._acronym_bracket(doc, j, limit) if possessive and j > i else None
                if bracket is None:
                    if possessive and (j > i or titled) and doc[j].is_lower and doc[j].is_alpha \
                            and not self._is("coordination", doc[j].text) and doc[j].lower_ not in RELATIVES | {"that"}:
                        loose = True  # "Malta's public employment service Jobsplus and from …"
                        j += 1
                        continue
                    break
                j = bracket  # "the French Caisse nationale d'assurance vieillesse (CNAV) and …"
                continue
            j += 1
        if j == i or j >= len(doc) or not self._is("coordination", doc[j].text) or doc[j].text.casefold() == "the":
            return i
        if (loose or bare) and not (self._restates_from(doc, j + 1) or self._demonym_item(doc, j + 1, at)):
            return i  # lower-case words make a name only when the next item restates "from" or is a demonym's
        return j

    def _demonym_item(self, doc: Doc, k: int, at: dict[int, CountryMention]) -> bool:
        """The next listed item, from token k, is an institution named by its demonym ("the French Pôle
        emploi, the Belgian Actiris and …"): an item as plainly as a restated "from"."""
        while k < len(doc) and doc[k].text in NAME_COORDINATION:
            k += 1
        return k + 1 < len(doc) and doc[k].lower_ == "the" and k + 1 in at and at[k + 1].kind == "demonym" \
            and at[k + 1].end < len(doc) and doc[at[k + 1].end].text[:1].isupper()

    @staticmethod
    def _named_apposition_end(doc: Doc, j: int, limit: int) -> int | None:
        """Position of the comma that closes a short apposition naming the institution, opened by the
        comma at token j: ", the CPS,", ", SEPE,"; None if there is none."""
        k = j + 1
        if k < limit and doc[k].lower_ == "the":
            k += 1
        first = k
        while k < limit and k - first < 4 and doc[k].is_alpha and (doc[k].is_upper or doc[k].is_title):
            k += 1
        return k if k > first and k < limit and doc[k].text == "," else None

    def _restates_from(self, doc: Doc, k: int) -> bool:
        """The next listed item, from token k, restates "from" ("and from …", "and one from …")."""
        while k < len(doc) and self._is("coordination", doc[k].text) and doc[k].text != ",":
            k += 1
        return k < len(doc) and self._is("from_word", doc[k].text)

    @staticmethod
    def _name_goes_on(doc: Doc, j: int, at: dict[int, CountryMention]) -> bool:
        """Token j, right after "and"/","/"&", goes on with an institution's name: a capitalised
        word that is no place, title ("Mr") or acronym ("Family", "Social Affairs")."""
        if j >= len(doc) or j in at:
            return False
        tok = doc[j]
        return tok.is_alpha and tok.text[:1].isupper() and not tok.is_upper and not is_honorific(tok.text, cased=False)

    def _mobilised(self, doc: Doc, start: int) -> bool:
        """A mobilising verb right before the noun, an article or a number between (lex:mobilising-verbs):
        "mobilised an expert of the Rwanda Social Security Board" names an expert, not the partner's staff."""
        k = start - 1
        if k >= 0 and (doc[k].lower_ in ("a", "an", "the") or doc[k].like_num):  # like_num: "two", "3"
            k -= 1
        return k >= 0 and self._is("mobilising_verb", doc[k].text)

    def _seconded_by(self, doc: Doc, start: int, at: dict[int, CountryMention]) -> list[tuple[CountryMention, bool]]:
        """Institutions that are the subject of a verb of seconding whose object is the noun: "Jobsplus,
        Malta's public employment service, seconded a youth guarantee coordinator", "The Norwegian Labour
        Inspection Authority and the Icelandic Administration of … each seconded an inspector". The
        subject runs from the sentence start to the verb over names, appositions and "and" only (no
        other clause: "Under an agreement with the Spanish ministry, …"); its countries are those that
        name an institution (a demonym or a possessive before a name, a country closing a name after
        "of"). Returns (mention, True) as `_of_institution` does for a possessive."""
        j = start - 1
        while j >= 0 and start - j <= SECONDED_MODIFIERS and doc[j].is_lower and doc[j].is_alpha \
                and doc[j].lower_ not in ("a", "an", "one"):
            j -= 1  # "a youth guarantee coordinator"
        if j < 1 or not (doc[j].lower_ in ("a", "an", "one") or doc[j].like_num):
            return []
        j -= 1
        if j >= 1 and doc[j].lower_ in SHARED_BY:
            j -= 1  # "… seconded each an inspector"
        if j < 1 or doc[j].lower_ not in SECONDING_VERBS:
            return []
        if doc[j - 1].lower_ in SHARED_BY:
            j -= 1  # "… each seconded an inspector"
        lo, _ = sentence_span(doc_text(doc), doc[j].idx)
        k = j - 1
        while k >= 0 and doc[k].idx >= lo:
            if doc[k].lower_ in SUBJECT_BREAKS or doc[k].text in CLAUSE_ENDS or "\n" in doc[k].text_with_ws:
                return []
            k -= 1
        found = []
        for n in range(k + 1, j):
            m = at.get(n)
            if m is None or m.start != n:
                continue
            nxt = doc[m.end] if m.end < len(doc) else None
            if m.kind == "demonym" and nxt is not None and nxt.text[:1].isupper() \
                    or m.kind in ("country", "region") and nxt is not None and nxt.text in POSSESSIVES \
                    or m.kind in ("country", "region") and n > 0 and doc[n - 1].lower_ == "of":
                found.append((m, True))
        return found

    def _whose(self, doc: Doc, start: int, at: dict[int, CountryMention]) -> list[tuple[CountryMention, bool]]:
        """The country of the institution a "whose" clause hangs on: "The Swedish Pensions Agency, whose
        actuaries reviewed …", "The Solomon Islands National Provident Fund, whose chief investment
        officer …" (the noun's own words may stand between "whose" and it). Returns (mention, False)."""
        k = start - 1
        while k >= 0 and start - k <= WHOSE_GAP and doc[k].is_lower and doc[k].is_alpha and doc[k].lower_ != "whose":
            k -= 1
        if k < 2 or doc[k].lower_ != "whose" or doc[k - 1].text != ",":
            return []
        j = k - 2  # walk back over the institution's name to the first of its words
        while j >= 0 and "\n" not in doc[j].text and (
                j in at or doc[j].text[:1].isupper() and doc[j].is_alpha or doc[j].text in "()"
                or doc[j].is_upper or self._is("name_word", doc[j].text)):
            j -= 1
        found = [at[i] for i in range(j + 1, k - 1) if i in at]
        return [(found[0], False)] if found else []

    def _of_institution(self, doc: Doc, end: int, at: dict[int, CountryMention],
                        links: frozenset[str] = frozenset()) -> list[tuple[CountryMention, bool]]:
        """The country of an institution the noun belongs to, named after "of" (or "at", "with": "a
        career counsellor at the Estonian Unemployment Insurance Fund"): "an expert of Spain's
        SEPE", "experts of the Slovenian Employment Service", "an expert of the National Insurance
        Board of Barbados", "a specialist of WorkSafe New Zealand", "experts of the Mutualité
        Chrétienne (Belgium)" (see `_institution_country`). Returns (mention, named with a
        possessive)."""
        i = end
        if i + 2 < len(doc) and doc[i].lower_ in FORMERLY and doc[i + 1].lower_ in (links or OF_LINKS):
            i += 1  # "an economist formerly with the United Kingdom's Low Pay Commission"
        if i + 1 >= len(doc) or doc[i].lower_ not in (links or OF_LINKS):
            return []
        found = None
        if i + 1 in at:  # "an expert of Spain's SEPE", "of Andalusia's public employment service"
            m = at[i + 1]
            if m.kind in ("country", "region") and m.end < len(doc) and doc[m.end].text in POSSESSIVES:
                found = (m, True)
        j = i + 2 if doc[i + 1].lower_ in ("the", "a", "an") else i + 1  # "a director of a Danish jobcentre"
        if found is None:
            found = self._institution_country(doc, j, at) or self._described(doc, j, at)
        if found is None:
            return []
        # a second institution restating the link word: "experts of the Belgian National Institute
        # for the Social Security of the Self-employed (INASTI) and of the Portuguese Institute …",
        # also after lower-case words of the first name ("of the Flemish public employment service
        # VDAB and of the Dutch …")
        if doc[i].lower_ in per_doc(doc, RESTATED_KEY, _restated_links):
            k = self._name_end(doc, found[0].end)
            k = self._restated_link_at(doc, k, doc[i].lower_, at)
            if k is not None:
                return [found] + self._of_institution(doc, k, at, links)
        return [found]

    @staticmethod
    def _restated_link_at(doc: Doc, k: int, link: str, at: dict[int, CountryMention]) -> int | None:
        """Position of a restated link word ("and of") at most RESTATED_GAP words from token k, with
        only name words (no place, no clause break) before it; None if there is none."""
        for j in range(k, min(len(doc) - 1, k + RESTATED_GAP)):
            tok = doc[j]
            if tok.lower_ == "and" and doc[j + 1].lower_ == link:
                return j + 1
            if j in at or tok.text in CLAUSE_ENDS or tok.lower_ in RELATIVES or "\n" in tok.text:
                return None
        return None

    def _name_end(self, doc: Doc, j: int) -> int:
        """The token after the rest of an institution's name that goes on at token j: capitalised
        words, acronyms, name words, bracketed acronyms and hyphenated parts ("… of the
        Self-employed (INASTI)")."""
        limit = min(len(doc), j + 2 * self.window)
        while j < limit:
            tok = doc[j]
            if tok.text == "(":
                close = next((k for k in range(j + 1, limit) if doc[k].text == ")"), None)
                if close is None:
                    break
                j = close + 1
                continue
            if not (tok.is_alpha and tok.text[:1].isupper() or self._is("name_word", tok.text)
                    or tok.text in {"’s", "'s", "’"}
                    or tok.text == "-" or j > 0 and doc[j - 1].text == "-" and tok.is_alpha):
                break
            j += 1
        return j

    def _described(self, doc: Doc, j: int, at: dict[int, CountryMention]) -> tuple[CountryMention, bool] | None:
        """An institution named by capitalised words or an acronym from token j, then an apposition
        that says what it is and names its country: "a case manager of PERKESO, the Malaysian social
        security organisation, …", "an expert of Intreo, the public employment service of Ireland"."""
        if j >= len(doc) or j in at or not (doc[j].is_alpha and doc[j].text[:1].isupper()):
            return None
        k = self._name_end(doc, j)
        if k < j + 2 and k < len(doc) and doc[k].is_lower and doc[k].is_alpha:
            k += 1  # a name in its own language with a lower-case word: "Pôle emploi"
        if k + 2 >= len(doc) or doc[k].text != "," or any(n in at for n in range(j, k)):
            return None
        limit = min(len(doc), k + 2 + self.window)
        n = k + 2
        if doc[k + 1].lower_ != "the":  # ", Malaysia's social security organisation,"
            m = at.get(k + 1)
            n = m.end + 1 if m is not None and m.kind == "country" and m.end < len(doc) \
                and doc[m.end].text in {"’s", "'s", "’"} else -1
            e = n
            while 0 < e < limit and doc[e].is_alpha and doc[e].is_lower:
                e += 1
            if n > 0 and e > n and (e >= len(doc) or doc[e].text in APPOSITION_ENDS or "\n" in doc[e].text):
                return (m, True)
            return None
        if n in at:  # ", the Malaysian social security organisation,"
            m = at[n]
            e = m.end
            if m.kind in ("country", "region") and e + 1 < limit and doc[e].text in POSSESSIVES \
                    and doc[e + 1].text[:1].isupper():
                e += 1  # ", the UK's Advisory, Conciliation and Arbitration Service"
            while e < limit and (doc[e].is_alpha and (doc[e].is_lower or doc[e].is_upper and len(doc[e]) <= 4
                                                      or doc[e].text[:1].isupper())
                                 or doc[e].text == "-" or self._is("name_word", doc[e].text)):
                e += 1  # "the Brazilian social security IT company", "the Belgian National Institute for the …"
            if m.kind in ("demonym", "country", "region") and e > m.end \
                    and (e >= len(doc) or doc[e].text in APPOSITION_ENDS or "\n" in doc[e].text):
                return (m, False)
            return None
        named = self._institution_country(doc, n, at)  # ", the State Social Insurance Fund Board of Lithuania,"
        if named is not None and not named[1] and named[0].kind in ("country", "region") and (
                named[0].end >= len(doc) or doc[named[0].end].text in APPOSITION_ENDS or "\n" in doc[named[0].end].text):
            return named
        while n < limit and doc[n].is_alpha and (doc[n].is_lower or doc[n].is_upper and len(doc[n]) <= 4) \
                and doc[n].lower_ != "of":
            n += 1  # ", the IT agency of the Portuguese social security"
        if n == k + 2 or n + 1 >= limit or doc[n].lower_ != "of":
            return None  # ", the public employment service of Ireland"
        n += 2 if doc[n + 1].lower_ == "the" else 1
        m = at.get(n)
        e = m.end if m is not None else n
        if m is not None and m.kind == "demonym":  # "… of the Portuguese social security"
            while e < limit and doc[e].is_alpha and doc[e].is_lower:
                e += 1
            if e == m.end:
                return None
        if m is not None and m.kind in ("country", "region", "demonym") and (
                e >= len(doc) or doc[e].text in APPOSITION_ENDS or "\n" in doc[e].text):
            return (m, False)
        return None

    def _institution_country(self, doc: Doc, j: int, at: dict[int, CountryMention],
                             lower: bool = True) -> tuple[CountryMention, bool] | None:
        """The country named inside an institution's name that starts at token j (after "the").

        The name runs over capitalised words, its lower-case name words and bracketed acronyms; a
        country or demonym inside it is the institution's country (a demonym only when the name
        goes on: "of the French and Belgian services" is no name; lower-case words may follow it
        right after "the": "the French national old-age insurance fund"), so is a region or city
        that opens the name ("the Canary Islands Employment Service", "the Lisbon municipality") or closes
        it after "of"
        ("the Employment Service of Galicia", "the family allowance fund of Lyon"), or a place after
        "in" right after a proper name ("the Arbeitsmarktservice (AMS) in Vienna", "the Úřad práce in
        Brno"; not "the pension reform in Albania", nor an international organisation's office,
        lex:international-organisations: "the ILO Decent Work Team in Pretoria"). The name may go on
        over "and", "," or "&" when capitalised name words follow, but then only "… of <country or
        region>" closes it ("the Ministry of Social Development and Family of Chile", "the Ministry of
        Gender, Labour and Social Development of Uganda"); a person ("and Mr …"), "the"/"a" or a place
        right after the coordination is the next listed item. `lower`: lower-case words other than name words
        may stand in the name ("the employment services division of …")."""
        first = j
        limit = min(len(doc), j + self.window)
        crossed = False  # walked over a coordination inside the name
        while j < limit:
            m = at.get(j)
            if m is not None:
                after = doc[m.end] if m.end < len(doc) else None
                possessive = after is not None and after.text in POSSESSIVES
                named_of = j > first and (doc[j - 1].lower_ == "of" or doc[j - 1].lower_ == "the" and j - 1 > first
                                          and doc[j - 2].lower_ == "of")  # "… of the Republic of Kazakhstan"
                name_goes_on = after is not None and after.is_alpha and after.text[:1].isupper()
                if crossed:
                    if named_of and not possessive and m.kind in ("country", "region") and (
                            not name_goes_on or self._short_name_ends(doc, m.end)):
                        return (m, False)  # "… Studies and Evaluation of France Travail, …": a body named by its country
                    return None
                if m.kind in ("country", "region") and possessive:
                    return (m, True)  # "… of Malaysia's Social Security Organisation", "the Balearic Islands' Institute"
                if m.kind == "country":
                    return (m, False)
                if m.kind == "demonym" and after is not None and (
                        after.text[:1].isupper() or j == first and self._name_lower(after)):
                    return (m, False)
                local = after is not None and after.lower_ in LOCAL_AUTHORITY  # "the Lisbon municipality"
                if m.kind in ("region", "city") and (j == first and (name_goes_on or local)
                                                     or named_of and not name_goes_on):
                    return (m, False)
                j = m.end
                continue
            tok = doc[j]
            if tok.text == "(":
                close = next((k for k in range(j + 1, limit) if doc[k].text == ")"), None)
                if close is None:
                    return None
                inside = [at[k] for k in range(j + 1, close) if k in at]
                if inside and inside[0].kind == "country" and not crossed:  # "the Mutualité Chrétienne (Belgium)"
                    return (inside[0], False)
                j = close + 1
                continue
            # an institution named with its place after its name: "the Arbeitsmarktservice (AMS) in Vienna",
            # "the Deutsche Rentenversicherung Bund in Berlin"
            if tok.lower_ == "in" and j > first and (not crossed or doc[j - 1].text == ")") and j + 1 in at \
                    and not self._is("intl_org", doc[first].text) \
                    and at[j + 1].kind in ("city", "region", "country") \
                    and (any(doc[k].text[:1].isupper() and doc[k].is_alpha for k in range(first, j))
                         or at[j + 1].kind == "city" and at[j + 1].code in self.eu):
                # … also a lower-case name in a city of an EU member state, which is no partner's: "a
                # contribution officer of the social insurance office in Gdańsk"
                return (at[j + 1], False)
            if tok.text in NAME_COORDINATION and j > first:
                if j + 1 < limit and self._name_goes_on(doc, j + 1, at):
                    crossed = True  # "… Social Development and Family of Chile"
                    j += 1
                    continue
                return None
            if not (tok.text[:1].isupper() and tok.is_alpha
                    or (j > first or doc[first - 1].lower_ == "the") and self._is("name_word", tok.text)
                    or lower and not crossed and self._name_lower(tok)):
                return None
            j += 1
        return None

    @staticmethod
    def _short_name_ends(doc: Doc, j: int) -> bool:
        """At most COUNTRY_NAME_WORDS capitalised words from token j close a name that a country opens
        ("France Travail", "Italia Lavoro"): an apposition or the clause ends right after them."""
        e = j
        while e < len(doc) and e - j < COUNTRY_NAME_WORDS and doc[e].is_alpha and doc[e].text[:1].isupper():
            e += 1
        return e > j and (e >= len(doc) or doc[e].text in APPOSITION_ENDS or doc[e].text in CLAUSE_ENDS
                          or "\n" in doc[e].text)

    def _name_lower(self, tok) -> bool:
        """A lower-case word that can stand in an institution's name ("the employment services
        division of …", "the French national old-age insurance fund")."""
        return tok.is_lower and tok.is_alpha and not self._is("stop", tok.text) \
            and not self._is("coordination", tok.text) and not self._is("activity_verb", tok.text) \
            and not self._is("participant_verb", tok.text)  # "a professor of Keio University presented …"

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
        and up to two other lower-case words ("a Dutch pension expert"), or the place of a "<place>-based"
        modifier ("a Tallinn-based e-health architect")."""
        i, loose = start - 1, 0
        while i >= 0 and i not in at and doc[i].text.casefold() not in {"the", "of"}:
            tok = doc[i]
            if tok.lower_ == "based" and i >= 2 and doc[i - 1].text == "-" and i - 2 in at:
                return [at[i - 2]]  # "a Tallinn-based e-health architect", "a Lisbon-based expert"
            if self._is("modifier", tok.text) or tok.text.isupper() and len(tok) <= 5:
                i -= 1
            elif loose < 2 and tok.is_alpha and tok.is_lower and not tok.is_stop:
                loose += 1
                i -= 1
            elif tok.text == "-" and i >= 1 and doc[i - 1].is_alpha and doc[i - 1].is_lower and i + 1 < start:
                i -= 1  # a hyphenated modifier: "e-health", "long-term"
            else:
                break
        if i in at and at[i].kind in ("demonym", "country"):
            if at[i].kind == "country" and at[i].start > 0 and doc[at[i].start - 1].lower_ in DESTINATION_WORDS:
                return []  # "the action brought to Senegal three experts": where they went, not their origin
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
        while i < len(doc) and i not in at and (self._is("link_verb", doc[i].text) or self._is("by_verb", doc[i].text)
                                                 or doc[i].like_num and i > end and (doc[i - 1].text in DASHES
                                                                                      or doc[i - 1].text == ":")
                                                 or doc[i].text == ":" and i == end and i + 1 < len(doc)
                                                 and doc[i + 1].like_num) \
                and not self._is("from_word", doc[i].text) and not (by and doc[i].lower_ == "by"):
            # a count after a dash or a colon before "from": "a team of three experts – two from the Argentine
            # ANSES and one from Italy's INPS –", "three experts: two from the French …"
            by = self._is("by_verb", doc[i].text)
            i += 1
        if by and i < len(doc) and doc[i].lower_ == "by":  # "experts seconded by the Polish ZUS"
            return self._from_list(doc, i + 1, at)
        low = doc[i].lower_ if i + 1 < len(doc) else ""
        # a destination before the origin: "brought experts to North Macedonia from the Netherlands"
        if low in ("to", "in") and i + 1 in at and at[i + 1].kind == "country":
            i = at[i + 1].end
        # the noun's complement before the origin: "a specialist in informal-economy outreach from …",
        # "a statistician on loan from …" (lex:complement-preps)
        elif low in self.complement_preps:
            k = i + 1
            while k < min(len(doc), i + 1 + COMPLEMENT_WORDS) and (
                    doc[k].is_lower and doc[k].is_alpha and not self._is("from_word", doc[k].text)
                    or doc[k].text == "-" and doc[k - 1].is_alpha):
                k += 1
            if k > i + 1 and k < len(doc) and self._is("from_word", doc[k].text):
                i = k
        if i >= len(doc) or not self._is("from_word", doc[i].text):
            return []
        return self._from_list(doc, i + 1, at)

    def _from_list(self, doc: Doc, i: int, at: dict[int, CountryMention]) -> list[CountryMention]:
        limit = min(len(doc), i + self.window)
        first = i
        while i < limit and i not in at:
            if doc[i].lower_ == "in" and i + 1 in at and i > first and doc[i - 1].is_alpha \
                    and self._placed_institution(doc, first, i, at[i + 1]):
                i += 1
                break
            # a comma then a determiner before any country starts another clause: "a Cypriot expert
            # from the Social Insurance Services, the Gambian SSHFC modelled …" (but not "from public
            # entities, notably public employment services, of Belgium and France")
            if self._is("stop", doc[i].text) or doc[i].is_sent_start or (
                    doc[i].text == "," and i + 1 < len(doc) and doc[i + 1].lower_ in CLAUSE_DETERMINERS
                    and not self._apposition_of(doc, i + 2, limit, at)):
                return []
            i += 1
        return self._list_from(doc, i, at, +1) if i in at else []

    def _placed_institution(self, doc: Doc, first: int, i: int, place: CountryMention) -> bool:
        """The words first..i (up to "in" at i) name an institution that the place after "in" locates:
        by its city ("peers from the Voivodeship Labour Office in Lublin", also named with a capitalised
        word: "an instructor from the AFPA centre in Saint-Étienne"), or by its country after a proper
        name ("a job counsellor from Le Forem in Belgium"); not an international organisation's office, nor a
        team of one ("from the ILO office in Senegal", "An ILO specialist from the Decent Work Team in Bangkok")."""
        if any(self._is("intl_org", doc[k].text) for k in range(max(0, first - INTL_NOUN_WORDS), i)):
            return False  # "from the ILO office in Bangkok", "An ILO specialist from the Decent Work Team in Bangkok"
        if place.kind == "city":
            return doc[i - 1].text[:1].isupper() or any(doc[k].text[:1].isupper() and doc[k].is_alpha
                                                        for k in range(first, i - 1))
        return place.kind == "country" and doc[i - 1].text[:1].isupper()

    @staticmethod
    def _apposition_of(doc: Doc, i: int, limit: int, at: dict[int, CountryMention]) -> bool:
        """After ", the": lower-case words then "of", or a place then lower-case words (after a demonym,
        also capitalised ones: ", the Lithuanian Employment Service,") up to the next comma, an apposition
        that says what the institution is ("from Intreo, the public
        employment service of Ireland", "from Actiris, the Brussels public employment service,"),
        not a new clause's subject ("…, the Gambian SSHFC modelled the scheme")."""
        if i in at:  # ", the Brussels public employment service,"; ", the Lithuanian Employment Service,"
            j = k = at[i].end
            demonym = at[i].kind == "demonym"
            while j < limit and doc[j].is_alpha and (doc[j].is_lower or demonym and doc[j].is_title):
                j += 1
            return j > k and j < limit and doc[j].text == ","
        j = i
        while j < limit and doc[j].is_lower and doc[j].is_alpha and doc[j].lower_ != "of":
            j += 1
        return j > i and j < limit and doc[j].lower_ == "of"

    def _named_experts(self, doc: Doc, at: dict[int, CountryMention]) -> list[tuple[CountryMention, str]]:
        """Named people of a country's institution: "<Name> from <the … of> <country>", "<Name> of
        <institution of a country>", "<Name>, a physiotherapist with <institution>". Returns
        (mention, via) with via

        - "from" / "of": the sentence speaks of mobilised experts or of who delivered the work
          (lex:person-cue: "SOCIEUX+ mobilised experts, including Pedro Parra from …", "delivered
          by Georgia Nikolaou, … of the Greek …");
        - "active": no such cue, but the person, with a title ("Ms", "Dr" …) or an apposition, or of an
          institution of an EU member state (no partner's), is the subject of a verb of the action's
          work (lex:activity-verbs): "Ms Ioana Popescu of Romania's National Agency … and Mr Markus
          Huber of the Austrian … ran three webinars", "Tomasz Nowak of the Polish Ministry of Family
          and Social Policy facilitated a workshop".

        Nobody counts who attended, took part or observed (lex:participant-verbs: "Ms … of the
        Dominican Republic's TSS attended the course"), nor, by the active path, anyone named in a
        sentence about a visit (the hosts)."""
        out: list[tuple[CountryMention, str]] = []
        from_words = self.lex.get("from_word", frozenset())
        # only where a place follows close enough to name the person's institution
        lowers = doc_lowers(doc)
        links = _indices_of(doc, self.link_words)
        # a "who" close enough before the link word may open the person's relative clause, which may
        # also end with "for" ("…, who works for Portugal's …")
        whos = np.flatnonzero(lowers == WHO).tolist() if " who " in doc_text(doc) else None
        if whos:
            links = sorted(links + np.flatnonzero(lowers == FOR).tolist())
        links = np.array(links, dtype=np.int64)
        starts = np.array(sorted({m.start for m in at.values()}) + [len(doc) + self.window + 2], dtype=np.int64)
        near = starts[np.searchsorted(starts, links + 1)] <= links + self.window + 1
        named: list[int] = []  # first tokens of the names taken so far
        for i in links[near].tolist():
            rel = False
            tok = doc[i]
            if whos:
                w = bisect_left(whos, i) - 1
                rel = w >= 0 and i - whos[w] <= RELATIVE_WORDS
                if not rel and tok.lower_ == "for":
                    continue
            if tok.lower_ == "in" and not doc[i - 1].is_lower:
                continue  # "in" links a person only after a lower-case apposition ("…, a director in the …")
            via = "from" if tok.lower_ in from_words else "of"
            person = self._person_before(doc, i, at, rel)
            if person is None:
                continue
            start, titled, apposition = person
            if apposition is None and tok.lower_ in ("with", "at", "for", "in"):
                continue  # "Ana Costa at …" needs the apposition: "Ana Costa, a counsellor at …", "…, a director in …"
            if via == "from":
                # "Rui Matos, from the Institute for Employment and Vocational Training (IEFP) of Portugal": a name
                # whose words stop a list ("for") still ends on its country
                found = self._from_list(doc, i + 1, at) or self._from_name(doc, i + 1, at)
            else:
                found = [m for m, _ in self._of_institution(doc, i, at, OF_LINKS | {"for", "in"})]
            if not found:
                continue
            predicate = self._predicate(doc, found[-1].end)
            if predicate == "participant":
                continue  # "Ms … of the Dominican Republic's TSS attended the last day of the course"
            sent_low = _sentence(doc, i).casefold()
            if self._person_cue(sent_low) or self._introduced(doc, start, titled) \
                    or predicate is None and self._next_in_list(doc, start, named):
                if via == "from" or apposition is not None or _person_context(doc, start) \
                        or self._next_in_list(doc, start, named) or self._and_person(doc, start, i):
                    out += [(m, via) for m in found]
                    named.append(start)
            elif predicate == "activity" \
                    and (titled or apposition is not None or all(m.code in self.eu for m in found)
                         or self._next_in_list(doc, start, named)) \
                    and self._subject(doc, start, titled) \
                    and not any(cue in sent_low for cue in self.lex.get("visit_cue", ())) \
                    and not self._funder(doc, i, found[-1].end):
                out += [(m, "active") for m in found]
                named.append(start)  # "Dr … of the Polish ZUS and Tomás Rivas, from Chile's …, reviewed": both
        return out

    def _introduced(self, doc: Doc, start: int, titled: bool) -> bool:
        """The name opens its sentence right after a sentence about the experts (lex:person-cue): "Two
        public experts mobilised by SOCIEUX+ spent a week at the Authority. Dr Marta Kowalczyk of the
        Polish Social Insurance Institution (ZUS) and Tomás Rivas, from Chile's …, met trustees" names them."""
        p = start - 1 if titled else start
        if p == 0 or not (doc[p - 1].text in (".", "!") or "\n" in doc[p - 1].text_with_ws):
            return False
        text = doc_text(doc)
        lo, _ = sentence_span(text, doc[p].idx)
        before = text[:lo].rstrip()
        if not before or before[-1] not in ".!":
            return False  # a heading or the record's first sentence: nothing introduced the name
        prev_lo, _ = sentence_span(text, len(before) - 1)
        return self._person_cue(text[prev_lo : len(before)].casefold())

    def _from_name(self, doc: Doc, k: int, at: dict[int, CountryMention]) -> list[CountryMention]:
        """The country an institution's name from token k (after "from", past "the") holds or ends on, or its
        apposition names ("from Sodra, the State Social Insurance Fund Board of Lithuania,")."""
        if k < len(doc) and doc[k].lower_ == "the":
            k += 1
        if k >= len(doc) or not doc[k].text[:1].isupper():
            return []
        named = self._institution_country(doc, k, at, lower=False) or self._described(doc, k, at)
        return [named[0]] if named is not None else []

    def _next_in_list(self, doc: Doc, start: int, named: list[int]) -> bool:
        """The name at `start` follows "and" after an institution that closed a person taken in the same
        sentence: "Johan Lindqvist of the Swedish Public Employment Service and Nurul Aziz of the
        Malaysian …" (not "the Ministry of Labour and Social Protection of …": institution words)."""
        if not named:
            return False
        lo, _ = sentence_span(doc_text(doc), doc[start].idx)  # the pipeline has no parser
        return any(lo <= doc[n].idx and n < start for n in named) and self._person_after_and(doc, start) is not None

    def _and_person(self, doc: Doc, start: int, link: int) -> bool:
        """The name from `start` to its link word follows "and" after another institution's name and is a
        person's: two or more name words, none an institution's ("SOCIEUX+ mobilised Anja Vogel of the
        Bundesagentur für Arbeit and Pieter Claes of the Flemish employment service VDAB"; not "the Ministry
        of Labour and Social Protection of Cambodia")."""
        return link - start >= 2 and self._person_after_and(doc, start) == link

    def _person_after_and(self, doc: Doc, start: int) -> int | None:
        """The token after a name that follows "and" at `start`, its words a person's (name words, hyphenated
        parts, no institution noun: "and Nurul Aziz", not "and Social Protection"); None otherwise."""
        if start < 2 or doc[start - 1].lower_ not in ("and", "&"):
            return None
        k = start
        while k < len(doc) and (_is_name(doc[k]) or _hyphen_tail(doc, k) or doc[k].text == "-"):
            if self._is("institution_noun", doc[k].text):
                return None
            k += 1
        return k

    def _bracketed_people(self, doc: Doc, at: dict[int, CountryMention]) -> list[CountryMention]:
        """Named people with their institution and its place in brackets, in a sentence about the
        experts (lex:person-cue): "Social work experts Katrin Vogel (Federal Ministry of Labour and
        Social Affairs, Berlin) and …": the place that closes the bracket after a comma, in an EU member
        state (a place elsewhere may be the partner's: "The experts met Ana Costa (Ministry of Labour, Lima)")."""
        out: list[CountryMention] = []
        for i in np.flatnonzero(doc_lowers(doc) == OPEN_BRACKET).tolist():
            if self._name_start(doc, i, at) is None:
                continue
            close = next((k for k in range(i + 1, min(len(doc), i + BRACKET_TOKENS)) if doc[k].text == ")"), None)
            m = at.get(close - 1) if close is not None else None
            if m is None or m.end != close or m.kind not in ("city", "region", "country") or m.code not in self.eu \
                    or doc[m.start - 1].text != "," or m.start - 1 <= i + 1:
                continue
            if self._person_cue(_sentence(doc, i).casefold()):
                out.append(m)
        return out

    def _person_cue(self, sent_low: str) -> bool:
        """The sentence speaks of mobilised experts or of who did its work (lex:person-cue); "by" and
        a title ("by Ms …") only when no ceremony names them ("opened by Ms …, Minister of …",
        lex:ceremony-by)."""
        cues = [cue for cue in self.lex.get("person_cue", ()) if cue in sent_low]
        if not cues and " by " in sent_low and self.by_cue.search(sent_low):
            cues = ["by"]  # a few words between the work and "by": "facilitated in person by Mrs …"
        if cues and all(cue.split()[0] == "by" for cue in cues):
            return not any(c in sent_low for c in self.lex.get("ceremony_by", ()))
        return bool(cues)

    def _funder(self, doc: Doc, i: int, j: int) -> bool:
        """The institution named from token i (its "of"/"from") to its country (ending at j) and the
        name words after it is a funder's (lex:funder-words: "the German development cooperation",
        "the French Embassy"): its staff are no experts."""
        end = min(len(doc), j + 8)
        while j < end and (doc[j].text[:1].isupper() or doc[j].is_lower and self._is("name_word", doc[j].text)):
            j += 1
        return any(self._is("funder_word", doc[k].text) for k in range(i + 1, j))

    def _person_before(self, doc: Doc, i: int, at: dict[int, CountryMention],
                       relative: bool = False) -> tuple[int, bool, int | None] | None:
        """A person's name that ends before token i ("Pieter de Vries of", "Rangi Parata, from"), or
        before an apposition ", a/an <lower-case words>" that ends there ("Jānis Ozols, a
        physiotherapist with"; after a title also without the article: "Mr Jean-Paul Mabiala, head of
        the pensions department of"): (first token of the name, a title comes before it, start of the
        apposition or None)."""
        if i < 2:
            return None
        prev = doc[i - 1]
        if not (prev.text == "," or prev.is_lower or prev.text[:1].isupper()):
            return None
        k = i - 1 if prev.text == "," else i
        apposition = None
        role = self._titled_role_before(doc, i, at) if prev.text[:1].isupper() else None
        if role is not None:  # "Ms Sharon Phillip, Compliance Manager at …": a role in Title Case
            start, comma = role
            return start, True, comma
        if prev.is_lower and not _hyphen_tail(doc, i - 1):  # ", a physiotherapist with", ", an employment counsellor of"
            j = i - 1
            while j > i - 6 and j >= 0 and (doc[j].is_lower and doc[j].is_alpha or doc[j].text == "-") \
                    and doc[j].lower_ not in ("a", "an"):
                j -= 1
            if not (j < i - 1 and j >= 2 and doc[j].lower_ in ("a", "an") and doc[j - 1].text == ","):
                bare = self._bare_role_start(doc, i)
                if bare is not None:  # "Mr Jean-Paul Mabiala, head of the pensions department of …"
                    start = self._name_start(doc, bare - 1, at)
                    if start is not None and start > 0 and is_honorific(doc[start - 1].text, cased=False):
                        return start, True, bare - 1
                    # … or a name opening a list after a colon: "Two experts led the discussions: Marie
                    # Lefèvre, head of digital projects at the CNAV in Paris, and …"
                    if start is not None and start > 0 and doc[start - 1].text == ":":
                        return start, False, bare - 1
                j = self._relative_start(doc, i) if relative else None
                if j is None:
                    return None
            apposition, k = j - 1, j - 1
        start = self._name_start(doc, k, at)
        if start is None:
            return None
        titled = start > 0 and is_honorific(doc[start - 1].text, cased=False)
        return start, titled, apposition

    @staticmethod
    def _bare_role_start(doc: Doc, i: int) -> int | None:
        """Position of the first word of a role without an article between a comma and token i, in
        lower-case words ("head of the pensions department of …"), else None."""
        j = i - 1
        while j >= 0 and i - j <= BARE_ROLE_WORDS and doc[j].is_lower and (doc[j].is_alpha or doc[j].text == "-"):
            j -= 1
        if j == i - 1 or j < 1 or doc[j].text != "," or doc[j + 1].lower_ in ("a", "an", "the", "who", "which"):
            return None
        return j + 1

    def _titled_role_before(self, doc: Doc, i: int, at: dict[int, CountryMention]) -> tuple[int, int] | None:
        """A role in Title Case between a titled person's name and token i: "Ms Sharon Phillip,
        Compliance Manager at" → (first token of the name, the comma); only after an honorific, as
        the capitalised words could else be the name itself."""
        j = i - 1
        while j > i - 1 - TITLED_ROLE_WORDS and j >= 0 and doc[j].is_alpha and doc[j].text[:1].isupper() \
                and j not in at:
            j -= 1
        if j == i - 1 or j < 2 or doc[j].text != ",":
            return None
        start = self._name_start(doc, j, at)
        if start is None or start == 0 or not is_honorific(doc[start - 1].text, cased=False):
            return None
        return start, j

    def _relative_start(self, doc: Doc, i: int) -> int | None:
        """Position of the "who" of a relative clause after a comma that says where a person works
        and ends with the link word at token i: "Mr Koffi N'Guessan, who heads the voluntary
        insurance department of …", "…, who has worked at …" (lex:role-verbs)."""
        for k in range(i - 1, max(1, i - RELATIVE_WORDS) - 1, -1):
            tok = doc[k]
            if tok.lower_ == "who":
                if doc[k - 1].text != ",":
                    return None
                v = k + 1
                while v < i and doc[v].lower_ in RELATIVE_ADVERBS:
                    v += 1
                if v >= i or not self._is("role_verb", doc[v].text):
                    return None
                if self._is("predicate_stop", doc[v].text) and doc[v + 1].lower_ not in ("a", "an", "the"):
                    return None  # "who is the head of …", not a passive "who was trained at …"
                return k
            if tok.is_punct and tok.text not in {"+", "-", "’", "'"} or "\n" in tok.text_with_ws:
                return None
        return None

    def _name_start(self, doc: Doc, k: int, at: dict[int, CountryMention]) -> int | None:
        """First token of a person's name that ends right before token k: two to four capitalised
        words, with lower-case particles or hyphens between them ("Pieter de Vries", "Ahmed al-Hashimi", "Jean-Paul Mabiala",
        lex:name-particles); a one-word city or region may be the surname ("Amina Bello"), not the
        whole name."""
        j, words, places = k - 1, 0, 0
        while j >= 0 and k - j <= 7:
            tok = doc[j]
            if is_honorific(tok.text, cased=False):
                break
            if _is_name(tok) and not tok.is_sent_start:
                m = at.get(j)
                if m is not None and not (m.kind in ("city", "region") and m.start == m.end - 1 == j):
                    break
                places += m is not None
                words += 1
            elif _hyphen_tail(doc, j):
                j -= 2  # the lower-case part of a hyphenated given name and its hyphen: "Park Ji-woo"
                continue
            elif not (words and (self._is("name_particle", tok.text) or tok.text == "-" and j > 0
                                 and (self._is("name_particle", doc[j - 1].text) or _is_name(doc[j - 1])))):
                break
            j -= 1
        start = j + 1
        while start < k and not _is_name(doc[start]):  # a particle cannot open the name
            start += 1
        if not 2 <= words <= 4 or words - places < 1 or start >= k \
                or not (_is_name(doc[k - 1]) or _hyphen_tail(doc, k - 1)):
            return None
        return start

    def _subject(self, doc: Doc, start: int, titled: bool) -> bool:
        """The name (after its title) opens a clause: at the start of a sentence, after a comma or
        after "and"/"while"/"whereas"/"then"; or joins its subject ("together with", "along with",
        "alongside")."""
        p = start - 1 if titled else start
        if p == 0:
            return True
        prev = doc[p - 1]
        return prev.text in {",", ".", ";"} or prev.is_space or "\n" in prev.text_with_ws \
            or prev.lower_ in ("and", "while", "whereas", "then", "alongside") \
            or prev.lower_ == "with" and p > 1 and doc[p - 2].lower_ in ("together", "along")  # a co-subject

    def _phrase_at(self, doc: Doc, j: int, kind: str, longest: int) -> bool:
        """A phrase of lex `kind` of two to `longest` words starts at token j ("took part", "as an observer")."""
        words = [doc[j].lower_]
        for k in range(j + 1, min(len(doc), j + longest)):
            words.append(doc[k].lower_)
            if self._is(kind, " ".join(words)):
                return True
        return False

    def _predicate(self, doc: Doc, j: int) -> str | None:
        """The verb that the phrase before token j is the subject of, walking over the rest of an
        institution's name, appositions, coordinated people and relative clauses between commas:
        "activity" (lex:activity-verbs: reviewed, ran, audited, presented …), "participant"
        (lex:participant-verbs: attended, took part, observed …, or lex:observer-cues: "as an
        observer") or None (none before the clause ends, or a passive or copula first: "was",
        "were" …, lex:predicate-stops)."""
        end = min(len(doc), j + PREDICATE_WINDOW)
        while j < end:
            tok = doc[j]
            low = tok.lower_
            if self._is("activity_verb", low) or self._is("join_verb", low) and self._joins_the_team(doc, j, end):
                return "activity"
            if self._is("participant_verb", low) \
                    or low in self.phrase_heads and self._phrase_at(doc, j, "participant_verb", 2) \
                    or low == "as" and self._phrase_at(doc, j, "observer_cue", 3):
                if low != "as" and self._in_the_action(doc, j, end):
                    return "activity"  # "took part from January to May 2023 in a SOCIEUX+ action": its expert
                return "participant"  # "attended", "took part", "followed the course as an observer"
            if low in PRESENCE and j + 1 < end and doc[j + 1].lower_ in ("in", "at", "on"):
                j += 2  # "… of Lithuania (Sodra) were in Nuku'alofa to run a workshop": where, then what
                continue
            if tok.text in CLAUSE_ENDS or "\n" in tok.text or self._is("predicate_stop", low):
                return None
            if low in RELATIVES and j > 0 and doc[j - 1].text != ",":
                return None  # "an adviser of the Spanish Ministry who took part in …": what the person did before
            if low in RELATIVES and j > 0 and doc[j - 1].text == ",":  # ", who was in Roseau for a meeting,"
                close = next((k for k in range(j + 1, end) if doc[k].text in RELATIVE_ENDS), None)
                if close is None or doc[close].text != ",":
                    return None
                j = close + 1
                continue
            j += 1
        return None

    def _joins_the_team(self, doc: Doc, j: int, end: int) -> bool:
        """The join verb at token j has the experts or their mission as its object, before the clause ends
        (lex:join-objects: "joined them for the second mission", "joined the team"): one of the experts."""
        for k in range(j + 1, min(end, j + JOIN_OBJECT_WORDS + 1)):
            if doc[k].text in CLAUSE_ENDS or doc[k].text == ",":
                return False
            if self._is("join_object", doc[k].lower_):
                return True
        return False

    @staticmethod
    def _in_the_action(doc: Doc, j: int, end: int) -> bool:
        """The participation verb at token j has the action itself as its object, not one of its
        activities: "took part … in a SOCIEUX+ action with the CPS" (its experts take part in an
        action; participants attend its workshops)."""
        for k in range(j + 1, min(end, j + ACTION_OBJECT_WORDS)):
            tok = doc[k]
            if tok.text in CLAUSE_ENDS or tok.text == "," or "\n" in tok.text:
                return False
            if tok.lower_ in ("action", "actions") and doc[k - 1].lower_ in ("socieux+", "socieux", "a", "the", "this"):
                return True
        return False


#: words before a country that make it a destination, never a premodifier of the noun after it ("to Senegal
#: three experts")
DESTINATION_WORDS = frozenset({"to", "into", "in", "at", "across", "throughout", "for"})
#: most capitalised words after a country that opens a body's name ("France Travail", "Italia Lavoro")
COUNTRY_NAME_WORDS = 2
#: most tokens between a join verb and its object ("joined the SOCIEUX+ expert team")
JOIN_OBJECT_WORDS = 4
#: most tokens between a participation verb and "action", its object ("took part from January to May 2023 in a
#: SOCIEUX+ action")
ACTION_OBJECT_WORDS = 12
#: a form of "be" followed by a place ("were in Nuku'alofa to run …") does not end the walk to the verb
PRESENCE = frozenset({"was", "were"})
#: most tokens between an institution's country and a restated "and of" ("the Flemish public employment
#: service VDAB and of the Dutch …")
RESTATED_GAP = 8
#: most words of a proper name before its apposition ("SOLAS, the Irish …") or between a region and "of <country>"
#: ("Emilia-Romagna Region of Italy")
APPOSED_NAME_WORDS = 4
#: a place's possessive after it ("Spain's", "Namibia’s", "the Netherlands' UWV")
POSSESSIVES = frozenset({"’s", "'s", "’", "'"})
#: most tokens between an international organisation's name and "from" ("An ILO specialist from …")
INTL_NOUN_WORDS = 3
#: words before "of" that open a list of people ("made up of", "composed of", "consisting of")
MADE_OF = frozenset({"up", "composed", "consisting", "consisted", "comprised"})
#: adverbs between a person's noun and the link word of their institution ("formerly with …")
FORMERLY = frozenset({"formerly", "previously", "currently", "now", "also"})
#: verbs whose subject institution provides the expert noun that is their object (`_seconded_by`)
SECONDING_VERBS = frozenset({"seconded", "delegated", "lent", "loaned", "detached", "provided", "contributed",
                             "mobilised", "mobilized", "released"})
#: words next to a seconding verb that share it among its subjects ("… each seconded an inspector")
SHARED_BY = frozenset({"each", "also", "both", "jointly"})
#: lower-case words between the article and the expert noun after a seconding verb ("a youth guarantee coordinator")
SECONDED_MODIFIERS = 4
#: words that open another clause or phrase before a seconding verb: its subject is then no institution list
SUBJECT_BREAKS = frozenset({"with", "under", "to", "in", "on", "at", "by", "after", "before", "from", "as", "was",
                            "were", "has", "have", "had", "is", "are", "which", "who", "that", "when", "while",
                            "since", "through", "via", "thanks", "following"})
#: most lower-case words of a role without an article after a titled person's name ("Mr Jean-Paul Mabiala,
#: head of the pensions department of …")
BARE_ROLE_WORDS = 8
#: most words between "whose" and the expert noun it governs ("whose chief investment officer")
WHOSE_GAP = 3
#: most tokens of a relative clause between two sources ("from the French …, which manages …, and from …")
RELATIVE_CLAUSE_WORDS = 16
#: most words of a role in Title Case after a titled name ("Ms Sharon Phillip, Chief Compliance Manager at")
TITLED_ROLE_WORDS = 4
#: how far (tokens) a place may resolve an ambiguous demonym before it, and what ends that phrase
PHRASE_WINDOW = 16
PHRASE_BREAKS = frozenset({",", ";", ".", ":"})

#: how many tokens `_predicate` walks to find the verb of a named person
PREDICATE_WINDOW = 40
#: tokens that end the clause a named person opens
CLAUSE_ENDS = frozenset({".", ";", ":", "!", "?", "“", "”", '"'})
#: relative pronouns of a clause between commas ("Ms …, who was in Roseau for a meeting, attended")
RELATIVES = frozenset({"who", "which", "whose", "whom"})
RELATIVE_ENDS = CLAUSE_ENDS | {","}

#: words that may join two parts of one institution's name ("Ministry of Gender, Labour and Social Development")
NAME_COORDINATION = frozenset({"and", ",", "&"})

#: how many words a noun's complement may have before "from" ("a specialist in informal-economy outreach from")
COMPLEMENT_WORDS = 6

#: words after which an institution's name gives an expert's country ("an expert of …", "a counsellor at …")
OF_LINKS = frozenset({"of", "at", "with"})
#: lower-case words after a place that make it a local authority's name ("the Lisbon municipality")
LOCAL_AUTHORITY = frozenset({"municipality", "municipal", "city", "council", "county", "regional", "district"})

#: what may close an apposition that says what an institution is (", the Malaysian social security organisation,")
APPOSITION_ENDS = frozenset({",", ".", ";", ")", "–", "—"})

#: how far back (tokens) a link word may be from the "who" of a person's relative clause, and the words that
#: may come between "who" and its verb ("who has worked at", "who currently heads")
RELATIVE_WORDS = 12
WHO, FOR = get_string_id("who"), get_string_id("for")
OPEN_BRACKET = get_string_id("(")
#: most tokens of a person's bracketed institution and place ("(Labour Office of the Czech Republic, Brno)")
BRACKET_TOKENS = 20
#: per-Doc cache keys of `_may_withdraw` and of the link words restated after "and" ("… and of the …")
WITHDRAW_KEY = "socieux_experts_may_withdraw"
RESTATED_KEY = "socieux_experts_restated_links"
RELATIVE_ADVERBS = frozenset({"has", "had", "also", "currently", "now", "still", "previously", "formerly"})

#: what follows a demonym that stands as a noun ("two Austrians from …", "a Slovak –")
NOUN_FOLLOW = frozenset({"from", "of", "with", "at", "who", "based", "working", "employed", "serving",
                         "–", "—", ")", ".", ";", ":"})

#: auxiliaries and adverbs between an expert phrase and its verb ("had to withdraw", "is expected to join",
#: ", who later withdrew")
PREDICATE_AUX = frozenset({"who", "had", "has", "have", "to", "is", "are", "was", "were", "be", "will", "would",
                           "later", "then", "also", "subsequently", "eventually", "finally", "ultimately",
                           "unfortunately", "however", "expected", "due", "set", "scheduled", "going",
                           "not", "only", "yet"})

#: words of a sentence (for whole-word cues)
_WORDS = re.compile(r"[a-z+]+")

#: dashes that open an apposition after an expert noun
DASHES = frozenset({"–", "—", "-"})

#: an elided French article and its noun, one token ("l'emploi", "d’allocations")
ELIDED = re.compile(r"^[ld]['’]\w+$")


def _person_context(doc: Doc, i: int) -> bool:
    """Token i can open a person's name: after a title ("Ms Mele Tuilagi"), punctuation ("experts:
    Lucía Ortega"), a lower-case word ("prepared by Carmen Peralta") or an "and" that follows
    one of those ("…, and Ion Popescu"); not inside an institution's name ("the Ministry of Labour
    and Social Protection of Cambodia")."""
    for _ in range(2):  # over the first names of a longer name: "Nor Aziah Ismail"
        if i > 0 and _is_name(doc[i - 1]) and not doc[i - 1].is_sent_start \
                and not is_honorific(doc[i - 1].text, cased=False):
            i -= 1
    if i == 0:
        return False
    prev = doc[i - 1]
    if is_honorific(prev.text, cased=False) or prev.text in {",", ":", "(", "–", "—", ";"}:
        return True
    if prev.lower_ in ("and", "&"):
        return i >= 2 and (doc[i - 2].is_punct or doc[i - 2].is_lower)
    if prev.lower_ == "of":  # "The team, made up of Willem de Vries …" (not "the Minister of Labour Ana Costa")
        return i >= 2 and doc[i - 2].lower_ in MADE_OF
    return prev.is_lower and prev.is_alpha and prev.lower_ not in ("the", "for")


def _is_name(tok) -> bool:
    """A word of a person's name: capitalised letters, also with an apostrophe or hyphen ("O'Connor")."""
    return tok.text[:1].isupper() and tok.text.replace("'", "").replace("’", "").replace("-", "").isalpha() \
        and not tok.is_upper


def _hyphen_tail(doc: Doc, j: int) -> bool:
    """Token j is the lower-case part of a hyphenated given name, after a name word: "Ji-woo", "Hong-gil"."""
    return j > 1 and doc[j].is_alpha and doc[j].is_lower and doc[j - 1].text == "-" and _is_name(doc[j - 2]) \
        and not doc[j - 1].whitespace_ and not doc[j - 2].whitespace_


def _indices_of(doc: Doc, words: frozenset[str]) -> list[int]:
    """Token indices whose lower-cased text is one of `words` (array lookup, no Python loop over tokens)."""
    lowers = doc_lowers(doc)
    hit = np.zeros(len(lowers), dtype=bool)
    for w in words:  # a few words: one comparison each is faster than np.isin's sort
        hit |= lowers == get_string_id(w)
    return np.flatnonzero(hit).tolist()


def _restated_links(doc: Doc) -> frozenset[str]:
    """The link words of an institution ("of", "at", "with", "for") that the record restates after "and"."""
    text = doc_text(doc)
    return frozenset(w for w in OF_LINKS | {"for"} if f"and {w} " in text)


def _sentence(doc: Doc, i: int) -> str:
    """The text of the sentence around token i (`base.sentence_span`: the pipeline has no parser)."""
    text = doc_text(doc)
    lo, hi = sentence_span(text, doc[i].idx)
    return text[lo:hi]
