"""A news item is one record: the page's header chrome, date line and publisher's line skipped
("SEFOPE – Press Office": models/data/publisher_lines.txt), the headline (possibly over two lines, or
found by the page's hints), the body, and a trailing reference tag ("SOCIEUX+ 2018-05 BOLIVIA, ACT.
2 …"); the page's footer is cut (`chrome`).
"""

from __future__ import annotations

import re

from pipeline.chrome import (
    ARROWS,
    BREADCRUMB,
    CAPTION,
    CREDIT,
    NEWS_TAG,
    NEWS_TAG_LINE,
    is_boilerplate,
    is_byline,
    is_date_line,
    is_page_end,
    is_short_label,
    is_taxonomy,
    publisher_words,
    without_trailing_chrome,
)
from pipeline.documents import Document
from pipeline.labels import read_labelled
from pipeline.lines import TERMINAL, WORD, Line, is_prose, lines_of
from pipeline.records import RawRecord, continues_title, make_record

#: a news page's head (menus, banners, breadcrumb, date line, headline) lies within its first lines
HEAD_LINES = 15


def _is_headline_like(text: str) -> bool:
    """A line that can be a headline: no sentence of body text, no date line, no site line."""
    return not (is_prose(text) or is_date_line(text) or is_boilerplate(text))


#: most lines of a hard-wrapped paragraph read together to tell whether it is body text
WRAPPED_LINES = 6
#: fewest characters of a line that a plain-text page wrapped into the next (a page wrapped at 70-80 characters)
WRAPPED_CHARS = 60
#: longest line of a page wrapped at a fixed width
WRAP_WIDTH = 100


def _hard_wrapped(lines: list[Line]) -> bool:
    """A plain-text page wrapped at a fixed width: no line longer than WRAP_WIDTH characters, several close to it."""
    lengths = [len(ln.text.strip()) for ln in lines]
    return bool(lengths) and max(lengths) <= WRAP_WIDTH and sum(n >= WRAPPED_CHARS for n in lengths) >= 3


def _opens_paragraph(lines: list[Line], k: int) -> bool:
    """Line k opens body text: a sentence on its own, or, on a page wrapped at a fixed width (`_hard_wrapped`),
    with the lines wrapped after it without a blank line ("Two actuaries of Deutsche Rentenversicherung Bund,
    Dr. Katrin Vogel and Matthias" / "Brenner, have been supporting …")."""
    if k >= len(lines):
        return False
    if is_prose(lines[k].text):
        return True
    if not _hard_wrapped(lines):
        return False
    stop = k + 1
    while stop < min(len(lines), k + WRAPPED_LINES) and lines[stop].start == lines[stop - 1].end + 1 \
            and not TERMINAL.search(lines[stop - 1].text) and len(lines[stop - 1].text.strip()) >= WRAPPED_CHARS:
        stop += 1  # (a wrapped line is long: short lines are a page's head, a headline, a date line)
    return stop > k + 1 and is_prose(" ".join(ln.text.strip() for ln in lines[k:stop])) \
        and not is_date_line(lines[k].text) and not is_boilerplate(lines[k].text)


def _page_head(lines: list[Line]) -> tuple[int, int | None]:
    """Where a news item starts: (first line to read, line of a headline standing above its date line).

    A page saved with its chrome has site lines (menus, a cookie banner, a tagline, a region
    label) before the item. The first date line (or photo credit) of the page's head marks where the item is: when
    a headline follows it and body text follows the headline (date line, headline, body), every
    line above the date line is the page's; when body text follows the date line and a headline
    stands right above it (headline, date line, body), the lines above the headline are the page's.
    """
    for d in range(min(len(lines), HEAD_LINES)):
        if not (is_date_line(lines[d].text) or CREDIT.search(lines[d].text)):
            continue
        after = d + 1
        while after < len(lines) and _is_header_chrome(lines, after):
            after += 1
        if after >= len(lines):
            return 0, None
        if _is_headline_like(lines[after].text):
            # a headline may take two lines: body text within the next two confirms the layout
            if any(_opens_paragraph(lines, j) for j in range(after + 1, min(len(lines), after + 3))):
                return d, None
            return 0, None
        before = d - 1
        while before >= 0 and _is_header_chrome(lines, before):
            before -= 1
        if before >= 0 and _is_headline_like(lines[before].text) and _opens_paragraph(lines, after):
            return before, before
        return 0, None
    return 0, None


#: most lines of page metadata between a headline and the body's first paragraph
META_LINES = 6

#: most words of a line of page metadata
META_WORDS = 12


def _body_start(lines: list[Line], k: int, text: str) -> int | None:
    """The first paragraph of body text at or after line k, when only page metadata stands before it:
    at most META_LINES short lines (META_WORDS words) that end no sentence. A paragraph may be wrapped
    over lines, the next going on in lower case."""
    for j in range(k, min(len(lines), k + META_LINES + 1)):
        if _opens_paragraph(lines, j) or j + 1 < len(lines) and continues_title(text, lines[j], lines[j + 1]):
            return j
        text_j = lines[j].text
        if TERMINAL.search(text_j) or len(WORD.findall(text_j)) > META_WORDS:
            return None
    return None


#: most words of a subheading of a news item's body
SUBHEADING_WORDS = 8


def _is_subheading(lines: list[Line], j: int, text: str) -> bool:
    """Line j is a subheading of the body: a few capitalised words without a digit, a separator or a sentence's
    end, right over a paragraph ("Background", "What the experts found")."""
    t = lines[j].text.strip()
    return (1 <= len(WORD.findall(t)) <= SUBHEADING_WORDS and t[:1].isupper() and not TERMINAL.search(t)
            and not any(ch.isdigit() for ch in t) and not MENU_LINE.search(t) and ":" not in t
            and not is_boilerplate(t) and j + 1 < len(lines) and text.count("\n", lines[j].end, lines[j + 1].start) == 1
            and _opens_paragraph(lines, j + 1))


def _after_breadcrumb(lines: list[Line], text: str) -> int | None:
    """The line under a breadcrumb trail ("Home > EU Office in Kosovo* > News and events") that can be a
    headline: the first after it, past date lines and header chrome, followed by the body with only
    page metadata between ("Press and information team of the EU Office in Kosovo*", "16.06.2023")."""
    b = next((i for i in range(min(len(lines), HEAD_LINES))
              if BREADCRUMB.match(ARROWS.sub("", lines[i].text.casefold()).strip())), None)
    if b is None:
        return None
    j = b + 1
    while j < len(lines) and (is_date_line(lines[j].text) or _is_header_chrome(lines, j)):
        j += 1
    if j < len(lines) and _is_headline_like(lines[j].text) and _body_start(lines, j + 1, text) is not None:
        return j
    return None


#: a line of menu items or labels: separators, or items spaced wide ("News   Business   Sports")
MENU_LINE = re.compile(r"\s[|·•›»]\s|\s{3,}")

#: fewest and most words of a headline found by its shape
HEADLINE_WORDS = (5, 30)

#: a full date anywhere in a line ("Communiqué de presse du 17 mai 2023", "Managua, jueves 22 de octubre de 2020")
FULL_DATE = re.compile(r"\b\d{1,2}(?:\.|er|st|nd|rd|th)?\s+(?:de\s+)?[^\W\d_]{3,10}\.?,?\s+(?:de\s+)?\d{4}\b"
                       r"|\b[^\W\d_]{3,10}\.?\s+\d{1,2},?\s+\d{4}\b|\b\d{1,2}[/.]\d{1,2}[/.]\d{2,4}\b")


#: lines of a page's head searched for the body's first paragraph
BODY_SEARCH_LINES = 40


def _not_a_headline(text: str) -> bool:
    """A line that no headline looks like: one or two words ("Society"), a menu or label line
    ("98.6 FM Juba | Listen Live"), a "Label: value" line."""
    label = LABEL_LINE.match(text.strip())
    return (len(WORD.findall(text)) <= 2 or MENU_LINE.search(text) is not None
            or label is not None and len(WORD.findall(label["value"])) <= 2)


def _reads_as_headline(text: str) -> bool:
    """A line shaped like a headline: five to thirty words from a capital, ending no sentence or list
    introduction, no menu, label, date, byline or boilerplate."""
    n = len(WORD.findall(text))
    return (HEADLINE_WORDS[0] <= n <= HEADLINE_WORDS[1] and text[:1].isupper()
            and not text.rstrip().endswith((".", ":", ";")) and not is_prose(text) and not _not_a_headline(text)
            and not FULL_DATE.search(text) and not is_date_line(text) and not is_boilerplate(text)
            and not is_byline(text) and not is_taxonomy(text) and not CREDIT.search(text))


def _nearest_headline(lines: list[Line], text: str) -> int | None:
    """The last line shaped like a headline before the body's first paragraph (not a cookie banner's
    sentence), or None; a headline wrapped over two lines starts on the first."""
    body = next((i for i in range(min(len(lines), BODY_SEARCH_LINES))
                 if _opens_paragraph(lines, i) and not is_page_end(lines[i].text)), None)
    if body is None:
        return None
    found = next((i for i in range(body - 1, -1, -1) if _reads_as_headline(lines[i].text)), None)
    if found and text.count("\n", lines[found - 1].end, lines[found].start) == 1 \
            and not TERMINAL.search(lines[found - 1].text) and not is_date_line(lines[found - 1].text) \
            and not FULL_DATE.search(lines[found - 1].text) \
            and not _not_a_headline(lines[found - 1].text) and not _is_header_chrome(lines, found - 1):
        found -= 1
    return found


def _glued_to_date(text: str, lines: list[Line], k: int) -> bool:
    """Line k stands in one block with the date line under it, a blank line above it: a byline or a
    source ("Press and information team of the EU Office in Kosovo*" over "16.06.2023") rather than the
    headline, when a breadcrumb trail has a headline of its own under it."""
    return (0 < k < len(lines) - 1 and text.count("\n", lines[k - 1].end, lines[k].start) > 1
            and text.count("\n", lines[k].end, lines[k + 1].start) == 1 and is_date_line(lines[k + 1].text))


#: lines of a page's head searched for its marked headline
HINT_LINES = 60


def _hinted_headline(lines: list[Line], headline: str | None) -> int | None:
    """The line of the headline a converter found in the page's markup (the only "# " of a Markdown
    page, the HTML heading its `<title>` names), among the page's first lines."""
    if not headline:
        return None
    want = " ".join(headline.split())
    return next((i for i in range(min(len(lines), HINT_LINES)) if " ".join(lines[i].text.split()) == want), None)


#: most words of a publisher's line
PUBLISHER_WORDS = 16
#: separators of a publisher line's parts ("SEFOPE – Press Office", "Ministère du Travail | Service de presse")
PUBLISHER_PARTS = re.compile(r"\s+[–—-]\s+|\s*[|·]\s*")
NAME_WORD = re.compile(r"[^\W\d_][\w'’.+-]*")
ELISION = re.compile(r"^[ldLD]['’]")  # "de l'Emploi"
#: share of a name's words (but function words) that are capitalised: French and Spanish names keep some
#: adjectives in lower case ("Ministère de l'Emploi et de la Protection sociale")
NAME_CAPITALS = 0.75


def _is_publisher(text: str) -> bool:
    """A publisher's line ("Delegation of the European Union to Armenia – Press and information team",
    "SEFOPE – Press Office", "Unified Social Service of Armenia", "France Travail – International news"): a
    name, its words capitalised but function words (NAME_CAPITALS; a press unit's part may be lower case),
    that opens with an organisation's head word, holds an organisation's noun, has a press unit as one of
    its parts or is made of parts (an organisation and its section)."""
    found = publisher_words()
    if TERMINAL.search(text) or len(WORD.findall(text)) > PUBLISHER_WORDS:
        return False
    parts = [p.strip() for p in PUBLISHER_PARTS.split(text.strip()) if p.strip()]
    named = [p for p in parts if p.casefold() not in found.units]
    words = [ELISION.sub("", w) for p in named for w in NAME_WORD.findall(p)]
    content = [w for w in words if w.casefold() not in found.function]
    if not content or sum(w[:1].isupper() for w in content) < NAME_CAPITALS * len(content):
        return False  # a sentence's words: "EU-funded experts help the Unified Social Service …"
    low = text.strip().casefold()
    return (len(parts) > 1 or any(low.startswith(h + " ") for h in found.heads)
            or any(w.casefold() in found.nouns for w in content))


def split_news(doc: Document) -> list[RawRecord]:
    """One record: skip the page's head (site lines, date line, credits); headline; body; tag."""
    lines = lines_of(doc.text)
    got: dict[str, list[Line]] = {}
    year = None

    def head_line(k: int) -> bool:
        """Line k is a date line (kept as the item's) or the page's chrome."""
        nonlocal year
        is_date = is_date_line(lines[k].text)
        if is_date and "date_line" not in got:
            got["date_line"] = [lines[k]]
            years = re.findall(r"\d{4}", lines[k].text)
            year = int(years[-1]) if years else None
        return is_date or _is_header_chrome(lines, k)

    marked = _hinted_headline(lines, doc.headline)
    wraps = marked is None  # a headline the markup gives is whole; one found in the text may take two lines
    if marked is None:
        k, headline_at = _page_head(lines)
        crumb = _after_breadcrumb(lines, doc.text) if headline_at is not None else None
        if crumb is not None and crumb < headline_at and _glued_to_date(doc.text, lines, headline_at):
            marked = crumb  # headline under the trail, then a block of byline and date line
    if marked is not None:  # the page's head above it: its date line is the item's, the rest chrome
        for i in range(marked):
            head_line(i)
        k, headline_at = marked, marked
    if headline_at is None:
        while k < len(lines) and head_line(k):
            k += 1
    if k >= len(lines):
        return []
    if marked is None and (_not_a_headline(lines[k].text) or headline_at is None and not any(
            is_date_line(ln.text) or CREDIT.search(ln.text) for ln in lines[:HEAD_LINES])):
        # a section label or a site's line taken for the headline ("Society" under the date line, "98.6 FM
        # Juba | Listen Live"), or a page without a date line to tell where its item starts: the headline is
        # the last line before the body that reads as one
        nearest = _nearest_headline(lines, doc.text)
        if nearest is not None and nearest != k:
            for i in range(nearest):
                head_line(i)
            k = headline_at = marked = nearest
    if wraps and (headline_at is None or headline_at == marked) and k + 1 < len(lines) and _is_publisher(lines[k].text) \
            and not (lines[k].text.isupper() and lines[k + 1].text.isupper()):  # (two lines of a headline in capitals)
        # the publisher's line over the headline ("SEFOPE – Press Office"): the page's, and so is a chrome line
        # between them (a translation note: "Unofficial translation from Spanish")
        nxt = k + 1
        while nxt + 1 < len(lines) and _is_header_chrome(lines, nxt):
            nxt += 1
        if _reads_as_headline(lines[nxt].text):
            for i in range(k, nxt):
                head_line(i)
            k = nxt
    title = [lines[k]]
    k += 1
    # a headline split over two lines: no blank line between, neither part ends a sentence, the
    # second is short (and no date line)
    if (wraps and (headline_at is None or headline_at == marked) and k + 1 < len(lines)
            and doc.text.count("\n", title[0].end, lines[k].start) == 1
            and not TERMINAL.search(title[0].text) and not TERMINAL.search(lines[k].text)
            and len(WORD.findall(lines[k].text)) <= 20 and not is_date_line(lines[k].text)
            and not is_byline(lines[k].text) and not MENU_LINE.search(lines[k].text)
            and not _is_header_chrome(lines, k)):
        title.append(lines[k])
        k += 1
    # under the headline: its date line, a byline, a meta line ("08/11/2023 · Latin America"), a caption
    # pointing at its picture ("▲ Enumerators register households in Kassala State. Photo: MLSD")
    while k < len(lines) and (is_byline(lines[k].text) or is_date_line(lines[k].text) or CAPTION.search(lines[k].text)):
        head_line(k)
        k += 1
    # ... and the page's metadata before the body's first paragraph, whatever it says: a few short lines
    # without a sentence ("Press and information team of the EU Office", "Hits: 418", "👏 48 · 💬 2")
    start = _body_start(lines, k, doc.text)
    while start is not None and k < start:
        if k == start - 1 and _is_subheading(lines, k, doc.text) \
                and any(_is_subheading(lines, i, doc.text) for i in range(start + 1, len(lines))):
            break  # the body's first subheading ("Background" over its paragraph), as its later ones
        head_line(k)
        k += 1
    body = lines[k:]
    tag_at = max((i for i, ln in enumerate(body) if NEWS_TAG_LINE.match(ln.text.strip())), default=None)
    if tag_at is not None:  # after the reference tag: the page's end (share links, tags, funding lines)
        body = body[: tag_at + 1]
    body = without_trailing_chrome(body, news=True)
    if body:
        got["description"] = body
        if NEWS_TAG.match(body[-1].text) or NEWS_TAG_LINE.match(body[-1].text.strip()):
            got["tag"] = [body[-1]]
    # the record ends with its body: the page's end (related news, share links) is no part of it
    rec = make_record(doc, 0, "news", title, got, 0, (body or title)[-1].end)
    rec.year = year
    return [rec]


#: separators of a line of section labels ("Europe and Central Asia | Social services")
LABEL_SEPARATORS = re.compile(r"\s+[|·•›»]\s+")

#: a category list: three or more capitalised items of at most CATEGORY_WORDS words, comma-separated
CATEGORY_WORDS = 3


def _is_section_labels(line: str) -> bool:
    """A line of section or category labels before a headline: "Europe and Central Asia | Social
    services" (two or more short labels; a headline does not list them), "News, Events, Social
    pensions" (three or more capitalised one- to three-word items)."""
    parts = LABEL_SEPARATORS.split(line.strip())
    return (len(parts) > 1 and all(is_short_label(p) for p in parts)) or _is_category_list(line, 3)


def _is_category_list(line: str, minimum: int) -> bool:
    """At least `minimum` comma-separated capitalised items of at most CATEGORY_WORDS words
    ("News, Events, Social pensions"; right under a date line two suffice: "Asia, Social insurance")."""
    items = [p.strip() for p in line.split(",")]
    return len(items) >= minimum and all(
        p[:1].isupper() and len(WORD.findall(p)) <= CATEGORY_WORDS and is_short_label(p) for p in items)


#: a kicker (a section or region label above a headline) has at most this many words
KICKER_WORDS = 4


def _is_kicker(lines: list[Line], k: int) -> bool:
    """A short label right before a date line or a byline ("Labour inspection", "Asia and the Pacific"
    then "Wednesday 13 November 2024"), or one in capitals right before a headline in lower case ("FROM THE
    FIELD" over "Mongolia: a fairer way to …"): the page's section, not the headline, which comes after."""
    line = lines[k].text
    if len(WORD.findall(line)) > KICKER_WORDS or k + 1 >= len(lines):
        return False
    after = lines[k + 1].text
    return (is_short_label(line) and (is_date_line(after) or is_byline(after))
            or line.isupper() and not after.isupper() and _reads_as_headline(after))


def _is_header_chrome(lines: list[Line], k: int) -> bool:
    """Line k, before a headline, is the page's, not the item's: a credit, boilerplate, a byline, a
    line of section labels or a kicker (a date line is tested by the caller, which keeps it)."""
    text = lines[k].text
    return bool(CREDIT.search(text) or is_boilerplate(text) or is_byline(text) or _is_section_labels(text)
                or is_taxonomy(text) or _is_kicker(lines, k) or _in_label_cluster(lines, k) or _is_fact_line(lines[k])
                or (k > 0 and is_date_line(lines[k - 1].text) and _is_category_list(text, 2)))


#: a page's metadata line: a one- or two-word label, a colon and a short value ("Source: SOCIEUX+",
#: "Origin: View original", "Hits: 418")
LABEL_LINE = re.compile(r"^[^\W\d_][\w'’-]*(?:\s[\w'’-]+)?\s*:\s*(?P<value>\S.*)$")

#: most words of a metadata line's value
LABEL_VALUE_WORDS = 4


def _is_label_line(line: str) -> bool:
    m = LABEL_LINE.match(line.strip())
    return m is not None and len(WORD.findall(m["value"])) <= LABEL_VALUE_WORDS and not TERMINAL.search(line)


def _in_label_cluster(lines: list[Line], k: int) -> bool:
    """Line k is a metadata line in a block of them, date lines between ("Format: News and Press Release",
    "Source: SOCIEUX+", "Posted: 3 Mar 2021", "Origin: View original"): two or more that are no date line,
    so that one short headline with a colon ("Kosovo: pensions abroad") above a date line stays a headline."""
    if not _is_label_line(lines[k].text) or is_date_line(lines[k].text):
        return False
    for step in (-1, 1):
        j = k + step
        while 0 <= j < len(lines) and is_date_line(lines[j].text):
            j += step
        if 0 <= j < len(lines) and _is_label_line(lines[j].text):
            return True
    return False


#: labelled fields a news page's fact box may give ("Country: Ghana", "Partner: Ministry …"), never its
#: headline; a headline may open with "Overview:" or "Summary:", so not these
FACT_FIELDS = frozenset({"partner_institution", "assistance_types", "code", "country", "period",
                         "start_activities", "end_activities"})


def _is_fact_line(ln: Line) -> bool:
    hit = read_labelled(ln)
    return hit is not None and hit.field in FACT_FIELDS
