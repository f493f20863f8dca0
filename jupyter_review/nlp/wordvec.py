"""Distributional word vectors learned from our own papers (no download): which words are used
alike, so that the relevance judgement can read a word the labels never saw through the words it
keeps company with.

Built by ``jupyter-review build-wordvec`` (deterministic): every word of the corpus and texbench
PDFs (text by pymupdf, lower-cased letters only), co-occurrence counts within a window of
:data:`WINDOW` words on either side, positive pointwise mutual information (context counts raised
to 0.75), reduced to :data:`DIM` dimensions by the eigenvectors of the context-side Gram matrix
(a truncated SVD, numpy only). The vectors ship as a small npz beside the relevance model; each
word's vector is scaled to unit length and stored as int8.
"""

from __future__ import annotations

import functools
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

VEC_PATH = Path(__file__).parent / "data" / "relevance" / "wordvec.npz"
DIM = 64  # dimensions kept
VOCAB = 12000  # target words (most frequent, at least MIN_COUNT times)
CONTEXTS = 3000  # context words (most frequent)
MIN_COUNT = 5
WINDOW = 5

_W = re.compile(r"[a-z]{2,}")


def pdf_words(path: Path) -> list[list[str]]:
    """The lower-cased words of each page's text blocks (a block is a paragraph or a line run)."""
    import pymupdf

    out: list[list[str]] = []
    with pymupdf.open(str(path)) as doc:
        for page in doc:
            for b in page.get_text("blocks", sort=True):
                if len(b) > 6 and b[6] != 0:
                    continue  # an image block
                ws = _W.findall(b[4].lower().replace("-\n", ""))
                if len(ws) >= 3:
                    out.append(ws)
    return out


def build(paths: Sequence[Path], dim: int = DIM, log: Any = print) -> dict[str, Any]:
    """Vectors of the papers' words (see the module's doc); returns {"words", "vectors"}."""
    runs: list[list[str]] = []
    for p in sorted(paths, key=lambda x: x.name):
        runs += pdf_words(p)
    return build_runs(runs, dim, log, n_pdfs=len(paths))


def build_runs(runs: list[list[str]], dim: int = DIM, log: Any = print, n_pdfs: int = 0) -> dict[str, Any]:
    """:func:`build` from the word runs already read."""
    import numpy as np

    freq = Counter(w for r in runs for w in r)
    ranked = sorted((w for w, c in freq.items() if c >= MIN_COUNT), key=lambda w: (-freq[w], w))
    vocab = ranked[:VOCAB]
    ctx = ranked[:CONTEXTS]
    vi = {w: i for i, w in enumerate(vocab)}
    ci = {w: i for i, w in enumerate(ctx)}
    log(f"{n_pdfs} PDFs, {sum(map(len, runs))} words, vocabulary {len(vocab)}, contexts {len(ctx)}")
    rows: list[int] = []
    cols: list[int] = []
    for r in runs:
        a = [vi.get(w, -1) for w in r]
        c = [ci.get(w, -1) for w in r]
        n = len(r)
        for i in range(n):
            if a[i] < 0:
                continue
            for j in range(max(0, i - WINDOW), min(n, i + WINDOW + 1)):
                if j != i and c[j] >= 0:
                    rows.append(a[i])
                    cols.append(c[j])
    m = np.zeros((len(vocab), len(ctx)), dtype=np.float64)
    np.add.at(m, (np.array(rows, dtype=np.int64), np.array(cols, dtype=np.int64)), 1.0)
    total = m.sum()
    pw = m.sum(1, keepdims=True) / total
    pc = m.sum(0, keepdims=True) ** 0.75
    pc = pc / pc.sum()
    with np.errstate(divide="ignore", invalid="ignore"):
        pmi = np.log((m / total) / (pw * pc))
    ppmi = np.where(np.isfinite(pmi) & (pmi > 0), pmi, 0.0)
    # truncated SVD by the Gram matrix of the (few) context columns: eigh is deterministic
    gram = ppmi.T @ ppmi
    vals, vecs = np.linalg.eigh(gram)
    order = np.argsort(vals)[::-1][:dim]
    v = vecs[:, order]
    v *= np.sign(v[np.argmax(np.abs(v), axis=0), np.arange(v.shape[1])])  # a fixed sign per axis
    s = np.sqrt(np.maximum(vals[order], 1e-12))
    u = (ppmi @ v) / s  # left singular vectors
    emb = u * np.sqrt(s)  # the usual weighting: singular values to the power 0.5
    emb /= np.maximum(np.linalg.norm(emb, axis=1, keepdims=True), 1e-12)
    return {"words": vocab, "vectors": emb}


def save(vec: dict[str, Any], out: Path = VEC_PATH) -> None:
    import numpy as np

    q = np.clip(np.round(vec["vectors"] * 127), -127, 127).astype(np.int8)
    np.savez_compressed(out, words=np.array("\n".join(vec["words"])), vectors=q)


# vectors in use instead of the shipped ones (benchmarks: vectors built without a fold's papers)
ACTIVE: tuple[dict[str, int], Any] | None = None


def use(vec: dict[str, Any] | None) -> None:
    """Use these vectors (as :func:`build` returns them, int8-rounded as saved) instead of the
    shipped ones; None: the shipped ones again."""
    global ACTIVE
    import numpy as np

    ACTIVE = None if vec is None else (
        {w: i for i, w in enumerate(vec["words"])},
        np.clip(np.round(vec["vectors"] * 127), -127, 127) / 127.0)
    clusters.cache_clear()


def load(path: str = str(VEC_PATH)) -> tuple[dict[str, int], Any] | None:
    """(word -> row, unit vectors) or None when no vectors ship."""
    return ACTIVE if ACTIVE is not None else _load(path)


@functools.lru_cache(maxsize=2)
def _load(path: str) -> tuple[dict[str, int], Any] | None:
    import numpy as np

    p = Path(path)
    if not p.exists():
        return None
    with np.load(p) as z:
        words = str(z["words"]).split("\n")
        v = z["vectors"].astype(np.float64) / 127.0
    return {w: i for i, w in enumerate(words)}, v


def mean_vector(words: Iterable[str], min_words: int = 1) -> Any:
    """The unit-length mean of the known words' vectors, or None when fewer than ``min_words``
    are known."""
    import numpy as np

    vv = load()
    if vv is None:
        return None
    index, v = vv
    ids = [index[w] for w in words if w in index]
    if not ids or len(ids) < min_words:
        return None
    m = v[ids].mean(0)
    n = np.linalg.norm(m)
    return m / n if n > 0 else None


@functools.lru_cache(maxsize=2)
def clusters(k: int = 256, path: str = str(VEC_PATH)) -> dict[str, int]:
    """word -> one of ``k`` clusters of the vectors (k-means, spherical, seeded by the most
    frequent words: deterministic)."""
    import numpy as np

    vv = load(path)
    if vv is None:
        return {}
    index, v = vv
    v = v / np.maximum(np.linalg.norm(v, axis=1, keepdims=True), 1e-12)
    # seeds: spread over the frequency ranks (every n-th word), not the k most frequent
    cen = v[np.linspace(0, len(v) - 1, k).astype(int)].copy()
    lab = np.zeros(len(v), dtype=int)
    for _ in range(25):
        lab = np.argmax(v @ cen.T, axis=1)
        for j in range(k):
            sel = v[lab == j]
            if len(sel):
                c = sel.sum(0)
                cen[j] = c / max(np.linalg.norm(c), 1e-12)
    words = sorted(index, key=index.get)
    return {w: int(lab[i]) for i, w in enumerate(words)}


def corpus_pdfs(shared: Path, split_file: Path, leave_out: Iterable[str] = ()) -> list[Path]:
    """The PDFs the vectors are learned from: every PDF of ``shared``/corpus and
    ``shared``/texbench/pdfs except the blind relevance papers' (``split_file``: the vectors must
    not have read a paper the judgement is measured on) and those of the papers in ``leave_out``."""
    skip: set[str] = set()
    leave = set(leave_out)
    for line in split_file.read_text(encoding="utf-8").splitlines()[1:]:
        parts = line.split("\t")
        if len(parts) >= 3 and (parts[2] == "blind" or parts[0] in leave):
            skip.update(f.strip() for f in parts[1].split(","))
    paths = sorted(shared.glob("corpus/*.pdf")) + sorted(shared.glob("texbench/pdfs/*.pdf"))
    return [p for p in paths if str(p.relative_to(shared)) not in skip]
