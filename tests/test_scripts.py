"""pipeline/scripts.py: runs of letters of a script that one country alone writes."""

import pytest

from pipeline.scripts import country_scripts, script_runs


@pytest.mark.parametrize(("text", "expected"), [
    ("Social Security Office [สำนักงานประกันสังคม] (SSO)", [("สำนักงานประกันสังคม", "TH", "THAI")]),
    ("Ministry of Labour [ក្រសួងការងារ និងបណ្តុះបណ្តាលវិជ្ជាជីវៈ]", [("ក្រសួងការងារ និងបណ្តុះបណ្តាលវិជ្ជាជីវៈ", "KH", "KHMER")]),
    ("Agency [სოციალური მომსახურების სააგენტო] and [ລັດຖະບານ]",
     [("სოციალური მომსახურების სააგენტო", "GE", "GEORGIAN"), ("ລັດຖະບານ", "LA", "LAO")]),
])
def test_a_script_one_country_writes_names_it(text: str, expected: list) -> None:
    assert [(text[a:b], code, script) for a, b, code, script in script_runs(text)] == expected


@pytest.mark.parametrize("text", [
    "Ministry of Labour and Social Protection",  # Latin
    "Ministère du Travail (Côte d’Ivoire)",  # accented Latin
    "Министерство труда и социальной защиты",  # Cyrillic: several countries write it
    "وزارة العمل",  # Arabic: likewise
    "ก",  # a single letter is no name
])
def test_other_scripts_and_stray_letters_name_nothing(text: str) -> None:
    assert script_runs(text) == []


def test_the_table_is_data() -> None:
    table = country_scripts()
    assert table["THAI"] == "TH" and table["ARMENIAN"] == "AM"
    assert "ARABIC" not in table and "CYRILLIC" not in table
