"""Issue 15, session 18 (wt24f): kinds found on the tuning half of a verdict set of paper types the
older sets had few of (benchmarks/data/applicability_gold_s18.tsv: tune chi2024-avatars,
toxins-8070200, crisprverse-main, plosone-0319315) and on the s17 tuning half (kdd2019-hall), plus
the kinds the last session's held-out misses stand for (tested here on generated pages only). Each
test asserts on real PDFs, or on pages generated with pymupdf, as cases of the general rule:

* a narrative review names the animals, patients and records of the studies it reviews: its
  study-subject traits (animals, human participants, personal data) are not its own;
* a note on the paper's own authors ("Author names are in alphabetical order") is no personal data;
* a model the paper fits itself, statistical or not, is a model: said in the passive with its
  fitting ("A ... GBM is trained and explained in Section 8"), by its training set-up ("1000
  iterations were used to train ..."), or as "we fit a logistic regression model"; a method's usual
  recipe ("is often trained by") and a model shown in the supplement are neither a model nor a release;
* access on request to the authors is vague, and the reason names it as the known weak form it is;
* people named by role and place ("nurses of St. Mary's Hospital", "students of a course at
  Utrecht University") are a concrete data source.
"""

from __future__ import annotations

from functools import cache

import pytest

from tests.conftest import analysed, corpus_pdf, need_corpus, text_page


def texbench_pdf(name: str):
    return need_corpus("texbench").parent / "texbench" / "pdfs" / name


@cache
def _a(rel: str, texbench: bool = False):
    return analysed(texbench_pdf(rel) if texbench else corpus_pdf(rel))


# --- a narrative review's study subjects are those of the work it reviews -------------------------

def test_toxins_review_has_no_animals_of_its_own():
    a = _a("toxins-8070200.pdf")
    assert a.profile["review"].value
    t = a.profile["animals"]
    assert not t.value, t.reason
    assert "review" in t.reason and "in vivo" in t.reason, t.reason
    # the topics that need people or animals of the paper's own do not apply to it
    for tid in ("accountability.ethics_review", "eval.baselines"):
        assert a.topics[tid].status == "not_applicable", (tid, a.topics[tid].reason)


_REVIEW = ["Abstract", "This review summarizes strategies that enhance the delivery of protein drugs.",
           "In this review we discuss the chances and the challenges of these strategies.",
           "Here we review recent work on endosomal escape and its clinical translation."]


@pytest.mark.parametrize("trait,lines", [
    ("animals", ["Most enhancers were tested in mice and rats by other groups.",
                 "In vivo studies in mice showed a ten-fold higher efficacy.",
                 "Animal studies in rats and mice report toxicity at high doses."]),
    ("human_participants", ["Patients were enrolled in two phase I trials of the toxin.",
                            "Participants of these trials received four doses.",
                            "Volunteers recruited in the second trial reported side effects."]),
])
def test_a_review_names_others_subjects(tmp_path, trait, lines):
    review = analysed(text_page(tmp_path / "review.pdf", "Enhancers of targeted toxins: a review", _REVIEW + lines))
    assert review.profile["review"].value, review.profile["review"].reason
    assert not review.profile[trait].value, review.profile[trait].reason
    assert "review" in review.profile[trait].reason
    # the same sentences in a study of the paper's own keep the trait
    study = ["Abstract", "We tested the new enhancer in a study of our own.", "We measured the efficacy twice."]
    own = analysed(text_page(tmp_path / "study.pdf", "A new enhancer of targeted toxins", study + lines))
    assert not own.profile["review"].value
    assert own.profile[trait].value, own.profile[trait].reason


# --- the byline is no personal data -----------------------------------------------------------------

def test_chi_author_order_note_is_not_personal_data():
    t = _a("chi2024-avatars.pdf").profile["personal_data"]
    assert t.value  # the study records people's self-disclosure and demographics
    assert not any("alphabetical order" in e.text for e in t.evidence), [e.text for e in t.evidence]


@pytest.mark.parametrize("note", [
    "Author names are in alphabetical order.",
    "These authors contributed equally to this work.",
    "Equal contribution. Author names are listed in random order.",
])
def test_author_notes_are_no_personal_data(tmp_path, note):
    lines = ["We propose a faster solver for sparse linear systems.", note,
             "Both authors contributed equally.", "The authors are listed in alphabetical order."]
    a = analysed(text_page(tmp_path / "notes.pdf", "A faster sparse solver", lines))
    assert not a.profile["personal_data"].value, a.profile["personal_data"].reason


# --- a model the paper fits is a model --------------------------------------------------------------

def test_kdd_fitted_gbm_is_a_model_not_a_release():
    a = _a("kdd2019-hall.pdf", True)
    m = a.profile["model"]
    assert m.value, m.reason
    assert any("is trained and explained" in e.text or "used to train" in e.text for e in m.evidence), \
        [e.text for e in m.evidence]
    # the depth-five tree "available in the supplemental materials" is a result shown there
    assert not a.profile["releases_model"].value, a.profile["releases_model"].reason
    # no major responsibility gap: since session 20 the topic is asked only of what a paper releases
    # (a model, dataset or tool), so it does not apply here; before, it applied as a minor request
    res = a.topics["accountability.responsibility"]
    assert res.status == "not_applicable" or res.severity != "major", (res.status, res.severity)


_ML = ["Machine learning models are evaluated on a benchmark dataset.",
       "The training data and the test data come from the UCI repository.",
       "We use a GPU for the deep learning baselines."]


@pytest.mark.parametrize("lines,model", [
    (["A gradient boosting machine is trained with early stopping on the training split.",
      "A maximum of 500 iterations were used to train the classifier."], True),
    (["We fit a Bayesian logistic regression model to the MNIST training data.",
      "The logistic regression model is then fitted on each of the ten splits."], True),
    (["We fitted a random forest to the features of each split.",
      "Hyperparameter settings used to train the forest are in Table 2."], True),
    # a method's usual recipe, not the paper's own fitting
    (["A logistic regression model is often trained by maximum likelihood.",
      "A surrogate model can be fitted in the region of each observation."], False),
])
def test_fitted_models(tmp_path, lines, model):
    a = analysed(text_page(tmp_path / "fit.pdf", "Explanations of fitted models", _ML + lines))
    assert bool(a.profile["model"].value) == model, (lines, a.profile["model"].reason)


# --- access on request is a known weak availability statement ---------------------------------------

_STUDY = ["We measured antibody levels in 120 healthcare workers before and after a booster dose.",
          "Participants were recruited in 2021 and gave written informed consent.",
          "Data availability"]


@pytest.mark.parametrize("line,weak", [
    ("Data are available upon request.", True),
    ("The datasets analysed are available from the corresponding author on reasonable request.", True),
    ("The raw data supporting the conclusions can be obtained by request to the first author.", True),
    ("The data will be released upon publication of this article.", False),  # a promise, but not on request
])
def test_on_request_is_named_as_weak(tmp_path, line, weak):
    a = analysed(text_page(tmp_path / "req.pdf", "Antibody levels after a booster dose", _STUDY + [line]))
    t = a.topics["data.availability"]
    assert t.status == "vague", (line, t.status, t.reason)
    assert ("known weak availability statement" in t.reason) == weak, t.reason


# --- people named by role and place are a data source -----------------------------------------------

_COHORT = ["We measured antibody levels before and after a booster dose.",
           "Blood was drawn twice, six months apart, and stored at -80 C."]


@pytest.mark.parametrize("line,specific", [
    ("Participants were 85 nurses of St. Mary's Hospital in London.", True),
    ("Participants were 120 employees of the Ernst von Bergmann Hospital, Potsdam, Germany.", True),
    ("We recruited 64 students of an introductory psychology course at Utrecht University.", True),
    ("Samples were taken from 50 physicians at the Charité University Hospital, Berlin.", True),
    ("Participants were 85 nurses of a large hospital.", False),  # no place named
])
def test_people_named_by_role_and_place(tmp_path, line, specific):
    a = analysed(text_page(tmp_path / "src.pdf", "Antibody levels after a booster dose", _COHORT + [line]))
    t = a.topics["data.sources"]
    assert (t.status == "disclosed") == specific, (line, t.status, t.reason)


# --- the verdict set --------------------------------------------------------------------------------

def test_s18_verdict_set_reads_like_s17():
    import benchmarks.applicability as ap

    verdicts, held = ap.read_gold(ap.GOLD_S18)
    papers = {p for p, _ in verdicts}
    assert len(papers) == 8 and len(held) == 4 and held < papers
    assert {p for p in papers if len([k for k in verdicts if k[0] == p]) == 12} == papers  # every major topic
    profiles = ap.read_profiles(ap.GOLD_S18)
    assert set(profiles) == papers and all(len(v) == 10 for v in profiles.values())
    assert set(ap.read_sources(ap.GOLD_S18)) == papers
