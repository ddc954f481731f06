"""The Plotly chart kind: ``st.plotly_chart`` with ``on_select``.

The chart is plotly's ``FigureWidget`` (plotly 6+, drawn through anywidget with
plotly.js inside its bundle, so offline). Its selection events (box, lasso, clicked
points) arrive as one ``_js2py_pointsCallback`` message covering every trace; the
kind turns each into Streamlit's `PlotlyState` on the element's kernel-only
``selection`` trait, which the registry watches like any input's value.
"""

from __future__ import annotations

import importlib
from collections.abc import Mapping, Sequence
from typing import Any

import ipywidgets as widgets
from traitlets import Dict

from jupyter_fragments._page.pool import ModelPool
from jupyter_fragments._widgets.base import InputKind, Params
from jupyter_fragments._widgets.grid_state import StateDict

PLOTLY_MODES = ("box", "lasso", "points")
_PARTS = ("points", "point_indices", "box", "lasso")
#: Per-point attributes Streamlit reports when a trace has one value per point
_POINT_ARRAYS = (
    ("customdata", ("customdata",)),
    ("marker_size", ("marker", "size")),
    ("marker_color", ("marker", "color")),
    ("text", ("text",)),
    ("hovertext", ("hovertext",)),
)


class PlotlySelectionState(StateDict):
    """``event.selection``: ``points``, ``point_indices``, ``box`` and ``lasso``."""


class PlotlyState(StateDict):
    """What ``st.plotly_chart(on_select=...)`` returns: ``{"selection": {...}}``."""


def plotly_state(selection: Mapping[str, Any] | None = None) -> PlotlyState:
    found = selection or {}
    parts = {name: list(found.get(name) or ()) for name in _PARTS}
    return PlotlyState({"selection": PlotlySelectionState(parts)})


class PlotlyChartBox(widgets.VBox):  # type: ignore[misc]
    """The element on the page: the ``FigureWidget``. ``selection`` is kernel-only."""

    selection = Dict()

    def __init__(self, figure: Any, **kwargs: Any) -> None:
        self.figure = figure
        super().__init__(children=(figure,), **kwargs)

    def close(self) -> None:
        figure = getattr(self, "figure", None)
        if figure is not None:
            figure.close()
        super().close()


class PlotlyChartKind(InputKind):
    """A Plotly figure with selections; the value is its `PlotlyState`.

    ``params``: ``figure`` (a plotly Figure), ``modes`` (a subset of `PLOTLY_MODES`),
    ``config`` (plotly.js config) and ``signature`` (the figure and config as JSON).
    """

    name = "plotly_chart"
    value_traits = ("selection",)

    def identity(self, params: Params) -> tuple[Any, ...]:
        # Streamlit: the figure is part of a plotly chart's identity, even with a key
        return (params["signature"], *params["modes"])

    def default(self, params: Params) -> Any:
        return None

    def coerce(self, params: Params, value: Any) -> PlotlyState:
        selection = value.get("selection") if isinstance(value, Mapping) else None
        return plotly_state(selection if isinstance(selection, Mapping) else None)

    def create(self, label: str, params: Params, value: Any, pool: ModelPool) -> widgets.DOMWidget:
        figure = figure_widget(params["figure"], params["modes"], params.get("config"))
        box = PlotlyChartBox(figure, layout=pool.layout())
        box.selection = dict(value["selection"])
        modes = frozenset(params["modes"])

        def on_points(change: Mapping[str, Any]) -> None:
            found = selection_of(change["new"], figure, modes)
            if found is not None and found != box.selection:
                box.selection = found

        figure.observe(on_points, names="_js2py_pointsCallback")
        return box

    def update(self, widget: widgets.DOMWidget, label: str, params: Params) -> None:
        return None  # a new figure is a new chart

    def read(self, widget: widgets.DOMWidget, params: Params) -> Any:
        return self.coerce(params, {"selection": widget.selection})

    def write(self, widget: widgets.DOMWidget, params: Params, value: Any) -> None:
        wanted = {name: list(value["selection"][name]) for name in _PARTS}
        if widget.selection != wanted:
            widget.selection = wanted


def figure_widget(figure: Any, modes: Sequence[str], config: Mapping[str, Any] | None) -> Any:
    """A ``FigureWidget`` of ``figure`` whose drag and click select, as ``modes`` allow."""
    go = importlib.import_module("plotly.graph_objects")
    layout = figure.layout.to_plotly_json()
    if layout.get("dragmode") is None:
        if "box" in modes:
            layout["dragmode"] = "select"
        elif "lasso" in modes:
            layout["dragmode"] = "lasso"
    if layout.get("clickmode") is None and "points" in modes:
        layout["clickmode"] = "event+select"
    # a FigureWidget cannot play frames: the chart is drawn without its animation
    shown = go.FigureWidget(data=figure.data, layout=layout)
    if config and "_config" in shown.trait_names():
        shown._config = dict(config)
    return shown


def selection_of(message: Any, figure: Any, modes: frozenset[str]) -> dict[str, Any] | None:
    """The selection a frontend's points message reports (None: not a selection event)."""
    if not isinstance(message, Mapping):
        return None
    event = message.get("event_type")
    if event == "plotly_deselect":
        return {name: [] for name in _PARTS}
    if event != "plotly_selected":
        return None  # hover and click messages come through the same trait
    selector = message.get("selector") or {}
    kind = selector.get("type")
    if (kind == "box" and "box" not in modes) or (kind == "lasso" and "lasso" not in modes):
        return None
    data = message.get("points") or {}
    columns = [data.get(name) or [] for name in ("trace_indexes", "point_indexes", "xs", "ys")]
    points: list[dict[str, Any]] = []
    indices: list[int] = []
    for curve, index, x, y in zip(*columns, strict=False):
        point = {"curve_number": curve, "point_number": index, "point_index": index, "x": x, "y": y}
        point.update(_point_extras(figure, curve, index))
        points.append(point)
        if index not in indices:
            indices.append(index)
    refs = _axis_refs(figure, columns[0][0] if columns[0] else None)
    state = selector.get("selector_state") or {}
    box = [{**refs, "x": state.get("xrange"), "y": state.get("yrange")}] if kind == "box" else []
    lasso = [{**refs, "x": state.get("xs"), "y": state.get("ys")}] if kind == "lasso" else []
    return {"points": points, "point_indices": indices, "box": box, "lasso": lasso}


def _point_extras(figure: Any, curve: Any, index: Any) -> dict[str, Any]:
    """The per-point values of trace ``curve`` at ``index`` (customdata, marker size, ...)."""
    try:
        trace = figure.data[curve]
    except (IndexError, TypeError):
        return {}
    extras: dict[str, Any] = {}
    for name, path in _POINT_ARRAYS:
        values: Any = trace
        for part in path:
            values = getattr(values, part, None)
        if values is None or isinstance(values, (str, bytes)) or not hasattr(values, "__len__"):
            continue
        if isinstance(index, int) and 0 <= index < len(values):
            extras[name] = _jsonable(values[index])
    group = getattr(trace, "legendgroup", None)
    if group:
        extras["legendgroup"] = group
    return extras


def _axis_refs(figure: Any, curve: Any) -> dict[str, str]:
    try:
        trace = figure.data[curve] if curve is not None else None
    except (IndexError, TypeError):
        trace = None
    return {
        "xref": getattr(trace, "xaxis", None) or "x",
        "yref": getattr(trace, "yaxis", None) or "y",
    }


def _jsonable(value: Any) -> Any:
    """A numpy value (or array) as plain Python."""
    converted = value.tolist() if hasattr(value, "tolist") else value
    if isinstance(converted, tuple):
        return [_jsonable(v) for v in converted]
    return converted


PLOTLY_CHART = PlotlyChartKind()
