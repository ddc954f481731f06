"""Button kinds: ``st.button``, ``st.form_submit_button`` and ``st.download_button``.

A button's value is a trigger: True only in the run its click caused.
"""

from __future__ import annotations

from typing import Any

import ipywidgets as widgets

from jupyter_fragments._page.pool import ModelPool
from jupyter_fragments._widgets.base import InputKind, Params


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


class DownloadButtonKind(ButtonKind):
    name = "download_button"


BUTTON = ButtonKind()
SUBMIT_BUTTON = SubmitButtonKind()
DOWNLOAD_BUTTON = DownloadButtonKind()
