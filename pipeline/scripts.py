"""Writing systems that name a country: runs of letters of a script only one country writes its names in.

An institution is often named in its own language as well, in brackets after its English name
("Social Security Office [สำนักงานประกันสังคม] (SSO)"). When that language's script is written by
one country alone (Thai, Lao, Khmer, Georgian, Armenian …; the table is models/data/country_scripts.tsv),
the name says which country the institution is in, as a careful reader sees. Scripts several countries
write (Arabic, Cyrillic, Devanagari …) are not in the table and name nothing.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from pathlib import Path

from pipeline.paths import DATA_DIR, read_table

SCRIPTS_PATH = DATA_DIR / "country_scripts.tsv"
#: fewest letters of a run for it to be a name (a stray character names nothing)
MIN_LETTERS = 2


@lru_cache(maxsize=1)
def country_scripts(path: Path = SCRIPTS_PATH) -> dict[str, str]:
    """Script (first word of its letters' Unicode names) -> ISO 3166-1 alpha-2."""
    return {script: code for script, code in read_table(path)}


def _script(ch: str) -> str | None:
    name = unicodedata.name(ch, "")
    return name.split(" ", 1)[0] if name else None


#: characters outside Latin, Greek, Cyrillic and the punctuation and symbol blocks: the only ones that can be
#: letters of a script of the table (most texts hold none, though many hold "–" or "’"), in runs over spaces
_CANDIDATE = "\u0530-\u1FFF\u2C00-\u2DFF\u3040-\u9FFF\uA000-\uD7FF"
_RUN = re.compile(f"[{_CANDIDATE}]+(?:[ \u00A0]+[{_CANDIDATE}]+)*")


def script_runs(text: str) -> list[tuple[int, int, str, str]]:
    """(start, end, country code, script) of each run of letters (spaces and marks inside it kept) in a script of
    the table, in text order."""
    table = country_scripts()
    out: list[tuple[int, int, str, str]] = []
    for run in _RUN.finditer(text):
        out += _split_by_script(text, run.start(), run.end(), table)
    return out


def _split_by_script(text: str, lo: int, hi: int, table: dict[str, str]) -> list[tuple[int, int, str, str]]:
    """The parts of the run text[lo:hi] written in one script of the table, of MIN_LETTERS letters or more."""
    out: list[tuple[int, int, str, str]] = []
    start = script = None
    letters = last = 0
    for i in range(lo, hi):
        ch = text[i]
        s = _script(ch)
        s = s if s in table else None
        if s is not None and s == script:
            letters += ch.isalpha()
            last = i + 1
            continue
        if s is None and script is not None and (ch.isspace() or unicodedata.category(ch).startswith("M")):
            continue  # a space or a combining mark inside the name
        if script is not None and letters >= MIN_LETTERS:
            out.append((start, last, table[script], script))
        start, script, letters, last = (i, s, int(ch.isalpha()), i + 1) if s is not None else (None, None, 0, 0)
    if script is not None and letters >= MIN_LETTERS:
        out.append((start, last, table[script], script))
    return out
