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
