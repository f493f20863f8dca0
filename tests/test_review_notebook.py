"""create_review_notebook: the notebook written beside a PDF, and that it runs headlessly."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import nbformat
import pytest

from jupyter_review.errors import FileMissingError, NotAPDFError, ReviewStateError
from jupyter_review.review.notebook import create_review_notebook, notebook_path
from tests.conftest import PAIR, edge_pdf, pair_pdf

MAIN, SUPP = PAIR  # two real papers of tests/data/papers, the second named as the first's supplement


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    shutil.copy(pair_pdf(MAIN), tmp_path / MAIN)
    (tmp_path / "supp").mkdir()
    shutil.copy(pair_pdf(SUPP), tmp_path / "supp" / SUPP)
    return tmp_path


def code_of(path: Path) -> str:
    nb = nbformat.read(path, as_version=4)
    nbformat.validate(nb)
    return "".join(c.source for c in nb.cells if c.cell_type == "code")


def test_paths_are_relative_to_the_notebook(folder, monkeypatch):
    monkeypatch.chdir(folder / "supp")  # relative arguments are taken from the cwd
    path = create_review_notebook(Path("..") / MAIN, [SUPP])
    assert path == folder / "fimmu-2022-915001.review.ipynb"
    assert f"jr.show_review({MAIN!r}, supplements=['supp/{SUPP}'])" in code_of(path)
    meta = json.loads(path.read_text())["metadata"]
    assert meta["kernelspec"]["name"] == "python3"
    assert meta["jupyter_review"] == {"paper": MAIN, "supplements": [f"supp/{SUPP}"]}


def test_existing_notebook_is_kept_unless_overwrite(folder):
    path = create_review_notebook(folder / MAIN)
    path.write_text(path.read_text().replace("import jupyter_review as jr", "import jupyter_review as jr  # my edit"))
    assert create_review_notebook(folder / MAIN, [folder / "supp" / SUPP]) == path
    assert "# my edit" in path.read_text()
    create_review_notebook(folder / MAIN, [folder / "supp" / SUPP], overwrite=True)
    assert "# my edit" not in path.read_text() and f"supp/{SUPP}" in code_of(path)


def test_hostile_file_name_is_shown_literally(tmp_path):
    name = "<img src=x onerror=alert(1)> [link](javascript:x) 'q'.pdf"
    shutil.copy(edge_pdf("markup-in-text.pdf"), tmp_path / name)
    path = create_review_notebook(tmp_path / name)
    nb = nbformat.read(path, as_version=4)
    title = nb.cells[0].source
    assert "<img" not in title and "&lt;img" in title
    assert "](javascript" not in title
    # the Python literal round-trips to exactly the file name
    code = code_of(path)
    literal = code.split("jr.show_review(", 1)[1].split(", supplements=")[0]
    assert eval(literal) == name  # noqa: S307 - a string literal written by us
    assert notebook_path(tmp_path / name).name == name[:-4] + ".review.ipynb"


def test_bad_input_raises_typed_errors(folder):
    (folder / "notes.txt").write_text("x")
    with pytest.raises(FileMissingError):
        create_review_notebook(folder / "missing.pdf")
    with pytest.raises(NotAPDFError):
        create_review_notebook(folder / "notes.txt")
    with pytest.raises(FileMissingError):
        create_review_notebook(folder / MAIN, [folder / "nope.pdf"])
    with pytest.raises(ReviewStateError):
        create_review_notebook(folder / MAIN, [folder / MAIN])
    assert not notebook_path(folder / MAIN).exists()


@pytest.mark.slow
def test_created_notebook_executes_and_shows_the_widget(folder):
    from nbclient import NotebookClient

    path = create_review_notebook(folder / MAIN, [folder / "supp" / SUPP])
    nb = nbformat.read(path, as_version=4)
    NotebookClient(nb, timeout=600, kernel_name="python3", resources={"metadata": {"path": str(folder)}}).execute()
    [cell] = [c for c in nb.cells if c.cell_type == "code"]
    assert not [o for o in cell.outputs if o.output_type == "error"]
    views = [o for o in cell.outputs if "application/vnd.jupyter.widget-view+json" in o.get("data", {})]
    assert len(views) == 1
    # opening the review created its sidecar in the review folder beside the paper, naming both files
    side = json.loads((folder / "fimmu-2022-915001.review" / "review.json").read_text())
    assert side["paper"] == MAIN
    assert [f["name"] for f in side["files"]] == [MAIN, SUPP]
