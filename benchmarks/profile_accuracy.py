"""Does the paper profile say what a referee says the paper is?  (issue #15, item 1)

For every status gold file of a folder that carries a hand-read ``profile:`` block (the facts a
referee states about the paper, each with its page: tests/data/gold/newpapers23/ since session 23),
analyse the paper and compare the tool's profile traits with those facts:

    JR_CORPUS=../shared/corpus python benchmarks/profile_accuracy.py tests/data/gold/newpapers23 [--half tune|blind|all] [-v]

The gold facts map to the profile's traits as follows (a fact the yaml does not give is not scored):

    trains_model: yes/no        -> model (trains or releases a model of its own)
    model_kind: llm             -> llm   (also true for a paper that evaluates or builds data for LLMs, so
                                          only `llm` against a paper that trains none is a hard error;
                                          both directions are printed)
    releases_model: yes/no      -> releases_model
    releases_dataset: yes/no    -> dataset
    human_participants: yes/no  -> human_participants
    personal_data: yes/no       -> personal_data
    registrable_study: yes/no   -> registrable_study

``--half`` follows the folder's split rule: a paper is ``tune`` when
int(sha1(stem), 16) % 2 == 0, else ``blind`` (the rule the builders fixed before any run).
Prints one line per paper (each disagreeing trait with the tool's quote) and agreement per trait.
"""

from __future__ import annotations

import argparse
import hashlib
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from gap_accuracy import _gold_pdf, _yaml_load  # noqa: E402

FACTS = {
    "trains_model": "model",
    "model_kind": "llm",
    "releases_model": "releases_model",
    "releases_dataset": "dataset",
    "human_participants": "human_participants",
    "personal_data": "personal_data",
    "registrable_study": "registrable_study",
}


def half_of(stem: str) -> str:
    return "tune" if int(hashlib.sha1(stem.encode()).hexdigest(), 16) % 2 == 0 else "blind"


def _yes(value: Any) -> bool | None:
    """A fact's value: 'yes'/'no' (or a mapping whose `value`/first word says it); None if unstated."""
    if isinstance(value, dict):
        value = value.get("value", value.get("answer"))
    if isinstance(value, bool):
        return value
    if value is None:
        return None
    word = str(value).strip().lower().split()[0] if str(value).strip() else ""
    if word in {"yes", "true", "y"}:
        return True
    if word in {"no", "false", "n", "none"}:
        return False
    return None


def gold_facts(profile: dict[str, Any]) -> dict[str, bool]:
    out: dict[str, bool] = {}
    for fact, trait in FACTS.items():
        if fact not in profile:
            continue
        raw = profile[fact]
        if fact == "model_kind":
            kind = raw.get("value") if isinstance(raw, dict) else raw
            if kind is None:
                continue
            out[trait] = str(kind).strip().lower().startswith("llm")
            continue
        val = _yes(raw)
        if val is not None:
            out[trait] = val
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("gold_dir", type=Path)
    ap.add_argument("--half", choices=["tune", "blind", "all"], default="all")
    ap.add_argument("-v", "--verbose", action="store_true", help="print agreeing traits too")
    args = ap.parse_args(argv)

    import jupyter_review as jr

    files = [p for p in sorted(args.gold_dir.glob("*.yaml"))
             if args.half == "all" or half_of(p.stem) == args.half]
    agree: dict[str, list[int]] = {t: [0, 0] for t in FACTS.values()}
    papers = 0
    for path in files:
        data = _yaml_load(path)
        facts = gold_facts(data.get("profile") or {})
        if not facts:
            continue
        pdf = _gold_pdf(data["paper"])
        if not pdf.is_file():
            print(f"{path.stem}: {pdf} is missing, skipped")
            continue
        supplements = [_gold_pdf(s) for s in (data.get("supplements") or [])]
        analysis = jr.analyze(pdf, supplements=[s for s in supplements if s.is_file()])
        papers += 1
        lines = []
        for trait, want in facts.items():
            got_trait = analysis.profile.get(trait)
            got = bool(got_trait and got_trait.value)
            agree[trait][1] += 1
            ok = got == want
            agree[trait][0] += ok
            if ok and not args.verbose:
                continue
            quote = ""
            if got_trait and got_trait.evidence:
                quote = f"  p.{got_trait.evidence[0].page}: {got_trait.evidence[0].text[:110]!r}"
            lines.append(f"    {'ok ' if ok else 'BAD'} {trait}: gold {'yes' if want else 'no'}, "
                         f"tool {'yes' if got else 'no'}{quote}")
        print(f"{path.stem} ({half_of(path.stem)}): {sum(1 for t, w in facts.items() if bool(analysis.profile.get(t) and analysis.profile[t].value) == w)}/{len(facts)}")
        for line in lines:
            print(line)
    print(f"\n{papers} papers ({args.half})")
    total = [0, 0]
    for trait, (ok, n) in agree.items():
        if n:
            print(f"  {trait:20s} {ok}/{n}")
            total[0] += ok
            total[1] += n
    if total[1]:
        print(f"  {'all':20s} {total[0]}/{total[1]} = {total[0] / total[1]:.3f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
