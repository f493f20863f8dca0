"""Issue 15: what a link is for, wherever it is printed.

One mechanism (``engine._title_block_units``, ``engine._by_link_purpose``, ``link_purpose`` in
detectors.yaml):
* a line of the title block (first page, above the first heading) that gives a link and little
  else is read as a unit of its own, however the sentence splitter ran it into its neighbours;
* a link's words (the last words before it in its clause, a line's label, a footnote's sentence,
  else the link's own name) say what it is for: the paper's code ("code", "implementation") is a
  disclosure; the model checkpoints, a dataset or a data loading script is not (vague), and the
  reason says what the link is for; a repository whose words name nothing else, under the title
  or offered by the authors ("We publicly release X at https://github.com/..."), is the paper's own.
"""

from __future__ import annotations

import re

import pymupdf
import pytest

import jupyter_review as jr
from tests.conftest import analysed, corpus_pdf


def _norm(u: str) -> str:
    return re.sub(r"^(?:https?://)?(?:www\.)?", "", u.lower()).rstrip("/.")


def _shows(res, page: int, url: str) -> bool:
    for e in res.evidence:
        if e.doc == 0 and e.page == page:
            got = [_norm(x) for x in re.findall(r"\S+", e.text)] + [_norm(x) for x in e.links]
            if any(g.startswith(_norm(url)) for g in got):
                return True
    return False


# real title blocks: (paper, the repository line's link, what stands beside it)
TITLE_BLOCKS = [
    ("qwen3.pdf", "github.com/QwenLM/Qwen3", "two model-hub links on the lines above"),
    ("deepseek-coder-v2.pdf", "github.com/deepseek-ai/DeepSeek-Coder-V2", "the organisation's name on the line above"),
    ("deepseek-moe.pdf", "github.com/deepseek-ai/DeepSeek-MoE", "e-mail addresses on the line above"),
    ("janus-pro.pdf", "github.com/deepseek-ai/Janus", "a 'Project Page:' label"),
]


@pytest.mark.parametrize(("name", "url", "form"), TITLE_BLOCKS, ids=[t[0] for t in TITLE_BLOCKS])
def test_repository_line_in_the_title_block_is_a_code_link(name, url, form):
    res = analysed(corpus_pdf(name)).topics["code.availability"]
    assert res.status == "disclosed", (form, res.reason)
    assert _shows(res, 1, url), [(e.page, e.text[:80], e.links) for e in res.evidence]


# real sentences whose only link is for something else: (paper, page, the link, what its words name)
OTHER_LINKS = [
    ("deepseek-v2.pdf", 1, "github.com/deepseek-ai/DeepSeek-V2", "model checkpoints"),
    ("multi-lexsum.pdf", 35, "github.com/multilexsum/dataset", "script for loading"),
]


@pytest.mark.parametrize(("name", "page", "url", "named"), OTHER_LINKS, ids=[t[0] for t in OTHER_LINKS])
def test_link_named_for_checkpoints_or_a_loading_script_is_not_the_code(name, page, url, named):
    res = analysed(corpus_pdf(name)).topics["code.availability"]
    assert res.status == "vague", res.reason
    assert named in res.reason and _norm(url) in _norm(res.reason), res.reason
    assert _shows(res, page, url)


def test_repository_offered_by_the_authors_under_the_systems_name():
    """"We publicly release MiniMax-M1 at https://github.com/..." names neither code nor weights:
    the authors' own repository, so the sentence is a code link (shown first)."""
    res = analysed(corpus_pdf("minimax-m1.pdf")).topics["code.availability"]
    assert res.status == "disclosed", res.reason
    assert "github.com/MiniMax-AI/MiniMax-M1" in res.evidence[0].text


BODY = ["We train a neural network on the benchmark with a learning rate of 0.001 and report accuracy.",
        "The model is a transformer fine-tuned for five epochs on one GPU with the Adam optimizer."]


def _title_block_pdf(tmp_path, lines: list[tuple[str, str | None]]):
    """A first page: title, authors, the given title-block lines (text, link laid over it or
    None), then an abstract and an introduction."""
    doc = pymupdf.open()
    page = doc.new_page()
    page.insert_text((150, 72), "A Reader for Scientific Documents", fontsize=16, fontname="hebo")
    page.insert_text((200, 96), "Ann Author, Bob Writer", fontsize=11)
    page.insert_text((200, 110), "Acme Research Lab", fontsize=11)
    y = 126
    for text, uri in lines:
        page.insert_text((200, y), text, fontsize=10)
        if uri:
            w = pymupdf.get_text_length(text, fontname="helv", fontsize=10)
            page.insert_link({"kind": pymupdf.LINK_URI, "from": pymupdf.Rect(199, y - 9, 201 + w, y + 3), "uri": uri})
        y += 13
    y += 20
    page.insert_text((72, y), "Abstract", fontsize=12, fontname="hebo")
    y += 18
    for t in BODY:
        page.insert_text((72, y), t, fontsize=10)
        y += 14
    y += 16
    page.insert_text((72, y), "1 Introduction", fontsize=12, fontname="hebo")
    y += 18
    for t in ["Reading documents is hard, and neural models help with it on many benchmarks.",
              "We evaluate the model against three baselines and report accuracy on the test split."]:
        page.insert_text((72, y), t, fontsize=10)
        y += 14
    path = tmp_path / "titleblock.pdf"
    doc.save(path)
    return path


# (form, title-block lines, disclosed?, the link the evidence shows, or the words the reason names)
GENERATED = [
    ("repository after model-hub links", [("https://huggingface.co/acme", "https://huggingface.co/acme"),
                                          ("https://github.com/acme/reader", "https://github.com/acme/reader")],
     True, "github.com/acme/reader"),
    ("bare host and path", [("github.com/acme/reader", "https://github.com/acme/reader")], True, "github.com/acme/reader"),
    ("code label over a link annotation", [("Code  |  Paper", "https://github.com/acme/reader")], True, "github.com/acme/reader"),
    ("label naming the weights", [("Model weights: https://github.com/acme/reader-weights", None)], False, "weights"),
    ("label naming the dataset", [("Dataset: https://github.com/acme/corpus", None)], False, "dataset"),
    ("model hub only", [("https://huggingface.co/acme/reader", "https://huggingface.co/acme/reader")], False, ""),
]


@pytest.mark.parametrize(("form", "lines", "disclosed", "what"), GENERATED, ids=[g[0] for g in GENERATED])
def test_title_block_links_by_their_words(tmp_path, form, lines, disclosed, what):
    res = jr.analyze(_title_block_pdf(tmp_path, lines)).topics["code.availability"]
    if disclosed:
        assert res.status == "disclosed", (form, res.reason)
        assert _shows(res, 1, what), [(e.text, e.links) for e in res.evidence]
    else:
        assert res.status not in ("disclosed", "supplement_only"), (form, res.reason)
        assert what.lower() in res.reason.lower(), res.reason


# sentences in the body: (sentence, disclosed?, words the reason must name when not)
SENTENCES = [
    ("The model checkpoints are available at https://github.com/acme/reader for research use.", False, "model checkpoints"),
    ("We release a script for loading the dataset files at https://github.com/acme/reader-data today.", False, "script for loading"),
    ("Our code and model checkpoints are available at https://github.com/acme/reader for research use.", True, ""),
    ("The implementation is available at https://github.com/acme/reader-data for research use.", True, ""),
]


@pytest.mark.parametrize(("sentence", "disclosed", "named"), SENTENCES)
def test_a_sentences_link_by_its_words(tmp_path, sentence, disclosed, named):
    res = jr.analyze(_title_block_pdf(tmp_path, [])).topics["code.availability"]
    assert res.status != "disclosed"  # nothing without the sentence
    doc = pymupdf.open(_title_block_pdf(tmp_path, []))
    doc[0].insert_text((72, 400), sentence, fontsize=10)
    path = tmp_path / "sentence.pdf"
    doc.save(path)
    res = jr.analyze(path).topics["code.availability"]
    if disclosed:
        assert res.status == "disclosed", res.reason
    else:
        assert res.status == "vague" and named in res.reason, res.reason


# -- a line shared by two sentences: each sentence takes the links over its own words ------------


def test_two_sentences_on_one_line_each_take_the_link_over_their_own_words(tmp_path):
    """Sentence boxes on a line shared with another sentence cover only their own part of it, so a
    link annotation laid over the first sentence's DOI is not read into the second, and back."""
    from jupyter_review.checklist.engine import _linked, _links_by_page

    pdf = tmp_path / "shared-line.pdf"
    doc = pymupdf.open()
    page = doc.new_page()
    words = ("The survey responses are deposited at DOI 10.5281/zenodo.111111. Our analysis code is "
             "available at DOI 10.5281/zenodo.222222. We thank the participants.")
    page.insert_textbox(pymupdf.Rect(72, 72, 540, 200), words, fontsize=9)
    for num in ("111111", "222222"):
        for r in page.search_for(f"10.5281/zenodo.{num}"):
            page.insert_link({"kind": pymupdf.LINK_URI, "from": r, "uri": f"https://doi.org/10.5281/zenodo.{num}"})
    doc.save(pdf)
    d = jr.load(pdf)
    links = _links_by_page(d)
    got = {s.text.split()[1]: _linked(s, links) for s in d.sentences if "DOI" in s.text}
    # the printed DOI differs from the link's https form, so each sentence reads exactly its own link
    assert got == {"survey": "https://doi.org/10.5281/zenodo.111111",
                   "analysis": "https://doi.org/10.5281/zenodo.222222"}, got


def test_code_archived_far_from_its_subject_makes_the_code_topic_apply():
    """texbench kmodes-init p. 8, an algorithm paper with no model and no software package: "All of
    the source code used ... — including the datasets investigated in Section 3.3 — are archived at
    DOI 10.5281/zenodo.3639282. In addition to this, the implementation ... is available under DOI
    10.5281/zenodo.3638035." The code word and the archive lie far apart, across a number with a
    dot; the code topic applies and is disclosed, with the implementation's own link."""
    from tests.conftest import need_corpus

    pdf = need_corpus("texbench kmodes-init").parent / "texbench" / "pdfs" / "kmodes-init.pdf"
    res = analysed(pdf).topics["code.availability"]
    assert res.status == "disclosed", (res.status, res.reason)
    impl = [e.links for e in res.evidence if e.page == 8 and "the implementation of" in e.text]
    assert impl and any("zenodo.3638035" in u for u in impl[0]), impl
    assert not any("zenodo.3639282" in u for u in impl[0]), impl
