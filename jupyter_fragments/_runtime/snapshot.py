"""A JSON description of the kernel's apps, for the test harness and the lab extension."""

from __future__ import annotations

import math
import reprlib
from typing import Any

from jupyter_fragments._runtime.session import Session, get_session

_MAX_ITEMS = 100  # items of a list or dict value sent as JSON
_MAX_TEXT = 1000  # characters of a str value sent as JSON
_SCALARS = (type(None), bool, int, float, str)
_short = reprlib.Repr()
_short.maxstring = _short.maxother = 200
_short.maxlist = _short.maxtuple = _short.maxdict = _short.maxset = 20


def _is_json(value: Any, depth: int = 0) -> bool:
    """Whether ``value`` survives a JSON round trip exactly and is small (no subclasses)."""
    kind = type(value)
    if kind in _SCALARS:
        if kind is float:
            return math.isfinite(value)
        return kind is not str or len(value) <= _MAX_TEXT
    if depth >= 2 or kind not in (list, dict) or len(value) > _MAX_ITEMS:
        return False
    if kind is dict:
        return all(type(k) is str and _is_json(v, depth + 1) for k, v in value.items())
    return all(_is_json(item, depth + 1) for item in value)


def input_value(value: Any) -> dict[str, Any]:
    """``{"value": value}`` when it is small, exact JSON, else ``{"repr": short repr}``.

    Tests read the Python value an input gives the app (a selectbox's option, not its
    label); big or odd values are cut short, as the snapshot travels on every reply.
    """
    if _is_json(value):
        return {"value": value}
    try:
        return {"repr": _short.repr(value)}
    except Exception:  # noqa: BLE001 - a user's __repr__ may raise; the label still shows
        return {"repr": f"<{type(value).__name__}>"}


def snapshot(session: Session | None = None) -> dict[str, Any]:
    """Every live app: its scopes (with run counts) and its input widgets."""
    if session is None:
        session = get_session()
    apps = []
    timers = 0
    for app in session.apps.values():
        app_timers = session.timers.count(app)
        timers += app_timers
        scopes = [
            {
                "id": scope.id,
                "kind": scope.kind,
                "name": scope.name,
                "model_id": scope.output.model_id,
                "body_model_id": scope.body.box.model_id,
                "parent": scope.parent.id if scope.parent is not None else None,
                "runs": scope.runs,
                "run_every": session.timers.interval(app, scope),
                "error": scope.error,
            }
            for scope in app.all_scopes()
            if scope.alive
        ]
        inputs = [
            {
                "model_id": record.model_id,
                "kind": record.kind.name,
                "label": record.label,
                "key": record.key,
                "scope": record.scope.id,
                **input_value(record.pending_value if record.pending else record.value),
            }
            for record in app.widgets
        ]
        apps.append(
            {
                "id": app.id,
                "name": app.name,
                "key": app.key,
                "model_id": app.root.output.model_id,
                "timers": app_timers,
                "strict": app.strict,
                "scopes": scopes,
                "widgets": inputs,
            }
        )
    return {"apps": apps, "timers": timers}
