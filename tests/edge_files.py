"""The generated hostile inputs, made with PyMuPDF from a bundled paper (tests/data/papers/).

../shared/corpus/edge/ holds the same cases under the same names (its MANIFEST says
"generated edge case ... made for this corpus"): plosmed-1003873 pages 1-3, encrypted,
rotated or rendered to pictures, plus tiny files that are no PDF at all.  They are made
here again so that the tests that need them run in a fresh clone with nothing beside it.
The edge files that come from other projects (an XML file named .pdf, a Type3 font, real
scans, a 155-page guideline, ...) stay in the shared corpus and their tests skip without it.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pymupdf

PAPERS = Path(__file__).resolve().parent / "data" / "papers"
SOURCE = PAPERS / "plosmed-1003873.pdf"  # CC BY (PLOS Medicine); see tests/data/papers/LICENSES


def _pages(first: int, last: int) -> pymupdf.Document:
    """A new document holding pages first..last (1-based) of the source paper."""
    out = pymupdf.open()
    with pymupdf.open(SOURCE) as src:
        out.insert_pdf(src, from_page=first - 1, to_page=last - 1)
    return out


def _encrypted(path: Path, user_pw: str) -> None:
    doc = _pages(1, 2)
    doc.save(path, encryption=pymupdf.PDF_ENCRYPT_AES_256, owner_pw="jr-owner-password", user_pw=user_pw)
    doc.close()


def _rotated(path: Path) -> None:
    doc = _pages(1, 3)
    for page, angle in zip(doc, (0, 90, 180), strict=True):
        page.set_rotation(angle)
    doc.save(path)
    doc.close()


def _scanned(path: Path) -> None:
    """Pages 1-2 as pictures only: what a scanner without OCR gives."""
    out = pymupdf.open()
    with pymupdf.open(SOURCE) as src:
        for i in (0, 1):
            pix = src[i].get_pixmap(dpi=72)
            page = out.new_page(width=src[i].rect.width, height=src[i].rect.height)
            page.insert_image(page.rect, pixmap=pix)
    out.save(path, deflate=True)
    out.close()


def _markup(path: Path) -> None:
    doc = pymupdf.open()
    page = doc.new_page(width=595, height=842)
    page.insert_text((72, 100), "Data availability: <img src=x onerror=alert(1)> all data are on request.", fontsize=10)
    page.insert_text((72, 120), "<script>alert('xss')</script> We outperform all baselines.", fontsize=10)
    doc.save(path)
    doc.close()


def _blank(path: Path) -> None:
    doc = pymupdf.open()
    doc.new_page(width=595, height=842)
    doc.save(path)
    doc.close()


def _truncated(path: Path) -> None:
    # the first 40,000 bytes of a real PDF: a header and some objects, no page tree reachable
    path.write_bytes(SOURCE.read_bytes()[:40_000])


MAKERS: dict[str, Callable[[Path], None]] = {
    "encrypted-user-password.pdf": lambda p: _encrypted(p, "referee"),
    "encrypted-empty-user-password.pdf": lambda p: _encrypted(p, ""),
    "rotated-pages.pdf": _rotated,
    "scanned-image-only.pdf": _scanned,
    "markup-in-text.pdf": _markup,
    "blank-page.pdf": _blank,
    "truncated.pdf": _truncated,
    "zero-bytes.pdf": lambda p: p.write_bytes(b""),
    "not-a-pdf.pdf": lambda p: p.write_text("This is a plain text file, not a PDF.\n", encoding="utf-8"),
}


def make(name: str, folder: Path) -> Path:
    """Write the generated edge file ``name`` into ``folder`` (once) and return its path."""
    path = folder / name
    if not path.exists():
        tmp = folder / (name + ".part")
        MAKERS[name](tmp)
        tmp.replace(path)
    return path
