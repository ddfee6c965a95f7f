"""pipeline/languages.py: the country an institution's name in its own language points to."""

from __future__ import annotations

import pytest

from pipeline.eu import load_membership
from pipeline.languages import language_territories, name_country, name_language, name_languages

EU = frozenset(load_membership())


@pytest.mark.parametrize(("name", "language", "country"), [
    ("Státní úřad inspekce práce", "cs", "CZ"),
    ("Zakład Ubezpieczeń Społecznych", "pl", "PL"),
    ("Valstybinio socialinio draudimo fondo valdyba", "lt", "LT"),
    ("Nodarbinātības valsts aģentūra", "lv", "LV"),
    ("Sotsiaalkindlustusamet", "et", "EE"),
    ("Kansaneläkelaitos", "fi", "FI"),
    ("Försäkringskassan", "sv", "SE"),
    ("Istituto Nazionale della Previdenza Sociale", "it", "IT"),
    ("Hrvatski zavod za mirovinsko osiguranje", "hr", "HR"),
    ("Nemzeti Foglalkoztatási Szolgálat", "hu", "HU"),
    ("Национален осигурителен институт", "bg", "BG"),
    # a language of two member states or more: no country
    ("Deutsche Rentenversicherung Bund", "de", None),
    ("Uitvoeringsinstituut Werknemersverzekeringen", "nl", None),
    ("Caisse Nationale de Sécurité Sociale", "fr", None),
    ("Εθνικός Οργανισμός Παροχής Υπηρεσιών Υγείας", "el", None),
    # English, and names too short to tell (py3langid unsure): no country
    ("Ministry of Labour and Social Protection", "en", None),
    ("Social Security Board", None, None),
    ("Töötukassa", None, None),
])
def test_name_language_and_country(name: str, language: str | None, country: str | None) -> None:
    assert name_language(name) == language
    assert name_country(name, EU) == country


def test_a_language_also_of_a_country_the_record_names_decides_nothing() -> None:
    name = "Agenția Națională pentru Ocuparea Forței de Muncă"
    assert name_country(name, EU) == "RO"
    assert name_country(name, EU, named=frozenset({"MD"})) is None  # Moldova speaks Romanian too
    assert name_country("Tesorería General de la Seguridad Social", EU) == "ES"
    assert name_country("Tesorería General de la Seguridad Social", EU, named=frozenset({"PE"})) is None


def test_territories_come_from_cldr() -> None:
    territories = language_territories()
    assert territories["cs"] == {"CZ"}
    assert {"DE", "AT"} <= territories["de"]
    assert {"RO", "MD"} <= territories["ro"]
    assert "en" in name_languages() and "ga" not in name_languages()
