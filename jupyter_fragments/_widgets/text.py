"""Typed-in kinds: ``st.text_input``, ``st.text_area`` and ``st.number_input``.

They send their value on Enter or blur (``continuous_update=False``), like Streamlit.
"""

from __future__ import annotations

from typing import Any

import ipywidgets as widgets
from ipywidgets.widgets.widget_string import TextStyle

from jupyter_fragments._page.pool import ModelPool
from jupyter_fragments._widgets.base import InputKind, Params
from jupyter_fragments._widgets.text_rules import (
    CheckedText,
    Password,
    Text,
    Textarea,
    TextRule,
    checked,
)


class TextKind(InputKind):
    """``st.text_input``: sends its value on Enter or blur (or while typing, ``live``),
    checked against its `TextRule` (``params["rule"]``) first.

    ``value=None`` returns None until the user types, as in Streamlit.
    """

    name = "text_input"

    def identity(self, params: Params) -> tuple[Any, ...]:
        return (params.get("type", "default"),)

    def default(self, params: Params) -> Any:
        value = params.get("value", "")
        return None if value is None else str(value)

    def coerce(self, params: Params, value: Any) -> Any:
        if value is None:
            return None
        text = str(value)
        max_chars = params.get("max_chars")
        return text[:max_chars] if max_chars else text

    def traits(self, label: str, params: Params) -> dict[str, Any]:
        traits = super().traits(label, params)
        traits["placeholder"] = params.get("placeholder") or ""
        return traits

    def box_class(self, params: Params) -> type[widgets.DOMWidget]:
        return Password if params.get("type") == "password" else Text

    def box_traits(self, params: Params) -> dict[str, Any]:
        return {}

    def create(self, label: str, params: Params, value: Any, pool: ModelPool) -> widgets.DOMWidget:
        box = self.box_class(params)(
            value="" if value is None else value,
            layout=pool.layout(),
            style=self.style(pool, TextStyle),
            **self.box_traits(params),
            **self.traits(label, params),
        )
        box.on_msg(box.enter)
        assert isinstance(box, CheckedText)
        checked(box, label, params.get("rule") or TextRule())
        return box

    def update(self, widget: widgets.DOMWidget, label: str, params: Params) -> None:
        super().update(widget, label, params)
        if isinstance(widget, CheckedText):
            checked(widget, label, params.get("rule") or TextRule())

    def write(self, widget: widgets.DOMWidget, params: Params, value: Any) -> None:
        text = "" if value is None else value
        if widget.value != text:
            widget.value = text
            if isinstance(widget, CheckedText):
                widget.show_refusal(None)  # the app set it: what was refused is gone


class TextAreaKind(TextKind):
    name = "text_area"

    def identity(self, params: Params) -> tuple[Any, ...]:
        return ()

    def box_class(self, params: Params) -> type[widgets.DOMWidget]:
        return Textarea

    def box_traits(self, params: Params) -> dict[str, Any]:
        height = params.get("height")
        return {"rows": max(2, int(height) // 24) if isinstance(height, (int, float)) else None}


class NumberKind(InputKind):
    """``st.number_input``: int or float, bounded when min/max are given."""

    name = "number_input"

    def identity(self, params: Params) -> tuple[Any, ...]:
        return (params["dtype"], params["min_value"] is not None or params["max_value"] is not None)

    def default(self, params: Params) -> Any:
        return params["value"]

    def coerce(self, params: Params, value: Any) -> Any:
        if value is None:
            return None
        cast = int if params["dtype"] == "int" else float
        number = cast(value)
        if params["min_value"] is not None:
            number = max(number, params["min_value"])
        if params["max_value"] is not None:
            number = min(number, params["max_value"])
        return number

    def _bounds(self, params: Params) -> dict[str, Any]:
        if params["min_value"] is None and params["max_value"] is None:
            return {}
        big = 2**31 - 1 if params["dtype"] == "int" else 1e308
        low = params["min_value"] if params["min_value"] is not None else -big
        high = params["max_value"] if params["max_value"] is not None else big
        return {"min": low, "max": high}

    def create(self, label: str, params: Params, value: Any, pool: ModelPool) -> widgets.DOMWidget:
        bounded = bool(self._bounds(params))
        if params["dtype"] == "int":
            cls = widgets.BoundedIntText if bounded else widgets.IntText
        else:
            cls = widgets.BoundedFloatText if bounded else widgets.FloatText
        return cls(
            value=0 if value is None else value,
            step=params["step"],
            continuous_update=False,
            layout=pool.layout(),
            style=self.style(pool),
            **self._bounds(params),
            **self.traits(label, params),
        )

    def update(self, widget: widgets.DOMWidget, label: str, params: Params) -> None:
        with widget.hold_trait_notifications():
            for name, wanted in {**self._bounds(params), "step": params["step"]}.items():
                if getattr(widget, name) != wanted:
                    setattr(widget, name, wanted)
        super().update(widget, label, params)

    def write(self, widget: widgets.DOMWidget, params: Params, value: Any) -> None:
        super().write(widget, params, 0 if value is None else value)


TEXT_INPUT = TextKind()
TEXT_AREA = TextAreaKind()
NUMBER_INPUT = NumberKind()
