"""Cross-checks of numbers and comparisons in the prose against the tables, by kind (session 14,
tune3 gold): numbers restated from a table in any prose sentence (claim or not), numbers set
against each other ("93% vs 92% accuracy"), signed differences, a claim the next sentences
qualify, a rival that is no row of the table, a caption naming baselines and an ablation.
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


def _pages_of(src: Path, first: int, last: int, out: Path) -> Path:
    with pymupdf.open(str(src)) as doc:
        doc.select(list(range(first - 1, last)))
        doc.save(str(out))
    return out


def _texbench(name: str) -> Path:
    path = need_corpus("texbench paper").parent / "texbench" / "pdfs" / f"{name}.pdf"
    if not path.exists():
        pytest.skip(f"{path} missing")
    return path


_CACHE: dict[str, list] = {}


def _checks(key: str, tmp_path_factory) -> list:
    """The cross-checks of a few real pages: (paper, first page, last page) by key."""
    if key not in _CACHE:
        src_name, first, last = PAGES[key]
        src = _texbench(src_name) if "/" not in src_name and not src_name.endswith(".pdf") else corpus_pdf(src_name)
        pdf = _pages_of(src, first, last, tmp_path_factory.mktemp(key) / f"{key}.pdf")
        doc = load(pdf)
        _CACHE[key] = cross_check(extract_claims(doc), extract_tables(doc), doc)
    return _CACHE[key]


PAGES = {
    "longeval": ("longeval-eacl2023.pdf", 3, 9),      # Table 1 (p. 3), Tables 4-5 (p. 7), prose pp. 7-9
    "plosone": ("plosone-0319315.pdf", 11, 13),       # p-values in the results prose, Tables 3-4 (p. 13)
    "mmpl": ("mmpl-kdd", 7, 8),                       # results prose (p. 7), Table 2 (p. 8)
    "lexsum": ("multi-lexsum.pdf", 7, 8),             # Table 3 (p. 7) and its discussion (p. 8)
    "lexsum-splits": ("multi-lexsum.pdf", 7, 21),     # the split sentence (p. 7), Table 8 of splits (p. 21)
    "ptp": ("scaling-ptp", 18, 18),                    # Table 4, whose caption maps loss columns to O-PTP and C-PTP
    "moba": ("moba.pdf", 1, 10),                      # Table 2 (p. 9) (benchmarks as rows, systems as columns) and its prose
}


def _about(checks, quote: str) -> list:
    return [c for c in checks if c.claim and quote in " ".join(c.claim.split())]


# (pages, a piece of the sentence, the verdict, a value the check must quote from the table)
RESTATED = [
    # a non-claim sentence citing Table 1: the two datasets' source lengths are swapped
    pytest.param("longeval", "3.1K words for SQuALITY and 5.1K words for PubMed", "mismatch", "5194", id="cited-table-swapped"),
    # no table cited: both labels in the number's own clause ("shorter summaries than SQuALITY (237 words)")
    pytest.param("longeval", "shorter summaries than SQuALITY (237 words)", "mismatch", "227", id="uncited-own-clause"),
    # a round number stands for the cell up to its last non-zero digit (5194 ~ 5200)
    pytest.param("longeval", "like SQuALITY (5200 words)", "consistent", "5194", id="round-number"),
    # each p-value in its own bracket, read with the label before the bracket
    pytest.param("plosone", "‘Step Back’ (GLMM, p-value = 0.02)", "consistent", "0.02", id="bracketed-p-values"),
    pytest.param("plosone", "more ‘High Neck Position’ than in negative anticipation", "consistent", "0.02", id="bracket-after-label"),
]


@pytest.mark.parametrize("key, quote, status, value", RESTATED)
def test_numbers_restated_from_a_table(key, quote, status, value, tmp_path_factory):
    found = _about(_checks(key, tmp_path_factory), quote)
    assert found, quote
    assert {c.status for c in found} == {status}, [c.message for c in found]
    assert any(value in c.message for c in found), [c.message for c in found]


def test_a_p_value_is_not_given_to_the_next_bracket_label(tmp_path_factory):
    # "AD84 'Head Shake Side to Side' (GLMM, p = 0.001), as well as the 'Step Back' (GLMM, p-value = 0.02)":
    # 0.001 is Head Shake's (no row of Table 4), never Step Back's or Paw the Ground's
    found = _about(_checks("plosone", tmp_path_factory), "Head Shake Side to Side")
    assert found
    for c in found:
        assert "0.001 for" not in c.message, c.message


# (pages, a piece of the claim, the verdicts allowed)
PAIRS_AND_QUALIFIED = [
    # "93% vs 92% accuracy, 0.71 vs 0.64 Fleiss κ": each pair's metric is after it; 93% is None's, 92% SuperPAL's
    pytest.param("longeval", "93% vs 92% accuracy", {"consistent"}, id="pair-metric-after"),
    # "(0.61 recall@3 vs the next best 0.47)": recall@3 names the header R@3; 0.47 is the runner-up's row
    pytest.param("longeval", "0.61 recall@3 vs the next best 0.47", {"consistent"}, id="pair-runner-up"),
    # a caption "Baselines and ablation study" keeps its table for a claim of the best accuracy
    pytest.param("mmpl", "MMPL-MRFs achieve the best accuracy on all three indexes", {"consistent"}, id="baselines-and-ablation"),
    # "... consistently outperforms other baselines ...", two sentences before "the recall rate of MMPL-MRFs is
    # constantly lower than other baselines": the paragraph qualifies the claim
    pytest.param("mmpl", "consistently outperforms other baselines on all 3", {"unverified"}, id="qualified-by-next-sentences"),
    # "PRIMERA outperforms even the LED-16384 model on the D →L task, but achieves similar results as LED-4096 on the
    # other two": the task is an upper header level written with an arrow; 'similar' is the next clause's; the Words
    # column is a length, not a score
    pytest.param("lexsum", "PRIMERA outperforms even the LED-16384 model", {"consistent"}, id="upper-level-task-and-contrast-clause"),
]


@pytest.mark.parametrize("key, quote, allowed", PAIRS_AND_QUALIFIED)
def test_pairs_and_qualified_claims(key, quote, allowed, tmp_path_factory):
    found = _about(_checks(key, tmp_path_factory), quote)
    assert found, quote
    assert {c.status for c in found} <= allowed, [c.message for c in found]


def test_a_literal_comparison_on_a_named_metric(tmp_path_factory):
    # "the recall rate of MMPL-MRFs is constantly lower than other baselines": on CSI200 its recall 73.91 is
    # above LSTM (Indicator) 70.70, read literally (lower, not worse: no direction to guess)
    found = [c for c in _about(_checks("mmpl", tmp_path_factory), "the recall rate of MMPL-MRFs is constantly lower")
             if c.kind == "superiority"]
    assert [c.status for c in found] == ["mismatch"], [c.message for c in found]
    assert "70.7 vs 73.91" in found[0].message


NOT_CHECKED_AS = [
    # "for all values of f in SQuALITY we find that FINE annotations still have lower variance than COARSE, in
    # PubMed COARSE has lower variance ...": Figure 4's fractions, no subject-and-metric of Table 3
    pytest.param("longeval", "FINE annotations still have lower variance than COARSE", "superiority", id="comparison-outside-subject"),
    # "+4% to +10% of Rouge-2": signed numbers are differences, not LED-16384's 9.84
    pytest.param("lexsum", "ranging from +4% to +10% of Rouge-2", "number", id="signed-difference"),
]


@pytest.mark.parametrize("key, quote, kind", NOT_CHECKED_AS)
def test_readings_that_are_not_made(key, quote, kind, tmp_path_factory):
    found = [c for c in _about(_checks(key, tmp_path_factory), quote) if c.kind == kind]
    assert not [c for c in found if c.status in ("mismatch", "consistent")], [c.message for c in found]


# (pages, a piece of the sentence, the verdict, a piece the message must hold)
LABELLED_AND_ORDERED = [
    # "train (70%, ...), Dev (10%, 454), and Test (30%, 908)": each share against the percentage in the row's
    # own label; Train and Dev agree, so Test (20%) is the same quantity and contradicts 30%
    pytest.param("lexsum-splits", "and Test (30%, 908)", "mismatch", "labels the row Test (20%)", id="percentage-in-row-label"),
    # "RULER @128K [0-shot]": a bracketed setting and an '@' length are notes of the label; the pair
    # "0.7818 compared to 0.7849" is read in the order the two systems are named
    pytest.param("moba", "with a score of 0.7818 compared to 0.7849", "consistent", "0.7818 vs 0.7849 for Llama-8B-1M-MoBA vs Llama-8B-1M-Full",
                 id="bracketed-setting-ordered-pair"),
]


@pytest.mark.parametrize("key, quote, status, piece", LABELLED_AND_ORDERED)
def test_labelled_shares_and_ordered_pairs(key, quote, status, piece, tmp_path_factory):
    found = [c for c in _about(_checks(key, tmp_path_factory), quote) if c.kind == "number"]
    assert found, quote
    assert status in {c.status for c in found}, [c.message for c in found]
    assert any(piece in c.message for c in found), [c.message for c in found]
    assert "mismatch" not in {c.status for c in found} or status == "mismatch"


def test_numbers_of_a_formula_are_not_table_values(tmp_path_factory):
    # "a sparsity level of up to 1 −4096×12 128K = 62.5%": the 1, 12 and 62.5 are a formula's terms and result
    found = _about(_checks("moba", tmp_path_factory), "where MoBA operates at a sparsity level")
    for c in found:
        assert not any(f" {n} for " in " " + c.message.split(": ", 1)[-1] for n in ("1", "12", "62.5%")), c.message


def test_methods_a_caption_maps_to_columns(tmp_path_factory):
    # "O-PTP are distilled with KL or reverse KL loss (kl, kl-rev), C-PTP with ... (bce, ce)": the claim that
    # O-PTPs "achieve a higher number of average correct tokens" is read as kl/kl-rev against bce/ce, row by row;
    # C-PTP's cells are higher in every row (40/41 vs 45/44, 44/39 vs 45/45, 29/36 vs 44/43)
    found = [c for c in _about(_checks("ptp", tmp_path_factory), "O-PTPs are easier to train than C-PTPs")
             if c.kind == "superiority"]
    assert [c.status for c in found] == ["mismatch"], [c.message for c in found]
    assert "O-PTP (kl, kl-rev) against C-PTP (bce, ce)" in found[0].message


def test_one_system_in_two_settings(tmp_path_factory):
    # "DARNN ... on Indicator ... is consistently better than the ones on Market": the rival is another setting of
    # the same system (the rows "Indicator / DARNN" and "Market / DARNN"), never 'DARNN is the best of all rows';
    # read over every score column, CSI300 recall goes the other way (73.46 vs 73.59)
    found = [c for c in _about(_checks("mmpl", tmp_path_factory), "performance of DARNN models tested on Indicator dataset")
             if c.kind == "superiority"]
    assert [c.status for c in found] == ["mismatch"], [c.message for c in found]
    assert "DARNN on Indicator is better than on Market" in found[0].message
    assert "73.46 vs 73.59" in found[0].message
    assert "is best" not in found[0].message


def test_a_group_of_systems_against_a_group_of_rivals(tmp_path_factory):
    # "models that allow long inputs (LED and PRIMERA) perform better than BART and PEGASUS (with only 1024 input
    # tokens at most) on all three tasks, indicating ...": 'LED' stands for LED-4096 and LED-16384; every one against
    # both rivals on every score column (not Words, a length); LED-4096 is below BART on D ->L R-1 and BS. 'at most'
    # is a bound and 'indicating' qualifies the trailing inference, not the result
    found = [c for c in _about(_checks("lexsum", tmp_path_factory), "(LED and PRIMERA) perform better than BART and PEGASUS")
             if c.kind == "superiority"]
    assert [c.status for c in found] == ["mismatch"], [c.message for c in found]
    assert "LED-4096 47.75 vs BART 48.79" in found[0].message
    assert "Words" not in found[0].message


def test_a_setting_chosen_for_best_results(tmp_path_factory):
    # "we choose to sample training sequences from the teacher model for best results": no claim cue, but the
    # choice names the row "Teacher" of Table 4 (same page) in lower case; the Student row is higher under kl
    # (44 vs 40) and ce (45 vs 44)
    found = [c for c in _about(_checks("ptp", tmp_path_factory), "from the teacher model for best results")
             if c.kind == "superiority"]
    assert [c.status for c in found] == ["mismatch"], [c.message for c in found]
    assert "Student 44 vs Teacher 40 on kl" in found[0].message
