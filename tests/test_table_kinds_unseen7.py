"""Table kinds found on the tune half of the seventh unseen table gold (issue #14), on a real
corpus page (qwen3 p. 21, Table 22) and on generated PDFs:

- a signed change set right after a value in much smaller type on its baseline ("70.9" "+2.3",
  "68.4" "-0.6") is no part of the value: glued to it, it is cut off; a raised one after a
  number ("10" "-3") is an exponent and stays;
- a column that one body row alone fills, its cell set in the gutter between two columns the
  other rows fill, is no column: one value centred across both (a stage's Thinking and
  Non-Thinking scores given once);
- a line centred right above a group label placed over two or more columns ("Stage 3" over
  "Thinking Mode Fusion") is that label's first line, not part of the column under it;
- a group name wrapped over as many lines as its block has rows ("Knowledge &" / "STEM") is one
  name where its lines end in a word or sign that cannot end a name; otherwise each row keeps
  its own label.
"""

from __future__ import annotations

import re
from pathlib import Path

import pymupdf
import pytest

from jupyter_review.extract.tables import extract_tables
from jupyter_review.pipeline import load
from tests.conftest import corpus_table as _table


def _norm(s: str) -> str:
    return re.sub(r"\s*/\s*", "/", " ".join(str(s).split()))


# qwen3 Table 22: stages as columns, coloured deltas on the later stages' values, a row whose
# values span both sub-columns of a stage, two-line group names
@pytest.mark.parametrize("system,column,value", [
    ("Stage 3 Thinking Mode Fusion/Thinking", "General Tasks/LiveBench 2024-11-25", 70.9),   # "70.9+2.3"
    ("Stage 3 Thinking Mode Fusion/Thinking", "General Tasks/CounterFactQA", 61.3),          # "61.3+10.9"
    ("Stage 3 Thinking Mode Fusion/Thinking", "Agent/BFCL v3", 68.4),                        # "68.4-0.6"
    ("Stage 4 General RL/Thinking", "Knowledge & STEM/MMLU-Redux", 90.9),                    # "90.9-0.1"
    ("Stage 4 General RL/Non-Thinking", "Math & Coding/AIME’24", 31.0),                      # "31.0+2.5"
    ("Stage 3 Thinking Mode Fusion/Non-Thinking", "Knowledge & STEM/GPQA-Diamond", 50.4),    # no delta
    ("Stage 2 Reasoning RL Thinking", "Instruction & Format Following/ThinkFollow", None),   # "-"
])
def test_qwen3_stage_table(system, column, value):
    t = _table("qwen3.pdf", 21, "22")
    assert t.orientation == "columns"
    recs = {(_norm(r.system), _norm(r.column.replace("*", ""))): r.value for r in t.long}
    assert (_norm(system), _norm(column)) in recs, sorted(recs)[:8]
    assert recs[(_norm(system), _norm(column))] == (pytest.approx(value) if value is not None else None)


def test_qwen3_stage_table_shape():
    t = _table("qwen3.pdf", 21, "22")
    systems = {r.system for r in t.long}
    assert len(systems) == 5  # Stage 2 Thinking; Stage 3 and 4 Thinking / Non-Thinking: no column for "88.7"
    assert not any(s.rstrip().endswith("Stage 3") or "Stage 3 Non" in s for s in systems), systems
    groups = {r.column.split(" / ")[0] for r in t.long}
    assert groups == {"General Tasks", "Instruction & Format Following", "Agent", "Knowledge & STEM", "Math & Coding"}


# -- generated pages -------------------------------------------------------------------------

def _save(doc, path: Path) -> Path:
    out = path / "t.pdf"
    doc.save(str(out))
    return out


def _only(path: Path):
    tables = [t for t in extract_tables(load(path)) if t.long]
    assert len(tables) == 1, [t.columns for t in tables]
    return tables[0]


def _caption(pg) -> None:
    pg.insert_text((100, 100), "Table 3: Scores of four systems on five benchmarks.", fontsize=9)


@pytest.mark.parametrize("change,raised,expect", [
    ("+2.3", False, 70.9),
    ("-0.6", False, 70.9),
    ("+10.9", False, 70.9),
    ("-3", True, None),  # raised: a superscript (the reader's mark), kept in the cell's text
])
def test_generated_small_change_after_value(tmp_path, change, raised, expect):
    doc = pymupdf.open()
    pg = doc.new_page(width=612, height=792)
    _caption(pg)
    heads = ["Base", "Tuned", "Other"]
    for k, h in enumerate(heads):
        pg.insert_text((250 + 90 * k, 130), h, fontsize=9)
    names = ["Alpha", "Beta", "Gamma", "Delta", "Epsilon"]
    for i, n in enumerate(names):
        y = 146 + 14 * i
        pg.insert_text((100, y), n, fontsize=9)
        pg.insert_text((250, y), f"6{i}.{i}", fontsize=9)
        base = "70.9" if i == 2 else f"7{i}.{i + 1}"
        pg.insert_text((340, y), base, fontsize=9)
        w = pymupdf.get_text_length(base, fontsize=9)
        pg.insert_text((340 + w, y - (3.5 if raised else 0)), change, fontsize=6, color=(0, 0.6, 0.3))
        pg.insert_text((430, y), f"5{i}.{i}", fontsize=9)
    t = _only(_save(doc, tmp_path))
    vals = {(r.system, r.column): r.value for r in t.long}
    got = vals[("Gamma", "Tuned")] if t.orientation == "rows" else vals[("Tuned", "Gamma")]
    cells = {(r.system, r.column): r for r in t.long}
    rec = cells[("Gamma", "Tuned")] if t.orientation == "rows" else cells[("Tuned", "Gamma")]
    if expect is None:
        assert "3" in rec.marks  # not dropped as a change: the raised part stays a mark of the cell
    else:
        assert not rec.marks  # the change is dropped, not kept as a footnote mark
        assert got == pytest.approx(expect)
        assert vals[("Alpha", "Tuned")] == pytest.approx(70.1)


@pytest.mark.parametrize("bridge", [True, False])
def test_generated_value_across_two_sub_columns(tmp_path, bridge):
    doc = pymupdf.open()
    pg = doc.new_page(width=612, height=792)
    _caption(pg)
    for x, h in ((250, "Base"), (320, "Think"), (380, "Plain")):
        pg.insert_text((x, 130), h, fontsize=9)
    names = ["Alpha", "Beta", "Gamma", "Delta", "Epsilon", "Zeta"]
    for i, n in enumerate(names):
        y = 146 + 14 * i
        pg.insert_text((100, y), n, fontsize=9)
        pg.insert_text((250, y), f"6{i}.{i}", fontsize=9)
        if bridge and i == 3:
            pg.insert_text((350, y), "88.7", fontsize=9)  # one value centred across Think and Plain
        else:
            pg.insert_text((320, y), f"7{i}.{i}", fontsize=9)
            pg.insert_text((380, y), f"8{i}.{i}", fontsize=9)
    t = _only(_save(doc, tmp_path))
    cols = {r.column for r in t.long} if t.orientation == "rows" else {r.system for r in t.long}
    assert cols == {"Base", "Think", "Plain"}, cols


@pytest.mark.parametrize("first,second,joined", [
    ("Math &", "Coding", True),
    ("Knowledge and", "Reasoning", True),
    ("Math", "Coding", False),
])
def test_generated_two_line_group_beside_two_rows(tmp_path, first, second, joined):
    doc = pymupdf.open()
    pg = doc.new_page(width=612, height=792)
    _caption(pg)
    for x, h in ((180, "Benchmark"), (300, "Model A"), (380, "Model B")):
        pg.insert_text((x, 130), h, fontsize=9)
    pg.draw_line((95, 134), (440, 134))
    rows = [("General", ["Alpha", "Beta", "Gamma"]), ((first, second), ["Delta", "Epsilon"]), ("Agent", ["Zeta", "Eta"])]
    y = 134
    k = 0
    for grp, benches in rows:
        top = y + 12
        for i, b in enumerate(benches):
            yy = top + 11 * i
            pg.insert_text((180, yy), b, fontsize=9)
            pg.insert_text((300, yy), f"{50 + k}.{k}", fontsize=9)
            pg.insert_text((380, yy), f"{60 + k}.{k}", fontsize=9)
            k += 1
        if isinstance(grp, tuple):
            pg.insert_text((100, top), grp[0], fontsize=9)
            pg.insert_text((100, top + 11), grp[1], fontsize=9)
        else:
            pg.insert_text((100, top + 11 * (len(benches) - 1) / 2), grp, fontsize=9)
        y = top + 11 * (len(benches) - 1) + 4
        pg.draw_line((95, y), (440, y))
    t = _only(_save(doc, tmp_path))
    labels = {r.column if t.orientation == "columns" else r.system for r in t.long}
    if joined:
        assert f"{first} {second} / Delta" in labels and f"{first} {second} / Epsilon" in labels, labels
    else:
        assert f"{first} {second} / Delta" not in labels, labels


# -- a name broken before its hyphen -------------------------------------------------------------

@pytest.mark.parametrize("page,label,name", [
    (16, "13", "DeepSeek-R1-Distill-Llama-70B"),  # "DeepSeek-R1" over "-Distill-Llama-70B"
    (18, "18", "Gemma-3-12B-IT"),                 # "Gemma-3" over "-12B-IT"
    (18, "18", "LLaMA-3.1-8B-Instruct"),
])
def test_header_name_broken_before_hyphen_is_one_word(page, label, name):
    t = _table("qwen3.pdf", page, label)
    assert name in {r.system for r in t.long}


@pytest.mark.parametrize("top,bottom,joined", [
    ("Llama-3", "-8B-Chat", "Llama-3-8B-Chat"),
    ("Mistral", "-Large", "Mistral-Large"),
    ("Baseline", "(ours)", "Baseline (ours)"),  # an ordinary second line keeps its space
])
def test_generated_two_line_system_names(tmp_path, top, bottom, joined):
    doc = pymupdf.open()
    pg = doc.new_page(width=612, height=792)
    _caption(pg)
    pg.insert_text((250, 122), top, fontsize=9)
    pg.insert_text((250, 133), bottom, fontsize=9)
    pg.insert_text((360, 133), "Other", fontsize=9)
    pg.draw_line((95, 137), (440, 137))
    for i, b in enumerate(["MMLU", "GSM8K", "HumanEval", "MATH"]):
        y = 150 + 12 * i
        pg.insert_text((100, y), b, fontsize=9)
        pg.insert_text((255, y), f"{50 + i}.{i}", fontsize=9)
        pg.insert_text((362, y), f"{60 + i}.{i}", fontsize=9)
    t = _only(_save(doc, tmp_path))
    names = {r.system for r in t.long} | {r.column for r in t.long}
    assert joined in names, names
