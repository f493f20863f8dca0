"""The status gold batches in one run, and the flips between two runs.

    .venv/bin/python benchmarks/gap_batches.py run TAG [--jobs 2] [--batch B ...]
    .venv/bin/python benchmarks/gap_batches.py diff TAG_A TAG_B [--batch B ...] [--show-held-out]

``run`` scores every batch under tests/data/gold/ that holds status gold (topics, heldout, fresh,
fresh2 ... fresh9; not relblind, which is read once per session and only by hand) with
``gap_accuracy.py``, writes ``<out>/gap_<TAG>_<batch>.json`` (``--out``, default the system's temp
folder) and prints exact status, exact on applicable topics, gap F1 and `vague` precision per batch.

``diff`` lists every status that changed from run A to run B, marked TOWARD (B agrees with gold), AWAY
(A agreed with gold) or side, and counts them. The batches held out for status tuning (fresh5-7) are
summed but their flips are not printed unless ``--show-held-out`` is given.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
GOLD = ROOT / "tests" / "data" / "gold"
DEVELOPMENT = ["topics", "heldout", "fresh", "fresh2", "fresh3", "fresh4", "fresh8", "fresh9"]
HELD_OUT = ["fresh5", "fresh6", "fresh7"]


def _path(out: Path, tag: str, batch: str) -> Path:
    return out / f"gap_{tag}_{batch}.json"


def _run_one(batch: str, tag: str, out: Path) -> tuple[str, int]:
    cmd = [sys.executable, str(ROOT / "benchmarks" / "gap_accuracy.py"), "--gold-dir", str(GOLD / batch),
           "--no-sample", "--json", str(_path(out, tag, batch))]
    done = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True, env=os.environ.copy())
    return batch, done.returncode


def _summary(data: dict) -> str:
    gap = data["gap"]
    vague = data["per_status"].get("vague", {})
    return (f"exact {data['exact_accuracy']:.3f}  applicable {data['exact_accuracy_applicable']:.3f}  "
            f"gap F1 {gap['f1']:.3f}  vague P {vague.get('precision', 0.0):.3f} ({vague.get('tp', 0) + vague.get('fp', 0)} calls)")


def run(tag: str, batches: list[str], out: Path, jobs: int) -> int:
    with ThreadPoolExecutor(max_workers=jobs) as pool:
        codes = dict(pool.map(lambda b: _run_one(b, tag, out), batches))
    failed = 0
    for b in batches:
        path = _path(out, tag, b)
        if codes[b] != 0 or not path.is_file():
            print(f"{b:8s} FAILED (exit {codes[b]})")
            failed += 1
            continue
        print(f"{b:8s} {_summary(json.loads(path.read_text()))}")
    return 1 if failed else 0


def diff(a: str, b: str, batches: list[str], out: Path, show_held_out: bool) -> int:
    toward = away = side = 0
    for batch in batches:
        pa, pb = _path(out, a, batch), _path(out, b, batch)
        if not (pa.is_file() and pb.is_file()):
            print(f"{batch:8s} missing run ({pa.name} or {pb.name})")
            continue
        da, db = json.loads(pa.read_text()), json.loads(pb.read_text())
        cases_b = {c["name"]: c for c in db["cases"]}
        for case in da["cases"]:
            other = cases_b.get(case["name"], {}).get("topics", {})
            for topic, x in case["topics"].items():
                y = other.get(topic)
                if not y or x["predicted"] == y["predicted"]:
                    continue
                mark = "TOWARD" if y["predicted"] == x["gold"] else ("AWAY" if x["predicted"] == x["gold"] else "side")
                toward += mark == "TOWARD"
                away += mark == "AWAY"
                side += mark == "side"
                if batch not in HELD_OUT or show_held_out:
                    print(f"{batch:7s} {case['name']:28s} {topic:32s} gold={x['gold']:15s} "
                          f"{x['predicted']} -> {y['predicted']}  {mark}")
        print(f"{batch:8s} exact {da['exact_accuracy']:.3f} -> {db['exact_accuracy']:.3f}")
    print(f"toward {toward}, away {away}, side {side}")
    return 0


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--out", type=Path, default=Path(tempfile.gettempdir()), help="folder of the runs' JSON files")
    ap.add_argument("--batch", action="append", help="a batch under tests/data/gold/ (default: development + held out)")
    sub = ap.add_subparsers(dest="cmd", required=True)
    r = sub.add_parser("run", help="score the batches under a tag")
    r.add_argument("tag")
    r.add_argument("--jobs", type=int, default=2)
    d = sub.add_parser("diff", help="the flips from run A to run B")
    d.add_argument("a")
    d.add_argument("b")
    d.add_argument("--show-held-out", action="store_true")
    args = ap.parse_args(argv)
    batches = args.batch or DEVELOPMENT + HELD_OUT
    unknown = [b for b in batches if not (GOLD / b).is_dir()]
    if unknown:
        ap.error(f"no gold batch {', '.join(unknown)} under {GOLD}")
    if args.cmd == "run":
        return run(args.tag, batches, args.out, args.jobs)
    return diff(args.a, args.b, batches, args.out, args.show_held_out)


if __name__ == "__main__":
    raise SystemExit(main())
