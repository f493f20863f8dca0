"""A sentence that only says where the details are is not a topic's first quote.

"The details of evaluation datasets and metrics are introduced in the following sections." reads as
specific to the lexicons and the judgement (it names datasets and metrics) and was medheval's first
quote for the evaluation protocol, ahead of the sentences that give the protocol. A sentence whose
specific words all sit in its pointer ("... in the following sections", "... in Section 4",
"... described below") now ranks after the sentences that state the thing; the status does not
change (the pointed-to text is read where it is).
"""
from __future__ import annotations

import re

import pytest

from tests.conftest import analysed, corpus_pdf

POINTER = re.compile(r"\b(?:in the (?:following|next|subsequent) (?:sections?|subsections?)|in Section \d+|described below|detailed below)\b", re.I)


def test_real_pointer_sentence_is_not_the_first_quote():
    t = analysed(corpus_pdf("medheval-main.pdf"), [corpus_pdf("medheval-appendix.pdf")]).topics["eval.protocol"]
    assert t.status == "disclosed", t.reason
    texts = [e.text for e in t.evidence]
    assert not texts[0].startswith("The details of evaluation datasets and metrics are introduced"), texts
    assert "introduced in the following sections" not in t.reason, t.reason


@pytest.mark.parametrize("name", ["medheval-main.pdf", "multi-lexsum.pdf", "moba.pdf", "kimi-linear.pdf", "stockmixer-main.pdf"])
def test_first_quotes_are_not_bare_pointers_when_others_state_the_thing(name):
    topics = analysed(corpus_pdf(name)).topics
    for tid, t in topics.items():
        ev = [e.text for e in t.evidence or []]
        if t.status != "disclosed" or len(ev) < 2:
            continue
        first = ev[0]
        if POINTER.search(first) and len(POINTER.sub("", first).split()) < 12:
            assert all(POINTER.search(x) for x in ev[1:]), (tid, ev)
