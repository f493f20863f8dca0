"""Results-table cell accuracy against the hand-read gold set, ours vs pdfplumber.

    .venv/bin/python benchmarks/table_accuracy.py [--misses] [--gold-dir DIR [--split tune|blind]] [--no-pdfplumber] [--no-speed]
    .venv/bin/python benchmarks/table_accuracy.py --set texbench [--split tune|blind] [--misses] [--no-pdfplumber]
    .venv/bin/python benchmarks/table_accuracy.py --set newpapers [--split tune|blind|all] [--pdf-dir DIR] [--gold-dir DIR] [--misses] [--no-pdfplumber]

``--set newpapers`` scores ../shared/newpapers/pdfs (PDFs compiled from public LaTeX sources)
against tests/data/gold/tables_new23/<id>.json (made by benchmarks/tex_table_gold.py, texbench's
format and scoring); a paper is in the tune half when int(sha1(id), 16) is even, else blind.
Tables the gold marks ``orientation_unsure`` are scored either way round (their own line).
Without the PDF folder it says so and exits 0.

Gold: tests/data/gold/tables/*.yaml (cells read off rendered pages by eye; see the
README there), or the YAML files of ``--gold-dir DIR`` (e.g. tests/data/gold/tables_unseen,
pages the extractor was never tuned on).  Where a gold table states its ``orientation``
(systems_as_columns / systems_as_rows) the score is also given per orientation.  A gold cell counts when an extracted record of the same page and
table has the same system label, column label and value:

- labels are normalised: NFKC, case-folded, citations ("[12]", "(Li et al., 2016)"),
  footnote marks (* † ‡) and arrows (↑ ↓) removed, then only letters, digits and
  "@ + # %" kept;
- group levels are optional: the gold label may be the last one or more " / "
  levels of the extracted label ("AIME 2024" matches "Mathematics / AIME 2024");
- values: numbers compare as numbers ("83.5%" = 83.5, "8.6*" = 8.6); a dash or
  "n/a" in the gold matches a missing value.

Ours must put the model/method in ``system`` and the benchmark/metric in
``column`` (transposed tables included).  pdfplumber gets its grid read leniently:
header = the first rows, label = the non-numeric cells of the row, and either
orientation counts.

Also printed: seconds per table page for both, and the full ``jupyter_review.load``
time of a long PDF (edge/who-guideline-155p.pdf) with and without the table stage.
Times are CPU seconds of this process (``time.process_time``), so that other work on
a shared machine does not inflate them; the wall-clock time of the long load is
printed too.
"""

from __future__ import annotations

import re
import sys
import time
import unicodedata
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

GOLD_DIR = ROOT / "tests" / "data" / "gold" / "tables"


def _corpus() -> Path:
    from tests.conftest import CORPUS

    return CORPUS


_CITE = re.compile(r"\[[\d,\s\u2013-]+\]|\(\s*[A-Z][A-Za-z-]+(?: (?:et al\.?|and [A-Z][A-Za-z-]+))?,? \d{4}[a-z]?\s*\)")


def norm_label(s: str) -> str:
    t = unicodedata.normalize("NFKC", str(s))
    t = _CITE.sub("", t)
    t = re.sub(r"[*\u2020\u2021\u2217\u2191\u2193]", "", t)
    t = t.replace("\u223c", "~").casefold()
    return re.sub(r"[^0-9a-z@+#%/]+", "", t)


def label_match(gold: str, got: str) -> bool:
    g = [norm_label(x) for x in str(gold).split(" / ")]
    e = [norm_label(x) for x in str(got).split(" / ")]
    g = [x for x in g if x]
    e = [x for x in e if x]
    if not g:
        return False
    if g == e:
        return True
    if len(g) <= len(e) and e[-len(g):] == g:
        return True
    return "".join(g) == "".join(e)


def _value(v: Any) -> float | None | str:
    from jupyter_review.extract.tables import is_missing, parse_number

    if v is None:
        return None
    if isinstance(v, (int, float)):
        return float(v)
    if is_missing(str(v)):
        return None
    n = parse_number(str(v))
    return n if n is not None else norm_label(str(v))


def value_match(gold: Any, got: Any) -> bool:
    a, b = _value(gold), _value(got)
    if a is None or b is None:
        return a is None and b is None
    if isinstance(a, float) and isinstance(b, float):
        return abs(a - b) < 1e-6
    return a == b


def load_gold(gold_dir: Path | None = None, split: str | None = None) -> list[dict[str, Any]]:
    """Gold tables of a folder; ``split`` ("tune"/"blind") keeps the papers its split.json names."""
    import json

    import yaml

    folder = Path(gold_dir or GOLD_DIR)
    keep = None
    if split:
        split_file = folder / "split.json"
        if not split_file.exists():
            raise SystemExit(f"--split {split}: {folder} has no split.json")
        keep = set(json.loads(split_file.read_text(encoding="utf-8"))[split])
    out = []
    for p in sorted(folder.glob("*.yaml")):
        if keep is not None and p.stem not in keep:
            continue
        data = yaml.safe_load(p.read_text(encoding="utf-8"))
        for t in data["tables"]:
            out.append({"file": data["file"], "page": int(t["page"]), "label": str(t["label"]),
                        "orientation": str(t.get("orientation", "")),
                        "cells": [tuple(c) for c in t["cells"]]})
    return out


# -- ours ----------------------------------------------------------------------------------


def _ours(path: Path) -> tuple[list[Any], float, int]:
    import jupyter_review
    from jupyter_review.extract.tables import extract_tables

    t0 = time.process_time()
    doc = jupyter_review.load(path)
    tables = extract_tables(doc)
    return tables, time.process_time() - t0, doc.files[0].pages


def _table_stage_seconds(path: Path, pages: list[int]) -> float:
    """Time of the table stage alone on the given pages (words + rebuild + typing)."""
    import pymupdf

    from jupyter_review.ingest import tables as tab

    t0 = time.process_time()
    with pymupdf.open(str(path)) as d:
        for pno in pages:
            pg = d[pno - 1]
            words = pg.get_text("words", flags=pymupdf.TEXT_MEDIABOX_CLIP)
            tab.find_tables_on_page(pg, 0, pno, [], words=words)
    return time.process_time() - t0


def score_ours(gold: list[dict[str, Any]]) -> dict[str, Any]:
    by_file: dict[str, list[dict[str, Any]]] = {}
    for g in gold:
        by_file.setdefault(g["file"], []).append(g)
    total = hit = 0
    misses: list[str] = []
    per_file: dict[str, dict[str, float]] = {}
    per_orientation: dict[str, list[int]] = {}
    seconds = 0.0
    npages = 0
    for f, gts in by_file.items():
        path = _corpus() / f
        tables, secs, _pages = _ours(path)
        fh = ft = 0
        for g in gts:
            cands = [t for t in tables if g["page"] in (t.pages or [t.page]) and t.label == g["label"]]
            if not cands:
                cands = [t for t in tables if g["page"] in (t.pages or [t.page])]
            recs = [r for t in cands for r in t.long]
            for sysl, coll, val in g["cells"]:
                ft += 1
                ok = any(label_match(sysl, r.system) and label_match(coll, r.column) and value_match(val, r.value) for r in recs)
                fh += ok
                if g.get("orientation"):
                    tally = per_orientation.setdefault(g["orientation"], [0, 0])
                    tally[0] += ok
                    tally[1] += 1
                if not ok:
                    misses.append(f"{f} p.{g['page']} T{g['label']}: {sysl} | {coll} = {val}")
        pages = sorted({g["page"] for g in gts})
        seconds += _table_stage_seconds(path, pages)
        npages += len(pages)
        per_file[f] = {"cells": ft, "matched": fh, "accuracy": fh / ft if ft else 0.0, "load_seconds": round(secs, 3)}
        total += ft
        hit += fh
    return {"cells": total, "matched": hit, "accuracy": hit / total if total else 0.0, "per_file": per_file,
            "per_orientation": per_orientation, "sec_per_page": seconds / max(1, npages), "pages": npages, "misses": misses}


# -- pdfplumber ----------------------------------------------------------------------------


def _plumber_records(grid: list[list[str | None]]) -> list[tuple[str, str, str]]:
    from jupyter_review.extract.tables import parse_number

    rows = [[(c or "").replace("\n", " ").strip() for c in r] for r in grid if r]
    if len(rows) < 2:
        return []
    ncol = max(len(r) for r in rows)
    rows = [r + [""] * (ncol - len(r)) for r in rows]
    nhead = 1
    for r in rows[1:3]:
        if not any(parse_number(c) is not None for c in r[1:]):
            nhead += 1
        else:
            break
    heads = [" / ".join(x for x in (rows[i][j] for i in range(nhead)) if x) for j in range(ncol)]
    out = []
    for r in rows[nhead:]:
        label = " / ".join(c for c in r if c and parse_number(c) is None and len(c) > 1)
        for j, c in enumerate(r):
            if c:
                out.append((label, heads[j], c))
    return out


def score_pdfplumber(gold: list[dict[str, Any]]) -> dict[str, Any]:
    import pdfplumber

    total = hit = 0
    seconds = 0.0
    npages = 0
    by_file: dict[str, list[dict[str, Any]]] = {}
    for g in gold:
        by_file.setdefault(g["file"], []).append(g)
    for f, gts in by_file.items():
        pages = sorted({g["page"] for g in gts})
        recs: dict[int, list[tuple[str, str, str]]] = {}
        with pdfplumber.open(str(_corpus() / f)) as pdf:
            for pno in pages:
                t0 = time.process_time()
                grids = pdf.pages[pno - 1].extract_tables()
                seconds += time.process_time() - t0
                npages += 1
                recs[pno] = [x for gr in grids for x in _plumber_records(gr)]
        for g in gts:
            for sysl, coll, val in g["cells"]:
                total += 1
                ok = any(
                    value_match(val, v) and (
                        (label_match(sysl, lab) and label_match(coll, head))
                        or (label_match(coll, lab) and label_match(sysl, head))
                        or (norm_label(sysl) in norm_label(lab) and norm_label(coll) in norm_label(head))
                        or (norm_label(coll) in norm_label(lab) and norm_label(sysl) in norm_label(head))
                    )
                    for lab, head, v in recs[g["page"]]
                )
                hit += ok
    return {"cells": total, "matched": hit, "accuracy": hit / total if total else 0.0,
            "sec_per_page": seconds / max(1, npages), "pages": npages}


# -- speed of the whole ingest -----------------------------------------------------------------


def ingest_speed(name: str = "edge/who-guideline-155p.pdf") -> dict[str, Any]:
    import jupyter_review
    from jupyter_review.ingest import load_document

    path = _corpus() / name
    jupyter_review.load(path)  # warm imports and caches
    t0 = time.process_time()
    w0 = time.perf_counter()
    doc = jupyter_review.load(path)
    with_tables = time.process_time() - t0
    wall = time.perf_counter() - w0
    t0 = time.process_time()
    load_document(path, find_tables=False)
    without = time.process_time() - t0
    return {"file": name, "pages": doc.files[0].pages, "load_seconds": with_tables,
            "load_seconds_without_tables": without, "table_stage_seconds": max(0.0, with_tables - without),
            "tables": len(doc.raw_tables), "wall_seconds": wall}


def score_tables(*, with_pdfplumber: bool = True, with_speed: bool = False,
                 gold_dir: Path | None = None, split: str | None = None) -> dict[str, Any]:
    """Cell accuracy of our table extraction on the gold set (plus pdfplumber's, and speed)."""
    gold = load_gold(gold_dir, split)
    out: dict[str, Any] = {"ours": score_ours(gold)}
    out["accuracy"] = out["ours"]["accuracy"]
    out["cells"] = out["ours"]["cells"]
    if with_pdfplumber:
        out["pdfplumber"] = score_pdfplumber(gold)
    if with_speed:
        out["ingest"] = ingest_speed()
    return out


# -- texbench ------------------------------------------------------------------------------

TEXBENCH = ROOT.parent / "shared" / "texbench"
SPLIT_FILE = ROOT / "benchmarks" / "data" / "texbench_split.json"


def _tb_words(s: str) -> list[str]:
    # texbench's own word rule (score_tables.py): lower case, runs of [a-z0-9.]
    return re.sub(r"[^a-z0-9.]+", " ", str(s).lower()).split()


def _tb_num(v: Any) -> float | None:
    if isinstance(v, (int, float)) and not isinstance(v, bool):
        return float(v)
    try:
        return float(str(v).replace(",", "").replace("%", "").strip())
    except ValueError:
        return None


def _tb_style(features: list[str]) -> str:
    if "booktabs" in features:
        return "booktabs"
    if "ruled" in features:
        return "full rules"
    return "none"


def texbench_papers(split: str | None) -> list[str]:
    import json

    ids = sorted(p.stem for p in (TEXBENCH / "gold").glob("*.json"))
    if split:
        chosen = set(json.loads(SPLIT_FILE.read_text(encoding="utf-8"))[split])
        ids = [i for i in ids if i in chosen]
    return ids


def _tb_score(gold: dict[str, Any], recs: list[tuple[set[str], set[str], float]], oriented: bool,
              either: bool, tally: dict[str, list[int]], misses: list[str], name: str) -> None:
    """Count gold cells found. ``oriented``: the gold system (row label of a systems-as-rows
    table, column label of a systems-as-columns one) must be in the record's system and the
    benchmark/metric in its column. ``either``: either orientation counts (the lenient
    reading given to pdfplumber, which has no notion of orientation)."""
    for t in gold["tables"]:
        orient = "systems as columns" if t.get("orientation") == "systems_as_columns" else "systems as rows"
        # gold made by tex_table_gold.py marks tables whose orientation no rule settled: either way counts
        lenient = either or bool(t.get("orientation_unsure"))
        if t.get("orientation_unsure"):
            orient = "unsure (either way counts)"
        style = _tb_style(t.get("features", []))
        flags = t.get("cell_flags") or [""] * len(t["cells"])
        for k, (row, col, value) in enumerate(t["cells"]):
            rw, cw = _tb_words(row), _tb_words(col)
            sw, bw = (cw, rw) if (oriented and orient == "systems as columns") else (rw, cw)
            same = [(s, c) for s, c, v in recs if abs(v - value) < 1e-6]
            ok = any(all(w in s for w in sw) and all(w in c for w in bw) for s, c in same)
            if lenient and not ok:
                ok = any(all(w in c for w in sw) and all(w in s for w in bw) for s, c in same)
            keys = ["all", f"orientation: {orient}", f"style: {style}"]
            if "pm" in str(flags[k] if k < len(flags) else ""):
                keys.append("cells: \u00b1")
            for key in keys:
                tally.setdefault(key, [0, 0])
                tally[key][0] += ok
                tally[key][1] += 1
            if not ok:
                misses.append(f"{name} {t['caption_starts']} p.{t.get('page')} [{orient}]: {row} | {col} = {value}")


def texbench_ours(ids: list[str], gold_dir: Path | None = None, pdf_dir: Path | None = None) -> dict[str, Any]:
    import json

    import jupyter_review
    from jupyter_review.extract.tables import extract_tables

    tally: dict[str, list[int]] = {}
    per: dict[str, tuple[int, int]] = {}
    misses: list[str] = []
    secs = 0.0
    npages = 0
    gold_dir = gold_dir or TEXBENCH / "gold"
    pdf_dir = pdf_dir or TEXBENCH / "pdfs"
    for name in ids:
        gold = json.loads((gold_dir / f"{name}.json").read_text(encoding="utf-8"))
        doc = jupyter_review.load(pdf_dir / f"{name}.pdf")
        tables = extract_tables(doc)
        pages = sorted({int(t["page"]) for t in gold["tables"]})
        secs += _table_stage_seconds(pdf_dir / f"{name}.pdf", pages)
        npages += len(pages)
        recs = [(set(_tb_words(r.system)), set(_tb_words(r.column)), v)
                for t in tables for r in t.long if (v := _tb_num(r.value)) is not None]
        before = tally.get("all", [0, 0])[:]
        _tb_score(gold, recs, True, False, tally, misses, name)
        after = tally["all"]
        per[name] = (after[0] - before[0], after[1] - before[1])
    return {"tally": tally, "per": per, "misses": misses, "sec_per_page": secs / max(1, npages)}


def _plumber_tb_records(grid: list[list[str | None]]) -> list[tuple[set[str], set[str], float]]:
    """texbench's adapter: first row the header, first column the row label."""
    rows = [[(c or "").replace("\n", " ").strip() for c in r] for r in grid if r]
    if len(rows) < 2:
        return []
    head = rows[0]
    out = []
    for r in rows[1:]:
        for j, c in enumerate(r[1:], start=1):
            v = _tb_num(c.split("\u00b1")[0].split("(")[0]) if c else None
            if v is not None:
                out.append((set(_tb_words(r[0])), set(_tb_words(head[j] if j < len(head) else "")), v))
    return out


def texbench_pdfplumber(ids: list[str], gold_dir: Path | None = None, pdf_dir: Path | None = None) -> dict[str, Any] | None:
    import json

    try:
        import pdfplumber
    except ImportError:
        return None
    tally: dict[str, list[int]] = {}
    misses: list[str] = []
    gold_dir = gold_dir or TEXBENCH / "gold"
    pdf_dir = pdf_dir or TEXBENCH / "pdfs"
    for name in ids:
        gold = json.loads((gold_dir / f"{name}.json").read_text(encoding="utf-8"))
        recs: list[tuple[set[str], set[str], float]] = []
        with pdfplumber.open(str(pdf_dir / f"{name}.pdf")) as pdf:
            for pno in sorted({int(t["page"]) for t in gold["tables"]}):
                if 0 < pno <= len(pdf.pages):
                    for gr in pdf.pages[pno - 1].extract_tables():
                        recs.extend(_plumber_tb_records(gr))
        _tb_score(gold, recs, True, True, tally, misses, name)
    return {"tally": tally}


def texbench_main(argv: list[str]) -> None:
    split = None
    if "--split" in argv:
        split = argv[argv.index("--split") + 1]
    ids = texbench_papers(split)
    if not ids:
        sys.exit(f"no texbench papers under {TEXBENCH}")
    o = texbench_ours(ids)
    p = None if "--no-pdfplumber" in argv else texbench_pdfplumber(ids)
    print(f"texbench {split or 'all'} half: {len(ids)} papers; a cell counts when a record has its value, "
          "the system's words in its system and the benchmark/metric's words in its column")
    _print_tb(o, p, argv)


def _print_tb(o: dict[str, Any], p: dict[str, Any] | None, argv: list[str]) -> None:
    keys = sorted(o["tally"], key=lambda k: (k != "all", k))
    print(f"  {'':34s} {'ours':>20s} {'pdfplumber (either way)':>26s}")
    for k in keys:
        h, n = o["tally"][k]
        line = f"  {k:34s} {h / n:7.3f} ({h:4d}/{n:4d})"
        if p is not None:
            ph, pn = p["tally"].get(k, [0, n])
            line += f" {ph / pn if pn else 0:12.3f} ({ph:4d}/{pn:4d})"
        print(line)
    if p is None and "--no-pdfplumber" not in argv:
        print("  pdfplumber not installed: peer baseline skipped (pip install pdfplumber, in the dev extra)")
    for name, (h, n) in o["per"].items():
        print(f"    {name:28s} {h:4d}/{n:4d} = {h / n if n else 0:.3f}")
    print(f"  table stage {o['sec_per_page'] * 1000:.1f} ms per table page (CPU)")
    if "--misses" in argv:
        for m in o["misses"]:
            print("  miss:", m)


# -- newpapers -----------------------------------------------------------------------------
# PDFs compiled from public LaTeX sources (session 23, ../shared/newpapers/pdfs), cell gold made by
# benchmarks/tex_table_gold.py from their sources (tests/data/gold/tables_new23/<id>.json, texbench's
# format). A paper's half is fixed by its id: tune when sha1(id) is even, else blind.

NEWPAPERS_PDFS = ROOT.parent / "shared" / "newpapers" / "pdfs"
NEWPAPERS_GOLD = ROOT / "tests" / "data" / "gold" / "tables_new23"


def newpapers_split(pid: str) -> str:
    import hashlib

    return "tune" if int(hashlib.sha1(pid.encode()).hexdigest(), 16) % 2 == 0 else "blind"


def newpapers_main(argv: list[str]) -> None:
    split = argv[argv.index("--split") + 1] if "--split" in argv else "all"
    if split not in ("tune", "blind", "all"):
        sys.exit(f"--split {split}: use tune, blind or all")
    pdf_dir = Path(argv[argv.index("--pdf-dir") + 1]) if "--pdf-dir" in argv else NEWPAPERS_PDFS
    gold_dir = Path(argv[argv.index("--gold-dir") + 1]) if "--gold-dir" in argv else NEWPAPERS_GOLD
    if not pdf_dir.is_dir():
        print(f"newpapers: no PDF folder {pdf_dir}; nothing scored")
        return
    if not gold_dir.is_dir():
        print(f"newpapers: no gold folder {gold_dir}; nothing scored")
        return
    ids = sorted(g.stem for g in gold_dir.glob("*.json")
                 if (pdf_dir / f"{g.stem}.pdf").is_file() and (split == "all" or newpapers_split(g.stem) == split))
    if not ids:
        print(f"newpapers {split}: no paper with both gold ({gold_dir}) and PDF ({pdf_dir}); nothing scored")
        return
    o = texbench_ours(ids, gold_dir, pdf_dir)
    p = None if "--no-pdfplumber" in argv else texbench_pdfplumber(ids, gold_dir, pdf_dir)
    print(f"newpapers {split}: {len(ids)} papers (gold {gold_dir}); a cell counts when a record has its value, "
          "the system's words in its system and the benchmark/metric's words in its column")
    _print_tb(o, p, argv)


def main() -> None:
    if "--set" in sys.argv and sys.argv[sys.argv.index("--set") + 1] == "texbench":
        texbench_main(sys.argv[1:])
        return
    if "--set" in sys.argv and sys.argv[sys.argv.index("--set") + 1] == "newpapers":
        newpapers_main(sys.argv[1:])
        return
    gold_dir = None
    if "--gold-dir" in sys.argv:
        gold_dir = Path(sys.argv[sys.argv.index("--gold-dir") + 1]).resolve()
        if not any(gold_dir.glob("*.yaml")):
            sys.exit(f"no gold YAML files in {gold_dir}")
    split = sys.argv[sys.argv.index("--split") + 1] if "--split" in sys.argv else None
    res = score_tables(with_pdfplumber="--no-pdfplumber" not in sys.argv,
                       with_speed="--no-speed" not in sys.argv, gold_dir=gold_dir, split=split)
    o, p, s = res["ours"], res.get("pdfplumber"), res.get("ingest")
    print(f"gold {gold_dir or GOLD_DIR}" + (f" ({split} half)" if split else ""))
    print(f"gold cells: {o['cells']} from {len(o['per_file'])} files, {o['pages']} table pages")
    print(f"ours        cell accuracy {o['accuracy']:.3f} ({o['matched']}/{o['cells']}), "
          f"table stage {o['sec_per_page'] * 1000:.1f} ms/page")
    if p is not None:
        print(f"pdfplumber  cell accuracy {p['accuracy']:.3f} ({p['matched']}/{p['cells']}), "
              f"extract_tables {p['sec_per_page'] * 1000:.1f} ms/page")
    for k, (h, n) in sorted(o["per_orientation"].items()):
        print(f"  {k.replace('_', ' '):38s} {h / n if n else 0:.3f} ({h}/{n})")
    for f, r in o["per_file"].items():
        print(f"  {f:40s} {r['matched']:3d}/{r['cells']:3d}  full load {r['load_seconds']:.2f} s")
    if s is not None:
        print(f"full load of {s['file']} ({s['pages']} pages): {s['load_seconds']:.2f} s "
              f"(without table stage {s['load_seconds_without_tables']:.2f} s; table stage ~{s['table_stage_seconds']:.2f} s, "
              f"{s['tables']} tables; CPU seconds; wall clock {s['wall_seconds']:.2f} s)")
    if "--misses" in sys.argv:
        for m in o["misses"]:
            print("  miss:", m)


if __name__ == "__main__":
    main()
