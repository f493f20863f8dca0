"""The design-choice gold (tests/data/gold/design/): well-formed, and every quote printed on the page it
names (after whitespace, ligature and hyphenation normalisation)."""

from __future__ import annotations

import pytest
import yaml

from tests.conftest import GOLD, corpus_pdf
from tests.test_gold_topics_format import _norm, _page_texts

DESIGN = GOLD / "design"
AGREEMENT = GOLD / "design-agreement"  # second, independent annotations (design_accuracy.py --agreement)
FILES = sorted(DESIGN.glob("*.yaml")) + sorted(AGREEMENT.glob("*.yaml"))
SUPPLEMENTS = {"stockmixer-main": ["stockmixer-supplement.pdf"],
               "transgpn-main": ["transgpn-supplement.pdf", "transgpn-checklist.pdf"]}


def test_there_is_design_gold() -> None:
    assert len(list(DESIGN.glob("*.yaml"))) >= 10
    # every second annotation has a first one to compare with
    assert all((DESIGN / f.name).is_file() for f in AGREEMENT.glob("*.yaml"))


def _found(quote: str, page: int | None, names: list[str]) -> bool:
    q = _norm(quote)
    for name in names:
        pages = _page_texts(name)
        if page is not None and 1 <= page <= len(pages) and q in pages[page - 1]:
            return True
        # a quote split over a page break: the page named holds its start
        if page is not None and 1 <= page < len(pages) and q[:60] in pages[page - 1]:
            return True
    return False


@pytest.mark.parametrize("path", FILES, ids=lambda p: f"{p.parent.name}/{p.stem}")
def test_design_gold_file(path) -> None:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert corpus_pdf(data["paper"]).is_file()
    assert data["paper"] == path.stem + ".pdf"
    choices = data["choices"]
    assert choices, "no choices"
    names = [data["paper"]] + SUPPLEMENTS.get(path.stem, [])
    for c in choices:
        assert set(c) >= {"name", "page", "quote", "called_essential", "ablated", "ablation_page", "ablation_quote"}, c
        assert isinstance(c["called_essential"], bool) and isinstance(c["ablated"], bool)
        assert _found(c["quote"], c["page"], [data["paper"]]), (c["name"], c["quote"])
        if c["ablated"]:
            assert c["ablation_quote"], c["name"]
            assert _found(c["ablation_quote"], c["ablation_page"], names), (c["name"], c["ablation_quote"])
        else:
            assert c["ablation_quote"] in (None, "")
