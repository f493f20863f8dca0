"""Another topic's statement (#13): a stacked second stage on out-of-fold first-stage scores,
measured out of fold on the TRAINING papers only (nested paper folds; the blind papers are never read).

For each labelled row (topic t, sentence s) the first stage (the shipped design) scores s for t and
for every other topic whose lexicon matches s (relevance.lexicon_topics); a small logistic regression
on [1, logit own, has a rival, logit of the best rival, relu(rival - own)] is fitted on inner
out-of-fold scores of the outer training papers and applied to the outer held-out papers.

    python benchmarks/relevance_rival_stack.py [DRAWS]

Prints AP of "on topic", the display cut and its precision / recall, the status cut and its
precision, first stage alone against the stack, and the stage-2 weights of each outer fold.
Session 23 (wt30g), one draw: first stage AP 0.7788, stacked 0.7641; the rival's weights near 0.
"""
import math
import random
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))
REL = ROOT / "tests" / "data" / "relevance"
WHY = {"s": "specific", "v": "vague", "m": "mention"}


def logit(p: float) -> float:
    p = min(max(p, 1e-4), 1 - 1e-4)
    return math.log(p / (1 - p))


def feats(po: float, pr: list[float]) -> list[float]:
    zo = logit(po)
    if not pr:
        return [1.0, zo, 0.0, 0.0, 0.0]
    zr = logit(max(pr))
    return [1.0, zo, 1.0, zr, max(0.0, zr - zo)]


def fit2(x, y, l2: float = 1e-2):
    """Logistic regression by Newton steps (the bias not penalised)."""
    import numpy as np

    x, y = np.array(x), np.array(y)
    w = np.zeros(x.shape[1])
    for _ in range(50):
        p = 1 / (1 + np.exp(-x @ w))
        g = x.T @ (p - y) / len(y) + l2 * w
        g[0] -= l2 * w[0]
        h = (x.T * (p * (1 - p))) @ x / len(y) + l2 * np.eye(len(w))
        w -= np.linalg.solve(h, g)
    return w


def main() -> int:
    import numpy as np
    from relevance_oof import average_precision

    from jupyter_review.nlp import relevance as rel

    split = rel.read_split(REL / "split.tsv")
    rows = [r for r in rel.training_labels(REL) if split.get(r["paper"]) == "train"]
    rel.RIVAL_TOPICS = tuple(sorted({r["topic"] for r in rows}))
    ids = [rel._ids(rel._row_words(r)) for r in rows]
    riv = []  # per row: the inputs of the same sentence for each other topic whose lexicon matches it
    for r in rows:
        text = " ".join(rel.with_links(r["text"], r.get("note", "")).split())[:600]
        riv.append([rel._ids(rel.candidate_words(t, r["text"], r.get("note", ""), r.get("section_kind", ""),
                                                 r.get("role", "main"), r.get("kind", "sentence"), WHY[h],
                                                 r.get("section", ""), r.get("prev", ""), r.get("next", "")))
                    for t, h in rel.lexicon_topics(text) if t != r["topic"]])
    print("rows", len(rows), "with rivals", sum(1 for x in riv if x))

    def score_pairs(model, idx):
        return [(j.on_topic, j.specific, [x.on_topic for x in model.score_ids(riv[i])] if riv[i] else [])
                for i, j in zip(idx, model.score_ids([ids[i] for i in idx]))]

    def folds_of(idx, k, seed):
        papers = sorted({rows[i]["paper"] for i in idx})
        random.Random(seed).shuffle(papers)
        return [set(papers[f::k]) for f in range(k)]

    res: dict[str, list] = {"base": [], "stack": []}
    weights = []
    draws = int(sys.argv[1]) if len(sys.argv) > 1 else 1
    for seed in [rel.SEED + i for i in range(draws)]:
        every = list(range(len(rows)))
        ob, ost = [], []
        for held in folds_of(every, 5, seed):
            tr = [i for i in every if rows[i]["paper"] not in held]
            te = [i for i in every if rows[i]["paper"] in held]
            x, y = [], []
            for inner in folds_of(tr, 4, rel.SEED):
                itr = [i for i in tr if rows[i]["paper"] not in inner]
                ite = [i for i in tr if rows[i]["paper"] in inner]
                m = rel.fit([rows[i] for i in itr], ids=[ids[i] for i in itr])
                for i, (po, _, rp) in zip(ite, score_pairs(m, ite)):
                    x.append(feats(po, rp))
                    y.append(float(rows[i]["label"] != "off"))
            w = fit2(x, y)
            weights.append(w)
            m = rel.fit([rows[i] for i in tr], ids=[ids[i] for i in tr])
            for i, (po, ps, rp) in zip(te, score_pairs(m, te)):
                ob.append((rows[i], po, ps))
                ost.append((rows[i], 1 / (1 + math.exp(-float(np.array(feats(po, rp)) @ w))), ps))
        for name, oof in (("base", ob), ("stack", ost)):
            ap = average_precision([(p, r["label"] != "off") for r, p, _ in oof])
            cut = rel.choose_threshold(oof)
            ev = rel.evaluate(oof, cut)
            st = rel.choose_status_threshold(oof, cut)
            evs = rel.evaluate(oof, st)
            res[name].append((ap, cut, ev["on_precision"], ev["on_recall"], st, evs["on_precision"]))
    for name, v in res.items():
        a = np.array(v).mean(0)
        print(name, "ap {:.4f} cut {:.3f} prec_at_cut {:.4f} rec_at_cut {:.4f} status_cut {:.3f} prec_at_status {:.4f}".format(*tuple(a)))
    print("stage-2 weights [bias, z_own, has_rival, z_rival, relu(z_rival - z_own)]:")
    for w in weights:
        print(np.round(w, 3))
    return 0


if __name__ == "__main__":
    sys.exit(main())
