"""Preparation of the paper's own data is its curation (issue #13, session 21; rule in
tests/data/gold/topics/README.md, "Preprocessing is curation").

`data.curation` asks what was removed or kept and how. A method paper on a benchmark removes nothing,
and what it did to its data before use is all the curation there is: images resized to a stated size,
features standardised or z-scored, text lowercased and tokenised, a split the paper makes with its
ratio or counts, a mixture with its ratio, the first N items kept, a removal said object first. Not
curation: a normalisation layer or a component that down-samples inside a model, a benchmark's own
split described, a removal named only by a judgement ("the noisy knowledge").

Real cases: development papers of texbench whose statement the whole pipeline must find (the status
and the quoted sentence come from `analyze`). Generated cases: one-page PDFs (pymupdf) with one such
sentence among neutral experiment lines, run through the same pipeline.
"""

from __future__ import annotations

import re

import pytest

from tests.conftest import analysed, need_corpus, text_page


def texbench_pdf(name: str):
    return need_corpus("texbench").parent / "texbench" / "pdfs" / name


# (paper, a word of the preparation statement the disclosure must quote): each a different wording of the kind
@pytest.mark.parametrize("name, word", [
    ("lowshot-iccv2017.pdf", r"resized all images to 28"),            # resizing to a size / a class split
    ("wsod-mapr2024.pdf", r"resize all images to 224"),                # resizing
    ("hmm-note.pdf", r"lowercases all words"),                         # lowercasing, OOV replacement
    ("kmodes-init.pdf", r"incomplete instances .{0,40}are excluded"),  # removal said object first
    ("ri-iclr2026.pdf", r"1:1 mixed dataset"),                         # a mixture with its ratio (LLM paper)
    ("isometry-pursuit.pdf", r"standardized|truncate our inputs"),     # standardisation, truncation to a size
])
def test_preparation_of_own_data_discloses_curation(name, word):
    a = analysed(texbench_pdf(name))
    r = a.topics["data.curation"]
    assert r.status == "disclosed", (name, r.status, r.reason)
    quotes = " | ".join(" ".join(e.text.split()) for e in r.evidence)
    assert re.search(word, quotes), (name, quotes)


CONTEXT = [
    "We train a convolutional neural network classifier on the CIFAR-10 dataset.",
    "Training runs for 100 epochs with the Adam optimiser and a learning rate of 0.001.",
    "We report top-1 accuracy on the test set and compare with three baselines.",
]


def _status(tmp_path, sentence: str) -> tuple[str, list[str]]:
    pdf = text_page(tmp_path / "case.pdf", "Experimental setup", CONTEXT[:1] + [sentence] + CONTEXT[1:])
    r = analysed(pdf).topics["data.curation"]
    return r.status, [" ".join(e.text.split()) for e in r.evidence]


@pytest.mark.parametrize("sentence", [
    "We resize all images to 64 x 64 pixels before training.",
    "We normalize each feature with the z-score using the training set mean.",
    "We randomly split the dataset into 8000 training and 2000 test images.",
    "The training set consisted of 80% of the images and 20% were used for testing.",
])
def test_generated_preparation_statement_discloses(tmp_path, sentence):
    status, quotes = _status(tmp_path, sentence)
    assert status == "disclosed", (sentence, status, quotes)
    assert sentence.split()[1] in " ".join(quotes)


@pytest.mark.parametrize("sentence", [
    "We normalize the features with layer normalization before the output layer.",           # a model layer
    "The encoder downsamples images by a factor of 16 before the attention layers.",       # a component
    "The images of the benchmark are split 50:50 into train and test by its authors.",     # the benchmark's split
    "We filter the noisy images retrieved from the web.",                                   # a judgement only
])
def test_generated_non_curation_does_not_disclose(tmp_path, sentence):
    status, quotes = _status(tmp_path, sentence)
    assert status != "disclosed", (sentence, status, quotes)
