"""What a sentence counts, and what a comparison says (issue #13: no topic at 0 recall).

Real sentences of training papers (tests/data/relevance/labels, read against their pages), one
case per failure kind:

* data size: a quantity is an amount of the paper's data only when it counts examples, documents,
  tokens, images or participants of that data, not a context length, a generation budget, a
  batch, a rate, a resampling, a duration or the number of a table (nlp/sizes.py); the checklist's
  detector and the data-statement extractor both read it;
* baselines: a result statement names what it beats, not how that was run; a results table names
  the systems, not how their numbers were obtained: neither gives the specifics by itself.
"""

from __future__ import annotations

import pytest

from jupyter_review.checklist.engine import MENTION, SPECIFIC, _match_sentence, _Unit, detectors
from jupyter_review.extract.data_statements import aspects_of
from jupyter_review.nlp.sizes import first_counted


def _unit(text: str, kind: str = "other") -> _Unit:
    return _Unit(text=text, doc=0, page=1, bbox=(0, 0, 1, 1), section_kind=kind, section_title="", role="main")


# (paper, sentence): the only quantities are something other than an amount of data
NOT_DATA = [
    # a context length, a window
    ("deepseek-coder-v2", "To accommodate longer code inputs and enhance applicability across various programming "
     "scenarios, we extend the context length from 16K to 128K tokens, allowing our models to handle more complex "
     "and extensive coding tasks."),
    ("kimi-linear", "In long-context scenarios (up to 1M tokens), this memory efficiency results in a theoretical "
     "decoding speedup of up to 6.3× (see Fig. 1b)."),
    ("moba", "For context lengths of up to 1M tokens, we evaluate the model using the traditional Needle in the "
     "Haystack benchmark."),
    ("messirve", "To reduce GPU memory usage, we used mixed precision training, gradient checkpointing, and truncated "
     "queries and documents to a maximum length of 64 and 256 tokens, respectively."),
    # a throughput measured at a length
    ("moba", "In particular, it achieves a speedup ratio of up to 6.5x when prefilling 1M tokens."),
    ("moba", "This model, termed Llama-8B-1M-MoBA, is initially trained with a context length of 128K tokens, and we "
     "gradually increase the context length to 256K, 512K, and 1M tokens during the continual pre-training."),
    ("scaling-ptp", "During training and inference of our student model we don’t provide any context and evaluate the "
     "correctness of the next N = 100 tokens, by comparing Qϕ(tk | t<k) and Pθ(tk)."),
    ("moba", "Specifically, at 10M tokens moba achieves a speedup ratio of 16x reduction in attention computation time."),
    # a batch
    ("deepseek-moe", "The batch size is set to 2K, and with a maximum sequence length of 2K, each training batch "
     "contains 4M tokens."),
    ("kimi-linear", "The learning rate is set to 1.1 × 10−3, and the global batch size is fixed at 32 million tokens."),
    # a resampling
    ("ri-iclr2026", "We provide metrics on all models on SimpleQA in Table 7, the 95% CI is computed by bootstrap "
     "with 1000 samples."),
    # a duration
    ("messirve", "It took around 15 hours to fine-tune the model on the MessIRve full training set."),
    ("multi-lexsum", "For a typical summary, this process takes an expert 1-4 hours."),
    # a length in words
    ("longeval-eacl2023", "Selection of papers: We consider existing summarization datasets with an average summary "
     "length of at least 150 words, which includes several popular datasets like arXiv (Cohan et al., 2018)."),
    # a footnote marker glued to the next word (typography, not a count)
    ("bleu-simplification", "4Examples are taken from Siddharthan (2006)."),
    # the number ends a name
    ("fimmu-2022-915001", "This might at least partially explain the clinical beneficial effects of ACEi/ARB "
     "treatment of hospitalized COVID-19 patients on mortality (16, 22–25)."),
]

# (paper, sentence, the quantity that counts data) -- some beside a length or a batch
DATA = [
    ("deepseek-moe", "For the purpose of validation experiments, we sample a subset containing 100B tokens from the "
     "corpus to train our models.", "100B tokens"),
    ("moba", "We train three models, each with 1.5B parameters, on 30B tokens with a context length of 32K tokens.",
     "30B tokens"),
    ("deepseek-v3.2-exp", "We train the indexer for only 1000 steps, with each step consisting of 16 sequences of 128K "
     "tokens, resulting in a total of 2.1B tokens.", "2.1B tokens"),
    ("qwen3", "(1) General Stage (S1): At the first pre-training stage, all Qwen3 models are trained on over 30 "
     "trillion tokens using a sequence length of 4,096 tokens.", "30 trillion tokens"),
    ("chi2024-avatars", "A total of 76 participants completed the study through an online recruitment platform in "
     "South Korea.", "76 participants"),
    ("wsod-mapr2024", "There are 9963 images in VOC 2007 and 11,530 images in VOC 2012 which are split 50:50 to "
     "train/val and test.", "9963 images"),
    ("irace-automl", "It contains 46 possible labels, and the training and testing sets contain 8982 and 2246 "
     "samples, respectively.", "2246 samples"),
    ("bleu-simplification", "The corpus comprises 359 sentences.", "359 sentences"),
]


@pytest.mark.parametrize("paper,text", NOT_DATA, ids=[f"{p}-{i}" for i, (p, _) in enumerate(NOT_DATA)])
def test_a_length_budget_batch_rate_or_duration_is_no_data_size(paper, text):
    det = detectors()["data.size"]
    assert first_counted(det.specific.rx, text) is None
    assert det.specific.rx.search(text) is not None  # the size pattern alone takes it for one
    assert _match_sentence(det, _unit(text)) is None or _match_sentence(det, _unit(text)).strength < SPECIFIC
    assert "size" not in aspects_of(text, "other")[0]


@pytest.mark.parametrize("paper,text,quantity", DATA, ids=[f"{p}-{i}" for i, (p, _, _) in enumerate(DATA)])
def test_an_amount_of_data_still_counts(paper, text, quantity):
    det = detectors()["data.size"]
    m = first_counted(det.specific.rx, text)
    assert m is not None and m.group(0) == quantity
    h = _match_sentence(det, _unit(text))
    assert h is not None and h.strength == SPECIFIC
    assert "size" in aspects_of(text, "other")[0]


# result statements: they name what the paper's system beats, not how that was run
RESULTS = [
    ("deepseek-coder-v2", "Compared to DeepSeek-Coder-33B, DeepSeek-Coder-V2 demonstrates significant advancements "
     "in various aspects of code-related tasks, as well as reasoning and general capabilities."),
    ("paraphrase-aaai2022", "As shown in Table 4, RAPT substantially outperforms the baselines on all metrics except "
     "BERT in general."),
    ("mmpl-kdd", "In Table 2, we can observe that MMPL-MRFs framework consistently outperforms other baselines on all "
     "3 CSI index constituent stocks."),
    ("cikm-ilham", "Our CNNs layer also shows improvement in precision and F1 score when compared to standard B-LSTM."),
]

# statements of how the baselines were run or where their numbers come from
CONFIGURED = [
    ("stockmixer-main", "Most of the baselines’ results on the benchmarks are reported using their original settings "
     "and all of them adopt the same optimization loss in ensuring fair."),
    ("papermage", "To perform this baseline evaluation, we ran the original PDFs that were annotated for S2-VL "
     "through our GrobidParser using v0.7.3."),
    ("dean-main", "We use the standard hyperparameters for each competitor algorithm."),
]


@pytest.mark.parametrize("paper,text", RESULTS, ids=[f"{p}-{i}" for i, (p, _) in enumerate(RESULTS)])
def test_a_result_statement_names_no_baseline_configuration(paper, text):
    det = detectors()["eval.baselines"]
    assert det.specific.search(text) is not None  # the comparison pattern alone takes it for one
    h = _match_sentence(det, _unit(text))
    assert h is not None and h.strength == MENTION


@pytest.mark.parametrize("paper,text", CONFIGURED, ids=[f"{p}-{i}" for i, (p, _) in enumerate(CONFIGURED)])
def test_how_baselines_were_run_is_specific(paper, text):
    h = _match_sentence(detectors()["eval.baselines"], _unit(text))
    assert h is not None and h.strength == SPECIFIC


def test_a_results_table_alone_names_systems_not_how_they_were_run():
    from jupyter_review.checklist.engine import _table_hits, _TableUnit

    det = detectors()["eval.baselines"]
    t = _TableUnit(_unit("Table 2: Results on close-ended evaluation of visual factual hallucination.", "table"),
                   [], 5, True)
    (h,) = _table_hits(det, [t])
    assert h.strength == MENTION and h.why == "table"
