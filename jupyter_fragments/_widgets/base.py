"""What every input kind shares: the `InputKind` protocol, label classes, option lookup.

A kind says which parameters identify a widget, how to create the model, how to update
it in place, and how to read and write its value as Streamlit returns it. The kinds
themselves live in one module per family (buttons, toggles, sliders, text, ...).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, ClassVar

import ipywidgets as widgets

from jupyter_fragments._page.pool import ModelPool
from jupyter_fragments.errors import FragmentsAPIError

Params = dict[str, Any]

LABEL_CLASSES = {"hidden": "jf-label-hidden", "collapsed": "jf-label-collapsed"}


def label_classes(params: Params, extra: Sequence[str] = ()) -> tuple[str, ...]:
    """The widget's CSS classes for its ``label_visibility`` (and any extra ones)."""
    visibility = params.get("label_visibility", "visible")
    if visibility not in ("visible", "hidden", "collapsed"):
        raise FragmentsAPIError(
            f"label_visibility={visibility!r} is not supported. "
            "Fix: pass 'visible', 'hidden' or 'collapsed'."
        )
    classes = ["jf-input", *extra]
    if visibility in LABEL_CLASSES:
        classes.append(LABEL_CLASSES[visibility])
    return tuple(classes)


class InputKind:
    """Base of every input kind; subclasses fill in the model-specific parts."""

    name: ClassVar[str] = ""
    value_traits: ClassVar[tuple[str, ...]] = ("value",)
    #: a button: returns True in the run its click caused, has on_click, no form use
    returns_trigger: ClassVar[bool] = False
    extra_classes: ClassVar[tuple[str, ...]] = ()

    def identity(self, params: Params) -> tuple[Any, ...]:
        """Parameters that, when they change, make a new widget (besides kind/label/key)."""
        return ()

    def default(self, params: Params) -> Any:
        return params.get("value")

    def coerce(self, params: Params, value: Any) -> Any:
        """Check a value coming from user code or session state; return it as stored."""
        return value

    def create(self, label: str, params: Params, value: Any, pool: ModelPool) -> widgets.DOMWidget:
        raise NotImplementedError

    def update(self, widget: widgets.DOMWidget, label: str, params: Params) -> None:
        """Set the non-identifying traits in place (one message, only what changed)."""
        for name, wanted in self.traits(label, params).items():
            if getattr(widget, name) != wanted:
                setattr(widget, name, wanted)

    def traits(self, label: str, params: Params) -> dict[str, Any]:
        """Traits that follow the parameters on every run."""
        return {
            "description": label,
            "tooltip": params.get("help") or None,
            "disabled": bool(params.get("disabled", False)),
            "_dom_classes": label_classes(params, self.extra_classes),
        }

    def read(self, widget: widgets.DOMWidget, params: Params) -> Any:
        return widget.value

    def write(self, widget: widgets.DOMWidget, params: Params, value: Any) -> None:
        if widget.value != value:
            widget.value = value

    @staticmethod
    def style(pool: ModelPool, cls: type | None = None) -> Any:
        from ipywidgets.widgets.widget_description import DescriptionStyle

        return pool.style(cls or DescriptionStyle, description_width="initial")


def index_of(options: Sequence[Any], value: Any) -> int | None:
    """The position of ``value`` among ``options`` (compared with ``==``), or None."""
    for i, option in enumerate(options):
        try:
            if option == value:
                return i
        except Exception:  # noqa: BLE001  # e.g. numpy arrays compare elementwise
            continue
    return None


def number_type(values: Sequence[Any]) -> str:
    """``"int"`` when every number given is an int, ``"float"`` when some is a float."""
    kinds = {type(v) for v in values if v is not None}
    if kinds <= {int, bool}:
        return "int"
    if kinds <= {int, float, bool}:
        return "float"
    names = ", ".join(sorted(k.__name__ for k in kinds))
    raise FragmentsAPIError(
        f"st.slider got values of types {names}. "
        "Fix: pass min_value, max_value, value and step all as int or all as float."
    )
