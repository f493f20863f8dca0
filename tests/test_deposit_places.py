"""Data deposited by verbs other than "available/deposited" at archives named by name.

A referee reads "the survey data were uploaded to the Open Science Framework" or "are archived in
the Harvard Dataverse" as a deposit: the place is named. The availability lexicon knew the places
only as web addresses (osf.io) and the deposit only as "available/deposited/hosted/...", so these
were missing or vague. The false friend: an upload to a place that is no archive (a university
server) says nothing of access. Generated pages (pymupdf), one family of phrasings each."""

from __future__ import annotations

import pytest

import jupyter_review as jr
from tests.conftest import text_page

_LINES = ["We surveyed 212 nurses in three hospitals about their working hours.",
          "Participants answered a questionnaire of 40 items on a five-point scale."]


@pytest.mark.parametrize("line, status", [
    ("All interview transcripts and survey data were uploaded to the Open Science Framework.", "disclosed"),
    ("The anonymised survey data are archived in the Harvard Dataverse.", "disclosed"),
    ("The coded questionnaire data were posted on OSF for other researchers.", "disclosed"),
    ("The survey data were uploaded to a secure university server.", "missing"),
])
def test_deposit_verbs_and_named_archives(tmp_path, line, status):
    pdf = text_page(tmp_path / "p.pdf", "Shift length and wellbeing of hospital nurses",
                    [*_LINES, line, "We found that longer shifts predicted lower wellbeing scores."])
    t = jr.analyze(str(pdf)).topics["data.availability"]
    assert t.status == status, (t.status, t.reason)
    if status == "disclosed":
        assert t.evidence[0].text.startswith(line[:30])
