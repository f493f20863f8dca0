"""Out-of-fold status figures of the checklist on the TRAINING papers that have a hand-read
status gold, for several ways of deciding disclosed / vague / missing from the judged hits.

Each training paper is analysed once with a relevance model trained without its paper fold (as
``relevance_accuracy.py --oof``); the status decision is then re-run on the same judged hits
under each decision variant, so variants are compared on identical retrieval and judgements.
The blind papers are never read here.

    python benchmarks/status_oof.py                      # the shipped decision and the variants
"""

from __future__ import annotations

import argparse
import os
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from relevance_accuracy import GAP, NO_GAP, REL, SHARED, _fold_models, f1, load_status_gold  # noqa: E402


def collect(folds: int, only: str | None = None):
    """paper -> (analysis, not-applicable results, judged hits by topic, has supplement)."""
    import jupyter_review as jr
    from jupyter_review.checklist import engine
    from jupyter_review.nlp.relevance import load_model, read_split

    split = read_split(REL / "split.tsv")
    files = {ln.split("\t")[0]: ln.split("\t")[1].split() for ln in (REL / "split.tsv").read_text().splitlines()[1:]}
    gold = load_status_gold()
    papers = [p for p in sorted(split) if split[p] == "train" and p in gold and (only is None or p == only)]
    fm = _fold_models(papers, folds)
    stash = {}
    orig = engine._finish

    def grab(analysis, results, collected, has_supp, main_units=None):
        stash["x"] = (analysis, dict(results), collected, has_supp, main_units)
        return orig(analysis, results, collected, has_supp, main_units)

    engine._finish = grab
    try:
        out = {}
        for p in papers:
            os.environ["JUPYTER_REVIEW_RELEVANCE"] = fm[p]
            load_model.cache_clear()
            paths = [str(SHARED / f) for f in files[p]]
            jr.analyze(paths[0], paths[1:])
            out[p] = stash.pop("x")
    finally:
        engine._finish = orig
        os.environ.pop("JUPYTER_REVIEW_RELEVANCE", None)
        load_model.cache_clear()
    return out, gold


def score(data, gold, topics_of_interest=("data.size", "eval.baselines")) -> dict:
    from jupyter_review.checklist import engine

    pairs = []
    for p, (analysis, na, collected, has_supp, *rest) in data.items():
        for hits in collected.values():
            for h in hits:
                h.lead = False
        res = engine._finish(analysis, dict(na), collected, has_supp, *rest)
        for tid, r in res.items():
            if tid in gold[p]:
                pairs.append((p, tid, gold[p][tid], r.status))
    scored = [(g, s) for *_, g, s in pairs if g != "not_applicable"]
    tp = sum(1 for g, s in scored if g in GAP and s in GAP)
    fp = sum(1 for g, s in scored if g in NO_GAP and s in GAP)
    fn = sum(1 for g, s in scored if g in GAP and s not in GAP)
    tn = sum(1 for g, s in scored if g in NO_GAP and s not in GAP)
    vp = [g for *_, g, s in pairs if s == "vague"]
    conf = Counter((g, s) for *_, g, s in pairs if g != s)
    zero = []
    for tid in sorted({t for _, t, _, _ in pairs}):
        gaps = [s for _, t, g, s in pairs if t == tid and g in GAP]
        if gaps and not any(s in GAP for s in gaps):
            zero.append(tid)
    return {"exact": sum(1 for *_, g, s in pairs if g == s) / len(pairs),
            "macro": (f1(tp, fp, fn) + f1(tn, fn, fp)) / 2, "gapF1": f1(tp, fp, fn),
            "vprec": sum(1 for g in vp if g == "vague") / max(len(vp), 1), "nvague": len(vp),
            "zero": zero, "conf": conf.most_common(5), "pairs": pairs}


def diag(data, gold) -> None:
    m = score(data, gold)
    for p, tid, g, s in sorted(m["pairs"], key=lambda x: (x[2], x[3], x[1])):
        if g == s or g == "not_applicable":
            continue
        hits = data[p][2].get(tid, [])
        print(f"== {g}->{s} {p} {tid}: {len(hits)} hits")
        for h in sorted(hits, key=lambda h: -(h.p_on if h.p_on is not None else 2))[:6]:
            po = "  -  " if h.p_on is None else f"{h.p_on:.2f}"
            ps = "  -  " if h.p_spec is None else f"{h.p_spec:.2f}"
            print(f"   {'S' if h.strength == 3 else h.strength} {h.why:8s} on {po} sp {ps} {'on' if h.on else '  '}"
                  f"{'*' if h.sure else ' '} {h.unit.role[:4]} p{h.unit.page}: {' '.join(h.unit.text.split())[:120]}")


def _topic_features(hits, status: str) -> list[float]:
    """What a topic's judged hits say, as numbers: is there an on-topic lexicon-specific hit in the
    main text, how sure the judgement is of the best ones, how many, the supplement's, the
    shipped status."""
    import math

    from jupyter_review.checklist import engine

    on = [h for h in hits if h.on]
    m = [h for h in on if h.unit.role == "main"]
    s = [h for h in on if h.unit.role != "main"]

    def p(h):
        return 1.0 if h.p_on is None else h.p_on

    def sp(h):
        return p(h) if h.p_spec is None else h.p_spec

    ms = [h for h in m if h.strength == engine.SPECIFIC]
    ss = [h for h in s if h.strength == engine.SPECIFIC]

    def mx(xs):
        return max(xs) if xs else 0.0

    return [float(bool(ms)), mx([p(h) for h in ms]), mx([p(h) * sp(h) for h in m]), mx([p(h) for h in m]),
            math.log1p(len(ms)), math.log1p(sum(h.sure for h in m)), float(bool(ss)), mx([p(h) for h in ss]),
            float(status in NO_GAP), mx([sp(h) for h in m if h.sure])]


def learned_aggregate(data, gold, draws: int = 3) -> None:
    """A learned gap decision per topic (logistic regression over :func:`_topic_features`),
    scored by paper folds nested inside these out-of-fold hits, against the shipped decision."""
    import math
    import random

    import numpy as np

    m = score(data, gold)
    rows = [(p, t, g, s, _topic_features(data[p][2].get(t, []), s)) for p, t, g, s in m["pairs"]
            if g != "not_applicable" and s != "not_applicable"]
    papers = sorted({r[0] for r in rows})

    def macro(gap_of) -> float:
        tp = sum(1 for r in rows if r[2] in GAP and gap_of(r))
        fp = sum(1 for r in rows if r[2] not in GAP and gap_of(r))
        fn = sum(1 for r in rows if r[2] in GAP and not gap_of(r))
        tn = sum(1 for r in rows if r[2] not in GAP and not gap_of(r))
        return (f1(tp, fp, fn) + f1(tn, fn, fp)) / 2

    print(f"learned topic-level gap decision ({len(rows)} applicable judgements): shipped macro-F1 "
          f"{macro(lambda r: r[3] in GAP):.3f}")
    for seed in range(1, draws + 1):
        order = papers[:]
        random.Random(seed).shuffle(order)
        pred = {}
        for k in range(5):
            held = set(order[k::5])
            tr = [r for r in rows if r[0] not in held]
            x = np.array([r[4] for r in tr])
            y = np.array([r[2] in NO_GAP for r in tr], dtype=float)
            mu, sd = x.mean(0), x.std(0) + 1e-9
            xn = np.c_[np.ones(len(x)), (x - mu) / sd]
            w = np.zeros(xn.shape[1])
            for _ in range(2000):
                g = xn.T @ (1 / (1 + np.exp(-xn @ w)) - y) / len(y) + 1e-2 * np.r_[0, w[1:]]
                w -= 0.5 * g
            for r in rows:
                if r[0] in held:
                    z = w[0] + ((np.array(r[4]) - mu) / sd) @ w[1:]
                    pred[(r[0], r[1])] = 1 / (1 + math.exp(-z))
        print(f"  draw {seed}: " + "  ".join(f"cut {c}: {macro(lambda r, pred=pred, c=c: pred[(r[0], r[1])] < c):.3f}"
                                             for c in (0.3, 0.4, 0.5, 0.6, 0.7)))


def sentence_specificity(draws: int = 2) -> None:
    """Specific or vague, on the on-topic labelled sentences of the training papers (out of fold):
    the lexicon's word (a ``specific`` pattern matched) against the learned judgement's p_specific."""
    from jupyter_review.nlp import relevance as rel

    split = rel.read_split(REL / "split.tsv")
    rows = [r for r in rel.read_labels(REL / "labels") if split.get(r["paper"]) == "train"]
    on = [(r, sp) for seed in range(draws) for r, _, sp in rel.cross_validate(rows, [], seed=rel.SEED + seed, folds=5)
          if r["label"] != "off"]

    def line(name, pred) -> None:
        c = Counter((pred(r, sp), r["label"] == "specific") for r, sp in on)
        tp, fp, fn, tn = c[(True, True)], c[(True, False)], c[(False, True)], c[(False, False)]
        ps, rs, pv, rv = tp / max(tp + fp, 1), tp / max(tp + fn, 1), tn / max(tn + fn, 1), tn / max(tn + fp, 1)
        mf = (f1(tp, fp, fn) + f1(tn, fn, fp)) / 2
        print(f"  {name:34s} accuracy {(tp + tn) / len(on):.3f}  specific P/R {ps:.3f}/{rs:.3f}  vague P/R "
              f"{pv:.3f}/{rv:.3f}  macro-F1 {mf:.3f}")

    print(f"specific vs vague, {len(on) // draws} on-topic labelled training sentences x {draws} fold draws:")
    line("lexicon (a specific pattern)", lambda r, sp: r["strength"] == "specific")
    for t in (0.4, 0.5, 0.6, 0.7, 0.9):
        line(f"learned p_specific >= {t}", lambda r, sp, t=t: sp >= t)


def show(name: str, m: dict) -> None:
    print(f"{name:40s} exact {m['exact']:.3f} macroF1 {m['macro']:.3f} gapF1 {m['gapF1']:.3f} "
          f"vague prec {m['vprec']:.3f} ({m['nvague']}) zero-recall {','.join(m['zero']) or '-'}")
    print("    " + ", ".join(f"{g}->{s} {n}" for (g, s), n in m["conf"]))


def main(argv: list[str] | None = None) -> int:
    from jupyter_review.checklist import engine

    ap = argparse.ArgumentParser()
    ap.add_argument("--folds", type=int, default=5)
    ap.add_argument("--only")
    ap.add_argument("--cache", help="keep the judged hits in this pickle (development only: delete it after a "
                    "change to retrieval or to the judgement)")
    ap.add_argument("--sentences", action="store_true", help="specificity of labelled sentences only (no analysis)")
    ap.add_argument("--aggregate", action="store_true", help="a learned topic-level gap decision, nested folds")
    ap.add_argument("--diag", action="store_true", help="print the judged hits behind each disagreement")
    a = ap.parse_args(argv)
    if a.sentences:
        sentence_specificity()
        return 0
    cache = Path(a.cache) if a.cache else None
    if cache is not None and cache.exists():
        import pickle

        data, gold = pickle.loads(cache.read_bytes())
    else:
        data, gold = collect(a.folds, a.only)
        if cache is not None:
            import pickle

            cache.write_bytes(pickle.dumps((data, gold)))
    if a.diag:
        diag(data, gold)
        return 0
    if a.aggregate:
        learned_aggregate(data, gold)
        return 0
    print(f"{len(data)} training papers with a status gold, {a.folds} paper folds")
    base = score(data, gold)
    show("shipped decision", base)
    for name, knobs in VARIANTS:
        saved = {k: getattr(engine, k) for k in knobs}
        for k, v in knobs.items():
            setattr(engine, k, v)
        try:
            show(name, score(data, gold))
        finally:
            for k, v in saved.items():
                setattr(engine, k, v)
    return 0


VARIANTS: list[tuple[str, dict]] = [
    *[(f"disclosed needs {t}", {"DISCLOSED_NEEDS": t, "DISCLOSED_TOPICS": None}) for t in ("sure", 0.4, 0.5, 0.6)],
    *[(f"disclosed needs {t}, vague needs {v}", {"DISCLOSED_NEEDS": t, "DISCLOSED_TOPICS": None, "VAGUE_NEEDS": v,
                                                   "VAGUE_TOPICS": None})
      for t, v in (("sure", "sure"), (0.5, 0.5), ("sure", 0.5))],
    *[(f"disclosed needs {t} for data.size/eval.baselines", {"DISCLOSED_NEEDS": t,
      "DISCLOSED_TOPICS": ("data.size", "eval.baselines")}) for t in ("sure", 0.5)],
    *[(f"disclosed needs {t} for reproducibility.statistics", {"DISCLOSED_NEEDS": t,
      "DISCLOSED_TOPICS": ("reproducibility.statistics",)}) for t in ("sure", 0.5)],
    ("disclosed needs only the status cut", {"DISCLOSED_NEEDS": "on"}),
    ("vague needs sure (every topic)", {"VAGUE_NEEDS": "sure", "VAGUE_TOPICS": None, "VAGUE_OWN_WORDING": False}),
    ("vague needs sure, own wording counts (every topic)", {"VAGUE_NEEDS": "sure", "VAGUE_TOPICS": None}),
    ("vague needs only the status cut (no topic)", {"VAGUE_NEEDS": "on"}),
    ("a bare mention needs only the status cut", {"VAGUE_MENTION_NEEDS": "on"}),
    *[(f"a bare mention needs p_on>={t}", {"VAGUE_MENTION_NEEDS": t}) for t in (0.5, 0.6, 0.7)],
    ("a bare mention needs sure, corroborated by 2", {"VAGUE_CORROBORATE": 2}),
    ("a bare mention that reports a finding counts", {"VAGUE_MENTION_NOT_FINDINGS": False}),
    *[(f"vague needs p_on>={t}", {"VAGUE_NEEDS": t, "VAGUE_TOPICS": None}) for t in (0.5, 0.7, 0.8)],
    *[(f"spec down <{t}", {"SPEC_DOWN": t}) for t in (0.1, 0.2, 0.3, 0.4)],
    *[(f"spec up >={t}", {"SPEC_UP": t}) for t in (0.6, 0.7, 0.8, 0.9)],
    *[(f"spec down <{lo} up >={hi}", {"SPEC_DOWN": lo, "SPEC_UP": hi}) for lo, hi in ((0.2, 0.8), (0.3, 0.7), (0.5, 0.5))],
    *[(f"vague sure, down <{lo} up >={hi}", {"VAGUE_NEEDS": "sure", "VAGUE_TOPICS": None, "SPEC_DOWN": lo, "SPEC_UP": hi})
      for lo, hi in ((0.2, 0.8), (0.3, 0.7), (0.2, 2.0), (0.0, 0.8))],
]

if __name__ == "__main__":
    sys.exit(main())
