"""Rows of one name told apart by a setting column (issue #14): the same model listed twice,
frozen and fine-tuned, with and without a checked component, at two shot counts or sizes, or its
name left empty on the second row. The column that alone tells the rows apart joins the row's
name ("ResNet50 / Yes"; a checkmark joins as its column's name, "Baseline / Aug."), the setting
is a cell of the row too, and a note of the table says which column told the rows apart.

Real pages of tuning material (a user study's stimuli told apart by the participant's code; an
ablation's rows of one constraint told apart by its hyperparameter columns, read left to right
and only as far as needed) and generated PDFs (pymupdf), one per shape; each asserts the rows'
labels and cells as read.
"""

from __future__ import annotations

from pathlib import Path

import pymupdf
import pytest

from jupyter_review.extract.crosscheck import table_cells
from jupyter_review.extract.tables import extract_tables
from jupyter_review.pipeline import load
from tests.conftest import corpus_pdf, need_corpus


def _real(name: str, page: int, label: str):
    path = corpus_pdf(name) if name.endswith(".pdf") else need_corpus("texbench").parent / "texbench" / "pdfs" / f"{name}.pdf"
    found = [t for t in extract_tables(load(path)) if t.page == page and t.label == label]
    assert found, (name, page, label)
    return found[0]


# (paper, page, table, the column read, {row label: value}, the column named in the table's note)
@pytest.mark.parametrize("name,page,label,column,want,told", [
    # every stimulus of one condition, told apart by the participant's code in the "ID" column
    ("chi2024-avatars.pdf", 7, "1", "Demographic / Age",
     {"Personalized Transparent Customized / A3": 40.0, "Personalized Transparent Customized / B4": 37.0,
      "Personalized Nontransparent Customized / D4": 28.0}, "ID"),
    # "Brown" eight times: |Z| tells some apart, k the rest; M is not needed; rows of one name
    # only ("Uniform" twice: |Z| alone) take no more columns than they need
    ("hmm-note", 8, "3", "Val PPL",
     {"Brown / 16384 / 512": 137.0, "Brown / 16384 / 64": 136.0, "Brown / 1024 / 256": 182.0,
      "Brown / 8192 / 128": 142.0, "Uniform / 8192": 150.0, "Uniform / 16384": 146.0, "None": 180.0}, "k"),
])
def test_real_rows_of_one_name(name, page, label, column, want, told):
    t = _real(name, page, label)
    got = {r.system: r.value for r in t.long if r.column == column}
    for lab, v in want.items():
        assert got[lab] == v, (lab, got)
    assert any("told apart" in n and repr(told) in n for n in t.notes), t.notes

_DEJAVU = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")

_FROZEN = [("ResNet50", "Yes", "71.2", "0.70"), ("ResNet50", "No", "78.9", "0.77"),
           ("VGG16", "Yes", "65.0", "0.63"), ("VGG16", "No", "72.4", "0.71"), ("EfficientNetB0", "No", "80.1", "0.79")]
_FROZEN_WANT = {"ResNet50 / Yes": 71.2, "ResNet50 / No": 78.9, "VGG16 / Yes": 65.0, "VGG16 / No": 72.4,
                "EfficientNetB0": 80.1}

# shape: (header, rows, the column read, {row label: value}, the setting column, {row label: its cell})
SHAPES = {
    # a Yes/No column beside the name
    "frozen beside the name": (["Model", "Frozen", "Top-1", "F1"], _FROZEN, "Top-1", _FROZEN_WANT,
                               "Frozen", {"ResNet50 / Yes": "Yes", "EfficientNetB0": "No"}),
    # the setting after a size column: neither a name nor a value column
    "frozen after a size column": (
        ["Model", "#Params", "Frozen", "Top-1", "F1"],
        [(r[0], {"ResNet50": "25M", "VGG16": "138M", "EfficientNetB0": "5M"}[r[0]], *r[1:]) for r in _FROZEN],
        "Top-1", _FROZEN_WANT, "Frozen", {"VGG16 / No": "No"}),
    # the setting set after the scores
    "frozen after the scores": (["Model", "Top-1", "F1", "Frozen"], [(r[0], r[2], r[3], r[1]) for r in _FROZEN],
                                "Top-1", _FROZEN_WANT, "Frozen", {"VGG16 / Yes": "Yes"}),
    # the second row of a name leaves the name empty (a merged cell)
    "name left empty": (["Model", "Frozen", "Top-1", "F1"], [(("" if k in (1, 3) else r[0]), *r[1:]) for k, r in enumerate(_FROZEN)],
                        "Top-1", _FROZEN_WANT, "Frozen", {"ResNet50 / No": "No"}),
    # a checkmark column: a checked row takes the column's name, an empty one nothing
    "checkmark column": (["Method", "Aug.", "Top-1", "Top-5"],
                         [("Baseline", "", "71.2", "90.1"), ("Baseline", "\u2713", "73.9", "91.7"), ("Ours", "", "75.0", "92.3"),
                          ("Ours", "\u2713", "77.4", "93.1"), ("Oracle", "\u2713", "80.1", "95.0")],
                         "Top-5", {"Baseline": 90.1, "Baseline / Aug.": 91.7, "Ours": 92.3, "Ours / Aug.": 93.1, "Oracle": 95.0},
                         "Aug.", {"Ours / Aug.": "\u2713"}),
    # whole numbers under a setting's name right of the names
    "shots": (["Model", "Shots", "MMLU", "GSM8K"],
              [("LLaMA-2", "0", "45.3", "14.6"), ("LLaMA-2", "5", "46.8", "16.0"), ("Mistral", "0", "60.1", "40.2"),
               ("Mistral", "5", "62.5", "52.2"), ("Qwen", "5", "66.3", "61.3")],
              "GSM8K", {"LLaMA-2 / 0": 14.6, "LLaMA-2 / 5": 16.0, "Mistral / 0": 40.2, "Mistral / 5": 52.2, "Qwen": 61.3},
              "Shots", {"Mistral / 5": 5.0}),
    "sizes in billions": (["Model", "Size (B)", "MMLU", "GSM8K"],
                          [("LLaMA-2", "7", "45.3", "14.6"), ("LLaMA-2", "13", "54.8", "28.7"), ("LLaMA-2", "70", "68.9", "56.8"),
                           ("Mistral", "7", "62.5", "52.2"), ("Qwen", "14", "66.3", "61.3")],
                          "MMLU", {"LLaMA-2 / 7": 45.3, "LLaMA-2 / 13": 54.8, "LLaMA-2 / 70": 68.9, "Mistral": 62.5, "Qwen": 66.3},
                          "Size (B)", {"LLaMA-2 / 70": 70.0}),
}


def _pdf(path: Path, header: list[str], rows: list[tuple[str, ...]]) -> Path:
    doc = pymupdf.open()
    pg = doc.new_page(width=612, height=792)
    pg.insert_text((72, 100), "Table 1: Accuracy of the models on the test set.", fontsize=9)
    y = 115
    for r in [tuple(header)] + list(rows):
        for k, c in enumerate(r):
            if not c:
                continue
            font = {"fontname": "helv"} if c.isascii() else {"fontname": "dejavu", "fontfile": str(_DEJAVU)}
            pg.insert_text((72 + 75 * k, y), c, fontsize=9, **font)
        y += 13
    pg.insert_text((72, y + 30), "The fine-tuned models are better than the frozen ones in this comparison.", fontsize=10)
    doc.save(str(path))
    return path


@pytest.mark.parametrize("shape", sorted(SHAPES))
def test_a_setting_column_tells_rows_of_one_name_apart(tmp_path, shape):
    header, rows, column, want, setting, cells = SHAPES[shape]
    if any(not c.isascii() for r in rows for c in r) and not _DEJAVU.exists():
        pytest.skip("no DejaVu font for the checkmark")
    (t,) = extract_tables(load(_pdf(tmp_path / "twins.pdf", header, rows)))
    got = {r.system: r.value for r in t.long if r.column == column}
    assert got == want
    # no two records of one row and column
    keys = [(r.system, r.column) for r in t.long]
    assert len(keys) == len(set(keys))
    set_cells = {r.system: r.value for r in t.long if r.column == setting}
    for lab, v in cells.items():
        assert set_cells[lab] == v
    assert any(setting in n and "told apart" in n for n in t.notes), t.notes
    # the cross-checks read every value of the twins surely: one cell per row and column, in line
    # with the grid (the settings' own cells set apart)
    values = [c for c in table_cells(t) if c.value is not None]
    assert values and all(c.confident for c in values), [c.why for c in values if not c.confident]


def test_a_setting_that_tells_no_rows_apart_leaves_the_names_alone(tmp_path):
    rows = [("ResNet50", "Yes", "71.2", "0.70"), ("VGG16", "No", "65.0", "0.63"), ("EfficientNetB0", "No", "80.1", "0.79")]
    (t,) = extract_tables(load(_pdf(tmp_path / "once.pdf", ["Model", "Frozen", "Top-1", "F1"], rows)))
    assert {r.system for r in t.long} == {"ResNet50", "VGG16", "EfficientNetB0"}
    assert not any("told apart" in n for n in t.notes)
