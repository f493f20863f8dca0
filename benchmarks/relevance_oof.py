"""Out-of-fold figures of the relevance judgement on the TRAINING papers only (group k-fold by
paper, several fold draws): what feature and training choices are chosen by. The blind papers
are never read here.

    python benchmarks/relevance_oof.py                 # the current design
    python benchmarks/relevance_oof.py --seeds 3 --folds 5

Prints, pooled over the out-of-fold predictions of each draw and averaged over draws: average
precision of "on topic" (the ranking a referee sees), precision / recall at the display cut the
training would choose, the recall kept at the status cut, per-topic AP (macro), and the AP of
"specific" among the on-topic rows.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
REL = ROOT / "tests" / "data" / "relevance"


def average_precision(pairs: list[tuple[float, bool]]) -> float:
    """AP of a ranking: the mean, over the positives, of the precision at each one's rank."""
    pairs = sorted(pairs, key=lambda x: -x[0])
    pos = sum(1 for _, y in pairs if y)
    if not pos:
        return float("nan")
    tp = 0
    s = 0.0
    for i, (_, y) in enumerate(pairs, 1):
        if y:
            tp += 1
            s += tp / i
    return s / pos


_RUNS: dict[Path, list[list[str]]] = {}


def cross_validate_fold_vectors(rows, topics, folds: int, seed: int, **kw):
    """As ``relevance.cross_validate`` (the same paper folds), but the word vectors of each fold
    are learned without the held-out papers' PDFs: an unseen paper's words were never read."""
    import random

    from jupyter_review.nlp import relevance as rel
    from jupyter_review.nlp import wordvec

    papers = sorted({r["paper"] for r in rows})
    random.Random(seed).shuffle(papers)
    out = []
    shared = Path(__import__("os").environ.get("JR_SHARED", "/work/shared"))
    for k in range(folds):
        held = set(papers[k::folds])
        pdfs = wordvec.corpus_pdfs(shared, REL / "split.tsv", leave_out=held)
        runs = []
        for p in pdfs:
            if p not in _RUNS:
                _RUNS[p] = wordvec.pdf_words(p)
            runs += _RUNS[p]
        wordvec.use(wordvec.build_runs(runs, log=lambda *_: None))
        ids = [rel._ids(rel._row_words(r)) for r in rows]
        tr = [i for i, r in enumerate(rows) if r["paper"] not in held]
        te = [i for i, r in enumerate(rows) if r["paper"] in held]
        model = rel.fit([rows[i] for i in tr], topics, ids=[ids[i] for i in tr], **kw)
        for i, j in zip(te, model.score_ids([ids[i] for i in te])):
            out.append((rows[i], j.on_topic, j.specific))
    wordvec.use(None)
    return out


def cross_validate_scored_only(rows, topics, folds: int, seed: int, **kw):
    """As ``relevance.cross_validate`` (the same paper folds), but rows marked ``_score_only``
    are scored when their paper is held out and never trained on: two trainings compared on the
    same rows (labels added to training against the same labels left out of it)."""
    import random

    from jupyter_review.nlp import relevance as rel

    papers = sorted({r["paper"] for r in rows})
    random.Random(seed).shuffle(papers)
    ids = [rel._ids(rel._row_words(r)) for r in rows]
    out = []
    for k in range(folds):
        held = set(papers[k::folds])
        tr = [i for i, r in enumerate(rows) if r["paper"] not in held and not r.get("_score_only")]
        te = [i for i, r in enumerate(rows) if r["paper"] in held]
        model = rel.fit([rows[i] for i in tr], topics, ids=[ids[i] for i in tr], **kw)
        for i, j in zip(te, model.score_ids([ids[i] for i in te])):
            out.append((rows[i], j.on_topic, j.specific))
    return out


def oof_figures(rows, topics, folds: int, seeds: list[int], fold_vectors: bool = False, **kw) -> dict[str, float]:
    from jupyter_review.nlp import relevance as rel

    acc: dict[str, list[float]] = defaultdict(list)
    for seed in seeds:
        if any(r.get("_score_only") for r in rows):
            oof = cross_validate_scored_only(rows, topics, folds, seed, **kw)
        elif fold_vectors:
            oof = cross_validate_fold_vectors(rows, topics, folds, seed, **kw)
        else:
            oof = rel.cross_validate(rows, topics, folds=folds, seed=seed, **kw)
        ap = average_precision([(p, r["label"] != "off") for r, p, _ in oof])
        spec = average_precision([(s, r["label"] == "specific") for r, _, s in oof if r["label"] != "off"])
        by_t: dict[str, list] = defaultdict(list)
        for r, p, _ in oof:
            by_t[r["topic"]].append((p, r["label"] != "off"))
        per = [average_precision(v) for v in by_t.values() if any(y for _, y in v) and not all(y for _, y in v)]
        cut = rel.choose_threshold(oof)
        ev = rel.evaluate(oof, cut)
        st = rel.choose_status_threshold(oof, cut)
        evs = rel.evaluate(oof, st)
        acc["ap_on"].append(ap)
        acc["macro_topic_ap"].append(sum(per) / len(per))
        acc["ap_specific"].append(spec)
        acc["cut"].append(cut)
        acc["prec_at_cut"].append(ev["on_precision"])
        acc["recall_at_cut"].append(ev["on_recall"])
        acc["status_cut"].append(st)
        acc["prec_at_status_cut"].append(evs["on_precision"])
    return {k: sum(v) / len(v) for k, v in acc.items()}


def main(argv: list[str] | None = None) -> int:
    import yaml

    from jupyter_review.nlp import relevance as rel

    ap = argparse.ArgumentParser()
    ap.add_argument("--folds", type=int, default=5)
    ap.add_argument("--seeds", type=int, default=3)
    ap.add_argument("--features", help="comma-separated context feature groups (head, shape, nbr, nbrtopic, subj); "
                    "default: the shipped design's")
    ap.add_argument("--l2", type=float)
    ap.add_argument("--off-weight", type=float)
    ap.add_argument("--steps", type=int, help="AdaGrad steps of the training (default: the shipped "
                    "relevance.STEPS); 0 fits to the optimum (L-BFGS)")
    ap.add_argument("--neighbour-weight", type=float)
    ap.add_argument("--wv-scale", type=float)
    ap.add_argument("--fold-vectors", action="store_true",
                    help="learn the word vectors of each fold without its held-out papers (honest, slower)")
    ap.add_argument("--seed-offset", type=int, default=0, help="draw other paper folds (SEED + offset + i)")
    ap.add_argument("--wv-clusters", type=int)
    ap.add_argument("--train-dirs", help="label folders that train and are scored (comma-separated; default: "
                    "relevance.TRAIN_LABEL_DIRS)")
    ap.add_argument("--score-dirs", default="", help="label folders scored out of fold but never trained on "
                    "(comma-separated): compare two trainings on the same rows")
    a = ap.parse_args(argv)
    if a.train_dirs is not None:
        rel.TRAIN_LABEL_DIRS = tuple(x for x in a.train_dirs.split(",") if x)
    if a.features is not None:
        rel.FEATURES = frozenset(x for x in a.features.split(",") if x)
    if a.neighbour_weight is not None:
        rel.NEIGHBOUR_WEIGHT = a.neighbour_weight
    if a.wv_scale is not None:
        rel.WV_SCALE = a.wv_scale
    if a.wv_clusters is not None:
        rel.WV_CLUSTERS = a.wv_clusters
    kw = {k: v for k, v in (("l2", a.l2), ("off_weight", a.off_weight), ("steps", a.steps)) if v is not None}
    split = rel.read_split(REL / "split.tsv")
    rows = [r for r in rel.training_labels(REL) if split.get(r["paper"]) == "train"]
    for d in (x for x in a.score_dirs.split(",") if x):
        rows += [dict(r, _score_only=True) for r in rel.read_labels(REL / d) if split.get(r["paper"]) == "train"]
    topics = list(yaml.safe_load((ROOT / "jupyter_review" / "checklist" / "data" / "topics.yaml").read_text())["topics"])
    t0 = time.perf_counter()
    fig = oof_figures(rows, topics, a.folds, [rel.SEED + a.seed_offset + i for i in range(a.seeds)],
                      fold_vectors=a.fold_vectors, **kw)
    print(f"features {sorted(rel.FEATURES)} {kw} neighbour weight {rel.NEIGHBOUR_WEIGHT} "
          f"wv scale {rel.WV_SCALE} clusters {rel.WV_CLUSTERS}")
    print(f"label folders {list(rel.TRAIN_LABEL_DIRS)} + scored only {a.score_dirs or '-'}; "
          f"train papers {len({r['paper'] for r in rows})}, rows {len(rows)}; {a.folds} folds x {a.seeds} draws "
          f"({time.perf_counter() - t0:.0f} s)")
    print("  ".join(f"{k} {v:.4f}" for k, v in fig.items()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
