"""Main text versus supplement, on real papers cut in two with pymupdf.

A corpus paper whose appendix is inside its PDF is split at several pages into a main file and a
supplement file (generated here). Every topic that the whole paper discloses only on the pages
moved to the supplement must come out ``supplement_only``, with the supplement's quote (and its
page in the supplement file). A main-text pointer to the supplement ("... are detailed in
Appendix B") added to the main file is shown beside the supplement's quote and named in the
reason: the referee sees both."""

from __future__ import annotations

import re
import unicodedata
from functools import cache
from pathlib import Path

import pymupdf
import pytest

import jupyter_review as jr
from tests.conftest import analysed, corpus_pdf

# (paper, first page of the part moved to the supplement): appendix starts, the references'
# start (the appendix and the back matter move) and a page inside the appendix
SPLITS = [
    ("longeval-eacl2023.pdf", 10),
    ("multi-lexsum.pdf", 16),
    ("multi-lexsum.pdf", 20),
    ("multi-lexsum.pdf", 10),
]


@cache
def _whole(name: str):
    return analysed(corpus_pdf(name))


def _split(src: Path, first_moved: int, out: Path, pointer: str | None = None) -> tuple[Path, Path]:
    main, supp = out / f"{src.stem}-main.pdf", out / f"{src.stem}-supplement.pdf"
    with pymupdf.open(src) as doc:
        m = pymupdf.open()
        m.insert_pdf(doc, from_page=0, to_page=first_moved - 2)
        if pointer:  # a page after the first one that points to the supplement for the details
            w, h = m[0].rect.width, m[0].rect.height
            page = m.new_page(pno=1, width=w, height=h)
            page.insert_textbox(pymupdf.Rect(72, 90, w - 72, 300), pointer, fontsize=10)
        m.save(main)
        s = pymupdf.open()
        s.insert_pdf(doc, from_page=first_moved - 1, to_page=len(doc) - 1)
        s.save(supp)
    return main, supp


def _norm(text: str) -> str:
    return re.sub(r"[-\u00ad]\s*", "", " ".join(unicodedata.normalize("NFKC", text).split()).lower())


def _printed(pdf: Path, page: int, text: str) -> bool:
    with pymupdf.open(pdf) as doc:
        return _norm(text.rstrip(".")[:60]) in _norm(doc[page - 1].get_text())


def _moved(name: str, first_moved: int) -> list[str]:
    """Topics the whole paper discloses with every quote on a moved page, and no sentence on an
    earlier page that still counts for the status (a doubtful one, set apart as a lead beside the
    sure quotes, counts: it would stay in the main text)."""
    from jupyter_review.nlp.relevance import load_model

    model = load_model()
    cut = model.threshold_status if model is not None else 2.0

    def counts_before(r) -> bool:
        return any(e.page < first_moved and e.relevance is not None and e.relevance >= cut for e in r.leads)

    return [tid for tid, r in _whole(name).topics.items()
            if r.status == "disclosed" and r.evidence and all(e.page >= first_moved for e in r.evidence)
            and not counts_before(r)]


@pytest.mark.parametrize("name,first_moved", SPLITS, ids=lambda x: str(x))
def test_moved_content_is_supplement_only(name: str, first_moved: int, tmp_path: Path) -> None:
    moved = _moved(name, first_moved)
    assert moved, "the split moves no disclosure: choose another split point"
    main, supp = _split(corpus_pdf(name), first_moved, tmp_path)
    cut = jr.analyze(main, [supp])
    wrong = {tid: cut.topics[tid].status for tid in moved if cut.topics[tid].status != "supplement_only"}
    assert not wrong, wrong
    for tid in moved:
        r = cut.topics[tid]
        quotes = [e for e in r.evidence if e.role == "supplement"]
        assert quotes and quotes[0].file == supp.name, tid
        assert _printed(supp, quotes[0].page, quotes[0].text), (tid, quotes[0].page, quotes[0].text)
        assert "supplement" in r.reason


# a pointer of each form the mechanism reads, for a topic the split moves
POINTERS = [
    ("multi-lexsum.pdf", 16, "data.licensing",
     "Licensing. The licences under which the released data and summaries are distributed are detailed in Appendix B."),
    ("multi-lexsum.pdf", 16, "accountability.intended_use",
     "Uses. The intended uses of the dataset are described in the supplementary material."),
    ("longeval-eacl2023.pdf", 10, "accountability.funding",
     "Acknowledgements. The funding of this work is given in the Appendix."),
]


@pytest.mark.parametrize("name,first_moved,topic,pointer", POINTERS, ids=lambda x: str(x)[:30])
def test_main_text_pointer_and_supplement_content_give_both_quotes(name: str, first_moved: int, topic: str,
                                                                   pointer: str, tmp_path: Path) -> None:
    assert topic in _moved(name, first_moved)
    main, supp = _split(corpus_pdf(name), first_moved, tmp_path, pointer=pointer)
    r = jr.analyze(main, [supp]).topics[topic]
    assert r.status == "supplement_only", r.reason
    mains = [e for e in r.evidence if e.role == "main"]
    supps = [e for e in r.evidence if e.role == "supplement"]
    assert supps and _printed(supp, supps[0].page, supps[0].text)
    assert mains and mains[0].page == 2 and _norm(mains[0].text)[:40] in _norm(pointer), [e.text for e in mains]
    assert _norm(mains[0].text)[:40] in _norm(r.reason)
