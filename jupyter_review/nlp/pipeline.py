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

import spacy
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
    for i in range(1, len(doc)):
        tok = doc[i]
        if not tok.is_sent_start:
            continue
        prev = doc[i - 1]
        ptext = prev.text.lower()
        # "et al. (2020)", "Fig. 3", "e.g. the"
        if ptext.rstrip(".") in _ABBREV and (ptext.endswith(".") or (i >= 2 and doc[i - 1].text == "." and doc[i - 2].text.lower() in _ABBREV)):
            tok.is_sent_start = False
            continue
        if prev.text == "." and i >= 2 and doc[i - 2].text.lower() in _ABBREV:
            tok.is_sent_start = False
            continue
        # a new sentence never starts in lower case or with a closing bracket/comma
        first = tok.text[:1]
        if first.islower() or first in ",;:)]}%":
            tok.is_sent_start = False
            continue
        # "1." inside enumerations / decimal artefacts: previous token a lone number + '.'
        if prev.text == "." and i >= 2 and re.fullmatch(r"\d{1,2}", doc[i - 2].text) and (i < 3 or doc[i - 3].is_sent_start):
            tok.is_sent_start = False
    return doc


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
    """For each text, the (start, end) character offsets of its sentences."""
    nlp = get_nlp()
    for doc in nlp.pipe(texts, batch_size=batch_size):
        spans = []
        for s in doc.sents:
            a, b = s.start_char, s.end_char
            # trim whitespace the tokenizer kept
            while b > a and doc.text[b - 1].isspace():
                b -= 1
            if b > a:
                spans.append((a, b))
        yield spans
