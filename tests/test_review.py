"""The referee's saved review: decisions, notes, atomic saves, concurrency, revisions."""

from __future__ import annotations

import json
import multiprocessing as mp
import os
import shutil
from pathlib import Path

import pytest

import jupyter_review as jr
from jupyter_review import errors
from jupyter_review.review import list_reviews, read_state, sidecar_path, update_sidecar
from tests.conftest import corpus_pdf


@pytest.fixture(scope="module")
def stock_dir(tmp_path_factory):
    d = tmp_path_factory.mktemp("stock")
    for n in ("stockmixer-main.pdf", "stockmixer-supplement.pdf"):
        shutil.copy(corpus_pdf(n), d / n)
    return d


@pytest.fixture(scope="module")
def stock_analysis(stock_dir):
    return jr.analyze(stock_dir / "stockmixer-main.pdf", [stock_dir / "stockmixer-supplement.pdf"])


def _open(stock_dir, analysis):
    return jr.open_review(stock_dir / "stockmixer-main.pdf", [stock_dir / "stockmixer-supplement.pdf"], analysis=analysis)


def test_decisions_and_notes_are_saved_at_once_and_restored(stock_dir, stock_analysis):
    r = _open(stock_dir, stock_analysis)
    assert len(r.items) == len(stock_analysis.checklist) > 50
    total = len(r.questions)  # one row per question: framework items of the same topics are one
    assert total == len({c.topic for c in stock_analysis.checklist}) < len(r.items)
    assert r.path == stock_dir / "stockmixer-main.review" / "review.json"
    r.decide("data-disclosure:licensing", "absent", note="No licence for the price data.")
    r.set_note("ai-accountability:limitations", "Limitations are one sentence.")
    r.general_notes = "Solid method paper; data terms unclear."
    on_disk = json.loads(r.path.read_text())
    assert on_disk["schema_version"] == "1.0" and on_disk["kind"] == "jupyter-review/review"
    assert on_disk["items"]["data-disclosure:licensing"]["decision"] == "absent"
    assert on_disk["summary"]["decided"] == 1 and on_disk["summary"]["total"] == total
    again = _open(stock_dir, stock_analysis)
    it = again.item("data-disclosure:licensing")
    assert (it.decision, it.note) == ("absent", "No licence for the price data.")
    assert it.effective_status == "missing"
    assert again.item("ai-accountability:limitations").note == "Limitations are one sentence."
    assert again.general_notes == "Solid method paper; data terms unclear."
    assert again.progress() == (1, total)
    df = again.checklist
    row = df[df.id == "data-disclosure:licensing"].iloc[0]
    assert row.decision == "absent" and row.effective_status == "missing"
    listed = list_reviews(stock_dir)
    assert listed[0]["paper"] == "stockmixer-main.pdf" and listed[0]["decided"] == 1 and listed[0]["total"] == total


def test_invalid_decision_is_refused_and_nothing_changes(stock_dir, stock_analysis):
    r = _open(stock_dir, stock_analysis)
    before = r.path.read_bytes()
    with pytest.raises(errors.ReviewStateError):
        r.decide("data-disclosure:sources", "maybe")
    with pytest.raises(errors.ReviewStateError):
        r.decide("no-such:item", "agree")
    assert r.path.read_bytes() == before


def test_a_crash_mid_write_leaves_the_saved_review_intact(stock_dir, stock_analysis, monkeypatch):
    r = _open(stock_dir, stock_analysis)
    r.set_note("data-disclosure:size", "kept")
    good = r.path.read_bytes()

    def boom(*a, **k):
        raise OSError("disk pulled out")

    monkeypatch.setattr(os, "replace", boom)
    with pytest.raises(OSError):
        r.set_note("data-disclosure:size", "lost write")
    monkeypatch.undo()
    assert r.path.read_bytes() == good
    assert not [p for p in stock_dir.iterdir() if p.name.endswith(".tmp")]


def test_stale_sessions_merge_instead_of_dropping_notes(stock_dir, stock_analysis):
    a = _open(stock_dir, stock_analysis)
    b = _open(stock_dir, stock_analysis)
    b.set_note("data-disclosure:bias", "note from B")
    a.set_note("data-disclosure:bias", "note from A")  # a never saw B's note
    merged = read_state(a.path)["items"]["data-disclosure:bias"]["note"]
    assert "note from A" in merged and "note from B" in merged
    b.decide("data-disclosure:collection", "present")
    with pytest.raises(errors.ReviewConflictError, match="data-disclosure:collection"):
        a.decide("data-disclosure:collection", "absent")
    assert read_state(a.path)["items"]["data-disclosure:collection"]["decision"] == "present"
    a.decide("data-disclosure:collection", "absent")  # deciding again overrides knowingly
    assert read_state(a.path)["items"]["data-disclosure:collection"]["decision"] == "absent"


def _writer(args):
    paper, who, n = args
    for i in range(n):
        update_sidecar(paper, item=f"x:{who}-{i}", note=f"{who} {i}")
    return who


def test_two_processes_saving_at_once_lose_nothing(tmp_path):
    paper = tmp_path / "p.pdf"
    paper.write_bytes(b"%PDF-1.4\n")
    ctx = mp.get_context("spawn")
    with ctx.Pool(2) as pool:
        pool.map(_writer, [(str(paper), "a", 25), (str(paper), "b", 25)])
    st = read_state(paper)
    assert len(st["items"]) == 50 and st["revision"] == 50
    assert st["items"]["x:a-24"]["note"] == "a 24" and st["items"]["x:b-0"]["note"] == "b 0"


def test_a_corrupt_sidecar_is_reported_not_overwritten(tmp_path):
    paper = tmp_path / "p.pdf"
    sc = sidecar_path(paper)
    sc.parent.mkdir()
    sc.write_text("{ not json")
    with pytest.raises(errors.ReviewSchemaError, match="not valid JSON"):
        read_state(paper)
    with pytest.raises(errors.ReviewSchemaError):
        update_sidecar(paper, item="a:b", note="x")
    assert sc.read_text() == "{ not json"
    sc.write_text(json.dumps({"kind": "jupyter-review/review", "schema_version": "9.0", "items": {}}))
    with pytest.raises(errors.ReviewSchemaError, match="schema"):
        read_state(paper)


def test_revised_manuscript_keeps_decisions_and_reports_changes(tmp_path):
    paper = tmp_path / "transgpn.pdf"
    shutil.copy(corpus_pdf("transgpn-main-v1.pdf"), paper)
    v1 = jr.open_review(paper)
    assert v1.changes == [] and all(i.change is None for i in v1.items)
    v1.decide("ml-reproducibility:baselines", "agree", note="check the dropped baseline in v2")
    v1.set_note("data-disclosure:sources", "ask for the circuit sources")
    shutil.copy(corpus_pdf("transgpn-main.pdf"), paper)  # the authors' revision
    v2 = jr.open_review(paper)
    assert v2.item("ml-reproducibility:baselines").decision == "agree"
    assert v2.item("ml-reproducibility:baselines").note == "check the dropped baseline in v2"
    assert v2.item("data-disclosure:sources").note == "ask for the circuit sources"
    st = read_state(paper)
    assert len(st["history"]) == 1
    assert st["history"][0]["from_files"][0]["sha256"] != st["history"][0]["to_files"][0]["sha256"]
    assert all(i.change is not None for i in v2.items)
    kinds = {i.change for i in v2.items}
    assert kinds <= {"closed", "opened", "status_changed", "new_evidence", "evidence_gone", "unchanged"}
    # the tables changed between the versions: some evidence moved or changed
    assert kinds != {"unchanged"}
    assert v2.changes == [c for c in v2.changes if c["change"] != "unchanged"]
    report = v2.report("md")
    assert "Changes since the previous version" in report


def test_report_escapes_pdf_text_and_notes(stock_dir, stock_analysis, tmp_path):
    r = _open(stock_dir, stock_analysis)
    r.decide("data-disclosure:personal-data", "absent", note="<script>alert(1)</script> & <img src=x onerror=alert(2)>")
    html = r.report("html", path=tmp_path / "report.html")
    assert "<script>alert(1)" not in html and "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "<img src=x" not in html
    assert (tmp_path / "report.html").read_text() == html
    md = r.report("md")
    assert "<script>" not in md and "## Major requests" in md
    assert "Personal information and consent" in md
    csv = r.export_csv(tmp_path / "c.csv").read_text()
    assert csv.splitlines()[0].startswith("id,framework,item,topic,question,status")
    assert Path(r.export_json(tmp_path / "c.json")).exists()
