"""Conflict-of-interest and funding statements: found, and quoted from the right page?

Gold: ``tests/data/gold/statements/*.yaml`` (papers of ../shared/corpus and ../shared/texbench,
labelled by hand: each COI and funding statement with its quote, page and heading form; papers
with neither are negatives). ``SPLIT.yaml`` halves them by paper (tune / blind), chosen before
any tuning.

A gold statement is found when its topic (``accountability.conflicts`` / ``accountability.funding``)
is ``disclosed`` with evidence on a gold page of the main file. A paper without such a statement
whose topic is ``disclosed`` is a false positive.

    python benchmarks/statements_accuracy.py                 # tune half
    python benchmarks/statements_accuracy.py --split blind   # the blind half (report this one; totals only unless -v)
"""

from __future__ import annotations

import sys

from _statement_gold import ROOT, analyse, prf, read_args

GOLD = ROOT / "tests" / "data" / "gold" / "statements"
TOPICS = {"conflicts": "accountability.conflicts", "funding": "accountability.funding"}


def main(argv: list[str] | None = None) -> int:
    args, gold = read_args(__doc__, GOLD, argv)
    if not gold:
        return 2
    counts = {k: [0, 0, 0, 0] for k in TOPICS}  # tp fp fn tn
    for rec in gold:
        if not rec["path"].exists():
            print(f"missing {rec['path']}", file=sys.stderr)
            continue
        a, secs = analyse(rec["path"])
        for kind, topic in TOPICS.items():
            res = a.topics.get(topic)
            status = res.status if res else "(absent)"
            ev = [e for e in (res.evidence if res else []) if e.doc == 0]
            pages = {s["page"] for s in rec.get(kind) or []}
            c = counts[kind]
            if pages:
                hit = status == "disclosed" and any(e.page in pages for e in ev)
                c[0 if hit else 2] += 1
                mark = "ok " if hit else "FN "
            else:
                fp = status == "disclosed"
                c[1 if fp else 3] += 1
                mark = "FP " if fp else "ok "
            if args.verbose or (mark != "ok " and args.split != "blind"):  # the blind half: totals only
                q = f"p{ev[0].page} {ev[0].text[:110]!r}" if ev else ""
                print(f"{mark}{kind:9s} {rec['stem']:26s} {status:10s} gold p{sorted(pages)} {q}")
    print(f"\nsplit={args.split} papers={len(gold)}")
    for kind, (tp, fp, fn, tn) in counts.items():
        p, r = prf(tp, fp, fn)
        print(f"{kind:9s}: recall {r:.3f}  precision {p:.3f}  (statements={tp + fn}, tp={tp} fp={fp} fn={fn} tn={tn})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
