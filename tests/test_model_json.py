"""Document model <-> JSON: exact round trips on real papers, schema version checks."""

from __future__ import annotations

import json

import pytest

import jupyter_review
from jupyter_review import errors
from jupyter_review.ingest import load_document
from jupyter_review.model import SCHEMA_VERSION, Document
from tests.conftest import PAIR, corpus_pdf, edge_pdf, pair_pdf


@pytest.fixture(scope="module")
def paper_and_supplement() -> Document:
    return load_document(pair_pdf(PAIR[0]), [pair_pdf(PAIR[1])])


def test_document_round_trips_exactly(paper_and_supplement: Document) -> None:
    doc = paper_and_supplement
    text = doc.to_json()
    back = Document.from_json(text)
    assert back == doc
    # and again: the JSON is stable
    assert back.to_json() == text
    data = json.loads(text)
    assert data["schema_version"] == SCHEMA_VERSION
    # boxes come back as tuples (hashable, comparable), not lists
    assert isinstance(back.sentences[0].bbox, tuple)
    assert isinstance(back.pages[0].blocks[0].lines[0].bbox, tuple)


@pytest.mark.parametrize("name", ["plosmed-1003873.pdf", "janus-pro.pdf", "deepseek-v2.pdf", "plosone-0319315.pdf"])
def test_round_trip_on_more_papers(name: str) -> None:
    doc = load_document(corpus_pdf(name))
    back = Document.from_json(doc.to_json())
    assert back == doc
    assert back.sections == doc.sections and back.captions == doc.captions and back.raw_tables == doc.raw_tables


def test_round_trip_keeps_rotation_encryption_and_warnings(tmp_path) -> None:
    doc = jupyter_review.load(edge_pdf("encrypted-user-password.pdf"), passwords={"encrypted-user-password.pdf": "referee"})
    assert doc.files[0].encrypted
    back = Document.from_json(doc.to_json())
    assert back == doc and back.files[0].encrypted
    rot = load_document(edge_pdf("rotated-pages.pdf"))
    back = Document.from_json(rot.to_json())
    assert [p.rotation for p in back.pages] == [0, 90, 180]


def test_json_is_plain_and_untrusted_text_stays_literal() -> None:
    doc = load_document(edge_pdf("markup-in-text.pdf"))
    text = doc.to_json()
    data = json.loads(text)
    assert "<img src=x onerror=alert(1)>" in data["texts"][0]
    assert Document.from_dict(data) == doc


def test_unknown_major_schema_is_refused(paper_and_supplement: Document) -> None:
    data = paper_and_supplement.to_dict()
    data["schema_version"] = "99.0"
    with pytest.raises(errors.SchemaError, match="99.0"):
        Document.from_dict(data)
    # a newer minor version with an extra field still loads (forward-compatible reading)
    data = paper_and_supplement.to_dict()
    data["schema_version"] = SCHEMA_VERSION.split(".")[0] + ".9"
    data["some_future_field"] = [1, 2]
    assert Document.from_dict(data).files == paper_and_supplement.files


def test_analysis_json_contract(paper_and_supplement: Document) -> None:
    a = jupyter_review.analyze(pair_pdf(PAIR[0]), [pair_pdf(PAIR[1])])
    data = json.loads(a.to_json())
    assert data["schema_version"]
    for key in ("documents", "sections", "claims", "data_statements", "tables", "cross_checks"):
        assert isinstance(data[key], list), key
    assert isinstance(data["topics"], dict)
    assert [d["role"] for d in data["documents"]] == ["main", "supplement"]
    assert [d["pages"] for d in data["documents"]] == [9, 6]  # fimmu-2022-915001, npjmgrav-00129
    assert all(len(d["sha256"]) == 64 for d in data["documents"])
    assert all(s["page"] >= 1 for s in data["sections"])
    assert {s["doc"] for s in data["sections"]} == {0, 1}
    full = json.loads(a.to_json(include_document=True))
    assert Document.from_dict(full["document"]) == a.document


def test_page_links_round_trip_and_older_json_without_them_still_loads() -> None:
    """BEAD's datasheet lays its Hugging Face URL over the words 'Huggingface Link' (p.1)."""
    import json

    doc = load_document(corpus_pdf("bead-datasheet.pdf"))
    p1 = doc.pages[0]
    assert "https://huggingface.co/datasets/shainar/BEAD" in {ln.uri for ln in p1.links}
    assert Document.from_json(doc.to_json()) == doc
    data = json.loads(doc.to_json())
    for page in data["pages"]:
        del page["links"]  # a document saved before pages had links
    old = Document.from_json(json.dumps(data))
    assert all(p.links == [] for p in old.pages) and old.sentences == doc.sentences


def test_links_read_off_mupdfs_list_match_pymupdfs_get_links() -> None:
    """The fast link reader gives the same web links, in order, as ``Page.get_links()``."""
    import pymupdf

    from jupyter_review.ingest.pdf import _link_chain

    seen = 0
    for name in ("bead-datasheet.pdf", "deepseek-v2.pdf", "qwen3.pdf"):
        with pymupdf.open(str(corpus_pdf(name))) as d:
            for pg in d:
                slow = [(ln["uri"], tuple(ln["from"])) for ln in pg.get_links() if ln.get("kind") == pymupdf.LINK_URI]
                fast = [(u, r) for u, r in _link_chain(pg) if not u.startswith("#") and pymupdf.mupdf.fz_is_external_link(u)]
                assert fast == slow, (name, pg.number)
                seen += len(slow)
    assert seen > 20
