"""The country an institution's name in its own language points to, from the language it is written in.

Experts are often named with their institution in its own language only: "a
senior inspector at Arbetsmiljöverket", "two counsellors of Töötukassa",
"experts from the Státní úřad inspekce práce". Such a name says its country when
its language is the main official language of one EU member state and of no
other country the record names:

- the language is identified by py3langid (a character n-gram model shipped with
  the package, nothing downloaded), restricted to the languages listed in
  models/data/name_languages.txt, and accepted only with a normalised
  probability of at least MIN_PROBABILITY (short names are often unsure:
  "Töötukassa" is 0.55 Finnish);
- the countries of a language come from CLDR's territory data (via Babel): the
  territories where it is official and spoken by at least half of the people.
  Czech gives CZ; Romanian gives RO and MD, so a record that names Moldova leaves
  a Romanian name undecided; German gives DE, AT, CH, LI and LU, two member
  states, so a German name is never decided this way, nor is French, Dutch or Greek.

`socieux_experts` reads these countries for institutions right after "from",
"of", "at", "with" or "by" (status `inferred`); they are never partner evidence.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from pipeline.paths import DATA_DIR

LANGUAGES_PATH = DATA_DIR / "name_languages.txt"
#: least normalised probability of the language identified for a name
MIN_PROBABILITY = 0.8
#: least share of the people speaking a territory's official language for it to count as the territory's own
MIN_POPULATION_PERCENT = 50.0


@lru_cache(maxsize=1)
def name_languages(path: Path = LANGUAGES_PATH) -> tuple[str, ...]:
    """ISO 639-1 codes of the languages a name is told apart among (English included: most names are English)."""
    rows = (line.split("#", 1)[0].strip() for line in path.read_text(encoding="utf-8").splitlines())
    return tuple(row for row in rows if row)


@lru_cache(maxsize=1)
def language_territories() -> dict[str, frozenset[str]]:
    """Language code -> the territories (ISO 3166 alpha-2) where it is official and spoken by at least
    MIN_POPULATION_PERCENT of the people (CLDR territory data)."""
    from babel.core import get_global

    out: dict[str, set[str]] = {}
    for territory, languages in get_global("territory_languages").items():
        for language, info in languages.items():
            if info.get("official_status") in ("official", "de_facto_official") \
                    and info.get("population_percent", 0) >= MIN_POPULATION_PERCENT:
                out.setdefault(language, set()).add(territory)
    return {language: frozenset(territories) for language, territories in out.items()}


@lru_cache(maxsize=1)
def _identifier():
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    identifier = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
    identifier.set_languages(list(name_languages()))
    return identifier


@lru_cache(maxsize=65536)
def name_language(name: str) -> str | None:
    """The language a name is written in, when py3langid is sure enough (MIN_PROBABILITY); else None."""
    language, probability = _identifier().classify(name)
    return language if probability >= MIN_PROBABILITY else None


def name_country(name: str, members: frozenset[str], named: frozenset[str] = frozenset()) -> str | None:
    """The one member state (of `members`) whose own language `name` is written in, unless the language is also
    another country's that the record names (`named`), or another member state's; else None."""
    language = name_language(name)
    if language is None or language == "en":
        return None
    territories = language_territories().get(language, frozenset())
    inside = territories & members
    if len(inside) != 1 or (territories - inside) & named:
        return None
    return next(iter(inside))
