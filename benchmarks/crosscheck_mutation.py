"""Mutation benchmark for the claim-vs-table cross-checks: recall on many real claims.

    .venv/bin/python benchmarks/crosscheck_mutation.py [--split tuning|blind|fresh|fresh2|fresh3|all] [-v]

Real mismatches are too rare in papers to measure how many the checker finds.  This takes every
hand-checked claim of the cross-check golds (``crosscheck_accuracy.load_gold``) whose truth is
``consistent`` and that the tool confirms as consistent, finds the number in the claim sentence
that the confirming check compared with a table cell, and changes that number:

(a) ``off``: off by a visible amount (5 units of the claim's last digit, or 3% of the value if
    more) and equal to no cell of the compared cell's row or column -> should be ``mismatch``;
(b) ``swap``: the value of ANOTHER row's cell in the same column, printed at the claim's
    precision and scale (a wrong system credited), of the same order (within 0.5-2x: a row of
    another order is another quantity, "|source| (words)" over "|summary| (words)") -> should be
    ``mismatch``;
(c) ``round``: the true value rounded to one decimal fewer than the claim prints (62.14 -> 62.1,
    62.1 -> 62) -> should stay ``consistent``;
(d) ``unit``: the same value in the other convention, "62.1%" -> "0.621" or "0.621" -> "62.1%"
    (only for a percentage, or a fraction of at most 1 printed with 2+ decimals) -> should stay
    ``consistent``.

How the number is changed: in the document model right after ingest (the sentence's text, the
file's text and the offsets of every later sentence, paragraph and section), not in the PDF.
Why: a PDF mutant needs a whole re-ingest per mutant (several seconds a paper, ~250 mutants),
and redacting a number and inserting text with a base-14 font changes the line's glyph widths,
so neighbouring words can be clipped by the redaction or set apart by the reader as another
span; the tables are read once from the untouched pages and the claims re-extracted from the
mutated document.  The tests (tests/test_crosscheck_mutation.py) do mutate real PDF pages with
PyMuPDF, to show the document-model route measures the same mechanism.

Printed per split: mutants made per kind, flagged mismatch, stayed consistent, turned unverified
(or no check); mismatch recall = flagged / made over (a)+(b); false-alarm rate = mismatch / made
over (c)+(d).
"""

from __future__ import annotations

import argparse
import copy
import dataclasses
import re
import sys
import time
from collections import Counter
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from crosscheck_accuracy import SHARED, _norm, load_gold, verdict  # noqa: E402

KINDS = ("off", "swap", "round", "unit")
SHOULD_FLAG = {"off": True, "swap": True, "round": False, "unit": False}

# a number as a claim prints it: digits, an optional decimal part and an optional percent sign
_NUM = re.compile(r"(?<![\w.])(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?(\s?%)?(?![\w])")


def _fmt(v: float, d: int) -> str:
    q = Decimal(1).scaleb(-d) if d > 0 else Decimal(1)
    return str(Decimal(repr(v)).quantize(q, rounding=ROUND_HALF_UP))


def _numbers(text: str) -> list[tuple[int, int, float, int, bool]]:
    """(start, end, value, decimals, percent) of each plain number in a sentence."""
    out = []
    for m in _NUM.finditer(text):
        whole, frac, pct = m.group(1), m.group(2) or "", m.group(3) or ""
        if m.end() < len(text) and text[m.end()] in "xX×":
            continue
        v = float(whole.replace(",", "") + frac)
        out.append((m.start(), m.end(), v, len(frac) - 1 if frac else 0, bool(pct)))
    return out


def _scale(claimed: float, cell: float, d: int) -> float | None:
    """The factor between the claim's number and the cell's value (1, 100, 0.01), if equal."""
    tol = 0.5 * 10 ** (-d) + 1e-9
    for s in (1.0, 100.0, 0.01):
        if abs(claimed - cell * s) <= tol:
            return s
    return None


def _matches(v: float, d: int, cell_value: float, scale: float) -> bool:
    return abs(v - cell_value * scale) <= 0.5 * 10 ** (-d) + 1e-9


def target_of(check, text: str, cells_by_table: dict) -> tuple | None:
    """(start, end, value, decimals, percent, cell, scale) of the number in ``text`` that a
    confirming check compared with a cell, with that cell (a table_cells ``_Cell``): of the
    pairs equal at the claim's precision, the closest (relative error under 1%)."""
    best = None
    for cd in check.cells:
        val = cd.get("value")
        if not isinstance(val, (int, float)) or cd.get("table") not in cells_by_table or not val:
            continue
        cell = next((c for c in cells_by_table[cd["table"]] if c.system == cd["system"] and c.column == cd["column"]
                     and c.value is not None and abs(float(c.value) - float(val)) < 1e-12), None)
        if cell is None:
            continue
        for s, e, v, d, pct in _numbers(text):
            if re.search(r"(?:\b(?:table|tab\.|figure|fig\.|section|sec\.|eq\.|appendix)\s*|[\u2212\u00d7-])$", text[:s], re.I):
                continue
            sc = _scale(v, float(val), d)
            if sc is None:
                continue
            err = abs(v - float(val) * sc) / abs(float(val) * sc)
            if err < 0.01 and (best is None or err < best[0]):
                best = (err, (s, e, v, d, pct, cell, sc))
    return best[1] if best else None


def mutants(tgt: tuple, table_cells: list) -> list[tuple[str, str, str]]:
    """(kind, new text of the number, what it is) for one target."""
    s, e, v, d, pct, cell, sc = tgt
    suffix = "%" if pct else ""
    row = [c for c in table_cells if c.system == cell.system and c.value is not None]
    col = [c for c in table_cells if c.column == cell.column and c.value is not None]
    out = []
    # (a) off by a visible amount, equal to no cell of the row or column (either scale)
    step = max(5 * 10 ** (-d), round(0.03 * abs(v), d) or 10 ** (-d))
    for k in (1, -1, 2, -2, 3, -3):
        nv = v + k * step
        if nv <= 0 or (pct and nv > 100) or (v <= 1 and not pct and d >= 2 and nv > 1):
            continue
        printed = _fmt(nv, d)
        if any(_matches(float(printed), d, float(c.value), f) for c in row + col for f in (1.0, 100.0, 0.01)):
            continue
        out.append(("off", printed + suffix, f"{v:g} -> {printed} (no cell of the row or column)"))
        break
    # (b) another row's value in the same column, at the claim's precision and scale
    for c in col:
        if c.system == cell.system or _leaf_same(c.system, cell.system):
            continue
        printed = _fmt(float(c.value) * sc, d)
        if _matches(float(printed), d, float(cell.value), sc) or float(printed) <= 0:
            continue
        if not 0.5 <= float(c.value) / float(cell.value) <= 2:
            continue  # another quantity (a table read with its quantities as rows), not another system's score
        out.append(("swap", printed + suffix, f"{v:g} -> {printed} ({c.system}'s {c.column})"))
        break
    # (c) the true value rounded to one decimal fewer than the claim prints
    if d >= 1:
        printed = _fmt(float(cell.value) * sc, d - 1)
        if float(printed) > 0:
            out.append(("round", printed + suffix, f"{v:g} -> {printed} (rounded)"))
    # (d) the other convention: a percentage as a fraction, a fraction as a percentage
    if pct and sc in (1.0, 0.01) and v <= 100:
        out.append(("unit", _fmt(v / 100, d + 2), f"{v:g}% -> {_fmt(v / 100, d + 2)}"))
    elif not pct and 0 < v <= 1 and d >= 2:
        out.append(("unit", _fmt(v * 100, d - 2) + "%", f"{v:g} -> {_fmt(v * 100, d - 2)}%"))
    return out


def _leaf_same(a: str, b: str) -> bool:
    return a.strip().casefold() == b.strip().casefold()


def mutate_document(doc, sent_index: int, s: int, e: int, new: str):
    """A copy of ``doc`` whose sentence ``sent_index`` has characters s..e replaced by ``new``:
    the file's text, the sentence's and its paragraph's text, and the offsets of every later
    unit of the same file shift with it.  The pages (and so the tables) are shared, untouched."""
    sent = doc.sentences[sent_index]
    delta = len(new) - (e - s)
    abs_s = sent.start + s
    abs_e = sent.start + e
    texts = list(doc.texts)
    if texts[sent.doc][sent.start:sent.end] == sent.text:
        texts[sent.doc] = texts[sent.doc][:abs_s] + new + texts[sent.doc][abs_e:]
        shift = True
    else:
        shift = False  # the file's text differs from the sentence (joined hyphens): leave offsets
        delta = 0

    def moved(u):
        u = copy.copy(u)
        if u.doc == sent.doc and delta:
            if u.start >= abs_e:
                u.start += delta
            if u.end >= abs_e:
                u.end += delta
        return u

    sentences = [moved(x) for x in doc.sentences]
    mine = sentences[sent_index]
    mine.text = sent.text[:s] + new + sent.text[e:]
    paragraphs = [moved(x) for x in doc.paragraphs]
    if sent.paragraph is not None and 0 <= sent.paragraph < len(paragraphs):
        p = paragraphs[sent.paragraph]
        old = doc.paragraphs[sent.paragraph]
        at = old.text.find(sent.text)
        if at >= 0:
            p.text = old.text[:at + s] + new + old.text[at + e:]
    sections = [moved(x) for x in doc.sections] if shift else list(doc.sections)
    return dataclasses.replace(doc, texts=texts, sentences=sentences, paragraphs=paragraphs, sections=sections)


def _sentence_of(doc, check, quote: str) -> int | None:
    """The index of the document sentence holding the claim's number (the claim may join two
    sentences cut by a page break: the one holding the quote on the claim's page)."""
    q = _norm(quote)
    best = None
    for i, st in enumerate(doc.sentences):
        if st.doc != (check.claim_doc or 0) or st.page != check.claim_page:
            continue
        n = _norm(st.text)
        if q in n or (n and n in _norm(check.claim)):
            if q in n:
                return i
            best = best if best is not None else i
    return best


def run_paper(items: list[dict], verbose: bool = False, log=print) -> tuple[Counter, list[dict]]:
    from jupyter_review.extract.claims import extract_claims
    from jupyter_review.extract.crosscheck import cross_check, table_cells
    from jupyter_review.extract.tables import extract_tables
    from jupyter_review.pipeline import load

    main, supp = items[0]["main"], items[0]["supplement"]
    doc = load(SHARED / main, supplements=[SHARED / supp] if supp else [])
    tables = extract_tables(doc)
    checks = cross_check(extract_claims(doc), tables, doc)
    cells_by_table = {t.id: table_cells(t) for t in tables}
    tally: Counter = Counter()
    rows = []
    for it in items:
        if it["truth"] != "consistent":
            continue
        v, mine = verdict(it, checks)
        if v != "consistent":
            continue
        tally["confirmed"] += 1
        tgt = None
        sent_i = None
        for c in (c for c in mine if c.status == "consistent"):
            sent_i = _sentence_of(doc, c, it["quote"])
            if sent_i is None:
                continue
            tgt = target_of(c, doc.sentences[sent_i].text, cells_by_table)
            if tgt:
                break
        if not tgt:
            tally["no number compared"] += 1
            continue
        tally["with a number"] += 1
        sent = doc.sentences[sent_i]
        s, e = tgt[0], tgt[1]
        tid = next(cd["table"] for c in mine for cd in c.cells if cd.get("table") in cells_by_table
                   and cd["system"] == tgt[5].system and cd["column"] == tgt[5].column)
        for kind, new, what in mutants(tgt, cells_by_table[tid]):
            mdoc = mutate_document(doc, sent_i, s, e, new)
            old_num = sent.text[s:e]
            quote = it["quote"]
            qn = _norm(quote)
            # the quote follows the mutation when it holds the number
            at = sent.text.find(quote) if quote in sent.text else -1
            if at >= 0 and at <= s and e <= at + len(quote):
                quote = quote[:s - at] + new + quote[e - at:]
            elif old_num in quote and qn in _norm(sent.text):
                quote = quote.replace(old_num, new, 1)
            mchecks = cross_check(extract_claims(mdoc), tables, mdoc)
            mv, mm = verdict({**it, "quote": quote}, mchecks)
            tally[(kind, "made")] += 1
            tally[(kind, mv)] += 1
            row = {"id": it["id"], "kind": kind, "what": what, "verdict": mv,
                   "message": next((c.message for c in mm if c.status == mv), mm[0].message if mm else "")}
            rows.append(row)
            bad = (mv == "mismatch") != SHOULD_FLAG[kind]
            if bad and SHOULD_FLAG[kind]:
                row["guard"] = guard_of(mv, mm)
                tally[("guard", row["guard"])] += 1
            if verbose:
                log(f"  {'!!' if bad else '  '} {it['id']:<12} {kind:<5} {what:<50} -> {mv}")
                if bad and mm:
                    log(f"        {mm[0].status}: {row['message'][:260]}")
                if row.get("guard"):
                    log(f"        guard: {row['guard']}")
    return tally, rows


def _guard_key(reason: str) -> str:
    """A reason's kind: its words before the particulars (a colon, a bracket, a name)."""
    r = re.split(r":|\(|(?<=\bof) [A-Z]|(?<=\bmatch) [A-Z]|(?<=\bbelong to) |(?<=\bname) [A-Z]|(?<=\bread as) [A-Z]",
                 reason.strip(), maxsplit=1)[0]
    return re.sub(r"\s+", " ", r).strip(" ;,") or "(no reason given)"


def guard_of(verdict_: str, mine: list) -> str:
    """Which guard kept a mutant that should be flagged from being flagged: the kinds of the
    reasons its unsettled checks give; 'no check' when none was made on the mutated claim; the
    check kind when one bore the mutated number out."""
    if verdict_ == "none":
        return "no check on the mutated claim"
    if verdict_ == "consistent":
        return "borne out by a " + "/".join(sorted({c.kind for c in mine if c.status == "consistent"})) + " check"
    keys = sorted({_guard_key(r) for c in mine if c.status != "consistent" for r in (c.reason or "").split("; ") if r.strip()})
    return " + ".join(keys) or "unverified without a reason (" + "/".join(sorted({c.kind for c in mine})) + ")"


def summarise(split: str, total: Counter) -> list[str]:
    lines = [f"{split}: {total['confirmed']} confirmed consistent claims, {total['with a number']} with a compared number "
             f"({total['no number compared']} confirmed without one: superlatives, ranks)"]
    lines.append(f"  {'kind':<6} {'made':>5} {'mismatch':>9} {'consistent':>11} {'unverified':>11} {'none':>5}")
    for k in KINDS:
        lines.append(f"  {k:<6} {total[(k, 'made')]:>5} {total[(k, 'mismatch')]:>9} {total[(k, 'consistent')]:>11} "
                     f"{total[(k, 'unverified')]:>11} {total[(k, 'none')]:>5}")
    flag_made = sum(total[(k, "made")] for k in ("off", "swap"))
    flag_hit = sum(total[(k, "mismatch")] for k in ("off", "swap"))
    ok_made = sum(total[(k, "made")] for k in ("round", "unit"))
    ok_false = sum(total[(k, "mismatch")] for k in ("round", "unit"))
    ok_kept = sum(total[(k, "consistent")] for k in ("round", "unit"))
    lines.append(f"  mismatch recall (a+b): {flag_hit}/{flag_made} = {flag_hit / max(1, flag_made):.3f}; "
                 f"false alarms (c+d): {ok_false}/{ok_made} = {ok_false / max(1, ok_made):.3f}; "
                 f"(c+d) kept consistent {ok_kept}/{ok_made}")
    guards = sorted(((n, k[1]) for k, n in total.items() if isinstance(k, tuple) and k[0] == "guard"), reverse=True)
    if guards:
        lines.append("  (a)+(b) not flagged, by the guard that stopped them:")
        lines += [f"    {n:>3}  {g}" for n, g in guards]
    return lines


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--split", default="tuning", choices=["tuning", "blind", "fresh", "fresh2", "fresh3", "all"])
    ap.add_argument("-v", "--verbose", action="store_true")
    ap.add_argument("--skip", default="", help="papers (gold paper names, comma-separated) not to run: papers held blind for another measure")
    args = ap.parse_args()
    skip = set(filter(None, args.skip.split(",")))
    splits = ["tuning", "blind", "fresh", "fresh2", "fresh3"] if args.split == "all" else [args.split]
    t0 = time.process_time()
    out = []
    for split in splits:
        by_paper: dict[str, list[dict]] = {}
        for g in load_gold(split):
            if g["paper"] in skip:
                continue
            by_paper.setdefault(g["paper"], []).append(g)
        total: Counter = Counter()
        for paper, items in by_paper.items():
            if args.verbose:
                print(f"{paper} ({split})")
            tally, _ = run_paper(items, args.verbose)
            total.update(tally)
        lines = summarise(split, total)
        print("\n".join(lines), flush=True)
        out += lines
    print(f"  {time.process_time() - t0:.1f} CPU s")


if __name__ == "__main__":
    main()
