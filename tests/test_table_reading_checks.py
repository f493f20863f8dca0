"""Table readings that decide whether a cross-check is made at all (session 15, issue #14), by
kind, on real pages of tuning papers:

- a count with a magnitude suffix ("13B", "2.9M", "0.47B") read as a value of a size column is
  a parsed value for the grid's confidence too: a table with a size column is not marked as
  read with low confidence (below 0.6 every check on it is left unverified);
- a table number read as a section label ("47.6", like "4.6") and joined to the next cell keeps
  each part's weight: a bold best value after a plain one stays bold;
- the bold check: rows the caption leaves out of the bolding ("excluding Copy and Ground
  Truth") are no rivals; a bold at the other end of a column whose direction the caption does
  not give is no mismatch (self-BLEU, a standard deviation), only unverified; a table read
  sideways whose bold marks each printed column's best gets no bold check;
- a number in a bracket after a clause ('X (Wang et al., 2022) is a dataset ... (avg. summary
  length of 227 words)') is read against the row the clause names when the bracket names the
  column with the number's unit (the citation bracket no clause boundary).
"""

from __future__ import annotations

from pathlib import Path

import pymupdf
import pytest

from jupyter_review.extract.crosscheck import _check_bold, table_cells
from jupyter_review.extract.tables import extract_tables
from jupyter_review.pipeline import load
from tests.conftest import corpus_pdf, need_corpus


def _texbench(name: str) -> Path:
    path = need_corpus("texbench paper").parent / "texbench" / "pdfs" / f"{name}.pdf"
    if not path.exists():
        pytest.skip(f"{path} missing")
    return path


def _page(src: Path, page: int, out: Path) -> Path:
    with pymupdf.open(str(src)) as doc:
        doc.select([page - 1])
        doc.save(str(out))
    return out


_CACHE: dict[tuple[str, int], list] = {}


def _tables(name: str, page: int, tmp_path_factory) -> list:
    if (name, page) not in _CACHE:
        src = corpus_pdf(name) if name.endswith(".pdf") else _texbench(name)
        pdf = _page(src, page, tmp_path_factory.mktemp("p") / f"{Path(name).stem}-{page}.pdf")
        _CACHE[(name, page)] = extract_tables(load(pdf))
    return _CACHE[(name, page)]


def _table(name: str, page: int, label: str, tmp_path_factory):
    found = [t for t in _tables(name, page, tmp_path_factory) if t.label == label]
    assert found, (name, page, label)
    return found[0]


@pytest.mark.parametrize(("name", "page", "label", "size_column"), [
    pytest.param("deepseek-v2.pdf", 32, "9", "# Total Params", id="deepseek-v2-total-params"),
    pytest.param("hmm-note", 5, "1", "Param", id="hmm-note-param"),
    pytest.param("deepseek-coder-v2.pdf", 12, "7", "#TP", id="deepseek-coder-v2-tp"),
])
def test_size_column_does_not_lower_the_grid(name, page, label, size_column, tmp_path_factory):
    t = _table(name, page, label, tmp_path_factory)
    sizes = [r for r in t.long if r.column.endswith(size_column)]
    assert sizes, [r.column for r in t.long][:8]  # the size column is read as values
    assert t.confidence["grid"] >= 0.85 and t.confidence["confident"], t.confidence
    assert all(c.confident or "table read with confidence" not in c.why for c in table_cells(t))


@pytest.mark.parametrize(("name", "page", "label", "system", "column", "value"), [
    pytest.param("deepseek-moe.pdf", 32, "9", "Dense×16", "HellaSwag (Acc.)", 55.1, id="moe-dense16-hellaswag"),
    pytest.param("deepseek-moe.pdf", 32, "9", "Dense×16", "RACE-middle (Acc.)", 46.3, id="moe-dense16-race"),
    pytest.param("deepseek-v2.pdf", 15, "2", "Qwen1.5 72B", "Chinese / CMMLU (Acc.)", 84.3, id="v2-qwen-cmmlu"),
])
def test_bold_after_a_number_read_as_a_label_stays_bold(name, page, label, system, column, value, tmp_path_factory):
    t = _table(name, page, label, tmp_path_factory)
    cell = [c for c in table_cells(t) if c.system == system and c.column == column]
    assert cell and cell[0].value == value and cell[0].bold, [(c.system, c.column, c.bold) for c in table_cells(t)][:12]
    plain = [c for c in table_cells(t) if c.column == column and c.value < value - 1]
    assert plain and not any(c.bold for c in plain)  # the plain cell before it stays plain


@pytest.mark.parametrize(("name", "page", "label", "column"), [
    pytest.param("paraphrase-aaai2022.pdf", 6, "6", "Self-BLEU", id="self-bleu-lowest-bold"),
    pytest.param("paraphrase-aaai2022.pdf", 5, "4", "QQP 50K / Self-BLEU", id="self-bleu-grouped"),
    pytest.param("longeval-eacl2023.pdf", 5, "3", "Average", id="std-lowest-bold"),
])
def test_bold_at_the_other_end_is_no_mismatch(name, page, label, column, tmp_path_factory):
    t = _table(name, page, label, tmp_path_factory)
    checks = [c for c in _check_bold([t], {t.id: table_cells(t)}) if c.message.split(": bold")[0].endswith(column)]
    assert checks, [c.message for c in _check_bold([t], {t.id: table_cells(t)})]
    assert all(c.status == "unverified" and "may be better" in c.message for c in checks)


def test_rows_the_caption_excludes_are_no_rivals(tmp_path_factory):
    """Table 4 of paraphrase-aaai2022: 'We bold the best results ... excluding Copy and Ground
    Truth'; Ground Truth's SARI (87.51, 96.72) is above every bold one."""
    t = _table("paraphrase-aaai2022.pdf", 5, "4", tmp_path_factory)
    assert "excluding Copy and Ground Truth" in t.caption
    cells = table_cells(t)
    assert any(c.system.endswith("Ground Truth") and "SARI" in c.column for c in cells)
    checks = _check_bold([t], {t.id: cells})
    assert not any("Ground Truth" in c.message or "Copy has" in c.message for c in checks), [c.message for c in checks]
    assert not any(c.status == "mismatch" for c in checks)


def test_bold_per_printed_column_in_a_table_read_sideways(tmp_path_factory):
    """ri-iclr2026 Table 3 (p. 8) is read with the settings as systems; its bold marks each printed
    column's best (one bold in every printed column, lower better under 'Winner Entropy ↓'): no
    bold_best mismatch is drawn from the reading."""
    t = _table("ri-iclr2026", 8, "3", tmp_path_factory)
    cells = table_cells(t)
    assert t.orientation == "columns" and any(c.bold and c.column == "RI" for c in cells)
    assert not any(c.status == "mismatch" for c in _check_bold([t], {t.id: cells}))


def test_a_bracket_names_its_clause_subject(tmp_path_factory):
    """longeval-eacl2023 p. 4: 'SQuALITY (Wang et al., 2022) is a summarization dataset ... (avg.
    summary length of 227 words)': the citation bracket is part of the clause, the bracket names
    the column '|summary| (words)' with the number's unit, the clause the row. A bracket whose
    number has no unit of the label ('54% bigram overlap with source') is not read so."""
    from jupyter_review.extract.claims import extract_claims
    from jupyter_review.extract.crosscheck import cross_check

    src = corpus_pdf("longeval-eacl2023.pdf")
    out = tmp_path_factory.mktemp("le") / "le-3-4.pdf"
    with pymupdf.open(str(src)) as d:
        d.select([2, 3])
        d.save(str(out))
    doc = load(out)
    checks = cross_check(extract_claims(doc), extract_tables(doc), doc)
    # the datasets are the table's rows (its columns are their lengths and a paper count)
    for quote, value, row in (("avg. summary length of 227 words", "227", "SQuALITY"),
                              ("avg. summary length of 205 words", "205", "PubMed")):
        mine = [c for c in checks if c.claim and quote in " ".join(c.claim.split())]
        assert mine and mine[0].status == "consistent", [(c.status, c.message) for c in mine]
        assert f"{value} for {row} / |summary| (words)" in mine[0].message
    assert not any(c.claim and "bigram overlap with source" in c.claim and "|source|" in c.message for c in checks)
