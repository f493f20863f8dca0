"""A ``vague`` that rests only on sentences the relevance judgement is doubtful of (above the
status cut, below the display cut), per kind of topic (#13).

* The release topics (the data, the code, the weights, the data's licence): the house's vague form
  is a wording of the topic's own - a promise to release, access on request, a release without a
  location - or a link given for something else. A bare keyword or aspect the judgement doubts is
  the keyword in another sense ("the corpora available on the web"): the topic is ``missing``, the
  sentence a lead, and the reason says the sentences found are doubtful. A doubtful promise still makes the topic vague.
* The other topics keep ``vague`` on a doubtful sentence: their vague form is a remark in passing
  (a limitation conceded, statistics not tested), which the judgement doubts as often as an
  off-topic sentence; the reason tells the referee that no sentence is sure.

Each case checks its precondition (every sentence found is doubtful), so a retrained judgement that
becomes sure of a probe fails here instead of passing without testing the kind.
"""

from __future__ import annotations

import pytest

from tests.conftest import analysed, corpus_pdf, text_page

DOUBT = "is not sure that any of"
_BODY = [
    "We propose a transformer model for question answering and evaluate it on three benchmarks.",
    "Our model is trained with AdamW for 100k steps with a learning rate of 0.0003.",
    "Results in Table 1 show consistent improvements over the baselines.",
]


def _display_cut() -> float:
    from jupyter_review.nlp.relevance import load_model

    model = load_model()
    if model is None:
        pytest.skip("no relevance model shipped")
    return model.threshold


def _probe(tmp_path, line: str):
    import jupyter_review

    return jupyter_review.analyze(str(text_page(tmp_path / "p.pdf", "A Question Answering Model", [line, *_BODY])))


def _assert_missing_with_doubtful_leads(res, cut: float) -> None:
    assert res.status == "missing", (res.status, res.reason, [(e.relevance, e.text) for e in res.evidence])
    assert not res.evidence
    assert res.leads and all(e.relevance is not None and e.relevance < cut for e in res.leads[:1])
    # the referee reads that something was found, where, and why it is no evidence
    assert "are listed as leads" in res.reason and "is not sure that any of them" in res.reason, res.reason
    assert f"{res.leads[0].page})" in res.reason or f"{res.leads[0].page}," in res.reason, res.reason


def _assert_vague_says_doubtful(res, cut: float) -> None:
    assert res.status == "vague", (res.status, res.reason)
    rels = [e.relevance for e in res.evidence]
    assert rels and all(r is not None and r < cut for r in rels), ("precondition: only doubtful sentences", rels)
    assert DOUBT in res.reason, res.reason


@pytest.mark.parametrize(
    ("topic", "line"),
    [
        # a keyword of availability / licensing in another sense: where the text came from, a promise
        # to contribute data that says nothing of its terms
        ("data.availability", "We incorporate more Chinese text, aiming to better leverage the corpora available "
                              "on the web."),
        ("data.licensing", "We will contribute our proprietary domain-specific datasets for future research and "
                           "development."),
    ],
)
def test_a_release_topic_on_a_doubtful_bare_keyword_is_missing_with_leads(tmp_path, topic: str, line: str) -> None:
    cut = _display_cut()
    res = _probe(tmp_path, line).topics[topic]
    _assert_missing_with_doubtful_leads(res, cut)
    assert " ".join(res.leads[0].text.split()) == line


@pytest.mark.parametrize(
    ("topic", "line"),
    [
        # the topic's own vague wording: a promise or a release without a location, which the judgement
        # may doubt, is still the house's vague
        ("data.availability", "The benchmark will be released upon acceptance."),
        ("code.availability", "The source code will be made publicly available upon publication."),
        ("data.availability", "The collected questions are openly available to researchers."),
    ],
)
def test_a_release_topic_keeps_vague_on_its_own_doubtful_promise(tmp_path, topic: str, line: str) -> None:
    cut = _display_cut()
    res = _probe(tmp_path, line).topics[topic]
    _assert_vague_says_doubtful(res, cut)
    assert " ".join(res.evidence[0].text.split()) == line


@pytest.mark.parametrize(
    "line",
    [
        # a limitation conceded in passing and a deferral: remarks the gold calls vague
        "One interesting point to note is that the recall rate of our method is constantly lower than other baselines.",
        "We leave this exploration as future work.",
    ],
)
def test_a_remark_in_passing_keeps_vague_on_a_doubtful_sentence(tmp_path, line: str) -> None:
    cut = _display_cut()
    res = _probe(tmp_path, line).topics["risk.limitations"]
    _assert_vague_says_doubtful(res, cut)


@pytest.mark.parametrize(
    ("paper", "topic"),
    [
        # a release claim of the topic's own wording ('will be made publicly available upon publication
        # ... with a license that allows free usage for research purposes'): vague, gold vague
        ("medheval-main.pdf", "data.licensing"),
        # a limitation conceded in passing / statistics not tested: doubtful, and vague in the gold
        ("stockmixer-main.pdf", "risk.limitations"),
        ("multi-lexsum.pdf", "reproducibility.statistics"),
    ],
)
def test_doubtful_only_vague_calls_kept_on_real_papers_by_kind(paper: str, topic: str) -> None:
    cut = _display_cut()
    res = analysed(corpus_pdf(paper)).topics[topic]
    _assert_vague_says_doubtful(res, cut)

