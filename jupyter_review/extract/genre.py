"""Does the main file look like a research article (or a dataset's documentation) at all?

The checklist assumes a paper: an abstract, methods or results, a reference list.  An editor who
screens a folder meets cover letters, responses to reviewers and manuals too; for those every
"missing" finding is noise.  The test is deliberately weak: it speaks only when the main file
shows fewer than two of the four marks of a paper (an abstract; methods or results; a discussion
or conclusion; references or citations) and is no datasheet, model card or dataset description,
so a real paper with an unusual layout is not flagged (none of the corpus papers is).
"""

from __future__ import annotations

import re

from ..model.document import Document

# the marks of a paper; a paper shows at least two of them
_MARKS = (
    {"abstract"},
    {"methods", "data", "experiments", "results"},
    {"discussion", "conclusion", "limitations"},
    {"references", "related_work"},
)
_DATASET_TITLE = re.compile(r"\b(?:corpus|corpora|dataset|data set|benchmark)\b", re.I)
_SUPPLEMENT = re.compile(r"suppl|appendix|supporting information|\bSI\b|additional file", re.I)
_CARD = re.compile(r"\b(?:data ?sheets?|data cards?|dataset cards?|model cards?|system cards?)\b", re.I)
# citations in the running text: "[12]", "[3, 4]", "(Smith et al., 2020)", "Smith and Lee (2019)"
# (numbered brackets count only beside a reference list: code and tables have "[0]" too)
_CITATION = re.compile(r"\bet al\.|\(\s*[A-Z][A-Za-z-]+(?: and [A-Z][A-Za-z-]+)?,? (?:19|20)\d\d[a-z]?\)")
_NUMBERED = re.compile(r"\[\d{1,3}(?:[,\u2013\-]\s?\d{1,3})*\]")
_LETTER = re.compile(r"^\s*(?:dear\b|to the editor|response to (?:the )?reviewers?|reply to (?:the )?reviewers?)", re.I)


def genre_warning(doc: Document) -> str | None:
    """A warning when the main file shows too few marks of a research article, else None."""
    if not doc.files:
        return None
    main = doc.files[0]
    kinds = {s.kind for s in doc.sections if s.doc == 0}
    sentences = [s.text for s in doc.sentences if s.doc == 0]
    head = " ".join([main.title or ""] + sentences[:15])
    if _CARD.search(head) or _DATASET_TITLE.search(main.title or ""):
        return None  # a datasheet or model card: the checklists have frameworks for those
    marks = sum(bool(kinds & group) for group in _MARKS)
    cite = _CITATION if "references" not in kinds else re.compile(f"{_CITATION.pattern}|{_NUMBERED.pattern}")
    if sum(len(cite.findall(t)) for t in sentences) >= 5:
        marks += 1
    if marks >= 2:
        return None
    if any(_LETTER.match(t) for t in sentences[:40]):
        return (f"{main.name} reads as a letter (to the editor or the reviewers), not as a paper: the "
                f"checklist findings assume a research article and will mostly be noise here")
    hint = ""
    if _SUPPLEMENT.search(f"{main.name} {main.title or ''} {' '.join(sentences[:5])}"):
        hint = " It may be a supplement: give it with --supplement beside its paper."
    return (f"{main.name} does not look like a research article: it lacks most of an abstract, methods "
            f"or results, a discussion, a reference list and citations. The checklist assumes a paper; "
            f"read its findings with that in mind.{hint}")
