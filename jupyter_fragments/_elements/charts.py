"""Charts: Streamlit's simple charts as Vega-Lite v5 specs, and figures passed through.

``line_chart`` and friends build a Vega-Lite spec from DataFrames, dicts or lists (no
pandas needed); JupyterLab draws ``application/vnd.vegalite.v5+json`` natively and other
frontends show the text fallback. Matplotlib figures become PNGs, Plotly figures use
Plotly's own mime bundle, Altair charts their Vega-Lite dict.
"""

from __future__ import annotations

import base64
import datetime
import importlib
import io
import json as _json
import re
import sys
from collections.abc import Sequence
from typing import Any

from jupyter_fragments._elements._core import add_static, context
from jupyter_fragments._elements.chart_data import (
    SpecRows,
    TableRows,
    cell,
    inline_data,
    records,
    table_of,
)
from jupyter_fragments._elements.chart_selections import vega_lite_selection
from jupyter_fragments._elements.data import Table
from jupyter_fragments._elements.handles import ElementHandle
from jupyter_fragments._elements.plotly_charts import plotly_chart as plotly_chart
from jupyter_fragments._output.bundles import Output, display_output
from jupyter_fragments._widgets.vega import VegaLiteState
from jupyter_fragments.errors import FragmentsAPIError

VEGA_LITE_MIME = "application/vnd.vegalite.v5+json"
SCHEMA = "https://vega.github.io/schema/vega-lite/v5.json"
_COLOR_VALUE = re.compile(r"^(#[0-9a-fA-F]{3,8}|rgba?\(.*\)|hsla?\(.*\))$")
_SERIES = "series"
_VALUE = "value"


def _field(name: str) -> str:
    """A Vega-Lite field reference: dots and brackets in a name are literal, not paths."""
    return re.sub(r"([.\[\]\\])", r"\\\1", name)


def _is_color(value: Any) -> bool:
    return isinstance(value, str) and bool(_COLOR_VALUE.match(value.strip()))


def _type_of(values: Sequence[Any]) -> str:
    present = [v for v in values if v is not None]
    if not present:
        return "quantitative"  # an empty chart's axes (or a column of nulls)
    if present and all(isinstance(v, (int, float)) and not isinstance(v, bool) for v in present):
        return "quantitative"
    if present and all(
        isinstance(v, (datetime.date, datetime.datetime)) or type(v).__name__ == "Timestamp"
        for v in present
    ):
        return "temporal"
    return "nominal"


def _names(arg: Any, what: str, table: Table, call: str) -> list[str]:
    names = [arg] if isinstance(arg, str) else [str(a) for a in arg]
    if not table.columns:
        return names  # an empty chart: the columns come with add_rows
    available = [*table.columns, table.index_name or "index"]
    for name in names:
        if name not in table.columns and name != (table.index_name or "index"):
            raise FragmentsAPIError(
                f"{call} got {what}={name!r}, which is not a column. Fix: use one of {available}."
            )
    return names


def _y_names(y: Any, table: Table, used: set[str | None], call: str) -> list[str]:
    """The columns plotted: ``y``, or every column not used for another channel."""
    if y is None:
        names = [c for c in table.columns if c not in used]
    else:
        names = _names(y, "y", table, call)
    if not table.columns:
        return names or [_VALUE]  # an empty chart
    if not names:
        raise FragmentsAPIError(f"{call} has no columns to plot. Fix: pass data with columns.")
    return names


def _values(table: Table, name: str) -> list[Any]:
    if name in table.columns:
        return table.column(name)
    return list(table.index)


def chart_spec(
    mark: str,
    data: Any,
    *,
    x: str | None,
    y: str | Sequence[str] | None,
    color: Any,
    size: Any = None,
    x_label: str | None = None,
    y_label: str | None = None,
    width: int | None = None,
    height: int | None = None,
    use_container_width: bool = True,
    stack: Any = None,
    horizontal: bool = False,
    call: str,
) -> dict[str, Any]:
    """The Vega-Lite spec of a simple chart (wide data is melted into series).

    Without data it is an empty chart (its axes only), which ``add_rows`` fills.
    """
    table = table_of(data)
    x_name = _names(x, "x", table, call)[0] if x is not None else (table.index_name or "index")
    color_field = None
    if isinstance(color, str) and not _is_color(color):
        color_field = _names(color, "color", table, call)[0]
    size_field = _names(size, "size", table, call)[0] if isinstance(size, str) else None
    y_names = _y_names(y, table, {x_name, color_field, size_field}, call)
    xs = _values(table, x_name)
    melted = len(y_names) > 1
    extra = [f for f in (color_field, size_field) if f and f not in y_names and f != x_name]
    rows = _records(table, x_name, xs, y_names, extra, melted)
    y_field = _VALUE if melted else y_names[0]
    y_type = _type_of([v for name in y_names for v in _values(table, name)])
    x_type = _type_of(xs)
    x_enc: dict[str, Any] = {"field": _field(x_name), "type": x_type, "title": x_label or x_name}
    if x_type == "nominal":
        x_enc["sort"] = None
    y_title = y_label if y_label is not None else ("" if melted else y_names[0])
    y_enc: dict[str, Any] = {"field": _field(y_field), "type": y_type, "title": y_title}
    if stack is not None and mark in ("bar", "area"):
        y_enc["stack"] = None if stack is False else ("zero" if stack is True else stack)
    encoding: dict[str, Any] = {"x": x_enc, "y": y_enc}
    if horizontal:
        encoding = {"x": y_enc, "y": x_enc}
    mark_def: dict[str, Any] = {"type": mark, "tooltip": True}
    if melted:
        encoding.update(_series_encoding(mark, color, y_names, stack, horizontal, call))
    elif color_field is not None:
        encoding["color"] = {
            "field": _field(color_field),
            "type": _type_of(_values(table, color_field)),
            "title": color_field,
        }
    elif _is_color(color):
        mark_def["color"] = color
    if mark == "circle":
        if size_field is not None:
            encoding["size"] = {"field": _field(size_field), "type": "quantitative"}
        elif isinstance(size, (int, float)):
            mark_def["size"] = size
    spec: dict[str, Any] = {
        "$schema": SCHEMA,
        "data": {"values": rows},
        "mark": mark_def,
        "encoding": encoding,
        "height": height or 300,
    }
    # ``use_container_width`` is accepted but not applied: a Vega-Lite width of
    # "container" inside the app's flex and grid boxes sends JupyterLab's renderer into
    # an endless resize loop (measured: the page freezes). Charts take Vega-Lite's
    # default width unless ``width`` is given.
    if width:
        spec["width"] = width
    return spec


def _records(
    table: Table, x_name: str, xs: list[Any], y_names: list[str], extra: list[str], melted: bool
) -> list[dict[str, Any]]:
    """The chart's data: a record per x value, or per x value and series when ``melted``."""
    records: list[dict[str, Any]] = []
    for i, x_value in enumerate(xs):
        base = {x_name: cell(x_value)}
        for name in extra:
            base[name] = cell(_values(table, name)[i])
        for name in y_names:
            y_value = cell(_values(table, name)[i])
            if melted:
                records.append({**base, _SERIES: name, _VALUE: y_value})
            else:
                records.append({**base, name: y_value})
    return records


def _series_encoding(
    mark: str, color: Any, y_names: list[str], stack: Any, horizontal: bool, call: str
) -> dict[str, Any]:
    """The encoding channels of melted data: a colour per series, side by side if unstacked."""
    channels: dict[str, Any] = {"color": {"field": _SERIES, "type": "nominal", "title": ""}}
    if isinstance(color, (list, tuple)):
        if len(color) != len(y_names):
            raise FragmentsAPIError(
                f"{call} got {len(color)} colors for {len(y_names)} series. "
                "Fix: pass one color per y column."
            )
        channels["color"]["scale"] = {"domain": y_names, "range": list(color)}
    if mark == "bar" and stack is False:
        channels["yOffset" if horizontal else "xOffset"] = {"field": _SERIES}
    return channels


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
    return f"<{kind}: {axes}; {rows} data points>"


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
    width: int | None = None,
    height: int | None = None,
    use_container_width: bool = True,
) -> ElementHandle:
    """A line chart: one line per column (or per ``y``), over the index (or ``x``).

    Examples
    --------
    >>> st.line_chart({"a": [1, 3, 2], "b": [2, 1, 3]})
    >>> st.line_chart(df, x="date", y="price", color="#ff0000")
    """
    return _simple("line", "line_chart", data, x=x, y=y, color=color, x_label=x_label,
            y_label=y_label, width=width, height=height,
            use_container_width=use_container_width)  # fmt: skip


def area_chart(
    data: Any = None,
    *,
    x: str | None = None,
    y: str | Sequence[str] | None = None,
    x_label: str | None = None,
    y_label: str | None = None,
    color: Any = None,
    stack: Any = None,
    width: int | None = None,
    height: int | None = None,
    use_container_width: bool = True,
) -> ElementHandle:
    """An area chart (stacked like Streamlit's; ``stack=False`` overlaps the areas)."""
    return _simple("area", "area_chart", data, x=x, y=y, color=color, x_label=x_label,
            y_label=y_label, width=width, height=height, stack=stack,
            use_container_width=use_container_width)  # fmt: skip


def bar_chart(
    data: Any = None,
    *,
    x: str | None = None,
    y: str | Sequence[str] | None = None,
    x_label: str | None = None,
    y_label: str | None = None,
    color: Any = None,
    horizontal: bool = False,
    stack: Any = None,
    width: int | None = None,
    height: int | None = None,
    use_container_width: bool = True,
) -> ElementHandle:
    """A bar chart (stacked; ``stack=False`` groups the bars, ``horizontal=True`` turns it)."""
    return _simple("bar", "bar_chart", data, x=x, y=y, color=color, x_label=x_label,
            y_label=y_label, width=width, height=height, stack=stack, horizontal=horizontal,
            use_container_width=use_container_width)  # fmt: skip


def scatter_chart(
    data: Any = None,
    *,
    x: str | None = None,
    y: str | Sequence[str] | None = None,
    x_label: str | None = None,
    y_label: str | None = None,
    color: Any = None,
    size: Any = None,
    width: int | None = None,
    height: int | None = None,
    use_container_width: bool = True,
) -> ElementHandle:
    """A scatter chart; ``size`` is a number or a column that sizes the points."""
    return _simple("circle", "scatter_chart", data, x=x, y=y, color=color, size=size,
            x_label=x_label, y_label=y_label, width=width, height=height,
            use_container_width=use_container_width)  # fmt: skip


def vega_lite_chart(
    data: Any = None,
    spec: dict[str, Any] | None = None,
    *,
    use_container_width: bool | None = None,
    theme: str | None = "streamlit",
    key: Any = None,
    on_select: Any = "ignore",
    selection_mode: Any = None,
    **kwargs: Any,
) -> ElementHandle | VegaLiteState:
    """Show a Vega-Lite chart from a spec (and data to put in it); with ``on_select``
    its selections are returned (``event.selection.<param>``, see `chart_selections`).

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
    if on_select != "ignore":
        return vega_lite_selection(full, call="st.vega_lite_chart()", key=key,
                on_select=on_select, selection_mode=selection_mode)  # fmt: skip
    return _show_spec(full, "vega_lite_chart")


def altair_chart(
    altair_chart: Any,
    *,
    use_container_width: bool | None = None,
    theme: str | None = "streamlit",
    key: Any = None,
    on_select: Any = "ignore",
    selection_mode: Any = None,
) -> ElementHandle | VegaLiteState:
    """Show an Altair chart through its Vega-Lite spec (selections as `vega_lite_chart`).

    Examples
    --------
    >>> st.altair_chart(alt.Chart(df).mark_point().encode(x="a", y="b"))
    """
    if not hasattr(altair_chart, "to_dict"):
        raise FragmentsAPIError(
            f"st.altair_chart got {type(altair_chart).__name__}. Fix: pass an altair Chart."
        )
    if on_select != "ignore":
        return vega_lite_selection(_altair_spec(altair_chart), call="st.altair_chart()",
                key=key, on_select=on_select, selection_mode=selection_mode)  # fmt: skip
    return _show_spec(_altair_spec(altair_chart), "altair_chart")


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
