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
