"""`socieux_delivery`: how an action was delivered (spec § delivery): remote, onsite or mixed.

The spec allows explicit cues only. Cues are spaCy Matcher patterns kept as data
in models/patterns/delivery.jsonl, one JSON object a line:

- `{"id": "remote:<cue>", "pattern": [...]}` / `{"id": "onsite:<cue>", ...}`: a cue;
- `{"id": "not-remote:<why>", ...}` / `{"id": "not-onsite:<why>", ...}`: a context in
  which the word is not about delivery ("remote areas", "online job portal",
  "the Ministry's mission"). A negative match suppresses every cue of its kind
  it overlaps, unless the cue's span strictly contains it (longest evidence wins);
- `{"id": "field:delivery", "values": {"remote": [...], "onsite": [...], "mixed": [...]}}`: the words of a
  labelled Delivery/Mode value ("Mode: Remote", a table's Mode column): such a value decides (certain,
  rule `delivery:field`), and a value it does not know leaves the decision to the cues;
- `{"id": "onsite:in-partner-city", "verbs": [...], "nouns": [...], "place_words": [...], "window": n,
  "after": [[...], ...]}`: settings of the one rule that needs other components' output:
  activities held "in <city>" of the partner (a city/region `CountryMention` whose code
  is the `partner_country` fact's value), or that city hosting them ("Baghdad hosted …";
  not "hosted, with …, a webinar").
  The partner country's own name counts as the place right after a verb ("a workshop was
  held in Djibouti", "took place in Samoa"), a presence ("the experts were in Samoa"), a
  movement ("came to Djibouti") or as host, not after a bare noun ("vocational training in
  Colombia" names a domain) nor after a verb's object ("mapped the services in Djibouti").
  After "in" or "to", the partner's towns too small for the gazetteer count as its cities
  ("two workshops with service providers in Nikšić", "a three-day workshop … in David":
  pipeline/towns.py, read only for the partner's code).

A cue whose activity did not take place, or not in this action (`socieux_modality`:
"A mission … had to be postponed", "A final online seminar will review …") is dropped.
Every other cue becomes a `Fact(field="delivery_cue", value="remote"|"onsite")`; then one
`Fact(field="delivery")` records the decision (mixed when cues of both kinds),
with the first cue as evidence and all cues in `extra["cues"]` (the first cue of
each kind in `extra["first"]`). No cue, no fact.

The cue plumbing (`scope_ranges`, `quoted_ranges`, `inside`, `resolve`) is shared
with `socieux_formats`, which follows the same positive / `not-` convention.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from pipeline.components.base import PatternComponent, WindowedMatcher, doc_text, per_doc, town_mentions
from pipeline.components.countries import HYPHENS
from pipeline.components.modality import unrealised
from pipeline.dates import month_names
from pipeline.facts import FIELDS_KEY, CountryMention, Fact, add_fact, facts, field_span
from pipeline.towns import town_heads, towns_of

#: participles that open a sentence as prepositions, no verb of holding: "Given the security situation in
#: Port-au-Prince, this action was carried out remotely" (but "The training was given in Oranjestad")
PREPOSITION_PARTICIPLES = frozenset({"given"})

CUE_FIELD = "delivery_cue"
DECISION_FIELD = "delivery"
KINDS = ("remote", "onsite")
CITY_RULE = "onsite:in-partner-city"
#: a subject right after a fronted place without a comma ("In Guatemala City we then ran a workshop")
FRONTED_SUBJECTS = frozenset({"we", "they", "the", "both", "two", "three", "our", "their", "i"})
#: the values of a labelled Delivery/Mode field ("Mode: Remote"), record_labels.tsv's `delivery`
FIELD_RULE = "field:delivery"
#: a remote word this many words after the city says it is where participants are ("with the Ministry's
#: staff in Juba in a series of online working sessions")
REMOTE_AFTER_WORDS = 6
#: a remote word this many words before the verb or noun is its subject or modifier ("The webinar was
#: held in Lima", "three online sessions in Lima"): the city is where the participants or organisers are
REMOTE_BEFORE_WORDS = 4
#: a remote word this many tokens after "<place> hosted" is what was hosted ("hosted, with the support of
#: SOCIEUX+, a regional webinar")
REMOTE_HOSTED_WORDS = 12
#: most words of a place named before the partner's city in "in <place> and <city>"
COORDINATED_PLACE_WORDS = 3
#: a quotation's closing marks and the verbs that attribute it: no event before them is placed by the "in" after
QUOTE_ENDS = frozenset({"”", "\"", "»"})
SPEECH_VERBS = frozenset({"said", "says", "stated", "declared"})
#: "by" names the action's own agents when one of this many words after it is one ("by Czech and Slovak
#: peer experts")
BY_AGENT_WORDS = 6
#: record fields whose text can hold a delivery cue; labels, the institution line and
#: the types of assistance never describe how the action was delivered
SCOPE_FIELDS = ("title", "description", "tag")
#: quoted text and named titles ("under the title …") name someone's event or
#: document, not how this action was delivered
QUOTED = re.compile(
    r"“[^”\n]{1,200}”|«[^»\n]{1,200}»|\"[^\"\n]{1,200}\"|‘[^’\n]{1,120}’"
    r"|\b(?:under\s+the\s+(?:title|theme|heading|motto)|entitled|titled)\s+[^.,;\n]*",
    re.IGNORECASE,
)
SENTENCE_BREAKS = {".", ";", "!", "?"}
#: a numeric date or one of its parts as a token ("12/03", "16/03/2018", "07.11")
_NUMERIC_DATE = re.compile(r"\d{1,4}(?:[/.]\d{1,4}){1,2}")
#: words joining a date's parts: with numbers and month names (`pipeline.dates.month_names`) they may sit
#: between an activity noun and "in <city>" (DATE_GAP tokens at most)
DATE_JOINERS = frozenset({"on", "and", "from", "to", "-", "–", "between", ",", "in", "of", "the"})
DATE_GAP = 9
#: most words of a venue's name between "at" and its noun ("at the INPP centre of …")
VENUE_NAME_WORDS = 4
#: most words between an activity noun and "in" when a "with" phrase names its people
COMPLEMENT_GAP = 6
#: `doc.user_data` key of the doc's quoted ranges
QUOTED_KEY = "socieux_quoted"


def scope_ranges(doc: Doc) -> list[tuple[int, int]]:
    """Char ranges of the record fields a cue may come from (whole text when fields are unknown)."""
    spans = doc.user_data.get(FIELDS_KEY) or {}
    if not spans:
        return [(0, len(doc_text(doc)))]
    return [tuple(spans[name]) for name in SCOPE_FIELDS if spans.get(name)]


def quoted_ranges(doc: Doc) -> list[tuple[int, int]]:
    """Char ranges of quoted text and named titles (computed once per Doc: formats reads them too)."""
    return per_doc(doc, QUOTED_KEY, lambda d: [m.span() for m in QUOTED.finditer(doc_text(d))])


def inside(start: int, end: int, ranges: list[tuple[int, int]]) -> bool:
    return any(a <= start and end <= b for a, b in ranges)


def resolve(matches: list[tuple[str, Span]]) -> list[tuple[str, Span]]:
    """Drop cues overlapped by a negative of their kind; keep the longest cue where cues overlap.

    A negative `not-<kind>:…` beats an overlapping `<kind>:…` cue unless the cue
    strictly contains it (a longer cue is more specific evidence).
    """
    negatives = [(pid.split(":", 1)[0][4:], span) for pid, span in matches if pid.startswith("not-")]
    kept: list[tuple[str, Span]] = []
    for pid, span in matches:
        if pid.startswith("not-"):
            continue
        kind = pid.split(":", 1)[0]
        blocked = any(
            nkind == kind
            and nspan.start < span.end
            and span.start < nspan.end
            and not (span.start <= nspan.start and nspan.end <= span.end and len(span) > len(nspan))
            for nkind, nspan in negatives
        )
        if not blocked:
            kept.append((pid, span))
    # longest first, then leftmost: one cue per stretch of text and kind
    kept.sort(key=lambda m: (-len(m[1]), m[1].start))
    result: list[tuple[str, Span]] = []
    for pid, span in kept:
        kind = pid.split(":", 1)[0]
        if not any(k.split(":", 1)[0] == kind and s.start < span.end and span.start < s.end for k, s in result):
            result.append((pid, span))
    return sorted(result, key=lambda m: m[1].start)


#: what follows an infinitive's verb: "to improve the services"
PURPOSE_OBJECTS = frozenset({"the", "a", "an", "its", "their", "his", "her", "our", "this", "these"})


def _purpose_between(doc: Doc, lo: int, hi: int) -> bool:
    """A purpose infinitive ("to" + a lower-case verb + a determiner: "to improve the services") stands between
    tokens lo and hi (not "to 30 inspectors", "to employers")."""
    return any(doc[k].lower_ == "to" and doc[k + 1].is_lower and doc[k + 1].is_alpha
               and doc[k + 1].lower_ not in PURPOSE_OBJECTS and doc[k + 2].lower_ in PURPOSE_OBJECTS
               for k in range(lo, hi - 2))


#: lower-case words inside a capitalised name ("Ministry of Labour and Social Welfare")
NAME_CONNECTORS = frozenset({"of", "and", "for"})


def _inside_name(doc: Doc, j: int) -> bool:
    """Token j goes on a capitalised name begun before it: a capitalised word or a connector ("of", "and") right
    after a capitalised word ("Ministry of Labour and Social Welfare": only "Ministry" counts as a word)."""
    def capital(k: int) -> bool:
        return 0 <= k < len(doc) and doc[k].is_alpha and doc[k].text[:1].isupper()
    if doc[j].lower_ in NAME_CONNECTORS:
        return capital(j - 1) and capital(j + 1)
    return capital(j) and (capital(j - 1) or j > 1 and doc[j - 1].lower_ in NAME_CONNECTORS and capital(j - 2))


@dataclass(frozen=True)
class CityRule:
    """Settings of the `onsite:in-partner-city` rule (see the module docstring), read once."""

    verbs: frozenset[str] = frozenset()
    nouns: frozenset[str] = frozenset()
    place_words: frozenset[str] = frozenset()
    remote_words: frozenset[str] = frozenset()
    object_words: frozenset[str] = frozenset()  # "records held in Port-au-Prince": a thing kept, no event
    after: tuple[tuple[str, ...], ...] = ()
    window: int = 8
    presence: frozenset[str] = frozenset()  # "the experts were in Tbilisi": being there, right before "in"
    presence_adverbs: frozenset[str] = frozenset()  # "were then in", "were both in"
    action_agents: frozenset[str] = frozenset()  # "delivered by the experts": the action's agents after "by"
    movement: frozenset[str] = frozenset()  # "came to Niš": a movement to the city, before "to"
    relative_words: frozenset[str] = frozenset()  # "workers who work in …": people's place, not a venue
    country_verbs: frozenset[str] = frozenset()  # "held in Djibouti": before the partner country's own name
    relative_verbs: frozenset[str] = frozenset()  # … for these verbs of working or living only
    obligation: frozenset[str] = frozenset()  # "people have to visit the offices in …": a duty, no event
    proper_remote: frozenset[str] = frozenset()  # remote words only as a tool's name: "Teams", not "SLI teams"
    venue_words: frozenset[str] = frozenset()  # "at the INPP centre of Lubumbashi": a venue in the city
    contrast_adverbs: frozenset[str] = frozenset()  # "remotely in 2021 and then in Suva": a later step's place
    participation: frozenset[str] = frozenset()  # "experts took part in the congress organised by the CNSS in …"
    located: frozenset[str] = frozenset()  # "officials based in Santo Domingo": where people are, right before "in"
    running_verbs: frozenset[str] = frozenset()  # "runs job centres in Phnom Penh": the partner's facilities, no event
    sequence_verbs: frozenset[str] = frozenset()  # "followed by two workshops": "by" names the next activity

    def is_remote(self, tok: Token) -> bool:
        """A remote word ("online", "webinar"), a tool's name only capitalised ("via Teams")."""
        return tok.lower_ in self.remote_words and (tok.lower_ not in self.proper_remote or tok.text[:1].isupper())

    @classmethod
    def from_entry(cls, entry: dict[str, Any]) -> "CityRule":
        return cls(
            verbs=frozenset(entry.get("verbs", [])), nouns=frozenset(entry.get("nouns", [])),
            place_words=frozenset(entry.get("place_words", [])), remote_words=frozenset(entry.get("remote_words", [])),
            object_words=frozenset(entry.get("object_words", [])),
            after=tuple(tuple(seq) for seq in entry.get("after", [])), window=int(entry.get("window", 8)),
            presence=frozenset(entry.get("presence", [])), presence_adverbs=frozenset(entry.get("presence_adverbs", [])),
            action_agents=frozenset(entry.get("action_agents", [])),
            movement=frozenset(entry.get("movement", [])), relative_words=frozenset(entry.get("relative_words", [])),
            relative_verbs=frozenset(entry.get("relative_verbs", [])),
            country_verbs=frozenset(entry.get("country_verbs", [])),
            obligation=frozenset(entry.get("obligation", [])),
            proper_remote=frozenset(entry.get("proper_remote_words", [])),
            venue_words=frozenset(entry.get("venue_words", [])),
            contrast_adverbs=frozenset(entry.get("contrast_adverbs", [])),
            participation=frozenset(entry.get("participation", [])),
            located=frozenset(entry.get("located", [])),
            running_verbs=frozenset(entry.get("running_verbs", [])),
            sequence_verbs=frozenset(entry.get("sequence_verbs", [])),
        )


class DeliveryComponent(PatternComponent):
    """Finds delivery cues and decides remote / onsite / mixed."""

    patterns_file = "delivery.jsonl"

    def __init__(self, nlp: Language, name: str) -> None:
        super().__init__(nlp, name)
        self.matcher = WindowedMatcher(nlp.vocab, validate=True)
        self.city_rule: CityRule | None = None
        self.field_values: dict[str, str] = {}
        self.field_words: re.Pattern[str] | None = None
        self.exclusive: frozenset[str] = frozenset()

    def _compile(self) -> None:
        self.matcher = WindowedMatcher(self.nlp.vocab, validate=True)
        self.city_rule = None
        self.field_values = {}
        self.field_words = None
        self.exclusive = frozenset(e["id"] for e in self.patterns if e.get("exclusive"))
        for entry in self.patterns:
            pid = entry.get("id", "")
            if pid == CITY_RULE and "pattern" not in entry:
                self.city_rule = CityRule.from_entry(entry)
                continue
            if pid == FIELD_RULE:
                self.field_values = {w.casefold(): value for value, words in entry["values"].items() for w in words}
                longest_first = sorted(self.field_values, key=len, reverse=True)
                self.field_words = re.compile(r"(?<!\w)(?:" + "|".join(map(re.escape, longest_first)) + r")(?!\w)")
                continue
            kind = pid.split(":", 1)[0].removeprefix("not-")
            if kind not in KINDS or "pattern" not in entry:
                raise ValueError(
                    f"delivery pattern {entry!r}: the id must be '<remote|onsite>:<cue>' or "
                    f"'not-<remote|onsite>:<why>' with a 'pattern'; fix models/patterns/delivery.jsonl"
                )
            self.matcher.add(pid, entry["pattern"], entry.get("anchor_at"))

    # -- finding ----------------------------------------------------------
    def pattern_cues(self, doc: Doc) -> tuple[list[Fact], list[tuple[str, int, int]]]:
        """Cues of the pattern file, and the negatives' (kind, start_char, end_char), which also
        block the city rule's cues ("An in-person workshop in Santiago is planned …")."""
        # resolve() reads no order (ties of one span go by pattern order, as Matcher emits them)
        matches = [(self.nlp.vocab.strings[mid], doc[s:e]) for mid, s, e in self.matcher.match_set(doc)]
        if not matches:
            return [], []
        negatives = [(pid.split(":", 1)[0][4:], span.start_char, span.end_char)
                     for pid, span in matches if pid.startswith("not-")]
        scope, quoted = scope_ranges(doc), quoted_ranges(doc)
        cues = []
        for pid, span in resolve(matches):
            if not inside(span.start_char, span.end_char, scope) or inside(span.start_char, span.end_char, quoted):
                continue
            cues.append(Fact(CUE_FIELD, pid.split(":", 1)[0], span.start_char, span.end_char, span.text, pid))
        return cues, negatives

    def partner_city_cues(self, doc: Doc) -> list[Fact]:
        """Spec: activities held "in <city>" of the partner → onsite (needs countries + partner)."""
        partner = next((f.value for f in facts(doc) if f.field == "partner_country" and f.value), None)
        rule = self.city_rule
        if not partner or rule is None:
            return []
        mentions = doc._.countries or []
        mentions = [*mentions, *self._town_mentions(doc, partner, mentions)]
        if not mentions:
            return []
        scope, cues = scope_ranges(doc), []
        places = {p.start: p.end for p in mentions}
        for m in mentions:
            if m.kind not in ("city", "region", "country") or m.code != partner or not inside(m.start_char, m.end_char, scope):
                continue
            country = m.kind == "country"  # "a workshop was held in Djibouti": the place, by its country's name
            hosting = next((seq for seq in rule.after if tuple(t.lower_ for t in doc[m.end : m.end + len(seq)]) == seq), None)
            k = m.end + len(hosting) if hosting is not None else 0
            if hosting is not None and m.start > 1 and doc[m.start - 1].lower_ == "of" and doc[m.start - 2].is_title \
                    and k < len(doc) and doc[k].lower_ in ("its", "their"):
                hosting = None  # a body of the place hosting its own event: "The State Employment Service of Jalisco
                # hosted its annual Employment Forum" says who held it, not that the action's experts were there (not
                # "The Caisse of Djibouti welcomed two experts")
            if hosting is not None and self._remote_after(doc, m.end + len(hosting), rule):
                continue  # "the Secretariat … of Honduras hosted, with …, a regional webinar": a remote event
            if hosting is not None:  # "Baghdad hosted the consultations", "Addis Ababa was the venue of …"
                span = doc[m.start : m.end + len(hosting)]
                cues.append(Fact(CUE_FIELD, "onsite", span.start_char, span.end_char, span.text, CITY_RULE, "inferred"))
                continue
            i = m.start - 1
            if i > 1 and doc[i].lower_ in ("and", ","):
                j = i - 1  # a place coordinated after another that the gazetteer may not know: "The sessions were
                while j > 0 and i - j <= COORDINATED_PLACE_WORDS and doc[j].is_title and doc[j].is_alpha:
                    j -= 1  # held in Prishtina and Prizren"
                if j < i - 1 and doc[j].lower_ == "in":
                    i = j
            if i > 1 and doc[i].text == "," and doc[i - 1].lower_ in ("capital", "city"):
                i -= 1  # "in the capital, São Tomé"
            while i >= 0 and doc[i].lower_ in rule.place_words:  # "in the city of Cusco"
                i -= 1
            # "at the INPP centre of Lubumbashi", "at the NSSF headquarters in Kampala": a venue there
            venue = i - 1 if i > 1 and doc[i].lower_ == "in" and doc[i - 1].lower_ in rule.venue_words else i
            if venue > 0 and doc[venue].lower_ in rule.venue_words:
                j = venue - 1
                while j > 0 and venue - j <= VENUE_NAME_WORDS and (doc[j].text[:1].isupper() or doc[j].lower_ == "the"):
                    j -= 1
                if doc[j].lower_ == "at":
                    i = j
            if i > 0 and doc[i].lower_ == "to" and doc[i - 1].lower_ in rule.movement:  # "the experts came to Niš"
                span = doc[i - 1 : m.end]
                if not any(rule.is_remote(doc[k]) for k in self._same_phrase(doc, m.end, REMOTE_AFTER_WORDS, places)):
                    cues.append(Fact(CUE_FIELD, "onsite", span.start_char, span.end_char, span.text, CITY_RULE, "inferred"))
                continue
            if i > 0 and doc[i].text == "(" and doc[i - 1].lower_ in rule.nouns:
                # a terse entry's bracket after the activity: "presented … at the forum (Kaduna, 6 August 2019)"
                span = doc[i - 1 : m.end]
                cues.append(Fact(CUE_FIELD, "onsite", span.start_char, span.end_char, span.text, CITY_RULE, "inferred"))
                continue
            if i < 0 or doc[i].lower_ not in ("in", "at"):
                continue
            if i > 0 and doc[i - 1].lower_ in rule.located:
                continue  # "presented their systems to officials based in Santo Domingo": where they are, no venue
            noun = self._noun_before(doc, i, rule.nouns)
            being = self._presence_before(doc, i, rule)
            if noun is not None and country:
                continue  # "vocational training in Colombia", "workshops in Peru": a domain or the partner's own, not a venue
            if noun is not None:  # "activities in Belgrade", "a kick-off workshop on 14 and 15 January 2025 in …"
                trigger: Token | None = None if self._remote_before(doc, noun.i, rule) else noun
            elif being is not None:  # "the two experts were in Brazzaville and Pointe-Noire for a series of workshops"
                remote = any(rule.is_remote(doc[k]) for k in self._same_phrase(doc, m.end, REMOTE_AFTER_WORDS, places))
                trigger = None if remote else being
            else:  # "workshops were held for the staff in Lima"
                trigger = self._trigger_before(doc, i, rule.verbs, rule.window)
                if trigger is None and not country:  # "discussed in Astana at a seminar with the operators",
                    # "discussed at a seminar with the social partners in Skopje"
                    trigger = self._noun_after(doc, m.end, rule.nouns) or self._noun_with_people(doc, i, rule.nouns)
                if country and trigger is not None and (i - trigger.i > 2 or trigger.lower_ not in rule.country_verbs):
                    trigger = None  # "mapped the services in Djibouti", "health at work in Serbia": no event held
                if trigger is not None and self._remote_before(doc, trigger.i, rule):
                    trigger = None  # "The webinar was held in Lima", "Online sessions were organised in Lima"
                elif trigger is not None and any(rule.is_remote(doc[k])
                                               for k in [*self._before_contrast(doc, trigger.i + 1, i, rule),
                                                         *self._same_phrase(doc, m.end, REMOTE_AFTER_WORDS, places)]):
                    trigger = None  # "delivered webinars to counsellors in Medellín", "coached staff in Aden through
                    # online sessions": where participants are
                elif trigger is not None and trigger.i > 0 and doc[trigger.i - 1].lower_ in rule.object_words:
                    trigger = None  # "the contribution records held in Port-au-Prince": things kept there
                elif trigger is not None and _purpose_between(doc, trigger.i + 1, i):
                    trigger = None  # "was implemented … to improve the services offered to employers in Ouargla": the
                    # place belongs to the purpose clause, not to the verb of holding
                elif trigger is not None and trigger.lower_ in rule.running_verbs and i - trigger.i <= 8 \
                        and doc[i - 1].lower_ in rule.venue_words \
                        and all(t.is_alpha or t.text in HYPHENS for t in doc[trigger.i + 1 : i]):
                    trigger = None  # "The NEA runs job centres in Phnom Penh": the partner's own facilities (not "a
                    # course, which runs from 12 to 23 May at the … centre in Lima")
                elif (trigger is not None and trigger.i > 0 and trigger.lower_ in rule.relative_verbs
                      and doc[trigger.i - 1].lower_ in rule.relative_words):
                    trigger = None  # "jobseekers who work in Republika Srpska": where those people are
                elif trigger is not None and (
                        trigger.i > 0 and doc[trigger.i - 1].lower_ in rule.obligation
                        or trigger.i > 1 and doc[trigger.i - 1].lower_ == "to"
                        and doc[trigger.i - 2].lower_ in rule.obligation):
                    trigger = None  # "insured persons have to visit the branch offices in Bar": a duty, not an event
                elif trigger is not None and self._by_another(doc, trigger.i + 1, i, rule) \
                        and not self._agents_took_part(doc, trigger.i, rule):
                    trigger = None  # "the job fairs organised by the Agency in Chișinău": the partner's own event
            if trigger is None and noun is None and being is None and doc[i].text == "In" \
                    and m.end < len(doc) and (doc[m.end].text == "," or doc[m.end].lower_ in FRONTED_SUBJECTS):
                # "In Dhaka, they facilitated a workshop …", also without the comma: "In Guatemala City we then ran …"
                trigger = self._fronted_trigger(doc, m.end + (doc[m.end].text == ","), rule)
            if trigger is not None:
                span = doc[trigger.i : m.end] if trigger.i < m.start else doc[i : trigger.i + 1]
                cues.append(
                    Fact(CUE_FIELD, "onsite", span.start_char, span.end_char, span.text, CITY_RULE, "inferred")
                )
        return cues

    @staticmethod
    def _town_mentions(doc: Doc, partner: str, mentions: list[CountryMention]) -> list[CountryMention]:
        """The partner's towns too small for the gazetteer (pipeline/towns.py) right after "in", "to" or
        "the" ("two workshops … in Nikšić", "a training in David", "held … at the Lautoka office of the
        Ministry"): city mentions for this rule only."""
        towns = towns_of(partner)
        if not towns:
            return []
        covered = {t for m in mentions for t in range(m.start, m.end)}
        return town_mentions(doc, ("in", "to", "the"), lambda name: partner if name in towns else None, covered,
                             "town:partner", town_heads(partner))

    @staticmethod
    def _same_phrase(doc: Doc, i: int, n: int, places: dict[int, int]) -> range:
        """Token indices from i on, at most n words, up to a coordination or punctuation ("in Aden through
        online sessions", not "in Kingstown and then accompanied remotely"); a coordinated place name does
        not end the phrase and is not counted ("in Aden and Sana'a through online sessions"; `places`: start
        -> end token of every place mention)."""
        j, words = i, 0
        while j < len(doc) and words < n:
            tok = doc[j]
            if tok.lower_ in ("and", ",") and j + 1 in places:
                j = places[j + 1]
                continue
            if tok.is_punct or tok.lower_ in ("and", "or", "then", "but"):
                break
            j += 1
            words += 1
        return range(i, j)

    @staticmethod
    def _before_contrast(doc: Doc, lo: int, hi: int, rule: CityRule) -> range:
        """Token indices lo..hi, minus those before a contrast adverb ("then", "later"): in "carried out an
        assessment, remotely in 2021 and then in Suva", the remote word speaks of an earlier step."""
        for k in range(hi - 1, lo - 1, -1):
            if doc[k].lower_ in rule.contrast_adverbs:
                return range(k + 1, hi)
        return range(lo, hi)

    @staticmethod
    def _remote_after(doc: Doc, i: int, rule: CityRule, n: int = REMOTE_HOSTED_WORDS) -> bool:
        """A remote word among the n tokens from token i on, in the same sentence: what was hosted."""
        for tok in doc[i : i + n]:
            if tok.text in SENTENCE_BREAKS or (tok.is_space and "\n" in tok.text):
                return False
            if rule.is_remote(tok):
                return True
            if tok.lower_ == "e" and tok.i + 2 < len(doc) and doc[tok.i + 1].text in HYPHENS \
                    and doc[tok.i + 2].lower_ in rule.nouns:
                return True  # an e-event, split by the tokenizer: "hosted the E-Conference …"
        return False

    @staticmethod
    def _remote_before(doc: Doc, i: int, rule: CityRule, n: int = REMOTE_BEFORE_WORDS) -> bool:
        """A remote word among the n words before token i, in the same clause: the subject of "was
        held" or the modifier of a noun ("The webinar was held in Lima", "online sessions in Lima")."""
        for j in range(i - 1, max(-1, i - 1 - n), -1):
            tok = doc[j]
            if tok.is_punct or (tok.is_space and "\n" in tok.text) or tok.lower_ in ("and", "or"):
                return False  # (a coordination opens another noun phrase: "webinars and a consultation workshop in …")
            if rule.is_remote(tok):
                return True
        return False

    @staticmethod
    def _by_another(doc: Doc, lo: int, hi: int, rule: CityRule) -> bool:
        """Between the verb and "in", "by" names another body as its agent ("organised by the Agency"),
        not the action's ("delivered by two SOCIEUX+ experts")."""
        for k in range(lo, hi):
            if doc[k].lower_ == "by" and doc[k - 1].lower_ in rule.sequence_verbs \
                    and any(doc[j].lower_ in rule.nouns for j in range(k + 1, min(hi, k + 5))):
                return False  # "followed by two workshops with … managers in Valparaíso": the next activity, no agent
                # (not "were followed by union representatives from factories in Vientiane": people who watched)
            if doc[k].lower_ == "by":
                words = [t.lower_ for t in doc[k + 1 : hi] if (t.is_alpha or t.lower_.startswith("socieux"))
                         and t.lower_ not in ("the", "a", "an", "two", "three")]  # "SOCIEUX+" is one token
                # the agent's head may follow its modifiers: "by Czech and Slovak peer experts"
                return bool(words) and not any(w.startswith("socieux") or w in rule.action_agents
                                               for w in words[:BY_AGENT_WORDS])
        return False

    @staticmethod
    def _agents_took_part(doc: Doc, i: int, rule: CityRule) -> bool:
        """Before token i in its sentence, the action's agents and a word of taking part: another body's event
        that the experts took part in is where the action was ("SOCIEUX+ supported the participation of a
        Spanish expert in the Congress organised by the CNSS in Santo Domingo")."""
        words = set()
        for j in range(i - 1, -1, -1):
            if doc[j].text in SENTENCE_BREAKS or (doc[j].is_space and "\n" in doc[j].text):
                break
            words.add(doc[j].lower_)
        return bool(words & rule.participation) and any(w.startswith("socieux") or w in rule.action_agents for w in words)

    @staticmethod
    def _presence_before(doc: Doc, i: int, rule: CityRule) -> Token | None:
        """A form of "be" right before "in" (token i), adverbs aside: "were in Tbilisi", "were then in …"."""
        j = i - 1
        while j >= 0 and doc[j].lower_ in rule.presence_adverbs:
            j -= 1
        return doc[j] if j >= 0 and doc[j].lower_ in rule.presence else None

    @staticmethod
    def _noun_before(doc: Doc, i: int, nouns: frozenset[str]) -> Token | None:
        """An activity noun right before token i, or before a date between them ("a workshop on 14 and
        15 January 2025 in …": numbers, month names and their joining words are skipped); "training of
        trainers" is one noun."""
        j = i - 1
        while j >= 0 and i - j <= DATE_GAP and (doc[j].like_num or doc[j].lower_ in DATE_JOINERS
                                                  or doc[j].lower_ in month_names() or _NUMERIC_DATE.fullmatch(doc[j].text)
                                                  or doc[j].text == "(" and j < i - 1):
            j -= 1  # also day-first numeric dates in a bracket: "Two provincial trainings (12/03 – 16/03/2018 in …"
        if j >= 2 and doc[j].lower_ == "trainers" and doc[j - 1].lower_ == "of" and doc[j - 2].lower_ in nouns:
            j -= 2  # "a five-day training of trainers in Abidjan and Bouaké": one noun
        return doc[j] if j >= 0 and doc[j].lower_ in nouns else None

    @staticmethod
    def _noun_with_people(doc: Doc, i: int, nouns: frozenset[str]) -> Token | None:
        """An activity noun before the people it was held with, right before token i ("a seminar
        with the social partners in Skopje")."""
        k = i - 1
        while k > 0 and i - k <= COMPLEMENT_GAP and doc[k].is_alpha and doc[k].lower_ != "with":
            k -= 1
        if k > 0 and k < i - 1 and doc[k].lower_ == "with" and doc[k - 1].lower_ in nouns:
            return doc[k - 1]
        return None

    @staticmethod
    def _noun_after(doc: Doc, end: int, nouns: frozenset[str]) -> Token | None:
        """An activity noun right after a place, as its venue's event: "in Astana at a seminar with …"."""
        if end >= len(doc) or doc[end].lower_ != "at":
            return None
        for j in range(end + 1, min(len(doc), end + 4)):
            if doc[j].lower_ in nouns:
                return doc[j]
            if not doc[j].is_alpha:
                return None
        return None

    @staticmethod
    def _fronted_trigger(doc: Doc, j: int, rule: CityRule) -> Token | None:
        """A verb of holding in the clause after a fronted place ("In Dhaka, they facilitated a workshop with
        twelve councils"), within twice `rule.window` words (the fronted place sets the scene of the sentence, whose
        subject may be a long list of experts: "In Dakar, two experts from Le Forem, the public employment service
        of Wallonia in Belgium, and an expert from … led a seminar") and before the sentence ends; none when a
        remote word comes first ("In Lima, the experts held online sessions")."""
        words = 0
        for k in range(j, len(doc)):
            tok = doc[k]
            if tok.text in SENTENCE_BREAKS or (tok.is_space and "\n" in tok.text) or rule.is_remote(tok):
                return None
            if tok.lower_ in rule.verbs:  # ... and no remote word right after it: "held online sessions"
                after = doc[k + 1 : k + 1 + REMOTE_AFTER_WORDS]
                return None if any(rule.is_remote(t) for t in after) else tok
            if tok.is_alpha:
                words += 1
                if words >= 2 * rule.window:
                    return None
        return None

    @staticmethod
    def _trigger_before(doc: Doc, i: int, triggers: frozenset[str], window: int) -> Token | None:
        """The nearest trigger word within `window` words before token i, in the same sentence
        (numbers and punctuation, as in "on 1-3 March and 14-16 June", are not counted)."""
        words = 0
        for j in range(i - 1, -1, -1):
            tok = doc[j]
            if tok.text in SENTENCE_BREAKS or (tok.is_space and "\n" in tok.text):
                return None
            if tok.text in QUOTE_ENDS or tok.lower_ in SPEECH_VERBS:
                return None  # a quotation's end or its attribution: "… made this work urgent,” said the Head of the SES
                # in Kyiv" (where the speaker is, not an event)
            if tok.lower_ in triggers and not (tok.lower_ in PREPOSITION_PARTICIPLES and tok.text[:1].isupper()):
                return tok
            if tok.is_alpha and not tok.like_num and not _inside_name(doc, j):
                # nor spelled-out numbers ("a three-day national workshop"), nor the inner words of a proper name
                # ("to 30 inspectors of the Ministry of Labour and Social Welfare (MINTRAB) in Guatemala City")
                words += 1
                if words >= window:
                    return None
        return None

    # -- deciding ---------------------------------------------------------
    @staticmethod
    def decide(cues: list[Fact]) -> Fact | None:
        """remote / onsite from the cues' kinds, mixed when both; evidence = first cue."""
        if not cues:
            return None
        kinds = {c.value for c in cues}
        value = "mixed" if len(kinds) > 1 else cues[0].value
        first = cues[0]
        summary = [{"value": c.value, "text": c.text, "start": c.start, "end": c.end, "rule": c.rule} for c in cues]
        first_of = {k: next(s for s in summary if s["value"] == k) for k in KINDS if k in kinds}
        status = "certain" if any(c.status == "certain" for c in cues) else "inferred"
        return Fact(
            DECISION_FIELD, value, first.start, first.end, first.text, first.rule, status,
            extra={"cues": summary, "first": first_of},
        )

    def field_decision(self, doc: Doc) -> Fact | None:
        """The decision a labelled Delivery/Mode value states ("Mode: On-site"), certain; None without one or
        with a value the pattern file's `field:delivery` words do not know ("—", "see below")."""
        span = field_span(doc, DECISION_FIELD)
        if span is None:
            return None
        written = doc_text(doc)[span[0] : span[1]]
        value = self.field_values.get(written.strip(" .;").casefold())
        if value is None:
            value = self._described(written.casefold())
        if value is None:
            return None
        return Fact(DECISION_FIELD, value, span[0], span[1], written, "delivery:field", "certain")

    def _described(self, written: str) -> str | None:
        """The decision of a value that describes the delivery in a phrase: the kinds of the `field:delivery`
        words in it, mixed when it names both or says so ("Online sessions plus one on-site visit",
        "Blended (virtual classes and an in-country mission)", "Remote, with a final mission")."""
        if self.field_words is None:
            return None
        kinds = {self.field_values[m.group()] for m in self.field_words.finditer(written)}
        if "mixed" in kinds or len(kinds) > 1:
            return "mixed"
        return next(iter(kinds), None)

    def __call__(self, doc: Doc) -> Doc:
        stated = self.field_decision(doc)
        if stated is not None:
            add_fact(doc, stated)
            return doc
        cues, negatives = self.pattern_cues(doc)
        city = [c for c in self.partner_city_cues(doc)
                if not any(kind == c.value and start < c.end and c.start < end for kind, start, end in negatives)]
        # an activity planned, cancelled or of an earlier action says nothing of this one's delivery
        cues = sorted((c for c in cues + city if not unrealised(doc, c.start, c.end)), key=lambda f: (f.start, f.end))
        # "the action was delivered entirely online": the cues of the other kind speak of something else
        only = {c.value for c in cues if c.rule in self.exclusive}
        if len(only) == 1:
            cues = [c for c in cues if c.value in only]
        for cue in cues:
            add_fact(doc, cue)
        decision = self.decide(cues)
        if decision is not None:
            add_fact(doc, decision)
        return doc


@Language.factory("socieux_delivery")
def make_delivery(nlp: Language, name: str) -> DeliveryComponent:
    return DeliveryComponent(nlp, name)
