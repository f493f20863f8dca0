"""Is a counted quantity ("4,096 tokens", "1M tokens", "15 hours") an amount of the paper's data?

A data size counts the examples, documents, tokens, images or participants of the data a paper
trains or evaluates on.  The same units also measure other things, and a sentence that gives only
those says nothing about how much data there is:

* a length or a window: "a context length of 128K tokens", "sequences of 4096 tokens",
  "truncated ... to a maximum length of 64 and 256 tokens", "summaries of at least 150 words";
* a budget or a batch: "a maximum of 4,096 generated tokens", "the global batch size is fixed at
  32 million tokens", "each training batch contains 4M tokens";
* a rate or a resampling: "tokens per second", "bootstrap with 1000 samples";
* a duration: "15 hours to fine-tune", "12 hours prior to harvest" (hours are a size of audio or
  video only: "1,000 hours of speech");
* a footnote marker glued to a word, the number of a table or study, or the end of a name:
  "4Examples are taken from ...", "Table 1 reports aggregate metrics", "hospitalized COVID-19
  patients" (no count at all).

``counts_data(text, start, end)`` reads the clause before the quantity and the words right after
it; the lexicon's size patterns find the quantity, this decides what is being counted.
"""

from __future__ import annotations

import re

# the clause before the number: what is measured ("context length of", "batch ... contains")
_OTHER_BEFORE = re.compile(
    r"\b(?:length|lengths|long(?!-)|longer|window|windows|(?<!-)contexts?|batch|batches|budgets?|maximum|max|"
    r"at most|up to|beyond|limit|truncat\w*|decod\w*|prefill\w*|sequence|sequences|"
    r"bootstrap\w*|resampl\w*|speed\w*|throughput|latency|per|average|averaged|mean|median|memory|"
    r"cache|chunks?|blocks?|horizon|rollouts?|responses? of|next)\b",
    re.IGNORECASE,
)
# a budget of training data is an amount of data ("a fixed training token budget of 643,041 tokens"), unlike a
# generation, compute or context budget
_DATA_BUDGET = re.compile(r"\b(?:training|train|pre-?training|fine-?tuning|data|dataset|corpus)\s+(?:(?:data|token|sample|example|document)\s+)?budgets?\b",
                          re.IGNORECASE)
# the words right after the quantity: a rate, a length, a window
_OTHER_AFTER = re.compile(
    r"^\W{0,3}(?:of (?:context|input|output|memory)|per (?:second|sec|batch|step|sequence|gpu|device|"
    r"iteration|query|sample|example|document|token|request|instance|prompt|response|turn)|/\s?s\b|"
    r"in length|long\b|context\b|window\b|at a time|(?:of|for) (?:each|every)\b|each\b|"
    r"(?:input|output|generation|prompt|response|sequence) length)",
    re.IGNORECASE,
)
# the clause after it measures a cost at that length ("at 10M tokens MoBA achieves a speedup")
_COST_AFTER = re.compile(r"\b(?:speed-?ups?|faster|slower|latency|throughput|memory|FLOPs|wall-?clock)\b", re.IGNORECASE)
# hours measure data only as recordings ("1,000 hours of speech", "the corpus has 300 hours")
_HOURS = re.compile(r"\bhours?\b", re.IGNORECASE)
_HOURS_OF_DATA = re.compile(
    r"^\s*(?:of|in total|total|were|are)\b(?!\s+(?:training|fine-?tuning|compute|computation|gpu|cpu|work|"
    r"effort|annotation time|labou?r))", re.IGNORECASE)
_RECORDED = re.compile(r"\b(?:audio|speech|video|videos|recordings?|recorded|footage|transcri\w*|corpus|"
                       r"dataset|contains?|comprises?|consists?)\b", re.IGNORECASE)
# the counted word says it: "4,096 generated tokens", "128K context tokens", "the top 5 retrieved
# documents" (a cut-off of what a system returns: "top" right before the number, _CUTOFF_BEFORE)
_OTHER_IN = re.compile(r"\b(?:generated|retrieved|context|output|input)\b", re.IGNORECASE)
# the number ends a name ("COVID-19 patients", "GPT-4 users", "SARS-CoV-2 samples")
_NAME_BEFORE = re.compile(r"[A-Za-z][\w]*[-\u2010\u2011]$")
_GLUED = re.compile(r"^\d+(?=[A-Z][a-z])")
# a number that labels a table, figure or section ("Table 1 reports ...", "Study 2 participants")
_LABEL_BEFORE = re.compile(r"\b(?:Table|Tab|Figure|Fig|Section|Sec|Eq|Equation|Appendix|Algorithm|Step|Stage|Phase|"
                           r"Study|Experiment|Exp|Task|Set|Chapter)\.?\s*$", re.IGNORECASE)
# "the top 5 ...": a cut-off right before the number (not "top-1 accuracy on ... 50,000 images")
_CUTOFF_BEFORE = re.compile(r"\btop[- ]?$", re.IGNORECASE)
_NUMBER_RUN = re.compile(r"(?:\d[\d,.]*\s*[KMBTk]?\s*(?:,\s*(?:and|or)?|and|or|to|-|–)\s*)+$")
_CLAUSE_END = re.compile(r"[;:!?]|,\s|\.\s|\(|\)|\s(?:and|while|whereas|but|which|where)\s")


def _clause_before(text: str, start: int, n: int = 60) -> str:
    """The words before ``start`` up to the last clause boundary, at most n characters."""
    head = text[max(0, start - n):start]
    # the quantity closes a run of numbers ("a maximum length of 64 and 256 tokens", "from 16K to
    # 128K tokens"): the clause is the one before the run
    head = _NUMBER_RUN.sub("", head)
    cut = 0
    for m in _CLAUSE_END.finditer(head):
        cut = m.end()
    return head[cut:]


def counts_data(text: str, start: int, end: int) -> bool:
    """Whether the quantity at text[start:end] counts data rather than a length, budget, batch, rate,
    duration or a footnote marker.  A match without a digit (\"large-scale corpus\") is left alone."""
    q = text[start:end]
    if not any(ch.isdigit() for ch in q):
        return True
    if _GLUED.match(q.lstrip()) or _OTHER_IN.search(q) or _NAME_BEFORE.search(text[max(0, start - 12):start]):
        return False
    before = _DATA_BUDGET.sub(" ", _clause_before(text, start))
    after = text[end:end + 40]
    if _CUTOFF_BEFORE.search(text[max(0, start - 8):start].rstrip()):
        return False
    if _OTHER_BEFORE.search(before) or _OTHER_AFTER.search(after) or _LABEL_BEFORE.search(before):
        return False
    if _COST_AFTER.search(_CLAUSE_END.split(text[end:end + 80], 1)[0]):
        return False
    if _HOURS.search(q) and not (_HOURS_OF_DATA.match(after) or _RECORDED.search(before)):
        return False
    return True


def first_counted(rx: re.Pattern[str], text: str) -> re.Match[str] | None:
    """The first match of rx in text that counts data (see ``counts_data``)."""
    for m in rx.finditer(text):
        if m.end() > m.start() and counts_data(text, m.start(), m.end()):
            return m
    return None
