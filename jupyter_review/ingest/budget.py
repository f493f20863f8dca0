"""Budgets for the costly reads of a PDF: bounded time and memory on any file.

Reading a page's text is cheap; three reads are not, and each grows with what a page
draws rather than with what it says: the vector drawings (``get_drawings``), the table
search (word geometry, drawn rules, pymupdf's grid finder) and OCR (a rendering).  A
crafted page of two million line segments costs gigabytes in ``get_drawings``; a real
paper's figure drawn with a hundred thousand paths costs seconds in the grid finder.

So before any costly read the page's drawing code is *measured* with a capped read:
the content streams and form XObjects are inflated with a bounded ``zlib`` window
(never more than ``cap`` bytes, whatever the compression ratio), and path operators
are counted in that window.  A page over budget is read in a degraded way (its text
only) and the analysis says so in a warning.  Per document, the table search has a
CPU-time budget (``time.thread_time``: the work of this analysis, not the machine's
load); once spent, the remaining pages keep their text but are not searched for tables.
"""

from __future__ import annotations

import re
import time
import zlib
from dataclasses import dataclass, field
from typing import Any

# a page whose drawing code is larger than this is not parsed into drawings, searched
# for drawn grids nor rendered for OCR (a dense plot is ~0.5-3 MB; the line bomb, 28 MB)
PAGE_DRAWING_BYTES = 4_000_000
# a page whose drawing code is larger than this is not read at all (MuPDF would interpret
# every operator just to find the text): it is skipped with a warning
PAGE_READ_BYTES = 64_000_000
# the window in which path operators are counted for the scanned-page test
PATH_SCAN_BYTES = 256 * 1024
# CPU seconds of table search for one file, and for one page
DOC_TABLE_SECONDS = 12.0
PAGE_TABLE_SECONDS = 3.0

_PATH_OP = re.compile(rb"(?<![A-Za-z0-9_*'\"])(?:re|l|c|v|y)(?=[\s\[\]/()<>%]|$)")
_INLINE_IMAGE = re.compile(rb"(?<![A-Za-z0-9_*'\"])BI(?=[\s/])")
_DO_OP = re.compile(rb"(?<![A-Za-z0-9_*'\"])Do(?=[\s\[\]/()<>%]|$)")
_PAINT_OP = re.compile(rb"(?<![A-Za-z0-9_*'\"])(?:S|s|f\*?|F|B\*?|b\*?)(?=[\s\[\]/()<>%]|$)")


_FLATE = ("/FlateDecode", "/Fl", "[/FlateDecode]", "[/Fl]")


def _inflate_chunks(raw: bytes, cap: int, chunk: int = 1 << 20) -> Any:
    """A Flate stream decoded piece by piece, up to ``cap`` (+1) bytes; a corrupt stream ends early."""
    d = zlib.decompressobj()
    data = raw
    n = 0
    try:
        while n <= cap:
            out = d.decompress(data, min(chunk, cap + 1 - n))
            if not out:
                break
            n += len(out)
            yield out
            data = d.unconsumed_tail
            if not data and d.eof:
                break
    except zlib.error:
        return


def _inflated_size(doc: Any, xref: int, cap: int) -> tuple[int, bytes]:
    """Size of one stream once decoded, counted up to ``cap`` (+1), and its first bytes."""
    try:
        filt = str(doc.xref_get_key(xref, "Filter")[1] or "")
    except Exception:
        filt = ""
    if filt in ("null", ""):
        raw = doc.xref_stream_raw(xref) or b""
        return min(len(raw), cap + 1), raw[:PATH_SCAN_BYTES]
    if filt in _FLATE:
        head = b""
        n = 0
        for out in _inflate_chunks(doc.xref_stream_raw(xref) or b"", cap):
            if not head:
                head = out[:PATH_SCAN_BYTES]
            n += len(out)
        return min(n, cap + 1), head
    # another filter (rare for content streams): compressed size, and MuPDF decodes only small ones
    raw_len = len(doc.xref_stream_raw(xref) or b"")
    if raw_len * 4 > cap:
        return cap + 1, b""
    data = doc.xref_stream(xref) or b""
    return min(len(data), cap + 1), data[:PATH_SCAN_BYTES]


@dataclass
class PageCost:
    """What a page draws, measured with bounded reads."""

    drawing_bytes: int = 0  # decoded content + form XObjects, capped at the read limit + 1
    path_ops: int = 0  # path construction operators in the scanned window
    paints: int = 0  # path painting operators in the scanned window
    forms: int = 0
    inline_images: int = 0  # inline images (BI ... EI) in the scanned window

    @property
    def has_paths(self) -> bool:
        return (self.path_ops > 0 and self.paints > 0) or self.forms > 0

    @property
    def too_heavy_to_draw(self) -> bool:
        return self.drawing_bytes > PAGE_DRAWING_BYTES

    @property
    def too_heavy_to_read(self) -> bool:
        return self.drawing_bytes > PAGE_READ_BYTES


def page_cost(pg: Any, cap: int = PAGE_READ_BYTES) -> PageCost:
    """The page's drawing code measured without interpreting it (bounded time and memory)."""
    cost = PageCost()
    try:
        doc = pg.parent
        xrefs = list(pg.get_contents())
        forms = [x[0] for x in pg.get_xobjects()]
    except Exception:
        return cost
    cost.forms = len(forms)
    heads: list[bytes] = []
    held = 0
    for x in xrefs + forms:
        if cost.drawing_bytes > cap:
            break
        try:
            n, head = _inflated_size(doc, x, cap - cost.drawing_bytes)
        except Exception:
            continue
        cost.drawing_bytes += n
        if held < PATH_SCAN_BYTES:
            heads.append(head)
            held += len(head)
    window = b"\n".join(heads)[:PATH_SCAN_BYTES]
    cost.path_ops = len(_PATH_OP.findall(window))
    cost.paints = len(_PAINT_OP.findall(window))
    cost.inline_images = len(_INLINE_IMAGE.findall(window)) if b"BI" in window else 0
    return cost


def paint_count(pg: Any, cap: int = PAGE_DRAWING_BYTES) -> int | None:
    """How many paths the page paints: its path-painting operators and the forms it paints
    (``Do``: a plot's markers are often one small form painted thousands of times), counted in
    its decoded drawing code up to ``cap`` bytes; None beyond that. What interpreting a page into drawings costs
    follows the number of paths, not the bytes: one vector logo repeated in every page header
    is a megabyte of drawing code in two thousand paths (kimi-linear: 0.05 s to list), where a
    dense scatter plot of the same size is fifty thousand (moonlight p. 17: 2 s)."""
    try:
        doc = pg.parent
        xrefs = list(pg.get_contents()) + [x[0] for x in pg.get_xobjects()]
    except Exception:
        return None
    seen = 0
    paints = 0
    for x in xrefs:
        try:
            filt = str(doc.xref_get_key(x, "Filter")[1] or "")
            raw = doc.xref_stream_raw(x) or b""
        except Exception:
            continue
        if filt in ("null", ""):
            chunks = [raw]
        elif filt in _FLATE:
            chunks = _inflate_chunks(raw, cap - seen)
        else:
            return None
        tail = b""
        for out in chunks:
            seen += len(out)
            if seen > cap:
                return None
            data = tail + out
            cut = max(0, len(data) - 16)
            paints += len(_PAINT_OP.findall(data, 0, cut)) + len(_DO_OP.findall(data, 0, cut))
            tail = data[cut:]
        paints += len(_PAINT_OP.findall(tail)) + len(_DO_OP.findall(tail))
    return paints


@dataclass
class Budget:
    """The CPU time left for the costly reads of one file, and what was skipped."""

    table_seconds: float = DOC_TABLE_SECONDS
    page_table_seconds: float = PAGE_TABLE_SECONDS
    spent: float = 0.0
    read: float = 0.0  # CPU seconds the file's text took to read
    figures: float = 0.0  # CPU seconds spent reading pages' painted boxes for figure text
    figure_bytes: int = 0  # drawing code of the pages read for figure text (the limit is in bytes)
    degraded: list[tuple[int, str]] = field(default_factory=list)  # (page, why)

    def tables_left(self) -> bool:
        return self.spent < self.table_seconds

    def page_deadline(self) -> float:
        """``time.thread_time()`` value after which one page's table search stops."""
        return time.thread_time() + min(self.page_table_seconds, max(0.0, self.table_seconds - self.spent))

    def note(self, page: int, why: str) -> None:
        self.degraded.append((page, why))

    def warnings(self, name: str) -> list[str]:
        """One warning per reason, naming the pages read in a degraded way."""
        by: dict[str, list[int]] = {}
        for page, why in self.degraded:
            by.setdefault(why, [])
            if page not in by[why]:
                by[why].append(page)
        out = []
        for why, pages in by.items():
            which = f"page {pages[0]}" if len(pages) == 1 else "pages " + ", ".join(str(p) for p in pages[:20])
            if len(pages) > 20:
                which += f" and {len(pages) - 20} more"
            out.append(f"{name}: {which} read in a degraded way (budget): {why}")
        return out


def thread_clock() -> float:
    return time.thread_time()


# pages whose compressed drawing code is larger than this are measured (inflated, capped)
# before MuPDF reads them; smaller ones cannot hide enough work to matter
QUICK_RAW_BYTES = 16_000


def raw_size(pg: Any) -> int:
    """Compressed size of the page's content streams and form XObjects (from /Length)."""
    n = 0
    try:
        doc = pg.parent
        for x in list(pg.get_contents()) + [f[0] for f in pg.get_xobjects()]:
            k = doc.xref_get_key(x, "Length")
            if k[0] == "int":
                n += int(k[1])
            else:  # an indirect or missing length: measure the stream itself
                n += len(doc.xref_stream_raw(x) or b"")
    except Exception:
        return 0
    return n


def quick_cost(pg: Any) -> PageCost | None:
    """The page's cost when it may be large (None: too small to matter)."""
    if raw_size(pg) <= QUICK_RAW_BYTES:
        return None
    return page_cost(pg)
