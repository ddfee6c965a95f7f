"""Shared plumbing for components whose rules are pattern files under models/patterns/.

A `PatternComponent` receives its patterns in `initialize()` (read from JSONL by
the config's [initialize] block), serialises them with `to_disk` and reads them
back with `from_disk`, so the assembled pipeline in models/socieux_pipeline/
carries its data and never re-reads models/patterns/ at load time.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, Callable, Iterable

import srsly
from spacy.language import Language
from spacy.tokens import Doc
from spacy.util import ensure_path

from pipeline.facts import ensure_extensions


class PatternComponent:
    """Base class: holds a list of pattern dicts; subclasses compile them in `_compile`."""

    patterns_file = "patterns.jsonl"

    def __init__(self, nlp: Language, name: str) -> None:
        ensure_extensions()
        self.nlp = nlp
        self.name = name
        self.patterns: list[dict[str, Any]] = []

    # -- subclasses -------------------------------------------------------
    def _compile(self) -> None:  # pragma: no cover - overridden
        """Build matchers from self.patterns."""

    def __call__(self, doc: Doc) -> Doc:  # pragma: no cover - overridden
        return doc

    # -- data -------------------------------------------------------------
    def initialize(
        self,
        get_examples: Callable[[], Iterable[Any]] | None = None,
        *,
        nlp: Language | None = None,
        patterns: Iterable[dict[str, Any]] | None = None,
    ) -> None:
        self.patterns = list(patterns or [])
        self._compile()

    def to_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> None:
        path = ensure_path(path)
        path.mkdir(parents=True, exist_ok=True)
        srsly.write_jsonl(path / self.patterns_file, self.patterns)

    def from_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> "PatternComponent":
        path = ensure_path(path)
        self.patterns = list(srsly.read_jsonl(path / self.patterns_file))
        self._compile()
        return self
