"""Any ipywidget as an input: ``st.widget`` places it and reruns on the changes a user makes."""

from __future__ import annotations

from typing import Any

import ipywidgets as widgets

from jupyter_fragments._elements._core import render_input, require_context
from jupyter_fragments._page.blocks import WidgetElement
from jupyter_fragments._page.pool import close_widget
from jupyter_fragments._widgets.custom import any_widget_kind
from jupyter_fragments.errors import FragmentsAPIError


def widget(widget: Any, key: Any = None) -> Any:
    """Place any ipywidget in the app; its changes rerun the enclosing fragment or app.

    The widget is identified by ``key`` (or by its class and ``description``). The
    first instance seen for an identity is kept across reruns and returned: create
    the widget anew on each run or once, you always get the instance on the page
    (a new duplicate is closed). The app observes ``value`` (or ``index``; else every
    synced trait of the widget's own) and reruns when the frontend changes it;
    changes the app makes during a run do not rerun it.

    Examples
    --------
    >>> m = st.widget(ipyleaflet.Map(center=(52, 4), zoom=5), key="map")
    >>> st.write("zoom:", m.zoom)
    """
    if not isinstance(widget, widgets.Widget) or not getattr(widget, "_view_name", None):
        raise FragmentsAPIError(
            f"st.widget got {type(widget).__name__}. Fix: pass an ipywidget that can be "
            "displayed (an instance of a DOMWidget subclass)."
        )
    ctx = require_context("st.widget()")
    label = getattr(widget, "description", "") or ""
    params = {"widget": widget, "help": None, "disabled": False, "label_visibility": "visible"}
    call = f"st.widget({type(widget).__name__}(), key={key!r})"
    render_input(any_widget_kind(widget), label, params, key=key, call=call)
    elements = ctx.block.elements()
    last = elements[-1] if elements else None
    kept = last.record.widget if isinstance(last, WidgetElement) else widget
    if kept is not widget and widget.comm is not None:
        close_widget(widget)
    return kept
