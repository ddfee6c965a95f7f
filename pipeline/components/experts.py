"""`socieux_experts`: countries whose experts the action mobilised (EXTRACTION_SPEC expert_countries).

The component and its lists of countries around expert nouns are here; named people are read by
expert_people.py, institutions' countries by expert_institutions.py (both mixins of `ExpertsComponent`), and
the words and limits they share are in expert_tokens.py.

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

import re
from dataclasses import replace
from functools import lru_cache

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc

from pipeline.components.base import (PatternComponent, WindowedMatcher, doc_text, honorifics, is_honorific, per_doc,
                                      sentence_span, town_mentions)
from pipeline.components.countries import inner_hyphen
from pipeline.components.expert_institutions import InstitutionsMixin
from pipeline.components.expert_people import FIRST_SINGULAR, PeopleMixin
from pipeline.components.expert_tokens import (STAY_VERBS, AGENT_BLOCKERS, AGENT_LEAD, AGENT_VERB_WORDS, APPOSED_NAME_WORDS,
                                               PREDICATE_WINDOW, CLAUSE_ENDS, COMPLEMENT_WORDS, DASHES,
                                               DESTINATION_WORDS, ELIDED, INTL_NOUN_WORDS, NAME_COORDINATION,
                                               NOUN_FOLLOW, OF_LINKS, PHRASE_BREAKS, PHRASE_WINDOW, PREDICATE_AUX,
                                               RELATIVE_CLAUSE_WORDS, RELATIVES, SENTENCE_WORDS, WITHDRAW_KEY,
                                               is_name, past_verb, sentence_of)
from pipeline.components.modality import COMPONENT_KEY as MODALITY_KEY, cited_clauses, unrealised
from pipeline.eu import load_membership
from pipeline.known_institutions import known_institutions
from pipeline.facts import AUTHOR_FIELD, ECHO_FIELD, CountryMention, Fact, add_fact, field_span
from pipeline.towns import town_countries, town_heads


#: determiners that open a new noun phrase after a comma (another clause's subject)
CLAUSE_DETERMINERS = frozenset({"the", "a", "an", "its", "their", "this", "these", "his", "her"})


@Language.factory("socieux_experts")
def make_experts(nlp: Language, name: str) -> "ExpertsComponent":
    return ExpertsComponent(nlp, name)


#: stop words that may stand inside an institution's name between capitalised words ("Agency for Employment")
NAME_INNER_STOPS = frozenset({"for", "on"})


#: most tokens after "took part" to the contributor's verb or role ("took part online, presenting …")
CONTRIBUTION_WORDS = 4
#: forms of "take" before "part"
TAKE_FORMS = frozenset({"took", "take", "takes", "taking", "taken"})


#: most words of the noun phrase after a demonym before its verb, and the words that end that phrase
NOUN_PHRASE_WORDS = 6
PHRASE_ENDS = frozenset({"in", "of", "and", "at", "for", "with", "from", "to", "on", "who", "which", "that", "by"})


#: a verb of visiting a place (`ExpertsComponent._where_visited`)
_VISITED = re.compile(r"\b(?:visited|visiting|toured|touring)\b", re.IGNORECASE)
#: what may open a ", where" clause before its subject's demonym: "where Slovak practitioners", "where the Estonian …"
_WHERE_SUBJECT = re.compile(r"(?:(?:the|a|an|two|three|four|five|six|several|some|senior)\s+)?", re.IGNORECASE)


class ExpertsComponent(PeopleMixin, InstitutionsMixin, PatternComponent):
    def _compile(self) -> None:
        self.matcher = WindowedMatcher(self.nlp.vocab)
        self.lex: dict[str, frozenset[str]] = {}
        self.tentative: set[str] = set()  # noun rules whose non-member countries are tentative
        self.only_from: set[str] = set()  # noun rules that name an origin only after "from" ("a team from …")
        self.eu = frozenset(load_membership())
        self.eu_town_heads: frozenset[str] | None = None
        self.author = WindowedMatcher(self.nlp.vocab)  # the writer says they were one of the experts
        # member states' institutions known by a name without a country word ("Pôle emploi", "ZUS")
        self.institutions = PhraseMatcher(self.nlp.vocab, attr="ORTH")
        for name, code in known_institutions().items():
            self.institutions.add(code, [self.nlp.make_doc(name)])
        for p in self.patterns:
            if p.get("kind") == "author_expert":
                self.author.add(p["id"], p["pattern"])
            elif "pattern" in p:
                self.matcher.add(p["id"], p["pattern"])
                if p.get("tentative"):
                    self.tentative.add(p["id"])
                if p.get("only_from"):
                    self.only_from.add(p["id"])
            else:
                self.lex[p["kind"]] = frozenset(w.casefold() for w in p["words"])
        self.window = int(next(iter(self.lex.get("window", {"8"}))))
        # a first-person writer's own institution or home (lex:author-work, lex:author-home), see _author_origins
        opening = self.lex.get("author_home", frozenset()) | self.lex.get("author_work", frozenset())
        self.author_origin = re.compile(r"(?i)\b(?:%s)\b" % "|".join(
            map(re.escape, sorted(opening, key=len, reverse=True))) if opening else "(?!)")
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
        author = self._author(doc)
        if author is not None:
            add_fact(doc, author)
        mentions = self._resolve_in_phrase(doc, doc._.countries or [])
        mentions = sorted([*mentions, *self._eu_towns(doc, mentions)], key=lambda m: m.start)
        mentions = sorted([*mentions, *self._own_language_names(doc, mentions)], key=lambda m: m.start)
        mentions = sorted([*mentions, *self._known_institutions(doc, mentions)], key=lambda m: m.start)
        if not mentions:
            return doc
        at = {}
        for m in mentions:
            for t in range(m.start, m.end):
                at[t] = m
        found: dict[tuple[int, str], Fact] = {}  # one fact per mention: the first firm one, else the first

        cited = self._cited_spans(doc)  # once per record: every emit reads them
        withdrawn = self._withdrawal_phrases(doc)
        visited = lru_cache(maxsize=1)(lambda: self._visited(doc))  # read only for professions

        def emit(m: CountryMention, rule: str, tentative: bool = False, one: bool = True, firm: bool = False,
                 placed: bool = False) -> None:
            if any(lo <= m.start_char < hi for lo, hi in cited):
                return  # "action 2020-33, in which Belgian and French experts had helped …": that action's
            if withdrawn and self._withdrawn_in_sentence(doc, m, withdrawn):
                return  # "A Tunisian peer expert had been invited to join …, but her participation was … cancelled"
            if self._where_visited(doc, m):
                return  # "… visited the Central Office in Bratislava, where Slovak practitioners presented …": hosts
            if rule.rsplit(":", 1)[0] in self.tentative:
                if self._in_visit(doc, m) or any(m.code == code and m.start_char >= after for code, after in visited()) \
                        and not self._does_the_work(doc, m):
                    return  # "a study visit to Lisbon, where Portuguese officials presented …": hosts; so are, anywhere in
                    # the record, the professions of a visit's country ("“The Finnish counsellors spend forty minutes …”"
                    # after "travelled to Finland for a study visit")
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
                    and not self._together_with(doc, start)
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
            if not (before or after or of) or (rule in self.tentative or all(
                    m.code not in self.eu for m in [*before, *after, *(m for m, _ in of)])) \
                    and self._predicate(doc, end) == "participant" \
                    and not (rule not in self.tentative and self._take_part(doc, max([end] + [m.end for m in after]))):
                # (experts named as such who "took part" in the event were mobilised for it: "an expert from Chile's
                # National Training and Employment Service (SENCE) took part online, presenting …")
                continue  # "An official of the Dominican Republic's Ministry attended the training as an observer",
                # "Two specialists of the State Employment Service of Ukraine followed the workshop as observers"
            if self._met(doc, min([start] + [m.start for m in before])):
                continue  # "In Bucharest, it met the specialists of the Romanian National Agency": hosts
            if self._may_withdraw(doc) and self._withdrawn(
                    doc, max([end] + [m.end for m in after] + [m.end for m, _ in of])):
                continue  # "A third expert, from Indonesia's BPJS, had to withdraw …": not mobilised
            one = self._one_person(doc, start, end, at)
            team = self._team_of(doc, start, at)  # "a team of French and Ivorian labour inspectors"
            # people doing the action's work are its experts, not participants: "Brazilian and Spanish labour
            # inspectors delivered an e-learning course", "a training … delivered by labour inspectors from
            # Spain and Chile"; not the officials of an institution ("Senior Officials of Ghana's Ministry of Labour
            # ran a workshop": the partner's own)
            acting = rule in self.tentative and (
                self._acts(doc, min([start] + [m.start for m in before]), max([end] + [m.end for m in after]))
                or self._by_agent(doc, min([start] + [m.start for m in before])))
            for m in before:
                emit(m, f"{rule}:premodifier", one=one or team or acting, firm=team or acting)
            demonyms = {m.code for m in before if m.kind == "demonym"}
            mobilised = self._mobilised(doc, start)
            sent = self._mobilised_after(doc, end)  # "Three lecturers mobilised by SOCIEUX+ – from …"
            for m in after:
                if demonyms and m.code not in demonyms and m.kind in ("city", "region"):
                    continue  # "A Swiss case-management specialist from Suva": the Swiss insurer, not Fiji's capital
                # "a colleague from Kenya's State Department"; one person from a city: "an e-services manager
                # from Roseau"
                emit(m, f"{rule}:from", one=one or sent or acting, firm=True, placed=one or sent)
            for m, possessive in of:
                # one person of an institution in a city ("a medical adviser of the Compensation Fund in
                # Pretoria") is placed there as firmly as by a country name
                emit(m, f"{rule}:of-institution", tentative=not (possessive or mobilised) and m.code not in self.eu,
                     one=one or team, firm=mobilised, placed=True)
        for m, via in self._named_experts(doc, at):
            emit(m, f"person:{via}", tentative=via in ("of", "active") and m.code not in self.eu)
        for m in self._bracketed_people(doc, at):
            emit(m, "person:bracket")
        for m in self._stated_origins(doc, at):
            emit(m, "person:stated", tentative=m.code not in self.eu)
        if author is not None:
            for m in self._author_origins(doc, at):
                emit(m, "person:author", tentative=m.code not in self.eu)
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

    def _acts(self, doc: Doc, start: int, end: int) -> bool:
        """The people named at tokens [start, end) are the subject of a verb of the work (`_predicate`, over an
        institution's name or coordinated people: "Brazilian and Spanish labour inspectors delivered …",
        "Brazilian social workers from the … (SUAS) and a Portuguese expert from … designed …"): not a
        preposition's object ("together with Nepali labour inspectors and drafted …"), not before a participle
        ("Armenian labour inspectors trained in risk-based planning") nor a participant's verb or a comma in
        between ("…, who attended as observers, shared …", "A Costa Rican official, an expert of …, … supported"); a stay is no work ("social workers … from Georgia's … spent a
        week in Finland": a visit's participants)."""
        if start > 0 and doc[start - 1].lower_ in AGENT_BLOCKERS or self._predicate(doc, end) != "activity":
            return False
        for j in range(end, min(len(doc), end + PREDICATE_WINDOW)):
            low = doc[j].lower_
            if self._is("participant_verb", low) or low in ("observer", "observers") or low == ",":
                return False  # a list of other people in between ("A Costa Rican official, an expert of …")
            if self._is("activity_verb", low):
                return low not in STAY_VERBS and not (j + 1 < len(doc) and doc[j + 1].lower_ in AGENT_BLOCKERS)
        return False

    def _met(self, doc: Doc, start: int) -> bool:
        """The noun phrase from token `start` is the object of a verb of meeting (lex:met-verbs), over "with", an
        article or a count: the people met, not mobilised."""
        k = start - 1
        while k >= 0 and start - k <= 3 and (doc[k].lower_ in ("with", "the", "a", "an", "their", "its", "some")
                                               or doc[k].like_num):
            k -= 1
        return k >= 0 and self._is("met_verb", doc[k].text)

    def _take_part(self, doc: Doc, end: int) -> bool:
        """The clause after token `end` says its subject took part or participated (before any other verb of a
        participant: "attended", "observed") as a contributor: a verb of the work in -ing right after ("took part
        online, presenting apprenticeship schemes"), or "as" a speaker (lex:contributor-roles); not "Experts from
        Peru took part, while an official presented …" (the partner's people)."""
        for j in range(end, min(len(doc), end + PREDICATE_WINDOW)):
            low = doc[j].lower_
            if low in CLAUSE_ENDS or low in ("attended", "observed", "followed", "listened", "benefited"):
                return False
            if low.startswith("participat") or low == "part" and j > 0 and doc[j - 1].lower_ in TAKE_FORMS:
                for k in range(j + 1, min(len(doc), j + 1 + CONTRIBUTION_WORDS)):
                    t = doc[k].lower_
                    if t == "as" and k + 1 < len(doc) and (self._is("contributor_role", doc[k + 1].text) or k + 2 < len(doc)
                                                           and self._is("contributor_role", doc[k + 2].text)):
                        return True
                    if t.endswith("ing") and self._is("activity_verb", t[:-3] + "ed"):
                        return True  # "presenting" (presented), "sharing"
                    if t in CLAUSE_ENDS or t in ("while", "whereas", "but", "and"):
                        return False
                return False
        return False

    def _by_agent(self, doc: Doc, start: int) -> bool:
        """The people named from token `start` are the agent of a verb of the work before them ("a training of
        trainers delivered in Arequipa … by labour inspectors from Spain"): "by" before them (over a count, an
        article or a modifier: "labour") and an activity verb (lex:activity-verbs) before it in the clause."""
        k = start - 1
        while k >= 0 and start - k <= AGENT_LEAD and (doc[k].like_num or doc[k].lower_ in ("a", "an", "the")
                                                       or doc[k].is_alpha and doc[k].is_lower and not doc[k].is_stop):
            k -= 1
        if k < 0 or doc[k].lower_ != "by":
            return False
        for j in range(k - 1, max(-1, k - AGENT_VERB_WORDS), -1):
            if doc[j].text in CLAUSE_ENDS or "\n" in doc[j].text:
                return False
            if self._is("participant_verb", doc[j].lower_):
                return False  # "…, was attended by officials from Bolivia": participants
            if self._is("activity_verb", doc[j].lower_):
                return True
        return False

    def _author(self, doc: Doc) -> Fact | None:
        """The writer of a first-person post says, in a sentence with "I", "my" or "me", that they were one of
        the action's experts (kind `author_expert`: "I worked, as a Polish expert, with …", "my first SOCIEUX+
        assignment", "whether I would join action 2023-12"): an `AUTHOR_FIELD` marker on its words."""
        text = doc_text(doc)
        for match_id, start, end in self.author(doc):
            if FIRST_SINGULAR.search(text, *sentence_span(text, doc[start].idx)):
                span = doc[start:end]
                return Fact(AUTHOR_FIELD, None, span.start_char, span.end_char, span.text,
                            self.nlp.vocab.strings[match_id])
        return None

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
            sent = sentence_of(doc, m.start).casefold()
            # "The advice was given by two Danes working at …": the people who did the work
            by_work = m.start >= 2 and doc[m.start - 2].lower_ == "by" and self._person_cue(sent)
            if not (by_work or any(w in cues for w in SENTENCE_WORDS.findall(sent))) \
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

    def _modality(self, doc: Doc) -> bool:
        """Make `socieux_modality` mark the doc now (that component runs after this one; its own run later only
        resets the cache); False without it."""
        if MODALITY_KEY not in doc.user_data:
            if "socieux_modality" not in self.nlp.pipe_names:
                return False
            self.nlp.get_pipe("socieux_modality")(doc)
        return True

    def _unrealised(self, doc: Doc, tok) -> bool:
        """`socieux_modality`'s reading of the activity a token names."""
        return self._modality(doc) and unrealised(doc, tok.idx, tok.idx + len(tok.text))

    def _known_institutions(self, doc: Doc, mentions: list[CountryMention]) -> list[CountryMention]:
        """Member states' institutions named without a country word (pipeline/known_institutions.py: "at Pôle
        emploi" FR, "of the SEPE" ES, "from ZUS" PL), as country mentions for the expert rules only (inferred),
        where no other mention covers their words."""
        covered = {t for m in mentions for t in range(m.start, m.end)}
        out = []
        for match_id, start, end in self.institutions(doc):
            if any(t in covered for t in range(start, end)):
                continue
            if start > 0 and doc[start - 1].is_alpha and not doc[start - 1].is_sent_start and (
                    doc[start - 1].text[:1].isupper() or self._is("institution_noun", doc[start - 1].text)):
                continue  # the end of a longer name the other rules read: "the Basque Employment Service Lanbide",
                # "the French public employment service Pôle emploi"
            span = doc[start:end]
            code = self.nlp.vocab.strings[match_id]
            out.append(CountryMention(start, end, span.start_char, span.end_char, span.text, code, (code,), "country",
                                      "institution:known", "inferred"))
            covered.update(range(start, end))
        return out

    def _withdrawal_phrases(self, doc: Doc) -> list[str]:
        """The lex:withdrawal-sentence phrases the record holds (most hold none)."""
        low = doc_text(doc).casefold()
        return [p for p in self.lex.get("withdrawal_sentence", ()) if p in low]

    @staticmethod
    def _withdrawn_in_sentence(doc: Doc, m: CountryMention, phrases: list[str]) -> bool:
        """The mention is the only country of its sentence, and the sentence goes on to say that expert was not
        mobilised (one of `phrases`, lex:withdrawal-sentence: "…, but her participation was eventually cancelled")."""
        text = doc_text(doc)
        lo, hi = sentence_span(text, m.start_char)
        after = text[m.end_char:hi].casefold()
        if not any(p in after for p in phrases):
            return False
        return all(c.code == m.code for c in doc._.countries or [] if lo <= c.start_char < hi)

    def _cited_spans(self, doc: Doc) -> list[tuple[int, int]]:
        """Char ranges of relative clauses describing an earlier action the record builds on ("The action follows up
        on action 2020-33, in which Belgian and French experts had helped ANETI …": that action's experts;
        `socieux_modality.cited_clauses`)."""
        return cited_clauses(doc) if self._modality(doc) else []

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
        """The noun names one person with an indefinite article ("a Costa Rican official", "a
        colleague from Kenya's …") or as a bare role after a name ("Kwame Mensah, safety officer at …"); a
        group of officials from other countries is mostly participants ("Officials from Niger and Burkina
        Faso also attended")."""
        if doc[end - 1].lower_.endswith("s"):
            return False
        for i in range(start - 1, max(-1, start - 6), -1):
            if doc[i].lower_ in ("a", "an"):
                return True
            if doc[i].text == "," and i > 0 and i - 1 not in at and is_name(doc[i - 1]):
                return True  # a bare role after a person's name: "Kwame Asante-Boateng, occupational safety officer at …"
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
    def _together_with(doc: Doc, start: int) -> bool:
        """The noun at `start` joins the experts named before it: "… a Portuguese expert … together with a peer
        from …", "along with a peer", "alongside two peers", "together with a Moldovan peer" (not "engaged with
        peers from …": the partner's)."""
        k, names = start - 1, 0
        while k >= 0 and (doc[k].lower_ in ("a", "an", "one", "two", "three") or doc[k].like_num
                          or doc[k].is_title and names < 3):
            names += doc[k].is_title
            k -= 1
        return k >= 0 and (doc[k].lower_ == "alongside" or doc[k].lower_ == "with" and k > 0
                           and doc[k - 1].lower_ in ("together", "along"))

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
        counsellor … delivered three webinars, followed by a study tour to Luxembourg"), or the sentence before
        names the visit and its hosts of the same country."""
        text = doc_text(doc)
        lo, hi = sentence_span(text, m.start_char)
        comma = text.find(",", m.end_char, hi)
        sent = text[lo:comma if comma != -1 else hi].casefold()
        if any(cue in sent for cue in self.lex.get("visit_cue", ())):
            return True
        # ... or the sentence before speaks of the visit and of that country's hosts: "Hosted by the Lithuanian
        # Ministry …, the delegation saw how … Lithuanian officials also presented their experience"
        before = text[:lo].rstrip()
        if not before or m.code is None:
            return False
        plo, _ = sentence_span(text, len(before) - 1)
        prev = text[plo : len(before)].casefold()
        return any(cue in prev for cue in self.lex.get("visit_cue", ())) \
            and any(cue in prev for cue in self.lex.get("visit_host_cue", ())) \
            and any(c.code == m.code and plo <= c.start_char < len(before) for c in doc._.countries or [])

    @staticmethod
    def _where_visited(doc: Doc, m: CountryMention) -> bool:
        """The mention opens the subject of a ", where" clause after a place someone visited: "Ten managers of the Agency
        visited the Central Office … in Bratislava, where Slovak practitioners presented …": whoever visited, the
        people found there are the hosts."""
        text = doc_text(doc)
        lo, _ = sentence_span(text, m.start_char)
        where = text.rfind(", where ", lo, m.start_char)
        return where != -1 and _WHERE_SUBJECT.fullmatch(text, where + len(", where "), m.start_char) is not None \
            and _VISITED.search(text, lo, where) is not None

    def _does_the_work(self, doc: Doc, m: CountryMention) -> bool:
        """The mention's people do the action's work: a verb of it (lex:activity-verbs) right after their noun
        phrase ("two Portuguese labour inspectors delivered a training in Maputo"), so they are no visit's hosts
        (not "They met officials of the Portuguese social security administration in charge of … and visited …":
        the visitors' verb), unless that verb is what hosts do for visitors (lex:host-verbs: "presented")."""
        for t in doc[m.end : m.end + NOUN_PHRASE_WORDS]:  # their own verb, right after their noun phrase
            if self._is("host_verb", t.text):
                return False  # what hosts do for the visitors: "officials of the Dutch Social Insurance Bank presented …"
            if self._is("activity_verb", t.text):
                return True
            if not t.is_alpha or t.lower_ in PHRASE_ENDS:
                return False
        return False

    def _visited(self, doc: Doc) -> list[tuple[str, int]]:
        """(code, end of the visit's sentence) of the places a sentence speaking of a visit names as its
        destination, after "to" or "in" (lex:visit-cues: "eight of us travelled to Finland for a study visit hosted
        by the TE Services in Helsinki"), or coordinated after one ("travelled to Brussels and The Hague"): the
        professions of that country in the later sentences are the hosts
        ("“The Finnish counsellors spend forty minutes …”"); the visit's own sentence is `_in_visit`'s."""
        text = doc_text(doc)
        low = text.casefold()
        cues = self.lex.get("visit_cue", ())
        if not any(cue in low for cue in cues):
            return []
        found = []
        last_end = -1  # the end of the last destination found: a place coordinated after it is one too
        for c in doc._.countries or []:
            lo, hi = sentence_span(text, c.start_char)
            if c.code and c.start > 0 and any(cue in low[lo:hi] for cue in cues) and (
                    doc[c.start - 1].lower_ in ("to", "in")
                    or doc[c.start - 1].lower_ in ("and", ",", "&") and c.start - 1 == last_end):
                found.append((c.code, hi))  # "travelled to Brussels and The Hague … for a study visit"
                last_end = c.end
        return found

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
                if step > 0 and i + 1 < len(doc) and doc[i].lower_ == "of" and i + 1 in at and at[i + 1].code == m.code:
                    i = at[i + 1].end  # a known body and its own country: "from the SEPE of Spain and from …"
                if step > 0:
                    i = self._after_apposition(doc, i, at, titled=m.kind == "demonym", opens=m.kind == "country")
                continue
            tok = doc[i]
            if step > 0 and found and found[-1].end == i and tok.is_title and tok.is_alpha:
                # the rest of a name the country opens, then an apposition and a restated "from": "from France
                k = self._name_words_end(doc, i, at)  # Travail, the French public employment service, and from ANAPEC, …"
                if k < len(doc) and doc[k].text == "," and self._relative_then_from(doc, k, at) is not None:
                    i = k
                    tok = doc[i]
            if step > 0 and found and tok.text == ",":
                k = self._relative_then_from(doc, i, at)
                if k is not None:  # "from the French Caisse des Dépôts, which manages …, and from the Spanish …"
                    i = k
                    continue
            if self._is("coordination", tok.text) or (step < 0 and tok.text in {"[", "]"}):
                i += step
                continue
            if step > 0 and found and tok.text == ")" and found[-1].end == i and found[-1].start > 0 \
                    and doc[found[-1].start - 1].text == "(":
                i += 1  # a body's country in brackets, then the next body: "from the INPS (Italy) and the CNAV (France)"
                continue
            if step > 0 and (tok.text in {"’s", "'s", "’", "'", "*"}
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
            if step > 0 and found and doc[i - 1].lower_ in ("and", ",", "&", "the"):
                # a listed body with its country in brackets: "from Le Forem (Belgium) and the AEJ (Côte d'Ivoire)",
                # "experts of the SEPE (Spain) and ANPAL (Italy)"
                k = self._name_words_end(doc, i, at, upper=True)
                c = at.get(k + 1)
                if k > i and k + 1 < len(doc) and doc[k].text == "(" and c is not None and c.kind == "country" \
                        and c.end < len(doc) and doc[c.end].text == ")" \
                        and (doc[i - 1].lower_ != "the" or i > 1 and doc[i - 2].lower_ in ("and", ",", "&")):
                    found.append(c)
                    i = c.end + 1
                    continue
            if step > 0 and found and i > 1 and doc[i - 1].lower_ == "the" and doc[i - 2].lower_ in ("and", ",") \
                    and tok.text[:1].isupper():
                named = self._institution_country(doc, i, at, lower=False)
                if named is not None and named[0].kind in ("country", "region") and (
                        named[0].code in self.eu or len(found) >= 2 and not named[1]):
                    # "from the State Labour Inspectorate of Lithuania and the State Labour Inspectorate of
                    # Latvia": a second institution of a member state, which is never the partner's (not "… and
                    # the Ministry of Labour of Peru", the partner's own); "from the State Employment Agency of
                    # Latvia (NVA), the Employment Service of Slovenia (ZRSZ) and the National Employment Service
                    # of Serbia (NSZ)": a third one of a country outside the EU closes a list of institutions
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
                k = self._name_words_end(doc, i, at)
                if k > i and self._restates_from(doc, k):
                    i = k  # "from Maastricht University and from the University of Antwerp": the city's body's name
                    continue
            if step > 0 and found:
                # the listed body's name and place, before a restated "from": "from the Andalusian Employment
                # Service in Spain and from the French Pôle emploi"
                k = self._name_words_end(doc, i, at)
                if k + 1 < len(doc) and doc[k].lower_ == "in" and k + 1 in at \
                        and at[k + 1].kind in ("country", "city", "region") and self._restates_from(doc, at[k + 1].end):
                    i = at[k + 1].end
                    continue
            break
        return found

    def _apposed_demonym(self, doc: Doc, i: int, at: dict[int, CountryMention]) -> CountryMention | None:
        """A short proper name from token i followed by an apposition opened by "the" and a demonym
        ("SOLAS, the Irish further education and training authority"), or a city or region before a
        lower-case noun ("Actiris, the Brussels employment service"), or by a country's possessive before a
        capitalised name ("Tusla, Ireland's Child and Family Agency"): the demonym's, place's or country's mention."""
        k = i
        while k < len(doc) and k - i < APPOSED_NAME_WORDS and k not in at and doc[k].is_alpha \
                and (doc[k].is_upper or doc[k].is_title or k > i and doc[k].is_lower):
            k += 1  # a name in its own language may have lower-case words: "Užimtumo tarnyba, the Lithuanian …"
        if k == i or k + 2 >= len(doc) or doc[k].text != ",":
            return None
        m = at.get(k + 1)
        if m is not None and m.kind == "country" and m.end + 1 < len(doc) and doc[m.end].text in {"’s", "'s"} and (
                doc[m.end + 1].text[:1].isupper()
                or any(self._is("institution_noun", t.text) for t in doc[m.end + 1 : m.end + 2 + APPOSED_NAME_WORDS])):
            return m  # a country's possessive before the institution's name: "Tusla, Ireland's Child and Family Agency",
            # also in lower case: "SOLAS, Ireland's further education and training authority"
        if doc[k + 1].lower_ != "the":
            return None
        m = at.get(k + 2)
        if m is not None and m.kind in ("city", "region") and m.end < len(doc) and doc[m.end].is_lower \
                and doc[m.end].is_alpha:
            return m  # a place named attributively: "the Brussels employment service"
        return m if m is not None and m.kind == "demonym" else None

    @staticmethod
    def _name_words_end(doc: Doc, i: int, at: dict[int, CountryMention], upper: bool = False) -> int:
        """The end of the capitalised words (also in capitals, `upper`) of a short name from token i, before any
        mention: at most APPOSED_NAME_WORDS of them."""
        k = i
        while k < len(doc) and k - i < APPOSED_NAME_WORDS and k not in at and doc[k].is_alpha \
                and (doc[k].is_title or upper and doc[k].is_upper):
            k += 1
        return k

    @staticmethod
    def _name_of_country(doc: Doc, i: int, at: dict[int, CountryMention]) -> int | None:
        """Right after a region or city, its institution's name goes on (in capitalised words, if any) to
        "of" and a country ("Emilia-Romagna Region of Italy"): the country's position, else None."""
        k = ExpertsComponent._name_words_end(doc, i, at)
        if k + 1 >= len(doc) or doc[k].lower_ != "of" or k + 1 not in at:
            return None
        return k + 1 if at[k + 1].kind == "country" else None

    def _relative_then_from(self, doc: Doc, i: int, at: dict[int, CountryMention]) -> int | None:
        """After the comma at token i, a relative clause or an apposition opened by "the", closed by a comma
        and followed by a restated "from" (", which manages the personal training account, and from …", "from
        Actiris, the public employment service of the Brussels-Capital Region, and from the Moroccan agency …"):
        the position of the clause's closing comma, else None."""
        if i + 1 >= len(doc) or doc[i + 1].lower_ not in RELATIVES | {"the"}:
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
        city or region ("Italy (University of Perugia)") or the item's own country again ("the Hrvatski zavod za
        socijalni rad (Croatian Institute for Social Work) and from …") but no other country. After a possessive,
        lower-case words make a name only when the next item restates "from" ("Ireland's supported
        employment network and from Slovenia's …").
        """
        limit = min(len(doc), i + self.window)
        bare = opens and i < len(doc) and doc[i].text[:1].isupper() and doc[i].is_alpha
        j, possessive, loose = i, titled or bare, False
        while j < limit and (j not in at or j > i and possessive and doc[j - 1].lower_ == "of"):
            if j in at:  # the name closes on its country: "the Andalusian Employment Service (SAE) of Spain and from …"
                j = at[j].end
                continue
            text = doc[j].text
            if text == "," and j > i and possessive:
                k = self._named_apposition_end(doc, j, limit)
                if k is not None and self._restates_from(doc, k + 1):
                    j = k  # "French Polynesia's social security fund, the CPS, and from the Caisses …"
                    break
            if text == "(":
                close = next((k for k in range(j + 1, limit) if doc[k].text in {")", "."}), None)
                item = at.get(i - 1)  # the listed item: its own country may be named again in English
                if close is None or doc[close].text != ")" or any(
                        k in at and at[k].kind in ("country", "demonym") and (item is None or at[k].code != item.code)
                        for k in range(j + 1, close)):
                    return i  # ... "the Hrvatski zavod za socijalni rad (Croatian Institute for Social Work) and from …"
                j = close + 1
                continue
            if text in {"’s", "'s", "’", "'"} and j == i:  # also a plain apostrophe: "the Philippines' …"
                possessive = True
            elif possessive and j > i and doc[j].lower_ == "in" and j + 1 in at and at[j + 1].kind in ("city", "region") \
                    and doc[j - 1].text[:1].isupper():
                loose = True  # "the Polish Voivodeship Labour Office in Lublin and from the Latvian …": its city
                j = at[j + 1].end
                continue
            elif possessive and j > i and text in NAME_COORDINATION and self._name_goes_on(doc, j + 1, at):
                pass  # "Slovakia's Central Office of Labour, Social Affairs and Family and from …"
            elif possessive and j > i and inner_hyphen(doc, j) and j + 1 < limit and doc[j + 1].is_alpha:
                if j + 1 in at:  # a hyphen inside the name: "the Greek e-EFKA and the Cypriot …" (EFKA: a body
                    j = at[j + 1].end  # the gazetteer knows)
                    continue
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

    def _mobilised_after(self, doc: Doc, end: int) -> bool:
        """A mobilising verb's participle right after the noun and before "by" (lex:mobilising-verbs): "Three
        lecturers mobilised by SOCIEUX+ – from …" names experts, not the partner's staff or participants."""
        return end + 1 < len(doc) and self._is("mobilising_verb", doc[end].text) and doc[end + 1].lower_ == "by"

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
            elif tok.lower_ == "and" and i >= 1 and self._is("modifier_pair", f"{doc[i - 1].text} and {doc[i + 1].text}"):
                i -= 1  # a fixed pair of modifiers: "an Irish trade union health and safety officer" (lex:modifier-pairs)
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
        if i + 1 < len(doc) and doc[i].text == ":" and i + 1 in at and at[i + 1].kind in ("country", "demonym"):
            # "Experts: Lithuania, Estonia, Georgia." (a field's words inside running text)
            return [m for m in self._list_from(doc, i + 1, at, +1) if m.kind in ("country", "demonym")]
        d = i + 1 if i < len(doc) and doc[i].lower_ in ("team", "teams", "group", "pool") else i
        if d + 1 < len(doc) and (doc[d].text in DASHES or doc[d].text == ","):
            # "the expert team – two Croatians and a Slovak –", "Two labour inspectors, one Belgian and one Czech,"
            j = d + 1
            while j < len(doc) and j not in at and (doc[j].like_num or doc[j].lower_ in ("a", "an", "one")):
                j += 1
            if j in at and at[j].kind == "demonym" and (j > d + 1 or doc[d].text in DASHES):
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
        b = next((k for k in range(end + 1, min(i, len(doc))) if doc[k].lower_ == "by"), None)
        if b is not None and self._is("mobilising_verb", doc[b - 1].text) and not self._is("from_word", low):
            # the mobiliser, then a count and "from": "two experts mobilised by the programme, one from the French …"
            k = i
            while k < min(len(doc), i + 3) and doc[k].text not in DASHES and doc[k].text != "," \
                    and not self._is("from_word", doc[k].text):
                k += 1
            while k < len(doc) and (doc[k].text in DASHES or doc[k].text == "," or doc[k].like_num
                                    or doc[k].lower_ in ("one", "each", "both")):
                k += 1
            if k < len(doc) and self._is("from_word", doc[k].text):
                i, low = k, doc[k].lower_
        # a destination before the origin: "brought experts to North Macedonia from the Netherlands"
        if low in ("to", "in") and i + 1 in at and at[i + 1].kind in ("country", "city", "region"):
            i = at[i + 1].end
            if i + 1 < len(doc) and (doc[i].text in DASHES or doc[i].text in (":", ",")):
                # ... then a count before each origin: "brought a team of three experts to Pristina: one from the
                # Croatian Employment Service, one from …"
                k = i + 1
                while k < len(doc) and (doc[k].like_num or doc[k].lower_ in ("one", "each", "both")):
                    k += 1
                if k > i + 1 and k < len(doc) and self._is("from_word", doc[k].text):
                    i = k
        # the noun's complement before the origin: "a specialist in informal-economy outreach from …",
        # "a statistician on loan from …" (lex:complement-preps)
        elif low in self.complement_preps:
            k = i + 1
            while k < min(len(doc), i + 1 + COMPLEMENT_WORDS) and (
                    doc[k].is_lower and doc[k].is_alpha and not self._is("from_word", doc[k].text)
                    or doc[k].text == "-" and doc[k - 1].is_alpha):
                k += 1
            if k + 1 < len(doc) and doc[k].text == "," and self._is("from_word", doc[k + 1].text):
                k += 1  # "the two experts mobilised for the action, from the Italian …"
            if k > i + 1 and k < len(doc) and self._is("from_word", doc[k].text):
                i = k
        if i >= len(doc) or not self._is("from_word", doc[i].text):
            return []
        return self._from_list(doc, i + 1, at)

    def _from_list(self, doc: Doc, i: int, at: dict[int, CountryMention]) -> list[CountryMention]:
        limit = min(len(doc), i + self.window)
        first = i
        while i < limit and i not in at:
            if doc[i].lower_ == "in" and i + 1 in at and i > first and (doc[i - 1].is_alpha or doc[i - 1].text == ")") \
                    and self._placed_institution(doc, first, i, at[i + 1]):
                i += 1
                break
            # a comma then a determiner before any country starts another clause: "a Cypriot expert
            # from the Social Insurance Services, the Gambian SSHFC modelled …" (but not "from public
            # entities, notably public employment services, of Belgium and France")
            if doc[i].lower_ in NAME_INNER_STOPS and i > first and doc[i - 1].text[:1].isupper():
                # a stop word inside a name: "the National Agency for Employment of Romania", also before "the":
                # "the National Agency for the Promotion of Youth Employment (ANPEJ) of Senegal" (not "from the SEPE
                # for the Ministry of Labour of Peru": another body, the partner's)
                if i + 1 < limit and doc[i + 1].text[:1].isupper():
                    i += 1
                    continue
                if i + 2 < limit and doc[i + 1].lower_ == "the" and doc[i + 2].is_title \
                        and not self._is("body_head", doc[i + 2].text):
                    i += 2
                    continue
            if i > first and past_verb(doc[i]) and doc[i - 1].text[:1].isupper():
                return []  # a verb after the institution's name ends the phrase: "from the Social Security Institute
                # presented the service-voucher practice of Belgium"
            if i > first and self._is("from_word", doc[i].text) and not self._is("coordination", doc[i - 1].text):
                return []  # another noun's "from": "peers from Latin American countries and more than 200
                # participants from Guatemala, El Salvador and Honduras" (not a restated "…, and from …")
            if self._is("stop", doc[i].text) or doc[i].is_sent_start or (
                    doc[i].text == "," and i + 1 < len(doc) and doc[i + 1].lower_ in CLAUSE_DETERMINERS
                    and not self._apposition_of(doc, i + 2, limit, at)):
                return []
            i += 1
        return self._list_from(doc, i, at, +1) if i in at else []

    def _placed_institution(self, doc: Doc, first: int, i: int, place: CountryMention) -> bool:
        """The words first..i (up to "in" at i) name an institution that the place after "in" locates:
        by its city ("peers from the Voivodeship Labour Office in Lublin", also named with a capitalised
        word: "an instructor from the AFPA centre in Saint-Étienne"; in a member state's city, a lower-case name: "from
        a district labour office in Kraków"), or by its country after a proper
        name ("a job counsellor from Le Forem in Belgium"); not an international organisation's office, nor a
        team of one ("from the ILO office in Senegal", "An ILO specialist from the Decent Work Team in Bangkok")."""
        if any(self._is("intl_org", doc[k].text) for k in range(max(0, first - INTL_NOUN_WORDS), i)):
            return False  # "from the ILO office in Bangkok", "An ILO specialist from the Decent Work Team in Bangkok"
        if place.kind == "city":  # a lower-case name too in a city of a member state, never the partner's
            # ("Piotr Nowak from a district labour office in Kraków")
            return doc[i - 1].text[:1].isupper() or any(doc[k].text[:1].isupper() and doc[k].is_alpha
                                                        for k in range(first, i - 1)) or place.code in self.eu
        # ... or by its country after a proper name or its bracketed acronym ("from the Mutualité sociale agricole
        # (MSA) in France")
        return place.kind == "country" and (doc[i - 1].text[:1].isupper() or doc[i - 1].text == ")")

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
