"""A stand-in for the analysis, imported by process-pool workers in test_screen (kept
free of heavy imports so that rebuilt workers start fast)."""

from __future__ import annotations

import os
from pathlib import Path


def crash_on_bad_name(paper: str, supplements: list[str], frameworks: object) -> dict:
    """Dies like a segfault on a manuscript whose name contains "crash"."""
    if "crash" in Path(paper).name:
        os._exit(139)
    return {"error": "", "title": Path(paper).stem}


def hang_on_slow_name(paper: str, supplements: list[str], frameworks: object) -> dict:
    """Never finishes on a manuscript whose name contains "slow" (a pathological PDF)."""
    if "slow" in Path(paper).name:
        import time

        time.sleep(3600)
    return {"error": "", "title": Path(paper).stem}


def worker_task(kind: str, progress=None) -> object:
    """Ways a worker's analysis can end, for tests of ``worker.run_limited``."""
    import os
    import signal
    import time

    if progress is not None:
        progress(1, 2, "half way")
    if kind == "ok":
        return {"answer": 42}
    if kind == "sleep":
        time.sleep(3600)
    if kind == "segfault":
        os.kill(os.getpid(), signal.SIGSEGV)
    if kind == "exit":
        os._exit(3)
    if kind == "memory":
        blocks = []
        while True:
            blocks.append(bytearray(64 * 1024 * 1024))
    if kind == "typed":
        from jupyter_review.errors import NotAPDFError

        raise NotAPDFError("x.pdf: not a PDF", path="x.pdf")
    raise RuntimeError("a bug")
