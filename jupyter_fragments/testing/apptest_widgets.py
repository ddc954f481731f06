"""Input widgets as ``AppTest`` hands them out: read a value, queue a change for ``run()``.

As in Streamlit, ``set_value``, ``click``, ``select``... only queue the change and
return the widget; ``.run()`` sends every queued change to the kernel as a user's
events. Values are read from the widget models as the frontend holds them.
"""

from __future__ import annotations

import ast
import datetime
from collections.abc import Sequence
from typing import Any, TypeVar

from .apptest_elements import Element, Runner

__all__ = [
    "WIDGET_TYPES",
    "Button",
    "Checkbox",
    "ColorPicker",
    "DateInput",
    "Feedback",
    "Multiselect",
    "NumberInput",
    "Radio",
    "SelectSlider",
    "Selectbox",
    "Slider",
    "TextArea",
    "TextInput",
    "TimeInput",
    "Toggle",
    "Widget",
    "widget_class",
]

Send = tuple[str, str, dict[str, Any]]
"""One event for ``run()``: ``("update", model_id, state)`` or ``("click", model_id, {})``."""

W = TypeVar("W", bound="Widget")
_UNSET: Any = object()
_SELECTION_SLIDERS = ("SelectionSlider", "SelectionRangeSlider")


class Widget(Element):
    """An input widget: ``label``, ``key``, ``value``, ``disabled``, ``set_value(v)``.

    Attributes
    ----------
    id : str
        The widget's model id.
    state : dict
        Its synced state when the last run ended.
    """

    def __init__(
        self,
        root: Runner,
        info: dict[str, Any],
        state: dict[str, Any],
        parts: Sequence[tuple[str, dict[str, Any]]] = (),
    ) -> None:
        super().__init__(root)
        self.id = str(info["model_id"])
        self.key = info.get("key")
        self.kind = str(info.get("kind", ""))
        self.type = {"form_submit_button": "button"}.get(self.kind, self.kind or "widget")
        self.label = str(info.get("label") or state.get("description") or "")
        self.state = state
        self.parts = list(parts)  # (model id, state) of the models a compound widget holds
        self.kernel_value = _kernel_value(info)
        self._pending = _UNSET

    @property
    def model(self) -> str:
        """The ipywidgets class drawing it (``"IntSlider"``)."""
        return str(self.state.get("_model_name", "")).removesuffix("Model")

    @property
    def disabled(self) -> bool:
        return bool(self.state.get("disabled"))

    @property
    def help(self) -> str:
        return str(self.state.get("tooltip") or "")

    @property
    def value(self) -> Any:
        """The value the app gets, or the one queued for the next run."""
        return self.read() if self._pending is _UNSET else self._pending

    def read(self) -> Any:
        """The value from the model's state."""
        return self.state.get("value")

    def sends(self, value: Any) -> list[Send]:
        """The events that give the widget ``value``."""
        return [("update", self.id, {"value": value})]

    def set_value(self: W, value: Any) -> W:
        """Queue ``value`` for the next ``run()``; returns the widget, to chain ``.run()``.

        Examples
        --------
        >>> at.slider[0].set_value(3).run()  # doctest: +SKIP
        """
        self.root._queue(self.id, self.sends(value))
        self._pending = value
        return self

    def __repr__(self) -> str:
        key = f", key={self.key!r}" if self.key is not None else ""
        return f"{type(self).__name__}(label={self.label!r}, value={self.value!r}{key})"


def _kernel_value(info: dict[str, Any]) -> Any:
    """The Python value the kernel's snapshot gives the input (``_UNSET`` if unknown).

    Small JSON values come as they are; others as a repr, which is read back when it is
    a whole literal (a tuple, a set...) and ignored when cut short or not a literal.
    """
    if "value" in info:
        return info["value"]
    text = info.get("repr")
    if not isinstance(text, str) or "..." in text:
        return _UNSET
    try:
        return ast.literal_eval(text)
    except (ValueError, TypeError, SyntaxError, MemoryError, RecursionError):
        return _UNSET


class Button(Widget):
    """``st.button`` and ``st.form_submit_button``: ``value`` is True in the run a click caused."""

    def __init__(self, *args: Any, clicked: bool = False, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.clicked = clicked

    def read(self) -> bool:
        return self.clicked

    def sends(self, value: Any) -> list[Send]:
        return [("click", self.id, {})] if value else []

    def click(self) -> Button:
        """Queue a click for the next ``run()``."""
        return self.set_value(True)


class Checkbox(Widget):
    """``st.checkbox``: ``check()``, ``uncheck()``."""

    def read(self) -> bool:
        return bool(self.state.get("value"))

    def sends(self, value: Any) -> list[Send]:
        return [("update", self.id, {"value": bool(value)})]

    def check(self) -> Checkbox:
        return self.set_value(True)

    def uncheck(self) -> Checkbox:
        return self.set_value(False)


class Toggle(Checkbox):
    """``st.toggle``."""


class ColorPicker(Widget):
    """``st.color_picker``: ``pick("#ff4b4b")``."""

    def pick(self, color: str) -> ColorPicker:
        return self.set_value(color)


class TextInput(Widget):
    """``st.text_input``: ``input(text)`` types it and presses Enter."""

    def read(self) -> str:
        return str(self.state.get("value") or "")

    def sends(self, value: Any) -> list[Send]:
        return [("update", self.id, {"value": "" if value is None else str(value)})]

    def input(self: W, text: str) -> W:
        return self.set_value(text)

    @property
    def placeholder(self) -> str:
        return str(self.state.get("placeholder") or "")


class TextArea(TextInput):
    """``st.text_area``."""


class _Bounded(Widget):
    """Widgets with ``min``, ``max`` and ``step``."""

    @property
    def min(self) -> Any:
        return self.state.get("min")

    @property
    def max(self) -> Any:
        return self.state.get("max")

    @property
    def step(self) -> Any:
        return self.state.get("step")


class NumberInput(_Bounded):
    """``st.number_input``: ``increment()`` and ``decrement()`` move by ``step``."""

    @property
    def step(self) -> Any:
        return self.state.get("step") or 1

    def read(self) -> Any:
        value = self.state.get("value")
        return int(value) if "Int" in self.model and value is not None else value

    def sends(self, value: Any) -> list[Send]:
        if value is not None and self.min is not None and self.max is not None:
            value = min(max(value, self.min), self.max)
        return [("update", self.id, {"value": value})]

    def increment(self) -> NumberInput:
        return self.set_value((self.value or 0) + self.step)

    def decrement(self) -> NumberInput:
        return self.set_value((self.value or 0) - self.step)


class _Choice(Widget):
    """Widgets that sync the index of the chosen label(s)."""

    @property
    def options(self) -> list[str]:
        """The option labels, as shown (Streamlit shows options as strings too)."""
        return [str(o) for o in self.state.get("_options_labels", [])]

    @property
    def index(self) -> Any:
        return self.state.get("index")

    def position(self, option: Any) -> int:
        """The index of ``option`` (a label, or a value whose ``str`` is one)."""
        options = self.options
        for wanted in (option, str(option)):
            if wanted in options:
                return options.index(wanted)
        raise ValueError(
            f"{option!r} is not an option of {self.type} {self.label!r}; options: {options}. "
            "Fix: pass one of the options (or its label)."
        )

    def read(self) -> Any:
        """The option the app got (from the kernel), else its label."""
        if self.kernel_value is not _UNSET:
            return self.kernel_value
        return self.labels()

    def labels(self) -> Any:
        """The label(s) of what is chosen, as shown: a label, a tuple of them, or None."""
        index, options = self.index, self.options
        if isinstance(index, list | tuple):
            return tuple(options[i] for i in index)
        return None if index is None else options[index]

    def sends(self, value: Any) -> list[Send]:
        if isinstance(value, list | tuple):
            return [("update", self.id, {"index": [self.position(v) for v in value]})]
        index = None if value is None else self.position(value)
        return [("update", self.id, {"index": index})]


class Selectbox(_Choice):
    """``st.selectbox``: ``select(option)``, ``select_index(i)``."""

    def select(self, option: Any) -> Selectbox:
        return self.set_value(option)

    def select_index(self, index: int | None) -> Selectbox:
        return self.set_value(None if index is None else self.options[index])


class Radio(Selectbox):
    """``st.radio``."""


class SelectSlider(_Choice):
    """``st.select_slider``: ``set_range(low, high)`` for a range."""

    def set_range(self, low: Any, high: Any) -> SelectSlider:
        return self.set_value((low, high))


class Feedback(_Choice):
    """``st.feedback``: ``value`` is the chosen position (0-based), as in Streamlit."""

    def read(self) -> int | None:
        index = self.index
        return None if index is None else int(index)

    def sends(self, value: Any) -> list[Send]:
        return [("update", self.id, {"index": None if value is None else int(value)})]


class Multiselect(_Choice):
    """``st.multiselect``: ``value`` is a list; ``select(x)`` adds, ``unselect(x)`` removes."""

    def read(self) -> list[Any]:
        return list(super().read() or ())

    @property
    def indices(self) -> list[int]:
        return list(self.index or ())

    def _chosen(self) -> list[Any]:
        """The labels chosen, counting what is queued."""
        if self._pending is not _UNSET:
            return [self.options[self.position(v)] for v in self._pending]
        return list(self.labels() or ())

    def select(self, option: Any) -> Multiselect:
        chosen = self._chosen()
        label = self.options[self.position(option)]
        return self.set_value(chosen if label in chosen else [*chosen, label])

    def unselect(self, option: Any) -> Multiselect:
        label = self.options[self.position(option)]
        return self.set_value([v for v in self._chosen() if v != label])

    def sends(self, value: Any) -> list[Send]:
        return [("update", self.id, {"index": [self.position(v) for v in value]})]


class Slider(SelectSlider, _Bounded):
    """``st.slider``: a number or a (low, high) range; dates slide through their labels."""

    def read(self) -> Any:
        if self.model in _SELECTION_SLIDERS:
            return super().read()
        value = self.state.get("value")
        return tuple(value) if isinstance(value, list | tuple) else value

    def sends(self, value: Any) -> list[Send]:
        if self.model in _SELECTION_SLIDERS:
            return super().sends(value)
        many = isinstance(value, list | tuple)
        return [("update", self.id, {"value": list(value) if many else value})]


def _date(state: dict[str, Any]) -> datetime.date | None:
    value = state.get("value")
    if not isinstance(value, dict):
        return None
    # ipywidgets sends months zero-based, as JavaScript's Date
    return datetime.date(value["year"], value["month"] + 1, value["date"])


def _date_json(day: Any) -> dict[str, int] | None:
    if day is None:
        return None
    if isinstance(day, datetime.datetime):
        day = day.date()
    if isinstance(day, str):
        day = datetime.date.fromisoformat(day)
    return {"year": day.year, "month": day.month - 1, "date": day.day}


class DateInput(Widget):
    """``st.date_input``: a date, or a (start, end) tuple for a range."""

    @property
    def is_range(self) -> bool:
        return bool(self.parts)

    def read(self) -> Any:
        if self.parts:
            return tuple(d for d in (_date(state) for _, state in self.parts) if d is not None)
        return _date(self.state)

    def sends(self, value: Any) -> list[Send]:
        if not self.parts:
            return [("update", self.id, {"value": _date_json(value)})]
        days = (*value, None, None)[:2] if isinstance(value, list | tuple) else (value, None)
        return [
            ("update", model_id, {"value": _date_json(day)})
            for (model_id, _), day in zip(self.parts, days, strict=False)
        ]


class TimeInput(Widget):
    """``st.time_input``: ``increment()`` and ``decrement()`` move by ``step`` seconds."""

    @property
    def step(self) -> float:
        return float(self.state.get("step") or 900)

    def read(self) -> datetime.time | None:
        value = self.state.get("value")
        if not isinstance(value, dict):
            return None
        millis = value.get("milliseconds", 0) or 0
        return datetime.time(value["hours"], value["minutes"], value["seconds"], int(millis * 1000))

    def sends(self, value: Any) -> list[Send]:
        if isinstance(value, datetime.datetime):
            value = value.time()
        if isinstance(value, str):
            value = datetime.time.fromisoformat(value)
        state = None
        if value is not None:
            state = {
                "hours": value.hour,
                "minutes": value.minute,
                "seconds": value.second,
                # an int, as browsers send it (ipywidgets cannot read a float back)
                "milliseconds": value.microsecond // 1000,
            }
        return [("update", self.id, {"value": state})]

    def _moved(self, seconds: float) -> datetime.time:
        current = self.value or datetime.time(0, 0)
        start = datetime.datetime.combine(datetime.date(2000, 1, 1), current)
        return (start + datetime.timedelta(seconds=seconds)).time()

    def increment(self) -> TimeInput:
        return self.set_value(self._moved(self.step))

    def decrement(self) -> TimeInput:
        return self.set_value(self._moved(-self.step))


_CLASSES: dict[str, type[Widget]] = {
    "button": Button,
    "form_submit_button": Button,
    "download_button": Button,
    "checkbox": Checkbox,
    "toggle": Toggle,
    "color_picker": ColorPicker,
    "text_input": TextInput,
    "text_area": TextArea,
    "number_input": NumberInput,
    "selectbox": Selectbox,
    "radio": Radio,
    "select_slider": SelectSlider,
    "feedback": Feedback,
    "multiselect": Multiselect,
    "slider": Slider,
    "date_input": DateInput,
    "time_input": TimeInput,
}


WIDGET_TYPES = frozenset(
    {"button" if k == "form_submit_button" else k for k in _CLASSES}
    | {"chat_input", "file_uploader", "widget"}
)
"""Element types that are widgets (``at.<type>`` is a WidgetList, callable with a key)."""


def widget_class(kind: str) -> type[Widget]:
    """The AppTest class for an input of the runtime's ``kind`` (``"slider"``...)."""
    return _CLASSES.get(kind, Widget)
