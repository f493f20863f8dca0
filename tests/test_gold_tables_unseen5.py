"""The fifth unseen table gold (tests/data/gold/tables_unseen5/) checked against its own PDFs.

The cells were read off rendered pages by eye in session 16 (wt23b), before the table extractor
or the table benchmark was run on these pages; this test does not run the extractor either. It
checks the split rule (sha1 of the stem, alternate; both orientations in both halves), that no
page is one of an earlier table gold or of a table a cross-check claim reads, and that every
token of every value and every word of every label is printed on the named page (a label word
may be the start of a printed word when a footnote mark or subscript runs on: "StarCoder" of
"StarCoder6").
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

FOLDER = Path(__file__).resolve().parent / "data" / "gold" / "tables_unseen5"
FILES = sorted(FOLDER.glob("*.yaml"))
SPLIT = json.loads((FOLDER / "split.json").read_text(encoding="utf-8"))


def _load(path: Path) -> dict:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def _words(s: str) -> list[str]:
    return re.findall(r"[0-9a-z]+", unicodedata.normalize("NFKC", s).casefold())


def test_unseen5_split_follows_its_rule_and_mixes_orientations() -> None:
    stems = [p.stem for p in FILES]
    ordered = sorted(stems, key=lambda s: hashlib.sha1(s.encode()).hexdigest())
    assert SPLIT["tune"] == ordered[0::2] and SPLIT["blind"] == ordered[1::2]
    for half in ("tune", "blind"):
        kinds = {t["orientation"] for p in FILES if p.stem in SPLIT[half] for t in _load(p)["tables"]}
        assert kinds == {"systems_as_columns", "systems_as_rows"}, half


def test_unseen5_size_and_new_pages() -> None:
    tables = [(p.stem, t) for p in FILES for t in _load(p)["tables"]]
    assert 10 <= len(tables) <= 14 and len({s for s, _ in tables}) >= 8
    old = set()
    for name in ("tables", "tables_unseen", "tables_unseen2", "tables_unseen3", "tables_unseen4"):
        old |= _gold_pages(name)
    old |= _crosscheck_table_pages()
    for p in FILES:
        d = _load(p)
        for t in d["tables"]:
            assert (d["file"], int(t["page"])) not in old, (p.stem, t["page"])


@pytest.mark.parametrize("path", FILES, ids=[p.stem for p in FILES])
def test_unseen5_cells_are_printed_on_their_page(path: Path) -> None:
    data = _load(path)
    with pymupdf.open(str(corpus_pdf(data["file"]))) as doc:
        for t in data["tables"]:
            assert t["orientation"] in ("systems_as_columns", "systems_as_rows")
            assert str(t["label"]).isdigit() and str(t.get("note", "")).strip()
            text = unicodedata.normalize("NFKC", doc[int(t["page"]) - 1].get_text())
            flat = " ".join(text.split())
            page_words = set(_words(text))
            for cell in t["cells"]:
                system, column, value = cell
                for tok in unicodedata.normalize("NFKC", value).split():
                    assert tok in flat, (path.stem, t["label"], cell, tok)
                for w in _words(system) + _words(column):
                    assert w in page_words or any(pw.startswith(w) for pw in page_words), (
                        path.stem, t["label"], cell, w)
            assert len({(s, c) for s, c, _ in t["cells"]}) == len(t["cells"])
