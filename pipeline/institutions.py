"""Partner country by institution: the same specific institution named elsewhere with its country.

Listings often name a partner institution without its country ("Ministry of
Labour and Employment Promotion [Ministerio de Trabajo y Promoción del
Empleo]") while other records of the same collection name the same institution
with it. When a record has no partner country, its institution line is
specific (see models/data/institution_generic_words.txt) and every other
record with exactly that institution line agrees on one country, that country
is inferred (status `inferred`, rule `partner:same-institution`). Nothing here
is a table of answers: the evidence is other records of the corpus being run.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from pipeline.paths import DATA_DIR

RULE = "partner:same-institution"


@lru_cache(maxsize=1)
def _generic(path: Path = DATA_DIR / "institution_generic_words.txt") -> tuple[frozenset[str], int]:
    words: set[str] = set()
    minimum = 5
    for row in path.read_text(encoding="utf-8").splitlines():
        if not row.strip() or row.startswith("#"):
            continue
        if row.startswith("min_content_words"):
            minimum = int(row.split("\t")[1])
        else:
            words.update(row.split())
    return frozenset(words), minimum


def institution_key(institution: str | None) -> str | None:
    """Normalised institution line when it is specific enough to identify one institution."""
    if not institution:
        return None
    generic, minimum = _generic()
    words = [w for w in re.findall(r"\w+", institution.casefold()) if w not in generic and not w.isdigit()]
    has_native_or_acronym = bool(re.search(r"[\[(]", institution))
    if len(words) < minimum or not has_native_or_acronym:
        return None
    return re.sub(r"\s+", " ", institution.casefold()).strip()


@dataclass(frozen=True)
class Inferred:
    action_id: str
    country: str
    institution: str
    source_actions: tuple[str, ...]


def infer(rows: list[tuple[str, str | None, str | None, str | None]]) -> list[Inferred]:
    """rows: (action_id, partner_institution, partner_country, rule of the partner value).

    Values inferred by this rule are not evidence for others (no chains).
    """
    countries: dict[str, set[str]] = defaultdict(set)
    sources: dict[str, list[str]] = defaultdict(list)
    for action_id, inst, country, rule in rows:
        key = institution_key(inst)
        if key and country and rule != RULE:
            countries[key].add(country)
            sources[key].append(action_id)
    out = []
    for action_id, inst, country, rule in rows:
        key = institution_key(inst)
        if key and (country is None or rule == RULE) and len(countries.get(key, ())) == 1:
            out.append(Inferred(action_id, next(iter(countries[key])), inst or "", tuple(sorted(sources[key]))))
    return out
