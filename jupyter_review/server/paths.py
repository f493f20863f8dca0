"""Root confinement: every path the server is given is resolved inside the server root.

Client paths are always relative to ``serverapp.root_dir`` and use "/" separators
(the JupyterLab contents convention).  Refused, with ``PathOutsideRootError`` (HTTP 403):
absolute paths, drive letters, ``..`` components, NUL bytes, and any path whose
real location (after following symlinks) lies outside the root.  A path that is
inside the root but does not exist raises ``FileMissingError`` (HTTP 404).
"""

from __future__ import annotations

import os
from pathlib import Path, PurePosixPath

from ..errors import FileMissingError, PathOutsideRootError


def _clean_parts(rel: str) -> list[str]:
    if not isinstance(rel, str):
        raise PathOutsideRootError("a path must be a string relative to the server root")
    if "\x00" in rel:
        raise PathOutsideRootError("a path must not contain NUL characters")
    text = rel.replace("\\", "/")
    if text.startswith("/") or text.startswith("~") or (len(text) >= 2 and text[1] == ":"):
        raise PathOutsideRootError(
            f"{rel!r} is not relative: give paths relative to the folder JupyterLab was started in"
        )
    parts = [p for p in PurePosixPath(text).parts if p not in ("", ".")]
    if any(p == ".." for p in parts):
        raise PathOutsideRootError(f"{rel!r} leaves the server root ('..' is not allowed)")
    return parts


def resolve_in_root(root: str | os.PathLike[str], rel: str, *, must_exist: bool = True, kind: str = "any") -> Path:
    """The real path of ``rel`` inside ``root``; ``kind`` is "file", "dir" or "any"."""
    root_real = Path(root).resolve()
    parts = _clean_parts(rel)
    candidate = root_real.joinpath(*parts) if parts else root_real
    real = candidate.resolve(strict=False)  # follows every symlink on the way
    if real != root_real and root_real not in real.parents:
        raise PathOutsideRootError(f"{rel!r} points outside the server root")
    if must_exist:
        if not real.exists():
            raise FileMissingError(f"{rel!r} does not exist", path=rel)
        if kind == "file" and not real.is_file():
            raise FileMissingError(f"{rel!r} is not a file", path=rel)
        if kind == "dir" and not real.is_dir():
            raise FileMissingError(f"{rel!r} is not a folder", path=rel)
    return real


def to_root_relative(root: str | os.PathLike[str], path: str | os.PathLike[str]) -> str:
    """The client-facing ("/"-separated, root-relative) form of a real path inside the root."""
    root_real = Path(root).resolve()
    real = Path(path).resolve()
    if real != root_real and root_real not in real.parents:
        raise PathOutsideRootError(f"{path} lies outside the server root")
    return real.relative_to(root_real).as_posix() if real != root_real else ""
