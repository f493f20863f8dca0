"""The interactive screening table: one row per manuscript, click one to review it.

``ScreeningWidget(df)`` takes the DataFrame of :func:`jupyter_review.screen` and
shows it sortable and filterable; the "open" button of a row analyses (or
reopens) that manuscript and shows its :class:`ReviewWidget` below the table.
"""

from __future__ import annotations

import numbers
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

import ipywidgets as W

from ._html import STATUS_LABELS, STATUSES, esc, status_badge
from .widget import ReviewWidget, _message

ALL = "(all)"
_KNOWN = {"id", "paper", "path", "title", "pages", "error", "supplements", "files", "sha256", "hashes", "seconds"}


def _blank(v: Any) -> bool:
    if v is None:
        return True
    if isinstance(v, str):
        return not v.strip()
    if isinstance(v, list | tuple | dict):
        return not v
    try:
        import pandas as pd

        return bool(pd.isna(v))
    except (TypeError, ValueError):
        return False


def topic_columns(df: Any) -> list[str]:
    """Columns holding a per-topic status (every non-empty value is a status name)."""
    named = [str(c) for c in df.columns if str(c).startswith("topic:")]
    if named:
        return named
    out = []
    statuses = set(STATUSES)
    for c in df.columns:
        if str(c) in _KNOWN:
            continue
        vals = [v for v in df[c].tolist() if not _blank(v)]
        if vals and all(isinstance(v, str) and v in statuses for v in vals):
            out.append(str(c))
    return out


def _split_files(v: Any) -> list[str]:
    if _blank(v):
        return []
    if isinstance(v, list | tuple):
        return [str(x) for x in v if not _blank(x)]
    if hasattr(v, "tolist"):
        return [str(x) for x in v.tolist() if not _blank(x)]
    return [s.strip() for s in str(v).replace("|", ";").split(";") if s.strip()]


class ScreeningWidget(W.VBox):
    """Sortable, filterable screening table; a row's "open" button shows its review below."""

    def __init__(
        self,
        df: Any,
        *,
        folder: str | os.PathLike[str] | None = None,
        page_size: int = 20,
        review_page_size: int = 25,
        opener: Callable[[Any], Any] | None = None,
        frameworks: Any = None,
    ) -> None:
        self.df = df.reset_index(drop=True)
        if folder is None:
            attrs = getattr(df, "attrs", {}) or {}
            folder = attrs.get("folder") or (attrs.get("screen") or {}).get("folder")
        self.folder = Path(folder) if folder else None
        self.page_size = max(1, int(page_size))
        self.review_page_size = review_page_size
        self.opener = opener
        self.frameworks = frameworks
        self.review: ReviewWidget | None = None
        self._page = 0
        self.topics = topic_columns(self.df)
        self.id_column = "id" if "id" in self.df.columns else None

        base = [c for c in ("title", "pages") if c in self.df.columns]
        numeric = [str(c) for c in self.df.columns if str(c) not in _KNOWN and str(c) not in self.topics
                   and self.df[c].dtype.kind in "iuf"]
        errors = ["error"] if "error" in self.df.columns and self.df["error"].map(lambda v: not _blank(v)).any() else []
        self.summary_columns = base + numeric + errors

        sortable = [str(c) for c in self.df.columns if str(c) not in ("supplements", "files")]
        self.sort_by = W.Dropdown(options=sortable, value="id" if "id" in sortable else sortable[0],
                                  description="sort by", layout=W.Layout(width="260px"))
        self.descending = W.Checkbox(value=False, description="descending", indent=False,
                                     layout=W.Layout(width="110px"))
        self.search = W.Text(value="", placeholder="id, file or title", description="search", continuous_update=False,
                             layout=W.Layout(width="260px"))
        self.topic = W.Dropdown(options=[("(no topic)", "")] + [(t.removeprefix("topic:"), t) for t in self.topics], value="",
                                description="topic", layout=W.Layout(width="280px"))
        self.topic_status = W.Dropdown(options=[(ALL, ALL)] + [(STATUS_LABELS[s], s) for s in STATUSES], value=ALL,
                                       description="status", layout=W.Layout(width="210px"))
        self.errors = W.Dropdown(options=[ALL, "with errors", "without errors"], value=ALL, description="errors",
                                 layout=W.Layout(width="210px"))
        controls = [self.sort_by, self.descending, self.search, self.topic, self.topic_status, self.errors]
        for w in controls:
            if hasattr(w.style, "description_width"):
                w.style.description_width = "initial"
            w.observe(lambda _c: self._refresh(reset=True), names="value")
        bar = W.HBox(controls, layout=W.Layout(flex_flow="row wrap", grid_gap="6px"))
        bar.add_class("jr-screen-filters")

        self.prev_button = W.Button(description="◀ previous", layout=W.Layout(width="auto"))
        self.next_button = W.Button(description="next ▶", layout=W.Layout(width="auto"))
        self.prev_button.on_click(lambda _b: self.go_to_page(self._page - 1))
        self.next_button.on_click(lambda _b: self.go_to_page(self._page + 1))
        self.page_label = W.Label("")
        self.grid = W.GridBox([], layout=W.Layout(grid_gap="2px 10px", align_items="center", overflow="auto"))
        self.grid.add_class("jr-screen-table")
        self.status = W.HTML("")
        self.review_area = W.VBox([])
        self.review_area.add_class("jr-screen-review")
        self.open_buttons: dict[Any, W.Button] = {}
        self.row_order: list[int] = []

        super().__init__([
            W.HTML(f"<b>{len(self.df)} manuscripts</b>" + (f" in <code>{esc(self.folder)}</code>" if self.folder else "")),
            bar, W.HBox([self.prev_button, self.page_label, self.next_button], layout=W.Layout(align_items="center")),
            self.grid, self.status, self.review_area,
        ])
        self.add_class("jr-screening")
        self._refresh(reset=True)

    # -- table -------------------------------------------------------------------------
    def _row_key(self, i: int) -> Any:
        return self.df.at[i, self.id_column] if self.id_column else i

    def _filtered(self) -> list[int]:
        df = self.df
        idx = list(range(len(df)))
        text = self.search.value.strip().lower()
        if text:
            cols = [c for c in ("id", "paper", "title") if c in df.columns]
            idx = [i for i in idx if any(text in str(df.at[i, c]).lower() for c in cols)]
        if self.topic.value and self.topic_status.value != ALL:
            idx = [i for i in idx if df.at[i, self.topic.value] == self.topic_status.value]
        elif self.topic_status.value != ALL and self.topics:  # any topic with this status
            st = self.topic_status.value
            idx = [i for i in idx if any(df.at[i, t] == st for t in self.topics)]
        if "error" in df.columns and self.errors.value != ALL:
            want = self.errors.value == "with errors"
            idx = [i for i in idx if (not _blank(df.at[i, "error"])) == want]
        col = self.sort_by.value
        if col in df.columns:
            def key(i: int) -> tuple[int, Any]:
                v = df.at[i, col]
                if _blank(v):
                    return (1, "")
                return (0, v if isinstance(v, numbers.Number) else str(v).lower())
            blanks = [i for i in idx if key(i)[0]]
            rest = sorted((i for i in idx if not key(i)[0]), key=key, reverse=self.descending.value)
            idx = rest + blanks
        return idx

    @property
    def visible_ids(self) -> list[Any]:
        start = self._page * self.page_size
        return [self._row_key(i) for i in self.row_order[start:start + self.page_size]]

    def go_to_page(self, page: int) -> None:
        pages = max(1, -(-len(self.row_order) // self.page_size))
        self._page = min(max(0, int(page)), pages - 1)
        self._render()

    def _refresh(self, *, reset: bool = False) -> None:
        self.row_order = self._filtered()
        if reset:
            self._page = 0
        self.go_to_page(self._page)

    def _cell(self, col: str, v: Any) -> str:
        if _blank(v):
            return ""
        if col in self.topics:
            return status_badge(str(v))
        if isinstance(v, numbers.Real) and not isinstance(v, bool) and float(v).is_integer():
            v = int(v)
        text = str(v)
        short = text if len(text) <= 60 else text[:58] + "…"
        if col == "error":
            return f'<span style="color:#c62828" title="{esc(text)}">{esc(short)}</span>'
        if col == "title" and short != text:
            return f'<span title="{esc(text)}">{esc(short)}</span>'
        return esc(text)

    def _render(self) -> None:
        cols = list(self.summary_columns)
        if self.topic.value and self.topic.value not in cols:
            cols.insert(min(2, len(cols)), self.topic.value)
        header = [W.HTML("<b>manuscript</b>")] + [W.HTML(f"<b>{esc(c)}</b>") for c in cols]
        cells: list[W.Widget] = list(header)
        self.open_buttons = {}
        start = self._page * self.page_size
        for i in self.row_order[start:start + self.page_size]:
            key = self._row_key(i)
            label = str(key)
            b = W.Button(description=label[:40], tooltip=f"open the review of {label}", icon="search",
                         layout=W.Layout(width="auto"))
            b.add_class("jr-open")
            b.on_click(lambda _b, i=i: self.open_row(i))
            self.open_buttons[key] = b
            cells.append(b)
            cells.extend(W.HTML(self._cell(c, self.df.at[i, c])) for c in cols)
        self.grid.layout.grid_template_columns = " ".join(["max-content"] * (len(cols) + 1))
        self.grid.children = cells
        n = len(self.row_order)
        pages = max(1, -(-n // self.page_size))
        self.page_label.value = f"{n} of {len(self.df)} shown (page {self._page + 1} / {pages})"
        self.prev_button.disabled = self._page <= 0
        self.next_button.disabled = self._page >= pages - 1

    # -- opening a manuscript ----------------------------------------------------------
    def files_of(self, i: int) -> tuple[Path, list[Path]]:
        """The main PDF and supplements of row ``i``, resolved against the folder."""
        row = self.df.iloc[i]

        def resolve(name: str) -> Path:
            p = Path(name)
            if not p.is_absolute() and self.folder is not None:
                p = self.folder / p
            return p

        main = None
        for c in ("path", "paper"):
            if c in self.df.columns and not _blank(row[c]):
                main = resolve(str(row[c]))
                break
        if main is None:
            raise KeyError(f"row {i} names no paper file")
        supps: list[Path] = []
        for c in ("supplement_paths", "supplements"):
            if c in self.df.columns:
                supps = [resolve(s) for s in _split_files(row[c])]
                if supps:
                    break
        return main, supps

    def open_row(self, i: int) -> ReviewWidget | None:
        """Analyse (or reopen) manuscript ``i`` and show its review below the table."""
        from ..errors import ReviewError

        key = self._row_key(i)
        self.status.value = f"<span style='font-size:12px'>opening {esc(key)}…</span>"
        bar = W.IntProgress(value=0, min=0, max=1, description="analysing", bar_style="info")
        label = W.Label("")
        self.review_area.children = [W.HBox([bar, label])]
        try:
            if self.opener is not None:
                session = self.opener(self.df.iloc[i])
            else:
                from .. import open_review
                from .widget import progress_callback

                paper, supps = self.files_of(i)
                session = open_review(paper, supplements=supps, frameworks=self.frameworks,
                                      progress=progress_callback(bar, label))
        except (ReviewError, OSError, KeyError, ValueError) as e:
            self.status.value = _message(f"cannot open {key}: {e}", error=True)
            self.review_area.children = []
            return None
        self.review = ReviewWidget(session, page_size=self.review_page_size)
        self.review_area.children = [W.HTML(f"<hr><b>Review of {esc(key)}</b>"), self.review]
        self.status.value = ""
        return self.review

    def open_manuscript(self, key: Any) -> ReviewWidget | None:
        """Open the manuscript whose id (or row number) is ``key``."""
        if self.id_column:
            hits = [i for i in range(len(self.df)) if str(self.df.at[i, self.id_column]) == str(key)]
            if not hits:
                raise KeyError(f"no manuscript with id {key!r}")
            return self.open_row(hits[0])
        return self.open_row(int(key))
