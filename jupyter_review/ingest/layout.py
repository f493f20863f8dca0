"""Page geometry -> blocks with kinds and a reading order.

Pure functions over the model's Block/Line/Span (no pymupdf here), so they are
testable on synthetic pages.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter

from ..model import Block, Line, Page

# control characters, zero-width marks, and U+FFFD (what MuPDF emits for glyphs without a Unicode mapping)
_CTRL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u200b-\u200d\u2060\ufeff\ufffd\ufffe\uffff]")
_LIGS = {
    "\ufb00": "ff", "\ufb01": "fi", "\ufb02": "fl", "\ufb03": "ffi", "\ufb04": "ffl",
    "\ufb05": "st", "\ufb06": "st", "\u00ad": "",
}
_LIG_RE = re.compile("[" + "".join(_LIGS) + "]")


# LaTeX's \copyright and \textregistered come out as a letter plus U+20DD (combining circle)
_ENCLOSED = re.compile(r"([cCrR]) ?\u20dd")


def clean_text(s: str) -> str:
    """Untrusted PDF text -> safe plain text: no control characters, ligatures expanded."""
    if "\u20dd" in s:
        s = _ENCLOSED.sub(lambda m: "\u00a9" if m.group(1) in "cC" else "\u00ae", s)
    if _LIG_RE.search(s):
        s = _LIG_RE.sub(lambda m: _LIGS[m.group()], s)
    if _CTRL.search(s):
        s = _CTRL.sub("", s)
    return s


def nfkc_letters(s: str) -> str:
    return unicodedata.normalize("NFKC", s)


def body_font_size(pages: list[Page]) -> float:
    """Most common font size weighted by characters (the body text size)."""
    c: Counter[float] = Counter()
    for p in pages:
        for b in p.blocks:
            for ln in b.lines:
                c[round(ln.size * 2) / 2] += len(ln.text)
    return c.most_common(1)[0][0] if c else 10.0


# -- running headers / footers ------------------------------------------------------

_DIGITS = re.compile(r"\d+")
_PAGE_NO = re.compile(
    r"^\s*(?:page\s+)?(?:\d{1,4}|[ivxlcdm]{1,6})(?:\s*(?:of|/)\s*\d{1,4})?\s*$|^\s*[-\u2013\u2014]\s*\d{1,4}\s*[-\u2013\u2014]\s*$",
    re.I,
)


def _norm_key(text: str) -> str:
    return _DIGITS.sub("#", text.strip().lower())[:80]


def mark_running_text(pages: list[Page], margin: float = 0.09) -> set[str]:
    """Mark header/footer/page-number lines of one file's pages; returns the repeated keys.

    A line counts as running text when it sits in the top or bottom ``margin`` of the
    page and its digit-normalised text repeats on several pages, or when it is a bare
    page number there.  Vertical stamps in the side margins (arXiv ids) become
    ``margin`` blocks.
    """
    n = len(pages)
    counts: Counter[str] = Counter()
    for p in pages:
        seen = set()
        for b in p.blocks:
            for ln in b.lines:
                y0, y1 = ln.bbox[1], ln.bbox[3]
                band = margin * max(p.height, p.width)  # landscape pages keep the portrait band
                if y1 <= band or y0 >= p.height - band:
                    k = _norm_key(ln.text)
                    if k and k not in seen:
                        seen.add(k)
                        counts[k] += 1
    need = max(2, int(0.25 * n)) if n >= 3 else 99
    repeated = {k for k, c in counts.items() if c >= need}
    # "Toxins 2016, 8, 200" on every page, "Toxins 2016, 8, 200; doi:..." on the first one
    prefixes = tuple(k for k in repeated if len(k) >= 10 and sum(ch.isalpha() for ch in k) >= 4)
    for p in pages:
        new_blocks: list[Block] = []
        for b in p.blocks:
            if b.kind != "body":
                new_blocks.append(b)
                continue
            keep: list[Line] = []
            drop: list[Line] = []
            for ln in b.lines:
                y0, y1 = ln.bbox[1], ln.bbox[3]
                band = margin * max(p.height, p.width)
                in_top = y1 <= band
                in_bottom = y0 >= p.height - band
                if (in_top or in_bottom) and _running(_norm_key(ln.text), repeated, prefixes, ln.text):
                    drop.append(ln)
                else:
                    keep.append(ln)
            if drop:
                kind = "header" if drop[0].bbox[1] < p.height / 2 else "footer"
                new_blocks.append(Block(bbox=_ubox(drop), lines=drop, kind=kind))
            if keep:
                new_blocks.append(Block(bbox=_ubox(keep), lines=keep, kind=b.kind, column=b.column))
        p.blocks = new_blocks
    return repeated


_LINE_NUMBER = re.compile(r"^\d{1,5}$")


def mark_line_numbers(pages: list[Page]) -> int:
    """Margin line numbers of review copies (CVPR/ICCV, ACL, NeurIPS submissions) become
    ``margin`` blocks, so they never run into the sentences beside them ("662 663 664 applied
    only on the last hidden layer ..."). A page's run of them is told by geometry and sequence:
    at least ten lines that are bare integers, in one narrow vertical band, mostly counting up
    by one, over more than a third of the page's height, and outside the extent of the page's
    text lines (left of every text line or right of every one): a table's index column, which
    lies inside the text's extent, is kept. Returns the number of lines set apart."""
    moved = 0
    for p in pages:
        nums = [(b, ln) for b in p.blocks if b.kind == "body" for ln in b.lines if _LINE_NUMBER.match(ln.text.strip())]
        if len(nums) < 10:
            continue
        text_lines = [ln for b in p.blocks if b.kind == "body" for ln in b.lines
                      if not _LINE_NUMBER.match(ln.text.strip()) and len(ln.text.strip()) > 3]
        if not text_lines:
            continue
        left_edge = min(ln.bbox[0] for ln in text_lines)
        right_edge = max(ln.bbox[2] for ln in text_lines)
        bands: dict[int, list[Line]] = {}
        for _b, ln in nums:
            bands.setdefault(int(ln.bbox[2] // 6), []).append(ln)
        drop: set[int] = set()
        for key in sorted(bands):
            run = {id(ln): ln for k in (key - 1, key, key + 1) for ln in bands.get(k, [])}
            lines = sorted(run.values(), key=lambda ln: ln.bbox[1])
            if len(lines) < 10 or any(id(ln) in drop for ln in lines):
                continue
            vals = [int(ln.text.strip()) for ln in lines]
            steps = sum(1 for a, b in zip(vals, vals[1:]) if b == a + 1)
            if steps < 0.7 * (len(vals) - 1) or lines[-1].bbox[3] - lines[0].bbox[1] < 0.35 * p.height:
                continue
            x0 = min(ln.bbox[0] for ln in lines)
            x1 = max(ln.bbox[2] for ln in lines)
            if x1 <= left_edge + 1 or x0 >= right_edge - 1:
                drop.update(id(ln) for ln in lines)
        if not drop:
            continue
        new_blocks: list[Block] = []
        for b in p.blocks:
            gone = [ln for ln in b.lines if id(ln) in drop]
            if not gone:
                new_blocks.append(b)
                continue
            new_blocks.append(Block(bbox=_ubox(gone), lines=gone, kind="margin"))
            keep = [ln for ln in b.lines if id(ln) not in drop]
            if keep:
                new_blocks.append(Block(bbox=_ubox(keep), lines=keep, kind=b.kind, column=b.column))
            moved += len(gone)
        p.blocks = new_blocks
    return moved


# a caption's label set on a line of its own at the top of a page ("Table 1", "Table 2" on the
# next page) reads the same once its number is masked, but it is no running header
_LABEL_LINE = re.compile(r"^\s*(?:supplementary |extended data )?(?:table|figure|fig\.)\s*[A-Z]?\d{1,3}[a-z]?[.:]?\s*$", re.I)


def _running(key: str, repeated: set[str], prefixes: tuple[str, ...], text: str) -> bool:
    if _LABEL_LINE.match(text):
        return False
    return key in repeated or bool(_PAGE_NO.match(text)) or (bool(prefixes) and key.startswith(prefixes))


def _ubox(lines: list[Line]) -> tuple[float, float, float, float]:
    return (
        min(ln.bbox[0] for ln in lines),
        min(ln.bbox[1] for ln in lines),
        max(ln.bbox[2] for ln in lines),
        max(ln.bbox[3] for ln in lines),
    )


# -- columns and reading order -----------------------------------------------------


def order_blocks(page: Page) -> None:
    """Sort body-ish blocks into reading order, detecting one or two columns.

    Full-width blocks (titles, wide tables, abstracts) split the page into bands; inside
    a band the left column is read before the right one.
    """
    w = page.width
    mid = w / 2
    flow = [b for b in page.blocks if b.kind not in ("header", "footer", "page_number", "margin")]
    rest = [b for b in page.blocks if b.kind in ("header", "footer", "page_number", "margin")]
    if not flow:
        return
    left = [b for b in flow if b.bbox[2] <= mid + 0.02 * w]
    right = [b for b in flow if b.bbox[0] >= mid - 0.02 * w]
    # a two-column page has substantial text on both sides that does not cross the middle
    lchars = sum(len(b.text) for b in left)
    rchars = sum(len(b.text) for b in right)
    total = sum(len(b.text) for b in flow) or 1
    two = lchars > 0.2 * total and rchars > 0.2 * total and (lchars + rchars) > 0.6 * total
    if not two:
        page.columns = 1
        flow.sort(key=lambda b: (round(b.bbox[1], 0), b.bbox[0]))
        for b in flow:
            b.column = 0
        page.blocks = flow + rest
        return
    page.columns = 2
    lids, rids = {id(b) for b in left}, {id(b) for b in right}  # identity: blocks compare by value
    wide = [b for b in flow if id(b) not in lids and id(b) not in rids]
    for b in flow:
        b.column = 0 if id(b) in lids else (1 if id(b) in rids else -1)
    # bands separated by wide blocks
    wide.sort(key=lambda b: b.bbox[1])
    ordered: list[Block] = []
    narrow = [b for b in flow if b.column >= 0]
    cuts = [-1e9] + [b.bbox[1] for b in wide] + [1e9]
    wide_iter = iter(wide)
    for i in range(len(cuts) - 1):
        lo, hi = cuts[i], cuts[i + 1]
        band = [b for b in narrow if lo <= (b.bbox[1] + b.bbox[3]) / 2 < hi]
        band.sort(key=lambda b: (b.column, b.bbox[1], b.bbox[0]))
        ordered.extend(band)
        if i < len(wide):
            ordered.append(next(wide_iter))
    page.blocks = ordered + rest
