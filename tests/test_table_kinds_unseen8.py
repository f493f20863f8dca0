"""A table kind found on the tune half of the eighth unseen table gold (issue #14), on real
corpus pages and on generated PDFs:

a table whose label column is headed "Dataset" either describes its datasets (columns are
quantities of each: sizes, counts, lengths, ratios; systems are the rows, i.e. the entries) or
scores systems on them (columns are systems: systems are columns). Where the columns' names
are not known property words ("Sents", "Compress", "|source| (words)", "papers"), the numbers
tell: a row whose values span orders of magnitude while each column keeps one scale holds
different quantities of one entry; systems scored on one dataset share its metric's scale.
"""

from __future__ import annotations

import re
from pathlib import Path

import pymupdf
import pytest

from jupyter_review.extract.tables import extract_tables
from jupyter_review.pipeline import load
from tests.conftest import corpus_table as _table


def _leaf(s: str) -> str:
    return " ".join(str(s).split(" / ")[-1].split())


# (file, page, label, orientation, a cell as (row entry, column, value) read off the page)
@pytest.mark.parametrize("name,page,label,orientation,cell", [
    # the datasets' sizes: samples, docs, words, sentences, coverage, density, compression
    ("multi-lexsum.pdf", 6, "2", "rows", ("XSUM", "Source / Words", 454.5)),
    ("multi-lexsum.pdf", 6, "2", "rows", ("BigPatent", "Samples", 1341362.0)),
    # source and summary lengths and a paper count per dataset
    ("longeval-eacl2023.pdf", 3, "1", "rows", ("GovReport", "|summary| (words)", 547.0)),
    # annotation methods scored on each dataset: one scale along a row, the methods are columns
    ("longeval-eacl2023.pdf", 5, "3", "columns", ("SQuALITY", "FINE", 6.8)),
    # algorithms' AUC-ROC on 51 datasets: columns are the systems
    ("dean-supplement.pdf", 16, "25", "columns", ("optdigits", "HBOS", 88.0)),
])
def test_dataset_table_orientation_from_value_scales(name, page, label, orientation, cell):
    t = _table(name, page, label)
    assert t.orientation == orientation, t.notes
    entry, col, value = cell
    recs = {(_leaf(r.system), " ".join(r.column.split())): r.value for r in t.long}
    if orientation == "rows":
        key = next(k for k in recs if k[0] == entry and (k[1] == col or k[1].endswith(col)))
    else:  # the system in the record, the dataset its column
        key = next(k for k in recs if k[0] == col and _leaf(k[1]) == entry)
    assert recs[key] == pytest.approx(value)


def _save(doc, tmp_path: Path) -> Path:
    p = tmp_path / "t.pdf"
    doc.save(str(p))
    return p


@pytest.mark.parametrize("heads,rows,orientation", [
    # quantities of each dataset, named by words no list of property names holds
    (["Sents", "Density", "Compress"],
     [["1,204", "3.7", "0.41"], ["56,017", "12.9", "0.08"], ["830", "2.2", "0.66"], ["9,912", "5.4", "0.19"]],
     "rows"),
    # three systems scored on each dataset: one metric, one scale along the row
    (["Alder", "Birch", "Cedar"],
     [["71.2", "68.4", "74.9"], ["55.0", "58.3", "61.7"], ["80.1", "79.6", "83.0"], ["47.5", "51.2", "49.9"]],
     "columns"),
])
def test_generated_dataset_table(tmp_path, heads, rows, orientation):
    doc = pymupdf.open()
    pg = doc.new_page(width=612, height=792)
    pg.insert_text((100, 100), "Table 2: The four datasets.", fontsize=9)
    pg.insert_text((100, 130), "Dataset", fontsize=9)
    for k, h in enumerate(heads):
        pg.insert_text((250 + 90 * k, 130), h, fontsize=9)
    names = ["Hoverfly", "Kestrel", "Lapwing", "Merlin"]
    for i, (n, vals) in enumerate(zip(names, rows)):
        y = 146 + 14 * i
        pg.insert_text((100, y), n, fontsize=9)
        for k, v in enumerate(vals):
            pg.insert_text((250 + 90 * k, y), v, fontsize=9)
    tables = [t for t in extract_tables(load(_save(doc, tmp_path))) if t.long]
    assert len(tables) == 1
    t = tables[0]
    assert t.orientation == orientation, t.notes
    want = float(re.sub(",", "", rows[1][0]))
    key = ("Kestrel", heads[0]) if orientation == "rows" else (heads[0], "Kestrel")
    assert {(r.system, r.column): r.value for r in t.long}[key] == pytest.approx(want)
