"""Reliability figures: bounded time and memory on every hostile or odd PDF, and how the
storage and the server behave under hostile inputs.

Part 1 (``--pdfs``, default): every PDF in ``../shared/corpus/edge/`` and
``../shared/texbench/pdfs/`` is analysed with ``jupyter_review.analyze`` in a child
process of its own (address space capped by RLIMIT_AS, killed after ``--timeout``
seconds); prints per file the wall seconds, the child's peak RSS (``wait4`` rusage)
and the outcome.  Targets (issue 16): < 30 s and < 1 GB peak RSS for every file.

Part 2 (``--hostile``): the hostile generators of ``tests/test_reliability.py`` are
run as a table of tries; prints tried / failed-safe / failed-unsafe per category.
"Failed safe" is a typed error (``JRnnn``) or a clean refusal with nothing lost;
"failed unsafe" is a raw exception, a hang, a lost note or a write outside the root.

    .venv/bin/python benchmarks/reliability.py [--pdfs] [--hostile] [--timeout 120] [files ...]
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import signal
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("JR_SHARED", ROOT.parent / "shared"))
FOLDERS = [SHARED / "corpus" / "edge", SHARED / "texbench" / "pdfs"]
CHILD = Path(__file__).with_name("_analyze_one.py")
AS_CAP = 8 * 1024**3  # the child's address space: far above the 1 GB target, below the machine


def _limit() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (AS_CAP, AS_CAP))


def run_one(path: Path, timeout: float) -> dict:
    t = time.perf_counter()
    proc = subprocess.Popen([sys.executable, str(CHILD), str(path)], stdout=subprocess.PIPE,
                            stderr=subprocess.DEVNULL, preexec_fn=_limit, start_new_session=True)
    deadline = t + timeout
    status = None
    ru = None
    while True:
        pid, status, ru = os.wait4(proc.pid, os.WNOHANG)
        if pid:
            break
        if time.perf_counter() > deadline:
            os.killpg(proc.pid, signal.SIGKILL)
            pid, status, ru = os.wait4(proc.pid, 0)
            status = None
            break
        time.sleep(0.05)
    proc.returncode = 0
    out = proc.stdout.read().decode("utf-8", "replace") if proc.stdout else ""
    seconds = time.perf_counter() - t
    rss_mb = ru.ru_maxrss / 1024 if ru else float("nan")
    row = {"file": path.name, "seconds": round(seconds, 1), "rss_mb": round(rss_mb)}
    if status is None:
        row["outcome"] = f"TIMEOUT after {timeout:.0f} s"
    elif os.WIFSIGNALED(status):
        row["outcome"] = f"killed by signal {os.WTERMSIG(status)}"
    else:
        line = out.strip().splitlines()[-1] if out.strip() else "{}"
        try:
            data = json.loads(line)
        except ValueError:
            data = {}
        if not data:
            row["outcome"] = f"crashed (exit {os.WEXITSTATUS(status)})"
        elif data.get("error"):
            row["outcome"] = data["error"][:60]
        else:
            row["outcome"] = f"ok, {data.get('pages')} p." + (" (degraded read)" if data.get("degraded") else "")
    return row


def pdf_part(files: list[Path], timeout: float) -> int:
    print(f"{'file':52} {'s':>6} {'RSS MB':>7}  outcome")
    worst_s = worst_mb = 0.0
    over = 0
    for f in files:
        row = run_one(f, timeout)
        flag = "" if row["seconds"] < 30 and row["rss_mb"] < 1024 and "TIMEOUT" not in row["outcome"] else "  <-- over target"
        over += bool(flag)
        worst_s, worst_mb = max(worst_s, row["seconds"]), max(worst_mb, row["rss_mb"])
        print(f"{row['file'][:52]:52} {row['seconds']:6.1f} {row['rss_mb']:7d}  {row['outcome']}{flag}", flush=True)
    print(f"{len(files)} files; slowest {worst_s:.1f} s; largest peak RSS {worst_mb:.0f} MB; {over} over the 30 s / 1 GB target")
    return over


def hostile_part() -> int:
    sys.path.insert(0, str(ROOT))
    from tests.hostile import run_all

    totals = run_all()
    print(f"{'category':28} {'tried':>6} {'failed-safe':>12} {'failed-unsafe':>14}")
    unsafe = 0
    for cat, (tried, safe, bad, notes) in totals.items():
        unsafe += bad
        print(f"{cat:28} {tried:6d} {safe:12d} {bad:14d}" + (f"  {notes[0]}" if notes else ""))
    print(f"unsafe failures: {unsafe}")
    return unsafe


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("files", nargs="*", type=Path)
    ap.add_argument("--pdfs", action="store_true", help="time and memory per PDF (default when no part is named)")
    ap.add_argument("--hostile", action="store_true", help="hostile inputs: tried / failed-safe / failed-unsafe")
    ap.add_argument("--timeout", type=float, default=120.0)
    a = ap.parse_args()
    if not a.pdfs and not a.hostile:
        a.pdfs = True
    bad = 0
    if a.pdfs:
        files = a.files or sorted(p for d in FOLDERS for p in d.glob("*.pdf"))
        bad += pdf_part(files, a.timeout)
    if a.hostile:
        bad += hostile_part()
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
