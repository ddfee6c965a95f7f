"""Shared plumbing for components whose rules are pattern files under models/patterns/.

A `PatternComponent` receives its patterns in `initialize()` (read from JSONL by
the config's [initialize] block), serialises them with `to_disk` and reads them
back with `from_disk`, so the assembled pipeline in models/socieux_pipeline/
carries its data and never re-reads models/patterns/ at load time.

Speed helpers shared by the components (none changes what is found):

- `WindowedMatcher`: a spaCy `Matcher` that only runs where its patterns can
  match, with exactly the matches, in exactly the order, of `Matcher(doc)`;
- `doc_text`: `doc.text` computed once per Doc and kept in `doc.user_data`
  (spaCy rebuilds it from every token on each access);
- `release_tokenizer_cache`: see its docstring (the gazetteer fills spaCy's
  tokenizer cache at load time, which made tokenisation ~10× slower);
- `BatchPipe`: `nlp.pipe` runs each component over a batch of Docs before the
  next component starts, instead of passing Docs one by one down the chain.
"""

from __future__ import annotations

import re
from collections import OrderedDict
from functools import lru_cache
from pathlib import Path
from typing import Any, Callable, Iterable, Iterator

import numpy as np
import srsly
from spacy.attrs import IS_STOP, LOWER
from spacy.language import Language
from spacy.matcher import Matcher
from spacy.strings import get_string_id
from spacy.tokens import Doc
from spacy.util import ensure_path, minibatch
from spacy.vocab import Vocab

from pipeline.facts import CountryMention, ensure_extensions
from pipeline.paths import DATA_DIR

#: `doc.user_data` key of the cached `doc.text`
TEXT_KEY = "socieux_text"
#: `doc.user_data` key of the cached LOWER array
LOWERS_KEY = "socieux_lowers"
_OP_RANGE = re.compile(r"^\{(\d*)(,?)(\d*)\}$")
#: anchor cost of a stop word or punctuation (frequent: wide windows everywhere) vs a content word (1)
_FREQUENT_WORD_COST = 50
#: anchor cost of a token that must match a LOWER regex: more than one content word, less than a stop word
_REGEX_COST = 2


def per_doc(doc: Doc, key: str, compute: Callable[[Doc], Any]) -> Any:
    """`compute(doc)`, computed on first use and kept in `doc.user_data[key]` (a pure function of the doc)."""
    value = doc.user_data.get(key)
    if value is None:
        value = doc.user_data[key] = compute(doc)
    return value


def doc_lowers(doc: Doc) -> np.ndarray:
    """`doc.to_array(LOWER)`, computed once per Doc (every windowed matcher reads it). Read-only."""
    return per_doc(doc, LOWERS_KEY, lambda d: d.to_array(LOWER))


def town_mentions(doc: Doc, openers: Iterable[str], code_of: Callable[[str], str | None], covered: set[int],
                  rule: str, heads: frozenset[str] | None = None) -> list[CountryMention]:
    """Towns too small for the gazetteer (pipeline/towns.py) right after one of the `openers` words ("in
    Nikšić", "from Tartu"): the longest name of at most `towns.MAX_WORDS` tokens whose country `code_of`
    gives, on tokens no other mention covers, as city mentions (`rule`, inferred). `heads`: the first
    words a name may start with (a cheap test), else any capitalised word."""
    from pipeline.towns import MAX_WORDS

    lowers = doc_lowers(doc)
    hit = np.zeros(len(lowers), dtype=bool)
    for w in openers:  # a few words: one comparison each is faster than np.isin's sort
        hit |= lowers == get_string_id(w)
    out = []
    for i in np.flatnonzero(hit).tolist():
        j = i + 1
        if j >= len(doc) or j in covered:
            continue
        if not (doc[j].text in heads if heads is not None else doc[j].text[:1].isupper()):
            continue
        for n in range(min(MAX_WORDS, len(doc) - j), 0, -1):
            span = doc[j : j + n]
            code = code_of(span.text)
            if code is not None and not any(t in covered for t in range(span.start, span.end)):
                out.append(CountryMention(span.start, span.end, span.start_char, span.end_char, span.text, code,
                                          (code,), "city", rule, "inferred"))
                break
    return out


def doc_text(doc: Doc) -> str:
    """`doc.text`, computed once per Doc: spaCy joins every token's text anew on each access."""
    return per_doc(doc, TEXT_KEY, lambda d: d.text)




def sentence_span(text: str, c: int) -> tuple[int, int]:
    """Character range of the sentence around character c of `text` (split on ". ", "; " and
    newlines: the pipeline has no parser). A full stop after an abbreviation or an initial
    ("St. Vincent", "Mr. Lindberg", "No. 6", "J. Smith", models/data/abbreviations.txt), or
    before a lower-case word, ends no sentence."""
    stop = text.rfind(". ", 0, c)
    while stop != -1 and not _ends_sentence(text, stop):
        stop = text.rfind(". ", 0, stop)
    left = max(stop, text.rfind("\n", 0, c), text.rfind("; ", 0, c))
    stop = text.find(". ", c)
    while stop != -1 and not _ends_sentence(text, stop):
        stop = text.find(". ", stop + 1)
    rights = [p for p in (stop, text.find("\n", c), text.find("; ", c)) if p != -1]
    return left + 1, (min(rights) if rights else len(text))


_LAST_WORD = re.compile(r"[\w.]+$")


def _ends_sentence(text: str, stop: int) -> bool:
    """The ". " at character `stop` ends a sentence: no abbreviation or initial before it, no
    lower-case word after it."""
    after = text[stop + 2 : stop + 3]
    if after.islower():
        return False
    word = _LAST_WORD.search(text, max(0, stop - 12), stop)
    if word is None:
        return True
    w = word.group()
    return not (len(w) == 1 and w.isupper() or w.casefold() in abbreviations())


@lru_cache(maxsize=1)
def abbreviations(path: Path | None = None) -> frozenset[str]:
    """Abbreviations whose full stop ends no sentence (models/data/abbreviations.txt), and the titles
    before a person's name (`honorifics`: "Ing. Jana Nováková")."""
    path = path or DATA_DIR / "abbreviations.txt"
    return frozenset(ln.strip().casefold() for ln in path.read_text(encoding="utf-8").splitlines()
                     if ln.strip() and not ln.startswith("#")) | _folded_honorifics()


@lru_cache(maxsize=1)
def honorifics(path: Path | None = None) -> frozenset[str]:
    """Titles before a person's name, as written without the final dot (models/data/honorifics.txt)."""
    path = path or DATA_DIR / "honorifics.txt"
    return frozenset(ln.strip() for ln in path.read_text(encoding="utf-8").splitlines()
                     if ln.strip() and not ln.startswith("#"))


@lru_cache(maxsize=1)
def _folded_honorifics() -> frozenset[str]:
    return frozenset(h.casefold() for h in honorifics())


def is_honorific(text: str, cased: bool = True) -> bool:
    """`text` is a title before a name, with or without its dot ("Ms", "Dr.", "Mme"); in any case
    when not `cased` ("MS" stays an acronym when `cased`)."""
    word = text[:-1] if text.endswith(".") else text
    return word in honorifics() if cased else word.casefold() in _folded_honorifics()


def release_tokenizer_cache(nlp: Language) -> None:
    """Empty the tokenizer's chunk cache once the gazetteer has been loaded.

    spaCy's tokenizer memoises at most `max_cache_size` (10,000) whitespace-separated
    chunks. Adding the entity ruler's ~17,000 phrase patterns tokenises them and
    fills that cache with gazetteer strings; with a full cache the words of the
    records are never cached and every one is split into prefixes, suffixes and
    infixes again, which made tokenisation 10-20× slower than `spacy.blank("en")`.
    The cache is a pure memo (the same tokens come out with or without it), so
    emptying it changes no output. `Tokenizer._flush_cache` does not make room
    (deleted entries still count as filled); assigning the special-case rules,
    unchanged, is the public way to start a new cache. Called by every pattern
    component when it is initialised or loaded, i.e. after the entity ruler
    (first in models/config.cfg).
    """
    tokenizer = nlp.tokenizer
    rules = getattr(tokenizer, "rules", None)
    if rules is not None and hasattr(tokenizer, "max_cache_size"):
        tokenizer.rules = dict(rules)


# -- windowed matching ------------------------------------------------------------
def _repeats(op: str | None) -> tuple[int, int | None]:
    """(min, max) tokens a token spec consumes; max None when unbounded (`+`, `*`, `{n,}`)."""
    if op is None or op == "!":  # "!" consumes exactly one token that must not match
        return 1, 1
    if op == "?":
        return 0, 1
    if op in ("+", "*"):
        return (1 if op == "+" else 0), None
    m = _OP_RANGE.match(op)
    if m is None:
        raise ValueError(f"unknown operator {op!r} in a token pattern")
    low, comma, high = m.groups()
    if not comma:  # {n}
        return int(low), int(low)
    return int(low or 0), (int(high) if high else None)


def _anchor_words(spec: dict[str, Any]) -> set[str] | None:
    """Lower-cased words one of which the token must be (LOWER / ORTH / TEXT equal or IN), else None."""
    best: set[str] | None = None
    for key, value in spec.items():
        attr = key.upper()
        if attr not in ("LOWER", "ORTH", "TEXT"):
            continue
        if isinstance(value, str):
            values = [value]
        elif isinstance(value, dict) and isinstance(value.get("IN"), list) and all(isinstance(v, str) for v in value["IN"]):
            values = value["IN"]
        else:
            continue
        # a token's LOWER is its text's str.lower(): an ORTH value v can only match a token whose LOWER is v.lower();
        # a LOWER value that is not lower-case matches no token, and as an anchor it occurs in no doc either
        words = {v if attr == "LOWER" else v.lower() for v in values}
        if best is None or len(words) < len(best):
            best = words
    return best


def _anchor_regex(spec: dict[str, Any]) -> re.Pattern[str] | None:
    """The LOWER regex a token must match (`{"LOWER": {"REGEX": ...}}`), else None."""
    for key, value in spec.items():
        if key.upper() == "LOWER" and isinstance(value, dict) and isinstance(value.get("REGEX"), str) and len(value) == 1:
            return re.compile(value["REGEX"])
    return None


def _member(sorted_hashes: np.ndarray, values: np.ndarray) -> np.ndarray:
    """Boolean mask: which of `values` are in `sorted_hashes` (binary search, vectorised)."""
    if not len(sorted_hashes):
        return np.zeros(len(values), dtype=bool)
    at = np.searchsorted(sorted_hashes, values)
    at[at == len(sorted_hashes)] = 0
    return sorted_hashes[at] == values


def _insert_sorted(sorted_hashes: np.ndarray, new: np.ndarray) -> np.ndarray:
    """`sorted_hashes` with the sorted, absent values `new` inserted in place (one copy, no re-sort)."""
    return np.insert(sorted_hashes, np.searchsorted(sorted_hashes, new), new)


#: a word with a hyphen between letters ("kick-off", "on-site", "co-funded"): spaCy's tokenizer splits it in three
_HYPHENATED = re.compile(r"^[^\W\d_]+(?:-[^\W\d_]+)+$")
_WORD_KEYS = ("LOWER", "ORTH", "TEXT", "NORM")


def _hyphenated(spec: dict[str, Any]) -> tuple[str, list[str], list[str]] | None:
    """(attribute, its other words, its hyphenated words) of a token spec that names a hyphenated word."""
    for key in _WORD_KEYS:
        value = spec.get(key)
        words = [value] if isinstance(value, str) else value.get("IN") if isinstance(value, dict) else None
        if isinstance(words, list) and any(isinstance(w, str) and _HYPHENATED.match(w) for w in words):
            return key, [w for w in words if not _HYPHENATED.match(w)], [w for w in words if _HYPHENATED.match(w)]
    return None


def hyphen_variants(pattern: list[dict[str, Any]], anchor_at: int | None = None,
                    ) -> list[tuple[list[dict[str, Any]], int | None]]:
    """The pattern as the tokenizer sees text: a token spec naming a hyphenated word ("kick-off", "on-site") also
    stands as that word's three tokens ({"LOWER": "kick"}, {"ORTH": "-"}, {"LOWER": "off"}), as one variant of the
    pattern each (a spec with an "?" operator: with the word, with its tokens, or left out); with the index the
    anchor token has in each variant (None when it was left out). A pattern without one is itself."""
    variants: list[tuple[list[dict[str, Any]], int | None]] = [([], None)]
    for i, spec in enumerate(pattern):
        found = _hyphenated(spec)
        op = spec.get("OP")
        options: list[list[dict[str, Any]]]
        if found is None or op not in (None, "?"):
            options = [[spec]]
        else:
            key, plain, hyphenated = found
            bare = {k: v for k, v in spec.items() if k != "OP"}
            options = []
            if plain:
                options.append([{**bare, key: plain[0] if isinstance(spec[key], str) else {**spec[key], "IN": plain}}])
            options += [[{"ORTH": "-"} if part == "-" else {key: part} for part in re.split(r"(-)", word)]
                        for word in hyphenated]
            if op == "?":
                options.append([])
        variants = [(head + option, len(head) if i == anchor_at and option else anchor)
                    for head, anchor in variants for option in options]
    return variants


class WindowedMatcher:
    """A spaCy `Matcher` run only around the words its patterns need: same matches, same order.

    Each pattern gets an *anchor*: a token it requires (no `?`/`*`/`!` operator)
    whose LOWER, ORTH or TEXT is one of a finite set of words, the rarest such
    token (stop words and punctuation cost more); failing that, a required token
    whose LOWER must match a REGEX (tested once per distinct word of the docs
    seen, as spaCy's predicate would test it, and remembered). A bounded pattern (no `+`, `*`,
    `{n,}`) can only match within `before` tokens before and `after` tokens after
    an occurrence of one of its anchor words. For a doc, the anchor words are
    looked up in `doc.to_array(LOWER)`; each occurrence opens a window, windows
    that overlap or touch are merged, and every window is matched by a spaCy
    Matcher holding only the patterns anchored in it (in the order they were
    added; built once per pattern set and cached).

    Why the result is `Matcher(doc)`, order included: spaCy's `find_matches`
    scans tokens left to right; at each token it starts one state per pattern
    (in pattern order) behind the surviving states, and emits a match while
    processing its last token or the token after it. Every state evolves on
    its own, so dropping the states of patterns that cannot match (no anchor
    word in the window) or that start outside the window leaves the others'
    emissions in the same relative order; every match lies inside the window of
    its anchor occurrence, and windows are disjoint and not adjacent, so their
    matches are emitted window after window. A pattern without an anchor or of
    unbounded length makes the matcher fall back to `Matcher(doc)` over the
    whole doc.

    `matcher(doc, regions=[(start, end), ...])` matches only the windows that
    overlap one of the token ranges: every match that overlaps a region is
    returned (a match lies inside its anchor's window), in the same order;
    matches elsewhere may be left out. For a caller that only reads matches
    next to a few tokens (`socieux_partner`: cues before or after a country).
    """

    def __init__(self, vocab: Vocab, validate: bool = True, max_cached: int = 1024) -> None:
        self.vocab = vocab
        self.full = Matcher(vocab, validate=validate)  # validation, and the fallback
        self.keys: list[str] = []
        self.patterns: list[list[dict[str, Any]]] = []
        self.windowed = True
        self._rank: dict[int, int] = {}  # key hash -> index of its first pattern (`match_set` order)
        # anchor word hash -> (pattern indices, most tokens before, most tokens after)
        self.anchors: dict[int, tuple[list[int], int, int]] = {}
        self._sorted_anchors = np.zeros(0, dtype=np.uint64)  # the hashes, sorted (vectorised look-up)
        # regex anchors: (compiled LOWER regex, pattern indices, before, after); per matching word
        # hash, the positions in that list whose regex it matches (a pure function of the word)
        self.regex_anchors: list[tuple[re.Pattern[str], list[int], int, int]] = []
        self._regex_hits: dict[int, tuple[int, ...]] = {}
        self._regex_seen = np.zeros(0, dtype=np.uint64)  # sorted hashes of the words tested so far
        self._regex_hit_words = np.zeros(0, dtype=np.uint64)  # sorted: those matching some regex
        self.max_cached = max_cached  # ~16 KB per cached Matcher of a few patterns: bounded memory
        self._cache: OrderedDict[tuple[int, ...], Matcher] = OrderedDict()
        getter = getattr(vocab, "lex_attr_getters", {}).get(IS_STOP)
        self._is_stop: Callable[[str], bool] = getter if callable(getter) else (lambda _: False)

    def __len__(self) -> int:
        return len(self.patterns)

    def anchor_hashes(self) -> np.ndarray | None:
        """Sorted LOWER hashes of every anchor word: a doc without any of them has no match. None when
        that cannot be told from words (a regex anchor, or a pattern without an anchor)."""
        return self._sorted_anchors if self.windowed and not self.regex_anchors else None

    def add(self, key: str, pattern: list[dict[str, Any]], anchor_at: int | None = None) -> None:
        """Add one token pattern under `key` (as `Matcher.add(key, [pattern])`), in the forms the tokenizer
        needs (`hyphen_variants`: "kick-off" is three tokens).

        `anchor_at`: the index of the token to anchor on, when the pattern file knows a rarer
        word than the cost estimate does (a verb that occurs far less often than the format
        noun before it); ignored if that token cannot anchor. Any anchor gives the same matches.
        """
        for variant, anchor_index in hyphen_variants(pattern, anchor_at):
            self._add(key, variant, anchor_index)

    def _add(self, key: str, pattern: list[dict[str, Any]], anchor_at: int | None = None) -> None:
        self.full.add(key, [pattern])
        index = len(self.patterns)
        self._rank.setdefault(get_string_id(key), index)
        self.keys.append(key)
        self.patterns.append(pattern)
        self._cache.clear()
        anchor = self._anchor(pattern, anchor_at)
        if anchor is None:
            self.windowed = False
            return
        words, before, after = anchor
        if isinstance(words, re.Pattern):
            self.regex_anchors.append((words, [index], before, after))
            self._regex_hits.clear()
            self._regex_seen = self._regex_hit_words = np.zeros(0, dtype=np.uint64)
            return
        for word in words:
            indices, b, a = self.anchors.get(get_string_id(word), ([], 0, 0))
            self.anchors[get_string_id(word)] = (indices + [index], max(b, before), max(a, after))
        self._sorted_anchors = np.array(sorted(self.anchors), dtype=np.uint64)

    def _anchor(self, pattern: list[dict[str, Any]], anchor_at: int | None = None,
                ) -> tuple[set[str] | re.Pattern[str], int, int] | None:
        """(anchor words or LOWER regex, most tokens before the anchor token, most after), or None."""
        reps = [_repeats(spec.get("OP")) for spec in pattern]
        if any(high is None for _, high in reps):
            return None
        best: tuple[int, int, set[str] | re.Pattern[str]] | None = None  # (cost, index, words or regex)
        for i, spec in enumerate(pattern):
            if reps[i][0] < 1 or spec.get("OP") == "!":
                continue
            anchor: set[str] | re.Pattern[str] | None = _anchor_words(spec)
            if anchor is not None:
                cost = sum(_FREQUENT_WORD_COST if self._is_stop(w) or not any(c.isalpha() for c in w) else 1
                           for w in anchor)
            else:
                anchor, cost = _anchor_regex(spec), _REGEX_COST
            if anchor is not None and i == anchor_at:
                cost = -1  # the pattern file's choice
            if anchor is not None and (best is None or cost < best[0]):
                best = (cost, i, anchor)
        if best is None:
            return None
        _, i, anchor = best
        extra = reps[i][1] - 1  # a repeated anchor token: the anchor word may be any of its repeats
        before = sum(high for _, high in reps[:i]) + extra
        after = sum(high for _, high in reps[i + 1 :]) + extra
        return anchor, before, after

    def _sub_matcher(self, indices: tuple[int, ...]) -> Matcher:
        matcher = self._cache.get(indices)
        if matcher is None:
            matcher = Matcher(self.vocab, validate=False)
            for i in indices:  # original order: spaCy's match order follows pattern order
                matcher.add(self.keys[i], [self.patterns[i]])
            self._cache[indices] = matcher
            if len(self._cache) > self.max_cached:
                self._cache.popitem(last=False)
        else:
            self._cache.move_to_end(indices)
        return matcher

    def _learn_words(self, lowers: np.ndarray) -> None:
        """Test the regex anchors on the words (LOWER hashes) not seen before, once per word."""
        new = lowers[~_member(self._regex_seen, lowers)]
        if not len(new):
            return
        if len(self._regex_seen) > 1_000_000:  # bounded: a vocabulary, not a corpus
            self._regex_hits.clear()
            self._regex_seen = self._regex_hit_words = np.zeros(0, dtype=np.uint64)
        new = np.unique(new)
        hit_words = []
        for h in new.tolist():
            word = self.vocab.strings[h]
            hits = tuple(k for k, (rx, *_) in enumerate(self.regex_anchors) if rx.search(word))
            if hits:
                self._regex_hits[h] = hits
                hit_words.append(h)
        self._regex_seen = _insert_sorted(self._regex_seen, new)
        if hit_words:
            self._regex_hit_words = _insert_sorted(self._regex_hit_words, np.array(hit_words, dtype=np.uint64))

    def _spots(self, doc: Doc) -> list[tuple[int, tuple[list[int], int, int]]]:
        """(position, (pattern indices, most tokens before, most tokens after)) of every anchor occurrence."""
        lowers = doc_lowers(doc)
        # token positions whose LOWER is an anchor word: binary search of every token in the sorted anchors
        hits = np.flatnonzero(_member(self._sorted_anchors, lowers))
        spots = [(p, self.anchors[h]) for p, h in zip(hits.tolist(), lowers[hits].tolist())]
        if self.regex_anchors:
            self._learn_words(lowers)
            spots += [(p, self.regex_anchors[k][1:]) for p in np.flatnonzero(_member(self._regex_hit_words, lowers)).tolist()
                      for k in self._regex_hits[int(lowers[p])]]
        return spots

    def windows(self, doc: Doc, regions: list[tuple[int, int]] | None = None) -> list[tuple[int, int, tuple[int, ...]]]:
        """Disjoint, non-adjacent (start, end, pattern indices) token windows in text order
        (only those overlapping one of `regions`, when given)."""
        n = len(doc)
        if n == 0 or not (self.anchors or self.regex_anchors):
            return []
        spots = self._spots(doc)
        found = [(max(0, p - before), min(n, p + after + 1), indices) for p, (indices, before, after) in spots]
        if regions is not None:  # tokens of the regions, counted cumulatively: a window holds one if its count grows
            marked = np.zeros(n + 1, dtype=np.int32)
            for start, end in regions:
                marked[max(0, start) + 1 : max(0, min(n, end)) + 1] = 1
            seen = np.cumsum(marked)
            found = [w for w in found if seen[w[1]] > seen[w[0]]]
        return [(s, e, tuple(sorted(ix))) for s, e, ix in _joined(found)]

    def match_set(self, doc: Doc) -> list[tuple[int, int, int]]:
        """The same matches as `__call__`, for a caller that does not read their order (it sorts
        them): sorted by start, end and the first pattern of the match's key, each once.

        The sub-matcher of a window holds the patterns of its anchor words, and windows join the
        anchor words they cover: each new combination of words builds a new `Matcher`, which costs
        more than matching (a record of the synthetic corpus brings ~0.2 new combinations to
        `socieux_period`, even after 10,000 records). Here every anchor word's patterns keep their
        own sub-matcher, built once, run over the windows of that word's occurrences only. A pattern
        matches the same spans in any window that holds its anchor's window (patterns of a
        `Matcher` do not interact), so the set is that of `Matcher(doc)`; only the order differs.
        """
        if not self.patterns:
            return []
        if not self.windowed:
            return sorted(set(self.full(doc)), key=lambda m: (m[1], m[2], self._rank.get(m[0], 0)))
        n = len(doc)
        if n == 0:
            return []
        by_group: dict[tuple[int, ...], list[tuple[int, int]]] = {}
        for p, (indices, before, after) in self._spots(doc):
            by_group.setdefault(tuple(indices), []).append((max(0, p - before), min(n, p + after + 1)))
        out: set[tuple[int, int, int]] = set()
        for group, spans in by_group.items():
            matcher = self._sub_matcher(group)
            for start, end, _ in _joined([(s, e, ()) for s, e in spans]):
                out.update((match_id, start + a, start + b) for match_id, a, b in matcher(doc[start:end]))
        rank = self._rank
        return sorted(out, key=lambda m: (m[1], m[2], rank.get(m[0], 0)))

    def __call__(self, doc: Doc, regions: list[tuple[int, int]] | None = None) -> list[tuple[int, int, int]]:
        """(match_id, start, end) of every match, as `Matcher(doc)` returns them (see `regions` above)."""
        if not self.patterns:
            return []
        if not self.windowed:
            return list(self.full(doc))
        out: list[tuple[int, int, int]] = []
        for start, end, indices in self.windows(doc, regions):
            for match_id, s, e in self._sub_matcher(indices)(doc[start:end]):
                out.append((match_id, start + s, start + e))
        return out


def _joined(windows: list[tuple[int, int, Iterable[int]]]) -> list[tuple[int, int, set[int]]]:
    """(start, end, pattern indices) token windows joined where they overlap or touch, in text order."""
    merged: list[tuple[int, int, set[int]]] = []
    for start, end, indices in sorted(windows, key=lambda w: w[0]):
        if merged and start <= merged[-1][1]:  # overlapping or touching: one window
            last = merged[-1]
            merged[-1] = (last[0], max(last[1], end), last[2].union(indices))
        else:
            merged.append((start, end, set(indices)))
    return merged


class BatchPipe:
    """`pipe()` for `nlp.pipe`: the component runs over `batch_size` Docs before any goes on.

    spaCy chains components lazily, so without it each Doc passes through all nine
    components before the next Doc starts, and every component's matchers and tables are
    fetched into the CPU caches again for each Doc. Batch by batch, the same work costs
    ~25% less CPU (measured on 5,000 synthetic records: 1,456 us/record Doc by Doc,
    1,107 in batches of 64). The results are the same: every component reads one Doc.
    """

    def pipe(self, docs: Iterable[Doc], batch_size: int = 64) -> Iterator[Doc]:
        for batch in minibatch(docs, size=batch_size):
            yield from [self(doc) for doc in batch]  # type: ignore[attr-defined]


class PatternComponent(BatchPipe):
    """Base class: holds a list of pattern dicts; subclasses compile them in `_compile`."""

    patterns_file = "patterns.jsonl"

    def __init__(self, nlp: Language, name: str) -> None:
        ensure_extensions()
        self.nlp = nlp
        self.name = name
        self.patterns: list[dict[str, Any]] = []

    # -- subclasses -------------------------------------------------------
    def _compile(self) -> None:  # pragma: no cover - overridden
        """Build matchers from self.patterns."""

    def __call__(self, doc: Doc) -> Doc:  # pragma: no cover - overridden
        return doc

    # -- data -------------------------------------------------------------
    def initialize(
        self,
        get_examples: Callable[[], Iterable[Any]] | None = None,
        *,
        nlp: Language | None = None,
        patterns: Iterable[dict[str, Any]] | None = None,
    ) -> None:
        self.patterns = list(patterns or [])
        self._compile()
        release_tokenizer_cache(self.nlp)

    def to_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> None:
        path = ensure_path(path)
        path.mkdir(parents=True, exist_ok=True)
        srsly.write_jsonl(path / self.patterns_file, self.patterns)

    def from_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> "PatternComponent":
        path = ensure_path(path)
        self.patterns = list(srsly.read_jsonl(path / self.patterns_file))
        self._compile()
        release_tokenizer_cache(self.nlp)
        return self
