"""The notebook widgets, driven through their Python state (no browser).

Every test opens a real review of real PDFs, clicks buttons / sets values the way
the front end would, and checks what reached the sidecar on disk and what a fresh
``open_review`` sees.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import ipywidgets as W
import pandas as pd
import pymupdf
import pytest

import jupyter_review as jr
from jupyter_review.notebook import ReviewWidget, ScreeningWidget
from jupyter_review.review.session import ReviewSession
from tests.conftest import PAIR, corpus_pdf, edge_pdf, pair_pdf

MAIN, SUPP = PAIR  # two real papers of tests/data/papers, the second named as the first's supplement


@pytest.fixture(scope="module")
def analysis(tmp_path_factory):
    """One analysis of the pair, shared (the sidecar is per test)."""
    folder = tmp_path_factory.mktemp("pair")
    main = Path(shutil.copy(pair_pdf(MAIN), folder / MAIN))
    supp = Path(shutil.copy(pair_pdf(SUPP), folder / SUPP))
    return jr.analyze(main, [supp])


@pytest.fixture()
def pair(tmp_path: Path) -> tuple[Path, Path]:
    main = Path(shutil.copy(pair_pdf(MAIN), tmp_path / MAIN))
    supp = Path(shutil.copy(pair_pdf(SUPP), tmp_path / SUPP))
    return main, supp


@pytest.fixture()
def session(pair, analysis) -> ReviewSession:
    main, supp = pair
    return ReviewSession.open(main, [supp], analysis=analysis)


def walk(w):
    """Every widget below ``w`` (children of boxes, tabs and accordions)."""
    yield w
    for c in getattr(w, "children", ()) or ():
        yield from walk(c)


def html_values(w) -> list[str]:
    return [x.value for x in walk(w) if isinstance(x, W.HTML)]


def sidecar(paper: Path) -> dict:
    from jupyter_review.review import sidecar_path

    return json.loads(sidecar_path(paper).read_text("utf-8"))


# -- DOM contract ---------------------------------------------------------------------


def test_dom_contract_and_header(session):
    w = ReviewWidget(session)
    assert "jr-review" in w._dom_classes
    decided, total = session.progress()
    assert total == len(session.questions) > 0 and len(session.questions) < len(session.items)
    assert w.progress_label.value == f"{decided} / {total} decided"
    assert "jr-progress" in w.progress_label._dom_classes
    # the title and file names are in the header
    assert session.paper.name in w.files.value and SUPP in w.files.value
    # one stacked bar per framework shown
    for fw in session.counts_by_framework():
        assert (w.framework_titles[fw] in w.bars.value) or (fw in w.bars.value)

    rows = w.rows_box.children
    assert len(rows) == min(total, w.page_size)
    for row, item_id in zip(rows, w.visible_item_ids()):
        it = session.item(item_id)
        slug = "".join(ch if ch.isalnum() or ch in "_-" else "-" for ch in item_id)
        assert {"jr-item", f"jr-item-{slug}"} <= set(row._dom_classes)
        classes = [set(x._dom_classes) for x in walk(row)]
        assert any({"jr-status", f"jr-status-{it.status}"} <= c for c in classes)
        assert any("jr-question" in c for c in classes)
        assert sum("jr-quote" in c for c in classes) == min(len(it.evidence), 3)  # the rest behind "more"
        assert row.decision._options_labels == ("agree", "present", "partial", "absent", "n/a")
        assert "jr-decision" in row.decision._dom_classes and "jr-note" in row.note._dom_classes


def test_lazy_rows_and_paging(session):
    w = ReviewWidget(session, page_size=7)
    total = len(session.questions)
    assert len(w._rows) == min(7, total)  # only the first page was built
    seen = []
    for p in range(w.pages):
        w.go_to_page(p)
        seen += [r.item_id for r in w.rows_box.children]
    assert seen == [it.id for it in session.ordered("gaps")]
    assert w.next_button.disabled and not w.prev_button.disabled


# -- decisions and notes are saved at once and restored -------------------------------


def test_decision_and_note_persist(session, pair, analysis):
    main, supp = pair
    w = ReviewWidget(session)
    first, second = w.rows_box.children[0], w.rows_box.children[1]
    first.decision.value = "absent"  # what a click on "absent" does
    first.note.value = "No data source is named anywhere."
    second.decision.value = "na"  # the "n/a" button
    total = len(session.questions)
    assert w.progress_label.value == f"2 / {total} decided"

    state = sidecar(main)
    assert state["items"][first.item_id]["decision"] == "absent"
    assert state["items"][first.item_id]["note"] == "No data source is named anywhere."
    assert state["items"][second.item_id]["decision"] == "na"
    assert state["summary"]["decided"] == 2

    # a fresh session and a fresh widget see the same
    again = ReviewSession.open(main, [supp], analysis=analysis)
    assert sidecar(main)["summary"]["decided"] == 2  # reopening keeps the saved summary right
    assert again.item(first.item_id).decision == "absent"
    assert again.item(second.item_id).decision == "na"
    w2 = ReviewWidget(again)
    r1 = w2.row(first.item_id)
    assert r1.decision.value == "absent" and r1.note.value == "No data source is named anywhere."
    assert w2.progress_label.value == f"2 / {total} decided"

    # clearing removes the decision on disk, the note stays
    r1.clear.click()
    assert sidecar(main)["items"][first.item_id]["decision"] is None
    assert sidecar(main)["items"][first.item_id]["note"] == "No data source is named anywhere."
    assert w2.progress_label.value == f"1 / {total} decided"


def test_full_reopen_through_open_review(pair):
    """The whole path a notebook takes: analyse, decide, re-analyse, see the decision."""
    main, supp = pair
    calls = []
    w = ReviewWidget.from_paper(main, [supp], display_progress=False)
    item_id = w.visible_item_ids()[-1]
    w.row(item_id).set_decision("partial")
    w.row(item_id).note.value = "only the split is named"
    fresh = jr.open_review(main, supplements=[supp], progress=lambda d, t, m: calls.append((d, t, m)))
    assert fresh.item(item_id).decision == "partial"
    assert fresh.item(item_id).note == "only the split is named"
    assert calls and calls[-1][0] == calls[-1][1]  # the callback saw the work finish


def test_open_classmethod_shows_progress(pair):
    main, supp = pair
    w = ReviewWidget.open(main, [supp], display_progress=False)
    assert isinstance(w, ReviewWidget)
    assert w.session.paper == main and [p.name for p in w.session.supplements] == [SUPP]


def test_external_change_reload(session, pair, analysis):
    main, supp = pair
    w = ReviewWidget(session)
    item_id = w.visible_item_ids()[0]
    other = ReviewSession.open(main, [supp], analysis=analysis)  # e.g. the browser's server
    other.decide(item_id, "present", note="in the appendix")
    w.reload()
    assert w.row(item_id).decision.value == "present"
    assert w.row(item_id).note.value == "in the appendix"


# -- filters --------------------------------------------------------------------------


def test_filters(session):
    w = ReviewWidget(session, page_size=500)
    w.order.value = "checklist"
    rows = session.questions
    statuses = {it.status for it in rows}
    for st in statuses:
        w.status_filter.value = st
        assert w.filtered_ids == [it.id for it in rows if it.effective_status == st]
    w.status_filter.value = "(all)"

    # the framework filter: every row one of its items asks, shared rows included
    for fw in session.counts_by_framework():
        w.framework_filter.value = fw
        want = [it.id for it in rows if fw in it.frameworks]
        assert w.filtered_ids == want
        assert len(want) == len({session.question(i.id).id for i in session.items if i.framework == fw})
    w.framework_filter.value = "(all)"

    w.severity_filter.value = "major"
    assert w.filtered_ids == [it.id for it in rows if it.severity == "major"]
    w.severity_filter.value = "(all)"

    # search on a word from an evidence quote finds that item
    with_ev = next(it for it in rows if it.evidence)
    word = max(with_ev.evidence[0].text.split(), key=len).lower()
    w.search.value = word
    assert with_ev.id in w.filtered_ids
    w.search.value = "zzqx-no-such-word"
    assert w.filtered_ids == [] and w.page_label.value == "no item matches the filters"
    w.search.value = ""

    target = rows[3].id
    w.row(target).decision.value = "present"
    w.decided_filter.value = "decided"
    assert w.filtered_ids == [target]
    w.decided_filter.value = "undecided"
    assert target not in w.filtered_ids and len(w.filtered_ids) == len(rows) - 1


# -- evidence on the page -------------------------------------------------------------


def test_show_on_page_renders_highlight(session):
    w = ReviewWidget(session)
    it = next(it for it in session.items if it.evidence)
    row = w.row(it.id)
    row.page_buttons[0].click()
    png = bytes(row.page_image.value)
    assert png[:8] == b"\x89PNG\r\n\x1a\n"
    assert row.page_image.layout.display == ""
    ev = it.evidence[0]
    path = session.analysis.document.files[ev.doc].path
    # the highlight changes the pixels against a plain render of the same page
    plain = pymupdf.Pixmap(jr.ingest.render.render_page_png(path, ev.page, (), zoom=1.4))
    shown = pymupdf.Pixmap(png)
    assert (plain.width, plain.height) == (shown.width, shown.height)
    assert plain.samples != shown.samples
    assert f"p.{ev.page}" in row.page_caption.value
    row.hide_page.click()
    assert row.page_image.layout.display == "none"


# -- tabs -----------------------------------------------------------------------------


def test_claims_data_tables_tabs(session):
    w = ReviewWidget(session)
    assert w.tabs.titles == ("Checklist", "Claims", "Data statements", "Tables", "Report")
    assert w.claims_box.children == ()  # built lazily
    claims = w.show_tab("Claims")
    own = [c for c in session.claims if c.own]
    assert f"{len(own)} claims" in claims.children[0].value
    # claims read as not this paper's are listed apart, not dropped (#13)
    others = [c for c in session.claims if not c.own]
    assert others, "the paper has claims the judgement sets apart"
    apart = [c for c in claims.children if "jr-claims-other-table" in c._dom_classes]
    assert len(apart) == 1 and all(_escaped(c.text) in apart[0].value for c in others)
    assert all(_escaped(c.text) not in claims.children[1].value for c in others)
    data = w.show_tab("Data statements")
    own_d = [d for d in session.data_statements if d.own]
    assert f"{len(own_d)} data statements" in data.children[0].value
    n_apart = len(session.data_statements) - len(own_d)
    assert (f"Not about this paper's data ({n_apart} data statements)" in "".join(c.value for c in data.children)) == bool(n_apart)

    tables = w.show_tab("Tables")
    assert f"{len(session.tables)} tables" in tables.children[0].value
    if session.tables:
        acc = w.tables_accordion
        assert len(acc.children) == len(session.tables)
        for i, t in enumerate(session.tables):
            acc.selected_index = i
            html = acc.children[i].children[0].value
            assert "<table" in html
            bad = [c for c in session.cross_checks if c.table_id == t.id and c.status != "consistent"]
            assert html.count("<li>⚠") == len(bad)  # each finding listed
            if any(isinstance(c, dict) and c.get("column") for ch in bad for c in ch.cells):
                assert "<td>⚠ " in html  # and the cells it names marked in the table
            assert ("⚠" in acc.titles[i]) == bool(bad)
            # the caption and the table's DataFrame are shown, escaped
            assert _escaped(t.caption) in html
            df = t.df
            for v in df.iloc[:, 0].tolist()[:8]:
                if isinstance(v, str) and v.strip():
                    assert _escaped(v) in html


def _escaped(s: str) -> str:
    import html

    return html.escape(s)


def test_report_exports_into_the_review_folder(session, pair):
    main, _ = pair
    w = ReviewWidget(session)
    first = w.visible_item_ids()[0]
    w.row(first).decision.value = "absent"
    w.show_tab("Report")
    for fmt in ("md", "html", "csv", "json"):
        w.export_buttons[fmt].click()
        path = w.export_path(fmt)
        assert path.parent == main.with_name(main.stem + ".review") and path.exists() and path.stat().st_size > 0
        assert str(path) in w.export_status.value or _escaped(str(path)) in w.export_status.value
    # beside the paper: the paper, its supplement and the one review folder
    assert sorted(p.name for p in main.parent.iterdir()) == sorted([MAIN, SUPP, main.stem + ".review"])
    df = pd.read_csv(w.export_path("csv"))  # the CSV keeps one row per framework item
    assert len(df) == len(session.items)
    assert (df["decision"] == "absent").sum() == len(session.question(first).members)
    w.general_notes.value = "Please name the data sources."
    assert sidecar(main)["general_notes"] == "Please name the data sources."


# -- hostile text ---------------------------------------------------------------------


def test_markup_in_pdf_is_escaped(tmp_path):
    src = edge_pdf("markup-in-text.pdf")
    text = pymupdf.open(src)[0].get_text()
    assert "<img src=x onerror=alert(1)>" in text  # what the file holds
    paper = Path(shutil.copy(src, tmp_path / "markup.pdf"))
    w = ReviewWidget(jr.open_review(paper), page_size=1000)
    for i in range(1, 5):
        w.show_tab(w.tabs.titles[i])
    acc = getattr(w, "tables_accordion", None)
    if acc is not None:
        for i in range(len(acc.children)):
            acc.selected_index = i
    values = "\n".join(html_values(w))
    assert "<img src=x" not in values and "<script>" not in values
    assert "&lt;img src=x onerror=alert(1)&gt;" in values or "&lt;script&gt;" in values


# -- screening table ------------------------------------------------------------------


@pytest.fixture(scope="module")
def screened(tmp_path_factory):
    folder = tmp_path_factory.mktemp("screen")
    for name in (MAIN, SUPP):
        shutil.copy(pair_pdf(name), folder / name)
    for name in ("plosmed-1003873.pdf", "neurores-0022-4.pdf"):
        shutil.copy(corpus_pdf(name), folder / name)
    (folder / "broken.pdf").write_bytes((edge_pdf("not-a-pdf.pdf")).read_bytes())
    return folder, jr.screen(folder)


def test_screening_widget_sort_filter_open(screened):
    folder, df = screened
    sw = ScreeningWidget(df, folder=folder, page_size=50)
    assert "jr-screening" in sw._dom_classes
    assert len(sw.visible_ids) == len(df)
    assert len(sw.open_buttons) == len(df)
    numeric = [c for c in sw.summary_columns if df[c].dtype.kind in "iuf"]
    if numeric:
        col = numeric[0]
        sw.sort_by.value = col
        sw.descending.value = True
        values = [df.loc[df["id"] == k, col].iloc[0] for k in sw.visible_ids]
        known = [v for v in values if not pd.isna(v)]
        assert known == sorted(known, reverse=True)
        assert values[: len(known)] == known  # rows without a value (errors) come last
    sw.search.value = "fimmu"
    assert sw.visible_ids and all("fimmu" in str(k).lower() or "fimmu" in str(
        df.loc[df["id"] == k, "paper"].iloc[0]).lower() for k in sw.visible_ids)
    if "error" in df.columns:
        sw.search.value = ""
        sw.errors.value = "with errors"
        assert len(sw.visible_ids) == int(df["error"].fillna("").astype(str).str.strip().ne("").sum()) >= 1
        sw.errors.value = "(all)"
    sw.search.value = "fimmu"
    key = sw.visible_ids[0]
    sw.open_buttons[key].click()
    assert isinstance(sw.review, ReviewWidget)
    assert sw.review in sw.review_area.children
    assert sw.review.session.paper.name == MAIN
    assert [p.name for p in sw.review.session.supplements] == [SUPP]


def test_sample_mismatch_cells_marked(tmp_path):
    """The sample's planted claim-vs-table inconsistencies show up in the Tables tab."""
    from jupyter_review import sample

    main = Path(shutil.copy(sample.main_pdf(), tmp_path / "main.pdf"))
    supp = Path(shutil.copy(sample.supplement_pdf(), tmp_path / "supplement.pdf"))
    review = jr.open_review(main, supplements=[supp])
    bad_tables = {c.table_id for c in review.cross_checks if c.status == "mismatch" and c.table_id}
    assert bad_tables  # the answer key plants three inconsistencies
    w = ReviewWidget(review)
    w.show_tab("Tables")
    for i, t in enumerate(review.tables):
        w.tables_accordion.selected_index = i
        html = w.tables_accordion.children[i].children[0].value
        assert ("<td>⚠ " in html) == (t.id in bad_tables or any(
            c.table_id == t.id and c.status != "consistent" and c.cells for c in review.cross_checks))


def test_sample_design_choices_below_the_claims(tmp_path):
    """The Claims tab lists the method's design choices; the KL penalty has no experiment."""
    from jupyter_review import sample

    main = Path(shutil.copy(sample.main_pdf(), tmp_path / "main.pdf"))
    supp = Path(shutil.copy(sample.supplement_pdf(), tmp_path / "supplement.pdf"))
    review = jr.open_review(main, supplements=[supp])
    choices = review.design_choices
    assert choices and any(d.name == "KL penalty" and d.ablation is None for d in choices)
    w = ReviewWidget(review)
    box = w.show_tab("Claims")
    summary = next(c for c in box.children if "jr-design-summary" in c._dom_classes)
    n_open = sum(1 for d in choices if d.ablation is None)
    assert f"{len(choices)} design choices; {n_open} with no experiment found" in summary.value
    table = next(c for c in box.children if "jr-design-table" in c._dom_classes).value
    assert table.count("<tr style=\"background:#fff4e0\">") == n_open  # "none found" rows highlighted
    assert "<td style='padding:2px 6px;vertical-align:top'>KL penalty</td>" in table
    assert _escaped("We found the KL penalty essential for stable training") in table


def test_the_header_shows_the_analysis_warnings_escaped(tmp_path):
    import pymupdf

    pdf = tmp_path / "<script>cover letter.pdf"
    doc = pymupdf.open()
    page = doc.new_page(width=595, height=842)
    for i, line in enumerate(["Dear Editor,", "Please consider our manuscript on robust image classifiers.",
                              "Yours sincerely, the authors"]):
        page.insert_text((72, 90 + 20 * i), line, fontsize=11)
    doc.save(str(pdf))
    review = jr.open_review(pdf)
    assert any("reads as a letter" in w for w in review.analysis.document.warnings)
    html = ReviewWidget(review).files.value
    assert 'class="jr-warning"' in html and "&lt;script&gt;cover letter.pdf reads as a letter" in html
    assert "<script>" not in html


def test_no_design_choices_where_the_ablation_topic_does_not_apply(tmp_path):
    paper = Path(shutil.copy(corpus_pdf("plosmed-1003873.pdf"), tmp_path / "plosmed.pdf"))
    review = jr.open_review(paper)
    assert review.design_choices == []
    box = ReviewWidget(review).show_tab("Claims")
    assert not [c for c in box.children if "jr-design-table" in c._dom_classes]


def test_package_exports_and_progress_bar(pair):
    from jupyter_review.notebook import progress_callback

    assert jr.ReviewWidget is ReviewWidget and jr.ScreeningWidget is ScreeningWidget
    main, supp = pair
    bar, label = W.IntProgress(), W.Label()
    seen = []
    cb = progress_callback(bar, label)
    jr.open_review(main, supplements=[supp], progress=lambda d, t, m: (seen.append((d, t)), cb(d, t, m)))
    assert len(seen) >= 2 and bar.max == max(seen[-1][1], 1) and bar.value == bar.max
    assert label.value == "done"


def test_bad_file_gives_typed_error(tmp_path):
    bad = tmp_path / "paper.pdf"
    bad.write_bytes((edge_pdf("not-a-pdf.pdf")).read_bytes())
    with pytest.raises(jr.errors.NotAPDFError):
        ReviewWidget.open(bad, display_progress=False)


def test_screening_broken_row_reports_error(screened):
    folder, df = screened
    sw = ScreeningWidget(df, folder=folder)
    broken = df.loc[df["paper"] == "broken.pdf", "id"].iloc[0]
    assert sw.open_manuscript(broken) is None
    assert "cannot open" in sw.status.value and sw.review_area.children == ()


def test_rows_share_layout_and_style_models(session) -> None:
    """A page of 25 rows is a few hundred widget models, not ~1,200: the browser rebuilds every
    live model after a page reload, and that was the slow part of reopening a review."""
    from ipywidgets.widgets import widget as widget_module

    before = set(widget_module._instances)
    w = ReviewWidget(session)
    made = [m for k, m in widget_module._instances.items() if k not in before]
    rows = len(w.rows_box.children)
    assert rows == min(25, len(w.filtered_ids)) and rows >= 20
    kinds = [type(m).__name__ for m in made]
    # one Layout per distinct layout and one Style per distinct style, whatever the row count
    assert kinds.count("Layout") < 60 and kinds.count("HTMLStyle") < 12 and kinds.count("ButtonStyle") < 12
    assert len(made) < 25 * rows
    # a shared layout is one model seen by many views: changing it changes every row
    first, second = w.rows_box.children[:2]
    assert first.layout is second.layout and first.question.layout is second.question.layout


def test_best_in_a_group_checks_are_listed_as_to_check(tmp_path):
    """DeepSeek-V2's "surpasses all open-source Chinese models" checks are 'scoped': the table
    titles count them as "to check", apart from mismatches, and the table shows their message."""
    paper = tmp_path / "deepseek-v2.pdf"
    shutil.copy(corpus_pdf("deepseek-v2.pdf"), paper)
    a = jr.analyze(paper)
    w = ReviewWidget(ReviewSession.open(paper, [], analysis=a))
    w.show_tab("Tables")
    acc = w.tables_accordion
    scoped_tables = {c.table_id for c in a.cross_checks if c.status == "scoped" and c.table_id}
    assert scoped_tables
    for i, t in enumerate(a.tables):
        if t.id in scoped_tables:
            assert "to check" in acc.titles[i]
            assert "check these by hand" in w.table_html(t)


def test_three_quotes_show_and_the_rest_and_the_leads_wait_behind_more(session):
    """#13: at most three quotes per row at first; further quotes and the unverified leads (the
    sentences the relevance judgement doubts) come with the "more" button, the leads labelled as
    not counted."""
    from jupyter_review.notebook.widget import ItemRow

    w = ReviewWidget(session, page_size=len(session.questions))
    with_more = [q for q in session.questions if len(q.evidence) > 3 or q.leads]
    assert with_more, "no row of the bundled pair has more than three quotes or a lead"
    for q in with_more:
        row = ItemRow(w, q)
        assert row.more is not None and "jr-more" in row.more._dom_classes
        assert not row.more_box.children  # nothing hidden is built before the click
        quotes = [x for x in walk(row) if "jr-quote" in getattr(x, "_dom_classes", ())]
        assert len(quotes) == min(3, len(q.evidence))
        row.more.click()
        shown = list(walk(row.more_box))
        leads = [x for x in shown if "jr-lead" in getattr(x, "_dom_classes", ())]
        assert len(leads) == len(q.leads) and all("not counted" in x.value for x in leads)
        assert sum("jr-quote" in getattr(x, "_dom_classes", ()) for x in shown) == max(len(q.evidence) - 3, 0)
        row.more.click()
        assert not row.more_box.children
    for q in [q for q in session.questions if len(q.evidence) <= 3 and not q.leads][:3]:
        assert ItemRow(w, q).more is None


def test_profile_correction_refreshes_the_header(pair):
    """review.set_profile(...) re-derives applicability: the widget's profile line, its counts and
    its rows follow at once (the widget listens to the session), the trait marked as the referee's."""
    main, supp = pair
    session = ReviewSession.open(main, [supp])  # its own analysis: the correction re-derives it
    w = ReviewWidget(session)
    before = w.files.value
    assert "Paper profile: " in before and "(referee)" not in before
    trait = next(k for k, v in session.profile.items() if getattr(v, "value", None) is not None)
    was = bool(session.profile[trait].value)
    session.set_profile(**{trait: not was})
    assert w.files.value != before and "(referee)" in w.files.value, w.files.value
    assert w.gaps_label.value == w._header_values()["gaps_label"]
    assert f"<b>{int(session.open_gaps())}</b>" in w.gaps_label.value
    session.set_profile(**{trait: None})  # the correction dropped: the tool's profile again
    assert w.files.value == before
