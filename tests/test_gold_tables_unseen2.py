"""The second unseen table gold (tests/data/gold/tables_unseen2/) checked against its own PDFs.

These cells were read off rendered pages by eye in session 10, without running the table
extractor or the table benchmark on these pages; this test does not run the extractor either.
It checks that every file parses into the documented shape, that each table names an
orientation and that both orientations are present, that no page is a page of the development
gold, of the first unseen gold, or of a table the cross-check gold reads, and that every value
string and every word of every label is printed on the page the gold names (pymupdf text of
that page), so a typo or a cell read off the wrong page fails here.
"""

from __future__ import annotations

import re
from pathlib import Path

import pymupdf
import pytest
import yaml

from tests.conftest import corpus_pdf

GOLD = Path(__file__).resolve().parent / "data" / "gold"
UNSEEN2 = GOLD / "tables_unseen2"
FILES = sorted(UNSEEN2.glob("*.yaml"))


def _words(s: str) -> list[str]:
    return re.findall(r"[0-9a-z]+", s.casefold())


def _load(path: Path) -> dict:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def _gold_pages(folder: str) -> set[tuple[str, int]]:
    pages = set()
    for p in (GOLD / folder).glob("*.yaml"):
        d = _load(p)
        pages |= {(d["file"], int(t["page"])) for t in d["tables"]}
    return pages


def _crosscheck_table_pages() -> set[tuple[str, int]]:
    """(file name, page) of every table a cross-check claim names ("Table 21 p.9 (supplement)")."""
    pages = set()
    for p in (GOLD / "crosscheck").glob("*.yaml"):
        d = _load(p)
        files = d.get("files", {})
        for claim in d.get("claims", []):
            for m in re.finditer(r"Tables? [\d-]+ p\.(\d+)(?: \((\w+)\))?", str(claim.get("table", ""))):
                key = m.group(2) or claim.get("file")
                if key in files:
                    pages.add((Path(files[key]).name, int(m.group(1))))
    return pages


def test_unseen2_gold_has_enough_tables() -> None:
    tables = [(p.stem, t) for p in FILES for t in _load(p)["tables"]]
    assert 10 <= len(tables) <= 13
    assert len({stem for stem, _ in tables}) >= 8
    orient = [t["orientation"] for _, t in tables]
    assert set(orient) == {"systems_as_columns", "systems_as_rows"}
    assert orient.count("systems_as_columns") >= 4
    assert sum(len(t["cells"]) for _, t in tables) >= 200


def test_unseen2_gold_pages_are_new() -> None:
    seen = _gold_pages("tables") | _gold_pages("tables_unseen")
    seen_files = {f for f, _ in seen}
    crosscheck = _crosscheck_table_pages()
    assert ("dean-supplement.pdf", 9) in crosscheck  # the parser reads the cross-check gold
    for p in FILES:
        d = _load(p)
        assert d["file"] not in seen_files, d["file"]
        for t in d["tables"]:
            assert (d["file"], int(t["page"])) not in crosscheck, (d["file"], t["page"])


@pytest.mark.parametrize("path", FILES, ids=[p.stem for p in FILES])
def test_unseen2_gold_cells_are_printed_on_their_page(path: Path) -> None:
    data = _load(path)
    assert set(data) == {"file", "tables"}
    with pymupdf.open(str(corpus_pdf(data["file"]))) as doc:
        for t in data["tables"]:
            assert set(t) <= {"page", "label", "orientation", "note", "cells"}
            assert t["orientation"] in ("systems_as_columns", "systems_as_rows")
            assert isinstance(t["label"], str) and t["label"].isdigit()
            assert isinstance(t.get("note"), str) and t["note"].strip()
            # 9 for a 3 x 3 table read whole (transgpn-main Table 2)
            assert 9 <= len(t["cells"]) <= 25
            text = doc[int(t["page"]) - 1].get_text()
            flat = " ".join(text.split())
            # values: a whole token (or run of tokens) of the page text, as printed
            tokens = set(flat.split())
            page_words = set(_words(text))
            # a raised footnote letter runs into the word before it in the text layer
            # ("Decreased" + superscript a = "Decreaseda"); the label leaves the mark out
            marked = {w[:-1] for w in page_words if len(w) > 2 and w[-1].isalpha()}
            systems, columns = set(), set()
            for cell in t["cells"]:
                assert len(cell) == 3 and all(isinstance(x, str) and x.strip() for x in cell), cell
                system, column, value = cell
                assert value in tokens or f" {value} " in f" {flat} ", (path.stem, t["label"], cell)
                for w in _words(system) + _words(column):
                    # a ligature the text layer dropped ("Effect" printed, "Efect" in the layer)
                    lost = w.replace("ff", "f") if "ff" in w else w
                    assert w in page_words or w in marked or lost in page_words, (path.stem, t["label"], cell, w)
                systems.add(system)
                columns.add(column)
            # spread over the table, not one row or one column (some tables have two
            # systems, some two metric columns)
            assert len(systems) >= 2 and len(columns) >= 2 and max(len(systems), len(columns)) >= 3
            assert len({(s, c) for s, c, _ in t["cells"]}) == len(t["cells"])
