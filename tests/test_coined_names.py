"""A contribution named only by its own coined name is the paper's own (issue #15, the profile).

Papers often say what they propose through a name they coin and then use as the subject of their
claims, with no "we propose ... algorithm" nearby: sd2-acl's abstract reads "Dgrammar replaces
stochastic lookahead with deterministic frontier masking, ..." and "DP-Grammar adds a Viterbi DP
...".  profile.py `_coined_names` reads such names (profile.yaml `coined`): a token with a capital
that the paper never writes in lower case, introduced by the paper ("we propose X", "called X",
"X, a ...", "(X)" after a description that it does not abbreviate, "our X", a title "X: ..."),
the subject of a claim in the title, abstract or introduction, and never cited (no citation right
after it, not in the reference list).  Its kind - the trait it is a cue for - comes from the
nouns the paper puts beside it ("X, a dataset of", "the X ecosystem", "X-7B"); a name of a study,
a trial or a set of guidelines is a cue for nothing.  A name the paper cites is others' work.

The expected values below were read by hand from the PDFs (the abstracts and introductions), not
from the tool's output."""

from __future__ import annotations

import pytest

from tests.conftest import analysed, corpus_pdf, need_corpus, text_page


def texbench_pdf(name: str):
    return need_corpus("texbench").parent / "texbench" / "pdfs" / name


def _names(a) -> dict[str, str]:
    from jupyter_review.checklist.profile import _coined_names, _sentences

    return {c.name: c.kind for c in _coined_names(a, _sentences(a))}


def _pdf(paper: str, texbench: bool):
    return texbench_pdf(paper) if texbench else corpus_pdf(paper)


# (paper, texbench?, a name the paper coins for its own contribution, what it is)
OWN = [
    ("sd2-acl.pdf", True, "Dgrammar", "method"),  # 'Dgrammar replaces stochastic lookahead with ...'
    ("sd2-acl.pdf", True, "DPGrammar", "method"),  # 'DPGrammar adds dp_fix_prefix: a Viterbi dynamic program ...'
    ("ri-iclr2026.pdf", True, "RI", "method"),  # 'we propose the Refusal Index (RI), a principled metric' + its estimator
    ("nlpcc-lncs.pdf", True, "W2CL", "method"),  # 'we propose W2CL, a novel multi-task learning framework'
    ("stockmixer-main.pdf", False, "StockMixer", "model"),  # 'StockMixer, a simple yet strong MLP-based architecture'
    ("qwen3.pdf", False, "Qwen3", "model"),  # the report's own model family
    ("multi-lexsum.pdf", False, "Multi-LexSum", "dataset"),  # 'Multi-LexSum, a collection of 9,280 expert-authored summaries'
    ("crisprverse-main.pdf", False, "crisprVerse", "software"),  # 'a new ecosystem of R packages, called crisprVerse'
]


@pytest.mark.parametrize(("paper", "texbench", "name", "kind"), OWN)
def test_a_coined_name_of_the_papers_own_is_read_with_its_kind(paper: str, texbench: bool, name: str, kind: str) -> None:
    names = _names(analysed(_pdf(paper, texbench)))
    assert names.get(name) == kind, names


# (paper, texbench?, a name the paper cites or uses but did not make)
CITED = [
    ("sd2-acl.pdf", True, "LAVE"),  # the baseline: 'The leading constrained decoding method for dLLMs is LAVE (Zhang et al., 2026).'
    ("sd2-acl.pdf", True, "LLaDA"),  # the backbone: 'LLaDA (Nie et al., 2025)'
    ("sd2-acl.pdf", True, "LLGUIDANCE"),  # the grammar library: 'LLGUIDANCE (Microsoft, 2025)'
    ("janus-pro.pdf", False, "Janus"),  # the previous work the paper extends: 'outperforming Janus [46]'
    ("irace-automl.pdf", True, "AUTOSKLEARN"),  # the system it is compared with
]


@pytest.mark.parametrize(("paper", "texbench", "name"), CITED)
def test_a_name_the_paper_cites_is_not_its_own(paper: str, texbench: bool, name: str) -> None:
    names = _names(analysed(_pdf(paper, texbench)))
    assert name not in names, names


# names of what the paper runs or recommends that is no method, model, tool or data set
NONE = [
    ("longeval-eacl2023.pdf", "LONGEVAL"),  # 'LONGEVAL, a set of guidelines for human evaluation of faithfulness'
    ("neurores-0022-4.pdf", "B_PROUD"),  # 'B_PROUD is a pragmatic, prospective study'
]


@pytest.mark.parametrize(("paper", "name"), NONE)
def test_a_named_study_or_guideline_is_no_cue(paper: str, name: str) -> None:
    a = analysed(corpus_pdf(paper))
    assert name not in _names(a)
    assert not a.profile["method"].value, a.profile["method"].reason


@pytest.mark.parametrize(("paper", "quote"), [
    ("sd2-acl.pdf", "Dgrammar replaces"),
    ("ri-iclr2026.pdf", "RI"),
])
def test_a_method_named_only_by_its_name_makes_the_method_trait(paper: str, quote: str) -> None:
    """Neither paper says 'we propose ... algorithm' often enough for the method trait's wording cues;
    its coined name as the subject of its claims does, and model.* topics then apply (the
    fresh8/fresh9 gold judges them on these papers: the algorithm is the paper's model)."""
    a = analysed(texbench_pdf(paper))
    t = a.profile["method"]
    assert t.value, t.reason
    assert any(quote in e.text for e in t.evidence), [e.text for e in t.evidence]
    assert a.topics["model.architecture"].status != "not_applicable"


BODY_OWN = [
    "We study decoding under grammar constraints for parallel language models on JSON schemas.",
    "Frobnify replaces random lookahead with a deterministic frontier and raises validity to 85%.",
    "Frobnify consists of three parts that run in one pass over the sequence.",
    "In our experiments Frobnify reaches 95% validity on the medium split.",
]
BODY_CITED = [
    "We study decoding under grammar constraints for parallel language models on JSON schemas.",
    "Frobnify (Smith et al., 2021) replaces random lookahead with a deterministic frontier.",
    "Frobnify consists of three parts that run in one pass over the sequence.",
    "In our experiments Frobnify reaches 95% validity on the medium split.",
]
BODY_ABBREVIATION = [
    "We study decoding under grammar constraints for parallel language models on JSON schemas.",
    "We train with random frontier beam search (RFBS) on the medium split of the benchmark.",
    "RFBS reaches 95% validity on the medium split and RFBS uses three passes.",
]


@pytest.mark.parametrize(("lines", "intro", "own"), [
    (BODY_OWN, "The frontier remasking decoder (Frobnify) is introduced here.", True),  # (X) after a description
    (BODY_OWN, "We propose Frobnify, a decoding algorithm for diffusion language models.", True),  # 'we propose X, a ...'
    (BODY_OWN, "We call this decoder Frobnify in what follows.", True),  # 'we call it X'
    (BODY_OWN, "The frontier decoder is introduced here.", False),  # used as a subject but never introduced
    (BODY_CITED, "We propose to compare with Frobnify on JSON schemas.", False),  # cited: others' method
    (BODY_ABBREVIATION, "The paper studies search.", False),  # an abbreviation of the words before it
])
def test_generated_pages_own_and_cited_names(tmp_path, lines: list[str], intro: str, own: bool) -> None:
    """The same claims, with the name introduced, cited or only abbreviated: only an introduced,
    uncited name is the paper's own."""
    body = ["Abstract", lines[0], intro, *lines[1:]]
    pdf = text_page(tmp_path / "p.pdf", "Grammar Constrained Decoding", body)
    names = _names(analysed(pdf))
    found = {n for n in names if n in ("Frobnify", "RFBS")}
    assert bool(found) == own, names
    if own:
        assert names["Frobnify"] == "method"
