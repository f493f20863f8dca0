"""PDF files -> one Document.

Pages are read one at a time (the PyMuPDF page object is dropped as soon as its
text is taken), so memory grows with the text, not with the PDF.
"""

from __future__ import annotations

import bisect
import contextlib
import functools
import gc
import logging
import os
import re
import shutil
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import pymupdf

from ..errors import DuplicateInputError, NoTextLayerError
from ..model import (
    Block,
    Box,
    Caption,
    Document,
    Line,
    Link,
    Page,
    Paragraph,
    RawTable,
    Section,
    Sentence,
    SourceFile,
    Span,
    union,
)
from .budget import PAGE_READ_BYTES, Budget, page_cost, quick_cost, thread_clock
from .layout import (
    body_font_size,
    clean_text,
    figure_cues,
    mark_figure_text,
    mark_line_numbers,
    mark_running_text,
    mark_tick_runs,
    order_blocks,
    two_column_pages,
)
from .ligatures import repair as repair_word_text
from .ligatures import repair_pages as repair_ligatures
from .ligatures import repair_word
from .open import open_pdf, sha256_of
from .sections import classify, inline_heading, level_of, norm_title, runin_heading, split_numbering
from .tables import _sup_text

log = logging.getLogger(__name__)

Progress = Callable[[int, int, str], None]

_AUTHORS_WORD = re.compile(r"author|credit|contributors", re.I)
_TEXT_FLAGS = pymupdf.TEXT_MEDIABOX_CLIP  # no images, ligatures expanded, whitespace normalised

_CAPTION = re.compile(
    r"^\s*(?P<kind>(?:supplementary |extended data |supplemental )?(?:table|tab\.|figure|fig\.))\s*"
    r"(?P<label>[A-Z]?\d{1,3}(?:\.\d{1,2})?[a-z]?|[IVX]{1,5})"
    # (or the label alone on its line, as IEEE sets "TABLE IV" above its caption: accepted only
    # where the label's type is set apart, small or bold, see below)
    r"(?P<sep>\s*[:|.\u2014\u2013]|\s+\(continued\)|\s{2,}|\s+(?=[A-Z])|\s*$)",
    re.I,
)
_NUMERIC = re.compile(r"^[-+\u2212]?\d[\d,]*(?:\.\d+)?%?$")
# the caption's kind word alone on its line ("Table" before "1:" on the same baseline)
_CAPTION_WORD = re.compile(r"^\s*(?:table|tab\.|figure|fig\.)\s*$", re.I)


@dataclass
class _LineRef:
    start: int
    end: int
    page: int
    bbox: tuple[float, float, float, float]


_FIG_CAPTION = re.compile(r"^\s*(?:Figure|Fig\.?|Listing|Algorithm|Box|Prompt|Exhibit)\s*[A-Z]?\d", re.IGNORECASE)


def _overlap_x(a: tuple[float, float, float, float], b: tuple[float, float, float, float]) -> float:
    return min(a[2], b[2]) - max(a[0], b[0])


@dataclass
class _Para:
    doc: int
    lines: list[tuple[Line, int]] = field(default_factory=list)  # (line, page)
    kind: str = "body"
    heading: tuple[str, str, int] | None = None  # (number, title, level) for heading paragraphs
    footnote: bool = False  # read after its page's columns; running text flows past it


@functools.lru_cache(maxsize=4096)
def _is_bold(font: str, flags: int) -> bool:
    f = font.lower()
    return bool(flags & 16) or any(k in f for k in ("bold", "black", "heavy", "semibold", "demi", ",b", "-b", ".b", "medi"))


@functools.lru_cache(maxsize=4096)
def _is_italic(font: str, flags: int) -> bool:
    f = font.lower()
    return bool(flags & 2) or "italic" in f or "oblique" in f or f.endswith("-it") or ",i" in f


@functools.lru_cache(maxsize=4096)
def _family(font: str) -> str:
    """'ABCDEF+NimbusRomNo9L-Medi' -> 'NimbusRomNo9L-Medi'."""
    return font.split("+", 1)[1] if len(font) > 7 and font[6] == "+" else font


@functools.lru_cache(maxsize=4096)
def _style(font: str, flags: int) -> tuple[bool, bool, str]:
    return _is_bold(font, flags), _is_italic(font, flags), _family(font)


def _faked_small_caps(spans: Sequence[Span]) -> bool:
    """Small capitals set by hand (IEEE and ACM headings: "I. I|NTRODUCTION", "VI. L|IMITATION"):
    every letter upper case, each word's first capital at one size and its other capitals in
    runs a little smaller (70-90 %).  Read by characters the line looks smaller than the body;
    its size is the capitals' size."""
    text = "".join(x.text for x in spans)
    letters = [c for c in text if c.isalpha()]
    if len(letters) < 4 or not all(c.isupper() for c in letters):
        return False
    big = max(x.size for x in spans)
    small = [x for x in spans if x.size < big - 0.3 and any(c.isalpha() for c in x.text)]
    if not small or not all(0.68 * big <= x.size <= 0.92 * big for x in small):
        return False
    # the smaller runs continue a word begun by a larger capital ("L" + "IMITATION")
    ids = {id(x) for x in small}
    for i, x in enumerate(spans):
        if id(x) in ids:
            prev = spans[i - 1].text if i else ""
            if not prev or not prev[-1:].isalpha() or spans[i - 1].size < big - 0.3:
                return False
    return True


# a link as printed at the end of a run ("github.com/allenai/papermage"), and a footnote marker
# set small and raised right after it: the text layer glues the two ("papermage1"), which makes
# another link; the marker is written in superscript digits instead ("papermage\u00b9")
_LINK_END = re.compile(r"(?:https?://|www\.|(?:[a-z0-9-]+\.)+[a-z]{2,6}/)\S*[\w/]$", re.I)


def _raised_link_markers(runs: list[list]) -> None:
    """Write a raised footnote number glued to a printed link in superscript digits (in place)."""
    big = max(r[5] for r in runs)
    base = max(r[4] for r in runs if r[5] > big - 0.6)
    for prev, r in zip(runs, runs[1:]):
        mark = r[0].strip()
        if (len(mark) <= 2 and mark.isdigit() and r[0] == mark and r[5] <= 0.85 * big
                and r[4] < base - 0.1 * big and _LINK_END.search(prev[0])):
            r[0] = _sup_text(mark)


# a number a raised run may be the exponent of: an integer standing alone ("= 2", "(256", "2 x 10"),
# not the end of a name ("CIFAR10", "AH5084"), a decimal ("2.1") or a date ("2023-06")
_BASE = re.compile(r"(?<![\w.,\-/\u2212\u2013])(\d{1,3})$")
_EXPONENT = re.compile(r"([-\u2212\u2013]?)(\d{1,3})")
# a number that names a thing ("Table 2", "Rule Set 3", "Python 3"): a raised number after it is a note
_NAMED_NUMBER = re.compile(
    r"\b(?:tables?|tab\.|figures?|fig\.|sections?|sec\.|appendix|eq\.|equation|chapter|step|stage|phase|version|"
    r"v|set|level|layer|round|part|study|experiment|task|type|group|python|java|windows|ios|android)\s*\d{1,3}$",
    re.I,
)
_CLOSERS = {")": "(", "]": "[", "}": "{"}


def _note_numbers(raw: dict) -> set[str]:
    """The numbers of the page's notes: lines that open with a raised number in small type
    ("\u00b9Code available at ...", "5We use ...")."""
    out: set[str] = set()
    for b in raw.get("blocks", ()):
        for ln in b.get("lines", ()):
            sps = ln["spans"]
            if len(sps) > 1:
                a, nxt = sps[0], sps[1]
                t = a["text"].strip()
                if (t.isdigit() and len(t) <= 3 and a["size"] < 0.85 * nxt["size"]
                        and a["bbox"][3] < nxt["bbox"][3] - 0.1 * nxt["size"]):
                    out.add(t)
    return out


def _maths_group(text: str) -> bool:
    """Does ``text`` end with a bracketed group or a norm that reads as maths ("(x_i)", "[0, 1]",
    "||W||", "|Z|"), not a parenthesis of words ("(FSM)", "(Netmind.AI, 2024)")?"""
    close = text[-1]
    if close in _CLOSERS:
        depth = 0
        for k in range(len(text) - 1, -1, -1):
            ch = text[k]
            if ch == close:
                depth += 1
            elif ch == _CLOSERS[close]:
                depth -= 1
                if depth == 0:
                    group = text[k + 1:-1]
                    return bool(group.strip()) and not re.search(r"[A-Za-z]{3,}", group)
        return False
    # a norm or absolute value: "|Z|", "||W||", "\u2225x\u2225"
    k = text.rstrip(close).rfind(close)
    group = text[k + 1:].strip(close) if k >= 0 else ""
    return bool(group.strip()) and len(group) <= 30 and not re.search(r"[A-Za-z]{3,}", group)


def _raised_numbers(runs: list[list], notes: Callable[[], set[str]]) -> None:
    """Raised digits in small type glued to what comes before them (in place).

    After an integer standing alone or a maths group, an exponent: written "2^15", "10^\u22124",
    "(x)^2", so that the number keeps its value ("|Z| = 2^15", not "215").  After any other
    text ending in a digit (a name "CIFAR10", a decimal "2.1", a number that names a thing
    "Rule Set 3", or a number whose raised digits are the page's note number or a citation
    "is 19^58"), a marker: written in superscript digits ("MiniGPT4\u00b3"), so that the name or
    value keeps its digits.  After a word or punctuation nothing changes: the footnote
    machinery reads those markers as they are.  An exponent is read when the base is 2 or 10,
    or the exponent is signed, or it is one digit that no note of the page carries."""
    big = max(r[5] for r in runs)
    base_y = max(r[4] for r in runs if r[5] > big - 0.6)
    for k in range(1, len(runs)):
        r, prev = runs[k], runs[k - 1]
        t = r[0]
        if not t or t[0].isspace() or r[5] > 0.85 * big or r[4] >= base_y - 0.1 * big or prev[5] <= 0.85 * big:
            continue
        split = None  # the run of an exponent's digits when its minus is a run of its own
        if t in ("-", "\u2212", "\u2013") and k + 1 < len(runs):
            # a raised minus set in the symbol font, its digits in the text font: one exponent, whose two
            # runs stay apart (the table reader reads each as the raised run it is printed as)
            nx = runs[k + 1]
            if nx[5] <= 0.85 * big and nx[4] < base_y - 0.1 * big and nx[0].rstrip().isdigit() and not nx[0][0].isspace():
                split = nx
                t = t + nx[0]
        m = _EXPONENT.fullmatch(t.rstrip())
        if not m:
            continue
        p = "".join(x[0] for x in runs[max(0, k - 4):k])  # the line before it (a name may span runs)
        if not p or p[-1].isspace():
            continue
        sign, digits = m.group(1), m.group(2)
        nxt = runs[k + 1] if k + 1 < len(runs) else None
        listed = nxt is not None and nxt[5] <= 0.85 * big and nxt[0][:1] in (",", "\u2013", "-") and not t[-1].isspace()
        tail = t[len(t.rstrip()):]
        if p[-1].isdigit():
            b = _BASE.search(p)
            exponent = False
            if b and not listed and not _NAMED_NUMBER.search(p[-40:]):
                base = int(b.group(1))
                exponent = base > 1 and (base in (2, 10) or bool(sign)
                                         or (len(digits) == 1 and digits not in notes()))
            if exponent and split is not None:
                r[0] = "^" + sign  # "10" "^\u2212" "4": the sentence reads "10^\u22124"
            elif exponent:
                r[0] = "^" + sign + digits + tail
            elif not sign:
                r[0] = _sup_text(digits) + tail
        elif (p[-1] in ")]}|\u2225\u2016" and not sign and len(digits) <= 2 and not listed
              and _maths_group(p.rstrip()[-60:])):
            r[0] = "^" + digits + tail


def _page_blocks(raw: dict) -> list[Block]:
    """PyMuPDF's text dict -> blocks of lines (spans of one style merged; vertical lines apart)."""
    blocks: list[Block] = []
    note_cache: list[set[str]] = []

    def notes() -> set[str]:
        if not note_cache:
            note_cache.append(_note_numbers(raw))
        return note_cache[0]

    for b in raw.get("blocks", ()):
        if b.get("type", 0) != 0:
            continue
        lines: list[Line] = []
        for ln in b.get("lines", ()):
            # runs of one style: [text, x0, y0, x1, y1, size, font, bold, italic]
            runs: list[list] = []
            for sp in ln["spans"]:
                t = sp["text"]
                if not t:
                    continue
                font = sp["font"]
                bold, ital, fam = _style(font, sp["flags"])
                size = sp["size"]
                bb = sp["bbox"]
                if runs:
                    last = runs[-1]
                    if last[7] == bold and last[8] == ital and abs(last[5] - size) < 0.6:
                        last[0] += t
                        if bb[0] < last[1]:
                            last[1] = bb[0]
                        if bb[1] < last[2]:
                            last[2] = bb[1]
                        if bb[2] > last[3]:
                            last[3] = bb[2]
                        if bb[3] > last[4]:
                            last[4] = bb[3]
                        continue
                runs.append([t, bb[0], bb[1], bb[2], bb[3], size, fam, bold, ital])
            if not runs:
                continue
            if len(runs) > 1:
                _raised_link_markers(runs)
                _raised_numbers(runs, notes)
            joined = runs[0][0] if len(runs) == 1 else "".join(r[0] for r in runs)
            text = clean_text(joined).strip()
            if not text:
                continue
            if joined.rstrip().endswith("\u00ad") and text[-1:].isalpha():
                text += "-"  # a soft hyphen at the line end is printed as a hyphen: repair it like one
            if len(runs) == 1:
                r = runs[0]
                line = Line(text=text, bbox=tuple(ln["bbox"]), size=round(r[5], 2), font=r[6], bold=r[7], italic=r[8])
            else:
                spans = [Span(text=clean_text(r[0]), bbox=(r[1], r[2], r[3], r[4]), size=r[5], font=r[6], bold=r[7],
                              italic=r[8]) for r in runs if r[0]]
                # dominant style by characters
                visible = [x for x in spans if x.text.strip()] or spans
                dominant = max(visible, key=lambda x: len(x.text))
                size = dominant.size
                if _faked_small_caps(visible):
                    size = max(x.size for x in visible)  # "VI. L|IMITATION": the capitals' size is the line's
                line = Line(
                    text=text,
                    bbox=tuple(ln["bbox"]),
                    size=round(size, 2),
                    font=dominant.font,
                    bold=all(x.bold for x in visible),  # a run-in bold label does not make a bold line
                    italic=all(x.italic for x in visible),
                    spans=spans,
                )
            d = ln["dir"]
            if d[1] > 0.5 or d[1] < -0.5:  # vertical text: side stamps (arXiv ids), rotated labels
                blocks.append(Block(bbox=line.bbox, lines=[line], kind="margin"))
                continue
            lines.append(line)
        if lines:
            if len(lines) > 1:
                lines = _merge_label_lines(lines)
            blocks.append(Block(bbox=union([ln.bbox for ln in lines]), lines=lines))
    return _merge_number_labels(blocks)


# -- pages whose text runs vertically ------------------------------------------------------
# A landscape table set sideways (LaTeX's pdflscape/rotating, a /Rotate 90 page drawn turned)
# has its lines running up or down the unrotated page.  Such a page is read in a turned frame
# where the lines run left to right, and its boxes are turned back once the layout is done, so
# the model keeps the unrotated page's coordinates everywhere.

_DIRS = {(0, -1): 90, (0, 1): 270, (-1, 0): 180}


def _text_direction(raw: dict) -> int:
    """90/270/180 when most of the page's characters run up/down/upside down, else 0."""
    blocks = raw.get("blocks", ())
    if all(ln["dir"][0] > 0.5 for b in blocks for ln in b.get("lines", ())):
        return 0  # every line runs left to right (almost every page)
    count: dict[tuple[int, int], int] = {}
    total = 0
    for b in blocks:
        for ln in b.get("lines", ()):
            n = sum(len(sp["text"].strip()) for sp in ln["spans"])
            d = ln["dir"]
            key = (round(d[0]), round(d[1]))
            count[key] = count.get(key, 0) + n
            total += n
    if total < 40:
        return 0
    key, n = max(count.items(), key=lambda kv: kv[1])
    return _DIRS.get(key, 0) if n >= 0.6 * total else 0


def _turn_box(bb: Sequence[float], frame: int, w: float, h: float) -> tuple[float, float, float, float]:
    """A box of the unrotated page (width w, height h) in the turned reading frame."""
    x0, y0, x1, y1 = bb
    if frame == 90:  # lines run upwards
        return (h - y1, x0, h - y0, x1)
    if frame == 270:  # lines run downwards
        return (y0, w - x1, y1, w - x0)
    return (w - x1, h - y1, w - x0, h - y0)


def _unturn_box(bb: Sequence[float], frame: int, w: float, h: float) -> tuple[float, float, float, float]:
    """The inverse of ``_turn_box`` (w, h are the unrotated page's)."""
    x0, y0, x1, y1 = bb
    if frame == 90:
        return (y0, h - x1, y1, h - x0)
    if frame == 270:
        return (w - y1, x0, w - y0, x1)
    return (w - x1, h - y1, w - x0, h - y0)


def _turn_raw(raw: dict, frame: int, w: float, h: float) -> None:
    """Rewrite PyMuPDF's text dict in place as seen in the turned frame."""
    for b in raw.get("blocks", ()):
        if "bbox" in b:
            b["bbox"] = _turn_box(b["bbox"], frame, w, h)
        for ln in b.get("lines", ()):
            ln["bbox"] = _turn_box(ln["bbox"], frame, w, h)
            d = ln["dir"]
            if _DIRS.get((round(d[0]), round(d[1]))) == frame:
                ln["dir"] = (1.0, 0.0)
            for sp in ln["spans"]:
                sp["bbox"] = _turn_box(sp["bbox"], frame, w, h)


def _unturn_blocks(blocks: list[Block], frame: int, w: float, h: float) -> None:
    for b in blocks:
        b.bbox = _unturn_box(b.bbox, frame, w, h)
        for ln in b.lines:
            ln.bbox = _unturn_box(ln.bbox, frame, w, h)
            for sp in ln.spans:
                sp.bbox = _unturn_box(sp.bbox, frame, w, h)


_MAX_LINKS = 500  # per page: a page of thousands of links is an index, not prose


def _link_chain(pg: pymupdf.Page) -> list[tuple[str, tuple[float, float, float, float]]]:
    """(uri, hot area) of every link on the page, read straight off MuPDF's link list.

    ``Page.get_links()`` resolves each link's destination and re-reads the page's annotation
    list per link, which made links cost as much as a page's text; the URI and the rectangle are
    all we keep.
    """
    out: list[tuple[str, tuple[float, float, float, float]]] = []
    ln = pymupdf.mupdf.fz_load_links(pg.this)
    while ln.m_internal and len(out) < _MAX_LINKS:
        r = ln.rect()
        out.append((ln.m_internal.uri or "", (float(r.x0), float(r.y0), float(r.x1), float(r.y1))))
        ln = ln.next()
    return out


def _web_links(pg: pymupdf.Page) -> list[Link]:
    """The page's links to the web or to a mail address (internal jumps are left out)."""
    try:
        links = _link_chain(pg)
    except Exception:  # a malformed annotation array must not lose the page
        return []
    return [Link(bbox=r, uri=clean_text(uri)[:500]) for uri, r in links
            if uri.lower().startswith(("http://", "https://", "mailto:", "www."))]


def _label_joins(ln: Line, nxt: Line) -> bool:
    h = max(ln.bbox[3] - ln.bbox[1], 1.0)
    gap = nxt.bbox[0] - ln.bbox[2]
    return 0 <= gap < 4 * max(ln.size, 4) and abs(nxt.bbox[1] - ln.bbox[1]) < 0.5 * h


def _merge_label_lines(lines: list[Line]) -> list[Line]:
    out: list[Line] = []
    i = 0
    while i < len(lines):
        ln = lines[i]
        if i + 1 < len(lines) and _LABEL.match(ln.text) and _label_joins(ln, lines[i + 1]):
            out.append(_joined(ln, lines[i + 1]))
            i += 2
            continue
        out.append(ln)
        i += 1
    return out


def _joined(lab: Line, first: Line) -> Line:
    spans = first.spans
    if (lab.bold, lab.italic) != (first.bold, first.italic):
        # two weights side by side (a table's "47.6" read as a section label, then a bold best "55.1"):
        # each part keeps its own style, so a bold cell is not lost in the joined line
        spans = [sp for ln in (lab, first) for sp in (ln.spans or [Span(text=ln.text, bbox=ln.bbox, size=ln.size, font=ln.font,
                                                                          bold=ln.bold, italic=ln.italic)])]
    return Line(text=f"{lab.text} {first.text}", bbox=union([lab.bbox, first.bbox]), size=first.size,
                bold=first.bold and lab.bold, italic=first.italic, spans=spans, font=first.font)


_LABEL = re.compile(r"^(?:[A-Z](?:\.\d{1,2}){0,3}|[IVX]{1,5}|S?\d{1,2}(?:\.\d{1,2}){0,3})\.?$")


def _merge_number_labels(blocks: list[Block]) -> list[Block]:
    """A section number set as its own block ('2' | 'Related Work') joins the title on its right."""
    labels = [b for b in blocks if b.kind == "body" and len(b.lines) == 1 and _LABEL.match(b.lines[0].text)]
    if not labels:
        return blocks
    drop: set[int] = set()
    for lab in labels:
        ln = lab.lines[0]
        best = None
        for o in blocks:
            if o is lab or o.kind != "body" or id(o) in drop:
                continue
            if _label_joins(ln, o.lines[0]):
                gap = o.lines[0].bbox[0] - ln.bbox[2]
                if best is None or gap < best[0]:
                    best = (gap, o)
        if best is None:
            continue
        o = best[1]
        o.lines[0] = _joined(ln, o.lines[0])
        o.bbox = union([o.bbox, ln.bbox])
        drop.add(id(lab))
    return [b for b in blocks if id(b) not in drop]


def _split_blocks(blocks: list[Block], body: float) -> list[Block]:
    """Split blocks at style changes (a heading line glued to its paragraph) and wide gaps."""
    out: list[Block] = []
    for b in blocks:
        if b.kind != "body" or len(b.lines) < 2:
            out.append(b)
            continue
        cur: list[Line] = [b.lines[0]]
        for prev, ln in zip(b.lines, b.lines[1:]):
            heading_like = lambda x: (x.bold or x.size > body + 0.9) and len(x.text) < 90  # noqa: E731
            gap = ln.bbox[1] - prev.bbox[3]
            brk = heading_like(prev) != heading_like(ln) or gap > 1.2 * max(prev.size, 6)
            if (brk and gap <= 1.2 * max(prev.size, 6) and not heading_like(prev) and heading_like(ln)
                    and abs(prev.size - ln.size) < 0.3 and prev.bold == ln.bold
                    and not prev.text.rstrip().endswith((".", ":", "?", "!"))
                    and not _deliberate_break(prev, ln, b.bbox[2])):
                # a paragraph's short last line in a type larger than the body's ("Board, and they
                # responded ...", a datasheet set in 11 pt): the line before ran full and on into it
                brk = False
            if heading_like(prev) and heading_like(ln) and (abs(prev.size - ln.size) > 0.9 or prev.bold != ln.bold
                                                          or prev.font != ln.font):
                brk = True  # "Methodology" over "Problem Definition"
            elif heading_like(prev) and heading_like(ln) and _deliberate_break(prev, ln, b.bbox[2]):
                brk = True  # "Results" over "Rationale, approach, ...": the next word would have fitted
            if (brk and _CAPTION.match(cur[0].text) and abs(prev.size - ln.size) < 0.3 and prev.bold == ln.bold
                    and prev.font == ln.font and -1 <= gap < 0.6 * max(prev.size, 6)
                    and (prev.bbox[2] - prev.bbox[0]) >= 0.85 * (b.bbox[2] - b.bbox[0])):
                brk = False  # a bold caption's short last line, wrapped from a full line, is the caption's
            if _CAPTION.match(ln.text) and ln.bbox[0] <= min(x.bbox[0] for x in cur) + 2:
                brk = True
            if brk:
                out.append(Block(bbox=union([x.bbox for x in cur]), lines=cur, kind=b.kind, column=b.column))
                cur = [ln]
            else:
                cur.append(ln)
        out.append(Block(bbox=union([x.bbox for x in cur]), lines=cur, kind=b.kind, column=b.column))
    return out


_LEADER = re.compile(r"(?:\.\s?){4,}\s*\d{0,4}\s*$|\s\.{3,}\s*\d{1,4}\s*$")
_PAGE_REF = re.compile(r"^\s*(?:\d{1,4}|[ivxlc]{1,6})\s*$")
_CONTENTS = re.compile(r"^\s*(?:table of )?contents\s*$", re.I)


def _mark_toc_pages(pages: list[Page]) -> None:
    """A table-of-contents page (dot leaders, right-aligned page numbers) is no body text."""
    for p in pages[: min(len(pages), 12)]:
        lines = [ln for b in p.blocks if b.kind == "body" for ln in b.lines]
        if len(lines) < 8:
            continue
        leaders = sum(1 for ln in lines if _LEADER.search(ln.text))
        refs = sum(1 for ln in lines if _PAGE_REF.match(ln.text) and ln.bbox[0] > 0.6 * p.width)
        titled = any(_CONTENTS.match(ln.text) for ln in lines[:5])
        if leaders >= 5 or (titled and refs >= 5) or refs >= max(8, 0.3 * len(lines)):
            for b in p.blocks:
                if b.kind == "body":
                    b.kind = "toc"


def _continues_heading(last: _Para, b: Block, page: int, h: tuple[str, str, int]) -> bool:
    """A heading wrapped into two blocks: same style, right below, unnumbered, no end punctuation."""
    ln0, pg = last.lines[-1]
    nl = b.lines[0]
    if pg != page or h[0] or len(last.lines) + len(b.lines) > 3 or last.heading[1].endswith((".", ":", "?")):
        return False
    same = abs(ln0.size - nl.size) < 0.3 and ln0.bold == nl.bold and ln0.font == nl.font
    gap = nl.bbox[1] - ln0.bbox[3]
    overlap = min(ln0.bbox[2], nl.bbox[2]) - max(ln0.bbox[0], nl.bbox[0])
    return same and -1 <= gap < 0.6 * nl.size and overlap > 0


_NOTE_MARK = re.compile(r"^\s*(?:\d{1,3}|[*\u2217\u22c6\u2020\u2021\u00a7\u00b6#a-z])(?=\s?\S)")


def _set_apart(b: Block, flow: list[Block], body: float) -> bool:
    """A note whose mark the text layer lost or that has none ("Code available at github.com/...",
    an affiliation, a copyright notice): a line of text in small type, set apart from the running
    text right above it in its column by more room than that text leaves between its own lines
    (the room of a footnote rule), and at the foot of the page."""
    first = b.lines[0].text
    if len(b.text) < 20 or _CAPTION.match(first) or _FIG_CAPTION.match(first):
        return False
    above = [o for o in flow if o is not b and o.column == b.column and o.bbox[3] <= b.bbox[1] + 1
             and _overlap_x(o.bbox, b.bbox) > 0]
    if not above:
        return False
    up = max(above, key=lambda o: o.bbox[3])
    if up.kind != "body" or len(up.lines) < 2 or max(ln.size for ln in up.lines) <= body - 1.0:
        return False  # not under running text (a table's notes, a figure's labels)
    if b.bbox[2] - b.bbox[0] < 0.4 * (up.bbox[2] - up.bbox[0]) or b.bbox[0] > up.bbox[0] + 0.15 * (up.bbox[2] - up.bbox[0]):
        return False
    # at the page's foot: no running text of any column ends much lower
    low = max((o.bbox[3] for o in flow if o.kind == "body" and max(ln.size for ln in o.lines) > body - 1.0), default=0.0)
    if b.bbox[3] < low - 1.5 * body:
        return False
    leads = sorted(n.bbox[1] - m.bbox[3] for m, n in zip(up.lines, up.lines[1:]))
    lead = max(leads[len(leads) // 2], 0.0)
    return b.bbox[1] - up.bbox[3] >= max(0.5 * body, 2.5 * lead + 1.0)


def _mark_footnotes(page: Page, body: float) -> None:
    """Small-type notes at the foot of a column ('16https://...', '* Equal contribution'), also
    unmarked ones set apart from the running text above them (see :func:`_set_apart`)."""
    flow = [b for b in page.blocks if b.kind not in ("header", "footer", "page_number", "margin")]
    notes = []
    for i, b in enumerate(flow):
        if b.kind != "body" or b.bbox[1] < 0.55 * page.height:
            continue
        if max(ln.size for ln in b.lines) > body - 1.0:
            continue
        # nothing in body type below it in its column: it is at the foot
        below = [o for o in flow[i + 1:] if o.column == b.column and o.bbox[1] >= b.bbox[3] - 1
                 and o.kind in ("body", "heading") and max(ln.size for ln in o.lines) > body - 1.0]
        if not below and (_NOTE_MARK.match(b.lines[0].text) or _set_apart(b, flow, body)):
            notes.append(b)
    if not notes:
        return
    for b in notes:
        b.kind = "footnote"
    # also the notes' continuation lines (blocks right below a note, same small type)
    ids = {id(b) for b in notes}
    rest = [b for b in page.blocks if id(b) not in ids]
    i = len([b for b in rest if b.kind not in ("header", "footer", "page_number", "margin")])
    flow_rest = rest[:i]
    after: dict[int, list[Block]] = {}
    tail: list[Block] = []
    for b in notes:
        # a note is read after the block that cites it (its raised mark), in that block's section;
        # else a note at the foot of an earlier column after that column's text ("Code available
        # at ..." under the introduction's column, not after the next column's heading)
        at = _citing_block(b, flow_rest)
        if at is None and b.column >= 0 and any(o.column > b.column for o in flow_rest):
            at = max((k for k, o in enumerate(flow_rest) if o.column == b.column), default=None)
        if at is None:
            tail.append(b)
        else:
            after.setdefault(at, []).append(b)
    out: list[Block] = []
    for k, o in enumerate(flow_rest):
        out.append(o)
        out.extend(after.get(k, ()))
    page.blocks = out + tail + rest[i:]


_PLAIN_MARK = str.maketrans("\u2070\u00b9\u00b2\u00b3\u2074\u2075\u2076\u2077\u2078\u2079", "0123456789")
_LEAD_MARK = re.compile(r"\s*(\d{1,3}|[*\u2217\u22c6\u2020\u2021\u00a7\u00b6])")


def _citing_block(note: Block, blocks: list[Block]) -> int | None:
    """The index of the first block whose lines carry the note's mark raised in small type."""
    first = note.lines[0]
    m = _LEAD_MARK.match(first.text)
    if not m:
        return None
    mark = m.group(1).replace("\u2217", "*")
    for k, o in enumerate(blocks):
        if o.kind not in ("body", "heading"):
            continue
        for ln in o.lines:
            for sp in ln.spans[1:]:
                t = sp.text.strip().translate(_PLAIN_MARK).replace("\u2217", "*")
                if t == mark and sp.size <= 0.85 * ln.size and sp.bbox[3] < ln.bbox[3] - 0.15 * ln.size:
                    return k
    return None


def _caption_sides(pages: list[Page], captions: list[Caption], body: float) -> None:
    """Above or below its object, for captions the table search did not place (figures mostly).

    The object is the tall stretch without running text next to the caption: a figure is
    drawn, so the caption sits below it when the gap above is the larger one.
    """
    by_page = {p.number: p for p in pages}
    for c in captions:
        if c.position != "unknown" or c.page not in by_page:
            continue
        p = by_page[c.page]
        x0, y0, x1, y1 = c.bbox
        above, below = 0.06 * p.height, p.height * 0.94
        for b in p.blocks:
            if b.kind in ("header", "footer", "page_number", "margin", "figure") or b.bbox == c.bbox:
                continue  # (a figure's own text is part of the object, not running text beside it)
            if min(x1, b.bbox[2]) - max(x0, b.bbox[0]) <= 0.2 * min(x1 - x0, b.bbox[2] - b.bbox[0]):
                continue  # another column
            if b.kind == "body" and not (b.bbox[2] - b.bbox[0] >= 0.5 * (x1 - x0)
                                         and max(ln.size for ln in b.lines) >= body - 1.0 and len(b.text) > 40):
                continue  # labels inside a figure are part of the object, not running text
            if b.bbox[3] <= y0 + 1:
                above = max(above, b.bbox[3])
            elif b.bbox[1] >= y1 - 1:
                below = min(below, b.bbox[1])
        gap_above, gap_below = y0 - above, below - y1
        # convention breaks ties: figures are captioned below, tables above
        first, second = (gap_above, gap_below) if c.kind == "figure" else (gap_below, gap_above)
        names = ("below", "above") if c.kind == "figure" else ("above", "below")
        if first >= 36 and not second > 2 * first:
            c.position = names[0]
        elif second >= 36:
            c.position = names[1]


def _join_lines(lines: list[str]) -> str:
    """Join the lines of a short block, repairing words hyphenated at the line end."""
    out = ""
    for t in lines:
        if out.endswith("-") and len(out) > 1 and out[-2].isalpha() and t[:1].islower():
            out = out[:-1] + t
        else:
            out = f"{out} {t}" if out else t
    return out


def _split_at_captions(p: Page) -> None:
    """A caption the text layer put in one block with the table rows above it ("Name IP Greedy",
    "Iris 1.24 ...", then "Table 2: Algorithm runtimes"): the block is cut at the caption's
    line, so that the caption is seen (only a "Table N:" / "Figure N:" line in a smaller type
    than the line above it, or after a line that does not run on into it)."""
    out: list[Block] = []
    changed = False
    for b in p.blocks:
        cut = 0
        if b.kind == "body" and len(b.lines) >= 2:
            for k in range(1, len(b.lines)):
                ln, prev = b.lines[k], b.lines[k - 1]
                m = _CAPTION.match(ln.text)
                if not m or m.group("sep").strip() not in (":", "|"):
                    continue
                if ln.size < prev.size - 0.4 or (ln.bbox[1] - prev.bbox[3]) > 0.3 * max(ln.size, 6):
                    cut = k
                    break
        if cut:
            out.append(Block(bbox=union([ln.bbox for ln in b.lines[:cut]]), lines=b.lines[:cut], kind=b.kind, column=b.column))
            out.append(Block(bbox=union([ln.bbox for ln in b.lines[cut:]]), lines=b.lines[cut:], kind=b.kind, column=b.column))
            changed = True
        else:
            out.append(b)
    if changed:
        p.blocks = out


_LABEL_ONLY = re.compile(r"^\s*(?:supplementary |extended data |supplemental )?(?:table|tab\.)\s*(?:[A-Z]?\d{1,3}(?:\.\d{1,2})?[a-z]?|[IVX]{1,5})[.:]?\s*$", re.I)


def _caption_tail(p: Page, b: Block) -> None:
    """A caption whose last line the text layer set apart as a block of its own (a centred last
    line under a full one, same type, at line spacing): joined back, so that it is read as the
    caption and not as the first header line of the table under it.  A label set on a line of
    its own ("Table 1", then the title on the lines under it) gets its title block the same way."""
    last = b.lines[-1]
    if len(b.lines) == 1 and _LABEL_ONLY.match(last.text):
        for o in p.blocks:
            if o is b or o.kind != "body" or not o.lines or len(o.lines) > 6:
                continue
            ln = o.lines[0]
            gap = ln.bbox[1] - last.bbox[3]
            if (-0.45 * last.size <= gap < 0.8 * max(last.size, 6) and abs(ln.size - last.size) < 0.6
                    and ln.bbox[0] < last.bbox[2] and ln.bbox[2] > last.bbox[0] - 2
                    and not _CAPTION.match(ln.text) and sum(ch.isalpha() for ch in o.lines[0].text) >= 8):
                b.lines.extend(o.lines)
                b.bbox = union([b.bbox, o.bbox])
                p.blocks.remove(o)
                return
        return
    if (last.bbox[2] - last.bbox[0]) < 0.85 * (b.bbox[2] - b.bbox[0]) or len(b.lines) > 12:
        return  # the caption already ends on a short line
    for o in p.blocks:
        if o is b or o.kind != "body" or len(o.lines) != 1:
            continue
        ln = o.lines[0]
        gap = ln.bbox[1] - last.bbox[3]
        if (-1 <= gap < 0.6 * max(last.size, 6) and (_same_type(ln, last) or _ends_in_type(ln, last, b))
                and ln.bbox[0] >= b.bbox[0] - 2 and ln.bbox[2] <= b.bbox[2] + 2
                and not _CAPTION.match(ln.text) and sum(ch.isalpha() for ch in ln.text) >= 0.6 * len(ln.text.replace(" ", ""))):
            b.lines.append(ln)
            b.bbox = union([b.bbox, ln.bbox])
            p.blocks.remove(o)
            return


def _same_type(ln: Line, last: Line) -> bool:
    """Same size and dominant font. A line's bold flag is not compared when the font is known:
    a first caption line that mixes a regular label with a bold title ("Table 6: **Comparison
    ...**") is not flagged bold although its dominant font is the bold one of the next line."""
    if abs(ln.size - last.size) >= 0.3 or ln.font != last.font:
        return False
    return bool(ln.font) or ln.bold == last.bold


def _ends_in_type(ln: Line, last: Line, b: Block) -> bool:
    """A caption's last line that opens in another type (a code name set in monospace,
    "DeepSeek-R1-0528 model."): it starts at the caption's left edge, ends a sentence, and
    its last span is in the caption's own type."""
    tail = ln.spans[-1] if ln.spans else None
    return (tail is not None and tail.font == last.font and abs(tail.size - last.size) < 0.3
            and tail.bold == last.bold and abs(ln.bbox[0] - b.bbox[0]) <= 2 and ln.text.rstrip().endswith("."))


def _runs_on(last: tuple[Line, int], nxt: Line, page: Page, column: int) -> bool:
    """Does a paragraph's last line run on into the next block's first line, though that line
    opens with a capital ("... on GitHub at github.com/allenai/dolma and on" / "PyPI12.", cut into
    two blocks by the text layer)? The next line sits right under it on the same page, at the same
    left edge, in the same type, and the last line ran full: its next word would not have fitted."""
    ln, pno = last
    if pno != page.number or not nxt.text[:1].isalnum():
        return False
    if abs(ln.size - nxt.size) > 0.3 or ln.bold != nxt.bold or abs(ln.bbox[0] - nxt.bbox[0]) > 2:
        return False
    # right under it: at most half a line apart, or (a manuscript set at 1.5 or double spacing, whose
    # lines the text layer gives one block each) no further apart than the page's own line pitch
    # (the page's pitch is read only for a gap wider than half a line)
    gap = nxt.bbox[1] - ln.bbox[3]
    if gap < -0.5 * ln.size or (gap > 0.5 * ln.size and gap > _spaced_gap(page, column) + 0.2 * ln.size):
        return False
    # the column's right edge: the widest body text of the column on this page
    right = max((x.bbox[2] for x in page.blocks if x.kind == "body" and x.column == column), default=ln.bbox[2])
    return not _deliberate_break(ln, nxt, max(right, ln.bbox[2]))


def _spaced_gap(page: Page, column: int) -> float:
    """The usual gap between one body line and the next in a column of the page when the page is
    set with wide line spacing and most of its lines stand one per block (a 1.5- or double-spaced
    manuscript), else 0. Read from consecutive one-line body blocks at the same left edge and in
    the same size; a gap is kept when it is under one line's height (not a paragraph skip)."""
    blocks = sorted((b for b in page.blocks if b.kind == "body" and b.column == column and b.lines),
                    key=lambda b: b.bbox[1])
    singles = sum(1 for b in blocks if len(b.lines) == 1)
    gaps: list[float] = []
    for a, b in zip(blocks, blocks[1:]):
        x, y = a.lines[-1], b.lines[0]
        if abs(x.bbox[0] - y.bbox[0]) <= 2 and abs(x.size - y.size) <= 0.3:
            g = y.bbox[1] - x.bbox[3]
            if 0.5 * x.size < g < 1.2 * x.size:
                gaps.append(g)
    gap = 0.0
    if len(gaps) >= 6 and singles >= 0.6 * len(blocks) and len(gaps) >= 0.5 * (len(blocks) - 1):
        gaps.sort()
        gap = gaps[len(gaps) // 2]
    return gap


def _deliberate_break(prev: Line, nxt: Line, right: float) -> bool:
    """Did the writer end ``prev`` on purpose (the next line's first word would have fitted)?"""
    words = nxt.text.split()
    if not words or prev.text.endswith("-") or abs(prev.bbox[0] - nxt.bbox[0]) > 2:
        return False  # centred lines say nothing about where the writer broke them
    est = 0.5 * nxt.size * (len(words[0]) + 1)  # rough width of the first word and a space
    return prev.bbox[2] + est < right - 2


def _in_row(b: Block, page: Page | None) -> bool:
    """Does another text block share ``b``'s baseline band in the same column (a table row)?"""
    if page is None:
        return False
    y0, y1 = b.bbox[1], b.bbox[3]
    h = max(y1 - y0, 1.0)
    for o in page.blocks:
        if o is b or o.kind in ("header", "footer", "page_number", "margin", "toc"):
            continue
        if o.column != b.column and b.column >= 0 and o.column >= 0:
            continue
        oh = o.bbox[3] - o.bbox[1]
        # row cells share the top edge and are row-sized; a sidebar paragraph beside a heading is not
        if abs(o.bbox[1] - y0) > 0.5 * min(h, 14.0) or oh > 3 * h:
            continue
        gap = o.bbox[0] - b.bbox[2] if o.bbox[0] >= b.bbox[2] else b.bbox[0] - o.bbox[2]
        if -1 <= gap < 0.12 * page.width:
            return True
    return False


_TABLE_WORD = re.compile(r"\b(?:Table|TABLE|Tab\.)")


def _may_have_table(blocks: list[Block], page: Page | None = None) -> bool:
    """Will the table search look at this page (a "Table" label, or rows of numbers)?"""
    if any(_TABLE_WORD.search(ln.text) for b in blocks for ln in b.lines[:3]):
        return True
    from .tables import page_looks_tabular

    if page is None:
        return False
    # before the layout pass headers are still body lines: more lines can only add rows of
    # numbers, so a "no" here stays a "no" and the table pass need not ask again
    # (not on a page read turned: its boxes are turned back after the layout pass)
    tabular = page_looks_tabular(page)
    if not getattr(page, "_frame", 0):
        page._tabular = tabular  # type: ignore[attr-defined]
    return tabular


_ANSWER_START = re.compile(r"^(?:yes|no|n/?a|none|not applicable|unknown|partially|partial)\b", re.I)


def _is_answer(title: str, b: Block, page: Page | None) -> bool:
    """Q&A forms (datasheets, reproducibility checklists) set answers in bold: an answer
    starts with yes/no/N/A, or is a full stop sentence right after a question, or right after a
    question with its request ("Who funded the creation of the dataset? If there is an associated
    grant, please provide the name of the grantor ...", "... ? Please provide a description.")."""
    if _ANSWER_START.match(title) and (title.endswith(".") or len(title.split()) <= 3):
        return True
    if not title.endswith(".") or page is None:
        return False
    before: list[Block] = []
    for other in page.blocks:
        if other is b:
            break
        if other.kind in ("header", "footer", "page_number", "margin"):
            continue
        before.append(other)
    if not before:
        return False
    if before[-1].text.rstrip().endswith("?"):
        return True
    # the prompt's last lines (a form's prompt may come as one block a line)
    asked = " ".join(o.text.strip() for o in before[-3:])
    return "?" in asked and _REQUEST.search(asked.rsplit("?", 1)[1]) is not None


# what a form asks for after its question: "please provide ...", "If so, describe ...", "List them."
_REQUEST = re.compile(r"\b(?:please|provide|describe|list|explain|specify|include|give|indicate|state)\b", re.I)


def _is_heading(b: Block, body: float, page: Page | None = None) -> tuple[str, str, int] | None:
    if b.kind != "body" or len(b.lines) > 3:
        return None
    # headings are never set smaller than the body text (figure labels, table cells, footnotes are)
    if min(ln.size for ln in b.lines) < 0.86 * body:
        return None
    text = _join_lines([ln.text for ln in b.lines]).strip()
    if not text or len(text) > 120 or len(text.split()) > 16:
        return None
    number, title = split_numbering(text)
    if not title or not (title[0].isupper() or title[0].isdigit()):
        return None
    if _CAPTION.match(text):
        return None
    letters = sum(c.isalpha() for c in title)
    if letters < 3 or letters < 0.5 * len(title.replace(" ", "")):
        return None
    bold = all(ln.bold for ln in b.lines)
    big = all(ln.size >= body + 0.9 for ln in b.lines)
    caps = title.isupper() and len(title) > 3
    kind = classify(title)
    known = kind != "other" and len(title.split()) <= 6
    if title.endswith(".") and (not (bold or big) or len(title.split()) > 8):
        return None  # a sentence, even when set large (a datasheet in a bigger font)
    if _is_answer(title, b, page):
        return None  # the answer to a question of a datasheet or checklist form
    if title.endswith((",", ";")):
        return None
    if _CITATION_LIKE.search(title):
        return None  # a reference entry set large ("OpenAI. MRCR dataset. https://..., 2024b.")
    if not (bold or big or (caps and all(ln.size >= body - 0.6 for ln in b.lines)) or (known and number) or (known and norm_title(title) in _STANDALONE)):
        return None
    if (bold and not big and not number and not known) and (len(title.split()) > 8 or title.endswith(".")):
        return None  # bold lead-in sentence, not a heading
    if big and not (bold or caps or number or known) and _reads_as_prose(title):
        # prose set a little larger than the text that dominates the file (a data sheet whose
        # tables outweigh its paragraphs)
        return None
    if _in_row(b, page):
        return None  # a cell of a table row, a label in a figure
    return number, title, level_of(number)


_TRAILING_FUNCTION_WORDS = {
    "a", "an", "the", "of", "in", "on", "to", "for", "with", "and", "or", "by", "at", "from", "as", "that", "which",
    "is", "are", "was", "were", "be", "this", "these", "its", "their", "our", "we", "it", "into", "than", "but",
}

def _reads_as_prose(title: str) -> bool:
    """A line that stops mid-phrase ("... important to handle in a"), or a long one in sentence
    case ("The lung volumes appear decreased on the present exam, with the ..."); a title in
    title case ("Close-ended Datasets Generation Prompt for Visual Factual Hallucination") is not."""
    words = title.split()
    if words[-1].lower() in _TRAILING_FUNCTION_WORDS:
        return True
    if len(words) <= 8:
        return False
    lower = sum(1 for w in words[1:] if w[:1].islower())
    return lower >= 0.6 * (len(words) - 1)


# a web address or DOI, or a year closing a text that has another full stop before it
_CITATION_LIKE = re.compile(r"https?://|\bwww\.|\bdoi:\s*10\.|\b10\.\d{4,}/|\..*\b(?:19|20)\d\d[a-z]?\.$", re.I)

_STANDALONE = {"abstract", "references", "bibliography", "acknowledgements", "acknowledgments", "acknowledgement",
               "acknowledgment", "introduction", "conclusion", "conclusions", "discussion", "methods", "results",
               "limitations", "appendix", "funding", "data availability", "code availability",
               "author contributions", "competing interests", "ethics statement", "related work", "background"}


def _title_of(doc: pymupdf.Document, first: Page | None) -> str:
    meta = (doc.metadata or {}).get("title", "") or ""
    meta = clean_text(meta).strip()
    if meta and len(meta) > 8 and not re.search(r"\.(?:dvi|docx?|pdf|tex)$|^microsoft word|^untitled", meta, re.I):
        return meta
    if first is None:
        return ""
    return _title_lines(first)


def _title_lines(first: Page) -> str:
    """The title printed on the first page: the largest type in its upper half, with the
    lines set below it in the same size and spacing (a title broken over two or three
    lines is often laid out as one block per line)."""
    lines = sorted((ln for b in first.blocks if b.kind in ("body", "heading") for ln in b.lines
                    if ln.bbox[1] <= first.height * 0.5 and ln.text.strip()), key=lambda ln: (ln.bbox[1], ln.bbox[0]))
    cands = [ln for ln in lines if sum(c.isalpha() for c in ln.text) > 2]
    for best in sorted(cands, key=lambda ln: (round(ln.size, 1), -ln.bbox[1]), reverse=True)[:8]:
        picked = [best]
        for ln in lines[lines.index(best) + 1:]:
            last = picked[-1]
            if ln.bbox[2] <= min(p.bbox[0] for p in picked) or ln.bbox[0] >= max(p.bbox[2] for p in picked):
                continue  # beside the title (a side column of the journal's first page), not under it
            same_size = abs(ln.size - best.size) <= 0.5
            if same_size and abs(ln.bbox[1] - last.bbox[1]) < 0.5 * best.size:
                continue  # another span of the same printed line
            if not same_size or ln.bbox[1] - last.bbox[3] > 0.8 * best.size or len(picked) == 6:
                break  # other type, a gap (the next block is something else), or a paragraph
            picked.append(ln)
        text = " ".join(" ".join(ln.text.split()) for ln in picked)
        if 8 < len(text) < 400 and sum(c.isalpha() for c in text) > 5:
            return text
    return ""


def _authors_of(doc: pymupdf.Document) -> list[str]:
    a = clean_text((doc.metadata or {}).get("author", "") or "").strip()
    if not a:
        return []
    parts = re.split(r"\s*(?:;|,| and |&)\s*", a)
    return [p for p in (x.strip() for x in parts) if p and len(p) < 80][:50]


def _numeric_dense(page: Page) -> bool:
    rows = 0
    for b in page.blocks:
        for ln in b.lines:
            toks = ln.text.split()
            if len(toks) >= 3 and sum(bool(_NUMERIC.match(t.strip("*†‡()"))) for t in toks) >= 3:
                rows += 1
                if rows >= 3:
                    return True
    return False


def _ocr_available() -> bool:
    return shutil.which("tesseract") is not None and os.environ.get("JUPYTER_REVIEW_NO_OCR") != "1"


_VOCAB_WORD = re.compile(r"[A-Za-z]+(?:-[A-Za-z]+)*")


def _inner_words(pages: list[Page]) -> set[str]:
    """Words seen whole in a file's body text: the inner words of its lines (a line's first and
    last words may be fragments of a word broken at the line end)."""
    vocab: set[str] = set()
    for p in pages:
        for b in p.blocks:
            if b.kind == "body":
                for ln in b.lines:
                    vocab.update(_VOCAB_WORD.findall(ln.text.lower())[1:-1])
    return vocab


def _caption_text(lines: list[str], vocab: set[str]) -> str:
    """Lines of a short block (a caption) as one text, a word broken at a line-end hyphen
    joined again ("archi-" + "tecture"), a hyphenated compound kept ("data-" + "driven")."""
    out = ""
    for t in lines:
        if not out:
            out = t
        elif out.endswith("-") and _dehyphen(out, t, vocab):
            out = out[:-1] + t
        elif out.endswith(("-", "/")):
            out += t
        else:
            out += " " + t
    return out


def _dehyphen(prev: str, nxt: str, vocab: set[str]) -> bool:
    """Should 'prev-' + 'nxt' be joined without the hyphen?"""
    m1 = re.search(r"([A-Za-z]+)-$", prev)
    m2 = re.match(r"([a-z]+)", nxt)
    if not m1 or not m2:
        return False
    a, b = m1.group(1), m2.group(1)
    if re.search(r"[A-Za-z]-[A-Za-z]+-$", prev[-40:]):  # state-of-the- art
        return False
    if a.lower() in ("self", "cross", "well"):  # "self-" + "reported": the hyphen is part of the word
        return False
    joined = (a + b).lower()
    hyph = f"{a}-{b}".lower()
    if joined in vocab:
        return True
    if hyph in vocab:
        return False
    # two whole words ("automatically-" + "detected", "data-" + "driven") keep their hyphen;
    # fragments ("cor-" + "pus", "interest-" + "ing") are one word broken at the line end
    if len(a) >= 3 and len(b) >= 3 and a.lower() in vocab and b.lower() in vocab:
        return False
    return True


# a link or DOI as printed: "https://...", "www.", "doi:...", "10.5281/...", "github.com/..."
_LINKISH = re.compile(r"^[(<\[]?(?:https?://|www\.|doi:|10\.\d{4,9}/|(?:[\w-]+\.)+[a-z]{2,6}/)", re.I)
_LINK_TAIL_AFTER_DOT = re.compile(r"^(?=[A-Z0-9]*\d)[A-Z0-9]{4,}[.,;)]?$")  # "KGWHV2", "1STIJV"
_TLD_TAIL = re.compile(r"^(?:org|com|net|io|edu|gov|ac|uk|de|info|ai|github|gitlab|page)(?:[./][\w/.#?=&%~-]*)?[.,;)]?$")
_SCHEME_ONLY = re.compile(r"^[(<\[]?https?:$", re.I)
_HOST_AFTER_SCHEME = re.compile(r"^//(?:[\w-]+\.)+[a-z]{2,6}(?:[/:?#]\S*)?$", re.I)
_LINK_TAIL = re.compile(r"^(?!\w+://)(?:\d[\w/.#?=&%~-]+|[\w.-]*[/_=?&#%~][\w/.#?=&%~-]*)$")


def _bold_label(ln: Line) -> str | None:
    """The bold words that open a line followed by regular text ("**Funding** This work ..."):
    a run-in label set apart by its weight."""
    if not ln.spans or not ln.spans[0].bold:
        return None
    label = []
    for sp in ln.spans:
        if not sp.bold:
            break
        label.append(sp.text)
    else:
        return None  # the whole line is bold: a heading line, not a run-in label
    text = "".join(label).strip()
    return text if len(text) >= 3 else None


def _url_continues(prev: str, nxt: str) -> bool:
    """Does the next line carry on a link or DOI the line ends with, broken at the line end
    ("https://doi.org/10.17617/3." | "KGWHV2", "github.com/ljvmiranda9" | "21/LiBERTus.")?  Then
    the lines join without a space, so no sentence or word boundary falls inside the link."""
    parts = prev.rsplit(None, 1)
    if not parts or not nxt or nxt[:1].isspace():
        return False
    last = parts[-1]
    first = nxt.split(None, 1)[0]
    if _SCHEME_ONLY.match(last):
        # the link cut right after its scheme ("... are available at https:" | "//github.com/...")
        return bool(_HOST_AFTER_SCHEME.match(first))
    if not _LINKISH.match(last) or len(last) < 8:
        return False
    if last.endswith("."):
        # "https://doi." | "org/10.1016/...", "https://clse." | "github.io"; "10.17617/3." | "KGWHV2"
        return bool(_LINK_TAIL_AFTER_DOT.match(first) or _TLD_TAIL.match(first))
    if last[-1:] in ",;:)]>":
        return False
    return bool(_LINK_TAIL.match(first))


_HEAD = re.compile(r"[A-Za-z]+$")
_TAIL = re.compile(r"^[A-Za-z]+")


def _join_repaired(head_line: str, tail_line: str) -> tuple[str, str, int]:
    """A word broken over two lines whose ligature was lost ('signif' | 'cantly ...'): the
    repaired word goes to the first line (the second keeps what follows it); returns the
    new lines and how many characters the first one grew."""
    h, t = _HEAD.search(head_line), _TAIL.match(tail_line)
    if not h or not t:
        return head_line, tail_line, 0
    fixed = repair_word(h.group() + t.group())
    if fixed is None:
        return head_line, tail_line, 0
    new_head = head_line[: h.start()] + fixed
    return new_head, tail_line[t.end():], len(new_head) - len(head_line)


class _Builder:
    def __init__(self) -> None:
        self.document = Document(files=[])
        self.line_refs: list[list[_LineRef]] = []  # per paragraph
        self.ligatures_lost = False  # the current file's text layer drops ff/fi/fl ligatures

    # -- per file ---------------------------------------------------------------------
    def add_file(
        self,
        path: Path,
        role: str,
        password: str | None,
        progress: Progress | None,
        done_before: int,
        total: int,
        find_tables: bool,
        sha: str | None = None,
    ) -> int:
        doc_index = len(self.document.files)
        pdf = open_pdf(path, password)
        try:
            sf = SourceFile(
                path=str(path),
                role=role,
                pages=pdf.page_count,
                sha256=sha or sha256_of(path),
                metadata={k: clean_text(str(v)) for k, v in (pdf.metadata or {}).items() if v},
                encrypted=bool(pdf.is_encrypted or (pdf.metadata or {}).get("encryption")),
            )
            pages: list[Page] = []
            ocr = None
            scanned = garbled = False
            self.budget = budget = Budget()
            for i in range(pdf.page_count):
                cost = None
                try:
                    pg = pdf.load_page(i)
                    cost = quick_cost(pg)
                    if cost is not None and cost.too_heavy_to_read:
                        # MuPDF would interpret every operator of it just to look for text
                        budget.note(i + 1, f"over {PAGE_READ_BYTES // 10**6} MB of drawing code: not read")
                        sf.textless_pages.append(i + 1)
                        pages.append(Page(doc=doc_index, number=i + 1, width=float(pg.rect.width),
                                          height=float(pg.rect.height), has_text=False))
                        continue
                    rotation = int(pg.rotation)
                    if rotation:
                        # read a rotated page in its own frame (in memory only): the writer's lines run
                        # left to right there, so reading order, columns and margins work as usual
                        pg.set_rotation(0)
                    t_read = thread_clock()
                    tp = pg.get_textpage(flags=_TEXT_FLAGS)
                    raw = pg.get_text("dict", textpage=tp)
                    t_read = thread_clock() - t_read
                except Exception as e:  # one broken page must not lose the paper
                    log.warning("page %d of %s cannot be read: %s", i + 1, path, e)
                    self.document.warnings.append(f"{path.name}: page {i + 1} is damaged and was skipped ({e})")
                    sf.textless_pages.append(i + 1)
                    pages.append(Page(doc=doc_index, number=i + 1, width=612.0, height=792.0, has_text=False))
                    continue
                rect = pg.rect
                frame = _text_direction(raw)
                if frame:  # the text runs vertically (a landscape table set sideways): read it turned
                    _turn_raw(raw, frame, float(rect.width), float(rect.height))
                blocks = _page_blocks(raw)
                if not blocks:
                    if any(b.get("lines") for b in raw.get("blocks", ())):
                        garbled = True  # text objects whose characters decode to nothing usable
                    # a bounded measure of the drawings, never get_drawings() itself: a page of
                    # two million line segments took 3 GB and 80 s to list
                    if cost is None:
                        cost = page_cost(pg)
                    if pg.get_images() or cost.has_paths:
                        scanned = True
                        if ocr is None:
                            ocr = _ocr_available()
                        if ocr and cost.too_heavy_to_draw:
                            budget.note(i + 1, "too many drawings to render for OCR")
                        elif ocr:
                            try:
                                tp = pg.get_textpage_ocr(full=True, dpi=200)
                                blocks = _page_blocks(pg.get_text("dict", flags=_TEXT_FLAGS, textpage=tp))
                                sf.ocr_pages.append(i + 1)
                            except Exception as e:  # tesseract problems must not stop ingest
                                log.warning("OCR failed on %s p.%d: %s", path, i + 1, e)
                    if not blocks:
                        sf.textless_pages.append(i + 1)
                page = Page(
                    doc=doc_index,
                    number=i + 1,
                    width=float(rect.width),  # the unrotated page: text boxes use these coordinates
                    height=float(rect.height),
                    rotation=rotation,
                    has_text=bool(blocks),
                    blocks=blocks,
                )
                if frame:
                    page._frame = frame  # type: ignore[attr-defined]  # boxes are turned until layout is done
                    if frame != 180:
                        page.width, page.height = page.height, page.width
                page.links = _web_links(pg)
                pages.append(page)
                # table search needs the live page: do the cheap gate now
                page._pdf_page = pg  # type: ignore[attr-defined]  # also read for figure regions
                page._cost = cost  # type: ignore[attr-defined]  # None: the page draws little
                page._read = t_read  # type: ignore[attr-defined]  # CPU seconds its text took to read
                budget.read += t_read
                # the table search reads words from the same text page instead of extracting
                # it again; kept only where a table may be (bounded memory on long files)
                page._textpage = tp if find_tables and _may_have_table(blocks, page) else None  # type: ignore[attr-defined]
                del pg
                if progress and (i % 10 == 0 or i == pdf.page_count - 1):
                    progress(done_before + i + 1, total, f"reading {path.name}")
            if len(sf.textless_pages) == pdf.page_count:
                n = len(sf.textless_pages)
                which = f"page {sf.textless_pages[0]}" if n == 1 else f"pages {_ranges(sf.textless_pages)}"
                if garbled:
                    msg = f"{path}: the text on {which} cannot be decoded (fonts without a Unicode mapping)"
                elif scanned:
                    msg = f"{path}: no readable text on {which}: the pages are images (a scan?)"
                    msg += "" if _ocr_available() else "; install Tesseract for OCR"
                elif budget.degraded:
                    msg = f"{path}: {which} {'is' if n == 1 else 'are'} too costly to read: " + budget.degraded[0][1]
                else:
                    msg = f"{path}: {which} {'is' if n == 1 else 'are'} blank: there is no text to read"
                raise NoTextLayerError(msg, path=str(path), pages=sf.textless_pages)
            if sf.textless_pages:
                self.document.warnings.append(
                    f"{path.name}: no text layer on page(s) {_ranges(sf.textless_pages)}; they were skipped"
                )
            repaired = repair_ligatures(pages)
            self.ligatures_lost = bool(repaired)
            if repaired:
                self.document.warnings.append(
                    f"{path.name}: the text layer drops ff/fi/fl ligatures (it reads 'signifcant', 'diferent');"
                    f" words on {repaired} lines were spelled out from a lexicon of ligature words"
                )
            self._layout(pages)
            sf.title = _title_of(pdf, pages[0] if pages else None)
            sf.authors = _authors_of(pdf)
            toc = _safe_toc(pdf)
            self.document.files.append(sf)
            first_caption = len(self.document.captions)
            first_table = len(self.document.raw_tables)
            if progress:
                progress(done_before + pdf.page_count, total, f"finding tables in {path.name}")
            self._captions_and_tables(pages, doc_index, find_tables)
            if repaired:
                for t in self.document.raw_tables[first_table:]:
                    for row in t.rows:
                        for cell in row:
                            cell.text = repair_word_text(cell.text)
            self.document.warnings.extend(budget.warnings(path.name))
            _caption_sides(pages, self.document.captions[first_caption:], self.body)
            self.document.pages.extend(pages)
            self._text(doc_index, pages, toc)
            return pdf.page_count
        finally:
            for p in self.document.pages:
                if hasattr(p, "_pdf_page"):
                    del p._pdf_page
                if hasattr(p, "_textpage"):
                    del p._textpage
                if hasattr(p, "_tabular"):
                    del p._tabular
                if hasattr(p, "_cost"):
                    del p._cost
                if hasattr(p, "_read"):
                    del p._read
            pdf.close()

    def _layout(self, pages: list[Page]) -> None:
        mark_running_text(pages)
        mark_line_numbers(pages)
        _mark_toc_pages(pages)
        self.body = body_font_size(pages)
        for p in pages:
            p.blocks = _split_blocks(p.blocks, self.body)
        for p, two_file in zip(pages, two_column_pages(pages)):
            p._two_file = two_file  # type: ignore[attr-defined]  # kept for re-ordering after tables
            order_blocks(p, two_file)
            _mark_footnotes(p, self.body)
            frame = getattr(p, "_frame", 0)
            if frame:  # reading order and kinds are decided: boxes back to the page's own frame
                if frame != 180:
                    p.width, p.height = p.height, p.width
                _unturn_blocks(p.blocks, frame, p.width, p.height)
                del p._frame
                p._turned = frame  # type: ignore[attr-defined]  # its lines do not run left to right

    def _captions_and_tables(self, pages: list[Page], doc_index: int, find_tables: bool) -> None:
        budget = getattr(self, "budget", None) or Budget()
        try:
            from . import tables as tabmod
        except ImportError:  # pragma: no cover - table module is part of the package
            tabmod = None  # type: ignore[assignment]
        raws: list[RawTable] = []
        vocab: set[str] | None = None  # words seen whole in the file, for captions broken at a hyphen
        for p in pages:
            caps: list[tuple[int, Caption]] = []
            _split_at_captions(p)
            for b in list(p.blocks):
                if b.kind != "body":
                    continue
                first = b.lines[0]
                m = _CAPTION.match(first.text)
                if len(b.lines) > 1 and (_CAPTION_WORD.match(first.text) or (
                        m and not m.group("sep").strip() and first.text.strip() == m.group(0).strip())):
                    # a justified caption line the text layer split into one line per word ("Table",
                    # "1:", "Architecture", ... on one baseline): the label is read from the words
                    # that share the first line's baseline
                    head, last = first.text, first
                    for ln in b.lines[1:4]:
                        if abs(ln.bbox[3] - last.bbox[3]) > 0.5 or ln.bbox[0] < last.bbox[2] - 0.5:
                            break
                        head, last = head.rstrip() + " " + ln.text.strip(), ln
                    m = _CAPTION.match(head) if last is not first else m
                if not m:
                    continue
                _caption_tail(p, b)
                label_style = first.spans[0].bold if first.spans else first.bold
                sep = m.group("sep").strip()
                small = first.size < self.body - 0.4
                if not (sep in (":", "|", "\u2014", "\u2013") or label_style or small or "(continued)" in m.group(0)):
                    continue
                kind = "table" if m.group("kind").lower().split()[-1].startswith("tab") else "figure"
                b.kind = "caption"
                if vocab is None and any(ln.text.endswith("-") for ln in b.lines[:-1]):
                    vocab = _inner_words(pages)
                cap = Caption(
                    doc=doc_index, page=p.number, bbox=b.bbox, kind=kind, label=m.group("label"),
                    text=_caption_text([ln.text for ln in b.lines], vocab or set()),
                )
                self.document.captions.append(cap)
                caps.append((len(self.document.captions) - 1, cap))
            pg = getattr(p, "_pdf_page", None)
            if find_tables and tabmod is not None and pg is not None:
                table_caps = [(i, c) for i, c in caps if c.kind == "table"]
                if not (table_caps or (getattr(p, "_tabular", True) and tabmod.page_looks_tabular(p))):
                    pass
                elif not budget.tables_left():
                    budget.note(p.number, f"table search budget of {budget.table_seconds:.0f} CPU s spent: not searched")
                else:
                    t0 = thread_clock()
                    try:
                        tp = getattr(p, "_textpage", None)
                        words = pg.get_text("words", textpage=tp) if tp is not None else pg.get_text("words", flags=_TEXT_FLAGS)
                        if tabmod.page_may_hold_table(words, table_caps):
                            found = tabmod.find_tables_on_page(pg, doc_index, p.number, table_caps, words=words,
                                                               page=p, captions=[c for _i, c in caps],
                                                               budget=budget)
                            raws.extend(found)
                            _mark_table_blocks(p, found)
                    except Exception as e:  # a table we cannot read must not lose the paper
                        log.warning("table search failed on %s p.%d: %s", doc_index, p.number, e)
                        self.document.warnings.append(f"table search skipped on file {doc_index} p.{p.number}: {e}")
                    finally:
                        budget.spent += thread_clock() - t0
        # figure text, once the tables are known; the pages that look most like figures first
        cues = [(figure_cues(p, self.body), p) for p in pages
                if getattr(p, "_pdf_page", None) is not None and not getattr(p, "_turned", 0)]
        for _n, p in sorted((c for c in cues if c[0] >= FIGURE_CUES), key=lambda c: -c[0]):
            _figure_text(p, p._pdf_page, [t.bbox for t in raws if t.page == p.number], self.body, budget)
        for _n, p in cues:
            with contextlib.suppress(Exception):
                del p._pdf_page._jr_drawings
            mark_tick_runs(p)  # axis ticks the drawing pass left (a page over its budget), from the text alone
        if tabmod is not None and raws and hasattr(tabmod, "merge_continued"):
            raws = tabmod.merge_continued(raws)
        self.document.raw_tables.extend(raws)
        # caption above/below its table
        for t in raws:
            if t.caption is not None:
                c = self.document.captions[t.caption]
                c.position = "above" if c.bbox[3] <= t.bbox[1] + 2 else "below"

    # -- text, paragraphs, sections, sentences ------------------------------------------
    def _text(self, doc_index: int, pages: list[Page], toc: list[tuple[int, str, int, float | None]]) -> None:
        vocab = _inner_words(pages)  # words seen whole in this file, for line-end hyphens
        paras: list[_Para] = []
        for p in pages:
            open_end = False  # the previous text block stopped mid-phrase ("... statistics in")
            page_first = len(paras)  # the paragraphs this page starts
            after_caption = False  # a figure's caption right under the last body text of this page
            last_body = None  # the bbox of this page's last body block
            for b in p.blocks:
                if b.kind == "caption":
                    # the text just over a figure's caption (within two lines) is the figure's own:
                    # a framed prompt, a listing, an algorithm box
                    after_caption = bool(
                        last_body is not None and _FIG_CAPTION.match(b.lines[0].text)
                        and 0 <= b.bbox[1] - last_body[3] <= 2.5 * self.body
                        and _overlap_x(b.bbox, last_body) > 0)
                    continue
                if b.kind == "footnote":
                    paras.append(_Para(doc=doc_index, lines=[(ln, p.number) for ln in b.lines], footnote=True))
                    continue
                if b.kind != "body":
                    continue
                h = None if open_end else _is_heading(b, self.body, p)
                last_word = b.lines[-1].text.rsplit(None, 1)[-1].lower() if b.lines[-1].text.strip() else ""
                open_end = h is None and last_word in _TRAILING_FUNCTION_WORDS
                if h:
                    b.kind = "heading"
                    last = paras[-1] if paras else None
                    if last is not None and last.heading and _continues_heading(last, b, p.number, h):
                        last.lines.extend((ln, p.number) for ln in b.lines)
                        number, title, level = last.heading
                        last.heading = (number, f"{title} {h[1]}", level)
                        continue
                    paras.append(_Para(doc=doc_index, lines=[(ln, p.number) for ln in b.lines], kind="heading", heading=h))
                    continue
                k = len(paras) - 1
                while k >= 0 and paras[k].footnote:
                    k -= 1  # a paragraph continues past the footnotes at the foot of a column or page
                first = b.lines[0].text
                if after_caption and k >= page_first and (first[:1].islower() or first[:1] in ",;)"):
                    # a page that opens with a float (a framed prompt, a figure's text) and its
                    # caption: the running text after them continues the previous page's last
                    # paragraph, not the float's last line ("Question: {question}" + "with eight
                    # NVIDIA A800 GPUs ...")
                    j = page_first - 1
                    while j >= 0 and paras[j].footnote:
                        j -= 1
                    if (j >= 0 and paras[j].kind == "body" and paras[j].lines[-1][1] < p.number
                            and not re.search(r"[.!?:;]['\")\]]?$", paras[j].lines[-1][0].text)
                            and all(q.kind != "heading" for q in paras[page_first:])):
                        k = j  # the previous page's paragraph still open, cut by the page break
                after_caption = False
                last_body = b.bbox
                prev = paras[k] if k >= 0 else None
                if prev is not None and prev.kind == "body" and (
                    # a link cut at a separator at the line end is no paragraph end, even where
                    # the next line sits apart (a form's answer: "https://clse." | "page.link/data.");
                    # a whole link may end a paragraph ("...pmed.1003873.t001" | "2013 WHO ...")
                    (prev.lines[-1][0].text.endswith((".", "/", ":")) and _url_continues(prev.lines[-1][0].text, first))
                    or (not re.search(r"[.!?:;]['\")\]]?$", prev.lines[-1][0].text)
                        and (first[:1].islower() or first[:1] in ",;)" or _runs_on(prev.lines[-1], b.lines[0], p, b.column)))
                ):
                    prev.lines.extend((ln, p.number) for ln in b.lines)
                    continue
                paras.append(_Para(doc=doc_index, lines=[(ln, p.number) for ln in b.lines]))
        # assemble text
        parts: list[str] = []
        pos = 0
        made: list[tuple[_Para, int, int, list[_LineRef]]] = []
        for para in paras:
            refs: list[_LineRef] = []
            buf: list[str] = []
            start = pos
            for ln, pno in para.lines:
                t = ln.text
                if buf:
                    prevt = buf[-1]
                    if prevt.endswith("-") and _dehyphen(prevt, t, vocab):
                        buf[-1] = prevt[:-1]
                        pos -= 1
                        refs[-1].end -= 1
                        if self.ligatures_lost:  # "signif-" + "cantly": repair the joined word
                            buf[-1], t, grown = _join_repaired(buf[-1], t)
                            pos += grown
                            refs[-1].end += grown
                    elif prevt.endswith(("-", "/")) or _url_continues(prevt, t):
                        pass  # a word or a link broken at the line end
                    else:
                        buf.append(" ")
                        pos += 1
                refs.append(_LineRef(pos, pos + len(t), pno, ln.bbox))
                buf.append(t)
                pos += len(t)
            text = "".join(buf)
            parts.append(text)
            made.append((para, start, pos, refs))
            parts.append("\n\n")
            pos += 2
        full = "".join(parts)
        self.document.texts.append(full)
        # sections
        sec_first = len(self.document.sections)
        heads: list[Section] = []
        styles: dict[int, tuple[float, bool, str]] = {}
        for para, start, end, refs in made:
            if para.kind == "heading" and para.heading:
                number, title, level = para.heading
                sec = Section(doc=doc_index, title=title, level=level, page=refs[0].page, page_end=refs[0].page,
                              start=start, end=end, number=number, kind=classify(title), source="layout",
                              bbox=union([r.bbox for r in refs if r.page == refs[0].page]))
                ln0 = para.lines[0][0]
                styles[id(sec)] = (round(ln0.size * 2) / 2, ln0.bold, ln0.font)
                heads.append(sec)
            elif para.kind == "body":
                ih = inline_heading(full[start:end])
                if not ih or ih[1] == "other":
                    ih = runin_heading(_bold_label(para.lines[0][0]), full[start:end])
                if ih and ih[1] != "other":
                    heads.append(Section(doc=doc_index, title=ih[0], level=9, page=refs[0].page, page_end=refs[0].page,
                                         start=start, end=end, kind=ih[1], source="inline", bbox=refs[0].bbox))
        heights = {p.number: p.height for p in pages}
        toc = _outline_without_title_root(toc)
        if toc:
            heads = _merge_outline(toc, heads, made, doc_index, heights)
        heads.sort(key=lambda s: s.start)
        _abstract_fallback(heads, made, doc_index, full)
        heads.sort(key=lambda s: s.start)
        heads = _drop_front_matter(heads)
        _assign_levels(heads, styles)
        # ends and inherited kinds
        for i, s in enumerate(heads):
            if s.source == "inline":
                continue  # a run-in statement label covers its own paragraph only
            end = len(full)
            for t in heads[i + 1:]:
                if t.level <= s.level:
                    end = t.start
                    break
            s.end = end
        _end_statements(heads, made)
        parents: list[Section] = []
        seen_refs = False
        for s in heads:
            while parents and parents[-1].level >= s.level:
                parents.pop()
            if s.kind == "references":
                seen_refs = True
            elif seen_refs and s.level == 1 and s.number and s.number[:1].isalpha() and s.kind not in ("appendix",):
                s.kind = "appendix" if s.kind == "other" else s.kind
            if (s.kind == "other" and parents and parents[-1].kind != "other"
                    and not (parents[-1].kind in _STATEMENT_KINDS and parents[-1].end <= s.start)):
                s.kind = parents[-1].kind
            elif (s.kind == "author_contributions" and parents and parents[-1].kind == "introduction"
                  and not _AUTHORS_WORD.search(s.title)):
                s.kind = "introduction"  # "Contributions." inside the introduction lists the paper's, not the authors'
            parents.append(s)
        para_starts = [start for _para, start, _end, _refs in made]  # increasing
        para_last_page = [refs[-1].page for _para, _start, _end, refs in made]
        for s in heads:
            a, b = bisect.bisect_left(para_starts, s.start), bisect.bisect_left(para_starts, s.end)
            s.page_end = max([s.page, *para_last_page[a:b]])
        self.document.sections.extend(heads)
        # paragraphs + sentences
        sec_idx = list(range(sec_first, sec_first + len(heads)))
        body_paras: list[tuple[int, str, list[_LineRef]]] = []
        section_at = _SectionSweep(heads, sec_idx)
        for para, start, end, refs in made:
            sidx = section_at(start)
            sec = self.document.sections[sidx] if sidx is not None else None
            kind = para.kind
            if kind == "body" and sec is not None and sec.kind == "references":
                kind = "reference"
            boxes = [Box(page=r.page, bbox=r.bbox) for r in refs]
            pg0 = refs[0].page
            self.document.paragraphs.append(Paragraph(
                doc=doc_index, page=pg0, bbox=union([r.bbox for r in refs if r.page == pg0]),
                text=full[start:end], start=start, end=end, section=sidx, kind=kind, boxes=boxes,
            ))
            pi = len(self.document.paragraphs) - 1
            if kind == "body":
                body_paras.append((pi, full[start:end], refs))
        from ..nlp.pipeline import split_sentences

        turned = {p.number for p in self.document.pages if p.doc == doc_index and getattr(p, "_turned", 0)}
        for (pi, text, refs), spans in zip(body_paras, split_sentences(t for _, t, _ in body_paras)):
            para = self.document.paragraphs[pi]
            ends = [r.end for r in refs]  # increasing: lines in text order
            for a, b in spans:
                sa, sb = para.start + a, para.start + b
                lrefs = []
                for r in refs[bisect.bisect_right(ends, sa):]:
                    if r.start >= sb:
                        break
                    lrefs.append(r)
                if not lrefs:
                    continue
                pg0 = lrefs[0].page
                cut = [r.bbox if r.page in turned else _line_part(r, sa, sb) for r in lrefs]
                self.document.sentences.append(Sentence(
                    doc=doc_index, page=pg0, bbox=union([bb for r, bb in zip(lrefs, cut) if r.page == pg0]),
                    text=text[a:b], start=sa, end=sb, paragraph=pi, section=para.section,
                    boxes=[Box(page=r.page, bbox=bb) for r, bb in zip(lrefs, cut)],
                ))


def _line_part(r: _LineRef, sa: int, sb: int) -> tuple[float, float, float, float]:
    """The part of a line's box that holds the text from ``sa`` to ``sb``: where a sentence begins
    or ends inside a line (two sentences share it), its box on that line starts or stops where
    its characters do, estimated from their share of the line's characters (the line's own glyph
    positions are not kept).  Lines set upright keep their whole box, and so do the lines of a page
    read in a turned frame (the caller's part: they may run right to left)."""
    x0, y0, x1, y1 = r.bbox
    n = r.end - r.start
    if n <= 0 or (x1 - x0) <= (y1 - y0) or (sa <= r.start and sb >= r.end):
        return r.bbox
    a = max(0.0, min(1.0, (sa - r.start) / n))
    b = max(0.0, min(1.0, (sb - r.start) / n))
    if b <= a:
        return r.bbox
    w = x1 - x0
    return (x0 + a * w, y0, x0 + b * w, y1)


# back-matter statements: a heading and a paragraph or two, never subsections
_STATEMENT_KINDS = {"conflicts", "funding", "acknowledgements", "author_contributions", "ethics",
                    "data_availability", "code_availability"}


def _para_size(para: _Para) -> float:
    sizes = sorted(ln.size for ln, _page in para.lines)
    return sizes[len(sizes) // 2] if sizes else 0.0


def _end_statements(heads: list[Section], made: list[tuple[_Para, int, int, list[_LineRef]]]) -> None:
    """Where a back-matter statement ("Competing interests", "Funding", "Data availability")
    ends, by typography: at the next heading of any level (a statement has no subsections: a
    large line after it, even one read as a lower level, is no part of it), and at the end of its
    last page when the text on a later page is set in another type size (the figure and table
    pages a preprint puts after its back matter)."""
    for i, s in enumerate(heads):
        if s.source == "inline" or s.kind not in _STATEMENT_KINDS:
            continue
        nxt = next((t.start for t in heads[i + 1:] if t.start > s.start), None)
        if nxt is not None and nxt < s.end:
            s.end = nxt
        body = [m for m in made if s.start <= m[1] < s.end and m[0].kind == "body" and m[3]]
        if not body:
            continue
        size = _para_size(body[0][0])
        last = body[0][3][-1].page
        for para, start, _end, refs in body[1:]:
            if refs[0].page > last and abs(_para_size(para) - size) > 0.15 * size:
                s.end = start
                break
            last = refs[-1].page


class _SectionSweep:
    """Deepest section containing each offset, for offsets given in increasing order."""

    def __init__(self, heads: list[Section], idx: list[int]) -> None:
        self.items = sorted(zip(heads, idx), key=lambda x: x[0].start)
        self.starts = [h.start for h, _ in self.items]
        self.j = 0
        self.active: list[tuple[Section, int]] = []

    def __call__(self, offset: int) -> int | None:
        j = bisect.bisect_right(self.starts, offset)
        if j < self.j:  # offsets went backwards: start again
            self.j, self.active = 0, []
        self.active.extend(self.items[self.j:j])
        self.j = j
        self.active = [(s, i) for s, i in self.active if s.end > offset]
        best: tuple[int, int] | None = None
        for s, i in self.active:
            if s.start <= offset and (best is None or s.level >= best[0]):
                best = (s.level, i)
        return best[1] if best else None


def _drop_front_matter(heads: list[Section]) -> list[Section]:
    """Title and author lines above the abstract/introduction on the first pages are no sections."""
    first = next((h for h in heads if h.kind in ("abstract", "introduction") and h.page <= 2), None)
    if first is None:
        return heads
    return [h for h in heads if not (h.start < first.start and h.source == "layout" and h.page == first.page)]


_TOP_KINDS = {"introduction", "related_work", "methods", "results", "discussion", "conclusion", "references",
              "acknowledgements", "limitations", "experiments", "data_availability", "appendix"}


def _assign_levels(heads: list[Section], styles: dict[int, tuple[float, bool, str]]) -> None:
    """Levels of unnumbered layout headings from their typography, relative to their neighbours.

    The style most used by known top-level headings (Introduction, Methods, Results, ...)
    is level 1; an unnumbered heading less prominent than the heading before it (smaller,
    not bold, or same size in another font) nests one level below it.  Numbered and
    outline headings keep their levels and anchor the nesting.
    """
    top = Counter(styles[id(h)] for h in heads if id(h) in styles and not h.number and h.kind in _TOP_KINDS
                  and len(h.title.split()) <= 4)
    l1 = {st for st, _ in top.most_common(1)}
    l1_size = max((st[0] for st in l1), default=None)
    stack: list[tuple[Section, tuple[float, bool, str] | None]] = []
    for h in heads:
        if h.source == "inline":
            continue
        st = styles.get(id(h))
        if st is not None and not h.number and h.source != "outline":
            if h.kind in ("abstract", "references") or st in l1 or (l1_size is not None and st[0] > l1_size + 0.5) or (not l1 and not stack):
                h.level = 1
            else:
                level = None
                while stack:
                    ph, pst = stack[-1]
                    if pst == st:  # same style as an earlier heading: its sibling
                        level = ph.level
                        stack.pop()
                        break
                    if pst is None or _more_prominent(pst, st, l1):
                        level = ph.level + 1
                        break
                    stack.pop()
                h.level = min(level or 1, 6)
        while stack and stack[-1][0].level >= h.level:
            stack.pop()
        stack.append((h, st))


def _more_prominent(a: tuple[float, bool, str] | None, b: tuple[float, bool, str], l1: set) -> bool:
    if a is None:
        return True
    if a[0] != b[0]:
        return a[0] > b[0]
    if a[1] != b[1]:
        return a[1]
    return a in l1 and b not in l1 and a[2] != b[2]


def _outline_without_title_root(toc: list[tuple[int, str, int, float | None]]) -> list[tuple[int, str, int, float | None]]:
    """An outline whose only top entry is the paper's title: drop it and lift the rest one level."""
    if len(toc) < 3:
        return toc
    top = min(e[0] for e in toc)
    roots = [e for e in toc if e[0] == top]
    if len(roots) == 1 and toc[0] is roots[0] and toc[0][2] <= 1 and classify(toc[0][1]) == "other":
        return [(max(1, lvl - 1), t, pg, y) for lvl, t, pg, y in toc[1:]]
    return toc


def _merge_outline(toc, heads, made, doc_index, heights):
    """Use the PDF outline for titles and levels; keep layout headings it does not cover.

    Each outline entry is placed at the layout heading with the same title on its target
    page (or the next one), else at the paragraph that opens with the title, else at the
    first paragraph below the entry's target point.
    """
    out: list[Section] = []
    used: set[int] = set()
    for level, title, page, y in toc:
        number, rest = split_numbering(clean_text(title))
        t = norm_title(rest)
        if not t:
            continue
        level = max(1, min(level, 6))
        hit = None
        for j, h in enumerate(heads):
            if j in used or h.source == "inline" or not (page <= h.page <= page + 1):
                continue
            ht = norm_title(h.title)
            if ht == t or (min(len(ht), len(t)) >= 12 and (ht.startswith(t) or t.startswith(ht))):
                if hit is None or (h.page == page and y is not None and heads[hit].page == page
                                   and abs(h.bbox[1] - y) < abs(heads[hit].bbox[1] - y)):
                    hit = j
                if y is None or h.page != page:
                    break
        if hit is not None:
            used.add(hit)
            h = heads[hit]
            h.level = level
            h.source = "outline"
            h.number = h.number or number
            out.append(h)
            continue
        start = None
        key = t[:40]
        for para, s, _e, refs in made:
            if page <= refs[0].page <= page + 1 and norm_title(split_numbering(para_text(para)[:200])[1]).startswith(key):
                start = s
                break
        if start is None and y is not None:
            for _para, s, _e, refs in made:
                if (refs[0].page == page and refs[0].bbox[1] >= y - 24) or refs[0].page > page:
                    start = s
                    break
        if start is None:
            for _para, s, _e, refs in made:
                if refs[0].page >= page:
                    start = s
                    break
        if start is None:
            continue
        out.append(Section(doc=doc_index, title=rest or title, level=level, page=page, page_end=page,
                           start=start, end=start, number=number, kind=classify(rest or title), source="outline"))
    for j, h in enumerate(heads):
        if j in used:
            continue
        if h.source == "inline" or h.kind != "other":
            # keep known-kind headings the outline does not name; nest them below the outline entry before
            if not any(abs(o.start - h.start) < 3 for o in out):
                if h.source != "inline":
                    before = [o for o in out if o.source == "outline" and o.start <= h.start]
                    h.level = min(before[-1].level + 1, 6) if before and h.kind not in ("references", "appendix") else 1
                out.append(h)
    return out


def para_text(para: _Para) -> str:
    return " ".join(ln.text for ln, _ in para.lines)


def _abstract_fallback(heads, made, doc_index, full) -> None:
    """No 'Abstract' heading: take the first long paragraph on page 1 before any section."""
    if any(h.kind == "abstract" for h in heads):
        return
    first_start = min((h.start for h in heads), default=len(full))
    for para, s, e, refs in made:
        if para.kind != "body" or refs[0].page > 2 or s >= first_start:
            continue
        text = full[s:e]
        if len(text) > 400 and text.count(". ") >= 2:
            m = re.match(r"\s*(abstract|summary)\s*[:.\u2014-]?\s*", text, re.I)
            heads.append(Section(doc=doc_index, title="Abstract", level=1, page=refs[0].page, page_end=refs[-1].page,
                                 start=s, end=e, kind="abstract", source="inferred" if not m else "inline",
                                 bbox=refs[0].bbox))
            return


def _outline_items(pdf: pymupdf.Document) -> list[tuple[int, str, int, float | None]]:
    """(level, title, 1-based page, y from the top or None) straight off MuPDF's outline tree.

    ``Document.get_toc(simple=False)`` resolves every named destination again in Python (about
    a quarter of a second for a 40-entry outline); MuPDF has already resolved page and position.
    """
    out: list[tuple[int, str, int, float | None]] = []
    stack = [(pymupdf.mupdf.fz_load_outline(pdf.this), 1)]
    while stack and len(out) < 2000:
        node, level = stack.pop()
        while node.m_internal and len(out) < 2000:
            m = node.m_internal
            loc = m.page
            page = loc.page + 1 if loc.chapter == 0 and loc.page >= 0 else -1
            y = float(m.y) if m.y == m.y else None  # NaN: the target has no position
            out.append((level, m.title or "", page, y))
            down = node.down()
            if down.m_internal:
                stack.append((node.next(), level))  # come back to the siblings after the children
                node, level = down, level + 1
                continue
            node = node.next()
    return out


def _safe_toc(pdf: pymupdf.Document) -> list[tuple[int, str, int, float | None]]:
    """The outline as (level, title, page, y-from-top or None); damaged/circular outlines give []."""
    try:
        toc = _outline_items(pdf)
    except Exception:
        return []
    out = []
    seen = set()
    for level, raw_title, page, y in toc[:2000]:
        title = clean_text(str(raw_title)).strip()
        key = (level, title, page)
        if not title or key in seen or page < 1 or page > pdf.page_count:
            continue
        seen.add(key)
        if y is not None:
            try:
                h = pdf.page_cropbox(page - 1).height
                y = y if 0 < y < h else None
            except Exception:
                y = None
        out.append((level, title, page, y))
    return out


# a page drawing more paths than this is not searched for figure text (a dense plot has a few
# thousand; listing a line bomb's would cost more than the page's text)
MAX_GRAPHICS = 20000
# pictures placed on a page: more than this (a mosaic of glyph images) are not located
MAX_PICTURES = 20
# lines that look like a figure's, needed before a page's drawing is read
FIGURE_CUES = 3
# a page drawing more than this is not read for figure regions: reading its painted boxes costs
# about as much as reading its text again (a page of dense plots), for a few labels
FIGURE_DRAWING_BYTES = 400_000
# ... and once the file's figure search has read this much drawing code (each page counted as at
# least FIGURE_PAGE_MIN_BYTES). Bytes, not seconds: the pages searched, and so the sentences, must
# not depend on how busy the machine is (a CPU-time share had janus-pro's figure labels set apart
# on one run and not on the next). On the 65 corpus and texbench files the search reads at most
# 1.3 MB of one file (yellowfin, 12 pages, ~80 ms); a crafted file of many heavy pages stops here.
FIGURE_DOC_BYTES = 4_000_000
FIGURE_PAGE_MIN_BYTES = 20_000


def _figure_text(p: Page, pg: pymupdf.Page, tables: list, body: float, budget: Budget) -> None:
    """Sets a page's figure text apart (``layout.mark_figure_text``), reading its drawings only
    where it may matter and where it is cheap: a page with a few lines that look like a
    figure's, which draws something (read from the bounded measure of its drawing code where
    there is one). Listing the drawings interprets the page again, at about the cost of reading
    its text: a page with much drawing code is left alone, and so are the pages after the file's
    allowance of drawing code is spent (the pages with the most figure-like lines first). Both
    limits are sizes of the page's code, so the same file always gives the same result."""
    cost = getattr(p, "_cost", None)
    size = cost.drawing_bytes if cost is not None else 0  # (None: under 16 kB of compressed code)
    if size > FIGURE_DRAWING_BYTES:
        return
    size = max(size, FIGURE_PAGE_MIN_BYTES)
    if budget.figure_bytes + size > FIGURE_DOC_BYTES:
        return
    budget.figure_bytes += size
    t0 = thread_clock()
    try:
        if cost is not None and not cost.has_paths and not pg.get_images():
            return
        # the paths (MuPDF's line-art device, which skips images), and the page's own pictures
        from .tables import page_drawings

        drawings = page_drawings(pg)
        if len(drawings) <= MAX_GRAPHICS:
            graphics = [("path", tuple(d["rect"])) for d in drawings]
            n_images = len(pg.get_images())
            if 0 < n_images <= MAX_PICTURES:
                graphics += [("image", tuple(im["bbox"])) for im in pg.get_image_info()]
            mark_figure_text(p, graphics, tables, body)
    except Exception as e:  # figure text we cannot tell must not lose the paper
        log.info("figure text search failed on p.%d: %s", p.number, e)
    finally:
        budget.figures += thread_clock() - t0


def _mark_table_blocks(page: Page, tables: list[RawTable]) -> None:
    if not tables:
        return
    boxes = [t.bbox for t in tables]

    def inside(bb):
        cx, cy = (bb[0] + bb[2]) / 2, (bb[1] + bb[3]) / 2
        return any(x0 - 1 <= cx <= x1 + 1 and y0 - 1 <= cy <= y1 + 1 for x0, y0, x1, y1 in boxes)

    new: list[Block] = []
    for b in page.blocks:
        # small type at the foot of a page was taken for footnotes before the tables were known
        # ('71.4 70.8' under a table at the bottom of the page): inside a table's box it is the table's
        if b.kind not in ("body", "heading", "footnote"):
            new.append(b)
            continue
        tin = [ln for ln in b.lines if inside(ln.bbox)]
        if not tin:
            new.append(b)
            continue
        tout = [ln for ln in b.lines if not inside(ln.bbox)]
        new.append(Block(bbox=union([ln.bbox for ln in tin]), lines=tin, kind="table", column=b.column))
        if tout:
            new.append(Block(bbox=union([ln.bbox for ln in tout]), lines=tout, kind=b.kind, column=b.column))
    page.blocks = new
    order_blocks(page)


def _ranges(nums: list[int]) -> str:
    out = []
    start = prev = None
    for n in nums:
        if start is None:
            start = prev = n
        elif n == prev + 1:
            prev = n
        else:
            out.append(f"{start}" if start == prev else f"{start}-{prev}")
            start = prev = n
    if start is not None:
        out.append(f"{start}" if start == prev else f"{start}-{prev}")
    return ", ".join(out)


def load_document(
    paper: str | os.PathLike[str],
    supplements: Sequence[str | os.PathLike[str]] = (),
    *,
    passwords: dict[str, str] | None = None,
    progress: Progress | None = None,
    find_tables: bool = True,
) -> Document:
    """Read a paper and its supplements into one Document (main first)."""
    paths = [Path(paper)] + [Path(s) for s in supplements]
    roles = ["main"] + ["supplement"] * len(supplements)
    seen: dict[str, Path] = {}
    for p in paths:
        key = str(p.resolve()) if p.exists() else str(p)
        if key in seen:
            raise DuplicateInputError(f"{p}: the same file was given twice", path=str(p))
        seen[key] = p
    # same content under two names
    hashes: dict[str, Path] = {}
    for p in paths:
        if p.is_file():
            h = sha256_of(p)
            if h in hashes:
                raise DuplicateInputError(f"{p}: has the same content as {hashes[h]}; give each file once", path=str(p))
            hashes[h] = p
    total = 0
    counts = []
    for p in paths:
        try:
            with pymupdf.open(str(p)) as d:
                counts.append(d.page_count)
        except Exception:
            counts.append(0)
    total = sum(counts) or 1
    b = _Builder()
    done = 0
    with _fewer_collections():
        for p, role in zip(paths, roles):
            pw = (passwords or {}).get(str(p)) or (passwords or {}).get(p.name)
            done += b.add_file(p, role, pw, progress, done, total, find_tables, sha=next(
                (h for h, q in hashes.items() if q == p), None))
    return b.document


@contextlib.contextmanager
def _fewer_collections():
    """Run the cyclic garbage collector less often while a document is built.

    Ingest allocates millions of short-lived containers (keys, tuples, dicts from PyMuPDF)
    and almost no reference cycles; at CPython's default threshold (700) the collector runs
    thousands of times and re-examines the growing document each time it reaches the older
    generations (measured: a quarter of the ingest time on table-heavy reports).  Reference
    counting still frees everything at once; collections still happen, only less often.
    The caller's thresholds are restored afterwards.
    """
    old = gc.get_threshold()
    gc.set_threshold(max(old[0], 50_000), max(old[1], 20), max(old[2], 20))
    try:
        yield
    finally:
        gc.set_threshold(*old)
