"""Issue 15, session 19 (wt25e): kinds found on the tuning half of a verdict set of theory, optimisation,
simulation-style, software and survey papers (benchmarks/data/applicability_gold_s19.tsv: tune
moead-gecco19, yellowfin, isometry-pursuit, transgpn-main), plus the kinds the s17 held-out misses
stand for (tested on generated pages only; the held-out papers themselves are not looked at). Each test
asserts on real PDFs, or on pages generated with pymupdf, as cases of the general rule:

* data the authors generate themselves, named by how they are made (an exhaustive enumeration, synthetic
  or simulated data drawn from a stated distribution, model or procedure), names its source;
* how the evaluation data relate to the training data, said outright (no held-out split because the
  sweep is exhaustive, disjoint training and test sets), is a contamination statement;
* a model whose parameters the paper samples or infers (MCMC on a Bayesian logistic regression) is a
  model the paper fits, not a release;
* an implementation released for others' frameworks ("PyTorch and TensorFlow implementations") is software;
* the people of a simulation (simulated, virtual or synthetic patients, participants in the simulation)
  are agents the model generates: no human participants and no personal data;
* a design sentence comparing groups of people named by role and place ("participants were compared
  with ... (employees of the X Hospital)") names the data source; a results claim "compared with" a
  baseline does not.
"""

from __future__ import annotations

from functools import cache

import pytest

from tests.conftest import analysed, corpus_pdf, need_corpus, text_page


def texbench_pdf(name: str):
    return need_corpus("texbench").parent / "texbench" / "pdfs" / name


@cache
def _transgpn():
    return analysed(corpus_pdf("transgpn-main.pdf"),
                    [corpus_pdf("transgpn-supplement.pdf"), corpus_pdf("transgpn-checklist.pdf")])


# --- data the authors generate name their source ---------------------------------------------------

def test_transgpn_generated_sweeps_are_its_data_source():
    t = _transgpn().topics["data.sources"]
    assert t.status == "disclosed", t.reason
    assert any(e.role == "main" and "sweep" in e.text for e in t.evidence), [e.text for e in t.evidence]


_SIM = ["We compare feature-ranking methods on classification tasks.",
        "Each method ranks the features and the top ten are kept."]


@pytest.mark.parametrize("line,named", [
    ("The data are sampled from a mixture of two Gaussians with unit variance.", True),
    ("We simulate 500 data sets from a linear model with ten covariates.", True),
    ("Synthetic datasets were generated with the make_classification routine.", True),
    ("We evaluate on an exhaustive sweep that covers all 254 Boolean functions.", True),
    ("We use data from the web.", False),  # where from, not named
])
def test_generated_data_name_their_source(tmp_path, line, named):
    a = analysed(text_page(tmp_path / "gen.pdf", "Feature ranking on generated data", _SIM + [line]))
    t = a.topics["data.sources"]
    assert (t.status == "disclosed") == named, (line, t.status, t.reason)


# --- the relation of evaluation to training data, said outright --------------------------------------

def test_transgpn_no_held_out_split_by_design_is_said():
    t = _transgpn().topics["data.contamination"]
    assert t.status == "disclosed", t.reason
    assert any("rather than a held-out split" in e.text for e in t.evidence), [e.text for e in t.evidence]


@pytest.mark.parametrize("line,said", [
    ("Because the sweep is exhaustive, evaluation is against exact optima rather than a held-out split.", True),
    ("The training and test graphs are disjoint by construction.", True),
    ("We report accuracy on the benchmark test set.", False),
])
def test_train_test_relation_said_outright(tmp_path, line, said):
    lines = ["We pretrain a graph policy network on known optimal circuits.",
             "The pretrained policy is then fine-tuned with reinforcement learning.",
             "We evaluate the policy on a benchmark of Boolean functions.", line]
    a = analysed(text_page(tmp_path / "cont.pdf", "Circuit synthesis with a graph policy", lines))
    t = a.topics["data.contamination"]
    assert (t.status == "disclosed") == said, (line, t.status, t.reason)


# --- a model fitted by posterior sampling is the paper's model ----------------------------------------

_ML = ["We test our method on a machine learning benchmark dataset of handwritten digits.",
       "The training data are MNIST digits; we use minibatches of the training data.",
       "Each minibatch holds 100 examples of the dataset."]


@pytest.mark.parametrize("lines,model", [
    (["We apply our test to Bayesian logistic regression on MNIST, sampling the posterior over the weights.",
      "Our MH test draws samples from the posterior of the logistic regression model."], True),
    (["We run MCMC with our acceptance test on a logistic regression model of the MNIST data.",
      "The logistic regression parameters are sampled with 5000 MCMC iterations in our experiments."], True),
    (["We use the logistic regression model to classify 7s and 9s, sampling its parameters with our test.",
      "Our test samples the weights of the logistic regression."], True),
    # a method's usual recipe, not the paper's own fitting
    (["Logistic regression models are usually fitted by maximum likelihood.",
      "A linear regression model relates the outcome to the covariates."], False),
])
def test_models_fitted_by_sampling(tmp_path, lines, model):
    a = analysed(text_page(tmp_path / "mh.pdf", "A new Metropolis-Hastings test", _ML + lines))
    assert bool(a.profile["model"].value) == model, (lines, a.profile["model"].reason)
    assert not a.profile["releases_model"].value, a.profile["releases_model"].reason
    # the paper's own model asks for its code; nothing released asks for no responsibility
    assert (a.topics["code.availability"].status != "not_applicable") == model, a.topics["code.availability"].reason


# --- a released framework implementation is software ------------------------------------------------

def test_yellowfin_released_implementations_are_software():
    a = analysed(texbench_pdf("yellowfin.pdf"))
    t = a.profile["software"]
    assert t.value, t.reason
    assert any("implementations" in e.text for e in t.evidence), [e.text for e in t.evidence]


@pytest.mark.parametrize("line,software", [
    ("We release PyTorch and TensorFlow implementations of the tuner for public use.", True),
    ("We provide an open-source Python implementation of the sampler.", True),
    ("We implement the tuner in PyTorch and train it on one GPU.", False),  # used, not released
    ("We compare with the PyTorch implementations of Adam and AdaGrad.", False),  # others' implementations
])
def test_released_framework_implementations(tmp_path, line, software):
    lines = ["Abstract", "In this paper we propose an automatic momentum tuner for SGD.", line,
             "We evaluate the tuner on ResNets and LSTMs."]
    a = analysed(text_page(tmp_path / "sw.pdf", "Automatic momentum tuning", lines))
    assert bool(a.profile["software"].value) == software, (line, a.profile["software"].reason)


# --- groups of people compared, with where they come from ---------------------------------------------

_COHORT = ["We measured antibody levels before and after a booster dose.",
           "Blood was drawn twice, six months apart, and stored at -80 C."]


@pytest.mark.parametrize("lines,named", [
    (["Hypertensive staff were compared with normotensive staff (employees of",
      "the Ernst von Bergmann Hospital, Potsdam, Germany)."], True),
    (["Hypertensive participants were compared with controls (employees of X Hospital)."], True),
    (["Our model is compared with ResNet on the held-out images and outperforms it."], False),
])
def test_groups_compared_with_their_source(tmp_path, lines, named):
    a = analysed(text_page(tmp_path / "cmp.pdf", "Antibody levels after a booster dose", _COHORT + lines))
    t = a.topics["data.sources"]
    assert (t.status == "disclosed") == named, (lines, t.status, t.reason)


# --- a simulation's people are agents -------------------------------------------------------------

_SIMULATION = ["We study a queueing policy for emergency departments in an agent-based simulation.",
               "We simulate 1,000 virtual patients whose arrival times follow a Poisson process.",
               "Simulated participants respond to the policy with a fixed probability.",
               "Each simulated patient has an age and a triage score drawn from a distribution.",
               "The simulated respondents were assigned to one of three arms at random."]
_PEOPLE = ["We recruited 40 participants from a university.",
           "Participants were asked to rate each video.",
           "Twelve participants were excluded after the attention check."]


@pytest.mark.parametrize("lines,people", [(_SIMULATION, False), (_PEOPLE, True), (_SIMULATION + _PEOPLE, True)])
def test_simulated_people_are_agents(tmp_path, lines, people):
    a = analysed(text_page(tmp_path / "sim.pdf", "Triage policies", lines))
    assert bool(a.profile["human_participants"].value) == people, a.profile["human_participants"].reason
    if not people:
        assert not a.profile["personal_data"].value, a.profile["personal_data"].reason
        assert a.topics["accountability.ethics_review"].status == "not_applicable"


# --- the verdict set --------------------------------------------------------------------------------

def test_s19_verdict_set_reads_like_s18():
    import benchmarks.applicability as ap

    verdicts, held = ap.read_gold(ap.GOLD_S19)
    papers = {p for p, _ in verdicts}
    assert len(papers) == 8 and len(held) == 4 and held < papers
    assert {p for p in papers if len([k for k in verdicts if k[0] == p]) == 12} == papers  # every major topic
    profiles = ap.read_profiles(ap.GOLD_S19)
    assert set(profiles) == papers and all(len(v) >= 6 for v in profiles.values())
    assert set(ap.read_sources(ap.GOLD_S19)) == papers
    # none of them is in an older full verdict set
    for older in (ap.GOLD_S17, ap.GOLD_S18):
        assert not papers & {p for p, _ in ap.read_gold(older)[0]}
