"""Shared ``Layout`` and ``Style`` models, and closing widgets without leaking them.

Every ipywidget owns a ``layout`` (and often a ``style``) model that ``close()`` leaves
open. Elements of an app share a few of them instead, so a page of 200 elements opens
200 comms rather than 600, and closing a widget closes only the models it owns.
"""

from __future__ import annotations

import threading
from typing import Any

import ipywidgets as widgets


class ModelPool:
    """Layout and style models shared by the widgets of one app."""

    def __init__(self) -> None:
        self._layouts: dict[tuple[tuple[str, Any], ...], widgets.Layout] = {}
        self._styles: dict[tuple[type, tuple[tuple[str, Any], ...]], widgets.Widget] = {}
        self._lock = threading.Lock()

    def layout(self, **attrs: Any) -> widgets.Layout:
        """A shared ``Layout`` with these attributes (never mutate it)."""
        key = tuple(sorted(attrs.items()))
        found = self._layouts.get(key)
        if found is None:
            with self._lock:  # parallel fragments: one shared model per key, none leaked
                found = self._layouts.get(key)
                if found is None:
                    found = self._layouts[key] = widgets.Layout(**attrs)
        return found

    def style(self, cls: type, **attrs: Any) -> Any:
        """A shared style model of class ``cls`` with these attributes (never mutate it)."""
        key = (cls, tuple(sorted(attrs.items())))
        found = self._styles.get(key)
        if found is None:
            with self._lock:
                found = self._styles.get(key)
                if found is None:
                    found = self._styles[key] = cls(**attrs)
        return found

    def owns(self, model: object) -> bool:
        """Whether ``model`` is one of the shared models."""
        return any(model is m for m in self._layouts.values()) or any(
            model is m for m in self._styles.values()
        )

    def fitted(self, **attrs: Any) -> ModelPool:
        """The same shared models, with ``attrs`` as the default layout (the sidebar's
        inputs take its width rather than ipywidgets' fixed one)."""
        return _FittedPool(self, attrs)

    def close(self) -> None:
        """Close every shared model (when the app goes away)."""
        for model in [*self._layouts.values(), *self._styles.values()]:
            model.close()
        self._layouts.clear()
        self._styles.clear()


class _FittedPool(ModelPool):
    """A view of a pool whose default layout has other attributes."""

    def __init__(self, base: ModelPool, attrs: dict[str, Any]) -> None:
        self._base = base
        self._attrs = attrs

    def layout(self, **attrs: Any) -> widgets.Layout:
        return self._base.layout(**(attrs or self._attrs))

    def style(self, cls: type, **attrs: Any) -> Any:
        return self._base.style(cls, **attrs)

    def owns(self, model: object) -> bool:
        return self._base.owns(model)

    def close(self) -> None:
        self._base.close()


def close_widget(widget: widgets.Widget, pool: ModelPool | None = None) -> None:
    """Close ``widget`` and the layout and style models it owns (not shared ones)."""
    for name in ("layout", "style"):
        model = getattr(widget, name, None) if name in widget.trait_names() else None
        if isinstance(model, widgets.Widget) and model.comm is not None:
            if pool is None or not pool.owns(model):
                model.close()
    widget.close()
