"""The referee's saved review: a schema-versioned JSON sidecar, ``<stem>.review/review.json``
beside the paper (one folder per review; an older ``<stem>.review.json`` is still read and
written where it is).

Every change is a locked read-modify-write: take an exclusive lock on the sidecar's
folder (``flock`` on the directory itself: no lock file is left beside the paper, and
none can be planted as a symlink), read the file, apply the change, write it
atomically (temp file, fsync, rename), release.  Reading is validated in one place
(:func:`read_state`): only a regular file under a size cap is opened (never a FIFO or a
device, so a reader never blocks), duplicate JSON keys, wrong types and oversized
notes raise :class:`SidecarError` naming the file and the problem.  A crash mid-write leaves the previous file intact; two
processes never interleave their writes.  A change made on a stale copy is merged
field by field; when both sides changed the same field differently, notes are kept
side by side and decisions raise :class:`ReviewConflictError` (nothing is lost).
"""

from __future__ import annotations

import contextlib
import datetime as _dt
import json
import os
import re
import stat
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

from ..errors import ReviewSchemaError, ReviewStateError, SidecarError
from .atomic import atomic_write_text, clean_stale_temps, save_error

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


REVIEW_FOLDER_SUFFIX = ".review"  # <stem>.review/ beside the paper holds everything a review writes
STATE_NAME = "review.json"
LEGACY_SUFFIX = ".review.json"  # reviews saved before the folder: <stem>.review.json beside the paper


def review_folder(paper: str | os.PathLike[str]) -> Path:
    """``<dir>/<stem>.review/``: the one folder a review writes beside the paper (its saved
    decisions, the analysis cache, exported reports); the notebook stays beside the paper."""
    p = Path(paper)
    if p.name == STATE_NAME and p.parent.name.endswith(REVIEW_FOLDER_SUFFIX):
        return p.parent
    if p.name.endswith(LEGACY_SUFFIX):
        p = p.with_name(p.name[: -len(LEGACY_SUFFIX)] + ".pdf")
    return p.with_name(p.stem + REVIEW_FOLDER_SUFFIX)


def sidecar_path(paper: str | os.PathLike[str]) -> Path:
    """The saved review of ``paper``: ``<stem>.review/review.json``, or the ``<stem>.review.json``
    of an older review beside the paper while there is no new one (read and written in place,
    so nothing is lost or forked).  A sidecar path is returned as is."""
    p = Path(paper)
    if p.name.endswith(LEGACY_SUFFIX) or (p.name == STATE_NAME and p.parent.name.endswith(REVIEW_FOLDER_SUFFIX)):
        return p
    new = review_folder(p) / STATE_NAME
    legacy = p.with_name(p.stem + LEGACY_SUFFIX)
    if not os.path.lexists(new) and os.path.lexists(legacy):
        return legacy
    return new


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
        "profile": {},  # the referee's corrections of the paper profile: {trait: "yes" | "no"}
    }


MAX_SIDECAR_BYTES = 32 * 1024 * 1024  # a review of a few hundred items is well under 1 MB
MAX_NOTE_CHARS = 200_000  # one note (about 100 pages of text)
MAX_ITEM_ID = 200
_ITEM_ID = re.compile(r"^[A-Za-z0-9][\w.\-]*:[\w.\-]+$")


def _no_duplicates(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    seen: dict[str, Any] = {}
    for k, v in pairs:
        if k in seen:
            raise _Duplicate(k)
        seen[k] = v
    return seen


class _Duplicate(ValueError):
    def __init__(self, key: str) -> None:
        super().__init__(key)
        self.key = key


def _bad(path: Path, problem: str) -> SidecarError:
    return SidecarError(f"{path}: {problem}; the file was left as is (fix it or move it away to start a new review)",
                        path=str(path))


def check_item_id(item: Any) -> str:
    if not isinstance(item, str) or len(item) > MAX_ITEM_ID or not _ITEM_ID.match(item):
        raise ReviewStateError(f"{str(item)[:80]!r} is not a checklist item id (framework:item)")
    return item


def check_note(text: Any, what: str = "note") -> str:
    if text is None:
        return ""
    if not isinstance(text, str):
        raise ReviewStateError(f"the {what} must be text, not {type(text).__name__}")
    if len(text) > MAX_NOTE_CHARS:
        raise ReviewStateError(f"the {what} has {len(text):,} characters; at most {MAX_NOTE_CHARS:,} are kept per {what}")
    return text


def validate_state(data: Any, path: Path) -> dict[str, Any]:
    """The sidecar's content checked field by field (every problem names the file and the field)."""
    if not isinstance(data, dict) or data.get("kind") != KIND:
        raise ReviewSchemaError(f"{path} is not a jupyter-review review file", path=str(path))
    ver = str(data.get("schema_version", ""))
    if ver.split(".")[0] != SCHEMA_VERSION.split(".")[0]:
        raise ReviewSchemaError(
            f"{path} has review schema {ver!r}; this version reads {SCHEMA_VERSION.split('.')[0]}.x", path=str(path)
        )
    base = new_state()
    for key, kind in (("items", dict), ("summary", dict), ("changes", dict), ("history", list), ("files", list),
                      ("supplements", list), ("frameworks", list), ("general_notes", str), ("paper", str)):
        if key in data and data[key] is not None and not isinstance(data[key], kind):
            raise _bad(path, f"{key!r} must be {'an object' if kind is dict else 'a list' if kind is list else 'text'},"
                             f" not {type(data[key]).__name__}")
    prof = data.get("profile")
    if prof is not None:
        from ..checklist.profile import TRAITS

        if not isinstance(prof, dict):
            raise _bad(path, f"'profile' must be an object, not {type(prof).__name__}")
        for k, v in prof.items():
            if k not in TRAITS or v not in ("yes", "no"):
                raise _bad(path, f"profile correction {str(k)[:40]!r}: {str(v)[:20]!r} is not a known trait set to yes or no")
    rev = data.get("revision", 0)
    if isinstance(rev, bool) or not isinstance(rev, int) or rev < 0:
        raise _bad(path, f"'revision' must be a whole number, not {rev!r:.40}")
    if len(data.get("general_notes") or "") > MAX_NOTE_CHARS:
        raise _bad(path, f"the general notes are over {MAX_NOTE_CHARS:,} characters")
    for item, entry in (data.get("items") or {}).items():
        if not isinstance(entry, dict):
            raise _bad(path, f"item {item[:80]!r} must be an object, not {type(entry).__name__}")
        if len(item) > MAX_ITEM_ID:
            raise _bad(path, f"item id {item[:80]!r}... is over {MAX_ITEM_ID} characters")
        dec = entry.get("decision")
        if dec is not None and dec not in DECISIONS:
            raise _bad(path, f"item {item!r}: decision {str(dec)[:40]!r} is not one of {', '.join(DECISIONS)}")
        note = entry.get("note")
        if note is not None and not isinstance(note, str):
            raise _bad(path, f"item {item!r}: the note must be text, not {type(note).__name__}")
        if note and len(note) > MAX_NOTE_CHARS:
            raise _bad(path, f"item {item!r}: the note is over {MAX_NOTE_CHARS:,} characters")
    for k, v in base.items():
        if data.get(k) is None:
            data[k] = v
    return data


def _read_regular(path: Path) -> bytes | None:
    """The bytes of ``path`` if it is a regular file under the size cap (None: no file).
    Opened non-blocking and checked with fstat before any read: a FIFO or a device in
    its place is refused instead of blocking the reader for ever."""
    try:
        fd = os.open(str(path), os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))
    except FileNotFoundError:
        return None
    except OSError as e:
        raise ReviewStateError(f"cannot read {path}: {e.strerror}", path=str(path)) from e
    try:
        st = os.fstat(fd)
        if not stat.S_ISREG(st.st_mode):
            raise _bad(path, "is not a regular file (a FIFO, device or folder)")
        if st.st_size > MAX_SIDECAR_BYTES:
            raise _bad(path, f"is {st.st_size / 2**20:.0f} MiB, over the {MAX_SIDECAR_BYTES // 2**20} MiB limit")
        chunks = []
        n = 0
        while True:
            b = os.read(fd, 1 << 20)
            if not b:
                break
            n += len(b)
            if n > MAX_SIDECAR_BYTES:
                raise _bad(path, f"grew over the {MAX_SIDECAR_BYTES // 2**20} MiB limit while being read")
            chunks.append(b)
        return b"".join(chunks)
    except OSError as e:
        raise ReviewStateError(f"cannot read {path}: {e.strerror}", path=str(path)) from e
    finally:
        os.close(fd)


def read_state(paper_or_sidecar: str | os.PathLike[str]) -> dict[str, Any] | None:
    """The saved review, or None when there is none yet (the one validating reader)."""
    path = sidecar_path(paper_or_sidecar)
    raw = _read_regular(path)
    if raw is None:
        return None
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as e:
        raise _bad(path, f"is not UTF-8 text (byte {e.start})") from e
    try:
        data = json.loads(text, object_pairs_hook=_no_duplicates)
    except _Duplicate as e:
        raise _bad(path, f"has the key {e.key[:80]!r} twice (a hand edit?): which one holds the notes is unclear") from e
    except json.JSONDecodeError as e:
        raise ReviewSchemaError(
            f"{path} is not valid JSON (line {e.lineno}): it was left as is; move it away to start a new review",
            path=str(path),
        ) from e
    except RecursionError as e:
        raise _bad(path, "is nested too deeply to be a review") from e
    return validate_state(data, path)


def write_state(path: Path, state: dict[str, Any]) -> None:
    try:
        atomic_write_text(path, json.dumps(state, ensure_ascii=False, indent=1, sort_keys=False) + "\n")
    except OSError as e:
        raise save_error(path, e) from e


@contextlib.contextmanager
def locked(path: Path) -> Iterator[None]:
    """An exclusive advisory lock on the sidecar's folder (POSIX flock on the directory;
    no-op elsewhere).  No lock file is created; stale temp files of killed saves of this
    sidecar are removed while the lock is held (no writer can be using them then)."""
    folder = path.parent
    if os.name != "posix":  # pragma: no cover - folders cannot be opened (nor flocked) on Windows
        yield
        return
    try:
        folder.mkdir(parents=True, exist_ok=True)
        fd = os.open(str(folder), os.O_RDONLY | getattr(os, "O_DIRECTORY", 0) | getattr(os, "O_CLOEXEC", 0))
    except OSError as e:
        raise ReviewStateError(f"cannot open the folder {folder}: {e.strerror}", path=str(path)) from e
    try:
        import fcntl

        try:
            fcntl.flock(fd, fcntl.LOCK_EX)
        except OSError as e:  # pragma: no cover - a file system without locks (some network mounts)
            raise ReviewStateError(f"cannot lock the folder {folder} to save the review: {e.strerror}",
                                   path=str(path)) from e
        clean_stale_temps(path)
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
    profile: Any = UNSET,
    also: Sequence[str] = (),
) -> dict[str, Any]:
    """Apply one change to the saved review under the lock and return the new state.

    ``base`` is the state the caller last saw; when given, a field that another
    process changed since then is merged instead of overwritten (see module doc).
    A decision or note on ``item`` is saved for every item of its row too: the ids in
    ``also`` and the items the saved review puts in the same ``group`` (framework items
    that ask the same question).
    """
    from ..errors import ReviewConflictError

    path = sidecar_path(paper)
    if decision is not UNSET and decision is not None and decision not in DECISIONS:
        raise ReviewStateError(f"decision must be one of {', '.join(DECISIONS)} or None, not {decision!r}")
    if item is not None:
        check_item_id(item)
    if note is not UNSET:
        check_note(note)
    if general_notes is not UNSET:
        check_note(general_notes, "general notes")
    conflicts: list[str] = []
    with locked(path):
        disk = read_state(path) or new_state(paper)
        if item is not None and disk.get("files") and disk["items"] and item not in disk["items"]:
            # a session has opened this review: its checklist items are known, a made-up id is refused
            raise ReviewStateError(f"no checklist item {item!r} in the review {path.name}", path=str(path))
        row = _row_of(disk, item, also)
        if decision is not UNSET and base is not None:
            for target in row:  # a row is decided as a whole: one conflict keeps all of it
                theirs = (disk["items"].get(target) or {}).get("decision")
                seen = ((base.get("items") or {}).get(target) or {}).get("decision")
                if theirs != seen and theirs != decision:
                    conflicts.append(
                        f"item {target}: another session set the decision to {theirs!r} after you loaded the review;"
                        f" it was kept (yours: {decision!r}); decide again to override"
                    )
                    decision = UNSET
                    break
        for target in row:
            _apply_item(disk, base, target, decision, note)
        if general_notes is not UNSET:
            theirs = disk.get("general_notes", "")
            base_g = (base or {}).get("general_notes", theirs) if base is not None else theirs
            new = general_notes or ""
            if base is not None and theirs != base_g and theirs != new and theirs and new and theirs not in new:
                disk["general_notes"] = f"{theirs}\n\n[merged from another session]\n{new}"
            else:
                disk["general_notes"] = new
        if profile is not UNSET:
            disk["profile"] = dict(profile or {})  # the latest corrections win (they re-derive applicability)
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


def _row_of(disk: dict[str, Any], item: str | None, also: Sequence[str]) -> list[str]:
    """``item`` and the other items of its row (given, or grouped in the saved review)."""
    if item is None:
        return []
    out = [item]
    for a in also:
        check_item_id(a)
        if a not in out:
            out.append(a)
    group = (disk["items"].get(item) or {}).get("group")
    if group:
        out += [k for k, e in disk["items"].items() if isinstance(e, dict) and e.get("group") == group
                and k not in out]
    return out


def _apply_item(disk: dict[str, Any], base: dict[str, Any] | None, item: str, decision: Any, note: Any) -> None:
    entry = disk["items"].setdefault(item, {"decision": None, "note": "", "updated": None})
    base_entry = (base or {}).get("items", {}).get(item, {}) if base is not None else None
    if decision is not UNSET:
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


def read_summary(paper_or_sidecar: str | os.PathLike[str]) -> dict[str, Any]:
    """Cheap progress figures for listing reviews, without analysing the paper."""
    path = sidecar_path(paper_or_sidecar)
    st = read_state(path) or new_state()
    s = st.get("summary", {}) or {}
    # a row several frameworks share (same "group") is one decision
    decided = len({v.get("group") or k for k, v in st["items"].items() if v.get("decision")})

    def whole(v: Any) -> int:
        return v if isinstance(v, int) and not isinstance(v, bool) and v >= 0 else 0

    counts = s.get("counts") if isinstance(s.get("counts"), dict) else {}
    return {
        "paper": str(st.get("paper", "")),
        "title": str(s.get("title", ""))[:500],
        "decided": decided,
        "total": whole(s.get("total", 0)),
        "open_gaps": whole(s.get("open_gaps", 0)),
        "counts": {str(k): whole(v) for k, v in counts.items()},
        "updated": str(st.get("updated", "")),
    }


def list_reviews(folder: str | os.PathLike[str]) -> list[dict[str, Any]]:
    """Every saved review in ``folder`` (not recursive), sorted by paper name: the
    ``<stem>.review/`` folders and older ``<stem>.review.json`` files (a stem with both is
    listed once, from the folder)."""
    folder = Path(folder)
    found: dict[str, Path] = {}
    for p in sorted(folder.glob("*" + LEGACY_SUFFIX)):
        found[p.name[: -len(LEGACY_SUFFIX)]] = p
    for d in sorted(folder.glob("*" + REVIEW_FOLDER_SUFFIX)):
        if os.path.lexists(d / STATE_NAME):
            found[d.name[: -len(REVIEW_FOLDER_SUFFIX)]] = d / STATE_NAME
    out = []
    for stem, p in found.items():
        try:
            info = read_summary(p)
        except ReviewStateError as e:  # a bad sidecar is listed with its error, never breaks the listing
            info = {"paper": "", "title": "", "decided": 0, "total": 0, "open_gaps": 0, "counts": {}, "updated": "",
                    "error": e.one_line()}
        info["sidecar"] = str(p)
        if not info.get("paper"):
            info["paper"] = stem + ".pdf"
        nb = folder / (stem + ".review.ipynb")
        info["notebook"] = str(nb) if nb.exists() else ""
        out.append(info)
    return sorted(out, key=lambda d: d["paper"])
