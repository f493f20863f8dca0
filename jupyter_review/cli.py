"""Command line: thin layer over the core.  Expected errors print one line, never a traceback."""

from __future__ import annotations

import argparse
import os
import sys
import time
from collections.abc import Sequence
from pathlib import Path

from .errors import ReviewError


class _Bar:
    """A one-line progress bar on stderr, shown only in a terminal and for long jobs."""

    def __init__(self, enabled: bool, min_total: int = 20) -> None:
        self.enabled = enabled
        self.min_total = min_total
        self.t0 = time.perf_counter()
        self.last = 0.0

    def __call__(self, done: int, total: int, stage: str) -> None:
        if not self.enabled or total < self.min_total:
            return
        now = time.perf_counter()
        if now - self.last < 0.1 and done < total:
            return
        self.last = now
        frac = min(1.0, done / max(total, 1))
        width = 28
        fill = int(frac * width)
        rate = done / max(now - self.t0, 1e-6)
        eta = (total - done) / rate if rate > 0 and done < total else 0
        sys.stderr.write(f"\r[{'#' * fill}{'.' * (width - fill)}] {done}/{total} {stage[:60]:60s} ETA {eta:4.0f}s")
        if done >= total:
            sys.stderr.write("\n")
        sys.stderr.flush()


def _write(path: str, text: str) -> None:
    from .review.atomic import atomic_write_text

    atomic_write_text(Path(path), text)


def _analyze(args: argparse.Namespace) -> int:
    from .pipeline import analyze

    bar = _Bar(sys.stderr.isatty() and not args.quiet)
    passwords = {p: args.password for p in [args.paper, *args.supplement]} if args.password else None
    t0 = time.perf_counter()
    a = analyze(args.paper, args.supplement, frameworks=args.framework or None, checklists=args.checklist or (),
                passwords=passwords, progress=bar, profile=getattr(args, "profile", None))
    elapsed = time.perf_counter() - t0
    if args.json:
        _write(args.json, a.to_json(include_document=args.full, indent=1))
    if args.report:
        from .report import render_report

        fmt = "html" if args.report.lower().endswith((".html", ".htm")) else "md"
        _write(args.report, render_report(a, fmt=fmt))
    if args.csv:
        from .report import checklist_frame

        _write(args.csv, checklist_frame(a).to_csv(index=False))
    if not args.json or args.verbose:
        from .report.text import summary_text

        print(summary_text(a, elapsed=elapsed))
    elif not args.quiet:
        print(f"wrote {args.json} ({elapsed:.2f} s)")
    return 0


def _demo(args: argparse.Namespace) -> int:
    from .sample import main_pdf, supplement_pdf

    ns = argparse.Namespace(
        paper=str(main_pdf()), supplement=[str(supplement_pdf())], json=args.json, report=args.report, csv=None,
        framework=None, checklist=None, password=None, full=False, quiet=False, verbose=True,
    )
    return _analyze(ns)


def _screen(args: argparse.Namespace) -> int:
    from .screen import screen_folder_cli

    return screen_folder_cli(args)


def _frameworks(args: argparse.Namespace) -> int:
    from .checklist import list_frameworks

    for fw in list_frameworks(extra_files=args.checklist or ()):
        print(f"{fw['id']:24s} {fw['items']:3d} items  {fw['title']}  ({fw['source']})")
    return 0


def _train_relevance(args: argparse.Namespace) -> int:
    from .nlp.relevance import MODEL_DIR, train

    root = Path(args.repo).resolve()
    if not (root / "tests" / "data" / "relevance" / "split.tsv").exists():
        print(f"error: {root} holds no tests/data/relevance/split.tsv (run this in a clone of the repository)",
              file=sys.stderr)
        return 2
    train(root, Path(args.out) if args.out else MODEL_DIR, seed=args.seed)
    return 0


def _build_wordvec(args: argparse.Namespace) -> int:
    from .nlp import wordvec

    root = Path(args.repo).resolve()
    split = root / "tests" / "data" / "relevance" / "split.tsv"
    shared = Path(args.shared).resolve() if args.shared else root.parent / "shared"
    if not split.exists() or not (shared / "corpus").is_dir():
        print(f"error: needs {split} and the corpus under {shared}/corpus (use --shared)", file=sys.stderr)
        return 2
    vec = wordvec.build(wordvec.corpus_pdfs(shared, split))
    wordvec.save(vec, Path(args.out) if args.out else wordvec.VEC_PATH)
    return 0


def _train_statements(args: argparse.Namespace) -> int:
    from .nlp.statement_judge import MODEL_DIR, train

    root = Path(args.repo).resolve()
    if not (root / "tests" / "data" / "statement_labels").is_dir() or not (root / "tests" / "data" / "relevance" / "split.tsv").exists():
        print(f"error: {root} holds no tests/data/statement_labels and relevance/split.tsv (run this in a clone of the repository)",
              file=sys.stderr)
        return 2
    train(root, Path(args.out) if args.out else MODEL_DIR, seed=args.seed, epochs=args.epochs, draws=args.draws)
    return 0


def build_parser() -> argparse.ArgumentParser:
    ap = argparse.ArgumentParser(prog="jupyter-review", description="Disclosure gaps in papers and supplements, with evidence.")
    sub = ap.add_subparsers(dest="cmd", required=True)

    a = sub.add_parser("analyze", help="analyse a paper PDF (and supplements)")
    a.add_argument("paper")
    a.add_argument("--supplement", "-s", action="append", default=[], help="a supplement PDF (repeatable)")
    a.add_argument("--json", help="write the analysis JSON here")
    a.add_argument("--full", action="store_true", help="include the whole document model in the JSON")
    a.add_argument("--report", help="write a referee report (.md or .html)")
    a.add_argument("--csv", help="write the checklist as CSV")
    a.add_argument("--framework", "-f", action="append", help="checklist framework id (repeatable)")
    a.add_argument("--checklist", action="append", help="an extra checklist YAML/JSON file (repeatable)")
    a.add_argument("--password", help="password of encrypted PDFs")
    a.add_argument("--profile", help="correct the paper profile, e.g. llm=no,dataset=yes (traits: model, method, llm, "
                   "dataset, software, releases_model, human_participants, animals, personal_data, registrable_study, review)")
    a.add_argument("--quiet", "-q", action="store_true")
    a.add_argument("--verbose", "-v", action="store_true", help="print the summary even with --json")
    a.set_defaults(func=_analyze)

    d = sub.add_parser("demo", help="analyse the bundled sample manuscript")
    d.add_argument("--json")
    d.add_argument("--report")
    d.set_defaults(func=_demo)

    s = sub.add_parser("screen", help="screen a folder of manuscripts (editors)")
    s.add_argument("folder")
    s.add_argument("--out", "-o", action="append", help=".csv, .parquet or .html (repeatable; default screening.csv)")
    s.add_argument("--manifest", help="CSV with columns id, paper, supplements (';'-separated)")
    s.add_argument("--workers", type=int, default=0, help="processes (default: one per core; 1 = no pool, no limits)")
    s.add_argument("--timeout", type=float, help="seconds one manuscript may take in a worker (default 600)")
    s.add_argument("--memory-mb", type=int, help="address space of one worker in MB (default 4096)")
    s.add_argument("--scheduler", help="a Dask scheduler address, e.g. tcp://host:8786")
    s.add_argument("--framework", "-f", action="append")
    s.add_argument("--fresh", action="store_true", help="analyse everything again (no resume from --out)")
    s.add_argument("--quiet", "-q", action="store_true")
    s.set_defaults(func=_screen)

    f = sub.add_parser("frameworks", help="list checklist frameworks")
    f.add_argument("--checklist", action="append")
    f.set_defaults(func=_frameworks)

    t = sub.add_parser("train-relevance", help="train the evidence-relevance judgement from the repository's labels")
    t.add_argument("--repo", default=".", help="the repository clone that holds tests/data/relevance (default: .)")
    t.add_argument("--out", help="where to write the model (default: inside the package)")
    t.add_argument("--seed", type=int, default=20261203, help="shuffles the papers into cross-validation folds")
    t.set_defaults(func=_train_relevance)

    wv = sub.add_parser("build-wordvec", help="learn the relevance judgement's word vectors from the corpus PDFs "
                        "(deterministic; run before train-relevance)")
    wv.add_argument("--repo", default=".", help="the repository clone that holds tests/data/relevance (default: .)")
    wv.add_argument("--shared", help="the folder holding corpus/ and texbench/ (default: ../shared beside the clone)")
    wv.add_argument("--out", help="the npz to write (default: inside the package)")
    wv.set_defaults(func=_build_wordvec)

    ts = sub.add_parser("train-statements",
                        help="train the judgement of whose data statement or claim a sentence is, from the repository's labels")
    ts.add_argument("--repo", default=".", help="the repository clone that holds tests/data/statement_labels (default: .)")
    ts.add_argument("--out", help="where to write the model (default: inside the package)")
    ts.add_argument("--seed", type=int, default=20261204)
    ts.add_argument("--epochs", type=int, default=12)
    ts.add_argument("--draws", type=int, default=5, help="draws of the cross-validation folds pooled to choose the cut (default: 5)")
    ts.set_defaults(func=_train_statements)
    return ap


def main(argv: Sequence[str] | None = None) -> int:
    ap = build_parser()
    args = ap.parse_args(argv)
    try:
        return int(args.func(args) or 0)
    except ReviewError as e:
        print(e.one_line(), file=sys.stderr)
        return e.exit_code
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        os._exit(0)
    except Exception as e:  # a bug of ours: still one line, and a way to see the traceback
        if os.environ.get("JUPYTER_REVIEW_DEBUG"):
            raise
        msg = f"{type(e).__name__}: {e}".replace("\n", " ")[:300]
        print(f"error JR999: internal error ({msg}); rerun with JUPYTER_REVIEW_DEBUG=1 for details "
              "and please report it", file=sys.stderr)
        return 70


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
