"""Charts that start empty and grow: ``chart.add_rows(df)``, and DataFrames in Vega-Lite specs."""

from __future__ import annotations

from typing import Any

import pytest
from outputs_support import in_page_order

from jupyter_fragments.testing import KernelSession

VEGA_LITE = "application/vnd.vegalite.v5+json"


def _specs(session: KernelSession, app_name: str) -> list[dict[str, Any]]:
    """The Vega-Lite specs the app shows, in page order."""
    bundles = in_page_order(session, session.app(app_name).model_id)
    return [spec for b in bundles for mime, spec in b.items() if "vegalite" in mime]


def _rows(spec: dict[str, Any]) -> list[dict[str, Any]]:
    data = spec["data"]
    if "name" in data:
        return list(spec["datasets"][data["name"]])
    return list(data["values"])


def test_every_simple_chart_grows_in_place(app_session: KernelSession) -> None:
    app_session.run_cell(
        """%%app grow
import pandas as pd
import jupyter_fragments as st
first = pd.DataFrame({"a": [1, 2, 3], "b": [4, 5, 6]})
more = pd.DataFrame({"a": [7, 8], "b": [9, 10]})
st.text("above")
for draw in (st.line_chart, st.area_chart, st.bar_chart):
    chart = draw(first)
    chart.add_rows(more)
dots = st.scatter_chart(first, x="a", y="b")
dots.add_rows({"a": [10], "b": [11]})
st.text("below")
"""
    )
    app = app_session.app("grow")
    assert app.exceptions == []
    line, area, bar, scatter = _specs(app_session, "grow")
    for spec in (line, area, bar):
        rows = _rows(spec)
        # melted into series; the range index goes on from 2 to 3 and 4
        assert sorted({r["index"] for r in rows}) == [0, 1, 2, 3, 4]
        assert {(r["index"], r["series"], r["value"]) for r in rows} >= {(3, "a", 7), (4, "b", 10)}
    assert [(r["a"], r["b"]) for r in _rows(scatter)] == [(1, 4), (2, 5), (3, 6), (10, 11)]
    texts = [b.get("text/plain") for b in in_page_order(app_session, app.model_id)]
    assert texts[0] == "above" and texts[-1] == "below" and len(texts) == 6


def test_an_empty_chart_draws_and_fills_from_a_fragment(app_session: KernelSession) -> None:
    app_session.run_cell(
        """%%app empty
import jupyter_fragments as st
for draw in (st.area_chart, st.bar_chart, st.scatter_chart):
    draw()
chart = st.line_chart()
st.text("below")

@st.fragment
def feed():
    if st.button("more"):
        n = st.session_state.get("n", 0)
        st.session_state.n = n + 2
        chart.add_rows({"price": [n, n + 1]})

feed()
"""
    )
    app = app_session.app("empty")
    assert app.exceptions == []
    specs = _specs(app_session, "empty")
    assert len(specs) == 4 and all(_rows(spec) == [] for spec in specs)
    assert specs[2]["mark"]["type"] == "circle"
    hit = app.button("more").click()
    assert hit.error is None
    # the chart's Output only: no neighbour, no box, nothing opened or closed
    assert hit.outputs_updates == 1 and len(hit.updated_models) == 1 and hit.comm_opens == 0
    app.button("more").click()
    line = _specs(app_session, "empty")[3]
    assert [(r["index"], r["price"]) for r in _rows(line)] == [(0, 0), (1, 1), (2, 2), (3, 3)]
    assert line["encoding"]["y"]["field"] == "price"


def test_vega_lite_specs_take_dataframes_and_grow(app_session: KernelSession) -> None:
    app_session.run_cell(
        """%%app specs
import numpy as np
import pandas as pd
import jupyter_fragments as st
df = pd.DataFrame({
    "day": pd.to_datetime(["2024-01-01", "2024-01-02"]),
    "value": [1.5, np.nan],
    "when": [pd.Timestamp("2024-02-01"), pd.NaT],
})
enc = {"x": {"field": "day", "type": "temporal"}, "y": {"field": "value"}}
inline = st.vega_lite_chart({"data": df, "mark": "line", "encoding": enc})
inline.add_rows(pd.DataFrame({"day": pd.to_datetime(["2024-01-03"]), "value": [3.0]}))
st.vega_lite_chart(df, {"mark": "bar", "encoding": enc})
named = st.vega_lite_chart({
    "mark": "point", "encoding": enc,
    "datasets": {"points": df}, "data": {"name": "points"},
})
named.add_rows(points=df.head(1))
try:
    named.add_rows(nowhere=df)
except st.FragmentsAPIError as error:
    st.text(str(error))
"""
    )
    app = app_session.app("specs")
    assert app.exceptions == []
    inline, with_data, named = _specs(app_session, "specs")
    assert _rows(inline) == [
        {"day": "2024-01-01T00:00:00", "value": 1.5, "when": "2024-02-01T00:00:00"},
        {"day": "2024-01-02T00:00:00", "value": None, "when": None},
        {"day": "2024-01-03T00:00:00", "value": 3.0},
    ]
    assert _rows(with_data) == _rows(inline)[:2]
    assert [r["day"] for r in _rows(named)] == [
        "2024-01-01T00:00:00",
        "2024-01-02T00:00:00",
        "2024-01-01T00:00:00",
    ]
    assert "'nowhere'" in app.text and "Fix: use one of ['points']" in app.text


def test_altair_charts_grow_and_keep_every_row(app_session: KernelSession) -> None:
    pytest.importorskip("altair")
    app_session.run_cell(
        """%%app alt
import altair as alt
import pandas as pd
import jupyter_fragments as st
df = pd.DataFrame({"x": range(6000), "y": range(6000)})
chart = st.altair_chart(alt.Chart(df).mark_point().encode(x="x", y="y"))
chart.add_rows(pd.DataFrame({"x": [-1], "y": [-1]}))
"""
    )
    app = app_session.app("alt")
    assert app.exceptions == []
    (spec,) = _specs(app_session, "alt")
    rows = _rows(spec)
    # JupyterLab 4 renders Vega-Lite up to v5: Altair 6's v6 specs go to that renderer
    (bundle,) = in_page_order(app_session, app.model_id)
    assert VEGA_LITE in bundle
    assert len(rows) == 6001 and rows[-1] == {"x": -1, "y": -1}


def test_add_rows_mistakes_say_how_to_fix_them(app_session: KernelSession) -> None:
    app_session.run_cell(
        """%%app oops
import jupyter_fragments as st
chart = st.line_chart({"a": [1]})
for attempt in (
    lambda: st.text("no data").add_rows({"a": [2]}),
    lambda: chart.add_rows(),
    lambda: chart.add_rows({"a": [2]}, other={"a": [3]}),
):
    try:
        attempt()
    except st.FragmentsAPIError as error:
        st.text(str(error))
"""
    )
    text = app_session.app("oops").text
    assert "this element has no data to add to" in text
    assert "add_rows() got 0 datasets" in text and "add_rows() got 2 datasets" in text
    assert text.count("Fix:") == 3
