#!/usr/bin/env bash
# The one test command (README line 2; .ci/run calls exactly this).
# Creates the venv if needed, installs the package with its test extras,
# installs Debian's chromium for the browser test if missing, then runs the
# suite as two pytest invocations (pytest-jupyter's async server fixtures and
# sync Playwright do not share one event loop).  pytest's exit code 5
# ("no tests collected") is treated as a failure.
set -euo pipefail
cd "$(dirname "$0")/.."

PY=${PYTHON:-python3}
if [ ! -x .venv/bin/python ]; then
  "$PY" -m venv .venv
fi
.venv/bin/python -m pip install -q --upgrade pip >/dev/null 2>&1 || true
.venv/bin/python -m pip install -q -e ".[dev]"

if [ ! -x /usr/bin/chromium ]; then
  if command -v apt-get >/dev/null 2>&1; then
    SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
    $SUDO apt-get update -qq >/dev/null 2>&1 || true
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium >/dev/null
  fi
fi

run_pytest() {
  set +e
  .venv/bin/python -m pytest "$@"
  local rc=$?
  set -e
  if [ $rc -eq 5 ]; then
    echo "pytest collected no tests for: $*" >&2
    exit 5
  fi
  if [ $rc -ne 0 ]; then
    exit $rc
  fi
}

# The tests run on one worker process per core (pytest-xdist; at most 4), each taking whole test
# files (--dist loadfile), so a file's module fixtures are computed once.
WORKERS=${JR_TEST_WORKERS:-$(nproc 2>/dev/null || echo 2)}
[ "$WORKERS" -gt 4 ] && WORKERS=4
run_pytest tests --ignore=tests/browser -q -n "$WORKERS" --dist loadfile
run_pytest tests/browser -q
