"""A learned judgement: is a data statement about *this* paper's data, is a claim *this* paper's?

The data-statement and claim extractors find sentences by cue words. A cue word does not say
whose data or whose result a sentence is about: "Lake et al. propose the Omniglot benchmark"
in the introduction, "Ahmad and Afzal (2018) ... found GROBID to have an F1-score of 0.89",
an article's copyright notice ("licensed under a Creative Commons licence"), a model output
quoted in an appendix, a line of a proof or a table, a statement of background ("Envy affects
many social situations"). This module holds a small spaCy ``textcat_multilabel`` (bag of words
and word pairs, no vectors, CPU) with one label, ``own``, trained on extracted statements
labelled by hand (``tests/data/statement_labels``, one file per paper, with page and quote).

Its input is the sentence, marked with what kind of statement it is (data statement or claim),
the kind of section it stands in, whether it is in the main file or a supplement, and a few
traits of it and of the sentence before it (cites others, speaks of "we"/"our", mostly symbols).
The papers are split as for the relevance judgement (``tests/data/relevance/split.tsv``): the
cut for each kind of statement is chosen by cross-validation over the training papers only.

Statements judged not the paper's own are *kept*, flagged ``own=False``, so that a referee can
see them ("not this paper's"); the checklist topics and the claim cross-checks read only the
paper's own. The weights ship inside the package (``nlp/data/statement_judge``); nothing is
downloaded. Training is one command (``jupyter-review train-statements``, fixed seed).
"""

from __future__ import annotations

import functools
import json
import os
import random
import re
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

MODEL_DIR = Path(__file__).parent / "data" / "statement_judge"
OWN = "own"
KINDS = ("data", "claim")
SEED = 20261204
# the share of the paper's own statements (out of fold, training papers) a cut must keep: a
# statement set apart is still shown, but no longer counts for a topic or a cross-check. The cut
# is chosen on the out-of-fold predictions of OOF_DRAWS draws of the paper folds pooled (each draw
# shuffles the papers and seeds the training anew), not on one draw: on one draw the cut moved by
# up to 0.07 between draws, and a cut set to keep exactly 0.90 kept 0.878-0.908 of own data
# statements over draws, 0.894 on training papers left out of the whole choice (nested), and 0.846
# of the blind papers' own claims (session 16). 0.93 pooled keeps >= 0.915 in every draw
# (`benchmarks/statement_oof.py`)
KEEP_OWN = 0.93
OOF_DRAWS = 5

_TOKEN = re.compile(r"[A-Za-z]+|\d+|[^\w\s]")
_CITE = re.compile(r"\[\d+(?:[,\u2013-]\s*\d+)*\]|\bet al\b|\(\s*[A-Z][A-Za-z-]+(?: et al\.?| and [A-Z][a-z]+)?,? \d{4}[a-z]?\s*\)"
                   r"|\b[A-Z][a-z]+ (?:et al\.?|and [A-Z][a-z]+) \(\d{4}\)|[a-z]\d{2,3}(?:[,\u2013-]\d+)*\.?$")
_OWN = re.compile(r"\b(?:we|our|us|ours|this (?:paper|work|study|report))\b", re.IGNORECASE)
_URL = re.compile(r"https?://|www\.|github\.com|doi\.org|\b10\.\d{4,}/")
_OTHERS = re.compile(r"\b(?:previous|prior|existing|recent|earlier) (?:work|works|studies|study|research|methods?|approaches)\b"
                     r"|\b(?:they|their|these authors)\b", re.IGNORECASE)
_BOILER = re.compile(r"\u00a9|\bcopyright\b|all rights reserved|permission to make digital|creative commons|"
                     r"\bopen access\b|\bISBN\b", re.IGNORECASE)


# what a quantity or a noun phrase measures when it is no amount of data: a training or decoding
# setting, the model's make-up, the hardware, a speed ("a learning rate of 7.3e-6", "the global
# batch size is fixed at 32 million tokens", "2 shared experts and 64 routed experts", "Tesla T4
# GPU, 16GB of RAM", "a speedup of 6.5x")
_SETTING = re.compile(
    r"\b(?:learning rates?|batch(?:es| sizes?)?|epochs?|warm-?up|weight decay|dropout|optimi[sz]er|adamw?|sgd|"
    r"temperature|top-?[pk]|nucleus sampling|greedy decoding|beam (?:size|search|width)|"
    r"(?:context|sequence|input|output|generation|training|max(?:imum)?) lengths?|context windows?|"
    r"hidden (?:size|dimensions?|units?|states?)|attention heads?|heads|layers?|experts?|parameters|"
    r"(?:checkpoints?|steps?|iterations?) of training|gpus?|cpus?|tpus?|ram|vram|processors?|cores?|"
    r"a100|h100|h800|v100|nvidia|speed-?ups?|throughput|latency|flops|wall-?clock|"
    r"(?:hours|minutes|days) to (?:train|fine-?tune|run))\b", re.IGNORECASE)
# a general statement: present tense or a modal, nobody's work in particular ("Envy affects many
# social situations", "GNN-based methods require extensive external concepts")
_PRESENT = re.compile(r"\b(?:is|are|has|have|does|do|can|cannot|may|might|must|should|could|would|remains?|"
                      r"often|typically|usually|generally|commonly|widely|increasingly|frequently|"
                      r"plays|allows|requires?|provides?|enables?|offers|lacks|suffers|tends|depends|relies|involves|"
                      r"affects|makes|gets|gives|needs|becomes|exists|exhibits|leads)\b", re.IGNORECASE)
_PAST = re.compile(r"\b(?:was|were|had|did)\b|\b[a-z]{3,}ed\b(?! (?:to|by)\b)", re.IGNORECASE)
_NUMBER = re.compile(r"\d")
# a comparison or a ranking of measured qualities: what a finding says, where background says what
# a field needs or how it works ("achieving high forecasting accuracy remains an open question")
_FINDING = re.compile(r"\b(?:higher|lower|better|worse|stronger|weaker|faster|slower|smaller|larger|"
                      r"highest|lowest|best|worst|strongest|fastest|comparable|competitive|on par|"
                      r"outperform\w*|surpass\w*|superior|inferior)\b", re.IGNORECASE)


def _quantity_marks(text: str) -> list[str]:
    """What the sentence's counted quantities measure: data ("3 million documents") or only
    lengths, batches, budgets, rates and durations ("a context length of 128K tokens")."""
    from .sizes import counts_data

    qs = [(a, b) for c, _q, a, b in _size_cues().find(text, None) if c == "size"]
    if not qs:
        return []
    return ["sizedata"] if any(counts_data(text, a, b) for a, b in qs) else ["sizeother"]


@functools.lru_cache(maxsize=1)
def _claim_cues() -> Any:
    from .lexicon import claim_cues

    return claim_cues()


@functools.lru_cache(maxsize=1)
def _size_cues() -> Any:
    from .lexicon import data_cues

    return data_cues()[0]


def _marks(text: str, words: list[str]) -> list[str]:
    """Traits of a sentence as a whole: cites others, speaks of the authors' own work, names
    other work, is publisher boilerplate, carries a link, is mostly symbols or numbers, its length."""
    out = []
    if _CITE.search(text):
        out.append("cite")
    if _OWN.search(text):
        out.append("own")
    if _OTHERS.search(text):
        out.append("others")
    if _BOILER.search(text):
        out.append("boiler")
    if _URL.search(text):
        out.append("url")
    n = len(words) or 1
    alpha = sum(1 for w in words if w.isalpha() and len(w) > 2)
    if alpha < 0.5 * n:
        out.append("symbolic")
    if sum(1 for w in words if w.isdigit()) >= 3:
        out.append("numbers")
    out.append("short" if n < 10 else "long" if n > 45 else "mid")
    return out


def statement_words(kind: str, text: str, section_kind: str = "", role: str = "main", prev: str = "",
                    location: str = "", tags: Sequence[str] = (), next_text: str = "") -> list[str]:
    """The model's input for one statement (``kind`` is "data" or "claim"), as a list of tokens.

    One judgement serves both kinds: the sentence's words carry what is common to them (a
    citation, "we", a formula), the same words marked with the kind carry what is particular
    (a data statement about a method's "bias" is not about data at all).
    """
    sec = (section_kind or "other").replace("_", "")
    loc = location or "none"
    flat = " ".join(text.split())[:600]
    words = [w.lower() for w in _TOKEN.findall(flat)]
    pflat = " ".join(prev.split())[-250:]
    marks = _marks(flat, words)
    pmarks = [m for m in _marks(pflat, [w.lower() for w in _TOKEN.findall(pflat)]) if m in ("cite", "own", "others")]
    nflat = " ".join(next_text.split())[:250]
    nmarks = [m for m in _marks(nflat, [w.lower() for w in _TOKEN.findall(nflat)]) if m in ("cite", "own", "others")] if nflat else []
    ctx = [f"zzkind{kind}", f"zzsec{sec}", f"zz{kind}sec{sec}", f"zzrole{'supp' if role and role != 'main' else 'main'}",
           f"zzloc{loc}", f"zz{kind}loc{loc}"] + [f"zz{kind}tag{t.replace('_', '')}" for t in tags]
    if _data_nouns().search(flat):
        marks.append("datanoun")
    marks += _quantity_marks(flat)
    if kind == "data":
        # a data statement that reads as a result ("Qwen3-32B-Base significantly outperforms it
        # on all 15 benchmarks"): the claim extractor's cues for superiority and result verbs
        marks += [f"claimcue{c.replace('_', '')}" for c in sorted(_claim_cues().categories_in(flat, None))
                  if c in ("superiority", "result_verbs")]
    if _SETTING.search(flat):
        marks.append("setting")
    if not _PAST.search(flat) and _PRESENT.search(flat):
        marks.append("present")
    result = kind == "claim" and bool(_FINDING.search(flat))
    if "present" in marks and not ({"own", "cite", "url"} & set(marks)) and not result:
        marks.append("generic")
        if not _NUMBER.search(flat):
            marks.append("genericplain")
    elif "present" in marks and result and not ({"cite", "url"} & set(marks)):
        # a claim that compares or ranks, said in the present tense without "we" ("MoBA has
        # stronger expressive power than sliding window attention", "DPGrammar attains the highest
        # validity"), is how a paper states its own findings: no general statement of background
        marks.append("presentresult")
    # pairs of traits: "we use X (Author, 2024)" cites a source the paper uses, while a
    # citation without "we" reports another paper's work
    marks += [f"{a}{b}" for a, b in (("cite", "own"), ("cite", "datanoun"), ("own", "datanoun"), ("setting", "datanoun"),
                                     ("sizeother", "datanoun"), ("setting", "sizedata")) if a in marks and b in marks]
    if "generic" in marks:
        marks.append(f"genericsec{sec}")
    return (ctx + [f"zz{m}" for m in marks] + [f"zz{kind}{m}" for m in marks] + [f"zzprev{m}" for m in pmarks] + [f"zznext{m}" for m in nmarks]
            + words + ["|"] + [f"{kind}~{w}" for w in words])


@functools.lru_cache(maxsize=1)
def _data_nouns() -> re.Pattern[str]:
    from .lexicon import data_cues

    return data_cues()[2]


class StatementJudge:
    """The shipped judgement, loaded once; ``p_own`` takes token lists from :func:`statement_words`."""

    def __init__(self, path: Path = MODEL_DIR) -> None:
        import spacy

        self.path = Path(path)
        self.nlp = spacy.load(self.path)
        self.meta = json.loads((self.path / "jr_statement_judge.json").read_text(encoding="utf-8"))
        self.thresholds: dict[str, float] = {k: float(v) for k, v in self.meta["thresholds"].items()}

    def p_own(self, inputs: Iterable[list[str]]) -> list[float]:
        from spacy.tokens import Doc

        docs = (Doc(self.nlp.vocab, words=w) for w in inputs)
        return [d.cats.get(OWN, 0.0) for d in self.nlp.pipe(docs, batch_size=256)]


@functools.lru_cache(maxsize=2)
def load_judge(path: str | None = None) -> StatementJudge | None:
    """The shipped judgement, or None when the package holds none or it is switched off
    (``JUPYTER_REVIEW_STATEMENT_JUDGE=off``: every statement counts as the paper's own)."""
    env = os.environ.get("JUPYTER_REVIEW_STATEMENT_JUDGE", "")
    if env.lower() in ("off", "0", "no"):
        return None
    p = Path(path) if path else Path(env) if env else MODEL_DIR
    if not (p / "jr_statement_judge.json").exists():
        return None
    return StatementJudge(p)


# -- applying it to an analysis ----------------------------------------------------------------


def _context(doc: Any, item: Any) -> tuple[str, str, str, str]:
    """(section kind, role, previous sentence, next sentence) of an extracted statement, read from the document
    model as the label files record them."""
    i = getattr(item, "sentence", -1)
    sents = doc.sentences
    if not (0 <= i < len(sents)):
        return "", "main", "", ""
    s = sents[i]
    kind = ""
    if s.section is not None and 0 <= s.section < len(doc.sections):
        kind = doc.sections[s.section].kind
    role = doc.files[s.doc].role if 0 <= s.doc < len(doc.files) else "main"
    prev = sents[i - 1].text if i > 0 else ""
    nxt = sents[i + 1].text if i + 1 < len(sents) else ""
    return kind, role, prev, nxt


def judge_statements(doc: Any, claims: Sequence[Any], data_statements: Sequence[Any]) -> None:
    """Set ``own`` and ``p_own`` on every claim and data statement (in place). Without a shipped
    judgement every statement stays the paper's own."""
    judge = load_judge()
    if judge is None:
        return
    for kind, items in (("claim", claims), ("data", data_statements)):
        if not items:
            continue
        inputs = []
        for x in items:
            sec, role, prev, nxt = _context(doc, x)
            tags = x.aspects if kind == "data" else (x.kinds or [x.kind])
            inputs.append(statement_words(kind, x.text, sec, role, prev, getattr(x, "location", ""), tags, nxt))
        cut = judge.thresholds.get(kind, 0.0)
        for x, p in zip(items, judge.p_own(inputs)):
            x.p_own = round(float(p), 4)
            x.own = p >= cut


def own_only(items: Iterable[Any] | None) -> list[Any]:
    """The statements judged the paper's own (those without a judgement count as own)."""
    return [x for x in items or [] if getattr(x, "own", True) is not False]


# -- the labelled data and training ------------------------------------------------------------


def read_labels(labels_dir: Path, papers: Iterable[str] | None = None) -> list[dict[str, Any]]:
    """Every labelled statement (one dict per line), of the given papers or all of them."""
    want = set(papers) if papers is not None else None
    rows: list[dict[str, Any]] = []
    for f in sorted(labels_dir.glob("*.jsonl")):
        if want is not None and f.stem not in want:
            continue
        for line in f.read_text(encoding="utf-8").splitlines():
            if line.strip():
                r = json.loads(line)
                if r.get("label") in ("own", "other") and r.get("kind") in KINDS:
                    rows.append(r)
    return rows


def row_words(r: dict[str, Any]) -> list[str]:
    return statement_words(r["kind"], r["text"], r.get("section_kind", ""), r.get("role", "main"), r.get("prev", ""),
                           r.get("location", ""), r.get("tags", ()), r.get("next", ""))


def _build(length: int = 2**14) -> Any:
    import spacy

    nlp = spacy.blank("en")
    model = {"@architectures": "spacy.TextCatBOW.v3", "exclusive_classes": False, "ngram_size": 2,
             "no_output_layer": False, "length": length}
    tc = nlp.add_pipe("textcat_multilabel", config={"model": model, "threshold": 0.5})
    tc.add_label(OWN)
    return nlp


def fit(rows: list[dict[str, Any]], *, epochs: int = 12, seed: int = SEED) -> Any:
    """A trained pipeline on the labelled rows (deterministic for a seed)."""
    from spacy.tokens import Doc
    from spacy.training import Example
    from spacy.util import fix_random_seed, minibatch

    fix_random_seed(seed)
    nlp = _build()
    examples = [Example.from_dict(Doc(nlp.vocab, words=row_words(r)), {"cats": {OWN: 1.0 if r["label"] == "own" else 0.0}})
                for r in rows]
    optimizer = nlp.initialize(lambda: examples)
    rng = random.Random(seed)
    for _ in range(epochs):
        rng.shuffle(examples)
        for batch in minibatch(examples, size=8):
            nlp.update(batch, sgd=optimizer, drop=0.1)
    return nlp


def score_rows(nlp: Any, rows: list[dict[str, Any]]) -> list[float]:
    from spacy.tokens import Doc

    return [d.cats.get(OWN, 0.0) for d in nlp.pipe(Doc(nlp.vocab, words=row_words(r)) for r in rows)]


def cross_validate(rows: list[dict[str, Any]], *, folds: int = 4, seed: int = SEED, **kw: Any) -> list[tuple[dict[str, Any], float]]:
    """Out-of-fold (row, p_own) by paper folds of the training papers."""
    papers = sorted({r["paper"] for r in rows})
    random.Random(seed).shuffle(papers)
    out: list[tuple[dict[str, Any], float]] = []
    for k in range(folds):
        held = set(papers[k::folds])
        nlp = fit([r for r in rows if r["paper"] not in held], seed=seed, **kw)
        test = [r for r in rows if r["paper"] in held]
        out.extend(zip(test, score_rows(nlp, test)))
    return out


def choose_cut(scored: list[tuple[dict[str, Any], float]], keep: float = KEEP_OWN) -> float:
    """The highest cut on p_own that keeps ``keep`` of the paper's own statements: setting one of
    them apart costs the checklist a statement, keeping another paper's costs a wrong quote."""
    own = sorted((p for r, p in scored if r["label"] == "own"), reverse=True)
    if not own:
        return 0.0
    k = max(int(round(keep * len(own))) - 1, 0)
    return round(own[k] - 1e-4, 4)


def evaluate(scored: list[tuple[dict[str, Any], float]], cut: float) -> dict[str, float]:
    """Precision of the statements kept (own among kept) before and after the cut, the share of
    own statements kept, and the share of others' set apart."""
    n = len(scored)
    own = sum(1 for r, _ in scored if r["label"] == "own")
    kept = [(r, p) for r, p in scored if p >= cut]
    kept_own = sum(1 for r, _ in kept if r["label"] == "own")
    other = n - own
    return {
        "n": n,
        "precision_before": own / max(n, 1),
        "precision_after": kept_own / max(len(kept), 1),
        "own_kept": kept_own / max(own, 1),
        "other_set_apart": (other - (len(kept) - kept_own)) / max(other, 1),
    }


def _split(root: Path) -> dict[str, str]:
    from .relevance import read_split

    return read_split(root / "tests" / "data" / "relevance" / "split.tsv")


def train(root: Path, out: Path = MODEL_DIR, *, seed: int = SEED, epochs: int = 12, keep: float = KEEP_OWN,
          draws: int = OOF_DRAWS, log: Any = print) -> dict[str, Any]:
    """Train on the training papers' labels and write the judgement to ``out``.

    The cut for each kind is chosen on 4-fold cross-validation over the training papers, ``draws``
    draws of the folds pooled (never on the blind papers); the blind papers' figures are written beside the model for
    information only (nothing here tunes on them).
    """
    split = _split(root)
    rows = read_labels(root / "tests" / "data" / "statement_labels")
    train_rows = [r for r in rows if split.get(r["paper"]) == "train"]
    blind_rows = [r for r in rows if split.get(r["paper"]) == "blind"]
    if not train_rows:
        raise SystemExit("no labelled training rows under tests/data/statement_labels")
    log(f"training rows {len(train_rows)} from {len({r['paper'] for r in train_rows})} papers; "
        f"blind rows {len(blind_rows)} from {len({r['paper'] for r in blind_rows})} papers")
    draws_oof = [cross_validate(train_rows, seed=seed + i, epochs=epochs) for i in range(draws)]
    oof = [x for d in draws_oof for x in d]
    cuts = {k: choose_cut([(r, p) for r, p in oof if r["kind"] == k], keep) for k in KINDS}
    cv = {k: evaluate([(r, p) for r, p in oof if r["kind"] == k], cuts[k]) for k in KINDS}
    for k in KINDS:
        per = [evaluate([(r, p) for r, p in d if r["kind"] == k], cuts[k])["own_kept"] for d in draws_oof]
        cv[k]["n"] = cv[k]["n"] / draws
        cv[k]["own_kept_min"], cv[k]["own_kept_max"] = min(per), max(per)
        log(f"cross-validated (train papers, {draws} draws pooled), {k}: cut {cuts[k]:.3f} "
            + json.dumps({a: round(b, 3) for a, b in cv[k].items()}))
    nlp = fit(train_rows, seed=seed, epochs=epochs)
    blind: dict[str, dict[str, float]] = {}
    if blind_rows:
        ps = score_rows(nlp, blind_rows)
        for k in KINDS:
            blind[k] = evaluate([(r, p) for r, p in zip(blind_rows, ps) if r["kind"] == k], cuts[k])
            log(f"blind papers, {k}: " + json.dumps({a: round(b, 3) for a, b in blind[k].items()}))
    out.mkdir(parents=True, exist_ok=True)
    nlp.to_disk(out)
    meta = {
        "thresholds": cuts,
        "keep_own": keep,
        "oof_draws": draws,
        "seed": seed,
        "epochs": epochs,
        "train_papers": sorted({r["paper"] for r in train_rows}),
        "train_rows": len(train_rows),
        "cross_validated": {k: {a: round(b, 4) for a, b in v.items()} for k, v in cv.items()},
        "blind": {k: {a: round(b, 4) for a, b in v.items()} for k, v in blind.items()},
    }
    (out / "jr_statement_judge.json").write_text(json.dumps(meta, indent=1) + "\n", encoding="utf-8")
    load_judge.cache_clear()
    return meta
