"""Words, limits and token tests shared by the readers of `socieux_experts` (experts.py, expert_people.py,
expert_institutions.py): the function words and punctuation their walks stop at, how far each walk may go,
and small tests of a token (a person's name word, where a name may start, the sentence around a token).
Content vocabularies (expert nouns, cue verbs, modifiers) are data: models/patterns/experts.jsonl.
"""

from __future__ import annotations

import re

import numpy as np
from spacy.strings import get_string_id
from spacy.tokens import Doc

from pipeline.components.base import doc_lowers, doc_text, is_honorific, sentence_span

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
TITLED_ROLE_WORDS = 5
#: lower-case words inside a role in Title Case ("Head of Service Design")
ROLE_CONNECTORS = frozenset({"of", "for", "and", "&"})
#: how far (tokens) a place may resolve an ambiguous demonym before it, and what ends that phrase
PHRASE_WINDOW = 16
PHRASE_BREAKS = frozenset({",", ";", ".", ":"})

#: how many tokens `_predicate` walks to find the verb of a named person
PREDICATE_WINDOW = 40
#: most tokens (a count, an article, a modifier: "labour") between "by" and the people it names as a verb's agent, and most tokens
#: between that verb and "by" ("delivered in Arequipa from 8 to 12 November 2021 by labour inspectors from …")
AGENT_LEAD = 3
AGENT_VERB_WORDS = 16
#: activity verbs of a stay, which a visit's participants share with experts ("spent a week in Finland")
STAY_VERBS = frozenset({"spent"})
#: prepositions before people that make them no subject, and after a verb that make it a participle ("inspectors
#: trained in risk-based planning")
AGENT_BLOCKERS = frozenset({"with", "to", "for", "of", "among", "including", "alongside", "between", "from", "on", "at",
                            "in", "by", "as"})
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
SENTENCE_WORDS = re.compile(r"[a-z+]+")

#: dashes that open an apposition after an expert noun
DASHES = frozenset({"–", "—", "-"})

#: an elided French article and its noun, one token ("l'emploi", "d’allocations")
ELIDED = re.compile(r"^[ld]['’]\w+$")


def person_context(doc: Doc, i: int) -> bool:
    """Token i can open a person's name: after a title ("Ms Mele Tuilagi"), punctuation ("experts:
    Lucía Ortega"), a lower-case word ("prepared by Carmen Peralta") or an "and" that follows
    one of those ("…, and Ion Popescu"); not inside an institution's name ("the Ministry of Labour
    and Social Protection of Cambodia")."""
    for _ in range(2):  # over the first names of a longer name: "Nor Aziah Ismail"
        if i > 0 and is_name(doc[i - 1]) and not doc[i - 1].is_sent_start \
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


def is_name(tok) -> bool:
    """A word of a person's name: capitalised letters, also with an apostrophe or hyphen ("O'Connor")."""
    return tok.text[:1].isupper() and tok.text.replace("'", "").replace("’", "").replace("-", "").isalpha() \
        and not tok.is_upper


def hyphen_tail(doc: Doc, j: int) -> bool:
    """Token j is the lower-case part of a hyphenated given name, after a name word: "Ji-woo", "Hong-gil"."""
    return j > 1 and doc[j].is_alpha and doc[j].is_lower and doc[j - 1].text == "-" and is_name(doc[j - 2]) \
        and not doc[j - 1].whitespace_ and not doc[j - 2].whitespace_


def past_verb(tok) -> bool:
    """A lower-case word in -ed: a verb's past form or participle after a name ("the Institute presented …",
    "was trained at …"), which ends the name's phrase."""
    return tok.is_lower and tok.is_alpha and tok.lower_.endswith("ed")


def indices_of(doc: Doc, words: frozenset[str]) -> list[int]:
    """Token indices whose lower-cased text is one of `words` (array lookup, no Python loop over tokens)."""
    lowers = doc_lowers(doc)
    hit = np.zeros(len(lowers), dtype=bool)
    for w in words:  # a few words: one comparison each is faster than np.isin's sort
        hit |= lowers == get_string_id(w)
    return np.flatnonzero(hit).tolist()


def restated_links(doc: Doc) -> frozenset[str]:
    """The link words of an institution ("of", "at", "with", "for") that the record restates after "and" or a comma."""
    text = doc_text(doc)
    return frozenset(w for w in OF_LINKS | {"for"} if f"and {w} " in text or f", {w} " in text)


def sentence_of(doc: Doc, i: int) -> str:
    """The text of the sentence around token i (`base.sentence_span`: the pipeline has no parser)."""
    text = doc_text(doc)
    lo, hi = sentence_span(text, doc[i].idx)
    return text[lo:hi]
