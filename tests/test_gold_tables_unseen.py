"""The unseen table gold (tests/data/gold/tables_unseen/) checked against its own PDFs.

These cells were read off rendered pages by eye; the test does not run the extractor. It
checks that every file parses into the documented shape, that each table names an
orientation, that no page duplicates a development-gold page, and that every value string
and every word of every label is printed on the page the gold names (pymupdf text of that
page), so a typo or a cell read off the wrong page fails here.
"""

from __future__ import annotations

import re
from pathlib import Path

import pymupdf
import pytest
import yaml

from tests.conftest import corpus_pdf

GOLD = Path(__file__).resolve().parent / "data" / "gold"
UNSEEN = GOLD / "tables_unseen"
FILES = sorted(UNSEEN.glob("*.yaml"))


def _words(s: str) -> list[str]:
    return re.findall(r"[0-9a-z]+", s.casefold())


def test_unseen_gold_has_enough_tables() -> None:
    tables = [t for p in FILES for t in yaml.safe_load(p.read_text(encoding="utf-8"))["tables"]]
    assert 8 <= len(tables) <= 12
    orient = [t["orientation"] for t in tables]
    assert set(orient) == {"systems_as_columns", "systems_as_rows"}
    assert orient.count("systems_as_columns") >= 4


def test_unseen_gold_pages_are_not_development_pages() -> None:
    dev = set()
    for p in (GOLD / "tables").glob("*.yaml"):
        d = yaml.safe_load(p.read_text(encoding="utf-8"))
        dev |= {(d["file"], int(t["page"])) for t in d["tables"]}
    for p in FILES:
        d = yaml.safe_load(p.read_text(encoding="utf-8"))
        for t in d["tables"]:
            assert (d["file"], int(t["page"])) not in dev


@pytest.mark.parametrize("path", FILES, ids=[p.stem for p in FILES])
def test_unseen_gold_cells_are_printed_on_their_page(path: Path) -> None:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert set(data) == {"file", "tables"}
    with pymupdf.open(str(corpus_pdf(data["file"]))) as doc:
        for t in data["tables"]:
            assert set(t) <= {"page", "label", "orientation", "note", "cells"}
            assert t["orientation"] in ("systems_as_columns", "systems_as_rows")
            assert isinstance(t["label"], str) and t["label"].isdigit()
            assert 10 <= len(t["cells"]) <= 25
            text = doc[int(t["page"]) - 1].get_text()
            flat = " ".join(text.split())
            # values: a whole token (or run of tokens) of the page text, as printed
            tokens = set(flat.split())
            page_words = set(_words(text))
            systems, columns = set(), set()
            for cell in t["cells"]:
                assert len(cell) == 3 and all(isinstance(x, str) and x.strip() for x in cell), cell
                system, column, value = cell
                assert value in tokens or f" {value} " in f" {flat} ", (path.stem, t["label"], cell)
                for w in _words(system) + _words(column):
                    assert w in page_words, (path.stem, t["label"], cell, w)
                systems.add(system)
                columns.add(column)
            # spread over the table, not one row or one column
            assert len(systems) >= 2 and len(columns) >= 3
            assert len({(s, c) for s, c, _ in t["cells"]}) == len(t["cells"])
