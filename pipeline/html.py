"""A listing or news item saved as an HTML page -> the plain-text layout records.py reads.

The page is parsed (lexbor via selectolax), never executed: scripts, styles and
templates are dropped. Each list item becomes a bullet record (`  • ` + its
first line, then its other blocks as indented lines); other block elements
become lines of their own, so a news page becomes date line, headline and
paragraphs.

Site chrome is not content: `nav`, `header` (but an `<article>`'s or `<main>`'s own
header, which holds its headline and date), `footer` and `aside` elements (and
elements with role navigation, banner or contentinfo) are dropped, so menus and
footers do not become records; so are figures and their captions, related-content
and share widgets, a trail of a few short links whatever its class (a breadcrumb), and a
"Related actions" / "See also" heading with what follows it (a news page's links to other
actions must not make it a listing). When the
page marks its content with `<main>` or `<article>`, only that is read, with the
page's headline if it stands outside it. The headline is the `<h1>`/`<h2>` the page's
`<title>` names ("Headline | Site"), else its only `<h1>` (`html_page`): records.py
reads a news item from there, whatever page text stands above it.
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
                 r"|all news|back to|noticias relacionadas|notícias relacionadas|actualités associées|articles liés"
                 r"|actualités liées|toutes les actualités|todas las noticias|todas as notícias|artículos relacionados"
                 r"|artigos relacionados"
                 r"|voir aussi|à lire aussi|lire aussi|ver también|lea también|lee también|leia também|veja também"
                 r"|otras noticias|outras notícias|autres actualités|más noticias|mais notícias|plus d'actualités"
                 r"|noticias relacionadas|ver más|voir plus|ver mais"
                 r"|more from|recent posts|latest posts|related posts|read next|you might also like|te puede interesar"
                 r"|también te puede interesar|sur le même sujet|dans la même rubrique|pode interessar|leia mais"
                 r"|à lire également|lire également|a ler também")
#: in HTML, share widgets' and "read more" headings too
RELATED_HEADING = re.compile(rf"^\s*(?:{RELATED_WORDS}|read more|share)\b", re.I)
#: where a page says its content is, most specific first
CONTENT = ("main", "[role=main]", "article")


def looks_like_html(text: str) -> bool:
    head = text.lstrip()[:512].casefold()
    return head.startswith(("<!doctype html", "<html")) or ("<body" in head and "</" in text)


#: a `<header>` inside these is the content's own (the headline and date of an article), not the site's
CONTENT_TAGS = frozenset({"article", "main"})


def _inside(node, tags: frozenset[str]) -> bool:
    parent = node.parent
    while parent is not None:
        if parent.tag in tags:
            return True
        parent = parent.parent
    return False


def _drop_section(heading) -> None:
    """Drop a heading and what follows it up to the next heading of its parent (its links)."""
    node = heading.next
    while node is not None and node.tag not in ("h1", "h2", "h3", "h4", "h5", "h6"):
        following = node.next
        node.decompose()
        node = following
    heading.decompose()


#: most words of an item of a trail of links (a breadcrumb whatever its class: "Início › Notícias › …")
TRAIL_ITEM_WORDS = 4


def _is_trail(node) -> bool:
    """A list of a few short links, the last item maybe plain text: a breadcrumb or a menu whatever its
    class name (`<ol class="migalhas"><li><a>Início</a></li>…`), not records (a record is a title with
    its fields)."""
    items = [child for child in node.iter() if child.tag == "li"]
    if not 2 <= len(items) <= 8 or any(len(_words(li)) > TRAIL_ITEM_WORDS for li in items):
        return False
    return all(_is_link_only(li) for li in items[:-1])


def _is_link_only(li) -> bool:
    links = li.css("a")
    return len(links) == 1 and (links[0].text() or "").strip() == (li.text() or "").strip()


HEADINGS = frozenset({"h2", "h3", "h4", "h5", "h6"})
#: the first block under a record's heading is its institution or a label: short, not a sentence
ITEM_LINE_WORDS = 25
_YEAR = re.compile(r"\b(?:19|20)\d{2}\b")


def _words(node) -> list[str]:
    return re.findall(r"\w+", node.text() or "")


def _opens_record(block) -> bool:
    """A block that can open a record under its title: an institution line or a field label (short,
    not a sentence), not a date (a news card's)."""
    text = (block.text() or "").strip()
    words = _words(block)
    if not words or len(words) > ITEM_LINE_WORDS or text.endswith((".", "!", "?", "…")):
        return False
    return not (len(words) <= 5 and _YEAR.search(text))


def _heading_led_items(root) -> tuple[set[int], set[int]]:
    """Records of a listing page laid out with headings instead of list items.

    Returns (elements to read as list items, headings that each open a record with the blocks
    after them). A page lists actions this way when two or more sibling elements each start with a
    heading followed by at least two blocks, the first short (`<div><h3>Title</h3><p>Institution</p>
    <p>Description</p></div>`), or when two or more headings of one level each have such blocks as
    their following siblings (`<h3>…</h3><p>…</p><p>…</p><h3>…`). A news page's subheadings are
    followed by body text, never by a short line, so they stay headings.
    """
    items: set[int] = set()
    headings: set[int] = set()
    for node in root.traverse():
        children = [c for c in node.iter() if c.tag != "-comment"]
        if len(children) < 2:
            continue
        led = [c for c in children if _is_heading_led(c)]
        if len(led) >= 2 and len({c.tag for c in led}) == 1:
            items.update(c.mem_id for c in led)
            continue
        for level in HEADINGS:
            at = [i for i, c in enumerate(children) if c.tag == level]
            if len(at) < 2:
                continue
            bounds = at[1:] + [len(children)]
            good = [i for i, stop in zip(at, bounds)
                    if stop - i - 1 >= 2 and children[i + 1].tag not in HEADINGS and _opens_record(children[i + 1])]
            if len(good) >= 2 and 3 * len(good) >= 2 * len(at):
                headings.update(children[i].mem_id for i in good)
    return items, headings


def _is_heading_led(node) -> bool:
    children = [c for c in node.iter() if c.tag != "-comment"]
    return (len(children) >= 3 and children[0].tag in HEADINGS and children[1].tag not in HEADINGS
            and _opens_record(children[1]))


#: separators between a headline and the site's name in a page's `<title>` ("Headline | Site")
TITLE_SEPARATORS = re.compile(r"\s+[|–—-]\s+|\s+::\s+")
#: fewest words of a headline told by the page's `<title>`
TITLE_WORDS = 3


def _norm(text: str | None) -> str:
    return " ".join((text or "").split())


def _headline(tree, title: str) -> object | None:
    """The page's headline element, site chrome removed: the `<h1>`/`<h2>` the `<title>` is, opens or ends
    with ("Headline | Site", "Site – Headline"), else the page's only `<h1>`."""
    parts = [p for p in TITLE_SEPARATORS.split(title) if p] if title else []
    headings = [(node, _norm(node.text())) for node in tree.css("h1, h2")]
    for want in dict.fromkeys([title, *parts[:1], *parts[-1:]]):
        for node, text in headings:
            if text == want and len(text.split()) >= TITLE_WORDS:
                return node
    h1s = [node for node, text in headings if node.tag == "h1" and text]
    return h1s[0] if len(h1s) == 1 else None


def html_to_text(html: str) -> str:
    return html_page(html)[0]


def html_page(html: str) -> tuple[str, str | None]:
    """(the page's text, its headline as its markup tells it, or None)."""
    tree = LexborHTMLParser(html)
    title_node = tree.css_first("title")
    title = _norm(title_node.text()) if title_node is not None else ""
    for selector in (*DROP, *CHROME):
        for node in tree.css(selector):
            if node.tag == "header" and _inside(node, CONTENT_TAGS):
                continue  # an article's own header: its headline and date line ("entry-header")
            node.decompose()
    for heading in tree.css("h2, h3, h4, h5, h6"):
        if RELATED_HEADING.match(heading.text() or ""):
            _drop_section(heading)
    for node in tree.css("ol, ul"):
        if _is_trail(node):
            node.decompose()
    headline = _headline(tree, title)
    headline_text = _norm(headline.text()) if headline is not None else None
    root = next((nodes[0] for nodes in (tree.css(sel) for sel in CONTENT) if len(nodes) == 1), None)
    root = root or tree.body or tree.root
    lines: list[str] = []
    current: list[str] = []

    def flush(prefix: str) -> None:
        text = re.sub(r"\s+", " ", "".join(current)).strip()
        current.clear()
        if text:
            lines.append(prefix + text)

    items, item_headings = _heading_led_items(root)

    def walk(node, depth: int, in_item: bool) -> None:
        grouped = False  # inside a record led by a heading of this node (a flat h3 + p listing)
        for child in node.iter(include_text=True):
            tag = child.tag
            if tag == "-text":
                current.append(child.text(deep=False) or "")
                continue
            if tag in HEADINGS and not in_item:
                if child.mem_id in item_headings:
                    flush("    " if grouped else "")
                    lines.append("")  # the heading is a record's title, the blocks under it its lines
                    grouped = True
                    walk(child, depth + 1, False)
                    flush("")
                    continue
                grouped = False
            if grouped:
                flush("    ")
                walk(child, depth + 1, True)
                flush("    ")
                continue
            if tag == "li" or child.mem_id in items:
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

    if headline_text is not None and headline_text not in _norm(root.text()):
        lines.append(headline_text)  # a headline above the page's `<main>` ("ecl-page-header"): the item's
    walk(root, 0, False)
    flush("")
    out, bullet = [], False
    for line in lines:
        if line == "":
            bullet = True
            continue
        out.append("  • " + line.strip() if bullet else line)
        bullet = False
    return "\n".join(out) + "\n", headline_text
