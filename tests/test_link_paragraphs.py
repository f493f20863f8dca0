"""A link cut at a separator at the end of a line is no paragraph end (#15 item 2: links never split).

A datasheet answer set apart from its question ("As a CSV file retrievable from https://clse." on one
line, "page.link/data." on the next, a few points to the left) was two paragraphs, so the link came
out as two sentences and the evidence quote showed "https://clse.". The opposite kind guards the
rule: a whole link that ends a paragraph (a DOI ending in digits, a table's DOI) is followed by a new
paragraph that may open with a number, and the two must stay apart.
"""
from __future__ import annotations

from functools import lru_cache

import pytest

from tests.conftest import corpus_pdf
from jupyter_review.ingest import load_document


@lru_cache(maxsize=None)
def _sentences(name: str) -> tuple[tuple[int, str], ...]:
    doc = load_document(str(corpus_pdf(name)))
    return tuple((s.page, " ".join(s.text.split())) for s in doc.sentences)


@pytest.mark.parametrize(
    "name, page, words",
    [
        ("clse-datasheet.pdf", 3, "As a CSV file retrievable from https://clse.page.link/data."),
        ("clse-datasheet.pdf", 4, "it will be communicated at https://clse.page.link/data."),
    ],
)
def test_link_cut_at_a_dot_joins_the_next_paragraph(name, page, words):
    sents = _sentences(name)
    assert any(p == page and words in t for p, t in sents), [t for p, t in sents if p == page and "clse" in t]
    assert not any(t == "page.link/data." for _, t in sents)


@pytest.mark.parametrize(
    "name, page, ends, opens",
    [
        # a DOI ending in digits, then a numbered reference
        ("fimmu-2022-915001.pdf", 9, "doi: 10.1159/000179322", "Rodriguez-Iturbe B, Pons H, Johnson RJ."),
        # a table's DOI, then running text that opens with a year
        ("plosmed-1003873.pdf", 8, "journal.pmed.1003873.t001", "2013 WHO Director-General"),
    ],
)
def test_a_whole_link_may_end_a_paragraph(name, page, ends, opens):
    sents = _sentences(name)
    assert any(p == page and t.endswith(ends) for p, t in sents)
    assert any(p == page and (t.startswith(opens) or (" " + opens) in t) for p, t in sents)
    assert not any(ends in t and opens in t for _, t in sents)
