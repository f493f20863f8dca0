"""Table kinds from the tune half of the eighth unseen table gold (issue #14, session 22), on
real pages (corpus and texbench tune half) and on generated PDFs:

- two tables printed side by side under one caption, each with its own label column and header
  (repeated column names, or a sub-caption / title / group rows on each side): read as two tables,
  each row named by its own side's label column and group rows;
- a table whose values are letter codes only ("P" / "N", grades "A" / "B+"), with empty cells:
  a column of short capitals after the row names holds the values;
- a clock value ("2:39", m:ss) is a value, so its column is no label column, and a spanner
  centred over the last label column and the first value column spans both.
"""

from __future__ import annotations

import functools
from pathlib import Path

import pymupdf
import pytest

from jupyter_review.extract.tables import extract_tables
from jupyter_review.pipeline import load
from tests.conftest import corpus_pdf, need_corpus


def _texbench(name: str) -> Path:
    return need_corpus("texbench").parent / "texbench" / "pdfs" / name


@functools.lru_cache(maxsize=6)
def _tables(name: str, texbench: bool = False):
    return extract_tables(load(_texbench(name) if texbench else corpus_pdf(name)))


def _norm(s: str) -> str:
    return " ".join(str(s).replace("\u2192", " \u2192 ").split())


def _levels(s: str) -> list[str]:
    return [_norm(x) for x in str(s).split(" / ")]


def _has_cell(tables, entry: str, column: str, value) -> bool:
    """A record whose system ends with the entry's levels and whose column ends with the
    column's levels, holding the value (numbers compare as numbers)."""
    want_sys, want_col = _levels(entry), _levels(column)
    for t in tables:
        for r in t.long:
            s, c = _levels(r.system), _levels(r.column)
            if s[-len(want_sys):] != want_sys or c[-len(want_col):] != want_col:
                continue
            if isinstance(value, str) and r.value == value:
                return True
            if not isinstance(value, str) and isinstance(r.value, (int, float)) and r.value == pytest.approx(value):
                return True
    return False


# (file, in texbench, page, label, (row entry with its group, column, value) read off the page)
@pytest.mark.parametrize("name,texbench,page,label,cell", [
    # (a) fine-tuning results beside (b) PRIMERA results: each its own label column and group rows
    ("multi-lexsum.pdf", False, 8, "4", ("L \u2192 S Fine-tuning / PEGASUS", "R-1f1", 54.32)),
    ("multi-lexsum.pdf", False, 8, "4", ("S \u2192 T Fine-tuning / BART", "BSf1", 35.48)),
    ("multi-lexsum.pdf", False, 8, "4", ("{L, D} \u2192 T / Predicted L\u2032", "R-2f1", 7.98)),
    ("multi-lexsum.pdf", False, 8, "4", ("{S, D} \u2192 T / Gold L", "R-Lf1", 28.71)),
    # "Classification" over one Method/Rank/Score/Settings/Main table, "Regression" over the other
    ("citrees.pdf", True, 34, "16", ("ExtraTrees", "Regression / Rank", 4.17)),
    ("citrees.pdf", True, 34, "16", ("XGBoost", "Classification / Settings", 2.0)),
    ("citrees.pdf", True, 34, "16", ("cforest", "Regression / Score", -0.925)),
    # the same method on both sides, told apart by its side's title
    ("citrees.pdf", True, 9, "1", ("CPI", "Classification / Mean rank", 13.13)),
    ("citrees.pdf", True, 9, "1", ("CPI", "Regression / Mean rank", 13.61)),
])
def test_side_by_side_tables_read_apart(name, texbench, page, label, cell):
    found = [t for t in _tables(name, texbench) if page in (t.pages or [t.page]) and t.label == label]
    assert len(found) == 2, [t.columns for t in found]
    assert _has_cell(found, *cell), [(r.system, r.column, r.value) for t in found for r in t.long][:12]
    # every record's row name comes from its own side: no table mixes the two label columns
    for t in found:
        assert not any(c.strip() == "" for c in t.columns[1:]), t.columns


def _save(doc, tmp_path: Path) -> Path:
    p = tmp_path / "t.pdf"
    doc.save(str(p))
    return p


def _page():
    doc = pymupdf.open()
    return doc, doc.new_page(width=612, height=792)


@pytest.mark.parametrize("left_head,right_head,titles", [
    # repeated column names, no titles
    (["Model", "Acc", "F1"], ["Model", "Acc", "F1"], None),
    # distinct column sets, a sub-caption over each side
    (["Model", "Acc", "F1"], ["Method", "BLEU", "chrF"], ("(a) Tagging on Wren.", "(b) Translation on Lark.")),
])
def test_generated_side_by_side(tmp_path, left_head, right_head, titles):
    doc, pg = _page()
    pg.insert_text((72, 90), "Table 3: Results and data, side by side.", fontsize=9)
    y = 112
    if titles:  # each sub-caption centred over its own table
        for text, centre in zip(titles, (158, 410)):
            pg.insert_text((centre - pymupdf.get_text_length(text, fontsize=8) / 2, y), text, fontsize=8)
        y += 16
    xs_l, xs_r = [72, 170, 220], [320, 420, 480]
    for x, h in zip(xs_l, left_head):
        pg.insert_text((x, y), h, fontsize=9)
    for x, h in zip(xs_r, right_head):
        pg.insert_text((x, y), h, fontsize=9)
    left = [("Heron", "71.2", "68.4"), ("Ibis", "55.0", "58.3"), ("Jacana", "80.1", "79.6"), ("Kite", "47.5", "51.2")]
    right = [("Sparrow", "31.4", "55.1"), ("Thrush", "28.9", "52.7"), ("Vireo", "33.0", "56.6"), ("Warbler", "30.2", "54.9")]
    for i, (a, b) in enumerate(zip(left, right)):
        yy = y + 16 + 13 * i
        for x, v in zip(xs_l, a):
            pg.insert_text((x, yy), v, fontsize=9)
        for x, v in zip(xs_r, b):
            pg.insert_text((x, yy), v, fontsize=9)
    tables = [t for t in extract_tables(load(_save(doc, tmp_path))) if t.long]
    assert len(tables) == 2, [t.columns for t in tables]
    assert _has_cell(tables, "Ibis", left_head[1], 55.0)
    assert _has_cell(tables, "Vireo", right_head[1], 33.0)
    assert _has_cell(tables, "Warbler", right_head[2], 54.9)
    # the right side's values are named by the right side's rows, never by the left's
    assert not any("Heron" in r.system for t in tables for r in t.long if r.value == pytest.approx(55.1))


@pytest.mark.parametrize("upper", [
    None,
    # a spanner over each side of the gutter, but over its own columns, not centred on a side
    [(172, "Size"), (362, "Score")],
])
def test_generated_text_column_in_the_middle_is_one_table(tmp_path, upper):
    """A table with a column of names among its values ("Backbone") and no sign of two column
    sets (no repeated names, no line with a cell centred over each side) stays one table."""
    doc, pg = _page()
    pg.insert_text((72, 78), "Table 1: Models compared.", fontsize=9)
    for x, h in upper or ():
        pg.insert_text((x, 100), h, fontsize=9)
    heads = [(72, "Model"), (170, "Params"), (230, "Backbone"), (330, "Acc"), (390, "F1")]
    for x, h in heads:
        pg.insert_text((x, 112), h, fontsize=9)
    rows = [("Heron", "7B", "ResNet", "71.2", "68.4"), ("Ibis", "13B", "ViT-B", "55.0", "58.3"),
            ("Jacana", "7B", "ConvNeXt", "80.1", "79.6"), ("Kite", "70B", "Swin", "47.5", "51.2")]
    for i, row in enumerate(rows):
        for (x, _h), v in zip(heads, row):
            pg.insert_text((x, 128 + 13 * i), v, fontsize=9)
    tables = [t for t in extract_tables(load(_save(doc, tmp_path))) if t.long]
    assert len(tables) == 1
    assert _has_cell(tables, "Jacana", "F1", 79.6)


# -- letter codes as values ---------------------------------------------------------------


@pytest.mark.parametrize("cell", [
    ("AU113 \u2018Sharp Lip Puller\u2019", "Glmm (Table 4)", "P"),
    ("AU113 \u2018Sharp Lip Puller\u2019", "Conditional probability networks (Fig 4)", "N"),
    ("EAD103 \u2018Ear Flattener\u2019", "Glmm (Table 4)", "N"),
    ("Ears backward", "Conditional probability networks (Fig 4)", "N"),
])
def test_letter_values_on_a_real_page(cell):
    found = [t for t in _tables("plosone-0319315.pdf") if t.page == 16 and t.label == "5"]
    assert found
    assert _has_cell(found, *cell)
    # an empty cell is no value: "Ears backward" has nothing under Glmm
    assert not _has_cell(found, "Ears backward", "Glmm (Table 4)", "P")
    assert not _has_cell(found, "Ears backward", "Glmm (Table 4)", "N")


@pytest.mark.parametrize("heads,rows,probe", [
    # grades per term, some empty
    (["Term 1", "Term 2", "Term 3"],
     [("Abbott", "A", "B+", "A"), ("Baxter", "C", "", "B-"), ("Carver", "B", "B", ""), ("Dunmore", "", "A-", "C+")],
     ("Carver", "Term 2", "B")),
    # present / absent marks
    (["Site North", "Site South"],
     [("Lichen", "Y", "N"), ("Moss", "N", ""), ("Fern", "Y", "Y"), ("Sedge", "", "N"), ("Rush", "N", "Y")],
     ("Sedge", "Site South", "N")),
])
def test_generated_letter_table(tmp_path, heads, rows, probe):
    doc, pg = _page()
    pg.insert_text((72, 90), "Table 2: Ratings given by the panel.", fontsize=9)
    pg.insert_text((72, 112), "Name", fontsize=9)
    for k, h in enumerate(heads):
        pg.insert_text((200 + 100 * k, 112), h, fontsize=9)
    for i, row in enumerate(rows):
        y = 128 + 14 * i
        pg.insert_text((72, y), row[0], fontsize=9)
        for k, v in enumerate(row[1:]):
            if v:
                pg.insert_text((200 + 100 * k, y), v, fontsize=9)
    tables = [t for t in extract_tables(load(_save(doc, tmp_path))) if t.long]
    assert len(tables) == 1
    assert _has_cell(tables, *probe)
    n_filled = sum(1 for row in rows for v in row[1:] if v)
    assert len(tables[0].long) == n_filled


def test_generated_word_column_is_no_letter_table(tmp_path):
    """Row names followed by words of several lengths (a list, not a table of codes) give no table."""
    doc, pg = _page()
    pg.insert_text((72, 90), "Table 4: Where the samples came from.", fontsize=9)
    for i, (a, b) in enumerate([("Lichen", "Norway"), ("Moss", "UK"), ("Fern", "Chile"), ("Sedge", "A"), ("Rush", "Peru")]):
        pg.insert_text((72, 112 + 14 * i), a, fontsize=9)
        pg.insert_text((200, 112 + 14 * i), b, fontsize=9)
    tables = [t for t in extract_tables(load(_save(doc, tmp_path))) if t.long]
    assert tables == []


# -- clock values and a spanner over the label column ----------------------------------------


@pytest.mark.parametrize("cell", [
    ("D4", "Video / Length (m:ss)", "2:39"),
    ("A3", "Video / Length (m:ss)", "0:47"),
    ("C4", "Self-reported self-disclosure / Comfort", 5.3),
])
def test_clock_column_is_a_value_column(cell):
    found = [t for t in _tables("chi2024-avatars.pdf") if t.page == 7 and t.label == "1"]
    assert found
    t = found[0]
    assert any(c.endswith("Video / Length (m:ss)") or c == "Video / Length (m:ss)" for c in t.columns), t.columns
    entry, col, value = cell
    leaf = col.split(" / ")[-1]
    assert _has_cell(found, entry, leaf, value)
