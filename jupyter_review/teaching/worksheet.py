"""The student's worksheet: one row of verdict buttons per topic, compared with the key and the tool.

The student clicks a verdict for each topic *before* running the tool; every click is saved
at once (atomically) to ``save_to`` and restored when the worksheet is built again, so a
kernel restart loses nothing.  ``show_comparison()`` (the "Compare" button) reveals the
answer key next to the student's verdicts and, once ``set_tool()`` was given the analysis,
the tool's.
"""

from __future__ import annotations

import html
import json
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

import ipywidgets as W

from ..checklist.loader import topics as topic_taxonomy
from ..errors import ReviewStateError
from ..review.atomic import atomic_write_text
from . import GAPS, VERDICTS, key_statuses

LABELS = {
    "disclosed": "disclosed",
    "supplement_only": "supplement only",
    "vague": "vague",
    "missing": "missing",
    "not_applicable": "n/a",
}


def _status(value: Any) -> str:
    return str(getattr(value, "status", value) or "")


class Worksheet(W.VBox):
    """Verdict buttons per topic; the comparison with the answer key and the tool."""

    def __init__(
        self,
        topics: Sequence[str],
        key: Mapping[str, Any] | None = None,
        *,
        save_to: str | Path | None = None,
        paper: str = "",
    ) -> None:
        taxonomy = topic_taxonomy()
        unknown = [t for t in topics if t not in taxonomy]
        if unknown:
            raise ValueError(f"unknown topic ids: {unknown}")
        self.topics = list(topics)
        self.paper = paper
        self.key: dict[str, str] = key_statuses(dict(key)) if key else {}
        self.key_reasons = {t: str(e.get("reason", "")) for t, e in (key or {}).get("topics", {}).items()
                            if isinstance(e, dict)}
        self.tool: dict[str, str] = {}
        self.save_to = Path(save_to) if save_to else None
        saved = self._load()

        self.buttons: dict[str, W.ToggleButtons] = {}
        rows = []
        for t in self.topics:
            info = taxonomy[t]
            question = W.HTML(
                f"<b>{html.escape(info.title)}</b> <code>{html.escape(t)}</code><br>"
                f"<span style='color:#555'>{html.escape(info.description)}</span>"
            )
            buttons = W.ToggleButtons(
                options=[(LABELS[v], v) for v in VERDICTS],
                value=saved.get(t) if saved.get(t) in VERDICTS else None,
                style={"button_width": "auto"},
            )
            buttons.add_class("jr-verdict")
            buttons.observe(self._changed, "value")
            self.buttons[t] = buttons
            row = W.VBox([question, buttons], layout=W.Layout(margin="0 0 8px 0"))
            row.add_class("jr-worksheet-topic")
            rows.append(row)

        title = f"Worksheet: {html.escape(paper)}" if paper else "Worksheet"
        self.header = W.HTML(f"<h4>{title}</h4>Click your verdict for each topic. Every click is saved"
                             + (f" to <code>{html.escape(str(self.save_to))}</code>." if self.save_to else "."))
        self.progress = W.HTML()
        self.compare_button = W.Button(description="Compare with the key", icon="check")
        self.compare_button.on_click(lambda _b: self.show_comparison())
        self.result = W.HTML()
        self.result.add_class("jr-worksheet-result")
        super().__init__([self.header, *rows, self.progress, self.compare_button, self.result])
        self.add_class("jr-worksheet")
        self._update_progress()

    # -- the student's answers ----------------------------------------------------------------

    @property
    def answers(self) -> dict[str, str]:
        """topic id -> the verdict clicked (topics not answered yet are left out)."""
        return {t: b.value for t, b in self.buttons.items() if b.value}

    def set_answer(self, topic: str, verdict: str | None) -> None:
        """What a click on a verdict button does."""
        if verdict is not None and verdict not in VERDICTS:
            raise ValueError(f"unknown verdict {verdict!r}; one of {VERDICTS}")
        self.buttons[topic].value = verdict

    def _changed(self, _change: dict[str, Any]) -> None:
        self._save()
        self._update_progress()
        if self.result.value:
            self.show_comparison()

    def _update_progress(self) -> None:
        self.progress.value = f"answered: {len(self.answers)} / {len(self.topics)}"

    def _load(self) -> dict[str, str]:
        if self.save_to is None or not self.save_to.exists():
            return {}
        try:
            data = json.loads(self.save_to.read_text(encoding="utf-8"))
            answers = data["answers"]
            if not isinstance(answers, dict):
                raise TypeError("answers is not a mapping")
        except (OSError, ValueError, KeyError, TypeError) as e:
            raise ReviewStateError(f"{self.save_to}: not a saved worksheet ({e}); move it away to start afresh",
                                   path=str(self.save_to)) from e
        return {str(k): str(v) for k, v in answers.items()}

    def _save(self) -> None:
        if self.save_to is None:
            return
        data = {"paper": self.paper, "answers": self.answers}
        atomic_write_text(self.save_to, json.dumps(data, indent=1, ensure_ascii=False) + "\n")

    # -- comparison -----------------------------------------------------------------------------

    def set_tool(self, results: Mapping[str, Any] | Iterable[tuple[str, Any]]) -> None:
        """The tool's statuses: ``analysis.topics`` (topic -> result) or topic -> status."""
        items = results.items() if isinstance(results, Mapping) else results
        self.tool = {str(t): _status(r) for t, r in items}
        if self.result.value:
            self.show_comparison()

    def comparison(self):  # -> pandas.DataFrame
        """One row per worksheet topic: your verdict, the key's, the tool's, and agreement."""
        import pandas as pd

        rows = []
        for t in self.topics:
            me, k, tl = self.answers.get(t, ""), self.key.get(t, ""), self.tool.get(t, "")
            rows.append({"topic": t, "my verdict": me, "answer key": k, "me ✓": bool(me) and me == k,
                         "tool": tl, "tool ✓": bool(tl) and tl == k})
        return pd.DataFrame(rows)

    def score(self) -> dict[str, int]:
        """Agreement counts over the worksheet's topics (gap = vague or missing)."""
        n = len(self.topics)
        me, k, tl = self.answers, self.key, self.tool
        return {
            "topics": n,
            "answered": len(me),
            "me_exact": sum(t in me and me[t] == k.get(t) for t in self.topics),
            "me_gap": sum(t in me and (me[t] in GAPS) == (k.get(t) in GAPS) for t in self.topics),
            "tool_exact": sum(t in tl and tl[t] == k.get(t) for t in self.topics),
            "tool_gap": sum(t in tl and (tl[t] in GAPS) == (k.get(t) in GAPS) for t in self.topics),
        }

    def summary(self) -> str:
        s = self.score()
        n = s["topics"]
        lines = [f"answered: {s['answered']} / {n}",
                 f"you agree with the key on {s['me_exact']} of {n} verdicts ({s['me_gap']} of {n} gap/no-gap)"]
        if self.tool:
            lines.append(f"the tool agrees with the key on {s['tool_exact']} of {n} verdicts "
                         f"({s['tool_gap']} of {n} gap/no-gap)")
        return "\n".join(lines)

    def show_comparison(self) -> str:
        """Reveal the key (and the tool) next to your verdicts; returns the summary text."""
        def cell(v: str, ok: bool | None = None) -> str:
            mark = "" if ok is None else (" ✓" if ok else " ✗")
            return f"<td>{html.escape(LABELS.get(v, v) or '-')}{mark}</td>"

        body = []
        for t in self.topics:
            me, k, tl = self.answers.get(t, ""), self.key.get(t, ""), self.tool.get(t, "")
            reason = html.escape(self.key_reasons.get(t, ""))
            body.append(f"<tr><td><code>{html.escape(t)}</code></td>{cell(me, me == k if me else None)}{cell(k)}"
                        f"{cell(tl, tl == k if tl else None)}<td style='font-size:90%'>{reason}</td></tr>")
        text = self.summary()
        self.result.value = (
            "<pre>" + html.escape(text) + "</pre><table><tr><th>topic</th><th>you</th><th>answer key</th>"
            "<th>tool</th><th>the key's reason</th></tr>" + "".join(body) + "</table>"
        )
        return text
