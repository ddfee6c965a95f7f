"""Synthetic SOCIEUX+ corpus for benchmarks: real records of corpus/ recombined, never copied.

Every synthetic record is built from the parts of the real records that
`pipeline.records` splits out of corpus/*.txt:

- its title, partner institution and types-of-assistance line are drawn from
  the pools of real ones (shuffled: a title travels with another record's
  institution and types);
- its description is a shuffled draw of description *sentences* across all
  records, as many as a real record has (the count is drawn from the real
  distribution);
- the countries it names are swapped: every country name or demonym (pycountry
  names, countryinfo demonyms) is mapped, consistently within the record, to
  another country's name or demonym, so partner and expert countries vary.

About one record in ten is written in the labelled layout (`Start activities`,
`End activities`, `Code` values from a synthetic calendar) and a small share as
news items (one file each, date line, optional reference tag), so that every
code path of the pipeline (fields, tags, periods) is exercised. Listings are
written as files of `--per-file` records, streamed: memory does not grow with
the corpus size. The same seed and corpus always give the same files.

    python bench/synth.py outputs/bench/synth_10000 --records 10000
"""

from __future__ import annotations

import argparse
import random
import re
import sys
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import lru_cache
from pathlib import Path
from typing import Iterator

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from pipeline.documents import read_corpus  # noqa: E402
from pipeline.records import RawRecord  # noqa: E402
from pipeline.split import split_document  # noqa: E402

SENTENCE = re.compile(r"(?<=[.!?])\s+(?=[A-Z\"“(])")
MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")


@dataclass
class Pools:
    """The parts of the real records that synthetic records are drawn from."""

    titles: list[str] = field(default_factory=list)
    institutions: list[str | None] = field(default_factory=list)
    types: list[str | None] = field(default_factory=list)
    sentences: list[str] = field(default_factory=list)
    sentence_counts: list[int] = field(default_factory=list)
    news_sentences: list[str] = field(default_factory=list)


def _field_text(rec: RawRecord, name: str) -> str | None:
    span = rec.fields.get(name)
    return rec.text[span[0] : span[1]] if span else None


def read_pools(corpus_dir: Path) -> Pools:
    """Split the real corpus and pool its titles, institutions, types lines and sentences."""
    pools = Pools()
    for doc in read_corpus(corpus_dir):
        if isinstance(doc, Exception):
            continue
        for rec in split_document(doc):
            sentences = [s.strip() for s in SENTENCE.split(" ".join((rec.description or "").split())) if s.strip()]
            if rec.kind == "news":
                pools.news_sentences.extend(sentences)
                continue
            pools.titles.append(rec.title)
            pools.institutions.append(rec.partner_institution)
            pools.types.append(_field_text(rec, "assistance_types"))
            pools.sentences.extend(sentences)
            pools.sentence_counts.append(max(1, len(sentences)))
    if not pools.titles or not pools.sentences:
        raise SystemExit(f"{corpus_dir}: no listing records to recombine; pass --corpus DIR with SOCIEUX+ listings")
    pools.news_sentences = pools.news_sentences or pools.sentences
    return pools


# -- country swapping --------------------------------------------------------
@dataclass(frozen=True)
class Countries:
    """Country names and demonyms by ISO code, and one regex finding any of them."""

    names: dict[str, str]
    demonyms: dict[str, str]
    code_of: dict[str, tuple[str, str]]  # surface form -> (code, "name" | "demonym")
    pattern: re.Pattern[str]


@lru_cache(maxsize=1)
def countries() -> Countries:
    """pycountry names (common name when there is one) and countryinfo demonyms."""
    import pycountry
    from countryinfo import CountryInfo

    names, demonyms = {}, {}
    for c in pycountry.countries:
        try:
            demonym = (CountryInfo(c.alpha_2).info().get("demonym") or "").split(",")[0].strip()
        except (KeyError, ValueError):
            continue
        name = getattr(c, "common_name", None) or c.name
        if demonym and "," not in name:
            names[c.alpha_2], demonyms[c.alpha_2] = name, demonym
    code_of = {n: (code, "name") for code, n in names.items()}
    code_of.update({d: (code, "demonym") for code, d in demonyms.items() if d not in code_of})
    alternation = "|".join(re.escape(s) for s in sorted(code_of, key=len, reverse=True))
    return Countries(names, demonyms, code_of, re.compile(rf"(?<!\w)(?:{alternation})(?!\w)"))


def swap_countries(texts: list[str], rng: random.Random) -> list[str]:
    """The texts with every country name / demonym replaced by another country's, one mapping for all."""
    c = countries()
    codes = sorted(c.names)
    mapping: dict[str, str] = {}

    def replace(m: re.Match[str]) -> str:
        code, form = c.code_of[m.group()]
        if code not in mapping:
            mapping[code] = rng.choice(codes)
        target = mapping[code]
        return c.names[target] if form == "name" else c.demonyms[target]

    return [c.pattern.sub(replace, t) for t in texts]


# -- records -----------------------------------------------------------------
def _date_value(rng: random.Random, day: date) -> str:
    """A labelled field's date, as the catalogue writes them (`14/03/2022`, `mar-2019`)."""
    if rng.random() < 0.5:
        return f"{day.day:02d}/{day.month:02d}/{day.year}"
    return f"{MONTHS[day.month - 1]}-{day.year}"


def listing_record(pools: Pools, rng: random.Random, labelled: bool) -> str:
    """One listing record (bullet layout, or labelled layout when `labelled`)."""
    sentences = rng.sample(pools.sentences, min(len(pools.sentences), rng.choice(pools.sentence_counts)))
    parts = [rng.choice(pools.titles), rng.choice(pools.institutions) or "", rng.choice(pools.types) or "", " ".join(sentences)]
    title, institution, types, description = swap_countries(parts, rng)
    if not labelled:
        body = [line for line in (institution, types, description) if line]
        return f"  • {title}\n\n" + "".join(f"    {line}\n" for line in body)
    start = date(rng.randint(2016, 2025), rng.randint(1, 12), rng.randint(1, 28))
    # the end month is at least one month after the start: a period never ends before it starts
    end = "Ongoing" if rng.random() < 0.2 else _date_value(rng, start + timedelta(days=rng.randint(32, 700)))
    fields = [
        ("Start activities", _date_value(rng, start)), ("End activities", end),
        ("Partner Institution", institution), ("Type of Assistance", types),
        ("Code", f"{start.year}-{rng.randint(1, 40):02d}"), ("Description", description),
    ]
    lines = [line for label, value in fields for line in (label, value) if line]
    return f"  • {title}\n\n" + "".join(f"    {line}\n" for line in lines)


def news_item(pools: Pools, rng: random.Random) -> str:
    """One news item: date line, headline, shuffled body sentences, optional reference tag."""
    year = rng.randint(2016, 2025)
    count = min(len(pools.news_sentences), rng.randint(6, 14))
    body = rng.sample(pools.news_sentences, count)
    title, *body = swap_countries([rng.choice(pools.titles), *body], rng)
    paragraphs = [" ".join(body[i : i + 2]) for i in range(0, len(body), 2)]
    lines = [f"{rng.randint(1, 28):02d}/{rng.randint(1, 12):02d}/{year}", title, *paragraphs]
    if rng.random() < 0.5:
        country = rng.choice(sorted(countries().names.values())).upper()
        day = rng.randint(1, 20)
        lines.append(f"SOCIEUX+ {year}-{rng.randint(1, 40):02d} {country}, ACT. {rng.randint(1, 4)} "
                     f"({day:02d}.{rng.randint(1, 12):02d} – {day + 5:02d}.{rng.randint(1, 12):02d}.{year})")
    return "\n".join(lines) + "\n"


def records(pools: Pools, n: int, seed: int, labelled_share: float, news_share: float) -> Iterator[tuple[str, str]]:
    """(kind, text) of n synthetic records, deterministic for a seed."""
    rng = random.Random(seed)
    for _ in range(n):
        if rng.random() < news_share:
            yield "news", news_item(pools, rng)
        else:
            yield "listing", listing_record(pools, rng, rng.random() < labelled_share)


def generate(out_dir: Path, n: int, *, corpus_dir: Path = ROOT / "corpus", per_file: int = 1000, seed: int = 0,
             labelled_share: float = 0.1, news_share: float = 0.01) -> int:
    """Write n records under out_dir (listing files of `per_file` records, one file per news item)."""
    out_dir.mkdir(parents=True, exist_ok=True)
    pools = read_pools(corpus_dir)
    listing_no = news_no = 0
    buffer: list[str] = []

    def flush() -> None:
        nonlocal listing_no, buffer
        if buffer:
            (out_dir / f"synth_{listing_no:05d}.txt").write_text(f"Actions (synthetic {listing_no})\n" + "".join(buffer), encoding="utf-8")
            listing_no, buffer = listing_no + 1, []

    for kind, text in records(pools, n, seed, labelled_share, news_share):
        if kind == "news":
            (out_dir / f"synth_news_{news_no:06d}.txt").write_text(text, encoding="utf-8")
            news_no += 1
            continue
        buffer.append(text)
        if len(buffer) >= per_file:
            flush()
    flush()
    return n


def ensure(out_dir: Path, n: int, **kwargs) -> Path:
    """Generate the corpus unless out_dir already holds one of this size (stamp file)."""
    stamp = out_dir / ".synth"
    want = f"{n} {sorted(kwargs.items())}"
    if not (stamp.exists() and stamp.read_text() == want):
        if out_dir.exists():
            for p in out_dir.glob("synth_*.txt"):
                p.unlink()
        generate(out_dir, n, **kwargs)
        stamp.write_text(want)
    return out_dir


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("out_dir", type=Path)
    ap.add_argument("--records", type=int, default=1000)
    ap.add_argument("--per-file", type=int, default=1000)
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--corpus", type=Path, default=ROOT / "corpus")
    ap.add_argument("--labelled-share", type=float, default=0.1)
    ap.add_argument("--news-share", type=float, default=0.01)
    a = ap.parse_args(argv)
    ensure(a.out_dir, a.records, corpus_dir=a.corpus, per_file=a.per_file, seed=a.seed,
           labelled_share=a.labelled_share, news_share=a.news_share)
    print(f"{a.records} records in {a.out_dir}")


if __name__ == "__main__":
    main()
