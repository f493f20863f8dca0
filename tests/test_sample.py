"""The bundled sample manuscript: rebuildable, laid out as intended, read correctly by
the ingest, and its answer key true to the PDFs.

Facts asserted here were read off the built PDFs with pymupdf (page.get_text, spans).
"""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

import pymupdf
import pytest
import yaml

import jupyter_review
from jupyter_review import sample
from jupyter_review.sample import build

TOPICS_YAML = Path(jupyter_review.__file__).parent / "checklist" / "data" / "topics.yaml"
STATUSES = {"disclosed", "supplement_only", "vague", "missing", "not_applicable"}
ASPECTS = {
    "source",
    "size",
    "collection",
    "curation",
    "synthetic",
    "annotation",
    "licensing",
    "personal_info",
    "bias",
    "contamination",
    "availability",
}
HEADER_MAIN = "Stratus-R: Verifier-Weighted Policy Optimisation for Multi-Step Reasoning"
HEADER_SUPP = "Stratus-R - Supplementary Material"


def norm(text: str) -> str:
    """Ligatures unfolded, all whitespace collapsed.  The sample's HTML engine never
    hyphenates words, so a hyphen at a line end is part of a compound and is kept."""
    text = re.sub(r"-[ \t]*\n\s*", "-", unicodedata.normalize("NFKC", text))
    return re.sub(r"\s+", " ", text).strip()


def page_texts(path: Path) -> list[str]:
    with pymupdf.open(path) as pdf:
        return [page.get_text() for page in pdf]


@pytest.fixture(scope="module")
def key() -> dict:
    return sample.answer_key()


@pytest.fixture(scope="module")
def texts() -> dict[str, list[str]]:
    """Normalised text of every page of the committed PDFs, by file name."""
    return {
        "main.pdf": [norm(t) for t in page_texts(sample.main_pdf())],
        "supplement.pdf": [norm(t) for t in page_texts(sample.supplement_pdf())],
    }


@pytest.fixture(scope="module")
def doc():
    return jupyter_review.load(sample.main_pdf(), [sample.supplement_pdf()])


def on_page(texts: dict[str, list[str]], file: str, page: int, quote: str) -> bool:
    return norm(quote) in texts[file][page - 1]


# -- the package API -----------------------------------------------------------------


def test_sample_api_paths_exist():
    assert sample.folder().is_dir()
    assert sample.main_pdf().name == "main.pdf" and sample.main_pdf().is_file()
    assert sample.supplement_pdf().name == "supplement.pdf" and sample.supplement_pdf().is_file()
    assert (sample.folder() / "src" / "main.html").is_file()
    assert (sample.folder() / "src" / "style.css").is_file()
    assert isinstance(sample.answer_key(), dict)


# -- the build ---------------------------------------------------------------------------


def test_committed_pdfs_match_a_fresh_build(tmp_path):
    paths = build.build(tmp_path)
    assert [p.name for p in paths] == ["main.pdf", "supplement.pdf"]
    for fresh in paths:
        committed = sample.folder() / fresh.name
        new, old = page_texts(fresh), page_texts(committed)
        assert len(new) == len(old), f"{fresh.name}: page count changed; rebuild and commit the PDFs"
        for i, (a, b) in enumerate(zip(new, old), 1):
            assert a == b, (
                f"{fresh.name} page {i} differs from a fresh build; run python -m jupyter_review.sample.build"
            )
    # the build is deterministic down to the bytes within one PyMuPDF version
    again = build.build(tmp_path / "again")
    for a, b in zip(paths, again):
        assert a.read_bytes() == b.read_bytes()


def test_page_counts_and_metadata(key):
    with pymupdf.open(sample.main_pdf()) as main, pymupdf.open(sample.supplement_pdf()) as supp:
        assert 7 <= main.page_count <= 9
        assert 4 <= supp.page_count <= 8
        assert main.page_count == key["files"]["main.pdf"]["pages"]
        assert supp.page_count == key["files"]["supplement.pdf"]["pages"]
        assert main.metadata["title"].startswith("Stratus-R: Verifier-Weighted Policy Optimisation")
        assert "Liesl Varga-Mendes" in main.metadata["author"]
        assert main.metadata["creationDate"] == build.FIXED_DATE
        assert supp.metadata["modDate"] == build.FIXED_DATE


def test_split_segments_reads_layout_markers():
    html = "<body><p>a</p><!-- layout: two --><p>b</p><!-- page-break --><p>c</p><!-- layout: one --><p>d</p></body>"
    segs = build.split_segments(html)
    assert [(s.html, s.columns, s.new_page) for s in segs] == [
        ("<p>a</p>", 1, False),
        ("<p>b</p>", 2, False),
        ("<p>c</p>", 2, True),
        ("<p>d</p>", 1, False),
    ]


# -- layout as drawn in the PDF ------------------------------------------------------------


def test_page_three_is_two_columns_with_a_sentence_across_the_gutter():
    with pymupdf.open(sample.main_pdf()) as pdf:
        page = pdf[2]
        mid = page.rect.width / 2
        blocks = [b for b in page.get_text("blocks") if 50 < b[1] and b[3] < page.rect.height - 50]
        left = sorted((b for b in blocks if b[2] < mid), key=lambda b: b[1])
        right = sorted((b for b in blocks if b[0] > mid), key=lambda b: b[1])
        assert left and right
        assert not [b for b in blocks if b[0] < mid < b[2]], "no body block spans the gutter on page 3"
        assert norm(left[0][4]).startswith("and rotary position embeddings")
        assert norm(left[-1][4]).endswith("all numbers in Section 6 are")
        assert norm(right[0][4]).startswith("obtained without re-ranking")


def test_running_header_and_page_numbers_are_on_the_pages():
    for path, header, labels in (
        (sample.main_pdf(), HEADER_MAIN, [str(n) for n in range(1, 8)]),
        (sample.supplement_pdf(), HEADER_SUPP, [f"S{n}" for n in range(1, 5)]),
    ):
        with pymupdf.open(path) as pdf:
            for page, label in zip(pdf, labels):
                lines = page.get_text().splitlines()
                assert lines[-1] == label
                if page.number == 0:
                    assert header not in lines
                else:
                    assert header in lines


def test_planted_bold_and_numbers_are_typeset_as_the_key_says():
    """Read off page 5: 51.1 +/- 0.9 is bold, 51.6 +/- 1.1 is not; page 4 has 64.2% in text and 62.4 in the table."""
    with pymupdf.open(sample.main_pdf()) as pdf:
        spans = [
            s for b in pdf[4].get_text("dict")["blocks"] for ln in b.get("lines", ()) for s in ln["spans"]
        ]
        bold = {
            s["text"].strip(): bool(s["flags"] & 16) or "Bold" in s["font"]
            for s in spans
            if s["text"].strip()
        }
        assert bold["51.1 ± 0.9"] is True
        assert bold["51.6 ± 1.1"] is False
        p4 = norm(pdf[3].get_text())
        assert "Stratus-R 7B attains 64.2%" in p4
        assert re.search(r"Stratus-R 7B \(ours\) 7B 71\.3 46\.8 62\.4 57\.2 52\.6 58\.1", p4)
        assert re.search(r"Lumen-8B-Chat 8B 63\.5 36\.9 55\.1 58\.9 47\.2 52\.3", p4)


# -- the ingest reads it right --------------------------------------------------------------


def test_two_column_pages_read_in_order(doc, key):
    main_pages = {p.number: p for p in doc.pages if p.doc == 0}
    for n in key["layout"]["two_column_pages"]["main.pdf"]:
        assert main_pages[n].columns == 2
    assert main_pages[1].columns == 1
    text = norm(doc.texts[0])
    # left column (top to bottom), then right column, and the sentence that runs across
    assert "all numbers in Section 6 are obtained without re-ranking or verifier-guided search" in text
    order = [
        "2 Related Work" if "2 Related Work" in text else "Related Work",
        "Reasoning in language models.",
        "Reinforcement learning from outcomes.",
        "Process supervision and verifiers.",
        "Small reasoning models.",
        "Regularising the policy.",
        "Stratus-R 7B is a decoder-only transformer",
        "StepJudge is used only during training",
        "Problems are presented in order of increasing difficulty",
        "Our supervised and reinforcement-learning data consist",
        "Many collected problems come with a final answer",
        "To train StepJudge we need labels",
        "We evaluate on five reasoning benchmarks",
    ]
    positions = [text.find(s) for s in order]
    assert all(p >= 0 for p in positions), [s for s, p in zip(order, positions) if p < 0]
    assert positions == sorted(positions)


def test_captions_detected_and_mid_sentence_reference_is_not(doc, key):
    files = {0: "main.pdf", 1: "supplement.pdf"}
    found = {(files[c.doc], c.page, c.kind, c.label) for c in doc.captions}
    for cap in key["layout"]["captions"]:
        assert (cap["file"], cap["page"], cap["kind"], cap["label"]) in found, cap
    table1 = [c for c in doc.captions if c.doc == 0 and c.kind == "table" and c.label == "1"]
    assert len(table1) == 1 and table1[0].text.startswith("Table 1: Main results")
    assert table1[0].position == "above"
    table2 = [c for c in doc.captions if c.doc == 0 and c.kind == "table" and c.label == "2"]
    assert len(table2) == 1 and table2[0].text.startswith("Table 2 | Sampled decoding")
    assert table2[0].position == "below"
    assert not [
        c for c in doc.captions if "as shown in Table 1" in c.text or c.text.startswith("Table 1. We")
    ]
    # the reference stays in the body text
    ref = key["layout"]["mid_sentence_table_reference"]
    body = [s for s in doc.sentences if s.doc == 0 and "as shown in Table 1" in s.text]
    assert body and body[0].page == ref["page"]


def test_sections_found_with_kinds_and_pages(doc, key):
    files = {0: "main.pdf", 1: "supplement.pdf"}
    got = [(files[s.doc], s.title, s.number, s.kind, s.page) for s in doc.sections]
    for file, sections in key["layout"]["sections"].items():
        for want in sections:
            match = [
                g
                for g in got
                if g[0] == file and g[1] == want["title"] and g[2] == str(want.get("number", ""))
            ]
            assert match, (file, want)
            assert match[0][4] == want["page"], (file, want, match)
            if "kind" in want:
                assert match[0][3] == want["kind"], (file, want, match)
    main_titles = [g[1] for g in got if g[0] == "main.pdf"]
    order = [
        "Abstract",
        "Introduction",
        "Related Work",
        "Method",
        "Data",
        "Experiments",
        "Results",
        "Discussion",
        "Limitations",
        "Conclusion",
        "Data Availability",
        "References",
    ]
    idx = [main_titles.index(t) for t in order]
    assert idx == sorted(idx)


def test_running_header_and_page_numbers_removed_from_body(doc):
    for p in doc.paragraphs:
        assert HEADER_MAIN not in p.text
        assert HEADER_SUPP not in p.text
        assert p.text.strip() not in {"2", "3", "4", "5", "6", "7", "S2", "S3", "S4"}
    for t in doc.texts:
        assert HEADER_MAIN not in t and HEADER_SUPP not in t


def test_data_availability_section_says_only_on_request(doc):
    sec = [s for s in doc.sections if s.doc == 0 and s.kind == "data_availability"]
    assert len(sec) == 1
    body = norm(doc.texts[0][sec[0].start : sec[0].end])
    assert "upon reasonable request" in body
    assert not re.search(r"https?://|doi|zenodo|github", body, re.I)


# -- the answer key ---------------------------------------------------------------------------


def test_answer_key_covers_every_topic_with_valid_pages(key, texts):
    topic_ids = set(yaml.safe_load(TOPICS_YAML.read_text(encoding="utf-8"))["topics"])
    assert set(key["topics"]) == topic_ids
    for tid, entry in key["topics"].items():
        assert entry["status"] in STATUSES, tid
        assert entry["reason"].strip(), tid
        if entry["status"] in {"missing", "not_applicable"}:
            assert entry["pages"] == [] or entry.get("file"), tid
            continue
        file = entry["file"]
        assert file in texts, tid
        assert entry["pages"], tid
        for n in entry["pages"]:
            assert 1 <= n <= len(texts[file]), (tid, n)
        assert on_page(texts, file, entry["pages"][0], entry["quote"]), (tid, entry["quote"])
        if entry["status"] == "supplement_only":
            assert file == "supplement.pdf", tid
        if entry["status"] == "disclosed":
            assert file == "main.pdf", tid
        if "main_text" in entry:
            mt = entry["main_text"]
            assert on_page(texts, "main.pdf", mt["pages"][0], mt["quote"]), (tid, mt)


def test_missing_topics_are_really_absent(texts):
    """Words any disclosure of these topics would need do not occur in either file."""
    allt = " ".join(t for pages in texts.values() for t in pages).lower()
    for word in (
        "ethic",
        "competing interest",
        "conflict of interest",
        "privacy",
        "personal",
        "misuse",
        "societ",
        "red-team",
        "red team",
        "energy",
        "carbon",
        "accountab",
        "responsib",
        "consent",
        "review board",
        "cut-off",
    ):
        assert word not in allt, word


def test_answer_key_claims_statements_tables_are_on_their_pages(key, texts):
    claims = key["claims"]
    assert [c["where"] for c in claims[:7]] == ["abstract"] * 4 + ["conclusion"] * 3
    kinds = {k for c in claims for k in c["kinds"]}
    assert kinds >= {"contribution", "superiority", "novelty", "quantitative", "generalisation"}
    for c in claims:
        assert on_page(texts, c["file"], c["page"], c["text"]), c["text"]
    for d in key["data_statements"]:
        assert set(d["aspects"]) <= ASPECTS, d
        assert isinstance(d["vague"], bool)
        assert on_page(texts, d["file"], d["page"], d["text"]), d["text"]
    assert any(d["vague"] for d in key["data_statements"])
    for t in key["tables"]:
        assert on_page(texts, t["file"], t["page"], t["caption"]), t["caption"]
        page = texts[t["file"]][t["page"] - 1]
        for cell in t["cells"]:
            v = cell["value"]
            shown = {
                f"{v:,}" if isinstance(v, int) else None,
                f"{v}",
                f"{v:.1f}" if isinstance(v, float) else None,
            }
            if isinstance(v, float) and v < 1e-3:
                shown.add(f"{v:.0e}".replace("e-0", "e-"))
            assert any(s and s in page for s in shown), (t["label"], cell)
    styles = {t["style"] for t in key["tables"]}
    assert styles == {"ruled", "booktabs"}


def test_answer_key_cross_checks_match_the_tables(key, texts):
    planted = key["cross_checks"]["planted"]
    assert {p["kind"] for p in planted} == {"number_mismatch", "universal_superiority", "bold_not_best"}
    tables = {t["label"]: t for t in key["tables"]}
    for p in planted:
        if "claim" in p:
            assert on_page(texts, p["claim"]["file"], p["claim"]["page"], p["claim"]["text"])
        t = tables[p["table"]["label"]]
        assert p["table"]["page"] == t["page"]
        cells = {(c["system"], c["column"]): c for c in t["cells"]}
        for c in p["cells"]:
            assert cells[(c["system"], c["column"])]["value"] == c["value"]
    # the bold-not-best cell really is bold and really is not the best
    bnb = next(p for p in planted if p["kind"] == "bold_not_best")
    col = bnb["cells"][0]["column"]
    t2 = tables["2"]
    in_col = [c for c in t2["cells"] if c["column"] == col]
    bolded = [c for c in in_col if c.get("bold")]
    assert bolded and max(in_col, key=lambda c: c["value"])["system"] != bolded[0]["system"]
    assert t2["best"][col] != bolded[0]["system"]
    for c in key["cross_checks"]["consistent"]:
        assert on_page(texts, c["file"], c["page"], c["text"])
