"""A listing or news item saved as Markdown -> the plain-text layout records.py reads.

Markup is not content, but the layout is: every line of the file stays a line,
with its indentation and its list marker ("- ", "* ", "1. "), which records.py
reads as it reads a text file. What goes is markup: heading markers ("# "),
quote markers, table rules and pipes, fenced-code fences, and, parsed by
markdown-it-py line by line, emphasis, code spans, inline HTML tags and link
targets ("[Share on X](#)" -> "Share on X"). A YAML front matter block (a web
clipper's `title:`, `source:`, `created:` …) is no content; only when the body has
no "# " heading do its `published`/`date` and `title` values stand in its place,
as a date line and a headline. An image goes with its alt text (a
caption, never part of a headline or body), so a line that only held images
goes too, and so does an emphasised line right under it (its caption: "*Photo:
Ministry of Labour*"). Offsets of facts then refer to the converted text.
The only level-1 heading of a page is its headline (`md_page`): records.py reads the item
from there, whatever page text stands above it.
"""

from __future__ import annotations

import re
from functools import lru_cache

from markdown_it import MarkdownIt
from markdown_it.token import Token

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
    if not any(_HEADING.match(ln) for ln in lines[end + 1 :]):
        values = {m["key"].strip().casefold(): m["value"].strip().strip("\"'") for m in map(_YAML_KEY.match, lines[1:end]) if m}
        date = next((values[k] for k in _DATE_KEYS if values.get(k)), "")
        title = next((values[k] for k in _TITLE_KEYS if values.get(k)), "")
        out[: 2] = [date, title] if date else [title, ""]
    return end + 1, out


def md_to_text(text: str) -> str:
    return md_page(text)[0]


def md_page(text: str) -> tuple[str, str | None]:
    """(the page's text, its headline: the text of its only level-1 "# " heading, or None)."""
    raw_lines = text.split("\n")
    headings: list[str] = []
    skip, lines = _front_matter(raw_lines)
    in_fence = False
    after_image = False  # the previous line held only images: an emphasised line under them is a caption
    for raw in raw_lines[skip:]:
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
        if level_one and content:
            headings.append(content)
    return "\n".join(lines), (headings[0] if len(headings) == 1 else None)
