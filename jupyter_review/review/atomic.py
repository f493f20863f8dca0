"""Atomic writes for anything a user typed: temp file in the same folder, fsync, rename.

A new file gets the permissions the user's umask gives (not the 0600 of a temp file);
a replaced file keeps its own.  A write that fails (read-only folder, disk full) leaves
the previous file intact and raises ``OSError`` (``save_error`` turns it into the typed
:class:`~jupyter_review.errors.SaveError`)."""

from __future__ import annotations

import errno
import os
import stat
import tempfile
import time
from pathlib import Path

from ..errors import SaveError


def _umask() -> int:
    try:  # read without changing it (os.umask would race with other threads)
        with open("/proc/self/status", encoding="ascii") as f:
            for line in f:
                if line.startswith("Umask:"):
                    return int(line.split()[1], 8)
    except (OSError, ValueError):
        pass
    old = os.umask(0o022)
    os.umask(old)
    return old


def save_error(path: Path, e: OSError) -> SaveError:
    """The typed error for a failed write, saying what the user can do."""
    why = {
        errno.ENOSPC: "the disk is full",
        errno.EDQUOT: "the disk quota is exhausted",
        errno.EROFS: "the file system is read-only",
        errno.EACCES: "no permission to write there",
        errno.EPERM: "no permission to write there",
    }.get(e.errno or 0, e.strerror or str(e))
    return SaveError(f"cannot write {path}: {why}; nothing was changed (free space or choose another folder)",
                     path=str(path))


def clean_stale_temps(path: Path, older_than: float = 0.0) -> int:
    """Remove the temp files that killed saves of ``path`` left behind (call under the lock)."""
    n = 0
    now = time.time()
    try:
        entries = list(os.scandir(path.parent))
    except OSError:
        return 0
    prefix = f".{path.name}."
    for e in entries:
        if e.name.startswith(prefix) and e.name.endswith(".tmp"):
            try:
                st = e.stat(follow_symlinks=False)
                if stat.S_ISREG(st.st_mode) and now - st.st_mtime >= older_than:
                    os.unlink(e.path)
                    n += 1
            except OSError:
                pass
    return n


def atomic_write_bytes(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` atomically; any failure is a :class:`SaveError` (JR304)
    and leaves the previous file as it was."""
    path = Path(path)
    try:
        _atomic_write(path, data)
    except SaveError:
        raise
    except OSError as e:
        raise save_error(path, e) from e


def _atomic_write(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=str(path.parent))
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
        try:
            st = os.stat(path)
            mode = st.st_mode & 0o777 if stat.S_ISREG(st.st_mode) else 0o666 & ~_umask()
        except FileNotFoundError:
            mode = 0o666 & ~_umask()
        try:
            os.chmod(tmp, mode)
        except OSError:
            pass
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise
    try:  # make the rename itself durable
        dfd = os.open(str(path.parent), os.O_RDONLY)
        try:
            os.fsync(dfd)
        finally:
            os.close(dfd)
    except OSError:
        pass


def atomic_write_text(path: Path, text: str) -> None:
    atomic_write_bytes(path, text.encode("utf-8"))
