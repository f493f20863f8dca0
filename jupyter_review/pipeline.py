"""The analysis pipeline: ingest -> extractors -> checklist engine.

Plain Python; imports nothing from Jupyter.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import Any

from .model import Analysis, Document

Progress = Callable[[int, int, str], None]

# The stages a progress callback is told about, in order; its message starts with the stage
# name ("text: reading paper.pdf").  ``done`` rises from 0 to ``STEPS`` over the whole run.
STAGES = ("open", "text", "tables", "claims", "statements", "checks", "checklist", "done")
STEPS = 1000
_SPAN = {"open": (0, 20), "ingest": (20, 700), "tables": (700, 760), "claims": (760, 840),
         "statements": (840, 880), "checks": (880, 900), "checklist": (900, 1000), "done": (1000, 1000)}


class StageProgress:
    """One rising bar over the whole analysis from the steps' own reports.

    Ingest reports pages read of all files ("reading x.pdf", "finding tables in x.pdf"); the
    extractors and the checklist report their stage.  Each is mapped onto its share of
    ``STEPS`` and passed on as ``progress(done, STEPS, "stage: detail")``; ``done`` never goes
    back.  A failing callback is the caller's bug and propagates."""

    def __init__(self, progress: Progress) -> None:
        self.progress = progress
        self.done = 0

    def stage(self, name: str, fraction: float = 0.0, detail: str = "") -> None:
        a, b = _SPAN[name]
        value = max(self.done, int(a + (b - a) * min(max(fraction, 0.0), 1.0)))
        self.done = value
        shown = "text" if name == "ingest" else name
        self.progress(value, STEPS, f"{shown}: {detail}" if detail else shown)

    def ingest(self, done: int, total: int, message: str) -> None:
        """The callback ingest is given (pages done of all files)."""
        if message.startswith("finding tables"):
            a, b = _SPAN["ingest"]
            self.done = max(self.done, int(a + (b - a) * min(max(done / max(total, 1), 0.0), 1.0)))
            self.progress(self.done, STEPS, f"tables: {message}")
            return
        self.stage("ingest", done / max(total, 1), f"{message} ({done}/{total} pages)")


def _stages(progress: Progress | StageProgress | None) -> StageProgress | None:
    if progress is None or isinstance(progress, StageProgress):
        return progress
    return StageProgress(progress)


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


def _load_staged(paper: Any, supplements: Any, passwords: Any, stages: StageProgress | None) -> Document:
    if stages is not None:
        stages.stage("open", 0.0, f"opening {Path(paper).name}" + (f" + {len(supplements)} supplement(s)"
                                                                      if supplements else ""))
    return load(paper, supplements, passwords=passwords, progress=stages.ingest if stages else None)


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
    """Read the files and run every extractor and the checklist engine.

    ``progress(done, total, message)`` is called as the stages (``STAGES``) go by; ``message``
    starts with the stage's name. ``profile`` corrects the paper profile ("llm=no,dataset=yes");
    what applies follows from the corrected one."""
    t0 = time.perf_counter()
    stages = _stages(progress)
    document = _load_staged(paper, list(supplements), passwords, stages)
    return analyze_document(document, frameworks=frameworks, checklists=checklists, progress=stages, t0=t0,
                            profile=profile)


def analyze_document(
    document: Document,
    *,
    frameworks: Sequence[str] | None = None,
    checklists: Sequence[str | os.PathLike[str]] = (),
    progress: Progress | StageProgress | None = None,
    t0: float | None = None,
    profile: str | Mapping[str, Any] | None = None,
) -> Analysis:
    from .checklist import evaluate
    from .extract import run_extractors

    stages = _stages(progress)
    t1 = time.perf_counter()
    analysis = Analysis(document=document)
    if t0 is not None:
        analysis.timings["ingest"] = round(t1 - t0, 4)
    run_extractors(analysis, progress=(lambda name: stages.stage(name, 0.0, _DETAIL[name])) if stages else None)
    from .extract.genre import genre_warning

    w = genre_warning(document)
    if w and w not in document.warnings:
        document.warnings.append(w)
    t2 = time.perf_counter()
    analysis.timings["extract"] = round(t2 - t1, 4)
    if stages:
        stages.stage("checklist", 0.0, "checking disclosure topics")
    evaluate(analysis, frameworks=frameworks, extra_files=checklists, profile=profile)
    t3 = time.perf_counter()
    analysis.timings["checklist"] = round(t3 - t2, 4)
    analysis.timings["total"] = round(t3 - (t0 if t0 is not None else t1), 4)
    if stages:
        stages.stage("done")
    return analysis


_DETAIL = {"tables": "reading the results tables", "claims": "finding the claims",
           "statements": "finding data and code statements", "checks": "checking claims against the tables"}
