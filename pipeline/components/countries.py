"""socieux_countries: resolve the gazetteer's place matches to one country each.

The entity ruler (patterns built by pipeline/gazetteer.py) marks every surface form
that can name a country: COUNTRY, DEMONYM, REGION and CITY spans whose `ent_id_` is
`CODES@KINDS@SOURCE[@REASON]` ("GE|US@country|region@pycountry@kind", see the
gazetteer's docstring), plus NOT_PLACE spans ("Latin American", "Ministry") that
only serve as context. This component

1. drops matches that are a person's name ("Chad Smith", "Jordan Peterson", "Ana
   Santos"): a one-word country, city or region followed by a capitalised word that
   is no place or institution word (NOT_PLACE) and not preceded by of/in/from/to/the/
   and/"," (a longer Title Case run is a headline and stays); or a one-word city or
   region preceded by a capitalised first name inside a sentence; and a birthplace or a
   language in a hyphenated compound ("a Lebanese-born counsellor", "French-speaking"), and a city
   or region glued by a hyphen to a word that is no place ("KwaZulu-Natal": not Natal, Brazil);
2. resolves each remaining match: a single candidate is certain; otherwise a
   candidate whose country the record names elsewhere wins ("resolve:same-record",
   first as a country or demonym, then as an unambiguous city or region, then as a
   country name read as a country by default: "Punjab ... Pakistan" or "Punjab ...
   Lahore" -> PK, "Kingston ... Jamaica" -> JM); a country reading only yields to a city or
   region of the other country ("Atlanta, Georgia" -> US) or to that country's name
   right beside it ("Georgia, USA"), so "Niger" in a record naming Nigeria stays NE, and a
   capital far larger than its namesakes only to a place beside it ("Madrid" stays ES in a
   record that names Colombia; "London, Ontario" is CA); a city
   or region beside a country that places it ("Tripoli, Lebanon", "Tripoli, in northern
   Lebanon") or coordinated with a place of one country ("in Santiago and San Pedro de
   Macorís") is that country's before any other evidence; a name left ambiguous takes the
   country the same name was resolved to elsewhere in the record ("resolve:same-name");
   otherwise the gazetteer's default (a country beats a region, a region a city:
   "Georgia" -> GE); a tie stays ambiguous (code None, candidates kept: "Punjab");
3. writes `doc._.countries` (list[CountryMention], text order) and keeps only the
   place spans in `doc.ents` (NOT_PLACE spans and dropped names are removed); names written in a script
   that one country alone writes ("[สำนักงานประกันสังคม]": TH, pipeline/scripts.py) are mentions of that
   country too (kind demonym, rule `script:<script>`, inferred), not entities.

The component holds no data of its own: everything it needs travels in the ruler's
pattern ids, so the serialised pipeline stays in step with models/patterns/.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from spacy.language import Language
from spacy.tokens import Doc, Span

from pipeline.components.base import BatchPipe, doc_text, is_honorific
from pipeline.facts import CountryKind, CountryMention, ensure_extensions
from pipeline.scripts import script_runs

KINDS: dict[str, CountryKind] = {"COUNTRY": "country", "DEMONYM": "demonym", "REGION": "region", "CITY": "city"}
NOT_PLACE = "NOT_PLACE"
#: words before a one-word place that mark a place reading (the brief's person-name rule)
COORDINATION = frozenset({"and", ",", "&"})
PLACE_CONTEXT = frozenset({"of", "in", "from", "to", "the", "and", "for", "at", "across", "within", ",", "("})
#: second parts of a hyphenated compound that make the place a birthplace or a language
NOT_A_COUNTRY_COMPOUNDS = frozenset({"born", "speaking", "speakers", "language"})
#: hyphens that glue a compound's words
HYPHENS = ("-", "‑", "‐")


def inner_hyphen(doc: Doc, h: int) -> bool:
    """Token h is a hyphen that joins the words on both sides, with no space around it ("e-EFKA",
    "peer-to-peer", "KwaZulu-Natal")."""
    return 0 < h < len(doc) - 1 and doc[h].text in HYPHENS and not doc[h - 1].whitespace_ and not doc[h].whitespace_
#: words between a city and the country that places it ("Tripoli, in northern Lebanon")
LOCATIVE = frozenset({"in", "the", "of", "northern", "southern", "eastern", "western", "central", "north", "south",
                      "east", "west", "north-eastern", "north-western", "south-eastern", "south-western",
                      "northeastern", "northwestern", "southeastern", "southwestern", "coastal", "rural"})


@dataclass(frozen=True)
class Match:
    """One ruler span and what its pattern id says."""

    span: Span
    codes: tuple[str, ...]
    kinds: tuple[CountryKind, ...]
    source: str
    reason: str | None  # why codes[0] is the default: kind, readings, size; "tie": none

    @classmethod
    def from_span(cls, span: Span) -> "Match":
        parts = span.ent_id_.split("@")
        codes = tuple(parts[0].split("|"))
        kinds = tuple(parts[1].split("|")) if len(parts) > 1 else (KINDS[span.label_],) * len(codes)
        source = parts[2] if len(parts) > 2 else "unknown"
        return cls(span, codes, kinds, source, parts[3] if len(parts) > 3 else None)  # type: ignore[arg-type]

    @property
    def kind(self) -> CountryKind:
        return KINDS[self.span.label_]


#: a capitalised name word, also with an inner apostrophe or hyphen ("O'Connor", "Jean-Pierre")
_NAME_WORD = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")


def _is_word(text: str) -> bool:
    return text[:1].isupper() and _NAME_WORD.fullmatch(text) is not None


def is_person_name(doc: Doc, match: Match, context: set[int]) -> bool:
    """A one-word place used as a first name or surname ("Chad Smith", "Ana Santos").

    `context` holds the token indices of every ruler span (places and NOT_PLACE words).
    """
    span = match.span
    if len(span) != 1 or match.kind == "demonym" or not span.text.istitle():
        return False
    i = span.start
    prev = doc[i - 1] if i > 0 else None
    nxt = doc[i + 1] if i + 1 < len(doc) else None
    # "Chad Smith": followed by a capitalised word that is no place/institution word, unless a
    # Title Case run goes on ("Chad Strengthens Its Employment Services" is a headline)
    if nxt is not None and _is_word(nxt.text) and nxt.i not in context:
        title_run = nxt.i + 1 < len(doc) and _is_word(doc[nxt.i + 1].text)
        # a preposition before it marks a place ("in Chad Province"); a coordination does not
        # ("Spain and Chad Smith" lists a person after a country)
        place_before = prev is not None and prev.lower_ in PLACE_CONTEXT and prev.lower_ not in COORDINATION
        if not place_before and not title_run:
            return True
    # "experts Ana Santos": a city or region after a capitalised first name mid-sentence
    if match.kind in ("city", "region") and prev is not None and i >= 2:
        before = doc[i - 2]
        mid_sentence = before.is_lower or before.text in {",", "("} or (
            before.text.endswith(".") and before.text[:1].isupper() and len(before.text) <= 4  # "Ms."
        ) or is_honorific(before.text)  # "Ms Maria Lima", also opening a sentence
        if _is_word(prev.text) and not prev.is_stop and prev.i not in context and mid_sentence:
            return True
        # "Mr Tiago Mendes Rocha": the last of the capitalised names a title opens
        k = i - 1
        while k >= max(0, i - 4) and _is_word(doc[k].text) and not doc[k].is_stop and k not in context:
            k -= 1
        if k < i - 1 and k >= 0 and is_honorific(doc[k].text):
            return True
    return False


def is_inner_part(doc: Doc, match: Match, context: set[int]) -> bool:
    """A city or region glued by a hyphen to a word before it that is no place ("KwaZulu-Natal": not the
    Brazilian city Natal), like a country name inside another word ("Peru" in "Perugia"); two places joined
    ("Bosnia-Herzegovina") stay."""
    i = match.span.start
    if match.kind not in ("city", "region") or i < 2:
        return False
    return inner_hyphen(doc, i - 1) and doc[i - 2].is_alpha and i - 2 not in context


def is_compound_modifier(doc: Doc, match: Match) -> bool:
    """"Lebanese-born", "French-speaking": a birthplace or a language, not a country of the action's
    people or institutions."""
    end = match.span.end
    return (end + 1 < len(doc) and doc[end].text in HYPHENS
            and doc[end + 1].lower_ in NOT_A_COUNTRY_COMPOUNDS)


def adjacent_codes(doc: Doc, matches: list[Match], k: int) -> set[str]:
    """Codes of unambiguous matches next to match k with only punctuation between ("Georgia, USA");
    after a city or region, also a country placed by a locative phrase ("Tripoli, in northern Lebanon")."""
    codes: set[str] = set()
    for j in (k - 1, k + 1):
        if 0 <= j < len(matches) and len(matches[j].codes) == 1:
            a, b = sorted((matches[k].span, matches[j].span), key=lambda s: s.start)
            between = doc[a.end : b.start]
            if all(t.is_punct for t in between):
                codes.add(matches[j].codes[0])
            elif (j == k + 1 and matches[k].kind in ("city", "region") and matches[j].kind == "country"
                  and len(between) and between[0].is_punct and all(t.is_punct or t.lower_ in LOCATIVE for t in between)):
                codes.add(matches[j].codes[0])
            elif (matches[k].kind in ("city", "region") and matches[j].kind in ("city", "region")
                  and all(t.lower_ in COORDINATION for t in between)):
                codes.add(matches[j].codes[0])  # "in Santiago and San Pedro de Macorís": places of one country
    return codes


def resolve(match: Match, strong: set[str], weak: set[str], adjacent: set[str],
            defaults: frozenset[str] = frozenset()) -> CountryMention:
    """Pick the country a match denotes, or leave it ambiguous (see the module docstring)."""
    span = match.span
    code: str | None = None
    status, rule = "ambiguous", "resolve:ambiguous"
    if match.kinds[0] in ("country", "demonym") and match.reason == "kind":
        # a country reading yields to a place of the other country ("Atlanta, Georgia") or to
        # its name right beside it ("Georgia, USA"), not to a mere mention: "Niger" stays NE
        # in a record that names Nigeria
        strong = adjacent
    if match.reason == "capital":
        # a country's capital ("Madrid", "London") yields only to a place beside it ("Madrid,
        # Cundinamarca"), not to the record's mention of the namesake's country
        strong, weak, defaults = set(), set(), frozenset()
    if len(match.codes) == 1:
        code, status, rule = match.codes[0], "certain", f"gazetteer:{match.source}"
    else:
        # a default country reading is evidence for places, not for other country names (nor itself); a
        # country right beside a place comes first ("Tripoli, in northern Lebanon" in a record naming Libya)
        tiers = (strong, weak) if match.kinds[0] in ("country", "demonym") else (adjacent, strong, weak, defaults)
        # a name of two countries alike ("Congolese") whose both countries the record names, one by
        # its name and one by a place ("Brazzaville"), is not settled by the record: neither is nearer
        contested = match.reason == "tie" and sum(c in strong or c in weak for c in match.codes) > 1
        for evidence in tiers:
            if contested and evidence is not adjacent:
                break
            hits = [c for c in match.codes if c in evidence]
            if len(hits) == 1:
                code, status, rule = hits[0], "inferred", "resolve:same-record"
                break
            if hits:  # several named in the record: the default if it is one of them
                if match.reason != "tie" and match.codes[0] in hits:
                    code, status, rule = match.codes[0], "inferred", "resolve:same-record"
                break
        else:
            if match.reason != "tie":
                code, status, rule = match.codes[0], "inferred", f"resolve:prefer-{match.reason}"
    kind = match.kinds[match.codes.index(code)] if code else match.kind
    return CountryMention(
        start=span.start,
        end=span.end,
        start_char=span.start_char,
        end_char=span.end_char,
        text=span.text,
        code=code,
        candidates=match.codes,
        kind=kind,
        rule=rule,
        status=status,  # type: ignore[arg-type]
    )


def script_mentions(doc: Doc) -> list[CountryMention]:
    """Names written in a script that one country alone writes (pipeline/scripts.py: "Social Security Office
    [สำนักงานประกันสังคม]" -> TH): a mention of that country's own language, read like a demonym (inferred)."""
    out = []
    for start, end, code, script in script_runs(doc_text(doc)):
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is not None:
            out.append(CountryMention(span.start, span.end, span.start_char, span.end_char, span.text, code, (code,),
                                      "demonym", f"script:{script.lower()}", "inferred"))
    return out


def one_sense(mentions: list[CountryMention]) -> list[CountryMention]:
    """An ambiguous mention takes the country the same name was resolved to elsewhere in the record
    ("Tripoli" of the title, once "Tripoli, in northern Lebanon" is read): one place per name."""
    resolved: dict[str, dict[str, CountryKind]] = {}
    for m in mentions:
        if m.code and len(m.candidates) > 1:
            resolved.setdefault(m.text, {})[m.code] = m.kind
    if not resolved:
        return mentions
    out = []
    for m in mentions:
        readings = resolved.get(m.text, {})
        if m.code is None and len(readings) == 1:
            (code, kind), = readings.items()
            m = replace(m, code=code, kind=kind, rule="resolve:same-name", status="inferred")
        out.append(m)
    return out


class CountryResolver(BatchPipe):
    """Turns the ruler's place spans into resolved `CountryMention`s."""

    def __init__(self, nlp: Language, name: str) -> None:
        self.nlp = nlp
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        ents = doc.ents  # built from every token on each access: read once
        ruler_ents = [e for e in ents if e.label_ in KINDS or e.label_ == NOT_PLACE]
        context = {t for e in ruler_ents for t in range(e.start, e.end)}
        matches = [Match.from_span(e) for e in ruler_ents if e.label_ in KINDS]
        kept = [m for m in matches if not is_person_name(doc, m, context) and not is_compound_modifier(doc, m)
                and not is_inner_part(doc, m, context)]
        strong = {m.codes[0] for m in kept if len(m.codes) == 1 and m.kind in ("country", "demonym")}
        weak = {m.codes[0] for m in kept if len(m.codes) == 1 and m.kind in ("city", "region")}
        # a country name whose reading as a country is the default ("Jamaica" -> JM, not the place in
        # New York) names that country for the record's other places too ("Kingston" -> JM)
        defaults = frozenset(m.codes[0] for m in kept if len(m.codes) > 1 and m.reason == "kind"
                             and m.kinds[0] in ("country", "demonym"))
        doc._.countries = one_sense([resolve(m, strong, weak, adjacent_codes(doc, kept, k), defaults)
                                     for k, m in enumerate(kept)])
        written = script_mentions(doc)
        if written:
            doc._.countries = sorted(doc._.countries + written, key=lambda m: m.start)
        others = [e for e in ents if e.label_ not in KINDS and e.label_ != NOT_PLACE]
        doc.ents = sorted(others + [m.span for m in kept], key=lambda s: s.start)
        return doc


@Language.factory("socieux_countries")
def make_countries(nlp: Language, name: str) -> CountryResolver:
    """Factory of the `socieux_countries` component (registered on import of this module)."""
    ensure_extensions()
    return CountryResolver(nlp, name)
