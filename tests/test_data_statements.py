"""Data statements from real corpus papers and supplements (facts read off the PDFs)."""

from __future__ import annotations

import functools

from jupyter_review.extract.data_statements import ASPECTS, extract_data_statements, find_dois, find_urls
from jupyter_review.pipeline import load
from tests.conftest import corpus_pdf


@functools.lru_cache(maxsize=8)
def _statements(name: str, *supplements: str):
    doc = load(corpus_pdf(name), [corpus_pdf(s) for s in supplements])
    return doc, extract_data_statements(doc)


def _find(stmts, fragment: str):
    hits = [s for s in stmts if fragment in s.text]
    assert hits, f"no data statement containing {fragment!r}"
    return hits[0]


def test_aspect_names_are_the_contract():
    assert ASPECTS == (
        "source", "size", "collection", "curation", "synthetic", "annotation", "licensing",
        "personal_info", "bias", "contamination", "availability",
    )


def test_dolma_licensing_source_collection():
    _, stmts = _statements("dolma-v0.1.pdf")
    lic = _find(stmts, "It is licensed under the AI2 ImpACT license")
    assert lic.page == 1 and "licensing" in lic.aspects and not lic.vague
    cc = _find(stmts, "We obtain data from common crawl shards from 2020-05 to 2023-06")
    assert cc.page == 3 and {"source", "collection"} <= set(cc.aspects)
    size = _find(stmts, "a 3 trillion token corpus")
    assert "size" in size.aspects and size.page == 1
    assert not any("size without a unit" in r for r in size.vague_reasons)


def test_deepseek_v2_vague_source_and_curation():
    _, stmts = _statements("deepseek-v2.pdf")
    s = _find(stmts, "high-quality data from various sources")
    assert s.page == 11 and "source" in s.aspects and "curation" in s.aspects
    assert s.vague and any("various sources" in r for r in s.vague_reasons)
    bias = _find(stmts, "to mitigate the data bias introduced from specific regional cultures")
    assert {"curation", "bias"} <= set(bias.aspects)


def test_url_and_doi_from_data_availability_statement():
    _, stmts = _statements("plosmed-1003873.pdf")
    s = _find(stmts, "A collection of the data can be found at the following link")
    assert "availability" in s.aspects and s.page == 1
    # the PDF breaks the link after "https://doi." -- it is rejoined
    assert "https://doi.org/10.13130/RD_UNIMI/EO5VNS" in s.urls
    assert s.dois == ["10.13130/RD_UNIMI/EO5VNS"]


def test_dataset_url_multi_lexsum():
    _, stmts = _statements("multi-lexsum.pdf")
    s = _find(stmts, "The dataset can be accessed at")
    assert s.urls == ["https://multilexsum.github.io"] and "availability" in s.aspects


def test_on_request_is_vague():
    _, stmts = _statements("ssmph-101285.pdf")
    s = _find(stmts, "Data will be made available on request")
    assert s.vague and "availability" in s.aspects
    assert s.vague_reasons == ["data available only on request"]


def test_statements_from_supplement_datasheet():
    doc, stmts = _statements("clse-main.pdf", "clse-datasheet.pdf")
    assert doc.files[1].role == "supplement"
    coll = _find(stmts, "collected over the years 2020 and 2021")
    assert coll.doc == 1 and coll.page == 2 and "collection" in coll.aspects
    src = _find(stmts, "retrieved from the Google Knowledge Graph API on 2022-05-18")
    assert src.doc == 1 and "source" in src.aspects
    # datasheet prompts ("If so, please describe ...") are questions, not statements
    assert not any(s.text.startswith("If so, please describe") for s in stmts)


def test_url_and_doi_helpers_on_real_sentence_text():
    doc = load(corpus_pdf("fimmu-2022-915001.pdf"))
    text = " ".join(s.text for s in doc.sentences if "Supplementary Material for this article" in s.text)
    assert text
    assert find_dois(text) == ["10.3389/fimmu.2022.915001"]
    assert any(u.startswith("https://www.frontiersin.org/articles/10.3389/fimmu.2022.915001") for u in find_urls(text))


def test_data_sets_named_in_a_set_off_list_or_by_their_archive_are_a_source():
    """texbench kmodes-init p. 8 names its data two ways the source cues missed: a list of data
    sets set off by dashes ("four well-known, categorical, labelled datasets — breast cancer,
    mushroom, nursery, and soybean (large) — will be clustered") and the archive they come from
    ("openly available under the UCI Machine Learning Repository [5]"). Both are source statements
    of the paper's own data; the same forms with brackets and other archives are too, and a list
    of methods or a capitalised word without an archive noun is not."""
    from jupyter_review.extract.data_statements import aspects_of
    from tests.conftest import need_corpus

    pdf = need_corpus("texbench kmodes-init").parent / "texbench" / "pdfs" / "kmodes-init.pdf"
    found = {s.text[:40]: s.aspects for s in extract_data_statements(load(pdf)) if s.page == 8}
    assert "source" in next(a for t, a in found.items() if "To give comparative results" in t), found
    assert "source" in next(a for t, a in found.items() if t.startswith("Each dataset is openly")), found
    forms = {
        "We cluster three data sets (zoo, votes, and lymphography) with each method.": True,
        "The images were downloaded from the Cancer Imaging Archive before training.": True,
        "We compare three baselines (k-means, spectral, and DBSCAN) on every data set.": False,
        "The data are available under the terms of the licence.": False,
    }
    got = {t: "source" in aspects_of(t)[0] for t in forms}
    assert got == forms, got
