"""The papers bundled in tests/data/papers/: licensed for redistribution, attributed, unaltered."""

from __future__ import annotations

import hashlib
import re

import pandas as pd
import pymupdf
import pytest

from tests.conftest import PAPERS

BUNDLED = sorted(p.name for p in PAPERS.glob("*.pdf"))
LICENSES = (PAPERS / "LICENSES").read_text(encoding="utf-8")


def _sha(name: str) -> str:
    return hashlib.sha256((PAPERS / name).read_bytes()).hexdigest()


def test_a_few_papers_of_a_few_megabytes() -> None:
    assert 3 <= len(BUNDLED) <= 8
    assert sum((PAPERS / n).stat().st_size for n in BUNDLED) < 8 * 1024 * 1024


@pytest.mark.parametrize("name", BUNDLED)
def test_each_paper_is_attributed_with_its_hash(name: str) -> None:
    block = LICENSES.split(name, 1)[1].split("\n\n", 1)[0]
    assert "https://doi.org/10." in block, name
    assert f"sha256 {_sha(name)}" in block, name


@pytest.mark.parametrize("name", BUNDLED)
def test_the_pdf_itself_prints_a_cc_by_licence(name: str) -> None:
    with pymupdf.open(PAPERS / name) as doc:
        text = " ".join(" ".join(page.get_text().split()) for page in doc)
    m = re.search(r"Creative Commons Attribution(?: 4\.0 International)? License", text)
    assert m, name
    # CC BY, not a non-commercial or no-derivatives variant
    near = text[m.start() - 200 : m.end() + 200]
    assert "NonCommercial" not in near and "NoDerivatives" not in near and "BY-NC" not in near.upper()


def test_the_copies_are_the_corpus_files(corpus) -> None:
    manifest = pd.read_csv(corpus / "MANIFEST.tsv", sep="\t", dtype=str).set_index("file")
    for name in BUNDLED:
        assert manifest.loc[name, "sha256"] == _sha(name), name
        assert "CC" in manifest.loc[name, "license_note"] and "BY" in manifest.loc[name, "license_note"]
