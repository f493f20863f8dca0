"""The three errors planted in the bundled sample are found, with both sides quoted,
and the claims that check out are not flagged (answer key: sample/answer_key.yaml)."""

from __future__ import annotations

import pytest

from jupyter_review import sample
from tests.conftest import analysed


@pytest.fixture(scope="module")
def analysis():
    return analysed(sample.main_pdf(), [sample.supplement_pdf()])


def test_planted_errors_are_reported(analysis):
    key = sample.answer_key()["cross_checks"]
    mism = [c for c in analysis.cross_checks if c.status == "mismatch"]
    kinds = {p["kind"] for p in key["planted"]}
    assert kinds == {"number_mismatch", "universal_superiority", "bold_not_best"}
    num = [c for c in mism if c.kind == "number"]
    assert any("64.2" in c.claim and c.claim_page == 4 and any(cell["value"] == 62.4 for cell in c.cells) for c in num)
    sup = [c for c in mism if c.kind == "superiority" and c.claim_page == 1]
    assert any("every benchmark" in c.claim and "CodeTrace" in c.message and "58.9" in c.message for c in sup)
    bold = [c for c in mism if c.kind == "bold_best"]
    assert any(c.table_page == 5 and "51.1" in c.message and "51.6" in c.message for c in bold)


def test_consistent_claims_are_not_flagged(analysis):
    key = sample.answer_key()["cross_checks"]["consistent"]
    for k in key:
        value = f"{k['value']:g}"
        flagged = [c for c in analysis.cross_checks
                   if c.kind == "number" and c.status == "mismatch" and value in c.claim and c.claim_page == k["page"]]
        assert not flagged, k


def test_messages_name_the_file_of_the_claim_and_of_the_table(analysis):
    """A referee reads where both sides are: main paper or supplement, file and page, for the
    claim as for the table (issue 14, item 3)."""
    files = analysis.document.files
    checked = [c for c in analysis.cross_checks if c.claim and c.kind in ("number", "superiority")]
    assert checked
    for c in checked:
        f = files[c.claim_doc]
        assert f"{f.role} {f.name}, p. {c.claim_page}" in c.message, c.message
        for t in c.tables:
            assert f"{t['role']} {t['file']}, p. {t['page']}" in c.message, c.message
