"""The document model: files -> pages -> blocks -> lines -> spans, plus the
reading-ordered text units (sections, paragraphs, sentences, captions) that every
later stage quotes from.

Conventions (everywhere in the project):
- ``doc`` is the index of the file in ``Document.files`` (0 is the main paper).
- ``page`` is 1-based.
- ``bbox`` is ``(x0, y0, x1, y1)`` in PDF points, origin top-left, in the
  coordinates of the *unrotated* page (``Page.width``/``height``); a page shown
  rotated has ``Page.rotation`` 90/180/270 and is read in its own frame, so
  reading order follows the writer's lines.  PyMuPDF's ``Page.rotation_matrix``
  maps these boxes to the displayed page.
- ``start``/``end`` are character offsets into ``Document.texts[doc]``.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

from .serial import from_data, to_data

BBox = tuple[float, float, float, float]
SCHEMA_VERSION = "1.0"


def union(boxes: list[BBox]) -> BBox:
    if not boxes:
        return (0.0, 0.0, 0.0, 0.0)
    if len(boxes) == 1:
        b = boxes[0]
        return (b[0], b[1], b[2], b[3])
    x0s, y0s, x1s, y1s = zip(*boxes)
    return (min(x0s), min(y0s), max(x1s), max(y1s))


@dataclass
class Span:
    text: str
    bbox: BBox
    size: float
    font: str = ""
    bold: bool = False
    italic: bool = False


@dataclass
class Line:
    text: str
    bbox: BBox
    size: float
    bold: bool = False
    italic: bool = False
    spans: list[Span] = field(default_factory=list)  # kept only when the line mixes styles
    font: str = ""  # font of the line's dominant span (subset prefix removed)


@dataclass
class Block:
    bbox: BBox
    lines: list[Line]
    # body | heading | caption | header | footer | page_number | table | reference | margin
    kind: str = "body"
    column: int = 0

    @property
    def text(self) -> str:
        return "\n".join(ln.text for ln in self.lines)


@dataclass
class Link:
    """A web or mail link laid over the page (the PDF's link annotation): the words behind it
    ("code", "here", "Huggingface Link") often stand for a URL that is printed nowhere."""

    bbox: BBox
    uri: str


@dataclass
class Page:
    doc: int
    number: int
    width: float
    height: float
    rotation: int = 0
    has_text: bool = True
    blocks: list[Block] = field(default_factory=list)
    columns: int = 1
    links: list[Link] = field(default_factory=list)


@dataclass
class SourceFile:
    path: str
    role: str  # main | supplement
    pages: int
    sha256: str
    title: str = ""
    authors: list[str] = field(default_factory=list)
    metadata: dict[str, str] = field(default_factory=dict)
    textless_pages: list[int] = field(default_factory=list)
    encrypted: bool = False
    ocr_pages: list[int] = field(default_factory=list)

    @property
    def name(self) -> str:
        return self.path.replace("\\", "/").rsplit("/", 1)[-1]


@dataclass
class Box:
    """One rectangle of a text unit that may run over lines, columns and pages."""

    page: int
    bbox: BBox


@dataclass
class Section:
    doc: int
    title: str
    level: int
    page: int
    page_end: int
    start: int
    end: int
    number: str = ""
    # canonical kind: abstract, introduction, related_work, methods, data, experiments,
    # results, discussion, limitations, conclusion, ethics, broader_impact,
    # data_availability, code_availability, acknowledgements, funding, conflicts,
    # author_contributions, references, appendix, other
    kind: str = "other"
    source: str = "layout"  # outline | layout
    bbox: BBox = (0.0, 0.0, 0.0, 0.0)


@dataclass
class Paragraph:
    doc: int
    page: int
    bbox: BBox
    text: str
    start: int
    end: int
    section: int | None = None
    kind: str = "body"  # body | reference | heading
    boxes: list[Box] = field(default_factory=list)


@dataclass
class Sentence:
    doc: int
    page: int
    bbox: BBox
    text: str
    start: int
    end: int
    paragraph: int
    section: int | None = None
    boxes: list[Box] = field(default_factory=list)


@dataclass
class Caption:
    doc: int
    page: int
    bbox: BBox
    kind: str  # table | figure
    label: str  # "3", "S2", "A.1"
    text: str
    position: str = "unknown"  # above | below | unknown (relative to its object)


@dataclass
class Cell:
    text: str
    bbox: BBox
    bold: bool = False
    underline: bool = False
    italic: bool = False


@dataclass
class RawTable:
    """A table grid recovered from the page geometry (before typing)."""

    doc: int
    page: int
    bbox: BBox
    rows: list[list[Cell]]
    caption: int | None = None  # index into Document.captions
    header_rows: int = 1
    method: str = "words"  # words | lines (ruled) | merged
    pages: list[int] = field(default_factory=list)  # all pages when continued
    notes: list[str] = field(default_factory=list)


@dataclass
class Document:
    files: list[SourceFile]
    pages: list[Page] = field(default_factory=list)
    texts: list[str] = field(default_factory=list)
    sections: list[Section] = field(default_factory=list)
    paragraphs: list[Paragraph] = field(default_factory=list)
    sentences: list[Sentence] = field(default_factory=list)
    captions: list[Caption] = field(default_factory=list)
    raw_tables: list[RawTable] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    schema_version: str = SCHEMA_VERSION

    # -- convenience ---------------------------------------------------------------
    def page(self, doc: int, number: int) -> Page:
        for p in self.pages:
            if p.doc == doc and p.number == number:
                return p
        raise KeyError((doc, number))

    def section_of(self, doc: int, offset: int) -> Section | None:
        best = None
        for s in self.sections:
            if s.doc == doc and s.start <= offset < s.end:
                if best is None or s.level >= best.level:
                    best = s
        return best

    def sentences_in(self, doc: int | None = None, kinds: set[str] | None = None) -> list[Sentence]:
        out = []
        for s in self.sentences:
            if doc is not None and s.doc != doc:
                continue
            if kinds is not None:
                sec = self.sections[s.section] if s.section is not None else None
                if (sec.kind if sec else "other") not in kinds:
                    continue
            out.append(s)
        return out

    def role(self, doc: int) -> str:
        return self.files[doc].role

    # -- JSON ----------------------------------------------------------------------
    def to_dict(self) -> dict[str, Any]:
        return to_data(self)

    def to_json(self, **kw: Any) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False, **kw)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Document:
        from ..errors import SchemaError

        ver = str(data.get("schema_version", ""))
        if ver.split(".")[0] != SCHEMA_VERSION.split(".")[0]:
            raise SchemaError(f"document schema {ver!r} is not supported (expected {SCHEMA_VERSION})")
        return from_data(cls, data)

    @classmethod
    def from_json(cls, text: str) -> Document:
        return cls.from_dict(json.loads(text))
