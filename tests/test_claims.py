"""Claims extracted from real corpus papers (facts read off the PDFs with pymupdf)."""

from __future__ import annotations

import functools

import pytest

from jupyter_review.extract.claims import extract_claims
from jupyter_review.pipeline import load
from tests.conftest import corpus_pdf


@functools.lru_cache(maxsize=8)
def _claims(name: str):
    doc = load(corpus_pdf(name))
    return doc, extract_claims(doc)


def _find(claims, prefix: str):
    hits = [c for c in claims if c.text.startswith(prefix) or prefix in c.text]
    assert hits, f"no claim containing {prefix!r}"
    return hits[0]


def test_deepseek_v2_abstract_superiority_with_quantities():
    doc, claims = _claims("deepseek-v2.pdf")
    c = _find(claims, "Compared with DeepSeek 67B, DeepSeek-V2 achieves significantly stronger performance")
    assert c.location == "abstract" and c.page == 1 and c.doc == 0
    assert c.kind == "superiority" and "quantitative" in c.kinds
    values = {q.value for q in c.quantities}
    assert {42.5, 93.3, 5.76} <= values
    assert not c.hedged
    assert c.bbox[2] > c.bbox[0] and c.boxes


def test_abstract_and_conclusion_claims_come_first():
    _, claims = _claims("deepseek-v2.pdf")
    locs = [c.location for c in claims if c.doc == 0]
    first_other = next(i for i, loc in enumerate(locs) if loc not in ("abstract", "conclusion"))
    assert set(locs[:first_other]) == {"abstract", "conclusion"}
    assert all(loc not in ("abstract", "conclusion") for loc in locs[first_other:])
    # the conclusion heading is "Conclusion, Limitation, and Future Work" on p. 21
    concl = _find(claims, "In this paper, we introduce DeepSeek-V2, a large MoE language model")
    assert concl.location == "conclusion" and concl.page == 21 and concl.kind == "contribution"


def test_limitations_and_plans_are_not_claims():
    _, claims = _claims("deepseek-v2.pdf")
    texts = " ".join(c.text for c in claims)
    assert "our model may exhibit limited proficiency in other languages" not in texts
    assert "The goal of our next step is to achieve performance on par with GPT-4" not in texts


def test_minimax_abstract_without_heading_and_novelty():
    # MiniMax-M1 prints its abstract under the title with no "Abstract" heading
    _, claims = _claims("minimax-m1.pdf")
    c = _find(claims, "We introduce MiniMax-M1, the world’s first open-weight, large-scale hybrid-attention reasoning model")
    assert c.location == "abstract" and c.page == 1
    assert "novelty" in c.kinds and "contribution" in c.kinds
    q = _find(claims, "Notably, MiniMax-M1-80k achieves 86.0% on AIME 2024")
    assert any(x.value == 86.0 and x.unit == "%" and x.benchmark == "AIME 2024" and x.system == "MiniMax-M1-80k" for x in q.quantities)


def test_stockmixer_conclusion_quantitative_superiority():
    _, claims = _claims("stockmixer-main.pdf")
    c = _find(claims, "we show that StockMixer outperforms all popular benchmarks")
    assert c.location == "conclusion" and c.page == 7
    assert c.kind == "superiority" and "quantitative" in c.kinds
    assert [q.value for q in c.quantities if q.unit == "%"] == [7.6, 10.8, 10.9]
    assert any(cue.lower().startswith("outperform") for cue in c.cues)


def test_hedged_claim_multi_lexsum():
    _, claims = _claims("multi-lexsum.pdf")
    c = _find(claims, "Performance might not generalize to under-represented cases")
    assert c.hedged and "generalisation" in c.kinds and c.page == 10


def test_no_claims_from_references():
    doc, claims = _claims("stockmixer-main.pdf")
    ref_sections = {i for i, s in enumerate(doc.sections) if s.kind == "references"}
    assert ref_sections
    assert all(doc.sentences[c.sentence].section not in ref_sections for c in claims)


@pytest.mark.parametrize("name", ["janus-pro.pdf", "medheval-main.pdf"])
def test_claim_fields_serialise(name):
    from jupyter_review.model.analysis import Analysis

    doc, claims = _claims(name)
    data = Analysis(document=doc, claims=claims).to_dict()
    assert data["claims"] and {"text", "kind", "hedged", "doc", "page", "bbox", "quantities"} <= set(data["claims"][0])
