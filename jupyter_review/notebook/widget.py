"""The interactive review checklist for Jupyter notebooks (ipywidgets 8).

``ReviewWidget(session)`` shows a :class:`jupyter_review.review.ReviewSession`:
a header with progress and status counts, filters, one row per checklist item
(status, question, reason, evidence quotes, "show on page", decision and note),
and tabs for claims, data statements, tables and report export.

Every decision and note goes straight to the session's ``decide``/``set_note``,
which write the sidecar atomically, so a reopened notebook shows the same state.
Rows are built lazily, one page at a time, so a long checklist opens at once.

The DOM contract the browser test relies on (CSS classes): root ``jr-review``;
each row ``jr-item`` and ``jr-item-<slug>``; inside it ``jr-status`` (+
``jr-status-<status>``), ``jr-question``, ``jr-quote``, ``jr-decision`` (button
labels agree / present / partial / absent / n/a), ``jr-note``; progress label
``jr-progress`` ("3 / 42 decided").  One row per question: framework items that map to the
same topics are one row (id: its first item's), with one ``jr-framework-tag`` per framework
(the tooltip holds that framework's item ids); a decision on it is saved for each of them.
Rows come gaps first (``report.order``); the ``jr-order`` dropdown changes the order.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import ipywidgets as W
from ipywidgets.widgets.widget_string import HTMLStyle, TextStyle  # not exported at the top level

from ._html import (
    SEVERITY_COLOURS,
    STATUS_LABELS,
    STATUSES,
    badge,
    counts_html,
    esc,
    framework_bars_html,
    slug,
    status_badge,
)

DECISION_OPTIONS: tuple[tuple[str, str], ...] = (
    ("agree", "agree"),
    ("present", "present"),
    ("partial", "partial"),
    ("absent", "absent"),
    ("n/a", "na"),
)
DECISION_TOOLTIPS = (
    "agree with the tool's finding",
    "the paper does disclose this",
    "disclosed only in part",
    "the paper does not disclose this",
    "not applicable to this paper",
)

ALL = "(all)"
TAB_TITLES = ("Checklist", "Claims", "Data statements", "Tables", "Report")


def _errors() -> tuple[type[BaseException], ...]:
    from ..errors import ReviewError

    return (ReviewError, OSError, ValueError, KeyError)


def _file_label(session: Any, doc: int | None, file: str = "", role: str = "") -> str:
    """Which file, and whether it is the main paper or a supplement: "supplement: x_SI.pdf"."""
    try:
        files = session.analysis.document.files
        if doc is not None and 0 <= int(doc) < len(files):
            f = files[int(doc)]
            return f"{_role(f.role)}: {f.name}"
    except AttributeError:
        pass
    name = Path(file).name if file else "?"
    return f"{_role(role)}: {name}" if role else name


def _role(role: str) -> str:
    return "main" if role in ("", "main") else "supplement"


def _message(text: str, *, error: bool = False) -> str:
    colour = "#c62828" if error else "#2e7d32"
    return f'<span style="color:{colour};font-size:12px">{esc(text)}</span>'


class _Shared:
    """Layout and style models shared by every row of one checklist.

    Each ipywidgets widget otherwise gets a Layout and a Style model of its own: a page of 25
    rows made ~1,200 widget models, which the browser must create again after every page
    reload.  Identical layouts and styles are one model each (sharing is supported by
    ipywidgets: a layout is a model reference)."""

    def __init__(self) -> None:
        self._layouts: dict[tuple[tuple[str, str], ...], W.Layout] = {}
        self._styles: dict[tuple[type, tuple[tuple[str, str], ...]], W.Widget] = {}

    def layout(self, **kw: str) -> W.Layout:
        key = tuple(sorted(kw.items()))
        if key not in self._layouts:
            self._layouts[key] = W.Layout(**kw)
        return self._layouts[key]

    def style(self, cls: type, **kw: str) -> Any:
        key = (cls, tuple(sorted(kw.items())))
        if key not in self._styles:
            self._styles[key] = cls(**kw)
        return self._styles[key]

    def html(self, value: str = "", **layout: str) -> W.HTML:
        return W.HTML(value, layout=self.layout(**layout), style=self.style(HTMLStyle))

    def button(self, description: str, tooltip: str = "", **layout: str) -> W.Button:
        return W.Button(description=description, tooltip=tooltip, layout=self.layout(**layout),
                        style=self.style(W.ButtonStyle))


class ItemRow(W.VBox):
    """One checklist item: status, question, reason, evidence, decision and note."""

    def __init__(self, owner: ReviewWidget, item: Any) -> None:
        self.owner = owner
        self.item_id: str = item.id
        self._syncing = False
        sh: _Shared = owner.shared

        self.status_badge = sh.html(status_badge(item.status))
        self.status_badge.add_class("jr-status")
        self.status_badge.add_class(f"jr-status-{slug(item.status)}")
        sev = getattr(item, "severity", "") or ""
        self._ident_html = (
            (badge(sev, SEVERITY_COLOURS.get(sev, "#616161"), title="severity") + " " if sev else "")
            + _framework_tags(item) + " "
        )
        self.referee = sh.html("")  # severity, framework/item and the referee's decision
        self.referee.add_class("jr-effective")
        self.question = sh.html(f"<b>{esc(item.question)}</b>", width="100%")
        self.question.add_class("jr-question")
        reason = esc(item.reason)
        change = getattr(item, "change", None)
        if change and change != "unchanged":
            reason += " " + badge(change.replace("_", " "), "#6a1b9a", title="change since the previous revision")
        self.reason = sh.html(f'<span style="font-size:12px">{reason}</span>', width="100%")
        self.reason.add_class("jr-reason")

        # the page view is built on the first "show on page" click
        self.page_box = W.VBox([], layout=sh.layout())
        self.page_image: W.Image | None = None
        self.page_caption: W.HTML | None = None
        self.hide_page: W.Button | None = None

        self.quotes: list[W.HTML] = []
        self.page_buttons: list[W.Button] = []
        leads = list(getattr(item, "leads", []) or [])
        n_ev = len(item.evidence or [])
        all_ev = [(ev, False) for ev in item.evidence or []] + [(ev, True) for ev in leads]

        def quote_row(ev: Any, lead: bool) -> W.Widget:
            where = (f"{_file_label(owner.session, getattr(ev, 'doc', None), getattr(ev, 'file', ''), getattr(ev, 'role', ''))}"
                     f" p.{ev.page}")
            section = getattr(ev, "section", "") or ""
            src = esc(where) + (f" · {esc(section)}" if section else "")
            q = sh.html(
                ('<span style="font-size:11px;color:#8a6d00" title="the relevance judgement doubts that this '
                 'sentence is about the topic; it does not count for the status">unverified lead, not counted: </span>'
                 if lead else "")
                + f'<span style="font-size:12px">&ldquo;{esc(ev.text)}&rdquo;</span> '
                + "".join(f'<span style="font-size:11px;color:#1565c0"> &rarr; {esc(u)}</span>'
                          for u in getattr(ev, "links", []) or [])
                + f'<span style="color:#666;font-size:11px">({src})</span>',
                flex="1 1 auto",
            )
            q.add_class("jr-lead" if lead else "jr-quote")
            b = sh.button("show on page", f"render {where} with the evidence highlighted",
                          width="130px", min_width="130px", flex="0 0 auto")
            b.add_class("jr-show-page")
            b.on_click(lambda _b, ev=ev: self.show_page(ev))
            self.quotes.append(q)
            self.page_buttons.append(b)
            return W.HBox([q, b], layout=sh.layout(align_items="center"))

        # the first three quotes show; further quotes and the unverified leads wait behind "more"
        # (built on its first click only: a page of rows stays a few hundred widget models)
        shown_n = min(n_ev, 3)
        evidence_rows: list[W.Widget] = [quote_row(ev, lead) for ev, lead in all_ev[:shown_n]]
        if not item.evidence:
            evidence_rows = [sh.html('<span style="color:#888;font-size:12px">no evidence quoted</span>')]
        hidden = all_ev[shown_n:]
        self.more: W.Button | None = None
        self.more_box: W.VBox | None = None
        if hidden:
            rest = self.more_box = W.VBox([])
            n_more = n_ev - shown_n
            label = ", ".join(x for x in (f"{n_more} more quote{'s' if n_more != 1 else ''}" if n_more else "",
                                          f"{len(leads)} unverified lead{'s' if len(leads) != 1 else ''}" if leads else "") if x)
            self.more = sh.button(f"more: {label}", "show the further quotes and the sentences not counted",
                                  width="auto")
            self.more.add_class("jr-more")
            built: list[W.Widget] = []

            def _toggle(_b: Any) -> None:
                if not built:
                    built.extend(quote_row(ev, lead) for ev, lead in hidden)
                rest.children = () if rest.children else tuple(built)

            self.more.on_click(_toggle)
            evidence_rows = evidence_rows + [self.more, rest]

        self.decision = W.ToggleButtons(
            options=list(DECISION_OPTIONS),
            value=item.decision if item.decision in {v for _l, v in DECISION_OPTIONS} else None,
            tooltips=list(DECISION_TOOLTIPS),
            style=sh.style(W.ToggleButtonsStyle, button_width="78px"),
            layout=sh.layout(),
        )
        self.decision.add_class("jr-decision")
        self.clear = sh.button("clear", "remove my decision", width="auto")
        self.clear.add_class("jr-clear")
        self.clear.on_click(lambda _b: self.set_decision(None))
        self.note = W.Textarea(
            value=item.note or "",
            placeholder="note for the report",
            continuous_update=False,
            layout=sh.layout(width="100%", height="48px"),
            style=sh.style(TextStyle),
        )
        self.note.add_class("jr-note")
        self.message = sh.html("")
        self.message.add_class("jr-message")

        self.decision.observe(self._on_decision, names="value")
        self.note.observe(self._on_note, names="value")

        top = W.HBox([self.status_badge, self.referee], layout=sh.layout(align_items="center", grid_gap="6px"))
        controls = W.HBox([self.decision, self.clear, self.message], layout=sh.layout(align_items="center"))
        super().__init__(
            [top, self.question, self.reason, *evidence_rows, self.page_box, controls, self.note],
            layout=sh.layout(border="1px solid #ddd", padding="6px", margin="4px 0"),
        )
        self.add_class("jr-item")
        self.add_class(f"jr-item-{slug(self.item_id)}")
        self._show_effective(item)

    # -- state -------------------------------------------------------------------------
    @property
    def item(self) -> Any:
        return self.owner.session.item(self.item_id)

    def _show_effective(self, item: Any) -> None:
        if item.decision:
            label = dict((v, lbl) for lbl, v in DECISION_OPTIONS).get(item.decision, item.decision)
            eff = getattr(item, "effective_status", item.status)
            self.referee.value = self._ident_html + (
                f'<span style="font-size:11px;color:#333">· referee: <b>{esc(label)}</b> → '
                f'{esc(STATUS_LABELS.get(eff, eff))}</span>'
            )
        else:
            self.referee.value = self._ident_html + '<span style="font-size:11px;color:#999">· undecided</span>'

    def sync(self) -> None:
        """Show the session's current decision and note (after a reload)."""
        item = self.item
        self._syncing = True
        try:
            self.decision.value = item.decision if item.decision in {v for _l, v in DECISION_OPTIONS} else None
            self.note.value = item.note or ""
        finally:
            self._syncing = False
        self._show_effective(item)

    def set_decision(self, decision: str | None) -> None:
        """Record a decision (None clears it); the same path a button click takes."""
        if self.decision.value == decision:
            if decision is None and self.item.decision is not None:
                self._save_decision(None)
            return
        self.decision.value = decision

    def _on_decision(self, change: dict[str, Any]) -> None:
        if self._syncing:
            return
        self._save_decision(change["new"])

    def _save_decision(self, value: str | None) -> None:
        try:
            self.owner.session.decide(self.item_id, value)
        except _errors() as e:
            self.message.value = _message(f"not saved: {e}", error=True)
            self.sync()
            return
        self.message.value = _message("saved")
        self._show_effective(self.item)
        self.owner._changed()

    def _on_note(self, change: dict[str, Any]) -> None:
        if self._syncing:
            return
        try:
            self.owner.session.set_note(self.item_id, change["new"])
        except _errors() as e:
            self.message.value = _message(f"note not saved: {e}", error=True)
            return
        self.message.value = _message("note saved")
        self.owner._changed()

    # -- page rendering ----------------------------------------------------------------
    def show_page(self, ev: Any) -> None:
        try:
            png, where = self.owner.render_evidence(ev)
        except _errors() as e:
            self.message.value = _message(f"cannot render the page: {e}", error=True)
            return
        if self.page_image is None:
            self.page_image = W.Image(format="png", layout=W.Layout(max_width="min(100%, 820px)"))
            self.page_image.add_class("jr-page-image")
            self.page_caption = W.HTML("")
            self.hide_page = W.Button(description="hide page", layout=W.Layout(width="auto"))
            self.hide_page.on_click(lambda _b: self.close_page())
            self.page_box.children = [self.page_caption, self.page_image, self.hide_page]
        self.page_image.value = png
        self.page_box.layout.display = ""
        self.page_image.layout.display = ""
        self.hide_page.layout.display = ""
        self.page_caption.value = f'<span style="font-size:11px;color:#555">{esc(where)}, evidence highlighted</span>'

    def close_page(self) -> None:
        if self.page_image is None:
            return
        self.page_image.layout.display = "none"
        self.hide_page.layout.display = "none"
        self.page_caption.value = ""


class _ClassOrInstance:
    """Class access gives the named classmethod, instance access the widget method."""

    def __init__(self, class_method: str, instance_method: Callable[..., Any]) -> None:
        self.class_method = class_method
        self.instance_method = instance_method

    def __get__(self, obj: Any, cls: type) -> Callable[..., Any]:
        if obj is None:
            return getattr(cls, self.class_method)
        return self.instance_method.__get__(obj, cls)


class ReviewWidget(W.VBox):
    """The interactive checklist of one review session.

    ``ReviewWidget(session)`` or ``session.show()``; for a paper not analysed yet,
    ``ReviewWidget.open(paper, supplements)`` shows a progress bar while it analyses.
    """

    def __init__(self, session: Any, *, page_size: int = 25) -> None:
        self.session = session
        self.page_size = max(1, int(page_size))
        self._rows: dict[str, ItemRow] = {}
        self.shared = _Shared()  # layouts and styles the rows share
        self._page = 0
        self._built_tabs: set[int] = set()
        # one row per question (framework items that ask the same thing are one row)
        self._items = list(getattr(session, "questions", None) or session.items)
        self._by_id = {it.id: it for it in self._items}

        # header
        self.title = W.HTML(f"<h3 style='margin:4px 0'>{esc(session.title or Path(session.paper).name)}</h3>")
        self.title.add_class("jr-title")
        self.files = W.HTML(self._files_html())
        self.files.add_class("jr-files")
        fw_titles: dict[str, str] = {}
        for it in session.items:
            fw_titles.setdefault(it.framework, getattr(it, "framework_title", "") or it.framework)
        self.framework_titles = fw_titles
        # created with their first values: a value set later travels as a message of its own,
        # and the browser may draw the empty widget before it arrives
        first = self._header_values()
        self.progress_label = W.Label(first["progress_label"])
        self.progress_label.add_class("jr-progress")
        self.gaps_label = W.HTML(first["gaps_label"])
        self.gaps_label.add_class("jr-open-gaps")
        self.counts = W.HTML(first["counts"])
        self.counts.add_class("jr-counts-box")
        self.effective_counts = W.HTML(first["effective_counts"])
        self.effective_counts.add_class("jr-effective-counts")
        self.bars = W.HTML(first["bars"])
        self.bars.add_class("jr-framework-bars")
        header = W.VBox([
            self.title, self.files,
            W.HBox([self.progress_label, self.gaps_label], layout=W.Layout(grid_gap="16px", align_items="center")),
            self.counts, self.effective_counts, self.bars,
        ])
        header.add_class("jr-header")

        # filters
        self.framework_filter = W.Dropdown(
            options=[(ALL, ALL)] + [(f"{t} ({k})" if t != k else k, k) for k, t in fw_titles.items()],
            value=ALL, description="framework", layout=W.Layout(width="300px"),
        )
        self.status_filter = W.Dropdown(
            options=[(ALL, ALL)] + [(STATUS_LABELS[s], s) for s in STATUSES], value=ALL, description="status",
            layout=W.Layout(width="210px"),
        )
        self.severity_filter = W.Dropdown(options=[ALL, "major", "minor", "info"], value=ALL, description="severity",
                                          layout=W.Layout(width="190px"))
        self.decided_filter = W.Dropdown(options=[ALL, "undecided", "decided"], value=ALL, description="decided",
                                         layout=W.Layout(width="200px"))
        self.search = W.Text(value="", placeholder="search questions, reasons, quotes", description="search",
                             continuous_update=False, layout=W.Layout(width="320px"))
        from ..report.order import DEFAULT_ORDER, order_options

        self.order = W.Dropdown(options=list(order_options()), value=DEFAULT_ORDER, description="order",
                                layout=W.Layout(width="220px"))
        self.order.add_class("jr-order")
        for f in (self.framework_filter, self.status_filter, self.severity_filter, self.decided_filter, self.search,
                  self.order):
            f.style.description_width = "initial"
            f.observe(self._on_filter, names="value")
        filters = W.HBox([self.order, self.framework_filter, self.status_filter, self.severity_filter,
                          self.decided_filter, self.search], layout=W.Layout(flex_flow="row wrap", grid_gap="6px"))
        filters.add_class("jr-filters")

        # paging
        self.prev_button = W.Button(description="◀ previous", layout=W.Layout(width="auto"))
        self.next_button = W.Button(description="next ▶", layout=W.Layout(width="auto"))
        self.prev_button.on_click(lambda _b: self.prev_page())
        self.next_button.on_click(lambda _b: self.next_page())
        self.page_label = W.Label("")
        self.page_label.add_class("jr-page-label")
        pager = W.HBox([self.prev_button, self.page_label, self.next_button], layout=W.Layout(align_items="center"))
        self.rows_box = W.VBox([])
        self.rows_box.add_class("jr-items")
        checklist = W.VBox([filters, pager, self.rows_box])

        self.claims_box = W.VBox([])
        self.data_box = W.VBox([])
        self.tables_box = W.VBox([])
        self.report_box = W.VBox([])
        self._make_report_controls()
        self.tabs = W.Tab(children=[checklist, self.claims_box, self.data_box, self.tables_box, self.report_box])
        self.tabs.titles = TAB_TITLES
        self.tabs.observe(self._on_tab, names="selected_index")
        self._built_tabs.add(0)

        super().__init__([header, self.tabs])
        self.add_class("jr-review")
        self.filtered_ids: list[str] = []
        self._apply_filters()
        self._refresh_header()
        if hasattr(session, "on_change"):  # decisions made in code (review.decide) show up here too
            session.on_change(self._session_changed)

    # -- opening with a progress bar ---------------------------------------------------
    @classmethod
    def from_paper(
        cls,
        paper: str | os.PathLike[str],
        supplements: Sequence[str | os.PathLike[str]] = (),
        frameworks: Sequence[str] | None = None,
        *,
        display_progress: bool = True,
        page_size: int = 25,
        **kw: Any,
    ) -> ReviewWidget:
        """Analyse (or reopen) ``paper`` showing a progress bar, then return the widget."""
        from .. import open_review

        bar = W.IntProgress(value=0, min=0, max=1, description="analysing", bar_style="info")
        label = W.Label("starting")
        box = W.HBox([bar, label])
        box.add_class("jr-analysis-progress")
        if display_progress:
            _display(box)
        cb = progress_callback(bar, label)
        try:
            session = open_review(paper, supplements=supplements, frameworks=frameworks, progress=cb, **kw)
        except BaseException as e:
            bar.bar_style = "danger"
            label.value = f"failed: {e}"
            raise
        bar.value = bar.max
        bar.bar_style = "success"
        label.value = "done"
        box.layout.display = "none"
        return cls(session, page_size=page_size)

    # ``ReviewWidget.open(paper, ...)`` on the class analyses a paper; on an instance,
    # ``open()`` stays the ipywidgets method that opens the comm.
    open = _ClassOrInstance("from_paper", W.Widget.open)

    # -- header ------------------------------------------------------------------------
    def _files_html(self) -> str:
        parts = []
        try:
            files = self.session.analysis.document.files
            for f in files:
                pages = f"{f.pages} p." if f.pages == 1 else f"{f.pages} pp."
                parts.append(f"{esc(f.role)}: <code>{esc(f.name)}</code> ({esc(pages)})")
        except AttributeError:
            parts.append(f"main: <code>{esc(Path(self.session.paper).name)}</code>")
            for s in self.session.supplements:
                parts.append(f"supplement: <code>{esc(Path(s).name)}</code>")
        html = '<div style="font-size:12px;color:#444">' + " · ".join(parts) + "</div>"
        prof = getattr(getattr(self.session, "analysis", None), "profile", None)
        if prof:  # what the paper is: the checklist asks only what applies to it (session.set_profile corrects it)
            from ..checklist.profile import profile_line

            html += f'<div class="jr-profile" style="font-size:12px;color:#444">Paper profile: {esc(profile_line(prof))}</div>'
        try:  # what the referee should know before the checklist: a file that is no paper, damaged pages
            warnings = list(self.session.analysis.document.warnings or [])[:5]
        except AttributeError:
            warnings = []
        for w in warnings:
            html += f'<div class="jr-warning" style="font-size:12px;color:#8a4b00">⚠ {esc(w)}</div>'
        return html

    def _header_values(self) -> dict[str, str]:
        """The header's texts: progress, open gaps, status counts, framework bars."""
        decided, total = self.session.progress()
        counts = self.session.counts()
        try:
            eff = self.session.counts(effective=True)
        except TypeError:  # a session without the referee's view
            eff = counts
        return {
            "progress_label": f"{decided} / {total} decided",
            "gaps_label": f'<span style="font-size:12px">open gaps: <b>{int(self.session.open_gaps())}</b></span>',
            "counts": '<span style="font-size:12px;color:#555">tool:</span> ' + counts_html(counts),
            "effective_counts": (
                '<span style="font-size:12px;color:#555">with your decisions:</span> ' + counts_html(eff)
                if decided and eff != counts else ""
            ),
            "bars": framework_bars_html(self.session.counts_by_framework(), self.framework_titles),
        }

    def _refresh_header(self) -> None:
        for name, value in self._header_values().items():
            getattr(self, name).value = value
        files = self._files_html()  # the profile line: a correction (session.set_profile) changes it
        if self.files.value != files:
            self.files.value = files

    def _changed(self) -> None:
        self._refresh_header()

    def _session_changed(self, _session: Any = None) -> None:
        for r in self._rows.values():
            r.sync()
        self._refresh_header()

    # -- filtering and paging ----------------------------------------------------------
    def _matches(self, it: Any, text: str) -> bool:
        if self.framework_filter.value != ALL and self.framework_filter.value not in (
                getattr(it, "frameworks", None) or [it.framework]):
            return False
        if self.status_filter.value != ALL and getattr(it, "effective_status", it.status) != self.status_filter.value:
            return False
        if self.severity_filter.value != ALL and it.severity != self.severity_filter.value:
            return False
        if self.decided_filter.value == "decided" and not it.decision:
            return False
        if self.decided_filter.value == "undecided" and it.decision:
            return False
        if text:
            hay = " ".join([it.id, *(getattr(it, "members", None) or []), it.question, it.reason, it.topic or "",
                            it.note or ""]
                           + [e.text for e in it.evidence or []]).lower()
            if not all(w in hay for w in text.split()):
                return False
        return True

    def _apply_filters(self) -> None:
        text = self.search.value.strip().lower()
        from ..report.order import sort_rows

        self.filtered_ids = [it.id for it in sort_rows(self._items, self.order.value) if self._matches(it, text)]
        self._page = 0
        self._show_page()

    def _on_filter(self, _change: dict[str, Any]) -> None:
        self._apply_filters()

    @property
    def pages(self) -> int:
        return max(1, -(-len(self.filtered_ids) // self.page_size))

    @property
    def page(self) -> int:
        return self._page

    def row(self, item_id: str) -> ItemRow:
        """The row widget of ``item_id`` (built on first use)."""
        r = self._rows.get(item_id)
        if r is None:
            r = ItemRow(self, self._by_id.get(item_id) or self.session.item(item_id))
            self._rows[item_id] = r
        return r

    def visible_item_ids(self) -> list[str]:
        start = self._page * self.page_size
        return self.filtered_ids[start:start + self.page_size]

    def _show_page(self) -> None:
        ids = self.visible_item_ids()
        self.rows_box.children = [self.row(i) for i in ids]
        n = len(self.filtered_ids)
        if n:
            a = self._page * self.page_size + 1
            self.page_label.value = f"items {a}-{a + len(ids) - 1} of {n} (page {self._page + 1} / {self.pages})"
        else:
            self.page_label.value = "no item matches the filters"
        self.prev_button.disabled = self._page <= 0
        self.next_button.disabled = self._page >= self.pages - 1

    def go_to_page(self, page: int) -> None:
        self._page = min(max(0, int(page)), self.pages - 1)
        self._show_page()

    def next_page(self) -> None:
        self.go_to_page(self._page + 1)

    def prev_page(self) -> None:
        self.go_to_page(self._page - 1)

    def reload(self) -> None:
        """Re-read the sidecar (another process may have changed it) and refresh."""
        self.session.reload()
        for r in self._rows.values():
            r.sync()
        self._refresh_header()
        self._apply_filters()

    # -- evidence rendering ------------------------------------------------------------
    def _pdf_path(self, ev: Any) -> str:
        doc = getattr(ev, "doc", None)
        try:
            files = self.session.analysis.document.files
            if doc is not None and 0 <= int(doc) < len(files):
                return files[int(doc)].path
        except AttributeError:
            pass
        name = Path(getattr(ev, "file", "") or "").name
        for p in [self.session.paper, *self.session.supplements]:
            if Path(p).name == name:
                return str(p)
        return str(self.session.paper)

    def render_evidence(self, ev: Any, *, zoom: float = 1.4) -> tuple[bytes, str]:
        """PNG of the evidence's page with its boxes highlighted, and a caption."""
        from ..ingest.render import render_page_png

        path = self._pdf_path(ev)
        page = int(ev.page)
        boxes = [tuple(b.bbox) for b in (getattr(ev, "boxes", None) or []) if getattr(b, "page", page) == page]
        if not boxes and getattr(ev, "bbox", None):
            boxes = [tuple(ev.bbox)]
        png = render_page_png(path, page, boxes, zoom=zoom)
        return png, f"{Path(path).name} p.{page}"

    # -- tabs --------------------------------------------------------------------------
    def _on_tab(self, change: dict[str, Any]) -> None:
        idx = change["new"]
        if idx is not None:
            self._build_tab(idx)

    def show_tab(self, title: str) -> W.Box:
        """Select a tab by title (building it on first use) and return its box."""
        idx = TAB_TITLES.index(title)
        self.tabs.selected_index = idx
        self._build_tab(idx)
        return self.tabs.children[idx]

    def _build_tab(self, idx: int) -> None:
        if idx in self._built_tabs:
            return
        self._built_tabs.add(idx)
        builder: Callable[[], list[W.Widget]] = {
            1: self._claims_children,
            2: self._data_children,
            3: self._tables_children,
            4: self._report_children,
        }[idx]
        try:
            children = builder()
        except Exception as e:  # a broken part of the analysis must not take the checklist down
            children = [W.HTML(_message(f"cannot show this tab: {type(e).__name__}: {e}", error=True))]
        self.tabs.children[idx].children = children

    def _mismatches(self) -> list[Any]:
        return [c for c in (self.session.cross_checks or []) if c.status != "consistent"]

    def _claims_children(self) -> list[W.Widget]:
        everything = list(self.session.claims or [])
        claims = [c for c in everything if getattr(c, "own", True) is not False]
        others = [c for c in everything if getattr(c, "own", True) is False]
        bad: dict[str, list[Any]] = {}
        for c in self._mismatches():
            if c.claim:
                bad.setdefault(c.claim, []).append(c)
        head = ("where", "location", "kind", "hedged", "claim", "check against tables")
        rows = []
        for cl in claims:
            checks = bad.get(cl.text, [])
            mark = "; ".join(("⚠ " if c.status == "mismatch" else "? ") + f"{c.status}: {c.message}" for c in checks)
            found = any(c.status == "mismatch" for c in checks)
            style = ' style="background:#fdecea"' if found else (' style="background:#f4f4f4"' if checks else "")
            cells = [
                f"{_file_label(self.session, cl.doc)} p.{cl.page}", cl.location, ", ".join(cl.kinds or [cl.kind]),
                "yes" if cl.hedged else "no", cl.text, mark,
            ]
            rows.append(_html_row(cells, style))
        table = _html_table("jr-claims", head, rows)
        n_bad = sum(1 for cl in claims if any(c.status == "mismatch" for c in bad.get(cl.text, [])))
        n_open = sum(1 for cl in claims if cl.text in bad) - n_bad
        summary = W.HTML(f"<p>{len(claims)} claims; {n_bad} disagree with the tables (highlighted red); "
                         f"{n_open} checks left unverified or scoped (grey, not findings).</p>")
        summary.add_class("jr-claims-summary")
        out = W.HTML(table, layout=W.Layout(max_height="600px", overflow="auto"))
        out.add_class("jr-claims-table")
        return [summary, out, *self._not_own_children(others, "claims", "jr-claims-other", "Not this paper's",
                                                      "Read as other papers' work, background or non-prose"),
                *self._design_children()]

    def _not_own_children(self, items: list[Any], what: str, css: str, title: str, why: str) -> list[W.Widget]:
        """Statements the judgement reads as not this paper's (another paper's result or dataset,
        background, a line of a proof): listed apart, so that a referee can overrule it; the
        checklist and the cross-checks do not read them."""
        if not items:
            return []
        rows = [_html_row([f"{_file_label(self.session, x.doc)} p.{x.page}", x.text,
                           "" if getattr(x, "p_own", None) is None else f"{x.p_own:.2f}"]) for x in items]
        head = W.HTML(f"<h4>{title} ({len(items)} {what})</h4><p>{why}: not used by the checklist or "
                      "the cross-checks.</p>")
        head.add_class(f"{css}-summary")
        out = W.HTML(_html_table(css, ("where", "statement", "p(own)"), rows),
                     layout=W.Layout(max_height="300px", overflow="auto"))
        out.add_class(f"{css}-table")
        return [head, out]

    def _design_children(self) -> list[W.Widget]:
        """The method's design choices: where each is introduced and the experiment that removes or
        varies it ("none found" highlighted), below the claims."""
        choices = list(getattr(self.session, "design_choices", []) or [])
        if not choices:
            return []
        head = ("design choice", "introduced", "called essential", "experiment that removes or varies it")
        rows = []
        for d in choices:
            ab = d.ablation
            found = f"{_file_label(self.session, ab.doc, ab.file)} p.{ab.page}: {ab.text}" if ab else "none found"
            style = "" if ab else ' style="background:#fff4e0"'
            rows.append(_html_row([d.name, f"{_file_label(self.session, d.evidence.doc, d.evidence.file)} "
                                   f"p.{d.evidence.page}: {d.evidence.text}", "yes" if d.needed else "", found], style))
        n_open = sum(1 for d in choices if d.ablation is None)
        summary = W.HTML(f"<h4>Design choices</h4><p>{len(choices)} design choices; {n_open} with no experiment "
                         "found that removes or varies them (highlighted). Check each: an ablation under "
                         "another name is missed.</p>")
        summary.add_class("jr-design-summary")
        out = W.HTML(_html_table("jr-design", head, rows), layout=W.Layout(max_height="400px", overflow="auto"))
        out.add_class("jr-design-table")
        return [summary, out]

    def _data_children(self) -> list[W.Widget]:
        everything = list(self.session.data_statements or [])
        stmts = [x for x in everything if getattr(x, "own", True) is not False]
        others = [x for x in everything if getattr(x, "own", True) is False]
        head = ("where", "aspects", "vague", "statement", "links")
        rows = []
        for s in stmts:
            style = ' style="background:#fff4e0"' if s.vague else ""
            why = f"yes ({', '.join(s.vague_reasons)})" if s.vague and s.vague_reasons else ("yes" if s.vague else "no")
            cells = [f"{_file_label(self.session, s.doc)} p.{s.page}", ", ".join(s.aspects), why, s.text,
                     " ".join([*s.urls, *s.dois])]
            rows.append(_html_row(cells, style))
        table = _html_table("jr-data-statements", head, rows)
        summary = W.HTML(f"<p>{len(stmts)} data statements; {sum(1 for s in stmts if s.vague)} vague "
                         "(highlighted).</p>")
        summary.add_class("jr-data-summary")
        out = W.HTML(table, layout=W.Layout(max_height="600px", overflow="auto"))
        out.add_class("jr-data-table")
        return [summary, out, *self._not_own_children(
            others, "data statements", "jr-data-other", "Not about this paper's data",
            "Read as other papers' data, not about data at all (a batch size, a GPU count), or non-prose")]

    def table_html(self, table: Any) -> str:
        """One extracted table as escaped HTML, with the cross-check findings about it.

        Cells a mismatch points at (the claimed system's and the better rival's) are
        prefixed with "⚠" in the table itself."""
        import pandas as pd

        try:
            df = table.df
        except Exception:
            width = max([len(table.columns)] + [len(r) for r in table.rows] + [1])
            cols = list(table.columns) + [f"col{i}" for i in range(len(table.columns), width)]
            df = pd.DataFrame([list(r) + [""] * (width - len(r)) for r in table.rows], columns=cols[:width])
        checks = [c for c in (self.session.cross_checks or []) if c.table_id == table.id]
        bad = [c for c in checks if c.status != "consistent"]
        flagged: list[tuple[str, str]] = []
        for ch in bad:
            for c in ch.cells or []:
                if isinstance(c, dict):
                    flagged.append((str(c.get("system", "")), str(c.get("column", ""))))
                    if c.get("rival"):
                        flagged.append((str(c["rival"]), str(c.get("column", ""))))
        shown = _mark_cells(df, table, flagged)
        body = shown.to_html(escape=True, index=False, border=0, na_rep="", classes="jr-df")
        where = f"{_file_label(self.session, table.doc)} p.{table.page}"
        parts = ['<div class="jr-table-block" style="line-height:1.4;font-size:12px">'
                 f"<p><b>{esc(_table_label(table))}</b> ({esc(where)}) {esc(table.caption)}</p>"]
        if bad:
            parts.append('<ul class="jr-mismatches" style="color:#c62828">' + "".join(
                f"<li>⚠ {esc(c.status)}: {esc(c.message)}" + (f" — claim: “{esc(c.claim)}”" if c.claim else "")
                + "</li>" for c in bad) + "</ul>")
        ok = [c for c in checks if c.status == "consistent"]
        if ok:
            parts.append(f'<p style="color:#2e7d32">{len(ok)} claim check(s) consistent with this table</p>')
        parts.append(body + "</div>")
        return "".join(parts)

    def _tables_children(self) -> list[W.Widget]:
        tables = list(self.session.tables or [])
        if not tables:
            return [W.HTML("<p>0 tables were extracted.</p>")]
        bad_by_table: dict[str, int] = {}
        scoped_by_table: dict[str, int] = {}  # best-in-a-group claims the table cannot settle
        for c in self._mismatches():
            if c.table_id:
                into = bad_by_table if c.status == "mismatch" else scoped_by_table
                into[c.table_id] = into.get(c.table_id, 0) + 1
        children = [W.VBox([]) for _ in tables]
        acc = W.Accordion(children=children)
        titles = []
        for t in tables:
            n, n_scoped = bad_by_table.get(t.id, 0), scoped_by_table.get(t.id, 0)
            kind = "results" if t.is_results else "table"
            label = _table_label(t)[:60]
            flags = ([f"{n} mismatch{'es' if n != 1 else ''}"] if n else []) + ([f"{n_scoped} to check"] if n_scoped else [])
            titles.append(f"{label} · {_file_label(self.session, t.doc).split(':')[0]} p.{t.page} · {kind}"
                          + (f" · ⚠ {', '.join(flags)}" if flags else ""))
        acc.titles = tuple(titles)
        self.tables_accordion = acc
        built: set[int] = set()

        def build(i: int | None) -> None:
            if i is None or i in built:
                return
            built.add(i)
            h = W.HTML(self.table_html(tables[i]), layout=W.Layout(overflow="auto"))
            h.add_class("jr-table")
            children[i].children = [h]

        acc.observe(lambda ch: build(ch["new"]), names="selected_index")
        self._build_table = build
        n_bad = sum(1 for t in tables if bad_by_table.get(t.id))
        n_check = sum(1 for t in tables if scoped_by_table.get(t.id) and not bad_by_table.get(t.id))
        also = f", {n_check} more with best-in-a-group claims to check by hand" if n_check else ""
        summary = W.HTML(f"<p>{len(tables)} tables ({sum(1 for t in tables if t.is_results)} results tables); "
                         f"{n_bad} with claim-vs-table mismatches{also} (⚠). Open one to see it.</p>")
        summary.add_class("jr-tables-summary")
        return [summary, acc]

    def _make_report_controls(self) -> None:
        self.general_notes = W.Textarea(value="", continuous_update=False,
                                        placeholder="general comments for the authors", description="general notes",
                                        layout=W.Layout(width="100%", height="90px"))
        self.general_notes.style.description_width = "initial"
        self.general_notes.add_class("jr-general-notes")
        self.export_buttons: dict[str, W.Button] = {}
        for fmt, text in (("md", "Markdown report"), ("html", "HTML report"), ("csv", "Checklist CSV"),
                          ("json", "Review JSON")):
            b = W.Button(description=text, icon="download", layout=W.Layout(width="auto"))
            b.add_class(f"jr-export-{fmt}")
            b.on_click(lambda _b, fmt=fmt: self.export(fmt))
            self.export_buttons[fmt] = b
        self.export_status = W.HTML("")
        self.export_status.add_class("jr-export-status")

    def _report_children(self) -> list[W.Widget]:
        self.general_notes.value = self.session.general_notes or ""

        def on_notes(ch: dict[str, Any]) -> None:
            try:
                self.session.general_notes = ch["new"]
                self.export_status.value = _message("general notes saved")
            except _errors() as e:
                self.export_status.value = _message(f"general notes not saved: {e}", error=True)

        self.general_notes.observe(on_notes, names="value")
        return [self.general_notes, W.HBox(list(self.export_buttons.values())), self.export_status]

    def export_path(self, fmt: str) -> Path:
        """Exports go into the review's folder ``<stem>.review/`` beside the paper."""
        from ..review import review_folder

        name = {"md": "report.md", "html": "report.html", "csv": "checklist.csv", "json": "export.json"}[fmt]
        return review_folder(self.session.paper) / name

    def export(self, fmt: str) -> Path | None:
        """Write the report / checklist into the review's folder; returns the path written."""
        path = self.export_path(fmt)
        try:
            if fmt in ("md", "html"):
                self.session.report(fmt=fmt, path=path)
            elif fmt == "csv":
                self.session.export_csv(path)
            else:
                self.session.export_json(path)
        except _errors() as e:
            self.export_status.value = _message(f"export failed: {e}", error=True)
            return None
        self.export_status.value = f'<span style="font-size:12px">written: <code>{esc(path)}</code></span>'
        return path


def _framework_tags(item: Any) -> str:
    """The frameworks that ask this question, one tag each (their item ids in the tooltip)."""
    fws = list(getattr(item, "frameworks", None) or [item.framework])
    titles = list(getattr(item, "framework_titles", None) or [getattr(item, "framework_title", "") or item.framework])
    members = list(getattr(item, "members", None) or [item.id])
    tags = []
    for i, fw in enumerate(fws):
        title = titles[i] if i < len(titles) else fw
        tip = ", ".join(m for m in members if m.split(":", 1)[0] == fw) or item.id
        tags.append(f'<span class="jr-framework-tag" title="{esc(tip)}" style="font-size:11px;color:#37474f;'
                    f'background:#eceff1;border-radius:3px;padding:0 4px;margin-right:3px">{esc(title)}</span>')
    return "".join(tags)


def _table_label(table: Any) -> str:
    label = (table.label or "").strip()
    if not label:
        return table.id
    return label if label.lower().startswith(("table", "tab.")) else f"Table {label}"


def _norm(s: object) -> str:
    return " ".join(str(s).split()).lower()


def _mark_cells(df: Any, table: Any, flagged: Sequence[tuple[str, str]]) -> Any:
    """A copy of ``df`` (as text) with "⚠ " before the cells named by (system, column)."""
    if not flagged or df.empty:
        return df
    out = df.astype(object).copy()
    columns = [_norm(c) for c in table.columns]
    sc = table.system_column if 0 <= table.system_column < out.shape[1] else 0
    names = [_norm(v) for v in out.iloc[:, sc].tolist()]
    for system, column in flagged:
        col = _norm(column)
        if col not in columns or columns.index(col) >= out.shape[1]:
            continue
        j = columns.index(col)
        want = _norm(system)
        tail = _norm(str(system).split(" / ")[-1])
        for i, n in enumerate(names):
            if n and (n == want or n == tail or want.endswith(" / " + n)):
                v = out.iat[i, j]
                if not (isinstance(v, str) and v.startswith("⚠")):
                    out.iat[i, j] = "⚠ " + ("" if v is None or (isinstance(v, float) and v != v) else f"{v}")
    return out


def progress_callback(bar: W.IntProgress, label: W.Label | None = None) -> Callable[[int, int, str], None]:
    """A ``(done, total, message)`` callback that drives an ``IntProgress``."""

    def cb(done: int, total: int, message: str = "") -> None:
        total = max(int(total), 1)
        if bar.max != total:
            bar.max = total
        bar.value = min(max(int(done), 0), total)
        if label is not None:
            label.value = str(message)[:200]

    return cb


def _display(w: W.Widget) -> None:
    try:
        from IPython import get_ipython
        from IPython.display import display
    except ImportError:  # pragma: no cover - IPython ships with ipywidgets
        return
    if get_ipython() is not None:
        display(w)


def _html_row(cells: list[str], style: str = "") -> str:
    """One table row; every cell is escaped (it may hold PDF text)."""
    return f"<tr{style}>" + "".join(f"<td style='padding:2px 6px;vertical-align:top'>{esc(x)}</td>" for x in cells) + "</tr>"


def _html_table(css_class: str, head: tuple[str, ...], rows: list[str]) -> str:
    return (
        f'<table class="{css_class}" style="line-height:1.35;font-size:12px"><thead><tr>'
        + "".join(f"<th style='text-align:left;padding:2px 6px'>{esc(h)}</th>" for h in head)
        + "</tr></thead><tbody>" + "".join(rows) + "</tbody></table>"
    )
