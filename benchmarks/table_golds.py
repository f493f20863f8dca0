"""Every hand-read table gold in one run: one line per gold, and texbench.

    .venv/bin/python benchmarks/table_golds.py [--half tune|blind] [--no-texbench]

``--half tune`` (default) scores the tune half of each gold that has a ``split.json`` and the whole of
the older golds without one (they were made and tuned on together), and the whole of a gold whose
``split.json`` says its blind half became tuning material (``blind_is_tuning``); ``--half blind`` scores
only the blind halves still blind (a session reads them once, at its end, and tunes on nothing it sees
there). texbench is
scored on the same half of ``benchmarks/data/texbench_split.json``. Per-cell misses: run
``table_accuracy.py --gold-dir DIR --split HALF --misses`` on the gold in question.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import table_accuracy as ta  # noqa: E402

GOLD = Path(__file__).resolve().parents[1] / "tests" / "data" / "gold"


def _golds() -> list[Path]:
    return [GOLD / "tables"] + sorted((p for p in GOLD.glob("tables_unseen*") if p.is_dir()),
                                      key=lambda p: int(p.name.removeprefix("tables_unseen") or 1))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--half", choices=["tune", "blind"], default="tune")
    ap.add_argument("--no-texbench", action="store_true")
    args = ap.parse_args(argv)
    total = hit = 0
    for folder in _golds():
        split_file = folder / "split.json"
        has_split = split_file.is_file() and "blind_is_tuning" not in json.loads(split_file.read_text(encoding="utf-8"))
        if args.half == "blind" and not has_split:
            continue
        gold = ta.load_gold(folder, args.half if has_split else None)
        if not gold:
            continue
        res = ta.score_ours(gold)
        total += res["cells"]
        hit += res["matched"]
        part = args.half if has_split else "whole"
        print(f"{folder.name:16s} {part:6s} {res['accuracy']:.3f} ({res['matched']}/{res['cells']})")
    if total:
        print(f"{'all golds':16s} {args.half:6s} {hit / total:.3f} ({hit}/{total})")
    if not args.no_texbench:
        ids = ta.texbench_papers(args.half)
        if ids:
            h, n = ta.texbench_ours(ids)["tally"]["all"]
            print(f"{'texbench':16s} {args.half:6s} {h / n:.3f} ({h}/{n})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
