"""Tests of pipeline/split.py: a listing's records in every layout it holds."""

from __future__ import annotations

from pathlib import Path

from pipeline.documents import read_document
from pipeline.split import split_document

BULLETS = """SOCIEUX+ | Catalogue of actions
  • Employment services for returning migrants in Armenia

    Start activities
    14/03/2022
    Partner Institution
    Unified Social Service of the Ministry of Labour and Social Affairs
    Code
    2022-06
    Description
    A Czech and a Polish expert analysed the case-management practices of territorial centres in Yerevan.
  • Modernising the pension scheme of the Dominica Social Security

    Start activities
    sep-2019
    Partner Institution
    Dominica Social Security (DSS)
    Code
    2019-26
    Description
    An expert from the UK Department for Work and Pensions and a Dutch expert conducted two missions to Roseau.
"""
FURNITURE = """
Load more

SOCIEUX+ | Catalogue of actions | Social protection
Filter by: Country · Type of assistance · SDG
6 actions found
Print this page

"""
DASHES = """-
Digitalisation of disability assessment in Armenia
- Start activities
- 10/01/2022
- Partner Institution
- Ministry of Labour and Social Affairs of the Republic of Armenia
- Code
- 2021-41
- Description
- Experts from the Estonian Social Insurance Board assessed the IT specifications prepared by the Ministry.
-
Extending pension coverage to informal workers in Fiji
- Start activities
- 04/2021
- Partner Institution
- Fiji National Provident Fund (FNPF)
- Code
- 2021-17
- Description
- A Lithuanian expert and a Chilean expert assessed the existing voluntary savings products.
"""
NOTES = """
Notes

- Dates are those of the activities; "since" marks actions still under implementation at the time of writing.
- Mode refers to how the activities were delivered (on-site, remote or mixed); "—" means not recorded.
"""


def _split(tmp_path: Path, text: str):
    path = tmp_path / "page.txt"
    path.write_text(text, encoding="utf-8")
    return split_document(read_document(path))


def test_a_scrape_of_two_layouts_gives_every_record(tmp_path: Path) -> None:
    """Bullet records, a page's footer, then dash records: the dash records are not the last bullet record's
    footer."""
    text = BULLETS + FURNITURE + DASHES
    records = _split(tmp_path, text)
    assert [(r.index, r.values.get("code")) for r in records] == [
        (0, "2022-06"), (1, "2019-26"), (2, "2021-41"), (3, "2021-17")]
    assert records[2].partner_institution == "Ministry of Labour and Social Affairs of the Republic of Armenia"
    assert all(text[r.start : r.end] == r.text for r in records)  # offsets in the whole document
    assert "Load more" not in records[1].text


def test_the_other_layout_may_come_first(tmp_path: Path) -> None:
    records = _split(tmp_path, DASHES + FURNITURE + BULLETS)
    assert [r.values.get("code") for r in records] == ["2021-41", "2021-17", "2022-06", "2019-26"]


def test_a_pages_notes_under_dashes_are_no_records(tmp_path: Path) -> None:
    records = _split(tmp_path, BULLETS + NOTES)
    assert [r.values.get("code") for r in records] == ["2022-06", "2019-26"]


def test_a_record_no_reader_took_is_noted(tmp_path: Path) -> None:
    """A card rendered without its bullet between two bullet records: the record before it says so."""
    lost = ("\nOrganisational audit of the National Institute of Social Security\nStart activities: 07/03/2022\n"
            "Partner Institution: Instituto Nacional de Seguridad Social (INSESO)\nCode: 2021-44\n\n"
            "INSESO manages pensions for formal sector workers in Equatorial Guinea.\n")
    first, second = BULLETS.split("  • Modernising")
    records = _split(tmp_path, first + lost + "  • Modernising" + second)
    assert [r.values.get("code") for r in records] == ["2022-06", "2019-26"]
    assert records[0].problems == ["text after this record holds field labels no record took: "
                                   "'Organisational audit of the National Institute of Social Security'"]
    assert records[1].problems == []
