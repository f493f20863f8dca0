"""Code availability: does the checklist find the paper's own code link?

Gold: ``tests/data/gold/code/*.yaml`` (papers of ../shared/corpus and ../shared/texbench, labelled
by hand: does the paper give a link to its own code, the quote, page, URL and where the link sits:
inline, footnote, link annotation, header). ``SPLIT.yaml`` halves them by paper (tune / blind),
chosen before any tuning.

A paper is predicted positive when ``code.availability`` is ``disclosed`` or ``supplement_only``.
Prints recall and precision, and for the true positives how often the evidence shows the gold
link (in the quote or in its ``links``).

    python benchmarks/code_accuracy.py                 # tune half
    python benchmarks/code_accuracy.py --split blind   # the blind half (report this one; totals only unless -v)
    python benchmarks/code_accuracy.py --split all -v
"""

from __future__ import annotations

import sys

from _statement_gold import ROOT, analyse, evidence_urls, norm_url, prf, read_args

GOLD = ROOT / "tests" / "data" / "gold" / "code"


def main(argv: list[str] | None = None) -> int:
    args, gold = read_args(__doc__, GOLD, argv)
    if not gold:
        return 2
    tp = fp = fn = tn = shown = 0
    rows = []
    for rec in gold:
        if not rec["path"].exists():
            print(f"missing {rec['path']}", file=sys.stderr)
            continue
        a, secs = analyse(rec["path"])
        res = a.topics.get("code.availability")
        status = res.status if res else "(absent)"
        pos = status in ("disclosed", "supplement_only")
        ev = list(res.evidence) if res else []
        want = [norm_url(s["url"]) for s in rec.get("statements", [])]
        got = [norm_url(u) for u in evidence_urls(ev)]
        link = any(g.startswith(w[: max(12, len(w) - 8)]) or w.startswith(g) and len(g) > 12 for w in want for g in got)
        if rec["own_code_link"]:
            tp += pos
            fn += not pos
            shown += pos and link
        else:
            fp += pos
            tn += not pos
        mark = "ok " if pos == bool(rec["own_code_link"]) else ("FN " if rec["own_code_link"] else "FP ")
        rows.append((mark, rec["stem"], status, link, secs, ev[:1]))
    for mark, stem, status, link, secs, ev in rows:
        if args.verbose or (mark != "ok " and args.split != "blind"):  # the blind half: totals only
            quote = ev[0].text[:140] if ev else ""
            print(f"{mark}{stem:28s} {status:15s} link shown={str(link):5s} {secs:5.1f}s  {quote!r}")
    p, r = prf(tp, fp, fn)
    print(f"\nsplit={args.split} papers={tp + fp + fn + tn} with own code link={tp + fn}")
    print(f"code availability: recall {r:.3f}  precision {p:.3f}  (tp={tp} fp={fp} fn={fn} tn={tn})")
    print(f"evidence shows the gold link: {shown}/{tp}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
