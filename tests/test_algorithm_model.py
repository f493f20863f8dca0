"""An algorithm is the paper's model; weights are asked of a model others could reuse.

tests/data/gold/topics/README.md ("An algorithm is the paper's model"): a fully specified
computational method with no learned network (a convex program, an AutoML search, a test, a
sampler) is what model.architecture / training / hyperparameters ask about.  The profile's
`method` trait reads it from the paper's own words (its algorithm named, its pseudo-code); a
paper with no computational method of its own (a metric meta-evaluation, a human-evaluation
study, a clinical cohort) has none.

model.weights ("n/a for small per-dataset models trained in minutes where the method is the
contribution"): it applies to a model the paper releases, a language model it trains, a large
one, or one whose weights the paper speaks of sharing."""

from __future__ import annotations

import pytest

from tests.conftest import analysed, corpus_pdf, need_corpus, text_page


def texbench_pdf(name: str):
    return need_corpus("texbench").parent / "texbench" / "pdfs" / name


MODEL_TOPICS = ("model.architecture", "model.training", "model.hyperparameters")


@pytest.mark.parametrize(
    ("paper", "texbench", "method"),
    [
        ("isometry-pursuit.pdf", True, True),  # 'Isometry pursuit is a convex algorithm for ...', 'Our algorithm ...'
        ("irace-automl.pdf", True, True),  # 'we propose iSklearn, an irace-powered AutoML system', Algorithm 1
        # algorithms written without machine-learning words: the profile alone makes model.* apply
        ("kmodes-init.pdf", True, True),  # a k-modes initialisation
        ("moead-gecco19.pdf", True, True),  # an evolutionary multi-objective algorithm
        ("bleu-simplification.pdf", True, False),  # BLEU meta-evaluated on others' systems' outputs
        ("longeval-eacl2023.pdf", False, False),  # 'a partial annotation method' runs a study, no algorithm
        ("fimmu-2022-915001.pdf", False, False),  # a clinical cohort
        ("clse-main.pdf", False, False),
    ],
)
def test_the_profile_reads_a_method_of_the_papers_own(paper: str, texbench: bool, method: bool) -> None:
    a = analysed(texbench_pdf(paper) if texbench else corpus_pdf(paper))
    t = a.profile["method"]
    assert t.value == method, t.reason
    if method:  # with the paper's own words as evidence
        assert t.evidence and all(e.page >= 1 for e in t.evidence)
    model_topics = {k: a.topics[k].status for k in MODEL_TOPICS}
    if method or a.profile["model"].value:
        assert "not_applicable" not in {model_topics["model.architecture"], model_topics["model.hyperparameters"]}, model_topics
    else:
        assert set(model_topics.values()) == {"not_applicable"}, model_topics


def test_an_algorithms_pseudo_code_is_its_architecture() -> None:
    """irace-automl: 'The configuration space proposed in this work is modeled as a template, given in
    Algorithm 1.' specifies the method."""
    res = analysed(texbench_pdf("irace-automl.pdf")).topics["model.architecture"]
    assert res.status == "disclosed", (res.status, res.reason)
    assert any("Algorithm 1" in e.text for e in res.evidence), [e.text for e in res.evidence]


@pytest.mark.parametrize(
    ("paper", "texbench", "applies"),
    [
        ("stockmixer-main.pdf", False, False),  # per-dataset stock forecasters, the method is the contribution
        ("dean-main.pdf", False, False),  # per-dataset anomaly-detection ensembles trained in seconds
        ("mmpl-kdd.pdf", True, False),  # per-index models, nothing released
        ("lowshot-iccv2017.pdf", True, False),  # small benchmark models, the regulariser is the contribution
        ("isometry-pursuit.pdf", True, False),  # a convex program: nothing trained
        ("qwen3.pdf", False, True),  # released weights
        ("messirve.pdf", True, True),  # 'Model: hf.co/spanish-ir/multilingual-e5-large-ft-messirve-full'
        ("scaling-ptp.pdf", True, True),  # a 7B language model student trained for 1M steps
    ],
)
def test_weights_are_asked_of_a_reusable_model(paper: str, texbench: bool, applies: bool) -> None:
    res = analysed(texbench_pdf(paper) if texbench else corpus_pdf(paper)).topics["model.weights"]
    assert (res.status != "not_applicable") == applies, (res.status, res.reason)


@pytest.mark.parametrize(
    ("line", "applies"),
    [
        ("Our trained weights are available for download at https://example.org/weights.", True),
        ("The final model has 7B parameters and was trained for 30 GPU-days.", True),
        ("Each model trains in about two minutes on a laptop CPU.", False),
    ],
)
def test_a_small_model_is_asked_for_weights_only_when_it_speaks_of_them(tmp_path, line: str, applies: bool) -> None:
    import jupyter_review

    body = [
        "We train a neural network classifier on each of the benchmark datasets.",
        "Our model is a two-layer MLP trained with Adam for 20 epochs and a learning rate of 0.001.",
        line,
        "We compare our model against three baselines and report results in Table 1.",
        "The neural network is a deep learning model trained with a batch size of 32.",
        "Machine learning models of this kind are trained with gradient descent.",
        "We fit our model with early stopping on the validation set of each dataset.",
    ]
    pdf = text_page(tmp_path / "p.pdf", "A Small Classifier", body)
    a = jupyter_review.analyze(str(pdf))
    assert a.profile["model"].value, a.profile["model"].reason
    res = a.topics["model.weights"]
    assert (res.status != "not_applicable") == applies, (res.status, res.reason)


@pytest.mark.parametrize(
    ("paper", "texbench", "applies"),
    [
        ("scaling-ptp.pdf", True, False),  # a decoding method with a trained draft model; only code is promised
        ("sd2-acl.pdf", True, False),  # constrained decoding on a public backbone; research code
        ("bleu-simplification.pdf", True, True),  # releases a hand-written corpus
        ("papermage.pdf", False, True),  # releases a toolkit
    ],
)
def test_accountability_is_asked_of_what_is_released_for_others(paper: str, texbench: bool, applies: bool) -> None:
    topics = analysed(texbench_pdf(paper) if texbench else corpus_pdf(paper)).topics
    for t in ("accountability.responsibility", "accountability.intended_use", "accountability.feedback"):
        assert (topics[t].status != "not_applicable") == applies, (t, topics[t].status, topics[t].reason)


@pytest.mark.parametrize(
    ("paper", "texbench", "quote"),
    [
        ("sd2-acl.pdf", True, "No additional manual annotation is performed"),
        ("dolma-v0.1.pdf", False, "manually annotated"),
    ],
)
def test_a_statement_that_nothing_was_annotated_answers_human_labour(paper: str, texbench: bool, quote: str) -> None:
    res = analysed(texbench_pdf(paper) if texbench else corpus_pdf(paper)).topics["data.human_labor"]
    assert res.status == "disclosed", (res.status, res.reason)
    assert any(quote in e.text for e in res.evidence), [e.text for e in res.evidence]


@pytest.mark.parametrize(
    ("line", "released"),
    [
        ("We intend to release the model weights after an internal review.", True),  # the bundled sample's words
        ("The model checkpoints will be made publicly available upon publication.", True),
        ("We do not release the model weights.", False),
        ("Our code will be made available by the time of publication.", False),  # scaling-ptp: code only
    ],
)
def test_a_promised_release_of_the_weights_is_a_release(tmp_path, line: str, released: bool) -> None:
    import jupyter_review

    body = [
        "We train a transformer language model with 1B parameters on a web corpus.",
        "Our model is pre-trained with AdamW for 100k steps and a learning rate of 0.0003.",
        "We evaluate our model on reasoning benchmarks and report results in Table 1.",
        "The LLM is fine-tuned on instruction data with supervised fine-tuning.",
        "We compare our model against three open LLMs of similar size.",
        "Conclusion. We presented a small language model for multi-step reasoning.",
        line,
    ]
    pdf = text_page(tmp_path / "p.pdf", "A Small Language Model", body)
    a = jupyter_review.analyze(str(pdf))
    assert a.profile["releases_model"].value == released, a.profile["releases_model"].reason
