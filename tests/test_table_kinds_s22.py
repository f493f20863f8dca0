"""Kinds the reader missed on the blind halves of tables_unseen6/7, read as tuning material in
session 22 (issue #14), as cases of the general mechanisms on real pages and on pages generated
with pymupdf:

- a table of one value column whose rows are grouped under lines of words holding no value
  ("Term 'Confounding' mentioned in Abstract or Discussion" over "Specific | 56 (64.4, ...)"):
  such a group line reads like running text (seven words or more across the column), but set at
  the table's line spacing between two labelled rows whose values line up, it is a row of the
  table (the table used to end at the first one);
- a count with its share and the share's interval ("56 (64.4, 54.0-74.7)", the comma sometimes
  missing) is one value;
- a raised footnote letter set a word space after a row label ("(BAU/ml) a") is a mark, not a
  word of the label.
"""

from __future__ import annotations

from pathlib import Path

import pymupdf
import pytest

import jupyter_review
from jupyter_review.extract.tables import extract_tables
from jupyter_review.ingest.tables import is_stat_cell
from tests.test_table_kinds_value_column import _prose, _right

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus"
_needs_corpus = pytest.mark.skipif(not CORPUS.exists(), reason="corpus not available")


def _tables(path: Path, page: int) -> list:
    doc = jupyter_review.load(path)
    return [t for t in extract_tables(doc) if page in (t.pages or [t.page])]


def _records(t) -> dict[str, object]:
    return {r.system: r.value for r in t.long}


# -- group lines in a table of one value column ---------------------------------------------

_GROUPS = [
    ("Term used in the Abstract or in the Discussion of the paper", [("Yes", "50"), ("No", "37")]),
    ("Specific mention of confounders that were not adjusted for", [("Yes", "26"), ("Not measured", "16"), ("No", "61")]),
    ("Any mention that the findings may be affected by confounding?", [("Likely", "1"), ("Possibly", "28"), ("No statement", "43")]),
]


def _grouped_page(path: Path, align: str, cell: str) -> Path:
    """A two-column page; in its left column a captioned table of one value column, its rows
    grouped under wordy lines holding no value, running text above and below and beside it."""
    doc = pymupdf.open()
    pg = doc.new_page(width=612, height=792)
    x0, x1 = 54, 294
    k = _prose(pg, x0, x1, 60, 200)
    y = 220
    pg.insert_text((x0, y), "Table 3 Statements of confounding in the studies", fontsize=9)
    y += 16
    pg.insert_text((x0, y), "Question", fontsize=8)
    y += 12
    vx0, vx1 = 180, 286

    def value(v: str, yy: float) -> None:
        text = cell.format(v)
        if align == "left":
            pg.insert_text((vx0, yy), text, fontsize=8)
        elif align == "right":
            _right(pg, vx1, yy, text, fs=8)
        else:
            w = pymupdf.get_text_length(text, fontsize=8)
            pg.insert_text(((vx0 + vx1 - w) / 2, yy), text, fontsize=8)

    value("No.", y) if False else pg.insert_text((vx0, y), "Number of studies", fontsize=8)
    y += 13
    pg.insert_text((x0, y), "Total", fontsize=8)
    value("87", y)
    y += 13
    for name, rows in _GROUPS:
        pg.insert_text((x0, y), name, fontsize=8)
        y += 13
        for lab, v in rows:
            pg.insert_text((x0 + 8, y), lab, fontsize=8)
            value(v, y)
            y += 13
    _prose(pg, x0, x1, y + 18, 740, start=k)
    _prose(pg, 318, 558, 60, 740, start=5)
    out = path / f"grouped_{align}.pdf"
    doc.save(str(out))
    return out


@pytest.mark.parametrize("align", ["left", "right", "centre"])
@pytest.mark.parametrize("cell", ["{}", "{} (20.7, 12.6-29.9)"])
def test_group_lines_between_labelled_rows_stay_in_the_table(tmp_path: Path, align: str, cell: str) -> None:
    (t,) = _tables(_grouped_page(tmp_path, align, cell), 1)
    recs = _records(t)
    for name, rows in _GROUPS:
        for lab, v in rows:
            key = f"{name} / {lab}"
            assert key in recs, (key, sorted(recs))
            assert str(recs[key]).startswith(v)
    # the running text under the table is not read into it
    assert not any("proposed" in s or "benchmark" in s for s in recs)


@_needs_corpus
def test_grouped_one_value_column_table_on_a_real_page() -> None:
    # pmc7071725 p.7 Table 3: question lines (no value) over indented answers, one value column
    (t,) = [t for t in _tables(CORPUS / "pmc7071725.pdf", 7) if t.label == "3"]
    recs = _records(t)
    groups = {s.split(" / ")[0] for s in recs if " / " in s}
    assert {"Term \u201cConfounding\u201d mentioned in Abstract or Discussion",
            "Any mention that findings may be affected by confounding?",
            "Conclusions include any limitations regarding confounding"} <= groups
    # the last row of the table (under the last question line) and not the text after it
    assert "Conclusions include any limitations regarding confounding / No" in recs
    assert len(recs) == 19  # Total and 18 answers under six questions


@pytest.mark.parametrize("text", ["56 (64.4, 54.0\u201374.7)", "16 (61.5 42.3\u201380.8)", "1 (1.2, 0.0\u20133.4)",
                                  "43 (49.4, 39.1-59.8)", "120 [35.2; 30.1\u201340.6]"])
def test_count_with_share_and_interval_is_one_value(text: str) -> None:
    assert is_stat_cell(text)


@pytest.mark.parametrize("text", ["3 (4, 5, 6)", "2 (3) 4-5", "Table 3 (a, b-c)"])
def test_not_a_count_with_share_and_interval(text: str) -> None:
    assert not is_stat_cell(text)


# -- a raised footnote letter a word space after the row label ------------------------------

def _marked_page(path: Path, marks: list[str]) -> Path:
    doc = pymupdf.open()
    pg = doc.new_page(width=612, height=792)
    y = 120
    pg.insert_text((60, y), "Table 5 Bootstrap estimates of the associations.", fontsize=9)
    y += 18
    for x, h in zip((230, 300, 370, 440), ("B", "Bias", "Std. Error", "Sig.")):
        pg.insert_text((x, y), h, fontsize=7, fontname="hebo")
    y += 14
    labels = ["Antibody level (BAU/ml)", "Neutralization test (%)", "Spike-N-Term LTT (SI)", "Spike-C-Term LTT (SI)"]
    for i, (lab, m) in enumerate(zip(labels, marks)):
        pg.insert_text((60, y), lab, fontsize=7)
        end = 60 + pymupdf.get_text_length(lab + " ", fontsize=7)
        pg.insert_text((end, y - 2.0), m, fontsize=4.9)
        for j, x in enumerate((230, 300, 370, 440)):
            pg.insert_text((x, y), f"{i + 1}.{j + 2}{j}{i}", fontsize=7)
        y += 13
    out = path / "marked.pdf"
    doc.save(str(out))
    return out


@pytest.mark.parametrize("marks", [["a", "b", "c", "d"], ["e", "f", "g", "h"], ["a", "", "b", ""]])
def test_spaced_raised_mark_is_left_off_the_label(tmp_path: Path, marks: list[str]) -> None:
    (t,) = _tables(_marked_page(tmp_path, marks), 1)
    systems = {r.system for r in t.long}
    assert systems == {"Antibody level (BAU/ml)", "Neutralization test (%)", "Spike-N-Term LTT (SI)", "Spike-C-Term LTT (SI)"}


def test_spaced_raised_digit_stays_in_the_name(tmp_path: Path) -> None:
    # a raised digit a word space after a name is an index of it ("SVHN 3", a class), not a footnote
    (t,) = _tables(_marked_page(tmp_path, ["1", "2", "3", "4"]), 1)
    systems = {r.system for r in t.long}
    assert len(systems) == 4 and all(s[-1] in "1234" for s in systems), systems


@_needs_corpus
def test_spaced_raised_marks_on_a_real_page() -> None:
    # fimmu-2022-915001 p.7 Table 5: "(BAU/ml) a", "(%) b", "(SI) c", "(SI) d" in 4.9 pt after 7 pt labels
    (t,) = [t for t in _tables(CORPUS / "fimmu-2022-915001.pdf", 7) if t.label == "5"]
    systems = {r.system for r in t.long}
    assert systems == {"SARS-CoV-2 IgG-Ab (S1) (BAU/ml)", "SARS surrogate neutralization test (%)",
                       "Spike-N-Term LTT (SI)", "Spike-C-Term LTT (SI)"}


# -- a column of simple fractions that alone tells rows of one name apart ---------------------

def _twins_page(path: Path, head: str, keys: list[str]) -> Path:
    doc = pymupdf.open()
    pg = doc.new_page(width=612, height=792)
    y = 120
    pg.insert_text((60, y), "Table 6 Results of the fine-tuned networks.", fontsize=9)
    y += 18
    xs = (60, 170, 240, 310, 380)
    for x, h in zip(xs, ("Model", head, "Accuracy", "Recall", "F-score")):
        pg.insert_text((x, y), h, fontsize=8, fontname="hebo")
    y += 14
    names = ["NetB4", "NetB5", "NetB5", "Large", "NetB5"]
    for i, (name, key) in enumerate(zip(names, keys)):
        pg.insert_text((xs[0], y), name, fontsize=8)
        pg.insert_text((xs[1], y), key, fontsize=8)
        for j, x in enumerate(xs[2:]):
            pg.insert_text((x, y), f"0.9{8 - i}{j}{i + 2}", fontsize=8)
        y += 12
    out = path / "twins.pdf"
    doc.save(str(out))
    return out


@pytest.mark.parametrize("head,keys", [
    ("Frozen", ["none", "1/2", "3/4", "3/4", "1/4"]),
    ("Frozen", ["1/4", "1/2", "1/4", "1/2", "all"]),
    ("Split", ["2/3", "1/3", "2/3", "1/3", "2/3"]),
])
def test_fraction_setting_tells_rows_of_one_name_apart(tmp_path: Path, head: str, keys: list[str]) -> None:
    (t,) = _tables(_twins_page(tmp_path, head, keys), 1)
    systems = {r.system for r in t.long}
    twins = {f"NetB5 / {k}" for k, n in zip(keys, ["NetB4", "NetB5", "NetB5", "Large", "NetB5"]) if n == "NetB5"}
    assert twins <= systems, (twins, systems)
    # a name that does not repeat stays as printed
    assert "NetB4" in systems and "Large" in systems


@_needs_corpus
@pytest.mark.parametrize("page,label,twins", [
    (6, "VI", {"EfficientNetB5 / 1/2", "EfficientNetB5 / 3/4", "EfficientNetB5 / 1/4"}),
    (7, "IX", {"EfficientNetB4 / 1/4", "EfficientNetB4 / 1/2", "EfficientNetB5 / 1/2", "EfficientNetB5 / 1/4"}),
    (8, "XI", {"EfficientNetB4 / 1/4", "EfficientNetB4 / all", "EfficientNetB4 / 1/2"}),
])
def test_frozen_share_on_real_pages(page: int, label: str, twins: set[str]) -> None:
    # slow-malware-images: the model name repeats, only the Frozen column (1/2, 3/4, 1/4, all) tells the rows apart
    (t,) = [t for t in _tables(CORPUS / "edge" / "slow-malware-images-2004.05258.pdf", page) if t.label == label]
    systems = {r.system for r in t.long}
    assert twins <= systems, systems


@pytest.mark.parametrize("keys", [["12/47", "30/47", "41/47", "9/47", "22/47"], ["12/47", "30/47", "30/47", "9/47", "12/47"]])
def test_count_of_a_total_is_no_setting(tmp_path: Path, keys: list[str]) -> None:
    # "correct / total" counts are measured values: they never join the row's name
    (t,) = _tables(_twins_page(tmp_path, "Correct", keys), 1)
    assert not any("/47" in r.system for r in t.long)


# -- a justified caption line that the text layer splits into one line per word --------------

def _split_caption_page(path: Path, label: str, gap: float) -> Path:
    """A caption whose first line is set word by word at wide justified spacing (each word a
    text line of its own for the text layer), a one-value-column table under it."""
    doc = pymupdf.open()
    pg = doc.new_page(width=612, height=792)
    x0, x1 = 54, 294
    k = _prose(pg, x0, x1, 60, 200)
    y = 222
    x = x0
    for w in ["Table", label, "Architecture", "and", "training", "settings."]:
        pg.insert_text((x, y), w, fontsize=10)
        x += pymupdf.get_text_length(w, fontsize=10) + gap
    y += 11
    pg.insert_text((x0, y), "The weights are listed in the order of the stages.", fontsize=10)
    y += 16
    pg.insert_text((x0 + 30, y), "Hyperparameter", fontsize=9, fontname="hebo")
    _right(pg, x1 - 30, y, "Value", font="hebo")
    y += 14
    for lab, v in [("Hidden dim", "128"), ("Layers", "3"), ("Batch size", "512"), ("Epochs", "200"),
                   ("Clip ratio", "0.2"), ("Workers", "4")]:
        pg.insert_text((x0 + 30, y), lab, fontsize=9)
        _right(pg, x1 - 30, y, v)
        y += 12
    _prose(pg, x0, x1, y + 30, 740, start=k)
    out = path / "split_caption.pdf"
    doc.save(str(out))
    return out


@pytest.mark.parametrize("label", ["1:", "12:", "S3:"])
@pytest.mark.parametrize("gap", [8.0, 12.0])
def test_caption_split_into_word_lines_is_found(tmp_path: Path, label: str, gap: float) -> None:
    path = _split_caption_page(tmp_path, label, gap)
    doc = jupyter_review.load(path)
    caps = [c for c in doc.captions if c.kind == "table"]
    assert [c.label for c in caps] == [label.rstrip(":.")]
    assert caps[0].text.startswith(f"Table {label} Architecture and training settings.")
    (t,) = [t for t in extract_tables(doc) if t.label == label.rstrip(":.")]
    recs = _records(t)
    assert recs.get("Hidden dim") == 128 and recs.get("Workers") == 4, recs


@_needs_corpus
def test_split_caption_on_a_real_page() -> None:
    # transgpn-supplement p.3: "Table" "1:" "Architecture" ... one text line per word; one Value column
    (t,) = [t for t in _tables(CORPUS / "transgpn-supplement.pdf", 3) if t.label == "1"]
    recs = _records(t)
    assert recs.get("Phase 1 batch size") == 512 and recs.get("PPO clip \u03b5") == 0.2, recs
