"""A data set named and cited where it is named is a data source.

isometry-pursuit runs its method "on the Iris and Wine datasets [22, 23, 24]" and analyses "the
Ethanol dataset from Chmiela et al. [25]": the sources lexicon knew public data sets only by the
shape of their names (MNIST, CIFAR-10, upper-case words of four letters or more), so plain words
(Iris, Wine, Ethanol) were no source, data sources were missing and data availability (others'
datasets, available from their sources) missing too. The citation where the name stands is what
says it is a data set of others. A domain named before "datasets" without a citation ("NLP
datasets") stays no source."""

from __future__ import annotations

import pytest

from jupyter_review.checklist.engine import detectors
from tests.conftest import analysed, need_corpus


@pytest.mark.parametrize("text, found", [
    ("We demonstrate our method on the Iris and Wine datasets [22, 23, 24].", True),
    ("We also analyze the Ethanol dataset from Chmiela et al. [25].", True),
    ("Results on the Adult corpus (Kohavi, 1996) are in Table 2.", True),
    ("Such methods are common for NLP datasets.", False),
    ("The Transformer architecture [3] is used throughout.", False),
])
def test_named_and_cited_dataset(text, found):
    pat = detectors()["data.sources"].specific
    assert bool(getattr(pat, "rx", pat).search(text)) is found


def test_isometry_pursuit_sources_and_availability():
    a = analysed(need_corpus("texbench").parent / "texbench" / "pdfs" / "isometry-pursuit.pdf")
    src = a.topics["data.sources"]
    assert src.status == "disclosed" and "Iris and Wine datasets" in src.evidence[0].text
    # others' data named by citations whose reference entries give the data's DOIs ("Wine. UCI Machine
    # Learning Repository, 1991. DOI: https://doi.org/10.24432/C5PC7J."): where to get them is stated, in the
    # references (session 22; the fresh8 gold reads it so); without such an entry it would stay vague
    # (tests/test_vague_specifics_s22.py)
    av = a.topics["data.availability"]
    assert av.status == "disclosed", av.reason
    assert any("doi.org/10.24432" in e.text and e.section == "References" for e in av.evidence)
