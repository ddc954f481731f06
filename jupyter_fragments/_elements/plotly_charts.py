"""``st.plotly_chart``: a Plotly figure as Plotly's own mime bundle, or, with
``on_select``, as a chart whose selections are returned (`chart_selections`).

Plotly is optional: without it the call raises a clear error.
"""

from __future__ import annotations

import importlib
import json
from typing import Any

from jupyter_fragments._elements._core import add_static
from jupyter_fragments._elements.chart_selections import plotly_selection
from jupyter_fragments._elements.handles import ElementHandle
from jupyter_fragments._output.bundles import display_output
from jupyter_fragments._widgets.plotly import PLOTLY_MODES, PlotlyState
from jupyter_fragments.errors import FragmentsAPIError


def plotly_chart(
    figure_or_data: Any,
    use_container_width: bool = True,
    *,
    theme: str | None = "streamlit",
    key: Any = None,
    on_select: Any = "ignore",
    selection_mode: Any = PLOTLY_MODES,
    config: dict[str, Any] | None = None,
    **kwargs: Any,
) -> ElementHandle | PlotlyState:
    """Show a Plotly figure through Plotly's own mime bundle (needs plotly installed).

    With ``on_select="rerun"`` (or a callback) the chart is plotly's ``FigureWidget``:
    a box or lasso drawn on it, or a clicked point (``selection_mode``), reruns the
    enclosing fragment and the call returns Streamlit's ``PlotlyState``
    (``event.selection.points``, ``.point_indices``, ``.box``, ``.lasso``).

    Examples
    --------
    >>> st.plotly_chart(px.scatter(df, x="a", y="b"))
    >>> event = st.plotly_chart(px.scatter(df, x="a", y="b"), on_select="rerun", key="pts")
    >>> st.write(event.selection.point_indices)
    """
    try:
        pio = importlib.import_module("plotly.io")
    except ImportError:
        raise FragmentsAPIError(
            "st.plotly_chart needs plotly, which is not installed in this kernel. "
            "Fix: pip install plotly (it brings its JupyterLab renderer), then restart the kernel."
        ) from None
    fig = figure_or_data
    if not hasattr(fig, "to_plotly_json"):
        fig = importlib.import_module("plotly.graph_objects").Figure(fig)
    payload = json.loads(pio.to_json(fig, validate=False))
    payload["config"] = {"responsive": bool(use_container_width), **(config or {})}
    if on_select != "ignore":
        return plotly_selection(fig, payload, call="st.plotly_chart()", key=key,
                on_select=on_select, selection_mode=selection_mode)  # fmt: skip
    traces = len(payload.get("data", []))
    return add_static(
        [
            display_output(
                {
                    "application/vnd.plotly.v1+json": payload,
                    "text/plain": f"<Plotly figure with {traces} traces>",
                }
            )
        ]
    )
