"""Text that belongs to a figure (axis ticks and titles, legends, labels in a diagram) is set apart
from the sentences (issue 13: "0k 30k 60k 90k 120k Iterations" ran into a sentence that the
checklist then quoted), while the prose beside a figure, captions, and prose in a shaded box stay."""

from __future__ import annotations

import re

import pymupdf
import pytest

from jupyter_review.pipeline import load
from tests.conftest import corpus_pdf

PARAGRAPH = ("We train the model with a batch size of 256 sequences for 120k iterations on eight GPUs. "
             "The learning rate is warmed up over the first 2k steps and then decays with a cosine schedule. "
             "Validation loss is measured every 5k iterations on a held out split of the corpus.")
BOX = ("Prompt given to every model: answer the question with a short answer and refuse when you are "
       "not sure that the answer is right.")


def _wrap(text: str, width: int = 48) -> list[str]:
    lines, cur = [], ""
    for w in text.split():
        if cur and len(cur) + 1 + len(w) > width:
            lines.append(cur)
            cur = w
        else:
            cur = f"{cur} {w}".strip()
    return lines + [cur]


def _plot_page(path):
    """A two-column page: a paragraph on the left; on the right, a line plot drawn with vector
    paths (axes, tick marks, a curve, markers), its tick labels and axis titles set as text, a
    caption under it; and a shaded box of prose under the paragraph."""
    pdf = pymupdf.open()
    page = pdf.new_page(width=612, height=792)
    y = 80
    for ln in _wrap(PARAGRAPH):
        page.insert_text((60, y), ln, fontsize=10)
        y += 13
    # the plot: axes from (360, 100) to (540, 240)
    x0, y0, x1, y1 = 360, 100, 540, 240
    page.draw_line((x0, y1), (x1, y1))
    page.draw_line((x0, y0), (x0, y1))
    for k in range(5):
        tx = x0 + k * (x1 - x0) / 4
        page.draw_line((tx, y1), (tx, y1 + 3))
        page.insert_text((tx - 8, y1 + 12), f"{k * 30}k", fontsize=7)
    for k in range(5):
        ty = y1 - k * (y1 - y0) / 4
        page.draw_line((x0 - 3, ty), (x0, ty))
        page.insert_text((x0 - 22, ty + 2), f"{1 + k * 0.5:.1f}", fontsize=7)
    pts = [(x0 + i * 9, y1 - 120 * (1 - 0.9 ** i)) for i in range(21)]
    page.draw_polyline(pts, color=(0, 0, 1))
    for px, py in pts[::4]:
        page.draw_circle((px, py), 2, color=(1, 0, 0), fill=(1, 0, 0))
    page.insert_text((430, y1 + 24), "Iterations", fontsize=8)
    page.insert_text((470, 120), "Train loss", fontsize=7)
    page.insert_text((470, 130), "Held-out loss", fontsize=7)
    page.insert_text((340, y1 + 44), "Figure 1: Loss of the model during training.", fontsize=9)
    # a shaded box of prose under the paragraph
    page.draw_rect(pymupdf.Rect(55, 200, 300, 250), color=(0.5, 0.5, 0.5), fill=(0.93, 0.93, 0.93))
    yb = 214
    for ln in _wrap(BOX):
        page.insert_text((60, yb), ln, fontsize=10)
        yb += 13
    pdf.save(path)


@pytest.fixture(scope="module")
def plot_doc(tmp_path_factory):
    path = tmp_path_factory.mktemp("fig") / "plot.pdf"
    _plot_page(path)
    return load(path)


def test_tick_labels_and_axis_titles_of_a_drawn_plot_join_no_sentence(plot_doc):
    text = " ".join(s.text for s in plot_doc.sentences)
    assert not re.search(r"\b(?:0k|30k|60k|90k)\b", text), text
    assert "Iterations" not in text and "Held-out loss" not in text and "Train loss" not in text
    figure = " ".join(ln.text for p in plot_doc.pages for b in p.blocks if b.kind == "figure" for ln in b.lines)
    assert "30k" in figure and "Iterations" in figure


def test_the_paragraph_beside_a_plot_its_caption_and_a_shaded_box_of_prose_stay(plot_doc):
    sents = [s.text for s in plot_doc.sentences]
    for want in re.split(r"(?<=\.) ", PARAGRAPH) + [BOX]:
        assert want in sents, (want, sents)
    assert any(c.text.startswith("Figure 1") or "Loss of the model" in c.text for c in plot_doc.captions)


# real papers: one analysis each, shared by the tests below
@pytest.fixture(scope="module")
def moba():
    return load(corpus_pdf("moba.pdf"))


@pytest.fixture(scope="module")
def longeval():
    return load(corpus_pdf("longeval-eacl2023.pdf"))


def _sentence(doc, start: str) -> str:
    hits = [s.text for s in doc.sentences if s.text.startswith(start)]
    assert hits, start
    return hits[0]


def test_plot_labels_leave_a_sentence_that_wraps_around_the_plot(moba, longeval):
    # a sub-figure's label "(c)" had cut this sentence in two where it runs from one page to the next
    s = _sentence(moba, "Similar metrics have been suggested by previous studies")
    assert s.endswith("position-wise LM loss follows a power-law trend relative to context length."), s
    assert not [t.text for t in moba.sentences if re.match(r"^\d+(?:\.\d+)?$", t.text) and t.page == 8]
    # tick labels and an axis title ("0 20 40 60 80 100 Mean human score") had opened this one
    s = _sentence(longeval, "Unfortunately, none of the surveyed papers")
    assert "released their raw human annotations" in s and "Mean human score" not in s
    assert not [t.text for t in longeval.sentences if t.text.startswith("0 20 40 60 80 100")]


def test_figure_text_is_set_apart_without_losing_tables_or_captions(longeval):
    figure = [ln.text for p in longeval.pages if p.number == 5 for b in p.blocks if b.kind == "figure" for ln in b.lines]
    assert any("Pearson correlation" in t for t in figure), figure
    # the page's caption is still a caption, and the paper's tables are still read
    assert any(c.page == 5 and c.kind == "figure" for c in longeval.captions)
    assert longeval.raw_tables


@pytest.mark.parametrize("name", ["longeval-eacl2023.pdf", "janus-pro.pdf"])
def test_the_same_file_gives_the_same_sentences_on_a_slow_machine(monkeypatch, name):
    """Which pages are searched for figure text was decided by CPU time (a share of the time the
    text took to read), so a busy machine set apart other labels than a quiet one, and the
    checklist could quote other sentences for the same file (janus-pro's Figure 3 caption even
    changed sides). The limits are now sizes of the pages' drawing code: a clock running five
    times slower changes nothing."""
    import jupyter_review.ingest.pdf as pdfmod
    from jupyter_review.ingest import budget as budgetmod

    path = corpus_pdf(name)
    quiet = load(path)
    real = budgetmod.thread_clock
    monkeypatch.setattr(pdfmod, "thread_clock", lambda: 5 * real())
    busy = load(path)
    assert [s.text for s in busy.sentences] == [s.text for s in quiet.sentences]
    assert [(c.label, c.position) for c in busy.captions] == [(c.label, c.position) for c in quiet.captions]
    figure = [(p.number, b.bbox) for p in busy.pages for b in p.blocks if b.kind == "figure"]
    assert figure == [(p.number, b.bbox) for p in quiet.pages for b in p.blocks if b.kind == "figure"]
    assert figure  # (both files have figure text to set apart)


def test_janus_pro_figure_captions_sit_below_their_figures():
    """The figure's own labels, once set apart as figure text, are part of the object above the
    caption, not running text that would make the caption sit above it."""
    doc = load(corpus_pdf("janus-pro.pdf"))
    assert {c.label: c.position for c in doc.captions if c.kind == "figure"} == {
        "1": "below", "2": "below", "3": "below", "4": "below"}


# -- axis ticks told from the text alone (a dense plot page whose drawing the figure pass does
# not read: over its budget); here a page that draws nothing at all --------------------------


def _ticks_without_drawing(path):
    pdf = pymupdf.open()
    page = pdf.new_page(width=612, height=792)
    y = 80
    for ln in _wrap(PARAGRAPH):
        page.insert_text((60, y), ln, fontsize=10)
        y += 13
    y += 8
    for k in range(4):  # a y axis, top down, one tick a line
        page.insert_text((60, y), f"{0.8 - k * 0.2:.1f}", fontsize=7)
        y += 9
    page.insert_text((60, y), "  ".join(f"{k * 30}k" for k in range(5)), fontsize=7)  # an x axis
    y += 9
    page.insert_text((60, y), "Iterations", fontsize=8)
    y += 16
    for ln in _wrap(BOX):
        page.insert_text((60, y), ln, fontsize=10)
        y += 13
    y += 8
    for t in ("2 7 3 11", "We ran 10 20 30 40 epochs in four settings."):  # no axis: uneven, or prose
        page.insert_text((60, y), t, fontsize=10)
        y += 13
    pdf.save(path)


def test_an_even_run_of_tick_labels_and_its_axis_title_join_no_sentence_without_drawing(tmp_path):
    path = tmp_path / "ticks.pdf"
    _ticks_without_drawing(path)
    doc = load(path)
    text = " ".join(s.text for s in doc.sentences)
    assert not re.search(r"\b(?:0k|30k|60k|90k|0\.8|0\.6|0\.4|0\.2)\b", text), text
    assert "Iterations" not in text
    figure = " ".join(ln.text for p in doc.pages for b in p.blocks if b.kind == "figure" for ln in b.lines)
    assert "30k" in figure and "Iterations" in figure and "0.4" in figure
    sents = [s.text for s in doc.sentences]
    for want in re.split(r"(?<=\.) ", PARAGRAPH) + [BOX]:
        assert want in sents, (want, sents)
    assert "2 7 3 11" in text and "We ran 10 20 30 40 epochs in four settings." in text


@pytest.mark.parametrize("name,page,ticks,title", [
    # training papers of the relevance split whose plot pages the drawing pass left: ticks and the
    # axis title had run into a sentence
    ("dean-main.pdf", 13, "75% 76% 77% 78%", "average AUC-ROC"),
    ("longeval-eacl2023.pdf", 16, "0.0 0.2 0.4 0.6 0.8 1.0", "Fraction of summary units annotated"),
])
def test_tick_runs_of_real_plot_pages_join_no_sentence(name, page, ticks, title):
    doc = load(corpus_pdf(name))
    on_page = [s.text for s in doc.sentences if s.page == page]
    assert on_page
    assert not [t for t in on_page if ticks in t or title in t], on_page
