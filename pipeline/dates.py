"""Calendar expressions in free text, normalised to ISO at the precision written.

Pure functions, no spaCy (EXTRACTION_SPEC.md § dates). `find_dates` works in
three passes:

1. *atoms*: every regex of the grammar proposes candidates (a day, a month, a
   year, a year pair, a season ...) and "blockers" propose spans that are not
   dates (action ids, COVID-19, money, counts); the leftmost-longest candidates
   win, so `Action 2022-21` hides its `2022`.
2. *expressions*: neighbouring atoms joined by a dash, `to`/`until` or
   `between … and` become one range ("23-24 May 2024", "from May to November
   2023"); `since X` becomes an open range.
3. *years*: a day or month written without a year takes the nearest explicit
   year before it in the same text, else `default_year`, else it is left out.

Invalid calendar values ("31 February 2023") come back as a `DateMatch` with
`error` set and no ISO values: this module never raises on text.
"""

from __future__ import annotations

import calendar
import re
import unicodedata
from dataclasses import dataclass, replace
from datetime import date
from functools import lru_cache

from babel import Locale

#: a bare 4-digit number is a year only within this span (spec: "numbers are not dates")
YEAR_MIN, YEAR_MAX = 1950, 2100
#: ... and from this year on right after a word of time ("Created in 1946", "since 1938")
EARLY_YEAR_MIN = 1900
_TIME_WORD_BEFORE = re.compile(r"\b(?:in|since|from|until|till|before|after)\s+$", re.I)
SEASONS = ("spring", "summer", "autumn", "fall", "winter")


@dataclass(frozen=True)
class DateMatch:
    """One calendar expression: `text[start:end]`, ISO bounds, or an error."""

    text: str
    start: int
    end: int
    iso_start: str | None
    iso_end: str | None  # None: open range ("since May 2021") or error
    error: str | None = None
    kind: str = "date"  # day, month, year (+ -range), part-of-month, part-of-year, season, decade, open-range, invalid


@dataclass(frozen=True)
class _Point:
    year: int | None = None
    month: int | None = None
    day: int | None = None
    written: bool = False  # the year is written in the text (not inferred)


@dataclass(frozen=True)
class _Atom:
    start: int
    end: int
    kind: str  # d, num-dm, num, dm, md, m, y, yr, decade, season, skip
    first: _Point
    last: _Point | None = None  # atoms that are ranges by themselves ("2022-2027")
    named_month: bool = False  # yearless month *name* only ("May"): needs a cue
    qualified: bool = False  # early / mid / end of ...


DASHES = "\\-\u2010\u2011\u2012\u2013\u2014\u2212"
_D = f"[{DASHES}]"
_L = r"(?<![\w.,/:€$£¥#])"  # not inside a larger number, amount or code
_RY = r"(?![\w%€$£]|[.,/:]\d)"  # after a year attached to a month or day
_RY_BARE = _RY + rf"(?!\s?{_D}\s?\d)"  # bare year: "2023-11" is an action id, not a year
_YEAR = r"(?:19|20)\d\d"
#: what may stand right before a month/year date ("in 07/2024", "Start: 11/2019", "10/2023 – 06/2024")
#: the prepositions a season or semester without a year comes after ("in the autumn", "During the second semester")
_SEASON_BEFORE = "(?:" + "|".join(rf"(?<=\b{w} )" for p in ("in", "during", "over", "by", "until", "till", "through",
                                                              "from", "since", "for") for w in (p, p.title())) + ")"
_MY_BEFORE = ("(?:" + "|".join(rf"(?<=\b{w} )" for w in ("in", "In", "since", "Since", "from", "From", "until", "Until",
                                                          "till", "to", "between", "and", "before", "after"))
              + r"|(?<=: )|(?<=:)|(?<=\n)|(?<![\s\S])|(?<=[–—-] )|(?<=[–—-])|(?<=\()|(?<=\n )|(?<=\n  ))")
#: the qualifiers of a year or month ("early 2022", "the second half of 2023") and the months each
#: covers ("late": September to December): one table for the grammar (`_QUAL`) and for ordering dates of
#: different precisions (`covered_days`; the value keeps the precision written, "2022")
_QUALIFIERS = (
    (r"early|beginning\s+of|start\s+of|first\s+quarter\s+of", 1, 3),
    (r"mid|middle\s+of", 5, 8),
    (r"late|end\s+of|fourth\s+quarter\s+of|last\s+quarter\s+of", 9, 12),
    (r"first\s+half\s+of", 1, 6),
    (r"second\s+half\s+of", 7, 12),
    (r"first\s+semester(?:\s+of)?", 1, 6),
    (r"second\s+semester(?:\s+of)?", 7, 12),
    (r"second\s+quarter\s+of", 4, 6),
    (r"third\s+quarter\s+of", 7, 9),
)
_QUAL = "(?i:" + "|".join(words for words, _, _ in _QUALIFIERS) + ")"
_Q = rf"(?:(?P<q>{_QUAL})[\s{DASHES}]+)?"
_QUAL_MONTHS = tuple((re.compile(rf"(?i)^(?:{words})"), lo, hi) for words, lo, hi in _QUALIFIERS)
# Not dates (spec: action ids, COVID-19, SDG numbers, money, counts, numbers).
_COUNTS = (
    "workers|people|participants|persons|institutions|employees|beneficiaries|members|jobs"
    "|staff|companies|enterprises|households|students|trainees|officials|inhabitants"
    "|job[\\s-]?seekers|counsell?ors|inspectors|pensions|pensioners|retirees|users|clients|children|women|men"
    "|youths|civil\\s+servants|teachers|trainers|farmers|migrants|refugees|respondents|vacancies"
    "|euros?|dollars?|eur|usd|per\\s?cent|percent|million|billion|thousand|hours|days|weeks|months|years"
)
_BLOCKERS = (
    rf"(?i:\b(?:actions?|code|act\.?|ref\.?|socieux\+?))[\s:#.{DASHES}]*(?i:n[o°º]\.?\s*)?\d{{4}}\s*[{DASHES}/]\s*\d{{1,2}}(?!\d)",
    rf"(?i:\b(?:covid|sars-cov)[{DASHES}\s]*\d+)",
    r"(?i:\bSDGs?\s*\d+)",
    r"(?:[€$£¥]|\b(?i:eur|usd|gbp|chf)\b\.?)\s?\d[\d.,]*",
    rf"(?<!\bin\s)(?<!\bIn\s)(?<!since\s)(?<!Since\s)\b\d[\d.,]*\s?(?:%|(?i:{_COUNTS})\b)",
    r"(?i:\b(?:n[o°º]\.|nr\.?|number|more\s+than|less\s+than|fewer\s+than|at\s+least)\s*#?)\d[\d.,]*",
    # telephone numbers: after a phone word or "+", or three or more space-separated digit groups
    r"(?i:\b(?:tel|phone|telephone|fax|mobile|helpline|hotline|call|whatsapp)\b\.?:?\s*)\+?[\d(][\d\s().-]{4,24}\d",
    r"(?:\(\+?\d{1,3}\)|\+\d{1,3})[\s.-]?\d[\d\s.-]{4,20}\d",
    r"(?<![\w.,/:-])\d{2,4}(?: \d{2,4}){2,}(?![\w.,/:-]?\d)",
    # an approximate quantity of something: "over 2000 job-seekers", "some 1500 new members"
    r"(?i:\b(?:over|about|around|some|nearly|almost|approximately|roughly|up\s+to)\s+)\d[\d.,]*(?=\s{1,3}[a-z][\w-]{0,20}s\b)",
)


@lru_cache(maxsize=1)
def month_names() -> dict[str, int]:
    """Lower-cased English month names and abbreviations (CLDR via babel), plus "sept"."""
    months = Locale("en").months["format"]
    names = {name.lower(): num for num, name in months["abbreviated"].items()}
    names["sept"] = 9
    names.update(_wide_names())
    return names


@lru_cache(maxsize=1)
def _wide_names() -> dict[str, int]:
    """Full month names only ("may" is both full and abbreviated)."""
    return {name.lower(): num for num, name in Locale("en").months["format"]["wide"].items()}


#: languages whose month names are read when a day or a year comes with them ("5 de mayo de 2023",
#: "Publié le 12 mars 2024", "julho de 2024", "25. oktober 2022": a news page's date line in the site's language)
FOREIGN_MONTH_LOCALES = ("es", "fr", "pt", "it", "de", "nl", "da", "sv", "nb", "fi", "et", "lv", "lt", "pl", "cs",
                         "sk", "sl", "hr", "hu", "ro", "bg", "el", "mt", "ga",  # the EU's languages, Norwegian,
                         "ru", "uk")  # and Russian and Ukrainian (partner pages of Eastern Europe and Central Asia)
#: the grammar's kinds that read those names
FOREIGN_KINDS = frozenset({"fdm", "fm"})


def _unaccented(name: str) -> str:
    """A name without its accents ("février" -> "fevrier")."""
    return "".join(c for c in unicodedata.normalize("NFKD", name) if not unicodedata.combining(c))


@lru_cache(maxsize=1)
def foreign_month_names() -> dict[str, int]:
    """Lower-cased full month names of FOREIGN_MONTH_LOCALES (CLDR via babel, also the genitive forms
    of a date: Croatian "14. lipnja 2023.") that are not English names and name one month in every
    language, with the accent-free spellings of the French ones ("fevrier") and "setiembre"."""
    names: dict[str, int] = {}
    clashes: set[str] = set()  # one name, two months: Croatian "listopad" is October, Polish and Czech November
    for locale in FOREIGN_MONTH_LOCALES:
        for context in ("format", "stand-alone"):
            for num, name in Locale(locale).months[context]["wide"].items():
                name = name.lower()
                if names.get(name, num) != num:
                    clashes.add(name)
                names[name] = num
                if locale == "fr":  # "fevrier", "aout", "decembre" ("marco" would be a word of its own)
                    names[_unaccented(name)] = num
    names["setiembre"] = 9
    return {name: num for name, num in names.items() if name not in month_names() and name not in clashes}


#: what stands between a month's abbreviation and its year: a dot and a space, a dash or a slash ("janv. 2023",
#: "févr-2023", "dic./2022")
_ABBR_BEFORE_YEAR = r"(?:\.\s*|\.?[-/])"
#: languages whose abbreviated month names are read before a year, as a catalogue's "mon-yyyy" values are written
#: on the site's other language pages ("févr-2023", "dic-2022", "set-2022", "janv. 2023")
ABBREVIATED_MONTH_LOCALES = ("es", "fr", "pt", "it")


@lru_cache(maxsize=1)
def foreign_month_abbreviations() -> dict[str, int]:
    """Lower-cased abbreviated month names of ABBREVIATED_MONTH_LOCALES (CLDR via babel, without their final dot;
    the French ones also without accents: "fevr") that are neither English names nor full foreign names and name
    one month in every language."""
    names: dict[str, int] = {}
    clashes: set[str] = set()
    for locale in ABBREVIATED_MONTH_LOCALES:
        for context in ("format", "stand-alone"):
            for num, name in Locale(locale).months[context]["abbreviated"].items():
                name = name.lower().rstrip(".")
                for form in {name, _unaccented(name)}:
                    if names.get(form, num) != num:
                        clashes.add(form)
                    names[form] = num
    taken = set(month_names()) | set(foreign_month_names())
    return {name: num for name, num in names.items() if name not in taken and name not in clashes and len(name) >= 3}


@lru_cache(maxsize=1)
def _foreign_months() -> dict[str, int]:
    return {**foreign_month_names(), **foreign_month_abbreviations()}


@lru_cache(maxsize=1)
def _grammar() -> tuple[tuple[str, re.Pattern[str]], ...]:
    """(kind, regex) of every atom, built once on first use (no import-time work)."""
    wide = set(_wide_names())
    alt = "|".join(sorted(wide, key=len, reverse=True))
    abbr = "|".join(sorted(set(month_names()) - wide, key=len, reverse=True))
    mon = rf"(?P<mon>(?i:{alt}|(?:{abbr})\.?)(?!\w))"
    day = r"(?P<d>\d{1,2})(?:st|nd|rd|th)?"
    foreign = "|".join(sorted(foreign_month_names(), key=len, reverse=True))
    fmon = rf"(?P<fmon>(?i:{foreign})(?!\w))"
    fabbr = "|".join(sorted(foreign_month_abbreviations(), key=len, reverse=True))
    rules = {
        # a foreign month name needs a day before it or a year after it: "5 de mayo de 2023", "1er avril",
        # "julho de 2024" (alone, "Julio" is a name)
        "fdm": [rf"{_L}(?P<d>\d{{1,2}})(?:er|º|°|\.)?(?:\s+de)?\s+{fmon}(?:,?\s+(?:de\s+)?(?P<y>{_YEAR}){_RY})?"],
        "fm": [rf"\b{fmon}(?:(?:\s+de)?\s+|\s*[-/]\s*)(?P<y>{_YEAR}){_RY}",
               # an abbreviation before its year, as in a catalogue's value ("févr-2023", "janv. 2023", "dic-2022")
               rf"\b(?P<fmon>(?i:{fabbr})){_ABBR_BEFORE_YEAR}(?P<y>{_YEAR}){_RY}",
               # a month before a dash and a month with its year: the range's first ("mayo – septiembre 2022")
               rf"\b{fmon}(?=(?:\s*[{DASHES}]\s*|\s+(?i:a|à|al|au|hasta|até|y|e|et)\s+)(?i:{foreign})(?:\s+de)?\s+"
               rf"{_YEAR})"],
        "num": [
            # ISO 2019-07-22, also with slashes or dots as some sites write it (2019/07/22, 2019.07.22)
            rf"{_L}(?P<y>{_YEAR})(?P<sep>[/.-])(?P<m>\d{{1,2}})(?P=sep)(?P<d>\d{{1,2}})(?![\w%]|[.,/:]\d)",
            rf"{_L}(?P<d>\d{{1,2}})(?P<sep>[/.-])(?P<m>\d{{1,2}})(?P=sep)(?P<y>{_YEAR}){_RY}",
        ],
        # month/year ("07/2024") only after a word of time, a label's colon, a range dash or at a line's start:
        # "Law 12/2019", "Decree No. 05/2021" are numbered texts
        "num-my": [rf"{_MY_BEFORE}(?P<m>0?[1-9]|1[0-2])/(?P<y>{_YEAR}){_RY}"],
        "yy": [rf"{_L}(?P<a>\d{{2}})/(?P<b>\d{{2}})(?![\w%]|[./:]?\d|\s*{_D}\s*\d)"],
        "num-dm": [rf"{_L}(?P<d>\d{{1,2}})[/.](?P<m>\d{{1,2}})(?![\w%]|[./:,]?\d)"],
        "dm": [rf"{_L}{day}(?:\s+of)?\s+{mon}(?:,?\s+(?:of\s+)?(?P<y>{_YEAR}){_RY})?"],  # "28 of September of 2023"
        "md": [
            rf"\b{mon}\s+{day}(?:\s*{_D}\s*(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?)?(?![\d:/])"
            rf"(?:,?\s+(?P<y>{_YEAR}){_RY})?",
            # a range with a word, ending at a year or a punctuation mark ("From April 1 to 12, the team …",
            # "between March 3 and 7, 2020"; not "April 1 to 12 inspectors")
            rf"\b{mon}\s+{day}\s+(?:to|and|through|until|till)\s+(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?(?![\d:/])"
            rf"(?:,?\s+(?P<y>{_YEAR}){_RY}|(?=\s*[,.;)]))",
        ],
        "m": [
            rf"\b{_Q}{mon}(?:\s*[,/.{DASHES}]\s*|\s+of\s+|\s+)(?P<y>{_YEAR}){_RY}",
            rf"\b{_Q}{mon}",
        ],
        "y": [rf"{_L}{_Q}(?P<y>\d{{4}}){_RY_BARE}"],
        "yr": [rf"{_L}(?P<y>\d{{4}})(?:\s*[/{DASHES}]\s*(?P<y2>\d{{4}})|[/{DASHES}](?P<yy>\d{{2}})){_RY_BARE}"],
        "decade": [rf"{_L}(?P<dec>(?:19|20)\d0)'?s\b"],
        "season": [
            # "winter of 2023-24" / "winter 2023/2024": a season across two years
            rf"\b{_Q}(?i:{'|'.join(SEASONS)})(?:\s+of)?\s+(?P<y>{_YEAR})"
            rf"(?:[/{DASHES}](?:(?P<yy>\d{{2}})|(?P<y2>{_YEAR})))?{_RY}",
            rf"\bQ[1-4]\s+(?P<y>{_YEAR}){_RY}",
            rf"\bQ[1-4](?=\s*[{DASHES}]\s*Q[1-4]\s+{_YEAR})",  # "Q2–Q3 2023": the second quarter's year
            # without a year, after a preposition: "in the autumn", "during the second semester" (the year is the
            # nearest one before it, or the date line's)
            # ... or after "this", "last" or "next" ("This autumn, the experts …")
            rf"(?:{_SEASON_BEFORE}(?i:the\s+)?|\b(?i:this|last|next)\s+)"
            rf"(?:(?i:{'|'.join(SEASONS)})|(?P<q>(?i:first|second))\s+(?i:semester))\b(?!\s+(?:of\s+)?\d)"
            # ... not a season's event ("the spring session of the council", "the summer school")
            r"(?!\s+(?i:session|sessions|school|schools|meeting|meetings|edition|intake|term|campaign|course)\b)",
        ],
        "d": [rf"{_L}{day}(?![\w%]|[.,/:]\d)"],
        "skip": list(_BLOCKERS),
    }
    return tuple((kind, re.compile(rx)) for kind, rxs in rules.items() for rx in rxs)


#: after a bare month abbreviation, a dash and a month with its year: the abbreviation opens that range
_RANGE_TO_DATED_MONTH = re.compile(rf"\.?\s*[{DASHES}]\s*[A-Z][a-z]{{2,8}}\.?\s+{_YEAR}\b")


def _atom(kind: str, m: re.Match[str]) -> _Atom | None:
    """Turn a regex match into an atom; None when it is no date after all."""
    g = {k: v for k, v in m.groupdict().items() if v is not None}
    year = int(g["y"]) if "y" in g else None
    month = month_names().get(g["mon"].lower().rstrip(".")) if "mon" in g else None
    if "fmon" in g:  # a foreign month name: read as the English forms are
        month, kind = _foreign_months()[g["fmon"].lower()], kind[1:]
    if "m" in g:
        month = int(g["m"])
    day = int(g["d"]) if "d" in g else None
    point = _Point(year, month, day, written=year is not None)
    last = None
    if "mon" in g and year is None:
        # "may" / "march" lower-case are verbs; a bare abbreviation ("Mar") needs a day or year
        if not g["mon"][0].isupper() or (day is None and g["mon"].lower() not in _wide_names()
                                         and not _RANGE_TO_DATED_MONTH.match(m.string, m.end())):
            return None  # ... but "Feb–Mar 2024", "Oct.–Dec. 2023": the range's dated month gives the year
    if kind == "y" and not YEAR_MIN <= year <= YEAR_MAX and not (
            EARLY_YEAR_MIN <= year < YEAR_MIN and _TIME_WORD_BEFORE.search(m.string, max(0, m.start() - 12), m.start())):
        return None  # a plain number, not a year (an earlier year only after a word of time: "Created in 1946")
    if kind == "season" and ("yy" in g or "y2" in g):
        kind = "yr"  # a season across two years spans both
    if kind == "yr":
        if "yy" in g:  # "2022/23": the second year must follow the first
            if int(g["yy"]) != (year + 1) % 100:
                return None
            y2 = year + 1
        else:
            y2 = int(g["y2"])
        if not (YEAR_MIN <= year <= YEAR_MAX and YEAR_MIN <= y2 <= YEAR_MAX):
            return None
        last = _Point(y2, written=True)
    elif kind == "yy":  # "22/23" → 2022, 2023 (second = first + 1)
        a, b = int(g["a"]), int(g["b"])
        if b != (a + 1) % 100:
            return None
        century = 2000 if a < 50 else 1900
        point, last = _Point(century + a, written=True), _Point(century + a + 1, written=True)
        kind = "yr"
    elif kind == "decade":  # spec: "a decade starts at its first year"
        first = int(g["dec"])
        point, last = _Point(first, written=True), _Point(first + 9, written=True)
    elif kind == "md" and "d2" in g:  # "May 23-24, 2024"
        last = replace(point, day=int(g["d2"]))
    return _Atom(m.start(), m.end(), kind, point, last, kind == "m" and year is None, "q" in g)


# -- where to look -------------------------------------------------------------------
# Every atom and blocker of the grammar contains a digit, a month name (each begins with
# its first three letters) or a season word: its *anchor*. With separator runs of at most
# 16 characters, no match starts more than ~65 characters before its first anchor
# ("second quarter of" and runs of spaces, "socieux+ n°") nor ends or looks ahead more
# than ~35 characters past its last one (suffixes, counts such as "beneficiaries"), and
# text the regexes peek at that holds an anchor is inside that anchor's own window. So
# the regexes only run on windows around anchors, merged when they overlap, and find
# exactly what a scan of the whole text finds, in the same order; a text with a longer
# separator run, or with characters that (?i) folds but str.lower() does not, is
# scanned whole.
_BEFORE, _AFTER = 80, 40
_DIGITS = re.compile(r"\d+")
_LONG_RUN = re.compile(rf"[\s:#.,/{DASHES}]{{17,}}")
_FOLDED = re.compile("[\u017f\u212a\u0130\u0131]")  # long s, Kelvin sign, dotted/dotless i


@lru_cache(maxsize=1)
def _anchor_words(foreign: bool = False) -> tuple[str, ...]:
    """Substrings every atom holds one of: an English month's first three letters, a season, and with
    `foreign` a Spanish, French or Portuguese month's whole name (three letters, "out", "set", "ene",
    would open windows all over English text)."""
    words = {name[:3] for name in month_names()} | set(SEASONS) | {"semester"}
    return tuple(sorted(words | set(foreign_month_names()) if foreign else words))


@lru_cache(maxsize=1)
def _foreign_month_re() -> re.Pattern[str]:
    """A foreign month name as a word, in lower-cased text (one cheap scan decides whether a text
    needs the foreign-month rules at all)."""
    return re.compile(r"(?<!\w)(?:%s)(?!\w)" % "|".join(sorted(foreign_month_names(), key=len, reverse=True)))


@lru_cache(maxsize=1)
def _foreign_abbreviation_re() -> re.Pattern[str]:
    """A foreign month's abbreviation before a year ("févr-2023"), in lower-cased text."""
    abbr = "|".join(sorted(foreign_month_abbreviations(), key=len, reverse=True))
    return re.compile(rf"(?<!\w)(?:{abbr}){_ABBR_BEFORE_YEAR}\d{{4}}")


def _has_foreign_month(low: str) -> bool:
    return _foreign_month_re().search(low) is not None or _foreign_abbreviation_re().search(low) is not None


def _windows(text: str, foreign: bool = False, low: str | None = None) -> list[tuple[int, int]]:
    """Character windows of `text` that hold every match of the grammar (see above); `low`: the text
    lower-cased, when the caller has it."""
    whole = [(0, len(text))]
    if _LONG_RUN.search(text) or (not text.isascii() and _FOLDED.search(text)):
        return whole
    low = text.lower() if low is None else low
    if len(low) != len(text):
        return whole
    spots = [m.span() for m in _DIGITS.finditer(text)]
    for word in _anchor_words(foreign):
        i = low.find(word)
        while i >= 0:
            spots.append((i, i + len(word)))
            i = low.find(word, i + 1)
    spots.sort()
    windows: list[tuple[int, int]] = []
    for start, end in spots:
        start, end = max(0, start - _BEFORE), min(len(text), end + _AFTER)
        if windows and start <= windows[-1][1]:
            windows[-1] = (windows[-1][0], max(windows[-1][1], end))
        else:
            windows.append((start, end))
    return windows


def _atoms(text: str) -> list[_Atom]:
    """Leftmost-longest atoms; blockers win ties and hide the dates they cover."""
    found: list[tuple[int, int, int, re.Match[str], str]] = []
    low = text.lower()
    foreign = _has_foreign_month(low)
    windows = _windows(text, foreign, low)
    for kind, rx in _grammar():
        if kind in FOREIGN_KINDS and not foreign:
            continue  # no Spanish, French or Portuguese month name in the text: those rules find nothing
        for pos, endpos in windows:
            for m in rx.finditer(text, pos, endpos):
                if m.end() > m.start():
                    found.append((m.start(), -(m.end() - m.start()), kind != "skip", m, kind))
    found.sort(key=lambda c: c[:3])
    chosen: list[_Atom] = []
    last_end = -1
    for start, _, _, m, kind in found:
        if start < last_end:
            continue
        atom = None if kind == "skip" else _atom(kind, m)
        if kind == "skip" or atom is not None:
            last_end = m.end()
            if atom is not None:
                chosen.append(atom)
    return chosen


#: a weekday before a day of a range ("from Monday 9 to Friday 13 September 2024")
_WEEKDAY = (r"(?:(?i:monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tues?|wed|thu(?:rs?)?|fri|sat|sun)"
            r"\.?,?\s+)?")
_CONNECTORS = (
    ("dash", re.compile(rf"\s*{_D}\s*{_WEEKDAY}")),
    # "between mid-March and the end of April 2023", "from May to the end of June"
    # ... and the site's Spanish and French pages: "del 6 al 8 de marzo de 2023", "du 6 au 8 mars 2023"
    # ... "de marzo a junio de 2023", "de mars à juin 2023", "entre março e junho de 2023"
    ("to", re.compile(rf"\s+(?i:to|until|till|through|al|au|a|à|hasta|até)\s+(?:(?i:the)\s+)?{_WEEKDAY}")),
    ("and", re.compile(rf"\s+(?i:and|y|e|et)\s+(?:(?i:the)\s+)?{_WEEKDAY}")),
    ("list", re.compile(r"\s*,\s*(?:and\s+|or\s+)?|\s+(?:or|&)\s+")),
)
_PREFIX = re.compile(rf"\b(?i:(from|since|between|de|del|du|desde|depuis|entre|a\s+partir\s+de))\s+(?:(?i:the|el)\s+)?"
                     rf"{_WEEKDAY}$")
#: the prefixes of the site's Spanish, French and Portuguese pages, as their English words
_PREFIX_WORDS = {"de": "from", "del": "from", "du": "from", "desde": "since", "depuis": "since", "entre": "between"}
_ONWARDS = re.compile(r"\s+(?i:onwards?|to\s+date|to\s+the\s+present|until\s+now)\b"
                      r"|\s*\((?i:ongoing|on-going|en\s+cours|en\s+curso|em\s+curso|to\s+date|continuing)\)"
                      r"|\s*[–—-]\s*(?i:ongoing|on-going|to\s+date|today)\b")
_MONTH_CUE = re.compile(r"\b(?i:in|on|since|from|to|until|till|by|during|through|before|after|of|for|last|this)\s+$")


def _precision(p: _Point) -> str:
    return "day" if p.day is not None else "month" if p.month is not None else "year"


def _key(p: _Point) -> tuple[int, int]:
    return (p.month or 0, p.day or 0)


def _fill(a: _Point, b: _Point) -> tuple[_Point, _Point]:
    """Complete a range's ends from each other ("23-24 May 2024", "30 Dec - 2 Jan 2024")."""
    if a.month is None and a.day is not None:
        a = replace(a, month=b.month)
    if a.year is None and b.year is not None:
        a = replace(a, year=b.year - (_key(a) > _key(b)))
    elif b.year is None and a.year is not None:
        b = replace(b, year=a.year + (_key(b) < _key(a)))
    return a, b


def _mergeable(a: _Atom, b: _Atom, conn: str | None, prefix: str | None) -> bool:
    if conn is None or conn == "list" or (conn == "and" and prefix != "between"):
        return False
    if a.last is not None or b.last is not None or b.kind in ("d", "num-dm"):
        return False
    if a.kind == "d":
        return b.first.day is not None and b.first.month is not None
    if a.kind == "num-dm":
        return b.kind == "num"
    if conn == "dash" and a.kind == "y":
        return False  # "2021 - 5 May"; year ranges are atoms
    if prefix in ("from", "between") and conn in ("to", "and") and a.first.year is not None and b.first.year is not None:
        return True  # a span with both ends' years, of any precisions: "from mid-2022 to January 2023"
    return _precision(a.first) == _precision(b.first)


def _listed_days(text: str, atoms: list[_Atom], i: int) -> tuple[list[_Expr], int] | None:
    """Bare days listed before a day with a month: "3, 10 and 17 March 2021" → three days;
    consecutive days ("on 25 and 26 April 2023", "on 3, 4 and 5 July 2023") → one day range, as
    "25-26 April 2023" is. With the number of atoms used; None when the days end in no
    day-and-month date."""
    j = i
    while j + 1 < len(atoms) and atoms[j].kind == "d" and atoms[j].last is None:
        gap = text[atoms[j].end : atoms[j + 1].start]
        if not _is_listing_gap(gap):
            return None
        j += 1
    end = atoms[j]
    if j == i or end.kind != "dm" or end.last is not None or end.first.month is None:
        return None
    days = atoms[i:j]
    run = [d.first.day for d in days] + [end.first.day]
    if end.first.day is not None and all(b is not None and a is not None and b - a == 1 for a, b in zip(run, run[1:])):
        # consecutive days: "25 and 26 April 2023", "3, 4 and 5 July 2023" are one span
        first, _ = _fill(days[0].first, end.first)
        return [_Expr(days[0].start, end.end, "day-range", first, end.first)], len(days) + 1
    points = [(d, _fill(d.first, end.first)[0]) for d in days]
    out = [_Expr(d.start, d.end, "day", point, point) for d, point in points]
    return out + [_Expr(end.start, end.end, "day", end.first, end.first)], len(days) + 1


def _is_listing_gap(gap: str) -> bool:
    """The text between two listed items: ", ", " and ", ", and ", " or "."""
    return any(name in ("and", "list") and rx.fullmatch(gap) for name, rx in _CONNECTORS)


def _consecutive_months(a: _Atom, b: _Atom | None, conn: str | None) -> bool:
    """Two consecutive months joined by "and" are one span, as two consecutive days are
    ("25 and 26 April 2023"); other listed months stay separate ("March and June 2022")."""
    if b is None or conn != "and" or a.kind != "m" or b.kind != "m" or a.last or b.last or a.qualified or b.qualified:
        return False
    if a.first.year is not None and b.first.year is not None and a.first.year != b.first.year:
        return False
    return a.first.month is not None and b.first.month == a.first.month + 1


def _after_listed_month(text: str, out: list["_Expr"], a: _Atom) -> bool:
    """A month name right after a listed month ("in March and June", "in May, July and
    September") takes that month's cue."""
    if not out or out[-1].first.month is None or out[-1].kind not in ("month", "month-range"):
        return False
    gap = text[out[-1].end : a.start]
    return _is_listing_gap(gap)


def _iso(p: _Point) -> str:
    """ISO string at the point's precision; ValueError with a readable reason if invalid."""
    if p.month is None:
        return f"{p.year:04d}"
    if not 1 <= p.month <= 12:
        raise ValueError(f"month {p.month} does not exist")
    if p.day is None:
        return f"{p.year:04d}-{p.month:02d}"
    last_day = calendar.monthrange(p.year, p.month)[1]
    if not 1 <= p.day <= last_day:
        raise ValueError(f"day {p.day} does not exist in {calendar.month_name[p.month]} {p.year}")
    return f"{p.year:04d}-{p.month:02d}-{p.day:02d}"


def _bounds(p: _Point) -> tuple[date, date]:
    """First and last calendar day a point covers (to check start <= end)."""
    month_from, month_to = (p.month, p.month) if p.month else (1, 12)
    last = calendar.monthrange(p.year, month_to)[1]
    return date(p.year, month_from, p.day or 1), date(p.year, month_to, p.day or last)


@dataclass(frozen=True)
class _Expr:
    start: int
    end: int
    kind: str
    first: _Point
    last: _Point | None  # None: open range


def _expressions(text: str, atoms: list[_Atom]) -> list[_Expr]:
    """Join atoms into ranges and open ranges; drop atoms that are no date on their own."""
    out: list[_Expr] = []
    i = 0
    while i < len(atoms):
        a = atoms[i]
        b = atoms[i + 1] if i + 1 < len(atoms) else None
        pm = _PREFIX.search(text, max(0, a.start - 16), a.start)
        prefix = pm.group(1).lower() if pm else None
        if prefix is not None:
            prefix = "since" if prefix.startswith("a") else _PREFIX_WORDS.get(prefix, prefix)  # "a partir de"
        gap = text[a.end : b.start] if b else ""
        conn = next((name for name, rx in _CONNECTORS if b and rx.fullmatch(gap)), None)
        if b and _mergeable(a, b, conn, prefix):
            first, last = _fill(a.first, b.first)
            # "from May to November 2023" keeps "from"; "from 18-20 November 2024" does not
            start = pm.start() if pm and conn in ("to", "and") and prefix != "since" else a.start
            out.append(_Expr(start, b.end, f"{_precision(first)}-range", first, last))
            i += 2
            continue
        i += 1
        first = a.first
        if a.kind == "d":
            listed = _listed_days(text, atoms, i - 1)
            if listed is not None:  # "25 and 26 April 2023", "3, 10 and 17 March 2021"
                exprs, consumed = listed
                out.extend(exprs)
                i += consumed - 1
                continue
        if a.kind in ("d", "num-dm"):
            continue  # a bare day needs a month: "25 workers"
        listed = (conn in ("list", "and") and first.year is None and b.first.year is not None
                  and _precision(first) == _precision(b.first))  # "March and June 2022"
        if a.named_month and not a.qualified and prefix is None and not listed and not _MONTH_CUE.search(
                text, max(0, a.start - 10), a.start) and not _after_listed_month(text, out, a):
            continue  # "May" without a cue may be the verb
        if _consecutive_months(a, b, conn):  # "in February and March", "January and February 2024"
            first, last = _fill(a.first, b.first)
            out.append(_Expr(a.start, b.end, "month-range", first, last))
            i += 1
            continue
        if listed:
            first = replace(first, year=b.first.year)
        if prefix == "since" and a.kind != "yr":  # spec: "since May 2021" → end null
            out.append(_Expr(pm.start(), a.end, "open-range", first, None))
            continue
        onwards = _ONWARDS.match(text, a.end)
        if prefix == "from" and onwards and a.last is None:  # "from March 2022 onwards"
            out.append(_Expr(pm.start(), onwards.end(), "open-range", first, None))
            continue
        kinds = {"num": "day", "dm": "day", "md": "day", "m": "month", "y": "year", "yr": "year-range"}
        kind = kinds.get(a.kind, a.kind)
        if a.kind == "md" and a.last is not None:
            kind = "day-range"
        elif a.qualified and a.kind in ("m", "y"):
            kind = "part-of-month" if first.month else "part-of-year"
        out.append(_Expr(a.start, a.end, kind, first, a.last or first))
    return out


def find_dates(text: str, default_year: int | None = None) -> list[DateMatch]:
    """Every calendar expression in `text`, in text order (spec § dates).

    `default_year` (a news item's date-line year) completes a day or month
    written without a year when no explicit year precedes it in `text`.
    Returns non-overlapping matches with char offsets into `text`; invalid
    calendar values have `error` set and no ISO values. Never raises on text.
    """
    results: list[DateMatch] = []
    if default_year is None and not _DIGITS.search(text):
        return results  # every expression of the grammar needs a digit or a default year
    context = None  # the nearest explicit year so far
    for e in _expressions(text, _atoms(text)):
        first, last = e.first, e.last
        year = context if context is not None else default_year
        if first.year is None:
            if year is None:
                continue  # spec: with no year before it, the expression is left out
            first = replace(first, year=year)
            if last is not None:
                first, last = _fill(first, last)
        written = [p.year for p in (first, last) if p is not None and p.written]
        surface = text[e.start : e.end]
        try:
            iso_start = _iso(first)
            iso_end = _iso(last) if last is not None else None
            if last is not None and _bounds(first)[0] > _bounds(last)[1]:
                raise ValueError("the range ends before it starts")
            results.append(DateMatch(surface, e.start, e.end, iso_start, iso_end, None, e.kind))
        except ValueError as exc:
            results.append(DateMatch(surface, e.start, e.end, None, None, f"invalid date {surface!r}: {exc}", "invalid"))
        if written:
            context = written[-1]
    return results


#: words a date's text may open with before its qualifier ("until the end of 2022")
_LEADING_WORDS = re.compile(r"(?i)^(?:(?:from|since|until|till|in|by|to|the)\s+)+")
#: the months a season covers, for ordering only (its value is the year: "spring 2022" → 2022, ending before
#: "from 10 to 14 October 2022"); winter spans two years and keeps the whole year
_SEASON_MONTHS = tuple((re.compile(rf"(?i)^(?:{words})\b"), lo, hi) for words, lo, hi in (
    (r"spring|primavera|printemps", 3, 5),
    (r"summer|verano|verão|été", 6, 8),
    (r"autumn|fall|otoño|outono|automne", 9, 11),
))


def covered_days(text: str, iso_start: str, iso_end: str | None = None) -> tuple[str, str]:
    """(first day, last day) a date covers, as ISO days, to order dates of different precisions: "2022"
    covers 2022-01-01 to 2022-12-31, "May 2022" 2022-05-01 to 2022-05-31, "late 2022" (its text opens
    with a qualifier) 2022-09-01 to 2022-12-31, "spring 2022" 2022-03-01 to 2022-05-31. Day 31 stands for a
    month's last day: only the order counts."""
    first_month, last_month = 1, 12
    for pattern, lo, hi in _QUAL_MONTHS + _SEASON_MONTHS:
        if pattern.match(_LEADING_WORDS.sub("", text.strip())):
            first_month, last_month = lo, hi
            break
    end = iso_end or iso_start

    def pad(iso: str, month: int, day: str) -> str:
        return iso + (f"-{month:02d}-{day}" if len(iso) == 4 else f"-{day}" if len(iso) == 7 else "")

    return pad(iso_start, first_month, "01"), pad(end, last_month, "31")
