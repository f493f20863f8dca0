"""Raised digits set small after a number keep the number's value, and notes at the page foot end
their own block (issues 13/14/15).

The text layer glues a raised run to what it follows: "|Z| = 2" + raised "15" reads "|Z| = 215", a
value 107 times too small.  Ingest reads the raised run by geometry (a smaller size, its bottom
above the line's baseline) and by what it follows: after an integer standing alone or a maths
group it is an exponent, written "2^15" / "10^-4" / "||W||^2" (the table reader and the number
readers take the power, or skip both numbers); after other text ending in a digit (a name
"CIFAR10", a number that names a thing "Rule Set 3", a citation number "is 19" + "58", the page's
note number) it is a marker written in superscript digits; after a word or punctuation the
footnote machinery reads it as before.  A note in small type at the foot of a column, set apart
from the running text above by the room of a footnote rule, is a footnote even without a mark,
so the running text flows past it instead of into it ("Code available at github.com/... large
LSTMs ...")."""

from __future__ import annotations

import pymupdf
import pytest

from jupyter_review.extract.crosscheck import _prose_numbers
from jupyter_review.extract.tables import parse_number
from jupyter_review.ingest import load_document
from jupyter_review.nlp.quantities import find_quantities
from tests.conftest import corpus_pdf, need_corpus


def _pdf(name: str):
    """A corpus paper, or a texbench one (ML papers compiled from public LaTeX)."""
    tex = need_corpus(name).parent / "texbench" / "pdfs" / f"{name}.pdf"
    return tex if tex.is_file() else corpus_pdf(f"{name}.pdf")


def _raised_page(path, before: str, raised: str, after: str, *, note: str = "") -> None:
    """One line of 10 pt text with a 6.5 pt run raised 4 pt after ``before``."""
    doc = pymupdf.open()
    page = doc.new_page()
    page.insert_text((72, 72), "A Study of Raised Numbers", fontsize=14)
    x = 72 + pymupdf.get_text_length(before, fontsize=10)
    page.insert_text((72, 110), before, fontsize=10)
    page.insert_text((x, 106), raised, fontsize=6.5)
    x2 = x + pymupdf.get_text_length(raised, fontsize=6.5)
    page.insert_text((x2, 110), after, fontsize=10)
    page.insert_text((72, 126), "The rest of the paragraph explains the setting in plain words.", fontsize=10)
    if note:
        page.insert_text((72, 700), note, fontsize=5)
        page.insert_text((72 + pymupdf.get_text_length(note, fontsize=5), 703), " A note at the foot of the page.",
                         fontsize=8)
    doc.save(path)
    doc.close()


def _line(path, word: str) -> str:
    d = load_document(path)
    return next(ln.text for p in d.pages for b in p.blocks for ln in b.lines if word in ln.text)


@pytest.mark.parametrize(
    ("before", "raised", "after", "note", "printed"),
    [
        # exponents: after an integer standing alone, a power of 2 or 10, a signed one, one digit
        ("The model has |Z| = 2", "15", " total states in all.", "", "|Z| = 2^15 total states"),
        ("We use a learning rate of 10", "-4", " for all runs.", "", "rate of 10^-4 for all runs"),
        ("The cells were counted as 2 x 10", "5", " per well.", "", "2 x 10^5 per well"),
        ("The cost of the step is O(256", "2", "T) in the end.", "", "O(256^2T)"),
        ("The penalty on ||W||", "2", " is added to the loss.", "", "||W||^2 is added"),
        # markers after a digit: the page's note number, a name, a number that names a thing,
        # a citation number no exponent would be
        ("We label 512", "3", " examples by hand.", "3", "512\u00b3 examples"),
        ("We train on CIFAR10", "9", " as in the paper.", "", "CIFAR10\u2079 as in"),
        ("We implemented Rule Set 3", "75", " as described.", "", "Rule Set 3\u2077\u2075 as"),
        ("The length used in the original work is 19", "58", ".", "", "is 19\u2075\u2078."),
        # after a word or punctuation: left to the footnote machinery as it was
        ("We release the code of this research.", "1", " It runs on a laptop.", "1", "research.1 It"),
        ("We use a finite-state machine (FSM)", "2", " for decoding.", "2", "(FSM)2 for"),
    ],
    ids=["power-of-two", "signed", "times-ten", "one-digit", "norm", "page-note", "name", "named-number",
         "citation", "after-punctuation", "after-words-in-brackets"],
)
def test_raised_digits_after_a_number(tmp_path, before, raised, after, note, printed) -> None:
    path = tmp_path / "raised.pdf"
    _raised_page(path, before, raised, after, note=note)
    line = _line(path, before.split()[1])
    assert printed in line, line


def test_a_digit_at_the_line_s_own_size_and_height_is_left_alone(tmp_path) -> None:
    doc = pymupdf.open()
    page = doc.new_page()
    page.insert_text((72, 110), "The model has |Z| = 2", fontsize=10)
    page.insert_text((72 + pymupdf.get_text_length("The model has |Z| = 2", fontsize=10), 110), "15 states.", fontsize=10)
    doc.save(tmp_path / "flat.pdf")
    doc.close()
    assert "|Z| = 215 states." in _line(tmp_path / "flat.pdf", "model")


def test_the_number_readers_take_the_power_or_leave_both_numbers() -> None:
    assert parse_number("2^15") == 32768.0
    assert parse_number("10^-4") == pytest.approx(1e-4)
    assert parse_number("2\u00b9\u2075") == 2.0  # a marker written raised stays a marker
    vals = [v for _s, _e, v, _d, _m in _prose_numbers("Our model has |Z| = 2^15 total states and M = 128 groups; "
                                                      "the rate is 10^-4 or 10^\u22125 and accuracy is 61.2%.")]
    assert 2.0 not in vals and 15.0 not in vals and 10.0 not in vals and 4.0 not in vals and 5.0 not in vals
    assert 61.2 in vals
    got = [q.value for q in find_quantities("Training takes 2^15 steps and reaches 61.2% accuracy.")]
    assert 2.0 not in got and 15.0 not in got and 61.2 in got


HMM = "hmm-note"


@pytest.fixture(scope="module")
def hmm():
    return load_document(_pdf(HMM))


@pytest.mark.parametrize(
    "quote",
    [
        "our model has |Z| = 2^15 total states",
        "as we grow to 2^16 states",
        "the LSTM 23s, and the VLHMM 2^15 433s.",
        "With a VL-HMM that has |Z| = 2^14 states",
        "However, with fewer states |Z| = 2^10 we are able",
        "computational complexity: O(256^2T).",
        "grows as O(|Z|^2) due to the transition matrix.",
    ],
)
def test_hmm_note_exponents_in_sentences(hmm, quote) -> None:
    assert any(quote in s.text for s in hmm.sentences), quote


def test_hmm_note_exponents_in_tables_and_markers_after_words(hmm) -> None:
    # the table reader keeps the raised run apart from its base, as it reads raised runs
    cells = [c.text for t in hmm.raw_tables for r in t.rows for c in r]
    assert "VL-HMM (2\u00b9\u2074)" in cells and "VL-HMM (214)" not in cells
    assert parse_number("2^14") == 16384.0
    # the footnote markers after a word or a full stop are still read as the machinery reads them
    assert any("with M = 128 groups.5 The state" in s.text for s in hmm.sentences)


def test_hmm_note_code_footnote_ends_its_own_block(hmm) -> None:
    """The unmarked note under a short rule at the foot of the first column is a footnote: it is a
    sentence of its own, and the running text goes on in the next column."""
    texts = [s.text for s in hmm.sentences]
    assert "Code available at github.com/harvardnlp/hmm-lm" in texts
    assert not any("hmm-lm large LSTMs" in t for t in texts)
    assert any(t.startswith("large LSTMs (Zaremba et al., 2014) show marked improvements") for t in texts)


@pytest.mark.parametrize(
    ("paper", "note", "running"),
    [
        # an affiliation note at the foot of a one-column first page
        ("kmodes-init", "School of Mathematics, Senghennydd Rd, Cardiff, WALES CF24 4AG",
         "In addition to the method presented by Huang, the literature revealed that the next most commonly cited"),
        # an ACM copyright block at the foot of the first column
        ("cikm-ilham", "ACM ISBN 978-x-xxxx-xxxx-x/YY/MM. https://doi.org/10.1145/nnnnnnn.nnnnnnn",
         "and often prone to grammatical and typographical glitches"),
        # a note opening with a mathematical asterisk (U+2217), continued on its second line
        ("scaling-ptp", "Corresponding authors: {fdraxler,jcwill,mandt}@uci.edu",
         "generate samples of many continuous dimensions in parallel"),
    ],
    ids=["affiliation", "acm-copyright", "asterisk-note"],
)
def test_foot_notes_do_not_run_into_the_next_column_or_page(paper, note, running) -> None:
    d = load_document(_pdf(paper))
    holding = [s.text for s in d.sentences if note in s.text]
    assert holding, note
    assert all(running not in t for t in holding)
    assert any(running in s.text and note not in s.text for s in d.sentences)


def _two_columns(path, *, mark: str, gap: float) -> None:
    """A two-column page whose first column ends mid-sentence over a small note at its foot."""
    doc = pymupdf.open()
    page = doc.new_page(width=612, height=792)
    y = 72.0
    for _ in range(44):
        page.insert_text((72, y), "The first column of running text goes on.", fontsize=10)
        y += 13
    for t in ("We find that the size of the model", "is critical for accuracy, as the"):
        page.insert_text((72, y), t, fontsize=10)
        y += 13
    page.insert_text((80, y - 13 + gap), f"{mark}Code available at github.com/acme/docreader", fontsize=7.5)
    y = 72.0
    for t in ("large models of text show marked gains in", "quality over small ones on three datasets."):
        page.insert_text((320, y), t, fontsize=10)
        y += 13
    for _ in range(44):
        page.insert_text((320, y), "The second column of running text goes on.", fontsize=10)
        y += 13
    doc.save(path)
    doc.close()


@pytest.mark.parametrize(("mark", "gap"), [("", 20.0), ("\u2217", 20.0), ("1", 20.0)],
                         ids=["unmarked", "asterisk", "numbered"])
def test_a_note_at_the_column_foot_never_joins_the_next_column(tmp_path, mark, gap) -> None:
    path = tmp_path / "cols.pdf"
    _two_columns(path, mark=mark, gap=gap)
    d = load_document(path)
    texts = [s.text for s in d.sentences]
    assert not any("docreader large models" in t for t in texts), texts
    assert any("is critical for accuracy, as the large models of text show" in t for t in texts), texts
    assert any(t.endswith("Code available at github.com/acme/docreader") for t in texts), texts
