"""A table set above a figure ends at its closing rule; the rules of a page heavy in bytes but
light in paths are read; a name in a parenthetical aside is no claim's subject.

kimi-linear's pages each carry a vector logo in the header: over 0.8 MB of drawing code but some
2,200 paths (0.05 s to list). The byte limit had every page read "from words only", and Table 5
(p. 12) ran on into the figure under it: the axis ticks "65 | 94 | 25" and the legends became rows,
the ticks "94", "86" a second HELMET-ICL column, "Long Code Arena" spread over four columns instead
of two. With the table rows read from the page as a referee sees it (values below are read from the
rendered page), the claim checks then settle on readings they can trust - which brought out a
claim whose subject sat in a parenthesis ("the 3:1 ratio (3 KDA layers for every 1 MLA layer)
yielded the best results", read as a claim that MLA is best)."""

from __future__ import annotations

import functools

import pymupdf
import pytest

from jupyter_review.extract.claims import extract_claims
from jupyter_review.extract.crosscheck import _aside, cross_check
from jupyter_review.extract.tables import extract_tables
from jupyter_review.ingest.budget import paint_count
from jupyter_review.ingest.tables import MAX_RULE_PATHS
from jupyter_review.pipeline import load
from tests.conftest import corpus_pdf


@functools.lru_cache(maxsize=2)
def _kimi():
    doc = load(corpus_pdf("kimi-linear.pdf"))
    tables = extract_tables(doc)
    return doc, tables, cross_check(extract_claims(doc), tables, doc)


@pytest.mark.parametrize("name, page, few", [
    ("kimi-linear.pdf", 12, True),     # a vector logo in the header: ~1 MB of code, ~2,300 paths
    ("kimi-linear.pdf", 1, True),
    ("moonlight-main.pdf", 17, False),  # scatter markers, one small form painted ~50,000 times
])
def test_paths_not_bytes_decide_whether_rules_are_read(name, page, few):
    with pymupdf.open(corpus_pdf(name)) as d:
        pg = d[page - 1]
        n = paint_count(pg)
        listed = len(pg.get_cdrawings())
    assert n is not None
    assert (n <= MAX_RULE_PATHS) is few
    # the count follows what MuPDF lists (within a quarter)
    assert 0.75 * listed <= n <= 1.25 * listed + 50


def test_table_above_a_figure_ends_at_its_closing_rule():
    doc, tables, _ = _kimi()
    t5 = next(t for t in tables if t.caption.startswith("Table 5"))
    assert [r[0] for r in t5.rows] == ["MLA", "GDN-H", "Kimi Linear (RoPE)", "Kimi Linear"]
    assert t5.rows[3] == ["Kimi Linear", "84.3", "29.6", "90.0", "35.0", "58.8", "68.5", "37.1", "32.7", "54.5"]
    assert t5.columns[1:] == ["RULER", "MRCR", "HELMET-ICL", "LongBench V2", "Frames", "RepoQA",
                              "Long Code Arena / Lib", "Long Code Arena / Commit", "Avg."]
    assert t5.confidence["confident"]
    assert not doc.warnings  # no page of the paper is read in a degraded way any more


def _ruled_table(path, under: list[tuple[str, float, float]]):
    """A booktabs-like table (rules over and under the header and under the body) with lines set
    under its closing rule: (text, gap below the rule, font size)."""
    doc = pymupdf.open()
    pg = doc.new_page()
    pg.insert_text((72, 60), "Table 1: Results of the systems on three benchmarks.", fontsize=9)
    xs = [80, 220, 300, 380]
    y = 84
    pg.draw_line((72, y - 12), (450, y - 12), width=0.8)
    for x, h in zip(xs, ["Model", "BenchA", "BenchB", "BenchC"]):
        pg.insert_text((x, y), h, fontsize=9)
    pg.draw_line((72, y + 4), (450, y + 4), width=0.5)
    for k, (name, vals) in enumerate([("Alpha", ["61.2", "70.1", "55.0"]), ("Beta", ["63.5", "69.8", "57.3"]),
                                      ("Gamma", ["60.9", "72.4", "58.8"]), ("Delta", ["64.0", "71.0", "56.1"])]):
        yy = y + 18 + 11 * k
        for x, v in zip(xs, [name, *vals]):
            pg.insert_text((x, yy), v, fontsize=9)
    rule = y + 18 + 11 * 3 + 4
    pg.draw_line((72, rule), (450, rule), width=0.8)
    for text, gap, size in under:
        parts = text.split(" | ")
        for x, v in zip(xs, parts):
            pg.insert_text((x, rule + gap + size), v, fontsize=size)
    doc.save(path)
    return path


@pytest.mark.parametrize("under, rows", [
    # a figure under the table: its axis ticks and legend in small type after a wide gap
    ([("65 | 94 | 25", 16, 6), ("MLA | MLA | MLA", 22, 6), ("50 | 86 | 20", 40, 6)], 4),
    # a row of the table's own type under the rule (an average row) stays
    ([("Average | 66.9 | 70.8 | 56.8", 5, 9)], 5),
])
def test_smaller_type_under_the_closing_rule(tmp_path, under, rows):
    doc = load(_ruled_table(tmp_path / "t.pdf", under))
    t = next(t for t in extract_tables(doc) if t.caption.startswith("Table 1"))
    assert [r[0] for r in t.rows][:4] == ["Alpha", "Beta", "Gamma", "Delta"]
    assert len(t.rows) == rows
    assert all(len(r) == 4 for r in t.rows)


def test_a_name_in_a_parenthetical_aside_is_no_subject():
    _, _, checks = _kimi()
    p8 = [c for c in checks if c.claim_page == 8 and "3:1 ratio" in c.claim]
    assert not [c for c in p8 if c.status == "mismatch"]
    # the paper's headline claim is still checked: Table 4 has MLA ahead on LiveBench and EvalPlus
    head = [c for c in checks if c.status == "mismatch" and c.claim_page == 1 and "outperforms full MLA" in c.claim]
    assert head and "LiveBench" in head[0].message and "45.7" in head[0].message


@pytest.mark.parametrize("text, name, aside", [
    ("the 3:1 ratio (3 KDA layers for every 1 MLA layer) yielded the best results", "MLA", True),
    ("Kimi Delta Attention (KDA) achieves the best results", "KDA", False),      # an alias
    ("Our model (built on LLaMA-2 weights) outperforms all baselines", "LLaMA-2", True),
    ("FooNet outperforms BarNet (Smith et al.) on all benchmarks", "FooNet", False),
])
def test_aside(text, name, aside):
    verb = max(text.find("achieves"), text.find("yielded"), text.find("outperforms"))
    assert _aside(text, text.find(name), verb) is aside
