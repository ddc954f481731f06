"""``@st.fragment``: functions that rerun on their own, and ``st.rerun`` / ``st.stop``."""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any, TypeVar, overload

from jupyter_fragments._runtime.session import current_context
from jupyter_fragments._runtime.signals import RerunSignal, StopSignal
from jupyter_fragments.errors import FragmentsAPIError, NoAppError

F = TypeVar("F", bound=Callable[..., Any])


class FragmentFunction:
    """A function decorated with ``@st.fragment``.

    Called during a run, it draws into its own scope; an interaction with a widget
    inside it reruns only this function, with the arguments of its last call. Called
    outside any app, it is a plain function call. ``parallel``: during a full run it
    runs on a thread of its own (see `jupyter_fragments._runtime.parallel`).
    """

    def __init__(
        self,
        func: Callable[..., Any],
        run_every: float | None,
        key: str | None = None,
        watch: tuple[str, ...] = (),
        parallel: bool = False,
    ) -> None:
        if getattr(func, "__jf_cached__", False):
            raise FragmentsAPIError(
                f"{func.__qualname__} is both cached and a fragment, which is not supported. "
                "Fix: cache a helper function and call it from the fragment."
            )
        if isinstance(func, FragmentFunction):
            func = func.func
        self.func: Callable[..., Any] = func
        self.run_every = run_every
        self.key = key
        self.watch = watch
        self.parallel = parallel
        self.name = getattr(func, "__qualname__", getattr(func, "__name__", "fragment"))
        code = getattr(func, "__code__", None)
        line = code.co_firstlineno if code is not None else 0
        self.ident = f"{self.name}:{line}"
        functools.update_wrapper(self, func)
        self.__jf_fragment__ = True

    def __call__(self, *args: Any, **kwargs: Any) -> Any:
        ctx = current_context()
        if ctx is None:
            return self.func(*args, **kwargs)
        return ctx.app.call_fragment(self, args, kwargs)

    def __get__(self, instance: Any, owner: Any = None) -> Any:
        if instance is None:
            return self
        return functools.partial(self.__call__, instance)

    def __repr__(self) -> str:
        return f"<fragment {self.name}>"


@overload
def fragment(func: F) -> F: ...


@overload
def fragment(
    func: None = None,
    *,
    run_every: Any = None,
    key: str | int | None = None,
    watch: Any = None,
    parallel: bool = False,
) -> Callable[[F], F]: ...


def fragment(
    func: Callable[..., Any] | None = None,
    *,
    run_every: Any = None,
    key: str | int | None = None,
    watch: Any = None,
    parallel: bool = False,
) -> Any:
    """Turn a function into a fragment, a part of the app that reruns on its own.

    Parameters
    ----------
    func : callable
        The function. Works with and without parentheses: ``@st.fragment`` or
        ``@st.fragment(run_every="2s")``, and as a call, ``st.fragment(func=f)``.
    run_every : int, float, str, timedelta or None
        Rerun the fragment on this interval while the app lives: seconds, a duration
        string (``"500ms"``, ``"10s"``, ``"1m"``) or a ``timedelta``. ``None`` or 0: never.
    key : str or int, optional
        A name for the fragment function, so that ``st.rerun(key)`` can rerun it from
        anywhere: a widget callback (then the interaction reruns only the fragments it
        names), another fragment, the app body or a plain notebook cell. Every call site
        of the function shares the key and reruns with it; two different fragment
        functions may not use one key in a run. ``"app"`` and ``"fragment"`` are reserved.
    watch : list of str, optional
        Session-state keys: the fragment reruns when any of them is assigned a different
        value (by another fragment, a callback, the app body, a widget with that key or a
        plain cell). Values are compared with ``!=``; values whose comparison is ambiguous
        (DataFrames, arrays) count as changed unless the same object is assigned again.
        In-place mutation (``st.session_state.rows.append(...)``) is not seen: assign,
        or call ``st.rerun(scope=key)``.
    parallel : bool
        Run it on a thread of its own during full runs (Streamlit 1.67): fragments that
        each wait 300 ms on I/O draw in about 300 ms together. The call returns None at
        once; the run joins them before the page is sent; their own reruns run on the
        kernel's thread. ``st.stop()`` ends that fragment, ``st.rerun()`` reruns the app
        after the join, outside containers are refused; matplotlib is not thread-safe:
        give ``st.pyplot`` a figure of your own. See docs/streamlit-compatibility.md.

    Examples
    --------
    >>> import jupyter_fragments as st
    >>> @st.fragment
    ... def counter():
    ...     if st.button("+1"):
    ...         st.session_state.n = st.session_state.get("n", 0) + 1
    ...     st.write(st.session_state.get("n", 0))
    """
    from jupyter_fragments._runtime.timers import parse_run_every

    interval = parse_run_every(run_every)
    if isinstance(key, int) and not isinstance(key, bool):
        key = str(key)  # Streamlit 1.67 takes int keys as their string
    if key is not None and (not isinstance(key, str) or not key or key in ("app", "fragment")):
        raise FragmentsAPIError(
            f"@st.fragment(key={key!r}) needs a non-empty string (or an int) other than "
            "'app' and 'fragment', which st.rerun() reads as scopes. "
            "Fix: e.g. @st.fragment(key='chart')."
        )
    if watch is None:
        watched: tuple[str, ...] = ()
    elif isinstance(watch, (list, tuple)) and all(isinstance(k, str) for k in watch):
        watched = tuple(watch)
    else:
        raise FragmentsAPIError(
            f"@st.fragment(watch={watch!r}) needs a list of session-state keys (strings). "
            "Fix: e.g. @st.fragment(watch=['filter', 'data'])."
        )

    def decorate(f: Callable[..., Any]) -> FragmentFunction:
        if not callable(f):
            raise TypeError(
                f"@st.fragment needs a function, got {type(f).__name__}. "
                "Fix: put @st.fragment on a def."
            )
        return FragmentFunction(f, interval, key, watched, bool(parallel))

    if func is None:
        return decorate
    return decorate(func)


#: The earlier name of `fragment` (Streamlit 1.33-1.36).
experimental_fragment = fragment


def rerun(scope: Any = "app", *, type: str | None = None) -> None:
    """Stop the current run and rerun the app, this fragment, or the fragments named.

    Parameters
    ----------
    scope : "app", "fragment", a fragment key, or a list of fragment keys
        ``"app"`` (the default) reruns the whole app; in a widget callback it makes
        the interaction a full rerun (Streamlit 1.63+). ``"fragment"`` reruns the
        fragment that calls it; it is only valid while that fragment reruns on its
        own (not during a full run of the app). The ``key=`` of a fragment (a str or
        an int), or a list of keys, reruns every call site of those fragments:

        - in a widget callback (``on_change``, ``on_click``), the interaction reruns
          only those fragments instead of the app or the widget's fragment, as in
          Streamlit 1.67 (unless another callback of the same interaction wants the
          whole app);
        - anywhere else (the app body, a fragment, a plain notebook cell), the rerun
          is queued without stopping the current run, and happens as soon as it ends.

        ``"app"`` and ``"fragment"`` cannot be fragment keys; an unknown key is an error
        that names it.
    type : str, optional
        Accepted for compatibility; it has no effect.

    Examples
    --------
    >>> if st.button("Reset"):
    ...     st.session_state.clear()
    ...     st.rerun()
    >>> st.button("Refresh charts", on_click=lambda: st.rerun("charts"))
    """
    keys = _rerun_keys(scope)
    ctx = current_context()
    if keys is not None:
        from jupyter_fragments._runtime.session import get_session

        found = get_session().find_fragments(keys, ctx.app if ctx is not None else None)
        here = tuple(s for app, s in found if ctx is not None and app is ctx.app)
        for app, target in found:
            if ctx is None or not ctx.in_callback or app is not ctx.app:
                app.request(target)
        if ctx is not None and ctx.in_callback and here:
            raise RerunSignal("keys", targets=here)
        return
    if ctx is None:
        raise NoAppError(
            "st.rerun() was called while no app is running. "
            "Fix: call it from an app's code (a %%app cell, a fragment or a callback)."
        )
    if scope == "fragment":
        if not ctx.is_fragment_rerun or ctx.scope.kind != "fragment":
            raise FragmentsAPIError(
                'st.rerun(scope="fragment") can only be used inside a fragment during a '
                "fragment rerun, not during a full run of the app. Fix: call st.rerun() "
                "for a full rerun, or only request the fragment rerun after the first run "
                "(for example when a button inside the fragment was clicked)."
            )
        raise RerunSignal("fragment", ctx.scope)
    raise RerunSignal("app")


def _rerun_keys(scope: Any) -> list[str] | None:
    """The fragment keys ``scope`` names (None for ``"app"`` / ``"fragment"``)."""
    fix = (
        "Fix: pass 'app' (the whole app), 'fragment' (the fragment that calls it), the "
        "key= of a fragment, or a list of keys."
    )
    if isinstance(scope, int) and not isinstance(scope, bool):
        scope = str(scope)
    if isinstance(scope, str):
        if not scope:
            raise FragmentsAPIError(f"st.rerun(scope='') is not a valid scope. {fix}")
        return None if scope in ("app", "fragment") else [scope]
    if not isinstance(scope, (list, tuple)) or not scope:
        raise FragmentsAPIError(f"st.rerun(scope={scope!r}) is not a valid scope. {fix}")
    keys: list[str] = []
    for item in scope:
        if isinstance(item, bool) or not isinstance(item, (str, int)) or item == "":
            raise FragmentsAPIError(
                f"st.rerun({scope!r}): {item!r} is not a fragment key. Fix: list the key= "
                "values of fragments (non-empty strings or ints)."
            )
        if item in ("app", "fragment"):
            raise FragmentsAPIError(
                f"st.rerun({scope!r}): {item!r} is a reserved scope and cannot be in a "
                f"list. Fix: call st.rerun({item!r}) on its own."
            )
        keys.append(str(item))
    return keys


def stop() -> None:
    """End the current run where it stands (what was drawn so far stays on the page).

    Examples
    --------
    >>> name = st.text_input("Name")
    >>> if not name:
    ...     st.warning("Please enter a name.")
    ...     st.stop()
    """
    if current_context() is None:
        raise NoAppError(
            "st.stop() was called while no app is running. "
            "Fix: call it from an app's code (a %%app cell or a fragment)."
        )
    raise StopSignal()
