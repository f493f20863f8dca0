"""The referee's review: decisions and notes per checklist item, saved atomically in a
sidecar folder ``<stem>.review/`` beside the paper, carried over to revised manuscripts."""

from __future__ import annotations

from .state import (
    DECISION_STATUS,
    DECISIONS,
    UNSET,
    list_reviews,
    read_state,
    read_summary,
    review_folder,
    sidecar_path,
    update_sidecar,
)

__all__ = [
    "DECISIONS", "DECISION_STATUS", "ReviewItem", "ReviewSession", "UNSET", "list_reviews", "read_state",
    "read_summary", "review_folder", "sidecar_path", "update_sidecar",
]


def __getattr__(name: str):  # lazy: the session pulls in the whole pipeline
    if name in ("ReviewSession", "ReviewItem"):
        from . import session

        return getattr(session, name)
    raise AttributeError(name)
