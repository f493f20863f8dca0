"""A body row with a cell that spans columns does not merge the columns it spans.

Columns are the x-ranges no body cell covers; a row like moonlight Table 7's "Pretrained Model  -
Qwen2.5-7B" (the base model's name centred over both value columns) bridged the gutter between
"Adam-SFT" and "Muon-SFT", and every value pair came out as one cell ("71.4 70.8"). The DEAN
supplement's per-dataset tables lost their label column the same way ("shuttle 100%"). Values
below are read from the rendered pages."""

from __future__ import annotations

import pytest

from jupyter_review.ingest import load_document
from tests.conftest import corpus_pdf


def _tables(name: str, page: int, label: str):
    """(table, row) for each table on the page with a row of that label."""
    doc = load_document(corpus_pdf(name))
    return [(t, r) for t in doc.raw_tables if t.page == page for r in t.rows if r and r[0].text.strip() == label]


@pytest.mark.parametrize("name, page, label, values", [
    ("moonlight-main.pdf", 10, "MMLU (EM)", ["0-shot (CoT)", "71.4", "70.8"]),        # Table 7
    ("moonlight-main.pdf", 10, "GSM8K (EM)", ["5-shot", "89.8", "85.8"]),             # Table 7
    ("dean-supplement.pdf", 18, "shuttle", ["100%", "98%", "82%", "99%", "99%", "82%", "9%", "95%", "50%", "31%"]),
    ("dean-supplement.pdf", 19, "shuttle", ["100%", "100%", "100%", "99%", "100%", "100%", "100%", "99%", "99%", "100%", "50%"]),
])
def test_a_spanning_body_cell_does_not_merge_columns(name, page, label, values):
    found = _tables(name, page, label)
    rows = [[c.text.strip() for c in r] for _t, r in found]
    assert [label, *values] in rows, rows
    t = found[rows.index([label, *values])][0]
    # every row of that table has one cell per value column and the label
    assert {len(r) for r in t.rows} == {len(values) + 1}


def test_dean_header_names_each_system():
    t, _row = _tables("dean-supplement.pdf", 18, "shuttle")[0]
    header = [c.text.strip() for c in t.rows[0]]
    assert header[:8] == ["Dataset", "DEAN", "HBOS", "GOAD", "ECOD", "COPOD", "LODA", "NF"]
