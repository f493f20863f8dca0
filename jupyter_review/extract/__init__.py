"""Extractors: each a pure function of the document that returns new entities."""

from __future__ import annotations

from collections.abc import Callable

from ..model import Analysis


def run_extractors(analysis: Analysis, progress: Callable[[str], None] | None = None) -> Analysis:
    """Run every extractor; ``progress(stage)`` is told before each (tables, claims,
    statements, checks)."""
    from ..nlp.statement_judge import judge_statements, own_only
    from .claims import extract_claims
    from .crosscheck import cross_check
    from .data_statements import extract_data_statements
    from .design import extract_design_choices
    from .tables import extract_tables

    def step(stage: str) -> None:
        if progress:
            progress(stage)

    doc = analysis.document
    step("tables")
    analysis.tables = extract_tables(doc)
    step("claims")
    analysis.claims = extract_claims(doc)
    step("statements")
    analysis.data_statements = extract_data_statements(doc)
    # whose statement is it: another paper's result or dataset, background, a line of a proof
    # are kept (flagged own=False) but neither checked against the tables nor read by the checklist
    judge_statements(doc, analysis.claims, analysis.data_statements)
    step("checks")
    # (the checks that read every prose sentence for numbers restated from a table skip a claim set
    # apart too: a sentence judged another's is never checked, whichever check reads it)
    apart = {c.text for c in analysis.claims if not c.own} - {c.text for c in analysis.claims if c.own}
    analysis.cross_checks = [x for x in cross_check(own_only(analysis.claims), analysis.tables, doc)
                             if not (x.claim and x.claim in apart)]
    analysis.design_choices = extract_design_choices(doc, analysis.tables)
    return analysis
