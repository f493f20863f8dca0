"""Generic, typed JSON round-trip for the model's dataclasses (stdlib only).

``to_data(obj)`` turns a dataclass tree into plain JSON data; ``from_data(cls, data)``
rebuilds it using the dataclass type hints, so ``from_data(T, to_data(x)) == x``.
Tuples (bounding boxes) become lists in JSON and tuples again on the way back.
"""

from __future__ import annotations

import dataclasses
import functools
import types
from typing import Any, TypeVar, Union, get_args, get_origin, get_type_hints

T = TypeVar("T")


def to_data(obj: Any) -> Any:
    if dataclasses.is_dataclass(obj) and not isinstance(obj, type):
        out = {}
        for f in dataclasses.fields(obj):
            if f.metadata.get("json", True) is False:
                continue
            out[f.name] = to_data(getattr(obj, f.name))
        return out
    if isinstance(obj, (list, tuple)):
        return [to_data(x) for x in obj]
    if isinstance(obj, dict):
        return {str(k): to_data(v) for k, v in obj.items()}
    if isinstance(obj, float):
        # JSON has no NaN/inf: keep the data valid
        if obj != obj or obj in (float("inf"), float("-inf")):
            return None
        return obj
    return obj


@functools.cache
def _hints(cls: type) -> dict[str, Any]:
    return get_type_hints(cls)


def from_data(tp: Any, data: Any) -> Any:
    if data is None:
        return None
    origin = get_origin(tp)
    if origin is Union or origin is types.UnionType:
        args = [a for a in get_args(tp) if a is not type(None)]
        if len(args) == 1:
            return from_data(args[0], data)
        for a in args:  # first type that fits
            if a in (int, float, str, bool) and isinstance(data, a):
                return data
        return data
    if origin is list:
        (arg,) = get_args(tp) or (Any,)
        return [from_data(arg, x) for x in data]
    if origin is tuple:
        args = get_args(tp)
        if len(args) == 2 and args[1] is Ellipsis:
            return tuple(from_data(args[0], x) for x in data)
        return tuple(from_data(a, x) for a, x in zip(args, data))
    if origin is dict:
        kt, vt = get_args(tp) or (Any, Any)
        return {k: from_data(vt, v) for k, v in data.items()}
    if dataclasses.is_dataclass(tp):
        hints = _hints(tp)
        kwargs = {}
        for f in dataclasses.fields(tp):
            if f.name in data:
                kwargs[f.name] = from_data(hints[f.name], data[f.name])
        return tp(**kwargs)
    if tp is float and isinstance(data, int):
        return float(data)
    return data
