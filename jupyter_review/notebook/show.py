"""``jr.show_review(paper, supplements)``: the review notebook's one call.

A progress bar with the stage (open, text, tables, claims, statements, checks, checklist) is
displayed before any analysis starts, so the referee sees work from the first second; the
analysis (or the saved one, when the files are unchanged) then runs with the bar's callback,
and the checklist widget takes the bar's place in the same output.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from typing import Any

import ipywidgets as W

from ._html import esc
from .widget import ReviewWidget, _display


class StageBar(W.VBox):
    """An ``IntProgress`` with the stage as its description and the detail beside it."""

    def __init__(self) -> None:
        from ..pipeline import STEPS

        self.bar = W.IntProgress(value=0, min=0, max=STEPS, description="open", bar_style="info",
                                 layout=W.Layout(width="420px"))
        self.bar.style.description_width = "90px"
        self.bar.add_class("jr-progress-bar")
        self.label = W.Label("starting the analysis")
        self.label.add_class("jr-progress-stage")
        row = W.HBox([self.bar, self.label], layout=W.Layout(align_items="center", grid_gap="8px"))
        row.add_class("jr-analysis-progress")
        super().__init__([row])
        self.add_class("jr-show-review")
        self.widget: ReviewWidget | None = None  # the checklist, once the analysis is done

    def __call__(self, done: int, total: int, message: str = "") -> None:
        stage, _, detail = str(message).partition(": ")
        total = max(int(total), 1)
        if self.bar.max != total:
            self.bar.max = total
        self.bar.value = min(max(int(done), 0), total)
        self.bar.description = stage[:20] or self.bar.description
        self.label.value = (detail or stage)[:200]

    def failed(self, e: BaseException) -> None:
        self.bar.bar_style = "danger"
        one = e.one_line() if hasattr(e, "one_line") else f"{type(e).__name__}: {e}"
        msg = W.HTML(f'<span style="color:#c62828">{esc(one)}</span>')
        msg.add_class("jr-error")
        self.children = [*self.children, msg]


def show_review(
    paper: str | os.PathLike[str],
    supplements: Sequence[str | os.PathLike[str]] = (),
    frameworks: Sequence[str] | None = None,
    *,
    page_size: int = 25,
    **kw: Any,
) -> Any:
    """Display a progress bar at once, open the review of ``paper`` (analysing it, or reusing
    the saved analysis), then show its checklist in the bar's place.  Returns the
    ``ReviewSession`` (``review.decide(...)`` etc. in later cells)."""
    from .. import open_review

    box = StageBar()
    _display(box)
    try:
        session = open_review(paper, supplements=supplements, frameworks=frameworks, progress=box, **kw)
    except BaseException as e:
        box.failed(e)
        raise
    box.widget = ReviewWidget(session, page_size=page_size)
    box.children = [box.widget]
    return session
