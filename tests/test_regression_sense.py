"""Linear and logistic regression: a statistical analysis, or a learning problem (#13, a keyword in another sense).

``reproducibility.statistics`` read "linear regression" and "logistic regression" as a named statistical
analysis everywhere. In a paper that trains a model they are mostly a learning problem or a classifier
('two-layer linear regression', 'a logistic regression classifier', 'the logistic regression parameter'):
lowshot-iccv2017 was `disclosed` on 'By exploiting an XOR classification and two-layer linear regression, we
find ...' where its gold says `missing`. The two wordings are now read as specific only where the paper's
profile has no model (``specific_when`` with ``not model``); the purely statistical forms (Cox, Poisson,
mixed-effects, multilevel, multivariable) stay specific everywhere.
"""

from __future__ import annotations

import pytest

from tests.conftest import analysed, need_corpus, text_page


def _texbench(name: str):
    return need_corpus("texbench").parent / "texbench" / "pdfs" / name


def _static_specific(sentence: str) -> bool:
    from jupyter_review.checklist.engine import detectors

    det = detectors()["reproducibility.statistics"]
    return det.specific is not None and det.specific.search(sentence, sentence.lower()) is not None


def _when_specific(sentence: str) -> list[str]:
    from jupyter_review.checklist.engine import detectors

    det = detectors()["reproducibility.statistics"]
    return [cond for pat, cond in det.specific_when if pat.search(sentence, sentence.lower()) is not None]


@pytest.mark.parametrize(
    "sentence",
    [
        # learning problems and classifiers in papers that train models (lowshot p. 7, citrees p. 6,
        # mh-test-uai2017 p. 8, crisprverse-main p. 11)
        "By exploiting an XOR classification and two-layer linear regression, we find that the regularization "
        "of feature centers the representation.",
        "Classification fits logistic regression (LR), support vector machine (SVM), and k-nearest neighbors "
        "(KNN) as downstream models and reports balanced accuracy.",
        "we use θt as the logistic regression parameter.",
        "we implemented Lindel, a logistic regression model that was trained to use local sequence context",
    ],
)
def test_linear_and_logistic_regression_depend_on_the_profile(sentence: str) -> None:
    assert not _static_specific(sentence)
    assert _when_specific(sentence) == ["not model"]


@pytest.mark.parametrize(
    "sentence",
    [
        # statistical models whatever the paper
        "Hazards were compared with Cox regression adjusted for age.",
        "We fitted multilevel models with a random intercept per site.",
        "Counts of admissions were modelled by Poisson regression.",
        "Outcomes were compared with mixed-effects models with a random intercept per participant.",
    ],
)
def test_statistical_models_stay_specific(sentence: str) -> None:
    assert _static_specific(sentence)
    assert _when_specific(sentence) == []


def test_lowshot_learning_problem_is_no_statistical_analysis() -> None:
    res = analysed(_texbench("lowshot-iccv2017.pdf"))
    assert res.profile["model"].value
    topic = res.topics["reproducibility.statistics"]
    assert topic.status != "disclosed", (topic.status, topic.reason)
    assert not any("linear regression" in e.text for e in topic.evidence)


def test_regression_analysis_counts_where_no_model_is_trained(tmp_path) -> None:
    import jupyter_review

    lines = [
        "Abstract",
        "We surveyed 412 nurses in three hospitals about their night shifts and their sleep.",
        "1 Methods",
        "Participants answered a questionnaire on shift length, sleep hours and fatigue.",
        "The association of shift length with fatigue was estimated by logistic regression adjusted for age.",
        "2 Results",
        "Longer shifts were associated with fatigue.",
    ]
    res = jupyter_review.analyze(str(text_page(tmp_path / "s.pdf", "Night Shifts and Fatigue", lines)))
    assert not res.profile["model"].value, res.profile["model"].reason
    topic = res.topics["reproducibility.statistics"]
    assert topic.status == "disclosed", (topic.status, topic.reason)
    assert any("logistic regression" in e.text for e in topic.evidence)
