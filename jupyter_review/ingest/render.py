"""Page rendering with evidence highlights (for the notebook widget and reports)."""

from __future__ import annotations

from collections.abc import Sequence

import pymupdf

from .open import open_pdf


def render_page_png(
    path: str,
    page: int,
    highlights: Sequence[tuple[float, float, float, float]] = (),
    *,
    zoom: float = 1.5,
    password: str | None = None,
) -> bytes:
    """PNG bytes of 1-based ``page`` with each evidence bbox highlighted.

    Boxes are in the unrotated page's coordinates (the document model's convention),
    which is what PyMuPDF's drawing methods take; the page is rendered as displayed.
    They are drawn on an in-memory copy of the page, which is never saved.
    """
    doc = open_pdf(path, password)
    try:
        if not 1 <= page <= doc.page_count:
            raise ValueError(f"page {page} is outside 1..{doc.page_count}")
        pg = doc.load_page(page - 1)
        for bb in highlights:
            r = pymupdf.Rect(bb)
            pg.draw_rect(r, color=(0.9, 0.45, 0.0), fill=(1.0, 0.92, 0.0), fill_opacity=0.35, width=1.2, overlay=True)
        pix = pg.get_pixmap(matrix=pymupdf.Matrix(zoom, zoom), alpha=False)
        return pix.tobytes("png")
    finally:
        doc.close()
