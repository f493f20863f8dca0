"""What a change to the status decision does on the development gold batches, status by status.

Each paper of the given gold batches is analysed once with the shipped code; the status decision
(``engine._finish``) is then re-run on the same judged hits with some engine knobs set otherwise
(``--set NAME=VALUE``), and every topic whose status flips is printed with its gold status, the
sentence the shipped status rested on, and whether the flip gains, loses or is neutral (both
statuses wrong). Exact status accuracy shipped -> variant per batch closes the report. Cheaper and
more telling than two ``gap_accuracy.py`` runs: the judged hits are identical on both sides.

    python benchmarks/status_flips.py --set VAGUE_MENTION_NEEDS=0.6            # all nine batches
    python benchmarks/status_flips.py --batch topics --batch heldout --set VAGUE_NEEDS=sure
    python benchmarks/status_flips.py --cache /tmp/hits.pkl --set ...          # reuse the analyses
    python benchmarks/status_flips.py --oof --doubtful --set VAGUE_TOPICS=None   # as a paper never seen
    python benchmarks/status_flips.py --oof --cache /tmp/h.pkl --set CUT_STATUS=-0.03   # the cuts themselves

``CUT_STATUS`` / ``CUT_SHOWN`` move the judgement's status cut ("on") / display cut ("sure"): a
probability, or a shift ("+0.05", "-0.1") of the cut of the model each paper was judged with.

``--oof`` scores each relevance-training paper with the fold model that left it out (as
``status_oof.py``) and leaves the relevance-blind papers out: the shipped model judges its own
training sentences surer than it would a new paper's, so in-sample the doubtful band is thinner and
kinder than on unseen papers. ``--doubtful`` prints, per topic, the gold statuses of the ``vague``
calls that rest only on sentences the judgement is not sure of.

Use it on development batches; a held-out set read with it is no longer held out.
"""

from __future__ import annotations

import argparse
import pickle
import sys
from collections import Counter
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from gap_accuracy import load_gold  # noqa: E402

# the development batches (fresh5-7 are held out for status changes since session 21)
BATCHES = ("topics", "heldout", "fresh", "fresh2", "fresh3", "fresh4", "fresh8", "fresh9")


def collect(batches: list[str], oof: bool = False) -> dict[str, list[tuple[dict[str, Any], tuple]]]:
    """batch -> [(gold case, the arguments of ``engine._finish`` for its paper)]."""
    import os

    from relevance_accuracy import REL, _fold_models

    import jupyter_review as jr
    from jupyter_review.checklist import engine
    from jupyter_review.nlp.relevance import load_model, read_split

    cases = {b: load_gold(ROOT / "tests" / "data" / "gold" / b, include_sample=False) for b in batches}
    split = read_split(REL / "split.tsv") if oof else {}
    folds = _fold_models(sorted({c["name"] for cs in cases.values() for c in cs
                                 if split.get(c["name"]) == "train"}), 5) if oof else {}

    stash: dict[str, tuple] = {}
    orig = engine._finish

    def grab(analysis, results, collected, has_supp, main_units=None):
        stash["x"] = (analysis, dict(results), collected, has_supp, main_units)
        return orig(analysis, results, collected, has_supp, main_units)

    out: dict[str, list[tuple[dict[str, Any], tuple]]] = {}
    engine._finish = grab
    try:
        for b in batches:
            out[b] = []
            for case in cases[b]:
                if split.get(case["name"]) == "blind":
                    continue
                if oof:
                    if case["name"] in folds:
                        os.environ["JUPYTER_REVIEW_RELEVANCE"] = folds[case["name"]]
                    else:
                        os.environ.pop("JUPYTER_REVIEW_RELEVANCE", None)
                    load_model.cache_clear()
                jr.analyze(str(case["paper"]), supplements=[str(s) for s in case["supplements"]])
                x = stash.pop("x")
                m = load_model()
                for tid, hits in x[2].items():
                    for h in hits:  # the cuts this paper's model judged with (for CUT_* shifts)
                        h._cut_on = m.threshold_status if m else 0.0
                        h._cut_sure = m.threshold_for(tid) if m else 0.0
                out[b].append((case, x))
                print(f"  {b}: {case['name']}", file=sys.stderr)
    finally:
        engine._finish = orig
        if oof:
            os.environ.pop("JUPYTER_REVIEW_RELEVANCE", None)
            load_model.cache_clear()
    return out


def doubtful_vague(data: dict[str, list[tuple[dict[str, Any], tuple]]], batches: list[str],
                   knobs: dict[str, Any]) -> None:
    """Per topic: the gold statuses of vague calls resting only on doubtful sentences, and of the others."""
    by: dict[str, list[Counter]] = {}
    for b in batches:
        for case, args in data[b]:
            for tid, r in decide(args, knobs).items():
                if r.status == "vague" and tid in case["gold"]:
                    doubt = all(e.relevance is not None for e in r.evidence) and "is not sure" in r.reason
                    by.setdefault(tid, [Counter(), Counter()])[0 if doubt else 1][case["gold"][tid]] += 1
    tot = [sum((c[i] for c in by.values()), Counter()) for i in (0, 1)]
    print("vague calls resting only on doubtful sentences | on a sure one: gold statuses per topic")
    for tid in sorted(by):
        print(f"  {tid:32s} {dict(by[tid][0]) or '-'} | {dict(by[tid][1]) or '-'}")
    for name, c in (("doubtful-only", tot[0]), ("sure", tot[1])):
        n = sum(c.values())
        print(f"  {name}: {c['vague']}/{n} right")


def decide(args: tuple, knobs: dict[str, Any]) -> dict[str, Any]:
    """The topic results of one paper's judged hits under these engine knobs."""
    from jupyter_review.checklist import engine

    analysis, na, collected, has_supp, main_units = args
    knobs = dict(knobs)
    # pseudo-knobs: the judgement's cuts themselves (CUT_STATUS: "on", CUT_SHOWN: "sure"), as
    # probabilities, or as a shift of each model's own cut ("+0.05", "-0.1")
    cuts = {k: knobs.pop(k) for k in ("CUT_STATUS", "CUT_SHOWN") if k in knobs}
    saved = {k: getattr(engine, k) for k in knobs}
    for hits in collected.values():
        for h in hits:
            h.lead = False
            if not hasattr(h, "_cuts"):
                h._cuts = (h.on, h.sure)
            h.on, h.sure = h._cuts
            if h.p_on is None:
                continue
            for k, attr in (("CUT_STATUS", "on"), ("CUT_SHOWN", "sure")):
                if k in cuts:
                    v = cuts[k]
                    setattr(h, attr, h.p_on >= (float(v) if not isinstance(v, str) else
                                                getattr(h, "_cut_" + attr) + float(v)))
    try:
        for k, v in knobs.items():
            setattr(engine, k, v)
        return engine._finish(analysis, dict(na), collected, has_supp, main_units)
    finally:
        for k, v in saved.items():
            setattr(engine, k, v)


def _value(text: str) -> Any:
    for cast in (int, float):
        try:
            return cast(text)
        except ValueError:
            pass
    return {"True": True, "False": False, "None": None}.get(text, text)


def main(argv: list[str] | None = None) -> int:
    from jupyter_review.checklist import engine

    ap = argparse.ArgumentParser()
    ap.add_argument("--batch", action="append", help="gold batch under tests/data/gold/ (default: the development ones)")
    ap.add_argument("--oof", action="store_true", help="relevance-training papers judged by the fold model that left "
                    "them out; relevance-blind papers left out")
    ap.add_argument("--doubtful", action="store_true", help="per topic, the gold of vague calls on doubtful sentences")
    ap.add_argument("--set", action="append", default=[], metavar="NAME=VALUE", help="an engine knob's variant value")
    ap.add_argument("--cache", help="keep the judged hits in this pickle (delete it after a change to retrieval "
                    "or to the judgement)")
    a = ap.parse_args(argv)
    knobs = {}
    for kv in a.set:
        name, _, value = kv.partition("=")
        if not hasattr(engine, name) and name not in ("CUT_STATUS", "CUT_SHOWN"):
            ap.error(f"the engine has no knob {name}")
        knobs[name] = value if name.startswith("CUT_") and value[:1] in "+-" else _value(value)
    batches = a.batch or list(BATCHES)
    cache = Path(a.cache) if a.cache else None
    if cache is not None and cache.exists():
        data = pickle.loads(cache.read_bytes())
    else:
        data = collect(batches, a.oof)
        if cache is not None:
            cache.write_bytes(pickle.dumps(data))
    tally: Counter = Counter()
    print(f"variant: {knobs or 'none (shipped against shipped)'}")
    for b in batches:
        right = [0, 0]
        n = 0
        for case, args in data[b]:
            before, after = decide(args, {}), decide(args, knobs)
            for tid, g in case["gold"].items():
                if tid not in before:
                    continue
                s0, s1 = before[tid].status, after[tid].status
                n += 1
                right[0] += s0 == g
                right[1] += s1 == g
                if s0 == s1:
                    continue
                kind = "gain" if s1 == g else "loss" if s0 == g else "neutral"
                tally[kind] += 1
                ev = before[tid].evidence[:1] or after[tid].evidence[:1]
                quote = " ".join(ev[0].text.split())[:140] if ev else "-"
                rel = "-" if not ev or ev[0].relevance is None else f"{ev[0].relevance:.2f}"
                print(f"  {kind:7s} {b}/{case['name']} {tid}: {s0} -> {s1} (gold {g}) [{rel}] {quote}")
        if n:
            print(f"{b}: exact {right[0] / n:.3f} -> {right[1] / n:.3f} ({n} judgements)")
    print(f"flips: gain {tally['gain']}, loss {tally['loss']}, neutral {tally['neutral']}")
    if a.doubtful:
        doubtful_vague(data, batches, knobs)
    return 0


if __name__ == "__main__":
    sys.exit(main())
