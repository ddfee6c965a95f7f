"""Public institutions of EU member states known by a name that holds no country word ("Pôle emploi", "ZUS").

Experts are often named with their institution only: "Ms Claire Dumont, employer relations manager at
Pôle emploi", "Mr Javier Ortega of the SEPE", "Ms Agnieszka Nowak from ZUS". A careful reader knows which
member state each belongs to; models/data/eu_institutions.tsv lists them (general reference knowledge of
each state's public employment service, social security, pension, health insurance and labour inspection
bodies, never the corpus), leaving out acronyms other countries' bodies share (INPS is also Cabo Verde's).
`socieux_experts` reads these names as mentions of their country (rule `institution:known`, inferred),
for the expert rules only: they are never partner evidence.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from pipeline.paths import DATA_DIR, read_table

INSTITUTIONS_PATH = DATA_DIR / "eu_institutions.tsv"


@lru_cache(maxsize=1)
def known_institutions(path: Path = INSTITUTIONS_PATH) -> dict[str, str]:
    """Name as written -> ISO 3166-1 alpha-2 of its member state."""
    return {name: code for code, name in read_table(path)}
