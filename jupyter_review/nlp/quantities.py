"""Numbers in running text, with what they measure.

``find_quantities(text)`` returns :class:`Quantity` objects for the numbers of a
sentence that look like results (percentages, multipliers, scores, counts with units),
each tied, where the sentence says so, to a metric ("pass@1", "accuracy"), a
benchmark ("AIME 2024", "SWE-bench Verified") and the system it describes (the
nearest model-like name before the number).  Years, citation numbers, section/table
numbers and the digits inside names ("GPT-4o", "Qwen3-235B") are skipped.
"""

from __future__ import annotations

import re

from ..model.analysis import Quantity
from .lexicon import quantity_lexicon

_NUM = r"[-+−]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?"
_UNIT = (
    r"%|\s?pp\b|\s?percentage points?\b|\s?points?\b|\s?pts\b|\s?[x×](?![\w])(?!\s*\d)|\s?times\b|-fold\b|\s?fold\b|"
    r"\s?(?:[KMBT]|thousand|million|billion|trillion)\b(?:\s+(?:total\s+|activated\s+|active\s+)?"
    r"(?:tokens|parameters|params|documents|examples|samples|images|hours|words|pages|papers|instances)\b)?|"
    r"\s?(?:tokens|parameters|params|documents|examples|samples|images|hours|GPUs|GPU hours|days|weeks|"
    r"languages|papers|instances|questions|problems|ms|seconds|s/it|tokens/s|steps)\b"
)
# (no exponent and no base of a power: "2^15", "10^-4" as the ingest writes raised exponents)
_QTY = re.compile(rf"(?<![\w.\-/@'’^])(?P<num>{_NUM})(?P<unit>{_UNIT})?(?![\w@^])(?!\.\d)")
_SKIP_BEFORE = re.compile(
    r"(?:\b(?:table|tab|figure|fig|section|sec|appendix|eq|equation|chapter|step|stage|phase|round|version|"
    r"v|top|layer|line|algorithm|theorem|lemma|definition|example|case|rq|h|et al\.,?|\[|[a-z]-)\s*\.?\s*)$",
    re.I,
)
_MODEL_NAME = re.compile(
    r"(?<![\w-])(?:[A-Z][A-Za-z0-9]*(?:[-.][A-Za-z0-9]+)+(?:\s(?:\d+(?:\.\d+)?[BMK]|Pro|Max|Mini|Plus|Turbo|Flash|Base|Chat|Instruct|Lite))?|"
    r"[A-Z][a-z]+[A-Z][A-Za-z0-9]*(?:\s\d+(?:\.\d+)?[BMK])?|[A-Z]{2,}[a-z]?\d*|"
    r"(?:GPT|Claude|Gemini|Llama|LLaMA|Qwen|DeepSeek|Mistral|Mixtral|Grok|Phi)(?:[\s-][\w.]+)?|"
    r"[A-Z][a-z]+\s\d+(?:\.\d+)?[BMK])(?![\w-])"
)
_STOP_NAMES = {
    "We", "Our", "The", "This", "In", "On", "At", "For", "With", "Compared", "Table", "Figure", "Section",
    "However", "Notably", "Moreover", "Furthermore", "Specifically", "Overall", "Finally", "First", "Second",
    "AI", "LLM", "LLMs", "GPU", "GPUs", "API", "RL", "SFT", "KV", "MoE", "CoT", "LRMs", "LRM", "VQA", "NLP",
}


def _value(num: str) -> float | None:
    try:
        return float(num.replace(",", "").replace("−", "-"))
    except ValueError:
        return None


def _unit(raw: str | None) -> str:
    if not raw:
        return ""
    u = raw.strip().lower()
    if u in ("x", "×", "times", "-fold", "fold"):
        return "x"
    if u.startswith("percentage point") or u == "pp":
        return "pp"
    if u.startswith("point") or u == "pts":
        return "points"
    return raw.strip()


def is_year(value: float, unit: str, text: str, start: int) -> bool:
    return not unit and value.is_integer() and 1900 <= value <= 2100


def find_quantities(text: str) -> list[Quantity]:
    lex = quantity_lexicon()
    if not any(ch.isdigit() for ch in text):
        return []
    bench_spans = lex["benchmarks"].spans(text)
    metric_spans = lex["metrics"].spans(text)
    names = [(m.start(), m.end(), m.group(0)) for m in _MODEL_NAME.finditer(text) if m.group(0) not in _STOP_NAMES]
    out: list[Quantity] = []
    found: list[tuple[int, Quantity]] = []
    for m in _QTY.finditer(text):
        a, b = m.start(), m.end()
        if any(s <= a < e for s, e, _ in bench_spans) or any(s <= a < e for s, e, _ in names):
            continue
        if _SKIP_BEFORE.search(text[max(0, a - 14):a]):
            continue
        value = _value(m.group("num"))
        if value is None:
            continue
        unit = _unit(m.group("unit"))
        if is_year(value, unit, text, a):
            continue
        # a bare small integer with nothing attached is rarely a result ("three", list numbers)
        metric = _nearest(metric_spans, a, b, window=45)
        bench = _nearest(bench_spans, a, b, window=70, prefer_after=True)
        if not bench:
            on = re.match(r"\s*(?:[\w@-]+\s+){0,2}?(?:on|in|for|at)\s+(?:the\s+)?([A-Z][\w.+\-]*(?:\s(?:[A-Z0-9][\w.+\-]*|v\d+|verified|Verified))*)", text[b:b + 60])
            if on and on.group(1) not in _STOP_NAMES:
                bench = on.group(1).rstrip(".,;:")
        if not unit and not metric and not bench:
            continue
        found.append((a, Quantity(value=value, text=text[a:b].strip(), unit=unit, metric=metric, benchmark=bench)))
    benches = {q.benchmark for _, q in found if q.benchmark}
    for a, q in found:
        prior = [
            n for n in names
            if n[1] <= a and n[2] not in benches and not _overlaps(n, bench_spans) and not _overlaps(n, metric_spans)
        ]
        if prior:
            q.system = prior[-1][2]
        out.append(q)
    return out


def _overlaps(span: tuple[int, int, str], spans: list[tuple[int, int, str]]) -> bool:
    return any(not (span[1] <= s or span[0] >= e) for s, e, _ in spans)


def _nearest(spans: list[tuple[int, int, str]], a: int, b: int, *, window: int, prefer_after: bool = False) -> str:
    best = ""
    best_d = window + 1
    for s, e, t in spans:
        if s >= b:
            d = s - b
            if prefer_after:
                d = d * 0.7
        elif e <= a:
            d = a - e
        else:
            continue
        if d < best_d:
            best, best_d = t, d
    return best
