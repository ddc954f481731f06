"""``st.cache_data`` and ``st.cache_resource``: memoized functions that outlive reruns.

The caches live in the kernel's session (a `CacheStore` registered among the session's
``cache_clearers``), keyed by the function's module, qualified name and code, so a
function that an app cell defines again on every run keeps its cache. Arguments are
hashed by value; ``cache_data`` returns a fresh copy on every call, ``cache_resource``
the same object.
"""

from __future__ import annotations

import contextlib
import datetime
import functools
import hashlib
import inspect
import pickle
import time
from collections import OrderedDict
from collections.abc import Callable
from typing import Any

from jupyter_fragments._elements._core import context
from jupyter_fragments._elements.status import spinner
from jupyter_fragments._runtime.session import get_session
from jupyter_fragments.errors import FragmentsAPIError

_MISSING = object()


class FunctionCache:
    """The entries of one cached function: LRU-ordered, each with the time it was stored."""

    def __init__(self) -> None:
        self.entries: OrderedDict[str, tuple[float, Any]] = OrderedDict()
        self.ttl: float | None = None
        self.max_entries: int | None = None

    def lookup(self, key: str) -> Any:
        found = self.entries.get(key)
        if found is None:
            return _MISSING
        stored_at, value = found
        if self.ttl is not None and time.monotonic() - stored_at > self.ttl:
            del self.entries[key]
            return _MISSING
        self.entries.move_to_end(key)
        return value

    def store(self, key: str, value: Any) -> None:
        self.entries[key] = (time.monotonic(), value)
        self.entries.move_to_end(key)
        while self.max_entries is not None and len(self.entries) > self.max_entries:
            self.entries.popitem(last=False)


class CacheStore:
    """Every cache of one kernel session, by kind (``data``/``resource``) and function."""

    def __init__(self) -> None:
        self.caches: dict[tuple[str, str], FunctionCache] = {}

    def __call__(self) -> None:
        """The session's clear hook (control comm, ``clear_cache``): clears ``cache_data``."""
        self.clear("data")

    def cache(self, kind: str, ident: str) -> FunctionCache:
        found = self.caches.get((kind, ident))
        if found is None:
            found = self.caches[(kind, ident)] = FunctionCache()
        return found

    def clear(self, kind: str, ident: str | None = None) -> None:
        for (k, i), cache in self.caches.items():
            if k == kind and (ident is None or i == ident):
                cache.entries.clear()


def cache_store() -> CacheStore:
    """The session's cache store, registered with the session on first use."""
    session = get_session()
    for clear in session.cache_clearers:
        if isinstance(clear, CacheStore):
            return clear
    store = CacheStore()
    session.cache_clearers.append(store)
    return store


# ------------------------------------------------------------------- hashing
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


def _seconds(ttl: Any) -> float | None:
    if ttl is None:
        return None
    from jupyter_fragments._runtime.timers import parse_run_every

    try:
        return parse_run_every(ttl)
    except (TypeError, ValueError):
        raise FragmentsAPIError(
            f"ttl={ttl!r} is not a duration. Fix: pass seconds, a timedelta or a string "
            "such as '10m' or '1h'."
        ) from None


# ------------------------------------------------------------------ functions
class CachedFunction:
    """A function wrapped by ``st.cache_data`` or ``st.cache_resource``."""

    def __init__(
        self,
        func: Callable[..., Any],
        kind: str,
        *,
        ttl: Any,
        max_entries: int | None,
        show_spinner: bool | str,
        hash_funcs: dict[Any, Callable[[Any], Any]] | None,
        validate: Callable[[Any], bool] | None = None,
    ) -> None:
        decorator = f"st.cache_{kind}"
        if getattr(func, "__jf_fragment__", False):
            name = getattr(func, "__qualname__", repr(func))
            raise FragmentsAPIError(
                f"{name} is both cached and a fragment, which is not supported. "
                "Fix: cache a helper function and call it from the fragment."
            )
        if not callable(func):
            raise FragmentsAPIError(f"@{decorator} needs a function, got {type(func).__name__}.")
        if max_entries is not None and (not isinstance(max_entries, int) or max_entries < 1):
            raise FragmentsAPIError(
                f"{decorator} got max_entries={max_entries!r}. Fix: pass a positive int or None."
            )
        self.func = func
        self.kind = kind
        self.ttl = _seconds(ttl)
        self.max_entries = max_entries
        self.show_spinner = show_spinner
        self.hash_funcs = dict(hash_funcs or {})
        self.validate = validate
        self.ident = function_key(func)
        try:
            self.signature: inspect.Signature | None = inspect.signature(func)
        except (TypeError, ValueError):
            self.signature = None
        functools.update_wrapper(self, func)
        self.__jf_cached__ = True

    def _cache(self) -> FunctionCache:
        cache = cache_store().cache(self.kind, self.ident)
        cache.ttl, cache.max_entries = self.ttl, self.max_entries
        return cache

    def __call__(self, *args: Any, **kwargs: Any) -> Any:
        cache = self._cache()
        key = arguments_key(self.signature, args, kwargs, self.hash_funcs)
        found = cache.lookup(key)
        if found is not _MISSING:
            if self.kind == "data":
                return pickle.loads(found)
            if self.validate is None or self.validate(found):
                return found
        with self._spinner():
            result = self.func(*args, **kwargs)
        if self.kind == "resource":
            cache.store(key, result)
            return result
        try:
            blob = pickle.dumps(result, protocol=pickle.HIGHEST_PROTOCOL)
        except Exception as exc:  # noqa: BLE001 - any pickling failure means the same fix
            raise FragmentsAPIError(
                f"{self.func.__qualname__} returned a {type(result).__name__}, which "
                f"st.cache_data cannot copy ({exc}). Fix: return picklable data, or use "
                "st.cache_resource for objects to share (connections, models)."
            ) from None
        cache.store(key, blob)
        return pickle.loads(blob)

    def _spinner(self) -> contextlib.AbstractContextManager[Any]:
        if not self.show_spinner or context() is None:
            return contextlib.nullcontext()
        text = (
            self.show_spinner
            if isinstance(self.show_spinner, str)
            else f"Running `{self.func.__name__}(...)`."
        )
        return spinner(text)

    def clear(self, *args: Any, **kwargs: Any) -> None:
        """Forget this function's cached values (only the one for these arguments, if given)."""
        cache = self._cache()
        if args or kwargs:
            cache.entries.pop(arguments_key(self.signature, args, kwargs, self.hash_funcs), None)
        else:
            cache.entries.clear()

    def __repr__(self) -> str:
        return f"<st.cache_{self.kind} {self.func.__qualname__}>"


class _CacheDecorator:
    kind = ""

    def _decorate(
        self, func: Callable[..., Any] | None, **options: Any
    ) -> CachedFunction | Callable[[Callable[..., Any]], CachedFunction]:
        def wrap(f: Callable[..., Any]) -> CachedFunction:
            return CachedFunction(f, self.kind, **options)

        return wrap if func is None else wrap(func)

    def clear(self) -> None:
        """Clear every function cached with this decorator in this kernel."""
        cache_store().clear(self.kind)


class CacheDataAPI(_CacheDecorator):
    """``st.cache_data``: memoize a function that returns data; each call gets a copy.

    Examples
    --------
    >>> @st.cache_data(ttl="1h")
    ... def load(url):
    ...     return pd.read_csv(url)
    >>> st.cache_data.clear()
    """

    kind = "data"

    def __call__(
        self,
        func: Callable[..., Any] | None = None,
        *,
        ttl: Any = None,
        max_entries: int | None = None,
        show_spinner: bool | str = True,
        show_time: bool = False,
        persist: Any = None,
        experimental_allow_widgets: bool = False,
        hash_funcs: dict[Any, Callable[[Any], Any]] | None = None,
    ) -> Any:
        if persist not in (None, False, "disk", True):
            raise FragmentsAPIError(
                f"st.cache_data got persist={persist!r}. Fix: pass None or 'disk'."
            )
        return self._decorate(
            func, ttl=ttl, max_entries=max_entries, show_spinner=show_spinner,
            hash_funcs=hash_funcs,
        )  # fmt: skip


class CacheResourceAPI(_CacheDecorator):
    """``st.cache_resource``: memoize a function that makes a shared object (a connection,
    a model); every call gets the same object.

    Examples
    --------
    >>> @st.cache_resource
    ... def connect():
    ...     return sqlite3.connect("app.db", check_same_thread=False)
    """

    kind = "resource"

    def __call__(
        self,
        func: Callable[..., Any] | None = None,
        *,
        ttl: Any = None,
        max_entries: int | None = None,
        show_spinner: bool | str = True,
        show_time: bool = False,
        validate: Callable[[Any], bool] | None = None,
        experimental_allow_widgets: bool = False,
        hash_funcs: dict[Any, Callable[[Any], Any]] | None = None,
    ) -> Any:
        return self._decorate(
            func, ttl=ttl, max_entries=max_entries, show_spinner=show_spinner,
            hash_funcs=hash_funcs, validate=validate,
        )  # fmt: skip


cache_data = CacheDataAPI()
cache_resource = CacheResourceAPI()
