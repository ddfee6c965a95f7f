"""EU membership of expert countries, judged at the action's date.

EXTRACTION_SPEC.md: "Whether a country is an EU member is derived by the
pipeline, not annotated (the United Kingdom was a member until 31 January
2020)". The member states and their accession (and exit) dates are data, kept
in `models/data/eu_membership.tsv`; this module reads that table and answers
"was `code` a member on `date`?". A partial ISO date ("2019", "2019-05") is
judged at its first day.
"""

from __future__ import annotations

import csv
import datetime
from functools import lru_cache
from pathlib import Path
from typing import NamedTuple

from pipeline.paths import DATA_DIR

MEMBERSHIP_PATH = DATA_DIR / "eu_membership.tsv"


class Membership(NamedTuple):
    """One row of the membership table; `left` is the last day of membership (inclusive)."""

    code: str
    name: str
    joined: datetime.date
    left: datetime.date | None


def read_membership_rows(path: Path = MEMBERSHIP_PATH) -> list[Membership]:
    """Parse the tab-separated membership table ('#' lines are comments)."""
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise FileNotFoundError(f"EU membership table {path} cannot be read ({exc}); restore it from git") from exc
    lines = [line for line in text.splitlines() if line.strip() and not line.startswith("#")]
    rows: list[Membership] = []
    for n, row in enumerate(csv.DictReader(lines, delimiter="\t"), start=2):
        try:
            code = row["code"].strip().upper()
            left = (row.get("left") or "").strip()
            rows.append(
                Membership(
                    code=code,
                    name=row["name"].strip(),
                    joined=datetime.date.fromisoformat(row["joined"].strip()),
                    left=datetime.date.fromisoformat(left) if left else None,
                )
            )
        except (KeyError, AttributeError, ValueError) as exc:
            raise ValueError(f"{path}: data row {n - 1} is malformed ({exc}): {row}") from exc
    return rows


def load_membership(path: Path = MEMBERSHIP_PATH) -> dict[str, tuple[datetime.date, datetime.date | None]]:
    """code -> (joined, left or None), cached per file. Do not mutate the result."""
    return _load_cached(_resolved(path))


@lru_cache(maxsize=8)
def _resolved(path: Path | str) -> Path:
    # resolving a path is a handful of system calls: once per path, not once per expert loaded
    return Path(path).resolve()


@lru_cache(maxsize=8)
def _load_cached(path: Path) -> dict[str, tuple[datetime.date, datetime.date | None]]:
    return {m.code: (m.joined, m.left) for m in read_membership_rows(path)}


def partial_date_start(on: str) -> datetime.date:
    """First day of an ISO partial date: "2019" -> 2019-01-01, "2019-05" -> 2019-05-01."""
    parts = on.strip().split("-")
    if not 1 <= len(parts) <= 3 or len(parts[0]) != 4:
        raise ValueError(f"{on!r} is not an ISO date at year, month or day precision")
    try:
        numbers = [int(p) for p in parts] + [1] * (3 - len(parts))
        return datetime.date(numbers[0], numbers[1], numbers[2])
    except ValueError as exc:
        raise ValueError(f"{on!r} is not an ISO date at year, month or day precision") from exc


def is_eu_member(code: str, on: str | None = None) -> bool:
    """Whether `code` (ISO alpha-2) was an EU member on `on` (ISO partial date; None = today)."""
    dates = load_membership().get(code.strip().upper())
    if dates is None:
        return False
    day = datetime.date.today() if on is None else partial_date_start(on)
    joined, left = dates
    return joined <= day and (left is None or day <= left)
