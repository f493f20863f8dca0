"""A footnote number printed small and raised right after a printed link is a marker, not part of
the link: the text layer glues the two ("github.com/allenai/papermage" + raised "1" reads
"github.com/allenai/papermage1", another address).  Ingest writes such a marker in superscript
digits, so the quote still shows it and every link reader stops before it; a digit printed at the
link's own size and height is the link's own."""

from __future__ import annotations

import pymupdf
import pytest

import jupyter_review
from jupyter_review.checklist.engine import _LINK_URL
from jupyter_review.extract.data_statements import _URL
from jupyter_review.ingest import load_document
from tests.conftest import analysed, corpus_pdf


def _page(path, link: str, mark: str, *, raised: bool, small: bool, before: str = "Our code is at ") -> None:
    doc = pymupdf.open()
    page = doc.new_page()
    page.insert_text((72, 72), "A Toolkit for Documents", fontsize=14)
    x = 72 + pymupdf.get_text_length(before + link, fontsize=10)
    page.insert_text((72, 110), before + link, fontsize=10)
    page.insert_text((x, 110 - (4 if raised else 0)), mark, fontsize=6.5 if small else 10)
    page.insert_text((72, 126), "and the documentation explains how to install and run it.", fontsize=10)
    page.insert_text((72, 700), f"{mark} A note at the foot of the page.", fontsize=7)
    doc.save(path)
    doc.close()


def _lines(path) -> list[str]:
    d = load_document(path)
    return [ln.text for p in d.pages for b in p.blocks for ln in b.lines]


@pytest.mark.parametrize(
    ("link", "mark", "raised", "small", "printed", "url"),
    [
        # a raised small marker after a bare host path, a scheme link, a link ending in a slash
        ("github.com/acme/tool", "1", True, True, "github.com/acme/tool\u00b9", "github.com/acme/tool"),
        ("https://example.org/data/release", "2", True, True, "https://example.org/data/release\u00b2",
         "https://example.org/data/release"),
        ("https://acme.io/tool/", "12", True, True, "https://acme.io/tool/\u00b9\u00b2", "https://acme.io/tool/"),
        # a digit at the link's size and height is the link's own
        ("github.com/acme/tool", "2", False, False, "github.com/acme/tool2", "github.com/acme/tool2"),
    ],
    ids=["bare-host", "scheme", "slash-two-digits", "own-digit"],
)
def test_a_raised_marker_after_a_link_is_kept_apart(tmp_path, link, mark, raised, small, printed, url) -> None:
    path = tmp_path / "link.pdf"
    _page(path, link, mark, raised=raised, small=small)
    line = next(t for t in _lines(path) if "acme" in t or "example" in t)
    assert line.endswith(printed), line
    assert _LINK_URL.findall(line) == [url]
    if url.startswith("http"):
        assert _URL.findall(line) == [url]


def test_a_raised_marker_after_a_word_is_left_to_the_footnote_reader(tmp_path) -> None:
    """Only links change: "research.1" stays as the text layer reads it (the engine reads those)."""
    path = tmp_path / "word.pdf"
    _page(path, "to facilitate future research.", "1", raised=True, small=True, before="We release it ")
    line = next(t for t in _lines(path) if "research" in t)
    assert line.endswith("research.1"), line


def test_papermage_title_block_link_is_its_repository() -> None:
    """PaperMage's abstract ends on its repository with footnote 1 raised after it."""
    pdf = corpus_pdf("papermage.pdf")
    res = analysed(pdf).topics["code.availability"]
    assert res.status == "disclosed"
    first = res.evidence[0].text
    assert "github.com/allenai/papermage\u00b9" in first
    assert "github.com/allenai/papermage" in _LINK_URL.findall(first)
    assert not any(u.endswith("papermage1") for u in _LINK_URL.findall(first))
    # and nothing else of the file changed its links: every printed link is the text layer's own
    d = load_document(pdf)
    for p in d.pages:
        for b in p.blocks:
            for ln in b.lines:
                assert "\u00b9" not in ln.text or "papermage\u00b9" in ln.text, ln.text


def test_the_engine_reads_the_marker_as_a_footnote_number() -> None:
    """The superscript digit is still found as footnote 1's marker (read from the fonts)."""
    from jupyter_review.checklist.engine import _superscripts

    d = load_document(corpus_pdf("papermage.pdf"))
    marks = [m for (doc, page), ms in _superscripts(d).items() if page == 1 for m, _ in ms]
    assert "1" in marks
    assert jupyter_review  # the package imports with the change
