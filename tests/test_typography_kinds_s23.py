"""Kinds of error found on the session-23 papers compiled from LaTeX (issue #13, wt31c), tested on
pages generated here and on real sentences: a link cut right after its scheme, a 1.5/double-spaced
manuscript whose every line is its own text block, a thousands comma set in TeX math ("1, 000"), a
training-data budget, a labelled list item of hardware, a release declined or a code host named with
no address.
"""
from __future__ import annotations

import pymupdf
import pytest

from jupyter_review.checklist import engine
from jupyter_review.ingest import load_document
from jupyter_review.nlp.sizes import counts_data

FONT = 11.0
LEFT, RIGHT = 72.0, 523.0


def _wrap(text: str) -> list[str]:
    """Lines filled to the right margin (so no break looks deliberate)."""
    lines: list[str] = []
    cur = ""
    for w in text.split():
        nxt = f"{cur} {w}".strip()
        if pymupdf.get_text_length(nxt, fontname="helv", fontsize=FONT) > RIGHT - LEFT and cur:
            lines.append(cur)
            cur = w
        else:
            cur = nxt
    lines.append(cur)
    return lines


def _pdf(tmp_path, lines: list[str], pitch: float, name: str) -> str:
    doc = pymupdf.open()
    page = doc.new_page(width=595, height=842)
    y = 90.0
    for ln in lines:
        page.insert_text((LEFT, y), ln, fontname="helv", fontsize=FONT)
        y += pitch
    path = tmp_path / name
    doc.save(str(path))
    return str(path)


def _sentences(path: str) -> list[str]:
    return [" ".join(s.text.split()) for s in load_document(path).sentences]


FILLER = ("The simulations were run for every combination of community, sample size and noise level, and each "
          "data set was analysed with the four methods under the same settings so that their results can be "
          "compared directly across all of the conditions that we considered in this study of the methods. ")


@pytest.mark.parametrize("pitch", [16.5, 22.0, 26.0])
def test_spaced_manuscript_lines_run_on_into_a_capital(tmp_path, pitch):
    # "... are available on" | "GitHub(https://...)": at 1.5 or double spacing each line is its own block
    body = (FILLER * 2 + "R-scripts for the simulations as well as the analyses of all the data sets are available on "
            "GitHub(https://github.com/example/simulation-paper). " + FILLER * 2)
    lines = _wrap(body)
    # the break must fall right before "GitHub(": re-wrap so the line ends with "available on"
    head, tail = body.split("GitHub(", 1)
    lines = _wrap(head)[:-1] + [_wrap(head)[-1]] + _wrap("GitHub(" + tail)
    sents = _sentences(_pdf(tmp_path, lines, pitch, f"spaced{pitch}.pdf"))
    want = ("R-scripts for the simulations as well as the analyses of all the data sets are available on "
            "GitHub(https://github.com/example/simulation-paper).")
    assert want in sents, [s for s in sents if "GitHub" in s or "available" in s]


def test_single_spaced_paragraphs_stay_apart(tmp_path):
    # the guard: a single-spaced page is not read with a wide pitch, and a heading-like short line
    # after a paragraph gap stays its own
    lines = _wrap(FILLER) + ["", ""] + _wrap("Another paragraph opens here after a blank gap and says something else "
                                            "entirely about the methods and their results in this study.")
    sents = _sentences(_pdf(tmp_path, lines, 13.0, "single.pdf"))
    assert any(s.startswith("Another paragraph opens here") for s in sents)


def test_link_cut_after_its_scheme_joins(tmp_path):
    lines = ["All code and data needed to reproduce the results in this paper are available at https:",
             "//github.com/ContextLab/llm-stylometry. The repository also holds the figures of the paper."]
    sents = _sentences(_pdf(tmp_path, lines, 13.0, "scheme.pdf"))
    assert ("All code and data needed to reproduce the results in this paper are available at "
            "https://github.com/ContextLab/llm-stylometry.") in sents, sents


@pytest.mark.parametrize("prev, nxt, joins", [
    ("are available at https:", "//github.com/ContextLab/llm-stylometry.", True),
    ("the project page (http:", "//www.example.org/data) lists them", True),
    ("the ratio is given as follows:", "//comment lines start with slashes", False),
    ("see https:", "the next line is prose", False),
])
def test_url_continues_after_a_bare_scheme(prev, nxt, joins):
    from jupyter_review.ingest.pdf import _url_continues
    assert _url_continues(prev, nxt) is joins


@pytest.mark.parametrize("text, read", [
    ("We perform a model-based simulation by repeatedly drawing N = 1, 000 cases", "N = 1,000 cases"),
    ("drawing 10, 000, 000 samples", "10,000,000 samples"),
    ("in 2, 048 images", "2,048 images"),
    ("sample sizes of 25, 100, 225, 400 and 625 sites", "25, 100, 225, 400 and 625 sites"),
    ("p = 0.5, 0.05 and 0.01", "p = 0.5, 0.05 and 0.01"),
    ("Tables 1, 2 and 3", "Tables 1, 2 and 3"),
])
def test_math_thousands_comma(text, read):
    u = engine._Unit(text=text, doc=0, page=1, bbox=(0, 0, 1, 1), section_kind="", section_title="", role="main")
    assert read in u.match_text


@pytest.mark.parametrize("text, counts", [
    ("For our dataset, this yields a fixed training token budget of 643,041 tokens.", True),
    ("We cap pre-training data budget at 2,000,000 tokens per author.", True),
    ("with a generation budget of 4,096 tokens", False),
    ("we use a token budget of 2,000 tokens for each answer", False),
])
def test_training_data_budget_counts_data(text, counts):
    import re
    m = re.search(r"\d[\d,]*\s*tokens", text)
    assert counts_data(text, m.start(), m.end()) is counts


@pytest.mark.parametrize("text, formula", [
    ("\u2022 GPU: NVIDIA GeForce GTX TITAN X \u00d7 2GPU.", False),
    ("\u2022 CPU: Intel Xeon E5-2620 v3 2.4 GHz, 6 Cores \u00d7 2CPU.", False),
    ("x = 3 + y \u2212 z ( 4 ) \u2264 5", True),
    ("MSE MAE 0.12 0.31 0.44 0.20 0.18", True),
])
def test_labelled_list_item_is_no_formula(text, formula):
    assert engine._is_formula(text) is formula


def _det(tid):
    return engine.detectors()[tid]


@pytest.mark.parametrize("text", [
    "Due to these important considerations, we opt to not release code or a public demo at this point in time.",
    "The code is not released because of licensing restrictions of the simulator.",
    "We do not make our implementation available.",
])
def test_declined_code_release_is_vague(text):
    d = _det("code.availability")
    assert d.vague.search(text, text.lower())


@pytest.mark.parametrize("text, host_only", [
    ("It is public data that anyone can download and reproduce the outcomes with the code made available on Github.", True),
    ("The code and data will be made available through Github.", True),
    ("R-scripts for the simulations as well as the analyses are available on GitHub(https://github.com/JonJup/GLMmv-Paper).", False),
    ("Our code is available on GitHub at github.com/allenai/dolma and on PyPI.", False),
])
def test_code_host_without_address_is_not_specific(text, host_only):
    for tid in ("code.availability", "data.availability"):
        ns = _det(tid).not_specific
        assert bool(ns.search(text, text.lower())) is host_only, tid


@pytest.mark.parametrize("text, vague", [
    ("The data used in this paper comes from public research datasets that are widely used in the community and "
     "released under their original approvals and licenses.", True),
    ("All datasets are from publicly available sources.", True),
    ("The corpus comes from public data sets available at https://example.org/corpus.", False),
    ("The data come from a clinical registry of the hospital.", False),
])
def test_data_from_public_datasets_without_a_place_is_vague(text, vague):
    d = _det("data.availability")
    assert bool(d.vague.search(text, text.lower())) is vague


@pytest.mark.parametrize("text, blinding", [
    ("Each image pair is anonymized and randomly ordered (left vs right).", True),
    ("The model names are anonymized so that raters cannot tell the systems apart.", True),
    ("All user names and e-mail addresses were anonymized before release.", False),
    ("Patient records were anonymized and stored on a secure server.", False),
])
def test_anonymised_in_a_blind_comparison_is_no_personal_data(text, blinding):
    d = _det("data.personal_info")
    assert bool(d.exclude.search(text, text.lower())) is blinding
