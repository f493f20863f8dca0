"""benchmarks/tex_table_gold.py on LaTeX tables written here and compiled here with pdflatex.

The expected cells are what the LaTeX below says (row label, column label, value); the PDF is a
real pdflatex build of that LaTeX, so the PDF-agreement filter runs on a real text layer. A second
build with changed numbers checks that a table the PDF disagrees with is left out."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

import benchmarks.tex_table_gold as ttg  # noqa: E402

PREAMBLE = r"""\documentclass{article}
\usepackage{booktabs}
\usepackage{multirow}
\usepackage{xcolor}
\usepackage{caption}
\usepackage{subcaption}
\usepackage{rotating}
\makeatletter\newcommand{\tbl}[2]{\caption{#1}#2}\makeatother
\usepackage[margin=2cm]{geometry}
\newcommand{\best}[1]{\textbf{#1}}
\newcommand{\ours}{\textsc{TinyNet}}
\begin{document}
\section{Results}
Some text before the tables.
"""

# Table 1: two-level header with \multicolumn, ± cells, % cells, a macro with an argument
T_MULTICOL = r"""
\begin{table}[h]
\centering
\caption{Accuracy on two benchmarks with standard deviations.}
\begin{tabular}{lcccc}
\toprule
 & \multicolumn{2}{c}{SST-2} & \multicolumn{2}{c}{MNLI} \\
\cmidrule(lr){2-3} \cmidrule(lr){4-5}
Model & Acc & F1 & Acc & F1 \\
\midrule
BERT-base & $91.2 \pm 0.3$ & 90.8\% & 84.1 $\pm$ 0.2 & 83.9\% \\
RoBERTa & 93.5 $\pm$ 0.4 & 93.1\% & 87.2 $\pm$ 0.1 & 86.8\% \\
\ours{} (ours) & \best{94.1 $\pm$ 0.2} & \best{93.9\%} & \best{88.0 $\pm$ 0.3} & \best{87.5\%} \\
\bottomrule
\end{tabular}
\end{table}
"""

# Table 2: multirow groups over two label columns, ruled, colour macros, a thousands separator
T_MULTIROW = r"""
\begin{table}[h]
\centering
\caption{Detection results by backbone and training data size.}
\begin{tabular}{|c|l|c|c|}
\hline
Backbone & Method & mAP & Images \\
\hline
\multirow{2}{*}{ResNet50} & Baseline & 41.3 & 1,200 \\
 & Ours & \textcolor{red}{45.9} & 1,200 \\
\hline
\multirow{2}{*}{VGG16} & Baseline & 37.0 & 2,400 \\
 & Ours & \underline{39.4} & 2,400 \\
\hline
\end{tabular}
\end{table}
"""

# Table 3: systems as columns (corner cell "Metric"), "a (b)" cells, math in a row label
T_COLUMNS = r"""
\begin{table}[h]
\centering
\caption{Metric values for three solvers (interquartile range in parentheses).}
\begin{tabular}{lccc}
\hline
Metric & Greedy & Beam & Sampling \\
\hline
BLEU & 27.1 (0.4) & 28.3 (0.5) & 25.9 (0.7) \\
$\Delta$ length & 1.2 (0.1) & 0.8 (0.1) & 2.3 (0.2) \\
Time$_{\mathrm{gen}}$ (s) & 3.10 (0.05) & 9.80 (0.12) & 4.40 (0.08) \\
\hline
\end{tabular}
\end{table}
"""

# Table 4: row-group rows spanning the table, superscript note markers, a dash cell, and a plain row
# without results (not a group label)
T_GROUPS = r"""
\begin{table}[h]
\centering
\caption{Error rates on the held-out sets grouped by model family.}
\begin{tabular}{lrr}
\toprule
System & Dev & Test \\
\midrule
\multicolumn{3}{l}{\textit{Recurrent}} \\
LSTM & 12.4 & 13.0$^{*}$ \\
n-gram & & \\
GRU & 12.9 & -- \\
\multicolumn{3}{l}{\textit{Attention}} \\
Transformer & 10.2$^\dagger$ & 10.8 \\
\bottomrule
\end{tabular}
\end{table}
"""

# Table 5: a text-only table (no numbers) is skipped, and numbering goes on after it
T_TEXT = r"""
\begin{table}[h]
\centering
\caption{Hyper-parameter search spaces of every method.}
\begin{tabular}{ll}
\toprule
Parameter & Range \\
\midrule
learning rate & log-uniform \\
optimizer & Adam or SGD \\
\bottomrule
\end{tabular}
\end{table}
"""


# Tables 6 and 7: two captioned minipages in one float, then a \captionof table outside floats
T_MINIPAGES = r"""
\begin{table}[h]
\begin{minipage}{0.48\linewidth}
\centering
\caption{Left panel: speed of two parsers.}
\begin{tabular}{lc}
\toprule
Parser & Tokens/s \\
\midrule
Fast & 5120 \\
Slow & 870 \\
\bottomrule
\end{tabular}
\end{minipage}\hfill
\begin{minipage}{0.48\linewidth}
\centering
\caption{Right panel: memory of two parsers.}
\begin{tabular}{lc}
\toprule
Parser & MB \\
\midrule
Fast & 312 \\
Slow & 95 \\
\bottomrule
\end{tabular}
\end{minipage}
\end{table}

\noindent\begin{minipage}{\linewidth}
\centering
\captionof{table}{Outside a float: recall of the retrievers.}
\begin{tabular}{lcc}
\toprule
Retriever & R@10 & R@100 \\
\midrule
BM25 & 41.7 & 66.2 \\
Dense & 55.3 & 80.9 \\
\bottomrule
\end{tabular}
\end{minipage}
"""


# Table 9: a sidewaystable (the page's table is turned by 90 degrees); Table 10: a caption given by
# a class macro \tbl{caption}{tabular} (Taylor & Francis style), defined here the way such classes do
T_SIDEWAYS = r"""
\begin{sidewaystable}
\centering
\caption{Turned table: throughput of three kernels on two devices.}
\begin{tabular}{lccc}
\toprule
Kernel & A100 & H100 & MI250 \\
\midrule
GEMM & 312.4 & 498.1 & 287.6 \\
Attention & 201.7 & 355.0 & 190.2 \\
\bottomrule
\end{tabular}
\end{sidewaystable}

\begin{table}[h]
\tbl{Macro caption: coverage of two surveys.}
{\begin{tabular}{lcc}
\toprule
Survey & Coverage & Response \\
\midrule
Wave 1 & 81.5 & 42.0 \\
Wave 2 & 77.9 & 39.4 \\
\bottomrule
\end{tabular}}
\end{table}
"""


# Table 11: two sub-tables with sub-captions in one float (subcaption package)
T_SUBTABLES = r"""
\begin{table}[h]
\centering
\caption{Two sub-tables side by side.}
\begin{subtable}{0.45\linewidth}
\centering
\caption{News}
\begin{tabular}{lc}
\toprule
Model & F1 \\
\midrule
CRF & 71.2 \\
BiLSTM & 74.8 \\
\bottomrule
\end{tabular}
\end{subtable}
\begin{subtable}{0.45\linewidth}
\centering
\caption{Tweets}
\begin{tabular}{lc}
\toprule
Model & F1 \\
\midrule
CRF & 55.9 \\
BiLSTM & 60.3 \\
\bottomrule
\end{tabular}
\end{subtable}
\end{table}
"""


# Table 12: a setting written once per block of rows (on the block's middle row), blocks ruled off
T_SPARSE_GROUP = r"""
\begin{table}[h]
\centering
\caption{Bias of two estimators at three correlations.}
\begin{tabular}{rlrr}
\hline
cor & method & bias & cov \\
\hline
 & complete cases & -0.061 & 0.630 \\
0.2 & imputation & -0.004 & 0.947 \\
 & weighting & -0.012 & 0.901 \\
\cline{2-4}
 & complete cases & -0.146 & 0.028 \\
0.5 & imputation & -0.002 & 0.940 \\
 & weighting & -0.019 & 0.893 \\
\hline
\end{tabular}
\end{table}
"""


def _build(tmp: Path, name: str, body: str) -> Path:
    if shutil.which("pdflatex") is None:
        pytest.skip("pdflatex not installed")
    tmp.mkdir(parents=True, exist_ok=True)
    (tmp / f"{name}.tex").write_text(PREAMBLE + body + "\n\\end{document}\n", encoding="utf-8")
    r = subprocess.run(["pdflatex", "-interaction=nonstopmode", "-halt-on-error", f"{name}.tex"],
                       cwd=tmp, capture_output=True, text=True, timeout=120)
    pdf = tmp / f"{name}.pdf"
    assert r.returncode == 0 and pdf.exists(), r.stdout[-2000:]
    return pdf


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict]:
    tmp = tmp_path_factory.mktemp("textables")
    body = T_MULTICOL + T_MULTIROW + T_COLUMNS + "\\clearpage\n" + T_GROUPS + T_TEXT + T_MINIPAGES + T_SIDEWAYS + T_SUBTABLES + T_SPARSE_GROUP
    pdf = _build(tmp, "paper", body)
    return tmp, ttg.make_gold(tmp, pdf, "paper.tex", {"id": "synthetic"})


def _table(gold: dict, n: int) -> dict:
    for t in gold["tables"]:
        if t["caption_starts"] == f"Table {n}":
            return t
    raise AssertionError(f"Table {n} not in gold: {[t['caption_starts'] for t in gold['tables']]}, "
                         f"skipped {gold['skipped']}")


def test_multicolumn_header_pm_and_percent(built: tuple[Path, dict]) -> None:
    _, gold = built
    t = _table(gold, 1)
    cells = {(r, c): v for r, c, v in t["cells"]}
    assert cells[("BERT-base", "SST-2 Acc")] == 91.2
    assert cells[("BERT-base", "SST-2 F1")] == 90.8
    assert cells[("RoBERTa", "MNLI Acc")] == 87.2
    assert cells[("TinyNet (ours)", "MNLI F1")] == 87.5
    assert cells[("TinyNet (ours)", "SST-2 Acc")] == 94.1
    assert len(t["cells"]) == 12
    flags = dict(zip(((r, c) for r, c, _ in t["cells"]), t["cell_flags"]))
    assert "pm" in flags[("BERT-base", "SST-2 Acc")] and "pct" in flags[("BERT-base", "SST-2 F1")]
    assert t["orientation"] == "systems_as_rows" and t["page"] == 1
    assert {"multicolumn", "multilevel_header", "booktabs", "pm"} <= set(t["features"])


def test_multirow_groups_two_label_columns(built: tuple[Path, dict]) -> None:
    _, gold = built
    t = _table(gold, 2)
    cells = {(r, c): v for r, c, v in t["cells"]}
    assert cells == {
        ("ResNet50 Baseline", "mAP"): 41.3, ("ResNet50 Baseline", "Images"): 1200.0,
        ("ResNet50 Ours", "mAP"): 45.9, ("ResNet50 Ours", "Images"): 1200.0,
        ("VGG16 Baseline", "mAP"): 37.0, ("VGG16 Baseline", "Images"): 2400.0,
        ("VGG16 Ours", "mAP"): 39.4, ("VGG16 Ours", "Images"): 2400.0,
    }
    assert "multi_label_cols" in t["features"] and "multirow" in t["features"]
    assert t["orientation"] == "systems_as_rows"


def test_systems_as_columns_with_parenthesised_spread(built: tuple[Path, dict]) -> None:
    _, gold = built
    t = _table(gold, 3)
    cells = {(r, c): v for r, c, v in t["cells"]}
    assert cells[("BLEU", "Greedy")] == 27.1
    assert cells[("BLEU", "Sampling")] == 25.9
    assert cells[("Δ length", "Beam")] == 0.8
    assert cells[("Time gen (s)", "Greedy")] == 3.10
    assert len(cells) == 9
    assert all("paren" in f for f in t["cell_flags"])
    assert t["orientation"] == "systems_as_columns"
    assert t["orientation_rule"].startswith("corner cell names metrics")


def test_group_rows_and_note_markers(built: tuple[Path, dict]) -> None:
    _, gold = built
    t = _table(gold, 4)
    cells = {(r, c): v for r, c, v in t["cells"]}
    assert cells == {
        ("Recurrent LSTM", "Dev"): 12.4, ("Recurrent LSTM", "Test"): 13.0,
        ("Recurrent GRU", "Dev"): 12.9,
        ("Attention Transformer", "Dev"): 10.2, ("Attention Transformer", "Test"): 10.8,
    }
    flags = dict(zip(((r, c) for r, c, _ in t["cells"]), t["cell_flags"]))
    assert "mark" in flags[("Recurrent LSTM", "Test")] and "group" in flags[("Recurrent LSTM", "Test")]
    assert "mark" in flags[("Attention Transformer", "Dev")]
    assert t["page"] == 2  # after \clearpage


def test_text_table_skipped_with_reason(built: tuple[Path, dict]) -> None:
    _, gold = built
    reasons = {s["table"]: s["reason"] for s in gold["skipped"]}
    assert reasons.get("Table 5", "").startswith("only 0 numeric cells")
    assert [t["caption_starts"] for t in gold["tables"]] == [f"Table {n}" for n in (1, 2, 3, 4, 6, 7, 8, 9, 10, 11, 12)]


def test_minipage_captions_and_captionof_numbered_in_order(built: tuple[Path, dict]) -> None:
    _, gold = built
    assert {(r, c): v for r, c, v in _table(gold, 6)["cells"]} == {("Fast", "Tokens/s"): 5120.0, ("Slow", "Tokens/s"): 870.0}
    assert {(r, c): v for r, c, v in _table(gold, 7)["cells"]} == {("Fast", "MB"): 312.0, ("Slow", "MB"): 95.0}
    assert {(r, c): v for r, c, v in _table(gold, 8)["cells"]} == {
        ("BM25", "R@10"): 41.7, ("BM25", "R@100"): 66.2, ("Dense", "R@10"): 55.3, ("Dense", "R@100"): 80.9}


def test_pdf_that_disagrees_is_left_out(built: tuple[Path, dict], tmp_path: Path) -> None:
    """The source says 41.3/45.9/...; the PDF was built from a copy with other numbers."""
    tmp, _ = built
    other = _build(tmp_path / "other", "paper", T_MULTIROW.replace("41.3", "51.7").replace("37.0", "33.3")
                   .replace("45.9", "46.6").replace("39.4", "30.2"))
    src = tmp_path / "src"
    src.mkdir()
    (src / "paper.tex").write_text(PREAMBLE + T_MULTIROW + "\n\\end{document}\n", encoding="utf-8")
    gold = ttg.make_gold(src, other, "paper.tex", {"id": "mismatch"})
    assert gold["tables"] == []
    assert gold["skipped"] and gold["skipped"][0]["reason"].startswith("PDF disagrees")


def test_compare_counts_reproduced_and_extra_cells(built: tuple[Path, dict]) -> None:
    _, gold = built
    ours = {"tables": [dict(t, cells=list(t["cells"])) for t in gold["tables"]]}
    ours["tables"][0]["cells"] = ours["tables"][0]["cells"][:-1] + [["Extra row", "SST-2 Acc", 1.0]]
    r = ttg.compare(gold, ours)
    total = sum(len(t["cells"]) for t in gold["tables"])
    assert r["gold_cells"] == total and r["exact"] == total - 1 and r["extra"] == 1


def test_turned_table_and_class_caption_macro(built: tuple[Path, dict]) -> None:
    _, gold = built
    t9 = _table(gold, 9)
    assert {(r, c): v for r, c, v in t9["cells"]} == {
        ("GEMM", "A100"): 312.4, ("GEMM", "H100"): 498.1, ("GEMM", "MI250"): 287.6,
        ("Attention", "A100"): 201.7, ("Attention", "H100"): 355.0, ("Attention", "MI250"): 190.2}
    t10 = _table(gold, 10)
    assert {(r, c): v for r, c, v in t10["cells"]} == {
        ("Wave 1", "Coverage"): 81.5, ("Wave 1", "Response"): 42.0,
        ("Wave 2", "Coverage"): 77.9, ("Wave 2", "Response"): 39.4}
    assert t10["caption"].startswith("Macro caption")


def test_subtables_prefixed_by_their_sub_captions(built: tuple[Path, dict]) -> None:
    _, gold = built
    t = _table(gold, 11)
    assert {(r, c): v for r, c, v in t["cells"]} == {
        ("News CRF", "F1"): 71.2, ("News BiLSTM", "F1"): 74.8, ("Tweets CRF", "F1"): 55.9, ("Tweets BiLSTM", "F1"): 60.3}
    assert "subtables_prefixed" in t["features"]


def test_setting_written_once_per_ruled_block_names_the_block(built: tuple[Path, dict]) -> None:
    _, gold = built
    t = _table(gold, 12)
    cells = {(r, c): v for r, c, v in t["cells"]}
    assert len(cells) == 12
    assert cells[("0.2 complete cases", "bias")] == -0.061
    assert cells[("0.2 weighting", "cov")] == 0.901
    assert cells[("0.5 complete cases", "cov")] == 0.028
    assert cells[("0.5 weighting", "bias")] == -0.019
    assert "sparse_group_column" in t["features"]


# -- the gold files made with this tool for the session-23 new papers ---------------------------

NEW23 = Path(__file__).resolve().parent / "data" / "gold" / "tables_new23"
NEW23_PDFS = Path(__file__).resolve().parents[1].parent / "shared" / "newpapers" / "pdfs"
NEW23_FILES = sorted(NEW23.glob("*.json")) if NEW23.is_dir() else []


@pytest.mark.parametrize("path", NEW23_FILES, ids=[p.stem for p in NEW23_FILES])
def test_new23_gold_format(path: Path) -> None:
    import json

    g = json.loads(path.read_text(encoding="utf-8"))
    assert g["id"] == path.stem and isinstance(g["tables"], list) and isinstance(g["skipped"], list)
    for t in g["tables"]:
        assert t["caption_starts"].startswith("Table ") and isinstance(t["page"], int) and t["page"] >= 1
        assert t["orientation"] in ("systems_as_rows", "systems_as_columns")
        assert len(t["cells"]) == len(t["cell_flags"]) >= 2
        for r, c, v in t["cells"]:
            assert isinstance(r, str) and r and isinstance(c, str) and isinstance(v, float)
        assert len({(r, c) for r, c, _ in t["cells"]}) == len(t["cells"])
    for s in g["skipped"]:
        assert s["table"].startswith("Table ") and s["reason"]


@pytest.mark.parametrize("path", NEW23_FILES, ids=[p.stem for p in NEW23_FILES])
def test_new23_gold_values_printed_on_their_page(path: Path) -> None:
    """Text layer only (pymupdf), never the extractor: the PDFs are blind test material."""
    import json

    pdf = NEW23_PDFS / f"{path.stem}.pdf"
    if not pdf.is_file():
        pytest.skip("the new papers' PDFs are not here (../shared/newpapers/pdfs)")
    g = json.loads(path.read_text(encoding="utf-8"))
    pages = ttg.PdfPages(pdf)
    for t in g["tables"]:
        nums = pages.numbers(t["page"] - 1)
        shown = sum(1 for _, _, v in t["cells"] if any(abs(float(n) - v) < 1e-9 for n in nums if ttg.NUM_RE.match(n)))
        assert shown / len(t["cells"]) >= 0.9, (t["caption_starts"], shown, len(t["cells"]))
