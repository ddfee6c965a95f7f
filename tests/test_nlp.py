"""pipeline.nlp: the serialised pipeline carries exactly the data of models/patterns/.

STYLE.md: "a test checks that the serialised pipeline matches models/patterns/".
Two pipelines are checked against the pattern files named by models/config.cfg:
one built from a copy of models/ and round-tripped through save_nlp/load_nlp in
a tmp dir, and the installed one the flow uses (`get_nlp()`, rebuilt when
stale). The staleness tests work on the copy, so models/ is never touched.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
import srsly
from spacy.language import Language
from spacy.util import load_config

from pipeline.components.base import PatternComponent
from pipeline.nlp import FINGERPRINT_FILE, build_nlp, fingerprint, is_stale, load_nlp, save_nlp, saved_fingerprint
from pipeline.paths import CONFIG_PATH, PATTERNS_DIR


def pattern_files(config_path: Path, patterns_dir: Path) -> dict[str, Path]:
    """Component name -> the JSONL file its [initialize] block reads (as config.cfg names it)."""
    config = load_config(config_path, interpolate=False)
    out = {}
    for name, block in config["initialize"]["components"].items():
        reader = block["patterns"]
        assert reader["@readers"] == "socieux.read_patterns.v1"
        out[name] = Path(reader["path"].replace("${paths.patterns}", str(patterns_dir)))
    return out


def canonical(patterns: list[dict]) -> list[str]:
    """Order-free comparison: the entity ruler regroups phrase and token patterns."""
    return sorted(json.dumps(p, sort_keys=True, ensure_ascii=False) for p in patterns)


@pytest.fixture(scope="module")
def models_copy(tmp_path_factory: pytest.TempPathFactory) -> Path:
    dst = tmp_path_factory.mktemp("models")
    shutil.copy2(CONFIG_PATH, dst / "config.cfg")
    shutil.copytree(PATTERNS_DIR, dst / "patterns")
    return dst


@pytest.fixture(scope="module")
def roundtrip(models_copy: Path, tmp_path_factory: pytest.TempPathFactory) -> Language:
    """Built from the copy, saved under tmp, loaded back with load_nlp (no rebuild allowed)."""
    cfg, pats = models_copy / "config.cfg", models_copy / "patterns"
    path = tmp_path_factory.mktemp("pipeline") / "socieux_pipeline"
    save_nlp(build_nlp(config_path=cfg, patterns_dir=pats), path, config_path=cfg, patterns_dir=pats)
    return load_nlp(path, rebuild=False, config_path=cfg, patterns_dir=pats)


@pytest.fixture(scope="module", params=["roundtrip", "installed"])
def serialised(request: pytest.FixtureRequest, models_copy: Path) -> tuple[Language, Path, Path]:
    """(pipeline, its config, its patterns dir) for the tmp round trip and the installed pipeline."""
    if request.param == "roundtrip":
        return request.getfixturevalue("roundtrip"), models_copy / "config.cfg", models_copy / "patterns"
    return request.getfixturevalue("nlp"), CONFIG_PATH, PATTERNS_DIR


def test_pipe_names_follow_config_order(serialised: tuple[Language, Path, Path]) -> None:
    nlp, cfg, _ = serialised
    assert nlp.pipe_names == list(load_config(cfg, interpolate=False)["nlp"]["pipeline"])
    assert nlp.pipe_names[0] == "entity_ruler"


def test_every_pattern_component_has_its_file_in_config(serialised: tuple[Language, Path, Path]) -> None:
    nlp, cfg, pats = serialised
    files = pattern_files(cfg, pats)
    with_patterns = {name for name, pipe in nlp.pipeline if isinstance(pipe, PatternComponent)}
    assert with_patterns | {"entity_ruler"} == set(files)
    assert all(path.is_file() for path in files.values())


def test_entity_ruler_patterns_equal_countries_jsonl(serialised: tuple[Language, Path, Path]) -> None:
    nlp, cfg, pats = serialised
    path = pattern_files(cfg, pats)["entity_ruler"]
    assert path.name == "countries.jsonl"
    lines = list(srsly.read_jsonl(path))
    ruler = nlp.get_pipe("entity_ruler")
    assert len(ruler.patterns) == len(lines)
    assert canonical(ruler.patterns) == canonical(lines)


def test_pattern_components_equal_their_files(serialised: tuple[Language, Path, Path]) -> None:
    nlp, cfg, pats = serialised
    files = pattern_files(cfg, pats)
    checked = []
    for name, pipe in nlp.pipeline:
        if isinstance(pipe, PatternComponent):
            assert pipe.patterns == list(srsly.read_jsonl(files[name])), name
            checked.append(name)
    assert len(checked) >= 6


def test_roundtrip_stamps_the_fingerprint(roundtrip: Language, models_copy: Path, tmp_path: Path) -> None:
    path = tmp_path / "p"
    fp = fingerprint(models_copy / "config.cfg", models_copy / "patterns")
    save_nlp(roundtrip, path, fp=fp)
    assert saved_fingerprint(path) == fp
    assert json.loads((path / FINGERPRINT_FILE).read_text()) == {"fingerprint": fp}


def test_fingerprint_depends_on_content_not_location(models_copy: Path) -> None:
    assert fingerprint(models_copy / "config.cfg", models_copy / "patterns") == fingerprint()


def test_fingerprint_changes_with_pattern_and_config_files(tmp_path: Path) -> None:
    cfg = tmp_path / "config.cfg"
    shutil.copy2(CONFIG_PATH, cfg)
    pats = shutil.copytree(PATTERNS_DIR, tmp_path / "patterns")
    before = fingerprint(cfg, pats)
    with (pats / "formats.jsonl").open("a", encoding="utf-8") as fh:
        fh.write(json.dumps({"id": "workshop", "pattern": [{"LOWER": "atelier"}]}) + "\n")
    after_pattern = fingerprint(cfg, pats)
    cfg.write_text(cfg.read_text() + "\n# a comment\n")
    after_config = fingerprint(cfg, pats)
    (pats / "new.jsonl").write_text("{}\n")
    after_new_file = fingerprint(cfg, pats)
    assert len({before, after_pattern, after_config, after_new_file}) == 4


def test_is_stale_flips_when_a_pattern_file_changes(models_copy: Path, roundtrip: Language, tmp_path: Path) -> None:
    cfg, pats = models_copy / "config.cfg", models_copy / "patterns"
    paths = {"config_path": cfg, "patterns_dir": pats}
    path = tmp_path / "socieux_pipeline"
    assert is_stale(path, **paths)  # missing
    save_nlp(roundtrip, path, **paths)  # stamps the fingerprint of the copy
    assert not is_stale(path, **paths)
    original = (pats / "delivery.jsonl").read_text(encoding="utf-8")
    try:
        (pats / "delivery.jsonl").write_text(original + json.dumps(
            {"id": "remote:distanciel", "pattern": [{"LOWER": "distanciel"}]}) + "\n", encoding="utf-8")
        assert is_stale(path, **paths)
        with pytest.raises(FileNotFoundError, match="missing or stale; run `socieux build`"):
            load_nlp(path, rebuild=False, **paths)
    finally:
        (pats / "delivery.jsonl").write_text(original, encoding="utf-8")
    assert not is_stale(path, **paths)


def test_is_stale_when_fingerprint_file_is_corrupt(roundtrip: Language, tmp_path: Path) -> None:
    path = tmp_path / "p"
    save_nlp(roundtrip, path, fp="0" * 16)
    (path / FINGERPRINT_FILE).write_text("not json")
    assert saved_fingerprint(path) is None
    assert is_stale(path)


def test_build_subset_keeps_config_order() -> None:
    nlp = build_nlp(["socieux_dates", "socieux_action_ids"])
    assert nlp.pipe_names == ["socieux_dates", "socieux_action_ids"]
    with pytest.raises(ValueError, match=r"unknown pipeline components \['socieux_nope'\]"):
        build_nlp(["socieux_nope"])


def test_fingerprint_covers_the_extraction_code(monkeypatch, tmp_path: Path) -> None:
    """A change to a component's code is a new pipeline version, so a run re-extracts (a rule in code
    changed the output without bumping the version, and an incremental run kept stale values)."""
    import pipeline.nlp as nlp_module

    before = fingerprint()
    package = tmp_path / "pipeline"
    (package / "components").mkdir(parents=True)
    src = Path(nlp_module.__file__).resolve().parent
    for pattern in nlp_module.EXTRACTION_CODE:
        for path in src.glob(pattern):
            (package / path.relative_to(src)).write_bytes(path.read_bytes())
    (package / "nlp.py").write_bytes(Path(nlp_module.__file__).read_bytes())
    monkeypatch.setattr(nlp_module, "__file__", str(package / "nlp.py"))
    assert fingerprint() == before  # same code elsewhere: same version
    experts = package / "components" / "experts.py"
    experts.write_text(experts.read_text(encoding="utf-8") + "\n# a changed rule\n", encoding="utf-8")
    assert fingerprint() != before


def test_a_pattern_file_edited_during_a_build_leaves_the_pipeline_stale(tmp_path: Path, monkeypatch) -> None:
    """The fingerprint is taken before the files are read: a build that read the old file is not
    stamped with the new file's fingerprint (it would never be rebuilt)."""
    from pipeline import nlp as nlp_module

    cfg = tmp_path / "config.cfg"
    shutil.copy2(CONFIG_PATH, cfg)
    pats = shutil.copytree(PATTERNS_DIR, tmp_path / "patterns")
    path = tmp_path / "socieux_pipeline"
    real_build = nlp_module.build_nlp

    def build_then_edit(*args, **kwargs):
        built = real_build(*args, **kwargs)  # read the files as they were
        with (pats / "delivery.jsonl").open("a", encoding="utf-8") as f:  # then someone edits one
            f.write(json.dumps({"id": "remote:distanciel", "pattern": [{"LOWER": "distanciel"}]}) + "\n")
        return built

    monkeypatch.setattr(nlp_module, "build_nlp", build_then_edit)
    nlp_module.ensure_built(path, config_path=cfg, patterns_dir=pats)
    assert is_stale(path, config_path=cfg, patterns_dir=pats)
