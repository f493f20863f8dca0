"""Design choices and their ablations (extract/design.py), on real PDFs and on generated ones."""

from __future__ import annotations

from pathlib import Path

import pymupdf
import pytest

from jupyter_review import sample
from jupyter_review.model import Analysis
from jupyter_review.report import render_report
from tests.conftest import analysed, corpus_pdf


@pytest.fixture(scope="module")
def sample_analysis():
    return analysed(sample.main_pdf(), [sample.supplement_pdf()])


@pytest.fixture(scope="module")
def deepseek_v2():
    return analysed(corpus_pdf("deepseek-v2.pdf"))


def _by_name(a, name):
    found = [d for d in a.design_choices if d.name.lower() == name.lower()]
    assert found, f"{name!r} not among {[d.name for d in a.design_choices]}"
    return found[0]


def test_sample_kl_penalty_is_called_essential_and_never_ablated(sample_analysis):
    kl = _by_name(sample_analysis, "KL penalty")
    assert kl.needed and not kl.ablated and kl.ablation is None
    # "We found the KL penalty essential for stable training" (main text, p. 3)
    assert kl.evidence.page == 3 and kl.evidence.file == "main.pdf"
    assert "essential" in kl.evidence.text
    # the Discussion's "we leave a detailed ablation of these choices to future work" is no ablation
    t = sample_analysis.topics["model.ablations"]
    assert t.status == "vague"
    assert "KL penalty (p. 3, called essential)" in t.reason
    # the answer key's quote (p. 6) still leads the evidence
    assert t.evidence[0].page == 6


def test_llm_report_balance_losses_are_not_ablated_and_mla_is(deepseek_v2):
    # p. 10: "we additionally design a device-level balance loss"; no experiment removes it
    dev = _by_name(deepseek_v2, "device-level balance loss")
    assert dev.evidence.page == 10 and not dev.ablated and not dev.needed
    comm = _by_name(deepseek_v2, "communication balance loss")
    assert not comm.ablated
    # p. 6: "an innovative attention mechanism called Multi-head Latent Attention (MLA)": the
    # name and acronym the paper gives, and the paper compares MLA with MHA
    mla = _by_name(deepseek_v2, "Multi-head Latent Attention")
    assert mla.aliases == ["MLA"] and mla.evidence.page == 6
    assert mla.ablated and "MLA" in mla.ablation.text
    # MHA is introduced "as background": not a choice of the authors'
    assert not [d for d in deepseek_v2.design_choices if "mha" in d.key]
    # the topic's reason names what is not ablated
    reason = deepseek_v2.topics["model.ablations"].reason
    assert "device-level balance loss (p. 10)" in reason
    md = render_report(deepseek_v2, "md")
    assert "## Design choices and ablations" in md
    # the report names the file and its role (main paper or supplement) with the page
    assert "| device-level balance loss | main deepseek-v2.pdf, p. 10 |  | none found |" in md


def test_a_paper_without_a_trained_model_lists_no_design_choices():
    a = analysed(corpus_pdf("plosmed-1003873.pdf"))
    assert a.design_choices == []
    assert "## Design choices" not in render_report(a, "md")


def _write_paper(path: Path, ablation_lines: list[str],
                 conclusion: str = "Contrastive pretraining makes image classifiers more robust to corrupted inputs.",
                 method_lines: tuple[str, ...] = ()) -> None:
    body = [
        ("hebo", 15, "ContraNet: Contrastive Pretraining for Robust Image Classifiers"),
        ("hebo", 12, "Abstract"),
        ("helv", 10, "We train a neural network model for image classification with a transformer encoder."),
        ("helv", 10, "Our model outperforms strong baselines on three benchmarks after training on public images."),
        ("hebo", 12, "1 Method"),
        ("helv", 10, "We introduce a contrastive alignment loss that pulls paired views of one image together."),
        ("helv", 10, "We found the entropy regularizer essential for stable training of the deep learning model."),
        ("helv", 10, "The network is trained with stochastic gradient descent for 90 epochs on 8 GPUs."),
    ] + [("helv", 10, t) for t in method_lines] + [
        ("hebo", 12, "2 Experiments"),
        ("helv", 10, "We evaluate the model on three image classification benchmarks and report accuracy."),
    ] + [("helv", 10, t) for t in ablation_lines] + [
        ("hebo", 12, "3 Conclusion"),
        ("helv", 10, conclusion),
    ]
    doc = pymupdf.open()
    page = doc.new_page(width=595, height=842)
    y = 72
    for font, size, text in body:
        page.insert_text((72, y), text, fontsize=size, fontname=font)
        y += size + 12
    doc.save(str(path))


def test_generated_paper_ablated_and_unablated_choices(tmp_path):
    pdf = tmp_path / "contranet.pdf"
    _write_paper(pdf, [
        "Ablation study. Removing the contrastive alignment loss lowers accuracy by 3.1 points on all benchmarks.",
    ])
    a = analysed(pdf)
    loss = _by_name(a, "contrastive alignment loss")
    assert loss.ablated and not loss.needed and loss.ablation.text.startswith("Removing the contrastive")
    reg = _by_name(a, "entropy regularizer")
    assert reg.needed and not reg.ablated
    # the paper ablates something, so the topic would be disclosed; an essential choice with no
    # experiment makes it vague, and its own sentence leads the evidence
    t = a.topics["model.ablations"]
    assert t.status == "vague", t.reason
    assert t.reason.startswith("The paper calls entropy regularizer essential (p. 1)")
    assert t.evidence[0].text.startswith("We found the entropy regularizer essential")
    # the JSON carries the list and reads back equal
    back = Analysis.from_dict(a.to_dict(include_document=True))
    assert back.design_choices == a.design_choices


def test_a_deferred_ablation_is_no_ablation(tmp_path):
    pdf = tmp_path / "contranet3.pdf"
    _write_paper(pdf, [], conclusion="We leave an ablation of the entropy regularizer to future work on larger models.")
    a = analysed(pdf)
    reg = _by_name(a, "entropy regularizer")
    assert reg.needed and not reg.ablated
    t = a.topics["model.ablations"]
    assert t.status == "vague" and "entropy regularizer (p. 1, called essential)" in t.reason


def test_generated_paper_with_every_choice_ablated_stays_disclosed(tmp_path):
    pdf = tmp_path / "contranet2.pdf"
    _write_paper(pdf, [
        "Ablation study. Removing the contrastive alignment loss lowers accuracy by 3.1 points on all benchmarks.",
        "Without the entropy regularizer, accuracy drops by 5.2 points and two of five runs diverge.",
    ])
    a = analysed(pdf)
    assert all(d.ablated for d in a.design_choices) and len(a.design_choices) == 2
    t = a.topics["model.ablations"]
    assert t.status == "disclosed", t.reason
    assert "No experiment found" not in t.reason


def test_hyphen_chains_do_not_blow_up_the_phrase_patterns() -> None:
    # "a-a-a-...": the old phrase pattern could split such a chain into words in exponentially many
    # ways (8 s at 50 links, no end at 100); run in a child so a regression fails instead of hanging
    import subprocess
    import sys

    code = (
        "from jupyter_review.extract.design import _lex\n"
        "lx = _lex()\n"
        "s = 'We found the ' + 'a-' * 400 + 'x is essential and we use the ' + 'b-' * 400 + 'c strategy'\n"
        "print(len(list(lx.need.finditer(s))) + len(list(lx.intro.finditer(s))))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == "1"  # "... b-c strategy" after "we use the"



def test_a_hyphen_chain_as_a_bold_line_does_not_blow_up_the_run_in_label_pattern() -> None:
    # "A-a-a-..." could be split at each hyphen or inside a word: 40 links took 1 s, 60 took 10 s
    import subprocess
    import sys

    code = (
        "from jupyter_review.extract.design import _RUN_IN, _ANNOUNCE\n"
        "s = 'A' + '-a' * 400 + ' x'\n"
        "print(_RUN_IN.match(s) is None, _ANNOUNCE.match('Effect' + ' of' * 40 + ' x') is None)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == "True True"


def test_the_cli_summary_names_the_unablated_choices(sample_analysis):
    text = sample_analysis.summary()
    line = next(ln for ln in text.splitlines() if ln.startswith("design choices:"))
    assert "KL penalty (p.3, called essential)" in line
    # the introduction's "we propose VWPO ..." announces the method; it is no experiment on it
    vwpo = _by_name(sample_analysis, "Verifier-weighted policy optimisation")
    assert not vwpo.ablated


# -- run-in labels, acronyms, lists --------------------------------------------------------


def test_bold_run_in_labels_of_the_method_name_its_parts():
    # StockMixer p. 4: three paragraphs of the method open with bold run-in labels
    # ("Indicator Mixing.", "Time Mixing.", "Stock Mixing."); its Ablation Study (p. 6-7) varies them
    a = analysed(corpus_pdf("stockmixer-main.pdf"))
    names = {d.name for d in a.design_choices}
    assert {"Indicator Mixing", "Time Mixing", "Stock Mixing"} <= names
    for n in ("Indicator Mixing", "Time Mixing", "Stock Mixing"):
        d = _by_name(a, n)
        assert d.evidence.page == 4 and d.ablated and d.ablation.page in (6, 7)


def _write_run_in_paper(path: Path) -> None:
    """One page: a method whose paragraphs open with bold run-in labels (bold label, then regular
    text on the same line), and an ablation that removes one of them."""
    doc = pymupdf.open()
    page = doc.new_page(width=595, height=842)
    y = 72

    def line(text: str, font: str = "helv", size: float = 10, label: str = "") -> None:
        nonlocal y
        x = 72
        if label:
            page.insert_text((x, y), label, fontsize=size, fontname="hebo")
            x += pymupdf.get_text_length(label + " ", fontname="hebo", fontsize=size)
        page.insert_text((x, y), text, fontsize=size, fontname=font)
        y += size + 12

    line("Gated Mixers for Robust Tabular Classification", "hebo", 15)
    line("Abstract", "hebo", 12)
    line("We train a neural network model for tabular classification and evaluate it on benchmarks.")
    line("1 Method", "hebo", 12)
    line("Each feature column is mixed with its neighbours by a learned gate per block.", label="Gated Token Mixing.")
    line("The residual branch is rescaled by a factor learned from the input norm.", label="Residual Scale Calibration:")
    line("An autoencoder reconstructs the input from a compressed code of the features.", label="Autoencoder.")
    line("The ensemble never collapses to a constant output for any input batch.", label="Axiom 3:")
    line("A predictor is defined by subclassing the base class of the library.", label="Defining a Predictor.")
    line("2 Experiments", "hebo", 12)
    line("We evaluate the model on four tabular classification benchmarks and report accuracy.")
    line("Ablation study. Removing gated token mixing lowers accuracy by 2.4 points on all benchmarks.")
    line("3 Conclusion", "hebo", 12)
    line("Gated mixing makes tabular classifiers more robust to noisy features.")
    doc.save(str(path))


def test_generated_run_in_labels(tmp_path):
    pdf = tmp_path / "runin.pdf"
    _write_run_in_paper(pdf)
    a = analysed(pdf)
    names = {d.name for d in a.design_choices}
    gated = _by_name(a, "Gated Token Mixing")
    assert gated.ablated and gated.ablation.text.startswith("Removing gated token mixing lowers accuracy")
    calib = _by_name(a, "Residual Scale Calibration")
    assert not calib.ablated and calib.evidence.page == 1
    # one word (a model the paragraph describes), a numbered statement and a phrase with an
    # article are no parts of the method
    assert not names & {"Autoencoder", "Axiom 3", "Defining a Predictor"}, names


def test_acronym_named_techniques_the_authors_adopt():
    # Kimi Linear p. 4: "We propose Kimi Delta Attention (KDA), a new gated linear attention variant"
    kimi = analysed(corpus_pdf("kimi-linear.pdf"))
    kda = _by_name(kimi, "Kimi Delta Attention")
    assert kda.aliases == ["KDA"] and kda.evidence.page == 4


def test_acronym_choices_on_generated_sentences(tmp_path):
    pdf = tmp_path / "acro.pdf"
    _write_paper(pdf, [], method_lines=(
        "We adopt Group Relative Policy Optimization (GRPO) to fine-tune the classifier head.",
        "We use the Massive Multitask Language Understanding (MMLU) benchmark for a sanity check.",
        "We use Translation Edit Rate (TER) to compare the generated captions with references.",
        "We use Stochastic Gradient Descent (SGD) with momentum 0.9 for all runs.",
    ))
    a = analysed(pdf)
    grpo = _by_name(a, "Group Relative Policy Optimization")
    assert grpo.aliases == ["GRPO"]
    keys = " | ".join(d.key for d in a.design_choices)
    # a benchmark, a measure and a standard optimiser are no choices of the method
    assert "massive" not in keys and "translation" not in keys and "stochastic" not in keys, keys


def test_every_choice_of_a_listed_sentence_counts():
    # DeepSeek-V3.2-Exp p. 3: "we employ rule-based outcome reward, length penalty, and language
    # consistency reward": three choices in one sentence
    a = analysed(corpus_pdf("deepseek-v3.2-exp.pdf"))
    for n in ("rule-based outcome reward", "length penalty", "language consistency reward"):
        d = _by_name(a, n)
        assert d.evidence.page == 3 and d.evidence.text.startswith("For reasoning and agent tasks, we employ")


def test_pseudo_code_reports_no_experiment():
    from jupyter_review.nlp.context import looks_like_code as _looks_like_code

    assert _looks_like_code("6: // Select blocks with causal constraint 7: M = create causal mask")
    assert _looks_like_code("3: for each block do 4: score the block 5: end for")
    assert not _looks_like_code("Removing the gate lowers accuracy by 2 points (Table 3: rows 1-2).")
    # a numbered listing line with a call or an index on the right; prose with numbers is no code
    assert _looks_like_code("24 p = p[: topk]") and _looks_like_code("5 x = torch.zeros(3)")
    assert not _looks_like_code("10 runs = 3 seeds") and not _looks_like_code("2 GPUs = 16 cores")
    # MoBA p. 5: its algorithm box mentions causal masks and blocks; that is no ablation of
    # "Current Block Attention and Causal Masking" (p. 4)
    a = analysed(corpus_pdf("moba.pdf"))
    d = _by_name(a, "Current Block Attention and Causal Masking")
    assert not d.ablated


def test_ablations_found_by_a_section_pointer_and_a_run_in_announcement():
    # TransSGPN p. 5 (Section 3.4) introduces "Construction order" and "Label consistency" as
    # run-in labels; p. 7 varies the first "under the path order of Section 3.4" and opens a
    # paragraph with "Effect of label consistency."
    a = analysed(corpus_pdf("transgpn-main.pdf"))
    order = _by_name(a, "Construction order")
    assert order.evidence.page == 5 and order.ablated and order.ablation.page == 7
    assert "order" in order.ablation.text
    label = _by_name(a, "Label consistency")
    assert label.ablated and label.ablation.text == "Effect of label consistency."
    # a sentence of the introduction's "Contributions." is no experiment
    assert all(d.ablation is None or d.ablation.page != 2 for d in a.design_choices)
