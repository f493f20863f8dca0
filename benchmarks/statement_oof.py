"""Out-of-fold figures of the whose-statement judgement (``nlp/statement_judge``) on the TRAINING
papers only, over several draws of the paper folds: what its traits and its operating cut are
chosen by. The blind papers' labels are never read here.

    python benchmarks/statement_oof.py                      # 5 draws, the shipped KEEP_OWN
    python benchmarks/statement_oof.py --seeds 3 --keep 0.92
    python benchmarks/statement_oof.py --diag                # own statements set apart, by trait
    python benchmarks/statement_oof.py --eval-rev main       # figures on the rows labelled at a revision

For each draw (the fold shuffle and the training seed both change) every training row gets an
out-of-fold p_own. The cut per kind is chosen on the predictions of all draws pooled (as
``train`` does), then applied to each draw alone: the spread of own-kept across draws says how
steady the cut is. ``--diag`` lists, per trait of ``statement_words``, how many own statements
carry it and how many of them fall under the pooled cut (and the same for others' statements).
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from jupyter_review.nlp import statement_judge as sj  # noqa: E402


def _rows_at(rev: str) -> set[tuple[str, str, str]]:
    """(paper, kind, text) of the statement labels as they stood at a git revision."""
    out: set[tuple[str, str, str]] = set()
    names = subprocess.run(["git", "-C", str(ROOT), "ls-tree", "--name-only", rev, "tests/data/statement_labels/"],
                           capture_output=True, text=True, check=True).stdout.split()
    for n in names:
        txt = subprocess.run(["git", "-C", str(ROOT), "show", f"{rev}:{n}"], capture_output=True, text=True, check=True).stdout
        for line in txt.splitlines():
            if line.strip():
                r = json.loads(line)
                out.add((r["paper"], r["kind"], r["text"]))
    return out


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--seeds", type=int, default=sj.OOF_DRAWS)
    ap.add_argument("--keep", default=str(sj.KEEP_OWN), help="the share of own statements the cut keeps (a comma list: each in turn)")
    ap.add_argument("--epochs", type=int, default=12)
    ap.add_argument("--eval-rev", help="figures only on the rows labelled at this git revision (cut still chosen on all)")
    ap.add_argument("--diag", action="store_true", help="own and others' statements under the cut, by trait")
    ap.add_argument("--show", type=int, default=0, help="print this many own statements set apart, per kind (lowest p first)")
    args = ap.parse_args()

    split = sj._split(ROOT)
    rows = [r for r in sj.read_labels(ROOT / "tests" / "data" / "statement_labels") if split.get(r["paper"]) == "train"]
    print(f"training rows {len(rows)} of {len({r['paper'] for r in rows})} papers; {args.seeds} draws x 4 folds")
    draws = [sj.cross_validate(rows, seed=sj.SEED + i, epochs=args.epochs) for i in range(args.seeds)]
    pooled = [x for d in draws for x in d]
    keep_rows = _rows_at(args.eval_rev) if args.eval_rev else None

    def sel(scored, k):
        return [(r, p) for r, p in scored if r["kind"] == k and (keep_rows is None or (r["paper"], r["kind"], r["text"]) in keep_rows)]

    for keep in [float(x) for x in args.keep.split(",")]:
        cuts = {k: sj.choose_cut([(r, p) for r, p in pooled if r["kind"] == k], keep) for k in sj.KINDS}
        print(f"keep {keep}:")
        for k in sj.KINDS:
            per = [sj.evaluate(sel(d, k), cuts[k]) for d in draws]
            own_cut = [sj.choose_cut([(r, p) for r, p in d if r["kind"] == k], keep) for d in draws]
            pe = sj.evaluate(sel(pooled, k), cuts[k])
            print(f"{k}: pooled cut {cuts[k]:.3f} (one-draw cuts {min(own_cut):.3f}..{max(own_cut):.3f}); n {pe['n'] / args.seeds:.0f}; "
                  f"precision {pe['precision_before']:.3f} -> {pe['precision_after']:.3f}; own kept {pe['own_kept']:.3f} "
                  f"(draws {min(e['own_kept'] for e in per):.3f}..{max(e['own_kept'] for e in per):.3f}, "
                  f"sd {statistics.pstdev([e['own_kept'] for e in per]):.3f}); others set apart {pe['other_set_apart']:.3f} "
                  f"(draws {min(e['other_set_apart'] for e in per):.3f}..{max(e['other_set_apart'] for e in per):.3f})")
            fails = Counter(r.get("failure", "?") for r, p in sel(pooled, k) if r["label"] == "other")
            apart = Counter(r.get("failure", "?") for r, p in sel(pooled, k) if r["label"] == "other" and p < cuts[k])
            print("   others set apart by failure kind: " + ", ".join(f"{f} {apart[f] / args.seeds:.0f}/{n / args.seeds:.0f}"
                                                                 for f, n in fails.most_common()))
    if args.diag:
        for k in sj.KINDS:
            own_t: Counter[str] = Counter()
            own_lost: Counter[str] = Counter()
            oth_t: Counter[str] = Counter()
            oth_apart: Counter[str] = Counter()
            for r, p in sel(pooled, k):
                traits = {w for w in sj.row_words(r) if w.startswith("zz") and not w.startswith(("zzkind", "zzdata", "zzclaim"))}
                for t in traits:
                    if r["label"] == "own":
                        own_t[t] += 1
                        own_lost[t] += p < cuts[k]
                    else:
                        oth_t[t] += 1
                        oth_apart[t] += p < cuts[k]
            lost = sum(1 for r, p in sel(pooled, k) if r["label"] == "own" and p < cuts[k])
            print(f"\n{k}: own statements set apart {lost / args.seeds:.0f} per draw; by trait "
                  "(own lost / own with it | others apart / others with it)")
            for t, n in sorted(own_lost.items(), key=lambda x: -x[1])[:25]:
                print(f"   {t:28s} {n / args.seeds:5.1f} / {own_t[t] / args.seeds:5.1f} | {oth_apart[t] / args.seeds:5.1f} / {oth_t[t] / args.seeds:5.1f}")
    if args.show:
        for k in sj.KINDS:
            mean: dict[tuple[str, str], list[float]] = {}
            by: dict[tuple[str, str], dict] = {}
            for r, p in sel(pooled, k):
                if r["label"] == "own":
                    mean.setdefault((r["paper"], r["text"]), []).append(p)
                    by[(r["paper"], r["text"])] = r
            low = sorted(((statistics.mean(v), key) for key, v in mean.items() if statistics.mean(v) < cuts[k]))[: args.show]
            print(f"\n{k}: own statements under the cut (mean p over draws)")
            for p, key in low:
                r = by[key]
                traits = " ".join(w[2:] for w in sj.row_words(r) if w.startswith("zz") and not w.startswith(("zzkind", "zzdata", "zzclaim", "zzloc", "zzrole")))
                print(f"  {p:.2f} {key[0]} [{r.get('section_kind', '')}] {r['text'][:150]!r}\n        {traits}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
