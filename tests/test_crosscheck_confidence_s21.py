"""Claim checks on cells once read without confidence, and on numbers once only co-located (#14).

Real pages, mutated with PyMuPDF as in ``test_crosscheck_mutation``: each case is one kind of
cell or sentence the checker used to leave unsettled, shown both ways (the page as printed is
borne out; a number off by a visible amount or another row's value is a ``mismatch``; the true
value rounded coarser stays ``consistent``):

- a statistics cell, an estimate with its interval ("1.43 (1.09–1.88)" under "OR (95% CI)"), is a
  value: the table is read with confidence, and an upper header level named in a fronted scope
  ("In bivariate GEE models (Table 2), ...") is the number's own column;
- a row name broken at its hyphen ("Gemini-2.5-Flash-" over "Lite") is one name, and an
  approximate number ("RI ≈0.34") is off only beyond its rounding and a tenth of the cell;
- value columns that are all statistics of a test ("df 1 | df 2 | F | p") settle the orientation;
- a count said with its share ("101 out of 162 papers (62%)") against the count beside that share;
- a range said of a row group ("ranged between 16.60 and 17.65 h for all groups (Table 2)");
- two numbers set against each other whose row the words right after them name ("(7.8 vs 14.0
  average ...)" against the Average row).
"""

from __future__ import annotations

import pytest

from tests.test_crosscheck_mutation import _source, _verdict, mutate_pdf

import pymupdf

# (kind, paper, pages kept, page of the sentence, words around the number, the number, a quote of
# the claim, mutants: (new text, expected verdict))
CASES = [
    ("interval cell", "ssmph-101285.pdf", [4, 5], 4, "(OR = 1.43;", "1.43", "worked less or were on partial unemployment",
     [("1.48", "mismatch"), ("1.4", "consistent")]),
    ("approximate number", "ri-iclr2026", [21, 22, 25], 25, "0.34; see Table 7", "0.34", "moderate RI of Qwen3-32B",
     [("0.29", "mismatch"), ("0.25", "mismatch"), ("0.3", "consistent")]),
    ("statistics columns", "npjmgrav-00129.pdf", [2, 3], 2, "p = 0.026", "0.026", "significant interaction between time and group",
     [("0.031", "mismatch"), ("0.03", "consistent")]),
    # two numbers set against each other, the row they share named right after them ("Average")
    ("pair with its row after it", "longeval-eacl2023.pdf", [5, 6], 6, "(7.8 vs 14.0", "7.8", "FINE annotations have lower",
     [("8.3", "mismatch"), ("8", "consistent")]),
    # a count said with its share: the share places the row, the count is the row's count cell
    ("count with its share", "longeval-eacl2023.pdf", [3], 3, "101 out of 162 papers", "101", "out of 162 papers (",
     [("106", "mismatch"), ("17", "mismatch")]),
    ("range of a row group", "npjmgrav-00129.pdf", [2, 3], 2, "between 16.60 and", "16.60", "Mean acrophase ranged between",
     [("17.10", "mismatch"), ("16.6", "consistent")]),
]


@pytest.mark.parametrize("case,mutant", [(c, m) for c in CASES for m in c[7]], ids=lambda x: x[0] if isinstance(x[0], str) and " " in x[0] else str(x[0]))
def test_kind_mutated(case, mutant, tmp_path):
    kind, name, pages, page, context, old, quote, _ = case
    new, expected = mutant
    src = _source(name)
    orig = tmp_path / "orig.pdf"
    with pymupdf.open(str(src)) as doc:
        doc.select([p - 1 for p in pages])
        doc.save(str(orig))
    status, mine = _verdict(orig, quote)
    assert status == "consistent", [c.message for c in mine]
    pdf = mutate_pdf(src, pages, page, context, old, new, tmp_path / "mutant.pdf")
    status, mine = _verdict(pdf, quote, context.replace(old, new))
    assert status == expected, [c.message for c in mine]
    if expected == "mismatch":
        found = [c for c in mine if c.status == "mismatch"]
        assert any(new in c.message for c in found), [c.message for c in found]
