"""Hostile input generators (pymupdf and plain bytes), shared by tests/test_reliability.py
and benchmarks/reliability.py.  Every generator writes into a folder it is given."""

from __future__ import annotations

import os
from pathlib import Path

import pymupdf


def drawings_bomb(path: Path, segments: int = 320_000, *, text: str | None = None, caption: bool = False) -> Path:
    """One page drawing ``segments`` line segments (14 bytes each, deflated ~500x);
    optionally with a line of text and a table caption above the drawing."""
    doc = pymupdf.open()
    page = doc.new_page(width=612, height=792)
    if text:
        page.insert_text((72, 72), text, fontsize=10)
    if caption:
        page.insert_text((72, 100), "Table 1: Accuracy of the three methods on the test set.", fontsize=9)
        for r in range(5):
            page.insert_text((72, 120 + 14 * r), f"Method {r}    {0.5 + r / 10:.2f}    {0.6 + r / 10:.2f}    {0.7 + r / 10:.2f}",
                             fontsize=9)
    xref = doc.get_new_xref()
    doc.update_object(xref, "<<>>")
    doc.update_stream(xref, b"0.1 w\n" + b"0 0 m 1 1 l S\n" * segments, compress=True)
    old = page.get_contents()
    kids = " ".join(f"{x} 0 R" for x in old + [xref])
    doc.xref_set_key(page.xref, "Contents", f"[{kids}]")
    doc.save(str(path), deflate=False)
    doc.close()
    return path


def page_count_pdf(path: Path, count: str) -> Path:
    """A one-page PDF whose page tree claims ``/Count <count>`` pages."""
    objs = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count " + count.encode() + b" >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R"
        b" /Resources << /Font << /F1 5 0 R >> >> >>",
        b"",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    content = b"BT /F1 12 Tf 72 700 Td (A paper about counting pages in a damaged tree.) Tj ET"
    objs[3] = b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream"
    out = bytearray(b"%PDF-1.7\n")
    offsets = []
    for i, o in enumerate(objs, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % i + o + b"\nendobj\n"
    xref_at = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objs) + 1)
    for o in offsets:
        out += b"%010d 00000 n \n" % o
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objs) + 1, xref_at)
    path.write_bytes(bytes(out))
    return path


def small_paper(path: Path, pages: int = 1) -> Path:
    """A short, plain paper (enough text for the pipeline to run)."""
    doc = pymupdf.open()
    body = ("We trained the model on the public benchmark and report accuracy on the held-out test set. "
            "The code and data are available on request. ") * 3
    for i in range(pages):
        page = doc.new_page(width=612, height=792)
        if i == 0:
            page.insert_text((72, 60), "A Study of Hostile Inputs", fontsize=16)
        page.insert_textbox(pymupdf.Rect(72, 90, 540, 740), f"{i + 1}. Methods\n" + body * 4, fontsize=10)
    doc.save(str(path))
    doc.close()
    return path


def fifo_sidecar(folder: Path, stem: str = "x") -> tuple[Path, Path]:
    """``<stem>.pdf`` (a real paper) with a FIFO where its sidecar should be."""
    paper = small_paper(folder / f"{stem}.pdf")
    fifo = folder / f"{stem}.review.json"
    os.mkfifo(fifo)
    return paper, fifo
