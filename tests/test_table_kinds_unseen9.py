"""A table kind found on the tune half of the ninth unseen table gold (issue #14), on real
corpus pages and on generated PDFs:

a table whose rows are settings of the systems across the top ("# Total Parameters (#TP)",
"Pre-training Tokens", "LR Scheduler", "Layers", "Batch size") has its systems as columns,
whatever its corner cell says: a "Model" there names what is across the top, not its rows.
Its cells are often words and sizes ("Cosine", "16B", "4.2T+6T"), which alone would be taken
for the rows' attributes; here they are the systems' values. A table whose rows are systems
and whose columns are those settings ("Model | Layers | Heads"), or an ablation whose rows
only mention a setting ("w/o dropout"), keeps its systems as rows.
"""

from __future__ import annotations

from pathlib import Path

import pymupdf
import pytest

from jupyter_review.extract.tables import _SETTING_ROW, extract_tables
from jupyter_review.pipeline import load
from tests.conftest import corpus_table as _table


# (file, page, label, orientation, a cell as (system, setting, value) read off the page)
@pytest.mark.parametrize("name,page,label,orientation,cell", [
    # "Model" in the corner over the settings; two models across the top; words and sizes as values
    ("deepseek-coder-v2.pdf", 5, "2", "columns", ("DeepSeek-Coder-V2-Lite", "# Total Parameters (#TP)", "16B")),
    ("deepseek-coder-v2.pdf", 5, "2", "columns", ("DeepSeek-Coder-V2", "LR Scheduler", "Cosine")),
    ("deepseek-coder-v2.pdf", 5, "2", "columns", ("DeepSeek-Coder-V2", "FIM", "Disable")),
])
def test_settings_rows_put_systems_across_the_top(name, page, label, orientation, cell):
    t = _table(name, page, label)
    assert t.orientation == orientation, t.notes
    system, setting, value = cell
    recs = {(r.system, r.column.split(" / ")[-1]): r.value for r in t.long}
    assert recs[(system, setting)] == value


@pytest.mark.parametrize("label,yes", [
    ("# Total Parameters (#TP)", True), ("Pre-training Tokens", True), ("LR Scheduler", True),
    ("Peak learning rate", True), ("Warmup steps", True), ("Adam β1", True), ("Number of heads", True),
    ("w/o dropout", False), ("+ larger batch size", False), ("Qwen3-4B", False), ("MMLU", False),
    ("Accuracy", False), ("Base", False),
])
def test_setting_row_is_a_whole_label(label, yes):
    assert bool(_SETTING_ROW.match(label)) is yes


def _save(doc, tmp_path: Path) -> Path:
    p = tmp_path / "t.pdf"
    doc.save(str(p))
    return p


def _page(tmp_path: Path, corner: str, heads: list[str], rows: list[tuple[str, list[str]]]) -> list:
    doc = pymupdf.open()
    pg = doc.new_page(width=612, height=792)
    pg.insert_text((100, 100), "Table 3: Training settings of the compared models.", fontsize=9)
    pg.insert_text((100, 130), corner, fontsize=9)
    for k, h in enumerate(heads):
        pg.insert_text((260 + 95 * k, 130), h, fontsize=9)
    for i, (name, vals) in enumerate(rows):
        y = 146 + 14 * i
        pg.insert_text((100, y), name, fontsize=9)
        for k, v in enumerate(vals):
            pg.insert_text((260 + 95 * k, y), v, fontsize=9)
    return [t for t in extract_tables(load(_save(doc, tmp_path))) if t.long]


SETTINGS = [("# Total Parameters", ["7B", "70B"]), ("Layers", ["32", "80"]), ("Hidden size", ["4096", "8192"]),
            ("Peak learning rate", ["3e-4", "1.5e-4"]), ("LR Scheduler", ["Cosine", "Linear"]),
            ("Batch size", ["4M", "4M"])]


@pytest.mark.parametrize("corner", ["Model", "", "Hyperparameter"])
def test_generated_settings_table_has_systems_as_columns(tmp_path, corner):
    tables = _page(tmp_path, corner, ["Alder-7B", "Alder-70B"], SETTINGS)
    assert len(tables) == 1
    t = tables[0]
    assert t.orientation == "columns", t.notes
    recs = {(r.system, r.column.split(" / ")[-1]): r.value for r in t.long}
    assert recs[("Alder-70B", "Layers")] == 80.0
    assert recs[("Alder-7B", "LR Scheduler")] == "Cosine"
    assert recs[("Alder-70B", "# Total Parameters")] == "70B"


@pytest.mark.parametrize("heads,rows", [
    # models down the side, their settings across the top: systems are rows
    (["Layers", "Heads", "Hidden size"],
     [("Alder-1B", ["16", "16", "2048"]), ("Alder-7B", ["32", "32", "4096"]), ("Alder-70B", ["80", "64", "8192"])]),
    # an ablation whose rows mention a setting but are variants of the model
    (["Accuracy", "F1"],
     [("Full model", ["81.2", "79.4"]), ("w/o dropout", ["79.8", "77.1"]), ("+ larger batch size", ["80.6", "78.8"]),
      ("w/o warmup", ["78.9", "76.0"])]),
])
def test_generated_systems_down_the_side_stay_rows(tmp_path, heads, rows):
    tables = _page(tmp_path, "Model", heads, rows)
    assert len(tables) == 1
    t = tables[0]
    assert t.orientation == "rows", t.notes
    recs = {(r.system, r.column): r.value for r in t.long}
    assert recs[(rows[1][0], heads[0])] == float(rows[1][1][0])


# -- typography: a number in scientific notation set in math, a space around its exponent's sign


@pytest.mark.parametrize("text,value", [
    ("5e −5", 5e-5), ("1e − 4", 1e-4), ("2.5e −3", 2.5e-3), ("3e +2", 300.0), ("1e-3", 1e-3), ("2e\u22125", 2e-5),
])
def test_spaced_exponent_is_a_number(text, value):
    from jupyter_review.extract.tables import parse_number

    assert parse_number(text) == pytest.approx(value)


@pytest.mark.parametrize("text", ["5 e", "e −5", "1e", "Table 5e"])
def test_spaced_exponent_needs_both_parts(text):
    from jupyter_review.extract.tables import parse_number

    assert parse_number(text) is None


@pytest.mark.parametrize("system,value", [
    ("Fine Tuning", 5e-5), ("LoRA", 1e-3), ("Prefix Tuning", 1e-4), ("Prompt Tuning", 0.1), ("P-Tuning", 0.01),
])
def test_learning_rates_in_math_are_a_value_column(system, value):
    # paraphrase-aaai2022 Table 9: "5e −5" in the text layer; with "0.1" and "0.01" in one column
    t = _table("paraphrase-aaai2022.pdf", 8, "9")
    recs = {(r.system, r.column.split(" / ")[-1]): r.value for r in t.long}
    assert recs[(system, "Learning Rate")] == pytest.approx(value)


# -- geometry: one column's name set on two lines, the others on the lower line only, the
# caption under the table (the table is grown upward from its caption)


def _two_line_head_page(tmp_path: Path, upper_over: int, upper: str, gap: float = 5.0) -> list:
    doc = pymupdf.open()
    pg = doc.new_page(width=612, height=792)
    xs = [100, 250, 340, 430]
    heads = ["Variant", "Runtime ratio", "Peak memory", "F1 change"]
    y_head = 150
    if upper:
        pg.insert_text((xs[upper_over], y_head - 9 - gap), upper, fontsize=9)
    for x, h in zip(xs, heads):
        pg.insert_text((x, y_head), h, fontsize=9)
    rows = [("Disable stopping", ["0.18", "1.21", "0.026"]), ("Exact search", ["0.98", "1.05", "0.008"]),
            ("No scanning", ["0.69", "0.97", "0.017"]), ("Plain splits", ["1.12", "1.33", "0.004"])]
    for i, (name, vals) in enumerate(rows):
        y = y_head + 16 + 12 * i
        pg.insert_text((xs[0], y), name, fontsize=9)
        for x, v in zip(xs[1:], vals):
            pg.insert_text((x, y), v, fontsize=9)
    pg.insert_text((100, y_head + 16 + 12 * len(rows) + 14), "Table 5: Runtime ablations of the tree learner.", fontsize=9)
    return [t for t in extract_tables(load(_save(doc, tmp_path))) if t.long]


@pytest.mark.parametrize("upper_over,upper,column", [
    (3, "Largest", "Largest F1 change"),
    (2, "Max.", "Max. Peak memory"),
    (1, "Median", "Median Runtime ratio"),
])
def test_upper_line_of_one_column_name_is_kept(tmp_path, upper_over, upper, column):
    tables = _two_line_head_page(tmp_path, upper_over, upper)
    assert len(tables) == 1
    recs = {(r.system, r.column): r.value for r in tables[0].long}
    assert recs[("Exact search", column)] is not None


def test_line_far_above_the_header_is_not_a_name(tmp_path):
    # a short line a paragraph's gap above the header is no part of the column's name
    tables = _two_line_head_page(tmp_path, 3, "Largest", gap=16.0)
    assert len(tables) == 1
    cols = {r.column for r in tables[0].long}
    assert "F1 change" in cols and not any("Largest" in c for c in cols)


@pytest.mark.parametrize("system,value", [
    ("Disable adaptive stopping", "≤0.026"), ("Exact threshold search", "≤0.008"), ("Disable feature scanning", "≤0.017"),
])
def test_upper_line_of_a_name_on_a_real_page(system, value):
    # citrees (texbench PDF) Table 5: "Largest top-10" over "F1 change", caption below the table
    from tests.conftest import need_corpus

    path = need_corpus("a texbench paper").parent / "texbench" / "pdfs" / "citrees.pdf"
    t = [t for t in extract_tables(load(path)) if t.page == 13 and t.label == "5"][0]
    recs = {(r.system, r.column): r.value for r in t.long}
    assert recs[(system, "Largest top-10 F1 change")] == value
