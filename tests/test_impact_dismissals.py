"""Statements that say there is nothing to state (session 23, wt31d, issue 13): a one-line dismissal of
societal impact or of ethical issues is a statement without the specifics (vague), also under an
impact or ethics heading, unless the same sentence goes on to name a consequence; a heading that
names a social impact beside another word ("Discussion and Social Impact") is an impact section; a
piece of work done as part of a degree names no funder (vague). Generated pages with the statement
under its heading, read by the whole analysis."""

from __future__ import annotations

import pytest

from jupyter_review.ingest.sections import classify
from tests.test_applicability_kinds import _statement_page


@pytest.mark.parametrize("heading,sentence", [
    ("Ethical Statement", "We do not foresee any direct social consequences or ethical issues."),
    ("Broader Impact", "Because this work is fundamental research, no immediate serious negative societal impact is expected."),
    ("Broader Impact", "We are not aware of any negative societal impacts of this parser."),
    ("Societal Impact", "Our parser does not pose any direct societal risks."),
])
def test_a_dismissal_of_impact_is_vague(tmp_path, heading, sentence):
    t = _statement_page(tmp_path, heading, sentence).topics["risk.societal"]
    assert t.status == "vague", (sentence, t.status, t.reason)
    assert t.evidence and t.evidence[0].text.startswith(sentence[:25]), [e.text for e in t.evidence]


@pytest.mark.parametrize("sentence", [
    "We do not foresee any direct negative societal impact, but the parser could be used to profile the authors of anonymous posts.",
    "Parsers of this kind may have negative impacts on the privacy of users whose posts are analysed.",
])
def test_an_impact_named_in_the_same_sentence_is_no_dismissal(tmp_path, sentence):
    t = _statement_page(tmp_path, "Broader Impact", sentence).topics["risk.societal"]
    assert t.status == "disclosed", (sentence, t.status, t.reason)


@pytest.mark.parametrize("title", ["Discussion and Social Impact", "Social Impact", "Conclusion and Social Impacts"])
def test_a_heading_naming_a_social_impact_is_an_impact_section(title):
    assert classify(title) == "broader_impact"


@pytest.mark.parametrize("sentence", [
    "This work was performed as part of a Master's thesis.",
    "The research was carried out as part of the first author's PhD thesis.",
])
def test_work_done_for_a_degree_names_no_funder(tmp_path, sentence):
    t = _statement_page(tmp_path, "Funding", sentence).topics["accountability.funding"]
    assert t.status == "vague", (sentence, t.status, t.reason)


@pytest.mark.parametrize("heading,sentence,status", [
    # under a limitations heading the section is the cue: a scope conceded without the word
    ("Limitations", "We consider only a single random seed and a few datasets for the analysis.", "disclosed"),
    ("Limitation and Impact", "The parser was not evaluated on languages with free word order.", "disclosed"),
    # the scope of the paper's own results conceded anywhere
    ("Discussion", "These results are only valid for the treebanks used here.", "disclosed"),
])
def test_a_scope_conceded_is_a_limitation(tmp_path, heading, sentence, status):
    t = _statement_page(tmp_path, heading, sentence).topics["risk.limitations"]
    assert t.status == status, (sentence, t.status, t.reason)
