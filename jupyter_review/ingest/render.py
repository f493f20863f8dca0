"""Page rendering with evidence highlights (for the notebook widget and reports)."""

from __future__ import annotations

from collections.abc import Sequence

import pymupdf

from ..errors import CorruptPDFError, ReviewError, TooLargeError
from .budget import PAGE_DRAWING_BYTES, page_cost
from .open import open_pdf

MAX_RENDER_SIDE = 6000  # pixels
MAX_RENDER_PIXELS = 12_000_000  # ~36 MB of RGB


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
        if page_cost(pg).too_heavy_to_draw:
            raise TooLargeError(f"{path}: page {page} draws too much to be shown (over "
                                f"{PAGE_DRAWING_BYTES // 10**6} MB of vector code)", path=str(path))
        for bb in highlights:
            r = pymupdf.Rect(bb)
            pg.draw_rect(r, color=(0.9, 0.45, 0.0), fill=(1.0, 0.92, 0.0), fill_opacity=0.35, width=1.2, overlay=True)
        pix = pg.get_pixmap(matrix=pymupdf.Matrix(*[render_zoom(pg.rect, zoom)] * 2), alpha=False)
        return pix.tobytes("png")
    except (ReviewError, ValueError):
        raise
    except Exception as e:  # MuPDF failing to draw a damaged page
        raise CorruptPDFError(f"{path}: page {page} cannot be drawn ({e})", path=str(path)) from e
    finally:
        doc.close()


def render_zoom(rect: pymupdf.Rect, zoom: float) -> float:
    """``zoom``, lowered so that the image stays within MAX_RENDER_SIDE pixels a side and
    MAX_RENDER_PIXELS in all (a page with a giant media box would need gigabytes)."""
    w, h = max(1.0, float(rect.width)), max(1.0, float(rect.height))
    z = min(zoom, 0.99 * min(MAX_RENDER_SIDE / w, MAX_RENDER_SIDE / h, (MAX_RENDER_PIXELS / (w * h)) ** 0.5))
    return max(z, 1e-3)
