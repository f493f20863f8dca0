"""Table kinds found on the tune half of the tenth unseen table gold (issue #14), on real corpus
and texbench pages and on generated PDFs:

- a settings table whose values are search spaces in math, sets in braces and intervals of
  numbers ("{1, . . . , 100}", "{uniform, weighted}", "[1e−4, 1e5]"), is a table (its rows are
  valued), and its key-value rows keep their group's name when the group is set on the row's
  own line ("DT & RF | max depth | none or {2, . . . , 50}");
- a row's last cell set closer to a long name than a word space ("weight_decay 0.00", the
  widest name of a left-aligned "Parameter | Value" table reaching the value column) is cut at
  the edge where the other rows' last cells start; a centred column's equal-width cells ("3"
  over "1") and a line of words ("... limitations regarding confounding") are not cut;
- a running head on the page's topmost line below the 9% band (LNCS: "Unsupervised Surrogate
  Anomaly Detection - Appendix  5" at 12% of the page) is running text: not a table row, not
  part of a sentence; a first-page title that the running heads repeat, set larger, stays.
"""

from __future__ import annotations

from pathlib import Path

import pymupdf
import pytest

from jupyter_review.extract.tables import _space_cell, extract_tables
from jupyter_review.ingest.tables import _is_value
from jupyter_review.pipeline import load
from tests.conftest import corpus_pdf
from tests.conftest import corpus_table as _table

IRACE = "../texbench/pdfs/irace-automl.pdf"


def _recs(t) -> dict[tuple[str, str], str]:
    return {(r.system, r.column.split(" / ")[-1]): str(r.value) for r in t.long}


# -- search spaces ---------------------------------------------------------------------------

@pytest.mark.parametrize("text,yes", [
    ("{1, . . . , 100}", True), ("{1, 2, 3}", True), ("[0.01, 1.0]", True), ("[1e−4, 1e5]", True),
    ("(0, 0.5]", True), ("[1e−6, 1]", True),
    ("[12, 15]", False), ("[74,83]", False), ("(1, 2)", False), ("{uniform, weighted}", False), ("{S, T}", False),
])
def test_number_space_is_a_value_in_ingest(text, yes):
    # (a bracketed pair of whole numbers is a citation; a set of words is text to the row finder)
    assert _is_value(text) is yes


@pytest.mark.parametrize("text,yes", [
    ("{uniform, weighted}", True), ("none or {2, . . . , 50}", True), ("[1e−5, 10]", True), ("{l1, l2}", True),
    ("[12, 15]", False), ("(1, 2)", False), ("BERT {base}", False), ("0.5", False),
])
def test_space_cell_in_a_value_column(text, yes):
    assert _space_cell(text) is yes


@pytest.mark.parametrize("system,value", [
    ("KNN / k", "{1, . . . , 100}"),
    ("KNN / weights", "{uniform, weighted}"),
    ("AB / N estimators", "{2, . . . , 500}"),
    ("DT & RF / max features", "[0.01, 1.0]"),
    ("DT & RF / max depth", "none or {2, . . . , 50}"),  # the group's name on this row's own line
    ("MLP / optimizer", "{lbfgs, sgd, adam}"),  # likewise ("MLP" centred beside seven rows)
    ("SVM / C", "[1e−4, 1e5]"),
    ("Logistic Regression / C", "[1e−4, 1e5]"),
    ("Logistic Regression / dual formulation", "{true, false}"),
])
def test_search_space_table_on_a_real_page(system, value):
    t = _table(IRACE, 9, "IV")
    recs = {(r.system, r.column): str(r.value) for r in t.long}
    assert recs[(system, "Space")] == value
    assert len(t.long) == 28  # every row of the table


def _space_page(tmp_path: Path, rows: list[tuple[str, str]]) -> list:
    doc = pymupdf.open()
    pg = doc.new_page(width=612, height=792)
    pg.insert_text((100, 100), "Table 2: Search space of the tuned hyperparameters.", fontsize=9)
    pg.insert_text((100, 126), "Hyperparameter", fontsize=9)
    pg.insert_text((260, 126), "Range", fontsize=9)
    for i, (name, space) in enumerate(rows):
        y = 142 + 13 * i
        pg.insert_text((100, y), name, fontsize=9)
        pg.insert_text((260, y), space, fontsize=9)
    p = tmp_path / "s.pdf"
    doc.save(str(p))
    return [t for t in extract_tables(load(p)) if t.long]


def test_generated_search_space_table(tmp_path):
    rows = [("learning rate", "[1e-5, 1e-2]"), ("dropout", "[0.0, 0.5]"), ("layers", "{2, 4, 8}"),
            ("activation", "{relu, gelu, tanh}"), ("batch size", "{16, 32, 64}")]
    tables = _space_page(tmp_path, rows)
    assert len(tables) == 1
    recs = _recs(tables[0])
    for name, space in rows:
        assert recs[(name, "Range")] == space


# -- a last cell set tight after a long name ---------------------------------------------------

@pytest.mark.parametrize("page,label,name,value", [
    (4, "4", "lr_milestone", "50.0"),
    (4, "4", "lambda_energy", "0.1"),
    (5, "5", "weight_decay", "0.0"),
    (5, "6", "batch_size", "64.0"),
    (5, "7", "batch_size", "64.0"),
    (6, "9", "hidden_activation", "relu"),
    (6, "9", "output_activation", "sigmoid"),
    (6, "11", "n_components", "100.0"),
    (6, "12", "learning_rate", "0.0"),
])
def test_tight_last_cell_on_real_pages(page, label, name, value):
    t = _table("dean-supplement.pdf", page, label)
    assert _recs(t)[(name, "Value")] == value


def test_centred_equal_width_cells_are_not_cut():
    # "0, 1, 3" in a centred column whose "1," starts where the "3" and "1" of other rows start
    t = _table("../texbench/pdfs/citrees.pdf", 26, "9")
    assert ["CIT with selector rdc", "gisette", "0, 1, 3"] in [[c for c in r] for r in t.rows]


def test_a_line_of_words_is_not_cut():
    # a group title whose word "regarding" starts at the left edge of the value column below
    t = _table("pmc7071725.pdf", 7, "3")
    labels = [r.system for r in t.long]
    assert not any(lab.endswith("Conclusions include any limitations") for lab in labels)
    assert all(str(r.value) != "regarding confounding" for r in t.long)


def _tight_page(tmp_path: Path, gap: float) -> list:
    """A left-aligned "Parameter | Value" table whose widest name ends ``gap`` pt before the value column."""
    doc = pymupdf.open()
    pg = doc.new_page(width=612, height=792)
    rows = [("epochs", "400"), ("batch_size", "64"), ("lr", "0.001"), ("weight_decay", "0.01"), ("num_bins", "7")]
    font = pymupdf.Font("helv")
    widest = max(font.text_length(n, fontsize=9) for n, _v in rows)
    xv = 200 + widest + gap
    pg.insert_text((200, 120), "Parameter", fontsize=9)
    pg.insert_text((xv, 120), "Value", fontsize=9)
    for i, (n, v) in enumerate(rows):
        pg.insert_text((200, 134 + 11 * i), n, fontsize=9)
        pg.insert_text((xv, 134 + 11 * i), v, fontsize=9)
    pg.insert_text((180, 134 + 11 * len(rows) + 6), "Table 5: Hyperparameters for the DTE algorithm.", fontsize=9)
    p = tmp_path / f"tight{gap}.pdf"
    doc.save(str(p))
    return [t for t in extract_tables(load(p)) if t.long]


@pytest.mark.parametrize("gap", [2.5, 3.5, 12.0])
def test_generated_tight_last_cell(tmp_path, gap):
    tables = _tight_page(tmp_path, gap)
    assert len(tables) == 1
    recs = _recs(tables[0])
    assert recs[("weight_decay", "Value")] == "0.01"
    assert recs[("epochs", "Value")] == "400.0"


# -- running heads below the 9% band -------------------------------------------------------------

def test_lncs_running_head_is_no_table_row():
    t = _table("dean-supplement.pdf", 5, "5")
    assert not any("Appendix" in r.system for r in t.long)
    assert _recs(t)[("epochs", "Value")] == "400.0"


def test_lncs_running_head_is_not_part_of_a_sentence():
    doc = load(corpus_pdf("dean-main.pdf"))
    texts = [s.text for s in doc.sentences]
    assert not any("Simon Klüttermann, Tim Katzke, and Emmanuel Müller" in s for s in texts[5:])
    assert any(s.startswith("Approaches like Isolation Forests") and "samples can be separated" in s for s in texts)


def _headed_doc(tmp_path: Path, title_size: float) -> Path:
    doc = pymupdf.open()
    for n in range(1, 7):
        pg = doc.new_page(width=612, height=792)
        if n == 1:
            pg.insert_text((100, 100), "Surrogate Detection Methods", fontsize=title_size)
        else:
            pg.insert_text((100, 100), "Surrogate Detection Methods", fontsize=9)
            pg.insert_text((500, 100), str(n), fontsize=9)
        for i in range(30):
            pg.insert_text((100, 130 + 14 * i), f"Body line {i} of page {n} says what the method does with data.",
                           fontsize=10)
    p = tmp_path / f"h{title_size}.pdf"
    doc.save(str(p))
    return p


def test_generated_running_heads_at_twelve_percent(tmp_path):
    doc = load(_headed_doc(tmp_path, 16))
    heads = [b for pg in doc.pages if pg.number >= 2 for b in pg.blocks if "Surrogate Detection" in b.text]
    assert heads and all(b.kind == "header" for b in heads)
    # the title on page 1 is set larger than the body: not a running head
    first = [b for pg in doc.pages if pg.number == 1 for b in pg.blocks if "Surrogate Detection" in b.text]
    assert first and all(b.kind != "header" for b in first)
