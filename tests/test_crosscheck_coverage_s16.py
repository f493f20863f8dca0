"""Cross-check coverage by kind (session 16, issue #14): numbers of a sentence that no row or
column label places ("27.6M of the 28.9M PDFs", "1.38x to 3.28x speedups", "(84.6 secs vs 115.6
secs per unit)", "101 out of 162 papers (62%)") are read where the table prints them together,
exactly as printed, in one row or one column of one table; agreement only, never a mismatch.
A second kind: "X got the higher median in the UF2, UF4 and UF6", a comparative said as the
best with no "than", is read as a claim of being best on the benchmarks it lists, and benchmarks
printed under several upper labels (HV / UF2, IGD / UF2) are read under the one the sentences
before it in the paragraph name (never a mismatch from that reading).
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
    # the whole paper (a running header is told apart only over several pages): prose (p. 5) on
    # Table 1 (p. 6), read as two halves, HV / UFn and IGD / UFn
    "moead": ("moead-gecco19", 1, 9),
    # pages 5-6 alone: the running header joins the HV half's header, so only the IGD half is read
    # cleanly, where the claims' benchmarks sit under no other upper label
    "moead-p56": ("moead-gecco19", 5, 6),
}

_CACHE: dict[str, list] = {}
_TEXT: dict[str, str] = {}


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
        _TEXT[key] = " ".join(" ".join(s.text.split()) for s in doc.sentences)
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
    # (placed where they stand together, or, where the words right after a pair name the row they share
    # and the sentence names the two columns, read by those labels: "7.8 vs 14.0 for FINE vs COARSE on Average")
    placed = [c for c in checks if c.kind == "number" and ("prints them in one" in c.message or f" on {line}: " in c.message)]
    assert placed, [c.message for c in checks]
    c = placed[0]
    assert c.status == "consistent"
    assert not any(x.status == "mismatch" for x in checks)
    raws = [cell["text"] for cell in c.cells]
    assert sorted(raws) == sorted(cells)
    assert f"one row, {line} (" in c.message or f"one column, {line} (" in c.message or f" on {line}: " in c.message


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
    assert quote in _TEXT[key]  # the sentence is read, and no check places its numbers
    text = [c for c in checks if c.claim and quote in " ".join(c.claim.split())]
    assert not any("prints them in one" in c.message for c in text), [c.message for c in text]
    assert not any(c.status == "mismatch" for c in text)


# (pages, quote, verdict, the upper label read from the paragraph)
BEST_IN = [
    # HV named two sentences before ("considering the results of the HV metric"): Random is best on
    # HV / UF2, UF4, UF6 (0.83, 0.373, 0.689)
    ("moead", "got the higher median in the UF2, UF4 and UF6", "consistent", "HV"),
    # HV named by the paragraph's first sentence; Random ties on DTLZ1, DTLZ2, DTLZ5: not beaten, jointly
    # best (consistent, the hand-read truth of the gold, t2moead-08; the tie is said in the message)
    ("moead", "got the higher median in the DTLZ1, DTLZ2, DTLZ3 and DTLZ5", "consistent", "HV"),
    # IGD named two sentences before ("When considering IGD ..."); ties with Norm on IGD / UF2 and UF4 (t2moead-05)
    ("moead", "being the best in UF2 and UF4", "consistent", "IGD"),
]


@pytest.mark.parametrize("key,quote,status,upper", BEST_IN, ids=[q[:30] for _k, q, _s, _u in BEST_IN])
def test_comparative_as_best_under_the_paragraphs_upper_label(key, quote, status, upper, tmp_path_factory):
    checks = [c for c in _about(_checks(key, tmp_path_factory), quote) if c.kind == "superiority"]
    assert checks, quote
    assert {c.status for c in checks} == {status}, [c.message for c in checks]
    other = {"HV": "IGD", "IGD": "HV"}[upper]
    for c in checks:
        # the cells compared are those under the paragraph's upper label, never the other half's
        assert f"{other} / " not in c.message, c.message
    if status != "consistent":
        assert any(f"{upper} is read from the sentences before it" in c.message or "tied" in c.message for c in checks)
    if "UF6" not in quote:
        assert any("jointly" in c.message and "tied with" in c.message for c in checks), [c.message for c in checks]


@pytest.mark.parametrize("quote", ["got the higher median in the UF2, UF4 and UF6",
                                   "got the higher median in the DTLZ1, DTLZ2, DTLZ3 and DTLZ5"])
def test_comparative_as_best_gives_no_mismatch(quote, tmp_path_factory):
    """Read against the wrong half (IGD, lower is better), the comparative would be a mismatch:
    a comparative said as the best is read for agreement only."""
    checks = [c for c in _about(_checks("moead-p56", tmp_path_factory), quote) if c.kind == "superiority"]
    assert checks
    assert all(c.status == "unverified" for c in checks), [c.message for c in checks]
    assert all("agreement only" in c.message for c in checks)
