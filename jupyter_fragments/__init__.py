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

from jupyter_fragments._elements.buttons import (
    button,
    download_button,
    form_submit_button,
    link_button,
)
from jupyter_fragments._elements.cache import cache_data, cache_resource
from jupyter_fragments._elements.charts import (
    altair_chart,
    area_chart,
    bar_chart,
    line_chart,
    plotly_chart,
    pyplot,
    scatter_chart,
    vega_lite_chart,
)
from jupyter_fragments._elements.color import color_picker
from jupyter_fragments._elements.custom import widget
from jupyter_fragments._elements.data import dataframe, metric, table
from jupyter_fragments._elements.dates import date_input, time_input
from jupyter_fragments._elements.dialogs import dialog, experimental_dialog
from jupyter_fragments._elements.files import file_uploader
from jupyter_fragments._elements.grid_layout import grid
from jupyter_fragments._elements.layout import (
    Container,
    columns,
    container,
    empty,
    expander,
    form,
    popover,
    sidebar,
    tabs,
)
from jupyter_fragments._elements.media import image
from jupyter_fragments._elements.page import set_page_config
from jupyter_fragments._elements.selections import feedback, multiselect, radio, selectbox
from jupyter_fragments._elements.sliders import select_slider, slider
from jupyter_fragments._elements.status import (
    balloons,
    error,
    info,
    progress,
    snow,
    spinner,
    status,
    success,
    toast,
    warning,
)

# importing the surface gives every container its element methods (``col.button(...)``)
from jupyter_fragments._elements.surface import (
    CONTAINER_METHODS as _CONTAINER_METHODS,  # noqa: F401
)
from jupyter_fragments._elements.text import (
    caption,
    code,
    divider,
    exception,
    header,
    json,
    latex,
    markdown,
    subheader,
    text,
    title,
)
from jupyter_fragments._elements.text_inputs import number_input, text_area, text_input
from jupyter_fragments._elements.toggles import checkbox, toggle

# a bare expression in an ``%%app`` script calls ``jupyter_fragments._magic_write(value)``
from jupyter_fragments._elements.write import magic_write as _magic_write  # noqa: F401
from jupyter_fragments._elements.write import write, write_stream
from jupyter_fragments._runtime.api import app, stop_all
from jupyter_fragments._runtime.app import App
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
    "App",
    "Container",
    "DuplicateWidgetError",
    "FragmentWidgetError",
    "FragmentsAPIError",
    "NoAppError",
    "StreamlitAPIException",
    "StrictAppError",
    "__version__",
    "altair_chart",
    "app",
    "area_chart",
    "balloons",
    "bar_chart",
    "button",
    "cache_data",
    "cache_resource",
    "caption",
    "checkbox",
    "code",
    "color_picker",
    "columns",
    "container",
    "dataframe",
    "date_input",
    "dialog",
    "divider",
    "download_button",
    "empty",
    "error",
    "exception",
    "expander",
    "experimental_dialog",
    "experimental_fragment",
    "feedback",
    "file_uploader",
    "form",
    "form_submit_button",
    "fragment",
    "grid",
    "header",
    "image",
    "info",
    "json",
    "latex",
    "line_chart",
    "link_button",
    "load_ipython_extension",
    "markdown",
    "metric",
    "multiselect",
    "number_input",
    "plotly_chart",
    "popover",
    "progress",
    "pyplot",
    "radio",
    "rerun",
    "scatter_chart",
    "select_slider",
    "selectbox",
    "session_state",
    "set_page_config",
    "sidebar",
    "slider",
    "snow",
    "spinner",
    "status",
    "stop",
    "stop_all",
    "subheader",
    "success",
    "table",
    "tabs",
    "text",
    "text_area",
    "text_input",
    "time_input",
    "title",
    "toast",
    "toggle",
    "unload_ipython_extension",
    "vega_lite_chart",
    "warning",
    "widget",
    "write",
    "write_stream",
]


def load_ipython_extension(ipython: Any) -> None:
    """``%load_ext jupyter_fragments``: register ``%%app`` and the settings."""
    from jupyter_fragments._extension import load

    load(ipython)


def unload_ipython_extension(ipython: Any) -> None:
    """``%unload_ext jupyter_fragments``: stop every app and undo every registration."""
    from jupyter_fragments._extension import unload

    unload(ipython)


def _jupyter_labextension_paths() -> list[dict[str, str]]:
    """Where JupyterLab finds the built frontend extension shipped in this package."""
    return [{"src": "labextension", "dest": "jupyter-fragments"}]
