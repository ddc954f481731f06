"""Chart selections through a real kernel: ``on_select`` on Vega-Lite, Altair and Plotly charts.

A selection is driven as the page drives it: the Vega-Lite chart widget's ``selection``
state (what the extension's view reports), and plotly's ``FigureWidget`` points
message (``_js2py_pointsCallback``, what plotly's own frontend sends), each sent as a
``comm_msg`` update.
"""

from __future__ import annotations

import importlib.util
from typing import Any

import pytest
from grid_support import line

from jupyter_fragments.testing import KernelSession
from jupyter_fragments.testing.app import AppHandle

VEGA_APP = r"""%%app vega
import pandas as pd
import jupyter_fragments as st

df = pd.DataFrame({"a": [1, 2, 3, 4], "b": [4, 1, 3, 2], "c": ["x", "y", "x", "y"]})
spec = {
    "mark": "point",
    "encoding": {"x": {"field": "a", "type": "quantitative"},
                 "y": {"field": "b", "type": "quantitative"}},
    "params": [{"name": "brush", "select": "interval"},
               {"name": "pick", "select": {"type": "point", "fields": ["c"]}}],
}
st.text("full runs")

@st.fragment
def panel():
    event = st.vega_lite_chart(df, spec, on_select="rerun", key="chart")
    st.text(f"brush={event.selection.brush} pick={event['selection']['pick']}")
    st.text(f"state={dict(st.session_state.chart.selection)}")

panel()
"""


def test_a_vega_lite_selection_is_returned_and_reruns_only_its_fragment(
    app_session: KernelSession,
) -> None:
    app_session.run_cell(VEGA_APP)
    app = app_session.app("vega")
    assert line(app, "brush=") == "brush={} pick={}"
    chart = app.widget(key="chart", kind="vega_lite_chart")
    state = app_session.mirror[chart.model_id].state
    assert state["params"] == ["brush", "pick"]
    assert state["spec"]["data"]["values"][0] == {"a": 1, "b": 4, "c": "x"}
    runs = app.runs

    hit = chart.set_state(selection={"brush": {"a": [1.5, 3.5], "b": [1, 4]}})
    assert hit.error is None
    assert line(app, "brush=") == "brush={'a': [1.5, 3.5], 'b': [1, 4]} pick={}"
    assert line(app, "state=") == "state={'brush': {'a': [1.5, 3.5], 'b': [1, 4]}, 'pick': {}}"
    assert app.runs == runs  # only the fragment reran
    assert app.fragment("panel").runs == 2

    chart.set_state(selection={"brush": {}, "pick": [{"c": "y"}]})
    assert line(app, "brush=") == "brush={} pick=[{'c': 'y'}]"
    assert app.runs == runs


def test_the_state_is_read_only_and_unknown_params_are_dropped(app_session: KernelSession) -> None:
    app_session.run_cell(VEGA_APP)
    app = app_session.app("vega")
    chart = app.widget(key="chart")
    chart.set_state(selection={"brush": {"a": [1, 2]}, "nope": [1]})
    assert line(app, "state=") == "state={'brush': {'a': [1, 2]}, 'pick': {}}"
    outcome = app_session.eval(
        "(lambda s: (type(s).__name__, type(s.selection).__name__, s.selection.brush))"
        "(__import__('jupyter_fragments').session_state.chart)"
    )
    assert outcome == ("VegaLiteState", "StateDict", {"a": [1, 2]})
    with pytest.raises(Exception, match="read-only"):
        app_session.eval("__import__('jupyter_fragments').session_state.chart.update({})")


ALTAIR_APP = r"""%%app altair
import altair as alt
import pandas as pd
import jupyter_fragments as st

df = pd.DataFrame({"a": [1, 2, 3], "b": [3, 1, 2]})
st.button("full rerun")
chart = alt.Chart(df).mark_point().encode(x="a", y="b").add_params(
    alt.selection_interval(), alt.selection_point(fields=["a"])
)
event = st.altair_chart(chart, on_select="rerun")
st.text(f"names={sorted(event.selection)}")
st.text(f"got={dict(event.selection)}")
"""


def test_altair_params_get_streamlit_names_and_survive_a_full_rerun(
    app_session: KernelSession,
) -> None:
    app_session.run_cell(ALTAIR_APP)
    app = app_session.app("altair")
    assert line(app, "names=") == "names=['param_1', 'param_2']"
    chart = app.widget(kind="vega_lite_chart")
    chart.set_state(selection={"param_1": {"a": [1, 2]}})
    assert line(app, "got=") == "got={'param_1': {'a': [1, 2]}, 'param_2': {}}"
    app.button("full rerun").click()  # a new altair chart object: the same chart
    assert app.widget(kind="vega_lite_chart").model_id == chart.model_id
    assert line(app, "got=") == "got={'param_1': {'a': [1, 2]}, 'param_2': {}}"


def test_a_callback_runs_first_and_a_chart_without_on_select_stays_an_output(
    app_session: KernelSession,
) -> None:
    app_session.run_cell(
        r"""%%app callback
import jupyter_fragments as st

spec = {"mark": "bar", "data": {"values": [{"a": "x", "b": 1}, {"a": "y", "b": 2}]},
        "encoding": {"x": {"field": "a", "type": "nominal"},
                     "y": {"field": "b", "type": "quantitative"}},
        "params": [{"name": "bars", "select": {"type": "point", "fields": ["a"]}}]}
st.session_state.setdefault("seen", [])
def picked():
    st.session_state.seen.append(st.session_state.bars_chart.selection.bars)
st.vega_lite_chart(spec, on_select=picked, key="bars_chart")
plain = st.vega_lite_chart(spec)
st.text(f"seen={st.session_state.seen} plain={type(plain).__name__}")
"""
    )
    app = app_session.app("callback")
    assert [w.kind for w in app.widgets] == ["vega_lite_chart"]  # the plain one is an output
    app.widget(key="bars_chart").set_state(selection={"bars": [{"a": "y"}]})
    assert line(app, "seen=") == "seen=[[{'a': 'y'}]] plain=ElementHandle"


@pytest.mark.parametrize(
    ("call", "message"),
    [
        (
            "st.vega_lite_chart({'mark': 'point'}, on_select='rerun')",
            "defines no selections",
        ),
        (
            "st.vega_lite_chart({'mark': 'point', 'params': [{'name': 'p', 'select': 'point'}]},"
            " on_select='rerun', selection_mode='q')",
            "selection_mode='q', which is not a selection param",
        ),
        (
            "st.vega_lite_chart({'mark': 'point', 'params': [{'name': 'p', 'select': 'point'}]},"
            " on_select=42)",
            "on_select=42, which is not callable",
        ),
    ],
)
def test_wrong_selection_arguments_say_how_to_fix_them(
    app_session: KernelSession, call: str, message: str
) -> None:
    app_session.run_cell(
        f"%%app wrong\nimport jupyter_fragments as st\ntry:\n    {call}\n"
        "except st.FragmentsAPIError as exc:\n    st.text(f'error: {exc}')\n"
    )
    text = app_session.app("wrong").text
    assert message in text and "Fix:" in text


needs_plotly = pytest.mark.skipif(
    importlib.util.find_spec("plotly") is None or importlib.util.find_spec("anywidget") is None,
    reason="plotly and anywidget are not installed (pip install 'plotly>=6' anywidget)",
)

PLOTLY_APP = r"""%%app plotly
import plotly.graph_objects as go
import jupyter_fragments as st

fig = go.Figure([
    go.Scatter(x=[1, 2, 3], y=[4, 5, 6], mode="markers", customdata=[["a"], ["b"], ["c"]]),
    go.Scatter(x=[1, 2], y=[1, 2], mode="markers", marker={"size": [10, 20]},
               legendgroup="g"),
])
st.text("full runs")

@st.fragment
def panel():
    event = st.plotly_chart(fig, on_select="rerun", key="plot")
    sel = event.selection
    st.text(f"indices={sel.point_indices} box={sel['box']} lasso={sel.lasso}")
    st.text(f"points={sel.points}")

panel()
"""


def _points(event: str, traces: list[int], indexes: list[int], selector: Any = None) -> Any:
    xs = [float(i + 1) for i in indexes]
    return {
        "event_type": event,
        "points": {"trace_indexes": traces, "point_indexes": indexes, "xs": xs, "ys": xs},
        "device_state": None,
        "selector": selector,
    }


def _figure_of(app: AppHandle, session: KernelSession) -> str:
    box = app.widget(key="plot", kind="plotly_chart")
    (figure,) = session.mirror[box.model_id].refs("children")
    return str(figure)


@needs_plotly
def test_a_plotly_box_selection_is_returned_and_reruns_only_its_fragment(
    app_session: KernelSession,
) -> None:
    app_session.run_cell(PLOTLY_APP)
    app = app_session.app("plotly")
    assert line(app, "indices=") == "indices=[] box=[] lasso=[]"
    figure = _figure_of(app, app_session)
    assert app_session.mirror[figure].state["_widget_layout"]["dragmode"] == "select"
    runs = app.runs

    box = {"type": "box", "selector_state": {"xrange": [0.5, 2.5], "yrange": [0, 7]}}
    app_session.set_state(
        figure, _js2py_pointsCallback=_points("plotly_selected", [0, 0, 1], [0, 1, 1], box)
    )
    assert line(app, "indices=") == (
        "indices=[0, 1] box=[{'xref': 'x', 'yref': 'y', 'x': [0.5, 2.5], 'y': [0, 7]}] lasso=[]"
    )
    assert line(app, "points=") == (
        "points=[{'curve_number': 0, 'point_number': 0, 'point_index': 0, 'x': 1.0, 'y': 1.0, "
        "'customdata': ['a']}, {'curve_number': 0, 'point_number': 1, 'point_index': 1, "
        "'x': 2.0, 'y': 2.0, 'customdata': ['b']}, {'curve_number': 1, 'point_number': 1, "
        "'point_index': 1, 'x': 2.0, 'y': 2.0, 'marker_size': 20, 'legendgroup': 'g'}]"
    )
    assert app.runs == runs
    assert app.fragment("panel").runs == 2
    assert app_session.eval(
        "__import__('jupyter_fragments').session_state.plot.selection.point_indices"
    ) == [0, 1]


@needs_plotly
def test_plotly_hover_is_no_selection_and_a_deselect_empties_it(
    app_session: KernelSession,
) -> None:
    app_session.run_cell(PLOTLY_APP)
    app = app_session.app("plotly")
    figure = _figure_of(app, app_session)
    lasso = {"type": "lasso", "selector_state": {"xs": [0, 3, 3], "ys": [0, 0, 9]}}
    app_session.set_state(figure, _js2py_pointsCallback=_points("plotly_selected", [0], [2], lasso))
    assert line(app, "indices=") == (
        "indices=[2] box=[] lasso=[{'xref': 'x', 'yref': 'y', 'x': [0, 3, 3], 'y': [0, 0, 9]}]"
    )
    runs = app.fragment("panel").runs
    app_session.set_state(figure, _js2py_pointsCallback=_points("plotly_hover", [0], [1]))
    assert app.fragment("panel").runs == runs  # a hover reruns nothing
    app_session.set_state(figure, _js2py_pointsCallback=_points("plotly_deselect", [], []))
    assert line(app, "indices=") == "indices=[] box=[] lasso=[]"
    assert app.fragment("panel").runs == runs + 1
