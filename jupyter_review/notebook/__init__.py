"""Notebook widgets (ipywidgets 8) on top of the review session.

``ReviewWidget(session)`` is the interactive checklist of one paper;
``ScreeningWidget(df)`` the clickable table of a folder screening.
"""

from __future__ import annotations

from .screening import ScreeningWidget
from .show import StageBar, show_review
from .widget import DECISION_OPTIONS, ItemRow, ReviewWidget, progress_callback

__all__ = ["DECISION_OPTIONS", "ItemRow", "ReviewWidget", "ScreeningWidget", "StageBar", "progress_callback",
           "show_review"]
