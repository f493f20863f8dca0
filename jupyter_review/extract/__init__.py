"""Extractors: each a pure function of the document that returns new entities."""

from __future__ import annotations

from ..model import Analysis


def run_extractors(analysis: Analysis) -> Analysis:
    from .claims import extract_claims
    from .crosscheck import cross_check
    from .data_statements import extract_data_statements
    from .design import extract_design_choices
    from .tables import extract_tables

    doc = analysis.document
    analysis.tables = extract_tables(doc)
    analysis.claims = extract_claims(doc)
    analysis.data_statements = extract_data_statements(doc)
    analysis.cross_checks = cross_check(analysis.claims, analysis.tables, doc)
    analysis.design_choices = extract_design_choices(doc, analysis.tables)
    return analysis
