"""Teaching review methods: answer keys, where their papers are, and the student's worksheet.

An answer key records what a careful referee flags in one paper: a status per disclosure
topic with the page and quote a referee would cite, plus claims, table cells and further
referee points.  Two keys come with the package:

* ``"sample"``: the bundled fictional manuscript (``jupyter_review.sample``);
* ``"npjmgrav-00129"``: a real, CC BY paper (Mendt et al., npj Microgravity 7:1, 2021).
  Its PDF is not in the package. It sits in the repository's ``tests/data/papers/`` and in
  the shared corpus (``../shared/corpus/``). :func:`find_paper` looks in both.

``Worksheet`` (in :mod:`jupyter_review.teaching.worksheet`) is the ipywidgets form a student
fills in before running the tool.  This module itself imports nothing from Jupyter.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from ..errors import FileMissingError

KEYS = Path(__file__).resolve().parent / "keys"
VERDICTS = ("disclosed", "supplement_only", "vague", "missing", "not_applicable")
GAPS = ("vague", "missing")


def keys() -> list[str]:
    """The names of the answer keys that come with the package."""
    return ["sample", *sorted(p.stem for p in KEYS.glob("*.yaml"))]


def answer_key(name: str = "npjmgrav-00129") -> dict[str, Any]:
    """An answer key as a plain dict (``"sample"`` or the stem of a real paper)."""
    if name == "sample":
        from .. import sample

        return sample.answer_key()
    path = KEYS / f"{name}.yaml"
    if not path.is_file():
        raise FileMissingError(f"no answer key named {name!r}; there are: {', '.join(keys())}", path=str(path))
    import yaml

    with open(path, encoding="utf-8") as fh:
        data = yaml.safe_load(fh)
    if not isinstance(data, dict) or not isinstance(data.get("topics"), dict):
        raise ValueError(f"{path}: expected a mapping with 'topics'")
    return data


def key_statuses(key: dict[str, Any]) -> dict[str, str]:
    """topic id -> status of an answer key."""
    return {str(t): str(e["status"]) for t, e in key["topics"].items() if isinstance(e, dict) and e.get("status")}


def _repository_root(start: Path) -> Path | None:
    """The clone holding ``start`` (a folder with tests/data/papers), if any."""
    for folder in (start, *start.parents):
        if (folder / "tests" / "data" / "papers").is_dir():
            return folder
    return None


def paper_folders(start: str | os.PathLike[str] | None = None) -> list[Path]:
    """Where papers are looked for, in this order (folders that exist only).

    1. ``$JR_PAPERS`` (one or more folders, separated by ``os.pathsep``);
    2. ``tests/data/papers/`` of the clone holding ``start`` (default: the working folder),
       e.g. when a notebook runs from ``notebooks/``;
    3. ``$JR_CORPUS``, else ``../shared/corpus/`` beside that clone.
    """
    here = Path(start or Path.cwd()).resolve()
    found: list[Path] = [Path(p).expanduser() for p in os.environ.get("JR_PAPERS", "").split(os.pathsep) if p]
    root = _repository_root(here)
    if root is not None:
        found.append(root / "tests" / "data" / "papers")
    if os.environ.get("JR_CORPUS"):
        found.append(Path(os.environ["JR_CORPUS"]).expanduser())
    if root is not None:
        found.append(root.parent / "shared" / "corpus")
    out: list[Path] = []
    for folder in found:
        if folder.is_dir() and folder.resolve() not in {f.resolve() for f in out}:
            out.append(folder)
    return out


def find_paper(name: str, start: str | os.PathLike[str] | None = None) -> Path:
    """The PDF called ``name`` in the first of :func:`paper_folders` that holds it."""
    folders = paper_folders(start)
    for folder in folders:
        if (folder / name).is_file():
            return folder / name
    where = ", ".join(str(f) for f in folders) or "no folder found"
    raise FileMissingError(
        f"{name} not found (looked in: {where}); run from the clone (tests/data/papers/) or set JR_PAPERS",
        path=name,
    )


def key_files(key: dict[str, Any], start: str | os.PathLike[str] | None = None) -> tuple[Path, list[Path]]:
    """The main PDF and the supplements an answer key is about, found on disk."""
    from .. import sample

    if key.get("fictional"):
        return sample.main_pdf(), [sample.supplement_pdf()]
    files = key.get("files") or {}
    mains = [n for n, f in files.items() if (f or {}).get("role") == "main"]
    supps = [n for n, f in files.items() if (f or {}).get("role") == "supplement"]
    if len(mains) != 1:
        raise ValueError("an answer key names exactly one main file")
    return find_paper(mains[0], start), [find_paper(s, start) for s in supps]


def __getattr__(name: str) -> Any:  # the widget is imported only when asked for
    if name == "Worksheet":
        from .worksheet import Worksheet

        return Worksheet
    raise AttributeError(name)


__all__ = [
    "GAPS",
    "VERDICTS",
    "Worksheet",
    "answer_key",
    "find_paper",
    "key_files",
    "key_statuses",
    "keys",
    "paper_folders",
]
