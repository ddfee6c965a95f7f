"""Build, save and load the spaCy pipeline described by models/config.cfg.

The pipeline is assembled from the config (like `spacy assemble`): a blank
English tokenizer, the gazetteer entity ruler and the `socieux_*` components,
each initialised with its pattern file from models/patterns/. The result is
serialised to models/socieux_pipeline/ together with a fingerprint of the
config and the pattern files; `load_nlp()` rebuilds it when it is missing or
its fingerprint no longer matches, so every entry point works on a fresh clone.
"""

from __future__ import annotations

import hashlib
import importlib
import json
import shutil
import tempfile
from pathlib import Path

import spacy
import srsly
from spacy.language import Language
from spacy.util import load_config

from pipeline import __version__
from pipeline.paths import CONFIG_PATH, DATA_DIR, PATTERNS_DIR, PIPELINE_DIR

FINGERPRINT_FILE = "socieux_fingerprint.json"


@spacy.registry.readers("socieux.read_patterns.v1")
def read_patterns(path: str) -> list[dict]:
    """A JSONL pattern file as a list (the entity ruler's initialize wants a sequence)."""
    return list(srsly.read_jsonl(path))


def register_factories(config) -> None:
    """Import the module of every `socieux_*` factory the config's pipes use, which registers it."""
    for name in config["nlp"]["pipeline"]:
        factory = config["components"].get(name, {}).get("factory", name)
        if factory.startswith("socieux_"):
            importlib.import_module(f"pipeline.components.{factory.removeprefix('socieux_')}")


#: the code that decides what a record is and what is extracted from it: a change to it is a new
#: pipeline version, so the next run re-extracts (as a change to the config or a pattern file does)
EXTRACTION_CODE = ("components/*.py", "dates.py", "documents.py", "extract.py", "facts.py", "html.py", "markdown.py",
                   "localities.py", "towns.py", "languages.py",
                   # splitting documents into records
                   "split.py", "lines.py", "labels.py", "assistance.py", "chrome.py", "records.py", "labelled.py", "news.py")


def fingerprint(config_path: Path = CONFIG_PATH, patterns_dir: Path = PATTERNS_DIR, data_dir: Path = DATA_DIR) -> str:
    """Hash of what defines the pipeline: package version, config, every pattern file, the
    vocabularies of models/data (field labels, page chrome, assistance types …) and the extraction
    code (EXTRACTION_CODE)."""
    h = hashlib.sha256(__version__.encode())
    h.update(config_path.read_bytes())
    for path in sorted([*patterns_dir.glob("*.jsonl"), *patterns_dir.glob("*.tsv")]):  # towns.tsv too
        h.update(path.name.encode())
        h.update(path.read_bytes())
    for path in sorted([*data_dir.glob("*.txt"), *data_dir.glob("*.tsv")]):
        h.update(path.name.encode())
        h.update(path.read_bytes())
    package = Path(__file__).resolve().parent
    for path in sorted(p for pattern in EXTRACTION_CODE for p in package.glob(pattern)):
        h.update(path.name.encode())
        h.update(path.read_bytes())
    return h.hexdigest()[:16]


def build_nlp(
    components: list[str] | None = None,
    config_path: Path = CONFIG_PATH,
    patterns_dir: Path = PATTERNS_DIR,
) -> Language:
    """Assemble and initialise the pipeline from the config.

    `components` keeps only those pipes (in config order), e.g.
    `build_nlp(["entity_ruler", "socieux_countries"])` in a component's tests.
    """
    config = load_config(config_path, overrides={"paths.patterns": str(patterns_dir)}, interpolate=False)
    names = list(config["nlp"]["pipeline"])
    if components is not None:
        unknown = set(components) - set(names)
        if unknown:
            raise ValueError(f"unknown pipeline components {sorted(unknown)}; the config has {names}")
        names = [n for n in names if n in components]
        config["nlp"]["pipeline"] = names
        for section in ("components",):
            config[section] = {k: v for k, v in config[section].items() if k in names}
        config["initialize"]["components"] = {
            k: v for k, v in config["initialize"]["components"].items() if k in names
        }
    register_factories(config)
    nlp = spacy.util.load_model_from_config(config, auto_fill=True, validate=True)
    nlp.initialize()
    return nlp


def save_nlp(nlp: Language, path: Path = PIPELINE_DIR, fp: str | None = None,
             config_path: Path = CONFIG_PATH, patterns_dir: Path = PATTERNS_DIR) -> None:
    """Serialise atomically: write to a temp dir next to `path`, then swap it in."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix=".socieux_pipeline-", dir=path.parent))
    try:
        nlp.to_disk(tmp)
        fp = fp or fingerprint(config_path, patterns_dir)
        (tmp / FINGERPRINT_FILE).write_text(json.dumps({"fingerprint": fp}))
        if path.exists():
            shutil.rmtree(path)
        tmp.rename(path)
    finally:
        if tmp.exists():
            shutil.rmtree(tmp, ignore_errors=True)


def saved_fingerprint(path: Path = PIPELINE_DIR) -> str | None:
    try:
        return json.loads((path / FINGERPRINT_FILE).read_text())["fingerprint"]
    except (OSError, ValueError, KeyError):
        return None


def is_stale(path: Path = PIPELINE_DIR, config_path: Path = CONFIG_PATH, patterns_dir: Path = PATTERNS_DIR) -> bool:
    return saved_fingerprint(path) != fingerprint(config_path, patterns_dir)


def ensure_built(path: Path = PIPELINE_DIR, rebuild: bool = True,
                 config_path: Path = CONFIG_PATH, patterns_dir: Path = PATTERNS_DIR) -> None:
    """Build and save the pipeline when it is missing or stale (without keeping it loaded)."""
    fp = fingerprint(config_path, patterns_dir)
    if saved_fingerprint(path) != fp:
        if not rebuild:
            raise FileNotFoundError(
                f"the spaCy pipeline at {path} is missing or stale; run `socieux build` to rebuild it"
            )
        # the fingerprint is taken before the files are read: were one edited during the build, the
        # saved pipeline is stale on the next load, never taken for the edited version
        save_nlp(build_nlp(None, config_path, patterns_dir), path, fp, config_path, patterns_dir)


def load_nlp(path: Path = PIPELINE_DIR, rebuild: bool = True,
             config_path: Path = CONFIG_PATH, patterns_dir: Path = PATTERNS_DIR) -> Language:
    """Load the serialised pipeline, rebuilding it first when missing or stale."""
    ensure_built(path, rebuild, config_path, patterns_dir)
    config = load_config(path / "config.cfg", interpolate=False)
    register_factories(config)
    return spacy.load(path)


def pipeline_version(path: Path = PIPELINE_DIR) -> str:
    """Version stamped on every action: package version + fingerprint of models/."""
    return f"{__version__}+{saved_fingerprint(path) or fingerprint()}"
