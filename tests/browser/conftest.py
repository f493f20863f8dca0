"""A real JupyterLab server and a real (Debian) chromium for the browser tests.

The server runs in a temporary folder holding the sample paper and its supplement,
with its own settings and workspaces folders, on 127.0.0.1 with a random token; its
PID is kept and it is stopped by that PID.  Chromium is /usr/bin/chromium (installed
by scripts/test.sh with apt-get when missing; never downloaded by Playwright).
"""

from __future__ import annotations

import json
import os
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from tests.conftest import corpus_pdf, edge_pdf

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
ARTIFACTS = Path(__file__).resolve().parent / "artifacts"


def sample_pair() -> tuple[Path, Path]:
    """The bundled sample manuscript and supplement, or a real corpus pair until they exist."""
    try:
        from jupyter_review import sample

        main, supp = Path(sample.main_pdf()), Path(sample.supplement_pdf())
        if main.is_file() and supp.is_file():
            return main, supp
    except (ImportError, AttributeError, OSError):
        pass
    return corpus_pdf("stockmixer-main.pdf"), corpus_pdf("stockmixer-supplement.pdf")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@dataclass
class Lab:
    root: Path
    port: int
    token: str
    proc: subprocess.Popen
    log: Path
    main: str
    supplement: str
    hostile: str
    extra: dict[str, str] = field(default_factory=dict)

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def url(self, path: str = "lab") -> str:
        return f"{self.base}/{path}?token={self.token}"


def _wait_ready(lab: Lab, timeout: float = 90.0) -> None:
    t0 = time.monotonic()
    while time.monotonic() - t0 < timeout:
        if lab.proc.poll() is not None:
            raise RuntimeError(f"jupyter lab exited with {lab.proc.returncode}; see {lab.log}")
        try:
            req = urllib.request.Request(f"{lab.base}/api/status", headers={"Authorization": f"token {lab.token}"})
            with urllib.request.urlopen(req, timeout=2) as resp:  # noqa: S310 - our own local server
                if resp.status == 200:
                    return
        except OSError:
            pass
        time.sleep(0.3)
    raise RuntimeError(f"jupyter lab did not answer within {timeout:.0f} s; see {lab.log}")


def _stop(proc: subprocess.Popen) -> None:
    if proc.poll() is not None:
        return
    proc.send_signal(signal.SIGTERM)  # jupyter_server shuts its kernels down on SIGTERM
    try:
        proc.wait(timeout=20)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait(timeout=10)


@pytest.fixture(scope="module")
def lab(tmp_path_factory) -> Iterator[Lab]:
    base = tmp_path_factory.mktemp("lab")
    root = base / "root"
    root.mkdir()
    main, supp = sample_pair()
    shutil.copy(main, root / main.name)
    shutil.copy(supp, root / supp.name)
    (root / "hostile").mkdir()
    shutil.copy(edge_pdf("markup-in-text.pdf"), root / "hostile" / "markup-in-text.pdf")
    # three PDFs for the dialog: a paper with its supplement, and another paper
    (root / "dialog").mkdir()
    shutil.copy(main, root / "dialog" / "alpha-main.pdf")
    shutil.copy(supp, root / "dialog" / "alpha-supplement.pdf")
    shutil.copy(edge_pdf("markup-in-text.pdf"), root / "dialog" / "beta.pdf")

    settings = base / "settings"
    (settings / "@jupyterlab" / "apputils-extension").mkdir(parents=True)
    # no news/update toasts over the screenshots
    (settings / "@jupyterlab" / "apputils-extension" / "notification.jupyterlab-settings").write_text(
        json.dumps({"fetchNews": "false", "checkForUpdates": False})
    )
    workspaces = base / "workspaces"
    workspaces.mkdir()
    ARTIFACTS.mkdir(exist_ok=True)
    log = ARTIFACTS / "jupyterlab.log"

    port = free_port()
    token = secrets.token_hex(24)
    env = dict(os.environ)
    env.update(
        {
            "JUPYTERLAB_SETTINGS_DIR": str(settings),
            "JUPYTERLAB_WORKSPACES_DIR": str(workspaces),
            "JUPYTER_RUNTIME_DIR": str(base / "runtime"),
            "PATH": str(Path(sys.executable).parent) + os.pathsep + env.get("PATH", ""),
        }
    )
    cmd = [
        sys.executable, "-m", "jupyterlab",
        "--allow-root", "--no-browser", "--ip=127.0.0.1", f"--port={port}",
        f"--IdentityProvider.token={token}",
        f"--ServerApp.root_dir={root}",
        "--ServerApp.port_retries=0",
        "--LabApp.expose_app_in_browser=True",
    ]
    with open(log, "wb") as logf:
        proc = subprocess.Popen(cmd, cwd=root, env=env, stdout=logf, stderr=subprocess.STDOUT)
    lab = Lab(root=root, port=port, token=token, proc=proc, log=log, main=main.name, supplement=supp.name,
              hostile="hostile/markup-in-text.pdf")
    try:
        _wait_ready(lab)
        yield lab
    finally:
        _stop(proc)


@pytest.fixture(scope="module")
def browser(lab):
    if not Path(CHROMIUM).exists():
        raise FileNotFoundError(f"{CHROMIUM} is missing: install Debian's chromium (apt-get install -y chromium)")
    from playwright.sync_api import sync_playwright

    pw = sync_playwright().start()
    try:
        b = pw.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        try:
            yield b
        finally:
            b.close()
    finally:
        pw.stop()


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item, call):
    outcome = yield
    rep = outcome.get_result()
    setattr(item, "rep_" + rep.when, rep)


@pytest.fixture
def page(browser, lab, request):
    context = browser.new_context(viewport={"width": 1500, "height": 1000})
    pg = context.new_page()
    pg.set_default_timeout(60_000)
    pg.dialogs = []  # every script dialog (alert/confirm/prompt) the page opened

    def on_dialog(dialog):
        if dialog.type == "beforeunload":
            dialog.accept()
            return
        pg.dialogs.append((dialog.type, dialog.message))
        dialog.dismiss()

    pg.on("dialog", on_dialog)
    console: list[str] = []  # the browser console: kept for the failure report
    pg.on("console", lambda msg: console.append(f"{msg.type}: {msg.text}"))
    pg.on("pageerror", lambda err: console.append(f"pageerror: {err}"))
    try:
        yield pg
        rep = getattr(request.node, "rep_call", None)
        if rep is not None and rep.failed:
            pg.screenshot(path=str(ARTIFACTS / f"FAILED-{request.node.name}.png"))
            (ARTIFACTS / f"FAILED-{request.node.name}.console.txt").write_text("\n".join(console), encoding="utf-8")
    finally:
        context.close()
