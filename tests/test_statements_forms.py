"""Issue 15, items 2-4: statements in the forms journals and preprints print them.

Each form is a case of one general mechanism:
* a link makes a code statement concrete wherever it sits: in the sentence, in the footnote its
  marker points to (after punctuation, set apart by a space, glued to the next word), under its
  words as a link annotation, or as a repository line under a short label or the title;
* links and DOIs broken at a line end stay whole (no sentence or word boundary inside them);
* statement headings are read from a lexicon of journals' phrasings and from typography (own
  line, upper case, ligature, run-in label with a colon, bold or upper-case run-in label);
* a publisher's note on supplementary files and a template's empty statement disclose nothing;
* figure legends are read for the spread and the tests of what they show.
"""

from __future__ import annotations

import re

import pymupdf
import pytest

import jupyter_review as jr
from tests.conftest import CORPUS, analysed, corpus_pdf, need_corpus


def _texbench(name: str):
    need_corpus(name)
    path = CORPUS.parent / "texbench" / "pdfs" / name
    if not path.exists():
        pytest.skip(f"{path} is not there")
    return path


def _pdf(name: str):
    return corpus_pdf(name) if not name.startswith("tb:") else _texbench(name[3:])


def _norm(u: str) -> str:
    return re.sub(r"^(?:https?://)?(?:www\.)?", "", u.lower()).rstrip("/.")


# (paper, page, words of the quote, the link the evidence must show, form)
CODE_LINKS = [
    ("moba.pdf", 1, "Our code is available at", "github.com/MoonshotAI/MoBA", "inline"),
    ("longeval-eacl2023.pdf", 1, "our software for future research", "github.com/martiansideofthemoon/longeval-summarization", "footnote marker after the full stop"),
    ("kimi-linear.pdf", 1, "", "github.com/fla-org/flash-linear-attention", "footnote marker set apart by a space"),
    ("tb:yellowfin.pdf", 2, "We released PyTorch and TensorFlow implementations", "goo.gl/zC2rjG", "marker glued to the next word, bare host"),
    ("papermage.pdf", 1, "github.com/allenai/papermage", "github.com/allenai/papermage", "repository line under the abstract"),
    ("tb:sd2-acl.pdf", 1, "Code:", "github.com/buffett0323/anlp_final", "short label line"),
    ("janus-pro.pdf", 1, "Project Page:", "github.com/deepseek-ai/Janus", "short label line"),
    ("tb:java-lstm.pdf", 8, "LSTM model:", "github.com/brendon-boldt/lstm-language-model", "run-in labels"),
    ("tb:libertus.pdf", 2, "source code", "github.com/ljvmiranda921/LiBERTus", "URL broken at a line end"),
]


@pytest.mark.parametrize(("name", "page", "words", "url", "form"), CODE_LINKS, ids=[c[4] + ":" + c[0] for c in CODE_LINKS])
def test_code_link_makes_the_statement_concrete(name, page, words, url, form):
    a = analysed(_pdf(name))
    res = a.topics["code.availability"]
    assert res.status == "disclosed", (res.status, res.reason)
    shown = []
    for e in res.evidence:
        if e.doc == 0 and e.page == page and words in e.text:
            shown += [_norm(x) for x in re.findall(r"\S+", e.text)] + [_norm(x) for x in e.links]
    assert any(s.startswith(_norm(url)) for s in shown), (form, [(e.page, e.text[:100], e.links) for e in res.evidence])


# a line of prose that ends inside a link, and the line that carries it on
BROKEN = [
    ("The data are deposited at https://doi.org/10.17617/3.", "KGWHV2 and can be reused freely.", "https://doi.org/10.17617/3.KGWHV2"),
    ("All code is on GitHub: https://github.com/ljvmiranda9", "21/LiBERTus. We thank the reviewers.", "https://github.com/ljvmiranda921/LiBERTus"),
    ("The files are found online at https://doi.", "org/10.1016/j.ssmph.2022.101285. More text follows here.", "https://doi.org/10.1016/j.ssmph.2022.101285"),
    ("Records are at the following link: https://github.com/yizhiai1994/CCM_at_semeval", "2025task4. Next comes more.", "https://github.com/yizhiai1994/CCM_at_semeval2025task4"),
]


@pytest.mark.parametrize(("line1", "line2", "link"), BROKEN)
def test_link_broken_at_line_end_stays_whole(tmp_path, line1, line2, link):
    doc = pymupdf.open()
    page = doc.new_page()
    y = 100
    for text in ("Introduction", "We study a problem of some interest to many readers of this journal.", line1, line2,
                 "This sentence closes the paragraph."):
        page.insert_text((72, y), text, fontsize=10)
        y += 13
    path = tmp_path / "broken.pdf"
    doc.save(path)
    d = jr.load(path)
    holding = [s.text for s in d.sentences if link in s.text]
    assert holding, [s.text for s in d.sentences]
    assert holding[0].endswith(".")  # the sentence runs to its end, not to a dot inside the link


def _statement_pdf(tmp_path, lines: list[tuple[str, str]]):
    """A one-page paper: a title, an introduction, then the back matter given as (font, text)."""
    doc = pymupdf.open()
    page = doc.new_page()
    page.insert_text((72, 72), "A Study of Something", fontsize=16, fontname="hebo")
    page.insert_text((72, 110), "Introduction", fontsize=12, fontname="hebo")
    y = 130
    for t in ["We measured the thing in 40 patients and report the results of the analysis here.",
              "The results show a clear effect of the treatment on the outcome in the cohort."]:
        page.insert_text((72, y), t, fontsize=10)
        y += 14
    y += 16
    for spec, text in lines:
        if spec == "runin":  # bold label and regular text on one line
            label, rest = text.split("|")
            page.insert_text((72, y), label, fontsize=10, fontname="hebo")
            w = pymupdf.get_text_length(label + " ", fontname="hebo", fontsize=10)
            page.insert_text((72 + w, y), rest, fontsize=10)
        elif spec == "heading":
            page.insert_text((72, y), text, fontsize=12, fontname="hebo")
        else:
            page.insert_text((72, y), text, fontsize=10)
        y += 18 if spec == "heading" else 14
    path = tmp_path / "statements.pdf"
    doc.save(path)
    return path


# (form, back matter lines, topic, words the evidence quotes)
HEADINGS = [
    ("run-in with colon", [("text", "Conflict of Interest Disclosures: Dr Smith reports personal fees from Acme Ltd.")],
     "accountability.conflicts", "personal fees"),
    ("upper-case heading line", [("heading", "DISCLOSURES OF POTENTIAL CONFLICTS OF INTEREST"), ("text", "No potential conflicts were reported.")],
     "accountability.conflicts", "No potential conflicts"),
    ("Disclosure with no keyword in the answer", [("text", "Disclosure: The authors report no disclosures relevant to the manuscript.")],
     "accountability.conflicts", "report no disclosures"),
    ("upper-case run-in", [("text", "CONFLICT OF INTEREST STATEMENT The authors have nothing to declare.")],
     "accountability.conflicts", "nothing to declare"),
    ("bold run-in without punctuation", [("runin", "Funding|The Acme Trust paid for the study.")], "accountability.funding", "Acme Trust"),
    ("role of the funder", [("heading", "Role of the Funding Source"), ("text", "The sponsor had no part in the design of the study.")],
     "accountability.funding", "no part in the design"),
]


@pytest.mark.parametrize(("form", "lines", "topic", "words"), HEADINGS, ids=[h[0] for h in HEADINGS])
def test_statement_heading_forms(tmp_path, form, lines, topic, words):
    a = jr.analyze(_statement_pdf(tmp_path, lines))
    res = a.topics[topic]
    assert res.status == "disclosed", (form, res.status, res.reason)
    assert any(words in e.text for e in res.evidence), (form, [e.text for e in res.evidence])


# heading phrasings of many journals, as printed (case, ligature, trailing colon): the lexicon
# (ingest/data/statement_headings.yaml) gives the kind; a run-in label is read the same way
PHRASINGS = [
    ("Conflict of Interest Disclosures:", "conflicts"),
    ("DISCLOSURES OF POTENTIAL CONFLICTS OF INTEREST", "conflicts"),
    ("Disclosures", "conflicts"),
    ("Con\ufb02ict of interest", "conflicts"),
    ("CONFLICT OF INTEREST STATEMENT", "conflicts"),
    ("Declaration of Competing Interest", "conflicts"),
    ("Duality of interest", "conflicts"),
    ("Source of Funding", "funding"),
    ("Role of the funding source", "funding"),
    ("FINANCIAL SUPPORT", "funding"),
    ("Ethics approval and consent to participate", "ethics"),
    ("Compliance with Ethical Standards", "ethics"),
    ("Data Sharing Statement", "data_availability"),
    ("Availability of data and materials", "data_availability"),
    ("Software availability", "code_availability"),
]


@pytest.mark.parametrize(("heading", "kind"), PHRASINGS)
def test_heading_phrasings_of_many_journals(heading, kind):
    from jupyter_review.ingest.sections import classify, inline_heading

    assert classify(heading) == kind
    label = inline_heading(f"{heading.rstrip(':')}: The statement follows here.")
    assert label is not None and label[1] == kind


# real statements of the corpus under each heading form: (paper, topic, page, words)
REAL = [
    ("fimmu-2022-915001.pdf", "accountability.conflicts", 9, "absence of any commercial or"),  # "Conﬂict of interest" (ligature)
    ("toxins-8070200.pdf", "accountability.conflicts", 19, "no conflict of interest"),  # run-in "Conﬂicts of Interest:"
    ("npjmgrav-00129.pdf", "accountability.conflicts", 6, "declare no competing interests"),  # upper case
    ("plosmed-1003873.pdf", "accountability.funding", 1, "no specific funding"),  # run-in "Funding:"
    ("envy-preprint.pdf", "accountability.conflicts", 1, "no known conflicts of interest"),  # author note, no heading
    ("ssmph-101285.pdf", "accountability.conflicts", 6, "None"),  # "Declaration of competing interest" + one word
]


@pytest.mark.parametrize(("name", "topic", "page", "words"), REAL, ids=[r[0] for r in REAL])
def test_real_statements_are_found(name, topic, page, words):
    a = analysed(corpus_pdf(name))
    res = a.topics[topic]
    assert res.status == "disclosed", res.reason
    assert any(e.page == page and words in e.text.replace("\ufb02", "fl") for e in res.evidence), [(e.page, e.text) for e in res.evidence]


def test_publisher_note_on_supplementary_files_is_no_data_statement():
    # ssmph p. 6: the journal's "Supplementary data to this article can be found online at <DOI>"
    # beside the paper's own "Data will be made available on request."
    res = analysed(corpus_pdf("ssmph-101285.pdf")).topics["data.availability"]
    assert res.status == "vague", res.reason
    assert all("Supplementary data to this article" not in e.text for e in res.evidence)
    assert any("on request" in e.text for e in res.evidence)


@pytest.mark.parametrize("text", [
    "Supplementary data to this article can be found online at https://doi.org/10.1016/j.x.2022.101285.",
    "Supplementary information The online version contains supplementary material available at https://doi.org/10.1/x.",
    "Funding: [Insert the funding statement here.]",
    "Declare conflicts of interest or state the authors declare no conflict of interest.",
])
def test_boilerplate_and_empty_template_statements_disclose_nothing(tmp_path, text):
    a = jr.analyze(_statement_pdf(tmp_path, [("text", text)]))
    for topic in ("data.availability", "accountability.funding", "accountability.conflicts"):
        assert all(text[:30] not in e.text for e in a.topics[topic].evidence), topic


def test_variance_read_from_a_figure_legend():
    # crisprVerse p. 27: the legend of Fig. 3 reports two-sided t-tests and their p-values; the
    # checklist had said "Neither the main text nor the supplement says anything"
    a = analysed(corpus_pdf("crisprverse-main.pdf"), [corpus_pdf("crisprverse-supplement.pdf")])
    res = a.topics["eval.variance"]
    assert res.status == "disclosed", res.reason
    assert any(e.page == 27 and e.text.startswith("Figure 3") and "t-test" in e.text for e in res.evidence)


def _footnoted_pdf(tmp_path, before: str, mark: str, foot: str):
    """A page whose sentence ends with a raised, smaller footnote mark, and the footnote at the
    foot of the page giving the link."""
    doc = pymupdf.open()
    page = doc.new_page()
    page.insert_text((72, 72), "A Toolkit for Something", fontsize=16, fontname="hebo")
    page.insert_text((72, 110), "Introduction", fontsize=12, fontname="hebo")
    y = 130
    for t in ["We describe a toolkit for reading documents and measure it on three benchmarks.",
              "The toolkit is written in Python and runs on a laptop without a GPU in minutes."]:
        page.insert_text((72, y), t, fontsize=10)
        y += 14
    page.insert_text((72, y), before, fontsize=10)
    w = pymupdf.get_text_length(before, fontname="helv", fontsize=10)
    page.insert_text((72 + w + 0.5, y - 4), mark, fontsize=6)
    page.insert_text((72, y + 14), "Its design follows earlier work on layout analysis closely.", fontsize=10)
    page.insert_text((72, 760), f"{mark} {foot}", fontsize=7)
    path = tmp_path / "footnoted.pdf"
    doc.save(path)
    return path


# (form, sentence as printed before the mark, the mark, the footnote's link)
MARKS = [
    ("symbol after the full stop", "Our code is released for future research.", "\u00a7", "https://github.com/acme/tool"),  # (base-14 fonts lack \u2020)
    ("superscript digit after a version number", "Our code is publicly available as version 2.1", "4", "https://github.com/acme/tool"),
    ("asterisk after a word", "The implementation is publicly available", "*", "https://gitlab.com/acme/tool"),
]


@pytest.mark.parametrize(("form", "before", "mark", "url"), MARKS, ids=[m[0] for m in MARKS])
def test_footnote_marks_by_symbol_and_font(tmp_path, form, before, mark, url):
    a = jr.analyze(_footnoted_pdf(tmp_path, before, mark, url))
    res = a.topics["code.availability"]
    assert res.status == "disclosed", (form, res.status, res.reason)
    assert any(url in e.links for e in res.evidence if before[:20] in e.text), [(e.text, e.links) for e in res.evidence]


@pytest.mark.parametrize("sentence", [
    "Code at https://github.com/acme/reader for anyone to use.",
    "All analysis scripts are archived at DOI 10.5281/zenodo.3639282 for reuse.",
    "Our implementation on GitHub: https://github.com/acme/reader is open to all.",
])
def test_a_link_in_the_sentence_makes_it_concrete(tmp_path, sentence):
    ml = [("text", "We train a neural network on the benchmark with a learning rate of 0.001."),
          ("text", "The model is a transformer fine-tuned for five epochs on one GPU.")]
    res = jr.analyze(_statement_pdf(tmp_path, [*ml, ("text", sentence)])).topics["code.availability"]
    assert res.status == "disclosed", res.reason
    assert any(sentence[:25] in e.text for e in res.evidence)


def test_other_works_statements_are_not_the_papers_disclosure(tmp_path):
    """Statements about other work in the body (not only in a related-work section): another
    paper's code release, trials funded by industry, conflicts of interest as a research topic."""
    lines = [("text", "Smith et al. (2020) released their code at https://github.com/smith/tool for reuse."),
             ("text", "Trials funded by Pfizer were more likely to report favourable outcomes."),
             ("text", "Trials whose authors had conflicts of interest reported larger effects.")]
    a = jr.analyze(_statement_pdf(tmp_path, lines))
    for topic in ("code.availability", "accountability.funding", "accountability.conflicts"):
        assert a.topics[topic].status != "disclosed", (topic, a.topics[topic].reason)


@pytest.mark.parametrize("sentence", [
    "All experiments are conducted on a single NVIDIA A100(40 GB) GPU, and each training run is completed within one hour.",
    "Every model is trained on a single RTX 3090 (24 GB) GPU for about six hours.",
])
def test_hardware_named_with_its_memory_in_brackets_is_specific(tmp_path, sentence):
    # typography of hardware names: the memory size printed in brackets inside the name
    # ("A100(40 GB)", "RTX 3090 (24 GB)") must not hide the GPU count that makes it specific
    ml = [("text", "We train a neural network on the benchmark with a learning rate of 0.001."),
          ("text", "Our model is a transformer fine-tuned for five epochs with the Adam optimizer."),
          ("text", "Training stops early when the validation loss of the model no longer improves."),
          ("text", "We fine-tune our model on the training data of the benchmark with a batch size of 32.")]
    res = jr.analyze(_statement_pdf(tmp_path, [*ml, ("text", sentence)])).topics["compute.resources"]
    assert res.status == "disclosed", res.reason
    assert any(sentence[:25] in e.text for e in res.evidence)
