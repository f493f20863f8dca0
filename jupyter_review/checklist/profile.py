"""The paper profile: what the paper is, decided from the paper itself, with quotes.

Before any topic is checked, eleven traits are read from the paper (its supplements count at
half weight) (cues are data,
``data/profile.yaml``): does the paper train or release a model of its own, does it propose
a computational method of its own (an algorithm, estimator, test, solver or sampler), is it about a
generative or large language model, does it release a dataset or a software tool, does it have
human participants or annotators, animal experiments, personal data, and is it a study that can
be registered (a clinical trial, a systematic review, a preregistrable experiment)?

Each trait is yes or no, with a confidence and the quotes (file, page) that show it. Cue
sentences about the paper's own work ("we release", "we train", "this paper presents") in its
title, abstract and introduction weigh most; related work and references are not read. For a
"no" the quote is what the paper says it is instead (its own contribution sentence), so a topic
found not applicable can say why.

Topics (``applies_profile`` in detectors.yaml) and framework items (``applies_profile``) name
the traits they need, as a small expression ("llm", "human_participants or personal_data",
"model and not llm"). The referee can correct any trait (``--profile llm=no``,
``ReviewSession.set_profile``); the correction re-derives applicability and is saved with the
review.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from functools import lru_cache
from pathlib import Path
from typing import Any

from ..errors import ChecklistError, ProfileError
from ..model import Analysis, Evidence, ProfileTrait
from .loader import DATA, detector_specs, read_data_file
from .prefilter import Pattern

TRAITS = ("model", "method", "llm", "dataset", "software", "releases_model", "human_participants", "animals",
          "personal_data", "registrable_study", "review")
# references and related work report others' work; the end-matter statements name funders, interests
# and who did what ("the Federal Ministry of Education and Research"), not what the paper is
SKIP = {"references", "related_work", "funding", "conflicts", "author_contributions"}
# a funding sentence in the acknowledgements (the thanks to annotators or volunteers there are read)
_FUNDING = re.compile(r"\b(?:supported|funded|sponsored|financed|co-?funded)\b[^.]{0,60}?\bby\b|\bgrants?\b|\bfunding\b|\bfellowships?\b",
                      re.IGNORECASE)
HEAVY = {"abstract", "introduction"}  # where a paper says what it is
BODY = {"methods", "data", "experiments", "results"}
_REF = re.compile(r"\{(\w+)\}")
_YES = {"yes", "y", "true", "1", "on"}
_NO = {"no", "n", "false", "0", "off"}


@dataclass
class _Trait:
    name: str
    label: str
    cues: list[Pattern]
    exclude: Pattern | None
    negative: Pattern | None
    strong: Pattern | None
    own: bool
    min: float
    needs: str
    title_or_abstract: bool
    context: list[Pattern] = field(default_factory=list)
    context_min: int = 0
    free_cues: list[Pattern] = field(default_factory=list)
    skip_cited: bool = False
    context_note: str = "the paper is not about machine learning"
    void_if: str = ""
    named: bool = False


def _compile(pattern: str, vocab: dict[str, str]) -> Pattern:
    def sub(m: re.Match[str]) -> str:
        return f"(?:{vocab[m.group(1)]})" if m.group(1) in vocab else m.group(0)

    # vocab entries may refer to each other once ({own_work} inside another entry)
    expanded = _REF.sub(sub, _REF.sub(sub, pattern))
    return Pattern(re.compile(expanded, re.IGNORECASE))


@lru_cache(maxsize=1)
def _spec() -> tuple[dict[str, _Trait], Pattern, Pattern]:
    path = DATA / "profile.yaml"
    raw = read_data_file(Path("jupyter_review/checklist/data/profile.yaml"), path.read_text(encoding="utf-8"))
    vocab = dict(detector_specs()[0])
    vocab.update(raw.get("vocab", {}))
    out: dict[str, _Trait] = {}
    for name, s in raw["traits"].items():
        if name not in TRAITS:
            raise ChecklistError(f"unknown profile trait {name!r}", path="jupyter_review/checklist/data/profile.yaml")
        ctx = s.get("needs_context") or {}
        out[name] = _Trait(
            name=name, label=str(s.get("label", name)),
            cues=[_compile(c, vocab) for c in s.get("cues", [])],
            exclude=_compile(s["exclude"], vocab) if s.get("exclude") else None,
            negative=_compile(s["negative"], vocab) if s.get("negative") else None,
            strong=_compile(s["strong"], vocab) if s.get("strong") else None,
            own=bool(s.get("own", False)), min=float(s.get("min", 1)), needs=str(s.get("needs", "")),
            title_or_abstract=bool(s.get("title_or_abstract", False)),
            context=[_compile(c, vocab) for c in ctx.get("any", [])], context_min=int(ctx.get("min", 0)),
            free_cues=[_compile(c, vocab) for c in s.get("free_cues", [])], skip_cited=bool(s.get("skip_cited", False)),
            named=bool(s.get("named", False)),
        )
        if ctx.get("note"):
            out[name].context_note = str(ctx["note"])
        if out[name].needs:
            check_expression(out[name].needs)
        if s.get("void_if"):
            out[name].void_if = str(s["void_if"])
            check_expression(out[name].void_if)
    return out, _compile(vocab["own_work"], vocab), _compile(vocab["others_work"], vocab)


@dataclass(frozen=True)
class _CoinedSpec:
    verbs: str
    adverbs: str
    kinds: tuple[tuple[str, re.Pattern[str]], ...]
    default: str
    stop: frozenset[str]


@lru_cache(maxsize=1)
def _coined_spec() -> _CoinedSpec | None:
    path = DATA / "profile.yaml"
    raw = read_data_file(Path("jupyter_review/checklist/data/profile.yaml"), path.read_text(encoding="utf-8"))
    c = raw.get("coined")
    if not c:
        return None
    kinds = tuple((k, re.compile(rf"^{v}$", re.IGNORECASE)) for k, v in (c.get("kinds") or {}).items())
    for k, _ in kinds:
        if k not in TRAITS and k != "none":
            raise ChecklistError(f"unknown profile trait {k!r} in coined.kinds", path="jupyter_review/checklist/data/profile.yaml")
    return _CoinedSpec(verbs=str(c["verbs"]), adverbs=str(c.get("adverbs", "(?!)")), kinds=kinds,
                       default=str(c.get("default_kind", "method")), stop=frozenset(str(x) for x in c.get("stopwords", [])))


def labels() -> dict[str, str]:
    """Trait -> what "yes" means, in words."""
    return {k: t.label for k, t in _spec()[0].items()}


# -- conditions on the profile ----------------------------------------------------------

_TOKEN = re.compile(r"\s*(\(|\)|\w+)")


def _tokens(expr: str) -> list[str]:
    pos, out = 0, []
    expr = expr.strip()
    while pos < len(expr):
        m = _TOKEN.match(expr, pos)
        if not m:
            raise ChecklistError(f"cannot read the profile condition {expr!r} at {expr[pos:]!r}")
        out.append(m.group(1))
        pos = m.end()
    return out


def _parse(tokens: list[str], i: int = 0) -> tuple[Any, int]:
    """expr := term ('or' term)*; term := factor ('and' factor)*; factor := 'not' factor | name | '(' expr ')'"""

    def factor(i: int) -> tuple[Any, int]:
        if i >= len(tokens):
            raise ChecklistError("a profile condition ends too early")
        t = tokens[i]
        if t == "not":
            node, j = factor(i + 1)
            return ("not", node), j
        if t == "(":
            node, j = expr(i + 1)
            if j >= len(tokens) or tokens[j] != ")":
                raise ChecklistError("a profile condition misses a ')'")
            return node, j + 1
        if t not in TRAITS:
            raise ChecklistError(f"unknown profile trait {t!r} in a condition; known: {', '.join(TRAITS)}")
        return t, i + 1

    def term(i: int) -> tuple[Any, int]:
        node, i = factor(i)
        while i < len(tokens) and tokens[i] == "and":
            rhs, i = factor(i + 1)
            node = ("and", node, rhs)
        return node, i

    def expr(i: int) -> tuple[Any, int]:
        node, i = term(i)
        while i < len(tokens) and tokens[i] == "or":
            rhs, i = term(i + 1)
            node = ("or", node, rhs)
        return node, i

    return expr(i)


@lru_cache(maxsize=256)
def _tree(expr: str) -> Any:
    toks = _tokens(expr)
    node, i = _parse(toks)
    if i != len(toks):
        raise ChecklistError(f"cannot read the profile condition {expr!r}")
    return node


def check_expression(expr: str) -> None:
    """Raise ChecklistError when ``expr`` is not a condition on known traits."""
    _tree(expr)


def _eval(node: Any, values: Mapping[str, bool]) -> bool:
    if isinstance(node, str):
        return bool(values.get(node, False))
    if node[0] == "not":
        return not _eval(node[1], values)
    if node[0] == "and":
        return _eval(node[1], values) and _eval(node[2], values)
    return _eval(node[1], values) or _eval(node[2], values)


def _names(node: Any) -> list[str]:
    if isinstance(node, str):
        return [node]
    return [n for sub in node[1:] for n in _names(sub)]


def holds(expr: str, profile: Mapping[str, ProfileTrait]) -> bool:
    """Whether the profile satisfies the condition ("" always holds; no profile: it holds, so a
    checklist run without one asks everything as before)."""
    if not expr or not profile:
        return True
    return _eval(_tree(expr), {k: t.value for k, t in profile.items()})


def set_by_referee(expr: str, profile: Mapping[str, ProfileTrait]) -> bool:
    """Whether a trait the condition reads was set by the referee (then the condition alone decides)."""
    if not expr or not profile:
        return False
    return any(profile[n].source == "referee" for n in _names(_tree(expr)) if n in profile)


def why_not(expr: str, profile: Mapping[str, ProfileTrait]) -> tuple[str, list[Evidence]]:
    """Why a condition fails on this paper, in words, with the profile's quotes."""
    parts, evidence = failing_traits(expr, profile)
    text = "Does not apply: " + "; ".join(parts) + "."
    if evidence:
        e = evidence[0]
        text += f" The paper (p. {e.page}): \u201c{_short(e.text)}\u201d"
    return text, evidence[:2]


def failing_traits(expr: str, profile: Mapping[str, ProfileTrait]) -> tuple[list[str], list[Evidence]]:
    """The traits whose value makes a condition fail, each in words ("the paper does not ...
    (profile: llm = no, confidence 0.90)"), with the profile's quotes."""
    names = list(dict.fromkeys(_names(_tree(expr))))
    # the traits whose value makes the condition fail: flipping it alone would make it hold
    values = {k: t.value for k, t in profile.items()}
    culprits = []
    for n in names:
        flipped = dict(values)
        flipped[n] = not values.get(n, False)
        if _eval(_tree(expr), flipped):
            culprits.append(n)
    culprits = culprits or names
    parts, evidence = [], []
    for n in culprits:
        t = profile.get(n)
        if t is None:
            continue
        said = "set by the referee" if t.source == "referee" else f"confidence {t.confidence:.2f}"
        verb = "" if t.value else "not "
        parts.append(f"the paper does {verb}{_bare(t.label)} (profile: {n} = {'yes' if t.value else 'no'}, {said})")
        evidence.extend(e for e in t.evidence[:1]
                        if not any(e.text == o.text and e.page == o.page for o in evidence))
    return parts, evidence


_VERB = {"proposes": "propose", "trains": "train", "releases": "release", "evaluates": "evaluate", "builds": "build", "documents": "document",
         "has": "have", "involves": "involve", "uses": "use", "is": "report"}


def _bare(label: str) -> str:
    """'trains, releases or evaluates ...' -> 'train, release or evaluate ...' (after 'does' / 'does not')."""
    words = label.split(" ")
    for i, w in enumerate(words):
        core = w.rstrip(",")
        if core in _VERB:
            words[i] = _VERB[core] + w[len(core):]
        elif core not in ("or", "and"):
            break
    return " ".join(words)


def _short(text: str, n: int = 160) -> str:
    t = " ".join(text.split())
    return t if len(t) <= n else t[: n - 3].rstrip() + "..."


# -- reading the paper --------------------------------------------------------------------


@dataclass
class _Sent:
    text: str
    low: str
    doc: int
    page: int
    bbox: Any
    weight: float
    section: str
    file: str
    boxes: list[Any]
    role: str = "main"


def _sentences(analysis: Analysis) -> list[_Sent]:
    doc = analysis.document
    files = doc.files
    out: list[_Sent] = []
    main_title = files[0].title if files and files[0].title else ""
    if main_title:
        out.append(_Sent(main_title, main_title.lower(), 0, 1, (0.0, 0.0, 0.0, 0.0), 2.0, "title",
                         files[0].name, []))
    sections = doc.sections
    for s in doc.sentences:
        if s.doc >= len(files):
            continue
        kind = sections[s.section].kind if s.section is not None and s.section < len(sections) else "other"
        if kind in SKIP or (kind == "acknowledgements" and _FUNDING.search(s.text)):
            continue
        if files[s.doc].role != "main":
            w = 0.5  # a supplement is part of the submission (a study with people's records may sit there)
        elif kind in HEAVY or (kind == "other" and s.page <= 1 and s.section is None):
            w = 2.0
        elif kind in BODY or kind == "other":  # "other": a section whose kind was not recognised
            w = 1.0
        else:
            w = 0.5
        out.append(_Sent(s.text, s.text.lower(), s.doc, s.page, s.bbox, w, kind, files[s.doc].name, list(s.boxes),
                         files[s.doc].role))
    return out


def _evidence(s: _Sent) -> Evidence:
    text = " ".join(s.text.split())
    if len(text) > 400:
        text = text[:397] + "..."
    return Evidence(text=text, doc=s.doc, page=s.page, bbox=tuple(s.bbox), section=s.section, file=s.file,
                    role=s.role, boxes=list(s.boxes))


# a numbered or author-year citation: the sentence reports others' work
_CITED = re.compile(r"\[\d{1,3}(?:\s*[,\u2013-]\s*\d{1,3})*\]|\(\D{2,40}\d{4}[a-z]?\)")

_CONTRIBUTION = re.compile(
    r"\b(?:we|this (?:paper|work|study|report|article|document|datasheet))\b[^.]{0,40}?\b(?:present|propose|introduce|"
    r"describe|develop|report|investigate|examine|evaluate|study|analy[sz]e|assess|release|design|provide|document)",
    re.IGNORECASE,
)


def _contribution(sents: list[_Sent]) -> _Sent | None:
    """The paper's own statement of what it is (for a "no": what the paper is instead)."""
    for s in sents:
        if s.weight >= 2 and s.section != "title" and _CONTRIBUTION.search(s.text) and len(s.text) < 500:
            return s
    for s in sents:
        if s.section in ("abstract", "title"):
            return s
    return sents[0] if sents else None


# -- the paper's own coined names ---------------------------------------------------------

_NAME = re.compile(r"(?<![\w-])([A-Za-z][A-Za-z0-9]*(?:[-_.][A-Za-z0-9]+)*)(?![\w-])")
_LOWER_WORD = re.compile(r"(?<![\w-])[a-z][a-z0-9]*(?:-[a-z0-9]+)*(?![\w-])")
# the words a description may not cross to reach the name after "we propose" ("we propose a method
# based on X": X is what the method is built on, not its name)
_NOT_NAMING = r"(?!\b(?i:using|with|on|from|by|via|against|than|over|under|like|unlike|following|for|to|of|in|into|onto|upon|based|atop|beyond|compared|relative|versus|vs)\b)"
_INTRO_VERB = (r"(?i:\b(?:we|this (?:paper|work|article|note|report)|here,? we)\s+(?:[\w-]+\s+){0,2}?(?:propose|introduce|present|develop|design|call|name|dub|term|"
               r"coin|build|devise|create|release|describe|contribute|formulate|derive|offer)\w*)\b")
_CALLED = r"(?i:\b(?:called|named|dubbed|termed|coined|denoted(?: as| by)?|referred to as|(?:we|which we) (?:call|name|dub|term|refer to (?:it |this |them )?as)(?: (?:it|this(?: [\w-]+)?|them|our [\w-]+|the [\w-]+))?)\s+)[\"\u201c\u2018']?"
_STOP_AT = re.compile(r"^(?i:for|of|that|which|to|with|on|in|and|or|by|from|is|are|was|were|whose|where|when|based|using)$")
_DETERMINER = r"(?i:an?|the|our|this|its)"
_CONTAINER = re.compile(r"^(?i:set|suite|family|series|kind|class|type|pair|variety|range|number|combination)$")


def _abbreviates(name: str, before: str) -> bool:
    """Whether the name is the initials of the words before it ("stochastic gradient descent (SGD)")."""
    caps = [c for c in name if c.isupper()]
    words = [w for w in re.split(r"[\s/-]+", before.strip()) if w]
    if len(caps) < 2 or len(words) < len(caps):
        return False
    return "".join(w[0].upper() for w in words[-len(caps):]) == "".join(caps)


# a citation right after a name: "LAVE (Zhang et al., 2026)", "LLGUIDANCE (Microsoft, 2025)", "X [12]"; an
# author-year citation opens with a name, a call in a code listing does not ("RI(acc1: float, ..., n: int = 2000)")
_CITE_AFTER = re.compile(r"\s*(?:\[\d|\([A-Z][^()]{0,80}?\s(?:19|20)\d\d[a-z]?\s*[;,)]|et al\b)")


def _cited(name: str, text: str, refs: str) -> bool:
    """Whether the paper cites the name: a citation right after it anywhere, or the name in the reference list."""
    if name in refs and _occurrences(name, refs):
        return True
    return any(_CITE_AFTER.match(text, j) for _, j in _occurrences(name, text))


@dataclass
class _Coined:
    name: str
    kind: str
    sentences: list[_Sent]  # where it is introduced or is the subject of a claim


def _kind_of(word: str, spec: _CoinedSpec) -> str | None:
    for kind, rx in spec.kinds:
        if rx.match(word):
            return kind
    return None


@dataclass(frozen=True)
class _Frames:
    """The frames around a name, compiled once: each is matched on the text before an occurrence of
    the name (``*_before``, anchored at its end) or after it (``*_after``, anchored at its start)."""
    intro_before: re.Pattern[str]
    intro_after: re.Pattern[str]
    subject_before: re.Pattern[str]
    subject_after: re.Pattern[str]
    kind_after: re.Pattern[str]
    kind_word_after: re.Pattern[str]
    kind_word_before: re.Pattern[str]
    paren_before: re.Pattern[str]


@lru_cache(maxsize=1)
def _frames() -> _Frames | None:
    spec = _coined_spec()
    if spec is None:
        return None
    nouns = "|".join(rx.pattern[1:-1] for _, rx in spec.kinds)
    return _Frames(
        intro_before=re.compile(
            r"(?:" + _INTRO_VERB + r"(?:" + _NOT_NAMING + r"[^.;:]){0,80}?"
            + "|" + _CALLED
            # "our X", "our proposed method X"; not "in our experiments X ..."
            + "|" + r"(?i:\b(?:our|the proposed)\s+(?:(?:proposed|new|novel|full|final|resulting)\s+)?(?:(?:" + nouns + r")\s+)?)"
            + r")$"),
        intro_after=re.compile(
            r"(?:\s*\([^)]{0,30}\))?,\s+(?i:an?|our|the first)\s|\s+(?:is|are)\s+(?:an?|our)\s"
            r"|\s*\((?i:ours|our \w+|proposed|this (?:work|paper))\)"),
        subject_before=re.compile(
            r"(?:^|[,;:(]\s*|\b(?i:while|whereas|but|and|then|thus|hence|where|so)\s+)"
            r"(?:(?i:the|our)\s+(?:(?i:proposed|new|novel|resulting|full)\s+)?)?$"),
        subject_after=re.compile(
            r"(?:\s*\([^)]{0,20}\))?(?:\s+(?:and|or|&)\s+[A-Z][\w-]*)?(?:\s+(?i:" + nouns + r"))?(?:,[^,.]{0,60},)?\s+(?:(?i:"
            + spec.adverbs + r")\s+){0,2}(?i:" + spec.verbs + r")\b"),
        kind_after=re.compile(r"(?:\s*\([^)]{0,30}\))?,?\s+(?:(?i:is|are)\s+)?" + _DETERMINER + r"\s+((?:[\w-]+\s*){1,6})"),
        kind_word_after=re.compile(r"\s+([\w-]+)"),
        kind_word_before=re.compile(r"([\w-]+)\s+$|([\w-]+),?\s+" + _CALLED + "$"),
        paren_before=re.compile(r"((?:[\w-]+[\s/]+){1,6})\($"),
    )


def _occurrences(name: str, text: str) -> list[tuple[int, int]]:
    """Where the name stands as a whole token in the text."""
    out, i = [], text.find(name)
    while i >= 0:
        j = i + len(name)
        if (i == 0 or not (text[i - 1].isalnum() or text[i - 1] in "_-")) and (j == len(text) or not (text[j].isalnum() or text[j] in "_-")):
            out.append((i, j))
        i = text.find(name, i + 1)
    return out


def _coined_names(analysis: Analysis, sents: list[_Sent]) -> list[_Coined]:
    """The names the paper coins for its own contributions (profile.yaml `coined`), each with its kind
    (the trait it is a cue for) and the sentences that introduce it or make it the subject of a claim."""
    spec, fr = _coined_spec(), _frames()
    if spec is None or fr is None:
        return []
    doc = analysis.document
    sections = doc.sections
    everything, refs = [], []
    for s in doc.sentences:
        everything.append(s.text)
        kind = sections[s.section].kind if s.section is not None and s.section < len(sections) else "other"
        if kind == "references":
            refs.append(s.text)
    # (a name in a web address or a file path is written in lower case: "github.com/crisprverse")
    lower: dict[str, int] = {}
    for w in _LOWER_WORD.findall(re.sub(r"\S*[/@\\]\S*", " ", "\n".join(everything))):
        lower[w] = lower.get(w, 0) + 1
    ref_text = "\n".join(refs)
    all_text = "\n".join(everything)
    main = [s for s in sents if s.role == "main"]
    counts: dict[str, int] = {}
    inside: dict[str, int] = {}
    where: dict[str, list[_Sent]] = {}  # name -> the main-text sentences it occurs in
    for s in main:
        for m in _NAME.finditer(s.text):
            tok = m.group(1).rstrip(".")
            # (two letters only as an acronym: "RI", the Refusal Index)
            if len(tok) < (2 if tok.isupper() else 3) or tok == tok.lower() or tok in spec.stop:
                continue
            if not any(c.isalpha() for c in tok) or tok.isdigit():
                continue
            counts[tok] = counts.get(tok, 0) + 1
            if not where.setdefault(tok, []) or where[tok][-1] is not s:
                where[tok].append(s)
            if re.search(r"[A-Za-z]", s.text[: m.start()]):
                inside[tok] = inside.get(tok, 0) + 1

    def subject(name: str, s: _Sent) -> bool:
        if s.section == "title" and s.text.startswith(name) and s.text[len(name):].lstrip().startswith(":"):
            return True  # the title "W2CL: A Multi-Task Learning Approach ..."
        return any(fr.subject_before.search(s.text[:i]) and fr.subject_after.match(s.text, j) for i, j in _occurrences(name, s.text))

    def introduced(name: str, s: _Sent) -> bool:
        if s.section == "title" and s.text.startswith(name) and s.text[len(name):].lstrip().startswith(":"):
            return True
        for i, j in _occurrences(name, s.text):
            before = s.text[:i]
            if fr.intro_before.search(before) or fr.intro_after.match(s.text, j):
                return True
            # "(X)" after a description that it does not abbreviate ("Greedy remask (Dgrammar)")
            if s.text.startswith(")", j):
                m = fr.paren_before.search(before)
                if m and not _abbreviates(name, m.group(1)):
                    return True
        return False

    out: list[_Coined] = []
    for name, n in counts.items():
        # a word the paper also writes in lower case is a word, not a name (a stray "ri" in a code
        # listing does not make "RI" a word)
        if n < 2 or not inside.get(name) or lower.get(name.lower(), 0) * 4 >= n:
            continue
        heavy = [s for s in where[name] if s.section in HEAVY or s.section == "title" or s.weight >= 2]
        if not any(subject(name, s) for s in heavy):
            continue
        if _cited(name, all_text, ref_text):
            continue
        intro = [s for s in where[name] if introduced(name, s)]
        if not intro:
            continue
        claims = [s for s in where[name] if subject(name, s)]
        # its kind: the nouns the paper puts beside it
        votes: dict[str, int] = {}

        def vote(word: str | None, votes: dict[str, int] = votes) -> None:
            k = _kind_of(word, spec) if word else None
            if k:
                votes[k] = votes.get(k, 0) + 1

        for s in where[name]:
            for i, j in _occurrences(name, s.text):
                m = fr.kind_after.match(s.text, j)
                if m:
                    words = m.group(1).split()
                    for w_i, w in enumerate(words):
                        # "a set of guidelines", "a family of models": the kind is what the set holds
                        if _STOP_AT.match(w) and not (w.lower() == "of" and w_i and _CONTAINER.match(words[w_i - 1])):
                            break
                        if _kind_of(w, spec):
                            vote(w)
                            break
                m = fr.kind_word_after.match(s.text, j)
                vote(m.group(1) if m else None)
                m = fr.kind_word_before.search(s.text[:i])
                vote((m.group(1) or m.group(2)) if m else None)
        # a name by its parameter count is a model ("Janus-Pro-7B"), and so is a name whose variants are
        sized = re.compile(re.escape(name) + r"[- ]?\d+(?:\.\d+)?[BM]$")
        n_sized = (counts[name] if re.search(r"[-_]\d+(?:\.\d+)?[BM]$", name) else 0) + sum(
            counts[v] for v in counts if v.startswith(name) and sized.match(v))
        if n_sized:
            votes["model"] = votes.get("model", 0) + n_sized
        order = [k for k, _ in spec.kinds]
        kind = max(votes, key=lambda k: (votes[k], -order.index(k))) if votes else spec.default
        # (the title "X: ..." shows the name is the paper's; the sentences that say what X is or does are
        # the quotes: "we propose a simple MLP-based architecture named StockMixer", not the title again)
        seen: set[int] = set()
        chosen = [s for s in intro + claims if s.section != "title" and not (id(s) in seen or seen.add(id(s)))]
        if kind != "none":
            out.append(_Coined(name=name, kind=kind, sentences=chosen))
    return out


def build_profile(analysis: Analysis, overrides: Mapping[str, bool] | None = None) -> dict[str, ProfileTrait]:
    """Read the traits from the main text; then apply the referee's corrections."""
    spec, own_rx, others_rx = _spec()
    sents = _sentences(analysis)
    contribution = _contribution(sents)
    named: dict[str, set[int]] = {}
    for c in _coined_names(analysis, sents):
        named.setdefault(c.kind, set()).update(id(s) for s in c.sentences)
    profile: dict[str, ProfileTrait] = {}
    strong_hit: dict[str, bool] = {}
    for name in TRAITS:
        t = spec.get(name)
        if t is None:
            continue
        hits: list[_Sent] = []
        negatives: list[_Sent] = []
        strong: _Sent | None = None
        score = 0.0
        for s in sents:
            if t.negative is not None and t.negative.search(s.text, s.low):
                negatives.append(s)
                continue
            if t.exclude is not None and t.exclude.search(s.text, s.low):
                continue
            # one sentence is enough only when it states something: a datasheet's question ("Does the
            # dataset contain data that might be considered sensitive ... criminal history)?") is not
            if strong is None and t.strong is not None and t.strong.search(s.text, s.low) \
                    and not s.text.rstrip().rstrip(")").endswith("?"):
                strong = s
            cited = bool(others_rx.search(s.text, s.low) or _CITED.search(s.text))
            if t.skip_cited and cited:
                continue
            # a sentence that introduces one of the paper's coined names of this kind, or makes it the
            # subject of a claim, is about the paper's own work ("Dgrammar replaces stochastic lookahead ...")
            if t.named and id(s) in named.get(name, ()):
                pass
            elif not any(c.search(s.text, s.low) for c in t.free_cues):
                if not any(c.search(s.text, s.low) for c in t.cues):
                    continue
                # the paper's own work: "we", "our", "this paper" (the title speaks for the paper)
                if t.own and s.section != "title" and not own_rx.search(s.text, s.low):
                    continue
            hits.append(s)
            score += s.weight
        ok = score >= t.min
        notes = []
        if ok and t.title_or_abstract and not any(h.weight >= 2 for h in hits):
            ok, notes = False, ["never in the title, abstract or introduction"]
        if ok and t.context:
            n = sum(1 for s in sents if any(p.search(s.text, s.low) for p in t.context))
            if n < t.context_min:
                ok, notes = False, [t.context_note]
        if ok and t.needs and not holds(t.needs, profile):
            ok, notes = False, [f"it needs {t.needs.replace('_', ' ')}"]
        if negatives and score < 2 * t.min:
            ok, notes = False, ["the paper says it does not"]
        if strong is not None and not negatives:
            ok = True
        ranked = sorted(hits, key=lambda s: (-s.weight, s.doc, s.page))  # the main text's own words first
        ratio = score / t.min if t.min else 1.0
        if ok:
            conf = 0.95 if strong is not None and score < t.min else min(0.95, 0.5 + 0.2 * ratio)
            shown = ([strong] if strong is not None else []) + [h for h in ranked if h is not strong]
            reason = (f"Yes: {len(hits)} sentence(s) of the main text show that the paper {t.label}"
                      + (f", among them \u201c{_short(shown[0].text)}\u201d (p. {shown[0].page})" if shown else "")
                      + ".")
            evidence = [_evidence(s) for s in shown[:3]]
        else:
            if negatives and "the paper says it does not" in notes:
                conf = 0.9
                reason = f"No: the paper says so (p. {negatives[0].page}): \u201c{_short(negatives[0].text)}\u201d."
                evidence = [_evidence(negatives[0])]
            else:
                conf = 0.9 if score == 0 else round(max(0.5, 0.9 - 0.4 * min(ratio, 1.0)), 2)
                why = notes[0] if notes else (
                    "no sentence of the main text says so" if not hits
                    else f"only {len(hits)} passing mention(s) (weight {score:g} of {t.min:g} needed)")
                reason = f"No: {why}."
                evidence = [_evidence(contribution)] if contribution is not None else []
                if hits:
                    evidence.append(_evidence(ranked[0]))
        profile[name] = ProfileTrait(name=name, value=ok, confidence=round(conf, 2), label=t.label,
                                     reason=reason, evidence=evidence, source="paper")
        strong_hit[name] = strong is not None
    _void(spec, profile, strong_hit)
    if overrides:
        profile = apply_overrides(profile, overrides)
    return profile


def _void(spec: Mapping[str, _Trait], profile: dict[str, ProfileTrait], strong_hit: Mapping[str, bool]) -> None:
    """A trait read from cues alone turns "no" where its ``void_if`` holds on the whole profile (a
    narrative review names the animals and patients of the studies it reviews, not its own); the
    reason says which trait voided it and quotes what the paper says it is."""
    for name, t in spec.items():
        cur = profile.get(name)
        if not t.void_if or cur is None or not cur.value or strong_hit.get(name):
            continue
        if not holds(t.void_if, profile):
            continue
        by = [n for n in dict.fromkeys(_names(_tree(t.void_if))) if n in profile and profile[n].value]
        quote = next((e for n in by for e in profile[n].evidence[:1]), None)
        said = ", ".join(f"{n} = yes" for n in by) or t.void_if
        reason = (f"No: the paper is {_lower(profile[by[0]].label) if by else t.void_if} (profile: {said}); the"
                  f" sentences that name {t.label.split(' ', 1)[-1]} speak of the work it reports on, not of its own"
                  + (f" (p. {cur.evidence[0].page}: \u201c{_short(cur.evidence[0].text)}\u201d)" if cur.evidence else "")
                  + ".")
        evidence = ([quote] if quote is not None else []) + cur.evidence[:1]
        profile[name] = replace(cur, value=False, confidence=min(cur.confidence, profile[by[0]].confidence) if by else cur.confidence,
                                reason=reason, evidence=evidence)


def _lower(label: str) -> str:
    """'is a literature review ...' -> 'a literature review ...'"""
    return label[3:] if label.startswith("is ") else label


def parse_overrides(spec: str | Mapping[str, Any] | Iterable[str] | None) -> dict[str, bool]:
    """``"llm=no,dataset=yes"`` (or a mapping, or a list of ``name=value``) -> {trait: bool}.

    An unknown trait or value raises :class:`ProfileError` naming it and what is known."""
    if spec is None:
        return {}
    pairs: list[tuple[str, Any]] = []
    if isinstance(spec, Mapping):
        pairs = list(spec.items())
    else:
        parts = spec.split(",") if isinstance(spec, str) else [p for x in spec for p in str(x).split(",")]
        for part in parts:
            if not part.strip():
                continue
            if "=" not in part:
                raise ProfileError(f"profile correction {part.strip()!r}: write trait=yes or trait=no")
            k, v = part.split("=", 1)
            pairs.append((k.strip(), v.strip()))
    out: dict[str, bool] = {}
    for k, v in pairs:
        k = str(k).strip().replace("-", "_")
        if k not in TRAITS:
            raise ProfileError(f"unknown profile trait {k!r}; known: {', '.join(TRAITS)}")
        if isinstance(v, bool):
            out[k] = v
            continue
        sv = str(v).strip().lower()
        if sv in _YES:
            out[k] = True
        elif sv in _NO:
            out[k] = False
        else:
            raise ProfileError(f"profile trait {k!r}: value {str(v)[:20]!r} is not yes or no")
    return out


def apply_overrides(profile: Mapping[str, ProfileTrait], overrides: Mapping[str, bool]) -> dict[str, ProfileTrait]:
    """A copy of the profile with the referee's corrections (source "referee", confidence 1)."""
    out = dict(profile)
    for k, v in parse_overrides(overrides).items():
        old = out.get(k)
        read = "" if old is None or old.source == "referee" else (
            f" (the reading of the paper said {'yes' if old.value else 'no'}, confidence {old.confidence:.2f})")
        base = old or ProfileTrait(name=k, value=v, confidence=1.0, label=labels().get(k, k))
        out[k] = replace(base, value=v, confidence=1.0, source="referee",
                         reason=f"Set to {'yes' if v else 'no'} by the referee{read}.")
    return out


def profile_line(profile: Mapping[str, ProfileTrait]) -> str:
    """One line for the top of the report and the widget: each trait yes/no, a mark when the
    referee set it and a question mark when the reading is unsure."""
    parts = []
    for name in TRAITS:
        t = profile.get(name)
        if t is None:
            continue
        mark = " (referee)" if t.source == "referee" else ("?" if t.confidence < 0.7 else "")
        parts.append(f"{name.replace('_', ' ')} {'yes' if t.value else 'no'}{mark}")
    return "; ".join(parts)
