"""Shared fixtures: one Prefect test backend and one spaCy pipeline per test session.

Neither is autouse: only the tests that run a flow (test_flows.py, test_cli.py)
start Prefect's temporary backend, and only the tests that need the full
pipeline load it, so the fast unit tests stay fast.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from prefect.testing.utilities import prefect_test_harness
from spacy.language import Language


@pytest.fixture(scope="session")
def prefect_harness() -> Iterator[None]:
    """Flows run against a temporary SQLite backend (Prefect's documented session-scoped pattern)."""
    with prefect_test_harness():
        yield


@pytest.fixture(scope="session")
def nlp() -> Language:
    """The serialised pipeline the flow uses (rebuilt first when missing or stale)."""
    from pipeline.run import get_nlp

    return get_nlp()


@pytest.fixture(scope="session")
def corpus_db(prefect_harness, tmp_path_factory: pytest.TempPathFactory):
    """A DuckDB built by one real flow run over a copy of corpus/ (read it, do not modify it)."""
    import shutil

    import flows
    from pipeline.paths import CORPUS_DIR

    tmp = tmp_path_factory.mktemp("corpus_db")
    shutil.copytree(CORPUS_DIR, tmp / "corpus")
    db = tmp / "corpus.duckdb"
    flows.extract_corpus(tmp / "corpus", db)
    return db


@pytest.fixture
def assert_generated_file(tmp_path):
    """The check shared by the generated tables under models/patterns/ (towns, localities):
    `python -m <module>` writes the table, `--check` fails on a missing file and passes on a fresh one,
    and what it writes is the committed table."""

    def check(main, committed) -> None:
        out = tmp_path / committed.name
        assert main(["--check", "--output", str(out)]) == 1  # missing
        assert main(["--output", str(out)]) == 0
        assert main(["--check", "--output", str(out)]) == 0
        assert out.read_text(encoding="utf-8") == committed.read_text(encoding="utf-8")

    return check
