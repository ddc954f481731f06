"""jupyter-fragments: Streamlit's execution model, and its fragments, in Jupyter notebooks.

Load the extension with ``%load_ext jupyter_fragments``, write an app in a ``%%app``
cell, and use ``import jupyter_fragments as st`` for the elements, under Streamlit's
names::

    %%app
    import jupyter_fragments as st

    st.title("My app")
    n = st.slider("n", 0, 10)

    @st.fragment
    def counter():
        if st.button("+1"):
            st.session_state.count = st.session_state.get("count", 0) + 1
        st.write("count:", st.session_state.get("count", 0))

    counter()
"""

from __future__ import annotations

from typing import Any

from jupyter_fragments._elements.inputs import (
    button,
    checkbox,
    number_input,
    selectbox,
    slider,
    text_area,
    text_input,
    toggle,
)
from jupyter_fragments._elements.layout import (
    Container,
    columns,
    container,
    empty,
    expander,
    sidebar,
    tabs,
)
from jupyter_fragments._elements.text import (
    caption,
    code,
    divider,
    exception,
    header,
    json,
    markdown,
    subheader,
    text,
    title,
    write,
)
from jupyter_fragments._runtime.api import app, stop_all
from jupyter_fragments._runtime.fragment import experimental_fragment, fragment, rerun, stop
from jupyter_fragments._state.session_state import SessionStateProxy
from jupyter_fragments._version import __version__
from jupyter_fragments.errors import (
    DuplicateWidgetError,
    FragmentsAPIError,
    FragmentWidgetError,
    NoAppError,
    StreamlitAPIException,
    StrictAppError,
)

#: ``st.session_state``: one per kernel, shared by every app, readable from any cell.
session_state = SessionStateProxy()

__all__ = [
    "Container",
    "DuplicateWidgetError",
    "FragmentWidgetError",
    "FragmentsAPIError",
    "NoAppError",
    "StreamlitAPIException",
    "StrictAppError",
    "__version__",
    "app",
    "button",
    "caption",
    "checkbox",
    "code",
    "columns",
    "container",
    "divider",
    "empty",
    "exception",
    "expander",
    "experimental_fragment",
    "fragment",
    "header",
    "json",
    "load_ipython_extension",
    "markdown",
    "number_input",
    "rerun",
    "selectbox",
    "session_state",
    "set_page_config",
    "sidebar",
    "slider",
    "stop",
    "stop_all",
    "subheader",
    "tabs",
    "text",
    "text_area",
    "text_input",
    "title",
    "toggle",
    "unload_ipython_extension",
    "write",
]

#: Element functions that containers offer as methods (``box.write(...)``).
_CONTAINER_METHODS = frozenset(
    {
        "button",
        "caption",
        "checkbox",
        "code",
        "columns",
        "container",
        "divider",
        "empty",
        "exception",
        "expander",
        "header",
        "json",
        "markdown",
        "number_input",
        "selectbox",
        "slider",
        "subheader",
        "tabs",
        "text",
        "text_area",
        "text_input",
        "title",
        "toggle",
        "write",
    }
)


def set_page_config(
    page_title: str | None = None,
    page_icon: Any = None,
    layout: str = "centered",
    initial_sidebar_state: str = "auto",
    menu_items: Any = None,
) -> None:
    """Accepted for Streamlit compatibility; a notebook has no page to configure.

    The page title, when given, is shown as the app's title would be in a browser tab:
    not at all. Nothing is raised so that Streamlit scripts run unchanged.
    """
    return None


def _magic_write(value: Any) -> None:
    """Streamlit "magic": a bare expression in an app script is written."""
    if value is not None:
        write(value)


def load_ipython_extension(ipython: Any) -> None:
    """``%load_ext jupyter_fragments``: register ``%%app`` and the settings."""
    from jupyter_fragments._extension import load

    load(ipython)


def unload_ipython_extension(ipython: Any) -> None:
    """``%unload_ext jupyter_fragments``: stop every app and undo every registration."""
    from jupyter_fragments._extension import unload

    unload(ipython)
