"""Choose, once and before any training, which papers the relevance judgement may learn from
and which are kept blind.  Writes tests/data/relevance/split.tsv (paper, files, set, why).

Papers: every corpus paper with a hand-read status gold (tests/data/gold/*/) and every texbench
paper.  From each group a seeded shuffle puts a third (rounded up) into the blind set; the three
papers of the held-out status gold are blind by construction.  Run again, it writes the same file;
``--check`` only says whether the file in the repository is what the rule gives.

The status gold read is that of the folders the split was made from (``topics``, ``heldout``,
``fresh*``); gold folders added later (code, statements, cross-checks, tables ...) hold other kinds
of gold and never change the split; status gold of texbench papers (``fresh8``, read in session 19)
leaves them in the texbench group they were drawn from.
"""

from __future__ import annotations

import math
import random
import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
GOLD = ROOT / "tests" / "data" / "gold"
TEXBENCH = ROOT.parent / "shared" / "texbench" / "pdfs"
OUT = ROOT / "tests" / "data" / "relevance" / "split.tsv"
SEED = 20261203


def _status_gold_folders() -> list[Path]:
    return [d for d in sorted(GOLD.iterdir())
            if d.is_dir() and (d.name in ("topics", "heldout") or d.name.startswith("fresh"))]


def split_text() -> str:
    units: dict[str, list[str]] = {}
    heldout: set[str] = set()
    for d in _status_gold_folders():
        for f in sorted(d.glob("*.yaml")):
            data = yaml.safe_load(f.read_text(encoding="utf-8"))
            if data.get("source") == "texbench":
                continue  # status gold of a texbench paper (fresh8, session 19): it is in the texbench group
            name = Path(data["paper"]).stem
            units[name] = ["corpus/" + data["paper"]] + ["corpus/" + s for s in data.get("supplements") or []]
            if d.name == "heldout":
                heldout.add(name)
    status_gold = sorted(units)
    tex = sorted(p.stem for p in TEXBENCH.glob("*.pdf"))
    for t in tex:
        units[t] = [f"texbench/pdfs/{t}.pdf"]
    rng = random.Random(SEED)
    blind: set[str] = set(heldout)
    for group in (status_gold, tex):
        pool = [p for p in group if p not in heldout]
        rng.shuffle(pool)
        need = math.ceil(len(group) / 3) - sum(1 for p in group if p in heldout)
        blind.update(pool[:need])
    lines = ["paper\tfiles\tset\twhy"]
    for name in sorted(units):
        s = "blind" if name in blind else "train"
        why = "held-out status gold" if name in heldout else (
            "status gold" if name in status_gold else "texbench")
        lines.append(f"{name}\t{' '.join(units[name])}\t{s}\t{why}")
    return "\n".join(lines) + "\n"


def main() -> None:
    text = split_text()
    rows = [r.split("\t") for r in text.splitlines()[1:]]
    n_blind = sum(1 for r in rows if r[2] == "blind")
    if "--check" in sys.argv[1:]:
        same = OUT.read_text(encoding="utf-8") == text
        print(f"{OUT.relative_to(ROOT)} {'is' if same else 'is NOT'} what the rule gives "
              f"({len(rows)} papers, {n_blind} blind)")
        sys.exit(0 if same else 1)
    OUT.write_text(text, encoding="utf-8")
    print(f"{len(rows)} papers, {n_blind} blind ({n_blind / len(rows):.2f}) -> {OUT.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
