"""Cross-checks on the tune half of the third fresh gold (session 18, fresh3-tune.yaml: ri-iclr2026,
npjmgrav-00129, ssmph-101285; truths read by hand before the checks ran). Every claim of the half is
a case: the tool may leave a claim unchecked, but never calls a claim that is no mismatch a
mismatch, nor a claim whose truth is not ``consistent`` consistent. The claims of the kinds fixed on
this half (an estimate printed with its interval, an acronym the paper defines for a column, a
statistic in a bracket after the clause naming its row, a comparison read against a table that is
not a results table, a range over one column) must be confirmed."""

from __future__ import annotations

import re
import unicodedata

import pytest
import yaml

from jupyter_review.extract.claims import extract_claims
from jupyter_review.extract.crosscheck import cross_check
from jupyter_review.extract.tables import extract_tables
from jupyter_review.pipeline import load
from tests.conftest import GOLD, need_corpus

GOLD_FILE = GOLD / "crosscheck" / "fresh3-tune.yaml"
_DATA = yaml.safe_load(GOLD_FILE.read_text(encoding="utf-8"))
CLAIMS = _DATA["claims"]
_CACHE: dict[str, list] = {}


def _norm(s: str) -> str:
    s = unicodedata.normalize("NFKC", s).replace("\u2019", "'").replace("\u2018", "'")
    return re.sub(r"\s+", " ", s.replace("- ", "-")).strip().casefold()


def _checks(paper: str) -> list:
    if paper not in _CACHE:
        path = need_corpus("fresh3 cross-check gold").parent / _DATA["files"][paper]
        doc = load(path)
        _CACHE[paper] = cross_check(extract_claims(doc), extract_tables(doc), doc)
    return _CACHE[paper]


def _verdict(claim: dict) -> str:
    """As benchmarks/crosscheck_accuracy.py reads it: the checks whose sentence holds the quote."""
    q = _norm(claim["quote"])
    mine = [c for c in _checks(claim["paper"]) if c.claim and q in _norm(c.claim) and c.claim_page == claim["page"]]
    statuses = {c.status for c in mine}
    for s in ("mismatch", "consistent"):
        if s in statuses:
            return s
    return "unverified" if statuses else "none"


@pytest.mark.parametrize("claim", CLAIMS, ids=[c["id"] for c in CLAIMS])
def test_fresh3_tune_claim_is_never_misjudged(claim: dict) -> None:
    got = _verdict(claim)
    if claim["truth"] != "mismatch":
        assert got != "mismatch", claim["quote"]
    if claim["truth"] != "consistent":
        assert got != "consistent", claim["quote"]


CONFIRMED = {
    "ri-15": "an acronym the paper defines ('RI' for the column 'Refusal Index'); a cell '0.34 [0.28, 0.40]'",
    "ss-04": "'OR = 1.43; 95% CI = 1.09-1.88' against '1.43 (1.09-1.88)' under 'Bivariate', named at the sentence's start",
    "np-06": "'(F1, 14 = 6.19, p = 0.026)' after the clause naming the row, the paragraph citing another table",
    "np-11": "'was characterized by significantly lower weight compared to CTR and RVE' in a participants table",
    "np-03": "'ranged between 16.60 and 17.65' over one column of a table of participant groups",
}


@pytest.mark.parametrize("cid", sorted(CONFIRMED), ids=sorted(CONFIRMED))
def test_fresh3_tune_claims_of_the_fixed_kinds_are_confirmed(cid: str) -> None:
    claim = next(c for c in CLAIMS if c["id"] == cid)
    assert claim["truth"] == "consistent"
    assert _verdict(claim) == "consistent", CONFIRMED[cid]


_BLIND = yaml.safe_load((GOLD / "crosscheck" / "fresh3-blind.yaml").read_text(encoding="utf-8"))


def test_fresh3_blind_half_has_no_false_mismatch() -> None:
    """The blind half (kdd2019-hall, isometry-pursuit, fimmu-2022-915001) was scored once, at the end
    of session 18, with 0 false mismatches; no code was tuned on it. It has no real mismatch, so no
    claim of it may be called one."""
    base = need_corpus("fresh3 blind gold").parent
    for paper, rel in _BLIND["files"].items():
        doc = load(base / rel)
        checks = cross_check(extract_claims(doc), extract_tables(doc), doc)
        for c in _BLIND["claims"]:
            if c["paper"] != paper or c["truth"] == "mismatch":
                continue
            q = _norm(c["quote"])
            bad = [x for x in checks if x.status == "mismatch" and x.claim and q in _norm(x.claim) and x.claim_page == c["page"]]
            assert not bad, (c["id"], bad[0].message)
