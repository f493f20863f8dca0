"""First open vs reopen of a review: what a referee waits for in the review notebook.

Each paper is copied into a fresh folder; the review is opened twice, each time in a fresh
Python process (as a new kernel would): the first open analyses the files and saves the
analysis in ``<stem>.review/analysis-cache.json``; the second finds the files unchanged and
loads it.  Printed per paper: seconds to the first progress report (the stage the bar
shows), seconds to the opened review (imports included), the ratio.

    .venv/bin/python benchmarks/reopen.py                 # bundled papers + corpus pairs if present
    .venv/bin/python benchmarks/reopen.py --repeat 3      # median of 3 runs each
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PAPERS = ROOT / "tests" / "data" / "papers"
CORPUS = Path(os.environ.get("JR_CORPUS", ROOT.parent / "shared" / "corpus"))

CHILD = r"""
import json, sys, time
t0 = time.perf_counter()
import jupyter_review as jr
first = []
def progress(done, total, message):
    if not first:
        first.append((time.perf_counter() - t0, message))
paper, supplements = sys.argv[1], sys.argv[2:]
review = jr.open_review(paper, supplements, progress=progress)
t1 = time.perf_counter()
print(json.dumps({"first_progress": first[0][0], "stage": first[0][1], "open": t1 - t0,
                  "cached": bool(review.analysis.timings.get("cached")), "rows": len(review.questions),
                  "items": len(review.items)}))
"""


def run_once(paper: Path, supplements: list[Path]) -> dict:
    out = subprocess.run([sys.executable, "-c", CHILD, str(paper), *map(str, supplements)], check=True,
                         capture_output=True, text=True, cwd=str(paper.parent))
    return json.loads(out.stdout.strip().splitlines()[-1])


def cases() -> list[tuple[str, list[Path]]]:
    out = [(p.stem, [p]) for p in sorted(PAPERS.glob("*.pdf"))]
    for main, supp in (("stockmixer-main.pdf", "stockmixer-supplement.pdf"), ("papermage.pdf", None),
                       ("deepseek-v2.pdf", None)):
        files = [CORPUS / main] + ([CORPUS / supp] if supp else [])
        if all(f.is_file() for f in files):
            out.append((Path(main).stem + (" + supplement" if supp else ""), files))
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--repeat", type=int, default=1, help="runs per paper (median shown)")
    args = ap.parse_args()
    print(f"{'paper':34s} {'pages':>5s} {'rows/items':>10s} {'1st progress':>12s} {'first open':>10s} "
          f"{'reopen':>8s} {'ratio':>6s}")
    firsts, reopens = [], []
    for name, files in cases():
        import pymupdf

        pages = sum(pymupdf.open(f).page_count for f in files)
        a_runs, b_runs, p_runs = [], [], []
        for _ in range(max(1, args.repeat)):
            with tempfile.TemporaryDirectory() as d:
                copies = [Path(shutil.copy(f, Path(d) / f.name)) for f in files]
                a = run_once(copies[0], copies[1:])
                b = run_once(copies[0], copies[1:])
                assert not a["cached"] and b["cached"], (a, b)
                a_runs.append(a["open"])
                b_runs.append(b["open"])
                p_runs.append(a["first_progress"])
        fa, fb, fp = statistics.median(a_runs), statistics.median(b_runs), statistics.median(p_runs)
        firsts.append(fa)
        reopens.append(fb)
        print(f"{name[:34]:34s} {pages:5d} {a['rows']:>4d}/{a['items']:<5d} {fp:11.2f}s {fa:9.2f}s {fb:7.2f}s "
              f"{fa / fb:5.1f}x")
    print(f"{'median':34s} {'':5s} {'':10s} {'':12s} {statistics.median(firsts):9.2f}s "
          f"{statistics.median(reopens):7.2f}s {statistics.median(firsts) / statistics.median(reopens):5.1f}x")
    print("(each open in a fresh Python process, imports included; reopen = files unchanged, saved analysis)")


if __name__ == "__main__":
    main()
