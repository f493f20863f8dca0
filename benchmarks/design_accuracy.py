"""How well does the design-choice extractor find the choices and their ablations?

Measured against blind hand annotations in ``tests/data/gold/design/<stem>.yaml`` (annotators read
the PDFs and listed the authors' design choices, which the paper calls essential, and which an
experiment removes or varies; they did not run the tool).

A predicted choice matches a gold choice when their names share their distinctive words (or the
acronym), or when they stand on the same page and share a word.  Printed:

- finding: precision (predicted choices that are gold choices) and recall (gold choices found);
- the ablation call on matched choices: accuracy, and the precision of "no ablation found" (the
  claim the referee reads), since a false "not ablated" costs the referee's time;
- per paper, and the mismatches with ``--verbose``.

    .venv/bin/python benchmarks/design_accuracy.py [--verbose] [--only STEM]
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import jupyter_review as jr  # noqa: E402

CORPUS = ROOT.parent / "shared" / "corpus"
GOLD = ROOT / "tests" / "data" / "gold" / "design"
SUPPLEMENTS = {
    "stockmixer-main": ["stockmixer-supplement.pdf"],
    "transgpn-main": ["transgpn-supplement.pdf", "transgpn-checklist.pdf"],
    "dean-main": ["dean-supplement.pdf"],
    "clse-main": ["clse-datasheet.pdf"],
    "medheval-main": ["medheval-appendix.pdf"],
}
_STOP = {
    "a", "an", "the", "of", "and", "or", "for", "in", "on", "to", "with", "loss", "losses", "term", "module",
    "mechanism", "strategy", "reward", "rewards", "penalty", "method", "approach", "based", "model", "training",
}


def _words(name: str) -> set[str]:
    ws = {w.lower() for w in re.findall(r"[A-Za-z0-9]+", name)}
    return {w for w in ws if w not in _STOP and len(w) > 1}


def _acronyms(name: str) -> set[str]:
    return set(re.findall(r"\b[A-Z][A-Za-z0-9]*[A-Z][A-Za-z0-9]*\b", name))


def _names_match(name: str, aliases: list[str], page: int | None, gold: dict) -> bool:
    pw = _words(name) | {a.lower() for a in aliases}
    gw = _words(str(gold["name"]))
    if not pw or not gw:
        return False
    if ({a.lower() for a in aliases} | {a.lower() for a in _acronyms(name)}) & {a.lower() for a in _acronyms(str(gold["name"]))}:
        return True
    shared = pw & gw
    if shared and (shared == pw or shared == gw or len(shared) >= 2):
        return True
    return bool(shared) and page == gold.get("page")


def _match(pred, gold: dict) -> bool:
    return _names_match(pred.name, list(pred.aliases), pred.evidence.page, gold)


def agreement() -> int:
    """Two blind annotations of the same papers (design-agreement/ against design/)."""
    other = GOLD.parent / "design-agreement"
    files = sorted(other.glob("*.yaml"))
    if not files:
        print(f"no second annotations in {other}")
        return 1
    na = nb = matched = abl_same = ess_same = 0
    for f in files:
        a = list(yaml.safe_load(f.read_text(encoding="utf-8"))["choices"] or [])
        b = list(yaml.safe_load((GOLD / f.name).read_text(encoding="utf-8"))["choices"] or [])
        cands = sorted(((len(_words(str(x["name"])) & _words(str(y["name"]))), i, j)
                        for i, x in enumerate(a) for j, y in enumerate(b)
                        if _names_match(str(x["name"]), [], x.get("page"), y)), reverse=True)
        ta: set[int] = set()
        tb: set[int] = set()
        pairs = []
        for _, i, j in cands:
            if i not in ta and j not in tb:
                ta.add(i)
                tb.add(j)
                pairs.append((a[i], b[j]))
        m = len(pairs)
        same_a = sum(1 for x, y in pairs if bool(x.get("ablated")) == bool(y.get("ablated")))
        same_e = sum(1 for x, y in pairs if bool(x.get("called_essential")) == bool(y.get("called_essential")))
        print(f"{f.stem:28} second {len(a):3d}  first {len(b):3d}  in both {m:3d}  ablated agree {same_a}/{m}  "
              f"essential agree {same_e}/{m}")
        na, nb, matched, abl_same, ess_same = na + len(a), nb + len(b), matched + m, abl_same + same_a, ess_same + same_e
    print(f"choices in both: {matched} of {na} (second) and {nb} (first); Dice {2 * matched / (na + nb):.3f}; "
          f"ablated agree {abl_same}/{matched}; called essential agree {ess_same}/{matched}")
    return 0


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--verbose", "-v", action="store_true")
    ap.add_argument("--only", action="append", default=[])
    ap.add_argument("--agreement", action="store_true",
                    help="compare the second annotations (tests/data/gold/design-agreement/) with the first")
    args = ap.parse_args()
    if args.agreement:
        return agreement()
    files = sorted(GOLD.glob("*.yaml"))
    if args.only:
        files = [f for f in files if f.stem in args.only]
    if not files:
        print(f"no gold files in {GOLD}")
        return 1
    T = {"pred": 0, "pred_ok": 0, "gold": 0, "gold_found": 0, "pairs": 0, "abl_ok": 0, "open_pred": 0, "open_ok": 0,
         "open_gold": 0, "open_found": 0}
    print(f"{'paper':28} {'gold':>4} {'pred':>4} {'P':>6} {'R':>6}  {'abl acc':>7} {'open P':>6}")
    for f in files:
        g = yaml.safe_load(f.read_text(encoding="utf-8"))
        gold = list(g.get("choices") or [])
        a = jr.analyze(CORPUS / g["paper"], [CORPUS / s for s in SUPPLEMENTS.get(f.stem, [])])
        preds = list(a.design_choices)
        # best pairs first: most shared words, then the same page
        cands = sorted(
            ((len((_words(p.name) | {a.lower() for a in p.aliases}) & _words(str(x["name"]))),
              p.evidence.page == x.get("page"), -i, -j, i, j)
             for i, p in enumerate(preds) for j, x in enumerate(gold) if _match(p, x)),
            reverse=True)
        used: set[int] = set()
        taken: set[int] = set()
        pairs = []
        for *_, i, j in cands:
            if i in taken or j in used:
                continue
            taken.add(i)
            used.add(j)
            pairs.append((preds[i], gold[j]))
        n_ok = len(pairs)
        abl_ok = sum(1 for p, x in pairs if bool(p.ablated) == bool(x.get("ablated")))
        open_pred = [(p, x) for p, x in pairs if not p.ablated]
        open_ok = sum(1 for _, x in open_pred if not x.get("ablated"))
        unmatched_open = sum(1 for p in preds if not p.ablated) - len(open_pred)
        gold_open = [x for x in gold if not x.get("ablated")]
        found_open = sum(1 for p, x in pairs if not x.get("ablated") and not p.ablated)
        T["pred"] += len(preds)
        T["pred_ok"] += n_ok
        T["gold"] += len(gold)
        T["gold_found"] += len(used)
        T["pairs"] += n_ok
        T["abl_ok"] += abl_ok
        T["open_pred"] += len(open_pred) + unmatched_open
        T["open_ok"] += open_ok
        T["open_gold"] += len(gold_open)
        T["open_found"] += found_open
        P = n_ok / len(preds) if preds else float("nan")
        R = len(used) / len(gold) if gold else float("nan")
        acc = abl_ok / n_ok if n_ok else float("nan")
        op = open_ok / (len(open_pred) + unmatched_open) if (len(open_pred) + unmatched_open) else float("nan")
        print(f"{f.stem:28} {len(gold):4d} {len(preds):4d} {P:6.3f} {R:6.3f}  {acc:7.3f} {op:6.3f}")
        if args.verbose:
            for p in preds:
                m = next((x for q, x in pairs if q is p), None)
                tag = "ok " if m else "FP "
                extra = f" (gold: {m['name']}, ablated={m.get('ablated')})" if m else ""
                print(f"    {tag} {p.name!r} p{p.evidence.page} ablated={p.ablated}{extra}")
            for j, x in enumerate(gold):
                if j not in used:
                    print(f"    FN  {x['name']!r} p{x.get('page')} ablated={x.get('ablated')}")

    def r(a: int, b: int) -> str:
        return f"{a / b:.3f}" if b else "-"

    print()
    print(f"choices: precision {r(T['pred_ok'], T['pred'])} ({T['pred_ok']}/{T['pred']}), "
          f"recall {r(T['gold_found'], T['gold'])} ({T['gold_found']}/{T['gold']})")
    print(f"ablation call on matched choices: accuracy {r(T['abl_ok'], T['pairs'])} ({T['abl_ok']}/{T['pairs']})")
    print(f"'no ablation found' (what the referee reads): precision {r(T['open_ok'], T['open_pred'])} "
          f"({T['open_ok']}/{T['open_pred']}; unmatched predictions count as wrong), "
          f"recall of gold unablated choices {r(T['open_found'], T['open_gold'])} ({T['open_found']}/{T['open_gold']})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
