"""Reading checklist data files (YAML or JSON) with errors that name the file and line.

Frameworks are data: a journal can drop its own file beside ours and select it.  A
malformed file raises :class:`~jupyter_review.errors.ChecklistError` whose message
names the file, the line and the problem.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from ..errors import ChecklistError, UnknownFrameworkError, UnknownTopicError

DATA = resources.files("jupyter_review.checklist") / "data"
STATUSES = ("disclosed", "supplement_only", "vague", "missing", "not_applicable")
SEVERITIES = ("major", "minor", "info")
BUILTIN_ORDER = ("data-disclosure", "ai-accountability", "ml-reproducibility", "datasheets", "model-cards")
_ID = re.compile(r"^[a-z0-9][a-z0-9_.-]*$")


class _LineDict(dict):
    """A mapping that remembers the line (1-based) where it starts in its file."""

    line: int = 0


class _Loader(yaml.SafeLoader):
    pass


def _construct_mapping(loader: _Loader, node: yaml.MappingNode) -> _LineDict:
    loader.flatten_mapping(node)
    out = _LineDict()
    for key_node, value_node in node.value:
        key = loader.construct_object(key_node, deep=True)
        if key in out:
            raise ChecklistError(f"duplicate key {key!r}", path=loader.name, line=key_node.start_mark.line + 1)
        out[key] = loader.construct_object(value_node, deep=True)
    out.line = node.start_mark.line + 1
    return out


_Loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)


def read_data_file(path: str | Path, text: str | None = None) -> Any:
    """Parse a YAML or JSON file; syntax errors become ChecklistError with a line."""
    p = Path(path)
    if text is None:
        if not p.exists():
            raise ChecklistError("file not found", path=str(p))
        try:
            text = p.read_text(encoding="utf-8")
        except UnicodeDecodeError as e:
            raise ChecklistError(f"not UTF-8 text ({e.reason})", path=str(p)) from e
        except OSError as e:
            raise ChecklistError(f"cannot read: {e.strerror}", path=str(p)) from e
    if p.suffix.lower() == ".json":
        try:
            return json.loads(text)
        except json.JSONDecodeError as e:
            raise ChecklistError(f"invalid JSON: {e.msg}", path=str(p), line=e.lineno) from e
    loader = _Loader(text)
    loader.name = str(p)
    try:
        return loader.get_single_data()
    except yaml.MarkedYAMLError as e:
        mark = e.problem_mark or e.context_mark
        problem = (e.problem or e.context or "invalid YAML").strip()
        raise ChecklistError(f"invalid YAML: {problem}", path=str(p), line=mark.line + 1 if mark else None) from e
    except yaml.YAMLError as e:
        raise ChecklistError(f"invalid YAML: {e}", path=str(p)) from e
    finally:
        loader.dispose()


def _line(obj: Any) -> int | None:
    return getattr(obj, "line", None) or None


# -- topics ---------------------------------------------------------------------------


@dataclass
class Topic:
    id: str
    title: str
    severity: str
    description: str
    vague_when: str = ""
    # a major topic is major only where this condition on the paper profile holds, minor
    # elsewhere ("releases_model": safety testing weighs most for a model others can use)
    major_if: str = ""


@lru_cache(maxsize=1)
def topics() -> dict[str, Topic]:
    """The fixed taxonomy of disclosure topics (package data)."""
    path = DATA / "topics.yaml"
    raw = read_data_file(Path(str(path)), path.read_text(encoding="utf-8"))
    out: dict[str, Topic] = {}
    for tid, spec in raw["topics"].items():
        out[tid] = Topic(
            id=tid,
            title=spec["title"],
            severity=spec.get("severity", "minor"),
            description=" ".join(str(spec.get("description", "")).split()),
            vague_when=" ".join(str(spec.get("vague_when", "")).split()),
            major_if=str(spec.get("major_if", "") or ""),
        )
    return out


@lru_cache(maxsize=1)
def detector_specs() -> tuple[dict[str, str], dict[str, dict[str, Any]]]:
    path = DATA / "detectors.yaml"
    raw = read_data_file(Path(str(path)), path.read_text(encoding="utf-8"))
    return dict(raw.get("vocab", {})), dict(raw["detectors"])


# -- frameworks -----------------------------------------------------------------------


@dataclass
class FrameworkItem:
    id: str
    question: str
    topics: list[str]
    source: str = ""  # the item of the cited framework this paraphrases
    severity: str | None = None
    request: str = ""  # how a referee asks the authors for it
    applies_profile: str = ""  # a condition on the paper profile ("dataset"); "" always applies


@dataclass
class Framework:
    id: str
    title: str
    description: str
    cites: str
    items: list[FrameworkItem] = field(default_factory=list)
    path: str = ""
    builtin: bool = True
    url: str = ""
    applies_profile: str = ""  # the default condition of its items on the paper profile


def _need(d: Any, key: str, path: str, what: str, kind: type | tuple[type, ...] = str) -> Any:
    if not isinstance(d, dict):
        raise ChecklistError(f"{what} must be a mapping", path=path, line=_line(d))
    if key not in d or d[key] in (None, ""):
        raise ChecklistError(f"{what} has no '{key}'", path=path, line=_line(d))
    v = d[key]
    if not isinstance(v, kind):
        names = kind.__name__ if isinstance(kind, type) else " or ".join(k.__name__ for k in kind)
        raise ChecklistError(f"{what}: '{key}' must be a {names}, not {type(v).__name__}", path=path, line=_line(d))
    return v


def parse_framework(raw: Any, path: str, *, builtin: bool = False) -> Framework:
    """Validate one framework file's data; every problem names the file and line."""
    known = topics()
    if not isinstance(raw, dict):
        raise ChecklistError("a checklist file must be a mapping with 'id', 'title' and 'items'", path=path, line=1)
    fid = _need(raw, "id", path, "the checklist")
    if not _ID.match(fid):
        raise ChecklistError(f"id {fid!r} must be lower-case letters, digits, '.', '_' or '-'", path=path, line=_line(raw))
    fw = Framework(
        id=fid,
        title=_need(raw, "title", path, "the checklist"),
        description=" ".join(str(raw.get("description", "")).split()),
        cites=" ".join(str(raw.get("cites", "")).split()),
        url=str(raw.get("url", "")),
        path=path,
        builtin=builtin,
        applies_profile=_profile_condition(raw, path, "the checklist"),
    )
    items = _need(raw, "items", path, "the checklist", list)
    if not items:
        raise ChecklistError("'items' is empty", path=path, line=_line(raw))
    seen: set[str] = set()
    for n, it in enumerate(items, 1):
        what = f"item {n}"
        iid = _need(it, "id", path, what)
        if not _ID.match(iid):
            raise ChecklistError(f"{what}: id {iid!r} must be lower-case letters, digits, '.', '_' or '-'", path=path, line=_line(it))
        if iid in seen:
            raise ChecklistError(f"{what}: duplicate item id {iid!r}", path=path, line=_line(it))
        seen.add(iid)
        q = _need(it, "question", path, f"item {iid!r}")
        if "topic" in it:
            tl = [_need(it, "topic", path, f"item {iid!r}")]
        elif "topics" in it:
            tl = _need(it, "topics", path, f"item {iid!r}", list)
        else:
            raise ChecklistError(f"item {iid!r} has no 'topic'", path=path, line=_line(it))
        for t in tl:
            if t not in known:
                close = [k for k in known if k.split(".")[-1] == str(t).split(".")[-1]]
                hint = f" (did you mean {close[0]!r}?)" if close else ""
                raise UnknownTopicError(f"item {iid!r}: unknown topic {t!r}{hint}", path=path, line=_line(it))
        sev = it.get("severity")
        if sev is not None and sev not in SEVERITIES:
            raise ChecklistError(f"item {iid!r}: severity must be one of {', '.join(SEVERITIES)}", path=path, line=_line(it))
        fw.items.append(
            FrameworkItem(
                id=iid, question=" ".join(str(q).split()), topics=list(tl), source=str(it.get("source", "")),
                severity=sev, request=" ".join(str(it.get("request", "")).split()),
                applies_profile=_profile_condition(it, path, f"item {iid!r}"),
            )
        )
    return fw


def _profile_condition(d: Any, path: str, what: str) -> str:
    """A checked ``applies_profile`` condition ("" when absent)."""
    cond = d.get("applies_profile") if isinstance(d, dict) else None
    if cond in (None, ""):
        return ""
    if not isinstance(cond, str):
        raise ChecklistError(f"{what}: 'applies_profile' must be text such as 'dataset or model'", path=path,
                             line=_line(d))
    from .profile import check_expression

    try:
        check_expression(cond)
    except ChecklistError as e:
        raise ChecklistError(f"{what}: {e.message}", path=path, line=_line(d)) from e
    return cond


def load_framework_file(path: str | Path) -> Framework:
    p = Path(path)
    return parse_framework(read_data_file(p), str(p), builtin=False)


@lru_cache(maxsize=1)
def builtin_frameworks() -> dict[str, Framework]:
    out: dict[str, Framework] = {}
    folder = DATA / "frameworks"
    for entry in sorted(folder.iterdir(), key=lambda e: e.name):
        if not entry.name.endswith((".yaml", ".yml", ".json")):
            continue
        fw = parse_framework(read_data_file(Path(entry.name), entry.read_text(encoding="utf-8")), f"jupyter_review/checklist/data/frameworks/{entry.name}", builtin=True)
        out[fw.id] = fw
    order = {k: i for i, k in enumerate(BUILTIN_ORDER)}
    return dict(sorted(out.items(), key=lambda kv: (order.get(kv[0], len(order)), kv[0])))


def resolve_frameworks(ids: list[str] | tuple[str, ...] | None, extra_files: Any = ()) -> list[Framework]:
    """The frameworks to show: the named ones (default: all built-in), plus extra files."""
    available = dict(builtin_frameworks())
    extras = [load_framework_file(p) for p in (extra_files or ())]
    for fw in extras:
        available[fw.id] = fw
    if not ids:
        chosen = list(builtin_frameworks().values()) + [fw for fw in extras if fw.id not in builtin_frameworks()]
        # an extra file that reuses a built-in id replaces it
        return [available[f.id] for f in chosen]
    out = []
    for i in ids:
        if i not in available:
            raise UnknownFrameworkError(
                f"unknown checklist framework {i!r}; available: {', '.join(sorted(available))}"
            )
        out.append(available[i])
    return out
