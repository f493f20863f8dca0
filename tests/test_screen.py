"""Batch screening: pairing, manifests, serial vs process pool vs a real Dask
LocalCluster, resume, interrupt, outputs (csv/parquet/html) and HTML escaping.

Facts asserted on are read off the PDFs with pymupdf here (page counts, first-page
text), or come from the corpus MANIFEST (which files are supplements of which)."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pandas as pd
import pymupdf
import pytest
import yaml

import jupyter_review as jr
from jupyter_review.cli import main as cli_main
from jupyter_review.errors import FileMissingError, SchemaError
from jupyter_review.ingest import sha256_of
from jupyter_review.screen import (
    ScreenInterrupted,
    find_manuscripts,
    read_manifest,
    read_screening,
    screen,
    write_screening,
)
from tests.conftest import CORPUS, corpus_pdf, edge_pdf

STATUSES = {"disclosed", "supplement_only", "vague", "missing", "not_applicable"}
TOPICS = yaml.safe_load(
    (Path(jr.__file__).parent / "checklist" / "data" / "topics.yaml").read_text(encoding="utf-8")
)["topics"]


def touch(folder: Path, *names: str) -> None:
    for n in names:
        p = folder / n
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_bytes(b"%PDF-1.7\n")


def pairs(folder: Path) -> dict[str, list[str]]:
    return {m.id: [s.name for s in m.supplements] for m in find_manuscripts(folder)}


def page_count(p: Path) -> int:
    with pymupdf.open(p) as d:
        return d.page_count


def first_page_text(p: Path) -> str:
    with pymupdf.open(p) as d:
        return " ".join(d[0].get_text().split())


def make_pdf(path: Path, lines: list[str]) -> Path:
    doc = pymupdf.open()
    page = doc.new_page()
    y = 72
    for line in lines:
        page.insert_text((72, y), line, fontsize=11)
        y += 16
    doc.save(path)
    doc.close()
    return path


# -- pairing by file names -------------------------------------------------------------------


def test_pairing_supplement_name_conventions(tmp_path: Path) -> None:
    touch(
        tmp_path,
        "paper.pdf", "paper_supplement.pdf", "paper_supplement_10.pdf", "paper_supplement_2.pdf", "paper-SI.pdf",
        "paper_appendix.pdf", "paper-supp1.pdf", "paper_SM.pdf", "paper_S1_File.pdf", "paper Supporting Information.pdf",
        "x-main.pdf", "x-supplement.pdf", "x-datasheet.pdf",
        "Smith2024.PDF", "Smith2024-ESM1.PDF", "Smith2024_model_card.pdf", "SmithSI.pdf",
        "1-s2.0-S0001-main.pdf", "1-s2.0-S0001-mmc1.pdf",
        # words that merely contain a marker are no supplements
        "simulation.pdf", "supply-chain.pdf", "appendicitis.pdf", "notes.txt",
    )
    got = pairs(tmp_path)
    assert got["paper"] == [
        "paper Supporting Information.pdf", "paper-SI.pdf", "paper-supp1.pdf", "paper_appendix.pdf", "paper_S1_File.pdf",
        "paper_SM.pdf", "paper_supplement.pdf", "paper_supplement_2.pdf", "paper_supplement_10.pdf",
    ]
    assert got["x-main"] == ["x-datasheet.pdf", "x-supplement.pdf"]
    assert got["Smith2024"] == ["Smith2024-ESM1.PDF", "Smith2024_model_card.pdf"]
    assert got["SmithSI"] == []  # no "Smith" main: a manuscript of its own
    assert got["1-s2.0-S0001-main"] == ["1-s2.0-S0001-mmc1.pdf"]
    for plain in ("simulation", "supply-chain", "appendicitis"):
        assert got[plain] == []
    assert set(got) == {"paper", "x-main", "Smith2024", "SmithSI", "1-s2.0-S0001-main", "simulation", "supply-chain",
                        "appendicitis"}


def test_pairing_folder_per_submission_and_orphans(tmp_path: Path) -> None:
    touch(
        tmp_path,
        "sub1/manuscript.pdf", "sub1/Supplementary_Material.pdf", "sub1/appendix.pdf",
        "sub2/main.pdf", "sub2/SI.pdf",
        "flat-a.pdf", "flat-b.pdf", "appendix.pdf",  # two mains: the bare appendix belongs to neither
        "solo-datasheet.pdf",
        "improving-esm.pdf", "improving-esm_SI.pdf",  # "esm" in a title; its own SI still pairs
        ".hidden/ignored.pdf",
    )
    got = pairs(tmp_path)
    assert got["sub1/manuscript"] == ["appendix.pdf", "Supplementary_Material.pdf"]
    assert got["sub2/main"] == ["SI.pdf"]
    assert got["appendix"] == [] and got["flat-a"] == [] and got["flat-b"] == []
    assert got["solo-datasheet"] == []
    assert got["improving-esm"] == ["improving-esm_SI.pdf"]
    assert not any(k.startswith(".hidden") for k in got)
    assert len(got) == 7


def test_pairing_on_the_corpus_matches_its_manifest(corpus: Path) -> None:
    manifest = pd.read_csv(corpus / "MANIFEST.tsv", sep="\t", dtype=str).fillna("")
    got = pairs(corpus)
    # every corpus file that its MANIFEST calls a supplement "of"/"for" a main paper
    expected: dict[str, set[str]] = {}
    for rec in manifest.itertuples():
        if rec.role != "supplement":
            continue
        m = re.search(r"(?:supplement of|for|appendix of|pair with)\s+([\w.-]+)\.pdf", rec.note + " " + rec.title)
        if m:
            expected.setdefault(m.group(1), set()).add(rec.file)
    for main in ("stockmixer-main", "dean-main", "medheval-main", "clse-main"):
        assert main in expected, main
    for main, supps in expected.items():
        assert set(got[main]) == supps, main
    assert "transgpn-checklist.pdf" in got["transgpn-main"] and "transgpn-supplement.pdf" in got["transgpn-main"]
    assert got["transgpn-main-v1"] == []
    assert got["bead-datasheet"] == [] and got["fews-datasheet"] == []
    assert got["edge/truncated"] == []


def test_missing_folder_is_a_typed_error(tmp_path: Path) -> None:
    with pytest.raises(FileMissingError):
        screen(tmp_path / "nope")
    with pytest.raises(SchemaError):
        screen(tmp_path, out=tmp_path / "x.xlsx")


# -- manifest --------------------------------------------------------------------------------


def test_manifest_csv(tmp_path: Path) -> None:
    (tmp_path / "m.csv").write_text(
        "id,paper,supplements\n"
        f"stock,stockmixer-main.pdf,stockmixer-supplement.pdf\n"
        f"tg,transgpn-main.pdf, transgpn-supplement.pdf ; transgpn-checklist.pdf\n"
        f",{corpus_pdf('npjmgrav-00129.pdf')},\n"
        "\n",
        encoding="utf-8",
    )
    ms = read_manifest(tmp_path / "m.csv", CORPUS)
    assert [m.id for m in ms] == ["stock", "tg", "npjmgrav-00129"]
    real = CORPUS.resolve()  # the corpus folder may be reached through a symlink
    assert ms[0].paper == real / "stockmixer-main.pdf"
    assert ms[0].supplements == (real / "stockmixer-supplement.pdf",)
    assert ms[1].supplements == (real / "transgpn-supplement.pdf", real / "transgpn-checklist.pdf")
    assert ms[2].supplements == ()

    (tmp_path / "alias.csv").write_text("main\nstockmixer-main.pdf\n", encoding="utf-8")
    assert [m.id for m in read_manifest(tmp_path / "alias.csv", CORPUS)] == ["stockmixer-main"]
    (tmp_path / "bad.csv").write_text("id,file_name\na,b.pdf\n", encoding="utf-8")
    with pytest.raises(SchemaError, match="paper"):
        read_manifest(tmp_path / "bad.csv", CORPUS)
    (tmp_path / "dup.csv").write_text("id,paper\na,x.pdf\na,y.pdf\n", encoding="utf-8")
    with pytest.raises(SchemaError, match="twice"):
        read_manifest(tmp_path / "dup.csv", CORPUS)
    with pytest.raises(FileMissingError):
        read_manifest(tmp_path / "none.csv")


# -- the real pipeline: serial, process pool and a Dask LocalCluster agree -------------------------

SMALL = ["deepseek-v3.2-exp.pdf", "stockmixer-main.pdf", "stockmixer-supplement.pdf", "npjmgrav-00129.pdf"]
BAD = {"truncated.pdf": "JR105", "encrypted-user-password.pdf": "JR104"}


@pytest.fixture(scope="module")
def small_folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("batch")
    for name in SMALL:
        (folder / name).symlink_to(corpus_pdf(name))
    for name in BAD:
        (folder / name).symlink_to(edge_pdf(name))
    return folder


@pytest.fixture(scope="module")
def serial(small_folder: Path) -> pd.DataFrame:
    return screen(small_folder, workers=1, progress=False)


def test_serial_rows_are_real(serial: pd.DataFrame, small_folder: Path) -> None:
    df = serial.set_index("id")
    assert list(df.index) == ["deepseek-v3.2-exp", "encrypted-user-password", "npjmgrav-00129", "stockmixer-main",
                              "truncated"]
    assert df.loc["stockmixer-main", "supplements"] == "stockmixer-supplement.pdf"
    for mid, code in (("truncated", BAD["truncated.pdf"]), ("encrypted-user-password", BAD["encrypted-user-password.pdf"])):
        assert df.loc[mid, "error"].startswith(f"error {code}:"), df.loc[mid, "error"]
    good = ["deepseek-v3.2-exp", "npjmgrav-00129", "stockmixer-main"]
    for mid in good:
        row = df.loc[mid]
        assert row["error"] == "", row["error"]
        files = [small_folder / row["paper"]] + [small_folder / s for s in row["supplements"].split(";") if s]
        assert row["pages"] == sum(page_count(f) for f in files)
        # the title is text of the first page
        words = re.findall(r"[A-Za-z]{4,}", row["title"])
        assert words and all(w in first_page_text(files[0]) for w in words[:4]), row["title"]
        statuses = {t: row[t] for t in TOPICS if t in df.columns}
        assert len(statuses) >= 30 and set(statuses.values()) <= STATUSES, statuses
        # a topic's severity follows the paper profile (major_if): the row names the traits that hold
        traits = set(row["profile"].split())
        assert "model" in traits or mid == "npjmgrav-00129", row["profile"]

        def severity(t: str) -> str:
            spec = TOPICS[t]
            cond = spec.get("major_if")
            if spec.get("severity") == "major" and cond and not any(x in traits for x in cond.split(" or ")):
                return "minor"
            return spec.get("severity")

        for sev in ("major", "minor", "info"):
            n = sum(1 for t, s in statuses.items() if s in ("vague", "missing") and severity(t) == sev)
            assert row[f"gaps_{sev}"] == n
        assert row["supplement_only"] == sum(1 for s in statuses.values() if s == "supplement_only")
        assert row["sha256"] == ";".join(sha256_of(f) for f in files)
        assert row["seconds"] > 0
    # the supplement is part of the stockmixer manuscript: its title page is the main paper's
    assert "StockMixer" in df.loc["stockmixer-main", "title"]
    assert df.loc["deepseek-v3.2-exp", "tables"] >= 1  # the paper has a benchmark table (MANIFEST)
    # papers get no "not a paper" warning
    assert not any("research article" in str(w) for w in df["warnings"]), list(df["warnings"])


def test_a_cover_letter_in_the_folder_is_flagged_in_its_row(tmp_path: Path) -> None:
    folder = tmp_path / "inbox"
    folder.mkdir()
    doc = pymupdf.open()
    page = doc.new_page(width=595, height=842)
    for i, line in enumerate(["Dear Editor,", "Please consider our manuscript on robust image classifiers.",
                              "It has not been published elsewhere and all authors approve its submission.",
                              "Yours sincerely, the authors"]):
        page.insert_text((72, 90 + 20 * i), line, fontsize=11)
    doc.save(str(folder / "cover-letter.pdf"))
    (folder / "stockmixer-main.pdf").symlink_to(corpus_pdf("stockmixer-main.pdf"))
    df = screen(folder, workers=1, progress=False).set_index("id")
    assert df.loc["cover-letter", "warnings"].startswith("cover-letter.pdf reads as a letter")
    assert df.loc["stockmixer-main", "warnings"] == "" or "letter" not in df.loc["stockmixer-main", "warnings"]
    cols = list(df.reset_index().columns)
    assert cols.index("warnings") == cols.index("error") + 1


def _comparable(df: pd.DataFrame) -> pd.DataFrame:
    return df.drop(columns=["seconds"])


def test_process_pool_equals_serial(serial: pd.DataFrame, small_folder: Path) -> None:
    par = screen(small_folder, workers=2, progress=False)
    assert par.attrs["screen"]["mode"] == "processes"
    assert len(par.attrs["screen"]["workers"]) == 2  # two worker processes did the work
    pd.testing.assert_frame_equal(_comparable(par), _comparable(serial))


def test_dask_local_cluster_equals_serial(serial: pd.DataFrame, small_folder: Path) -> None:
    distributed = pytest.importorskip("distributed")
    with distributed.LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, memory_limit="1GiB", dashboard_address=":0"
    ) as cluster, distributed.Client(cluster) as client:
        got = screen(small_folder, client=client, progress=False)
        assert got.attrs["screen"]["mode"] == "dask"
        pids = set(client.run(lambda: __import__("os").getpid()).values())
    assert set(got.attrs["screen"]["workers"]) <= pids and len(got.attrs["screen"]["workers"]) >= 1
    pd.testing.assert_frame_equal(_comparable(got), _comparable(serial))


# -- outputs, resume, interrupt, CLI -----------------------------------------------------------------


def _gen_folder(folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    make_pdf(folder / "alpha.pdf", ["Alpha study of river sediments", "Data availability: the data are in Zenodo."])
    make_pdf(folder / "alpha_SI.pdf", ["Supplementary methods for the alpha study"])
    make_pdf(folder / "beta.pdf", ["Beta trial of sleep and exercise", "Funding: none. Competing interests: none."])
    (folder / "broken.pdf").symlink_to(edge_pdf("truncated.pdf"))
    return folder


def test_outputs_resume_and_changed_files(tmp_path: Path) -> None:
    folder = _gen_folder(tmp_path / "in")
    out = tmp_path / "s.csv"
    calls: list[str] = []
    first = screen(folder, out=out, workers=1, progress=lambda d, t, row: calls.append(row["id"]))
    assert sorted(calls) == ["alpha", "beta", "broken"]
    assert first.set_index("id").loc["alpha", "supplements"] == "alpha_SI.pdf"
    assert first.set_index("id").loc["alpha", "pages"] == 2
    pd.testing.assert_frame_equal(read_screening(out), first)

    calls.clear()
    again = screen(folder, out=out, workers=1, progress=lambda d, t, row: calls.append(row["id"]))
    assert calls == []  # nothing analysed again, including the typed error row
    assert again.attrs["screen"]["resumed"] == 3 and again.attrs["screen"]["analysed"] == 0
    pd.testing.assert_frame_equal(again, first)  # seconds unchanged too

    # a changed file and a new manuscript are analysed; the rest is kept
    make_pdf(folder / "beta.pdf", ["Beta trial of sleep and exercise, revised", "Funding: the Sleep Foundation."])
    make_pdf(folder / "gamma.pdf", ["Gamma survey of coastal birds"])
    calls.clear()
    third = screen(folder, out=out, workers=1, progress=lambda d, t, row: calls.append(row["id"]))
    assert sorted(calls) == ["beta", "gamma"]
    t = third.set_index("id")
    f = first.set_index("id")
    assert t.loc["alpha", "seconds"] == f.loc["alpha", "seconds"]
    assert t.loc["beta", "sha256"] != f.loc["beta", "sha256"]
    # a renamed copy reuses the finished row without analysing
    shutil.copy(folder / "gamma.pdf", folder / "gamma-copy.pdf")
    calls.clear()
    fourth = screen(folder, out=out, workers=1, progress=lambda d, t, row: calls.append(row["id"]))
    assert calls == [] and "gamma-copy" in set(fourth["id"])
    g = fourth.set_index("id")
    assert g.loc["gamma-copy", "paper"] == "gamma-copy.pdf" and g.loc["gamma-copy", "title"] == g.loc["gamma", "title"]


def test_resume_redoes_rows_of_another_configuration(tmp_path: Path) -> None:
    """Rows made for other frameworks, or by another version of the checklist data (no or a
    different ``config``), are analysed again; the same configuration resumes."""
    from jupyter_review.screen import screening_config

    folder = _gen_folder(tmp_path / "in")
    out = tmp_path / "s.csv"
    calls: list[str] = []
    first = screen(folder, out=out, workers=1, progress=lambda d, t, row: calls.append(row["id"]))
    assert set(first["config"]) == {screening_config()}
    calls.clear()
    screen(folder, out=out, workers=1, frameworks=["data-disclosure"], progress=lambda d, t, row: calls.append(row["id"]))
    assert sorted(calls) == ["alpha", "beta", "broken"]  # another framework choice: redone
    assert screening_config(["data-disclosure"]) != screening_config()
    calls.clear()
    screen(folder, out=out, workers=1, frameworks=["data-disclosure"], progress=lambda d, t, row: calls.append(row["id"]))
    assert calls == []  # the same choice again: resumed
    # a table written before rows carried a config (or by other checklist data) is redone
    old = read_screening(out).drop(columns=["config"])
    old.to_csv(out, index=False)
    calls.clear()
    screen(folder, out=out, workers=1, frameworks=["data-disclosure"], progress=lambda d, t, row: calls.append(row["id"]))
    assert sorted(calls) == ["alpha", "beta", "broken"]


@pytest.mark.parametrize("workers", [1, 2])
def test_interrupt_keeps_finished_rows_then_resumes(tmp_path: Path, workers: int) -> None:
    folder = _gen_folder(tmp_path / "in")
    out = tmp_path / "s.parquet"
    seen: list[str] = []

    def stop_after_first(done: int, total: int, row: dict) -> None:
        seen.append(row["id"])
        raise KeyboardInterrupt

    with pytest.raises(ScreenInterrupted) as ei:
        screen(folder, out=out, workers=workers, progress=stop_after_first, write_interval=3600)
    assert isinstance(ei.value, KeyboardInterrupt)
    kept = read_screening(out)
    assert list(kept["id"]) == seen == list(ei.value.frame["id"])
    calls: list[str] = []
    rest = screen(folder, out=out, workers=1, progress=lambda d, t, row: calls.append(row["id"]))
    assert sorted(calls + seen) == ["alpha", "beta", "broken"]
    assert len(rest) == 3


def test_cli_writes_csv_parquet_html_and_escapes(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "markup.pdf").symlink_to(edge_pdf("markup-in-text.pdf"))
    (folder / "a<b>&c.pdf").symlink_to(edge_pdf("zero-bytes.pdf"))
    outs = [tmp_path / "o.csv", tmp_path / "o.parquet", tmp_path / "o.html"]
    rc = cli_main(["screen", str(folder), "--workers", "1", *sum((["--out", str(o)] for o in outs), [])])
    assert rc == 0
    assert "2 manuscripts" in capsys.readouterr().out
    frames = [read_screening(o) for o in outs]
    pd.testing.assert_frame_equal(frames[0], frames[1])
    pd.testing.assert_frame_equal(frames[0], frames[2])
    df = frames[0].set_index("id")
    # the PDF's first line carries HTML markup (read off the page)
    first_line = first_page_text(edge_pdf("markup-in-text.pdf"))
    assert "<img src=x onerror=alert(1)>" in first_line
    assert "<img" in df.loc["markup", "title"]
    assert df.loc["a<b>&c", "error"].startswith("error JR102")
    page = outs[2].read_text(encoding="utf-8")
    assert "<img" not in page and "<b>" not in page
    assert page.count("<script") == 1 and '<script type="application/json" id="jr-screen-data">' in page
    assert "&lt;img src=x onerror=alert(1)&gt;" in page
    assert "a&lt;b&gt;&amp;c" in page

    # a second run resumes from the outputs
    rc = cli_main(["screen", str(folder), "--workers", "1", "--out", str(outs[2])])
    assert rc == 0
    assert "0 analysed, 2 resumed" in capsys.readouterr().out


def test_manifest_run_reports_missing_files_per_row(tmp_path: Path) -> None:
    (tmp_path / "m.csv").write_text(
        "id,paper,supplements\nok,npjmgrav-00129.pdf,\ngone,does-not-exist.pdf,\n", encoding="utf-8"
    )
    df = screen(corpus_pdf("npjmgrav-00129.pdf").parent, manifest=tmp_path / "m.csv", workers=1, progress=False).set_index("id")
    assert list(df.index) == ["gone", "ok"]
    assert df.loc["gone", "error"].startswith("error JR101")
    assert df.loc["ok", "error"] == "" and df.loc["ok", "pages"] == page_count(corpus_pdf("npjmgrav-00129.pdf"))


def test_write_screening_rejects_unknown_type(tmp_path: Path) -> None:
    with pytest.raises(SchemaError):
        write_screening(pd.DataFrame({"id": []}), tmp_path / "x.json")


def test_a_worker_crash_costs_only_its_manuscript(tmp_path: Path) -> None:
    from jupyter_review.screen import Manuscript, _run_processes
    from tests.screen_crash_helper import crash_on_bad_name

    todo = [Manuscript(n, tmp_path / f"{n}.pdf") for n in ("a", "b", "crash", "c", "d", "e")]
    got = {m.id: row for m, row in _run_processes(todo, 2, None, func=crash_on_bad_name)}
    assert set(got) == {"a", "b", "crash", "c", "d", "e"}
    assert got["crash"]["error"].startswith("error JR112: WorkerCrash")
    assert all(got[k] == {"error": "", "title": k} for k in "abcde")


def test_csv_defuses_formulas_and_round_trips(tmp_path: Path) -> None:
    from jupyter_review.screen import _frame

    titles = ["=HYPERLINK(\"http://x\")", "+1", "@SUM(A1)", "'=quoted", "''x", "'plain", "plain", "-3 dB"]
    df = _frame([{"id": f"m{i}", "title": t, "sha256": "s"} for i, t in enumerate(titles)])
    for suffix in (".csv", ".parquet", ".html"):
        out = write_screening(df, tmp_path / f"o{suffix}")
        pd.testing.assert_frame_equal(read_screening(out), df)
    raw = (tmp_path / "o.csv").read_text(encoding="utf-8")
    assert "'=HYPERLINK" in raw and "\n=" not in raw and ",=" not in raw and ",+1" not in raw and ",@" not in raw


def test_screening_counts_only_the_papers_own_claims():
    """An editor's claim count is of the claims the cross-checks read: those the statement
    judgement sets apart (background, other papers' results) are not counted; the text summary
    says how many were set apart."""
    from jupyter_review import sample
    from jupyter_review.report.text import summary_text
    from jupyter_review.screen import summarise_analysis

    a = jr.analyze(sample.main_pdf(), [sample.supplement_pdf()])
    own = [c for c in a.claims if c.own is not False]
    apart = len(a.claims) - len(own)
    assert apart >= 1 and own  # the sample's related-work sentences are set apart
    row = summarise_analysis(a)
    assert row["claims"] == len(own)
    assert f"claims: {len(a.claims)} ({apart} set apart as not this paper's)" in summary_text(a)
