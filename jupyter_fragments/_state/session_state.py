"""``st.session_state``: a mapping with attribute access that outlives reruns and cells.

It owns the values; widgets bound with ``key=`` are kept in step through a listener
that the runtime installs (`SessionState.listener`).
"""

from __future__ import annotations

from collections.abc import Iterator, MutableMapping
from typing import Any, Protocol

from IPython.core.interactiveshell import InteractiveShell

from jupyter_fragments.errors import NoAppError

_ATTRIBUTE = "_jupyter_fragments_state"


class StateListener(Protocol):
    """Told when user code assigns or deletes a key (not when widgets sync values in)."""

    def check_assign(self, key: str) -> None: ...

    def state_assigned(self, key: str, value: Any, changed: bool) -> None: ...

    def state_deleted(self, key: str) -> None: ...


class SessionState(MutableMapping[str, Any]):
    """The values of one kernel's session, with Streamlit's dict and attribute access."""

    def __init__(self) -> None:
        object.__setattr__(self, "_data", {})
        object.__setattr__(self, "listener", None)

    # mapping protocol ------------------------------------------------------------
    def __getitem__(self, key: str) -> Any:
        try:
            return self._data[key]
        except KeyError:
            raise KeyError(_missing_message(key)) from None

    def __setitem__(self, key: str, value: Any) -> None:
        listener = self.listener
        if listener is not None:
            listener.check_assign(key)
        changed = key not in self._data or differs(self._data[key], value)
        self._data[key] = value
        if listener is not None:
            listener.state_assigned(key, value, changed)

    def __delitem__(self, key: str) -> None:
        try:
            del self._data[key]
        except KeyError:
            raise KeyError(_missing_message(key)) from None
        if self.listener is not None:
            self.listener.state_deleted(key)

    def __iter__(self) -> Iterator[str]:
        return iter(list(self._data))

    def __len__(self) -> int:
        return len(self._data)

    def __contains__(self, key: object) -> bool:
        return key in self._data

    # attribute access ------------------------------------------------------------
    def __getattr__(self, key: str) -> Any:
        if key.startswith("__"):
            raise AttributeError(key)
        try:
            return self._data[key]
        except KeyError:
            raise AttributeError(_missing_message(key)) from None

    def __setattr__(self, key: str, value: Any) -> None:
        if key in ("_data", "listener"):
            object.__setattr__(self, key, value)
        else:
            self[key] = value

    def __delattr__(self, key: str) -> None:
        try:
            del self[key]
        except KeyError as exc:
            raise AttributeError(str(exc)) from None

    # used by the runtime ---------------------------------------------------------
    def sync_from_widget(self, key: str, value: Any) -> None:
        """Store a widget's value under its key without telling the listener."""
        self._data[key] = value

    def drop(self, key: str) -> None:
        """Forget a key without telling the listener (its widget is gone)."""
        self._data.pop(key, None)

    def to_dict(self) -> dict[str, Any]:
        """A shallow copy of the values, as Streamlit's ``st.session_state.to_dict()``."""
        return dict(self._data)

    def __repr__(self) -> str:
        return f"SessionState({self._data!r})"

    def _repr_pretty_(self, printer: Any, cycle: bool) -> None:
        printer.text(repr(self))


def differs(old: Any, new: Any) -> bool:
    """Whether a new value differs from the old one (frames and arrays: unless identical)."""
    if old is new:
        return False
    try:
        return bool(old != new)
    except Exception:  # noqa: BLE001 - elementwise comparisons (pandas, numpy) are ambiguous
        return True


def state_of(shell: Any) -> SessionState:
    """The session state of ``shell`` (default: the running IPython), made on first use.

    One per kernel, kept on the shell: the runtime's session and ``st.session_state``
    find the same one.
    """
    if shell is None:
        shell = getattr(InteractiveShell, "_instance", None)
    if shell is None:
        raise NoAppError(
            "st.session_state needs an IPython kernel. "
            "Fix: use it in a Jupyter notebook or an IPython session."
        )
    state = getattr(shell, _ATTRIBUTE, None)
    if state is None:
        state = SessionState()
        setattr(shell, _ATTRIBUTE, state)
    return state


def _missing_message(key: str) -> str:
    return (
        f"st.session_state has no key {key!r}. "
        f"Fix: initialize it first, e.g. `if {key!r} not in st.session_state: "
        f"st.session_state[{key!r}] = ...`."
    )


class SessionStateProxy(MutableMapping[str, Any]):
    """The module-level ``st.session_state``: forwards to the current kernel's state."""

    def _state(self) -> SessionState:
        return state_of(None)

    def __getitem__(self, key: str) -> Any:
        return self._state()[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self._state()[key] = value

    def __delitem__(self, key: str) -> None:
        del self._state()[key]

    def __iter__(self) -> Iterator[str]:
        return iter(self._state())

    def __len__(self) -> int:
        return len(self._state())

    def __contains__(self, key: object) -> bool:
        return key in self._state()

    def __getattr__(self, key: str) -> Any:
        if key.startswith("__"):
            raise AttributeError(key)
        return getattr(self._state(), key)

    def __setattr__(self, key: str, value: Any) -> None:
        setattr(self._state(), key, value)

    def __delattr__(self, key: str) -> None:
        delattr(self._state(), key)

    def to_dict(self) -> dict[str, Any]:
        """A shallow copy of the values."""
        return self._state().to_dict()

    def __repr__(self) -> str:
        return repr(self._state())

    def _repr_pretty_(self, printer: Any, cycle: bool) -> None:
        printer.text(repr(self))
