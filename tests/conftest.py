"""Where the tests find their PDFs.

* ``tests/data/papers/``: a few openly licensed real papers (CC BY; see its LICENSES file),
  always present, so a fresh clone with nothing beside it runs the suite to green.
* ``../shared/corpus/`` beside the clone (or ``$JR_CORPUS``): the whole test corpus and its
  ``edge/`` folder.  Tests that need a file only found there skip when the folder is absent,
  except under CI (``CI=true``), where its absence is a failure.
* ``tests/edge_files.py``: the hostile inputs that the corpus itself generated (encrypted,
  rotated, scanned, blank, truncated, not a PDF), made again with PyMuPDF from a bundled paper.

Use ``corpus_pdf(name)`` / ``edge_pdf(name)`` inside a test or fixture, never at import time.
"""

from __future__ import annotations

import atexit
import functools
import os
import shutil
import tempfile
from pathlib import Path

import pytest

from tests import edge_files

ROOT = Path(__file__).resolve().parents[1]
PAPERS = ROOT / "tests" / "data" / "papers"
CORPUS = Path(os.environ.get("JR_CORPUS", ROOT.parent / "shared" / "corpus"))
EDGE = CORPUS / "edge"
GOLD = ROOT / "tests" / "data" / "gold"
IN_CI = os.environ.get("CI", "").strip().lower() in ("1", "true", "yes")


def corpus_present() -> bool:
    return CORPUS.is_dir()


def need_corpus(what: str) -> Path:
    """The corpus folder; skip the calling test without it (fail instead under CI=true)."""
    if CORPUS.is_dir():
        return CORPUS
    msg = f"{what} needs the shared corpus {CORPUS} (../shared/corpus beside the clone)"
    if IN_CI:
        pytest.fail(f"{msg}: under CI (CI=true) the corpus must be there", pytrace=False)
    pytest.skip(msg)
    raise AssertionError("unreachable")  # pragma: no cover


def paper(name: str) -> Path:
    """A bundled paper of tests/data/papers/ (always there)."""
    path = PAPERS / name
    if not path.is_file():
        raise FileNotFoundError(f"{path} is missing from the clone (tests/data/papers/)")
    return path


def corpus_pdf(name: str) -> Path:
    """A real paper by its corpus name: the bundled copy when there is one, else the corpus file."""
    bundled = PAPERS / name
    if bundled.is_file():
        return bundled
    need_corpus(name)
    path = CORPUS / name
    if not path.exists():
        raise FileNotFoundError(f"corpus file {path} is missing although the corpus folder is there")
    return path


_GENERATED: list[Path] = []


def _generated_folder() -> Path:
    if not _GENERATED:
        folder = Path(tempfile.mkdtemp(prefix="jr-edge-"))
        atexit.register(shutil.rmtree, folder, True)
        _GENERATED.append(folder)
    return _GENERATED[0]


def edge_pdf(name: str) -> Path:
    """A hostile input by its corpus name (edge/<name>): generated here when we can make it."""
    if name in edge_files.MAKERS:
        return edge_files.make(name, _generated_folder())
    need_corpus(f"edge/{name}")
    path = EDGE / name
    if not path.exists():
        raise FileNotFoundError(f"corpus file {path} is missing although the corpus folder is there")
    return path


@pytest.fixture(scope="session")
def corpus() -> Path:
    """The whole shared corpus folder (skip without it; fail under CI=true)."""
    return need_corpus("this test")


@pytest.fixture(scope="session")
def edge() -> Path:
    need_corpus("this test")
    return EDGE


# A paper and a supplement for the tests of the review flow (widget, server, notebooks) that need
# two real files and nothing particular in them: two CC BY papers of tests/data/papers, the second
# under the file name a supplement of the first takes (so screening pairs them by name).
PAIR = ("fimmu-2022-915001.pdf", "fimmu-2022-915001_supplement.pdf")
_PAIR_SOURCES = {PAIR[0]: "fimmu-2022-915001.pdf", PAIR[1]: "npjmgrav-00129.pdf"}


def pair_pdf(name: str) -> Path:
    """The bundled file behind a name of PAIR."""
    return paper(_PAIR_SOURCES[name])


# One analysis per file and options for the whole run.  Many test modules read the same corpus
# papers (the sample, moba, envy, ...); analysing each once keeps the suite within CI's time.
# Each call still gets its own copy (a pickle round trip, about 0.1 s against seconds for an
# analysis), so a test that changes what it got cannot change what the next test reads.  Use it
# only where the test does not patch the analysis's code, models or environment.
_ANALYSES: dict[tuple, bytes] = {}
_SETTINGS = ("JUPYTER_REVIEW_RELEVANCE", "JUPYTER_REVIEW_STATEMENT_JUDGE")


def _file_key(path) -> tuple:
    p = Path(path).resolve()
    st = p.stat()
    return (str(p), st.st_size, st.st_mtime_ns)


def analysed(paper, supplements=(), **options):
    """``jupyter_review.analyze(paper, supplements, **options)``, computed once per run."""
    import pickle

    import jupyter_review

    key = (_file_key(paper), tuple(_file_key(s) for s in supplements),
           tuple(sorted((k, repr(v)) for k, v in options.items())),
           tuple(os.environ.get(s, "") for s in _SETTINGS))
    if key not in _ANALYSES:
        _ANALYSES[key] = pickle.dumps(jupyter_review.analyze(paper, list(supplements), **options))
    return pickle.loads(_ANALYSES[key])


def text_page(path, title: str, lines: list[str]):
    """A one-page PDF: a 14 pt title over 10 pt lines (generated cases of a kind beside real pages)."""
    import pymupdf

    doc = pymupdf.open()
    page = doc.new_page()
    y = 72
    page.insert_text((72, y), title, fontsize=14)
    y += 30
    for ln in lines:
        page.insert_text((72, y), ln, fontsize=10)
        y += 16
    doc.save(path)
    doc.close()
    return path


@functools.lru_cache(maxsize=4)
def corpus_tables(name: str):
    """The tables the extractor reads from a corpus paper (``corpus_pdf``), once per name and run."""
    from jupyter_review.extract.tables import extract_tables
    from jupyter_review.pipeline import load

    return extract_tables(load(corpus_pdf(name)))


def corpus_table(name: str, page: int, label: str):
    """The table labelled ``label`` on ``page`` of a corpus paper; the test fails if there is none."""
    found = [t for t in corpus_tables(name) if page in (t.pages or [t.page]) and t.label == label]
    assert found, (name, page, label)
    return found[0]
