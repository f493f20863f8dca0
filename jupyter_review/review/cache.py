"""The saved analysis of a review: ``<stem>.review/analysis-cache.json``.

A second open of the same paper shows the checklist at once instead of analysing it
again.  The cache is used only when its key matches exactly:

* the SHA-256 of every input file, in order (paper first, then the supplements);
* the package version and a digest of the package's own code and data files (lexicons,
  topics, frameworks, trained models), so a changed detector never serves an old result;
* the frameworks asked for and the bytes of every extra checklist file.

A missing, corrupt, oversized or mismatching cache means "analyse again" (and the new
analysis replaces it); it never raises.  It is written with the atomic writer (temp file,
fsync, rename; the user's umask), and a failed write only costs the next open its speed.
"""

from __future__ import annotations

import functools
import hashlib
import json
import logging
import os
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from ..model import Analysis
from .atomic import atomic_write_text
from .state import review_folder

log = logging.getLogger(__name__)

CACHE_NAME = "analysis-cache.json"
KIND = "jupyter-review/analysis-cache"
SCHEMA = 1
MAX_CACHE_BYTES = 256 * 1024 * 1024


def cache_path(paper: str | os.PathLike[str]) -> Path:
    return review_folder(paper) / CACHE_NAME


def file_sha256(path: str | os.PathLike[str]) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for chunk in iter(lambda: f.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


@functools.cache
def code_digest() -> str:
    """The package version and a digest of every code and data file of the package."""
    from .. import __version__

    pkg = Path(__file__).resolve().parent.parent
    h = hashlib.sha256(__version__.encode())
    for f in sorted(pkg.rglob("*")):
        if not f.is_file() or f.suffix in (".pyc",) or "labextension" in f.relative_to(pkg).parts[:1]:
            continue
        if f.suffix not in (".py", ".yaml", ".yml", ".json", ".txt", ".cfg", ".bin", ".tsv", ".csv") and f.suffix:
            continue
        h.update(f.relative_to(pkg).as_posix().encode())
        h.update(f.read_bytes())
    return f"{__version__}+{h.hexdigest()[:16]}"


def cache_key(
    paper: str | os.PathLike[str],
    supplements: Sequence[str | os.PathLike[str]] = (),
    frameworks: Sequence[str] | None = None,
    checklists: Sequence[str | os.PathLike[str]] = (),
) -> dict[str, Any]:
    """What the analysis depends on; raises ``OSError`` when an input cannot be read."""
    files = [Path(paper), *(Path(s) for s in supplements)]
    extra = []
    for c in checklists:
        extra.append({"name": Path(c).name, "sha256": file_sha256(c)})
    return {
        "files": [{"name": f.name, "sha256": file_sha256(f)} for f in files],
        "code": code_digest(),
        "frameworks": list(frameworks) if frameworks else None,
        "checklists": extra,
    }


def load_cached(
    paper: str | os.PathLike[str],
    supplements: Sequence[str | os.PathLike[str]],
    key: dict[str, Any],
) -> Analysis | None:
    """The saved analysis when its key is ``key``; None otherwise (never raises)."""
    path = cache_path(paper)
    try:
        if not path.is_file() or path.stat().st_size > MAX_CACHE_BYTES:
            return None
        data = json.loads(path.read_text(encoding="utf-8"))
        if not isinstance(data, dict) or data.get("kind") != KIND or data.get("schema") != SCHEMA:
            return None
        if data.get("key") != key:
            return None
        analysis = Analysis.from_dict(data["analysis"])
        files = [Path(paper), *(Path(s) for s in supplements)]
        if len(analysis.document.files) != len(files):
            return None
        for f, p in zip(analysis.document.files, files):  # the paths as given now (another cwd)
            f.path = str(p)
        analysis.timings = {**analysis.timings, "cached": 1.0}
        return analysis
    except Exception as e:  # a damaged cache is only a slower open
        log.info("analysis cache %s not used: %s: %s", path, type(e).__name__, e)
        return None


def save_cached(paper: str | os.PathLike[str], key: dict[str, Any], analysis: Analysis) -> Path | None:
    """Write the analysis with its key; None (and nothing changed) when it cannot be written."""
    path = cache_path(paper)
    try:
        text = json.dumps({"kind": KIND, "schema": SCHEMA, "key": key,
                           "analysis": analysis.to_dict(include_document=True)}, ensure_ascii=False)
        atomic_write_text(path, text)
        return path
    except Exception as e:  # a read-only folder or a full disk: the review still works
        log.info("analysis cache %s not written: %s: %s", path, type(e).__name__, e)
        return None
