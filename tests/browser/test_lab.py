"""JupyterLab in a real browser: right-click a PDF -> "Review paper…" -> checklist;
decisions survive a reload; the sidebar lists the review; hostile PDF text stays text.

Runs as its own pytest invocation (scripts/test.sh): sync Playwright and pytest-jupyter's
async fixtures do not share an event loop.
"""

from __future__ import annotations

import json
import re
import time
from pathlib import Path

import pytest

from .conftest import ARTIFACTS, Lab

pytestmark = pytest.mark.browser

RENDER_TIMEOUT = 300_000  # ms: kernel start + analysis on a busy machine


def slug(item_id: str) -> str:
    return re.sub(r"[^A-Za-z0-9_-]", "-", item_id)


def open_lab(page, lab: Lab, workspace: str) -> None:
    """A fresh workspace (no restored tabs), the file browser shown at the root."""
    page.goto(lab.url(f"lab/workspaces/{workspace}") + "&reset")
    page.wait_for_function(
        "() => window.jupyterapp && window.jupyterapp.commands.hasCommand('jupyter-review:review-paper')",
        timeout=90_000,
    )
    page.evaluate("async () => { await window.jupyterapp.started; await window.jupyterapp.restored; return null; }")
    command(page, "filebrowser:go-to-path", {"path": "/"})
    command(page, "filebrowser:activate")
    page.wait_for_selector(".jp-DirListing-content", timeout=60_000)


def dir_item(page, name: str):
    return page.locator(".jp-DirListing-item").filter(
        has=page.locator(".jp-DirListing-itemText", has_text=re.compile("^" + re.escape(name) + "$"))
    )


def review_via_context_menu(page, pdf_name: str, supplement: str | None) -> float:
    """Right-click -> "Review paper…" -> tick the supplement -> accept; returns the
    time.monotonic() of the click that creates the review."""
    item = dir_item(page, pdf_name)
    item.wait_for()
    item.click()
    item.click(button="right")
    entry = page.locator('.lm-Menu-item[data-command="jupyter-review:review-selected-paper"]')
    entry.wait_for()
    assert entry.inner_text().strip() == "Review paper…"
    entry.click()
    dialog = page.locator(".jp-Dialog .jr-dialog")
    dialog.wait_for()
    assert dialog.locator(".jr-dialog-paper-name").inner_text() == pdf_name
    if supplement is not None:
        box = dialog.locator(f'input[type="checkbox"][data-path="{supplement}"]')
        box.check()
        assert box.is_checked()
    accept = page.locator(".jp-Dialog button.jp-mod-accept")
    accept.wait_for()
    t_click = time.monotonic()
    accept.click()
    return t_click


GAP_RANK = {"missing": 1, "vague": 2, "supplement_only": 3, "disclosed": 4, "not_applicable": 5}


def row_status(row) -> str:
    cls = row.locator(".jr-status").first.get_attribute("class") or ""
    return next(c for c in cls.split() if c.startswith("jr-status-") and c != "jr-status")[len("jr-status-"):]


def row_members(row) -> list[str]:
    """The framework item ids of a row (its framework tags carry them as tooltips)."""
    ids: list[str] = []
    for tag in row.locator(".jr-framework-tag").all():
        ids += [x.strip() for x in (tag.get_attribute("title") or "").split(",") if x.strip()]
    return ids


def current_notebook(page, nb_name: str):
    tab = page.locator(".lm-DockPanel-tabBar .lm-TabBar-tab", has_text=nb_name)
    tab.wait_for(timeout=60_000)
    return page.locator(".jp-NotebookPanel:not(.lm-mod-hidden)")


def wait_sidecar(path: Path, check, timeout: float = 60.0) -> dict:
    t0 = time.monotonic()
    last = None
    while time.monotonic() - t0 < timeout:
        try:
            last = json.loads(path.read_text(encoding="utf-8"))
            if check(last):
                return last
        except (OSError, ValueError):
            pass
        time.sleep(0.2)
    raise AssertionError(f"{path.name} never reached the expected state; last: {json.dumps(last)[:2000]}")


def command(page, command_id: str, args: dict | None = None) -> None:
    """Run a JupyterLab command in the page (the app is exposed by --LabApp.expose_app_in_browser)."""
    page.evaluate(
        "async ([id, args]) => { await window.jupyterapp.commands.execute(id, args); return null; }",
        [command_id, args or {}],
    )


def run_all(page) -> None:
    command(page, "notebook:run-all-cells")


def test_review_a_paper_end_to_end(page, lab: Lab):
    open_lab(page, lab, "review")
    # the launcher card and the palette command are there
    page.locator(".jp-LauncherCard", has_text="Review a paper").wait_for(timeout=30_000)
    assert page.evaluate("() => window.jupyterapp.commands.label('jupyter-review:review-paper')") == "Review paper…"

    t_click = review_via_context_menu(page, lab.main, lab.supplement)
    stem = Path(lab.main).stem
    nb_name = f"{stem}.review.ipynb"
    # progress is on screen from the start: the notebook's stored "waiting for the kernel"
    # stage, then the live ipywidgets bar with the stage name, then the checklist in its place
    page.locator(".jp-NotebookPanel:not(.lm-mod-hidden)").locator(
        ".jr-analysis-pending, .jr-analysis-progress").first.wait_for(timeout=60_000)
    t_progress = time.monotonic()
    panel = current_notebook(page, nb_name)
    assert (lab.root / nb_name).is_file()
    bar = panel.locator(".jr-analysis-progress")
    t_bar = None
    try:
        bar.first.wait_for(timeout=RENDER_TIMEOUT)
        t_bar = time.monotonic()
        stage = bar.first.inner_text()
    except Exception:  # the analysis may finish before a poll sees the bar: then the checklist is there
        stage = ""
    review = panel.locator(".jr-review")
    review.wait_for(timeout=RENDER_TIMEOUT)
    t_checklist = time.monotonic()
    print(f"\n[timing] click 'Create review' -> first progress visible {t_progress - t_click:.2f} s; "
          f"-> live progress bar {'%.2f s' % (t_bar - t_click) if t_bar else 'not seen'} ({stage.strip()[:60]!r}); "
          f"-> first visible checklist {t_checklist - t_click:.2f} s")
    assert panel.locator(".jr-analysis-progress").count() == 0  # the checklist took the bar's place
    rows = review.locator(".jr-item")
    assert rows.count() > 10
    # widget values arrive as their own messages: wait until the label shows its first value
    review.locator(".jr-progress", has_text=re.compile(r"\d+\s*/\s*\d+\s*decided")).wait_for()
    progress = review.locator(".jr-progress").inner_text()
    m = re.search(r"(\d+)\s*/\s*(\d+)\s*decided", progress)
    assert m and m.group(1) == "0", progress
    total = int(m.group(2))
    assert total >= rows.count()  # the widget pages long checklists
    # both files were read: the header names the supplement too
    assert lab.supplement in review.locator(".jr-files").inner_text()

    # a row shows three quotes at most; "more" opens the further quotes and the unverified leads
    review.locator(".jr-more").first.wait_for()
    item = review.locator(".jr-item:has(.jr-more)").first
    more = item.locator(".jr-more")
    item.locator(".jr-quote").first.wait_for()  # widget views arrive one by one
    before = item.locator(".jr-quote, .jr-lead").count()
    assert 1 <= before <= 3
    more.click()
    item.locator(".jr-quote, .jr-lead").nth(before).wait_for()
    opened = item.locator(".jr-quote, .jr-lead").count()
    assert opened > before
    if "unverified lead" in more.inner_text():
        assert "not counted" in item.locator(".jr-lead").first.inner_text()
    more.click()  # and closes them again
    item.locator(".jr-quote, .jr-lead").nth(before).wait_for(state="detached")

    # gaps first: the first page's rows go missing, vague, supplement only, disclosed, n/a
    statuses = [row_status(r) for r in rows.all()]
    ranks = [GAP_RANK[s_] for s_ in statuses]
    assert ranks == sorted(ranks), statuses
    assert statuses[0] in ("missing", "vague"), statuses
    # the sort control is there and says so
    order = review.locator(".jr-order select").first
    assert order.evaluate("s => s.options[s.selectedIndex].text").replace("\xa0", " ") == "gaps first"

    # one row per question: pick a gap that several frameworks ask; mark it "absent", write a note
    shared = [r for r in rows.all() if len(row_members(r)) > 1 and row_status(r) in ("missing", "vague")]
    assert shared, "no gap is shared by two frameworks on the first page"
    row = shared[0]
    members = row_members(row)
    assert len({m.split(":")[0] for m in members}) >= 2, members
    gaps_before = int(re.search(r"(\d+)", review.locator(".jr-open-gaps").inner_text()).group(1))
    cls = row.get_attribute("class") or ""
    row_slug = next(c for c in cls.split() if c.startswith("jr-item-"))[len("jr-item-"):]
    row.locator(".jr-decision button", has_text=re.compile(r"^absent$")).click()
    note = "Browser test: no data access statement <b>here</b> & no code."
    textarea = row.locator(".jr-note textarea")
    textarea.fill(note)
    textarea.press("Tab")  # continuous_update=False: the value is sent on change (blur)

    sidecar = lab.root / f"{stem}.review" / "review.json"  # the one review folder beside the paper
    state = wait_sidecar(
        sidecar,
        lambda s: all(s.get("items", {}).get(m, {}).get("decision") == "absent"
                      and s["items"][m].get("note") == note for m in members),
    )
    # the decision closed the question in every framework that asks it, and nothing else
    assert sorted(k for k, v in state["items"].items() if v.get("decision") == "absent") == sorted(members)
    assert slug(members[0]) == row_slug
    review.locator(".jr-progress", has_text=f"1 / {total} decided").wait_for()
    # "absent" keeps it a gap; "present" closes it once, not once per framework
    row.locator(".jr-decision button", has_text=re.compile(r"^present$")).click()
    wait_sidecar(sidecar, lambda s: all(s["items"][m].get("decision") == "present" for m in members))
    review.locator(".jr-open-gaps", has_text=re.compile(rf"\b{gaps_before - 1}\b")).wait_for()
    row.locator(".jr-decision button", has_text=re.compile(r"^absent$")).click()
    wait_sidecar(sidecar, lambda s: all(s["items"][m].get("decision") == "absent" for m in members))
    review.screenshot(path=str(ARTIFACTS / "checklist.png"))
    # the framework filter: the row is decided under each of its frameworks
    fw_select = review.locator(".jr-filters select").nth(1)
    labels = [o.replace("\xa0", " ") for o in fw_select.evaluate("s => Array.from(s.options, o => o.text)")]
    for fw in sorted({m.split(":")[0] for m in members}):
        fw_select.select_option(index=next(i for i, o in enumerate(labels) if o.endswith(f"({fw})") or o == fw))
        shown = review.locator(f".jr-item-{row_slug}")
        shown.wait_for()
        assert "mod-active" in (shown.locator(".jr-decision button", has_text=re.compile(r"^absent$"))
                                .get_attribute("class") or "")
    fw_select.select_option(index=0)  # (all)

    # the Claims tab lists the method's design choices; the sample's KL penalty has no experiment
    review.locator(".lm-TabBar-tab", has_text="Claims").first.click()
    design = review.locator(".jr-design-table")
    design.wait_for(timeout=60_000)
    kl = design.locator("tr", has_text="KL penalty").first
    kl.wait_for()
    assert "none found" in kl.inner_text()
    assert "with no experiment found" in review.locator(".jr-design-summary").inner_text()
    # claims read as other papers' work or background are listed apart, not dropped
    apart = review.locator(".jr-claims-other-summary")
    apart.wait_for()
    assert "Not this paper's" in apart.inner_text()
    assert review.locator(".jr-claims-other-table tr").count() >= 2
    review.screenshot(path=str(ARTIFACTS / "design-choices.png"))
    review.locator(".lm-TabBar-tab", has_text="Checklist").first.click()

    # reload the page; re-run the notebook; the decision and the note are restored
    command(page, "docmanager:save")
    page.wait_for_function(
        "() => !document.querySelector('.lm-DockPanel-tabBar .lm-TabBar-tab.jp-mod-dirty')", timeout=30_000
    )
    page.reload()
    page.wait_for_selector(".jp-DirListing-content", timeout=90_000)
    page.wait_for_function("() => window.jupyterapp && window.jupyterapp.commands.hasCommand('docmanager:open')")
    command(page, "docmanager:open", {"path": nb_name})
    panel = current_notebook(page, nb_name)
    panel.locator(".jp-Cell").first.wait_for()
    page.wait_for_function(
        "() => { const w = window.jupyterapp.shell.currentWidget;"
        " return w && w.sessionContext && w.sessionContext.session && w.sessionContext.session.kernel; }",
        timeout=120_000,
    )
    command(page, "notebook:clear-all-cell-outputs")
    page.wait_for_function("() => !document.querySelector('.jp-NotebookPanel:not(.lm-mod-hidden) .jr-review')")
    t_run = time.monotonic()
    run_all(page)
    review = panel.locator(".jr-review")
    review.wait_for(timeout=RENDER_TIMEOUT)
    print(f"[timing] reopen: run the notebook -> checklist {time.monotonic() - t_run:.2f} s (saved analysis, "
          "files unchanged)")
    row = review.locator(f".jr-item-{row_slug}")
    row.wait_for()
    review.locator(".jr-progress", has_text=re.compile(r"\b1\s*/\s*\d+\s*decided")).wait_for()
    assert row_members(row) == members  # the same shared row, restored
    absent = row.locator(".jr-decision button", has_text=re.compile(r"^absent$"))
    assert "mod-active" in (absent.get_attribute("class") or "")
    for other in row.locator(".jr-decision button").all():
        if other.inner_text().strip() != "absent":
            assert "mod-active" not in (other.get_attribute("class") or "")
    assert row.locator(".jr-note textarea").input_value() == note
    assert re.search(rf"\b1\s*/\s*{total}\s*decided", review.locator(".jr-progress").inner_text())

    # the sidebar lists the review with its progress
    page.locator('.jp-SideBar .lm-TabBar-tab[data-id="jupyter-review-sidebar"]').click()
    side = page.locator("#jupyter-review-sidebar")
    entry = side.locator(".jr-sidebar-item").filter(has=page.locator(".jr-sidebar-progress"))
    entry.first.wait_for(timeout=30_000)
    assert entry.count() == 1
    assert entry.locator(".jr-sidebar-progress").inner_text() == f"1 / {total} decided"
    gaps = int(re.match(r"(\d+)", entry.locator(".jr-sidebar-gaps").inner_text()).group(1))
    summary = json.loads(sidecar.read_text())["summary"]
    assert gaps == summary["open_gaps"]
    # ... the same figures the checklist header shows
    header_gaps = int(re.search(r"(\d+)", review.locator(".jr-open-gaps").inner_text()).group(1))
    assert gaps == header_gaps, (gaps, header_gaps, summary)
    page.screenshot(path=str(ARTIFACTS / "lab-with-sidebar.png"))

    # clicking the review opens its notebook (closed first)
    command(page, "docmanager:save")
    page.wait_for_function(
        "() => !document.querySelector('.lm-DockPanel-tabBar .lm-TabBar-tab.jp-mod-dirty')", timeout=30_000
    )
    command(page, "application:close-all")
    page.locator(".lm-DockPanel-tabBar .lm-TabBar-tab", has_text=nb_name).wait_for(state="detached")
    entry.first.click()
    current_notebook(page, nb_name)
    assert page.dialogs == []


def test_markup_in_pdf_text_stays_text(page, lab: Lab):
    open_lab(page, lab, "hostile")
    folder = dir_item(page, "hostile")
    folder.wait_for()
    folder.dblclick()
    dir_item(page, "markup-in-text.pdf").wait_for()
    review_via_context_menu(page, "markup-in-text.pdf", None)
    panel = current_notebook(page, "markup-in-text.review.ipynb")
    review = panel.locator(".jr-review")
    review.wait_for(timeout=RENDER_TIMEOUT)

    literal = "<img src=x onerror=alert(1)>"
    # the PDF's title line and the evidence quote show the markup as text (the header is filled
    # in when the analysis arrives, after the widget's frame: wait for it, then read it)
    review.locator(".jr-title", has_text=literal).first.wait_for(timeout=RENDER_TIMEOUT)
    assert literal in review.locator(".jr-title").inner_text()
    quotes = review.locator(".jr-quote")
    assert any(literal in q.inner_text() for q in quotes.all())
    # ... and no element was made from it
    assert page.locator('img[src="x"]').count() == 0
    assert page.locator(".jr-review script").count() == 0

    # the header says this one-page file is no research article (as text)
    warning = review.locator(".jr-warning").first
    warning.wait_for(timeout=30_000)
    assert "markup-in-text.pdf does not look like a research article" in warning.inner_text()

    # the Claims tab shows the <script> sentence literally
    tab = review.locator(".lm-TabBar-tab", has_text="Claims")
    if tab.count():
        tab.first.click()
        review.get_by_text("<script>alert('xss')</script>", exact=False).first.wait_for(timeout=30_000)

    # the sidebar shows the hostile title as text too
    page.locator('.jp-SideBar .lm-TabBar-tab[data-id="jupyter-review-sidebar"]').click()
    side = page.locator("#jupyter-review-sidebar")
    side.locator(".jr-sidebar-item").first.wait_for(timeout=30_000)
    assert literal in side.locator(".jr-sidebar-title").first.inner_text()
    assert side.locator("img").count() == 0

    page.wait_for_timeout(1500)  # give any injected handler time to fire
    review.screenshot(path=str(ARTIFACTS / "markup-in-text.png"))
    assert page.dialogs == [], page.dialogs


def test_palette_and_launcher_open_the_dialog(page, lab: Lab):
    open_lab(page, lab, "palette")
    # command palette: "Review paper…" without a selected PDF lets the user choose the paper
    page.keyboard.press("Control+Shift+C")
    page.locator(".lm-CommandPalette-input").fill("Review paper")
    page.locator('.lm-CommandPalette-item[data-command="jupyter-review:review-paper"]').first.click()
    dialog = page.locator(".jp-Dialog .jr-dialog")
    dialog.wait_for()
    options = dialog.locator("select.jr-dialog-paper option").all_inner_texts()
    assert sorted(options) == sorted([lab.main, lab.supplement])
    dialog.locator("select.jr-dialog-paper").select_option(lab.main)
    boxes = dialog.locator('input[type="checkbox"]')
    assert [b.get_attribute("data-path") for b in boxes.all()] == [lab.supplement]
    assert boxes.first.is_checked()  # a supplement-like name is pre-selected
    page.locator(".jp-Dialog button.jp-mod-reject").click()
    dialog.wait_for(state="detached")
    # the launcher card opens the same dialog
    page.locator(".jp-LauncherCard:visible", has_text="Review a paper").first.click()
    dialog.wait_for()
    page.locator(".jp-Dialog button.jp-mod-reject").click()
    dialog.wait_for(state="detached")

    # in a folder of three PDFs, choosing another paper resets the supplement choice
    command(page, "filebrowser:go-to-path", {"path": "/dialog"})
    dir_item(page, "beta.pdf").wait_for()
    page.locator(".jp-LauncherCard:visible", has_text="Review a paper").first.click()
    dialog.wait_for()
    select = dialog.locator("select.jr-dialog-paper")
    select.select_option("alpha-main.pdf")

    def ticked() -> list[str]:
        return sorted(b.get_attribute("data-path").split("/")[-1]
                      for b in dialog.locator('input[type="checkbox"]').all() if b.is_checked())

    assert ticked() == ["alpha-supplement.pdf"]  # its supplement is pre-selected
    dialog.locator('input[type="checkbox"][data-path$="beta.pdf"]').check()  # the user ticks one more
    dialog.locator("textarea.jr-dialog-extra").fill("dialog/elsewhere.pdf")
    assert ticked() == ["alpha-supplement.pdf", "beta.pdf"]
    select.select_option("beta.pdf")  # another paper: nothing of alpha's choice is kept
    assert sorted(b.get_attribute("data-path").split("/")[-1] for b in dialog.locator('input[type="checkbox"]').all()) \
        == ["alpha-main.pdf", "alpha-supplement.pdf"]
    assert ticked() == []
    assert dialog.locator("textarea.jr-dialog-extra").input_value() == ""
    select.select_option("alpha-main.pdf")  # and back: the suggestion again, not the earlier ticks
    assert ticked() == ["alpha-supplement.pdf"]
    page.locator(".jp-Dialog button.jp-mod-reject").click()
    assert page.dialogs == []
