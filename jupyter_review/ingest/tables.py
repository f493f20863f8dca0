"""Results tables rebuilt from word positions.

Most tables in papers are unruled (booktabs draws a few horizontal rules, never a
cell grid), so a grid finder that looks for ruling lines finds nothing useful.
Here a table is rebuilt from the words themselves:

1. words are grouped into visual rows (by vertical centre) and, inside a row,
   into *segments* (runs of words with ordinary word spacing);
2. a table region is grown from a "Table N" caption, above or below it, over
   rows that look tabular (several segments, numbers) and stops at prose;
   pages without a caption but with several numeric rows get a caption-less
   region (continued tables);
3. column boundaries come from the x-alignment of the body rows: the gutters are
   the x-ranges that no body segment covers;
4. header lines above the first body row are assigned to columns by span: text
   over one column is that column's (possibly line-broken) name, text over
   several columns is a group level (a MultiIndex level downstream);
5. label-only rows are merged with the value row they belong to (a wrapped
   name) or kept as category rows (English / Code / Math).

Cells keep bold/italic from the page's spans (bold marks a reported best).
Everything here is plain geometry over ``page.get_text("words")``; pymupdf's
``find_tables`` is used only for pages whose table is a drawn cell grid and
where the word method found nothing.
"""

from __future__ import annotations

import contextlib
import logging
import re
import statistics
import time
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from ..model import Caption, Cell, Page, RawTable


class cached_property:  # noqa: N801 - used like functools.cached_property
    """functools.cached_property without its per-access lock (Python 3.11 takes an RLock on
    every first read, a visible cost over the ~20,000 segment and row properties of a page)."""

    def __init__(self, func: Any) -> None:
        self.func = func
        self.name = func.__name__
        self.__doc__ = func.__doc__

    def __get__(self, obj: Any, cls: Any = None) -> Any:
        if obj is None:
            return self
        value = self.func(obj)
        obj.__dict__[self.name] = value  # later reads find the instance attribute first
        return value


log = logging.getLogger(__name__)

# a page with more words than this is not searched word by word (a note says so)
MAX_WORDS = 12000
# a table region with more cells than this is cut (best effort, noted)
MAX_CELLS = 20000

_NUM = re.compile(
    r"^[(\[]?[-+\u2212\u2013]?(?:\d{1,3}(?:,\d{3})+|\d+)?(?:\.\d+)?(?:[eE][-+]?\d+)?"
    r"%?[)\]]?[*\u2020\u2021\u00a7\u00b6\u2217#\u22c6\u2605\u2606a-d]{0,3}$"
)
_HAS_DIGIT = re.compile(r"\d")
_DASHES = {"-", "\u2013", "\u2014", "\u2212", "\u2010", "\u2012", "--", "---", "n/a", "N/A", "NA", "\u00d7", "\u2717", "\u2713", "/"}
_FOOT_START = re.compile(r"^\s*(?:[*\u2020\u2021\u00a7\u00b6\u2217]|\(?[a-z]\)|note[s]?\b|source[s]?\b)", re.I)
_HEADING = re.compile(r"^\s*(?:\d{1,2}(?:\.\d{1,2}){0,3}\.?|[A-H]\.\d{0,2}|[IVX]{1,4}\.)\s+[A-Z][A-Za-z-]+(?:\s+[A-Za-z-]+){0,7}\s*$")
_CAPTION_START = re.compile(r"^\s*(?:supplementary |extended data |supplemental )?(?:table|tab\.|figure|fig\.)\s*[A-Z]?\d", re.I)


@lru_cache(maxsize=65536)
def _is_num(t: str) -> bool:
    t = t.strip()
    return bool(t) and bool(_HAS_DIGIT.search(t)) and bool(_NUM.match(t))


# a yes/no cell of a grid of answers ("Yes", "No", "(Yes)"): a value, not a row's name
_YES_NO = frozenset({"Yes", "No", "yes", "no", "YES", "NO", "(Yes)", "(No)"})
_MAG = re.compile(r"^[<>~\u2248]?\d[\d.,]*\s?(?:[KMBTkmbt]|x|\u00d7|ms|s|h|GB|MB)$")
# a duration in words ("12 weeks", "6 months", "3 days"): a value (treatment lengths, follow-up)
_DURATION = re.compile(r"^\d+(?:\.\d+)?\s?(?:weeks?|days?|months?|years?|hours?|minutes?|wk|wks|mo|yr|yrs)$", re.I)


# a clock time or duration in minutes:seconds or hours:minutes(:seconds) ("2:39", "1:05:12")
_CLOCK = re.compile(r"^\d{1,3}:[0-5]\d(?::[0-5]\d)?(?:\.\d+)?$")


# a search space of a setting, as settings tables print it in math: an interval of numbers
# ("[0.01, 1.0]", "[1e−4, 1e5]", "(0, 0.5]") or a set of numbers, listed or with an ellipsis
# ("{1, 2, 3}", "{2, . . . , 500}"). An interval needs a decimal, an exponent or a sign in a bound:
# a bracketed pair of whole numbers is a citation ("[12, 15]")
_BOUND = r"[-+\u2212]?\d+(?:\.\d+)?(?:[eE][-+\u2212]?\d+)?"
_SPACE_INTERVAL = re.compile(r"^[\[(]\s*(" + _BOUND + r")\s*,\s*(" + _BOUND + r")\s*[\])]$")
_NUM_SET = re.compile(r"^\{\s*" + _BOUND + r"(?:\s*,\s*(?:" + _BOUND + r"|(?:\.\s*){3}|\u2026))+\s*\}$")


def _is_space(t: str) -> bool:
    m = _SPACE_INTERVAL.match(t)
    if m:
        return any(re.search(r"[.eE\u2212+-]", b) for b in m.groups())
    return bool(_NUM_SET.match(t))


@lru_cache(maxsize=65536)
def _is_value(t: str) -> bool:
    """A cell-ish token: a number (also 100K, 7B, 2.5x), a duration, a setting's interval or set
    of numbers, or a dash/marker for a missing value."""
    t = t.strip()
    return (_is_num(t) or t in _DASHES or bool(_MAG.match(t)) or t in _YES_NO or bool(_DURATION.match(t))
            or bool(_CLOCK.match(t)) or _is_space(t))


# statistics cells of clinical and survey tables, read as one value each: a median with its
# interquartile range or an estimate with its interval ("46.0 (34.0, 59.0)", "1.2 [0.8-1.5]"),
# a count with its share ("12 (34.5%)"), a count of a total ("16/47"), a p-value ("p=0.007",
# "<0.0001"), a significance mark ("NS", "**", "* (T < NT)"), a number times a power
# ("1.2 × 10−3", a fitted law "3.075 × C−0.078")
_N = r"[-+\u2212]?\d+(?:[.,]\d+)*%?"
# (the count may carry a magnitude suffix: "28.9M (35.6%)", "42k (0.1%)")
_NK = r"[-+\u2212]?\d+(?:[.,]\d+)*(?:\s?[KMBTk])?%?"
_STAT = re.compile(
    r"^(?:" + _NK + r"\s*[(\[]\s*" + _N + r"\s*(?:[,;\u2013\u2014\u2212-]|to)?\s*(?:" + _N + r")?\s*[)\]]"
    # a count with its share and the share's interval: "56 (64.4, 54.0–74.7)" (the comma may be missing)
    r"|" + _NK + r"\s*[(\[]\s*" + _N + r"\s*[,;]?\s*" + _N + r"\s*(?:[\u2013\u2014\u2212-]|to)\s*" + _N + r"\s*[)\]]"
    r"|" + _N + r"\s*[\u00d7x]\s*(?:10|[A-Za-z])\s*\^?[-+\u2212]?\d+(?:\.\d+)?"
    r"|\d+\s*/\s*\d+"
    r"|(?:p\s*)?[<>=\u2264\u2265]\s*0?\.\d+"
    r"|n\.?s\.?"
    r"|\*{1,3}(?:\s*\([^()]{1,40}\))?)[*\u2020\u2021a-h]{0,2}$",
    re.I,
)


@lru_cache(maxsize=65536)
def _is_stat(t: str) -> bool:
    t = t.strip()
    return len(t) <= 48 and bool(_STAT.match(t))


def is_stat_cell(text: str) -> bool:
    """A statistics cell (interval, k/n count, p-value, significance mark): see ``_STAT``."""
    return _is_stat(str(text))


# a count printed with a magnitude suffix ("14.28K", "200K", "1M", "6.9B", "5.7T"): a value
# (parameter counts, context lengths, token counts), not a name
_COUNT = re.compile(r"^[<>~\u2248]?\d+(?:[.,]\d+)*\s?[KMBT]$")


@lru_cache(maxsize=65536)
def is_count_cell(text: str) -> bool:
    """A number with a magnitude suffix K/M/B/T ("8464K", "1M", "15.7B")."""
    return bool(_COUNT.match(str(text).strip()))


# -- words ------------------------------------------------------------------------------


@dataclass
class W:
    x0: float
    y0: float
    x1: float
    y1: float
    text: str
    bold: bool = False
    italic: bool = False
    mark: str = ""  # a superscript / footnote marker printed small and raised after the word
    sub: bool = False  # a subscript printed small and lowered after the word before it (CHAIR_s)
    code: bool = False  # a letter code read as a value (a column of "P" / "N", "A" / "B+"): see _code_columns
    # centre line and height, read tens of thousands of times per page: computed once
    cy: float = field(init=False, repr=False, compare=False)
    h: float = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        self.cy = (self.y0 + self.y1) / 2
        self.h = self.y1 - self.y0


@dataclass
class Seg:
    words: list[W]

    @cached_property
    def x0(self) -> float:
        return self.words[0].x0

    @cached_property
    def x1(self) -> float:
        return max(w.x1 for w in self.words)

    @cached_property
    def y0(self) -> float:
        return min(w.y0 for w in self.words)

    @cached_property
    def y1(self) -> float:
        return max(w.y1 for w in self.words)

    @cached_property
    def text(self) -> str:
        return " ".join(w.text for w in self.words)

    @cached_property
    def numeric(self) -> bool:
        return (_is_value(self.text) or all(w.code for w in self.words) or _is_num(self.text.replace(" ", "")) or (len(self.words) <= 3 and (_is_num(self.words[0].text) or bool(_MAG.match(self.words[0].text)))
                    and _pm_tail(self.words[1:]))
                or _is_stat(self.text))


def _pm_tail(ws: list[W]) -> bool:
    """'± 0.2', '(0.3)', a share '(35.6%)' after a number (a count with its share: "28.9M (35.6%)")."""
    t = " ".join(w.text for w in ws).strip()
    return bool(re.match(r"^(?:\u00b1\s*\d[\d.]*|\(\s*[\u00b1]?\d[\d.]*%?\s*\)|[*\u2020\u2021]+)$", t))


@dataclass
class Row:
    words: list[W]
    segs: list[Seg] = field(default_factory=list)

    @cached_property
    def y0(self) -> float:
        return min(w.y0 for w in self.words)

    @cached_property
    def y1(self) -> float:
        return max(w.y1 for w in self.words)

    @cached_property
    def x0(self) -> float:
        return min(w.x0 for w in self.words)

    @cached_property
    def x1(self) -> float:
        return max(w.x1 for w in self.words)

    @cached_property
    def text(self) -> str:
        return " ".join(s.text for s in self.segs)

    @cached_property
    def nnum(self) -> int:
        return sum(1 for s in self.segs if s.numeric and _HAS_DIGIT.search(s.text))

    @cached_property
    def nval(self) -> int:
        return sum(1 for s in self.segs if s.numeric)


def _drop_running_text(ws: list[W], page: Page | None) -> list[W]:
    """Running headers and footers, page numbers and margin stamps (as the layout pass marked
    them, unless text follows them at line spacing: a table's header at the page top), and
    slanted watermark words (each one's box many lines tall), are no table text."""
    hs = sorted(w.h for w in ws)
    med = hs[len(hs) // 2] if hs else 0.0
    boxes = []
    if page is not None:
        for b in page.blocks:
            if b.kind in ("header", "footer", "page_number") or (b.kind == "margin" and min(b.bbox[2] - b.bbox[0], b.bbox[3] - b.bbox[1]) < 30):
                x0, y0, x1, y1 = b.bbox
                near = any(-1.0 < (w.y0 - y1 if b.kind == "header" else y0 - w.y1) < 0.8 * med
                           for w in ws if w.x1 > x0 and w.x0 < x1 and not (y0 - 1 <= w.cy <= y1 + 1))
                if b.kind in ("header", "footer") and near:
                    continue
                boxes.append(b.bbox)
    out = []
    for w in ws:
        if med and w.h > 3.0 * med and (w.x1 - w.x0) > 2.0 * med and (len(w.text) >= 4 or (len(w.text) >= 2 and w.text.isalpha())):
            continue
        cx = (w.x0 + w.x1) / 2
        if any(b[0] - 1 <= cx <= b[2] + 1 and b[1] - 1 <= w.cy <= b[3] + 1 for b in boxes):
            continue
        out.append(w)
    return out


def _drop_line_numbers(ws: list[W]) -> list[W]:
    """Margin line numbers of review copies (a run of consecutive integers, one per text line,
    in a narrow band at the page's outer edge) are not table cells or row labels."""
    ints = [w for w in ws if len(w.text) <= 4 and w.text.isdigit()]
    if len(ints) < 10:
        return ws
    ys = [w.cy for w in ws]
    span_page = (max(ys) - min(ys)) if ys else 0.0
    bands: dict[int, list[W]] = {}
    for w in ints:
        bands.setdefault(int(w.x1 // 4), []).append(w)
    drop: set[int] = set()
    for key in sorted(bands):
        run = bands.get(key - 1, []) + bands[key] + bands.get(key + 1, [])
        run = sorted({id(w): w for w in run}.values(), key=lambda w: w.cy)
        if len(run) < 10 or any(id(w) in drop for w in run):
            continue
        vals = [int(w.text) for w in run]
        steps = sum(1 for a, b in zip(vals, vals[1:]) if b == a + 1)
        if steps < 0.7 * (len(vals) - 1) or (run[-1].cy - run[0].cy) < 0.35 * span_page:
            continue
        x0, x1 = min(w.x0 for w in run), max(w.x1 for w in run)
        left = sum(1 for w in ws if w.x1 <= x0)
        right = sum(1 for w in ws if w.x0 >= x1)
        if min(left, right) > 0.03 * len(ws):
            continue  # words on both sides: a column inside the text, not the margin
        drop.update(id(w) for w in run)
    return [w for w in ws if id(w) not in drop] if drop else ws


# a signed change printed after a value ("70.9" "+2.3", "68.4" "-0.6"): digits with a sign, no more
_DELTA = re.compile(r"^[-+\u2212\u2013]\d+(?:\.\d+)?%?$")
# a word that ends in such a change glued to its number ("70.9+2.3")
_DELTA_TAIL = re.compile(r"^(.*\d%?)([-+\u2212\u2013]\d+(?:\.\d+)?%?)$")

Box = tuple[float, float, float, float]


_RAISED_DIGITS = "\u2070\u00b9\u00b2\u00b3\u2074\u2075\u2076\u2077\u2078\u2079"
_PLAIN_DIGITS = str.maketrans(_RAISED_DIGITS, "0123456789")


def _style_lookup(page: Page | None) -> tuple[list[tuple[Box, bool, bool]], list[tuple[Box, str]], list[tuple[Box, str]], list[Box]]:
    """Style runs (bbox, bold, italic), superscript runs and subscript runs (bbox, text) of the
    model page, and the boxes of signed changes set in smaller type on a value's baseline."""
    runs: list[tuple[Box, bool, bool]] = []
    sups: list[tuple[Box, str]] = []
    subs: list[tuple[Box, str]] = []
    deltas: list[Box] = []
    if page is None:
        return runs, sups, subs, deltas
    for b in page.blocks:
        for ln in b.lines:
            if ln.spans:
                for k, s in enumerate(ln.spans):
                    runs.append((s.bbox, s.bold, s.italic))
                    t = s.text.strip()
                    if k and _DELTA.match(t):
                        # a change against a reference set right after a number in much smaller type
                        # on the same baseline (not raised: "10" "-3" is an exponent) - "70.9" "+2.3":
                        # the change is not part of the value
                        pv = ln.spans[k - 1]
                        ph0 = max(0.5, pv.bbox[3] - pv.bbox[1])
                        if (pv.text.strip()[-1:].isdigit() and s.size < 0.8 * pv.size
                                and abs(s.bbox[0] - pv.bbox[2]) < 1.5
                                and abs(s.bbox[3] - pv.bbox[3]) < 0.25 * ph0):
                            deltas.append(s.bbox)
                            continue
                    stext = s.text
                    if t.startswith("^") and (t[1:].lstrip("-\u2212\u2013").isdigit() or t[1:] in ("-", "\u2212", "\u2013")):
                        # an exponent ingest wrote "^15" / "^\u22124": the table reads it as the raised run it
                        # is printed as, kept apart from its base ("2\u00b9\u2075", as before)
                        t, stext = t[1:], stext.replace("^", "", 1)
                    elif t and t[0] in _RAISED_DIGITS:
                        # a marker ingest wrote raised ("CIFAR10" "\u2079"): read as the digits it is
                        t, stext = t.translate(_PLAIN_DIGITS), stext.translate(_PLAIN_DIGITS)
                    # (a raised footnote letter may carry the word space after it: "Yes" "a " "(n = 249")
                    prev = ln.spans[k - 1] if k else None
                    ph = max(0.5, prev.bbox[3] - prev.bbox[1]) if prev is not None else 0.5
                    # a marker only a little smaller than its word but raised well above its baseline
                    # (8 pt value, 7 pt letter a quarter of the line up: "28.6—95%" "a")
                    lifted = (prev is not None and 0 < len(t) <= 2 and t.isalnum() and s.size < 0.95 * prev.size
                              and s.bbox[3] < prev.bbox[3] - 0.25 * ph and s.bbox[1] < prev.bbox[1])
                    # (a footnote letter set a word space after its word carries that space in front:
                    # "(BAU/ml)" " a"; a raised digit after a space is an index of the name, "SVHN 3")
                    spaced = t != stext.rstrip() and t == stext.strip() and len(t) == 1 and t.isalpha() and t.islower()
                    if k and 0 < len(t) and (s.size < 0.8 * prev.size or lifted) and (t == stext.rstrip() or spaced):
                        # raised: its bottom above the word's and its top not lowered (a span that starts
                        # with a space may reach lower than its letters: "CHAIR_s CHAIR_i", the second
                        # subscript after " CHAIR" is no superscript)
                        if len(t) <= 3 and s.bbox[3] < prev.bbox[3] - 0.5 and s.bbox[1] < prev.bbox[1] + 0.3 * ph:
                            sups.append((s.bbox, t))
                        elif not lifted and not spaced and len(t) <= 12 and t.isalnum() and s.bbox[1] > prev.bbox[1] + 1.0 and (
                                s.bbox[3] > prev.bbox[3] + 0.3 or (s.bbox[1] + s.bbox[3] - prev.bbox[1] - prev.bbox[3]) / 2
                                > 0.15 * (prev.bbox[3] - prev.bbox[1])):
                            # (small capitals share the baseline: their bottom is not lower)
                            subs.append((s.bbox, t))  # lowered and smaller: a subscript (DARNN_trend, LD_SC)
            else:
                runs.append((ln.bbox, ln.bold, ln.italic))
    return runs, sups, subs, deltas


_SUP_MAP = str.maketrans("0123456789abcdefghijklmnoprstuvwxyz+-",
                         "\u2070\u00b9\u00b2\u00b3\u2074\u2075\u2076\u2077\u2078\u2079\u1d43\u1d47\u1d9c\u1d48\u1d49\u1da0\u1d4d\u02b0\u2071\u02b2\u1d4f\u02e1\u1d50\u207f\u1d52\u1d56\u02b3\u02e2\u1d57\u1d58\u1d5b\u02b7\u02e3\u02b8\u1dbb\u207a\u207b")


def _sup_text(mark: str) -> str:
    """A raised marker written with superscript characters ("2" -> "\u00b2"; "*", "\u2020" as they are)."""
    return mark.translate(_SUP_MAP)


def _words(words: list[Any], page: Page | None) -> tuple[list[W], list[tuple[tuple[float, float, float, float], bool, bool]]]:
    """Words as W (superscript footnote marks cut off numbers) and the page's style runs."""
    runs, sups, subs, deltas = _style_lookup(page)
    out: list[W] = []
    for w in words:
        text = str(w[4]).strip()
        if "\ufffd" in text:
            # a glyph the font maps to no character (a raised mark drawn from a symbol font): no text
            text = text.replace("\ufffd", "").strip()
        if not text:
            continue
        x0, y0, x1, y1 = float(w[0]), float(w[1]), float(w[2]), float(w[3])
        if x1 <= x0 or y1 <= y0:
            continue
        if deltas:
            # a small signed change after a value is left out of the cell: glued to the number it is
            # cut off ("70.9+2.3" -> "70.9"), as a word of its own it is dropped
            bb = next((bb for bb in deltas if abs(bb[2] - x1) < 1.0 and bb[0] >= x0 - 1.0 and y0 - 1 <= (bb[1] + bb[3]) / 2 <= y1 + 1), None)
            if bb is not None:
                if bb[0] <= x0 + 1.0 and _DELTA.match(text):
                    continue
                m = _DELTA_TAIL.match(text)
                if m and bb[0] > x0 + 1.0:
                    text, x1 = m.group(1), bb[0]
        if subs:
            # a subscript glued to its word ends it as a word of its own ("DARNN trend")
            sub = next((bb for bb, st in subs if abs(bb[2] - x1) < 1.0 and bb[0] > x0 + 1 and y0 - 1 <= bb[1] <= y1
                        and text.endswith(st) and len(text) > len(st)), None)
            if sub is not None:
                st = next(st for bb, st in subs if bb is sub)
                out.append(W(x0, y0, sub[0], y1, text[: -len(st)]))
                out.append(W(sub[0], y0, x1, y1, st, sub=True))
                continue
            # a subscript set as a word of its own right after its word: it stays on that word's line
            if any(abs(bb[0] - x0) < 1.0 and abs(bb[2] - x1) < 1.0 and st == text for bb, st in subs):
                prev_w = next((o for o in reversed(out) if 0 <= x0 - o.x1 < 2.0 and o.y0 - 1 <= (y0 + y1) / 2 <= o.y1 + 2), None)
                if prev_w is not None:
                    out.append(W(x0, prev_w.y0, x1, prev_w.y1, text, sub=True))
                    continue
        # a subscript the text layer set on a line of its own (its span starts a line): smaller than the
        # word it follows, right after it, its top lowered into that word's lower half
        if len(text) <= 12 and text.isalnum() and out:
            h = y1 - y0
            prev_w = next((o for o in out[-3:][::-1] if -0.5 <= x0 - o.x1 < max(1.0, 0.35 * o.h) and h < 0.8 * o.h
                           and o.y0 + 0.3 * o.h < y0 < o.y1 and y1 > o.y1), None)
            if prev_w is not None and not prev_w.sub:
                out.append(W(x0, prev_w.y0, x1, prev_w.y1, text, sub=True))
                continue
        mark = ""
        if sups and out and len(text) == 1 and text.isalpha() and text.islower():
            # a raised footnote letter set as a word of its own after its word (a word space between
            # them: "(BAU/ml) a"): a mark of that word, not a word of the label (a raised digit there
            # is an index of the name: "SVHN 3")
            bb = next((bb for bb, st in sups if st == text and bb[0] <= x0 + 1.0 and abs(bb[2] - x1) < 1.0 and x0 - bb[0] < 0.6 * (y1 - y0) + 1.0), None)
            pw_ = out[-1]
            if (bb is not None and not pw_.mark and not pw_.sub and -0.5 <= x0 - pw_.x1 < 0.6 * pw_.h
                    and y1 < pw_.y1 - 0.5 and y0 < pw_.y0 + 0.3 * pw_.h and y1 > pw_.y0):
                pw_.mark = _sup_text(text)
                continue
        if sups:
            for bb, st in sups:
                if ((abs(bb[2] - x1) < 1.0 or bb[0] < x1 - 0.3 < bb[2]) and bb[0] > x0 and y0 - 1 <= bb[1] <= y1
                        and text.endswith(st) and len(text) > len(st)
                        and st.strip("+-")):  # a raised "+" is part of a name (MBPP+, HumanEval+)
                    # the marker is kept apart: out of the value and the label, but in the cell's text
                    text = text[: -len(st)]
                    mark = _sup_text(st)
                    x1 = bb[0]
                    break
                # a raised exponent inside brackets ("(2" "14" ")" read as "(214)"): written raised in place
                close = re.search(re.escape(st) + r"([)\]}]{1,2})$", text)
                if (close and x0 < bb[0] and bb[2] <= x1 + 0.5 and x1 - bb[2] < 6.0 and y0 - 1 <= bb[1] <= y1
                        and st.isdigit() and close.start() > 0):
                    text = text[: close.start()] + _sup_text(st) + close.group(1)
                    break
        out.append(W(x0, y0, x1, y1, text, mark=mark))
    return out, runs


def _apply_styles(ws: list[W], runs: list[tuple[tuple[float, float, float, float], bool, bool]]) -> None:
    """Bold/italic of the words that ended up in tables, from the span that holds each."""
    if not runs or not ws:
        return
    y0 = min(w.y0 for w in ws) - 2
    y1 = max(w.y1 for w in ws) + 2
    buckets: dict[int, list[int]] = {}
    for i, (bb, _b, _i) in enumerate(runs):
        if bb[3] < y0 or bb[1] > y1:
            continue
        for k in range(int(bb[1] // 10), int(bb[3] // 10) + 1):
            buckets.setdefault(k, []).append(i)
    for w in ws:
        cx, cy = (w.x0 + w.x1) / 2, (w.y0 + w.y1) / 2
        for i in buckets.get(int(cy // 10), ()):
            bb, b, it = runs[i]
            if bb[0] - 0.5 <= cx <= bb[2] + 0.5 and bb[1] - 0.5 <= cy <= bb[3] + 0.5:
                w.bold, w.italic = b, it
                break


def _vertical_share(ws: list[W]) -> float:
    long = [w for w in ws if len(w.text) >= 3]
    if not long:
        return 0.0
    return sum(1 for w in long if (w.y1 - w.y0) > 1.6 * (w.x1 - w.x0)) / len(long)


def _rows(ws: list[W]) -> list[Row]:
    """Group words into visual rows by vertical centre."""
    if not ws:
        return []
    hs = sorted(w.h for w in ws)
    med = hs[len(hs) // 2]
    tol = max(1.5, 0.38 * med)
    order = sorted(ws, key=lambda w: (w.cy, w.x0))
    rows: list[Row] = []
    cur: list[W] = []
    anchor = 0.0
    for w in order:
        if cur and w.cy - anchor > tol:
            rows.append(Row(cur))
            cur = []
        if not cur:
            anchor = w.cy
        cur.append(w)
    if cur:
        rows.append(Row(cur))
    for r in rows:
        r.words.sort(key=lambda w: w.x0)
        r.segs = _segments(r.words)
    return _split_tight_last_cells(rows)


def _split_tight_last_cells(rows: list[Row]) -> list[Row]:
    """A row's last cell set closer to a long label than a word space ("weight_decay 0.00" in a
    left-aligned "Parameter | Value" table, the widest name reaching the value column): where
    the last cells of three or more other rows (or two within three lines of it) start at one
    edge (within 0.6 pt) and a word of this row starts there too, after a gap, that word begins
    the row's last cell, if the cell is a value or a word or two after a one-word name. Running text
    never lines a word up with a column edge of three other lines' last cells by design; where
    it does by chance, the split leaves a line of words a line of words."""
    if len(rows) < 3:
        return rows
    ends = sorted((r.segs[-1].x0, (r.y0 + r.y1) / 2, r.segs[-1].x1) for r in rows if len(r.segs) >= 2)
    if len(ends) < 2:
        return rows
    starts = [x for x, _y, _x1 in ends]
    out: list[Row] = []
    for r in rows:
        last = r.segs[-1] if r.segs else None
        cut = None
        if last is not None and len(last.words) >= 2:
            ws = last.words
            h = max(w.h for w in ws)
            for k in range(1, len(ws)):
                if len(ws) - k > 4 or ws[k].x0 - ws[k - 1].x1 <= 0.5:
                    continue
                x = ws[k].x0
                lo = bisect_left(starts, x - 0.6)
                hi = bisect_right(starts, x + 0.6)
                # three such rows anywhere, or two within three lines (a small table of two rows
                # under its header: "Parameter | Value", "n_selected | 100%")
                if not (hi - lo >= 3 or (hi - lo >= 2 and sum(1 for _x, y, _x1 in ends[lo:hi] if abs(y - (r.y0 + r.y1) / 2) <= 3.5 * h) >= 2)):
                    continue
                # a left-aligned column (cells of different widths start there: equal-width cells
                # of a centred column, "3" over "1", line up by chance), and the words before the
                # edge reach back well left of it (a name, not the first number of "0, 1, 3")
                rights = [x1 for _x, _y, x1 in ends[lo:hi]]
                if max(rights) - min(rights) < 1.0 or x - ws[0].x0 < 3 * h:
                    break
                # the cell cut off is a value ("0.00", "100%"), or a word or two after a one-word
                # name ("hidden_activation relu"); words after words ("Conclusions include any
                # limitations regarding confounding") stay one line of text
                tail = " ".join(w.text for w in ws[k:])
                if _is_value(tail) or (k == 1 and len(ws) - k <= 2):
                    cut = k
                break
        if cut is None:
            out.append(r)
            continue
        segs = r.segs[:-1] + [Seg(last.words[:cut]), Seg(last.words[cut:])]
        out.append(Row(r.words, segs))
    return out


# a number's interval or range in brackets, as one word after it ("(1—177)", "(0.2, 0.5)"),
# or a count's count or share ("(525)", "(35.6%)"); not a power of ten whose raised exponent ran
# on ("(10−4)": a minus is no range dash)
_BRACKET_RANGE = re.compile(r"^[(\[]\s*\d[\d.,]*%?\s*(?:[\u2013\u2014,;]|to)\s*\d[\d.,]*%?\s*[)\]][,;]?$")
_BRACKET_COUNT = re.compile(r"^[(\[]\s*\d[\d,]*(?:\.\d+%|%)?\s*[)\]][,;]?$")


def _bracketed_part(first: str, second: str) -> bool:
    """Is ``second`` part of the cell of the number ``first`` before it: its interval or range
    ("93.4%" "(88.7—96.2)", "5" "(1—177)"), or, after a count, a count or share ("5" "(525)",
    "12" "(34.5%)")? (A decimal's bracketed decimal, "55.0 (90.0)", may be a second column.)"""
    if _BRACKET_RANGE.match(second):
        return True
    return bool(re.match(r"^\d[\d,]*$", first)) and bool(_BRACKET_COUNT.match(second))


def _segments(ws: list[W]) -> list[Seg]:
    segs: list[Seg] = []
    cur: list[W] = []
    for w in ws:
        if cur:
            prev = cur[-1]
            gap = w.x0 - prev.x1
            h = min(prev.h, w.h)
            limit = max(2.8, 0.45 * h)
            split = gap > limit
            # two numbers side by side are two cells
            # ... unless the second is the first one's interval or share in brackets ("5 (1—177)",
            # "12 (34.5%)"): one statistics cell, set at a word space (see _bracketed_part)
            if (not split and gap > 0.8 and _is_num(prev.text) and _is_num(w.text) and not prev.text.endswith(("(", "\u00b1"))
                    and not _bracketed_part(prev.text, w.text)):
                split = True
            if split:
                segs.append(Seg(cur))
                cur = []
        cur.append(w)
    if cur:
        segs.append(Seg(cur))
    return segs


# -- the gate ------------------------------------------------------------------------------


def page_may_hold_table(words: list[Any], table_caps: list[tuple[int, Caption]]) -> bool:
    """Cheap test: a table caption, or at least three rows with three numbers each."""
    if len(words) < 6:
        return False
    if table_caps:
        return True
    rows: dict[int, int] = {}
    for w in words:
        t = str(w[4])
        if _is_num(t):
            k = int(((w[1] + w[3]) / 2) // 4)
            rows[k] = rows.get(k, 0) + 1
    return sum(1 for v in rows.values() if v >= 3) >= 3


def page_looks_tabular(page: Page) -> bool:
    """From the model page (no extraction): three or more visual rows with three numbers."""
    buckets: dict[int, int] = {}
    for b in page.blocks:
        if b.kind in ("header", "footer", "page_number", "margin"):
            continue
        for ln in b.lines:
            if not _HAS_DIGIT.search(ln.text):
                continue
            n = sum(1 for t in ln.text.split() if _is_num(t))
            if n:
                k = int(((ln.bbox[1] + ln.bbox[3]) / 2) // 4)
                buckets[k] = buckets.get(k, 0) + n
    return sum(1 for v in buckets.values() if v >= 3) >= 3 or sum(1 for v in buckets.values() if v >= 2) >= 6


# -- regions ---------------------------------------------------------------------------------


def _is_prose(r: Row, width: float) -> bool:
    """A running-text line: many words over most of the width, few numbers, no wide gutters."""
    n = len(r.words)
    if n < 7 or r.nval > 1:
        return False
    if (r.x1 - r.x0) < 0.5 * width:
        return False
    text = r.text
    letters = sum(c.isalpha() for c in text)
    if letters < 0.55 * len(text.replace(" ", "")):
        return False
    if len(r.segs) == 1:
        return True
    # justified lines stretch spaces; a table row has few, much wider gutters
    gaps = sorted(b.x0 - a.x1 for a, b in zip(r.words, r.words[1:]))
    return gaps[-1] < 3.5 * max(1.0, statistics.median(gaps)) and len(r.segs) <= n // 3


_FUNCTION_WORDS = frozenset("the of and to in a an is are was were for at with that as by on from this which we it be than".split())


def _prose_line(r: Row, width: float) -> bool:
    """A line of running text in one page column under (or over) a full-width table: a run of
    six or more words at word spacing (justified lines stretch it, never to a column gutter)
    over a third of the table's width or more, with function words ("the", "of") and no values."""
    if r.nval > 1 or len(r.words) < 6:
        return False
    ws = r.words
    h = max(1.0, statistics.median([w.h for w in ws]))
    run = [ws[0]]
    for a, b in zip(ws, ws[1:]):
        if b.x0 - a.x1 > 0.9 * h:
            if _prose_run(run, width, h):
                return True
            run = []
        run.append(b)
    return _prose_run(run, width, h)


def _prose_run(run: list[W], width: float, h: float) -> bool:
    if len(run) < 6 or (run[-1].x1 - run[0].x0) < 0.35 * width:
        return False
    gaps = [b.x0 - a.x1 for a, b in zip(run, run[1:])]
    if max(gaps) > 2.5 * max(0.5, statistics.median(gaps)):
        return False  # a gutter among word spaces: cells, not a line of text
    text = "".join(w.text for w in run)
    if sum(c.isalpha() for c in text) < 0.7 * len(text):
        return False
    cues = sum(1 for w in run if w.text.lower().strip(",.;:()") in _FUNCTION_WORDS or w.text.endswith((",", ";", ":")))
    return cues >= 2


def _note_line(r: Row) -> bool:
    """A table note: a line that opens with a raised footnote marker (a digit or letter printed
    small, its top level with the words after it) and goes on in words ("¹ In those without
    cirrhosis. Treatment for 24 weeks ..."). No data row starts with a raised mark."""
    ws = r.words
    if len(ws) < 4:
        return False
    first, rest = ws[0], ws[1:]
    h = statistics.median([w.h for w in rest])
    words = sum(1 for w in rest if sum(ch.isalpha() for ch in w.text) >= 2)
    return (len(first.text) <= 2 and first.text.isalnum() and first.h < 0.7 * h
            and first.y0 < min(w.y0 for w in rest) + 0.3 * h and first.x1 <= rest[0].x0 + 0.5 and words >= 3)


def _labelled_value(rows: list[Row], i: int) -> bool:
    """Is the wordy row at ``i`` a row of a table with a single value column: a label in words
    ("Proportion of women in the study sample") then, after a gutter, its one value, set under or
    over a value of the row next to it? A line of running text is never followed, past a
    gutter, by a lone number that lines up with a number on the line beside it."""
    r = rows[i]
    if r.nval != 1 or len(r.segs) < 2 or not r.segs[-1].numeric:
        return False
    v = r.segs[-1]
    h = max(1.0, statistics.median([w.h for w in r.words]))
    if v.x0 - r.segs[-2].x1 < 1.5 * h:
        return False
    for j in (i - 1, i + 1):
        if not 0 <= j < len(rows):
            continue
        o = rows[j]
        if (o.y0 - r.y1 if j > i else r.y0 - o.y1) > 2.5 * h:
            continue
        if any(sg.numeric and _HAS_DIGIT.search(sg.text) and min(sg.x1, v.x1) - max(sg.x0, v.x0) > 0 for sg in o.segs[1:]):
            return True
    return False


def _labelled_row(o: Row, h: float) -> bool:
    """A label in words, a gutter, then one value at the row's right end ("Specific | 56 (64.4, 54.0-74.7)")."""
    return (o.nnum == 1 and len(o.segs) >= 2 and o.segs[-1].numeric and _HAS_DIGIT.search(o.segs[-1].text) is not None
            and o.segs[-1].x0 - o.segs[-2].x1 >= 1.5 * h)


def _group_line(rows: list[Row], i: int) -> bool:
    """Is the wordy line at ``i`` (no value) the name of a group of rows in a table of one value
    column ("Term 'Confounding' mentioned in Abstract or Discussion" over "Specific | 56 (64.4, ...)"):
    at line spacing between two labelled rows whose one values line up under each other? Running
    text is never set between the rows of such a table at the table's own line spacing."""
    r = rows[i]
    if r.nval or len(r.segs) != 1 or not 0 < i < len(rows) - 1:
        return False
    h = max(1.0, statistics.median([w.h for w in r.words]))
    up, down = rows[i - 1], rows[i + 1]
    if r.y0 - up.y1 > 1.2 * h or down.y0 - r.y1 > 1.2 * h:
        return False
    if not (_labelled_row(up, h) and _labelled_row(down, h)):
        return False
    a, b = up.segs[-1], down.segs[-1]
    # (set flush left, flush right or centred in their column)
    return min(a.x1, b.x1) - max(a.x0, b.x0) > 0 and min(abs(a.x0 - b.x0), abs(a.x1 - b.x1), abs(a.x0 + a.x1 - b.x0 - b.x1) / 2) < 1.0 * h


def _tabular(r: Row) -> bool:
    return len(r.segs) >= 2 or r.nval >= 1


def _grow(rows: list[Row], start: int, step: int, width: float, med_h: float, stop_ys: list[tuple[float, float]]) -> list[int]:
    """Indices of rows from ``start`` going ``step`` (+1 down, -1 up) that belong to a table."""
    got: list[int] = []
    i = start
    last: Row | None = None
    misses = 0
    while 0 <= i < len(rows):
        r = rows[i]
        if any(a - 1 <= (r.y0 + r.y1) / 2 <= b + 1 for a, b in stop_ys):
            break
        if step > 0 and got and _note_line(r):
            break
        if last is not None:
            gap = (r.y0 - last.y1) if step > 0 else (last.y0 - r.y1)
            if gap > 3.2 * med_h:
                break
        # (a caption starts its own segment: a row label "Table" or "Figure" before the row's
        # numbers, as in a layout-analysis results table, is no caption)
        if (((_is_prose(r, width) or (_prose_line(r, width) and not _labelled_value(rows, i))) and not _group_line(rows, i))
                or _CAPTION_START.match(r.segs[0].text if r.segs else r.text)
                or (len(r.segs) <= 3 and not r.nval and _HEADING.match(r.text))):
            if step > 0 and not got and _spanning_head(rows, i, med_h):
                # a header spanning the value columns, and the lines it wraps onto ("864)")
                i += 1
                while (i < len(rows) and len(rows[i].segs) == 1 and abs(rows[i].x0 - r.x0) < med_h
                       and rows[i].y0 - rows[i - 1].y1 < 0.5 * med_h):
                    i += 1
                continue
            if step > 0 and not got and _title_row(rows, i, med_h):
                i += step  # a title line set between the caption and the table's header
                continue
            break
        if not _tabular(r):
            misses += 1
            if misses > 3:
                break
        else:
            misses = 0
        got.append(i)
        last = r
        i += step
    # trim non-tabular ends (a lone title line, a footnote), but not the top line of a name set on
    # two lines around the one-line names centred beside it ("Self-" / "TER" beside "BERT"): the
    # lines overlap the row next to them
    def _band(k: int) -> bool:
        if len(got) < 2:
            return False
        far, near = rows[got[k]], rows[got[k - 1]]
        return (far.y1 > near.y0 + 0.5) if step < 0 else (near.y1 > far.y0 + 0.5)

    def _name_top(k: int) -> bool:
        # growing up: the upper line of the one column name set on two lines ("Largest top-10"
        # over "F1 change", the other names on the lower line only), tight over that name's cell
        if step > 0 or len(got) < 2:
            return False
        far, near = rows[got[k]], rows[got[k - 1]]
        if len(far.segs) != 1 or far.nval or near.nval or len(near.segs) < 2 or near.y0 - far.y1 > 0.6 * med_h:
            return False
        s = far.segs[0]
        return len(s.text.split()) <= 4 and any(s.x0 >= n.x0 - med_h and s.x1 <= n.x1 + med_h for n in near.segs)

    while got and not _tabular(rows[got[-1]]) and not _band(-1) and not _name_top(-1):
        got.pop()
    return got


def _title_row(rows: list[Row], i: int, med_h: float) -> bool:
    """Is the line of text at ``i`` (under a caption) the table's own title: one line, with the
    header row of three or more cells right under it at line spacing?"""
    r = rows[i]
    if len(r.segs) > 2 or r.nval or _CAPTION_START.match(r.text) or i + 1 >= len(rows):
        return False
    nxt = rows[i + 1]
    return nxt.y0 - r.y1 < 1.5 * med_h and len(nxt.segs) >= 3 and not _is_prose(nxt, nxt.x1 - nxt.x0 + 1)


def _spanning_head(rows: list[Row], i: int, med_h: float) -> bool:
    """Is the wordy line at ``i`` (under a caption) a header spanning the value columns ("Symptoms
    of anxiety/depression during COVID-19 (n ="): it starts well right of where the rows under it
    start (running text starts at its column's left edge, never inside the table below it), and
    rows of cells follow at line spacing?"""
    r = rows[i]
    nxt = rows[i + 1:i + 7]
    if r.nval or len(nxt) < 4 or nxt[0].y0 - r.y1 > 1.5 * med_h:
        return False
    left = min(n.x0 for n in nxt)
    return r.x0 - left > 3 * med_h and sum(1 for n in nxt if len(n.segs) >= 2) >= 3


def _numeric_rows(rows: list[Row], idx: list[int]) -> int:
    return sum(1 for i in idx if rows[i].nval >= 2 or (rows[i].nval >= 1 and len(rows[i].segs) >= 2))


@dataclass
class _Region:
    rows: list[Row]
    caption: int | None
    cap_bbox: tuple[float, float, float, float] | None
    x0: float
    x1: float
    notes: list[str] = field(default_factory=list)
    # tops of header lines whose one label names the whole table (a side-by-side table's own title)
    titles: tuple[float, ...] = ()


def _x_range(cap: Caption | None, pw: float, ws: list[W], others: list[tuple[float, float, float, float]] = ()) -> tuple[float, float]:
    if cap is None:
        return 0.0, pw
    mid = pw / 2
    cx0, cx1 = cap.bbox[0], cap.bbox[2]
    # a caption inside one column of a two-column page holds a one-column table
    if (cx1 < mid + 4 or cx0 > mid - 4) and _two_columns(ws, pw) and not _crosses_gutter(ws, pw, cap.bbox, others):
        return (0.0, mid + 2) if cx1 < mid + 4 else (mid - 2, pw)
    return 0.0, pw


def _crosses_gutter(ws: list[W], pw: float, bbox: tuple[float, float, float, float], others: list[tuple[float, float, float, float]] = ()) -> bool:
    """Rows of numbers near the caption that run across the page middle: a full-width table
    (rows beyond another caption belong to that caption's table)."""
    mid = pw / 2
    lo, hi = bbox[1] - 250, bbox[3] + 250
    for o in others:
        if o == bbox:
            continue
        if o[3] <= bbox[1]:
            lo = max(lo, o[3])
        elif o[1] >= bbox[3]:
            hi = min(hi, o[1])
    # a pair of captions level with each other in the two page columns above ours: the rows
    # that run on right under the pair are their side-by-side tables, unless they run on to ours
    line_h = statistics.median([w.h for w in ws]) if ws else 10.0
    for o in others:
        if o == bbox or o[3] > bbox[1] or o[3] < lo - 1:
            continue
        if not any(q != o and q != bbox and abs(q[1] - o[1]) < 20 and (q[0] > mid - 4) != (o[0] > mid - 4) for q in others):
            continue
        run = sorted((r for r in _rows([w for w in ws if o[3] <= w.cy <= bbox[1]])), key=lambda r: r.y0)
        end = o[3]
        for r in run:
            if r.y0 - end > 2.5 * line_h:
                break
            end = r.y1
        if bbox[1] - end >= 1.6 * line_h:
            lo = max(lo, end)
    near = [w for w in ws if lo <= w.cy <= hi]
    # a caption level with ours in the other page column: tables side by side, one per column;
    # a full-width table would then have words running across the page middle
    left = bbox[2] < mid + 4
    level = any(o != bbox and (o[0] > mid - 4 if left else o[2] < mid + 4) and abs(o[1] - bbox[1]) < 20 for o in others)
    n = 0
    for r in _rows(near):
        if r.nval < 2:
            continue
        if level:
            n += any(w.x0 < mid - 3 and w.x1 > mid + 3 for w in r.words)
        elif any(sg.x1 < mid and sg.numeric for sg in r.segs) and any(sg.x0 > mid and sg.numeric for sg in r.segs):
            h = max(1.0, statistics.median([w.h for w in r.words]))
            # running text beside a one-column table (its "[2]" and "20%" are no cells)
            if not (_prose_run([w for w in r.words if w.x1 < mid], mid, h) or _prose_run([w for w in r.words if w.x0 > mid], mid, h)):
                n += 1
        if n >= 3:
            return True
    return False


def _two_columns(ws: list[W], pw: float) -> bool:
    mid = pw / 2
    crossing = sum(1 for w in ws if w.x0 < mid - 3 and w.x1 > mid + 3)
    left = sum(1 for w in ws if w.x1 < mid)
    right = sum(1 for w in ws if w.x0 > mid)
    return crossing < 0.04 * max(1, len(ws)) and left > 20 and right > 20


def _regions(ws: list[W], pw: float, ph: float, table_caps: list[tuple[int, Caption]], all_caps: list[tuple[float, float, float, float]]) -> list[_Region]:
    hs = sorted(w.h for w in ws)
    med_h = hs[len(hs) // 2] if hs else 10.0
    regions: list[_Region] = []
    used: set[tuple[int, int, int, int]] = set()
    cands = []
    for ci, cap in table_caps:
        xa, xb = _x_range(cap, pw, ws, all_caps)
        sub = [w for w in ws if w.x0 >= xa - 1 and w.x1 <= xb + 1
               and not (cap.bbox[0] - 1 <= (w.x0 + w.x1) / 2 <= cap.bbox[2] + 1 and cap.bbox[1] - 1 <= w.cy <= cap.bbox[3] + 1)]
        rows = _rows(sub)
        width = xb - xa
        other_caps = [(b[1], b[3]) for b in all_caps if b != cap.bbox and b[0] < xb and b[2] > xa]
        below_start = next((k for k, r in enumerate(rows) if r.y0 >= cap.bbox[3] - 1), len(rows))
        above_start = max((k for k, r in enumerate(rows) if r.y1 <= cap.bbox[1] + 1), default=-1)
        down = _grow(rows, below_start, 1, width, med_h, other_caps) if below_start < len(rows) else []
        up = _grow(rows, above_start, -1, width, med_h, other_caps) if above_start >= 0 else []
        nd, nu = _numeric_rows(rows, down), _numeric_rows(rows, up)
        if nd < 2 and nu < 2 and (_code_columns(rows, down) or _code_columns(rows, up)):
            nd, nu = _numeric_rows(rows, down), _numeric_rows(rows, up)
        cands.append((ci, cap, rows, xa, xb, down if nd >= 2 else [], up if nu >= 2 else [], nd, nu))
    # captions with a table on one side only show the page's convention (above/below)
    votes_above = sum(1 for c in cands if c[5] and not c[6])
    votes_below = sum(1 for c in cands if c[6] and not c[5])
    tab_boxes = {c.bbox for _i, c in table_caps}
    fig_caps = [b for b in all_caps if b not in tab_boxes]
    for ci, cap, rows, xa, xb, down, up, nd, nu in cands:
        if down and up and any(b[0] < xb and b[2] > xa and -1 <= b[1] - rows[down[-1]].y1 <= 2.5 * med_h for b in fig_caps):
            # the rows under the caption run down to a figure's caption: they are that figure's
            # (its ticks and legends; a figure's caption sits under it), the table is over ours
            pick = up
        elif down and up:
            gap_d = rows[down[0]].y0 - cap.bbox[3]
            gap_u = cap.bbox[1] - rows[up[0]].y1
            if votes_above != votes_below:
                pick = down if votes_above > votes_below else up
            elif min(gap_d, gap_u) >= -1 and max(gap_d, gap_u) > 1.5 * med_h and 2.5 * max(0.5, min(gap_d, gap_u)) < max(gap_d, gap_u):
                # a caption hugs its table; what lies beyond the float's wider skip on its other
                # side is another object (a figure's ticks and legend over the caption)
                pick = down if gap_d < gap_u else up
            else:
                pick = down if (nd > nu or (nd == nu and len(down) >= len(up))) else up
        else:
            pick = down or up
        if not pick:
            continue
        idx = sorted(pick)
        key = (round(rows[idx[0]].y0), round(rows[idx[-1]].y1), round(xa), round(xb))
        if key in used:
            continue
        used.add(key)
        regions.append(_Region([rows[i] for i in idx], ci, cap.bbox, xa, xb))
    if not table_caps:
        regions.extend(_uncaptioned(ws, pw, med_h, all_caps))
    return regions


# a letter code that may stand for a value: a grade or rating ("A", "B+", "C-"), a sign or answer
# ("P" / "N", "Y"), an abbreviation of two capitals ("NC", "HM")
_CODE = re.compile(r"^[A-Z]{1,2}[+\-\u2212]?$")


def _code_columns(rows: list[Row], idx: list[int]) -> bool:
    """Letters as a table's values, in a table without numbers: a column of short letter codes
    ("P", "N", "B+") set after a row name, three or more of them lined up on one edge or centre,
    with nothing but codes (or nothing) in that column from its first code to its last. A name
    column has words of several lengths; a column of codes is the table's values. The codes'
    words are marked so that their cells count as values; True when a column was found."""
    if len(idx) < 3:
        return False
    cand = [(k, sg) for k in idx for sg in rows[k].segs[1:] if len(sg.words) == 1 and _CODE.match(sg.text)]
    if len(cand) < 3:
        return False
    h = statistics.median([w.h for k in idx for w in rows[k].words])
    cols: list[list[tuple[int, Seg]]] = []
    for k, sg in cand:
        for c in cols:
            ref = c[0][1]
            if abs(sg.x0 - ref.x0) < 0.6 * h or abs((sg.x0 + sg.x1) / 2 - (ref.x0 + ref.x1) / 2) < 0.6 * h:
                c.append((k, sg))
                break
        else:
            cols.append([(k, sg)])
    found = False
    for c in cols:
        ks = sorted({k for k, _ in c})
        if len(ks) < 3:
            continue
        x0, x1 = min(sg.x0 for _, sg in c), max(sg.x1 for _, sg in c)
        inside = [k for k in idx if ks[0] <= k <= ks[-1]]
        # every other cell under the codes' band, between the first and the last code, is a code too
        if any(_overlap(sg.x0, sg.x1, x0, x1) > 0 and not (len(sg.words) == 1 and _CODE.match(sg.text)) and not sg.numeric
               for k in inside for sg in rows[k].segs):
            continue
        # each code follows a name on its row
        if not all(any(sum(ch.isalpha() for ch in o.text) >= 2 and o.x1 < sg.x0 for o in rows[k].segs) for k, sg in c):
            continue
        for k, sg in c:
            sg.words[0].code = True
            sg.__dict__.pop("numeric", None)
            rows[k].__dict__.pop("nval", None)
            rows[k].__dict__.pop("nnum", None)
        found = True
    return found


def _uncaptioned(ws: list[W], pw: float, med_h: float, all_caps: list[tuple[float, float, float, float]]) -> list[_Region]:
    """Runs of numeric rows on a page without a table caption (a continued table)."""
    out: list[_Region] = []
    ranges = [(0.0, pw)]
    if _two_columns(ws, pw):
        mid = pw / 2
        wide = sum(1 for r in _rows(ws) if r.nval >= 3 and any(sg.x1 < mid and sg.numeric for sg in r.segs)
                   and any(sg.x0 > mid and sg.numeric for sg in r.segs))
        if wide < 3:  # numeric rows do not run across the gutter: one table per column
            ranges = [(0.0, mid + 2), (mid - 2, pw)]
    for xa, xb in ranges:
        sub = [w for w in ws if w.x0 >= xa - 1 and w.x1 <= xb + 1]
        rows = _rows(sub)
        stop = [(b[1], b[3]) for b in all_caps]
        k = 0
        while k < len(rows):
            if rows[k].nval >= 2 and len(rows[k].segs) >= 3:
                # grow both ways from the seed
                down = _grow(rows, k, 1, xb - xa, med_h, stop)
                up = _grow(rows, k - 1, -1, xb - xa, med_h, stop) if k > 0 else []
                idx = sorted(set(down) | set(up))
                if _numeric_rows(rows, idx) >= 3:
                    out.append(_Region([rows[i] for i in idx], None, None, xa, xb))
                    # always move on: a seed that is itself prose grows only upwards, and
                    # restarting at it looped for ever (review copies with margin line numbers)
                    k = max(max(idx) + 1, k + 1)
                    continue
            k += 1
    return out


# -- columns -------------------------------------------------------------------------------


def _is_body(r: Row) -> bool:
    return r.nval >= 2 or (r.nval >= 1 and len(r.segs) >= 2)


def _columns(body: list[Row]) -> list[tuple[float, float]]:
    """Column x-intervals: gutters are x-ranges that (almost) no body segment covers.

    A body row with fewer cells may hold one that spans columns ("Pretrained Model - Qwen2.5-7B"
    over the two value columns of the rows below): where the full rows are most of the body and
    set more columns, each shorter row's cells either sit in one of their columns or bridge whole
    gutters, and the full rows' columns stand."""
    cols = _drop_lone_bridges(_columns_of(body), body)
    if len(cols) == 1:
        cols = _ragged_value_column(body) or cols
    if len(body) < 3:
        return cols
    most = max(len(r.segs) for r in body)
    full = [r for r in body if len(r.segs) == most]
    if len(full) < 2 or 2 * len(full) < len(body) or len(full) == len(body):
        return cols
    fcols = _columns_of(full)
    if len(fcols) <= len(cols):
        return cols
    for r in body:
        if len(r.segs) == most:
            continue
        for sg in r.segs:
            hit = [c for c in fcols if min(c[1], sg.x1) - max(c[0], sg.x0) > 0]
            if len(hit) > 1 and not (sg.x0 <= hit[0][1] and sg.x1 >= hit[-1][0]):
                return cols
    return fcols


def _ragged_value_column(body: list[Row]) -> list[tuple[float, float]] | None:
    """A label column and one value column with no gutter between them: labels of very
    different lengths ("Body mass index" ... "Number of patients admitted to the intensive care
    unit") and values set flush right (or left), so that the longest labels reach past where
    the widest values start. Every row still parts its label from its value by a gap; the values
    line up on one edge. Two columns, the second from the leftmost value to the right edge."""
    if len(body) < 3:
        return None
    vals: list[Seg] = []
    labs: list[Seg] = []
    for r in body:
        tail = [sg for sg in r.segs[1:] if sg.numeric]
        first = r.segs[0]
        if not tail or first.numeric or sum(ch.isalpha() for ch in first.text) < 2:
            return None
        # the row's values follow its words: the first value starts after a gap past the label
        k = r.segs.index(tail[0])
        if any(not sg.numeric for sg in r.segs[k:]) or k != 1:
            return None
        vals.append(tail[0])
        labs.append(first)
    h = statistics.median([w.h for r in body for w in r.words])
    rights = sorted(r.segs[-1].x1 for r in body)
    lefts = sorted(v.x0 for v in vals)
    flush = (rights[-1] - rights[0] <= 0.6 * h) or (lefts[-1] - lefts[0] <= 0.6 * h)
    if not flush or not any(lb.x1 >= lefts[0] for lb in labs):
        return None
    x0 = min(lb.x0 for lb in labs)
    return [(x0, lefts[0] - 0.5), (lefts[0], rights[-1])]


def _drop_lone_bridges(cols: list[tuple[float, float]], body: list[Row]) -> list[tuple[float, float]]:
    """A column only one body row fills, whose cell sits in the gutter between two columns most
    rows fill, is no column: a value centred across both (one score for both sub-columns of a
    stage, "ThinkFollow* - 88.7 98.9" under "Thinking / Non-Thinking" pairs)."""
    if len(body) < 5 or len(cols) < 3:
        return cols

    def rows_in(c: tuple[float, float]) -> list[int]:
        return [k for k, r in enumerate(body) if any(c[0] - 0.5 <= sg.x0 and sg.x1 <= c[1] + 0.5 for sg in r.segs)]

    filled = [rows_in(c) for c in cols]
    keep = [True] * len(cols)
    for i in range(1, len(cols) - 1):
        if len(filled[i]) != 1:
            continue
        if 2 * len(filled[i - 1]) < len(body) or 2 * len(filled[i + 1]) < len(body):
            continue
        r = body[filled[i][0]]
        # the lone cell's row sets none of its own cells in the neighbours: it bridges them
        if any(cols[i - 1][0] - 0.5 <= sg.x0 and sg.x1 <= cols[i - 1][1] + 0.5 for sg in r.segs):
            continue
        if any(cols[i + 1][0] - 0.5 <= sg.x0 and sg.x1 <= cols[i + 1][1] + 0.5 for sg in r.segs):
            continue
        keep[i] = False
    return [c for c, k in zip(cols, keep) if k] if not all(keep) else cols


def _columns_of(body: list[Row]) -> list[tuple[float, float]]:
    if not body:
        return []
    maxsegs = max(len(r.segs) for r in body)
    spans: list[tuple[float, float]] = []
    nrows = 0
    for r in body:
        if len(r.segs) < 2 and maxsegs >= 2:
            continue
        if maxsegs >= 4 and len(r.segs) < max(2, maxsegs // 3):
            continue  # a row with few wide cells (a merged cell) does not set columns
        nrows += 1
        for sg in r.segs:
            spans.append((sg.x0, sg.x1))
    if not spans:
        return []
    lo = int(min(a for a, _ in spans)) - 1
    hi = int(max(b for _, b in spans)) + 2
    diff = [0] * (hi - lo + 2)
    for a, b in spans:
        diff[int(a) - lo] += 1
        diff[int(b + 0.999) - lo] -= 1
    allow = int(0.04 * nrows)  # a few cells that bridge a gutter (tight spacing) are tolerated
    cols: list[tuple[float, float]] = []
    run = 0
    start = None
    for i in range(hi - lo + 1):
        run += diff[i]
        if run > allow:
            if start is None:
                start = i
        elif start is not None:
            cols.append((start + lo, i + lo))
            start = None
    if start is not None:
        cols.append((start + lo, hi))
    # snap to the real extents of the segments inside each interval
    out = []
    for a, b in cols:
        inside = [(x0, x1) for x0, x1 in spans if a - 1 <= x0 and x1 <= b + 1]
        out.append((min(x0 for x0, _ in inside), max(x1 for _, x1 in inside)) if inside else (float(a), float(b)))
    return out


def _lead_column(rows: list[Row], cols: list[tuple[float, float]]) -> list[tuple[float, float]]:
    """Group labels set on lines of their own (vertically centred beside an even number of
    rows, so between two of them) left of every column: a leading label column."""
    lead = [sg for r in rows if len(r.segs) == 1 and not r.nval for sg in r.segs if sg.x1 < cols[0][0] - 2]
    if len(lead) < 2:
        return cols
    return [(min(sg.x0 for sg in lead), max(sg.x1 for sg in lead))] + cols


_PLAIN_INT = re.compile(r"^\d{1,4}$")


def _numbered_header(rows: list[Row], body_idx: list[int], cols: list[tuple[float, float]]) -> bool:
    """The first 'body' row is a header whose column names are numbers (a k, a year, a
    threshold): its numbers are plain integers where the cells under them are not (decimals,
    percentages, signs), and it has no header line above it in the region."""
    if len(body_idx) < 2 or body_idx[0] > 0:
        return False
    first = rows[body_idx[0]]
    nums = [sg for sg in first.segs if sg.numeric and _HAS_DIGIT.search(sg.text)]
    if len(nums) < 2 or not all(_PLAIN_INT.match(sg.text) for sg in nums):
        return False
    texts = [sg for sg in first.segs if not sg.numeric]
    if not texts or texts[0].x0 > cols[min(1, len(cols) - 1)][0]:
        return False  # no label-column heading: a row label, not a header
    below = [sg.text for k in body_idx[1:] for sg in rows[k].segs
             if sg.numeric and _HAS_DIGIT.search(sg.text) and any(_overlap(sg.x0, sg.x1, n.x0, n.x1) > 0 for n in nums)]
    return len(below) >= 3 and sum(1 for t in below if not _PLAIN_INT.match(t)) >= 0.8 * len(below)


_PLAIN_VALUE = re.compile(r"^[-+\u2212]?\d[\d,]*(?:\.\d+)?%?$")


def _worded_header(r: Row, cols: list[tuple[float, float]]) -> bool:
    """The top row of a table with no header line above it: its cells right of the label column
    are names (two or more of them words, "reg.", "TM"), none a plain number."""
    cells = [sg for sg in r.segs if _col_of(cols, sg.x0, sg.x1) >= 1]
    if len(cells) < 3 or any(_PLAIN_VALUE.match(sg.text) for sg in cells):
        return False
    return sum(1 for sg in cells if not sg.numeric and sum(ch.isalpha() for ch in sg.text) >= 2) >= 2


def _col_of(cols: list[tuple[float, float]], x0: float, x1: float) -> int:
    """The column a span of text belongs to: most overlap, else the zone of its centre."""
    best_j, best_o = -1, 0.0
    lo = bisect_right([c[1] for c in cols], x0) if len(cols) > 24 else 0
    for j in range(lo, len(cols)):
        a, b = cols[j]
        if a > x1:
            break
        o = min(x1, b) - max(x0, a)
        if o > best_o:
            best_j, best_o = j, o
    return best_j if best_j >= 0 else _zone(cols, (x0 + x1) / 2)


def _overlap(a0: float, a1: float, b0: float, b1: float) -> float:
    return max(0.0, min(a1, b1) - max(a0, b0))


def _zone(cols: list[tuple[float, float]], x: float) -> int:
    """Column index whose zone (split at gutter midpoints) holds x."""
    for j in range(len(cols) - 1):
        if x < (cols[j][1] + cols[j + 1][0]) / 2:
            return j
    return len(cols) - 1


def _covers(cols: list[tuple[float, float]], x0: float, x1: float) -> list[int]:
    """Columns whose centre lies inside [x0, x1]."""
    return [j for j, (a, b) in enumerate(cols) if x0 - 0.5 <= (a + b) / 2 <= x1 + 0.5]


def _split_wide_word(w: W, cols: list[tuple[float, float]], chars: list[tuple[float, float, str]] | None) -> list[W]:
    """A header word glued over several columns ('POPE↑MME-P↑MMB↑') split at column gutters."""
    if not chars:
        return [w]
    parts: list[list[tuple[float, float, str]]] = []
    last_zone = -1
    for c in chars:
        z = _zone(cols, (c[0] + c[1]) / 2)
        if parts and z == last_zone:
            parts[-1].append(c)
        else:
            parts.append([c])
        last_zone = z
    if len(parts) < 2:
        return [w]
    # only split where the glyph gap is wide (a real gutter, not a letter pair)
    for p, q in zip(parts, parts[1:]):
        if q[0][0] - p[-1][1] < 1.5:
            return [w]
    return [W(p[0][0], w.y0, p[-1][1], w.y1, "".join(c[2] for c in p).strip(), w.bold, w.italic) for p in parts if "".join(c[2] for c in p).strip()]


def _chars_of(pg: Any, bbox: tuple[float, float, float, float]) -> list[tuple[float, float, str]] | None:
    if pg is None:
        return None
    try:
        import pymupdf

        raw = pg.get_text("rawdict", clip=pymupdf.Rect(bbox) + (-0.5, -0.5, 0.5, 0.5), flags=pymupdf.TEXT_MEDIABOX_CLIP)
    except Exception:
        return None
    out = []
    for b in raw.get("blocks", ()):
        for ln in b.get("lines", ()):
            for s in ln.get("spans", ()):
                for ch in s.get("chars", ()):
                    x0, _y0, x1, _y1 = ch["bbox"]
                    out.append((x0, x1, ch["c"]))
    out.sort()
    return out or None


# -- building the grid ------------------------------------------------------------------


def _cell(ws: list[W]) -> Cell:
    ws = sorted(ws, key=lambda w: (round(w.cy), w.x0))
    text = _join_lines(ws)
    bb = (min(w.x0 for w in ws), min(w.y0 for w in ws), max(w.x1 for w in ws), max(w.y1 for w in ws))
    alpha = [w for w in ws if w.text.strip("()[]*†‡,.;:")]
    bold = bool(alpha) and all(w.bold for w in alpha)
    ital = bool(alpha) and all(w.italic for w in alpha)
    return Cell(text=text, bbox=bb, bold=bold, italic=ital)


def _join_lines(ws: list[W]) -> str:
    """Words of one cell, possibly over several lines: join, undoing line-end hyphens."""
    if not ws:
        return ""
    lines: list[list[W]] = []
    for w in ws:
        if lines and abs(w.cy - lines[-1][0].cy) < 0.45 * max(w.h, 1):
            lines[-1].append(w)
        else:
            lines.append([w])
    out = ""
    for ln in lines:
        t = " ".join(x.text + x.mark for x in sorted(ln, key=lambda x: x.x0))
        if not out:
            out = t
        elif out.endswith("-") and not out.endswith(" -"):
            out += t
        elif (t[:1] == "-" and t[1:2].isalnum() and not re.match(r"^-[\d.,]+%?(?:\s|$)", t)
              and out[-1:].isalnum() and " " not in out[-12:]):
            # a name broken before its hyphen: the second line starts with it ("DeepSeek-R1" /
            # "-Distill-Llama-70B", "Gemma-3" / "-12B-IT"; a negative number is no such line)
            out += t
        else:
            out += " " + t
    return out


# pages whose drawing code is larger than this (a dense vector plot) are not parsed for rules:
# pymupdf needs seconds for them, and the word geometry alone still gives the table
MAX_DRAWING_BYTES = 800_000


def _drawing_cost(pg: Any) -> Any:
    """The page's decoded drawing code, measured with a capped read (see ``budget``)."""
    from .budget import page_cost

    return page_cost(pg, cap=MAX_DRAWING_BYTES)


def page_drawings(pg: Any) -> list:
    """The page's drawings (MuPDF's line-art list), read once per page: the table search and
    the figure-text search both look at them."""
    got = getattr(pg, "_jr_drawings", None)
    if got is None:
        got = pg.get_cdrawings() if hasattr(pg, "get_cdrawings") else pg.get_drawings()
        if len(got) <= 2000:  # kept until the figure search is done (bounded memory)
            with contextlib.suppress(Exception):
                pg._jr_drawings = got
    return got


# ... unless it paints at most this many paths (listing them costs about 40 microseconds each):
# a megabyte of drawing code may be one vector logo in every page header
MAX_RULE_PATHS = 8000


def _few_paths(pg: Any) -> bool:
    from .budget import paint_count

    n = paint_count(pg)
    return n is not None and n <= MAX_RULE_PATHS


class _LazyRules:
    """The page's horizontal rules, parsed on first use (drawings can be slow to read)."""

    def __init__(self, pg: Any) -> None:
        self.pg = pg
        self.rules: list[tuple[float, float, float]] | None = None
        self.heavy = False

    def __call__(self) -> list[tuple[float, float, float]]:
        if self.rules is None:
            cost = _drawing_cost(self.pg) if self.pg is not None else None
            if cost is not None and cost.drawing_bytes > MAX_DRAWING_BYTES and not _few_paths(self.pg):
                self.heavy = True
                self.rules = []
            else:
                self.rules = _hrules(self.pg, cost.inline_images if cost is not None else 0)
        return self.rules


# a page painting more inline images than this (glyphs or dots as image masks) is not searched
# for rules printed as images: listing them takes longer than the rest of the table stage
MAX_INLINE_IMAGES = 400


def _hrules(pg: Any, inline_images: int = 0) -> list[tuple[float, float, float]]:
    """Horizontal rules (x0, x1, y) drawn on the page: booktabs rules and cmidrules (and, on a
    page without drawn ones, rules printed as thin inline images)."""
    if pg is None:
        return []
    try:
        drawings = page_drawings(pg)
    except Exception:
        return []
    if len(drawings) > 5000:
        return []
    out: list[tuple[float, float, float]] = []
    for d in drawings:
        for it in d.get("items", ()):
            kind = it[0]
            if kind == "l":
                p, q = it[1], it[2]
                px, py = (p.x, p.y) if hasattr(p, "x") else p
                qx, qy = (q.x, q.y) if hasattr(q, "x") else q
                if abs(py - qy) < 1.0 and abs(qx - px) > 4:
                    out.append((min(px, qx), max(px, qx), (py + qy) / 2))
            elif kind == "re":
                r = it[1]
                rx0, ry0, rx1, ry1 = (r.x0, r.y0, r.x1, r.y1) if hasattr(r, "x0") else r
                if abs(ry1 - ry0) < 1.6 and abs(rx1 - rx0) > 4:
                    # (a rectangle drawn leftwards has x0 > x1: the rule runs from the smaller x)
                    out.append((min(rx0, rx1), max(rx0, rx1), (ry0 + ry1) / 2))
    if not out and 0 < inline_images <= MAX_INLINE_IMAGES:
        out = _image_rules(pg)
    return out


def _image_rules(pg: Any) -> list[tuple[float, float, float]]:
    """Rules printed as thin images (a 1x1 image mask stretched into a line, as some
    PostScript-to-PDF tool chains draw booktabs rules): no drawing lists them."""
    try:
        log_ = pg.get_bboxlog()  # (kind, box) of everything painted: cheaper than listing the images
    except Exception:
        return []
    out = []
    for kind, bb in log_:
        if kind in ("fill-imgmask", "fill-image"):
            x0, y0, x1, y1 = bb
            if (y1 - y0) < 1.6 and (x1 - x0) > 4:
                out.append((x0, x1, (y0 + y1) / 2))
    return out


def _rules_in(rules: list[tuple[float, float, float]], bbox: tuple[float, float, float, float]) -> list[tuple[float, float, float]]:
    x0, y0, x1, y1 = bbox
    return [r for r in rules if y0 - 4 <= r[2] <= y1 + 4 and r[1] > x0 and r[0] < x1]


def _build(region: _Region, pg: Any, doc_index: int, page_no: int, page_rules: _LazyRules | None = None) -> list[RawTable]:
    """One region -> tables; a region holding stacked blocks, each under its own header
    line (e.g. languages 1-9, then languages 10-18), becomes one table per block."""
    if page_rules is not None and len(region.rows) >= 4:
        top_at = _smaller_type_over_rule(region.rows, page_rules)
        if top_at is not None:
            region = _Region(region.rows[top_at:], region.caption, region.cap_bbox, region.x0, region.x1,
                             list(region.notes) + ["smaller type over the table's opening rule (a figure's text) left out"], region.titles)
    cut = _section_heading_at(region.rows)
    if cut is not None:
        region = _Region(region.rows[:cut], region.caption, region.cap_bbox, region.x0, region.x1,
                         list(region.notes) + ["a section heading under the table ends it"], region.titles)
    rows = region.rows
    body_idx = [k for k, r in enumerate(rows) if _is_body(r)]
    if len(body_idx) >= 4:
        cols = _columns([rows[k] for k in body_idx])
        halves = _side_by_side(region, body_idx, cols)
        if halves is not None:
            return [t for half in halves for t in _build(half, pg, doc_index, page_no, page_rules)]
        if len(cols) >= 3:
            nlab = _label_cols([rows[k] for k in body_idx], cols)
            nval_cols = len(cols) - nlab
            head = [r for r in rows[:body_idx[0]] if r.words]
            bold_head = bool(head) and all(_all_bold(r) for r in head)
            stub = head[-1].segs[0] if head and head[-1].segs and head[-1].segs[0].x1 < cols[min(nlab, len(cols) - 1)][0] else None
            for k in range(body_idx[0] + 2, len(rows) - 2):
                r = rows[k]
                if r.nval:
                    continue
                if (stub is not None and len(head) >= 2 and len(r.segs) >= 2 and r.segs[0].text == stub.text
                        and abs(r.segs[0].x0 - stub.x0) < 3 and any(_is_body(x) for x in rows[k + 1:k + 4])):
                    # the header's lowest line printed again ("Method | Dataset: ParaSCI ACL | Dataset:
                    # MSRPC"): a second block under the same upper header lines (the metric names)
                    first = _Region(rows[:k], region.caption, region.cap_bbox, region.x0, region.x1, list(region.notes), region.titles)
                    rest = _Region(head[:-1] + rows[k:], region.caption, region.cap_bbox, region.x0, region.x1,
                                   list(region.notes) + ["second block of a stacked table (header line repeated)"], region.titles)
                    return _build(first, pg, doc_index, page_no, page_rules) + _build(rest, pg, doc_index, page_no, page_rules)
                if len(r.segs) < max(3, nval_cols // 2 + 1):
                    continue
                if sum(1 for sg in r.segs if sg.x0 >= cols[nlab][0] - 2) < max(2, nval_cols // 2):
                    continue
                if bold_head and not _any_bold(r):
                    continue  # a row of words set like the body under a bold header: data ("Optimizer | AdamW")
                if not _second_header(r, rows[k - 1], head, rows[k + 1:k + 4], page_rules):
                    continue  # a row of text values ("Backbone | ViT-B | ResNet", "Valid | k/511 | ...") among the rows
                if any(_is_body(x) for x in rows[k + 1:k + 4]):
                    first = _Region(rows[:k], region.caption, region.cap_bbox, region.x0, region.x1, list(region.notes), region.titles)
                    rest = _Region(rows[k:], region.caption, region.cap_bbox, region.x0, region.x1,
                                   list(region.notes) + ["second block of a stacked table (own header line)"], region.titles)
                    return _build(first, pg, doc_index, page_no, page_rules) + _build(rest, pg, doc_index, page_no, page_rules)
    one = _build_one(region, pg, doc_index, page_no, page_rules)
    return [one] if one is not None else []


def _labelish(sg: Seg) -> bool:
    """A cell that names its row: words, not a value."""
    return not sg.numeric and sum(ch.isalpha() for ch in sg.text) >= 2


def _side_by_side(region: _Region, body_idx: list[int], cols: list[tuple[float, float]]) -> tuple[_Region, _Region] | None:
    """Two tables printed next to each other under one caption, each with its own label column
    and header ("Models | R-1 R-2 Words" beside "Target | R-1 R-2 Words"; "Classification" over
    one "Method | Rank | Score", "Regression" over the other). Found from the geometry: a gutter
    between two columns that no word of any line of the region crosses (header, group rows and
    sub-captions included), with a column of names right of it (a second label column) after a
    column of values; and one more sign that the header is two column sets: the value columns'
    names repeat in order on both sides, or a line without values (a row group, a sub-caption,
    a title) sets one cell centred over each side, or one cell centred over one side only.
    Returns the two halves (each split again if it holds more), or None."""
    rows = region.rows
    if len(body_idx) < 4:
        return None
    body = [rows[k] for k in body_idx]
    if len(cols) < 4:
        return None

    def col_cells(j: int) -> list[Seg]:
        c0, c1 = cols[j]
        return [sg for r in body for sg in r.segs if sg.x0 >= c0 - 0.5 and sg.x1 <= c1 + 0.5]

    first_body = body_idx[0]
    words = [w for r in rows for w in r.words]
    for j in range(2, len(cols) - 1):
        gx0, gx1 = cols[j - 1][1], cols[j][0]
        if gx1 - gx0 < 2:
            continue
        here = col_cells(j)
        if len(here) < 0.6 * len(body) or sum(1 for sg in here if _labelish(sg)) < 0.8 * len(here):
            continue  # no second column of names
        before, lead = col_cells(j - 1), col_cells(0)
        if sum(1 for sg in lead if _labelish(sg)) < 0.8 * max(1, len(lead)):
            continue
        if sum(1 for sg in before if sg.numeric) < 0.8 * max(1, len(before)):
            continue  # the column before is not one of values
        # a line through the gutter that no word crosses: the widest free x-interval in it
        blocked = sorted((max(gx0, w.x0), min(gx1, w.x1)) for w in words if w.x1 > gx0 and w.x0 < gx1)
        free, at = (gx1 - gx0, gx0) if not blocked else (0.0, gx0)
        edge = gx0
        for a, b in blocked + [(gx1, gx1)]:
            if a - edge > free:
                free, at = a - edge, edge
            edge = max(edge, b)
        if free < 1.5:
            continue
        cut = at + free / 2
        left_w = [[w for w in r.words if w.x1 <= cut] for r in rows]
        right_w = [[w for w in r.words if w.x0 >= cut] for r in rows]
        # the value columns' names on each side (the header line right over the body)
        head = [k for k in range(first_body) if rows[k].words]
        names_l = [sg.text for sg in _segments(left_w[head[-1]])] if head else []
        names_r = [sg.text for sg in _segments(right_w[head[-1]])] if head else []
        repeated = len(names_l) >= 3 and len(names_r) >= 3 and names_l[1:] == names_r[1:]
        two_sets = False
        # each side's extent over its header's last line and its body
        hl = left_w[head[-1]] if head else []
        hr = right_w[head[-1]] if head else []
        sides = ((min([cols[0][0]] + [w.x0 for w in hl]), max([cols[j - 1][1]] + [w.x1 for w in hl])),
                 (min([cols[j][0]] + [w.x0 for w in hr]), max([cols[-1][1]] + [w.x1 for w in hr])))

        def centred(ws: list[W], side: tuple[float, float]) -> bool:
            lo, hi = side
            mid = (min(w.x0 for w in ws) + max(w.x1 for w in ws)) / 2
            return abs(mid - (lo + hi) / 2) < 0.25 * (hi - lo)

        for k, r in enumerate(rows):
            if k in body_idx or r.nval or not r.words:
                continue
            lw, rw = left_w[k], right_w[k]
            if (lw and rw and len(_segments(lw)) == 1 and len(_segments(rw)) == 1
                    and centred(lw, sides[0]) and centred(rw, sides[1])):
                two_sets = True  # a group row, sub-caption or title centred over each side
            elif k > first_body and bool(lw) != bool(rw):
                side = sides[0] if lw else sides[1]
                if centred(lw or rw, side) and min(w.x0 for w in lw or rw) > side[0] + 0.1 * (side[1] - side[0]):
                    two_sets = True  # a group row centred over one side only
        if not (repeated or two_sets):
            continue

        def half(ws_rows: list[list[W]], x0: float, x1: float) -> _Region:
            out = []
            titles = []
            for k, ws in enumerate(ws_rows):
                if ws:
                    r = Row(list(ws))
                    r.segs = _segments(r.words)
                    out.append(r)
                    if head and k < head[-1] and len(r.segs) == 1:
                        titles.append(r.y0)  # a line over this table's header: its title
            return _Region(out, region.caption, region.cap_bbox, x0, x1,
                           list(region.notes) + ["one of two tables side by side under one caption"], tuple(titles))

        return half(left_w, region.x0, cut), half(right_w, cut, region.x1)
    return None


_SECTION_NUMBER = re.compile(r"^(?:\d{1,2}(?:\.\d{1,2}){0,3}|[A-Z](?:\.\d{1,2}){1,3})\.?$")


def _section_heading_at(rows: list[Row]) -> int | None:
    """Index of the first row below the table's rows that is a numbered section heading ("4.3
    Ablation: Supervision Order Dominates"): a section number, then capitalised words, all in
    bold and set larger than the table's own lines. The region grew into the next section."""
    if len(rows) < 3:
        return None
    hs = sorted(w.h for r in rows for w in r.words)
    typical = hs[len(hs) // 2]
    for k in range(2, len(rows)):
        ws = rows[k].words
        if len(ws) < 2 or not _SECTION_NUMBER.match(ws[0].text) or not ws[1].text[:1].isupper():
            continue
        if not all(w.bold for w in ws) or sum(1 for w in ws[1:] if w.text[:1].isalpha()) < 1:
            continue
        if min(w.h for w in ws) > 1.08 * typical:
            return k
    return None


def _second_header(r: Row, prev: Row, head: list[Row], after: list[Row], page_rules: _LazyRules | None) -> bool:
    """Is a row of words inside a table the header line of a second stacked block, not a data row
    of text values? It repeats a name of the first header ("IGD | None | MRDL" under "HV | None |
    MRDL", "#TP | #AP | Swift" under "#TP | #AP | Python"), or a rule across the table runs right
    above it, or it is set in bold and the rows under it are not."""
    names = {sg.text.strip().casefold() for h in head for sg in h.segs if sg.text.strip()}
    if any(sg.text.strip().casefold() in names for sg in r.segs):
        return True
    if _any_bold(r) and not any(_any_bold(x) for x in after if _is_body(x)):
        return True
    if page_rules is not None:
        x0, x1 = min(w.x0 for w in r.words + prev.words), max(w.x1 for w in r.words + prev.words)
        if any(prev.y1 - 1 <= y <= r.y0 + 1 and (b - a) >= 0.6 * (x1 - x0) for a, b, y in page_rules()):
            return True
    return False


def _merge_centred_header(rows: list[Row], first_body: int) -> list[Row]:
    """A header whose names of two lines ("Self-" over "TER") stand above and below the one-line
    names, which are centred between them ("Method | BERT | iBLEU"): three row bands that overlap
    vertically, the outer two filling only places the middle one leaves empty. One header line."""
    k = 0
    out = list(rows)
    while k + 2 < min(first_body, len(out)):
        a, b, c = out[k], out[k + 1], out[k + 2]
        if b.y0 < a.y1 - 0.5 and b.y1 > c.y0 + 0.5 and a.y1 <= c.y0 + 1 and not a.nval and not c.nval:
            free = all(not any(_overlap(sa.x0, sa.x1, sb.x0, sb.x1) > 0 for sb in b.segs) for sa in a.segs + c.segs)
            # each upper piece over exactly one lower piece and each lower under exactly one upper: the
            # two lines of the same names (a group label over several names is no such pair)
            over = [[sc for sc in c.segs if _overlap(sa.x0, sa.x1, sc.x0, sc.x1) > 0] for sa in a.segs]
            under = [[sa for sa in a.segs if _overlap(sa.x0, sa.x1, sc.x0, sc.x1) > 0] for sc in c.segs]
            paired = all(len(x) == 1 for x in over) and all(len(x) == 1 for x in under)
            if free and paired:
                merged = Row(sorted(a.words + b.words + c.words, key=lambda w: w.x0))
                merged.segs = _segments(merged.words)
                out[k:k + 3] = [merged]
                first_body -= 2
                continue
        k += 1
    return out


def _build_one(region: _Region, pg: Any, doc_index: int, page_no: int, page_rules: _LazyRules | None = None) -> RawTable | None:
    rows = region.rows
    body_idx = [k for k, r in enumerate(rows) if _is_body(r)]
    if len(body_idx) < 2:
        return None
    def _texty_row(r: Row) -> bool:
        t = r.text.replace(" ", "")
        # (a line of text may hold a list marker and a citation: "2)", "[2]"; no value of a cell)
        values = [sg for sg in r.segs if sg.numeric and not re.match(r"^[(\[]?\d{1,2}[)\]]$|^\[\d{1,3}(?:,\s?\d{1,3})*\]$", sg.text)]
        return not values and sum(ch.isalpha() for ch in t) >= 0.6 * max(1, len(t))

    valued = [k for k in body_idx if not _texty_row(rows[k])]
    if page_rules is not None and len(valued) >= 3 and _texty_row(rows[-1]):
        # text under the rule that closes the table (a line of the running text that the region grew
        # into, "2) Bounding box generation: ..."): no row of the table
        allw0 = [w for r in rows for w in r.words]
        x0_, x1_ = min(w.x0 for w in allw0), max(w.x1 for w in allw0)
        last_body = rows[valued[-1]]
        closing = [y for a, b, y in page_rules() if last_body.y1 - 1 <= y <= rows[-1].y0 + 1 and (b - a) >= 0.6 * (x1_ - x0_)
                   and a < x1_ and b > x0_]
        if closing:
            cut = min(closing)
            # (only lines of six or more words: a short row of text values, "License | MIT | Apache",
            # may sit under a rule of its own)
            keep = [r for r in rows if not (r.y0 >= cut - 0.5 and _texty_row(r) and len(r.words) >= 6)]
            if len(keep) < len(rows) and all(r.y0 >= cut - 0.5 for r in rows[len(keep):]):
                rows = keep
                body_idx = [k for k, r in enumerate(rows) if _is_body(r)]
    if page_rules is not None and len(valued) >= 3:
        cut_at = _smaller_type_under_rule(rows, page_rules)
        if cut_at is not None:
            rows = rows[:cut_at]
            body_idx = [k for k, r in enumerate(rows) if _is_body(r)]
            if len(body_idx) < 2:
                return None
    if body_idx[0] >= 3:
        merged_rows = _merge_centred_header(rows, body_idx[0])
        if len(merged_rows) != len(rows):
            rows = merged_rows
            body_idx = [k for k, r in enumerate(rows) if _is_body(r)]
    first_body = body_idx[0]
    cols = _columns([rows[k] for k in body_idx])
    if len(cols) < 2:
        return None
    cols = _lead_column(rows[first_body:body_idx[-1] + 1], cols)
    if _numbered_header(rows, body_idx, cols) or (first_body == 0 and len(body_idx) >= 3 and _worded_header(rows[0], cols)):
        # "Backbone | Method | 1 | 7 | 21 | 51" over "-5.03%" cells: a header line of numbers;
        # "setup | reg. | 20m | 5k | TM 30m" over "p | 1 | 1 | 3": a header of setting names,
        # some of which read like magnitudes, and no header line above it
        body_idx = body_idx[1:]
        first_body = body_idx[0]
    notes = list(region.notes)
    if len(cols) * len(rows) > MAX_CELLS:
        keep = max(2, MAX_CELLS // len(cols))
        notes.append(f"table cut to its first {keep} rows of {len(rows)} ({len(cols)} columns)")
        rows = rows[:keep]
    ncol = len(cols)
    header_rows = rows[:first_body]
    allw = [w for r in rows for w in r.words]
    bbox = (min(w.x0 for w in allw), min(w.y0 for w in allw), max(w.x1 for w in allw), max(w.y1 for w in allw))
    rules_all: list[tuple[float, float, float]] | None = None

    def page_rules_in() -> list[tuple[float, float, float]]:
        nonlocal rules_all
        if rules_all is None:
            rules_all = _rules_in(page_rules(), bbox) if page_rules is not None else []
        return rules_all

    # a header line of numbers (the settings of a sweep: "b | 2 | 1 | 0.5 | MTP") with no header line
    # above it, set apart from the rows below by a drawn rule that no other row boundary repeats
    # (a sweep names two or more settings: a ruled-off top row with one value, "Total papers | 81.1M"
    # over "Papers w/ PDF | 28.9M (35.6%)", is a totals row of a key-value table, not a header)
    if first_body == 0 and len(body_idx) >= 3 and page_rules is not None and rows[0].nval >= 2 \
            and _ruled_off_top(rows, body_idx, page_rules_in(), bbox):
        body_idx = body_idx[1:]
        first_body = body_idx[0]
        header_rows = rows[:first_body]
    nlab0 = _label_cols(rows[first_body:], cols)
    # the lower lines of a two-line system header ("DeepSeek" over "67B"): no row label, set
    # like the header line above and unlike the rows below, at line spacing under it
    while header_rows and len(body_idx) >= 3 and _header_continuation(rows, body_idx, header_rows, cols, nlab0):
        header_rows.append(rows[body_idx[0]])
        body_idx = body_idx[1:]
        first_body = body_idx[0]
        header_rows = rows[:first_body]
        nlab0 = _label_cols(rows[first_body:], cols)
    # description rows printed above the scores ("Architecture | Dense | MoE"): header lines
    # by position, but under the rule that closes the header (or set unlike the header) and
    # shaped like data rows (a row label, one cell per value column)
    data_moved = _data_rows_in_header(header_rows, rows[first_body], cols, nlab0, page_rules_in, bbox)
    if data_moved:
        header_rows = header_rows[:len(header_rows) - len(data_moved)]
    # a centred single label just above the body is the first category, not a header line
    moved: list[Row] = []
    while len(header_rows) >= 2 and len(header_rows[-1].segs) == 1 and any(len(r.segs) >= 2 for r in header_rows[:-1]):
        seg = header_rows[-1].segs[0]
        if seg.x0 <= cols[0][1] + 2 and seg.x1 < cols[1][0]:
            break  # text in the first column only: a header of the label column
        if _continues_header_cell(seg, header_rows[-2], cols, page_rules_in, bbox):
            break  # the second line of one column's name ("S2ORC-" over "SciBERT")
        moved.insert(0, header_rows.pop())
    # a single label line under the header set like a category line further down ("PENN
    # TREEBANK" ... "WIKITEXT"): the first category
    if len(header_rows) >= 2 and not moved and len(header_rows[-1].segs) == 1:
        seg = header_rows[-1].segs[0]
        for r in rows[first_body + 1:]:
            if (len(r.segs) == 1 and not r.nval and abs(r.segs[0].x0 - seg.x0) < 2
                    and r.segs[0].text.isupper() == seg.text.isupper() and r.words[0].bold == seg.words[0].bold
                    and abs(r.segs[0].y1 - r.segs[0].y0 - (seg.y1 - seg.y0)) < 1.5):
                moved.append(header_rows.pop())
                break
    # the first line of a label that wraps around its (vertically centred) values
    if header_rows and not moved and not data_moved:
        fb, last = rows[first_body], header_rows[-1]
        h = max(1.0, statistics.median([w.h for w in fb.words]))
        if (not any(w.x0 < cols[0][1] + 1 for w in fb.words) and all(sg.x1 <= cols[1][0] for sg in last.segs)
                and fb.y0 - last.y1 < 0.9 * h):
            moved.append(header_rows.pop())
        elif len(header_rows) >= 2 and all(sg.x1 <= cols[1][0] for sg in last.segs):
            # the label lines of the first entry under the rule that closes the header ("Common
            # Crawl" over "24 shards, ..." beside its values): a drawn rule across the table
            # between them and the header lines above; the body, not the header
            width = bbox[2] - bbox[0]
            above = header_rows[-2]
            if any(above.y1 - 1 <= ru[2] <= last.y0 + 1 and (ru[1] - ru[0]) >= 0.8 * width for ru in page_rules_in()):
                moved.append(header_rows.pop())
    moved = moved + data_moved
    # drawn rules tell group headers' spans and row blocks; read them only when those exist
    nlab_h = nlab0
    need = len(header_rows) >= 2 or nlab_h >= 2
    rules = page_rules_in() if need else []

    # -- header --------------------------------------------------------------------------
    leaf: dict[int, list[W]] = {}
    span_items: list[tuple[float, list[int], list[W]]] = []
    upper: list[Seg] = []  # segments of upper header lines not placed by a rule
    for r in header_rows:
        words: list[W] = []
        for w in r.words:
            cov = _covers(cols, w.x0, w.x1)
            if len(cov) >= 2 and " " not in w.text:
                words.extend(_split_wide_word(w, cols, _chars_of(pg, (w.x0, w.y0, w.x1, w.y1))))
            else:
                words.append(w)
        hsegs = _segments(sorted(words, key=lambda w: w.x0))
        ruled: list[tuple[Seg, list[int], tuple[float, float, float]]] = []
        for sg in hsegs:
            cov = _covers(cols, sg.x0, sg.x1)
            if len(hsegs) == 1 and r is not header_rows[-1] and any(abs(sg.y0 - y) < 1 for y in region.titles):
                span_items.append((sg.y0, list(range(nlab_h, ncol)), sg.words))
                continue
            rule = [ru for ru in rules if sg.y1 - 1.5 <= ru[2] <= sg.y1 + 9 and ru[0] <= sg.x0 + 2 and ru[1] >= sg.x1 - 2]
            if rule:
                ru = min(rule, key=lambda t: t[2])
                rc = _covers(cols, ru[0], ru[1])
                if len(rc) >= 2 and (ru[1] - ru[0]) < 0.9 * (bbox[2] - bbox[0]):
                    ruled.append((sg, rc, ru))
                    continue
            if len(cov) >= 2:
                # single-column names glued by tight spacing: each part sits over its own column
                parts = _by_zone(sg.words, cols)
                if len(parts) >= 2 and all(_aligned(ws, cols[z]) for z, ws in parts) and (
                        r is header_rows[-1] or _glued(parts)):
                    for z, ws in parts:
                        leaf.setdefault(z, []).extend(ws)
                    continue
            if r is not header_rows[-1]:
                upper.append(sg)
                continue
            if len(cov) >= 2:
                span_items.append((sg.y0, cov, sg.words))
            else:
                leaf.setdefault(_col_of(cols, sg.x0, sg.x1), []).extend(sg.words)
        for sg, rc in _fit_spans(ruled, cols):
            span_items.append((sg.y0, rc, sg.words))
    span_items.extend(_upper_labels(upper, cols, nlab_h, leaf, span_items))
    span_items.sort(key=lambda t: t[0])
    lvl_rows: list[list[Cell | None]] = []
    lvl_y: list[float] = []
    for y, cov, ws in span_items:
        if lvl_y and abs(y - lvl_y[-1]) < 4:
            target = lvl_rows[-1]
        else:
            target = [None] * ncol
            lvl_rows.append(target)
            lvl_y.append(y)
        c = _cell(ws)
        for j in cov:
            if target[j] is None:
                target[j] = Cell(text=c.text, bbox=c.bbox, bold=c.bold, italic=c.italic)
    header: list[list[Cell]] = []
    for lr in lvl_rows:
        header.append([c if c is not None else _empty(cols, j) for j, c in enumerate(lr)])
    leaf_row = [_cell(leaf[j]) if leaf.get(j) else _empty(cols, j) for j in range(ncol)]
    mixed = [j for j in range(nlab_h, ncol) if leaf.get(j) and _two_typefaces(leaf[j])]
    if mixed:
        notes.append("header cells set in two typefaces: " + ", ".join(repr(leaf_row[j].text) for j in mixed[:3]))
    if any(c.text for c in leaf_row) or not header:
        header.append(leaf_row)

    # -- body ----------------------------------------------------------------------------
    body_rows = moved + rows[first_body:]
    nlab = _label_cols(body_rows, cols)
    items: list[_BRow] = []
    for r in body_rows:
        per: list[list[W]] = [[] for _ in range(ncol)]
        nv = r.nval
        spanning = False
        for sg in r.segs:
            cov = _covers(cols, sg.x0, sg.x1)
            if nv == 0 and len(cov) >= 2:
                spanning = True
            elif len(cov) >= 2 and len(sg.words) >= 2:
                parts = _by_zone(sg.words, cols)
                # (a label is not cut onto the one value column of a label-and-value table that its
                # row's value fills: a long label reaching over flush-right values keeps its words)
                if len(parts) >= 2 and not (ncol == 2 and not sg.numeric and any(
                        o.x0 > sg.x1 and o.numeric and _col_of(cols, o.x0, o.x1) in {z for z, _ws in parts[1:]} for o in r.segs)):
                    for z, ws in parts:
                        per[z].extend(ws)
                    continue
            j = _col_of(cols, sg.x0, sg.x1)
            per[j].extend(sg.words)
        label_only = nv == 0 and not any(per[j] for j in range(nlab, ncol))
        # a row of words set like a data row ("Optimizer | AdamW | Muon"): a row of text values
        text_row = nv == 0 and not spanning and not label_only and _data_like(r, cols, nlab)
        items.append(_BRow(r, per, nv > 0 or text_row, spanning or (nv == 0 and not label_only and not text_row), label_only))
    items, details = _titled_entries(items, ncol)
    if details:
        notes.append("rows named by their bold first line; plain lines under it describe the row: "
                     + "; ".join(repr(d) for d in details[:3]))
    items = _ruled_runons(items, nlab, page_rules_in if page_rules is not None else None, bbox)
    merged = _merge_label_rows(items, nlab)
    # the usual start of a row's label: labels of one line and one run of words
    lone = [(min(w.x0 for w in it.per[0]), max(w.x1 for w in it.per[0])) for it in merged
            if it.per[0] and len(_segments(sorted(it.per[0], key=lambda w: w.x0))) == 1]
    if nlab >= 2 and not details:  # (entries named by their bold lines are no groups)
        _fill_groups(merged, nlab, rules, bbox)
    out_rows: list[list[Cell]] = [list(h) for h in header]
    indented = _indented_parents(merged) if nlab == 1 else {}
    for k, br in enumerate(merged):
        if not any(br.per):
            continue
        if br.category:
            ws = [w for c in br.per for w in c]
            cells = _regroup_row(ws, header, cols, nlab)
            if cells is None:
                cells = [_cell(ws)] + [_empty(cols, j) for j in range(1, ncol)]
        else:
            cells = [_cell(ws) if ws else _empty(cols, j) for j, ws in enumerate(br.per)]
            if nlab == 1 and ncol >= 2 and br.per[0] and br.values:
                outer = _group_beside(br.per[0], lone)
                if outer:
                    cells[0].text = outer
                elif k in indented:
                    cells[0].text = f"{_join_lines(merged[indented[k]].per[0])} / {cells[0].text}"
        out_rows.append(cells)
    return RawTable(
        doc=doc_index, page=page_no, bbox=bbox, rows=out_rows, caption=region.caption,
        header_rows=len(header), method="words", pages=[page_no], notes=notes,
    )


def _regroup_row(ws: list[W], header: list[list[Cell]], cols: list[tuple[float, float]], nlab: int) -> list[Cell] | None:
    """A line inside the body that names the column groups again for the rows under it ("BART,
    Multitask: L -> {S, T}" over the first six value columns, "BART, Single-task: ..." over
    the next six, where the header's top line had "BART, Multitask: D -> {L, S, T}" ...): one
    run of words centred on each of the header's group runs, and no words in the label
    columns. Each run's text goes to every column of its group (as in the header); None if
    the line is not such a line."""
    if len(header) < 2 or not ws:
        return None
    top = header[0]
    runs: list[list[int]] = []
    for j in range(nlab, len(cols)):
        t = top[j].text.strip() if j < len(top) else ""
        if not t:
            continue
        if runs and top[runs[-1][-1]].text.strip() == t and runs[-1][-1] == j - 1:
            runs[-1].append(j)
        else:
            runs.append([j])
    if len(runs) < 2 or any(len(r) < 2 for r in runs):
        return None
    if min(w.x0 for w in ws) < cols[nlab][0] - 2:
        return None
    segs = _segments(sorted(ws, key=lambda w: w.x0))
    if len(segs) != len(runs):
        return None
    cells = [_empty(cols, j) for j in range(len(cols))]
    for sg, run in zip(segs, runs):
        a, e = cols[run[0]][0], cols[run[-1]][1]
        mid = (sg.x0 + sg.x1) / 2
        if not (a - 2 <= sg.x0 and sg.x1 <= e + 2 and abs(mid - (a + e) / 2) < 0.2 * (e - a)):
            return None
        for j in run:
            cells[j] = _cell(sg.words)
    return cells


def _median_h(rows: list[Row]) -> float:
    hs = sorted(w.h for r in rows for w in r.words)
    return hs[len(hs) // 2] if hs else 0.0


def _smaller_type_under_rule(rows: list[Row], page_rules: Any) -> int | None:
    """The first row under the rule that closes the table, where everything under it is set in a
    smaller type after a wide gap: the text of a figure placed under the table (its axis ticks and
    legend, "65 | 94 | 25", "MLA@1.4T"), which the word geometry alone would read as more rows. A
    row under a rule in the table's own type (an average row) stays, and so do notes set right
    under the rule. The words decide first; the page's rules are read only to confirm."""
    for k in range(3, len(rows)):
        above, under = rows[:k], rows[k:]
        h_above = _median_h(above)
        if h_above <= 0 or rows[k].y0 - rows[k - 1].y1 <= 1.2 * h_above or _median_h(under) >= 0.85 * h_above:
            continue
        allw = [w for r in rows for w in r.words]
        x0_, x1_ = min(w.x0 for w in allw), max(w.x1 for w in allw)
        if any(rows[k - 1].y1 - 0.5 <= y <= rows[k].y0 - 1.2 * h_above and (b - a) >= 0.6 * (x1_ - x0_) and a < x1_ and b > x0_
               for a, b, y in page_rules()):
            return k
        return None
    return None


def _smaller_type_over_rule(rows: list[Row], page_rules: Any) -> int | None:
    """The first row under the rule that opens the table, where everything over it is set in a
    smaller type and a wide gap parts it from the rule: the text of a figure placed right above
    the table (axis ticks, legends), which a region grown up from a caption under the table
    reads as more rows. The rule runs across most of the rows under it."""
    for k in range(len(rows) - 3, 0, -1):
        above, under = rows[:k], rows[k:]
        h_under = _median_h(under)
        if h_under <= 0 or rows[k].y0 - rows[k - 1].y1 <= 1.2 * h_under or _median_h(above) >= 0.85 * h_under:
            continue
        uw = [w for r in under for w in r.words]
        x0_, x1_ = min(w.x0 for w in uw), max(w.x1 for w in uw)
        if any(rows[k - 1].y1 + 1.2 * h_under <= y <= rows[k].y0 + 0.5 and (b - a) >= 0.6 * (x1_ - x0_) and a < x1_ and b > x0_
               for a, b, y in page_rules()):
            return k
        return None
    return None


def _ruled_off_top(rows: list[Row], body_idx: list[int], rules: list[tuple[float, float, float]],
                   bbox: tuple[float, float, float, float]) -> bool:
    """Is the table's first row a header ruled off from the rows under it: a rule across most of
    the table between the first and second rows, none between the second and third (a table
    with a rule under every row says nothing about its first)?"""
    a, b, c = rows[body_idx[0]], rows[body_idx[1]], rows[body_idx[2]]
    width = bbox[2] - bbox[0]

    def ruled(upper: Row, lower: Row) -> bool:
        # (between the rows' middles: a tall word, "O-PTP", may reach down past the rule)
        lo, hi = (upper.y0 + upper.y1) / 2, (lower.y0 + lower.y1) / 2
        return any(lo < y < hi and (x1 - x0) >= 0.6 * width for x0, x1, y in rules)

    return ruled(a, b) and not ruled(b, c)


def _two_typefaces(ws: list[W]) -> bool:
    """Words of one header cell, some bold and some not (lines of two kinds merged); a
    parenthesised qualifier ("(medium)") and words of other scripts are often set apart and
    do not count."""
    alpha = [w for w in ws if sum(ch.isascii() and ch.isalpha() for ch in w.text) >= 2 and not w.text.startswith(("(", "["))]
    return any(w.bold for w in alpha) and not all(w.bold for w in alpha)


def _all_bold(r: Row) -> bool:
    ws = [w for w in r.words if any(ch.isalnum() for ch in w.text)]
    return bool(ws) and all(w.bold for w in ws)


def _any_bold(r: Row) -> bool:
    return any(w.bold for w in r.words if any(ch.isalnum() for ch in w.text))


def _header_continuation(rows: list[Row], body_idx: list[int], head: list[Row], cols: list[tuple[float, float]], nlab: int) -> bool:
    """Is the first 'body' row (it holds number-like words: "67B", "8x22B", "v2") the lower line
    of the header above it? It has no row label, every piece sits under a header cell, it is set
    at line spacing under the header line and in its typeface (bold where the header is bold),
    and the row under it is not."""
    r0 = rows[body_idx[0]]
    nxt = rows[body_idx[1]]
    if any(_col_of(cols, sg.x0, sg.x1) < nlab for sg in r0.segs):
        return False  # a row label: a data row
    if not any(_col_of(cols, sg.x0, sg.x1) < nlab for sg in nxt.segs):
        return False  # the rows under it have no labels either: nothing sets it apart
    h = max(1.0, statistics.median([w.h for w in r0.words]))
    if r0.y0 - max(r.y1 for r in head) > 0.6 * h:
        return False
    above = [[s.text for r in head for s in r.segs if _overlap(sg.x0, sg.x1, s.x0, s.x1) > 0] for sg in r0.segs]
    if _all_bold(r0) and all(_all_bold(r) for r in head) and not _all_bold(nxt):
        return True  # set like the header, unlike the rows below
    # without it the header cannot tell these columns apart ("RULER" over "4K | 8K | 16K"): short
    # names, mostly number-like, that no header piece names already
    if len(r0.segs) < 2 or sum(1 for sg in r0.segs if sg.numeric) < 0.66 * len(r0.segs):
        return False
    if any(len(sg.words) > 1 for sg in r0.segs):
        return False
    return len({tuple(a) for a in above}) < len(above)


def _data_like(r: Row, cols: list[tuple[float, float]], nlab: int) -> bool:
    """A row shaped like a data row: a row label in the label columns and one piece of text in
    each of at least half of the value columns (none spanning two)."""
    nv = len(cols) - nlab
    if nv < 1:
        return False
    if nv == 1:
        # one value column (a key-value table: "Optimizer | AdamW" among "Batch size | 256"): a
        # label and one piece of text set on the value column's edge, as its values are; with
        # two label columns the row may also set its group's name ("DT & RF | max depth | none
        # or {2, ..., 50}"), one piece in each label column
        segs = r.segs
        if not 2 <= len(segs) <= nlab + 1 or len(_covers(cols, segs[-1].x0, segs[-1].x1)) >= 2:
            return False
        labs = [_col_of(cols, sg.x0, sg.x1) for sg in segs[:-1]]
        if any(j >= nlab or len(_covers(cols, sg.x0, sg.x1)) >= 2 for j, sg in zip(labs, segs[:-1])) or len(set(labs)) < len(labs):
            return False
        c = cols[-1]
        v = segs[-1]
        h = max(1.0, statistics.median([w.h for w in r.words]))
        return _col_of(cols, v.x0, v.x1) == nlab and (abs(v.x0 - c[0]) < 0.3 * h or abs(v.x1 - c[1]) < 0.3 * h)
    lab = False
    filled: set[int] = set()
    for sg in r.segs:
        cov = _covers(cols, sg.x0, sg.x1)
        if len(cov) >= 2:
            return False
        j = _col_of(cols, sg.x0, sg.x1)
        if j < nlab:
            lab = True
        elif j in filled:
            return False
        else:
            filled.add(j)
    return lab and len(filled) >= max(2, (nv + 1) // 2)


def _data_rows_in_header(header_rows: list[Row], first: Row, cols: list[tuple[float, float]], nlab: int,
                         rules_of: Any, bbox: tuple[float, float, float, float]) -> list[Row]:
    """The lowest header lines that are data rows: shaped like data rows (see ``_data_like``) and
    set apart from the header lines above them by the rule that closes the header (a rule
    across the table between them, none between them and the body), or by typeface (the
    header lines above bold, these not)."""
    if len(header_rows) < 2:
        return []
    k = len(header_rows)
    while k > 1 and _data_like(header_rows[k - 1], cols, nlab):
        k -= 1
    if k == len(header_rows):
        return []
    width = bbox[2] - bbox[0]
    body_bold = _all_bold(first)
    for cut in range(len(header_rows) - 1, k - 1, -1):  # the lowest boundary first
        above, tail = header_rows[:cut], header_rows[cut:]
        if any(_all_bold(r) and not body_bold for r in tail):
            break  # a bold line over plain rows is set as a header ("Hyperparameters | Stage 1")
        typeface = all(_all_bold(r) for r in above) and not any(_any_bold(r) for r in tail)
        ruled = False
        if not typeface:
            full = [ru for ru in rules_of() if (ru[1] - ru[0]) >= 0.8 * width]
            between = any(above[-1].y1 - 1 <= ru[2] <= tail[0].y0 + 1 for ru in full)
            under = any(tail[-1].y1 - 1 <= ru[2] <= first.y0 + 1 for ru in full)
            ruled = between and not under
        if typeface or ruled:
            return list(tail)
    return []


def _continues_header_cell(seg: Seg, above: Row, cols: list[tuple[float, float]], rules_of: Any,
                           bbox: tuple[float, float, float, float]) -> bool:
    """A lone piece of header text in one value column, right under a piece of the header line
    above in the same column at line spacing, aligned with it (left edges or centres), in its
    typeface and with no rule across the table between them: the second line of that column's
    name ("S2ORC-" over "SciBERT"), not the first group line of the body (which a rule or a
    typeface sets apart, and which is centred on the table, not on one column)."""
    cov = _covers(cols, seg.x0, seg.x1)
    if len(cov) >= 2:
        return False
    j = _col_of(cols, seg.x0, seg.x1)
    if j == 0:
        return False
    h = max(1.0, seg.y1 - seg.y0)
    for s in above.segs:
        if not (_col_of(cols, s.x0, s.x1) == j and _overlap(s.x0, s.x1, seg.x0, seg.x1) > 0 and 0 <= seg.y0 - s.y1 < 0.6 * h):
            continue
        if abs(s.x0 - seg.x0) > 2 and abs((s.x0 + s.x1) / 2 - (seg.x0 + seg.x1) / 2) > 2:
            continue
        if _all_bold(Row(s.words)) != _all_bold(Row(seg.words)) or all(w.italic for w in s.words) != all(w.italic for w in seg.words):
            continue
        width = bbox[2] - bbox[0]
        if any(s.y1 - 1 <= ru[2] <= seg.y0 + 1 and (ru[1] - ru[0]) >= 0.8 * width for ru in rules_of()):
            continue
        return True
    return False


def _onto_placed(segs: list[Seg], placed: list[tuple[float, list[int], list[W]]]) -> list[Seg]:
    """A line set right above a group label already placed over two or more columns (by the
    rule under it), within that label's width, centred on it and alone over it, is the label's
    first line ("Stage 3" over "Thinking Mode Fusion" over Thinking / Non-Thinking): it joins the
    label, not the column under it that it happens to overlap. The other segments are returned."""
    rest: list[Seg] = []
    for sg in segs:
        h = max(1.0, min(w.h for w in sg.words))  # one line's height (a segment may hold two)
        for _y, cov, ws in placed:
            if len(cov) < 2 or not ws:
                continue
            wy0 = min(w.y0 for w in ws)
            wx0, wx1 = min(w.x0 for w in ws), max(w.x1 for w in ws)
            # centred on the label (a column's own name that only starts above it is not), alone on
            # its line over the label (one of a row of column names is no line of the label)
            alone = not any(o is not sg and abs(o.y0 - sg.y0) < 0.5 * h and _overlap(o.x0, o.x1, wx0, wx1) > 0
                            for o in segs)
            if (alone and sg.y1 - sg.y0 < 1.6 * h and 0 <= wy0 - sg.y1 < 0.8 * h and wx0 - 2 <= sg.x0
                    and sg.x1 <= wx1 + 2
                    and abs((sg.x0 + sg.x1) / 2 - (wx0 + wx1) / 2) < max(h, 0.1 * (wx1 - wx0))):
                ws[:0] = sg.words
                break
        else:
            rest.append(sg)
    return rest


def _upper_labels(segs: list[Seg], cols: list[tuple[float, float]], first: int, leaf: dict[int, list[W]],
                  placed: list[tuple[float, list[int], list[W]]]) -> list[tuple[float, list[int], list[W]]]:
    """Labels of the upper header lines: pieces of one label printed on several lines are one
    label (a family name over its version, "Systems/Corpora" over "without Splits"); a label
    over two or more columns, or centred over a gutter, is a group level that spans the
    columns it is centred on; a label over one column only is the top line of that column's
    own name (it goes to the leaf)."""
    if not segs:
        return []
    segs = _onto_placed(segs, placed)
    if not segs:
        return []
    segs = sorted(segs, key=lambda sg: (sg.y0, sg.x0))
    blocks: list[list[Seg]] = []
    for sg in segs:
        h = max(1.0, sg.y1 - sg.y0)
        for blk in blocks:
            last = blk[-1]
            if 0 <= sg.y0 - last.y1 < 0.8 * h and _overlap(sg.x0, sg.x1, last.x0, last.x1) > 0:
                blk.append(sg)
                break
        else:
            blocks.append([sg])
    info = []
    for blk in blocks:
        x0, x1 = min(b.x0 for b in blk), max(b.x1 for b in blk)
        c = (x0 + x1) / 2
        cov = _covers(cols, x0, x1)
        if len(cov) < 2:
            z = _col_of(cols, x0, x1)
            own = abs((cols[z][0] + cols[z][1]) / 2 - c)
            pitch = cols[z][1] - cols[z][0] + 4
            cov = [z]
            for a, e in ((z - 1, z), (z, z + 1)):
                # (a spanner may be centred over the last label column and the first value
                # column: "Video" over "ID | Length (m:ss)")
                if (first <= a or (a == first - 1 >= 0 and e == first)) and e < len(cols):
                    mid = (cols[a][0] + cols[e][1]) / 2
                    # (there, or centred over the two columns' own names where they are wider
                    # than the cells: "Video" over "ID | Length (m:ss)", short IDs under "ID")
                    named = [w for j in (a, e) for w in leaf.get(j, ())] if a < first else []
                    wide = ((min([cols[a][0]] + [w.x0 for w in leaf.get(a, ())]) + max([cols[e][1]] + [w.x1 for w in leaf.get(e, ())])) / 2
                            if named else mid)
                    if min(abs(mid - c), abs(wide - c)) < 0.25 * own and own > 0.3 * pitch:
                        cov = [a, e]
                        break
        info.append((blk, cov, c))
    info = _split_tall_stacks(info, cols, first)
    _share_siblings(info, cols, first)
    _repeat_siblings(info, cols, first, leaf)
    _typeface_groups(info, cols, first, leaf)
    out: list[tuple[float, list[int], list[W]]] = []
    for k, (blk, cov, c) in enumerate(info):
        ws = [w for b in blk for w in b.words]
        if len(cov) < 2:
            leaf.setdefault(cov[0], [])[:0] = ws  # above the column's own name
            continue
        y0 = blk[0].y0
        taken = {j for m, (b2, cv2, _c) in enumerate(info) if m != k and abs(b2[0].y0 - y0) < 4 for j in cv2}
        taken |= {j for y, cv2, _ws in placed if abs(y - y0) < 4 for j in cv2}
        lo = first if cov[0] >= first else 0
        out.append((y0, _expand_span(cov, c, cols, taken, lo), ws))
    return out


def _split_tall_stacks(info: list[tuple[list[Seg], list[int], float]], cols: list[tuple[float, float]],
                       first: int) -> list[tuple[list[Seg], list[int], float]]:
    """A one-column stack of header lines that starts level with a group label over other
    columns and runs on down into the lines where the other columns' own names start ("Non-
    pangenotypic DAA regimen (in settings ...)" over "Sofosbuvir/ ledipasvir", beside
    "Pangenotypic DAA regimens" over three regimens): its lines above that start are the
    column's own group level, not the top of its name."""
    multi_y = [blk[0].y0 for blk, cov, _c in info if len(cov) >= 2]
    if not multi_y:
        return info
    single: dict[int, list[int]] = {}
    for k, (blk, cov, _c) in enumerate(info):
        if len(cov) == 1 and cov[0] >= first:
            single.setdefault(cov[0], []).append(k)
    for z, ks in single.items():
        segs = sorted((sg for k in ks for sg in info[k][0]), key=lambda sg: sg.y0)
        if len(segs) < 3 or not any(abs(segs[0].y0 - y) < 4 for y in multi_y):
            continue
        # where the other value columns' names start: the top of their stacks, below this top,
        # shared by two or more of them
        tops = sorted(min(info[k][0][0].y0 for k in kk) for zz, kk in single.items() if zz != z)
        tops = [y for y in tops if y > segs[0].y1 + 1]
        common = [y for y in tops if sum(1 for o in tops if abs(o - y) < 2) >= 2]
        if not common:
            continue
        y_s = min(common)
        top = [sg for sg in segs if sg.y0 < y_s - 2]
        rest = [sg for sg in segs if sg.y0 >= y_s - 2]
        if not top or not rest:
            continue
        c = info[ks[0]][2]
        # the top as a group over its own column (listed twice: the caller sends blocks of one
        # column to the column's name)
        info = [it for k, it in enumerate(info) if k not in ks] + [(top, [z, z], c), (rest, [z], c)]
        break  # (one such column per header: the indices above are stale now)
    return info


def _repeat_siblings(info: list[tuple[list[Seg], list[int], float]], cols: list[tuple[float, float]], first: int,
                     leaf: dict[int, list[W]]) -> None:
    """A one-column label on a header line beside a group label: a group label too when the
    columns it is centred on repeat the group's sub-columns ("Full" over P R F1 beside "Grobid
    Subset" over P R F1, no rules: "Full" is as wide as one column, but its siblings' leaves
    say it names three). A wrapped column name ("Gzip files" over "(GB)") has no such run."""
    def names(run: list[int]) -> list[str]:
        return [" ".join(w.text for w in leaf.get(j, [])).strip().casefold() for j in run]

    groups = [(k, cov) for k, (blk, cov, _c) in enumerate(info) if len(cov) >= 2 and cov[0] >= first]
    if not groups:
        return
    for k, (blk, cov, c) in enumerate(info):
        if len(cov) != 1 or len(blk) != 1 or cov[0] < first:
            continue
        y0 = blk[0].y0
        for g, gcov in groups:
            if abs(info[g][0][0].y0 - y0) >= 4:
                continue
            n = len(gcov)
            pattern = names(gcov)
            if not all(pattern):
                continue
            taken = {j for m, (b2, cv2, _c2) in enumerate(info) if m != k and abs(b2[0].y0 - y0) < 4 for j in cv2}
            for a in range(max(first, cov[0] - n + 1), cov[0] + 1):
                run = list(range(a, a + n))
                if run[-1] >= len(cols) or taken & set(run) or names(run) != pattern:
                    continue
                mid = (cols[run[0]][0] + cols[run[-1]][1]) / 2
                if abs(mid - c) <= max(4.0, 0.1 * (cols[run[-1]][1] - cols[run[0]][0])):
                    info[k] = (blk, run, c)
                    break
            if len(info[k][1]) > 1:
                break


def _typeface_groups(info: list[tuple[list[Seg], list[int], float]], cols: list[tuple[float, float]], first: int,
                     leaf: dict[int, list[W]]) -> None:
    """A one-column label set in another typeface than the column names under it (bold "Size"
    over italic "Gzip files (GB) | Documents (millions) | Tokens (billions)"): a group level,
    spanning the widest run of free columns it is centred on whose names are all in the other
    typeface (the name under it, stacked on the label at line spacing, goes back to its
    column). A column's own two-line name keeps one typeface; a run needs three columns."""
    def face(ws: list[W]) -> tuple[bool, bool] | None:
        ws = [w for w in ws if any(ch.isalnum() for ch in w.text)]
        if not ws:
            return None
        b, i = {w.bold for w in ws}, {w.italic for w in ws}
        return (b.pop(), i.pop()) if len(b) == 1 and len(i) == 1 else None

    for k, (blk, cov, c) in enumerate(info):
        if len(cov) != 1 or cov[0] < first:
            continue
        top, rest = blk[0], blk[1:]
        own = face(top.words)
        z = cov[0]
        under = [w for sg in rest for w in sg.words] + leaf.get(z, [])
        if own is None or face(under) in (None, own):
            continue
        c = (top.x0 + top.x1) / 2
        y0 = top.y0
        taken = {j for m, (b2, cv2, _c2) in enumerate(info) if m != k and abs(b2[0].y0 - y0) < 4 for j in cv2}
        best: list[int] = []
        for w in range(1, len(cols)):
            a, e = z - w, z + w
            if a < first or e >= len(cols) or taken & set(range(a, e + 1)):
                break
            if any(face(leaf.get(j, []) + ([x for sg in rest for x in sg.words] if j == z else [])) in (None, own)
                   for j in range(a, e + 1)):
                break
            mid = (cols[a][0] + cols[e][1]) / 2
            if abs(mid - c) <= max(4.0, 0.1 * (cols[e][1] - cols[a][0])):
                best = list(range(a, e + 1))
        if best:
            if rest:
                leaf.setdefault(z, [])[:0] = [w for sg in rest for w in sg.words]
            info[k] = ([top], best, c)


def _share_siblings(info: list[tuple[list[Seg], list[int], float]], cols: list[tuple[float, float]], first: int) -> None:
    """A middle header level printed without rules ("CSI200  CSI500  CSI300", each centred over
    its four metric columns): labels on one line, each narrower than its columns, share the value
    columns out, each column going to the nearest label; taken only when every label is then
    centred over a run of two or more columns."""
    lines: dict[int, list[int]] = {}
    for k, (blk, cov, _c) in enumerate(info):
        # (the label column's own header on that line, "Structure" left of the systems, is no sibling)
        if len(cov) < 2 and len(blk) == 1 and cov[0] >= first:
            key = next((y for y in lines if abs(y - blk[0].y0) < 4), None)
            lines.setdefault(key if key is not None else int(blk[0].y0), []).append(k)
    for ks in lines.values():
        if len(ks) < 2:
            continue
        share: dict[int, list[int]] = {k: [] for k in ks}
        for j in range(first, len(cols)):
            cc = (cols[j][0] + cols[j][1]) / 2
            share[min(ks, key=lambda k: abs(info[k][2] - cc))].append(j)
        ok = True
        for k in ks:
            run = share[k]
            if len(run) < 2 or run != list(range(run[0], run[-1] + 1)):
                ok = False
                break
            mid = (cols[run[0]][0] + cols[run[-1]][1]) / 2
            width = cols[run[-1]][1] - cols[run[0]][0]
            if abs(mid - info[k][2]) > max(4.0, 0.1 * width):
                ok = False
                break
        if ok:
            for k in ks:
                info[k] = (info[k][0], share[k], info[k][2])


def _fit_spans(ruled: list[tuple[Seg, list[int], tuple[float, float, float]]],
               cols: list[tuple[float, float]]) -> list[tuple[Seg, list[int]]]:
    """Group headers over a rule (a cmidrule): a label alone over its rule takes every column
    the rule spans; labels that share one rule share its columns out, each column going to the
    label whose centre is nearest."""
    by_rule: dict[tuple[float, float, float], list[tuple[Seg, list[int]]]] = {}
    for sg, rc, ru in ruled:
        by_rule.setdefault(ru, []).append((sg, rc))
    out: list[tuple[Seg, list[int]]] = []
    for items in by_rule.values():
        if len(items) == 1:
            out.append(items[0])
            continue
        rc = items[0][1]
        own: dict[int, list[int]] = {k: [] for k in range(len(items))}
        for j in rc:
            cc = (cols[j][0] + cols[j][1]) / 2
            k = min(range(len(items)), key=lambda i: abs((items[i][0].x0 + items[i][0].x1) / 2 - cc))
            own[k].append(j)
        for k, (sg, _rc) in enumerate(items):
            if own[k]:
                out.append((sg, own[k]))
    return out


def _expand_span(cov: list[int], centre: float, cols: list[tuple[float, float]], taken: set[int], first: int) -> list[int]:
    """A group label printed without a rule under it spans the columns it is centred on: grow
    its run one column each side while both are free and the run stays centred on the label."""
    a, e = cov[0], cov[-1]
    pitch = max(4.0, statistics.median([b - a0 for a0, b in cols]) if cols else 10.0)
    while a - 1 >= first and e + 1 < len(cols) and a - 1 not in taken and e + 1 not in taken:
        mid = (cols[a - 1][0] + cols[e + 1][1]) / 2
        if abs(mid - centre) > 0.6 * pitch:
            break
        a, e = a - 1, e + 1
    return list(range(a, e + 1))


def _by_zone(ws: list[W], cols: list[tuple[float, float]]) -> list[tuple[int, list[W]]]:
    out: list[tuple[int, list[W]]] = []
    for w in ws:
        z = _zone(cols, (w.x0 + w.x1) / 2)
        if out and (out[-1][0] == z or w.sub):  # a subscript stays with its word, past a gutter's middle
            out[-1][1].append(w)
        else:
            out.append((z, [w]))
    return out


def _glued(parts: list[tuple[int, list[W]]]) -> bool:
    """Above the last header line, are these per-column pieces of one run of words names glued
    by tight spacing, not one group label ("Systems/Corpora without Splits" over the names
    G, M, S, StS)? Glued names are set apart by wider gaps than the spaces inside each name."""
    within = [b.x0 - a.x1 for _z, ws in parts for a, b in zip(ws, ws[1:])]
    between = [q[1][0].x0 - p[1][-1].x1 for p, q in zip(parts, parts[1:])]
    return not within or min(between) > 1.3 * max(within)


def _aligned(ws: list[W], col: tuple[float, float]) -> bool:
    x0, x1 = ws[0].x0, ws[-1].x1
    c = (x0 + x1) / 2
    cc = (col[0] + col[1]) / 2
    return abs(c - cc) <= max(6.0, 0.25 * (x1 - x0)) or abs(x0 - col[0]) <= 3 or abs(x1 - col[1]) <= 3


def _fill_groups(items: list[_BRow], nlab: int, rules: list[tuple[float, float, float]], bbox: tuple[float, float, float, float]) -> None:
    """Group columns (left of the row-label column) hold one label per block of rows, often
    vertically centred on the block: give every row of the block its group label."""
    width = bbox[2] - bbox[0]
    cuts = sorted(r[2] for r in rules if (r[1] - r[0]) > 0.5 * width)
    # a rule cuts the blocks of a group column only where it runs under that column (\cline{3-9}
    # under every row of the inner label columns leaves the outer groups whole)
    spans: dict[int, tuple[float, float]] = {}
    for j in range(nlab - 1):
        ws = [w for it in items for w in it.per[j]]
        if ws:
            spans[j] = (min(w.x0 for w in ws), max(w.x1 for w in ws))
    col_cuts: dict[int, list[float]] = {
        j: sorted(r[2] for r in rules if (r[1] - r[0]) > 0.5 * width and r[0] <= a + 1 and r[1] >= b - 1)
        for j, (a, b) in spans.items()} if cuts else {}
    if not cuts:
        # no drawn rules: a wider gap between value rows separates the blocks
        ys = [(it.row.y0 + it.row.y1) / 2 for it in items if it.values]
        pitches = [b - a for a, b in zip(ys, ys[1:])]
        if len(pitches) >= 3:
            med = statistics.median(pitches)
            cuts = [(a + b) / 2 for a, b in zip(ys, ys[1:]) if b - a > 1.35 * med]
    # centred fragments that sit on label-only rows move to the nearest value row
    vals = [it for it in items if it.values]
    if not vals:
        return
    for it in items:
        if not it.values and any(it.per[:nlab - 1]) and all(not it.per[k] for k in range(nlab - 1, len(it.per))):
            cy = (it.row.y0 + it.row.y1) / 2
            tgt = min(vals, key=lambda v: abs((v.row.y0 + v.row.y1) / 2 - cy))
            for j in range(nlab - 1):
                tgt.per[j] = tgt.per[j] + it.per[j]
                it.per[j] = []
            it.category = False
    for j in range(nlab - 1):
        # blocks between rules (and category rows)
        blocks: list[list[_BRow]] = [[]]
        last_y = None
        for it in items:
            y = (it.row.y0 + it.row.y1) / 2
            if it.category and any(it.per):
                blocks.append([])
                continue
            if last_y is not None and any(last_y < c < y for c in col_cuts.get(j, cuts)):
                blocks.append([])
            if it.values:
                blocks[-1].append(it)
            last_y = y
        for blk in blocks:
            frags: list[tuple[float, list[W], bool]] = []
            prev_i = -5
            for i, it in enumerate(blk):
                if it.per[j]:
                    cy = statistics.mean([(w.y0 + w.y1) / 2 for w in it.per[j]])
                    rcy = (it.row.y0 + it.row.y1) / 2
                    off_row = abs(cy - rcy) > 0.25 * max(1.0, it.row.y1 - it.row.y0)
                    if frags and i == prev_i + 1 and off_row and frags[-1][2]:
                        ws = frags[-1][1] + it.per[j]
                        frags[-1] = (statistics.mean([(w.y0 + w.y1) / 2 for w in ws]), ws, off_row)
                    else:
                        frags.append((cy, list(it.per[j]), off_row))
                    prev_i = i
            if not frags:
                continue
            frags = _one_wrapped_group(frags, blk, j)
            top_aligned = bool(blk[0].per[j]) and len(frags) > 1
            for it in blk:
                cy = (it.row.y0 + it.row.y1) / 2
                if len(frags) == 1:
                    f = frags[0]
                elif top_aligned:
                    f = [fr for fr in frags if fr[0] <= cy + 2][-1] if any(fr[0] <= cy + 2 for fr in frags) else frags[0]
                else:
                    f = min(frags, key=lambda fr: abs(fr[0] - cy))
                it.per[j] = list(f[1])


def _one_wrapped_group(frags: list[tuple[float, list[W], bool]], blk: list[_BRow], j: int) -> list[tuple[float, list[W], bool]]:
    """A group name wrapped onto two or three lines that fall on the lines of its rows
    ("General" / "Tasks" beside a block of four benchmarks, "Agent &" / "Coding"): the
    fragments sit on consecutive rows, one above the other on one axis, and together they
    are centred on a block with more rows than lines. One name for the whole block. In a
    block with as many rows as lines ("Knowledge &" / "STEM" beside two benchmarks) each row
    could hold a label of its own; the lines are one name only where every line but the last
    ends in a word or sign that cannot end a name ("&", "and", "of", a hyphen, a comma)."""
    if not 2 <= len(frags) <= 3 or len(blk) < len(frags):
        return frags
    if len(blk) == len(frags):
        ends = [" ".join(w.text for w in sorted(f[1], key=lambda w: (round(w.cy), w.x0))) for f in frags[:-1]]
        if not all(re.search(r"(?:\s&|\band|\bof|\bfor|\bthe|[-,/])$", e, re.I) for e in ends):
            return frags
    rows_of = [k for k, it in enumerate(blk) if it.per[j]]
    if len(rows_of) != len(frags) or rows_of != list(range(rows_of[0], rows_of[0] + len(rows_of))):
        return frags
    cys = [(it.row.y0 + it.row.y1) / 2 for it in blk]
    pitch = statistics.median([b - a for a, b in zip(cys, cys[1:])]) if len(cys) >= 2 else 0.0
    if pitch <= 0:
        return frags
    run = [f[0] for f in frags]
    if abs(statistics.mean(run) - statistics.mean([cys[0], cys[-1]])) > 0.6 * pitch:
        return frags
    h = max(1.0, statistics.median([w.h for f in frags for w in f[1]]))
    ctr = [(min(w.x0 for w in f[1]) + max(w.x1 for w in f[1])) / 2 for f in frags]
    lefts = [min(w.x0 for w in f[1]) for f in frags]
    if max(ctr) - min(ctr) > h and max(lefts) - min(lefts) > 0.5 * h:
        return frags
    ws = [w for f in frags for w in f[1]]
    return [(statistics.mean([(w.y0 + w.y1) / 2 for w in ws]), ws, True)]


def _empty(cols: list[tuple[float, float]], j: int) -> Cell:
    return Cell(text="", bbox=(cols[j][0], 0.0, cols[j][1], 0.0))


def _group_beside(ws: list[W], lone: list[tuple[float, float]]) -> str:
    """A group name printed once beside a block of rows, left of their labels and on one of
    their lines ("Hybrid ratio" beside "1:1", "Credibility" beside "Competence"): the label is
    then "group / label". Taken only on a one-line label of two runs of words, far apart, whose
    second run is set like the other rows' labels (same left, right or centre within a line
    height), the first run a gap of words wider than a line height to its left."""
    if len(lone) < 3:
        return ""
    ys = [w.cy for w in ws]
    if max(ys) - min(ys) > 3:
        return ""
    segs = _segments(sorted(ws, key=lambda w: w.x0))
    if len(segs) != 2:
        return ""
    h = max(1.0, statistics.median([w.h for w in ws]))
    a, b = segs
    if b.x0 - a.x1 < 1.5 * h:
        return ""
    c = (b.x0 + b.x1) / 2
    same = sum(1 for x0, x1 in lone if abs(b.x0 - x0) < h or abs(b.x1 - x1) < h or abs(c - (x0 + x1) / 2) < h)
    if same < max(2, 0.4 * len(lone)):
        return ""
    return f"{_join_lines(a.words)} / {_join_lines(b.words)}"


def _indented_parents(items: list[_BRow]) -> dict[int, int]:
    """Sub-rows set in by an indent under a row that has values of its own ("Dev" with its
    totals, then "  Few-shot", "  Zero-shot"): {sub-row: its parent row}. Read only where the
    labels of the value rows start at exactly two x positions (a left-aligned column with one
    indent: centred or right-aligned labels start anywhere), the indent under a line height
    or three, and every indented run follows a row at the outer start."""
    rows = [(k, min(w.x0 for w in it.per[0])) for k, it in enumerate(items)
            if it.values and not it.category and it.per and it.per[0]]
    if len(rows) < 4:
        return {}
    h = max(1.0, statistics.median([w.h for k, _ in rows for w in items[k].per[0]]))
    base = min(x for _, x in rows)
    outer = [k for k, x in rows if x - base < 0.3 * h]
    inner = [(k, x) for k, x in rows if x - base >= 0.3 * h]
    if len(inner) < 2 or len(outer) < 2:
        return {}
    xs = [x for _, x in inner]
    if max(xs) - min(xs) > 0.3 * h or not (0.6 * h <= min(xs) - base <= 3 * h):
        return {}
    # centred or right-aligned labels of two lengths start at two places too: an indent keeps
    # neither the centres nor the right ends in line
    def ends(ks: list[int]) -> tuple[float, float]:
        c = statistics.mean([(min(w.x0 for w in items[k].per[0]) + max(w.x1 for w in items[k].per[0])) / 2 for k in ks])
        e = statistics.mean([max(w.x1 for w in items[k].per[0]) for k in ks])
        return c, e
    (c_out, e_out), (c_in, e_in) = ends(outer), ends([k for k, _ in inner])
    if abs(c_out - c_in) < 0.5 * h or abs(e_out - e_in) < 0.5 * h:
        return {}
    out: dict[int, int] = {}
    parent = None
    for k, it in enumerate(items):
        if it.category:
            parent = None
        elif k in outer:
            parent = k
        elif any(k == kk for kk, _ in inner):
            if parent is None:
                return {}
            out[k] = parent
    return out


@dataclass
class _BRow:
    row: Row
    per: list[list[W]]
    values: bool  # holds at least one value cell
    category: bool  # a spanning/centred label row
    label_only: bool  # text only in the label columns, no values


def _label_cols(rows: list[Row], cols: list[tuple[float, float]]) -> int:
    """Number of leading label columns: those left of the first mostly-numeric column."""
    ncol = len(cols)
    counts = [[0, 0] for _ in range(ncol)]
    for r in rows:
        for sg in r.segs:
            j = _col_of(cols, sg.x0, sg.x1)
            counts[j][0] += 1
            counts[j][1] += 1 if sg.numeric or (j >= 1 and _qualified_value(sg.text)) else 0
    for j in range(ncol):
        n, v = counts[j]
        if n and v >= 0.5 * n:
            if j >= 1 and _numeric_key(rows, cols, j):
                return j + 1
            return max(1, j)
    return 1


# a share printed as a word of its own ("100%", "88%;"): names carry digits inside words
# ("Qwen2.5", "(2018),") but seldom a free-standing share; settings carry decimals ("sep = 2.0")
_FREE_VALUE = re.compile(r"^\(?[-+\u2212]?\d+(?:\.\d+)?%[;,)]?$")


def _qualified_value(text: str) -> bool:
    """A value cell with a qualifier in words before or after it ("Nurses 88% (78–95);", "PCPs
    or nurses 100%"): in a column of values it is one of them, not a row name."""
    return any(_FREE_VALUE.match(t) for t in text.split())


def _numeric_key(rows: list[Row], cols: list[tuple[float, float]], j: int) -> bool:
    """A column of numbers that names the rows with the label column left of it: that column
    holds group names printed once per block of rows ("Hold-out" centred beside "10% | 15% |
    20%"), so it leaves rows unnamed, and this column is filled on every row and set in the
    labels' typeface (bold like them) where the values beside it are not. Counts with a
    magnitude ("7B") are values of their own (sizes), not this."""
    value_rows = [r for r in rows if any(sg.numeric for sg in r.segs)]
    if len(value_rows) < 3 or j + 1 >= len(cols):
        return False
    labs, keys, vals = [], [], []
    for r in value_rows:
        by = [(_col_of(cols, sg.x0, sg.x1), sg) for sg in r.segs]
        labs.append([sg for z, sg in by if z == j - 1])
        keys.append([sg for z, sg in by if z == j])
        vals.extend(sg for z, sg in by if z > j)
    if not all(len(k) == 1 and k[0].numeric for k in keys) or any(is_count_cell(k[0].text) for k in keys):
        return False
    named = sum(1 for lab in labs if lab)
    if not (1 <= named < len(value_rows)):
        return False
    lab_ws = [w for lab in labs for sg in lab for w in sg.words]
    key_ws = [w for k in keys for w in k[0].words]
    val_ws = [w for sg in vals for w in sg.words]
    if not val_ws or not all(w.bold for w in lab_ws) or not all(w.bold for w in key_ws):
        return False
    return sum(1 for w in val_ws if w.bold) < 0.5 * len(val_ws)


def _open_bracket(ws: list[W]) -> bool:
    t = " ".join(w.text for w in ws)
    return bool(ws) and t.count("(") > t.count(")")


def _hanging(items: list[_BRow], k: int, n: int, h: float) -> bool:
    """Is label line ``n`` the run-on of row ``k``'s label set with a hanging indent (indented
    under its first line, the row after it back at the first line's start: "Type of employment
    before" / "   COVID-19")?"""
    a, b = items[k].per[0], items[n].per[0]
    if not a or not b or any(items[n].per[1:]):
        return False
    x_a, x_b = min(w.x0 for w in a), min(w.x0 for w in b)
    if not (0.3 * h < x_b - x_a < 2.5 * h):
        return False
    after = items[n + 1].per[0] if n + 1 < len(items) else []
    return not after or min(w.x0 for w in after) < x_b - 0.3 * h


# an interval alone in brackets ("(1.09–1.88)", "[0.2, 0.5]"): the second line of an estimate's cell
_INTERVAL = re.compile(r"^[(\[]\s*[-+\u2212]?\d[\d.,]*%?\s*(?:[,;\u2013\u2212-]|to)\s*[-+\u2212]?\d[\d.,]*%?\s*[)\]]$")


def _interval_lines(items: list[_BRow], nlab: int) -> list[_BRow]:
    """Join the line under a row whose value cells are intervals in brackets, each right under a
    number of the row ("1.43" / "(1.09–1.88)"): the estimate and its interval are one cell set on
    two lines; label words on that line run the row's label on."""
    out: list[_BRow] = []
    for it in items:
        prev = out[-1] if out else None
        filled = [j for j in range(nlab, len(it.per)) if it.per[j]]
        if prev is not None and prev.values and filled and it.row.words:
            h = max(1.0, statistics.median([w.h for w in it.row.words]))
            texts = {j: " ".join(w.text for w in it.per[j]) for j in filled}
            above = {j: " ".join(w.text for w in prev.per[j]) for j in filled}
            # (under a bare number: "[160]" over "[163,165]" are citations, one a row)
            if (it.row.y0 - prev.row.y1 < 0.5 * h
                    and all(_INTERVAL.match(texts[j]) and above[j] and above[j][0] not in "([" and _is_num(above[j])
                            for j in filled)):
                for j in range(len(it.per)):
                    prev.per[j] = prev.per[j] + it.per[j]
                prev.row = Row(prev.row.words + it.row.words, prev.row.segs + it.row.segs)
                continue
        out.append(it)
    return out


def _titled_entries(items: list[_BRow], ncol: int) -> tuple[list[_BRow], list[str]]:
    """Entries named by a bold first line with plain lines under it ("Common Crawl" over "24
    shards, 2020-05 to 2023-06", "C4" over "[24]" "[8]"), the values centred on the block: each
    bold line in the first column starts an entry, which holds exactly one row of values; the
    bold line is the row's name, the plain lines a description of it (left out of the name and
    returned). Only where every first-column line is either bold or plain, the first is bold,
    and every block holds one value row."""
    def kind(ws: list[W]) -> str | None:
        ws = [w for w in ws if any(ch.isalnum() for ch in w.text)]
        if not ws:
            return None
        if all(w.bold for w in ws):
            return "title"
        if not any(w.bold for w in ws):
            return "plain"
        return "mixed"

    lines = [(k, kind(it.per[0])) for k, it in enumerate(items) if it.per and it.per[0]]
    if len(lines) < 4 or any(kd == "mixed" for _, kd in lines) or lines[0][1] != "title":
        return items, []
    if sum(1 for _, kd in lines if kd == "title") < 2 or not any(kd == "plain" for _, kd in lines):
        return items, []
    if any(it.category and not it.label_only for it in items):
        return items, []
    blocks: list[list[int]] = []
    for k, kd in lines:
        if kd == "title":
            blocks.append([k])
        else:
            blocks[-1].append(k)
    def beside(it: _BRow) -> bool:  # cells right of the first column (a "[8]" alone is no value row)
        return any(it.per[j] for j in range(1, ncol))

    first = lines[0][0]
    if any(beside(items[k]) for k in range(first)):
        return items, []
    # value rows without a first-column line fall in the block whose lines they sit beside
    owner: dict[int, int] = {}
    for b, blk in enumerate(blocks):
        for k in blk:
            owner[k] = b
    for k, it in enumerate(items):
        if k in owner or not beside(it):
            continue
        cy = (it.row.y0 + it.row.y1) / 2
        hit = [b for b, blk in enumerate(blocks)
               if min(items[m].row.y0 for m in blk) - 1 <= cy <= max(items[m].row.y1 for m in blk) + 1]
        if len(hit) != 1:
            return items, []
        owner[k] = hit[0]
    vals: dict[int, list[int]] = {}
    for k, b in owner.items():
        if beside(items[k]):
            vals.setdefault(b, []).append(k)
    if len(vals) != len(blocks) or any(len(v) != 1 for v in vals.values()):
        return items, []
    details: list[str] = []
    drop: set[int] = set()
    for b, blk in enumerate(blocks):
        v = vals[b][0]
        title = list(items[blk[0]].per[0])
        plain = [w for k in blk[1:] for w in items[k].per[0]]
        if plain:
            details.append(" ".join(w.text for w in sorted(plain, key=lambda w: (round(w.y0), w.x0))))
        for k in blk:
            if k != v:
                # the block's other lines hold nothing but first-column words
                if any(items[k].per[j] for j in range(1, ncol)):
                    return items, []
                drop.add(k)
        items[v].per[0] = title
    return [it for k, it in enumerate(items) if k not in drop], details


def _ruled_across(rules: list[tuple[float, float, float]], ya: float, yb: float, x0: float, x1: float) -> bool:
    """Is a rule drawn across most of [x0, x1] somewhere between heights ya and yb (the rule may
    be drawn in pieces, one per cell)?"""
    by_y: dict[float, list[tuple[float, float]]] = {}
    for a, b, y in rules:
        if ya - 0.5 <= y <= yb + 0.5:
            by_y.setdefault(round(y, 0), []).append((max(a, x0), min(b, x1)))
    for pieces in by_y.values():
        covered = 0.0
        end = x0
        for a, b in sorted(pieces):
            if b > end:
                covered += b - max(a, end)
                end = b
        if covered >= 0.6 * (x1 - x0):
            return True
    return False


def _ruled_runons(items: list[_BRow], nlab: int, rules_fn: Any, bbox: tuple[float, float, float, float]) -> list[_BRow]:
    """Rows boxed by drawn rules (a rule under every entry, as guidelines and many journals set
    them): a line at line spacing under a row with no rule between them is that row's run-on,
    whatever its case ("Abbott Diagnostics GmbH," / "Architect HCV Ag Assay", a value cell's
    second line "(n=22 studies)"); a label line with a rule above it stays a row (a group)."""
    def lab(it: _BRow) -> bool:
        return any(it.per[j] for j in range(nlab))

    cand = [k for k in range(1, len(items)) if (it := items[k]).row.words and (not lab(it) or it.label_only)]
    if not cand:
        return items
    rules = rules_fn() if rules_fn is not None else []
    if not rules:
        return items
    x0, x1 = bbox[0], bbox[2]
    vals = [it for it in items if it.values and lab(it)]
    pairs = list(zip(vals, vals[1:]))
    ruled = sum(1 for a, b in pairs if _ruled_across(rules, a.row.y1, b.row.y0, x0, x1))
    if len(pairs) < 3 or ruled < 0.75 * len(pairs):
        return items
    out: list[_BRow] = []
    last_y1 = 0.0
    for k, it in enumerate(items):
        prev = out[-1] if out else None
        if k in cand and prev is not None and prev.values and lab(prev):
            h = max(1.0, statistics.median([w.h for w in it.row.words]))
            if it.row.y0 - last_y1 < 0.9 * h and not _ruled_across(rules, last_y1, it.row.y0, x0, x1):
                for j in range(len(it.per)):
                    prev.per[j] = prev.per[j] + it.per[j]
                last_y1 = it.row.y1
                continue
        out.append(it)
        last_y1 = it.row.y1
    return out


def _merge_label_rows(items: list[_BRow], nlab: int) -> list[_BRow]:
    """Attach wrapped label lines to their value row; keep category rows."""
    items = _interval_lines(items, nlab)
    used = [False] * len(items)
    out: list[_BRow] = []
    for k, it in enumerate(items):
        if used[k]:
            continue
        if it.values:
            r = it.row
            h = max(1.0, statistics.median([w.h for w in r.words]))
            label_empty = not any(it.per[j] for j in range(nlab))
            below = r  # the last line of the row so far (a label run on over three or four lines)
            for d in (-1, 1, 2, 3):
                n = k + d
                if not (0 <= n < len(items)) or used[n] or (d > 1 and (label_empty or not used[n - 1])):
                    continue
                nb = items[n]
                if not nb.label_only:
                    continue
                gap = (r.y0 - nb.row.y1) if d < 0 else (nb.row.y0 - below.y1)
                if label_empty:
                    ok = gap < 0.9 * h
                else:
                    text = " ".join(w.text for c in nb.per for w in c)
                    own = " ".join(w.text for w in it.per[0]) if nlab else ""
                    if d > 1:  # a third or fourth line of a hanging label: at the indent of the line above
                        up = items[n - 1].per[0]
                        ok = (gap < 0.35 * h and bool(up) and bool(nb.per[0]) and _hanging(items, k, n, h)
                              and abs(min(w.x0 for w in nb.per[0]) - min(w.x0 for w in up)) < 0.3 * h)
                    elif d > 0:
                        # at line spacing under the row; or, in a table whose rows are set apart
                        # more than its lines, nearer the row above than the row below
                        near = gap < 0.35 * h or (
                            gap < 0.6 * h and n + 1 < len(items) and items[n + 1].row.y0 - nb.row.y1 > 1.8 * gap)
                        # (or the row's name broken at its hyphen, "Gemini-2.5-Flash-" over "Lite")
                        ok = near and (text[:1].islower() or text[:1] in "([" or _hanging(items, k, n, h)
                                       or (own.endswith("-") and own[-2:-1].isalnum() and text[:1].isalnum()))
                    else:  # the row's own label runs on from the line above ("Macro Avg" / "(Full S2-VL)")
                        ok = gap < 0.35 * h and (own[:1].islower() or own[:1] == "(") and bool(nb.per[0])
                if not ok:
                    continue
                if d < 0 and out and out[-1] is nb:
                    out.pop()
                if d > 0:
                    below = nb.row
                for j in range(nlab):
                    it.per[j] = (nb.per[j] + it.per[j]) if d < 0 else (it.per[j] + nb.per[j])
                used[n] = True
            out.append(it)
        else:
            prev = out[-1] if out else None
            text = " ".join(w.text for c in it.per for w in c)
            # a value cell run on to the next line ("* (T-P < T-C, NT-C," / "NT-P)"): only words
            # under cells of the row above whose bracket is still open
            filled = [j for j, c in enumerate(it.per) if c]
            if (prev is not None and prev.values and filled and min(filled) >= nlab
                    and (it.row.y0 - prev.row.y1) < 0.5 * max(1.0, it.row.y1 - it.row.y0)
                    and all(_open_bracket(prev.per[j]) for j in filled)):
                for j in filled:
                    prev.per[j] = prev.per[j] + it.per[j]
                continue
            if (prev is not None and prev.values and it.label_only and (text[:1].islower() or text[:1] in "([")
                    and (it.row.y0 - prev.row.y1) < 0.35 * max(1.0, it.row.y1 - it.row.y0)):
                for j in range(nlab):
                    prev.per[j] = prev.per[j] + it.per[j]
                continue
            it.category = True
            out.append(it)
    return out


# -- public entry points ---------------------------------------------------------------------


def find_tables_on_page(
    pg: Any,
    doc_index: int,
    page_no: int,
    table_caps: list[tuple[int, Caption]],
    *,
    words: list[Any] | None = None,
    page: Page | None = None,
    captions: list[Caption] | None = None,
    budget: Any = None,
) -> list[RawTable]:
    """Tables on one page as RawTables (never raises for odd layouts; returns [] instead).
    With a ``budget`` (``ingest.budget.Budget``), the regions of the page are rebuilt until
    the page's CPU-time share is spent; the rest are noted, not rebuilt."""
    if words is None:
        import pymupdf

        words = pg.get_text("words", flags=pymupdf.TEXT_MEDIABOX_CLIP)
    if len(words) > MAX_WORDS:
        caps = table_caps[0][0] if table_caps else None
        return [RawTable(doc=doc_index, page=page_no, bbox=(0, 0, 0, 0), rows=[], caption=caps, header_rows=0,
                         method="skipped", pages=[page_no],
                         notes=[f"page has {len(words)} words (over {MAX_WORDS}): table not rebuilt"])]
    ws, runs = _words(words, page)
    if not ws:
        return []
    ws = _drop_line_numbers(_drop_running_text(ws, page))
    # text coordinates are those of the unrotated page (a /Rotate 90 page reports landscape words)
    box = pg.cropbox if pg is not None else None
    pw = float(box.width) if box is not None else max(w.x1 for w in ws) + 10
    ph = float(box.height) if box is not None else max(w.y1 for w in ws) + 10
    rotated = False
    if _vertical_share(ws) > 0.6:
        ws, pw, ph = _turn(ws, pw, ph, pg)
        rotated = True
    all_caps = [c.bbox for c in (captions or [])] or [c.bbox for _i, c in table_caps]
    regions = _regions(ws, pw, ph, table_caps, all_caps)
    page_rules = _LazyRules(None if rotated else pg)
    if not rotated:
        _apply_styles([w for reg in regions for r in reg.rows for w in r.words], runs)
    out: list[RawTable] = []
    deadline = budget.page_deadline() if budget is not None else None
    for k, reg in enumerate(regions):
        if deadline is not None and time.thread_time() > deadline:
            budget.note(page_no, f"table search stopped after {k} of {len(regions)} table regions (page budget spent)")
            break
        try:
            built = _build(reg, None if rotated else pg, doc_index, page_no, page_rules)
        except Exception as e:  # geometry we did not foresee: note it, keep going
            log.warning("table on p.%d not rebuilt: %s", page_no, e)
            built = [RawTable(doc=doc_index, page=page_no, bbox=(0, 0, 0, 0), rows=[], caption=reg.caption,
                              header_rows=0, method="skipped", pages=[page_no], notes=[f"table not rebuilt: {e}"])]
        for t in built:
            if page_rules.heavy:
                t.notes.append("drawn rules not read (the page's drawings are too large); layout from words only")
                if budget is not None:
                    budget.note(page_no, "drawn table rules not read (over 0.8 MB of drawings); table layout from words only")
            out.append(_finish(t, reg, table_caps, rotated, pw, ph))
    if not out and table_caps and pg is not None and not rotated:
        out.extend(_ruled(pg, doc_index, page_no, table_caps, ws, budget))
    return out


def _finish(t: RawTable, reg: _Region, table_caps: list[tuple[int, Caption]], rotated: bool, pw: float, ph: float) -> RawTable:
    cap = next((c for i, c in table_caps if i == reg.caption), None)
    if cap is not None and re.search(r"\bcont(?:inued|'d|\.)", cap.text[:60], re.I):
        t.notes.append("continued")
    if rotated:
        t.notes.append("text on this page runs vertically: read after turning the page")
        t.bbox = _unturn(t.bbox, pw, ph)
    return t


def _turn(ws: list[W], pw: float, ph: float, pg: Any) -> tuple[list[W], float, float]:
    """Words of text that runs bottom-to-top turned into horizontal reading coordinates."""
    up = True
    try:
        if pg is not None:
            d = pg.get_text("dict")
            dirs = [ln["dir"] for b in d.get("blocks", ()) for ln in b.get("lines", ())]
            ups = sum(1 for x in dirs if x[1] < -0.5)
            downs = sum(1 for x in dirs if x[1] > 0.5)
            up = ups >= downs
    except Exception:
        pass
    out = []
    for w in ws:
        if up:  # reading bottom-to-top: x' = H - y, y' = x
            out.append(W(ph - w.y1, w.x0, ph - w.y0, w.x1, w.text, w.bold, w.italic, w.mark))
        else:  # top-to-bottom: x' = y, y' = W - x
            out.append(W(w.y0, pw - w.x1, w.y1, pw - w.x0, w.text, w.bold, w.italic, w.mark))
    _turn.up = up  # type: ignore[attr-defined]
    return out, ph, pw


def _unturn(bb: tuple[float, float, float, float], pw: float, ph: float) -> tuple[float, float, float, float]:
    # pw/ph are the turned sizes; map the box back to page coordinates
    x0, y0, x1, y1 = bb
    if getattr(_turn, "up", True):
        return (y0, pw - x1, y1, pw - x0)
    return (ph - y1, x0, ph - y0, x1)


def _ruled(pg: Any, doc_index: int, page_no: int, table_caps: list[tuple[int, Caption]], ws: list[W],
           budget: Any = None) -> list[RawTable]:
    """A drawn cell grid the word method missed: ask pymupdf's line strategy, near the caption."""
    from .budget import PAGE_DRAWING_BYTES, page_cost

    if page_cost(pg, cap=PAGE_DRAWING_BYTES).too_heavy_to_draw:
        if budget is not None:  # listing the drawings alone would take seconds and gigabytes
            budget.note(page_no, "drawn cell grid not searched (over 4 MB of drawings)")
        return []
    try:
        n_draw = len(page_drawings(pg))
    except Exception:
        return []
    if n_draw < 6 or n_draw > 3000:
        return []
    # only worth the (slow, ~0.3 s) grid search when the area by the caption is mostly numbers
    # that the word method missed; text-only grids are not results tables
    near = [w for w in ws if any(c.bbox[1] - 320 <= w.cy <= c.bbox[3] + 320 for _i, c in table_caps)]
    nnum = sum(1 for w in near if _is_num(w.text))
    if nnum < 12 or nnum < 0.3 * len(near):
        return []
    out: list[RawTable] = []
    try:
        found = pg.find_tables(strategy="lines")
    except Exception as e:
        log.info("find_tables failed on p.%d: %s", page_no, e)
        return []
    for tab in found.tables:
        try:
            cells = tab.extract()
        except Exception:
            continue
        if not cells or len(cells) < 2 or max(len(r) for r in cells) < 2:
            continue
        bb = tuple(tab.bbox)
        # nearest caption
        cap = min(table_caps, key=lambda ic: min(abs(ic[1].bbox[3] - bb[1]), abs(bb[3] - ic[1].bbox[1])))
        rows = [[Cell(text=(c or "").replace("\n", " ").strip(), bbox=bb) for c in r] for r in cells]
        out.append(RawTable(doc=doc_index, page=page_no, bbox=bb, rows=rows, caption=cap[0], header_rows=1,
                            method="lines", pages=[page_no]))
    return out


def _strong(t: RawTable) -> bool:
    """A caption-less grid that is clearly a table (not the tick labels of a plot)."""
    if not t.rows or len(t.rows[0]) < 3:
        return False
    body = t.rows[t.header_rows:]
    dense = sum(1 for r in body if sum(1 for c in r if _is_num(c.text)) >= 3)
    return dense >= 3 and dense >= 0.5 * len(body)


def merge_continued(raws: list[RawTable]) -> list[RawTable]:
    """Join a table that runs on over the next page (no caption of its own, or 'continued').
    A caption-less grid that continues nothing is kept only when it is clearly a table."""
    out: list[RawTable] = []
    for t in raws:
        prev = out[-1] if out else None
        if (
            prev is not None
            and t.doc == prev.doc
            and t.page == prev.pages[-1] + 1
            and t.rows and prev.rows
            and len(t.rows[0]) == len(prev.rows[0])
            and (t.caption is None or "continued" in t.notes)
            and prev.method != "skipped"
        ):
            body = t.rows
            # a repeated header on the new page is dropped
            ph = [[c.text for c in r] for r in prev.rows[: prev.header_rows]]
            th = [[c.text for c in r] for r in t.rows[: t.header_rows]]
            if th and th == ph:
                body = t.rows[t.header_rows:]
            elif t.header_rows and all(not any(_is_num(c.text) for c in r) for r in t.rows[: t.header_rows]):
                body = t.rows[t.header_rows:] if th and th[-1] == ph[-1] else t.rows
            prev.rows = prev.rows + [r for r in body if any(c.text.strip() for c in r)]
            prev.pages = sorted(set(prev.pages) | set(t.pages))
            prev.method = "merged"
            prev.notes.append(f"continued on page {t.page}")
            continue
        if t.caption is None and t.method != "skipped":
            if not _strong(t):
                continue
            t.notes.append("no caption: found from the numbers' layout")
        out.append(t)
    return out
