"""Is the checklist's evidence about its topic?  Measured on the blind papers only.

Reads the relevance split (tests/data/relevance/split.tsv), the hand labels of candidate
sentences (tests/data/relevance/labels/, and top-up labels of quotes shown later,
tests/data/relevance/topup_labels/) and the hand-read status gold (tests/data/gold/*/). For each
paper of the chosen set it runs the whole analysis and prints:

* evidence precision: of the quotes shown for non-missing topics (the first three of each topic),
  the share a person labelled as about the topic (specific or vague); first-quote precision;
  how many shown quotes carry a label at all (coverage);
* the model's own on-topic precision / recall on the set's labelled candidates;
* against the status gold (papers that have one): exact status agreement, gap-vs-disclosed
  macro-F1, vague precision, and topics whose gaps are never found.

    python benchmarks/relevance_accuracy.py                 # blind papers, the shipped model
    python benchmarks/relevance_accuracy.py --no-model      # the lexicons alone (before #13)
    python benchmarks/relevance_accuracy.py --set train     # development figures (tuned on)
    python benchmarks/relevance_accuracy.py --write-topup   # unlabelled shown quotes -> topup/
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
REL = ROOT / "tests" / "data" / "relevance"
GOLD = ROOT / "tests" / "data" / "gold"
SHARED = ROOT.parent / "shared"
GAP, NO_GAP = {"vague", "missing"}, {"disclosed", "supplement_only"}
SHOWN = 3


def _key(text: str) -> str:
    t = " ".join(text.split())
    if t.endswith("..."):
        t = t[:-3]
    return t[:300].lower()


def load_labels() -> dict[tuple[str, str, str], str]:
    out: dict[tuple[str, str, str], str] = {}
    # shown_s20/: the quotes shown on the training papers that had no label (session 20). A row
    # whose quote differs from the judgement's input (a form's answer, judged with its question)
    # keeps the quote as shown beside it
    # shown_s22/: the same for the quotes shown first by sessions 20-21's changes (session 22)
    for d in (REL / "labels", REL / "topup_labels", REL / "shown_s20", REL / "shown_s22"):
        for f in sorted(d.glob("*.jsonl")) if d.is_dir() else []:
            for line in f.read_text(encoding="utf-8").splitlines():
                if line.strip():
                    r = json.loads(line)
                    if r.get("label") in ("specific", "vague", "off"):
                        for t in (r["text"], r.get("quote")):
                            if t:
                                out[(r["paper"], r["topic"], _key(t))] = r["label"]
    return out


# Status gold no status change was ever tuned on: read by hand without the tool for the blind papers
# that had none (session 19). The other blind papers' status gold sits in the development batches.
NEVER_TUNED = ("relblind",)


def load_status_gold(where: dict[str, str] | None = None) -> dict[str, dict[str, str]]:
    """Hand-read statuses per paper; `where`, if given, is filled with each paper's gold directory."""
    import yaml

    out: dict[str, dict[str, str]] = {}
    for d in sorted(GOLD.iterdir()):
        if not d.is_dir() or d.name in ("agreement", "design", "design-agreement", "extract", "tables"):
            continue
        for f in sorted(d.glob("*.yaml")):
            data = yaml.safe_load(f.read_text(encoding="utf-8"))
            if not isinstance(data, dict) or "paper" not in data or "topics" not in data:
                continue  # another kind of gold (code links, statements, split files)
            out[Path(data["paper"]).stem] = {t: str(v["status"]) for t, v in (data.get("topics") or {}).items()}
            if where is not None:
                where[Path(data["paper"]).stem] = d.name
    return out


def f1(tp: int, fp: int, fn: int) -> float:
    return 2 * tp / max(2 * tp + fp + fn, 1)


def _status_figures(pairs: list[tuple[str, str, str, str]], title: str, short: bool = False) -> None:
    exact = sum(1 for *_, g, s in pairs if g == s and g != "not_applicable")
    scored = [(g, s) for *_, g, s in pairs if g != "not_applicable"]
    exact_all = sum(1 for *_, g, s in pairs if g == s)
    tp = sum(1 for g, s in scored if g in GAP and s in GAP)
    fp = sum(1 for g, s in scored if g in NO_GAP and s in GAP)
    fn = sum(1 for g, s in scored if g in GAP and s not in GAP)
    tn = sum(1 for g, s in scored if g in NO_GAP and s not in GAP)
    macro = (f1(tp, fp, fn) + f1(tn, fn, fp)) / 2
    vp = [(g, s) for *_, g, s in pairs if s == "vague"]
    vprec = sum(1 for g, _ in vp if g == "vague") / max(len(vp), 1)
    print(f"{title} ({len({x[0] for x in pairs})} papers, {len(pairs)} judgements): exact "
          f"{exact_all / len(pairs):.3f} (applicable items {exact / max(len(scored), 1):.3f}); gap F1 {f1(tp, fp, fn):.3f}, "
          f"gap-vs-disclosed macro-F1 {macro:.3f}; vague precision {vprec:.3f} ({len(vp)} vague calls)")
    if short:
        return
    zero = []
    for tid in sorted({t for _, t, _, _ in pairs}):
        gaps = [(g, s) for _, t, g, s in pairs if t == tid and g in GAP]
        if gaps and not any(s in GAP for _, s in gaps):
            zero.append(tid)
    print(f"topics with gaps in the gold and none found: {', '.join(zero) or 'none'}")
    recall = []
    for tid in sorted({t for _, t, _, _ in pairs}):
        gaps = [s for _, t, g, s in pairs if t == tid and g in GAP]
        if gaps:
            recall.append(f"{tid} {sum(1 for s in gaps if s in GAP)}/{len(gaps)}")
    print("gap recall per topic (gold gaps found): " + ", ".join(recall))
    conf = Counter((g, s) for *_, g, s in pairs if g != s)
    print("most frequent disagreements (gold -> tool): " + ", ".join(f"{g}->{s} {n}" for (g, s), n in conf.most_common(6)))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--set", default="blind", choices=["blind", "train", "all"])
    ap.add_argument("--no-model", action="store_true", help="switch the relevance judgement off")
    ap.add_argument("--only")
    ap.add_argument("--write-topup", action="store_true")
    ap.add_argument("--json")
    ap.add_argument("--dump", help="write every shown quote (paper, topic, rank, label, band, relevance, text) as JSON lines")
    ap.add_argument("-v", "--verbose", action="store_true")
    ap.add_argument("--oof", type=int, metavar="K",
                    help="train papers only: analyse each paper with a model trained without its fold (K paper "
                         "folds, as the training's cross-validation): out-of-fold figures of the whole analysis")
    ap.add_argument("--speed", type=int, metavar="N",
                    help="only time the whole analysis of the set's papers with and without the judgement, N rounds")
    ap.add_argument("--features", help="with --oof: the context feature groups to train and score with")
    ap.add_argument("--l2", type=float, help="with --oof: the training's L2")
    ap.add_argument("--topic-cuts", type=int, help="with --oof: per-topic display cuts for topics with this many rows")
    ap.add_argument("--reuse-folds", metavar="DIR",
                    help="with --oof: the fold models an earlier --oof run trained (its jr-oof-* folder, same K "
                         "and label folders), not trained again: compare engine changes on the same models")
    ap.add_argument("--train-dirs", help="with --oof: the label folders the fold models train on (comma-separated; "
                    "default: the training's own, relevance.TRAIN_LABEL_DIRS)")
    a = ap.parse_args(argv)
    if a.train_dirs is not None:
        from jupyter_review.nlp import relevance as _rel

        _rel.TRAIN_LABEL_DIRS = tuple(x for x in a.train_dirs.split(",") if x)
    if a.features is not None or a.l2 is not None:
        from jupyter_review.nlp import relevance as _rel

        if a.features is not None:
            _rel.FEATURES = frozenset(x for x in a.features.split(",") if x)
        if a.l2 is not None:
            _rel.L2 = a.l2
    if a.topic_cuts is not None:
        from jupyter_review.nlp import relevance as _rel

        _rel.TOPIC_CUT_MIN_ROWS = a.topic_cuts
    if a.speed:
        return speed(a.set, a.speed)
    if a.no_model:
        os.environ["JUPYTER_REVIEW_RELEVANCE"] = "off"
    import jupyter_review as jr
    from jupyter_review.nlp.relevance import load_model, read_split

    split = read_split(REL / "split.tsv")
    files = {ln.split("\t")[0]: ln.split("\t")[1].split() for ln in (REL / "split.tsv").read_text().splitlines()[1:]}
    papers = [p for p in sorted(split) if a.set == "all" or split[p] == a.set]
    if a.only:
        papers = [p for p in papers if p == a.only]
    labels = load_labels()
    gold_dir: dict[str, str] = {}
    gold = load_status_gold(gold_dir)
    fold_model: dict[str, str] = {}
    if a.oof:
        fold_model = _fold_models(papers, a.oof, a.reuse_folds)
    model = load_model()
    print(f"set {a.set}: {len(papers)} papers; model: {'off' if model is None else model.path.name}"
          + (f" (threshold {model.threshold:.2f}, trained on {len(model.meta.get('train_papers', []))} papers)" if model else ""))
    shown_n = shown_lab = shown_on = 0
    first_n = first_on = 0
    first_band: dict[str, Counter] = defaultdict(Counter)  # first quotes by the judgement's band
    off_first_unjudged: list[str] = []
    by_topic: dict[str, Counter] = defaultdict(Counter)
    pairs: list[tuple[str, str, str, str]] = []
    topup: dict[str, list[dict[str, Any]]] = defaultdict(list)
    off_examples: list[str] = []
    dump: list[dict[str, Any]] = []
    t_total = 0.0
    for p in papers:
        paths = [str(SHARED / f) for f in files[p]]
        if fold_model:
            os.environ["JUPYTER_REVIEW_RELEVANCE"] = fold_model[p]
            load_model.cache_clear()
            model = load_model()
        t0 = time.perf_counter()
        an = jr.analyze(paths[0], paths[1:])
        t_total += time.perf_counter() - t0
        for tid, res in an.topics.items():
            if p in gold and tid in gold[p]:
                pairs.append((p, tid, gold[p][tid], res.status))
            if res.status in ("missing", "not_applicable"):
                continue
            quotes = [e for e in res.evidence if e.doc >= 0][:SHOWN]
            for i, e in enumerate(quotes):
                lab = labels.get((p, tid, _key(e.text)))
                if a.dump is not None:
                    dump.append({"paper": p, "topic": tid, "status": res.status, "rank": i, "label": lab,
                                 "relevance": e.relevance, "sure": (e.relevance is not None and model is not None
                                                                    and e.relevance >= model.threshold),
                                 "page": e.page, "file": e.file, "section": e.section, "role": e.role,
                                 "text": e.text})
                if e.section == "" and e.text.startswith(("Table", "Figure", "Fig")) and lab is None:
                    pass
                shown_n += 1
                if lab is None:
                    topup[p].append({"paper": p, "topic": tid, "file": e.file, "role": e.role, "page": e.page,
                                     "section": e.section, "text": e.text})
                    by_topic[tid]["unlabelled"] += 1
                    continue
                shown_lab += 1
                on = lab != "off"
                shown_on += on
                by_topic[tid]["on" if on else "off"] += 1
                if not on and len(off_examples) < 40:
                    off_examples.append(f"  {p} {tid} p.{e.page}: {e.text[:110]}")
                if i == 0:
                    first_n += 1
                    first_on += on
                    band = ("not judged" if e.relevance is None or model is None else
                            "sure" if e.relevance >= model.threshold else "doubtful")
                    first_band[band][on] += 1
                    if a.verbose and band == "not judged" and not on:
                        off_first_unjudged.append(f"  {p} {tid} p.{e.page}: {e.text[:110]}")
    print(f"analysis {t_total:.1f} s over {len(papers)} papers")
    print(f"evidence precision {shown_on}/{shown_lab} = {shown_on / max(shown_lab, 1):.3f} "
          f"(labelled {shown_lab} of {shown_n} quotes shown, coverage {shown_lab / max(shown_n, 1):.2f})")
    print(f"first-quote precision {first_on}/{first_n} = {first_on / max(first_n, 1):.3f}")
    if first_band:
        print("  first quotes on topic by the judgement's band: " + "; ".join(
            f"{b} {c[True]}/{c[True] + c[False]}" for b, c in sorted(first_band.items())))
        for line in off_first_unjudged:
            print(line)
    if pairs:
        _status_figures(pairs, "status vs gold")
        never = [x for x in pairs if gold_dir.get(x[0]) in NEVER_TUNED]
        if never and len(never) < len(pairs):
            _status_figures(never, "  of which gold never tuned on (" + ", ".join(NEVER_TUNED) + ")", short=True)
            _status_figures([x for x in pairs if gold_dir.get(x[0]) not in NEVER_TUNED],
                            "  of which gold in the development batches", short=True)
    if a.verbose:
        print("per topic (on / off / unlabelled among shown quotes):")
        for tid, c in sorted(by_topic.items()):
            print(f"  {tid:32s} {c['on']:3d} {c['off']:3d} {c['unlabelled']:3d}")
        print("off-topic quotes shown:")
        print("\n".join(off_examples))
    if a.write_topup:
        d = REL / "topup"
        d.mkdir(exist_ok=True)
        for p, rows in topup.items():
            with open(d / f"{p}.jsonl", "w", encoding="utf-8") as fh:
                for r in rows:
                    fh.write(json.dumps(r, ensure_ascii=False) + "\n")
        print(f"wrote {sum(len(v) for v in topup.values())} unlabelled shown quotes to {d.relative_to(ROOT)}")
    if a.dump:
        Path(a.dump).write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in dump), encoding="utf-8")
    if a.json:
        Path(a.json).write_text(json.dumps({"evidence_precision": shown_on / max(shown_lab, 1),
                                            "first_quote_precision": first_on / max(first_n, 1)}, indent=1))
    return 0


def _fold_models(papers: list[str], folds: int, reuse: str | None = None) -> dict[str, str]:
    """paper -> the folder of a model trained without the paper's fold (the training's own
    cross-validation folds: same seed, same shuffle), cut chosen out of fold within the rest;
    with `reuse`, the folds' models already trained there."""
    import random
    import tempfile

    from jupyter_review.nlp import relevance as rel

    split = rel.read_split(REL / "split.tsv")
    rows = [r for r in rel.training_labels(REL) if split.get(r["paper"]) == "train"]
    labelled = sorted({r["paper"] for r in rows})
    rng = random.Random(rel.SEED)
    rng.shuffle(labelled)
    base = Path(reuse) if reuse else Path(tempfile.mkdtemp(prefix="jr-oof-"))
    print(f"fold models in {base}" + (" (reused)" if reuse else ""))
    out: dict[str, str] = {}
    for k in range(folds):
        held = set(labelled[k::folds])
        if reuse:
            out.update({p: str(base / f"fold{k}") for p in held})
            continue
        train = [r for r in rows if r["paper"] not in held]
        d = base / f"fold{k}"
        d.mkdir()
        oof = rel.cross_validate(train, [], seed=rel.SEED)
        cut = rel.choose_threshold(oof)
        meta = {"threshold": cut, "threshold_status": rel.choose_status_threshold(oof, cut),
                "topic_thresholds": rel.choose_topic_thresholds(oof, cut),
                "topics": sorted({r["topic"] for r in train}), "train_papers": sorted({r["paper"] for r in train})}
        rel.fit(train).save(d)
        (d / "jr_relevance.json").write_text(json.dumps(meta), encoding="utf-8")
        for p in held:
            out[p] = str(d)
    for p in papers:  # a train paper without labels: any fold's model never saw it
        out.setdefault(p, str(base / "fold0"))
    return out


def speed(which: str, rounds: int) -> int:
    """CPU seconds of ``jr.analyze`` over the set's papers, the judgement on and off, interleaved
    in one run (the machine's speed moves between runs; the ratio is the figure)."""
    import jupyter_review as jr
    from jupyter_review.nlp import relevance
    from jupyter_review.nlp.relevance import read_split

    split = read_split(REL / "split.tsv")
    files = {ln.split("\t")[0]: ln.split("\t")[1].split() for ln in (REL / "split.tsv").read_text().splitlines()[1:]}
    papers = [p for p in sorted(split) if which == "all" or split[p] == which]
    relevance.load_model()  # loaded once per process, as in a server or a screening worker
    jr.analyze(str(SHARED / files[papers[0]][0]))  # warm caches (lexicons, spaCy)
    total = {"on": 0.0, "off": 0.0}
    for _ in range(rounds):
        for mode in ("off", "on"):
            if mode == "off":
                os.environ["JUPYTER_REVIEW_RELEVANCE"] = "off"
            else:
                os.environ.pop("JUPYTER_REVIEW_RELEVANCE", None)
            relevance.load_model.cache_clear()
            for p in papers:
                paths = [str(SHARED / f) for f in files[p]]
                t0 = time.process_time()
                jr.analyze(paths[0], paths[1:])
                total[mode] += time.process_time() - t0
    t0 = time.process_time()
    relevance.load_model.cache_clear()
    relevance.load_model()
    load = time.process_time() - t0
    print(f"{len(papers)} papers x {rounds}: analysis CPU {total['off']:.1f} s without the judgement, "
          f"{total['on']:.1f} s with it (ratio {total['on'] / max(total['off'], 1e-9):.3f}); loading the model once {load:.2f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
