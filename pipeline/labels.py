"""Field labels on a line: "Label: value" (`Start: 14/03/2022`, `- **Partner:** Ministry …`) and a
label standing alone over its value (the spec's layout).

Labels, their fields and the form a value must have (`date`, `code`, `range`, text) are data
(models/data/record_labels.tsv, read by `documents.labels`); "—", "n/a", "TBD" are no value at all.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from pipeline.documents import labels
from pipeline.lines import CODE_VALUE, DATE_VALUE, Line

#: what may stand before a "Label: value" line's label: a list marker ("- ", "• ", "1. ") and emphasis left
#: by a copy of Markdown ("**Partner:** …")
LABEL_PREFIX = re.compile(r"^(?:(?:[-*+•·▪●◦–]|\d{1,3}[.)])[ \t]+)?[*_]*")

#: a label's separator other than a colon: a spaced en or em dash ("Partner – Ministry of …")
DASH_SEPARATOR = re.compile(r"[ \t][–—][ \t]")

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


def read_labelled(ln: Line) -> Labelled | None:
    """The known field of a "Label: value" line (`Start: 14/03/2022`, `- Partner: Ministry …`, `Code:`)."""
    if ":" in ln.text:
        lead = LABEL_PREFIX.match(ln.text).end()
        head, sep, rest = ln.text[lead:].partition(":")
    else:  # "Partner – Ministry of …", "When – 2023": a spaced dash after the label (a slide's, a brochure's)
        dash = DASH_SEPARATOR.search(ln.text, 0, LONGEST_LABEL)
        if dash is None:
            return None  # most lines of a listing: no label to look up
        lead = LABEL_PREFIX.match(ln.text).end()
        head, sep, rest = ln.text[lead : dash.start()], dash.group(), ln.text[dash.end() :]
    if not sep:
        return None
    hit = labels().get(_label_key(head))
    if hit is None:
        return None
    at = lead + len(head) + len(sep)
    emphasis = ln.text[:lead].endswith(("*", "_")) or head.rstrip().endswith(("*", "_"))  # "**Label:** value"
    value = rest.strip(" \t*_") if emphasis else rest.strip()
    if not value:
        return Labelled(hit.field, hit.form, None, "")
    start = ln.start + ln.text.index(value, at)
    if fits(hit.form, value):
        return Labelled(hit.field, hit.form, Line(start, start + len(value), value), value)
    codes = list(CODE_IN.finditer(value)) if hit.form == "code" else []
    if len(codes) == 1:  # "Reference: SOCIEUX+ 2022-14": the code itself
        m = codes[0]
        return Labelled(hit.field, hit.form, Line(start + m.start(), start + m.end(), m.group()), value)
    return Labelled(hit.field, hit.form, None, value)


def alone_label(text: str, loose: bool = False) -> tuple[str, str] | None:
    """(field, form) when the line is a label standing on its own (the spec's layout: the value on the next line).
    `loose`: also a label that stands alone only among other labels standing alone ("Timeframe", "Modality",
    "Summary" under "Beneficiary institution"), never a title's."""
    if len(text) > LONGEST_LABEL:  # a description line, not a label
        return None
    hit = labels().get(_label_key(LABEL_PREFIX.sub("", text, count=1)))
    if hit is None or not (hit.own_line or loose and hit.field != "title"):
        return None
    return hit.field, hit.form


def is_any_label(ln: Line) -> bool:
    return alone_label(ln.text) is not None or read_labelled(ln) is not None


def fits(form: str, value: str) -> bool:
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
