"""Section headings: canonical kinds, numbering, levels, inline statement headings."""

from __future__ import annotations

import re
from functools import lru_cache

# canonical kind -> pattern on a normalised heading title (no numbering, lower case)
_KIND_PATTERNS: list[tuple[str, str]] = [
    ("abstract", r"abstract|summary|synopsis"),
    ("introduction", r"introduction|background|overview|motivation"),
    ("related_work", r"related work[s]?|prior work|literature review|previous work"),
    ("data_availability", r"(?:data|dataset)s? (?:and (?:code|software|materials) )?(?:availability|access|sharing|accessibility)(?: statement)?|availability of (?:data|datasets?)(?: and (?:materials|code))?|data (?:and code )?statement|open data|supporting information"),
    ("code_availability", r"(?:code|software) availability(?: statement)?|availability of (?:code|software)|reproducibility statement"),
    ("ethics", r"ethic(?:s|al)(?: (?:statement|considerations|approval|review|declarations?|and consent|aspects))?(?:.*consent.*)?|ethics approval.*|institutional review board.*|human (?:subjects|participants)"),
    ("broader_impact", r"broader impacts?(?: statement)?|societal impacts?|social impacts?|impact statement|potential (?:negative )?(?:societal )?impacts?"),
    ("limitations", r"limitations?(?: and future work| and future directions)?|known limitations|threats to validity"),
    ("safety", r"safety(?: evaluation| analysis| and (?:alignment|responsibility))?|red[- ]?teaming|responsible ai|risks?(?: and safety)?"),
    ("funding", r"funding(?: statement| sources?| information)?|financial (?:support|disclosure)|grant information"),
    ("conflicts", r"(?:competing|conflicts?(?: of)?|declaration of(?: competing)?) interests?(?: statement)?|disclosures?|declaration of interests?|competing financial interests"),
    ("author_contributions", r"author(?:s'?|'s)? contributions?|contributions|credit authorship.*|contributors"),
    ("acknowledgements", r"acknowledge?ments?|acknowledge?ment"),
    ("references", r"references|bibliography|literature cited|works cited|citations"),
    ("appendix", r"appendi(?:x|ces)(?:\s+[a-z0-9]+)?(?:[: ].*)?|supplementary (?:material|information|materials|methods|notes?|data)(?:[: ].*)?|supplemental (?:material|information)s?|online methods"),
    ("methods", r"methods?|methodology|materials and methods|approach|method(?:s)? and materials|model|architecture|proposed method|our approach|framework|study design|experimental design|patients and methods"),
    ("data", r"(?:training |pre-?training |evaluation |our )?(?:data|datasets?|corpus|corpora)(?: collection| construction| curation| description| sources?| preparation)?|data and methods|pre-?training data|datasheet"),
    ("experiments", r"experiments?|experimental (?:setup|settings?|results)|evaluations?|evaluation setup|benchmarks?|setup"),
    ("results", r"results?(?: and discussion| and analysis)?|findings|main results|analysis"),
    ("discussion", r"discussion|general discussion"),
    ("conclusion", r"conclusions?(?: and (?:future work|outlook|discussion))?|concluding remarks|summary and conclusions?|outlook"),
]


def _statement_headings() -> dict[str, list[str]]:
    """The lexicon of statement headings (data/statement_headings.yaml): kind -> phrasings."""
    from importlib import resources

    import yaml

    text = resources.files("jupyter_review.ingest").joinpath("data", "statement_headings.yaml").read_text(encoding="utf-8")
    data = yaml.safe_load(text) or {}
    return {str(k): [str(p) for p in v] for k, v in (data.get("headings") or {}).items()}


_STATEMENT_HEADINGS = _statement_headings()
STATEMENT_KINDS = frozenset(_STATEMENT_HEADINGS)
# the lexicon's phrasings join the built-in pattern of their kind (same place in the order)
_KIND_PATTERNS = [(k, "|".join([p, *_STATEMENT_HEADINGS.get(k, [])])) for k, p in _KIND_PATTERNS]
_KIND_RES = [(k, re.compile(rf"^(?:{p})$")) for k, p in _KIND_PATTERNS]
# loose, word-level cues used when the exact pattern does not match a longer title
_KIND_CUES: list[tuple[str, re.Pattern[str]]] = [
    ("limitations", re.compile(r"\blimitations?\b")),
    ("data_availability", re.compile(r"\bdata availability\b")),
    ("code_availability", re.compile(r"\bcode availability\b")),
    ("ethics", re.compile(r"\bethic")),
    ("broader_impact", re.compile(r"\b(?:broader|societal|social) impact")),
    ("conclusion", re.compile(r"\bconclu")),
    ("data", re.compile(r"\b(?:data(?:set)?s?|corpus|corpora)\b")),
    ("safety", re.compile(r"\b(?:safety|red[- ]?team)")),
    ("results", re.compile(r"\bresults?\b")),
    ("experiments", re.compile(r"\b(?:experiments?|evaluations?|benchmarks?)\b")),
    ("related_work", re.compile(r"\brelated work")),
    ("introduction", re.compile(r"\bintroduction\b")),
    ("methods", re.compile(r"\bmethods?\b|\barchitecture\b")),
    ("discussion", re.compile(r"\bdiscussion\b")),
]

_NUMBERING = re.compile(
    r"^(?P<num>(?:(?:appendix|section|chapter)\s+)?(?:[A-Z]|S?\d{1,2}|[IVX]{1,5})(?:\.\d{1,2}){0,3})(?:\.|:|\s|\u2002|\u2003)\s*(?P<rest>\S.*)$"
)


def split_numbering(title: str) -> tuple[str, str]:
    """'3.2 Training data' -> ('3.2', 'Training data'); 'Results' -> ('', 'Results')."""
    t = title.strip()
    m = _NUMBERING.match(t)
    if m:
        num = m.group("num")
        rest = m.group("rest").strip()
        # a single capital letter followed by a lowercase word is a sentence ("A new model"),
        # but "A Additional Results" / "B.1 Prompts" are appendix numbering
        if re.fullmatch(r"[A-Z]", num) and not (rest[:1].isupper() or rest[:1].isdigit()):
            return "", t
        if re.fullmatch(r"[IVX]{1,5}", num) and not rest[:1].isupper():
            return "", t
        return num.replace("Appendix ", "").replace("appendix ", ""), rest
    return "", t


def level_of(number: str) -> int:
    if not number:
        return 1
    return number.count(".") + 1


_LIGATURES = str.maketrans({"\ufb00": "ff", "\ufb01": "fi", "\ufb02": "fl", "\ufb03": "ffi", "\ufb04": "ffl"})


def norm_title(title: str) -> str:
    t = re.sub(r"[\s\u00a0]+", " ", title.translate(_LIGATURES)).strip().lower()
    t = t.rstrip(".:").strip()
    t = re.sub(r"^[\W_]+|[\W_]+$", "", t)
    return t


@lru_cache(maxsize=8192)
def classify(title: str) -> str:
    """Canonical kind of a heading title (numbering already removed or not)."""
    _, rest = split_numbering(title)
    t = norm_title(rest)
    if not t:
        return "other"
    for kind, rx in _KIND_RES:
        if rx.match(t):
            return kind
    if len(t) <= 80:
        for kind, rx in _KIND_CUES:
            if rx.search(t):
                return kind
    return "other"


# statement-style headings that open a paragraph: "Data availability: ...", "Funding. ..."
_INLINE = re.compile(
    r"^(?P<h>(?:data|code|software|materials?)(?: and (?:code|data|materials?|software))? availability(?: statement)?|"
    r"availability of data(?: and materials)?|data sharing(?: statement)?|data access(?: statement)?|"
    r"funding(?: statement| information| sources?)?|financial (?:support|disclosure)|"
    r"(?:competing|conflicts?(?: of)?|declaration of(?: competing)?) interests?(?: statement)?|"
    r"ethics(?: approval| statement| declarations?)?(?: and consent to participate)?|ethical approval|"
    r"consent for publication|author contributions?|acknowledge?ments?|trial registration|"
    r"limitations|broader impacts?(?: statement)?|reproducibility(?: statement)?|code availability|"
    + "|".join(p for ps in _STATEMENT_HEADINGS.values() for p in ps)
    + r")\s*[:.\u2014\u2013]\s+(?=\S)",
    re.I,
)


def inline_heading(text: str) -> tuple[str, str] | None:
    """If a paragraph opens with a statement label, return (label, kind)."""
    m = _INLINE.match(text)
    if m is None:
        m = _INLINE.match(text[:160].translate(_LIGATURES))  # "Conﬂicts of Interest: ..."
        if m is None:
            return None
    label = m.group("h").strip()
    return label, classify(label)


# an upper-case label that runs into its statement: "FUNDING The study was ...", "CONFLICT OF
# INTEREST STATEMENT None."
_CAPS_RUNIN = re.compile(r"^((?:[A-Z][A-Z'\u2019&/-]+ ){0,7}[A-Z][A-Z'\u2019&/-]+)[:.]?\s+(?=[A-Z][a-z]|[a-z\d(])")


def runin_heading(label_by_typography: str | None, text: str) -> tuple[str, str] | None:
    """A statement label set apart by its typography rather than by a colon: the bold words
    that open the paragraph (``label_by_typography``), or its upper-case opening words; the
    label must be a heading of a statement kind (conflicts, funding, ethics, data or code
    availability), so a bold run-in label of the method ("**Time Mixing.**") is left alone."""
    for label in (label_by_typography, (m.group(1) if (m := _CAPS_RUNIN.match(text)) else None)):
        if not label:
            continue
        label = label.strip().rstrip(":.\u2014\u2013 ")
        if not label or len(label) > 80:
            continue
        kind = classify(label)
        if kind in STATEMENT_KINDS:
            return label, kind
    return None
