"""Raw action records and the listings' line-based parser (EXTRACTION_SPEC.md "Inputs").

`RawRecord` is one record as found in a document, before extraction, with the offsets of every field
and a stable `action_id`. Listings come in several layouts, read here: plain bullets (`  • Title`,
then institution, types of assistance and description in that order, each optional), bullets with
field labels on their own lines (`Start activities`, `Partner Institution`, …, values on the next
line, possibly missing), the dash list (`-`, the title unindented, then `- Label` / `- value`
lines), and blocks whose list markers were lost (a title line over its fields, also a title standing
apart in a browser copy). Pages of "Label: value" blocks are read by `labelled`, news items by
`news`; `split.split_document` chooses.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from functools import cached_property

from pipeline.assistance import all_known, is_types_line, known_label, split_types
from pipeline.chrome import is_boilerplate, without_trailing_chrome
from pipeline.documents import LIST_MARKER, MIN_MARKED_RECORDS, Document
from pipeline.labels import NO_VALUE, alone_label, fits, is_any_label, read_labelled
from pipeline.lines import TERMINAL, WORD, Line, is_prose, lines_of

BULLET = re.compile(r"^[•·▪●◦]\s*")

#: other list markers (documents.LIST_MARKER): a record start only on an unindented line whose
#: next line is indented, as the fields under a title are (a dash list's "- Label" lines are
#: not indented), and only on a page without "•" bullets
ALT_BULLET = re.compile(rf"^{LIST_MARKER}\s+(?=\S)")

DASH_ONLY = re.compile(r"^-$")

DASH_ITEM = re.compile(r"^-\s+")


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
    #: the other labelled fields: start_activities, end_activities, code, country, period, experts (record_labels.tsv)
    values: dict[str, str] = field(default_factory=dict)
    fields: dict[str, tuple[int, int]] = field(default_factory=dict)  # record-relative spans
    year: int | None = None  # year of a news item's date line
    #: the page text before the first record of a listing, with its document offsets: on the
    #: catalogue's country pages it names the country that records may leave unsaid
    heading: tuple[int, int, str] | None = None
    problems: list[str] = field(default_factory=list)

    def shift(self, offset: int) -> None:
        """Offsets of a record read from a part of its document (a streamed part, the text after another layout's
        records) made offsets in the whole document."""
        self.start, self.end = self.start + offset, self.end + offset
        if self.heading is not None:
            self.heading = (self.heading[0] + offset, self.heading[1] + offset, self.heading[2])

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


def _record_bounds(lines: list[Line], text: str) -> list[tuple[int, list[Line]]]:
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
        starts = _wrapped_dash_titles(lines, starts, text)
    out = []
    for n, i in enumerate(starts):
        stop = starts[n + 1] if n + 1 < len(starts) else len(lines)
        body = [ln for ln in lines[i + 1 : stop] if not DASH_ONLY.match(ln.text)]
        out.append((i, body))
    if any(is_bullet):
        out = _drop_unindented_tails(out)
    return out


def _wrapped_dash_titles(lines: list[Line], starts: list[int], text: str) -> list[int]:
    """A dash list's title wrapped over two lines opens its record at its first line: the second line (before
    the first "- Label" line) follows a lone "-" and the first line, or goes on in lower case
    (`continues_title`) where no lone "-" stands over the first line ("Supporting the Guatemalan Social Security Institute in the design of a" / "maternity
    protection scheme for …" / "- Partner Institution")."""
    out: list[int] = []
    for i in starts:
        prev = lines[i - 1] if i > 0 else None
        if prev is not None and out and out[-1] == i - 1 and text.count("\n", prev.end, lines[i].start) == 1:
            continue  # two lines between a lone "-" and "- Label": one title, whatever their case
        if prev is not None and not prev.text.startswith("-") and continues_title(text, prev, lines[i]):
            out.append(i - 1)
            continue
        out.append(i)
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


def without_page_end(body: list[Line]) -> list[Line]:
    """The last record's lines without the page's footer (`without_trailing_chrome`), but never a field's
    labelled line ("End: 30/11/2021" reads like a page's date line)."""
    kept = len(without_trailing_chrome(body))
    labelled = [k + (2 if alone_label(ln.text) else 1) for k, ln in enumerate(body) if is_any_label(ln)]
    return body[: max([kept, *labelled])]


def _strip_dash(ln: Line) -> Line:
    m = DASH_ITEM.match(ln.text)
    return Line(ln.start + m.end(), ln.end, ln.text[m.end() :]) if m else ln


#: most characters of a link line closing a record ("Read more about this action"): a longer line is text
LINK_LINE_CHARS = 60


#: a short "Label: value" line of a field no layout knows ("Status: Completed", "Sector: Employment"): at most three
#: words before the colon, a value of a few words and no sentence
META_LINE = re.compile(r"^[^\W\d_][\w'’()/-]*(?:[ \t]+[\w'’()/-]+){0,2}[ \t]*:[ \t]*[^\s.!?][^.!?]{0,40}$")
#: words that open a sentence, not a label: "The experts recommended: …", "In 2022: …"
#: fields whose value may be a list of items on the lines under an empty "Label:" ("Outputs:" / "– …" / "– …")
LISTED_FIELDS = frozenset({"outputs"})
SENTENCE_OPENERS = frozenset("the a an this these that those it its their our we they he she there in on at for with "
                             "from by as during after before since while when".split())


def _parse_body(body: list[Line]) -> tuple[dict[str, list[Line]], list[str]]:
    """Assign body lines to fields: labelled values first, then free lines by position and form. A web
    page's link lines closing a record ("Read more about this action") are the page's."""
    while body and len(body[-1].text) <= LINK_LINE_CHARS and is_boilerplate(body[-1].text) \
            and not NO_VALUE.match(body[-1].text):
        body = body[:-1]
    got: dict[str, list[Line]] = {}
    free: list[Line] = []
    problems: list[str] = []
    # among labels standing alone, a label that only stands alone there ("Timeframe" over "Q3 2023")
    loose = any(alone_label(ln.text) for ln in body)
    i = 0
    while i < len(body):
        ln = body[i]
        inline = read_labelled(ln)
        if inline is None and i > 0 and read_labelled(body[i - 1]) is not None and META_LINE.match(ln.text) \
                and ln.text.split()[0].casefold() not in SENTENCE_OPENERS:
            i += 1  # "Status: Completed" among the labelled lines of a card: no field of the spec, no description
            continue
        if inline is not None:  # "Label: value" (a title label is the bullet's: split_listing)
            if inline.value is not None and inline.field != "title":
                got[inline.field] = [inline.value]
            i += 1
            if inline.field in LISTED_FIELDS and inline.value is None:
                end = i  # "Outputs:" over "– revised checklist" / "– 22 trainers certified": its items
                while end < len(body) and (ALT_BULLET.match(body[end].text) or BULLET.match(body[end].text)) \
                        and not is_any_label(body[end]):
                    end += 1
                if end > i:
                    got[inline.field] = body[i:end]
                i = end
            if inline.field == "assistance_types" and inline.value is not None:
                end = _more_types(body, i)  # "Type of Assistance: Policy development" / "Information management
                got[inline.field].extend(body[i:end])  # systems" (an HTML cell's <br>)
                i = end
            continue
        lab = alone_label(ln.text, loose)
        if lab is None:
            free.append(ln)
            i += 1
            continue
        name, form = lab
        nxt = body[i + 1] if i + 1 < len(body) else None
        if nxt is not None and not is_any_label(nxt) and not alone_label(nxt.text, loose) and fits(form, nxt.text):
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
    assign_free(free, got, problems)
    return got, problems


def _more_types(lines: list[Line], i: int) -> int:
    """End of the run of lines from i that hold known assistance labels only, no field label: labels on
    lines of their own ("Information management systems" / "Organisation/business strategy & planning", an
    HTML <br> or a web page's items between them)."""
    while i < len(lines) and not is_any_label(lines[i]) and all_known(split_types(lines[i].text)):
        i += 1
    return i


def assign_free(free: list[Line], got: dict[str, list[Line]], problems: list[str]) -> None:
    """Unlabelled lines to the fields labels left unfilled: institution, types, description in that order
    (each optional)."""
    types_at = next((k for k, ln in enumerate(free) if "assistance_types" not in got and is_types_line(ln.text)), None)
    types_end = None if types_at is None else _more_types(free, types_at + 1) - 1
    before = free if types_at is None else free[:types_at]
    after = [] if types_end is None else free[types_end + 1 :]
    if types_at is not None:
        got["assistance_types"] = free[types_at : types_end + 1]
    if before and "partner_institution" not in got and not is_prose(before[0].text):
        got["partner_institution"] = [before[0]]
        before = before[1:]
    rest = before + after
    if rest:
        if "description" in got:
            problems.append("unlabelled lines after a labelled description: " + " | ".join(ln.text[:40] for ln in rest))
        got.setdefault("description", []).extend(rest)


def _join(lines: list[Line]) -> str:
    return "\n".join(ln.text for ln in lines)


def make_record(doc: Document, index: int, kind: str, title: list[Line], got: dict[str, list[Line]], start: int,
                end: int) -> RawRecord:
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
            unknown = [t for t in rec.assistance_types if not known_label(t)]
            if unknown:
                rec.problems.append("type-of-assistance labels not in the known vocabulary: " + "; ".join(unknown))
        elif name == "description":
            rec.description = value
        else:
            rec.values[name] = value
    return rec


def set_page_heading(doc: Document, records: list[RawRecord]) -> None:
    """The text above a listing's first record is its page's heading (its country is the partner of the records
    that name none)."""
    first = min((r.start for r in records), default=0)
    page = lines_of(doc.text, 0, first)
    heading = (page[0].start, page[-1].end, doc.text[page[0].start : page[-1].end]) if page else None
    for rec in records:
        rec.heading = heading


def continues_title(text: str, line: Line, nxt: Line) -> bool:
    """`nxt` continues `line` (a wrapped title): next line, no blank line between, lower-case start."""
    return text.count("\n", line.end, nxt.start) == 1 and nxt.text[:1].islower()


def split_listing(doc: Document) -> list[RawRecord]:
    lines = lines_of(doc.text)
    records = []
    bounds = _record_bounds(lines, doc.text)
    first = bounds[0][0] if bounds else 0
    heading = (lines[0].start, lines[first - 1].end, doc.text[lines[0].start : lines[first - 1].end]) if first else None
    for index, (i, body) in enumerate(bounds):
        # a dash list's title goes on over the lines under it before its first "- …" line
        wrapped = 0
        if not (BULLET.match(lines[i].text) or ALT_BULLET.match(lines[i].text)):
            prev = lines[i]
            while wrapped < len(body) and not body[wrapped].text.startswith("-") \
                    and doc.text.count("\n", prev.end, body[wrapped].start) == 1:
                prev = body[wrapped]
                wrapped += 1
        body = [_strip_dash(ln) for ln in body]
        if index == len(bounds) - 1:  # the page's footer follows the last record
            body = without_page_end(body)
        head = lines[i]
        m = BULLET.match(head.text) or ALT_BULLET.match(head.text)
        title = Line(head.start + m.end(), head.end, head.text[m.end() :]) if m else head
        named = read_labelled(title)  # "• Action title: …"
        if named is not None and named.field == "title" and named.value is not None:
            title = named.value
        titles = [title, *body[:wrapped]]
        body = body[wrapped:]
        # a title wrapped over two lines: the next line follows without a blank line and goes on
        # in lower case ("… private employment agencies and" / "the protection of migrant workers")
        while body and continues_title(doc.text, titles[-1], body[0]):
            titles.append(body.pop(0))
        got, problems = _parse_body(body)
        end = body[-1].end if body else titles[-1].end
        rec = make_record(doc, index, "listing", titles, got, head.start, end)
        rec.problems.extend(problems)
        if records and (section := _section_heading(doc.text, records[-1].end, head.start)) is not None:
            heading = section  # "PERU" between two records: the heading of the records under it
        rec.heading = heading
        if not body:
            rec.problems.append("record has a title and nothing under it")
        records.append(rec)
    return records


#: most words of a section heading between a listing's records ("PERU", "Actions in Peru")
SECTION_HEADING_WORDS = 6


def _section_heading(text: str, start: int, end: int) -> tuple[int, int, str] | None:
    """The heading between two records (the text from `start` to `end`): its last short line in capitals or
    Title Case that ends no sentence and is no page chrome ("PERU" over the records of a page grouped by
    country, "Actions in Peru"), or None."""
    lines = [ln for ln in lines_of(text, start, end) if ln.text.strip()]
    if not lines:
        return None
    last = lines[-1]
    words = WORD.findall(last.text)
    if len(words) > SECTION_HEADING_WORDS or TERMINAL.search(last.text) or is_boilerplate(last.text) \
            or not (last.text.isupper() or all(w[:1].isupper() for w in words if len(w) > 3)):
        return None  # (a link line, "Read more", is the page's)
    return last.start, last.end, last.text


#: a block's title line has at most this many words
BLOCK_TITLE_WORDS = 30


def line_groups(text: str) -> list[list[Line]]:
    """The blank-line separated groups of lines of a text."""
    return [lines_of(text, m.start(), m.end()) for m in re.finditer(r"(?:[^\n]*\S[^\n]*(?:\n|$))+", text)]


def title_blocks(text: str) -> list[tuple[list[Line], list[Line]]]:
    """(title lines, body lines) of the blank-line separated groups of lines that each read as a
    record without a list marker: a title (short, no sentence), then within the next three lines a line of assistance types
    ("Recognition of prior learning …" / "Bureau of Manpower … (BMET)" / "Individual capacity
    building (human resources development)" / "Many Bangladeshi workers …"), as a page copied
    from a browser keeps them when the list's bullets are lost. (Groups of labelled fields are
    `labelled_records`'.) A title may also stand apart, as the last line of the group above its fields
    (`_detached_blocks`)."""
    groups = line_groups(text)
    detached = _detached_blocks(groups)
    if len(detached) >= MIN_MARKED_RECORDS:
        return detached
    out = []
    for lines in groups:
        if any(is_any_label(ln) for ln in lines):
            continue
        if (len(lines) >= 3 and reads_as_block_title(lines[0].text)
                and not any(BULLET.match(ln.text) or ln.text.startswith("-") for ln in lines)
                and any(is_types_line(ln.text) for ln in lines[1:4])):
            out.append((lines[:1], lines[1:]))
    return out


def _fields_start(lines: list[Line]) -> bool:
    """A group that opens with a record's fields: a types line first, or an institution then a types line."""
    if not lines or any(is_any_label(ln) for ln in lines) or any(BULLET.match(ln.text) for ln in lines):
        return False
    if is_types_line(lines[0].text):
        return True
    return len(lines) >= 2 and is_types_line(lines[1].text) and not is_prose(lines[0].text) \
        and not TERMINAL.search(lines[0].text)


def _detached_blocks(groups: list[list[Line]]) -> list[tuple[list[Line], list[Line]]]:
    """(title, body) of records whose title is the last line of the group above their fields, as a page copied
    from a browser keeps a bulleted listing ("Modernising pension management at the National Pension Fund" /
    blank line / "National Pension Fund [Fonds National de Retraites] (FNR)" / "Financial management (incl.
    budgeting) Information management systems" / "The FNR pays …" / the next record's title). A body's last
    line is the next record's title when fields follow it; after the last record, the page's end ("This
    website uses cookies …") is left out."""
    starts = [k for k in range(1, len(groups)) if _fields_start(groups[k])
              and reads_as_block_title(groups[k - 1][-1].text) and not is_types_line(groups[k - 1][-1].text)]
    out = []
    for n, k in enumerate(starts):
        body = groups[k]
        if n + 1 < len(starts) and starts[n + 1] == k + 1:
            body = body[:-1]  # the next record's title
        elif n + 1 == len(starts):
            body = without_trailing_chrome(body)
        if body:
            out.append(([groups[k - 1][-1]], body))
    return out


def reads_as_block_title(text: str) -> bool:
    return (not is_prose(text) and not TERMINAL.search(text) and len(WORD.findall(text)) <= BLOCK_TITLE_WORDS
            and not BULLET.match(text) and not text.startswith("-") and not text.rstrip().endswith(":"))


def split_blocks(doc: Document) -> list[RawRecord]:
    records = []
    for index, (title, body) in enumerate(title_blocks(doc.text)):
        got, problems = _parse_body(body)
        rec = make_record(doc, index, "listing", title, got, title[0].start, body[-1].end)
        rec.problems.extend(problems)
        records.append(rec)
    return records
