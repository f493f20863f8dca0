"""Dump every sentence of the corpus and texbench PDFs, and compare two dumps.

An ingest change (typography, geometry) shows as the sentences it changes.  ``dump`` writes,
per PDF, the document model's sentences (page and text, in reading order) to a JSON-lines file;
``diff`` lines up two dumps file by file and prints every changed sentence (or, for the papers
marked ``blind`` in tests/data/relevance/split.tsv and those with a relblind gold, only counts).

    .venv/bin/python benchmarks/sentence_dump.py dump OUT_DIR [--root CHECKOUT] [--tables]
    .venv/bin/python benchmarks/sentence_dump.py diff OLD_DIR NEW_DIR [--only FILE ...]

``--root`` imports jupyter_review from another checkout (main's, to dump the base in the same
environment).  Files are read from ``$JR_CORPUS`` (default ../shared/corpus, top level only)
and ../shared/texbench/pdfs; ../shared/newpapers is never read.
"""

from __future__ import annotations

import argparse
import csv
import difflib
import json
import os
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parents[1]
SHARED = HERE.parent / "shared"


def _blind() -> set[str]:
    """File stems whose outputs are not shown (only counted)."""
    out: set[str] = set()
    split = HERE / "tests" / "data" / "relevance" / "split.tsv"
    with split.open() as f:
        for row in csv.reader(f, delimiter="\t"):
            if len(row) > 2 and row[2] == "blind":
                out.update(Path(x.strip()).stem for x in row[1].split(",") if x.strip())
                out.add(row[0])
    gold = HERE / "tests" / "data" / "gold" / "relblind"
    if gold.is_dir():
        out.update(p.stem for p in gold.glob("*.yaml"))
    return out


def _files() -> list[Path]:
    corpus = Path(os.environ.get("JR_CORPUS", SHARED / "corpus"))
    return sorted(corpus.glob("*.pdf")) + sorted((SHARED / "texbench" / "pdfs").glob("*.pdf"))


def dump(out: Path, root: Path | None, tables: bool) -> None:
    sys.path.insert(0, str(root or HERE))
    from jupyter_review.ingest.pdf import load_document  # noqa: PLC0415

    out.mkdir(parents=True, exist_ok=True)
    for path in _files():
        try:
            doc = load_document(path)
        except Exception as e:  # noqa: BLE001 - a file that does not open is recorded as such
            rows = [{"error": type(e).__name__}]
        else:
            rows = [{"page": s.page, "text": s.text} for s in doc.sentences]
            if tables:
                for t in getattr(doc, "raw_tables", None) or []:
                    rows.append({"page": t.page, "table": [[c.text for c in r] for r in getattr(t, "rows", [])]})
        with (out / f"{path.stem}.jsonl").open("w") as f:
            for r in rows:
                f.write(json.dumps(r, ensure_ascii=False) + "\n")
        print(path.stem, len(rows), flush=True)


def _read(p: Path) -> list[str]:
    if not p.exists():
        return []
    out = []
    for line in p.read_text().splitlines():
        r = json.loads(line)
        out.append(f"p{r.get('page', '?')}: {r.get('text', r.get('table', r.get('error')))}")
    return out


def diff(old: Path, new: Path, only: list[str]) -> None:
    blind = _blind()
    stems = sorted({p.stem for p in old.glob("*.jsonl")} | {p.stem for p in new.glob("*.jsonl")})
    total = changed_files = blind_changed = 0
    for stem in stems:
        if only and stem not in only:
            continue
        a, b = _read(old / f"{stem}.jsonl"), _read(new / f"{stem}.jsonl")
        ops = [op for op in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes() if op[0] != "equal"]
        if not ops:
            continue
        n = sum(max(i2 - i1, j2 - j1) for _, i1, i2, j1, j2 in ops)
        total += n
        changed_files += 1
        if stem in blind:
            blind_changed += n
            print(f"== {stem} (blind): {n} sentences changed")
            continue
        print(f"== {stem}: {n} sentences changed")
        for _tag, i1, i2, j1, j2 in ops:
            for s in a[i1:i2]:
                print(f"  - {s}")
            for s in b[j1:j2]:
                print(f"  + {s}")
    print(f"total: {total} sentences changed in {changed_files} files ({blind_changed} in blind papers)")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = ap.add_subparsers(dest="cmd", required=True)
    d = sub.add_parser("dump")
    d.add_argument("out", type=Path)
    d.add_argument("--root", type=Path, default=None, help="checkout whose jupyter_review is imported")
    d.add_argument("--tables", action="store_true", help="also the raw tables' cells")
    c = sub.add_parser("diff")
    c.add_argument("old", type=Path)
    c.add_argument("new", type=Path)
    c.add_argument("--only", nargs="*", default=[])
    a = ap.parse_args()
    if a.cmd == "dump":
        dump(a.out, a.root, a.tables)
    else:
        diff(a.old, a.new, a.only)


if __name__ == "__main__":
    main()
