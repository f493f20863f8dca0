"""One catalogue of typed, coded errors.

Every error a user can meet carries a stable code (``JR1xx`` ingest, ``JR2xx``
checklists, ``JR3xx`` review state, ``JR4xx`` server/paths) and a message that
says what to do.  The CLI prints ``error JRnnn: message`` and exits non-zero;
nothing here ever prints a traceback for expected bad input.
"""

from __future__ import annotations


class ReviewError(Exception):
    """Base class of every expected jupyter-review error."""

    code = "JR000"
    exit_code = 2

    def __init__(self, message: str, *, path: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.path = path

    def __str__(self) -> str:
        return self.message

    def one_line(self) -> str:
        return f"error {self.code}: {self.message}".replace("\n", " ")


# -- ingest ---------------------------------------------------------------------------


class IngestError(ReviewError):
    code = "JR100"


class FileMissingError(IngestError, FileNotFoundError):
    code = "JR101"


class NotAPDFError(IngestError):
    code = "JR102"


class CorruptPDFError(IngestError):
    code = "JR103"


class EncryptedPDFError(IngestError):
    code = "JR104"


class EmptyPDFError(IngestError):
    code = "JR105"


class NoTextLayerError(IngestError):
    """Every page of a file lacks a text layer (a scan) and no OCR was possible."""

    code = "JR106"

    def __init__(self, message: str, *, path: str | None = None, pages: list[int] | None = None) -> None:
        super().__init__(message, path=path)
        self.pages = pages or []


class DuplicateInputError(IngestError):
    code = "JR107"


class TooLargeError(IngestError):
    code = "JR108"


class ResourceLimitError(IngestError):
    """An analysis went over its time or memory limit (it ran in a worker process)."""

    code = "JR109"


class AnalysisTimeoutError(ResourceLimitError):
    code = "JR110"


class AnalysisMemoryError(ResourceLimitError, MemoryError):
    code = "JR111"


class WorkerCrashError(ResourceLimitError):
    """The worker process analysing a file died (a signal: segfault, out-of-memory kill)."""

    code = "JR112"


# -- checklists -----------------------------------------------------------------------


class ChecklistError(ReviewError):
    code = "JR200"

    def __init__(self, message: str, *, path: str | None = None, line: int | None = None) -> None:
        where = path or ""
        if line is not None:
            where = f"{where or 'checklist'}, line {line}"
        super().__init__(f"{where}: {message}" if where else message, path=path)
        self.line = line


class UnknownFrameworkError(ChecklistError):
    code = "JR201"


class UnknownTopicError(ChecklistError):
    code = "JR202"


class ProfileError(ChecklistError):
    """A correction of the paper profile names an unknown trait or an unknown value
    (``--profile llm=no,dataset=yes``)."""

    code = "JR203"


# -- review state ---------------------------------------------------------------------


class ReviewStateError(ReviewError):
    code = "JR300"


class ReviewConflictError(ReviewStateError):
    """Another process changed the same item since this one loaded it."""

    code = "JR301"


class ReviewSchemaError(ReviewStateError):
    code = "JR302"


class SidecarError(ReviewSchemaError):
    """A review sidecar that cannot be trusted: not a regular file, too large, duplicate
    keys, wrong types, unknown items.  The message names the file and the problem; the
    file is left as it is."""

    code = "JR303"


class SaveError(ReviewStateError, OSError):
    """A file could not be written (read-only folder, disk full, no permission); nothing
    in memory was changed."""

    code = "JR304"


class ReadOnlyReviewError(SaveError):
    """The review was opened read-only (its folder or file cannot be written)."""

    code = "JR305"


# -- server / paths -------------------------------------------------------------------


class PathOutsideRootError(ReviewError):
    code = "JR401"


class SchemaError(ReviewError):
    """A JSON document does not match the expected schema/version."""

    code = "JR500"


# -- batch screening ------------------------------------------------------------------


class ScreenError(ReviewError):
    """A batch screening cannot run (e.g. the Dask scheduler cannot be reached)."""

    code = "JR600"
