"""The review flow a referee goes through, on the bundled real papers (tests/data/papers):
progress by stage from the first call, the saved analysis on a second open, one folder per
review, one row per question (decided together, counted once), gaps first, full titles, and
main / supplement named wherever tables, claims and evidence are shown.

The browser half (progress on screen within a second of "Create review", reload) is
tests/browser/test_lab.py; speed figures are printed by benchmarks/reopen.py.
"""

from __future__ import annotations

import json
import os
import shutil
import stat
from pathlib import Path

import ipywidgets as W
import pymupdf
import pytest

import jupyter_review as jr
from jupyter_review.pipeline import STAGES
from jupyter_review.report import build_report
from jupyter_review.report.order import gap_rank, sort_rows
from jupyter_review.review import list_reviews, read_state, read_summary, sidecar_path, update_sidecar
from jupyter_review.review.cache import cache_path
from tests.conftest import PAIR, PAPERS, pair_pdf

MAIN, SUPP = PAIR  # a real paper and a second real paper given as its supplement


@pytest.fixture()
def pair(tmp_path: Path) -> tuple[Path, Path]:
    main = Path(shutil.copy(pair_pdf(MAIN), tmp_path / MAIN))
    supp = Path(shutil.copy(pair_pdf(SUPP), tmp_path / SUPP))
    return main, supp


@pytest.fixture(scope="module")
def opened(tmp_path_factory):
    """One review of the pair, opened once (analysed, cache written)."""
    folder = tmp_path_factory.mktemp("flow")
    main = Path(shutil.copy(pair_pdf(MAIN), folder / MAIN))
    supp = Path(shutil.copy(pair_pdf(SUPP), folder / SUPP))
    calls: list[tuple[int, int, str]] = []
    review = jr.open_review(main, [supp], progress=lambda d, t, m: calls.append((d, t, m)))
    return main, supp, review, calls


# -- progress ----------------------------------------------------------------------------


def test_progress_names_each_stage_in_order_and_only_rises(opened):
    _main, _supp, _review, calls = opened
    stages = [m.partition(": ")[0] for _d, _t, m in calls]
    seen = list(dict.fromkeys(stages))
    assert seen == [s for s in STAGES if s in seen]  # in the pipeline's order
    assert {"open", "text", "tables", "claims", "statements", "checklist", "done"} <= set(seen)
    done = [d for d, _t, _m in calls]
    assert done == sorted(done) and done[-1] == calls[-1][1]  # one bar that only rises, to the end
    assert any("reading " + MAIN in m for _d, _t, m in calls)  # the detail names the file


def test_show_review_displays_the_bar_before_the_analysis_then_the_checklist(pair, monkeypatch):
    from jupyter_review.notebook import show as show_module

    events: list[str] = []
    shown: list[W.Widget] = []

    def display(w):
        events.append("displayed")
        shown.append(w)
        w.bar.observe(lambda ch: events.append("stage:" + ch["new"]), names="description")

    real_open = jr.open_review

    def open_review(*a, **k):
        events.append("analysis starts")
        return real_open(*a, **k)

    monkeypatch.setattr(show_module, "_display", display)
    monkeypatch.setattr(jr, "open_review", open_review)
    main, supp = pair
    review = jr.show_review(main, [supp])
    assert events[:2] == ["displayed", "analysis starts"]  # the bar is on screen first
    stages = [e[len("stage:"):] for e in events if e.startswith("stage:")]
    assert {"text", "tables", "claims", "checklist"} <= set(stages)
    [box] = shown
    assert [type(c).__name__ for c in box.children] == ["ReviewWidget"]  # the checklist took the bar's place
    assert box.children[0].session is review and "jr-review" in box.children[0]._dom_classes


def test_a_bad_file_shows_its_typed_error_under_the_bar(tmp_path, monkeypatch):
    from jupyter_review.notebook import show as show_module

    shown: list[W.Widget] = []
    monkeypatch.setattr(show_module, "_display", shown.append)
    bad = tmp_path / "paper.pdf"
    bad.write_bytes(b"%PDF-1.7\nnot really")
    with pytest.raises(jr.errors.ReviewError):
        jr.show_review(bad)
    [box] = shown
    assert box.bar.bar_style == "danger"
    assert any("JR" in getattr(c, "value", "") for c in box.children)


# -- the saved analysis ---------------------------------------------------------------------


def test_second_open_reuses_the_saved_analysis_while_the_files_are_unchanged(opened):
    main, supp, first, _calls = opened
    assert cache_path(main) == main.with_name(main.stem + ".review") / "analysis-cache.json"
    assert cache_path(main).is_file() and "cached" not in first.analysis.timings
    calls: list[str] = []
    again = jr.open_review(main, [supp], progress=lambda d, t, m: calls.append(m))
    assert again.analysis.timings.get("cached") == 1.0
    assert not any(m.startswith("text") for m in calls)  # nothing was read again
    # the same analysis as the first open
    a, b = first.analysis.to_dict(), again.analysis.to_dict()
    a.pop("timings"), b.pop("timings")
    assert a == b
    assert [f.path for f in again.analysis.document.files] == [str(main), str(supp)]


def test_a_changed_file_or_a_damaged_cache_means_a_new_analysis(pair):
    main, supp = pair
    jr.open_review(main, [supp])
    # a damaged cache: analysed again, never an error, and the cache is whole again
    cache_path(main).write_text('{"kind": "jupyter-review/analysis-cache", "schema": 1, "key": {"files": [')
    assert "cached" not in jr.open_review(main, [supp]).analysis.timings
    assert json.loads(cache_path(main).read_text())["kind"] == "jupyter-review/analysis-cache"
    assert jr.open_review(main, [supp]).analysis.timings.get("cached") == 1.0
    # the supplement changed (a revised file): its hash differs, the analysis is redone
    with open(supp, "ab") as f:
        f.write(b"\n% revised\n")
    assert "cached" not in jr.open_review(main, [supp]).analysis.timings
    # other frameworks asked for: another key
    assert "cached" not in jr.open_review(main, [supp], frameworks=["data-disclosure"]).analysis.timings
    # no cache at all when asked
    assert "cached" not in jr.open_review(main, [supp], cache=False).analysis.timings


def test_a_cache_made_for_another_paper_is_not_used(pair, tmp_path):
    main, supp = pair
    jr.open_review(main, [supp])
    other = Path(shutil.copy(PAPERS / "npjmgrav-00129.pdf", tmp_path / "other.pdf"))
    cache_path(other).parent.mkdir()
    shutil.copy(cache_path(main), cache_path(other))  # a copied folder, another paper
    review = jr.open_review(other)
    assert "cached" not in review.analysis.timings
    assert review.analysis.document.files[0].name == "other.pdf"


# -- one folder per review ------------------------------------------------------------------


def test_a_review_writes_one_folder_beside_the_paper_and_follows_the_umask(pair):
    main, supp = pair
    old = os.umask(0o027)
    try:
        review = jr.open_review(main, [supp])
        review.decide(review.ordered()[0].id, "absent", note="n")
        w = review.show()
        for fmt in ("md", "html", "csv", "json"):
            w.export(fmt)
    finally:
        os.umask(old)
    folder = main.with_name(main.stem + ".review")
    assert sorted(p.name for p in main.parent.iterdir()) == sorted([MAIN, SUPP, folder.name])
    assert sorted(p.name for p in folder.iterdir()) == ["analysis-cache.json", "checklist.csv", "export.json",
                                                        "report.html", "report.md", "review.json"]
    assert stat.S_IMODE(folder.stat().st_mode) == 0o750
    assert {stat.S_IMODE(p.stat().st_mode) for p in folder.iterdir()} == {0o640}
    [listed] = list_reviews(main.parent)
    assert listed["paper"] == MAIN and listed["decided"] == 1


def test_an_older_review_beside_the_paper_is_still_read_and_written_in_place(pair):
    main, supp = pair
    legacy = main.with_name(main.stem + ".review.json")
    update_sidecar(legacy, item="data-disclosure:sources", decision="absent", note="from an older version")
    assert sidecar_path(main) == legacy
    review = jr.open_review(main, [supp])
    assert review.path == legacy
    assert review.item("data-disclosure:sources").decision == "absent"
    assert review.item("data-disclosure:sources").note == "from an older version"
    review.decide("data-disclosure:sources", "present")
    assert read_state(legacy)["items"]["data-disclosure:sources"]["decision"] == "present"
    assert not (main.with_name(main.stem + ".review") / "review.json").exists()  # not forked
    [listed] = list_reviews(main.parent)
    assert listed["sidecar"] == str(legacy)


# -- one row per question ------------------------------------------------------------------


def test_framework_items_of_one_question_are_one_row(opened):
    _main, _supp, review, _calls = opened
    rows = review.questions
    assert len(rows) == len({it.topic for it in review.items}) < len(review.items)
    members = [m for q in rows for m in q.members]
    assert sorted(members) == sorted(it.id for it in review.items)  # every item in exactly one row
    for q in rows:
        items = [review.item(m) for m in q.members]
        assert {it.topic for it in items} == {q.topic}
        assert q.frameworks == list(dict.fromkeys(it.framework for it in items))
    shared = [q for q in rows if len(q.frameworks) > 1]
    assert shared, "the built-in frameworks share questions"
    assert review.progress() == (0, len(rows))
    assert review.open_gaps() == sum(1 for q in rows if q.effective_status in ("missing", "vague", "supplement_only"))


def test_deciding_a_shared_row_decides_it_in_every_framework(pair):
    main, supp = pair
    review = jr.open_review(main, [supp])
    gap = next(q for q in review.ordered() if len(q.members) > 1 and q.is_gap)
    before = review.open_gaps()
    review.decide(gap.id, "present", note="stated in the methods")
    on_disk = read_state(main)["items"]
    assert {m: on_disk[m]["decision"] for m in gap.members} == dict.fromkeys(gap.members, "present")
    assert {on_disk[m]["note"] for m in gap.members} == {"stated in the methods"}
    assert review.open_gaps() == before - 1  # counted once, not once per framework
    assert review.progress()[0] == 1 and read_summary(main)["decided"] == 1
    # deciding through another framework's item id is the same row
    other = gap.members[-1]
    review.decide(other, "absent")
    assert all(read_state(main)["items"][m]["decision"] == "absent" for m in gap.members)
    # a save from the server names one item id: the saved group decides the whole row
    update_sidecar(main, item=gap.members[0], decision="partial")
    review.reload()
    assert [review.item(m).decision for m in gap.members] == ["partial"] * len(gap.members)
    assert review.question(other).decision == "partial"
    # the framework filter of the widget still finds the row under each framework
    w = review.show()
    w.order.value = "checklist"
    for fw in gap.frameworks:
        w.framework_filter.value = fw
        assert gap.id in w.filtered_ids


def test_a_review_saved_before_rows_were_grouped_keeps_every_note(pair):
    main, supp = pair
    review = jr.open_review(main, [supp])
    q = next(q for q in review.questions if len(q.members) > 1)
    a, b = q.members[0], q.members[1]
    path = review.path
    st = read_state(path)
    for k in (a, b):
        st["items"][k].pop("group", None)
    st["items"][a].update(decision="absent", note="note on the first", updated="2026-01-01T00:00:00+00:00")
    st["items"][b].update(decision="present", note="note on the second", updated="2026-02-01T00:00:00+00:00")
    path.write_text(json.dumps(st))
    again = jr.open_review(main, [supp])
    row = again.question(a)
    assert row.decision == "present"  # the later decision
    assert "note on the first" in row.note and "note on the second" in row.note  # nothing lost


# -- gaps first ------------------------------------------------------------------------------


def test_gaps_come_first_in_the_widget_and_in_the_report(opened):
    _main, _supp, review, _calls = opened
    w = review.show()
    assert w.order.value == "gaps"
    shown = [review.question(i) for i in w.filtered_ids]
    ranks = [gap_rank(q.effective_status, q.severity) for q in shown]
    assert ranks == sorted(ranks)
    # the pair has no missing or vague item since annotation and human labour no longer applies to
    # fimmu's own participants (its hand gold: not applicable); what the main text leaves to the
    # supplement is the gap that comes first, before anything disclosed
    assert shown[0].effective_status in ("missing", "vague", "supplement_only")
    assert all(q.effective_status != "disclosed" for q in shown[:2])
    assert [q.id for q in shown] == [q.id for q in sort_rows(review.questions, "gaps")]
    report = build_report(review.analysis, review)
    assert [q["ids"][0] for q in report["questions"]] == w.filtered_ids  # the same order, one function
    # the sort control: checklist order brings back the frameworks' own order
    w.order.value = "checklist"
    assert w.filtered_ids == [q.id for q in review.questions]
    w.order.value = "undecided"
    assert len(w.filtered_ids) == len(review.questions)


# -- full titles -----------------------------------------------------------------------------


@pytest.mark.parametrize("name", ["fimmu-2022-915001.pdf", "neurores-0022-4.pdf", "npjmgrav-00129.pdf",
                                  "plosmed-1003873.pdf"])
def test_title_read_from_the_first_page_is_the_whole_title(name, tmp_path):
    """With the PDF's metadata title removed, the title read from page 1 (every line of it,
    beside a journal's side column too) is the publisher's full title."""
    doc = pymupdf.open(PAPERS / name)
    want = " ".join(doc.metadata["title"].split())
    doc.set_metadata({})
    doc.save(tmp_path / name)
    got = jr.load(tmp_path / name).files[0].title
    assert got == want


def test_a_title_set_in_lines_is_joined(tmp_path):
    doc = pymupdf.open()
    page = doc.new_page()
    page.insert_text((72, 90), "A Long Title About Checking", fontsize=20)
    page.insert_text((72, 115), "Disclosure Gaps in Papers", fontsize=20)
    page.insert_text((72, 150), "Ann Author and Bo Writer", fontsize=11)
    y = 200
    for i in range(30):
        page.insert_text((72, y), f"Body text line {i} of the paper, set in the body size of ten points.", fontsize=10)
        y += 13
    doc.save(tmp_path / "t.pdf")
    assert jr.load(tmp_path / "t.pdf").files[0].title == "A Long Title About Checking Disclosure Gaps in Papers"


# -- main / supplement named ---------------------------------------------------------------


def test_main_and_supplement_are_named_on_evidence_claims_and_tables(opened):
    main, supp, review, _calls = opened
    w = review.show()
    roles = {i: f.role for i, f in enumerate(review.analysis.document.files)}
    assert set(roles.values()) == {"main", "supplement"}
    # evidence quotes in the checklist rows
    for q in review.questions:
        if q.evidence:
            row = w.row(q.id)
            for quote, ev in zip(row.quotes, q.evidence):
                role = "main" if roles[ev.doc] == "main" else "supplement"
                assert f"{role}: " in quote.value
    # the claims and tables tabs
    claims_html = "".join(x.value for x in w.show_tab("Claims").children if isinstance(x, W.HTML))
    for c in review.claims[:20]:
        assert f"{roles[c.doc]}: {review.analysis.document.files[c.doc].name} p.{c.page}" in claims_html
    w.show_tab("Tables")
    if review.tables:
        titles = w.tables_accordion.titles
        for t, title in zip(review.tables, titles):
            assert f"· {roles[t.doc]} p.{t.page} ·" in title
        assert f"{roles[review.tables[0].doc]}: " in w.table_html(review.tables[0])
    # the report names the file's role with every quote
    md = review.report("md")
    evidence_lines = [ln for ln in md.splitlines() if ln.strip().startswith("- Evidence (")]
    assert evidence_lines and all(ln.strip().startswith(("- Evidence (main ", "- Evidence (supplement "))
                                  for ln in evidence_lines)
    # the screening row counts what comes from the supplement
    from jupyter_review.screen import summarise_analysis

    row = summarise_analysis(review.analysis)
    supp_docs = {i for i, r in roles.items() if r == "supplement"}
    assert row["tables_supplement"] == sum(1 for t in review.tables if t.doc in supp_docs) <= row["tables"]
    # claims: the paper's own (those the cross-checks read), as the editor's count
    own = [c for c in review.claims if c.own is not False]
    assert row["claims"] == len(own)
    assert row["claims_supplement"] == sum(1 for c in own if c.doc in supp_docs) <= row["claims"]


def test_the_core_of_the_flow_imports_nothing_from_jupyter():
    import subprocess
    import sys

    code = ("import sys, jupyter_review, jupyter_review.pipeline, jupyter_review.review.cache, "
            "jupyter_review.review.session, jupyter_review.report.order; "
            "print(sorted(m for m in sys.modules if m.split('.')[0] in "
            "('ipywidgets', 'IPython', 'ipykernel', 'jupyter_server', 'tornado')))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"
