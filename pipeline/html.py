"""A listing or news item saved as an HTML page -> the plain-text layout the record readers (split.py) read.

The page is parsed (lexbor via selectolax), never executed: scripts, styles and
templates are dropped. Each list item becomes a bullet record (`  • ` + its
first line, then its other blocks as indented lines); other block elements
become lines of their own, so a news page becomes date line, headline and
paragraphs. Structures of field labels (models/data/record_labels.tsv) keep their
records: a `<table>` whose header row (or first column) holds labels becomes one
block of "Label: value" lines a body row (or value column), a `<dl>` one
"Label: value" line a `<dt>`/`<dd>` pair, a list of "Label: value" items plain
lines instead of bullets; a blank line closes each block, and the heading right
above one opens it (its title). labelled.py reads them as labelled records.

Site chrome is not content: `nav`, `header` (but an `<article>`'s or `<main>`'s own
header, which holds its headline and date), `footer` and `aside` elements (and
elements with role navigation, banner or contentinfo) are dropped, so menus and
footers do not become records; so are figures and their captions, related-content
and share widgets, a trail of a few short links whatever its class (a breadcrumb), and a
"Related actions" / "See also" heading with what follows it (a news page's links to other
actions must not make it a listing). When the
page marks its content with `<main>` or `<article>`, only that is read, with the
page's headline if it stands outside it. The headline is the `<h1>`/`<h2>` the page's
`<title>` names ("Headline | Site"), else its only `<h1>` (`html_page`): news.py
reads a news item from there, whatever page text stands above it.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from selectolax.lexbor import LexborHTMLParser

if TYPE_CHECKING:
    from pipeline.documents import FieldLabel

BLOCKS = frozenset(
    "address article aside blockquote dd details div dl dt figcaption figure footer form h1 h2 h3 h4 h5 h6 header "
    "hr li main nav ol p pre section summary table tbody td tfoot th thead tr ul br".split()
)
DROP = ("script", "style", "noscript", "template", "iframe", "svg", "head", "select", "button")
#: site chrome around the content: menus, banners, footers, sidebars; figures and their captions
#: (a caption is a credit, never part of the headline); related-content and share widgets, breadcrumb trails
#: (an `<ol>` of links would read as a listing) and newsletter sign-ups
CHROME = ("nav", "header", "footer", "aside", "[role=navigation]", "[role=banner]", "[role=contentinfo]",
          "figure", "figcaption", "[aria-label*=breadcrumb]")
#: words of a class name ("related-news", "share_buttons", "social-media-links") that make an element chrome;
#: "social" only beside a widget word, never alone in a longer name ("category-social-protection" is a topic)
CHROME_CLASS_WORDS = frozenset({"related", "share", "sharing", "sharer", "sharedaddy", "addtoany", "breadcrumb",
                                "breadcrumbs", "newsletter", "badge"})
SOCIAL_WIDGET_WORDS = frozenset({"media", "links", "icons", "icon", "networks", "network", "share", "follow",
                                 "buttons", "bar"})
_CLASS_WORD = re.compile(r"[a-z]+")
#: words opening a heading or line that introduces links to other pages, not content
#: ("Related actions", "See also"); chrome.py cuts a news body at such a line too
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


#: class names of text only screen readers get ('<span class="visually-hidden"> about <title></span>' in a "Read
#: more" link): not the page's visible content
HIDDEN_CLASSES = frozenset({"visually-hidden", "visuallyhidden", "sr-only", "screen-reader-text", "element-invisible",
                            "hidden-visually", "u-hidden-visually"})


def _chrome_class(classes: str) -> bool:
    """A class attribute that names a widget around the content: related links, share buttons, social
    media links, a breadcrumb trail or a newsletter sign-up; or text for screen readers only."""
    for name in classes.casefold().split():
        words = set(_CLASS_WORD.findall(name))
        if name in HIDDEN_CLASSES:
            return True
        if words & CHROME_CLASS_WORDS or name == "social" or ("social" in words and words & SOCIAL_WIDGET_WORDS):
            return True
    return False


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
    if block.tag in ("dl", "table", "ul", "ol") and _labelled_records(block) is not None:
        return True  # the card's fields as a list of labels and values
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
    <p>Description</p></div>`; then every sibling of that kind opening with a heading is one too), or when
    two or more headings of one level each have such blocks as their following siblings
    (`<h3>…</h3><p>…</p><p>…</p><h3>…`). A news page's subheadings are
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
            # ... and every sibling card of that kind that opens with a heading, whatever its first block
            # holds (a long `<dl>` of fields: dates, code and two types of assistance)
            items.update(c.mem_id for c in children if c.tag == led[0].tag and _opens_with_heading(c))
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


def _lead_heading(first) -> object | None:
    """The heading a card opens with: its first child, or the one heading of its first child (a card's
    `<header>` holding a status badge and the title)."""
    if first.tag in HEADINGS:
        return first
    if first.tag in ("header", "hgroup", "div"):
        found = [c for c in first.traverse() if c.tag in HEADINGS]
        return found[0] if len(found) == 1 else None
    return None


def _opens_with_heading(node) -> bool:
    children = [c for c in node.iter() if c.tag != "-comment"]
    return len(children) >= 2 and _lead_heading(children[0]) is not None


def _is_heading_led(node) -> bool:
    children = [c for c in node.iter() if c.tag != "-comment"]
    return (len(children) >= 3 and _lead_heading(children[0]) is not None and children[1].tag not in HEADINGS
            and _opens_record(children[1]))


# -- labelled structures ------------------------------------------------------
#: a line break between two records of labelled lines (`html_page` writes a blank line)
BREAK = "\x00"
#: fewest known field labels that make a table header, a `<dl>` or a list a record's labelled fields
MIN_LABELS = 2


#: inline elements that a card may give a field in, one each ('<span class="meta">Partner country: Ghana</span>')
LABEL_INLINE = frozenset({"span", "small", "time", "em", "strong", "b", "i", "label"})
_INLINE_LABEL = re.compile(r"^\s*[^\W\d_][\w'’()/-]*(?:[ \t]+[\w'’()/-]+){0,3}\s*[:：]\s*\S")


def _labelled_inline(node) -> bool:
    """An inline element holding a "Label: value" (a head of at most four words, a colon, a value): a line of its
    own, not run into its neighbours ("Partner country: Ghana", "Institution: …", "Status: Ongoing" as sibling
    `<span>`s of a card); labelled.py then reads the fields it knows."""
    return _INLINE_LABEL.match(node.text() or "") is not None


def _label_text(text: str | None) -> str:
    """A cell's or a `<dt>`'s label as written, without its colon ("Partner institution:" -> "Partner institution")."""
    return _norm(text).rstrip(" :：").strip()


def _field_label(text: str) -> FieldLabel | None:
    """The FieldLabel (models/data/record_labels.tsv) a cell's or a `<dt>`'s text is, or None."""
    from pipeline.documents import labels  # documents builds on this module

    return labels().get(" ".join(text.split()).casefold())


def _block_lines(node) -> list[str]:
    """A cell's or a `<dd>`'s text, one line per block inside it (paragraphs, `<br>`, list items)."""
    out: list[str] = []
    current: list[str] = []

    def flush() -> None:
        text = _norm("".join(current))
        current.clear()
        if text:
            out.append(text)

    def walk(n) -> None:
        for child in n.iter(include_text=True):
            if child.tag == "-text":
                current.append(child.text(deep=False) or "")
            elif child.tag in BLOCKS:
                flush()
                walk(child)
                flush()
            else:
                walk(child)

    walk(node)
    flush()
    return out


def _elements(node) -> list:
    return [c for c in node.iter() if c.tag not in ("-text", "-comment")]


def _rows(table) -> list[list]:
    """The rows of a table (not of a table inside it), each its `<th>`/`<td>` cells."""
    rows = []
    for tr in table.css("tr"):
        owner = tr.parent
        while owner is not None and owner.tag != "table":
            owner = owner.parent
        if owner is not None and owner.mem_id == table.mem_id:
            rows.append([c for c in _elements(tr) if c.tag in ("th", "td")])
    return [r for r in rows if r]


Fields = list[tuple[str, list[str]]]  # one record's (label, value lines)


def _table_records(table) -> list[Fields] | None:
    """Records of a table of field labels: a header row of labels (one record a body row: "Action | Country |
    Partner institution | …"; a row of one cell across the table under it is its description), or a first column of labels (one record a column of values); None when it
    has fewer than MIN_LABELS known labels (a table of figures)."""
    rows = _rows(table)
    if len(rows) < 2:
        return None
    header = [_label_text(c.text()) for c in rows[0]]
    if sum(_field_label(h) is not None for h in header) >= MIN_LABELS:
        if header[0] == "" and not any((_field_label(h) or ("",))[0] == "title" for h in header):
            header[0] = "Title"  # an unnamed first column of titles
        records: list[Fields] = []
        for row in rows[1:]:
            if records and len(row) == 1 < len(header):  # a full-width row under a record's: its description
                described = next((pair for pair in records[-1] if (_field_label(pair[0]) or ("",))[0] == "description"),
                                 None)
                if described is None:
                    records[-1].append(("Description", _block_lines(row[0])))
                else:
                    described[1].extend(_block_lines(row[0]))
                continue
            records.append([(h, _block_lines(c)) for h, c in zip(header, row) if any(ch.isalpha() for ch in h)])
        return records
    firsts = [_label_text(r[0].text()) for r in rows]
    if sum(_field_label(h) is not None for h in firsts) >= MIN_LABELS and max(len(r) for r in rows) >= 2:
        columns = range(1, max(len(r) for r in rows))
        return [[(h, _block_lines(r[col]) if col < len(r) else []) for h, r in zip(firsts, rows)
                 if any(ch.isalpha() for ch in h)] for col in columns]
    return None


def _dl_records(dl) -> list[Fields] | None:
    """A `<dl>` of field labels (`<dt>Partner institution</dt><dd>…</dd>`): its pairs as one group of
    labelled lines (labelled.py starts a new record where labels start over); None with fewer than MIN_LABELS."""
    pairs: Fields = []
    for child in dl.css("dt, dd"):  # also inside the `<div>` HTML allows around each pair
        if child.tag == "dt":
            pairs.append((_label_text(child.text()), []))
        elif child.tag == "dd" and pairs:
            pairs[-1][1].extend(_block_lines(child))
    if sum(_field_label(label) is not None for label, _ in pairs) < MIN_LABELS:
        return None
    return [pairs]


#: blocks inside a list item that make it more than one "Label: value" line
_ITEM_BLOCKS = "p, div, br, ul, ol, dl, table, h1, h2, h3, h4, h5, h6"
#: a list item "Label: value" ("<li><strong>Partner:</strong> Ministry …</li>")
_ITEM_LABEL = re.compile(r"^(?P<label>[^:：]{1,60}?)\s*[:：]\s*(?P<value>.*)$", re.S)


def _list_records(node) -> list[Fields] | None:
    """A `<ul>`/`<ol>` whose items are mostly "Label: value" lines of known labels: one group of labelled
    lines, not records of their own (each item would be a bullet title)."""
    items = [c for c in _elements(node) if c.tag == "li"]
    pairs: Fields = []
    for li in items:
        if li.css_first(_ITEM_BLOCKS) is not None:  # a record of its own (a title over its field lines)
            continue
        m = _ITEM_LABEL.match(_norm(li.text()))
        if m and _field_label(m["label"]) is not None:
            pairs.append((m["label"], [m["value"]] if m["value"] else []))
    if len(pairs) < MIN_LABELS or 2 * len(pairs) < len(items):
        return None
    return [pairs]


def _labelled_records(node) -> list[Fields] | None:
    if node.tag == "table":
        return _table_records(node)
    if node.tag == "dl":
        return _dl_records(node)
    if node.tag in ("ul", "ol"):
        return _list_records(node)
    return None


def _previous_element(node):
    prev = node.prev
    while prev is not None and prev.tag in ("-text", "-comment") and not (prev.text(deep=False) or "").strip():
        prev = prev.prev
    return prev


def _render_labelled(records: list[Fields], prefix: str) -> list[str]:
    """Lines of labelled records: "Label: value" (further lines of a value under it), a record a block."""
    out: list[str] = []
    for fields in records:
        if not prefix:
            out.append(BREAK)
        for label, values in fields:
            out.append(f"{prefix}{label}: {values[0]}" if values else f"{prefix}{label}:")
            out.extend(prefix + v for v in values[1:])
    if not prefix:
        out.append(BREAK)
    return out


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


def _summaries_as_headings(tree: LexborHTMLParser) -> None:
    """A collapsible block's `<summary>` becomes a heading, an `<h3>` or the heading it holds: "<details><summary>
    Title</summary><ul>…</ul><p>…</p></details>" is a record led by its title, like a card (`_heading_led_items`)."""
    for node in tree.css("details > summary"):
        inner = node.css_first("h1, h2, h3, h4, h5, h6")
        html = inner.html if inner is not None else f"<h3>{node.inner_html}</h3>"
        node.replace_with(LexborHTMLParser(html).css_first("h1, h2, h3, h4, h5, h6"))


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
    for node in tree.css("[class]"):
        # never the page's content itself: a `<body>` or wrapper whose class happens to hold a word
        if _chrome_class(node.attributes.get("class") or "") and node.tag not in ("html", "body") \
                and node.css_first("main, article, [role=main], h1") is None:
            node.decompose()
    for heading in tree.css("h2, h3, h4, h5, h6"):
        if RELATED_HEADING.match(heading.text() or ""):
            _drop_section(heading)
    for node in tree.css("ol, ul"):
        if _is_trail(node):
            node.decompose()
    _summaries_as_headings(tree)
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
            labelled = _labelled_records(child) if tag in ("table", "dl", "ul", "ol") else None
            if labelled is not None:  # one "Label: value" line a field, a record a block of them
                flush("    " if in_item else "")
                prev = _previous_element(child)
                if not in_item and prev is not None and prev.tag in HEADINGS and lines \
                        and lines[-1] == _norm(prev.text()):
                    lines.insert(len(lines) - 1, BREAK)  # the heading above opens the record: one block
                    lines.extend(_render_labelled(labelled, "")[1:])
                else:
                    lines.extend(_render_labelled(labelled, "    " if in_item else ""))
                continue
            if tag == "li" and in_item:  # a list inside a record (its types of assistance): lines of it
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
            if tag in BLOCKS or tag in LABEL_INLINE and _labelled_inline(child):
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
        if line == BREAK:
            if out and out[-1] != "":
                out.append("")
            continue
        out.append("  • " + line.strip() if bullet else line)
        bullet = False
    while out and out[-1] == "":
        out.pop()
    return "\n".join(out) + "\n", headline_text
