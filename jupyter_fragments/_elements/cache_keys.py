"""What a cached function's entries are keyed by: its code, and its arguments hashed by
content (frames, arrays, sets and unpicklable objects included; ``hash_funcs`` first).
"""

from __future__ import annotations

import datetime
import hashlib
import inspect
import pickle
from collections.abc import Callable
from typing import Any


def _type_name(value: Any) -> str:
    cls = type(value)
    return f"{cls.__module__}.{cls.__qualname__}"


def _custom_hasher(value: Any, hash_funcs: dict[Any, Callable[[Any], Any]]) -> Any:
    for cls in type(value).__mro__:
        for key in (cls, f"{cls.__module__}.{cls.__qualname__}"):
            if key in hash_funcs:
                return hash_funcs[key]
    return None


def _feed(h: Any, value: Any, hash_funcs: dict[Any, Callable[[Any], Any]], depth: int = 0) -> None:
    """Add ``value`` to the hash ``h`` by content, as robustly as the type allows."""
    h.update(_type_name(value).encode())
    custom = _custom_hasher(value, hash_funcs)
    if custom is not None:
        _feed(h, custom(value), {}, depth + 1)
        return
    if depth > 50 or value is None or isinstance(value, (bool, int, float, complex, str)):
        h.update(repr(value).encode())
    elif isinstance(value, (bytes, bytearray, memoryview)):
        h.update(bytes(value))
    elif isinstance(value, (list, tuple)):
        h.update(str(len(value)).encode())
        for item in value:
            _feed(h, item, hash_funcs, depth + 1)
    elif isinstance(value, dict):
        h.update(str(len(value)).encode())
        for k, v in value.items():
            _feed(h, k, hash_funcs, depth + 1)
            _feed(h, v, hash_funcs, depth + 1)
    elif isinstance(value, (set, frozenset)):
        for digest in sorted(_digest(item, hash_funcs) for item in value):
            h.update(digest.encode())
    elif hasattr(value, "iloc") and hasattr(value, "index"):  # pandas DataFrame / Series
        _feed_pandas(h, value)
    elif hasattr(value, "tobytes") and hasattr(value, "dtype") and hasattr(value, "shape"):
        h.update(f"{value.dtype}{value.shape}".encode())
        h.update(value.tobytes())
    elif isinstance(value, (datetime.date, datetime.time, datetime.timedelta)):
        h.update(repr(value).encode())
    elif inspect.isfunction(value) or inspect.ismethod(value):
        h.update(function_key(value).encode())
    else:
        try:
            h.update(pickle.dumps(value, protocol=4))
        except Exception:  # noqa: BLE001 - anything unpicklable falls back to its repr
            h.update(repr(value).encode())


def _feed_pandas(h: Any, value: Any) -> None:
    try:
        import pandas as pd

        h.update(repr(list(getattr(value, "columns", [value.name]))).encode())
        h.update(repr(list(getattr(value, "dtypes", [value.dtype]))).encode())
        h.update(pd.util.hash_pandas_object(value, index=True).to_numpy().tobytes())
    except Exception:  # noqa: BLE001 - unhashable cells (lists): pickle the whole object
        h.update(pickle.dumps(value, protocol=4))


def _digest(value: Any, hash_funcs: dict[Any, Callable[[Any], Any]]) -> str:
    h = hashlib.sha256()
    _feed(h, value, hash_funcs)
    return h.hexdigest()


def function_key(func: Callable[..., Any]) -> str:
    """Module, qualified name and a digest of the code: the same across redefinitions."""
    func = inspect.unwrap(func)
    code = getattr(func, "__code__", None)
    h = hashlib.sha256()
    if code is not None:
        h.update(code.co_code)
        h.update(repr(code.co_consts).encode())
    module = getattr(func, "__module__", "") or ""
    name = getattr(func, "__qualname__", getattr(func, "__name__", repr(func)))
    return f"{module}.{name}:{h.hexdigest()[:16]}"


def arguments_key(
    signature: inspect.Signature | None,
    args: tuple[Any, ...],
    kwargs: dict[str, Any],
    hash_funcs: dict[Any, Callable[[Any], Any]],
) -> str:
    """A digest of the call's arguments; parameters named with a leading ``_`` are skipped."""
    named: list[tuple[str, Any]]
    if signature is not None:
        try:
            bound = signature.bind(*args, **kwargs)
            bound.apply_defaults()
            named = [(n, v) for n, v in bound.arguments.items() if not n.startswith("_")]
        except TypeError:
            named = [*((str(i), a) for i, a in enumerate(args)), *sorted(kwargs.items())]
    else:
        named = [*((str(i), a) for i, a in enumerate(args)), *sorted(kwargs.items())]
    return _digest(named, hash_funcs)
