"""Does the checklist fit the paper?  For each corpus paper that is not an LLM report, print its
profile (each trait with its confidence and one quote) and every major gap the checklist raises,
so that each gap can be read and judged defensible: a gap whose item cannot apply to such a
paper (safety testing of a stock forecaster, responsibility for a toolkit's "model outputs") is
the failure this measures.

    python benchmarks/applicability.py                 # every non-LLM corpus paper
    python benchmarks/applicability.py --only papermage --only stockmixer-main
    python benchmarks/applicability.py --all           # LLM reports too
    python benchmarks/applicability.py --set texbench  # the 23 texbench ML papers (their own gold file)
        # halves: the `# held-out:` header of applicability_gold_texbench.tsv (23 ids by sha1, odd positions,
        # fixed 3fc34a2 before any verdict or applicability fix). texbench_split.json (seed 14) is the
        # tables/figures split and is NOT read here: its tune/blind halves are not applicability's.
    python benchmarks/applicability.py --set s17 --half tune   # session 17's papers judged on every major topic
    python benchmarks/applicability.py --set s18 --half tune   # session 18's: reviews, user studies, clinical, tools, data
    python benchmarks/applicability.py --set s19 --half tune   # session 19's: theory, optimisation, simulation, software, survey
    python benchmarks/applicability.py --set s20 --half tune   # session 20's: papers with no full judgement (model, datasheet, data)
    python benchmarks/applicability.py --skip citrees ...      # never analyse these (papers blind for another measure)

Prints per paper: profile line, quotes of the "yes" traits, major gaps (status, topic, items)
with the first quote or reason, and the not-applicable topics with the trait that rules them out.
At the end: papers, major gaps, and major gaps of topics that need an LLM (`llm` in
`applies_profile`), which must be 0 on papers whose profile has no LLM.

Each major gap is looked up in the hand-read verdicts of ``benchmarks/data/applicability_gold.tsv``
(paper, topic, verdict, page, quote, why; read as a referee from the PDF pages): ``defensible``
(the item applies and the paper lacks it), ``wrong-applicability`` (the item cannot apply to
such a paper), ``wrong-status`` (the paper does disclose it) or ``minor`` (the item applies and
the paper lacks it, but the gap is a minor one for such a paper: raised major, its severity is wrong).  The defensible share is printed
for the tuning papers and, separately, for the held-out papers named in the file's header
(chosen before any gap was read; never used to decide a fix).  A gap with no verdict is
``unread``; a defensible gap of the file that is no longer raised is listed as lost.
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

SKIP = {"transgpn-main-v1.pdf"}  # an earlier revision of transgpn-main
GOLD = ROOT / "benchmarks" / "data" / "applicability_gold.tsv"
TEXBENCH = Path(os.environ.get("JR_TEXBENCH", ROOT.parent / "shared" / "texbench"))
GOLD_TEXBENCH = ROOT / "benchmarks" / "data" / "applicability_gold_texbench.tsv"
# session 17: papers of both sets judged on every major topic (`# source: stem=corpus|texbench, ...`)
GOLD_S17 = ROOT / "benchmarks" / "data" / "applicability_gold_s17.tsv"
# session 18: papers of paper types the older sets have few of, judged on every major topic (same format)
GOLD_S18 = ROOT / "benchmarks" / "data" / "applicability_gold_s18.tsv"
# session 19: theory, optimisation on test functions, simulation-style studies, software, a survey (same format)
GOLD_S19 = ROOT / "benchmarks" / "data" / "applicability_gold_s19.tsv"
# session 20 (wt26e): corpus and texbench-tune papers with no full judgement in s17-s19 (same format)
GOLD_S20 = ROOT / "benchmarks" / "data" / "applicability_gold_s20.tsv"
MIXED = {"s17": GOLD_S17, "s18": GOLD_S18, "s19": GOLD_S19, "s20": GOLD_S20}


def read_profiles(path: Path = GOLD) -> dict[str, dict[str, bool]]:
    """Profile facts read by hand (comment lines `# profile: stem: model=1 llm=0 ...`), by paper stem."""
    out: dict[str, dict[str, bool]] = {}
    if not path.is_file():
        return out
    for ln in path.read_text(encoding="utf-8").splitlines():
        if ln.startswith("# profile:") and ln.count(":") >= 2:
            _, stem, facts = (x.strip() for x in ln.split(":", 2))
            out[stem] = {k: v.strip() == "1" for k, v in (f.split("=", 1) for f in facts.split() if "=" in f)}
    return out


def read_gold(path: Path = GOLD) -> tuple[dict[tuple[str, str], dict[str, str]], set[str]]:
    """Verdicts by (paper stem, topic) and the held-out paper stems (header lines `# held-out: a, b`)."""
    verdicts: dict[tuple[str, str], dict[str, str]] = {}
    held: set[str] = set()
    if not path.is_file():
        return verdicts, held
    lines = path.read_text(encoding="utf-8").splitlines()
    for ln in lines:
        if ln.startswith("# held-out:"):
            held |= {x.strip() for x in ln.split(":", 1)[1].split(",") if x.strip()}
    rows = [ln for ln in lines if ln.strip() and not ln.startswith("#")]
    for r in csv.DictReader(rows, delimiter="\t"):
        verdicts[(r["paper"], r["topic"])] = r
    return verdicts, held


def corpus_papers() -> list[dict[str, str]]:
    """The corpus's manuscripts, each with its supplements paired as the screening pairs a folder
    (file-name convention: "x-main.pdf" + "x-supplement.pdf", "x-checklist.pdf", "x-datasheet.pdf";
    a supplement-like file with no main of its name is a manuscript of its own)."""
    from jupyter_review.screen import _pair_directory

    rows = list(csv.DictReader((CORPUS / "MANIFEST.tsv").open(encoding="utf-8"), delimiter="\t"))
    by_file = {r["file"]: r for r in rows if r["role"] != "edge" and r["file"] not in SKIP}
    out = []
    for main, supps in _pair_directory([CORPUS / f for f in by_file]):
        out.append(dict(by_file[main.name], supplements=";".join(s.name for s in supps)))
    return out


def texbench_papers() -> list[dict[str, str]]:
    """The texbench PDFs as manifest-like rows (file, title = id); no supplements."""
    return [{"file": p.name, "title": p.stem, "supplements": ""} for p in sorted((TEXBENCH / "pdfs").glob("*.pdf"))]


def read_sources(path: Path) -> dict[str, str]:
    """Which set each paper of a mixed gold file comes from (header `# source: stem=corpus, stem=texbench`)."""
    out: dict[str, str] = {}
    for ln in path.read_text(encoding="utf-8").splitlines() if path.is_file() else []:
        if ln.startswith("# source:"):
            for x in ln.split(":", 1)[1].split(","):
                if "=" in x:
                    stem, src = (y.strip() for y in x.split("=", 1))
                    out[stem] = src
    return out


def mixed_papers(path: Path = GOLD_S17) -> list[dict[str, str]]:
    """The papers of a mixed gold file as manifest-like rows, each with the folder it is read from
    (corpus papers with their supplements paired as the screening pairs them)."""
    src = read_sources(path)
    corpus = {r["file"][:-4]: r for r in corpus_papers()} if "corpus" in src.values() else {}
    out = []
    for stem, where in src.items():
        if where == "corpus" and stem in corpus:
            out.append(dict(corpus[stem], base=str(CORPUS)))
        elif where == "texbench":
            out.append({"file": stem + ".pdf", "title": stem, "supplements": "", "base": str(TEXBENCH / "pdfs")})
    return out


def _short(text: str, n: int = 130) -> str:
    t = " ".join(str(text).split())
    return t if len(t) <= n else t[: n - 3] + "..."


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--only", action="append", default=[], help="paper stem(s) (repeatable)")
    ap.add_argument("--skip", action="append", default=[],
                    help="paper stem(s) never analysed (repeatable; e.g. papers blind for another measure this session)")
    ap.add_argument("--all", action="store_true", help="LLM reports too")
    ap.add_argument("--set", choices=("corpus", "texbench", "s17", "s18", "s19", "s20"), default="corpus",
                    help="which papers: the corpus (default), the texbench PDFs (gold and halves: applicability_gold_texbench.tsv's "
                         "header, not texbench_split.json), or the sets judged on every major topic "
                         "(applicability_gold_s17.tsv ... _s20.tsv)")
    ap.add_argument("--half", choices=("all", "tune", "held-out"), default="all",
                    help="only the tuning papers or only the held-out papers of the gold file (read the held-out once, at the end)")
    args = ap.parse_args(argv)
    if args.set == "texbench":
        base, papers, gold = TEXBENCH / "pdfs", texbench_papers, GOLD_TEXBENCH
        if not base.is_dir():
            print(f"no texbench at {TEXBENCH} (set JR_TEXBENCH)")
            return 2
    elif args.set in MIXED:
        gold = MIXED[args.set]
        base, papers = CORPUS, (lambda: mixed_papers(gold))
        if not (CORPUS / "MANIFEST.tsv").is_file() or not (TEXBENCH / "pdfs").is_dir():
            print(f"no corpus at {CORPUS} or no texbench at {TEXBENCH} (set JR_CORPUS, JR_TEXBENCH)")
            return 2
    else:
        base, papers, gold = CORPUS, corpus_papers, GOLD
        if not (CORPUS / "MANIFEST.tsv").is_file():
            print(f"no corpus at {CORPUS} (set JR_CORPUS)")
            return 2
    import jupyter_review as jr
    from jupyter_review.checklist.engine import detectors
    from jupyter_review.checklist.profile import TRAITS, holds, profile_line
    from jupyter_review.model import ProfileTrait

    # a topic needs an LLM when its profile condition holds on a paper that is everything (and not a
    # narrative review, the one trait that takes topics away) and fails once the LLM is taken away
    def _prof(llm: bool) -> dict:
        return {k: ProfileTrait(name=k, value=(k != "review") and (llm or k != "llm"), confidence=1.0) for k in TRAITS}
    llm_topics = {tid for tid, d in detectors().items()
                  if d.applies_profile and holds(d.applies_profile, _prof(True)) and not holds(d.applies_profile, _prof(False))}
    n_papers = n_major = n_llm_major = 0
    verdicts, held = read_gold(gold)
    profiles = read_profiles(gold)
    judged = {p for p, _ in verdicts}
    trait_tally = {"tune": [0, 0], "held-out": [0, 0]}  # half -> [agreeing traits, traits read]
    tally = {"tune": {}, "held-out": {}}  # half -> verdict -> count
    raised: set[tuple[str, str]] = set()
    seen_papers: set[str] = set()
    for r in papers():
        stem = r["file"][:-4]
        if (args.only and stem not in args.only) or stem in args.skip:
            continue
        if args.half != "all" and (stem in held) != (args.half == "held-out"):
            continue
        t0 = time.perf_counter()
        where = Path(r.get("base", base))
        supps = [where / x for x in r["supplements"].split(";") if x]
        a = jr.analyze(where / r["file"], supps)
        secs = time.perf_counter() - t0
        # an LLM report is skipped unless asked for, or unless the hand-read file judges it
        if a.profile["llm"].value and not args.all and stem not in judged:
            print(f"== {r['file']}: LLM paper, skipped (profile: {profile_line(a.profile)})\n")
            continue
        n_papers += 1
        seen_papers.add(stem)
        half = "held-out" if stem in held else "tune"
        print(f"== {r['file']}" + (f" + {', '.join(x.name for x in supps)}" if supps else "")
              + f"  ({_short(r['title'], 90)}; {secs:.1f} s)")
        print(f"   profile: {profile_line(a.profile)}")
        if stem in profiles:
            wrong = [f"{k}={'yes' if v else 'no'} (tool {'yes' if a.profile[k].value else 'no'})"
                     for k, v in profiles[stem].items() if k in a.profile and bool(a.profile[k].value) != v]
            trait_tally[half][0] += sum(1 for k, v in profiles[stem].items() if k in a.profile and bool(a.profile[k].value) == v)
            trait_tally[half][1] += sum(1 for k in profiles[stem] if k in a.profile)
            print(f"   profile as read by hand: {'agrees' if not wrong else 'differs: ' + ', '.join(wrong)}")
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
            v = verdicts.get((stem, t.topic), {}).get("verdict", "unread")
            raised.add((stem, t.topic))
            tally[half][v] = tally[half].get(v, 0) + 1
            flag += f"  [{v}]"
            quote = f"p. {t.evidence[0].page} \u201c{_short(t.evidence[0].text, 100)}\u201d" if t.evidence else _short(t.reason, 120)
            print(f"     [{t.status}] {t.topic}{flag}: {quote}  (items: {', '.join(items.get(t.topic, [])[:3])})")
        na = [t for t in a.topics.values() if t.status == "not_applicable" and "profile:" in t.reason]
        if na:
            print(f"   not applicable by the profile: {', '.join(t.topic for t in na)}")
        print()
    print(f"papers {n_papers}, major gaps {n_major}, major gaps of LLM-only topics on papers without an LLM {n_llm_major}")
    if verdicts:
        lost = sorted(k for k, v in verdicts.items()
                      if v["verdict"] == "defensible" and k[0] in seen_papers and k not in raised)
        for half in ("tune", "held-out"):
            c = tally[half]
            n = sum(c.values())
            share = c.get("defensible", 0) / n if n else 1.0
            detail = ", ".join(f"{k} {c[k]}" for k in sorted(c))
            print(f"{half:8s}: defensible {c.get('defensible', 0)}/{n} = {share:.3f}  ({detail or 'no major gaps'})")
        for half in ("tune", "held-out"):
            ok, n = trait_tally[half]
            if n:
                print(f"{half:8s}: profile traits as read by hand {ok}/{n} = {ok / n:.3f}")
            lost_half = [k for k in lost if (k[0] in held) == (half == "held-out")]
            print(f"{half:8s}: defensible gaps not raised (missed) {len(lost_half)}")
        print(f"defensible gaps of the hand-read file no longer raised: {len(lost)}"
              + (f" ({', '.join(f'{p}:{t}' for p, t in lost)})" if lost else ""))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
