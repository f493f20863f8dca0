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
from spacy.attrs import IDX, IS_PUNCT, IS_SPACE, LENGTH, ORTH
from spacy.language import Language
from spacy.tokenizer import Tokenizer
from spacy.tokens import Doc

# tokens after which a period does not end a sentence
_ABBREV = {
    "al", "fig", "figs", "eq", "eqs", "sec", "secs", "tab", "tabs", "ref", "refs", "e.g", "i.e", "cf",
    "vs", "approx", "no", "nos", "vol", "pp", "p", "ch", "appx", "app", "resp", "etc", "incl", "dr", "mr",
    "ms", "prof", "st", "jr", "sr", "inc", "ltd", "co", "corp", "dept", "univ", "est", "min", "max",
    "avg", "std", "var", "viz", "ca", "c.f", "w.r.t", "wrt", "a.k.a", "et", "supp", "suppl", "ext",
}


# a cross-reference whose label is one capital letter or a roman numeral, at a sentence's end
_LABEL_END = re.compile(
    r"\b(?:Appendix|Appendices|Section|Sections|Sec\.|Table|Tables|Tab\.|Figure|Figures|Fig\.|Part|Chapter|"
    r"Supplement|Algorithm|Note|Box|Panel)\s+(?:[A-Z]|[IVX]{1,5})\.\s+(?=[A-Z][a-z])"
    # a task or mapping written with an arrow, ending its sentence: "... of Rouge-2 in D \u2192T. PRIMERA
    # outperforms ..." (the tokenizer keeps "\u2192T." as one word)
    r"|(?:\u2192|->)\s*[A-Z\u2217*]\.\s+(?=[A-Z])")

_FINAL = (".", "!", "?", "\u2026", "?!", "!?", "\u3002", "\uff01", "\uff1f")
_OPENERS = {"(", "[", "{", '"', "'", "\u201c", "\u2018"}
# a list bullet opens an item, and an item is a sentence of its own ("... - Yes \u2022 This paper
# specifies ...": a checklist's items set in one block); the middle dot and the bullet operator
# are left out (products and units in formulas)
_BULLETS = {"\u2022", "\u25aa", "\u25cf", "\u2023", "\u25e6"}
# a checklist's answer after a dash ends its item: "... introduced? - Yes", "... appendix. -Yes."
_DASHES = {"-", "\u2013", "\u2014"}
_ANSWER_WORDS = {"yes", "no", "na", "n/a", "partial", "partially"}


@Language.component(
    "jr_sentence_fixer",
    requires=["token.is_sent_start"],
    assigns=["token.is_sent_start"],
)
def sentence_fixer(doc: Doc) -> Doc:
    """Pipeline form of our sentence rules (for ``nlp(text)`` users): re-decides every start."""
    keep = set(_sentence_starts(doc))
    for i in range(1, len(doc)):
        doc[i].is_sent_start = i in keep
    return doc


def _sentence_starts(doc: Doc, forced: Iterable[int] = (), text: str | None = None) -> list[int]:
    """Token indices that open a sentence, from token arrays (no per-token Python objects).

    The punctuation rule (a sentence starts after '.', '!' or '?' and any closing
    punctuation) proposes starts; our rules then drop the splits it gets wrong in
    scientific prose and move a start before opening brackets/quotes.  ``forced``
    starts (paragraph openings) are always kept.
    """
    n = len(doc)
    if n == 0:
        return []
    strings = doc.vocab.strings
    arr = doc.to_array([ORTH, IS_PUNCT, IDX, LENGTH, IS_SPACE])
    punct = arr[:, 1].astype(bool) | arr[:, 4].astype(bool)  # extra whitespace counts like punctuation
    fin = numpy.isin(arr[:, 0], numpy.array([strings.add(c) for c in _FINAL], dtype=arr.dtype))
    # candidates: a non-punctuation token right after a run of punctuation that holds a final mark
    cand = numpy.flatnonzero(~punct[1:] & punct[:-1]) + 1
    idx_np = numpy.where(~punct, numpy.arange(n), -1)
    last_np = numpy.maximum.accumulate(idx_np)  # last non-punctuation index at or before each token
    cum = numpy.cumsum(fin)
    before = last_np[cand - 1] if cand.size else cand
    has_final = (cum[cand - 1] - numpy.where(before >= 0, cum[numpy.maximum(before, 0)], 0) > 0) if cand.size else cand
    proposed = cand[has_final].tolist() if cand.size else []
    run_start = (before + 1).tolist() if cand.size else []
    run_of = dict(zip(cand.tolist(), run_start)) if cand.size else {}
    if text is None:
        text = doc.text  # (rebuilt from the tokens: pass the source text when it is at hand)
    idx = arr[:, 2].tolist()
    ln = arr[:, 3].tolist()

    def tok(j: int) -> str:
        return text[idx[j]:idx[j] + ln[j]] if 0 <= j < n else ""

    # a label of one capital letter or a roman numeral ends its sentence ("... in Appendix A. We
    # train ...", "listed in Table I. Our ..."): the tokenizer keeps "A." as one word, so the
    # punctuation rule above never proposes the split
    if text:
        at = None
        for m in _LABEL_END.finditer(text):
            if at is None:
                at = dict(zip(idx, range(n)))
            j = at.get(m.end())
            if j is not None:
                proposed.append(j)
                run_of[j] = j
    forced_set = set(forced)
    # every list bullet inside a text opens a sentence
    bullets = {j for j in range(1, n) if tok(j) in _BULLETS and j + 1 < n and not arr[j + 1, 4]}
    forced_set |= bullets
    merged = sorted(forced_set.union(proposed))
    starts = [0]
    for i in merged:
        if i == 0:
            continue
        if i in forced_set:
            starts.append(i)
            continue
        if i - 1 in bullets:
            continue  # the item's bullet already opens it
        k = i
        while k - 1 > 0 and tok(k - 1) in _OPENERS:
            k -= 1
        if not _joins_previous(tok, i, k, run_of.get(i, i), starts[-1]):
            starts.append(k)
    return starts


def _joins_previous(tok, i: int, k: int, run: int, last: int) -> bool:
    """Is the proposed split before token ``i`` a known mistake?

    ``k`` is where the sentence would start (before opening brackets/quotes), ``run``
    the first token of the punctuation run that ends the previous sentence, ``last``
    the previous sentence start.
    """
    first = tok(i)[:1]
    word = tok(run - 1)  # the word before the final punctuation
    lword = word.lower()
    # "et al. (2020)", "et al., 2010", "Fig. 3", "e.g. the"
    if tok(run) == "." and lword in _ABBREV:
        return True
    if lword.endswith(".") and lword.rstrip(".") in _ABBREV:
        return True
    # a new sentence never starts in lower case or with a closing bracket/comma
    if k == i and (first.islower() or first in ",;:)]}%"):
        return True
    if k < i and (first in ",;:)]}%" or first.isdigit()):
        return True  # "(2020)", "[12]" after an abbreviation or a number
    if tok(run) in (",", ";", ":"):
        return True  # the run starts with a comma: "al., 2010"
    if (tok(i - 1) in _DASHES and tok(i).lower() in _ANSWER_WORDS) or (
            tok(i) in _DASHES and tok(i + 1).lower() in _ANSWER_WORDS) or (
            tok(i)[:1] in _DASHES and tok(i)[1:].lower() in _ANSWER_WORDS):
        return True  # a checklist item's answer after its dash: "... introduced? - Yes", "... results? -Yes"
    # an enumeration label "1." right at the start of the text or of a sentence
    if re.fullmatch(r"\d{1,2}\.", word) and (run - 1 == last):
        return True
    if tok(run) == "." and re.fullmatch(r"\d{1,2}", word) and run - 1 == last:
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
    nlp.tokenizer = _quick_affixes(nlp.tokenizer)
    nlp.add_pipe("sentencizer", config={"punct_chars": list(_FINAL)})
    nlp.add_pipe("jr_sentence_fixer")
    nlp.max_length = 5_000_000
    return nlp


_DIGIT_OR_APOSTROPHE = re.compile(r"[\d'\u2019]")


def _quick_affixes(tokenizer: Tokenizer) -> Tokenizer:
    """Let spaCy's English tokenizer skip its affix and URL regexes where they cannot match.

    The English prefix, suffix, infix and URL expressions are long alternations that
    ``re`` tries at every position of every chunk; most chunks are plain words.  Each
    wrapper returns "no match" only where no English rule can match and otherwise asks
    the original expression, so the tokens are the same (checked on all corpus text; the
    test compares four papers and a string of odd cases):
    a prefix never starts with a letter or digit except "US$"/"C$"/"A$"; a suffix ending
    in a letter or digit needs a digit (units, "10km") or an apostrophe ("'s") in its
    last few characters; every infix is a non-alphanumeric character; every URL has a dot.
    """
    prefix, suffix, infix, url = (tokenizer.prefix_search, tokenizer.suffix_search,
                                  tokenizer.infix_finditer, tokenizer.url_match)
    if None in (prefix, suffix, infix, url):
        return tokenizer
    find = _DIGIT_OR_APOSTROPHE.search

    def prefix_search(s: str):
        if not s or (s[0].isalnum() and "$" not in s[:3]):
            return None
        return prefix(s)

    def suffix_search(s: str):
        if not s or s.isalpha() or (s[-1].isalnum() and find(s, max(0, len(s) - 8)) is None):
            return None  # (a word of letters only has no digit and no apostrophe)
        return suffix(s)

    def infix_finditer(s: str):
        return () if s.isalnum() else infix(s)

    def url_match(s: str):
        return url(s) if "." in s else None

    # one new tokenizer rather than four property writes: each write reloads spaCy's ~1,900
    # special cases (about 0.1 s each)
    return Tokenizer(tokenizer.vocab, rules=tokenizer.rules, prefix_search=prefix_search,
                     suffix_search=suffix_search, infix_finditer=infix_finditer,
                     token_match=tokenizer.token_match, url_match=url_match)


def split_sentences(texts: Iterable[str], batch_size: int = 256) -> Iterator[list[tuple[int, int]]]:
    """For each text, the (start, end) character offsets of its sentences.

    The texts are tokenized together (one spaCy doc per ~1M characters, each text
    opening a sentence) and sentence starts come from token arrays, so this stays a
    small part of the ingest time whatever the number of paragraphs.
    """
    nlp = get_nlp()
    items = list(texts)
    sep = "\n\n"
    i = 0
    while i < len(items):
        # a chunk of whole texts, at most ~1M characters (spaCy's comfortable size)
        j, size = i, 0
        while j < len(items) and (j == i or size + len(items[j]) < 1_000_000):
            size += len(items[j]) + len(sep)
            j += 1
        chunk = items[i:j]
        offsets = []
        pos = 0
        for t in chunk:
            offsets.append(pos)
            pos += len(t) + len(sep)
        big = sep.join(chunk)
        doc = nlp.make_doc(big)
        n = len(doc)
        arr = doc.to_array([IDX, LENGTH, IS_SPACE]) if n else numpy.zeros((0, 3), dtype="uint64")
        tok_idx = arr[:, 0].tolist()
        # the first token of each text
        forced = []
        t = 0
        for off in offsets:
            while t < n and tok_idx[t] < off:
                t += 1
            forced.append(t)
        bounds = _sentence_starts(doc, forced, big) + [n] if n else [0]
        out: list[list[tuple[int, int]]] = [[] for _ in chunk]
        which = 0
        for a, b in zip(bounds, bounds[1:]):
            while b > a and arr[b - 1, 2]:
                b -= 1
            if b <= a:
                continue
            ca, cb = tok_idx[a], int(arr[b - 1, 0] + arr[b - 1, 1])
            while which + 1 < len(offsets) and offsets[which + 1] <= ca:
                which += 1
            off = offsets[which]
            end = min(cb, off + len(chunk[which]))
            if end > ca:
                out[which].append((ca - off, end - off))
        yield from out
        i = j
