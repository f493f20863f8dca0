"""The sixth unseen table gold (tests/data/gold/tables_unseen6/) checked against its own PDFs.

The cells were read off rendered pages by eye in session 17 (wt24e), before the table extractor
or the table benchmark was run on these pages; this test does not run the extractor either. It
checks the split rule (sha1 of the stem, alternate), that every paper is one no earlier table
gold uses at all (not only new pages: new papers) and no cross-check claim reads, and that every
token of every value and every word of every label is printed on the named page.

Only five corpus papers with tables are unused by the earlier golds; the two blind papers hold
systems-as-rows tables only, so unlike unseen5 the rule "both orientations in both halves" is
asked of the tune half alone.
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
from tests.test_gold_tables_unseen2 import _crosscheck_table_pages

GOLD = Path(__file__).resolve().parent / "data" / "gold"
FOLDER = GOLD / "tables_unseen6"
FILES = sorted(FOLDER.glob("*.yaml"))
SPLIT = json.loads((FOLDER / "split.json").read_text(encoding="utf-8"))
EARLIER = ("tables", "tables_unseen", "tables_unseen2", "tables_unseen3", "tables_unseen4", "tables_unseen5")


def _load(path: Path) -> dict:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def _words(s: str) -> list[str]:
    return re.findall(r"[0-9a-z]+", unicodedata.normalize("NFKC", s).casefold())


def test_unseen6_split_follows_its_rule() -> None:
    stems = [p.stem for p in FILES]
    ordered = sorted(stems, key=lambda s: hashlib.sha1(s.encode()).hexdigest())
    assert SPLIT["tune"] == ordered[0::2] and SPLIT["blind"] == ordered[1::2]
    kinds = {t["orientation"] for p in FILES if p.stem in SPLIT["tune"] for t in _load(p)["tables"]}
    assert kinds == {"systems_as_columns", "systems_as_rows"}


def test_unseen6_size_and_new_papers() -> None:
    tables = [(p.stem, t) for p in FILES for t in _load(p)["tables"]]
    assert 10 <= len(tables) <= 14 and len({s for s, _ in tables}) >= 5
    old_files = {_load(p)["file"] for name in EARLIER for p in (GOLD / name).glob("*.yaml")}
    cc_files = {f for f, _ in _crosscheck_table_pages()}
    for p in FILES:
        f = _load(p)["file"]
        assert f not in old_files and Path(f).name not in cc_files, p.stem


@pytest.mark.parametrize("path", FILES, ids=[p.stem for p in FILES])
def test_unseen6_cells_are_printed_on_their_page(path: Path) -> None:
    data = _load(path)
    with pymupdf.open(str(corpus_pdf(data["file"]))) as doc:
        for t in data["tables"]:
            assert t["orientation"] in ("systems_as_columns", "systems_as_rows")
            assert re.fullmatch(r"\d+(\.\d+)?|[IVXL]+", str(t["label"])) and str(t.get("note", "")).strip()
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
