"""Cross-checks of what the text claims against the results tables.

One finding per claim and kind; each names every table it compared (file, role, page).

- ``number``: a number claimed for a system on a benchmark/metric is looked up in the
  tables. The benchmark is the one named in the number's own stretch of the sentence (between
  its neighbours), not the first one of the sentence. ``consistent`` when a matching cell holds
  it (up to the claim's rounding; "73.0 +- 1.2" by its mean, percent or fraction, "4/30" by its
  count or ratio); ``mismatch`` only when every matching cell was read with confidence and the
  system, benchmark and metric all matched; otherwise ``unverified`` with the reason.
- ``superiority``: a sentence whose subject is claimed best ("X outperforms all baselines",
  "X achieves the highest score in Aider", "X surpasses Y on every benchmark"). Sentences that
  only mention the state of the art, call a system comparable, point at a figure, or speak of
  averages the tables do not hold are not checked or are ``unverified``. A claim limited to a
  group ("among open models", "all Chinese LLMs") is compared with the rows of a table group
  that names it, else reported ``scoped``. Exceptions named in the claim are left out.
- ``bold_best``: a bold (reported-best) value that is not the best of its column
  (respecting lower-is-better columns, and category groups of rows).

Only ``mismatch`` is a finding; ``unverified`` and ``scoped`` are shown apart.

What this module needs from a table: ``long`` records (system, column, value), ``rows`` with
``metric_columns`` (to recover each record's cell text and bold flag), ``columns``, ``caption``,
``label``, ``doc``, ``page``. A reader may add ``table.confidence`` (0-1) and per-record
``record.confidence``; where it does not, :func:`table_confidence` derives one from what the
table shows (generic or glued header labels, duplicated row/column keys, empty labels).
"""

from __future__ import annotations

import difflib
import functools
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass, replace
from typing import Any

from ..model.analysis import Claim, CrossCheck, Table
from ..model.document import Document
from ..nlp.lexicon import quantity_lexicon
from ..nlp.quantities import _MODEL_NAME, _STOP_NAMES
from .tables import _HIGHER_BETTER, _LOWER_BETTER
from .tables import clean_label as _clean

# one vocabulary of "lower is better" headers, shared with the table extractor
_LOWER = _LOWER_BETTER
_HIGHER = _HIGHER_BETTER
# a superiority claim limited to a subset of the systems ("among open-source models", "all
# open-weight models", "of its size"): a table row that beats it may lie outside that subset,
# and the table does not say which rows do
_SCOPE = re.compile(
    r"\b(?:among|of all|than all|over all|all(?: other)?|other|any(?: other)?)\s+(?:(?:the|other|existing|current|publicly)\s+)?"
    r"(?:[\w-]+\s+){0,2}?(?:open[- ]?(?:source|weight|weights|access)|publicly available|non-proprietary|"
    r"(?:similar|comparable|same)[- ](?:size|sized|scale|scaled)|(?:dense|sparse|MoE|small|smaller|lightweight|\d+B[- ]scale)"
    r")\b[^.]{0,40}?\b(?:models?|LLMs?|baselines?|methods?|systems?|counterparts?)"
    r"|\b(?:of|in|for) (?:its|their) (?:size|class|scale|weight class)\b"
    r"|\bat (?:a |the )?(?:similar|comparable|same) (?:size|scale|parameter count)\b",
    re.I,
)

def _scope_of(text: str) -> re.Match[str] | None:
    """The group a superiority claim is limited to, unless the sentence also makes an unlimited
    claim ("outperforms all baselines on every benchmark, and is the best among open models")."""
    scope = _SCOPE.search(text)
    if scope is None:
        return None
    for m in _UNIVERSAL.finditer(text):
        word = m.group(0).split()[0].lower()
        inside = scope.start() <= m.start() < scope.end() or m.start() <= scope.start() < m.end()
        if not inside and word in ("all", "every", "each", "any", "across", "consistently", "uniformly"):
            return None
    return scope


_UNIVERSAL = re.compile(
    r"\b(?:all|every|each|any|across (?:all|the board)|consistently|uniformly|without exception)\b"
    r"(?:\s+(?:the\s+)?(?:other\s+)?(?:\w+[\s-]){0,3}(?:baselines?|methods?|models?|competitors?|benchmarks?|datasets?|"
    r"tasks?|metrics?|approaches|systems?|settings?|evaluations?))?"
    r"|\bstate[- ]of[- ]the[- ]art\b|\bsota\b|\bbest\b",
    re.I,
)
_OURS = re.compile(r"\b(?:ours|our (?:model|method|approach|system|framework|architecture))\b|\(ours\)", re.I)
_TABLE_REF = re.compile(r"\bTab(?:le|\.)?\s*([A-Z]?\d+(?:\.\d+)?)", re.I)


@dataclass
class _Cell:
    system: str
    column: str
    value: float | None
    bold: bool
    group: str  # category label of the row, "" if none
    row: int
    col: int
    raw: str = ""  # the cell as printed ("73.0 \u00b1 1.2", "4/30")
    frac: tuple[int, int] | None = None  # (k, n) of a "k/n" cell
    confidence: float = 1.0
    confident: bool = True
    why: str = ""  # why the cell is not read with confidence


_GENERIC_COLUMN = frozenset({"avg", "average", "mean", "overall", "all", "total", "size", "params", "model", "score",
                             # words prose uses as words: "outperforms other models" names no column "Other"
                             "other", "others", "misc", "rest", "remaining", "both", "none", "each", "any"})


def _column_named_in(sentence: str, system: str, tables: list[Table], cells_of: dict[str, list[_Cell]]) -> str:
    """The one column label (its last header level) of the system's rows that the
    sentence names, or "" when none or several are named."""
    words = _tokens(sentence)
    named: set[str] = set()
    for t in tables:
        for c in cells_of[t.id]:
            if c.value is None or not names_match(system, c.system, 2):
                continue
            leaf = c.column.split(" / ")[-1]
            lt = _tokens(leaf)
            if lt and lt <= words and not lt <= _GENERIC_COLUMN and any(len(w) >= 3 and not w.isdigit() for w in lt):
                named.add(leaf)
    return next(iter(named)) if len(named) == 1 else ""


@functools.lru_cache(maxsize=65536)
def _norm(s: str) -> str:
    s = unicodedata.normalize("NFKC", s).casefold()
    s = re.sub(r"\s*\((?:ours|our|proposed)\)|\bours\b", "", s)
    return re.sub(r"[^0-9a-z@.+]+", "", s)


@functools.lru_cache(maxsize=65536)
@functools.lru_cache(maxsize=65536)
def _tokens(s: str) -> frozenset[str]:
    s = unicodedata.normalize("NFKC", s).casefold().replace("\u2019", " ").replace("'", " ")
    s = re.sub(r"\((?:ours|our|proposed)\)|\bours\b", " ", s)
    # (a power as ingest writes a raised exponent, "2^15", is one word, as "2\u00b9\u2075" was)
    toks = re.findall(r"[0-9a-z@+]+(?:\.[0-9]+)?(?:\^-?[0-9]+)?", s)
    return frozenset(re.sub(r"^20(\d\d)$", r"\1", t) for t in toks)


@functools.lru_cache(maxsize=65536)
def names_match(claimed: str, label: str, extra: int = 3) -> bool:
    """A claimed name matches a table label when its words are all in the label (any
    header level), up to ``extra`` further words: "AIME 2024" ~ "Math / AIME 2024 /
    pass@1", "Qwen3-32B" ~ "Thinking / Qwen3-32B"; "AIME" does not match "MT-AIME24"."""
    ct = _tokens(claimed)
    if not ct:
        return False
    # tables abbreviate a camel-case word to its capitals: "DeepSeek-Coder" ~ "DS-Coder"
    short = re.sub(r"\b([A-Z][a-z]+(?:[A-Z][a-z]+)+)\b", lambda m: "".join(ch for ch in m.group(1) if ch.isupper()), claimed)
    if short != claimed and names_match(short, label, extra):
        return True
    for part in [label, *label.split(" / ")]:
        lt = _tokens(part)
        if ct <= lt and len(lt - ct) <= extra:
            return True
    leaf = label.split(" / ")[-1]
    # a near spelling ("Qwen 1.5" ~ "Qwen1.5"), never a different version ("V2-Instruct" vs "Instruct")
    return _norm(claimed) == _norm(label) or (len(_norm(claimed)) >= 4 and re.findall(r"\d+", claimed) == re.findall(r"\d+", leaf)
                                              and difflib.SequenceMatcher(None, _norm(claimed), _norm(leaf)).ratio() >= 0.92)


def _exact(a: str, b: str) -> bool:
    return _norm(a) == _norm(b)


def _is_category(row: list[str]) -> bool:
    filled = [c for c in row if c.strip()]
    return len(filled) == 1 and row[0].strip() != "" and not re.match(r"^[-+]?\d", row[0].strip())


def _number(v: Any) -> float | None:
    if isinstance(v, (int, float)) and not isinstance(v, bool):
        return float(v)
    return None


def table_cells(table: Table) -> list[_Cell]:
    """The table's long records with their printed text, bold flags, row groups and how
    surely each was read (in records' order)."""
    rows = table.rows
    positions: list[tuple[int, int, str]] = []
    group = ""
    for i, row in enumerate(rows):
        if _is_category(row):
            group = row[0].strip()
            continue
        for j in table.metric_columns:
            positions.append((i, j, group))
    aligned = len(positions) == len(table.long)
    place: dict[int, tuple[int, int, str]] = {}
    if not aligned and table.orientation != "columns" and table.attribute_columns:
        # a row's settings printed beside its name ("Task": NER; "Frozen": Yes) are records of
        # the row too, after its values: the values alone line up with the grid
        names = {_clean(table.columns[j].split(" / ")[-1]) or table.columns[j]
                 for j in table.attribute_columns if j < len(table.columns) and j not in table.metric_columns}
        vals = [k for k, rec in enumerate(table.long) if rec.column not in names]
        if vals and len(vals) == len(positions):
            place = dict(zip(vals, positions))
            aligned = True
    tconf = table_confidence(table)
    keys = Counter((r.system, r.column) for r in table.long)
    out = []
    for k, rec in enumerate(table.long):
        if place and k not in place:
            # a setting's cell: the row's, not a value to check
            out.append(_Cell(rec.system, rec.column, None, False, "", -1, -1, rec.text, None, 0.0, False, "a row's setting"))
            continue
        i, j, g = place[k] if place else positions[k] if aligned else (-1, -1, "")
        bold = bool(aligned and 0 <= i < len(table.bold) and j < len(table.bold[i]) and table.bold[i][j])
        raw = rows[i][j].strip() if aligned and 0 <= i < len(rows) and j < len(rows[i]) else ""
        value, frac = _cell_number(raw, rec.value)
        conf = getattr(rec, "confidence", None)
        why = []
        if tconf < CONFIDENT:
            why.append(f"table read with confidence {tconf:.2f}")
        if keys[(rec.system, rec.column)] > 1:
            why.append(f"two cells read as {rec.system!r} / {rec.column!r}")
        if _GENERIC_LABEL.match(_leaf(rec.column)) or _GENERIC_LABEL.match(_leaf(rec.system)) or _glued(rec.column) or _glued(rec.system):
            why.append("a label was not read")
        if not aligned:
            why.append("cells not aligned with the grid")
        c = float(conf) if isinstance(conf, (int, float)) and not isinstance(conf, bool) else (tconf if not why else min(tconf, 0.3))
        if isinstance(conf, (int, float)) and conf < CONFIDENT and not why:
            why.append(f"cell read with confidence {conf:.2f}")
        out.append(_Cell(rec.system, rec.column, value, bold, g, i, j, raw, frac, c, not why, "; ".join(why)))
    return out


# ranks (not "Rank-1"/"rank@5" accuracy) and distances to a reference front are lower-is-better too
_RANK_LOWER = re.compile(r"\brank(?:ing)?s?\b(?![-@\s]*\d)|\bigd\+?\b|generational distance", re.I)
_CAPTION_DIR = re.compile(r"(?P<w>(?:[\w@-]+\s+){1,3}?)\(?\s*(?:\u2193|\u2191|\(?(?P<d>lower|higher|smaller|larger)\)?\s+(?:is|are)\s+better|"
                          r"the (?P<d2>lower|higher|smaller|larger) the better)", re.I)


def _caption_direction(table: Table, column: str) -> bool | None:
    """The direction the caption gives for the column's metric ("mean rank (lower is better)",
    "CHAIR \u2193"), else None."""
    core = _tokens(_core(column)) - _GENERIC_COLUMN
    if not core:
        return None
    for m in _CAPTION_DIR.finditer(table.caption or ""):
        words = _tokens(m.group("w"))
        if core <= words:
            d = (m.group("d") or m.group("d2") or "").lower()
            if not d:
                return "\u2193" in m.group(0)
            return d in ("lower", "smaller")
    return None


def _lower_better(table: Table, column: str, col_index: int) -> bool:
    cap = _caption_direction(table, column)
    if cap is not None:
        return cap
    if table.orientation != "columns" and 0 <= col_index < len(table.lower_is_better):
        if table.lower_is_better[col_index]:
            return True
    else:
        if _LOWER.search(column) and not _HIGHER.search(column):
            return True
    if _SIZE_COST.search(_leaf(column)) and not _HIGHER.search(column):
        return True  # a model's size or compute ("# of params", "FLOPs"): fewer is the efficient side
    return bool(_RANK_LOWER.search(_leaf(column)) or _RANK_LOWER.search(column.split(" / ")[0])) and not _HIGHER.search(column)


_SIZE_COST = re.compile(r"#\s*(?:of\s+)?param|\bparam(?:eter)?s?\b|\bflops\b|\bgflops\b", re.I)


def _claim_direction(text: str, column: str) -> bool | None:
    """The direction the claim itself states for a column it names: "the lowest self-BLEU" is a
    claim that lower wins there, "the highest BLEU" that higher does."""
    core = _core(column)
    pat = _label_pattern(core)
    if pat is None:
        return None
    for m in pat.finditer(text):
        before = text[max(0, m.start() - 30): m.start()]
        w = re.search(r"\b(lowest|lower|smallest|smaller|least|fewest|fewer|minimal|minimum|highest|higher|largest|larger|"
                      r"greatest|maximal|maximum|best|better)\s+(?:[\w-]+\s+){0,2}$", before, re.I)
        if w:
            word = w.group(1).lower()
            if word in ("best", "better"):
                return None
            return word in ("lowest", "lower", "smallest", "smaller", "least", "fewest", "fewer", "minimal", "minimum")
    return None


def _decimals(text: str) -> int:
    m = re.search(r"\d+(?:\.(\d+))?", text)
    return len(m.group(1)) if m and m.group(1) else 0


def _cell_dict(c: _Cell, table: Table, doc: Document | None = None) -> dict[str, Any]:
    ref = _table_ref(table, doc)
    return {"system": c.system, "column": c.column, "value": c.value, "text": c.raw, "bold": c.bold, "page": table.page,
            "table": table.id, "doc": table.doc, "file": ref["file"], "role": ref["role"], "confident": c.confident}


def _claim_names(claim: Claim) -> list[str]:
    names = []
    for m in _MODEL_NAME.finditer(claim.text):
        t = m.group(0)
        if t not in _STOP_NAMES and t not in names:
            names.append(t)
    return names


_SUPERIOR_VERB = re.compile(
    r"\b(?:outperform|surpass|exceed|beat|achiev|attain|obtain|set|establish|rank|deliver|is|are|remains?)\w*\b"
    r"[^.;]{0,60}?(?:\ball\b|\bevery\b|\beach\b|state[- ]of[- ]the[- ]art|\bsota\b|\bbest\b)"
    r"|\b(?:outperform|surpass|exceed|beat)\w*",
    re.I,
)


def _subject_names(claim: Claim) -> list[str]:
    """The system a superiority claim is about: the last model-like name before the
    comparison verb ("... StockMixer outperforms ..."); otherwise none."""
    m = _SUPERIOR_VERB.search(claim.text)
    if not m:
        return []
    benches = quantity_lexicon()["benchmarks"]
    before = [
        n for n in _MODEL_NAME.finditer(claim.text[: m.start()])
        if n.group(0) not in _STOP_NAMES and not benches.spans(n.group(0))
    ]
    return [before[-1].group(0)] if before else []


def _title_system(doc: Document) -> str:
    for f in doc.files:
        if f.role == "main" and f.title:
            head = re.split(r"\s*[:\u2013\u2014]\s+", f.title, maxsplit=1)[0].strip()
            if 0 < len(head.split()) <= 2 and head != f.title:
                return head
    return ""


def _system_rows(cells: list[_Cell], name: str) -> list[str]:
    systems = list(dict.fromkeys(c.system for c in cells))
    exact = [s for s in systems if _exact(s, name) or _exact(s.split(" / ")[-1], name)]
    if exact:
        return exact
    matched = [s for s in systems if names_match(name, s, 1)]
    if not matched:
        return []
    # the closest label: "DS-Coder-V2-Instruct" before "DS-Coder-V2-Lite-Instruct"; a family name
    # as close to several versions ("Janus-Pro" for "Janus-Pro-1B" and "Janus-Pro-7B") keeps them
    # all, and the check says several rows match
    dist = {s: len(_tokens(_leaf(s)) ^ _tokens(name)) for s in matched}
    best = min(dist.values())
    return [s for s in matched if dist[s] == best]


# -- confidence ------------------------------------------------------------------------

_GENERIC_LABEL = re.compile(r"^(?:column|col\.?)\s*\d+$|^$", re.I)
CONFIDENT = 0.6  # a table read at least this surely may give a ``mismatch``


def _leaf(label: str) -> str:
    return label.split(" / ")[-1].strip()


def _glued(label: str) -> bool:
    """A header cell that holds several labels run together ("DEAN HBOS GOAD ECOD COPOD")."""
    words = _leaf(label).split()
    caps = [w for w in words if re.match(r"^[A-Z][A-Za-z0-9-]*$", w)]
    return len(words) >= 4 and len(caps) >= 4


def table_confidence(table: Table) -> float:
    """How sure the reading of a table's labels is, 0-1: the reader's own figure when it gives
    one (``table.confidence``), else derived from what the table shows. Lowered by generic
    ("column 3") or glued header labels, by (system, column) keys read twice (a marker dropped
    from "20news²" makes two rows "20news"), and by empty or numeric system labels."""
    given = getattr(table, "confidence", None)
    if isinstance(given, dict) and isinstance(given.get("overall"), (int, float)):
        given = given["overall"]  # the reader's {overall, confident, grid, header, orientation, labels}
    if isinstance(given, (int, float)) and not isinstance(given, bool):
        return max(0.0, min(1.0, float(given)))
    recs = table.long
    if not recs:
        return 0.0
    n = len(recs)
    score = 1.0
    systems = {r.system for r in recs}
    columns = {r.column for r in recs}
    labels = list(systems | columns)
    generic = sum(1 for lab in labels if _GENERIC_LABEL.match(_leaf(lab)))
    glued = sum(1 for lab in labels if _glued(lab))
    score -= 0.8 * (generic + glued) / max(1, len(labels))
    keys = Counter((r.system, r.column) for r in recs)
    score -= 0.6 * sum(k for k in keys.values() if k > 1) / n
    bad = sum(1 for r in recs if not r.system.strip() or re.fullmatch(r"[-+\d.,%\s]+", r.system))
    score -= 0.6 * bad / n
    return round(max(0.0, min(1.0, score)), 3)


# -- cell values -------------------------------------------------------------------------

_FRACTION = re.compile(r"^\s*(\d+)\s*/\s*(\d+)\s*[*\u2020\u2021]?\s*$")


def _cell_number(raw: str, value: Any) -> tuple[float | None, tuple[int, int] | None]:
    """The value to compare: the reader's number; for a "k/n" cell, k/n (and (k, n) kept)."""
    v = _number(value)
    m = _FRACTION.match(raw or (value if isinstance(value, str) else ""))
    if m and int(m.group(2)) > 0:
        k, n = int(m.group(1)), int(m.group(2))
        return k / n, (k, n)
    if v is None and raw:
        from .tables import parse_number

        v = parse_number(raw)
    if v is None and raw:
        # an estimate printed with its interval ("1.43 (1.09–1.88)", "0.05 [0.04, 0.06]",
        # "46.0 (34.0, 59.0)"): the estimate
        m = _ESTIMATE_CELL.match(raw.strip())
        if m:
            v = float(m.group("v").replace("−", "-"))
    if v is None and raw:
        # a count with a magnitude suffix, alone or with its share ("81.1M", "28.9M (35.6%)",
        # "42k (0.1%)"): its value in units
        m = _MAG_CELL.match(raw.strip())
        if m:
            v = float(m.group("n").replace(",", "")) * _MAG[m.group("m").upper()]
    return v, None


_SIGNED_NUM = r"[-+−]?\d+(?:\.\d+)?"
_ESTIMATE_CELL = re.compile(rf"^(?P<v>{_SIGNED_NUM})\s*[*†‡]?\s*[(\[]\s*{_SIGNED_NUM}\s*(?:[–—,;]|-|\bto\b)\s*"
                            rf"{_SIGNED_NUM}\s*[)\]]\s*[*†‡]?$")
_MAG = {"K": 1e3, "M": 1e6, "B": 1e9, "T": 1e12}
_MAG_CELL = re.compile(r"^[~\u2248]?(?P<n>\d+(?:[.,]\d+)*)\s?(?P<m>[KMBTk])(?:\s*[(\[]\s*\d+(?:\.\d+)?\s*%\s*[)\]])?$")


def _magnitude(raw: str) -> float:
    """The multiplier a printed count carries ("27.6M": 1e6), 1.0 for a plain number."""
    m = _MAG_CELL.match((raw or "").strip())
    return _MAG[m.group("m").upper()] if m else 1.0


def _equal(claimed: float, text: str, cell: _Cell) -> bool:
    """The claimed number is the cell's value, up to the claim's rounding and to the cell's:
    73 ~ "73.0 ± 1.2", 0.73 ~ 73.0 (a fraction for a percent), 86.0 ~ 86, 4 ~ "4/30",
    13.3% ~ "4/30"."""
    if cell.value is None:
        return False
    tol = 0.5 * 10 ** (-_decimals(text)) + 1e-9
    mag = _magnitude(cell.raw)
    if mag != 1.0:
        # a count printed with its magnitude ("27.6M (34.1%)"): the claim in the same units
        # ("27.6M"), or the bare number when the claim prints none
        said = _MAG.get((re.search(r"\d\s?([KMBTk])\b", text or "") or [None, ""])[1].upper(), mag)
        return abs(claimed * said - cell.value) <= max(tol * said, 0.5 * 10 ** (-_decimals(cell.raw)) * mag)
    cands = [cell.value, cell.value * 100, cell.value / 100]
    if cell.frac:
        cands.append(float(cell.frac[0]))
    cell_tol = 0.5 * 10 ** (-_decimals(cell.raw)) + 1e-9 if cell.raw else 0.0
    for c in cands:
        scale = 100 if c == cell.value * 100 else (0.01 if c == cell.value / 100 else 1)
        if abs(claimed - c) <= max(tol, cell_tol * scale):
            return True
    return False


# -- reading the claim -------------------------------------------------------------------

_DERIVED = re.compile(
    r"\b(?:improv\w*|gains?|increas\w*|decreas\w*|reduc\w*|drops?|declin\w*|deviation|margin|difference|relative|"
    r"faster|slower|speed-?up|by|over|above|below|under|than|from|up to|exceed\w*|nearly|approximately|about|around|"
    r"roughly|almost|merely|only|at least|at most|less|more|lower|higher|boost\w*|sav\w*|cuts?)\s*(?:of\s+)?(?:about\s+|only\s+)?$"
    r"|[~\u2248<>\u2264\u2265]\s*$",
    re.I,
)
# an approximate number, rounded but no bound ("≈0.34", "about 30%"; "nearly", "almost" are bounds)
_APPROX_BEFORE = re.compile(r"(?:\b(?:approximately|about|around|roughly|circa)|[~\u2248])\s*$", re.I)


def _approx_far(val: float, digits: str, mult: float, cell: _Cell) -> bool:
    """Is an approximate number ("≈0.29") off the cell by more than one unit of its last
    significant digit (10 for "about 30") and a tenth of the cell, at every scale (%, fraction)?"""
    if cell.value is None or not cell.value:
        return False
    d = digits.replace(",", "")
    unit = 10.0 ** -len(d.split(".")[1]) if "." in d else 10.0 ** (len(d) - len(d.rstrip("0")) if d.rstrip("0") else 0)
    said = val * mult
    return all(abs(said - c) > unit + 1e-9 and abs(said - c) > 0.1 * abs(c)
               for c in (cell.value, cell.value * 100, cell.value / 100))


_DERIVED_AFTER = re.compile(r"^\s*(?:%|points?|pp)?\s*(?:improvement|gain|increase|decrease|reduction|drop|higher|lower|better|worse|"
                            r"more|less|fewer|faster|slower|speed-?up|relative|deviation|of the)\b", re.I)
_METRIC_TOKEN = re.compile(r"\b(?:pass|maj|avg|cons|mean|best|top|recall|hit|ndcg|map|prec)@\s?\d+\b|\bmaj@\w+", re.I)
_RELATIVE_ON_NAME = re.compile(r"^\S*,\s*(?:which|who)\s+(?!\w+\s+(?:by|than)\b)[^,;:()\u2013\u2014]*$", re.I)
_SHORT_AT_K = re.compile(r"\b[RPH]@\s?\d+\b")


def _metric_key(m: str) -> str:
    """A metric@k as one key however printed: "recall@3", "Recall @ 3" and "R@3" are one metric."""
    m = m.lower().replace(" ", "")
    at = re.match(r"^(recall|r|prec|precision|p|hits?|h)@(\d+)$", m)
    return f"{at.group(1)[0]}@{at.group(2)}" if at else m
_NUM_IN_TEXT = re.compile(r"(?<![\w.@-])(?!(?:19|20)\d\d\b)[-+]?\d+(?:[.,]\d+)*\s*%?(?![\w@])")
_FIGURE = re.compile(r"\b(?:fig(?:ure)?s?\.?\s*\d|figures?\b|plots?\b|curves?\b)", re.I)


def _segments(text: str, qtext: str, start_at: int) -> tuple[str, str, int]:
    """The stretch of the sentence that belongs to one number: the text after it up to the
    next number, and before it back to the previous one."""
    i = text.find(qtext, start_at)
    if i < 0:
        i = text.find(qtext)
    if i < 0:
        return "", "", start_at
    j = i + len(qtext)
    nums = [(m.start(), m.end()) for m in _NUM_IN_TEXT.finditer(text) if m.group(0).strip()]
    prev_end = max([e for s, e in nums if e <= i] or [0])
    next_start = min([s for s, e in nums if s >= j] or [len(text)])
    return text[j:next_start], text[prev_end:i], j


@functools.lru_cache(maxsize=65536)
def _core(label: str) -> str:
    """A column label without its parenthesised metric/shot notes: "MMLU (Acc.)" -> "MMLU"; a
    bracketed setting or an "@" length is a note too: "RULER @128K [0-shot]" -> "RULER"."""
    t = re.sub(r"\([^)]*\)|\[[^\]]*\]|\b\d+-shots?\b|(?<!\S)@\S+", " ", _leaf(label))
    return re.sub(r"\s+", " ", t).strip()


# the short forms tables print for words the prose spells out ("Val" for "the valid set")
_HEADER_SHORT = {"valid": "val", "validation": "val", "development": "dev", "accuracy": "acc", "perplexity": "ppl",
                 "parameters": "params", "training": "train"}


_AT_K = re.compile(r"^(recall|precision|hits?)@(\d+)$")


@functools.lru_cache(maxsize=65536)
def _text_tokens(text: str) -> frozenset[str]:
    toks = _tokens(text)
    # "recall@3" is printed "R@3" in a header, "precision@10" "P@10"
    at_k = {f"{m.group(1)[0]}@{m.group(2)}" for t in toks for m in [_AT_K.match(t)] if m}
    return toks | at_k | {_HEADER_SHORT[t] for t in toks if t in _HEADER_SHORT}


_ARROW = re.compile(r"\s*(?:\u2192|->)\s*")


def _named_in(label: str, text: str) -> bool:
    core = _core(label)
    if _ARROW.search(core):
        # a task written with an arrow ("D \u2192L", "L->S"): its letters say nothing alone, the label
        # as printed does
        want = _ARROW.sub("\u2192", core).strip()
        return bool(want) and re.search(r"(?<!\w)" + re.escape(want) + r"(?!\w)", _ARROW.sub("\u2192", text)) is not None
    lt = _tokens(core)
    if not lt or lt <= _GENERIC_COLUMN or not any(len(w) >= 3 and not w.isdigit() for w in lt):
        return False
    return lt <= _text_tokens(text)


def _benchmark_of(q: Any, after: str, before: str, columns: list[str]) -> str:
    """The benchmark a number is claimed on: a column label (or the quantity's benchmark) named
    in the text right after the number ("7.84 on alignbench"), else right before it."""
    # "a drop (1.7%) and a fairness gain (2%)": a number in brackets belongs to the words before it
    order = (before, after) if re.match(r"^\s*\)", after) else (after, before)
    for seg in order:
        named = [c for c in columns if _named_in(c, seg)]
        if named:
            # the most specific label ("AIME 2024" over "AIME")
            return max(named, key=lambda c: len(_tokens(_core(c))))
        if q.benchmark and _tokens(q.benchmark) and _tokens(q.benchmark) <= _tokens(seg):
            return q.benchmark
    return ""


def _claim_refs(claim: Claim, text: str, doc: Document | None) -> set[str]:
    """The tables a claim is about: those its sentence (or its enumeration's sentence) cites, else
    those the sentence before it in the same paragraph cites ("Table 7 outlines ... . Among
    open-source models, X emerges as the best ..."): a claim that follows a table's introduction
    is read against that table, not against every table that holds its system."""
    refs = {m.group(1) for m in _TABLE_REF.finditer(getattr(claim, "context", "") or text)}
    i = getattr(claim, "sentence", None)
    if refs or doc is None or not isinstance(i, int) or not 0 < i < len(doc.sentences):
        return refs
    here = doc.sentences[i]
    prev = doc.sentences[i - 1]
    if prev.paragraph != here.paragraph or prev.doc != here.doc:
        return refs
    return {m.group(1) for m in _TABLE_REF.finditer(prev.text)}


def _table_ref(t: Table, doc: Document | None) -> dict[str, Any]:
    f = doc.files[t.doc] if doc is not None and 0 <= t.doc < len(doc.files) else None
    return {"table_id": t.id, "label": t.label, "doc": t.doc, "file": f.name if f else "",
            "role": f.role if f else ("main" if t.doc == 0 else "supplement"), "page": t.page}


def _where(t: Table, doc: Document | None) -> str:
    ref = _table_ref(t, doc)
    name = f"Table {t.label}" if t.label else t.id
    role = "supplement" if ref["role"] == "supplement" else "main"
    return f"{name} ({role}{' ' + ref['file'] if ref['file'] else ''}, p. {t.page})"


def _claim_where(claim: Claim, doc: Document | None) -> str:
    """Where a claim is, as every quote says it: "main paper.pdf, p. 4" / "supplement x_SI.pdf, p. 2"."""
    f = doc.files[claim.doc] if doc is not None and 0 <= claim.doc < len(doc.files) else None
    role = (f.role if f else ("main" if claim.doc == 0 else "supplement"))
    role = "supplement" if role == "supplement" else "main"
    return f"{role}{' ' + f.name if f else ''}, p. {claim.page}"


# -- number checks -------------------------------------------------------------------------

_AVERAGE_BEFORE = re.compile(r"\b(?:average|avg\.?|mean)\s+(?:[\w-]+\s+){0,2}?(?:of|is|at|reaching|with)?\s*$", re.I)
_RATIO_CELL = re.compile(r"\d\s*[x\u00d7]\s*[*\u2020\u2021]?\s*$")


def _ratio_cell(raw: str) -> bool:
    """A cell printed as a ratio or speedup ("1.71x", "3.2\u00d7")."""
    return bool(_RATIO_CELL.search(raw or ""))


def _respective_targets(claim: Claim, tables: list[Table], cells_of: dict[str, list[_Cell]]) -> dict[int, str]:
    """"A reaches 1.71x and 1.87x on CIFAR10 and CIFAR100 respectively": the i-th number of the
    run goes with the i-th column named after it. Quantity index -> column label, or {} when the
    sentence has no such run (as many columns named after the numbers, in order, as numbers)."""
    text = claim.text
    resp = re.search(r"\brespectively\b", text)
    if not resp or len(claim.quantities) < 2:
        return {}
    idx: list[tuple[int, int]] = []  # (quantity index, its end in the text)
    pos = 0
    for k, q in enumerate(claim.quantities):
        at = text.find(q.text, pos)
        if at < 0 or at > resp.start():
            continue
        idx.append((k, at + len(q.text)))
        pos = at + len(q.text)
    if len(idx) < 2:
        return {}
    # the names follow the numbers, before or after the word ("... on A and B respectively",
    # "... respectively on A and B"), up to the end of the clause
    stop = re.search(r"[;:]|\.\s", text[resp.end():])
    tail = text[idx[-1][1]:resp.end() + (stop.start() if stop else len(text))]
    labels = list(dict.fromkeys(c.column for t in tables for c in cells_of[t.id] if c.value is not None))
    found: dict[int, str] = {}  # position in the tail -> the longest label named there
    for lab in labels:
        core = _core(lab)
        if not _named_in(lab, tail):
            continue
        pat = _label_pattern(core)
        m = pat.search(tail) if pat else None
        if m and (m.start() not in found or len(_core(found[m.start()])) < len(core)):
            found[m.start()] = lab
    named = [found[k] for k in sorted(found)]
    # labels printed under several upper headers give one name several labels: keep one per spelling
    spelled: list[str] = []
    for lab in named:
        if not any(_core(x).casefold() == _core(lab).casefold() for x in spelled):
            spelled.append(lab)
    if len(spelled) != len(idx):
        return {}
    return {k: _core(lab) for (k, _), lab in zip(idx, spelled)}


_PAIR_WORD = r"(?:vs\.?|versus|compared (?:to|with)|against)"
_PAIR_AFTER = re.compile(r"^\s*(?:[%\w@.-]+\s+){0,2}?" + _PAIR_WORD + r"\s+(?:the\s+)?(?:next[- ]best\s+|runner-up\s+)?$", re.I)


def _pairs(text: str, quantities: list[Any]) -> dict[int, int]:
    """Numbers set against each other in the sentence ("93% vs 92% accuracy", "0.61 recall@3 vs
    the next best 0.47", "a score of 0.7818 compared to 0.7849"): quantity index -> its partner's.
    The two numbers of a pair belong to two systems, and the sentence's grammar rarely says which
    is whose; the metric words around the pair are the pair's."""
    at: list[tuple[int, int]] = []
    pos = 0
    for q in quantities:
        i = text.find(q.text, pos)
        at.append((i, i + len(q.text)) if i >= 0 else (-1, -1))
        if i >= 0:
            pos = i + len(q.text)
    out: dict[int, int] = {}
    for k in range(len(quantities) - 1):
        (s0, e0), (s1, _e1) = at[k], at[k + 1]
        if s0 < 0 or s1 < 0 or s1 <= e0:
            continue
        if _PAIR_AFTER.match(text[e0:s1]):
            out[k], out[k + 1] = k + 1, k
    return out


def _pair_stretch(text: str, q0: Any, q1: Any) -> tuple[str, str]:
    """The words that belong to a pair of numbers: between them and after the second (up to the
    next number), and before the first back to the previous one."""
    a_after, a_before, _ = _segments(text, q0.text, 0)
    # (after the first number: "92% vs 92% accuracy", a tie, prints the second as the first)
    at0 = text.find(q0.text)
    b_after, _b_before, _ = _segments(text, q1.text, at0 + len(q0.text) if at0 >= 0 else 0)
    between = re.sub(_PAIR_WORD + r"|\b(?:the|next|best|runner-up)\b", " ", a_after, flags=re.I)
    return f"{between} {b_after}", a_before


def _closest_rows(name: str, cells: list[_Cell]) -> set[str]:
    """Of the rows a name matches, those whose labels add the fewest words to it, when they are
    fewer than all ("DS-Coder-V2-Instruct" of {"DS-Coder-V2-Instruct", "DS-Coder-V2-Lite-Instruct"}
    for "DeepSeek-Coder-V2")."""
    mine = _tokens(name)
    extra = {_leaf(c.system): len(_tokens(_leaf(c.system)) - mine) for c in cells}
    if len(extra) < 2:
        return set()
    low = min(extra.values())
    best = {k for k, v in extra.items() if v == low}
    return best if len(best) < len(extra) else set()


# number checks (by id) whose subject, read from the sentence before, another number bears out
_SUBJECT_BORNE_OUT: set[int] = set()
# an aside closed before the verb: ", a weakly supervised linking algorithm," / "(Ernst et al., 2021)"
_CLOSED_APPOSITIVE = re.compile(r"\s*\([^()]*\)|,\s*(?:a|an|the)\s[^,;:()\u2013\u2014]*,(?=\s*[a-z])", re.I)


def _fronted_aside(text: str, name: str, named_at: int) -> bool:
    """``name`` is said only in a clause before the system's own name, closed by a comma
    ("Regarding subjective evaluation with GPT-4 as a judger, DeepSeek-Coder-V2 achieves 65.0"):
    the number after the system's name is not the other name's."""
    if named_at < 0:
        return False
    at = [m.start() for m in re.finditer(re.escape(name), text)]
    return bool(at) and all(a < named_at and re.search(r"[,;:]", text[a + len(name):named_at]) for a in at)


def _pair_settled(q: Any, partner: Any, q_first: bool, cands: list[tuple[Table, _Cell]],
                  cells_of: dict[str, list[_Cell]]) -> tuple[Table, _Cell] | None:
    """Of two numbers set against each other, the cell the one not borne out stands for, when the
    other one settles the order: (a) this number is the first of the pair ("X performs best (0.61
    vs the next best 0.47)"), the partner is the cell of another row of the column, and the named
    system has one cell there (this number is that system's); (b) the partner is the named
    system's own cell and the column has one other row (this number is that row's). None when
    it is not settled, or when this number is a cell of the row it stands for."""
    own = [(t, c) for t, c in cands if c.confident]
    if len(own) != 1 or len(cands) != 1:
        return None  # several rows (or columns) the name may mean: the order settles nothing
    t, mine = own[0]
    col = [c for c in cells_of[t.id] if c.column == mine.column and c.value is not None]
    if not all(c.confident for c in col):
        return None
    partner_rows = [c for c in col if _equal(partner.value, partner.text, c)]
    if len(partner_rows) == 1 and partner_rows[0].system != mine.system and q_first:
        return (t, mine) if not _equal(q.value, q.text, mine) else None
    if len(partner_rows) == 1 and partner_rows[0].system == mine.system and len(col) == 2:
        other = next(c for c in col if c.system != mine.system)
        return (t, other) if not any(_equal(q.value, q.text, c) for c in col) else None
    return None


def _group(system: str) -> str:
    return " / ".join(system.split(" / ")[:-1])


def _settled_by_neighbours(text: str, q: Any, cands: list[tuple[Table, _Cell]],
                           cells_of: dict[str, list[_Cell]]) -> tuple[Table, _Cell] | None:
    """Of several rows a name may mean ("VL-HMM |Z| = 2^15" under PENN TREEBANK and WIKITEXT in
    Table 1, "VL-HMM (2^14)" in two ablation tables), the one that stands in the table, column and
    row group where the sentence's other numbers are printed ("On PTB, the VL-HMM ... 125.0 on the
    valid set, outperforming a FF baseline (159.9) and ... the 900-state HMM (284.6)": both in
    Table 1's Val column under PENN TREEBANK). Two or more other numbers, each printed (as the
    sentence prints it) in one cell of the candidates' tables, all in one column and group, and one
    confident candidate there; else None."""
    tabs = {t.id: t for t, _ in cands}
    at = text.find(q.text)
    homes = set()
    placed = 0
    # (decimals only: a round number may stand in many a cell by chance)
    for s0, _e0, _v0, digits, mult in _prose_numbers(text):
        if at <= s0 < at + len(q.text) or mult != 1.0 or "." not in digits:
            continue
        hit = [(tid, c) for tid in tabs for c in cells_of[tid] if c.raw and c.value is not None
               and (m := _PRINTED_NUM.match(c.raw)) and m.group("n") == digits]
        if len(hit) != 1:
            continue
        tid, c = hit[0]
        homes.add((tid, c.column, _group(c.system)))
        placed += 1
    if placed < 2 or len(homes) != 1:
        return None
    tid, col, grp = next(iter(homes))
    mine = [(t, c) for t, c in cands if t.id == tid and c.column == col and _group(c.system) == grp]
    if len(mine) != 1 or not mine[0][1].confident:
        return None
    return mine[0]


def _settle_by_sibling(parts: list[tuple], meta: list[tuple], doc: Document | None) -> None:
    """A number not borne out only because its name matches several rows ("DeepSeek-Coder-V2" for
    "DS-Coder-V2-Instruct" and "DS-Coder-V2-Lite-Instruct", "it" read as a family name) is read
    against the one of those rows that another number of the same sentence, said of the same name,
    is borne out in ("It scores 21% in Defects4J and 12.7% in SWE-Bench Lite": 12.7% is
    DS-Coder-V2-Instruct's own cell, so 21% is read against that row's Defects4J cell). Rewritten
    in place: a mismatch when the settled row's confident cell differs, consistent when it agrees."""
    if len(parts) != len(meta):
        return
    borne: dict[str, set[tuple[str, str]]] = {}
    for p, m in zip(parts, meta):
        if p[0] == "consistent" and p[2]:
            t, c = p[2][0]
            borne.setdefault(m[0], set()).add((t.id, c.system))
    for i, (p, m) in enumerate(zip(parts, meta)):
        name, q, cands, target, eligible = m
        if p[0] != "unverified" or not eligible or not borne.get(name):
            continue
        settled = [(t, c) for t, c in cands if (t.id, c.system) in borne[name]]
        if len(settled) != 1 or not settled[0][1].confident:
            continue
        t, c = settled[0]
        if not _equal(q.value, q.text, c) and not (c.value and 0.5 <= q.value / c.value <= 2):
            continue  # a number of another order than the cell's: maybe another quantity
        why = f"the row another number of the sentence is borne out in, {_leaf(c.system)}"
        if _equal(q.value, q.text, c):
            parts[i] = ("consistent", f"{c.system} {q.text} on {target}: {_where(t, doc)} has {c.raw or f'{c.value:g}'} ({why})",
                        [settled[0]], "")
        else:
            parts[i] = ("mismatch", f"the text says {name} reaches {q.text} on {target}; {_where(t, doc)} has "
                        f"{c.raw or f'{c.value:g}'} for {_leaf(c.system)} / {_leaf(c.column)} ({why})", [settled[0]], "")


def _pair_settled_by_other_pairs(text: str, q: Any, partner: Any, q_first: bool, cands: list[tuple[Table, _Cell]],
                                 cells_of: dict[str, list[_Cell]]) -> tuple[Table, _Cell] | None:
    """Of two numbers set against each other, the second the named system's own cell, the row the
    first stands for when the sentence's other pairs settle it: each other "a vs b" of the sentence
    is, in another column of the same table, b the named system's cell and a the cell of one other
    row, the same row for all ("the no-hint setting scores higher than the SuperPAL hint settings
    (93% vs 92% accuracy, 0.71 vs 0.64 Fleiss κ) and takes less time (41.4 vs 48.2 seconds)": None
    in the κ and time columns, so 93% is None's accuracy). None when not settled."""
    own = [(t, c) for t, c in cands if c.confident]
    if not q_first or len(own) != 1 or len(cands) != 1:
        return None
    t, mine = own[0]
    if not _equal(partner.value, partner.text, mine):
        return None
    cells = [c for c in cells_of[t.id] if c.value is not None and c.raw]
    nums = [m0 for m0 in _PROSE_NUM.finditer(text) if not m0.group("m") and not _NOT_A_VALUE.search(text[max(0, m0.start() - 14):m0.start()])]
    at_q = text.find(q.text)
    at_p = text.find(partner.text, at_q + len(q.text) if at_q >= 0 else 0)
    rows: set[str] = set()
    for a, b in zip(nums, nums[1:]):
        if a.start() in (at_q, at_p) or b.start() in (at_q, at_p) or not _PAIR_AFTER.match(text[a.end():b.start()]):
            continue
        if "." not in a.group("n") + b.group("n"):
            continue  # two round numbers may meet anywhere
        found = set()
        for col in dict.fromkeys(c.column for c in cells):
            if col == mine.column:
                continue
            line = [c for c in cells if c.column == col]
            own_b = [c for c in line if c.system == mine.system and _same_value(float(b.group("n")), b.group("n"), 1.0, b.group(0), c)]
            other_a = [c for c in line if c.system != mine.system and _same_value(float(a.group("n")), a.group("n"), 1.0, a.group(0), c)]
            if own_b and len(other_a) == 1 and all(c.confident for c in line):
                found.add(other_a[0].system)
        if len(found) != 1:
            return None  # a pair of the sentence not placed so (or placed two ways): the order is not settled
        rows |= found
    if len(rows) != 1:
        return None
    row = next(iter(rows))
    cell = next((c for c in cells_of[t.id] if c.system == row and c.column == mine.column and c.value is not None), None)
    if cell is None or not cell.confident or _equal(q.value, q.text, cell):
        return None
    return (t, cell)


def _table_average_meant(claim: Claim, doc: Document | None, named_col: list[tuple[Table, _Cell]],
                         cells_of: dict[str, list[_Cell]], read_cols: set[str] = frozenset()) -> bool:  # type: ignore[assignment]
    """An average the sentence names alone ("securing the second-highest average score of 75.3%")
    is the table's one average column when the sentence names no benchmark or other column (so no
    other set of columns is averaged) and its paragraph cites that table (or reads it). Columns the sentence
    reads across the same row first, each borne out ("80.0% in Python, 89.1% in Java, and 87.2% in
    JavaScript, leading to a top Mean score of 86.4%"), are the row the average closes."""
    tabs = {t.id: t for t, _ in named_col}
    if len(tabs) != 1 or doc is None:
        return False
    t = next(iter(tabs.values()))
    cols = list(dict.fromkeys(c.column for c in cells_of[t.id]))
    i = getattr(claim, "sentence", None)
    cited = isinstance(i, int) and 0 <= i < len(doc.sentences) and t.label in _paragraph_refs(i, doc, later=True)
    if not cited and not read_cols & set(cols):
        return False  # neither cited nor read across by the sentence: another table's average may be meant
    if [c for c in _labels_named(cols, claim.text) if not re.search(r"\b(?:avg|average|mean)\b", _leaf(c), re.I)
            and c not in read_cols]:
        return False
    return not [sp for sp in quantity_lexicon()["benchmarks"].spans(claim.text)
                if not any(_named_in(c, claim.text[sp[0]:sp[1]]) for c in read_cols)]


def _check_numbers(claims: list[Claim], tables: list[Table], cells_of: dict[str, list[_Cell]],
                   doc: Document | None = None, other_tables: list[Table] | None = None) -> list[CrossCheck]:
    """``other_tables``: tables not taken for results tables (a caption that names no result, a
    table of perplexities): a claimed number one of them holds for the system and benchmark is
    borne out there, and no results table's cell is held against it."""
    out = []
    other_tables = other_tables or []
    for claim in claims:
        parts: list[tuple[str, str, list[tuple[Table, _Cell]], str]] = []  # status, text, cells, reason
        # per part: the name the number was read for, the number, and (not borne out) the rows the name may mean
        meta: list[tuple[str, Any, list[tuple[Table, _Cell]], str, bool]] = []
        pos = 0
        respective = _respective_targets(claim, tables, cells_of)
        pairs = _pairs(claim.text, claim.quantities)
        last_target = ""  # the benchmark the previous number of the sentence was read on
        for qi, q in enumerate(claim.quantities):
            after, before, pos = _segments(claim.text, q.text, pos)
            if not q.system or q.unit not in ("", "%", "points", "x"):
                continue
            partner = claim.quantities[pairs[qi]] if qi in pairs else None
            if partner is not None:
                first, second = (q, partner) if pairs[qi] > qi else (partner, q)
                after, before = _pair_stretch(claim.text, first, second)
                if re.search(r"[A-Za-z]", re.split(r"[,;:()]", after.strip(), maxsplit=1)[0]):
                    before = ""  # "0.71 vs 0.64 Fleiss κ": the words after the pair are its metric
            # "+4% to +10% of Rouge-2": a signed number is a difference, unless the table prints signed cells
            signed = q.text.lstrip().startswith("+") or claim.text[max(0, claim.text.find(q.text) - 1):claim.text.find(q.text)] == "+"
            # a ratio ("1.71x speedup") is read against cells printed as ratios ("1.71x"), and only those
            ratio = q.unit == "x"
            mine = [(t, c) for t in tables for c in cells_of[t.id] if c.value is not None and names_match(q.system, c.system, 2)
                    and _ratio_cell(c.raw) == ratio and (not signed or _signed(c.raw) is not None)]
            # the rows that print the name itself, when there are any: "Janus-Pro-7B" is not "Janus-Pro-1B",
            # "DeepSeekMoE 16B" not "DeepSeekMoE Chat 16B"
            exact = [(t, c) for t, c in mine if _exact(c.system, q.system) or _exact(_leaf(c.system), q.system)]
            loose = mine
            mine = exact or mine
            if not mine:
                continue
            cols = list(dict.fromkeys(c.column for _, c in mine))
            target = respective[qi] if qi in respective else _benchmark_of(q, after, before, cols)
            if exact and qi not in respective and not any(
                    names_match(target, c.column, 4) or _named_in(c.column, target) for _, c in exact if target):
                # the rows that print the name hold no column the sentence names: its other spellings
                # may ("DS-Coder-V2-Instruct" of Table 8 for "DeepSeek-Coder-V2 Instruct" of Table 10);
                # read so, the name is no longer exact (several rows may match)
                cols_l = list(dict.fromkeys(c.column for _, c in loose))
                target_l = _benchmark_of(q, after, before, cols_l)
                if target_l and any(names_match(target_l, c.column, 4) or _named_in(c.column, target_l) for _, c in loose):
                    mine, cols, exact, target = loose, cols_l, [], target_l
            averaged = False
            avg_said = _AVERAGE_BEFORE.search(before)
            if target and avg_said and qi not in respective and target == last_target and not _named_in(target, after):
                # "87.2% in JavaScript, leading to a top Mean score of 86.4%": the benchmark before the
                # average is the previous number's; this number is the average
                target = ""
            last_target = target
            if not target and avg_said:
                # "an average score of 75.3%": the table's one average ("Avg.", "Average") or mean column
                word = r"\bmean\b" if avg_said.group(0).lower().startswith("mean") else r"\b(?:avg|average)\b"
                agg = [col for col in cols if re.search(word, _leaf(col), re.I)]
                if not agg and exact:
                    # the rows that print the name hold no average: the other spellings of it may
                    # ("DS-Coder-V2-Instruct" for "DeepSeek-Coder-V2-Instruct")
                    mine = loose
                    cols = list(dict.fromkeys(c.column for _, c in mine))
                    agg = [col for col in cols if re.search(word, _leaf(col), re.I)]
                if len(agg) == 1:
                    target, averaged = agg[0], True
            if not target and qi not in respective and re.search(r"\brespectively\b", claim.text):
                # "A and B reach 55.6% and 56.0% on SWE-bench respectively": one benchmark for the list
                target = _benchmark_of(q, claim.text[claim.text.find(q.text):], "", cols)
            if not target:
                continue
            cands = [(t, c) for t, c in mine if names_match(target, c.column, 4) or _named_in(c.column, target)]
            if not cands:
                continue
            # a tie ("92% vs 92% accuracy") bears out the named system's cell with one of its numbers
            # only: the first is the other row's, the one the sentence's other pairs put first
            tie_cell = _pair_settled_by_other_pairs(claim.text, q, partner, True, cands, cells_of) \
                if partner is not None and pairs[qi] > qi and partner.text.strip() == q.text.strip() else None
            hits = [] if tie_cell else [(t, c) for t, c in cands if _equal(q.value, q.text, c)]
            if tie_cell:
                pass
            elif not hits and partner is not None and any(_equal(partner.value, partner.text, c) for _, c in cands):
                # the partner is the named system's number: this one is the other system's, a row of the same column
                hits = [(t, c2) for t, c in cands if _equal(partner.value, partner.text, c) for c2 in cells_of[t.id]
                        if c2.column == c.column and c2.system != c.system and _equal(q.value, q.text, c2)]
            if not hits and not tie_cell and partner is not None and pairs[qi] < qi and len(cands) == 1 \
                    and not _equal(partner.value, partner.text, cands[0][1]):
                # the second of a pair whose first number is the named system's (borne out or not, it is
                # not this one: "performs best (0.61 vs the next best 0.47)"): another row's cell of the column
                t0, c0 = cands[0]
                other_rows = [(t0, c2) for c2 in cells_of[t0.id] if c2.column == c0.column and c2.system != c0.system
                              and _equal(q.value, q.text, c2)]
                if len(other_rows) == 1:
                    hits = other_rows
            if not hits and not tie_cell:
                # "A and B reach 55.6% and 56.0% respectively", "... of 76.6% achieved by GPT-4o":
                # the number may belong to another system the sentence names
                for other in _claim_names(claim):
                    if other == q.system:
                        continue
                    hits += [(t, c) for t in tables for c in cells_of[t.id]
                             if c.value is not None and names_match(other, c.system, 2)
                             and (names_match(target, c.column, 4) or _named_in(c.column, target)) and _equal(q.value, q.text, c)]
            if not hits and not tie_cell:
                hits = [(t, c) for t in other_tables for c in cells_of[t.id]
                        if c.value is not None and names_match(q.system, c.system, 2) and _ratio_cell(c.raw) == ratio
                        and (names_match(target, c.column, 4) or _named_in(c.column, target)) and _equal(q.value, q.text, c)]
            in_cands = hits and all(any(c is x for _, x in cands) for _, c in hits)
            if in_cands and not exact:
                # a family name ("DeepSeek-Coder-V2") that several rows of the column carry: a number only a
                # longer variant holds ("DS-Coder-V2-Lite-Instruct", when "DS-Coder-V2-Instruct" is there) is
                # that variant's, not borne out for the name; shown unverified
                closest = _closest_rows(q.system, [c for _, c in cands])
                # (a word the variant adds: "Lite", "Small", "Chat"; not a setting's letter or a version, "|Z| = 2", "V2")
                added = {w for _, c in hits for k in closest for w in _tokens(_leaf(c.system)) - _tokens(k) - _tokens(q.system)
                         if w.isalpha() and len(w) >= 3}
                if closest and added and not any(_leaf(c.system) in closest for _, c in hits):
                    t, c = hits[0]
                    parts.append(("unverified", f"the text says {q.system} reaches {q.text} on {target}; {_where(t, doc)} has it "
                                  f"for {_leaf(c.system)}", [hits[0]],
                                  f"the number is that of {_leaf(c.system)}, a longer name than {sorted(closest)[0]}, "
                                  f"which has {next((x.raw for _, x in cands if _leaf(x.system) in closest), '')}"))
                    meta.append((q.system, q, [(t, x) for t, x in cands if x.column == c.column], target, True))
                    continue
            if hits:
                t, c = hits[0]
                parts.append(("consistent", f"{c.system} {q.text} on {target}: {_where(t, doc)} has {c.raw or f'{c.value:g}'}", [hits[0]], ""))
                meta.append((q.system, q, [], target, False))
                continue
            reasons = []
            # a pair whose order the partner settles: the partner is the cell of another row of the
            # column (so this number is the named system's), or the named system's own cell in a column
            # of two rows (so this number is the other row's); the one compared cell is then known
            pair_cell = _pair_settled(q, partner, pairs[qi] > qi, cands, cells_of) if partner is not None else None
            if partner is not None and pair_cell is None:
                pair_cell = _pair_settled_by_other_pairs(claim.text, q, partner, pairs[qi] > qi, cands, cells_of)
            if _DERIVED.search(before[-40:].rstrip(" (")) or _DERIVED_AFTER.search(after):
                reasons.append("the number reads as a difference, bound or approximation, not a table value")
            # (the whole sentence: "at k = 5" is cut in two by the number 5 itself)
            missing = _setting_missing(_settings(claim.text), list({id(t): t for t, _ in cands}.values()))
            if missing:
                reasons.append(f"the claim's setting ({missing}) is not in the table")
            claimed_metrics = {_metric_key(m) for m in _METRIC_TOKEN.findall(before + " " + after)}
            if claimed_metrics:
                table_metrics = {_metric_key(m) for t, c in cands
                                 for m in _METRIC_TOKEN.findall(f"{c.column} {t.caption} {' '.join(' '.join(h) for h in t.header)}")
                                 + _SHORT_AT_K.findall(f"{c.column} {' '.join(' '.join(h) for h in t.header)}")}
                if not claimed_metrics <= table_metrics:
                    reasons.append(f"the claim's metric ({', '.join(sorted(claimed_metrics))}) is not the table's")
            if not all(c.confident for _, c in cands):
                reasons.append("the table's cells were not read with confidence: " + "; ".join(sorted({c.why for _, c in cands if c.why}))[:160])
            per_table: dict[str, set[str]] = {}
            for t, c in cands:
                per_table.setdefault(t.id, set()).add(c.system)
            # several rows, in one table or across tables, none printing the name itself ("Janus-Pro"
            # for "Janus-Pro-1B" and "Janus-Pro-7B"): which one the claim means is not known
            # When no row the name may mean holds the number, which one is meant does not matter: the
            # claim disagrees with each, as long as the number is of the cells' order (the same quantity)
            # (the cells of the column the sentence names exactly, when there are any: "Open-ended / Arena-Hard",
            # not also "LiveCodeBench / Hard (57)", whose leaf is a word of it)
            named_col = [(t, c) for t, c in cands if c.column == target] or cands
            cands_col = named_col
            if pair_cell is None and len(named_col) > 1:
                # several rows the name may mean: the one printed where the sentence's other numbers are
                pair_cell = _settled_by_neighbours(claim.text, q, named_col, cells_of)
                by_neighbours = pair_cell is not None
            else:
                by_neighbours = False
            if pair_cell is not None:
                named_col = [pair_cell]
            if pair_cell is None and (any(len(v) > 1 for v in per_table.values()) or (not exact and len({_leaf(c.system) for _, c in cands}) > 1)) \
                    and not all(c.value and 0.5 <= q.value / c.value <= 2 for _, c in named_col):
                reasons.append(f"several rows match {q.system}")
            # a row whose label qualifies the name ("VL-HMM (2^14)", "X 142B (Half Activated)"): a variant
            # of the system, maybe not the one the sentence means
            if pair_cell is None and not exact and all(re.search(r"\([^()]*[^\s()][^()]*\)|=", _leaf(c.system)) for _, c in cands):
                reasons.append(f"the table's rows qualify the name {q.system} ({_leaf(cands[0][1].system)})")
            at = claim.text.find(q.text)
            named_at = claim.text.rfind(q.system, 0, max(0, at))
            others = [n for n in _claim_names(Claim(text=before + after, kind="", kinds=[], hedged=False, location="", doc=0, page=0, bbox=(0, 0, 0, 0)))
                      if n != q.system and not names_match(n, q.system, 3) and any(names_match(n, c.system, 2) for t in tables for c in cells_of[t.id])
                      and not _fronted_aside(claim.text, n, named_at)]
            if others and pair_cell is None:
                reasons.append(f"the number may belong to {others[0]}")
            # the name is said of the number only within its clause: "X ..., a redesign achieving
            # 84.9%" says 84.9% of the redesign, not of X; an aside closed before the verb is not a
            # clause between them ("SuperPAL (Ernst et al., 2021), a weakly supervised linking
            # algorithm, performs best (0.61 ...")
            gap = claim.text[named_at + len(q.system): at] if named_at >= 0 and at >= 0 else ""
            gap = _CLOSED_APPOSITIVE.sub(" ", gap)
            # (", which leads with an average score of": a relative clause on the name itself says the number of it)
            if named_at < 0 or len(gap) > 160 or (not _RELATIVE_ON_NAME.match(gap) and re.search(
                    r"[;:]\s|[,\u2013\u2014(]\s*(?:a|an|the|this|that|which|whose|its|their|while|whereas)\b|\b(?:while|whereas)\b", gap, re.I)):
                reasons.append(f"the sentence does not say the number of {q.system} (another clause lies between them)")
            read_cols = {c.column for p in parts if p[0] == "consistent" for _, c in p[2]}
            if averaged and not _table_average_meant(claim, doc, named_col, cells_of, read_cols):
                reasons.append("an average, which the table may take over other columns than the sentence")
            if partner is not None and pair_cell is None:
                reasons.append(f"one of two numbers set against each other ({first.text} vs {second.text}): "
                               "which system each belongs to is not read")
            if ratio:
                # whose ratio over whom ("X, like Y, reaches 1.9x"): the sentence's grammar is not read
                # closely enough to call a ratio wrong; it is shown, never counted as a mismatch
                reasons.append("a ratio claim is checked for agreement only")
            own_rows = {_leaf(c.system) for _, c in named_col if _exact(c.system, q.system) or _exact(_leaf(c.system), q.system)} \
                or _closest_rows(q.system, [c for _, c in named_col])
            if pair_cell is None and own_rows:
                named_col = sorted(named_col, key=lambda tc: _leaf(tc[1].system) not in own_rows)
                if not reasons:
                    # a mismatch: the cell of the row the claim names, not every row its name may match
                    named_col = [(t, c) for t, c in named_col if _leaf(c.system) in own_rows]
            vals = ", ".join(f"{c.raw or f'{c.value:g}'} ({c.system}, {c.column}, {_where(t, doc)})" for t, c in named_col[:4])
            if pair_cell is None and own_rows and not reasons and len(named_col) == 1:
                t1, c1 = named_col[0]
                text = (f"the text says {q.system} reaches {q.text} on {target}; {_where(t1, doc)} has {c1.raw or f'{c1.value:g}'} "
                        f"for {_leaf(c1.system)} / {_leaf(c1.column)}")
            elif by_neighbours:
                pt, pc = pair_cell
                text = (f"the text says {q.system} reaches {q.text} on {target}; {_where(pt, doc)} has {pc.raw or f'{pc.value:g}'} "
                        f"for {_leaf(pc.system)} / {_leaf(pc.column)}, where the sentence's other numbers are printed")
            elif pair_cell is not None:
                pt, pc = pair_cell
                text = (f"the text says {q.text} vs {partner.text} on {target}; {_where(pt, doc)} has {pc.raw or f'{pc.value:g}'} "
                        f"for {_leaf(pc.system)}, not {q.text}")
            else:
                text = f"the text says {q.system} reaches {q.text} on {target}; the table says {vals}"
            parts.append(("unverified" if reasons else "mismatch", text, named_col[:8], "; ".join(reasons)))
            # only the rows the name may mean stand in the way: a sibling number may settle the row
            meta.append((q.system, q, list(cands_col), target,
                         bool(reasons) and all(r.startswith("several rows match") for r in reasons)))
        if not parts:
            continue
        _settle_by_sibling(parts, meta, doc)
        status = _overall(parts)
        # a subject read from the sentence before ("It scores 70.0% on A and 75.1% on B") is borne
        # out when another number of the sentence is that row's own cell: then a number its row
        # does not hold is a mismatch, not a misread antecedent
        borne_rows = {(t.id, c.system) for p in parts if p[0] == "consistent" for t, c in p[2]}
        subject_borne_out = bool(getattr(claim, "subject", None)) and status == "mismatch" and all(
            (t.id, c.system) in borne_rows for p in parts if p[0] == "mismatch" for t, c in p[2][:1])
        cells = [(t, c) for p in parts for t, c in p[2]]
        shown = [p for p in parts if p[0] == status] + [p for p in parts if p[0] != status]
        message = f"claim ({_claim_where(claim, doc)}): " + "; ".join(
            f"{p[1]}" + (f" [unverified: {p[3]}]" if p[0] == "unverified" else "") for p in shown)
        used = list(dict.fromkeys(t.id for t, _ in cells))
        tabs = [next(t for t, _ in cells if t.id == i) for i in used]
        first = tabs[0]
        conf = min(c.confidence for _, c in cells) if cells else None
        check = CrossCheck(
            kind="number", status=status, message=message,
            claim=claim.text, claim_doc=claim.doc, claim_page=claim.page, claim_bbox=claim.bbox,
            table=first.caption, table_id=first.id, table_doc=first.doc, table_page=first.page,
            cells=[_cell_dict(c, t, doc) for t, c in cells[:12]], confidence=conf,
            reason="; ".join(p[3] for p in parts if p[3]), tables=[_table_ref(t, doc) for t in tabs],
        )
        if subject_borne_out:
            _SUBJECT_BORNE_OUT.add(id(check))
        out.append(check)
    return out


# -- numbers in sentences that cite a table ------------------------------------------------------

# a number as prose prints it, with a thousands/millions suffix ("3.1K words", "81.1M papers")
_PROSE_NUM = re.compile(r"(?<![\w.@/\u2212-])(?P<n>\d+(?:\.\d+)?)(?P<m>\s?[KMB](?![A-Za-z]))?(?P<pct>\s?%)?(?![\w@/]|\.\d|-[A-Za-z])")
_NOT_A_VALUE = re.compile(r"(?:\b(?:tables?|tab\.?|figures?|figs?\.?|sections?|sec\.?|appendix|eq\.|equation|step|stage|rq|"
                          r"top-?|k\s*=|n\s*=|f\s*=)\s*$|\u00a7\s*$|\b(?:eqs?\.|eqn\.?|equations?)\s*\(\s*$)", re.I)


_ORDINAL_OF = re.compile(r"\b(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|last|\d+(?:st|nd|rd|th))\s+"
                         r"(?:\w+\s+)?(?:out\s+)?of\s*(?:the\s+)?$", re.I)
# the bounds of an interval the sentence prints after its estimate ("95% CI = 1.09–1.88", "CI: 0.99 to 2.07")
_INTERVAL_PART = re.compile(r"\b(?:CI|confidence interval|credible interval)s?\s*[=:]?\s*(?:[-+−]?\d+(?:\.\d+)?\s*(?:[–—-]|to|,)\s*)?$")


def _enumeration_mark(text: str, m: re.Match) -> bool:
    """The number is an enumeration mark: an integer alone in a bracket, or closing one at the
    start of a clause ("(1) SQuALITY ...", "1) Process PDFs"). A decimal never numbers a list item:
    "a FF baseline (159.9)" is a value, and so is a bracketed percentage or "3.1K"."""
    if "." in m.group("n") or m.group("pct") or m.group("m"):
        return False
    return bool(re.match(r"\s*\)", text[m.end():]) and re.search(r"(?:^|[(,;:]\s*|\s)\($|(?:^|[,;:]\s*)$", text[:m.start()]))


def _prose_numbers(text: str) -> list[tuple[int, int, float, str, float]]:
    """(start, end, value, printed digits, multiplier) of the values a sentence states: no table,
    figure or section numbers, no years, no citation years."""
    out = []
    for m in _PROSE_NUM.finditer(text):
        n = m.group("n")
        if _NOT_A_VALUE.search(text[max(0, m.start() - 14):m.start()]):
            continue
        if re.fullmatch(r"(?:19|20)\d\d", n) and not m.group("pct"):
            continue
        if m.group("m") and (re.search(r"[A-Z][\w.-]*\s?$", text[max(0, m.start() - 20):m.start()])
                             or re.match(r"\s*(?:models?|param\w*|LLMs?)\b", text[m.end():], re.I)):
            continue  # "DeepSeek 7B", "LLaMA2 70B", "236B models": a model's size
        if _enumeration_mark(text, m):
            continue  # "(1) SQuALITY ...", "1) Process PDFs": an enumeration marker
        if text.rfind("[", 0, m.start()) > text.rfind("]", 0, m.start()):
            continue  # "[15, 43, 44]": citation numbers
        if m.start() == 0 and re.match(r"\s+[A-Z]", text[m.end():]):
            continue  # "6 Buys et al. (2018) ...": a footnote mark
        if re.match(r"\s?[\u2212\u00d7*/\u00f7^=]\s?[-\u2212]?\d", text[m.end():]) \
                or re.search(r"(?:[\u00d7*/\u00f7^]|\d[KMB]?\s?[\u2212=])\s?$", text[max(0, m.start() - 6):m.start()]):
            continue  # "1 \u22124096\u00d712 128K = 62.5%": a term or result of a formula, no table value
        if _ORDINAL_OF.search(text[max(0, m.start() - 30):m.start()]):
            continue  # "ranks CIF fifth of 17": the size of the field, not a value
        if _INTERVAL_PART.search(text[max(0, m.start() - 40):m.start()]) or re.match(r"\s*%?\s*(?:CI|confidence|credible)\b", text[m.end():]):
            continue  # "95% CI = 1.09–1.88": the interval's level and bounds, not the estimate a cell holds
        mult = _MAG[m.group("m").strip()] if m.group("m") else 1.0
        out.append((m.start(), m.end(), float(n), n, mult))
    return out


def _paragraph_refs(i: int, doc: Document, later: bool = False) -> set[str]:
    """The tables a sentence cites, or that an earlier sentence of its paragraph cites; with
    ``later``, failing those, one of the next sentences of its paragraph ("... 27.6M of the 28.9M
    PDFs. ... See Table 3 for more provenance statistics.")."""
    here = doc.sentences[i]
    refs = {m.group(1) for m in _TABLE_REF.finditer(here.text)}
    j = i - 1
    while not refs and j >= 0 and i - j <= 4:
        prev = doc.sentences[j]
        if prev.paragraph != here.paragraph or prev.doc != here.doc:
            break
        refs = {m.group(1) for m in _TABLE_REF.finditer(prev.text)}
        j -= 1
    j = i + 1
    para = here.paragraph
    while later and not refs and j < len(doc.sentences) and j - i <= 5:
        nxt = doc.sentences[j]
        if nxt.doc != here.doc:
            break
        if nxt.paragraph != para:
            # (a paragraph cut before a line that opens with "Table 3 ...", its sentence unfinished:
            # "See" | "Table 3 for more provenance statistics.")
            if re.search(r"[.!?:]\W*$", doc.sentences[j - 1].text.strip()) or not _TABLE_REF.match(nxt.text):
                break
            para = nxt.paragraph
        refs = {m.group(1) for m in _TABLE_REF.finditer(nxt.text)}
        j += 1
    return refs


@functools.lru_cache(maxsize=65536)
def _fold(toks: frozenset[str]) -> frozenset[str]:
    """Plural and singular alike: "summaries" ~ "summary", "documents" ~ "document"."""
    return frozenset(re.sub(r"ies$", "y", t) if len(t) > 4 and t.endswith("ies") else (t[:-1] if len(t) > 3 and t.endswith("s") and not t.endswith("ss") else t)
                     for t in toks)


@functools.lru_cache(maxsize=4096)
def _shared_lead(labels: tuple[str, ...]) -> str:
    """The leading words most of a table's row labels share ("Papers w/ " of "Papers w/ PDF",
    "Papers w/ DOIs", ...: the table's subject, which prose leaves out), or "" (fewer than three
    labels, or under three quarters of them share it)."""
    cores = [_core(lab) for lab in labels if _core(lab)]
    if len(cores) < 3:
        return ""
    firsts = Counter(" ".join(c.split()[:2]) for c in cores if len(c.split()) >= 3)
    if not firsts:
        return ""
    lead, n = firsts.most_common(1)[0]
    if n < 3 or n < 0.75 * len(cores):
        return ""
    return lead + " "


# abbreviations the paper defines ("Refusal Index (RI)", "odds ratio (OR)"): acronym -> long form;
# set by ``cross_check`` for the document it reads
_ALIASES: dict[str, str] = {}
_DEFINED = re.compile(r"((?:[A-Za-z][\w-]*\s+){1,5}?)\(([A-Z][A-Za-z]{0,2}[A-Z]s?)\)")


def _abbreviations(doc: Document | None) -> dict[str, str]:
    """Acronyms the document defines by a long form whose words' initials spell them."""
    out: dict[str, str] = {}
    if doc is None:
        return out
    from ..nlp.context import prose_sentences

    try:
        _ctx, texts, _t = prose_sentences(doc)
    except Exception:  # noqa: BLE001 - a document the sentence reader cannot read defines nothing
        return out
    for text in texts:
        for m in _DEFINED.finditer(text):
            acro = m.group(2).rstrip("s") if m.group(2).endswith("s") and m.group(2)[:-1].isupper() else m.group(2)
            words = m.group(1).split()
            initials = [w[0].upper() for w in words]
            k = len(acro)
            if len(words) >= k and "".join(initials[-k:]) == acro.upper():
                long = " ".join(words[-k:])
                if out.get(acro, long) != long:
                    out[acro] = ""  # defined two ways: neither is sure
                else:
                    out[acro] = long
    return {a: lf for a, lf in out.items() if lf}


def _alias_named(label_tokens: frozenset[str], text: str) -> bool:
    """The label is the long form of an acronym the text prints (as printed, in capitals): "RI" names
    the column "Refusal Index" (and only a label that is that long form, word for word)."""
    acros = _alias_index(tuple(sorted(_ALIASES.items()))).get(_fold(label_tokens), ())
    return any(_as_printed(acro).search(text) for acro in acros)


@functools.lru_cache(maxsize=64)
def _alias_index(aliases: tuple[tuple[str, str], ...]) -> dict[frozenset[str], tuple[str, ...]]:
    """The defined acronyms by the folded words of their long form."""
    out: dict[frozenset[str], tuple[str, ...]] = {}
    for acro, long in aliases:
        key = _fold(_tokens(long))
        out[key] = out.get(key, ()) + (acro,)
    return out


@functools.lru_cache(maxsize=4096)
def _as_printed(word: str) -> re.Pattern[str]:
    """A word as printed, standing on its own (not inside a longer word or a hyphenated name)."""
    return re.compile(r"(?<![\w-])" + re.escape(word) + r"(?![\w-])")


def _acronym_named(core: str, text: str) -> bool:
    """A short capital label ("OR", "HR", "CV") too short to be read as words is named when the
    text prints it as printed, as a word of its own."""
    if re.fullmatch(r"[A-Za-z]", core):
        # a statistic's one-letter column ("p", "F", "t"): named only by the words right before its value
        # ("..., p = " before "0.026"); never "n", a count the prose gives of a group, not of a cell
        return core != "n" and re.search(r"(?<![\w-])" + re.escape(core) + r"\s*[=<>\u2264\u2265]\s*$", text) is not None
    return bool(re.fullmatch(r"[A-Z]{2,3}", core)) and _as_printed(core).search(text) is not None


def _labels_named(labels: list[str], text: str) -> list[str]:
    """The labels whose words (their leaf, without parenthesised notes; plurals folded) the text
    names; of labels named within another named label's words ("PubMed" in "PubMed + ngram block"),
    the longest. An acronym the paper defines stands for its long form ("RI" for "Refusal Index");
    a capital label of two or three letters ("OR") is named only as printed."""
    words = _fold(_text_tokens(text))
    shared = _shared_lead(tuple(labels))
    named = []
    for lab in labels:
        lt = _tokens(_core(lab))
        if lt and (_acronym_named(_core(lab), text) or (_ALIASES and _alias_named(lt, text))):
            named.append(lab)
            continue
        if not lt or lt <= _GENERIC_COLUMN or not any(len(w) >= 3 and not w.isdigit() for w in lt):
            continue
        if _fold(lt) <= words:
            named.append(lab)
            continue
        own = _tokens(_core(lab)[len(shared):]) if shared and _core(lab).startswith(shared) else frozenset()
        if own and any(len(w) >= 3 and not w.isdigit() for w in own) and _fold(own) <= words:
            named.append(lab)  # "bibliographies" for "Papers w/ bibliographies" among "Papers w/ ..." rows
    named = [lab for lab in named if not any(o != lab and _tokens(_core(lab)) < _tokens(_core(o)) for o in named)]
    # one leaf under several upper header levels ("CSI200 / Accuracy", "CSI300 / Accuracy"): those whose
    # upper levels the text names too
    if len({_leaf(lab) for lab in named}) < len(named):
        def upper_named(lab: str) -> int:
            return sum(1 for part in lab.split(" / ")[:-1]
                       if _tokens(_core(part)) and not _tokens(_core(part)) <= _GENERIC_COLUMN and _fold(_tokens(_core(part))) <= words)
        best = max(upper_named(lab) for lab in named)
        named = [lab for lab in named if upper_named(lab) == best] if best else named
    return named


def _upper_levels_named(labels: list[str], text: str) -> list[str]:
    """Of labels sharing one leaf, those whose upper header levels the text names, when that singles
    one out; else all of them."""
    if len({_leaf(lab) for lab in labels}) != 1:
        return labels
    words = _fold(_text_tokens(text))
    hit = [lab for lab in labels if any(_tokens(_core(part)) and not _tokens(_core(part)) <= _GENERIC_COLUMN
                                        and _fold(_tokens(_core(part))) <= words for part in lab.split(" / ")[:-1])]
    return hit if len(hit) == 1 else labels


# a sentence's opening adverbial that sets the scope of all it says ("In bivariate GEE models (Table 2), ...",
# "For the multivariate analysis, ..."), not one that sets something against it ("In contrast to ...")
_FRONTED_SCOPE = re.compile(r"^\W*(?:in|for|under|with|using)\s+(?!contrast\b|comparison\b|addition\b|particular\b|"
                            r"general\b|short\b|summary\b|turn\b|fact\b|practice\b|other\b|this\b|that\b|these\b|those\b)"
                            r"(?P<s>[^,;:]{3,80}?),\s", re.I)


def _fronted_scope(text: str) -> str:
    """The words of a sentence-opening scope adverbial, or ""."""
    m = _FRONTED_SCOPE.match(text)
    return m.group("s") if m and not re.search(r"\b(?:than|unlike|compared|versus|vs\.?|while|whereas)\b", m.group("s"), re.I) else ""


def _bracketed(text: str, at: int) -> int:
    """The position of the bracket a number at ``at`` stands in ("Head Shake (GLMM, p = 0.001)"), or -1."""
    depth = 0
    for j in range(at - 1, -1, -1):
        ch = text[j]
        if ch == ")":
            depth += 1
        elif ch == "(":
            if depth == 0:
                return j
            depth -= 1
    return -1


def _aside(text: str, at: int, end: int) -> bool:
    """Is the name at ``at`` inside a parenthetical aside of three or more words, closed before
    ``end``: what explains the subject, not the subject ("the 3:1 ratio (3 KDA layers for every 1
    MLA layer) yielded the best results"). A name's alias in brackets ("Kimi Delta Attention
    (KDA)") is no aside."""
    br = _bracketed(text, at)
    if br < 0:
        return False
    close = text.find(")", at)
    if close < 0 or close > end:
        return False
    return len(re.findall(r"[\w:.-]+", text[br + 1:close])) >= 3


def _near(after: str, before: str) -> list[str]:
    """The stretches a number's labels are read from, nearest first: its clause after it, its clause
    before it, then the whole stretches to the neighbouring numbers. A number opening a bracket
    ("CNNDM (60 words)") belongs to the words before the bracket, and only to them."""
    na = re.split(r"[,;:()]|\.\s", after, maxsplit=1)[0]
    nb = re.split(r"[,;:()]|\.\s", before.rstrip(" (["))[-1]
    if re.search(r"\(\s*$", before):
        return [na, nb]
    return [na, nb, after, before]


def _nearest(labels: list[str], text: str, at: int) -> list[str]:
    """Of several labels the sentence names, the one named last before position ``at`` ("long
    source documents (Table 1): 3.1K words" over "summaries" earlier), else the first after it."""
    if len(labels) <= 1:
        return labels
    words = [(m.start(), _fold(frozenset([m.group(0).casefold()]))) for m in re.finditer(r"[0-9A-Za-z@+]+", text)]

    def last_before(lab: str) -> int:
        want = _fold(_tokens(_core(lab)))
        return max([p for p, w in words if p < at and w <= want] or [-1])

    pos = {lab: last_before(lab) for lab in labels}
    best = max(pos.values())
    if best >= 0:
        top = [lab for lab in labels if pos[lab] == best]
        return top if len(top) == 1 else []
    return []


def _same_value(val: float, digits: str, mult: float, claimed: str, cell: _Cell) -> bool:
    """The prose number is the cell's value up to the rounding of either; a percentage is read as
    a fraction (or the other way) only when one of the two prints "%" and the other does not."""
    if cell.value is None:
        return False
    dec = len(digits.split(".")[1]) if "." in digits else 0
    tol = 0.5 * 10 ** (-dec) * mult + 1e-9
    raw = (cell.raw or "").strip()
    m = re.search(r"\d+(?:\.(\d+))?", raw)
    cell_tol = 0.5 * 10 ** (-len(m.group(1) or "")) if m else 0.0
    cands = [(cell.value, cell_tol)]
    if claimed.endswith("%") != raw.endswith("%"):
        cands += [(cell.value * 100, cell_tol * 100), (cell.value / 100, cell_tol / 100)]
    return any(abs(val * mult - v) <= max(tol, t) for v, t in cands)


def _round_equal(val: float, digits: str, mult: float, cell: _Cell) -> bool:
    """The prose's round number ("5200 words", "800") stands for the cell up to its last
    non-zero digit: 5200 ~ 5194."""
    if "." in digits or cell.value is None:
        return False
    zeros = len(digits) - len(digits.rstrip("0"))
    if zeros == 0 or len(digits) < 3:
        return False
    return abs(val * mult - cell.value) <= 0.5 * 10 ** zeros * mult


_RATE_LABEL = re.compile(r"\b(?:acc(?:uracy)?|precision|recall|f-?1|f-?score|rate|percent(?:age)?|share)\b|%", re.I)


def _percent_column(t: Table, cell: _Cell, cells: list[_Cell]) -> bool:
    """A column of percentages printed without "%": its label (or the caption) names a rate
    ("Accuracy", "Recall", "(%)") and each of its values lies within 0-100 with one above 1."""
    vals = [c.value for c in cells if c.column == cell.column and isinstance(c.value, (int, float))]
    if not vals or not all(0 <= v <= 100 for v in vals) or max(vals) <= 1:
        return False
    return bool(_RATE_LABEL.search(cell.column) or re.search(r"\(\s*%\s*\)|\bin\s+%|\bpercent", t.caption or "", re.I))


def _first_named_at(label: str, text: str) -> int:
    """Where the text first names a label (its core words as printed), or -1."""
    core = _core(label)
    m = re.search(r"(?<![\w-])" + re.escape(core) + r"(?![\w-])", text, re.I) if core else None
    return m.start() if m else -1


def _ordered_pairs(text: str, nums: list, pool: list[Table], axes: dict[str, list[_Cell]], doc: Document,
                   parts: list) -> set[int]:
    """Two numbers set against each other ("with a score of 0.7818 compared to 0.7849") after a
    sentence naming two labels of one axis of a table and one of the other ("MoBA nearly matches
    Full ... on RULER"): the numbers are read in the order the two labels are named. Only a
    reading that bears both out is kept (``consistent``); otherwise the pair is shown unverified,
    since which number is whose is the sentence's grammar. Returns the numbers so read."""
    done: set[int] = set()
    for k in range(len(nums) - 1):
        (s0, e0, v0, d0, m0), (s1, e1, v1, d1, m1) = nums[k], nums[k + 1]
        if not _PAIR_AFTER.match(text[e0:s1]) or m0 != 1 or m1 != 1:
            continue
        for t in pool:
            cells = axes[t.id]
            rows = list(dict.fromkeys(c.system for c in cells))
            cols = list(dict.fromkeys(c.column for c in cells))
            head = text[:s0]
            rn, cn = _labels_named(rows, head), _labels_named(cols, head)
            if (len(rn) == 2) != (len(cn) == 2) and not (cn if len(rn) == 2 else rn):
                # the label of the other axis named right after the pair, in its own bracket or clause
                # ("FINE ... than COARSE annotations (7.8 vs 14.0 average on 100-point scaled ratings)")
                tail = re.split(r"[);:]|,\s|\.(?:\s|$)", text[e1:], maxsplit=1)[0]
                axis = cols if len(rn) == 2 else rows
                got = _labels_named(axis, tail)
                if not got:
                    # there a generic label ("7.8 vs 14.0 average") says what the two numbers are, when
                    # it is the axis's only label of its words
                    tw = _fold(_text_tokens(tail))
                    got = [lab for lab in axis if _tokens(_core(lab)) and _tokens(_core(lab)) <= _GENERIC_COLUMN
                           and _fold(_tokens(_core(lab))) <= tw]
                    got = got if len(got) == 1 else []
                if len(rn) == 2:
                    cn = got
                else:
                    rn = got
            if len(rn) == 2 and len(cn) == 1:
                two, one, by_row = rn, cn[0], True
            elif len(cn) == 2 and len(rn) == 1:
                two, one, by_row = cn, rn[0], False
            else:
                continue
            at = [_first_named_at(lab, head) for lab in two]
            if min(at) < 0 or at[0] == at[1]:
                continue
            first, second = (two[0], two[1]) if at[0] < at[1] else (two[1], two[0])

            keys = [(lab, one) if by_row else (one, lab) for lab in (first, second)]
            c0, c1 = (next((x for x in cells if (x.system, x.column) == key), None) for key in keys)
            if c0 is None or c1 is None:
                continue
            a, b = text[s0:e0].strip(), text[s1:e1].strip()
            where = _where(t, doc)
            shown = f"{a} vs {b} for {_leaf(first)} vs {_leaf(second)} on {_leaf(one)}: {where} has {c0.raw} vs {c1.raw}"
            ok0, ok1 = _same_value(v0, d0, 1.0, a, c0), _same_value(v1, d1, 1.0, b, c1)
            reversed_ = _same_value(v0, d0, 1.0, a, c1) and _same_value(v1, d1, 1.0, b, c0)
            if ok0 and ok1:
                parts.append(("consistent", shown, [(t, c0), (t, c1)], ""))
            elif ok0 != ok1 and not reversed_ and c0.confident and c1.confident:
                # one number is its label's cell, read in the order the labels are named, which
                # settles the order; the other is not its own cell (nor read the other way round)
                parts.append(("mismatch", shown + f" (the text's {b if ok0 else a} is not "
                              f"{_leaf(second if ok0 else first)}'s {(c1 if ok0 else c0).raw})", [(t, c0), (t, c1)], ""))
            else:
                parts.append(("unverified", shown, [(t, c0), (t, c1)],
                              "one of two numbers set against each other: which system each belongs to is not read"))
            done |= {k, k + 1}
            break
    return done


_LABEL_PCT = re.compile(r"\(\s*(\d+(?:\.\d+)?)\s?%\s*\)")


def _label_shares(text: str, nums: list, pool: list[Table], axes: dict[str, list[_Cell]], doc: Document,
                  parts: list) -> set[int]:
    """A percentage opening the bracket after a label ("train (70%, 3177 samples), Dev (10%, 454)
    and Test (30%, 908)") read against the percentage the table prints in that row's own label
    ("Test (20%)"): the share of a split, a subset, a sample. Read only when the sentence gives two
    or more such labels of one table and the table prints a percentage in each of their labels;
    a mismatch only when another of them agrees (the same quantity is meant) and the table was
    read with confidence. Returns the numbers so read."""
    found: dict[str, list[tuple[int, str, _Cell]]] = {}
    tabs = {t.id: t for t in pool}
    for k, (s0, e0, _val, _digits, mult) in enumerate(nums):
        if mult != 1 or not text[s0:e0].rstrip().endswith("%"):
            continue
        br = _bracketed(text, s0)
        if br < 0 or text[br + 1:s0].strip():
            continue
        label_words = re.split(r"[,;:()]|\.\s|\band\b", text[:br].rstrip())[-1]
        for t in pool:
            rows = list(dict.fromkeys(c.system for c in axes[t.id]))
            named = [r for r in _labels_named(rows, label_words) if _LABEL_PCT.search(_leaf(r))]
            if len(named) == 1:
                cell = next(c for c in axes[t.id] if c.system == named[0])
                found.setdefault(t.id, []).append((k, named[0], cell))
    if len(found) != 1:
        return set()
    tid, items = next(iter(found.items()))
    if len(items) < 2 or len({lab for _, lab, _ in items}) != len(items):
        return set()
    t = tabs[tid]
    agree = []
    for k, lab, _cell in items:
        want = float(_LABEL_PCT.search(_leaf(lab)).group(1))  # type: ignore[union-attr]
        agree.append(abs(nums[k][2] - want) <= 0.5 * 10 ** (-(len(nums[k][3].split(".")[1]) if "." in nums[k][3] else 0)) + 1e-9)
    for (k, lab, cell), ok in zip(items, agree):
        claimed = text[nums[k][0]:nums[k][1]].strip()
        shown = f"the text says {claimed} for {_core(lab)}; {_where(t, doc)} labels the row {_leaf(lab)}"
        if ok:
            parts.append(("consistent", shown, [(t, cell)], ""))
            continue
        reasons = []
        if not any(agree):
            reasons.append("no other label's percentage agrees (another share may be meant)")
        if not cell.confident:
            reasons.append("the cell was not read with confidence" + (f": {cell.why}" if cell.why else ""))
        parts.append(("unverified" if reasons else "mismatch", shown, [(t, cell)], "; ".join(reasons)))
    return {k for k, _, _ in items}


_PRINTED_NUM = re.compile(r"^[\s$~(]{0,3}(?P<n>\d+(?:\.\d+)?)(?P<m>\s?[KMB](?![A-Za-z]))?(?P<u>\s?%|\s?[x\u00d7](?![A-Za-z]))?")


def _printed(n: str, m: str | None, u: str | None) -> tuple[str, str, str]:
    unit = (u or "").strip().replace("\u00d7", "x")
    return n, (m or "").strip(), unit


def _labels_named_sans_group(labels: list[str], text: str) -> list[str]:
    """The labels the text names by their own words, without a trailing group word that some other
    labels end with too and some do not ("COARSE-grained" of "Likert-scale COARSE-grained" and
    "A/B testing COARSE-grained", beside "None"): a side column of row groups read into the names."""
    toks = {lab: _core(lab).split() for lab in labels}
    stripped: dict[str, str] = {}
    for lab, ws in toks.items():
        if len(ws) < 2:
            continue
        tail = ws[-1]
        with_tail = [o for o, w in toks.items() if w and w[-1] == tail]
        if 2 <= len(with_tail) <= len(labels) - 2:
            stripped[" ".join(ws[:-1])] = lab
    if not stripped:
        return []
    got = _labels_named(list(stripped), text)
    return [stripped[g] for g in got]


def _co_located(text: str, pool: list[Table], cells_of: dict[str, list[_Cell]], cited: bool, used: list[tuple[int, int]],
                doc: Document, parts: list) -> None:
    """Two or more numbers of one sentence that no label placed ("27.6M of the 28.9M PDFs",
    "1.38x to 3.28x speedups", "(84.6 secs vs 115.6 secs per unit)", "101 out of 162 papers
    (62%)") found printed exactly, as the table prints them, in the cells of one row or one column
    of one table, and of no other row or column: the table bears them out. Agreement only, never
    a mismatch: which cell is whose is not read. Skipped when the sentence names another row (or
    column) of that table than the one holding them, or names labels of the cells' other axis in
    an order the numbers do not follow (a swap is not borne out)."""
    # "1.38x" is a ratio as a table prints it: read its number, remember the "x"
    plain = re.sub(r"(?<=\d)[x\u00d7](?![A-Za-z])", " ", text)
    nums = []
    for s0, e0, _val, digits, mult in _prose_numbers(plain):
        if any(s0 < e and s < e0 for s, e in used):
            continue
        m = _PRINTED_NUM.match(text[s0:e0 + 1])
        if not m:
            continue
        if re.search(r"(?<![\w-])[A-Za-z]\s*=\s*$", text[max(0, s0 - 6):s0]):
            continue  # "r = 256": a setting's symbol
        sig = digits.replace(".", "").lstrip("0")
        nums.append((s0, e0, _printed(digits, m.group("m"), m.group("u")), len(sig)))

    def distinctive(key: tuple[str, str, str]) -> bool:
        # "4 papers" is too common a number to place, and so are round ones ("5000 samples", "r = 256")
        d = key[0]
        if "." in d:
            return True
        v = int(d)
        return len(d) >= 2 and v % 10 != 0 and not (v >= 8 and v & (v - 1) == 0)

    if len({n[2] for n in nums if distinctive(n[2])}) < 2:
        return
    cands = []  # (n numbers placed, table, axis, line label, [(k, cell)])
    for t in pool:
        cells = [c for c in cells_of.get(t.id, []) if c.raw]
        printed = {}
        for c in cells:
            m = _PRINTED_NUM.match(c.raw)
            if m:
                printed[id(c)] = _printed(m.group("n"), m.group("m"), m.group("u"))
        for axis in ("system", "column"):
            lines: dict[str, list[_Cell]] = {}
            for c in cells:
                lines.setdefault(getattr(c, axis), []).append(c)
            for line, lc in lines.items():
                placed: list[tuple[int, _Cell]] = []
                taken: set[int] = set()
                for k, (_s, _e, key, _sig) in enumerate(nums):
                    hit = [c for c in lc if printed.get(id(c)) == key and id(c) not in taken and c.confident]
                    if len(hit) == 1:
                        placed.append((k, hit[0]))
                        taken.add(id(hit[0]))
                if len({nums[k][2] for k, _ in placed if distinctive(nums[k][2])}) >= 2:
                    cands.append((len(placed), t, axis, line, placed))
    if not cands:
        return
    best = max(c[0] for c in cands)
    top = [c for c in cands if c[0] == best]
    if len(top) != 1:
        return  # placed as well in two rows/columns (or tables): not placed
    _n, t, axis, line, placed = top[0]
    if not cited and max(nums[k][3] for k, _ in placed) < 3:
        return  # a table the sentence does not cite: two short numbers may meet there by chance

    def kind(key: tuple[str, str, str]) -> tuple[int, str, str]:
        return (len(key[0].split(".")[1]) if "." in key[0] else 0, key[1], key[2])

    # a list of like numbers is placed whole ("1.808, 1.806, and 1.811" is not borne out by two of
    # them), but for a number the caption states ("162 papers" in "... in 162 summarization papers")
    kinds = {kind(nums[k][2]) for k, _ in placed}
    at_k = {k for k, _ in placed}
    caption = t.caption or ""
    for k, n in enumerate(nums):
        if k not in at_k and kind(n[2]) in kinds and not re.search(r"(?<![\d.])" + re.escape(n[2][0]) + r"(?![\d]|\.\d)", caption):
            return
    other = "column" if axis == "system" else "system"
    cells = cells_of[t.id]
    lines = list(dict.fromkeys(getattr(c, axis) for c in cells))
    # the numbers' own stretch: their bracket with the clause before it ("hand-tuned Adam (0.77x to
    # 3.28x speedup)"), else the clause that holds them
    first, last = min(nums[k][0] for k, _ in placed), max(nums[k][1] for k, _ in placed)
    br = _bracketed(text, first)
    close = text.find(")", last)
    if br >= 0 and close >= 0:
        stretch = re.split(r"[,;:()]|\.\s", text[:br].rstrip())[-1] + " " + text[br:close + 1]
    else:
        stretch = re.split(r"[,;:()]|\.\s", text[:first])[-1] + text[first:last] + re.split(r"[,;:()]|\.\s", text[last:])[0]
    own_words = _fold(_tokens(_core(line)))
    if any(lab != line and _fold(_tokens(_core(lab))) != own_words for lab in _labels_named(lines, stretch)):
        # the numbers are said of another row (column) of this table, or some of them are
        # ("North America (37, 42.5%) or Europe (33, 37.9%)": 33 is Europe's, not North America's Cohort)
        return
    held = [getattr(c, other) for _k, c in placed]
    # each number in its own bracket after a clause naming a label of the other axis ("Likert-scale
    # (24 papers), A/B testing (13 papers)"): that label must be the one whose cell holds it, or a
    # swap is borne out (a side group word read into the labels, "Likert-scale COARSE-grained", is
    # not needed to name them)
    others_all = list(dict.fromkeys(getattr(c, other) for c in cells))
    for k, c in placed:
        br = _bracketed(text, nums[k][0])
        if br < 0:
            continue
        clause = re.split(r"[,;:()]|\.\s", text[:br].rstrip())[-1]
        said = _labels_named(others_all, clause) or _labels_named_sans_group(others_all, clause)
        if len(said) == 1 and said[0] != getattr(c, other):
            return
    words_of = Counter(_fold(_tokens(_core(lab))) for lab in held)
    # labels the same words name ("# papers", "% papers" by "papers") tell no cell from another
    named_all = [lab for lab in _labels_named(held, text) if words_of[_fold(_tokens(_core(lab)))] == 1]
    if len(named_all) == 1 and _labels_named(named_all, stretch):
        return  # one cell's label said beside the numbers: which number is its own is not read
    if len(named_all) >= 2:
        # "FINE ... lower ... than COARSE (7.8 vs 14.0)": the numbers follow the order the labels are named
        at = {lab: _first_named_at(lab, text) for lab in named_all}
        if min(at.values()) < 0:
            return
        order_named = sorted(named_all, key=lambda lab: at[lab])
        order_nums = [getattr(c, other) for k, c in sorted(placed, key=lambda kc: nums[kc[0]][0]) if getattr(c, other) in named_all]
        if order_named != order_nums:
            return
    said = ", ".join(text[nums[k][0]:nums[k][1] + (1 if nums[k][2][2] == "x" else 0)].strip() for k, _ in placed)
    where = "row" if len({c.row for _k, c in placed}) == 1 else "column"
    shown = (f"{said}: {_where(t, doc)} prints them in one {where}, {_leaf(line)} ("
             + ", ".join(f"{_leaf(getattr(c, other))} {c.raw}" for _k, c in placed) + ")")
    parts.append(("consistent", shown, [(t, c) for _k, c in placed], ""))


def _pair_against_column(text: str, pool: list[Table], cells_of: dict[str, list[_Cell]], cited: bool,
                         used: list[tuple[int, int]], doc: Document, parts: list) -> None:
    """Two numbers set against each other with the unit they share ("(84.6 secs vs 115.6 secs per
    unit)"), no label placing them: when one of them is printed in one cell of the tables the
    sentence cites only (citing none, a number of three or more digits in one cell of the paper's),
    in a column whose label holds that unit word ("Time (secs) / First 5"), the other stands for
    another row of that column. A number no other row of the column prints, and no cell of those
    tables at all (nor, for a tie "115.6 vs 115.6", a second cell), is a mismatch: the sentence's
    pair is not the table's. Decimals only, and only for a confidently read column of like numbers
    (the same decimals, the other within half to twice the placed one)."""
    nums = [n for n in _prose_numbers(text) if n[4] == 1.0 and not any(n[0] < e and s < n[1] for s, e in used)]
    for (s0, e0, v0, _d0, _m0), (s1, e1, v1, _d1, _m1) in zip(nums, nums[1:]):
        between = text[e0:s1]
        if not _PAIR_AFTER.match(between):
            continue
        unit = re.match(r"\s*([A-Za-z]{2,})", text[e1:])
        if not unit or (re.match(r"\s*[A-Za-z]", between) and not re.match(r"\s*" + re.escape(unit.group(1)) + r"\b", between)):
            continue  # no shared unit word after the numbers ("84.6 secs vs 115.6 secs")
        word = _fold(frozenset({unit.group(1).casefold()}))
        keys = [_PRINTED_NUM.match(text[a:b + 1]) for a, b in ((s0, e0), (s1, e1))]
        if not all(keys):
            continue
        printed = [_printed(k.group("n"), k.group("m"), k.group("u")) for k in keys]  # type: ignore[union-attr]
        if any("." not in p[0] for p in printed):
            continue  # round numbers may meet anywhere
        where: list[list[tuple[Table, _Cell]]] = [[], []]
        for t in pool:
            for c in cells_of.get(t.id, []):
                m = _PRINTED_NUM.match(c.raw or "")
                if not m:
                    continue
                key = _printed(m.group("n"), m.group("m"), m.group("u"))
                for j in (0, 1):
                    if key == printed[j]:
                        where[j].append((t, c))
        tie = printed[0] == printed[1]
        if tie:
            if len(where[0]) != 1:
                continue
            anchor, other = 0, 1
        elif len(where[0]) == 1 and not where[1]:
            anchor, other = 0, 1
        elif len(where[1]) == 1 and not where[0]:
            anchor, other = 1, 0
        else:
            continue
        if not cited and len(printed[anchor][0].replace(".", "").lstrip("0")) < 3:
            continue  # a table the sentence does not cite: a short number may stand there by chance
        t, cell = where[anchor][0]
        col = [c for c in cells_of[t.id] if c.column == cell.column and c.value is not None]
        if len(col) < 2 or not all(c.confident for c in col) or not word <= _fold(_tokens(cell.column)):
            continue
        if any(c.raw and "." in c.raw and len(re.split(r"[^\d.]", c.raw.split(".")[1])[0]) != len(printed[anchor][0].split(".")[1])
               for c in col):
            continue
        val = (v0, v1)[other]
        if not cell.value or not 0.5 <= val / cell.value <= 2:
            continue
        said = (text[s0:e0].strip(), text[s1:e1].strip())
        rest = ", ".join(f"{_leaf(c.system)} {c.raw}" for c in col if c is not cell)
        shown = (f"the text sets {said[0]} against {said[1]} {unit.group(1)}; {_where(t, doc)} prints {said[anchor]} for "
                 f"{_leaf(cell.system)} / {_leaf(cell.column)}, and no other row of the column has {said[other]} ({rest})")
        parts.append(("mismatch", shown, [(t, c) for c in [cell] + [c for c in col if c is not cell]], ""))


def _list_by_rows(text: str, pool: list[Table], cells_of: dict[str, list[_Cell]], used: list[tuple[int, int]],
                  doc: Document, parts: list) -> None:
    """A list of items, each a clause naming one row of a table and a bracket holding one number
    and the unit word all the items share ("Likert-scale (29 papers), A/B testing (13 papers),
    binary per-sentence labels (4 papers)"; a side group word read into the row labels is not
    needed to name them): the column is the one labelled with that unit word where every other
    item, two at least, is its row's cell ("# papers", not "% papers"), and an item that is not
    its row's cell there is a mismatch. Three items or more, one table, distinct rows."""
    items: list[tuple[int, int, float, str, float, str]] = []
    for s0, e0, val, digits, mult in _prose_numbers(text):
        if any(s0 < e and s < e0 for s, e in used):
            continue
        br = _bracketed(text, s0)
        m = re.match(r"\s*([A-Za-z]{2,})\s*\)", text[e0:])
        if br < 0 or text[br + 1:s0].strip() or not m:
            continue
        items.append((s0, e0, val, digits, mult, m.group(1).casefold()))
    if len(items) < 3 or len({it[5] for it in items}) != 1:
        return
    word = _fold(frozenset({items[0][5]}))
    for t in pool:
        cells = [c for c in cells_of.get(t.id, []) if c.value is not None]
        rows = list(dict.fromkeys(c.system for c in cells))
        named = []
        for s0, *_rest in items:
            clause = re.split(r"[,;:()]|\.\s", text[:_bracketed(text, s0)].rstrip())[-1]
            got = _labels_named(rows, clause) or _labels_named_sans_group(rows, clause)
            named.append(got[0] if len(got) == 1 else None)
        if None in named or len(set(named)) != len(named):
            continue
        fits = []
        for col in dict.fromkeys(c.column for c in cells):
            if not word <= _fold(_tokens(col)):
                continue
            own = [next((c for c in cells if c.system == r and c.column == col), None) for r in named]
            if None in own:
                continue
            ok = [_same_value(it[2], it[3], it[4], text[it[0]:it[1]].strip(), c) for it, c in zip(items, own)]
            if sum(ok) >= 2 and sum(ok) >= len(items) - 1:
                fits.append((col, own, ok))
        if len(fits) != 1:
            continue
        col, own, ok = fits[0]
        if all(ok):
            return  # borne out whole: the co-location reading says so
        for it, c, good in zip(items, own, ok):
            claimed = text[it[0]:it[1]].strip()
            shown = f"{claimed} {it[5]} for {_core(c.system)}: {_where(t, doc)} has {c.raw} ({_leaf(c.column)})"
            if good:
                parts.append(("consistent", shown, [(t, c)], ""))
            elif c.confident and c.value and 0.5 <= it[2] * it[4] / c.value <= 2:
                parts.append(("mismatch", f"the text says {shown}, where the list's other items are their rows' cells",
                              [(t, c)], ""))
        return


def _row_change(text: str, pool: list[Table], cells_of: dict[str, list[_Cell]], used: list[tuple[int, int]],
                doc: Document, parts: list) -> None:
    """A change said of one row, its columns left unnamed ("(std-dev 18.5 to 6.8 on SQuALITY)",
    "from 18.5 to 6.8 on SQuALITY"): the row the numbers' own stretch names holds two values, in
    the order the sentence says them, and one number is printed there in its place (and in no
    other cell of the tables read): the other number, printed nowhere in the row, is a mismatch
    against the row's other cell. Decimals of one precision only, of the cell's order."""
    nums = [n for n in _prose_numbers(text) if n[4] == 1.0 and not any(n[0] < e and s < n[1] for s, e in used)]
    for (s0, e0, v0, d0, _m0), (s1, e1, v1, d1, _m1) in zip(nums, nums[1:]):
        if not re.fullmatch(r"\s+to\s+", text[e0:s1]) or "." not in d0 or "." not in d1 \
                or len(d0.split(".")[1]) != len(d1.split(".")[1]):
            continue
        br = _bracketed(text, s0)
        close = text.find(")", e1)
        if br >= 0 and close >= 0:
            stretch = text[br + 1:close]
        else:
            stretch = re.split(r"[,;:()]|\.\s", text[:s0])[-1] + text[s0:e1] + re.split(r"[,;:()]|\.\s", text[e1:])[0]
        found = []
        for t, axis in ((t, axis) for t in pool for axis in ("system", "column")):
            # (the row as printed: its label may be the table's column label when the systems are across the top)
            cells = [c for c in cells_of.get(t.id, []) if c.value is not None]
            named = _labels_named(list(dict.fromkeys(getattr(c, axis) for c in cells)), stretch)
            if len(named) != 1:
                continue
            row = sorted((c for c in cells if getattr(c, axis) == named[0]), key=lambda c: (c.row, c.col))
            if len(row) != 2 or not all(c.confident for c in row):
                continue
            said = [(v0, d0, text[s0:e0].strip()), (v1, d1, text[s1:e1].strip())]
            ok = [_same_value(v, d, 1.0, raw, c) for (v, d, raw), c in zip(said, row)]
            if sum(ok) != 1 or any(_same_value(v, d, 1.0, raw, c) for (v, d, raw), c in zip(said, reversed(row))):
                continue
            j = ok.index(False)
            anchor_digits = said[1 - j][1]
            elsewhere = [c for tt in pool for c in cells_of.get(tt.id, []) if c.raw and c is not row[1 - j]
                         and (m := _PRINTED_NUM.match(c.raw)) and m.group("n") == anchor_digits]
            if elsewhere or not row[j].value or not 0.5 <= said[j][0] / row[j].value <= 2:
                continue
            found.append((t, row, j, said, axis))
        if len(found) != 1:
            continue
        t, row, j, said, axis = found[0]
        other = "column" if axis == "system" else "system"
        parts.append(("mismatch", f"the text says {said[0][2]} to {said[1][2]} for {_core(getattr(row[0], axis))}; {_where(t, doc)} "
                      f"has {row[0].raw} ({_leaf(getattr(row[0], other))}) and {row[1].raw} ({_leaf(getattr(row[1], other))})",
                      [(t, c) for c in row], ""))
        return


# an author-year citation in brackets ("(Wang et al., 2022)", "(Cohan et al., 2018; Li, 2020)")
_CITATION_BRACKET = re.compile(r"\([^()]*\b(?:19|20)\d{2}[a-z]?\s*\)")


def _overall(parts: list[tuple]) -> str:
    """A claim's status from its parts' (status first): any mismatch, else any unverified, else consistent."""
    statuses = {p[0] for p in parts}
    return "mismatch" if "mismatch" in statuses else ("unverified" if "unverified" in statuses else "consistent")


def _tables_by_label(tables: list[Table]) -> dict[str, list[Table]]:
    """The tables under each label ("Table 2"), in reading order."""
    by_label: dict[str, list[Table]] = {}
    for t in tables:
        if t.label:
            by_label.setdefault(t.label, []).append(t)
    return by_label


# an estimate's interval printed after it: "OR = 1.89; 95% CI = 1.07–3.33", "1.89 (1.07–3.33)",
# "1.89 (95% CI: 1.07 to 3.33)"
_INTERVAL_AFTER = re.compile(r"^\s*(?:\(\s*(?:\d{2}(?:\.\d)?\s?%\s*)?(?:(?:CI|confidence interval|credible interval)s?\s*[=:,]?\s*)?|"
                             r"[;,]\s*(?:\d{2}(?:\.\d)?\s?%\s*)?(?:CI|confidence interval|credible interval)s?\s*[=:,]?\s*)"
                             r"\[?(?P<lo>[-+\u2212]?\d+(?:\.\d+)?)\s*(?:[\u2013\u2014,;]|-|\bto\b)\s*(?P<hi>[-+\u2212]?\d+(?:\.\d+)?)\s*[\])]?")
_INTERVAL_CELL = re.compile(r"^(?P<v>[-+\u2212]?\d+(?:\.\d+)?)\s*[*\u2020\u2021]?\s*[(\[]\s*(?P<lo>[-+\u2212]?\d+(?:\.\d+)?)\s*"
                            r"(?:[\u2013\u2014,;]|-|\bto\b)\s*(?P<hi>[-+\u2212]?\d+(?:\.\d+)?)\s*[)\]]")


def _bound(b: str) -> str:
    return b.replace("\u2212", "-").lstrip("+")


def _interval_reads(text: str, nums: list, pool: list[Table], cells_of: dict[str, list[_Cell]], doc: Document,
                    parts: list) -> set[int]:
    """Estimates the sentence prints with their interval ("OR = 1.89; 95% CI = 1.07–3.33") read
    against the one cell that prints the same interval ("1.89 (1.07–3.33)"): two bounds printed
    alike, one of them with decimals, name the cell better than any label would (an odds ratio
    table repeats its row labels under several groups and its column labels under bivariate and
    multivariate models). The estimate is then that cell's: a mismatch when it is not its value
    (for a cell read with confidence). Returns the numbers read so."""
    done: set[int] = set()
    cells = [(t, c) for t in pool for c in cells_of.get(t.id, []) if c.raw and c.value is not None]
    by_bounds: dict[tuple[str, str], list[tuple[Table, _Cell]]] = {}
    for t, c in cells:
        m = _INTERVAL_CELL.match(c.raw.strip())
        if m:
            by_bounds.setdefault((_bound(m.group("lo")), _bound(m.group("hi"))), []).append((t, c))
    if not by_bounds:
        return done
    for k, (s0, e0, val, digits, mult) in enumerate(nums):
        m = _INTERVAL_AFTER.match(text[e0:e0 + 60])
        if not m or mult != 1.0 or text[e0:e0 + 1] == "%":
            continue
        lo, hi = _bound(m.group("lo")), _bound(m.group("hi"))
        if "." not in lo + hi or float(lo) > float(hi):
            continue
        same = by_bounds.get((lo, hi), [])
        if not same or len({(t.id, c.system, c.column) for t, c in same}) != 1:
            continue  # no cell prints this interval, or several do: not placed
        t, cell = same[0]
        claimed = text[s0:e0].strip()
        done.add(k)
        where = f"{_leaf(cell.system)} / {cell.column}"
        if _same_value(val, digits, mult, claimed, cell) or _round_equal(val, digits, mult, cell):
            parts.append(("consistent", f"{claimed} ({lo} to {hi}) for {where}: {_where(t, doc)} has {cell.raw}", [(t, cell)], ""))
            continue
        reasons = []
        if not cell.confident:
            reasons.append("the cell was not read with confidence" + (f": {cell.why}" if cell.why else ""))
        if re.match(r"^\s*[-+\u2212]", text[max(0, s0 - 1):s0 + 1]) or _DERIVED_AFTER.search(text[e0:]):
            reasons.append("the number reads as a difference, not a table value")
        parts.append(("unverified" if reasons else "mismatch",
                      f"the text says {claimed} with the interval {lo} to {hi}; {_where(t, doc)} prints that interval for "
                      f"{where} with {cell.raw}", [(t, cell)], "; ".join(reasons)))
    return done


def _check_cited_numbers(tables: list[Table], cells_of: dict[str, list[_Cell]], doc: Document,
                         skip: set[int]) -> list[CrossCheck]:
    """A number in a prose sentence read against the one table cell whose row and column labels
    the sentence names: one label in the words around the number ("3.1K words for SQuALITY"), the
    other there or, alone of its axis, anywhere in the sentence ("long source documents" for the
    row "|source| (words)"). The tables read are those the sentence cites (or its paragraph has just
    cited); a sentence citing none is read against a table only when the number's own clause names
    both labels and only that table holds them ("shorter summaries than SQuALITY (237 words)").
    Sentences that make no claim are read too: a number restated from a table is checkable whatever
    the sentence's cue words. ``mismatch`` only for a confidently read cell, a number that is no
    difference, bound, approximation or one of a pair, and a value of the cell's order of magnitude."""
    from ..nlp.context import prose_sentences

    by_label = _tables_by_label(tables)
    axes = {t.id: ([c for c in cells_of[t.id] if c.value is not None]) for t in tables}
    out: list[CrossCheck] = []
    contexts, texts, _toks = prose_sentences(doc)
    # sentences dense with numbers ("train (70%, 3177 samples), Dev (10%, 454), and Test (30%,
    # 908).") fail the prose test on their share of letters: they are read for labelled shares only
    from ..nlp.context import sentence_contexts
    prose_at = {c.index for c in contexts}
    dense = [(c, " ".join(c.sentence.text.split())) for c in sentence_contexts(doc, prose_only=False)
             if c.index not in prose_at]
    dense = [(c, t) for c, t in dense if len(t) >= 40 and t.endswith(".")
             and len(re.findall(r"[A-Za-z]{3,}", t)) >= 5]
    for ctx, text, only_shares in [*((c, t, False) for c, t in zip(contexts, texts)), *((c, t, True) for c, t in dense)]:
        i = ctx.index
        if i in skip:
            continue
        nums = _prose_numbers(text)
        if not nums and not re.search(r"\d[x\u00d7](?![A-Za-z])", text):
            continue
        refs = _paragraph_refs(i, doc)
        here_doc = [t for t in tables if t.doc == ctx.sentence.doc]
        cited0 = [t for r in refs for t in by_label.get(r, []) if t.doc == ctx.sentence.doc]
        attempts = [(cited0, cited0 or here_doc)]
        if not refs:
            # a table the paragraph cites only after the sentence: read against it when the
            # sentence, read against every table, placed no number
            later = [t for r in _paragraph_refs(i, doc, later=True) for t in by_label.get(r, []) if t.doc == ctx.sentence.doc]
            if later:
                attempts.append((later, later))
        elif cited0:
            # a number the cited tables do not place, its own clause naming a cell of another table
            # ("a significant interaction between time and group for acrophase (..., p = 0.026)" after
            # the paragraph cited Table 2, the model table being Table 3): read as a sentence citing none
            attempts.append(([], here_doc))
        parts: list[tuple[str, str, list[tuple[Table, _Cell]], str]] = []
        upper_chosen: set[int] = set()
        for cited, pool in attempts:
            if parts:
                break
            paired = _interval_reads(text, nums, pool, cells_of, doc, parts)
            paired |= _label_shares(text, nums, pool, axes, doc, parts)
            placed_k: set[int] = set()
            if not only_shares:
                paired |= _ordered_pairs(text, nums, pool, axes, doc, parts)
            for k, (s0, e0, val, digits, mult) in enumerate(nums):
                if k in paired or only_shares:
                    continue
                prev_end = nums[k - 1][1] if k > 0 else 0
                next_start = nums[k + 1][0] if k + 1 < len(nums) else len(text)
                after, before = text[e0:next_start], text[prev_end:s0]
                in_pair = bool(_PAIR_AFTER.match(after)) or bool(re.search(_PAIR_WORD + r"\s+(?:the\s+)?(?:next[- ]best\s+)?$", before, re.I))
                found: list[tuple[Table, _Cell, bool]] = []  # (table, cell, both labels in the number's own stretch)
                for t in pool:
                    cells = axes[t.id]
                    rows = list(dict.fromkeys(c.system for c in cells))
                    cols = list(dict.fromkeys(c.column for c in cells))
                    r_here: list[str] = []
                    c_here: list[str] = []
                    segs = _near(after, before)
                    if not cited:
                        segs = segs[:2]  # citing no table: the number's own clauses only
                    scope = text  # where the label of the other axis may be named
                    br = _bracketed(text, s0)
                    in_bracket = br >= 0 and br >= prev_end
                    if in_bracket:
                        # inside a bracket: the bracket's own words, then the clause before the bracket
                        # (a citation bracket in that clause is part of it: "SQuALITY (Wang et al., 2022) is
                        # a dataset ... (avg. summary length of 227 words)")
                        close = text.find(")", e0)
                        segs = [re.split(r"[,;:]|\.\s", text[e0:close if close >= 0 else len(text)], maxsplit=1)[0],
                                re.split(r"[,;:]|\.\s", text[br + 1:s0])[-1],
                                re.split(r"[,;:()]|\.\s", _CITATION_BRACKET.sub(" ", text[:br]).rstrip())[-1]]
                        scope = segs[2] + " " + text[br:close if close >= 0 else len(text)]
                    for seg in segs:
                        r_here, c_here = _labels_named(rows, seg), _labels_named(cols, seg)
                        if r_here or c_here:
                            break
                    by_upper = False
                    if len(c_here) > 1:
                        # one leaf under several upper levels ("Bivariate / OR", "Multivariate / OR"): the one
                        # whose upper level the sentence names elsewhere ("In bivariate GEE models (Table 2), ...");
                        # read for agreement only (the words that chose it are not the number's own)
                        many = c_here
                        c_here = _upper_levels_named(c_here, text)
                        # (named in a fronted scope that governs the whole sentence, "In bivariate GEE
                        # models (Table 2), ...", the choice is the number's own: no guard)
                        by_upper = len(c_here) == 1 and _upper_levels_named(many, _fronted_scope(text)) != c_here
                    if len(r_here) > 1 or len(c_here) > 1 or not (r_here or c_here):
                        continue
                    own = bool(r_here and c_here)
                    if not own and in_bracket and c_here and not r_here and any(_acronym_named(_core(c), seg) for c in c_here):
                        # a statistic in a bracket ("(F = 6.19, p = 0.026)") after the clause that names its row
                        other = _labels_named(rows, segs[2])
                        if len(other) == 1:
                            r_here, own = other, True
                    unit = re.match(r"\s*([A-Za-z]+)", after)
                    if not own and in_bracket and not cited and unit and unit.group(1).lower() in _tokens((r_here or c_here)[0]):
                        # a bracket that names one label, the number's unit among its words ("227 words" for
                        # "|summary| (words)"), set after the clause that names the other label (alone of
                        # its axis): the bracket is said of that clause's subject
                        other = _labels_named(cols if r_here else rows, scope)
                        if len(other) == 1:
                            c_here, r_here = (other, r_here) if r_here else (c_here, other)
                            own = True
                    if not own and not cited:
                        continue
                    if not r_here:
                        have = [r for r in rows if any(c.system == r and c.column == c_here[0] for c in cells)]
                        cand = _nearest([r for r in _labels_named(rows, scope) if r in have], text, s0)
                        r_here = cand if cand else (have if len(have) == 1 else [])
                    if not c_here:
                        have = [c for c in cols if any(x.system == r_here[0] and x.column == c for x in cells)]
                        cand = _nearest([c for c in _labels_named(cols, scope) if c in have], text, s0)
                        c_here = cand if cand else (have if len(have) == 1 else [])
                    if len(r_here) != 1 or len(c_here) != 1:
                        continue
                    cell = next((c for c in cells if c.system == r_here[0] and c.column == c_here[0]), None)
                    if cell is not None:
                        found.append((t, cell, own))
                        if by_upper:
                            upper_chosen.add(id(cell))
                if len(found) != 1:
                    continue
                t, cell, own = found[0]
                claimed = text[s0:e0].strip()
                placed_k.add(k)
                # (a fraction said of a column of percentages printed without "%": "0.666" for "66.60" under Accuracy)
                as_pct = (not claimed.endswith("%") and "." in digits and 0 < val <= 1 and mult == 1.0
                          and cell.value is not None and _percent_column(t, cell, cells_of[t.id])
                          and abs(val * 100 - cell.value) <= 0.5 * 10 ** (2 - len(digits.split(".")[1])) + 1e-9)
                if _same_value(val, digits, mult, claimed, cell) or _round_equal(val, digits, mult, cell) or as_pct:
                    parts.append(("consistent", f"{claimed} for {_leaf(cell.system)} / {_leaf(cell.column)}: {_where(t, doc)} has "
                                  f"{cell.raw or f'{cell.value:g}'}", [(t, cell)], ""))
                    continue
                reasons = []
                if in_pair:
                    reasons.append("one of two numbers set against each other")
                approx_far = False
                if _DERIVED.search(before[-40:].rstrip(" (")) or _DERIVED_AFTER.search(after):
                    # a number said as approximate ("RI ≈0.34", "about 30%") is off only beyond its own
                    # rounding and a tenth of the value; any other derivation cue leaves it unsettled
                    approx_far = (bool(_APPROX_BEFORE.search(before[-40:].rstrip(" ("))) and not _DERIVED_AFTER.search(after)
                                  and _approx_far(val, digits, mult, cell))
                    if not approx_far:
                        reasons.append("the number reads as a difference, bound or approximation, not a table value")
                if not cell.confident:
                    reasons.append("the cell was not read with confidence" + (f": {cell.why}" if cell.why else ""))
                if id(cell) in upper_chosen:
                    reasons.append("the column was chosen by words elsewhere in the sentence")
                if cell.value and not 0.2 <= (val * mult) / cell.value <= 5:
                    reasons.append("the number is of another order than the cell (another quantity)")
                if claimed.endswith("%") != (cell.raw or "").strip().endswith("%") and "%" in (cell.raw or "") + claimed \
                        and not (claimed.endswith("%") and _percent_column(t, cell, cells_of[t.id])):
                    reasons.append("a percentage against a count, or a count against a percentage")
                if re.match(r"^\s*[-+\u2212]", text[max(0, s0 - 1):s0 + 1]):
                    reasons.append("a signed number (a difference)")
                if _settings(text) and _setting_missing(_settings(text), [t]):
                    reasons.append("the sentence's setting is not in the table")
                msg = (f"the text says {'about ' if approx_far else ''}{claimed} for {_leaf(cell.system)} / {_leaf(cell.column)}; "
                       f"{_where(t, doc)} has {cell.raw or f'{cell.value:g}'}"
                       + (" (off by more than the rounding an approximate number allows)" if approx_far else ""))
                parts.append(("unverified" if reasons else "mismatch", msg, [(t, cell)], "; ".join(reasons)))
            if not only_shares:
                # numbers the labels above did not place: read where they stand together in one table
                _co_located(text, pool, cells_of, bool(cited), [nums[k][:2] for k in paired | placed_k], doc, parts)
                if not parts:
                    _row_change(text, pool, cells_of, [nums[k][:2] for k in paired | placed_k], doc, parts)
                if not parts:
                    _list_by_rows(text, pool, cells_of, [nums[k][:2] for k in paired | placed_k], doc, parts)
                if not parts:
                    _pair_against_column(text, pool, cells_of, bool(cited), [nums[k][:2] for k in paired | placed_k], doc, parts)
        if not parts:
            continue
        status = _overall(parts)
        s = ctx.sentence
        claim = Claim(text=text, kind="", kinds=[], hedged=False, location=ctx.location, doc=s.doc, page=s.page, bbox=s.bbox,
                      sentence=i)
        cells = [(t, c) for p in parts for t, c in p[2]]
        shown = [p for p in parts if p[0] == status] + [p for p in parts if p[0] != status]
        message = f"sentence ({_claim_where(claim, doc)}): " + "; ".join(
            p[1] + (f" [unverified: {p[3]}]" if p[0] == "unverified" else "") for p in shown)
        tabs = list({t.id: t for t, _ in cells}.values())
        out.append(CrossCheck(
            kind="number", status=status, message=message, claim=text, claim_doc=s.doc, claim_page=s.page, claim_bbox=s.bbox,
            table=tabs[0].caption, table_id=tabs[0].id, table_doc=tabs[0].doc, table_page=tabs[0].page,
            cells=[_cell_dict(c, t, doc) for t, c in cells[:12]], confidence=min(c.confidence for _, c in cells),
            reason="; ".join(p[3] for p in parts if p[3]), tables=[_table_ref(t, doc) for t in tabs],
        ))
    return out


# -- superiority checks ------------------------------------------------------------------------

_BEST_VERB = re.compile(
    r"\b(?:outperform(?:s|ed|ing)?|surpass(?:es|ed|ing)?|exceed(?:s|ed|ing)?|beat(?:s|ing)?|"
    r"(?:performs?|performed|does|did|is|are|was|were) (?:\w+ )?better than|"
    r"(?:achiev|attain|obtain|deliver|show|exhibit|demonstrat)\w* (?:a |an )?(?:\w+ )?(?:better|stronger|higher|superior) "
    r"(?:performance|results?|scores?|accuracy) (?:than|over)|(?:demonstrat|show|exhibit)\w* (?:\w+ ){0,3}?advantages? over|"
    r"(?:achiev|attain|obtain|set|establish|reach|deliver|yield|record|secur|report)\w* (?:a |an |the )?(?:new )?"
    r"(?:state[- ]of[- ]the[- ]art|sota|best|highest|top|lowest|leading)|"
    r"(?:is|are|was|were|being|remains?|ranks?) (?:the )?(?:best|first|top|state[- ]of[- ]the[- ]art|sota)\b|"
    r"(?:has|had|have|gets?|got|gives?|gave) (?:the )?(?:best|highest|lowest|top)\b|"
    r"(?:has|had|have|gets?|got) the higher\b(?!(?:\s+[\w-]+){0,3}?\s+than\b)|"
    r"leads?\b|scores? highest|"
    # "solves more problems from AIME 2024 than the other models": a count compared
    r"(?:solv|answer|pass|complet|win|won|get|got|achiev)\w*\s+more\s+(?:[\w-]+\s+){0,4}?than)",
    re.I,
)
_FRONTED = re.compile(r"^\W*(?:when\s+|while\s+|if\s+)?(?:(?:being\s+)?compared\s+(?:with|to|against)|in\s+comparison\s+(?:with|to)|"
                      r"relative\s+to)\s+[^,]+,", re.I)
_FRONTED_VERB = re.compile(r"\b(?:(?:exhibit|show|demonstrat|achiev|deliver|attain|obtain|yield|display|showcas)\w*\s+(?:\w+\s+){0,2}?"
                           r"(?:better|stronger|superior|higher)\s+(?:performance|results?|scores?|accuracy)|"
                           r"(?:performs?|performed|does|did)\s+(?:\w+\s+)?better|outperform\w*|surpass\w*)\b", re.I)
_COMPARE_VERB = re.compile(r"\b(?:outperform|surpass|(?:solv|answer|pass|complet|win|won|get|got|achiev)\w*\s+more\s+(?:[\w-]+\s+){0,4}?than|advantages? over|(?:better|stronger|superior) (?:performance|results?) (?:than|over))", re.I)
_NOT_SUPERIOR = re.compile(
    r"\b(?:comparabl\w*|on par|competitive\w*|close to|closely|nearly|approach\w*|rival\w*|match(?:es|ing)?|gap|lags?|"
    r"trail\w*|behind|second(?:-| )(?:best|highest)|among the (?:best|top|strongest|leading)|top-tier|"
    r"(?:outperformed|surpassed|beaten|exceeded) by|similar|draws? with|underperform\w*|inferior)\b",
    re.I,
)
_LIKE_SIZE = re.compile(r"\b(?:comparabl\w*|similar|same|matched|equal)\s+(?:\w+\s+){0,2}?(?:parameters?|params|sizes?|computations?|"
                        r"compute|costs?|budgets?|flops|number of|scales?)\b", re.I)
_MAJORITY = re.compile(r"\b(?:most|the majority)\b(?: of)?(?: the)? (?:\w+ )?(?:benchmarks?|datasets?|tasks?|metrics?|columns?)\b", re.I)
_HEDGED_ALL = re.compile(r"\b(?:most|almost all|nearly all|majority|many|various|several|some|generally|often|mostly|"
                         r"overall|largely|in general)\b", re.I)
_ALL_BENCH = re.compile(r"\b(?:all|every|each)\s+(?:\w+\s+){0,3}?(?:benchmarks?|datasets?|tasks?|metrics?|settings?|evaluations?|"
                        r"languages?|domains?|splits?|columns?)\b|\bacross the board\b|\bconsistently\b|\bwithout exception\b|"
                        r"\bacross all\b", re.I)
_ALL_RIVALS = re.compile(
    r"\b(?:all|every|any|each)\s+(?P<mods>(?:[\w-]+\s+){0,4}?)(?P<head>baselines?|methods?|models?|competitors?|approaches|"
    r"systems?|algorithms?|counterparts?|works|LLMs?|networks?|alternatives?|benchmarks?)\b"
    r"|\b(?P<sota>state[- ]of[- ]the[- ]art|sota)\b|\b(?:the )?(?:best|highest|top|lowest)\b"
    # "got the higher median in UF2, UF4 and UF6": a comparative said as the best, its benchmarks after it
    r"|\bthe higher\s+(?:[\w-]+\s+){1,2}?(?:in|on|for)\b",
    re.I,
)
_GENERIC_MODS = frozenset({"the", "other", "existing", "previous", "prior", "current", "popular", "comparison", "compared",
                           "competing", "baseline", "state-of-the-art", "sota", "strong", "recent", "listed", "considered",
                           "evaluated", "tested", "of", "these", "those", "its", "their", "our", "related", "known",
                           "alternative", "leading", "prominent", "representative", "above", "aforementioned"})
_AGGREGATE = re.compile(r"\bon average\b|\baveraged?\s+(?:across|over)\b|\b(?:average|mean|median)\s+(?:score|performance|accuracy|"
                        r"rank\w*|result)s?\b|\bmedian\b|\bmean rank\b|\boverall (?:score|performance|rank\w*)\b|\bin aggregate\b", re.I)
_AGG_COLUMN = re.compile(r"\b(?:avg|average|mean|overall|all|total|rank)\b", re.I)
_SUBSET = re.compile(r"\b(?:when (?:only )?consider\w*|considering only|(?:the )?(?:larger|smaller|first|second|other) half|"
                     r"under the \w+ (?:setup|setting)|in the context of|for (?:large|small)\w*)\b", re.I)
_EXCEPT = re.compile(r"\b(?:except(?: for)?|with the exception of|apart from|other than|save for|besides)\s+(?P<x>[^.;,()]+)", re.I)
_DOMAIN = re.compile(r"\b(?:in|on|for)\s+(?:the\s+)?(?P<d>(?:[\w-]+\s+){0,3}?(?:tasks?|understanding|reasoning|generation|"
                     r"domains?|scenarios?|settings?|capabilit(?:y|ies)|abilit(?:y|ies)|competitions?|problems?))\b", re.I)
_COST_COLUMN = re.compile(r"\b(?:time|latency|memory|params?|parameters|flops|size|tokens|words|throughput|speed|cost|#\s*\w+|"
                          r"context length|architecture)\b|(?<!\w)#\s*\w+|\(s\)|\bgb\b|\bms\b", re.I)
_ABLATION = re.compile(r"\bablat\w*|\bw/o\b|\bwithout\b|\bvariants?\b", re.I)
_EFFICIENCY = re.compile(r"\b(?:faster|efficien\w*|speed|latency|memory|cheaper|cost|throughput|fewer parameters|smaller)\b", re.I)


def _superiority_scope(text: str) -> tuple[bool, list[str], str]:
    """(is a claim about every rival, the words limiting the rivals, the matched phrase)."""
    for m in _ALL_RIVALS.finditer(text):
        if m.group("head"):
            mods = [w for w in re.findall(r"[\w-]+", m.group("mods") or "")]
            limits = [w for w in mods if w.lower() not in _GENERIC_MODS and not w.isdigit()]
            return True, limits, m.group(0)
        return True, [], m.group(0)
    return False, [], ""


def _in_group(system: str, group: str, limits: list[str]) -> bool:
    """A row is in the group a scoped claim names when the group words ("open-weight") are in
    its row-group label ("Open-Weights Models / DeepSeek-R1")."""
    label = f"{group} / {system}" if group else system
    parts = label.split(" / ")[:-1]
    if not parts:
        return False
    want = {re.sub(r"s$", "", w) for w in _tokens(" ".join(limits)) if len(w) > 2}
    have = {re.sub(r"s$", "", w) for w in _tokens(" ".join(parts))}
    return bool(want) and want <= have


_GENERIC_RIVALS = re.compile(r"\s*(?:(?:the|other|existing|previous|prior|competing|current|strong|recent|compared|"
                             r"comparison|considered|state-of-the-art)\s+)*(?:baselines?|methods?|models?|approaches|competitors?|"
                             r"systems?|algorithms?|counterparts?|alternatives?)\b", re.I)
_CONCEDE = re.compile(r"\b(?:lower|worse|weaker|behind|lags?|not the best|except|however|but|trade-?off|falls? short)\b", re.I)


def _conceded(claim: Claim, doc: Document | None, name: str, holding: list, cells_of: dict[str, list[_Cell]]) -> str:
    """A metric one of the next two sentences of the claim's paragraph concedes for its system
    ("MMPL-MRFs framework consistently outperforms other baselines ... One interesting point to note is
    that the recall rate of MMPL-MRFs is constantly lower than other baselines"): the claim is qualified
    by its own paragraph. The leaves named, or ""."""
    i = getattr(claim, "sentence", None)
    if doc is None or not isinstance(i, int) or not 0 <= i < len(doc.sentences):
        return ""
    here = doc.sentences[i]
    leaves = {_leaf(c.column) for t, _r in holding for c in cells_of[t.id] if c.value is not None}
    for nxt in doc.sentences[i + 1:i + 3]:
        if nxt.paragraph != here.paragraph or nxt.doc != here.doc:
            break
        if not _CONCEDE.search(nxt.text):
            continue
        if not (name.casefold() in nxt.text.casefold() or re.match(r"^\W*(?:it|its|this|they|their)\b", nxt.text, re.I)):
            continue
        named = sorted(lf for lf in leaves if _named_in(lf, nxt.text))
        if named:
            return ", ".join(named)
    return ""


def _upper_named(label: str, text: str) -> bool:
    """An upper header label named in the text: its words, or a short acronym ("HV") as printed."""
    core = _core(label)
    if re.fullmatch(r"[A-Z][A-Z0-9]{1,3}", core):
        return re.search(r"(?<![\w-])" + re.escape(core) + r"(?![\w-])", text) is not None
    return _named_in(label, text)


def _paragraph_parent(parents: set[str], claim: Claim, doc: Document | None) -> set[str]:
    """Of the upper header labels a claim's benchmarks sit under ("HV / UF2", "IGD / UF2"), the one
    the sentences before it in its paragraph name, the nearest first ("In the UF functions and
    considering the results of the HV metric, ..."); none when the nearest naming sentence names
    several or none does."""
    i = getattr(claim, "sentence", -1)
    if doc is None or i is None or i < 0 or i >= len(doc.sentences):
        return set()
    here = doc.sentences[i]
    for j in range(i - 1, max(-1, i - 5), -1):
        prev = doc.sentences[j]
        if prev.paragraph != here.paragraph or prev.doc != here.doc:
            break
        named = {p for p in parents if _upper_named(p, prev.text)}
        if named:
            return named if len(named) == 1 else set()
    return set()


def _check_superiority(claims: list[Claim], tables: list[Table], cells_of: dict[str, list[_Cell]], doc: Document) -> list[CrossCheck]:
    out = []
    title_sys = _title_system(doc)
    for claim in claims:
        text = claim.text
        verb = _BEST_VERB.search(text)
        # "When compared with Y, X exhibits better performance on ...": the rival opens the sentence,
        # the comparative needs no "than"
        fronted = _FRONTED.match(text)
        if fronted and (verb is None or verb.start() < fronted.end()):
            verb = _FRONTED_VERB.search(text, fronted.end())
        if verb is None or claim.hedged or ("superiority" not in claim.kinds and not _COMPARE_VERB.search(verb.group(0))):
            continue
        # "despite comparable total parameters, X outperforms Y": a like-for-like size, not a result
        # (up to the end of the verb's clause: "X outperforms Y on A, but achieves similar results as Z on B"
        # claims X is ahead on A)
        window = text[: verb.end() + 80]
        cut = re.search(r"[,;]\s*(?:but|while|whereas|although|though|yet)\b|;", window[verb.end():])
        if cut:
            window = window[: verb.end() + cut.start()]
        if _NOT_SUPERIOR.search(_LIKE_SIZE.sub(" ", window)) and not _ALL_BENCH.search(text):
            continue  # "comparable to the state of the art", "outperformed by KNN": no claim of being best
        # the subject: a system named before the verb, or "our model" in the abstract/conclusion
        before = [n for n in _MODEL_NAME.finditer(text[: verb.start()]) if n.group(0) not in _STOP_NAMES
                  and not quantity_lexicon()["benchmarks"].spans(n.group(0)) and not _aside(text, n.start(), verb.start())]
        # the last name before the verb that some table holds as a system ("X reaches 71.3% on
        # GradeMath and 46.8% on OlymBench, outperforms ...": X, not OlymBench)
        held = [n.group(0) for n in before if any(_system_rows(cells_of[t.id], n.group(0)) for t in tables)]
        # a pronoun subject read from the sentence before: the row it was resolved to
        names = [claim.subject] if getattr(claim, "subject", "") else held[-1:]  # type: ignore[attr-defined]
        if not names:
            # a row label spelled out before the verb ("... and Switch Transformer achieve"), the last one
            labelled = [(m.start(), sysname) for t in tables for sysname in dict.fromkeys(c.system for c in cells_of[t.id])
                        for pat in [_label_pattern(_leaf(sysname))] if pat for m in [pat.search(text[: verb.start()])] if m]
            # (only a label at or after the last name-like word: "...pubmed.ncbi.nlm.nih.gov/ LongT5 is the
            # best" is about LongT5, not the table's PubMed row)
            last_name = before[-1].start() if before else -1
            # (in the label's own case, or in any case for a name of two or more words: "prompt tuning"
            # for the row "Prompt Tuning")
            labelled = [(at, sysname) for at, sysname in labelled if at >= last_name and not _aside(text, at, verb.start())
                        and (_label_pattern(_leaf(sysname), case=True).search(text[: verb.start()])  # type: ignore[union-attr]
                             or len([w for w in re.findall(r"[A-Za-z]+", _leaf(sysname)) if len(w) >= 3]) >= 2)]
            names = [max(labelled)[1]] if labelled else []
        names = names or ([before[-1].group(0)] if before else [])
        if not names and title_sys and (_OURS.search(text[: verb.start()]) or re.match(r"^\s*(?:we|our)\b", text, re.I)):
            names = [title_sys]
        if not names:
            continue
        name = names[0]
        # an item of an enumeration "... in Table 4: (1) ... (2) ..." reads the sentence's table
        refs = _claim_refs(claim, text, doc)
        # (an ablation table is no comparison with rivals, unless its caption says it holds the baselines too:
        # "Results: Baselines and ablation study")
        pool = [t for t in tables if (not refs or t.label in refs)
                and (not _ABLATION.search(t.caption or "") or re.search(r"\bbaselines?\b", t.caption or "", re.I))]
        holding = [(t, _system_rows(cells_of[t.id], name)) for t in pool]
        holding = [(t, rows) for t, rows in holding if rows]
        if not holding:
            if title_sys and name == title_sys and pool and claim.location in ("abstract", "conclusion", "results"):
                out.append(CrossCheck(kind="superiority", status="unsupported",
                                      message=f"claim ({_claim_where(claim, doc)}) that {name} is best: no results table holds {name}",
                                      claim=text, claim_doc=claim.doc, claim_page=claim.page, claim_bbox=claim.bbox))
            continue
        after_verb = _own_stretch(text[verb.start():], [c for t, _r in holding for c in cells_of[t.id]], name)
        universal, limits, phrase = _superiority_scope(after_verb)
        rivals_named = [n for n in _claim_names(Claim(text=after_verb, kind="", kinds=[], hedged=False, location="", doc=0, page=0,
                                                      bbox=(0, 0, 0, 0)))
                        if not names_match(n, name, 3) and any(_system_rows(cells_of[t.id], n) for t, _ in holding)]
        # the rivals the tables print, named after the verb ("outperforms LLaMA2 SFT 7B", "than the
        # dense baseline"): a row label spelled out in the sentence names that row, and only it
        rival_rows = {t.id: _rows_named(cells_of[t.id], after_verb, rows[0], name) for t, rows in holding}
        if fronted:
            for t, rows in holding:
                rival_rows[t.id] |= _rows_named(cells_of[t.id], text[fronted.start():verb.start()], rows[0], name)
        if any(rival_rows.values()):
            rivals_named = rivals_named or [r for rows in rival_rows.values() for r in rows]
        # "X outperforms Y on all benchmarks (except Z)": "all" is about the benchmarks, the
        # comparison is with Y alone
        if universal and rivals_named and re.match(r"(?i)(?:all|every|each|any)\b.*\b(?:benchmarks?|datasets?|tasks?|metrics?)$", phrase.strip()):
            universal = False
        # ("except for NaturalQuestions and IFEval": two exceptions)
        excepted = [x for m in _EXCEPT.finditer(text) for x in re.split(r"\s*(?:,|\band\b|\bor\b)\s*", m.group("x")) if x.strip()]
        all_bench = bool(_ALL_BENCH.search(text)) and not _HEDGED_ALL.search(text)
        reasons: list[str] = []
        if _HEDGED_ALL.search(text):
            reasons.append("the claim holds for most, not all, benchmarks")
        if _FIGURE.search(text) and not refs:
            reasons.append("the claim points at a figure")
        if _SUBSET.search(text):
            reasons.append("the claim covers a subset of the experiments the tables do not mark")
        agg = _AGGREGATE.search(text)
        scoped_words = limits or ([] if _scope_of(text) is None else [w for w in re.findall(r"[\w-]+", _scope_of(text).group(0))  # type: ignore[union-attr]
                                                                        if w.lower() not in _GENERIC_MODS and w.lower() not in
                                                                        ("among", "all", "than", "over", "any", "models", "model", "llms", "methods", "baselines", "systems")])
        if not universal and not rivals_named and not all_bench and re.search(r"\bthan\b", verb.group(0), re.I) \
                and _GENERIC_RIVALS.match(text[verb.end():]) and not _scope_of(text):
            # "solves more problems from AIME 2024 than the other models": every other row, named
            # only as a class (read for agreement: which rows the class holds is not said)
            universal = True
            reasons.append("the rivals are named only as a class")
        if not universal and not rivals_named and not all_bench:
            continue  # "X achieves strong results": no comparison to check
        if not universal and not rivals_named and re.search(r"\bthan\b|outperform|surpass|exceed|\bbeat", verb.group(0), re.I) \
                and re.search(r"^\W*\w", text[verb.end():]) and not _GENERIC_RIVALS.match(text[verb.end():]):
            # "DARNN on Indicator is consistently better than the ones on Market": the rival the sentence
            # names is no row of the tables (another setting of the same system); "every row" is not it
            continue
        conceded = _conceded(claim, doc, name, holding, cells_of)
        if conceded:
            reasons.append(f"the next sentence qualifies the claim ({conceded})")
        # a claim that names a benchmark is about the tables that hold it
        # (before the verb too: "On the Lunar Landing Problem, MRDL is the best ...")
        naming = [(t, rows) for t, rows in holding
                  if any(_named_in(c.column, after_verb) or _named_in(c.column, text[: verb.start()])
                         for c in cells_of[t.id] if c.value is not None)]
        if naming and not all_bench:
            holding = naming
            # of tables that name the column, those whose upper header levels the sentence names too
            # ("median HV values" on Lunar: "HV / Lunar" of Table 1, not "Lunar (Feasible (%))" of Table 2)
            said = _text_tokens(text)

            def _levels_named(t: Table, words: Any = said) -> int:
                return max((sum(1 for part in c.column.split(" / ") if _tokens(_core(part)) and _tokens(_core(part)) <= words)
                            for c in cells_of[t.id] if c.value is not None), default=0)
            top = max(_levels_named(t) for t, _ in holding)
            holding = [(t, rows) for t, rows in holding if _levels_named(t) == top]
        # a table that prints the name itself is the one the claim means; one holding only a
        # longer label ("DeepSeekMoE Chat 16B" for "DeepSeekMoE 16B") is another system
        exact_h = [(t, rows) for t, rows in holding if any(_exact(r, name) or _exact(_leaf(r), name) for r in rows)]
        if exact_h:
            holding = exact_h
        if rivals_named and not universal and any(rival_rows.values()) and not re.search(
                r"\b(?:benchmarks?|datasets?|tasks?|metrics?|languages?|domains?|splits?)\b", phrase, re.I):
            # "In comparison to other open-source models, X demonstrates superior performance over A
            # and B": the rows named are the comparison; the group only frames it
            scoped_words = []
        scope_unresolved = bool(scoped_words) and not any(
            _in_group(c.system, c.group, scoped_words) for t, _ in holding for c in cells_of[t.id])
        # a column named by its leaf ("UF3") that the tables print under several upper labels
        # ("HV / UF3", "IGD / UF3"): the claim means the upper label it names; naming none, it is
        # ambiguous when they disagree
        leaf_parents: dict[str, set[str]] = {}
        for t, _rows in holding:
            for c in cells_of[t.id]:
                if c.value is not None and " / " in c.column and (_named_in(c.column, after_verb) or _named_in(c.column, text[: verb.start()])):
                    leaf_parents.setdefault(_leaf(c.column), set()).add(c.column.rsplit(" / ", 1)[0])
        ambiguous = {lf: ps for lf, ps in leaf_parents.items() if len(ps) > 1}
        said = {p for ps in ambiguous.values() for p in ps if _upper_named(p, text)}
        parent_read = ""
        if ambiguous and not said:
            # (read from the paragraph, the upper label bears a claim out but never gives a mismatch)
            said = _paragraph_parent({p for ps in ambiguous.values() for p in ps}, claim, doc)
            parent_read = ", ".join(sorted(said))
        parents_unnamed: set[str] = set() if said else {p for ps in ambiguous.values() for p in ps}
        findings: list[tuple[Table, list[dict[str, Any]], int, list[str]]] = []
        tie_notes: dict[str, str] = {}
        for t, rows in holding:
            sys_row = rows[0]
            cells = [c for c in cells_of[t.id] if c.value is not None]
            if len(rows) > 1 and not any(_exact(r, name) or _exact(_leaf(r), name) for r in rows):
                reasons_t = [f"several rows match {name}"]
            else:
                reasons_t = []
            cols = list(dict.fromkeys(c.column for c in cells))
            named_cols = [col for col in cols if (_named_in(col, after_verb) or _named_in(col, text[: verb.start()]))
                          # ("the same number of activated parameters": a size, not the benchmark)
                          and (_EFFICIENCY.search(text) or not _COST_COLUMN.search(_leaf(col)))
                          and not any(names_match(x.strip(), col, 4) for x in excepted)]
            if said and named_cols:
                named_cols = [col for col in named_cols if _leaf(col) not in ambiguous or col.rsplit(" / ", 1)[0] in said]
                if not named_cols:
                    continue  # the claim names the other upper label
            # a benchmark named by an upper header level ("on the D \u2192L task" over "D \u2192L / R-1f1", ...)
            upper = [col for col in cols if " / " in col and any(_named_in(part, after_verb) for part in col.split(" / ")[:-1])]
            if named_cols and not all_bench:
                cols = named_cols
            elif upper and not all_bench:
                cols = upper
            elif _DOMAIN.search(text) and not all_bench:
                dom = _DOMAIN.search(text).group("d")  # type: ignore[union-attr]
                grouped = [col for col in cols if " / " in col and _tokens(dom) & _tokens(col.rsplit(" / ", 1)[0]) - _GENERIC_COLUMN]
                if grouped:
                    cols = grouped
                else:
                    reasons_t.append(f"the claim is about {dom.strip()}, which no column names")
            if not _EFFICIENCY.search(text):
                cols = [col for col in cols if not _COST_COLUMN.search(_leaf(col))]
            if agg and not (named_cols and not all_bench):
                aggc = [col for col in cols if _AGG_COLUMN.search(_leaf(col))]
                if aggc:
                    cols = aggc
                else:
                    reasons_t.append("the claim is about an average or rank the table does not hold")
            problems: list[dict[str, Any]] = []
            checked = 0
            unsure: list[str] = []
            for col in cols:
                cs = [c for c in cells if c.column == col]
                mine = [c for c in cs if c.system == sys_row]
                if not mine:
                    continue
                me = mine[0]
                others = [c for c in cs if c.system != sys_row and not _variant(c.system, name)]
                if rivals_named and not universal:
                    if any(rival_rows.values()):
                        others = [c for c in others if c.system in rival_rows.get(t.id, ())]
                    else:
                        others = [c for c in others if any(names_match(r, c.system, 2) for r in rivals_named)]
                others = [c for c in others if not any(names_match(x.strip(), c.system, 3) or names_match(x.strip(), col, 4)
                                                       for x in excepted)]
                if any(names_match(x.strip(), col, 4) for x in excepted):
                    continue
                if scoped_words and not scope_unresolved:
                    others = [c for c in others if _in_group(c.system, c.group, scoped_words)]
                if not others:
                    continue
                checked += 1
                stated = _claim_direction(after_verb, col)
                low = stated if stated is not None else _lower_better(t, col, me.col)
                better = [c for c in others if (c.value < me.value if low else c.value > me.value)]  # type: ignore[operator]
                tied = [c for c in others if c.value == me.value]
                if better or (tied and universal and not rivals_named):
                    rival = (better or tied)[0]
                    if not (me.confident and rival.confident):
                        unsure.append(me.why or rival.why)
                        continue
                    problems.append({"column": col, "system": sys_row, "value": me.value, "rival": rival.system,
                                     "rival_value": rival.value, "relation": "better" if better else "tied",
                                     "page": t.page, "table": t.id, "doc": t.doc})
            if not checked:
                continue
            missing = _setting_missing(_settings(text), [t])
            if problems and missing:
                reasons_t.append(f"the claim's setting ({missing}) is not in the table")
            if problems and all(x["relation"] == "tied" for x in problems):
                # jointly best: no other row is ahead, the claim is borne out (the tie is said)
                tie_notes[t.id] = "; ".join(f"{x['column']}: tied with {x['rival']} at {x['value']:g}" for x in problems[:4])
                problems = []
            if problems and parent_read:
                reasons_t.append(f"the claim names no upper label; {parent_read} is read from the sentences before it")
            if problems and parents_unnamed:
                reasons_t.append(f"the claim does not say which of {', '.join(sorted(parents_unnamed))} it is about")
            counted = _count_claim(text)
            if counted:
                k, n = counted
                if (checked - len(problems), checked) == (k, n):
                    problems = []
                else:
                    reasons_t.append(f"the claim counts {k} of {n}; the table gives {checked - len(problems)} of {checked} compared columns")
            if _HEDGED_ALL.search(text) and (checked < 3 or len(problems) * 2 >= checked):
                reasons_t.append("a claim about most benchmarks, on too few columns or not borne out by most")
            if unsure:
                reasons_t.append("cells read with low confidence: " + "; ".join(sorted(set(unsure)))[:160])
            if rivals_named and not universal and not all_bench and problems and len(problems) < checked:
                reasons_t.append("the table shows both ahead in different columns and the claim names no benchmark")
            findings.append((t, problems, checked, reasons_t))
        if not findings:
            continue
        bad = [(t, p, n, r) for t, p, n, r in findings if p]
        tabs = [t for t, *_ in findings]
        all_reasons = list(dict.fromkeys(reasons + [x for *_, r in findings for x in r]))
        if bad and _AS_BEST in (getattr(claim, "cues", None) or []):
            all_reasons.append("a comparative said as the best (“the higher ... in”): read for agreement only")
        if scope_unresolved:
            status = "scoped"
        elif not bad:
            status = "unverified" if all_reasons and any(
                "low confidence" in x or "no column" in x or "average" in x or "most" in x for x in all_reasons) else "consistent"
        elif all_reasons:
            status = "unverified"
        else:
            status = "mismatch"
        # "X outperforms Y on the majority of benchmarks": borne out when X is ahead in more than
        # half of the compared columns of every table (never a mismatch: "most" has no line)
        if status == "unverified" and _MAJORITY.search(text) and not _HEDGED_ALL.search(_MAJORITY.sub(" ", text)) and all(
                n >= 3 and len(p) * 2 < n for _, p, n, _ in findings) and not any(
                k in x for x in all_reasons for k in ("low confidence", "no column", "average", "figure", "subset")):
            status = "consistent"
            all_reasons = []
        parts = []
        for t, p, n, _ in findings:
            if p:
                cols = "; ".join(f"{x['column']}: {x['rival']} {x['rival_value']:g} {'>' if x['relation'] == 'better' else '='} {x['value']:g}" for x in p[:6])
                more = f" (+{len(p) - 6} more)" if len(p) > 6 else ""
                parts.append(f"in {_where(t, doc)} another system is better or tied in {len(p)} of {n} columns: {cols}{more}")
            else:
                parts.append(f"{name} is best in all {n} compared columns of {_where(t, doc)}"
                             + (f" (jointly: {tie_notes[t.id]})" if t.id in tie_notes else ""))
        lead = f"claim ({_claim_where(claim, doc)}) that {name} is best"
        if scoped_words:
            lead += f" \u201c{phrase.strip() or ' '.join(scoped_words)}\u201d"
        msg = f"{lead}: " + "; ".join(parts)
        if status == "scoped":
            msg += ". The tables do not say which systems the claim covers: check these by hand"
        elif status == "unverified":
            msg += f" [unverified: {'; '.join(all_reasons)}]"
        problems_all = [x for _, p, _, _ in findings for x in p]
        confs = [c.confidence for t in tabs for c in cells_of[t.id] if c.system == _system_rows(cells_of[t.id], name)[0]]
        out.append(CrossCheck(
            kind="superiority", status=status, message=msg, claim=text, claim_doc=claim.doc,
            claim_page=claim.page, claim_bbox=claim.bbox, table=tabs[0].caption, table_id=tabs[0].id, table_doc=tabs[0].doc,
            table_page=tabs[0].page, cells=problems_all, confidence=min(confs) if confs else None,
            reason="; ".join(all_reasons), tables=[_table_ref(t, doc) for t in tabs],
        ))
    return out


# "the recall rate of X is constantly lower than other baselines", "X has a higher F1 than all other
# methods": a literal comparison on a named metric (lower/higher, not better/worse: no direction to read)
_LITERAL = re.compile(r"\b(?:is|are|was|were|remains?|stays?|has|have|had|gets?|achieves?|shows?|showed|exhibit(?:s|ed)?|"
                      r"(?:is|are|was|were)\s+characteri[sz]ed\s+by)\s+(?:(?:an?|the|always|constantly|"
                      r"consistently|clearly|much|significantly|substantially|notably|generally|slightly|also|still)\s+)*"
                      r"(?P<dir>lower|higher|smaller|larger)\b(?P<what>(?:\s+[\w@-]+){0,3}?)\s+(?:than|(?:as\s+)?compared\s+(?:to|with))\s+"
                      r"(?P<rest>[^.;]*)", re.I)
# a discourse adverb set off by commas inside the subject clause ("The RE group, however, was ...")
_ADVERB_ASIDE = re.compile(r",\s*(?:however|therefore|thus|moreover|furthermore|in contrast|by contrast|on the other hand|"
                           r"in addition|also|instead|in turn|again|overall)\s*,", re.I)


def _check_literal_comparisons(claims: list[Claim], tables: list[Table], cells_of: dict[str, list[_Cell]],
                               doc: Document | None) -> list[CrossCheck]:
    """A system's value on a named metric said to be lower (higher) than every rival's, or a named
    rival's: compared cell by cell in every column of that metric (every benchmark the table has
    it for, unless the sentence names some). ``mismatch`` when a rival's confidently read cell is on
    the wrong side; claims hedged ("generally", "most") or naming no metric column are not read."""
    out = []
    for claim in claims:
        text = claim.text
        m = _LITERAL.search(text)
        if not m or claim.hedged or _HEDGED_ALL.search(text):
            continue
        # the subject clause only ("While for all values of f in SQuALITY we find that FINE annotations still
        # have lower variance": SQuALITY is no part of the subject)
        head = re.split(r"[,;:]|\b(?:that|while|whereas|although|when|if)\b", _ADVERB_ASIDE.sub(" ", text[:m.start()]), flags=re.I)[-1]
        # the metric: a column leaf named in the subject ("the recall rate of X") or right after the
        # comparative ("a higher F1 than")
        leaves = {_leaf(c.column) for t in tables for c in cells_of[t.id] if c.value is not None}
        said = [lf for lf in leaves if _named_in(lf, head) or _named_in(lf, m.group("what") or "")]
        said = [lf for lf in said if not any(o != lf and _tokens(_core(lf)) < _tokens(_core(o)) for o in said)]
        if len(said) != 1:
            continue
        metric = said[0]
        names = [n.group(0) for n in _MODEL_NAME.finditer(head) if n.group(0) not in _STOP_NAMES]
        held = [(n, t, _system_rows(cells_of[t.id], n)) for n in names for t in tables]
        held = [(n, t, rows) for n, t, rows in held if len(rows) == 1 and any(
            c.system == rows[0] and _leaf(c.column) == metric for c in cells_of[t.id] if c.value is not None)]
        if not held or len({n for n, _, _ in held}) != 1 or len(held) != 1:
            continue
        name, t, rows = held[0]
        me_row = rows[0]
        rest = m.group("rest")
        cells = [c for c in cells_of[t.id] if c.value is not None]
        named_rows = _rows_named(cells, rest, me_row, name)
        generic = bool(_GENERIC_RIVALS.match(re.sub(r"^\s*(?:all|any|every|each)\s+", "", rest, flags=re.I)))
        if not named_rows and not generic:
            continue
        cols = [col for col in dict.fromkeys(c.column for c in cells) if _leaf(col) == metric]
        parents = [col for col in cols if " / " in col and _named_in(col.rsplit(" / ", 1)[0], text)]
        cols = parents or cols
        lower = m.group("dir").lower() in ("lower", "smaller")
        problems, checked, unsure = [], 0, []
        for col in cols:
            mine = [c for c in cells if c.column == col and c.system == me_row]
            if not mine:
                continue
            me = mine[0]
            others = [c for c in cells if c.column == col and c.system != me_row and not _variant(c.system, name)
                      and (not named_rows or c.system in named_rows)]
            if not others:
                continue
            checked += 1
            wrong = [c for c in others if (c.value <= me.value if lower else c.value >= me.value)]  # type: ignore[operator]
            for c in wrong[:1]:
                if not (me.confident and c.confident):
                    unsure.append(me.why or c.why)
                    continue
                problems.append({"column": col, "system": me_row, "value": me.value, "rival": c.system, "rival_value": c.value,
                                 "page": t.page, "table": t.id, "doc": t.doc})
        if not checked:
            continue
        reasons = []
        missing = _setting_missing(_settings(text), [t])
        if missing:
            reasons.append(f"the claim's setting ({missing}) is not in the table")
        if unsure:
            reasons.append("cells read with low confidence: " + "; ".join(sorted(set(unsure)))[:160])
        if _FIGURE.search(text):
            reasons.append("the claim points at a figure")
        word = "lower" if lower else "higher"
        if problems:
            status = "unverified" if reasons else "mismatch"
            shown = "; ".join(f"{x['column']}: {x['rival']} {x['rival_value']:g} vs {x['value']:g}" for x in problems[:6])
            msg = (f"claim ({_claim_where(claim, doc)}) that {name}'s {metric} is {word} than "
                   f"{'the named rivals' if named_rows else 'every other row'}: in {_where(t, doc)} it is not, in {len(problems)} "
                   f"of {checked} columns: {shown}")
        else:
            status = "unverified" if reasons else "consistent"
            msg = f"claim ({_claim_where(claim, doc)}) that {name}'s {metric} is {word}: so in all {checked} columns of {_where(t, doc)}"
        if reasons:
            msg += f" [unverified: {'; '.join(reasons)}]"
        out.append(CrossCheck(
            kind="superiority", status=status, message=msg, claim=text, claim_doc=claim.doc, claim_page=claim.page,
            claim_bbox=claim.bbox, table=t.caption, table_id=t.id, table_doc=t.doc, table_page=t.page, cells=problems,
            confidence=min(c.confidence for c in cells if c.system == me_row), reason="; ".join(reasons), tables=[_table_ref(t, doc)],
        ))
    return out


@functools.lru_cache(maxsize=65536)
def _label_pattern(label: str, case: bool = False) -> re.Pattern[str] | None:
    """A table label as the text may spell it (any spacing or hyphenation; any case unless
    ``case``), between word boundaries; None for a label too short to be named."""
    norm = unicodedata.normalize("NFKC", label)
    found = list(re.finditer(r"[^\W_]+(?:\.\d+)?|[\u00d7+]", norm))
    words = [m.group(0) for m in found]
    if not words or len("".join(words)) < 3:
        return None
    # a word the table cuts short with a period ("Mixtral 8x22B Inst."): the text's full word ("Instruct")
    pats = [re.escape(m.group(0)) + (r"\w*" if norm[m.end():m.end() + 1] == "." and m.group(0).isalpha() and len(m.group(0)) >= 3
                                     and k > 0 else "") for k, m in enumerate(found)]
    body = r"(?<![^\W_/.])" + r"[\s\-_/]*".join(pats) + r"\.?(?![^\W_])"
    return re.compile(body) if case else re.compile(body, re.I)


def _rows_named(cells: list[_Cell], text: str, own_row: str, name: str) -> set[str]:
    """The table's system rows (besides the claimed system's own) whose label the text spells
    out; of labels nested in one another ("LLaMA2 7B" in "LLaMA2 SFT 7B") the longest."""
    spans: list[tuple[int, int, str]] = []
    for system in dict.fromkeys(c.system for c in cells):
        if system == own_row or _variant(system, name):
            continue
        # an added component's row ("w/ ranking loss", "+ ranking loss") is named by the component
        label = re.sub(r"^\s*(?:w/(?!o)|\+|with)\s*", "", _leaf(system))
        pat = _label_pattern(label)
        m = pat.search(text) if pat else None
        if m:
            spans.append((m.start(), m.end(), system))
    keep = {s for a, b, s in spans if not any((a2 <= a and b <= b2) and (b2 - a2) > (b - a) for a2, b2, _ in spans)}
    return keep


_COUNT = re.compile(r"\b(?:on|in|for|across)\s+(?P<k>\d+)\s*(?:/|out of|of(?: the)?)\s*(?P<n>\d+)\s+(?:[\w-]+\s+){0,2}?"
                    r"(?:benchmarks?|datasets?|tasks?|settings?|languages?|metrics?|problems?|functions?|instances?|cases?)\b", re.I)


def _own_stretch(after_verb: str, cells: list[_Cell], name: str) -> str:
    """The part of the text after the verb that is about the claimed system: it ends where,
    after the benchmarks the claim names, another row's system becomes the subject ("Norm had
    the best medians in DTLZ2 and DTLZ5 ... Only in DTLZ1 Random had the highest")."""
    cols = {c.column for c in cells if c.value is not None}
    first_col = min((m.start() for col in cols for pat in [_label_pattern(_core(col))] if pat and _named_in(col, after_verb)
                     for m in [pat.search(after_verb)] if m), default=None)
    if first_col is None:
        return after_verb
    cut = len(after_verb)
    for system in {c.system for c in cells}:
        if _variant(system, name) or names_match(name, system, 3):
            continue
        pat = _label_pattern(_leaf(system))
        if pat is None:
            continue
        for m in pat.finditer(after_verb, first_col):
            # a new clause with another subject: a sentence or clause mark between
            marks = list(re.finditer(r"[.;]\s|\bwhile\b|\bwhereas\b|\bbut\b", after_verb[first_col: m.start()]))
            if marks:
                cut = min(cut, first_col + marks[-1].start())
            break
    return after_verb[:cut]


# a setting the claim states ("at k = 5", "with 8 shots", "5-shot", "top-10", "T=0.7"): the table
# must hold it for its cells to be the claim's
_SETTING = re.compile(
    r"\b(?:at|with|for|using|when|under)\s+(?P<var>[A-Za-z\u03b1-\u03c9](?:_?\w{0,3})?)\s*=\s*(?P<val>\d+(?:\.\d+)?)"
    r"|\b(?P<shots>\d+|zero|one|few)[- ]?shots?\b"
    r"|\bwith (?P<n>\d+) (?:shots|examples|demonstrations|exemplars|in-context examples)\b"
    r"|\btop[- ]?(?P<top>\d+)\b",
    re.I,
)


def _settings(text: str) -> list[str]:
    """The settings a stretch of a claim states, each as a normalised key ("k=5", "8shot", "top10")."""
    out = []
    for m in _SETTING.finditer(text):
        if m.group("var"):
            out.append(f"{m.group('var').lower()}={float(m.group('val')):g}")
        elif m.group("shots"):
            w = m.group("shots").lower()
            out.append(f"{ {'zero': '0', 'one': '1'}.get(w, w) }shot")
        elif m.group("n"):
            out.append(f"{m.group('n')}shot")
        else:
            out.append(f"top{m.group('top')}")
    return out


def _table_settings_text(t: Table) -> str:
    parts = [t.caption or "", " ".join(" ".join(h) for h in (t.header or [])), " ".join(t.columns or [])]
    parts += [" ".join(r) for r in (t.rows or [])]
    return " ".join(parts)


def _setting_missing(settings: list[str], tables: list[Table]) -> str:
    """The first claimed setting none of the tables states, or ""."""
    if not settings:
        return ""
    held = set()
    for t in tables:
        held.update(_settings(" " + _table_settings_text(t).replace("(", " with ").replace("@", " at ")))
        txt = _table_settings_text(t)
        for m in re.finditer(r"\b([A-Za-z\u03b1-\u03c9]\w{0,3})\s*=\s*(\d+(?:\.\d+)?)", txt):
            held.add(f"{m.group(1).lower()}={float(m.group(2)):g}")
        for m in re.finditer(r"@\s?(\d+)", txt):
            held.update({f"k={m.group(1)}", f"top{m.group(1)}"})
    for st in settings:
        if st not in held:
            return st
    return ""


def _count_claim(text: str) -> tuple[int, int] | None:
    """(k, n) of "beats Y on 14/23 datasets", "in 5 out of 7 tasks"."""
    m = _COUNT.search(text)
    return (int(m.group("k")), int(m.group("n"))) if m else None


def _variant(system: str, name: str) -> bool:
    """Another configuration of the claimed system itself (MiniMax-M1-40k vs -80k)."""
    a, b = _norm(system.split(" / ")[-1]), _norm(name)
    base = re.sub(r"[-.]?\d+[kmb]?$", "", b)
    return bool(base) and len(base) >= 4 and (a.startswith(base) or base in a)


def _check_bold(tables: list[Table], cells_of: dict[str, list[_Cell]], doc: Document | None = None) -> list[CrossCheck]:
    out = []
    for t in tables:
        cells = [c for c in cells_of[t.id] if c.value is not None]
        if not any(c.bold for c in cells):
            continue
        # rows the caption leaves out of the bolding ("We bold the best results ... excluding Copy and
        # Ground Truth"): references, not rivals
        left_out = _caption_excluded(t, cells)
        if t.orientation == "columns":
            # read with systems as columns, yet one bold in every printed column and several in some
            # row: the bold marks each printed column's best (the columns are the metrics), and the
            # orientation read is in doubt: no bold check
            per_sys = Counter(c.system for c in cells if c.bold)
            per_row = Counter(c.column for c in cells if c.bold)
            printed = {c.system for c in cells}
            if len(printed) >= 3 and set(per_sys) == printed and set(per_sys.values()) == {1} and max(per_row.values()) > 1:
                continue
        by_col: dict[str, list[_Cell]] = {}
        for c in cells:
            if c.system not in left_out:
                by_col.setdefault(c.column, []).append(c)
        for col, cs in by_col.items():
            bolds = [c for c in cs if c.bold]
            if not bolds or len(cs) < 2:
                continue
            low = _lower_better(t, col, bolds[0].col)
            pick = min if low else max
            # every bold cell at the other end of the column while the caption gives no direction:
            # the bold may tell the direction the guess missed (self-BLEU and self-TER measure
            # diversity, lower and higher better; a standard deviation of ratings, lower better),
            # so no mismatch is said
            other = (max if low else min)(c.value for c in cs)  # type: ignore[type-var]
            reversed_bold = (_caption_direction(t, col) is None and pick(c.value for c in cs) != other  # type: ignore[type-var]
                             and all(b.value == other for b in bolds))
            groups: dict[str, list[_Cell]] = {}
            for c in cs:
                groups.setdefault(_group_of(c), []).append(c)
            if len(groups) > 1 and len({_group_of(b) for b in bolds}) == 1 and len({b.value for b in bolds}) == 1:
                groups = {_group_of(bolds[0]): cs}
            for b in bolds:
                group = groups[_group_of(b)]
                gb = [c for c in group if c.bold]
                if len({c.value for c in gb}) > 1 or len(group) < 2:
                    continue
                group_best = pick(c.value for c in group)  # type: ignore[type-var]
                if b.value == group_best:
                    continue
                winner = next(c for c in group if c.value == group_best)
                sure = b.confident and winner.confident
                why = b.why or winner.why
                if reversed_bold:
                    sure, why = False, (f"the bold marks the {'highest' if low else 'lowest'} value of the column: "
                                        f"{'higher' if low else 'lower'} may be better here")
                out.append(CrossCheck(
                    kind="bold_best", status="mismatch" if sure else "unverified",
                    message=(f"{_where(t, doc)}, {col}: bold {b.value:g} ({b.system}) is not the best; "
                             f"{winner.system} has {winner.value:g} ({'lower' if low else 'higher'} is better)"
                             + ("" if sure else f" [unverified: {why}]")),
                    table=t.caption, table_id=t.id, table_doc=t.doc, table_page=t.page,
                    cells=[_cell_dict(b, t, doc), _cell_dict(winner, t, doc)], confidence=min(b.confidence, winner.confidence),
                    reason="" if sure else why, tables=[_table_ref(t, doc)],
                ))
    return out


_EXCLUDING = re.compile(r"\b(?:excluding|except(?:\s+for)?|other than|apart from|not counting)\s+(?P<x>[^.;]*)", re.I)


def _caption_excluded(t: Table, cells: list[_Cell]) -> set[str]:
    """Row labels the caption names after 'excluding' / 'except' (left out of the best values)."""
    out: set[str] = set()
    for m in _EXCLUDING.finditer(t.caption or ""):
        for system in {c.system for c in cells}:
            pat = _label_pattern(_leaf(system))
            if pat and pat.search(m.group("x")):
                out.add(system)
    return out


def _group_of(c: _Cell) -> str:
    if c.group:
        return c.group
    return c.system.rsplit(" / ", 1)[0] if " / " in c.system else ""


# -- "consistent improvements" over signed differences ---------------------------------------

_CONSISTENT_GAIN = re.compile(
    r"\b(?:consistent(?:ly)?|uniform(?:ly)?|steady|steadily)\s+(?:\w+\s+){0,2}?(?:improv\w*|gains?|boost\w*|increas\w*)"
    r"|\b(?:improv\w*|gains?|boost\w*)\s+(?:\w+\s+){0,3}?(?:consistently|across all|in all|on all|on every|for all|for every|in every)\b",
    re.I,
)
# a printed difference: "+1.2", "\u22120.4", "(+1.2)", "45.3 (\u22120.8)", "+1.2%"
_SIGNED = re.compile(r"(?:^|\(|\s)(?P<sign>[+\-\u2212\u2013])\s?(?P<num>\d+(?:\.\d+)?)\s*%?\s*\)?\s*$")


def _signed(raw: str) -> float | None:
    m = _SIGNED.search(unicodedata.normalize("NFKC", raw or "").strip())
    if not m:
        return None
    v = float(m.group("num"))
    return v if m.group("sign") == "+" else -v


def _check_improvements(claims: list[Claim], tables: list[Table], cells_of: dict[str, list[_Cell]],
                        doc: Document) -> list[CrossCheck]:
    """A claim of consistent improvements ("brings consistent improvements over the baselines",
    "improves X on all datasets") read against the signed differences ("+1.2", "(\u22120.4)") of the
    table it cites: a difference against the claim (a drop; a rise of a lower-is-better column) is
    a mismatch when the table prints its differences with signs and the claim's rows are known."""
    out = []
    for claim in claims:
        text = claim.text
        if claim.hedged or not _CONSISTENT_GAIN.search(text) or _HEDGED_ALL.search(text):
            continue
        refs = _claim_refs(claim, text, doc)
        if not refs:
            continue  # which table's differences the claim is about is not said
        for t in tables:
            if t.label not in refs:
                continue
            cells = cells_of[t.id]
            signed = [(c, _signed(c.raw)) for c in cells]
            signed = [(c, d) for c, d in signed if d is not None]
            # the table prints differences with signs: several signed cells, some with a '+'
            if len(signed) < 4 or not any(d > 0 for _, d in signed) or len(signed) * 3 < len([c for c in cells if c.value is not None]):
                continue
            named_rows = _rows_named(cells, text, "", "")
            if named_rows:
                signed = [(c, d) for c, d in signed if c.system in named_rows] or signed
            named_cols = [c for c, _ in signed if _named_in(c.column, text)]
            if named_cols:
                keep = {c.column for c in named_cols}
                signed = [(c, d) for c, d in signed if c.column in keep]
            against = []
            for c, d in signed:
                low = _lower_better(t, c.column, c.col)
                if (d > 0 and low) or (d < 0 and not low):
                    against.append((c, d))
            rows = {c.system for c, _ in signed}
            sure = all(c.confident for c, _ in signed)
            if not against:
                status, reason = "consistent", ""
            elif not sure:
                status, reason = "unverified", "cells read with low confidence"
            elif len(rows) > 1 and not named_rows and len(against) * 2 < len(signed):
                status, reason = "unverified", "the claim names no row, and the drops are in some rows only"
            else:
                status, reason = "mismatch", ""
            shown = "; ".join(f"{c.system}, {c.column}: {c.raw}" for c, _ in against[:6])
            more = f" (+{len(against) - 6} more)" if len(against) > 6 else ""
            if against:
                msg = (f"claim ({_claim_where(claim, doc)}) of consistent improvements: {_where(t, doc)} prints "
                       f"{len(against)} of {len(signed)} signed differences against it: {shown}{more}")
            else:
                msg = f"claim ({_claim_where(claim, doc)}) of consistent improvements: all {len(signed)} signed differences of {_where(t, doc)} bear it out"
            if status == "unverified":
                msg += f" [unverified: {reason}]"
            out.append(CrossCheck(
                kind="superiority", status=status, message=msg, claim=text, claim_doc=claim.doc, claim_page=claim.page,
                claim_bbox=claim.bbox, table=t.caption, table_id=t.id, table_doc=t.doc, table_page=t.page,
                cells=[_cell_dict(c, t, doc) for c, _ in against[:12]], confidence=min((c.confidence for c, _ in signed), default=None),
                reason=reason, tables=[_table_ref(t, doc)],
            ))
    return out


# "X still falls behind Y on A, B and C", "X lags behind Y", "X underperforms Y", "X is outperformed by Y":
# a comparison said from the losing side
_BEHIND = re.compile(r"\b(?:(?:falls?|fell|lags?|lagged|trails?|trailed|remains?|stays?|is|are|was|were)\s+(?:\w+\s+)?behind|"
                     r"underperform(?:s|ed)?|(?:is|are|was|were)\s+(?:\w+\s+)?(?:outperformed|surpassed|beaten)\s+by)\b", re.I)


def _check_behind(claims: list[Claim], tables: list[Table], cells_of: dict[str, list[_Cell]], doc: Document) -> list[CrossCheck]:
    """A claim that a row named before the verb is behind a row named after it, read in the
    columns the sentence names (every value column but costs when it names none): ``consistent``
    when the second row is ahead in all of them; otherwise ``unverified`` (a claim from the losing
    side often means most, not all, benchmarks), never a mismatch."""
    from ..nlp.context import prose_sentences

    out = []
    contexts, texts, _toks = prose_sentences(doc)
    # every prose sentence, item by item ("(3) On ... benchmarks, X still falls behind Y"): a
    # comparison is checkable whatever the sentence's claim cues
    for ctx, sentence in zip(contexts, texts):
        if not _BEHIND.search(sentence):
            continue
        s = ctx.sentence
        claim = Claim(text=sentence, kind="", kinds=[], hedged=False, location=ctx.location, doc=s.doc, page=s.page,
                      bbox=s.bbox, sentence=ctx.index)
        for text in [x.strip() for x in _ENUM_ITEM.split(sentence) if x.strip()]:
            m = _BEHIND.search(text)
            if not m or _HEDGED_ALL.search(text):
                continue
            out += _behind_one(claim, text, m, tables, cells_of, doc)
    return out


def _behind_one(claim: Claim, text: str, m: re.Match[str], tables: list[Table], cells_of: dict[str, list[_Cell]],
                doc: Document) -> list[CrossCheck]:
    out: list[CrossCheck] = []
    head = re.split(r"[;:]|\b(?:that|while|whereas|although)\b", text[:m.start()], flags=re.I)[-1]
    tail = re.split(r"[,;]|\b(?:but|while|whereas|although|which)\b", text[m.end():], flags=re.I)[0]
    for t in tables:
        cells = [c for c in cells_of[t.id] if c.value is not None]
        xs = _rows_named(cells, head, "", "")
        ys = _rows_named(cells, tail, "", "")
        if len(xs) != 1 or len(ys) != 1 or xs == ys:
            continue
        x_row, y_row = next(iter(xs)), next(iter(ys))
        per = Counter((c.system, c.column) for c in cells if c.system in (x_row, y_row))
        if any(n > 1 for n in per.values()):
            continue  # a label on several rows ("Brown" at each setting): which one is not said
        cols = list(dict.fromkeys(c.column for c in cells if c.system in (x_row, y_row)))
        cols = [col for col in cols if _EFFICIENCY.search(text) or not _COST_COLUMN.search(_leaf(col))]
        named = [col for col in cols if _named_in(col, text)]
        cols = named or cols
        ahead, behind = [], []
        for col in cols:
            x = next((c for c in cells if c.system == x_row and c.column == col), None)
            y = next((c for c in cells if c.system == y_row and c.column == col), None)
            if x is None or y is None:
                continue
            low = _lower_better(t, col, x.col)
            (ahead if (y.value < x.value if low else y.value > x.value) else behind).append((col, x, y))  # type: ignore[operator]
        if not ahead and not behind:
            continue
        status = "consistent" if not behind else "unverified"
        msg = (f"claim ({_claim_where(claim, doc)}) that {_leaf(x_row)} is behind {_leaf(y_row)}: in {_where(t, doc)} "
               f"{_leaf(y_row)} is ahead in {len(ahead)} of {len(ahead) + len(behind)} compared columns")
        if behind:
            shown = "; ".join(f"{col}: {y.value:g} vs {x.value:g}" for col, x, y in behind[:6])
            msg += f", not in {shown} [unverified: not ahead in every compared column]"
        out.append(CrossCheck(
            kind="superiority", status=status, message=msg, claim=text, claim_doc=claim.doc, claim_page=claim.page,
            claim_bbox=claim.bbox, table=t.caption, table_id=t.id, table_doc=t.doc, table_page=t.page,
            cells=[_cell_dict(c, t, doc) for _col, x, y in behind[:6] for c in (x, y)],
            confidence=min(min(x.confidence, y.confidence) for _col, x, y in ahead + behind),
            reason="" if not behind else "not ahead in every compared column", tables=[_table_ref(t, doc)],
        ))
        break
    return out


# a number said as a difference or a ratio between two rows: "increases performance by about 1.1%",
# "a more pronounced performance drop (1.7%)", "with 0.84 higher BLEU4", "2.3x faster"
_DIFF_BEFORE = re.compile(r"\b(?:by|gains?|improv\w*|increas\w*|decreas\w*|reduc\w*|drops?|declin\w*|boost\w*|margin|"
                          r"speed-?ups?|advantage|lead)\s*(?:of\s+)?(?:about|around|approximately|roughly|nearly|almost|"
                          r"only|just)?\s*\(?\s*$", re.I)
_DIFF_AFTER = re.compile(r"^\s*(?:%|points?|pp|percentage points?)?\s*\)?\s*(?:absolute\s+|relative\s+)?(?:higher|lower|better|worse|"
                         r"more|less|fewer|improvement|gain|increase|decrease|reduction|drop|faster|slower|speed-?up)\b", re.I)
_DOWN_WORD = re.compile(r"\b(?:decreas\w*|reduc\w*|drops?|declin\w*|lower|less|fewer|worse|slower|loss)\b", re.I)
_BASE_ROW = re.compile(r"\b(?:baselines?|default|base|vanilla|original|standard|none|no\s+\w+|w/o)\b", re.I)


def _check_differences(tables: list[Table], cells_of: dict[str, list[_Cell]], doc: Document) -> list[CrossCheck]:
    """A number a sentence states as the difference or ratio between two rows of a table: a row
    the sentence names, against another row it names or the table's baseline row ("Baseline",
    "Default", "w/o ..."), in a column it names (any column when the table has at most three).
    ``consistent`` when a difference (in the cells' units, in points of a 0-1 cell for a
    percentage, or relative to the other row) or a ratio equals the number up to its rounding;
    never a mismatch (the prose may subtract another pair, round, or mean another run)."""
    from ..nlp.context import prose_sentences

    by_label = _tables_by_label(tables)
    out: list[CrossCheck] = []
    contexts, texts, _toks = prose_sentences(doc)
    for ctx, text in zip(contexts, texts):
        nums = _prose_numbers(text)
        if not nums:
            continue
        refs = _paragraph_refs(ctx.index, doc, later=True)
        pool = [t for r in refs for t in by_label.get(r, []) if t.doc == ctx.sentence.doc] \
            or [t for t in tables if t.doc == ctx.sentence.doc]
        hits: list[tuple[str, Table, _Cell, _Cell]] = []
        for s0, e0, val, digits, mult in nums:
            before, after = text[max(0, s0 - 40):s0], text[e0:e0 + 40]
            ratio = bool(re.match(r"\s?[x\u00d7](?![A-Za-z])", after))
            if not (_DIFF_BEFORE.search(before) or _DIFF_AFTER.match(after) or ratio):
                continue
            pct = bool(re.match(r"\s?%", text[e0 - 1:e0 + 1][-1:] or "")) or text[s0:e0].rstrip().endswith("%")
            dec = len(digits.split(".")[1]) if "." in digits else 0
            tol = 0.5 * 10 ** (-dec) * mult + 1e-9
            claimed = val * mult
            down = bool(_DOWN_WORD.search(before[-25:] + " " + after[:25]))
            found: list[tuple[str, Table, _Cell, _Cell]] = []
            for t in pool:
                cells = [c for c in cells_of[t.id] if c.value is not None]
                rows = list(dict.fromkeys(c.system for c in cells))
                named = [r for r in _labels_named(rows, text) if not _BASE_ROW.search(_leaf(r))]
                if not named:
                    continue
                others = [r for r in rows if r not in named and (_BASE_ROW.search(_leaf(r)) or r in _labels_named(rows, text))]
                cols = list(dict.fromkeys(c.column for c in cells))
                # the column the number's own clause names ("increases performance by about 1.1% but
                # overshoots fairness": not Fairness)
                clause = re.split(r"[,;(]|\b(?:but|while|whereas|and)\b", text[:s0].rstrip(" ("))[-1] + " " + \
                    re.split(r"[,;)]|\b(?:but|while|whereas|and)\b", text[e0:])[0]
                said = [c for c in cols if _named_in(c, clause)]
                if not said and len(cols) > 3:
                    continue
                for x_row in named:
                    for y_row in [r for r in rows if r != x_row and (r in named or r in others)]:
                        for col in said or cols:
                            x = next((c for c in cells if c.system == x_row and c.column == col), None)
                            y = next((c for c in cells if c.system == y_row and c.column == col), None)
                            if x is None or y is None or x.value is None or y.value is None:
                                continue
                            xv, yv = float(x.value), float(y.value)
                            d = xv - yv
                            ctol = 0.5 * 10 ** (-_decimals(x.raw)) + 0.5 * 10 ** (-_decimals(y.raw))
                            cands: list[tuple[float, float, str]] = []
                            if ratio:
                                if yv:
                                    cands.append((xv / yv, 0.0, "ratio"))
                                if xv:
                                    cands.append((yv / xv, 0.0, "ratio"))
                            else:
                                if not down or d <= 0 or _lower_better(t, col, x.col):
                                    cands.append((abs(d), ctol, "difference"))
                                    if pct and max(abs(xv), abs(yv)) <= 1.0:
                                        cands.append((abs(d) * 100, ctol * 100, "difference in points"))
                                    if pct and yv:
                                        cands.append((abs(d) / abs(yv) * 100, 0.0, "relative difference"))
                            for v, vt, how in cands:
                                if abs(claimed - v) <= max(tol, vt):
                                    found.append((how, t, x, y))
                                    break
            if found:
                hits.append((text[s0:e0].strip(), *found[0]))
        if not hits:
            continue
        s = ctx.sentence
        claim = Claim(text=text, kind="", kinds=[], hedged=False, location=ctx.location, doc=s.doc, page=s.page, bbox=s.bbox,
                      sentence=ctx.index)
        parts = [f"{said} is the {how} of {_leaf(x.system)} ({x.raw or f'{x.value:g}'}) and {_leaf(y.system)} "
                 f"({y.raw or f'{y.value:g}'}) in {_leaf(x.column)} of {_where(t, doc)}" for said, how, t, x, y in hits]
        tabs = list({t.id: t for _s, _h, t, _x, _y in hits}.values())
        out.append(CrossCheck(
            kind="number", status="consistent", message=f"sentence ({_claim_where(claim, doc)}): " + "; ".join(parts),
            claim=text, claim_doc=s.doc, claim_page=s.page, claim_bbox=s.bbox, table=tabs[0].caption, table_id=tabs[0].id,
            table_doc=tabs[0].doc, table_page=tabs[0].page,
            cells=[_cell_dict(c, t, doc) for _s, _h, t, x, y in hits[:6] for c in (x, y)],
            confidence=min(min(x.confidence, y.confidence) for _s, _h, _t, x, y in hits), reason="",
            tables=[_table_ref(t, doc) for t in tabs],
        ))
    return out


_RANGE = re.compile(r"\brang(?:e[sd]?|ing)\s+(?:between|from)\s+(?P<a>\d+(?:\.\d+)?)\s*(?:[^\W\d]{1,4}\s+|%\s*)?"
                    r"(?:and|to|[-\u2013])\s*(?P<b>\d+(?:\.\d+)?)(?![\d.]\d)", re.I)


def _check_ranges(tables: list[Table], cells_of: dict[str, list[_Cell]], doc: Document) -> list[CrossCheck]:
    """A range said of a block of a table the sentence cites ("Mean acrophase ranged between 16.60
    and 17.65 h for all groups (Table 2)"): the block is the cells of the one row group the
    sentence names (the first part of the rows' names, "Acrophase (h) / CTR"), narrowed to the
    column and rows it names too. ``consistent`` when the range's ends are the block's least and
    greatest values; ``mismatch`` when one end is such an extreme and the other is not the other
    (a block read with confidence, of at least three cells); else unverified."""
    from ..nlp.context import prose_sentences

    by_label = _tables_by_label(tables)
    out: list[CrossCheck] = []
    contexts, texts, _toks = prose_sentences(doc)
    for ctx, text in zip(contexts, texts):
        m = _RANGE.search(text)
        if not m:
            continue
        pool = [t for r in _paragraph_refs(ctx.index, doc) for t in by_label.get(r, []) if t.doc == ctx.sentence.doc]
        a, b = m.group("a"), m.group("b")
        lo, hi = sorted((float(a), float(b)))
        d = max(_decimals(a), _decimals(b))
        found = []
        for t in pool:
            cells = [c for c in cells_of[t.id] if c.value is not None]
            groups = list(dict.fromkeys(c.system.split(" / ")[0] for c in cells if " / " in c.system))
            named = _labels_named(groups, text)
            if len(named) != 1:
                continue
            block = [c for c in cells if c.system.split(" / ")[0] == named[0]]
            cols = _labels_named(list(dict.fromkeys(c.column for c in block)), text)
            if len(cols) == 1:
                block = [c for c in block if c.column == cols[0]]
            leaves = _labels_named(list(dict.fromkeys(_leaf(c.system) for c in block)), text)
            if leaves:
                block = [c for c in block if _leaf(c.system) in leaves]
            if len(block) >= 3:
                found.append((t, named[0], block))
        if len(found) != 1:
            continue
        t, group, block = found[0]
        mn = min(block, key=lambda c: float(c.value))
        mx = max(block, key=lambda c: float(c.value))

        def eq(v: float, c: _Cell, d: int = d) -> bool:  # (this sentence's decimals, bound here)
            return abs(v - float(c.value)) <= 0.5 * 10 ** (-d) + 0.5 * 10 ** (-_decimals(c.raw)) * (d > _decimals(c.raw)) + 1e-9

        where = _where(t, doc)
        shown = (f"{a} to {b} for {_leaf(group)}: {where} has {mn.raw or f'{mn.value:g}'} ({_leaf(mn.system)}, {_leaf(mn.column)}) "
                 f"to {mx.raw or f'{mx.value:g}'} ({_leaf(mx.system)}, {_leaf(mx.column)}) there")
        if eq(lo, mn) and eq(hi, mx):
            status, reason = "consistent", ""
        elif (eq(lo, mn) or eq(hi, mx)) and all(c.confident for c in block):
            status, reason = "mismatch", ""
        else:
            status, reason = "unverified", "the range's ends are not the block's least and greatest values"
        s = ctx.sentence
        claim = Claim(text=text, kind="", kinds=[], hedged=False, location=ctx.location, doc=s.doc, page=s.page, bbox=s.bbox,
                      sentence=ctx.index)
        out.append(CrossCheck(
            kind="number", status=status, message=f"sentence ({_claim_where(claim, doc)}): range " + shown
            + (f" [unverified: {reason}]" if reason else ""),
            claim=text, claim_doc=s.doc, claim_page=s.page, claim_bbox=s.bbox, table=t.caption, table_id=t.id,
            table_doc=t.doc, table_page=t.page, cells=[_cell_dict(c, t, doc) for c in (mn, mx)],
            confidence=min(c.confidence for c in block), reason=reason, tables=[_table_ref(t, doc)],
        ))
    return out


_COUNT_SHARE = re.compile(r"(?<![\w.])(?P<k>\d+)\s+(?:(?:out\s+)?of\s+(?:the\s+|all\s+)?\d+\s+)?(?P<noun>[A-Za-z][\w-]+)\s*"
                          r"\(\s*(?P<p>\d+(?:\.\d+)?)\s?%\s*\)")


def _check_count_shares(tables: list[Table], cells_of: dict[str, list[_Cell]], doc: Document) -> list[CrossCheck]:
    """A count said with its share ("101 out of 162 papers (62%)") against a table with a count
    column and a share column that the count's noun both names ("# papers", "% papers"): the share
    places the row (its value alone in its column), and the row's count cell is compared with the
    count. ``consistent`` when equal; ``mismatch`` when not (cells read with confidence); the
    tables read are those the sentence's paragraph cites, or, citing none, every table of the file."""
    from ..nlp.context import prose_sentences

    by_label = _tables_by_label(tables)
    out: list[CrossCheck] = []
    contexts, texts, _toks = prose_sentences(doc)
    for ctx, text in zip(contexts, texts):
        ms = list(_COUNT_SHARE.finditer(text))
        if not ms:
            continue
        refs = _paragraph_refs(ctx.index, doc)
        pool = [t for r in refs for t in by_label.get(r, []) if t.doc == ctx.sentence.doc] \
            or [t for t in tables if t.doc == ctx.sentence.doc]
        parts = []
        for m in ms:
            k, pct, noun = m.group("k"), m.group("p"), m.group("noun")
            if re.fullmatch(r"(?:19|20)\d\d", k):
                continue
            want = _fold(frozenset({noun.casefold()}))
            found = []
            for t in pool:
                cells = [c for c in cells_of[t.id] if c.value is not None]
                cols = [c for c in dict.fromkeys(x.column for x in cells) if want <= _fold(_tokens(_leaf(c)))]
                share = [c for c in cols if "%" in c or all((x.raw or "").strip().endswith("%") for x in cells if x.column == c)]
                count = [c for c in cols if c not in share]
                if len(share) != 1 or len(count) != 1:
                    continue
                tol = 0.5 * 10 ** (-_decimals(pct)) + 1e-9
                rows = [x for x in cells if x.column == share[0] and abs(float(x.value) - float(pct)) <= tol]
                if len(rows) != 1:
                    continue
                cnt = next((x for x in cells if x.column == count[0] and x.system == rows[0].system), None)
                if cnt is not None:
                    found.append((t, rows[0], cnt))
            if len(found) != 1:
                continue
            t, sh, cnt = found[0]
            shown = (f"{k} {noun} ({pct}%): {_where(t, doc)} has {cnt.raw or f'{cnt.value:g}'} ({sh.raw or f'{sh.value:g}'}) "
                     f"for {_leaf(cnt.system)}")
            if abs(float(k) - float(cnt.value)) < 1e-9:
                parts.append(("consistent", shown, t, [sh, cnt], ""))
            elif sh.confident and cnt.confident:
                parts.append(("mismatch", shown + f" (the text's {k} is not the count beside its share)", t, [sh, cnt], ""))
            else:
                parts.append(("unverified", shown, t, [sh, cnt], "the cells were not read with confidence"))
        if not parts:
            continue
        status = _overall(parts)
        s = ctx.sentence
        claim = Claim(text=text, kind="", kinds=[], hedged=False, location=ctx.location, doc=s.doc, page=s.page, bbox=s.bbox,
                      sentence=ctx.index)
        t0 = parts[0][2]
        out.append(CrossCheck(
            kind="number", status=status, message=f"sentence ({_claim_where(claim, doc)}): count with its share "
            + "; ".join(p[1] + (f" [unverified: {p[4]}]" if p[4] else "") for p in parts),
            claim=text, claim_doc=s.doc, claim_page=s.page, claim_bbox=s.bbox, table=t0.caption, table_id=t0.id,
            table_doc=t0.doc, table_page=t0.page, cells=[_cell_dict(c, p[2], doc) for p in parts for c in p[3]],
            confidence=min(c.confidence for p in parts for c in p[3]), reason="; ".join(p[4] for p in parts if p[4]),
            tables=[_table_ref(t0, doc)],
        ))
    return out


def _merge_repeats(checks: list[CrossCheck]) -> list[CrossCheck]:
    """One finding for one contradiction: a claim whose check compares the same cells with the
    same verdict as an earlier claim's (the abstract and the conclusion repeating a sentence) is
    listed under the first finding (``also_claims``) instead of repeating its cells."""
    out: list[CrossCheck] = []
    seen: dict[tuple, CrossCheck] = {}
    for c in checks:
        if c.kind == "bold_best" or not c.cells or c.status == "consistent":
            out.append(c)
            continue
        key = (c.kind, c.status, tuple(sorted(str(sorted((k, str(v)) for k, v in cell.items())) for cell in c.cells)))
        first = seen.get(key)
        if first is not None and first.claim != c.claim:
            first.also_claims.append({"claim": c.claim, "doc": c.claim_doc, "page": c.claim_page})
            continue
        seen[key] = c
        out.append(c)
    return out


# an enumeration inside one sentence: "... observations: (1) On the whole, X ... (2) Y exhibits ...".
# Each item makes its own claim; the marker "(2)" is no number of the claim.
_ENUM_ITEM = re.compile(r"(?:(?<=[.:;!?])|^)\s*\((?:\d{1,2}|[ivx]{1,4})\)\s+(?=[A-Z])")


def _enumerated(claims: list[Claim]) -> list[Claim]:
    """Claims whose sentence enumerates numbered items, one claim per item (each item's
    own cues, hedges and numbers); the others as they are."""
    from .claims import classify_sentence

    out: list[Claim] = []
    for claim in claims:
        items = [x.strip() for x in _ENUM_ITEM.split(claim.text)]
        items = [x for x in items if x]
        if len(items) < 2:
            out.append(claim)
            continue
        for item in items:
            kinds, cues, hedged, qs = classify_sentence(item)
            if kinds:
                sub = replace(claim, text=item, kind=kinds[0], kinds=kinds, hedged=hedged, quantities=qs, cues=cues)
                sub.context = claim.text  # type: ignore[attr-defined]
                out.append(sub)
    return out


# a sentence whose subject is a pronoun ("It scores 21% in Defects4J", "In addition, it also
# surpasses Y"): the system is the one the sentence before is about
_PRONOUN_SUBJECT = re.compile(
    r"^(?P<lead>(?:(?:in addition|moreover|furthermore|additionally|besides|meanwhile|notably|specifically|similarly|"
    r"likewise|further|finally|also|again|here|overall|in particular|in contrast|on the other hand),?\s+)?)"
    r"(?P<p>it)\s+(?=(?:also|further|still|even|then|additionally|consistently|clearly|significantly|notably|again)?\s*[a-z]+(?:s|ed)\b)",
    re.I)


def _antecedent(claim: Claim, doc: Document, tables: list[Table], cells_of: dict[str, list[_Cell]]) -> str:
    """The system the sentence before ``claim`` is about: in its last enumerated item ("... (3) At a
    larger scale, X ..."), the first name that a results table holds as a system; "" when none."""
    i = getattr(claim, "sentence", None)
    if not isinstance(i, int) or not 0 < i < len(doc.sentences):
        return ""
    here, prev = doc.sentences[i], doc.sentences[i - 1]
    if prev.doc != here.doc or prev.section != here.section:
        return ""
    items = [x for x in _ENUM_ITEM.split(prev.text) if x.strip()]
    last = items[-1] if items else prev.text
    found = [(m.start(), m.group(0)) for m in _MODEL_NAME.finditer(last)
             if m.group(0) not in _STOP_NAMES and not quantity_lexicon()["benchmarks"].spans(m.group(0))]
    if not found:
        return ""
    at, name = found[0]  # the subject: the first name (a later one is an object: "lags behind X")
    # a row label spelled out there in full ("DeepSeekMoE Chat 16B", which the name pattern cuts short)
    spelled = []
    for leaf in {_leaf(c.system) for t in tables for c in cells_of[t.id]}:
        pat = _label_pattern(leaf, case=True)
        m = pat.search(last) if pat else None
        if m and m.start() == at and m.end() >= at + len(name):
            spelled.append(leaf)
    if spelled:
        return max(spelled, key=len)
    if any(_system_rows(cells_of[t.id], name) for t in tables):
        return name
    # a shortened row label ("DeepSeekMoE 142B" for "DeepSeekMoE 142B (Half Activated)"): that row's label
    leaves = {_leaf(c.system) for t in tables for c in cells_of[t.id] if names_match(name, c.system, 3)}
    return next(iter(leaves)) if len(leaves) == 1 else ""


def _join_page_breaks(claims: list[Claim], doc: Document) -> list[Claim]:
    """A claim whose sentence the page break cut ("It scores 70.0% on CruxEval-I-" | "COT and 75.1%
    on CruxEval-O-COT, ..."): read with the rest of the sentence from the next page's first line."""
    from ..nlp.quantities import find_quantities

    out: list[Claim] = []
    for claim in claims:
        i = getattr(claim, "sentence", None)
        text = claim.text.rstrip()
        if (isinstance(i, int) and 0 <= i < len(doc.sentences) - 1 and not re.search(r"[.!?:;)\]\"\u201d']$", text)
                and claim.text == doc.sentences[i].text.strip()):
            here, nxt = doc.sentences[i], doc.sentences[i + 1]
            if (nxt.doc == here.doc and nxt.page == here.page + 1 and nxt.section == here.section
                    and (text.endswith("-") or nxt.text[:1].islower())):
                joined = text + ("" if text.endswith("-") else " ") + nxt.text.strip()
                claim = replace(claim, text=joined, quantities=find_quantities(joined))
        out.append(claim)
    return out


def _resolve_pronouns(claims: list[Claim], doc: Document, tables: list[Table],
                      cells_of: dict[str, list[_Cell]]) -> tuple[list[Claim], dict[str, tuple[str, str]]]:
    """Claims whose subject is "it", read with the antecedent's name in its place; and, per
    rewritten text, (the sentence as printed, the name read)."""
    from ..nlp.quantities import find_quantities

    out: list[Claim] = []
    resolved: dict[str, tuple[str, str]] = {}
    for claim in claims:
        m = _PRONOUN_SUBJECT.match(claim.text)
        name = _antecedent(claim, doc, tables, cells_of) if m else ""
        if name:
            text = claim.text[: m.start("p")] + name + claim.text[m.end("p"):]
        else:
            text, name = _subject_after_verb(claim, tables, cells_of)
        if not name:
            out.append(claim)
            continue
        sub = replace(claim, text=text, quantities=find_quantities(text))
        if hasattr(claim, "context"):
            sub.context = claim.context  # type: ignore[attr-defined]
        sub.subject = name  # type: ignore[attr-defined]
        resolved[text] = (claim.text, name)
        out.append(sub)
    return out, resolved


# "O-PTP are distilled with KL or reverse KL loss (kl, kl-rev), C-PTP with ... (bce, ce)": a caption
# that gives each of two methods its columns
_CAPTION_GROUP = re.compile(r"(?P<name>\b[A-Z][\w-]*[A-Z][\w-]*)s?\b(?P<gap>[^().;]{0,80}?)\((?P<cols>[^()]{1,60})\)")
_MORE = re.compile(r"\b(?P<w>higher|more|larger|greater|lower|fewer|smaller)\s+(?P<what>(?:[\w-]+\s+){0,6}?[\w-]+)(?=[.,;]|\s+than\b|$)", re.I)


def _caption_groups(t: Table, cols: list[str]) -> dict[str, list[str]]:
    """The methods a caption maps to columns: name -> its columns (each a leaf of the table's
    columns); only when two or more methods are mapped and no column goes to two."""
    leaves = {_leaf(c).strip().casefold(): c for c in cols}
    out: dict[str, list[str]] = {}
    for m in _CAPTION_GROUP.finditer(t.caption or ""):
        names = [x.strip().casefold() for x in m.group("cols").split(",")]
        if len(names) < 1 or not all(n in leaves for n in names):
            continue
        out.setdefault(m.group("name"), []).extend(leaves[n] for n in names)
    seen = [c for v in out.values() for c in v]
    return out if len(out) >= 2 and len(seen) == len(set(seen)) else {}


def _check_caption_groups(claims: list[Claim], tables: list[Table], cells_of: dict[str, list[_Cell]],
                          doc: Document) -> list[CrossCheck]:
    """A claim that one method's numbers are higher (more, lower, fewer) than another's, where the
    methods are no rows but groups of columns a caption maps to them ("O-PTP ... (kl, kl-rev),
    C-PTP ... (bce, ce)"): read row by row, the words after the comparative naming the table's
    quantity (its caption). ``mismatch`` only when in every row every cell of the claimed higher
    group is below every cell of the other (and the table was read with confidence);
    ``consistent`` when every row bears the claim out that way; else unverified."""
    out: list[CrossCheck] = []
    for claim in claims:
        if claim.hedged or _HEDGED_ALL.search(claim.text):
            continue
        more = _MORE.search(claim.text)
        if not more:
            continue
        refs = _paragraph_refs(claim.sentence, doc) if claim.sentence is not None and claim.sentence >= 0 else set()
        for t in tables:
            if t.doc != claim.doc or not ((t.label and t.label in refs) or t.page == claim.page):
                continue
            cells = [c for c in cells_of[t.id] if c.value is not None]
            groups = _caption_groups(t, list(dict.fromkeys(c.column for c in cells)))
            if not groups:
                continue
            at = {g: m.start() for g in groups
                  for m in [re.search(r"(?<![\w-])" + re.escape(g) + r"s?(?![\w-])", claim.text)] if m}
            if len(at) != 2:
                continue
            what = _fold(_tokens(more.group("what"))) - _GENERIC_MODS - {"number", "of", "the", "a"}
            if len(what & _fold(_tokens(t.caption or ""))) < 2:
                continue  # the comparison is of another quantity than the table's
            a, b = sorted(at, key=at.get)  # the subject named first
            if not re.search(r"\bthan\s+(?:the\s+)?" + re.escape(b), claim.text):
                continue
            up = more.group("w").lower() in ("higher", "more", "larger", "greater")
            hi, lo = (a, b) if up else (b, a)
            rows = list(dict.fromkeys(c.system for c in cells))
            holds, fails, used = 0, 0, []
            for r in rows:
                vh = [c for c in cells if c.system == r and c.column in groups[hi]]
                vl = [c for c in cells if c.system == r and c.column in groups[lo]]
                if not vh or not vl:
                    continue
                used += vh + vl
                if min(c.value for c in vh) > max(c.value for c in vl):
                    holds += 1
                elif max(c.value for c in vh) < min(c.value for c in vl):
                    fails += 1
            n = len([r for r in rows if any(c.system == r and c.column in groups[a] for c in cells)])
            if not used:
                continue
            where = _where(t, doc)
            desc = (f"{a} ({', '.join(_leaf(c) for c in groups[a])}) against {b} ({', '.join(_leaf(c) for c in groups[b])}), "
                    f"as the caption of {where} maps them")
            if fails == n and fails:
                confident = all(c.confident for c in used)
                status = "mismatch" if confident else "unverified"
                message = (f"claim ({_claim_where(claim, doc)}) that {a} is {more.group('w').lower()} than {b}: {desc}; "
                           f"in every row of {where} {hi}'s cells are below {lo}'s"
                           + ("" if confident else " [unverified: the cells were not read with confidence]"))
            elif holds == n and holds:
                status = "consistent"
                message = (f"claim ({_claim_where(claim, doc)}) that {a} is {more.group('w').lower()} than {b}: {desc}; "
                           f"in every row of {where} {hi}'s cells are above {lo}'s")
            else:
                status = "unverified"
                message = (f"claim ({_claim_where(claim, doc)}) that {a} is {more.group('w').lower()} than {b}: {desc}; "
                           f"the rows disagree")
            out.append(CrossCheck(
                kind="superiority", status=status, message=message, claim=claim.text, claim_doc=claim.doc,
                claim_page=claim.page, claim_bbox=claim.bbox, table=t.caption, table_id=t.id, table_doc=t.doc,
                table_page=t.page, cells=[_cell_dict(c, t, doc) for c in used[:12]],
                confidence=min(c.confidence for c in used),
                reason="" if status != "unverified" else ("the rows disagree" if "disagree" in message
                                                           else "the cells were not read with confidence"),
                tables=[_table_ref(t, doc)]))
            break
    return out


_SETTING_CMP = re.compile(r"\b(?P<w>better|worse|higher|lower|outperforms?|underperforms?)\b(?:\s+\w+){0,6}?\s+(?:than|over)\b", re.I)
_ALWAYS = re.compile(r"\b(?:consistently|always|uniformly|without exception|in all|on all|across all|in every|on every)\b", re.I)


def _check_settings(claims: list[Claim], tables: list[Table], cells_of: dict[str, list[_Cell]],
                    doc: Document) -> list[CrossCheck]:
    """One system in two settings of a table ("DARNN models tested on Indicator dataset is
    consistently better than the ones on Market dataset"): rows labelled setting / system (an
    upper row level, "Indicator / DARNN" and "Market / DARNN"), read column by column on the
    columns the sentence names, else on every score column, for a claim said without exception.
    ``mismatch`` when a confidently read column goes the other way; ``consistent`` when all hold."""
    out: list[CrossCheck] = []
    for claim in claims:
        cmp_ = _SETTING_CMP.search(claim.text)
        if claim.hedged or not cmp_ or not _ALWAYS.search(claim.text) or _HEDGED_ALL.search(claim.text):
            continue
        for t in tables:
            if t.doc != claim.doc:
                continue
            cells = [c for c in cells_of[t.id] if c.value is not None]
            split = {c.system: c.system.split(" / ") for c in cells}
            two = {r: (" / ".join(v[:-1]), v[-1]) for r, v in split.items() if len(v) >= 2}
            if not two:
                continue

            def at(label: str, text: str = claim.text) -> int:
                pat = _label_pattern(label)
                m = pat.search(text) if pat else None
                return m.start() if m else -1

            systems = {sy for _, sy in two.values() if at(sy) >= 0}
            settings = {g for g, _ in two.values() if at(g) >= 0}
            if len(systems) != 1 or len(settings) != 2:
                continue
            sy = next(iter(systems))
            g1, g2 = sorted(settings, key=at)
            if not re.search(r"\b(?:than|over)\b.*" + re.escape(g2.split(" / ")[-1]), claim.text[cmp_.start():], re.I):
                continue
            if at(g1) > cmp_.start():
                continue  # the subject's setting comes before the comparative
            r1 = next((r for r, v in two.items() if v == (g1, sy)), None)
            r2 = next((r for r, v in two.items() if v == (g2, sy)), None)
            if r1 is None or r2 is None:
                continue
            cols = list(dict.fromkeys(c.column for c in cells))
            named = _labels_named(cols, claim.text)
            use = named or [c for c in cols if not _COST_COLUMN.search(_leaf(c))]
            word = cmp_.group("w").lower()
            up = word.startswith(("better", "higher", "outperform"))
            literal = word in ("higher", "lower")
            holds, against = [], []
            for col in use:
                a = next((c for c in cells if c.system == r1 and c.column == col), None)
                b = next((c for c in cells if c.system == r2 and c.column == col), None)
                if a is None or b is None:
                    continue
                low = False if literal else _lower_better(t, col, a.col)
                better = a.value < b.value if low else a.value > b.value  # type: ignore[operator]
                worse = a.value > b.value if low else a.value < b.value  # type: ignore[operator]
                ok, bad = (better, worse) if up else (worse, better)
                if ok:
                    holds.append((a, b))
                elif bad:
                    against.append((a, b))
            if not holds and not against:
                continue
            where = _where(t, doc)
            pairs = against or holds
            shown = "; ".join(f"{_leaf(a.column) if len(a.column.split(' / ')) < 2 else ' / '.join(a.column.split(' / ')[-2:])} "
                              f"{a.raw} vs {b.raw}" for a, b in pairs[:4])
            head = f"claim ({_claim_where(claim, doc)}) that {sy} on {g1} is {word} than on {g2}"
            if against:
                status, message = _against(
                    against, f"{head}: {len(against)} of {len(holds) + len(against)} columns of {where} go the other way ({shown})")
            elif len(holds) == len(use):
                status, message = "consistent", f"{head}: all {len(holds)} columns of {where} bear it out"
            else:
                continue
            out.append(_superiority(claim.text, claim.doc, claim.page, claim.bbox, t, doc, status, message,
                                    [c for p in pairs for c in p]))
            break
    return out


_CHOICE = re.compile(r"\b(?:we|they)\s+(?:choose|chose|opt|select(?:ed)?|use|used|pick(?:ed)?)\b(?P<what>.{3,120}?)\s+for\s+(?:the\s+)?best\s+(?:results?|performance)\b", re.I)


def _check_choices(tables: list[Table], cells_of: dict[str, list[_Cell]], doc: Document) -> list[CrossCheck]:
    """A setting chosen "for best results" ("we choose to sample training sequences from the teacher
    model for best results"): the one row of a table on the sentence's page or cited by its paragraph
    that the choice names (any case: "teacher" ~ "Teacher") must be at least as good as every other
    row in every score column. ``mismatch`` when another confidently read row is strictly better
    somewhere; ``consistent`` when none is. Read on any prose sentence (a choice is no claim cue)."""
    from ..nlp.context import prose_sentences

    out: list[CrossCheck] = []
    contexts, texts, _ = prose_sentences(doc)
    for ctx, text in zip(contexts, texts):
        m = _CHOICE.search(text)
        if not m or _HEDGED_ALL.search(text):
            continue
        s = ctx.sentence
        refs = _paragraph_refs(ctx.index, doc)
        hits = []
        for t in tables:
            if t.doc != s.doc or not ((t.label and t.label in refs) or t.page == s.page):
                continue
            cells = [c for c in cells_of[t.id] if c.value is not None]
            rows = list(dict.fromkeys(c.system for c in cells))
            named = [r for r in rows for pat in [_label_pattern(_leaf(r))] if pat and pat.search(m.group("what"))]
            if len(named) == 1 and len(rows) >= 2:
                hits.append((t, named[0], cells, rows))
        if len(hits) != 1:
            continue
        t, row, cells, rows = hits[0]
        cols = [c for c in dict.fromkeys(c.column for c in cells) if not _COST_COLUMN.search(_leaf(c))]
        at = {(c.system, c.column): c for c in cells}
        against, compared = [], 0
        for col in cols:
            a = at.get((row, col))
            if a is None:
                continue
            low = _lower_better(t, col, a.col)
            for r in rows:
                b = at.get((r, col))
                if r == row or b is None:
                    continue
                compared += 1
                if (b.value < a.value) if low else (b.value > a.value):  # type: ignore[operator]
                    against.append((a, b))
        if not compared:
            continue
        claim = Claim(text=text, kind="", kinds=[], hedged=False, location=ctx.location, doc=s.doc, page=s.page, bbox=s.bbox,
                      sentence=ctx.index)
        where = _where(t, doc)
        head = f"sentence ({_claim_where(claim, doc)}) chooses {_leaf(row)} for the best results"
        if against:
            shown = "; ".join(f"{_leaf(b.system)} {b.raw} vs {_leaf(a.system)} {a.raw} on {_leaf(a.column)}" for a, b in against[:4])
            status, message = _against(
                against, f"{head}: in {where} another row is better in {len(against)} of {compared} comparisons ({shown})")
            used = [c for p in against for c in p]
        else:
            status, message = "consistent", f"{head}: no other row of {where} is better in any of {compared} comparisons"
            used = [at[(row, c)] for c in cols if (row, c) in at]
        out.append(_superiority(text, s.doc, s.page, s.bbox, t, doc, status, message, used))
    return out


_NAME = r"[A-Z][\w.+-]*"
_NAME_LIST = re.compile(r"(?P<l>" + _NAME + r"(?:\s*,\s*" + _NAME + r")*\s*,?\s+and\s+" + _NAME + r")")
_GROUP_CMP = re.compile(r"\b(?:(?:perform|performs|performed|do|does|are|is|were|was)\s+better\s+than|outperforms?|outperformed|surpass(?:es|ed)?)\s+"
                        r"(?:the\s+)?(?P<r>" + _NAME + r"(?:\s*,\s*" + _NAME + r")*(?:\s*,?\s+and\s+" + _NAME + r")?)")


_TRAILING_INFERENCE = re.compile(r",\s+(?:thus\s+|which\s+)?(?:indicating|suggesting|implying|showing|demonstrating|highlighting|"
                                 r"confirming|indicates|suggests|implies)\b.*$", re.I)


def _hedged_main_clause(text: str) -> bool:
    """Is the result itself hedged, not only the inference a trailing clause draws from it
    ("..., indicating the helpfulness of the longer input context")?"""
    from .claims import classify_sentence

    main = _TRAILING_INFERENCE.sub(".", text)
    return main == text or classify_sentence(main)[2]


def _rows_of_name(name: str, rows: list[str]) -> list[str]:
    """The rows a name stands for: the row printing it, else its configurations ("LED" ->
    "LED-4096", "LED-16384")."""
    exact = [r for r in rows if _leaf(r).strip().casefold() == name.casefold()]
    if exact:
        return exact
    pat = re.compile(r"^" + re.escape(name) + r"[-\s]?\d+(?:\.\d+)?[KMBkmb]?$", re.I)
    return [r for r in rows if pat.match(_leaf(r).strip())]


def _check_group_subject(claims: list[Claim], tables: list[Table], cells_of: dict[str, list[_Cell]],
                         doc: Document) -> list[CrossCheck]:
    """A group of systems against a group of rivals, said without exception ("models that allow long
    inputs (LED and PRIMERA) perform better than BART and PEGASUS ... on all three tasks"): every
    row of every named system (a name printed without its configuration stands for each of them)
    against every named rival, on the columns the sentence names, else every score column.
    ``mismatch`` when a confidently read cell pair goes the other way; ``consistent`` when all hold."""
    out: list[CrossCheck] = []
    for claim in claims:
        text = claim.text
        m = _GROUP_CMP.search(text)
        if not m or not _ALWAYS.search(text) or _HEDGED_ALL.search(re.sub(r"\bat (?:most|least)\b", " ", text)):
            continue  # ("at most 1024 tokens" is a bound, no hedge)
        if claim.hedged and _hedged_main_clause(text):
            continue
        lists = [x for x in _NAME_LIST.finditer(text[:m.start()])]
        if not lists:
            continue
        subj_names = [n.strip() for n in re.split(r"\s*,\s*|\s+and\s+", lists[-1].group("l")) if n.strip()]
        rival_names = [n.strip() for n in re.split(r"\s*,\s*|\s+and\s+", m.group("r")) if n.strip()]
        if len(subj_names) < 2:
            continue
        for t in tables:
            if t.doc != claim.doc:
                continue
            cells = [c for c in cells_of[t.id] if c.value is not None]
            rows = list(dict.fromkeys(c.system for c in cells))
            subj = [_rows_of_name(n, rows) for n in subj_names]
            riv = [_rows_of_name(n, rows) for n in rival_names]
            if not all(subj) or not all(riv):
                continue
            srows = [r for g in subj for r in g]
            rrows = [r for g in riv for r in g]
            if set(srows) & set(rrows):
                continue
            cols = list(dict.fromkeys(c.column for c in cells))
            named = _labels_named(cols, text)
            use = named or [c for c in cols if not _COST_COLUMN.search(_leaf(c))]
            at = {(c.system, c.column): c for c in cells}
            holds, against = 0, []
            for col in use:
                for a_r in srows:
                    for b_r in rrows:
                        a, b = at.get((a_r, col)), at.get((b_r, col))
                        if a is None or b is None:
                            continue
                        low = _lower_better(t, col, a.col)
                        if (a.value < b.value) if low else (a.value > b.value):  # type: ignore[operator]
                            holds += 1
                        elif a.value != b.value:
                            against.append((a, b))
            if not holds and not against:
                continue
            where = _where(t, doc)
            head = f"claim ({_claim_where(claim, doc)}) that {' and '.join(subj_names)} beat {' and '.join(rival_names)}"
            if against:
                shown = "; ".join(f"{_leaf(a.system)} {a.raw} vs {_leaf(b.system)} {b.raw} on {a.column}" for a, b in against[:4])
                status, message = _against(
                    against, f"{head}: {len(against)} of {holds + len(against)} comparisons in {where} go the other way ({shown})")
                used = [c for p in against for c in p]
            else:
                status, message = "consistent", f"{head}: all {holds} comparisons in {where} bear it out"
                used = [at[(r, c)] for r in srows + rrows for c in use if (r, c) in at]
            out.append(_superiority(text, claim.doc, claim.page, claim.bbox, t, doc, status, message, used))
            break
    return out


def _against(against: list, message: str) -> tuple[str, str]:
    """Status and message of a comparison that some pairs of cells go against: a mismatch only
    when every cell of those pairs was read with confidence."""
    confident = all(a.confident and b.confident for a, b in against)
    if confident:
        return "mismatch", message
    return "unverified", message + " [unverified: the cells were not read with confidence]"


def _superiority(text: str, cdoc: int, cpage: int, cbox: Any, t: Table, doc: Any, status: str, message: str,
                 used: list) -> CrossCheck:
    """One superiority check of a claim against table ``t``, with the cells it rests on."""
    return CrossCheck(
        kind="superiority", status=status, message=message, claim=text, claim_doc=cdoc, claim_page=cpage,
        claim_bbox=cbox, table=t.caption, table_id=t.id, table_doc=t.doc, table_page=t.page,
        cells=[_cell_dict(c, t, doc) for c in used[:12]], confidence=min(c.confidence for c in used),
        reason="" if status != "unverified" else "the cells were not read with confidence", tables=[_table_ref(t, doc)])


# "the best priority function in terms of median HV values is the MRDL": the subject after its verb
_BEST_IS = re.compile(r"\bthe (?P<sup>best|top|strongest|leading|highest-scoring) (?P<what>(?:[\w-]+ ){0,9}?)(?P<verb>is|was) (?:the )?(?P<rest>.+)$", re.I)


def _subject_after_verb(claim: Claim, tables: list[Table], cells_of: dict[str, list[_Cell]]) -> tuple[str, str]:
    """(the sentence turned round, the name) for "... the best X is Y ...", where Y is a row label
    of a results table; ("", "") otherwise."""
    m = _BEST_IS.search(claim.text)
    if not m:
        return "", ""
    rest = m.group("rest")
    best = ""
    for leaf in {_leaf(c.system) for t in tables for c in cells_of[t.id]}:
        pat = _label_pattern(leaf, case=True)
        hit = pat.match(rest) if pat else None
        if hit and len(leaf) > len(best):
            best = leaf
    if not best:
        return "", ""
    tail = rest[len(best):] if rest.lower().startswith(best.lower()) else ""
    text = f"{claim.text[: m.start()]}{best} {m.group('verb')} the {m.group('sup')} {m.group('what').strip()}{tail}"
    return text, best


def _restore_pronouns(checks: list[CrossCheck], resolved: dict[str, tuple[str, str]]) -> None:
    """Checks of a claim read with a resolved pronoun quote the sentence as printed and say whom
    "it" was read as; they are never a mismatch (the antecedent may be misread), only shown."""
    for c in checks:
        if c.claim not in resolved:
            continue
        orig, name = resolved[c.claim]
        c.claim = orig
        note = (f"the subject \u201cit\u201d was read as {name}, from the sentence before" if re.match(r"(?i)^(?:\W*\w+\W+){0,3}?it\b", orig)
                else f"the subject {name} was read after its verb")
        if c.status == "mismatch" and id(c) in _SUBJECT_BORNE_OUT:
            c.message += f" ({note}; another number of the sentence is that row's own cell)"
            continue
        if c.status == "mismatch":
            c.status = "unverified"
            c.message += f" [unverified: {note}]"
        else:
            c.message += f" ({note})"
        c.reason = "; ".join(x for x in (c.reason, note) if x)


# "the Random priority function got the higher median in the UF2, UF4 and UF6": the best of a
# row (column) of values on the benchmarks it lists, said with a comparative and no "than"
_HAD_BEST = re.compile(r"\b(?:has|had|have|gets?|got)\s+the\s+(?:higher|highest|best|lowest)\s+(?:[\w-]+\s+){0,2}?"
                       r"(?:in|on|for)\s+(?:the\s+)?(?=[A-Z0-9])")


_AS_BEST = "comparative as best"


def _best_in_sentences(claims: list[Claim], doc: Document, tables: list[Table], cells_of: dict[str, list[_Cell]]) -> list[Claim]:
    """Prose sentences the claim cues miss that say a system "had the higher/best <metric> in"
    benchmarks a results table prints as columns (named after the phrase): read as claims of
    being best on those columns."""
    from ..nlp.context import prose_sentences

    have = {c.sentence for c in claims}
    cols = {_leaf(c.column) for t in tables for c in cells_of[t.id] if c.value is not None}
    out = []
    contexts, texts, _toks = prose_sentences(doc)
    for ctx, text in zip(contexts, texts):
        if ctx.index in have:
            continue
        m = _HAD_BEST.search(text)
        if not m or not any(_named_in(col, text[m.end():]) for col in cols):
            continue
        s = ctx.sentence
        out.append(Claim(text=text, kind="superiority", kinds=["superiority"], hedged=False, location=ctx.location,
                         doc=s.doc, page=s.page, bbox=s.bbox, sentence=ctx.index, cues=[_AS_BEST]))
    return out


def cross_check(claims: list[Claim], tables: list[Table], doc: Document) -> list[CrossCheck]:
    results = [t for t in tables if t.is_results and t.long]
    if not results and not any(not t.is_results and t.long for t in tables):
        return []
    global _ALIASES
    _ALIASES = _abbreviations(doc)
    _SUBJECT_BORNE_OUT.clear()
    try:
        return _cross_check(claims, results, tables, doc)
    finally:
        _ALIASES = {}
        _SUBJECT_BORNE_OUT.clear()


def _cross_check(claims: list[Claim], results: list[Table], tables: list[Table], doc: Document) -> list[CrossCheck]:
    claims = _enumerated(_join_page_breaks(claims, doc))
    others = [t for t in tables if not t.is_results and t.long]
    cells_of = {t.id: table_cells(t) for t in results + others}
    claims, resolved = _resolve_pronouns(claims, doc, results, cells_of)
    out: list[CrossCheck] = []
    out += _check_numbers(claims, results, cells_of, doc, others)
    # numbers restated from a cited table, in any prose sentence the number check above did not read
    done = {c.sentence for c in claims if any(x.kind == "number" and x.claim == c.text for x in out)}
    out += _check_cited_numbers(results + others, cells_of, doc, done)
    out += _check_superiority(claims + _best_in_sentences(claims, doc, results, cells_of), results, cells_of, doc)
    out += _check_improvements(claims, results, cells_of, doc)
    out += _check_differences(results, cells_of, doc)
    out += _check_ranges(results + others, cells_of, doc)
    out += _check_count_shares(results + others, cells_of, doc)
    out += _check_behind(claims, results, cells_of, doc)
    out += _check_literal_comparisons(claims, results, cells_of, doc)
    out += _check_caption_groups(claims, results, cells_of, doc)
    out += _check_settings(claims, results, cells_of, doc)
    out += _check_group_subject(claims, results, cells_of, doc)
    out += _check_choices(results, cells_of, doc)
    out += _check_bold(results, cells_of, doc)
    out += _agreement_with_other_tables(claims, others, cells_of, doc, out)
    _restore_pronouns(out, resolved)
    return _merge_repeats(out)


def _agreement_with_other_tables(claims: list[Claim], others: list[Table], cells_of: dict[str, list[_Cell]], doc: Document,
                                 done: list[CrossCheck]) -> list[CrossCheck]:
    """Comparisons ("X is lower than Y and Z", "X outperforms Y") the results tables left unchecked,
    read against the tables not taken for results tables (participant characteristics, model
    estimates): for agreement only. A table that is not a results table may hold another quantity
    than the one the claim compares (a baseline description, a setting), so a disagreement there is
    left ``unverified``, never a mismatch."""
    if not others:
        return []
    seen = {c.claim for c in done if c.claim}
    left = [c for c in claims if c.text not in seen]
    if not left:
        return []
    extra: list[CrossCheck] = []
    extra += _check_superiority(left, others, cells_of, doc)
    extra += _check_behind(left, others, cells_of, doc)
    extra += _check_literal_comparisons(left, others, cells_of, doc)
    out = []
    for c in extra:
        if c.status == "mismatch":
            why = "the table is not a results table: a disagreement there is not settled"
            c = replace(c, status="unverified", reason=f"{c.reason}; {why}" if c.reason else why)
        out.append(c)
    return out
