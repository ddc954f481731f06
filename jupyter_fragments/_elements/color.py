"""The colour input: ``st.color_picker``, returning a hex string."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from jupyter_fragments._elements._core import render_input
from jupyter_fragments._elements.params import Callback, common_params
from jupyter_fragments._widgets.color import COLOR_PICKER, HEX_COLOR
from jupyter_fragments.errors import FragmentsAPIError


def color_picker(
    label: str,
    value: str | None = None,
    key: Any = None,
    help: str | None = None,
    on_change: Callback = None,
    args: Iterable[Any] | None = None,
    kwargs: dict[str, Any] | None = None,
    *,
    disabled: bool = False,
    label_visibility: str = "visible",
    width: str | int | None = None,
    persist_state: str | None = None,
    bind: str | None = None,
) -> str:
    """A color picker; returns the color as a hex string (``"#00f900"``).

    ``width`` is ``"content"``, ``"stretch"`` or pixels (default: the notebook's usual
    width).

    Examples
    --------
    >>> color = st.color_picker("Pick a color", "#00f900")
    """
    call = f"st.color_picker({label!r})"
    color = "#000000" if value is None else value
    if not isinstance(color, str) or not HEX_COLOR.match(color):
        raise FragmentsAPIError(
            f"{call} got value={value!r}. Fix: pass a hex color such as '#ff0000' or '#f00'."
        )
    params = {
        **common_params(help, disabled, label_visibility),
        "value": color.lower(),
        "input_width": width,
    }
    return str(
        render_input(
            COLOR_PICKER,
            label,
            params,
            key=key,
            callback=on_change,
            args=args,
            kwargs=kwargs,
            call=call,
            persist_state=persist_state,
            bind=bind,
        )
    )
