"""Table kinds found on the tune half of the fifth unseen table gold (issue #14) and on the
tuning pages of earlier golds (s2orc Table 4, dolma Table 1), on real corpus pages and on
generated PDFs:

- a one-column header label beside a group label is a group label too when the columns it is
  centred on repeat the group's sub-columns ("Full" over P R F1 beside "Grobid Subset" over
  P R F1, no rules);
- numbers set in the row labels' typeface beside a group column printed once per block
  ("Hold-out" centred beside bold "10% | 15% | 20%", plain values) name the rows with it;
- a label column headed "Statistic" holds what each column's system is measured by: the
  systems are the columns;
- entries named by a bold first line with plain lines under it ("Common Crawl" over "24
  shards, ...", "C4" over "[24]" "[8]"), the values centred on the block: the bold line names
  the row, and the header ends at the rule above the first entry;
- a one-column header label in another typeface than the column names under it (bold "Size"
  over italic "Documents (millions)") spans the run of columns it is centred on;
- a line inside the body that names the header's column groups again for the rows under it
  ("BART, Multitask: L -> {S, T}" over the first six value columns): the groups are the
  systems (over the same sub-columns), and that block's values go to the new names; where the
  systems are rows, the line is a category of the rows under it, as before;
- a label's bracketed or lower-case second line in a loosely set table (rows set apart more
  than lines) joins the row above when it is nearer that row than the row below (fimmu Table
  2's "(SI)", 0.36 of a line under its row: it had become a group of the next row).
"""

from __future__ import annotations

import functools
from pathlib import Path

import pymupdf
import pytest

from jupyter_review.extract.tables import extract_tables
from jupyter_review.pipeline import load
from tests.conftest import corpus_pdf


@functools.lru_cache(maxsize=8)
def _doc(name: str):
    return load(corpus_pdf(name))


def _table(name: str, page: int, label: str):
    found = [t for t in extract_tables(_doc(name)) if page in (t.pages or [t.page]) and t.label == label]
    assert found, label
    return found[0]


# (file, page, table, orientation, system, column, value): read off the rendered page
@pytest.mark.parametrize("name,page,label,orient,system,column,value", [
    # a one-column "Full" beside "Grobid Subset", both over P R F1
    ("papermage.pdf", 5, "2", "rows", "Grobid CRF", "Full / P", 40.6),
    ("papermage.pdf", 5, "2", "rows", "RoBERTa", "Full / F1", 76.8),
    ("papermage.pdf", 5, "2", "rows", "I-VILA", "Grobid Subset / R", 95.2),
    # bold splits beside a centred bold strategy, plain values
    ("multi-lexsum.pdf", 21, "9", "rows", "Hold-out / 15%", "R-2f1", 22.89),
    ("multi-lexsum.pdf", 21, "9", "rows", "K-fold / 20%", "BSf1", 38.79),
    # ... and the table above it, one label column, stays as it was
    ("multi-lexsum.pdf", 21, "8", "rows", "Test (20%)", "Tiny T", 312),
    # "Statistic | GROBID | LATEX"
    ("s2orc-acl2020.pdf", 5, "4", "columns", "GROBID", "Bibliography entries", 27.6),
    ("s2orc-acl2020.pdf", 5, "4", "columns", "LATEX", "Inline cite spans (body)", 46.8),
    # bold entry names over plain descriptions; bold "Size" over italic column names
    ("dolma-v0.1.pdf", 3, "1", "rows", "Common Crawl", "Size / Tokens (billions)", 2415),
    ("dolma-v0.1.pdf", 3, "1", "rows", "C4", "Size / Gzip files (GB)", 302),
    ("dolma-v0.1.pdf", 3, "1", "rows", "peS2o", "Size / Documents (millions)", 38.8),
    ("dolma-v0.1.pdf", 3, "1", "rows", "Wikipedia, Wikibooks", "Size / Tokens (billions)", 3.6),
    # systems over column groups, named again for the second block of rows
    ("multi-lexsum.pdf", 9, "5", "columns", "BART, Multitask: D \u2192{L, S, T}", "Lengths / L / Samples", 6517),
    ("multi-lexsum.pdf", 9, "5", "columns", "BART, Single-task: D \u2192L, D \u2192S, D \u2192T", "Lengths / T / R-Lf1", 18.44),
    ("multi-lexsum.pdf", 9, "5", "columns", "BART, Multitask: L \u2192{S, T}", "Lengths / S / R-2f1", 36.11),
    ("multi-lexsum.pdf", 9, "5", "columns", "BART, Single-task: L \u2192S, L \u2192T", "Lengths / T / Words", 24.0),
])
def test_real_pages(name, page, label, orient, system, column, value):
    t = _table(name, page, label)
    assert t.orientation == orient
    recs = {(r.system, r.column): r.value for r in t.long}
    assert recs.get((system, column)) == pytest.approx(value), sorted(recs)[:8]


def test_real_page_entry_descriptions_are_no_rows():
    t = _table("dolma-v0.1.pdf", 3, "1")
    names = {r.system for r in t.long}
    assert names == {"Common Crawl", "C4", "peS2o", "The Stack", "Project Gutenberg", "Wikipedia, Wikibooks", "Total"}
    assert any("24 shards" in n for n in t.notes)


# -- generated pages -------------------------------------------------------------------------

def _page(path: Path, lines: list[list[tuple[float, str, str]]], ys: list[float], rules: list[float],
          caption: str = "Table 3: Results of the four systems.") -> Path:
    """Words at (x, font) on lines at ys; full-width rules at the given y."""
    doc = pymupdf.open()
    pg = doc.new_page(width=612, height=792)
    pg.insert_text((100, 90), caption, fontsize=9)
    for y, line in zip(ys, lines):
        for x, font, text in line:
            pg.insert_text((x, y), text, fontsize=9, fontname=font)
    for y in rules:
        pg.draw_line((95, y), (520, y))
    out = path / "t.pdf"
    doc.save(str(out))
    return out


def _only(path: Path):
    tables = [t for t in extract_tables(load(path)) if t.long]
    assert len(tables) == 1, [t.columns for t in tables]
    return tables[0]


@pytest.mark.parametrize("second,spread", [(("P", "R", "F1"), True), (("EM", "Acc", "BLEU"), False)])
def test_generated_one_column_group_label(tmp_path, second, spread):
    xs = [100, 200, 240, 280, 340, 380, 420]
    # "Full" centred over the middle of P R F1; "Held-out subset of data" as wide as the second group
    head1 = [(100, "hebo", ""), (236, "hebo", "Full"), (338, "hebo", "Held-out subset of data")]
    head2 = [(100, "hebo", "Model")] + [(x, "hebo", t) for x, t in zip(xs[1:], ("P", "R", "F1") + second)]
    body = [[(100, "helv", name)] + [(x, "helv", f"{v + k:.1f}") for k, x in enumerate(xs[1:])]
            for name, v in (("Alpha", 40.1), ("Beta", 50.2), ("Gamma", 60.3), ("Delta", 70.4))]
    ys = [120, 131] + [150 + 12 * i for i in range(4)]
    t = _only(_page(tmp_path, [head1, head2] + body, ys, [108, 136, 196]))
    cols = {r.column for r in t.long}
    assert ("Full / R" in cols) is spread, sorted(cols)
    assert any(c.startswith("Held-out subset of data / ") for c in cols), sorted(cols)


@pytest.mark.parametrize("key_font,named", [("hebo", True), ("helv", False)])
def test_generated_numbers_set_like_labels_name_rows(tmp_path, key_font, named):
    head = [(100, "hebo", "Strategy"), (170, "hebo", "Split"), (240, "hebo", "R-1"), (300, "hebo", "R-2"),
            (360, "hebo", "R-L")]
    rows = []
    for k, (group, split) in enumerate((("", "10%"), ("Hold-out", "15%"), ("", "20%"), ("K-fold", "20%"))):
        rows.append([(100, "hebo", group), (170, key_font, split)]
                    + [(x, "helv", f"{40 + 3 * k + j:.2f}") for j, x in enumerate((240, 300, 360))])
    ys = [120] + [140, 152, 164, 182]
    t = _only(_page(tmp_path, [head] + rows, ys, [108, 126, 173, 188]))
    systems = {r.system for r in t.long}
    assert ("Hold-out / 15%" in systems) is named, sorted(systems)
    if named:
        assert t.orientation == "rows"
        assert {r.value for r in t.long if r.system == "K-fold / 20%" and r.column == "R-2"} == {50.0}


@pytest.mark.parametrize("head,orient", [("Statistic", "columns"), ("Statistics", "columns"), ("Method", "rows")])
def test_generated_statistic_label_column(tmp_path, head, orient):
    lines = [[(100, "hebo", head), (300, "hebo", "ToolA"), (380, "hebo", "ToolB")]]
    for k, lab in enumerate(("Paragraphs (body)", "Citation spans", "Bibliography entries", "Linked entries")):
        lines.append([(100, "helv", lab), (300, "helv", f"{10 + k}.5"), (380, "helv", f"{20 + k}.1")])
    t = _only(_page(tmp_path, lines, [120, 140, 152, 164, 176], [108, 126, 182]))
    assert t.orientation == orient
    if orient == "columns":
        assert any(r.system == "ToolB" and r.column == "Citation spans" and r.value == 21.1 for r in t.long)


def test_generated_bold_titled_entries(tmp_path):
    # bold name, plain description line(s) under it, values centred on the block
    lines, ys = [[(100, "hebo", "Source"), (260, "hebo", "Files"), (330, "hebo", "Tokens")]], [120]
    y = 140.0
    for name, desc, vals in (("Web pages", ["12 shards, 2021 to 2023"], ("4,197", "2,415")),
                             ("Papers", ["[27]", "[8]"], ("302", "175")),
                             ("Code", ["[16]"], ("675", "430")),
                             ("Books", [], ("6.6", "4.8"))):
        block = [name] + desc
        top = y
        for k, text in enumerate(block):
            lines.append([(100, "hebo" if k == 0 else "helv", text)])
            ys.append(y)
            y += 11
        mid = (top + y - 11) / 2
        lines.append([(260, "helv", vals[0]), (330, "helv", vals[1])])
        ys.append(mid)
        y += 4
    t = _only(_page(tmp_path, lines, ys, [108, 126, y]))
    recs = {(r.system, r.column): r.value for r in t.long}
    assert {s for s, _ in recs} == {"Web pages", "Papers", "Code", "Books"}, sorted(recs)
    assert recs[("Papers", "Tokens")] == 175 and recs[("Web pages", "Files")] == 4197


@pytest.mark.parametrize("top_font,spans", [("hebo", True), ("heit", False)])
def test_generated_group_label_in_another_typeface(tmp_path, top_font, spans):
    # "Size" centred over three italic two-line column names; in their italic it is the top line of one name
    head1 = [(100, "hebo", "Corpus"), (318, top_font, "Size")]
    head2 = [(100, "heit", "Name"), (236, "heit", "Files"), (310, "heit", "Documents"), (388, "heit", "Tokens")]
    head3 = [(238, "heit", "(GB)"), (312, "heit", "(millions)"), (388, "heit", "(billions)")]
    body = [[(100, "helv", n), (240, "helv", a), (320, "helv", b), (392, "helv", c)]
            for n, a, b, c in (("Alpha", "4,197", "4,600", "2,415"), ("Beta", "302", "364", "175"),
                               ("Gamma", "150", "38.8", "57"), ("Delta", "675", "236", "430"))]
    t = _only(_page(tmp_path, [head1, head2, head3] + body, [120, 131, 141, 160, 172, 184, 196], [108, 146, 202]))
    cols = {r.column for r in t.long}
    assert ("Size / Tokens (billions)" in cols) is spans, sorted(cols)
    assert any(c.endswith("Documents (millions)") for c in cols), sorted(cols)
    assert {r.value for r in t.long if r.system == "Gamma" and r.column.endswith("Documents (millions)")} == {38.8}


@pytest.mark.parametrize("leaves,orient", [(("Acc", "F1"), "columns"), (("Acc", "F1"), "rows")])
def test_generated_groups_named_again_in_the_body(tmp_path, leaves, orient):
    # two groups of the same two sub-columns; a line in the body names them again for the rows below.
    # "rows": the label column is headed "Model", so the systems are the rows and the line a category
    head1 = [(100, "hebo", ""), (215, "hebo", "System one"), (345, "hebo", "System two")]
    head2 = [(100, "hebo", "Task" if orient == "columns" else "Model")] + [
        (x, "hebo", t) for x, t in zip((200, 260, 330, 390), leaves * 2)]
    rows = []
    for k, lab in enumerate(("Alpha", "Beta")):
        rows.append([(100, "helv", lab)] + [(x, "helv", f"{10 * k + j + 1}.5") for j, x in enumerate((200, 260, 330, 390))])
    again = [(215, "hebo", "System three"), (345, "hebo", "System four")]
    rows2 = [[(100, "helv", lab)] + [(x, "helv", f"{50 + 10 * k + j}.5") for j, x in enumerate((200, 260, 330, 390))]
             for k, lab in enumerate(("Alpha", "Beta"))]
    ys = [120, 131, 150, 162, 180, 198, 210]
    t = _only(_page(tmp_path, [head1, head2] + rows + [again] + rows2, ys, [108, 136, 170, 188, 216]))
    recs = {(r.system, r.column): r.value for r in t.long}
    assert t.orientation == orient, t.notes
    if orient == "columns":
        assert recs.get(("System two", "Alpha / F1")) == 4.5, sorted(recs)
        assert recs.get(("System three", "Beta / Acc")) == 60.5, sorted(recs)
        assert recs.get(("System four", "Alpha / F1")) == 53.5, sorted(recs)
    else:
        assert recs.get(("System three System four / Beta", "System one / F1")) == 61.5, sorted(recs)


def test_real_page_wrapped_label_line_in_a_loosely_set_table():
    # "(SI)" 2.5 pt under "... Spike-N-Term" (0.36 of a line), the next row 5.4 pt under it
    t = _table("fimmu-2022-915001.pdf", 5, "2")
    recs = {(r.system, r.column): r.text for r in t.long}
    assert recs.get(("T cell responses to SARS-CoV-2 Spike-N-Term (SI)", "Vaccinated HCWs(n=71)")) == "5.6 (3.4, 8.9)"
    assert recs.get(("T cell responses to SARS-CoV-2 Spike-C-Term (SI)", "p value")) == "0.464"


@pytest.mark.parametrize("row_gap,joined", [(44.0, True), (34.0, False)])
def test_generated_wrapped_label_line_nearer_its_row(tmp_path, row_gap, joined):
    # a bracketed second line 5.6 pt (0.45 of a line) under its label; rows 44 pt apart: it continues
    # the label above. Rows 34 pt apart: the line is as near the row below, and is left alone
    lines = [[(100, "hebo", "Parameter"), (300, "hebo", "Cases"), (400, "hebo", "Controls")]]
    ys = [120.0]
    y = 140.0
    for k, (lab, cont) in enumerate((("Age", ""), ("Responses to antigen", "(SI)"), ("Weight", ""), ("Height", ""))):
        lines.append([(100, "helv", lab), (300, "helv", f"{k + 1}.5"), (400, "helv", f"{k + 2}.5")])
        ys.append(y)
        if cont:
            lines.append([(100, "helv", cont)])
            ys.append(y + 18.0)
        y += row_gap
    t = _only(_page(tmp_path, lines, ys, [108, 126, y]))
    names = {r.system for r in t.long}
    assert ("Responses to antigen (SI)" in names) is joined, sorted(names)
