"""Slider kinds: ``st.slider`` over numbers or dates, and ``st.select_slider``.

A number slider is an Int/Float(Range)Slider; a slider over options, dates, times or
datetimes is a selection slider whose model syncs only indices.
"""

from __future__ import annotations

import re
from typing import Any

import ipywidgets as widgets

from jupyter_fragments._page.pool import ModelPool
from jupyter_fragments._widgets.base import InputKind, Params, index_of
from jupyter_fragments._widgets.selections import ChoiceKind
from jupyter_fragments.errors import FragmentsAPIError

_PRINTF = re.compile(r"%([-+ 0#,]*)(\d*)(?:\.(\d+))?([diufFeEgGxXo])")
_D3_TYPES = {"i": "d", "u": "d", "F": "f", "E": "e", "G": "g"}
#: Streamlit's named number formats: (d3 format spec, unit shown beside the label)
_NAMED = {
    "plain": ("", ""),
    "localized": (",", ""),
    "percent": ("~%", ""),
    "dollar": ("$,.2f", ""),
    "euro": (",.2f", "€"),
    "yen": (",.0f", "¥"),
    "accounting": ("(,.2f", ""),
    "compact": (".3~s", ""),
    "scientific": (".3e", ""),
    "engineering": (".3e", ""),
    "bytes": (".3~s", "B"),
}


def printf_to_format(fmt: str | None, default: str) -> tuple[str, str]:
    """Streamlit's number ``format`` as a d3 format spec and the text around the number.

    A printf-style format (``"%.2f"``, ``"%d items"``, ``"%f%%"``, ``"$%,d"``) or one of
    Streamlit's named formats (``"percent"``, ``"dollar"``, ...). A slider's readout
    shows only the number, so the text around it (the unit) goes beside the label.
    """
    if not fmt:
        return default, ""
    if fmt in _NAMED:
        return _NAMED[fmt]
    found = [m for m in _PRINTF.finditer(fmt) if not _escaped(fmt, m.start())]
    if len(found) != 1:
        raise FragmentsAPIError(
            f"format={fmt!r} is not a printf-style number format with one number in it. "
            "Fix: use e.g. '%d', '%.2f', '%d%%' or '$%.2f', or a name such as 'percent'."
        )
    match = found[0]
    flags, width, precision, kind = match.groups()
    before, after = fmt[: match.start()], fmt[match.end() :]
    spec = "+" if "+" in flags else (" " if " " in flags else "")
    if before == "$":  # d3 draws a currency symbol itself
        spec, before = spec + "$", ""
    spec += f"0{width}" if "0" in flags and width else width
    spec += "," if "," in flags else ""
    spec += f".{precision}" if precision else ""
    spec += _D3_TYPES.get(kind, kind)
    unit = (before + after).replace("%%", "%").strip()
    return spec, unit


def _escaped(fmt: str, position: int) -> bool:
    """Whether the ``%`` at ``position`` is the second of a ``%%``."""
    run = len(fmt[:position]) - len(fmt[:position].rstrip("%"))
    return run % 2 == 1


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
        spec, unit = printf_to_format(params.get("format"), default_format)
        traits["readout_format"] = spec
        if unit and label:
            traits["description"] = f"{label} ({unit})"
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


class SelectSliderKind(ChoiceKind):
    """``st.select_slider`` with one value: a SelectionSlider (always has a selection)."""

    name = "select_slider"
    widget_cls = widgets.SelectionSlider
    style_cls = widgets.SliderStyle
    is_slider = True

    def coerce(self, params: Params, value: Any) -> Any:
        if index_of(params["options"], value) is not None:
            return value
        return self.default(params)

    def initial_index(self, params: Params, value: Any) -> Any:
        return index_of(params["options"], value) or 0


class DateSliderKind(SelectSliderKind):
    """``st.slider`` over dates, times or datetimes: a selection slider of every step."""

    name = "slider"

    def identity(self, params: Params) -> tuple[Any, ...]:
        return ("date", bool(params.get("range")), tuple(params["labels"]))


class SelectRangeKind(SelectSliderKind):
    """``st.select_slider`` with a (low, high) value: a SelectionRangeSlider."""

    widget_cls = widgets.SelectionRangeSlider

    def default(self, params: Params) -> Any:
        return tuple(params["value"])

    def coerce(self, params: Params, value: Any) -> Any:
        options = params["options"]
        if isinstance(value, (tuple, list)) and len(value) == 2:
            found = [index_of(options, v) for v in value]
            if None not in found:
                low, high = sorted(i for i in found if i is not None)
                return (options[low], options[high])
        return self.default(params)

    def initial_index(self, params: Params, value: Any) -> Any:
        return self._indices(params, value)

    def _indices(self, params: Params, value: Any) -> tuple[int, int]:
        low, high = (index_of(params["options"], v) or 0 for v in value)
        return (low, high)

    def update(self, widget: widgets.DOMWidget, label: str, params: Params) -> None:
        InputKind.update(self, widget, label, params)

    def read(self, widget: widgets.DOMWidget, params: Params) -> Any:
        options = params["options"]
        low, high = widget.index
        return (options[low], options[high])

    def write(self, widget: widgets.DOMWidget, params: Params, value: Any) -> None:
        wanted = self._indices(params, value)
        if tuple(widget.index) != wanted:
            widget.index = wanted


class DateRangeSliderKind(SelectRangeKind):
    name = "slider"

    def identity(self, params: Params) -> tuple[Any, ...]:
        return ("date", True, tuple(params["labels"]))


SLIDER = SliderKind()
SELECT_SLIDER = SelectSliderKind()
SELECT_RANGE = SelectRangeKind()
DATE_SLIDER = DateSliderKind()
DATE_RANGE_SLIDER = DateRangeSliderKind()
