"""Shared fixtures: the real-paper corpus lives in ../shared/corpus beside the clone."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
CORPUS = Path(os.environ.get("JR_CORPUS", ROOT.parent / "shared" / "corpus"))
EDGE = CORPUS / "edge"
GOLD = ROOT / "tests" / "data" / "gold"


def corpus_pdf(name: str) -> Path:
    path = CORPUS / name
    if not path.exists():
        raise FileNotFoundError(f"corpus file {path} is missing: ../shared/corpus must sit beside the clone")
    return path


@pytest.fixture(scope="session")
def corpus() -> Path:
    if not CORPUS.is_dir():
        raise FileNotFoundError(f"corpus folder {CORPUS} is missing: ../shared/corpus must sit beside the clone")
    return CORPUS


@pytest.fixture(scope="session")
def edge() -> Path:
    return EDGE
