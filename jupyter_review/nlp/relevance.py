"""A learned judgement: is a candidate sentence really about a disclosure topic?

The checklist's lexicons and section priors *retrieve* candidate evidence; they cannot tell a
keyword in its topic's sense from the same word in another sense ("software architecture", the
"statistics of the datasets", a "static PDF", other papers' limitations in the introduction).
This module holds a small spaCy ``textcat_multilabel`` (bag of words and word pairs, no vectors,
CPU) trained on candidate sentences labelled by hand (``tests/data/relevance/labels``). For each
topic it has two labels:

- ``<topic>``: the sentence is a statement about the topic, of this paper's own work;
- ``<topic>#specific``: it also gives what the topic needs (a named source, a licence, a URL).

The input is the sentence with a few context words put in front of it: the kind of section it
stands in, whether it is in the main file or a supplement, and whether it is a caption. The
trained weights ship inside the package (``nlp/data/relevance``); nothing is downloaded. Training
is one command (``jupyter-review train-relevance``, fixed seed), see :func:`train`.
"""

from __future__ import annotations

import functools
import json
import os
import random
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

MODEL_DIR = Path(__file__).parent / "data" / "relevance"
ON, SPECIFIC = "on_topic", "specific"
SEED = 20261203


_TOKEN = re.compile(r"[A-Za-z]+|\d+|[^\w\s]")


def relevance_words(topic: str, text: str, section_kind: str = "", role: str = "main",
                    kind: str = "sentence", why: str = "") -> list[str]:
    """The model's input for one (topic, sentence) pair, as a list of tokens.

    One binary judgement serves all topics: the sentence's words carry what is general to all of
    them (a citation, a formula, another paper's work, "we release"), and the same words marked
    with the topic carry what is particular to one (an "architecture" of software, not of a
    model). Context tokens say where the sentence stands and how the lexicons found it.
    """
    tp = topic.replace(".", "").replace("_", "")
    sec = (section_kind or "other").replace("_", "")
    ctx = [f"zzsec{sec}", f"zzrole{'supp' if role and role != 'main' else 'main'}", f"zzkind{kind or 'sentence'}",
           f"zzwhy{why or 'none'}", f"zztopic{tp}", f"zz{tp}sec{sec}", f"zz{tp}why{why or 'none'}"]
    flat = " ".join(text.split())[:600]
    words = [w.lower() for w in _TOKEN.findall(flat)]
    marks = _marks(flat, words)
    return ctx + marks + [f"zz{tp}{m[2:]}" for m in marks] + words + ["|"] + [f"{tp}~{w}" for w in words]


_CITE = re.compile(r"\[\d+(?:[,\u2013-]\s*\d+)*\]|\bet al\b|\(\s*[A-Z][A-Za-z-]+(?: et al\.?| and [A-Z][a-z]+)?,? \d{4}[a-z]?\s*\)")
_URL = re.compile(r"https?://|www\.|github\.com|doi\.org|\b10\.\d{4,}/")
_OWN = re.compile(r"\b(?:we|our|us|ours)\b", re.IGNORECASE)


def _marks(text: str, words: list[str]) -> list[str]:
    """Traits of the sentence as a whole, general to every topic: cites others, speaks of the
    authors' own work, carries a link, is mostly symbols or numbers, is short or long."""
    out = []
    if _CITE.search(text):
        out.append("zzcite")
    if _OWN.search(text):
        out.append("zzown")
    if _URL.search(text):
        out.append("zzurl")
    n = len(words) or 1
    alpha = sum(1 for w in words if w.isalpha() and len(w) > 2)
    digits = sum(1 for w in words if w.isdigit())
    if alpha < 0.5 * n:
        out.append("zzsymbolic")
    if digits >= 3:
        out.append("zznumbers")
    out.append("zzshort" if n < 10 else "zzlong" if n > 45 else "zzmid")
    return out


@dataclass(frozen=True)
class Judgement:
    on_topic: float  # probability that the sentence is about the topic
    specific: float  # probability that it gives what the topic needs


class RelevanceModel:
    """The shipped judgement, loaded once. ``score`` takes token lists from :func:`relevance_words`."""

    def __init__(self, path: Path = MODEL_DIR) -> None:
        import spacy

        self.path = Path(path)
        self.nlp = spacy.load(self.path)
        meta = json.loads((self.path / "jr_relevance.json").read_text(encoding="utf-8"))
        self.threshold: float = float(meta["threshold"])
        # the lower cut for a status: a sentence this likely on topic still counts for the
        # status (a referee would not call the topic "missing"), but ranks after the sure ones
        self.threshold_status: float = float(meta.get("threshold_status", self.threshold))
        self.meta = meta
        self.topics: set[str] = set(meta.get("topics", []))

    def knows(self, topic: str) -> bool:
        return not self.topics or topic in self.topics

    def threshold_for(self, topic: str) -> float:
        return self.threshold

    def score(self, inputs: Iterable[list[str]]) -> list[Judgement]:
        from spacy.tokens import Doc

        docs = (Doc(self.nlp.vocab, words=w) for w in inputs)
        return [Judgement(d.cats.get(ON, 0.0), d.cats.get(SPECIFIC, 0.0)) for d in self.nlp.pipe(docs, batch_size=256)]


@functools.lru_cache(maxsize=2)
def load_model(path: str | None = None) -> RelevanceModel | None:
    """The shipped model, or None when the package holds none (then the lexicons decide alone)."""
    env = os.environ.get("JUPYTER_REVIEW_RELEVANCE", "")
    if env.lower() in ("off", "0", "no"):
        return None  # switched off (to compare with the lexicons alone)
    p = Path(path) if path else Path(env) if env else MODEL_DIR  # env: another trained model's folder
    if not (p / "jr_relevance.json").exists():
        return None
    return RelevanceModel(p)


# -- the labelled data and training ------------------------------------------------------------


def read_split(path: Path) -> dict[str, str]:
    """paper -> "train" | "blind" from split.tsv."""
    out: dict[str, str] = {}
    for line in path.read_text(encoding="utf-8").splitlines()[1:]:
        if line.strip():
            parts = line.split("\t")
            out[parts[0]] = parts[2]
    return out


def read_labels(labels_dir: Path, papers: Iterable[str] | None = None) -> list[dict[str, Any]]:
    """Every labelled candidate (one dict per line), of the given papers or all of them."""
    want = set(papers) if papers is not None else None
    rows: list[dict[str, Any]] = []
    for f in sorted(labels_dir.glob("*.jsonl")):
        if want is not None and f.stem not in want:
            continue
        for line in f.read_text(encoding="utf-8").splitlines():
            if line.strip():
                r = json.loads(line)
                if r.get("label") in ("specific", "vague", "off"):
                    rows.append(r)
    return rows


def _row_words(r: dict[str, Any]) -> list[str]:
    return relevance_words(r["topic"], r["text"], r.get("section_kind", ""), r.get("role", "main"),
                           r.get("kind", "sentence"), r.get("why", ""))


def _examples(nlp: Any, rows: list[dict[str, Any]]) -> list[Any]:
    """One example per labelled (topic, sentence); "specific" is known only for on-topic ones (it
    is left missing for the others, which ``textcat_multilabel`` leaves out of the loss)."""
    from spacy.tokens import Doc
    from spacy.training import Example

    out = []
    for r in rows:
        on = r["label"] != "off"
        cats = {ON: 1.0 if on else 0.0}
        if on:
            cats[SPECIFIC] = 1.0 if r["label"] == "specific" else 0.0
        out.append(Example.from_dict(Doc(nlp.vocab, words=_row_words(r)), {"cats": cats}))
    return out


def build_nlp(labels: Sequence[str], length: int = 2**14, arch: str = "bow") -> Any:
    import spacy

    nlp = spacy.blank("en")
    bow = {
        "@architectures": "spacy.TextCatBOW.v3",
        "exclusive_classes": False,
        "ngram_size": 2,
        "no_output_layer": False,
        "length": length,
    }
    if arch == "ensemble":
        model = {
            "@architectures": "spacy.TextCatEnsemble.v2",
            "nO": None,
            "linear_model": bow,
            "tok2vec": {
                "@architectures": "spacy.Tok2Vec.v2",
                "embed": {"@architectures": "spacy.MultiHashEmbed.v2", "width": 64, "rows": [2000, 1000, 1000, 1000],
                          "attrs": ["NORM", "PREFIX", "SUFFIX", "SHAPE"], "include_static_vectors": False},
                "encode": {"@architectures": "spacy.MaxoutWindowEncoder.v2", "width": 64, "window_size": 1,
                           "maxout_pieces": 3, "depth": 2},
            },
        }
    else:
        model = bow
    tc = nlp.add_pipe("textcat_multilabel", config={"model": model, "threshold": 0.5})
    for lab in labels:
        tc.add_label(lab)
    return nlp


def fit(rows: list[dict[str, Any]], topics: Sequence[str], *, epochs: int = 12, seed: int = SEED,
        length: int = 2**14, arch: str = "bow") -> Any:
    """A trained pipeline on the labelled rows (deterministic for a seed)."""
    from spacy.util import fix_random_seed, minibatch

    fix_random_seed(seed)
    nlp = build_nlp([ON, SPECIFIC], length, arch)
    examples = _examples(nlp, rows)
    optimizer = nlp.initialize(lambda: examples)
    rng = random.Random(seed)
    for _ in range(epochs):
        rng.shuffle(examples)
        losses: dict[str, float] = {}
        for batch in minibatch(examples, size=16):
            nlp.update(batch, sgd=optimizer, drop=0.1, losses=losses)
    return nlp


def _score(nlp: Any, rows: list[dict[str, Any]]) -> list[Judgement]:
    from spacy.tokens import Doc

    docs = nlp.pipe(Doc(nlp.vocab, words=_row_words(r)) for r in rows)
    return [Judgement(d.cats.get(ON, 0.0), d.cats.get(SPECIFIC, 0.0)) for d in docs]


def _papers_of(rows: list[dict[str, Any]]) -> list[str]:
    return sorted({r["paper"] for r in rows})


def cross_validate(rows: list[dict[str, Any]], topics: Sequence[str], *, folds: int = 4, seed: int = SEED,
                   **kw: Any) -> list[tuple[dict[str, Any], float, float]]:
    """Out-of-fold (row, p_on, p_specific) by paper folds of the training papers."""
    papers = _papers_of(rows)
    rng = random.Random(seed)
    rng.shuffle(papers)
    out: list[tuple[dict[str, Any], float, float]] = []
    for k in range(folds):
        held = set(papers[k::folds])
        nlp = fit([r for r in rows if r["paper"] not in held], topics, seed=seed, **kw)
        test = [r for r in rows if r["paper"] in held]
        for r, j in zip(test, _score(nlp, test)):
            out.append((r, j.on_topic, j.specific))
    return out


def choose_threshold(scored: list[tuple[dict[str, Any], float, float]], beta: float = 0.5) -> float:
    """The cut on p_on with the best F-beta for "on topic" (beta < 1 weighs precision more: a
    quote shown as proof must be on topic; a missed sentence costs less)."""
    best, best_t = -1.0, 0.5
    for i in range(5, 96):
        t = i / 100
        tp = sum(1 for r, p, _ in scored if p >= t and r["label"] != "off")
        fp = sum(1 for r, p, _ in scored if p >= t and r["label"] == "off")
        fn = sum(1 for r, p, _ in scored if p < t and r["label"] != "off")
        if tp == 0:
            continue
        prec, rec = tp / (tp + fp), tp / (tp + fn)
        f = (1 + beta**2) * prec * rec / (beta**2 * prec + rec)
        if f > best:
            best, best_t = f, t
    return best_t


# the share of on-topic candidates (out of fold) that must stay countable for a status
STATUS_RECALL = 0.85


def choose_status_threshold(scored: list[tuple[dict[str, Any], float, float]], shown: float,
                            recall: float = STATUS_RECALL) -> float:
    """The highest cut (at most ``shown``) that keeps ``recall`` of the on-topic candidates.

    The display cut favours precision (a quote shown first must be on topic); a status needs
    recall too, or a topic the paper does address turns "missing" on one doubtful sentence.
    """
    on = sorted((p for r, p, _ in scored if r["label"] != "off"), reverse=True)
    if not on:
        return shown
    k = max(int(round(recall * len(on))) - 1, 0)
    return round(min(shown, on[k]), 3)


def evaluate(scored: list[tuple[dict[str, Any], float, float]], threshold: float) -> dict[str, float]:
    """Precision / recall of "on topic" at the threshold, and of "specific" among the on-topic."""
    tp = sum(1 for r, p, _ in scored if p >= threshold and r["label"] != "off")
    fp = sum(1 for r, p, _ in scored if p >= threshold and r["label"] == "off")
    fn = sum(1 for r, p, _ in scored if p < threshold and r["label"] != "off")
    on = [(r, s) for r, _, s in scored if r["label"] != "off"]
    spec_ok = sum(1 for r, s in on if (s >= 0.5) == (r["label"] == "specific"))
    return {
        "n": len(scored),
        "on_precision": tp / max(tp + fp, 1),
        "on_recall": tp / max(tp + fn, 1),
        "specific_accuracy": spec_ok / max(len(on), 1),
        "base_rate_on": sum(1 for r, _, _ in scored if r["label"] != "off") / max(len(scored), 1),
    }


def train(root: Path, out: Path = MODEL_DIR, *, seed: int = SEED, epochs: int = 12,
          log: Any = print) -> dict[str, Any]:
    """Train on the training half of the labelled papers and write the model to ``out``.

    The threshold is chosen by 4-fold cross-validation over the training papers (never on the
    blind papers); the figures written beside the model are those out-of-fold figures and, for
    information, the blind half's (which nothing here tunes on).
    """
    import yaml

    rel = root / "tests" / "data" / "relevance"
    split = read_split(rel / "split.tsv")
    topics_file = Path(__file__).resolve().parents[1] / "checklist" / "data" / "topics.yaml"
    topics = list(yaml.safe_load(topics_file.read_text(encoding="utf-8"))["topics"])
    rows = read_labels(rel / "labels")
    train_rows = [r for r in rows if split.get(r["paper"]) == "train"]
    blind_rows = [r for r in rows if split.get(r["paper"]) == "blind"]
    if not train_rows:
        raise SystemExit("no labelled training rows under tests/data/relevance/labels")
    log(f"training rows {len(train_rows)} from {len(_papers_of(train_rows))} papers; "
        f"blind rows {len(blind_rows)} from {len(_papers_of(blind_rows))} papers")
    oof = cross_validate(train_rows, topics, seed=seed, epochs=epochs)
    threshold = choose_threshold(oof)
    threshold_status = choose_status_threshold(oof, threshold)
    cv = evaluate(oof, threshold)
    cv_status = evaluate(oof, threshold_status)
    log(f"cross-validated (train papers): threshold {threshold:.2f} " + json.dumps({k: round(v, 3) for k, v in cv.items()}))
    log(f"  status threshold {threshold_status:.3f} " + json.dumps({k: round(v, 3) for k, v in cv_status.items()}))
    nlp = fit(train_rows, topics, seed=seed, epochs=epochs)
    blind = {}
    if blind_rows:
        scored = [(r, j.on_topic, j.specific) for r, j in zip(blind_rows, _score(nlp, blind_rows))]
        blind = evaluate(scored, threshold)
        blind_status = evaluate(scored, threshold_status)
        log("blind papers: " + json.dumps({k: round(v, 3) for k, v in blind.items()}))
        log("  at the status threshold: " + json.dumps({k: round(v, 3) for k, v in blind_status.items()}))
    out.mkdir(parents=True, exist_ok=True)
    nlp.to_disk(out)
    meta = {
        "threshold": threshold,
        "threshold_status": threshold_status,
        "status_recall": STATUS_RECALL,
        # the topics it has labelled examples of: the others (a topic added later) are left to
        # the lexicons alone rather than judged on no data
        "topics": sorted({r["topic"] for r in train_rows}),
        "seed": seed,
        "epochs": epochs,
        "train_papers": _papers_of(train_rows),
        "train_rows": len(train_rows),
        "cross_validated": {k: round(v, 4) for k, v in cv.items()},
        "cross_validated_status": {k: round(v, 4) for k, v in cv_status.items()},
        "blind": {k: round(v, 4) for k, v in blind.items()},
    }
    (out / "jr_relevance.json").write_text(json.dumps(meta, indent=1) + "\n", encoding="utf-8")
    load_model.cache_clear()
    return meta
