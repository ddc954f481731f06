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

from jupyter_fragments import components
from jupyter_fragments._elements import column_config
from jupyter_fragments._elements.appinfo import QueryParamsProxy as _QueryParamsProxy
from jupyter_fragments._elements.appinfo import get_option, set_option
from jupyter_fragments._elements.button_groups import pagination, pills, segmented_control
from jupyter_fragments._elements.buttons import (
    button,
    download_button,
    form_submit_button,
    link_button,
    menu_button,
)
from jupyter_fragments._elements.cache import cache_data, cache_resource
from jupyter_fragments._elements.capture import audio_input, camera_input
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
from jupyter_fragments._elements.chat import bottom, chat_input, chat_message
from jupyter_fragments._elements.color import color_picker
from jupyter_fragments._elements.connection import connection
from jupyter_fragments._elements.custom import widget
from jupyter_fragments._elements.data import metric, table
from jupyter_fragments._elements.dates import date_input, datetime_input, time_input
from jupyter_fragments._elements.decor import badge, logo, skeleton, space
from jupyter_fragments._elements.diagrams import echarts_chart, graphviz_chart, mermaid_chart
from jupyter_fragments._elements.dialogs import dialog, experimental_dialog
from jupyter_fragments._elements.embeds import html, iframe, pdf
from jupyter_fragments._elements.files import file_uploader
from jupyter_fragments._elements.forms import form
from jupyter_fragments._elements.grid import data_editor, dataframe
from jupyter_fragments._elements.grid_layout import grid
from jupyter_fragments._elements.handles import ElementHandle
from jupyter_fragments._elements.introspect import echo, help  # noqa: A004 - Streamlit's name
from jupyter_fragments._elements.layout import (
    Container,
    columns,
    container,
    empty,
    expander,
    popover,
    sidebar,
    tabs,
)
from jupyter_fragments._elements.maps import map, pydeck_chart  # noqa: A004 - Streamlit's name
from jupyter_fragments._elements.media import audio, image, video
from jupyter_fragments._elements.navigation import Page, navigation, page_link, switch_page
from jupyter_fragments._elements.page import set_page_config
from jupyter_fragments._elements.script_apps import run_file
from jupyter_fragments._elements.secrets import Secrets as _Secrets
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
from jupyter_fragments._elements.visitor import ContextProxy as _ContextProxy
from jupyter_fragments._elements.visitor import UserInfoProxy as _UserInfoProxy
from jupyter_fragments._elements.visitor import login, logout

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
#: ``st.query_params``: the page's query parameters (Voila's query string; kept per kernel).
query_params = _QueryParamsProxy()
#: ``st.secrets``: ``.streamlit/secrets.toml`` of the working directory and the home directory.
secrets = _Secrets()
#: ``st.context``: what the kernel knows of the visitor's browser and request.
context = _ContextProxy()
#: ``st.user``: the JupyterHub user, or anonymous.
user = _UserInfoProxy()

__all__ = [
    "App",
    "Container",
    "DuplicateWidgetError",
    "ElementHandle",
    "FragmentWidgetError",
    "FragmentsAPIError",
    "NoAppError",
    "Page",
    "StreamlitAPIException",
    "StrictAppError",
    "__version__",
    "altair_chart",
    "app",
    "area_chart",
    "audio",
    "audio_input",
    "badge",
    "balloons",
    "bar_chart",
    "bottom",
    "button",
    "cache_data",
    "cache_resource",
    "camera_input",
    "caption",
    "chat_input",
    "chat_message",
    "checkbox",
    "code",
    "color_picker",
    "column_config",
    "columns",
    "components",
    "connection",
    "container",
    "context",
    "data_editor",
    "dataframe",
    "date_input",
    "datetime_input",
    "dialog",
    "divider",
    "download_button",
    "echarts_chart",
    "echo",
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
    "get_option",
    "graphviz_chart",
    "grid",
    "header",
    "help",
    "html",
    "iframe",
    "image",
    "info",
    "json",
    "latex",
    "line_chart",
    "link_button",
    "load_ipython_extension",
    "login",
    "logo",
    "logout",
    "map",
    "markdown",
    "menu_button",
    "mermaid_chart",
    "metric",
    "multiselect",
    "navigation",
    "number_input",
    "page_link",
    "pagination",
    "pdf",
    "pills",
    "plotly_chart",
    "popover",
    "progress",
    "pydeck_chart",
    "pyplot",
    "query_params",
    "radio",
    "rerun",
    "run_file",
    "scatter_chart",
    "secrets",
    "segmented_control",
    "select_slider",
    "selectbox",
    "session_state",
    "set_option",
    "set_page_config",
    "sidebar",
    "skeleton",
    "slider",
    "snow",
    "space",
    "spinner",
    "status",
    "stop",
    "stop_all",
    "subheader",
    "success",
    "switch_page",
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
    "user",
    "vega_lite_chart",
    "video",
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
