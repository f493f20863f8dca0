"""Cross-checks by kind for claims the checker had no rule for (session 17, issue #14).

- Number forms: a count printed with its magnitude and share ("28.9M (35.6%)", "81.1M") is a
  value in units, and a two-column key-value table whose first row is ruled off ("Total papers |
  81.1M") keeps that row as a body row (a header line of a sweep names two or more settings).
- Differences: a number said as the difference of two rows ("a performance drop (1.7%)",
  "increases performance by about 1.1%") is read against the row the sentence names and the
  table's baseline row, in the column the number's own clause names; agreement only.
- Rivals: rows named after the verb are the comparison even when the sentence opens with a group
  ("In comparison to other open-source models"); a rival that opens the sentence ("When compared
  with ..., Mixtral 8x22B Instruct, X exhibits better performance on most benchmarks, except for
  A and B") is the one compared, both exceptions left out, the table's short "Inst." read as
  "Instruct". A comparison with a class of rows ("solves more problems from AIME 2024 than the
  other models") is read against every other row, for agreement only; a comparison said from the
  losing side ("X still falls behind Y" on the benchmarks the sentence lists) is read with the
  roles turned, never a mismatch, and not at all when a label stands on several rows.
Every case reads real pages of a corpus paper."""

from __future__ import annotations

from pathlib import Path

import pymupdf
import pytest

from jupyter_review.extract.claims import extract_claims
from jupyter_review.extract.crosscheck import cross_check, table_cells
from jupyter_review.extract.tables import extract_tables
from jupyter_review.pipeline import load
from tests.conftest import corpus_pdf, need_corpus

PAGES = {
    "s2orc-p5": ("s2orc-acl2020.pdf", None, 4, 6),              # Table 3 (headerless, "28.9M (35.6%)") and its prose
    "dean-supp": ("dean-main.pdf", "dean-supplement.pdf", 9, 10),  # supplement Table 21 (AUC-ROC, Fairness) and p. 10
    "dsv2-p18": ("deepseek-v2.pdf", None, 18, 20),              # Tables 3-5 (p. 19-20) and the chat comparisons (p. 18)
    "dsc-p13": ("deepseek-coder-v2.pdf", None, 13, 14),         # Table 9 (AIME 2024 "4/30") and the math prose (p. 14)
    "moe-p20": ("deepseek-moe.pdf", None, 20, 21),              # Table 5 (chat models) and the numbered observations (p. 21)
    "hmm-note": ("hmm-note", None, 8, 8),                       # texbench: Table 3, "Brown" on several rows
    "stockmixer": ("stockmixer-main.pdf", "stockmixer-supplement.pdf", 1, 1),  # supplement Table 1: "# of params" in K
}

# pages of the main paper read with a supplement (else the whole paper): stockmixer's Table 2 (p. 6),
# which the supplement's sentence is read against too
MAIN_PAGES = {"stockmixer": [5]}
_CACHE: dict[str, tuple] = {}


def _texbench(name: str) -> Path:
    path = need_corpus("texbench paper").parent / "texbench" / "pdfs" / f"{name}.pdf"
    if not path.exists():
        pytest.skip(f"{path} missing")
    return path


def _run(key: str, tmp_path_factory) -> tuple:
    if key not in _CACHE:
        name, supp, first, last = PAGES[key]
        base = tmp_path_factory.mktemp(key)
        if supp:
            # the supplement's pages
            out = base / supp
            with pymupdf.open(str(corpus_pdf(supp))) as d:
                d.select(list(range(first - 1, last)))
                d.save(str(out))
            main = corpus_pdf(name)
            if key in MAIN_PAGES:
                main = base / f"{key}-main.pdf"
                with pymupdf.open(str(corpus_pdf(name))) as d:
                    d.select(MAIN_PAGES[key])
                    d.save(str(main))
            doc = load(main, supplements=[out])
        else:
            out = base / f"{key}.pdf"
            src = corpus_pdf(name) if name.endswith(".pdf") else _texbench(name)
            with pymupdf.open(str(src)) as d:
                d.select(list(range(first - 1, last)))
                d.save(str(out))
            doc = load(out)
        tables = extract_tables(doc)
        _CACHE[key] = (doc, tables, cross_check(extract_claims(doc), tables, doc))
    return _CACHE[key]


def _about(checks: list, quote: str) -> list:
    return [c for c in checks if c.claim and quote in " ".join(c.claim.split())]


# -- number forms ------------------------------------------------------------------------

# (printed cell, its value in units)
COUNTS = [("81.1M", 81.1e6), ("28.9M (35.6%)", 28.9e6), ("27.6M (34.1%)", 27.6e6), ("42k (0.1%)", 42e3)]


@pytest.mark.parametrize("raw,value", COUNTS, ids=[r for r, _v in COUNTS])
def test_counts_with_magnitude_are_values(raw, value, tmp_path_factory):
    _doc, tables, _checks = _run("s2orc-p5", tmp_path_factory)
    t = next(t for t in tables if t.label == "3")
    # the ruled-off first row "Total papers | 81.1M" is a body row, not the header
    assert "Total papers" in [r[0] for r in t.rows], t.header
    cells = {c.raw: c for c in table_cells(t)}
    assert raw in cells, sorted(cells)
    assert cells[raw].value == pytest.approx(value)


# (sentence quote, the printed cells the consistent check cites)
PLACED = [
    ("27.6M of the 28.9M PDFs", ["27.6M (34.1%)", "28.9M (35.6%)"]),
    # "(§2.4)" is a section, not a value read against the table
    ("We identify 8.1M of the 28.9M PDFs as open access", ["28.9M (35.6%)"]),
]


@pytest.mark.parametrize("quote,cells", PLACED, ids=[q[:24] for q, _c in PLACED])
def test_counts_read_against_the_table_the_paragraph_cites_later(quote, cells, tmp_path_factory):
    _doc, _tables, checks = _run("s2orc-p5", tmp_path_factory)
    mine = [c for c in _about(checks, quote) if c.kind == "number"]
    assert mine, quote
    assert {c.status for c in mine} == {"consistent"}, [c.message for c in mine]
    for raw in cells:
        assert any(raw in c.message for c in mine), [c.message for c in mine]
    assert not any("2.4" in c.message for c in mine)


# -- differences between two rows ---------------------------------------------------------

# (quote, the stated number, the row, the column; None: no difference check)
DIFFS = [
    ("a more pronounced performance drop (1.7%)", "1.7%", "Non-uniform weighting", "AUC-ROC"),
    # the clause names no column; "fairness" later in the sentence is another clause's
    ("further increases performance by about 1.1%", "1.1%", "Loss function", "AUC-ROC"),
    # a deviation from 0.5, in no row of the table: no difference of two rows says it
    ("nearly eliminates the bias (deviation of only 0.6%", None, None, None),
]


@pytest.mark.parametrize("quote,said,row,column", DIFFS, ids=[q[:30] for q, *_r in DIFFS])
def test_stated_differences_of_two_rows(quote, said, row, column, tmp_path_factory):
    _doc, _tables, checks = _run("dean-supp", tmp_path_factory)
    mine = [c for c in _about(checks, quote) if " is the difference" in c.message or " is the ratio" in c.message or " is the relative" in c.message]
    assert not any(c.status == "mismatch" for c in _about(checks, quote))
    if said is None:
        assert not mine, [c.message for c in mine]
        return
    assert mine, [c.message for c in _about(checks, quote)]
    c = mine[0]
    assert c.status == "consistent"
    assert f"{said} is the difference" in c.message and row in c.message and "Baseline" in c.message
    assert f"in {column} of Table 21" in c.message, c.message


# -- rivals -------------------------------------------------------------------------------

# (quote, status, a compared cell the message must show or "" , text the message must not hold)
RIVALS = [
    # a group opens the sentence; the two rows after "over" are the comparison (Table 4: 8.97 > 8.66, 8.61)
    ("demonstrates superior performance over Mistral 8x22B Instruct and Qwen1.5 72B Chat on both benchmarks",
     "consistent", "", "check these by hand"),
    # the rival opens the sentence; NaturalQuestions and IFEval are excepted, the majority of the rest holds
    ("exhibits better performance on most benchmarks, except for NaturalQuestions and IFEval",
     "consistent", "Mixtral 8x22B Inst.", "NaturalQuestions"),
]


@pytest.mark.parametrize("quote,status,shown,absent", RIVALS, ids=[q[:30] for q, *_r in RIVALS])
def test_named_rivals(quote, status, shown, absent, tmp_path_factory):
    _doc, _tables, checks = _run("dsv2-p18", tmp_path_factory)
    mine = [c for c in _about(checks, quote) if c.kind == "superiority"]
    assert mine, quote
    assert {c.status for c in mine} == {status}, [c.message for c in mine]
    if shown:
        assert any(shown in c.message for c in mine), [c.message for c in mine]
    assert not any(absent in c.message for c in mine), [c.message for c in mine]


# (pages, quote, the status, text the message must hold; None: no such check)
TURNED = [
    ("dsc-p13", "solves more problems from AIME 2024 than the other models", "consistent", "Table 9"),
    ("moe-p20", "DeepSeekMoE Chat 16B still falls behind DeepSeek Chat 7B", "consistent", "ahead in 3 of 3"),
    # models with uniform constraints "consistently outperformed by models with Brown cluster constraints":
    # Table 3 prints "Brown" on seven rows of settings; which ones the sentence means is not said
    ("hmm-note", "consistently outperformed by models with Brown cluster constraints", None, ""),
]


@pytest.mark.parametrize("key,quote,status,shown", TURNED, ids=[q[:30] for _k, q, *_r in TURNED])
def test_class_rivals_and_comparisons_from_the_losing_side(key, quote, status, shown, tmp_path_factory):
    _doc, _tables, checks = _run(key, tmp_path_factory)
    mine = [c for c in _about(checks, quote) if c.kind == "superiority"]
    assert not any(c.status == "mismatch" for c in _about(checks, quote))
    if status is None:
        assert not any(" is behind " in c.message for c in mine), [c.message for c in mine]
        return
    assert mine, quote
    assert status in {c.status for c in mine}, [c.message for c in mine]
    assert any(shown in c.message for c in mine if c.status == status), [c.message for c in mine]


# (printed cell of the supplement's "# of params" column, its value)
PARAMS = [("14.28K", 14280.0), ("8464K", 8464e3), ("56.72K", 56720.0)]


@pytest.mark.parametrize("raw,value", PARAMS, ids=[r for r, _v in PARAMS])
def test_parameter_counts_are_confident_lower_is_better_values(raw, value, tmp_path_factory):
    _doc, tables, checks = _run("stockmixer", tmp_path_factory)
    t = next(t for t in tables if t.doc == 1 and any("params" in c for c in t.columns))
    cells = {c.raw: c for c in table_cells(t)}
    assert cells[raw].value == pytest.approx(value)
    # a count printed with its magnitude is a value as printed, not text where a number was expected
    assert cells[raw].confident, cells[raw].why
    # "has high training efficiency and outperforms all the comparison methods": fewer parameters
    # win, and LSTM has fewer (14.28K against StockMixer's 45.08K); Table 2 disagrees too
    mine = [c for c in _about(checks, "outperforms all the comparison methods") if c.kind == "superiority"]
    assert {c.status for c in mine} == {"mismatch"}, [c.message for c in mine]
    assert any("# of params: LSTM 14280 > 45080" in c.message for c in mine), [c.message for c in mine]
