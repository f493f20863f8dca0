"""Margin line numbers of review copies are set apart from the text (issue 13: a quote that starts
"662 663 664 665 666 667 applied only on ..." is no evidence a referee can read), while a table's
index column of consecutive integers stays text."""

from __future__ import annotations

import re

import pymupdf
import pytest

from jupyter_review.pipeline import load
from tests.conftest import need_corpus


def texbench_pdf(name: str):
    return need_corpus("texbench").parent / "texbench" / "pdfs" / name


@pytest.mark.parametrize("name, phrase", [
    ("lowshot-iccv2017.pdf", "applied only on the last hidden layer"),  # ICCV review copy, numbers in both outer margins
    ("moead-gecco19.pdf", None),  # ACM review copy
])
def test_review_copy_line_numbers_stay_out_of_sentences(name, phrase):
    path = texbench_pdf(name)
    doc = load(path)
    runs = [s.text for s in doc.sentences if re.search(r"(?:\b\d{2,4}\s+){4}", s.text)
            and [int(x) for x in re.findall(r"\b\d{2,4}\b", s.text)[:4]] == list(
                range(int(re.findall(r"\b\d{2,4}\b", s.text)[0]), int(re.findall(r"\b\d{2,4}\b", s.text)[0]) + 4))]
    assert not runs, runs[:3]
    margin = [ln.text for p in doc.pages for b in p.blocks if b.kind == "margin" for ln in b.lines]
    assert sum(t.strip().isdigit() for t in margin) >= 100
    if phrase:
        hits = [s.text for s in doc.sentences if phrase in s.text]
        assert hits and not re.match(r"^\d", hits[0]), hits


def test_a_tables_index_column_is_not_taken_for_line_numbers(tmp_path):
    pdf = pymupdf.open()
    page = pdf.new_page(width=612, height=792)
    y = 72
    page.insert_text((72, y), "Results of every run, numbered in the first column of the table below.", fontsize=10)
    y += 20
    for i in range(1, 31):
        page.insert_text((72, y), str(i), fontsize=10)
        page.insert_text((120, y), f"run with seed {i * 7}", fontsize=10)
        page.insert_text((300, y), f"{50 + i / 10:.1f}", fontsize=10)
        y += 20
    path = tmp_path / "index.pdf"
    pdf.save(path)
    doc = load(path)
    assert not [b for p in doc.pages for b in p.blocks if b.kind == "margin"]


_PROSE = ("The final model was trained using all of the training set with the maximum depth set to four "
          "and the number of estimators set to twenty two based on the highest average score from the search.")


def _numbered_page(pdf, first: int, n: int, y0: float, prose_words: list[str]) -> int:
    """A page of ``n`` text lines, each with its margin line number (``first`` up), from ``y0``."""
    page = pdf.new_page(width=595, height=842)
    words = list(prose_words)
    for i in range(n):
        y = y0 + 14 * i
        page.insert_text((30, y), str(first + i), fontsize=8)
        line = " ".join(words[(i * 12) % len(words):(i * 12) % len(words) + 12])
        page.insert_text((80, y), line, fontsize=10)
    return first + n


@pytest.mark.parametrize("short", [5, 8, 12])
def test_a_short_run_that_carries_on_the_numbering_is_set_apart(tmp_path, short):
    """A page whose numbered text is cut short (an algorithm box or a table above it, neither
    numbered) still has margin line numbers where its run continues the previous page's."""
    pdf = pymupdf.open()
    words = (_PROSE + " ") * 3
    nxt = _numbered_page(pdf, 1, 50, 72, words.split())
    page = pdf.new_page(width=595, height=842)
    y = 72
    for k in range(25):  # an unnumbered block (an algorithm box) over the top of the page
        page.insert_text((88, y), f"for j = {k} to t do score = metric(Y, V)", fontsize=9)
        y += 13
    for i in range(short):
        page.insert_text((30, y + 14 * i), str(nxt + i), fontsize=8)
    page.insert_textbox(pymupdf.Rect(72, y - 10, 520, y + 14 * short), _PROSE, fontsize=10)
    path = tmp_path / "carried.pdf"
    pdf.save(path)
    doc = load(path)
    margin = [ln.text.strip() for p in doc.pages[1:] for b in p.blocks if b.kind == "margin" for ln in b.lines]
    assert [str(nxt + i) for i in range(short)] == sorted(margin, key=int)
    hits = [s.text for s in doc.sentences if s.page == 2 and "estimators" in s.text]
    assert hits and not re.search(rf"\b{nxt}\b|\b{nxt + 1}\b", hits[0]), hits


def test_a_short_run_of_integers_without_earlier_numbering_stays_text(tmp_path):
    pdf = pymupdf.open()
    page = pdf.new_page(width=595, height=842)
    page.insert_textbox(pymupdf.Rect(72, 60, 520, 200), _PROSE * 2, fontsize=10)
    for i in range(8):
        page.insert_text((30, 300 + 14 * i), str(41 + i), fontsize=8)
        page.insert_text((72, 300 + 14 * i), f"item {i} of the list", fontsize=10)
    path = tmp_path / "alone.pdf"
    pdf.save(path)
    doc = load(path)
    assert not [b for p in doc.pages for b in p.blocks if b.kind == "margin"]
