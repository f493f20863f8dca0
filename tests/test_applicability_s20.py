"""Issue 15, session 19 (wt26e; the verdict set is named s20): the texbench halves applicability reads, the
s20 verdict set, and two kinds from the misses of the held-out halves already read (s17's neurores, the
texbench file's mmpl-kdd), each asserted on the real paper and on generated pages as cases of the rule:

* a data subject's own rights ("every patient has the right to get access to their personal data",
  GDPR) say how the people the data are about reach their own records, not where readers can have the
  data: no availability statement, so a data-availability section's "Data are available upon request."
  decides the status (vague);
* a sentence that introduces the data sets a paper uses, with their use ("we first introduce 3 stock
  datasets (index) and how we use them", "the datasets we used"), is exposition, not a data set of the
  paper's own;
* text the public wrote, named by what it is and where from with no collecting verb ("700,000 queries from
  Google's autocomplete API", "questions from online forums"), is data about people (messirve: personal
  information asked, as the texbench gold has it);
* an LLM's data are the paper's to answer for only when it trains, releases or builds data for one: a
  paper that only evaluates others' LLMs on tasks with no people in them is not asked about personal
  information (sd2-acl: JSON schemas), unless its data are about people (personal_data).
"""

from __future__ import annotations

import csv
import hashlib
import json
import re
import unicodedata
from pathlib import Path

import pymupdf
import pytest

from tests.conftest import analysed, corpus_pdf, need_corpus, text_page

ROOT = Path(__file__).resolve().parents[1]


def texbench_pdf(name: str):
    return need_corpus("texbench").parent / "texbench" / "pdfs" / name


def _sha1_held(ids) -> set[str]:
    ordered = sorted(ids, key=lambda i: hashlib.sha1(i.encode("utf-8")).hexdigest())
    return set(ordered[1::2])


# --- which texbench halves applicability reads ------------------------------------------------------

def test_texbench_applicability_halves_are_the_gold_header_sha1_split():
    """applicability.py reads the texbench halves from its gold file's header, which is the sha1 rule the
    header states (fixed before any verdict or fix); the tables split (texbench_split.json) is another
    split and is not applicability's."""
    import benchmarks.applicability as ap

    _verdicts, held = ap.read_gold(ap.GOLD_TEXBENCH)
    ids = sorted(r["paper"] for r in csv.DictReader(
        [ln for ln in ap.GOLD_TEXBENCH.read_text(encoding="utf-8").splitlines() if ln.strip() and not ln.startswith("#")],
        delimiter="\t"))
    tables = json.loads((ROOT / "benchmarks" / "data" / "texbench_split.json").read_text(encoding="utf-8"))
    all_ids = set(tables["tune"]) | set(tables["blind"])
    assert len(all_ids) == 23 and set(ids) <= all_ids
    assert held == _sha1_held(all_ids)
    assert held != set(tables["blind"])  # the two splits differ: applicability never reads the tables one
    assert "json" not in Path(ap.__file__).read_text(encoding="utf-8").split("import", 1)[1].split("def ", 1)[0]


# --- the s20 verdict set ------------------------------------------------------------------------------

BLIND_TEXBENCH = {"citrees", "hardy-naacl2019", "java-lstm", "kdd2019-hall", "libertus", "mh-test-uai2017",
                  "semeval2025-task4", "yellowfin"}


def test_s20_verdict_set_reads_like_s19():
    import benchmarks.applicability as ap

    verdicts, held = ap.read_gold(ap.GOLD_S20)
    papers = {p for p, _ in verdicts}
    assert len(papers) == 7 and held == _sha1_held(papers)
    assert all(len([k for k in verdicts if k[0] == p]) == 12 for p in papers)  # every major topic
    assert {v["verdict"] for v in verdicts.values()} <= {"defensible", "wrong-applicability", "wrong-status", "minor"}
    profiles = ap.read_profiles(ap.GOLD_S20)
    assert set(profiles) == papers and all(len(v) >= 7 for v in profiles.values())
    assert set(ap.read_sources(ap.GOLD_S20)) == papers
    for older in (ap.GOLD_S17, ap.GOLD_S18, ap.GOLD_S19):
        assert not papers & {p for p, _ in ap.read_gold(older)[0]}
    split = (ROOT / "tests" / "data" / "relevance" / "split.tsv").read_text(encoding="utf-8").splitlines()
    blind = {ln.split("\t")[0] for ln in split[1:] if ln.split("\t")[2:3] == ["blind"]}
    assert not papers & (blind | BLIND_TEXBENCH)
    # agrees with the older files on every (paper, topic) they share
    for older in (ap.GOLD, ap.GOLD_TEXBENCH):
        for k, v in ap.read_gold(older)[0].items():
            if k in verdicts:
                assert verdicts[k]["verdict"] == v["verdict"], k


def _norm(t: str) -> str:
    t = unicodedata.normalize("NFKC", t).replace("\u2019", "'").replace("\u201c", '"').replace("\u201d", '"')
    return re.sub(r"[-\u00ad]\s+|\u00ad", "", " ".join(t.split()).lower())


def _s20_quoted():
    import benchmarks.applicability as ap

    verdicts, _ = ap.read_gold(ap.GOLD_S20)
    return [v for v in verdicts.values() if v["quote"]]


@pytest.mark.parametrize("row", _s20_quoted(), ids=lambda r: f"{r['paper']}:{r['topic']}")
def test_s20_quote_on_its_page(row):
    import benchmarks.applicability as ap

    src = ap.read_sources(ap.GOLD_S20)[row["paper"]]
    files = ([texbench_pdf(row["paper"] + ".pdf")] if src == "texbench"
             else [corpus_pdf(row["paper"] + ".pdf")] + [corpus_pdf(s) for s in {"dean-main": ["dean-supplement.pdf"]}.get(row["paper"], [])])
    page, q = int(row["page"]), _norm(row["quote"])[:70]
    found = False
    for f in files:
        with pymupdf.open(f) as doc:
            found = found or (page <= len(doc) and q in _norm(doc[page - 1].get_text()))
    assert found, (row["paper"], page, row["quote"])


# --- a data subject's own rights are no availability statement --------------------------------------

def test_neurores_patients_access_right_is_no_availability_statement():
    t = analysed(corpus_pdf("neurores-0022-4.pdf")).topics["data.availability"]
    assert t.status == "vague", t.reason
    assert t.evidence and t.evidence[0].text.startswith("Data are available upon request"), [e.text for e in t.evidence]
    assert not any("right to get access" in e.text for e in t.evidence)


_TRIAL = ["We report a cluster-randomised trial of stroke care in 12 hospitals.",
          "Patients were enrolled after written informed consent.",
          "The primary outcome was the modified Rankin scale at three months."]


@pytest.mark.parametrize("lines,status", [
    (["Data availability: Every patient has the right to get access to their personal data.",
      "Data are available upon request."], "vague"),
    (["Data availability: every patient has the right to get access to their personal data."], "missing"),
    (["Data availability: Every patient has the right to get access to their personal data.",
      "The anonymised data are available at https://osf.io/abcde/."], "disclosed"),
])
def test_data_subject_rights_are_not_availability(tmp_path, lines, status):
    t = analysed(text_page(tmp_path / "trial.pdf", "A stroke care trial", _TRIAL + lines)).topics["data.availability"]
    assert t.status == status, (lines, t.status, t.reason)
    assert not any("right to get access" in e.text for e in t.evidence), [e.text for e in t.evidence]


# --- introducing the data sets a paper uses is exposition ---------------------------------------------

def test_mmpl_introduced_stock_datasets_are_not_its_own():
    a = analysed(texbench_pdf("mmpl-kdd.pdf"))
    assert not a.profile["dataset"].value, a.profile["dataset"].reason
    assert a.topics["risk.misuse"].severity != "major" or a.topics["risk.misuse"].status in ("disclosed", "not_applicable")


_METHOD = ["We propose a recurrent network for forecasting index prices.",
           "The network is trained with Adam for 50 epochs.",
           "Results are averaged over five runs."]


@pytest.mark.parametrize("lines,own", [
    (["In this section, we first introduce 3 stock datasets (index) and how we use them to build the input.",
      "We describe the four benchmark datasets we used in the experiments."], False),
    (["We introduce IndexNews, a new dataset of 12,000 annotated index reports.",
      "We release the IndexNews corpus for future research.",
      "Our dataset is publicly available at https://example.org/data."], True),
    (["We introduce IndexNews, a new dataset of 12,000 annotated index reports.",
      "We release the IndexNews corpus for future research.",
      "We describe the four benchmark datasets we used in the experiments."], True),
])
def test_introducing_used_datasets_is_exposition(tmp_path, lines, own):
    a = analysed(text_page(tmp_path / "ds.pdf", "Index forecasting", _METHOD + lines))
    assert bool(a.profile["dataset"].value) == own, (lines, a.profile["dataset"].reason)


# --- what people wrote, named by what and where, is data about people ----------------------------------

def test_messirve_autocomplete_queries_are_data_about_people():
    a = analysed(texbench_pdf("messirve.pdf"))
    assert a.profile["personal_data"].value, a.profile["personal_data"].reason
    assert a.topics["data.personal_info"].status == "missing", a.topics["data.personal_info"].reason


_CORPUS = ["We build a retrieval benchmark for Spanish.",
           "Each query is paired with relevant passages from Wikipedia.",
           "We release the benchmark for research use."]


@pytest.mark.parametrize("line,people", [
    ("We introduce a dataset of 50,000 queries from Google's autocomplete API.", True),
    ("The corpus holds 20,000 medical questions from online forums such as HealthBoards.", True),
    ("We introduce a dataset of 50,000 questions from the SQuAD benchmark.", False),
    ("The corpus holds 20,000 questions from exam papers of the national board.", False),
])
def test_people_text_named_without_a_verb(tmp_path, line, people):
    a = analysed(text_page(tmp_path / "q.pdf", "A Spanish retrieval benchmark", _CORPUS + [line]))
    assert bool(a.profile["personal_data"].value) == people, (line, a.profile["personal_data"].reason)


# --- personal information of an LLM paper needs its own model or data ---------------------------------

def test_sd2_llm_evaluation_on_schemas_is_not_asked_personal_information():
    a = analysed(texbench_pdf("sd2-acl.pdf"))
    assert a.profile["llm"].value and not a.profile["model"].value and not a.profile["dataset"].value
    assert a.topics["data.personal_info"].status == "not_applicable", a.topics["data.personal_info"].reason


_EVAL = ["We evaluate large language models such as GPT-4 and Llama 3 on structured-output tasks.",
         "Each prompt asks the language model to fill a JSON schema.",
         "We report the share of valid outputs per model.",
         "We evaluate the large language models with zero-shot prompting.",
         "The LLMs are queried through their public APIs with a temperature of 0.",
         "In this paper, we benchmark how well LLMs follow JSON schemas."]


@pytest.mark.parametrize("extra,applies", [
    ([], False),
    (["We fine-tune Llama 3 with LoRA for 3 epochs with a learning rate of 2e-4.",
      "Our fine-tuned model is trained with AdamW on 20,000 schema examples."], True),
    (["The prompts contain electronic health records of patients from a hospital.",
      "The patient records include names and dates of birth.",
      "Personal data of the patients are removed before prompting."], True),
])
def test_llm_evaluation_personal_information_needs_own_model_or_people(tmp_path, extra, applies):
    a = analysed(text_page(tmp_path / "llm.pdf", "Large language models fill JSON schemas", _EVAL + extra))
    assert a.profile["llm"].value, a.profile["llm"].reason
    t = a.topics["data.personal_info"]
    assert (t.status != "not_applicable") == applies, (extra, t.status, t.reason, {k: v.value for k, v in a.profile.items()})
