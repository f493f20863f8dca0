"""Hostile input generators (pymupdf and plain bytes), shared by tests/test_reliability.py
and benchmarks/reliability.py.  Every generator writes into a folder it is given."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pymupdf


def drawings_bomb(path: Path, segments: int = 320_000, *, text: str | None = None, caption: bool = False) -> Path:
    """One page drawing ``segments`` line segments (14 bytes each, deflated ~500x);
    optionally with a line of text and a table caption above the drawing."""
    doc = pymupdf.open()
    page = doc.new_page(width=612, height=792)
    if text:
        page.insert_text((72, 72), text, fontsize=10)
    if caption:
        page.insert_text((72, 100), "Table 1: Accuracy of the three methods on the test set.", fontsize=9)
        for r in range(5):
            page.insert_text((72, 120 + 14 * r), f"Method {r}    {0.5 + r / 10:.2f}    {0.6 + r / 10:.2f}    {0.7 + r / 10:.2f}",
                             fontsize=9)
    xref = doc.get_new_xref()
    doc.update_object(xref, "<<>>")
    doc.update_stream(xref, b"0.1 w\n" + b"0 0 m 1 1 l S\n" * segments, compress=True)
    old = page.get_contents()
    kids = " ".join(f"{x} 0 R" for x in old + [xref])
    doc.xref_set_key(page.xref, "Contents", f"[{kids}]")
    doc.save(str(path), deflate=False)
    doc.close()
    return path


def page_count_pdf(path: Path, count: str) -> Path:
    """A one-page PDF whose page tree claims ``/Count <count>`` pages."""
    objs = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count " + count.encode() + b" >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R"
        b" /Resources << /Font << /F1 5 0 R >> >> >>",
        b"",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    content = b"BT /F1 12 Tf 72 700 Td (A paper about counting pages in a damaged tree.) Tj ET"
    objs[3] = b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream"
    out = bytearray(b"%PDF-1.7\n")
    offsets = []
    for i, o in enumerate(objs, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % i + o + b"\nendobj\n"
    xref_at = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objs) + 1)
    for o in offsets:
        out += b"%010d 00000 n \n" % o
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objs) + 1, xref_at)
    path.write_bytes(bytes(out))
    return path


def small_paper(path: Path, pages: int = 1) -> Path:
    """A short, plain paper (enough text for the pipeline to run)."""
    doc = pymupdf.open()
    body = ("We trained the model on the public benchmark and report accuracy on the held-out test set. "
            "The code and data are available on request. ") * 3
    for i in range(pages):
        page = doc.new_page(width=612, height=792)
        if i == 0:
            page.insert_text((72, 60), "A Study of Hostile Inputs", fontsize=16)
        page.insert_textbox(pymupdf.Rect(72, 90, 540, 740), f"{i + 1}. Methods\n" + body * 4, fontsize=10)
    doc.save(str(path))
    doc.close()
    return path


def fifo_sidecar(folder: Path, stem: str = "x") -> tuple[Path, Path]:
    """``<stem>.pdf`` (a real paper) with a FIFO where its sidecar should be."""
    paper = small_paper(folder / f"{stem}.pdf")
    fifo = folder / f"{stem}.review.json"
    os.mkfifo(fifo)
    return paper, fifo


# -- the categories of benchmarks/reliability.py ------------------------------------------------
# Each returns (tried, failed_safe, failed_unsafe, notes).  "Safe" is a typed error or a clean
# refusal with nothing lost; "unsafe" is a raw exception, a hang, a lost note, a write outside.

SIDECAR_BASE = {"schema_version": "1.0", "kind": "jupyter-review/review", "paper": "p.pdf", "items": {}}


def corrupt_sidecars() -> list[tuple[str, bytes]]:
    """(name, bytes) of hand-edited or damaged sidecars."""
    good = dict(SIDECAR_BASE, items={"a:b": {"decision": "absent", "note": "kept"}})
    txt = json.dumps(good)
    out = [
        ("duplicate items key", txt[:-1].encode() + b', "items": {}}'),
        ("duplicate item", b'{"schema_version": "1.0", "kind": "jupyter-review/review", "items": '
                           b'{"a:b": {"note": "x"}, "a:b": {"note": "y"}}}'),
        ("items is a list", json.dumps(dict(SIDECAR_BASE, items=[1, 2])).encode()),
        ("item is a string", json.dumps(dict(SIDECAR_BASE, items={"a:b": "absent"})).encode()),
        ("decision unknown", json.dumps(dict(SIDECAR_BASE, items={"a:b": {"decision": "yes!"}})).encode()),
        ("note is a number", json.dumps(dict(SIDECAR_BASE, items={"a:b": {"note": 5}})).encode()),
        ("revision is text", json.dumps(dict(SIDECAR_BASE, revision="many")).encode()),
        ("revision is negative", json.dumps(dict(SIDECAR_BASE, revision=-1)).encode()),
        ("summary is a list", json.dumps(dict(SIDECAR_BASE, summary=[])).encode()),
        ("history is an object", json.dumps(dict(SIDECAR_BASE, history={})).encode()),
        ("general notes a list", json.dumps(dict(SIDECAR_BASE, general_notes=["x"])).encode()),
        ("huge note", json.dumps(dict(SIDECAR_BASE, items={"a:b": {"note": "x" * 300_000}})).encode()),
        ("not json", b"{not json"),
        ("truncated", txt[: len(txt) // 2].encode()),
        ("empty", b""),
        ("a list", b"[]"),
        ("null", b"null"),
        ("wrong kind", json.dumps({"kind": "other"}).encode()),
        ("future schema", json.dumps(dict(SIDECAR_BASE, schema_version="9.0")).encode()),
        ("latin-1 bytes", b'{"kind": "jupyter-review/review", "note": "\xe9"}'),
        ("deep nesting", b"[" * 100_000 + b"]" * 100_000),
        ("nul bytes", b"\x00" * 100),
        ("bom", b"\xef\xbb\xbf" + txt.encode()),
    ]
    return out


def _safe_read(path: Path) -> tuple[bool, str]:
    from jupyter_review.errors import ReviewError
    from jupyter_review.review.state import list_reviews, read_state

    try:
        st = read_state(path)
        if st is not None and "a:b" in txt_items(path) and st["items"].get("a:b", {}).get("note") != "kept":
            return False, "opened with a note missing"
    except ReviewError:
        pass
    except Exception as e:  # a raw exception is an unsafe failure
        return False, f"{type(e).__name__}: {e}"[:120]
    try:
        listing = list_reviews(path.parent)
    except Exception as e:
        return False, f"listing raised {type(e).__name__}"
    return bool(listing), ""


def txt_items(path: Path) -> str:
    try:
        return path.read_text("utf-8", "replace")[:1000]
    except OSError:
        return ""


def category_corrupt_sidecars() -> tuple[int, int, int, list[str]]:
    tried = safe = bad = 0
    notes: list[str] = []
    with tempfile.TemporaryDirectory() as d:
        for name, data in corrupt_sidecars():
            p = Path(d) / "p.review.json"
            p.write_bytes(data)
            tried += 1
            ok, why = _safe_read(p)
            if ok:
                safe += 1
            else:
                bad += 1
                notes.append(f"{name}: {why}")
    return tried, safe, bad, notes


def category_special_files() -> tuple[int, int, int, list[str]]:
    """FIFO, device, folder and oversize file where the sidecar should be: refused at once."""
    from jupyter_review.errors import ReviewError
    from jupyter_review.review.state import MAX_SIDECAR_BYTES, read_state

    tried = safe = bad = 0
    notes: list[str] = []
    with tempfile.TemporaryDirectory() as d:
        cases = {}
        fifo = Path(d) / "fifo.review.json"
        os.mkfifo(fifo)
        cases["fifo"] = fifo
        dev = Path(d) / "dev.review.json"
        dev.symlink_to("/dev/zero")
        cases["/dev/zero"] = dev
        folder = Path(d) / "dir.review.json"
        folder.mkdir()
        cases["folder"] = folder
        big = Path(d) / "big.review.json"
        with open(big, "wb") as f:
            f.truncate(MAX_SIDECAR_BYTES + 1)
        cases["oversize"] = big
        for name, p in cases.items():
            tried += 1
            t = time.monotonic()
            try:
                read_state(p)
                bad += 1
                notes.append(f"{name}: read as a review")
            except ReviewError:
                if time.monotonic() - t < 2:
                    safe += 1
                else:
                    bad += 1
                    notes.append(f"{name}: took {time.monotonic() - t:.1f} s")
            except Exception as e:
                bad += 1
                notes.append(f"{name}: {type(e).__name__}")
    return tried, safe, bad, notes


def category_lock_symlink() -> tuple[int, int, int, list[str]]:
    """An old-style ``.lock`` symlink to a path outside: a save never creates the target."""
    from jupyter_review.review.state import update_sidecar

    tried = safe = bad = 0
    notes: list[str] = []
    with tempfile.TemporaryDirectory() as d, tempfile.TemporaryDirectory() as outside:
        target = Path(outside) / "planted"
        (Path(d) / "v.review.json.lock").symlink_to(target)
        tried += 1
        update_sidecar(Path(d) / "v.pdf", item="a:b", note="n")
        if target.exists():
            bad += 1
            notes.append("the lock symlink's target was created")
        else:
            safe += 1
    return tried, safe, bad, notes


_KILLER = r"""
import sys
sys.path.insert(0, sys.argv[3])
from jupyter_review.review.state import update_sidecar
i = 0
while True:
    update_sidecar(sys.argv[1], item="a:b", note=sys.argv[2] + str(i))
    print(i, flush=True)
    i += 1
"""


def category_kill_during_save(tries: int = 20) -> tuple[int, int, int, list[str]]:
    """A writer killed with SIGKILL mid-save: the last acknowledged note is on disk, the
    file parses, and the next open removes the temp files it left."""
    from jupyter_review.review.state import locked, read_state

    root = str(Path(__file__).resolve().parents[1])
    tried = safe = bad = 0
    notes: list[str] = []
    with tempfile.TemporaryDirectory() as d:
        paper = Path(d) / "k.pdf"
        for n in range(tries):
            proc = subprocess.Popen([sys.executable, "-c", _KILLER, str(paper), f"t{n}-", root],
                                    stdout=subprocess.PIPE, text=True)
            acked = None
            t_end = time.monotonic() + 20
            assert proc.stdout is not None
            while time.monotonic() < t_end:
                line = proc.stdout.readline()
                if not line:
                    break
                acked = int(line.split()[0])
                if acked >= 3 + n % 5:
                    break
            time.sleep(0.002 * (n % 7))
            proc.kill()
            proc.wait()
            tried += 1
            try:
                st = read_state(paper)
                note = st["items"]["a:b"]["note"] if st else None
                prefix = f"t{n}-"
                got = int(note[len(prefix):]) if note and note.startswith(prefix) else -1
                if acked is not None and got < acked:
                    bad += 1
                    notes.append(f"try {n}: acknowledged {acked}, on disk {note!r}")
                    continue
                with locked(paper.with_name("k.review.json")):
                    pass
                left = [p.name for p in Path(d).iterdir() if p.name.endswith(".tmp")]
                if left:
                    bad += 1
                    notes.append(f"try {n}: temp files left after reopening: {left}")
                else:
                    safe += 1
            except Exception as e:
                bad += 1
                notes.append(f"try {n}: {type(e).__name__}: {e}"[:120])
    return tried, safe, bad, notes


_WRITER = r"""
import sys
sys.path.insert(0, sys.argv[3])
from jupyter_review.review.state import update_sidecar
for i in range(int(sys.argv[4])):
    update_sidecar(sys.argv[1], item=f"w:{sys.argv[2]}-{i}", note=f"{sys.argv[2]} {i}")
"""


def category_concurrent_writers(writers: int = 4, each: int = 25) -> tuple[int, int, int, list[str]]:
    from jupyter_review.review.state import read_state

    root = str(Path(__file__).resolve().parents[1])
    with tempfile.TemporaryDirectory() as d:
        paper = Path(d) / "c.pdf"
        procs = [subprocess.Popen([sys.executable, "-c", _WRITER, str(paper), f"p{k}", root, str(each)])
                 for k in range(writers)]
        for p in procs:
            p.wait(timeout=120)
        st = read_state(paper) or {"items": {}}
        missing = [f"w:p{k}-{i}" for k in range(writers) for i in range(each) if f"w:p{k}-{i}" not in st["items"]]
    tried = writers * each
    return tried, tried - len(missing), len(missing), ([f"{len(missing)} notes lost"] if missing else [])


def category_read_only_folder() -> tuple[int, int, int, list[str]]:
    """Saves that the file system refuses (read-only, disk full, no permission), at each
    step of the atomic write: a typed error, the saved file as it was, no temp file left.
    A real read-only folder as well when not running as root (root writes anyway)."""
    import errno
    import tempfile as _tf
    from unittest import mock

    from jupyter_review.errors import ReviewError
    from jupyter_review.review.state import read_state, update_sidecar

    tried = safe = bad = 0
    notes: list[str] = []
    faults = [(where, code) for where in ("tempfile.mkstemp", "os.replace", "os.fsync")
              for code in (errno.EROFS, errno.ENOSPC, errno.EACCES)]
    with _tf.TemporaryDirectory() as d:
        paper = Path(d) / "r.pdf"
        update_sidecar(paper, item="a:b", note="kept")
        from jupyter_review.review.state import sidecar_path

        side = sidecar_path(paper)  # <stem>.review/review.json
        before = side.read_bytes()
        for where, code in faults:
            tried += 1

            def fail(*_a, _code=code, **_k):
                raise OSError(_code, os.strerror(_code))

            try:
                with mock.patch(where, fail):
                    update_sidecar(paper, item="a:b", note="lost?")
                bad += 1
                notes.append(f"{where} {errno.errorcode[code]}: reported as saved")
                continue
            except ReviewError:
                pass
            except Exception as e:
                bad += 1
                notes.append(f"{where} {errno.errorcode[code]}: {type(e).__name__}")
                continue
            left = [p.name for p in side.parent.iterdir() if p.name.endswith(".tmp")]
            if side.read_bytes() != before or left:
                bad += 1
                notes.append(f"{where} {errno.errorcode[code]}: file changed or temp left {left}")
            else:
                safe += 1
        if os.geteuid() != 0:
            os.chmod(d, 0o555)
            try:
                tried += 1
                try:
                    update_sidecar(paper, item="a:b", note="lost?")
                    bad += 1
                    notes.append("saved into a read-only folder?")
                except ReviewError:
                    st = read_state(paper)
                    ok = st and st["items"]["a:b"]["note"] == "kept"
                    safe += bool(ok)
                    bad += not ok
            finally:
                os.chmod(d, 0o755)
    return tried, safe, bad, notes


def category_pdfs() -> tuple[int, int, int, list[str]]:
    """Crafted PDFs: impossible page counts and a drawings bomb give typed errors quickly."""
    from jupyter_review.errors import ReviewError
    from jupyter_review.ingest import load_document

    tried = safe = bad = 0
    notes: list[str] = []
    with tempfile.TemporaryDirectory() as d:
        files = [page_count_pdf(Path(d) / f"count{i}.pdf", c) for i, c in
                 enumerate(["1000000000", "-5", "99999999999999999999", "1e9", "0"])]
        files.append(drawings_bomb(Path(d) / "bomb.pdf", segments=320_000))
        for f in files:
            tried += 1
            t = time.monotonic()
            try:
                load_document(f)
                safe += 1  # read (a one-page file whose tree over-claims)
            except ReviewError:
                safe += 1
            except Exception as e:
                bad += 1
                notes.append(f"{f.name}: {type(e).__name__}: {e}"[:120])
                continue
            if time.monotonic() - t > 30:
                safe -= 1
                bad += 1
                notes.append(f"{f.name}: {time.monotonic() - t:.0f} s")
    return tried, safe, bad, notes


def run_all(quick: bool = False) -> dict[str, tuple[int, int, int, list[str]]]:
    return {
        "crafted PDFs": category_pdfs(),
        "corrupt sidecars": category_corrupt_sidecars(),
        "FIFO/device/oversize": category_special_files(),
        "symlinked lock file": category_lock_symlink(),
        "kill -9 during save": category_kill_during_save(5 if quick else 40),
        "concurrent writers": category_concurrent_writers(4, 10 if quick else 50),
        "read-only / disk full": category_read_only_folder(),
    }


__all__ = ["corrupt_sidecars", "drawings_bomb", "fifo_sidecar", "page_count_pdf", "run_all", "small_paper"]
