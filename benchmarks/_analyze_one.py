"""Child of benchmarks/reliability.py: analyse one PDF and print one JSON line."""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))


def main() -> None:
    import jupyter_review as jr
    from jupyter_review.errors import ReviewError

    t = time.perf_counter()
    out: dict = {"file": sys.argv[1]}
    try:
        a = jr.analyze(sys.argv[1])
        out.update(ok=True, pages=sum(f.pages for f in a.document.files),
                   degraded=[w for w in a.document.warnings if "budget" in w or "degraded" in w][:3])
    except ReviewError as e:
        out.update(ok=True, error=e.one_line())
    out["seconds"] = round(time.perf_counter() - t, 2)
    print(json.dumps(out), flush=True)


if __name__ == "__main__":
    main()
