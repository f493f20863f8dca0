"""An algorithm box is a method's specification, read by its typography (issues #13/#15).

tests/data/gold/topics/README.md ("An algorithm is the paper's model"): for a method of the paper's own,
model.architecture is its specification, and an algorithm box (an 'Algorithm k' caption or the
procedure's signature, Input/Output or Require/Ensure lines, numbered steps) is that specification.
The ingest reads such a box as sentences of symbols ("1: Normalize Xc = w(X, c) 2: Optimize ..."),
which the formula and code filters drop before any topic sees them; nlp.context.pseudo_code_blocks finds
the boxes by their typography, the engine keeps them out of the sentences (they state nothing a data,
compute or results topic looks for) and gives them, one unit per box, to model.architecture where the
profile has a method. Also here: the settings of a method that trains no model of its own (an algorithm's
'we set k = 4', the temperature of the models it runs) are its hyperparameters, while on a paper that
trains a network they are no substitute for the training's own settings; and an estimator fitted by
maximum likelihood is a method that is fitted (model.training applies though it runs language models)."""

from __future__ import annotations

import re

import pytest

from tests.conftest import analysed, need_corpus, text_page


def texbench_pdf(name: str):
    return need_corpus("texbench").parent / "texbench" / "pdfs" / name


def _boxes(pdf) -> list[str]:
    from jupyter_review.nlp.context import pseudo_code_blocks
    from jupyter_review.pipeline import load

    doc = load(str(pdf), [])
    texts = [s.text for s in doc.sentences]
    return [" ".join(texts[k] for k in b) for b in pseudo_code_blocks(texts, [s.page for s in doc.sentences])]


# (paper, boxes at least, a word every box of the paper shows): the algorithm boxes of real papers, typeset
# three ways (a signature over numbered steps; an 'Algorithm k:' caption over Input/Output; a caption over
# numbered steps with '1: Input:')
@pytest.mark.parametrize(
    ("paper", "least", "shape"),
    [
        ("isometry-pursuit.pdf", 4, r"^[A-Z]{4,}\(.*\b1: "),
        ("kmodes-init.pdf", 11, r"^Algorithm \d+: .*\bInput: .*\bOutput: "),
        ("moead-gecco19.pdf", 5, r"^Algorithm \d+ .*\b1: "),
        ("mmpl-kdd.pdf", 2, r"\b1: .*\b2: "),
    ],
)
def test_algorithm_boxes_are_found_by_their_typography(paper: str, least: int, shape: str) -> None:
    boxes = _boxes(texbench_pdf(paper))
    assert len(boxes) >= least, boxes
    assert any(re.search(shape, b) for b in boxes), boxes


def test_a_prompt_example_is_no_algorithm_box() -> None:
    # ri-iclr2026 prints few-shot prompts with lines "OUTPUT: <answer>1981</answer>": one output line of an
    # example, no input line, no step, no caption
    assert _boxes(texbench_pdf("ri-iclr2026.pdf")) == []


@pytest.mark.parametrize(
    ("paper", "step"),
    [
        ("isometry-pursuit.pdf", "1: Normalize"),  # gold: disclosed by the pseudo-code of pp. 5-6
        ("moead-gecco19.pdf", "1: Input: N, the population size"),
        ("kmodes-init.pdf", "Input: a dataset X"),
    ],
)
def test_a_methods_algorithm_box_is_its_architecture(paper: str, step: str) -> None:
    a = analysed(texbench_pdf(paper))
    assert a.profile["method"].value, a.profile["method"].reason
    res = a.topics["model.architecture"]
    assert res.status == "disclosed", (res.status, res.reason)
    quotes = [e.text for e in res.evidence]
    assert any(step in q for q in quotes), quotes
    # ... and no box is evidence of another topic
    boxes = _boxes(texbench_pdf(paper))
    for tid, other in a.topics.items():
        if tid == "model.architecture":
            continue
        for e in list(other.evidence) + list(other.leads):
            assert not any(e.text.strip() and e.text.strip() in b for b in boxes if len(e.text) > 20), (tid, e.text)


_METHOD = [  # a method of the paper's own, named in its abstract and introduction
    "Abstract",
    "We propose a convex selection algorithm for choosing orthonormal submatrices of a wide matrix.",
    "1 Introduction",
    "Our algorithm replaces the greedy search of earlier work by a convex program and a small brute search.",
    "2 Method",
    "The algorithm normalises every column and then solves a group lasso program on the normalised matrix.",
]
_BOX = [
    "SELECTCOLUMNS(Matrix X, scaling constant c)",
    "1: Normalize Y = w(X, c)",
    "2: Optimize B = argmin ||B||",
    "3: Output S = support(B)",
]
_NETWORK = [  # a network the paper trains: its hyperparameters are its training's
    "Abstract",
    "We train a convolutional neural network with three convolutional layers to classify leaf images.",
    "1 Introduction",
    "Deep learning has made neural network classifiers of plant images accurate, but they need large datasets.",
    "Our neural network is trained from scratch on a new dataset of 5,000 leaf images that we collected.",
    "2 Method",
    "The network has three convolutional layers with 64 filters each, followed by a linear classifier.",
    "The machine learning pipeline keeps a held-out part of the dataset for choosing the trained model.",
]


@pytest.mark.parametrize(
    ("lines", "disclosed"),
    [
        (_METHOD + _BOX, True),  # the signature and three numbered steps
        (_METHOD + ["Algorithm 1: Column selection", "Input: a matrix X and a constant c",
                    "Output: a set S of selected columns"], True),
        (_METHOD + ["1: Normalize Y = w(X, c)"], False),  # one numbered line is no box
    ],
)
def test_a_generated_algorithm_box(tmp_path, lines: list[str], disclosed: bool) -> None:
    import jupyter_review

    pdf = text_page(tmp_path / "p.pdf", "Convex Column Selection", lines)
    a = jupyter_review.analyze(str(pdf))
    assert a.profile["method"].value, a.profile["method"].reason
    res = a.topics["model.architecture"]
    assert (res.status == "disclosed") == disclosed, (res.status, res.reason, [e.text for e in res.evidence])


@pytest.mark.parametrize(
    "line",
    [
        "We use temperature = 0.7 and top-p = 0.95 for every model we query.",
        "We set k = 4 for every dataset and fix the neighbourhood size T = 20.",
        "We use a population size of 350 in all runs.",
    ],
)
def test_settings_of_a_method_are_its_hyperparameters_but_not_a_networks(tmp_path, line: str) -> None:
    import jupyter_review

    method = jupyter_review.analyze(str(text_page(tmp_path / "m.pdf", "Convex Column Selection", _METHOD + [line])))
    assert not method.profile["model"].value
    res = method.topics["model.hyperparameters"]
    assert res.status == "disclosed", (res.status, res.reason)
    assert any(line[:30] in e.text for e in res.evidence), [e.text for e in res.evidence]

    net = jupyter_review.analyze(str(text_page(tmp_path / "n.pdf", "Leaf Classification", _NETWORK + [line])))
    assert net.profile["model"].value, net.profile["model"].reason
    assert net.topics["model.hyperparameters"].status != "disclosed", net.topics["model.hyperparameters"].reason


@pytest.mark.parametrize(
    ("paper", "topic", "status", "words"),
    [
        # a metric's estimator fitted by maximum likelihood, run on language models it does not train
        ("ri-iclr2026.pdf", "model.training", "disclosed", r"maximum likelihood|maximizing the multinomial"),
        # the decoding settings of the models a method runs are that method's settings
        ("ri-iclr2026.pdf", "model.hyperparameters", "disclosed", r"temperature\s*=\s*0\.7"),
        # a network trained with no learning rate, batch size or epochs said: its symbols' values alone are vague
        ("mmpl-kdd.pdf", "model.hyperparameters", "vague", r""),
    ],
)
def test_real_method_papers(paper: str, topic: str, status: str, words: str) -> None:
    res = analysed(texbench_pdf(paper)).topics[topic]
    assert res.status == status, (res.status, res.reason)
    if words:
        assert any(re.search(words, e.text) for e in res.evidence), [e.text for e in res.evidence]


# an ablation said as factors varied one at a time, or a variant tried and not reported (vague): real papers
@pytest.mark.parametrize(
    ("pdf", "status", "words"),
    [
        ("transgpn-main.pdf", "disclosed", r"varies the two factors independently"),  # gold: disclosed (Table 3)
        ("isometry-pursuit.pdf", "vague", r"but do not report it"),  # gold: vague (a random first stage tried)
    ],
)
def test_ablations_varied_alone_or_tried_unreported(pdf: str, status: str, words: str) -> None:
    path = texbench_pdf(pdf) if (need_corpus(pdf).parent / "texbench" / "pdfs" / pdf).is_file() else need_corpus(pdf) / pdf
    res = analysed(path).topics["model.ablations"]
    assert res.status == status, (res.status, res.reason)
    assert any(re.search(words, e.text) for e in res.evidence), [e.text for e in res.evidence]


@pytest.mark.parametrize(
    ("line", "status"),
    [
        ("Table 2 varies the normalisation and the scaling constant independently on all three datasets.", "disclosed"),
        ("We vary each of the three components one at a time and keep the others fixed.", "disclosed"),
        ("We also tried a random first stage but do not report it since it often failed to converge.", "vague"),
        # a quantity that varies on its own is no experiment
        ("The two coordinates of every point vary independently in the simulated data.", "missing"),
    ],
)
def test_generated_ablation_wordings(tmp_path, line: str, status: str) -> None:
    import jupyter_review

    a = jupyter_review.analyze(str(text_page(tmp_path / "p.pdf", "Convex Column Selection", _METHOD + [line])))
    res = a.topics["model.ablations"]
    assert res.status == status, (res.status, res.reason, [e.text for e in res.evidence])
