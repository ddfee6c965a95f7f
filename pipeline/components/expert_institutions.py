"""Institutions in `socieux_experts`: the country an institution's name holds or its apposition names ("an expert
of the National Insurance Board of Barbados", "Sodra, the State Social Insurance Fund Board of Lithuania", "the
Arbeitsmarktservice (AMS) in Vienna"), an institution that seconded the expert ("Jobsplus, Malta's public employment
service, seconded a counsellor"), and "whose" phrases. A mixin of `ExpertsComponent` (experts.py): it reads the
component's lexicon (`self.lex`, `self._is`) and walk limit (`self.window`).
"""

from __future__ import annotations

import re

import numpy as np
from spacy.strings import get_string_id
from spacy.tokens import Doc

from pipeline.components.base import _member, doc_lowers, doc_text, per_doc, sentence_span
from pipeline.components.expert_tokens import (APPOSITION_ENDS, CLAUSE_ENDS, COUNTRY_NAME_WORDS, FORMERLY,
                                               LOCAL_AUTHORITY, NAME_COORDINATION, OF_LINKS, POSSESSIVES, RELATIVES,
                                               RESTATED_GAP, RESTATED_KEY, SECONDED_MODIFIERS, SECONDING_VERBS,
                                               SHARED_BY, SUBJECT_BREAKS, WHOSE_GAP, past_verb,
                                               restated_links)
from pipeline.facts import CountryMention
from pipeline.languages import name_country

#: words an institution's name follows ("an inspector at Arbetsmiljöverket", "experts from the …")
NAME_OPENERS = ("from", "of", "at", "with", "by")
#: openers of a name only after a person's name ("Tomasz Wiśniewski (Zakład Ubezpieczeń Społecznych)")
PERSON_NAME_OPENERS = ("(",)
#: words before capitalised words that make them no person's name ("the Social Insurance Board (…")
PERSON_NAME_BLOCKS = frozenset({"the", "a", "an", "of", "from", "at"})
#: (sorted LOWER hashes of all the openers, hash of "the"): the openers found with one vectorised look-up
_OPENER_IDS = (np.array(sorted(get_string_id(w) for w in (*NAME_OPENERS, *PERSON_NAME_OPENERS)), dtype=np.uint64),
               get_string_id("the"))
#: a public body's legal form after its name ("Instituto da Segurança Social, I.P.", "…, E.P.E.", "…, asbl")
LEGAL_FORM = re.compile(r"I\.P\.|E\.P\.E\.|S\.A\.|A\.S\.B\.L\.|asbl|ASBL|GmbH|e\.V\.|IP|EPE")
#: most tokens of an institution's name in its own language
OWN_NAME_TOKENS = 10
#: English words that end a name in another language: a coordination, a link word, a verb form after it
NAME_BREAKS = frozenset({"and", "or", "but", "nor", "in", "who", "which", *NAME_OPENERS})
ENGLISH_VERB_ENDS = ("ed", "ing")
#: fewest letters of a name worth identifying the language of (shorter ones are acronyms or words)
OWN_NAME_LETTERS = 6


#: most lower-case words of a unit's name before "of" its institution (lex:unit-nouns end such a name)
UNIT_WORDS = 7

class InstitutionsMixin:
    lex: dict[str, frozenset[str]]
    window: int
    eu: frozenset[str]

    def _own_language_names(self, doc: Doc, mentions: list[CountryMention]) -> list[CountryMention]:
        """Institutions named in their own language right after "from", "of", "at", "with" or "by" (and "the")
        whose language is one member state's own (pipeline/languages.py: "a senior inspector at
        Arbetsmiljöverket" is SE, "experts from the Státní úřad inspekce práce" CZ; not a Romanian name in
        a record naming Moldova), as country mentions for the expert rules only (status inferred); a name
        with a place or a country in it is left to the other rules. A person's name is no institution's: the
        name follows "the", is one word ("at Arbetsmiljöverket") or has a lower-case word other than a
        name particle ("from Nodarbinātības valsts aģentūra"; not "by João Ferreira", "with João da Silva"). When
        the whole run of words is unsure, its capitalised words alone are tried ("Töötukassa presented …").
        After a person's name, the words after "from" or in brackets are the person's institution whatever
        their case ("Tomasz Wiśniewski from Zakład Ubezpieczeń Społecznych", "Kaisa Virtanen
        (Kansaneläkelaitos)"); a bracket elsewhere opens no name."""
        at = {t: m for m in mentions for t in range(m.start, m.end)}  # token -> its mention
        covered = set(at)  # ... and the tokens of the names found here
        named = frozenset(m.code for m in mentions if m.code)
        lowers = doc_lowers(doc)
        n = len(lowers)
        the = _OPENER_IDS[1]
        out = []
        for i in np.flatnonzero(_member(_OPENER_IDS[0], lowers)).tolist():
            # the token that may open a name: after the opener, or after "the"; a capitalised word, not an acronym
            j = i + 2 if i + 2 < n and lowers[i + 1] == the else i + 1
            if j >= n or j in covered:
                continue
            tok = doc[j]
            if not (tok.is_alpha and tok.is_title) or tok.is_upper:
                continue
            person = doc[i].lower_ in ("from", "(") and self._person_ends(doc, i, at)
            if doc[i].text == "(" and not person:
                continue
            k = self._own_name_end(doc, j)
            if any(t in covered for t in range(j, k)) or not (
                    person or doc[j - 1].lower_ == "the" or k == j + 1
                    or any(doc[t].is_lower and not self._is("name_particle", doc[t].text) for t in range(j, k))):
                continue  # a person's name ("led by João Ferreira of …", "composed of Helle Sørensen, of …")
            for end in dict.fromkeys((k, self._capitalised_end(doc, j, k))):
                span = doc[j:end]
                if sum(c.isalpha() for c in span.text) < OWN_NAME_LETTERS:
                    break
                code = name_country(span.text, self.eu, named)
                if code is not None:
                    out.append(CountryMention(j, end, span.start_char, span.end_char, span.text, code, (code,),
                                              "country", "institution:own-language", "inferred"))
                    covered.update(range(j, end))
                    break
        return out

    def _person_ends(self, doc: Doc, i: int, at: dict[int, CountryMention]) -> bool:
        """A person's name ends before token i: capitalised words (`_name_start`) that follow no article,
        link word or country ("Kaisa Virtanen (…", not "the Swedish Pensions Agency (…")."""
        start = self._name_start(doc, i, at)
        return start is not None and not (start > 0 and (start - 1 in at or doc[start - 1].lower_ in PERSON_NAME_BLOCKS))

    @staticmethod
    def _own_name_end(doc: Doc, j: int) -> int:
        """The token after a name in its own language that starts at token j: words of letters (and
        hyphens), a lower-case English stop word only inside it, before a capitalised word ("Styrelsen for
        Arbejdsmarked"), up to OWN_NAME_TOKENS; no line break, no English coordination and no lower-case
        English verb form in -ed or -ing ("… valsts aģentūra joined the team")."""
        k = j + 1
        limit = min(len(doc), j + OWN_NAME_TOKENS)
        while k < limit and "\n" not in doc[k - 1].whitespace_:
            tok = doc[k]
            capitalised_next = k + 1 < len(doc) and doc[k + 1].is_alpha and doc[k + 1].text[:1].isupper()
            if tok.lower_ in NAME_BREAKS or tok.is_lower and tok.is_ascii and tok.lower_.endswith(ENGLISH_VERB_ENDS):
                break  # "at Arbetsmiljöverket and Ing. …", "from Nodarbinātības valsts aģentūra joined …"
            if tok.is_alpha and (tok.text[:1].isupper() or not tok.is_stop or capitalised_next):
                k += 1
            elif tok.text == "-" and k + 1 < limit and doc[k + 1].is_alpha:
                k += 2
            else:
                break
        while k > j + 1 and doc[k - 1].is_stop and doc[k - 1].is_lower:
            k -= 1
        return k

    @staticmethod
    def _capitalised_end(doc: Doc, j: int, k: int) -> int:
        """The token after the capitalised words that open the name j..k."""
        e = j + 1
        while e < k and doc[e].text[:1].isupper():
            e += 1
        return e

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
            found = self._unit_of(doc, j, at)
        if found is None:
            return []
        # a second institution restating the link word: "experts of the Belgian National Institute
        # for the Social Security of the Self-employed (INASTI) and of the Portuguese Institute …",
        # also after lower-case words of the first name ("of the Flemish public employment service
        # VDAB and of the Dutch …")
        if doc[i].lower_ in per_doc(doc, RESTATED_KEY, restated_links):
            k = self._name_end(doc, found[0].end)
            k = self._restated_link_at(doc, k, doc[i].lower_, at)
            if k is not None:
                return [found] + self._of_institution(doc, k, at, links)
        if not found[1] and found[0].start > 0 and (
                found[0].kind == "country" and doc[found[0].start - 1].lower_ in ("of", "(")
                or found[0].end < len(doc) and doc[found[0].end].text == "("):
            # the same bodies of coordinated countries: "experts of the public employment services of Croatia and
            # Slovenia"; bodies with their country in brackets: "Experts of the ISS (Portugal) and the TGSS (Spain)", "of
            # the SEPE (Spain) and ANPAL (Italy)"
            return [found] + [(m, False) for m in self._list_from(doc, found[0].start, at, +1)[1:] if m.kind == "country"]
        return [found]

    def _unit_of(self, doc: Doc, j: int, at: dict[int, CountryMention]) -> tuple[CountryMention, bool] | None:
        """A unit named in lower case, then "of" a country's institution: "a senior inspector with the occupational
        safety and health division of Finland's Regional State Administrative Agency" (the institution's country)."""
        k = j
        while k < len(doc) and k - j < UNIT_WORDS and k not in at and doc[k].is_lower and doc[k].is_alpha \
                and doc[k].lower_ != "of":
            k += 1
        if k == j or k + 1 >= len(doc) or not self._is("unit_noun", doc[k - 1].text) or doc[k].lower_ != "of":
            return None
        m = at.get(k + 1)
        if m is not None and m.kind == "country" and m.end < len(doc) and doc[m.end].text in POSSESSIVES:
            return m, True
        return self._institution_country(doc, k + 2 if doc[k + 1].lower_ == "the" else k + 1, at)

    @staticmethod
    def _restated_link_at(doc: Doc, k: int, link: str, at: dict[int, CountryMention]) -> int | None:
        """Position of a restated link word ("and of", ", of") at most RESTATED_GAP words from token k, with
        only name words (no place, no clause break) before it; None if there is none."""
        for j in range(k, min(len(doc) - 1, k + RESTATED_GAP)):
            tok = doc[j]
            if tok.lower_ in ("and", ",") and doc[j + 1].lower_ == link \
                    and not (j + 2 < len(doc) and doc[j + 2].lower_ in RELATIVES):
                return j + 1  # "… and of the Portuguese Institute", "… Bundesagentur für Arbeit, of the Austrian AMS"
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
            while 0 < e < limit and doc[e].is_alpha and (doc[e].is_lower or doc[e].text[:1].isupper()):
                e += 1  # ", Malaysia's social security organisation", ", Angola's National Institute of Employment"
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
            if tok.text == "," and j + 2 < len(doc) and LEGAL_FORM.fullmatch(doc[j + 1].text) and j > first:
                j += 3 if doc[j + 2].text == "," else 2  # the body's legal form: "Instituto da Segurança Social, I.P., in …"
                continue
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
            if j > first and (past_verb(tok) or self._is("met_verb", tok.text)) and doc[j - 1].text[:1].isupper():
                return None  # a verb after the name ends it: "managers of the Agency visited the Central Office in …"
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
