"""WindowedMatcher (pipeline/components/base.py): the matches of spaCy's Matcher, in the same order."""

from __future__ import annotations

import re

import pytest
import srsly
from spacy.language import Language
from spacy.matcher import Matcher

from pipeline.components.base import WindowedMatcher, doc_lowers, hyphen_variants, sentence_span
from pipeline.documents import discover, read_document
from pipeline.paths import CORPUS_DIR, PATTERNS_DIR
from pipeline.split import split_document

PATTERN_FILES = ["formats", "delivery", "action_ids", "period", "experts", "partner"]


@pytest.fixture(scope="module")
def record_docs(nlp: Language) -> list:
    texts = [r.text for p in discover(CORPUS_DIR) for r in split_document(read_document(p))]
    return [nlp.make_doc(t) for t in texts]


def both(nlp: Language, patterns: list[tuple]) -> tuple[WindowedMatcher, Matcher]:
    """A WindowedMatcher and a spaCy Matcher of the same (key, pattern[, anchor_at]) entries (the Matcher given
    each pattern's hyphen variants, as the WindowedMatcher adds them)."""
    windowed, stock = WindowedMatcher(nlp.vocab), Matcher(nlp.vocab)
    for key, pattern, *anchor_at in patterns:
        windowed.add(key, pattern, *anchor_at)
        for variant, _ in hyphen_variants(pattern):
            stock.add(key, [variant])
    return windowed, stock


@pytest.mark.parametrize("name", PATTERN_FILES)
def test_same_matches_as_matcher_on_corpus_records(nlp: Language, record_docs: list, name: str) -> None:
    entries = [e for e in srsly.read_jsonl(PATTERNS_DIR / f"{name}.jsonl") if "pattern" in e]
    windowed, stock = both(nlp, [(e["id"], e["pattern"], e.get("anchor_at")) for e in entries])
    assert windowed.windowed  # every pattern file is anchored: no fall-back to the whole doc
    total = 0
    for doc in record_docs:
        got = windowed(doc)
        assert got == list(stock(doc))
        total += len(got)
    assert total > 0


@pytest.mark.parametrize("name", PATTERN_FILES)
def test_match_set_is_the_set_of_matcher_matches(nlp: Language, record_docs: list, name: str) -> None:
    """`match_set` (one sub-matcher per anchor word, for callers that sort) finds every match of
    `Matcher`, each once, ordered by start, end and pattern; a second pass (sub-matchers cached)
    gives the same."""
    entries = [e for e in srsly.read_jsonl(PATTERNS_DIR / f"{name}.jsonl") if "pattern" in e]
    windowed, stock = both(nlp, [(e["id"], e["pattern"], e.get("anchor_at")) for e in entries])
    first = {}
    for i, e in enumerate(entries):
        first.setdefault(nlp.vocab.strings[e["id"]], i)
    total = 0
    for doc in record_docs:
        expected = sorted(set(stock(doc)), key=lambda m: (m[1], m[2], first[m[0]]))
        assert windowed.match_set(doc) == expected
        assert windowed.match_set(doc) == expected
        total += len(expected)
    assert total > 0
    # the sub-matchers are those of the anchor words: bounded by the pattern file, not by the records
    assert len(windowed._cache) <= len({tuple(ix) for ix, _, _ in windowed.anchors.values()}) + len(windowed.regex_anchors)


def test_anchor_named_by_the_pattern_file(nlp: Language) -> None:
    """`anchor_at` picks the rarer token to look for first: same matches, other windows."""
    pattern = [{"LOWER": {"IN": ["study", "assessment"]}}, {"IS_ALPHA": True, "OP": "{0,3}"},
               {"LOWER": {"IN": ["is", "are"]}}, {"LOWER": {"IN": ["planned", "foreseen", "scheduled"]}}]
    default, stock = both(nlp, [("not-assessment", pattern)])
    chosen, _ = both(nlp, [("not-assessment", pattern, 3)])
    doc = nlp.make_doc("A study was made. An assessment of the law is planned for 2024. A study of wages.")
    assert chosen(doc) == default(doc) == list(stock(doc)) and len(chosen(doc)) == 1
    assert len(chosen.windows(doc)) == 1 < len(default.windows(doc))  # only "planned" opens a window


def test_regex_anchor_windows_around_matching_words_only(nlp: Language) -> None:
    windowed, stock = both(nlp, [("noun", [{"LOWER": {"REGEX": "^e+x+p+e+r+t+s?$"}}, {"LOWER": "from"}])])
    doc = nlp.make_doc("Two expperts from Spain and one Expert from Peru; the export from Chile.")
    assert [doc[s:e].text for _, s, e in windowed(doc)] == ["expperts from", "Expert from"]
    assert windowed(doc) == list(stock(doc))
    assert len(windowed.windows(doc)) == 2  # "export" opens no window


def test_regions_keep_every_match_touching_them(nlp: Language) -> None:
    windowed, _ = both(nlp, [("in", [{"LOWER": "in"}, {"LOWER": "the", "OP": "?"}]),
                             ("visit", [{"LOWER": "visit"}, {"LOWER": "to"}])])
    doc = nlp.make_doc("A workshop in Lima, a study visit to Spain and training in the Netherlands.")
    every = windowed(doc)
    near_spain = [(s, e) for _, s, e in windowed(doc, regions=[(8, 9)])]  # token 8 "to", 9 "Spain"
    assert near_spain == [(7, 9)]  # "visit to"; the "in" matches far from Spain are left out
    assert len(every) == 4 and set(near_spain) <= {(s, e) for _, s, e in every}
    assert windowed(doc, regions=[]) == []


def test_lowers_are_cached_per_doc(nlp: Language) -> None:
    doc = nlp.make_doc("Experts from France")
    assert doc_lowers(doc) is doc_lowers(doc)
    assert [nlp.vocab.strings[h] for h in doc_lowers(doc)] == ["experts", "from", "france"]


@pytest.mark.parametrize(
    ("text", "at", "sentence"),
    [
        ("Trained by Mr. J. Lindberg of St. Vincent and the Grenadines. The experts came.", "Lindberg",
         "Trained by Mr. J. Lindberg of St. Vincent and the Grenadines"),
        ("The experts came. Law No. 6 of 2010 was amended; it took effect.", "amended", " Law No. 6 of 2010 was amended"),
        ("It ended in Dec. the next year. Then the study.", "next", "It ended in Dec. the next year"),
        ("The experts came. Then the study.", "study", " Then the study."),
    ],
)
def test_sentence_span_skips_abbreviations_and_initials(text: str, at: str, sentence: str) -> None:
    assert text[slice(*sentence_span(text, text.index(at)))] == sentence


@pytest.mark.parametrize("text, cased, expected", [
    ("Ms", True, True), ("Dr.", True, True), ("Mme", True, True), ("Professor", True, True),
    ("MS", True, False), ("ms.", False, True), ("prof", False, True), ("Minister", False, False),
])
def test_honorifics_are_one_list_for_every_component(text: str, cased: bool, expected: bool) -> None:
    """models/data/honorifics.txt: the titles before a name, read by socieux_countries (cased: "MS" is an acronym)
    and socieux_experts (any case, with or without the dot)."""
    from pipeline.components.base import is_honorific

    assert is_honorific(text, cased=cased) is expected


def test_a_hyphenated_pattern_word_matches_its_three_tokens() -> None:
    """spaCy splits "kick-off" into "kick", "-", "off": a pattern token naming it also stands as that sequence
    (and the anchor index follows the token it named)."""
    import spacy

    from pipeline.components.base import WindowedMatcher, hyphen_variants

    assert hyphen_variants([{"LOWER": {"IN": ["launch", "kick-off"]}}, {"LOWER": "meeting"}], 1) == [
        ([{"LOWER": {"IN": ["launch"]}}, {"LOWER": "meeting"}], 1),
        ([{"LOWER": "kick"}, {"ORTH": "-"}, {"LOWER": "off"}, {"LOWER": "meeting"}], 3)]
    assert hyphen_variants([{"LOWER": "on-site", "OP": "?"}, {"LOWER": "visit"}]) == [
        ([{"LOWER": "on"}, {"ORTH": "-"}, {"LOWER": "site"}, {"LOWER": "visit"}], None),
        ([{"LOWER": "visit"}], None)]
    nlp = spacy.blank("en")
    matcher = WindowedMatcher(nlp.vocab)
    matcher.add("launch", [{"LOWER": {"IN": ["launch", "kick-off"]}}, {"LOWER": "meeting"}])
    doc = nlp("A kick-off meeting and a launch meeting were held.")
    assert [doc[s:e].text for _, s, e in matcher(doc)] == ["kick-off meeting", "launch meeting"]


def _word_values(spec: dict) -> list[str]:
    """The words a token spec names (LOWER/ORTH/TEXT, a string or an IN list)."""
    out = []
    for key in ("LOWER", "ORTH", "TEXT"):
        value = spec.get(key)
        if isinstance(value, str):
            out.append(value)
        elif isinstance(value, dict):
            out += [w for w in value.get("IN", []) if isinstance(w, str)]
    return out


def test_every_pattern_word_is_a_token_the_tokenizer_makes() -> None:
    """A word of a token pattern that the tokenizer splits ("ILO's", "I've") never matches, unless it is a
    hyphenated word that `hyphen_variants` spells out as its tokens (only where the spec has no repeat operator)."""
    from pipeline.run import get_nlp

    tokenizer = get_nlp().tokenizer
    dead = []
    for path in sorted(PATTERNS_DIR.glob("*.jsonl")):
        for entry in srsly.read_jsonl(path):
            pattern = entry.get("pattern")
            if not isinstance(pattern, list) or not pattern or not isinstance(pattern[0], dict):
                continue
            for spec in pattern:
                for word in _word_values(spec):
                    tokens = [t.text for t in tokenizer(word)]
                    spelled = spec.get("OP") in (None, "?") and tokens == [p for p in re.split(r"(-)", word) if p]
                    # a contraction or a sentence-final abbreviation is one token only in its context
                    in_context = any(word in [t.text for t in tokenizer(text)]
                                     for text in (f"the {word} of", f"It was a {word}", f"I{word} done"))
                    if len(tokens) > 1 and not spelled and not in_context:
                        dead.append((path.name, entry.get("id"), word, tokens))
    assert dead == []
