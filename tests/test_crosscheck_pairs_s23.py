"""Claim numbers whose mutants the checker used to let pass (#14, session 23).

Real pages, mutated with PyMuPDF as in ``test_crosscheck_mutation``: each case shows the page as
printed borne out, then numbers changed in the PDF: a wrong number must come out a ``mismatch``
naming the new number, and a number the table bears out another way must not. The kinds:

- a tie ("92% vs 92% accuracy"): the pair keeps its metric words, and its first number is read
  against the row the sentence's other pairs put first;
- two numbers sharing a unit word ("84.6 secs vs 115.6 secs per unit"), one printed in one cell
  of a column labelled with that unit, the other in no cell of the table;
- a change said of one row with its columns unnamed ("std-dev 18.5 to 6.8 on SQuALITY") against
  the row's two cells, in order;
- a list of items, each naming a row with its number and the shared unit in a bracket
  ("Likert-scale (24 papers), A/B testing (13 papers), ...") against the column of that unit
  where the list's other items are their rows' cells.

And the number reader itself: a bracketed decimal ("a FF baseline (159.9)") is a value, an
enumeration mark is an integer ("(1) no highlighted hints; (2) ...").
"""

from __future__ import annotations

import pymupdf
import pytest

from jupyter_review.extract.crosscheck import _prose_numbers
from jupyter_review.pipeline import load
from tests.test_crosscheck_mutation import _source, _verdict, mutate_pdf

# (kind, paper, pages kept, page of the sentence, words around the number, the number, a quote of
# the claim, mutants: (new text, expected verdict))
CASES = [
    # "(93% vs 92% accuracy, 0.71 vs 0.64 Fleiss κ) ... (41.4 vs 48.2 seconds per unit)": the other pairs
    # put None first, and None's accuracy is 93%
    ("tie pair", "longeval-eacl2023.pdf", [7, 8], 8, "(93% vs 92%", "93%", "than the SuperPAL hint settings",
     [("92%", "mismatch"), ("89%", "mismatch")]),
    # the same sentence, the second number changed to tie the first: whichever is whose, one of the two
    # is SuperPAL's, whose cell is 92%
    ("tie pair", "longeval-eacl2023.pdf", [7, 8], 8, "vs 92% accuracy", "92%", "than the SuperPAL hint settings",
     [("93%", "mismatch")]),
    # "hints helped annotate the first few units of a summary quicker (84.6 secs vs 115.6 secs per unit)":
    # 115.6 is None's "Time (secs) / First 5" alone; Gold's 60.4 is another row of the column (borne out)
    ("pair against a column of its unit", "longeval-eacl2023.pdf", [7, 8], 8, "(84.6 secs vs", "84.6",
     "hints helped annotate the first few units",
     [("87.1", "mismatch"), ("115.6", "mismatch"), ("60.4", "consistent")]),
    # "(std-dev 18.5 to 6.8 on SQuALITY)": Table 3's SQuALITY row, COARSE 18.5 and FINE 6.8 (systems are
    # the table's columns); PubMed's COARSE 11.8 is another row's cell; "19" is another precision (no check)
    ("change said of one row", "longeval-eacl2023.pdf", [2, 5], 2, "(std-dev 18.5 to", "18.5", "on SQuALITY",
     [("19.1", "mismatch"), ("11.8", "mismatch"), ("19", "none")]),
    # "Likert-scale (24 papers), A/B testing (13 papers), binary per-sentence labels (4 papers)": 13 and 4
    # are their rows' "# papers" (rows read as "... COARSE-grained"), so 24 is Likert-scale's
    ("list of rows with their counts", "longeval-eacl2023.pdf", [3], 3, "Likert-scale (24 pa", "24", "A/B testing (13 papers)",
     [("29", "mismatch"), ("17", "mismatch")]),
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


# (paper, page, words of the sentence, numbers it states, numbers that are no values)
SENTENCES = [
    # bracketed decimals after the names they are said of
    ("hmm-note", 5, "a FF baseline", {"125.0", "159.9", "284.6"}, set()),
    # an enumeration of the settings: integers in brackets
    ("longeval-eacl2023.pdf", 8, "no highlighted hints", set(), {"1", "2", "3"}),
    # "Likert-scale (24 papers)": a count in a bracket is no mark either (the word after it)
    ("longeval-eacl2023.pdf", 3, "A/B testing (13 papers)", {"24", "13", "4"}, set()),
]


@pytest.mark.parametrize("name,page,words,values,marks", SENTENCES, ids=[s[0] + "-" + s[2] for s in SENTENCES])
def test_prose_numbers_on_real_sentences(name, page, words, values, marks):
    doc = load(_source(name))
    sent = next(s.text for s in doc.sentences if s.page == page and words in " ".join(s.text.split()))
    got = {n[3] for n in _prose_numbers(" ".join(sent.split()))}
    assert values <= got, (sent, got)
    assert not marks & got, (sent, got)


def test_equation_number_and_bracketed_decimal_on_a_generated_page(tmp_path):
    """A page set with PyMuPDF: an equation's number in brackets is no value, a bracketed
    decimal after a system's name is, and an enumeration mark is not."""
    pdf = tmp_path / "page.pdf"
    doc = pymupdf.open()
    page = doc.new_page()
    text = ("We minimise the loss of Eq. (3.2) over the training set. The tuned model reaches 71.4 on the "
            "test set, against a linear baseline (64.7) and (2) a random baseline (12.5).")
    page.insert_textbox(pymupdf.Rect(72, 72, 520, 300), text, fontsize=11, fontname="tiro")
    doc.save(str(pdf))
    read = load(pdf)
    sents = {" ".join(s.text.split()) for s in read.sentences}
    eq = next(s for s in sents if "Eq." in s)
    assert {n[3] for n in _prose_numbers(eq)} == set()
    tuned = next(s for s in sents if "tuned model" in s)
    assert {n[3] for n in _prose_numbers(tuned)} == {"71.4", "64.7", "12.5"}


# generated pages (PyMuPDF): one results table and one sentence each, the same kinds on other words
from tests.test_crosscheck import _table_pdf  # noqa: E402

_LATENCY = (["Method", "Acc.", "Latency (ms)"], [["Plain", "71.2", "58.3"], ["Cached", "70.9", "39.2"], ["Pruned", "68.4", "44.6"]],
            "Table 1: Accuracy and latency of the three variants.")
_ERROR = (["Dataset", "Before", "After"], [["Alpha", "12.4", "8.1"], ["Beta", "10.2", "7.7"], ["Gamma", "15.3", "9.6"]],
          "Table 1: Error before and after calibration on three datasets.")
_SOURCES = (["Source", "# docs", "% docs"], [["News", "42", "35%"], ["Forums", "31", "26%"], ["Wiki", "27", "22%"], ["Other", "19", "17%"]],
            "Table 1: Documents of the corpus by source.")

GENERATED = [
    # a pair sharing its unit, one number a cell of the column labelled with it
    ("pair unit", _LATENCY, "In Table 1, caching lowers the time taken (41.7 ms vs 58.3 ms per query).", "mismatch"),
    ("pair unit", _LATENCY, "In Table 1, caching lowers the time taken (39.2 ms vs 58.3 ms per query).", "consistent"),
    # the unit word labels no column: no reading
    ("pair unit", _LATENCY, "In Table 1, caching lowers the cost (41.7 queries vs 58.3 queries per second).", "none"),
    # the other number is a cell of the table (Plain's accuracy): another quantity may be meant (the
    # co-location reading, agreement only, may place the two in Plain's row; never a mismatch)
    ("pair unit", _LATENCY, "In Table 1, caching lowers the time taken (71.2 ms vs 58.3 ms per query).", "no mismatch"),
    # a change said of one row, its columns unnamed
    ("row change", _ERROR, "Calibration reduces the error from 12.9 to 8.1 on Alpha (Table 1).", "mismatch"),
    ("row change", _ERROR, "Calibration reduces the error from 12.4 to 8.1 on Alpha (Table 1).", "consistent"),
    # a row the table does not have
    ("row change", _ERROR, "Calibration reduces the error from 12.9 to 8.1 on Delta (Table 1).", "none"),
    # a list of rows with their counts
    ("list", _SOURCES, "Table 1 shows the corpus mixes News (42 docs), Forums (36 docs) and Wiki (27 docs) pages.", "mismatch"),
    ("list", _SOURCES, "Table 1 shows the corpus mixes News (42 docs), Forums (31 docs) and Wiki (27 docs) pages.", "consistent"),
    # two of the three rows not borne out: the column is not settled by the list
    ("list", _SOURCES, "Table 1 shows the corpus mixes News (45 docs), Forums (36 docs) and Wiki (27 docs) pages.", "none"),
]


@pytest.mark.parametrize("kind,table,sentence,expected", GENERATED, ids=[f"{g[0]}-{g[3]}-{i}" for i, g in enumerate(GENERATED)])
def test_kind_on_generated_pages(kind, table, sentence, expected, tmp_path):
    header, rows, caption = table
    words = sentence.split()
    # the sentence set over two lines, as prose
    pdf = _table_pdf(tmp_path / "page.pdf", [" ".join(words[:9]), " ".join(words[9:])], header, rows, caption)
    status, mine = _verdict(pdf, " ".join(words[-4:]))
    if expected == "no mismatch":
        assert status != "mismatch", [c.message for c in mine]
    else:
        assert status == expected, [c.message for c in mine]
    if expected == "mismatch":
        assert all(c.status != "mismatch" or any(w in c.message for w in ("41.7", "12.9", "36")) for c in mine)
