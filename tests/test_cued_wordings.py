"""An ambiguous lexicon wording finds a candidate only beside a cue of its topic (detectors.yaml
``cued``): on real training papers, a sentence that only such a wording would retrieve, with no cue
of the topic in it, is no candidate and never evidence; the same wording beside a cue still
retrieves its sentence. The cases are sentences of corpus papers (training half of the relevance
split), each read against its topic; the mechanism is one for all of them."""

from __future__ import annotations

import pytest

from jupyter_review.checklist.engine import _match_sentence, _units, compile_detectors, detectors
from tests.conftest import analysed, corpus_pdf, need_corpus

CASES = [
    # (paper, topic, words of the sentence, retrieved?) -- the wording, and whether a cue stands beside it
    # "nodes" of a network's layers, "FLOPs" of a kernel: maths, not the compute used
    ("dean-main.pdf+dean-supplement.pdf", "compute.resources", "three layers of 100 nodes", False),
    ("kimi-linear.pdf", "compute.resources", "The key distinction lies in the FLOPs associated", False),
    # a cluster beside the computing power it provided; FLOPs beside a budget the models were trained with
    ("dean-main.pdf", "compute.resources", "The Linux HPC cluster at TU Dortmund", True),
    ("kimi-linear.pdf", "compute.resources", "same FLOPs budget and hyperparameters", True),
    # removing a network's learnable shifts is no curation of data
    ("dean-main.pdf", "data.curation", "we remove learnable shifts only from the final layer", False),
    # batch normalisation is no normalisation of the data (a results sentence of a texbench tuning paper)
    ("texbench:lowshot-iccv2017.pdf", "data.curation", "With both batch-normalization and feature penalty", False),
    # legal experts writing summaries are no mixture of experts
    ("multi-lexsum.pdf", "model.architecture", "relies on human legal experts to write summaries", False),
    # statistics of an analysis (agreement, descriptive statistics used to characterise the articles)
    ("longeval-eacl2023.pdf", "reproducibility.statistics", "inter-annotator agreement statistics", True),
    ("pmc7071725.pdf", "reproducibility.statistics", "Descriptive statistics were used to characterize", True),
]


def _unit(paper: str, words: str):
    main, *supps = paper.split("+")  # a supplement after "+"
    if main.startswith("texbench:"):
        pdf = need_corpus("texbench papers").parent / "texbench" / "pdfs" / main.split(":", 1)[1]
        if not pdf.exists():
            pytest.skip(f"{pdf} is not there")
        an = analysed(pdf)
    else:
        an = analysed(corpus_pdf(main), [corpus_pdf(x) for x in supps])
    units = [u for u in _units(an)[0] if words.lower() in " ".join(u.text.split()).lower()]
    assert units, f"{paper}: no sentence with {words!r}"
    return an, units[0]


@pytest.mark.parametrize("paper, topic, words, retrieved", CASES)
def test_an_ambiguous_wording_retrieves_only_beside_a_cue(paper, topic, words, retrieved):
    an, u = _unit(paper, words)
    det = detectors()[topic]
    cued = [c for c in det.cued if c.words.search(u.match_text, u.low)]
    assert cued, f"{topic}: no cued wording in {u.text[:80]!r}"
    hit = _match_sentence(det, u)
    assert (hit is not None) == retrieved, (topic, u.text[:100], hit and hit.why)
    if not retrieved:
        # a sentence the lexicons never retrieve is neither evidence nor a lead
        res = an.topics[topic]
        shown = {" ".join(e.text.split())[:80] for e in res.evidence + res.leads}
        assert " ".join(u.text.split())[:80] not in shown


def test_a_cued_wording_needs_words_and_a_cue():
    for tid, det in compile_detectors().items():
        for c in det.cued:
            assert c.words is not None and c.cue is not None, tid
            # a cue alone retrieves nothing through the cued wording
            assert not c.finds("The results are shown in Table 2.", "the results are shown in table 2."), tid


def test_the_prefilter_never_hides_a_cued_match():
    import re

    import jupyter_review as jr
    from jupyter_review.checklist.prefilter import Pattern

    doc = jr.load(corpus_pdf("dean-main.pdf"))
    texts = [s.text for s in doc.sentences] + ["The emission matrices of the HMM.", "Carbon emissions of 12 t CO2."]
    checked = 0
    for det in detectors().values():
        for c in det.cued:
            for p in (c.words, c.cue, c.unless):
                if p is None:
                    continue
                assert isinstance(p, Pattern)
                raw = re.compile(p.pattern, re.IGNORECASE)
                for t in texts:
                    assert bool(p.search(t)) == bool(raw.search(t)), (p.pattern[:60], t[:80])
                    checked += 1
    assert checked > 1000
