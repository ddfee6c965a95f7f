"""A web page's chrome around the records: boilerplate and share widgets, bylines, date lines with
their labels, taxonomy and category lines, calls to action, image credits, related-pages lists, and the
page's end (copyright, footnotes). Rows of boilerplate are data (models/data/news_boilerplate.txt).

`without_trailing_chrome` cuts a news body or a listing's last record where the page's own lines begin.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
import unicodedata
from functools import lru_cache
from pathlib import Path

from pipeline.html import RELATED_WORDS
from pipeline.lines import CODE_VALUE, DATE_VALUE, TERMINAL, WORD, Line, is_prose
from pipeline.paths import DATA_DIR

#: an image credit line before a headline: "Images courtesy of …", "Photo: CNSS", "© ILO", "Crédit photo : …"
#: a caption pointing at its picture: "▲ Enumerators register households in Kassala State. Photo: MLSD"
CAPTION = re.compile(r"^\s*[▲▼↑⬆].{0,200}\b(photo|foto|image)s?\s*:", re.I)

CREDIT = re.compile(
    r"^(images?|photos?|pictures?|credits?)\b.{0,12}\b(courtesy|credit|by|©)|^©"
    r"|^(images?|photos?|pictures?|fotos?)(\s+credits?)?\s*[:©]|^cr[ée]dits?(\s+photos?)?\s*[:©]|" + CAPTION.pattern,
    re.I,
)

NEWS_TAG = re.compile(r"^SOCIEUX\s*\+?\s*\d{4}\s*-\s*\d{1,3}\b")

#: a whole reference tag line ("SOCIEUX+ 2018-05 BOLIVIA, ACT. 2 (04.06 – 15.06.2018)"): the id, the
#: country in capitals (or in title case before its activity number), and nothing long after; the news body ends there (spec: it may end with one)
NEWS_TAG_LINE = re.compile(NEWS_TAG.pattern + r"(?:\s+[–—-])?\s+[A-ZÀ-Þ][A-ZÀ-Þ'’ -]+\b.{0,80}$"
                           # ... or in title case, then its activity ("Socieux+ 2021-31 Côte d’Ivoire, Act. 3 (…)",
                           # "SOCIEUX+ 2019-03 Cabo Verde – Act. 1 & 2 (…)", "… Mongolia; Act. 4 (…)")
                           r"|^(?i:socieux)\s*\+?\s*\d{4}\s*-\s*\d{1,3}(?:\s+[–—-])?\s+[A-ZÀ-Þ][\w'’ -]{1,40}?"
                           r"(?:,|;|\s+[–—-])?\s+(?i:act)(?:s|ivit(?:y|ies))?\.?\s*\d.{0,60}$")

#: a breadcrumb trail: "Home > News", "You are here: Home / News"
BREADCRUMB = re.compile(r"^(you\s+are\s+here\s*:?\s*)?(home|news)\s*[>›»|/]|^you\s+are\s+here\b"
                        # a trail of three or more short labels in any language ("Presse › Pressemitteilungen ›
                        # International", "Accueil > Actualités > International")
                        r"|^[^\W\d_][\w'’&-]*(?:\s+[\w'’&-]+){0,3}(?:\s*[>›»]\s*[^\W\d_][\w'’&-]*(?:\s+[\w'’&-]+){0,3}){2,}$")


@lru_cache(maxsize=1)
def _boilerplate_rows() -> tuple[frozenset[str], tuple[str, ...], tuple[str, ...]]:
    """(whole-line boilerplate, taxonomy labels, call-to-action phrases) of
    models/data/news_boilerplate.txt, casefolded."""
    path = DATA_DIR / "news_boilerplate.txt"
    rows = [r.strip().casefold() for r in path.read_text(encoding="utf-8").splitlines()]
    rows = [r for r in rows if r and not r.startswith("#")]
    return (frozenset(r for r in rows if not r.endswith(":") and not r.startswith("*")),
            tuple(r for r in rows if r.endswith(":")), tuple(r[1:] for r in rows if r.startswith("*")))


def _boilerplate() -> frozenset[str]:
    return _boilerplate_rows()[0]


#: most one-word boilerplate rows in a row that make a widget line part ("Facebook LinkedIn Courriel")
WIDGET_RUN = 6

#: a taxonomy line holds short items, no sentence: at most this many words after its label
TAXONOMY_WORDS = 30


def is_taxonomy(line: str) -> bool:
    """A page's tag or category line ("Tags: Pensions · Pacific", "Mots-clés : emploi")."""
    low = re.sub(r"\s+:", ":", line.casefold().strip())
    # the label with its colon, or one of two words without it ("Posted in Asia, News | Tagged …")
    labels = [*_boilerplate_rows()[1], *(lb[:-1] + " " for lb in _boilerplate_rows()[1] if " " in lb)]
    label = next((lb for lb in labels if low.startswith(lb)), None)
    if label is None:
        return False
    rest = low[len(label):]
    return not TERMINAL.search(rest) and len(WORD.findall(rest)) <= TAXONOMY_WORDS


#: separators of a site's section label or trail ("SOCIEUX+ | News", "Accueil › Actualités",
#: "Share: Facebook | X | LinkedIn"; a menu copied from a page: "Home  About  News")
SECTION_SEPARATORS = re.compile(r"\s*[|›>»·•:]\s*|\s+/\s+|\s{2,}")

#: separators of a date line's parts: a section line's, and a spaced dash ("10.01.2022 – News")
DATE_LINE_SEPARATORS = re.compile(SECTION_SEPARATORS.pattern + r"|\s+[–—-]\s+")

#: a date line's part giving the date of an update ("Mis à jour le 08/04/2024", "Updated: 5 May 2024")
UPDATED_PART = re.compile(r"^\s*(?:last\s+)?(?:updated|modified|mis\s+à\s+jour|actuali[sz]ad[oa]|atualizad[oa]"
                          r"|modifié|modificado)\b", re.I)
#: a date line's author or section: "Published on 28.09.2023 by SOCIEUX+", "Posted 16 November 2023 in News & Events"
BY_AUTHOR = re.compile(r"\s+(?:by|in|par|por)\s+[^\d.!?]{1,60}$", re.I)

#: a byline: "By the SOCIEUX+ Communication Team", "Author: SOCIEUX+ editorial team", "By Laura M.",
#: "Autor: Equipo de comunicación SOCIEUX+"
BYLINE = re.compile(r"^(?:by|authors?|written\s+by|posted\s+by|text|words|autor|autora|auteur|autrice|par|por)\b\s*:?\s+"
                    r"(?:[^\d.!?]|(?<=\b[A-Z])\.){1,80}$", re.I)


#: a time of day on a date line: "10:30", "at 10:14", "16:42:05 GMT", "2:15 pm", "10h30"
TIME_OF_DAY = re.compile(r"(?:\s+(?:at|à|às|a\s+las))?\s+\d{1,2}[:h]\d{2}(?::\d{2})?(?:\s*[ap]\.?\s?m\.?)?"
                         r"(?:\s*(?:GMT|UTC|CET|CEST)(?:[+-]\d{1,2})?)?(?=$|\s)", re.I)


#: a short metadata part of a date line: "Reading time: 3 min", "5 min read", "0 comments"
META_PART = re.compile(r"^\d{1,3}\s*min(?:ute)?s?(?:\s+read)?$|^\d{1,4}\s+comments?$"
                       r"|^(?:lectura|leitura|temps\s+de\s+lecture)(?:\s+de)?\s*:?\s*\d{1,3}\s*min(?:utos?|utes?)?$"
                       r"|^\d{1,3}\s*min(?:utos?)?\s+(?:de\s+)?(?:lectura|leitura)$"
                       r"|^(?:issue|no\.?|n[°º]|page|vol\.?)\s*\d{1,4}$", re.I)


#: words of a short label: a part of a date line or of a line of section labels
LABEL_WORDS = 5


def is_short_label(part: str) -> bool:
    """A short label of a page (a section or category name): a few words, no digit, no sentence."""
    return (len(WORD.findall(part)) <= LABEL_WORDS and not any(c.isdigit() for c in part)
            and not TERMINAL.search(part))


def is_date_line(line: str) -> bool:
    """A date line, also with a label, a category or an author around the date: "News · 14 March
    2025", "29/11/2024 | News", "14.11.2024 · Study visits", "Published on 28.09.2023 by SOCIEUX+",
    "Published: 20 March 2025 · Reading time: 3 min"."""
    # the author's separator goes with it: "Posted 14 Mar 2023 · by SOCIEUX+ Communications"; a time of
    # day goes too, whose colon would split the line ("Cập nhật: 15/09/2022 10:30", "2 June 2023 at 10:14 · 🌏")
    line = BY_AUTHOR.sub("", TIME_OF_DAY.sub("", line.strip())).rstrip(" ·|•–—-,")
    if DATE_VALUE.match(line):
        return True
    split = [p for p in DATE_LINE_SEPARATORS.split(line) if p]
    # an update's date goes with the publication's: "Publié le 04/04/2024 – Mis à jour le 08/04/2024"
    parts = [p for p in split if not (UPDATED_PART.match(p) and DATE_VALUE.match(p))] or split
    dates = [p for p in parts if DATE_VALUE.match(p)]
    return (len(dates) == 1 and (len(parts) > 1 or len(split) > 1)
            and all(p is dates[0] or _is_boilerplate_part(p.casefold()) or is_short_label(p) or META_PART.match(p)
                    or is_byline(p) for p in parts))


def is_byline(line: str) -> bool:
    line = TIME_OF_DAY.sub("", line.strip())  # "Posted by Tendai M. at 10:14"
    return BYLINE.match(line) is not None and len(WORD.findall(line)) <= 12


#: furthest a call to action's phrase starts in its line: "This website uses cookies", "SOCIEUX+ is funded by the
#: European Union"; further on, the phrase is part of a sentence of the body ("The study visit concluded the
#: SOCIEUX+ support, which is funded by the European Union.")
CALL_PHRASE_AT = 40


def _is_call_to_action(line: str) -> bool:
    """A short closing line inviting the reader ("Sign up for the SOCIEUX+ newsletter …") or saying who funds
    the site, its phrase near the line's start. A sentence saying who funds the action or the facility is the
    body's ("SOCIEUX+ is funded by the European Union and co-financed by France, Spain and Belgium."): a funding
    line is the page's only without a full stop ("Funded by the European Union") or when it speaks of the site
    or a publication ("This website was funded by the European Union.")."""
    low = line.casefold()
    phrases = [p for p in _boilerplate_rows()[2] if 0 <= low.find(p) <= CALL_PHRASE_AT]
    if not phrases or len(WORD.findall(line)) > 25:
        return False
    if all(FUNDING.match(p) for p in phrases) and low.rstrip().endswith(".") and not SITE_WORDS.search(low):
        return False
    return True


#: call-to-action phrases that say who funds ("funded by the european union")
FUNDING = re.compile(r"(?:funded|financed|financiado|financé)\b")
#: words of a funding line that speak of the page, not the action ("This website is funded by …")
SITE_WORDS = re.compile(r"\b(?:website|web site|site|page|publication|newsletter|portal|content|sitio|página|"
                        r"publicación|conteúdo|contenido|contenu)\b")


#: a line after which a news page lists other pages, not its own body; also its links to the
#: previous and next items ("Previous: Niger: ANPE trains its job counsellors (12.03.2019)")
RELATED = re.compile(rf"^[\s*_]*[←«‹\[(]?\s*(?:{RELATED_WORDS})\b[^.!?]{{0,40}}$"
                     rf"|^[\s*_]*(?:{RELATED_WORDS}|read more)\b[^.!?:]{{0,30}}[*_]*\s*:"  # "More from Latin America: …"
                     r"|^\s*-*\s*ends\s*-*\s*$|^\s*notes?\s+(?:to|for)\s+editors?\b"  # a press release's end
                     r"|^\s*[←«‹]?\s*(?:previous|next|older|newer)(?:\s+(?:article|post|story|item|news))?\s*:", re.I)


def without_trailing_chrome(body: list[Line], news: bool = False) -> list[Line]:
    """A news body (or a listing's last record) without the page's end: share and follow widgets,
    funding lines, a copyright, a date line ("Last updated: 12/05/2023"; not a code value), and a
    "Related actions" list with everything after it. A news body ends with its last sentence or its
    reference tag: the lines after it are the page's whatever they say (a footer's menu "EEAS | Contact
    | Legal notice", an address, a footnote on the page's "Kosovo*")."""
    if news:  # a teaser of another story inside the body ("READ ALSO: Kaduna begins …"), an advertisement's label
        body = [ln for i, ln in enumerate(body) if not (INLINE_CHROME.match(ln.text) and any(
            is_prose(later.text) for later in body[i + 1 : i + 3]))]
    # the page's end: a list of related pages; in a news body, also an author's box ("Written by Mette Holm"), an
    # e-mail's signature or a press contact (SIGNATURE)
    cut = next((i for i, ln in enumerate(body) if RELATED.match(ln.text) or news and i > 0 and (
        is_byline(ln.text) or SIGNATURE.match(ln.text.strip()))), len(body))
    body = body[:cut]
    if news:  # a widget line a few lines before the end: what follows is the site's ("Share this story: …",
        # then "Eye Radio is an independent South Sudanese radio station …")
        cut = next((i for i in range(1, len(body)) if len(body) - i - 1 <= TAIL_LINES
                    and (is_boilerplate(body[i].text) or is_taxonomy(body[i].text) or _is_call_to_action(body[i].text))
                    and not any(NEWS_TAG_LINE.match(ln.text.strip()) for ln in body[i:])), len(body))
        body = body[:cut]
    if news:
        last = max((i for i, ln in enumerate(body) if NEWS_TAG_LINE.match(ln.text.strip())
                    or TERMINAL.search(ln.text) and not is_page_end(ln.text)), default=None)
        if last is not None:
            # a first-person post's closing signature ("Firuza Rahimova, Head of the Department of Employment
            # Services", "— Helena Marques, labour inspector, Portugal") is the writer's, part of the body
            signed = last + 1 < len(body) and is_writer_signature(body[last + 1].text) and any(
                FIRST_PERSON.search(ln.text) for ln in body[: last + 1])
            body = body[: last + 1 + signed]
    while body and (is_boilerplate(body[-1].text) or CREDIT.search(body[-1].text.strip())
                    or is_taxonomy(body[-1].text) or _is_call_to_action(body[-1].text)
                    or news and is_page_end(body[-1].text)
                    or is_date_line(body[-1].text) and not CODE_VALUE.match(body[-1].text.strip())):
        body = body[:-1]
    return body


@dataclass(frozen=True)
class PublisherWords:
    """The rows of models/data/publisher_lines.txt, casefolded."""

    heads: tuple[str, ...]  # an organisation name's first words
    nouns: frozenset[str]  # an organisation's nouns anywhere in its name
    units: frozenset[str]  # press and communication units
    function: frozenset[str]  # words a name keeps in lower case


@lru_cache(maxsize=1)
def publisher_words(path: Path = DATA_DIR / "publisher_lines.txt") -> PublisherWords:
    rows: dict[str, list[str]] = {"head": [], "noun": [], "unit": [], "function": []}
    for row in path.read_text(encoding="utf-8").splitlines():
        kind, sep, value = row.partition(":")
        if sep and not row.startswith("#") and kind.strip() in rows:
            value = value.strip().casefold()
            rows[kind.strip()].extend(value.split() if kind.strip() == "function" else [value])
    return PublisherWords(tuple(rows["head"]), frozenset(rows["noun"]), frozenset(rows["unit"]),
                          frozenset(rows["function"]))


#: a writer's closing signature: an optional dash, a name of two to four capitalised words (an honorific
#: first), a comma, then a short role and place
WRITER_SIGNATURE = re.compile(
    r"^[—–-]?\s*(?:(?:Dr|Mr|Ms|Mrs|Prof)\.?\s+)?[A-ZÀ-Þ][\w'’.-]+(?:\s+[A-ZÀ-Þ][\w'’.-]+){1,3}\s*,\s*[^,|@/]+(?:,\s*[^,|@/]+){0,2}$")
#: most words of a writer's signature
SIGNATURE_WORDS = 16
#: the writer speaking in the first person
FIRST_PERSON = re.compile(r"\b(?:I|I'm|I’m|I've|I’ve|my|My)\b")


def is_writer_signature(line: str) -> bool:
    """A line that signs a first-person post: "Firuza Rahimova, Head of the Department of Employment Services"
    (not a sentence, a URL or a widget: no terminal punctuation, "|", "@" or "/"; not an organisation's name,
    models/data/publisher_lines.txt)."""
    text = line.strip()
    match = WRITER_SIGNATURE.match(text)
    if match is None or TERMINAL.search(text) or len(WORD.findall(text)) > SIGNATURE_WORDS or is_boilerplate(text):
        return False
    found = publisher_words()  # an organisation's name is no writer's ("European Commission, Directorate-General …")
    name = WORD.findall(text.split(",", 1)[0].casefold())
    return not any(w in found.nouns or w in found.heads for w in name)


#: most lines after a news page's widget line that are still the site's, not the body's
TAIL_LINES = 3

#: a page's end in sentences: a copyright, a footnote on a mark of the body ("* This designation is
#: without prejudice to positions on status …"), a footer's self-description ending the page
PAGE_END = re.compile(r"^(?:copyright\b|\(?©|\*+\s|\(\*\)|¹|disclaimer\s*:)|\ball rights reserved\b", re.I)
#: where a news body stops, whatever follows: an e-mail's signature delimiter, a press release's contact line ("For
#: media enquiries: Communications Unit, …", "Contacto de prensa: …")
SIGNATURE = re.compile(r"^--\s*$|^(?:for\s+)?(?:media|press)\s+(?:enquiries|inquiries|contacts?)\b"
                       r"|^contact(?:o)?\s+(?:de\s+)?(?:prensa|presse)\b", re.I)

#: a line inside a news body that is the page's: another story's teaser with its headline after a
#: colon ("READ ALSO: …", "Lire aussi : …"), an advertisement's label
INLINE_CHROME = re.compile(r"^[\s*_]*(?:read\s+also|also\s+read|see\s+also|read\s+more|lire\s+aussi|à\s+lire\s+aussi"
                           r"|lea\s+también|lee\s+también|ver\s+también|leia\s+também|veja\s+também)\b[*_]*\s*:"
                           r"|^\s*(?:advertisement|advertising|sponsored|publicidad|publicité|publicidade|anuncio)\s*$",
                           re.I)


def is_page_end(line: str) -> bool:
    """A line no news body ends with: a copyright, a footnote, boilerplate or a call to action."""
    return bool(PAGE_END.search(line.strip()) or is_boilerplate(line) or _is_call_to_action(line))


#: arrows of a page's previous/next links ("← Previous article | Next article →"), a menu's "▾", and the
#: brackets of a link or button ("[Print this page]")
ARROWS = re.compile(r"[←→«»⟵⟶‹▾▼\[\]]")

#: a line of hashtags ("#SocialProtection #DecentWork"), a social post's reactions ("👍❤️ 73 · 5 comments")
HASHTAGS = re.compile(r"^(?:#\w+\s*)+$")

REACTIONS = re.compile(r"^\W*\d[\d,.]*\s*(?:·\s*\d[\d,.]*\s+(?:comments?|reposts?|shares?|reactions?|likes?)\s*)+$")

#: a line of rule characters ("=====", "-----"), a page's horizontal rule
RULE_LINE = re.compile(r"^[=\-_*#~·•]{3,}$")

#: the site's name with a tagline after a separator ("SOCIEUX+ – EU technical cooperation facility for …",
#: "SOCIEUX+ · Expertise européenne en protection sociale, travail et emploi"): no sentence
SITE_LINE = re.compile(r"^socieux\s*\+?\s*(?:[–—|·:-]\s*[^.!?]{0,120})?$")

#: a social network post's header ("4,812 followers", "3w • Edited • 🌐")
SOCIAL_HEADER = re.compile(r"^\d[\d,. ]*\s*(?:k\s+)?followers$|^\d{1,2}\s?[hdwmy]\s*[•·]")


#: a translation note over a translated item's headline, in any of the site's languages: "(Translated from
#: Portuguese)", "Machine translation from Russian, edited", "Texte traduit du français", "Traducción no oficial"
#: (a translation word, the language it is from, a short qualifier, maybe a disclaimer about the original: "In case
#: of discrepancy, the French version prevails."; nothing the headline would say)
TRANSLATION_NOTE = re.compile(
    r"^[(\[*_]*\s*(?:(?:unofficial|automatic|automated|machine|free|informal|courtesy|english)\s+)*"
    r"(?:(?:text\s+)?(?:translation|translated)|(?:texte\s+|texto\s+)?(?:traduit|traduction|traducción|traducido|traduzido|tradução))"
    r"(?:\s+(?:from|du|de\s+l['’]|de|del|do|da|des|dos)\s*[^\W\d_]+)?"
    # ... and the language it is into: "(Traducción no oficial al inglés)", "traduit en anglais"
    r"(?:\s*[,;]?\s*(?:(?:no\s+oficial|não\s+oficial|non\s+officiel(?:le)?|unofficial)\s+)?"
    r"(?:al|a|para\s+o|en|vers\s+l['’]|into|to)\s*[^\W\d_]+)?"
    r"(?:\s*[,;–—-]?\s*(?:edited|revised|unofficial|non\s+officiel(?:le)?|no\s+oficial|não\s+oficial"
    r"|by\s+[^\W\d_][\w+ ]{0,30}))*\s*[)\]*_]*\.?"
    # and a disclaimer sentence about the original: "In case of discrepancy, the French version prevails."
    r"(?:\s+[^.!?]{0,90}\b(?:version|original|prevails?|prévaut|fait\s+foi|prevalece|authentic)\b[^.!?]{0,40}\.?)?$")


#: a newsletter's or bulletin's masthead: its name with an issue number or a date ("SOCIEUX+ Newsletter · Issue
#: 31 · January 2024", "Boletín n.º 12"), the page's name, never an item's headline
#: a newsletter's own words, in the site's languages
_NEWSLETTER_WORDS = r"newsletter|bulletin|boletín|boletin|boletim|infolettre"
MASTHEAD = re.compile(rf"\b(?:{_NEWSLETTER_WORDS}|lettre\s+d['’]information|update|digest)\b"
                      r".{0,40}?(?:\b(?:issue|no|n\.?\s*[°º]|n\.?º|edition|édition|edición|edição|vol|número|numéro)"
                      r"\.?\s*\d+|\b(?:19|20)\d{2}\b)", re.I)


#: a labelled note about the page's translation ("[Translation note: unofficial English translation of a press note
#: originally published in Spanish …]", "Note: English translation prepared by the ANOFM Communication Service.")
TRANSLATION_NOTE_LINE = re.compile(r"^[\[(*_]*\s*(?:translation\s+note|note|nota|n\.b\.|nb)\s*:\s*[^\n]{0,300}?"
                                   r"\b(?:translat|tradu)[^\n]{0,300}$"
                                   # "[English version prepared by the INPS Communication Office]", "(English version)"
                                   r"|^[\[(*_]*\s*(?:english|french|spanish|portuguese)\s+version"
                                   r"(?:\s+(?:prepared|provided|produced|edited|made)\s+by(?:\s+[^\s\])]+){1,8})?"
                                   r"(?:\s*[–—,-]\s*translated\s+from\s+[^\W\d_]+)?\s*[\])*_]*\.?$")


#: a newsletter's name alone, its issue on a line of its own ("# SOCIEUX+ Newsletter" over "**Issue 31 · Summer 2022**")
NEWSLETTER_NAME = re.compile(rf"^\W*(?:[^\s.!?]+\s+){{0,3}}(?:{_NEWSLETTER_WORDS}|digest)\W*$", re.I)


def is_masthead(line: str) -> bool:
    return (MASTHEAD.search(line) is not None or NEWSLETTER_NAME.match(line) is not None) and not TERMINAL.search(line)


def is_boilerplate(line: str) -> bool:
    if not any(c.isalpha() for c in line) and (
            not any(c.isdigit() for c in line) or any(unicodedata.category(c) == "So" for c in line)):
        return True  # no word at all: icons with their counts ("👏 48 · 💬 2"), a rule (not a code: "2020-33")
    low = ARROWS.sub("", line.casefold()).strip(" :|›>»")
    if low in _boilerplate() or BREADCRUMB.match(low) or RULE_LINE.match(low) or SITE_LINE.match(low) \
            or SOCIAL_HEADER.match(low) or HASHTAGS.match(low) or REACTIONS.match(low) or TRANSLATION_NOTE.match(low) \
            or TRANSLATION_NOTE_LINE.match(low):
        return True
    parts = [p for p in SECTION_SEPARATORS.split(low) if p]
    return bool(parts) and all(_is_boilerplate_part(p) for p in parts)


def _is_boilerplate_part(part: str) -> bool:
    """One part of a section line: a boilerplate row, or two joined ("share on" + "linkedin")."""
    rows = _boilerplate()
    if part in rows or META_PART.match(part) or part.startswith("©"):
        return True
    words = part.split()
    # "share on" + "linkedin"; or a run of widget names ("Partager : Facebook LinkedIn Courriel")
    return any(" ".join(words[:i]) in rows and " ".join(words[i:]) in rows for i in range(1, len(words))) \
        or 1 < len(words) <= WIDGET_RUN and all(w in rows for w in words)
