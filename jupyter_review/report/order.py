"""The order of checklist rows, shared by the widget and the report.

"Gaps first" (the default) puts what the referee must look at on the first page:

1. missing items of major severity,
2. missing items of minor severity (then those for information),
3. vague items (major before minor),
4. items found only in a supplement,
5. disclosed items,
6. items that do not apply.

Within a rank, rows keep their checklist order (framework, then item), so the order is
stable and reads the same in the widget and in the report.  Rows may be objects (a
``ReviewItem``) or dicts (the report's plain data); the status used is the referee's
effective status when there is one.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any, TypeVar

T = TypeVar("T")

ORDERS: dict[str, str] = {
    "gaps": "gaps first",
    "checklist": "checklist order",
    "undecided": "undecided first",
    "topic": "by topic",
}
DEFAULT_ORDER = "gaps"

_SEVERITY = {"major": 0, "minor": 1, "info": 2}
_LATER = {"supplement_only": 3, "disclosed": 4, "not_applicable": 5}


def _get(row: Any, name: str, default: Any = None) -> Any:
    if isinstance(row, dict):
        return row.get(name, default)
    return getattr(row, name, default)


def status_of(row: Any) -> str:
    return str(_get(row, "effective_status") or _get(row, "status") or "")


def gap_rank(status: str, severity: str) -> tuple[int, int]:
    """(rank, severity) of one row in the "gaps first" order; smaller comes first."""
    sev = _SEVERITY.get(severity, 3)
    if status == "missing":
        return (0 if severity == "major" else 1, sev)
    if status == "vague":
        return (2, sev)
    return (_LATER.get(status, 6), sev)


def sort_rows(rows: Iterable[T], order: str = DEFAULT_ORDER) -> list[T]:
    """``rows`` in the chosen order (see ``ORDERS``); a stable sort of the checklist order."""
    rows = list(rows)
    if order == "checklist":
        return rows
    if order == "gaps":
        return sorted(rows, key=lambda r: gap_rank(status_of(r), str(_get(r, "severity", "") or "")))
    if order == "undecided":
        return sorted(rows, key=lambda r: (bool(_get(r, "decision")),
                                           gap_rank(status_of(r), str(_get(r, "severity", "") or ""))))
    if order == "topic":
        return sorted(rows, key=lambda r: str(_get(r, "topic", "") or ""))
    raise ValueError(f"unknown order {order!r}: use one of {', '.join(ORDERS)}")


def order_options() -> Sequence[tuple[str, str]]:
    """(label, value) pairs for a dropdown."""
    return [(label, key) for key, label in ORDERS.items()]
