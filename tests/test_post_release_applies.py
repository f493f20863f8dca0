"""Post-release evaluation applies to a model the paper releases (weights, an API, a service) or to
a system said to be in production use; a research method on fixed benchmarks, a toolkit deployed as
a software package or a dataset has no 'after release' to evaluate (the gold rule of
tests/data/gold/topics/README.md).  Decided by the profile's `releases_model` trait, with the
paper's own words of a deployment as the exception."""

from __future__ import annotations

import pytest

from tests.conftest import analysed, corpus_pdf, need_corpus, text_page


def texbench_pdf(name: str):
    return need_corpus("texbench").parent / "texbench" / "pdfs" / name


@pytest.mark.parametrize(
    ("paper", "texbench", "applies"),
    [
        ("dean-main.pdf", False, False),  # an anomaly detector on benchmark sets
        ("crisprverse-main.pdf", False, False),  # 'deployed through the Bioconductor project': a package
        ("paraphrase-aaai2022.pdf", False, False),  # a paraphrase method evaluated on fixed sets
        ("messirve.pdf", True, False),  # a retrieval dataset with baseline models
        ("scaling-ptp.pdf", True, False),  # 'a practical deployment scenario' is a benchmark choice
        ("moba.pdf", False, True),  # 'has already been deployed to support Kimi's long-context requests'
        ("papermage.pdf", False, True),  # 'Semantic Scholar's large-scale production system'
        ("deepseek-v2.pdf", False, True),  # released weights
    ],
)
def test_post_release_applies_to_released_or_deployed_models(paper: str, texbench: bool, applies: bool) -> None:
    res = analysed(texbench_pdf(paper) if texbench else corpus_pdf(paper)).topics["eval.post_release"]
    assert (res.status != "not_applicable") == applies, (res.status, res.reason)


@pytest.mark.parametrize(
    ("line", "applies"),
    [
        ("The ranking model has been deployed in production at our company since March.", True),
        ("Our system is deployed as a service that answers 2 million queries a day.", True),
        ("The package is deployed through the Python Package Index for others to install.", False),
        ("Such detectors could be deployed in many settings in the future.", False),
    ],
)
def test_a_deployment_in_the_papers_words(tmp_path, line: str, applies: bool) -> None:
    import jupyter_review

    body = [
        "We train a neural ranking model on click logs and evaluate it on held-out queries.",
        line,
        "The model is trained for 10 epochs and reaches an accuracy of 91% on the test set.",
        "We compare against three baselines and report results in Table 1.",
        "The neural network is a deep learning model with a transformer encoder.",
        "Machine learning models of this kind are trained with gradient descent.",
        "The machine learning model outperforms the baselines on every benchmark.",
    ]
    pdf = text_page(tmp_path / "p.pdf", "Learning to Rank", body)
    res = jupyter_review.analyze(str(pdf)).topics["eval.post_release"]
    assert (res.status != "not_applicable") == applies, (res.status, res.reason)
