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
