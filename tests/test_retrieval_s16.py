"""Issue 13, session 16 (wt23c): statements the checklist's lexicons never retrieved.

Out of fold on the training papers, most gold-`vague` and gold-`disclosed` items the tool called
`missing` had no sentence retrieved at all. Read on the page, the sentence a referee would quote
falls into kinds of wording that no pattern knew; each kind is a family of phrasings in
``checklist/data/detectors.yaml``, and each test here checks one family on the real sentences of
training papers (status gold batches), plus pages generated with pymupdf for its false friends:

* what a release is for, without who may use it ("For research purposes, we release ...", "To
  support further research, we open-source ...", "a dataset ... which can be used for benchmarking");
* harms in general words ("could cause harms or have unintended effects");
* data named as in-house or proprietary (closed, terms unsaid);
* a selection said by what is kept ("We only use the true paraphrase pairs.");
* work done during an internship at a company (support implied, no funding declared);
* training items too like the test items ("overly similar to potential validation set items");
* repeated samples or runs averaged without a spread ("we sample 10 times for each query and report
  the averaged accuracy");
* personal details named ("parse author names, affiliation, emails");
* participants drawn through an unnamed platform ("through an online recruitment platform");
* a model compared with its own variant ("compares this multitask model with its single task
  counterparts", "the same recipe but configured to swap ...").

A retrieved sentence is either evidence or, where the learned judgement doubts it, a lead: the
tests ask that the lexicons find it (retrieval), not what the judgement makes of it.
"""

from __future__ import annotations

from functools import cache

import pytest

from tests.conftest import analysed, corpus_pdf, text_page


@cache
def _a(rel: str, *supps: str):
    return analysed(corpus_pdf(rel), tuple(corpus_pdf(s) for s in supps))


def _norm(t: str) -> str:
    return " ".join(t.split()).lower()


def _retrieved(a, tid: str) -> list[str]:
    t = a.topics[tid]
    return [_norm(e.text) for e in list(t.evidence) + list(t.leads)]


# (kind, paper, topic, words of the sentence a referee would quote)
CASES = [
    ("purpose of a release", "deepseek-moe.pdf", "accountability.intended_use",
     "for research purposes, we release the model checkpoint"),
    ("purpose of a release", "kimi-linear.pdf", "accountability.intended_use",
     "to support further research, we open-source the kda kernel"),
    ("purpose of a release", "longeval-eacl2023.pdf", "accountability.intended_use",
     "we release our human judgments, annotation templates, and our software for future research"),
    ("harms in general words", "papermage.pdf", "risk.societal",
     "papermage could cause harms or have unintended effects"),
    ("in-house data", "kimi-linear.pdf", "data.availability",
     "in-house mathematics training set"),
    ("selection by what is kept", "paraphrase-aaai2022.pdf", "data.curation",
     "we only use the true paraphrase pairs"),
    ("internship", "paraphrase-aaai2022.pdf", "accountability.funding",
     "internship with bloomberg"),
    ("too like the test items", "qwen3.pdf", "data.contamination",
     "for queries with positive pass@n, further stringent filtering criteria"),
    ("averaged repeats", "qwen3.pdf", "eval.variance",
     "we sample 10 times for each query and report the averaged accuracy"),
    ("personal details named", "papermage.pdf", "data.personal_info",
     "parse author names, affiliation, emails"),
    ("unnamed recruitment platform", "chi2024-avatars.pdf", "data.sources",
     "through an online recruitment platform"),
    ("variant compared", "multi-lexsum.pdf", "model.ablations",
     "compares this multitask model with its single task counterparts"),
    ("variant compared", "papermage.pdf", "model.ablations",
     "the same recipe but configured to"),
]


@pytest.mark.parametrize("kind,rel,tid,words", CASES, ids=[f"{c[0]}:{c[1][:-4]}:{c[2]}" for c in CASES])
def test_the_sentence_a_referee_quotes_is_retrieved(kind, rel, tid, words):
    a = _a(rel)
    got = _retrieved(a, tid)
    assert any(words in t for t in got), (kind, a.topics[tid].status, got[:5])


# false friends of the same families, on a generated page: each line must not be retrieved for its
# topic, while the line of the family beside it is
FRIENDS = [
    ("accountability.intended_use",
     "To support further research, we release our dataset of news summaries.",
     "The score, which can be used to rank the candidates, is defined in Equation 2."),
    ("data.curation",
     "We only use the documents written in English.",
     "We only use eight GPUs for training the model."),
    ("eval.variance",
     "We sample 5 times for each prompt and report the averaged accuracy.",
     "Our method runs three times faster than the baseline on the test benchmark."),
    ("accountability.funding",
     "This work was done during an internship at Acme Research.",
     "The annotation was done during the second week of the study."),
]


@pytest.mark.parametrize("tid,family,friend", FRIENDS, ids=[f[0] for f in FRIENDS])
def test_a_false_friend_is_not_retrieved(tmp_path, tid, family, friend):
    import jupyter_review as jr

    lines = [
        "We present NewsSum, a dataset and a model for summarising news with machine learning.",
        "We train a transformer language model on the NewsSum training data and release the dataset.",
        family,
        friend,
        "The results on the benchmark are reported in Table 1 for each model.",
    ]
    pdf = text_page(tmp_path / "friends.pdf", "NewsSum: a dataset of news summaries", lines)
    a = jr.analyze(str(pdf))
    got = _retrieved(a, tid)
    assert any(_norm(family)[:40] in t for t in got), (tid, a.topics[tid].status, got)
    assert not any(_norm(friend)[:40] in t for t in got), (tid, got)
