"""Claims: sentences in which the paper asserts a contribution, a comparison, novelty,
a quantitative result or a general finding.

Rule-based on a blank spaCy pipeline: cue lexicons (``nlp/data/claims.yaml``) matched
with a PhraseMatcher on lower-cased tokens plus regular expressions, and number
patterns (``nlp/quantities.py``).  Abstract and conclusion claims come first.
"""

from __future__ import annotations

import re

from ..model.analysis import Claim
from ..model.document import Document
from ..nlp.context import prose_sentences
from ..nlp.lexicon import claim_cues
from ..nlp.quantities import find_quantities

KINDS = ("contribution", "superiority", "novelty", "quantitative", "generalisation")
# which kind names a claim when it has several
_PRIORITY = ("superiority", "quantitative", "novelty", "contribution", "generalisation")
_LOCATION_ORDER = {"abstract": 0, "conclusion": 1, "introduction": 2, "results": 3, "other": 4}
_SKIP_SECTION_KINDS = {
    "references", "acknowledgements", "funding", "conflicts", "author_contributions",
}
# figure/table references make a sentence about a figure, not a claim, only when it is
# nothing but that; leave them in otherwise
_QUANT_UNITS = {"%", "pp", "points", "x"}


def _quantitative(qs: list, cats: dict[str, list[str]]) -> bool:
    if not qs:
        return False
    tied = [q for q in qs if q.metric or q.benchmark or q.unit in _QUANT_UNITS]
    if not tied:
        return False
    # "8x the context size", "+3.1 pp": the number is itself a comparison
    if any(q.unit in ("x", "pp") for q in tied):
        return True
    return bool(cats.get("result_verbs") or cats.get("superiority"))


def classify_sentence(text: str, doc=None) -> tuple[list[str], list[str], bool, list]:
    """(kinds, cues, hedged, quantities) of one sentence; kinds is empty when it is no claim."""
    found = claim_cues().categories_in(text, doc)
    if found.get("not_claims"):
        return [], [], False, []
    qs = find_quantities(text)
    kinds = [k for k in KINDS if k != "quantitative" and found.get(k)]
    if _quantitative(qs, found):
        kinds.append("quantitative")
    if not kinds:
        return [], [], False, qs
    kinds = [k for k in _PRIORITY if k in kinds]
    cues: list[str] = []
    for k in kinds:
        cues.extend(found.get(k, []))
    if "quantitative" in kinds:
        cues.extend(found.get("result_verbs", []))
    hedged = bool(found.get("hedges"))
    return kinds, cues, hedged, qs


def extract_claims(doc: Document) -> list[Claim]:
    contexts, texts, toks = prose_sentences(doc)
    claims: list[Claim] = []
    for ctx, text, tok in zip(contexts, texts, toks):
        if ctx.kind in _SKIP_SECTION_KINDS:
            continue
        kinds, cues, hedged, qs = classify_sentence(text, tok)
        if not kinds:
            continue
        s = ctx.sentence
        claims.append(
            Claim(
                text=_clean(text),
                kind=kinds[0],
                kinds=kinds,
                hedged=hedged,
                location=ctx.location,
                doc=s.doc,
                page=s.page,
                bbox=s.bbox,
                quantities=qs,
                section=ctx.title,
                sentence=ctx.index,
                cues=cues,
                boxes=list(s.boxes),
            )
        )
    claims.sort(key=lambda c: (c.doc, _LOCATION_ORDER.get(c.location, 9), c.sentence))
    return claims


_SPACES = re.compile(r"\s+")


def _clean(text: str) -> str:
    t = _SPACES.sub(" ", text).strip()
    # a bullet glyph that ended up at the start or end of a sentence
    return t.strip("•·▪◦‣∙ ").strip()
