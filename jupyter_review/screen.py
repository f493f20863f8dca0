"""Batch screening for editors: every manuscript in a folder, one row each.

``screen(folder)`` finds the manuscripts in a folder (pairing each main PDF with its
supplements by file-name convention, or from a manifest CSV), analyses them in
parallel (local processes by default, or an existing Dask cluster), and returns a
pandas DataFrame with one row per manuscript: per-topic status, gaps by severity,
claim-vs-table mismatches and the error, if any.

Design points:

* The unit of work is one manuscript; a worker analyses one at a time and sends back
  only the summary row, so worker memory stays bounded by one analysis.
* Any failure of one manuscript (corrupt, encrypted, scanned, a crash of the PDF
  library) becomes that row's ``error``; the batch goes on.
* The output file is rewritten atomically while the batch runs and on Ctrl-C, so
  finished rows are never lost; re-running with the same output resumes, skipping
  manuscripts whose files' SHA-256 already have a row.

Plain Python; imports nothing from Jupyter.  Dask is imported only when asked for.
"""

from __future__ import annotations

import csv
import gc
import hashlib
import html
import io
import json
import math
import multiprocessing
import os
import re
import signal
import sys
import threading
import time
from collections import Counter, deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .errors import (
    AnalysisMemoryError,
    AnalysisTimeoutError,
    FileMissingError,
    ReviewError,
    SchemaError,
    ScreenError,
)

__all__ = [
    "Manuscript",
    "ScreenInterrupted",
    "analyse_manuscript",
    "find_manuscripts",
    "read_manifest",
    "read_screening",
    "screen",
    "screen_folder_cli",
    "write_screening",
]

# -- columns ------------------------------------------------------------------------------

# profile: the paper-profile traits that hold ("model llm releases_model"), which decide what
# applies and how much a gap weighs
LEAD_COLUMNS = ["id", "paper", "supplements", "title", "pages", "profile"]
# claims / tables count every file; *_supplement says how many of them come from a supplement
COUNT_COLUMNS = ["gaps_major", "gaps_minor", "gaps_info", "supplement_only", "mismatches", "claims", "tables",
                 "claims_supplement", "tables_supplement"]
TAIL_COLUMNS = ["error", "warnings", "sha256", "seconds", "config"]
INT_COLUMNS = ["pages", *COUNT_COLUMNS]
GAP_STATUSES = ("vague", "missing")
SEVERITIES = ("major", "minor", "info")
OUTPUT_FORMATS = {".csv": "csv", ".parquet": "parquet", ".pq": "parquet", ".html": "html", ".htm": "html"}
_WORKER_CRASH = ("error JR112: WorkerCrash: the worker process died while analysing this manuscript"
                 " (crash in a library or out of memory)")


class ScreenInterrupted(KeyboardInterrupt):
    """Ctrl-C during ``screen``: the finished rows were written; ``frame`` holds them."""

    def __init__(self, frame: Any, outputs: Sequence[Path] = ()) -> None:
        super().__init__("screening interrupted")
        self.frame = frame
        self.outputs = list(outputs)


# -- finding manuscripts -------------------------------------------------------------------


@dataclass(frozen=True)
class Manuscript:
    """One submission: a main PDF and its supplements (absolute paths)."""

    id: str
    paper: Path
    supplements: tuple[Path, ...] = ()

    @property
    def files(self) -> tuple[Path, ...]:
        return (self.paper, *self.supplements)


# Words that mark a file as supplementary material when they follow the manuscript's
# own name ("paper_SI.pdf", "paper-supplement-2.pdf", "paper_appendix.pdf", "x-mmc1.pdf").
_SUPP_WORDS = frozenset(
    """
    supplement supplements supplementary supplemental supp suppl supl sup supmat suppmat suppinfo supinfo
    supplementarymaterial supplementarymaterials supplementaryinformation supportinginformation
    si sm esm mmc som ssm
    appendix appendices appx apx annex annexes addendum
    datasheet datasheets datacard modelcard checklist extendeddata
    """.split()
)
# two-word markers whose words alone are too common ("model card", "extended data")
_SUPP_PAIRS = frozenset(
    {
        ("supporting", "information"), ("supporting", "info"), ("extended", "data"), ("additional", "file"),
        ("additional", "files"), ("online", "resource"), ("online", "methods"), ("online", "appendix"),
        ("model", "card"), ("data", "card"), ("data", "sheet"), ("reproducibility", "checklist"),
        ("electronic", "supplementary"),
    }
)
# words that name the main text ("paper-main.pdf", "x_manuscript.pdf"); stripped from the key
_MAIN_WORDS = frozenset("main paper manuscript article maintext text body ms preprint submission".split())

_TOKEN = re.compile(r"[^\s._\-+,()\[\]]+")
_CAMEL = re.compile(r"(?<=[a-z])(?=[A-Z])")
_INDEXED = re.compile(r"^([a-z]+?)(\d+[a-z]?)$")


def _tokens(stem: str) -> list[str]:
    out: list[str] = []
    for m in _TOKEN.finditer(stem):
        out.extend(t.lower() for t in _CAMEL.split(m.group()) if t)
    return out


def _is_supp_token(tok: str, nxt: str | None) -> bool:
    if tok in _SUPP_WORDS:
        return True
    m = _INDEXED.match(tok)
    if m and (m.group(1) in _SUPP_WORDS or m.group(1) == "s"):  # supp1, esm2, mmc3, appendix2, S1, S2a
        return True
    return nxt is not None and (tok, nxt) in _SUPP_PAIRS


def _marker_positions(tokens: list[str]) -> list[int]:
    return [i for i, t in enumerate(tokens) if _is_supp_token(t, tokens[i + 1] if i + 1 < len(tokens) else None)]


def _key(tokens: Sequence[str]) -> str:
    return "".join(tokens)


def _main_keys(tokens: list[str]) -> list[str]:
    """Keys under which supplements find this main file: its full name, then without
    trailing main-text words ("stockmixer-main" -> "stockmixer")."""
    keys = [_key(tokens)]
    t = list(tokens)
    while len(t) > 1 and t[-1] in _MAIN_WORDS:
        t.pop()
        keys.append(_key(t))
    return keys


def _natural(p: Path) -> list[Any]:
    return [int(x) if x.isdigit() else x.lower() for x in re.split(r"(\d+)", p.name)]


def _pair_directory(files: list[Path]) -> list[tuple[Path, list[Path]]]:
    """Group the PDFs of one directory into (main, supplements)."""
    toks = {f: _tokens(f.stem) for f in files}
    marks = {f: _marker_positions(toks[f]) for f in files}
    mains: list[Path] = sorted((f for f in files if not marks[f]), key=_natural)
    supps: dict[Path, list[Path]] = {m: [] for m in mains}
    index: dict[str, list[tuple[int, Path]]] = {}

    def register(m: Path) -> None:
        for rank, k in enumerate(_main_keys(toks[m])):
            if k:
                index.setdefault(k, []).append((rank, m))

    def match(f: Path) -> Path | None:
        t = toks[f]
        for i in marks[f]:
            if i == 0:
                continue
            for k in _main_keys(t[:i]):
                hits = index.get(k)
                if hits:
                    return min(hits, key=lambda h: h[0])[1]  # an exact name beats a stripped one
        return None

    for m in mains:
        register(m)
    # shorter names first, so "x-esm.pdf" can become a main before "x-esm_SI.pdf" looks for it
    candidates = sorted((f for f in files if marks[f]), key=lambda f: (len(toks[f]), _natural(f)))
    orphans: list[Path] = []
    for f in candidates:
        hit = match(f)
        if hit is not None:
            supps[hit].append(f)
        else:
            orphans.append(f)
    if orphans and len(mains) == 1:
        # a folder per submission: "paper.pdf" + "Supplementary_Material.pdf"
        supps[mains[0]].extend(orphans)
        orphans = []
    for f in orphans:  # nothing to attach to: a manuscript of its own (e.g. a standalone datasheet)
        hit = match(f)
        if hit is not None:
            supps[hit].append(f)
        else:
            mains.append(f)
            supps[f] = []
            register(f)
    return [(m, sorted(supps[m], key=_natural)) for m in sorted(mains, key=_natural)]


def _is_pdf(p: Path) -> bool:
    return p.suffix.lower() == ".pdf" and not p.name.startswith(".")


def _rel_id(path: Path, folder: Path) -> str:
    try:
        rel = path.relative_to(folder)
    except ValueError:
        return path.stem
    return rel.with_suffix("").as_posix()


def find_manuscripts(folder: str | os.PathLike[str], *, recursive: bool = True) -> list[Manuscript]:
    """Every manuscript in ``folder`` (and its sub-folders unless ``recursive=False``).

    Supplements are paired with the main PDF of the same directory whose name they
    extend with a supplement marker (``paper.pdf`` + ``paper_supplement_2.pdf``,
    ``paper-SI.pdf``, ``paper_appendix.pdf``, ``paper_S1.pdf``, ``paper-ESM1.pdf``,
    ``paper_model_card.pdf``; ``x-main.pdf`` + ``x-supplement.pdf``).  In a directory
    holding a single main PDF, files named only by a marker (``Supplementary.pdf``)
    belong to it.  A supplement-like file with no main becomes a manuscript of its own.
    """
    root = Path(folder).expanduser().resolve()
    if not root.is_dir():
        raise FileMissingError(f"{root}: no such folder", path=str(root))
    by_dir: dict[Path, list[Path]] = {}
    walker: Iterable[Path] = root.rglob("*") if recursive else root.iterdir()
    for p in walker:
        rel_parts = p.relative_to(root).parts
        if any(part.startswith(".") or part == "__pycache__" for part in rel_parts[:-1]):
            continue
        if _is_pdf(p) and p.is_file():
            by_dir.setdefault(p.parent, []).append(p)
    out: list[Manuscript] = []
    for d in sorted(by_dir):
        for main, supps in _pair_directory(by_dir[d]):
            out.append(Manuscript(_rel_id(main, root), main, tuple(supps)))
    return sorted(out, key=lambda m: m.id)


_PAPER_COLUMNS = ("paper", "main", "pdf", "file", "manuscript")
_SUPP_COLUMNS = ("supplements", "supplement", "supplementary", "si")


def read_manifest(path: str | os.PathLike[str], folder: str | os.PathLike[str] | None = None) -> list[Manuscript]:
    """Manuscripts listed in a CSV with columns ``id``, ``paper`` (or ``main``) and
    ``supplements`` (``;``-separated).  Relative paths are taken from ``folder``
    (default: the manifest's directory), then from the manifest's directory."""
    mpath = Path(path).expanduser().resolve()
    if not mpath.is_file():
        raise FileMissingError(f"{mpath}: no such manifest file", path=str(mpath))
    base = Path(folder).expanduser().resolve() if folder is not None else mpath.parent
    try:
        text = mpath.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError as e:
        raise SchemaError(f"{mpath}: the manifest is not UTF-8 text ({e.reason})", path=str(mpath)) from None
    reader = csv.DictReader(io.StringIO(text))
    fields = {(f or "").strip().lower(): f for f in (reader.fieldnames or [])}
    paper_col = next((fields[c] for c in _PAPER_COLUMNS if c in fields), None)
    if paper_col is None:
        raise SchemaError(
            f"{mpath}: the manifest needs a 'paper' column (and optional 'id', 'supplements'); found {sorted(fields)}",
            path=str(mpath),
        )
    id_col = fields.get("id")
    supp_col = next((fields[c] for c in _SUPP_COLUMNS if c in fields), None)

    def resolve(name: str) -> Path:
        p = Path(name.strip()).expanduser()
        if p.is_absolute():
            return p
        for b in (base, mpath.parent):
            if (b / p).exists():
                return Path(os.path.abspath(b / p))
        return Path(os.path.abspath(base / p))

    out: list[Manuscript] = []
    seen: set[str] = set()
    for lineno, rec in enumerate(reader, start=2):
        paper = (rec.get(paper_col) or "").strip()
        if not paper:
            if not any((v or "").strip() for v in rec.values() if isinstance(v, str)):
                continue  # blank line
            raise SchemaError(f"{mpath}, line {lineno}: no paper given", path=str(mpath))
        ppath = resolve(paper)
        mid = (rec.get(id_col) or "").strip() if id_col else ""
        mid = mid or _rel_id(ppath, base)
        if mid in seen:
            raise SchemaError(f"{mpath}, line {lineno}: the id {mid!r} is used twice", path=str(mpath))
        seen.add(mid)
        raw = (rec.get(supp_col) or "") if supp_col else ""
        supps = tuple(resolve(s) for s in re.split(r"[;|]", raw) if s.strip())
        out.append(Manuscript(mid, ppath, supps))
    return out


# -- one manuscript (runs in a worker) -------------------------------------------------------

_ANALYSE_LOCK = threading.Lock()  # one analysis at a time per process (PyMuPDF is not thread-safe)


def _peak_rss_mb() -> float:
    try:
        import resource

        kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        return round(kb / (1024 * 1024) if sys.platform == "darwin" else kb / 1024, 1)
    except Exception:  # pragma: no cover - non-POSIX
        return float("nan")


def _quiet_pymupdf() -> None:
    """PyMuPDF prints an advertisement on stdout the first time it finds tables."""
    try:
        import pymupdf

        pymupdf.no_recommend_layout()
    except Exception:  # pragma: no cover - older PyMuPDF
        pass


_LIBC: Any = None


def _release_memory() -> None:
    """Between manuscripts: drop PyMuPDF's object store and hand freed heap back to the
    OS (glibc keeps it otherwise), so a worker's resident size returns to its baseline."""
    global _LIBC
    gc.collect()
    try:
        import pymupdf

        pymupdf.TOOLS.store_shrink(100)
    except Exception:  # pragma: no cover
        pass
    if sys.platform.startswith("linux"):
        try:
            if _LIBC is None:
                import ctypes

                _LIBC = ctypes.CDLL("libc.so.6")
            _LIBC.malloc_trim(0)
        except (OSError, AttributeError):  # pragma: no cover - not glibc
            _LIBC = False


def _error_text(e: BaseException) -> str:
    if isinstance(e, ReviewError):
        text = e.one_line()
    else:
        text = f"{type(e).__name__}: {e}".replace("\n", " ")
    return text[:600]


def _field(obj: Any, name: str, default: Any = None) -> Any:
    if isinstance(obj, dict):
        return obj.get(name, default)
    return getattr(obj, name, default)


def summarise_analysis(analysis: Any) -> dict[str, Any]:
    """The screening row of one finished ``Analysis`` (without id/paths/hashes)."""
    files = analysis.document.files
    title = next((f.title for f in files if f.role == "main" and f.title), "") or ""
    row: dict[str, Any] = {
        "title": " ".join(str(title).split()),
        "pages": int(sum(int(f.pages or 0) for f in files)),
        "profile": " ".join(name for name, t in (getattr(analysis, "profile", None) or {}).items()
                            if _field(t, "value", False) is True),
    }
    gaps = Counter()
    supp_only = 0
    for tid, res in (analysis.topics or {}).items():
        status = str(_field(res, "status", "") or "")
        row[f"topic:{tid}"] = status
        if status in GAP_STATUSES:
            sev = str(_field(res, "severity", "minor") or "minor")
            gaps[sev if sev in SEVERITIES else "minor"] += 1
        elif status == "supplement_only":
            supp_only += 1
    for sev in SEVERITIES:
        row[f"gaps_{sev}"] = gaps[sev]
    row["supplement_only"] = supp_only
    row["mismatches"] = sum(1 for c in (analysis.cross_checks or []) if _field(c, "status") == "mismatch")
    # the paper's own claims (those the cross-checks read); claims set apart as other papers'
    # work or background are not counted
    own = [c for c in analysis.claims or [] if _field(c, "own", True) is not False]
    row["claims"] = len(own)
    row["tables"] = len(analysis.tables or [])
    supp = {i for i, f in enumerate(files) if f.role not in ("", "main")}
    row["claims_supplement"] = sum(1 for c in own if _field(c, "doc") in supp)
    row["tables_supplement"] = sum(1 for t in analysis.tables or [] if _field(t, "doc") in supp)
    # what the editor should know before reading the counts: damaged pages, a file that is no
    # paper, repaired ligatures (one line, " | " between warnings)
    row["warnings"] = " | ".join(" ".join(str(w).split()) for w in (analysis.document.warnings or [])[:5])
    return row


def analyse_manuscript(
    paper: str, supplements: Sequence[str] = (), frameworks: Sequence[str] | None = None
) -> dict[str, Any]:
    """Analyse one manuscript and return only its summary row; never raises for a bad file.

    Topic statuses come back under keys ``"topic:<id>"``; ``_pid`` and ``_rss_mb``
    (peak resident memory of this worker process) are bookkeeping for the caller.
    """
    t0 = time.perf_counter()
    row: dict[str, Any]
    with _ANALYSE_LOCK:
        c0 = time.process_time()
        analysis = None
        try:
            _quiet_pymupdf()
            from .pipeline import analyze

            analysis = analyze(paper, list(supplements), frameworks=list(frameworks) if frameworks else None)
            row = summarise_analysis(analysis)
            row["error"] = ""
        except MemoryError:
            analysis = None
            row = {"error": f"error {AnalysisMemoryError.code}: out of memory while analysing this manuscript"}
        except Exception as e:  # one bad manuscript never stops the batch
            row = {"error": _error_text(e)}
        finally:
            del analysis
            _release_memory()
        row["_cpu"] = round(time.process_time() - c0, 3)
    row["seconds"] = round(time.perf_counter() - t0, 3)
    row["_pid"] = os.getpid()
    row["_rss_mb"] = _peak_rss_mb()
    return row


def _init_worker(memory_mb: int | None = None) -> None:
    """Process-pool initializer: Ctrl-C is the parent's business; the address space is
    capped (a MemoryError row instead of a machine out of memory); load spaCy once."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    from .worker import _limit_memory

    _limit_memory(memory_mb)
    try:
        from . import pipeline  # noqa: F401
        from .nlp.pipeline import get_nlp

        get_nlp()
    except Exception:  # pragma: no cover - reported per manuscript instead
        pass


# -- runners: each yields (manuscript, row) as manuscripts finish ------------------------------

def _run_serial(todo: Sequence[Manuscript], frameworks: Sequence[str] | None) -> Iterator[tuple[Manuscript, dict]]:
    for m in todo:
        yield m, analyse_manuscript(str(m.paper), [str(s) for s in m.supplements], frameworks)


_PRELOAD = ["jupyter_review.screen", "jupyter_review.pipeline", "jupyter_review.ingest", "jupyter_review.nlp.pipeline"]


def _mp_context() -> Any:
    """Never fork a possibly multi-threaded parent (Dask, Jupyter): a fork server that
    has imported the pipeline (spaCy, PyMuPDF) once, so each worker starts warm; spawn
    where there is no fork server."""
    if "forkserver" in multiprocessing.get_all_start_methods():
        ctx = multiprocessing.get_context("forkserver")
        ctx.set_forkserver_preload(_PRELOAD)
        return ctx
    return multiprocessing.get_context("spawn")


def _kill_pool(ex: Any) -> None:
    procs = list((getattr(ex, "_processes", None) or {}).values())
    for p in procs:
        try:
            p.terminate()
        except Exception:  # pragma: no cover
            pass
    ex.shutdown(wait=False, cancel_futures=True)
    for p in procs:
        try:
            p.join(timeout=5)
        except Exception:  # pragma: no cover
            pass


def _run_processes(
    todo: Sequence[Manuscript], workers: int, frameworks: Sequence[str] | None, func: Callable[..., dict] | None = None,
    *, timeout: float | None = None, memory_mb: int | None = None,
) -> Iterator[tuple[Manuscript, dict]]:
    """A local process pool, at most ``workers + 1`` manuscripts queued.  A worker that
    dies (segfault, OOM kill) breaks the pool: it is rebuilt and the manuscripts that
    were in flight are retried one at a time, so only the culprit gets the error.
    A manuscript running past ``timeout`` seconds is treated the same way: the pool is
    killed, the others are retried, and the culprit gets an ``AnalysisTimeoutError`` row.
    Each worker's address space is capped at ``memory_mb``."""
    from .worker import DEFAULT_MEMORY_MB, DEFAULT_TIMEOUT

    timeout = DEFAULT_TIMEOUT if timeout is None else timeout
    memory_mb = DEFAULT_MEMORY_MB if memory_mb is None else memory_mb
    from concurrent.futures import FIRST_COMPLETED, ProcessPoolExecutor, wait
    from concurrent.futures.process import BrokenProcessPool

    func = func or analyse_manuscript
    ctx = _mp_context()
    pending: deque[Manuscript] = deque(todo)
    suspects: deque[Manuscript] = deque()
    inflight: dict[Any, tuple[Manuscript, bool]] = {}
    started: dict[Any, float] = {}  # when a future was seen running
    ex: Any = None
    try:
        while pending or suspects or inflight:
            if ex is None:
                ex = ProcessPoolExecutor(max_workers=workers, mp_context=ctx, initializer=_init_worker,
                                         initargs=(memory_mb,))
                started.clear()
            if suspects:
                if not inflight:
                    m = suspects.popleft()
                    fut = ex.submit(func, str(m.paper), [str(s) for s in m.supplements], frameworks)
                    inflight[fut] = (m, True)
            else:
                while pending and len(inflight) < workers + 1:
                    m = pending.popleft()
                    fut = ex.submit(func, str(m.paper), [str(s) for s in m.supplements], frameworks)
                    inflight[fut] = (m, False)
            done, _ = wait(list(inflight), timeout=1.0, return_when=FIRST_COMPLETED)
            now_t = time.monotonic()
            for fut in inflight:
                if fut not in started and fut.running():
                    started[fut] = now_t
            late = [f for f in inflight if f not in done and now_t - started.get(f, now_t) > timeout]
            if late and not done:
                # a manuscript over its time: kill the pool; it alone gets the error row
                for fut in late:
                    m, _isolated = inflight.pop(fut)
                    yield m, {"error": f"error {AnalysisTimeoutError.code}: the analysis took longer than "
                                       f"{timeout:.0f} s and was stopped"}
                for fut, (m, _isolated) in list(inflight.items()):
                    inflight.pop(fut)
                    if fut.done() and fut.exception() is None:
                        yield m, fut.result()
                    else:
                        suspects.append(m)
                _kill_pool(ex)
                ex = None
                continue
            broken = False
            for fut in done:
                m, isolated = inflight.pop(fut)
                try:
                    row = fut.result()
                except BrokenProcessPool:
                    broken = True
                    if isolated:
                        yield m, {"error": _WORKER_CRASH}
                    else:
                        suspects.append(m)
                    continue
                except Exception as e:  # e.g. an unpicklable result
                    row = {"error": _error_text(e)}
                yield m, row
            if broken:
                for fut, (m, _isolated) in list(inflight.items()):
                    inflight.pop(fut)
                    if fut.done() and fut.exception() is None:
                        yield m, fut.result()
                    else:
                        suspects.append(m)
                _kill_pool(ex)
                ex = None
    finally:
        if ex is not None:
            _kill_pool(ex)


def _run_dask(
    todo: Sequence[Manuscript], client: Any, frameworks: Sequence[str] | None
) -> Iterator[tuple[Manuscript, dict]]:
    from distributed import as_completed

    futures: dict[Any, Manuscript] = {}
    for m in todo:
        fut = client.submit(
            analyse_manuscript, str(m.paper), [str(s) for s in m.supplements], list(frameworks) if frameworks else None,
            pure=False, key=f"jr-screen-{_slug(m.id)}-{hashlib.sha1(os.urandom(8)).hexdigest()[:10]}",
        )
        futures[fut] = m
    try:
        for fut in as_completed(list(futures)):
            m = futures.pop(fut)
            try:
                row = fut.result()
            except Exception as e:  # KilledWorker, a worker that cannot see the file system, ...
                row = {"error": _error_text(e)}
            yield m, row
    finally:
        if futures:
            try:
                client.cancel(list(futures))
            except Exception:  # pragma: no cover
                pass


def _slug(s: str) -> str:
    return re.sub(r"[^A-Za-z0-9_.-]+", "-", s)[:60]


# -- rows and frames ------------------------------------------------------------------------


def _topic_order() -> list[str]:
    try:
        import yaml

        data = yaml.safe_load((Path(__file__).parent / "checklist" / "data" / "topics.yaml").read_text("utf-8"))
        return list((data or {}).get("topics", {}))
    except Exception:  # pragma: no cover
        return []


def _columns(rows: Iterable[dict[str, Any]]) -> list[str]:
    known = set(LEAD_COLUMNS + COUNT_COLUMNS + TAIL_COLUMNS)
    seen: list[str] = []
    for r in rows:
        for k in r:
            if k not in known and not k.startswith("_") and k not in seen:
                seen.append(k)
    order = {t: i for i, t in enumerate(_topic_order())}
    topics = sorted(seen, key=lambda t: (order.get(t, len(order)), t))
    return [*LEAD_COLUMNS, *COUNT_COLUMNS, "error", "warnings", *topics, "sha256", "seconds", "config"]


def _frame(rows: Iterable[dict[str, Any]]) -> Any:
    """A DataFrame with fixed columns and dtypes, sorted by id (so runs compare equal)."""
    import pandas as pd

    rows = [{(k[6:] if k.startswith("topic:") else k): v for k, v in r.items()} for r in rows]
    cols = _columns(rows)
    df = pd.DataFrame(rows, columns=cols)
    for c in cols:
        if c in INT_COLUMNS:
            df[c] = pd.to_numeric(df[c], errors="coerce").round().astype("Int64")
        elif c == "seconds":
            df[c] = pd.to_numeric(df[c], errors="coerce").astype("float64")
        else:
            df[c] = df[c].map(lambda v: "" if v is None or (isinstance(v, float) and math.isnan(v)) else str(v))
            df[c] = df[c].astype(object)
    return df.sort_values("id", kind="stable").reset_index(drop=True)


def _records(df: Any) -> list[dict[str, Any]]:
    out = []
    for rec in df.to_dict("records"):
        clean = {}
        for k, v in rec.items():
            try:
                missing = bool(v is None or v != v)  # NaN / pd.NA
            except TypeError:
                missing = False
            if missing:
                clean[k] = None
            elif hasattr(v, "item"):
                clean[k] = v.item()
            else:
                clean[k] = v
        out.append(clean)
    return out


def _output_format(path: Path) -> str:
    fmt = OUTPUT_FORMATS.get(path.suffix.lower())
    if fmt is None:
        raise SchemaError(f"{path}: unknown output type; use .csv, .parquet or .html", path=str(path))
    return fmt


_STATUS_CLASS = re.compile(r"[^a-z_]")


def _render_html(df: Any) -> str:
    records = _records(df)
    cols = list(df.columns)
    topic_cols = [c for c in cols if "." in c and c not in ("sha256",)]
    n = len(df)
    n_err = int((df["error"] != "").sum()) if n else 0
    esc = html.escape
    parts = [
        "<!DOCTYPE html>",
        '<html lang="en"><head><meta charset="utf-8">',
        "<title>jupyter-review screening</title>",
        "<style>",
        "body{font-family:system-ui,sans-serif;margin:1rem}table{border-collapse:collapse;font-size:12px}",
        "th,td{border:1px solid #ccc;padding:2px 4px;vertical-align:top}th{background:#f3f3f3;position:sticky;top:0}",
        ".st-disclosed{background:#d9f2d9}.st-supplement_only{background:#e0ecff}.st-vague{background:#fff2cc}",
        ".st-missing{background:#f8d0d0}.st-not_applicable{color:#888}.err{color:#a00}",
        "</style></head><body>",
        f"<h1>Screening: {n} manuscript{'s' if n != 1 else ''}</h1>",
        f"<p>{n_err} with errors. Topic cells: disclosed, supplement_only, vague, missing, not_applicable.</p>",
        '<table class="jr-screen"><thead><tr>',
    ]
    parts.extend(f'<th title="{esc(c)}">{esc(c)}</th>' for c in cols)
    parts.append("</tr></thead><tbody>")
    for rec in records:
        parts.append("<tr>")
        for c in cols:
            v = rec.get(c)
            text = "" if v is None else str(v)
            if c in topic_cols and text:
                parts.append(f'<td class="st-{_STATUS_CLASS.sub("_", text.lower())}">{esc(text)}</td>')
            elif c == "error" and text:
                parts.append(f'<td class="err">{esc(text)}</td>')
            else:
                parts.append(f"<td>{esc(text)}</td>")
        parts.append("</tr>")
    parts.append("</tbody></table>")
    # the rows as data, for resuming from an HTML output; '<', '>' and '&' escaped so
    # text from a PDF cannot end the script element
    data = json.dumps({"columns": cols, "rows": records}, ensure_ascii=False)
    data = data.replace("&", "\\u0026").replace("<", "\\u003c").replace(">", "\\u003e")
    parts.append(f'<script type="application/json" id="jr-screen-data">{data}</script>')
    parts.append("</body></html>")
    return "\n".join(parts)


_FORMULA_START = ("=", "+", "@", "\t", "\r")


def _csv_guard(v: Any) -> Any:
    """Text from PDFs must not run as a spreadsheet formula: a leading quote defuses it."""
    if isinstance(v, str) and (v.startswith(_FORMULA_START) or (v.startswith("'") and v[1:].startswith((*_FORMULA_START, "'")))):
        return "'" + v
    return v


def _csv_unguard(v: Any) -> Any:
    if isinstance(v, str) and v.startswith("'") and v[1:].startswith((*_FORMULA_START, "'")):
        return v[1:]
    return v


def write_screening(df: Any, path: str | os.PathLike[str]) -> Path:
    """Write a screening frame to .csv, .parquet or .html (atomically)."""
    from .review.atomic import atomic_write_bytes, atomic_write_text

    p = Path(path)
    fmt = _output_format(p)
    if fmt == "csv":
        guarded = df.copy()
        for c in guarded.columns:
            if guarded[c].dtype == object:
                guarded[c] = guarded[c].map(_csv_guard)
        atomic_write_text(p, guarded.to_csv(index=False))
    elif fmt == "parquet":
        buf = io.BytesIO()
        df.to_parquet(buf, index=False, engine="pyarrow")
        atomic_write_bytes(p, buf.getvalue())
    else:
        atomic_write_text(p, _render_html(df))
    return p


_HTML_DATA = re.compile(r'<script type="application/json" id="jr-screen-data">(.*?)</script>', re.S)


def read_screening(path: str | os.PathLike[str]) -> Any:
    """Read a screening output (.csv, .parquet or .html written by ``screen``)."""
    import pandas as pd

    p = Path(path)
    fmt = _output_format(p)
    if not p.is_file():
        raise FileMissingError(f"{p}: no such file", path=str(p))
    try:
        if fmt == "csv":
            df = pd.read_csv(p, dtype=str, keep_default_na=False)
            for c in df.columns:
                df[c] = df[c].map(_csv_unguard)
        elif fmt == "parquet":
            df = pd.read_parquet(p)
        else:
            m = _HTML_DATA.search(p.read_text(encoding="utf-8"))
            if not m:
                raise SchemaError(f"{p}: not a screening table written by jupyter-review", path=str(p))
            data = json.loads(m.group(1))
            df = pd.DataFrame(data["rows"], columns=data["columns"])
    except ReviewError:
        raise
    except Exception as e:
        raise SchemaError(f"{p}: cannot read this screening table ({type(e).__name__}: {e})", path=str(p)) from None
    if "id" not in df.columns or "sha256" not in df.columns:
        raise SchemaError(f"{p}: not a screening table written by jupyter-review (no id/sha256)", path=str(p))
    return _frame(_records(df))


# -- progress ------------------------------------------------------------------------------


class _Bar:
    """One line on stderr: bar, count, rate (manuscripts/hour), ETA, last id."""

    def __init__(self, stream: Any = None) -> None:
        self.stream = stream or sys.stderr
        self.t0 = time.perf_counter()
        self.last = 0.0

    def __call__(self, done: int, total: int, row: dict[str, Any]) -> None:
        now = time.perf_counter()
        if now - self.last < 0.2 and done < total:
            return
        self.last = now
        analysed = max(done, 0)
        elapsed = max(now - self.t0, 1e-6)
        rate = analysed / elapsed * 3600
        eta = (total - done) / (analysed / elapsed) if analysed and done < total else 0.0
        width = 24
        fill = int(width * done / max(total, 1))
        mins, secs = divmod(int(eta), 60)
        hrs, mins = divmod(mins, 60)
        eta_s = f"{hrs}h{mins:02d}m" if hrs else f"{mins}m{secs:02d}s"
        last = str(row.get("id", ""))[:28]
        mark = " !" if row.get("error") else ""
        self.stream.write(
            f"\r[{'#' * fill}{'.' * (width - fill)}] {done}/{total} {rate:7.0f}/h ETA {eta_s:>6s} {last:28s}{mark:2s}"
        )
        if done >= total:
            self.stream.write("\n")
        self.stream.flush()


# -- the batch -------------------------------------------------------------------------------


def _sha256(path: Path) -> str:
    h = hashlib.sha256()
    try:
        with open(path, "rb") as f:
            for chunk in iter(lambda: f.read(1 << 20), b""):
                h.update(chunk)
    except OSError:
        return "unreadable"
    return h.hexdigest()


def _display_path(p: Path, folder: Path) -> str:
    p = Path(os.path.abspath(p))  # keep symlinks: the name the editor gave
    try:
        return p.relative_to(folder).as_posix()
    except ValueError:
        return str(p)


def screening_config(frameworks: Sequence[str] | None = None) -> str:
    """What a screening row depends on besides its files: the tool's version, its checklist and
    lexicon data, and the frameworks asked for (with the bytes of any framework file given by
    path).  A row made under another configuration is analysed again on resume."""
    from . import __version__

    pkg = Path(__file__).resolve().parent
    h = hashlib.sha256(__version__.encode())
    for data in sorted([*pkg.glob("checklist/data/**/*.yaml"), *pkg.glob("nlp/data/*.yaml")]):
        h.update(data.relative_to(pkg).as_posix().encode())
        h.update(data.read_bytes())
    for fw in sorted(frameworks or []):
        h.update(str(fw).encode())
        path = Path(str(fw)).expanduser()
        if path.suffix.lower() in (".yaml", ".yml", ".json") and path.is_file():
            h.update(path.read_bytes())
    return h.hexdigest()[:16]


def _resumable(row: dict[str, Any]) -> bool:
    """Rows worth keeping on a re-run: analysed, or failed with a typed (deterministic)
    error.  Unexpected errors (a crash, a bug since fixed) are tried again."""
    err = str(row.get("error") or "")
    return not err or err.startswith("error JR")


class _Writer:
    def __init__(self, outputs: Sequence[Path], interval: float) -> None:
        self.outputs = list(outputs)
        self.interval = interval
        self.last = time.perf_counter()
        self.dirty = False

    def update(self, rows: dict[str, dict[str, Any]], *, force: bool = False) -> None:
        self.dirty = True
        if not self.outputs:
            return
        now = time.perf_counter()
        if force or now - self.last >= self.interval:
            self.flush(rows)

    def flush(self, rows: dict[str, dict[str, Any]]) -> None:
        if not self.outputs:
            return
        df = _frame(rows.values())
        for p in self.outputs:
            write_screening(df, p)
        self.last = time.perf_counter()
        self.dirty = False


def screen(
    folder: str | os.PathLike[str],
    *,
    out: str | os.PathLike[str] | Sequence[str | os.PathLike[str]] | None = None,
    manifest: str | os.PathLike[str] | None = None,
    workers: int | None = None,
    scheduler: str | None = None,
    client: Any = None,
    frameworks: Sequence[str] | None = None,
    progress: bool | Callable[[int, int, dict[str, Any]], None] | None = None,
    resume: bool = True,
    write_interval: float = 2.0,
    timeout: float | None = None,
    memory_mb: int | None = None,
) -> Any:
    """Screen every manuscript in ``folder``; returns a pandas DataFrame, one row each.

    ``out``: a path (or several) ending .csv, .parquet or .html, rewritten atomically as
    rows finish (at most every ``write_interval`` seconds) and at the end or on Ctrl-C.
    ``manifest``: a CSV (id, paper, supplements ';'-separated) instead of file-name pairing.
    ``workers``: local processes (default one per core; 1 = in this process, without limits).
    ``scheduler`` (``tcp://host:port``) or ``client`` (a ``distributed.Client``): run on
    that Dask cluster instead; the files must be readable at the same paths there.
    ``progress``: None = a bar on a terminal, True/False, or ``f(done, total, row)``.
    ``resume``: keep the rows of ``out`` whose files' SHA-256 are unchanged.
    ``timeout`` (seconds) and ``memory_mb``: limits of one manuscript's analysis in a worker
    process (defaults: ``worker.DEFAULT_TIMEOUT`` / ``DEFAULT_MEMORY_MB``); a manuscript over
    them gets a typed error row (JR110 / JR111) and the batch goes on; this holds for a
    single manuscript too.  Only ``workers=1`` runs the analyses in this process, unlimited.

    Ctrl-C raises :class:`ScreenInterrupted` (a ``KeyboardInterrupt``) after writing the
    finished rows; its ``frame`` holds them.  ``df.attrs["screen"]`` has run statistics.
    """
    root = Path(folder).expanduser().resolve()
    if not root.is_dir():
        raise FileMissingError(f"{root}: no such folder", path=str(root))
    if out is None:
        outputs: list[Path] = []
    elif isinstance(out, (str, os.PathLike)):
        outputs = [Path(out).expanduser()]
    else:
        outputs = [Path(o).expanduser() for o in out]
    for o in outputs:
        _output_format(o)
    manuscripts = read_manifest(manifest, root) if manifest else find_manuscripts(root)

    config = screening_config(frameworks)
    previous: dict[str, dict[str, Any]] = {}
    if resume:
        for o in outputs:
            if o.is_file() and o.stat().st_size > 0:
                for rec in _records(read_screening(o)):
                    # rows of another tool version, checklist data or framework choice are redone
                    if rec.get("sha256") and _resumable(rec) and str(rec.get("config") or "") == config:
                        previous.setdefault(str(rec["sha256"]), rec)
                break

    rows: dict[str, dict[str, Any]] = {}
    todo: list[Manuscript] = []
    base: dict[str, dict[str, Any]] = {}
    for m in manuscripts:
        sha = ";".join(_sha256(p) for p in m.files)
        base[m.id] = {
            "id": m.id,
            "paper": _display_path(m.paper, root),
            "supplements": ";".join(_display_path(s, root) for s in m.supplements),
            "sha256": sha,
            "config": config,
        }
        prev = previous.get(sha)
        if prev is not None:
            rows[m.id] = {**prev, **base[m.id]}
        else:
            todo.append(m)
    skipped = len(rows)

    if progress is None:
        progress = sys.stderr.isatty()
    bar: Callable[[int, int, dict[str, Any]], None] | None
    bar = _Bar() if progress is True else (progress if callable(progress) else None)

    in_process = workers is not None and int(workers) == 1  # asked for: no pool, no limits
    workers = int(workers) if workers else (len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1))
    own_client = None
    if client is None and scheduler:
        try:
            from distributed import Client
        except ImportError:
            raise ScreenError("--scheduler needs Dask: pip install 'jupyter-review[dask]'") from None
        try:
            client = own_client = Client(scheduler, timeout=30)
        except (OSError, TimeoutError, ValueError) as e:
            raise ScreenError(f"cannot reach the Dask scheduler {scheduler}: {e}") from None
    if client is not None:
        mode = "dask"
        runner = _run_dask(todo, client, frameworks)
    elif not in_process and todo:
        # even one manuscript runs in a worker: a hostile file gets a typed error row, not a dead batch
        mode = "processes"
        runner = _run_processes(todo, max(1, min(workers, len(todo))), frameworks, timeout=timeout, memory_mb=memory_mb)
    else:
        mode = "serial"
        runner = _run_serial(todo, frameworks)

    writer = _Writer(outputs, write_interval)
    stats: dict[str, Any] = {
        "mode": mode, "workers": {}, "analysed": 0, "resumed": skipped, "cpu_seconds": 0.0, "folder": str(root),
    }
    t0 = time.perf_counter()
    done = 0
    try:
        for m, result in runner:
            pid = result.pop("_pid", None)
            rss = result.pop("_rss_mb", None)
            stats["cpu_seconds"] = round(stats["cpu_seconds"] + float(result.pop("_cpu", 0.0) or 0.0), 3)
            if pid is not None and rss is not None:
                stats["workers"][pid] = max(rss, stats["workers"].get(pid, 0.0))
            rows[m.id] = {**result, **base[m.id]}
            done += 1
            stats["analysed"] = done
            writer.update(rows)
            if bar is not None:
                bar(done, len(todo), rows[m.id])
    except KeyboardInterrupt:
        runner.close()
        if isinstance(bar, _Bar) and done:
            bar.stream.write("\n")
        writer.flush(rows)
        df = _frame(rows.values())
        stats["seconds"] = round(time.perf_counter() - t0, 3)
        stats["interrupted"] = True
        df.attrs["screen"] = stats
        raise ScreenInterrupted(df, outputs) from None
    finally:
        runner.close()
        if own_client is not None:
            own_client.close()
    stats["seconds"] = round(time.perf_counter() - t0, 3)
    df = _frame(rows.values())
    writer.flush(rows)
    df.attrs["screen"] = stats
    return df


# -- command line -----------------------------------------------------------------------------


def screen_folder_cli(args: Any) -> int:
    """``jupyter-review screen FOLDER --out screening.csv``."""
    outs = args.out if isinstance(args.out, list) else [args.out]
    outs = [o for o in outs if o] or ["screening.csv"]
    quiet = bool(getattr(args, "quiet", False))
    try:
        df = screen(
            args.folder,
            out=outs,
            manifest=getattr(args, "manifest", None),
            workers=getattr(args, "workers", None) or None,
            timeout=getattr(args, "timeout", None),
            memory_mb=getattr(args, "memory_mb", None),
            scheduler=getattr(args, "scheduler", None),
            frameworks=getattr(args, "framework", None) or None,
            progress=False if quiet else None,
            resume=not getattr(args, "fresh", False),
        )
    except ScreenInterrupted as e:
        print(f"interrupted: {len(e.frame)} finished rows kept in {', '.join(map(str, e.outputs))}", file=sys.stderr)
        return 130
    if not quiet:
        st = df.attrs.get("screen", {})
        n_err = int((df["error"] != "").sum()) if len(df) else 0
        print(
            f"{len(df)} manuscripts ({st.get('analysed', 0)} analysed, {st.get('resumed', 0)} resumed, "
            f"{n_err} with errors) in {st.get('seconds', 0):.1f} s -> {', '.join(outs)}"
        )
    return 0
