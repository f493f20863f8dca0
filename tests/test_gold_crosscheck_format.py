"""The hand-checked cross-check gold (tests/data/gold/crosscheck/*.yaml, scored by
benchmarks/crosscheck_accuracy.py): every file well formed, claim ids unique, truths from the
three allowed, and every quote printed on the page of the file it names (after whitespace,
ligature and line-break hyphenation normalisation). The fresh (blind) batch keeps its size and
uses no paper of the earlier batches."""

from __future__ import annotations

import re
import unicodedata
from functools import cache
from pathlib import Path

import pymupdf
import pytest
import yaml

from tests.conftest import GOLD, need_corpus

FILES = sorted((GOLD / "crosscheck").glob("*.yaml"))
TRUTHS = {"consistent", "mismatch", "not_checkable"}
SPLITS = {"tuning", "blind", "fresh", "fresh2", "fresh3"}


def _load(path: Path) -> dict:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def _claims(data: dict) -> list[tuple[str, dict]]:
    """(paper, claim) pairs, the paper resolved as the scorer resolves it."""
    return [(c.get("paper", data["paper"]), c) for c in data["claims"]]


def _norm(text: str) -> str:
    text = " ".join(unicodedata.normalize("NFKC", text).split()).casefold()
    text = re.sub(r"[-\u00ad\u2010\u2011]\s*", "", text)
    return text.translate(str.maketrans({"\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"'}))


@cache
def _page_text(rel: str, page: int) -> tuple[str, str]:
    """The page's text and the next page's (a sentence may run on over the page break)."""
    path = need_corpus("cross-check gold").parent / rel
    with pymupdf.open(str(path)) as doc:
        nxt = doc[page].get_text() if page < doc.page_count else ""
        return _norm(doc[page - 1].get_text()), _norm(nxt)


@pytest.mark.parametrize("path", FILES, ids=[p.stem for p in FILES])
def test_crosscheck_gold_file_is_well_formed(path: Path) -> None:
    data = _load(path)
    assert {"paper", "split", "files", "claims"} <= set(data)
    assert data["split"] in SPLITS
    for paper, c in _claims(data):
        assert {"id", "file", "page", "quote", "truth"} <= set(c), c
        assert c["truth"] in TRUTHS, c["id"]
        assert c["file"] in ("main", "supplement"), c["id"]
        assert paper in data["files"] or "main" in data["files"], c["id"]
        if c["truth"] == "mismatch":  # a real mismatch names the table and the cells that contradict it
            assert c.get("table") and c.get("cell"), c["id"]


def test_crosscheck_gold_ids_are_unique() -> None:
    ids = [c["id"] for p in FILES for _, c in _claims(_load(p))]
    assert len(ids) == len(set(ids))


def test_fresh_crosscheck_gold_is_new_and_large_enough() -> None:
    fresh, earlier = [], set()
    for p in FILES:
        data = _load(p)
        if data["split"] == "fresh":
            fresh.extend(_claims(data))
        else:
            earlier.update(q for q, _ in _claims(data))
    papers = {q for q, _ in fresh}
    assert len(fresh) >= 60 and len(papers) >= 10
    assert not papers & earlier
    truths = {c["truth"] for _, c in fresh}
    assert truths == TRUTHS


def test_fresh2_crosscheck_gold_is_new_and_large_enough() -> None:
    """The second blind batch (fresh2, session 15) uses no paper of any other batch."""
    fresh2, earlier = [], set()
    for p in FILES:
        data = _load(p)
        if data["split"] == "fresh2":
            fresh2.extend(_claims(data))
        else:
            earlier.update(q for q, _ in _claims(data))
            earlier.update(Path(v).stem for v in data["files"].values())
    papers = {q for q, _ in fresh2}
    assert len(fresh2) >= 40 and len(papers) >= 5
    assert not papers & earlier


def test_fresh3_crosscheck_gold_halves_share_no_paper() -> None:
    """The third fresh gold (session 18) was split 3/3 by paper before any run: its blind half
    (split fresh3) and its tune half (fresh3-tune.yaml) share no paper, and neither uses a paper
    of an earlier cross-check file."""
    halves: dict[str, set[str]] = {"fresh3-tune": set(), "fresh3-blind": set()}
    earlier: set[str] = set()
    for p in FILES:
        data = _load(p)
        papers = {q for q, _ in _claims(data)}
        if p.stem in halves:
            halves[p.stem] = papers
        else:
            earlier |= papers | {Path(v).stem for v in data["files"].values()}
    assert len(halves["fresh3-tune"]) == 3 and len(halves["fresh3-blind"]) == 3
    assert not halves["fresh3-tune"] & halves["fresh3-blind"]
    assert not (halves["fresh3-tune"] | halves["fresh3-blind"]) & earlier
    assert _load(GOLD / "crosscheck" / "fresh3-blind.yaml")["split"] == "fresh3"


@pytest.mark.parametrize("path", FILES, ids=[p.stem for p in FILES])
def test_crosscheck_gold_quotes_are_printed_on_their_page(path: Path) -> None:
    data = _load(path)
    for paper, c in _claims(data):
        files = data["files"]
        rel = files.get("supplement") if c["file"] == "supplement" else (files.get(paper) or files["main"])
        here, after = _page_text(rel, int(c["page"]))
        assert _printed(_norm(c["quote"]), here, after), (c["id"], c["quote"])


def _printed(quote: str, here: str, after: str) -> bool:
    """The quote is printed, or in two pieces when a footnote is printed inside the sentence
    ('the second-highest average [footnote] score of 75.3%'). The piece that starts the quote must be
    on the page itself; the rest may run on to the next page."""
    text = f"{here} {after}"
    if -1 < text.find(quote) < len(here):
        return True
    words = quote.split()
    k = max((i for i in range(1, len(words)) if " ".join(words[:i]) in here), default=0)
    head, tail = " ".join(words[:k]), " ".join(words[k:])
    return k >= 2 and len(words) - k >= 2 and tail in text[text.find(head) + len(head) :]
