"""jupyter-review: a referee's assistant for disclosure gaps in papers and supplements.

The analysis core (ingest, model, extract, checklist, report, review) is plain Python
and imports nothing from Jupyter; ``notebook`` and ``server`` sit on top of it.
"""

from __future__ import annotations

from typing import Any

from . import errors
from .model import Analysis, Document
from .pipeline import analyze, analyze_document, load

__version__ = "0.1.0"

__all__ = ["Analysis", "Document", "__version__", "analyze", "analyze_document", "errors", "load", "open_review",
           "show_review"]


def open_review(paper: Any, supplements: Any = (), frameworks: Any = None, **kw: Any) -> Any:
    """Open (or start) the referee's saved review of ``paper``; see ``review.ReviewSession``."""
    from .review import ReviewSession

    return ReviewSession.open(paper, supplements=supplements, frameworks=frameworks, **kw)


def show_review(paper: Any, supplements: Any = (), frameworks: Any = None, **kw: Any) -> Any:
    """In a notebook: a progress bar at once (with the stage), then the review's checklist in its
    place; returns the ``ReviewSession``.  See ``notebook.show.show_review``."""
    from .notebook.show import show_review as show

    return show(paper, supplements=supplements, frameworks=frameworks, **kw)


# The batch-screening module is imported first so that the package attribute
# ``jupyter_review.screen`` is the function below, not the submodule of the same name.
from . import screen as _screen_module  # noqa: E402


def screen(folder: Any, **kw: Any) -> Any:
    """Screen every manuscript in ``folder``; returns a pandas DataFrame (one row each)."""
    return _screen_module.screen(folder, **kw)


def __getattr__(name: str) -> Any:
    # the notebook widgets, imported on first use so the core never needs ipywidgets
    if name in ("ReviewWidget", "ScreeningWidget"):
        from . import notebook

        return getattr(notebook, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def _jupyter_labextension_paths() -> list[dict[str, str]]:
    from .server import _jupyter_labextension_paths as f

    return f()


def _jupyter_server_extension_points() -> list[dict[str, str]]:
    from .server import _jupyter_server_extension_points as f

    return f()
