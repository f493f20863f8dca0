"""Evidence that is no statement of the paper's own about its topic (#13): another's work reported,
the paper's headline result, a line of maths, an axis's labels, a table's header. The traits that
name these kinds (feature group ``stmt`` of the relevance judgement, :func:`statement_kind_words`)
on real labelled sentences of training papers, and the cuts the training ships (medians over draws
of paper folds, so that one unlucky draw does not let doubtful sentences decide a status).
"""

from __future__ import annotations

import pytest

from jupyter_review.nlp import relevance as rel
from tests.conftest import ROOT

REL = ROOT / "tests" / "data" / "relevance"


def _row(paper: str, start: str, topic: str | None = None) -> dict:
    # the labels the judgement trains on, and the session-18 shown quotes kept apart from training
    rows = [r for r in rel.read_labels(REL / "labels", [paper]) + rel.read_labels(REL / "shown_s18", [paper])
            if r["text"].startswith(start) and (topic is None or r["topic"] == topic)]
    assert rows, (paper, start)
    return rows[0]


def _traits(r: dict) -> set[str]:
    return {w[3:] for w in rel.statement_kind_words(r["topic"], r["text"], r.get("section_kind", ""))
            if w.startswith("sk~")}


@pytest.mark.parametrize("paper,start,expected,absent", [
    # others' work: a corpus collected by cited authors, a gap "noted elsewhere [8, 38]", a
    # baseline model "initialized from mDPR (Zhang et al.)" - cited, no first person
    ("bleu-simplification", "This corpus enriches the set of references", {"citenoown", "repnoown"}, {"own"}),
    ("mmpl-kdd", "However, as noted elsewhere", {"citenoown"}, {"own"}),
    ("messirve", "This is a bi-encoder initalized", {"citenoown"}, {"own"}),
    # the paper's headline result: a comparison with a percentage, in the first person
    ("stockmixer-main", "Through extensive experiments, we show that StockMixer", {"compare", "comparepct", "compareown"},
     {"noown"}),
    # a comparison of results without "we"
    ("kmodes-init", "An immediate comparison to the previous tables", {"comparenoown"}, {"own"}),
    # a line of maths with its equation number; a definition of a loss in symbols
    ("isometry-pursuit", "\u2225\u03b2p.\u22252. (20)", {"maths", "eqno", "noverb"}, {"own"}),
    ("nlpcc-lncs", "L(y, \u02c6y)", {"maths", "vars"}, {"own"}),
    # a table's column header: no verb, no full stop
    ("pmc7071725", "No. (%, 95", {"noverb"}, {"compare"}),
    # a contributions list item is the paper's own though it says no "we"
    ("messirve", "4. Making the dataset", {"own", "item"}, {"noown"}),
    # the paper's own plain statement: none of the kinds
    ("cikm-ilham", "To develop training data, we collected question-answer pairs", {"own"},
     {"cite", "compare", "maths", "noverb", "eqno", "refentry"}),
])
def test_kinds_of_statement_on_real_labelled_sentences(paper, start, expected, absent):
    r = _row(paper, start)
    t = _traits(r)
    assert expected <= t, (expected - t, sorted(t))
    assert not (absent & t), sorted(absent & t)


@pytest.mark.parametrize("paper,start", [
    # an axis's tick labels and title run into one line
    ("deepseek-moe", "2 3 4 5 6 7 Number of Activated Parameters"),
    ("moba", "1M 4M 7M 10M Sequence Length"),
])
def test_axis_labels_are_a_run_of_bare_numbers(paper, start):
    assert "numrun" in _traits(_row(paper, start))


def test_the_traits_are_crossed_only_as_configured_and_reach_the_model_input_when_chosen(monkeypatch):
    r = _row("stockmixer-main", "Through extensive experiments, we show that StockMixer")
    plain = rel.statement_kind_words(r["topic"], r["text"])
    assert all(w.startswith("sk~") for w in plain)  # STMT_CROSS is empty: no family or topic copies
    monkeypatch.setattr(rel, "STMT_CROSS", frozenset({"fam"}))
    fam = r["topic"].split(".")[0]
    assert f"sk{fam}~compare" in rel.statement_kind_words(r["topic"], r["text"])
    # not in the shipped design (measured no gain out of fold): the model input has none of them
    assert "stmt" not in rel.FEATURES
    assert not any(isinstance(w, str) and w.startswith("sk~") for w in rel._row_words(r))
    monkeypatch.setattr(rel, "FEATURES", rel.FEATURES | {"stmt"})
    assert "sk~compare" in rel._row_words(r)
