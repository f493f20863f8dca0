"""What the extractors and the checklist engine produce, and the Analysis that
bundles it with the document.  Plain dataclasses, stdlib only."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

from .document import BBox, Box, Document
from .serial import from_data, to_data

ANALYSIS_SCHEMA_VERSION = "1.0"


@dataclass
class Evidence:
    """A quotable piece of the paper: the text and where it stands."""

    text: str
    doc: int
    page: int
    bbox: BBox
    section: str = ""
    file: str = ""
    role: str = ""  # main | supplement
    boxes: list[Box] = field(default_factory=list)
    links: list[str] = field(default_factory=list)  # URLs the quote points to (its footnote, a link under its words)
    relevance: float | None = None  # the learned judgement that the quote is about its topic (0-1), if judged


@dataclass
class Quantity:
    value: float
    text: str
    unit: str = ""  # %, pp, x, tokens, B, ...
    metric: str = ""  # accuracy, pass@1, F1, ...
    benchmark: str = ""
    system: str = ""


@dataclass
class Claim:
    text: str
    kind: str  # contribution | superiority | novelty | quantitative | generalisation
    kinds: list[str]
    hedged: bool
    location: str  # abstract | introduction | results | conclusion | other
    doc: int
    page: int
    bbox: BBox
    quantities: list[Quantity] = field(default_factory=list)
    section: str = ""
    sentence: int = -1
    cues: list[str] = field(default_factory=list)
    boxes: list[Box] = field(default_factory=list)
    # is it this paper's own claim (its result or contribution), not another paper's result or
    # background? Judged by nlp/statement_judge.py; a claim judged not own is kept and shown
    # apart, but the cross-checks and the checklist do not read it
    own: bool = True
    p_own: float | None = None


@dataclass
class DataStatement:
    text: str
    aspects: list[str]
    vague: bool
    doc: int
    page: int
    bbox: BBox
    vague_reasons: list[str] = field(default_factory=list)
    urls: list[str] = field(default_factory=list)
    dois: list[str] = field(default_factory=list)
    section: str = ""
    sentence: int = -1
    boxes: list[Box] = field(default_factory=list)
    # is it about this paper's data (the data it makes or uses), not other papers' data or data
    # in general? As for claims: kept and shown apart when not, never read by the checklist
    own: bool = True
    p_own: float | None = None


@dataclass
class TableRecord:
    system: str
    column: str
    value: float | str | None
    text: str = ""  # the cell as printed, markers included ("85.3\u00b9 \u00b1 0.2")
    spread: float | None = None  # the "\u00b1 b" / "(b)" part
    unit: str = ""  # "%" when printed
    marks: str = ""  # footnote / superscript markers kept apart from the value and labels
    confidence: float | None = None  # how surely this cell's value and both labels were read, 0-1
    # the row's settings printed in attribute columns ("# Shots": "5-shot"), apart from its name
    attributes: dict[str, str] = field(default_factory=dict)


@dataclass
class Table:
    id: str  # "d0-p5-t1"
    doc: int
    page: int
    bbox: BBox
    caption: str
    label: str
    is_results: bool
    columns: list[str]  # header levels joined with " / "
    header: list[list[str]]  # header rows as read, one list per header row
    rows: list[list[str]]  # body rows, cell text as read
    bold: list[list[bool]] = field(default_factory=list)  # parallel to rows
    system_column: int = 0
    metric_columns: list[int] = field(default_factory=list)
    attribute_columns: list[int] = field(default_factory=list)  # label columns of row settings ("# Shots")
    lower_is_better: list[bool] = field(default_factory=list)  # per column
    best: dict[str, str] = field(default_factory=dict)  # column label -> best system
    long: list[TableRecord] = field(default_factory=list)
    pages: list[int] = field(default_factory=list)
    method: str = "words"
    notes: list[str] = field(default_factory=list)
    # "rows": systems are rows (the usual); "columns": systems are columns, benchmarks rows
    orientation: str = "rows"
    # how surely the table was read: {overall, confident, grid, header, orientation, labels}
    # (each 0-1 but ``confident``, a bool) and ``why``: what lowered it
    confidence: dict[str, Any] = field(default_factory=dict)

    @property
    def df(self) -> Any:
        """A typed pandas DataFrame (numbers where cells are numeric)."""
        from ..extract.tables import table_dataframe

        return table_dataframe(self)

    @property
    def bold_mask(self) -> Any:
        """Boolean DataFrame parallel to ``df``: True where the page prints the cell bold."""
        from ..extract.tables import bold_frame

        return bold_frame(self)

    def to_csv(self, path: Any = None) -> str | None:
        """The typed table as CSV (returned as text when no path is given)."""
        return self.df.to_csv(path, index=False)


@dataclass
class DesignChoice:
    """A part of the method the authors chose (a loss term, a reward, a module, a strategy) and
    whether any experiment in the paper removes or varies it."""

    name: str  # as the paper writes it: "KL penalty"
    key: str  # its distinctive words, lower case: "kl"
    kind: str  # the head noun: penalty, loss, reward, module, strategy, ...
    needed: bool  # the paper calls it essential (or says what fails without it)
    ablated: bool
    evidence: Evidence  # where the main text introduces it
    ablation: Evidence | None = None  # the first experiment found that names it
    aliases: list[str] = field(default_factory=list)  # its acronym, when the paper gives one


@dataclass
class CrossCheck:
    kind: str  # number | superiority | bold_best
    # consistent | mismatch | unverified | scoped | unsupported; only ``mismatch`` is a finding:
    # the compared cells were read with confidence and the claim's system, benchmark and metric
    # all matched. ``unverified``: a check that could not be settled (shown apart)
    status: str
    message: str
    claim: str = ""
    claim_doc: int | None = None
    claim_page: int | None = None
    claim_bbox: BBox | None = None
    table: str = ""  # table caption
    table_id: str = ""
    table_doc: int | None = None
    table_page: int | None = None
    cells: list[dict[str, Any]] = field(default_factory=list)
    # added in session 7 (absent in older files): how sure the reading of the compared cells is
    # (0-1, None when no cell was compared), why a check was left unverified, every table the
    # finding compared (id, label, doc, file, role, page), and other claims that the same cells
    # contradict (text, doc, page), so that one finding is not repeated once per claim
    confidence: float | None = None
    reason: str = ""
    tables: list[dict[str, Any]] = field(default_factory=list)
    also_claims: list[dict[str, Any]] = field(default_factory=list)


@dataclass
class TopicResult:
    topic: str
    status: str  # disclosed | supplement_only | vague | missing
    reason: str
    evidence: list[Evidence] = field(default_factory=list)  # on-topic statements, the most specific first
    severity: str = "minor"  # major | minor | info
    title: str = ""
    # sentences the lexicons retrieved but the relevance judgement read as not about the topic:
    # unverified leads the referee may open, never the proof of a status
    leads: list[Evidence] = field(default_factory=list)


@dataclass
class ProfileTrait:
    """One fact about what the paper is (it trains a model, releases a dataset, has human
    participants...), decided from the paper with quotes, or set by the referee. The
    checklist asks a topic only of papers whose profile calls for it."""

    name: str  # model | llm | dataset | software | human_participants | animals | personal_data | registrable_study | review
    value: bool
    confidence: float  # 0-1: how sure the reading of the paper is (1.0 when the referee set it)
    label: str = ""  # "trains or releases a model"
    reason: str = ""
    evidence: list[Evidence] = field(default_factory=list)  # quotes that show it (or, for "no", what the paper is)
    source: str = "paper"  # paper | referee


@dataclass
class ChecklistResult:
    framework: str
    item: str
    question: str
    topic: str
    status: str
    reason: str
    severity: str
    source: str = ""  # the framework item it paraphrases
    evidence: list[Evidence] = field(default_factory=list)
    leads: list[Evidence] = field(default_factory=list)  # unverified: retrieved, judged off topic


@dataclass
class Analysis:
    document: Document
    claims: list[Claim] = field(default_factory=list)
    data_statements: list[DataStatement] = field(default_factory=list)
    tables: list[Table] = field(default_factory=list)
    cross_checks: list[CrossCheck] = field(default_factory=list)
    design_choices: list[DesignChoice] = field(default_factory=list)
    topics: dict[str, TopicResult] = field(default_factory=dict)
    checklist: list[ChecklistResult] = field(default_factory=list)
    frameworks: list[str] = field(default_factory=list)
    timings: dict[str, float] = field(default_factory=dict)
    schema_version: str = ANALYSIS_SCHEMA_VERSION
    # what the paper is (checklist/profile.py): the topics and items that apply follow from it
    profile: dict[str, ProfileTrait] = field(default_factory=dict)

    # -- the stable output contract ---------------------------------------------------
    def to_dict(self, *, include_document: bool = False) -> dict[str, Any]:
        doc = self.document
        out: dict[str, Any] = {
            "schema_version": self.schema_version,
            "documents": [
                {
                    "path": f.path,
                    "name": f.name,
                    "role": f.role,
                    "pages": f.pages,
                    "sha256": f.sha256,
                    "title": f.title,
                    "authors": f.authors,
                    "textless_pages": f.textless_pages,
                }
                for f in doc.files
            ],
            "sections": [
                {"doc": s.doc, "title": s.title, "level": s.level, "page": s.page,
                 "page_end": s.page_end, "number": s.number, "kind": s.kind}
                for s in doc.sections
            ],
            "claims": to_data(self.claims),
            "data_statements": to_data(self.data_statements),
            "tables": to_data(self.tables),
            "topics": {k: to_data(v) for k, v in self.topics.items()},
            "cross_checks": to_data(self.cross_checks),
            "design_choices": to_data(self.design_choices),
            "checklist": to_data(self.checklist),
            "profile": {k: to_data(v) for k, v in self.profile.items()},
            "frameworks": list(self.frameworks),
            "warnings": list(doc.warnings),
            "timings": dict(self.timings),
        }
        if include_document:
            out["document"] = doc.to_dict()
        return out

    def to_json(self, *, include_document: bool = False, **kw: Any) -> str:
        return json.dumps(self.to_dict(include_document=include_document), ensure_ascii=False, **kw)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Analysis:
        """Rebuild from ``to_dict(include_document=True)`` output."""
        from ..errors import SchemaError

        if "document" not in data:
            raise SchemaError("this analysis JSON has no 'document': write it with include_document=True")
        return cls(
            document=Document.from_dict(data["document"]),
            claims=from_data(list[Claim], data.get("claims", [])),
            data_statements=from_data(list[DataStatement], data.get("data_statements", [])),
            tables=from_data(list[Table], data.get("tables", [])),
            cross_checks=from_data(list[CrossCheck], data.get("cross_checks", [])),
            design_choices=from_data(list[DesignChoice], data.get("design_choices", [])),
            topics={k: from_data(TopicResult, v) for k, v in data.get("topics", {}).items()},
            checklist=from_data(list[ChecklistResult], data.get("checklist", [])),
            frameworks=list(data.get("frameworks", [])),
            timings=dict(data.get("timings", {})),
            schema_version=str(data.get("schema_version", ANALYSIS_SCHEMA_VERSION)),
            profile={k: from_data(ProfileTrait, v) for k, v in (data.get("profile") or {}).items()},
        )

    def summary(self) -> str:
        from ..report.text import summary_text

        return summary_text(self)
