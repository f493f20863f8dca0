"""Repair words whose ff/fi/fl/ffi/ffl ligature lost letters in the PDF's text layer.

Some PDFs (many made with the ACM template's Libertine fonts) map each ligature glyph to a
plain "f" in their ToUnicode table, so the text reads "signifcant", "diferent", "efect",
"fnal", "refect".  The page looks right; every word search on it fails.  Disclosure
detectors rely on exactly such words ("significance", "conflict of interest", "financial",
"fine-tuned", "identifiable", "filtered"), so the loss hides disclosures.

The repair is a lexicon of word stems that contain a ligature, written as they read in
scientific prose.  Each stem's broken spelling (each ligature collapsed to "f") is looked
for at the start of a word (after an optional prefix such as "in", "un", "re").  It runs
only on a document that shows the symptom: at least three broken words, and more broken
words than intact ff/fi/fl words.  A sound paper is never touched, and stems whose broken
spelling is an English word of its own ("fight" from "flight", "fee" from "flee") are left
out of the lexicon.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from functools import lru_cache

# stems (lower case) that hold at least one ligature; any letters may follow
_STEMS = """
find final first figure field fine finite firm fiction fiber fibre finish fingerprint fifth fifty
fill fiscal fixed fixing fixation filter file filing finance financial fidelity fitness fitted
fitting finetun finger firing fiction fish
signific specific scientific benefit benefici confiden confirm config defin classifi modifi
identifi verifi justifi quantifi simplifi amplifi unifi notifi certifi stratifi diversifi
intensifi clarifi magnifi profil profit artifici official officer suffici effici coeffici
difficult affili affirm traffic refin infinit prefix suffix satisfi specifi qualifi exemplifi
rectifi falsifi proficien deficien deficit prolific sacrifi terrific horrific pacific misfit
outfit benefactor fifteen significan five superfici effica fiduci
flow float flat flag flex fluen fluctu flight floor fluid flash flaw flood flower flip flux
reflect reflex conflict influen inflat afflict deflat workflow overflow inflow outflow
flexib flagship fledg
effect effort differ offer office offset offline offspring suffer staff affect afford
buffer diffus affin scaffold cliff tariff stiff sniff handoff offens offend affair
tradeoff cutoff payoff kickoff takeoff spinoff falloff layoff sheriff
"""

# broken spellings that are English words or common prefixes of other words: never repaired
_SKIP_BROKEN = {
    "fat", "fag", "fee", "fight", "fir", "fed", "fled", "of", "fle", "food", "fash", "fling",
    "fring", "infat",
}

_PREFIXES = ("un", "in", "non", "re", "mis", "pre", "over", "under", "sub", "multi", "semi", "post",
             "inter", "co", "counter", "hyper")

_LIGATURE = re.compile(r"ffi|ffl|ff|fi|fl")


def _broken(stem: str) -> str:
    return _LIGATURE.sub("f", stem)


def _build() -> tuple[re.Pattern[str], dict[str, str]]:
    fixes: dict[str, str] = {}
    for stem in _STEMS.split():
        b = _broken(stem)
        if b == stem or b in _SKIP_BROKEN or len(b) < 3:
            continue
        fixes.setdefault(b, stem)
    stems = "|".join(map(re.escape, sorted(fixes, key=len, reverse=True)))
    prefix = "|".join(re.escape(p) for p in sorted(_PREFIXES, key=len, reverse=True))
    # matched against one whole word (letters only; a hyphen ends a word)
    return re.compile(rf"(?P<pre>(?:{prefix})?)(?P<stem>{stems})(?P<rest>[a-z]*)", re.I), fixes


_PATTERN, _FIXES = _build()
_WORD = re.compile(r"\b[A-Za-eg-zA-EG-Z]*[fF][A-Za-z]*")
_INTACT = re.compile(r"f[fil]", re.I)

# after a stem that ends in its ligature ("classifi", "cutoff") only these endings are read
# as broken: "classify", "specific", "satisfaction", "uniform" are whole words as printed
_TAIL_AFTER_LIGATURE = re.compile(r"(?:cations?|ed|ers?|es|able|s)?", re.I)


@lru_cache(maxsize=65536)
def _word_fix(word: str) -> str | None:
    """The repaired spelling of one word, or None when it is not a broken ligature word."""
    m = _PATTERN.fullmatch(word)
    if m is None:
        return None
    stem, rest = m.group("stem"), m.group("rest")
    good = _FIXES[stem.lower()]
    if good.endswith(("ff", "fi", "fl")) and not _TAIL_AFTER_LIGATURE.fullmatch(rest):
        return None
    if good.endswith("fi") and not rest:
        return None  # "Classif", "Specif": abbreviations as printed
    if stem[:1].isupper():
        good = good.upper() if stem.isupper() and len(stem) > 1 else good[:1].upper() + good[1:]
    return m.group("pre") + good + rest


def looks_broken(texts: Iterable[str]) -> bool:
    """Does this text show lost ligatures (at least 3 broken words, more than intact ff/fi/fl)?"""
    joined = "\n".join(texts)
    intact = len(_INTACT.findall(joined))
    broken = sum(n for w, n in Counter(_WORD.findall(joined)).items() if _word_fix(w) is not None)
    return broken >= 3 and broken > intact


def repair_word(word: str) -> str | None:
    """One word's repaired spelling, or None when it is not a known broken ligature word."""
    return _word_fix(word)


def repair(text: str) -> str:
    """The text with broken ligature words spelled out ('signifcant' -> 'significant')."""
    if "f" not in text and "F" not in text:
        return text
    return _WORD.sub(lambda m: _word_fix(m.group()) or m.group(), text)


def repair_pages(pages: Iterable[object]) -> int:
    """Repair every line (and styled span) of model pages in place, if the text shows the
    symptom; returns the number of lines changed (0 for a sound text layer)."""
    pages = list(pages)
    lines = [ln for p in pages for b in p.blocks for ln in b.lines]  # type: ignore[attr-defined]
    if not looks_broken(ln.text for ln in lines):
        return 0
    changed = 0
    for ln in lines:
        new = repair(ln.text)
        if new != ln.text:
            ln.text = new
            changed += 1
            for sp in ln.spans:
                sp.text = repair(sp.text)
    return changed
