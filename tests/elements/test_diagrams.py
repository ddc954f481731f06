"""st.graphviz_chart (SVG drawn by Graphviz, or the source), st.mermaid_chart, st.echarts_chart."""

from __future__ import annotations

import shutil

import pytest
from outputs_support import bundles, one

from jupyter_fragments.testing import KernelSession


@pytest.mark.skipif(shutil.which("dot") is None, reason="Graphviz's dot is not installed")
def test_graphviz_draws_dot_source_and_objects_as_svg(app_session: KernelSession) -> None:
    app_session.run_cell(
        """%%app graphs
import graphviz
import jupyter_fragments as st
st.graphviz_chart("digraph { run -> intr; intr -> runbl; runbl -> run }")
g = graphviz.Digraph()
g.edge("Tom & Jerry", "world")
st.graphviz_chart(g, width=300)
try:
    st.graphviz_chart("digraph { a -> }")
except st.FragmentsAPIError as exc:
    st.text(str(exc))
"""
    )
    app = app_session.app("graphs")
    assert app.exceptions == []
    first, second = (b["image/svg+xml"] for b in bundles(app_session, "graphviz_chart"))
    assert first.startswith("<svg") and ">runbl</text>" in first
    assert ">Tom &amp; Jerry</text>" in second  # dot escapes the labels it draws
    assert bundles(app_session, "graphviz_chart")[1]["metadata"]["image/svg+xml"] == {"width": 300}
    assert "st.graphviz_chart could not draw the graph: " in app.text
    assert "syntax error" in app.text and "Fix: correct the DOT source" in app.text


def test_graphviz_without_dot_shows_the_source(app_session: KernelSession) -> None:
    app_session.run_cell(
        """%%app nodot
import os
import jupyter_fragments as st
saved = os.environ["PATH"]
os.environ["PATH"] = ""
try:
    st.graphviz_chart("digraph { a -> b [label=\\"`x`\\"] }")
finally:
    os.environ["PATH"] = saved
"""
    )
    app = app_session.app("nodot")
    assert app.exceptions == []
    source = one(app_session, "graphviz_chart")["text/markdown"]
    assert source.startswith("*Graphviz's `dot` program is not installed")
    assert source.endswith('\n\n```dot\ndigraph { a -> b [label="`x`"] }\n```')
    assert "apt install graphviz" in app.text and "digraph { a -> b" in app.text


def test_mermaid_chart_and_echarts(app_session: KernelSession) -> None:
    app_session.run_cell(
        """%%app diagrams
import jupyter_fragments as st
st.mermaid_chart("graph LR; A[Start] --> B{Works?}")
try:
    st.echarts_chart({"series": [{"type": "bar", "data": [1, 2]}]})
except st.FragmentsAPIError as exc:
    st.text(str(exc))
"""
    )
    app = app_session.app("diagrams")
    assert app.exceptions == []
    bundle = one(app_session, "mermaid_chart")
    assert bundle["text/vnd.mermaid"] == "graph LR; A[Start] --> B{Works?}"
    assert "cannot be drawn offline" not in app.text
    assert "st.echarts_chart needs the ECharts JavaScript library" in app.text
    assert "Fix: draw the chart with st.altair_chart" in app.text
