"""Chart selections: ``on_select`` of ``st.vega_lite_chart``, ``st.altair_chart`` and
``st.plotly_chart``, each chart an input whose value is Streamlit's selection state.

`charts` calls these only when ``on_select`` is not ``"ignore"``; without it a chart
stays a plain output. The charts are widgets (`_widgets/vega.py`, `_widgets/plotly.py`)
kept by identity like any input, so a selection reruns the enclosing fragment only.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from typing import Any

from jupyter_fragments._elements._core import check_callback, render_input
from jupyter_fragments._widgets.plotly import PLOTLY_CHART, PLOTLY_MODES, PlotlyState
from jupyter_fragments._widgets.vega import VEGA_LITE_CHART, VegaLiteState
from jupyter_fragments.errors import FragmentsAPIError

_COMPOSITES = ("layer", "hconcat", "vconcat", "concat")
_NESTED = ("spec",)  # facet and repeat put their view under "spec"


def _check_on_select(on_select: Any, call: str) -> None:
    if on_select is None:
        raise FragmentsAPIError(
            f"{call} got on_select=None. Fix: pass 'ignore' (no selections), 'rerun' or a "
            "callback function."
        )
    check_callback(on_select, "on_select", call)


def stable_names(spec: Mapping[str, Any]) -> dict[str, Any]:
    """``spec`` with Altair's generated names (``param_54dd...``, ``view_99e2..._0``)
    numbered in order of appearance, as Streamlit names them (``param_1``, ``view_1``).

    Altair 5 numbers them with a global counter, so the same chart gets new names on
    every rerun: the chart's identity, and the names its selection is returned under,
    must not depend on that. Data is left out of the renaming (a field may be named so).
    """
    data = {name: spec[name] for name in ("datasets", "data") if name in spec}
    text = json.dumps({k: v for k, v in spec.items() if k not in data}, default=str)
    for prefix in ("param_", "view_"):
        text = _number_names(text, prefix)
    renamed: dict[str, Any] = json.loads(text)
    return {**renamed, **data}


def _number_names(text: str, prefix: str) -> str:
    pattern = re.compile(rf'"{prefix}[0-9a-f]+(?:_[0-9]+)?"')
    found = list(dict.fromkeys(pattern.findall(text)))
    numbered = {old: f'"{prefix}{n}"' for n, old in enumerate(found, start=1)}
    return pattern.sub(lambda match: numbered[match.group(0)], text)


def selection_params(spec: Mapping[str, Any]) -> set[str]:
    """The names of the spec's selection params, wherever in its views they are defined."""
    names: set[str] = set()
    params = spec.get("params")
    for param in params if isinstance(params, list) else ():
        if isinstance(param, Mapping) and param.get("name") and param.get("select"):
            names.add(str(param["name"]))
    for key in _COMPOSITES:
        views = spec.get(key)
        for view in views if isinstance(views, list) else ():
            if isinstance(view, Mapping):
                names |= selection_params(view)
    for key in _NESTED:
        if isinstance(spec.get(key), Mapping):
            names |= selection_params(spec[key])
    return names


def _vega_modes(spec: Mapping[str, Any], selection_mode: Any, call: str) -> tuple[str, ...]:
    """The selection params to report: all of the spec's, or those named (Streamlit's rules)."""
    available = selection_params(spec)
    if not available:
        raise FragmentsAPIError(
            f"{call} has on_select on, but the chart spec defines no selections. Fix: add a "
            "selection param (Altair: chart.add_params(alt.selection_point()) or "
            "alt.selection_interval(); Vega-Lite: a 'params' entry with 'select'), or drop "
            "on_select."
        )
    if selection_mode is None:
        return tuple(sorted(available))
    chosen = [selection_mode] if isinstance(selection_mode, str) else list(selection_mode)
    for name in chosen:
        if name not in available:
            raise FragmentsAPIError(
                f"{call} got selection_mode={name!r}, which is not a selection param of the "
                f"chart. Fix: use one of {sorted(available)}."
            )
    return tuple(sorted(set(chosen)))


def vega_lite_selection(
    spec: Mapping[str, Any], *, call: str, key: Any, on_select: Any, selection_mode: Any
) -> VegaLiteState:
    """Draw a Vega-Lite chart whose selections are returned (``{"selection": {param: ...}}``)."""
    _check_on_select(on_select, call)
    # JupyterLab's own renderer loops resizing a "container" width in the app's boxes;
    # the chart widget takes the same default width as the charts without selections
    shown = {k: v for k, v in spec.items() if not (k == "width" and v == "container")}
    stable = stable_names(shown)
    modes = _vega_modes(stable, selection_mode, call)
    params = {
        "spec": stable,
        "modes": modes,
        "signature": json.dumps(stable, sort_keys=True, default=str),
        "keyed": key is not None,
    }
    state: VegaLiteState = render_input(
        VEGA_LITE_CHART, None, params, key=key, callback=on_select, call=call
    )
    return state


def _plotly_modes(selection_mode: Any, call: str) -> tuple[str, ...]:
    chosen = [selection_mode] if isinstance(selection_mode, str) else list(selection_mode or ())
    if selection_mode is None:
        chosen = list(PLOTLY_MODES)
    if not chosen or any(mode not in PLOTLY_MODES for mode in chosen):
        raise FragmentsAPIError(
            f"{call} got selection_mode={selection_mode!r}. Fix: use one or more of "
            f"{', '.join(repr(m) for m in PLOTLY_MODES)}."
        )
    return tuple(sorted(set(chosen)))


def plotly_selection(
    figure: Any,
    payload: Mapping[str, Any],
    *,
    call: str,
    key: Any,
    on_select: Any,
    selection_mode: Any,
) -> PlotlyState:
    """Draw a Plotly figure whose selections are returned (``event.selection.points``, ...).

    ``payload`` is the figure's JSON with its plotly.js ``config``: the chart's identity.
    """
    _check_on_select(on_select, call)
    modes = _plotly_modes(selection_mode, call)
    params = {
        "figure": figure,
        "modes": modes,
        "config": payload.get("config"),
        "signature": json.dumps(payload, sort_keys=True, default=str),
    }
    try:
        state: PlotlyState = render_input(
            PLOTLY_CHART, None, params, key=key, callback=on_select, call=call
        )
    except ImportError as error:
        raise FragmentsAPIError(
            f"{call} with on_select draws plotly's FigureWidget, which could not be made "
            f"({error}). Fix: pip install 'plotly>=6' anywidget, then restart the kernel."
        ) from None
    return state
