"""Issue 13: evidence from question-and-answer forms (checklist/forms.py).

A form's question is template (its words disclose nothing); its answer is evidence for the topic
the question asks about; an answer that only points ("[Yes] See Section 3") discloses only what
the pointed section holds; "[No]"/"[N/A]" to a question on what the paper reports is no
disclosure of that; justification text is prose, judged like any other sentence.

Each layout is a case of the one reader: NeurIPS 2021-2023 checklists (the answer in brackets
after the question), NeurIPS 2024 checklists ("Question:" / "Answer:" / "Justification:" /
"Guidelines:"), datasheets (questions set in bold, answers as prose), and real datasheets of the
corpus's tuning half (tests/data/forms/split.tsv).
"""

from __future__ import annotations

import re
import textwrap

import pymupdf
import pytest

import jupyter_review as jr
from jupyter_review import pipeline
from jupyter_review.checklist.forms import answer_mark, is_pointer_only, read_forms
from tests.conftest import analysed, corpus_pdf

PROSE = [
    ("Introduction", "We study the robustness of neural sentence classifiers under distribution shift. "
     "We propose a model that reweights training examples by their estimated density ratio. "
     "Our model improves accuracy over strong baselines on three benchmarks. "
     "We train the model end to end and evaluate it on held-out test sets."),
    ("Method", "The model is a transformer encoder with 12 layers and a hidden size of 768. "
     "The density ratio is estimated by a logistic regression classifier trained to separate source from target sentences. "
     "The classifier's output is used to weight the training loss of each example."),
    ("Experiments", "We train each model for 20 epochs with the Adam optimizer and a learning rate of 0.001. "
     "The batch size is 32 and we use early stopping on the validation set. "
     "We compare against empirical risk minimization, DRO and importance weighting baselines. "
     "All results are averaged over five random seeds and we report the standard deviation in Table 2. "
     "Training used 8 NVIDIA A100 GPUs for about 3 days in total. "
     "Our model reaches 91.2% accuracy on the shifted test set, against 87.5% for the best baseline."),
    ("Limitations", "A limitation of our method is that it assumes access to unlabeled target data, which is not always available. "
     "The density ratio estimate is also unreliable when the source and target distributions barely overlap."),
]

NEURIPS_2021 = [
    ("(a) Do the main claims made in the abstract and introduction accurately reflect the paper's contributions and scope?", "[Yes]"),
    ("(b) Did you describe the limitations of your work?", "[Yes] See Section 3."),
    ("(c) Did you discuss any potential negative societal impacts of your work?", "[No] Our work is foundational research."),
    ("(d) Have you read the ethics review guidelines and ensured that your paper conforms to them?", "[Yes]"),
    ("(a) Did you include the code, data, and instructions needed to reproduce the main experimental results?", "[No] The code is proprietary."),
    ("(b) Did you specify all the training details (e.g., data splits, hyperparameters, how they were chosen)?", "[Yes] See Section 2."),
    ("(c) Did you report error bars (e.g., with respect to the random seed after running experiments multiple times)?", "[Yes] See Table 2."),
    ("(d) Did you include the total amount of compute and the type of resources used (e.g., type of GPUs, internal cluster, or cloud provider)?", "[Yes] See Section 2."),
    ("(a) If your work uses existing assets, did you cite the creators?", "[Yes]"),
    ("(b) Did you mention the license of the assets?", "[N/A]"),
    ("(c) Did you include any new assets either in the supplemental material or as a URL?", "[N/A]"),
    ("(d) Did you discuss whether and how consent was obtained from people whose data you're using/curating?", "[N/A]"),
    ("(e) Did you discuss whether the data you are using/curating contains personally identifiable information or offensive content?", "[N/A]"),
    ("(a) Did you include the full text of instructions given to participants and screenshots, if applicable?", "[N/A]"),
    ("(b) Did you report the estimated hourly wage paid to participants and the total amount spent on participant compensation?", "[N/A]"),
]

NEURIPS_2024 = [
    ("Claims", "Do the main claims made in the abstract and introduction accurately reflect the paper's contributions and scope?",
     "[Yes]", "See Section 1."),
    ("Limitations", "Does the paper discuss the limitations of the work performed by the authors?", "[Yes]", "See Section 3."),
    ("Experimental result reproducibility", "Does the paper fully disclose all the information needed to reproduce the main experimental results?",
     "[Yes]", "Section 2 gives the optimizer, the learning rate and the number of epochs."),
    ("Open access to data and code", "Does the paper provide open access to the data and code, with sufficient instructions to faithfully reproduce the main experimental results?",
     "[No]", "The code belongs to a company and cannot be shared."),
    ("Experiment statistical significance", "Does the paper report error bars suitably and correctly defined?",
     "[Yes]", "See Table 2."),
    ("Experiments compute resources", "Does the paper provide sufficient information on the computer resources needed to reproduce the experiments?",
     "[Yes]", "See Section 2."),
    ("Broader impacts", "Does the paper discuss both potential positive societal impacts and negative societal impacts of the work performed?",
     "[NA]", "The work is foundational research on classifiers."),
    ("Licenses for existing assets", "Are the creators or original owners of assets used in the paper properly credited and are the license and terms of use explicitly mentioned and properly respected?",
     "[Yes]", "We use the SST-2 corpus, which is distributed under the CC BY-SA 4.0 license."),
    ("New assets", "Are new assets introduced in the paper well documented and is the documentation provided alongside the assets?",
     "[NA]", "No new assets are released."),
    ("Crowdsourcing and research with human subjects", "For crowdsourcing experiments and research with human subjects, does the paper include the full text of instructions given to participants and screenshots, as well as details about compensation?",
     "[NA]", "No human subjects were involved."),
]
GUIDELINES = [
    "The answer NA means that the paper does not include experiments requiring code.",
    "Please see the NeurIPS code and data submission guidelines for more details.",
    "The authors should answer Yes if the results are accompanied by error bars, confidence intervals, or statistical significance tests.",
    "The paper should indicate the type of compute workers CPU or GPU, internal cluster, or cloud provider, including relevant memory and storage.",
]

DATASHEET = [
    ("For what purpose was the dataset created?", "The corpus was created to study how readers judge the credibility of health news."),
    ("Who created the dataset and on behalf of which entity?", "The dataset was created by the Health Media Lab at Example University."),
    ("Who funded the creation of the dataset?", "The National Science Foundation under grant IIS-1234567."),
    ("If there is an associated grant, provide the grant number.", None),
    ("How many instances are there in total?", "There are 12,400 articles, each with three credibility ratings."),
    ("How was the data associated with each instance acquired?", "Articles were crawled from 40 news websites between January and June 2022."),
    ("Who was involved in the data collection process and how were they compensated?", "Ratings were collected from 310 crowdworkers on Prolific, who were paid 12 GBP per hour."),
    ("Does the dataset contain data that might be considered confidential?", "No."),
    ("Does the dataset identify any subpopulations (e.g., by age, gender)?", "No."),
    ("Is the software used to preprocess the data available?", "Yes, at https://github.com/example-lab/credibility-tools."),
    ("Will the dataset be distributed under a copyright or other intellectual property license?", "Yes, CC-BY license."),
    ("Is there an erratum?", "No."),
    ("How can the owner of the dataset be contacted?", "By email to the first author at credibility@example.edu."),
]


def _write(path, lines: list[tuple[str, str]]) -> str:
    """lines: (font, text); wrapped to the page and flowed over pages."""
    doc = pymupdf.open()
    page, y = doc.new_page(), 72
    for font, text in lines:
        size = 16 if not lines or text == lines[0][1] else 12 if font == "hebo" and len(text) < 40 and not text.endswith(("?", ".")) else 10
        for chunk in textwrap.wrap(text, 95) or [""]:
            if y > 740:
                page, y = doc.new_page(), 72
            page.insert_text((72, y), chunk, fontname=font, fontsize=size)
            y += size + 3
        y += 14 if size > 10 else 6
    doc.save(str(path))
    return str(path)


def _paper(tmp_path, form: list[tuple[str, str]]) -> str:
    lines = [("hebo", "Robust Sentence Classification under Shift"), ("helv", "Anonymous Authors")]
    for i, (head, body) in enumerate(PROSE, 1):
        lines += [("hebo", f"{i} {head}"), ("helv", body)]
    lines += [("hebo", "Checklist")] + form
    return _write(tmp_path / "paper.pdf", lines)


def _neurips_2021(tmp_path) -> str:
    return _paper(tmp_path, [("helv", f"{q} {a}") for q, a in NEURIPS_2021])


def _neurips_2024(tmp_path) -> str:
    form = []
    for n, (title, q, a, j) in enumerate(NEURIPS_2024, 1):
        form += [("hebo", f"{n}. {title}"), ("helv", f"Question: {q}"), ("helv", f"Answer: {a}"),
                 ("helv", f"Justification: {j}"), ("helv", "Guidelines:")]
        form += [("helv", f"\u2022 {g}") for g in GUIDELINES]
    return _paper(tmp_path, form)


def _datasheet(tmp_path) -> str:
    lines = [("hebo", "Datasheet for the Health Credibility Corpus")]
    for q, a in DATASHEET:
        lines.append(("hebo", q))  # the questions in bold, the answers in the body font
        if a:
            lines.append(("helv", a))
    return _write(tmp_path / "datasheet.pdf", lines)


LAYOUTS = {"neurips-2021": _neurips_2021, "neurips-2024": _neurips_2024, "datasheet": _datasheet}


def _shown(a) -> list[tuple[str, str]]:
    """The quotes shown as evidence of a topic's statement (not the profile's quote of a topic
    that does not apply)."""
    return [(tid, e.text) for tid, t in a.topics.items() if t.status != "not_applicable" for e in (t.evidence or [])]


@pytest.mark.parametrize("layout", list(LAYOUTS))
def test_template_words_are_never_evidence(tmp_path, layout):
    """No question, instruction or guideline of a form is quoted as evidence for any topic."""
    a = jr.analyze(LAYOUTS[layout](tmp_path))
    template = [q for q, _ in NEURIPS_2021] + [x[1] for x in NEURIPS_2024] + GUIDELINES + [q for q, _ in DATASHEET]
    for tid, text in _shown(a):
        for q in template:
            words = re.sub(r"^\([a-z]\)\s*", "", q)[:50]
            assert words not in text, (tid, text)


@pytest.mark.parametrize("layout", ["neurips-2021", "neurips-2024"])
def test_pointers_and_bare_markers_disclose_nothing(tmp_path, layout):
    """'[Yes] See Section 2.' is not quoted; the section it points to is what is quoted."""
    a = jr.analyze(LAYOUTS[layout](tmp_path))
    for tid, text in _shown(a):
        assert not re.fullmatch(r"\s*(?:\[\w+\]\s*)?(?:See )?(?:Section|Table) \d\.?\s*", text), (tid, text)
        assert text.strip() not in ("[Yes]", "[No]", "[N/A]", "[NA]", "Answer: [Yes]"), (tid, text)
    res = a.topics["compute.resources"]
    assert res.status == "disclosed", (res.status, res.reason)
    assert any("A100" in e.text for e in res.evidence), res.evidence


@pytest.mark.parametrize("layout", ["neurips-2021", "neurips-2024"])
def test_admitted_gap_is_no_disclosure(tmp_path, layout):
    """'[No] The code is proprietary.' under a question on code is the authors' admission of a gap:
    code availability is not disclosed by it."""
    a = jr.analyze(LAYOUTS[layout](tmp_path))
    res = a.topics["code.availability"]
    assert res.status != "disclosed", (res.status, res.reason, [e.text for e in res.evidence])


def test_justification_with_content_is_prose(tmp_path):
    """A justification that states the thing ('distributed under the CC BY-SA 4.0 license') is
    evidence by its own words, quoted without its template."""
    a = jr.analyze(_neurips_2024(tmp_path))
    res = a.topics["data.licensing"]
    assert any("CC BY-SA 4.0" in e.text and "Justification" not in e.text for e in res.evidence), (res.status, res.evidence)


@pytest.mark.parametrize(("topic", "words"), [
    ("accountability.funding", "National Science Foundation"),  # its question set as a heading
    ("data.licensing", "CC-BY license"),  # means something only with its question
    ("data.collection", "crawled from 40 news websites"),
])
def test_datasheet_answer_is_evidence_for_its_question(tmp_path, topic, words):
    a = jr.analyze(_datasheet(tmp_path))
    res = a.topics[topic]
    assert res.status in ("disclosed", "vague"), (topic, res.status, res.reason)
    assert any(words in e.text for e in res.evidence), (topic, [e.text for e in res.evidence])


def test_reader_pairs_questions_and_answers(tmp_path):
    """The reader's parts on the generated layouts: every question is a question (or template),
    every answer carries its question and marker."""
    for layout, make in LAYOUTS.items():
        where = tmp_path / layout
        where.mkdir()
        doc = pipeline.load(make(where))
        doc = getattr(doc, "document", doc)
        parts = read_forms(doc, doc.sections)
        roles = {}
        for i, s in enumerate(doc.sentences):
            p = parts.get(i)
            if p is not None:
                roles.setdefault(p.role, []).append((s.text, p))
        assert roles.get("question"), layout
        assert roles.get("answer"), layout
        for text, p in roles["answer"]:
            assert p.question, (layout, text)
            assert "?" not in p.text or "http" in p.text, (layout, text, p.text)
        if layout != "datasheet":
            assert roles.get("pointer"), layout


@pytest.mark.parametrize(("text", "mark", "rest"), [
    ("[Yes] See Section 3.", "yes", "See Section 3."),
    ("Answer: [NA]", "na", ""),
    ("Yes, CC-BY license.", "yes", "Yes, CC-BY license."),
    ("No.", "no", ""),  # a bare marker: nothing of its own (the unit quotes the sentence)
    ("No model trained on this dataset has been publicly released yet.", "", "No model trained on this dataset has been publicly released yet."),
    ("[No] The code is proprietary.", "no", "The code is proprietary."),
])
def test_answer_marks(text, mark, rest):
    assert answer_mark(text) == (mark, rest)


@pytest.mark.parametrize(("text", "pointer"), [
    ("See Section 3.", True), ("Section 4 and Appendix B.", True), ("Table 2", True), ("See Sec. 5.1.", True),
    ("Section 2 gives the optimizer and the learning rate.", False), ("The code is proprietary.", False),
])
def test_pointer_only(text, pointer):
    assert is_pointer_only(text) is pointer


# real datasheets of the tuning half (tests/data/forms/split.tsv): what a referee reads
@pytest.mark.parametrize(("name", "template"), [
    ("dolma-v0.1.pdf", "(e.g., training, development, testing; accuracy/AUC)"),
    ("dolma-v0.1.pdf", "If there is an associated grant, provide the grant number."),
    ("bead-datasheet.pdf", "Discuss any legal and ethical considerations"),
])
def test_real_datasheet_template_not_quoted(name, template):
    a = analysed(corpus_pdf(name))
    for tid, text in _shown(a):
        assert template not in text, (tid, text)


def test_real_datasheet_funding_answer():
    """Dolma's answer to 'Who funded the creation of the dataset?' names the employer and the compute
    providers: funding is disclosed by that answer (the status gold's quote)."""
    a = analysed(corpus_pdf("dolma-v0.1.pdf"))
    res = a.topics["accountability.funding"]
    assert res.status == "disclosed", (res.status, res.reason)
    assert any("employed by the Allen Institute" in e.text for e in res.evidence)


def test_real_aaai_options_checklist():
    """transgpn's AAAI-2025 checklist prints each item's options and then its answer ("... judged using
    appropriate statistical tests (e.g., Wilcoxon signed-rank) (yes/partial/no) no"): an item answered
    no admits a gap and a 'yes' is the authors' word (at most vague), as for the dash layout."""
    a = analysed(corpus_pdf("transgpn-checklist.pdf"))
    for tid in ("eval.variance", "reproducibility.statistics", "eval.protocol"):
        assert a.topics[tid].status != "disclosed", (tid, a.topics[tid].reason)
    for tid, text in _shown(a):
        assert "(yes/" not in text, (tid, text)
        assert a.topics[tid].status != "disclosed", (tid, text)


_INSTRUCTION_WORDS = re.compile(r"^\s*if (?:so|not|yes|no|there (?:is|are))\b[^.]{0,120}\b(?:please|you may|you can|skip)\b", re.I)


@pytest.mark.parametrize("name", ["multi-lexsum.pdf", "dolma-v0.1.pdf", "fews-datasheet.pdf"])
def test_real_datasheet_instructions_are_never_evidence(name):
    """A datasheet's instructions under its questions ("If not, you may skip the remainder of the
    questions in this section.", "If so, please provide a description ...") are template: multi-lexsum
    quoted the first for data curation."""
    a = analysed(corpus_pdf(name))
    for tid, text in _shown(a):
        assert not _INSTRUCTION_WORDS.search(text), (tid, text)


@pytest.mark.parametrize("name", ["multi-lexsum.pdf", "s2orc-acl2020.pdf"])
def test_prose_questions_outside_a_files_forms_give_no_context(name):
    """In a file whose forms the form reader found (multi-lexsum's appended datasheet), a question in
    the paper's own prose ("Our experiments ... focus on two questions: (1) can models ...?") asks
    rhetorically: the sentence after it (a footnote, "3We compare with ... BookSum") was read as that
    question's answer, left unjudged, and quoted first for baselines."""
    from jupyter_review.checklist.engine import _units

    a = analysed(corpus_pdf(name))
    forms = read_forms(a.document, a.document.sections)
    form_pages = {(a.document.sentences[i].doc, a.document.sentences[i].page) for i in forms}
    sents = _units(a)[0]
    for u in sents:
        if u.context and u.form is None:
            assert (u.doc, u.page) in form_pages or not forms, (u.page, u.context[:80], u.text[:80])


def test_cut_instruction_and_bare_na_are_never_evidence():
    """clse's datasheet sets a question's instruction over two lines of the form ("If so, please
    describe" | "(or show with screenshots or other information) how consent was requested ..."): the
    second half goes on with the instruction (it has no end of its own before it), so it is template,
    not the answer; and a bare "N/A." says nothing of what was asked (the gold's non-answer rule).
    Both had been quoted for personal information. The answer on identifying people is found."""
    a = analysed(corpus_pdf("clse-main.pdf"), [corpus_pdf("clse-datasheet.pdf")])
    for tid, text in _shown(a):
        assert "screenshots or other information" not in text, (tid, text)
        assert text.strip() not in ("N/A.", "N/A", "NA."), (tid, text)
    pi = a.topics["data.personal_info"]
    found = list(pi.evidence) + list(pi.leads or [])
    assert any("can be uniquely identified" in e.text for e in found), [e.text for e in found]
