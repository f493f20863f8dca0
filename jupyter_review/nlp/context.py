"""Where a sentence stands, and whether it is running prose at all.

Shared by the claim and data-statement extractors.  ``sentence_contexts(doc)``
walks ``Document.sentences`` once and yields, for each prose sentence, its section
kind, a claim *location* (abstract | introduction | results | conclusion | other)
and its section title.  It skips references, headings, table and figure debris
(lines of numbers, axis labels), table-of-contents lines and caption sentences.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from spacy.tokens import Doc

from ..model.document import Document, Section, Sentence
from .pipeline import get_nlp

_SPACES = re.compile(r"\s+")
_LOCATION = {
    "abstract": "abstract",
    "introduction": "introduction",
    "results": "results",
    "experiments": "results",
    "discussion": "results",
    "conclusion": "conclusion",
}
_SKIP_KINDS = {"references"}
_DOT_LEADER = re.compile(r"(?:\.\s?){4,}|…{2,}")
_CAPTION = re.compile(r"^\s*(?:table|tab\.|figure|fig\.)\s*[A-Z]?\d+(?:\.\d+)?\s*[:.|]", re.I)
_WORD = re.compile(r"[A-Za-z][a-z]{1,}")
_LETTERS = re.compile(r"[^\W\d_]")
_FUNCTION = re.compile(
    r"\b(?:the|a|an|of|and|to|in|is|are|was|were|we|on|for|with|that|by|as|from|this|our|it|its|be|has|have|than|at|or)\b",
    re.I,
)
_CONCLUSION_TITLE = re.compile(
    r"conclu|closing remarks|final remarks|^\W*(?:\d[\d.]*\s*)?summary(?:\s+and\s+\w+)?\W*$|\boutlook\b", re.I
)


@dataclass
class SentenceContext:
    index: int
    sentence: Sentence
    section: Section | None
    kind: str  # canonical section kind
    location: str  # abstract | introduction | results | conclusion | other
    title: str
    role: str  # main | supplement


_CODE_MARK = re.compile(r"(?:^|\s)//\s|\u2190|:=")
_CODE_LINE = re.compile(r"(?:^|\s)\d{1,2}:\s")
# a numbered line of a code listing: "24 p = p[: topk]", "5 x = torch.zeros(3)" (not "10 runs = 3 seeds")
_LISTING_LINE = re.compile(
    r"^\s*\d{1,3}\s+(?:[A-Za-z_][\w.]*(?:\[[^\]]*\])?\s?[-+*/]?=(?!=)\s*[A-Za-z_][\w.]*[\[(]|def\b|import\b"
    r"|for\s+\w+\s+in\b)")


def looks_like_code(text: str) -> bool:
    """Pseudo-code of an algorithm box ("6: // select blocks ... 7: M = mask", "x ← x + 1"):
    it describes a procedure and states nothing a checklist or an ablation search looks for."""
    if ("//" in text or "\u2190" in text or ":=" in text) and _CODE_MARK.search(text):
        return True
    if text[:1].isdigit() or text[:1].isspace():
        if _LISTING_LINE.match(text):
            return True
    return text.count(":") >= 2 and len(_CODE_LINE.findall(text)) >= 2


# an algorithm box read line by line: its numbered steps ("1: Normalize Xc = w(X, c)"), its
# specification lines ("Input: a dataset X ...", "Require: ...", "Output: ..."), its caption
# ("Algorithm 2: SelectClosest", "Algorithm 1 MOEA/D with priority functions", not the prose "Algorithm 2
# gives the details") and the signature above its first step ("ISOMETRYPURSUIT(Matrix X, scaling constant c)")
_STEP = re.compile(r"(?:^|\s)(\d{1,2}):\s+\S")
_STEP_START = re.compile(r"^\s*\d{1,2}:\s+\S")
_SPEC_LINE = re.compile(r"^\s*(?:\d{1,2}:\s*)?(?:Input|Output|Require|Ensure)s?\s*:\s*(?![<\[{\"'\u201c])\S")
_INPUT_OUTPUT = re.compile(r"\b(?:Input|Require)s?\s*:.{0,400}?\b(?:Output|Ensure)s?\s*:", re.S)
_ALGO_CAPTION = re.compile(r"^\s*Algorithm\s+\d+(?:\s*[:.]|\s+(?-i:[A-Z\d]))")
_SIGNATURE = re.compile(r"^\s*(?-i:[A-Z][A-Z0-9_-]{3,})\s*\(")


def pseudo_code_blocks(texts: Sequence[str], pages: Sequence[int] | None = None) -> list[list[int]]:
    """The runs of consecutive lines that make an algorithm box, by its typography: numbered steps,
    Input/Output (Require/Ensure) lines, an 'Algorithm k' caption and the procedure's signature.
    A run counts when it holds two numbered steps, or its caption with a specification line or a
    step, or both an input and an output line: one numbered line or one "OUTPUT:" of a prompt
    example is no box. Up to two other lines inside a run (a wrapped step, "end for") belong to it
    where a numbered step follows them. Returns the index lists of the boxes."""
    marks = []
    for t in texts:
        if _ALGO_CAPTION.match(t):
            marks.append("caption")
        elif _STEP_START.match(t) or _SPEC_LINE.match(t):
            marks.append("step")
        elif _SIGNATURE.match(t):
            marks.append("signature")
        else:
            marks.append("")
    blocks: list[list[int]] = []
    i, n = 0, len(texts)
    while i < n:
        if not marks[i]:
            i += 1
            continue
        run = [i]
        j = i + 1
        while j < n:
            if pages is not None and abs(pages[j] - pages[run[-1]]) > 1:
                break
            if marks[j] == "caption":
                break  # the next box
            if marks[j] in ("step", "signature"):
                run.append(j)
                j += 1
                continue
            # a wrapped step or a bare keyword line between two numbered steps
            k = next((k for k in range(j, min(j + 3, n)) if marks[k]), None)
            if k is not None and _STEP_START.match(texts[k]) and len(texts[j].split()) <= 30:
                run.extend(range(j, k + 1))
                j = k + 1
                continue
            break
        body = " ".join(texts[k] for k in run)
        steps = {m.group(1) for m in _STEP.finditer(body)}
        caption = any(marks[k] == "caption" for k in run)
        spec = any(_SPEC_LINE.match(texts[k]) for k in run)
        if len(steps) >= 2 or (caption and (spec or steps)) or _INPUT_OUTPUT.search(body):
            # a signature line is part of the box only right above a step
            while run and marks[run[-1]] == "signature":
                run.pop()
            blocks.append(run)
        i = j
    return blocks


def is_prose(text: str, *, min_words: int = 5) -> bool:
    """Running prose, not figure/table debris or a table-of-contents line."""
    t = text.strip()
    if len(t) < 20:
        return False
    if _DOT_LEADER.search(t):
        return False
    words = _WORD.findall(t)
    if len(words) < min_words:
        return False
    letters = len(_LETTERS.findall(t))
    if letters / max(1, len(t)) < 0.5:
        return False
    # figure labels and table rows have words but hardly any function words
    if not _FUNCTION.search(t):
        return False
    return True


def _norm_title(t: str) -> str:
    return re.sub(r"[^a-z]+", " ", t.lower()).strip()


def _location_of(sec: Section | None) -> str:
    if sec is None:
        return "other"
    loc = _LOCATION.get(sec.kind)
    title = sec.title.lower()
    if _CONCLUSION_TITLE.search(title) and not (sec.page <= 1 and "summary" in title):
        return "conclusion"
    if loc:
        return loc
    if re.search(r"\b(?:results?|evaluations?|experiments?|findings|analysis)\b", title):
        return "results"
    if re.search(r"\bsummary\b|\bdiscussion\b", title):
        return "conclusion" if "summary" in title and sec.page > 1 else "results"
    return "other"


def _shadowed_sections(doc: Document) -> set[int]:
    """Sections that are a table-of-contents echo or an outline entry placed too early:
    a section whose title repeats later in the same file (the later one is the real heading)."""
    shadowed: set[int] = set()
    by_title: dict[tuple[int, str], list[int]] = {}
    for i, s in enumerate(doc.sections):
        by_title.setdefault((s.doc, _norm_title(s.title)), []).append(i)
    for idxs in by_title.values():
        if len(idxs) < 2:
            continue
        last = idxs[-1]
        for i in idxs[:-1]:
            if doc.sections[i].start < doc.sections[last].start:
                shadowed.add(i)
    return shadowed


def _section_locations(doc: Document, shadowed: set[int]) -> dict[int, str]:
    """Location per section.  A subsection takes its own title's location when it has
    one, else its parent's; a shadowed section (and what hangs under it) is 'other'."""
    out: dict[int, str] = {}
    stack: list[int] = []
    prev_doc = -1
    for i, sec in enumerate(doc.sections):
        if sec.doc != prev_doc:
            stack = []
            prev_doc = sec.doc
        while stack and doc.sections[stack[-1]].level >= sec.level:
            stack.pop()
        parent = stack[-1] if stack else None
        own = _location_of(sec)
        if i in shadowed:
            loc = "other"
        elif parent is not None and (parent in shadowed or sec.kind == doc.sections[parent].kind):
            # a subsection whose kind was inherited: its own title decides when it names a
            # location, otherwise the parent's location holds
            title_loc = _title_location(sec.title)
            loc = title_loc or (out.get(parent, "other") if parent not in shadowed else "other")
        else:
            loc = own
        out[i] = loc
        stack.append(i)
    return out


def _title_location(title: str) -> str:
    from ..ingest.sections import classify

    if _CONCLUSION_TITLE.search(title):
        return "conclusion"
    return _LOCATION.get(classify(title), "")


def _abstract_fallback_end(doc: Document, file_index: int) -> int:
    """When a file has no 'Abstract' heading, the running text on page 1 before the first
    layout heading stands for the abstract; returns its end offset (0 if none)."""
    if any(s.doc == file_index and s.kind == "abstract" for s in doc.sections):
        return 0
    if file_index >= len(doc.files) or doc.files[file_index].role != "main":
        return 0
    layout = [s for s in doc.sections if s.doc == file_index and s.source == "layout"]
    first_page_sents = [s for s in doc.sentences if s.doc == file_index and s.page == 1]
    if not first_page_sents:
        return 0
    end = max(s.end for s in first_page_sents)
    if layout:
        end = min(end, min(s.start for s in layout))
    return end


_CACHE: dict[str, object] = {}


def prose_sentences(doc: Document) -> tuple[list[SentenceContext], list[str], list[Doc]]:
    """Prose sentence contexts, their whitespace-normalised texts and spaCy token docs,
    computed once per document (the claim and data-statement extractors share them)."""
    cached = _CACHE.get("doc")
    if cached is doc and _CACHE.get("n") == len(doc.sentences):
        return _CACHE["value"]  # type: ignore[return-value]
    contexts = sentence_contexts(doc)
    texts = [_SPACES.sub(" ", c.sentence.text).strip() for c in contexts]
    toks = list(get_nlp().tokenizer.pipe(texts, batch_size=512))
    value = (contexts, texts, toks)
    _CACHE.clear()
    _CACHE.update({"doc": doc, "n": len(doc.sentences), "value": value})
    return value


def sentence_contexts(doc: Document, *, prose_only: bool = True) -> list[SentenceContext]:
    shadowed = _shadowed_sections(doc)
    locations = _section_locations(doc, shadowed)
    abstract_end = {i: _abstract_fallback_end(doc, i) for i in range(len(doc.files))}
    out: list[SentenceContext] = []
    paragraphs = doc.paragraphs
    for i, s in enumerate(doc.sentences):
        if s.paragraph is not None and 0 <= s.paragraph < len(paragraphs):
            if paragraphs[s.paragraph].kind in ("reference", "heading"):
                continue
        sec = doc.sections[s.section] if s.section is not None and 0 <= s.section < len(doc.sections) else None
        kind = sec.kind if sec else "other"
        if kind in _SKIP_KINDS:
            continue
        text = s.text
        if prose_only and not is_prose(text):
            continue
        if _CAPTION.match(text):
            continue
        location = locations.get(s.section, "other") if s.section is not None else "other"
        if abstract_end.get(s.doc) and s.start < abstract_end[s.doc] and s.page == 1:
            location = "abstract"
            kind = "abstract" if kind in ("other", "introduction") else kind
        role = doc.files[s.doc].role if 0 <= s.doc < len(doc.files) else "main"
        out.append(SentenceContext(i, s, sec, kind, location, sec.title if sec else "", role))
    return out
