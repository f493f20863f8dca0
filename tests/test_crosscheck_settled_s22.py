"""Claim numbers whose cell the checker used to leave unsettled (#14, session 22).

Real pages, mutated with PyMuPDF as in ``test_crosscheck_mutation``: each case shows the page as
printed borne out, and a number off by a visible amount (or another row's value) a ``mismatch``,
the true value rounded coarser still ``consistent``. The kinds:

- an estimate printed with its interval ("OR = 1.89; 95% CI = 1.07–3.33") is read against the one
  cell that prints the same interval ("1.89 (1.07–3.33)"), whatever the row and column labels say;
- a name several rows may mean ("It" read as "DeepSeek-Coder-Instruct", "DeepSeek-Coder-V2") is
  read against the row another number of the same sentence, said of the same name, is borne out in;
- a name several rows may mean, in several tables ("VL-HMM" in Tables 1, 2 and 4), is read
  against the row in the table, column and row group where the sentence's other numbers are printed;
- of two numbers set against each other, the second the named system's cell, the first is read
  against the row the sentence's other pairs put first ("0.71 vs 0.64 Fleiss κ ... 41.4 vs 48.2");
- numbers printed in one column, each in a bracket after a clause naming a row by its own words
  ("Likert-scale" for "Likert-scale COARSE-grained"), are borne out only if each is that row's cell.
"""

from __future__ import annotations

import pymupdf
import pytest

from tests.test_crosscheck_mutation import _source, _verdict, mutate_pdf

# (kind, paper, pages kept, page of the sentence, words around the number, the number, a quote of
# the claim, mutants: (new text, expected verdict))
CASES = [
    # the multivariate odds ratio of "No job": the labels name two "OR (95% CI)" columns and two "No job" rows
    ("interval names the cell", "ssmph-101285.pdf", [4, 5], 4, "(OR = 1.89;", "1.89", "significantly and almost significantly",
     [("1.95", "mismatch"), ("1.00", "mismatch"), ("1.9", "consistent")]),
    # the second estimate of the same sentence: "Financial difficulties ... Yes" (1.43 is also another row's bivariate OR)
    ("interval names the cell", "ssmph-101285.pdf", [4, 5], 4, "OR = 1.43; 95% CI = 0.99", "1.43", "significantly and almost significantly",
     [("1.48", "mismatch"), ("1.4", "consistent")]),
    # the bivariate odds ratio of "No job" (the row label is not in the sentence: "were unemployed")
    ("interval names the cell", "ssmph-101285.pdf", [4, 5], 4, "(OR = 2.53;", "2.53", "were unemployed (OR",
     [("2.61", "mismatch"), ("2.5", "consistent")]),
    # "It" read as DeepSeek-Coder-Instruct from the sentence before: 12.7% is DS-Coder-V2-Instruct's own cell
    ("row a sibling number bears out", "deepseek-coder-v2.pdf", [12], 12, "It scores 21% in", "21%", "in Defects4J and 12.7%",
     [("31%", "mismatch"), ("19%", "mismatch")]),
    # "DeepSeek-Coder-V2 achieves 65.0 on arena-hard, 8.77 on MT-bench and 7.84 on alignbench": 38.1 is the
    # Lite model's Arena-Hard, the other two numbers the Instruct model's own
    ("row a sibling number bears out", "deepseek-coder-v2.pdf", [3, 14], 3, "achieves 65.0 on", "65.0", "on arena-hard",
     [("38.1", "mismatch"), ("66.9", "mismatch"), ("65", "consistent")]),
    # "On PTB, the VL-HMM ... 125.0 perplexity on the valid set, outperforming a FF baseline (159.9) and ... (284.6)"
    ("where the other numbers are printed", "hmm-note", [5, 9], 5, "achieve 125.0 perplexity", "125.0", "perplexity on the valid set",
     [("128.8", "mismatch"), ("159.9", "mismatch"), ("125", "consistent")]),
    # "(93% vs 92% accuracy, 0.71 vs 0.64 Fleiss κ) ... (41.4 vs 48.2 seconds per unit)": the other two pairs
    # are None's and SuperPAL's cells, so the first number of the first pair is None's accuracy
    ("order the other pairs settle", "longeval-eacl2023.pdf", [7, 8], 8, "(93% vs 92%", "93%", "than the SuperPAL hint settings",
     [("98%", "mismatch"), ("89%", "mismatch")]),
    # "Likert-scale (24 papers), A/B testing (13 papers), binary per-sentence labels (4 papers)": rows read as
    # "Likert-scale COARSE-grained" (a side column of groups); 17 is another row's count, so the three
    # numbers printed in one column no longer bear the sentence out (session 22: no check, not consistent;
    # session 23: a mismatch, 13 and 4 being their rows' "# papers", see test_crosscheck_pairs_s23)
    ("row named without its group word", "longeval-eacl2023.pdf", [3], 3, "Likert-scale (24 pa", "24", "A/B testing (13 papers)",
     [("17", "mismatch")]),
]


@pytest.mark.parametrize("case,mutant", [(c, m) for c in CASES for m in c[7]],
                         ids=lambda x: x[0] if isinstance(x[0], str) and " " in x[0] else str(x[0]))
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
