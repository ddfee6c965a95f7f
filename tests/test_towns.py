"""Tests of pipeline/towns.py: the partner's towns too small for the country gazetteer."""

from __future__ import annotations

from pipeline.towns import TOWNS_PATH, build_rows, main, render, town_countries, towns_of


def test_committed_table_is_current() -> None:
    assert TOWNS_PATH.read_text(encoding="utf-8") == render(build_rows())


def test_towns_by_country_with_their_spellings() -> None:
    assert {"Nikšić", "Niksic"} <= towns_of("ME")
    assert "David" in towns_of("PA") and "David" not in towns_of("ME")
    assert {"St. John's", "Saint John's"} <= towns_of("AG")  # an abbreviated saint
    assert towns_of("XX") == frozenset()


def test_countries_of_a_town_name() -> None:
    assert town_countries("Pljevlja") == {"ME"}
    assert town_countries("Bar") == {"ME", "UA"}  # a list of towns settles a name that several countries share
    assert town_countries("Nowhere Town") == frozenset()


def test_no_short_names() -> None:
    assert all(len(name) >= 3 for _, name in build_rows())


def test_main_writes_and_checks(assert_generated_file) -> None:
    assert_generated_file(main, TOWNS_PATH)
