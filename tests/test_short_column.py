"""A short column on a page of a two-column file is still a column (reading order).

A page whose right (or left) column is short - a paper's last page, the end of a reproducibility
checklist, a conclusion ending at the top of the left column beside the acknowledgements - used
to be read as one column, line by line from the top: the short column's text was read before the
other column's lower half and landed in the wrong section (the checklist's answer on statistical
tests became a reference entry; a conclusion's last lines became acknowledgements). Whether a page
is two-column now also looks at the file around it: in a file set in two columns (most text pages,
or the neighbouring text page), a page whose text all sits in column-wide blocks on both sides is
read column by column.
"""
from __future__ import annotations

import pymupdf
import pytest

from jupyter_review.pipeline import load
from tests.conftest import corpus_pdf

WORDS = ("the method was evaluated on held out data and the results were compared with earlier "
         "work under the same settings so that the comparison is fair ").split()


def _prose(n: int, seed: int) -> str:
    return " ".join(WORDS[(i * 7 + seed) % len(WORDS)] for i in range(n)) + "."


def _section_of(doc, needle: str):
    for p in doc.paragraphs:
        if needle in " ".join(p.text.split()):
            sec = doc.sections[p.section] if p.section is not None else None
            return p, sec
    raise AssertionError(f"{needle!r} not in any paragraph")


# real pages: (file, text in the short column or after it, section kinds it must not land in)
REAL = [
    ("medheval-main.pdf", "judged using appropriate statistical tests", {"references"}),
    ("paraphrase-aaai2022.pdf", "terested in applying our proposed approaches", {"acknowledgements", "acknowledgments"}),
]


@pytest.mark.parametrize("name,needle,not_kinds", REAL, ids=[r[0] for r in REAL])
def test_real_short_column_stays_in_its_section(name, needle, not_kinds):
    res = load(corpus_pdf(name))
    doc = getattr(res, "document", res)
    para, sec = _section_of(doc, needle)
    assert para.kind == "body", (para.kind, para.text[:80])
    assert sec is not None and sec.kind not in not_kinds, (sec and sec.title, sec and sec.kind)


def _two_column_file(path, last_right_words: int):
    """Two pages in two columns; the second page's right column is short and starts at the top,
    beside a heading placed lower in the left column."""
    doc = pymupdf.open()
    for pno in range(2):
        page = doc.new_page()
        left = pymupdf.Rect(54, 60, 294, 760)
        right = pymupdf.Rect(318, 60, 558, 760)
        if pno == 0:
            page.insert_textbox(left, "1 Introduction\n" + _prose(330, 1), fontsize=9)
            page.insert_textbox(right, _prose(330, 2), fontsize=9)
        else:
            page.insert_textbox(pymupdf.Rect(54, 60, 294, 300), _prose(150, 3) + " LEFTEND", fontsize=9)
            page.insert_text((54, 330), "5 Checklist", fontsize=12)
            page.insert_textbox(pymupdf.Rect(54, 345, 294, 760), _prose(150, 4) + " CHECKLEFT", fontsize=9)
            page.insert_textbox(pymupdf.Rect(318, 60, 558, 200), "RIGHTTOP " + _prose(last_right_words, 5),
                                fontsize=9)
    doc.save(path)
    doc.close()
    return path


@pytest.mark.parametrize("right_words", [25, 60])
def test_generated_short_right_column_follows_the_left_column(tmp_path, right_words):
    res = load(_two_column_file(tmp_path / "two.pdf", right_words))
    doc = getattr(res, "document", res)
    text = " ".join(" ".join(p.text.split()) for p in doc.paragraphs)
    assert text.index("LEFTEND") < text.index("CHECKLEFT") < text.index("RIGHTTOP")
    _para, sec = _section_of(doc, "RIGHTTOP")
    assert sec is not None and "Checklist" in sec.title


def test_one_column_file_keeps_line_order(tmp_path):
    """A file set in one column: a page of two narrow side-by-side blocks is still read by height
    (its neighbours say one column), as before."""
    doc = pymupdf.open()
    page = doc.new_page()
    page.insert_textbox(pymupdf.Rect(54, 60, 558, 760), _prose(600, 1), fontsize=10)
    page = doc.new_page()
    for i in range(12):
        y = 60 + i * 40
        page.insert_text((54, y), f"Item {i} " + _prose(8, i)[:45], fontsize=10)
        page.insert_text((330, y), f"value{i}", fontsize=10)
    path = tmp_path / "one.pdf"
    doc.save(path)
    doc.close()
    res = load(path)
    d = getattr(res, "document", res)
    assert [p.columns for p in d.pages][1] == 1
