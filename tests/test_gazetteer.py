"""Tests of pipeline/gazetteer.py: name variants, filters, candidate ranking and the committed file."""

from __future__ import annotations

from pathlib import Path

import pycountry
import pytest

from pipeline import gazetteer
from pipeline.gazetteer import (
    LABELS,
    NOT_PLACE,
    PATTERNS_PATH,
    Candidate,
    acceptable,
    build_patterns,
    clean,
    fold,
    rank,
    read_stoplist,
    render,
    spellings,
    uninvert,
    variants,
)


@pytest.fixture(scope="module")
def patterns() -> list[dict[str, str]]:
    return build_patterns()


@pytest.fixture(scope="module")
def by_phrase(patterns: list[dict[str, str]]) -> dict[str, dict[str, str]]:
    return {p["pattern"]: p for p in patterns}


def codes(pattern: dict[str, str]) -> list[str]:
    return pattern["id"].split("@")[0].split("|")


# -- pure helpers -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [("Yucatán", "Yucatan"), ("Côte d’Ivoire", "Cote d’Ivoire"), ("Perú", "Peru"), ("Peru", "Peru")],
)
def test_fold(text: str, expected: str) -> None:
    assert fold(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Congo - Kinshasa", "Congo-Kinshasa"),
        ("Myanmar (Burma)", "Myanmar"),
        ("St. Kitts & Nevis", "St. Kitts and Nevis"),
        ("  Costa   Rica ", "Costa Rica"),
    ],
)
def test_clean(text: str, expected: str) -> None:
    assert clean(text) == expected


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Korea, Republic of", ["Korea", "Republic of Korea"]),
        ("Congo, The Democratic Republic of the", ["Congo", "The Democratic Republic of the Congo"]),
        ("Taiwan, Province of China", ["Taiwan"]),
        ("Asturias, Principado de", ["Asturias", "Principado de Asturias"]),
        ("Catalunya [Cataluña]", ["Catalunya", "Cataluña"]),
        ("Wales [Cymru GB-CYM]", ["Wales"]),
        ("Peru", ["Peru"]),
    ],
)
def test_uninvert(name: str, expected: list[str]) -> None:
    assert uninvert(name) == expected


@pytest.mark.parametrize(
    ("name", "kind", "present", "absent"),
    [
        ("The Netherlands", "country", {"Netherlands", "NETHERLANDS"}, {"The Netherlands", "the Netherlands"}),
        ("Côte d’Ivoire", "country", {"Côte d'Ivoire", "Cote d'Ivoire", "Cote d’Ivoire", "CÔTE D’IVOIRE"}, set()),
        ("Guinea-Bissau", "country", {"Guinea Bissau", "GUINEA-BISSAU"}, set()),
        ("Republic of the Congo", "country", {"Republic of Congo"}, set()),
        ("Bolivia", "country", {"BOLIVIA"}, set()),
        ("Yucatán", "region", {"Yucatán", "Yucatan"}, {"YUCATAN"}),
        ("Murang'a", "region", {"Murang’a"}, set()),
        ("Kuwait City", "city", {"Kuwait City", "Kuwait city"}, set()),
        ("Saint John’s", "city", {"St. John's", "St John’s", "Saint John's"}, set()),
        ("St. Louis", "city", {"Saint Louis", "St Louis"}, set()),
        # a country's saint abbreviated too ("St Vincent and the Grenadines: labour officers trained …")
        ("Saint Vincent and the Grenadines", "country",
         {"St Vincent and the Grenadines", "St. Vincent and the Grenadines", "ST VINCENT AND THE GRENADINES"}, set()),
        ("Kuwait", "country", set(), {"Kuwait city"}),
    ],
)
def test_variants(name: str, kind: str, present: set[str], absent: set[str]) -> None:
    forms = variants(name, kind)
    assert present <= forms
    assert not absent & forms


@pytest.mark.parametrize(
    ("phrase", "ok"),
    [
        ("Salé", True),
        ("Sale", False),  # stoplisted exact form, the accented one stays
        ("Mission", False),
        ("North West", False),  # made only of stoplisted words
        ("North Macedonia", True),
        ("Centre Department", False),
        ("Plateau State", True),
        ("Plateau", False),
        ("Bo", False),  # too short
        ("Москва", False),  # not Latin
        ("Islas Vírgenes de EE. UU.", True),
        ("Region 5", False),  # digit
        ("Hence", False),  # spaCy English stop word
    ],
)
def test_acceptable(phrase: str, ok: bool) -> None:
    assert acceptable(phrase, read_stoplist()) is ok


def cand(weight: int = 0, capital: bool = False, **kinds: str) -> Candidate:
    return Candidate(kinds=dict(kinds), weight=weight, capital=capital)


@pytest.mark.parametrize(
    ("candidates", "order", "reason"),
    [
        # a country reading beats a region of another country ("Georgia")
        ({"US": cand(region="pycountry"), "GE": cand(3_700_000, country="pycountry")}, ["GE", "US"], "kind"),
        # a region beats a city ("Loreto" PE region vs a town elsewhere)
        ({"MX": cand(24_000, city="geonames"), "PE": cand(region="pycountry")}, ["PE", "MX"], "kind"),
        # two regions: a tie ("Punjab")
        ({"PK": cand(region="pycountry"), "IN": cand(region="pycountry")}, ["IN", "PK"], "tie"),
        # region + city of one country beat a region elsewhere ("La Paz")
        ({"HN": cand(region="pycountry"), "BO": cand(2_000_000, region="pycountry", city="geonames")}, ["BO", "HN"], "readings"),
        # a city ten times larger wins; within ten times it is a tie
        ({"A1": cand(1_500_000, city="geonames"), "B1": cand(100_000, city="geonames")}, ["A1", "B1"], "size"),
        ({"ES": cand(1_600_000, city="geonames"), "VE": cand(800_000, city="geonames")}, ["ES", "VE"], "tie"),
        # a capital ten times larger than its namesake cities is the capital ("Madrid", "London") ...
        ({"CO": cand(135_000, city="geonames"), "ES": cand(3_255_944, True, region="pycountry", city="geonames")},
         ["ES", "CO"], "capital"),
        # ... not against a region ("Sucre", a Colombian department) nor within ten times ("Tripoli")
        ({"CO": cand(region="pycountry"), "BO": cand(224_838, True, city="geonames")}, ["CO", "BO"], "kind"),
        ({"LY": cand(1_302_947, True, city="geonames"), "LB": cand(229_398, city="geonames")}, ["LY", "LB"], "tie"),
        # two countries of similar size sharing a name stay tied ("Congo")
        ({"CG": cand(5_000_000, country="pycountry"), "CD": cand(84_000_000, country="pycountry")}, ["CD", "CG"], "tie"),
        # a row of the extra file settles a tie the packages leave ("Korea" is the Republic of Korea)
        ({"KR": cand(51_000_000, country="extra"), "KP": cand(25_000_000, country="pycountry")}, ["KR", "KP"], "curated"),
        # a much smaller territory sharing a demonym is pruned ("French")
        ({"FR": cand(66_000_000, demonym="countryinfo"), "MQ": cand(400_000, demonym="countryinfo")}, ["FR"], None),
        # a Spanish-only country name yields to a place of that name ("Granada" is not Grenada)
        ({"GD": cand(110_000, country="cldr-es"), "ES": cand(230_000, city="geonames")}, ["ES"], None),
    ],
)
def test_rank(candidates: dict[str, Candidate], order: list[str], reason: str | None) -> None:
    assert rank(candidates) == (order, reason)


# -- the generated file ----------------------------------------------------------------


def test_committed_file_is_current(patterns: list[dict[str, str]]) -> None:
    assert PATTERNS_PATH.read_text(encoding="utf-8") == render(patterns), "run `python -m pipeline.gazetteer`"


def test_file_shape(patterns: list[dict[str, str]]) -> None:
    phrases = [p["pattern"] for p in patterns]
    assert phrases == sorted(phrases) and len(phrases) == len(set(phrases))  # one pattern per form
    assert 5_000 < len(patterns) < 40_000  # keeps the pipeline quick to build
    alpha2 = {c.alpha_2 for c in pycountry.countries}
    for p in patterns:
        assert p["label"] in {*LABELS.values(), NOT_PLACE}
        assert p["pattern"] not in alpha2, p  # "IN", "TO", "AT" are words
        if p["label"] == NOT_PLACE:
            assert "id" not in p
            continue
        assert "#" not in p["id"]  # the entity ruler's ent_id_sep
        parts = p["id"].split("@")
        assert len(parts) == (3 if len(codes(p)) == 1 else 4), p
        assert len(parts[1].split("|")) == len(codes(p))
        assert LABELS[parts[1].split("|")[0]] == p["label"]


@pytest.mark.parametrize(
    ("name", "alternates", "expected"),
    [
        ("Port-Vila", ["Bila", "Port Vila", "Vila", "VLI", "Порт Вила"], ["Port-Vila", "Port Vila"]),
        ("Dili", ["Delhi", "Dili", "Díli", "Dilli"], ["Dili", "Díli"]),
        ("Nuku‘alofa", ["Nuku'alofa", "Nukualofa", "Nuku’alofa"], ["Nuku‘alofa", "Nuku'alofa", "Nuku’alofa"]),
    ],
)
def test_spellings_differ_only_in_marks(name: str, alternates: list[str], expected: list[str]) -> None:
    assert spellings(name, alternates) == expected


@pytest.mark.parametrize(
    ("phrase", "label", "first", "also"),
    [
        ("Peru", "COUNTRY", "PE", ()),
        ("Perú", "COUNTRY", "PE", ()),
        ("PERU", "COUNTRY", "PE", ()),
        ("BOLIVIA", "COUNTRY", "BO", ()),
        ("Côte d’Ivoire", "COUNTRY", "CI", ()),
        ("Côte d'Ivoire", "COUNTRY", "CI", ()),
        ("Costa do Marfim", "COUNTRY", "CI", ()),
        ("Camerún", "COUNTRY", "CM", ()),
        ("Cabo Verde", "COUNTRY", "CV", ()),
        ("Cape Verde", "COUNTRY", "CV", ()),
        ("Ivory Coast", "COUNTRY", "CI", ()),
        ("Czechia", "COUNTRY", "CZ", ()),
        ("Czech Republic", "COUNTRY", "CZ", ()),
        ("Kyrgyz Republic", "COUNTRY", "KG", ()),
        ("Türkiye", "COUNTRY", "TR", ()),
        ("Turkey", "COUNTRY", "TR", ()),
        ("Netherlands", "COUNTRY", "NL", ()),
        ("North Macedonia", "COUNTRY", "MK", ()),
        ("Great Britain", "COUNTRY", "GB", ()),
        ("UK", "COUNTRY", "GB", ()),
        ("Kosovo", "COUNTRY", "XK", ()),
        ("DR Congo", "COUNTRY", "CD", ()),
        ("DRC", "COUNTRY", "CD", ()),
        ("Republic of Congo", "COUNTRY", "CG", ()),
        ("Congo-Brazzaville", "COUNTRY", "CG", ()),
        ("Congo", "COUNTRY", "CD", ("CG",)),
        ("People's Republic of China", "COUNTRY", "CN", ()),
        ("Georgia", "COUNTRY", "GE", ("US",)),
        ("Niger", "COUNTRY", "NE", ("NG",)),
        ("Costa Rican", "DEMONYM", "CR", ()),
        ("Togolese", "DEMONYM", "TG", ()),
        ("Dutch", "DEMONYM", "NL", ()),
        ("Kyrgyz", "DEMONYM", "KG", ()),
        ("Kosovar", "DEMONYM", "XK", ()),
        ("Spaniards", "DEMONYM", "ES", ()),  # a noun demonym (data/countries_extra.tsv)
        ("Spanish", "DEMONYM", "ES", ()),
        ("French", "DEMONYM", "FR", ()),
        ("Portuguese", "DEMONYM", "PT", ()),
        ("Congolese", "DEMONYM", "CD", ("CG",)),
        ("Loreto", "REGION", "PE", ()),
        ("Yucatán", "REGION", "MX", ()),
        ("Yucatan", "REGION", "MX", ()),
        ("Ogun", "REGION", "NG", ()),
        ("Ogun State", "REGION", "NG", ()),
        ("Antioquia", "REGION", "CO", ()),
        ("Punjab", "REGION", "IN", ("PK",)),
        ("Guangdong", "REGION", "CN", ()),  # "Guangdong Sheng" without its type in Chinese
        ("Barranquilla", "CITY", "CO", ()),
        ("Podgorica", "CITY", "ME", ()),
        ("Belgrade", "CITY", "RS", ()),
        ("Djibouti City", "CITY", "DJ", ()),
        ("Djibouti city", "CITY", "DJ", ()),  # the common lower-case spelling
        # a capital spelt "St. John's" by the country table and "Saint John’s" by the city table
        ("St. John's", "CITY", "CA", ("AG",)),
        # a territory ISO 3166-1 codes of its own, also an ISO 3166-2 subdivision of another country
        ("Saint-Pierre-et-Miquelon", "COUNTRY", "PM", ()),
        ("Wallis-et-Futuna", "COUNTRY", "WF", ()),
        ("Aruba", "COUNTRY", "AW", ()),
        ("Puerto Rico", "COUNTRY", "PR", ()),
        # a flag emoji qualifies the name after it as a demonym does ("🇱🇻 VSAA")
        ("🇱🇻", "DEMONYM", "LV", ()),
        ("🇰🇬", "DEMONYM", "KG", ()),
    ],
)
def test_entries(by_phrase: dict[str, dict[str, str]], phrase: str, label: str, first: str, also: tuple[str, ...]) -> None:
    p = by_phrase[phrase]
    assert p["label"] == label
    assert codes(p)[0] == first
    assert set(also) <= set(codes(p))


@pytest.mark.parametrize(
    "phrase",
    # "Benin city": as easily "a city of Benin" as Benin City (Nigeria), so neither
    ["US", "PER", "CAN", "European", "African", "Arab", "Latin", "Mission", "Victoria", "Sale", "Para", "North West",
     "Benin city"],
)
def test_absent(by_phrase: dict[str, dict[str, str]], phrase: str) -> None:
    assert phrase not in by_phrase or by_phrase[phrase]["label"] == NOT_PLACE


@pytest.mark.parametrize("phrase", ["Latin American", "Indian Ocean", "Ministry", "Portuguese-speaking"])
def test_not_place(by_phrase: dict[str, dict[str, str]], phrase: str) -> None:
    assert by_phrase[phrase]["label"] == NOT_PLACE


def test_perugia_is_not_peru(by_phrase: dict[str, dict[str, str]]) -> None:
    assert "PE" not in codes(by_phrase["Perugia"])


def test_main_writes_and_checks(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    fixed = [{"label": "COUNTRY", "pattern": "Peru", "id": "PE@country@pycountry"}]
    monkeypatch.setattr(gazetteer, "build_patterns", lambda: fixed)
    out = tmp_path / "countries.jsonl"
    assert gazetteer.main(["--check", "--output", str(out)]) == 1  # missing
    assert gazetteer.main(["--output", str(out)]) == 0
    assert out.read_text(encoding="utf-8") == render(fixed)
    assert gazetteer.main(["--check", "--output", str(out)]) == 0
    out.write_text("stale\n", encoding="utf-8")
    assert gazetteer.main(["--check", "--output", str(out)]) == 1
