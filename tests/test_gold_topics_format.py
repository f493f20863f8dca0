"""Validate the hand-annotated gold files in tests/data/gold/topics/ (development set) and
tests/data/gold/heldout/ (held-out set, annotated after the detectors were frozen) against the
taxonomy and against the real PDFs: every topic present, statuses valid, and every quote really
printed on the page it names (after whitespace/ligature/hyphenation normalisation)."""

from __future__ import annotations

import re
import unicodedata
from functools import cache, lru_cache
from pathlib import Path

import pymupdf
import pytest
import yaml

from tests.conftest import CORPUS, GOLD, ROOT, corpus_pdf, need_corpus

TOPICS_YAML = ROOT / "jupyter_review" / "checklist" / "data" / "topics.yaml"
GOLD_TOPICS = GOLD / "topics"
STATUSES = {"disclosed", "supplement_only", "vague", "missing", "not_applicable"}
NEEDS_EVIDENCE = {"disclosed", "supplement_only", "vague"}
DOMAINS = {"llm-report", "dataset", "ml-method", "clinical", "benchmark", "public-health", "user-study", "earth-science",
           "social-science"}
GOLD_FILES = sorted(GOLD_TOPICS.glob("*.yaml"))
GOLD_HELDOUT = GOLD / "heldout"
HELDOUT_FILES = sorted(GOLD_HELDOUT.glob("*.yaml"))
GOLD_FRESH = GOLD / "fresh"  # a second blind batch: scored once before any tuning, then development gold
GOLD_FRESH2 = GOLD / "fresh2"  # a third blind batch, scored after the second batch's tuning
GOLD_FRESH3 = GOLD / "fresh3"  # a fourth blind batch, scored after the third batch's tuning
GOLD_FRESH4 = GOLD / "fresh4"  # a fifth blind batch, scored after the fourth batch's tuning
GOLD_FRESH5 = GOLD / "fresh5"  # a sixth blind batch, scored after session 4's speed work
GOLD_FRESH6 = GOLD / "fresh6"  # a seventh blind batch, scored after the fifth batch's tuning
GOLD_FRESH7 = GOLD / "fresh7"  # an eighth blind batch (datasheets, a paper behind a cover page)
GOLD_FRESH8 = GOLD / "fresh8"  # texbench ML papers of the relevance training half, read without the tool (session 19)
GOLD_FRESH9 = GOLD / "fresh9"  # more texbench papers without status gold, read without the tool (session 20)
FRESH_DIRS = (
    GOLD_FRESH, GOLD_FRESH2, GOLD_FRESH3, GOLD_FRESH4, GOLD_FRESH5, GOLD_FRESH6, GOLD_FRESH7, GOLD_FRESH8, GOLD_FRESH9
)
FRESH_FILES = [f for d in FRESH_DIRS for f in sorted(d.glob("*.yaml"))]
GOLD_AGREEMENT = GOLD / "agreement"  # second, independent annotations of fresh papers (benchmarks/gold_agreement.py)
AGREEMENT_FILES = sorted(GOLD_AGREEMENT.glob("*.yaml"))
# status gold of the relevance split's blind texbench papers, read without the tool; never tuned on
GOLD_RELBLIND = GOLD / "relblind"
RELBLIND_FILES = sorted(GOLD_RELBLIND.glob("*.yaml"))
# status gold of new papers compiled from public LaTeX sources (session 23); their PDFs lie in
# ../shared/newpapers/pdfs, which only the builders' machine has, so the PDF checks skip without it
GOLD_NEWPAPERS23 = GOLD / "newpapers23"
NEWPAPERS23_FILES = sorted(GOLD_NEWPAPERS23.glob("*.yaml"))
NEWPAPERS_PDFS = CORPUS.parent / "newpapers" / "pdfs"
PROFILE_KEYS = {"trains_model", "model_kind", "releases_model", "releases_dataset",
                "human_participants", "personal_data", "registrable_study"}
ALL_GOLD_FILES = GOLD_FILES + HELDOUT_FILES + FRESH_FILES + AGREEMENT_FILES + RELBLIND_FILES + NEWPAPERS23_FILES


def _id(path: Path) -> str:
    folders = (GOLD_HELDOUT, GOLD_AGREEMENT, GOLD_RELBLIND, GOLD_NEWPAPERS23, *FRESH_DIRS)
    return f"{path.parent.name}/{path.stem}" if path.parent in folders else path.stem


def _norm(text: str) -> str:
    """Whitespace, ligatures (NFKC), curly quotes and line-break hyphenation do not count."""
    text = " ".join(unicodedata.normalize("NFKC", text).split()).lower()
    text = re.sub(r"[-\u00ad\u2010\u2011]\s*", "", text)
    return text.translate(str.maketrans({"\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"'}))


def _pdf(name: str) -> Path:
    """A gold file's PDF: a corpus paper, else a texbench paper (the relblind gold), else a new paper
    compiled from LaTeX (skipped, even under CI, where ../shared/newpapers/pdfs is absent)."""
    if not (CORPUS / name).exists() and not (CORPUS.parent / "texbench" / "pdfs" / name).exists():
        new = NEWPAPERS_PDFS / name
        if new.is_file():
            return new
        if not NEWPAPERS_PDFS.is_dir() and any(_load(p)["paper"] == name for p in NEWPAPERS23_FILES):
            pytest.skip(f"{name} is a new paper; its PDF folder {NEWPAPERS_PDFS} is absent here")
    tex = need_corpus("a texbench paper").parent / "texbench" / "pdfs" / name
    return tex if tex.is_file() and not (need_corpus(name) / name).exists() else corpus_pdf(name)


@cache
def _page_texts(name: str) -> tuple[str, ...]:
    with pymupdf.open(_pdf(name)) as doc:
        return tuple(_norm(page.get_text()) for page in doc)


@lru_cache(maxsize=1)
def _topic_ids() -> frozenset[str]:
    data = yaml.safe_load(TOPICS_YAML.read_text(encoding="utf-8"))
    return frozenset(data["topics"])


def _load(path: Path) -> dict:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def test_enough_gold_papers() -> None:
    assert len(GOLD_FILES) >= 6, [p.name for p in GOLD_FILES]
    assert (GOLD_TOPICS / "README.md").is_file()


@pytest.mark.parametrize("path", ALL_GOLD_FILES, ids=_id)
def test_gold_header(path: Path) -> None:
    gold = _load(path)
    assert gold["paper"] == path.stem + ".pdf"
    assert _pdf(gold["paper"]).is_file(), gold["paper"]
    for sup in gold.get("supplements") or []:
        assert _pdf(sup).is_file(), sup
    assert gold["domain"] in DOMAINS
    assert isinstance(gold.get("annotator_notes"), str) and gold["annotator_notes"].strip()


@pytest.mark.parametrize("path", ALL_GOLD_FILES, ids=_id)
def test_gold_topics_complete_and_valid(path: Path) -> None:
    gold = _load(path)
    topics = gold["topics"]
    assert set(topics) == set(_topic_ids()), {
        "missing": sorted(_topic_ids() - set(topics)),
        "unknown": sorted(set(topics) - _topic_ids()),
    }
    files = {gold["paper"], *(gold.get("supplements") or [])}
    for tid, item in topics.items():
        status = item["status"]
        assert status in STATUSES, (tid, status)
        assert isinstance(item.get("why"), str) and item["why"].strip(), tid
        if status in NEEDS_EVIDENCE:
            assert item.get("quote"), f"{tid}: {status} needs a quote"
            assert item.get("pages"), f"{tid}: {status} needs pages"
        if item.get("quote"):
            assert len(item["quote"]) <= 200, tid
            assert item.get("file") in files, (tid, item.get("file"))
            pages = item["pages"]
            assert all(isinstance(p, int) and p >= 1 for p in pages), (tid, pages)
        if status == "supplement_only":
            # the evidence must come from a supplement file (or an appendix flagged as such)
            assert item["file"] != gold["paper"] or item.get("appendix_only"), tid


@pytest.mark.parametrize("path", ALL_GOLD_FILES, ids=_id)
def test_gold_quotes_occur_on_named_pages(path: Path) -> None:
    gold = _load(path)
    bad = []
    for tid, item in gold["topics"].items():
        quote = item.get("quote")
        if not quote:
            continue
        texts = _page_texts(item["file"])
        pages = item["pages"]
        if any(p > len(texts) for p in pages):
            bad.append((tid, "page out of range", pages))
            continue
        if not any(_norm(quote) in texts[p - 1] for p in pages):
            bad.append((tid, item["file"], pages, quote[:80]))
    assert not bad, bad


def test_gold_has_both_gaps_and_disclosures() -> None:
    """The gold set must exercise gap detection in both directions."""
    counts = {s: 0 for s in STATUSES}
    for path in GOLD_FILES:
        for item in _load(path)["topics"].values():
            counts[item["status"]] += 1
    assert counts["disclosed"] > 0 and counts["missing"] > 0 and counts["vague"] > 0, counts
    assert counts["supplement_only"] > 0, counts


@pytest.mark.parametrize("folder", [GOLD_TOPICS, GOLD_HELDOUT, *FRESH_DIRS, GOLD_RELBLIND, GOLD_NEWPAPERS23],
                         ids=lambda p: p.name)
def test_readme_table_matches_gold_files(folder: Path) -> None:
    """The per-paper status counts in each folder's README (or READMEs: README.<builder>.md where several
    builders share a folder) are the counts of its files."""
    files = sorted(folder.glob("*.yaml"))
    rows = {}
    readmes = sorted(folder.glob("README*.md"))
    assert readmes, folder
    lines = [ln for r in readmes for ln in r.read_text(encoding="utf-8").splitlines()]
    for line in lines:
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        # (id, ..., the five counts last: some builders' tables carry split and pages columns too)
        if len(cells) >= 8 and (folder / f"{cells[0]}.yaml").is_file() and all(c.isdigit() for c in cells[-5:]):
            rows[cells[0]] = [int(c) for c in cells[-5:]]
    assert set(rows) == {p.stem for p in files}
    order = ["disclosed", "supplement_only", "vague", "missing", "not_applicable"]
    for path in files:
        statuses = [item["status"] for item in _load(path)["topics"].values()]
        assert rows[path.stem] == [statuses.count(s) for s in order], path.stem


@pytest.mark.parametrize("path", NEWPAPERS23_FILES, ids=_id)
def test_new_paper_gold_has_profile(path: Path) -> None:
    """New-paper gold states the referee's facts (profile) with evidence: a page and a quote, or a why."""
    gold = _load(path)
    assert gold["source"] == "newpapers"
    profile = gold["profile"]
    assert set(profile) == PROFILE_KEYS, sorted(set(profile) ^ PROFILE_KEYS)
    for key, item in profile.items():
        assert "value" in item, key
        assert str(item["value"]).lower() in {"yes", "no", "true", "false", "llm", "other", "none", "unclear"}, (key, item)
        pages = item.get("pages") or ([item["page"]] if item.get("page") else [])
        assert pages or (isinstance(item.get("why"), str) and item["why"].strip()), key
        if item.get("quote"):
            assert pages and len(item["quote"]) <= 200, key
            texts = _page_texts(gold["paper"])
            assert any(_norm(item["quote"]) in texts[p - 1] for p in pages), (key, pages)


def test_heldout_set_present_and_disjoint() -> None:
    """The held-out papers exist, are documented, and none of them is also development gold."""
    assert len(HELDOUT_FILES) >= 3, [p.name for p in HELDOUT_FILES]
    assert (GOLD_HELDOUT / "README.md").is_file()
    dev_papers = {_load(p)["paper"] for p in GOLD_FILES}
    heldout_papers = {_load(p)["paper"] for p in HELDOUT_FILES}
    assert not dev_papers & heldout_papers, sorted(dev_papers & heldout_papers)
    statuses = {item["status"] for p in HELDOUT_FILES for item in _load(p)["topics"].values()}
    assert {"disclosed", "vague", "missing", "not_applicable"} <= statuses, statuses
