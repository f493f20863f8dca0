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

    A page's topmost line (and whatever shares its baseline), set no larger than the body text,
    counts as in the top margin down to 15% of the page: books and proceedings with wide margins (LNCS) set their running
    heads ("Unsupervised Surrogate Anomaly Detection - Appendix  5") below the 9% band.
    """
    n = len(pages)
    counts: Counter[str] = Counter()
    tops = [_top_y(p) for p in pages]
    body = body_font_size(pages)
    for p, top in zip(pages, tops):
        seen = set()
        for b in p.blocks:
            for ln in b.lines:
                y0, y1 = ln.bbox[1], ln.bbox[3]
                band = margin * max(p.height, p.width)  # landscape pages keep the portrait band
                if y1 <= band or y0 >= p.height - band or _on_top_line(ln, top, p, body):
                    k = _norm_key(ln.text)
                    if k and k not in seen:
                        seen.add(k)
                        counts[k] += 1
    need = max(2, int(0.25 * n)) if n >= 3 else 99
    repeated = {k for k, c in counts.items() if c >= need}
    # "Toxins 2016, 8, 200" on every page, "Toxins 2016, 8, 200; doi:..." on the first one
    prefixes = tuple(k for k in repeated if len(k) >= 10 and sum(ch.isalpha() for ch in k) >= 4)
    for p, top in zip(pages, tops):
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
                in_top = y1 <= band or _on_top_line(ln, top, p, body)
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
    lies inside the text's extent, is kept. A shorter run (five lines or more, counting up by one)
    is taken too where it continues the numbering of an earlier page (its first number follows that
    page's last by at most three): a page whose numbered text is cut short by an algorithm box, a
    table or a figure. Returns the number of lines set apart."""
    moved = 0
    last = None  # the last line number set apart on an earlier page
    for p in pages:
        nums = [(b, ln) for b in p.blocks if b.kind == "body" for ln in b.lines if _LINE_NUMBER.match(ln.text.strip())]
        if len(nums) < (5 if last is not None else 10):
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
            if len(lines) < 5 or any(id(ln) in drop for ln in lines):
                continue
            vals = [int(ln.text.strip()) for ln in lines]
            steps = sum(1 for a, b in zip(vals, vals[1:]) if b == a + 1)
            tall = len(lines) >= 10 and steps >= 0.7 * (len(vals) - 1) and lines[-1].bbox[3] - lines[0].bbox[1] >= 0.35 * p.height
            # the numbering of an earlier page carried on, counting up by one throughout
            carried = last is not None and 0 < vals[0] - last <= 3 and steps == len(vals) - 1
            if not (tall or carried):
                continue
            x0 = min(ln.bbox[0] for ln in lines)
            x1 = max(ln.bbox[2] for ln in lines)
            if x1 <= left_edge + 1 or x0 >= right_edge - 1:
                drop.update(id(ln) for ln in lines)
                last = max(last or 0, vals[-1])
        if drop:
            moved += _set_apart(p, drop, "margin", keep_column=False)
    return moved


def _set_apart(page: Page, drop: set[int], kind: str, *, keep_column: bool) -> int:
    """Move the lines whose ids are in ``drop`` out of their blocks into blocks of ``kind`` (one
    per block they leave, in its place; with ``keep_column`` in its column), so they join no
    sentence. Returns the number of lines moved."""
    new_blocks: list[Block] = []
    moved = 0
    for b in page.blocks:
        gone = [ln for ln in b.lines if id(ln) in drop]
        if not gone:
            new_blocks.append(b)
            continue
        if keep_column:
            new_blocks.append(Block(bbox=_ubox(gone), lines=gone, kind=kind, column=b.column))
        else:
            new_blocks.append(Block(bbox=_ubox(gone), lines=gone, kind=kind))
        keep = [ln for ln in b.lines if id(ln) not in drop]
        if keep:
            new_blocks.append(Block(bbox=_ubox(keep), lines=keep, kind=b.kind, column=b.column))
        moved += len(gone)
    page.blocks = new_blocks
    return moved


# a caption's label set on a line of its own at the top of a page ("Table 1", "Table 2" on the
# next page) reads the same once its number is masked, but it is no running header
_LABEL_LINE = re.compile(r"^\s*(?:supplementary |extended data )?(?:table|figure|fig\.)\s*[A-Z]?\d{1,3}[a-z]?[.:]?\s*$", re.I)


def _top_y(p: Page) -> float | None:
    ys = [ln.bbox[1] for b in p.blocks for ln in b.lines if ln.text.strip()]
    return min(ys) if ys else None


def _on_top_line(ln: Line, top: float | None, p: Page, body: float) -> bool:
    """Is the line on the page's topmost baseline, within the top 15% of the page, and set no
    larger than the body text (a running head; a title on the first page that the running
    heads repeat is set larger)?"""
    return (top is not None and abs(ln.bbox[1] - top) < 2.0 and ln.bbox[3] <= 0.15 * max(p.height, p.width)
            and ln.size <= body + 0.25)


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


def _column_shares(page: Page) -> tuple[int, int, int]:
    """Characters of the page's flow blocks left of, right of and in all (lchars, rchars, total)."""
    w = page.width
    mid = w / 2
    flow = [b for b in page.blocks if b.kind not in ("header", "footer", "page_number", "margin")]
    lchars = sum(len(b.text) for b in flow if b.bbox[2] <= mid + 0.02 * w)
    rchars = sum(len(b.text) for b in flow if b.bbox[0] >= mid - 0.02 * w)
    return lchars, rchars, sum(len(b.text) for b in flow)


def two_column_pages(pages: list[Page]) -> list[bool]:
    """Per page, whether the file around it is set in two columns: most of the file's pages that
    carry text are (by the per-page test), or the text page before or after it is."""
    votes: list[bool | None] = []
    for p in pages:
        lc, rc, tot = _column_shares(p)
        votes.append(_two_by_shares(lc, rc, tot) if tot >= 500 else None)
    known = [v for v in votes if v is not None]
    most = bool(known) and sum(known) >= 0.5 * len(known)
    out = []
    for i in range(len(pages)):
        before = next((v for v in reversed(votes[:i]) if v is not None), False)
        after = next((v for v in votes[i + 1:] if v is not None), False)
        out.append(most or before or after)
    return out


def _two_by_shares(lchars: int, rchars: int, total: int) -> bool:
    # a two-column page has substantial text on both sides that does not cross the middle
    total = total or 1
    return lchars > 0.2 * total and rchars > 0.2 * total and (lchars + rchars) > 0.6 * total


def order_blocks(page: Page, two_column_file: bool | None = None) -> None:
    """Sort body-ish blocks into reading order, detecting one or two columns.

    Full-width blocks (titles, wide tables, abstracts) split the page into bands; inside
    a band the left column is read before the right one. In a file set in two columns, a
    page whose text all sits in one column or the other is two-column too even when one
    column is short (a last page, the end of a checklist): read by height alone, a short
    right column would be read before the left column's lower half.
    """
    w = page.width
    mid = w / 2
    flow = [b for b in page.blocks if b.kind not in ("header", "footer", "page_number", "margin")]
    rest = [b for b in page.blocks if b.kind in ("header", "footer", "page_number", "margin")]
    if not flow:
        return
    left = [b for b in flow if b.bbox[2] <= mid + 0.02 * w]
    right = [b for b in flow if b.bbox[0] >= mid - 0.02 * w]
    if two_column_file is None:  # re-ordered after tables are cut out: the file's verdict stays
        two_column_file = bool(getattr(page, "_two_file", False))
    lchars, rchars, total = _column_shares(page)
    two = _two_by_shares(lchars, rchars, total) or (
        two_column_file and lchars > 0 and rchars > 0 and (lchars + rchars) > 0.85 * (total or 1))
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


# -- text that belongs to a figure ---------------------------------------------------------

# a tick label: a number with an optional sign, unit or scale suffix ("0k", "0.25", "10%", "1e-3", "2x")
_TICK = re.compile(r"^[-+\u2212(]?(?:\d+(?:[.,]\d+)*|\.\d+)(?:[kKMBGT%x\u00d7]|e[-+\u2212]?\d+)?\)?$")
# a section heading's number ("4", "4.2", "A.1", "IV.") opening a short line
_HEAD_NO = re.compile(r"^(?:\d{1,2}(?:\.\d{1,2})*\.?|[A-Z]\.\d{1,2}(?:\.\d{1,2})*|[IVX]{1,4}\.)\s+[A-Z]")

Graphic = tuple[str, tuple[float, float, float, float]]  # ("path" | "image", box)


def graphic_regions(graphics: list[Graphic], width: float, height: float, tol: float = 4.0,
                    cell: float = 8.0) -> list[tuple[tuple[float, float, float, float], list[tuple[float, float, float, float]], bool]]:
    """Painted paths and images of a page -> regions of drawing: boxes that touch (within
    ``tol``) are joined; each region comes with its *shapes* (boxes that are not thin rules nor
    the region's own frame or a full-width band: curves, markers, bars, arrow heads, node boxes,
    shaded cells) and whether it holds a raster image. Page-sized backgrounds are left out.
    Joining runs on a grid of ``cell`` points (linear in the painted area, not quadratic)."""
    page_area = max(1.0, width * height)
    boxes = []
    for kind, (x0, y0, x1, y1) in graphics:
        w, h = x1 - x0, y1 - y0
        if w < 0 or h < 0 or (w < 0.3 and h < 0.3) or w * h > 0.6 * page_area:
            continue
        if x1 < 0 or y1 < 0 or x0 > width or y0 > height:
            continue
        if (h <= 6 and w > 0.4 * width) or (w <= 6 and h > 0.4 * height):
            continue  # a long band or rule (a highlight, a change bar, a column rule): it joins unrelated things
        boxes.append((kind, (x0, y0, x1, y1)))
    if not boxes:
        return []
    owner: dict[tuple[int, int], int] = {}
    parent = list(range(len(boxes)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i, (_k, (x0, y0, x1, y1)) in enumerate(boxes):
        cx0, cx1 = int(max(0.0, x0 - tol) // cell), int(min(width, x1 + tol) // cell)
        cy0, cy1 = int(max(0.0, y0 - tol) // cell), int(min(height, y1 + tol) // cell)
        if (cx1 - cx0 + 1) * (cy1 - cy0 + 1) > 4000:
            # a large box: its border cells are enough to meet its neighbours and what lies inside
            cells = [(cx, cy) for cx in range(cx0, cx1 + 1) for cy in (cy0, cy1)]
            cells += [(cx, cy) for cy in range(cy0 + 1, cy1) for cx in (cx0, cx1)]
        else:
            cells = [(cx, cy) for cx in range(cx0, cx1 + 1) for cy in range(cy0, cy1 + 1)]
        for c in cells:
            j = owner.get(c)
            if j is None:
                owner[c] = i
            else:
                a, b = find(i), find(j)
                if a != b:
                    parent[a] = b
    groups: dict[int, list[int]] = {}
    for i in range(len(boxes)):
        groups.setdefault(find(i), []).append(i)
    out = []
    for members in groups.values():
        bbs = [boxes[i][1] for i in members]
        rx0, ry0 = min(b[0] for b in bbs), min(b[1] for b in bbs)
        rx1, ry1 = max(b[2] for b in bbs), max(b[3] for b in bbs)
        rw, rh = rx1 - rx0, ry1 - ry0
        image = any(boxes[i][0] == "image" and (boxes[i][1][2] - boxes[i][1][0]) > 20
                    and (boxes[i][1][3] - boxes[i][1][1]) > 20 for i in members)
        shapes = []
        for b in bbs:
            w, h = b[2] - b[0], b[3] - b[1]
            if w <= 3 or h <= 3:
                continue  # a rule, an axis, a tick, a grid line
            if w >= 0.85 * rw and h >= 0.85 * rh:
                continue  # the frame or background of the region
            if w >= 0.6 * rw and h <= 0.12 * rh:
                continue  # a full-width band: a shaded table row
            shapes.append(b)
        out.append(((rx0, ry0, rx1, ry1), shapes, image))
    return out


_FUNCTION_WORDS = frozenset(
    "a an the of to in on at by for with from and or but is are was were be been that which this these we our it its as than not".split())


def _prose(b: Block) -> bool:
    """Does a block read as running text (a wrapped paragraph, a sentence in a panel)? Labels
    rarely use function words; prose uses one word in five or so."""
    words = [w.strip(".,;:()").lower() for ln in b.lines for w in ln.text.split()]
    if any(len(ln.text.split()) >= 9 for ln in b.lines):
        return True
    return len(words) >= 8 and sum(w in _FUNCTION_WORDS for w in words) >= 0.12 * len(words)


def _label_like(text: str) -> bool:
    """A line of a few words at most (an axis title, a legend entry, a node's label) or of ticks."""
    toks = text.split()
    return 0 < len(toks) <= 6 and len(text) <= 60 or (bool(toks) and all(_TICK.match(t) for t in toks))


def _overlap_1d(a0: float, a1: float, b0: float, b1: float) -> float:
    return min(a1, b1) - max(a0, b0)


def mark_figure_text(page: Page, graphics: list[Graphic], tables: list[tuple[float, float, float, float]],
                     body: float) -> int:
    """Text that belongs to a figure (axis ticks and titles, legends, labels in a diagram or
    over a picture) becomes ``figure`` blocks, so that it never runs into a sentence ("0k 30k
    60k 90k 120k Iterations" before "We use a batch size of ...").

    A figure is told by geometry and typography together: a region of drawing (paths that
    touch, or a raster image) at least 30 x 20 pt, outside the page's tables, that draws shapes
    (curves, bars, markers, arrow heads; a grid of rules or a frame alone is a table or a text
    box) or a picture, and whose lines of text are mostly labels (a few words, or numbers). Its
    lines are then set apart, and so are the labels just around it (tick labels and axis titles
    set outside the axes, within about two lines' height), unless a label line is bold or
    numbered like a heading. A shaded box of prose (a prompt, a definition, a summary) or a
    table's shaded cells draw no shapes of their own (their text runs across them) and their
    lines are sentences or cells: they are kept; so is any block that reads as prose. Returns
    the number of lines set apart."""
    if not graphics:
        return 0
    cand = [(b, ln) for b in page.blocks if b.kind == "body" for ln in b.lines]
    if not cand:
        return 0
    near = 1.8 * body
    drop: set[int] = set()
    texts = [((ln.bbox[0] + ln.bbox[2]) / 2, (ln.bbox[1] + ln.bbox[3]) / 2, ln.bbox[2] - ln.bbox[0])
             for b in page.blocks if b.kind in ("body", "table", "caption") for ln in b.lines]
    for (rx0, ry0, rx1, ry1), shapes, image in graphic_regions(graphics, page.width, page.height):
        rw, rh = rx1 - rx0, ry1 - ry0
        if rw < 30 or rh < 20:
            continue
        # shapes drawn for their own sake (bars, markers, curves, arrow heads), not as the ground
        # of a text: a shaded cell of a table, the box of a text panel or of a diagram's node
        # holds a line across much of its width
        drawn = 0
        for x0, y0, x1, y1 in shapes:
            if not any(x0 <= cx <= x1 and y0 <= cy <= y1 and w >= 0.4 * (x1 - x0) for cx, cy, w in texts):
                drawn += 1
                if drawn >= 2:
                    break
        if not (drawn >= 2 or image):
            continue
        area = rw * rh
        if any(_overlap_1d(rx0, rx1, t[0], t[2]) > 0 and _overlap_1d(ry0, ry1, t[1], t[3]) > 0
               and _overlap_1d(rx0, rx1, t[0], t[2]) * _overlap_1d(ry0, ry1, t[1], t[3]) > 0.3 * min(area, (t[2] - t[0]) * (t[3] - t[1]))
               for t in tables):
            continue  # a table's rules and shading
        inside = []
        around = []
        for b, ln in cand:
            x0, y0, x1, y1 = ln.bbox
            cx, cy = (x0 + x1) / 2, (y0 + y1) / 2
            if rx0 <= cx <= rx1 and ry0 <= cy <= ry1:
                inside.append((b, ln))
            elif rx0 - near <= cx <= rx1 + near and ry0 - near <= cy <= ry1 + near:
                around.append((b, ln))
        if len(inside) < 2:
            continue
        prose = {id(b): _prose(b) for b, _ln in inside + around}
        labels = [ln for b, ln in inside if not prose[id(b)] and _label_like(ln.text)]
        if len(labels) < 2 or len(labels) < 0.6 * len(inside):
            continue  # mostly prose: a text box, or a paragraph set over a drawing
        drop.update(id(ln) for ln in labels)
        for b, ln in around:
            if id(ln) in drop or prose[id(b)] or ln.bold or _HEAD_NO.match(ln.text) or not _label_like(ln.text):
                continue
            if all(_label_like(o.text) for o in b.lines):
                drop.add(id(ln))
    if not drop:
        return 0
    return _set_apart(page, drop, "figure", keep_column=True)


_BARE_NUMBER = re.compile(r"^[-+\u2212]?(?:\d+(?:[.,]\d+)*|\.\d+)(?:[kKMBGT%x\u00d7]|e[-+\u2212]?\d+)?$")


_SCALE = {"k": 1e3, "K": 1e3, "M": 1e6, "B": 1e9, "G": 1e9, "T": 1e12}


def _tick_value(tok: str) -> float | None:
    """The number a tick label stands for ("30k" is 30000, "1e-3" 0.001), or None."""
    if not _BARE_NUMBER.match(tok):
        return None
    t = tok.replace("\u2212", "-").rstrip("%x\u00d7")
    mult = _SCALE.get(t[-1:], 1.0)
    if mult != 1.0:
        t = t[:-1]
    if "," in t and "." not in t and re.fullmatch(r"-?\d{1,3}(?:,\d{3})+", t):
        t = t.replace(",", "")
    try:
        return float(t) * mult
    except ValueError:
        return None


def _evenly_spaced(vals: list[float]) -> bool:
    """Four values or more in an even step (an axis: 0k 30k 60k 90k; 0.2 0.4 0.6 0.8; 1.0 0.8 0.6
    0.4 top down) or an even ratio (a log axis: 1 10 100 1000)."""
    if len(vals) < 4:
        return False
    steps = [b - a for a, b in zip(vals, vals[1:])]
    if all(d != 0 for d in steps) and max(steps) - min(steps) <= 1e-6 * max(1.0, max(abs(d) for d in steps)):
        return True
    if all(v > 0 for v in vals):
        ratios = [b / a for a, b in zip(vals, vals[1:])]
        return all(abs(r - ratios[0]) <= 1e-6 * ratios[0] for r in ratios) and ratios[0] != 1.0
    return False


def mark_tick_runs(page: Page) -> int:
    """A figure's axis ticks in the page's body text, told from the text alone (for pages whose
    drawing is not read: dense plots over the figure pass's budget): a run of lines made only of
    numbers, four or more values in an even step or an even ratio, as an axis is labelled ("0k 30k
    60k 90k 120k" on one line, or "0.2" "0.4" "0.6" "0.8" one below the other); with the label
    line just before or after the run that names the axis ("Iterations": a few words, no sentence
    end, not bold, not numbered like a heading). Prose never prints an even run of bare numbers on
    lines of their own. Returns the number of lines set apart as ``figure`` blocks."""
    drop: set[int] = set()
    for b in page.blocks:
        if b.kind != "body":
            continue
        lines = b.lines
        vals = [[_tick_value(t) for t in ln.text.split()] for ln in lines]
        runs: list[tuple[int, int]] = []  # [i, j) of the lines that are an axis's ticks
        i = 0
        while i < len(lines):
            j = i
            while j < len(lines) and vals[j] and None not in vals[j]:
                j += 1  # a run of lines of numbers only
            if j == i:
                i += 1
                continue
            if _evenly_spaced([x for v in vals[i:j] for x in v]):  # type: ignore[misc]
                runs.append((i, j))  # one axis, on one line or wrapped over several
            else:  # several axes in a row: each line alone, or a column of single ticks
                k = i
                while k < j:
                    if len(vals[k]) >= 4 and _evenly_spaced(vals[k]):  # type: ignore[arg-type]
                        runs.append((k, k + 1))
                        k += 1
                        continue
                    m = k
                    while m < j and len(vals[m]) == 1 and (
                            m - k < 3 or _evenly_spaced([x[0] for x in vals[k:m + 1]])):  # type: ignore[misc]
                        m += 1
                    if m - k >= 4 and _evenly_spaced([x[0] for x in vals[k:m]]):  # type: ignore[misc]
                        runs.append((k, m))
                        k = m
                    else:
                        k += 1
            i = j
        for i, j in runs:
            drop.update(id(ln) for ln in lines[i:j])
        for i, j in runs:  # the axis's title, just before or after its ticks
            for k in (i - 1, j):
                if 0 <= k < len(lines) and id(lines[k]) not in drop:
                    t = lines[k].text.strip()
                    if (_label_like(t) and not t.endswith((".", ":", ";", ",")) and not lines[k].bold
                            and not _HEAD_NO.match(t) and any(c.isalpha() for c in t)):
                        drop.add(id(lines[k]))
    if not drop:
        return 0
    return _set_apart(page, drop, "figure", keep_column=True)


def figure_cues(page: Page, body: float) -> int:
    """How many lines of the page's body text look like a figure's (a cheap gate before the
    page's drawing is read): outside running text, lines of bare numbers (ticks), or labels of
    a few words set smaller than the body text."""
    n = 0
    for b in page.blocks:
        if b.kind != "body":
            continue
        k = 0
        for ln in b.lines:
            toks = ln.text.split()
            if len(toks) >= 9:
                k = 0
                break  # a line of running text: the block is prose
            if toks and all(_BARE_NUMBER.match(t) for t in toks):
                k += 1
            elif ln.size <= body - 1.0 and _label_like(ln.text):
                k += 1
        if k and not _prose(b):
            n += k
    return n
