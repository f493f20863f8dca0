"""The tutorial notebooks run headlessly (nbclient, kernel python3) and print what the API says.

Each notebook is copied into a temporary folder and executed there; the test then
re-derives the printed figures from the files the notebook left behind (the saved
review, the report, the CSV) through the public API, and from facts of the folder.
"""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import nbformat
import pandas as pd
import pytest
from nbclient import NotebookClient

import jupyter_review as jr
from tests.conftest import CORPUS, PAPERS, ROOT

NOTEBOOKS = ROOT / "notebooks"
GAPS = ("vague", "missing")

pytestmark = pytest.mark.slow


def run_notebook(name: str, folder: Path, monkeypatch: pytest.MonkeyPatch) -> nbformat.NotebookNode:
    src = NOTEBOOKS / name
    nb = nbformat.read(src, as_version=4)
    # kept clean in git: no outputs, no execution counts
    for cell in nb.cells:
        if cell.cell_type == "code":
            assert cell.outputs == [] and cell.execution_count is None, f"{name}: outputs must be cleared in git"
    shutil.copy(src, folder / name)
    monkeypatch.setenv("JR_PAPERS", str(PAPERS))
    monkeypatch.setenv("JR_CORPUS", str(CORPUS))
    monkeypatch.delenv("JR_SCREEN_FOLDER", raising=False)
    monkeypatch.setenv("MPLBACKEND", "module://matplotlib_inline.backend_inline")
    client = NotebookClient(nb, kernel_name="python3", timeout=900, resources={"metadata": {"path": str(folder)}})
    client.execute()
    return nb


def stdout(nb: nbformat.NotebookNode) -> str:
    parts = []
    for cell in nb.cells:
        for out in cell.get("outputs", []):
            if out.get("output_type") == "stream" and out.get("name") == "stdout":
                parts.append(out["text"])
    return "".join(parts)


def outputs_of(nb: nbformat.NotebookNode, kind: str) -> list[dict]:
    return [o for c in nb.cells for o in c.get("outputs", []) if kind in o.get("data", {})]


def grab(pattern: str, text: str) -> re.Match[str]:
    m = re.search(pattern, text, re.M)
    assert m, f"{pattern!r} not in output:\n{text[-3000:]}"
    return m


def test_01_review_a_paper(tmp_path, monkeypatch):
    nb = run_notebook("01-review-a-paper.ipynb", tmp_path, monkeypatch)
    out = stdout(nb)
    work = tmp_path / "sample-review"
    paper, supp = work / "stratus-r.pdf", work / "stratus-r_supplement.pdf"
    # the copies are the bundled sample, byte for byte
    from jupyter_review import sample

    assert paper.read_bytes() == Path(sample.main_pdf()).read_bytes()
    assert supp.read_bytes() == Path(sample.supplement_pdf()).read_bytes()

    fresh = jr.open_review(paper, supplements=[supp])
    assert int(grab(r"^checklist items: (\d+)$", out).group(1)) == len(fresh.questions)  # one per question
    assert int(grab(r"^open gaps: (\d+)$", out).group(1)) == fresh.open_gaps()
    assert grab(r"^title: (.+)$", out).group(1) == fresh.title

    # the decision made in the notebook is on disk and seen by a fresh session
    item_id = grab(r"^item: (\S+)$", out).group(1)
    assert fresh.item(item_id).decision == "absent"
    assert fresh.item(item_id).note == "Please add this to the paper."
    assert fresh.item(item_id).status in GAPS
    state = json.loads((work / "stratus-r.review" / "review.json").read_text("utf-8"))
    assert state["items"][item_id]["decision"] == "absent"
    assert state["summary"]["decided"] == 1
    assert f"decided: 1 / {len(fresh.questions)}" in out
    assert "after reopening: absent | Please add this to the paper." in out

    n_problems = sum(c.status != "consistent" for c in fresh.cross_checks)
    assert f"{len(fresh.claims)} claims, {len(fresh.tables)} tables, {n_problems} claim-vs-table problems" in out

    report = work / "stratus-r.report.md"
    lines = int(grab(r"^report: .*stratus-r\.report\.md \((\d+) lines\)$", out).group(1))
    assert report.is_file() and len(report.read_text("utf-8").splitlines()) == lines
    csv = pd.read_csv(work / "stratus-r.checklist.csv")
    assert len(csv) == len(fresh.items)
    assert list(csv.loc[csv["id"] == item_id, "decision"]) == ["absent"]

    # the widget was displayed (a widget view in the outputs)
    assert outputs_of(nb, "application/vnd.jupyter.widget-view+json")


def test_02_teaching(tmp_path, monkeypatch):
    # what a student clicked earlier in the worksheet (saved by the widget); one topic left open
    work = tmp_path / "teaching" / "npjmgrav-00129"
    work.mkdir(parents=True)
    clicks = {"data.sources": "disclosed", "data.licensing": "not_applicable", "data.bias": "missing",
              "eval.variance": "disclosed", "risk.limitations": "disclosed", "accountability.funding": "disclosed",
              "reproducibility.statistics": "disclosed", "code.availability": "missing"}
    (work / "my-answers.json").write_text(json.dumps({"paper": "", "answers": clicks}), encoding="utf-8")

    nb = run_notebook("02-teaching-review-methods.ipynb", tmp_path, monkeypatch)
    out = stdout(nb)
    from jupyter_review import teaching

    key = teaching.key_statuses(teaching.answer_key("npjmgrav-00129"))
    assert int(grab(r"^topics in the answer key: (\d+)$", out).group(1)) == len(key)
    # the paper was found in tests/data/papers and copied beside the notebook
    assert (work / "npjmgrav-00129.pdf").read_bytes() == (PAPERS / "npjmgrav-00129.pdf").read_bytes()
    assert f"found in: {PAPERS}" in out

    review = jr.open_review(work / "npjmgrav-00129.pdf")
    tool = {t: r.status for t, r in review.analysis.topics.items()}
    assert int(grab(r"^topics checked by the tool: (\d+)$", out).group(1)) == len(tool)

    # the worksheet's topics, as the notebook lists them (read from the cell source, not the output)
    src = "\n".join(c.source for c in nb.cells if c.cell_type == "code")
    sheet_src = src[src.index("WORKSHEET = [") : src.index("]", src.index("WORKSHEET = ["))]
    worksheet = [t for t in re.findall(r'"([a-z_]+\.[a-z_]+)"', sheet_src) if t in key]
    n = len(worksheet)
    assert n >= 8 and set(clicks) <= set(worksheet)
    me = sum(clicks.get(t) == key[t] for t in worksheet)
    me_gap = sum(t in clicks and (clicks[t] in GAPS) == (key[t] in GAPS) for t in worksheet)
    tl = sum(tool.get(t) == key[t] for t in worksheet)
    tl_gap = sum((tool.get(t) in GAPS) == (key[t] in GAPS) for t in worksheet)
    assert f"you answered {len(clicks)} of {n} topics" in out
    assert f"answered: {len(clicks)} / {n}" in out
    assert f"you agree with the key on {me} of {n} verdicts ({me_gap} of {n} gap/no-gap)" in out
    assert f"the tool agrees with the key on {tl} of {n} verdicts ({tl_gap} of {n} gap/no-gap)" in out
    both = [t for t in key if t in tool]
    agree = sum(key[t] == tool[t] for t in both)
    assert f"the tool agrees with the key on {agree} of {len(both)} topics" in out
    # the student's answers file is as the widget left it: running the notebook loses nothing
    assert json.loads((work / "my-answers.json").read_text("utf-8"))["answers"] == clicks
    # the worksheet and the review were displayed as widgets; comparison and confusion tables as HTML
    assert len(outputs_of(nb, "application/vnd.jupyter.widget-view+json")) >= 2
    assert len(outputs_of(nb, "text/html")) >= 2
    points = teaching.answer_key("npjmgrav-00129")["referee_points"]
    assert f"referee points in the key: {len(points)}" in out
    choices = review.analysis.design_choices
    n_open = sum(1 for d in choices if not d.ablated)
    assert f"design choices: {len(choices)}, with no experiment found: {n_open}" in out


def test_03_editors(tmp_path, monkeypatch):
    nb = run_notebook("03-editors-screen-a-folder.ipynb", tmp_path, monkeypatch)
    out = stdout(nb)
    folder = tmp_path / "screening-demo"
    pdfs = sorted(p.name for p in folder.glob("*.pdf"))
    # main PDFs in the folder: every file but the supplements the notebook paired by name
    mains = [p for p in pdfs if "_supplement" not in p]
    # the four bundled real papers, the corpus pair when the corpus is there, and the damaged upload
    expected = {"plosmed-1003873.pdf", "fimmu-2022-915001.pdf", "npjmgrav-00129.pdf", "neurores-0022-4.pdf",
                "damaged-upload.pdf"}
    if (CORPUS / "stockmixer-main.pdf").is_file():
        expected.add("stockmixer.pdf")
        assert "stockmixer_supplement.pdf" in pdfs
    else:
        assert "the shared corpus is not here" in out
    assert set(mains) == expected
    assert f"{len(mains)} manuscripts screened, 1 with errors" in out

    # a fresh screening of the same folder gives the figures the notebook printed
    df = jr.screen(folder, progress=False, workers=1)
    assert len(df) == len(mains)
    ok = df[df["error"].fillna("").astype(str).str.len() == 0]
    worst = ok.sort_values(["gaps_major", "gaps_minor"], ascending=False).iloc[0]
    assert f"most major gaps: {worst['id']} with {int(worst['gaps_major'])}" in out
    mism = list(ok.loc[ok["mismatches"] > 0, "id"])
    assert f"with claim-vs-table mismatches: {mism}" in out
    from jupyter_review.checklist.loader import topics as taxonomy

    topics = [c for c in df.columns if c in taxonomy()]
    assert len(topics) >= 30
    assert f"topics: {len(topics)} |" in out
    silent = list(ok.loc[ok["data.sources"].isin(["missing", "vague"]), "id"])
    assert f"data sources missing or vague in {len(silent)} of {len(ok)} manuscripts: {silent}" in out
    # the plot was drawn
    assert outputs_of(nb, "image/png")
    # clicking a manuscript opened its review: its sidecar now exists beside it
    m = grab(r"^opened: (\S+) \| 0 / (\d+) decided$", out)
    assert (folder / m.group(1)).is_file()
    assert (folder / (Path(m.group(1)).stem + ".review") / "review.json").is_file()
