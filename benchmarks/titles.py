"""Title accuracy: the title read from page 1 against the title the publisher put in the
PDF's metadata (a gold set that needs no annotation).

Each paper whose PDF metadata holds a title is copied with the metadata removed, read with
``find_tables=False``, and the title found on page 1 is compared with the metadata title
(whitespace and case folded).  The bundled papers fimmu-2022-915001 and neurores-0022-4 were
looked at while the rule was written ("tune"); the corpus papers were not ("blind").

    .venv/bin/python benchmarks/titles.py
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path and not os.environ.get("JR_BENCH_KEEP_PATH"):
    sys.path.insert(0, str(ROOT))

import pymupdf  # noqa: E402

from jupyter_review.ingest import load_document  # noqa: E402

PAPERS = ROOT / "tests" / "data" / "papers"
CORPUS = Path(os.environ.get("JR_CORPUS", ROOT.parent / "shared" / "corpus"))
TUNE = {"fimmu-2022-915001.pdf", "neurores-0022-4.pdf"}


def norm(s: str) -> str:
    return " ".join(s.replace("\u2013", "-").replace("\u2014", "-").split()).casefold()


def candidates() -> list[Path]:
    out = {p.name: p for p in sorted(PAPERS.glob("*.pdf"))}
    for p in sorted(CORPUS.glob("*.pdf")) + sorted((CORPUS / "edge").glob("*.pdf")):
        if p.name not in out and "supplement" not in p.name and "appendix" not in p.name:
            out[p.name] = p
    return list(out.values())


def main() -> None:
    rows = {"tune": [0, 0], "blind": [0, 0]}
    with tempfile.TemporaryDirectory() as d:
        for p in candidates():
            try:
                doc = pymupdf.open(p)
                meta = (doc.metadata or {}).get("title", "") or ""
            except Exception:
                continue
            if len(meta.split()) < 2 or meta.lower().endswith((".pdf", ".docx", ".doc", ".dvi", ".tex", ".eps")):
                continue
            doc.set_metadata({})
            out = Path(d) / p.name
            doc.save(out)
            try:
                got = load_document(out, find_tables=False).files[0].title
            except Exception as e:
                got = f"<{type(e).__name__}>"
            ok = norm(got) == norm(meta)
            part = "tune" if p.name in TUNE else "blind"
            rows[part][0] += ok
            rows[part][1] += 1
            print(f"{'ok ' if ok else 'BAD'} {part:5s} {p.name[:34]:34s} {got[:90]!r}")
            if not ok:
                print(f"{'':45s} want {meta[:90]!r}")
    for part, (ok, n) in rows.items():
        print(f"{part}: {ok} / {n} titles read whole from page 1")


if __name__ == "__main__":
    main()
