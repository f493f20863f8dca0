"""Two kinds read on tuning papers, on real pages (the expectations are their hand golds).

1. A paper that releases no data of its own and runs on others' public datasets, named only by
   their citations, leaves data availability vague ("available from its source", no link), not
   missing; the citing sentence is the quote.  A language-model report's data are its own and
   are never read this way.
2. Misuse is a major gap only where the paper puts something in others' hands (weights, data, a
   tool): a method paper that releases only its research code has a minor one."""

from __future__ import annotations

import pytest

from tests.conftest import analysed, corpus_pdf


def _pair(stem: str):
    main = corpus_pdf(f"{stem}.pdf")
    supp = main.with_name(stem.removesuffix("-main") + "-supplement.pdf")
    return analysed(main, [supp] if supp.is_file() else [])


@pytest.mark.parametrize(("stem", "quote"), [
    # p.5: "NASDAQ and NYSE (Feng et al. 2019) filter transaction records ..." (author-year, in the sentence)
    ("stockmixer-main", "(Feng et al. 2019)"),
    # p.9: "ADBench recommends 121 datasets ..." cites nothing; the name is cited where the paper
    # introduces it: "the protocol outlined in the survey paper ADBench [21]"
    ("dean-main", "ADBench [21]"),
])
def test_others_datasets_named_by_citation_leave_availability_vague(stem, quote):
    a = _pair(stem)
    t = a.topics["data.availability"]
    assert not a.profile["dataset"].value and not a.profile["llm"].value
    assert t.status == "vague", t.reason
    assert any(quote in e.text and e.role == "main" for e in t.evidence), [e.text for e in t.evidence]
    assert "no link" in t.reason


@pytest.mark.parametrize("stem", ["moba", "qwen3"])
def test_language_model_reports_data_are_not_read_as_cited_public_data(stem):
    """An LLM report names public benchmarks with citations too; its training data are its own."""
    a = _pair(stem)
    assert a.profile["llm"].value
    t = a.topics["data.availability"]
    assert "named by their citations" not in t.reason


@pytest.mark.parametrize(("stem", "severity"), [
    ("stockmixer-main", "minor"),  # code only (p.1), no weights
    ("dean-main", "minor"),  # code only (p.3), no weights
    ("longeval-eacl2023", "major"),  # releases its software and judgments
])
def test_misuse_is_major_only_where_something_usable_is_released(stem, severity):
    t = _pair(stem).topics["risk.misuse"]
    assert t.status == "missing", t.reason
    assert t.severity == severity, t.reason


@pytest.mark.parametrize("answer", [
    # p.1: "Who funded the creation of the dataset? If there is an associated grant, please provide
    # the name of the grantor and the grant name and number." then, in the answer's serif font:
    "Google Assistant NLP Team.",
    # p.1: "Are there multiple types of instances (e.g., ...)? Please provide a description."
    "Entities of semantic types detailed in Appendix A.",
])
def test_a_form_answer_after_a_question_with_its_request_is_text_not_a_heading(answer):
    a = analysed(corpus_pdf("clse-datasheet.pdf"))
    assert sum(s.text == answer for s in a.document.sentences) >= 1
    assert not any(p.kind == "heading" and p.text == answer for p in a.document.paragraphs)


def test_the_answer_to_a_forms_funding_question_names_the_funder():
    """clse-datasheet p.1 (its hand gold in tests/data/gold/topics/clse-main.yaml: the datasheet
    names the funder, Google Assistant NLP Team)."""
    t = analysed(corpus_pdf("clse-datasheet.pdf")).topics["accountability.funding"]
    assert t.status == "disclosed", t.reason
    assert t.evidence[0].text == "Google Assistant NLP Team." and t.evidence[0].page == 1
