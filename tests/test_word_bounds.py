"""A topic's keyword found inside another word is no mention of the topic.

An audit of every lexicon match that starts or ends inside a word, over 63 corpus and texbench
papers: most are stems meant so ("benchmark" in "benchmarking"), but some are other words -
"arena" in the Costa Rican town of Puntarenas (messirve's example queries made its post-release
evaluation vague), "prompt" in "promptly" (71 sentences), "BLEU" in "Les Bleus", and the Greek
letters that mark authors' affiliations ("Li Lucyβ", 87 sentences) read as a hyperparameter β.
The sentences below are real ones from those papers; each is checked against the topic's own
lexicon and, for messirve, through the whole analysis. And a count of GPUs named with their maker
and model between ("2 NVIDIA A30 GPUs") is the amount of compute, as "8 A100 GPUs" was."""

from __future__ import annotations

import pytest

from jupyter_review.checklist.engine import detectors
from tests.conftest import analysed, need_corpus


def _finds(tid: str, kind: str, text: str) -> bool:
    det = detectors()[tid]
    pat = getattr(det, kind)
    if kind == "mention" and any(c.finds(text, text.lower()) for c in det.cued):
        return True  # an ambiguous wording beside its topic cue (detectors.yaml `cued`) mentions the topic too
    return bool(getattr(pat, "rx", pat).search(text))


@pytest.mark.parametrize("tid, text, found", [
    ("eval.post_release", "La ciudad de Puntarenas, como capital de la provincia, cuenta con diversos lugares"
                          " históricos de interés turístico", False),
    ("eval.post_release", "We also report results on Chatbot Arena, where users compare two anonymous models.", True),
    ("eval.post_release", "The arena ranks models by pairwise human votes.", True),
    ("eval.protocol", "The dataset is kept up-to-date and any issues are promptly addressed.", False),
    ("eval.protocol", "Each prompt is shown with three in-context examples.", True),
    ("eval.protocol", "The players are grouped by their color, e.g. 'Les Bleus' for the France team.", False),
    ("eval.protocol", "Summaries are scored with BLEU against the references.", True),
    ("model.hyperparameters", "Khyathi Chanduα Li Lucyβ Xinxi Lyuα Ian Magnussonα", False),
    ("model.hyperparameters", "We set β to 0.04 in all runs.", True),
])
def test_keyword_inside_another_word(tid, text, found):
    assert _finds(tid, "mention", text) is found


@pytest.mark.parametrize("text, found", [
    ("Training was performed on 2 NVIDIA A30 GPUs with 24GB of memory each.", True),
    ("All models were trained on 8 Tesla V100 GPUs.", True),
    ("We fine-tuned on 40 GB GPUs.", False),  # a memory size, not a count
])
def test_a_counted_gpu_with_its_maker_and_model(text, found):
    assert _finds("compute.resources", "specific", text) is found


def test_messirve_compute_and_examples():
    a = analysed(need_corpus("texbench").parent / "texbench" / "pdfs" / "messirve.pdf")
    assert a.topics["compute.resources"].status == "disclosed"
    assert "2 NVIDIA A30 GPUs" in a.topics["compute.resources"].evidence[0].text
    post = a.topics["eval.post_release"]
    assert not any("Puntarenas" in e.text for e in list(post.evidence) + list(post.leads))
