"""benchmarks/data/applicability_gold.tsv: every verdict is one of three, every held-out paper has
rows, and every quote is printed on the page it names (NFKC, whitespace, case, curly quotes and
line-break hyphens normalised)."""

from __future__ import annotations

import csv
import re
import unicodedata
from pathlib import Path

import pymupdf
import pytest

from tests.conftest import corpus_pdf, need_corpus

GOLD = Path(__file__).resolve().parents[1] / "benchmarks" / "data" / "applicability_gold.tsv"
SUPP = {"clse-main": "clse-datasheet.pdf"}


def _rows():
    lines = GOLD.read_text(encoding="utf-8").splitlines()
    held = {x.strip() for ln in lines if ln.startswith("# held-out:") for x in ln.split(":", 1)[1].split(",")}
    return list(csv.DictReader([ln for ln in lines if ln.strip() and not ln.startswith("#")], delimiter="\t")), held


def _norm(t: str) -> str:
    t = unicodedata.normalize("NFKC", t).replace("\u2019", "'").replace("\u2018", "'").replace("\u201c", '"').replace("\u201d", '"')
    return re.sub(r"[-\u00ad]\s+|\u00ad", "", " ".join(t.split()).lower())


def test_verdicts_and_split():
    rows, held = _rows()
    assert {r["verdict"] for r in rows} <= {"defensible", "wrong-applicability", "wrong-status", "minor"}
    assert held and held <= {r["paper"] for r in rows}
    assert len({(r["paper"], r["topic"]) for r in rows}) == len(rows)


@pytest.mark.parametrize("row", [r for r in _rows()[0] if r["quote"]], ids=lambda r: f"{r['paper']}:{r['topic']}")
def test_quote_on_its_page(row):
    files = [corpus_pdf(row["paper"] + ".pdf")]
    if row["paper"] in SUPP:
        files.append(corpus_pdf(SUPP[row["paper"]]))
    page = int(row["page"])
    q = _norm(row["quote"])[:70]
    found = False
    for f in files:
        with pymupdf.open(f) as doc:
            if page <= len(doc) and q in _norm(doc[page - 1].get_text()):
                found = True
    assert found, (row["paper"], page, row["quote"])


TEX_GOLD = GOLD.with_name("applicability_gold_texbench.tsv")


def test_texbench_gold_verdicts_split_and_quotes():
    """The texbench file: same verdicts, its held-out papers all read, and every quote on its page."""
    lines = TEX_GOLD.read_text(encoding="utf-8").splitlines()
    held = {x.strip() for ln in lines if ln.startswith("# held-out:") for x in ln.split(":", 1)[1].split(",")}
    rows = list(csv.DictReader([ln for ln in lines if ln.strip() and not ln.startswith("#")], delimiter="\t"))
    assert {r["verdict"] for r in rows} <= {"defensible", "wrong-applicability", "wrong-status", "minor"}
    assert len(held) == 11 and held <= {r["paper"] for r in rows}
    assert len({(r["paper"], r["topic"]) for r in rows}) == len(rows)
    pdfs = need_corpus("the texbench PDFs").parent / "texbench" / "pdfs"
    missing = []
    for r in rows:
        if not r["quote"]:
            continue
        with pymupdf.open(pdfs / f"{r['paper']}.pdf") as doc:
            page = int(r["page"])
            if not (page <= len(doc) and _norm(r["quote"])[:70] in _norm(doc[page - 1].get_text())):
                missing.append((r["paper"], r["topic"], page))
    assert not missing, missing
