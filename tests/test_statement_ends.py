"""Issue 15: where a back-matter statement ends, by typography (ingest/pdf.py ``_end_statements``).

A statement ("Competing interests", "Funding", "Data availability") is a heading and a paragraph
or two, never a parent of subsections: the next heading of any level ends it, and so does a
later page whose text is set in another type size (the figure and table pages a preprint puts
after its back matter). A statement that runs on to the next page in its own type goes on.
"""

from __future__ import annotations

import pymupdf
import pytest

import jupyter_review as jr
from tests.conftest import analysed, corpus_pdf


def _sections(a, kind):
    return [s for s in a.document.sections if s.doc == 0 and s.kind == kind]


def _sentences_of(a, sec):
    i = a.document.sections.index(sec)
    return [s for s in a.document.sentences if s.section == i]


def test_crisprverse_competing_interests_end_before_the_figure_pages():
    """crisprVerse: "Competing interests" is the last heading on p. 22; pp. 23-30 are figure and
    table pages (small type, a DNA sequence in large type read as a heading)."""
    a = analysed(corpus_pdf("crisprverse-main.pdf"))
    (sec,) = _sections(a, "conflicts")
    assert (sec.page, sec.page_end) == (22, 22)
    sents = _sentences_of(a, sec)
    assert sents and all(s.page == 22 for s in sents), [(s.page, s.text[:60]) for s in sents]
    assert any("declare no competing interests" in s.text for s in sents)
    res = a.topics["accountability.conflicts"]
    assert res.status == "disclosed" and all(e.page == 22 for e in res.evidence if e.doc == 0), res.evidence


BODY = ["We train a neural network on the benchmark and report accuracy on the test split for all runs.",
        "The results show a clear improvement over the baseline on every dataset that we considered."]


def _paper(tmp_path, next_page: list[tuple[str, float, bool]]):
    """Page 1: a title, an introduction, then "Funding" with its statement; page 2: the given
    lines (text, size, bold)."""
    doc = pymupdf.open()
    page = doc.new_page()
    page.insert_text((72, 72), "A Study of Something", fontsize=16, fontname="hebo")
    page.insert_text((72, 110), "Introduction", fontsize=13, fontname="hebo")
    y = 130
    for t in BODY:
        page.insert_text((72, y), t, fontsize=10)
        y += 14
    page.insert_text((72, 700), "Funding", fontsize=13, fontname="hebo")
    page.insert_text((72, 720), "This work was funded by the Acme Foundation under grant 12345 to the first author.", fontsize=10)
    page.insert_text((72, 734), "The funder had no role in the design of the study or the decision to publish.", fontsize=10)
    page = doc.new_page()
    y = 80
    for text, size, bold in next_page:
        page.insert_text((72, y), text, fontsize=size, fontname="hebo" if bold else "helv")
        y += size * 1.6
    path = tmp_path / "statement.pdf"
    doc.save(path)
    return path


CASES = [
    ("figure page in small type", [("Cut site PAM site protospacer target strand", 6.5, False),
                                   ("Log fold change relative to the control guides in the screen", 6.5, False),
                                   ("Figure 1. Overview of the design of the guides for the screen.", 8.0, False)], 1),
    ("a lower-level heading after it", [("Supplementary figure notes", 11.0, True),
                                        ("The panels show the guides designed for each of the genes in the study.", 10.0, False)], 1),
    ("the statement runs on in its own type", [("The second funder, the Beta Trust, paid for the sequencing of all of the samples.", 10.0, False),
                                               ("No other funding was received for this work by any of the authors.", 10.0, False)], 2),
]


@pytest.mark.parametrize(("form", "lines", "last_page"), CASES, ids=[c[0] for c in CASES])
def test_statement_section_ends_by_typography(tmp_path, form, lines, last_page):
    a = jr.analyze(_paper(tmp_path, lines))
    (sec,) = _sections(a, "funding")
    assert sec.page == 1 and sec.page_end == last_page, (form, sec)
    pages = {s.page for s in _sentences_of(a, sec)}
    assert pages == set(range(1, last_page + 1)), (form, pages)
    assert not any(s.kind == "funding" for s in a.document.sections if s.page == 2), form
