"""Ingest, tables and checklist on the bundled papers (tests/data/papers/): facts read off the
PDFs by eye, so these run in every clone (the corpus-wide tests skip without ../shared)."""

from __future__ import annotations

import pytest

from tests.conftest import analysed, paper

NPJ = "npjmgrav-00129.pdf"  # Mendt et al. 2021, npj Microgravity, 6 pp., two columns, upper-case headings


@pytest.fixture(scope="module")
def npj():
    return analysed(paper(NPJ))


def test_npj_headings_pages_and_kinds(npj) -> None:
    got = [(s.title, s.page, s.kind) for s in npj.document.sections if s.doc == 0]
    # the paper's own headings, in order, with the page each is printed on
    wanted = [("INTRODUCTION", 1, "introduction"), ("RESULTS", 2, "results"), ("DISCUSSION", 2, "discussion"),
              ("METHODS", 4, "methods"), ("DATA AVAILABILITY", 5, "data_availability"),
              ("REFERENCES", 5, "references"), ("ACKNOWLEDGEMENTS", 6, "acknowledgements"),
              ("FUNDING", 6, "funding"), ("COMPETING INTERESTS", 6, "conflicts")]
    it = iter(got)
    assert all(any(w == g for g in it) for w in wanted), got
    subs = [t for t, _, _ in got]
    for sub in ("Participants", "Exercise protocol", "Core body temperature recordings", "Data analysis"):
        assert sub in subs


def test_npj_table_captions_on_their_pages(npj) -> None:
    caps = [(c.kind, c.label, c.page) for c in npj.document.captions]
    assert [c for c in caps if c[0] == "table"] == [("table", "1", 2), ("table", "2", 3), ("table", "3", 3)]
    # npj sets "Fig. 1" alone on its line, in bold, above the caption text (as IEEE sets "TABLE IV")
    assert [c for c in caps if c[0] == "figure"] == [("figure", "1", 2), ("figure", "2", 3)]


def test_npj_tables_hold_the_printed_values(npj) -> None:
    by_page = {t.page: t for t in npj.tables}
    t1 = by_page[2].df
    # Table 1: group, n, age, weight, height as printed on p. 2
    rows = {str(r.iloc[0]): [float(x) for x in r.iloc[1:5]] for _, r in t1.iterrows()}
    assert rows == {"CTR": [5, 28.2, 79.3, 176.9], "RE": [5, 31.5, 69.6, 176.8], "RVE": [6, 31.6, 80.4, 179.2]}
    # Table 2: the acrophase rows (h) at day 7 and day 49, as printed on p. 3 (Table 3 is on that
    # page too, under it)
    t2 = next(t for t in npj.tables if t.page == 3 and t.label == "2").df
    acro = t2[t2.iloc[:, 0].astype(str).str.startswith("Acrophase")]
    got = {str(r.iloc[1]): (float(r.iloc[2]), float(r.iloc[3])) for _, r in acro.iterrows()}
    assert got == {"CTR": (16.95, 17.65), "RE": (17.05, 16.60), "RVE": (17.52, 17.07)}


def test_npj_table_3_is_extracted(npj) -> None:
    # (a known gap until session 11: Table 3, an F/p table below Table 2 whose "<0.01" and
    # "Time × Group" cells kept it from looking numeric enough, was captioned but not read)
    assert len([t for t in npj.tables if t.page == 3]) == 2
    t3 = next(t for t in npj.tables if t.page == 3 and t.label == "3")
    # the acrophase interaction as printed on p. 3: F = 6.19, p = 0.026 (either axis may be taken
    # for the systems in a statistics table: the labels are looked for on both)
    got = {frozenset(f"{r.system} / {r.column}".split(" / ")) - {"Factor"}: r.value for r in t3.long}
    assert got[frozenset({"Acrophase", "Time × Group", "F"})] == 6.19
    assert got[frozenset({"Acrophase", "Time × Group", "p"})] == 0.026


def test_npj_statements_a_referee_looks_for(npj) -> None:
    t = npj.topics
    assert t["data.availability"].status == "disclosed"
    assert any("figshare" in e.text and e.page == 5 for e in t["data.availability"].evidence)
    assert t["accountability.conflicts"].status == "disclosed"
    assert any("no competing interests" in e.text and e.page == 6 for e in t["accountability.conflicts"].evidence)
    assert t["accountability.ethics_review"].status == "disclosed"
    assert any("ethical committee" in e.text and e.page == 4 for e in t["accountability.ethics_review"].evidence)
    # no AI system in a bed-rest study
    for tid in ("model.architecture", "compute.resources", "safety.adversarial_eval"):
        assert t[tid].status == "not_applicable", tid
