"""Create the review notebook "<stem>.review.ipynb" beside a paper PDF.

Plain JSON (nbformat 4.5) written atomically; imports nothing from Jupyter, so the
core stays installable without it.  Paths inside the notebook are relative to the
notebook's folder (kernels start in the notebook's folder in JupyterLab).
"""

from __future__ import annotations

import json
import os
import re
from collections.abc import Sequence
from pathlib import Path

from ..errors import FileMissingError, NotAPDFError, ReviewStateError
from .atomic import atomic_write_text

NOTEBOOK_SUFFIX = ".review.ipynb"

_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|<>&~$])")


def notebook_path(pdf: str | os.PathLike[str]) -> Path:
    pdf = Path(pdf)
    return pdf.with_name(pdf.stem + NOTEBOOK_SUFFIX)


def _md_literal(text: str) -> str:
    """File names are untrusted: show them literally in Markdown (no HTML, no markup)."""
    text = text.replace("\n", " ").replace("\r", " ")
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return _MD_SPECIAL.sub(lambda m: m.group(1) if m.group(1) in "&" else "\\" + m.group(1), text)


def _rel(path: Path, start: Path) -> str:
    return Path(os.path.relpath(path, start)).as_posix()


def _cell(kind: str, source: str, n: int) -> dict[str, object]:
    cell: dict[str, object] = {
        "cell_type": kind,
        "id": f"jr-{kind}-{n}",
        "metadata": {},
        "source": source.splitlines(keepends=True),
    }
    if kind == "code":
        cell["execution_count"] = None
        cell["outputs"] = []
    return cell


def notebook_json(pdf: Path, supplements: Sequence[Path]) -> dict[str, object]:
    """The notebook document (a dict) for ``pdf``; paths relative to the PDF's folder."""
    folder = pdf.parent
    paper_rel = _rel(pdf, folder)
    sups_rel = [_rel(s, folder) for s in supplements]
    title = f"# Review of {_md_literal(pdf.name)}\n"
    if sups_rel:
        title += "\nSupplements: " + ", ".join(_md_literal(s) for s in sups_rel) + "\n"
    code = (
        "import jupyter_review as jr\n"
        "\n"
        f"review = jr.show_review({paper_rel!r}, supplements={sups_rel!r})"
    )
    help_md = (
        "## How to use this checklist\n"
        "\n"
        "Run the cell above (Run ▸ Run All Cells). Each row is one checklist item: its status "
        "badge says whether the paper or its supplements disclose the topic "
        "(disclosed, only in a supplement, vague, missing, not applicable), the reason says why, "
        "and the quotes show the evidence with file and page (\"show on page\" highlights it).\n"
        "\n"
        "Record your own judgement with the buttons (agree, present, partial, absent, n/a) and "
        "the note box. Every change is saved at once in the folder "
        f"`{pdf.stem}.review/` beside the paper, so reopening this notebook and running it "
        "again restores your decisions (and shows the saved analysis at once while the files are "
        "unchanged). The export buttons write a report or a CSV of the checklist into the same folder.\n"
    )
    run = _cell("code", code, 1)
    # shown from the moment the notebook opens, before any kernel runs; running the cell
    # replaces it with the live progress bar (stage by stage) and then the checklist
    run["outputs"] = [{
        "output_type": "display_data",
        "metadata": {},
        "data": {
            "text/html": '<div class="jr-analysis-pending"><progress></progress> '
                         "<b>open</b>: waiting for the Python kernel to run this cell</div>",
            "text/plain": "open: waiting for the Python kernel to run this cell",
        },
    }]
    cells = [_cell("markdown", title, 0), run, _cell("markdown", help_md, 2)]
    return {
        "cells": cells,
        "metadata": {
            "kernelspec": {"display_name": "Python 3 (ipykernel)", "language": "python", "name": "python3"},
            "language_info": {"name": "python"},
            "jupyter_review": {"paper": paper_rel, "supplements": sups_rel},
        },
        "nbformat": 4,
        "nbformat_minor": 5,
    }


def create_review_notebook(
    pdf: str | os.PathLike[str],
    supplements: Sequence[str | os.PathLike[str]] = (),
    *,
    overwrite: bool = False,
) -> Path:
    """Write "<stem>.review.ipynb" beside ``pdf`` and return its path.

    With ``overwrite=False`` an existing notebook is kept as it is (it may hold the
    referee's own cells) and its path is returned.
    """
    pdf = Path(pdf)
    if not pdf.is_file():
        raise FileMissingError(f"{pdf} does not exist: give the path of the paper's PDF", path=str(pdf))
    if pdf.suffix.lower() != ".pdf":
        raise NotAPDFError(f"{pdf.name} is not a .pdf file: a review notebook is made for a paper PDF", path=str(pdf))
    sups: list[Path] = []
    for s in supplements:
        sp = Path(os.path.abspath(s))
        if not sp.is_file():
            raise FileMissingError(f"supplement {s} does not exist", path=str(s))
        if sp.resolve() == pdf.resolve():
            raise ReviewStateError(f"{pdf.name} cannot be its own supplement")
        if sp.resolve() not in [x.resolve() for x in sups]:
            sups.append(sp)
    pdf = Path(os.path.abspath(pdf))
    target = notebook_path(pdf)
    if target.exists() and not overwrite:
        return target
    text = json.dumps(notebook_json(pdf, sups), indent=1, ensure_ascii=False) + "\n"
    atomic_write_text(target, text)
    return target
