"""Checklist data files: built-in frameworks, user checklists, and their errors."""

from __future__ import annotations

from pathlib import Path

import pytest

from jupyter_review import errors
from jupyter_review.checklist import combine_status, list_frameworks, load_framework_file, topics
from jupyter_review.checklist.loader import builtin_frameworks, resolve_frameworks

REQUIRED_TOPICS = """data.sources data.size data.collection data.curation data.synthetic data.human_labor
data.licensing data.personal_info data.bias data.contamination data.availability model.architecture
model.training model.hyperparameters model.ablations model.weights code.availability compute.resources
compute.energy eval.protocol eval.baselines eval.variance eval.post_release eval.human safety.static_eval
safety.adversarial_eval safety.mitigations risk.misuse risk.limitations risk.societal
accountability.responsibility accountability.intended_use accountability.ethics_review
accountability.conflicts accountability.funding accountability.feedback""".split()


def test_taxonomy_has_every_required_topic_with_a_detector():
    from jupyter_review.checklist.engine import detectors

    t = topics()
    dets = detectors()
    for tid in REQUIRED_TOPICS:
        assert tid in t, tid
        assert t[tid].description and t[tid].severity in ("major", "minor", "info")
        assert dets[tid].specific is not None or dets[tid].sections, tid


def test_builtin_frameworks_cover_their_subjects_and_cite_sources():
    fws = builtin_frameworks()
    assert list(fws)[:2] == ["data-disclosure", "ai-accountability"]
    assert {"data-disclosure", "ai-accountability", "datasheets", "model-cards", "ml-reproducibility"} <= set(fws)
    for fw in fws.values():
        assert fw.cites, fw.id
        assert all(i.source for i in fw.items), fw.id
    dd = {t for i in fws["data-disclosure"].items for t in i.topics}
    assert {"data.sources", "data.collection", "data.curation", "data.licensing", "data.bias",
            "data.personal_info", "data.contamination"} <= dd
    acc = {t for i in fws["ai-accountability"].items for t in i.topics}
    assert {"accountability.responsibility", "accountability.ethics_review", "risk.misuse",
            "safety.adversarial_eval", "safety.mitigations", "accountability.feedback"} <= acc
    repro = {t for i in fws["ml-reproducibility"].items for t in i.topics}
    assert {"code.availability", "model.weights", "model.hyperparameters", "compute.resources", "eval.variance",
            "model.ablations", "data.contamination", "data.licensing", "accountability.ethics_review"} <= repro


def test_every_topic_is_asked_by_some_framework():
    asked = {t for fw in builtin_frameworks().values() for i in fw.items for t in i.topics}
    missing = set(REQUIRED_TOPICS) - asked
    assert not missing


JOURNAL = """\
schema_version: 1
id: journal-x
title: Journal X data policy
cites: Journal X author guidelines (2026)
items:
  - id: data
    topic: data.availability
    question: Are the data deposited in a public repository?
  - id: coi
    topic: accountability.conflicts
    question: Is there a competing-interests statement?
"""


def test_user_checklist_is_listed_and_selectable(tmp_path):
    p = tmp_path / "journal.yaml"
    p.write_text(JOURNAL)
    ids = [f["id"] for f in list_frameworks(extra_files=[p])]
    assert "journal-x" in ids and "data-disclosure" in ids
    chosen = resolve_frameworks(["journal-x"], [p])
    assert [i.id for i in chosen[0].items] == ["data", "coi"]


@pytest.mark.parametrize(
    "text,line,words",
    [
        (JOURNAL.replace("    topic: data.availability\n", "    topic: data.availabilty\n"), 6, "unknown topic 'data.availabilty'"),
        (JOURNAL.replace("  - id: coi\n    topic: accountability.conflicts\n", "  - id: coi\n"), 9, "has no 'topic'"),
        (JOURNAL.replace("title: Journal X data policy\n", "title: [unclosed\n"), 4, "invalid YAML"),
        (JOURNAL.replace("  - id: coi", "  - id: data"), 9, "duplicate item id"),
        ("- just\n- a list\n", 1, "must be a mapping"),
    ],
)
def test_malformed_checklist_names_file_line_and_problem(tmp_path, text, line, words):
    p = tmp_path / "bad.yaml"
    p.write_text(text)
    with pytest.raises(errors.ChecklistError) as ei:
        load_framework_file(p)
    msg = str(ei.value)
    assert str(p) in msg and words in msg
    assert ei.value.line == line, msg


def test_bad_json_checklist_and_missing_file(tmp_path):
    p = tmp_path / "bad.json"
    p.write_text('{"id": "x",\n "title": "X",\n "items": [\n  {"id": "a", }\n ]}')
    with pytest.raises(errors.ChecklistError) as ei:
        load_framework_file(p)
    assert ei.value.line == 4 and "invalid JSON" in str(ei.value)
    with pytest.raises(errors.ChecklistError, match="file not found"):
        load_framework_file(tmp_path / "nope.yaml")
    with pytest.raises(errors.UnknownFrameworkError, match="available: "):
        resolve_frameworks(["no-such-framework"])


def test_cli_reports_a_bad_checklist_in_one_line(tmp_path):
    import subprocess
    import sys

    p = tmp_path / "bad.yaml"
    p.write_text(JOURNAL.replace("data.availability", "data.nope"))
    exe = Path(sys.executable).with_name("jupyter-review")
    r = subprocess.run([str(exe), "frameworks", "--checklist", str(p)], capture_output=True, text=True, timeout=60)
    assert r.returncode == 2
    assert "Traceback" not in r.stderr
    lines = [ln for ln in r.stderr.splitlines() if ln.strip()]
    assert len(lines) == 1 and "bad.yaml" in lines[0] and "line 6" in lines[0]


def test_combine_status_takes_the_weakest_applicable():
    assert combine_status(["disclosed", "vague"]) == "vague"
    assert combine_status(["not_applicable", "supplement_only"]) == "supplement_only"
    assert combine_status(["not_applicable"]) == "not_applicable"


def test_an_unbroken_run_of_characters_is_cut_for_matching_only(tmp_path) -> None:
    # a hostile text layer: lines of one 6,000-character "word" (some detector patterns are
    # quadratic on such a run: 1.2 s a line before the cut)
    import pymupdf

    import jupyter_review as jr
    from jupyter_review.checklist.engine import _Unit

    pdf = tmp_path / "run.pdf"
    doc = pymupdf.open()
    page = doc.new_page(width=14400, height=842)
    page.insert_text((72, 72), "Abstract", fontsize=12, fontname="hebo")
    page.insert_text((72, 100), "We train a neural network model on public data and evaluate it on three benchmarks.",
                     fontsize=10)
    for i in range(3):
        page.insert_text((72, 130 + 10 * i), "The data came from " + "A" * 6000 + " sources.", fontsize=2)
    doc.save(str(pdf))
    a = jr.analyze(pdf)
    longest = max(len(w) for s in a.document.sentences for w in s.text.split())
    assert longest == 6000  # the model keeps the text as printed
    u = _Unit(text="The data came from " + "A" * 6000 + " sources.", doc=0, page=1, bbox=(0, 0, 1, 1),
              section_kind="methods", section_title="", role="main")
    assert max(len(w) for w in u.match_text.split()) == 300
    assert u.text.endswith("A" * 6000 + " sources.")


@pytest.mark.parametrize(
    "topic, key, text",
    [
        # a keyword inside a longer word of another sense (each read in a corpus paper)
        ("data.licensing", "needs_context", "In this context, the model is retrained."),
        ("data.contamination", "needs_context", "The design constraints limit the search."),
        ("eval.variance", "needs_context", "Participants felt comfortable with genomic loci."),
        ("safety.static_eval", "mention", "The cytotoxicity of the immunotoxin was measured."),
        ("model.hyperparameters", "mention", "We use early stopping on the validation loss."),
        ("code.availability", "mention", "We encode each input text into a vector."),
        ("code.availability", "needs_context", "A comprehensive resource for transcripts."),
        ("eval.protocol", "mention", "The SpCas9-HF1 variant and bibliometrically enhanced graphs."),
        ("data.sources", "needs_context", "The procedure is updated to incorporate long contexts."),
        ("safety.adversarial_eval", "needs_context", "It is a non-pharmacological intervention."),
        ("data.contamination", "needs_context", "Labeling was overseen by the latest staff."),
        ("model.architecture", "mention", "We import the tracks with the rtracklayer package."),
        ("eval.variance", "needs_context", "We configure the pattern of outperformance."),
        ("eval.variance", "mention", "The Hyperparameter Invariance property holds for the covariance."),
        ("model.training", "specific", "The design is fundamentally constrained by the budget."),
    ],
)
def test_keywords_match_as_words_not_inside_other_words(topic, key, text):
    from jupyter_review.checklist.engine import compile_detectors

    pattern = getattr(compile_detectors()[topic], key)
    assert pattern is not None
    m = pattern.search(text, text.lower())
    assert m is None, (topic, key, m.group(0))
