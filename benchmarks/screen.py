"""Batch screening throughput: manuscripts per hour serial vs a local process pool vs a
Dask LocalCluster, peak memory per worker, speed-up.

The folder is built from the real corpus papers (symlinks), each main PDF with the
supplements the corpus pairs it with, repeated to ``--n`` manuscripts.

    .venv/bin/python benchmarks/screen.py            # 200 manuscripts, all three modes
    .venv/bin/python benchmarks/screen.py --n 40 --serial-n 20 --modes serial,processes

Targets (issue 6): >= 1,000 manuscripts/hour on 2 cores for typical 20-page papers with
supplements; < 500 MB resident memory per worker; near-linear scaling with workers.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from jupyter_review.screen import find_manuscripts, screen  # noqa: E402

CORPUS = Path(os.environ.get("JR_CORPUS", ROOT.parent / "shared" / "corpus"))


def build_folder(dest: Path, n: int) -> list[tuple[str, int, int]]:
    """Symlink ``n`` manuscripts into ``dest``; returns (id, files, pages) of the sources used."""
    import pymupdf

    sources = [m for m in find_manuscripts(CORPUS, recursive=False)]
    pages: dict[Path, int] = {}
    for m in sources:
        for f in m.files:
            with pymupdf.open(f) as d:
                pages[f] = d.page_count
    # supplements first in the cycle so that small --n still includes pairs
    sources.sort(key=lambda m: (not m.supplements, m.id))
    used = []
    for i in range(n):
        m = sources[i % len(sources)]
        prefix = f"m{i:04d}-"
        for f in m.files:
            (dest / (prefix + f.name)).symlink_to(f)
        used.append((m.id, len(m.files), sum(pages[f] for f in m.files)))
    return used


def report(label: str, df, seconds: float) -> float:
    st = df.attrs.get("screen", {})
    n = st.get("analysed", len(df))
    rate = n / seconds * 3600 if seconds else float("nan")
    workers = st.get("workers", {})
    rss = ", ".join(f"{v:.0f}" for v in sorted(workers.values())) or "-"
    per = df["seconds"].dropna()
    errors = int((df["error"] != "").sum())
    cpu = st.get("cpu_seconds", 0.0) / max(n, 1)
    print(
        f"{label:24s} {n:4d} manuscripts in {seconds:7.1f} s = {rate:7.0f}/hour; "
        f"wall per manuscript median {statistics.median(per):.2f} s, p90 {per.quantile(0.9):.2f} s; "
        f"CPU per manuscript {cpu:.2f} s; peak RSS per worker (MB): {rss}; errors {errors}",
        flush=True,
    )
    return rate


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--n", type=int, default=200, help="manuscripts in the folder (default 200)")
    ap.add_argument("--serial-n", type=int, default=0, help="manuscripts for the serial run (default: --n)")
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--modes", default="serial,processes,dask")
    ap.add_argument("--out", help="also write the screening output here (.csv/.parquet/.html) in each run")
    args = ap.parse_args()
    modes = [m.strip() for m in args.modes.split(",") if m.strip()]

    with tempfile.TemporaryDirectory(prefix="jr-screen-bench-") as tmp:
        folder = Path(tmp) / "batch"
        folder.mkdir()
        used = build_folder(folder, args.n)
        found = find_manuscripts(folder)
        n_supp = sum(1 for m in found if m.supplements)
        pages = [p for _, _, p in used]
        print(
            f"folder: {len(found)} manuscripts ({n_supp} with supplements, {sum(f for _, f, _ in used)} PDFs), "
            f"pages per manuscript mean {statistics.mean(pages):.1f}, median {statistics.median(pages):.0f}; "
            f"{len({u[0] for u in used})} distinct corpus papers; cores {os.cpu_count()}",
            flush=True,
        )
        assert len(found) == args.n, (len(found), args.n)
        rates: dict[str, float] = {}

        def run(label: str, **kw) -> None:
            out = Path(tmp) / f"{label}{Path(args.out).suffix}" if args.out else None
            t0 = time.perf_counter()
            df = screen(folder, out=out, resume=False, progress=False, **kw)
            rates[label] = report(label, df, time.perf_counter() - t0)

        if "serial" in modes:
            if args.serial_n and args.serial_n < args.n:
                sub = Path(tmp) / "serial"
                sub.mkdir()
                for m in found[: args.serial_n]:
                    for f in m.files:
                        (sub / f.name).symlink_to(os.readlink(f))
                t0 = time.perf_counter()
                df = screen(sub, workers=1, resume=False, progress=False)
                rates["serial"] = report("serial", df, time.perf_counter() - t0)
            else:
                run("serial", workers=1)
        if "processes" in modes:
            run(f"processes x{args.workers}", workers=args.workers)
        if "dask" in modes:
            from distributed import Client, LocalCluster

            with LocalCluster(
                n_workers=args.workers, threads_per_worker=1, processes=True, memory_limit="2GiB",
                dashboard_address=":0",  # a free port: None still takes 8787 (dask/distributed#8136)
            ) as cluster, Client(cluster) as client:
                run(f"dask LocalCluster x{args.workers}", client=client)
        print(f"load average during the runs: {os.getloadavg()[0]:.1f} (cores {os.cpu_count()})")
        base = rates.get("serial")
        if base:
            for label, r in rates.items():
                if label != "serial":
                    print(f"speed-up {label}: {r / base:.2f}x (ideal {args.workers}x)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
