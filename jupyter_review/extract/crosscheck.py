"""Cross-checks of claims against results tables (placeholder until tables land)."""

from __future__ import annotations

from ..model.analysis import Claim, CrossCheck, Table
from ..model.document import Document


def cross_check(claims: list[Claim], tables: list[Table], doc: Document) -> list[CrossCheck]:
    return []
