"""Results tables: real cells from real papers, typed DataFrames, bold/best, and bad input.

Every expected value below was read off the rendered page by eye (see
tests/data/gold/tables/README.md), or is written into a PDF the test makes itself.
"""

from __future__ import annotations

import time
from pathlib import Path

import pymupdf
import pytest

import jupyter_review
from jupyter_review.extract.tables import extract_tables, is_missing, parse_number, parse_spread, tables_long
from jupyter_review.model import to_data
from tests.conftest import corpus_pdf

_DOCS: dict[str, object] = {}


def _tables(name: str):
    if name not in _DOCS:
        doc = jupyter_review.load(corpus_pdf(name))
        _DOCS[name] = (doc, extract_tables(doc))
    return _DOCS[name]


def _table(name: str, page: int, label: str, n: int = 0):
    _doc, tables = _tables(name)
    hits = [t for t in tables if t.page == page and t.label == label]
    assert hits, f"no table {label} on p.{page} of {name}: {[(t.page, t.label) for t in tables]}"
    return hits[n]


def _cell(table, system_end: str, column_end: str):
    vals = [r.value for r in table.long
            if r.system.casefold().endswith(system_end.casefold()) and r.column.casefold().endswith(column_end.casefold())]
    assert vals, f"no record {system_end!r} x {column_end!r} in {table.id}"
    return vals[0]


# -- numbers --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text,value",
    [("85.3", 85.3), ("85.3%", 85.3), ("85.3 ± 0.2", 85.3), ("85.3±0.2", 85.3), ("1,234", 1234.0),
     ("8.6*", 8.6), ("86.7\u2020", 86.7), ("\u221212.1", -12.1), ("0.80", 0.8), ("2046", 2046.0),
     ("71.2 (0.4)", 71.2), ("(3.5)", 3.5), ("1 747 769", 1747769.0)],
)
def test_parse_number(text: str, value: float) -> None:
    assert parse_number(text) == pytest.approx(value)


@pytest.mark.parametrize("text", ["-", "\u2013", "\u2014", "n/a", "N/A", ""])
def test_missing_markers(text: str) -> None:
    assert is_missing(text)
    assert parse_number(text) is None


def test_not_numbers() -> None:
    for t in ("7B", "MMLU", "Janus-Pro-7B", "1.3B", "GPT-4"):
        assert parse_number(t) is None, t
    assert parse_spread("85.3 ± 0.2") == pytest.approx(0.2)
    assert parse_spread("71.2 (0.4)") == pytest.approx(0.4)


# -- real papers ------------------------------------------------------------------------------


def test_deepseek_v32_transposed_table() -> None:
    t = _table("deepseek-v3.2-exp.pdf", 4, "1")
    assert t.is_results
    assert t.orientation == "columns"  # benchmarks down the side, the two models across
    assert _cell(t, "DeepSeek-V3.2-Exp", "Codeforces-Div1 (Rating)") == 2121.0
    assert _cell(t, "DeepSeek-V3.1-Terminus", "HMMT 2025 (Pass@1)") == 86.1
    assert _cell(t, "DeepSeek-V3.2-Exp", "BrowseComp_zh (Acc.)") == 47.9
    # grouped rows keep their group: Search Agent is printed once, centred on three rows
    cols = {r.column for r in t.long}
    assert "Search Agent / SimpleQA (Acc.)" in cols
    assert "Math / AIME 2025 (Pass@1)" in cols
    best = {k.split(" / ")[-1]: v for k, v in t.best.items()}
    assert best["HMMT 2025 (Pass@1)"] == "DeepSeek-V3.1-Terminus"  # 86.1 vs 83.6
    assert best["AIME 2025 (Pass@1)"] == "DeepSeek-V3.2-Exp"  # 89.3 vs 88.4


def test_minimax_grouped_header_and_missing() -> None:
    t = _table("minimax-m1.pdf", 13, "2")
    assert t.is_results and t.orientation == "columns"
    assert _cell(t, "MiniMax-M1-80k", "TAU-bench (retail)") == 63.5
    assert _cell(t, "OpenAI-o3", "AIME 2024") == 91.6
    assert _cell(t, "DeepSeek-R1", "TAU-bench (airline)") is None  # printed "–"
    assert _cell(t, "DeepSeek-R1", "HLE (no tools)") == 8.6  # printed "8.6*"
    # column names broken over three header lines are joined; group headers become a level
    assert "Our Models / MiniMax-M1-80k" in t.columns
    assert "Leading Close-Weights Models / Seed-Thinking-v1.5" in t.columns
    df = t.df
    assert df.columns.nlevels == 2
    assert ("Our Models", "MiniMax-M1-80k") in list(df.columns)
    col = df[("Open-Weights Models", "DeepSeek-R1")]
    assert col.dtype.kind == "f"
    assert col.isna().sum() >= 3  # the dashes of the long-context and tool-use rows
    assert 97.3 in col.tolist()


def test_janus_systems_citations_and_types() -> None:
    t = _table("janus-pro.pdf", 6, "3")
    assert t.is_results and t.orientation == "rows"
    assert t.columns[t.system_column] == "Model"
    assert _cell(t, "Janus-Pro-7B", "MME-P") == 1567.1
    assert _cell(t, "ILLUME", "GQA") is None
    systems = {r.system.split(" / ")[-1] for r in t.long}
    assert "LLaVA-v1.5-Phi-1.5" in systems  # "[50]" citation dropped from the label
    assert "DreamLLM" in systems  # dagger dropped
    df = t.df
    assert df["# LLM Params"].tolist()[0] == "1.3B"  # a size column stays text
    assert df["POPE\u2191"].dtype.kind == "f"
    assert df["Type"].tolist()[-1] == "Und. and Gen."  # the group label reaches every row of its block
    t5 = _table("janus-pro.pdf", 7, "5")
    assert _cell(t5, "Janus-Pro-7B", "Overall") == 84.19
    assert t5.best["Overall"] == "Janus-Pro-7B"


def test_stockmixer_bold_marks_the_best() -> None:
    t = _table("stockmixer-main.pdf", 6, "2")
    assert t.is_results
    assert "NYSE / prec@N" in t.columns and "S&P500 / SR" in t.columns
    assert _cell(t, "RSR-I", "NYSE / SR") == 0.098
    df, bold = t.df, t.bold_mask
    assert bold.shape == df.shape
    # the caption says bold shows the best: on this page every bold cell is its column's maximum
    checked = 0
    for j in t.metric_columns:
        col = df.iloc[:, j]
        for i in range(len(df)):
            if bold.iloc[i, j]:
                assert col.iloc[i] == col.max(), (t.columns[j], col.iloc[i])
                checked += 1
    assert checked >= 12
    assert t.best["NASDAQ / IC"].endswith("StockMixer")
    assert t.best["NYSE / IC"].endswith("ESTIMATE")  # 0.030, printed bold
    # the ablation table sits in the right column of a two-column page
    t3 = _table("stockmixer-main.pdf", 6, "3")
    assert _cell(t3, "LSTM + Stock Mixing", "NYSE / IC") == 0.030
    assert t3.bbox[0] > 300


def test_stacked_blocks_and_percentages() -> None:
    a = _table("deepseek-coder-v2.pdf", 8, "3", 0)
    b = _table("deepseek-coder-v2.pdf", 8, "3", 1)
    assert "Python" in a.columns and "Average" in b.columns
    assert _cell(a, "Gemini-1.5-Pro", "Python") == 83.5  # printed "83.5%"
    assert _cell(b, "DS-Coder-V2-Instruct", "Average") == 75.3
    df = a.df
    assert df["#TP"].isna().tolist()[:5] == [True] * 5  # "-" for the closed models' size
    assert df["#TP"].tolist()[-1] == "236B"
    assert df["Python"].dtype.kind == "f"
    # the row of category "Closed-Source Models" is not a data row
    assert "Closed-Source Models" not in df.iloc[:, 0].tolist()


def test_transposed_with_superscript_footnote() -> None:
    t = _table("edge/table-only-page-scibert.pdf", 1, "1")
    assert t.orientation == "columns"
    assert _cell(t, "SOTA", "BC5CDR") == 88.85  # printed 88.85 with a superscript 7
    assert _cell(t, "SciBERT / Finetune", "ChemProt") == 83.64
    assert _cell(t, "SOTA", "REL / SciERC") is None  # "n/a"


def test_mid_sentence_reference_is_not_a_caption() -> None:
    doc, _ = _tables("deepseek-coder-v2.pdf")
    t3 = [c for c in doc.captions if c.kind == "table" and c.label == "3"]
    assert len(t3) == 1 and t3[0].text.startswith("Table 3 | Performance Metrics")
    assert not any(c.text.startswith("Table 3 provides") for c in doc.captions)
    jdoc, _ = _tables("janus-pro.pdf")
    labels = sorted(c.label for c in jdoc.captions if c.kind == "table")
    assert labels == ["1", "2", "3", "4", "5"]
    assert all(not c.text.lower().startswith(("in table", "as shown in table")) for c in jdoc.captions)


def test_not_results_tables() -> None:
    t = _table("janus-pro.pdf", 5, "1")  # architectural configuration
    assert not t.is_results
    s = _table("stockmixer-main.pdf", 5, "1")  # statistics of datasets
    assert not s.is_results


def test_long_export_and_json() -> None:
    _doc, tables = _tables("deepseek-v3.2-exp.pdf")
    long = tables_long(tables, paper="deepseek-v3.2-exp")
    row = long[(long.system == "DeepSeek-V3.2-Exp") & long.column.str.endswith("MMLU-Pro (EM)")]
    assert row.value.tolist() == [85.0]
    data = to_data(tables[0])
    assert {"doc", "page", "bbox", "caption", "is_results", "columns", "rows", "long"} <= set(data)
    assert {"system", "column", "value", "text", "spread", "unit", "marks", "confidence", "attributes"} == set(data["long"][0])
    assert {"overall", "confident", "grid", "header", "orientation", "labels"} <= set(data["confidence"])
    csv = tables[0].to_csv()
    assert "DeepSeek-V3.2-Exp" in csv and "2121" in csv


def test_rotated_page_table() -> None:
    doc = jupyter_review.load(corpus_pdf("edge/rotated-table-page.pdf"))
    tables = extract_tables(doc)
    assert tables
    t = max(tables, key=lambda x: len(x.rows))
    df = t.df
    first = df.iloc[:, 0].tolist()
    assert "Alabama" in first
    i = first.index("Alabama")
    assert df.iloc[i, 1] == 18870.0  # Permit, printed "18,870"


# -- generated PDFs: layouts we control ----------------------------------------------------


def _write(path: Path, pages: list[list[tuple[float, float, str, float, bool]]], size=(595, 842)) -> Path:
    doc = pymupdf.open()
    for items in pages:
        pg = doc.new_page(width=size[0], height=size[1])
        for x, y, text, fs, bold in items:
            pg.insert_text((x, y), text, fontsize=fs, fontname="hebo" if bold else "helv")
    doc.save(str(path))
    doc.close()
    return path


_PROSE = ("The experiments below compare four systems on three measures and the numbers are discussed in the text "
          "that follows this paragraph of ordinary running prose for the reader.")


def _prose_lines(y: float, n: int = 3) -> list[tuple[float, float, str, float, bool]]:
    words = _PROSE.split()
    out = []
    for k in range(n):
        out.append((60, y + 14 * k, " ".join(words[(k * 9) % len(words):][:14]), 10, False))
    return out


def test_lower_is_better_and_bold(tmp_path: Path) -> None:
    rows = [("Baseline", "71.2", "0.35", "12.4", "40"), ("Larger", "74.0", "0.31", "10.9", "55"),
            ("Ours", "76.5", "0.28", "9.7", "38"), ("Ablated", "73.1", "0.30", "11.2", "37")]
    items = [(60, 80, "Table 1: Results of all systems on the test set.", 10, False)]
    xs = [60, 200, 290, 380, 470]
    for x, h in zip(xs, ["Method", "Accuracy", "Error rate", "Perplexity", "Latency (ms)"]):
        items.append((x, 110, h, 9, True))
    for i, r in enumerate(rows):
        for j, (x, v) in enumerate(zip(xs, r)):
            best = (j == 1 and v == "76.5") or (j == 2 and v == "0.28") or (j == 3 and v == "9.7") or (j == 4 and v == "37")
            items.append((x, 130 + 14 * i, v, 9, best))
    items += _prose_lines(220)
    doc = jupyter_review.load(_write(tmp_path / "lower.pdf", [items]))
    (t,) = extract_tables(doc)
    assert t.is_results and t.label == "1"
    low = dict(zip(t.columns, t.lower_is_better))
    assert low == {"Method": False, "Accuracy": False, "Error rate": True, "Perplexity": True, "Latency (ms)": True}
    assert t.best == {"Accuracy": "Ours", "Error rate": "Ours", "Perplexity": "Ours", "Latency (ms)": "Ablated"}
    bold = t.bold_mask
    assert bold["Accuracy"].tolist() == [False, False, True, False]
    assert bold["Latency (ms)"].tolist() == [False, False, False, True]
    assert t.df["Perplexity"].tolist() == [12.4, 10.9, 9.7, 11.2]


def test_spanning_header_becomes_multiindex(tmp_path: Path) -> None:
    items = [(60, 80, "Table 2: Precision and recall on two datasets.", 10, False),
             (215, 110, "Dataset A", 9, False), (375, 110, "Dataset B", 9, False),
             (60, 126, "Model", 9, False)]
    xs = [60, 200, 260, 360, 420]
    for x, h in zip(xs[1:], ["P", "R", "P", "R"]):
        items.append((x + 8, 126, h, 9, False))
    for i, r in enumerate([("Alpha", "0.81", "0.77", "0.64", "0.70"), ("Beta", "0.79", "0.80", "0.66", "0.69"),
                           ("Gamma", "0.85", "0.75", "0.61", "0.72")]):
        for x, v in zip(xs, r):
            items.append((x, 146 + 14 * i, v, 9, False))
    items += _prose_lines(220)
    doc = jupyter_review.load(_write(tmp_path / "span.pdf", [items]))
    (t,) = extract_tables(doc)
    assert t.columns == ["Model", "Dataset A / P", "Dataset A / R", "Dataset B / P", "Dataset B / R"]
    df = t.df
    assert df.columns.nlevels == 2
    assert df[("Dataset B", "R")].tolist() == [0.70, 0.69, 0.72]
    assert t.best["Dataset A / P"] == "Gamma"


def test_table_continued_on_next_page(tmp_path: Path) -> None:
    xs = [60, 220, 300, 380]
    p1 = _prose_lines(80, 4) + [(60, 520, "Table 3: Scores per language.", 10, False)]
    for x, h in zip(xs, ["Language", "BLEU", "chrF", "COMET"]):
        p1.append((x, 550, h, 9, True))
    langs = ["German", "French", "Spanish", "Italian", "Dutch", "Polish", "Czech", "Greek", "Finnish", "Danish"]
    for i, lang in enumerate(langs[:6]):
        for x, v in zip(xs, [lang, f"{30 + i}.1", f"{55 + i}.2", f"{0.8 + i / 100:.3f}"]):
            p1.append((x, 570 + 14 * i, v, 9, False))
    p2 = []
    for i, lang in enumerate(langs[6:]):
        for x, v in zip(xs, [lang, f"{20 + i}.5", f"{45 + i}.5", f"{0.7 + i / 100:.3f}"]):
            p2.append((x, 70 + 14 * i, v, 9, False))
    p2 += _prose_lines(160, 5)
    doc = jupyter_review.load(_write(tmp_path / "split.pdf", [p1, p2]))
    tables = extract_tables(doc)
    assert len(tables) == 1
    t = tables[0]
    assert t.pages == [1, 2] and t.method == "merged"
    assert t.df["Language"].tolist() == langs
    assert _cell(t, "Finnish", "BLEU") == 22.5


def test_caption_without_table_and_empty_page(tmp_path: Path) -> None:
    items = [(60, 80, "Table 4: Results will be added in the final version.", 10, False)] + _prose_lines(110, 6)
    doc = jupyter_review.load(_write(tmp_path / "empty.pdf", [items, [(60, 80, "x", 9, False)]]))
    assert [c.label for c in doc.captions if c.kind == "table"] == ["4"]
    assert extract_tables(doc) == []


def test_page_with_2000_tiny_cells(tmp_path: Path) -> None:
    items = [(20, 30, "Table 5: Every pairwise distance.", 8, False)]
    for i in range(50):
        items.append((20, 50 + i * 4.2, f"r{i}", 3, False))
        for j in range(40):
            items.append((40 + j * 13.5, 50 + i * 4.2, f"{(i * 7 + j * 3) % 97 / 10:.1f}", 3, False))
    path = _write(tmp_path / "tiny.pdf", [items])
    t0 = time.process_time()
    doc = jupyter_review.load(path)
    tables = extract_tables(doc)
    assert time.process_time() - t0 < 20
    assert len(tables) == 1
    t = tables[0]
    if t.rows:  # best effort: the grid is read
        assert len(t.rows) == 50 and len(t.columns) == 41
        assert t.df.iloc[3, 5] == pytest.approx(((3 * 7 + 4 * 3) % 97) / 10)
    else:  # or a note says why it was skipped
        assert t.notes
