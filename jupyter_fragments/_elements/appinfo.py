"""The app's address and settings: ``st.query_params`` (kept per kernel, on the shell) and
``st.get_option`` / ``st.set_option`` (Streamlit's options that mean something here, and the
``Fragments`` settings as ``fragments.<setting>``).
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator, Mapping, MutableMapping
from pathlib import Path
from typing import Any, TypeVar
from urllib.parse import parse_qsl

from IPython.core.interactiveshell import InteractiveShell

from jupyter_fragments._runtime.session import get_session
from jupyter_fragments.errors import FragmentsAPIError

_STORE = "_jupyter_fragments_appinfo"
_EMBED = ("embed", "embed_options")
T = TypeVar("T")


class KernelInfo:
    """What the app-information elements keep for one kernel."""

    def __init__(self) -> None:
        # Voila starts each visitor's kernel with the page's query string in its environment
        self.query: dict[str, list[str]] = {}
        for key, value in parse_qsl(os.environ.get("QUERY_STRING", ""), keep_blank_values=True):
            if key.lower() not in _EMBED:
                self.query.setdefault(key, []).append(value)
        self.options: dict[str, Any] = {}
        #: keys of widgets drawn with ``bind="query-params"``: their parameters are theirs
        self.bound: set[str] = set()


def kept_on_shell(attribute: str, make: Callable[[], T]) -> T:
    """What an element family keeps per kernel: on the shell (made on first use), or a
    throwaway one outside IPython."""
    shell = getattr(InteractiveShell, "_instance", None)
    if shell is None:
        return make()
    kept = getattr(shell, attribute, None)
    if kept is None:
        kept = make()
        setattr(shell, attribute, kept)
    return kept


def kernel_info() -> KernelInfo:
    """This kernel's `KernelInfo`."""
    return kept_on_shell(_STORE, KernelInfo)


def unbind_stale() -> None:
    """Bound parameters whose widget is gone are gone too (Streamlit removes them when the
    widget stops being drawn)."""
    info = kernel_info()
    if not info.bound:
        return
    binding = get_session().binding
    for key in [k for k in info.bound if binding.record_for_key(k) is None]:
        info.bound.discard(key)
        info.query.pop(key, None)


def _refuse_bound(keys: Iterable[str], what: str) -> None:
    """Streamlit's rule: a parameter bound to a widget changes only with the widget."""
    unbind_stale()
    bound = [key for key in keys if key in kernel_info().bound]
    if bound:
        raise FragmentsAPIError(
            f"Cannot {what} query parameter {bound[0]!r} - it is bound to a widget "
            "(bind='query-params'). Fix: change the widget's value instead, through "
            f"st.session_state[{bound[0]!r}], or draw the widget without bind."
        )


def secrets_files() -> list[str]:
    """Where ``st.secrets`` looks, the later file winning on duplicate keys (as Streamlit)."""
    return [
        str(Path.home() / ".streamlit" / "secrets.toml"),
        str(Path.cwd() / ".streamlit" / "secrets.toml"),
    ]


# ------------------------------------------------------------------ query params
class QueryParamsProxy(MutableMapping[str, str]):
    """``st.query_params``: the page URL's query parameters, as strings.

    Under Voila they start from the page's query string; elsewhere they start empty.
    Writes are kept for the kernel's session (a notebook has no address bar to show them).
    A repeated key holds several values: ``[]`` gives the last, `get_all` every one.

    Examples
    --------
    >>> st.query_params["region"] = "north"
    >>> st.query_params.region
    'north'
    >>> st.query_params.get_all("tag")
    []
    """

    def _query(self) -> dict[str, list[str]]:
        unbind_stale()
        return kernel_info().query

    def __getitem__(self, key: str) -> str:
        values = self._query().get(key)
        if values is None or key.lower() in _EMBED:
            raise KeyError(f'st.query_params has no key "{key}".')
        return values[-1] if values else ""

    def __getattr__(self, key: str) -> str:
        if key.startswith("_"):
            raise AttributeError(key)
        try:
            return self[key]
        except KeyError:
            raise AttributeError(f'st.query_params has no attribute "{key}".') from None

    def __setitem__(self, key: str, value: Any) -> None:
        _refuse_bound([key], "set")
        self._query()[key] = _param_values(key, value)

    def __delitem__(self, key: str) -> None:
        _refuse_bound([key], "delete")
        if key not in self._query():
            raise KeyError(f'st.query_params has no key "{key}".')
        del self._query()[key]

    def __setattr__(self, key: str, value: Any) -> None:
        self[key] = value

    def __delattr__(self, key: str) -> None:
        try:
            del self[key]
        except KeyError:
            raise AttributeError(f'st.query_params has no attribute "{key}".') from None

    def __iter__(self) -> Iterator[str]:
        return iter(list(self._query()))

    def __len__(self) -> int:
        return len(self._query())

    def __contains__(self, key: object) -> bool:
        return key in self._query()

    def update(self, other: Any = (), /, **kwds: Any) -> None:
        """Set several parameters (a mapping, pairs, or keywords)."""
        pairs = list(other.items()) if hasattr(other, "items") else list(other)
        new = {str(k): _param_values(str(k), v) for k, v in [*pairs, *kwds.items()]}
        _refuse_bound(new, "set")
        self._query().update(new)

    def get_all(self, key: str) -> list[str]:
        """Every value of ``key`` (``?tag=a&tag=b`` gives ``["a", "b"]``), ``[]`` if absent."""
        return list(self._query().get(key, [])) if key.lower() not in _EMBED else []

    def to_dict(self) -> dict[str, str]:
        """Each key with its last value."""
        return {key: self[key] for key in self._query()}

    def from_dict(self, params: Any) -> None:
        """Replace every parameter with ``params`` (a mapping or pairs)."""
        pairs = list(params.items()) if hasattr(params, "items") else list(params)
        new = {str(k): _param_values(str(k), v) for k, v in pairs}
        _refuse_bound(new, "set")
        query = self._query()
        query.clear()
        query.update(new)

    def clear(self) -> None:
        """Remove every parameter (none may be bound to a widget)."""
        _refuse_bound(self._query(), "clear")
        self._query().clear()

    def __repr__(self) -> str:
        return repr(self.to_dict())


def _param_values(key: str, value: Any) -> list[str]:
    if isinstance(value, Mapping):
        raise FragmentsAPIError(
            f"Query param value for `{key}` cannot be set to a dictionary. Fix: provide a "
            "string or an iterable of strings instead."
        )
    if key.lower() in _EMBED:
        raise FragmentsAPIError(
            "Query param embed and embed_options (case-insensitive) cannot be set "
            "programmatically. Fix: use another name for the parameter."
        )
    if isinstance(value, Iterable) and not isinstance(value, (str, bytes)):
        return [str(item) for item in value]
    return [str(value)]


def replace_query_params(params: Any) -> None:
    """What a page switch does to the query: ``None`` clears it, anything else replaces it."""
    if params is None:
        kernel_info().query.clear()
    else:
        QueryParamsProxy().from_dict(params)


# ------------------------------------------------------------------ options
#: Streamlit's options that a script may read here, with Streamlit's defaults.
_OPTIONS: dict[str, Any] = {
    "client.showErrorDetails": "full",
    "client.disableDataExport": False,
    "client.showSidebarNavigation": True,
    "client.toolbarMode": "auto",
    "global.developmentMode": False,
    "logger.level": "info",
    "runner.magicEnabled": True,
    "runner.fastReruns": True,
    "runner.postScriptGC": True,
    "runner.enforceSerializableSessionState": False,
    "runner.connectionDefaultTTL": None,
    "server.maxUploadSize": 200,
    "server.maxMessageSize": 200,
    "server.runOnSave": False,
    "server.headless": True,
    "server.baseUrlPath": "",
    "browser.gatherUsageStats": False,
    "theme.base": None,
    "theme.primaryColor": None,
    "theme.backgroundColor": None,
    "theme.secondaryBackgroundColor": None,
    "theme.textColor": None,
    "theme.font": None,
}
#: The ones ``st.set_option`` may change while the app runs (as in Streamlit).
_SETTABLE = (
    "client.showErrorDetails",
    "client.disableDataExport",
    "client.showSidebarNavigation",
    "client.toolbarMode",
)
_FRAGMENTS = "fragments."


def _fragments_setting(key: str) -> str | None:
    """The ``Fragments`` setting named by ``fragments.<name>``, if there is one."""
    if not key.startswith(_FRAGMENTS):
        return None
    name, config = key[len(_FRAGMENTS) :], get_session().config
    return name if name in config.traits(config=True) else None


def get_option(key: str) -> Any:
    """The value of a Streamlit configuration option, or of a ``fragments.<setting>``.

    Options that mean something in a notebook are known (``client.*``, ``runner.*``,
    ``theme.*``, ``secrets.files``...); ``fragments.strict``, ``fragments.flush_interval`` and
    the other ``Fragments`` settings read this kernel's settings (``%config Fragments``).

    Examples
    --------
    >>> st.get_option("client.showErrorDetails")
    'full'
    >>> st.get_option("fragments.strict")
    False
    """
    setting = _fragments_setting(key)
    if setting is not None:
        return getattr(get_session().config, setting)
    if key == "secrets.files":
        return secrets_files()
    options = kernel_info().options
    if key in options:
        return options[key]
    if key in _OPTIONS:
        return _OPTIONS[key]
    raise RuntimeError(
        f'Config key "{key}" not defined. Fix: use one of the options that mean something '
        f"in a notebook: {', '.join(sorted([*_OPTIONS, 'secrets.files']))}, or "
        "fragments.<setting> for the Fragments settings."
    )


def set_option(key: str, value: Any) -> None:
    """Set one of the options a running app may change, or a ``fragments.<setting>``.

    As in Streamlit, only ``client.showErrorDetails``, ``client.disableDataExport``,
    ``client.showSidebarNavigation`` and ``client.toolbarMode`` can be set from a script;
    ``fragments.<setting>`` sets this kernel's ``Fragments`` setting, as ``%config`` does.

    Examples
    --------
    >>> st.set_option("client.showSidebarNavigation", False)
    >>> st.set_option("fragments.strict", True)
    """
    setting = _fragments_setting(key)
    if setting is not None:
        setattr(get_session().config, setting, value)
        return
    if key in _SETTABLE:
        kernel_info().options[key] = value
        return
    if key in _OPTIONS or key == "secrets.files":
        raise FragmentsAPIError(
            f"{key} cannot be set on the fly. Fix: only {', '.join(_SETTABLE)} and the "
            "fragments.<setting> options can be set while an app runs."
        )
    raise FragmentsAPIError(
        f"Unrecognized config option: {key}. Fix: check the spelling; the options that "
        f"can be set are {', '.join(_SETTABLE)} and fragments.<setting>."
    )
