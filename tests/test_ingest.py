"""Ingest of real papers: facts read off the PDFs (by eye and with PyMuPDF), not echoes of our code."""

from __future__ import annotations

import re

import pymupdf
import pytest

import jupyter_review
from jupyter_review.ingest import load_document
from jupyter_review.model import Document
from tests.conftest import corpus_pdf

_CACHE: dict[str, Document] = {}


def doc_of(name: str) -> Document:
    if name not in _CACHE:
        _CACHE[name] = load_document(corpus_pdf(name))
    return _CACHE[name]


def titles(doc: Document) -> list[str]:
    return [s.title for s in doc.sections if s.doc == 0]


def in_order(wanted: list[str], got: list[str]) -> bool:
    it = iter(got)
    return all(any(w == g for g in it) for w in wanted)


def norm(s: str) -> str:
    return re.sub(r"\s+", " ", s).strip()


# -- pages ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "pages"),
    [("plosmed-1003873.pdf", 18), ("fimmu-2022-915001.pdf", 9), ("stockmixer-main.pdf", 9), ("papermage.pdf", 13),
     ("s2orc-acl2020.pdf", 15), ("deepseek-v2.pdf", 52), ("toxins-8070200.pdf", 28), ("janus-pro.pdf", 13)],
)
def test_page_counts(name: str, pages: int) -> None:
    doc = doc_of(name)
    assert doc.files[0].pages == pages == len(doc.pages)
    assert [p.number for p in doc.pages] == list(range(1, pages + 1))
    assert doc.files[0].role == "main" and len(doc.files[0].sha256) == 64


# -- sections ---------------------------------------------------------------------------


def test_plosmed_sections_and_levels() -> None:
    doc = doc_of("plosmed-1003873.pdf")
    got = titles(doc)
    assert in_order(["Abstract", "Introduction", "Methods", "Results", "Rationale, approach, and political decisions",
                     "Discussion", "Acknowledgments", "References"], got), got
    by = {s.title: s for s in doc.sections}
    # "Results" (Helvetica bold) heads "Rationale, ..." (Minion bold, same size) on p.6
    assert by["Results"].level == 1 and by["Results"].page == 6
    assert by["Rationale, approach, and political decisions"].level == 2
    assert by["Introduction"].kind == "introduction" and by["Introduction"].page == 3
    assert by["References"].page == 15


def test_fimmu_abstract_without_heading_is_found() -> None:
    doc = doc_of("fimmu-2022-915001.pdf")
    kinds = [s.kind for s in doc.sections]
    assert kinds[0] == "abstract"
    ab = doc.sections[0]
    assert ab.page == 1
    text = doc.texts[0][ab.start:ab.end]
    assert text.startswith("It was shown that hypertension delays SARS CoV-2 viral clearance")
    # the outline's single root is the paper title: it is not a section, the rest move up a level
    got = titles(doc)
    assert not any(t.startswith("Impact of hypertension") for t in got)
    assert in_order(["Introduction", "Methods", "Study population", "Results", "Discussion",
                     "Data availability statement", "Ethics statement", "References"], got), got
    by = {s.title: s for s in doc.sections}
    assert by["Introduction"].level == 1 and by["Statistical analysis"].level == 2


def test_stockmixer_sections() -> None:
    doc = doc_of("stockmixer-main.pdf")
    got = titles(doc)
    assert in_order(["Abstract", "Introduction", "Related Work", "Methodology", "Problem Definition", "Experiments",
                     "Experimental Setup", "Conclusion", "References"], got), got
    by = {s.title: s for s in doc.sections}
    assert by["Methodology"].level == 1 and by["Problem Definition"].level == 2
    assert by["Problem Definition"].kind == "methods"  # inherits from its parent
    # the results table's row labels (bold, p.6) are no headings
    assert not {"Model", "LSTM", "ALSTM", "GAT"} & set(got)


def test_papermage_sections_and_no_figure_or_table_text() -> None:
    doc = doc_of("papermage.pdf")
    got = [f"{s.number} {s.title}".strip() for s in doc.sections]
    assert in_order(["Abstract", "1 Introduction", "2 Related Work", "2.1 Turn-key software for scientific documents",
                     "3 Design of papermage", "5 Conclusion", "Ethical Considerations", "Acknowledgements",
                     "References", "A Appendix", "A.1 Comparison and Compatibility with XML",
                     "A.2 Additional magelib Protocols and Utilities"], got), got
    # p.4 shows a screenshot of another paper ("ABSTRACT", "INTRODUCTION" in 4.5 pt type),
    # p.5 and p.13 hold tables with bold header cells: none of that is a section
    for s in doc.sections:
        assert s.title not in ("ABSTRACT", "INTRODUCTION", "ACM Classification Keywords", "Author Keywords",
                               "Use case Description Examples", "Structure Category", "Macro Avg"), s
    assert {s.level for s in doc.sections if s.number.count(".") == 1} == {2}
    # a heading hyphenated at its line end is repaired
    assert "Misrepresentation or fabrication of information in documents" in titles(doc)


def test_s2orc_numbered_sections() -> None:
    doc = doc_of("s2orc-acl2020.pdf")
    got = [f"{s.number} {s.title}".strip() for s in doc.sections]
    assert in_order(["Abstract", "1 Introduction", "2 Constructing the corpus", "2.1 Processing PDFs",
                     "3 The S2ORC dataset", "4 Evaluation", "7 Related work", "8 Conclusion", "Acknowledgements",
                     "References", "A Background & Terminology", "F Numeric representations in S2ORC-SCIBERT"],
                    got), got
    appx = [s for s in doc.sections if s.number in ("A", "B", "C")]
    assert appx and all(s.kind == "appendix" or s.page >= 13 for s in appx)


def test_deepseek_v2_follows_its_outline_and_skips_the_contents_page() -> None:
    doc = doc_of("deepseek-v2.pdf")
    with pymupdf.open(str(corpus_pdf("deepseek-v2.pdf"))) as pdf:
        toc = pdf.get_toc()
    outline = [s for s in doc.sections if s.source == "outline"]
    assert [s.title for s in outline] == [t[1] for t in toc]
    assert [s.level for s in outline] == [t[0] for t in toc]
    # sections start on the page the outline points to (or the next, when it points at a page foot)
    for s, t in zip(outline, toc):
        assert t[2] <= s.page <= t[2] + 1, (s.title, s.page, t[2])
    # pages 2-3 are the table of contents: no section starts there and its lines are no body text
    assert not [s for s in doc.sections if s.page in (2, 3)]
    assert not [p for p in doc.paragraphs if p.page in (2, 3)]
    assert [s.start for s in doc.sections] == sorted(s.start for s in doc.sections)
    # "References" is not in the outline but is a heading on p.21
    refs = [s for s in doc.sections if s.kind == "references"]
    assert refs and refs[0].page == 21


# -- sentences and evidence boxes ------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "page", "sentence"),
    [
        ("s2orc-acl2020.pdf", 1, "a large corpus of 81.1M English-language academic papers spanning many academic "
                                 "disciplines."),
        ("plosmed-1003873.pdf", 11, "it is estimated that global antibiotic consumption will increase by 200% over the period"),
        ("janus-pro.pdf", 4, "with the hyperparameters of both the 1.5B and 7B LLMs detailed in Table 1."),
    ],
)
def test_known_sentence_on_its_page_with_a_box_that_holds_it(name: str, page: int, sentence: str) -> None:
    doc = doc_of(name)
    hits = [s for s in doc.sentences if sentence in s.text]
    assert len(hits) >= 1, sentence
    s = hits[0]
    assert s.page == page
    assert doc.texts[s.doc][s.start:s.end] == s.text
    with pymupdf.open(str(corpus_pdf(name))) as pdf:
        words = sentence.split()
        probe = " ".join(words[:4])
        rects = pdf[page - 1].search_for(probe)
    assert rects, probe
    boxes = [pymupdf.Rect(b.bbox) for b in s.boxes if b.page == page]
    assert any(any((box + (-1, -1, 1, 1)).contains(r) for box in boxes) for r in rects)
    # the sentence's overall box holds its first words
    assert any((pymupdf.Rect(s.bbox) + (-1, -1, 1, 1)).contains(r) for r in rects)


def test_offsets_quote_the_text_everywhere() -> None:
    doc = doc_of("s2orc-acl2020.pdf")
    t = doc.texts[0]
    for p in doc.paragraphs:
        assert t[p.start:p.end] == p.text
    for s in doc.sentences[:: max(1, len(doc.sentences) // 200)]:
        assert t[s.start:s.end] == s.text and s.text == s.text.strip()
        para = doc.paragraphs[s.paragraph]
        assert para.start <= s.start < s.end <= para.end


def test_two_column_reading_order() -> None:
    # s2orc p.7: the left column ends "... used directly for both inline (He" and the right
    # column goes on "et al., 2010; Duma and Klein, 2014; ...", below a footnote in the left column
    doc = doc_of("s2orc-acl2020.pdf")
    with pymupdf.open(str(corpus_pdf("s2orc-acl2020.pdf"))) as pdf:
        page = pdf[6]
        a = page.search_for("inline (He")[0]
        b = page.search_for("et al., 2010; Duma and Klein, 2014")[0]
        foot = page.search_for("github.com/allenai/scibert")[0]
        mid = page.rect.width / 2
        assert a.x1 < mid < b.x0 and b.y0 < a.y0 and a.y1 < foot.y0 and foot.x1 < mid
    s = [x for x in doc.sentences if "inline (He et al., 2010; Duma and Klein, 2014; Jeong et al., 2019)" in x.text]
    assert len(s) == 1
    assert {round(bx.bbox[0]) < mid for bx in s[0].boxes} == {True, False}  # boxes in both columns
    assert "scibert" not in s[0].text  # the footnote is read after the columns, not inside the sentence
    notes = [p for p in doc.paragraphs if p.text.startswith("16https://github.com/allenai/scibert")]
    assert len(notes) == 1 and notes[0].page == 7


def test_running_headers_and_page_numbers_removed() -> None:
    plos = doc_of("plosone-0319315.pdf")
    with pymupdf.open(str(corpus_pdf("plosone-0319315.pdf"))) as pdf:
        head = pdf[3].get_text().splitlines()[:2]
    assert head[0].startswith("PLOS One | https://doi.org/10.1371/journal.pone.0319315")
    assert head[1] == "4 / 23"
    assert "PLOS One | https://doi.org" not in plos.texts[0]
    assert not re.search(r"\b\d{1,2} / 23\b", plos.texts[0])
    envy = doc_of("envy-preprint.pdf")
    with pymupdf.open(str(corpus_pdf("envy-preprint.pdf"))) as pdf:
        assert pdf[3].get_text().splitlines()[0].strip() == "INFERRING ENVY"
    assert "INFERRING ENVY" not in envy.texts[0]
    assert not [p for p in envy.paragraphs if p.text.strip().isdigit()]  # no page numbers left as paragraphs
    toxins = doc_of("toxins-8070200.pdf")
    assert "Toxins 2016, 8, 200" not in toxins.texts[0]  # also on the landscape table pages
    assert not re.search(r"\b\d{1,2} of 28\b", toxins.texts[0])


def test_ligatures_and_line_end_hyphens() -> None:
    toxins = doc_of("toxins-8070200.pdf")
    with pymupdf.open(str(corpus_pdf("toxins-8070200.pdf"))) as pdf:
        raw = "".join(p.get_text() for p in pdf)
    assert "acidiﬁcation" in raw and "sufﬁcient" in raw  # ligature glyphs in the PDF
    t = toxins.texts[0]
    assert not re.search("[\ufb00-\ufb06]", t)
    assert "acidification" in t and "sufficient" in t
    # p.25 breaks "ribosome-inactivating-" / "protein": a compound keeps its hyphen
    assert "ribosome-inactivating-protein" in t
    s2 = doc_of("s2orc-acl2020.pdf").texts[0]
    # p.1 "The cor-" / "pus consists of", "pa-" / "pers": one word; "publicly-" / "available": a compound
    assert "The corpus consists of" in s2 and "open access papers" in s2
    assert "cor- pus" not in s2 and "corpus" in s2
    plos = doc_of("plosone-0319315.pdf").texts[0]
    # soft hyphens (U+00AD) at line ends: "demon\xad" / "strated"
    assert "Studies have demonstrated" in plos and "\u00ad" not in plos


def test_captions_above_and_below_and_mid_sentence_references() -> None:
    doc = doc_of("janus-pro.pdf")
    caps = {(c.kind, c.label): c for c in doc.captions}
    # tables are captioned above (pp.5-7), figures below (pp.1-3, 8) in this report
    for n, page in [("1", 5), ("2", 5), ("3", 6), ("4", 7), ("5", 7)]:
        c = caps[("table", n)]
        assert c.page == page and c.position == "above" and c.text.startswith(f"Table {n} |")
    for n, page in [("1", 1), ("2", 2), ("3", 3), ("4", 8)]:
        c = caps[("figure", n)]
        assert c.page == page and c.position == "below" and c.text.startswith(f"Figure {n} |")
    # "... detailed in Table 1. We observe ..." on p.4 is running text, not a caption
    assert not [c for c in doc.captions if c.page == 4]
    assert any("detailed in Table 1." in s.text and s.page == 4 for s in doc.sentences)


def test_references_are_separated_from_body_text() -> None:
    doc = doc_of("s2orc-acl2020.pdf")
    refs = [s for s in doc.sections if s.kind == "references"]
    assert len(refs) == 1 and refs[0].page == 9
    ref_paras = [p for p in doc.paragraphs if p.kind == "reference"]
    assert len(ref_paras) > 40
    assert all(refs[0].start <= p.start < refs[0].end for p in ref_paras)
    # a reference entry from p.10 is a reference paragraph and no claim-bearing sentence
    assert any(p.text.startswith("Kyle Lo, Tyler Murray, Hsu-Han Ooi") for p in ref_paras)
    assert not any("Kyle Lo, Tyler Murray" in s.text for s in doc.sentences)
    # the appendix after the references is body text again
    appendix = [s for s in doc.sentences if s.page >= 13]
    assert appendix and all(doc.paragraphs[s.paragraph].kind == "body" for s in appendix)


def test_vertical_arxiv_stamp_is_not_body_text() -> None:
    doc = doc_of("paraphrase-aaai2022.pdf")
    with pymupdf.open(str(corpus_pdf("paraphrase-aaai2022.pdf"))) as pdf:
        assert "arXiv:2202.00535v1" in pdf[0].get_text()
    assert "arXiv:2202.00535" not in doc.texts[0]
    stamps = [b for b in doc.pages[0].blocks if "arXiv:2202.00535" in b.text]
    assert stamps and all(b.kind == "margin" for b in stamps)


def test_fonts_and_styles_reach_the_model() -> None:
    doc = doc_of("stockmixer-main.pdf")
    heads = [b for p in doc.pages for b in p.blocks if b.kind == "heading"]
    intro = [b for b in heads if b.lines[0].text == "Introduction"][0]
    assert intro.lines[0].bold and intro.lines[0].size == pytest.approx(11.96, abs=0.05)
    assert intro.lines[0].font and "+" not in intro.lines[0].font


def test_paper_and_supplement_in_one_model() -> None:
    doc = jupyter_review.load(corpus_pdf("stockmixer-main.pdf"), supplements=[corpus_pdf("stockmixer-supplement.pdf")])
    assert [f.role for f in doc.files] == ["main", "supplement"]
    assert [f.pages for f in doc.files] == [9, 1]
    assert len(doc.texts) == 2 and {p.doc for p in doc.pages} == {0, 1}
    assert {s.doc for s in doc.sentences} == {0, 1}
    supp = [p for p in doc.pages if p.doc == 1]
    assert [p.number for p in supp] == [1]  # pages are numbered per file, from 1


def test_nlp_pipeline_is_loaded_once(monkeypatch: pytest.MonkeyPatch) -> None:
    import spacy

    from jupyter_review.nlp import pipeline

    jupyter_review.analyze(corpus_pdf("stockmixer-supplement.pdf"))  # loads it (and the relevance model) if no test did yet
    calls = []
    real = spacy.blank
    monkeypatch.setattr(spacy, "blank", lambda *a, **k: calls.append(a) or real(*a, **k))
    monkeypatch.setattr(spacy, "load", lambda *a, **k: calls.append(a) or pytest.fail("spacy.load called"))
    before = pipeline.get_nlp.cache_info()
    jupyter_review.load(corpus_pdf("stockmixer-supplement.pdf"))
    a = jupyter_review.analyze(corpus_pdf("stockmixer-supplement.pdf"))
    assert a.document.sentences
    after = pipeline.get_nlp.cache_info()
    assert calls == []
    assert after.misses == before.misses and after.hits > before.hits


def test_bold_answers_of_a_datasheet_are_text_not_headings():
    # clse-datasheet.pdf p.4 sets its answers in bold under each question
    doc = jupyter_review.load(corpus_pdf("clse-datasheet.pdf"))
    paras = {p.text: p.kind for p in doc.paragraphs if p.page == 4}
    assert paras.get("Yes, CC-BY license.") == "body"
    assert paras.get("Upon acceptance of the publication.") == "body"
    assert any(s.text == "Yes, CC-BY license." for s in doc.sentences)
    assert paras.get("Maintenance") == "heading"


def test_ingest_restores_the_callers_gc_thresholds_even_after_an_error(tmp_path) -> None:
    """Ingest runs the cyclic collector less often, and gives the caller its settings back."""
    import gc

    from jupyter_review.errors import ReviewError

    old = gc.get_threshold()
    try:
        gc.set_threshold(701, 11, 12)
        doc = load_document(corpus_pdf("toxins-8070200.pdf"))
        assert doc.files[0].pages == 28 and gc.get_threshold() == (701, 11, 12)
        bad = tmp_path / "bad.pdf"
        bad.write_bytes(b"%PDF-1.7\n" + b"\x00" * 100)
        with pytest.raises(ReviewError):
            load_document(bad)
        assert gc.get_threshold() == (701, 11, 12)
    finally:
        gc.set_threshold(*old)


def test_lost_ligatures_are_spelled_out_on_an_acm_paper() -> None:
    """chi2024-avatars' text layer maps each fi/ff/fl ligature glyph to a bare 'f' (pymupdf's own
    get_text reads 'fnal analysis' on p.4 and 'signifcant' throughout); ingest repairs the words
    and says so, and the quote still sits inside its sentence's box."""
    raw_p4 = pymupdf.open(corpus_pdf("chi2024-avatars.pdf"))[3].get_text()
    assert "fnal analysis" in " ".join(raw_p4.split())
    doc = load_document(corpus_pdf("chi2024-avatars.pdf"))
    assert any("ligatures" in w for w in doc.warnings)
    text = " ".join(s.text for s in doc.sentences)
    assert "included in the final analysis" in text
    for broken in ("signifcant", "diferent", "fnal ", "efect "):
        assert broken not in text, broken
    assert text.count("significant") >= 20 and text.count("different") >= 10
    s = next(s for s in doc.sentences if "included in the final analysis" in s.text)
    assert s.page == 4 and s.text == doc.texts[s.doc][s.start:s.end]


def test_sound_text_layers_are_never_rewritten_for_ligatures() -> None:
    """On every other corpus paper the symptom test stays off, so no word is touched."""
    from jupyter_review.ingest.ligatures import looks_broken
    from tests.conftest import need_corpus

    flagged = []
    for path in sorted(need_corpus("the whole-corpus ligature check").glob("*.pdf")):
        with pymupdf.open(path) as d:
            if looks_broken(page.get_text() for page in d):
                flagged.append(path.name)
    assert flagged == ["chi2024-avatars.pdf"]


def test_quick_affix_tokenizer_cuts_exactly_like_spacys_english() -> None:
    """The pre-checked affix rules give spaCy's English tokens on real paper text and odd strings."""
    import spacy

    from jupyter_review.nlp.pipeline import get_nlp

    texts = []
    for name in ("chi2024-avatars.pdf", "deepseek-v2.pdf", "crisprverse-main.pdf", "qwen3.pdf"):
        with pymupdf.open(str(corpus_pdf(name))) as d:
            texts.append("".join(pg.get_text() for pg in d))
    texts.append("US$5 C$3 A$2 10km 5kg/m² 3.5% (e.g. U.S. Army). OpenAI’s model's GPT-3.5; see https://x.org/Foo.Bar. "
                 "accuracy.The end... … «quoted» ¿qué? 1-2 a/b x=y <tag> ©2024 10°C. ’s 's")
    english = spacy.blank("en").tokenizer
    ours = get_nlp().tokenizer
    for text in texts:
        assert [(t.idx, t.text) for t in ours(text)] == [(t.idx, t.text) for t in english(text)]


def test_outline_read_off_mupdf_matches_get_toc() -> None:
    """Entries, levels and pages of the fast outline reader equal ``get_toc()``; positions fall on the page."""
    from jupyter_review.ingest.pdf import _outline_items

    for name in ("deepseek-v2.pdf", "chi2024-avatars.pdf", "npjmgrav-00129.pdf", "fimmu-2022-915001.pdf"):
        with pymupdf.open(str(corpus_pdf(name))) as d:
            toc = d.get_toc(simple=True)
            fast = _outline_items(d)
            assert len(toc) > 5
            assert [(lv, t, p) for lv, t, p, _y in fast] == [tuple(x) for x in toc]
            for _lv, _t, p, y in fast:
                assert y is None or -1 <= y <= d[p - 1].rect.height + 1


def test_latex_copyright_sign_is_one_character() -> None:
    """S2ORC's first page prints "c⃝2020 Association for Computational Linguistics": LaTeX's
    copyright sign, which the text layer gives as "c" + U+20DD (a combining circle)."""
    doc = load_document(corpus_pdf("s2orc-acl2020.pdf"))
    text = doc.texts[0]
    assert "\u20dd" not in text
    assert "\u00a92020 Association for Computational Linguistics" in text


def test_prose_set_larger_than_the_tables_is_not_a_heading() -> None:
    # clse-main: 11 pt paragraphs in a file whose 10 pt attribute table outweighs them; each
    # paragraph's first line ("... important to handle in a") used to become a section
    doc = load_document(corpus_pdf("clse-main.pdf"))
    titles = [s.title for s in doc.sections]
    assert not [t for t in titles if t.startswith(("Linguistic annotations", "We introduce the concept",
                                                   "The maximum hypothetical", "To obtain entities"))], titles
    assert titles[0] == "Corpus of Linguistically Significant Entities (CLSE)"
    text = " ".join(s.text for s in doc.sentences if s.page == 1)
    assert ("Linguistic annotations for an entity include those that are important to handle in a "
            "template-based language generation context.") in text
    # multi-lexsum's datasheet answer "... We detail the statistics in / Appendix E of the paper."
    # continues a sentence: its second line is no appendix heading
    ml = load_document(corpus_pdf("multi-lexsum.pdf"))
    assert "Appendix E of the paper." not in [s.title for s in ml.sections]
    # a two-line heading whose first line ends in "with" stays one heading
    tg = load_document(corpus_pdf("transgpn-main.pdf"))
    assert "The TransSGPN Framework with Switching Graph Policy Network" in [s.title for s in tg.sections]


@pytest.mark.parametrize("name, page", [("transgpn-main.pdf", 2), ("deepseek-coder-v2.pdf", 2)])
def test_contributions_inside_the_introduction_are_the_papers_not_the_authors(name: str, page: int) -> None:
    # both papers open a "Contributions" subsection of their Introduction (p. 2) that lists what
    # the paper contributes; CRediT-style author contributions would sit after the conclusion
    doc = load_document(corpus_pdf(name))
    sec = [s for s in doc.sections if s.doc == 0 and s.title.rstrip(".") == "Contributions"]
    assert sec and sec[0].page == page
    assert sec[0].kind == "introduction"


def test_captions_broken_at_a_line_end_hyphen_are_joined() -> None:
    # TransSGPN p. 7: "... accuracy at N=4: archi-" / "tecture × supervision order."
    doc = load_document(corpus_pdf("transgpn-main.pdf"))
    cap = next(c for c in doc.captions if c.kind == "table" and c.label == "3")
    assert "at N=4: architecture × supervision order." in cap.text
    # DeepSeek-V2 p. 20: "Live-" / "CodeBench" keeps its hyphen (a name), without a space
    v2 = load_document(corpus_pdf("deepseek-v2.pdf"))
    fig = next(c for c in v2.captions if c.kind == "figure" and c.label == "5")
    assert "Live-CodeBench" in fig.text and "Live- " not in fig.text
    # p. 13: "length-" / "controlled": two words of the file, the compound keeps its hyphen
    t4 = next(c for c in v2.captions if c.kind == "table" and c.label == "4")
    assert "the length-controlled win rate" in t4.text


from tests.conftest import CORPUS  # noqa: E402

_TEX = CORPUS.parent / "texbench" / "pdfs"


@pytest.mark.parametrize("where, name, page, ends, starts", [
    ("texbench", "scaling-ptp.pdf", 12, "in Appendix A.", "Our code will be made available by the time of publication."),
    ("texbench", "scaling-ptp.pdf", 7, "through an ablation in Appendix C.", "It is performed on a dataset"),
    ("corpus", "moonlight-main.pdf", None, "The proof can be found in the Appendix A.", "We monitored Muon"),
    ("corpus", "deepseek-coder-v2.pdf", None, "can be found in the Appendix A.", "We use the same tokenizer"),
    ("texbench", "irace-automl.pdf", None, "listed in Table I.", "Our rationale with this subset"),
    ("texbench", "ri-iclr2026.pdf", None, "We also provide full prompts in the Section B.", "All models and datasets we used"),
    # a task written with an arrow ("D \u2192T"): the tokenizer keeps "\u2192T." as one word
    ("corpus", "multi-lexsum.pdf", 8, "of Rouge-2 in D \u2192T.", "PRIMERA outperforms even the LED-16384 model"),
])
def test_a_one_letter_or_roman_label_ends_its_sentence(where, name, page, ends, starts) -> None:
    """'... in Appendix A. We ...': the tokenizer keeps 'A.' as one word (an initial), so the
    punctuation rule never split there and two or three sentences became one (a code-release
    sentence was quoted inside a proofs-in-the-appendix sentence). A reference label of one
    capital letter or a roman numeral before a capitalised word ends its sentence, and so does a
    one-letter task label after an arrow ("... in D \u2192T. PRIMERA ...")."""
    if where == "texbench":
        from tests.conftest import need_corpus
        need_corpus("a texbench paper")
        path = _TEX / name
    else:
        path = corpus_pdf(name)
    doc = load_document(str(path))
    texts = [" ".join(s.text.split()) for s in doc.sentences if page is None or s.page == page]
    assert any(t.endswith(ends) for t in texts), [t for t in texts if ends in t]
    assert any(t.startswith(starts) for t in texts), [t for t in texts if starts in t]


def test_initials_and_numbered_labels_still_do_not_split() -> None:
    from jupyter_review.nlp.pipeline import split_sentences

    text = ("As J. Smith showed in Appendix A.2, it holds. The values in Table 3. are given. "
            "See Figure B. It shows the loss.")
    got = [text[a:b] for a, b in next(split_sentences([text]))]
    assert got[0] == "As J. Smith showed in Appendix A.2, it holds."
    assert "See Figure B." in got and "It shows the loss." in got


@pytest.mark.parametrize("name, head, tail", [
    # a page opening with framed prompts and their figure captions (texbench, ICLR submission)
    ("texbench/ri-iclr2026.pdf", "We served all open-source models using vLLM", "with eight NVIDIA A800 (80 GB) GPUs"),
    # a figure's sub-caption label over its caption at the page top
    ("deepseek-v3.2-exp.pdf", "deployed on H800 GPUs, at", "a rental price of 2 USD per GPU hour"),
    ("kimi-linear.pdf", "By contrast, Kimi Linear induces a more", "balanced positional bias across layers"),
    ("medheval-main.pdf", "They should then make", "interpretations and diagnoses using clinical knowledge"),
])
def test_a_sentence_cut_by_the_page_break_continues_past_the_next_pages_figure(name, head, tail):
    """A sentence cut at the foot of a page goes on after the float that opens the next page (a
    framed prompt, a figure's labels, then its caption). The text just over a figure's caption
    is the figure's own, so the running text after the caption continues the previous page's open
    paragraph: ri-iclr2026 read 'Question: {question} with eight NVIDIA A800 (80 GB) GPUs ...' (a
    compute statement behind a prompt template) and 'We served all open-source models using vLLM'
    ended there; DeepSeek-V3.2-Exp's serving cost lost its 'rental price of 2 USD per GPU hour' to
    the sub-caption '(b) Decoding'."""
    from tests.conftest import need_corpus

    if name.startswith("texbench/"):
        path = need_corpus("a texbench paper").parent / "texbench" / "pdfs" / name.split("/", 1)[1]
    else:
        path = corpus_pdf(name)
    doc = load_document(path)
    joined = [s.text for s in doc.sentences if head in " ".join(s.text.split())]
    assert joined, head
    assert tail in " ".join(joined[0].split()), joined[0]


# Small type at the foot of a page is taken for footnotes before the tables are known; when a
# table sits at the bottom of a page its rows ('71.4 70.8', '0.887 -0.451 0.363') were footnotes
# and came back as prose sentences, and the checklist quoted them ("70.8 HumanEval (Pass@1)
# 0-shot" as an evaluation protocol). Text inside a found table's box is the table's.
@pytest.mark.parametrize("name", ["moonlight-main", "qwen3", "ssmph-101285", "fimmu-2022-915001",
                                  "moba", "deepseek-moe", "plosone-0319315"])
def test_no_prose_sentence_inside_a_found_table(name):
    doc = load_document(corpus_pdf(f"{name}.pdf"))
    assert doc.raw_tables
    inside = []
    for s in doc.sentences:
        cx, cy = (s.bbox[0] + s.bbox[2]) / 2, (s.bbox[1] + s.bbox[3]) / 2
        for t in doc.raw_tables:
            if (t.doc, t.page) == (s.doc, s.page) and t.bbox[0] - 1 <= cx <= t.bbox[2] + 1 \
                    and t.bbox[1] - 1 <= cy <= t.bbox[3] + 1:
                inside.append((s.page, s.text[:60]))
    assert inside == []
    # and the foot-of-page tables are still read as tables: their numbers are cells, not sentences
    numeric = [s.text for s in doc.sentences if re.fullmatch(r"[-\d.,()\s–%×]+", s.text.strip())]
    cells = {c.text.strip() for t in doc.raw_tables for row in t.rows for c in row}
    assert not [x for x in numeric if x.strip() in cells and len(x.strip()) > 3]
