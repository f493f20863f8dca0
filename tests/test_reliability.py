"""Reliability under hostile inputs (issue 16): bounded costly reads, typed errors for
every outside failure, a server that never freezes, sidecars that never lose a note.

The generators live in tests/hostile.py (shared with benchmarks/reliability.py, which
prints tried / failed-safe / failed-unsafe per category).  Speed and memory figures are
the benchmark's business; these tests check the mechanisms (what is never called, what
is raised, what is on disk)."""

from __future__ import annotations

import errno
import json
import os
import signal
import stat
from contextlib import contextmanager
from pathlib import Path

import pymupdf
import pytest

from jupyter_review.errors import (
    CorruptPDFError,
    EmptyPDFError,
    NoTextLayerError,
    ReadOnlyReviewError,
    ReviewError,
    SaveError,
    SidecarError,
)
from jupyter_review.ingest import budget as B
from jupyter_review.ingest import tables as T
from jupyter_review.review import state as S
from tests import hostile


@contextmanager
def deadline(seconds: float):
    """Fail (instead of hanging the suite) when the block runs longer than ``seconds``."""

    def boom(*_a):
        raise TimeoutError(f"still running after {seconds} s")

    old = signal.signal(signal.SIGALRM, boom)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, old)


# -- budgets for the costly reads -------------------------------------------------------------


def test_page_cost_is_measured_with_a_capped_read(tmp_path: Path) -> None:
    pdf = hostile.drawings_bomb(tmp_path / "bomb.pdf", segments=400_000)
    with pymupdf.open(pdf) as doc:
        page = doc[0]
        cost = B.page_cost(page, cap=1_000_000)
        # 400k segments are 5.6 MB of drawing code; the capped read stops just past 1 MB
        assert cost.drawing_bytes == 1_000_001
        assert cost.has_paths and cost.path_ops > 1000
        full = B.page_cost(page)
        assert full.drawing_bytes == len(page.read_contents())
        assert full.too_heavy_to_draw and not full.too_heavy_to_read
    with pymupdf.open(hostile.small_paper(tmp_path / "p.pdf")) as doc:
        assert not B.page_cost(doc[0]).too_heavy_to_draw
        assert B.quick_cost(doc[0]) is None  # small pages are not even inflated


def test_textless_bomb_page_never_lists_its_drawings(tmp_path: Path, monkeypatch) -> None:
    """The scanned-page check used get_drawings() on every textless page (3 GB, 80 s on a
    2,000,000-segment page); now it counts path operators in a bounded window."""
    from jupyter_review.ingest import load_document

    def refuse(self, *a, **k):
        raise AssertionError("get_drawings called on a page over the drawing budget")

    monkeypatch.setattr(pymupdf.Page, "get_drawings", refuse)
    monkeypatch.setattr(pymupdf.Page, "get_cdrawings", refuse)
    pdf = hostile.drawings_bomb(tmp_path / "bomb.pdf", segments=320_000)
    with deadline(60), pytest.raises(NoTextLayerError) as err:
        load_document(pdf)
    assert err.value.code == "JR106" and "images" in err.value.message


def test_bomb_figure_beside_a_table_never_lists_its_drawings(tmp_path: Path, monkeypatch) -> None:
    from jupyter_review.ingest import load_document

    calls = []
    real = pymupdf.Page.get_cdrawings

    def counted(self, *a, **k):
        calls.append(self.number)
        return real(self, *a, **k)

    monkeypatch.setattr(pymupdf.Page, "get_cdrawings", counted)
    pdf = hostile.drawings_bomb(tmp_path / "fig.pdf", segments=320_000, text="Results of the study", caption=True)
    with deadline(60):
        doc = load_document(pdf)
    assert calls == []  # neither the rules nor the grid finder listed 320k drawings
    assert doc.pages[0].has_text and doc.captions


def test_page_over_the_read_budget_is_skipped_with_a_warning(tmp_path: Path, monkeypatch) -> None:
    """A page whose drawing code is over the read limit is not interpreted at all; the
    other pages are read and the analysis names the degraded page."""
    from jupyter_review.ingest import load_document

    monkeypatch.setattr(B, "PAGE_READ_BYTES", 1_000_000)  # the 64 MB limit, scaled to a small bomb
    monkeypatch.setattr(B, "QUICK_RAW_BYTES", 1_000)
    paper = hostile.small_paper(tmp_path / "paper.pdf", pages=2)
    bomb = hostile.drawings_bomb(tmp_path / "bomb.pdf", segments=200_000)
    with pymupdf.open(paper) as d, pymupdf.open(bomb) as b:
        d.insert_pdf(b)
        d.save(tmp_path / "mixed.pdf")
    with deadline(60):
        doc = load_document(tmp_path / "mixed.pdf")
    assert [p.has_text for p in doc.pages] == [True, True, False]
    degraded = [w for w in doc.warnings if "degraded" in w]
    assert degraded and degraded[0].startswith("mixed.pdf: page 3 read in a degraded way (budget)"), doc.warnings


def test_table_search_budget_stops_and_says_so(tmp_path: Path) -> None:
    budget = B.Budget(table_seconds=0.0)
    assert not budget.tables_left()
    budget.note(3, "table search budget of 0 CPU s spent: not searched")
    budget.note(4, "table search budget of 0 CPU s spent: not searched")
    [w] = budget.warnings("x.pdf")
    assert w.startswith("x.pdf: pages 3, 4 read in a degraded way (budget)")


def test_uncaptioned_table_search_always_moves_on() -> None:
    """A seed row inside a caption's box grows only upwards; restarting at it looped for
    ever (the review copies with margin line numbers, e.g. lowshot-iccv2017, ran > 300 s)."""
    ws = []
    for r in range(5):
        y = 100 + 14 * r
        for c, x in enumerate((72, 200, 300, 400)):
            text = f"{r}.{c}5" if c else f"row{r}"
            ws.append(T.W(x, y, x + 30, y + 9, text))
    caption_box = (60, 100 + 14 * 4 - 2, 500, 100 + 14 * 4 + 11)  # the last numeric row sits in it
    with deadline(10):
        regions = T._uncaptioned(ws, 612, 9.0, [caption_box])
    assert 1 <= len(regions) <= 2
    assert all(len(r.rows) >= 3 for r in regions)


def test_real_review_copy_with_line_numbers_is_read(tmp_path: Path) -> None:
    from tests.conftest import CORPUS

    pdf = CORPUS.parent / "texbench" / "pdfs" / "lowshot-iccv2017.pdf"
    if not pdf.exists():
        pytest.skip("../shared/texbench is not beside the clone")
    from jupyter_review.ingest import load_document

    with deadline(120):
        doc = load_document(pdf)
    assert len(doc.pages) == 8 and doc.sections


@pytest.mark.parametrize("count", ["1000000000", "-5", "99999999999999999999"])
def test_impossible_page_counts_are_typed_errors(tmp_path: Path, count: str) -> None:
    from jupyter_review.ingest.open import open_pdf

    pdf = hostile.page_count_pdf(tmp_path / "count.pdf", count)
    with pytest.raises((CorruptPDFError, EmptyPDFError)) as err:
        open_pdf(pdf)
    assert isinstance(err.value, ReviewError) and err.value.code in ("JR103", "JR105")


# -- sidecars: one validating reader, never a lost note ------------------------------------------



@pytest.mark.parametrize("name,data", hostile.corrupt_sidecars(), ids=[n for n, _ in hostile.corrupt_sidecars()])
def test_every_corruption_is_a_typed_error_naming_the_file(tmp_path: Path, name: str, data: bytes) -> None:
    p = tmp_path / "p.review.json"
    p.write_bytes(data)
    with pytest.raises(ReviewError) as err:
        S.read_state(p)
    assert err.value.code.startswith("JR30") and str(p) in err.value.message
    # the listing names the bad sidecar instead of failing
    [entry] = S.list_reviews(tmp_path)
    assert entry["error"].startswith("error JR30") and entry["sidecar"] == str(p)
    assert p.read_bytes() == data  # left as it was


def test_a_damaged_summary_is_recomputed_not_fatal(tmp_path: Path) -> None:
    """The summary is derived data (rewritten on every save): bad figures list as zero."""
    p = tmp_path / "p.review.json"
    p.write_text(json.dumps(dict(hostile.SIDECAR_BASE, summary={"total": "x", "open_gaps": True, "counts": []})))
    [entry] = S.list_reviews(tmp_path)
    assert "error" not in entry and entry["total"] == 0 and entry["open_gaps"] == 0 and entry["counts"] == {}


def test_duplicate_items_key_never_opens_with_the_notes_dropped(tmp_path: Path) -> None:
    good = dict(hostile.SIDECAR_BASE, items={"a:b": {"decision": "absent", "note": "kept"}})
    p = tmp_path / "p.review.json"
    p.write_text(json.dumps(good)[:-1] + ', "items": {}}')
    with pytest.raises(SidecarError, match="'items' twice"):
        S.read_state(p)
    with pytest.raises(SidecarError):  # and a save does not overwrite it with the empty copy
        S.update_sidecar(tmp_path / "p.pdf", item="a:c", note="new")
    assert '"kept"' in p.read_text()


def test_fifo_device_and_oversize_sidecars_are_refused_at_once(tmp_path: Path) -> None:
    tried, safe, unsafe, notes = hostile.category_special_files()
    assert (tried, safe, unsafe) == (4, 4, 0), notes


def test_made_up_item_ids_and_huge_notes_are_refused(tmp_path: Path) -> None:
    paper = tmp_path / "p.pdf"
    S.update_sidecar(paper, item="fw:real", note="first")
    st = S.read_state(paper)
    st["files"] = [{"name": "p.pdf", "sha256": "0" * 64, "role": "main"}]  # as a session writes it
    S.write_state(S.sidecar_path(paper), st)
    with pytest.raises(ReviewError, match="no checklist item 'fw:made-up'"):
        S.update_sidecar(paper, item="fw:made-up", decision="absent")
    for bad_id in ("", "no-colon", "a:b/../c", "x" * 300 + ":y"):
        with pytest.raises(ReviewError):
            S.update_sidecar(paper, item=bad_id, note="n")
    with pytest.raises(ReviewError, match="at most"):
        S.update_sidecar(paper, item="fw:real", note="x" * (S.MAX_NOTE_CHARS + 1))
    assert S.read_state(paper)["items"]["fw:real"]["note"] == "first"
    assert set(S.read_state(paper)["items"]) == {"fw:real"}


def test_no_lock_file_and_a_planted_lock_symlink_is_never_followed(tmp_path: Path) -> None:
    tried, safe, unsafe, notes = hostile.category_lock_symlink()
    assert unsafe == 0 and safe == 1, notes
    S.update_sidecar(tmp_path / "v.pdf", item="a:b", note="n")
    # one review folder beside the paper, holding the one sidecar: no lock file anywhere
    assert sorted(p.name for p in tmp_path.iterdir()) == ["v.review"]
    assert sorted(p.name for p in (tmp_path / "v.review").iterdir()) == ["review.json"]


def test_kill_9_during_save_loses_no_acknowledged_note_and_leaves_no_temp_files() -> None:
    tried, safe, unsafe, notes = hostile.category_kill_during_save(6)
    assert unsafe == 0 and safe == tried == 6, notes


def test_concurrent_writer_processes_lose_nothing() -> None:
    tried, safe, unsafe, notes = hostile.category_concurrent_writers(3, 8)
    assert unsafe == 0 and safe == 24, notes


def test_stale_temp_files_are_cleaned_when_the_review_is_next_locked(tmp_path: Path) -> None:
    S.update_sidecar(tmp_path / "v.pdf", item="a:b", note="n")
    folder = tmp_path / "v.review"
    for k in range(3):  # what killed saves leave behind
        (folder / f".review.json.k{k}.tmp").write_text("partial")
    (folder / ".analysis-cache.json.x.tmp").write_text("another file's")
    S.update_sidecar(tmp_path / "v.pdf", item="a:b", note="m")
    assert sorted(p.name for p in folder.iterdir()) == [".analysis-cache.json.x.tmp", "review.json"]


def test_new_files_follow_the_umask(tmp_path: Path) -> None:
    old = os.umask(0o027)
    try:
        S.update_sidecar(tmp_path / "u.pdf", item="a:b", note="n")
        side = S.sidecar_path(tmp_path / "u.pdf")
        mode = stat.S_IMODE(side.stat().st_mode)
        folder_mode = stat.S_IMODE(side.parent.stat().st_mode)
    finally:
        os.umask(old)
    assert mode == 0o640  # not the 0600 of a temp file
    assert folder_mode == 0o750  # the review folder follows the umask too
    os.chmod(side, 0o664)
    S.update_sidecar(tmp_path / "u.pdf", item="a:b", note="m")
    assert stat.S_IMODE(side.stat().st_mode) == 0o664  # kept on replace


def _disk_full(*_a, **_k):
    raise OSError(errno.ENOSPC, "No space left on device")


def test_disk_full_is_a_typed_error_and_the_file_is_intact(tmp_path: Path, monkeypatch) -> None:
    S.update_sidecar(tmp_path / "d.pdf", item="a:b", note="kept")
    side = S.sidecar_path(tmp_path / "d.pdf")
    before = side.read_bytes()
    monkeypatch.setattr(os, "replace", _disk_full)
    with pytest.raises(SaveError) as err:
        S.update_sidecar(tmp_path / "d.pdf", item="a:b", note="lost?")
    monkeypatch.undo()
    assert err.value.code == "JR304" and "disk is full" in err.value.message
    assert side.read_bytes() == before
    assert not [p for p in side.parent.iterdir() if p.name.endswith(".tmp")]


@pytest.fixture(scope="module")
def small_analysis(tmp_path_factory):
    import jupyter_review as jr

    d = tmp_path_factory.mktemp("small")
    paper = hostile.small_paper(d / "s.pdf", pages=2)
    return paper, jr.analyze(paper)


def _session(paper: Path, analysis):
    import jupyter_review as jr

    return jr.open_review(paper, analysis=analysis)


def test_a_failed_save_leaves_the_session_as_it_was(small_analysis, monkeypatch) -> None:
    paper, analysis = small_analysis
    r = _session(paper, analysis)
    item = r.items[0]
    r.decide(item.id, "present", note="first")
    seen = []
    r.on_change(lambda s: seen.append(1))
    monkeypatch.setattr(os, "replace", _disk_full)
    with pytest.raises(SaveError):
        r.decide(item.id, "absent", note="second")
    monkeypatch.undo()
    assert (item.decision, item.note) == ("present", "first")
    assert r.checklist.set_index("id").loc[item.id, "decision"] == "present"  # an export has the saved choice
    assert r.progress()[0] == 1 and seen == []


def test_a_review_in_a_folder_it_cannot_write_opens_read_only(small_analysis, monkeypatch) -> None:
    paper, analysis = small_analysis
    r = _session(paper, analysis)
    r.set_note(r.items[1].id, "saved before")
    side = r.path
    before = side.read_bytes()
    real_access = os.access
    monkeypatch.setattr(os, "access", lambda p, mode, **k: False if mode == os.W_OK else real_access(p, mode, **k))
    ro = _session(paper, analysis)
    assert ro.read_only and side.read_bytes() == before  # no write on open
    assert ro.items[1].note == "saved before"
    with pytest.raises(ReadOnlyReviewError) as err:
        ro.set_note(ro.items[1].id, "new")
    assert err.value.code == "JR305" and ro.items[1].note == "saved before"


def test_json_into_a_folder_that_cannot_be_written_is_a_typed_error(tmp_path: Path, monkeypatch, capsys) -> None:
    from jupyter_review.cli import main

    paper = hostile.small_paper(tmp_path / "j.pdf")
    monkeypatch.setattr(os, "replace", _disk_full)
    rc = main(["analyze", str(paper), "--json", str(tmp_path / "out.json")])
    err = capsys.readouterr().err
    assert rc != 0 and "JR304" in err and "JR999" not in err


def test_show_on_page_of_a_giant_media_box_is_a_bounded_image(tmp_path: Path) -> None:
    from jupyter_review.ingest.render import MAX_RENDER_PIXELS, MAX_RENDER_SIDE, render_page_png

    doc = pymupdf.open()
    page = doc.new_page(width=14400, height=14400)  # the largest page PDF allows (200 inches)
    page.insert_text((100, 100), "A very large poster", fontsize=40)
    doc.save(tmp_path / "poster.pdf")
    doc.close()
    png = render_page_png(str(tmp_path / "poster.pdf"), 1, [(90, 60, 600, 110)])
    pix = pymupdf.Pixmap(png)
    assert pix.width <= MAX_RENDER_SIDE and pix.width * pix.height <= MAX_RENDER_PIXELS


def test_show_on_page_of_a_drawings_bomb_is_a_typed_error(tmp_path: Path) -> None:
    from jupyter_review.errors import TooLargeError
    from jupyter_review.ingest.render import render_page_png

    pdf = hostile.drawings_bomb(tmp_path / "bomb.pdf", segments=320_000)
    with pytest.raises(TooLargeError):
        render_page_png(str(pdf), 1)


def test_screen_workers_stop_a_manuscript_over_its_time_and_finish_the_batch(tmp_path: Path) -> None:
    from jupyter_review.screen import Manuscript, _run_processes
    from tests.screen_crash_helper import hang_on_slow_name

    todo = [Manuscript(n, tmp_path / f"{n}.pdf", ()) for n in ("a", "slow", "b", "c")]
    # the clock starts when a manuscript is handed to the pool, before a fresh worker has
    # loaded the pipeline: the limit must leave room for that on a loaded machine
    with deadline(120):
        rows = dict((m.id, r) for m, r in _run_processes(todo, 2, None, hang_on_slow_name, timeout=12, memory_mb=2048))
    assert set(rows) == {"a", "slow", "b", "c"}
    assert rows["slow"]["error"].startswith("error JR110")
    assert all(rows[k]["error"] == "" and rows[k]["title"] == k for k in ("a", "b", "c"))


# -- the worker process: limits become typed errors --------------------------------------------


@pytest.mark.parametrize("kind,code", [
    ("sleep", "JR110"), ("memory", "JR111"), ("segfault", "JR112"), ("exit", "JR112"), ("typed", "JR102"),
    ("bug", "JR000"),
])
def test_worker_limits_and_failures_are_typed_errors(kind: str, code: str) -> None:
    from jupyter_review.worker import run_limited
    from tests.screen_crash_helper import worker_task

    with deadline(60), pytest.raises(ReviewError) as err:
        run_limited(worker_task, (kind,), timeout=3 if kind == "sleep" else 60, memory_mb=1500)
    assert err.value.code == code, err.value.message


def test_worker_relays_progress_and_returns_the_result() -> None:
    from jupyter_review.worker import run_limited
    from tests.screen_crash_helper import worker_task

    seen = []
    assert run_limited(worker_task, ("ok",), progress=lambda *a: seen.append(a), timeout=30) == {"answer": 42}
    assert seen == [(1, 2, "half way")]


def test_widget_shows_the_saved_choice_after_a_failed_save(small_analysis, monkeypatch) -> None:
    from jupyter_review.notebook import ReviewWidget

    paper, analysis = small_analysis
    r = _session(paper, analysis)
    w = ReviewWidget(r)
    row = w.rows_box.children[0]
    row.decision.value = "present"
    assert r.item(row.item_id).decision == "present"
    monkeypatch.setattr(os, "replace", _disk_full)
    row.decision.value = "absent"  # the click whose save fails
    monkeypatch.undo()
    assert row.decision.value == "present" and r.item(row.item_id).decision == "present"
    assert "not saved" in row.message.value and "disk is full" in row.message.value
    assert S.read_state(paper)["items"][row.item_id]["decision"] == "present"


def test_refused_writes_at_every_step_are_safe() -> None:
    tried, safe, unsafe, notes = hostile.category_read_only_folder()
    assert tried >= 9 and unsafe == 0 and safe == tried, notes


def test_screen_of_one_hostile_manuscript_runs_in_a_limited_worker(tmp_path: Path) -> None:
    from jupyter_review.screen import screen

    folder = tmp_path / "in"
    folder.mkdir()
    hostile.drawings_bomb(folder / "bomb.pdf", segments=320_000)
    with deadline(120):
        df = screen(folder, progress=False, timeout=60, memory_mb=3000)
    assert df.attrs["screen"]["mode"] == "processes"
    [row] = df.to_dict("records")
    assert row["error"].startswith("error JR106")
