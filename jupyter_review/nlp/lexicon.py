"""Cue lexicons kept as data (``jupyter_review/nlp/data/*.yaml``) and the matchers
built from them.

Entry syntax in the YAML lists:
- a plain phrase is matched on lower-cased tokens with spaCy's ``PhraseMatcher``
  (so "state-of-the-art" matches however the tokenizer splits it);
- a trailing ``~`` expands a verb to its inflections (``outperform~``);
- ``re:`` entries are regular expressions, matched case-insensitively on the text.

A :class:`CueSet` bundles several named categories; ``find(text, doc)`` returns every
cue found as ``(category, matched text, start_char, end_char)``.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field
from importlib import resources
from typing import Any

import yaml
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc

from .pipeline import get_nlp

Cue = tuple[str, str, int, int]


def inflect(verb: str) -> list[str]:
    """Regular inflections of an English verb: outperform -> outperforms, -ed, -ing."""
    v = verb.strip()
    forms = {v}
    if v.endswith("e") and not v.endswith("ee"):
        forms |= {v + "s", v + "d", v[:-1] + "ing"}
    elif v.endswith(("s", "sh", "ch", "x", "z")):
        forms |= {v + "es", v + "ed", v + "ing"}
    elif v.endswith("y") and len(v) > 2 and v[-2] not in "aeiou":
        forms |= {v[:-1] + "ies", v[:-1] + "ied", v + "ing"}
    else:
        forms |= {v + "s", v + "ed", v + "ing"}
    return sorted(forms)


@functools.cache
def load_yaml(name: str) -> dict[str, Any]:
    """A lexicon file from ``jupyter_review/nlp/data``."""
    text = resources.files("jupyter_review.nlp").joinpath("data", name).read_text(encoding="utf-8")
    data = yaml.safe_load(text)
    if not isinstance(data, dict):
        raise ValueError(f"lexicon {name} is not a mapping")
    return data


def _split(entries: list[str]) -> tuple[list[str], list[str]]:
    phrases: list[str] = []
    regexes: list[str] = []
    for e in entries or []:
        e = str(e)
        if e.startswith("re:"):
            regexes.append(e[3:])
        elif e.endswith("~"):
            phrases.extend(inflect(e[:-1]))
        else:
            phrases.append(e)
    return phrases, regexes


@dataclass
class CueSet:
    """Named cue categories compiled into one PhraseMatcher and one regex each."""

    categories: dict[str, list[str]]
    _matcher: PhraseMatcher | None = field(default=None, init=False, repr=False)
    _regex: dict[str, re.Pattern[str]] = field(default_factory=dict, init=False, repr=False)
    _lower: dict[str, re.Pattern[str]] = field(default_factory=dict, init=False, repr=False)
    # per regex, lower-case literals one of which occurs in any match (None: unknown); a
    # substring test rules most sentences out before the regex scans them
    _lits: dict[int, tuple[str, ...] | None] = field(default_factory=dict, init=False, repr=False)

    def __post_init__(self) -> None:
        nlp = get_nlp()
        matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
        any_phrase = False
        for cat, entries in self.categories.items():
            phrases, regexes = _split(entries)
            if phrases:
                matcher.add(cat, [nlp.make_doc(p) for p in phrases])
                any_phrase = True
            lower = [r for r in regexes if not _needs_case(r)]
            other = [r for r in regexes if _needs_case(r)]
            if lower:
                self._lower[cat] = re.compile(_alternation(lower))
            if other:
                self._regex[cat] = re.compile(_alternation(other), re.I)
        self._matcher = matcher if any_phrase else None
        from ..checklist.prefilter import required_literals  # a pure function of the pattern

        for rx in (*self._lower.values(), *self._regex.values()):
            self._lits[id(rx)] = required_literals(rx.pattern, rx.flags)

    def find(self, text: str, doc: Doc | None = None) -> list[Cue]:
        out: list[Cue] = []
        if self._matcher is not None:
            if doc is None:
                doc = get_nlp().make_doc(text)
            vocab = doc.vocab
            for match_id, start, end in self._matcher(doc):
                span = doc[start:end]
                out.append((vocab.strings[match_id], span.text, span.start_char, span.end_char))
        low = text.lower()
        if len(low) != len(text):  # a few characters change length when lower-cased
            low = text
            lowered = [(c, re.compile(r.pattern, re.I)) for c, r in self._lower.items()]
        else:
            lowered = list(self._lower.items())
        lits = self._lits
        low_text = text.lower()
        for cat, rx in lowered:
            need = lits.get(id(rx))
            if need and not any(n in low_text for n in need):
                continue
            for m in rx.finditer(low):
                if m.end() > m.start():
                    out.append((cat, text[m.start():m.end()], m.start(), m.end()))
        for cat, rx in self._regex.items():
            need = lits.get(id(rx))
            if need and not any(n in low_text for n in need):
                continue
            for m in rx.finditer(text):
                if m.end() > m.start():
                    out.append((cat, m.group(0), m.start(), m.end()))
        out.sort(key=lambda c: (c[2], c[3]))
        return out

    def categories_in(self, text: str, doc: Doc | None = None) -> dict[str, list[str]]:
        found: dict[str, list[str]] = {}
        for cat, cue, _a, _b in self.find(text, doc):
            lst = found.setdefault(cat, [])
            if cue.lower() not in (c.lower() for c in lst):
                lst.append(cue)
        return found


def _alternation(patterns: list[str]) -> str:
    """One alternation; the alternatives that open with a word boundary share it, so the
    engine rejects positions inside words at once (several times faster in CPython)."""
    bounded = [p[2:] for p in patterns if p.startswith("\\b")]
    rest = [p for p in patterns if not p.startswith("\\b")]
    parts = []
    if bounded:
        parts.append("\\b(?:" + "|".join(f"(?:{p})" for p in bounded) + ")")
    parts += [f"(?:{p})" for p in rest]
    return "|".join(parts)


def _needs_case(pattern: str) -> bool:
    """A pattern must run case-insensitively on the original text when it has upper-case
    letters outside escapes (``[A-Z]``, ``\\S``...); otherwise it runs on lower-cased text."""
    stripped = re.sub(r"\\[A-Za-z]", "", pattern)
    return any(ch.isupper() for ch in stripped)


class PhraseIndex:
    """Fast whole-word phrase lookup (case-insensitive) by token n-grams."""

    _TOKEN = re.compile(r"[\w@+]+(?:[-.'/][\w@+]+)*")

    def __init__(self, phrases: list[str]):
        self.keys: set[str] = set()
        self.maxn = 1
        for p in phrases:
            toks = [m.group(0).lower() for m in self._TOKEN.finditer(p)]
            if toks:
                self.keys.add(" ".join(toks))
                self.maxn = max(self.maxn, len(toks))

    def spans(self, text: str) -> list[tuple[int, int, str]]:
        toks = [(m.start(), m.end(), m.group(0).lower()) for m in self._TOKEN.finditer(text)]
        out = []
        i = 0
        while i < len(toks):
            hit = None
            for n in range(min(self.maxn, len(toks) - i), 0, -1):
                key = " ".join(t[2] for t in toks[i:i + n])
                if key in self.keys:
                    hit = (toks[i][0], toks[i + n - 1][1], n)
                    break
            if hit:
                out.append((hit[0], hit[1], text[hit[0]:hit[1]]))
                i += hit[2]
            else:
                i += 1
        return out


class LexiconMatcher:
    """Phrases through a :class:`PhraseIndex`, ``re:`` entries through one regex."""

    def __init__(self, entries: list[str]):
        phrases, regexes = _split(entries)
        self.index = PhraseIndex(phrases)
        self.regex = re.compile(_alternation(regexes), re.I) if regexes else None

    def spans(self, text: str) -> list[tuple[int, int, str]]:
        out = self.index.spans(text)
        if self.regex is not None:
            out += [(m.start(), m.end(), m.group(0)) for m in self.regex.finditer(text) if m.end() > m.start()]
        out.sort()
        return out


def regex_of(entries: list[str]) -> re.Pattern[str]:
    """One case-insensitive regex from a lexicon list (phrases become whole-word matches)."""
    phrases, regexes = _split(entries)
    parts = [rf"(?<![\w-]){re.escape(p)}(?![\w-])" for p in sorted(phrases, key=len, reverse=True)]
    if regexes:
        parts.append(_alternation(regexes))
    if not parts:
        return re.compile(r"(?!x)x")
    return re.compile("|".join(parts), re.I)


@functools.lru_cache(maxsize=1)
def claim_cues() -> CueSet:
    data = load_yaml("claims.yaml")
    cats = {k: v for k, v in data.items() if isinstance(v, list)}
    return CueSet(cats)


@functools.lru_cache(maxsize=1)
def quantity_lexicon() -> dict[str, LexiconMatcher]:
    data = load_yaml("quantities.yaml")
    return {"metrics": LexiconMatcher(data.get("metrics", [])), "benchmarks": LexiconMatcher(data.get("benchmarks", []))}


@functools.lru_cache(maxsize=1)
def data_cues() -> tuple[CueSet, CueSet, re.Pattern[str], dict[str, re.Pattern[str]]]:
    """(strong cues per aspect, weak cues per aspect, data-noun regex, vague regex per aspect)."""
    data = load_yaml("data_aspects.yaml")
    strong: dict[str, list[str]] = {}
    weak: dict[str, list[str]] = {}
    for aspect, spec in (data.get("aspects") or {}).items():
        strong[aspect] = list(spec.get("strong", []))
        if spec.get("weak"):
            weak[aspect] = list(spec["weak"])
    nouns = regex_of(data.get("data_nouns", []))
    vague = {a: regex_of(v) for a, v in (data.get("vague") or {}).items()}
    return CueSet(strong), CueSet(weak), nouns, vague
