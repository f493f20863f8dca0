"""A reported finding is no statement of intended use (#13: '"not suitable" read as intended use').

``accountability.intended_use`` reads "should not be used for", "not suitable for" as its specific form.
A paper that reports, as its finding, that some other thing is not suitable ("we show that BLEU is not
suitable for ...", "our findings suggest that BLEU should not be used ...") says nothing about what its
own release is for. The topic is marked ``findings_not_specific``: such a sentence is read as a
finding (``_reports_finding``), not as the topic's statement. Real datasheet answers that say what the
released data should not be used for stay specific.
"""

from __future__ import annotations

import pytest

from tests.conftest import analysed, corpus_pdf, need_corpus


def _texbench(name: str):
    return need_corpus("texbench").parent / "texbench" / "pdfs" / name


def _specific_use(sentence: str) -> bool:
    from jupyter_review.checklist.engine import _reports_finding, detectors

    det = detectors()["accountability.intended_use"]
    found = det.specific is not None and det.specific.search(sentence, sentence.lower()) is not None
    return found and not (det.findings_not_specific and _reports_finding(sentence))


@pytest.mark.parametrize(
    ("sentence", "specific"),
    [
        # findings about another thing (bleu-simplification pp. 1 and 5)
        ("In this paper we show that BLEU is not suitable for the evaluation of sentence splitting, "
         "the major structural simplification operation.", False),
        ("Our findings suggest that BLEU should not be used for the evaluation of TS in general and "
         "sentence splitting in particular.", False),
        # what the released data is not for (clse datasheet p. 3, multi-lexsum p. 33, messirve p. 10)
        ("The dataset should not be used to infer non-linguistic properties of entities.", True),
        ("The dataset should not be used for training models to predict the outcome of a lawsuit.", True),
        ("Finally, the dataset released should not be used for commercial purposes.", True),
        # a finding conceded in the same sentence is not a plain finding (pmc7071725 p. 8)
        ("While these findings may suggest improvements over time, our sample was not designed to assess "
         "trends.", True),
    ],
)
def test_findings_are_not_intended_uses(sentence: str, specific: bool) -> None:
    assert _specific_use(sentence) is specific


def test_bleu_finding_is_no_evidence_of_intended_use() -> None:
    """On the real paper, the finding sentences no longer make the topic disclosed nor stand as its proof."""
    res = analysed(_texbench("bleu-simplification.pdf"))
    topic = res.topics["accountability.intended_use"]
    assert topic.status != "disclosed"
    quoted = " ".join(e.text for e in topic.evidence)
    assert "BLEU is not suitable" not in quoted
    assert "should not be used" not in quoted


@pytest.mark.parametrize(("paper", "snippet"), [
    ("multi-lexsum.pdf", "should not be used for training models to predict the outcome"),
    ("clse-datasheet.pdf", "should not be used to infer nonlinguistic"),
])
def test_datasheet_uses_stay_evidence(paper: str, snippet: str) -> None:
    """The same wording in a datasheet's answer about the released data still counts."""
    res = analysed(corpus_pdf(paper))
    topic = res.topics["accountability.intended_use"]
    assert topic.status == "disclosed"
    assert any(snippet in " ".join(e.text.split()) for e in topic.evidence)
