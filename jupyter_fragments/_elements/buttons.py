"""Buttons: ``st.button``, ``st.form_submit_button``, ``st.download_button``,
``st.link_button`` and ``st.menu_button``.

A button returns True only in the run its click caused (a menu button: the option
chosen); a link button is a styled link.
"""

from __future__ import annotations

import base64
import mimetypes
from collections.abc import Callable, Iterable
from typing import Any

from jupyter_fragments._elements._core import (
    add_static,
    render_input,
    stretch_width,
    width_layout,
    with_icon,
)
from jupyter_fragments._elements.handles import ElementHandle
from jupyter_fragments._elements.params import Callback, common_params, option_labels, option_list
from jupyter_fragments._output.bundles import display_output, escape_html
from jupyter_fragments._output.urls import safe_url
from jupyter_fragments._widgets.buttons import BUTTON, DOWNLOAD_BUTTON, MENU_BUTTON, SUBMIT_BUTTON
from jupyter_fragments.errors import FragmentsAPIError

_TYPES = ("primary", "secondary", "tertiary")


def _button_params(
    label: Any,
    call: str,
    *,
    help: str | None,
    disabled: bool,
    type: str,
    icon: str | None,
    icon_position: str = "left",
    width: Any = None,
    use_container_width: bool | None = None,
) -> dict[str, Any]:
    """The parameters every button kind takes: look, icon and width."""
    if type not in _TYPES:
        raise FragmentsAPIError(
            f"{call} got type={type!r}. Fix: pass 'primary', 'secondary' or 'tertiary'."
        )
    width = stretch_width(width, use_container_width)
    width_layout(width, call)
    text = with_icon("" if label is None else str(label), icon, icon_position, call=call)
    return {
        **common_params(help, disabled, "visible"),
        "type": type,
        "text": text,
        "input_width": width,
    }


def button(
    label: str,
    key: Any = None,
    help: str | None = None,
    on_click: Callback = None,
    args: Iterable[Any] | None = None,
    kwargs: dict[str, Any] | None = None,
    *,
    type: str = "secondary",
    icon: str | None = None,
    icon_position: str = "left",
    disabled: bool = False,
    use_container_width: bool | None = None,
    width: str | int | None = None,
    shortcut: str | None = None,
    wrap: bool | None = None,
) -> bool:
    """A button; returns True only in the run its click caused.

    Parameters
    ----------
    label : str
        The text on the button.
    key : str or int, optional
        Names the widget: its value is kept in ``st.session_state[key]`` (both ways), and
        two widgets with the same label need different keys.
    help : str, optional
        A tooltip.
    on_click : callable, optional
        Called (with ``args`` and ``kwargs``) before the rerun that the click causes.
    args, kwargs : optional
        Arguments for ``on_click``.
    type : {"secondary", "primary", "tertiary"}
        ``"primary"`` draws an emphasized button.
    icon : str, optional
        An emoji shown beside the label (``":material/...:"`` icons are left out: a
        notebook has no font for them); ``icon_position`` is ``"left"`` or ``"right"``.
    disabled : bool
        Shown greyed out, not clickable.
    width : "stretch", "content" or int, optional
        The button's width (default: the notebook's usual width); ``use_container_width``
        is Streamlit's older spelling.
    shortcut, wrap : optional
        Accepted for Streamlit's signature; a notebook cell has no app-wide keyboard
        shortcuts, and labels wrap as the browser lays them out.

    Returns
    -------
    bool
        True in the run the click caused, False otherwise.

    Examples
    --------
    >>> if st.button("Say hello"):
    ...     st.write("Hello!")
    """
    call = f"st.button({label!r})"
    params = _button_params(
        label,
        call,
        help=help,
        disabled=disabled,
        type=type,
        icon=icon,
        icon_position=icon_position,
        width=width,
        use_container_width=use_container_width,
    )
    return bool(
        render_input(
            BUTTON,
            label,
            params,
            key=key,
            callback=on_click,
            args=args,
            kwargs=kwargs,
            call=call,
        )
    )


def form_submit_button(
    label: str = "Submit",
    help: str | None = None,
    on_click: Callback = None,
    args: Iterable[Any] | None = None,
    kwargs: dict[str, Any] | None = None,
    *,
    key: Any = None,
    type: str = "secondary",
    icon: str | None = None,
    icon_position: str = "left",
    disabled: bool = False,
    use_container_width: bool | None = None,
    width: str | int | None = None,
    shortcut: str | None = None,
    wrap: bool | None = None,
) -> bool:
    """The button that submits the form it is in; True in the run its click caused.

    Every value changed in the form is applied at once, their ``on_change`` callbacks
    run, then ``on_click``, then the enclosing fragment (or the app) reruns once.

    Parameters
    ----------
    label : str
        The text on the button.
    on_click : callable, optional
        Called with ``args``/``kwargs`` after the form's values are applied.

    Examples
    --------
    >>> with st.form("search"):
    ...     query = st.text_input("Query")
    ...     if st.form_submit_button("Search"):
    ...         st.write("Searching for", query)
    """
    call = f"st.form_submit_button({label!r})"
    params = _button_params(
        label,
        call,
        help=help,
        disabled=disabled,
        type=type,
        icon=icon,
        icon_position=icon_position,
        width=width,
        use_container_width=use_container_width,
    )
    return bool(
        render_input(
            SUBMIT_BUTTON,
            label,
            params,
            key=key,
            callback=on_click,
            args=args,
            kwargs=kwargs,
            call=call,
            submits=True,
        )
    )


def _data_bytes(data: Any, call: str) -> bytes:
    if isinstance(data, str):
        return data.encode()
    if isinstance(data, (bytes, bytearray, memoryview)):
        return bytes(data)
    if hasattr(data, "getvalue"):
        return _data_bytes(data.getvalue(), call)
    if hasattr(data, "read"):
        return _data_bytes(data.read(), call)
    if hasattr(data, "to_csv"):
        return _data_bytes(data.to_csv(index=False), call)
    raise FragmentsAPIError(
        f"{call} got data of type {type(data).__name__}. Fix: pass str, bytes or a file-like "
        "object (convert a DataFrame with df.to_csv())."
    )


def download_link(data: bytes, file_name: str, mime: str, text: str) -> str:
    """An ``<a download>`` link carrying ``data`` in a data: URI (attributes escaped)."""
    encoded = base64.b64encode(data).decode("ascii")
    return (
        f'<a download="{escape_html(file_name)}" href="data:{escape_html(mime)};base64,'
        f'{encoded}" class="jf-download">&#11015; {escape_html(text)}</a>'
    )


def download_button(
    label: str,
    data: Any,
    file_name: str | None = None,
    mime: str | None = None,
    key: Any = None,
    help: str | None = None,
    on_click: Callback | str = "rerun",
    args: Iterable[Any] | None = None,
    kwargs: dict[str, Any] | None = None,
    *,
    type: str = "secondary",
    icon: str | None = None,
    icon_position: str = "left",
    disabled: bool = False,
    use_container_width: bool | None = None,
    width: str | int | None = None,
    shortcut: str | None = None,
    wrap: bool | None = None,
) -> bool:
    """A button offering ``data`` as a file; returns True in the run its click caused.

    The file itself is offered by a download link next to the button (a kernel cannot
    start a browser download from a click).

    Examples
    --------
    >>> st.download_button("Download CSV", df.to_csv(), file_name="data.csv", mime="text/csv")
    """
    call = f"st.download_button({label!r})"
    payload = _data_bytes(data, call)
    name = file_name or "download"
    kind_of = (
        mime
        or ("text/plain" if isinstance(data, str) else mimetypes.guess_type(name)[0])
        or "application/octet-stream"
    )
    callback = on_click if callable(on_click) else None
    if not callable(on_click) and on_click not in ("rerun", "ignore", None):
        raise FragmentsAPIError(
            f"{call} got on_click={on_click!r}. Fix: pass a function, 'rerun' or 'ignore'."
        )
    params = _button_params(
        label,
        call,
        help=help,
        disabled=disabled,
        type=type,
        icon=icon,
        icon_position=icon_position,
        width=width,
        use_container_width=use_container_width,
    )
    clicked = bool(
        render_input(
            DOWNLOAD_BUTTON,
            label,
            params,
            key=key,
            callback=callback,
            args=args,
            kwargs=kwargs,
            call=call,
        )
    )
    if not disabled:
        link = download_link(payload, name, kind_of, name)
        add_static([display_output({"text/html": link, "text/plain": f"[download {name}]"})])
    return clicked


def link_button(
    label: str,
    url: str,
    *,
    key: Any = None,
    on_click: Callback | str = "ignore",
    args: Iterable[Any] | None = None,
    kwargs: dict[str, Any] | None = None,
    help: str | None = None,
    type: str = "secondary",
    icon: str | None = None,
    icon_position: str = "left",
    disabled: bool = False,
    use_container_width: bool | None = None,
    width: str | int | None = None,
    shortcut: str | None = None,
    wrap: bool | None = None,
) -> ElementHandle:
    """A button-styled link that opens ``url`` in a new tab.

    A notebook does not learn when a link is opened, so ``on_click`` can only be
    ``"ignore"`` (Streamlit's default); ``key``, ``args`` and ``kwargs`` go with it.

    Examples
    --------
    >>> st.link_button("Go to gallery", "https://streamlit.io/gallery")
    """
    call = f"st.link_button({label!r})"
    if on_click != "ignore":
        raise FragmentsAPIError(
            f"{call} got on_click={on_click!r}, but a notebook does not learn when a link is "
            'opened. Fix: leave on_click out ("ignore"), or use st.button(...) for an action '
            "and st.link_button(...) beside it for the link."
        )
    params = _button_params(
        label,
        call,
        help=help,
        disabled=disabled,
        type=type,
        icon=icon,
        icon_position=icon_position,
        width=width,
        use_container_width=use_container_width,
    )
    text = params["text"]
    size = width_layout(params["input_width"], call) or {}
    style = (
        "display:inline-block;padding:0.3em 0.9em;border:1px solid #d0d0d7;"
        "border-radius:0.4em;text-decoration:none;text-align:center;box-sizing:border-box"
        + "".join(f";{name.replace('_', '-')}:{value}" for name, value in size.items())
    )
    if type == "primary":
        style += ";background:#ff4b4b;color:white;border-color:#ff4b4b"
    title = f' title="{escape_html(help)}"' if help else ""
    if disabled:
        markup = (
            f'<span class="jf-link-button" style="{style};opacity:0.5">{escape_html(text)}</span>'
        )
    else:
        markup = (
            f'<a class="jf-link-button" href="{escape_html(safe_url(url))}" target="_blank" '
            f'rel="noopener noreferrer" style="{style}"{title}>{escape_html(text)}</a>'
        )
    return add_static([display_output({"text/html": markup, "text/plain": f"{text} ({url})"})])


def menu_button(
    label: str,
    options: Iterable[Any],
    *,
    key: Any = None,
    help: str | None = None,
    on_click: Callback = None,
    args: Iterable[Any] | None = None,
    kwargs: dict[str, Any] | None = None,
    type: str = "secondary",
    icon: str | None = None,
    disabled: bool = False,
    width: str | int | None = None,
    format_func: Callable[[Any], Any] = str,
    wrap: bool | None = None,
) -> Any:
    """A button that opens a menu of actions; returns the option chosen, in that run only.

    Choosing an option reruns the app (or the fragment it is in) and the call returns
    that option, like a button's True; every other run returns None. The menu's label
    stays as it is. It cannot be used inside ``st.form``.

    Parameters
    ----------
    label : str
        The label beside the menu.
    options : iterable
        The actions: any Python objects (a DataFrame's first column for a frame),
        shown through ``format_func``, whose labels must differ.
    on_click : callable, optional
        Called (with ``args`` and ``kwargs``) before the rerun the choice causes.

    Examples
    --------
    >>> action = st.menu_button("Export", ["CSV", "JSON"])
    >>> if action == "CSV":
    ...     st.write("exporting CSV")
    """
    call = f"st.menu_button({label!r})"
    opts = option_list(options, call)
    if not opts:
        raise FragmentsAPIError(f"{call} got no options. Fix: pass at least one option.")
    labels = option_labels(opts, format_func, call)
    if len(set(labels)) != len(labels):
        raise FragmentsAPIError(
            f"{call} has options with the same label ({labels}). Fix: make format_func give "
            "each option a label of its own."
        )
    params = {
        **_button_params(
            label, call, help=help, disabled=disabled, type=type, icon=icon, width=width
        ),
        "options": opts,
        "labels": labels,
    }
    return render_input(
        MENU_BUTTON,
        label,
        params,
        key=key,
        callback=on_click,
        args=args,
        kwargs=kwargs,
        call=call,
    )
