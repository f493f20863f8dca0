"""The warning for a main file that is no research article (extract/genre.py)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pymupdf
import pytest

import jupyter_review as jr
from jupyter_review.extract.genre import genre_warning
from tests.conftest import corpus_pdf

# real papers and data documentation whose section marks are the weakest of the corpus: no
# abstract heading (dean, ssmph, the WHO guideline), no standard sections at all (clse), data sheets
PAPERS = ["dean-main.pdf", "ssmph-101285.pdf", "edge/who-guideline-155p.pdf", "clse-main.pdf",
          "fews-datasheet.pdf", "bead-datasheet.pdf", "toxins-8070200.pdf", "deepseek-v3.2-exp.pdf"]


@pytest.mark.parametrize("name", PAPERS)
def test_real_papers_and_datasheets_get_no_warning(name: str) -> None:
    assert genre_warning(jr.load(corpus_pdf(name))) is None


def test_a_supplement_given_as_the_paper_is_flagged_with_a_hint() -> None:
    w = genre_warning(jr.load(corpus_pdf("stockmixer-supplement.pdf")))
    assert w and w.startswith("stockmixer-supplement.pdf does not look like a research article")
    assert "--supplement" in w


def _letter(path: Path) -> None:
    doc = pymupdf.open()
    page = doc.new_page(width=595, height=842)
    lines = ["Dear Editor,", "",
             "Please find enclosed our manuscript on robust image classifiers for consideration in your journal.",
             "The work has not been published before and is not under consideration elsewhere.",
             "All authors have approved the manuscript and agree with its submission.",
             "We suggest three reviewers with expertise in computer vision and statistics.",
             "", "Yours sincerely,", "The authors"]
    y = 90
    for t in lines:
        page.insert_text((72, y), t, fontsize=11, fontname="helv")
        y += 18
    doc.save(str(path))


def test_a_cover_letter_is_flagged_in_the_analysis_and_at_the_cli(tmp_path: Path) -> None:
    pdf = tmp_path / "cover-letter.pdf"
    _letter(pdf)
    a = jr.analyze(pdf)
    ws = json.loads(a.to_json())["warnings"]
    assert any(w.startswith("cover-letter.pdf reads as a letter") for w in ws), ws
    out = subprocess.run([sys.executable, "-m", "jupyter_review.cli", "analyze", str(pdf)],
                         capture_output=True, text=True, timeout=300)
    assert out.returncode == 0, out.stderr
    assert "warning: cover-letter.pdf reads as a letter" in out.stdout


def test_the_report_carries_the_warning_escaped(tmp_path: Path) -> None:
    from jupyter_review.report import render_report

    pdf = tmp_path / "<script>letter.pdf"
    _letter(pdf)
    a = jr.analyze(pdf)
    md = render_report(a, "md")
    assert "> Note on the files: &lt;script&gt;letter.pdf reads as a letter" in md
    html = render_report(a, "html")
    assert "Note on the files: &lt;script&gt;letter.pdf reads as a letter" in html
    assert "<script>" not in html
