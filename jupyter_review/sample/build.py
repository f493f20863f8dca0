"""Build the bundled sample manuscript (``main.pdf`` and ``supplement.pdf``) from its
HTML + CSS source in ``src/``.

    python -m jupyter_review.sample.build            # rebuild both PDFs in place
    python -m jupyter_review.sample.build --out DIR  # write them somewhere else
    python -m jupyter_review.sample.build --png DIR  # also render every page to PNG

The source files are ordinary HTML fragments laid out with PyMuPDF's Story API.
Layout is steered by HTML comments placed between top-level elements:

    <!-- layout: one -->   following content runs in one full-width column
    <!-- layout: two -->   following content runs in two balanced columns
    <!-- page-break -->    start a new page

Running headers, page numbers and document metadata are added afterwards, and the
file is saved with fixed dates and a fixed file identifier, so a rebuild gives the
same bytes.
"""

from __future__ import annotations

import argparse
import hashlib
import io
import re
from dataclasses import dataclass, field
from pathlib import Path

import pymupdf

HERE = Path(__file__).resolve().parent
SRC = HERE / "src"

PAGE = pymupdf.paper_rect("letter")  # 612 x 792 pt
MARGIN_X = 66.0
MARGIN_TOP = 64.0
MARGIN_BOTTOM = 66.0
GUTTER = 20.0  # space between the two columns
SEGMENT_GAP = 6.0
MIN_SPACE = 48.0  # a segment does not start in less vertical space than this  # vertical space between consecutive layout segments on one page
FIXED_DATE = "D:20250314120000Z"


@dataclass
class DocSpec:
    source: str  # html file in src/
    output: str  # pdf file name
    header: str  # running header (pages >= first_header_page)
    first_header_page: int
    page_label: str  # format for the page number, e.g. "{n}" or "S{n}"
    first_page_note: str
    metadata: dict[str, str] = field(default_factory=dict)


TITLE = "Stratus-R: Verifier-Weighted Policy Optimisation for Multi-Step Reasoning in Small Language Models"
AUTHORS = "Liesl Varga-Mendes, Tomasz Obi-Halvorsen, Priya Anand-Kessler, Ruairi Delacroix-Nakamura"

SPECS = [
    DocSpec(
        source="main.html",
        output="main.pdf",
        header="Stratus-R: Verifier-Weighted Policy Optimisation for Multi-Step Reasoning",
        first_header_page=2,
        page_label="{n}",
        first_page_note="Preprint. Under review.",
        metadata={
            "title": TITLE,
            "author": AUTHORS,
            "subject": "Fictional sample manuscript bundled with jupyter-review",
            "keywords": "reasoning, reinforcement learning, verifiers, language models",
        },
    ),
    DocSpec(
        source="supplement.html",
        output="supplement.pdf",
        header="Stratus-R - Supplementary Material",
        first_header_page=2,
        page_label="S{n}",
        first_page_note="Supplementary material. Preprint. Under review.",
        metadata={
            "title": "Supplementary Material: " + TITLE,
            "author": AUTHORS,
            "subject": "Fictional sample manuscript bundled with jupyter-review (supplement)",
            "keywords": "reasoning, reinforcement learning, verifiers, language models",
        },
    ),
]

_MARKER = re.compile(r"<!--\s*(layout:\s*(?:one|two)|page-break)\s*-->")


@dataclass
class Segment:
    html: str
    columns: int
    new_page: bool


def split_segments(html: str) -> list[Segment]:
    """Cut the source at layout markers into segments of one or two columns."""
    body = re.search(r"<body[^>]*>(.*)</body>", html, re.S)
    text = body.group(1) if body else html
    segs: list[Segment] = []
    columns, new_page = 1, False
    pos = 0
    for m in _MARKER.finditer(text):
        chunk = text[pos : m.start()]
        if chunk.strip():
            segs.append(Segment(chunk, columns, new_page))
            new_page = False
        tag = m.group(1).replace(" ", "")
        if tag == "page-break":
            new_page = True
        else:
            columns = 2 if tag.endswith("two") else 1
        pos = m.end()
    chunk = text[pos:]
    if chunk.strip():
        segs.append(Segment(chunk, columns, new_page))
    return segs


class Layout:
    """Places segments on pages; each page is a list of (segment index, rect) slots."""

    def __init__(self) -> None:
        self.left = MARGIN_X
        self.right = PAGE.width - MARGIN_X
        self.top = MARGIN_TOP
        self.bottom = PAGE.height - MARGIN_BOTTOM
        self.pages: list[list[tuple[int, pymupdf.Rect]]] = [[]]
        self.y = self.top

    def new_page(self) -> None:
        self.pages.append([])
        self.y = self.top

    def _cols(self, y0: float, y1: float) -> list[pymupdf.Rect]:
        mid = (self.left + self.right) / 2
        return [
            pymupdf.Rect(self.left, y0, mid - GUTTER / 2, y1),
            pymupdf.Rect(mid + GUTTER / 2, y0, self.right, y1),
        ]

    def add(self, index: int, seg: Segment, css: str) -> None:
        if seg.new_page and self.pages[-1]:
            self.new_page()
        story = pymupdf.Story(html=seg.html, user_css=css, archive=_archive())
        if seg.columns == 1:
            self._add_one(index, story)
        else:
            self._add_two(index, story)

    def _add_one(self, index: int, story: pymupdf.Story) -> None:
        # MuPDF draws nothing on the next page after a placement in which nothing
        # fitted, so never offer a sliver of a page.
        if self.bottom - self.y < MIN_SPACE and self.pages[-1]:
            self.new_page()
        while True:
            rect = pymupdf.Rect(self.left, self.y, self.right, self.bottom)
            more, filled = story.place(rect)
            story.draw(None)  # advances the story without drawing
            self.pages[-1].append((index, rect))
            if not more:
                self.y = filled[3] + SEGMENT_GAP
                return
            self.new_page()

    def _add_two(self, index: int, story: pymupdf.Story) -> None:
        # First pass: how many full pages of two columns before the last one?
        if self.bottom - self.y < 3 * MIN_SPACE and self.pages[-1]:
            self.new_page()
        full: list[list[pymupdf.Rect]] = []
        y0 = self.y
        while True:
            cols = self._cols(y0, self.bottom)
            more = 1
            for r in cols:
                more, _ = story.place(r)
                story.draw(None)
                if not more:
                    break
            if not more:
                break
            full.append(cols)
            y0 = self.top
        # Balance the last page: the smallest height that still takes everything.
        lo, hi = 10.0, self.bottom - y0
        while hi - lo > 0.5:
            h = (lo + hi) / 2
            if self._fits(story, full, y0, h):
                hi = h
            else:
                lo = h
        height = hi
        for cols in full:
            for r in cols:
                self.pages[-1].append((index, r))
            self.new_page()
        y0 = self.y
        last = self._cols(y0, y0 + height)
        for r in last:
            self.pages[-1].append((index, r))
        self.y = y0 + height + SEGMENT_GAP

    def _fits(self, story: pymupdf.Story, full: list[list[pymupdf.Rect]], y0: float, h: float) -> bool:
        story.reset()
        for cols in full:
            for r in cols:
                story.place(r)
                story.draw(None)
        more = 1
        for r in self._cols(y0, y0 + h):
            more, _ = story.place(r)
            story.draw(None)
            if not more:
                return True
        return False


def _archive() -> pymupdf.Archive:
    """Images referenced by the HTML (``<img src="fig1.svg">``) are read from src/."""
    return pymupdf.Archive(str(SRC))


def _source_digest(spec: DocSpec) -> str:
    h = hashlib.md5(usedforsecurity=False)
    for name in ("style.css", spec.source, *sorted(p.name for p in SRC.glob("*.svg"))):
        h.update(name.encode("utf-8"))
        h.update((SRC / name).read_bytes())
    return h.hexdigest().upper()


def _render(html: str, css: str) -> bytes:
    segs = split_segments(html)
    layout = Layout()
    for i, seg in enumerate(segs):
        layout.add(i, seg, css)
    # Draw: each segment gets a fresh story, fed its rects in page order.
    stories = [pymupdf.Story(html=s.html, user_css=css, archive=_archive()) for s in segs]
    buf = io.BytesIO()
    writer = pymupdf.DocumentWriter(buf)
    for slots in layout.pages:
        dev = writer.begin_page(PAGE)
        for index, rect in slots:
            stories[index].place(rect)
            stories[index].draw(dev)
        writer.end_page()
    writer.close()
    return buf.getvalue()


def _decorate(pdf: pymupdf.Document, spec: DocSpec) -> None:
    """Running header, page numbers and the first-page note."""
    for page in pdf:
        n = page.number + 1
        w = page.rect.width
        if n >= spec.first_header_page:
            size = 8.0
            tw = pymupdf.get_text_length(spec.header, fontname="helv", fontsize=size)
            page.insert_text(((w - tw) / 2, 40.0), spec.header, fontname="helv", fontsize=size)
            page.draw_line((MARGIN_X, 46.0), (w - MARGIN_X, 46.0), width=0.4)
        else:
            size = 8.0
            note = spec.first_page_note
            page.insert_text((MARGIN_X, PAGE.height - 40.0), note, fontname="helv", fontsize=size)
        label = spec.page_label.format(n=n)
        size = 9.0
        tw = pymupdf.get_text_length(label, fontname="tiro", fontsize=size)
        page.insert_text(((w - tw) / 2, PAGE.height - 28.0), label, fontname="tiro", fontsize=size)


def build_one(spec: DocSpec, out_dir: Path) -> Path:
    css = (SRC / "style.css").read_text(encoding="utf-8")
    html = (SRC / spec.source).read_text(encoding="utf-8")
    raw = _render(html, css)
    pdf = pymupdf.open("pdf", raw)
    _decorate(pdf, spec)
    pdf.subset_fonts()
    meta = dict(spec.metadata)
    meta.update(
        {
            "creator": "jupyter_review.sample.build (PyMuPDF Story)",
            "producer": "PyMuPDF",
            "creationDate": FIXED_DATE,
            "modDate": FIXED_DATE,
        }
    )
    pdf.set_metadata(meta)
    # a fixed file identifier derived from the source, so rebuilds are byte-identical
    digest = _source_digest(spec)
    pdf.xref_set_key(-1, "ID", f"[<{digest}><{digest}>]")
    out_dir.mkdir(parents=True, exist_ok=True)
    path = out_dir / spec.output
    data = pdf.tobytes(garbage=4, deflate=True, no_new_id=True)
    pdf.close()
    path.write_bytes(data)
    return path


def build(out_dir: Path | None = None) -> list[Path]:
    """Build both PDFs into ``out_dir`` (default: this package folder)."""
    target = Path(out_dir) if out_dir is not None else HERE
    return [build_one(spec, target) for spec in SPECS]


def render_png(paths: list[Path], png_dir: Path, dpi: int = 80) -> None:
    png_dir.mkdir(parents=True, exist_ok=True)
    for path in paths:
        with pymupdf.open(path) as pdf:
            for page in pdf:
                page.get_pixmap(dpi=dpi).save(png_dir / f"{path.stem}-{page.number + 1}.png")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(
        prog="python -m jupyter_review.sample.build", description=__doc__.split("\n\n")[0]
    )
    ap.add_argument("--out", type=Path, default=None, help="output folder (default: the package folder)")
    ap.add_argument("--png", type=Path, default=None, help="also render every page to PNG in this folder")
    args = ap.parse_args(argv)
    paths = build(args.out)
    for p in paths:
        with pymupdf.open(p) as pdf:
            print(f"{p}: {pdf.page_count} pages")
    if args.png:
        render_png(paths, args.png)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
