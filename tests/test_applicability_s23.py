"""Issue 15, session 23 (wt31b): applicability and profile kinds found on the tune half of the new papers
compiled from public LaTeX sources (tests/data/gold/newpapers23; those PDFs are not in CI, so every kind is
asserted on generated pages and on real sentences of the kind run through the shipped cues):

* a simulation study's data are generated data: data.synthetic applies, and draws from a stated
  distribution are its specific statement;
* a generative model's release withheld, a caution to users or safeguards recommended to others are a
  safety mitigation named without what it does (vague), so the paper is not silent on safety;
* 'we develop and make publicly available a ... dataset' releases a dataset;
* the verb 'mimic' is no MIMIC database; an animal word inside code or a package name is no animal;
* people of an illustration or of common practice, and the rows of a data matrix, are no participants;
* a data set's licence said without 'we' and experiment variants of the paper's data are no dataset of its own;
* adversarial attacks on a method's reliability are not safety testing.
"""

from __future__ import annotations

import pytest

from tests.conftest import analysed, text_page


def _cue(trait: str, sentence: str) -> bool:
    """Does the shipped profile read this sentence as a cue of the trait (its exclude and cues, as
    build_profile reads them; the own-work test aside)?"""
    from jupyter_review.checklist.profile import _spec

    t = _spec()[0][trait]
    low = sentence.lower()
    if t.exclude is not None and t.exclude.search(sentence, low):
        return False
    return any(c.search(sentence, low) for c in list(t.cues) + list(t.free_cues))


# --- a simulation study's data are generated data ---------------------------------------------------

_SIM_INTRO = [
    "Abstract. We compare two imputation procedures for incomplete multivariate data.",
    "Our procedure generates missing values in a multivariate way and is evaluated by simulation.",
    "We measure bias, confidence interval width and coverage of the mean over all replications.",
]


@pytest.mark.parametrize("lines", [
    ["We perform a model-based simulation study with 1,000 replications.",
     "We repeatedly draw N = 1,000 cases from a multivariate normal distribution with unit variances."],
    ["Species abundances were simulated as counts along two environmental gradients.",
     "Noise variables were simulated from a standard normal distribution and appended to the data."],
    ["The simulated data sets cover three sample sizes and two response shapes.",
     "Observations were drawn independently from a Poisson distribution with the stated means."],
])
def test_a_simulation_study_is_asked_about_its_generated_data(tmp_path, lines):
    a = analysed(text_page(tmp_path / "sim.pdf", "Generating missing values by simulation", _SIM_INTRO + lines))
    t = a.topics["data.synthetic"]
    assert t.status == "disclosed", (t.status, t.reason)


def test_without_simulation_generated_data_do_not_apply(tmp_path):
    lines = _SIM_INTRO + ["We analyse the measured blood pressure of a hospital register.",
                          "The register holds the readings of 4,000 visits between 2010 and 2015."]
    a = analysed(text_page(tmp_path / "nosim.pdf", "Imputation in a register", lines))
    assert a.topics["data.synthetic"].status == "not_applicable"


# --- a withheld release, a caution or recommended safeguards are a vague mitigation ------------------

_GEN = [
    "Abstract. We present a text-to-image generative model built on a large language model encoder.",
    "Our generative model is trained on image-text pairs and outperforms diffusion models.",
    "We train the model with a masked modelling loss for 1M steps on 512 TPU cores.",
    "The large language model encoder is frozen; the generative transformer is trained from scratch.",
    "Generative models and large language models can be leveraged for misinformation.",
    "We evaluate the generative model on CC3M and COCO with FID and CLIP score.",
]


@pytest.mark.parametrize("line", [
    "Given the potential for harm, we do not recommend the use of such models without attention to their use cases.",
    "We especially caution against using such models for generation of people, humans and faces.",
    "We recommend safeguards such as watermarking generated content and developing detectors.",
])
def test_a_withheld_release_or_a_caution_is_a_vague_safety_mitigation(tmp_path, line):
    a = analysed(text_page(tmp_path / "gen.pdf", "A generative text-to-image model", _GEN + [line]))
    assert a.topics["safety.mitigations"].status == "vague", a.topics["safety.mitigations"].reason


def test_a_generative_model_paper_silent_on_safety_is_not_asked(tmp_path):
    a = analysed(text_page(tmp_path / "gen0.pdf", "A generative text-to-image model", _GEN))
    assert a.topics["safety.mitigations"].status == "not_applicable"


# --- profile cues, read by the shipped cues on real sentences of each kind -------------------------

@pytest.mark.parametrize("trait,sentence,cue", [
    # a release with its place mid-sentence
    ("dataset", "We develop and make publicly available a large weakly-labeled dataset from more than 300,000 clinical trials.", True),
    ("dataset", "We also make freely available the annotated corpus of 2,000 court decisions.", True),
    # a data set's licence said without we/our, and variants made for an experiment
    ("dataset", "This dataset is distributed under the MIT License.", False),
    ("dataset", "The PRISM corpus is distributed under the cc license.", False),
    ("dataset", "First, we created content-word-only corpora by replacing all function words with a special token.", False),
    ("dataset", "To construct a truncated corpus of 643,041 tokens for each author, we sample one sub-sequence per book.", False),
    ("dataset", "We release our dataset under the CC-BY 4.0 license at https://example.org/data.", True),
    # 'mimic' the verb, MIMIC the database
    ("personal_data", "With the multivariate amputation approach, we have a procedure to accurately mimic realistic missingness problems.", False),
    ("personal_data", "We use the MIMIC-III critical care database of 40,000 stays.", True),
    # consent with a word between (npjmgrav's bed-rest study)
    ("personal_data", "All participants provided informed written consent before participating in the study.", True),
    ("personal_data", "Informed consent was obtained from all annotators.", False),
    # an animal word in code or a package name; real animals still count
    ("animals", "Imputation is done by predictive mean matching (mice.impute.pmm).", False),
    ("animals", "The procedure is implemented as ampute in the R package mice.", False),
    ("animals", "The compound was tested in mice at three doses.", True),
    # illustration, common practice and the rows of a data matrix are no participants
    ("human_participants", "For instance, a researcher may wish for some participants to have missing values on the first two variables.", False),
    ("human_participants", "A practical example of a missing data pattern is a situation where some participants do not show up.", False),
    ("human_participants", "However, in practice it is common to use the X1 values to divide the participants into groups.", False),
    ("human_participants", "The procedure requires a multivariate, complete data set of n participants and m variables.", False),
    ("human_participants", "Participants were recruited through Prolific and paid 12 GBP per hour.", True),
])
def test_profile_cue_kinds(trait, sentence, cue):
    assert _cue(trait, sentence) is cue


@pytest.mark.parametrize("sentence,people", [
    ("The ConvoKit subreddit corpus contains discussions on Reddit.", True),
    ("The dataset consists of posts from online forums about mental health.", True),
    ("The corpus contains discussions of the model's outputs by the authors.", False),
])
def test_a_corpus_of_forum_discussions_is_peoples_text(sentence, people):
    from jupyter_review.checklist.profile import _spec

    strong = _spec()[0]["personal_data"].strong
    assert bool(strong.search(sentence, sentence.lower())) is people


@pytest.mark.parametrize("sentence,hit", [
    ("The vulnerability of language model-based methods to adversarial attacks raises concerns about the reliability of predictive comparison in adversarial settings.", False),
    ("The robustness of the detector under adversarial paraphrasing remains to be shown.", False),
    ("We red-team the chat model with adversarial prompts written by 20 experts.", True),
])
def test_adversarial_attacks_on_a_methods_reliability_are_no_safety_testing(sentence, hit):
    from jupyter_review.checklist.engine import detectors

    det = detectors()["safety.adversarial_eval"]
    low = sentence.lower()
    excluded = det.exclude is not None and det.exclude.search(sentence, low)
    assert (bool(det.mention.search(sentence, low)) and not excluded) is hit
