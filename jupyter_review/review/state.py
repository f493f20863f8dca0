"""The referee's saved review: a schema-versioned JSON sidecar next to the paper.

Every change is a locked read-modify-write: take an exclusive lock on
``<sidecar>.lock``, read the file, apply the change, write it atomically (temp file,
fsync, rename), release.  A crash mid-write leaves the previous file intact; two
processes never interleave their writes.  A change made on a stale copy is merged
field by field; when both sides changed the same field differently, notes are kept
side by side and decisions raise :class:`ReviewConflictError` (nothing is lost).
"""

from __future__ import annotations

import contextlib
import datetime as _dt
import json
import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from ..errors import ReviewSchemaError, ReviewStateError
from .atomic import atomic_write_text

SCHEMA_VERSION = "1.0"
KIND = "jupyter-review/review"
DECISIONS = ("agree", "present", "partial", "absent", "na")
# what a referee's decision means as a status
DECISION_STATUS = {"present": "disclosed", "partial": "vague", "absent": "missing", "na": "not_applicable"}
GAP_STATUSES = ("vague", "missing", "supplement_only")


class _Unset:
    def __repr__(self) -> str:
        return "UNSET"


UNSET: Any = _Unset()


def now() -> str:
    return _dt.datetime.now(_dt.UTC).isoformat(timespec="seconds")


def sidecar_path(paper: str | os.PathLike[str]) -> Path:
    """``<dir>/<stem>.review.json`` beside the paper (a sidecar path is returned as is)."""
    p = Path(paper)
    if p.name.endswith(".review.json"):
        return p
    return p.with_name(p.stem + ".review.json")


def new_state(paper: str | os.PathLike[str] = "", supplements: list[str] | None = None) -> dict[str, Any]:
    return {
        "schema_version": SCHEMA_VERSION,
        "kind": KIND,
        "paper": Path(paper).name if paper else "",
        "supplements": [Path(s).name for s in (supplements or [])],
        "files": [],
        "frameworks": [],
        "revision": 0,
        "created": now(),
        "updated": now(),
        "items": {},
        "general_notes": "",
        "summary": {},
        "history": [],
        "changes": {},
    }


def validate_state(data: Any, path: Path) -> dict[str, Any]:
    if not isinstance(data, dict) or data.get("kind") != KIND:
        raise ReviewSchemaError(f"{path} is not a jupyter-review review file", path=str(path))
    ver = str(data.get("schema_version", ""))
    if ver.split(".")[0] != SCHEMA_VERSION.split(".")[0]:
        raise ReviewSchemaError(
            f"{path} has review schema {ver!r}; this version reads {SCHEMA_VERSION.split('.')[0]}.x", path=str(path)
        )
    if not isinstance(data.get("items", {}), dict):
        raise ReviewSchemaError(f"{path}: 'items' must be an object", path=str(path))
    base = new_state()
    for k, v in base.items():
        data.setdefault(k, v)
    return data


def read_state(paper_or_sidecar: str | os.PathLike[str]) -> dict[str, Any] | None:
    """The saved review, or None when there is none yet."""
    path = sidecar_path(paper_or_sidecar)
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return None
    except OSError as e:
        raise ReviewStateError(f"cannot read {path}: {e.strerror}", path=str(path)) from e
    try:
        data = json.loads(text)
    except json.JSONDecodeError as e:
        raise ReviewSchemaError(
            f"{path} is not valid JSON (line {e.lineno}): it was left as is; move it away to start a new review",
            path=str(path),
        ) from e
    return validate_state(data, path)


def write_state(path: Path, state: dict[str, Any]) -> None:
    atomic_write_text(path, json.dumps(state, ensure_ascii=False, indent=1, sort_keys=False) + "\n")


@contextlib.contextmanager
def locked(path: Path) -> Iterator[None]:
    """An exclusive advisory lock beside the sidecar (POSIX flock; no-op elsewhere)."""
    lock = path.with_name(path.name + ".lock")
    path.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(str(lock), os.O_RDWR | os.O_CREAT, 0o644)
    try:
        try:
            import fcntl

            fcntl.flock(fd, fcntl.LOCK_EX)
        except ImportError:  # pragma: no cover - Windows
            pass
        yield
    finally:
        os.close(fd)  # closing releases the lock


def update_sidecar(
    paper: str | os.PathLike[str],
    *,
    item: str | None = None,
    decision: Any = UNSET,
    note: Any = UNSET,
    general_notes: Any = UNSET,
    base: dict[str, Any] | None = None,
    summary: dict[str, Any] | None = None,
) -> dict[str, Any]:
    """Apply one change to the saved review under the lock and return the new state.

    ``base`` is the state the caller last saw; when given, a field that another
    process changed since then is merged instead of overwritten (see module doc).
    """
    from ..errors import ReviewConflictError

    path = sidecar_path(paper)
    if decision is not UNSET and decision is not None and decision not in DECISIONS:
        raise ReviewStateError(f"decision must be one of {', '.join(DECISIONS)} or None, not {decision!r}")
    conflicts: list[str] = []
    with locked(path):
        disk = read_state(path) or new_state(paper)
        if item is not None:
            entry = disk["items"].setdefault(item, {"decision": None, "note": "", "updated": None})
            base_entry = (base or {}).get("items", {}).get(item, {}) if base is not None else None
            if decision is not UNSET:
                theirs = entry.get("decision")
                if base_entry is not None and theirs != base_entry.get("decision") and theirs != decision:
                    conflicts.append(
                        f"item {item}: another session set the decision to {theirs!r} after you loaded the review; "
                        f"it was kept (yours: {decision!r}); decide again to override"
                    )
                else:
                    entry["decision"] = decision
            if note is not UNSET:
                theirs = entry.get("note", "")
                base_note = base_entry.get("note", "") if base_entry is not None else theirs
                new = note or ""
                if base_entry is not None and theirs != base_note and theirs != new and theirs:
                    # both changed the note: keep both texts, never drop one
                    if new and theirs not in new:
                        entry["note"] = f"{theirs}\n\n[merged from another session]\n{new}" if new else theirs
                    else:
                        entry["note"] = new or theirs
                else:
                    entry["note"] = new
            entry["updated"] = now()
        if general_notes is not UNSET:
            theirs = disk.get("general_notes", "")
            base_g = (base or {}).get("general_notes", theirs) if base is not None else theirs
            new = general_notes or ""
            if base is not None and theirs != base_g and theirs != new and theirs and new and theirs not in new:
                disk["general_notes"] = f"{theirs}\n\n[merged from another session]\n{new}"
            else:
                disk["general_notes"] = new
        if summary is not None:
            disk["summary"] = summary
        disk["revision"] = int(disk.get("revision", 0)) + 1
        disk["updated"] = now()
        write_state(path, disk)
    if conflicts:
        err = ReviewConflictError("; ".join(conflicts), path=str(path))
        err.state = disk  # type: ignore[attr-defined]
        raise err
    return disk


def read_summary(paper_or_sidecar: str | os.PathLike[str]) -> dict[str, Any]:
    """Cheap progress figures for listing reviews, without analysing the paper."""
    path = sidecar_path(paper_or_sidecar)
    st = read_state(path) or new_state()
    s = st.get("summary", {}) or {}
    decided = sum(1 for v in st["items"].values() if v.get("decision"))
    return {
        "paper": st.get("paper", ""),
        "title": s.get("title", ""),
        "decided": decided,
        "total": int(s.get("total", 0)),
        "open_gaps": int(s.get("open_gaps", 0)),
        "counts": dict(s.get("counts", {})),
        "updated": st.get("updated", ""),
    }


def list_reviews(folder: str | os.PathLike[str]) -> list[dict[str, Any]]:
    """Every saved review in ``folder`` (not recursive), sorted by paper name."""
    out = []
    for p in sorted(Path(folder).glob("*.review.json")):
        try:
            info = read_summary(p)
        except ReviewStateError as e:
            info = {"paper": "", "title": "", "decided": 0, "total": 0, "open_gaps": 0, "counts": {}, "updated": "",
                    "error": e.one_line()}
        info["sidecar"] = str(p)
        if not info.get("paper"):
            info["paper"] = p.name[: -len(".review.json")] + ".pdf"
        nb = p.with_name(p.name[: -len(".review.json")] + ".review.ipynb")
        info["notebook"] = str(nb) if nb.exists() else ""
        out.append(info)
    return sorted(out, key=lambda d: d["paper"])
