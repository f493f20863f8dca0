"""The third unseen table gold (tests/data/gold/tables_unseen3/) checked against its own PDFs.

The cells were read off rendered pages by eye in session 14, before the table extractor or the
table benchmark was run on these pages; this test does not run the extractor either. It checks
the documented shape, that both orientations are present in both halves of the by-paper split
(split.json), that no page is a page of an earlier table gold or of a table the cross-check gold
reads, and that every token of every value and every word of every label is printed on the page
the gold names (pymupdf text of that page, NFKC), so a typo or a cell read off the wrong page
fails here.
"""

from __future__ import annotations

import hashlib
import json
import re
import unicodedata
from pathlib import Path

import pymupdf
import pytest
import yaml

from tests.conftest import corpus_pdf
from tests.test_gold_tables_unseen2 import _crosscheck_table_pages, _gold_pages

GOLD = Path(__file__).resolve().parent / "data" / "gold"
UNSEEN3 = GOLD / "tables_unseen3"
FILES = sorted(UNSEEN3.glob("*.yaml"))
SPLIT = json.loads((UNSEEN3 / "split.json").read_text(encoding="utf-8"))


def _nfkc(s: str) -> str:
    return unicodedata.normalize("NFKC", s)


def _words(s: str) -> list[str]:
    return re.findall(r"[0-9a-z]+", _nfkc(s).casefold())


def _load(path: Path) -> dict:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def test_unseen3_split_is_by_paper_and_follows_its_rule() -> None:
    stems = sorted(p.stem for p in FILES)
    assert sorted(SPLIT["tune"] + SPLIT["blind"]) == stems
    assert not set(SPLIT["tune"]) & set(SPLIT["blind"])
    ordered = sorted(stems, key=lambda s: hashlib.sha1(s.encode()).hexdigest())
    assert SPLIT["tune"] == ordered[0::2] and SPLIT["blind"] == ordered[1::2]
    for half in ("tune", "blind"):
        orient = {t["orientation"] for p in FILES if p.stem in SPLIT[half] for t in _load(p)["tables"]}
        assert orient == {"systems_as_columns", "systems_as_rows"}, half


def test_unseen3_gold_has_enough_tables() -> None:
    tables = [(p.stem, t) for p in FILES for t in _load(p)["tables"]]
    assert 12 <= len(tables) <= 16
    assert len({stem for stem, _ in tables}) >= 10
    assert sum(len(t["cells"]) for _, t in tables) >= 180


def test_unseen3_gold_pages_are_new() -> None:
    seen = _gold_pages("tables") | _gold_pages("tables_unseen") | _gold_pages("tables_unseen2")
    crosscheck = _crosscheck_table_pages()
    for p in FILES:
        d = _load(p)
        for t in d["tables"]:
            key = (d["file"], int(t["page"]))
            assert key not in seen and key not in crosscheck, key


@pytest.mark.parametrize("path", FILES, ids=[p.stem for p in FILES])
def test_unseen3_gold_cells_are_printed_on_their_page(path: Path) -> None:
    data = _load(path)
    assert set(data) == {"file", "tables"}
    with pymupdf.open(str(corpus_pdf(data["file"]))) as doc:
        for t in data["tables"]:
            assert set(t) <= {"page", "label", "orientation", "note", "cells"}
            assert t["orientation"] in ("systems_as_columns", "systems_as_rows")
            assert isinstance(t["label"], str) and t["label"].isdigit()
            assert isinstance(t.get("note"), str) and t["note"].strip()
            assert 12 <= len(t["cells"]) <= 20
            text = _nfkc(doc[int(t["page"]) - 1].get_text())
            flat = " ".join(text.split())
            page_words = set(_words(text))
            systems, columns = set(), set()
            for cell in t["cells"]:
                assert len(cell) == 3 and all(isinstance(x, str) and x.strip() for x in cell), cell
                system, column, value = cell
                # each token of the value as printed (a hidden alignment zero, "038.8B",
                # and a raised exponent on a line of its own are allowed for)
                for tok in _nfkc(value).split():
                    assert tok in flat, (path.stem, t["label"], cell, tok)
                for w in _words(system) + _words(column):
                    assert w in page_words, (path.stem, t["label"], cell, w)
                systems.add(system)
                columns.add(column)
            assert len(systems) >= 2 and len(columns) >= 2 and max(len(systems), len(columns)) >= 3
            assert len({(s, c) for s, c, _ in t["cells"]}) == len(t["cells"])
