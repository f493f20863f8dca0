"""ReviewSession: the analysis of a paper joined with the referee's saved decisions."""

from __future__ import annotations

import os
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..errors import ReadOnlyReviewError, ReviewConflictError, ReviewStateError, SaveError
from ..model import Analysis, Evidence
from .state import (
    DECISION_STATUS,
    DECISIONS,
    GAP_STATUSES,
    UNSET,
    locked,
    new_state,
    now,
    read_state,
    sidecar_path,
    update_sidecar,
    write_state,
)

STATUSES = ("disclosed", "supplement_only", "vague", "missing", "not_applicable")
_GAP_ORDER = {"missing": 0, "vague": 1, "supplement_only": 2, "disclosed": 3, "not_applicable": 4}


@dataclass
class ReviewItem:
    id: str
    framework: str
    framework_title: str
    item: str
    question: str
    topic: str
    status: str
    reason: str
    severity: str
    evidence: list[Evidence] = field(default_factory=list)
    decision: str | None = None
    note: str = ""
    change: str | None = None
    request: str = ""
    source: str = ""
    # the framework items that ask the same question (the same topics): one row, decided together
    frameworks: list[str] = field(default_factory=list)  # ids of every framework that asks it
    framework_titles: list[str] = field(default_factory=list)
    members: list[str] = field(default_factory=list)  # the item ids of the row (this one included)
    # sentences the lexicons retrieved but the relevance judgement read as off topic: unverified
    # leads the referee may open, never the proof of the status
    leads: list[Evidence] = field(default_factory=list)

    @property
    def effective_status(self) -> str:
        if self.decision and self.decision != "agree":
            return DECISION_STATUS[self.decision]
        return self.status

    @property
    def is_gap(self) -> bool:
        return self.effective_status in GAP_STATUSES

    def pages(self) -> str:
        parts = []
        for e in self.evidence:
            tag = "supplement" if e.role not in ("", "main") else "main"
            s = f"{tag} p.{e.page}"
            if s not in parts:
                parts.append(s)
        return "; ".join(parts)


def _evidence_keys(evs: list[Evidence]) -> list[str]:
    return sorted({f"{e.doc}:{e.page}:{e.text[:60]}" for e in evs})


def _file_key(f: Any) -> dict[str, str]:
    return {"name": f.name, "sha256": f.sha256, "role": f.role}


def _analyse(paper: Path, supplements: list[Path], frameworks: Sequence[str] | None, checklists: Sequence[Any],
             passwords: dict[str, str] | None, progress: Callable[[int, int, str], None] | None,
             cache: bool) -> Analysis:
    """The analysis of the files: the saved one when its key matches, else a new one (saved)."""
    from ..pipeline import StageProgress, analyze
    from .cache import cache_key, load_cached, save_cached

    stages = StageProgress(progress) if progress is not None else None
    key = None
    if cache:
        try:
            key = cache_key(paper, supplements, frameworks, checklists)
        except OSError:  # a missing file: the analysis says so with its own typed error
            key = None
    if key is not None:
        if stages:
            stages.stage("open", 0.5, "looking for the saved analysis")
        found = load_cached(paper, supplements, key)
        if found is not None:
            if stages:
                stages.stage("done", 1.0, "saved analysis (files unchanged)")
            return found
    analysis = analyze(paper, supplements, frameworks=frameworks, checklists=checklists, passwords=passwords,
                       progress=stages)
    if key is not None:
        save_cached(paper, key, analysis)
    return analysis


class ReviewSession:
    """One referee's review of one paper (plus supplements), saved beside the paper."""

    def __init__(self, paper: Path, supplements: list[Path], analysis: Analysis, path: Path) -> None:
        self.paper = paper
        self.supplements = supplements
        self.analysis = analysis
        self.path = path
        self._state: dict[str, Any] = new_state(paper, [str(s) for s in supplements])
        self.items: list[ReviewItem] = []
        self.changes: list[dict[str, Any]] = []
        self._listeners: list[Callable[[ReviewSession], None]] = []
        self.read_only = False
        self.read_only_reason = ""
        self._frameworks_arg: list[str] | None = None
        self._checklists: list[Any] = []

    # -- opening ------------------------------------------------------------------------
    @classmethod
    def open(
        cls,
        paper: str | os.PathLike[str],
        supplements: Sequence[str | os.PathLike[str]] = (),
        frameworks: Sequence[str] | None = None,
        *,
        checklists: Sequence[str | os.PathLike[str]] = (),
        analysis: Analysis | None = None,
        progress: Callable[[int, int, str], None] | None = None,
        sidecar: str | os.PathLike[str] | None = None,
        passwords: dict[str, str] | None = None,
        cache: bool = True,
    ) -> ReviewSession:
        """Analyse ``paper`` (or reuse its saved analysis while the files, the package and the
        checklists are unchanged; ``cache=False`` always analyses) and join the saved review."""
        if isinstance(supplements, (str, os.PathLike)):
            supplements = [supplements]
        paper_p = Path(paper)
        supp_p = [Path(s) for s in supplements]
        if analysis is None:
            analysis = _analyse(paper_p, supp_p, frameworks, checklists, passwords, progress, cache)
        path = Path(sidecar) if sidecar else sidecar_path(paper_p)
        self = cls(paper_p, supp_p, analysis, path)
        self._frameworks_arg = list(frameworks) if frameworks else None
        self._checklists = list(checklists)
        saved = self._saved_profile()
        if saved:  # the referee corrected the paper profile earlier: what applies follows from it
            self._rederive(saved)
        self._build_items(frameworks, checklists)
        self._sync_revision()
        return self

    def _build_items(self, frameworks: Sequence[str] | None, checklists: Sequence[Any]) -> None:
        from ..checklist.loader import resolve_frameworks

        fws = {fw.id: fw for fw in resolve_frameworks(list(frameworks) if frameworks else None, checklists)}
        self.frameworks = list(self.analysis.frameworks) or list(fws)
        self.items = []
        for r in self.analysis.checklist:
            fw = fws.get(r.framework)
            it = next((i for i in fw.items if i.id == r.item), None) if fw else None
            self.items.append(
                ReviewItem(
                    id=f"{r.framework}:{r.item}", framework=r.framework, framework_title=fw.title if fw else r.framework,
                    item=r.item, question=r.question, topic=r.topic, status=r.status, reason=r.reason,
                    severity=r.severity, evidence=list(r.evidence), request=it.request if it else "",
                    source=r.source, leads=list(getattr(r, "leads", []) or []),
                )
            )
        self._by_id = {i.id: i for i in self.items}
        self._group_questions()

    def _group_questions(self) -> None:
        """One row per question: framework items that map to the same topics are one
        ``ReviewItem`` (the first one's id and question, the worst severity, every framework
        as a tag); a decision or note on it is saved for each of its items."""
        from ..report.order import sort_rows

        groups: dict[str, list[ReviewItem]] = {}
        for it in self.items:
            groups.setdefault(it.topic or it.id, []).append(it)
        self.questions: list[ReviewItem] = []
        self._question_of: dict[str, ReviewItem] = {}
        for members in groups.values():
            first = members[0]
            fws = list(dict.fromkeys(m.framework for m in members))
            titles = list(dict.fromkeys(m.framework_title for m in members))
            sev = min((m.severity for m in members), key=lambda s: {"major": 0, "minor": 1, "info": 2}.get(s, 3))
            q = ReviewItem(
                id=first.id, framework=first.framework, framework_title=first.framework_title, item=first.item,
                question=first.question, topic=first.topic, status=first.status, reason=first.reason, severity=sev,
                evidence=list(first.evidence), request=next((m.request for m in members if m.request), ""),
                source=first.source, frameworks=fws, framework_titles=titles, members=[m.id for m in members],
                leads=list(first.leads),
            )
            for m in members:
                m.frameworks, m.framework_titles, m.members = fws, titles, q.members
                self._question_of[m.id] = q
            self.questions.append(q)
        self.questions = sort_rows(self.questions, "checklist")

    def question(self, item_id: str) -> ReviewItem:
        """The row (question) that holds the framework item ``item_id``."""
        try:
            return self._question_of[item_id]
        except KeyError:
            raise ReviewStateError(f"no checklist item {item_id!r} in this review") from None

    def _sync_revision(self) -> None:
        """Load the saved review; when the files changed since it was saved (a revised
        manuscript), record per item what changed; keep every decision and note."""
        files_now = [_file_key(f) for f in self.analysis.document.files]
        with self._maybe_locked():
            st = read_state(self.path)
            if st is None:
                st = new_state(self.paper, [str(s) for s in self.supplements])
            old_files = st.get("files") or []
            revised = bool(old_files) and [f["sha256"] for f in old_files] != [f["sha256"] for f in files_now]
            changes: dict[str, str] = {}
            for it in self.items:
                entry = st["items"].get(it.id)
                if entry is None:
                    entry = st["items"][it.id] = {"decision": None, "note": "", "updated": None}
                seen_status = entry.get("status_seen")
                seen_ev = entry.get("evidence_seen")
                ev_now = _evidence_keys(it.evidence)
                if revised and seen_status is not None:
                    was_gap = seen_status in GAP_STATUSES
                    is_gap = it.status in GAP_STATUSES
                    if was_gap and not is_gap:
                        ch = "closed"
                    elif is_gap and not was_gap and it.status != "not_applicable":
                        ch = "opened"
                    elif seen_status != it.status:
                        ch = "status_changed"
                    elif set(ev_now) - set(seen_ev or []):
                        ch = "new_evidence"
                    elif set(seen_ev or []) - set(ev_now):
                        ch = "evidence_gone"
                    else:
                        ch = "unchanged"
                    changes[it.id] = ch
                entry["status_seen"] = it.status
                entry["evidence_seen"] = ev_now
                if len(it.members) > 1:  # the server's saves decide the whole row too
                    entry["group"] = it.members[0]
                else:
                    entry.pop("group", None)
            if revised:
                st["history"].append({"date": now(), "from_files": old_files, "to_files": files_now,
                                      "changes": dict(Counter(changes.values()))})
                st["changes"] = changes
            st["files"] = files_now
            st["paper"] = self.paper.name
            st["supplements"] = [s.name for s in self.supplements]
            st["frameworks"] = list(self.frameworks)
            self._state = st
            self._apply_state()  # the summary counts the saved decisions
            st["summary"] = self._summary()
            if self._writable():
                st["revision"] = int(st.get("revision", 0)) + 1
                st["updated"] = now()
                try:
                    write_state(self.path, st)
                except SaveError as e:  # e.g. a full disk: open the review read-only, lose nothing
                    self.read_only, self.read_only_reason = True, e.message
        saved_changes = st.get("changes", {})
        self.changes = []
        for it in self.items:
            it.change = saved_changes.get(it.id)
            if it.change and it.change != "unchanged":
                self.changes.append({"id": it.id, "topic": it.topic, "change": it.change, "status": it.status})
        for q in self.questions:
            q.change = self._by_id[q.members[0]].change
        self._apply_state()

    def _saved_profile(self) -> dict[str, str]:
        from ..errors import ReviewError

        try:
            st = read_state(self.path)
        except ReviewError:
            return {}  # _sync_revision reports a broken sidecar
        return dict((st or {}).get("profile") or {})

    def _rederive(self, corrections: dict[str, Any]) -> None:
        """Evaluate the checklist again with the corrected profile (the document is not read again)."""
        from ..checklist import evaluate

        evaluate(self.analysis, frameworks=self._frameworks_arg or self.analysis.frameworks or None,
                 extra_files=self._checklists, profile=corrections or None)

    @property
    def profile(self) -> dict[str, Any]:
        """The paper profile (trait -> ProfileTrait), with the referee's corrections."""
        return dict(self.analysis.profile)

    @property
    def profile_corrections(self) -> dict[str, str]:
        return dict(self._state.get("profile") or {})

    def set_profile(self, corrections: dict[str, Any] | str | None = None, **traits: Any) -> dict[str, Any]:
        """Correct the paper profile (``set_profile(llm=False, dataset=True)``, or
        ``set_profile("llm=no")``); ``trait=None`` drops a correction. Applicability is derived
        again, every item's status follows, and the corrections are saved with the review."""
        from ..checklist.profile import parse_overrides

        if self.read_only:
            raise ReadOnlyReviewError(
                f"this review is read-only ({self.read_only_reason}); copy the paper to a folder you can write to",
                path=str(self.path))
        merged = dict(self.profile_corrections)
        given = dict(parse_overrides(corrections)) if corrections else {}
        for k, v in traits.items():
            if v is None:
                parse_overrides({k: "no"})  # an unknown trait raises ProfileError
                merged.pop(k, None)
            else:
                given.update(parse_overrides({k: v}))
        merged.update({k: "yes" if v else "no" for k, v in given.items()})
        self._rederive(merged)
        # the same item objects take the new statuses (a widget holding them sees the change)
        fresh = {f"{r.framework}:{r.item}": r for r in self.analysis.checklist}
        for it in self.items:
            r = fresh.get(it.id)
            if r is not None:
                it.status, it.reason, it.severity, it.evidence = r.status, r.reason, r.severity, list(r.evidence)
                it.leads = list(r.leads)
        for q in self.questions:  # and each row (question) follows its first framework item
            first = self._by_id[q.members[0]]
            q.status, q.reason, q.evidence, q.leads = first.status, first.reason, list(first.evidence), list(first.leads)
        self._save(profile=merged)
        return self.profile

    def _writable(self) -> bool:
        """Whether the sidecar can be written; when not, the review opens read-only."""
        if self.read_only:
            return False
        folder = self.path.parent
        target = self.path if self.path.exists() else folder
        if not os.access(folder, os.W_OK) or not os.access(target, os.W_OK):
            self.read_only = True
            self.read_only_reason = f"{target} is not writable"
            return False
        return True

    def _maybe_locked(self) -> Any:
        import contextlib

        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as e:  # a folder that cannot be made: read what there is, write nothing
            self.read_only, self.read_only_reason = True, f"cannot make {self.path.parent}: {e.strerror}"
            return contextlib.nullcontext()
        return locked(self.path)

    def _apply_state(self) -> None:
        items = self._state["items"]
        for q in getattr(self, "questions", []):
            entries = [items.get(m) or {} for m in q.members]
            # one decision per row; in a review saved before rows were grouped its items may
            # differ: the latest decision counts and every note is kept
            latest = max(entries, key=lambda e: str(e.get("updated") or ""))
            decision = latest.get("decision")
            if decision is None and not latest.get("updated"):
                decision = next((e.get("decision") for e in entries if e.get("decision")), None)
            notes = list(dict.fromkeys(str(e.get("note") or "") for e in entries if e.get("note")))
            q.decision, q.note = decision, "\n\n".join(notes)
            for m in q.members:
                it = self._by_id[m]
                it.decision, it.note = q.decision, q.note

    # -- reading ------------------------------------------------------------------------
    @property
    def title(self) -> str:
        f = self.analysis.document.files[0] if self.analysis.document.files else None
        return (f.title if f and f.title else self.paper.stem) or self.paper.name

    def item(self, item_id: str) -> ReviewItem:
        try:
            return self._by_id[item_id]
        except KeyError:
            raise ReviewStateError(f"no checklist item {item_id!r} in this review") from None

    @property
    def general_notes(self) -> str:
        return self._state.get("general_notes", "") or ""

    @general_notes.setter
    def general_notes(self, text: str) -> None:
        self._save(general_notes=text or "")

    @property
    def revision(self) -> int:
        return int(self._state.get("revision", 0))

    def progress(self) -> tuple[int, int]:
        """(questions decided, questions): a row several frameworks share counts once."""
        return sum(1 for i in self.questions if i.decision), len(self.questions)

    def counts(self, *, effective: bool = False) -> dict[str, int]:
        """Questions per status (each counted once, whatever the number of frameworks)."""
        c = Counter(i.effective_status if effective else i.status for i in self.questions)
        return {s: c.get(s, 0) for s in STATUSES}

    def counts_by_framework(self) -> dict[str, dict[str, int]]:
        out: dict[str, dict[str, int]] = {}
        for i in self.items:
            d = out.setdefault(i.framework, {s: 0 for s in STATUSES})
            d[i.status] += 1
        return out

    def open_gaps(self) -> int:
        """Open gaps, each question once."""
        return sum(1 for i in self.questions if i.is_gap)

    def gaps(self) -> list[ReviewItem]:
        """Open gaps (one per question), most severe first."""
        sev = {"major": 0, "minor": 1, "info": 2}
        return sorted((i for i in self.questions if i.is_gap),
                      key=lambda i: (sev.get(i.severity, 3), _GAP_ORDER[i.effective_status], i.id))

    def ordered(self, order: str = "gaps") -> list[ReviewItem]:
        """The questions in a ``report.order`` order (default: gaps first)."""
        from ..report.order import sort_rows

        return sort_rows(self.questions, order)

    @property
    def claims(self) -> list[Any]:
        return self.analysis.claims

    @property
    def data_statements(self) -> list[Any]:
        return self.analysis.data_statements

    @property
    def tables(self) -> list[Any]:
        return self.analysis.tables

    @property
    def cross_checks(self) -> list[Any]:
        return self.analysis.cross_checks

    @property
    def design_choices(self) -> list[Any]:
        """The method's design choices and the experiment found for each; empty where the
        ablation topic does not apply (no model of the paper's own)."""
        t = self.analysis.topics.get("model.ablations")
        if t is not None and t.status == "not_applicable":
            return []
        return list(getattr(self.analysis, "design_choices", []) or [])

    @property
    def checklist(self) -> Any:
        from ..report import checklist_frame

        return checklist_frame(self.analysis, review=self)

    # -- changing -----------------------------------------------------------------------
    def decide(self, item_id: str, decision: str | None, note: str | None = None) -> ReviewItem:
        if decision == "n/a":
            decision = "na"
        if decision is not None and decision not in DECISIONS:
            raise ReviewStateError(f"decision must be one of {', '.join(DECISIONS)} or None, not {decision!r}")
        it = self.item(item_id)
        self._save(item=item_id, decision=decision, note=UNSET if note is None else note)
        return it

    def set_note(self, item_id: str, text: str) -> ReviewItem:
        it = self.item(item_id)
        self._save(item=item_id, note=text or "")
        return it

    def on_change(self, callback: Callable[[ReviewSession], None]) -> None:
        self._listeners.append(callback)

    def _save(self, *, item: str | None = None, decision: Any = UNSET, note: Any = UNSET, general_notes: Any = UNSET,
              profile: Any = UNSET) -> None:
        if self.read_only:
            raise ReadOnlyReviewError(
                f"this review is read-only ({self.read_only_reason}); copy the paper to a folder you can write to",
                path=str(self.path))
        base = self._state
        # the summary after the change, computed with the change applied for a moment; the
        # items go back to the saved state whatever happens, and change only once it is on disk
        if item is not None:
            q = self._question_of[item]
            for it in (q, *(self._by_id[m] for m in q.members)):
                if decision is not UNSET:
                    it.decision = decision
                if note is not UNSET:
                    it.note = note
        try:
            summary = self._summary()
        finally:
            self._apply_state()
        conflict: ReviewConflictError | None = None
        try:
            self._state = update_sidecar(self.path, item=item, decision=decision, note=note,
                                         general_notes=general_notes, base=base, summary=summary, profile=profile,
                                         also=self._question_of[item].members if item is not None else ())
        except ReviewConflictError as e:
            conflict = e
            self._state = e.state  # type: ignore[attr-defined]
        self._apply_state()
        for cb in list(self._listeners):
            cb(self)
        if conflict is not None:
            raise conflict

    def reload(self) -> None:
        """Re-read the saved review (another process may have written it)."""
        st = read_state(self.path)
        if st is not None:
            self._state = st
            self._apply_state()

    def _summary(self) -> dict[str, Any]:
        decided, total = self.progress()
        return {"title": self.title, "decided": decided, "total": total, "open_gaps": self.open_gaps(),
                "counts": self.counts()}

    # -- output -------------------------------------------------------------------------
    def report(self, fmt: str = "md", path: str | os.PathLike[str] | None = None) -> str:
        from ..report import render_report

        text = render_report(self.analysis, fmt=fmt, review=self)
        if path is not None:
            from .atomic import atomic_write_text

            atomic_write_text(Path(path), text)
        return text

    def export_csv(self, path: str | os.PathLike[str]) -> Path:
        from .atomic import atomic_write_text

        atomic_write_text(Path(path), self.checklist.to_csv(index=False))
        return Path(path)

    def export_json(self, path: str | os.PathLike[str]) -> Path:
        import json

        from .atomic import atomic_write_text

        data = {"paper": self.paper.name, "supplements": [s.name for s in self.supplements],
                "general_notes": self.general_notes,
                "items": self.checklist.to_dict(orient="records")}
        atomic_write_text(Path(path), json.dumps(data, ensure_ascii=False, indent=1))
        return Path(path)

    def show(self) -> Any:
        from ..notebook import ReviewWidget

        return ReviewWidget(self)

    def _repr_pretty_(self, p: Any, cycle: bool) -> None:
        d, t = self.progress()
        p.text(f"<ReviewSession {self.paper.name}: {d}/{t} decided, {self.open_gaps()} open gaps>")

    def __repr__(self) -> str:
        d, t = self.progress()
        return f"<ReviewSession {self.paper.name}: {d}/{t} decided, {self.open_gaps()} open gaps>"
