"""The Vega-Lite chart kind: ``st.vega_lite_chart`` / ``st.altair_chart`` with ``on_select``.

The widget is `VegaChart`, drawn by the extension's ``VegaChartView`` (vega-embed,
bundled): it reports the values of the chart's selection params as its ``selection``
trait, and the call returns them as Streamlit's `VegaLiteState`. A frontend without
the extension cannot report anything, so the selection stays empty there.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import ipywidgets as widgets
from traitlets import Dict, List, Unicode

from jupyter_fragments._page.pool import ModelPool
from jupyter_fragments._widgets.base import InputKind, Params
from jupyter_fragments._widgets.grid_state import StateDict

#: The extension's ipywidgets module and the version of its widget protocol
#: (labextension/src/widgetModule.ts)
WIDGET_MODULE = "jupyter-fragments"
WIDGET_VERSION = "^1.0.0"


class VegaLiteState(StateDict):
    """What ``st.vega_lite_chart(on_select=...)`` returns: ``{"selection": {param: value}}``.

    An interval's value is ``{field: [min, max]}``, a point selection's a list of
    ``{field: value}``, an empty selection ``{}``.
    """


def vega_state(selection: Mapping[str, Any]) -> VegaLiteState:
    return VegaLiteState({"selection": StateDict(selection)})


class VegaChart(widgets.DOMWidget):  # type: ignore[misc]
    """A Vega-Lite chart whose selection params (``params``) are synced as ``selection``."""

    _model_name = Unicode("VegaChartModel").tag(sync=True)
    _model_module = Unicode(WIDGET_MODULE).tag(sync=True)
    _model_module_version = Unicode(WIDGET_VERSION).tag(sync=True)
    _view_name = Unicode("VegaChartView").tag(sync=True)
    _view_module = Unicode(WIDGET_MODULE).tag(sync=True)
    _view_module_version = Unicode(WIDGET_VERSION).tag(sync=True)

    spec = Dict().tag(sync=True)
    params = List(Unicode()).tag(sync=True)
    selection = Dict().tag(sync=True)


class VegaChartKind(InputKind):
    """A Vega-Lite chart with selections; the value is its `VegaLiteState`.

    ``params``: ``spec`` (the Vega-Lite dict, names stabilized), ``modes`` (the
    selection params to report, sorted), ``signature`` (the spec as JSON) and ``keyed``.
    """

    name = "vega_lite_chart"
    value_traits = ("selection",)

    def identity(self, params: Params) -> tuple[Any, ...]:
        modes = tuple(params["modes"])
        # Streamlit: a keyed chart is its key and selection params; a new spec keeps it
        return modes if params.get("keyed") else (params["signature"], *modes)

    def default(self, params: Params) -> Any:
        return None

    def coerce(self, params: Params, value: Any) -> VegaLiteState:
        """Every reported param, ``{}`` for those without a selection; nothing else."""
        selection = value.get("selection") if isinstance(value, Mapping) else None
        selection = selection if isinstance(selection, Mapping) else {}
        found = {name: _plain(selection.get(name)) for name in params["modes"]}
        return vega_state({name: {} if v is None else v for name, v in found.items()})

    def create(self, label: str, params: Params, value: Any, pool: ModelPool) -> widgets.DOMWidget:
        return VegaChart(
            spec=params["spec"],
            params=list(params["modes"]),
            selection=dict(value["selection"]),
            layout=pool.layout(),
        )

    def update(self, widget: widgets.DOMWidget, label: str, params: Params) -> None:
        with widget.hold_sync():
            if widget.spec != params["spec"]:
                widget.spec = params["spec"]
            if widget.params != list(params["modes"]):
                widget.params = list(params["modes"])

    def read(self, widget: widgets.DOMWidget, params: Params) -> Any:
        return self.coerce(params, {"selection": widget.selection})

    def write(self, widget: widgets.DOMWidget, params: Params, value: Any) -> None:
        wanted = _plain(value["selection"])
        if widget.selection != wanted:
            widget.selection = wanted


def _plain(value: Any) -> Any:
    """A selection value as plain JSON-like data (read-only dicts become dicts)."""
    if isinstance(value, Mapping):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    return value


VEGA_LITE_CHART = VegaChartKind()
