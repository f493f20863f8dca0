"""List bullets open sentences; a checklist item's answer after a dash stays with its item.

A block that sets a list's items one after another ("... comes from - Yes \u2022 If an algorithm ...")
was cut by punctuation alone: an item's answer opened the next item's sentence ("Yes \u2022 This paper
specifies ..."), and two items shared a sentence. Every bullet now opens a sentence, and a
sentence never starts with an answer word that follows a dash ("... introduced? - Yes").
"""
from __future__ import annotations

import re

import pytest

from jupyter_review.nlp.pipeline import split_sentences
from jupyter_review.pipeline import load
from tests.conftest import corpus_pdf

BULLET_IN = re.compile(r"\s[\u2022\u25aa\u25cf\u2023\u25e6]\s")


def _split(text: str) -> list[str]:
    return [text[a:b] for a, b in next(iter(split_sentences([text])))]


def test_real_checklist_page_items_are_sentences():
    res = load(corpus_pdf("medheval-main.pdf"))
    doc = getattr(res, "document", res)
    page9 = [" ".join(s.text.split()) for s in doc.sentences if s.page == 9 and s.doc == 0]
    items = [t for t in page9 if t.startswith("\u2022")]
    assert len(items) >= 12, page9
    for t in page9:
        assert not BULLET_IN.search(t), t  # no two items in one sentence
        assert not re.match(r"^-?\s*(?:Yes|No|NA)\b", t), t  # no answer opening a sentence
    answered = [t for t in items if re.search(r"[-\u2013]\s*(?:Yes|No|NA)\.?$", t)]
    assert len(answered) >= 10, items


@pytest.mark.parametrize("text,want", [
    # a list set in one paragraph: one sentence per item
    ("Our contributions: \u2022 We propose a method. \u2022 We release a dataset of 10k pairs.",
     ["Our contributions:", "\u2022 We propose a method.", "\u2022 We release a dataset of 10k pairs."]),
    # a checklist item answered after a dash, then the next item
    ("\u2022 This paper states the number of runs used. - Yes \u2022 Code is in an appendix? -Yes",
     ["\u2022 This paper states the number of runs used. - Yes", "\u2022 Code is in an appendix? -Yes"]),
    # prose with a dash stays as it was split before
    ("We compare two settings - with and without warm-up. No gain is seen.",
     ["We compare two settings - with and without warm-up.", "No gain is seen."]),
])
def test_bullets_and_dash_answers(text, want):
    assert [s.strip() for s in _split(text)] == want
