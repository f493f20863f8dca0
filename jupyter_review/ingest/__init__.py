"""PDF -> document model.  The only package that imports pymupdf."""

from .open import open_pdf, sha256_of
from .pdf import load_document
from .render import render_page_png

__all__ = ["load_document", "open_pdf", "render_page_png", "sha256_of"]
