"""How well does the checklist engine find disclosure gaps?  Measured against hand annotations.

Reads every gold file in ``tests/data/gold/topics/*.yaml`` (one real corpus paper each, every
topic annotated by hand; see the README there; ``--gold-dir`` picks another folder, e.g. the
held-out set ``tests/data/gold/heldout``) and, if present, the bundled sample's answer key
``jupyter_review/sample/answer_key.yaml``.  Runs ``jupyter_review.analyze(paper, supplements)``
on each and compares ``analysis.topics[topic_id].status`` with the gold status.

Prints
  * a confusion matrix (gold status x predicted status),
  * per-status precision / recall,
  * the F1 of gap detection: positive = vague or missing, negative = disclosed or
    supplement_only; gold not_applicable items are left out (a predicted not_applicable on an
    applicable gold item counts as "no gap reported"),
  * gap precision / recall / F1 overall, per paper and per topic,
  * the topics whose gap recall is 0 (gold has gaps, the engine found none of them).

    python benchmarks/gap_accuracy.py
    python benchmarks/gap_accuracy.py --json gap.json --only dean-main --verbose
    python benchmarks/gap_accuracy.py --gold-dir tests/data/gold/heldout --no-sample   # held-out papers only

Exit status: 0 after a run, 1 when the engine cannot be run (not written yet, import error,
or it failed on every paper), 2 when there is no gold file.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
import traceback
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

GOLD_DIR = ROOT / "tests" / "data" / "gold" / "topics"
SAMPLE_DIR = ROOT / "jupyter_review" / "sample"
CORPUS = Path(os.environ.get("JR_CORPUS", ROOT.parent / "shared" / "corpus"))

STATUSES = ["disclosed", "supplement_only", "vague", "missing", "not_applicable"]
ABSENT = "(absent)"  # the engine returned no result for the topic
ERROR = "(error)"  # the engine raised on this paper
GAP = {"vague", "missing"}
NO_GAP = {"disclosed", "supplement_only"}


# --------------------------------------------------------------------------------------------
# gold
# --------------------------------------------------------------------------------------------


def _yaml_load(path: Path) -> Any:
    import yaml

    with open(path, encoding="utf-8") as fh:
        return yaml.safe_load(fh)


def _shown(path: Path) -> str:
    """The path relative to the repository when it lies inside it, else as given."""
    try:
        return str(path.resolve().relative_to(ROOT))
    except ValueError:
        return str(path)


# Folders beside the corpus that hold papers with status gold, searched in this order after it:
# texbench (tests/data/gold/relblind, fresh8, fresh9) and newpapers (PDFs compiled here from the
# public LaTeX sources listed in its SOURCES.tsv, session 23; not in the repository).
PAPER_FOLDERS = ("texbench", "newpapers")


def _gold_pdf(name: str) -> Path:
    """A corpus paper, else a paper of one of PAPER_FOLDERS."""
    if (CORPUS / name).exists():
        return CORPUS / name
    for folder in PAPER_FOLDERS:
        path = CORPUS.parent / folder / "pdfs" / name
        if path.is_file():
            return path
    return CORPUS / name


def load_gold(gold_dir: Path, include_sample: bool = True) -> list[dict[str, Any]]:
    """Each case: name, paper path, supplement paths, {topic: gold status}, source file."""
    cases: list[dict[str, Any]] = []
    for path in sorted(gold_dir.glob("*.yaml")):
        data = _yaml_load(path)
        cases.append(
            {
                "name": path.stem,
                "paper": _gold_pdf(data["paper"]),
                "supplements": [_gold_pdf(s) for s in (data.get("supplements") or [])],
                "gold": {t: str(v["status"]) for t, v in (data.get("topics") or {}).items()},
                "source": _shown(path),
            }
        )
    key = SAMPLE_DIR / "answer_key.yaml"
    if include_sample and key.is_file():
        data = _yaml_load(key) or {}
        paper = SAMPLE_DIR / str(data.get("paper") or "main.pdf")
        sups = data.get("supplements")
        if sups is None:
            sups = ["supplement.pdf"] if (SAMPLE_DIR / "supplement.pdf").is_file() else []
        topics = data.get("topics") or {}
        cases.append(
            {
                "name": "sample",
                "paper": paper if paper.is_absolute() else SAMPLE_DIR / paper,
                "supplements": [SAMPLE_DIR / s for s in sups],
                "gold": {t: str(v["status"] if isinstance(v, dict) else v) for t, v in topics.items()},
                "source": str(key.relative_to(ROOT)),
            }
        )
    return cases


# --------------------------------------------------------------------------------------------
# engine
# --------------------------------------------------------------------------------------------


class EngineUnavailable(RuntimeError):
    pass


def engine_analyze():
    """Return ``jupyter_review.analyze`` or raise EngineUnavailable with a plain reason."""
    try:
        import jupyter_review
    except Exception as exc:  # noqa: BLE001 - any import failure means "cannot run"
        raise EngineUnavailable(f"cannot import jupyter_review: {exc!r}") from exc
    try:
        import jupyter_review.checklist as checklist
    except Exception as exc:  # noqa: BLE001
        raise EngineUnavailable(f"the checklist engine (jupyter_review.checklist) cannot be imported: {exc!r}") from exc
    if not hasattr(checklist, "evaluate"):
        raise EngineUnavailable("jupyter_review.checklist has no evaluate(): the checklist engine is not written yet")
    if not hasattr(jupyter_review, "analyze"):
        raise EngineUnavailable("jupyter_review.analyze is missing")
    return jupyter_review.analyze


def predict(analyze, case: dict[str, Any]) -> tuple[dict[str, str], float, str]:
    """Predicted status per topic, seconds taken, and an error message ('' if fine)."""
    t0 = time.perf_counter()
    try:
        analysis = analyze(str(case["paper"]), supplements=[str(s) for s in case["supplements"]])
    except (ImportError, NotImplementedError) as exc:
        raise EngineUnavailable(f"the engine is not complete: {exc!r}") from exc
    except Exception as exc:  # noqa: BLE001 - report and go on with the other papers
        msg = f"{type(exc).__name__}: {exc}"
        return {t: ERROR for t in case["gold"]}, time.perf_counter() - t0, msg
    topics = getattr(analysis, "topics", None) or {}
    out = {}
    for t in case["gold"]:
        res = topics.get(t)
        status = getattr(res, "status", None) if res is not None else None
        if status is None and isinstance(res, dict):
            status = res.get("status")
        out[t] = str(status) if status else ABSENT
    return out, time.perf_counter() - t0, ""


# --------------------------------------------------------------------------------------------
# metrics
# --------------------------------------------------------------------------------------------


def prf(tp: int, fp: int, fn: int) -> dict[str, float | None]:
    p = tp / (tp + fp) if tp + fp else None
    r = tp / (tp + fn) if tp + fn else None
    f = 2 * p * r / (p + r) if p is not None and r is not None and p + r else (0.0 if (tp + fp) and (tp + fn) else None)
    return {"precision": p, "recall": r, "f1": f, "tp": tp, "fp": fp, "fn": fn}


def gap_counts(pairs: list[tuple[str, str]]) -> dict[str, Any]:
    """pairs of (gold, predicted); gold not_applicable (or unknown) is left out."""
    tp = fp = fn = tn = 0
    for gold, pred in pairs:
        if gold not in GAP and gold not in NO_GAP:
            continue
        if pred == ERROR:
            continue  # the engine crashed on this paper: reported separately, not scored
        g = gold in GAP
        # an unreported topic (ABSENT) reaches the referee as an unresolved gap
        p = pred in GAP or pred == ABSENT
        if g and p:
            tp += 1
        elif g:
            fn += 1
        elif p:
            fp += 1
        else:
            tn += 1
    out = prf(tp, fp, fn)
    out["tn"] = tn
    out["n"] = tp + fp + fn + tn
    return out


def evaluate(cases: list[dict[str, Any]], preds: dict[str, dict[str, str]]) -> dict[str, Any]:
    pairs: list[tuple[str, str, str, str]] = []  # case, topic, gold, pred
    for case in cases:
        if case["name"] not in preds:
            continue
        for topic, gold in case["gold"].items():
            pairs.append((case["name"], topic, gold, preds[case["name"]].get(topic, ABSENT)))

    labels_pred = STATUSES + sorted({p for *_, p in pairs} - set(STATUSES))
    confusion = {g: {p: 0 for p in labels_pred} for g in STATUSES}
    for _, _, g, p in pairs:
        confusion.setdefault(g, {q: 0 for q in labels_pred})[p] += 1

    per_status = {}
    for s in STATUSES:
        tp = sum(1 for *_, g, p in pairs if g == s and p == s)
        fp = sum(1 for *_, g, p in pairs if g != s and p == s)
        fn = sum(1 for *_, g, p in pairs if g == s and p != s)
        per_status[s] = prf(tp, fp, fn)
        per_status[s]["support"] = tp + fn

    exact = sum(1 for *_, g, p in pairs if g == p)
    applicable = [(g, p) for *_, g, p in pairs if g != "not_applicable"]
    overall_gap = gap_counts([(g, p) for *_, g, p in pairs])

    per_topic: dict[str, Any] = {}
    by_topic: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for _, t, g, p in pairs:
        by_topic[t].append((g, p))
    for t, tp_pairs in sorted(by_topic.items()):
        gc = gap_counts(tp_pairs)
        gc["exact"] = sum(1 for g, p in tp_pairs if g == p)
        gc["items"] = len(tp_pairs)
        gc["gold"] = dict(Counter(g for g, _ in tp_pairs))
        per_topic[t] = gc

    per_case: dict[str, Any] = {}
    by_case: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for c, _, g, p in pairs:
        by_case[c].append((g, p))
    for c, c_pairs in by_case.items():
        gc = gap_counts(c_pairs)
        gc["exact"] = sum(1 for g, p in c_pairs if g == p)
        gc["items"] = len(c_pairs)
        per_case[c] = gc

    zero_recall = [t for t, v in per_topic.items() if (v["tp"] + v["fn"]) > 0 and v["tp"] == 0]
    zero_exact = [
        t for t, v in per_topic.items()
        if any(s != "not_applicable" for s in v["gold"]) and v["exact"] == 0
    ]
    errors = [(c, t, g) for c, t, g, p in pairs if p == ERROR]
    absent = [(c, t) for c, t, _, p in pairs if p == ABSENT]
    mismatches = [
        {"paper": c, "topic": t, "gold": g, "predicted": p} for c, t, g, p in pairs if g != p
    ]
    return {
        "items": len(pairs),
        "exact_accuracy": exact / len(pairs) if pairs else None,
        "exact_accuracy_applicable": (
            sum(1 for g, p in applicable if g == p) / len(applicable) if applicable else None
        ),
        "gap": overall_gap,
        "confusion": confusion,
        "per_status": per_status,
        "per_topic": per_topic,
        "per_paper": per_case,
        "zero_gap_recall_topics": zero_recall,
        "zero_exact_topics": zero_exact,
        "absent_topics": len(absent),
        "error_items": len(errors),
        "mismatches": mismatches,
    }


# --------------------------------------------------------------------------------------------
# printing
# --------------------------------------------------------------------------------------------


def _f(x: float | None) -> str:
    return "  -  " if x is None else f"{x:5.3f}"


def print_report(m: dict[str, Any], timings: dict[str, float], errors: dict[str, str], verbose: bool) -> None:
    print(f"\nitems compared: {m['items']}   exact status accuracy: {_f(m['exact_accuracy'])}"
          f"   (applicable gold only: {_f(m['exact_accuracy_applicable'])})")
    g = m["gap"]
    print(f"GAP DETECTION (positive = vague|missing; gold not_applicable excluded; n={g['n']}):")
    print(f"  precision {_f(g['precision'])}  recall {_f(g['recall'])}  F1 {_f(g['f1'])}"
          f"   tp={g['tp']} fp={g['fp']} fn={g['fn']} tn={g['tn']}")

    conf = m["confusion"]
    cols = list(next(iter(conf.values())).keys()) if conf else []
    short = {"disclosed": "discl", "supplement_only": "suppl", "vague": "vague", "missing": "miss",
             "not_applicable": "n/a", ABSENT: "absent", ERROR: "error"}
    print("\nCONFUSION (rows = gold, columns = predicted)")
    print(f"  {'':16s}" + "".join(f"{short.get(c, c)[:7]:>8s}" for c in cols) + f"{'total':>8s}")
    for gname, row in conf.items():
        print(f"  {gname:16s}" + "".join(f"{row[c]:8d}" for c in cols) + f"{sum(row.values()):8d}")

    print("\nPER STATUS            precision  recall    F1   support")
    for s, v in m["per_status"].items():
        print(f"  {s:18s}   {_f(v['precision'])}   {_f(v['recall'])}  {_f(v['f1'])}  {v['support']:5d}")

    print("\nPER PAPER                      gap-P  gap-R  gap-F1  exact   secs")
    for c, v in m["per_paper"].items():
        err = "  ERROR: " + errors[c] if c in errors else ""
        print(f"  {c:28s} {_f(v['precision'])}  {_f(v['recall'])}  {_f(v['f1'])}  "
              f"{v['exact']:2d}/{v['items']:2d}  {timings.get(c, 0.0):5.1f}{err}")

    print("\nPER TOPIC                      gap-P  gap-R  gap-F1  exact  gold statuses")
    for t, v in m["per_topic"].items():
        gold = ", ".join(f"{k}:{n}" for k, n in sorted(v["gold"].items()))
        print(f"  {t:28s} {_f(v['precision'])}  {_f(v['recall'])}  {_f(v['f1'])}  "
              f"{v['exact']:2d}/{v['items']:2d}  {gold}")

    zr = m["zero_gap_recall_topics"]
    print(f"\nTOPICS WITH 0 GAP RECALL ({len(zr)}): " + (", ".join(zr) if zr else "none"))
    ze = m["zero_exact_topics"]
    print(f"TOPICS WITH NO EXACT STATUS MATCH ({len(ze)}): " + (", ".join(ze) if ze else "none"))
    if m["absent_topics"]:
        print(f"WARNING: {m['absent_topics']} topic results were absent from the analysis (counted as gaps)")
    if verbose:
        print("\nMISMATCHES")
        for x in m["mismatches"]:
            print(f"  {x['paper']:24s} {x['topic']:30s} gold={x['gold']:16s} predicted={x['predicted']}")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--json", metavar="OUT", help="also write all figures to this JSON file")
    ap.add_argument("--gold-dir", "--gold", dest="gold", metavar="DIR", default=str(GOLD_DIR),
                    help="folder of gold YAML files (default: tests/data/gold/topics; "
                         "the held-out set is tests/data/gold/heldout)")
    ap.add_argument("--only", action="append", default=[], help="paper stem(s) to run (repeatable)")
    ap.add_argument("--no-sample", action="store_true", help="skip the bundled sample's answer key")
    ap.add_argument("--verbose", "-v", action="store_true", help="list every mismatch")
    args = ap.parse_args(argv)

    gold_dir = Path(args.gold).expanduser()
    if not gold_dir.is_absolute() and not gold_dir.is_dir() and (ROOT / gold_dir).is_dir():
        gold_dir = ROOT / gold_dir  # a repo-relative folder works from any working directory
    cases = load_gold(gold_dir.resolve(), include_sample=not args.no_sample)
    if args.only:
        cases = [c for c in cases if c["name"] in set(args.only)]
    if not cases:
        print(f"no gold files found in {args.gold}", file=sys.stderr)
        return 2
    print(f"gold cases: {len(cases)} ({', '.join(c['name'] for c in cases)})")
    missing_files = [str(p) for c in cases for p in [c["paper"], *c["supplements"]] if not Path(p).is_file()]
    if missing_files:
        print("missing input files (skipping their cases): " + ", ".join(missing_files), file=sys.stderr)
        cases = [c for c in cases if all(Path(p).is_file() for p in [c["paper"], *c["supplements"]])]

    try:
        analyze = engine_analyze()
    except EngineUnavailable as exc:
        print(f"gap_accuracy: the checklist engine cannot be run yet - {exc}", file=sys.stderr)
        return 1

    preds: dict[str, dict[str, str]] = {}
    timings: dict[str, float] = {}
    errors: dict[str, str] = {}
    for case in cases:
        try:
            pred, secs, err = predict(analyze, case)
        except EngineUnavailable as exc:
            print(f"gap_accuracy: the checklist engine cannot be run yet - {exc}", file=sys.stderr)
            return 1
        preds[case["name"]] = pred
        timings[case["name"]] = secs
        if err:
            errors[case["name"]] = err
            print(f"  {case['name']}: engine failed: {err}", file=sys.stderr)
            if args.verbose:
                traceback.print_exc()
    if errors and len(errors) == len(cases):
        print("gap_accuracy: the engine failed on every paper", file=sys.stderr)
        return 1

    metrics = evaluate(cases, preds)
    print_report(metrics, timings, errors, args.verbose)
    if args.json:
        out = {
            "cases": [
                {"name": c["name"], "paper": str(c["paper"]), "supplements": [str(s) for s in c["supplements"]],
                 "gold_file": c["source"], "seconds": round(timings.get(c["name"], 0.0), 3),
                 "error": errors.get(c["name"], ""),
                 "topics": {t: {"gold": g, "predicted": preds[c["name"]].get(t, ABSENT)}
                            for t, g in c["gold"].items()}}
                for c in cases
            ],
            **metrics,
        }
        Path(args.json).write_text(json.dumps(out, indent=2, ensure_ascii=False), encoding="utf-8")
        print(f"\nwrote {args.json}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
