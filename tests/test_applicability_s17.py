"""Issue 15, session 17 (wt23e): kinds found on the tuning half of a new applicability verdict set
(irace-automl, kdd2019-hall, pmc7071725; benchmarks/data/applicability_gold_s17.tsv) and on the
known leftovers of the older gold (papermage's data source). Each test asserts on real PDFs, or on
pages generated with pymupdf, as cases of the general rule:

* a data set of people's finances (credit-card, loan, bank customers' records) is personal data,
  as criminal histories are: a paper that models one is asked about personal information;
* a data-protection law named as a law, with no word of data, people or their handling beside its
  own name (a footnote listing what regulation requires), is no statement on the paper's data;
* a system said to run as a whole for its users ("a fully-functional AutoML system") is software;
* a footnoted repository that holds the paper's "supplementary material" is the authors' own link;
* the LLM-report reading of data sources (only training data count) is for LLM reports: a toolkit
  that talks of language models names its own data, and a model trained on data named by its shape
  ("trained on S2-VL data") names its source.
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


# --- financial records of people are personal data ------------------------------------------------

def test_kdd_credit_card_data_is_personal():
    a = _a("kdd2019-hall.pdf", True)
    t = a.profile["personal_data"]
    assert t.value, t.reason
    assert any("credit card dataset" in e.text for e in t.evidence), [e.text for e in t.evidence]
    # the topic is asked, and the GDPR named in a footnote on explanation laws does not answer it
    pi = a.topics["data.personal_info"]
    assert pi.status in ("missing", "vague") and pi.severity == "major", (pi.status, pi.reason)


_MODEL_PAPER = ["We train a gradient boosting classifier and explain its predictions with Shapley values.",
                "The model is trained for 200 iterations with a learning rate of 0.05 on a GPU."]


@pytest.mark.parametrize("line,personal", [
    ("We use the German credit dataset [4] to train the classifier.", True),
    ("Our experiments use a loan applicants dataset of a regional bank.", True),
    ("The features are each customer's credit limit, income and most recent bill amount.", False),  # one cue, not enough alone
    ("We use the CIFAR-10 image dataset [4] to train the classifier.", False),
])
def test_financial_records_in_other_words(tmp_path, line, personal):
    a = analysed(text_page(tmp_path / "fin.pdf", "Explaining boosted trees", _MODEL_PAPER + [line]))
    assert bool(a.profile["personal_data"].value) == personal, (line, a.profile["personal_data"].reason)


@pytest.mark.parametrize("line,specific", [
    ("Explanations may be required under the Fair Housing Act and the General Data Protection Regulation (GDPR).", False),
    ("All records were processed in line with the GDPR and names were removed before analysis.", True),
])
def test_a_law_named_as_a_law(tmp_path, line, specific):
    lines = ["We analyse the German credit dataset [4], the records of 1,000 bank customers.", line]
    a = analysed(text_page(tmp_path / "law.pdf", "Credit decisions explained", _MODEL_PAPER + lines))
    t = a.topics["data.personal_info"]
    quoted = [e for e in t.evidence if e.text.startswith(line[:30])]
    assert quoted, (line, t.status, [e.text for e in t.evidence])
    assert (t.status == "disclosed") == specific, (line, t.status, t.reason)


def test_neurores_data_protection_stays_disclosed():
    # "At individual level and adhering to the General Data Protection Regulation, every patient has the
    # right to get access to their personal data." speaks of the trial's data: still a statement
    t = _a("neurores-0022-4.pdf").topics["data.personal_info"]
    assert t.status == "disclosed", (t.status, t.reason)


# --- a system that runs for its users is software; its supplement's repository is its own ---------

def test_irace_automl_system_is_software_with_its_code():
    a = _a("irace-automl.pdf", True)
    assert a.profile["software"].value, a.profile["software"].reason
    code = a.topics["code.availability"]
    assert code.status == "disclosed", (code.status, code.reason)
    assert "github.com/carlosemv/irace-automl-cec2021" in code.reason
    # a released tool is asked about misuse
    assert a.topics["risk.misuse"].status == "missing" and a.topics["risk.misuse"].severity == "major"


@pytest.mark.parametrize("kind,software", [
    ("fully-functional AutoML system", True),
    ("open-source system", True),
    ("novel learning system", False),  # a system of a method is no software unless said to be
])
def test_systems_that_are_software(tmp_path, kind, software):
    lines = [f"In this work, we propose ParTune, a {kind} for tabular data.",
             "It tunes scikit-learn pipelines of classifiers and regressors on benchmark datasets.",
             f"We describe how we built this {kind} for practitioners in Section 3."]
    a = analysed(text_page(tmp_path / "sys.pdf", "ParTune: tuning tabular pipelines", lines))
    assert bool(a.profile["software"].value) == software, (kind, a.profile["software"].reason)


# --- data sources of a paper that is no LLM report --------------------------------------------------

def test_papermage_names_its_training_data():
    a = _a("papermage.pdf")
    assert not a.profile["llm"].value
    t = a.topics["data.sources"]
    assert t.status == "disclosed", (t.status, t.reason)
    assert any("S2-VL" in e.text for e in t.evidence), [e.text for e in t.evidence]


def test_llm_report_keeps_its_strict_reading():
    # an LLM report's data named only for evaluation is still not its training data (moonlight: vague
    # on the sentence that defers its pretraining data to another report)
    t = _a("moonlight-main.pdf").topics["data.sources"]
    assert t.status == "vague", (t.status, t.reason)


@pytest.mark.parametrize("line,named", [
    ("The tagger was trained on CoNLL-2003 data with a learning rate of 0.01.", True),
    ("We finetuned the encoder on the S2-VL training set.", True),
    ("The tagger was trained on four GPUs for ten hours.", False),
])
def test_trained_on_named_data(tmp_path, line, named):
    lines = ["We present a toolkit for tagging documents and evaluate its predictors.", line]
    a = analysed(text_page(tmp_path / "tag.pdf", "A tagging toolkit", lines))
    t = a.topics["data.sources"]
    assert any(e.text.startswith(line[:30]) and t.status == "disclosed" for e in t.evidence) == named, (
        line, t.status, [e.text for e in t.evidence])
