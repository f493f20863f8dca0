"""Small HTML builders for the notebook widgets.

Every piece of text that may come from a PDF (titles, quotes, table cells,
framework titles read from user checklists) goes through :func:`esc` before it
is put into an ``ipywidgets.HTML`` value.  Nothing here emits script.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable, Mapping

STATUSES = ("disclosed", "supplement_only", "vague", "missing", "not_applicable")

STATUS_LABELS = {
    "disclosed": "disclosed",
    "supplement_only": "supplement only",
    "vague": "vague",
    "missing": "missing",
    "not_applicable": "n/a",
}

STATUS_COLOURS = {
    "disclosed": "#2e7d32",
    "supplement_only": "#1565c0",
    "vague": "#ef8f00",
    "missing": "#c62828",
    "not_applicable": "#757575",
}

SEVERITY_COLOURS = {"major": "#c62828", "minor": "#ef8f00", "info": "#757575"}

_SLUG_RE = re.compile(r"[^A-Za-z0-9_-]")


def esc(text: object) -> str:
    """Escape any value for HTML text and attribute context."""
    return html.escape("" if text is None else str(text), quote=True)


def slug(item_id: str) -> str:
    """The CSS-class-safe form of an item id (every other character becomes '-')."""
    return _SLUG_RE.sub("-", str(item_id))


def status_colour(status: str) -> str:
    return STATUS_COLOURS.get(status, "#616161")


def badge(text: str, colour: str, *, title: str = "") -> str:
    t = f' title="{esc(title)}"' if title else ""
    return (
        f'<span{t} style="display:inline-block;padding:1px 7px;border-radius:9px;'
        f'background:{colour};color:#fff;font-size:11px;font-weight:600;white-space:nowrap">'
        f"{esc(text)}</span>"
    )


def status_badge(status: str) -> str:
    return badge(STATUS_LABELS.get(status, status), status_colour(status), title=f"status: {status}")


def counts_html(counts: Mapping[str, int]) -> str:
    parts = []
    for s in STATUSES:
        n = int(counts.get(s, 0))
        parts.append(f"{badge(STATUS_LABELS[s], status_colour(s))}&nbsp;{n}")
    for s, n in counts.items():  # any status this module does not know yet
        if s not in STATUSES:
            parts.append(f"{badge(s, status_colour(s))}&nbsp;{int(n)}")
    return '<span class="jr-counts">' + " &nbsp; ".join(parts) + "</span>"


def framework_bars_html(
    by_framework: Mapping[str, Mapping[str, int]], titles: Mapping[str, str] | None = None, *, width: int = 320
) -> str:
    """A stacked horizontal bar per framework, one coloured segment per status."""
    titles = titles or {}
    rows = []
    for fw, counts in by_framework.items():
        total = sum(int(v) for v in counts.values())
        segs = []
        if total:
            order = [s for s in STATUSES if counts.get(s)] + [s for s in counts if s not in STATUSES and counts[s]]
            for s in order:
                n = int(counts[s])
                w = max(1, round(width * n / total))
                segs.append(
                    f'<span title="{esc(STATUS_LABELS.get(s, s))}: {n}" style="display:inline-block;'
                    f'height:12px;width:{w}px;background:{status_colour(s)}"></span>'
                )
        label = esc(titles.get(fw) or fw)
        rows.append(
            '<div style="display:flex;align-items:center;gap:8px;margin:1px 0">'
            f'<span style="width:210px;font-size:12px;overflow:hidden;text-overflow:ellipsis;'
            f'white-space:nowrap" title="{label}">{label}</span>'
            f'<span style="display:inline-flex;width:{width}px;background:#eee">{"".join(segs)}</span>'
            f'<span style="font-size:11px;color:#555">{total}</span></div>'
        )
    return '<div class="jr-bars">' + "".join(rows) + "</div>"


def table_html(header: Iterable[str], rows: Iterable[Iterable[object]], *, cls: str = "jr-table") -> str:
    """A plain HTML table with every cell escaped."""
    head = "".join(f"<th style='text-align:left;padding:2px 6px'>{esc(h)}</th>" for h in header)
    body = []
    for r in rows:
        body.append("<tr>" + "".join(f"<td style='padding:2px 6px;vertical-align:top'>{esc(c)}</td>" for c in r) + "</tr>")
    return f'<table class="{esc(cls)}"><thead><tr>{head}</tr></thead><tbody>{"".join(body)}</tbody></table>'
