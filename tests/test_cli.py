"""The command line, run as a user runs it: the installed ``jupyter-review`` in a subprocess."""

from __future__ import annotations

import hashlib
import json
import os
import select
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pymupdf
import pytest

from tests.conftest import corpus_pdf, edge_pdf

EXE = Path(sys.executable).with_name("jupyter-review")


def run(*args: str, cwd: Path | None = None, timeout: int = 600) -> subprocess.CompletedProcess[str]:
    assert EXE.exists(), f"{EXE} missing: install the package into the venv (pip install -e .)"
    env = {k: v for k, v in os.environ.items() if k != "JUPYTER_REVIEW_DEBUG"}
    return subprocess.run([str(EXE), *args], capture_output=True, text=True, timeout=timeout, cwd=cwd, env=env)


def sha(p: Path) -> str:
    return hashlib.sha256(p.read_bytes()).hexdigest()


def test_analyze_writes_the_json_contract(tmp_path: Path) -> None:
    main, supp = corpus_pdf("stockmixer-main.pdf"), corpus_pdf("stockmixer-supplement.pdf")
    out = tmp_path / "out.json"
    r = run("analyze", str(main), "--supplement", str(supp), "--json", str(out))
    assert r.returncode == 0, r.stderr
    assert "Traceback" not in r.stderr
    data = json.loads(out.read_text())
    assert data["schema_version"]
    for key in ("documents", "sections", "claims", "data_statements", "tables", "cross_checks"):
        assert isinstance(data[key], list), key
    assert isinstance(data["topics"], dict)
    docs = data["documents"]
    assert [(d["role"], d["pages"]) for d in docs] == [("main", 9), ("supplement", 1)]
    assert [d["sha256"] for d in docs] == [sha(main), sha(supp)]
    assert [Path(d["path"]).name for d in docs] == [main.name, supp.name]
    titles = [s["title"] for s in data["sections"] if s["doc"] == 0]
    assert titles[:3] == ["Abstract", "Introduction", "Related Work"]
    assert all(s["page"] >= 1 for s in data["sections"])
    # stdout says where the file went, nothing else (no adverts, no progress bar off a terminal)
    assert r.stdout.strip().startswith(f"wrote {out}")
    assert r.stderr.strip() == ""


def test_analyze_prints_a_summary_without_json() -> None:
    r = run("analyze", str(corpus_pdf("fimmu-2022-915001.pdf")))
    assert r.returncode == 0, r.stderr
    out = r.stdout
    assert "fimmu-2022-915001.pdf" in out and "9 pages" in out
    assert "Introduction" in out and "time:" in out


def test_repeated_supplements_and_password(tmp_path: Path) -> None:
    enc = edge_pdf("encrypted-user-password.pdf")
    out = tmp_path / "o.json"
    r = run("analyze", str(enc), "--password", "referee", "--json", str(out), "-q")
    assert r.returncode == 0, r.stderr
    assert json.loads(out.read_text())["documents"][0]["pages"] == 2
    r = run("analyze", str(corpus_pdf("dean-main.pdf")), "-s", str(corpus_pdf("dean-supplement.pdf")),
            "--supplement", str(corpus_pdf("stockmixer-supplement.pdf")), "--json", str(out), "-q")
    assert r.returncode == 0, r.stderr
    assert [d["role"] for d in json.loads(out.read_text())["documents"]] == ["main", "supplement", "supplement"]


def _resolve(arg: str) -> str:
    """'edge:<name>' / 'paper:<name>' -> the file's path (looked up when the test runs, not at import)."""
    kind, _, name = arg.partition(":")
    if kind == "edge":
        return str(edge_pdf(name))
    if kind == "paper":
        return str(corpus_pdf(name))
    return arg


@pytest.mark.parametrize(
    ("args", "code"),
    [
        (["edge:not-a-pdf.pdf"], "JR102"),
        (["edge:xml-with-pdf-extension.pdf"], "JR102"),
        (["edge:zero-bytes.pdf"], "JR102"),
        (["edge:truncated.pdf"], "JR105"),
        (["edge:encrypted-user-password.pdf"], "JR104"),
        (["edge:encrypted-user-password.pdf", "--password", "wrong"], "JR104"),
        (["edge:scanned-image-only.pdf"], "JR106"),
        (["edge:type3-control-chars.pdf"], "JR106"),
        (["/nonexistent/paper.pdf"], "JR101"),
        (["edge:blank-page.pdf", "--supplement", "edge:blank-page.pdf"], "JR107"),
        (["paper:neurores-0022-4.pdf", "--supplement", "edge:not-a-pdf.pdf"], "JR102"),
    ],
)
def test_bad_input_one_line_and_nonzero_exit(args: list[str], code: str, tmp_path: Path) -> None:
    args = [_resolve(a) for a in args]
    out = tmp_path / "never.json"
    r = run("analyze", *args, "--json", str(out))
    assert r.returncode != 0
    lines = r.stderr.strip().splitlines()
    assert len(lines) == 1, r.stderr
    assert lines[0].startswith(f"error {code}: ")
    assert "Traceback" not in r.stderr and r.stdout == ""
    assert not out.exists()  # nothing half-written


def test_same_content_under_two_names(tmp_path: Path) -> None:
    a = tmp_path / "a.pdf"
    shutil.copy(corpus_pdf("neurores-0022-4.pdf"), a)
    r = run("analyze", str(a), "--supplement", str(corpus_pdf("neurores-0022-4.pdf")))
    assert r.returncode != 0 and r.stderr.startswith("error JR107: ") and len(r.stderr.strip().splitlines()) == 1


def test_damaged_page_does_not_lose_the_paper(tmp_path: Path) -> None:
    # a PDF whose second page's content stream is garbage
    doc = pymupdf.open()
    for i in range(3):
        p = doc.new_page()
        p.insert_textbox(pymupdf.Rect(72, 72, 520, 700), f"Page {i + 1} reports results of the study. " * 8)
    bad = doc[1].get_contents()[0]
    doc.update_stream(bad, b"BT /F9 12 Tf 72 72 Td (unbalanced Tj ET q Q Q Q )) [[[ <<")
    path = tmp_path / "damaged.pdf"
    doc.save(str(path))
    out = tmp_path / "d.json"
    r = run("analyze", str(path), "--json", str(out))
    assert r.returncode == 0, r.stderr
    data = json.loads(out.read_text())
    assert data["documents"][0]["pages"] == 3


def test_progress_bar_only_in_a_terminal() -> None:
    """Under a pseudo-terminal a long document shows a progress bar on stderr."""
    import pty

    master, slave = pty.openpty()
    env = {k: v for k, v in os.environ.items() if k != "JUPYTER_REVIEW_DEBUG"}
    proc = subprocess.Popen([str(EXE), "analyze", str(edge_pdf("who-guideline-155p.pdf")), "--json", os.devnull],
                            stdout=subprocess.DEVNULL, stderr=slave, env=env)
    os.close(slave)
    buf = b""
    deadline = time.time() + 600
    while time.time() < deadline:
        ready, _, _ = select.select([master], [], [], 1.0)
        if ready:
            try:
                chunk = os.read(master, 4096)
            except OSError:
                break
            if not chunk:
                break
            buf += chunk
        elif proc.poll() is not None:
            break
    proc.wait(timeout=60)
    os.close(master)
    assert proc.returncode == 0
    text = buf.decode("utf-8", "replace")
    assert "reading who-guideline-155p.pdf" in text and "/155" in text
    assert "[" in text and "#" in text
    # off a terminal (the other tests) stderr stays empty on success


def test_demo_runs_the_bundled_sample() -> None:
    r = run("demo")
    assert r.returncode == 0, r.stderr
    assert "main" in r.stdout and "supplement" in r.stdout and "pages" in r.stdout


def test_internal_errors_are_one_line(tmp_path: Path) -> None:
    """A bug of ours (simulated by a broken sitecustomize) still gives one line, not a traceback."""
    hook = tmp_path / "hook"
    hook.mkdir()
    (hook / "sitecustomize.py").write_text(
        "import jupyter_review.pipeline as p\n"
        "def boom(*a, **k):\n    raise RuntimeError('simulated bug')\n"
        "p.analyze = boom\n"
    )
    env = {k: v for k, v in os.environ.items() if k != "JUPYTER_REVIEW_DEBUG"}
    env["PYTHONPATH"] = str(hook)
    r = subprocess.run([str(EXE), "analyze", str(corpus_pdf("neurores-0022-4.pdf"))], capture_output=True, text=True,
                       env=env, timeout=300)
    assert r.returncode == 70
    assert r.stderr.startswith("error JR999: internal error (RuntimeError: simulated bug)")
    assert len(r.stderr.strip().splitlines()) == 1
