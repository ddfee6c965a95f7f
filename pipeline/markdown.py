"""A listing or news item saved as Markdown -> the plain-text layout records.py reads.

Markup is not content, but the layout is: every line of the file stays a line,
with its indentation and its list marker ("- ", "* ", "1. "), which records.py
reads as it reads a text file. What goes is markup: heading markers ("# "),
quote markers, table rules and pipes, fenced-code fences, and, parsed by
markdown-it-py line by line, emphasis, code spans, inline HTML tags and link
targets ("[Share on X](#)" -> "Share on X"). An image goes with its alt text (a
caption, never part of a headline or body), so a line that only held images
goes too, and so does an emphasised line right under it (its caption: "*Photo:
Ministry of Labour*"). Offsets of facts then refer to the converted text.
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


def md_to_text(text: str) -> str:
    lines: list[str] = []
    in_fence = False
    after_image = False  # the previous line held only images: an emphasised line under them is a caption
    for raw in text.split("\n"):
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
        if marker.startswith("#"):
            marker, rest = "", _HEADING_CLOSE.sub("", rest)
        if rest.lstrip().startswith("|") or rest.rstrip().endswith("|"):  # a table row: its cells
            cells = [_inline(c.strip()) for c in rest.strip().strip("|").split("|")]
            content = " | ".join(c for c in cells if c)
        else:
            content = _inline(rest.strip()).strip()
        lines.append(indent + marker + content if content else "")
    return "\n".join(lines)
