"""Active labelling: the candidates the judgement is sure of (or shows) that carry no label yet.

For each training paper of tests/data/relevance/split.tsv this runs the whole analysis with the
shipped judgement, keeps every retrieved (topic, sentence) that the judgement puts above its
display cut ("sure") or that the checklist shows as a quote, drops those already labelled in
tests/data/relevance/labels/ (same paper, topic and text), and writes the rest, with the same
fields as scripts/relevance_candidates.py (section, page, sentences before and after) and the
judgement's score, to tests/data/relevance/active_s13/<paper>.jsonl, for labelling by reading.
Blind papers are never read here.

    python scripts/relevance_active.py [--only NAME] [--part K/N]
"""

from __future__ import annotations

import argparse
import json
import multiprocessing as mp
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
SHARED = ROOT.parent / "shared"
REL = ROOT / "tests" / "data" / "relevance"
STRENGTH = {3: "specific", 2: "vague", 1: "mention"}


def _key(text: str) -> str:
    return " ".join(text.split())[:300].lower()


def _dump(name: str, files: list[str], out: Path, labelled: frozenset) -> None:
    import jupyter_review as jr
    from jupyter_review.checklist import engine
    from jupyter_review.nlp.relevance import load_model

    recorded: dict[str, list] = {}
    real = engine.judge_relevance

    def spy(hits_by_topic, sentences=()):
        real(hits_by_topic, sentences)
        recorded.update({t: list(h) for t, h in hits_by_topic.items()})

    engine.judge_relevance = spy
    try:
        paths = [str(SHARED / f) for f in files]
        analysis = jr.analyze(paths[0], paths[1:])
    finally:
        engine.judge_relevance = real
    model = load_model()
    doc = analysis.document
    sents = doc.sentences
    rows = []
    for tid, hits in sorted(recorded.items()):
        res = analysis.topics[tid]
        shown = {_key(e.text.removesuffix("...")) for e in res.evidence[:3]} if res.status not in (
            "missing", "not_applicable") else set()
        for h in hits:
            u = h.unit
            text = " ".join(u.text.split())
            if h.p_on is None or (tid, _key(text)) in labelled:
                continue
            is_shown = any(_key(text).startswith(s[:200]) for s in shown if s)
            if not (h.sure or is_shown):
                continue
            i = u.key[1]
            prev = sents[i - 1].text if u.kind == "sentence" and i > 0 else ""
            nxt = sents[i + 1].text if u.kind == "sentence" and 0 <= i < len(sents) - 1 else ""
            rows.append({
                "paper": name, "topic": tid, "file": doc.files[u.doc].name, "role": u.role, "page": u.page,
                "section": u.section_title, "section_kind": u.section_kind, "kind": u.kind,
                "strength": STRENGTH.get(h.strength, str(h.strength)), "why": h.why,
                "shown": is_shown, "status_now": res.status,
                "text": text, "note": u.note,
                "prev": " ".join(prev.split())[:300], "next": " ".join(nxt.split())[:300],
                "p_on": round(h.p_on, 3), "sure": bool(model and h.p_on >= model.threshold_for(tid)),
            })
    with open(out, "w", encoding="utf-8") as fh:
        for r in rows:
            fh.write(json.dumps(r, ensure_ascii=False) + "\n")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--only")
    ap.add_argument("--timeout", type=float, default=400)
    ap.add_argument("--part", default="0/1", help="K/N: the K-th of N interleaved shares of the papers")
    a = ap.parse_args()
    outdir = REL / "active_s13"
    outdir.mkdir(parents=True, exist_ok=True)
    k, n_parts = (int(x) for x in a.part.split("/"))
    lines = (REL / "split.tsv").read_text(encoding="utf-8").splitlines()[1:]
    for idx, line in enumerate(lines):
        name, files, set_, _why = line.split("\t")
        if set_ != "train" or (a.only and name != a.only) or idx % n_parts != k:
            continue
        out = outdir / f"{name}.jsonl"
        if out.exists() and not a.only:
            continue
        labelled = set()
        lab = REL / "labels" / f"{name}.jsonl"
        if lab.exists():
            for x in lab.read_text(encoding="utf-8").splitlines():
                if x.strip():
                    r = json.loads(x)
                    labelled.add((r["topic"], _key(r["text"])))
        p = mp.get_context("spawn").Process(target=_dump, args=(name, files.split(), out, frozenset(labelled)))
        p.start()
        p.join(a.timeout)
        if p.is_alive():
            p.kill()
            print(f"{name}: timed out after {a.timeout:.0f} s", flush=True)
            continue
        n = sum(1 for _ in open(out, encoding="utf-8")) if out.exists() else 0
        print(f"{name}: {n} unlabelled sure or shown candidates", flush=True)


if __name__ == "__main__":
    main()
