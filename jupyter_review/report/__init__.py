"""Referee report (Markdown or HTML) and the checklist as a table.

The report is first built as plain data (``build_report``), then rendered; text
from the PDF passes through exactly one escaping function per output format
(``_esc_md`` / ``_esc_html``), so nothing extracted from a paper can inject markup.
"""

from __future__ import annotations

import datetime as _dt
import html as _html
from collections import OrderedDict
from typing import Any

from ..model import Analysis

STATUS_LABEL = {
    "disclosed": "disclosed",
    "supplement_only": "supplement only",
    "vague": "vague",
    "missing": "missing",
    "not_applicable": "n/a",
}
SEVERITY_TITLE = {"major": "Major requests", "minor": "Minor requests", "info": "For information"}
GAP_STATUSES = ("vague", "missing", "supplement_only")


def _items(analysis: Analysis, review: Any | None) -> list[dict[str, Any]]:
    """One dict per checklist item, with the referee's decision when there is a review."""
    out = []
    if review is not None:
        for it in review.items:
            out.append({
                "id": it.id, "framework": it.framework, "item": it.item, "topic": it.topic, "question": it.question,
                "status": it.status, "severity": it.severity, "reason": it.reason, "evidence": it.evidence,
                "decision": it.decision or "", "note": it.note, "effective_status": it.effective_status,
                "request": it.request, "change": it.change or "",
            })
        return out
    from ..checklist.loader import resolve_frameworks

    requests = {}
    try:
        for fw in resolve_frameworks(analysis.frameworks or None):
            for i in fw.items:
                requests[f"{fw.id}:{i.id}"] = i.request
    except Exception:  # an extra checklist file may be gone; the report still renders
        pass
    for r in analysis.checklist:
        iid = f"{r.framework}:{r.item}"
        out.append({
            "id": iid, "framework": r.framework, "item": r.item, "topic": r.topic, "question": r.question,
            "status": r.status, "severity": r.severity, "reason": r.reason, "evidence": r.evidence, "decision": "",
            "note": "", "effective_status": r.status, "request": requests.get(iid, ""), "change": "",
        })
    return out


def _role(role: Any) -> str:
    return "main" if role in (None, "", "main") else "supplement"


def _where(files: list[dict[str, Any]], doc: Any, page: Any, file: str = "", role: str = "") -> str:
    """ "supplement x_SI.pdf, p. 3": every quote, claim and table says which file it is from."""
    if isinstance(doc, int) and 0 <= doc < len(files):
        f = files[doc]
        return f"{_role(f['role'])} {f['name']}, p. {page}"
    return f"{_role(role)} {file or 'file ' + str(doc)}, p. {page}"


def _check_where(files: list[dict[str, Any]], c: Any) -> str:
    """Where a check stands: its claim's page, or, for a check of a table alone (a bold cell that
    is not the column's best), the table's page."""
    if c.claim_page is None and c.table_page is not None:
        return _where(files, c.table_doc, c.table_page)
    return _where(files, c.claim_doc, c.claim_page)


def _pages(evidence: list[Any]) -> str:
    parts: list[str] = []
    for e in evidence:
        tag = "supplement" if getattr(e, "role", "main") not in ("", "main") else "main"
        s = f"{tag} p.{e.page}"
        if s not in parts:
            parts.append(s)
    return "; ".join(parts)


def checklist_frame(analysis: Analysis, review: Any | None = None) -> Any:
    """The checklist as a pandas DataFrame (one row per framework item)."""
    import pandas as pd

    rows = []
    for d in _items(analysis, review):
        rows.append({
            "id": d["id"], "framework": d["framework"], "item": d["item"], "topic": d["topic"],
            "question": d["question"], "status": d["status"], "severity": d["severity"], "reason": d["reason"],
            "pages": _pages(d["evidence"]), "decision": d["decision"], "note": d["note"],
            "effective_status": d["effective_status"],
        })
    cols = ["id", "framework", "item", "topic", "question", "status", "severity", "reason", "pages", "decision",
            "note", "effective_status"]
    return pd.DataFrame(rows, columns=cols)


def _topic_request(topic_ids: list[str], status: str) -> str:
    from ..checklist.loader import topics

    ts = [topics()[t] for t in topic_ids if t in topics()]
    if not ts:
        return "Please address this item."
    t = ts[0]
    what = t.description.rstrip(".")
    if status == "supplement_only":
        return f"Please state in the main text, not only in the supplement, {t.title.lower()}: {what[0].lower() + what[1:]}."
    if status == "vague":
        return f"Please make the account of {t.title.lower()} concrete: {what[0].lower() + what[1:]}."
    return f"Please report {t.title.lower()}: {what[0].lower() + what[1:]}."


def build_report(analysis: Analysis, review: Any | None = None) -> dict[str, Any]:
    """The report as data: every string here is raw text, escaped only by the renderers."""
    doc = analysis.document
    items = _items(analysis, review)
    title = (doc.files[0].title if doc.files and doc.files[0].title else (doc.files[0].name if doc.files else "paper"))
    # one request per topic (several frameworks ask the same thing)
    by_topic: OrderedDict[str, dict[str, Any]] = OrderedDict()
    for d in items:
        if d["effective_status"] not in GAP_STATUSES:
            continue
        g = by_topic.get(d["topic"])
        if g is None:
            g = by_topic[d["topic"]] = {
                "topic": d["topic"], "status": d["effective_status"], "severity": d["severity"], "reason": d["reason"],
                "evidence": list(d["evidence"]), "items": [], "notes": [], "request": "", "decided": bool(d["decision"]),
                "leads": [x for t in d["topic"].split(",") if t in analysis.topics
                          for x in getattr(analysis.topics[t], "leads", [])][:2],
            }
        g["items"].append(d["id"])
        if d["note"] and d["note"] not in g["notes"]:
            g["notes"].append(d["note"])
        if not g["request"] and d["request"] and d["effective_status"] != "supplement_only":
            g["request"] = d["request"]
        if {"major": 0, "minor": 1, "info": 2}.get(d["severity"], 3) < {"major": 0, "minor": 1, "info": 2}.get(g["severity"], 3):
            g["severity"] = d["severity"]
    requests: dict[str, list[dict[str, Any]]] = {"major": [], "minor": [], "info": []}
    from ..checklist.loader import topics as _topics
    from .order import gap_rank, sort_rows

    for g in sorted(by_topic.values(), key=lambda g: gap_rank(g["status"], g["severity"])):
        tids = g["topic"].split(",")
        g["request"] = g["request"] or _topic_request(tids, g["status"])
        if g["status"] == "supplement_only" and not g["request"].startswith("Please state in the main text"):
            g["request"] = _topic_request(tids, "supplement_only")
        g["title"] = " + ".join(_topics()[t].title if t in _topics() else t for t in tids)
        requests.setdefault(g["severity"], []).append(g)
    summary = []
    fw_ids = list(OrderedDict.fromkeys(d["framework"] for d in items))
    for fw in fw_ids:
        row = {"framework": fw}
        for s in STATUS_LABEL:
            row[s] = sum(1 for d in items if d["framework"] == fw and d["effective_status"] == s)
        summary.append(row)
    mismatches = [c for c in analysis.cross_checks if c.status == "mismatch"]
    scoped = [c for c in analysis.cross_checks if c.status == "scoped"]
    unverified = [c for c in analysis.cross_checks if c.status == "unverified"]
    questions = sort_rows(_questions(items), "gaps")
    changes = [d for d in questions if d["change"] and d["change"] != "unchanged"]  # once per question
    abl = analysis.topics.get("model.ablations")
    design = list(analysis.design_choices) if abl is None or abl.status != "not_applicable" else []
    return {
        "title": title,
        "files": [{"name": f.name, "role": f.role, "pages": f.pages} for f in doc.files],
        "warnings": list(doc.warnings[:10]),
        "date": _dt.date.today().isoformat(),
        "frameworks": fw_ids,
        "summary": summary,
        "requests": requests,
        "mismatches": mismatches,
        "scoped": scoped,
        "unverified": unverified,
        "design_choices": design,
        "changes": changes,
        "general_notes": review.general_notes if review is not None else "",
        "items": items,
        "questions": questions,
        "progress": review.progress() if review is not None else None,
        "profile": _profile_rows(analysis),
    }


def _profile_rows(analysis: Analysis) -> list[dict[str, Any]]:
    """The paper profile as rows: trait, yes/no, who set it, how sure, one quote."""
    rows = []
    for name, t in (getattr(analysis, "profile", None) or {}).items():
        ev = t.evidence[0] if t.evidence else None
        rows.append({"trait": name, "value": "yes" if t.value else "no", "source": t.source,
                     "confidence": t.confidence, "label": t.label,
                     "quote": ev.text if ev is not None and t.value else "",
                     "where": f"{ev.file or 'file ' + str(ev.doc)}, p. {ev.page}" if ev is not None and t.value else ""})
    return rows


def _profile_value(p: dict[str, Any]) -> str:
    if p["source"] == "referee":
        return f"{p['value']} (set by the referee)"
    return f"{p['value']} ({p['confidence']:.2f})"


def _questions(items: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """One row per question: the framework items that map to the same topics, with the
    frameworks as tags (a review decides them together)."""
    rows: OrderedDict[str, dict[str, Any]] = OrderedDict()
    sev_rank = {"major": 0, "minor": 1, "info": 2}
    for d in items:
        q = rows.get(d["topic"] or d["id"])
        if q is None:
            rows[d["topic"] or d["id"]] = {**d, "ids": [d["id"]], "frameworks": [d["framework"]]}
            continue
        q["ids"].append(d["id"])
        if d["framework"] not in q["frameworks"]:
            q["frameworks"].append(d["framework"])
        if sev_rank.get(d["severity"], 3) < sev_rank.get(q["severity"], 3):
            q["severity"] = d["severity"]
        q["decision"] = q["decision"] or d["decision"]
    return list(rows.values())


# -- Markdown -------------------------------------------------------------------------


def _short(text: str, n: int = 120) -> str:
    t = " ".join(str(text).split())
    return t if len(t) <= n else t[: n - 1].rstrip() + "\u2026"


def _esc_md(text: Any) -> str:
    """The single escape point for Markdown: no raw HTML, no table breaks, one line."""
    s = " ".join(str(text).split())
    s = _html.escape(s, quote=False)
    for ch in ("\\", "`", "*", "_", "[", "]", "|", "#"):
        s = s.replace(ch, "\\" + ch)
    return s


def _render_md(r: dict[str, Any]) -> str:
    L: list[str] = []
    L.append(f"# Referee report: {_esc_md(r['title'])}")
    L.append("")
    L.append("Files: " + "; ".join(f"{_esc_md(f['name'])} ({f['role']}, {f['pages']} pages)" for f in r["files"]))
    L.append(f"Date: {r['date']}. Checklists: {', '.join(_esc_md(f) for f in r['frameworks'])}.")
    if r["progress"]:
        L.append(f"Items decided by the referee: {r['progress'][0]} of {r['progress'][1]}.")
    L.append("")
    for w in r["warnings"]:
        L.append(f"> Note on the files: {_esc_md(w)}")
        L.append("")
    if r.get("profile"):
        L.append("Paper profile (what applies follows from it; the referee can correct it): "
                 + "; ".join(f"{_esc_md(p['trait'])} {_esc_md(_profile_value(p))}" for p in r["profile"]) + ".")
        for p in r["profile"]:
            if p["quote"]:
                L.append(f"- {_esc_md(p['trait'])}: \u201c{_esc_md(_short(p['quote']))}\u201d ({_esc_md(p['where'])})")
        L.append("")
    L.append("## Summary per checklist")
    L.append("")
    L.append("| checklist | disclosed | supplement only | vague | missing | n/a |")
    L.append("|---|---:|---:|---:|---:|---:|")
    for row in r["summary"]:
        L.append(f"| {_esc_md(row['framework'])} | {row['disclosed']} | {row['supplement_only']} | {row['vague']} | "
                 f"{row['missing']} | {row['not_applicable']} |")
    L.append("")
    n = 0
    for sev in ("major", "minor", "info"):
        gs = r["requests"].get(sev) or []
        if not gs:
            continue
        L.append(f"## {SEVERITY_TITLE[sev]}")
        L.append("")
        for g in gs:
            n += 1
            L.append(f"{n}. **{_esc_md(g['title'])}** ({STATUS_LABEL[g['status']]}). {_esc_md(g['request'])}")
            L.append(f"   - Finding: {_esc_md(g['reason'])}")
            for e in g["evidence"][:3]:
                where = _esc_md(_where(r["files"], e.doc, e.page, e.file, e.role))
                L.append(f"   - Evidence ({where}): \u201c{_esc_md(e.text)}\u201d"
                         + "".join(f" \u2192 {_esc_md(u)}" for u in getattr(e, "links", []) or []))
            for ld in g.get("leads", []):
                L.append(f"   - Unverified lead, not counted ({_esc_md(_where(r['files'], ld.doc, ld.page, ld.file, ld.role))}): "
                         f"\u201c{_esc_md(ld.text)}\u201d")
            for note in g["notes"]:
                L.append(f"   - Referee's note: {_esc_md(note)}")
            L.append(f"   - Checklist items: {', '.join(_esc_md(i) for i in g['items'])}")
        L.append("")
    if not n:
        L.append("No open disclosure gaps.")
        L.append("")
    L.append("## Claims checked against the tables")
    L.append("")
    if r["mismatches"]:
        for c in r["mismatches"]:
            L.append(f"- {_esc_md(c.message)}")
            if c.claim:
                L.append(f"  - Claim ({_esc_md(_where(r['files'], c.claim_doc, c.claim_page))}): \u201c{_esc_md(c.claim)}\u201d")
            if c.table:
                L.append(f"  - Table ({_esc_md(_where(r['files'], c.table_doc, c.table_page))}): {_esc_md(c.table)}")
    else:
        L.append("No mismatch between claims in the text and the extracted tables was found.")
    L.append("")
    if r.get("unverified"):
        L.append(f"Checks left unverified (not findings: {len(r['unverified'])}; the tables could not settle them):")
        L.append("")
        for c in r["unverified"]:
            L.append(f"- {_esc_md(_check_where(r['files'], c))}: {_esc_md(c.message)}")
        L.append("")
    if r["scoped"]:
        L.append("Claims of being best within a group the tables do not mark (\u201camong open-source models\u201d):"
                 " systems that beat them in the tables, to check by hand:")
        L.append("")
        for c in r["scoped"]:
            L.append(f"- {_esc_md(c.message)}")
        L.append("")
    if r["design_choices"]:
        L.append("## Design choices and ablations")
        L.append("")
        L.append("| choice | introduced | called essential | experiment that removes or varies it |")
        L.append("|---|---|---|---|")
        for d in r["design_choices"]:
            ab = d.ablation
            where = (f"{_esc_md(_where(r['files'], ab.doc, ab.page, ab.file, ab.role))}: "
                     f"\u201c{_esc_md(_short(ab.text))}\u201d") if ab else "none found"
            intro = _esc_md(_where(r["files"], d.evidence.doc, d.evidence.page, d.evidence.file, d.evidence.role))
            L.append(f"| {_esc_md(d.name)} | {intro} | {'yes' if d.needed else ''} | {where} |")
        L.append("")
    if r["changes"]:
        L.append("## Changes since the previous version")
        L.append("")
        for d in r["changes"]:
            L.append(f"- {_esc_md(d['id'])}: {_esc_md(d['change'].replace('_', ' '))} (now {STATUS_LABEL[d['status']]})")
        L.append("")
    if r["general_notes"]:
        L.append("## Referee's notes")
        L.append("")
        for para in str(r["general_notes"]).split("\n"):
            L.append(_esc_md(para) if para.strip() else "")
        L.append("")
    L.append("## Full checklist")
    L.append("")
    L.append("One row per question, gaps first; the frameworks that ask it are listed with it.")
    L.append("")
    L.append("| question | frameworks | status | severity | decision | pages |")
    L.append("|---|---|---|---|---|---|")
    for d in r["questions"]:
        L.append(f"| {_esc_md(d['question'])} | {_esc_md(', '.join(d['frameworks']))} | {STATUS_LABEL[d['status']]} | "
                 f"{_esc_md(d['severity'])} | {_esc_md(d['decision'] or '')} | {_esc_md(_pages(d['evidence']))} |")
    L.append("")
    return "\n".join(L)


# -- HTML -----------------------------------------------------------------------------


def _esc_html(text: Any) -> str:
    """The single escape point for HTML."""
    return _html.escape(str(text), quote=True)


_CSS = """
body{font-family:system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;line-height:1.45;color:#222}
table{border-collapse:collapse;margin:.5rem 0}td,th{border:1px solid #ccc;padding:.2rem .5rem;text-align:left}
.s-disclosed{color:#1a7f37}.s-supplement_only{color:#9a6700}.s-vague{color:#bc4c00}.s-missing{color:#cf222e}
blockquote{margin:.3rem 0 .3rem 1rem;padding-left:.6rem;border-left:3px solid #ddd;color:#444}
.note{background:#fff8c5;padding:.2rem .4rem}
"""


def _render_html(r: dict[str, Any]) -> str:
    e = _esc_html
    H: list[str] = []
    H.append("<!DOCTYPE html><html><head><meta charset='utf-8'>")
    H.append("<meta http-equiv='Content-Security-Policy' content=\"default-src 'none'; style-src 'unsafe-inline'\">")
    H.append(f"<title>Referee report: {e(r['title'])}</title><style>{_CSS}</style></head><body>")
    H.append(f"<h1>Referee report: {e(r['title'])}</h1>")
    H.append("<p>Files: " + "; ".join(f"{e(f['name'])} ({e(f['role'])}, {f['pages']} pages)" for f in r["files"]) + "</p>")
    H.append(f"<p>Date: {e(r['date'])}. Checklists: {e(', '.join(r['frameworks']))}.</p>")
    if r["progress"]:
        H.append(f"<p>Items decided by the referee: {r['progress'][0]} of {r['progress'][1]}.</p>")
    for w in r["warnings"]:
        H.append(f"<p class='note'>Note on the files: {e(w)}</p>")
    if r.get("profile"):
        H.append("<p class='profile'>Paper profile (what applies follows from it; the referee can correct it): "
                 + "; ".join(f"{e(p['trait'])} {e(_profile_value(p))}" for p in r["profile"]) + ".</p><ul>")
        for p in r["profile"]:
            if p["quote"]:
                H.append(f"<li><small>{e(p['trait'])}: \u201c{e(_short(p['quote']))}\u201d ({e(p['where'])})</small></li>")
        H.append("</ul>")
    H.append("<h2>Summary per checklist</h2><table><tr><th>checklist</th>"
             + "".join(f"<th>{e(v)}</th>" for v in STATUS_LABEL.values()) + "</tr>")
    for row in r["summary"]:
        H.append(f"<tr><td>{e(row['framework'])}</td>" + "".join(f"<td>{row[s]}</td>" for s in STATUS_LABEL) + "</tr>")
    H.append("</table>")
    n = 0
    for sev in ("major", "minor", "info"):
        gs = r["requests"].get(sev) or []
        if not gs:
            continue
        H.append(f"<h2>{e(SEVERITY_TITLE[sev])}</h2><ol start='{n + 1}'>")
        for g in gs:
            n += 1
            H.append(f"<li><p><strong>{e(g['title'])}</strong> (<span class='s-{e(g['status'])}'>"
                     f"{e(STATUS_LABEL[g['status']])}</span>). {e(g['request'])}</p>")
            H.append(f"<p>Finding: {e(g['reason'])}</p>")
            for ev in g["evidence"][:3]:
                links = "".join(f" &rarr; {e(u)}" for u in getattr(ev, "links", []) or [])
                H.append(f"<blockquote>{e(ev.text)}{links}<br><small>{e(_where(r['files'], ev.doc, ev.page, ev.file, ev.role))}"
                         "</small></blockquote>")
            for ld in g.get("leads", []):
                H.append(f"<p class='lead'><small>Unverified lead, not counted "
                         f"({e(_where(r['files'], ld.doc, ld.page, ld.file, ld.role))}): \u201c{e(ld.text)}\u201d</small></p>")
            for note in g["notes"]:
                H.append(f"<p class='note'>Referee's note: {e(note)}</p>")
            H.append(f"<p><small>Checklist items: {e(', '.join(g['items']))}</small></p></li>")
        H.append("</ol>")
    if not n:
        H.append("<p>No open disclosure gaps.</p>")
    H.append("<h2>Claims checked against the tables</h2>")
    if r["mismatches"]:
        H.append("<ul>")
        for c in r["mismatches"]:
            H.append(f"<li>{e(c.message)}")
            if c.claim:
                H.append(f"<blockquote>{e(c.claim)}<br><small>{e(_where(r['files'], c.claim_doc, c.claim_page))}"
                         "</small></blockquote>")
            if c.table:
                H.append(f"<p><small>Table ({e(_where(r['files'], c.table_doc, c.table_page))}): {e(c.table)}</small></p>")
            H.append("</li>")
        H.append("</ul>")
    else:
        H.append("<p>No mismatch between claims in the text and the extracted tables was found.</p>")
    if r.get("unverified"):
        H.append(f"<p>Checks left unverified (not findings: {len(r['unverified'])}; the tables could not settle them):</p><ul>")
        for c in r["unverified"]:
            H.append(f"<li>{e(_check_where(r['files'], c))}: {e(c.message)}</li>")
        H.append("</ul>")
    if r["scoped"]:
        H.append("<p>Claims of being best within a group the tables do not mark (\u201camong open-source models\u201d):"
                 " systems that beat them in the tables, to check by hand:</p><ul>")
        for c in r["scoped"]:
            H.append(f"<li>{e(c.message)}</li>")
        H.append("</ul>")
    if r["design_choices"]:
        H.append("<h2>Design choices and ablations</h2><table><tr><th>choice</th><th>introduced</th>"
                 "<th>called essential</th><th>experiment that removes or varies it</th></tr>")
        for d in r["design_choices"]:
            ab = d.ablation
            where = (f"{e(_where(r['files'], ab.doc, ab.page, ab.file, ab.role))}: "
                     f"\u201c{e(_short(ab.text))}\u201d") if ab else "none found"
            intro = e(_where(r["files"], d.evidence.doc, d.evidence.page, d.evidence.file, d.evidence.role))
            H.append(f"<tr><td>{e(d.name)}</td><td>{intro}</td><td>{'yes' if d.needed else ''}</td>"
                     f"<td>{where}</td></tr>")
        H.append("</table>")
    if r["changes"]:
        H.append("<h2>Changes since the previous version</h2><ul>")
        for d in r["changes"]:
            H.append(f"<li>{e(d['id'])}: {e(d['change'].replace('_', ' '))} (now {e(STATUS_LABEL[d['status']])})</li>")
        H.append("</ul>")
    if r["general_notes"]:
        H.append("<h2>Referee's notes</h2>")
        for para in str(r["general_notes"]).split("\n\n"):
            H.append(f"<p>{e(para)}</p>")
    H.append("<h2>Full checklist</h2><p>One row per question, gaps first; the frameworks that ask it are listed"
             " with it.</p><table><tr><th>question</th><th>frameworks</th><th>status</th><th>severity</th>"
             "<th>decision</th><th>pages</th></tr>")
    for d in r["questions"]:
        H.append(f"<tr><td>{e(d['question'])}</td><td>{e(', '.join(d['frameworks']))}</td>"
                 f"<td class='s-{e(d['status'])}'>{e(STATUS_LABEL[d['status']])}</td><td>{e(d['severity'])}</td>"
                 f"<td>{e(d['decision'])}</td><td>{e(_pages(d['evidence']))}</td></tr>")
    H.append("</table></body></html>")
    return "\n".join(H)


def render_report(analysis: Analysis, fmt: str = "md", review: Any | None = None) -> str:
    """A referee report: gaps grouped by severity as requests, with quotes and pages."""
    r = build_report(analysis, review)
    if fmt in ("md", "markdown"):
        return _render_md(r)
    if fmt in ("html", "htm"):
        return _render_html(r)
    raise ValueError(f"unknown report format {fmt!r}: use 'md' or 'html'")
