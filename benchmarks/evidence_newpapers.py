"""Is the evidence shown on the new papers about its topic?  (issue #13's measure on newpapers23)

For every paper with status gold in tests/data/gold/newpapers23/ this runs the whole analysis on its
PDF (../shared/newpapers/pdfs/, no supplements) and takes the quotes the checklist shows for each
non-missing, applicable topic: the first three, as benchmarks/relevance_accuracy.py and
scripts/relevance_shown.py count them. Each quote is looked up in the hand labels of
tests/data/relevance/new23/<paper>.jsonl (key: paper, topic, quote text; 'specific' / 'vague' = on
topic, 'off' = not) and the script prints, per split half (tune / blind by the builders' rule:
``int(sha1(id), 16) % 2 == 0`` -> tune) and overall:

* evidence precision: labelled shown quotes on topic / labelled shown quotes;
* first-quote precision: the first quote of each topic on topic / first quotes labelled;
* how many shown quotes carry no label (a label is needed before the figure counts them);
* the off quotes by kind (the label's `note`, its kind before the first ':').

The new23 labels are a measure only: they are not among the relevance training folders
(jupyter_review.nlp.relevance.TRAIN_LABEL_DIRS), and must not be added there.

    python benchmarks/evidence_newpapers.py                      # figures, every paper
    python benchmarks/evidence_newpapers.py --half tune -v       # tune half, every shown quote listed
    python benchmarks/evidence_newpapers.py --unlabelled OUT.jsonl   # shown quotes with no label yet,
        # with the sentences around them, file and page, for a person to label (then append the rows,
        # with `label` and for off quotes `note`, to tests/data/relevance/new23/<paper>.jsonl)
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))
sys.path.insert(0, str(ROOT / "scripts"))
from relevance_accuracy import _key  # noqa: E402  (the scorer's label key)

GOLD = ROOT / "tests" / "data" / "gold" / "newpapers23"
LABELS = ROOT / "tests" / "data" / "relevance" / "new23"
SHARED = ROOT.parent / "shared"
PDFS = "newpapers/pdfs"
SHOWN = 3


def half(paper: str) -> str:
    return "tune" if int(hashlib.sha1(paper.encode()).hexdigest(), 16) % 2 == 0 else "blind"


def load_labels(d: Path = LABELS) -> dict[tuple[str, str, str], dict]:
    out: dict[tuple[str, str, str], dict] = {}
    for f in sorted(d.glob("*.jsonl")) if d.is_dir() else []:
        for line in f.read_text(encoding="utf-8").splitlines():
            if line.strip():
                r = json.loads(line)
                if r.get("label") in ("specific", "vague", "off"):
                    for t in (r["text"], r.get("quote")):
                        if t:
                            out[(r["paper"], r["topic"], _key(t))] = r
    return out


def papers(gold: Path = GOLD) -> list[str]:
    import yaml

    out = []
    for f in sorted(gold.glob("*.yaml")):
        data = yaml.safe_load(f.read_text(encoding="utf-8"))
        if isinstance(data, dict) and "paper" in data and "topics" in data:
            out.append(Path(data["paper"]).stem)
    return out


def shown_quotes(name: str) -> list[dict]:
    """The quotes shown for the paper's non-missing topics, each with the sentences the engine read
    around it (scripts/relevance_shown.py's record of the judgement's input)."""
    from relevance_shown import dump

    _, rows = dump(name, [f"{PDFS}/{name}.pdf"], {}, {})
    for r in rows:  # the engine's link note, kept apart from a label's `note` (the kind of an off quote)
        r["link_note"] = r.pop("note", "")
    return rows


def kind_of(note: str) -> str:
    return (note or "unstated").split(":")[0].strip().lower()


def add_labels(src: Path, d: Path) -> int:
    known = load_labels(d)
    added: Counter = Counter()
    todo: list[dict] = []
    for line in src.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        r = json.loads(line)
        if r.get("label") not in ("specific", "vague", "off"):
            print(f"no label, left out: {r['paper']} {r['topic']}: {(r.get('quote') or r['text'])[:80]}")
            continue
        if r["label"] == "off" and not r.get("note"):
            print(
                f"off without a note (its kind): {r['paper']} {r['topic']}: {(r.get('quote') or r['text'])[:80]}"
            )
            return 1
        todo.append(r)
    d.mkdir(parents=True, exist_ok=True)
    for r in todo:
        k = (r["paper"], r["topic"], _key(r.get("quote") or r["text"]))
        if k in known:
            continue
        r = {**r, "sample": r.get("sample", "new23")}
        if r["label"] == "off":
            r["off_kind"] = kind_of(r["note"])
        with open(d / f"{r['paper']}.jsonl", "a", encoding="utf-8") as fh:
            fh.write(json.dumps(r, ensure_ascii=False) + "\n")
        known[k] = r
        added[r["paper"]] += 1
    print(f"added {sum(added.values())} labels: " + ", ".join(f"{p} {n}" for p, n in sorted(added.items())))
    return 0


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--half", choices=["tune", "blind", "all"], default="all")
    ap.add_argument("--only", action="append", default=[], help="a paper id (repeatable)")
    ap.add_argument(
        "--labels", default=str(LABELS), help="folder of the label files (default tests/data/relevance/new23)"
    )
    ap.add_argument(
        "--unlabelled", metavar="OUT", help="write the shown quotes with no label (JSON lines, with context)"
    )
    ap.add_argument("--dump", metavar="OUT", help="write every shown quote with its label (JSON lines)")
    ap.add_argument(
        "--add",
        metavar="LABELLED",
        help="append the labelled rows of a --unlabelled file (label and, for off, note filled in) to "
        "the label folder's <paper>.jsonl files, then stop (rows already labelled are skipped)",
    )
    ap.add_argument(
        "-v", "--verbose", action="store_true", help="list every shown quote with file/page and label"
    )
    a = ap.parse_args(argv)
    if not (SHARED / PDFS).is_dir():
        print(f"no {SHARED / PDFS}: nothing to measure")
        return 1
    if a.add:
        return add_labels(Path(a.add), Path(a.labels))
    labels = load_labels(Path(a.labels))
    todo = [p for p in papers() if (a.half == "all" or half(p) == a.half) and (not a.only or p in a.only)]
    stats: dict[str, Counter] = defaultdict(Counter)
    off_kinds: dict[str, Counter] = defaultdict(Counter)
    unlabelled: list[dict] = []
    dumped: list[dict] = []
    for p in todo:
        rows = shown_quotes(p)
        h = half(p)
        pc = Counter()
        if a.verbose:
            print(f"== {p} ({h})")
        for r in rows:
            shown = r.get("quote") or r["text"]
            lab = labels.get((p, r["topic"], _key(shown))) or labels.get((p, r["topic"], _key(r["text"])))
            label = lab["label"] if lab else None
            for k in (h, "all"):
                stats[k]["shown"] += 1
                if label is None:
                    stats[k]["unlabelled"] += 1
                    continue
                on = label != "off"
                stats[k]["labelled"] += 1
                stats[k]["on"] += on
                if r["rank"] == 0:
                    stats[k]["first"] += 1
                    stats[k]["first_on"] += on
                if not on:
                    off_kinds[k][kind_of(lab.get("note", ""))] += 1
            pc["shown"] += 1
            pc["on"] += label in ("specific", "vague")
            pc["labelled"] += label is not None
            if label is None:
                unlabelled.append({**r, "half": h, "label": None, "note": ""})
            if a.dump:
                dumped.append(
                    {
                        "paper": p,
                        "half": h,
                        "topic": r["topic"],
                        "rank": r["rank"],
                        "status": r["status_now"],
                        "file": r["file"],
                        "page": r["page"],
                        "label": label,
                        "note": (lab or {}).get("note", ""),
                        "text": shown,
                    }
                )
            if a.verbose:
                print(
                    f"  {r['topic']:28s} #{r['rank']} {r['status_now']:15s} {r['file']} p.{r['page']}  "
                    f"[{label or 'UNLABELLED'}] {shown[:150]}"
                )
        print(f"{p} ({h}): {pc['shown']} shown, {pc['labelled']} labelled, {pc['on']} on topic", flush=True)
    for k in ("tune", "blind", "all"):
        s = stats.get(k)
        if not s:
            continue
        print(
            f"{k:5s}: evidence precision {s['on']}/{s['labelled']} = {s['on'] / max(s['labelled'], 1):.3f}; "
            f"first-quote precision {s['first_on']}/{s['first']} = {s['first_on'] / max(s['first'], 1):.3f}; "
            f"{s['shown']} shown, {s['unlabelled']} unlabelled"
        )
        if off_kinds[k]:
            print("       off by kind: " + ", ".join(f"{n} {kd}" for kd, n in off_kinds[k].most_common()))
    if a.unlabelled:
        Path(a.unlabelled).write_text(
            "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in unlabelled), encoding="utf-8"
        )
        print(f"wrote {len(unlabelled)} unlabelled shown quotes to {a.unlabelled}")
    if a.dump:
        Path(a.dump).write_text(
            "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in dumped), encoding="utf-8"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
