"""The literal prefilter never hides a match of the regex it guards."""

from __future__ import annotations

import re

import jupyter_review as jr
from jupyter_review import sample
from jupyter_review.checklist.engine import detectors
from jupyter_review.checklist.prefilter import Pattern, required_literals
from tests.conftest import corpus_pdf


def test_required_literals_of_simple_patterns():
    assert set(required_literals(r"foo|barbaz")) == {"foo", "barbaz"}
    assert required_literals(r"(?:upon|on) (?:reasonable )?request") == ("request",)
    assert required_literals(r"\d+ (?:GPUs?|TPUs?)") is not None
    assert required_literals(r"a|\d+") is None  # one branch has no literal
    assert required_literals(r"(?!Copyright)\w+ licen[cs]e") == (" licen",)
    assert set(required_literals(r"(?-i:BOLD|BBQ)\b")) == {"bold", "bbq"}
    # short literals count too: a rare one ("c4", "β") still rules most sentences out
    assert set(required_literals(r"\bC4\b|common crawl")) == {"c4", "common crawl"}
    assert set(required_literals(r"β\s*=|beta")) == {"β", "beta"}


def test_prefilter_agrees_with_the_regex_on_real_sentences():
    doc = jr.load(sample.main_pdf(), [sample.supplement_pdf()])
    doc2 = jr.load(corpus_pdf("dolma-v0.1.pdf"))
    texts = [s.text for s in doc.sentences + doc2.sentences]
    texts += ["Data are available UPON REASONABLE REQUEST.", "We used 8 H100 GPUs.", "BOLD and BBQ were used."]
    checked = 0
    for det in detectors().values():
        for name in ("mention", "specific", "vague", "exclude", "needs_context"):
            p: Pattern | None = getattr(det, name)
            if p is None:
                continue
            raw = re.compile(p.pattern, re.IGNORECASE)
            for t in texts:
                assert bool(p.search(t)) == bool(raw.search(t)), (p.pattern[:60], t[:80])
                checked += 1
    assert checked > 10000
