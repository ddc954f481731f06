"""Input widgets as ``AppTest`` hands them out: read a value, queue a change for ``run()``.

As in Streamlit, ``set_value``, ``click``, ``select``... only queue the change and
return the widget; ``.run()`` sends every queued change to the kernel as a user's
events. Values are read from the widget models as the frontend holds them.
"""

from __future__ import annotations

import ast
from collections.abc import Sequence
from typing import Any, TypeVar

from .apptest_elements import Element, Runner
from .results import HarnessError

__all__ = [
    "UNSET",
    "Button",
    "Checkbox",
    "ColorPicker",
    "Multiselect",
    "NumberInput",
    "PageLink",
    "Radio",
    "SelectSlider",
    "Selectbox",
    "Send",
    "Slider",
    "TextArea",
    "TextInput",
    "Toggle",
    "Trigger",
    "Widget",
]

Send = tuple[str, str, dict[str, Any]]
"""One event for ``run()``: ``("update", model_id, state)``, ``("click", model_id, {})``,
``("submit", model_id, {})`` (a text box's Enter), or ``("trigger", widget_id, {"value": v})``,
which sends nothing and records that the run gave the trigger widget ``v``."""

W = TypeVar("W", bound="Widget")
UNSET: Any = object()
"""No value: nothing queued, or nothing the kernel could send back."""
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
        self._pending = UNSET

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
        return self.read() if self._pending is UNSET else self._pending

    def read(self) -> Any:
        """The value from the model's state."""
        return self.state.get("value")

    def sends(self, value: Any) -> list[Send]:
        """The events that give the widget ``value``."""
        return [("update", self.id, {"value": value})]

    def set_value(self: W, value: Any) -> W:
        """Queue ``value`` for the next ``run()``; returns the widget, to chain ``.run()``.

        Raises
        ------
        HarnessError
            When the widget is disabled: a person cannot use it either.

        Examples
        --------
        >>> at.slider[0].set_value(3).run()  # doctest: +SKIP
        """
        if self.disabled:
            key = f" (key={self.key!r})" if self.key is not None else ""
            raise HarnessError(
                f"Cannot change the disabled {self.type} {self.label!r}{key}: a person "
                "cannot use a disabled widget either. Fix: test the run that enables it."
            )
        self.root._queue(self.id, self.sends(value))
        self._pending = value
        return self

    def __repr__(self) -> str:
        key = f", key={self.key!r}" if self.key is not None else ""
        return f"{type(self).__name__}(label={self.label!r}, value={self.value!r}{key})"


def _kernel_value(info: dict[str, Any]) -> Any:
    """The Python value the kernel's snapshot gives the input (``UNSET`` if unknown).

    Small JSON values come as they are; others as a repr, which is read back when it is
    a whole literal (a tuple, a set...) and ignored when cut short or not a literal.
    """
    if "value" in info:
        return info["value"]
    text = info.get("repr")
    if not isinstance(text, str) or "..." in text:
        return UNSET
    try:
        return ast.literal_eval(text)
    except (ValueError, TypeError, SyntaxError, MemoryError, RecursionError):
        return UNSET


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


class Trigger(Widget):
    """A widget whose value lasts one run (``st.chat_input``, ``st.menu_button``):
    ``value`` is what the last ``run()`` gave it, else None.

    The kernel sets such a widget back once the run has read it, so the harness keeps
    what it sent.
    """

    def __init__(self, *args: Any, sent: Any = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.sent = sent

    def read(self) -> Any:
        return self.sent

    def trigger(self, value: Any) -> Send:
        """The record that the run gives the widget ``value``."""
        return ("trigger", self.id, {"value": value})


class PageLink(Button):
    """``st.page_link`` to a page of the app: ``value`` is its label, as in Streamlit.

    ``click()`` opens the page in the next run (Streamlit's page links are read-only:
    there, ``AppTest.switch_page`` opens a page). A link to a URL is no widget: it is
    an element of type ``"page_link"`` whose ``value`` is its label.
    """

    def read(self) -> Any:
        return self.label


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
        if self.kernel_value is not UNSET:
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


class Multiselect(_Choice):
    """``st.multiselect``: ``value`` is a list; ``select(x)`` adds, ``unselect(x)`` removes."""

    def read(self) -> list[Any]:
        return list(super().read() or ())

    @property
    def indices(self) -> list[int]:
        return list(self.index or ())

    def _chosen(self) -> list[Any]:
        """The labels chosen, counting what is queued."""
        if self._pending is not UNSET:
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
