"""A paragraph's short last line in a type a little larger than the body's is still the paragraph's.

Blocks are cut where a line looks like a heading (bold or larger than the body type, and short) and
its neighbour does not. A datasheet appended in 11 pt to a paper set in 10 pt has every line "larger
than the body": its paragraphs' short last lines looked like headings and were cut off ("Board, and
they responded that it did not need IRB approval." became a sentence of its own, its subject left
in the line before). Whether the line before ran on into it decides: no final punctuation, and the
next line's first word would not have fitted on it.
"""
from __future__ import annotations

import pymupdf
import pytest

from jupyter_review.pipeline import load
from tests.conftest import corpus_pdf


def _doc(path):
    res = load(path)
    return getattr(res, "document", res)


def test_real_datasheet_answer_is_one_sentence():
    doc = _doc(corpus_pdf("multi-lexsum.pdf"))
    hits = [" ".join(s.text.split()) for s in doc.sentences if "did not need IRB approval" in s.text]
    assert hits and hits[0].startswith("Schlanger explained the project"), hits


BODY = ("The method was evaluated on held out data and the results were compared with earlier work under the "
        "same settings so that the comparison is fair and complete. ") * 6


def _page(path, tail_lines, heading_after):
    doc = pymupdf.open()
    page = doc.new_page()
    page.insert_textbox(pymupdf.Rect(54, 60, 560, 300), BODY, fontsize=10, fontname="tiro")  # the body type: 10 pt
    y = 330
    for ln in tail_lines:  # an appendix paragraph in 11 pt
        page.insert_text((54, y), ln, fontsize=11, fontname="tiro")
        y += 14
    if heading_after:
        page.insert_text((54, y + 20), "Ethics Review Outcome", fontsize=11, fontname="tiro")
        page.insert_text((54, y + 36), "A board looked at the study plan and the consent forms in 2021 and raised no concerns at all "
                         "about it.", fontsize=11, fontname="tiro")
    doc.save(path)
    doc.close()
    return path


def test_generated_wrapped_line_joins_and_a_heading_still_breaks(tmp_path):
    lines = ["Our lead author explained the whole project to the staff of the University of Michigan Institutional Review",
             "Board, and they said that it did not need approval."]
    doc = _doc(_page(tmp_path / "a.pdf", lines, heading_after=True))
    sents = [" ".join(s.text.split()) for s in doc.sentences]
    assert any(s.startswith("Our lead author explained") and s.endswith("did not need approval.") for s in sents), sents
    assert any(sec.title.startswith("Ethics Review Outcome") for sec in doc.sections) or any(
        s.startswith("A board looked at") for s in sents), (sents, [x.title for x in doc.sections])


# lines the text layer set as separate blocks though the sentence runs on, the next opening with a
# capital: (file, text that must be one sentence)
RUN_ON = [
    ("dolma-v0.1.pdf", "Yes, all preprocessing software is available on GitHub at github.com/allenai/dolma and on PyPI"),
    ("papermage.pdf", "applied in succession to a single Document. See Table 1 for a summary of supported Predictors."),
    ("multi-lexsum.pdf", "licensed under the Creative Commons Attribution License (CC BY-NC), and the source documents are"),
]


@pytest.mark.parametrize("name,text", RUN_ON, ids=[r[0] for r in RUN_ON])
def test_real_sentence_runs_on_into_the_next_block(name, text):
    doc = _doc(corpus_pdf(name))
    paras = [" ".join(p.text.split()) for p in doc.paragraphs]
    assert any(text in p for p in paras), [p for p in paras if text.split()[0] in p][:3]

