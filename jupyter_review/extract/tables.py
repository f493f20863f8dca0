"""RawTable grids -> typed Tables: columns, numbers, the system column, best per column.

A results table is "systems x benchmarks/metrics".  Many LLM reports print it the
other way round (benchmarks down the side, models across the top: a *transposed*
table); the orientation is read from the label column's header ("Benchmark",
"Task", "Dataset" ...) and from what the labels look like.  Long records are
always (system, column, value) with ``system`` the model/method and ``column`` the
benchmark/metric label (header levels joined with " / ").
"""

from __future__ import annotations

import functools
import math
import re
import unicodedata
from typing import Any

from ..ingest.tables import is_count_cell, is_stat_cell
from ..model import Document, RawTable, Table, TableRecord

# -- numbers ------------------------------------------------------------------------------

_MISSING = {"", "-", "--", "---", "\u2013", "\u2014", "\u2212", "\u2010", "\u2012", "n/a", "na", "n.a.", "none",
            "\u00d7", "\u2717", "/", "nan", "?", "\u2026", "...", "..", "nd", "n.d."}
_FOOT = "*\u2020\u2021\u00a7\u00b6\u2217\u22c6\u2605\u2606#"
_NUMBER = re.compile(
    r"^(?P<sign>[-+\u2212\u2013]?)\s*(?P<num>(?:(?:\d{1,3}(?:[,\u2009\u202f ]\d{3})+|\d+)(?:\.\d+)?|\.\d+)(?:[eE]\s?[-+]?\s?\d{1,3})?)(?:\^(?P<exp>[-+]?\d{1,3}))?"
    r"\s*(?P<pct>%|[x\u00d7]|)"
    r"(?:\s*(?:\u00b1|\+/-|\+-)\s*(?P<sd>\d+(?:\.\d+)?)\s*%?|\s*\(\s*(?:\u00b1\s*)?(?P<sd2>\d+(?:\.\d+)?)\s*\)|\s*\[[^\]]*\])?"
    r"\s*(?P<foot>[" + re.escape(_FOOT) + r"]{0,3}|\^?[a-d]|\(?[a-d]\))?$"
)


# superscript markers as the table reader writes them (kept in the text, apart from the value)
SUPERSCRIPT = "\u2070\u00b9\u00b2\u00b3\u2074\u2075\u2076\u2077\u2078\u2079\u1d43\u1d47\u1d9c\u1d48\u1d49\u1da0\u1d4d\u02b0\u2071\u02b2\u1d4f\u02e1\u1d50\u207f\u1d52\u1d56\u02b3\u02e2\u1d57\u1d58\u1d5b\u02b7\u02e3\u02b8\u1dbb\u207a\u207b\u20f0"
_SUP_RUN = re.compile("[" + SUPERSCRIPT + "]+")


def split_marks(text: str) -> tuple[str, str]:
    """(text without superscript markers, the markers in plain characters)."""
    marks = "".join(_SUP_RUN.findall(str(text)))
    if not marks:
        return str(text), ""
    return _SUP_RUN.sub("", str(text)), unicodedata.normalize("NFKC", marks)


def parse_number(text: str) -> float | None:
    """The value of a printed cell ("85.3 \u00b1 0.2" -> 85.3), or None (cached: see :func:`_parse_number`)."""
    return _parse_number(str(text))


@functools.lru_cache(maxsize=65536)
def _parse_number(text: str) -> float | None:
    """'85.3', '85.3%', '85.3 ± 0.2', '1,234', '8.6*', '85.3\u00b9', '\u221212.1' -> float; else None.

    Missing-value markers (dashes, n/a) are not numbers: see :func:`is_missing`.
    """
    t = unicodedata.normalize("NFKC", split_marks(str(text))[0]).strip()
    t = t.replace("\u2212", "-")
    t = re.sub(r"^[(\[]([^()\[\]]+)[)\]]$", r"\1", t) if not re.match(r"^\(\s*\d", t[1:]) else t
    m = _NUMBER.match(t)
    if not m:
        return None
    num = m.group("num").replace(",", "").replace("\u2009", "").replace("\u202f", "").replace(" ", "")
    try:
        v = float(num)
    except ValueError:
        return None
    if m.group("exp"):
        try:
            v = v ** int(m.group("exp"))  # "2^15", "10^-4": a power written by the ingest
        except (OverflowError, ZeroDivisionError):
            return None
    if m.group("sign") in ("-", "\u2212", "\u2013"):
        v = -v
    return v


def parse_spread(text: str) -> float | None:
    """The ± / (std) part of a cell, if any."""
    t = unicodedata.normalize("NFKC", split_marks(str(text))[0]).strip().replace("\u2212", "-")
    t = re.sub(r"^[(\[]([^()\[\]]+)[)\]]$", r"\1", t) if not re.match(r"^\(\s*\d", t[1:]) else t
    m = _NUMBER.match(t)
    if not m:
        return None
    sd = m.group("sd") or m.group("sd2")
    return float(sd) if sd else None


@functools.lru_cache(maxsize=65536)
def is_missing(text: str) -> bool:
    return unicodedata.normalize("NFKC", split_marks(str(text))[0]).strip().lower().strip(_FOOT) in _MISSING


_FRACTION = re.compile(r"^\s*(\d+)\s*/\s*(\d+)\s*$")
_RANK = re.compile(r"^\s*(?:#\s*(\d+)|(\d+)(?:st|nd|rd|th))\s*$|\(\s*(\d+)(?:st|nd|rd|th)?\s*\)\s*$", re.I)
_ARROW_UP = "\u2191\u21d1\u25b2\u2b06"
_ARROW_DOWN = "\u2193\u21d3\u25bc\u2b07"


@functools.lru_cache(maxsize=65536)
def _parse_cell_cached(text: str) -> tuple[tuple[str, Any], ...]:
    return tuple(parse_cell(text).items())


def parse_cell(text: str) -> dict[str, Any]:
    """A printed cell taken apart: ``value`` (float or None), ``spread`` ("\u00b1 b", "(b)"),
    ``unit`` ("%"), ``fraction`` ((k, n) of "k/n"), ``rank`` ("#2", "2nd", a trailing "(3)"
    after a value), ``arrow`` ("up" / "down" for \u2191 \u2193), ``marks`` (superscript and
    footnote markers: \u00b9 * \u2020 \u2021 ...) and ``missing`` (a dash or n/a)."""
    raw = str(text or "")
    base, marks = split_marks(raw)
    t = unicodedata.normalize("NFKC", base).strip()
    out: dict[str, Any] = {"text": raw, "value": None, "spread": None, "unit": "", "fraction": None, "rank": None,
                           "arrow": "", "marks": marks, "missing": False}
    if any(ch in t for ch in _ARROW_UP):
        out["arrow"] = "up"
    elif any(ch in t for ch in _ARROW_DOWN):
        out["arrow"] = "down"
    t = re.sub("[" + _ARROW_UP + _ARROW_DOWN + "]", "", t).strip()
    foot = re.search(r"[" + re.escape(_FOOT.replace("#", "")) + r"]+$", t)
    if foot:
        out["marks"] += foot.group(0)
        t = t[: foot.start()].strip()
    if not t or is_missing(t):
        out["missing"] = True
        return out
    m = _FRACTION.match(t)
    if m:
        k, n = int(m.group(1)), int(m.group(2))
        out["fraction"] = (k, n)
        out["value"] = float(k)
        return out
    r = _RANK.match(t)
    if r:
        out["rank"] = int(r.group(1) or r.group(2) or r.group(3))
        return out
    r = re.match(r"^(.*?\d)\s*\(\s*(\d+)(?:st|nd|rd|th)\s*\)$", t, re.I)
    if r:
        out["rank"] = int(r.group(2))
        t = r.group(1)
    out["value"] = parse_number(t)
    out["spread"] = parse_spread(t)
    if out["value"] is not None and "%" in t:
        out["unit"] = "%"
    elif out["value"] is not None and re.search(r"\d\s*[x\u00d7]\s*$", t):
        out["unit"] = "x"  # a ratio, speedup or multiple ("1.71x", "3.2\u00d7")
    return out


# -- labels ------------------------------------------------------------------------------

_CITE = re.compile(r"\s*(?:\[[\d,\s\u2013-]+\]|\(\s*[A-Z][A-Za-z-]+(?: et al\.?)?,? \d{4}[a-z]?\s*\))")
_MARKS = re.compile(r"(?<=\S)[*\u2020\u2021\u00a7\u00b6\u2217\u22c6\u2605\u2606]+|[\u2191\u2193]")


# a bare citation year after a name ("BM25 (1995)"): the reference, not the name
_YEAR_CITE = re.compile(r"(?<=\S)\s*\((?:19|20)\d\d[a-z]?\)(?=[\s*\u2020\u2021]*$)")


def clean_label(text: str) -> str:
    """A row/column label without citations, footnote marks and doubled spaces."""
    t = _CITE.sub("", split_marks(text)[0])
    t = _YEAR_CITE.sub("", t)
    t = _MARKS.sub("", t)
    t = re.sub(r"\s+", " ", t).strip(" :;,")
    return t


_LOWER_BETTER = re.compile(
    r"\u2193|lower\s+is\s+better|\(lower|\berror\b|\berr\b|\bloss\b|perplexity|\bppl\b|\bmae\b|\bmse\b|\brmse\b|\bmape\b"
    r"|\bwer\b|\bcer\b|\bfid\b|\bter\b|latency|\bruntime\b|\btime\b|\bcost\b|\bmemory\b|\bbpb\b|\bbpc\b|\bnll\b"
    r"|\beer\b|\bfpr\b|\bfnr\b|\bhallucination rate\b|\bdistance\b|\bregret\b",
    re.I,
)
_HIGHER_BETTER = re.compile(r"\u2191|higher\s+is\s+better|\(higher", re.I)

# a label column headed by the kind of its rows: benchmarks, metrics, or the statistics each column's
# system (a tool, a source) is measured by ("Statistic | GROBID | LaTeX")
_BENCH_HEAD = re.compile(r"^\s*(?:benchmarks?|tasks?|datasets?|metrics?|evaluation|eval\.?|test sets?|domains?|subjects?|categories|category|capabilit(?:y|ies)|settings?|statistics?)\b", re.I)
# a label column's header whose last word names the rows' kind ("Structure Category", "Reasoning Tasks")
_BENCH_TAIL = re.compile(r"\b(?:benchmarks?|tasks?|metrics?|categor(?:y|ies)|subjects?|domains?)\s*$", re.I)
# a value column headed by a statistic of a model or a test, not by a system
_STAT_HEAD = re.compile(
    r"^\s*(?:estimates?|coef(?:ficient|f\.?)?s?|s\.?\s?e\.?|std\.? err(?:or)?|s\.?d\.?|z|t|f|\u03b2|beta|b|"
    r"p(?:[- ]?values?)?|\(?(?:a|adjusted )?(?:or|hr|rr|irr)\)?(?: \(95\s?% ?ci\))?|(?:95\s?% ?)?ci|"
    r"odds ratio|hazard ratio|wald(?: \u03c7\s?2| chi2)?|df(?:\s?\d)?|\u03c7\s?2|chi2|lower|upper)\s*[:*\u2020]*\s*$",
    re.I,
)
# a label column headed by the groups of people the columns were given to ("Age groups",
# "Subgroup", "Population"): the columns are the arms, regimens or systems
_POPULATION_HEAD = re.compile(r"^\s*(?:(?:age|patient|population|risk|study) groups?|sub-?groups?|populations?|cohorts?|age bands?)\s*$", re.I)
_SYSTEM_HEAD = re.compile(r"^\s*(?:models?|methods?|systems?|approach(?:es)?|baselines?|architectures?|variants?|configurations?|ablations?|settings)\b", re.I)
# a row naming a setting of a model or of its training ("# Total Parameters (#TP)", "Pre-training
# Tokens", "LR Scheduler", "Hidden size", "Batch size", "Warmup steps"): the whole label, so an
# ablation row that mentions one ("w/o dropout", "+ larger batch size") is not one
_SETTING_ROW = re.compile(
    r"^\s*(?:#\s*|no\.\s*|num\.?\s*|number of\s+)?"
    r"(?:(?:total|active|activated|non-embedding|embedding|trainable|hidden|intermediate|ffn|model|"
    r"max(?:imum)?\.?|min(?:imum)?\.?|peak|initial|final|base|global|micro|per-device|pre-?training|training|"
    r"train|fine-?tuning|context|sequence|seq\.?|attention|query|kv|key-value|routed|shared|expert|vocab(?:ulary)?|"
    r"gradient|weight|learning|lr|warm-?up|label|position(?:al)?|rope|adam|dropout|batch)[\s-]+){0,3}"
    r"(?:param(?:eter)?s?\.?|layers?|heads?|tokens?|dim(?:ension)?s?|size|width|depth|length|len\.?|"
    r"learning\s+rate(?:\s+schedule(?:r)?)?|lr(?:\s+schedule(?:r)?)?|schedul(?:e|er)|optimi[sz]er|"
    r"warm-?up(?:\s+(?:steps|ratio|tokens))?|decay|dropout|epochs?|steps?|iterations?|clipping|clip|"
    r"momentum|smoothing|precision|experts?|activation(?:\s+function)?|norm(?:alization)?|theta|"
    r"architecture|tokenizer|vocab(?:ulary)?|epsilon|eps|[\u03b2\u03b5]\d?|beta\s?\d?|adam\s+[\u03b2\u03b5]\d?)"
    r"\s*(?:\([^)]{0,16}\))?\s*:?\s*$",
    re.I,
)
# value columns that describe a dataset (its size and make-up), not systems evaluated on it
_PROPERTY_HEAD = re.compile(
    r"^\s*(?:#|no\.\s|num\.?\s|number of\b|n_|[A-Za-z]\s*$|\|[A-Za-z]\|\s*$|"
    r"(?:avg\.?\s+|mean\s+|max\.?\s+|min\.?\s+|total\s+)?(?:samples?|instances?|examples?|features?|classes|"
    r"labels?|dim(?:ension)?s?|size|sources?|domains?|types?|languages?|year|length|len\.?|tokens?|docs?|documents?|"
    r"queries|nodes|edges|vocab(?:ulary)?|images|videos|sentences|words|pairs|licen[cs]es?|splits?|train(?:ing)?|"
    r"test(?:ing)?|dev|val(?:idation)?|records|rows|variables|attributes|subjects|patients|users|items|"
    r"references?|refs?\.?|citations?)\b)",
    re.I,
)
_METRIC_LIKE = re.compile(
    r"\((?:em|f1|acc\.?|accuracy|pass@\d+|maj@\d+|cons@\d+|rating|bleu|rouge[-\w]*|%|score|agent mode|avg@\d+|\d+-shot|cot)[^)]*\)"
    r"|pass@\d|\b(?:mmlu|gsm8k|humaneval|mbpp|math|aime|gpqa|bbh|hellaswag|arc|winogrande|triviaqa|naturalquestions|drop|"
    r"livecodebench|codeforces|swe-bench|simpleqa|mmmu|ifeval|c-eval|cmmlu|squad|glue|superglue|imagenet|coco)\b",
    re.I,
)
_RESULTS_CAP = re.compile(
    r"\b(?:results?|performance|comparison|compar(?:e|ing)|accuracy|evaluation|evaluated|benchmarks?|ablation|scores?|"
    r"outperform\w*|versus|vs\.?|baselines?|state[- ]of[- ]the[- ]art|sota|metrics?|f1|bleu|auc|error|speed-?ups?|perplexit(?:y|ies))\b",
    re.I,
)
_NOT_RESULTS_CAP = re.compile(
    r"\b(?:statistics|hyper-?parameters?|configurations?|settings?|notations?|symbols?|examples? of|prompts?|"
    r"templates?|overview of|summary of (?:the )?data|data ?sets? (?:used|details)|architectur\w+|composition|"
    r"demographics?|characteristics|licen[cs]es?|definitions?)\b",
    re.I,
)


def _norm(s: str) -> str:
    return re.sub(r"[^0-9a-z@]+", "", unicodedata.normalize("NFKC", s).casefold())


# -- building Tables -----------------------------------------------------------------------


def _column_labels(header: list[list[str]], ncol: int) -> list[str]:
    labels = []
    for j in range(ncol):
        parts: list[str] = []
        for row in header:
            t = row[j].strip() if j < len(row) else ""
            if t and (not parts or parts[-1] != t):
                parts.append(t)
        labels.append(" / ".join(parts))
    return labels


# a measured amount with its unit ("1 mM", "10\u2013100 \u00b5M", "5 \u00b5g/mL", "37 \u00b0C"): a value, not a name
_QUANTITY = re.compile(
    "^\\d[\\d.,]*(?:\\s?[\u2013-]\\s?\\d[\\d.,]*)?\\s?(?:[pn\u00b5\u03bcm]?M|[pn\u00b5\u03bcmk]?g(?:/(?:[m\u00b5\u03bcd]?L|kg|day))?|"
    "[\u00b5\u03bcmd]?L|[nm\u00b5\u03bcc]m|mg/kg|IU(?:/mL)?|U/mL|\u00b0C|mmHg|kDa|Da|nmol|\u00b5mol|mmol(?:/L)?|"
    "weeks?|days?|months?|years?|hours?|minutes?|wks?|mo|yrs?)$")


# a range of shares or decimals ("28.6—95%", "50–100%", "0.2–0.5"): a value (a range across studies)
_RANGE_VALUE = re.compile(r"^\d+(?:\.\d+)?%?\s?[\u2013\u2014]\s?\d+(?:\.\d+)?%$|^\d*\.\d+\s?[\u2013\u2014]\s?\d*\.\d+$")
# a setting's search space as settings tables print it: a set in braces, of numbers or of
# words ("{1, . . . , 100}", "{uniform, weighted}", "none or {2, . . . , 50}"), or an interval
# of numbers with a decimal, an exponent or a sign in a bound ("[0.01, 1.0]", "[1e−4, 1e5]";
# a bracketed pair of whole numbers is a citation)
_SPACE_CELL = re.compile(r"^(?:[\w-]+ or )?\{[^{}]{1,80}\}$|^[\[(]\s*[-+\u2212]?\d+(?:\.\d+)?(?:[eE][-+\u2212]?\d+)?\s*,"
                         r"\s*[-+\u2212]?\d+(?:\.\d+)?(?:[eE][-+\u2212]?\d+)?\s*[\])]$")


def _space_cell(c: str) -> bool:
    if not _SPACE_CELL.match(c):
        return False
    return c.endswith("}") or bool(re.search(r"\d[.eE]|[-+\u2212]\d", c))


# a share standing as a word of its own ("100%", "88%;"); not a decimal ("sep = 2.0" is a setting)
_FREE_VALUE = re.compile(r"^\(?[-+\u2212]?\d+(?:\.\d+)?%[;,)]?$")


def _qualified(c: str) -> bool:
    """A value with words around it ("Nurses 88% (78–95)", "96% (94–98) (n=22 studies)")."""
    return any(_FREE_VALUE.match(t) for t in c.split())


def _numeric_share(cells: list[str], counts: bool = True, qualified: bool = False) -> tuple[float, int]:
    """Share (and count) of value cells among the non-missing ones: numbers, the statistics
    cells of clinical and survey tables ("46.0 (34.0, 59.0)", "16/47", "p=0.007", "NS", a
    range "50—100%") and (``counts``) counts with a magnitude suffix ("8464K", "1M", "6.9B");
    with ``qualified`` (a column right of the row labels), also values with words around them
    ("Nurses 88% (78–95)")."""
    vals = [c for c in cells if not is_missing(c)]
    if not vals:
        return 0.0, 0
    n = sum(1 for c in vals if parse_number(c) is not None or is_stat_cell(split_marks(c)[0])
            or (counts and is_count_cell(split_marks(c)[0])) or _QUANTITY.match(split_marks(c)[0].strip())
            or _RANGE_VALUE.match(split_marks(c)[0].strip()) or (qualified and _qualified(split_marks(c)[0]))
            or _space_cell(split_marks(c)[0].strip()))
    return n / len(vals), n


def _table_of(doc: Document, rt: RawTable, n: int) -> Table:
    cap = doc.captions[rt.caption] if rt.caption is not None and 0 <= rt.caption < len(doc.captions) else None
    caption = cap.text if cap else ""
    label = cap.label if cap else ""
    grid = [[c.text for c in r] for r in rt.rows]
    ncol = max((len(r) for r in grid), default=0)
    grid = [r + [""] * (ncol - len(r)) for r in grid]
    boldg = [[c.bold for c in r] + [False] * (ncol - len(r)) for r in rt.rows]
    hn = min(rt.header_rows, len(grid))
    header = grid[:hn]
    body = grid[hn:]
    bold = boldg[hn:]
    notes = list(rt.notes)
    table = Table(
        id=f"d{rt.doc}-p{rt.page}-t{n}", doc=rt.doc, page=rt.page, bbox=rt.bbox, caption=caption, label=label,
        is_results=False, columns=_column_labels(header, ncol), header=header, rows=body, bold=bold,
        pages=list(rt.pages) or [rt.page], method=rt.method, notes=notes,
    )
    if not body or ncol < 2:
        if rt.method == "skipped" or not body:
            table.notes.append("no body rows recovered")
        return table
    # value columns: mostly numbers
    value_rows = [r for r in body if not _is_category(r) and not _regroup_cells(r)]
    shares = [_numeric_share([r[j] for r in value_rows], qualified=j >= 1 and _texty([r[0] for r in value_rows]))
              for j in range(ncol)]
    numeric_cols = [j for j, (sh, cnt) in enumerate(shares) if sh >= 0.6 and cnt >= 1]
    first_num = min(numeric_cols) if numeric_cols else ncol
    label_cols = [j for j in range(first_num) if _texty([r[j] for r in value_rows])]
    value_bold = [b for r, b in zip(body, bold) if not _is_category(r) and not _regroup_cells(r)]
    if label_cols and first_num == label_cols[-1] + 1 and _typeset_as_labels(value_rows, value_bold, label_cols[-1], first_num, numeric_cols):
        # numbers set like the row labels beside them ("Hold-out | 10%", both bold, values not):
        # part of the row's name, not a value column (nor bold best values)
        label_cols.append(first_num)
        numeric_cols = [j for j in numeric_cols if j != first_num]
        notes.append(f"column {table.columns[first_num].split(' / ')[-1]!r} set like the row labels: part of the row's name")
    label_cols, attr_cols = _label_roles(label_cols, value_rows)
    sys_col = label_cols[-1] if label_cols else 0
    table.attribute_columns = attr_cols
    if attr_cols:
        notes.append("attribute column(s) " + ", ".join(repr(table.columns[j].split(" / ")[-1]) for j in attr_cols)
                     + ": settings of each row, not part of its name")
    table.system_column = sys_col
    table.metric_columns = [j for j in numeric_cols if j > sys_col]
    table.lower_is_better = [bool(_LOWER_BETTER.search(c)) and not _HIGHER_BETTER.search(c) for c in table.columns]
    blocks = _side_by_side(table.columns, value_rows, sys_col, numeric_cols)
    if blocks:
        table.notes.append("side-by-side tables: the label column(s) "
                           + ", ".join(repr(table.columns[j].split(" / ")[-1]) for j in blocks)
                           + " name the rows of the value columns to their right")
    table.regrouped = any(_regroup_cells(r) for r in body)
    orient, oconf, owhy = _orientation_evidence(table, value_rows, value_bold, sys_col, _own_name(doc, rt.doc))
    table.orientation = orient
    if orient == "columns" and attr_cols and _rows_are_settings(table, value_rows, sys_col):
        # systems across the top, the rows their settings: the word and size columns ("Cosine",
        # "16B") taken for the rows' attributes are the systems' values
        table.metric_columns = sorted(set(table.metric_columns) | {j for j in attr_cols if j > sys_col})
        attr_cols = [j for j in attr_cols if j < sys_col]
        table.attribute_columns = attr_cols
    table.notes.append("orientation: " + ("systems are columns" if orient == "columns" else "systems are rows")
                       + f" ({'; '.join(owhy)})")
    cap_text = caption
    score = 0
    if table.metric_columns and len(value_rows) >= 2:
        score += 1
        if _RESULTS_CAP.search(cap_text):
            score += 2
        if _NOT_RESULTS_CAP.search(cap_text):
            score -= 2
        if _describes_entries(table, sys_col, value_rows):
            score -= 2
        if any(_METRIC_LIKE.search(c) or _LOWER_BETTER.search(c) or _HIGHER_BETTER.search(c) for c in table.columns):
            score += 1
        if orient == "columns":
            score += 1
        if any(any(b for b in row) for row in bold):
            score += 1
        if not cap_text and rt.method != "merged":
            score -= 1
    table.is_results = score >= 2
    settings = [] if orient == "columns" or blocks else _setting_columns(value_rows, label_cols, numeric_cols, sys_col, ncol)
    _long_and_best(table, body, label_cols or [sys_col], blocks, attr_cols, settings)
    if orient == "columns":
        table.notes.append("transposed: benchmarks are rows, systems are columns")
    _confidence(table, rt, oconf)
    return table


_GENERIC = re.compile(r"^(?:column \d+|)$")
# a count with its magnitude, alone or with its share ("14.28K", "28.9M (35.6%)"): a value as printed
_COUNT_CELL = re.compile(r"^[~\u2248]?\d+(?:[.,]\d+)*\s?[KMBTk](?:\s*[(\[]\s*\d+(?:\.\d+)?\s*%\s*[)\]])?$")


def _confidence(table: Table, rt: RawTable, orient_conf: float) -> None:
    """How surely the table and each of its cells were read (``Table.confidence``,
    ``TableRecord.confidence``): the grid (drawn cell rules, or word geometry and how regular
    its rows are), the header (every value column named, no column name twice), the
    orientation (how strong its cues were) and the labels (every cell keyed by a non-empty,
    unique system/column pair). ``overall`` is the weakest of the four."""
    why: list[str] = []
    recs = table.long
    mc = table.metric_columns
    value_rows = [r for r in table.rows if not _is_category(r)]
    if rt.method == "lines":
        grid = 0.9
    elif not mc or not value_rows:
        grid = 0.0
        why.append("no column of values found")
    else:
        filled = [sum(1 for j in mc if j < len(r) and r[j].strip()) / len(mc) for r in value_rows]
        # (a count with a magnitude suffix, "13B", "2.9M", read as a value of a size column, is a value
        # here too: not a sign of merged or split columns; and so is a statistics cell, an estimate
        # with its interval "1.43 (1.09–1.88)", a count with its share, a p-value "<0.0001")
        parsed = [sum(1 for j in mc if j < len(r) and r[j].strip() and (parse_number(r[j]) is not None or is_missing(r[j])
                                                                       or is_count_cell(split_marks(r[j])[0])
                                                                       or is_stat_cell(split_marks(r[j])[0])))
                  / max(1, sum(1 for j in mc if j < len(r) and r[j].strip())) for r in value_rows]
        grid = round(0.9 * (0.5 + 0.5 * sum(filled) / len(filled)) * (sum(parsed) / len(parsed)), 3)
        # two values run together in one cell ("0.140 (0.013) 0.128 (0.015)"): a column gutter was missed
        right = [r[j] for r in value_rows for j in range(table.system_column + 1, len(r)) if r[j].strip()]
        merged = sum(1 for c in right if parse_number(c) is None and not re.search(r"[A-Za-z]{2}", c) and not _FRACTION.match(c)
                     and len(re.findall(r"\d+(?:\.\d+)?", re.sub(r"(?:\u00b1|\+/?-)\s*\d+(?:\.\d+)?|\([^()]*\)", " ", c))) >= 2)
        if right and merged:
            grid = round(grid * (1 - merged / len(right)) * (0.5 if merged / len(right) > 0.1 else 1.0), 3)
            why.append(f"{merged} cells hold two values (a column gutter missed)")
        if grid < 0.6:
            why.append("value cells often empty or not numbers (columns merged or split)")
    heads = [table.columns[j] for j in mc] if mc else []
    named = [h for h in heads if not _GENERIC.match(h.strip())]
    header = len(named) / len(heads) if heads else 0.0
    leaves = [h for h in named]
    if len(set(leaves)) < len(leaves):
        header *= 0.6
        why.append("two value columns share one name")
    if header < 1.0 and heads:
        why.append(f"{len(heads) - len(named)} of {len(heads)} value columns unnamed")
    for factor, doubt in _label_doubts(table, rt, value_rows):
        header *= factor
        why.append(doubt)
    orient = orient_conf
    keys: dict[tuple[str, str], int] = {}
    for r in recs:
        keys[(r.system, r.column)] = keys.get((r.system, r.column), 0) + 1
    good = sum(1 for r in recs if r.system.strip() and r.column.strip() and not _GENERIC.match(r.system)
               and not _GENERIC.match(r.column) and keys[(r.system, r.column)] == 1)
    labels = good / len(recs) if recs else 0.0
    if recs and labels < 1.0:
        why.append(f"{len(recs) - good} of {len(recs)} cells without a unique system/column label")
    overall = round(min(grid, header, orient, labels), 3)
    table.confidence = {"overall": overall, "confident": overall >= 0.6, "grid": round(grid, 3),
                        "grid_from": "rules" if rt.method == "lines" else "word geometry",
                        "header": round(header, 3), "orientation": round(orient, 3), "labels": round(labels, 3),
                        "why": why}
    for r in recs:
        c = overall
        if (r.value is not None and not isinstance(r.value, (int, float)) and not _COUNT_CELL.match(split_marks(str(r.value))[0].strip())
                and not is_stat_cell(split_marks(str(r.value))[0])):
            c = min(c, 0.2)  # text where a number was expected: two cells run together, or a label
            # (a statistics cell is a value: an estimate with its interval, a count with its share)
        if keys[(r.system, r.column)] > 1 or not r.system.strip() or _GENERIC.match(r.column) or _GENERIC.match(r.system):
            c = min(c, 0.3)
        if r.marks:
            c = min(c, 0.9)
        r.confidence = round(c, 3)


_VALUE_LIKE_LABEL = re.compile(r"^[<>~\u2248(]?[-+\u2212]?\d[\d.,]*\s?(?:[KMBTkmbt%x\u00d7]|\d+)?\)?$")


def _sweep(labels: list[str]) -> bool:
    """Column names that are the settings of a sweep ("1 | 4 | 16 | 64", "1 | 7 | 21 | 51"):
    numbers that grow strictly from left to right."""
    vals = [parse_number(x) for x in labels]
    vals = [v for v in vals if v is not None]
    return len(vals) >= 3 and len(vals) >= 0.8 * len(labels) and all(b > a for a, b in zip(vals, vals[1:]))


def _label_doubts(table: Table, rt: RawTable, value_rows: list[list[str]]) -> list[tuple[float, str]]:
    """Signs that the labels were read wrong though the grid is right (each halves the
    header's confidence, so that a cross-check on the table says ``unverified``): value
    columns named by numbers ("67B | 72B": a data row or a header's second line taken for the
    header); the first row under the header without a label while the rows below have one (the
    header's second line read as a row); a label cut at a line-end hyphen ("S2ORC-"); a group
    row repeating a column's name (a header piece read as a group); header cells whose words are
    set in two typefaces (header lines and a data row merged)."""
    out: list[tuple[float, str]] = []
    mc = table.metric_columns
    leaves = [clean_label(table.columns[j].split(" / ")[-1]) for j in mc if j < len(table.columns)]
    leaves = [x for x in leaves if x]
    full = [clean_label(table.columns[j]) for j in mc if j < len(table.columns)]
    numeric = [x for x in full if _VALUE_LIKE_LABEL.match(x.replace(" / ", " "))]
    if full and len(numeric) >= 0.5 * len(full) and not _sweep(numeric):
        out.append((0.5, "value columns named by numbers (a data row or a header line read as the header?)"))
    label_cols = [j for j in range(table.system_column + 1) if j not in table.attribute_columns]
    if len(value_rows) >= 3 and mc:
        has = [any(r[j].strip() for j in label_cols if j < len(r)) for r in value_rows]
        if not has[0] and sum(has[1:]) >= 0.8 * (len(has) - 1):
            out.append((0.5, "the first row has no label (the header's second line read as a row?)"))
    cut = [x for x in full + [r[table.system_column] for r in value_rows if table.system_column < len(r)]
           if re.search(r"[A-Za-z0-9]-$", x.strip())]
    if cut:
        out.append((0.5, f"a label cut at a line-end hyphen ({cut[0].strip()!r})"))
    cats = {clean_label(r[0]).casefold() for r in table.rows if _is_category(r)}
    names = {x.casefold() for x in leaves} | {w.casefold() for x in leaves for w in x.split() if len(w) >= 4}
    same = sorted(c for c in cats if c and c in names)
    if same:
        out.append((0.5, f"a group row repeats a column's name ({same[0]!r}: a header piece read as a group?)"))
    if any(n.startswith("header cells set in two typefaces") for n in rt.notes):
        out.append((0.5, "header cells set in two typefaces (header lines and a data row merged?)"))
    return out


def _texty(cells: list[str]) -> bool:
    """A label column: most filled cells are words, not magnitudes like '7B' or '100K'."""
    filled = [c for c in cells if c.strip()]
    if not filled:
        return False
    words = sum(1 for c in filled if sum(ch.isalpha() for ch in c) >= 2 and not re.match(r"^[\d.,]+\s?[A-Za-z%]{1,2}$", c.strip()))
    return words >= 0.6 * len(filled)


def _is_category(row: list[str]) -> bool:
    filled = [c for c in row if c.strip()]
    return len(filled) == 1 and row[0].strip() != "" and parse_number(row[0]) is None


def _regroup_cells(row: list[str]) -> dict[int, str]:
    """A body line that names the column groups again for the rows under it (the reader puts
    each group's name in every column of its group, the label cells empty): {column: name}, or
    {} for any other line."""
    if not row or row[0].strip():
        return {}
    filled = {j: c.strip() for j, c in enumerate(row) if c.strip()}
    if len(set(filled.values())) < 2 or any(parse_number(c) is not None or is_missing(c) for c in filled.values()):
        return {}
    for name in set(filled.values()):
        js = sorted(j for j, c in filled.items() if c == name)
        if len(js) < 2 or js != list(range(js[0], js[-1] + 1)):
            return {}
    return filled


@functools.lru_cache(maxsize=8192)
def _benchmark_like(label: str) -> bool:
    """A label naming a benchmark, dataset or metric (not a system)."""
    from ..nlp.lexicon import quantity_lexicon

    if not label.strip():
        return False
    if _METRIC_LIKE.search(label) or _LOWER_BETTER.search(label) or _HIGHER_BETTER.search(label):
        return True
    lex = quantity_lexicon()
    return bool(lex["benchmarks"].spans(label) or lex["metrics"].spans(label))


def _scale_spreads(rows: list[list[str]], cols: list[int]) -> tuple[float | None, float | None]:
    """How far the values' orders of magnitude spread along a row and down a column: the median
    over rows (and over the given columns) holding three or more non-zero numbers of
    log10(max |v|) - log10(min |v|); None where no row (column) holds three."""
    nums = [[parse_number(r[j]) if j < len(r) else None for j in cols] for r in rows]

    def spread(vals: list[float | None]) -> float | None:
        logs = [math.log10(abs(v)) for v in vals if v]
        return max(logs) - min(logs) if len(logs) >= 3 else None

    def median(xs: list[float]) -> float | None:
        xs = sorted(xs)
        return None if not xs else (xs[len(xs) // 2] if len(xs) % 2 else (xs[len(xs) // 2 - 1] + xs[len(xs) // 2]) / 2)

    by_row = [s for s in (spread(r) for r in nums) if s is not None]
    by_col = [s for s in (spread([r[k] for r in nums]) for k in range(len(cols))) if s is not None]
    return median(by_row), median(by_col)


def _columns_measure_entries(table: Table, rows: list[list[str]] | None) -> bool:
    """Each row's values span orders of magnitude while each column keeps one scale
    ("Samples 226,677 | Docs 1 | Words 454.5 | Coverage 0.67"): the columns are different
    quantities of the row's entry, not systems scored on one metric (whose values along a row
    share the metric's scale)."""
    if not rows or len(table.metric_columns) < 3:
        return False
    across, down = _scale_spreads(rows, table.metric_columns)
    return across is not None and down is not None and across >= 1.0 and across >= down + 0.5


def _describes_entries(table: Table, sys_col: int, rows: list[list[str]] | None = None) -> bool:
    """A table that describes its datasets or benchmarks (label column headed "Dataset", value
    columns their sizes and make-up: "#Docs", "n", "Test items"), not results on them. The
    columns are known as properties by their names or, whatever they are called ("Sents",
    "Compress", "|source| (words)"), by their numbers: quantities of different scales along
    each row, one scale down each column."""
    head = table.columns[sys_col] if sys_col < len(table.columns) else ""
    leaf = head.split(" / ")[-1] if head else ""
    props = [c.split(" / ")[-1] for c in (table.columns[j] for j in table.metric_columns)]
    props = [c for c in props if c.strip()]
    # words printed beside each entry ("Dataset | gRNA library | Cell Line") describe it too
    attrs = [j for j in getattr(table, "attribute_columns", []) or [] if j < len(table.columns)]
    n_prop = sum(1 for c in props if _PROPERTY_HEAD.match(c)) + len(attrs)
    if not (_BENCH_HEAD.match(leaf) and props):
        return False
    return n_prop >= 0.6 * (len(props) + len(attrs)) or _columns_measure_entries(table, rows)


def _rows_are_settings(table: Table, rows: list[list[str]], sys_col: int) -> bool:
    """Most row labels (at least three, and 60%) name a setting of a model or of its training
    ("# Total Parameters (#TP)", "LR Scheduler", "Layers") while no value column does: the
    systems are the columns, whatever the corner cell says."""
    labels = [r[sys_col].strip() for r in rows if sys_col < len(r) and r[sys_col].strip()]
    # (value columns of words and unit-suffixed numbers, "16B" | "Cosine", are set apart as
    # attribute columns: they count as the columns here)
    js = sorted(set(table.metric_columns) | set(getattr(table, "attribute_columns", []) or []))
    cols = [table.columns[j].split(" / ")[-1] for j in js if j < len(table.columns) and j != sys_col]
    if len(labels) < 3 or not cols:
        return False
    if any(_SETTING_ROW.match(c) or _SETTING_HEAD.match(c) for c in cols):
        return False
    return sum(1 for t in labels if _SETTING_ROW.match(t)) >= max(3, 0.6 * len(labels))


def _own_name(doc: Document, doc_index: int) -> str:
    """The paper's own system as its title names it before a colon ("MoBA: Mixture of Block
    Attention" -> "MoBA"), or ""."""
    files = getattr(doc, "files", None) or []
    f = files[doc_index] if 0 <= doc_index < len(files) else None
    title = (getattr(f, "title", "") or "").strip()
    head = re.split(r"\s*[:\u2013\u2014]\s+", title, maxsplit=1)[0].strip()
    if head == title or not 0 < len(head.split()) <= 2 or len(head) < 3:
        return ""
    return head


def _names(label: str, name: str) -> bool:
    return bool(re.search(r"(?<![\w-])" + re.escape(name.casefold()) + r"(?![\w])", label.casefold()))


def _orientation_evidence(table: Table, rows: list[list[str]], bold: list[list[bool]], sys_col: int,
                          own: str = "") -> tuple[str, float, list[str]]:
    """Which axis holds the systems, from the content: the label column's header ("Model" /
    "Dataset"), which labels name benchmarks or metrics (a lexicon and metric words), and
    where the bold best values fall (one per column: systems are rows; one per row: systems
    are columns). Returns (orientation, confidence 0-1, the reasons)."""
    head = table.columns[sys_col] if sys_col < len(table.columns) else ""
    leaf = head.split(" / ")[-1] if head else ""
    score = 0.0  # > 0: systems are columns
    why: list[str] = []
    if _describes_entries(table, sys_col, rows):
        # "Dataset | #Docs | #Q | Source": the columns describe the datasets, which are the entries
        score -= 3
        props = [table.columns[j].split(" / ")[-1] for j in table.metric_columns]
        how = "" if not _columns_measure_entries(table, rows) else ", values of different scales along each row"
        why.append(f"label column headed {leaf!r}, but the columns are properties of its entries ({', '.join(props[:3])}{how})")
    elif _BENCH_HEAD.match(leaf) or _BENCH_TAIL.search(leaf):
        score += 3
        why.append(f"label column headed {leaf!r}")
    elif _rows_are_settings(table, rows, sys_col):
        # "Model | DeepSeek-Coder-V2-Lite | DeepSeek-Coder-V2" over "# Total Parameters", "LR
        # Scheduler" (or "Hyperparameter | BERT | RoBERTa"): the rows are settings of the systems
        # across the top, whatever the corner cell says (a "Model" there names the columns)
        score += 3
        why.append((f"label column headed {leaf!r}, but its" if leaf.strip() else "its")
                   + " rows are settings of the systems across the top")
    elif _SYSTEM_HEAD.match(leaf):
        score -= 3
        why.append(f"label column headed {leaf!r}")
    elif _POPULATION_HEAD.match(leaf) and table.metric_columns and not any(
            _STAT_HEAD.match(table.columns[j].split(" / ")[-1]) for j in table.metric_columns):
        # (not under statistics: "Subgroup | HR (95% CI) | p" measures each group, no arms)
        score += 3
        why.append(f"label column headed {leaf!r}: groups of people, the columns their arms or regimens")
    labels = [r[sys_col] for r in rows if sys_col < len(r) and r[sys_col].strip()]
    cols = [table.columns[j] for j in table.metric_columns]
    # (value columns that are nearly all statistics of a test, "df 1 | df 2 | F | p", settle it: each
    # row is an effect or a variable, whatever its label looks like, "Time × Group")
    all_stats = bool(cols) and sum(1 for c in cols if _STAT_HEAD.match(c.split(" / ")[-1])) >= 0.75 * len(cols)
    if labels and cols and not all_stats:
        rb = sum(1 for t in labels if _benchmark_like(t)) / len(labels)
        cb = sum(1 for t in cols if _benchmark_like(t.split(" / ")[-1])) / len(cols)
        if rb >= 0.5 and cb < 0.3:
            score += 2
            why.append(f"{rb:.0%} of row labels name benchmarks or metrics, {cb:.0%} of column labels")
        elif cb >= 0.5 and rb < 0.3:
            score -= 2
            why.append(f"{cb:.0%} of column labels name benchmarks or metrics, {rb:.0%} of row labels")
    # value columns headed by statistics ("Estimate | S.E. | Z | P-value", "OR (95% CI) | p-value"):
    # each row is a variable or a level, the columns what is measured of it
    if cols:
        stat = sum(1 for c in cols if _STAT_HEAD.match(c.split(" / ")[-1])) / len(cols)
        if stat >= 0.5:
            score -= 2
            why.append(f"{stat:.0%} of column labels are statistics")
    # systems across the top, each over the same run of metric sub-columns, named again for a
    # later block of rows by a line inside the body ("BART, Multitask: ..." over Samples R-1 ...)
    if cols and getattr(table, "regrouped", False) and _metric_subcolumns(
            list(table.columns), table.metric_columns, named=True):
        score += 3
        why.append("column groups over the same metrics, named again inside the body")
    # the paper's own system (its title names it) heads a column, or labels a row
    if own and labels and cols:
        in_cols = any(_names(c, own) for c in cols)
        in_rows = any(_names(t, own) for t in labels)
        if in_cols != in_rows:
            score += 2 if in_cols else -2
            why.append(f"the paper's own system {own!r} names a {'column' if in_cols else 'row'}")
    # bold best values: one per row or one per column
    mc = table.metric_columns
    if bold and mc and len(rows) >= 3 and len(mc) >= 3:
        per_row = [sum(1 for j in mc if j < len(b) and b[j]) for b in bold]
        per_col = [sum(1 for b in bold if j < len(b) and b[j]) for j in mc]
        rows_one = sum(1 for n in per_row if n >= 1)
        cols_one = sum(1 for n in per_col if n >= 1)
        nb = sum(per_row)
        if nb >= 3:
            # one best per row: (nearly) every row has one or two bold cells and some column holds
            # more than two (which one best per column cannot give); and the same the other way
            by_row = rows_one >= 0.7 * len(rows) and max(per_row) <= 2 and (cols_one < 0.7 * len(mc) or (
                max(per_col) > 2 and nb <= 1.3 * rows_one))
            by_col = cols_one >= 0.7 * len(mc) and max(per_col) <= 2 and (rows_one < 0.7 * len(rows) or (
                max(per_row) > 2 and nb <= 1.3 * cols_one))
            if by_row and not by_col:
                score += 1.5
                why.append("bold best values one per row")
            elif by_col and not by_row:
                score -= 1.5
                why.append("bold best values one per column")
    if score > 0 and len(table.columns) - sys_col - 1 == 1 and len(cols) <= 1 and not (own and cols and _names(cols[0], own)):
        # one value column: each row is an entry measured once and the column's header names
        # the measure ("Characteristic | Value", "Metric | Score", "Model | Perplexity"); a
        # single system across the top is the paper's own, named so
        score = 0.0
        why.append(f"one value column ({table.columns[-1].split(' / ')[-1]!r}): its rows are the entries")
    orient = "columns" if score > 0 else "rows"
    if not why:
        conf = 0.7  # no cue either way: the usual layout, systems as rows
        why.append("no cue: systems taken as rows (the usual)")
    else:
        conf = min(1.0, 0.5 + abs(score) / 6)
    return orient, round(conf, 2), why


def _orientation(table: Table, rows: list[list[str]], sys_col: int) -> str:
    return _orientation_evidence(table, rows, [], sys_col)[0]


def _side_by_side(columns: list[str], rows: list[list[str]], sys_col: int, numeric_cols: list[int]) -> list[int]:
    """Label columns inside the value area: two (or more) tables printed next to each other
    under one caption, each with its own label column ("Method | Rank | Score || Method |
    Rank | Score"). A text column right of the first label column starts a sub-table when
    value columns follow it and either its header repeats the first label column's or the
    value headers after it repeat those after the first label column; its cells name the
    rows of the value columns up to the next such column."""
    if not rows or not numeric_cols:
        return []
    ncol = len(columns)
    leaf = [c.split(" / ")[-1].strip().casefold() for c in columns]
    first_vals = [j for j in numeric_cols if j > sys_col]
    out: list[int] = []
    for j in range(sys_col + 1, ncol):
        if j in numeric_cols or not any(k > j for k in numeric_cols):
            continue
        cells = [r[j] for r in rows if j < len(r)]
        filled = [c.strip() for c in cells if c.strip()]
        if len(filled) < 2 or not _texty(cells) or len(set(filled)) < 0.7 * len(filled):
            continue
        after = [leaf[k] for k in range(j + 1, ncol) if k in numeric_cols][:len(first_vals)]
        before = [leaf[k] for k in first_vals if k < j][:len(after)]
        same_head = bool(leaf[sys_col]) and leaf[j] == leaf[sys_col]
        repeats = len(after) >= 2 and after == before and any(after)
        if same_head or repeats:
            out.append(j)
    return out


_CITATION_CELL = re.compile(
    r"^\s*(?:\[[\d,\s\u2013-]+\]|[A-Z][^\s()]*(?:\s+(?:et\s+al\.?|and\s+[A-Z][^\s()]*|&\s+[A-Z][^\s()]*))?(?:,?\s+\(?|\()(?:19|20)\d\d[a-z]?\)?)\s*$")


def _typeset_as_labels(rows: list[list[str]], bold: list[list[bool]], lab: int, j: int, numeric_cols: list[int]) -> bool:
    """Column ``j`` (numbers right of the label column ``lab``) is printed in the labels' typeface:
    every cell of it bold, every filled label bold, and most of the values right of it not.
    Counts with a magnitude ("7B") are sizes, values of their own."""
    if len(rows) < 3 or len(bold) != len(rows) or not any(k > j for k in numeric_cols):
        return False
    cells = [(r[j].strip(), b[j]) for r, b in zip(rows, bold) if j < len(r)]
    if not cells or not all(t and bb for t, bb in cells) or any(is_count_cell(split_marks(t)[0]) for t, _ in cells):
        return False
    labs = [b[lab] for r, b in zip(rows, bold) if r[lab].strip()]
    if not labs or not all(labs):
        return False
    vals = [b[k] for r, b in zip(rows, bold) for k in numeric_cols if k > j and k < len(r) and r[k].strip()]
    return bool(vals) and sum(vals) < 0.5 * len(vals)


def _label_roles(label_cols: list[int], rows: list[list[str]]) -> tuple[list[int], list[int]]:
    """The label columns' roles: (naming columns, attribute columns). The row's *key* is the
    label column whose cells tell the rows apart best (most distinct values; citation columns
    never); label columns left of it are its groups and name the row with it ("English / BBH
    (EM)"); label columns right of it whose values repeat or cite ("# Shots": "5-shot",
    "Task": "NER", "Reference": "Li et al. (2016)") are settings of the row, not part of its
    name (they are added to a name only where two rows would otherwise share it)."""
    if len(label_cols) < 2 or not rows:
        return label_cols, []
    stats = []
    for j in label_cols:
        cells = [r[j].strip() for r in rows if j < len(r)]
        filled = [c for c in cells if c and not is_missing(c)]
        distinct = len(set(filled)) / len(filled) if filled else 0.0
        cite = sum(1 for c in filled if _CITATION_CELL.match(c)) / len(filled) if filled else 0.0
        stats.append((j, distinct, cite, len(filled) / max(1, len(cells))))
    cands = [t for t in stats if t[2] < 0.5 and t[3] >= 0.5]
    if not cands:
        return label_cols, []
    best = max(t[1] for t in cands)
    full = [t[0] for t in cands if t[1] >= 1.0 - 1e-9 and t[3] >= 1.0 - 1e-9]
    if full and any(t[0] > min(full) and t[1] >= best - 1e-9 for t in cands):
        # a column that names every row alone, and columns right of it as distinct ("Dataset | gRNA
        # library | Cell Line": Achilles | Avana | (many); "Outcome | HIV | TB": National commitments
        # | Increased | Stagnant): the first names the row, the ones right of it describe it
        key = min(full)
        attrs = [j for j, *_ in stats if j > key]
        return [j for j in label_cols if j not in attrs], attrs
    key = max(t[0] for t in cands if t[1] >= best - 1e-9)
    attrs = [j for j, distinct, cite, _f in stats if j > key and (cite >= 0.5 or distinct < best)]
    return [j for j in label_cols if j not in attrs], attrs


_CHECK = "\u2713\u2714\u2611\u2705\u221a"
_CROSS = "\u2717\u2718\u2715\u2716\u00d7\u2612"
# a numbered setting of the row, not a result ("Shots", "Size (B)", "#Params", "k", "Layers")
_SETTING_HEAD = re.compile(r"^\s*(?:#\s*)?(?:k[\s-]?shots?|shots?|#?\s*params?\.?|parameters?|(?:model\s+)?size|layers?|"
                           r"heads?|k|beams?|rank|bits?|epochs?|steps?|resolution|res\.?|context(?:\s+length)?|seq\.?\s*len(?:gth)?)"
                           r"\s*(?:\([^)]{0,12}\))?\s*$", re.I)


# a simple fraction with a small denominator ("1/2", "3/4"), not a count of a total ("16/47")
_SHARE_SETTING = re.compile(r"[1-9]/(?:[2-9]|1[0-6])")


def _short_setting(c: str) -> bool:
    """A cell that can set a row: a checkmark or cross, or a word or two ("Yes", "LoRA", "full")."""
    t = c.strip()
    if not t or t in _CHECK or t in _CROSS:
        return True
    return len(t) <= 24 and len(t.split()) <= 3 and parse_number(t) is None


def _setting_columns(rows: list[list[str]], label_cols: list[int], numeric_cols: list[int], sys_col: int,
                     ncol: int) -> list[int]:
    """Columns right of the row names that are neither names nor values: a checkmark column, a
    "Frozen" Yes/No, a method variant set after a size column or after the scores, a short code
    ("A3"). Each cell a mark or a word or two."""
    out = []
    for j in range(sys_col + 1, ncol):
        if j in label_cols or j in numeric_cols:
            continue
        cells = [r[j].strip() for r in rows if j < len(r)]
        filled = [c for c in cells if c]
        if not filled or not all(_short_setting(c) for c in cells):
            continue
        out.append(j)
    return out


def _setting_word(cell: str, head: str) -> str:
    """What a setting cell adds to a row's name: a checkmark names its column ("+ Aug." is
    "Aug."), a cross or an empty cell nothing, a word itself."""
    t = cell.strip()
    if not t or t in _CROSS or is_missing(t):
        return ""
    if t[0] in _CHECK:
        return head
    return clean_label(t)


def _row_label(row: list[str], label_cols: list[int], category: str, keep_marks: bool = False) -> str:
    parts = [category] if category else []
    for j in label_cols:
        t = re.sub(r"\s+", " ", _CITE.sub("", row[j])).strip(" :;,") if keep_marks else clean_label(row[j])
        if t and t not in parts:
            parts.append(t)
    return " / ".join(parts)


def _metric_subcolumns(col_labels: list[str], metric_cols: list[int], named: bool = False) -> dict[int, tuple[str, str]]:
    """Systems across the top, each over the same run of metric sub-columns ("GROBID CRF" over
    P / R / F1, "RoBERTa" over P / R / F1): {column: (system, metric)}, so that the metric goes
    with the benchmark row and the system is the group name alone. Only where every group has
    the same leaves and one of them names a metric (family / size headers, "Llama 3 / 8B", stay)."""
    groups: dict[str, list[str]] = {}
    split: dict[int, tuple[str, str]] = {}
    for j in metric_cols:
        levels = col_labels[j].split(" / ")
        if len(levels) < 2:
            return {}
        head, leaf = " / ".join(levels[:-1]), levels[-1]
        groups.setdefault(head, []).append(leaf)
        split[j] = (head, leaf)
    runs = list(groups.values())
    if len(runs) < 2 or len(runs[0]) < 2 or any(r != runs[0] for r in runs):
        return {}
    if not named and not any(_benchmark_like(x) for x in runs[0]):
        # (``named``: the groups are named again inside the body for other rows, so they are
        # the systems whatever their leaves)
        return {}
    return split


def _parent_rows(body: list[list[str]], metric_cols: list[int]) -> dict[int, int]:
    """Rows that head the rows under them (clinical and survey tables: a variable with its
    p-value, then its levels with their shares): a row whose few value cells lie only in columns
    that the two or more rows after it all leave empty, while those rows fill the same other
    columns. Returns {level row: its variable row}."""
    out: dict[int, int] = {}
    if len(metric_cols) < 2:
        return out

    def filled(r: list[str]) -> frozenset[int]:
        return frozenset(j for j in metric_cols if j < len(r) and r[j].strip() and not is_missing(r[j]))

    sets = [filled(r) for r in body]
    i = 0
    while i < len(body):
        a = sets[i]
        if not a or len(a) > len(metric_cols) // 2 or _is_category(body[i]):
            i += 1
            continue
        kids = []
        n = i + 1
        while n < len(body) and sets[n] and not (sets[n] & a) and (not kids or sets[n] == sets[kids[0]]):
            kids.append(n)
            n += 1
        if len(kids) >= 2:
            for m in kids:
                out[m] = i
            i = n
        else:
            i += 1
    return out


def _long_and_best(table: Table, body: list[list[str]], label_cols: list[int], blocks: list[int] | None = None,
                   attrs: list[int] | None = None, settings: list[int] | None = None) -> None:
    """Long records (row-major over the metric columns) and the best per benchmark. ``blocks``:
    label columns of side-by-side sub-tables; a value column right of one takes its row labels."""
    blocks = sorted(blocks or [])
    sets: list[list[int]] = [list(label_cols)] + [[b] for b in blocks]

    def set_of(j: int) -> int:
        return sum(1 for b in blocks if b < j)

    category = ""
    recs: list[TableRecord] = []
    labels: list[list[str]] = [[] for _ in sets]
    value_rows: list[int] = []
    parents = _parent_rows(body, table.metric_columns) if not blocks else {}
    regroup: dict[int, dict[int, str]] = {}  # value row -> the column groups named above it
    current: dict[int, str] = {}
    for i, row in enumerate(body):
        if _is_category(row):
            category = clean_label(row[0])
            continue
        again = _regroup_cells(row)
        if again:
            if table.orientation == "columns":
                current = {j: clean_label(c) for j, c in again.items()}
            else:
                # systems down the side: the line is a category of the rows under it, its
                # group names read left to right
                category = clean_label(" ".join(dict.fromkeys(again[j] for j in sorted(again))))
            continue
        if current:
            regroup[i] = current
        for k, lc in enumerate(sets):
            cat = category
            if k == 0 and i in parents:
                p_lab = _row_label(body[parents[i]], lc, "")
                cat = f"{category} / {p_lab}" if category else p_lab
            labels[k].append(_row_label(row, lc, cat) if (k == 0 or row[lc[0]].strip()) else "")
        value_rows.append(i)
    # labels that differ only by a raised marker ("20news" / "20news\u00b2") keep it: two rows
    for k, lc in enumerate(sets):
        row_labels = labels[k]
        counts: dict[str, int] = {}
        for lab in row_labels:
            counts[lab] = counts.get(lab, 0) + 1
        for n, (lab, i) in enumerate(zip(row_labels, value_rows)):
            if lab and counts[lab] > 1:
                cat = row_labels[n].split(" / ")[0] if " / " in row_labels[n] and category else ""
                marked = _row_label(body[i], lc, "", keep_marks=True)
                if marked != _row_label(body[i], lc, ""):
                    row_labels[n] = (cat + " / " + marked) if cat and not marked.startswith(cat) else marked
    attrs = list(attrs or [])
    # a column of sizes right after the names ("LLaMA | 7B", "LLaMA | 13B"): a value of its own,
    # and what tells two rows of one name apart
    sizes: list[int] = []
    if table.orientation != "columns" and not blocks:
        for j in table.metric_columns:
            if j != (sizes[-1] + 1 if sizes else max(label_cols, default=-1) + 1):
                break
            cells = [body[i][j] for i in value_rows if not is_missing(body[i][j])]
            head = clean_label(table.columns[j].split(" / ")[-1]) if j < len(table.columns) else ""
            # counts with a magnitude ("7B"), or whole numbers that repeat down the column under a
            # setting's name ("Shots": 0 / 5; "Size (B)": 7 / 13) or left of the scores ("|Z| | k |
            # M | Val PPL": 16384 | 128 | 64 | 142)
            counted = bool(cells) and all(is_count_cell(split_marks(c)[0]) for c in cells)
            numbered = (bool(cells) and len(set(cells)) < len(cells)
                        and (bool(_SETTING_HEAD.match(head)) or j < max(table.metric_columns))
                        and all(re.fullmatch(r"\d+", split_marks(c)[0].strip()) for c in cells))
            # or a simple fraction that repeats down the column beside words for its ends ("Frozen":
            # "1/2" / "3/4" / "all"): a share of a setting (layers frozen, a split), no measured value
            shares = [c for c in cells if _SHARE_SETTING.fullmatch(split_marks(c)[0].strip())]
            fractions = (bool(shares) and len(set(cells)) < len(cells) and j < max(table.metric_columns)
                         and all(c in shares or _short_setting(c) for c in cells))
            if not (counted or numbered or fractions):
                break
            sizes.append(j)
    settings = [j for j in (settings or []) if j not in attrs]
    told: set[int] = set()
    if attrs or sizes or settings:
        heads = {j: clean_label(table.columns[j].split(" / ")[-1]) or table.columns[j] for j in attrs + settings + sizes}
        # a row whose name cells are left empty under a row of a name, set apart by its setting
        # ("ResNet50 | Yes | ..." then " | No | ..."): the name above is its name too
        for n, i in enumerate(value_rows):
            if n and not any(body[i][j].strip() for j in label_cols) and labels[0][n - 1] \
                    and any(body[i][j].strip() for j in attrs + settings + sizes):
                labels[0][n] = labels[0][n - 1]
        # two rows of one name (GENIA for two tasks; a model frozen and fine-tuned; a baseline with
        # and without a checked component): the settings that tell them apart join the name
        old = list(labels[0])
        counts: dict[str, int] = {}
        for lab in old:
            counts[lab] = counts.get(lab, 0) + 1
        for n, (lab, i) in enumerate(zip(old, value_rows)):
            if lab and counts[lab] > 1:
                twins = [m for m, l2 in zip(value_rows, old) if l2 == lab]
                # the columns, read left to right, that tell the twins apart: each taken only where
                # it tells more of them apart (a participant's code alone; "Frozen" after a
                # "#Params" the twins share; "|Z|" then "k" where neither does alone)
                chosen: list[int] = []
                keys: list[tuple[str, ...]] = [() for _ in twins]
                for j in sorted(attrs + settings + sizes):
                    if len(set(keys)) == len(twins):
                        break
                    more = [k + (body[m][j].strip(),) for k, m in zip(keys, twins)]
                    if len(set(more)) > len(set(keys)):
                        chosen.append(j)
                        keys = more
                tell: list[tuple[int, str]] = []
                for j in chosen:
                    told.add(j)
                    w = _setting_word(body[i][j], heads[j]) if j in settings else clean_label(body[i][j])
                    if w:
                        tell.append((j, w))
                if tell:
                    # in the order the columns are read ("LLaMA-2 / 7B / Yes")
                    labels[0][n] = " / ".join([lab] + [w for _, w in sorted(tell)])
        named = [j for j in attrs + settings + sizes if j in told]

        if named:
            table.notes.append("rows of one name told apart by " + ", ".join(
                repr(clean_label(table.columns[j].split(" / ")[-1]) or table.columns[j].strip() or f"column {j + 1}")
                for j in sorted(named))
                + ": the setting joins the row's name")
    row_labels = labels[0]
    col_labels = [clean_label(c) or f"column {j + 1}" for j, c in enumerate(table.columns)]
    transposed = table.orientation == "columns"
    if transposed and label_cols:
        # systems across the top: a label column headed by a metric ("HV", "IGD") rather than by
        # a word for the axis ("Benchmark", "Dataset") names what every row measures
        head = clean_label(table.columns[label_cols[-1]].split(" / ")[-1]) if label_cols[-1] < len(table.columns) else ""
        if head and not _BENCH_HEAD.match(head) and not _BENCH_TAIL.search(head) and not _SYSTEM_HEAD.match(head) and len(head) <= 40:
            labels[0] = [f"{head} / {lab}" if lab and not lab.startswith(head) else lab for lab in labels[0]]
            row_labels = labels[0]
    table.columns = [c if c else f"column {j + 1}" for j, c in enumerate(table.columns)]
    # setting columns are columns of the rows' settings, beside the names (their cells set apart
    # from the values by the cross-checks)
    table.attribute_columns = sorted(set(attrs) | set(settings))
    attr_names = {j: clean_label(table.columns[j].split(" / ")[-1]) or table.columns[j] for j in attrs + settings}
    # a header run on past a few words (a column's cells read into its header) names no cell
    long_heads = {j for j in attrs if len(attr_names[j].split()) > 6}
    cite_attrs = {j for j in attrs
                  if sum(1 for i in value_rows if _CITATION_CELL.match(body[i][j].strip())) >= 0.5 * max(1, len(value_rows))}
    sub_metric = _metric_subcolumns(col_labels, table.metric_columns, getattr(table, "regrouped", False)) if transposed else {}
    best: dict[str, str] = {}
    for n, i in enumerate(value_rows):
        row = body[i]
        for j in table.metric_columns:
            lab = labels[set_of(j)][n]
            raw = row[j]
            v: float | str | None
            if is_missing(raw):
                v = None
            else:
                num = parse_number(raw)
                # a worded or interval value without its footnote marks (they stay in ``marks``)
                base, mk = split_marks(raw)
                # (a raised number after "10" or a minus is an exponent, not a mark: "4.0 × 10−⁵")
                keep = not mk or re.search(r"(?:10|[\u2212^-])\s*$", base.strip())
                v = num if num is not None else (raw.strip() if keep else base.strip())
                if isinstance(v, str) and re.match(r"0+\d", v) and is_count_cell(split_marks(v)[0]):
                    # zeros that pad a count to the column's width ("038.8B" under "102.5B"), set in
                    # white or as a phantom: not printed
                    v = re.sub(r"^0+(?=\d)", "", v)
            pc = dict(_parse_cell_cached(raw))
            extra = {"text": raw.strip(), "spread": pc["spread"], "unit": pc["unit"], "marks": pc["marks"]}
            if attrs or settings:
                extra["attributes"] = {attr_names[j]: row[j].strip() for j in attrs + settings if row[j].strip()}
            if transposed:
                if j in sub_metric:
                    sysl, leaf = sub_metric[j]
                    sysl = regroup.get(i, {}).get(j) or sysl
                    recs.append(TableRecord(system=sysl, column=f"{lab} / {leaf}" if lab else leaf, value=v, **extra))
                    continue
                recs.append(TableRecord(system=col_labels[j], column=lab, value=v, **extra))
            else:
                recs.append(TableRecord(system=lab, column=col_labels[j], value=v, **extra))
        if not transposed:
            # an attribute column's words are the row's cells too ("Dataset | gRNA library":
            # Achilles | Avana); citation columns are not
            for j in attrs:
                if j in cite_attrs or j in long_heads or not row[j].strip():
                    continue
                av = None if is_missing(row[j]) else (clean_label(row[j]) or row[j].strip())
                recs.append(TableRecord(system=labels[0][n], column=attr_names[j], value=av, text=row[j].strip()))
            # a setting column's cells are the row's too ("Frozen": Yes; a checkmark)
            for j in settings:
                if row[j].strip():
                    t = row[j].strip()
                    recs.append(TableRecord(system=labels[0][n], column=attr_names[j],
                                            value=None if is_missing(t) else (clean_label(t) or t), text=t))
    table.long = recs
    # best per benchmark
    if not table.metric_columns or not value_rows:
        return
    if transposed:
        for lab, i in zip(row_labels, value_rows):
            vals = [(parse_number(body[i][j]), j) for j in table.metric_columns]
            vals = [(v, j) for v, j in vals if v is not None]
            if len(vals) < 2:
                continue
            low = bool(_LOWER_BETTER.search(lab)) and not _HIGHER_BETTER.search(lab)
            v, j = (min if low else max)(vals, key=lambda t: t[0])
            best[lab] = col_labels[j]
    else:
        for j in table.metric_columns:
            vals = [(parse_number(body[i][j]), lab) for lab, i in zip(labels[set_of(j)], value_rows)]
            vals = [(v, lab) for v, lab in vals if v is not None]
            if len(vals) < 2:
                continue
            low = table.lower_is_better[j] if j < len(table.lower_is_better) else False
            v, lab = (min if low else max)(vals, key=lambda t: t[0])
            best[col_labels[j]] = lab
    table.best = best


def extract_tables(doc: Document) -> list[Table]:
    """Every recovered table of the document as a typed Table (in file/page order)."""
    out: list[Table] = []
    counters: dict[tuple[int, int], int] = {}
    for rt in sorted(doc.raw_tables, key=lambda t: (t.doc, t.page, t.bbox[1])):
        key = (rt.doc, rt.page)
        counters[key] = counters.get(key, 0) + 1
        try:
            out.append(_table_of(doc, rt, counters[key]))
        except Exception as e:  # one odd grid must not lose the others
            out.append(Table(id=f"d{rt.doc}-p{rt.page}-t{counters[key]}", doc=rt.doc, page=rt.page, bbox=rt.bbox,
                             caption="", label="", is_results=False, columns=[], header=[], rows=[],
                             pages=list(rt.pages), method=rt.method, notes=[f"table not typed: {e}"]))
    return out


# -- DataFrames -----------------------------------------------------------------------------


def _typed_column(cells: list[str]) -> list[Any]:
    # (a column of sizes, "1.3B", stays text in the frame: a float column would lose them)
    share, _n = _numeric_share(cells, counts=False)
    if share >= 0.6:
        out: list[Any] = []
        for c in cells:
            if is_missing(c):
                out.append(math.nan)
            else:
                v = parse_number(c)
                out.append(v if v is not None else math.nan)
        return out
    return [None if is_missing(c) else c for c in cells]


def _column_index(table: Table) -> Any:
    import pandas as pd

    ncol = len(table.columns)
    if len(table.header) >= 2:
        tuples = []
        for j in range(ncol):
            levels = [(row[j] if j < len(row) else "") for row in table.header]
            tuples.append(tuple(levels))
        if len(set(tuples)) == len(tuples):
            return pd.MultiIndex.from_tuples(tuples)
    labels = list(table.columns)
    seen: dict[str, int] = {}
    for j, c in enumerate(labels):
        if c in seen:
            seen[c] += 1
            labels[j] = f"{c} ({seen[c]})"
        else:
            seen[c] = 1
    return pd.Index(labels)


def table_dataframe(table: Table) -> Any:
    """The body rows as a pandas DataFrame: numeric columns are float (NaN for missing),
    label columns are text; multi-level headers become a column MultiIndex.
    Category rows (a lone group label such as 'Math') are not rows of the frame; their
    label is in the first column of the rows under them when that column is empty."""
    import pandas as pd

    ncol = len(table.columns)
    rows: list[list[str]] = []
    category = ""
    for r in table.rows:
        r = list(r) + [""] * (ncol - len(r))
        if _is_category(r) and ncol > 1:
            category = r[0].strip()
            continue
        if category and not r[0].strip() and table.system_column > 0:
            r[0] = category
        rows.append(r[:ncol])
    data = {j: _typed_column([r[j] for r in rows]) for j in range(ncol)}
    df = pd.DataFrame(data)
    if ncol:
        df.columns = _column_index(table)
    return df


def bold_frame(table: Table) -> Any:
    """A boolean DataFrame parallel to :func:`table_dataframe` (True where the cell is bold)."""
    import pandas as pd

    ncol = len(table.columns)
    mask: list[list[bool]] = []
    for r, b in zip(table.rows, table.bold or [[False] * ncol for _ in table.rows]):
        r = list(r) + [""] * (ncol - len(r))
        if _is_category(r) and ncol > 1:
            continue
        mask.append((list(b) + [False] * ncol)[:ncol])
    df = pd.DataFrame(mask, columns=range(ncol)) if mask else pd.DataFrame(columns=range(ncol), dtype=bool)
    if ncol:
        df.columns = _column_index(table)
    return df.astype(bool)


def tables_long(tables: list[Table], paper: str = "") -> Any:
    """All tables as one tidy DataFrame: paper, table, page, system, benchmark, metric, value."""
    import pandas as pd

    recs = []
    for t in tables:
        for r in t.long:
            parts = r.column.split(" / ")
            bench = parts[0] if len(parts) > 1 else r.column
            metric = parts[-1] if len(parts) > 1 else ""
            recs.append({"paper": paper, "table": t.label or t.id, "table_id": t.id, "page": t.page,
                         "system": r.system, "column": r.column, "benchmark": bench, "metric": metric,
                         "value": r.value if isinstance(r.value, (int, float)) else None,
                         "text": "" if r.value is None else str(r.value)})
    return pd.DataFrame(recs, columns=["paper", "table", "table_id", "page", "system", "column", "benchmark",
                                       "metric", "value", "text"])
