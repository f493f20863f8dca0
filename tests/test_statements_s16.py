"""Whose statement (#13 item 5, session 16): the traits the statement judgement reads for the two
kinds it used to keep, on real extracted statements of the training papers (each case is a row of
tests/data/statement_labels, i.e. a real extractor output with its section and neighbours).

* "data statements" about no data at all: the sentence's counted quantities measure a length, a
  batch, a budget or a speed (``sizeother``), or it names a training, decoding or hardware setting
  (``setting``), where a statement about the paper's data counts examples, documents or tokens of
  it (``sizedata``);
* background: a general statement in the present tense or with a modal, without "we"/"our", a
  citation or a link (``generic``).

The last tests measure, on every labelled training row, that each trait separates its kind from
the paper's own statements, and that the shipped judgement sets most of the kind apart out of fold.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from jupyter_review.nlp import statement_judge as sj
from jupyter_review.nlp.relevance import read_split
from tests.conftest import ROOT

LABELS = ROOT / "tests" / "data" / "statement_labels"
SPLIT = ROOT / "tests" / "data" / "relevance" / "split.tsv"


def _train_rows() -> list[dict]:
    split = read_split(SPLIT)
    return [r for r in sj.read_labels(LABELS) if split.get(r["paper"]) == "train"]


def _row(paper: str, start: str) -> dict:
    split = read_split(SPLIT)
    assert split[paper] == "train"  # cases come from training papers only
    rows = [r for r in sj.read_labels(LABELS, [paper]) if r["text"].startswith(start)]
    assert rows, (paper, start)
    return rows[0]


def _marks(r: dict) -> set[str]:
    return {w[2:] for w in sj.row_words(r) if w.startswith("zz")}


# (paper, start of the statement, its label's kind): quantities that measure no data
NOT_DATA = [
    ("kimi-linear", "The learning rate is set to 1.1", "batch size"),
    ("deepseek-moe", "The batch size is set to 4.5K", "batch and sequence length"),
    ("moba", "In particular, it achieves a speedup ratio", "speed at a length"),
    ("moba", "We also explore the length scalability", "context length"),
    ("qwen3", "For both the thinking and non-thinking modes, we set the max output length", "output budget"),
    ("deepseek-v3.2-exp", "In this sparse training stage, we use a learning rate", "learning rate"),
    ("deepseek-coder-v2", "To accommodate longer code inputs", "context length"),
]
# the paper's own data, counted
OWN_DATA = [
    ("deepseek-moe", "For the purpose of validation experiments, we sample a subset containing 100B tokens", "training subset"),
    ("multi-lexsum", "There are a total of 4,539 instances", "dataset size"),
    ("deepseek-coder-v2", "In total, DeepSeek-Coder-V2 has been exposed to 10.2T training tokens", "training tokens"),
    ("irace-automl", "It contains 46 possible labels", "a dataset used"),
]
# general statements: background
BACKGROUND = [
    ("nlpcc-lncs", "Sentence classification task plays a crucial role"),
    ("stockmixer-main", "As the stock market is highly volatile"),
    ("messirve", "While a wealth of resources are available for English"),
    ("nlpcc-lncs", "Although the vector representations from these models capture"),
    ("lowshot-iccv2017", "In contrast, human beings have strong ability"),
    ("stockmixer-main", "Nevertheless, a hybrid neural architecture increases"),
]
# the paper's own statements, said as such
OWN_SAID = [
    ("moba", "We introduce Mixture of Block Attention (MoBA), an innovative approach"),
    ("nlpcc-lncs", "Our experimental results demonstrate that our proposed W2CL"),
    ("stockmixer-main", "In this paper, we proposed StockMixer"),
]


@pytest.mark.parametrize("paper,start,what", NOT_DATA)
def test_quantities_and_settings_that_measure_no_data(paper, start, what):
    r = _row(paper, start)
    assert r["label"] == "other" and r.get("failure") == "not_data", r["reason"]
    m = _marks(r)
    assert "sizedata" not in m, (what, r["text"])
    assert {"sizeother", "setting"} & m, (what, r["text"])


@pytest.mark.parametrize("paper,start,what", OWN_DATA)
def test_counted_data_of_the_paper_is_a_data_size(paper, start, what):
    r = _row(paper, start)
    assert r["label"] == "own", r["reason"]
    m = _marks(r)
    assert "sizedata" in m and "sizeother" not in m, (what, r["text"])
    assert "setting" not in m, (what, r["text"])


@pytest.mark.parametrize("paper,start", BACKGROUND)
def test_general_statements_read_as_generic(paper, start):
    r = _row(paper, start)
    assert r["label"] == "other" and r.get("failure") == "background", r["reason"]
    assert "generic" in _marks(r), r["text"]


@pytest.mark.parametrize("paper,start", OWN_SAID)
def test_the_papers_own_statements_are_not_generic(paper, start):
    r = _row(paper, start)
    assert r["label"] == "own", r["reason"]
    m = _marks(r)
    assert "generic" not in m and "own" in m, r["text"]


@pytest.mark.parametrize("kind,failure,traits", [
    ("data", "not_data", {"sizeother", "setting"}),
    ("claim", "background", {"generic"}),
    ("data", "background", {"generic"}),
])
def test_each_trait_separates_its_kind_from_own_statements(kind, failure, traits):
    """Over every labelled training row: the trait is at least twice as common among the failures
    of the kind as among the paper's own statements of that kind."""
    rows = [r for r in _train_rows() if r["kind"] == kind]
    fail = [r for r in rows if r["label"] == "other" and r.get("failure") == failure]
    own = [r for r in rows if r["label"] == "own"]
    assert len(fail) >= 15 and len(own) >= 200

    def share(rs):
        return sum(1 for r in rs if traits & _marks(r)) / len(rs)

    assert share(fail) >= 2 * share(own), (share(fail), share(own))


def test_the_next_sentence_is_read_as_context():
    r = _row("moba", "The former technique has been predominantly applied")  # background, before "Our method ..."
    with_next = sj.row_words(r)
    without = sj.statement_words(r["kind"], r["text"], r["section_kind"], r["role"], r["prev"], r["location"], r["tags"])
    # the next sentence ("Our method is innovative ...") speaks of the authors' own work
    assert "zznextown" in with_next and "zznextown" not in without


@pytest.fixture(scope="module")
def out_of_fold() -> list[tuple[dict, float]]:
    return sj.cross_validate(_train_rows())


@pytest.mark.parametrize("kind,failure", [("data", "not_data"), ("claim", "background"), ("claim", "other_work")])
def test_each_kind_is_set_apart_far_more_often_than_own_statements(out_of_fold, kind, failure):
    """Out of fold on the training papers, at the cut that keeps 90% of own statements (so about
    10% of them are set apart), at least 40% of the kind is set apart, four times the own rate
    (before session 16, with three seeds on the rows labelled then: no data 0.41, claims'
    background 0.62; after: 0.49 and 0.74)."""
    scored = [(r, p) for r, p in out_of_fold if r["kind"] == kind]
    cut = sj.choose_cut(scored, 0.90)  # the separation at a fixed share kept (the shipped cut keeps 0.93 since session 17)
    cases = [p for r, p in scored if r["label"] == "other" and r.get("failure") == failure]
    own = [p for r, p in scored if r["label"] == "own"]
    assert len(cases) >= 15
    apart = sum(1 for p in cases if p < cut) / len(cases)
    own_apart = sum(1 for p in own if p < cut) / len(own)
    assert apart >= 0.4 and apart >= 4 * own_apart, (apart, own_apart)
    assert Path(sj.MODEL_DIR).is_dir()


# session 17: the paper's own findings said in the present tense without "we" (a result or
# comparison cue of the claim extractor) were read as general background and cost most of the own
# claims set apart out of fold; they are now a trait of their own (``presentresult``)
OWN_RESULTS = [
    ("irace-automl", "For FMNIST and SVHN, it is the pipelines that achieve higher mean"),
    ("moba", "The above discussion shows that MoBA has stronger expressive power"),
    ("sd2-acl", "Empirically, DPGrammar attains the highest validity"),
    ("qwen3", "It is noteworthy that Qwen3-30B-A3B achieves comparable performance"),
]


@pytest.mark.parametrize("paper,start", OWN_RESULTS)
def test_own_results_in_the_present_tense_are_not_background(paper, start):
    r = _row(paper, start)
    assert r["label"] == "own" and r["kind"] == "claim", r["reason"]
    m = _marks(r)
    assert "presentresult" in m and "generic" not in m, r["text"]


def test_present_tense_results_are_mostly_own_claims():
    """Over every labelled training claim: most claims with the trait are the paper's own, while
    most claims read as generic are not (the trait takes the own findings out of 'generic')."""
    rows = [r for r in _train_rows() if r["kind"] == "claim"]
    res = [r for r in rows if "presentresult" in _marks(r)]
    gen = [r for r in rows if "generic" in _marks(r)]
    assert len(res) >= 15 and len(gen) >= 15
    own_res = sum(r["label"] == "own" for r in res) / len(res)
    own_gen = sum(r["label"] == "own" for r in gen) / len(gen)
    assert own_res >= 0.6 and own_res >= own_gen + 0.2, (own_res, own_gen)
