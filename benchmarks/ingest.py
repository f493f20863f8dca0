"""Ingest speed and memory on the largest corpus PDFs.

Prints, per file (CPU seconds of this one process, i.e. one core): pages, seconds and pages/s of our full ingest (with and without
the table search), the bare ``page.get_text()`` time over the same pages measured
in the same run, the ratio full/bare, and peak memory (tracemalloc peak of the
Python heap during one ingest, and the growth of the process's peak RSS).

Targets (issue 2): a 100-page PDF in under 1.5 s on one core; within 3x of bare
text extraction.

    .venv/bin/python benchmarks/ingest.py [--repeat 3] [--profile FILE.pdf] [more.pdf ...]
"""

from __future__ import annotations

import argparse
import gc
import os
import resource
import sys
import time
import tracemalloc
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import pymupdf  # noqa: E402

from jupyter_review.ingest.pdf import load_document  # noqa: E402
from jupyter_review.nlp.pipeline import get_nlp  # noqa: E402


def _clock() -> float:
    """CPU seconds of this process: one core's work, unaffected by other jobs on the machine."""
    return time.process_time()


CORPUS = Path(os.environ.get("JR_CORPUS", ROOT.parent / "shared" / "corpus"))
DEFAULT = [
    "edge/who-guideline-155p.pdf",
    "envy-preprint.pdf",
    "deepseek-v2.pdf",
    "multi-lexsum.pdf",
    "qwen3.pdf",
    "deepseek-moe.pdf",
    "crisprverse-main.pdf",
    "toxins-8070200.pdf",
    "kimi-linear.pdf",
]


def bare(path: Path) -> float:
    t = _clock()
    with pymupdf.open(str(path)) as d:
        for page in d:
            page.get_text()
    return _clock() - t


def full(path: Path, find_tables: bool) -> float:
    t = _clock()
    load_document(path, find_tables=find_tables)
    return _clock() - t


def peak_memory(path: Path) -> tuple[float, float]:
    """(tracemalloc peak MiB of one ingest, RSS high-water growth MiB)."""
    gc.collect()
    rss0 = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    tracemalloc.start()
    load_document(path)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    rss1 = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / 2**20, (rss1 - rss0) / 1024


def synthetic(path: Path, pages: int) -> None:
    """A long text-only PDF (running header, page numbers, two paragraphs a page)."""
    doc = pymupdf.open()
    para = ("The model was trained on 1.2 million labelled examples and evaluated on three "
            "public benchmarks. We report accuracy, F1 and calibration error for every run. ") * 5
    for i in range(pages):
        p = doc.new_page()
        p.insert_text((72, 50), "Journal of Generated Benchmarks", fontsize=8)
        p.insert_textbox(pymupdf.Rect(72, 80, 540, 740), f"{i + 1}. Part {i + 1}\n{para}\n{para}", fontsize=10)
        p.insert_text((300, 770), str(i + 1), fontsize=8)
    doc.save(str(path))
    doc.close()


def stages(files: list[Path]) -> None:
    """Time the ingest's stages by wrapping them (one warm run per file, tables on)."""
    import jupyter_review.ingest.pdf as pdf_mod
    import jupyter_review.nlp.pipeline as nlp_mod

    spent: dict[str, float] = {}
    undo = []

    def timed(owner, name: str, label: str, only_first_arg: str | None = None) -> None:
        orig = getattr(owner, name)

        def wrapper(*a, **k):
            if only_first_arg is not None and (len(a) < 2 or a[1] != only_first_arg):
                return orig(*a, **k)
            t = _clock()
            try:
                return orig(*a, **k)
            finally:
                spent[label] = spent.get(label, 0.0) + _clock() - t

        setattr(owner, name, wrapper)
        undo.append((owner, name, orig))

    nlp = nlp_mod.get_nlp()
    timed(pymupdf.Page, "get_textpage", "PyMuPDF text page (as in bare)")
    timed(pymupdf.Page, "get_text", "PyMuPDF dict from the text page", "dict")
    timed(pdf_mod, "_page_blocks", "dict -> blocks/lines")
    timed(pdf_mod._Builder, "_layout", "layout (running text, columns, footnotes)")
    timed(pdf_mod._Builder, "_captions_and_tables", "captions + tables (words, drawn rules, cells)")
    timed(pdf_mod._Builder, "_text", "paragraphs, sections, sentences")
    timed(nlp, "make_doc", "  of which spaCy's tokenizer")
    try:
        bare_total = full_total = 0.0
        totals: dict[str, float] = {}
        lib_keys = ("PyMuPDF text page (as in bare)", "PyMuPDF dict from the text page", "  of which spaCy's tokenizer")
        tab_key = "captions + tables (words, drawn rules, cells)"
        per_file = []
        for f in files:
            load_document(f)  # warm
            b = min(bare(f) for _ in range(3))
            bare_total += b
            spent.clear()
            t = _clock()
            load_document(f)
            took = _clock() - t
            full_total += took
            lib = sum(spent.get(k, 0.0) for k in lib_keys)
            per_file.append((f.name, b, took, lib, spent.get(tab_key, 0.0)))
            for k, v in spent.items():
                totals[k] = totals.get(k, 0.0) + v
        # the floor: library calls that any ingest with spans, fonts and spaCy sentences must make
        print("\nper file, in units of bare get_text(): the library calls every span-level ingest makes"
              "\n(text page, dict, spaCy tokenizer), the table search, and the rest of our own code")
        print(f"  {'file':34s} {'bare s':>7s} {'full':>6s} {'library':>8s} {'tables':>7s} {'our rest':>8s}")
        for name, b, took, lib, tab in per_file:
            print(f"  {name[:34]:34s} {b:7.3f} {took / b:6.2f} {lib / b:8.2f} {tab / b:7.2f} {(took - lib - tab) / b:8.2f}")
        spent = totals
        print(f"\nwhere the time goes (corpus files, tables on): full {full_total:.2f} s = {full_total / bare_total:.2f}x bare")
        nested = {"paragraphs, sections, sentences": "  of which spaCy's tokenizer"}
        for k, v in sorted(((k, v) for k, v in spent.items() if not k.startswith("  ")), key=lambda kv: -kv[1]):
            print(f"  {k:46s} {v:7.3f} s  {v / bare_total:5.2f}x bare")
            sub = nested.get(k)
            if sub in spent:
                print(f"  {sub:46s} {spent[sub]:7.3f} s  {spent[sub] / bare_total:5.2f}x bare")
        rest = full_total - sum(v for k, v in spent.items() if not k.startswith("  "))
        print(f"  {'other (page loop, model objects, GC, ...)':46s} {rest:7.3f} s  {rest / bare_total:5.2f}x bare")
    finally:
        for owner, name, orig in reversed(undo):
            setattr(owner, name, orig)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("files", nargs="*")
    ap.add_argument("--repeat", type=int, default=3, help="best of N timings (default 3)")
    ap.add_argument("--profile", help="profile the ingest of this file with cProfile and print the top entries")
    ap.add_argument("--synthetic", type=int, default=1000, help="pages of a generated PDF to add (0: none)")
    ap.add_argument("--stages", action="store_true",
                    help="also print where the ingest time goes, summed over the files, in units of bare get_text()")
    args = ap.parse_args()

    get_nlp()  # load once, as a long-running process would
    files = [Path(f) for f in args.files] or [CORPUS / f for f in DEFAULT]
    files = [f for f in files if f.exists()]
    if args.synthetic:
        tmp = Path(os.environ.get("TMPDIR", "/tmp")) / f"jr-bench-{args.synthetic}p.pdf"
        if not tmp.exists():
            synthetic(tmp, args.synthetic)
        files.append(tmp)
    # warm-up: fonts and caches
    if files:
        load_document(files[0])

    print(f"{'file':34s} {'pages':>5s} {'ingest s':>8s} {'pages/s':>8s} {'no-tab s':>8s} {'bare s':>7s}"
          f" {'ratio':>6s} {'ratio-nt':>8s} {'s/100p':>6s} {'heap MiB':>8s} {'RSS+ MiB':>8s}")
    worst = 0.0
    for f in files:
        with pymupdf.open(str(f)) as d:
            n = d.page_count
        tb, tf, tn = [], [], []
        for _ in range(max(1, args.repeat)):
            tb.append(bare(f))
            tf.append(full(f, True))
            tn.append(full(f, False))
        b, fu, nt = min(tb), min(tf), min(tn)
        heap, rss = peak_memory(f)
        worst = max(worst, fu / b)
        print(f"{f.name[:34]:34s} {n:5d} {fu:8.3f} {n / fu:8.1f} {nt:8.3f} {b:7.3f} {fu / b:6.2f} {nt / b:8.2f}"
              f" {100 * fu / n:6.2f} {heap:8.1f} {rss:8.1f}")
    print(f"worst ratio full/bare: {worst:.2f} (target <= 3); s/100p target < 1.5")
    if args.stages:
        stages([f for f in files if not f.name.startswith("jr-bench-")])  # the corpus files only
    if args.profile:
        import cProfile
        import pstats

        pr = cProfile.Profile()
        pr.enable()
        load_document(Path(args.profile))
        pr.disable()
        pstats.Stats(pr).sort_stats("tottime").print_stats(25)
    return 0


if __name__ == "__main__":
    sys.exit(main())
