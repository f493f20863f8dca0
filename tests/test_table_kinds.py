"""Kinds of table layout whose meaning the reader used to get wrong, each checked on real
texbench pages against the cells taken from the papers' LaTeX sources (texbench gold: row
label, column label, value). A case passes when every gold cell of the table is found with
its value, the system's words in the record's system and the benchmark/metric's words in its
column (the benchmark's strict rule). The gold is never written here: it is read from
``../shared/texbench/gold``; the tests skip without ../shared (and run under CI=true)."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

import jupyter_review
from jupyter_review.extract.tables import extract_tables
from tests.conftest import need_corpus

_TABLES: dict[str, list] = {}


def _root() -> Path:
    root = need_corpus("texbench").parent / "texbench"
    if not (root / "gold").is_dir():
        pytest.skip(f"{root} not there")
    return root


def _tables(name: str) -> list:
    if name not in _TABLES:
        _TABLES[name] = extract_tables(jupyter_review.load(_root() / "pdfs" / f"{name}.pdf"))
    return _TABLES[name]


def _gold(name: str, caption: str) -> dict:
    data = json.loads((_root() / "gold" / f"{name}.json").read_text(encoding="utf-8"))
    return next(t for t in data["tables"] if t["caption_starts"] == caption)


def _words(s: str) -> set[str]:
    return set(re.sub(r"[^a-z0-9.]+", " ", str(s).lower()).split())


def _missed(name: str, caption: str) -> tuple[list, int, list]:
    """Gold cells of the table not found, the number of gold cells, and the page's tables."""
    g = _gold(name, caption)
    tables = [t for t in _tables(name) if g["page"] in (t.pages or [t.page])]
    recs = [(_words(r.system), _words(r.column), float(r.value)) for t in tables for r in t.long
            if isinstance(r.value, (int, float))]
    columns = g.get("orientation") == "systems_as_columns"
    missed = []
    for row, col, value in g["cells"]:
        system, bench = (_words(col), _words(row)) if columns else (_words(row), _words(col))
        if not any(abs(v - value) < 1e-6 and system <= s and bench <= c for s, c, v in recs):
            missed.append((row, col, value))
    return missed, len(g["cells"]), tables


@pytest.mark.parametrize("name,caption", [
    # two sub-tables printed next to each other under one caption, each with its own label column
    # ("Method | Mean rank || Method | Mean rank", "Classification" beside "Regression")
    ("citrees", "Table 1"),
    ("citrees", "Table 16"),
    # one table per page column at the same height (IEEE TABLE V beside TABLE VII, TABLE I beside
    # TABLE II), with the group label ("ResNet50") on a line of its own between two rows and a
    # header line of thresholds ("1 7 21 51") over percentage cells
    ("wsod-mapr2024", "Table 5"),
    ("wsod-mapr2024", "Table 7"),
    ("wsod-mapr2024", "Table 1"),
    ("wsod-mapr2024", "Table 2"),
])
def test_tables_printed_side_by_side_are_read_apart(name, caption):
    missed, n, _tables_ = _missed(name, caption)
    assert not missed, f"{len(missed)} of {n} gold cells not found, e.g. {missed[:3]}"


@pytest.mark.parametrize("name,caption", [
    # a bold caption whose short last line would become a header line, a middle header level
    # ("CSI200 CSI500 CSI300") with no rule under it, subscripts (DARNN_trend) glued to their word
    ("mmpl-kdd", "Table 2"),
    # a group label over four columns whose words happen to sit over two of them
    ("bleu-simplification", "Table 2"),
    # the first row-group label set like the later ones ("PENN TREEBANK" ... "WIKITEXT")
    ("hmm-note", "Table 1"),
])
def test_header_levels_and_captions_give_each_column_its_own_label(name, caption):
    missed, n, _tables_ = _missed(name, caption)
    assert not missed, f"{len(missed)} of {n} gold cells not found, e.g. {missed[:3]}"


@pytest.mark.parametrize("name,caption", [
    # a full-width table over two columns of running text (a justified line is no table row),
    # row groups cut by \cline rules under the inner label columns only
    ("irace-automl", "Table 2"),
    # a slanted watermark over the table ("Not for distribution") glued two columns together
    ("moead-gecco19", "Table 1"),
])
def test_text_near_a_table_is_not_read_into_it(name, caption):
    missed, n, tables = _missed(name, caption)
    assert not missed, f"{len(missed)} of {n} gold cells not found, e.g. {missed[:3]}"
    for t in tables:
        for r in t.long:
            assert len(r.system.split()) < 12 and len(r.column.split()) < 12, (r.system, r.column)


@pytest.mark.parametrize("name,caption,orientation,why", [
    # systems across the top: the best value in bold, one per row; the label column is headed by
    # the metric ("HV", "IGD"), which then names every row
    ("moead-gecco19", "Table 1", "columns", "bold best values one per row"),
    # tables that describe their datasets ("Dataset | #Docs | #Q", "Dataset | n | p | Source"):
    # the datasets are the entries, not benchmarks of systems across the top
    ("messirve", "Table 1", "rows", "properties of its entries"),
    ("citrees", "Table 10", "rows", "properties of its entries"),
    # a row of plain integers over a row of averages (scaling-ptp "M 1 4 16 ..."): a header
    ("scaling-ptp", "Table 8", "rows", ""),
])
def test_orientation_is_read_from_the_content(name, caption, orientation, why):
    missed, n, tables = _missed(name, caption)
    assert not missed, f"{len(missed)} of {n} gold cells not found, e.g. {missed[:3]}"
    g = _gold(name, caption)
    assert (g["orientation"] == "systems_as_columns") == (orientation == "columns")
    ours = [t for t in tables if t.long and t.label == caption.split()[-1]]
    assert ours and all(t.orientation == orientation for t in ours)
    if why:
        assert all(any(why in note for note in t.notes) for t in ours)


def test_dataset_description_tables_are_not_results():
    """The bundled supplement's "Benchmark | Test items | Answer format" table describes the
    benchmarks: it is kept as a table but not checked against claims (its benchmark names would
    read as systems)."""
    from jupyter_review import sample

    doc = jupyter_review.load(sample.main_pdf(), supplements=[sample.supplement_pdf()])
    tables = [t for t in extract_tables(doc) if t.columns and t.columns[0] == "Benchmark"]
    assert tables
    for t in tables:
        assert not t.is_results
        assert any("properties of its entries" in n for n in t.notes)
