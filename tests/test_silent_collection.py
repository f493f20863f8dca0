"""Data collection does not apply to a paper that says nothing of collecting data and, by its
profile, has nothing of its own to collect for: a method run on others' cited benchmarks (the gold
rule 'n/a when the paper only reuses an established, cited benchmark and collects nothing
itself').  A dataset, a released model or software, a study of people or animals, personal data
or a literature review keep the topic, so silence there stays a gap; so does a model of the paper's
own trained on data it never names (its data sources a gap too)."""

from __future__ import annotations

import pytest

from tests.conftest import analysed, corpus_pdf, need_corpus, text_page


def texbench_pdf(name: str):
    return need_corpus("texbench").parent / "texbench" / "pdfs" / name


@pytest.mark.parametrize(
    ("paper", "texbench", "status"),
    [
        ("isometry-pursuit.pdf", True, "not_applicable"),  # an algorithm on small public sets
        ("sd2-acl.pdf", True, "not_applicable"),  # decoding on JSONSchemaBench
        ("paraphrase-aaai2022.pdf", False, "not_applicable"),  # paraphrasing on cited corpora
        ("papermage.pdf", False, "missing"),  # a released toolkit: silence stays a gap
        ("toxins-8070200.pdf", False, "missing"),  # a review: how the literature was gathered
    ],
)
def test_silence_is_no_gap_only_where_nothing_calls_for_it(paper: str, texbench: bool, status: str) -> None:
    res = analysed(texbench_pdf(paper) if texbench else corpus_pdf(paper)).topics["data.collection"]
    assert res.status == status, (res.status, res.reason)
    if status == "not_applicable":
        assert res.reason.startswith("Does not apply: nothing in the paper describes collecting data of its own;")
        assert "profile:" in res.reason


@pytest.mark.parametrize(
    ("line", "collection"),
    [
        # a model of the paper's own trained on data it never names: where did the data come from?
        ("We pre-train our transformer model on 2 trillion tokens of text.", "missing"),
        ("Our model is pre-trained on a large corpus of text and source code.", "applies"),
        # ... on others' named benchmarks: nothing to collect
        ("We train our model on the CIFAR-10 [3] and ImageNet [4] benchmark datasets.", "not_applicable"),
    ],
)
def test_a_model_trained_on_unnamed_data_is_asked_where_it_came_from(tmp_path, line: str, collection: str) -> None:
    import jupyter_review

    body = [
        line,
        "Our model is a 24-layer transformer trained with AdamW for 100k steps and a learning rate of 0.0003.",
        "We evaluate our model and compare it against three baselines in Table 1.",
        "The neural network is a deep learning model trained with a batch size of 256.",
        "Machine learning models of this kind are trained with gradient descent on GPUs.",
    ]
    a = jupyter_review.analyze(str(text_page(tmp_path / "p.pdf", "A Transformer", body)))
    assert a.profile["model"].value and not a.profile["dataset"].value and not a.profile["releases_model"].value
    res = a.topics["data.collection"]
    if collection == "applies":
        assert res.status != "not_applicable", (res.status, res.reason, a.topics["data.sources"].status)
    else:
        assert res.status == collection, (res.status, res.reason, a.topics["data.sources"].status)


@pytest.mark.parametrize(
    ("line", "status"),
    [
        ("We evaluate on the CIFAR-10 benchmark [3] and report accuracy.", "not_applicable"),
        ("We recruited 40 participants, who gave informed consent, to rate the classifier outputs.", "applies"),
    ],
)
def test_the_profile_decides_a_silent_topic(tmp_path, line: str, status: str) -> None:
    import jupyter_review

    body = [
        "We propose a regularised training method for image classifiers.",
        line,
        "The training set is used to fit the model and the test set to evaluate it.",
        "We train the model for 50 epochs on the training data.",
        "Our method improves accuracy over the baseline by two points.",
    ]
    res = jupyter_review.analyze(str(text_page(tmp_path / "p.pdf", "Regularised Training", body))).topics["data.collection"]
    if status == "applies":  # people studied: the topic stays, whatever the paper says of it
        assert res.status != "not_applicable", (res.status, res.reason)
    else:
        assert res.status == status, (res.status, res.reason)


@pytest.mark.parametrize(
    ("paper", "texbench", "applies"),
    [
        ("paraphrase-aaai2022.pdf", False, False),  # a paraphrase method with language models, none released
        ("scaling-ptp.pdf", True, False),  # speeds up others' language models
        ("medheval-main.pdf", False, False),  # a benchmark of others' models
        ("deepseek-v2.pdf", False, True),  # released weights: silence on safety is a gap
        ("moonlight-main.pdf", False, True),
    ],
)
def test_safety_silence_is_a_gap_only_for_a_released_model(paper: str, texbench: bool, applies: bool) -> None:
    res = analysed(texbench_pdf(paper) if texbench else corpus_pdf(paper)).topics
    for tid in ("safety.static_eval", "safety.adversarial_eval"):
        assert (res[tid].status != "not_applicable") == applies, (tid, res[tid].status, res[tid].reason)


def test_a_safety_statement_counts_without_a_released_model() -> None:
    """dolma releases a corpus, no model; its toxic-content filter is its safety mitigation."""
    res = analysed(corpus_pdf("dolma-v0.1.pdf")).topics["safety.mitigations"]
    assert res.status == "disclosed", (res.status, res.reason)


def test_a_paper_that_speaks_of_safety_is_asked_for_all_of_it() -> None:
    """The bundled sample (a reasoning model whose weights are only promised) tests safety on static
    benchmarks: its silence on mitigations is a gap, not 'says nothing of safety'. Since session 20 a
    promised release is a release for the profile (topics/README.md), so the group is tested with the
    referee's correction that the model is not released."""
    import jupyter_review
    from jupyter_review.sample import main_pdf, supplement_pdf

    read = jupyter_review.analyze(str(main_pdf()), [str(supplement_pdf())])
    assert read.profile["releases_model"].value is True  # 'We intend to release the model weights ...'
    assert read.topics["safety.mitigations"].status == "missing"
    a = jupyter_review.analyze(str(main_pdf()), [str(supplement_pdf())], profile="releases_model=no")
    assert a.profile["releases_model"].value is False
    assert a.topics["safety.static_eval"].status == "disclosed"
    assert a.topics["safety.mitigations"].status == "missing", a.topics["safety.mitigations"].reason


@pytest.mark.parametrize(
    ("paper", "texbench", "applies"),
    [
        ("cikm-ilham.pdf", True, False),  # a question classifier scored against gold labels
        ("hmm-note.pdf", True, False),  # HMM language models compared by perplexity
        ("sd2-acl.pdf", True, True),  # generated text from language models: silence is a gap
        ("medheval-main.pdf", False, True),  # a benchmark of LLM answers
        ("papermage.pdf", False, True),  # a released toolkit
    ],
)
def test_human_evaluation_silence_is_a_gap_only_where_outputs_are_for_people(paper: str, texbench: bool,
                                                                               applies: bool) -> None:
    res = analysed(texbench_pdf(paper) if texbench else corpus_pdf(paper)).topics["eval.human"]
    assert (res.status != "not_applicable") == applies, (res.status, res.reason)
    if not applies:
        assert res.reason.startswith("Does not apply: the paper says nothing of people judging its outputs;")
