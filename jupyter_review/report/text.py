"""Short plain-text summary for the terminal."""

from __future__ import annotations

from collections import Counter

from ..model import Analysis


def summary_text(a: Analysis, elapsed: float | None = None) -> str:
    d = a.document
    out = []
    for i, f in enumerate(d.files):
        secs = [s for s in d.sections if s.doc == i]
        out.append(f"{f.role:10s} {f.name}  {f.pages} pages, {len(secs)} sections" + (f"  title: {f.title[:70]}" if f.title else ""))
        if f.textless_pages:
            out.append(f"{'':10s} no text layer on pages {f.textless_pages}")
    main_secs = [s for s in d.sections if s.doc == 0 and s.level <= 2]
    if main_secs:
        out.append("sections: " + "; ".join(f"{s.number + ' ' if s.number else ''}{s.title[:40]} (p.{s.page})" for s in main_secs[:30]))
    out.append(
        f"claims: {_own(a.claims)}  data statements: {_own(a.data_statements)}  tables: {len(a.tables)} "
        f"({sum(t.is_results for t in a.tables)} results)  cross-checks: {len(a.cross_checks)} "
        f"({sum(c.status == 'mismatch' for c in a.cross_checks)} mismatches)"
    )
    abl = a.topics.get("model.ablations")
    if a.design_choices and (abl is None or abl.status != "not_applicable"):
        open_ = [d for d in a.design_choices if not d.ablated]
        names = "; ".join(f"{d.name} (p.{d.evidence.page}{', called essential' if d.needed else ''})" for d in open_[:4])
        out.append(f"design choices: {len(a.design_choices)}, {len(open_)} with no ablation found"
                   + (f": {names}" if names else ""))
    if a.profile:
        from ..checklist.profile import profile_line

        out.append("paper profile: " + profile_line(a.profile))
    if a.topics:
        c = Counter(t.status for t in a.topics.values())
        out.append("topics: " + ", ".join(f"{k} {c[k]}" for k in ("disclosed", "supplement_only", "vague", "missing", "not_applicable") if c[k]))
        gaps = [t for t in a.topics.values() if t.status in ("missing", "vague", "supplement_only") and t.severity == "major"]
        for t in gaps[:12]:
            out.append(f"  [{t.status}] {t.topic}: {t.reason}")
    for w in d.warnings[:5]:
        out.append(f"warning: {w}")
    t = elapsed if elapsed is not None else a.timings.get("total")
    if t is not None:
        out.append(f"time: {t:.2f} s")
    return "\n".join(out)


def _own(statements: list) -> str:
    """How many statements, and how many of them the judgement set apart as not the paper's own."""
    apart = sum(1 for x in statements if getattr(x, "own", True) is False)
    return f"{len(statements)} ({apart} set apart as not this paper's)" if apart else str(len(statements))
