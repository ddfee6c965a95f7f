"""Types of assistance: the known vocabulary (models/data/assistance_types.txt), splitting a line of
labels that run together ("Training Study visit", "A.02 Peer review; Capacity building (CB)"), and
telling a line of labels from an institution or a sentence.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

from pipeline.lines import TERMINAL, WORD
from pipeline.paths import DATA_DIR

LABEL_CODE = re.compile(r"^[A-Z]\.\d+\s+")  # "A.02 " before an assistance label

CLOSE_THEN_CAPITAL = re.compile(r"\)\s+[A-Z]")  # "(…) Next label"

INSTITUTION_WORDS = re.compile(
    r"\b(ministry|ministère|ministerio|ministério|agency|agence|agencia|office|department|directorate|direction|"
    r"institute|institut|instituto|service|services|union|fund|fonds?|cent(er|re)|council|commission|secretariat|"
    r"government|municipality|chamber|confederation|federation|authority|bureau|university|organi[sz]ation|"
    r"observatory|board|association|unit|prefecture|region|state)\b",
    re.I,
)


@lru_cache(maxsize=1)
def vocabulary(path: Path = DATA_DIR / "assistance_types.txt") -> tuple[str, ...]:
    rows = path.read_text(encoding="utf-8").splitlines()
    return tuple(sorted((r.strip() for r in rows if r.strip() and not r.startswith("#")), key=len, reverse=True))


def _split_outside_brackets(text: str) -> list[tuple[int, int]]:
    """Spans of comma/semicolon-separated items; separators inside () or [] do not split."""
    spans, depth, start = [], 0, 0
    for m in _SPLIT_CHARS.finditer(text):  # only the characters that matter, not every character
        ch, i = m.group(), m.start()
        if ch in "([":
            depth += 1
        elif ch in ")]":
            depth = max(0, depth - 1)
        elif depth == 0:
            spans.append((start, i))
            start = i + 1
    spans.append((start, len(text)))
    return spans


_SPLIT_CHARS = re.compile(r"[()\[\],;]")


@lru_cache(maxsize=1)
def _vocab_patterns() -> tuple[tuple[str, re.Pattern[str]], ...]:
    """(casefolded label, its regex) for every known label, longest first (compiled once)."""
    return tuple(
        (low, re.compile(r"(?<![\w(])(?:[a-z]\.\d+\s+)?" + re.escape(low) + r"(?![\w)])"))
        for low in (label.casefold() for label in vocabulary())
    )


def _vocab_cuts(segment: str) -> list[int]:
    """Cut points where two known labels (or a bracketed label and the next) run together.

    Known labels are matched longest first without overlaps, so "Capacity building"
    inside "Institutional capacity building" is not a label of its own; a leading
    code such as "A.02" belongs to the label after it.
    """
    low = segment.casefold()
    taken: list[tuple[int, int]] = []
    for label, pattern in _vocab_patterns():  # longest first
        if label not in low:  # the regex cannot match without the label's text
            continue
        for m in pattern.finditer(low):
            if all(m.end() <= s or m.start() >= e for s, e in taken):
                taken.append((m.start(), m.end()))
    cuts = {c for span in taken for c in span}
    cuts.update(m.end() - 1 for m in CLOSE_THEN_CAPITAL.finditer(segment))
    return sorted(c for c in cuts if 0 < c < len(segment))


def split_types(text: str) -> list[str]:
    """Split a types-of-assistance line into labels, as written."""
    labels_out = []
    for s, e in _split_outside_brackets(text):
        segment = text[s:e]
        bounds = [0, *_vocab_cuts(segment), len(segment)]
        for a, b in zip(bounds, bounds[1:]):
            item = segment[a:b].strip(" \t,;|·•")  # "Institutional capacity building | Individual …"
            if item:
                labels_out.append(item)
    return labels_out


@lru_cache(maxsize=1)
def _vocabulary_casefolded() -> frozenset[str]:
    return frozenset(v.casefold() for v in vocabulary())


def known_label(label: str) -> bool:
    return LABEL_CODE.sub("", label, count=1).casefold() in _vocabulary_casefolded()


def all_known(items: list[str]) -> bool:
    """Labels (of one line, `split_types`) of the vocabulary only."""
    return bool(items) and all(known_label(i) for i in items)


def is_types_line(line: str) -> bool:
    """A line of assistance labels: every label known, or short label-like items without institution words."""
    items = split_types(line)
    if all_known(items):
        return True
    if INSTITUTION_WORDS.search(line) or TERMINAL.search(line):
        return False
    return bool(items) and all(len(WORD.findall(i)) <= 6 for i in items) and any(known_label(i) for i in items)
