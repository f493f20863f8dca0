"""The hand-labelled gold of code links and COI/funding statements: every file well formed,
the tune/blind split covers each paper once, and every gold quote is on its page of the PDF."""

from __future__ import annotations

import re

import pymupdf
import pytest
import yaml

from tests.conftest import CORPUS, GOLD, need_corpus

FOLDERS = ["code", "statements"]
WHERE = {"inline", "footnote", "annotation", "header"}


def _files(folder: str) -> list:
    return sorted(p for p in (GOLD / folder).glob("*.yaml") if p.name != "SPLIT.yaml")


def _norm(s: str) -> str:
    # the text layer breaks URLs and words over lines ("experi- mental", "https:// github.com")
    s = s.lower().replace("\ufb01", "fi").replace("\ufb02", "fl").replace("\ufb00", "ff")
    return re.sub(r"[^0-9a-z]", "", s)


def _pdf(rec: dict):
    need_corpus(rec["paper"])
    base = CORPUS if rec["source"] == "corpus" else CORPUS.parent / "texbench" / "pdfs"
    return base / rec["paper"]


@pytest.mark.parametrize("folder", FOLDERS)
def test_split_is_by_paper_and_complete(folder):
    split = yaml.safe_load((GOLD / folder / "SPLIT.yaml").read_text(encoding="utf-8"))
    tune, blind = set(split["tune"]), set(split["blind"])
    assert not tune & blind
    assert tune | blind == {p.stem for p in _files(folder)}


def test_code_gold_has_thirty_papers_with_links():
    recs = [yaml.safe_load(p.read_text(encoding="utf-8")) for p in _files("code")]
    assert sum(1 for r in recs if r["own_code_link"]) >= 25 and len(recs) >= 30
    for r in recs:
        assert bool(r["statements"]) == r["own_code_link"], r["paper"]
        for s in r["statements"]:
            assert set(s["where"].split("+")) <= WHERE, s
            assert s["url"].startswith("http")


def _quotes():
    for folder in FOLDERS:
        for path in _files(folder):
            rec = yaml.safe_load(path.read_text(encoding="utf-8"))
            for kind in ("statements", "conflicts", "funding"):
                for s in rec.get(kind) or []:
                    yield pytest.param(rec, s["page"], s["quote"], id=f"{folder}-{path.stem}-{kind}-p{s['page']}")


@pytest.mark.parametrize(("rec", "page", "quote"), list(_quotes()))
def test_gold_quote_is_on_its_page(rec, page, quote):
    with pymupdf.open(_pdf(rec)) as doc:
        assert _norm(quote) in _norm(doc[page - 1].get_text())
