"""Issue 15, applicability measure: the kinds of failure found by reading the major gaps of the
non-LLM corpus papers (benchmarks/data/applicability_gold.tsv, tuning papers only). Each test is a
case of a general rule, asserted on the real PDF:

* a narrative review (its own words: "This review ...") has no data of its own: data sources,
  licensing and availability do not apply, and say why with the paper's quote; a systematic
  review extracts data and stays a study;
* code availability needs a model, an LLM or software of the paper's own;
* a data licence is at issue when data are released or others' data reused, not when a study's
  own participants' data stay with the authors;
* a named study or cohort, or the place of recruitment, is a data source;
* "our experiment is not without limitation." followed by the limitations is the statement;
* a named funding body as the subject of "supported/funded" is a funding statement.
"""

from __future__ import annotations

from functools import cache

import pymupdf
import pytest

from tests.conftest import analysed, corpus_pdf, need_corpus


@cache
def _a(name: str):
    return analysed(corpus_pdf(name))


def test_narrative_review_has_no_data_topics():
    a = _a("toxins-8070200.pdf")
    rv = a.profile["review"]
    assert rv.value and any("review" in e.text.lower() for e in rv.evidence)
    for tid in ("data.sources", "data.licensing", "data.availability"):
        t = a.topics[tid]
        assert t.status == "not_applicable", (tid, t.status)
        assert "review" in t.reason.lower()  # the reason says why, with the paper's quote
    assert a.topics["code.availability"].status == "not_applicable"  # no model or software either
    # the end matter of a review is still read
    assert a.topics["accountability.conflicts"].status == "disclosed"


def test_systematic_review_is_not_a_narrative_review():
    a = _a("pmc7071725.pdf")
    assert not a.profile["review"].value
    assert a.profile["registrable_study"].value
    assert a.topics["data.availability"].status != "not_applicable"


def test_code_needs_a_model_or_software():
    a = _a("plosone-0319315.pdf")  # horse behaviour study, statistics with others' R packages
    assert not (a.profile["model"].value or a.profile["software"].value or a.profile["llm"].value)
    assert a.topics["code.availability"].status == "not_applicable"
    assert _a("stockmixer-main.pdf").topics["code.availability"].status == "disclosed"


def test_data_licence_only_where_data_are_shared_or_reused():
    own = _a("neurores-0022-4.pdf")  # trial protocol: own patients, data kept by the investigators
    assert own.topics["data.licensing"].status == "not_applicable"
    deposited = _a("plosone-0319315.pdf")  # data in the INRAE repository without a licence
    assert deposited.topics["data.licensing"].status == "missing"


def test_named_study_and_recruitment_place_are_data_sources():
    a = _a("npjmgrav-00129.pdf")
    src = a.topics["data.sources"]
    assert src.status == "disclosed"
    assert any("Berlin BedRest Study" in e.text or "Berlin Bed Rest Study" in e.text for e in src.evidence)
    b = _a("neurores-0022-4.pdf").topics["data.sources"]
    assert b.status == "disclosed"
    assert any(e.text.startswith("Inclusion of eligible patients") for e in b.evidence)


def test_limitation_announcement_followed_by_the_limitations():
    lim = _a("npjmgrav-00129.pdf").topics["risk.limitations"]
    assert lim.status == "disclosed"
    assert any("not without limitation" in e.text and e.page == 4 for e in lim.evidence)


def test_others_limitations_are_not_an_announcement():
    # "Yet, existing corpora are not without their limitations." is about other corpora
    lim = _a("s2orc-acl2020.pdf").topics["risk.limitations"]
    assert not any(e.text.startswith("Yet, existing corpora") for e in lim.evidence) or lim.status != "disclosed"


def test_funding_body_as_subject(tmp_path):
    # the fimmu form on a generated page, and the same form in other words
    for sentence in ("China Scholarship Council supported CC.", "The Wellcome Trust funded this study."):
        doc = pymupdf.open()
        page = doc.new_page()
        page.insert_text((72, 72), "A Study of Blood Pressure", fontsize=16, fontname="hebo")
        y = 110
        for line in ("Results", "Blood pressure was measured twice in 40 adults.",
                     "Acknowledgment", sentence):
            bold = line in ("Results", "Acknowledgment")
            page.insert_text((72, y), line, fontsize=12 if bold else 10, fontname="hebo" if bold else "helv")
            y += 20
        path = tmp_path / "f.pdf"
        doc.save(path)
        doc.close()
        fund = analysed(path).topics["accountability.funding"]
        assert fund.status == "disclosed", (sentence, fund.status, fund.reason)
    fimmu = _a("fimmu-2022-915001.pdf").topics["accountability.funding"]
    assert fimmu.status == "disclosed" and fimmu.evidence[0].page == 9


def test_hand_set_small_capitals_heading_is_a_section(tmp_path):
    """IEEE and ACM set headings in small capitals by hand ("VI. L" at the body size, "IMITATION"
    two points smaller). Read by characters such a line looked smaller than the body and was no
    heading, so a 'Limitation' section went unseen. A generated page, then the real paper."""
    from jupyter_review.ingest.pdf import load_document

    doc = pymupdf.open()
    page = doc.new_page()
    page.insert_text((72, 72), "A Detector of Small Objects", fontsize=16, fontname="hebo")
    y = 110
    body = "Our detector finds objects in images of street scenes and reports a box for each of them."
    for head in (("I. ", "I", "NTRODUCTION"), ("VI. ", "L", "IMITATION")):
        x = 200
        for part, size in ((head[0] + head[1], 10), (head[2], 8)):
            page.insert_text((x, y), part, fontsize=size, fontname="tiro")
            x += pymupdf.get_text_length(part, fontname="tiro", fontsize=size)
        y += 20
        for _ in range(3):
            page.insert_text((72, y), body, fontsize=10, fontname="tiro")
            y += 14
        y += 10
    path = tmp_path / "caps.pdf"
    doc.save(path)
    kinds = [s.kind for s in load_document(str(path)).sections]
    assert "introduction" in kinds and "limitations" in kinds, kinds
    # the same heading in a real paper (texbench wsod-mapr2024, p. 5: "VI. LIMITATION")
    tex = need_corpus("a texbench paper").parent / "texbench" / "pdfs" / "wsod-mapr2024.pdf"
    lim = analysed(tex).topics["risk.limitations"]
    assert lim.status == "disclosed"
    assert any((e.section or "").lower().startswith("limitation") for e in lim.evidence), [e.section for e in lim.evidence]


def test_a_promised_release_at_a_named_place_is_concrete():
    """pmc7071725 p. 9: "Data will be shared on https://osf.io/zrdx7/ upon publication." The tense
    is a promise, the place is named (and this PDF is the published article): concrete. A promise
    without a place, or "on request" with a web address, stays vague."""
    from jupyter_review.checklist.engine import _promised_at, detectors

    t = _a("pmc7071725.pdf").topics["data.availability"]
    assert t.status == "disclosed", t.reason
    assert any("osf.io/zrdx7" in e.text for e in t.evidence)
    det = detectors()["data.availability"]
    assert not _promised_at(det, "The data will be made available upon publication.")
    assert not _promised_at(det, "Data are available on request from the authors (see https://lab.example.org).")
    assert _promised_at(detectors()["code.availability"], "Code will be released at https://github.com/a/b after acceptance.")


def _texbench(name: str):
    return need_corpus("a texbench paper").parent / "texbench" / "pdfs" / name


def test_what_a_paper_used_is_not_what_it_releases_or_is():
    """Texbench papers (tuning half): a decoding method's footnote link to its backbone on Hugging
    Face (sd2-acl p. 4) and "All models and datasets we used are publicly available" (ri-iclr2026
    p. 10) release no model;
    "we propose W2CL, a novel multi-task learning framework" is a method, not software, while
    "we will contribute our proprietary domain-specific datasets" releases data (nlpcc-lncs)."""
    from jupyter_review.checklist.profile import _spec

    sd2 = analysed(_texbench("sd2-acl.pdf"))
    assert not sd2.profile["releases_model"].value, sd2.profile["releases_model"].reason
    assert sd2.topics["safety.mitigations"].severity != "major"
    rel = _spec()[0]["releases_model"]
    with pymupdf.open(_texbench("ri-iclr2026.pdf")) as doc:
        page = " ".join(doc[9].get_text().split())
    used = page[page.index("All models and datasets we used"):].split(".")[0]
    assert rel.exclude.search(used, used.lower())
    w2cl = analysed(_texbench("nlpcc-lncs.pdf")).profile
    assert not w2cl["software"].value and w2cl["dataset"].value


def test_named_and_cited_data_sets_are_data_sources():
    """A data set named as papers name them is a source: with a citation after it ("CodeContests
    (Li et al., 2023), a dataset of coding challenges", scaling-ptp p. 8), by the archive that holds
    it ("openly available under the UCI Machine Learning Repository [5]", kmodes-init p. 8), used by
    name ("we are using the Penn Treebank (PTB) for the English language corpus", java-lstm p. 4),
    a collection with inner capitals ("ADBench recommends 121 datasets", dean-main p. 9), a shared
    task's data given by its organisers (semeval2025-task4 p. 3). Texbench and corpus tuning papers."""
    cases = {
        _texbench("scaling-ptp.pdf"): "CodeContests",
        _texbench("kmodes-init.pdf"): "UCI Machine Learning Repository",
        _texbench("java-lstm.pdf"): "Penn Treebank",
        _texbench("semeval2025-task4.pdf"): "organization released training data",
        corpus_pdf("dean-main.pdf"): "ADBench",
    }
    for path, name in cases.items():
        src = analysed(path).topics["data.sources"]
        assert src.status == "disclosed", (path.name, src.status, src.reason)
        assert any(name in e.text and e.role == "main" for e in src.evidence), (path.name, [e.text[:80] for e in src.evidence])
    # a method cited in a sentence about data sets, or an optimiser with its citation, is no source
    from jupyter_review.checklist.engine import detectors

    spec = detectors()["data.sources"].specific
    for s in ("To further capture recent advances not originally considered in ADBench, we also compare against "
              "NeuTral-AD [48] (which leverages contrastive learning), DTE [40] (based on diffusion models).",
              "We fine-tune BERT [4] on the training data of each task.", "We train with Adam [12] for 10 epochs."):
        assert not spec.search(s, s.lower()), s


def test_data_used_is_not_a_dataset_of_the_paper():
    """A shared task's data and the public benchmarks a method is evaluated on are not a data set the
    paper releases: no dataset trait, so the datasheet, misuse and feedback items are not asked
    (semeval2025-task4: "the dataset provided by Semeval2025 Task4"; kmodes-init: "benchmark datasets")."""
    from jupyter_review.checklist.profile import _spec

    for name in ("semeval2025-task4.pdf", "kmodes-init.pdf", "scaling-ptp.pdf"):
        assert not analysed(_texbench(name)).profile["dataset"].value, name
    ex = _spec()[0]["dataset"].exclude
    for s in ("We present results on four public benchmark datasets.",
              "The dataset provided by the task organizers contains 5,000 documents."):
        assert ex.search(s, s.lower()), s
    assert not ex.search("We introduce MultiLexSum, a new dataset of 9,280 summaries.",
                         "we introduce multilexsum, a new dataset of 9,280 summaries.")


def test_a_data_licence_needs_a_licence_word():
    """kmodes-init p. 8: "Each dataset is openly available under the UCI Machine Learning Repository"
    names a place, not a licence: the licence of the reused data sets is not disclosed. "Under their
    respective terms of service" (ri-iclr2026 p. 10) and "available under a CC BY 4.0 licence" are."""
    from jupyter_review.checklist.engine import detectors

    lic = analysed(_texbench("kmodes-init.pdf")).topics["data.licensing"]
    assert lic.status != "disclosed", lic.reason
    spec = detectors()["data.licensing"].specific
    for s in ("The corpus is available under a CC BY 4.0 licence.", "The data are released under the terms of the ODC-By.",
              "We use model APIs under their respective terms of service."):
        assert spec.search(s, s.lower()), s
    s = "Each dataset is openly available under the UCI Machine Learning Repository [5]."
    assert not spec.search(s, s.lower())
    ri = analysed(_texbench("ri-iclr2026.pdf")).topics["data.licensing"]
    assert ri.status == "disclosed", ri.reason


def test_a_small_language_model_trained_from_scratch_is_no_llm():
    """java-lstm trains LSTM language models on its own corpora (80/20 splits): not a large,
    pretrained or generative model, so the LLM items and benchmark contamination do not apply, and
    the profile says why; the code it links is still read."""
    a = analysed(_texbench("java-lstm.pdf"))
    assert not a.profile["llm"].value
    assert "not large, pretrained or generative" in a.profile["llm"].reason
    assert a.topics["data.contamination"].status == "not_applicable"
    assert a.topics["data.personal_info"].status == "not_applicable"
    # its own repositories on a line of their own (p. 8) keep code availability asked, and disclosed
    code = a.topics["code.availability"]
    assert code.status == "disclosed" and any("github.com/brendon-boldt" in e.text for e in code.evidence), code.reason


def test_raters_judgments_are_not_personal_data():
    """hardy-naacl2019: crowd workers judge summaries of news articles; the paper has human
    participants, but nobody's personal data: the personal-information item does not apply. A study
    of its own participants (chi2024-avatars) keeps it."""
    h = analysed(_texbench("hardy-naacl2019.pdf"))
    assert h.profile["human_participants"].value and not h.profile["personal_data"].value
    assert h.topics["data.personal_info"].status == "not_applicable"
    c = _a("chi2024-avatars.pdf")
    assert c.profile["personal_data"].value and c.topics["data.personal_info"].status != "not_applicable"


def test_a_shortcoming_in_the_conclusion_and_misuse_in_an_ethics_section():
    """kmodes-init p. 22 (Conclusion): "the proposed method was unable to beat Cao's method ..." is a
    limitation stated as such; sd2-acl p. 7 (Ethical Considerations): "Models and grammars should be
    reviewed for misuse in high stakes settings" discusses misuse."""
    lim = analysed(_texbench("kmodes-init.pdf")).topics["risk.limitations"]
    assert lim.status == "disclosed" and any("unable to beat" in e.text for e in lim.evidence)
    mis = analysed(_texbench("sd2-acl.pdf")).topics["risk.misuse"]
    assert mis.status == "disclosed" and any("misuse" in e.text for e in mis.evidence)


def _ml_page(tmp_path, name: str, lines: list[str]):
    doc = pymupdf.open()
    page = doc.new_page()
    page.insert_text((72, 72), "A Small Transformer for Dependency Parsing", fontsize=16, fontname="hebo")
    body = ["Abstract", "We propose a new transformer model for dependency parsing in many languages.",
            "We train our model for 20 epochs with a learning rate of 0.001 on one GPU.",
            "Our model is trained on the training data of a public benchmark with a batch size of 32.",
            "Our network outperforms the baselines on the benchmark in accuracy.", *lines]
    y = 110
    for ln in body:
        page.insert_text((72, y), ln, fontsize=12 if ln == "Abstract" else 10, fontname="hebo" if ln == "Abstract" else "helv")
        y += 20
    path = tmp_path / name
    doc.save(path)
    doc.close()
    return analysed(path)


def test_links_withheld_for_review_and_short_hub_links(tmp_path):
    """A link withheld for double-blind review ("[ANONYMIZED]", an anonymous.4open.science mirror)
    is a release promised after the review: vague, with that sentence as evidence, not "says
    nothing"; a bare "hf.co/datasets/..." address is a place the data are."""
    for line in ("Our code is available at [ANONYMIZED].",
                 "The code is available at anonymous.4open.science/r/parser-12AB for the reviewers.",
                 "Our code and models will be released after the review; link removed for double-blind review."):
        code = _ml_page(tmp_path, "anon.pdf", [line]).topics["code.availability"]
        assert code.status == "vague", (line, code.status, code.reason)
        assert code.evidence and code.evidence[0].text.startswith(line[:20]), (line, [e.text for e in code.evidence])
    data = _ml_page(tmp_path, "hf.pdf", ["The annotated dataset is available at hf.co/datasets/acme/parses."])
    assert data.topics["data.availability"].status == "disclosed", data.topics["data.availability"].reason
    # a footnote that labels each link ("Dataset: hf.co/datasets/... Code: github.com/..."): the code link is the code's
    both = _ml_page(tmp_path, "both.pdf", ["Dataset: hf.co/datasets/acme/parses Code: github.com/acme/parser"])
    assert both.topics["code.availability"].status == "disclosed", both.topics["code.availability"].reason


def test_a_footnote_marker_glued_to_code_keeps_the_code_topic_asked():
    """texbench isometry-pursuit p. 1: the footnote "²Code is available at https://github.com/..."
    reaches the text layer as "2Code is available at ..." (the raised 6 pt marker glued to the word).
    An algorithm paper trains no model and releases no tool, so code availability is asked only
    because of that sentence; a word boundary before "code" missed it behind the digit."""
    a = analysed(_texbench("isometry-pursuit.pdf"))
    t = a.topics["code.availability"]
    assert t.status == "disclosed", (t.status, t.reason)
    assert any("github.com/sjkoelle/isometry-pursuit" in e.text for e in t.evidence)


def _page_sentence(path, page: int, start: str, end: str = ". ") -> str:
    """The sentence of a real PDF page (0-based) that begins with ``start``, up to ``end`` (its full stop)."""
    with pymupdf.open(path) as doc:
        text = " ".join(doc[page].get_text().split())
    i = text.index(start)
    j = text.find(end, i)
    return text[i: j + len(end.rstrip()) if j >= 0 else len(text)]


def test_a_model_trained_in_the_passive_is_the_papers_model():
    """wsod-mapr2024 never says "we train our model": "The model needs to be trained for a few epochs
    ..." (p. 3) and "Each model is trained for 50 epochs with SGD optimizer, learning rate of 0.0001"
    (p. 5) are its own training, so the model trait holds and code availability is asked (it has no
    code statement). Others' training said with a citation is no cue (java-lstm p. 6: "... described
    in Zaremba et al. [5] with the exception that the data was trained for 15 epochs")."""
    from jupyter_review.checklist.profile import _spec

    a = analysed(_texbench("wsod-mapr2024.pdf"))
    m = a.profile["model"]
    assert m.value, m.reason
    assert any("trained for" in e.text and "epochs" in e.text for e in m.evidence), [e.text for e in m.evidence]
    assert a.topics["code.availability"].status == "missing", a.topics["code.availability"].reason
    free = _spec()[0]["model"].free_cues
    own = _page_sentence(_texbench("wsod-mapr2024.pdf"), 4, "Each model is trained for 50 epochs")
    assert any(c.search(own, own.lower()) for c in free), own
    cited = _page_sentence(_texbench("java-lstm.pdf"), 5, "The LSTM", "instead of 39 epochs.")
    assert "trained for 15 epochs" in cited and not any(c.search(cited, cited.lower()) for c in free), cited


def test_data_obtained_from_others_is_not_the_papers_dataset():
    """irace-automl p. 10 describes the data sets it evaluates on ("Natal is a real-world private
    dataset of crimes obtained from the state police department in RN, Brazil."): a data set the
    paper obtained from others is no cue for a data set of its own; nor is a benchmark in the sense of
    a comparison of methods. A data set the paper introduces still is."""
    from jupyter_review.checklist.profile import _spec

    ex = _spec()[0]["dataset"].exclude
    natal = _page_sentence(_texbench("irace-automl.pdf"), 9, "Natal is a real-world")
    assert ex.search(natal, natal.lower()), natal
    for s in ("This paper contributes a benchmark of eleven feature selection methods on public data.",
              "The corpus released by the shared-task organisers has 4,000 documents."):
        assert ex.search(s, s.lower()), s
    own = "We introduce MultiLexSum, a new dataset of 9,280 summaries that we release under CC BY."
    assert not ex.search(own, own.lower())
    assert not analysed(_texbench("irace-automl.pdf")).profile["dataset"].value


def test_harm_words_in_another_sense_are_no_misuse():
    """A misuse word in another sense is no misuse mention: the detection task a method serves
    (dean-main p. 1: "... applications ranging from fraud detection [24] to health monitoring"), a
    disease-control programme (plosmed-1003873 p. 8: "countries stepped up surveillance efforts"),
    the mathematical idiom "with slight abuse of notation". A misuse the paper names stays evidence
    (scaling-ptp p. 11: "it may also increase the potential for misuse")."""
    from jupyter_review.checklist.engine import detectors

    det = detectors()["risk.misuse"]
    others = [_page_sentence(corpus_pdf("dean-main.pdf"), 0, "Anomaly detection (AD) is a crucial"),
              _page_sentence(corpus_pdf("plosmed-1003873.pdf"), 7, "Regarding AMR, following the HLM"),
              "With slight abuse of notation, we write f(x) for the whole vector."]
    for s in others:
        assert det.mention.search(s, s.lower()), s  # the word is there ...
        assert det.exclude.search(s, s.lower()), s  # ... in another sense
    named = _page_sentence(_texbench("scaling-ptp.pdf"), 10, "While this can improve responsiveness")
    assert det.specific.search(named, named.lower()) and not det.exclude.search(named, named.lower()), named


def test_funders_and_datasheet_questions_are_not_the_papers_traits():
    """The profile reads what the paper is, not who paid for it: dean-main's acknowledgement "This
    work was supported by ... the Federal Ministry of Education and Research" is not read (its
    "Education and Research" looked like a list of demographic variables). A record of a sensitive
    kind is enough in one sentence (dean-supplement p. 8: "The COMPAS dataset, which contains risk
    scores along with demographic and criminal history features"), but not when a datasheet only
    asks about it (clse-datasheet: "Does the dataset contain data that might be considered sensitive
    ... criminal history)?")."""
    from jupyter_review.checklist.profile import _sentences, _spec

    sents = _sentences(analysed(corpus_pdf("dean-main.pdf")))
    assert sents and not any("Ministry of Education" in s.text for s in sents)
    strong = _spec()[0]["personal_data"].strong
    compas = _page_sentence(corpus_pdf("dean-supplement.pdf"), 7, "The COMPAS dataset, which contains")
    assert strong.search(compas, compas.lower()), compas
    # the datasheet's question alone is no trait (its answer "Some entities in the dataset are of
    # semantic type 'Person.'" is one: see test_personal_data_is_data_about_people)
    clse = analysed(corpus_pdf("clse-main.pdf"), [corpus_pdf("clse-datasheet.pdf")]).profile["personal_data"]
    assert clse.evidence and "considered sensitive" not in clse.evidence[0].text, clse.reason


def test_the_annotators_hiring_is_not_personal_data():
    """Interviews and questionnaires are personal data of the people a study studies, not of the
    annotators a paper hires (longeval-eacl2023 p. 14: "We interviewed a total of 9 Upwork
    freelancers for the position"); a study's own participants' questionnaires still count
    (chi2024-avatars p. 4)."""
    from jupyter_review.checklist.profile import _spec

    cues = _spec()[0]["personal_data"].cues
    hired = _page_sentence(corpus_pdf("longeval-eacl2023.pdf"), 13, "We interviewed a total of 9")
    studied = _page_sentence(corpus_pdf("chi2024-avatars.pdf"), 3, "Following the viewing of the senders")
    assert "interviewed" in hired and not any(c.search(hired, hired.lower()) for c in cues), hired
    assert any(c.search(studied, studied.lower()) for c in cues), studied


def test_the_public_data_sets_an_algorithm_runs_on_are_its_sources():
    """irace-automl (an AutoML configurator) names its data sets by their shape, with no citation
    after them: "the MNIST and CIFAR-10 classification datasets", "three NLP classification
    datasets, namely LMRD for sentiment analysis, and Reuters and AGNews" (p. 5). They are its data
    sources and the evidence shown; an abbreviation of a domain ("the TS datasets", p. 7) is not, nor
    a model's own corpus ("sampled from the K2 pretraining corpus [50]", kimi-linear p. 10)."""
    from jupyter_review.checklist.engine import detectors

    src = analysed(_texbench("irace-automl.pdf")).topics["data.sources"]
    assert src.status == "disclosed", src.reason
    assert any("namely LMRD" in e.text or "CIFAR-10" in e.text for e in src.evidence), [e.text[:80] for e in src.evidence]
    spec = detectors()["data.sources"].specific
    named = _page_sentence(_texbench("irace-automl.pdf"), 4, "Among the CV ones")
    domain = _page_sentence(_texbench("irace-automl.pdf"), 6, "We start with the analysis of the TS")
    assert spec.search(named, named.lower()), named
    assert not spec.search(domain, domain.lower()), domain
    # a model's own corpus named after the model is not where the data come from (kimi-linear p. 10)
    own = _page_sentence(corpus_pdf("kimi-linear.pdf"), 9, "All models are pretrained using", "corpus [50].")
    assert not spec.search(own, own.lower()), own


# -- session 14 (issue 15): personal information rests on data about people; a denial is a statement;
# others' already-trained models run as they are raise no benchmark contamination

_PEOPLE = [  # (pdf, 0-based page, sentence start, sentence end): real sentences that show data about people
    ("texbench/cikm-ilham.pdf", 1, "The word embedding we used in this work were trained", "forum."),
    ("corpus/fews-datasheet.pdf", 0, "FEWS is gathered from the", "dictionary."),
    ("corpus/clse-datasheet.pdf", 2, "Some entities in the dataset are of semantic type", "Person."),
]
_NOT_PEOPLE = [  # raters of non-personal text, market records, a datasheet's question
    ("texbench/hardy-naacl2019.pdf", 6, "All of our experiments are done using the Amazon", "platform."),
    ("corpus/stockmixer-main.pdf", 1, "We conduct extensive experiments on three real stock", "S&P500."),
    ("corpus/clse-datasheet.pdf", 1, "Does the dataset relate to people?", "?"),
]


def _pdf(rel: str):
    where, name = rel.split("/", 1)
    return _texbench(name) if where == "texbench" else corpus_pdf(name)


@pytest.mark.parametrize("rel,page,start,end", _PEOPLE + _NOT_PEOPLE)
def test_personal_data_is_data_about_people(rel, page, start, end):
    """A corpus holds personal data when it is about people: text the public wrote on a site of its
    own (patients' questions in health forums, a crowd-sourced dictionary's examples), people among
    its entities; not raters' judgments of news summaries or stock records. A dataset as such no
    longer asks for personal information (data.personal_info rests on personal_data)."""
    from jupyter_review.checklist.profile import _spec

    t = _spec()[0]["personal_data"]
    sent = _page_sentence(_pdf(rel), page, start, end)
    is_people = (rel, page, start, end) in _PEOPLE
    strong = bool(t.strong.search(sent, sent.lower())) and not sent.rstrip().endswith("?")
    assert strong == is_people, sent


@pytest.mark.parametrize("rel,files,people", [
    ("texbench/cikm-ilham.pdf", [], True),                       # patients' questions from health forums
    ("corpus/clse-main.pdf", ["clse-datasheet.pdf"], True),      # person entities that can be identified
    ("texbench/hardy-naacl2019.pdf", [], False),                 # crowd judgments of news summaries
])
def test_personal_information_is_asked_of_data_about_people(rel, files, people):
    a = analysed(_pdf(rel), [corpus_pdf(f) for f in files])
    pi = a.topics["data.personal_info"]
    assert a.profile["personal_data"].value == people, a.profile["personal_data"].reason
    assert (pi.status != "not_applicable") == people, (pi.status, pi.reason)


def _dataset_page(tmp_path, name: str, lines: list[str]):
    doc = pymupdf.open()
    page = doc.new_page()
    page.insert_text((72, 72), "A Corpus of Sentence Splits for Simplification", fontsize=16, fontname="hebo")
    body = ["Abstract", "We present a new corpus of sentence splits for evaluating text simplification.",
            "The corpus contains 1,000 encyclopedic sentences, each split by two annotators.",
            "We release the corpus and the annotators' ratings of the splits.", *lines]
    y = 110
    for ln in body:
        page.insert_text((72, y), ln, fontsize=12 if ln == "Abstract" else 10, fontname="hebo" if ln == "Abstract" else "helv")
        y += 20
    path = tmp_path / name
    doc.save(path)
    doc.close()
    return analysed(path)


_DENIALS = [
    # ri-iclr2026 p. 10, as printed
    "with all evaluations conducted on established benchmarks without introducing personally identifiable information.",
    "The corpus contains no personal data.",
    "The released files do not contain any personally identifiable information.",
]


@pytest.mark.parametrize("line", _DENIALS)
def test_a_denial_of_personal_data_is_the_statement(tmp_path, line):
    """Saying the data hold no personal information is the statement the item asks for: it is read as
    disclosed, not as a sign of personal data that raises a gap."""
    from jupyter_review.checklist.engine import detectors
    from jupyter_review.checklist.profile import _spec

    t = _spec()[0]["personal_data"]
    assert t.exclude.search(line, line.lower()), line  # no trait cue
    assert detectors()["data.personal_info"].specific.search(line, line.lower())
    a = _dataset_page(tmp_path, "denial.pdf", [line])
    assert not a.profile["personal_data"].value, a.profile["personal_data"].reason
    assert a.topics["data.personal_info"].status == "disclosed", a.topics["data.personal_info"].reason


def test_a_dataset_of_ratings_of_non_personal_text_is_not_asked_for_personal_information(tmp_path):
    a = _dataset_page(tmp_path, "ratings.pdf", [])
    assert a.profile["dataset"].value
    assert a.topics["data.personal_info"].status == "not_applicable", a.topics["data.personal_info"].reason
    # an admission is not a denial
    adm = "We could not remove all personal information from the sentences."
    from jupyter_review.checklist.profile import _spec
    assert not _spec()[0]["personal_data"].exclude.search(adm, adm.lower())


@pytest.mark.parametrize("rel,page,start,end,others", [
    ("texbench/hardy-naacl2019.pdf", 6, "We used the pre-trained models", "test set.", True),
    ("texbench/wsod-mapr2024.pdf", 4, "Both backbones are initialized with ImageNet-1k", "weights.", False),
])
def test_others_checkpoints_run_as_they_are_raise_no_contamination(rel, page, start, end, others):
    """'pre-trained' in the sense of already trained (hardy-naacl2019: the summarisers' own checkpoints,
    run on XSUM's test split) is no pretraining corpus that could hold the test data; a backbone
    pretrained on ImageNet and trained further on VOC (wsod-mapr2024) is."""
    from jupyter_review.checklist.engine import detectors

    d = detectors()["data.contamination"]
    sent = _page_sentence(_pdf(rel), page, start, end)
    assert bool(d.exclude.search(sent, sent.lower())) == others, sent
    status = analysed(_pdf(rel)).topics["data.contamination"].status
    assert (status == "not_applicable") == others, status


# -- statements it misses (issue 15): headings of the lexicon that name a statement in other words

def _statement_page(tmp_path, heading: str, sentence: str):
    doc = pymupdf.open()
    page = doc.new_page()
    page.insert_text((72, 72), "A Small Transformer for Dependency Parsing", fontsize=16, fontname="hebo")
    y = 110
    for ln in ("Abstract", "We propose a new transformer model for dependency parsing.",
               "We train our model for 20 epochs on one GPU.", "Results",
               "Our model outperforms the baselines on the benchmark.", heading, sentence):
        bold = ln in ("Abstract", "Results", heading)
        page.insert_text((72, y), ln, fontsize=12 if bold else 10, fontname="hebo" if bold else "helv")
        y += 20
    path = tmp_path / "statement.pdf"
    doc.save(path)
    doc.close()
    return analysed(path)


@pytest.mark.parametrize("heading,kind", [
    ("Acknowledgments and Disclosure of Funding", "funding"),   # the NeurIPS template
    ("Acknowledgements and Funding", "funding"),
    ("Funding Declaration", "funding"),
    ("Sources of Support", "funding"),
    ("Financial Support and Sponsorship", "funding"),
    ("Conflicts of Interest and Source of Funding", "conflicts"),
    ("Resource Availability", "data_availability"),            # Cell Press STAR Methods
    ("Code, Data and Materials Availability", "data_availability"),
    ("Acknowledgments", "acknowledgements"),                    # the thanks alone stay thanks
])
def test_statement_headings_in_other_words(tmp_path, heading, kind):
    """A heading is the statement's label: under a funding heading the bare name of a funder with its
    award number is the funding statement ("The Acme Foundation (award 1234)."), while under a plain
    "Acknowledgments" it is only a name."""
    a = _statement_page(tmp_path, heading, "The Acme Foundation (award 1234).")
    last = a.document.sections[-1]
    assert (last.title, last.kind) == (heading, kind)
    if kind in ("funding", "acknowledgements"):
        fund = a.topics["accountability.funding"]
        assert (fund.status == "disclosed") == (kind == "funding"), (heading, fund.status, fund.reason)
