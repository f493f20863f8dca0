"""Cross-check coverage by kind (session 16, issue #14): numbers of a sentence that no row or
column label places ("27.6M of the 28.9M PDFs", "1.38x to 3.28x speedups", "(84.6 secs vs 115.6
secs per unit)", "101 out of 162 papers (62%)") are read where the table prints them together,
exactly as printed, in one row or one column of one table; agreement only, never a mismatch.
The guards are cases of the same mechanism: a list placed only in part, round numbers and a
setting's symbol ("r = 256"), a row the numbers' own clause names that does not hold them.
Every case reads real pages of a corpus or texbench paper."""

from __future__ import annotations

from pathlib import Path

import pymupdf
import pytest

from jupyter_review.extract.claims import extract_claims
from jupyter_review.extract.crosscheck import cross_check
from jupyter_review.extract.tables import extract_tables
from jupyter_review.pipeline import load
from tests.conftest import corpus_pdf, need_corpus

PAGES = {
    "longeval-p3": ("longeval-eacl2023.pdf", 3, 3),   # Table 2 (# papers, % papers) and the survey prose
    "longeval-p5": ("longeval-eacl2023.pdf", 5, 6),   # Table 3 (std-dev COARSE/FINE) and its sentence over the page break
    "longeval-p7": ("longeval-eacl2023.pdf", 7, 8),   # Table 5 (time per unit) and the hint prose (p. 8)
    "yellowfin": ("yellowfin", 9, 9),                 # Table 2 of speedups ("1.38x") and its prose
    "mh-test": ("mh-test-uai2017", 9, 14),            # Table 2 of minibatch sizes ("125.4 ± 9.2"); p. 14 holds a results table (a paper with none gets no cross-check)
    "moe-shared": ("deepseek-moe.pdf", 12, 12),       # "1.808, 1.806, and 1.811": two of a list of three in no table of the page
    "moe-appendix": ("deepseek-moe.pdf", 10, 32),     # the same list against Table 9 (p. 32), which holds 1.808 and 1.806
    "ptp-lora": ("scaling-ptp", 22, 22),              # "r = 256 ... r = 64" beside a table whose Hidden Size column holds 256 and 64
}

_CACHE: dict[str, list] = {}


def _texbench(name: str) -> Path:
    path = need_corpus("texbench paper").parent / "texbench" / "pdfs" / f"{name}.pdf"
    if not path.exists():
        pytest.skip(f"{path} missing")
    return path


def _checks(key: str, tmp_path_factory) -> list:
    if key not in _CACHE:
        name, first, last = PAGES[key]
        src = corpus_pdf(name) if name.endswith(".pdf") else _texbench(name)
        out = tmp_path_factory.mktemp(key) / f"{key}.pdf"
        with pymupdf.open(str(src)) as d:
            d.select(list(range(first - 1, last)))
            d.save(str(out))
        doc = load(out)
        _CACHE[key] = cross_check(extract_claims(doc), extract_tables(doc), doc)
    return _CACHE[key]


def _about(checks: list, quote: str) -> list:
    return [c for c in checks if c.claim and quote in " ".join(c.claim.split())]


# (pages, a quote of the sentence, the printed cells the check must cite, the row or column
# label that holds them)
PLACED = [
    ("longeval-p3", "101 out of 162 papers (62%)", ["101", "62%"], "None"),
    ("longeval-p3", "A/B testing (13 papers)", ["24", "13", "4"], "# papers"),
    ("longeval-p5", "FINE annotations have lower standard deviation", ["7.8", "14.0"], "Average"),
    ("longeval-p7", "(84.6 secs vs 115.6 secs per unit)", ["84.6", "115.6"], "First 5"),
    ("yellowfin", "achieves 1.38x to 3.28x speedups", ["1.38x", "3.28x"], "YF"),
    ("mh-test", "125.4 and 216.5", ["125.4 ± 9.2", "216.5 ± 7.9"], "MHMINIBATCH"),
]


@pytest.mark.parametrize("key,quote,cells,line", PLACED, ids=[f"{k}:{c[0]}" for k, _q, c, _l in PLACED])
def test_numbers_placed_together_are_borne_out(key, quote, cells, line, tmp_path_factory):
    checks = _about(_checks(key, tmp_path_factory), quote)
    placed = [c for c in checks if c.kind == "number" and "prints them in one" in c.message]
    assert placed, [c.message for c in checks]
    c = placed[0]
    assert c.status == "consistent"
    assert not any(x.status == "mismatch" for x in checks)
    raws = [cell["text"] for cell in c.cells]
    assert sorted(raws) == sorted(cells)
    assert f"one row, {line} (" in c.message or f"one column, {line} (" in c.message


NOT_PLACED = [
    # a list of three like numbers of which a table holds only two: not borne out
    ("moe-shared", "1.808, 1.806, and 1.811"),
    ("moe-appendix", "1.808, 1.806, and 1.811"),
    # a setting's symbol and round numbers: a hidden size of 256 and 64 is no LoRA rank
    ("ptp-lora", "rank of r = 256"),
]


@pytest.mark.parametrize("key,quote", NOT_PLACED, ids=[k for k, _q in NOT_PLACED])
def test_numbers_not_placed(key, quote, tmp_path_factory):
    checks = _checks(key, tmp_path_factory)
    text = [c for c in checks if c.claim and quote in " ".join(c.claim.split())]
    assert not any("prints them in one" in c.message for c in text), [c.message for c in text]
    assert not any(c.status == "mismatch" for c in text)
