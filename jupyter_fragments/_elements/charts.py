"""Charts: Streamlit's simple charts as Vega-Lite v5 specs, and figures passed through.

``line_chart`` and friends build a Vega-Lite spec from DataFrames, dicts or lists (no
pandas needed); JupyterLab draws ``application/vnd.vegalite.v5+json`` natively and other
frontends show the text fallback. Matplotlib figures become PNGs, Plotly figures use
Plotly's own mime bundle, Altair charts their Vega-Lite dict.
"""

from __future__ import annotations

import base64
import importlib
import io
import json as _json
import re
import sys
from collections.abc import Sequence
from typing import Any

from jupyter_fragments._elements._core import add_static, context
from jupyter_fragments._elements.chart_data import SpecRows, TableRows, inline_data, records
from jupyter_fragments._elements.chart_selections import vega_lite_selection
from jupyter_fragments._elements.chart_specs import SCHEMA as SCHEMA
from jupyter_fragments._elements.chart_specs import chart_spec, sized
from jupyter_fragments._elements.data import Table
from jupyter_fragments._elements.handles import ElementHandle
from jupyter_fragments._elements.plotly_charts import plotly_chart as plotly_chart
from jupyter_fragments._output.bundles import Output, display_output
from jupyter_fragments._widgets.vega import VegaLiteState
from jupyter_fragments.errors import FragmentsAPIError

VEGA_LITE_MIME = "application/vnd.vegalite.v5+json"


def _summary(kind: str, spec: dict[str, Any]) -> str:
    data = spec.get("data")
    values = data.get("values") if isinstance(data, dict) else None
    if isinstance(data, dict) and "name" in data:
        values = (spec.get("datasets") or {}).get(data["name"])
    rows = len(values) if isinstance(values, list) else 0
    encoding = spec.get("encoding", {})
    axes = ", ".join(
        f"{k}={v.get('title') or v.get('field')}"
        for k, v in encoding.items()
        if isinstance(v, dict) and k in ("x", "y", "color")
    )
    described = spec.get("description")  # ``alt``: what the chart shows, for screen readers
    lead = f"{described}; " if isinstance(described, str) and described else ""
    return f"<{kind}: {lead}{axes}; {rows} data points>"


def _spec_outputs(spec: dict[str, Any], kind: str) -> list[Output]:
    if spec.get("width") == "container":
        # JupyterLab's renderer loops resizing such a chart inside the app's boxes
        spec = {k: v for k, v in spec.items() if k != "width"}
    schema = str(spec.get("$schema", SCHEMA))
    found = re.search(r"/v(\d+)(?:\.[\d.]+)?\.json", schema)
    # JupyterLab renders Vega-Lite v3 to v5: a newer spec (Altair 6 writes v6) goes to v5's
    version = min(int(found.group(1)), 5) if found else 5
    mime = f"application/vnd.vegalite.v{version}+json"
    return [display_output({mime: spec, "text/plain": _summary(kind, spec)})]


def _show_spec(spec: dict[str, Any], kind: str) -> ElementHandle:
    """Draw a Vega-Lite spec; its handle's ``add_rows`` adds to the spec's data."""

    def draw(grown: dict[str, Any]) -> list[Output]:
        return _spec_outputs(grown, kind)

    return add_static(draw(spec), rows=SpecRows(spec, draw))


def _simple(mark: str, kind: str, data: Any, **options: Any) -> ElementHandle:
    """Draw a simple chart; its handle's ``add_rows`` appends to its table and redraws."""
    call = f"st.{kind}()"

    def draw(table: Table) -> list[Output]:
        return _spec_outputs(chart_spec(mark, table, call=call, **options), kind)

    rows = TableRows(data, draw)
    return add_static(draw(rows.table), rows=rows)


def line_chart(
    data: Any = None,
    *,
    x: str | None = None,
    y: str | Sequence[str] | None = None,
    x_label: str | None = None,
    y_label: str | None = None,
    color: Any = None,
    width: str | int = "stretch",
    height: str | int = "content",
    use_container_width: bool | None = None,
    alt: str | None = None,
) -> ElementHandle:
    """A line chart: one line per column (or per ``y``), over the index (or ``x``).

    Examples
    --------
    >>> st.line_chart({"a": [1, 3, 2], "b": [2, 1, 3]})
    >>> st.line_chart(df, x="date", y="price", color="#ff0000")
    """
    return _simple("line", "line_chart", data, x=x, y=y, color=color, x_label=x_label,
            y_label=y_label, width=width, height=height, alt=alt)  # fmt: skip


def area_chart(
    data: Any = None,
    *,
    x: str | None = None,
    y: str | Sequence[str] | None = None,
    x_label: str | None = None,
    y_label: str | None = None,
    color: Any = None,
    stack: Any = None,
    width: str | int = "stretch",
    height: str | int = "content",
    use_container_width: bool | None = None,
    alt: str | None = None,
) -> ElementHandle:
    """An area chart (stacked like Streamlit's; ``stack=False`` overlaps the areas)."""
    return _simple("area", "area_chart", data, x=x, y=y, color=color, x_label=x_label,
            y_label=y_label, width=width, height=height, stack=stack, alt=alt)  # fmt: skip


def bar_chart(
    data: Any = None,
    *,
    x: str | None = None,
    y: str | Sequence[str] | None = None,
    x_label: str | None = None,
    y_label: str | None = None,
    color: Any = None,
    horizontal: bool = False,
    sort: bool | str = True,
    stack: Any = None,
    width: str | int = "stretch",
    height: str | int = "content",
    use_container_width: bool | None = None,
    alt: str | None = None,
) -> ElementHandle:
    """A bar chart (stacked; ``stack=False`` groups the bars, ``horizontal=True`` turns it).

    ``sort``: True sorts the bars along their category axis (Vega-Lite's order), False
    keeps the data's order, ``"col"``/``"-col"`` sorts them by a column, up or down.
    ``alt`` describes the chart for screen readers (every chart takes it).
    """
    return _simple("bar", "bar_chart", data, x=x, y=y, color=color, x_label=x_label,
            y_label=y_label, width=width, height=height, stack=stack, horizontal=horizontal,
            sort=sort, alt=alt)  # fmt: skip


def scatter_chart(
    data: Any = None,
    *,
    x: str | None = None,
    y: str | Sequence[str] | None = None,
    x_label: str | None = None,
    y_label: str | None = None,
    color: Any = None,
    size: Any = None,
    width: str | int = "stretch",
    height: str | int = "content",
    use_container_width: bool | None = None,
    alt: str | None = None,
) -> ElementHandle:
    """A scatter chart; ``size`` is a number or a column that sizes the points."""
    return _simple("circle", "scatter_chart", data, x=x, y=y, color=color, size=size,
            x_label=x_label, y_label=y_label, width=width, height=height, alt=alt)  # fmt: skip


def vega_lite_chart(
    data: Any = None,
    spec: dict[str, Any] | None = None,
    *,
    width: str | int | None = None,
    height: str | int = "content",
    use_container_width: bool | None = None,
    theme: str | None = "streamlit",
    key: Any = None,
    on_select: Any = "ignore",
    selection_mode: Any = None,
    alt: str | None = None,
    **kwargs: Any,
) -> ElementHandle | VegaLiteState:
    """Show a Vega-Lite chart from a spec (and data to put in it); with ``on_select``
    its selections are returned (``event.selection.<param>``, see `chart_selections`).
    A ``width``/``height`` in pixels sizes the chart; ``alt`` describes it.

    Examples
    --------
    >>> st.vega_lite_chart({"a": [1, 2], "b": [3, 1]},
    ...     {"mark": "bar", "encoding": {"x": {"field": "a"}, "y": {"field": "b"}}})
    """
    if spec is None and isinstance(data, dict) and ("mark" in data or "layer" in data):
        data, spec = None, data
    if spec is None and not kwargs:
        raise FragmentsAPIError(
            "st.vega_lite_chart got no spec. Fix: pass a Vega-Lite spec dict, e.g. "
            "{'mark': 'line', 'encoding': {...}}."
        )
    # tables become records before the copy, which would turn a DataFrame into its str()
    given = inline_data({**(spec or {}), **kwargs})
    full = _json.loads(_json.dumps(given, default=str))
    full.setdefault("$schema", SCHEMA)
    if data is not None:
        full["data"] = {"values": records(data)}
    if use_container_width and "width" not in full:
        full["width"] = "container"
    full = sized(full, width, height, alt, "st.vega_lite_chart()")
    if on_select != "ignore":
        return vega_lite_selection(full, call="st.vega_lite_chart()", key=key,
                on_select=on_select, selection_mode=selection_mode)  # fmt: skip
    return _show_spec(full, "vega_lite_chart")


def altair_chart(
    altair_chart: Any,
    *,
    width: str | int | None = None,
    height: str | int = "content",
    use_container_width: bool | None = None,
    theme: str | None = "streamlit",
    key: Any = None,
    on_select: Any = "ignore",
    selection_mode: Any = None,
    alt: str | None = None,
) -> ElementHandle | VegaLiteState:
    """Show an Altair chart through its Vega-Lite spec (selections as `vega_lite_chart`).

    A ``width``/``height`` in pixels sets the chart's size (a facet or concatenated
    chart keeps its views' sizes); ``alt`` describes the chart for screen readers.

    Examples
    --------
    >>> st.altair_chart(alt.Chart(df).mark_point().encode(x="a", y="b"))
    """
    if not hasattr(altair_chart, "to_dict"):
        raise FragmentsAPIError(
            f"st.altair_chart got {type(altair_chart).__name__}. Fix: pass an altair Chart."
        )
    spec = sized(_altair_spec(altair_chart), width, height, alt, "st.altair_chart()")
    if on_select != "ignore":
        return vega_lite_selection(spec, call="st.altair_chart()", key=key,
                on_select=on_select, selection_mode=selection_mode)  # fmt: skip
    return _show_spec(spec, "altair_chart")


def _altair_spec(chart: Any) -> dict[str, Any]:
    """The chart's Vega-Lite dict, its data inline however many rows it has (Altair's
    default stops at 5,000, which Streamlit does not)."""
    try:
        spec: dict[str, Any] = chart.to_dict()
    except Exception as error:  # Altair's MaxRowsError, without importing altair first
        if type(error).__name__ != "MaxRowsError":
            raise
        transformers = importlib.import_module("altair").data_transformers
        with transformers.enable("default", max_rows=None):
            spec = chart.to_dict()
    return spec


def pyplot(
    fig: Any = None,
    clear_figure: bool | None = None,
    use_container_width: bool = True,
    **kwargs: Any,
) -> ElementHandle:
    """Show a Matplotlib figure as a PNG image.

    Without ``fig``, the current pyplot figure is shown and then cleared (as in
    Streamlit). The figure is released from pyplot's list of open figures so that the
    inline backend does not show it a second time; the Figure object itself stays usable.

    Examples
    --------
    >>> fig, ax = plt.subplots()
    >>> ax.plot([1, 2, 3])
    >>> st.pyplot(fig)
    """
    pyplot_module: Any = sys.modules.get("matplotlib.pyplot")
    if fig is None:
        ctx = context()
        if ctx is not None and ctx.later is not None:  # a parallel fragment's thread
            raise FragmentsAPIError(
                "st.pyplot() without a figure reads pyplot's shared current figure, which "
                "parallel fragments would draw on at the same time. Fix: make a figure of "
                "your own in the fragment (fig, ax = plt.subplots()) and pass st.pyplot(fig)."
            )
        pyplot_module = importlib.import_module("matplotlib.pyplot")
        fig = pyplot_module.gcf()
        clear_figure = True if clear_figure is None else clear_figure
    if not hasattr(fig, "savefig"):
        raise FragmentsAPIError(
            f"st.pyplot got {type(fig).__name__}. Fix: pass a matplotlib Figure "
            "(fig, ax = plt.subplots(); st.pyplot(fig))."
        )
    buffer = io.BytesIO()
    options = {"format": "png", "bbox_inches": "tight", **kwargs}
    fig.savefig(buffer, **options)
    width, height = (round(v) for v in fig.get_size_inches() * fig.dpi)
    data = {
        "image/png": base64.b64encode(buffer.getvalue()).decode("ascii"),
        "text/plain": f"<Figure size {width}x{height} with {len(fig.axes)} Axes>",
    }
    handle = add_static([display_output(data)])
    if clear_figure:
        fig.clf()
    if pyplot_module is not None and fig in [
        m.canvas.figure for m in _figure_managers(pyplot_module)
    ]:
        pyplot_module.close(fig)
    return handle


def _figure_managers(pyplot_module: Any) -> list[Any]:
    helpers = sys.modules.get("matplotlib._pylab_helpers")
    return list(helpers.Gcf.get_all_fig_managers()) if helpers is not None else []
