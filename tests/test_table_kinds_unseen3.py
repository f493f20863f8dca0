"""Table kinds found on the tune half of the third unseen table gold (issue #14): counts printed
with a magnitude suffix ("8464K", "1M", "6.9B") are values, and a column of sizes beside the
names tells two rows of one name apart; a caption's last line that opens in another typeface, or
whose first line mixes a regular label with a bold title, stays in the caption (so the table
under it is found and its header is not the caption's tail); a rule drawn leftwards (a rectangle
whose x0 is right of its x1) still places a spanning header. Real corpus papers and one PDF generated
with pymupdf."""

from __future__ import annotations

import functools
from pathlib import Path

import pymupdf
import pytest

from jupyter_review.extract.tables import extract_tables
from jupyter_review.ingest.tables import is_count_cell
from jupyter_review.pipeline import load
from tests.conftest import corpus_pdf


@functools.lru_cache(maxsize=8)
def _doc(name: str):
    # the whole paper: the orientation of a table reads the title (the paper's own system)
    return load(corpus_pdf(name))


def _tables(name: str, page: int) -> list:
    return [t for t in extract_tables(_doc(name)) if t.long and page in (t.pages or [t.page])]


@pytest.mark.parametrize("text,count", [("8464K", True), ("14.28K", True), ("1M", True), ("6.9B", True),
                                        ("5.7T", True), ("200K", True), ("Qwen3-235B", False), ("80k", False),
                                        ("K", False), ("7B-Chat", False)])
def test_count_cell(text, count):
    assert is_count_cell(text) is count


# (page, system, column, value as printed): read off the rendered page
@pytest.mark.parametrize("name,page,system,column,value", [
    ("stockmixer-supplement.pdf", 1, "LSTM-RGCN", "# of params", "8464K"),   # a column of counts beside timings
    ("stockmixer-supplement.pdf", 1, "STHAN-SR", "# of params", "56.72K"),
    ("minimax-m1.pdf", 3, "Gemini 2.5 Pro", "Max Input", "1M"),             # every value a count
    ("minimax-m1.pdf", 3, "MiniMax-M1-80k", "Max Output", "80K"),
])
def test_counts_with_a_magnitude_suffix_are_values(tmp_path, name, page, system, column, value):
    recs = [r for t in _tables(name, page) for r in t.long]
    assert any(r.system == system and r.column == column and str(r.value) == value for r in recs), \
        sorted({(r.system, r.column) for r in recs})[:12]


def _sizes_pdf(path: Path) -> Path:
    doc = pymupdf.open()
    pg = doc.new_page(width=612, height=792)
    pg.insert_text((72, 100), "Table 1: Accuracy of open models on three benchmarks.", fontsize=9)
    xs = [72, 160, 220, 280, 340]
    rows = [("Model", "Size", "MMLU", "GSM8K", "MATH"), ("LLaMA", "7B", "35.1", "11.0", "2.9"),
            ("LLaMA", "13B", "46.9", "17.8", "3.9"), ("Mistral", "7B", "60.1", "52.2", "13.1"),
            ("Qwen", "14B", "66.3", "61.3", "24.8")]
    y = 115
    for r in rows:
        for x, c in zip(xs, r):
            pg.insert_text((x, y), c, fontsize=9)
        y += 13
    pg.insert_text((72, y + 30), "The larger models are better on every benchmark in this comparison.", fontsize=10)
    doc.save(str(path))
    return path


def test_a_size_column_tells_two_rows_of_one_name_apart(tmp_path):
    (t,) = extract_tables(load(_sizes_pdf(tmp_path / "sizes.pdf")))
    mmlu = {r.system: r.value for r in t.long if r.column == "MMLU"}
    assert mmlu == {"LLaMA / 7B": 35.1, "LLaMA / 13B": 46.9, "Mistral": 60.1, "Qwen": 66.3}
    assert {r.system: r.value for r in t.long if r.column == "Size"}["Qwen"] == "14B"


# (page, table label, the caption's last words as printed, a header name of the table)
@pytest.mark.parametrize("name,page,label,tail,head", [
    # last line opens in monospace ("DeepSeek-R1-0528 model.")
    ("minimax-m1.pdf", 3, "1", "DeepSeek-R1-0528 model.", "o3"),
    # first line a regular "Table 6:" before a bold title, second line bold: the table under it
    ("qwen3.pdf", 7, "6", "underlined, respectively.", "Llama-3-8B Base"),
])
def test_a_captions_last_line_stays_in_the_caption(tmp_path, name, page, label, tail, head):
    doc = _doc(name)
    (cap,) = [c for c in doc.captions if c.kind == "table" and c.label == label and c.page == page]
    assert cap.text.endswith(tail)
    (t,) = [t for t in extract_tables(doc) if t.label == label and t.page == page]
    assert head in {r.system for r in t.long}
    assert not any(tail.split()[0] in r.system or tail.split()[0] in r.column for r in t.long)


def test_a_rule_drawn_leftwards_places_the_spanning_header(tmp_path):
    # pmc7071725 p.4: "No. (%)Median (Interquartile Range)" over Cohort | Case-control | Total,
    # the rule under it drawn as a rectangle from right to left
    (t,) = _tables("pmc7071725.pdf", 4)
    span = "No. (%)Median (Interquartile Range)"
    assert t.columns[1:] == [f"{span} / Cohort", f"{span} / Case-control", f"{span} / Total"]
    rec = {(r.system, r.column.split(" / ")[-1]): r.value for r in t.long}
    assert rec[("Location / Europe", "Case-control")] == 9.0


# a group name printed once beside its block, wrapped onto lines that fall on the block's rows:
# every row of the block takes the whole name (one-line names, "English", stay as they were)
@pytest.mark.parametrize("name,page,label,leaf,labels", [
    ("qwen3.pdf", 16, "13", "PolyMath", {"Multilingual Tasks / PolyMath"}),          # systems as columns
    ("qwen3.pdf", 16, "13", "MMLU-Redux", {"General Tasks / MMLU-Redux"}),
    ("qwen3.pdf", 16, "13", "BFCL v3", {"Agent & Coding / BFCL v3"}),
    ("qwen3.pdf", 24, "24", "Qwen3-0.6B", {"Thinking Mode / Qwen3-0.6B", "Non-thinking Mode / Qwen3-0.6B"}),
    ("deepseek-v2.pdf", 29, "6", "AGIEval", {"English / AGIEval"}),
])
def test_a_wrapped_group_name_labels_its_whole_block(name, page, label, leaf, labels):
    (t,) = [t for t in _tables(name, page) if t.label == label]
    axis = [r.column for r in t.long] if t.orientation == "columns" else [r.system for r in t.long]
    assert {a for a in axis if a.endswith(" / " + leaf)} == labels
