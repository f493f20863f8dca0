"""Literal prefilters for the detectors' regular expressions.

Most sentences match none of a topic's patterns, and a regex search scans the whole
sentence to say so.  For each pattern we derive, from its parse tree, a set of
lower-case literal strings at least one of which must occur in any match; a plain
substring test over the lower-cased sentence then rules most sentences out before
the regex runs.  When no such set can be derived the pattern always runs.
"""

from __future__ import annotations

import re
from typing import Any

try:  # Python 3.11+
    from re import _constants as _c  # type: ignore[attr-defined]
    from re import _parser as _p  # type: ignore[attr-defined]
except ImportError:  # pragma: no cover - older layouts
    import sre_constants as _c  # type: ignore[no-redef]
    import sre_parse as _p  # type: ignore[no-redef]

# literals of any length count: a short one that is rare ("c4", "β", "$") still rules most
# sentences out, and a common one only costs a substring test before the regex runs anyway
# (measured: the checklist stage over the 43 corpus PDFs went from 19.2 s to 15.2 s with 3 -> 1)
MIN_LEN = 1
MAX_LITERALS = 64

Need = frozenset[str] | None  # one of these must occur; None: nothing known


def _quality(s: Need) -> tuple[int, int]:
    if not s:
        return (0, 0)
    return (min(len(x) for x in s), -len(s))


def _better(a: Need, b: Need) -> Need:
    return a if _quality(a) >= _quality(b) else b


def _seq(items: Any) -> Need:
    """Required literals of a sequence: the best of its literal runs and its parts."""
    best: Need = None
    run: list[str] = []

    def flush() -> None:
        nonlocal best, run
        if len(run) >= MIN_LEN:
            best = _better(best, frozenset(["".join(run).lower()]))
        run = []

    for op, av in items:
        if op is _c.LITERAL:
            run.append(chr(av))
            continue
        if op is _c.BRANCH and run:
            # the parser factors a common prefix out of alternatives ("B(?:OLD|BQ)"):
            # the prefix followed by each alternative's own leading literals is required
            joined = frozenset(("".join(run) + _lead(alt)).lower() for alt in av[1])
            best = _better(best, joined)
        flush()
        if op is _c.SUBPATTERN:
            best = _better(best, _seq(av[-1]))
        elif op is _c.BRANCH:
            best = _better(best, _branch(av[1]))
        elif op in (_c.MAX_REPEAT, _c.MIN_REPEAT) and av[0] >= 1:
            best = _better(best, _seq(av[2]))
    flush()
    return best


def _lead(items: Any) -> str:
    out = []
    for op, av in items:
        if op is not _c.LITERAL:
            break
        out.append(chr(av))
    return "".join(out)


def _branch(alternatives: list[Any]) -> Need:
    out: set[str] = set()
    for alt in alternatives:
        need = _seq(alt)
        if not need:
            return None
        out |= need
        if len(out) > MAX_LITERALS:
            return None
    return frozenset(out)


def required_literals(pattern: str, flags: int = re.IGNORECASE) -> tuple[str, ...] | None:
    """Lower-case strings one of which occurs in every match, or None."""
    try:
        tree = _p.parse(pattern, flags)
    except Exception:  # pragma: no cover - the pattern compiled already
        return None
    # a top-level alternation parses as one BRANCH item
    need = _seq(list(tree))
    if not need or min(len(x) for x in need) < MIN_LEN:
        return None
    # drop literals that contain another one (the shorter is enough)
    lits = sorted(need, key=len)
    kept: list[str] = []
    for s in lits:
        if not any(k in s for k in kept):
            kept.append(s)
    return tuple(kept)


class Pattern:
    """A compiled regex with its literal prefilter."""

    __slots__ = ("rx", "lits", "pattern")

    def __init__(self, rx: re.Pattern[str]) -> None:
        self.rx = rx
        self.pattern = rx.pattern
        self.lits = required_literals(rx.pattern, rx.flags)

    def search(self, text: str, low: str | None = None) -> re.Match[str] | None:
        if self.lits is not None:
            low = text.lower() if low is None else low
            for lit in self.lits:
                if lit in low:
                    break
            else:
                return None
        return self.rx.search(text)
