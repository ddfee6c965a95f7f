"""Check that a speed change kept the output identical, on the real corpus and a synthetic one.

1. Matchers: for every pattern file, `WindowedMatcher(doc)` must equal spaCy's
   `Matcher(doc)` (same matches, same order) on every record of corpus/ and of
   the synthetic check corpus, and on random token sequences drawn from the
   patterns' own words (dense in anchors, cases and punctuation).
2. Extraction: every fact (field, value, offsets, text, rule, status, extra; in
   order), every resolved country mention and every validated record of the
   current code must equal those of git revision `--baseline-rev`, computed in a
   separate process from `git archive` of that revision.

    python bench/check_identical.py --baseline-rev 80c5434 --records 2000
"""

from __future__ import annotations

import argparse
import json
import os
import random
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PATTERN_FILES = ("formats", "delivery", "action_ids", "period", "experts", "partner")


def dump_facts(corpora: list[Path], out: Path) -> None:
    """Worker: facts, countries and records of every record of the corpora (code from PYTHONPATH)."""
    from pipeline.extract import make_doc, to_record
    from pipeline.facts import facts
    from pipeline.run import get_nlp, split_path, discover_documents

    nlp = get_nlp()
    with out.open("w", encoding="utf-8") as fh:
        for corpus in corpora:
            for path in discover_documents(corpus):
                recs = split_path(path).records
                for rec, doc in zip(recs, nlp.pipe(make_doc(nlp, r) for r in recs)):
                    row = {
                        "doc": rec.doc, "index": rec.index,
                        "facts": [[f.field, f.value, f.start, f.end, f.text, f.rule, f.status, repr(f.extra)] for f in facts(doc)],
                        "countries": [repr(m) for m in (doc._.countries or [])],
                        "record": to_record(rec, doc).model_dump_json(),
                    }
                    fh.write(json.dumps(row, ensure_ascii=False) + "\n")


def check_matchers(texts: list[str], random_docs: int, seed: int) -> int:
    """Mismatches between WindowedMatcher and Matcher over all pattern files."""
    import spacy
    import srsly
    from spacy.matcher import Matcher
    from spacy.tokens import Doc

    from pipeline.components.base import WindowedMatcher
    from pipeline.paths import PATTERNS_DIR

    nlp = spacy.blank("en")
    docs = [nlp.make_doc(t) for t in texts]
    rng = random.Random(seed)
    bad_total = 0
    for name in PATTERN_FILES:
        entries = [e for e in srsly.read_jsonl(PATTERNS_DIR / f"{name}.jsonl") if "pattern" in e]
        full, windowed = Matcher(nlp.vocab), WindowedMatcher(nlp.vocab)
        words: set[str] = set()
        for e in entries:
            full.add(e["id"], [e["pattern"]])
            windowed.add(e["id"], e["pattern"])
            words.update(_strings(e["pattern"]))
        vocab = sorted(words) + ["-", ",", ".", "(", ")", "'s", "The", "Ministry", "SOCIEUX+", "2019-07"]
        extra = []
        for _ in range(random_docs):
            ws = [rng.choice(vocab) for _ in range(rng.randint(1, 40))]
            ws = [w.title() if rng.random() < 0.15 else w.upper() if rng.random() < 0.05 else w for w in ws]
            extra.append(Doc(nlp.vocab, words=ws, spaces=[rng.random() < 0.8 for _ in ws]))
        bad = sum(list(full(d)) != windowed(d) for d in docs + extra)
        mode = "windowed" if windowed.windowed else "falls back to Matcher(doc)"
        print(f"  {name:<11} {len(entries):>3} patterns, {mode:<26} {len(docs) + len(extra):>6} docs, {bad} mismatches")
        bad_total += bad
    return bad_total


def _strings(value: object) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, list):
        return [s for v in value for s in _strings(v)]
    if isinstance(value, dict):
        return [s for v in value.values() for s in _strings(v)]
    return []


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--baseline-rev", required=True, help="git revision whose output must be reproduced")
    ap.add_argument("--records", type=int, default=2000, help="size of the synthetic check corpus")
    ap.add_argument("--random-docs", type=int, default=5000, help="random token sequences per pattern file")
    ap.add_argument("--work", type=Path, default=ROOT / "outputs" / "bench")
    ap.add_argument("--dump", nargs="+", type=Path, help=argparse.SUPPRESS)
    a = ap.parse_args(argv)
    if a.dump:
        dump_facts(a.dump[1:], a.dump[0])
        return

    sys.path.insert(0, str(ROOT))
    from bench.bench_extract import baseline_tree
    from bench.synth import ensure
    from pipeline.run import discover_documents, split_path

    corpora = [ROOT / "corpus", ensure(a.work / f"synth_{a.records}", a.records)]
    texts = [r.text for c in corpora for p in discover_documents(c) for r in split_path(p).records]
    print(f"1. WindowedMatcher vs Matcher on {len(texts)} records + {a.random_docs} random docs per file")
    bad = check_matchers(texts, a.random_docs, seed=0)

    print(f"2. extraction: current code vs git {a.baseline_rev} on {len(texts)} records")
    dumps = []
    with tempfile.TemporaryDirectory() as tmp:
        for label, root in (("current", ROOT), (a.baseline_rev, baseline_tree(a.baseline_rev, a.work))):
            out = Path(tmp) / f"{label}.jsonl"
            cmd = [sys.executable, str(Path(__file__).resolve()), "--baseline-rev", a.baseline_rev,
                   "--dump", str(out), *map(str, corpora)]
            subprocess.run(cmd, check=True, env=dict(os.environ, PYTHONPATH=str(root)), cwd=root)
            dumps.append(out.read_text(encoding="utf-8").splitlines())
    current, baseline = dumps
    differ = [json.loads(x)["doc"] + f"#{json.loads(x)['index']}" for x, y in zip(current, baseline) if x != y]
    print(f"  {len(current)} vs {len(baseline)} records, {len(differ)} differ{': ' + ', '.join(differ[:10]) if differ else ''}")
    ok = bad == 0 and not differ and len(current) == len(baseline)
    print("IDENTICAL" if ok else "DIFFERENT")
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
