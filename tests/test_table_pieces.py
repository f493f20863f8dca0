"""Tables read in pieces (issue #14): a header word split by its subscript, a raised exponent
inside a label, a header line of numbers ruled off from the body. Real texbench pages (one
page each, cut out with pymupdf) and one PDF generated with pymupdf."""

from __future__ import annotations

from pathlib import Path

import pymupdf
import pytest

from jupyter_review.extract.tables import extract_tables, parse_cell, parse_number
from jupyter_review.pipeline import load
from tests.conftest import need_corpus


def _texbench_page(name: str, page: int, out: Path) -> Path:
    src = need_corpus("texbench paper").parent / "texbench" / "pdfs" / f"{name}.pdf"
    if not src.exists():
        pytest.skip(f"{src} missing")
    with pymupdf.open(str(src)) as doc:
        doc.select([page - 1])
        doc.save(str(out))
    return out


def _subscript_pdf(path: Path) -> Path:
    """A results table whose metric names carry subscripts set small and lowered (CHAIR_s,
    CHAIR_i) in columns so close that a subscript reaches past the middle of the gutter, one
    glued to its word and one that the text layer puts on a line of its own."""
    doc = pymupdf.open()
    pg = doc.new_page(width=612, height=792)
    pg.insert_text((72, 100), "Table 1: Hallucination of captioning models on the benchmark.", fontsize=9)
    xs = [72, 200, 236, 272, 308]
    heads = [("Method", "", 0.0), ("CHAIR", "s", 0.5), ("CHAIR", "i", 2.5), ("Recall", "", 0.0), ("Len", "", 0.0)]
    for x, (h, sub, gap) in zip(xs, heads):
        pg.insert_text((x, 122), h, fontsize=9)
        if sub:
            # glued (0.5 pt after the word, 6 pt type) and apart (2.5 pt after it, 5 pt type, lower)
            size, drop = (6, 2.0) if gap < 1 else (5, 4.0)
            pg.insert_text((x + pymupdf.get_text_length(h, fontsize=9) + gap, 122 + drop), sub, fontsize=size)
    y = 122
    for r in [("Baseline", "12.4", "7.1", "60.2", "45.1"), ("Ours", "9.8", "5.2", "61.5", "44.7"),
              ("Other model", "11.0", "6.3", "59.9", "47.0"), ("Another", "10.2", "6.0", "58.1", "43.2")]:
        y += 13
        for x, c in zip(xs, r):
            pg.insert_text((x, y), c, fontsize=9)
    pg.insert_text((72, y + 30), "The proposed method reduces hallucination compared with the baseline models.", fontsize=10)
    doc.save(str(path))
    return path


def test_subscripts_stay_with_their_header_word(tmp_path):
    (t,) = extract_tables(load(_subscript_pdf(tmp_path / "chair.pdf")))
    assert t.columns == ["Method", "CHAIR s", "CHAIR i", "Recall", "Len"]
    ours = {r.column: r.value for r in t.long if r.system == "Ours"}
    assert ours == {"CHAIR s": 9.8, "CHAIR i": 5.2, "Recall": 61.5, "Len": 44.7}


def test_exponent_inside_brackets_is_kept_raised(tmp_path):
    # hmm-note p. 5, Table 2: "VL-HMM (2^14)" was read "VL-HMM (214)"
    doc = load(_texbench_page("hmm-note", 5, tmp_path / "hmm-5.pdf"))
    t = next(t for t in extract_tables(doc) if t.label == "2")
    assert t.rows[0][0] == "VL-HMM (2\u00b9\u2074)"
    # the parameter count "7.2M" is a value of the row too (a count with a magnitude suffix)
    assert {r.column: r.value for r in t.long if r.system.startswith("VL-HMM")} == {
        "Param": "7.2M", "Train": 115, "Val": 134, "Time": 40}


def test_a_ruled_off_first_row_of_numbers_is_the_header(tmp_path):
    # scaling-ptp p. 19, Table 6: "b | 2 | 1 | 0.5 | MTP" over a booktabs midrule, no header above it
    doc = load(_texbench_page("scaling-ptp", 19, tmp_path / "ptp-19.pdf"))
    t = next(t for t in extract_tables(doc) if t.label == "6")
    assert t.header[-1] == ["b", "2", "1", "0.5", "MTP"]
    assert {r.column: r.value for r in t.long if r.system == "C-PTP"} == {"2": 13.6, "1": 13.8, "0.5": 13.5, "MTP": 8.4}
    # Table 5 on the same page (a header line of words) is read as before
    t5 = next(t for t in extract_tables(doc) if t.label == "5")
    assert t5.columns[0] == "Model" and len(t5.rows) == 2


def test_ratio_cells_are_values():
    assert parse_number("1.71x") == 1.71 and parse_cell("3.2\u00d7")["unit"] == "x"
    assert parse_number("3x3") is None and parse_number("2x256") is None


def test_a_two_line_header_name_around_centred_names_is_one_header(tmp_path):
    # paraphrase-aaai2022 p. 7, Table 8: "Self-" / "TER" on two lines, "Method | BERT | iBLEU | SARI"
    # centred between them; the top line was trimmed as a title and "TER" read as a row group
    from tests.conftest import corpus_pdf

    with pymupdf.open(str(corpus_pdf("paraphrase-aaai2022.pdf"))) as doc:
        doc.select([6])
        doc.save(str(tmp_path / "para-7.pdf"))
    t = next(t for t in extract_tables(load(tmp_path / "para-7.pdf")) if t.label == "8")
    assert t.columns == ["Method", "BERT", "Self-TER", "iBLEU", "SARI"]
    assert t.rows[0][0] == "Prompt Tuning" and t.confidence["confident"]


def test_running_text_under_a_ruled_tables_closing_rule_is_no_row(tmp_path):
    # wsod-mapr2024 p. 4, Table III (full rules, right page column): the line of running text under it
    # ("2) Bounding box generation: Kim et al. [2] utilize all") was read as a row, merging the
    # Backbone and Method columns and cutting the ResNet50/VGG16 groups from their rows
    doc = load(_texbench_page("wsod-mapr2024", 4, tmp_path / "wsod-4.pdf"))
    t = next(t for t in extract_tables(doc) if t.label == "III")
    assert t.columns == ["Backbone", "Method", "Val", "Test"]
    assert len(t.rows) == 8 and not any("Bounding" in c for r in t.rows for c in r)
    assert {r.column: r.value for r in t.long if r.system == "VGG16 / Kim et al."} == {"Val": 9.97, "Test": 10.31}


def _text_row_pdf(path: Path, mid: tuple[str, ...]) -> Path:
    """A systems-as-columns table with one row of text values among its rows of numbers."""
    doc = pymupdf.open()
    pg = doc.new_page(width=612, height=792)
    pg.insert_text((72, 90), "We compare the systems on the benchmark in the table below and discuss the results.", fontsize=10)
    xs = [72, 200, 250, 300, 350]
    y = 120
    for x, h in zip(xs, ["Model", "SysA", "SysB", "SysC", "SysD"]):
        pg.insert_text((x, y), h, fontsize=9)
    rows = [("Accuracy", "71.2", "65.0", "40.1", "12.0"), ("F1", "74.8", "69.3", "44.0", "11.0"), mid,
            ("Recall", "73.1", "67.7", "42.5", "13.0"), ("Precision", "70.2", "64.1", "39.0", "12.5"), ("EM", "73.9", "68.8", "43.2", "11.4")]
    for r in rows:
        y += 12
        for x, c in zip(xs, r):
            pg.insert_text((x, y), c, fontsize=9)
    pg.insert_text((72, y + 25), "Table 1: Results of the four systems on the test set.", fontsize=9)
    pg.insert_text((72, y + 55), "The proposed model improves over the baseline on the test set in all metrics that we report.", fontsize=10)
    doc.save(str(path))
    return path


@pytest.mark.parametrize("mid", [("Valid k/511", "yes", "no", "yes", "yes"), ("Backbone", "ViT-B", "ViT-L", "ResNet", "ConvNeXt")])
def test_a_row_of_text_values_does_not_split_the_table(tmp_path, mid):
    # a data row of words among the rows of numbers was read as the header line of a second
    # stacked block: the table split in two, the lower half keyed by that row's words
    tables = extract_tables(load(_text_row_pdf(tmp_path / "mid.pdf", mid)))
    assert len(tables) == 1
    t = tables[0]
    assert t.columns == ["Model", "SysA", "SysB", "SysC", "SysD"] and len(t.rows) == 6
    # (whichever way the table is oriented, the EM row keeps its four systems' values)
    em = {r.column if r.system == "EM" else r.system: r.value for r in t.long if "EM" in (r.system, r.column)}
    assert em == {"SysA": 73.9, "SysB": 68.8, "SysC": 43.2, "SysD": 11.4}
