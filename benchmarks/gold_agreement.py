"""How far two annotators agree on the disclosure gold.

For every second annotation in ``tests/data/gold/agreement/<paper>.yaml`` (made blind to the
first), finds the first annotation of the same paper in the other gold folders and prints, per
paper and pooled:

* exact status agreement and Cohen's kappa over the five statuses;
* agreement on "is this a gap?" (vague|missing versus disclosed|supplement_only), over the topics
  both annotators found applicable, with its kappa;
* the topics they disagree on.

    .venv/bin/python benchmarks/gold_agreement.py
    .venv/bin/python benchmarks/gold_agreement.py --first-dir relblind   # only papers whose first
                                                                        # annotation is in gold/relblind
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
GOLD = ROOT / "tests" / "data" / "gold"
GAP = {"vague", "missing"}


def kappa(pairs: list[tuple[str, str]]) -> float:
    """Cohen's kappa of two label sequences (1.0 when both always agree on one label)."""
    n = len(pairs)
    if not n:
        return float("nan")
    po = sum(a == b for a, b in pairs) / n
    ca, cb = Counter(a for a, _ in pairs), Counter(b for _, b in pairs)
    pe = sum(ca[k] * cb[k] for k in ca) / (n * n)
    return 1.0 if pe == 1 else (po - pe) / (1 - pe)


def first_annotation(stem: str, first_dir: str | None = None) -> Path | None:
    """The first status annotation of a paper: in ``first_dir`` if given, else in any gold folder
    but agreement/ whose file has ``topics`` (code/ and statements/ gold of the same paper do not)."""
    for p in sorted(GOLD.glob(f"{first_dir or '*'}/{stem}.yaml")):
        if p.parent.name != "agreement" and "topics" in (yaml.safe_load(p.read_text("utf-8")) or {}):
            return p
    return None


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--first-dir", help="gold folder holding the first annotations (e.g. relblind); "
                        "papers without a first annotation there are skipped")
    args = parser.parse_args(argv)
    second = sorted((GOLD / "agreement").glob("*.yaml"))
    if not second:
        print("no second annotations in tests/data/gold/agreement/")
        return 2
    all_pairs: list[tuple[str, str]] = []
    all_gap: list[tuple[str, str]] = []
    for path in second:
        first = first_annotation(path.stem, args.first_dir)
        if first is None:
            if not args.first_dir:
                print(f"{path.stem}: no first annotation found")
            continue
        a = yaml.safe_load(first.read_text("utf-8"))["topics"]
        b = yaml.safe_load(path.read_text("utf-8"))["topics"]
        pairs = [(a[t]["status"], b[t]["status"]) for t in sorted(a) if t in b]
        gap = [("gap" if x in GAP else "no", "gap" if y in GAP else "no") for x, y in pairs
               if "not_applicable" not in (x, y)]
        all_pairs += pairs
        all_gap += gap
        same = sum(x == y for x, y in pairs)
        print(f"{path.stem} (first: {first.parent.name}/): exact {same}/{len(pairs)} = {same / len(pairs):.2f}, "
              f"kappa {kappa(pairs):.2f}; gap agreement {sum(x == y for x, y in gap)}/{len(gap)}, kappa {kappa(gap):.2f}")
        for t in sorted(a):
            if t in b and a[t]["status"] != b[t]["status"]:
                print(f"    {t:32s} first={a[t]['status']:16s} second={b[t]['status']}")
    if all_pairs:
        same = sum(x == y for x, y in all_pairs)
        print(f"pooled: exact {same}/{len(all_pairs)} = {same / len(all_pairs):.2f}, kappa {kappa(all_pairs):.2f}; "
              f"gap agreement {sum(x == y for x, y in all_gap)}/{len(all_gap)}, kappa {kappa(all_gap):.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
