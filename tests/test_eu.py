"""EU membership judged at a date (spec: the United Kingdom was a member until 31 January 2020)."""

from __future__ import annotations

import datetime
from pathlib import Path

import pytest

from pipeline.eu import MEMBERSHIP_PATH, is_eu_member, load_membership, partial_date_start, read_membership_rows
from pipeline.schema import is_country_code


@pytest.mark.parametrize(
    ("code", "on", "expected"),
    [
        # the spec's rule: a date on or before 2020-01-31 counts as member
        ("GB", "2019", True),
        ("GB", "2019-05-23", True),
        ("GB", "2020-01-31", True),
        ("GB", "2020", True),  # a partial date is judged at its first day
        ("GB", "2020-02-01", False),
        ("GB", "2020-02", False),
        ("GB", "2021", False),
        ("GB", "1972-12-31", False),
        ("GB", "1973", True),
        # founders and accession waves
        ("FR", "1958-01-01", True),
        ("FR", "1957-12-31", False),
        ("ES", "1985", False),
        ("ES", "1986", True),
        ("PL", "2004-04-30", False),
        ("PL", "2004-05", True),
        ("HR", "2013", False),
        ("HR", "2013-06", False),
        ("HR", "2013-07", True),
        ("RO", "2016", True),
        # never members
        ("CH", "2019", False),
        ("NO", "2024", False),
        ("CR", "2024-05-23", False),
        ("XK", "2021", False),
        # case-insensitive code
        ("gb", "2019", True),
    ],
)
def test_is_eu_member_at_a_date(code: str, on: str, expected: bool) -> None:
    assert is_eu_member(code, on) is expected


@pytest.mark.parametrize(("code", "expected"), [("DE", True), ("HR", True), ("GB", False), ("CH", False)])
def test_is_eu_member_today(code: str, expected: bool) -> None:
    assert is_eu_member(code, None) is expected


@pytest.mark.parametrize(
    ("on", "day"),
    [("2019", datetime.date(2019, 1, 1)), ("2019-05", datetime.date(2019, 5, 1)), ("2019-05-23", datetime.date(2019, 5, 23))],
)
def test_partial_date_start(on: str, day: datetime.date) -> None:
    assert partial_date_start(on) == day


@pytest.mark.parametrize("bad", ["19", "2019-13", "2019-02-30", "May 2019", "2019-05-23-1"])
def test_bad_date_is_refused(bad: str) -> None:
    with pytest.raises(ValueError, match="ISO date"):
        is_eu_member("FR", bad)


def test_table_is_eu27_plus_uk_with_iso_codes() -> None:
    rows = read_membership_rows()
    codes = [r.code for r in rows]
    assert len(codes) == len(set(codes)) == 28
    assert all(is_country_code(c) for c in codes)
    today = datetime.date.today()
    current = [r.code for r in rows if r.left is None or r.left >= today]
    assert len(current) == 27 and "GB" not in current
    assert load_membership()["GB"] == (datetime.date(1973, 1, 1), datetime.date(2020, 1, 31))


def test_membership_is_cached() -> None:
    assert load_membership() is load_membership(MEMBERSHIP_PATH)


def test_malformed_table_names_the_file(tmp_path: Path) -> None:
    path = tmp_path / "eu.tsv"
    path.write_text("# comment\ncode\tname\tjoined\tleft\tsource\nFR\tFrance\t1 Jan 1958\t\tx\n", encoding="utf-8")
    with pytest.raises(ValueError, match="eu.tsv"):
        load_membership(path)
