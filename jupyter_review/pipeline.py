"""The analysis pipeline: ingest -> extractors -> checklist engine.

Plain Python; imports nothing from Jupyter.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable, Mapping, Sequence
from typing import Any

from .model import Analysis, Document

Progress = Callable[[int, int, str], None]


def load(
    paper: str | os.PathLike[str],
    supplements: Sequence[str | os.PathLike[str]] = (),
    *,
    passwords: dict[str, str] | None = None,
    progress: Progress | None = None,
) -> Document:
    """Read a paper PDF and its supplements into the document model."""
    from .ingest import load_document

    return load_document(paper, supplements, passwords=passwords, progress=progress)


def analyze(
    paper: str | os.PathLike[str],
    supplements: Sequence[str | os.PathLike[str]] = (),
    *,
    frameworks: Sequence[str] | None = None,
    checklists: Sequence[str | os.PathLike[str]] = (),
    passwords: dict[str, str] | None = None,
    progress: Progress | None = None,
    profile: str | Mapping[str, Any] | None = None,
) -> Analysis:
    """Read the files and run every extractor and the checklist engine. ``profile`` corrects
    the paper profile ("llm=no,dataset=yes"); what applies follows from the corrected one."""
    t0 = time.perf_counter()
    document = load(paper, supplements, passwords=passwords, progress=progress)
    return analyze_document(document, frameworks=frameworks, checklists=checklists, progress=progress, t0=t0,
                            profile=profile)


def analyze_document(
    document: Document,
    *,
    frameworks: Sequence[str] | None = None,
    checklists: Sequence[str | os.PathLike[str]] = (),
    progress: Progress | None = None,
    t0: float | None = None,
    profile: str | Mapping[str, Any] | None = None,
) -> Analysis:
    from .checklist import evaluate
    from .extract import run_extractors

    t1 = time.perf_counter()
    analysis = Analysis(document=document)
    if t0 is not None:
        analysis.timings["ingest"] = round(t1 - t0, 4)
    if progress:
        progress(0, 3, "extracting claims, data statements and tables")
    run_extractors(analysis)
    from .extract.genre import genre_warning

    w = genre_warning(document)
    if w and w not in document.warnings:
        document.warnings.append(w)
    t2 = time.perf_counter()
    analysis.timings["extract"] = round(t2 - t1, 4)
    if progress:
        progress(2, 3, "checking disclosure topics")
    evaluate(analysis, frameworks=frameworks, extra_files=checklists, profile=profile)
    t3 = time.perf_counter()
    analysis.timings["checklist"] = round(t3 - t2, 4)
    analysis.timings["total"] = round(t3 - (t0 if t0 is not None else t1), 4)
    if progress:
        progress(3, 3, "done")
    return analysis
