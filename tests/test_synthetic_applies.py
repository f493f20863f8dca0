"""Synthetic data applies where generated data can be involved: a paper with a language model (its
own, one it evaluates or one it builds data for), or a paper that speaks of synthetic, simulated,
augmented or model-generated data, or has a named model annotate or write its data.  A model
trained on stock prices, crime counts or a corpus of papers has no generated data to disclose
(the gold rule of tests/data/gold/topics/README.md); saying 'missing' there was a false gap."""

from __future__ import annotations

import pytest

from tests.conftest import analysed, corpus_pdf, need_corpus, text_page


def texbench_pdf(name: str):
    return need_corpus("texbench").parent / "texbench" / "pdfs" / name


@pytest.mark.parametrize(
    ("paper", "texbench"),
    [
        ("mmpl-kdd.pdf", True),  # stock prices and technical indicators
        ("irace-automl.pdf", True),  # AutoML on tabular sets and police crime counts
        ("s2orc-acl2020.pdf", False),  # a corpus of papers, no model generates anything
        ("multi-lexsum.pdf", False),  # expert-written summaries; 'generated text' is the models' output
    ],
)
def test_no_generated_data_can_be_involved(paper: str, texbench: bool) -> None:
    res = analysed(texbench_pdf(paper) if texbench else corpus_pdf(paper)).topics["data.synthetic"]
    assert res.status == "not_applicable", (res.status, res.reason)
    assert "language model" in res.reason


@pytest.mark.parametrize(
    ("paper", "texbench", "status"),
    [
        ("lowshot-iccv2017.pdf", True, {"vague", "disclosed"}),  # 'experiments on synthetic datasets'
        ("messirve.pdf", True, {"disclosed"}),  # GPT-4o and Claude annotate 650 query-document pairs
        ("longeval-eacl2023.pdf", False, {"vague", "disclosed", "missing"}),  # model-generated summaries judged
        ("deepseek-v2.pdf", False, {"vague", "disclosed", "missing"}),  # a language model of its own
    ],
)
def test_generated_data_can_be_involved(paper: str, texbench: bool, status: set[str]) -> None:
    res = analysed(texbench_pdf(paper) if texbench else corpus_pdf(paper)).topics["data.synthetic"]
    assert res.status in status, (res.status, res.reason)


@pytest.mark.parametrize(
    ("line", "applies"),
    [
        ("We used GPT-4 to label the sentiment of 1,200 reviews that we then used for training.", True),
        ("We train on 5,000 synthetic examples produced by our simulator.", True),
        ("We apply data augmentation with random crops to the training images.", True),
        ("We train a gradient boosted model on 12,000 loan records from the bank's database.", False),
    ],
)
def test_the_wording_decides_on_a_paper_without_a_language_model(tmp_path, line: str, applies: bool) -> None:
    import jupyter_review

    body = [
        "We study credit and review classification with tabular and text features.",
        line,
        "The training set holds 80% of the records and the test set the rest.",
        "We trained on the training set for 20 epochs and report accuracy on the test set.",
        "Results show the model is accurate and the training data size matters.",
    ]
    pdf = text_page(tmp_path / "p.pdf", "A Study of Classifiers", body)
    res = jupyter_review.analyze(str(pdf)).topics["data.synthetic"]
    assert (res.status != "not_applicable") == applies, (res.status, res.reason)
