"""Values a frontend sends for an app's inputs, checked before the app sees them.

ipywidgets applies a frontend's ``update`` by setting traits. A value of the wrong type
raises ``TraitError`` inside the comm handler (a traceback shown to nobody), and the
value has already been echoed to every frontend (``echo_update``), which then shows
what the kernel refused. The guard wraps each app input's ``set_state``: an invalid
value is rejected (the widget keeps its last valid value), logged once per widget and
trait, and the kernel's value is sent back so every frontend shows it again.
"""

from __future__ import annotations

import json
import logging
import math
from collections.abc import Callable
from typing import Any

from traitlets import TraitError

_log = logging.getLogger("jupyter_fragments")


class Guard:
    """Rejects invalid frontend values for the widgets it protects; one per session."""

    def __init__(self) -> None:
        self.logged: list[str] = []
        self.rejected = 0
        self._seen: set[tuple[str, str]] = set()

    def protect(self, widget: Any, label: str) -> None:
        """Route ``widget``'s frontend updates through `apply`."""
        original: Callable[[Any], None] = widget.set_state

        def set_state(sync_data: Any) -> None:
            self.apply(widget, label, original, sync_data)

        widget.set_state = set_state

    def apply(
        self, widget: Any, label: str, original: Callable[[Any], None], sync_data: Any
    ) -> None:
        """Apply the valid part of an update; reject and log the rest; resync the frontend."""
        if not isinstance(sync_data, dict):
            self._reject(widget, label, "state", sync_data, "the state is not an object")
            return
        clean: dict[str, Any] = {}
        for name, value in sync_data.items():
            problem = _check(widget, name, value)
            if problem is not None:
                self._reject(widget, label, name, value, problem)
            else:
                clean[name] = value
        try:
            if clean:
                original(clean)
        except TraitError as exc:  # traitlets rolled every trait of this update back
            for name, value in clean.items():
                self._reject(widget, label, name, value, str(exc))
        self._resync(widget, sync_data)

    def _reject(self, widget: Any, label: str, name: str, value: Any, reason: str) -> None:
        self.rejected += 1
        kind = type(widget).__name__
        key = (str(getattr(widget, "model_id", id(widget))), name)
        if key in self._seen:
            return
        self._seen.add(key)
        shown = repr(value)
        shown = shown if len(shown) <= 80 else shown[:77] + "..."
        message = (
            f"Rejected {name}={shown} sent by a frontend for the {kind} {label!r}: {reason}. "
            "It keeps its last valid value (logged once per widget and trait)."
        )
        self.logged.append(message)
        _log.warning(message)

    def _resync(self, widget: Any, sent: dict[str, Any]) -> None:
        """Send the kernel's value of every trait whose value differs from what was sent."""
        if getattr(widget, "comm", None) is None:
            return
        stale = []
        for name, value in sent.items():
            if name not in widget.keys:
                continue
            try:
                to_json = widget.trait_metadata(name, "to_json", widget._trait_to_json)
                held = json.loads(json.dumps(to_json(getattr(widget, name), widget)))
                if held != value or _has_non_finite(value):
                    stale.append(name)
            except (TypeError, ValueError):  # binary buffers: nothing to compare here
                continue
        if stale:
            widget.send_state(stale)


def _check(widget: Any, name: str, value: Any) -> str | None:
    """Why ``value`` cannot be the trait ``name`` of ``widget`` (None: it can, as cast)."""
    trait = widget.traits().get(name)
    if trait is None or name not in widget.keys:
        return None  # ipywidgets ignores what it does not sync
    if value is None and getattr(trait, "allow_none", False):
        return None  # `validate` below does not know None (traitlets checks it before)
    try:
        from_json = widget.trait_metadata(name, "from_json", widget._trait_from_json)
        cast = from_json(value, widget)
        validate = getattr(trait, "validate", None)  # traitlets: optional on a TraitType
        if validate is not None:
            cast = validate(widget, cast)
    except TraitError as exc:
        return str(exc)
    except (TypeError, ValueError, KeyError, IndexError) as exc:
        return f"{type(exc).__name__}: {exc}"
    if _has_non_finite(value) or _has_non_finite(cast):
        return "not a finite number"
    return None


def _has_non_finite(value: Any) -> bool:
    if isinstance(value, float):
        return math.isnan(value) or math.isinf(value)
    if isinstance(value, (list, tuple)):
        return any(_has_non_finite(v) for v in value)
    return False
