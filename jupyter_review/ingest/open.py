"""Opening PDFs safely: every way a file can be bad maps to one typed error."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

import pymupdf

from ..errors import (
    CorruptPDFError,
    EmptyPDFError,
    EncryptedPDFError,
    FileMissingError,
    NotAPDFError,
    TooLargeError,
)

# MuPDF repairs a little junk before the header; further than this it is not a PDF.
HEADER_WINDOW = 4096
MAX_FILE_BYTES = 1024 * 1024 * 1024  # 1 GiB
MAX_PAGES = 5000

pymupdf.TOOLS.mupdf_display_errors(False)
pymupdf.TOOLS.mupdf_display_warnings(False)
if hasattr(pymupdf, "no_recommend_layout"):
    pymupdf.no_recommend_layout()  # PyMuPDF would print an advert to stdout on the first table search


def sha256_of(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for chunk in iter(lambda: f.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def open_pdf(path: str | os.PathLike[str], password: str | None = None) -> pymupdf.Document:
    """Open ``path`` as a PDF or raise a typed :class:`IngestError`."""
    p = Path(path)
    if not p.exists():
        raise FileMissingError(f"{p}: no such file", path=str(p))
    if not p.is_file():
        raise NotAPDFError(f"{p}: is a directory, not a PDF file", path=str(p))
    size = p.stat().st_size
    if size == 0:
        raise NotAPDFError(f"{p}: the file is empty (0 bytes)", path=str(p))
    if size > MAX_FILE_BYTES:
        raise TooLargeError(f"{p}: {size / 2**20:.0f} MiB is larger than the {MAX_FILE_BYTES // 2**20} MiB limit", path=str(p))
    with open(p, "rb") as f:
        head = f.read(HEADER_WINDOW)
    if b"%PDF-" not in head:
        kind = "an XML/HTML file" if head.lstrip().startswith(b"<") else "not a PDF"
        raise NotAPDFError(f"{p}: {kind} (no %PDF header); give the paper as a PDF", path=str(p))
    try:
        doc = pymupdf.open(str(p), filetype="pdf")
    except Exception as e:  # MuPDF raises several types for broken files
        raise CorruptPDFError(f"{p}: the PDF is damaged and cannot be opened ({e})", path=str(p)) from e
    try:
        needs_pass = doc.needs_pass
    except Exception as e:  # pragma: no cover - MuPDF raising on a damaged trailer
        doc.close()
        raise CorruptPDFError(f"{p}: the PDF is damaged and cannot be opened ({e})", path=str(p)) from e
    if needs_pass:
        ok = doc.authenticate(password or "")
        if not ok:
            doc.close()
            if password:
                raise EncryptedPDFError(f"{p}: wrong password for this encrypted PDF", path=str(p))
            raise EncryptedPDFError(
                f"{p}: the PDF is encrypted; give its password (--password / password=)", path=str(p)
            )
    try:
        n = doc.page_count
    except Exception as e:  # a page tree claiming e.g. /Count 1000000000: MuPDF refuses to count it
        doc.close()
        raise CorruptPDFError(
            f"{p}: the PDF's page tree is damaged or claims an impossible number of pages ({e})", path=str(p)
        ) from e
    if n == 0:
        doc.close()
        raise EmptyPDFError(f"{p}: the PDF has no pages (truncated or damaged file)", path=str(p))
    if n > MAX_PAGES:
        doc.close()
        raise TooLargeError(f"{p}: {n} pages is more than the {MAX_PAGES}-page limit", path=str(p))
    return doc
