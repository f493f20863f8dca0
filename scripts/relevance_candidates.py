"""Dump the checklist's candidate evidence sentences of each paper, for labelling.

For every paper of tests/data/relevance/split.tsv this runs the analysis, records every sentence
(or caption) that the lexicons and section priors offer as evidence for a topic, and writes
tests/data/relevance/candidates/<paper>.jsonl: one line per (topic, sentence) with the strength
the lexicons gave it, the section, the file, the page and the sentences before and after.
Per paper and topic at most --per-topic candidates are kept: those the engine would show first,
then a seeded sample of the rest, so labels cover both what a referee sees and what lies behind.

    python scripts/relevance_candidates.py [--only NAME] [--per-topic 4] [--timeout 240]
"""

from __future__ import annotations

import argparse
import json
import multiprocessing as mp
import random
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
SHARED = ROOT.parent / "shared"
REL = ROOT / "tests" / "data" / "relevance"
STRENGTH = {3: "specific", 2: "vague", 1: "mention"}


def _dump(name: str, files: list[str], per_topic: int, out: Path, skip: frozenset = frozenset()) -> None:
    import jupyter_review as jr
    from jupyter_review.checklist import engine

    recorded: dict[str, list] = {}
    real_decide = engine.decide

    def spy(det, hits, files_, has_supp):
        recorded[det.topic.id] = list(hits)
        return real_decide(det, hits, files_, has_supp)

    engine.decide = spy
    try:
        paths = [str(SHARED / f) for f in files]
        analysis = jr.analyze(paths[0], paths[1:])
    finally:
        engine.decide = real_decide
    doc = analysis.document
    sents = doc.sentences
    rng = random.Random(f"{name}-candidates")
    rows = []
    for tid, hits in sorted(recorded.items()):
        status = analysis.topics[tid].status
        shown_texts = [e.text for e in analysis.topics[tid].evidence]
        hits = [h for h in hits if (tid, " ".join(h.unit.text.split())) not in skip]
        first = [h for h in hits if " ".join(h.unit.text.split())[:397] in " ".join(shown_texts)]
        rest = [h for h in hits if h not in first]
        rng.shuffle(rest)
        for h in (first + rest)[:per_topic]:
            u = h.unit
            i = u.key[1]
            prev = sents[i - 1].text if u.kind == "sentence" and i > 0 else ""
            nxt = sents[i + 1].text if u.kind == "sentence" and 0 <= i < len(sents) - 1 else ""
            rows.append({
                "paper": name, "topic": tid, "file": doc.files[u.doc].name, "role": u.role, "page": u.page,
                "section": u.section_title, "section_kind": u.section_kind, "kind": u.kind,
                "strength": STRENGTH.get(h.strength, str(h.strength)), "why": h.why,
                "shown": h in first, "status_now": status,
                "text": " ".join(u.text.split()), "note": u.note,
                "prev": " ".join(prev.split())[:300], "next": " ".join(nxt.split())[:300],
            })
    with open(out, "w", encoding="utf-8") as fh:
        for r in rows:
            fh.write(json.dumps(r, ensure_ascii=False) + "\n")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--only")
    ap.add_argument("--per-topic", type=int, default=4)
    ap.add_argument("--timeout", type=float, default=240)
    ap.add_argument("--extra", action="store_true",
                    help="training papers only: candidates not labelled yet, into candidates_extra/")
    ap.add_argument("--part", default="0/1", help="K/N: the K-th of N interleaved shares of the papers")
    a = ap.parse_args()
    outdir = REL / ("candidates_extra" if a.extra else "candidates")
    k, n_parts = (int(x) for x in a.part.split("/"))
    outdir.mkdir(parents=True, exist_ok=True)
    lines = (REL / "split.tsv").read_text(encoding="utf-8").splitlines()[1:]
    for idx, line in enumerate(lines):
        name, files, set_, _why = line.split("\t")
        if a.only and name != a.only:
            continue
        if idx % n_parts != k or (a.extra and set_ != "train"):
            continue
        skip: frozenset = frozenset()
        if a.extra:
            lab = REL / "labels" / f"{name}.jsonl"
            if lab.exists():
                rows = [json.loads(x) for x in lab.read_text(encoding="utf-8").splitlines() if x.strip()]
                skip = frozenset((r["topic"], r["text"]) for r in rows)
        out = outdir / f"{name}.jsonl"
        if out.exists() and not a.only:
            continue
        p = mp.get_context("spawn").Process(target=_dump, args=(name, files.split(), a.per_topic, out, skip))
        p.start()
        p.join(a.timeout)
        if p.is_alive():
            p.kill()
            print(f"{name}: timed out after {a.timeout:.0f} s", flush=True)
            continue
        n = sum(1 for _ in open(out, encoding="utf-8")) if out.exists() else 0
        print(f"{name}: {n} candidates", flush=True)


if __name__ == "__main__":
    main()
