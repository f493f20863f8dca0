"""Another topic's statement (session 22, #13): a sentence two topics' lexicons retrieve is judged once
per topic; where another topic reads it more surely, it is shown after this topic's own statements,
and it still counts for the status. Real training papers of the corpus, the shipped judgement."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
SPLIT = ROOT / "tests" / "data" / "relevance" / "split.tsv"


def _files(name: str) -> list[Path]:
    for line in SPLIT.read_text(encoding="utf-8").splitlines()[1:]:
        n, files, set_, _ = line.split("\t")
        if n == name:
            assert set_ == "train"  # never a blind paper
            return [SHARED / f for f in files.split()]
    raise KeyError(name)


def _analyse(name: str, weight: float, monkeypatch) -> dict:
    import jupyter_review as jr
    from jupyter_review.checklist import engine

    paths = _files(name)
    if not all(p.exists() for p in paths):
        pytest.skip("corpus not available")
    monkeypatch.setattr(engine, "RIVAL_WEIGHT", weight)
    an = jr.analyze(str(paths[0]), [str(p) for p in paths[1:]])
    return {tid: (r.status, [" ".join(e.text.split()) for e in r.evidence if e.doc >= 0]) for tid, r in an.topics.items()}


# (paper, topic, the start of a sentence another topic reads more surely, a sentence of the topic's own
# that must come before it)
CASES = [
    # a corpus's origin (data sources) quoted for the evaluation protocol
    ("bleu-simplification", "eval.protocol", "This corpus enriches the set of references",
     "G and M are measured using a 1 to 5 scale."),
    # the baselines' optimiser and learning rate (hyperparameters) quoted for the training procedure
    ("hmm-note", "model.training", "For both baseline models we use AdamW",
     "The FF model was trained for 100 epochs"),
]


@pytest.mark.parametrize("name,topic,rival,own", CASES, ids=[c[0] + ":" + c[1] for c in CASES])
def test_another_topics_statement_is_shown_after_the_topics_own(name, topic, rival, own, monkeypatch):
    before = _analyse(name, 0.0, monkeypatch)[topic]
    after = _analyse(name, 0.5, monkeypatch)[topic]
    assert before[0] == after[0]  # the status is the same: the sentence still counts

    def rank(quotes: list[str], start: str) -> int:
        return next((i for i, q in enumerate(quotes) if q.startswith(start)), len(quotes))

    # without the mechanism the rival sentence is among the three quotes shown; with it, it moves down,
    # after the topic's own statement
    assert rank(before[1], rival) < 3
    assert rank(after[1], rival) > rank(before[1], rival)
    assert rank(after[1], own) < rank(after[1], rival)


@pytest.mark.parametrize("name", ["bleu-simplification", "hmm-note", "moead-gecco19", "mmpl-kdd"])
def test_lowering_another_topics_statement_changes_no_status(name, monkeypatch):
    before = _analyse(name, 0.0, monkeypatch)
    after = _analyse(name, 0.5, monkeypatch)
    assert {t: s for t, (s, _) in before.items()} == {t: s for t, (s, _) in after.items()}
