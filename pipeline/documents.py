"""Read corpus files: discovery, decoding, newline normalisation, content hash, kind.

Offsets of every extracted fact refer to `Document.text`: the decoded file with
CRLF/CR line endings turned into LF (nothing else is rewritten, so a reader can
find each evidence span at the same offsets in the normalised file). An HTML page
(html.py) or a Markdown file (markdown.py) is first converted to the plain-text
layout; offsets then refer to that text (`read_document(path).text`).
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Iterator, Literal, NamedTuple

import ftfy
from charset_normalizer import from_bytes

from pipeline.html import html_page, looks_like_html
from pipeline.markdown import is_markdown, looks_like_markdown, md_page
from pipeline.pdf_text import is_pdf_copy, unbreak
from pipeline.paths import DATA_DIR

Kind = Literal["listing", "news", "unknown"]

#: file suffixes read as documents; gold annotations and hidden files are skipped
DOCUMENT_SUFFIXES = (".txt", ".text", ".md", ".html", ".htm")
BULLET = re.compile(r"^[ \t\u00a0]*[•·▪●◦]\s*\S", re.M)
#: a bullet that opens a record: lines under it before the next bullet (the institution, the types),
#: indented as the catalogue's pages and our HTML/Markdown renderings put them. A menu's or a
#: "related news" list's bullets follow one another ("• Main  • Kuwait  • Photos", then the story).
RECORD_BULLET = re.compile(r"^[ \t\u00a0]*[•·▪●◦][ \t]*\S[^\n]*\n(?:[ \t]*\n)*[ \t\u00a0]+(?![•·▪●◦])\S", re.M)
#: an unindented line under a bullet of at least this many words (a record's title) continues a record
#: (a listing copied without its indentation; two such records at least, as for other markers)
_UNINDENTED_RECORD = re.compile(r"^[ \t\u00a0]*[•·▪●◦][ \t]*(?:\S+[ \t]+){3,}\S[^\n]*\n(?:[ \t]*\n)*(?![•·▪●◦\s])\S", re.M)
#: list markers other than bullets ("- ", "* ", "– ", "1. ", "2) "); a page is a listing of them
#: when at least MIN_MARKED_RECORDS unindented marked lines have indented lines under them
#: (records._record_bounds splits it by the same rule)
LIST_MARKER = r"(?:[-*–—]|\d{1,3}[.)])"
MIN_MARKED_RECORDS = 2
ALT_BULLET = re.compile(rf"^{LIST_MARKER}[ \t]+\S[^\n]*\n(?:[ \t]*\n)*[ \t\u00a0]+\S", re.M)  # blank lines may follow
DASH_TITLE = re.compile(r"^-[ \t]*\n[^\n-]", re.M)


class FieldLabel(NamedTuple):
    """A row of models/data/record_labels.tsv: the field a label names, its value's form, and whether
    the label may stand alone on its line with the value on the next (the spec's layout)."""

    field: str
    form: str  # any | date | code | range
    own_line: bool


@lru_cache(maxsize=1)
def labels(path: Path = DATA_DIR / "record_labels.tsv") -> dict[str, FieldLabel]:
    """Field label of the catalogue's labelled layouts (casefolded, spaces collapsed) -> its FieldLabel."""
    out = {}
    for row in path.read_text(encoding="utf-8").splitlines():
        if row.strip() and not row.startswith("#"):
            label, name, form, own_line = row.split("\t")
            out[" ".join(label.split()).casefold()] = FieldLabel(name, form, own_line.strip() == "yes")
    return out


@lru_cache(maxsize=1)
def _dash_label() -> re.Pattern[str]:
    """A dash list's label line ("- Partner Institution", "- Institution partenaire"): labels that may stand alone."""
    alone = sorted((label for label, row in labels().items() if row.own_line), key=len, reverse=True)
    alternatives = "|".join(re.escape(label) for label in alone)
    return re.compile(rf"^-[ \t]+(?:{alternatives})\s*$", re.M | re.I)


def has_dash_records(text: str) -> bool:
    """The spec's dash list: a line holding only "-" over a title, or "- Label" lines (labels alone)."""
    return bool(DASH_TITLE.search(text) or _dash_label().search(text))


# English function words: a news item is running English prose (EXTRACTION_SPEC: English record text)
_FUNCTION_WORDS = frozenset(
    "the of and to in for with on by a an is was were has have that this from as at which its their".split()
)


_OTHER_LATIN_PAGES = frozenset(
    {"cp1250", "iso8859_2", "mac_latin2", "cp852", "cp775", "cp857", "cp850", "hp_roman8", "mac_iceland", "latin_1"}
)


class DocumentError(Exception):
    """A file that cannot be read as a document; the message names the file and what to do."""


@dataclass(frozen=True)
class Document:
    name: str  # file name, the `doc` of every record
    path: Path
    text: str  # decoded, LF line endings
    content_hash: str
    kind: Kind
    encoding: str
    file_hash: str | None = None  # sha256 of the file's bytes (None for a part of a streamed file)
    headline: str | None = None  # a news page's headline as its markup marks it (HTML, Markdown), if any


def discover(corpus_dir: Path) -> list[Path]:
    """Document files under corpus_dir (recursive, sorted), skipping gold/ and hidden files."""
    if not corpus_dir.is_dir():
        raise DocumentError(f"corpus directory {corpus_dir} does not exist; pass --corpus DIR")
    found = []
    for path in sorted(corpus_dir.rglob("*")):
        rel = path.relative_to(corpus_dir)
        if any(part.startswith(".") for part in rel.parts) or rel.parts[0] == "gold":
            continue
        if path.suffix.lower() in DOCUMENT_SUFFIXES and (path.is_file() or path.is_symlink()):
            found.append(path)  # containment is checked when the file is read (read_document)
    return found


def decode(data: bytes, name: str = "<bytes>") -> tuple[str, str]:
    """Bytes -> (text, encoding): UTF-8 (with or without BOM) first, else detected."""
    if b"\x00" in data[:8192]:
        raise DocumentError(f"{name} looks binary (NUL bytes); remove it from the corpus or convert it to text")
    try:
        text, encoding = data.decode("utf-8-sig"), "utf-8"
    except UnicodeDecodeError:
        matches = list(from_bytes(data))
        if not matches:
            raise DocumentError(f"{name}: cannot detect the text encoding; save it as UTF-8") from None
        best = matches[0]
        # Short Western-European text is often guessed as another Latin code page (cp1250 turns
        # "Ministère" into "Ministčre"); the catalogue's languages (EN/ES/FR/PT) are cp1252's.
        if best.encoding in _OTHER_LATIN_PAGES:
            best = next((m for m in matches if m.encoding == "cp1252"), best)
        text, encoding = str(best), best.encoding
    if has_mojibake(text):  # "MinistÃ¨re": undo the wrong decoding, nothing else
        text = ftfy.fix_encoding(text)
    return text, encoding


#: what every alternative of ftfy's badness regex (ftfy 6) needs in a line: two adjacent
#: non-ASCII characters, or one of the few lead characters its other alternatives start
#: from ("Ã ", " Â ", "œ.", Cyrillic and Greek triples). A line without any cannot be bad.
_MOJIBAKE_CANDIDATE = re.compile(r"[^\x00-\x7f]{2}|[ŒœÃÂВГРСΒΓΞΟ]")


def has_mojibake(text: str) -> bool:
    """`ftfy.is_bad(text)`, tested only on the lines that could be bad.

    Mojibake never spans a line break, and every pattern of ftfy's badness regex needs
    two adjacent non-ASCII characters or one of a few lead characters
    (`_MOJIBAKE_CANDIDATE`); the other lines (most of a listing, whose only non-ASCII
    characters are single quotes, dashes and bullets) cannot make the answer true, and
    skipping them saves most of the regex's cost (~100 us per record).
    """
    if text.isascii():
        return False
    candidates = [line for line in text.split("\n") if not line.isascii() and _MOJIBAKE_CANDIDATE.search(line)]
    return bool(candidates) and ftfy.is_bad("\n".join(candidates))


def normalise_newlines(text: str) -> str:
    """LF line endings; no-break spaces become spaces (same length, so offsets are unaffected)."""
    return text.replace("\r\n", "\n").replace("\r", "\n").replace("\u00a0", " ")


def detect_kind(text: str) -> Kind:
    """Listing (bullet or dash layout), news item (English prose) or unknown.

    Bullets make a listing when they open records (lines under them); bullets that only follow one
    another (a page's menu, a "related news" list) do so only when the page is no news prose.
    """
    if (RECORD_BULLET.search(text) or len(_UNINDENTED_RECORD.findall(text)) >= MIN_MARKED_RECORDS
            or has_dash_records(text) or len(ALT_BULLET.findall(text)) >= MIN_MARKED_RECORDS):
        return "listing"
    from pipeline.split import is_block_listing  # split builds on this module

    if is_block_listing(text):  # blank-line separated records whose list markers were lost
        return "listing"
    if _is_prose(text):
        return "news"
    return "listing" if BULLET.search(text) else "unknown"


def _is_prose(text: str) -> bool:
    """Running English prose: 30 words, two sentence ends, 12% function words."""
    words = re.findall(r"[A-Za-z]+", text.lower())
    # a sentence end after a word, a number or a closing bracket/quote: "… (MAPTSS).", "… in 2022."
    sentences = re.findall(r"[\w)\]’\"”][.!?](\s|$)", text)
    if len(words) >= 30 and len(sentences) >= 2:
        return sum(w in _FUNCTION_WORDS for w in words) / len(words) >= 0.12
    return False


def text_document(text: str, name: str = "text.txt") -> Document:
    """A Document of text held in memory (no file): its kind detected, its hash computed."""
    return Document(name=name, path=Path(name), text=text, content_hash=content_hash(text),
                    kind=detect_kind(text), encoding="utf-8")


def content_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def file_hash(data: bytes) -> str:
    """sha256 of a file's bytes: the cheap test of "unchanged since the last run"."""
    return hashlib.sha256(data).hexdigest()


def read_document(path: Path, root: Path | None = None) -> Document:
    """Read one document; with `root`, a path resolving outside it (a symlink) is refused."""
    if root is not None and not path.resolve().is_relative_to(root.resolve()):
        raise DocumentError(f"{path} resolves outside the corpus directory {root}; refusing to read it")
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise DocumentError(f"cannot read {path}: {exc.strerror or exc}; check it exists and is readable") from exc
    text, encoding = decode(data, str(path))
    text = normalise_newlines(text)
    headline = None
    if looks_like_html(text):
        text, headline = html_page(text)  # parsed, never executed
    elif is_markdown(path.name) or looks_like_markdown(text):
        text, headline = md_page(text)  # markup is not content (also in a page saved as .txt)
    elif is_pdf_copy(text):
        text = unbreak(text)  # page lines, words broken at a line's end
    if not text.strip():
        raise DocumentError(f"{path} is empty; nothing to extract (remove it or add the listing text)")
    return Document(
        name=path.name,
        path=path,
        text=text,
        content_hash=content_hash(text),
        kind=detect_kind(text),
        encoding=encoding,
        file_hash=file_hash(data),
        headline=headline,
    )


def read_corpus(corpus_dir: Path) -> Iterator[Document | DocumentError]:
    """Every document of the corpus, or the error that kept it from being read."""
    for path in discover(corpus_dir):
        try:
            yield read_document(path, corpus_dir)
        except DocumentError as exc:
            yield exc


#: files larger than this are streamed part by part (bounded memory) instead of read whole
STREAM_THRESHOLD_BYTES = 32 * 1024 * 1024
#: characters per streamed part (cut at the next record start after this many)
PART_CHARS = 2_000_000
_RECORD_START = re.compile(r"^[ \t\u00a0]*[•·▪●◦]|^-[ \t]*$")


def is_large(path: Path, threshold: int | None = None) -> bool:
    """A plain-text listing big enough to stream part by part (a Markdown or HTML page is
    converted whole: its parts would not be text)."""
    if is_markdown(path.name) or path.suffix.casefold() in (".html", ".htm"):
        return False
    try:
        return path.stat().st_size > (STREAM_THRESHOLD_BYTES if threshold is None else threshold)
    except OSError:
        return False


def _stream_encoding(path: Path) -> str:
    with path.open("rb") as fh:
        sample = fh.read(1 << 20)
    if b"\x00" in sample[:8192]:
        raise DocumentError(f"{path} looks binary (NUL bytes); remove it from the corpus or convert it to text")
    try:
        sample.decode("utf-8-sig")
        return "utf-8-sig"
    except UnicodeDecodeError as exc:
        if exc.start >= len(sample) - 4:  # a character cut at the sample's end
            return "utf-8-sig"
    best = from_bytes(sample).best()
    return best.encoding if best else "utf-8"


def stream_parts(path: Path, root: Path | None = None, part_chars: int | None = None) -> Iterator[tuple[int, Document]]:
    """(character offset, Document) for consecutive parts of a large listing, cut before a record start.

    Offsets are in the same normalised text `read_document` would give (LF line ends, no-break
    spaces as spaces), so evidence offsets are identical whichever way the file is read.
    """
    if root is not None and not path.resolve().is_relative_to(root.resolve()):
        raise DocumentError(f"{path} resolves outside the corpus directory {root}; refusing to read it")
    limit = PART_CHARS if part_chars is None else part_chars
    encoding = _stream_encoding(path)
    base, size, lines = 0, 0, []

    def part(text: str) -> Document:
        text = text.replace("\u00a0", " ")
        return Document(name=path.name, path=path, text=text, content_hash=content_hash(text),
                        kind="listing", encoding=encoding)

    try:
        with path.open(encoding=encoding, errors="replace", newline=None) as fh:
            for line in fh:
                if size >= limit and _RECORD_START.match(line):
                    text = "".join(lines)
                    yield base, part(text)
                    base, size, lines = base + len(text), 0, []
                lines.append(line)
                size += len(line)
    except OSError as exc:
        raise DocumentError(f"cannot read {path}: {exc.strerror or exc}; check it exists and is readable") from exc
    if lines:
        yield base, part("".join(lines))
