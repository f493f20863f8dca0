"""The only place spaCy is imported.

A blank English pipeline with spaCy's rule-based sentencizer and our own
``jr_sentence_fixer`` component that undoes splits spaCy's punctuation rule gets
wrong in scientific prose ("et al.", "Fig. 2", "Eq. (3)", "e.g.", numbers like
"Table 1."...).  If the user has a pretrained English pipeline installed and asks
for it (``JUPYTER_REVIEW_SPACY_MODEL``), it is used instead; nothing requires one.
"""

from __future__ import annotations

import functools
import os
import re
from collections.abc import Iterable, Iterator

import numpy
import spacy
from spacy.attrs import IDX, LENGTH, SENT_START
from spacy.language import Language
from spacy.tokens import Doc

# tokens after which a period does not end a sentence
_ABBREV = {
    "al", "fig", "figs", "eq", "eqs", "sec", "secs", "tab", "tabs", "ref", "refs", "e.g", "i.e", "cf",
    "vs", "approx", "no", "nos", "vol", "pp", "p", "ch", "appx", "app", "resp", "etc", "incl", "dr", "mr",
    "ms", "prof", "st", "jr", "sr", "inc", "ltd", "co", "corp", "dept", "univ", "est", "min", "max",
    "avg", "std", "var", "viz", "ca", "c.f", "w.r.t", "wrt", "a.k.a", "et", "supp", "suppl", "ext",
}


@Language.component(
    "jr_sentence_fixer",
    requires=["token.is_sent_start"],
    assigns=["token.is_sent_start"],
)
def sentence_fixer(doc: Doc) -> Doc:
    # only the (few) proposed sentence starts are visited, not every token
    starts = numpy.flatnonzero(doc.to_array([SENT_START]) == 1)
    for i in starts.tolist():
        if i == 0:
            continue
        # the sentencizer starts after opening brackets/quotes: "al. (2020)", "end. (This"
        k = i
        while k - 1 > 0 and doc[k - 1].text in _OPENERS:
            k -= 1
        if _joins_previous(doc, i, k):
            doc[i].is_sent_start = False
        elif k < i:
            doc[i].is_sent_start = False
            doc[k].is_sent_start = True
    return doc


_OPENERS = {"(", "[", "{", '"', "'", "\u201c", "\u2018"}


def _joins_previous(doc: Doc, i: int, k: int) -> bool:
    """Is the split before token ``i`` (after openers from ``k``) a known mistake?"""
    tok = doc[i]
    prev = doc[k - 1]
    ptext = prev.text.lower()
    before = doc[k - 2].text.lower() if k >= 2 else ""
    # a sentence never starts right after a comma/semicolon ("et al., 2020")
    if prev.text in (",", ";", ":"):
        return True
    # "et al. (2020)", "Fig. 3", "e.g. the"
    if ptext.endswith(".") and ptext.rstrip(".") in _ABBREV:
        return True
    if prev.text == "." and before in _ABBREV:
        return True
    # a new sentence never starts in lower case or with a closing bracket/comma
    first = tok.text[:1]
    if k == i and (first.islower() or first in ",;:)]}%"):
        return True
    if k < i and (first in ",;:)]}%" or tok.text[:1].isdigit()):
        return True  # "(2020)", "[12]" after an abbreviation or a number
    # an enumeration label "1." / "2)" right at the start of the text or of a sentence
    if re.fullmatch(r"\d{1,2}\.", prev.text) and (k - 1 == 0 or doc[k - 1].is_sent_start or doc[k - 2].text in ".!?"):
        return True
    if prev.text == "." and re.fullmatch(r"\d{1,2}", before) and (k < 3 or doc[k - 2].is_sent_start):
        return True
    return False


@functools.lru_cache(maxsize=1)
def get_nlp() -> Language:
    """The shared pipeline; built once per process."""
    name = os.environ.get("JUPYTER_REVIEW_SPACY_MODEL", "").strip()
    if name:
        try:
            nlp = spacy.load(name, exclude=["ner", "lemmatizer"])
            if "jr_sentence_fixer" not in nlp.pipe_names and "parser" not in nlp.pipe_names:
                nlp.add_pipe("sentencizer")
                nlp.add_pipe("jr_sentence_fixer")
            return nlp
        except OSError:
            pass  # fall back to the blank pipeline below
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    nlp.add_pipe("jr_sentence_fixer")
    nlp.max_length = 5_000_000
    return nlp


def split_sentences(texts: Iterable[str], batch_size: int = 256) -> Iterator[list[tuple[int, int]]]:
    """For each text, the (start, end) character offsets of its sentences.

    Offsets come from token arrays (no per-token Python objects), so this stays a
    small fraction of the ingest time.
    """
    nlp = get_nlp()
    for doc in nlp.pipe(texts, batch_size=batch_size):
        if len(doc) == 0:
            yield []
            continue
        arr = doc.to_array([IDX, LENGTH, SENT_START])
        starts = numpy.flatnonzero(arr[:, 2] == 1).tolist()
        if not starts or starts[0] != 0:
            starts.insert(0, 0)
        bounds = starts + [len(doc)]
        spans = []
        for a, b in zip(bounds, bounds[1:]):
            while b > a and doc[b - 1].is_space:
                b -= 1
            if b > a:
                spans.append((int(arr[a, 0]), int(arr[b - 1, 0] + arr[b - 1, 1])))
        yield spans
