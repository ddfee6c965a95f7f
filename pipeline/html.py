"""A listing or news item saved as an HTML page -> the plain-text layout records.py reads.

The page is parsed (lexbor via selectolax), never executed: scripts, styles and
templates are dropped. Each list item becomes a bullet record (`  • ` + its
first line, then its other blocks as indented lines); other block elements
become lines of their own, so a news page becomes date line, headline and
paragraphs.

Site chrome is not content: `nav`, `header`, `footer` and `aside` elements (and
elements with role navigation, banner or contentinfo) are dropped, so menus and
footers do not become records; so are figures and their captions, related-content
and share widgets, and a "Related actions" / "See also" heading with what follows
it (a news page's links to other actions must not make it a listing). When the
page marks its content with `<main>` or `<article>`, only that is read.
"""

from __future__ import annotations

import re

from selectolax.lexbor import LexborHTMLParser

BLOCKS = frozenset(
    "address article aside blockquote dd div dl dt figcaption figure footer form h1 h2 h3 h4 h5 h6 header "
    "hr li main nav ol p pre section table tbody td tfoot th thead tr ul br".split()
)
DROP = ("script", "style", "noscript", "template", "iframe", "svg", "head")
#: site chrome around the content: menus, banners, footers, sidebars; figures and their captions
#: (a caption is a credit, never part of the headline); related-content and share widgets, breadcrumb trails
#: (an `<ol>` of links would read as a listing) and newsletter sign-ups
CHROME = ("nav", "header", "footer", "aside", "[role=navigation]", "[role=banner]", "[role=contentinfo]",
          "figure", "figcaption", "[class*=related]", "[class*=share]", "[class*=social]", "[class*=breadcrumb]",
          "[aria-label*=breadcrumb]", "[class*=newsletter]")
#: words opening a heading or line that introduces links to other pages, not content
#: ("Related actions", "See also"); records.py cuts a news body at such a line too
RELATED_WORDS = (r"related|see also|read also|more news|other news|other actions|more (?:testimonials|stories|interviews"
                 r"|articles)|latest news|recent news|you may also like|read next|photo gallery|gallery|see all|view all"
                 r"|all news|back to")
#: in HTML, share widgets' and "read more" headings too
RELATED_HEADING = re.compile(rf"^\s*(?:{RELATED_WORDS}|read more|share)\b", re.I)
#: where a page says its content is, most specific first
CONTENT = ("main", "[role=main]", "article")


def looks_like_html(text: str) -> bool:
    head = text.lstrip()[:512].casefold()
    return head.startswith(("<!doctype html", "<html")) or ("<body" in head and "</" in text)


def _drop_section(heading) -> None:
    """Drop a heading and what follows it up to the next heading of its parent (its links)."""
    node = heading.next
    while node is not None and node.tag not in ("h1", "h2", "h3", "h4", "h5", "h6"):
        following = node.next
        node.decompose()
        node = following
    heading.decompose()


def html_to_text(html: str) -> str:
    tree = LexborHTMLParser(html)
    for selector in (*DROP, *CHROME):
        for node in tree.css(selector):
            node.decompose()
    for heading in tree.css("h2, h3, h4, h5, h6"):
        if RELATED_HEADING.match(heading.text() or ""):
            _drop_section(heading)
    root = next((nodes[0] for nodes in (tree.css(sel) for sel in CONTENT) if len(nodes) == 1), None)
    root = root or tree.body or tree.root
    lines: list[str] = []
    current: list[str] = []

    def flush(prefix: str) -> None:
        text = re.sub(r"\s+", " ", "".join(current)).strip()
        current.clear()
        if text:
            lines.append(prefix + text)

    def walk(node, depth: int, in_item: bool) -> None:
        for child in node.iter(include_text=True):
            tag = child.tag
            if tag == "-text":
                current.append(child.text(deep=False) or "")
                continue
            if tag == "li":
                flush("    " if in_item else "")
                lines.append("")  # marker: the next flushed line is a bullet title
                walk(child, depth + 1, True)
                flush("    ")
                continue
            if tag in BLOCKS:
                flush("    " if in_item else "")
                walk(child, depth + 1, in_item)
                flush("    " if in_item else "")
            else:
                walk(child, depth + 1, in_item)

    walk(root, 0, False)
    flush("")
    out, bullet = [], False
    for line in lines:
        if line == "":
            bullet = True
            continue
        out.append("  • " + line.strip() if bullet else line)
        bullet = False
    return "\n".join(out) + "\n"
