"""Plain text copied from a PDF (an annual report's annex, a printed catalogue) -> the text the record readers read.

A copy from a PDF keeps the page's furniture and the typesetter's line breaks: a running header or footer
between two lines of one record ("SOCIEUX+ Activity Report 2023 — page 7"), words broken at a line's end
("employ-" over "ment services"), and fields set side by side with wide spaces ("Code: 2023-03      Period:
06/03/2023 – 28/07/2023"). When a text looks like such a copy (`is_pdf_copy`: a page line, or several words
broken at a line's end), `unbreak` drops the page lines, joins the broken words and puts side-by-side labelled
fields on lines of their own. Offsets of facts then refer to the converted text, as for HTML and Markdown pages.
"""

from __future__ import annotations

import re

from pipeline.lines import TERMINAL, WORD

#: a running header or footer: a page number with its word ("page 7", "Page 7 of 22", "p. 7", "página 7"), alone
#: or after/before a short title and a dash or bar, or after a line's text set apart by wide spaces ("Generated on
#: 14/05/2025 from socieuxplus.eu/catalogue          Page 2 / 4")
_PAGE_BODY = (
    r"[ \t]*(?:[^\n]{0,80}?(?:[—–|-][ \t]*|\S[ \t]{3,}))?(?:page|pag\.|pág\.|página|p\.)[ \t]*\d{1,4}"
    r"(?:[ \t]*(?:of|/|de|sur)[ \t]*\d{1,4})?"
    r"(?:[ \t]*[—–|-][^\n]{0,80})?[ \t]*"
    # ... a bare page number, or a running title with its page number far to the right ("SOCIEUX+ Annual Activity
    # Report 2022          16")
    r"|[ \t]*\d{1,4}[ \t]*|[ \t]*[^\n]{3,80}?\S[ \t]{6,}\d{1,4}[ \t]*"
    # ... or a page number between dashes ("- 14 -", "— 7 —")
    r"|[ \t]*[-–—][ \t]*\d{1,4}[ \t]*[-–—][ \t]*")
PAGE_LINE = re.compile(rf"^(?:{_PAGE_BODY})$", re.I | re.M)
#: a word broken at a line's end: a lower-case letter, a hyphen, the line break, a lower-case letter
BROKEN_WORD = re.compile(r"([^\W\d_])-[ \t]*\n[ \t]*(?=[^\W\d_])", re.U)
#: a line break inside a sentence: after a word or a comma, before a lower-case word (not after a labelled line's
#: value: "Partner institution: …" lines end with a capital or a bracket more often than not, and are kept)
WRAPPED = re.compile(r"(?<=[^\W\d_,][,]|[^\W\d_]{2}|\s[^\W\d_])[ \t]*\n[ \t]*(?=[a-zà-ÿ])")  # ("… to build a" / "method…")
#: most words of a running header
RUNNING_HEADER_WORDS = 10
#: fewest broken words that make a text a PDF copy without a page line
MIN_BROKEN_WORDS = 3
#: a page line with the blank lines around it
_PAGE_BLOCK = re.compile(rf"\n(?:[ \t]*\n)*(?:{_PAGE_BODY})\n(?:[ \t]*\n)*", re.I)
#: a second "Label: value" set beside a first with three spaces or more ("Code: 2023-03      Period: …")
SIDE_BY_SIDE = re.compile(r"(?<=\S)[ \t]{3,}(?=[^\W\d_][\w'’()/ -]{0,30}?:[ \t]+\S)")
_LABELLED_LINE = re.compile(r"^[ \t]*[^\W\d_][\w'’()/ -]{0,30}?:[ \t]+\S", re.M)


def _lower_broken(m: re.Match[str], text: str) -> bool:
    return m.group(1).islower() and text[m.end() : m.end() + 1].islower()


def is_pdf_copy(text: str) -> bool:
    if PAGE_LINE.search(text):
        return True
    return sum(1 for m in BROKEN_WORD.finditer(text) if _lower_broken(m, text)) >= MIN_BROKEN_WORDS


#: a running header stands within this many lines of a page line (after the first page)
HEADER_REACH = 3


def _running_headers(text: str) -> set[str]:
    """Short lines (no sentence, no field label) that the text repeats, letters and digits compared, every
    time after the first next to a page line: a running header ("ANNEX 2. ACTIONS IMPLEMENTED IN 2023" on its
    first page, "Annex 2 – Actions implemented in 2023" above the next). Not a field's label or value that
    every record repeats ("Start activities", "Ongoing"), nor a line repeated away from the page breaks."""
    from pipeline.labels import alone_label  # pipeline.labels reads the labels through pipeline.documents

    lines = text.split("\n")
    pages = [k for k, line in enumerate(lines) if PAGE_LINE.fullmatch(line)]
    seen: dict[str, list[int]] = {}
    for k, line in enumerate(lines):
        if 0 < len(WORD.findall(line)) <= RUNNING_HEADER_WORDS and not TERMINAL.search(line.strip()) \
                and alone_label(line.strip()) is None:
            seen.setdefault(_key(line), []).append(k)
    return {key for key, at in seen.items() if key and len(at) > 1
            and all(any(abs(k - p) <= HEADER_REACH for p in pages) for k in at[1:])}


def _key(line: str) -> str:
    return "".join(c for c in line.casefold() if c.isalnum())


def _joined(m: re.Match[str]) -> str:
    """A wrapped line joined to the line before, unless that is a field's label standing alone ("Start
    activities" over "oct-2023")."""
    from pipeline.labels import alone_label

    line = m.string[m.string.rfind("\n", 0, m.start()) + 1 : m.start()].strip()
    return m.group(0) if alone_label(line) is not None else " "


#: a line at least this share of the typesetter's width (`_join_full_lines`) was broken by it
WRAP_SHARE = 0.85
#: the typesetter's width: this quantile of the text's line lengths (a longer line is a rare outlier)
WIDTH_QUANTILE = 0.9
#: fewest lines to tell the typesetter's width from
MIN_WIDTH_LINES = 10


def _width(text: str) -> int:
    """The typesetter's line width: a high quantile of the lengths of the text's lines (0, unknown, for a text of
    fewer than MIN_WIDTH_LINES lines)."""
    lengths = sorted(len(ln.rstrip()) for ln in text.split("\n") if ln.strip())
    return lengths[int(WIDTH_QUANTILE * (len(lengths) - 1))] if len(lengths) >= MIN_WIDTH_LINES else 0


def _join_full_lines(text: str, width: int) -> str:
    """Lines the typesetter broke before a capital or a digit joined: a line that fills the text's `width` and ends
    no sentence goes on on the next ("… assessed the referral pathway between the Social" / "Service Agency,
    …"; "… under the Ministry of IDPs from the Occupied" / "Territories, Labour, …": a line ending on a word or a
    comma), unless either is a field's label line or the line holds fields side by side."""
    from pipeline.labels import alone_label

    if not width:
        return text
    full = WRAP_SHARE * width
    out: list[str] = []
    for line in text.split("\n"):
        prev = out[-1].rstrip() if out else ""
        if len(prev) >= full and (prev[-1].isalpha() or prev[-1] == ",") and (line[:1].isupper() or line[:1].isdigit()) \
                and alone_label(prev.strip()) is None and alone_label(line.strip()) is None \
                and not _LABELLED_LINE.match(line) and not SIDE_BY_SIDE.search(prev):
            out[-1] = prev + " " + line.strip()
        else:
            out.append(line)
    return "\n".join(out)


def unbreak(text: str) -> str:
    """The text without page lines and repeated running headers (the first stays: the page's heading), with
    broken words joined and side-by-side labelled fields split. A paragraph or a record that goes on over a page
    break (the line before it ends no sentence) goes on without the blank line after the next page's header."""
    headers, kept = _running_headers(text), set()
    text = _PAGE_BLOCK.sub("\n", text)
    text = PAGE_LINE.sub("", text)  # a page line opening or closing the text
    out: list[str] = []
    joined = False  # a running header dropped inside a paragraph: the blank lines after it go with it
    for line in text.split("\n"):
        key = _key(line)
        if key in headers and key in kept:
            joined = bool(out) and bool(out[-1].strip()) and not TERMINAL.search(out[-1])
            continue
        if joined and not line.strip():
            continue  # "… compared them with the rules applied in the EU and" / page / "drafted a regulation …"
        joined = False
        kept.add(key)
        out.append(line)
    text = "\n".join(out)
    text = BROKEN_WORD.sub(lambda m: m.group(1) if _lower_broken(m, m.string) else m.group(0), text)
    # a sentence wrapped onto the next line goes on in lower case: one line ("a Swedish and an Irish" over "expert
    # mapped …"), so that no line break stands between the words of a phrase
    width = _width(text)
    text = WRAPPED.sub(_joined, text)
    text = _join_full_lines(text, width)
    lines = []
    for line in text.split("\n"):
        if _LABELLED_LINE.match(line):
            indent = line[: len(line) - len(line.lstrip())]
            line = SIDE_BY_SIDE.sub("\n" + indent, line)
        lines.append(line)
    return "\n".join(lines).strip("\n") + "\n"
