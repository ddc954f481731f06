"""Input kinds: how each ``st`` input maps to an ipywidget and back.

A kind says which parameters identify a widget, how to create the model, how to update
it in place, and how to read and write its value as Streamlit returns it.
"""

from __future__ import annotations

import datetime
from collections.abc import Sequence
from typing import Any, ClassVar

import ipywidgets as widgets
from ipywidgets.widgets.widget_bool import CheckboxStyle
from ipywidgets.widgets.widget_string import TextStyle

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


class ButtonKind(InputKind):
    name = "button"
    value_traits = ()
    returns_trigger = True

    def identity(self, params: Params) -> tuple[Any, ...]:
        return (params.get("help"),)

    def default(self, params: Params) -> Any:
        return False

    def traits(self, label: str, params: Params) -> dict[str, Any]:
        traits = super().traits(label, params)
        traits["button_style"] = "primary" if params.get("type") == "primary" else ""
        return traits

    def create(self, label: str, params: Params, value: Any, pool: ModelPool) -> widgets.DOMWidget:
        return widgets.Button(
            layout=pool.layout(),
            style=pool.style(widgets.ButtonStyle),
            **self.traits(label, params),
        )

    def read(self, widget: widgets.DOMWidget, params: Params) -> Any:
        return False

    def write(self, widget: widgets.DOMWidget, params: Params, value: Any) -> None:
        return None


class SubmitButtonKind(ButtonKind):
    name = "form_submit_button"


class CheckboxKind(InputKind):
    name = "checkbox"

    def default(self, params: Params) -> Any:
        return bool(params.get("value", False))

    def coerce(self, params: Params, value: Any) -> Any:
        return bool(value)

    def create(self, label: str, params: Params, value: Any, pool: ModelPool) -> widgets.DOMWidget:
        return widgets.Checkbox(
            value=bool(value),
            indent=False,
            layout=pool.layout(),
            style=self.style(pool, CheckboxStyle),
            **self.traits(label, params),
        )


class ToggleKind(CheckboxKind):
    name = "toggle"
    extra_classes = ("jf-toggle",)


def _number_type(values: Sequence[Any]) -> str:
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


def _printf_to_format(fmt: str | None, default: str) -> str:
    """Streamlit's printf-style ``format`` ("%.2f", "%d") as a Python format spec."""
    if not fmt:
        return default
    if fmt.startswith("%") and fmt.count("%") == 1:
        return fmt[1:]
    raise FragmentsAPIError(
        f"format={fmt!r} is not a printf-style number format. Fix: use e.g. '%d' or '%.2f'."
    )


class SliderKind(InputKind):
    """``st.slider`` over ints or floats, a single value or a (low, high) range."""

    name = "slider"

    def identity(self, params: Params) -> tuple[Any, ...]:
        return (params["dtype"], params["range"])

    def default(self, params: Params) -> Any:
        return params["value"]

    def coerce(self, params: Params, value: Any) -> Any:
        lo, hi = params["min_value"], params["max_value"]
        cast = int if params["dtype"] == "int" else float
        if params["range"]:
            if not isinstance(value, (tuple, list)) or len(value) != 2:
                raise FragmentsAPIError(
                    f"st.slider({params['label']!r}) is a range slider, got value {value!r}. "
                    "Fix: pass a (low, high) tuple."
                )
            low, high = sorted(min(max(cast(v), lo), hi) for v in value)
            return (low, high)
        if isinstance(value, (tuple, list)):
            raise FragmentsAPIError(
                f"st.slider({params['label']!r}) got a tuple value {value!r} but a single "
                "number before. Fix: give a new key= when switching to a range slider."
            )
        return min(max(cast(value), lo), hi)

    def _cls(self, params: Params) -> Any:
        if params["range"]:
            return widgets.IntRangeSlider if params["dtype"] == "int" else widgets.FloatRangeSlider
        return widgets.IntSlider if params["dtype"] == "int" else widgets.FloatSlider

    def traits(self, label: str, params: Params) -> dict[str, Any]:
        traits = super().traits(label, params)
        default_format = "d" if params["dtype"] == "int" else ".2f"
        traits["readout_format"] = _printf_to_format(params.get("format"), default_format)
        return traits

    def create(self, label: str, params: Params, value: Any, pool: ModelPool) -> widgets.DOMWidget:
        return self._cls(params)(
            value=value,
            min=params["min_value"],
            max=params["max_value"],
            step=params["step"],
            continuous_update=True,
            layout=pool.layout(),
            style=self.style(pool, widgets.SliderStyle),
            **self.traits(label, params),
        )

    def update(self, widget: widgets.DOMWidget, label: str, params: Params) -> None:
        with widget.hold_trait_notifications():
            for name in ("min", "max", "step"):
                wanted = params[{"min": "min_value", "max": "max_value", "step": "step"}[name]]
                if getattr(widget, name) != wanted:
                    setattr(widget, name, wanted)
        super().update(widget, label, params)

    def read(self, widget: widgets.DOMWidget, params: Params) -> Any:
        value = widget.value
        return tuple(value) if params["range"] else value

    def write(self, widget: widgets.DOMWidget, params: Params, value: Any) -> None:
        current = tuple(widget.value) if params["range"] else widget.value
        if current != value:
            widget.value = value


class TextKind(InputKind):
    """``st.text_input``: sends its value on Enter or blur, like Streamlit."""

    name = "text_input"

    def identity(self, params: Params) -> tuple[Any, ...]:
        return (params.get("type", "default"),)

    def default(self, params: Params) -> Any:
        value = params.get("value", "")
        return "" if value is None else str(value)

    def coerce(self, params: Params, value: Any) -> Any:
        text = "" if value is None else str(value)
        max_chars = params.get("max_chars")
        return text[:max_chars] if max_chars else text

    def traits(self, label: str, params: Params) -> dict[str, Any]:
        traits = super().traits(label, params)
        traits["placeholder"] = params.get("placeholder") or ""
        return traits

    def create(self, label: str, params: Params, value: Any, pool: ModelPool) -> widgets.DOMWidget:
        cls = widgets.Password if params.get("type") == "password" else widgets.Text
        return cls(
            value=value,
            continuous_update=False,
            layout=pool.layout(),
            style=self.style(pool, TextStyle),
            **self.traits(label, params),
        )


class TextAreaKind(TextKind):
    name = "text_area"

    def identity(self, params: Params) -> tuple[Any, ...]:
        return ()

    def create(self, label: str, params: Params, value: Any, pool: ModelPool) -> widgets.DOMWidget:
        height = params.get("height")
        rows = max(2, int(height) // 24) if isinstance(height, (int, float)) else None
        return widgets.Textarea(
            value=value,
            rows=rows,
            continuous_update=False,
            layout=pool.layout(),
            style=self.style(pool, TextStyle),
            **self.traits(label, params),
        )


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


class SelectboxKind(InputKind):
    """``st.selectbox``: any Python objects as options, shown through ``format_func``.

    The model syncs only the selected index; the options stay in the kernel.
    """

    name = "selectbox"
    value_traits = ("index",)

    def identity(self, params: Params) -> tuple[Any, ...]:
        return (tuple(params["labels"]),)

    def default(self, params: Params) -> Any:
        index = params.get("index", 0)
        options = params["options"]
        return options[index] if index is not None and options else None

    def coerce(self, params: Params, value: Any) -> Any:
        if value is None or _index_of(params["options"], value) is not None:
            return value
        return self.default(params)

    def traits(self, label: str, params: Params) -> dict[str, Any]:
        traits = super().traits(label, params)
        traits["options"] = tuple((text, i) for i, text in enumerate(params["labels"]))
        return traits

    def create(self, label: str, params: Params, value: Any, pool: ModelPool) -> widgets.DOMWidget:
        traits = self.traits(label, params)
        options = traits.pop("options")
        return widgets.Dropdown(
            options=options,
            index=_index_of(params["options"], value),
            layout=pool.layout(),
            style=self.style(pool),
            **traits,
        )

    def update(self, widget: widgets.DOMWidget, label: str, params: Params) -> None:
        index = widget.index
        super().update(widget, label, params)
        if widget.index != index and index is not None and index < len(params["options"]):
            widget.index = index

    def read(self, widget: widgets.DOMWidget, params: Params) -> Any:
        index = widget.index
        options = params["options"]
        return None if index is None or index >= len(options) else options[index]

    def write(self, widget: widgets.DOMWidget, params: Params, value: Any) -> None:
        index = None if value is None else _index_of(params["options"], value)
        if widget.index != index:
            widget.index = index


def _index_of(options: Sequence[Any], value: Any) -> int | None:
    for i, option in enumerate(options):
        try:
            if option == value:
                return i
        except Exception:  # noqa: BLE001  # e.g. numpy arrays compare elementwise
            continue
    return None


def is_date(value: Any) -> bool:
    return isinstance(value, (datetime.date, datetime.time, datetime.datetime))


BUTTON = ButtonKind()
SUBMIT_BUTTON = SubmitButtonKind()
CHECKBOX = CheckboxKind()
TOGGLE = ToggleKind()
SLIDER = SliderKind()
TEXT_INPUT = TextKind()
TEXT_AREA = TextAreaKind()
NUMBER_INPUT = NumberKind()
SELECTBOX = SelectboxKind()
