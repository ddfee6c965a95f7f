"""Lines of a document's text, with their offsets, and what a single line reads as: a date value
(a field's or a news item's date line), a code value, the end of a sentence, prose.

Every reader of records (`records`, `labelled`, `news`) and of page chrome (`chrome`) works on these
lines, so that every field keeps offsets pointing back into the source text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

CODE_VALUE = re.compile(r"^\d{4}-\d{1,3}$")

#: a date as a field value or a news item's date line: 12/03/2022, May-2022, 12 May 2022,
#: May 12, 2022 (US style), 2022-05-12 (also 2022/05/12), "3 de octubre de 2022", "1er mars 2023", "ongoing" (also
#: "en cours", "en curso", "em curso"); on a date line optionally after a weekday ("Thursday, 12 May
#: 2022", also in French, Spanish and Portuguese: "mercredi 8 mars 2023") or "Published/Posted/Updated (on)",
#: "Date:" (also in the site's other languages: "Publicado el", "Publié le", "Actualizado el", "Fecha de publicación:";
#: a word and a short preposition before a day: "Gepubliceerd op 12 september 2023")
DATE_VALUE = re.compile(
    r"^(?:(?:published|posted|updated|last\s+updated|date|date\s+published|publication\s+date|date\s+of\s+publication"
    r"|mis\s+en\s+ligne|publicado|publicada|publié|publiée"
    r"|mis\s+à\s+jour|actuali[sz]ado|actualizada|atualizado|atualizada|fecha(?:\s+de\s+publicaci[oó]n)?"
    r"|date\s+de\s+publication|data(?:\s+de\s+publica[cç][aã]o)?)(?:\s+(?:on|em|el|le|a))?\s*:?\s*"
    # the same in another language: a word and a short preposition ("Gepubliceerd op", "Pubblicato il")
    r"|[^\W\d_]{6,}\s+[^\W\d_]{2,3}\s+(?=\d))?"
    r"(?:(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day|mon|tue|wed|thu|fri|sat|sun"
    r"|lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|lunes|martes|miércoles|miercoles|jueves|viernes|sábado"
    r"|sabado|domingo|segunda-feira|terça-feira|terca-feira|quarta-feira|quinta-feira|sexta-feira)\.?,?\s+)?"
    # a dateline's place: "Santiago de Chile – 7 March 2023", "Dili, 12 May 2022"
    # (with its district or state: "Tegucigalpa, M.D.C., 8 de febrero de 2024")
    r"(?:[^\W\d_][\w'’.]*(?:\s+[^\W\d_][\w'’.]*){0,4}(?:,\s*[^\W\d_][\w'’.]*(?:\s+[^\W\d_][\w'’.]*){0,2})?"
    r"(?:,|\s+[–—-])\s*"
    r"(?=(?:the\s+)?\d{1,2}[/.\s-]|(?:the\s+)?\d{1,2}(?:st|nd|rd|th)\s|[A-Za-z]{3,9}\.?\s+\d{1,2}\b))?"  # (then a date with its day)
    # (a month's abbreviation may be the site's French or Spanish one: "févr-2023", "dic-2022")
    r"(\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}|[^\W\d_]{3,9}\.?[- ]\d{4}|(?:the\s+)?\d{1,2}(?:st|nd|rd|th)?\s+(?:of\s+)?[A-Za-z]{3,9}\.?,?\s+(?:of\s+)?\d{4}"
    r"|[A-Za-z]{3,9}\.?\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4}|\d{4}(-\d{2}){0,2}|\d{4}(?P<ysep>[/.])\d{1,2}(?P=ysep)\d{1,2}"
    r"|\d{1,2}\s+de\s+[^\W\d_]{3,10}\s+de\s+\d{4}|\d{1,2}(?:er|\.)?\s+[^\W\d_]{3,12}\.?\s+\d{4}"
    r"|ongoing|en\s+cours|en\s+curso|em\s+curso|em\s+andamento)"
    r"(?:\s*г\.?)?"  # the Russian year mark: "15 октября 2023 г."
    # a time: "Tue, 14/05/2024 - 10:32", "July 3, 2024 at 2:15 pm", "Wed, 05 Apr 2023 09:14 GMT"
    r"(?:\s*[-–,|]?\s*(?:(?:at|à|a\s+las|às)\s+)?\d{1,2}[:h]\d{2}(?:\s*[ap]\.?\s?m\.?)?(?:\s*(?:GMT|UTC|CET|CEST)(?:[+-]\d{1,2})?)?)?\.?$",  # "Objavljeno: 14. lipnja 2023."
    re.I,
)

TERMINAL = re.compile(r"[.!?…]['\"’”)\]]*$")

WORD = re.compile(r"\w+")


@dataclass(frozen=True)
class Line:
    start: int  # offsets of the stripped content in the document text
    end: int
    text: str
    indented: bool = False  # the raw line starts with white space


def lines_of(text: str, start: int = 0, end: int | None = None) -> list[Line]:
    """Non-blank lines of text[start:end] with offsets of their stripped content."""
    out = []
    end = len(text) if end is None else end
    for m in re.finditer(r"[^\n]+", text[start:end]):
        raw = m.group()
        content = raw.strip()
        if content:
            s = start + m.start() + raw.index(content)
            out.append(Line(s, s + len(content), content, raw.index(content) > 0))
    return out


def is_prose(line: str) -> bool:
    n = len(WORD.findall(line))
    return n >= 40 or (n >= 12 and bool(TERMINAL.search(line)))
