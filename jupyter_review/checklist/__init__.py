"""Disclosure-gap checklist: topics (one detector each) and frameworks (data files
that map their items onto topics).  Plain Python; imports nothing from Jupyter."""

from __future__ import annotations

import os
from collections.abc import Mapping, Sequence
from typing import Any

from ..model import Analysis, ChecklistResult
from .loader import (
    STATUSES,
    Framework,
    FrameworkItem,
    Topic,
    builtin_frameworks,
    load_framework_file,
    resolve_frameworks,
    topics,
)

__all__ = [
    "STATUSES", "Framework", "FrameworkItem", "Topic", "evaluate", "list_frameworks",
    "load_framework_file", "topics", "combine_status",
]

# weakest first: an item that needs several topics is as good as its weakest one
_ORDER = {"missing": 0, "vague": 1, "supplement_only": 2, "disclosed": 3, "not_applicable": 4}


def combine_status(statuses: Sequence[str]) -> str:
    applicable = [s for s in statuses if s != "not_applicable"]
    if not applicable:
        return "not_applicable"
    return min(applicable, key=lambda s: _ORDER[s])


def evaluate(
    analysis: Analysis,
    frameworks: Sequence[str] | None = None,
    extra_files: Sequence[str | os.PathLike[str]] = (),
    profile: str | Mapping[str, Any] | None = None,
) -> Analysis:
    """Fill ``analysis.profile`` (what the paper is), ``analysis.topics`` (every topic) and
    ``analysis.checklist`` (the items of the selected frameworks, default all built-in ones
    plus any extra files). ``profile`` corrects traits of the paper profile ("llm=no",
    ``{"dataset": True}``); the topics and items that apply follow from the corrected profile."""
    from .engine import evaluate_topics
    from .profile import build_profile, holds, parse_overrides, why_not

    chosen = resolve_frameworks(list(frameworks) if frameworks else None, extra_files)
    analysis.profile = build_profile(analysis, parse_overrides(profile) if profile else None)
    analysis.topics = evaluate_topics(analysis)
    analysis.frameworks = [fw.id for fw in chosen]
    analysis.checklist = []
    for fw in chosen:
        for it in fw.items:
            res = [analysis.topics[t] for t in it.topics]
            status = combine_status([r.status for r in res])
            if len(res) == 1:
                reason = res[0].reason
            else:
                reason = " ".join(f"[{r.title}: {r.status.replace('_', ' ')}] {r.reason}" for r in res)
            sev = it.severity or _worst_severity([r.severity for r in res])
            evidence = [e for r in res for e in r.evidence][:6]
            leads = [e for r in res for e in r.leads][:3]
            cond = it.applies_profile or fw.applies_profile
            if cond and not holds(cond, analysis.profile):
                # an item the paper cannot answer (a datasheet question of a paper without a dataset)
                status = "not_applicable"
                reason, evidence = why_not(cond, analysis.profile)
                leads = []
            analysis.checklist.append(
                ChecklistResult(
                    framework=fw.id, item=it.id, question=it.question, topic=",".join(it.topics), status=status,
                    reason=reason, severity=sev, source=it.source, evidence=evidence, leads=leads,
                )
            )
    return analysis


def _worst_severity(sevs: Sequence[str]) -> str:
    for s in ("major", "minor", "info"):
        if s in sevs:
            return s
    return "minor"


def list_frameworks(extra_files: Sequence[str | os.PathLike[str]] = ()) -> list[dict[str, Any]]:
    """Every available framework: id, title, number of items, what it cites, where it lives."""
    out = []
    for fw in resolve_frameworks(None, extra_files):
        out.append({"id": fw.id, "title": fw.title, "items": len(fw.items), "cites": fw.cites,
                    "source": "built-in" if fw.builtin else fw.path})
    return out


def framework(fid: str, extra_files: Sequence[str | os.PathLike[str]] = ()) -> Framework:
    return resolve_frameworks([fid], extra_files)[0]


def all_builtin() -> dict[str, Framework]:
    return builtin_frameworks()
