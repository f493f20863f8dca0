"""Shared by code_accuracy.py and statements_accuracy.py: the hand-labelled gold of
``tests/data/gold/code`` and ``tests/data/gold/statements`` (one YAML file per paper, a
SPLIT.yaml chosen by paper before any tuning), where the papers live, and one analysis per paper."""

from __future__ import annotations

import os
import re
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

CORPUS = Path(os.environ.get("JR_CORPUS", ROOT.parent / "shared" / "corpus"))
TEXBENCH = Path(os.environ.get("JR_TEXBENCH", CORPUS.parent / "texbench" / "pdfs"))


def load_gold(folder: Path, split: str) -> list[dict[str, Any]]:
    import yaml

    parts = yaml.safe_load((folder / "SPLIT.yaml").read_text(encoding="utf-8"))
    chosen = None if split == "all" else set(parts[split])
    out = []
    for path in sorted(folder.glob("*.yaml")):
        if path.name == "SPLIT.yaml":
            continue
        rec = yaml.safe_load(path.read_text(encoding="utf-8"))
        stem = Path(rec["paper"]).stem
        if chosen is not None and stem not in chosen:
            continue
        rec["stem"] = stem
        rec["path"] = (CORPUS if rec["source"] == "corpus" else TEXBENCH) / rec["paper"]
        out.append(rec)
    return out


def read_args(doc: str, folder: Path, argv: list[str] | None) -> tuple[Any, list[dict[str, Any]]]:
    """The scripts' shared command line (``--split``, ``-v``) and the gold files of the split
    (an empty list after saying so on stderr)."""
    import argparse

    ap = argparse.ArgumentParser(description=doc.splitlines()[0])
    ap.add_argument("--split", choices=["tune", "blind", "all"], default="tune")
    ap.add_argument("-v", "--verbose", action="store_true")
    args = ap.parse_args(argv)
    gold = load_gold(folder, args.split)
    if not gold:
        print("no gold files", file=sys.stderr)
    return args, gold


def analyse(path: Path):
    import jupyter_review as jr

    t0 = time.perf_counter()
    a = jr.analyze(path)
    return a, time.perf_counter() - t0


def norm_url(u: str) -> str:
    u = u.lower().strip().rstrip("/.,;)")
    u = re.sub(r"^(?:https?://)?(?:www\.)?", "", u)
    return re.sub(r"\s+", "", u)


def evidence_urls(ev: list[Any]) -> list[str]:
    urls: list[str] = []
    for e in ev:
        text = getattr(e, "text", "") or ""
        urls += re.findall(r"(?:https?://|www\.|github\.com/|gitlab\.com/|goo\.gl/|doi\.org/|10\.\d{4,}/)\S+", text)
        urls += list(getattr(e, "links", []) or [])
    return urls


def prf(tp: int, fp: int, fn: int) -> tuple[float, float]:
    p = tp / (tp + fp) if tp + fp else 1.0
    r = tp / (tp + fn) if tp + fn else 1.0
    return p, r
