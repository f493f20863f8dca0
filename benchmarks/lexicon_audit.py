"""Term audit of the candidate retrieval: which lexicon wordings find on-topic sentences.

For each topic and each wording of its detector (a top-level alternative of its ``specific``,
``vague`` or ``mention`` pattern, and of the ``cued`` wordings that need a topic cue), on the
hand-labelled candidates of the TRAINING papers only (tests/data/relevance/split.tsv; the blind
papers are never read): how many labelled candidates the wording matches, how many of those are
labelled on topic, how many it alone retrieves (no other wording of the topic, no section or
data-statement prior), and, given an out-of-fold dump of the quotes shown
(``relevance_accuracy.py --set train --oof 5 --dump FILE``), how many shown quotes and first
quotes it put before a referee and how many of them were off topic.

    python benchmarks/lexicon_audit.py                       # every topic, flagged wordings
    python benchmarks/lexicon_audit.py --shown /tmp/dump.jsonl --topic data.sources --all

Flags: OFF   -- most of what the wording matches is labelled off topic (>= --min matches);
       REDUNDANT -- every on-topic sentence it matches is also matched by another wording (or
                    retrieved by a section prior), so dropping it loses no on-topic find.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
REL = ROOT / "tests" / "data" / "relevance"
FIELDS = ("specific", "vague", "mention")


def split_alternatives(pattern: str) -> list[str]:
    """The top-level alternatives of a regular expression (``a|b(?:c|d)|e`` -> a, b(?:c|d), e);
    an alternative that is one group around alternatives of its own (``(?:x|y)``) is split too."""
    out: list[str] = []
    depth = 0
    in_class = False
    start = 0
    i = 0
    while i < len(pattern):
        c = pattern[i]
        if c == "\\":
            i += 2
            continue
        if in_class:
            if c == "]":
                in_class = False
        elif c == "[":
            in_class = True
            if pattern[i + 1:i + 2] == "]":
                i += 1
            elif pattern[i + 1:i + 3] == "^]":
                i += 2
        elif c == "(":
            depth += 1
        elif c == ")":
            depth -= 1
        elif c == "|" and depth == 0:
            out.append(pattern[start:i])
            start = i + 1
        i += 1
    out.append(pattern[start:])
    res: list[str] = []
    for a in out:
        inner = _one_group(a)
        if inner is not None and len(split_alternatives(inner)) > 1:
            res.extend(split_alternatives(inner))
        else:
            res.append(a)
    return res


def _one_group(a: str) -> str | None:
    """``X`` when ``a`` is exactly ``(?:X)`` (one non-capturing group), else None."""
    if not a.startswith("(?:") or not a.endswith(")"):
        return None
    depth = 0
    i = 0
    in_class = False
    while i < len(a):
        c = a[i]
        if c == "\\":
            i += 2
            continue
        if in_class:
            if c == "]":
                in_class = False
        elif c == "[":
            in_class = True
        elif c == "(":
            depth += 1
        elif c == ")":
            depth -= 1
            if depth == 0 and i != len(a) - 1:
                return None
        i += 1
    return a[3:-1]


class _Cued:
    """A cued wording as the engine reads it: the words, beside the cue, without the unless words."""

    def __init__(self, words: re.Pattern[str], cue: re.Pattern[str], unless: re.Pattern[str] | None) -> None:
        self.words, self.cue, self.unless = words, cue, unless

    def search(self, text: str) -> bool:
        return bool(self.words.search(text) and self.cue.search(text)
                    and not (self.unless is not None and self.unless.search(text)))


def wordings(topic: str) -> list[tuple[str, str, object]]:
    """(field, wording source, matcher with .search) of a topic's retrieval patterns; a cued
    wording matches only beside its cue (as the engine retrieves with it)."""
    from jupyter_review.checklist.engine import _expand
    from jupyter_review.checklist.loader import detector_specs

    vocab, specs = detector_specs()
    spec = specs.get(topic, {})
    out = []
    for field in FIELDS:
        src = spec.get(field)
        if not src:
            continue
        for alt in split_alternatives(src):
            try:
                rx = re.compile(_expand(alt, vocab), re.IGNORECASE)
            except re.error:
                continue
            out.append((field, alt, rx))
    for j, cue in enumerate(spec.get("cued", []) or []):
        cue_rx = re.compile(_expand(cue["cue"], vocab), re.IGNORECASE)
        unless = re.compile(_expand(cue["unless"], vocab), re.IGNORECASE) if cue.get("unless") else None
        for alt in split_alternatives(cue["words"]):
            try:
                rx = re.compile(_expand(alt, vocab), re.IGNORECASE)
            except re.error:
                continue
            out.append((f"cued{j}", alt, _Cued(rx, cue_rx, unless)))
    return out


def load_rows() -> list[dict]:
    from jupyter_review.nlp.relevance import read_split

    split = read_split(REL / "split.tsv")
    seen: dict[tuple[str, str, str], dict] = {}
    for d in (REL / "labels", REL / "topup_labels"):
        for f in sorted(d.glob("*.jsonl")):
            if split.get(f.stem) != "train":
                continue
            for line in f.read_text(encoding="utf-8").splitlines():
                if not line.strip():
                    continue
                r = json.loads(line)
                if r.get("label") not in ("specific", "vague", "off") or split.get(r["paper"]) != "train":
                    continue
                seen[(r["paper"], r["topic"], _key(r["text"]))] = r
    return list(seen.values())


def _key(text: str) -> str:
    t = " ".join(text.split())
    if t.endswith("..."):
        t = t[:-3]
    return t[:300].lower()


def load_shown(path: str | None) -> dict[tuple[str, str, str], int]:
    """(paper, topic, key) -> best rank shown (0 = first quote) from a relevance_accuracy dump."""
    out: dict[tuple[str, str, str], int] = {}
    if not path:
        return out
    for line in Path(path).read_text(encoding="utf-8").splitlines():
        r = json.loads(line)
        k = (r["paper"], r["topic"], _key(r["text"]))
        out[k] = min(out.get(k, 9), r["rank"])
    return out


def audit(rows: list[dict], shown: dict) -> dict[str, list[dict]]:
    from jupyter_review.nlp.relevance import read_split  # noqa: F401  (package import check)

    by_topic: dict[str, list[dict]] = defaultdict(list)
    for r in rows:
        by_topic[r["topic"]].append(r)
    result: dict[str, list[dict]] = {}
    for topic, rs in sorted(by_topic.items()):
        ws = wordings(topic)
        hits = []  # per row: the set of wording indices that match
        for r in rs:
            text = " ".join(r["text"].split())
            hits.append({i for i, (_, _, rx) in enumerate(ws) if rx.search(text)})
        stats = []
        for i, (field, src, _) in enumerate(ws):
            st = {"field": field, "wording": src, "n": 0, "on": 0, "alone": 0, "alone_on": 0,
                  "on_elsewhere": 0, "shown": 0, "shown_off": 0, "first": 0, "first_off": 0, "examples_off": []}
            for r, h in zip(rs, hits):
                if i not in h:
                    continue
                on = r["label"] != "off"
                prior = r.get("why") in ("section", "aspect", "table", "caption")
                alone = len(h) == 1 and not prior
                st["n"] += 1
                st["on"] += on
                st["alone"] += alone
                st["alone_on"] += alone and on
                st["on_elsewhere"] += on and (len(h) > 1 or prior)
                rank = shown.get((r["paper"], topic, _key(r["text"])))
                if rank is not None:
                    st["shown"] += 1
                    st["shown_off"] += not on
                    if rank == 0:
                        st["first"] += 1
                        st["first_off"] += not on
                if not on and len(st["examples_off"]) < 3:
                    st["examples_off"].append(f"{r['paper']}: {' '.join(r['text'].split())[:100]}")
            stats.append(st)
        result[topic] = stats
    return result


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--shown", help="a relevance_accuracy.py --dump file (out of fold, training papers)")
    ap.add_argument("--topic")
    ap.add_argument("--min", type=int, default=4, help="matches a wording needs before it is flagged")
    ap.add_argument("--all", action="store_true", help="list every wording, not only flagged ones")
    ap.add_argument("--examples", action="store_true")
    a = ap.parse_args(argv)
    rows = load_rows()
    if a.topic:
        rows = [r for r in rows if r["topic"] == a.topic]
    shown = load_shown(a.shown)
    print(f"{len(rows)} labelled candidates of {len({r['paper'] for r in rows})} training papers; "
          f"{sum(r['label'] != 'off' for r in rows)} on topic")
    res = audit(rows, shown)
    n_off = n_red = 0
    for topic, stats in res.items():
        lines = []
        for st in stats:
            if st["n"] == 0 and not a.all:
                continue
            off_flag = st["n"] >= a.min and st["on"] * 2 < st["n"]
            red_flag = st["n"] >= a.min and st["on"] > 0 and st["on_elsewhere"] == st["on"]
            if not (a.all or off_flag or red_flag):
                continue
            n_off += off_flag
            n_red += red_flag
            flags = ",".join(f for f, b in (("OFF", off_flag), ("REDUNDANT", red_flag)) if b)
            w = st["wording"] if len(st["wording"]) <= 90 else st["wording"][:87] + "..."
            lines.append(f"  {st['field']:8s} n={st['n']:3d} on={st['on']:3d} alone={st['alone']:3d}"
                         f" (on {st['alone_on']:3d}) shown={st['shown']:2d}/off {st['shown_off']:2d}"
                         f" first={st['first']:2d}/off {st['first_off']:2d} {flags:15s} {w}")
            if a.examples:
                lines.extend(f"      off: {e}" for e in st["examples_off"])
        if lines:
            on = sum(1 for r in rows if r["topic"] == topic and r["label"] != "off")
            tot = sum(1 for r in rows if r["topic"] == topic)
            print(f"{topic}: {tot} candidates, {on} on topic")
            print("\n".join(lines))
    print(f"flagged: {n_off} mostly off topic, {n_red} redundant (at least {a.min} matches)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
