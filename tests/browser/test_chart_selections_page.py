"""Chart selections in a real page: drag a brush on a Vega-Lite chart (JupyterLab,
Notebook 7 and Voila), draw a box on a Plotly chart, and see the selection the app got back.

The charts draw SVG: a test drags where a person would, inside the plot area
(the chart's box less its axes, so the middle of the drawing).
"""

from __future__ import annotations

import importlib.util
from collections.abc import Callable
from typing import Any

import pytest
from conftest import LabServer, NotebookPage, console_errors, skip_or_fail, write_notebook
from test_app_page import LOAD, app_notebook, app_text, wait_text
from test_other_frontends import NOTEBOOK7_OWN_ERRORS

pytestmark = pytest.mark.browser

# vega-embed warns (console.warn, not an error) that a v5 spec meets Vega-Lite 6
VEGA_APP = r"""
import pandas as pd
df = pd.DataFrame({"a": [1, 2, 3, 4, 5, 6, 7, 8], "b": [3, 1, 4, 1, 5, 9, 2, 6]})
spec = {
    "mark": "point", "width": 300, "height": 200,
    "encoding": {"x": {"field": "a", "type": "quantitative"},
                 "y": {"field": "b", "type": "quantitative"}},
    "params": [{"name": "brush", "select": {"type": "interval", "encodings": ["x"]}}],
}
st.text("outside the fragment")

@st.fragment
def panel():
    event = st.vega_lite_chart(df, spec, on_select="rerun", key="chart")
    brush = event.selection.brush
    st.text(f"brush: {sorted(brush)}")
    if brush:
        low, high = brush["a"]
        st.text(f"rows: {len(df[(df.a >= low) & (df.a <= high)])}")

panel()
"""


def drag(page: Any, selector: str, start: float, end: float) -> None:
    """Press in ``selector``'s box at ``start`` of its width (half its height), move to
    ``end`` in small steps, release: a person drawing a horizontal brush."""
    target = page.locator(selector).first
    target.wait_for(state="visible")
    box = target.bounding_box()
    y = box["y"] + box["height"] / 2
    page.mouse.move(box["x"] + box["width"] * start, y)
    page.mouse.down()
    page.mouse.move(box["x"] + box["width"] * end, y, steps=12)
    page.mouse.up()


@pytest.mark.parametrize("frontend", ["lab", "notebook"])
def test_drag_an_interval_on_a_vega_lite_chart(
    open_notebook: Callable[..., NotebookPage], frontend: str
) -> None:
    if frontend == "notebook" and importlib.util.find_spec("notebook") is None:
        skip_or_fail("notebook is not installed (pip install notebook)")
    nb = open_notebook(
        [LOAD, "%%app\nimport jupyter_fragments as st\n" + VEGA_APP], frontend=frontend
    )
    nb.run_all()
    wait_text(nb, r"brush: \[\]")
    nb.page.locator(".jf-app .jf-element").first.evaluate("el => { el.dataset.jfSeen = '1'; }")
    drag(nb.page, ".jf-app .jf-vega-chart svg.marks", 0.3, 0.75)
    wait_text(nb, r"brush: \['a'\]\s+rows: [1-7]\b")
    # the element outside the fragment is the same DOM node: the app did not redraw
    assert nb.page.locator(".jf-app .jf-element").first.evaluate("el => el.dataset.jfSeen") == "1"
    assert nb.console_errors(ignore=NOTEBOOK7_OWN_ERRORS) == []


GROWING_APP = r"""
import pandas as pd
n = 6 if st.button("fewer rows") else 8
df = pd.DataFrame({"a": list(range(1, n + 1)), "b": [3, 1, 4, 1, 5, 9, 2, 6][:n]})
spec = {
    "mark": "point", "width": 300, "height": 200,
    "encoding": {"x": {"field": "a", "type": "quantitative", "scale": {"domain": [0, 9]}},
                 "y": {"field": "b", "type": "quantitative"}},
    "params": [{"name": "brush", "select": {"type": "interval", "encodings": ["x"]}}],
}
event = st.vega_lite_chart(df, spec, on_select="rerun", key="chart")
st.text(f"rows: {n} brush: {event.selection.brush}")
"""


def brush_width(nb: NotebookPage) -> float:
    """The drawn width of the chart's brush, in pixels (0 when there is none)."""
    return float(
        nb.page.locator(".jf-app .jf-vega-chart .mark-rect path").first.evaluate(
            "el => el.getBBox().width"
        )
    )


def test_a_keyed_chart_keeps_its_brush_when_its_data_changes(
    open_notebook: Callable[..., NotebookPage],
) -> None:
    nb = app_notebook(open_notebook, GROWING_APP)
    wait_text(nb, r"rows: 8 brush: \{\}")
    drag(nb.page, ".jf-app .jf-vega-chart svg.marks", 0.3, 0.75)
    wait_text(nb, r"rows: 8 brush: \{'a': \[")
    before = app_text(nb).split("brush: ")[1]
    width = brush_width(nb)
    assert width > 50
    nb.page.locator(".jf-app button", has_text="fewer rows").click()
    wait_text(nb, r"rows: 6 brush: \{'a'")
    # the new spec is drawn with the brush where it was, and the selection is the same
    nb.page.wait_for_function(
        "(w) => { const p = document.querySelector('.jf-app .jf-vega-chart .mark-rect path');"
        " return !!p && Math.abs(p.getBBox().width - w) < 1; }",
        arg=width,
    )
    assert app_text(nb).split("brush: ")[1] == before
    assert nb.console_errors() == []


def test_drag_an_interval_in_voila(page: Any, lab_server: LabServer) -> None:
    if importlib.util.find_spec("voila") is None:
        skip_or_fail("voila is not installed (pip install voila)")
    app = "%%app\nimport jupyter_fragments as st\n" + VEGA_APP
    write_notebook(lab_server.root / "voila_chart.ipynb", [LOAD, app])
    page.goto(f"{lab_server.url}/voila/render/voila_chart.ipynb?token={lab_server.token}")
    page.locator(".jf-app").wait_for(state="visible", timeout=60_000)
    has = "(re) => new RegExp(re).test(document.querySelector('.jf-app').innerText)"
    page.wait_for_function(has, arg=r"brush: \[\]")
    drag(page, ".jf-app .jf-vega-chart svg.marks", 0.3, 0.75)
    page.wait_for_function(has, arg=r"brush: \['a'\]\s+rows: [1-7]\b")
    assert console_errors(page) == []


PLOTLY_APP = r"""
import plotly.graph_objects as go
fig = go.Figure(go.Scatter(x=[1, 2, 3, 4, 5], y=[1, 2, 3, 4, 5], mode="markers"))
fig.update_layout(width=400, height=300, margin={"l": 40, "r": 10, "t": 10, "b": 40})

@st.fragment
def panel():
    event = st.plotly_chart(fig, on_select="rerun", key="plot")
    st.text(f"points: {event.selection.point_indices} boxes: {len(event.selection.box)}")

panel()
"""


def test_draw_a_box_on_a_plotly_chart(open_notebook: Callable[..., NotebookPage]) -> None:
    if importlib.util.find_spec("plotly") is None or importlib.util.find_spec("anywidget") is None:
        # plotly is optional (not in the test extra): skipped even where browsers are required
        pytest.skip("plotly and anywidget are not installed (pip install 'plotly>=6' anywidget)")
    nb = app_notebook(open_notebook, PLOTLY_APP)
    wait_text(nb, r"points: \[\] boxes: 0", timeout=30_000)
    # the drag layer covers the plot area (its edges belong to the axes' drag layers)
    target = nb.page.locator(".jf-app .js-plotly-plot .nsewdrag").first
    target.wait_for(state="visible")
    box = target.bounding_box()
    top, bottom = box["y"] + box["height"] * 0.1, box["y"] + box["height"] * 0.9
    nb.page.mouse.move(box["x"] + box["width"] * 0.2, top)
    nb.page.mouse.down()
    nb.page.mouse.move(box["x"] + box["width"] * 0.85, bottom, steps=12)
    nb.page.mouse.up()
    wait_text(nb, r"points: \[[0-4](, [0-4])*\] boxes: 1")
    assert nb.console_errors() == []
