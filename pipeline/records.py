"""Split a document into raw action records (EXTRACTION_SPEC.md "Inputs").

Listings come in several layouts, all handled by one line-based parser:
plain bullets (`  • Title`, then institution, types of assistance and
description in that order, each optional), bullets with field labels on their
own lines (`Start activities`, `Partner Institution`, …, values on the next
line, possibly missing), and the dash list (`-`, the title unindented, then
`- Label` / `- value` lines). Pages of other catalogues give each action as a
block of "Label: value" lines (`split_labelled`): the title a labelled field
("Action title: …", a table's "Action" column) or a line above the labels
("### Title" over "- **Partner:** …", a heading over its `<dl>`); labels and their
value forms are data (models/data/record_labels.tsv), unknown labels ("SDG: 8")
are skipped, and the fields beyond the spec's (`country`, `period`) are kept in
`RawRecord.values`/`fields` like `code`. A news item is one record: date line,
boilerplate and image credit skipped, the headline (possibly over two lines),
the body, and a trailing reference tag. Every field keeps its offsets so evidence
can point back into the source text.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from pathlib import Path

from pipeline.documents import LIST_MARKER, MIN_MARKED_RECORDS, RECORD_BULLET, Document, has_dash_records, labels
from pipeline.html import RELATED_WORDS
from pipeline.paths import DATA_DIR

BULLET = re.compile(r"^[•·▪●◦]\s*")
#: other list markers (documents.LIST_MARKER): a record start only on an unindented line whose
#: next line is indented, as the fields under a title are (a dash list's "- Label" lines are
#: not indented), and only on a page without "•" bullets
ALT_BULLET = re.compile(rf"^{LIST_MARKER}\s+(?=\S)")
DASH_ONLY = re.compile(r"^-$")
DASH_ITEM = re.compile(r"^-\s+")
CODE_VALUE = re.compile(r"^\d{4}-\d{1,3}$")
#: a date as a field value or a news item's date line: 12/03/2022, May-2022, 12 May 2022,
#: May 12, 2022 (US style), 2022-05-12 (also 2022/05/12), "3 de octubre de 2022", "1er mars 2023", "ongoing" (also
#: "en cours", "en curso", "em curso"); on a date line optionally after a weekday ("Thursday, 12 May
#: 2022", also in French, Spanish and Portuguese: "mercredi 8 mars 2023") or "Published/Posted/Updated (on)",
#: "Date:" (also in the site's other languages: "Publicado el", "Publié le", "Actualizado el", "Fecha de publicación:";
#: a word and a short preposition before a day: "Gepubliceerd op 12 september 2023")
DATE_VALUE = re.compile(
    r"^(?:(?:published|posted|updated|last\s+updated|date|date\s+published|publication\s+date|date\s+of\s+publication"
    r"|mis\s+en\s+ligne|publicado|publicada|publié|publiée"
    r"|mis\s+à\s+jour|actuali[sz]ado|actualizada|atualizado|atualizada|fecha(?:\s+de\s+publicaci[oó]n)?"
    r"|date\s+de\s+publication|data(?:\s+de\s+publica[cç][aã]o)?)(?:\s+(?:on|em|el|le|a))?\s*:?\s*"
    # the same in another language: a word and a short preposition ("Gepubliceerd op", "Pubblicato il")
    r"|[^\W\d_]{6,}\s+[^\W\d_]{2,3}\s+(?=\d))?"
    r"(?:(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day|mon|tue|wed|thu|fri|sat|sun"
    r"|lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|lunes|martes|miércoles|miercoles|jueves|viernes|sábado"
    r"|sabado|domingo|segunda-feira|terça-feira|terca-feira|quarta-feira|quinta-feira|sexta-feira)\.?,?\s+)?"
    # a dateline's place: "Santiago de Chile – 7 March 2023", "Dili, 12 May 2022"
    r"(?:[^\W\d_][\w'’.]*(?:\s+[^\W\d_][\w'’.]*){0,4}(?:,|\s+[–—-])\s*"
    r"(?=\d{1,2}[/.\s-]|[A-Za-z]{3,9}\.?\s+\d{1,2}\b))?"  # (then a date with its day)
    r"(\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}|[A-Za-z]{3,9}\.?[- ]\d{4}|\d{1,2}(?:st|nd|rd|th)?\s+(?:of\s+)?[A-Za-z]{3,9}\.?,?\s+\d{4}"
    r"|[A-Za-z]{3,9}\.?\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4}|\d{4}(-\d{2}){0,2}|\d{4}(?P<ysep>[/.])\d{1,2}(?P=ysep)\d{1,2}"
    r"|\d{1,2}\s+de\s+[^\W\d_]{3,10}\s+de\s+\d{4}|\d{1,2}(?:er|\.)?\s+[^\W\d_]{3,12}\.?\s+\d{4}"
    r"|ongoing|en\s+cours|en\s+curso|em\s+curso|em\s+andamento)"
    # a time: "Tue, 14/05/2024 - 10:32", "July 3, 2024 at 2:15 pm", "Wed, 05 Apr 2023 09:14 GMT"
    r"(?:\s*[-–,|]?\s*(?:(?:at|à|a\s+las|às)\s+)?\d{1,2}[:h]\d{2}(?:\s*[ap]\.?m\.?)?(?:\s*(?:GMT|UTC|CET|CEST)(?:[+-]\d{1,2})?)?)?\.?$",  # "Objavljeno: 14. lipnja 2023."
    re.I,
)
#: an image credit line before a headline: "Images courtesy of …", "Photo: CNSS", "© ILO", "Crédit photo : …"
#: a caption pointing at its picture: "▲ Enumerators register households in Kassala State. Photo: MLSD"
CAPTION = re.compile(r"^\s*[▲▼↑⬆].{0,200}\b(photo|foto|image)s?\s*:", re.I)
CREDIT = re.compile(
    r"^(images?|photos?|pictures?|credits?)\b.{0,12}\b(courtesy|credit|by|©)|^©"
    r"|^(images?|photos?|pictures?|fotos?)(\s+credits?)?\s*[:©]|^cr[ée]dits?(\s+photos?)?\s*[:©]|" + CAPTION.pattern,
    re.I,
)
NEWS_TAG = re.compile(r"^SOCIEUX\s*\+?\s*\d{4}\s*-\s*\d{1,3}\b")
#: a whole reference tag line ("SOCIEUX+ 2018-05 BOLIVIA, ACT. 2 (04.06 – 15.06.2018)"): the id, the
#: country in capitals, and nothing long after; the news body ends there (spec: it may end with one)
NEWS_TAG_LINE = re.compile(NEWS_TAG.pattern + r"\s+[A-ZÀ-Þ][A-ZÀ-Þ'’ -]+\b.{0,80}$")
#: a breadcrumb trail: "Home > News", "You are here: Home / News"
BREADCRUMB = re.compile(r"^(you\s+are\s+here\s*:?\s*)?(home|news)\s*[>›»|/]|^you\s+are\s+here\b")
TERMINAL = re.compile(r"[.!?…]['\"’”)\]]*$")
WORD = re.compile(r"\w+")
LABEL_CODE = re.compile(r"^[A-Z]\.\d+\s+")  # "A.02 " before an assistance label
CLOSE_THEN_CAPITAL = re.compile(r"\)\s+[A-Z]")  # "(…) Next label"
INSTITUTION_WORDS = re.compile(
    r"\b(ministry|ministère|ministerio|ministério|agency|agence|agencia|office|department|directorate|direction|"
    r"institute|institut|instituto|service|services|union|fund|fonds?|cent(er|re)|council|commission|secretariat|"
    r"government|municipality|chamber|confederation|federation|authority|bureau|university|organi[sz]ation|"
    r"observatory|board|association|unit|prefecture|region|state)\b",
    re.I,
)


@dataclass(frozen=True)
class Line:
    start: int  # offsets of the stripped content in the document text
    end: int
    text: str
    indented: bool = False  # the raw line starts with white space


@dataclass
class RawRecord:
    """One action record as found in a document, before extraction."""

    doc: str
    index: int
    kind: str  # "listing" | "news"
    start: int  # offsets of the record's block in the document text
    end: int
    text: str
    title: str
    partner_institution: str | None = None
    assistance_types: list[str] = field(default_factory=list)
    description: str | None = None
    #: the other labelled fields: start_activities, end_activities, code, country, period (record_labels.tsv)
    values: dict[str, str] = field(default_factory=dict)
    fields: dict[str, tuple[int, int]] = field(default_factory=dict)  # record-relative spans
    year: int | None = None  # year of a news item's date line
    #: the page text before the first record of a listing, with its document offsets: on the
    #: catalogue's country pages it names the country that records may leave unsaid
    heading: tuple[int, int, str] | None = None
    problems: list[str] = field(default_factory=list)

    # computed once per record (a record's text is never changed after splitting): selection, the
    # worker's validation and the load all ask for them
    @cached_property
    def action_id(self) -> str:
        """The action's id; a news item, which names no institution, is also told apart by its date line
        (two items of different dates under one generic headline are two records)."""
        if self.kind == "news" and "date_line" in self.fields:
            a, b = self.fields["date_line"]
            return action_id(self.title, self.partner_institution, self.text[a:b])
        return action_id(self.title, self.partner_institution)

    @cached_property
    def record_hash(self) -> str:
        return hashlib.sha256(_norm(self.text).encode("utf-8")).hexdigest()[:16]


def _norm(text: str | None) -> str:
    return re.sub(r"\s+", " ", text or "").strip().casefold()


def action_id(title: str, institution: str | None = None, dated: str | None = None) -> str:
    """Stable id: a hash of the whitespace- and case-normalised title and institution (and a news item's
    date line, `dated`).

    It does not depend on the record's position or on other records, so it
    survives reordering, whitespace edits and edits elsewhere in the document;
    the same action listed on two pages gets the same id.
    """
    key = _norm(title).rstrip(" .") + "\x1f" + _norm(institution) + ("\x1f" + _norm(dated) if dated else "")
    return hashlib.sha256(key.encode("utf-8")).hexdigest()[:16]


# -- data ------------------------------------------------------------------
@lru_cache(maxsize=1)
def vocabulary(path: Path = DATA_DIR / "assistance_types.txt") -> tuple[str, ...]:
    rows = path.read_text(encoding="utf-8").splitlines()
    return tuple(sorted((r.strip() for r in rows if r.strip() and not r.startswith("#")), key=len, reverse=True))


# -- lines -----------------------------------------------------------------
def lines_of(text: str, start: int = 0, end: int | None = None) -> list[Line]:
    """Non-blank lines of text[start:end] with offsets of their stripped content."""
    out = []
    end = len(text) if end is None else end
    for m in re.finditer(r"[^\n]+", text[start:end]):
        raw = m.group()
        content = raw.strip()
        if content:
            s = start + m.start() + raw.index(content)
            out.append(Line(s, s + len(content), content, raw.index(content) > 0))
    return out


#: what may stand before a "Label: value" line's label: a list marker ("- ", "• ", "1. ") and emphasis left
#: by a copy of Markdown ("**Partner:** …")
LABEL_PREFIX = re.compile(r"^(?:(?:[-*+•·▪●◦–]|\d{1,3}[.)])[ \t]+)?[*_]*")
#: a value that says there is none: "—", "-", "n/a", "none", "TBD"
NO_VALUE = re.compile(r"^(?:[-–—‒―_/.…?]+|n\.?\s?/?\s?a\.?|none|nil|tbd|tbc"
                      r"|to\s+be\s+(?:confirmed|determined)"
                      r"|not\s+(?:applicable|available|specified|known)|unknown)$", re.I)
#: an action's code inside a longer code value ("SOCIEUX+ 2022-14", "Action 2022-14")
CODE_IN = re.compile(r"(?<![\d/.-])\d{4}-\d{1,3}(?![\d/.-])")
#: a date value of a month and a year: "09/2022", "03-2021"
MONTH_YEAR = re.compile(r"^\d{1,2}[/.-]\d{4}$")
#: a period's value holds a date (a digit) or says the action goes on
RANGE_VALUE = re.compile(r"\d|\bongoing\b|\ben\s+cours\b|\ben\s+curso\b|\bem\s+curso\b", re.I)
#: a field label the catalogue's layouts do not know ("SDG: 8", "Sector: Social protection"): a short
#: label (at most four words) and a colon ending the line or followed by a space
OTHER_LABEL = re.compile(r"^(?P<head>[^\W\d_][\w'’&/().-]*(?:[ \t]+[\w'’&/().-]+){0,3})[ \t]*:"
                         r"(?:[ \t]+(?P<value>.*))?$")
#: words that open a sentence, not a label: "The experts recommended: …", "In 2022: …"
SENTENCE_OPENERS = frozenset("the a an this these that those it its their our we they he she there in on at for with "
                             "from by as during after before since while when".split())
#: most words of an unknown label's value when the label has three or four words ("Number of experts: 3")
OTHER_VALUE_WORDS = 8


@dataclass(frozen=True)
class Labelled:
    """A "Label: value" line of a known field: its value with offsets, or None when missing."""

    field: str
    form: str
    value: Line | None  # None: empty, a "none" mark, or of another form than the field's
    written: str  # the value as written (may be empty)


#: more characters than any label line (a label, a list marker and emphasis around it)
LONGEST_LABEL = 80


def _label_key(text: str) -> str:
    return " ".join(text.strip(" \t*_").split()).casefold()


def _labelled(ln: Line) -> Labelled | None:
    """The known field of a "Label: value" line (`Start: 14/03/2022`, `- Partner: Ministry …`, `Code:`)."""
    if ":" not in ln.text:  # most lines of a listing: no label to look up
        return None
    lead = LABEL_PREFIX.match(ln.text).end()
    head, sep, rest = ln.text[lead:].partition(":")
    if not sep:
        return None
    hit = labels().get(_label_key(head))
    if hit is None:
        return None
    at = lead + len(head) + 1
    emphasis = ln.text[:lead].endswith(("*", "_")) or head.rstrip().endswith(("*", "_"))  # "**Label:** value"
    value = rest.strip(" \t*_") if emphasis else rest.strip()
    if not value:
        return Labelled(hit.field, hit.form, None, "")
    start = ln.start + ln.text.index(value, at)
    if _fits(hit.form, value):
        return Labelled(hit.field, hit.form, Line(start, start + len(value), value), value)
    codes = list(CODE_IN.finditer(value)) if hit.form == "code" else []
    if len(codes) == 1:  # "Reference: SOCIEUX+ 2022-14": the code itself
        m = codes[0]
        return Labelled(hit.field, hit.form, Line(start + m.start(), start + m.end(), m.group()), value)
    return Labelled(hit.field, hit.form, None, value)


def _alone_label(text: str) -> tuple[str, str] | None:
    """(field, form) when the line is a label standing on its own (the spec's layout: the value on the next line)."""
    if len(text) > LONGEST_LABEL:  # a description line, not a label
        return None
    hit = labels().get(_label_key(LABEL_PREFIX.sub("", text, count=1)))
    return (hit.field, hit.form) if hit is not None and hit.own_line else None


def _is_any_label(ln: Line) -> bool:
    return _alone_label(ln.text) is not None or _labelled(ln) is not None


def _fits(form: str, value: str) -> bool:
    """A value of the field's form (models/data/record_labels.tsv); "—", "n/a" … are no value at all."""
    if NO_VALUE.match(value.strip()):
        return False
    if form == "date":
        return bool(DATE_VALUE.match(value) or MONTH_YEAR.match(value))
    if form == "code":
        return bool(CODE_VALUE.match(value))
    if form == "range":
        return bool(RANGE_VALUE.search(value))
    return True


# -- types of assistance ---------------------------------------------------
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
            item = segment[a:b].strip(" \t,;")
            if item:
                labels_out.append(item)
    return labels_out


@lru_cache(maxsize=1)
def _vocabulary_casefolded() -> frozenset[str]:
    return frozenset(v.casefold() for v in vocabulary())


def _known_label(label: str) -> bool:
    return LABEL_CODE.sub("", label, count=1).casefold() in _vocabulary_casefolded()


def _all_known(items: list[str]) -> bool:
    """Labels (of one line, `split_types`) of the vocabulary only."""
    return bool(items) and all(_known_label(i) for i in items)


def is_types_line(line: str) -> bool:
    """A line of assistance labels: every label known, or short label-like items without institution words."""
    items = split_types(line)
    if _all_known(items):
        return True
    if INSTITUTION_WORDS.search(line) or TERMINAL.search(line):
        return False
    return bool(items) and all(len(WORD.findall(i)) <= 6 for i in items) and any(_known_label(i) for i in items)


def _is_prose(line: str) -> bool:
    n = len(WORD.findall(line))
    return n >= 40 or (n >= 12 and bool(TERMINAL.search(line)))


# -- listings --------------------------------------------------------------
def _record_bounds(lines: list[Line]) -> list[tuple[int, list[Line]]]:
    """(index of title line, body lines) for every record, for bullet and dash layouts."""
    is_bullet = [bool(BULLET.match(ln.text)) for ln in lines]
    if not any(is_bullet):
        is_bullet = [bool(ALT_BULLET.match(ln.text)) and not ln.indented and k + 1 < len(lines)
                     and lines[k + 1].indented for k, ln in enumerate(lines)]
        if sum(is_bullet) < MIN_MARKED_RECORDS:  # one such line is more likely a list in running text
            is_bullet = [False] * len(lines)
    if any(is_bullet):
        starts = [i for i, b in enumerate(is_bullet) if b]
    else:  # dash list: a title is a non-dash line after a lone "-" or before a "- …" line
        starts = []
        for i, ln in enumerate(lines):
            if ln.text.startswith("-"):
                continue
            after_dash = i > 0 and DASH_ONLY.match(lines[i - 1].text)
            before_item = i + 1 < len(lines) and DASH_ITEM.match(lines[i + 1].text)
            if after_dash or before_item:
                starts.append(i)
    out = []
    for n, i in enumerate(starts):
        stop = starts[n + 1] if n + 1 < len(starts) else len(lines)
        body = [ln for ln in lines[i + 1 : stop] if not DASH_ONLY.match(ln.text)]
        out.append((i, body))
    if any(is_bullet):
        out = _drop_unindented_tails(out)
    return out


def _drop_unindented_tails(records: list[tuple[int, list[Line]]]) -> list[tuple[int, list[Line]]]:
    """On a page whose record fields are indented (the spec's layout), unindented lines after a
    record's last indented line are page text (a footer, a heading), not the record's."""
    firsts = [body[0] for _, body in records if body]
    if not firsts or sum(ln.indented for ln in firsts) < 0.8 * len(firsts):
        return records
    out = []
    for i, body in records:
        last = max((k for k, ln in enumerate(body) if ln.indented), default=-1)
        out.append((i, body[: last + 1]))
    return out


def _without_page_end(body: list[Line]) -> list[Line]:
    """The last record's lines without the page's footer (`_without_trailing_chrome`), but never a field's
    labelled line ("End: 30/11/2021" reads like a page's date line)."""
    kept = len(_without_trailing_chrome(body))
    labelled = [k + (2 if _alone_label(ln.text) else 1) for k, ln in enumerate(body) if _is_any_label(ln)]
    return body[: max([kept, *labelled])]


def _strip_dash(ln: Line) -> Line:
    m = DASH_ITEM.match(ln.text)
    return Line(ln.start + m.end(), ln.end, ln.text[m.end() :]) if m else ln


#: most characters of a link line closing a record ("Read more about this action"): a longer line is text
LINK_LINE_CHARS = 60


def _parse_body(body: list[Line]) -> tuple[dict[str, list[Line]], list[str]]:
    """Assign body lines to fields: labelled values first, then free lines by position and form. A web
    page's link lines closing a record ("Read more about this action") are the page's."""
    while body and len(body[-1].text) <= LINK_LINE_CHARS and _is_boilerplate(body[-1].text) \
            and not NO_VALUE.match(body[-1].text):
        body = body[:-1]
    got: dict[str, list[Line]] = {}
    free: list[Line] = []
    problems: list[str] = []
    i = 0
    while i < len(body):
        ln = body[i]
        inline = _labelled(ln)
        if inline is not None:  # "Label: value" (a title label is the bullet's: split_listing)
            if inline.value is not None and inline.field != "title":
                got[inline.field] = [inline.value]
            i += 1
            continue
        lab = _alone_label(ln.text)
        if lab is None:
            free.append(ln)
            i += 1
            continue
        name, form = lab
        nxt = body[i + 1] if i + 1 < len(body) else None
        if nxt is not None and not _is_any_label(nxt) and _fits(form, nxt.text):
            got.setdefault(name, []).append(nxt)
            i += 2
            if name == "assistance_types":  # listed one a line under their label, a web page's items
                end = _more_types(body, i)
                got[name].extend(body[i:end])
                i = end
        elif nxt is not None and NO_VALUE.match(nxt.text):
            i += 2  # "Code" over "—": the value is missing, the mark is no other field
        else:
            i += 1  # label without its value (spec: values may be missing)
    _assign_free(free, got, problems)
    return got, problems


def _more_types(lines: list[Line], i: int) -> int:
    """End of the run of lines from i that hold known assistance labels only, no field label: labels on
    lines of their own ("Information management systems" / "Organisation/business strategy & planning", an
    HTML <br> or a web page's items between them)."""
    while i < len(lines) and not _is_any_label(lines[i]) and _all_known(split_types(lines[i].text)):
        i += 1
    return i


def _assign_free(free: list[Line], got: dict[str, list[Line]], problems: list[str]) -> None:
    """Unlabelled lines to the fields labels left unfilled: institution, types, description in that order
    (each optional)."""
    types_at = next((k for k, ln in enumerate(free) if "assistance_types" not in got and is_types_line(ln.text)), None)
    types_end = None if types_at is None else _more_types(free, types_at + 1) - 1
    before = free if types_at is None else free[:types_at]
    after = [] if types_end is None else free[types_end + 1 :]
    if types_at is not None:
        got["assistance_types"] = free[types_at : types_end + 1]
    if before and "partner_institution" not in got and not _is_prose(before[0].text):
        got["partner_institution"] = [before[0]]
        before = before[1:]
    rest = before + after
    if rest:
        if "description" in got:
            problems.append("unlabelled lines after a labelled description: " + " | ".join(ln.text[:40] for ln in rest))
        got.setdefault("description", []).extend(rest)


def _join(lines: list[Line]) -> str:
    return "\n".join(ln.text for ln in lines)


def _make_record(doc: Document, index: int, kind: str, title: list[Line], got: dict[str, list[Line]], start: int, end: int) -> RawRecord:
    rec = RawRecord(
        doc=doc.name, index=index, kind=kind, start=start, end=end, text=doc.text[start:end],
        title=" ".join(ln.text for ln in title),
    )
    rec.fields["title"] = (title[0].start - start, title[-1].end - start)
    for name, lines in got.items():
        lines = sorted(lines, key=lambda ln: ln.start)  # free lines may join a labelled value
        rec.fields[name] = (lines[0].start - start, lines[-1].end - start)
        value = _join(lines)
        if name == "partner_institution":
            rec.partner_institution = value
        elif name == "assistance_types":
            rec.assistance_types = [t for ln in lines for t in split_types(ln.text)]
            unknown = [t for t in rec.assistance_types if not _known_label(t)]
            if unknown:
                rec.problems.append("type-of-assistance labels not in the known vocabulary: " + "; ".join(unknown))
        elif name == "description":
            rec.description = value
        else:
            rec.values[name] = value
    return rec


def _continues(text: str, line: Line, nxt: Line) -> bool:
    """`nxt` continues `line` (a wrapped title): next line, no blank line between, lower-case start."""
    return text.count("\n", line.end, nxt.start) == 1 and nxt.text[:1].islower()


def split_listing(doc: Document) -> list[RawRecord]:
    lines = lines_of(doc.text)
    records = []
    bounds = _record_bounds(lines)
    first = bounds[0][0] if bounds else 0
    heading = (lines[0].start, lines[first - 1].end, doc.text[lines[0].start : lines[first - 1].end]) if first else None
    for index, (i, body) in enumerate(bounds):
        body = [_strip_dash(ln) for ln in body]
        if index == len(bounds) - 1:  # the page's footer follows the last record
            body = _without_page_end(body)
        head = lines[i]
        m = BULLET.match(head.text) or ALT_BULLET.match(head.text)
        title = Line(head.start + m.end(), head.end, head.text[m.end() :]) if m else head
        named = _labelled(title)  # "• Action title: …"
        if named is not None and named.field == "title" and named.value is not None:
            title = named.value
        titles = [title]
        # a title wrapped over two lines: the next line follows without a blank line and goes on
        # in lower case ("… private employment agencies and" / "the protection of migrant workers")
        while body and _continues(doc.text, titles[-1], body[0]):
            titles.append(body.pop(0))
        got, problems = _parse_body(body)
        end = body[-1].end if body else titles[-1].end
        rec = _make_record(doc, index, "listing", titles, got, head.start, end)
        rec.problems.extend(problems)
        rec.heading = heading
        if not body:
            rec.problems.append("record has a title and nothing under it")
        records.append(rec)
    return records


# -- blocks ----------------------------------------------------------------
#: a block's title line has at most this many words
BLOCK_TITLE_WORDS = 30


def _groups(text: str) -> list[list[Line]]:
    """The blank-line separated groups of lines of a text."""
    return [lines_of(text, m.start(), m.end()) for m in re.finditer(r"(?:[^\n]*\S[^\n]*(?:\n|$))+", text)]


def _blocks(text: str) -> list[tuple[list[Line], list[Line]]]:
    """(title lines, body lines) of the blank-line separated groups of lines that each read as a
    record without a list marker: a title (short, no sentence), then within the next three lines a line of assistance types
    ("Recognition of prior learning …" / "Bureau of Manpower … (BMET)" / "Individual capacity
    building (human resources development)" / "Many Bangladeshi workers …"), as a page copied
    from a browser keeps them when the list's bullets are lost. (Groups of labelled fields are
    `_labelled_records`'.) A title may also stand apart, as the last line of the group above its fields
    (`_detached_blocks`)."""
    groups = _groups(text)
    detached = _detached_blocks(groups)
    if len(detached) >= MIN_MARKED_RECORDS:
        return detached
    out = []
    for lines in groups:
        if any(_is_any_label(ln) for ln in lines):
            continue
        if (len(lines) >= 3 and _reads_as_block_title(lines[0].text)
                and not any(BULLET.match(ln.text) or ln.text.startswith("-") for ln in lines)
                and any(is_types_line(ln.text) for ln in lines[1:4])):
            out.append((lines[:1], lines[1:]))
    return out


def _fields_start(lines: list[Line]) -> bool:
    """A group that opens with a record's fields: a types line first, or an institution then a types line."""
    if not lines or any(_is_any_label(ln) for ln in lines) or any(BULLET.match(ln.text) for ln in lines):
        return False
    if is_types_line(lines[0].text):
        return True
    return len(lines) >= 2 and is_types_line(lines[1].text) and not _is_prose(lines[0].text) \
        and not TERMINAL.search(lines[0].text)


def _detached_blocks(groups: list[list[Line]]) -> list[tuple[list[Line], list[Line]]]:
    """(title, body) of records whose title is the last line of the group above their fields, as a page copied
    from a browser keeps a bulleted listing ("Modernising pension management at the National Pension Fund" /
    blank line / "National Pension Fund [Fonds National de Retraites] (FNR)" / "Financial management (incl.
    budgeting) Information management systems" / "The FNR pays …" / the next record's title). A body's last
    line is the next record's title when fields follow it; after the last record, the page's end ("This
    website uses cookies …") is left out."""
    starts = [k for k in range(1, len(groups)) if _fields_start(groups[k])
              and _reads_as_block_title(groups[k - 1][-1].text) and not is_types_line(groups[k - 1][-1].text)]
    out = []
    for n, k in enumerate(starts):
        body = groups[k]
        if n + 1 < len(starts) and starts[n + 1] == k + 1:
            body = body[:-1]  # the next record's title
        elif n + 1 == len(starts):
            body = _without_trailing_chrome(body)
        if body:
            out.append(([groups[k - 1][-1]], body))
    return out


def _reads_as_block_title(text: str) -> bool:
    return (not _is_prose(text) and not TERMINAL.search(text) and len(WORD.findall(text)) <= BLOCK_TITLE_WORDS
            and not BULLET.match(text) and not text.startswith("-") and not text.rstrip().endswith(":"))


def is_block_listing(text: str) -> bool:
    """A listing laid out as blank-line separated blocks, at least MIN_MARKED_RECORDS of them: blocks whose
    list markers were lost (`_blocks`) or blocks of labelled fields (`_is_labelled_listing`)."""
    return len(_blocks(text)) >= MIN_MARKED_RECORDS or _is_labelled_listing(_labelled_records(text))


def split_blocks(doc: Document) -> list[RawRecord]:
    records = []
    for index, (title, body) in enumerate(_blocks(doc.text)):
        got, problems = _parse_body(body)
        rec = _make_record(doc, index, "listing", title, got, title[0].start, body[-1].end)
        rec.problems.extend(problems)
        records.append(rec)
    return records


# -- labelled blocks ---------------------------------------------------------
#: most lines of a title standing on its own above labelled fields (a wrapped heading)
TITLE_LINES = 2
#: free-text fields whose value may go on over the unlabelled lines under it (a wrapped title, an
#: institution's second line, types of assistance a line each, the description's paragraphs)
CONTINUED_FIELDS = frozenset({"title", "partner_institution", "assistance_types", "description"})


def _other_label_match(ln: Line) -> re.Match[str] | None:
    """The line read as "Head: value" past its list marker and emphasis (`OTHER_LABEL`), any head."""
    return OTHER_LABEL.match(LABEL_PREFIX.sub("", ln.text, count=1))


def _is_other_label(ln: Line) -> bool:
    """A "Label: value" line of a field no layout knows ("SDG: 8", "Number of experts: 3"): no value of any
    field, and it ends the value of the label above it. A sentence with a colon is none ("The experts
    recommended: a new law, …"): it opens with a determiner or a preposition, or says too much after a
    label of three or four words."""
    m = _other_label_match(ln)
    if m is None or _labelled(ln) is not None:
        return False
    words = m["head"].split()
    return words[0].casefold() not in SENTENCE_OPENERS and (
        len(words) <= 2 or len(WORD.findall(m["value"] or "")) <= OTHER_VALUE_WORDS)


def _cuts(group: list[Line], hits: list[Labelled | None]) -> list[int]:
    """Where records start inside one group of labelled lines written without blank lines between them:
    at every title label after the first; without title labels, at a label already seen in the record
    (and at the title line or two right above it, when the group's records open with a title line). A record
    starts at the labels right above its title label that repeat fields of the record before it
    ("Code: 2022-14" over "Title: …")."""
    titles = [k for k, h in enumerate(hits) if h is not None and h.field == "title"]
    cuts: list[int] = []
    if len(titles) >= 2:
        for k in titles[1:]:
            c, begin = k, cuts[-1] if cuts else 0
            while c - 1 > begin and hits[c - 1] is not None and hits[c - 1].field in {
                    h.field for h in hits[begin : c - 1] if h is not None}:
                c -= 1
            cuts.append(c)
        return cuts
    titled = hits[0] is None and not _is_other_label(group[0])
    seen: set[str] = set()
    for k, h in enumerate(hits):
        if h is None:
            continue
        if h.field in seen:
            c, begin = k, cuts[-1] if cuts else 0
            while (titled and c - 1 > begin and k - c < TITLE_LINES and hits[c - 1] is None
                   and _reads_as_block_title(group[c - 1].text) and not _is_other_label(group[c - 1])):
                c -= 1
            cuts.append(c)
            seen = set()
        seen.add(h.field)
    return cuts


def _head_title(lines: list[Line]) -> tuple[int, int]:
    """(first, end) of the title in `lines`: the short line (no sentence, no label) right above the first
    labelled line ("### Title" over "- **Partner:** …", a heading over its `<dl>`), with the line above it
    when it goes on in lower case (a wrapped title); lines above the title are the page's (its heading, an
    intro line). (0, 0) when none."""
    first = next((k for k, ln in enumerate(lines) if _is_any_label(ln) or _is_other_label(ln)), 0)
    if first == 0 or not _is_any_label(lines[first]) or not _reads_as_block_title(lines[first - 1].text):
        return 0, 0
    begin = first - 1
    if begin > 0 and lines[begin].text[:1].islower() and _reads_as_block_title(lines[begin - 1].text):
        begin -= 1
    return begin, first


def _labelled_records(text: str) -> list[tuple[list[Line], list[Line]]]:
    """(title lines, body lines) of the records of a page of labelled fields: groups of "Label: value" lines
    (labels of models/data/record_labels.tsv, in any order, some missing, unknown ones such as "SDG: 8"
    in between), one record a group or more where labels start over, whose title is a labelled field
    ("Action title: …"), the line right above its labels ("### Title" over "- **Partner:** …") or the group
    above when it stands alone ("## Title", a blank line, the labels), with one labelled field at least.
    A group without a title that names
    none of the fields of the record right above it goes on with it (a blank line inside a record); a
    title-less group else is no record. On a page whose records have title labels, only those are records.
    `_parse_labelled` reads a body."""
    out: list[tuple[list[Line], list[Line]]] = []
    groups = _groups(text)
    last = -2  # group index of the last record's last group
    for g, group in enumerate(groups):
        hits = [_labelled(ln) for ln in group]
        if not any(hits) and not any(_alone_label(ln.text) for ln in group):
            continue
        bounds = [0, *_cuts(group, hits), len(group)]
        for n, (a, b) in enumerate(zip(bounds, bounds[1:])):
            lines = group[a:b]
            fields = _fields_of(lines)
            if "title" in fields:
                if len(fields) >= 2:  # lines above its first label are the page's (a subheading)
                    out.append(([], lines[next(k for k, ln in enumerate(lines) if _is_any_label(ln)):]))
                    last = g
                continue
            skip, head = _head_title(lines)
            title = lines[skip:head]
            if not title and n == 0 and g > 0 and 0 < len(groups[g - 1]) <= TITLE_LINES and last != g - 1 \
                    and not any(_is_any_label(ln) or _is_other_label(ln) and not _titled_with_colon(ln)
                                for ln in groups[g - 1]) \
                    and _reads_as_block_title(" ".join(ln.text for ln in groups[g - 1])):
                title = groups[g - 1]
            if title and fields - {"title"}:
                out.append((title, lines[head:]))
                last = g
            elif not title and n == 0 and out and last == g - 1 and not fields & _fields_of(out[-1][1]):
                out[-1] = (out[-1][0], out[-1][1] + lines)  # a blank line inside the record above
                last = g
    if any(not title for title, _ in out):  # records titled by a label: a line over labels is the page's
        out = [(title, body) for title, body in out if not title]  # ("Summary: …" under the page's heading)
    return out


#: fewest words after the colon of a title standing alone ("Kazakhstan: long-term care insurance feasibility
#: study"), more than an unknown field's value has ("SDG: 8", "Number of experts: 3")
TITLE_AFTER_COLON_WORDS = 3


def _titled_with_colon(ln: Line) -> bool:
    """A heading with a colon of its own standing alone above a record's labels, not an unknown field."""
    m = _other_label_match(ln)
    return m is not None and len(WORD.findall(m["value"] or "")) >= TITLE_AFTER_COLON_WORDS


def _is_labelled_listing(found: list[tuple[list[Line], list[Line]]]) -> bool:
    """A page of labelled records: MIN_MARKED_RECORDS of them that each name a field besides a labelled
    title, or two under a title line (a news item's "Summary: …" paragraph under its headline is none)."""
    return sum(len(_fields_of(body) - {"title"}) >= (2 if title else 1) for title, body in found) >= MIN_MARKED_RECORDS


def _fields_of(lines: list[Line]) -> set[str]:
    """The fields a record's lines label (with a value or without)."""
    inline = {h.field for ln in lines if (h := _labelled(ln))}
    return inline | {lab[0] for ln in lines if (lab := _alone_label(ln.text))}


def _parse_labelled(lines: list[Line]) -> tuple[list[Line], dict[str, list[Line]], list[str]]:
    """(title lines, field -> value lines, problems) of a record's labelled lines.

    A value may go on over unlabelled lines when its field is free text (CONTINUED_FIELDS: "Summary: …"
    and the line under it); a label with no value (`Start:`, `Code: —`, a value of another form than its field's) is
    a missing value, and the line under an empty label is its value when it fits ("Summary:" over the
    text); an unknown label ("SDG: 8") is no field and ends the value above it. Unlabelled lines that
    continue no value fill what labels left unfilled as in the unlabelled layout (`_assign_free`)."""
    got: dict[str, list[Line]] = {}
    free: list[Line] = []
    problems: list[str] = []
    current: str | None = None  # the free-text field the next unlabelled line continues
    pending: tuple[str, str] | None = None  # a label whose value may be on the next line
    for ln in lines:
        hit = _labelled(ln)
        alone = _alone_label(ln.text) if hit is None else None
        if RULE_LINE.match(ln.text):  # "-----" between two records
            current = pending = None
        elif hit is not None and hit.value is not None and hit.field in got:
            problems.append(f"{hit.field} given twice; the second ({hit.written[:40]!r}) left out")
            current = pending = None
        elif hit is not None and hit.value is not None:
            got[hit.field] = [hit.value]
            current, pending = (hit.field if hit.field in CONTINUED_FIELDS else None), None
        elif hit is not None or alone is not None:
            field, form = (hit.field, hit.form) if hit is not None else alone
            current, pending = None, ((field, form) if hit is None or not hit.written else None)
            if hit is not None and hit.written and not NO_VALUE.match(hit.written):
                problems.append(f"{field}: {hit.written!r} is not a {hit.form} value; read as missing")
        elif _is_other_label(ln):
            current = pending = None
        elif pending is not None and pending[0] not in got and _fits(pending[1], ln.text):
            got[pending[0]] = [ln]
            current, pending = (pending[0] if pending[0] in CONTINUED_FIELDS else None), None
        elif current is not None:
            got[current].append(ln)
        else:
            free.append(ln)
            pending = None
    _assign_free(free, got, problems)
    return got.pop("title", []), got, problems


def split_labelled(doc: Document) -> list[RawRecord]:
    """Records of a page of labelled fields (`_labelled_records`), when it holds MIN_MARKED_RECORDS of them
    and none of the spec's bullet or dash records (split_listing's); the text above the first record is the
    page's heading."""
    if RECORD_BULLET.search(doc.text) or has_dash_records(doc.text):
        return []
    found = _labelled_records(doc.text)
    if not _is_labelled_listing(found):
        return []
    records = []
    for index, (title, body) in enumerate(found):
        if index == len(found) - 1:  # the page's footer follows the last record
            body = _without_page_end(body)
        titles, got, problems = _parse_labelled(body)
        titles = title or titles
        if not titles:
            continue
        start = min(titles[0].start, body[0].start)
        rec = _make_record(doc, len(records), "listing", titles, got, start, max(titles[-1].end, body[-1].end))
        rec.problems.extend(problems)
        records.append(rec)
    first = min((r.start for r in records), default=0)
    page = lines_of(doc.text, 0, first)
    heading = (page[0].start, page[-1].end, doc.text[page[0].start : page[-1].end]) if page else None
    for rec in records:
        rec.heading = heading
    return records


# -- news ------------------------------------------------------------------
#: a news page's head (menus, banners, breadcrumb, date line, headline) lies within its first lines
HEAD_LINES = 15


def _is_headline_like(text: str) -> bool:
    """A line that can be a headline: no sentence of body text, no date line, no site line."""
    return not (_is_prose(text) or _is_date_line(text) or _is_boilerplate(text))


def _page_head(lines: list[Line]) -> tuple[int, int | None]:
    """Where a news item starts: (first line to read, line of a headline standing above its date line).

    A page saved with its chrome has site lines (menus, a cookie banner, a tagline, a region
    label) before the item. The first date line (or photo credit) of the page's head marks where the item is: when
    a headline follows it and body text follows the headline (date line, headline, body), every
    line above the date line is the page's; when body text follows the date line and a headline
    stands right above it (headline, date line, body), the lines above the headline are the page's.
    """
    for d in range(min(len(lines), HEAD_LINES)):
        if not (_is_date_line(lines[d].text) or CREDIT.search(lines[d].text)):
            continue
        after = d + 1
        while after < len(lines) and _is_header_chrome(lines, after):
            after += 1
        if after >= len(lines):
            return 0, None
        if _is_headline_like(lines[after].text):
            # a headline may take two lines: body text within the next two confirms the layout
            if any(_is_prose(ln.text) for ln in lines[after + 1 : after + 3]):
                return d, None
            return 0, None
        before = d - 1
        while before >= 0 and _is_header_chrome(lines, before):
            before -= 1
        if before >= 0 and _is_headline_like(lines[before].text) and _is_prose(lines[after].text):
            return before, before
        return 0, None
    return 0, None


#: most lines of page metadata between a headline and the body's first paragraph
META_LINES = 6
#: most words of a line of page metadata
META_WORDS = 12


def _body_start(lines: list[Line], k: int, text: str) -> int | None:
    """The first paragraph of body text at or after line k, when only page metadata stands before it:
    at most META_LINES short lines (META_WORDS words) that end no sentence. A paragraph may be wrapped
    over lines, the next going on in lower case."""
    for j in range(k, min(len(lines), k + META_LINES + 1)):
        if _is_prose(lines[j].text) or j + 1 < len(lines) and _continues(text, lines[j], lines[j + 1]):
            return j
        text_j = lines[j].text
        if TERMINAL.search(text_j) or len(WORD.findall(text_j)) > META_WORDS:
            return None
    return None


def _after_breadcrumb(lines: list[Line], text: str) -> int | None:
    """The line under a breadcrumb trail ("Home > EU Office in Kosovo* > News and events") that can be a
    headline: the first after it, past date lines and header chrome, followed by the body with only
    page metadata between ("Press and information team of the EU Office in Kosovo*", "16.06.2023")."""
    b = next((i for i in range(min(len(lines), HEAD_LINES))
              if BREADCRUMB.match(ARROWS.sub("", lines[i].text.casefold()).strip())), None)
    if b is None:
        return None
    j = b + 1
    while j < len(lines) and (_is_date_line(lines[j].text) or _is_header_chrome(lines, j)):
        j += 1
    if j < len(lines) and _is_headline_like(lines[j].text) and _body_start(lines, j + 1, text) is not None:
        return j
    return None


#: a line of menu items or labels: separators, or items spaced wide ("News   Business   Sports")
MENU_LINE = re.compile(r"\s[|·•›»]\s|\s{3,}")
#: fewest and most words of a headline found by its shape
HEADLINE_WORDS = (5, 30)
#: a full date anywhere in a line ("Communiqué de presse du 17 mai 2023", "Managua, jueves 22 de octubre de 2020")
FULL_DATE = re.compile(r"\b\d{1,2}(?:\.|er|st|nd|rd|th)?\s+(?:de\s+)?[^\W\d_]{3,10}\.?,?\s+(?:de\s+)?\d{4}\b"
                       r"|\b[^\W\d_]{3,10}\.?\s+\d{1,2},?\s+\d{4}\b|\b\d{1,2}[/.]\d{1,2}[/.]\d{2,4}\b")
#: lines of a page's head searched for the body's first paragraph
BODY_SEARCH_LINES = 40


def _not_a_headline(text: str) -> bool:
    """A line that no headline looks like: one or two words ("Society"), a menu or label line
    ("98.6 FM Juba | Listen Live"), a "Label: value" line."""
    label = LABEL_LINE.match(text.strip())
    return (len(WORD.findall(text)) <= 2 or MENU_LINE.search(text) is not None
            or label is not None and len(WORD.findall(label["value"])) <= 2)


def _reads_as_headline(text: str) -> bool:
    """A line shaped like a headline: five to thirty words from a capital, ending no sentence or list
    introduction, no menu, label, date, byline or boilerplate."""
    n = len(WORD.findall(text))
    return (HEADLINE_WORDS[0] <= n <= HEADLINE_WORDS[1] and text[:1].isupper()
            and not text.rstrip().endswith((".", ":", ";")) and not _is_prose(text) and not _not_a_headline(text)
            and not FULL_DATE.search(text) and not _is_date_line(text) and not _is_boilerplate(text)
            and not _is_byline(text) and not _is_taxonomy(text) and not CREDIT.search(text))


def _nearest_headline(lines: list[Line], text: str) -> int | None:
    """The last line shaped like a headline before the body's first paragraph (not a cookie banner's
    sentence), or None; a headline wrapped over two lines starts on the first."""
    body = next((i for i in range(min(len(lines), BODY_SEARCH_LINES))
                 if _is_prose(lines[i].text) and not _is_page_end(lines[i].text)), None)
    if body is None:
        return None
    found = next((i for i in range(body - 1, -1, -1) if _reads_as_headline(lines[i].text)), None)
    if found and text.count("\n", lines[found - 1].end, lines[found].start) == 1 \
            and not TERMINAL.search(lines[found - 1].text) and not _is_date_line(lines[found - 1].text) \
            and not FULL_DATE.search(lines[found - 1].text) \
            and not _not_a_headline(lines[found - 1].text) and not _is_header_chrome(lines, found - 1):
        found -= 1
    return found


def _glued_to_date(text: str, lines: list[Line], k: int) -> bool:
    """Line k stands in one block with the date line under it, a blank line above it: a byline or a
    source ("Press and information team of the EU Office in Kosovo*" over "16.06.2023") rather than the
    headline, when a breadcrumb trail has a headline of its own under it."""
    return (0 < k < len(lines) - 1 and text.count("\n", lines[k - 1].end, lines[k].start) > 1
            and text.count("\n", lines[k].end, lines[k + 1].start) == 1 and _is_date_line(lines[k + 1].text))


#: lines of a page's head searched for its marked headline
HINT_LINES = 60


def _hinted_headline(lines: list[Line], headline: str | None) -> int | None:
    """The line of the headline a converter found in the page's markup (the only "# " of a Markdown
    page, the HTML heading its `<title>` names), among the page's first lines."""
    if not headline:
        return None
    want = " ".join(headline.split())
    return next((i for i in range(min(len(lines), HINT_LINES)) if " ".join(lines[i].text.split()) == want), None)


def split_news(doc: Document) -> list[RawRecord]:
    """One record: skip the page's head (site lines, date line, credits); headline; body; tag."""
    lines = lines_of(doc.text)
    got: dict[str, list[Line]] = {}
    year = None

    def head_line(k: int) -> bool:
        """Line k is a date line (kept as the item's) or the page's chrome."""
        nonlocal year
        is_date = _is_date_line(lines[k].text)
        if is_date and "date_line" not in got:
            got["date_line"] = [lines[k]]
            years = re.findall(r"\d{4}", lines[k].text)
            year = int(years[-1]) if years else None
        return is_date or _is_header_chrome(lines, k)

    marked = _hinted_headline(lines, doc.headline)
    wraps = marked is None  # a headline the markup gives is whole; one found in the text may take two lines
    if marked is None:
        k, headline_at = _page_head(lines)
        crumb = _after_breadcrumb(lines, doc.text) if headline_at is not None else None
        if crumb is not None and crumb < headline_at and _glued_to_date(doc.text, lines, headline_at):
            marked = crumb  # headline under the trail, then a block of byline and date line
    if marked is not None:  # the page's head above it: its date line is the item's, the rest chrome
        for i in range(marked):
            head_line(i)
        k, headline_at = marked, marked
    if headline_at is None:
        while k < len(lines) and head_line(k):
            k += 1
    if k >= len(lines):
        return []
    if marked is None and (_not_a_headline(lines[k].text) or headline_at is None and not any(
            _is_date_line(ln.text) or CREDIT.search(ln.text) for ln in lines[:HEAD_LINES])):
        # a section label or a site's line taken for the headline ("Society" under the date line, "98.6 FM
        # Juba | Listen Live"), or a page without a date line to tell where its item starts: the headline is
        # the last line before the body that reads as one
        nearest = _nearest_headline(lines, doc.text)
        if nearest is not None and nearest != k:
            for i in range(nearest):
                head_line(i)
            k = headline_at = marked = nearest
    title = [lines[k]]
    k += 1
    # a headline split over two lines: no blank line between, neither part ends a sentence, the
    # second is short (and no date line)
    if (wraps and (headline_at is None or headline_at == marked) and k + 1 < len(lines)
            and doc.text.count("\n", title[0].end, lines[k].start) == 1
            and not TERMINAL.search(title[0].text) and not TERMINAL.search(lines[k].text)
            and len(WORD.findall(lines[k].text)) <= 20 and not _is_date_line(lines[k].text)
            and not _is_byline(lines[k].text) and not MENU_LINE.search(lines[k].text)
            and not _is_header_chrome(lines, k)):
        title.append(lines[k])
        k += 1
    # under the headline: its date line, a byline, a meta line ("08/11/2023 · Latin America"), a caption
    # pointing at its picture ("▲ Enumerators register households in Kassala State. Photo: MLSD")
    while k < len(lines) and (_is_byline(lines[k].text) or _is_date_line(lines[k].text) or CAPTION.search(lines[k].text)):
        head_line(k)
        k += 1
    # ... and the page's metadata before the body's first paragraph, whatever it says: a few short lines
    # without a sentence ("Press and information team of the EU Office", "Hits: 418", "👏 48 · 💬 2")
    start = _body_start(lines, k, doc.text)
    while start is not None and k < start:
        head_line(k)
        k += 1
    body = lines[k:]
    tag_at = max((i for i, ln in enumerate(body) if NEWS_TAG_LINE.match(ln.text.strip())), default=None)
    if tag_at is not None:  # after the reference tag: the page's end (share links, tags, funding lines)
        body = body[: tag_at + 1]
    body = _without_trailing_chrome(body, news=True)
    if body:
        got["description"] = body
        if NEWS_TAG.match(body[-1].text):
            got["tag"] = [body[-1]]
    # the record ends with its body: the page's end (related news, share links) is no part of it
    rec = _make_record(doc, 0, "news", title, got, 0, (body or title)[-1].end)
    rec.year = year
    return [rec]


@lru_cache(maxsize=1)
def _boilerplate_rows() -> tuple[frozenset[str], tuple[str, ...], tuple[str, ...]]:
    """(whole-line boilerplate, taxonomy labels, call-to-action phrases) of
    models/data/news_boilerplate.txt, casefolded."""
    path = DATA_DIR / "news_boilerplate.txt"
    rows = [r.strip().casefold() for r in path.read_text(encoding="utf-8").splitlines()]
    rows = [r for r in rows if r and not r.startswith("#")]
    return (frozenset(r for r in rows if not r.endswith(":") and not r.startswith("*")),
            tuple(r for r in rows if r.endswith(":")), tuple(r[1:] for r in rows if r.startswith("*")))


def _boilerplate() -> frozenset[str]:
    return _boilerplate_rows()[0]


#: most one-word boilerplate rows in a row that make a widget line part ("Facebook LinkedIn Courriel")
WIDGET_RUN = 6
#: a taxonomy line holds short items, no sentence: at most this many words after its label
TAXONOMY_WORDS = 30


def _is_taxonomy(line: str) -> bool:
    """A page's tag or category line ("Tags: Pensions · Pacific", "Mots-clés : emploi")."""
    low = re.sub(r"\s+:", ":", line.casefold().strip())
    # the label with its colon, or one of two words without it ("Posted in Asia, News | Tagged …")
    labels = [*_boilerplate_rows()[1], *(lb[:-1] + " " for lb in _boilerplate_rows()[1] if " " in lb)]
    label = next((lb for lb in labels if low.startswith(lb)), None)
    if label is None:
        return False
    rest = low[len(label):]
    return not TERMINAL.search(rest) and len(WORD.findall(rest)) <= TAXONOMY_WORDS


#: separators of a site's section label or trail ("SOCIEUX+ | News", "Accueil › Actualités",
#: "Share: Facebook | X | LinkedIn"; a menu copied from a page: "Home  About  News")
SECTION_SEPARATORS = re.compile(r"\s*[|›>»·•:]\s*|\s+/\s+|\s{2,}")
#: separators of a date line's parts: a section line's, and a spaced dash ("10.01.2022 – News")
DATE_LINE_SEPARATORS = re.compile(SECTION_SEPARATORS.pattern + r"|\s+[–—-]\s+")
#: a date line's author or section: "Published on 28.09.2023 by SOCIEUX+", "Posted 16 November 2023 in News & Events"
BY_AUTHOR = re.compile(r"\s+(?:by|in|par|por)\s+[^\d.!?]{1,60}$", re.I)
#: a byline: "By the SOCIEUX+ Communication Team", "Author: SOCIEUX+ editorial team", "By Laura M.",
#: "Autor: Equipo de comunicación SOCIEUX+"
BYLINE = re.compile(r"^(?:by|authors?|written\s+by|posted\s+by|text|words|autor|autora|auteur|autrice|par|por)\b\s*:?\s+"
                    r"(?:[^\d.!?]|(?<=\b[A-Z])\.){1,80}$", re.I)
#: a time of day on a date line: "10:30", "at 10:14", "16:42:05 GMT", "2:15 pm", "10h30"
TIME_OF_DAY = re.compile(r"(?:\s+(?:at|à|às|a\s+las))?\s+\d{1,2}[:h]\d{2}(?::\d{2})?(?:\s*[ap]\.?m\.?)?"
                         r"(?:\s*(?:GMT|UTC|CET|CEST)(?:[+-]\d{1,2})?)?(?=$|\s)", re.I)
#: a short metadata part of a date line: "Reading time: 3 min", "5 min read", "0 comments"
META_PART = re.compile(r"^\d{1,3}\s*min(?:ute)?s?(?:\s+read)?$|^\d{1,4}\s+comments?$"
                       r"|^(?:lectura|leitura|temps\s+de\s+lecture)(?:\s+de)?\s*:?\s*\d{1,3}\s*min(?:utos?|utes?)?$"
                       r"|^\d{1,3}\s*min(?:utos?)?\s+(?:de\s+)?(?:lectura|leitura)$"
                       r"|^(?:issue|no\.?|n[°º]|page|vol\.?)\s*\d{1,4}$", re.I)
#: separators of a line of section labels ("Europe and Central Asia | Social services")
LABEL_SEPARATORS = re.compile(r"\s+[|·•›»]\s+")
#: words of a short label: a part of a date line or of a line of section labels
LABEL_WORDS = 5


def _is_label(part: str) -> bool:
    """A short label of a page (a section or category name): a few words, no digit, no sentence."""
    return (len(WORD.findall(part)) <= LABEL_WORDS and not any(c.isdigit() for c in part)
            and not TERMINAL.search(part))


def _is_date_line(line: str) -> bool:
    """A date line, also with a label, a category or an author around the date: "News · 14 March
    2025", "29/11/2024 | News", "14.11.2024 · Study visits", "Published on 28.09.2023 by SOCIEUX+",
    "Published: 20 March 2025 · Reading time: 3 min"."""
    # the author's separator goes with it: "Posted 14 Mar 2023 · by SOCIEUX+ Communications"; a time of
    # day goes too, whose colon would split the line ("Cập nhật: 15/09/2022 10:30", "2 June 2023 at 10:14 · 🌏")
    line = BY_AUTHOR.sub("", TIME_OF_DAY.sub("", line.strip())).rstrip(" ·|•–—-,")
    if DATE_VALUE.match(line):
        return True
    parts = [p for p in DATE_LINE_SEPARATORS.split(line) if p]
    dates = [p for p in parts if DATE_VALUE.match(p)]
    return (len(parts) > 1 and len(dates) == 1
            and all(p is dates[0] or _is_boilerplate_part(p.casefold()) or _is_label(p) or META_PART.match(p)
                    or _is_byline(p) for p in parts))


#: a category list: three or more capitalised items of at most CATEGORY_WORDS words, comma-separated
CATEGORY_WORDS = 3


def _is_section_labels(line: str) -> bool:
    """A line of section or category labels before a headline: "Europe and Central Asia | Social
    services" (two or more short labels; a headline does not list them), "News, Events, Social
    pensions" (three or more capitalised one- to three-word items)."""
    parts = LABEL_SEPARATORS.split(line.strip())
    return (len(parts) > 1 and all(_is_label(p) for p in parts)) or _is_category_list(line, 3)


def _is_category_list(line: str, minimum: int) -> bool:
    """At least `minimum` comma-separated capitalised items of at most CATEGORY_WORDS words
    ("News, Events, Social pensions"; right under a date line two suffice: "Asia, Social insurance")."""
    items = [p.strip() for p in line.split(",")]
    return len(items) >= minimum and all(
        p[:1].isupper() and len(WORD.findall(p)) <= CATEGORY_WORDS and _is_label(p) for p in items)


#: a kicker (a section or region label above a headline) has at most this many words
KICKER_WORDS = 4


def _is_kicker(lines: list[Line], k: int) -> bool:
    """A short label right before a date line or a byline ("Labour inspection", "Asia and the Pacific"
    then "Wednesday 13 November 2024"): the page's section, not the headline, which comes after them."""
    line = lines[k].text
    return (len(WORD.findall(line)) <= KICKER_WORDS and _is_label(line) and k + 1 < len(lines)
            and (_is_date_line(lines[k + 1].text) or _is_byline(lines[k + 1].text)))


def _is_header_chrome(lines: list[Line], k: int) -> bool:
    """Line k, before a headline, is the page's, not the item's: a credit, boilerplate, a byline, a
    line of section labels or a kicker (a date line is tested by the caller, which keeps it)."""
    text = lines[k].text
    return bool(CREDIT.search(text) or _is_boilerplate(text) or _is_byline(text) or _is_section_labels(text)
                or _is_taxonomy(text) or _is_kicker(lines, k) or _in_label_cluster(lines, k) or _is_fact_line(lines[k])
                or (k > 0 and _is_date_line(lines[k - 1].text) and _is_category_list(text, 2)))


#: a page's metadata line: a one- or two-word label, a colon and a short value ("Source: SOCIEUX+",
#: "Origin: View original", "Hits: 418")
LABEL_LINE = re.compile(r"^[^\W\d_][\w'’-]*(?:\s[\w'’-]+)?\s*:\s*(?P<value>\S.*)$")
#: most words of a metadata line's value
LABEL_VALUE_WORDS = 4


def _is_label_line(line: str) -> bool:
    m = LABEL_LINE.match(line.strip())
    return m is not None and len(WORD.findall(m["value"])) <= LABEL_VALUE_WORDS and not TERMINAL.search(line)


def _in_label_cluster(lines: list[Line], k: int) -> bool:
    """Line k is a metadata line in a block of them, date lines between ("Format: News and Press Release",
    "Source: SOCIEUX+", "Posted: 3 Mar 2021", "Origin: View original"): two or more that are no date line,
    so that one short headline with a colon ("Kosovo: pensions abroad") above a date line stays a headline."""
    if not _is_label_line(lines[k].text) or _is_date_line(lines[k].text):
        return False
    for step in (-1, 1):
        j = k + step
        while 0 <= j < len(lines) and _is_date_line(lines[j].text):
            j += step
        if 0 <= j < len(lines) and _is_label_line(lines[j].text):
            return True
    return False


#: labelled fields a news page's fact box may give ("Country: Ghana", "Partner: Ministry …"), never its
#: headline; a headline may open with "Overview:" or "Summary:", so not these
FACT_FIELDS = frozenset({"partner_institution", "assistance_types", "code", "country", "period",
                         "start_activities", "end_activities"})


def _is_fact_line(ln: Line) -> bool:
    hit = _labelled(ln)
    return hit is not None and hit.field in FACT_FIELDS


def _is_byline(line: str) -> bool:
    line = TIME_OF_DAY.sub("", line.strip())  # "Posted by Tendai M. at 10:14"
    return BYLINE.match(line) is not None and len(WORD.findall(line)) <= 12


#: furthest a call to action's phrase starts in its line: "This website uses cookies", "SOCIEUX+ is funded by the
#: European Union"; further on, the phrase is part of a sentence of the body ("The study visit concluded the
#: SOCIEUX+ support, which is funded by the European Union.")
CALL_PHRASE_AT = 40


def _is_call_to_action(line: str) -> bool:
    """A short closing line inviting the reader ("Sign up for the SOCIEUX+ newsletter …") or saying who funds
    the site, its phrase near the line's start."""
    low = line.casefold()
    return len(WORD.findall(line)) <= 25 and any(0 <= low.find(p) <= CALL_PHRASE_AT for p in _boilerplate_rows()[2])


#: a line after which a news page lists other pages, not its own body; also its links to the
#: previous and next items ("Previous: Niger: ANPE trains its job counsellors (12.03.2019)")
RELATED = re.compile(rf"^[\s*_]*[←«‹\[(]?\s*(?:{RELATED_WORDS})\b[^.!?]{{0,40}}$"
                     rf"|^[\s*_]*(?:{RELATED_WORDS}|read more)\b[^.!?:]{{0,30}}[*_]*\s*:"  # "More from Latin America: …"
                     r"|^\s*-*\s*ends\s*-*\s*$|^\s*notes?\s+(?:to|for)\s+editors?\b"  # a press release's end
                     r"|^\s*[←«‹]?\s*(?:previous|next|older|newer)(?:\s+(?:article|post|story|item|news))?\s*:", re.I)


def _without_trailing_chrome(body: list[Line], news: bool = False) -> list[Line]:
    """A news body (or a listing's last record) without the page's end: share and follow widgets,
    funding lines, a copyright, a date line ("Last updated: 12/05/2023"; not a code value), and a
    "Related actions" list with everything after it. A news body ends with its last sentence or its
    reference tag: the lines after it are the page's whatever they say (a footer's menu "EEAS | Contact
    | Legal notice", an address, a footnote on the page's "Kosovo*")."""
    if news:  # a teaser of another story inside the body ("READ ALSO: Kaduna begins …"), an advertisement's label
        body = [ln for i, ln in enumerate(body) if not (INLINE_CHROME.match(ln.text) and any(
            _is_prose(later.text) for later in body[i + 1 : i + 3]))]
    # the page's end: a list of related pages; in a news body, also an author's box ("Written by Mette Holm")
    cut = next((i for i, ln in enumerate(body) if RELATED.match(ln.text) or news and i > 0 and _is_byline(ln.text)),
               len(body))
    body = body[:cut]
    if news:  # a widget line a few lines before the end: what follows is the site's ("Share this story: …",
        # then "Eye Radio is an independent South Sudanese radio station …")
        cut = next((i for i in range(1, len(body)) if len(body) - i - 1 <= TAIL_LINES
                    and (_is_boilerplate(body[i].text) or _is_taxonomy(body[i].text) or _is_call_to_action(body[i].text))
                    and not any(NEWS_TAG_LINE.match(ln.text.strip()) for ln in body[i:])), len(body))
        body = body[:cut]
    if news:
        last = max((i for i, ln in enumerate(body) if NEWS_TAG_LINE.match(ln.text.strip())
                    or TERMINAL.search(ln.text) and not _is_page_end(ln.text)), default=None)
        if last is not None:
            body = body[: last + 1]
    while body and (_is_boilerplate(body[-1].text) or CREDIT.search(body[-1].text.strip())
                    or _is_taxonomy(body[-1].text) or _is_call_to_action(body[-1].text)
                    or news and _is_page_end(body[-1].text)
                    or _is_date_line(body[-1].text) and not CODE_VALUE.match(body[-1].text.strip())):
        body = body[:-1]
    return body


#: most lines after a news page's widget line that are still the site's, not the body's
TAIL_LINES = 3
#: a page's end in sentences: a copyright, a footnote on a mark of the body ("* This designation is
#: without prejudice to positions on status …"), a footer's self-description ending the page
PAGE_END = re.compile(r"^(?:copyright\b|\(?©|\*+\s|\(\*\)|¹|disclaimer\s*:)|\ball rights reserved\b", re.I)
#: a line inside a news body that is the page's: another story's teaser with its headline after a
#: colon ("READ ALSO: …", "Lire aussi : …"), an advertisement's label
INLINE_CHROME = re.compile(r"^[\s*_]*(?:read\s+also|also\s+read|see\s+also|read\s+more|lire\s+aussi|à\s+lire\s+aussi"
                           r"|lea\s+también|lee\s+también|ver\s+también|leia\s+também|veja\s+também)\b[*_]*\s*:"
                           r"|^\s*(?:advertisement|advertising|sponsored|publicidad|publicité|publicidade|anuncio)\s*$",
                           re.I)


def _is_page_end(line: str) -> bool:
    """A line no news body ends with: a copyright, a footnote, boilerplate or a call to action."""
    return bool(PAGE_END.search(line.strip()) or _is_boilerplate(line) or _is_call_to_action(line))


#: arrows of a page's previous/next links ("← Previous article | Next article →"), a menu's "▾", and the
#: brackets of a link or button ("[Print this page]")
ARROWS = re.compile(r"[←→«»⟵⟶‹▾▼\[\]]")
#: a line of hashtags ("#SocialProtection #DecentWork"), a social post's reactions ("👍❤️ 73 · 5 comments")
HASHTAGS = re.compile(r"^(?:#\w+\s*)+$")
REACTIONS = re.compile(r"^\W*\d[\d,.]*\s*(?:·\s*\d[\d,.]*\s+(?:comments?|reposts?|shares?|reactions?|likes?)\s*)+$")
#: a line of rule characters ("=====", "-----"), a page's horizontal rule
RULE_LINE = re.compile(r"^[=\-_*#~·•]{3,}$")
#: the site's name with a tagline after a separator ("SOCIEUX+ – EU technical cooperation facility for …",
#: "SOCIEUX+ · Expertise européenne en protection sociale, travail et emploi"): no sentence
SITE_LINE = re.compile(r"^socieux\s*\+?\s*(?:[–—|·:-]\s*[^.!?]{0,120})?$")
#: a social network post's header ("4,812 followers", "3w • Edited • 🌐")
SOCIAL_HEADER = re.compile(r"^\d[\d,. ]*\s*(?:k\s+)?followers$|^\d{1,2}\s?[hdwmy]\s*[•·]")


def _is_boilerplate(line: str) -> bool:
    if not any(c.isalpha() for c in line) and (
            not any(c.isdigit() for c in line) or any(unicodedata.category(c) == "So" for c in line)):
        return True  # no word at all: icons with their counts ("👏 48 · 💬 2"), a rule (not a code: "2020-33")
    low = ARROWS.sub("", line.casefold()).strip(" :|›>»")
    if low in _boilerplate() or BREADCRUMB.match(low) or RULE_LINE.match(low) or SITE_LINE.match(low) \
            or SOCIAL_HEADER.match(low) or HASHTAGS.match(low) or REACTIONS.match(low):
        return True
    parts = [p for p in SECTION_SEPARATORS.split(low) if p]
    return bool(parts) and all(_is_boilerplate_part(p) for p in parts)


def _is_boilerplate_part(part: str) -> bool:
    """One part of a section line: a boilerplate row, or two joined ("share on" + "linkedin")."""
    rows = _boilerplate()
    if part in rows or META_PART.match(part) or part.startswith("©"):
        return True
    words = part.split()
    # "share on" + "linkedin"; or a run of widget names ("Partager : Facebook LinkedIn Courriel")
    return any(" ".join(words[:i]) in rows and " ".join(words[i:]) in rows for i in range(1, len(words))) \
        or 1 < len(words) <= WIDGET_RUN and all(w in rows for w in words)


def split_document(doc: Document) -> list[RawRecord]:
    """Records of a document by its kind; an unknown document has none."""
    if doc.kind == "listing":
        return split_labelled(doc) or split_listing(doc) or split_blocks(doc)
    if doc.kind == "news":
        return split_news(doc)
    return []
