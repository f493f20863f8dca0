"""The statement judgement (#13 item 5): is a data statement about this paper's data, is a claim
this paper's? The shipped model, its training, and the kinds of failure it is there to catch,
measured on the blind papers' labelled statements.

The labelled statements are real outputs of the extractors on corpus and texbench PDFs
(tests/data/statement_labels, one file per paper, with file, page, quote and the reason of the
label); the papers are split as for the relevance judgement (tests/data/relevance/split.tsv),
fixed before any training.
"""

from __future__ import annotations

import copy
import json

import pytest

from jupyter_review.checklist.engine import evaluate_topics
from jupyter_review.nlp import statement_judge as sj
from jupyter_review.nlp.relevance import read_split
from tests.conftest import ROOT, analysed, need_corpus, paper

LABELS = ROOT / "tests" / "data" / "statement_labels"
SPLIT = ROOT / "tests" / "data" / "relevance" / "split.tsv"


@pytest.fixture(scope="module")
def judge():
    j = sj.load_judge()
    assert j is not None, "the package ships no statement judgement (jupyter_review/nlp/data/statement_judge)"
    return j


@pytest.fixture(scope="module")
def blind_scored(judge):
    split = read_split(SPLIT)
    rows = [r for r in sj.read_labels(LABELS) if split.get(r["paper"]) == "blind"]
    assert len({r["paper"] for r in rows}) >= 20 and len(rows) >= 250
    return list(zip(rows, judge.p_own(sj.row_words(r) for r in rows)))


def test_labels_are_per_paper_with_quote_page_and_reason():
    split = read_split(SPLIT)
    files = sorted(LABELS.glob("*.jsonl"))
    assert {f.stem for f in files} <= set(split)
    rows = sj.read_labels(LABELS)
    assert len(rows) >= 1000
    assert len({r["paper"] for r in rows if split[r["paper"]] == "train"}) >= 20
    for r in rows:
        assert r["text"] and r["file"].endswith(".pdf") and r["page"] >= 1 and r["reason"], r
        assert r["kind"] in sj.KINDS and r["label"] in ("own", "other")


def test_shipped_judge_loads_offline(monkeypatch):
    import socket

    def no_network(*a, **k):  # the judgement must not need a download
        raise OSError("network use during statement judging")

    monkeypatch.setattr(socket.socket, "connect", no_network)
    sj.load_judge.cache_clear()
    j = sj.load_judge()
    assert j is not None and j.path == sj.MODEL_DIR
    assert set(j.thresholds) == set(sj.KINDS) and all(0.0 < t < 1.0 for t in j.thresholds.values())
    (p,) = j.p_own([sj.statement_words("claim", "We release the corpus and our code.", "conclusion")])
    assert 0.0 <= p <= 1.0
    size = sum(f.stat().st_size for f in sj.MODEL_DIR.rglob("*") if f.is_file())
    assert size < 2_000_000  # small enough to ship in the package


def test_switching_it_off_keeps_every_statement(monkeypatch):
    monkeypatch.setenv("JUPYTER_REVIEW_STATEMENT_JUDGE", "off")
    sj.load_judge.cache_clear()
    try:
        assert sj.load_judge() is None
    finally:
        monkeypatch.delenv("JUPYTER_REVIEW_STATEMENT_JUDGE")
        sj.load_judge.cache_clear()


def test_training_from_the_repository_reproduces_the_shipped_figures(tmp_path, judge):
    meta = sj.train(ROOT, tmp_path / "m", log=lambda *a: None)
    shipped = judge.meta
    assert meta["train_papers"] == shipped["train_papers"], "the labels changed since the judgement was trained"
    for k in sj.KINDS:
        assert abs(meta["thresholds"][k] - shipped["thresholds"][k]) <= 0.03, k
        for m in ("precision_after", "own_kept"):
            assert abs(meta["cross_validated"][k][m] - shipped["cross_validated"][k][m]) <= 0.02, (k, m)
        # the cut is chosen on several draws of the folds pooled, with a margin: every draw alone
        # keeps at least 0.90 of own statements (session 17; one draw at 0.90 kept 0.878-0.908)
        assert meta["oof_draws"] >= 5 and meta["keep_own"] > 0.90
        assert meta["cross_validated"][k]["own_kept_min"] >= 0.90, (k, meta["cross_validated"][k])
    split = read_split(SPLIT)
    assert not any(split.get(p) == "blind" for p in meta["train_papers"])  # the blind papers never trained it
    sj.load_judge.cache_clear()


@pytest.mark.parametrize("kind", sj.KINDS)
def test_blind_precision_rises_at_a_small_recall_cost(judge, blind_scored, kind):
    scored = [(r, p) for r, p in blind_scored if r["kind"] == kind]
    e = sj.evaluate(scored, judge.thresholds[kind])
    assert e["precision_after"] >= e["precision_before"] + 0.05, e
    assert e["own_kept"] >= 0.85, e  # the cut keeps 0.93 of own statements out of fold, 5 draws pooled


# each kind of failure, as real extracted sentences of the blind papers (the label's reason says
# which): most of them must be set apart. Publisher notices, lines of math, tables and prompts
# are; background statements are since session 16 (a general statement in the present tense
# without "we" or a citation is a trait: 4/11 -> 6/11). "Data statements" that are about no data at
# all (a batch size, a context length, a method's "bias") are not yet (11/25; 8/25 since session 17,
# whose cut keeps 0.93 of own statements out of fold), nor, since session 16, other papers' work
# (9/15 -> 7/15 -> 5/15 in session 17): those two are marked as known shortfalls
@pytest.mark.parametrize("failure", ["non_prose", "boilerplate", "background",
                                     pytest.param("other_work", marks=pytest.mark.xfail(strict=True, reason="5/15 set apart since session 17 (the cut keeps 0.93 of own statements), 7/15 in session 16, 9/15 before")),
                                     pytest.param("not_data", marks=pytest.mark.xfail(strict=True, reason="known shortfall"))])
def test_failure_kinds_on_blind_papers_are_mostly_set_apart(judge, blind_scored, failure):
    cases = [(r, p) for r, p in blind_scored if r["label"] == "other" and r.get("failure") == failure]
    assert len(cases) >= 3
    apart = [r["text"] for r, p in cases if p < judge.thresholds[r["kind"]]]
    assert len(apart) > len(cases) / 2, f"{len(apart)}/{len(cases)} set apart"


@pytest.fixture(scope="module")
def npjmgrav():
    """A blind paper, bundled with the repository: the analysis as the tool makes it."""
    return analysed(str(paper("npjmgrav-00129.pdf")))


def test_a_blind_paper_keeps_other_statements_apart_not_deleted(npjmgrav):
    an = npjmgrav
    labels = sj.read_labels(LABELS, ["npjmgrav-00129"])
    extracted = {("claim", c.text): c for c in an.claims}
    extracted.update({("data", d.text): d for d in an.data_statements})
    found = [(r, extracted[(r["kind"], r["text"])]) for r in labels if (r["kind"], r["text"]) in extracted]
    assert len(found) >= 0.8 * len(labels)  # the labels are today's real extractor outputs
    assert all(x.p_own is not None for _, x in found)
    # statements read as not this paper's are still in the analysis, flagged, never dropped
    others = [x for _, x in found if x.own is False]
    assert others, "nothing of this paper was set apart"
    # it agrees with the hand labels more often than keeping everything (the extractors alone) does
    agree = sum(1 for r, x in found if x.own == (r["label"] == "own"))
    assert agree > sum(1 for r, _ in found if r["label"] == "own")
    # and a flagged statement survives the sidecar round trip with its flag
    back = type(an).from_dict(json.loads(an.to_json(include_document=True)))
    assert [d.own for d in back.data_statements] == [d.own for d in an.data_statements]
    assert [c.p_own for c in back.claims] == [c.p_own for c in an.claims]


def test_checklist_and_cross_checks_read_only_own_statements(npjmgrav):
    # the checklist treats statements set apart exactly as if they had not been extracted
    flagged = copy.deepcopy(npjmgrav)
    for x in [*flagged.claims, *flagged.data_statements]:
        x.own = False
    absent = copy.deepcopy(npjmgrav)
    absent.claims, absent.data_statements = [], []
    a, b = evaluate_topics(flagged), evaluate_topics(absent)
    assert {t: (r.status, [e.text for e in r.evidence]) for t, r in a.items()} == \
           {t: (r.status, [e.text for e in r.evidence]) for t, r in b.items()}
    # and the cross-checks were run on the paper's own claims only
    # (a claim set apart as another's work is never checked; a prose sentence that is no claim may be,
    # for a number it restates from a cited table)
    set_apart = {c.text for c in npjmgrav.claims if not c.own} - {c.text for c in npjmgrav.claims if c.own}
    assert set_apart and not any(c.claim in set_apart for c in npjmgrav.cross_checks if c.claim)


def test_every_cross_check_of_a_results_paper_cites_an_own_claim():
    corpus = need_corpus("a results paper of the blind half")
    an = analysed(str(corpus / "janus-pro.pdf"))
    assert an.cross_checks, "janus-pro has results tables and claims about them"
    own = {c.text for c in an.claims if c.own}
    assert any(not c.own for c in an.claims)
    assert all(c.claim in own for c in an.cross_checks if c.claim)
