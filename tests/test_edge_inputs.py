"""Bad and unusual input: every case gets a typed error (or opens), never a crash.

Files come from ../shared/corpus/edge/ or are generated here with PyMuPDF.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import pymupdf
import pytest

from jupyter_review import errors, load
from jupyter_review.ingest import load_document, open_pdf
from tests.conftest import corpus_pdf, edge_pdf

# -- helpers ---------------------------------------------------------------------------


def _text_pdf(path: Path, pages: list[str], rotation: int = 0) -> Path:
    doc = pymupdf.open()
    for text in pages:
        p = doc.new_page()
        p.insert_textbox(pymupdf.Rect(72, 72, 520, 760), text, fontsize=11)
        if rotation:
            p.set_rotation(rotation)
    doc.save(str(path))
    doc.close()
    return path


def _image_page(doc: pymupdf.Document, text: str) -> None:
    """A page that only carries a picture of text (as a scanner makes)."""
    src = pymupdf.open()
    sp = src.new_page()
    sp.insert_textbox(pymupdf.Rect(72, 72, 520, 300), text, fontsize=14)
    pix = sp.get_pixmap(dpi=60)
    p = doc.new_page()
    p.insert_image(p.rect, pixmap=pix)
    src.close()


PROSE = ("Referees read the methods section first. The data were collected by the authors in 2023. "
         "Every result in the tables was computed three times with different seeds. ") * 3


# -- files from the edge corpus ----------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "error"),
    [
        ("not-a-pdf.pdf", errors.NotAPDFError),
        ("xml-with-pdf-extension.pdf", errors.NotAPDFError),
        ("zero-bytes.pdf", errors.NotAPDFError),
        ("truncated.pdf", errors.EmptyPDFError),
        ("encrypted-user-password.pdf", errors.EncryptedPDFError),
        ("password-test.pdf", errors.EncryptedPDFError),
        ("scanned-image-only.pdf", errors.NoTextLayerError),
        ("scanned-8p-rotated.pdf", errors.NoTextLayerError),
        ("blank-page.pdf", errors.NoTextLayerError),
        ("type3-control-chars.pdf", errors.NoTextLayerError),
    ],
)
def test_edge_file_raises_typed_error(name: str, error: type[Exception]) -> None:
    with pytest.raises(error) as info:
        load_document(edge_pdf(name))
    e = info.value
    assert isinstance(e, errors.IngestError)
    assert e.code.startswith("JR1")
    line = e.one_line()
    assert "\n" not in line and name in line


def test_xml_named_pdf_says_what_it_is() -> None:
    with pytest.raises(errors.NotAPDFError, match="XML"):
        open_pdf(edge_pdf("xml-with-pdf-extension.pdf"))


def test_scanned_pages_are_named() -> None:
    with pytest.raises(errors.NoTextLayerError) as info:
        load_document(edge_pdf("scanned-8p-rotated.pdf"))
    assert info.value.pages == list(range(1, 9))
    assert "pages 1-8" in str(info.value)
    with pytest.raises(errors.NoTextLayerError) as info:
        load_document(edge_pdf("scanned-image-only.pdf"))
    assert info.value.pages == [1, 2]


def test_type3_glyphs_without_unicode_are_sanitised() -> None:
    # the raw extraction is control characters only; nothing of it may reach the model
    with pymupdf.open(str(edge_pdf("type3-control-chars.pdf"))) as d:
        raw = d[0].get_text()
    assert raw.strip() and all(ord(c) < 32 for c in raw.replace("\n", ""))
    with pytest.raises(errors.NoTextLayerError, match="cannot be decoded"):
        load_document(edge_pdf("type3-control-chars.pdf"))


def test_encrypted_opens_with_password() -> None:
    path = edge_pdf("encrypted-user-password.pdf")
    with pytest.raises(errors.EncryptedPDFError, match="password"):
        load(path)
    with pytest.raises(errors.EncryptedPDFError, match="wrong password"):
        load(path, passwords={path.name: "not-it"})
    doc = load(path, passwords={path.name: "referee"})
    assert doc.files[0].pages == 2 and doc.files[0].encrypted
    # the same text as the unencrypted original (plosmed, pages 1-2)
    assert "Political rationale, aims, and outcomes" in doc.texts[0]
    doc2 = load(path, passwords={str(path): "referee"})
    assert doc2.texts == doc.texts


def test_empty_user_password_opens_without_asking() -> None:
    doc = load_document(edge_pdf("encrypted-empty-user-password.pdf"))
    assert doc.files[0].pages == 2
    assert "Political rationale, aims, and outcomes" in doc.texts[0]
    form = load_document(edge_pdf("aes-owner-restricted-form.pdf"))
    assert form.files[0].pages == 3 and form.sentences


def test_junk_before_header_and_broken_xref_still_open() -> None:
    doc = load_document(edge_pdf("junk-before-header.pdf"))
    assert doc.texts[0].strip() == "Hello World"
    # no usable xref/trailer: MuPDF rebuilds it; the one page is empty -> a typed error, not a crash
    with pytest.raises(errors.NoTextLayerError, match="blank"):
        load_document(edge_pdf("no-xref-no-trailer.pdf"))


def test_circular_outline_does_not_hang() -> None:
    code = textwrap.dedent(f"""
        from jupyter_review.ingest import load_document
        d = load_document({str(edge_pdf('circular-toc.pdf'))!r})
        print(d.files[0].pages, len(d.sections))
    """)
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    assert out.stdout.split()[0] == "2"


def test_markup_in_text_is_kept_literally() -> None:
    doc = load_document(edge_pdf("markup-in-text.pdf"))
    assert "<img src=x onerror=alert(1)>" in doc.texts[0]  # escaping is the renderer's job


# -- generated files ---------------------------------------------------------------------


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(errors.FileMissingError) as info:
        load(tmp_path / "nope.pdf")
    assert isinstance(info.value, FileNotFoundError)
    assert "nope.pdf" in info.value.one_line()


def test_directory_is_not_a_pdf(tmp_path: Path) -> None:
    with pytest.raises(errors.NotAPDFError):
        load(tmp_path)


def test_same_file_twice(tmp_path: Path) -> None:
    paper = _text_pdf(tmp_path / "paper.pdf", [PROSE])
    with pytest.raises(errors.DuplicateInputError, match="twice"):
        load(paper, supplements=[paper])
    # the same file under another spelling of its path
    with pytest.raises(errors.DuplicateInputError):
        load(paper, supplements=[tmp_path / "." / "paper.pdf"])
    # the same bytes under another name
    copy = tmp_path / "copy.pdf"
    shutil.copy(paper, copy)
    with pytest.raises(errors.DuplicateInputError, match="same content"):
        load(paper, supplements=[copy])


def test_some_pages_scanned_are_reported(tmp_path: Path) -> None:
    doc = pymupdf.open()
    p = doc.new_page()
    p.insert_textbox(pymupdf.Rect(72, 72, 520, 760), PROSE, fontsize=11)
    _image_page(doc, "This page was scanned.")
    p = doc.new_page()
    p.insert_textbox(pymupdf.Rect(72, 72, 520, 760), "Discussion of the seeds. " * 10, fontsize=11)
    path = tmp_path / "mixed.pdf"
    doc.save(str(path))
    out = load_document(path)
    assert out.files[0].textless_pages == [2]
    assert any("page(s) 2" in w for w in out.warnings)
    assert {s.page for s in out.sentences} == {1, 3}


def test_rotated_pages_keep_reading_order(tmp_path: Path) -> None:
    texts = [f"Page {i} opens here. " + PROSE + f"Page {i} closes here." for i in range(1, 4)]
    plain = load_document(_text_pdf(tmp_path / "plain.pdf", texts))
    for rot in (90, 180, 270):
        turned = load_document(_text_pdf(tmp_path / f"rot{rot}.pdf", texts, rotation=rot))
        assert [p.rotation for p in turned.pages] == [rot] * 3
        assert [s.text for s in turned.sentences] == [s.text for s in plain.sentences]
        # boxes are in the unrotated page's frame: the same as on the unrotated copy
        assert turned.sentences[0].bbox == plain.sentences[0].bbox


@pytest.mark.parametrize("turn, page_rotation", [(90, 0), (270, 0), (90, 270), (180, 0)])
def test_sideways_text_is_read_in_its_own_direction(tmp_path: Path, turn: int, page_rotation: int) -> None:
    """A page whose lines run up or down the sheet (a sideways table page, LaTeX's rotating or
    pdflscape) reads like the same text set upright, and every box still holds its words on
    the real page."""
    texts = ["First page. " + PROSE, "Second page. " + PROSE]
    plain = load_document(_text_pdf(tmp_path / "plain.pdf", texts))
    doc = pymupdf.open()
    for text in texts:
        pg = doc.new_page()
        rect = pymupdf.Rect(72, 72, 520, 760) if turn == 180 else pymupdf.Rect(72, 72, 540, 770)
        pg.insert_textbox(rect, text, fontsize=11, rotate=turn)
        if page_rotation:
            pg.set_rotation(page_rotation)
    path = tmp_path / "sideways.pdf"
    doc.save(str(path))
    doc.close()
    got = load_document(path)
    words = " ".join(s.text for s in got.sentences).split()
    assert words == " ".join(s.text for s in plain.sentences).split()
    with pymupdf.open(path) as pdf:
        for s in got.sentences[:6]:
            page = pdf[s.page - 1]
            page.set_rotation(0)
            inside = page.get_textbox(pymupdf.Rect(s.bbox) + (-1, -1, 1, 1))
            assert s.text.split()[0] in inside and s.text.split()[-1].rstrip(".") in inside, (s.text, inside)
    # a caption set sideways above its table is found like an upright one
    doc = pymupdf.open()
    pg = doc.new_page()
    cap_box, body_box = ((72, 72, 100, 770), (110, 72, 540, 770)) if turn != 180 else ((72, 72, 540, 100), (72, 110, 540, 770))
    pg.insert_textbox(pymupdf.Rect(cap_box), "Table S4: Results on the held-out split.", fontsize=11, rotate=turn)
    pg.insert_textbox(pymupdf.Rect(body_box), PROSE, fontsize=11, rotate=turn)
    if page_rotation:
        pg.set_rotation(page_rotation)
    doc.save(str(tmp_path / "caption.pdf"))
    doc.close()
    caps = load_document(tmp_path / "caption.pdf").captions
    assert [(c.kind, c.label, c.page) for c in caps] == [("table", "S4", 1)]


def test_rotated_corpus_pages_read_like_the_original() -> None:
    # rotated-pages.pdf holds plosmed pages 1-3 shown at 0/90/180 degrees
    rotated = load_document(edge_pdf("rotated-pages.pdf"))
    original = load_document(corpus_pdf("plosmed-1003873.pdf"))
    assert [p.rotation for p in rotated.pages] == [0, 90, 180]
    for page in (2, 3):
        sents = [s.text for s in rotated.sentences if s.page == page and len(s.text) > 40][:5]
        assert len(sents) == 5
        where = [original.texts[0].find(s) for s in sents]
        assert all(w >= 0 for w in where), sents
        assert where == sorted(where)


@pytest.mark.slow
def test_thousand_pages_stream_with_bounded_memory(tmp_path: Path) -> None:
    path = tmp_path / "long.pdf"
    doc = pymupdf.open()
    for i in range(1000):
        p = doc.new_page()
        p.insert_text((72, 50), "Journal of Long Tests", fontsize=8)
        p.insert_textbox(pymupdf.Rect(72, 80, 540, 740), f"Part {i + 1} begins. " + PROSE, fontsize=10)
        p.insert_text((300, 780), str(i + 1), fontsize=8)
    doc.save(str(path))
    doc.close()
    code = textwrap.dedent(f"""
        import resource, json
        from jupyter_review.ingest import load_document
        from jupyter_review.nlp.pipeline import get_nlp
        get_nlp()
        before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        seen = []
        d = load_document({str(path)!r}, progress=lambda done, total, stage: seen.append(done))
        after = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        print(json.dumps(dict(pages=len(d.pages), growth_kb=after - before, steps=len(seen),
                              header=sum("Journal of Long Tests" in t for t in d.texts),
                              last=d.sentences[-1].page)))
    """)
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=600)
    assert out.returncode == 0, out.stderr
    import json

    r = json.loads(out.stdout.strip().splitlines()[-1])
    assert r["pages"] == 1000 and r["last"] == 1000
    assert r["steps"] >= 100  # progress is reported while pages stream in
    assert r["header"] == 0  # the running header is gone from the text
    # the model of 1,000 text pages stays small: generous bound, ~0.3 MB a page at most
    assert r["growth_kb"] < 300 * 1024, r
