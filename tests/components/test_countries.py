"""Tests of `socieux_countries`: gazetteer matches resolved to one country (spec § partner_country).

Table-driven: name variants in four languages, demonyms, cities and regions, the
ambiguity rules (country over place, same-record evidence, ties) and the negatives
(words inside words, person names, vague groups).
"""

from __future__ import annotations

from pathlib import Path

import pytest
import spacy
import srsly
from spacy.language import Language

from pipeline.facts import CountryMention
from pipeline.nlp import build_nlp
from pipeline.paths import PATTERNS_DIR


@pytest.fixture(scope="module")
def nlp() -> Language:
    return build_nlp(["entity_ruler", "socieux_countries"])


def mentions(nlp: Language, text: str) -> list[CountryMention]:
    return nlp(text)._.countries


def found(nlp: Language, text: str) -> list[tuple[str, str | None]]:
    return [(m.text, m.code) for m in mentions(nlp, text)]


@pytest.mark.parametrize(
    ("text", "surface", "code", "kind"),
    [
        # names, variants and other languages
        ("Support to the Ministry of Labour of Peru", "Peru", "PE", "country"),
        ("Apoyo al Ministerio de Trabajo del Perú", "Perú", "PE", "country"),
        ("SOCIEUX+ 2018-05 BOLIVIA, ACT. 2 (04.06 – 15.06.2018)", "BOLIVIA", "BO", "country"),
        ("the employment agency of Côte d'Ivoire", "Côte d'Ivoire", "CI", "country"),
        ("the employment agency of Côte d’Ivoire’s capital", "Côte d’Ivoire", "CI", "country"),
        ("Cote d'Ivoire", "Cote d'Ivoire", "CI", "country"),
        ("Ivory Coast", "Ivory Coast", "CI", "country"),
        ("Costa do Marfim", "Costa do Marfim", "CI", "country"),
        ("Camerún", "Camerún", "CM", "country"),
        ("Cabo Verde", "Cabo Verde", "CV", "country"),
        ("Cape Verde", "Cape Verde", "CV", "country"),
        ("Support to the disability sector in Kosovo*", "Kosovo", "XK", "country"),
        ("In alignment with Kosovo*’s commitment", "Kosovo", "XK", "country"),
        ("Czechia", "Czechia", "CZ", "country"),
        ("experts from the Czech Republic", "Czech Republic", "CZ", "country"),
        ("the Kyrgyz Republic", "Kyrgyz Republic", "KG", "country"),
        ("People's Republic of China", "People's Republic of China", "CN", "country"),
        ("People’s Republic of China", "People’s Republic of China", "CN", "country"),
        ("Türkiye", "Türkiye", "TR", "country"),
        ("Turkey", "Turkey", "TR", "country"),
        ("experts from the Netherlands", "Netherlands", "NL", "country"),
        ("North Macedonia", "North Macedonia", "MK", "country"),
        ("Great Britain", "Great Britain", "GB", "country"),
        ("experts from the UK", "UK", "GB", "country"),
        ("Colombia's workforce", "Colombia", "CO", "country"),
        # demonyms, including language names
        ("the Costa Rican Ministry of Labour", "Costa Rican", "CR", "demonym"),
        ("the Togolese National Employment Agency", "Togolese", "TG", "demonym"),
        ("Belgian and Dutch experts", "Dutch", "NL", "demonym"),
        ("a Kyrgyz delegation", "Kyrgyz", "KG", "demonym"),
        ("the Ecuadorian Social Security Institute", "Ecuadorian", "EC", "demonym"),
        ("the Malian agency", "Malian", "ML", "demonym"),
        ("the Guinean ministry", "Guinean", "GN", "demonym"),
        ("Macedonian partners", "Macedonian", "MK", "demonym"),
        ("the Moldovan ministry", "Moldovan", "MD", "demonym"),
        ("Kosovar institutions", "Kosovar", "XK", "demonym"),
        ("the Canary Islands Employment Service", "Canary Islands", "ES", "region"),  # CLDR's IC, a part of Spain
        ("two sessions held in Djibouti City", "Djibouti City", "DJ", "city"),  # a capital named like its country
        ("Spanish peer experts", "Spanish", "ES", "demonym"),
        ("French experts", "French", "FR", "demonym"),
        ("a Portuguese expert", "Portuguese", "PT", "demonym"),
        ("Czech experts", "Czech", "CZ", "demonym"),
        ("a Luxembourgish expert", "Luxembourgish", "LU", "demonym"),
        ("the Hellenic Manpower Employment Organisation", "Hellenic", "GR", "demonym"),
        ("the Korea Employment Information Service", "Korea", "KR", "country"),
        ("Korean experts", "Korean", "KR", "demonym"),
        ("North Korea", "North Korea", "KP", "country"),
        # cities and regions
        ("the municipality of Barranquilla", "Barranquilla", "CO", "city"),
        ("a workshop in Podgorica", "Podgorica", "ME", "city"),
        ("held in Belgrade", "Belgrade", "RS", "city"),
        ("the Ogun State Ministry of Labour", "Ogun State", "NG", "region"),
        ("the state of Yucatan", "Yucatan", "MX", "region"),
        ("the state of Yucatán", "Yucatán", "MX", "region"),
        ("the Regional Government of Loreto", "Loreto", "PE", "region"),
        ("the department of Antioquia", "Antioquia", "CO", "region"),
    ],
)
def test_resolves(nlp: Language, text: str, surface: str, code: str, kind: str) -> None:
    hits = [m for m in mentions(nlp, text) if m.text == surface]
    assert len(hits) == 1, mentions(nlp, text)
    assert (hits[0].code, hits[0].kind) == (code, kind)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # longest match: the shorter country inside the longer name never fires
        ("Niger and Nigeria", [("Niger", "NE"), ("Nigeria", "NG")]),
        ("Guinea, Guinea-Bissau, Equatorial Guinea and Papua New Guinea",
         [("Guinea", "GN"), ("Guinea-Bissau", "GW"), ("Equatorial Guinea", "GQ"), ("Papua New Guinea", "PG")]),
        ("Guinea Bissau", [("Guinea Bissau", "GW")]),
        ("Dominica and the Dominican Republic", [("Dominica", "DM"), ("Dominican Republic", "DO")]),
        ("the Democratic Republic of the Congo, DR Congo, DRC, the Democratic Republic of Congo",
         [("Democratic Republic of the Congo", "CD"), ("DR Congo", "CD"), ("DRC", "CD"),
          ("Democratic Republic of Congo", "CD")]),
        ("the Republic of Congo and Congo-Brazzaville", [("Republic of Congo", "CG"), ("Congo-Brazzaville", "CG")]),
        ("Costa Rica and Costa Rican experts", [("Costa Rica", "CR"), ("Costa Rican", "CR")]),
    ],
)
def test_longest_match(nlp: Language, text: str, expected: list[tuple[str, str]]) -> None:
    assert found(nlp, text) == expected


@pytest.mark.parametrize(
    ("text", "surface", "code", "status", "rule"),
    [
        # a country reading beats a region of another country ...
        ("Georgia main social Ministry", "Georgia", "GE", "inferred", "resolve:prefer-kind"),
        # ... unless a place of that country or its name right beside it say otherwise
        ("the labour office of Atlanta, Georgia", "Georgia", "US", "inferred", "resolve:same-record"),
        ("Georgia, USA", "Georgia", "US", "inferred", "resolve:same-record"),
        # a country merely named elsewhere does not turn a country into a region
        ("experts from Nigeria supported Niger", "Niger", "NE", "inferred", "resolve:prefer-kind"),
        ("experts from the United States supported Georgia", "Georgia", "GE", "inferred", "resolve:prefer-kind"),
        # a region beats a same-named town
        ("Loreto", "Loreto", "PE", "certain", "gazetteer:pycountry"),
        ("La Paz", "La Paz", "BO", "inferred", "resolve:prefer-readings"),
        # ties stay ambiguous unless the record names one candidate
        ("Department of Labour, Provincial Government of Punjab", "Punjab", None, "ambiguous", "resolve:ambiguous"),
        ("the Provincial Government of Punjab with the Federal Government of Pakistan",
         "Punjab", "PK", "inferred", "resolve:same-record"),
        ("Punjab (India) labour department", "Punjab", "IN", "inferred", "resolve:same-record"),
        ("Punjab labour office, Lahore", "Punjab", "PK", "inferred", "resolve:same-record"),
        ("the Congo employment agency", "Congo", None, "ambiguous", "resolve:ambiguous"),
        ("Congolese experts visited Kinshasa", "Congolese", "CD", "inferred", "resolve:same-record"),
        # ... not when the record names both candidates, one by name and one by a place: neither is nearer
        ("The Congolese agency, based in Brazzaville, invited the Democratic Republic of the Congo", "Congolese",
         None, "ambiguous", "resolve:ambiguous"),
        ("a study visit to Barcelona", "Barcelona", None, "ambiguous", "resolve:ambiguous"),
        ("a study visit to Valencia, Spain", "Valencia", "ES", "inferred", "resolve:same-record"),
        # a country placing a city right after it beats the record's other mentions ...
        ("The office in Tripoli, in northern Lebanon, opened; Libya attended.", "Tripoli", "LB", "inferred",
         "resolve:same-record"),
        # a city coordinated with a city of one country, in a record naming both candidates
        ("Lebanon and Libya attended. Offices in Tripoli and Benghazi were trained.", "Tripoli", "LY", "inferred",
         "resolve:same-record"),
        # ... and the same name elsewhere in the record takes that reading
        ("Tripoli office opens. The office in Tripoli, Lebanon, opened; Libya attended.", "Tripoli", "LB",
         "inferred", "resolve:same-name"),
        # a capital that is also a larger city elsewhere, in a record naming its country
        ("Antigua and Barbuda: the experts were in St. John's", "St. John's", "AG", "inferred",
         "resolve:same-record"),
        # a capital far larger than its namesake yields only to a place beside it, not to a mention
        ("Inspectors left for Colombia. A trainer of the ITSS in Madrid joined.", "Madrid", "ES", "inferred",
         "resolve:prefer-capital"),
        ("The office in Madrid, Cundinamarca, serves Colombia's workers.", "Madrid", "CO", "inferred",
         "resolve:same-record"),
        ("Canadian experts from London, Canada", "London", "CA", "inferred", "resolve:same-record"),
        # a country name read as a country by default names that country for the record's other places
        ("Jamaica's cash transfer programme; a training in Kingston", "Kingston", "JM", "inferred",
         "resolve:same-record"),
        # single candidates are certain and carry their source
        ("Perú", "Perú", "PE", "certain", "gazetteer:cldr-es"),
        # GeoNames spellings that differ only in accents or hyphens
        ("classroom sessions in Díli", "Díli", "TL", "certain", "gazetteer:geonames"),
        ("a mission to Port Vila", "Port Vila", "VU", "certain", "gazetteer:geonames"),
        ("Kyrgyz experts", "Kyrgyz", "KG", "certain", "gazetteer:extra"),
    ],
)
def test_resolution_rules(nlp: Language, text: str, surface: str, code: str | None, status: str, rule: str) -> None:
    hit = next(m for m in mentions(nlp, text) if m.text == surface)
    assert (hit.code, hit.status, hit.rule) == (code, status, rule)
    assert code is None or code in hit.candidates


@pytest.mark.parametrize(("text", "code"), [
    ("Social Security Office [สำนักงานประกันสังคม] (SSO)", "TH"),
    ("Social Service Agency [სოციალური მომსახურების სააგენტო]", "GE"),
])
def test_a_name_in_a_script_one_country_writes(nlp: Language, text: str, code: str) -> None:
    found = [m for m in mentions(nlp, text) if m.rule.startswith("script:")]
    assert [(m.code, m.kind, m.status) for m in found] == [(code, "demonym", "inferred")]
    assert text[found[0].start_char : found[0].end_char].strip("[]") == found[0].text


def test_a_script_several_countries_write_names_none(nlp: Language) -> None:
    assert mentions(nlp, "Ministry of Labour [Министерство труда]") == []


def test_ambiguous_keeps_candidates(nlp: Language) -> None:
    (punjab,) = mentions(nlp, "Provincial Government of Punjab")
    assert punjab.code is None and set(punjab.candidates) == {"IN", "PK"} and punjab.kind == "region"


@pytest.mark.parametrize(
    ("text", "absent"),
    [
        ("a visit to Perugia", "PE"),  # no match inside a word
        ("the Provincial Government of KwaZulu-Natal", "BR"),  # a city glued by a hyphen to a word that is no place
        ("Chad Smith presented the results", "TD"),
        ("The experts, Chad O'Connor from Intreo", "TD"),  # a surname with an apostrophe
        ("Jordan Peterson, a psychologist", "JO"),
        # a birthplace or a language in a hyphenated compound
        ("a Lebanese-born counsellor of the employment service", "LB"),
        ("French-speaking experts from Senegal", "FR"),
        ("as Jordan Peterson said", "JO"),
        ("experts Ana Santos and Jorge Lima", "BR"),
        ("experts Ana Santos and Jorge Lima", "PE"),
        ("Ms Maria Lima of the Portuguese institute reviewed the rules.", "PE"),  # a title opens the sentence
        ("Dr Paulo Santos presented the results", "BR"),
        ("European experts", None),
        ("peers from African countries", None),
        ("the Latin American network", "US"),
        ("Inicio › Noticias › América Latina", "ES"),  # the region in Spanish ("Latina" is also a district of Madrid)
        ("the Inter-American Development Bank", "US"),
        ("the Indian Ocean Commission", "IN"),
        ("Portuguese-speaking African countries", "PT"),
        ("a two-week Mission to the partner", None),
        ("Arab States", None),
        ("roast turkey from china", None),  # lower case is no name
        ("North West and Central regions", None),
    ],
)
def test_negatives(nlp: Language, text: str, absent: str | None) -> None:
    got = mentions(nlp, text)
    if absent is None:
        assert got == []
    else:
        assert all(absent not in (m.code, *m.candidates) for m in got), got


@pytest.mark.parametrize(
    ("text", "surface", "code"),
    [
        ("Support to Chad", "Chad", "TD"),
        ("The Ministry of Youth, Sports and Employment of Chad has requested", "Chad", "TD"),
        ("Chad Ministry of Labour", "Chad", "TD"),  # institution word after the name
        ("Jordan and Lebanon", "Jordan", "JO"),
        ("in Jordan Valley communities", "Jordan", "JO"),  # preceded by "in"
        ("Guinea Conakry", "Guinea", "GN"),  # followed by a place
        ("the Lima Metropolitan Area", "Lima", "PE"),
        ("Chad Strengthens Its Employment Services", "Chad", "TD"),  # Title Case headline
    ],
)
def test_country_names_that_look_like_persons(nlp: Language, text: str, surface: str, code: str) -> None:
    assert (surface, code) in found(nlp, text)


def test_text_order_and_offsets(nlp: Language) -> None:
    text = "Experts from France and Spain supported Costa Rica."
    got = mentions(nlp, text)
    assert [m.text for m in got] == ["France", "Spain", "Costa Rica"]
    assert all(text[m.start_char : m.end_char] == m.text for m in got)
    assert [m.start for m in got] == sorted(m.start for m in got)


def test_ents_keep_only_places(nlp: Language) -> None:
    doc = nlp("Chad Smith of the Latin American Ministry visited the Chad Ministry in Lima.")
    assert [(e.text, e.label_) for e in doc.ents] == [("Chad", "COUNTRY"), ("Lima", "REGION")]


def test_ruler_holds_the_committed_patterns(nlp: Language) -> None:
    committed = list(srsly.read_jsonl(PATTERNS_DIR / "countries.jsonl"))
    key = lambda p: (p["pattern"], p["label"])  # noqa: E731
    assert sorted(nlp.get_pipe("entity_ruler").patterns, key=key) == sorted(committed, key=key)


def test_serialised_pipeline_resolves_alike(nlp: Language, tmp_path: Path) -> None:
    nlp.to_disk(tmp_path / "pipe")
    loaded = spacy.load(tmp_path / "pipe")
    text = "Punjab and Lahore; Georgia; the Togolese ministry"
    assert loaded(text)._.countries == nlp(text)._.countries


def test_person_after_a_coordinated_country_is_not_a_place() -> None:
    """"Spain and Chad Smith": the coordination lists a person, not a second country."""
    from pipeline.nlp import build_nlp

    nlp = build_nlp(["entity_ruler", "socieux_countries"])
    doc = nlp("Experts from the State Employment Service of Spain and Chad Smith, a consultant, helped.")
    assert [(m.text, m.code) for m in doc._.countries] == [("Spain", "ES")]
    doc = nlp("Experts from Spain and Chad supported the ministry.")
    assert [m.code for m in doc._.countries] == ["ES", "TD"]
