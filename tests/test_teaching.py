"""Teaching: the answer key of a real paper is printed on its pages; the worksheet widget saves
what a student clicks and compares it with the key and the tool; papers are found where the
README says they are."""

from __future__ import annotations

import json
import re
import shutil
import unicodedata

import pymupdf
import pytest
import yaml

from jupyter_review import teaching
from jupyter_review.errors import FileMissingError, ReviewStateError
from jupyter_review.teaching import GAPS, VERDICTS, Worksheet
from tests.conftest import PAPERS, ROOT, analysed

TOPICS_YAML = ROOT / "jupyter_review" / "checklist" / "data" / "topics.yaml"
REAL = "npjmgrav-00129"


def _norm(text: str) -> str:
    """As tests/data/gold/topics: ligatures, whitespace, case, curly quotes and hyphenation fold."""
    text = " ".join(unicodedata.normalize("NFKC", text).split()).lower()
    text = re.sub(r"[-\u00ad\u2010\u2011]\s*", "", text)
    return text.translate(str.maketrans({"\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"'}))


@pytest.fixture(scope="module")
def key() -> dict:
    return teaching.answer_key(REAL)


@pytest.fixture(scope="module")
def pages() -> list[str]:
    with pymupdf.open(PAPERS / f"{REAL}.pdf") as doc:
        return [_norm(p.get_text()) for p in doc]


def test_the_real_key_covers_every_topic_and_its_quotes_are_on_their_pages(key, pages) -> None:
    assert teaching.keys() == ["sample", REAL]
    assert key["fictional"] is False and key["files"] == {f"{REAL}.pdf": {"role": "main", "pages": len(pages)}}
    assert set(key["topics"]) == set(yaml.safe_load(TOPICS_YAML.read_text(encoding="utf-8"))["topics"])
    for tid, e in key["topics"].items():
        assert e["status"] in VERDICTS and e["reason"].strip(), tid
        if e["status"] in ("missing", "not_applicable"):
            assert e["file"] is None and e["pages"] == [] and "quote" not in e, tid
            continue
        assert e["file"] == f"{REAL}.pdf" and e["pages"], tid
        assert all(1 <= n <= len(pages) for n in e["pages"]), tid
        assert _norm(e["quote"]) in pages[e["pages"][0] - 1], (tid, e["quote"])
    for c in key["claims"]:
        assert _norm(c["text"]) in pages[c["page"] - 1], c["text"]
    for p in key["referee_points"]:
        assert p["severity"] in ("major", "minor") and p["point"].strip()
        assert _norm(p["quote"]) in pages[p["page"] - 1], p["quote"]
    for t in key["tables"]:
        assert _norm(t["caption"]) in pages[t["page"] - 1], t["caption"]


def test_the_key_is_a_referee_s_not_an_echo_of_the_tool(key) -> None:
    """Gaps and n/a both occur, and the key's statuses differ from the tool's on some topics."""
    statuses = teaching.key_statuses(key)
    assert {"disclosed", "vague", "missing", "not_applicable"} <= set(statuses.values())
    tool = {t: r.status for t, r in analysed(PAPERS / f"{REAL}.pdf").topics.items()}
    differ = [t for t in statuses if statuses[t] != tool[t]]
    assert 1 <= len(differ) < len(statuses) // 2, differ


def test_the_key_s_table_cells_and_cross_checks_add_up(key, pages) -> None:
    table2 = next(t for t in key["tables"] if t["label"] == "2")
    acro = {(c["system"], c["column"].split(" / ")[1]): c["value"] for c in table2["cells"]}
    for c in table2["cells"]:
        assert f"{c['value']:.2f}" in pages[table2["page"] - 1]
    # the abstract's phase shifts against the descriptive means of Table 2 (hours)
    assert round(acro[("CTR", "HDBR49")] - acro[("CTR", "HDBR7")], 2) == 0.70
    assert round(acro[("RE", "HDBR7")] - acro[("RE", "HDBR49")], 2) == 0.45
    assert round(acro[("RVE", "HDBR7")] - acro[("RVE", "HDBR49")], 2) == 0.45
    assert all(x["expected"] == "consistent" for x in key["cross_checks"])


def test_papers_are_found_in_the_clone_and_then_the_corpus(tmp_path, monkeypatch) -> None:
    monkeypatch.delenv("JR_PAPERS", raising=False)
    monkeypatch.delenv("JR_CORPUS", raising=False)
    # run from notebooks/ of the clone: tests/data/papers of that clone
    assert teaching.find_paper(f"{REAL}.pdf", ROOT / "notebooks") == PAPERS / f"{REAL}.pdf"
    # a clone without the file, with a shared corpus beside it
    clone = tmp_path / "clone"
    (clone / "tests" / "data" / "papers").mkdir(parents=True)
    (clone / "notebooks").mkdir()
    corpus = tmp_path / "shared" / "corpus"
    corpus.mkdir(parents=True)
    shutil.copy(PAPERS / f"{REAL}.pdf", corpus)
    assert teaching.find_paper(f"{REAL}.pdf", clone / "notebooks") == corpus / f"{REAL}.pdf"
    # outside any clone: only $JR_PAPERS / $JR_CORPUS, and a clear typed error without them
    alone = tmp_path / "alone"
    alone.mkdir()
    with pytest.raises(FileMissingError, match="JR_PAPERS"):
        teaching.find_paper(f"{REAL}.pdf", alone)
    monkeypatch.setenv("JR_CORPUS", str(corpus))
    assert teaching.find_paper(f"{REAL}.pdf", alone) == corpus / f"{REAL}.pdf"
    monkeypatch.setenv("JR_PAPERS", str(PAPERS))
    main, supps = teaching.key_files(teaching.answer_key(REAL), alone)
    assert main == PAPERS / f"{REAL}.pdf" and supps == []
    from jupyter_review import sample

    assert teaching.key_files(teaching.answer_key("sample")) == (sample.main_pdf(), [sample.supplement_pdf()])
    with pytest.raises(FileMissingError, match="no answer key"):
        teaching.answer_key("no-such-paper")


def test_the_worksheet_saves_each_click_and_compares_with_key_and_tool(tmp_path, key) -> None:
    topics = ["data.sources", "data.licensing", "data.bias", "reproducibility.statistics", "model.architecture"]
    saved = tmp_path / "my-answers.json"
    sheet = Worksheet(topics, key, save_to=saved, paper="npj")
    assert "jr-worksheet" in sheet._dom_classes and list(sheet.buttons) == topics
    assert all(b.value is None for b in sheet.buttons.values())  # nothing pre-filled
    assert sheet.result.value == ""  # the key stays hidden until asked for
    assert "Data sources" in sheet.children[1].children[0].value

    clicks = {"data.sources": "disclosed", "data.licensing": "not_applicable", "data.bias": "missing",
              "reproducibility.statistics": "vague"}
    for t, v in clicks.items():
        sheet.buttons[t].value = v  # what a click on a verdict button does
    assert json.loads(saved.read_text("utf-8")) == {"paper": "npj", "answers": clicks}
    assert sheet.progress.value == "answered: 4 / 5"

    k = teaching.key_statuses(key)
    analysis = analysed(PAPERS / f"{REAL}.pdf")
    sheet.set_tool(analysis.topics)
    tool = {t: r.status for t, r in analysis.topics.items()}
    text = sheet.show_comparison()
    me_exact = sum(clicks.get(t) == k[t] for t in topics)
    me_gap = sum(t in clicks and (clicks[t] in GAPS) == (k[t] in GAPS) for t in topics)
    tl_exact = sum(tool[t] == k[t] for t in topics)
    tl_gap = sum((tool[t] in GAPS) == (k[t] in GAPS) for t in topics)
    assert f"you agree with the key on {me_exact} of 5 verdicts ({me_gap} of 5 gap/no-gap)" in text
    assert f"the tool agrees with the key on {tl_exact} of 5 verdicts ({tl_gap} of 5 gap/no-gap)" in text
    df = sheet.comparison()
    assert list(df["my verdict"]) == [clicks.get(t, "") for t in topics]
    assert list(df["answer key"]) == [k[t] for t in topics] and list(df["tool"]) == [tool[t] for t in topics]
    assert "<table>" in sheet.result.value and key["topics"]["data.licensing"]["reason"][:40] in sheet.result.value

    # a change after comparing updates the comparison; a fresh worksheet restores the clicks
    sheet.set_answer("model.architecture", "not_applicable")
    assert "answered: 5 / 5" in sheet.result.value
    again = Worksheet(topics, key, save_to=saved)
    assert again.answers == {**clicks, "model.architecture": "not_applicable"}
    with pytest.raises(ValueError, match="unknown verdict"):
        again.set_answer("data.bias", "terrible")
    assert json.loads(saved.read_text("utf-8"))["answers"]["data.bias"] == "missing"  # nothing lost


def test_a_damaged_answers_file_is_a_typed_error_and_is_kept(tmp_path, key) -> None:
    saved = tmp_path / "my-answers.json"
    saved.write_text("{not json", encoding="utf-8")
    with pytest.raises(ReviewStateError, match="not a saved worksheet"):
        Worksheet(["data.sources"], key, save_to=saved)
    assert saved.read_text(encoding="utf-8") == "{not json"
    with pytest.raises(ValueError, match="unknown topic"):
        Worksheet(["data.nothing"], key)


def test_escaped_text_in_the_worksheet(tmp_path) -> None:
    hostile = {"topics": {"data.sources": {"status": "missing", "reason": "<script>alert(1)</script>"}}}
    sheet = Worksheet(["data.sources"], hostile, paper="<b>x</b>")
    sheet.set_answer("data.sources", "vague")
    sheet.show_comparison()
    assert "<script>" not in sheet.result.value and "&lt;script&gt;" in sheet.result.value
    assert "<b>x</b>" not in sheet.header.value
