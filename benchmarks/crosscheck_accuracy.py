"""Claim-versus-table cross-checks against hand-checked claims.

    .venv/bin/python benchmarks/crosscheck_accuracy.py [--split tuning|blind|fresh|fresh2|fresh3|all] [-v]

Gold: tests/data/gold/crosscheck/*.yaml (how it was made: the README there); ``fresh`` is the
third, blind batch (fresh-*.yaml, 77 claims of 11 papers that the first two batches do not use). Each gold claim
gives the paper's file, the page, a quote from the sentence and the truth read by hand:
``consistent`` (the tables bear it out), ``mismatch`` (a table cell it refers to contradicts
it) or ``not_checkable`` (no table cell can settle it: a figure, an average the tables do not
hold, a scope the table does not mark, a sentence that claims nothing).

The tool's verdict on a gold claim is taken from the cross-checks whose claim sentence holds
the quote (on that file and page): ``mismatch`` if any says mismatch, else ``consistent`` if
any says consistent, else ``unverified`` when a check was made but left unsettled
(unverified, scoped, unsupported), else ``none`` (no check). Printed per paper and in total:

- false mismatches: a ``mismatch`` verdict on a claim whose truth is not ``mismatch``
  (the figure that must be 0);
- real mismatches found: ``mismatch`` verdicts on claims whose truth is ``mismatch``, out of
  all such claims;
- consistent confirmed: ``consistent`` verdicts on consistent claims; false reassurance:
  ``consistent`` on a real mismatch;
- unverified / none counts (shown apart; not findings).
"""

from __future__ import annotations

import argparse
import re
import sys
import time
import unicodedata
from collections import Counter
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

GOLD_DIR = ROOT / "tests" / "data" / "gold" / "crosscheck"
SHARED = ROOT.parent / "shared"


def _norm(s: str) -> str:
    s = unicodedata.normalize("NFKC", s).replace("\u2019", "'").replace("\u2018", "'")
    return re.sub(r"\s+", " ", s.replace("- ", "-")).strip().casefold()


def load_gold(split: str) -> list[dict]:
    out = []
    for f in sorted(GOLD_DIR.glob("*.yaml")):
        data = yaml.safe_load(f.read_text(encoding="utf-8"))
        if split != "all" and data["split"] != split:
            continue
        for c in data["claims"]:
            paper = c.get("paper", data["paper"])
            files = data["files"]
            main = files.get(paper) or files["main"]
            supp = files.get("supplement") if paper == data["paper"] else None
            out.append({**c, "paper": paper, "split": data["split"], "main": main, "supplement": supp})
    return out


def analyse(main: str, supplement: str | None):
    from jupyter_review.extract.claims import extract_claims
    from jupyter_review.extract.crosscheck import cross_check
    from jupyter_review.extract.tables import extract_tables
    from jupyter_review.pipeline import load

    doc = load(SHARED / main, supplements=[SHARED / supplement] if supplement else [])
    tables = extract_tables(doc)
    claims = extract_claims(doc)
    return cross_check(claims, tables, doc)


def verdict(item: dict, checks: list) -> tuple[str, list]:
    want_doc = 1 if item["file"] == "supplement" else 0
    q = _norm(item["quote"])
    mine = [c for c in checks if c.claim and q in _norm(c.claim) and c.claim_page == item["page"] and (c.claim_doc or 0) == want_doc]
    statuses = {c.status for c in mine}
    if "mismatch" in statuses:
        return "mismatch", mine
    if "consistent" in statuses:
        return "consistent", mine
    if statuses:
        return "unverified", mine
    return "none", mine


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--split", default="all", choices=["tuning", "blind", "fresh", "fresh2", "fresh3", "all"])
    ap.add_argument("-v", "--verbose", action="store_true")
    ap.add_argument("--skip", default="", help="papers (gold paper names, comma-separated) not to run: papers held blind for another measure")
    args = ap.parse_args()
    skip = set(filter(None, args.skip.split(",")))
    gold = [g for g in load_gold(args.split) if g["paper"] not in skip]
    by_paper: dict[str, list[dict]] = {}
    for g in gold:
        by_paper.setdefault(g["paper"], []).append(g)
    total: Counter = Counter()
    t0 = time.process_time()
    print(f"{'paper':<20} {'split':<7} {'claims':>6} {'false mm':>8} {'real found':>10} {'cons ok':>7} {'false ok':>8} {'unverif':>7} {'none':>5}")
    for paper, items in by_paper.items():
        checks = analyse(items[0]["main"], items[0]["supplement"])
        row: Counter = Counter()
        for it in items:
            v, mine = verdict(it, checks)
            truth = it["truth"]
            row["claims"] += 1
            row["real"] += truth == "mismatch"
            row["false_mm"] += v == "mismatch" and truth != "mismatch"
            row["found"] += v == "mismatch" and truth == "mismatch"
            row["cons_ok"] += v == "consistent" and truth == "consistent"
            row["consistent"] += truth == "consistent"
            row["false_ok"] += v == "consistent" and truth == "mismatch"
            row["unverified"] += v == "unverified"
            row["none"] += v == "none"
            bad = (v == "mismatch") != (truth == "mismatch") or (v == "consistent" and truth != "consistent")
            if args.verbose and (bad or v != "none"):
                mark = "!!" if bad else "  "
                print(f"  {mark} {it['id']:<10} truth={truth:<13} tool={v:<10} {it['quote'][:70]}")
                if bad:
                    for c in mine[:3]:
                        print(f"        {c.kind}/{c.status}: {c.message[:220]}")
        total.update(row)
        print(f"{paper:<20} {items[0]['split']:<7} {row['claims']:>6} {row['false_mm']:>8} {row['found']:>6}/{row['real']:<3} "
              f"{row['cons_ok']:>3}/{row['consistent']:<3} {row['false_ok']:>8} {row['unverified']:>7} {row['none']:>5}")
    n_not = total["claims"] - total["real"] - total["consistent"]
    print(f"\n{args.split}: {total['claims']} claims ({total['real']} real mismatches, {total['consistent']} consistent, "
          f"{n_not} not checkable)")
    print(f"  false mismatches: {total['false_mm']} (rate {total['false_mm'] / max(1, total['claims'] - total['real']):.3f} "
          "of the claims that are no mismatch)")
    print(f"  real mismatches found: {total['found']}/{total['real']}")
    print(f"  consistent claims confirmed: {total['cons_ok']}/{total['consistent']}; 'consistent' on a real mismatch: {total['false_ok']}")
    print(f"  left unverified (shown apart): {total['unverified']}; no check made: {total['none']}")
    print(f"  {time.process_time() - t0:.1f} CPU s")


if __name__ == "__main__":
    main()
