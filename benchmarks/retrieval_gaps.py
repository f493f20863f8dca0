"""Topics the lexicons never retrieve: could the learned judgement find them as a retriever?

On the TRAINING papers with status gold only (the blind papers are never read here). For each
topic the gold calls vague / disclosed / supplement_only and the analysis calls missing with no
candidate sentence at all, the judgement (a model trained without the paper's fold, as in
``relevance_accuracy.py --oof``) scores every sentence of the paper for that topic, as it would
if it were run over the whole paper as an extra retriever. Prints where the gold sentence (the
gold's quote, matched by word overlap) ranks among the paper's sentences, the top sentence of
each topic (to read and label by hand: is it about the topic?), and the scoring time.

    python benchmarks/retrieval_gaps.py            # 4 paper folds
    python benchmarks/retrieval_gaps.py --top 3    # print the top three per topic
"""

from __future__ import annotations

import argparse
import os
import re
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))


def _norm(t: str) -> set[str]:
    return set(re.sub(r"\W+", " ", t.lower()).split())


def main(argv: list[str] | None = None) -> int:
    import relevance_accuracy as ra
    import yaml

    import jupyter_review as jr
    from jupyter_review.checklist import engine
    from jupyter_review.nlp import relevance as rel

    ap = argparse.ArgumentParser()
    ap.add_argument("--folds", type=int, default=4)
    ap.add_argument("--top", type=int, default=1)
    a = ap.parse_args(argv)
    split = rel.read_split(ra.REL / "split.tsv")
    files = {ln.split("\t")[0]: ln.split("\t")[1].split() for ln in (ra.REL / "split.tsv").read_text().splitlines()[1:]}
    gold = ra.load_status_gold()
    quotes: dict[str, dict] = {}
    for d in sorted(ra.GOLD.iterdir()):
        for f in sorted(d.glob("*.yaml")) if d.is_dir() else []:
            data = yaml.safe_load(f.read_text(encoding="utf-8"))
            if isinstance(data, dict) and "paper" in data and "topics" in data:
                quotes[Path(data["paper"]).stem] = data.get("topics") or {}
    papers = [p for p in sorted(split) if split[p] == "train" and p in gold]
    fold_model = ra._fold_models(papers, a.folds)
    seen: dict[str, dict[str, int]] = {}
    orig = engine.judge_relevance

    def spy(collected, sentences=()):  # how many candidates each topic had
        seen["n"] = {t: len(hs) for t, hs in collected.items()}
        return orig(collected, sentences)

    engine.judge_relevance = spy
    ranks: list[int] = []
    pairs = 0
    t_score = 0.0
    for p in papers:
        os.environ["JUPYTER_REVIEW_RELEVANCE"] = fold_model[p]
        rel.load_model.cache_clear()
        model = rel.load_model()
        paths = [str(ra.SHARED / f) for f in files[p]]
        an = jr.analyze(paths[0], paths[1:])
        doc = an.document
        sents = doc.sentences
        for tid, res in an.topics.items():
            g = gold[p].get(tid)
            if g not in ("vague", "disclosed", "supplement_only") or res.status != "missing" or seen["n"].get(tid):
                continue
            t0 = time.perf_counter()
            ins = []
            for i, s in enumerate(sents):
                sec = doc.sections[s.section] if s.section is not None and s.section < len(doc.sections) else None
                prev = sents[i - 1].text if i else ""
                nxt = sents[i + 1].text if i + 1 < len(sents) else ""
                ins.append(rel.candidate_words(tid, s.text, "", sec.kind if sec else "other",
                                               "main" if s.doc == 0 else "supplement", "sentence", "model",
                                               sec.title if sec else "", " ".join(prev.split())[:300],
                                               " ".join(nxt.split())[:300]))
            js = model.score(ins)
            t_score += time.perf_counter() - t0
            pairs += len(ins)
            q = _norm(str((quotes.get(p, {}).get(tid) or {}).get("quote", "")))
            order = sorted(range(len(sents)), key=lambda i: -js[i].on_topic)
            if q:
                gi = max(range(len(sents)), key=lambda i: len(q & _norm(sents[i].text)))
                ranks.append(order.index(gi))
                where = f"gold sentence p_on {js[gi].on_topic:.2f}, rank {ranks[-1] + 1} of {len(sents)}"
            else:
                where = "gold gives no quote"
            print(f"{p} {tid} (gold {g}): {where}")
            for i in order[:a.top]:
                print(f"    top {js[i].on_topic:.2f} p.{sents[i].page}: {' '.join(sents[i].text.split())[:150]}")
    n = len(ranks)
    print(f"\n{n} gold-addressed topics without any candidate; gold sentence ranked first {sum(r < 1 for r in ranks)}, "
          f"in the top 3 {sum(r < 3 for r in ranks)}, top 10 {sum(r < 10 for r in ranks)}")
    print(f"scoring every sentence for these topics: {pairs} (topic, sentence) pairs in {t_score:.1f} s "
          f"({1000 * t_score / max(pairs, 1):.2f} ms a pair)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
