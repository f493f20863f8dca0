"""RawTable grids -> typed Tables: columns, numbers, the system column, best per column.

A results table is "systems x benchmarks/metrics".  Many LLM reports print it the
other way round (benchmarks down the side, models across the top: a *transposed*
table); the orientation is read from the label column's header ("Benchmark",
"Task", "Dataset" ...) and from what the labels look like.  Long records are
always (system, column, value) with ``system`` the model/method and ``column`` the
benchmark/metric label (header levels joined with " / ").
"""

from __future__ import annotations

import math
import re
import unicodedata
from typing import Any

from ..model import Document, RawTable, Table, TableRecord

# -- numbers ------------------------------------------------------------------------------

_MISSING = {"", "-", "--", "---", "\u2013", "\u2014", "\u2212", "\u2010", "\u2012", "n/a", "na", "n.a.", "none",
            "\u00d7", "\u2717", "/", "nan", "?", "\u2026", "..."}
_FOOT = "*\u2020\u2021\u00a7\u00b6\u2217\u22c6\u2605\u2606#"
_NUMBER = re.compile(
    r"^(?P<sign>[-+\u2212\u2013]?)\s*(?P<num>(?:\d{1,3}(?:[,\u2009\u202f ]\d{3})+|\d+)(?:\.\d+)?|\.\d+)"
    r"\s*(?P<pct>%?)"
    r"(?:\s*(?:\u00b1|\+/-|\+-)\s*(?P<sd>\d+(?:\.\d+)?)\s*%?|\s*\(\s*(?:\u00b1\s*)?(?P<sd2>\d+(?:\.\d+)?)\s*\)|\s*\[[^\]]*\])?"
    r"\s*(?P<foot>[" + re.escape(_FOOT) + r"]{0,3}|\^?[a-d]|\(?[a-d]\))?$"
)


def parse_number(text: str) -> float | None:
    """'85.3', '85.3%', '85.3 ± 0.2', '1,234', '8.6*', '\u221212.1' -> float; else None.

    Missing-value markers (dashes, n/a) are not numbers: see :func:`is_missing`.
    """
    t = unicodedata.normalize("NFKC", str(text)).strip()
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
    if m.group("sign") in ("-", "\u2212", "\u2013"):
        v = -v
    return v


def parse_spread(text: str) -> float | None:
    """The ± / (std) part of a cell, if any."""
    t = unicodedata.normalize("NFKC", str(text)).strip().replace("\u2212", "-")
    m = _NUMBER.match(t)
    if not m:
        return None
    sd = m.group("sd") or m.group("sd2")
    return float(sd) if sd else None


def is_missing(text: str) -> bool:
    return unicodedata.normalize("NFKC", str(text)).strip().lower().strip(_FOOT) in _MISSING


# -- labels ------------------------------------------------------------------------------

_CITE = re.compile(r"\s*(?:\[[\d,\s\u2013-]+\]|\(\s*[A-Z][A-Za-z-]+(?: et al\.?)?,? \d{4}[a-z]?\s*\))")
_MARKS = re.compile(r"(?<=\S)[*\u2020\u2021\u00a7\u00b6\u2217\u22c6\u2605\u2606]+|[\u2191\u2193]")


def clean_label(text: str) -> str:
    """A row/column label without citations, footnote marks and doubled spaces."""
    t = _CITE.sub("", text)
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

_BENCH_HEAD = re.compile(r"^\s*(?:benchmarks?|tasks?|datasets?|metrics?|evaluation|eval\.?|test sets?|domains?|subjects?|categories|category|capabilit(?:y|ies)|settings?)\b", re.I)
_SYSTEM_HEAD = re.compile(r"^\s*(?:models?|methods?|systems?|approach(?:es)?|baselines?|architectures?|variants?|configurations?|ablations?|settings)\b", re.I)
_METRIC_LIKE = re.compile(
    r"\((?:em|f1|acc\.?|accuracy|pass@\d+|maj@\d+|cons@\d+|rating|bleu|rouge[-\w]*|%|score|agent mode|avg@\d+|\d+-shot|cot)[^)]*\)"
    r"|pass@\d|\b(?:mmlu|gsm8k|humaneval|mbpp|math|aime|gpqa|bbh|hellaswag|arc|winogrande|triviaqa|naturalquestions|drop|"
    r"livecodebench|codeforces|swe-bench|simpleqa|mmmu|ifeval|c-eval|cmmlu|squad|glue|superglue|imagenet|coco)\b",
    re.I,
)
_RESULTS_CAP = re.compile(
    r"\b(?:results?|performance|comparison|compar(?:e|ing)|accuracy|evaluation|evaluated|benchmarks?|ablation|scores?|"
    r"outperform\w*|versus|vs\.?|baselines?|state[- ]of[- ]the[- ]art|sota|metrics?|f1|bleu|auc|error)\b",
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


def _numeric_share(cells: list[str]) -> tuple[float, int]:
    vals = [c for c in cells if not is_missing(c)]
    if not vals:
        return 0.0, 0
    n = sum(1 for c in vals if parse_number(c) is not None)
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
    value_rows = [r for r in body if not _is_category(r)]
    shares = [_numeric_share([r[j] for r in value_rows]) for j in range(ncol)]
    numeric_cols = [j for j, (sh, cnt) in enumerate(shares) if sh >= 0.6 and cnt >= 1]
    first_num = min(numeric_cols) if numeric_cols else ncol
    label_cols = [j for j in range(first_num) if _texty([r[j] for r in value_rows])]
    sys_col = label_cols[-1] if label_cols else 0
    table.system_column = sys_col
    table.metric_columns = [j for j in numeric_cols if j > sys_col]
    table.lower_is_better = [bool(_LOWER_BETTER.search(c)) and not _HIGHER_BETTER.search(c) for c in table.columns]
    orient = _orientation(table, value_rows, sys_col)
    table.orientation = orient
    cap_text = caption
    score = 0
    if table.metric_columns and len(value_rows) >= 2:
        score += 1
        if _RESULTS_CAP.search(cap_text):
            score += 2
        if _NOT_RESULTS_CAP.search(cap_text):
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
    _long_and_best(table, body, label_cols or [sys_col])
    if orient == "columns":
        table.notes.append("transposed: benchmarks are rows, systems are columns")
    return table


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


def _orientation(table: Table, rows: list[list[str]], sys_col: int) -> str:
    head = table.columns[sys_col] if sys_col < len(table.columns) else ""
    leaf = head.split(" / ")[-1] if head else ""
    if _BENCH_HEAD.match(leaf):
        return "columns"
    if _SYSTEM_HEAD.match(leaf):
        return "rows"
    labels = [r[sys_col] for r in rows if r[sys_col].strip()]
    if not labels:
        return "rows"
    row_metric = sum(1 for t in labels if _METRIC_LIKE.search(t)) / len(labels)
    cols = [table.columns[j] for j in table.metric_columns]
    col_metric = sum(1 for t in cols if _METRIC_LIKE.search(t) or _LOWER_BETTER.search(t) or _HIGHER_BETTER.search(t)) / max(1, len(cols))
    return "columns" if row_metric >= 0.5 and col_metric < 0.3 else "rows"


def _row_label(row: list[str], label_cols: list[int], category: str) -> str:
    parts = [category] if category else []
    for j in label_cols:
        t = clean_label(row[j])
        if t and t not in parts:
            parts.append(t)
    return " / ".join(parts)


def _long_and_best(table: Table, body: list[list[str]], label_cols: list[int]) -> None:
    category = ""
    recs: list[TableRecord] = []
    row_labels: list[str] = []
    value_rows: list[int] = []
    for i, row in enumerate(body):
        if _is_category(row):
            category = clean_label(row[0])
            continue
        lab = _row_label(row, label_cols, category)
        row_labels.append(lab)
        value_rows.append(i)
    col_labels = [clean_label(c) or f"column {j + 1}" for j, c in enumerate(table.columns)]
    table.columns = [c if c else f"column {j + 1}" for j, c in enumerate(table.columns)]
    transposed = table.orientation == "columns"
    best: dict[str, str] = {}
    for lab, i in zip(row_labels, value_rows):
        row = body[i]
        for j in table.metric_columns:
            raw = row[j]
            v: float | str | None
            if is_missing(raw):
                v = None
            else:
                num = parse_number(raw)
                v = num if num is not None else raw.strip()
            if transposed:
                recs.append(TableRecord(system=col_labels[j], column=lab, value=v))
            else:
                recs.append(TableRecord(system=lab, column=col_labels[j], value=v))
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
            vals = [(parse_number(body[i][j]), lab) for lab, i in zip(row_labels, value_rows)]
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
    share, _n = _numeric_share(cells)
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
