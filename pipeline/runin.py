"""Pages of paragraphs that each open with a run-in title: an annual report's chapter where every action is one
paragraph, "STRENGTHENING THE COMPLIANCE UNIT OF THE NATIONAL SOCIAL SECURITY FUND – The National Social Security
Fund (NSSF) of Kenya sought …" or "“Social cash transfers and graduation pathways” – Zambia's Ministry …".

The title is the paragraph's opening in capitals (three words or more) or in quotes, then a spaced dash, a colon or
(after capitals) a full stop ("SKILLS ANTICIPATION FOR THE YOUTH EMPLOYMENT SERVICE. In Paraguay, …"), or a line of
its own in capitals or quotes over the paragraph's prose ("ALBANIA: DIALOGUE ON PENSION REFORM", only on a page
where MIN_MARKED_RECORDS titles run in: alone, such lines are a news item's subheadings); the rest
of the paragraph is the description (no institution line: the partner institution stays unknown). Headings and
paragraphs between such records ("3.2 Latin America and the Caribbean", a chapter's introduction) are the
page's. A page is read this way when MIN_MARKED_RECORDS paragraphs open so (a news item's dateline, "GENEVA – …",
opens one paragraph at most, with one or two words).
"""

from __future__ import annotations

import re

from pipeline.documents import MIN_MARKED_RECORDS, Document
from pipeline.lines import Line, is_prose
from pipeline.records import RawRecord, line_groups, make_record, set_page_heading

#: a paragraph's run-in title: in quotes, or in capitals (letters, digits, a few signs), then a spaced dash, a
#: colon, or (after capitals) a full stop before the capital of the next sentence
RUN_IN = re.compile(r"^(?:[“\"‘'](?P<quoted>[^”\"’'\n]{8,160})[”\"’']|(?P<caps>[A-ZÀ-Þ0-9][A-ZÀ-Þ0-9 ,.'’&()/+:-]{14,160}?))"
                    r"(?:[ \t]+[–—-][ \t]+|:[ \t]+|(?<![”\"’'])\.[ \t]+(?=[A-ZÀ-Þ][a-zà-ÿ]))(?=\S)")
#: a title on a line of its own over the paragraph: all in capitals, or all in quotes
OWN_LINE = re.compile(r"^(?:[“\"‘'](?P<quoted>[^”\"’'\n]{8,160})[”\"’']|(?P<caps>[A-ZÀ-Þ0-9][A-ZÀ-Þ0-9 ,.'’&()/+:-]{14,160}))$")
#: fewest words of a title in capitals (a dateline has one or two: "SANTO DOMINGO – …")
CAPS_TITLE_WORDS = 3


def _run_in(group: list[Line]) -> tuple[Line, list[Line]] | None:
    """(title, description lines) of a paragraph that opens with a run-in title, else None."""
    first = group[0]
    own = OWN_LINE.match(first.text) if len(group) > 1 and is_prose(" ".join(ln.text for ln in group[1:])) else None
    m = own or RUN_IN.match(first.text)
    if m is None:
        return None
    name = "quoted" if m["quoted"] else "caps"
    if name == "caps" and (len(m["caps"].split()) < CAPS_TITLE_WORDS or not re.search(r"[A-ZÀ-Þ]{2}", m["caps"])):
        return None
    title = Line(first.start + m.start(name), first.start + m.end(name), m[name].strip(), first.indented)
    if own is not None:  # "DIGITAL CASE MANAGEMENT FOR SOCIAL WORKERS IN MALAWI" over the paragraph
        return title, group[1:]
    rest = Line(first.start + m.end(), first.end, first.text[m.end():], first.indented)
    return title, [rest, *group[1:]]


def run_in_records(text: str) -> list[tuple[Line, list[Line]]]:
    """(title, description lines) of the page's run-in titled paragraphs, when MIN_MARKED_RECORDS of them have their
    title inside the paragraph's first line (titles on lines of their own are also a news item's subheadings:
    "A SCHEME FOR MIGRANT WORKERS" over a paragraph), else []."""
    found = [found for group in line_groups(text) if (found := _run_in(group)) is not None]
    inline = sum(title.end < body[0].start and text.count("\n", title.end, body[0].start) == 0 for title, body in found)
    return found if inline >= MIN_MARKED_RECORDS else []


def is_run_in_listing(text: str) -> bool:
    return bool(run_in_records(text))


def split_run_in(doc: Document) -> list[RawRecord]:
    """The records of a page of run-in titled paragraphs; the text above the first is the page's heading."""
    found = run_in_records(doc.text)
    if not found:
        return []
    records = []
    for index, (title, body) in enumerate(found):
        rec = make_record(doc, index, "listing", [title], {"description": body}, title.start, body[-1].end)
        records.append(rec)
    set_page_heading(doc, records)
    return records
