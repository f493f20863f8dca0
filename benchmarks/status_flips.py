"""What a change to the status decision does on the development gold batches, status by status.

Each paper of the given gold batches is analysed once with the shipped code; the status decision
(``engine._finish``) is then re-run on the same judged hits with some engine knobs set otherwise
(``--set NAME=VALUE``), and every topic whose status flips is printed with its gold status, the
sentence the shipped status rested on, and whether the flip gains, loses or is neutral (both
statuses wrong). Exact status accuracy shipped -> variant per batch closes the report. Cheaper and
more telling than two ``gap_accuracy.py`` runs: the judged hits are identical on both sides.

    python benchmarks/status_flips.py --set VAGUE_MENTION_NEEDS=0.6            # all nine batches
    python benchmarks/status_flips.py --batch topics --batch heldout --set VAGUE_NEEDS=sure
    python benchmarks/status_flips.py --cache /tmp/hits.pkl --set ...          # reuse the analyses

Use it on development batches; a held-out set read with it is no longer held out.
"""

from __future__ import annotations

import argparse
import pickle
import sys
from collections import Counter
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from gap_accuracy import load_gold  # noqa: E402

BATCHES = ("topics", "heldout", "fresh", "fresh2", "fresh3", "fresh4", "fresh5", "fresh6", "fresh7")


def collect(batches: list[str]) -> dict[str, list[tuple[dict[str, Any], tuple]]]:
    """batch -> [(gold case, the arguments of ``engine._finish`` for its paper)]."""
    import jupyter_review as jr
    from jupyter_review.checklist import engine

    stash: dict[str, tuple] = {}
    orig = engine._finish

    def grab(analysis, results, collected, has_supp, main_units=None):
        stash["x"] = (analysis, dict(results), collected, has_supp, main_units)
        return orig(analysis, results, collected, has_supp, main_units)

    out: dict[str, list[tuple[dict[str, Any], tuple]]] = {}
    engine._finish = grab
    try:
        for b in batches:
            out[b] = []
            for case in load_gold(ROOT / "tests" / "data" / "gold" / b, include_sample=False):
                jr.analyze(str(case["paper"]), supplements=[str(s) for s in case["supplements"]])
                out[b].append((case, stash.pop("x")))
                print(f"  {b}: {case['name']}", file=sys.stderr)
    finally:
        engine._finish = orig
    return out


def decide(args: tuple, knobs: dict[str, Any]) -> dict[str, Any]:
    """The topic results of one paper's judged hits under these engine knobs."""
    from jupyter_review.checklist import engine

    analysis, na, collected, has_supp, main_units = args
    saved = {k: getattr(engine, k) for k in knobs}
    for hits in collected.values():
        for h in hits:
            h.lead = False
    try:
        for k, v in knobs.items():
            setattr(engine, k, v)
        return engine._finish(analysis, dict(na), collected, has_supp, main_units)
    finally:
        for k, v in saved.items():
            setattr(engine, k, v)


def _value(text: str) -> Any:
    for cast in (int, float):
        try:
            return cast(text)
        except ValueError:
            pass
    return {"True": True, "False": False, "None": None}.get(text, text)


def main(argv: list[str] | None = None) -> int:
    from jupyter_review.checklist import engine

    ap = argparse.ArgumentParser()
    ap.add_argument("--batch", action="append", help="gold batch under tests/data/gold/ (default: all nine)")
    ap.add_argument("--set", action="append", default=[], metavar="NAME=VALUE", help="an engine knob's variant value")
    ap.add_argument("--cache", help="keep the judged hits in this pickle (delete it after a change to retrieval "
                    "or to the judgement)")
    a = ap.parse_args(argv)
    knobs = {}
    for kv in a.set:
        name, _, value = kv.partition("=")
        if not hasattr(engine, name):
            ap.error(f"the engine has no knob {name}")
        knobs[name] = _value(value)
    batches = a.batch or list(BATCHES)
    cache = Path(a.cache) if a.cache else None
    if cache is not None and cache.exists():
        data = pickle.loads(cache.read_bytes())
    else:
        data = collect(batches)
        if cache is not None:
            cache.write_bytes(pickle.dumps(data))
    tally: Counter = Counter()
    print(f"variant: {knobs or 'none (shipped against shipped)'}")
    for b in batches:
        right = [0, 0]
        n = 0
        for case, args in data[b]:
            before, after = decide(args, {}), decide(args, knobs)
            for tid, g in case["gold"].items():
                if tid not in before:
                    continue
                s0, s1 = before[tid].status, after[tid].status
                n += 1
                right[0] += s0 == g
                right[1] += s1 == g
                if s0 == s1:
                    continue
                kind = "gain" if s1 == g else "loss" if s0 == g else "neutral"
                tally[kind] += 1
                ev = before[tid].evidence[:1] or after[tid].evidence[:1]
                quote = " ".join(ev[0].text.split())[:140] if ev else "-"
                rel = "-" if not ev or ev[0].relevance is None else f"{ev[0].relevance:.2f}"
                print(f"  {kind:7s} {b}/{case['name']} {tid}: {s0} -> {s1} (gold {g}) [{rel}] {quote}")
        if n:
            print(f"{b}: exact {right[0] / n:.3f} -> {right[1] / n:.3f} ({n} judgements)")
    print(f"flips: gain {tally['gain']}, loss {tally['loss']}, neutral {tally['neutral']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
