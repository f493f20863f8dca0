"""Figure text in sentences: axis ticks, axis titles, legends and diagram labels that run into
the sentences the checklist quotes (issue 13, kind "figure labels used as evidence").

Per paper it prints the body sentences and their words, and two counts of suspect sentences,
measured on the page's own drawing (independently of how ingest sets figure text apart):

- ``in_fig``: sentences with a line whose centre lies inside a graphic region of its page, a
  raster image (``get_image_info``) or a cluster of vector drawings (``cluster_drawings``) at
  least 40 x 30 pt, minus the regions of the tables ingest found (tables are drawn too; shaded
  text boxes are drawn as well, so this count over-approximates: read ``--show``);
- ``ticky``: sentences with four or more tick-like tokens in a row (numbers with an optional
  unit or scale suffix: "0k 30k 60k 90k", "0.2 0.4 0.6 0.8"; table rows leaking into text count too).

``--save DIR`` writes each paper's sentences; ``--compare DIR`` then lists, per paper, the words
that were in the saved sentences and are no longer in any sentence (what a change dropped), and
the words that are new, so that a before -> after can be read by hand.

    .venv/bin/python benchmarks/figure_text.py [--papers a,b] [--set train|tune|blind] [--show]
        [--save DIR | --compare DIR]

Default papers: relevance ``set=train`` papers of tests/data/relevance/split.tsv plus the texbench
``tune`` papers that are not relevance-blind (the tuning set of this fix).

Session 13 (figure text set apart, wt19b), before -> after: tuning set (37 papers) sentences
14,590 -> 14,081, words 228,804 -> 227,192, in_fig 1,801 -> 1,326, ticky 216 -> 183, no new words;
relevance-blind papers (``--set blind``, 20 papers, read once) sentences 8,154 -> 7,756, words
134,245 -> 133,298, in_fig 843 -> 476, ticky 66 -> 44, no new words. What remains is mostly on
pages the speed budget leaves alone (dense plots, over 400 kB of drawing code) and tables.

Session 14 (wt20d, tick runs told from the text alone, ``layout.mark_tick_runs``, on every page):
tuning set sentences 13,972 -> 13,956, words 226,850 -> 226,759, in_fig 1,228 -> 1,213, ticky
181 -> 172, no new words; every word lost is a tick or an axis title (read with ``--show``).
"""

from __future__ import annotations

import argparse
import csv
import json
import re
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import pymupdf  # noqa: E402

from jupyter_review.ingest.pdf import load_document  # noqa: E402

SHARED = ROOT.parent / "shared"
_TICK = re.compile(r"^[-+\u2212(]?(?:\d+(?:[.,]\d+)?|\.\d+)(?:[kKMBG%x\u00d7]|e[-+\u2212]?\d+)?\)?$|^10[-\u2212]?\d{1,2}$")


def papers(which: str) -> list[tuple[str, list[Path]]]:
    rows = list(csv.DictReader(open(ROOT / "tests/data/relevance/split.tsv"), delimiter="\t"))
    split = json.loads((ROOT / "benchmarks/data/texbench_split.json").read_text())
    rel = {r["paper"]: r for r in rows}
    out: dict[str, list[Path]] = {}
    if which in ("train", "default"):
        for r in rows:
            if r["set"] == "train":
                out[r["paper"]] = [SHARED / f for f in r["files"].split()]
    if which in ("tune", "default"):
        for pid in split["tune"]:
            if which == "default" and rel.get(pid, {}).get("set") == "blind":
                continue
            out[pid] = [SHARED / "texbench/pdfs" / f"{pid}.pdf"]
    if which == "blind":
        for r in rows:
            if r["set"] == "blind":
                out[r["paper"]] = [SHARED / f for f in r["files"].split()]
    return sorted(out.items())


def regions(path: Path, tables: dict[int, list[tuple]]) -> dict[int, list[tuple]]:
    out: dict[int, list[tuple]] = {}
    with pymupdf.open(str(path)) as d:
        for pg in d:
            rs = []
            try:
                for im in pg.get_image_info():
                    x0, y0, x1, y1 = im["bbox"]
                    if x1 - x0 >= 20 and y1 - y0 >= 20:
                        rs.append((x0, y0, x1, y1))
                dr = pg.get_drawings()
                if len(dr) <= 20000:
                    for r in pg.cluster_drawings(drawings=dr):
                        if r.width >= 40 and r.height >= 30:
                            rs.append(tuple(r))
            except Exception:
                continue
            keep = []
            for r in rs:
                area = max(1.0, (r[2] - r[0]) * (r[3] - r[1]))
                cover = sum(max(0, min(r[2], t[2]) - max(r[0], t[0])) * max(0, min(r[3], t[3]) - max(r[1], t[1]))
                            for t in tables.get(pg.number + 1, []))
                if cover < 0.5 * area:
                    keep.append(r)
            if keep:
                out[pg.number + 1] = keep
    return out


def _inside(bb, rs) -> bool:
    cx, cy = (bb[0] + bb[2]) / 2, (bb[1] + bb[3]) / 2
    return any(r[0] <= cx <= r[2] and r[1] <= cy <= r[3] for r in rs)


def ticky_run(text: str) -> bool:
    """Four or more tick-like tokens in a row ("0k 30k 60k 90k", "0.2 0.4 0.6 0.8")."""
    run = 0
    for t in text.split():
        run = run + 1 if _TICK.match(t) else 0
        if run >= 4:
            return True
    return False


def one(pid: str, files: list[Path]) -> dict:
    doc = load_document(files[0], files[1:])
    regs = []
    for k, f in enumerate(files):
        tabs: dict[int, list[tuple]] = {}
        for t in doc.raw_tables:
            if t.doc == k:
                tabs.setdefault(t.page, []).append(tuple(t.bbox))
        regs.append(regions(f, tabs))
    sents = []
    in_fig = ticky = 0
    flagged = []
    for s in doc.sentences:
        rs = regs[s.doc].get(s.page, [])
        f = any(_inside(b.bbox, regs[s.doc].get(b.page, [])) for b in s.boxes) if rs or len({b.page for b in s.boxes}) > 1 else False
        t = ticky_run(s.text)
        in_fig += f
        ticky += t
        if f or t:
            flagged.append({"page": s.page, "fig": f, "tick": t, "text": s.text})
        sents.append({"doc": s.doc, "page": s.page, "text": s.text})
    words = sum(len(s["text"].split()) for s in sents)
    return {"paper": pid, "sentences": len(sents), "words": words, "in_fig": in_fig, "ticky": ticky,
            "flagged": flagged, "all": sents}


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--papers", help="comma-separated paper ids (of split.tsv or texbench)")
    ap.add_argument("--set", default="default", choices=["default", "train", "tune", "blind"])
    ap.add_argument("--show", action="store_true", help="print the flagged sentences")
    ap.add_argument("--save", help="write each paper's sentences to DIR/<paper>.json")
    ap.add_argument("--compare", help="compare with sentences saved by --save in DIR")
    a = ap.parse_args()
    todo = papers("default" if a.papers else a.set)
    if a.papers:
        want = a.papers.split(",")
        allp = dict(papers("train") + papers("tune") + papers("blind"))
        todo = [(p, allp[p] if p in allp else [SHARED / "texbench/pdfs" / f"{p}.pdf"]) for p in want]
    tot = Counter()
    print(f"{'paper':28s} {'sents':>6s} {'words':>7s} {'in_fig':>6s} {'ticky':>6s}")
    for pid, files in todo:
        r = one(pid, files)
        for k in ("sentences", "words", "in_fig", "ticky"):
            tot[k] += r[k]
        extra = ""
        if a.compare:
            old = json.loads((Path(a.compare) / f"{pid}.json").read_text())
            before = Counter(w for s in old["all"] for w in s["text"].split())
            after = Counter(w for s in r["all"] for w in s["text"].split())
            lost, new = before - after, after - before
            extra = (f"   before {old['sentences']} sents {old['words']} words, in_fig {old['in_fig']} ticky {old['ticky']};"
                     f" lost {sum(lost.values())} words, new {sum(new.values())}")
            tot["b_sentences"] += old["sentences"]
            tot["b_words"] += old["words"]
            tot["b_in_fig"] += old["in_fig"]
            tot["b_ticky"] += old["ticky"]
        print(f"{pid:28s} {r['sentences']:6d} {r['words']:7d} {r['in_fig']:6d} {r['ticky']:6d}{extra}", flush=True)
        if a.compare and a.show:
            oldset = {(s["page"], s["text"]) for s in old["all"]}
            newset = {(s["page"], s["text"]) for s in r["all"]}
            for pg, t in sorted(oldset - newset):
                print(f"    - p.{pg}: {t[:300]}")
            for pg, t in sorted(newset - oldset):
                print(f"    + p.{pg}: {t[:300]}")
        elif a.show:
            for f in r["flagged"]:
                print(f"    p.{f['page']} {'F' if f['fig'] else '-'}{'T' if f['tick'] else '-'} {f['text'][:240]}")
        if a.save:
            Path(a.save).mkdir(parents=True, exist_ok=True)
            (Path(a.save) / f"{pid}.json").write_text(json.dumps({k: v for k, v in r.items()}))
    print(f"{'TOTAL':28s} {tot['sentences']:6d} {tot['words']:7d} {tot['in_fig']:6d} {tot['ticky']:6d}")
    if a.compare:
        print(f"{'TOTAL before':28s} {tot['b_sentences']:6d} {tot['b_words']:7d} {tot['b_in_fig']:6d} {tot['b_ticky']:6d}")


if __name__ == "__main__":
    main()
