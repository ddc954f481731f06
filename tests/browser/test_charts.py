"""Charts in the page: JupyterLab draws the Vega-Lite bundles, inside columns too."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from conftest import NotebookPage

pytestmark = pytest.mark.browser

APP = """%%app
import jupyter_fragments as st
left, right = st.columns(2)
with left:
    st.line_chart({"x": list(range(50)), "y": [i * i for i in range(50)]}, x="x", y="y")
with right:
    st.vega_lite_chart({"x": [1, 2, 3], "y": [3, 1, 2]}, {
        "mark": "bar", "width": "container",
        "encoding": {"x": {"field": "x", "type": "ordinal"},
                     "y": {"field": "y", "type": "quantitative"}}})
st.write("below the charts")
"""


def test_charts_in_columns_render_and_the_page_stays_responsive(
    open_notebook: Callable[..., NotebookPage],
) -> None:
    nb = open_notebook(["%load_ext jupyter_fragments", APP])
    nb.run_all()
    charts = nb.page.locator(".jf-app .vega-embed")
    charts.nth(1).wait_for(state="visible")
    assert charts.count() == 2
    # a chart sized to its container used to send the renderer into a resize loop
    nb.page.screenshot(timeout=10_000)
    assert "below the charts" in nb.page.locator(".jf-app").first.inner_text()
    assert nb.console_errors() == []
