"""The bundled sample manuscript: a short fictional ML paper with a supplement.

It is the worked example of the README and the CLI's ``jupyter-review demo``, and a
test fixture.  The PDFs are built from the HTML + CSS in ``src/`` by
``python -m jupyter_review.sample.build``; ``answer_key.yaml`` records what a careful
referee would flag in it (topic statuses with pages, claims, data statements, table
cells and the planted inconsistencies).  Everything in it is invented.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

_HERE = Path(__file__).resolve().parent


def folder() -> Path:
    """The folder holding the sample's PDFs, source and answer key."""
    return _HERE


def main_pdf() -> Path:
    """The main paper (PDF)."""
    return _HERE / "main.pdf"


def supplement_pdf() -> Path:
    """The supplementary material (PDF)."""
    return _HERE / "supplement.pdf"


def answer_key() -> dict[str, Any]:
    """The referee's answer key for the sample, as a plain dict."""
    import yaml

    with open(_HERE / "answer_key.yaml", encoding="utf-8") as fh:
        data = yaml.safe_load(fh)
    if not isinstance(data, dict):
        raise ValueError(f"{_HERE / 'answer_key.yaml'}: expected a mapping at the top level")
    return data


__all__ = ["answer_key", "folder", "main_pdf", "supplement_pdf"]
