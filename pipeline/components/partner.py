"""`socieux_partner`: the partner (beneficiary) institution's country (EXTRACTION_SPEC partner_country).

Every resolved country mention of the record is a candidate, except mentions
that the spec says are not the partner: expert origins (facts of
`socieux_experts`), study-visit destinations, showcased practices, funders and
participants (context patterns in models/patterns/partner.jsonl; after an `exclude_list` cue,
which names people, a country coordinated right after the one it sets aside is set aside too:
"participants from Jordan and Libya"), and mentions in a sentence
that sets a country aside (a showcased practice "used as a point of comparison", a body that
"was not involved": `sidelined_sentence` phrases) unless an institution-of cue names them, or in a
sentence about people who only watched (`participant_sentence` phrases: "Inspectors from the labour
ministries of Samoa and Tonga joined some of the sessions as observers") whatever cue names them, and
mentions in a visit's ", where …" clause, which names its destination's hosts (the `visit_clause`
entry: "a study tour to Kampala, where a delegation … was hosted by the … Fund of Uganda"). The rest are
scored: a mention in the title or the institution line weighs more than one in
the description, and a mention in a partner cue ("the Ministry of Labour of
Suriname", "the Costa Rican Ministry", "Kosovo*’s commitment", or the partner
institution's own name restated before "in"/"of": "The Instituto de Seguridad Social
in Malabo") adds weight; an institution of a country that "took part" or
"participated" is a participant (`exclude_after_institution`); the nationality of the people an action
serves ("Ethiopian migrant workers", `exclude_served`) is no evidence, but the first last resort of a record
that names no other candidate (rule `partner:served-people`: "tens of thousands of Tajik migrant workers
return from the Russian Federation" → TJ).
When a news item's reference tag names one country, that is the partner (the tag
gives "the action's code, country, …"); else when the title names one country (by
its name or demonym; a city or region of the title, which may have namesakes, only
weighs more) it wins over the description (spec rule).
A tie between different countries leaves the value null with the reason kept
as a `partner_note` fact, rather than a guess. A record with no candidate at all may
still list the partner's small towns, which the gazetteer leaves out: at least two after
"in" that one country outside the EU has all of, two of them no other country's ("the branch
offices in Bar, Pljevlja or Bijelo Polje": ME, rule `partner:towns`, pipeline/towns.py), else a local
authority's town (rule `partner:local-authority`, pipeline/localities.py); a news item's last resort is the
one non-EU country its page head names (rule `partner:page-head`).
"""

from __future__ import annotations

import re
from collections import defaultdict

import numpy as np
from spacy.language import Language
from spacy.strings import get_string_id
from spacy.tokens import Doc

from pipeline.components.base import PatternComponent, WindowedMatcher, doc_lowers, doc_text, sentence_span
from pipeline.components.delivery import quoted_ranges
from pipeline.eu import load_membership
from pipeline.facts import ECHO_FIELD, FIELDS_KEY, KIND_KEY, CountryMention, Fact, add_fact, facts, field_of, field_span
from pipeline.localities import locality_countries
from pipeline.towns import MAX_WORDS as TOWN_WORDS, town_countries


#: "in" as a LOWER hash: the partner's towns are listed after it
IN = get_string_id("in")
#: the words that may join coordinated country names ("Jordan and Libya", "Jordan, Libya or Iraq")
COORDINATION = frozenset({",", "and", "or", "the", "&"})
#: a preposition restated before the next item ("the experience of the Bolivian … and of the Spanish …")
RESTATED = frozenset({"of", "from", "in"})
#: a place's name: capitalised words, joined by the particles of Spanish, Portuguese and French names
#: ("San José de las Lajas", "Vila do Conde")
PLACE_NAME = (r"[A-ZÀ-ÖØ-Þ][\w'’.\-]*(?:[ \t]+(?:(?:de|del|la|las|los|do|da|dos|das|el|sur|en)[ \t]+)?"
              r"[A-ZÀ-ÖØ-Þ][\w'’.\-]*){0,4}")


#: the link words between a restated institution name and the place it is in ("the ACPE in Brazzaville")
RESTATED_LINKS = frozenset({"in", "of", "at"})
#: a country's possessive before the institution's own name ("Jordan's Social Security Corporation")
POSSESSIVE = frozenset({"'s", "’s"})
#: participles that may stand before them ("the Agency, based in Brazzaville")
RESTATED_PLACED = frozenset({"based", "located", "headquartered"})


def institution_names(value: str) -> list[str]:
    """The names a partner institution line gives its institution: the whole line and each part of it
    in or out of brackets ("Social Security Institute [Instituto de Seguridad Social] (INSESO)" ->
    the English name, the own-language name, the acronym), longest first."""
    parts = [value.strip()] + [p.strip(" ,;-–") for p in re.split(r"[\[\]()]", value)]
    names = {re.sub(r"^(?i:the)\s+", "", p) for p in parts}
    return sorted((n for n in names if len(n) > 1 and any(c.isupper() for c in n)), key=len, reverse=True)


def _phrases(phrases: list[str]) -> tuple[re.Pattern[str], re.Pattern[str]] | None:
    """One regex over the lower-cased text for the phrases, and its case-insensitive twin for texts whose
    lower case changes length: a case-insensitive alternation costs ~7x more (re cannot skip ahead on a
    literal prefix), more than lower()."""
    if not phrases:
        return None
    words = "|".join(re.escape(w.lower()) for w in sorted(phrases, key=len, reverse=True))
    return re.compile(words), re.compile(words, re.IGNORECASE)


def _local_authority_regex(before: list[str], after: list[str]) -> re.Pattern[str]:
    """A local authority's noun (any case) and the capitalised name after it ("the Municipality of
    Girardota": group `after_noun`) or before it ("Ouahigouya City Council": group `before_noun`)."""
    def nouns(phrases: list[str]) -> str:
        return "|".join(r"[ \t]+".join(map(re.escape, p.split())) for p in sorted(phrases, key=len, reverse=True))
    return re.compile(rf"\b(?i:{nouns(before)})[ \t]+(?:the[ \t]+)?(?P<after_noun>{PLACE_NAME})"
                      rf"|(?P<before_noun>{PLACE_NAME})[ \t]+(?i:{nouns(after)})\b")


@Language.factory("socieux_partner")
def make_partner(nlp: Language, name: str) -> "PartnerComponent":
    return PartnerComponent(nlp, name)


class PartnerComponent(PatternComponent):
    def _compile(self) -> None:
        self.matcher = WindowedMatcher(self.nlp.vocab)
        self.visit_clause: re.Pattern[str] | None = None
        self.visit_relatives: tuple[str, ...] = ()  # ", where" (also capitalised): a text without one has no clause
        self.local_authority: re.Pattern[str] | None = None
        self.kinds: dict[str, str] = {}
        self.eu = frozenset(load_membership())
        self.weights: dict[str, float] = {}
        sidelined: list[str] = []
        visit_verbs: list[str] = []
        participants: list[str] = []
        for p in self.patterns:
            if p["kind"] == "weight":
                self.weights[p["field"]] = float(p["weight"])
            elif p["kind"] == "sidelined_sentence":
                sidelined += p["phrases"]
                visit_verbs += p.get("visit_verbs", [])
            elif p["kind"] == "participant_sentence":
                participants += p["phrases"]
            elif p["kind"] == "local_authority":
                self.local_authority = _local_authority_regex(p["before"], p["after"])
            elif p["kind"] == "visit_clause":
                visits = "|".join(re.escape(w) for w in p["visit_words"])
                relatives = "|".join(re.escape(w) for w in p["relatives"])
                self.visit_relatives = tuple(f", {form}" for w in p["relatives"] for form in (w, w.capitalize()))
                # a visit word, at most `window` words, then ", where …" up to the clause's end
                self.visit_clause = re.compile(
                    rf"\b(?:{visits})\b(?:\W+\w+){{0,{int(p['window'])}}}?,\s+(?:{relatives})\b([^,;.]*)", re.I)
            else:
                if self.kinds.setdefault(p["id"], p["kind"]) != p["kind"]:
                    raise ValueError(f"partner pattern {p['id']!r} has two kinds ({self.kinds[p['id']]!r}, "
                                     f"{p['kind']!r}): give each kind its own id in models/patterns/partner.jsonl")
                self.matcher.add(p["id"], p["pattern"], p.get("anchor_at"))  # anchor_at: see WindowedMatcher.add
        self.sidelined = _phrases(sidelined)
        self.visit_verbs = re.compile(r"\b(?:" + "|".join(re.escape(w) for w in visit_verbs) + r")\b", re.I) if visit_verbs \
            else None
        self.participants = _phrases(participants)

    @staticmethod
    def _phrases_at(text: str, phrases: tuple[re.Pattern[str], re.Pattern[str]] | None) -> list[int]:
        """Start offsets of the phrases (`_phrases`) in `text`, any case."""
        if phrases is None:
            return []
        low = text.lower()
        if len(low) != len(text):  # a character whose lower case is longer: offsets would shift
            return [m.start() for m in phrases[1].finditer(text)]
        return [m.start() for m in phrases[0].finditer(low)]

    def _aside(self, text: str, start: int) -> tuple[int, int]:
        """The part of the sentence that a sidelining phrase at `start` sets aside: all of it, or only what
        follows its last visit verb before the phrase (the visitors before it are the partner's people: "A
        delegation of six Georgian officials visited the Estonian … Fund … to see how …")."""
        lo, hi = sentence_span(text, start)
        if self.visit_verbs is not None:
            verbs = [m.end() for m in self.visit_verbs.finditer(text, lo, start)]
            if verbs:
                return verbs[-1], hi
        return lo, hi

    def _excluded_before(self, doc: Doc, mentions: list[CountryMention], ends_before: dict[int, list[str]]) -> set[int]:
        """Token starts of the mentions an `exclude_before` or `exclude_list` cue sets aside, with, after
        an `exclude_list` cue (people), the countries coordinated right after the first ("participants
        from Jordan and Libya", "attended by … the services of Jordan, Libya or Iraq")."""
        out: set[int] = set()
        listed: set[int] = set()  # excluded by a list cue: their coordinated followers are too
        previous: CountryMention | None = None
        for m in sorted(mentions, key=lambda m: m.start):
            kinds = ends_before.get(m.start, [])
            if "exclude_list" in kinds:
                out.add(m.start)
                listed.add(m.start)
            elif "exclude_before" in kinds:
                out.add(m.start)
            elif previous is not None and previous.start in listed and self._coordinated(doc, previous, m):
                out.add(m.start)
                listed.add(m.start)
            previous = m
        return out

    def _cued_lists(self, doc: Doc, mentions: list[CountryMention], ends_before: dict[int, list[str]]) -> set[int]:
        """Token starts of the countries coordinated after one with a partner cue: the cue is theirs too
        ("Ministries in charge of social protection of Benin, Togo and Niger": equal evidence, no partner)."""
        out: set[int] = set()
        previous: CountryMention | None = None
        for m in sorted(mentions, key=lambda m: m.start):
            if previous is not None and m.kind == "country" and (
                    previous.start in out or "partner_before" in ends_before.get(previous.start, [])) \
                    and self._coordinated(doc, previous, m):
                out.add(m.start)
            previous = m
        return out

    @staticmethod
    def _coordinated(doc: Doc, previous: CountryMention, m: CountryMention) -> bool:
        """Mention m is coordinated with the one before it: only "and", ",", "or", "the" between, a
        restated preposition ("… and of the Spanish …", "from Jordan and from Libya") or, after a
        demonym, the rest of its name ("the Bolivian Renta Dignidad and of the Spanish …")."""
        between = doc[previous.end : m.start]
        if not len(between) or not any(t.lower_ in ("and", ",", "or", "&") for t in between):
            return False
        return all(t.lower_ in COORDINATION or t.lower_ in RESTATED
                   or (previous.kind == "demonym" and t.is_alpha and t.text[:1].isupper()) for t in between)

    @staticmethod
    def _restated_institution(doc: Doc, mentions: list[CountryMention]) -> set[int]:
        """Token starts of the description's mentions right after the partner institution's own name
        and "in"/"of"/"at" ("The Instituto de Seguridad Social in Malabo requested …", "the ACPE of the
        Congo", "the Agency (ACPE), based in Brazzaville"): the record places its partner there, a cue as
        strong as "the Ministry of … of"; so are a country's possessive or demonym right before that name
        ("Jordan's Social Security Corporation sought …", "the Jordanian Social Security Corporation").
        Token tests first: the institution line is read only for a mention after such a link word or
        before such a name."""
        span = field_span(doc, "partner_institution")
        if span is None:
            return set()
        text = doc_text(doc)
        names: list[str] | None = None
        out: set[int] = set()
        for m in mentions:
            if field_of(doc, m.start_char) not in (None, "description"):
                continue
            if m.end < len(doc) and (doc[m.end].text in POSSESSIVE or m.kind == "demonym"):
                # "Jordan's Social Security Corporation sought …", "the Jordanian Social Security Corporation"
                if names is None:
                    names = institution_names(text[span[0] : span[1]])
                after = text[doc[m.end].idx + (len(doc[m.end].text) if doc[m.end].text in POSSESSIVE else 0):].lstrip()
                if any(after.startswith(n) and (len(after) == len(n) or not after[len(n)].isalnum()) for n in names):
                    out.add(m.start)
                    continue
            k = m.start - 1
            if k >= 0 and doc[k].lower_ == "the":
                k -= 1
            if k < 1 or doc[k].lower_ not in RESTATED_LINKS:
                continue
            j = k - 1
            if doc[j].lower_ in RESTATED_PLACED and j > 0:  # "…, based in Brazzaville"
                j -= 1
            if doc[j].text == "," and j > 0:
                j -= 1
            if doc[j].text == ")" and j > 0:  # "the Agency (ACPE) in …": the acronym
                j -= 1
            if names is None:
                names = institution_names(text[span[0] : span[1]])
            before = text[: doc[j].idx + len(doc[j].text)]
            if any(before.endswith(n) and (len(before) == len(n) or not before[-len(n) - 1].isalnum()) for n in names):
                out.add(m.start)
        return out

    @staticmethod
    def _from_country_field(doc: Doc, mentions: list[CountryMention]) -> bool:
        """A labelled `Country` value ("Country: Ghana", a table's Country column) names the partner's country
        (certain); naming several ("Benin, Togo, Niger": a regional action) it names none, and says so."""
        span = field_span(doc, "country")
        if span is None:
            return False
        named = [m for m in mentions if span[0] <= m.start_char and m.end_char <= span[1]]
        codes = sorted({m.code for m in named})
        if len(codes) == 1:
            m = named[0]
            add_fact(doc, Fact("partner_country", m.code, m.start_char, m.end_char, m.text, "partner:country-field",
                               "certain"))
            return True
        if len(codes) > 1:
            add_fact(doc, Fact("partner_note", None, 0, 0, "", "partner:country-field", "ambiguous",
                               {"reason": "the Country field names " + ", ".join(codes)}))
            return True
        return False  # a value the gazetteer does not know: the other evidence decides

    def _add_last_resort(self, doc: Doc) -> bool:
        """Add the partner that its towns (`_towns_partner`) or, failing them, its local authority's town
        (`_local_authority_partner`) name, if any; whether one was added."""
        fact = self._towns_partner(doc) or self._local_authority_partner(doc)
        if fact is not None:
            add_fact(doc, fact)
        return fact is not None

    def _local_authority_partner(self, doc: Doc) -> Fact | None:
        """A record that names no place the partner could be in may name a local authority by its town
        ("the Municipality of Girardota", "Ouahigouya City Council"): the longest run of the name's
        words that is a GeoNames place (pipeline/localities.py) settles the partner when the places of
        that name are in one country outside the EU, and the record's local authorities agree."""
        if self.local_authority is None:
            return None
        text = doc_text(doc)
        found: set[str] = set()
        first: Fact | None = None
        for match in self.local_authority.finditer(text):
            group = "after_noun" if match.group("after_noun") else "before_noun"
            start, end = match.span(group)
            if field_of(doc, start) is None and doc.user_data.get(FIELDS_KEY):
                continue  # page text outside the record's fields
            words = list(re.finditer(r"\S+", text[start:end]))
            # the name opens after its noun's "of" ("Municipality of Girardota Antioquia") and ends before
            # the noun that follows it ("Policy in Girardota Municipality"): longest candidate first
            spans = [(words[0].start(), words[n - 1].end()) for n in range(len(words), 0, -1)] \
                if group == "after_noun" else [(words[n].start(), words[-1].end()) for n in range(len(words))]
            for a, b in spans:
                b -= text[start + b - 1] == "."  # a sentence's full stop, not an abbreviation's
                codes = locality_countries(text[start + a : start + b]) - self.eu
                if codes:
                    break
            else:
                continue
            if len(codes) != 1:
                return None  # a name that several countries share: no evidence, and no guess
            found |= codes
            if first is None:
                first = Fact("partner_country", next(iter(codes)), start + a, start + b,
                             text[start + a : start + b], "partner:local-authority", "inferred")
        return first if len(found) == 1 else None

    def _towns_partner(self, doc: Doc) -> Fact | None:
        """The last resort of a record that names no place the partner could be in: a list of at least
        two towns too small for the gazetteer after "in" ("the branch offices of the Fund in Bar, Pljevlja
        or Bijelo Polje"; also as modifiers after "in the": "in the Bihać and Cazin offices") that only one country outside the EU has all of, two of them its own only
        (pipeline/towns.py)."""
        found: set[str] = set()
        first: Fact | None = None
        for i in np.flatnonzero(doc_lowers(doc) == IN).tolist():  # the "in"s, without a Python loop over tokens
            tok = doc[i]
            if field_of(doc, tok.idx) is None and doc.user_data.get(FIELDS_KEY):
                continue
            names: list[tuple[int, int, frozenset[str]]] = []  # (start char, end char, countries)
            j = tok.i + 1
            if j + 1 < len(doc) and doc[j].lower_ == "the" and doc[j + 1].text[:1].isupper():
                j += 1  # "in the Bihać and Cazin offices"
            while j < len(doc) and doc[j].text[:1].isupper():
                for n in range(min(TOWN_WORDS, len(doc) - j), 0, -1):
                    span = doc[j : j + n]
                    codes = town_countries(span.text)
                    if codes:
                        names.append((span.start_char, span.end_char, codes))
                        j = span.end
                        break
                else:
                    break
                if j + 1 < len(doc) and doc[j].text == "," and doc[j + 1].lower_ in ("and", "or"):
                    j += 1  # "Bar, Pljevlja, or Bijelo Polje"
                if j + 1 < len(doc) and doc[j].lower_ in (",", "and", "or"):
                    j += 1
                else:
                    break
            shared = frozenset.intersection(*(codes for *_, codes in names)) if len(names) > 1 else frozenset()
            shared = frozenset(c for c in shared if c not in self.eu)  # no EU member state is a partner
            # two of the names are that country's only ("Pljevlja", "Bijelo Polje"): not "in Union and Victoria"
            own = {doc.text[a:b] for a, b, codes in names if len(codes) == 1}
            if len(own) > 1 and len(shared) == 1:
                found |= shared
                if first is None:
                    start, end = names[0][0], names[-1][1]
                    first = Fact("partner_country", next(iter(shared)), start, end, doc.text[start:end],
                                 "partner:towns", "inferred")
        return first if len(found) == 1 else None

    def __call__(self, doc: Doc) -> Doc:
        mentions = [m for m in (doc._.countries or []) if m.code]
        if not mentions:
            if self._add_last_resort(doc):
                return doc
            if doc._.countries:
                add_fact(doc, Fact("partner_note", None, 0, 0, "", "partner:ambiguous-place", "ambiguous",
                                   {"reason": "only ambiguous place names: " + ", ".join(m.text for m in doc._.countries)}))
            return doc
        if self._from_country_field(doc, mentions):
            return doc
        # a tentative expert country (a profession noun's: "a Costa Rican official") may be the partner's
        expert_spans = {(f.start, f.end) for f in facts(doc)
                        if f.field == "expert_country" and not f.extra.get("tentative") or f.field == ECHO_FIELD}
        # ... but the institution it names is the expert's: its cue ("the Pension Service of the Republic
        # of Korea") is no partner cue
        tentative = {(f.start, f.end) for f in facts(doc) if f.field == "expert_country" and f.extra.get("tentative")}
        # the experts' countries: their other mentions in the description without a partner cue speak of the
        # experts' own country ("a Belgian expert who had helped develop the Belgian service-voucher system")
        expert_codes = {f.value for f in facts(doc) if f.field == "expert_country" and not f.extra.get("tentative")}
        text = doc_text(doc)
        # ... and, cued or not, in the sentence that names them ("a Cabo Verdean actuary working for the National
        # Social Security Institute (INPS) of Cabo Verde": the expert's institution)
        expert_sentences = {(f.value, sentence_span(text, f.start)) for f in facts(doc)
                            if f.field == "expert_country" and not f.extra.get("tentative")}
        ends_before: dict[int, list[str]] = defaultdict(list)  # token index where a pattern ends -> kinds
        starts_at: dict[int, list[str]] = defaultdict(list)
        # only cues ending where a country starts or starting where it ends are read below
        regions = [r for m in mentions for r in ((m.start - 1, m.start), (m.end, m.end + 1))]
        for match_id, start, end in self.matcher(doc, regions):
            kind = self.kinds[self.nlp.vocab.strings[match_id]]
            ends_before[end].append(kind)
            starts_at[start].append(kind)

        # sentences that set a country aside: a showcased practice ("… used as a point of comparison"), a
        # body that was not involved; a country named there without an institution-of cue is no candidate
        aside = [self._aside(text, start) for start in self._phrases_at(text, self.sidelined)]
        # ... and sentences about people who only watched: their countries, whatever cue names them
        watched = [sentence_span(text, start) for start in self._phrases_at(text, self.participants)]
        scores: dict[str, float] = defaultdict(float)
        best: dict[str, tuple[float, CountryMention, str]] = {}
        title_codes: set[str] = set()
        title_seen: set[str] = set()  # codes the title has already given evidence for
        tag_codes: set[str] = set()  # a news reference tag names the action's country
        named_in: dict[tuple[str, str], tuple[float, CountryMention, str]] = {}  # first mention of a code per field
        excluded_before = self._excluded_before(doc, mentions, ends_before)
        restated = self._restated_institution(doc, mentions)
        cued = self._cued_lists(doc, mentions, ends_before) | restated
        # a visit's relative clause speaks of its destination: "a study tour to Kampala, where a delegation …
        # was hosted by the National Social Security Fund of Uganda"
        hosts = [m.span(1) for m in self.visit_clause.finditer(text)] \
            if self.visit_clause is not None and any(r in text for r in self.visit_relatives) else []
        excluded_before |= {m.start for m in mentions if any(lo <= m.start_char < hi for lo, hi in hosts)}
        title = field_span(doc, "title")
        head: set[str] = set()  # countries of a news page's head (its site's name, a breadcrumb), not EU
        served: dict[str, CountryMention] = {}  # "Tajik migrant workers": the people served, by nationality
        for m in mentions:
            before, after = ends_before.get(m.start, []), starts_at.get(m.end, [])
            if "exclude_served" in after and m.code not in self.eu and field_of(doc, m.start_char) is not None:
                served.setdefault(m.code, m)
            if (m.start_char, m.end_char) in expert_spans \
                    or m.start in excluded_before and not (m.start in restated and m.kind == "demonym") \
                    or "exclude_after" in after or "exclude_served" in after \
                    or "exclude_after_institution" in after and "partner_before" in before:
                continue  # ... the last: "the National Employment Office … of the Congo took part"
            where = field_of(doc, m.start_char)
            if where is None and doc.user_data.get(FIELDS_KEY):
                if title is not None and m.end_char <= title[0] and m.code not in self.eu \
                        and doc.user_data.get(KIND_KEY) == "news":
                    head.add(m.code)
                continue  # page text outside the record's fields (a news page's head): no evidence
            where = where or "description"
            if where == "title" and any(lo <= m.start_char and m.end_char <= hi for lo, hi in quoted_ranges(doc)):
                where = "description"  # a quotation in the headline is someone's words, not the headline naming
                # the action's country ('Interview: “Our members live in Auckland, Sydney and Savai’i …”')
            if where == "description" and ("partner_before" not in before and any(
                    lo <= m.start_char < hi for lo, hi in aside) or any(lo <= m.start_char < hi for lo, hi in watched)):
                continue
            weight = self.weights.get(where, self.weights.get("description", 1.0))
            rule = f"partner:{where}"
            if (m.start_char, m.end_char) in tentative:
                pass
            elif "partner_before" in before or m.start in cued or (m.kind == "demonym" and "partner_after" in after) \
                    or (m.kind == "country" and "partner_after" in after):
                weight += self.weights.get("cue", 2.0)
                if m.start in restated:  # the partner institution itself placed there, as its own line would
                    weight += self.weights.get("restated", 0.0)
                rule += "+cue"
            elif "partner_weak_before" in before or m.kind in ("city", "region"):
                weight += self.weights.get("weak_cue", 1.0)
                rule += "+place"
            if where == "title" and m.kind in ("country", "demonym"):
                title_codes.add(m.code)  # a city or region of the title has namesakes: it only weighs more
            elif where == "tag":
                tag_codes.add(m.code)
            if m.code in expert_codes and where == "description" and (rule == "partner:description" or any(
                    code == m.code and lo <= m.start_char < hi for code, (lo, hi) in expert_sentences)):
                continue
            if where == "title":
                if m.code in title_seen:
                    continue  # one place named twice in a title ("… en el Chaco [… in the Chaco]"): one piece of evidence
                title_seen.add(m.code)
            scores[m.code] += weight
            if m.code not in best or weight > best[m.code][0]:
                best[m.code] = (weight, m, rule)
            if where in ("title", "tag") and (where, m.code) not in named_in:
                named_in[(where, m.code)] = (weight, m, rule)  # the evidence of "title wins", "tag wins"

        if not scores and len(served) == 1:
            # the last resort of a record whose only nationality is that of the people it serves ("Every year, tens
            # of thousands of Tajik migrant workers return from the Russian Federation …"): their country's body
            m = next(iter(served.values()))
            add_fact(doc, Fact("partner_country", m.code, m.start_char, m.end_char, m.text, "partner:served-people",
                               "inferred"))
            return doc
        if not scores:
            if not self._add_last_resort(doc) and len(head) == 1:
                # the very last resort: a news item whose text names no place, on a page whose head names
                # one country outside the EU (a ministry's site: "Republic of the Philippines · Department
                # of Labor and Employment"; an EU Delegation's page: "Delegation of the European Union to
                # Ethiopia")
                m = next(m for m in mentions if m.code in head and m.end_char <= title[0])
                add_fact(doc, Fact("partner_country", m.code, m.start_char, m.end_char, m.text,
                                   "partner:page-head", "inferred"))
            return doc
        # spec: a news tag names the action's country ("SOCIEUX+ 2018-05 BOLIVIA, ACT. 2 (…)"), and the
        # title's country wins over the description
        for codes, where, why in ((tag_codes, "tag", ":tag-wins"), (title_codes, "title", ":title-wins")):
            if len(codes) == 1:
                code = next(iter(codes))
                _, m, rule = named_in.get((where, code), best[code])
                add_fact(doc, Fact("partner_country", code, m.start_char, m.end_char, m.text, rule + why,
                                   "certain" if m.status == "certain" else "inferred"))
                return doc
        # no EU member state is a SOCIEUX+ partner ("The Slovenian model … was showcased" does not tie with "the
        # Federation of Bosnia and Herzegovina"; "a study visit to Lisbon … the Portuguese network" names no partner)
        ranked = [(c, s) for c, s in sorted(scores.items(), key=lambda kv: -kv[1]) if c not in self.eu]
        if not ranked:
            add_fact(doc, Fact("partner_note", None, 0, 0, "", "partner:eu-only", "ambiguous",
                               {"reason": "only EU member states named: " + ", ".join(sorted(scores))}))
            return doc
        if len(ranked) > 1 and ranked[0][1] == ranked[1][1]:
            tied = [c for c, s in ranked if s == ranked[0][1]]
            add_fact(doc, Fact("partner_note", None, 0, 0, "", "partner:tie", "ambiguous",
                               {"reason": "equal evidence for " + ", ".join(sorted(tied))}))
            return doc
        code = ranked[0][0]
        _, m, rule = best[code]
        status = "certain" if len(ranked) == 1 and m.status == "certain" else "inferred"
        add_fact(doc, Fact("partner_country", code, m.start_char, m.end_char, m.text, rule, status))
        return doc
