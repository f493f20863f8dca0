"""Cross-checks of what the text claims against the results tables.

- ``number``: a number claimed for a system on a benchmark/metric is looked up in the
  tables (system and column matched loosely on names); ``consistent`` when a matching
  cell holds it (up to the claim's rounding), ``mismatch`` when matching cells hold
  other values.
- ``superiority``: "outperforms all baselines", "state of the art on every
  benchmark", "best across all tasks" -- each column of each results table holding the
  claimed system where another system is better or tied is listed; ``unsupported``
  when no results table holds the system.
- ``bold_best``: a bold (reported-best) value that is not the best of its column
  (respecting lower-is-better columns, and category groups of rows).
"""

from __future__ import annotations

import difflib
import functools
import re
import unicodedata
from dataclasses import dataclass
from typing import Any

from ..model.analysis import Claim, CrossCheck, Table
from ..model.document import Document
from ..nlp.lexicon import quantity_lexicon
from ..nlp.quantities import _MODEL_NAME, _STOP_NAMES
from .tables import _HIGHER_BETTER, _LOWER_BETTER

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


_GENERIC_COLUMN = frozenset({"avg", "average", "mean", "overall", "all", "total", "size", "params", "model", "score"})


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
def _tokens(s: str) -> frozenset[str]:
    s = unicodedata.normalize("NFKC", s).casefold().replace("\u2019", " ").replace("'", " ")
    s = re.sub(r"\((?:ours|our|proposed)\)|\bours\b", " ", s)
    toks = re.findall(r"[0-9a-z@+]+(?:\.[0-9]+)?", s)
    return frozenset(re.sub(r"^20(\d\d)$", r"\1", t) for t in toks)


@functools.lru_cache(maxsize=65536)
def names_match(claimed: str, label: str, extra: int = 3) -> bool:
    """A claimed name matches a table label when its words are all in the label (any
    header level), up to ``extra`` further words: "AIME 2024" ~ "Math / AIME 2024 /
    pass@1", "Qwen3-32B" ~ "Thinking / Qwen3-32B"; "AIME" does not match "MT-AIME24"."""
    ct = _tokens(claimed)
    if not ct:
        return False
    for part in [label, *label.split(" / ")]:
        lt = _tokens(part)
        if ct <= lt and len(lt - ct) <= extra:
            return True
    return _norm(claimed) == _norm(label) or (len(_norm(claimed)) >= 4 and difflib.SequenceMatcher(None, _norm(claimed), _norm(label.split(" / ")[-1])).ratio() >= 0.92)


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
    """The table's long records with bold flags and row groups (in records' order)."""
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
    out = []
    for k, rec in enumerate(table.long):
        i, j, g = positions[k] if aligned else (-1, -1, "")
        bold = bool(aligned and 0 <= i < len(table.bold) and j < len(table.bold[i]) and table.bold[i][j])
        out.append(_Cell(rec.system, rec.column, _number(rec.value), bold, g, i, j))
    return out


def _lower_better(table: Table, column: str, col_index: int) -> bool:
    if table.orientation != "columns" and 0 <= col_index < len(table.lower_is_better):
        return table.lower_is_better[col_index]
    return bool(_LOWER.search(column)) and not _HIGHER.search(column)


def _decimals(text: str) -> int:
    m = re.search(r"\d+(?:\.(\d+))?", text)
    return len(m.group(1)) if m and m.group(1) else 0


def _equal(claimed: float, text: str, cell: float) -> bool:
    tol = 0.5 * 10 ** (-_decimals(text)) + 1e-9
    for c in (cell, cell * 100, cell / 100):
        if abs(claimed - c) <= tol:
            return True
    return False


def _cell_dict(c: _Cell, table: Table) -> dict[str, Any]:
    return {"system": c.system, "column": c.column, "value": c.value, "bold": c.bold, "page": table.page, "table": table.id}


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
    return [s for s in systems if names_match(name, s, 1)][:1]


# -- the three checks ------------------------------------------------------------------


def _check_numbers(claims: list[Claim], tables: list[Table], cells_of: dict[str, list[_Cell]]) -> list[CrossCheck]:
    out = []
    for claim in claims:
        for q in claim.quantities:
            target = q.benchmark or q.metric
            if not target and q.system and q.unit in ("", "%"):
                # "On LogiGrid, X attains 64.2%": the benchmark is named elsewhere in the sentence
                target = _column_named_in(claim.text, q.system, tables, cells_of)
            if not q.system or not target or q.unit not in ("", "%", "points"):
                continue
            cands: list[tuple[Table, _Cell]] = []
            for t in tables:
                for c in cells_of[t.id]:
                    if c.value is None:
                        continue
                    if not names_match(q.system, c.system, 2):
                        continue
                    if names_match(target, c.column, 4):
                        cands.append((t, c))
            if not cands:
                continue
            hits = [(t, c) for t, c in cands if _equal(q.value, q.text, c.value or 0.0)]
            if not hits:
                # "A and B reach 55.6% and 56.0% respectively": the number may belong to
                # another system the sentence names
                for other in _claim_names(claim):
                    if other == q.system:
                        continue
                    for t in tables:
                        for c in cells_of[t.id]:
                            if (c.value is not None and names_match(other, c.system, 2) and names_match(target, c.column, 4)
                                    and _equal(q.value, q.text, c.value)):
                                hits.append((t, c))
            if hits:
                t, c = hits[0]
                out.append(CrossCheck(
                    kind="number", status="consistent",
                    message=f"{hits[0][1].system} {q.text} on {target} matches {t.label and 'Table ' + t.label or 'the table'} (p. {t.page}): {c.value:g}",
                    claim=claim.text, claim_doc=claim.doc, claim_page=claim.page, claim_bbox=claim.bbox,
                    table=t.caption, table_id=t.id, table_doc=t.doc, table_page=t.page, cells=[_cell_dict(c, t)],
                ))
            else:
                t = cands[0][0]
                vals = ", ".join(f"{c.value:g} ({c.column}, {tt.label and 'Table ' + tt.label or tt.id}, p. {tt.page})" for tt, c in cands[:4])
                out.append(CrossCheck(
                    kind="number", status="mismatch",
                    message=f"text (p. {claim.page}) says {q.system} reaches {q.text} on {target}; the table says {vals}",
                    claim=claim.text, claim_doc=claim.doc, claim_page=claim.page, claim_bbox=claim.bbox,
                    table=t.caption, table_id=t.id, table_doc=t.doc, table_page=t.page,
                    cells=[_cell_dict(c, tt) for tt, c in cands[:8]],
                ))
    return out


def _check_superiority(claims: list[Claim], tables: list[Table], cells_of: dict[str, list[_Cell]], doc: Document) -> list[CrossCheck]:
    out = []
    title_sys = _title_system(doc)
    for claim in claims:
        if "superiority" not in claim.kinds or not _UNIVERSAL.search(claim.text):
            continue
        if claim.hedged:
            continue
        names = _subject_names(claim)
        if _OURS.search(claim.text) and title_sys and title_sys not in names:
            names.append(title_sys)
        if not names and title_sys and claim.location in ("abstract", "conclusion"):
            names.append(title_sys)
        scope = _scope_of(claim.text)
        refs = {m.group(1) for m in _TABLE_REF.finditer(claim.text)}
        pool = [t for t in tables if not refs or t.label in refs]
        if not any(_system_rows(cells_of[t.id], n) for n in names for t in pool):
            # the name before the verb is no table's system (an unknown benchmark name, say):
            # take the first name in the sentence that is one
            alt = [n for n in _claim_names(claim) if any(_system_rows(cells_of[t.id], n) for t in pool)]
            if alt:
                names = alt[:1]
        found_any = False
        for name in names:
            for t in pool:
                cells = cells_of[t.id]
                rows = _system_rows(cells, name)
                if not rows:
                    continue
                sys_row = rows[0]
                found_any = True
                by_col: dict[str, list[_Cell]] = {}
                for c in cells:
                    if c.value is not None:
                        by_col.setdefault(c.column, []).append(c)
                problems: list[dict[str, Any]] = []
                checked = 0
                for col, cs in by_col.items():
                    mine = [c for c in cs if c.system == sys_row]
                    if not mine:
                        continue
                    me = mine[0]
                    others = [c for c in cs if c.system != sys_row and not _variant(c.system, name)]
                    if not others:
                        continue
                    checked += 1
                    low = _lower_better(t, col, me.col)
                    better = [c for c in others if (c.value < me.value if low else c.value > me.value)]  # type: ignore[operator]
                    tied = [c for c in others if c.value == me.value]
                    if better or tied:
                        rival = (better or tied)[0]
                        problems.append({
                            "column": col, "system": sys_row, "value": me.value,
                            "rival": rival.system, "rival_value": rival.value,
                            "relation": "better" if better else "tied", "page": t.page, "table": t.id,
                        })
                if not checked:
                    continue
                label = f"Table {t.label}" if t.label else t.id
                if problems:
                    cols = "; ".join(f"{p['column']}: {p['rival']} {p['rival_value']:g} {'>' if p['relation'] == 'better' else '='} {p['value']:g}" for p in problems[:6])
                    more = f" (+{len(problems) - 6} more)" if len(problems) > 6 else ""
                    if scope is not None:
                        msg = (f"claim on p. {claim.page} that {name} is best \u201c{scope.group(0).strip()}\u201d; in {label} "
                               f"(p. {t.page}) another system is better or tied in {len(problems)} of {checked} columns: "
                               f"{cols}{more}. The table does not say which systems the claim covers: check these by hand")
                        status = "scoped"
                    else:
                        msg = f"claim on p. {claim.page} that {name} is best; in {label} (p. {t.page}) a baseline is better or tied in {len(problems)} of {checked} columns: {cols}{more}"
                        status = "mismatch"
                else:
                    msg = f"{name} is best in all {checked} columns of {label} (p. {t.page})"
                    status = "consistent"
                out.append(CrossCheck(
                    kind="superiority", status=status, message=msg, claim=claim.text, claim_doc=claim.doc,
                    claim_page=claim.page, claim_bbox=claim.bbox, table=t.caption, table_id=t.id, table_doc=t.doc,
                    table_page=t.page, cells=problems,
                ))
            if found_any:
                break
        if not found_any and title_sys and title_sys in names and pool and claim.location in ("abstract", "conclusion", "results"):
            out.append(CrossCheck(
                kind="superiority", status="unsupported",
                message=f"claim on p. {claim.page} that {names[0]} is best: no results table holds {names[0]}",
                claim=claim.text, claim_doc=claim.doc, claim_page=claim.page, claim_bbox=claim.bbox,
            ))
    return out


def _variant(system: str, name: str) -> bool:
    """Another configuration of the claimed system itself (MiniMax-M1-40k vs -80k)."""
    a, b = _norm(system.split(" / ")[-1]), _norm(name)
    base = re.sub(r"[-.]?\d+[kmb]?$", "", b)
    return bool(base) and len(base) >= 4 and (a.startswith(base) or base in a)


def _check_bold(tables: list[Table], cells_of: dict[str, list[_Cell]]) -> list[CrossCheck]:
    out = []
    for t in tables:
        cells = [c for c in cells_of[t.id] if c.value is not None]
        if not any(c.bold for c in cells):
            continue
        by_col: dict[str, list[_Cell]] = {}
        for c in cells:
            by_col.setdefault(c.column, []).append(c)
        for col, cs in by_col.items():
            bolds = [c for c in cs if c.bold]
            if not bolds or len(cs) < 2:
                continue
            low = _lower_better(t, col, bolds[0].col)
            pick = min if low else max
            groups: dict[str, list[_Cell]] = {}
            for c in cs:
                groups.setdefault(_group_of(c), []).append(c)
            if len(groups) > 1 and len({_group_of(b) for b in bolds}) == 1 and len({b.value for b in bolds}) == 1:
                # one bold value in the whole column although rows are grouped ("open
                # baselines" / "ours"): the bold claims best in the column, not in its group
                groups = {_group_of(bolds[0]): cs}
            for b in bolds:
                group = groups[_group_of(b)]
                gb = [c for c in group if c.bold]
                # several different bold values in one group: the table marks something
                # else than "best in column" (per model size, per sub-setting): no verdict
                if len({c.value for c in gb}) > 1 or len(group) < 2:
                    continue
                group_best = pick(c.value for c in group)  # type: ignore[type-var]
                if b.value == group_best:
                    continue
                winner = next(c for c in group if c.value == group_best)
                label = f"Table {t.label}" if t.label else t.id
                out.append(CrossCheck(
                    kind="bold_best", status="mismatch",
                    message=(f"{label} (p. {t.page}), {col}: bold {b.value:g} ({b.system}) is not the best; "
                             f"{winner.system} has {winner.value:g} ({'lower' if low else 'higher'} is better)"),
                    table=t.caption, table_id=t.id, table_doc=t.doc, table_page=t.page,
                    cells=[_cell_dict(b, t), _cell_dict(winner, t)],
                ))
    return out


def _group_of(c: _Cell) -> str:
    if c.group:
        return c.group
    return c.system.rsplit(" / ", 1)[0] if " / " in c.system else ""


def cross_check(claims: list[Claim], tables: list[Table], doc: Document) -> list[CrossCheck]:
    results = [t for t in tables if t.is_results and t.long]
    if not results:
        return []
    cells_of = {t.id: table_cells(t) for t in results}
    out: list[CrossCheck] = []
    out += _check_numbers(claims, results, cells_of)
    out += _check_superiority(claims, results, cells_of, doc)
    out += _check_bold(results, cells_of)
    return out
