"""The suite runs in a fresh clone with nothing beside it: no module touches the shared corpus at
import time, tests that need it skip without it, and under CI (CI=true) its absence fails them."""

from __future__ import annotations

import os
import subprocess
import sys

from tests.conftest import ROOT


def _pytest(*args: str, ci: bool) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k not in ("CI", "JR_CORPUS", "PYTEST_ADDOPTS")}
    env["JR_CORPUS"] = str(ROOT / "no-such-corpus")
    if ci:
        env["CI"] = "true"
    return subprocess.run([sys.executable, "-m", "pytest", "-p", "no:cacheprovider", *args], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=600)


def test_every_module_collects_without_the_corpus() -> None:
    r = _pytest("tests", "--collect-only", "-q", ci=False)
    assert r.returncode == 0, r.stdout[-3000:] + r.stderr[-3000:]
    assert "error" not in r.stdout.lower().split("tests collected")[-1]
    n = int(r.stdout.strip().splitlines()[-1].split()[0])
    assert n > 400


def test_without_the_corpus_a_corpus_test_skips_but_fails_under_ci() -> None:
    needs = "tests/test_bundled_papers.py::test_the_copies_are_the_corpus_files"
    bundled = "tests/test_bundled_papers.py::test_a_few_papers_of_a_few_megabytes"
    r = _pytest(needs, bundled, "-q", "-rs", ci=False)
    assert r.returncode == 0 and "1 passed, 1 skipped" in r.stdout, r.stdout[-2000:]
    assert "needs the shared corpus" in r.stdout
    r = _pytest(needs, bundled, "-q", ci=True)
    assert r.returncode == 1 and "under CI (CI=true) the corpus must be there" in r.stdout, r.stdout[-2000:]
    assert "1 passed" in r.stdout  # the test on the bundled papers runs either way
