"""A listing or news item saved as Markdown -> the plain-text layout the record readers (split.py) read.

Markup is not content, but the layout is: every line of the file stays a line
(but the rows of a table of field labels, below), with its indentation and its list marker ("- ", "* ", "1. "), which records.py
reads as it reads a text file. What goes is markup: heading markers ("# "),
quote markers, table rules and pipes (a table whose header row holds field
labels, models/data/record_labels.tsv, becomes one block of "Label: value" lines a
row, its header row a blank line, and the paragraphs under a later heading that is only a row's code, "#### 2023-31",
that row's "Description:" line; a two-column table of labels in its first column, "| Field | Value |", one
block of them; so does a YAML block of record fields between "---" lines), fenced-code fences, and, parsed by
markdown-it-py line by line, emphasis, code spans, inline HTML tags and link
targets ("[Share on X](#)" -> "Share on X"). A YAML front matter block (a web
clipper's `title:`, `source:`, `created:` …) is no content; its `published`/`date`
value stands as the page's date line (the year of dates written without one), and when
the body has no "# " heading its `title` stands as the headline. An image goes with its alt text (a
caption, never part of a headline or body), so a line that only held images
goes too, and so does an emphasised line right under it (its caption: "*Photo:
Ministry of Labour*"). Offsets of facts then refer to the converted text.
The only level-1 heading of a page is its headline (`md_page`), unless it is a newsletter's masthead
("# SOCIEUX+ Newsletter · Issue 31 · January 2024"): news.py reads the item
from there, whatever page text stands above it.
"""

from __future__ import annotations

import re
from functools import lru_cache

from markdown_it import MarkdownIt
from markdown_it.token import Token

from pipeline.chrome import is_masthead

SUFFIXES = (".md", ".markdown")

#: block markers at a line's start: indentation, quote markers, then a list marker or a heading's #s
_LINE = re.compile(r"^(?P<indent>[ \t]*)(?:>[ \t]?)*(?P<marker>(?:[-*+]|\d{1,9}[.)])[ \t]+|#{1,6}(?:[ \t]+|$))?(?P<rest>.*)$")
_HEADING_CLOSE = re.compile(r"[ \t]+#+[ \t]*$")  # "## Title ##"
_RULE = re.compile(r"^[ \t]*(?:[-*_][ \t]*){3,}$|^[ \t]*=+[ \t]*$")  # thematic break, setext underline
_TABLE_RULE = re.compile(r"^[ \t]*\|?[ \t]*:?-+:?[ \t]*(?:\|[ \t]*:?-+:?[ \t]*)+\|?[ \t]*$")
_FENCE = re.compile(r"^[ \t]*(?:```|~~~)")
_IMAGES_ONLY = re.compile(r"^[ \t]*(?:!\[[^\]]*\]\([^)]*\)[ \t]*)+$")
_CAPTION = re.compile(r"^[ \t]*([*_])(?!\1)[^\n]*[^*_\s]\1[ \t]*$")  # "*Participants at … Photo: …*"


def is_markdown(name: str) -> bool:
    return name.casefold().endswith(SUFFIXES)


#: fewest ATX headings ("# …", "## …") that make a page saved as .txt a Markdown page
MIN_HEADINGS = 2
_ATX = re.compile(r"^#{1,6}[ \t]+\S", re.M)


def looks_like_markdown(text: str) -> bool:
    """A page saved as plain text that is Markdown: a pipe table (its rule row "|---|---|") or two ATX headings."""
    return any(_TABLE_RULE.match(ln) for ln in text.splitlines() if "-" in ln and "|" in ln) \
        or len(_ATX.findall(text)) >= MIN_HEADINGS


@lru_cache(maxsize=1)
def _parser() -> MarkdownIt:
    return MarkdownIt("commonmark", {"html": True})


def _inline(text: str) -> str:
    """A line's text without its inline markup (markdown-it-py's inline tokens)."""
    out: list[str] = []

    def walk(tokens: list[Token] | None) -> None:
        for tok in tokens or []:
            if tok.type in ("text", "code_inline"):
                out.append(tok.content)
            elif tok.type in ("softbreak", "hardbreak"):
                out.append(" ")
            elif tok.type != "image":  # an image's alt text is a caption
                walk(tok.children)

    walk(_parser().parseInline(text))
    return "".join(out)


#: a YAML front matter block's lines (a page saved by a web clipper or a static-site generator)
_FRONT_MATTER_OPEN = re.compile(r"^---[ \t]*$")
_FRONT_MATTER_CLOSE = re.compile(r"^(?:---|\.\.\.)[ \t]*$")
_YAML_KEY = re.compile(r"^(?P<key>[A-Za-z_][\w -]*):[ \t]*(?P<value>.*)$")
_HEADING = re.compile(r"^[ \t]{0,3}#[ \t]+\S")
#: front matter keys that give the page's headline and its date line when its body has no "# " heading
_TITLE_KEYS = ("title",)
_DATE_KEYS = ("published", "date")
FRONT_MATTER_LINES = 60


def _front_matter(lines: list[str]) -> tuple[int, list[str]]:
    """(lines the front matter takes, what stands for it): nothing of it is content, but when the
    body has no "# " heading its `title` (and `published` or `date`) stand first, as the page's
    headline and date line would."""
    if not lines or not _FRONT_MATTER_OPEN.match(lines[0]):
        return 0, []
    end = next((i for i in range(1, min(len(lines), FRONT_MATTER_LINES)) if _FRONT_MATTER_CLOSE.match(lines[i])), None)
    if end is None or not any(_YAML_KEY.match(ln) for ln in lines[1:end]):
        return 0, []
    out = [""] * (end + 1)
    values = {m["key"].strip().casefold(): m["value"].strip().strip("\"'") for m in map(_YAML_KEY.match, lines[1:end]) if m}
    date = next((values[k] for k in _DATE_KEYS if values.get(k)), "")
    if not any(_HEADING.match(ln) for ln in lines[end + 1 :]):
        title = next((values[k] for k in _TITLE_KEYS if values.get(k)), "")
        out[: 2] = [date, title] if date else [title, ""]
    elif date:  # the body's "# " heading is the headline; the date stays the page's date line, right above it
        out[end] = date
    return end + 1, out


def _cells(raw: str) -> list[str] | None:
    """A table row's cells without their markup, or None when the line is no table row."""
    m = _LINE.match(raw)
    rest = m["rest"] if m and not (m["marker"] or "").strip() else raw.strip()
    if not (rest.lstrip().startswith("|") or rest.rstrip().endswith("|")):
        return None
    return [_inline(c.strip()) for c in rest.strip().strip("|").split("|")]


#: fewest known field labels in a table's header that make its rows records of labelled fields
MIN_LABELS = 2


def _known_labels(texts) -> int:
    """How many of `texts` are field labels (models/data/record_labels.tsv; spaces collapsed, case folded)."""
    from pipeline.documents import labels  # documents builds on this module

    return sum(" ".join(t.split()).casefold() in labels() for t in texts)


def _label_tables(raw_lines: list[str]) -> dict[int, list[str]]:
    """Row index -> its table's header labels, for the body rows of tables whose header row holds field
    labels ("| Action | Country | Partner institution | … |"): each row is then written as a block of
    "Label: value" lines, as labelled.py reads a record of labelled fields."""
    out: dict[int, list[str]] = {}
    for i in range(len(raw_lines) - 1):
        header = _cells(raw_lines[i])
        if header is None or not _TABLE_RULE.match(raw_lines[i + 1]) or i in out:
            continue
        header = [h.strip().rstrip(":").strip() for h in header]
        if _known_labels(header) < MIN_LABELS:
            continue
        j = i + 2
        while j < len(raw_lines) and _cells(raw_lines[j]) is not None:
            out[j] = header
            j += 1
    return out


def _label_column_tables(raw_lines: list[str]) -> dict[int, str | None]:
    """Row index -> its "Label: value" line, for the rows of two-column tables whose first column holds field
    labels ("| Field | Value |" over "| Partner institution | Ministry … |"): one record's labelled lines; its
    header row and rule go (None), and the heading above the table becomes its "Title:" line."""
    out: dict[int, str | None] = {}
    for i in range(len(raw_lines) - 1):
        header = _cells(raw_lines[i])
        if header is None or len(header) != 2 or not _TABLE_RULE.match(raw_lines[i + 1]) or i in out:
            continue
        rows: list[tuple[int, list[str]]] = []
        j = i + 2
        while j < len(raw_lines) and (cells := _cells(raw_lines[j])) is not None:
            rows.append((j, cells))
            j += 1
        if _known_labels(c[0].strip().rstrip(":") for _, c in rows) < MIN_LABELS:
            continue
        out[i] = out[i + 1] = None  # the header row and the rule go
        h = i - 1
        while h >= 0 and not raw_lines[h].strip():
            h -= 1
        m = _LINE.match(raw_lines[h]) if h >= 0 else None
        if m is not None and (m["marker"] or "").startswith("#") and m["rest"].strip():
            # the heading over the table is the record's title: a labelled line of the same block, as on a page
            # whose other records give theirs as a `title:` field
            out[h] = "Title: " + _inline(_HEADING_CLOSE.sub("", m["rest"]).strip())
            out.update({k: None for k in range(h + 1, i)})
        for k, cells in rows:
            label, value = cells[0].strip().rstrip(":").strip(), " ".join(c.strip() for c in cells[1:]).strip()
            out[k] = f"{label}: {value}" if value else f"{label}:"
    return out


#: a YAML block's key line and list item ("assistance_types:" over "  - Policy development")
_YAML_ITEM = re.compile(r"^[ \t]+-[ \t]+(?P<value>\S.*)$")


def _yaml_records(raw_lines: list[str]) -> dict[int, str | None]:
    """Line index -> its "Label: value" line, for YAML blocks between "---" lines that hold record fields (a
    knowledge base's front matter per action: `title:`, `partner:`, `assistance_types:` …, at least MIN_LABELS
    keys being field labels, "_" read as a space): quotes go, a list ("[a, b]" or "- a" items under its key) is
    one value of its items joined with ", "; the "---" lines are blank, the items' lines go (None)."""
    out: dict[int, str | None] = {}
    opens = [i for i, ln in enumerate(raw_lines) if _FRONT_MATTER_OPEN.match(ln)]
    for a, b in zip(opens, opens[1:]):
        body = raw_lines[a + 1 : b]
        if not body or not all(not ln.strip() or _YAML_KEY.match(ln) or _YAML_ITEM.match(ln) for ln in body):
            continue
        keys = [m["key"].replace("_", " ").strip() for m in map(_YAML_KEY.match, body) if m]
        if _known_labels(keys) < MIN_LABELS:
            continue
        block: dict[int, str | None] = {a: "", b: ""}
        key_at = None
        for k in range(a + 1, b):
            line = raw_lines[k]
            m, item = _YAML_KEY.match(line), _YAML_ITEM.match(line)
            if m:
                key_at = k
                value = m["value"].strip()
                if value.startswith("[") and value.endswith("]"):  # an empty list is no value: "—"
                    value = ", ".join(v.strip().strip("\"'") for v in value[1:-1].split(",") if v.strip()) or "—"
                block[k] = f"{m['key'].replace('_', ' ').strip()}: {value.strip(chr(34) + chr(39))}".rstrip()
            elif item and key_at is not None:
                head = block[key_at] or ""
                block[key_at] = head + (" " if head.endswith(":") else ", ") + item["value"].strip().strip("\"'")
                block[k] = None
            else:
                block[k] = ""
        out.update(block)
    return out


def _label_block(header: list[str], cells: list[str], summary: str | None = None) -> str:
    """A table row as "Label: value" lines (an empty cell: "Label:"), its summary as a "Description:" line, then a
    blank line."""
    rows = [f"{h}: {c.strip()}" if c.strip() else f"{h}:" for h, c in zip(header, cells) if any(ch.isalpha() for ch in h)]
    if summary:
        rows.append(f"Description: {summary}")
    return "\n".join(rows) + "\n"


#: a heading that is only an action's code ("#### 2023-31", "### Action 2023-31")
_CODE_HEADING = re.compile(r"^[ \t]*#{2,6}[ \t]+(?:(?:socieux\+?[ \t]+)?action[ \t]+)?(?P<code>(?:19|20)\d{2}-\d{1,3})"
                           r"[ \t]*#*[ \t]*$", re.I)


def _row_summaries(raw_lines: list[str], label_rows: dict[int, list[str]]) -> tuple[dict[int, str], set[int]]:
    """(row index -> its summary, the lines the summaries held): the paragraphs under a heading that is only the
    code of a row of a table of field labels with no description column ("| Code | Country | Partner | … |", then
    "#### 2023-31" over the summary of that action) are that row's description."""
    from pipeline.documents import labels  # documents builds on this module

    codes: dict[str, int] = {}
    for at, header in label_rows.items():
        fields = [getattr(labels().get(" ".join(h.split()).casefold()), "field", None) for h in header]
        if "description" in fields:
            continue
        for field, cell in zip(fields, _cells(raw_lines[at]) or []):
            if field == "code" and cell.strip():
                codes[cell.strip()] = at
    summaries: dict[int, str] = {}
    taken: set[int] = set()
    for i, raw in enumerate(raw_lines):
        m = _CODE_HEADING.match(raw)
        if m is None or m["code"] not in codes:
            continue
        j = i + 1
        while j < len(raw_lines) and not raw_lines[j].lstrip().startswith("#") and not _RULE.match(raw_lines[j]) \
                and _cells(raw_lines[j]) is None:
            j += 1
        text = " ".join(_inline(line.strip()) for line in raw_lines[i + 1 : j] if line.strip())
        if text:
            summaries[codes[m["code"]]] = text
            taken.update(range(i, j))
    return summaries, taken


def md_to_text(text: str) -> str:
    return md_page(text)[0]


def md_page(text: str) -> tuple[str, str | None]:
    """(the page's text, its headline: the text of its only level-1 "# " heading, or None)."""
    raw_lines = text.split("\n")
    headings: list[str] = []
    skip, lines = _front_matter(raw_lines)
    in_fence = False
    after_image = False  # the previous line held only images: an emphasised line under them is a caption
    label_rows = _label_tables(raw_lines)
    summaries, taken = _row_summaries(raw_lines, label_rows) if label_rows else ({}, set())
    written = {**_label_column_tables(raw_lines), **_yaml_records(raw_lines)}  # lines written as labelled fields
    for at, raw in enumerate(raw_lines[skip:], start=skip):
        if at in written:
            if written[at] is not None:
                lines.append(written[at])
            continue
        if at in label_rows:  # a row of a table of field labels: a record's block of labelled lines
            lines.append(_label_block(label_rows[at], _cells(raw) or [], summaries.get(at)))
            continue
        if at in taken:  # a row's summary under its code's heading: written in the row's block
            continue
        if at + 2 in label_rows and _TABLE_RULE.match(raw_lines[at + 1]):
            lines.append("")  # its header row: the labels are on the rows' lines
            continue
        if after_image and _CAPTION.match(raw):
            lines.append("")
            continue
        after_image = bool(_IMAGES_ONLY.match(raw))
        if _FENCE.match(raw):
            in_fence = not in_fence
            continue
        if in_fence:
            lines.append(raw)
            continue
        if _RULE.match(raw) or _TABLE_RULE.match(raw):
            lines.append("")
            continue
        m = _LINE.match(raw)
        indent, marker, rest = m["indent"], m["marker"] or "", m["rest"]
        level_one = marker.rstrip() == "#"
        if marker.startswith("#"):
            marker, rest = "", _HEADING_CLOSE.sub("", rest)
        if rest.lstrip().startswith("|") or rest.rstrip().endswith("|"):  # a table row: its cells
            cells = [_inline(c.strip()) for c in rest.strip().strip("|").split("|")]
            content = " | ".join(c for c in cells if c)
        else:
            content = _inline(rest.strip()).strip()
        lines.append(indent + marker + content if content else "")
        if level_one and content and not is_masthead(content):
            headings.append(content)
    return "\n".join(lines), (headings[0] if len(headings) == 1 else None)
