"""Data statements: sentences about the paper's data, tagged with the aspects they cover.

Aspects (a contract with the checklist engine): source, size, collection, curation,
synthetic, annotation, licensing, personal_info, bias, contamination, availability.
Lexicons live in ``nlp/data/data_aspects.yaml``.  A generic cue ("removed",
"collected", "available at") counts only in a sentence that talks about data (a data
noun, or a data / data-availability section); data-specific cues (deduplication,
decontamination, annotators, PII, licences) count on their own.  Statements are read
from the main paper and every supplement.
"""

from __future__ import annotations

import re

from ..model.analysis import DataStatement
from ..model.document import Document
from ..nlp.context import prose_sentences
from ..nlp.lexicon import data_cues
from ..nlp.sizes import counts_data

ASPECTS = (
    "source", "size", "collection", "curation", "synthetic", "annotation", "licensing",
    "personal_info", "bias", "contamination", "availability",
)
# aspects whose cues are about data by themselves
_SELF_EVIDENT = {"licensing", "personal_info", "synthetic", "contamination", "size"}
_DATA_SECTIONS = {"data", "data_availability"}
_SKIP_SECTIONS = {"references", "acknowledgements", "funding", "conflicts", "author_contributions"}

_URL = re.compile(r"(?:https?://|www\.)[^\s<>\"'()\[\]{}\u00b9\u00b2\u00b3\u2070-\u2079]+(?:\([^\s()]*\)[^\s<>\"'()\[\]{}\u00b9\u00b2\u00b3\u2070-\u2079]*)?", re.I)
_DOI = re.compile(r"\b(?:doi:\s*|https?://(?:dx\.)?doi\.org/)?(10\.\d{4,9}/[^\s\"<>,;]+)", re.I)
_TRAIL = ".,;:)]}>'\""
_NAMED = re.compile(
    r"(?<![.!?]\s)(?<!^)\b(?:[A-Z][a-z]+[A-Z][\w-]*|[A-Z]{2,}[\w-]*|[A-Z][\w-]*\d[\w-]*|[A-Z][a-z]{2,})\b"
)
_NAMED_STOP = {
    "We", "The", "This", "These", "Our", "In", "For", "To", "It", "Internet", "Web", "English", "Table",
    "Figure", "Section", "Appendix", "However", "All", "Each", "Data", "Dataset", "Yes", "No", "As", "Any",
}
_BARE_SIZE = re.compile(
    r"\b\d[\d.,]*\s*(?:[KMBT]|thousand|million|billion|trillion)\b(?!\s*(?:[\w-]+\s+){0,3}(?:tokens?|documents?|docs|examples?|samples?|"
    r"instances|pairs|images|hours|sentences|words|records|questions|problems|prompts|conversations|dialogues|files|pages|"
    r"papers|articles|participants|patients|subjects|stocks|videos|users|cases|summaries|entries|annotations|labels|"
    r"queries|utterances|trajectories|books|repositories|parameters|params|characters|GPUs?|FLOPs|steps))",
)
_SIZE_CONTEXT = re.compile(r"\b(?:contains?|containing|consists? of|comprises?|total(?:ing|ling)?|size of|of size|amounts? to)\b", re.I)


# a URL the PDF broke over two lines: "https://doi. org/10...", "https://clse. github.io"
_URL_BREAK = re.compile(r"((?:https?://|www\.)[^\s<>\"']*[./-])\s+((?:org|com|net|io|edu|gov|ac|uk|de|info)\b[^\s<>\"']*|[a-z0-9-]+\.(?:org|com|net|io|edu|gov)\b[^\s<>\"']*)")
_DOI_TAIL = re.compile(r"(?:/(?:full|abstract|pdf|epdf|meta))?(?:[#?].*)?$", re.I)
_PROMPT = re.compile(r"^(?:if (?:so|yes|not),?\s*)?(?:please\s+)?(?:describe|provide|list|explain|specify|indicate|state)\b", re.I)


def repair_urls(text: str) -> str:
    return _URL_BREAK.sub(r"\1\2", text)


def find_urls(text: str) -> list[str]:
    out: list[str] = []
    text = repair_urls(text)
    for m in _URL.finditer(text):
        u = m.group(0).rstrip(_TRAIL)
        if len(u) > 10 and u not in out:
            out.append(u)
    return out


def find_dois(text: str) -> list[str]:
    out: list[str] = []
    for m in _DOI.finditer(repair_urls(text)):
        d = _DOI_TAIL.sub("", m.group(1)).rstrip(_TRAIL)
        if d not in out:
            out.append(d)
    return out


def _has_named_source(text: str, urls: list[str]) -> bool:
    if urls:
        return True
    for m in _NAMED.finditer(text):
        if m.group(0) not in _NAMED_STOP and m.start() > 0:
            return True
    return False


_DATASET_TITLE = re.compile(r"\b(?:corpus|corpora|dataset|data set|data ?sheet|benchmark|collection|database|treebank)\b", re.I)


def dataset_names(doc: Document) -> re.Pattern[str] | None:
    """Names of the datasets a data paper introduces, from its title ("Dolma: An Open
    Corpus ...", "S2ORC: The ... Corpus"): a sentence naming one talks about data."""
    names = []
    for f in doc.files:
        title = (f.title or "").strip()
        if not title or not _DATASET_TITLE.search(title):
            continue
        head = re.split(r"\s*[:\u2013\u2014]\s+|\s+-\s+", title, maxsplit=1)[0].strip()
        if 0 < len(head.split()) <= 3 and len(head) >= 3 and head.lower() != title.lower():
            names.append(re.escape(head))
    if not names:
        return None
    return re.compile(r"(?<![\w-])(?:" + "|".join(names) + r")(?![\w-])", re.I)


def aspects_of(
    text: str, section_kind: str = "other", doc=None, names: re.Pattern[str] | None = None
) -> tuple[list[str], list[str], list[str], list[str]]:
    """(aspects, vague reasons, urls, dois) of one sentence."""
    strong, weak, nouns, vague = data_cues()
    found = strong.categories_in(text, doc)
    if "size" in found and not any(c == "size" and counts_data(text, a, b) for c, _q, a, b in strong.find(text, doc)):
        del found["size"]  # every quantity is a length, budget, batch, rate or duration, not data
    in_data_section = section_kind in _DATA_SECTIONS
    about_data = in_data_section or bool(nouns.search(text)) or bool(names and names.search(text))
    if in_data_section:
        for k, v in weak.categories_in(text, doc).items():
            found.setdefault(k, v)
    aspects = []
    for a in ASPECTS:
        if a not in found:
            continue
        if a in _SELF_EVIDENT or about_data:
            aspects.append(a)
    urls = find_urls(text)
    dois = find_dois(text)
    if (urls or dois) and about_data and "availability" not in aspects:
        aspects.append("availability")
    reasons: list[str] = []
    if "source" in aspects and vague["source"].search(text) and not _has_named_source(text, urls):
        reasons.append("source given only as " + repr(vague["source"].search(text).group(0)))
    if "availability" in aspects and vague["availability"].search(text) and not (urls or dois):
        reasons.append("data available only on request")
    bare = _BARE_SIZE.search(text)
    if (about_data and bare and _SIZE_CONTEXT.search(text) and "size" not in aspects
            and counts_data(text, bare.start(), bare.end())):
        aspects.append("size")
        reasons.append("size without a unit: " + repr(_BARE_SIZE.search(text).group(0)))
    aspects = [a for a in ASPECTS if a in aspects]
    return aspects, reasons, urls, dois


def extract_data_statements(doc: Document) -> list[DataStatement]:
    contexts, texts, toks = prose_sentences(doc)
    names = dataset_names(doc)
    out: list[DataStatement] = []
    for ctx, text, tok in zip(contexts, texts, toks):
        if ctx.kind in _SKIP_SECTIONS or text.endswith("?") or _PROMPT.match(text):
            continue  # a question (datasheet prompt), not a statement
        aspects, reasons, urls, dois = aspects_of(text, ctx.kind, tok, names)
        if not aspects:
            continue
        s = ctx.sentence
        out.append(
            DataStatement(
                text=text,
                aspects=aspects,
                vague=bool(reasons),
                doc=s.doc,
                page=s.page,
                bbox=s.bbox,
                vague_reasons=reasons,
                urls=urls,
                dois=dois,
                section=ctx.title,
                sentence=ctx.index,
                boxes=list(s.boxes),
            )
        )
    return out
