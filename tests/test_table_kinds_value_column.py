"""Two kinds of table the reader failed on unseen papers (issue #14, session 20), as cases of the
mechanisms that now read them, on a texbench tune page and on PDFs generated with pymupdf:

- a table with a single value column (a label and one number per row):
  * labels of very different lengths beside values set flush right: the longest labels reach past
    where the widest values start, so no gutter parts the two columns on every row; each row still
    parts its label from its value, and the values line up on one edge (two columns);
  * a label that reads like a line of running text ("Proportion of women in the study sample")
    followed, past a gutter, by its one value lined up with the value of the row beside it is a
    row, not prose (the table used to end there);
  * a small table above its caption with a figure under the caption (scaling-ptp Table 1): the
    rows under the caption run down to the figure's caption and are the figure's (ticks, legend);
- a full-width table under a figure on a two-column page, caption under the table and no figure
  caption between: the figure's ticks and legend, set smaller and parted from the table's top
  rule by a wide gap, are cut off.
"""

from __future__ import annotations

import json
from pathlib import Path

import pymupdf
import pytest

import jupyter_review
from jupyter_review.extract.tables import extract_tables

_LOREM = ("The proposed method is evaluated on the standard benchmark and compared with strong baselines "
          "under the same training budget. We report the mean over three runs and note that the differences "
          "between the systems are small but consistent across the settings that we considered in this work. ").split()


def _prose(pg, x0: float, x1: float, y0: float, y1: float, start: int = 0, fs: float = 9.5) -> int:
    y, k = y0 + fs, start
    while y < y1:
        line = ""
        while True:
            w = _LOREM[k % len(_LOREM)]
            if line and pymupdf.get_text_length(line + " " + w, fontsize=fs) > x1 - x0:
                break
            line = (line + " " + w).strip()
            k += 1
        pg.insert_text((x0, y), line, fontsize=fs)
        y += fs * 1.25
    return k


def _right(pg, x1: float, y: float, text: str, fs: float = 9, font: str = "helv") -> None:
    pg.insert_text((x1 - pymupdf.get_text_length(text, fontsize=fs, fontname=font), y), text, fontsize=fs, fontname=font)


def _one_value_page(path: Path, rows: list[tuple[str, str]], head: tuple[str, str] | None) -> Path:
    """A two-column page; in its left column a captioned table of a label and one value per
    row (values flush right), running text above and below it and in the right column."""
    doc = pymupdf.open()
    pg = doc.new_page(width=612, height=792)
    x0, x1 = 54, 294
    k = _prose(pg, x0, x1, 60, 250)
    y = 270
    pg.insert_text((x0, y), "Table 2: Characteristics of the participants.", fontsize=9)
    y += 16
    pg.draw_line((x0, y - 9), (x1, y - 9), width=0.8)
    if head:
        pg.insert_text((x0 + 4, y), head[0], fontsize=9, fontname="hebo")
        _right(pg, x1 - 4, y, head[1], font="hebo")
        pg.draw_line((x0, y + 4), (x1, y + 4), width=0.5)
        y += 16
    for lab, v in rows:
        pg.insert_text((x0 + 4, y), lab, fontsize=9)
        _right(pg, x1 - 4, y, v)
        y += 12
    pg.draw_line((x0, y - 8), (x1, y - 8), width=0.8)
    _prose(pg, x0, x1, y + 16, 740, start=k)
    _prose(pg, 318, 558, 60, 740, start=3)
    out = path / "one_value.pdf"
    doc.save(str(out))
    return out


_CLINICAL = [("Age in years, mean (SD)", "54.2 (11.3)"), ("Proportion of women in the study sample", "61.4%"),
             ("Number of patients admitted to the intensive care unit", "37"),
             ("Patients with a history of smoking", "128 (31.1)"),
             ("Median length of stay in the hospital, days", "6"), ("Body mass index, mean", "27.9")]
_COUNTS = [("Documents drawn from the English Wikipedia", "6,112"), ("News", "12,540"),
           ("Scientific papers from open-access journals", "3,207"), ("Web forums", "8,963"), ("Total", "30,822")]
_SHORT = [("BERT-base", "84.2"), ("RoBERTa-large", "88.9"), ("DeBERTa-v3", "90.1"), ("Ours", "91.4")]


@pytest.mark.parametrize("rows, head", [
    (_CLINICAL, ("Characteristic", "Value")),   # long labels reach over the widest values
    (_CLINICAL, None),                          # the same without a header line
    (_COUNTS, ("Source", "Documents")),         # thousands; one long label, one short
    (_SHORT, ("Model", "Accuracy")),            # a plain gutter (read before as well)
])
def test_single_value_column(tmp_path, rows, head):
    tables = [t for t in extract_tables(jupyter_review.load(_one_value_page(tmp_path, rows, head))) if t.label == "2"]
    assert len(tables) == 1, [t.label for t in tables]
    t = tables[0]
    got = {" ".join(r[0].split()): r[-1] for r in t.rows}
    assert got == {lab: v for lab, v in rows}, t.rows
    assert all(len(r) == 2 for r in t.rows)
    if head:
        assert t.columns[-1] == head[1]


def _texbench() -> Path:
    from tests.conftest import need_corpus

    root = need_corpus("texbench").parent / "texbench"
    if not (root / "gold").is_dir():
        pytest.skip(f"{root} not there")
    return root


def test_small_table_over_its_caption_with_a_figure_under_it():
    """scaling-ptp p.8 (texbench tune): "Model | Perplexity (↓)" with two rows above "Table 1: ...",
    Figure 4 (two plots, ticks "4.0x" ... "1.1B") right under the caption. The table is the rows
    above the caption; the figure's ticks are no table."""
    root = _texbench()
    gold = json.loads((root / "gold" / "scaling-ptp.json").read_text(encoding="utf-8"))
    g = next(t for t in gold["tables"] if t["caption_starts"] == "Table 1")
    tables = [t for t in extract_tables(jupyter_review.load(root / "pdfs" / "scaling-ptp.pdf"))
              if t.page == g["page"] and t.label == "1"]
    assert len(tables) == 1
    recs = {(r.system, r.value) for r in tables[0].long}
    assert recs == {(row, float(v)) for row, _col, v in g["cells"]}
    assert not any("x" in str(c) for row in tables[0].rows for c in row[1:])  # no "4.0x" tick


def _figure(pg, x0: float, x1: float, y0: float, y1: float, fs: float = 7) -> None:
    """Two plots side by side: frames, tick labels, a legend and points."""
    w = (x1 - x0) / 2 - 30
    for xs in (x0 + 20, (x0 + x1) / 2 + 10):
        pg.draw_rect((xs, y0, xs + w, y1 - 14), width=0.6)
        for i, t in enumerate(["0", "20", "40", "60", "80", "100"]):
            pg.insert_text((xs + i * w / 5 - 3, y1 - 5), t, fontsize=fs)
        for i, t in enumerate(["0.2", "0.4", "0.6", "0.8"]):
            pg.insert_text((xs - 14, y1 - 14 - (i + 1) * (y1 - y0 - 14) / 5), t, fontsize=fs)
        pg.insert_text((xs + 10, y0 + 12), "Baseline  Ours (full)  Ours w/o memory", fontsize=fs)
        for i in range(20):
            pg.draw_circle((xs + 8 + i * w / 21, y1 - 20 - i * 3), 1.2)


_HEADS = ["Method", "MMLU", "GSM8K", "HumanEval", "ARC-C", "Average"]
_ROWS = [["Baseline", "61.2", "45.3", "30.1", "52.4", "47.3"], ["+ data mixing", "63.8", "49.0", "33.5", "55.1", "50.4"],
         ["+ longer context", "64.1", "50.2", "34.0", "56.3", "51.2"], ["Ours (full)", "66.5", "53.7", "36.8", "58.9", "54.0"]]


def _table(pg, x0: float, x1: float, y: float) -> float:
    xs = [x0 + 4, x0 + 170, x0 + 240, x0 + 310, x0 + 390, x0 + 450]
    pg.draw_line((x0, y), (x1, y), width=0.8)
    y += 11
    for h, x in zip(_HEADS, xs):
        pg.insert_text((x, y), h, fontsize=9)
    pg.draw_line((x0, y + 4), (x1, y + 4), width=0.5)
    y += 15
    for r in _ROWS:
        for c, x in zip(r, xs):
            pg.insert_text((x, y), c, fontsize=9)
        y += 12
    pg.draw_line((x0, y - 7), (x1, y - 7), width=0.8)
    return y


@pytest.mark.parametrize("caption", ["Table 3: Results on the four benchmarks; best in bold. All numbers are averaged over three seeds.",
                                     "Table 3: Results."])
@pytest.mark.parametrize("figure_caption", [True, False])
@pytest.mark.parametrize("below", [True, False])
def test_full_width_table_under_a_figure(tmp_path, caption, figure_caption, below):
    """Two-column page: a full-width figure on top, then a full-width table with its caption
    under it (or over it), then running text in two columns. With or without the figure's
    caption between them, the table is its own rows only: the figure's ticks are set smaller
    over the table's opening rule, and a caption hugs its table, the figure lying beyond the
    float's wider skip."""
    doc = pymupdf.open()
    pg = doc.new_page(width=612, height=792)
    _figure(pg, 54, 558, 60, 210)
    if figure_caption:
        pg.insert_text((54, 226), "Figure 2: Accuracy against training steps for the three systems.", fontsize=9)
    if below:
        y = _table(pg, 54, 558, 244)
        pg.insert_text((54, y + 8), caption, fontsize=9)
    else:
        pg.insert_text((54, 244), caption, fontsize=9)
        y = _table(pg, 54, 558, 252)
    _prose(pg, 54, 294, y + 24, 740)
    _prose(pg, 318, 558, y + 24, 740, start=7)
    out = tmp_path / "fig_table.pdf"
    doc.save(str(out))
    tables = [t for t in extract_tables(jupyter_review.load(out)) if t.label == "3"]
    assert len(tables) == 1
    t = tables[0]
    assert t.columns == _HEADS
    assert t.rows == _ROWS


def test_one_value_table_over_caption_with_figure_under(tmp_path):
    """The generated twin of scaling-ptp p.8: a two-row "Model | Perplexity" table, its caption
    under it, a captioned figure right under that."""
    doc = pymupdf.open()
    pg = doc.new_page(width=612, height=792)
    pg.draw_line((230, 80), (380, 80), width=0.8)
    pg.insert_text((236, 92), "Model", fontsize=9)
    _right(pg, 376, 92, "Perplexity")
    pg.draw_line((230, 96), (380, 96), width=0.5)
    for k, (lab, v) in enumerate([("C-PTP (Ours)", "19.88"), ("Autoregressive", "19.81")]):
        pg.insert_text((236, 108 + 12 * k), lab, fontsize=9)
        _right(pg, 376, 108 + 12 * k, v)
    pg.draw_line((230, 126), (380, 126), width=0.8)
    pg.insert_text((108, 142), "Table 1: The perplexity of the two models on the taxi pickup sequences.", fontsize=9)
    _figure(pg, 108, 504, 160, 290)
    pg.insert_text((108, 306), "Figure 4: Speculative decoding with parallel token prediction on code.", fontsize=9)
    _prose(pg, 108, 504, 330, 740)
    out = tmp_path / "ptp_twin.pdf"
    doc.save(str(out))
    tables = [t for t in extract_tables(jupyter_review.load(out)) if t.label == "1"]
    assert len(tables) == 1
    assert [r for r in tables[0].rows] == [["C-PTP (Ours)", "19.88"], ["Autoregressive", "19.81"]]


def _key_value_page(path: Path, rows: list[tuple[str, str]], head: tuple[str, str]) -> Path:
    """A two-column page; in its left column a captioned label-and-value table, values set
    flush left after a gutter, some of them words ("AdamW", "bf16") or a number with a unit."""
    doc = pymupdf.open()
    pg = doc.new_page(width=612, height=792)
    k = _prose(pg, 54, 294, 60, 250)
    y = 270
    pg.insert_text((54, y), "Table 2: Settings and statistics of the study.", fontsize=9)
    y += 16
    pg.insert_text((58, y), head[0], fontsize=9, fontname="hebo")
    pg.insert_text((170, y), head[1], fontsize=9, fontname="hebo")
    y += 14
    for lab, v in rows:
        pg.insert_text((58, y), lab, fontsize=9)
        pg.insert_text((170, y), v, fontsize=9)
        y += 12
    _prose(pg, 54, 294, y + 12, 740, start=k)
    _prose(pg, 318, 558, 60, 740, start=3)
    out = path / "key_value.pdf"
    doc.save(str(out))
    return out


@pytest.mark.parametrize("rows, head", [
    ([("Optimizer", "AdamW"), ("Learning rate", "3e-4"), ("Batch size", "256"), ("Epochs", "10"),
      ("Warm-up", "500 steps"), ("Precision", "bf16")], ("Hyperparameter", "Value")),
    ([("Accuracy", "91.4"), ("Precision", "89.2"), ("Recall", "90.7"), ("F1", "89.9")], ("Statistic", "Value")),
    ([("Number of documents", "12,540"), ("Number of sentences", "301,233"), ("Average sentence length", "21.4"),
      ("Vocabulary size", "48,112")], ("Statistic", "Value")),
])
def test_key_value_table_rows_are_its_entries(tmp_path, rows, head):
    """One value column: every row (a word value too) is a row of its own, and the rows are the
    entries (systems as rows), the header over the values their measure, whatever the label
    column's header or the labels say (metric names, "Statistic")."""
    tables = [t for t in extract_tables(jupyter_review.load(_key_value_page(tmp_path, rows, head))) if t.label == "2"]
    assert len(tables) == 1
    t = tables[0]
    assert t.orientation == "rows"
    assert [tuple(r) for r in t.rows] == rows
    nums = {lab: float(v.replace(",", "")) for lab, v in rows if v.replace(",", "").replace(".", "").isdigit()}
    if len(nums) < len(rows):
        return  # (a column of words and numbers is no measure: no records, as for any such column)
    assert {(r.system, r.column): r.value for r in t.long if r.system in nums} == {(lab, head[1]): v for lab, v in nums.items()}
