"""One analysis in a child process with a memory and a time limit.

The JupyterLab server and ``screen`` never analyse a PDF in their own process: a
hostile or unlucky file (a page of two million vector paths, a library crash) could
otherwise freeze the server or kill a batch.  :func:`run_limited` starts a child (a
fork server that has imported the pipeline once, so children start warm; never a
plain fork of a multi-threaded parent), caps the child's address space with
``RLIMIT_AS``, relays its progress, and kills it at the deadline.  Every way the child
can fail comes back as a typed error of the catalogue:

- over the time limit          -> :class:`~jupyter_review.errors.AnalysisTimeoutError` (JR110)
- out of memory (MemoryError, or MuPDF's allocator failing) -> :class:`AnalysisMemoryError` (JR111)
- killed or crashed (a signal, a segfault) -> :class:`WorkerCrashError` (JR112)
- an expected bad input        -> the child's own typed error, re-raised with its code

Plain Python; imports nothing from Jupyter.
"""

from __future__ import annotations

import multiprocessing
import os
import signal
import time
from collections.abc import Callable, Sequence
from typing import Any

from .errors import AnalysisMemoryError, AnalysisTimeoutError, ReviewError, WorkerCrashError

DEFAULT_TIMEOUT = float(os.environ.get("JR_ANALYSIS_TIMEOUT", "600"))  # seconds
DEFAULT_MEMORY_MB = int(os.environ.get("JR_ANALYSIS_MEMORY_MB", "4096"))  # address space of one child

_PRELOAD = ["jupyter_review.pipeline", "jupyter_review.ingest", "jupyter_review.nlp.pipeline", "jupyter_review.worker"]
_CTX: Any = None


def _context() -> Any:
    global _CTX
    if _CTX is None:
        if "forkserver" in multiprocessing.get_all_start_methods():
            _CTX = multiprocessing.get_context("forkserver")
            _CTX.set_forkserver_preload(_PRELOAD)
        else:  # pragma: no cover - no fork server on this platform
            _CTX = multiprocessing.get_context("spawn")
    return _CTX


def _limit_memory(memory_mb: int | None) -> None:
    if not memory_mb:
        return
    try:
        import resource

        cap = int(memory_mb) * 1024 * 1024
        soft, hard = resource.getrlimit(resource.RLIMIT_AS)
        if hard != resource.RLIM_INFINITY:
            cap = min(cap, hard)
        resource.setrlimit(resource.RLIMIT_AS, (cap, hard))
    except (ImportError, ValueError, OSError):  # pragma: no cover - non-POSIX
        pass


def _child(conn: Any, memory_mb: int | None, func: Callable[..., Any], args: tuple, kwargs: dict) -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's business
    _limit_memory(memory_mb)

    def progress(done: int, total: int, message: str) -> None:
        try:
            conn.send(("progress", int(done), int(total), str(message)))
        except Exception:
            pass

    try:
        if kwargs.pop("_with_progress", False):
            kwargs["progress"] = progress
        result = func(*args, **kwargs)
        conn.send(("ok", result))
    except MemoryError:
        conn.send(("error", "AnalysisMemoryError", AnalysisMemoryError.code,
                   f"out of memory (over the {memory_mb} MB limit of one analysis)", None))
    except ReviewError as e:
        conn.send(("error", type(e).__name__, e.code, e.message, e.path))
    except BaseException as e:  # a bug of ours or a library's: one line, never a lost reply
        text = f"{type(e).__name__}: {e}".replace("\n", " ")[:600]
        if "memory" in text.lower() and ("alloc" in text.lower() or "out of" in text.lower()):
            conn.send(("error", "AnalysisMemoryError", AnalysisMemoryError.code,
                       f"out of memory (over the {memory_mb} MB limit of one analysis): {text}", None))
        else:
            conn.send(("error", type(e).__name__, "JR000", f"analysis failed: {text}", None))
    finally:
        conn.close()


def _reraise(name: str, code: str, message: str, path: str | None) -> None:
    from . import errors

    cls = getattr(errors, name, None)
    if isinstance(cls, type) and issubclass(cls, ReviewError) and cls.code == code:
        raise cls(message, path=path)
    err = ReviewError(message, path=path)
    err.code = code
    raise err


def run_limited(
    func: Callable[..., Any],
    args: Sequence[Any] = (),
    kwargs: dict[str, Any] | None = None,
    *,
    timeout: float | None = None,
    memory_mb: int | None = None,
    progress: Callable[[int, int, str], None] | None = None,
    what: str = "the analysis",
) -> Any:
    """``func(*args, **kwargs)`` in a child process under the limits; its result (pickled).
    With ``progress``, ``func`` is given a ``progress=`` callback whose calls are relayed."""
    timeout = DEFAULT_TIMEOUT if timeout is None else timeout
    memory_mb = DEFAULT_MEMORY_MB if memory_mb is None else memory_mb
    kw = dict(kwargs or {})
    if progress is not None:
        kw["_with_progress"] = True
    ctx = _context()
    parent, child = ctx.Pipe(duplex=False)
    proc = ctx.Process(target=_child, args=(child, memory_mb, func, tuple(args), kw), daemon=True)
    proc.start()
    child.close()
    deadline = time.monotonic() + timeout
    reply: tuple | None = None
    try:
        while reply is None:
            left = deadline - time.monotonic()
            if left <= 0:
                raise AnalysisTimeoutError(
                    f"{what} took longer than {timeout:.0f} s and was stopped (a page too costly to read?)"
                )
            if parent.poll(min(0.2, left)):
                try:
                    msg = parent.recv()
                except (EOFError, OSError):
                    msg = None
                if msg is None:
                    break
                if msg[0] == "progress":
                    if progress is not None:
                        progress(msg[1], msg[2], msg[3])
                    continue
                reply = msg
            elif not proc.is_alive() and not parent.poll(0):
                break
    finally:
        if reply is None or proc.is_alive():
            proc.join(timeout=0.5 if reply is not None else 0)
            if proc.is_alive():
                proc.kill()
        proc.join(timeout=5)
        parent.close()
    if reply is None:
        code = proc.exitcode
        if code is not None and code < 0:
            sig = -code
            name = signal.Signals(sig).name if sig in signal.Signals._value2member_map_ else str(sig)
            if sig in (signal.SIGKILL, signal.SIGSEGV, signal.SIGABRT, signal.SIGBUS):
                raise WorkerCrashError(
                    f"{what} crashed ({name}): the file is probably too costly or damaged"
                    f" (limits: {memory_mb} MB, {timeout:.0f} s)"
                )
            raise WorkerCrashError(f"{what} was stopped by signal {name}")
        raise WorkerCrashError(f"{what} ended without a result (exit code {code})")
    if reply[0] == "ok":
        return reply[1]
    _, name, code, message, path = reply
    _reraise(name, code, message, path)
    return None  # pragma: no cover


def analyse(
    paper: str | os.PathLike[str],
    supplements: Sequence[str | os.PathLike[str]] = (),
    *,
    frameworks: Sequence[str] | None = None,
    timeout: float | None = None,
    memory_mb: int | None = None,
    progress: Callable[[int, int, str], None] | None = None,
) -> Any:
    """``pipeline.analyze`` in a limited child process; returns the Analysis."""
    from .pipeline import analyze

    return run_limited(analyze, (str(paper), [str(s) for s in supplements]),
                       {"frameworks": list(frameworks) if frameworks else None},
                       timeout=timeout, memory_mb=memory_mb, progress=progress,
                       what=f"the analysis of {os.path.basename(str(paper))}")
