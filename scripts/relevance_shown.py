"""The quotes the checklist shows on the training papers that carry no label yet, for labelling.

For each training paper of tests/data/relevance/split.tsv this runs the whole analysis with the
shipped judgement and lists the quotes shown for every non-missing topic (the first three, as
benchmarks/relevance_accuracy.py scores them). A quote with no label in tests/data/relevance/labels/
(same paper, topic and text) is written with the judgement's own input fields, recorded as the
engine passed them (text, link note, section, kind, why, the sentences before and after), so that
a label of it trains on what the engine reads, plus its file and page for reading it in context.
A quote labelled in labels/, topup_labels/, shown_s20/ or shown_s22/ counts as labelled. Labels kept apart in
earlier sessions (shown_s18/, active_s13_labelled/, referee_s14/) are copied
onto the rows they match, with where they came from; the rest are left for a person to read.
Blind papers are never read here.

    python scripts/relevance_shown.py OUTDIR [--only NAME]
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
SHARED = ROOT.parent / "shared"
REL = ROOT / "tests" / "data" / "relevance"
SHOWN = 3
sys.path.insert(0, str(ROOT / "benchmarks"))
from relevance_accuracy import _key  # noqa: E402  (a shown quote's label key, as the scorer reads it)


def _labels(dirs: list[str]) -> dict[tuple[str, str, str], tuple[str, str]]:
    out: dict[tuple[str, str, str], tuple[str, str]] = {}
    for d in dirs:
        for f in sorted((REL / d).glob("*.jsonl")):
            for line in f.read_text(encoding="utf-8").splitlines():
                if line.strip():
                    r = json.loads(line)
                    if r.get("label") in ("specific", "vague", "off"):
                        for t in (r["text"], r.get("quote")):  # a form answer: also the quote as shown
                            if t:
                                out.setdefault((r["paper"], r["topic"], _key(t)), (r["label"], d))
    return out


def dump(name: str, files: list[str], known: dict, apart: dict) -> tuple[list[dict], list[dict]]:
    import jupyter_review as jr
    from jupyter_review.nlp import relevance as rel

    seen: dict[tuple[str, str], dict] = {}
    real = rel.candidate_words

    def spy(topic, text, note="", section_kind="", role="main", kind="sentence", why="", section="", prev="",
            nxt=""):
        seen[(topic, _key(text))] = {"text": " ".join(text.split()), "note": note, "section_kind": section_kind,
                                     "role": role, "kind": kind, "why": why, "section": section,
                                     "prev": prev, "next": nxt}
        return real(topic, text, note, section_kind, role, kind, why, section, prev, nxt)

    rel.candidate_words = spy
    try:
        an = jr.analyze(*[str(SHARED / f) for f in files[:1]], [str(SHARED / f) for f in files[1:]])
    finally:
        rel.candidate_words = real
    shown, todo = [], []
    for tid, res in sorted(an.topics.items()):
        if res.status in ("missing", "not_applicable"):
            continue
        for i, e in enumerate([e for e in res.evidence if e.doc >= 0][:SHOWN]):
            k = _key(e.text)
            lab = known.get((name, tid, k))
            shown.append({"paper": name, "topic": tid, "rank": i, "status": res.status, "label": lab,
                          "relevance": e.relevance, "page": e.page, "text": e.text})
            if lab is not None:
                continue
            inp = seen.get((tid, k))
            if inp is None:  # the engine judged it with a prefix (a form's question, a heading)
                inp = next((v for (t, kk), v in seen.items() if t == tid and k[:150] in kk), None)
            row = {"paper": name, "topic": tid, "file": e.file, "page": e.page, "rank": i, "status_now": res.status,
                   "relevance": e.relevance}
            if inp is None:  # not judged (the lexicons alone decide): the quote as shown
                row.update({"text": " ".join(e.text.split()), "note": "", "section_kind": "", "role": e.role,
                            "kind": "sentence", "why": "", "section": e.section, "prev": "", "next": "",
                            "judged": False})
            else:
                row.update(inp)
                row["judged"] = True
                if _key(row["text"]) != k:  # judged with a prefix: the quote as shown, which the scorer matches
                    row["quote"] = " ".join(e.text.split())
            old = apart.get((name, tid, k))
            if old:
                row["label"], row["reason"] = old[0], f"label of {old[1]}/ (read by hand then)"
            todo.append(row)
    return shown, todo


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("outdir")
    ap.add_argument("--only")
    a = ap.parse_args()
    out = Path(a.outdir)
    out.mkdir(parents=True, exist_ok=True)
    # every folder the scorer reads counts as labelled (shown_s20/ since session 22)
    known = {k: v[0] for k, v in _labels(["labels", "topup_labels", "shown_s20", "shown_s22"]).items()}
    apart = _labels(["shown_s18", "active_s13_labelled", "referee_s14"])
    allshown = []
    for line in (REL / "split.tsv").read_text(encoding="utf-8").splitlines()[1:]:
        name, files, set_, _ = line.split("\t")
        if set_ != "train" or (a.only and name != a.only):
            continue
        shown, todo = dump(name, files.split(), known, apart)
        allshown += shown
        with open(out / f"{name}.jsonl", "w", encoding="utf-8") as fh:
            for r in todo:
                fh.write(json.dumps(r, ensure_ascii=False) + "\n")
        print(f"{name}: {len(shown)} shown, {len(todo)} without a label "
              f"({sum(1 for r in todo if 'label' in r)} labelled apart before)", flush=True)
    (out / "_shown.json").write_text(json.dumps(allshown, ensure_ascii=False), encoding="utf-8")


if __name__ == "__main__":
    main()
