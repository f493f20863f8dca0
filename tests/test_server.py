"""The jupyter_server extension: authenticated routes, root confinement, analysis jobs,
review state and notebook creation, against a real server (pytest-jupyter) and real PDFs."""

from __future__ import annotations

import asyncio
import json
import os
import shutil
import time
from pathlib import Path

import pymupdf
import pytest
import tornado.httpclient

from jupyter_review.server import handlers as H
from tests.conftest import PAIR, edge_pdf, pair_pdf

pytest_plugins = ["pytest_jupyter.jupyter_server"]

MAIN, SUPP = PAIR  # two real papers of tests/data/papers, the second named as the first's supplement


@pytest.fixture
def jp_server_config():
    return {"ServerApp": {"jpserver_extensions": {"jupyter_review": True}}}


@pytest.fixture
def root(jp_root_dir: Path) -> Path:
    papers = jp_root_dir / "papers"
    papers.mkdir()
    shutil.copy(pair_pdf(MAIN), papers / MAIN)
    shutil.copy(pair_pdf(SUPP), papers / SUPP)
    return jp_root_dir


def body(resp) -> dict:
    return json.loads(resp.body.decode("utf-8"))


async def fetch_status(jp_fetch, *parts, **kw) -> tuple[int, dict]:
    """(status, json) without raising on HTTP errors."""
    kw.setdefault("raise_error", False)
    resp = await jp_fetch("jupyter-review", *parts, **kw)
    try:
        data = body(resp)
    except ValueError:
        data = {}
    return resp.code, data


# -- authentication ------------------------------------------------------------------------

ROUTES = [
    ("GET", "analyses/" + "0" * 32, None),
    ("GET", "analyses/" + "0" * 32 + "/result", None),
    ("POST", "analyses", {"paper": f"papers/{MAIN}"}),
    ("GET", f"review?path=papers/{MAIN}", None),
    ("PUT", f"review?path=papers/{MAIN}", {"item": "x:y", "decision": "absent"}),
    ("POST", "notebooks", {"paper": f"papers/{MAIN}"}),
    ("GET", "reviews?dir=papers", None),
]


@pytest.mark.parametrize("method,path,payload", ROUTES)
async def test_unauthenticated_requests_are_refused(root, http_server_client, jp_base_url, method, path, payload):
    url = jp_base_url.rstrip("/") + "/jupyter-review/" + path
    with pytest.raises(tornado.httpclient.HTTPClientError) as err:
        await http_server_client.fetch(
            url,
            method=method,
            body=json.dumps(payload) if payload is not None else None,
            headers={"Content-Type": "application/json"},
        )
    assert err.value.code in (401, 403)
    # nothing was written by a refused request
    assert not (root / "papers" / "fimmu-2022-915001.review.ipynb").exists()
    assert not (root / "papers" / "fimmu-2022-915001.review.json").exists()
    assert not (root / "papers" / "fimmu-2022-915001.review").exists()


async def test_wrong_token_is_refused(root, http_server_client, jp_base_url):
    url = jp_base_url.rstrip("/") + "/jupyter-review/reviews?dir=papers"
    with pytest.raises(tornado.httpclient.HTTPClientError) as err:
        await http_server_client.fetch(url, headers={"Authorization": "token not-the-token"})
    assert err.value.code in (401, 403)


def test_every_handler_method_is_authenticated():
    """Each HTTP verb a handler defines is wrapped by tornado.web.authenticated."""
    import inspect

    for cls in H.ALL_HANDLERS:
        for verb in ("get", "post", "put", "patch", "delete"):
            fn = cls.__dict__.get(verb)
            if fn is None:
                continue
            src = inspect.getsource(fn)
            assert "@tornado.web.authenticated" in src, f"{cls.__name__}.{verb} is not authenticated"


# -- path confinement ----------------------------------------------------------------------


@pytest.fixture
def escape_paths(root: Path, tmp_path_factory) -> list[str]:
    outside = tmp_path_factory.mktemp("outside")
    shutil.copy(pair_pdf(MAIN), outside / "secret.pdf")
    (root / "papers" / "link.pdf").symlink_to(outside / "secret.pdf")
    (root / "linkdir").symlink_to(outside, target_is_directory=True)
    return [
        "../secret.pdf",
        "papers/../../secret.pdf",
        "papers\\..\\..\\secret.pdf",
        str(outside / "secret.pdf"),  # absolute
        "/etc/passwd",
        "~/secret.pdf",
        "papers/link.pdf",  # symlink inside the root pointing out of it
        "linkdir/secret.pdf",  # through a symlinked folder
        "papers/x\x00.pdf",
    ]


async def test_path_escapes_are_refused_everywhere(root, jp_fetch, escape_paths):
    for bad in escape_paths:
        for method, parts, kw in [
            ("POST", ("notebooks",), {"body": json.dumps({"paper": bad})}),
            ("POST", ("notebooks",), {"body": json.dumps({"paper": f"papers/{MAIN}", "supplements": [bad]})}),
            ("POST", ("analyses",), {"body": json.dumps({"paper": bad})}),
            ("GET", ("review",), {"params": {"path": bad}}),
            ("PUT", ("review",), {"params": {"path": bad}, "body": json.dumps({"general_notes": "x"})}),
        ]:
            code, data = await fetch_status(jp_fetch, *parts, method=method, **kw)
            assert code in (403, 404), (bad, method, parts, code, data)
    for bad_dir in ["..", "../..", "/", "/etc", "linkdir", "papers/../.."]:
        code, _ = await fetch_status(jp_fetch, "reviews", params={"dir": bad_dir})
        assert code in (403, 404), bad_dir
    # nothing was created outside the root or through the links
    outside = Path(os.path.realpath(root / "linkdir"))
    assert sorted(p.name for p in outside.iterdir()) == ["secret.pdf"]
    assert not (root / "papers" / "link.review.ipynb").exists()


async def test_symlinked_sidecar_out_of_root_is_refused(root, jp_fetch, tmp_path_factory):
    outside = tmp_path_factory.mktemp("outside2") / "other.review.json"
    outside.write_text('{"secret": true}')
    (root / "papers" / "fimmu-2022-915001.review.json").symlink_to(outside)
    code, _ = await fetch_status(jp_fetch, "review", params={"path": f"papers/{MAIN}"})
    assert code == 403
    code, _ = await fetch_status(
        jp_fetch, "review", method="PUT", params={"path": f"papers/{MAIN}"}, body=json.dumps({"general_notes": "x"})
    )
    assert code == 403
    assert outside.read_text() == '{"secret": true}'
    code, data = await fetch_status(jp_fetch, "reviews", params={"dir": "papers"})
    assert code == 200 and data["reviews"] == []


async def test_symlinked_review_folder_out_of_root_is_refused(root, jp_fetch, tmp_path_factory):
    outside = tmp_path_factory.mktemp("outside3")
    (outside / "review.json").write_text('{"secret": true}')
    (root / "papers" / "fimmu-2022-915001.review").symlink_to(outside, target_is_directory=True)
    code, _ = await fetch_status(jp_fetch, "review", params={"path": f"papers/{MAIN}"})
    assert code == 403
    code, _ = await fetch_status(
        jp_fetch, "review", method="PUT", params={"path": f"papers/{MAIN}"}, body=json.dumps({"general_notes": "x"})
    )
    assert code == 403
    assert sorted(p.name for p in outside.iterdir()) == ["review.json"]
    assert (outside / "review.json").read_text() == '{"secret": true}'
    code, data = await fetch_status(jp_fetch, "reviews", params={"dir": "papers"})
    assert code == 200 and data["reviews"] == []


async def test_escape_is_403_and_missing_is_404(root, jp_fetch):
    code, data = await fetch_status(jp_fetch, "review", params={"path": "../x.pdf"})
    assert code == 403 and "JR401" in data["message"]
    code, data = await fetch_status(jp_fetch, "review", params={"path": "papers/nope.pdf"})
    assert code == 404 and "JR101" in data["message"]


# -- notebooks -----------------------------------------------------------------------------


async def test_create_notebook_beside_the_pdf(root, jp_fetch):
    import nbformat

    code, data = await fetch_status(
        jp_fetch, "notebooks", method="POST",
        body=json.dumps({"paper": f"papers/{MAIN}", "supplements": [f"papers/{SUPP}"]}),
    )
    assert code == 201, data
    assert data == {"path": "papers/fimmu-2022-915001.review.ipynb", "created": True}
    nb_path = root / data["path"]
    nb = nbformat.read(nb_path, as_version=4)
    nbformat.validate(nb)
    code_cells = [c for c in nb.cells if c.cell_type == "code"]
    assert len(code_cells) == 1
    src = code_cells[0].source
    assert "import jupyter_review as jr" in src
    # paths are relative to the notebook's folder, not to the server root
    assert f"jr.show_review({MAIN!r}, supplements=[{SUPP!r}])" in src
    assert src.rstrip().endswith(")") and "review.show()" not in src  # show_review displays as it goes
    assert nb.cells[0].cell_type == "markdown" and "fimmu" in nb.cells[0].source

    # a second request keeps the referee's notebook as it is
    nb_path.write_text(nb_path.read_text().replace("import jupyter_review as jr", "import jupyter_review as jr  # mine"))
    code, data = await fetch_status(jp_fetch, "notebooks", method="POST", body=json.dumps({"paper": f"papers/{MAIN}"}))
    assert code == 200 and data["created"] is False
    assert "# mine" in nb_path.read_text()
    # ... unless asked to overwrite
    code, data = await fetch_status(
        jp_fetch, "notebooks", method="POST", body=json.dumps({"paper": f"papers/{MAIN}", "overwrite": True})
    )
    assert code == 200 and data["created"] is True
    assert "# mine" not in nb_path.read_text()
    assert f"jr.show_review({MAIN!r}, supplements=[])" in nb_path.read_text()


async def test_notebook_request_errors(root, jp_fetch):
    (root / "papers" / "notes.txt").write_text("not a paper")
    cases = [
        ({"paper": "papers/notes.txt"}, 400),
        ({"paper": "papers/missing.pdf"}, 404),
        ({"paper": f"papers/{MAIN}", "supplements": ["papers/missing.pdf"]}, 404),
        ({"paper": f"papers/{MAIN}", "supplements": [f"papers/{MAIN}"]}, 400),
        ({"paper": f"papers/{MAIN}", "supplements": "papers/x.pdf"}, 400),
        ({}, 400),
        ({"paper": 3}, 400),
    ]
    for payload, expected in cases:
        code, data = await fetch_status(jp_fetch, "notebooks", method="POST", body=json.dumps(payload))
        assert code == expected, (payload, code, data)
    code, _ = await fetch_status(jp_fetch, "notebooks", method="POST", body="{not json")
    assert code == 400
    assert not (root / "papers" / "fimmu-2022-915001.review.ipynb").exists()


# -- review state --------------------------------------------------------------------------


async def test_review_state_round_trip_and_listing(root, jp_fetch):
    path = f"papers/{MAIN}"
    code, data = await fetch_status(jp_fetch, "review", params={"path": path})
    assert code == 200 and data == {"path": path, "state": None}

    code, data = await fetch_status(
        jp_fetch, "review", method="PUT", params={"path": path},
        body=json.dumps({"item": "data-disclosure:sources", "decision": "absent", "note": "No <b>link</b> given."}),
    )
    assert code == 200, data
    item = data["state"]["items"]["data-disclosure:sources"]
    assert item["decision"] == "absent" and item["note"] == "No <b>link</b> given."

    # the sidecar on disk holds the change (the review module's own reader agrees)
    from jupyter_review.review import read_state

    on_disk = read_state(root / "papers" / MAIN)
    assert on_disk["items"]["data-disclosure:sources"]["decision"] == "absent"

    code, data = await fetch_status(jp_fetch, "review", params={"path": path})
    assert data["state"]["items"]["data-disclosure:sources"]["note"] == "No <b>link</b> given."

    code, data = await fetch_status(
        jp_fetch, "review", method="PUT", params={"path": path}, body=json.dumps({"general_notes": "Overall fine."})
    )
    assert code == 200 and data["state"]["general_notes"] == "Overall fine."
    assert data["state"]["items"]["data-disclosure:sources"]["decision"] == "absent"

    for bad in (
        {"item": "data-disclosure:sources", "decision": "maybe"},
        {"decision": "absent"},
        {"item": "x", "colour": "red"},
        {"item": "x", "note": 5},
        {},
    ):
        code, data = await fetch_status(jp_fetch, "review", method="PUT", params={"path": path}, body=json.dumps(bad))
        assert code == 400, (bad, data)

    # listing: one review, paths relative to the root
    await fetch_status(jp_fetch, "notebooks", method="POST", body=json.dumps({"paper": path}))
    code, data = await fetch_status(jp_fetch, "reviews", params={"dir": "papers"})
    assert code == 200 and data["dir"] == "papers"
    [rev] = data["reviews"]
    assert rev["paper"] == path
    assert rev["sidecar"] == "papers/fimmu-2022-915001.review/review.json"
    assert rev["notebook"] == "papers/fimmu-2022-915001.review.ipynb"
    code, data = await fetch_status(jp_fetch, "reviews", params={"dir": ""})
    assert code == 200 and data["reviews"] == []
    code, _ = await fetch_status(jp_fetch, "reviews", params={"dir": "papers/fimmu-2022-915001.pdf"})
    assert code == 404


# -- analyses ------------------------------------------------------------------------------


async def _wait(jp_fetch, job_id: str, timeout: float = 180.0) -> tuple[list[str], dict]:
    seen = []
    t0 = time.monotonic()
    while True:
        code, data = await fetch_status(jp_fetch, "analyses", job_id)
        assert code == 200, data
        seen.append(data["state"])
        if data["state"] in ("done", "error"):
            return seen, data
        assert time.monotonic() - t0 < timeout, "analysis did not finish"
        await asyncio.sleep(0.05)


async def test_analysis_runs_off_the_event_loop(root, jp_fetch):
    t0 = time.monotonic()
    code, data = await fetch_status(
        jp_fetch, "analyses", method="POST",
        body=json.dumps({"paper": f"papers/{MAIN}", "supplements": [f"papers/{SUPP}"]}),
    )
    post_took = time.monotonic() - t0
    assert code == 202, data
    job = data["id"]
    # the result is not ready before the job is done
    code, early = await fetch_status(jp_fetch, "analyses", job, "result")
    seen, status = await _wait(jp_fetch, job)
    total = time.monotonic() - t0
    assert status["state"] == "done", status
    assert status["error"] is None
    # the server kept answering while the analysis ran: the POST returned long before the work finished
    assert "running" in seen or "queued" in seen or code == 409
    assert post_took < total
    assert status["progress"]["fraction"] == 1.0

    code, result = await fetch_status(jp_fetch, "analyses", job, "result")
    assert code == 200, result
    assert result["paper"] == f"papers/{MAIN}" and result["supplements"] == [f"papers/{SUPP}"]
    # page counts as pymupdf reads them
    pages = {d["name"]: d["pages"] for d in result["documents"]}
    with pymupdf.open(root / "papers" / MAIN) as d1, pymupdf.open(root / "papers" / SUPP) as d2:
        assert pages == {MAIN: d1.page_count, SUPP: d2.page_count}
    topics = result["topics"]
    assert len(topics) >= 30  # the taxonomy has ~37 topics
    statuses = {t["status"] for t in topics}
    assert statuses <= {"disclosed", "supplement_only", "vague", "missing", "not_applicable"}
    assert sum(result["counts"].values()) == len(topics)
    for s, n in result["counts"].items():
        assert n == sum(1 for t in topics if t["status"] == s)
    assert result["checklist"]["items"] > 0


async def test_analysis_errors_are_reported(root, jp_fetch):
    shutil.copy(edge_pdf("not-a-pdf.pdf"), root / "papers" / "broken.pdf")
    code, data = await fetch_status(jp_fetch, "analyses", method="POST", body=json.dumps({"paper": "papers/broken.pdf"}))
    assert code == 202
    _, status = await _wait(jp_fetch, data["id"])
    assert status["state"] == "error"
    assert status["error"]["code"].startswith("JR1")
    code, result = await fetch_status(jp_fetch, "analyses", data["id"], "result")
    assert code == 422 and status["error"]["code"] in result["message"]

    code, _ = await fetch_status(jp_fetch, "analyses", "f" * 32)
    assert code == 404
    code, _ = await fetch_status(jp_fetch, "analyses", "not-an-id")
    assert code == 404


# -- installation --------------------------------------------------------------------------


def _jupyter(*args: str) -> str:
    import re
    import subprocess
    import sys

    exe = Path(sys.executable).with_name("jupyter")
    proc = subprocess.run([str(exe), *args], capture_output=True, text=True, timeout=120)
    return re.sub(r"\x1b\[[0-9;]*m", "", proc.stdout + proc.stderr)  # the listings print ANSI colours


@pytest.mark.slow
def test_pip_install_enables_both_extensions():
    """`pip install` alone (no `jupyter lab build`) enables the lab and the server extension."""
    import re

    labs = _jupyter("labextension", "list")
    assert re.search(r"jupyter-review v\d+\.\d+\.\d+\S*\s+enabled\s+OK", labs), labs
    servers = _jupyter("server", "extension", "list")
    assert re.search(r"jupyter_review\s+enabled", servers), servers
    assert re.search(r"jupyter_review \d+\.\d+\.\d+\S*\s+OK", servers), servers


# -- never frozen (issue 16) -----------------------------------------------------------------


async def _status_times(jp_fetch, seconds: float) -> list[float]:
    """How long /api/status took, polled for ``seconds``."""
    times = []
    t_end = time.monotonic() + seconds
    while time.monotonic() < t_end:
        t = time.monotonic()
        resp = await jp_fetch("api", "status")
        assert resp.code == 200
        times.append(time.monotonic() - t)
        await asyncio.sleep(0.1)
    return times


async def test_server_answers_during_a_bomb_analysis_and_beside_a_fifo_sidecar(root, jp_fetch, tmp_path):
    from tests import hostile

    papers = root / "papers"
    hostile.drawings_bomb(papers / "bomb.pdf", segments=320_000)
    hostile.fifo_sidecar(papers, "x")  # x.pdf with a FIFO named x.review.json
    code, data = await fetch_status(jp_fetch, "analyses", method="POST", body=json.dumps({"paper": "papers/bomb.pdf"}))
    assert code == 202
    job = data["id"]
    # the folder listing and the review route read the FIFO "sidecar" off the loop and refuse it
    listing = asyncio.ensure_future(fetch_status(jp_fetch, "reviews", params={"dir": "papers"}))
    review = asyncio.ensure_future(fetch_status(jp_fetch, "review", params={"path": "papers/x.pdf"}))
    times = await _status_times(jp_fetch, 2.0)
    assert max(times) < 1.0, times
    code, data = await asyncio.wait_for(listing, 10)
    assert code == 200
    [bad] = [r for r in data["reviews"] if r["sidecar"] == "papers/x.review.json"]
    assert "JR303" in bad["error"] and "not a regular file" in bad["error"]
    code, data = await asyncio.wait_for(review, 10)
    assert code == 400 and "JR303" in data["message"]
    _, status = await _wait(jp_fetch, job, timeout=120)
    assert status["state"] == "error" and status["error"]["code"] == "JR106"  # the bomb page has no text


async def test_analysis_over_its_memory_limit_is_a_typed_error(root, jp_fetch, jp_serverapp):
    jobs = jp_serverapp.web_app.settings["jupyter_review_jobs"]
    jobs.memory_mb = 200  # far below what loading the pipeline needs: the child fails at once
    code, data = await fetch_status(jp_fetch, "analyses", method="POST", body=json.dumps({"paper": f"papers/{MAIN}"}))
    assert code == 202
    _, status = await _wait(jp_fetch, data["id"], timeout=120)
    assert status["state"] == "error" and status["error"]["code"] in ("JR111", "JR112"), status
    times = await _status_times(jp_fetch, 0.3)
    assert max(times) < 1.0


async def test_planted_lock_symlink_is_never_followed(root, jp_fetch, tmp_path_factory):
    """An old-style ``<sidecar>.lock`` symlink pointing out of the root: a PUT saves the
    review (the lock is the folder's own flock) and never creates the link's target."""
    outside = tmp_path_factory.mktemp("outside-lock")
    target = outside / "planted"
    (root / "papers" / f"{Path(MAIN).stem}.review.json.lock").symlink_to(target)
    code, data = await fetch_status(
        jp_fetch, "review", method="PUT", params={"path": f"papers/{MAIN}"},
        body=json.dumps({"item": "data-disclosure:sources", "note": "n"}),
    )
    assert code == 200, data
    assert not target.exists() and not os.path.lexists(target)
    names = sorted(p.name for p in (root / "papers").iterdir() if "review" in p.name)
    stem = Path(MAIN).stem
    assert names == [f"{stem}.review", f"{stem}.review.json.lock"]  # the review folder, nothing else new
