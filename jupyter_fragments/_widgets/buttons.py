"""Button kinds: ``st.button``, ``st.form_submit_button``, ``st.download_button`` and
``st.menu_button``.

A button's value is a trigger: True only in the run its click caused; a menu button's
is the option chosen, only in the run the choice caused.
"""

from __future__ import annotations

from typing import Any

import ipywidgets as widgets

from jupyter_fragments._page.pool import ModelPool
from jupyter_fragments._widgets.base import InputKind, Params, index_of
from jupyter_fragments._widgets.selections import SelectboxKind


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
        traits["description"] = params.get("text", label)  # the label with its icon
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


class DownloadButtonKind(ButtonKind):
    name = "download_button"


class TriggerValueKind(InputKind):
    """A kind whose value counts only in the run the user's choice caused.

    The runtime records the choice as any value; drawing the widget in a run returns
    it and sets the widget back to its default, so the next run returns the default.
    """


class MenuButtonKind(SelectboxKind, TriggerValueKind):
    """``st.menu_button``: a drop-down of actions; the value is the option chosen, or None.

    The model syncs only the chosen index, which goes back to none after the run.
    """

    name = "menu_button"
    extra_classes = ("jf-menu-button",)

    def identity(self, params: Params) -> tuple[Any, ...]:
        return (tuple(params["labels"]), params.get("help"))

    def default(self, params: Params) -> Any:
        return None

    def coerce(self, params: Params, value: Any) -> Any:
        return value if value is None or index_of(params["options"], value) is not None else None

    def traits(self, label: str, params: Params) -> dict[str, Any]:
        traits = super().traits(label, params)
        traits["description"] = params.get("text", label)  # the label with its icon
        return traits


BUTTON = ButtonKind()
SUBMIT_BUTTON = SubmitButtonKind()
DOWNLOAD_BUTTON = DownloadButtonKind()
MENU_BUTTON = MenuButtonKind()
