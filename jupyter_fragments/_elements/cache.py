"""``st.cache_data`` and ``st.cache_resource``: memoized functions that outlive reruns.

The caches live in the kernel's session (a `CacheStore` registered among the session's
``cache_clearers``), keyed by the function's module, qualified name and code, so a
function that an app cell defines again on every run keeps its cache. Arguments are
hashed by value; ``cache_data`` returns a fresh copy on every call, ``cache_resource``
the same object.
"""

from __future__ import annotations

import contextlib
import functools
import inspect
import logging
import pickle
import re
import threading
import time
from collections import OrderedDict
from collections.abc import Callable
from typing import Any, NamedTuple

from jupyter_fragments._elements._core import context
from jupyter_fragments._elements.cache_keys import arguments_key, function_key
from jupyter_fragments._elements.status import spinner
from jupyter_fragments._runtime.session import get_session
from jupyter_fragments.errors import FragmentsAPIError

__all__ = ["CachedFunction", "arguments_key", "cache_data", "cache_resource", "function_key"]

_MISSING = object()
_log = logging.getLogger("jupyter_fragments")


class Entry(NamedTuple):
    """One cached value, when it was stored and its pickled size (``cache_data``)."""

    stored_at: float
    value: Any
    size: int


class FunctionCache:
    """The entries of one cached function, least recently used first.

    Its limits (``ttl``, ``max_entries``, ``max_size`` in bytes) and ``on_release`` are
    set by the decorator on each call. A lock guards the entries: a background refresh
    stores from its own thread.
    """

    def __init__(self) -> None:
        self.entries: OrderedDict[str, Entry] = OrderedDict()
        self.ttl: float | None = None
        self.max_entries: int | None = None
        self.max_size: int | None = None
        self.on_release: Callable[[Any], Any] | None = None
        self.refreshing: set[str] = set()
        self.lock = threading.RLock()

    def lookup(self, key: str, *, stale_for: float = 0.0) -> tuple[Any, bool]:
        """The value stored for ``key`` (``_MISSING`` if none) and whether it is past its
        ``ttl``; an entry more than ``stale_for`` seconds past it is dropped."""
        with self.lock:
            found = self.entries.get(key)
            if found is None:
                return _MISSING, False
            age = time.monotonic() - found.stored_at
            if self.ttl is not None and age > self.ttl + stale_for:
                self.discard(key)
                return _MISSING, False
            self.entries.move_to_end(key)
            return found.value, self.ttl is not None and age > self.ttl

    def store(self, key: str, value: Any, size: int = 0) -> None:
        """Keep ``value`` as the newest entry, then drop the oldest ones over the limits."""
        with self.lock:
            old = self.entries.pop(key, None)
            self.entries[key] = Entry(time.monotonic(), value, size)
            if old is not None and old.value is not value:
                self._release(old)
            while self.max_entries is not None and len(self.entries) > self.max_entries:
                self._release(self.entries.popitem(last=False)[1])
            if self.max_size is None:
                return
            total = sum(entry.size for entry in self.entries.values())
            while total > self.max_size and len(self.entries) > 1:
                dropped = self.entries.popitem(last=False)[1]
                total -= dropped.size
                self._release(dropped)
            if total > self.max_size:
                _log.warning(
                    "A value of %d bytes is over its cache's max_size of %d bytes: it is kept "
                    "alone, and the next new value replaces it.",
                    total,
                    self.max_size,
                )

    def discard(self, key: str) -> None:
        with self.lock:
            entry = self.entries.pop(key, None)
        if entry is not None:
            self._release(entry)

    def clear(self) -> None:
        with self.lock:
            entries, self.entries = self.entries, OrderedDict()
        for entry in entries.values():
            self._release(entry)

    def _release(self, entry: Entry) -> None:
        """``on_release`` for a value leaving the cache; its errors are logged, not raised
        (it may run in a background refresh, or while another value is stored)."""
        if self.on_release is None:
            return
        try:
            self.on_release(entry.value)
        except Exception:  # noqa: BLE001 - a broken release must not break the app
            _log.exception("on_release of a cached resource failed")


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
                cache.clear()


def cache_store() -> CacheStore:
    """The session's cache store, registered with the session on first use."""
    session = get_session()
    for clear in session.cache_clearers:
        if isinstance(clear, CacheStore):
            return clear
    store = CacheStore()
    session.cache_clearers.append(store)
    return store


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
class CacheOptions(NamedTuple):
    """A decorator's settings, checked (``ttl`` in seconds, ``max_size`` in bytes)."""

    ttl: float | None = None
    max_entries: int | None = None
    max_size: int | None = None
    show_spinner: bool | str = True
    hash_funcs: dict[Any, Callable[[Any], Any]] = {}
    validate: Callable[[Any], bool] | None = None
    on_release: Callable[[Any], Any] | None = None
    background: bool = False


class CachedFunction:
    """A function wrapped by ``st.cache_data`` or ``st.cache_resource``."""

    def __init__(self, func: Callable[..., Any], kind: str, options: CacheOptions) -> None:
        if getattr(func, "__jf_fragment__", False):
            name = getattr(func, "__qualname__", repr(func))
            raise FragmentsAPIError(
                f"{name} is both cached and a fragment, which is not supported. "
                "Fix: cache a helper function and call it from the fragment."
            )
        if not callable(func):
            raise FragmentsAPIError(
                f"@st.cache_{kind} needs a function, got {type(func).__name__}."
            )
        self.func = func
        self.kind = kind
        self.options = options
        self.ident = function_key(func)
        try:
            self.signature: inspect.Signature | None = inspect.signature(func)
        except (TypeError, ValueError):
            self.signature = None
        functools.update_wrapper(self, func)
        self.__jf_cached__ = True

    def _cache(self) -> FunctionCache:
        cache = cache_store().cache(self.kind, self.ident)
        options = self.options
        cache.ttl, cache.max_entries = options.ttl, options.max_entries
        cache.max_size, cache.on_release = options.max_size, options.on_release
        return cache

    def __call__(self, *args: Any, **kwargs: Any) -> Any:
        cache = self._cache()
        key = arguments_key(self.signature, args, kwargs, self.options.hash_funcs)
        # refresh_mode="background": an expired value is still returned for one more ttl
        stale_for = (self.options.ttl or 0.0) if self.options.background else 0.0
        found, expired = cache.lookup(key, stale_for=stale_for)
        if found is not _MISSING and self._valid(cache, key, found):
            if expired:
                self._refresh_later(cache, key, args, kwargs)
            return self._copy(found)
        with self._spinner():
            result = self.func(*args, **kwargs)
        return self._copy(self._keep(cache, key, result))

    def _valid(self, cache: FunctionCache, key: str, found: Any) -> bool:
        """``cache_resource(validate=)``: a value it refuses leaves the cache."""
        check = self.options.validate
        if check is None or check(found):
            return True
        cache.discard(key)
        return False

    def _copy(self, stored: Any) -> Any:
        """What a call returns: a fresh copy of cached data, the resource itself."""
        return pickle.loads(stored) if self.kind == "data" else stored

    def _keep(self, cache: FunctionCache, key: str, result: Any) -> Any:
        """Store a new result (data pickled, its size counted); return what was stored."""
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
        cache.store(key, blob, len(blob))
        return blob

    def _refresh_later(
        self, cache: FunctionCache, key: str, args: tuple[Any, ...], kwargs: dict[str, Any]
    ) -> None:
        """Compute a new value in a thread of its own (one at a time per entry); the
        expired one is returned meanwhile, and released once replaced."""
        with cache.lock:
            if key in cache.refreshing:
                return
            cache.refreshing.add(key)

        def refresh() -> None:
            try:
                self._keep(cache, key, self.func(*args, **kwargs))
            except Exception:  # noqa: BLE001 - the expired value stays; the next call retries
                _log.exception("The background refresh of %s failed", self.func.__qualname__)
            finally:
                with cache.lock:
                    cache.refreshing.discard(key)

        name = f"jf-cache-refresh {self.func.__qualname__}"
        threading.Thread(target=refresh, name=name, daemon=True).start()

    def _spinner(self) -> contextlib.AbstractContextManager[Any]:
        show = self.options.show_spinner
        if not show or context() is None:
            return contextlib.nullcontext()
        text = show if isinstance(show, str) else f"Running `{self.func.__name__}(...)`."
        return spinner(text)

    def clear(self, *args: Any, **kwargs: Any) -> None:
        """Forget this function's cached values (only the one for these arguments, if given)."""
        cache = self._cache()
        if args or kwargs:
            cache.discard(arguments_key(self.signature, args, kwargs, self.options.hash_funcs))
        else:
            cache.clear()

    def __repr__(self) -> str:
        return f"<st.cache_{self.kind} {self.func.__qualname__}>"


class _CacheDecorator:
    kind = ""

    def _decorate(
        self, func: Callable[..., Any] | None, options: CacheOptions
    ) -> CachedFunction | Callable[[Callable[..., Any]], CachedFunction]:
        def wrap(f: Callable[..., Any]) -> CachedFunction:
            return CachedFunction(f, self.kind, options)

        return wrap if func is None else wrap(func)

    def clear(self) -> None:
        """Clear every function cached with this decorator in this kernel."""
        cache_store().clear(self.kind)


class CacheDataAPI(_CacheDecorator):
    """``st.cache_data``: memoize a function that returns data; each call gets a copy.

    ``max_size`` (bytes, or a size such as ``"500MB"``: KB, MB, GB, TB and KiB... all
    powers of 1024) bounds the pickled size of the function's entries: the least
    recently used go first; one value alone over it is kept until the next one.
    ``refresh_mode="background"`` (with a ``ttl``): an expired value is returned at once
    for one more ``ttl`` while a thread computes the new one (that function must not
    draw ``st.*`` elements or read ``st.session_state``). ``scope="session"`` is the
    same as ``"global"``: a kernel is one session. ``persist="disk"`` is accepted and
    kept in memory.

    Examples
    --------
    >>> @st.cache_data(ttl="1h", max_size="200MB")
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
        max_size: int | str | None = None,
        show_spinner: bool | str = True,
        show_time: bool = False,
        persist: Any = None,
        experimental_allow_widgets: bool = False,
        hash_funcs: dict[Any, Callable[[Any], Any]] | None = None,
        scope: str = "global",
        refresh_mode: str = "foreground",
    ) -> Any:
        call = "st.cache_data"
        if persist not in (None, False, "disk", True):
            raise FragmentsAPIError(f"{call} got persist={persist!r}. Fix: pass None or 'disk'.")
        seconds = _common(call, ttl, max_entries, scope, refresh_mode)
        if refresh_mode == "background" and persist not in (None, False):
            raise FragmentsAPIError(
                f"{call} got refresh_mode='background' with persist={persist!r}: a persisted "
                "cache does not expire. Fix: drop persist, or use refresh_mode='foreground'."
            )
        options = CacheOptions(
            seconds, max_entries, _byte_size(max_size, call), show_spinner,
            dict(hash_funcs or {}), background=refresh_mode == "background",
        )  # fmt: skip
        return self._decorate(func, options)


class CacheResourceAPI(_CacheDecorator):
    """``st.cache_resource``: memoize a function that makes a shared object (a connection,
    a model); every call gets the same object.

    ``on_release(value)`` is called when a value leaves the cache: ``max_entries`` or
    ``ttl`` drops it, ``validate`` refuses it, ``.clear()`` or
    ``st.cache_resource.clear()`` clears it, or a background refresh replaces it.
    ``refresh_mode`` and ``scope`` are as for `cache_data`.

    Examples
    --------
    >>> @st.cache_resource(on_release=lambda conn: conn.close())
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
        on_release: Callable[[Any], Any] | None = None,
        scope: str = "global",
        refresh_mode: str = "foreground",
    ) -> Any:
        call = "st.cache_resource"
        seconds = _common(call, ttl, max_entries, scope, refresh_mode)
        for name, given in (("validate", validate), ("on_release", on_release)):
            if given is not None and (not callable(given) or inspect.iscoroutinefunction(given)):
                raise FragmentsAPIError(
                    f"{call} got {name}={given!r}. Fix: pass a plain (not async) function "
                    "of the cached value, or None."
                )
        options = CacheOptions(
            seconds, max_entries, None, show_spinner, dict(hash_funcs or {}), validate,
            on_release, background=refresh_mode == "background",
        )  # fmt: skip
        return self._decorate(func, options)


def _common(call: str, ttl: Any, max_entries: Any, scope: Any, refresh_mode: Any) -> float | None:
    """Check what both decorators take; return ``ttl`` in seconds."""
    if max_entries is not None and (
        isinstance(max_entries, bool) or not isinstance(max_entries, int) or max_entries < 1
    ):
        raise FragmentsAPIError(
            f"{call} got max_entries={max_entries!r}. Fix: pass a positive int or None."
        )
    if scope not in ("global", "session"):
        raise FragmentsAPIError(f"{call} got scope={scope!r}. Fix: pass 'global' or 'session'.")
    if refresh_mode not in ("foreground", "background"):
        raise FragmentsAPIError(
            f"{call} got refresh_mode={refresh_mode!r}. Fix: pass 'foreground' or 'background'."
        )
    seconds = _seconds(ttl)
    if refresh_mode == "background" and not seconds:
        raise FragmentsAPIError(
            f"{call} got refresh_mode='background' without a positive ttl, so nothing ever "
            "needs refreshing. Fix: pass a ttl (e.g. ttl='1h'), or refresh_mode='foreground'."
        )
    return seconds


_SIZE = re.compile(r"(\d+(?:\.\d*)?|\.\d+) ?(b|ki?b|mi?b|gi?b|ti?b)", re.IGNORECASE | re.ASCII)
_UNITS = {"b": 0, "k": 1, "m": 2, "g": 3, "t": 4}


def _byte_size(value: Any, call: str) -> int | None:
    """``max_size`` in bytes: an int, or a number with a unit (all powers of 1024; a
    fraction of a byte is dropped, so ``"1.1KB"`` is 1126)."""
    if value is None:
        return None
    size = -1
    if isinstance(value, int) and not isinstance(value, bool):
        size = value
    elif isinstance(value, str) and (found := _SIZE.fullmatch(value.strip())):
        number, unit = found.groups()
        whole, _, fraction = number.partition(".")
        digits = int(f"{whole or '0'}{fraction}")
        size = digits * 1024 ** _UNITS[unit[0].lower()] // 10 ** len(fraction)
    if size <= 0:
        raise FragmentsAPIError(
            f"{call} got max_size={value!r}. Fix: pass a positive number of bytes, or a size "
            "with its unit such as '500MB' or '1.5GiB'."
        )
    return size


cache_data = CacheDataAPI()
cache_resource = CacheResourceAPI()
