"""On/off inputs: ``st.checkbox`` and ``st.toggle``; each returns whether it is on."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from jupyter_fragments._elements._core import render_input
from jupyter_fragments._elements.params import Callback, common_params
from jupyter_fragments._widgets.toggles import CHECKBOX, TOGGLE


def checkbox(
    label: str,
    value: bool = False,
    key: Any = None,
    help: str | None = None,
    on_change: Callback = None,
    args: Iterable[Any] | None = None,
    kwargs: dict[str, Any] | None = None,
    *,
    disabled: bool = False,
    label_visibility: str = "visible",
    width: str | int | None = None,
    wrap: bool | None = None,
    persist_state: str | None = None,
    bind: str | None = None,
) -> bool:
    """A checkbox; returns whether it is checked.

    Parameters
    ----------
    label : str
        Shown next to the box.
    value : bool
        Whether it starts checked.
    key : str or int, optional
        Names the widget: its value is kept in ``st.session_state[key]`` (both ways), and
        two widgets with the same label need different keys.
    help : str, optional
        A tooltip.
    on_change : callable, "rerun" or "ignore", optional
        Called (with ``args`` and ``kwargs``) before the rerun that the change causes;
        ``"ignore"``: no rerun, the value reaches the code with the next one.
    args, kwargs : optional
        Arguments for ``on_change``.
    persist_state : {"page", "session"}, optional
        With a ``key``: keep the value while the widget is not drawn, to get it back.
    bind : "query-params", optional
        With a ``key``: keep the value in ``st.query_params[key]`` too (a valid
        parameter there gives the first value; the default removes it).
    disabled : bool
        Shown greyed out, not interactive.
    label_visibility : {"visible", "hidden", "collapsed"}
        Hide the label (its space stays) or collapse it; it is still the widget's
        ``description``.
    width : "content", "stretch" or int, optional
        The widget's width (default: the notebook's usual width).
    wrap : bool, optional
        Accepted for Streamlit's signature; the browser wraps the label.

    Examples
    --------
    >>> if st.checkbox("Show raw data"):
    ...     st.write(data)
    """
    params = {
        **common_params(help, disabled, label_visibility),
        "value": bool(value),
        "input_width": width,
    }
    return bool(
        render_input(
            CHECKBOX,
            label,
            params,
            key=key,
            callback=on_change,
            args=args,
            kwargs=kwargs,
            call=f"st.checkbox({label!r})",
            persist_state=persist_state,
            bind=bind,
        )
    )


def toggle(
    label: str,
    value: bool = False,
    key: Any = None,
    help: str | None = None,
    on_change: Callback = None,
    args: Iterable[Any] | None = None,
    kwargs: dict[str, Any] | None = None,
    *,
    disabled: bool = False,
    label_visibility: str = "visible",
    width: str | int | None = None,
    wrap: bool | None = None,
    persist_state: str | None = None,
    bind: str | None = None,
) -> bool:
    """A toggle switch; returns whether it is on.

    Parameters are those of `checkbox`.

    Examples
    --------
    >>> live = st.toggle("Live updates")
    """
    params = {
        **common_params(help, disabled, label_visibility),
        "value": bool(value),
        "input_width": width,
    }
    return bool(
        render_input(
            TOGGLE,
            label,
            params,
            key=key,
            callback=on_change,
            args=args,
            kwargs=kwargs,
            call=f"st.toggle({label!r})",
            persist_state=persist_state,
            bind=bind,
        )
    )
