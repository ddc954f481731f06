"""``bind="query-params"`` (Streamlit 1.67): a keyed widget's value kept in
``st.query_params[key]``, in Streamlit's URL form.

A widget drawn for the first time takes its value from the parameter when it holds a
valid one (an invalid one is removed); every run then writes the value back, and a value
equal to the default removes the parameter. While bound, the parameter is the widget's:
``st.query_params`` refuses to set or delete it.
"""

from __future__ import annotations

import datetime
import math
from collections.abc import Callable
from typing import Any

from jupyter_fragments._elements.appinfo import kernel_info, unbind_stale
from jupyter_fragments._runtime.context import RunContext
from jupyter_fragments._runtime.session import get_session
from jupyter_fragments._state.session_state import differs
from jupyter_fragments._widgets.base import InputKind, Params, index_of
from jupyter_fragments.errors import FragmentsAPIError

BIND = "query-params"
#: Kinds whose value Streamlit writes as a number even though options carry labels
_NUMBERED = frozenset({"feedback"})
_DATES = (datetime.date, datetime.time)


def check_bind(bind: Any, key: str | None, call: str) -> None:
    """Streamlit's rules: ``bind`` is ``"query-params"`` or None, and needs a key."""
    if bind is None:
        return
    if bind != BIND:
        raise FragmentsAPIError(f"{call} got bind={bind!r}. Fix: pass 'query-params' or None.")
    if key is None:
        raise FragmentsAPIError(
            f"{call} got bind='query-params' without a key: the widget's key is the name of "
            "its query parameter. Fix: give the widget a unique key=, e.g. key='choice'."
        )


def seed_from_query(ctx: RunContext, kind: InputKind, params: Params, key: str | None) -> None:
    """A bound widget drawn for the first time starts from its query parameter, when that
    holds a valid value other than the default (Streamlit: the URL wins on a first load).
    An invalid parameter is removed."""
    if key is None or ctx.app.widgets.by_key(key) is not None:
        return
    unbind_stale()
    query = kernel_info().query
    tokens = query.get(key)
    if tokens is None:
        return
    default = kind.coerce(params, kind.default(params))
    try:
        value = kind.coerce(params, decode(kind, params, tokens))
    except (ValueError, TypeError, LookupError, OverflowError):
        value = default
    if not differs(value, default):
        del query[key]
        return
    get_session().state.sync_from_widget(key, value)


def follow_query(kind: InputKind, params: Params, key: str | None, bind: Any, value: Any) -> None:
    """After the widget is drawn: its value goes to the query (the default removes it); a
    widget drawn without ``bind`` that was bound lets its parameter go, as Streamlit does."""
    if key is None:
        return
    info = kernel_info()
    if bind is None:
        if key in info.bound:
            info.bound.discard(key)
            info.query.pop(key, None)
        return
    info.bound.add(key)
    if differs(value, kind.coerce(params, kind.default(params))):
        info.query[key] = encode(kind, params, value)
    else:
        info.query.pop(key, None)


# ------------------------------------------------------------------ the URL form
def encode(kind: InputKind, params: Params, value: Any) -> list[str]:
    """The parameter's values for ``value``: options by label (dates in ISO form),
    booleans as ``true``/``false``, numbers without a trailing ``.0``, ``""`` for none."""
    if value is None:
        return [""]
    if _has_options(kind, params):
        options = params["options"]
        one = index_of(options, value) is not None
        chosen = [value] if one or not isinstance(value, (list, tuple)) else list(value)
        return [_token(options, params["labels"], item) for item in chosen]
    if isinstance(value, (list, tuple)):
        return [_scalar(item) for item in value]
    return [_scalar(value)]


def decode(kind: InputKind, params: Params, tokens: list[str]) -> Any:
    """The widget value a parameter's values stand for; ValueError when they stand for none."""
    default = kind.default(params)
    shown = [t for t in tokens if t != ""]
    if _has_options(kind, params):
        return _decode_options(params, default, shown)
    if isinstance(default, (list, tuple)):
        parse = _parser(default[0] if default else _template(kind, params))
        items = [parse(t) for t in shown]
        return tuple(items) if isinstance(default, tuple) else items
    template = default if default is not None else _template(kind, params)
    if not shown:
        if isinstance(template, str):
            return ""
        if default is None:
            return None
        raise ValueError("an empty parameter clears only a widget that starts empty")
    return _parser(template)(shown[-1])


def _has_options(kind: InputKind, params: Params) -> bool:
    return "options" in params and "labels" in params and kind.name not in _NUMBERED


def _token(options: list[Any], labels: list[str], item: Any) -> str:
    if isinstance(item, _DATES):
        return _scalar(item)
    index = index_of(options, item)
    return labels[index] if index is not None else str(item)


def _decode_options(params: Params, default: Any, shown: list[str]) -> Any:
    options, labels = params["options"], params["labels"]
    found: dict[str, Any] = {}
    for option, label in zip(options, labels, strict=False):
        found.setdefault(_scalar(option) if isinstance(option, _DATES) else label, option)
    many = isinstance(default, list) or (
        isinstance(default, tuple) and index_of(options, default) is None
    )
    if many:
        # a range keeps both ends (they may be equal); a list keeps each option once
        kept = [found[token] for token in shown if token in found]
        chosen = [v for i, v in enumerate(kept) if index_of(kept[:i], v) is None]
        chosen = kept if isinstance(default, tuple) else chosen
        if shown and not chosen:
            raise ValueError("none of the values is an option")
        return tuple(chosen) if isinstance(default, tuple) else chosen
    if not shown:
        if default is None:
            return None
        raise ValueError("an empty parameter clears only a widget that starts empty")
    token = shown[-1]
    if token in found:
        return found[token]
    if params.get("accept_new_options"):
        return token
    raise ValueError(f"{token!r} is not an option")


def _template(kind: InputKind, params: Params) -> Any:
    """A value of the widget's type, for widgets that start empty."""
    if kind.name == "number_input":
        return 0 if params.get("dtype") == "int" else 0.0
    if kind.name in ("pagination", "feedback"):
        return 0
    return {
        "date_input": datetime.date(2000, 1, 1),
        "time_input": datetime.time(0, 0),
        "datetime_input": datetime.datetime(2000, 1, 1),
    }.get(kind.name, "")


def _parser(template: Any) -> Callable[[str], Any]:
    if isinstance(template, bool):
        return _boolean
    if isinstance(template, int):
        return int
    if isinstance(template, float):
        return float
    if isinstance(template, datetime.datetime):
        return datetime.datetime.fromisoformat
    if isinstance(template, datetime.date):
        return datetime.date.fromisoformat
    if isinstance(template, datetime.time):
        return datetime.time.fromisoformat
    return str


def _boolean(token: str) -> bool:
    if token.lower() in ("true", "false"):
        return token.lower() == "true"
    raise ValueError(f"{token!r} is not true or false")


def _scalar(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float) and math.isfinite(value) and value == int(value):
        return str(int(value))
    if isinstance(value, (datetime.datetime, datetime.time)):
        whole = value.second == 0 and value.microsecond == 0
        return value.isoformat(timespec="minutes" if whole else "auto")
    if isinstance(value, datetime.date):
        return value.isoformat()
    return str(value)
