"""Does the checklist fit the paper?  For each corpus paper that is not an LLM report, print its
profile (each trait with its confidence and one quote) and every major gap the checklist raises,
so that each gap can be read and judged defensible: a gap whose item cannot apply to such a
paper (safety testing of a stock forecaster, responsibility for a toolkit's "model outputs") is
the failure this measures.

    python benchmarks/applicability.py                 # every non-LLM corpus paper
    python benchmarks/applicability.py --only papermage --only stockmixer-main
    python benchmarks/applicability.py --all           # LLM reports too

Prints per paper: profile line, quotes of the "yes" traits, major gaps (status, topic, items)
with the first quote or reason, and the not-applicable topics with the trait that rules them out.
At the end: papers, major gaps, and major gaps of topics that need an LLM (`llm` in
`applies_profile`), which must be 0 on papers whose profile has no LLM.
"""

from __future__ import annotations

import argparse
import csv
import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
CORPUS = Path(os.environ.get("JR_CORPUS", ROOT.parent / "shared" / "corpus"))

# separate supplement files of corpus papers (MANIFEST: role supplement)
SUPPLEMENTS = {
    "clse-main.pdf": ["clse-datasheet.pdf"], "dean-main.pdf": ["dean-supplement.pdf"],
    "stockmixer-main.pdf": ["stockmixer-supplement.pdf"], "transgpn-main.pdf": ["transgpn-supplement.pdf"],
    "crisprverse-main.pdf": ["crisprverse-supplement.pdf"], "medheval-main.pdf": ["medheval-appendix.pdf"],
}
SKIP = {"transgpn-main-v1.pdf"}  # an earlier revision of transgpn-main


def corpus_papers() -> list[dict[str, str]]:
    rows = list(csv.DictReader((CORPUS / "MANIFEST.tsv").open(encoding="utf-8"), delimiter="\t"))
    out = []
    for r in rows:
        if r["role"] == "edge" or r["file"] in SKIP:
            continue
        # a standalone datasheet is a paper of its own; a paired supplement is read with its paper
        if r["role"] == "supplement" and r["file"] in {s for v in SUPPLEMENTS.values() for s in v}:
            continue
        out.append(r)
    return out


def _short(text: str, n: int = 130) -> str:
    t = " ".join(str(text).split())
    return t if len(t) <= n else t[: n - 3] + "..."


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--only", action="append", default=[], help="paper stem(s) (repeatable)")
    ap.add_argument("--all", action="store_true", help="LLM reports too")
    args = ap.parse_args(argv)
    if not (CORPUS / "MANIFEST.tsv").is_file():
        print(f"no corpus at {CORPUS} (set JR_CORPUS)")
        return 2
    import jupyter_review as jr
    from jupyter_review.checklist.engine import detectors
    from jupyter_review.checklist.profile import TRAITS, holds, profile_line
    from jupyter_review.model import ProfileTrait

    # a topic needs an LLM when its profile condition fails on a paper that is everything but an LLM paper
    everything_but_llm = {k: ProfileTrait(name=k, value=(k != "llm"), confidence=1.0) for k in TRAITS}
    llm_topics = {tid for tid, d in detectors().items()
                  if d.applies_profile and not holds(d.applies_profile, everything_but_llm)}
    n_papers = n_major = n_llm_major = 0
    for r in corpus_papers():
        stem = r["file"][:-4]
        if args.only and stem not in args.only:
            continue
        t0 = time.perf_counter()
        a = jr.analyze(CORPUS / r["file"], [CORPUS / s for s in SUPPLEMENTS.get(r["file"], [])])
        secs = time.perf_counter() - t0
        if a.profile["llm"].value and not args.all:
            print(f"== {r['file']}: LLM paper, skipped (profile: {profile_line(a.profile)})\n")
            continue
        n_papers += 1
        print(f"== {r['file']}  ({_short(r['title'], 90)}; {secs:.1f} s)")
        print(f"   profile: {profile_line(a.profile)}")
        for name, t in a.profile.items():
            if t.value and t.evidence:
                e = t.evidence[0]
                print(f"     {name} ({t.confidence:.2f}): p. {e.page} \u201c{_short(e.text, 110)}\u201d")
        majors = [t for t in a.topics.values() if t.severity == "major" and t.status in ("missing", "vague", "supplement_only")]
        items = {}
        for c in a.checklist:
            if c.status in ("missing", "vague", "supplement_only"):
                for tid in c.topic.split(","):
                    items.setdefault(tid, []).append(f"{c.framework}:{c.item}")
        print(f"   major gaps: {len(majors)}")
        for t in majors:
            n_major += 1
            flag = ""
            if t.topic in llm_topics and not a.profile["llm"].value:
                n_llm_major += 1
                flag = "  <-- needs an LLM, the profile has none"
            quote = f"p. {t.evidence[0].page} \u201c{_short(t.evidence[0].text, 100)}\u201d" if t.evidence else _short(t.reason, 120)
            print(f"     [{t.status}] {t.topic}{flag}: {quote}  (items: {', '.join(items.get(t.topic, [])[:3])})")
        na = [t for t in a.topics.values() if t.status == "not_applicable" and "profile:" in t.reason]
        if na:
            print(f"   not applicable by the profile: {', '.join(t.topic for t in na)}")
        print()
    print(f"papers {n_papers}, major gaps {n_major}, major gaps of LLM-only topics on papers without an LLM {n_llm_major}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
