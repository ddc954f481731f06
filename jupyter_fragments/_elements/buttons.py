"""Buttons: ``st.button``, ``st.form_submit_button``, ``st.download_button``, ``st.link_button``.

A button returns True only in the run its click caused; a link button is a styled link.
"""

from __future__ import annotations

import base64
import mimetypes
from collections.abc import Iterable
from typing import Any

from jupyter_fragments._elements._core import add_static, render_input
from jupyter_fragments._elements.params import Callback, common_params
from jupyter_fragments._output.bundles import display_output, escape_html
from jupyter_fragments._output.urls import safe_url
from jupyter_fragments._widgets.buttons import BUTTON, DOWNLOAD_BUTTON, SUBMIT_BUTTON
from jupyter_fragments.errors import FragmentsAPIError


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
    disabled: bool = False,
    use_container_width: bool = False,
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
    type : {"secondary", "primary"}
        ``"primary"`` draws an emphasized button.
    disabled : bool
        Shown greyed out, not clickable.

    Returns
    -------
    bool
        True in the run the click caused, False otherwise.

    Examples
    --------
    >>> if st.button("Say hello"):
    ...     st.write("Hello!")
    """
    params = {**common_params(help, disabled, "visible"), "type": type}
    return bool(
        render_input(
            BUTTON,
            label,
            params,
            key=key,
            callback=on_click,
            args=args,
            kwargs=kwargs,
            call=f"st.button({label!r})",
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
    disabled: bool = False,
    use_container_width: bool = False,
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
    params = {**common_params(help, disabled, "visible"), "type": type}
    return bool(
        render_input(
            SUBMIT_BUTTON,
            label,
            params,
            key=key,
            callback=on_click,
            args=args,
            kwargs=kwargs,
            call=f"st.form_submit_button({label!r})",
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
    disabled: bool = False,
    use_container_width: bool = False,
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
    params = {**common_params(help, disabled, "visible"), "type": type}
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
    help: str | None = None,
    type: str = "secondary",
    icon: str | None = None,
    disabled: bool = False,
    use_container_width: bool = False,
) -> None:
    """A button-styled link that opens ``url`` in a new tab.

    Examples
    --------
    >>> st.link_button("Go to gallery", "https://streamlit.io/gallery")
    """
    text = f"{icon} {label}" if icon else str(label)
    title = f' title="{escape_html(help)}"' if help else ""
    style = (
        "display:inline-block;padding:0.3em 0.9em;border:1px solid #d0d0d7;"
        "border-radius:0.4em;text-decoration:none"
    )
    if disabled:
        markup = (
            f'<span class="jf-link-button" style="{style};opacity:0.5">{escape_html(text)}</span>'
        )
    else:
        markup = (
            f'<a class="jf-link-button" href="{escape_html(safe_url(url))}" target="_blank" '
            f'rel="noopener noreferrer" style="{style}"{title}>{escape_html(text)}</a>'
        )
    add_static([display_output({"text/html": markup, "text/plain": f"{text} ({url})"})])
