"""Pages of other catalogues that give each action as a block of "Label: value" lines.

The title is a labelled field ("Action title: …", a table's "Action" column) or a line above the
labels ("### Title" over "- **Partner:** …", a heading over its `<dl>`, a heading with its own
colon); unknown labels ("SDG: 8") are skipped, and the fields beyond the spec's (`country`,
`period`) are kept in `RawRecord.values`/`fields` like `code`.
"""

from __future__ import annotations

import re

from pipeline.chrome import RULE_LINE
from pipeline.documents import MIN_MARKED_RECORDS, RECORD_BULLET, Document, has_dash_records
from pipeline.labels import LABEL_PREFIX, NO_VALUE, Labelled, alone_label, fits, is_any_label, read_labelled
from pipeline.lines import WORD, Line, is_prose
from pipeline.records import (SENTENCE_OPENERS, RawRecord, assign_free, line_groups, make_record, reads_as_block_title,
                              set_page_heading, without_page_end)

#: a field label the catalogue's layouts do not know ("SDG: 8", "Sector: Social protection"): a short
#: label (at most four words) and a colon ending the line or followed by a space
OTHER_LABEL = re.compile(r"^(?P<head>[^\W\d_][\w'’&/().-]*(?:[ \t]+[\w'’&/().-]+){0,3})[ \t]*:"
                         r"(?:[ \t]+(?P<value>.*))?$")



#: most words of an unknown label's value when the label has three or four words ("Number of experts: 3")
OTHER_VALUE_WORDS = 8

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
    if m is None or read_labelled(ln) is not None:
        return False
    words = m["head"].split()
    return words[0].casefold() not in SENTENCE_OPENERS and (
        len(words) <= 2 or len(WORD.findall(m["value"] or "")) <= OTHER_VALUE_WORDS)


#: a record's header line above its title that gives the action's code and maybe its country ("ACTION 2023-03 ·
#: GEORGIA", "Action no. 2021-14 – Tunisia", "2022-08 | Tajikistan", a status in brackets after them): the record's
#: `code` and `country` fields
CODE_HEADER = re.compile(
    r"^(?:(?:socieux\+?\s+)?(?:action|acción|accion|ação|acao|projet|project)\s+(?:n[o°º]?\.?\s*)?)?"
    r"(?P<code>(?:19|20)\d{2}-\d{1,3})"
    r"(?:\s*[·•|–—:/-]\s*(?P<country>[^\W\d_][^\W\d_'’.-]*(?:[ '’.-]+[^\W\d_]+){0,4}))?(?:\s*\([^()]{1,30}\))?\s*$", re.I)  # "(in preparation)"


def code_header(ln: Line) -> dict[str, list[Line]]:
    """The `code` (and `country`) fields of a record's header line (`CODE_HEADER`), {} for another line."""
    m = CODE_HEADER.match(ln.text)
    if m is None:
        return {}
    return {name: [Line(ln.start + m.start(name), ln.start + m.end(name), m[name])]
            for name in ("code", "country") if m[name]}


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
                   and reads_as_block_title(group[c - 1].text) and not _is_other_label(group[c - 1])):
                c -= 1
            cuts.append(c)
            seen = set()
        seen.add(h.field)
    return cuts


def _head_title(lines: list[Line]) -> tuple[int, int]:
    """(first, end) of the title in `lines`: the short line (no sentence, no label) right above the first
    labelled line ("### Title" over "- **Partner:** …", a heading over its `<dl>`, a title with a colon of its
    own opening the group: "Bangladesh: employment injury scheme pilot"), with the line above it
    when it goes on in lower case (a wrapped title); lines above the title are the page's (its heading, an
    intro line). (0, 0) when none."""
    first = next((k for k, ln in enumerate(lines) if is_any_label(ln) or _is_other_label(ln)
                  and not (k == 0 and len(lines) > 1 and is_any_label(lines[1]) and _titled_with_colon(ln))), 0)
    if first == 1 and not is_any_label(lines[0]) and _is_other_label(lines[0]):
        return 0, 1  # a title with a colon of its own right over the labels ("Bangladesh: employment injury …")
    # the first label may be one no layout knows ("Experts: …") when a known one follows
    if first == 0 or not any(is_any_label(ln) for ln in lines[first:]) or not reads_as_block_title(lines[first - 1].text):
        return 0, 0
    begin = first - 1
    if begin > 0 and lines[begin].text[:1].islower() and reads_as_block_title(lines[begin - 1].text):
        begin -= 1
    return begin, first


def labelled_records(text: str) -> list[tuple[list[Line], list[Line]]]:
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
    groups = line_groups(text)
    last = -2  # group index of the last record's last group
    for g, group in enumerate(groups):
        hits = [read_labelled(ln) for ln in group]
        if not any(hits) and not any(alone_label(ln.text) for ln in group):
            if out and last == g - 1 and "description" not in _fields_of(out[-1][1]) \
                    and is_prose(" ".join(ln.text for ln in group)):
                out[-1] = (out[-1][0], out[-1][1] + group)  # the record's summary under its labels, unlabelled
                last = g
            continue
        bounds = [0, *_cuts(group, hits), len(group)]
        for n, (a, b) in enumerate(zip(bounds, bounds[1:])):
            lines = group[a:b]
            fields = _fields_of(lines)
            if "title" in fields:
                if len(fields) >= 2:  # lines above its first label are the page's (a subheading), but for a code
                    first = next(k for k, ln in enumerate(lines) if is_any_label(ln))  # header right above it
                    header = lines[first - 1 : first] if first and code_header(lines[first - 1]) else []
                    out.append(([], header + lines[first:]))  # ("ACTION 2023-14 | KENYA" over "Title: …")
                    last = g
                continue
            skip, head = _head_title(lines)
            title = lines[skip:head]
            if not title and n == 0 and g > 0 and 0 < len(groups[g - 1]) <= TITLE_LINES and last != g - 1 \
                    and not any(is_any_label(ln) or _is_other_label(ln) and not _titled_with_colon(ln)
                                for ln in groups[g - 1]) \
                    and reads_as_block_title(" ".join(ln.text for ln in groups[g - 1])):
                title = groups[g - 1]
            if title and fields - {"title"}:
                header = lines[skip - 1 : skip] if skip and code_header(lines[skip - 1]) else []
                out.append((title, header + lines[head:]))  # "ACTION 2023-03 · GEORGIA" over the title
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


def is_labelled_listing(found: list[tuple[list[Line], list[Line]]]) -> bool:
    """A page of labelled records: MIN_MARKED_RECORDS of them that each name a field besides a labelled
    title, or two under a title line (a news item's "Summary: …" paragraph under its headline is none)."""
    return sum(len(_fields_of(body) - {"title"}) >= (2 if title else 1) for title, body in found) >= MIN_MARKED_RECORDS


def _fields_of(lines: list[Line]) -> set[str]:
    """The fields a record's lines label (with a value or without)."""
    inline = {h.field for ln in lines if (h := read_labelled(ln))}
    return inline | {lab[0] for ln in lines if (lab := alone_label(ln.text))}


#: free-text fields whose value never goes on over a blank line (the description's paragraphs do)
SHORT_FIELDS = CONTINUED_FIELDS - {"description"}
BLANK_LINE = re.compile(r"\n[ \t]*\n")


def _parse_labelled(lines: list[Line], text: str = "") -> tuple[list[Line], dict[str, list[Line]], list[str]]:
    """(title lines, field -> value lines, problems) of a record's labelled lines.

    A value may go on over unlabelled lines when its field is free text (CONTINUED_FIELDS: "Summary: …"
    and the line under it); a label with no value (`Start:`, `Code: —`, a value of another form than its field's) is
    a missing value, and the line under an empty label is its value when it fits ("Summary:" over the
    text); an unknown label ("SDG: 8") is no field and ends the value above it. Unlabelled lines that
    continue no value fill what labels left unfilled as in the unlabelled layout (`assign_free`)."""
    got: dict[str, list[Line]] = {}
    free: list[Line] = []
    problems: list[str] = []
    current: str | None = None  # the free-text field the next unlabelled line continues
    pending: tuple[str, str] | None = None  # a label whose value may be on the next line
    for k, ln in enumerate(lines):
        if k and current in SHORT_FIELDS and BLANK_LINE.search(text, lines[k - 1].end, ln.start):
            current = None  # a paragraph of its own ("Type: Policy development", a blank line, the summary)
        hit = read_labelled(ln)
        alone = alone_label(ln.text) if hit is None else None
        header = code_header(ln) if k == 0 and hit is None else {}
        if header:  # "ACTION 2023-03 · GEORGIA" over the title
            got.update(header)
            current = pending = None
        elif RULE_LINE.match(ln.text):  # "-----" between two records
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
        elif pending is not None and pending[0] not in got and fits(pending[1], ln.text):
            got[pending[0]] = [ln]
            current, pending = (pending[0] if pending[0] in CONTINUED_FIELDS else None), None
        elif current is not None:
            got[current].append(ln)
        else:
            free.append(ln)
            pending = None
    assign_free(free, got, problems)
    return got.pop("title", []), got, problems


#: a list or section number before a title ("1. Setting up a one-stop shop …", "12) Actuarial review …", "3.4.1 Guest
#: lectures …"; not a count: "3 experts …")
LIST_NUMBER = re.compile(r"^(?:\d{1,3}[.)]|\d{1,3}(?:\.\d{1,3})+\.?)[ \t]+(?=\S)")


def _unnumbered(line: Line) -> Line:
    """The title line without its list number: the number orders the page's list, it names no action."""
    m = LIST_NUMBER.match(line.text)
    return Line(line.start + m.end(), line.end, line.text[m.end():], line.indented) if m else line


def split_labelled(doc: Document) -> list[RawRecord]:
    """Records of a page of labelled fields (`labelled_records`), when it holds MIN_MARKED_RECORDS of them
    and none of the spec's bullet or dash records (split_listing's); the text above the first record is the
    page's heading."""
    if RECORD_BULLET.search(doc.text) or has_dash_records(doc.text):
        return []
    found = labelled_records(doc.text)
    if not is_labelled_listing(found):
        return []
    records = []
    for index, (title, body) in enumerate(found):
        if index == len(found) - 1:  # the page's footer follows the last record
            body = without_page_end(body)
        titles, got, problems = _parse_labelled(body, doc.text)
        titles = title or titles
        if not titles:
            continue
        titles = [_unnumbered(titles[0]), *titles[1:]]
        start = min(titles[0].start, body[0].start)
        rec = make_record(doc, len(records), "listing", titles, got, start, max(titles[-1].end, body[-1].end))
        rec.problems.extend(problems)
        records.append(rec)
    set_page_heading(doc, records)
    return records
