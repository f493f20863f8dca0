"""An algorithm's run and settings are its training and hyperparameters (issue #13).

tests/data/gold/topics/README.md ("An algorithm is the paper's model"): for a fully specified
method with no learned network, model.architecture is its specification (pseudo-code, its
Input:/Output: lines, its numbered steps), model.training how it is run (solver, iterations or
evaluations, repetitions and restarts, stopping rule, initialisation) and model.hyperparameters its
settings and their values ('we set p = 1', 'population size N = 350', 'values of k from 2 up to
...', 'chosen by cross-validation'). The wordings of detectors.yaml spoke of networks only
(layers, learning rates, epochs); these cases check the algorithm's wordings on real papers and on
generated pages, and that a results sentence with a count in it is still no training statement."""

from __future__ import annotations

import re

import pytest

from tests.conftest import analysed, need_corpus, text_page


def texbench_pdf(name: str):
    return need_corpus("texbench").parent / "texbench" / "pdfs" / name


# (paper, topic, a word of the algorithm's kind the evidence must show): the hand-read gold of these
# development papers (tests/data/gold/fresh8, fresh9) says each topic is disclosed
@pytest.mark.parametrize(
    ("paper", "topic", "kind"),
    [
        ("kmodes-init.pdf", "model.training", r"\brepetitions\b"),  # '... given 25 repetitions as opposed to the 250'
        ("kmodes-init.pdf", "model.hyperparameters", r"\bvalues of k from\b"),  # the range k was searched over
        ("moead-gecco19.pdf", "model.training", r"\bfunction evaluations\b"),  # '21 repetitions with 70000 ...'
        ("moead-gecco19.pdf", "model.hyperparameters", r"\b(?:population|neighbou?rhood) size\b|\b\w+ = \d"),
        ("isometry-pursuit.pdf", "model.training", r"\bsolver\b"),  # 'we use the SCS interior point solver'
        ("irace-automl.pdf", "model.training", r"\bbudget\b|\bcutoff\b|\bexperiments\b"),
        ("kmodes-init.pdf", "model.architecture", r"\bAlgorithm \d+\b|\bInput:"),
    ],
)
def test_an_algorithms_run_and_settings_are_found_in_its_own_words(paper: str, topic: str, kind: str) -> None:
    a = analysed(texbench_pdf(paper))
    assert a.profile["method"].value, a.profile["method"].reason
    res = a.topics[topic]
    assert res.status == "disclosed", (res.status, res.reason)
    quotes = [e.text for e in res.evidence]
    assert any(re.search(kind, q) for q in quotes), quotes
    # the quotes are the algorithm's, not a network's
    assert not any(re.search(r"\b(?:learning rate|epochs?|layers?|batch size)\b", q, re.I) for q in quotes), quotes


_ALGORITHM = [  # the profile reads a method of the paper's own in its abstract and introduction
    "Abstract",
    "We propose a new initialisation algorithm for k-modes clustering of categorical data.",
    "1 Introduction",
    "Our algorithm replaces the greedy step of Huang's method by a matching game.",
    "2 Method",
    "Algorithm 1: The proposed initialisation algorithm",
    "Input: a dataset X and a number of clusters k Output: a set of k initial modes",
    "The algorithm assigns each point to its closest mode and then updates every mode in turn.",
    "3 Experiments",
    "We compare our algorithm with two initialisations on four benchmark datasets from the UCI repository.",
]


@pytest.mark.parametrize(
    ("line", "topic", "disclosed"),
    [
        # how the algorithm is run
        ("The algorithm terminates when no point changes cluster between two iterations.", "model.training", True),
        ("For every dataset we perform 50 repetitions with 1000 function evaluations each.", "model.training", True),
        ("The weighted program is solved with the SCS solver from CVXPY.", "model.training", True),
        ("The modes are initialised uniformly at random from the points of the dataset.", "model.training", True),
        # a result with a count in it says what came out, not how the algorithm was run
        ("Results show that our algorithm reaches a lower cost than k-means after 100 iterations.",
         "model.training", False),
        # the algorithm's settings
        ("We set k = 4 for every dataset and fix the neighbourhood size T = 20.", "model.hyperparameters", True),
        ("The number of clusters was chosen by cross-validation over values of k from 2 to 10.",
         "model.hyperparameters", True),
        ("We use a population size of 350 in all runs.", "model.hyperparameters", True),
        # a symbol in a result, with no setting said of it
        ("Table 1 shows that our algorithm has the lowest final cost on the soybean dataset.",
         "model.hyperparameters", False),
    ],
)
def test_a_generated_algorithm_paper(tmp_path, line: str, topic: str, disclosed: bool) -> None:
    import jupyter_review

    pdf = text_page(tmp_path / "p.pdf", "A New Initialisation for Categorical Clustering", _ALGORITHM + [line])
    a = jupyter_review.analyze(str(pdf))
    assert a.profile["method"].value, a.profile["method"].reason
    res = a.topics[topic]
    assert (res.status == "disclosed") == disclosed, (res.status, res.reason, [e.text for e in res.evidence])
    if disclosed:
        assert any(line[:40] in e.text for e in res.evidence), [e.text for e in res.evidence]
