"""Reliability under hostile inputs (issue 16): bounded costly reads, typed errors for
every outside failure, a server that never freezes, sidecars that never lose a note.

The generators live in tests/hostile.py (shared with benchmarks/reliability.py, which
prints tried / failed-safe / failed-unsafe per category).  Speed and memory figures are
the benchmark's business; these tests check the mechanisms (what is never called, what
is raised, what is on disk)."""

from __future__ import annotations

import signal
from contextlib import contextmanager
from pathlib import Path

import pymupdf
import pytest

from jupyter_review.errors import CorruptPDFError, EmptyPDFError, NoTextLayerError, ReviewError
from jupyter_review.ingest import budget as B
from jupyter_review.ingest import tables as T
from tests import hostile


@contextmanager
def deadline(seconds: float):
    """Fail (instead of hanging the suite) when the block runs longer than ``seconds``."""

    def boom(*_a):
        raise TimeoutError(f"still running after {seconds} s")

    old = signal.signal(signal.SIGALRM, boom)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, old)


# -- budgets for the costly reads -------------------------------------------------------------


def test_page_cost_is_measured_with_a_capped_read(tmp_path: Path) -> None:
    pdf = hostile.drawings_bomb(tmp_path / "bomb.pdf", segments=400_000)
    with pymupdf.open(pdf) as doc:
        page = doc[0]
        cost = B.page_cost(page, cap=1_000_000)
        # 400k segments are 5.6 MB of drawing code; the capped read stops just past 1 MB
        assert cost.drawing_bytes == 1_000_001
        assert cost.has_paths and cost.path_ops > 1000
        full = B.page_cost(page)
        assert full.drawing_bytes == len(page.read_contents())
        assert full.too_heavy_to_draw and not full.too_heavy_to_read
    with pymupdf.open(hostile.small_paper(tmp_path / "p.pdf")) as doc:
        assert not B.page_cost(doc[0]).too_heavy_to_draw
        assert B.quick_cost(doc[0]) is None  # small pages are not even inflated


def test_textless_bomb_page_never_lists_its_drawings(tmp_path: Path, monkeypatch) -> None:
    """The scanned-page check used get_drawings() on every textless page (3 GB, 80 s on a
    2,000,000-segment page); now it counts path operators in a bounded window."""
    from jupyter_review.ingest import load_document

    def refuse(self, *a, **k):
        raise AssertionError("get_drawings called on a page over the drawing budget")

    monkeypatch.setattr(pymupdf.Page, "get_drawings", refuse)
    monkeypatch.setattr(pymupdf.Page, "get_cdrawings", refuse)
    pdf = hostile.drawings_bomb(tmp_path / "bomb.pdf", segments=320_000)
    with deadline(60), pytest.raises(NoTextLayerError) as err:
        load_document(pdf)
    assert err.value.code == "JR106" and "images" in err.value.message


def test_bomb_figure_beside_a_table_never_lists_its_drawings(tmp_path: Path, monkeypatch) -> None:
    from jupyter_review.ingest import load_document

    calls = []
    real = pymupdf.Page.get_cdrawings

    def counted(self, *a, **k):
        calls.append(self.number)
        return real(self, *a, **k)

    monkeypatch.setattr(pymupdf.Page, "get_cdrawings", counted)
    pdf = hostile.drawings_bomb(tmp_path / "fig.pdf", segments=320_000, text="Results of the study", caption=True)
    with deadline(60):
        doc = load_document(pdf)
    assert calls == []  # neither the rules nor the grid finder listed 320k drawings
    assert doc.pages[0].has_text and doc.captions


def test_page_over_the_read_budget_is_skipped_with_a_warning(tmp_path: Path, monkeypatch) -> None:
    """A page whose drawing code is over the read limit is not interpreted at all; the
    other pages are read and the analysis names the degraded page."""
    from jupyter_review.ingest import load_document

    monkeypatch.setattr(B, "PAGE_READ_BYTES", 1_000_000)  # the 64 MB limit, scaled to a small bomb
    monkeypatch.setattr(B, "QUICK_RAW_BYTES", 1_000)
    paper = hostile.small_paper(tmp_path / "paper.pdf", pages=2)
    bomb = hostile.drawings_bomb(tmp_path / "bomb.pdf", segments=200_000)
    with pymupdf.open(paper) as d, pymupdf.open(bomb) as b:
        d.insert_pdf(b)
        d.save(tmp_path / "mixed.pdf")
    with deadline(60):
        doc = load_document(tmp_path / "mixed.pdf")
    assert [p.has_text for p in doc.pages] == [True, True, False]
    degraded = [w for w in doc.warnings if "degraded" in w]
    assert degraded and degraded[0].startswith("mixed.pdf: page 3 read in a degraded way (budget)"), doc.warnings


def test_table_search_budget_stops_and_says_so(tmp_path: Path) -> None:
    budget = B.Budget(table_seconds=0.0)
    assert not budget.tables_left()
    budget.note(3, "table search budget of 0 CPU s spent: not searched")
    budget.note(4, "table search budget of 0 CPU s spent: not searched")
    [w] = budget.warnings("x.pdf")
    assert w.startswith("x.pdf: pages 3, 4 read in a degraded way (budget)")


def test_uncaptioned_table_search_always_moves_on() -> None:
    """A seed row inside a caption's box grows only upwards; restarting at it looped for
    ever (the review copies with margin line numbers, e.g. lowshot-iccv2017, ran > 300 s)."""
    ws = []
    for r in range(5):
        y = 100 + 14 * r
        for c, x in enumerate((72, 200, 300, 400)):
            text = f"{r}.{c}5" if c else f"row{r}"
            ws.append(T.W(x, y, x + 30, y + 9, text))
    caption_box = (60, 100 + 14 * 4 - 2, 500, 100 + 14 * 4 + 11)  # the last numeric row sits in it
    with deadline(10):
        regions = T._uncaptioned(ws, 612, 9.0, [caption_box])
    assert 1 <= len(regions) <= 2
    assert all(len(r.rows) >= 3 for r in regions)


def test_real_review_copy_with_line_numbers_is_read(tmp_path: Path) -> None:
    from tests.conftest import CORPUS

    pdf = CORPUS.parent / "texbench" / "pdfs" / "lowshot-iccv2017.pdf"
    if not pdf.exists():
        pytest.skip("../shared/texbench is not beside the clone")
    from jupyter_review.ingest import load_document

    with deadline(120):
        doc = load_document(pdf)
    assert len(doc.pages) == 8 and doc.sections


@pytest.mark.parametrize("count", ["1000000000", "-5", "99999999999999999999"])
def test_impossible_page_counts_are_typed_errors(tmp_path: Path, count: str) -> None:
    from jupyter_review.ingest.open import open_pdf

    pdf = hostile.page_count_pdf(tmp_path / "count.pdf", count)
    with pytest.raises((CorruptPDFError, EmptyPDFError)) as err:
        open_pdf(pdf)
    assert isinstance(err.value, ReviewError) and err.value.code in ("JR103", "JR105")
