"""The evidence-relevance judgement (#13): the shipped model, its training, and the kinds of
failure it is there to catch, measured on the held-out (blind) papers' labelled sentences.

The labelled sentences are real candidates the lexicons retrieved from corpus PDFs
(tests/data/relevance/labels, one file per paper, with page and quote); the split of papers into
training and blind halves was fixed before any training (tests/data/relevance/split.tsv).
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

import jupyter_review as jr
from jupyter_review.nlp import relevance as rel
from tests.conftest import ROOT, analysed, corpus_pdf, need_corpus, paper

REL = ROOT / "tests" / "data" / "relevance"


@pytest.fixture(scope="module")
def model():
    m = rel.load_model()
    assert m is not None, "the package ships no relevance model (jupyter_review/nlp/data/relevance)"
    return m


@pytest.fixture(scope="module")
def blind_rows():
    split = rel.read_split(REL / "split.tsv")
    rows = [r for r in rel.read_labels(REL / "labels") if split.get(r["paper"]) == "blind"]
    assert len({r["paper"] for r in rows}) >= 15
    return rows


def test_shipped_model_loads_offline_and_knows_every_topic(model, monkeypatch):
    import socket

    import yaml

    def no_network(*a, **k):  # the model must not need a download
        raise OSError("network use during relevance scoring")

    monkeypatch.setattr(socket.socket, "connect", no_network)
    rel.load_model.cache_clear()
    m = rel.load_model()
    assert m is not None and m.path == rel.MODEL_DIR
    topics = yaml.safe_load((ROOT / "jupyter_review" / "checklist" / "data" / "topics.yaml").read_text())["topics"]
    labelled = {r["topic"] for r in rel.read_labels(REL / "labels")}
    assert all(m.knows(t) == (t in labelled) for t in topics)  # a topic without labels: lexicons alone
    assert len(labelled & set(topics)) >= 30
    assert 0.0 < m.threshold_status <= m.threshold < 1.0
    (j,) = m.score([rel.relevance_words("code.availability", "Our code is available at https://github.com/x/y.")])
    assert 0.0 <= j.on_topic <= 1.0 and 0.0 <= j.specific <= 1.0
    size = sum(f.stat().st_size for f in rel.MODEL_DIR.rglob("*") if f.is_file())
    assert size < 5_000_000  # small enough to ship in the package


def test_training_from_the_repository_reproduces_the_shipped_figures(tmp_path, model):
    meta = rel.train(ROOT, tmp_path / "m", log=lambda *a: None)
    shipped = model.meta
    assert meta["train_papers"] == shipped["train_papers"], "the labels changed since the model was trained"
    assert abs(meta["threshold"] - shipped["threshold"]) <= 0.03
    assert abs(meta["threshold_status"] - shipped["threshold_status"]) <= 0.03
    for k in ("on_precision", "on_recall"):
        assert abs(meta["cross_validated"][k] - shipped["cross_validated"][k]) <= 0.02, k
    # the same design (context feature groups, neighbour weight, L2) and the same weights: the
    # training is deterministic (no randomness in the steps), so a retrain matches to rounding
    for k in ("features", "neighbour_weight", "l2"):
        assert meta[k] == shipped[k], k
    import numpy as np

    mine, theirs = rel.Linear.load(tmp_path / "m"), rel.Linear.load(rel.MODEL_DIR)
    assert np.abs(mine.w_on - theirs.w_on).max() < 1e-4 and np.abs(mine.w_spec - theirs.w_spec).max() < 1e-4
    # and the blind papers never took part in training
    split = rel.read_split(REL / "split.tsv")
    assert not any(split.get(p) == "blind" for p in meta["train_papers"])
    rel.load_model.cache_clear()


def test_the_fit_to_the_optimum_reaches_it_whatever_the_order_of_the_rows():
    """``steps=0`` (benchmarks/relevance_oof.py --steps 0) minimises the training objective: on real
    labelled rows of training papers its objective is below the shipped early-stopped fit's, its
    gradient vanishes, and shuffling the rows leaves the weights as they were (to rounding)."""
    import numpy as np

    split = rel.read_split(REL / "split.tsv")
    papers = sorted(p for p, s in split.items() if s == "train")[:8]
    rows = rel.read_labels(REL / "labels", papers)
    assert len(rows) > 300
    ids = [rel._ids(rel._row_words(r)) for r in rows]
    y = np.array([r["label"] != "off" for r in rows], dtype=float)
    l2 = rel.L2

    def objective_and_gradient(w):
        z = np.array([w[0] + w[1:][i] @ v for i, v in ids])
        p = 1 / (1 + np.exp(-z))
        g = np.zeros_like(w)
        g[0] = (p - y).mean()
        for (i, v), e in zip(ids, p - y):
            g[1:][i] += e * v / len(ids)
        g[1:] += l2 * w[1:]
        return np.mean(np.logaddexp(0, z) - y * z) + 0.5 * l2 * (w[1:] @ w[1:]), g

    best = rel._fit_one(ids, y, l2, steps=0)
    early = rel._fit_one(ids, y, l2, steps=rel.STEPS)
    f_best, g_best = objective_and_gradient(best)
    f_early, _ = objective_and_gradient(early)
    assert f_best < f_early - 0.01
    assert np.linalg.norm(g_best) <= l2 * 1e-3
    order = np.argsort([r["text"][::-1] for r in rows], kind="stable")
    again = rel._fit_one([ids[i] for i in order], y[order], l2, steps=0)
    assert np.abs(again - best).max() < 1e-4


def test_judgement_generalises_to_the_blind_papers(model, blind_rows):
    scored = list(zip(blind_rows, model.score(rel._row_words(r) for r in blind_rows)))
    on = [j.on_topic for r, j in scored if r["label"] != "off"]
    # every candidate here was retrieved by the lexicons, so the lexicons alone keep all of them
    kept_on = sum(p >= model.threshold_status for p in on) / len(on)
    shown_prec = sum(1 for r, j in scored if j.on_topic >= model.threshold and r["label"] != "off") / max(
        sum(1 for _, j in scored if j.on_topic >= model.threshold), 1)
    base = len(on) / len(scored)
    assert kept_on >= 0.85, kept_on  # a statement about the topic still counts for its status
    assert shown_prec >= base + 0.15, (shown_prec, base)  # what is shown first is clearly better than retrieval


# kinds of failure named in issue #13, recognised by the labeller's reason for "off"
KINDS = {
    "keyword in another sense": r"another sense|, not |other sense|different sense",
    "other papers' work": r"prior work|related work|other (?:paper|work)s?|previous work|cited",
    "lines of math": r"math|equation|formula|notation",
    "figure and table labels": r"figure|axis|caption|table fragment",
    "reference-list entries": r"reference|bibliograph",
    "headline scores": r"result|score|headline|performance",
}


@pytest.mark.parametrize("kind", list(KINDS))
def test_each_failure_kind_is_mostly_set_apart(model, blind_rows, kind):
    cases = [r for r in blind_rows if r["label"] == "off" and re.search(KINDS[kind], r.get("reason", ""), re.I)]
    assert len(cases) >= 5, f"too few blind cases of {kind}"
    judged = model.score(rel._row_words(r) for r in cases)
    set_apart = sum(j.on_topic < model.threshold for j in judged) / len(cases)
    # the lexicons retrieved every one of them; the judgement keeps at least half out of the
    # quotes shown first (measured on the blind papers: 0.52 to 0.80 by kind)
    assert set_apart >= 0.5, (kind, round(set_apart, 2))


def test_blind_labelled_quotes_are_real_sentences_of_their_pages(blind_rows):
    import pymupdf

    corpus = need_corpus("checking labelled quotes on their pages")
    shared = corpus.parent
    files = {ln.split("\t")[0]: ln.split("\t")[1].split() for ln in (REL / "split.tsv").read_text().splitlines()[1:]}
    by_paper: dict[str, list[dict]] = {}
    for r in blind_rows:
        by_paper.setdefault(r["paper"], []).append(r)
    words_of = lambda s: set(re.findall(r"[a-z]{4,}", s.lower()))  # noqa: E731
    found = total = 0
    for p, rows in sorted(by_paper.items()):
        paths = {Path(f).name: shared / f for f in files[p]}
        docs = {n: pymupdf.open(path) for n, path in paths.items() if path.exists()}
        for r in rows[::5]:  # a sample of each paper's labels
            d = docs.get(r["file"])
            if d is None or not 1 <= r["page"] <= d.page_count:
                continue
            total += 1
            # the quote's words are on its page (line-end hyphens and math set aside)
            words = words_of(r["text"])
            page = words_of(d[r["page"] - 1].get_text().replace("-\n", ""))
            found += len(words & page) >= 0.9 * len(words)
    assert total >= 150 and found / total >= 0.9, (found, total)


def test_engine_shows_on_topic_quotes_and_keeps_doubtful_ones_as_leads(model):
    a = analysed(paper(_bundled()))
    judged = [(tid, e) for tid, t in a.topics.items() for e in t.evidence if e.relevance is not None]
    assert judged, "no evidence was judged by the relevance model"
    assert all(e.relevance >= model.threshold_status - 1e-3 for _, e in judged)
    leads = [e for t in a.topics.values() for e in t.leads]
    assert leads and all(e.relevance is not None and e.relevance < model.threshold + 1e-3 for e in leads)
    demoted = 0
    for t in a.topics.values():
        if t.status == "missing":
            assert not t.evidence  # a lead is never the proof of a status
        assert len(t.evidence) <= rel_max_evidence()
        sure = [e for e in t.evidence if e.relevance is not None and e.relevance >= model.threshold]
        if sure:
            # beside a sure statement, a doubtful one is not shown as proof: it is a lead
            assert all(e.relevance is None or e.relevance >= model.threshold for e in t.evidence), t.topic
        # a lead above the status cut (countable, but doubtful) appears only where the topic has
        # a sure statement, or where the lexicons alone took the unjudged evidence
        # (evidence carries its relevance rounded to 3 places: a lead within that rounding of the cut is
        # neither clearly above nor below it)
        up = [e for e in t.leads if e.relevance >= model.threshold_status + 5e-4]
        demoted += len(up)
        if up and t.evidence and all(e.relevance is not None for e in t.evidence):
            assert sure, t.topic
    assert demoted, "no doubtful sentence was set apart beside a sure one on the bundled paper"


def test_switching_the_judgement_off_gives_the_lexicons_alone(monkeypatch):
    monkeypatch.setenv("JUPYTER_REVIEW_RELEVANCE", "off")
    rel.load_model.cache_clear()
    try:
        a = jr.analyze(paper(_bundled()))
        assert all(e.relevance is None for t in a.topics.values() for e in t.evidence)
        assert not any(t.leads for t in a.topics.values())
    finally:
        monkeypatch.delenv("JUPYTER_REVIEW_RELEVANCE")
        rel.load_model.cache_clear()


def _bundled() -> str:
    names = sorted(p.name for p in (ROOT / "tests" / "data" / "papers").glob("*.pdf"))
    assert names
    return names[0]


def rel_max_evidence() -> int:
    from jupyter_review.checklist.engine import MAX_EVIDENCE

    return MAX_EVIDENCE


@pytest.mark.parametrize("name", ["npjmgrav-00129.pdf", "plosmed-1003873.pdf", "fimmu-2022-915001.pdf"])
def test_a_status_resting_only_on_doubtful_sentences_says_so(model, name):
    """A referee must see when a status rests only on sentences the judgement doubts (above the
    status cut, below the display cut): the reason says so; a reason with a sure quote does not."""
    a = analysed(paper(name))
    for tid, t in a.topics.items():
        judged = [e.relevance for e in t.evidence if e.relevance is not None]
        if t.status in ("missing", "not_applicable") or not judged or len(judged) < len(t.evidence):
            continue
        doubtful = all(r < model.threshold for r in judged)
        assert ("not sure" in t.reason) == doubtful, (tid, t.status, judged, t.reason)


def test_supplement_only_reason_quotes_no_doubtful_main_text_mention(model):
    """A supplement-only status does not rest on the main text's general mention. The sample's
    main text gives no data size: its "greedy decoding with a maximum of 4,096 generated tokens" is
    a generation budget, not an amount of data (nlp/sizes.py), so it is neither retrieved nor
    quoted for data size (the judgement was sure of it, 0.68, in session 10); every main-text
    sentence a supplement-only reason quotes is one the judgement is sure of, or a pointer."""
    from jupyter_review import sample

    a = jr.analyze(sample.main_pdf(), [sample.supplement_pdf()])
    size = a.topics["data.size"]
    assert size.status == "supplement_only", size.reason
    assert "says nothing about data size" in size.reason, size.reason
    assert not [e for e in size.evidence + size.leads if "generated tokens" in e.text]
    checked = 0
    for t in a.topics.values():
        if t.status != "supplement_only":
            continue
        for e in t.evidence:
            if e.role == "main" and e.relevance is not None:
                checked += 1
                assert e.relevance >= model.threshold_for(t.topic), (t.topic, e.text)
    assert checked >= 1


# -- the context features (shape of the sentence, its neighbours), on real labelled sentences ---


def _label_row(paper_name: str, start: str) -> dict:
    rows = [r for r in rel.read_labels(REL / "labels", [paper_name]) if r["text"].startswith(start)]
    assert rows, (paper_name, start)
    return rows[0]


@pytest.mark.parametrize("paper_name,start,expected", [
    # a line of math read as a sentence: mostly symbols
    ("hmm-note", "Specifically, let A", {"sh~math3"}),
    # figures with spreads: many digits
    ("bleu-simplification", "Repeating this process 1000 times", {"sh~dig3", "sh~math1"}),
    # other works cited by number, then by author and year
    ("cikm-ilham", "This approach is proven effective in sequence labeling", {"sh~brk2"}),
    ("bleu-simplification", "It has been shown useful for MT preprocessing", {"sh~ay2", "sh~brk0"}),
    # a run of names and institutions (an acknowledgement)
    ("dean-main", "This work was supported by the Lamarr-Institute", {"sh~names"}),
    # a fragment of a figure or formula: very short, no sentence end
    ("isometry-pursuit", "U\u2225 (25) p=1", {"sh~len0", "sh~noend", "sh~dig3"}),
    # plain prose: none of the above
    ("cikm-ilham", "To develop training data, we collected question-answer pairs", {"sh~dig0", "sh~math0", "sh~brk0", "sh~ay0"}),
])
def test_sentence_shape_features_on_real_sentences(model, paper_name, start, expected):
    r = _label_row(paper_name, start)
    assert "shape" in rel.FEATURES and model.meta["features"] == sorted(rel.FEATURES)
    shape = set(rel.context_words(r["topic"], r["text"], groups=frozenset({"shape"})))
    assert expected <= shape, (expected - shape, sorted(shape))
    if "sh~names" not in expected:
        assert "sh~names" not in shape
    # the model's input carries them, in training and in the engine alike
    assert expected <= set(rel._row_words(r))


@pytest.mark.parametrize("paper_name,start,kind,top", [
    # a data topic's keyword in a sentence about runtime: what was "obtained" is a measurement of compute
    ("dean-main", "The runtime measurements were obtained", "compute", "compute"),
    # a data topic's keyword in a conclusion: what the experiments "demonstrated" is a result
    ("wsod-mapr2024", "Our experiments on the PASCAL VOC 2007 and 2012 datasets demonstrated", "result", "result"),
    # plain data collection: data is what it speaks of most
    ("cikm-ilham", "To develop training data, we collected question-answer pairs", "data", "data"),
])
def test_what_the_sentence_speaks_of_is_a_feature_marked_with_topic_and_family(model, paper_name, start, kind, top):
    r = _label_row(paper_name, start)
    assert "subj" in rel.FEATURES and "subj" in model.meta["features"]
    tp = r["topic"].replace(".", "").replace("_", "")
    fam = r["topic"].split(".")[0]
    words = set(rel._row_words(r))
    assert {f"sj~{kind}", f"sj{tp}~{kind}", f"sjf{fam}~{kind}", f"sd{tp}~{top}"} <= words
    # the kinds come from the sentence's own words: a sentence with none of the kinds' words has none
    assert rel.subject_words(r["topic"], "Yes.") == [f"sj{tp}~none", f"sjf{fam}~none"]


@pytest.mark.parametrize("paper_name,start", [
    ("cikm-ilham", "To develop training data, we collected question-answer pairs"),
    ("cikm-ilham", "For our experiments, we employed 10-cross-validation"),
    ("dean-main", "This work was supported by the Lamarr-Institute"),
])
def test_neighbouring_sentences_are_read_weakly_and_marked_with_the_topic(model, paper_name, start):
    r = _label_row(paper_name, start)
    assert r["prev"] and r["next"]
    full = rel._row_words(r)
    words = [w for w in full if isinstance(w, str)]  # the word vectors' dense (name, value) pairs aside
    tp = r["topic"].replace(".", "").replace("_", "")
    prev = {w for w in words if w.startswith(f"pv~{tp}~")}
    nxt = {w for w in words if w.startswith(f"nx~{tp}~")}
    assert prev and nxt
    assert {w.split("~")[-1] for w in prev} <= {w.lower() for w in re.findall(r"[A-Za-z]+", r["prev"])}
    # a neighbour's word weighs NEIGHBOUR_WEIGHT, the sentence's own words 1
    ids, vals = rel._ids(words)
    import numpy as np

    own_only = rel._ids([w for w in words if not w.startswith(("pv~", "nx~"))])[0]
    weak = ~np.isin(ids, own_only)
    assert weak.any() and np.allclose(vals[weak], rel.NEIGHBOUR_WEIGHT) and np.allclose(vals[~weak], 1.0)
    # and they move the judgement only a little: the same sentence without them is judged close
    alone = dict(r, prev="", next="")
    (a,), (b,) = model.score([full]), model.score([rel._row_words(alone)])
    assert abs(a.on_topic - b.on_topic) < 0.35


def test_the_engine_gives_the_judgement_the_same_neighbours_as_the_labelled_candidates(monkeypatch):
    """Training reads each labelled sentence's neighbours as the candidates' dump recorded them;
    the engine must pass the same ones (or the shipped weights read other input than they learned)."""
    corpus = need_corpus("the engine's neighbours of labelled sentences")
    seen: dict[tuple[str, str], tuple[str, str]] = {}
    real = rel.candidate_words

    def spy(topic, text, note="", section_kind="", role="main", kind="sentence", why="", section="", prev="", nxt=""):
        seen[(topic, " ".join(text.split()))] = (prev, nxt)
        return real(topic, text, note, section_kind, role, kind, why, section, prev, nxt)

    monkeypatch.setattr(rel, "candidate_words", spy)
    jr.analyze(str(corpus.parent / "texbench" / "pdfs" / "cikm-ilham.pdf"))
    rows = [r for r in rel.read_labels(REL / "labels", ["cikm-ilham"]) if r["kind"] == "sentence" and not r.get("note")]
    # a candidate that only an ambiguous wording found, now without the cue it needs (detectors.yaml
    # `cued`, session 19), is retrieved no more: its neighbours are not asked for
    from jupyter_review.checklist.engine import detectors

    def lost_to_a_cue(r):
        det = detectors()[r["topic"]]
        t, low = r["text"], r["text"].lower()
        if any(p is not None and p.search(t, low) for p in (det.specific, det.vague, det.mention)):
            return False
        return any(c.words.search(t, low) and not c.finds(t, low) for c in det.cued)

    rows = [r for r in rows if not lost_to_a_cue(r)]
    found = [(r, seen[(r["topic"], r["text"])]) for r in rows if (r["topic"], r["text"]) in seen]
    assert len(found) >= 0.8 * len(rows), (len(found), len(rows))
    same = sum(1 for r, (p, n) in found if (p, n) == (r.get("prev", ""), r.get("next", "")))
    assert same >= 0.95 * len(found), (same, len(found))


def test_supplement_only_reason_sets_apart_main_text_mentions_below_the_display_cut(model, monkeypatch):
    """The mechanism of the test above, independent of where one sentence's score falls: with the
    display cut above every judged main-text mention of a supplement-only topic, the reason quotes
    none of them and keeps them as leads."""
    from jupyter_review import sample

    used = rel.load_model()  # the object the engine reads (other tests clear the cache)
    # above every judged main-text mention of the sample's supplement-only topics (the highest is
    # about 0.94; the sample's generation budget, 0.68, is no data-size candidate any more)
    monkeypatch.setattr(used, "threshold", 0.99)
    monkeypatch.setattr(used, "meta", dict(used.meta, topic_thresholds={}))
    a = jr.analyze(sample.main_pdf(), [sample.supplement_pdf()])
    checked = 0
    for t in a.topics.values():
        if t.status != "supplement_only" or "does not clearly address" not in t.reason:
            continue
        checked += 1
        assert not [e for e in t.evidence if e.role == "main"], t.topic
        assert "\u201c" not in t.reason.split(";")[0], t.reason
        assert any(e.role == "main" for e in t.leads), t.topic
    assert checked >= 1


def test_the_blind_split_is_what_its_rule_gives_though_gold_of_other_kinds_was_added():
    """split.tsv was chosen once, by a seeded rule, before any labelling: running the rule again
    (with every gold folder added since: code, statements, cross-checks, tables ...) must give the
    same papers, so the blind set cannot drift."""
    import subprocess
    import sys

    need_corpus("the texbench papers beside the corpus")
    out = subprocess.run([sys.executable, str(ROOT / "scripts" / "relevance_split.py"), "--check"],
                         capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stdout + out.stderr
    assert "57 papers, 20 blind" in out.stdout



def _topic_hits(name: str) -> tuple[object, dict]:
    """The analysis of a corpus paper and the judged hits of each topic behind its statuses."""
    from jupyter_review.checklist import engine

    stash: dict = {}
    orig = engine._finish

    def grab(analysis, results, collected, has_supp, main_units=None):
        stash["args"] = (analysis, dict(results), collected, has_supp, main_units)
        return orig(analysis, results, collected, has_supp, main_units)

    if name.startswith("texbench:"):  # a texbench paper, beside the corpus in ../shared
        path = need_corpus(name).parent / "texbench" / "pdfs" / name.split(":", 1)[1]
    else:
        path = corpus_pdf(name)
    engine._finish = grab
    try:
        a = jr.analyze(str(path))
    finally:
        engine._finish = orig
    return a, stash["args"]


def test_the_status_benchmarks_redecide_the_shipped_statuses_from_the_judged_hits(model):
    """status_oof.py and status_flips.py re-run the status decision on captured judged hits; with
    the shipped knobs that must give the analysis's own statuses (session 15: a new argument of
    ``_finish`` had broken the capture, and the out-of-fold status figures could not be run)."""
    import sys

    sys.path.insert(0, str(ROOT / "benchmarks"))
    import status_flips

    a, args = _topic_hits("papermage.pdf")
    again = status_flips.decide(args, {})
    assert {t: r.status for t, r in again.items()} == {t: r.status for t, r in a.topics.items()}


@pytest.mark.parametrize("name,topic,start", [
    # a user story: "model-generated" in another sense than synthetic training data
    ("papermage.pdf", "data.synthetic", "Lucy runs her QA system"),
    # a method sentence read for limitations ("restricted to just categories ...")
    ("papermage.pdf", "risk.limitations", "For a more apples-to-apples comparison"),
])
def test_a_doubtful_keyword_only_sentence_is_a_lead_where_mentions_must_be_surer(model, name, topic, start):
    """The knob VAGUE_MENTION_NEEDS (shipped at the status cut: see its comment for why) sets how
    sure a sentence tied to a topic by its keyword alone must be to make the topic vague; above
    the sentence's judgement, the sentence is a lead and no evidence (#13: "a keyword in another
    sense is no statement")."""
    import sys

    from jupyter_review.checklist import engine

    sys.path.insert(0, str(ROOT / "benchmarks"))
    import status_flips

    a, args = _topic_hits(name)
    hits = args[2]
    mine = [h for h in hits[topic] if " ".join(h.unit.text.split()).startswith(start)]
    assert mine, f"{start!r} is no longer retrieved for {topic}"
    h = mine[0]
    assert h.on and not h.sure and h.why == "mention" and h.p_on < 0.6, (h.why, h.p_on)
    shipped = a.topics[topic]
    assert shipped.status == "vague" and any(e.text.startswith(start) for e in shipped.evidence)
    r = status_flips.decide(args, {"VAGUE_MENTION_NEEDS": 0.6})[topic]
    assert r.status != "vague"
    assert not any(e.text.startswith(start) for e in r.evidence)
    assert any(" ".join(e.text.split()).startswith(start) for e in r.leads)
    assert engine.VAGUE_MENTION_NEEDS == "on"


@pytest.mark.parametrize("name,topic,start", [
    # a vague curation statement the judgement is sure of, tied by the keyword only (gold: vague)
    ("qwen3.pdf", "data.curation", "The dataset construction involves a rigorous two-phase filtering"),
])
def test_a_sure_keyword_only_sentence_makes_the_topic_vague_either_way(model, name, topic, start):
    import sys

    sys.path.insert(0, str(ROOT / "benchmarks"))
    import status_flips

    a, args = _topic_hits(name)
    for r in (a.topics[topic], status_flips.decide(args, {"VAGUE_MENTION_NEEDS": 0.6})[topic]):
        assert r.status == "vague"
        assert any(" ".join(e.text.split()).startswith(start) for e in r.evidence)


@pytest.mark.parametrize("name,topic,start,vague", [
    # (deepseek-moe's "We find that different ratios ... do not significantly impact the performance"
    # was the first case here; since session 16 "not significantly" before a verb of effect is no
    # variance keyword at all, so it is no hit to be a lead: tests/test_vague_s16.py)
    # a finding that concedes what is still untested: a vague statement of limitations
    ("deepseek-v3.2-exp.pdf", "risk.limitations", "Although our internal evaluations show promising results", True),
    # a tuning paper read as a referee after the change: results sentences read for data curation
    # ("... added, we achieve the best classification performance") and for variance ("we can see
    # that our model learns ... even with large intra-class variance"); the paper says nothing of either
    # (lowshot's "With both batch-normalization and feature penalty" for data.curation was a case here:
    # since session 19 "normalization" retrieves for curation only beside what is curated (detectors.yaml
    # `cued`), so it is no hit at all: tests/test_cued_wordings.py)
    ("texbench:lowshot-iccv2017.pdf", "eval.variance", "As shown in Table 2, we can see that our model", False),
])
def test_a_keyword_only_sentence_reporting_a_finding_makes_no_vague_status(model, name, topic, start, vague):
    """A results sentence tied to the topic by its keyword alone (#13's "results sentence" kind)
    is a lead, not the evidence of a vague status; one that concedes something still counts."""
    from jupyter_review.checklist import engine

    a, args = _topic_hits(name)
    mine = [h for h in args[2][topic] if " ".join(h.unit.text.split()).startswith(start)]
    assert mine and mine[0].why == "mention", f"{start!r} is no longer a keyword-only hit of {topic}"
    assert engine._REPORTS_FINDING.search(mine[0].unit.text)
    r = a.topics[topic]
    shown = any(" ".join(e.text.split()).startswith(start) for e in r.evidence)
    assert (r.status == "vague" and shown) == vague, (r.status, shown)
    if not vague:
        assert any(" ".join(e.text.split()).startswith(start) for e in r.leads)


def test_the_shipped_word_vectors_are_rebuilt_identically(tmp_path):
    """``jupyter-review build-wordvec`` is deterministic: the vectors learned again from the same
    PDFs (every corpus and texbench PDF but the blind relevance papers') are the shipped ones."""
    import numpy as np

    from jupyter_review.nlp import wordvec

    shared = need_corpus("rebuilding the word vectors").parent
    if not (shared / "texbench" / "pdfs").is_dir():
        pytest.skip("needs texbench beside the corpus")
    pdfs = wordvec.corpus_pdfs(shared, ROOT / "tests" / "data" / "relevance" / "split.tsv")
    blind = [n for n in ("deepseek-v2.pdf", "yellowfin.pdf", "s2orc-acl2020.pdf")]
    assert not any(p.name in blind for p in pdfs), "a blind paper's text would reach the vectors"
    wordvec.save(wordvec.build(pdfs, log=lambda *a: None), tmp_path / "v.npz")
    with np.load(tmp_path / "v.npz") as mine, np.load(wordvec.VEC_PATH) as shipped:
        assert str(mine["words"]) == str(shipped["words"])
        assert np.array_equal(mine["vectors"], shipped["vectors"])


@pytest.mark.parametrize("word, kin", [("license", "licenses"), ("gpu", "gpus"), ("toxins", "targeted"),
                                       ("consent", "informed"), ("github", "com")])
def test_word_vectors_put_words_used_alike_together(word, kin):
    """The vectors are learned from the papers' text alone: a word's kin by use (an inflection,
    the word it is used with) is among its 10 nearest words out of some 6,000."""
    import numpy as np

    from jupyter_review.nlp import wordvec

    index, v = wordvec.load()
    words = sorted(index, key=index.get)
    sims = v @ v[index[word]]
    near = [words[i] for i in np.argsort(-sims)[1:11]]
    assert kin in near, near
