"""Issue 15, session 15: kinds of wrong status found on tuning papers of the applicability gold
(benchmarks/data/applicability_gold.tsv, the new tune half: bead-datasheet, deepseek-v3.2-exp,
janus-pro, paraphrase-aaai2022; old tune papers toxins and texbench scaling-ptp). Each test asserts
on real PDFs (or pages generated with pymupdf) as cases of the general rule:

* a datasheet's generic answers are vague statements, not nothing and not the specifics: the
  dataset's named maintainer or point of contact (responsibility: who fixes it, not who answers
  for harms), noise admitted in some instances (limitations), a denial of privacy concerns beside
  "handled with utmost care" (personal information) -- as the fresh2 topic gold reads BEAD;
* the limits of the subject matter or of others' work, cited or set against something else in a
  concessive opener, are not the paper's limitations ("one of the main limitations of targeted
  toxins ... [13]", "While surgery is limited to accessible tumors, ...");
* a link to a checkpoint the paper cites as another's is no release of its own weights
  (scaling-ptp's TinyLlama link); the paper's own checkpoint link still is (deepseek-v3.2-exp);
* another method's official code the paper used is no code statement ("We use the official code
  for LoRA.").
"""

from __future__ import annotations

from functools import cache

import pytest

from tests.conftest import analysed, corpus_pdf, need_corpus, text_page


def _texbench(name: str):
    return need_corpus("a texbench paper").parent / "texbench" / "pdfs" / name


@cache
def _a(rel: str):
    path = _texbench(rel[9:]) if rel.startswith("texbench/") else corpus_pdf(rel)
    return analysed(path)


def _page(tmp_path, name: str, title: str, lines: list[str]):
    return text_page(tmp_path / name, title, lines)


# --- a datasheet's answers are statements --------------------------------------------------

@pytest.mark.parametrize("tid,page,start", [
    # (two answers speak of it; since the form's answers are judged with their questions (wt21f) the
    # surer one is shown and p. 7's 'No, there are not any privacy or security concerns involved.'
    # is a lead beside it)
    ("data.personal_info", 8, "The dataset may include sensitive information"),
    ("accountability.responsibility", 7, "The dataset is maintained by Shaina Raza."),
    ("risk.limitations", 3, "However, due to the complex nature of language"),
])
def test_datasheet_answers_are_vague_statements(tid, page, start):
    t = _a("bead-datasheet.pdf").topics[tid]
    assert t.status == "vague", (tid, t.status, t.reason)
    assert any(e.page == page and e.text.startswith(start) for e in t.evidence), [e.text for e in t.evidence]


_DATASHEET = [
    "Dataset for the FOO corpus. This dataset is released for research on parsing of news text.",
    "The dataset is distributed under the CC BY 4.0 license on https://huggingface.co/datasets/x/foo.",
    "We collected 10,000 news articles from public websites in 2021 and annotated them.",
]


@pytest.mark.parametrize("line,tid", [
    ("The corpus is maintained by the Language Data Group at the University of Foo.", "accountability.responsibility"),
    ("Is there a point of contact? Please contact Jane Doe at jane.doe@foo.edu for any questions.",
     "accountability.responsibility"),
    ("Some documents may still contain errors or inaccuracies despite our checks.", "risk.limitations"),
])
def test_datasheet_answers_in_other_words(tmp_path, line, tid):
    a = analysed(_page(tmp_path, "foo-datasheet.pdf", "FOO: a news corpus (datasheet)", _DATASHEET + [line]))
    t = a.topics[tid]
    assert t.status == "vague", (tid, t.status, t.reason)
    assert any(e.text.startswith(line.split("?")[-1].strip()[:30]) for e in t.evidence)


def test_without_the_answers_the_gaps_stand(tmp_path):
    a = analysed(_page(tmp_path, "foo-datasheet.pdf", "FOO: a news corpus (datasheet)", _DATASHEET))
    for tid in ("accountability.responsibility", "risk.limitations"):
        assert a.topics[tid].status == "missing", (tid, a.topics[tid].status)


# --- others' limitations are not the paper's ------------------------------------------------

@pytest.mark.parametrize("sentence", [
    # toxins-8070200 p. 2 and p. 16 (a narrative review: limits of the treatments it reviews)
    "This is one of the main limitations of targeted toxins and results in the decrease of their efficacy [13].",
    "While surgery is limited to accessible tumors and in most cases is not suitable for metastasized cancer,",
])
def test_the_subjects_limits_are_no_limitation_statement(sentence):
    t = _a("toxins-8070200.pdf").topics["risk.limitations"]
    assert t.status in ("missing", "vague"), t.status  # fresh6 gold: the review's own limits are never stated
    assert not any(e.text.startswith(sentence[:60]) for e in t.evidence)


@pytest.mark.parametrize("line,own", [
    ("While our method is limited to English text, it transfers to other domains.", True),
    ("Whereas our corpus is limited to news text, the parser itself is general.", True),
    ("While surgery is limited to accessible tumors, chemotherapy has side effects.", False),
    ("The main limitations of current parsers are their speed and memory (Smith et al., 2020).", False),
])
def test_own_limits_against_others(tmp_path, line, own):
    lines = ["We propose a parser for news text and evaluate it on two corpora.", line]
    a = analysed(_page(tmp_path, "lim.pdf", "A parser for news text", lines))
    t = a.topics["risk.limitations"]
    quoted = any(e.text.startswith(line[:40]) for e in t.evidence)
    assert quoted == own, (line, t.status, [e.text for e in t.evidence])


# --- others' checkpoints and code ---------------------------------------------------------

@pytest.mark.parametrize("rel,own,url", [
    ("texbench/scaling-ptp.pdf", False, "huggingface.co/TinyLlama/TinyLlama-1.1B-Chat-v1.0"),
    ("deepseek-v3.2-exp.pdf", True, "huggingface.co/deepseek-ai/DeepSeek-V3.2-Exp"),
])
def test_a_cited_models_checkpoint_link_is_no_release(rel, own, url):
    t = _a(rel).topics["model.weights"]
    shown = any(url in e.text for e in t.evidence)
    assert shown == own, (rel, t.status, [e.text for e in t.evidence])
    assert (t.status == "disclosed") == own


def test_others_official_code_is_no_code_statement():
    t = _a("paraphrase-aaai2022.pdf").topics["code.availability"]
    assert t.status in ("missing", "vague")  # the paper gives no code of its own
    assert not any("official code for LoRA" in e.text for e in t.evidence)


@pytest.mark.parametrize("line", [
    # bead-datasheet p. 6, the answer to the datasheet's question of the same words
    "Yes, there is a repository that links to papers and systems utilizing the dataset.",
    "Is there a repository that links to any or all papers or systems that use the dataset?",
])
def test_a_datasheets_repository_of_uses_is_no_code(tmp_path, line):
    a = analysed(_page(tmp_path, "foo-datasheet.pdf", "FOO: a news corpus (datasheet)", _DATASHEET + [line]))
    t = a.topics["code.availability"]
    assert not any(e.text.startswith(line[:40]) for e in t.evidence), (t.status, [e.text for e in t.evidence])
    assert not any(e.text.startswith("Yes, there is a repository") for e in _a("bead-datasheet.pdf").topics["code.availability"].evidence)
