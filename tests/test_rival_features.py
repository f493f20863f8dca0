"""Another topic's statement (#13, session 22's census: half the off-topic quotes shown): a sentence
labelled off for the topic it was shown for and on topic for another topic of the same paper. The
judgement's ``rivlex*`` / ``rivcmp`` feature groups (nlp/relevance.py, :func:`rival_words`) give it the
other topics whose lexicons match the same sentence; these tests check that mechanism on real
labelled sentences of the relevance-training papers (never the blind ones)."""

from __future__ import annotations

import collections
from pathlib import Path

import pytest

from jupyter_review.nlp import relevance as rel

ROOT = Path(__file__).resolve().parents[1]
REL = ROOT / "tests" / "data" / "relevance"

# (label folder, paper, topic it was shown or retrieved for, topic it is about, start of the sentence),
# each pair labelled by hand in the folder (off for the first topic, on topic for the second)
CASES = [
    ("labels", "wsod-mapr2024", "data.size", "compute.resources", "The implementation was run on Google Colab"),
    ("labels", "wsod-mapr2024", "eval.protocol", "model.hyperparameters", "For detection, we evaluate using"),
    ("labels", "ri-iclr2026", "data.size", "eval.variance", "We provide metrics on all models on SimpleQA"),
    ("labels", "sd2-acl", "code.availability", "data.sources", "We evaluate on the Github_medium split"),
    ("labels", "stockmixer-main", "eval.baselines", "model.ablations", "Table 3: Ablation study over three"),
    ("labels", "scaling-ptp", "eval.protocol", "model.hyperparameters", "We use a teacher sampling temperature"),
    ("labels", "qwen3", "code.availability", "data.synthetic", "We also generate synthetic data"),
    ("shown_s22", "clse-main", "data.sources", "data.availability", "How will the dataset will be distributed"),
]


def _row(folder: str, paper: str, topic: str, start: str) -> dict:
    rows = [r for r in rel.read_labels(REL / folder, [paper])
            if r["topic"] == topic and " ".join(r["text"].split()).startswith(start)]
    assert rows, (folder, paper, topic, start)
    return rows[0]


def _flat(r: dict) -> str:
    return " ".join(rel.with_links(r["text"], r.get("note", "")).split())[:600]


@pytest.mark.parametrize("folder,paper,shown,about,start", CASES, ids=[f"{c[1]}:{c[2]}->{c[3]}" for c in CASES])
def test_another_topics_statement_carries_that_topic_as_a_rival(monkeypatch, folder, paper, shown, about, start):
    assert rel.read_split(REL / "split.tsv")[paper] == "train"
    off, on = _row(folder, paper, shown, start), _row(folder, paper, about, start)
    assert off["label"] == "off" and on["label"] in ("specific", "vague")
    # the lexicon of the topic the sentence is about matches it: the judgement of the shown topic
    # reads that rival, by topic and by family, crossed with its own family
    found = dict(rel.lexicon_topics(_flat(off)))
    assert about in found
    monkeypatch.setattr(rel, "FEATURES", frozenset({"rivlexf", "rivcmp"}))
    words = rel.rival_words(shown, rel.with_links(off["text"], off.get("note", "")))
    fam, rfam = shown.split(".")[0], about.split(".")[0]
    rt = about.replace(".", "").replace("_", "")
    assert f"rvf{fam}~{rt}" in words and f"rvf{fam}~{rfam}{found[about]}" in words
    assert not any(w.endswith("~" + shown.replace(".", "").replace("_", "")) for w in words), "own topic is no rival"
    # and the same sentence judged for the topic it is about names the shown one only if that
    # topic's lexicon matches too
    back = rel.rival_words(about, rel.with_links(on["text"], on.get("note", "")))
    srt = shown.replace(".", "").replace("_", "")
    assert (f"rvf{rfam}~{srt}" in back) == (shown in found)


def test_the_topic_a_misplaced_sentence_is_about_is_mostly_among_its_lexicon_rivals():
    """Over every labelled pair of the training papers (labels/, shown_s22/): a sentence off for one
    topic and on for another; the second topic's lexicon matches the sentence in most of them (254 of
    271 when written), so the rival features see the topic it is about."""
    split = rel.read_split(REL / "split.tsv")
    hit = n = 0
    for folder in ("labels", "shown_s22"):
        by: dict[tuple[str, str], dict[str, dict]] = collections.defaultdict(dict)
        for r in rel.read_labels(REL / folder):
            if split.get(r["paper"]) == "train":
                by[(r["paper"], " ".join(r["text"].split()))][r["topic"]] = r
        for d in by.values():
            for ra in d.values():
                for b, rb in d.items():
                    if ra["label"] == "off" and rb["label"] != "off":
                        n += 1
                        hit += b in dict(rel.lexicon_topics(_flat(ra)))
    assert n >= 200 and hit / n >= 0.9, (hit, n)


def test_rival_features_are_off_unless_asked(monkeypatch):
    """The groups are read only when :data:`FEATURES` names them (the shipped model's metadata says
    which): with none of them, a candidate's input has no rival token."""
    r = _row(*CASES[0][:3], CASES[0][4])
    monkeypatch.setattr(rel, "FEATURES", rel.FEATURES - {"rivlex", "rivlexf", "rivlext", "rivcmp"})
    words = rel._row_words(r)
    assert not any(isinstance(w, str) and w.startswith(("rv", "rvf", "rvc")) for w in words)
