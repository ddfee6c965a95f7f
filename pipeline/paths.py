"""Every default path of the project, anchored at the project root (never the cwd)."""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS_DIR = ROOT / "corpus"
GOLD_PATH = CORPUS_DIR / "gold" / "seed_gold.jsonl"
MODELS_DIR = ROOT / "models"
CONFIG_PATH = MODELS_DIR / "config.cfg"
PATTERNS_DIR = MODELS_DIR / "patterns"
DATA_DIR = MODELS_DIR / "data"
PIPELINE_DIR = MODELS_DIR / "socieux_pipeline"
OUTPUTS_DIR = ROOT / "outputs"
DB_PATH = OUTPUTS_DIR / "socieux.duckdb"
SNAPSHOT_DIR = ROOT / "tests" / "test_snapshots"  # pytest-regressions snapshots of corpus/ extraction


def read_table(path: Path) -> list[list[str]]:
    """The rows of a tab-separated data file under models/data, each a list of stripped cells (blank lines and
    lines opening with "#" skipped)."""
    return [[cell.strip() for cell in line.split("\t")] for line in path.read_text(encoding="utf-8").splitlines()
            if line.strip() and not line.startswith("#")]
