"""Named people in `socieux_experts`: "<Name> from <the … of> <country>", "<Name> of the Romanian National Agency
…", a titled person who did the action's work ("… and Mr Markus Huber of the Austrian AMS ran three webinars"),
people introduced before their names, bracketed institutions after names, and the verb a named person is the
subject of (work, participation, withdrawal). A mixin of `ExpertsComponent` (experts.py): it reads the
component's lexicon (`self.lex`, `self._is`) and walk limit (`self.window`).
"""

from __future__ import annotations

import re
from bisect import bisect_left

import numpy as np
from spacy.tokens import Doc

from pipeline.components.base import doc_lowers, doc_text, is_honorific, sentence_span
from pipeline.components.expert_tokens import (ACTION_OBJECT_WORDS, BARE_ROLE_WORDS, BRACKET_TOKENS, CLAUSE_ENDS,
                                               FOR, JOIN_OBJECT_WORDS, OF_LINKS, OPEN_BRACKET, POSSESSIVES, PREDICATE_WINDOW,
                                               PRESENCE, RELATIVES, RELATIVE_ADVERBS, RELATIVE_ENDS, RELATIVE_WORDS,
                                               ROLE_CONNECTORS, TITLED_ROLE_WORDS, WHO, hyphen_tail, indices_of, is_name, past_verb,
                                               person_context, sentence_of)
from pipeline.facts import AUTHOR_FIELD, CountryMention, has_fact

#: how far after a person's sentence a "her fellow expert" may name the next expert (a quote may come between)
FELLOW_WINDOW = 300


#: most tokens between two coordinated people's phrases ("(Bundesagentur für Arbeit) and Ms Aoife Byrne")
COORDINATED_GAP = 12


#: verbs of a sentence stating a named person's institution (`_stated_origins`) and the link words after them
STATED_VERBS = frozenset({"works", "worked", "is", "was", "comes", "came", "heads", "headed", "leads", "led",
                          "manages", "managed", "coordinates", "directs", "advises", "advised", "spent", "serves",
                          "served"})
STATED_LINKS = frozenset({"at", "for", "in", "with", "from", "of"})
#: verbs whose object may be the institution itself ("who advises the Maltese Department for …")
STATED_OBJECT_VERBS = frozenset({"heads", "headed", "leads", "led", "manages", "managed", "coordinates", "directs",
                                 "advises", "advised"})
#: most words between the verb and its link word ("heads a department at", "spent many years at")
STATED_GAP = 7
#: sentences before a stated origin that may name the experts: a paragraph's opening sentence, then the person and
#: what they did ("The experts, … and Siobhán Walsh, brought …. Mr Yıldız helped build …; Ms Walsh works for …")
STATED_REACH = 3
#: most tokens from the opening words of a first-person writer's statement of origin to its institution's name
#: ("I have been a labour inspector for nineteen years at the ACT")
AUTHOR_GAP = 20
#: link words before the institution of such a statement
AUTHOR_LINKS = frozenset({"at", "for", "from", "in", "of"})
#: first person singular: a sentence of the writer's own
FIRST_SINGULAR = re.compile(r"\b(?:I|[Mm]y|me)\b")
#: a post's closing signature: a dash, the writer's name, then their role and place after commas
SIGNATURE = re.compile(r"[ \t]*[—–-]{1,2}[ \t]*[A-Z][^\n,]{2,60},")


class PeopleMixin:
    lex: dict[str, frozenset[str]]
    window: int

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
        links = indices_of(doc, self.link_words)
        # a "who" close enough before the link word may open the person's relative clause, which may
        # also end with "for" ("…, who works for Portugal's …")
        whos = np.flatnonzero(lowers == WHO).tolist() if " who " in doc_text(doc) else None
        if whos:
            links = sorted(links + np.flatnonzero(lowers == FOR).tolist())
        links = np.array(links, dtype=np.int64)
        starts = np.array(sorted({m.start for m in at.values()}) + [len(doc) + self.window + 2], dtype=np.int64)
        near = starts[np.searchsorted(starts, links + 1)] <= links + self.window + 1
        author = has_fact(doc, AUTHOR_FIELD)  # a post of one of the experts: "together with <Name> from …"
        named: list[int] = []  # first tokens of the names taken so far
        pending: list[tuple[int, list[CountryMention], str]] = []  # people whose verb was not found after them
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
            if not found or doc[start].is_sent_start and not titled and not all(m.code in self.eu for m in found):
                continue  # a name opening the sentence may be capitalised words of anything: a member state's only
            predicate = self._predicate(doc, found[-1].end)
            if predicate is None:
                pending.append((start, found, via))
            if predicate == "participant":
                continue  # "Ms … of the Dominican Republic's TSS attended the last day of the course"
            sent_low = sentence_of(doc, i).casefold()
            if self._person_cue(sent_low) or self._introduced(doc, start, titled) or self._fellow_next(doc, i) \
                    or author and any(cue in sent_low for cue in self.lex.get("author_person_cue", ())) \
                    or predicate is None and self._next_in_list(doc, start, named):
                if via == "from" or apposition is not None or person_context(doc, start) \
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
        for start, found, via in pending:
            if start not in named and self._coordinated_before(doc, found[-1].end, named):
                # "Lukas Brenner of Germany's Federal Employment Agency (…) and Aoife Byrne of Intreo, …, ran a
                # workshop": the first of two coordinated subjects shares the second's verb
                out += [(m, via) for m in found]
                named.append(start)
        return out

    def _coordinated_before(self, doc: Doc, end: int, named: list[int]) -> bool:
        """A person taken as an expert starts within COORDINATED_GAP tokens after token `end`, past "and" and
        only name-like tokens (capitalised words, brackets, an institution's name words: lex:institution-words,
        a possessive, a title's dot): "(Bundesagentur für Arbeit) and Aoife Byrne"."""
        nxt = min((s for s in named if s > end), default=None)
        if nxt is None or nxt - end > COORDINATED_GAP:
            return False
        between = doc[end:nxt]
        return any(t.lower_ == "and" for t in between) and all(
            t.lower_ == "and" or self._is("name_word", t.text) or t.text in POSSESSIVES or t.text[:1].isupper()
            or t.is_punct
            for t in between) and not any(t.text in (".", ";", ":") for t in between)

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
        text = doc_text(doc)
        k = start - 1 if start and doc[start - 1].lower_ in ("and", "&") else start
        if k >= 1 and doc[k - 1].text == ";":
            # "… experts for the event: Javier Ruiz of the Spanish TGSS; Kadri Tamm of Estonia's …; and Ana …":
            # a list of people whose items semicolons part (each item is a sentence of `sentence_span`)
            prev = max((n for n in named if n < start), default=None)
            between = text[doc[prev].idx : doc[start].idx] if prev is not None else "\n"
            return "\n" not in between and ". " not in between and ":" not in between
        lo, _ = sentence_span(text, doc[start].idx)  # the pipeline has no parser
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
        while k < len(doc) and (is_name(doc[k]) or hyphen_tail(doc, k) or doc[k].text == "-"):
            if self._is("institution_noun", doc[k].text):
                return None
            k += 1
        return k

    def _bracketed_people(self, doc: Doc, at: dict[int, CountryMention]) -> list[CountryMention]:
        """Named people with their institution and its place in brackets, in a sentence about the
        experts (lex:person-cue): "Social work experts Katrin Vogel (Federal Ministry of Labour and
        Social Affairs, Berlin) and …": the place that closes the bracket after a comma, or the country,
        demonym or institution in its own language that opens it ("Kaisa Virtanen (Finnish Centre for
        Pensions)", "Jan Novák (Česká správa sociálního zabezpečení)"), in an EU member state (a place
        elsewhere may be the partner's: "The experts met Ana Costa (Ministry of Labour, Lima)"); or such a person
        opening the sentence right after one about the experts (`_introduced`)."""
        out: list[CountryMention] = []
        for i in np.flatnonzero(doc_lowers(doc) == OPEN_BRACKET).tolist():
            start = self._name_start(doc, i, at)
            if start is None:
                continue
            close = next((k for k in range(i + 1, min(len(doc), i + BRACKET_TOKENS)) if doc[k].text == ")"), None)
            if close is None:
                continue
            first = i + 2 if doc[i + 1].lower_ == "the" else i + 1
            m = at.get(first)
            if m is None or m.start != first or m.end > close or m.kind not in ("country", "demonym") \
                    or m.code not in self.eu:  # "(Finnish Centre for Pensions)", "(Kansaneläkelaitos)"
                m = at.get(close - 1)  # "(Federal Ministry of Labour and Social Affairs, Berlin)"
                if m is None or m.end != close or m.kind not in ("city", "region", "country") or m.code not in self.eu \
                        or doc[m.start - 1].text != "," or m.start - 1 <= i + 1:
                    continue
            titled = start > 0 and is_honorific(doc[start - 1].text, cased=False)
            if self._person_cue(sentence_of(doc, i).casefold()) or self._introduced(doc, start, titled) \
                    or self._bracketed_subject_works(doc, close):
                out.append(m)  # ... or opening the sentence after one about them ("… led by two experts. Dr. Ana
                # Ferreira (Portugal) explained …")
        return out

    def _bracketed_subject_works(self, doc: Doc, close: int) -> bool:
        """The bracketed people are the subject of a verb of the action's work (lex:activity-verbs), after the
        other people coordinated with them: "Anna Kowalska (Zakład Ubezpieczeń Społecznych, ZUS) and Mikko
        Virtanen (Kela) undertook a mission to Ulaanbaatar" (not "The experts met Ana Costa (…)": the object)."""
        k, depth = close + 1, 0
        while k < min(len(doc), close + 1 + COORDINATED_GAP):
            tok = doc[k]
            if tok.text == "(":
                depth += 1
            elif tok.text == ")":
                depth -= 1
            elif depth == 0 and not (tok.text[:1].isupper() or tok.lower_ in ("and", ",")):
                return self._is("activity_verb", tok.text)
            k += 1
        return False

    def _stated_origins(self, doc: Doc, at: dict[int, CountryMention]) -> list[CountryMention]:
        """A named person's institution stated in a sentence of its own or a relative clause, in a record whose
        sentence there or one of the two before speaks of the experts (lex:person-cue): "<Name> works at/for/in
        <institution>", "<Name> is from <institution>", "<Name> is a <role> of/at <institution>", "She heads a
        department at <institution>", "<Name>, an actuary who advises the <institution>", "…, who spent many
        years at <institution>" ("Two experts accompanied the Directorate. Ana Kovač works at the Hrvatski zavod
        za socijalni rad, …"; "Mrs. Soto works in the Servicio Nacional de Capacitación y Empleo (SENCE) of
        Chile"; "Ms Walsh works for the Department of Social Protection in Dublin"): the country the
        institution's name, its own language or its place names."""
        out: list[CountryMention] = []
        text = doc_text(doc)
        for i in indices_of(doc, STATED_VERBS):
            tok = doc[i]
            if i + 2 >= len(doc) or not self._stating_subject(doc, i, at):
                continue
            j = i + 1
            while j < min(len(doc), i + STATED_GAP) and (doc[j].is_lower and doc[j].is_alpha or doc[j].like_num) \
                    and doc[j].lower_ not in STATED_LINKS and doc[j].lower_ != "the":
                if past_verb(doc[j]) and doc[j].lower_ != "based":
                    break  # where a person "was trained" or "educated" is no institution of theirs
                j += 1  # "is a placement officer of …", "heads a department at …", "spent many years at …"
            if doc[j].lower_ in STATED_LINKS:
                j += 1
            elif not (j == i + 1 and doc[j].lower_ == "the" and tok.lower_ in STATED_OBJECT_VERBS):
                continue  # ... or the institution as the object: "advises the Maltese Department for …"
            elif j + 1 < len(doc) and doc[j + 1].is_lower:
                # ... or a unit of it: "heads the labour statistics unit of Chile's Undersecretariat of Labour"
                k = j + 1
                while k < min(len(doc), j + STATED_GAP) and doc[k].is_lower and doc[k].is_alpha \
                        and doc[k].lower_ not in STATED_LINKS:
                    k += 1
                if k >= len(doc) or doc[k].lower_ not in STATED_LINKS:
                    continue
                j = k + 1
            m = self._institution_mention(doc, j, at)
            if m is None:
                continue
            before, _ = sentence_span(text, tok.idx)
            for _ in range(STATED_REACH):  # the sentences just before may name the experts
                before, _ = sentence_span(text, max(0, before - 2))
            if self._person_cue(text[before : m.end_char].casefold()):
                out.append(m)
        return out

    def _author_origins(self, doc: Doc, at: dict[int, CountryMention]) -> list[CountryMention]:
        """In a first-person post whose writer was one of the experts (`AUTHOR_FIELD`), the writer's own
        institution or home, in a sentence with "I", "my" or "me": after a statement's opening words
        (lex:author-work, lex:author-home) and within AUTHOR_GAP tokens of its clause, the first place or
        own-language name (`_institution_mention`) after "at", "for", "from", "in" or "of" ("I have been a labour
        inspector for nineteen years at the ACT in Porto", "I work as a policy officer in Ireland's Department of
        Social Protection", "Back home in Oslo now"), or an apposition right after "my agency" and the like ("At
        my agency, the Czech Social Security Administration, I …"); not a place of an earlier career ("first in Katowice and now
        at …", lex:author-earlier). A signature closing the post ("— Helena Marques, labour inspector, Portugal")
        names the writer's country too."""
        text = doc_text(doc)
        out: list[CountryMention] = []
        starts = [t.idx for t in doc]
        earlier = self.lex.get("author_earlier", frozenset())
        for cue in self.author_origin.finditer(text):
            lo, hi = sentence_span(text, cue.start())
            if not FIRST_SINGULAR.search(text, lo, hi):
                continue
            k = bisect_left(starts, cue.start())
            after = bisect_left(starts, cue.end())
            if after + 1 < len(doc) and doc[after].text == "," and cue.group().casefold().startswith("my "):
                # an apposition naming the writer's institution: "At my agency, the Czech Social Security Administration, I …"
                q = after + 2 if doc[after + 1].lower_ == "the" else after + 1
                m = self._institution_mention(doc, q, at) if q < len(doc) else None
                if m is not None:
                    out.append(m)
                    continue
            for j in range(k, min(len(doc) - 1, k + AUTHOR_GAP)):
                if doc[j].text in CLAUSE_ENDS or doc[j].idx >= hi:
                    break
                if doc[j].lower_ not in AUTHOR_LINKS or doc[j - 1].lower_ in earlier:
                    continue
                q = j + 2 if doc[j + 1].lower_ == "the" else j + 1
                m = self._institution_mention(doc, q, at) if q < len(doc) else None
                if m is not None:
                    out.append(m)
                    break
        last = text.rstrip()
        signature = SIGNATURE.match(last, last.rfind("\n") + 1)
        if signature:  # "— Helena Marques, labour inspector, Portugal"
            out += [m for m in at.values() if m.start_char >= signature.end()]
        return list({m.start: m for m in out}.values())

    def _stating_subject(self, doc: Doc, i: int, at: dict[int, CountryMention]) -> bool:
        """The verb at token i has a person as its subject: a name, a title and a surname ("Mrs. Soto works in
        …"), a pronoun opening the sentence ("She works at …"), or a named person's relative "who" ("Joseph
        Camilleri, who advises …", "Vilma Jankauskaitė, an actuary who advises …"), or a name before an apposition
    ("Mr. Weber, a data scientist, leads …")."""
        if self._named_before(doc, i, at):
            return True
        if i >= 1 and doc[i - 1].text in ("She", "He") and (i == 1 or doc[i - 2].text in (".", "!", "?", ";")):
            return True
        if i >= 4 and doc[i - 1].text == ",":  # "Mr. Weber, a data scientist, leads …": the apposition back to its comma
            k = i - 2
            while k > 0 and i - k <= STATED_GAP and doc[k].is_lower and doc[k].is_alpha:
                k -= 1
            if k < i - 2 and doc[k].text == "," and self._named_before(doc, k, at):
                return True
        if i < 3 or doc[i - 1].lower_ != "who":
            return False
        k = i - 2
        if doc[k].text != ",":  # ", an actuary who": the apposition's words back to its comma
            while k > 0 and i - k <= STATED_GAP and doc[k].is_lower and doc[k].is_alpha:
                k -= 1
            if doc[k].text != ",":
                return False
        return self._named_before(doc, k, at)  # "Joseph Camilleri, who", "Dr Diallo, who"

    def _named_before(self, doc: Doc, k: int, at: dict[int, CountryMention]) -> bool:
        """A person's name ends right before token k: a name (`_name_start`) or a title and a surname ("Mrs. Soto")."""
        return self._name_start(doc, k, at) is not None or k >= 2 and is_name(doc[k - 1]) \
            and is_honorific(doc[k - 2].text, cased=False)

    def _institution_mention(self, doc: Doc, j: int, at: dict[int, CountryMention]) -> CountryMention | None:
        """The first place or own-language name in the institution's name that starts at token j, over its
        name words, brackets and acronyms, a comma before "in" or "the" ("…, in Bonn", "…, the Croatian …")."""
        limit = min(len(doc), j + 2 * self.window)
        while j < limit:
            if j in at:
                return at[j]
            tok = doc[j]
            nxt = doc[j + 1].lower_ if j + 1 < len(doc) else ""
            if not (tok.is_alpha and (tok.text[:1].isupper() or self._is("name_word", tok.text) or tok.lower_ == "in")
                    or tok.text in ("(", ")", "-", "’s", "'s") or tok.text == "," and nxt in ("in", "the")):
                return None
            j += 1
        return None

    def _fellow_next(self, doc: Doc, i: int) -> bool:
        """The text right after token i's sentence names the person's fellow expert ("… explains Ingrid Peeters, from
        Belgium's …. “We came with questions …” Her fellow expert, Maarten Bakker of …, adds": lex:fellow-cues,
        within FELLOW_WINDOW characters), so the person named here was one of the experts too."""
        cues = self.lex.get("fellow_cue", ())
        if not cues:
            return False
        text = doc_text(doc)
        _, hi = sentence_span(text, doc[i].idx)
        following = text[hi : hi + FELLOW_WINDOW].casefold()  # (a quote of the person may come first)
        return any(c in following for c in cues)

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
        if prev.is_lower and not hyphen_tail(doc, i - 1):  # ", a physiotherapist with", ", an employment counsellor of"
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
                    # … and the next name of that list, after "and": "…: Markus Brandt, a medical adviser at the DRV,
                    # and Ewa Nowicka, head of a certification unit at the ZUS"
                    if start is not None and start > 1 and doc[start - 1].lower_ == "and" and doc[start - 2].text == ",":
                        text = doc_text(doc)
                        lo, _ = sentence_span(text, doc[start].idx)
                        if ":" in text[lo : doc[start].idx]:
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
        Compliance Manager at", "Ms Kristiina Tamm, Head of Service Design at" → (first token of the name, the
        comma); only after an honorific, as
        the capitalised words could else be the name itself."""
        j = i - 1
        while j > i - 1 - TITLED_ROLE_WORDS and j >= 0 and doc[j].is_alpha and j not in at \
                and (doc[j].text[:1].isupper() or doc[j].lower_ in ROLE_CONNECTORS and doc[j + 1].text[:1].isupper()):
            j -= 1  # "Head of Service Design at"
        if j == i - 1 or j < 2 or doc[j].text != "," or not doc[j + 1].text[:1].isupper():
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
        whole name; not a word of an institution's name (lex:institution-nouns: "how the Health and Safety
        Executive of the United Kingdom applies …")."""
        j, words, places = k - 1, 0, 0
        while j >= 0 and k - j <= 7:
            tok = doc[j]
            if is_honorific(tok.text, cased=False):
                break
            if is_name(tok) and (not tok.is_sent_start or words >= 1 and j + 1 < k and is_name(doc[j + 1])):
                # (a sentence's first word only as the given name of a name of two words or more: "Lukas Brenner
                # of Germany's …"; the caller wants such a person of a member state's institution)
                m = at.get(j)
                if m is not None and not (m.kind in ("city", "region") and m.start == m.end - 1 == j):
                    break
                places += m is not None
                words += 1
                if tok.is_sent_start:
                    j -= 1
                    break
            elif hyphen_tail(doc, j):
                j -= 2  # the lower-case part of a hyphenated given name and its hyphen: "Park Ji-woo"
                continue
            elif not (words and (self._is("name_particle", tok.text) or tok.text == "-" and j > 0
                                 and (self._is("name_particle", doc[j - 1].text) or is_name(doc[j - 1])))):
                break
            j -= 1
        start = j + 1
        while start < k and not is_name(doc[start]):  # a particle cannot open the name
            start += 1
        if not 2 <= words <= 4 or words - places < 1 or start >= k \
                or not (is_name(doc[k - 1]) or hyphen_tail(doc, k - 1)):
            return None
        if any(self._is("institution_noun", doc[t].text) for t in range(start, k)):
            return None  # a body's words ("how the Health and Safety Executive of the United Kingdom applies …")
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
            if doc[j].lower_ == "invited" and tok.lower_ in ("socieux+", "socieux"):
                return True  # "invited by SOCIEUX+": mobilised by the action
        return False
