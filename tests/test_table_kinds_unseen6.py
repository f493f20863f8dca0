"""Table kinds found on the tune half of the sixth unseen table gold (issue #14), on real corpus
pages (a guideline's white-on-red tables, a datasheet) and on generated PDFs:

- rows boxed by drawn rules (a rule under every entry): a line at line spacing under a row with
  no rule between them is that row's run-on, whatever its case (a wrapped name "Abbott
  Diagnostics GmbH," / "Architect HCV Ag Assay", a value cell's second line "(n=8 studies)");
  a bold label line with a rule under it stays a group of the rows below;
- a count's bracketed count, share or interval is part of its cell ("5 (525)", "20 (11—820)"),
  where a power of ten's run-on exponent ("0.18 (10−4)") and a decimal's bracketed decimal are not;
- a column of values with words around them ("Nurses 88% (78–95)") or of ranges ("50—100%")
  is a value column; ".." and ND are missing values; durations in words ("12 weeks") are values;
- a footnote letter only a little smaller than its value but raised well above it ("28.6—95%" "a")
  is a mark, left out of the value;
- sub-rows set in by one indent under a row with values of its own ("Dev", then "Few-shot")
  are named "Dev / Few-shot"; centred labels of two lengths are no indent;
- a line that opens with a raised footnote number ends the table;
- a label column headed by groups of people ("Age groups") puts the systems in the columns;
- a one-column stack of header lines level with a spanner over other columns, running on into
  the lines where the other columns' names start, is that column's group over its name.
"""

from __future__ import annotations

from pathlib import Path

import pymupdf
import pytest

from jupyter_review.extract.tables import extract_tables
from jupyter_review.pipeline import load
from tests.conftest import corpus_table as _table

WHO = "edge/who-guideline-155p.pdf"



def _norm(s: str) -> str:
    return " ".join(str(s).replace("/ ", "/").split())


# (file, page, table, orientation, system, column (its last level), value as printed or a number)
@pytest.mark.parametrize("name,page,label,orient,system,column,value", [
    # ruled rows: wrapped names and second lines of value cells join their row
    (WHO, 108, "8.1", "rows", "Abbott Diagnostics GmbH, Architect HCV Ag Assay", "Sensitivity", "93.4% (88.7—96.2)"),
    (WHO, 108, "8.1", "rows", "Bio-RAD Monolisa HCV Ag-Ab ULTRA", "Specificity", "94.9% (89.9—99.8)"),
    (WHO, 77, "6.1", "rows", "People who inject drugs / Non-comparator studies", "Specialist care, SVR12 % (95% CI)",
     "92% (86–96) (n=8 studies)"),
    (WHO, 77, "6.1", "rows", "People who inject drugs / McClure et al. (2017), PCS", "Non-specialist care, SVR12 % (95% CI)",
     "Nurses 88% (78–95); GPs 93% (82–99)"),
    # a column of worded values; '..' is missing; a count with its bracketed count is one cell
    (WHO, 77, "6.1", "rows", "General population / Comparator studies", "p value", 0.466),
    (WHO, 77, "6.1", "rows", "People who inject drugs / Wade et al. (2018), RCT", "p value", None),
    (WHO, 108, "8.1", "rows", "Fujirebio Lumipulse Ortho HCV Ag", "SAMPLE SIZE (RANGE)", 1),
    (WHO, 108, "8.1", "rows", "EIKEN Lumispot HCV Ag", "Specificity", None),
    # a raised footnote letter is a mark, not part of the range
    (WHO, 108, "8.1", "rows", "Bio-RAD Monolisa HCV Ag-Ab ULTRA", "Sensitivity", "28.6—95%"),
    # indented sub-rows under rows with values
    ("fews-datasheet.pdf", 1, "1", "rows", "Dev / Few-shot", "# Tokens", 149791),
    ("fews-datasheet.pdf", 1, "1", "rows", "Test / Zero-shot", "Ambiguity", 5.49),
    ("fews-datasheet.pdf", 1, "1", "rows", "Dev", "Ambiguity", 5.09),
    # age groups down the side: the regimens are the systems; durations are values
    (WHO, 44, "4.1", "columns", "Glecaprevir/pibrentasvir", "Younger children (3–5 years)", "8 weeks"),
    (WHO, 44, "4.1", "columns", "Sofosbuvir/daclatasvir", "Adults (18 years and above)", "12 weeks"),
])
def test_real_pages(name, page, label, orient, system, column, value):
    t = _table(name, page, label)
    assert t.orientation == orient
    recs = {(_norm(r.system.split(" / ")[-1] if orient == "columns" else r.system),
             _norm(r.column.split(" / ")[-1])): r.value for r in t.long}
    key = (_norm(system), _norm(column))
    assert key in recs, sorted(recs)[:6]
    got = recs[key]
    if isinstance(value, str):
        assert _norm(got) == _norm(value)
    else:
        assert got == (pytest.approx(value) if value is not None else None)


def test_ruled_group_lines_stay_groups_and_notes_end_the_table():
    t = _table(WHO, 77, "6.1")
    systems = {r.system for r in t.long}
    assert {s.split(" / ")[0] for s in systems} == {"People who inject drugs", "General population", "People living with HIV"}
    assert not any("studies)" in s for s in systems)  # no value line left as a row
    t = _table(WHO, 44, "4.1")
    assert not any("cirrhosis" in r.column or "cirrhosis" in r.system for r in t.long)
    assert len({r.column for r in t.long}) == 4
    # a one-column stack level with the spanner beside it: its upper lines are its own group
    systems = {r.system for r in t.long}
    assert any(s.startswith("Non-pangenotypic DAA regimen") and s.endswith("/ Sofosbuvir/ ledipasvir2") for s in systems), systems


def test_centred_labels_are_no_indent():
    # multi-lexsum Table 4: "PEGASUS" over "BART", centred: two starts, no sub-rows
    t = _table("multi-lexsum.pdf", 8, "4")
    assert not any("PEGASUS / BART" in r.system for r in t.long)


# -- generated pages -------------------------------------------------------------------------

def _page(path: Path, rows: list[list[tuple[float, str]]], rules: list[float], top: float = 130.0) -> Path:
    doc = pymupdf.open()
    pg = doc.new_page(width=612, height=792)
    pg.insert_text((100, 100), "Table 2: Results of the four systems.", fontsize=9)
    for k, line in enumerate(rows):
        for x, text in line:
            pg.insert_text((x, top + 14 * k), text, fontsize=9)
    for y in rules:
        pg.draw_line((95, y), (520, y))
    out = path / "t.pdf"
    doc.save(str(out))
    return out


def _only(path: Path):
    tables = [t for t in extract_tables(load(path)) if t.long]
    assert len(tables) == 1, [t.columns for t in tables]
    return tables[0]


@pytest.mark.parametrize("indent,named", [(12, True), (0, False)])
def test_generated_indented_sub_rows(tmp_path, indent, named):
    head = [(100, "Split"), (250, "Examples"), (350, "Tokens")]
    body = []
    for name, sub in (("Dev", False), ("Seen", True), ("Unseen", True), ("Test", False), ("Seen", True), ("Unseen", True)):
        x = 100 + (indent if sub else 0)
        body.append([(x, name), (250, f"{len(body) * 100 + 1000:,}"), (350, f"{len(body) + 3}.{len(body)}")])
    t = _only(_page(tmp_path, [head] + body, []))
    systems = [r.system for r in t.long if r.column == "Examples"]
    if named:
        assert systems == ["Dev", "Dev / Seen", "Dev / Unseen", "Test", "Test / Seen", "Test / Unseen"]
    else:
        assert "Dev / Seen" not in systems


@pytest.mark.parametrize("ruled", [True, False])
def test_generated_ruled_rows_take_their_second_lines(tmp_path, ruled):
    # each entry but the last: a name over two lines, its values on the first; a rule under every
    # entry (a wrapped name on the table's last line is still trimmed as a non-tabular end)
    head = [(100, "Assay"), (300, "N (range)"), (400, "Sensitivity")]
    lines = [head]
    rules = [130 + 4]
    for k, (a, b) in enumerate((("Alpha Diagnostics", "Kit One"), ("Beta Labs", "Assay Two"),
                                ("Gamma Systems", "Test Three"), ("Delta Corp Panel Four", ""))):
        lines.append([(100, a), (300, f"{k + 2} ({k * 10 + 20})"), (400, f"9{k}.5% (8{k}.1—9{k}.9)")])
        if b:
            lines.append([(100, b)])
        rules.append(130 + 14 * (len(lines) - 1) + 4)
    t = _only(_page(tmp_path, lines, rules if ruled else []))
    names = {r.system for r in t.long}
    if ruled:
        assert names == {"Alpha Diagnostics Kit One", "Beta Labs Assay Two", "Gamma Systems Test Three", "Delta Corp Panel Four"}
        counts = {r.system: r.value for r in t.long if r.column.startswith("N")}
        assert counts["Beta Labs Assay Two"] == 3  # "3 (30)": one cell
    else:
        assert "Alpha Diagnostics Kit One" not in names
