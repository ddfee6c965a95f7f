"""Tests of pipeline/localities.py: GeoNames places of 1,000 inhabitants or more, for local authorities."""

from __future__ import annotations

from pipeline.localities import LOCALITIES_PATH, build_rows, locality_countries, main, render


def test_committed_table_is_current() -> None:
    assert LOCALITIES_PATH.read_text(encoding="utf-8") == render(build_rows())


def test_places_below_the_town_table_with_their_spellings() -> None:
    assert locality_countries("Girardota") == {"CO"}  # a municipality of Antioquia, not in towns.tsv
    assert locality_countries("Dapaong") == {"TG"}
    assert {"CO"} <= locality_countries("Soacha")
    assert locality_countries("Nikšić") == locality_countries("Niksic")  # spelling without accents
    assert "ES" in locality_countries("Toledo") and len(locality_countries("Toledo")) > 1  # a shared name
    assert locality_countries("Nowhere Town") == frozenset()


def test_rows_are_sorted_and_unique() -> None:
    rows = build_rows()
    names = [name for name, _ in rows]
    assert names == sorted(set(names))
    assert all(codes and list(codes) == sorted(codes) and len(name) >= 3 for name, codes in rows)


def test_main_writes_and_checks(assert_generated_file) -> None:
    assert_generated_file(main, LOCALITIES_PATH)
