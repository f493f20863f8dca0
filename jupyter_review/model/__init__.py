"""Typed document model (stdlib only)."""

from .analysis import (
    ANALYSIS_SCHEMA_VERSION,
    Analysis,
    ChecklistResult,
    Claim,
    CrossCheck,
    DataStatement,
    DesignChoice,
    Evidence,
    ProfileTrait,
    Quantity,
    Table,
    TableRecord,
    TopicResult,
)
from .document import (
    SCHEMA_VERSION,
    BBox,
    Block,
    Box,
    Caption,
    Cell,
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
from .serial import from_data, to_data

__all__ = [
    "ANALYSIS_SCHEMA_VERSION", "SCHEMA_VERSION", "Analysis", "BBox", "Block", "Box", "Caption", "Cell",
    "ChecklistResult", "Claim", "CrossCheck", "DataStatement", "DesignChoice", "Document", "Evidence", "Line", "Link", "Page",
    "Paragraph", "ProfileTrait", "Quantity", "RawTable", "Section", "Sentence", "SourceFile", "Span", "Table",
    "TableRecord", "TopicResult", "from_data", "to_data", "union",
]
