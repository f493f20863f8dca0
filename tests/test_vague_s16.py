"""Issue 13, session 16 (wt23d): `vague` and `disclosed` calls resting on the wrong sentence, fixed as kinds
found out of fold on the training papers (`benchmarks/status_oof.py --diag`) and at a referee read of
hmm-note (texbench). Every case is a real sentence of a real PDF (training papers only), read by the
detector as the engine reads it, and the paper's status where the kind decides it:

* an amount of data is specific in all its written forms: a lower-case multiplier and a word between
  number and unit ("929k train tokens", "2M train tokens"); a length, a batch or a retrieval cut-off
  with the same unit is still none;
* "repositories" in the sense of code repositories mined as the data source ("constructed from ...
  open-sourced, permissively licensed repositories", "Repository cloned on ...") is no deposit of data;
  a repository where data can be had still is;
* a sentence that reports a finding names its metric as the measure of the finding, not as the
  evaluation protocol or how training was done: no disclosure (it reads as a bare mention);
* "not significantly" before a verb of effect ("do not significantly impact the performance") is the
  informal sense, no report of variance; "not significantly different / associated" still is one;
* a hub named as the maker of a software library ("the HuggingFace Tokenizer tools") is no place of
  data, and an IRB exemption alone is no statement on personal data (data-statement aspects);
* the limitations of others' work the paper answers ("these benchmarks ... still encounter several
  limitations") are not the paper's.
"""

from __future__ import annotations

from functools import cache

import pytest

from jupyter_review.checklist import engine
from jupyter_review.extract.data_statements import aspects_of
from tests.conftest import analysed, corpus_pdf, need_corpus


def _texbench(name: str):
    return need_corpus("texbench").parent / "texbench" / "pdfs" / f"{name}.pdf"


@cache
def _a(name: str):
    if name in ("hmm-note", "lowshot-iccv2017"):
        return analysed(_texbench(name))
    return analysed(corpus_pdf(f"{name}.pdf"))


def _sentence(name: str, start: str) -> str:
    """The paper's own sentence (as the reader split it) that begins with ``start``."""
    for s in _a(name).document.sentences:
        t = " ".join(s.text.split())
        if t.startswith(start):
            return t
    raise AssertionError((name, start))


def _reads(tid: str, text: str) -> str:
    """How the topic's detector reads a sentence: specific, vague, mention or none."""
    u = engine._Unit(text=text, doc=0, page=1, bbox=(0, 0, 0, 0), section_kind="other", section_title="", role="main")
    h = engine._match_text(engine.detectors()[tid], u)
    if h is None:
        return "none"
    return {engine.SPECIFIC: "specific", engine.VAGUE: "vague", engine.MENTION: "mention"}[h.strength]


def _quoted(name: str, tid: str) -> list[str]:
    return [" ".join(e.text.split()) for e in _a(name).topics[tid].evidence]


# --- amounts of data in all their written forms ------------------------------------------------

@pytest.mark.parametrize("name,start,amount", [
    # a lower-case k and a word between the number and its unit
    ("hmm-note", "Datasets We evaluate on the PENN TREEBANK", "929k train tokens"),
])
def test_an_amount_with_a_qualifier_or_lower_case_multiplier_is_a_data_size(name, start, amount):
    text = _sentence(name, start)
    assert amount in text
    assert _reads("data.size", text) == "specific", text
    t = _a(name).topics["data.size"]
    assert t.status == "disclosed", (t.status, t.reason)
    assert any(amount in q for q in _quoted(name, "data.size"))


@pytest.mark.parametrize("name,start", [
    # the same units measuring something else stay no size of data
    ("deepseek-moe", "For tokenization, we utilize the HuggingFace Tokenizer"),  # "a smaller subset": no amount
])
def test_units_without_an_amount_of_data_stay_no_size(name, start):
    assert _reads("data.size", _sentence(name, start)) != "specific"


@pytest.mark.parametrize("name,start", [
    # "top" names a cut-off only right before the number, not a metric earlier in the clause
    ("lowshot-iccv2017", "For ImageNet benchmark evaluation, we test the top-1 accuracy on the validation set"),
])
def test_a_metric_named_top_1_leaves_the_amount_a_size(name, start):
    assert _reads("data.size", _sentence(name, start)) == "specific"


@pytest.mark.parametrize("text", [
    "We use a context length of 4096 training tokens.",
    "Each batch of 512 training examples is drawn at random.",
    "We keep the top 5 retrieved documents for each query.",
    "The model sees 8 in-context examples per prompt.",
])
def test_a_length_batch_or_cut_off_with_a_qualifier_is_no_size(text):
    # generated sentences of the other kinds that share the unit (the real ones above and in
    # test_checklist_real.py are the main cases)
    assert _reads("data.size", text) != "specific", text


# --- "repository" in the sense of a code repository mined as a source ------------------------------

@pytest.mark.parametrize("name,start,reads", [
    ("deepseek-coder-v2", "This dataset is constructed from a diverse set of real-world", "none"),
    ("dolma-v0.1", "Repository cloned on", "none"),
    # a repository where the data can be had is still availability
    ("multi-lexsum", "Currently, the multi_lexsum.py file can be retrieved from", "specific"),
    ("medheval-main", "For IU-Xray, the images can be downloaded via the link", "specific"),
])
def test_a_mined_code_repository_is_no_deposit(name, start, reads):
    assert _reads("data.availability", _sentence(name, start)) == reads


def test_deepseek_coder_data_availability_rests_on_no_mined_repository():
    t = _a("deepseek-coder-v2").topics["data.availability"]
    assert not any(q.startswith("This dataset is constructed from") for q in _quoted("deepseek-coder-v2", "data.availability"))
    assert t.status != "vague" or t.evidence, (t.status, t.reason)


# --- a finding is no method description --------------------------------------------------------

@pytest.mark.parametrize("name,tid,start,reads", [
    ("hmm-note", "eval.protocol", "In the bottom of Table 3, we find that models with uniform", "mention"),
    ("stockmixer-main", "eval.protocol", "The experimental results show our proposed StockMixer outperforms", "mention"),
    ("deepseek-v3.2-exp", "model.training", "Experimental results demonstrate that models trained on the distilled", "mention"),
    # a sentence that says how the evaluation was run stays specific
    ("deepseek-moe", "eval.protocol", "For language modeling, we evaluate the models on the test set of Pile", "specific"),
])
def test_a_finding_names_its_metric_not_the_protocol(name, tid, start, reads):
    assert _reads(tid, _sentence(name, start)) == reads


def test_hmm_note_protocol_does_not_rest_on_a_results_sentence():
    t = _a("hmm-note").topics["eval.protocol"]
    assert not any("we find that models with uniform constraints" in q for q in _quoted("hmm-note", "eval.protocol")), t.reason


# --- "not significantly" in its informal sense ----------------------------------------------------

@pytest.mark.parametrize("name,start,counts", [
    ("deepseek-moe", "We find that different ratios of the shared experts", False),
    ("chi2024-avatars", "Videos in other conditions were not significantly different (all", True),
    ("fimmu-2022-915001", "However, in vaccinated HCWs, hypertension was not significantly associated", True),
])
def test_not_significantly_before_a_verb_of_effect_is_no_variance_report(name, start, counts):
    assert (_reads("eval.variance", _sentence(name, start)) != "none") == counts


# --- the sense of a hub or a review board in a data statement ------------------------------------

@pytest.mark.parametrize("name,start,aspect,has", [
    ("deepseek-moe", "For tokenization, we utilize the HuggingFace Tokenizer", "availability", False),
    ("longeval-eacl2023", "All experiments involving human evaluation in this paper were exempt", "personal_info", False),
    ("multi-lexsum", "Currently, the multi_lexsum.py file can be retrieved from", "availability", True),
])
def test_a_library_maker_or_a_review_board_is_no_data_aspect(name, start, aspect, has):
    assert (aspect in aspects_of(_sentence(name, start))[0]) == has


# --- others' limitations --------------------------------------------------------------------------

@pytest.mark.parametrize("name,start,reads", [
    ("medheval-main", "Although these benchmarks have created datasets", "none"),
    # the paper's own shortcoming stays a statement, and one placed ("but with limitations in
    # multiple-choice tasks") gives the specifics (the fresh2 gold reads it disclosed)
    ("deepseek-moe", "Consistent with the findings from DeepSeekMoE 16B", "specific"),
])
def test_limitations_of_others_work_are_not_the_papers(name, start, reads):
    assert _reads("risk.limitations", _sentence(name, start)) == reads
