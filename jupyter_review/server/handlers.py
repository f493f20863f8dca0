"""REST handlers under ``<base_url>/jupyter-review/``.

Routes translate HTTP <-> core calls only.  Every method is authenticated
(``tornado.web.authenticated``) and authorised against jupyter_server's
"contents" resource; every path goes through ``paths.resolve_in_root``.

    POST analyses            {paper, supplements}  -> 202 {id}
    GET  analyses/<id>                             -> {id, state, progress, error}
    GET  analyses/<id>/result                      -> summary (topics with status, counts)
    GET  review?path=<pdf>                         -> {path, state}
    PUT  review?path=<pdf>   {item, decision, note} | {general_notes} -> {path, state}
    POST notebooks           {paper, supplements, overwrite?} -> {path, created}
    GET  reviews?dir=<folder>                      -> {dir, reviews: [...]}
"""

from __future__ import annotations

import asyncio
import json
import threading
import time
import uuid
from collections import OrderedDict
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import tornado.web
from jupyter_server.auth.decorator import authorized
from jupyter_server.base.handlers import APIHandler
from jupyter_server.utils import url_path_join

from ..errors import FileMissingError, PathOutsideRootError, ReviewError
from .paths import resolve_in_root, to_root_relative

NAMESPACE = "jupyter-review"
MAX_JOBS = 64  # finished jobs kept in memory (oldest dropped first)
MAX_SUPPLEMENTS = 50


# -- helpers ------------------------------------------------------------------------------


def _http_error(exc: ReviewError) -> tornado.web.HTTPError:
    if isinstance(exc, PathOutsideRootError):
        status = 403
    elif isinstance(exc, FileMissingError | FileNotFoundError):
        status = 404
    else:
        status = 400
    return tornado.web.HTTPError(status, f"{exc.code}: {exc.message}", reason=type(exc).__name__)


def _pdf_suffix(path: Path, rel: str) -> None:
    if path.suffix.lower() != ".pdf":
        from ..errors import NotAPDFError

        raise NotAPDFError(f"{rel!r} is not a .pdf file", path=rel)


def summarise_analysis(analysis: Any, root: str, paper: Path, supplements: list[Path]) -> dict[str, Any]:
    """A compact, JSON-ready summary of an Analysis for the front end."""
    data = analysis.to_dict()
    topics_raw = data.get("topics") or {}
    items = topics_raw.items() if isinstance(topics_raw, dict) else ((t.get("topic"), t) for t in topics_raw)
    topics = []
    counts: dict[str, int] = {}
    for tid, t in items:
        status = t.get("status", "")
        counts[status] = counts.get(status, 0) + 1
        topics.append(
            {
                "id": tid,
                "title": t.get("title", ""),
                "status": status,
                "severity": t.get("severity", ""),
                "reason": t.get("reason", ""),
                "evidence": len(t.get("evidence") or []),
            }
        )
    checklist = data.get("checklist") or []
    checklist_counts: dict[str, int] = {}
    for c in checklist:
        checklist_counts[c.get("status", "")] = checklist_counts.get(c.get("status", ""), 0) + 1
    docs = data.get("documents") or []
    title = next((d.get("title") for d in docs if d.get("role") == "main" and d.get("title")), "") or paper.stem
    return {
        "paper": to_root_relative(root, paper),
        "supplements": [to_root_relative(root, s) for s in supplements],
        "title": title,
        "documents": [{"name": d.get("name"), "role": d.get("role"), "pages": d.get("pages")} for d in docs],
        "topics": topics,
        "counts": counts,
        "checklist": {"items": len(checklist), "counts": checklist_counts},
        "claims": len(data.get("claims") or []),
        "data_statements": len(data.get("data_statements") or []),
        "tables": len(data.get("tables") or []),
        "warnings": [str(w) for w in (data.get("warnings") or [])][:50],
        "timings": data.get("timings") or {},
    }


@dataclass
class Job:
    id: str
    paper: Path
    supplements: list[Path]
    state: str = "queued"  # queued | running | done | error
    done: int = 0
    total: int = 0
    message: str = ""
    error: dict[str, str] | None = None
    result: dict[str, Any] | None = None
    created: float = field(default_factory=time.time)
    finished: float | None = None

    def status(self) -> dict[str, Any]:
        fraction = (self.done / self.total) if self.total else (1.0 if self.state == "done" else 0.0)
        return {
            "id": self.id,
            "state": self.state,
            "progress": {"done": self.done, "total": self.total, "fraction": round(fraction, 3), "message": self.message},
            "error": self.error,
        }


class JobRegistry:
    """In-memory analysis jobs; the work runs in a thread pool, never on the event loop."""

    def __init__(self, root: str, max_workers: int = 2, *, timeout: float | None = None,
                 memory_mb: int | None = None) -> None:
        self.root = root
        self.timeout = timeout
        self.memory_mb = memory_mb
        self._jobs: OrderedDict[str, Job] = OrderedDict()
        self._lock = threading.Lock()
        self._pool = ThreadPoolExecutor(max_workers=max_workers, thread_name_prefix="jupyter-review")

    def get(self, job_id: str) -> Job | None:
        with self._lock:
            return self._jobs.get(job_id)

    def submit(self, paper: Path, supplements: list[Path]) -> Job:
        job = Job(id=uuid.uuid4().hex, paper=paper, supplements=supplements)
        with self._lock:
            self._jobs[job.id] = job
            while len(self._jobs) > MAX_JOBS:
                oldest = next(iter(self._jobs))
                if self._jobs[oldest].state in ("done", "error"):
                    del self._jobs[oldest]
                else:
                    break
        loop = asyncio.get_running_loop()
        loop.run_in_executor(self._pool, self._run, job)
        return job

    def _run(self, job: Job) -> None:
        from .. import worker

        job.state = "running"

        def progress(done: int, total: int, message: str) -> None:
            job.done, job.total, job.message = done, total, message

        try:
            # in a child process with a time and memory limit: a hostile PDF cannot freeze
            # or bloat the server; going over a limit is a typed error (JR110-JR112)
            analysis = worker.analyse(job.paper, job.supplements, progress=progress,
                                      timeout=self.timeout, memory_mb=self.memory_mb)
            job.result = summarise_analysis(analysis, self.root, job.paper, job.supplements)
            job.state = "done"
        except ReviewError as exc:
            job.error = {"code": exc.code, "message": exc.message}
            job.state = "error"
        except Exception as exc:  # a bug in the analysis must not kill the server
            job.error = {"code": "JR000", "message": f"analysis failed: {type(exc).__name__}: {exc}"}
            job.state = "error"
        finally:
            job.finished = time.time()

    def shutdown(self) -> None:
        self._pool.shutdown(wait=False, cancel_futures=True)


# -- handlers -----------------------------------------------------------------------------


class BaseHandler(APIHandler):
    auth_resource = "contents"

    @property
    def root_dir(self) -> str:
        return str(self.settings["jupyter_review_root"])

    @property
    def jobs(self) -> JobRegistry:
        return self.settings["jupyter_review_jobs"]  # type: ignore[no-any-return]

    def write_error(self, status_code: int, **kwargs: Any) -> None:
        """JSON errors whose message is the literal text (no %-escaping)."""
        exc = (kwargs.get("exc_info") or (None, None, None))[1]
        if isinstance(exc, tornado.web.HTTPError):
            message = exc.get_message() if hasattr(exc, "get_message") else exc.log_message
            reply = {"message": message or self._reason, "reason": exc.reason}
            self.set_header("Content-Type", "application/json")
            self.log.warning("jupyter_review: %s %s -> %s: %s", self.request.method, self.request.path, status_code, message)
            self.finish(json.dumps(reply, ensure_ascii=False))
            return
        super().write_error(status_code, **kwargs)

    def json_body(self) -> dict[str, Any]:
        try:
            data = json.loads(self.request.body or b"{}")
        except ValueError as exc:
            raise tornado.web.HTTPError(400, "request body is not valid JSON") from exc
        if not isinstance(data, dict):
            raise tornado.web.HTTPError(400, "request body must be a JSON object")
        return data

    def resolve(self, rel: Any, *, kind: str = "file", must_exist: bool = True) -> Path:
        if rel is None:
            raise tornado.web.HTTPError(400, "a path is required")
        try:
            return resolve_in_root(self.root_dir, rel, must_exist=must_exist, kind=kind)
        except ReviewError as exc:
            raise _http_error(exc) from exc

    def paper_and_supplements(self, body: dict[str, Any]) -> tuple[Path, list[Path]]:
        rel = body.get("paper")
        if not isinstance(rel, str) or not rel.strip():
            raise tornado.web.HTTPError(400, "'paper' (a PDF path relative to the server root) is required")
        paper = self.resolve(rel)
        sups_rel = body.get("supplements") or []
        if not isinstance(sups_rel, list) or not all(isinstance(s, str) for s in sups_rel):
            raise tornado.web.HTTPError(400, "'supplements' must be a list of paths")
        if len(sups_rel) > MAX_SUPPLEMENTS:
            raise tornado.web.HTTPError(400, f"at most {MAX_SUPPLEMENTS} supplements")
        sups = [self.resolve(s) for s in sups_rel]
        try:
            _pdf_suffix(paper, rel)
            for s, r in zip(sups, sups_rel):
                _pdf_suffix(s, r)
        except ReviewError as exc:
            raise _http_error(exc) from exc
        if paper in sups:
            raise tornado.web.HTTPError(400, "the paper cannot also be its own supplement")
        return paper, list(dict.fromkeys(sups))

    def finish_json(self, data: Any, status: int = 200) -> None:
        self.set_status(status)
        self.set_header("Content-Type", "application/json")
        self.finish(json.dumps(data, ensure_ascii=False, default=str))


class AnalysesHandler(BaseHandler):
    @tornado.web.authenticated
    @authorized
    async def post(self) -> None:
        paper, sups = self.paper_and_supplements(self.json_body())
        job = self.jobs.submit(paper, sups)
        self.set_header("Location", url_path_join(self.base_url, NAMESPACE, "analyses", job.id))
        self.finish_json({"id": job.id}, status=202)


class AnalysisHandler(BaseHandler):
    def _job(self, job_id: str) -> Job:
        job = self.jobs.get(job_id)
        if job is None:
            raise tornado.web.HTTPError(404, f"no analysis with id {job_id!r}")
        return job

    @tornado.web.authenticated
    @authorized
    async def get(self, job_id: str) -> None:
        self.finish_json(self._job(job_id).status())


class AnalysisResultHandler(AnalysisHandler):
    @tornado.web.authenticated
    @authorized
    async def get(self, job_id: str) -> None:
        job = self._job(job_id)
        if job.state == "error":
            err = job.error or {}
            raise tornado.web.HTTPError(422, f"{err.get('code', 'JR000')}: {err.get('message', 'analysis failed')}")
        if job.state != "done" or job.result is None:
            raise tornado.web.HTTPError(409, f"analysis {job_id} is {job.state}; poll analyses/{job_id} until done")
        self.finish_json({"id": job.id, **job.result})


class ReviewHandler(BaseHandler):
    def _paper(self) -> tuple[str, Path]:
        rel = self.get_query_argument("path", None)
        paper = self.resolve(rel)
        try:
            _pdf_suffix(paper, rel or "")
        except ReviewError as exc:
            raise _http_error(exc) from exc
        # the sidecar beside it must not lead out of the root either (a symlink)
        from ..review import sidecar_path

        side = sidecar_path(paper)  # <stem>.review/review.json (or an older <stem>.review.json)
        parent_rel = to_root_relative(self.root_dir, paper.parent)
        inner = side.relative_to(paper.parent).as_posix()
        self.resolve(f"{parent_rel}/{inner}" if parent_rel else inner, must_exist=False)
        return str(rel), paper

    @tornado.web.authenticated
    @authorized
    async def get(self) -> None:
        from ..review import read_state

        rel, paper = self._paper()
        loop = asyncio.get_running_loop()
        try:  # off the event loop: a slow disk or a hostile file never stalls the server
            state = await loop.run_in_executor(None, read_state, paper)
        except ReviewError as exc:
            raise _http_error(exc) from exc
        self.finish_json({"path": to_root_relative(self.root_dir, paper), "state": state})

    @tornado.web.authenticated
    @authorized
    async def put(self) -> None:
        from ..review import update_sidecar

        rel, paper = self._paper()
        body = self.json_body()
        allowed = {"item", "decision", "note", "general_notes"}
        unknown = sorted(set(body) - allowed)
        if unknown:
            raise tornado.web.HTTPError(400, f"unknown field(s): {', '.join(unknown)}")
        kwargs: dict[str, Any] = {}
        if "item" in body:
            if not isinstance(body["item"], str) or not body["item"]:
                raise tornado.web.HTTPError(400, "'item' must be an item id string")
            kwargs["item"] = body["item"]
        for key in ("decision", "note", "general_notes"):
            if key in body:
                value = body[key]
                if value is not None and not isinstance(value, str):
                    raise tornado.web.HTTPError(400, f"{key!r} must be a string or null")
                kwargs[key] = value
        if ("decision" in kwargs or "note" in kwargs) and "item" not in kwargs:
            raise tornado.web.HTTPError(400, "'decision' and 'note' need an 'item'")
        if not kwargs:
            raise tornado.web.HTTPError(400, "nothing to change")
        loop = asyncio.get_running_loop()
        try:
            state = await loop.run_in_executor(None, lambda: update_sidecar(paper, **kwargs))
        except ReviewError as exc:
            raise _http_error(exc) from exc
        except OSError as exc:
            raise tornado.web.HTTPError(400, f"cannot save the review beside {rel}: {exc.strerror}") from exc
        self.finish_json({"path": to_root_relative(self.root_dir, paper), "state": state})


class NotebooksHandler(BaseHandler):
    @tornado.web.authenticated
    @authorized
    async def post(self) -> None:
        from ..review.notebook import create_review_notebook, notebook_path

        body = self.json_body()
        paper, sups = self.paper_and_supplements(body)
        overwrite = bool(body.get("overwrite", False))
        target = notebook_path(paper)
        # the notebook itself must also stay inside the root (e.g. not a symlink out of it)
        parent_rel = to_root_relative(self.root_dir, target.parent)
        self.resolve(f"{parent_rel}/{target.name}" if parent_rel else target.name, must_exist=False)
        existed = target.exists()
        loop = asyncio.get_running_loop()
        try:
            path = await loop.run_in_executor(None, lambda: create_review_notebook(paper, sups, overwrite=overwrite))
        except ReviewError as exc:
            raise _http_error(exc) from exc
        except OSError as exc:
            raise tornado.web.HTTPError(400, f"cannot write {target.name}: {exc.strerror}") from exc
        self.finish_json(
            {"path": to_root_relative(self.root_dir, path), "created": overwrite or not existed},
            status=201 if not existed else 200,
        )


class ReviewsHandler(BaseHandler):
    @tornado.web.authenticated
    @authorized
    async def get(self) -> None:
        from ..review import list_reviews
        from ..review.notebook import notebook_path

        rel = self.get_query_argument("dir", "")
        folder = self.resolve(rel, kind="dir")
        loop = asyncio.get_running_loop()
        try:  # off the event loop (the sidebar polls this every few seconds)
            found = await loop.run_in_executor(None, list_reviews, folder)
        except ReviewError as exc:
            raise _http_error(exc) from exc
        reviews = []
        for entry in found:
            item = dict(entry)
            for key in ("sidecar", "paper"):
                value = item.get(key)
                if value:
                    p = Path(value)
                    if not p.is_absolute():
                        p = folder / p
                    try:
                        item[key] = to_root_relative(self.root_dir, p)
                    except PathOutsideRootError:
                        item[key] = None  # a symlinked sidecar pointing out of the root: hide it
            if not item.get("sidecar"):
                continue
            nb = notebook_path(self.resolve(item["paper"], must_exist=False)) if item.get("paper") else None
            item["notebook"] = to_root_relative(self.root_dir, nb) if item.get("notebook") and nb is not None else None
            reviews.append(item)
        self.finish_json({"dir": to_root_relative(self.root_dir, folder), "reviews": reviews})


def setup_handlers(web_app: Any, root_dir: str) -> None:
    base = web_app.settings.get("base_url", "/")
    web_app.settings["jupyter_review_root"] = str(Path(root_dir).expanduser().resolve())
    web_app.settings["jupyter_review_jobs"] = JobRegistry(web_app.settings["jupyter_review_root"])

    def route(path: str) -> str:
        return url_path_join(base, NAMESPACE, path)

    handlers = [
        (route("analyses"), AnalysesHandler),
        (route(r"analyses/([0-9a-f]{32})"), AnalysisHandler),
        (route(r"analyses/([0-9a-f]{32})/result"), AnalysisResultHandler),
        (route("review"), ReviewHandler),
        (route("notebooks"), NotebooksHandler),
        (route("reviews"), ReviewsHandler),
    ]
    web_app.add_handlers(".*$", handlers)


ALL_HANDLERS = (
    AnalysesHandler,
    AnalysisHandler,
    AnalysisResultHandler,
    ReviewHandler,
    NotebooksHandler,
    ReviewsHandler,
)
