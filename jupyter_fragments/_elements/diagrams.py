"""Diagrams: ``st.graphviz_chart``, ``st.mermaid_chart`` and ``st.echarts_chart``.

Graphviz's ``dot`` program draws DOT to SVG in the kernel when it is installed (else
the DOT source is shown, with a note). JupyterLab draws ``text/vnd.mermaid`` itself.
ECharts needs a JavaScript library neither JupyterLab nor this package ships, so
``st.echarts_chart`` raises an error that says what to use instead.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from typing import Any, NoReturn

from jupyter_fragments._elements._core import add_static
from jupyter_fragments._elements.handles import ElementHandle
from jupyter_fragments._output.bundles import display_output, markdown_output
from jupyter_fragments.errors import FragmentsAPIError

_TIMEOUT = 60  # seconds: dot lays out thousands of nodes well within it
_PROLOG = re.compile(r"^\s*(<\?xml[^>]*>\s*)?(<!DOCTYPE[^>]*>\s*)?(<!--.*?-->\s*)*", re.DOTALL)


def _dot_source(figure_or_dot: Any) -> str:
    if isinstance(figure_or_dot, str):
        return figure_or_dot
    source = getattr(figure_or_dot, "source", None)
    if isinstance(source, str):  # graphviz.Graph, Digraph and Source
        return source
    raise FragmentsAPIError(
        f"st.graphviz_chart got {type(figure_or_dot).__name__}. Fix: pass DOT source as a "
        "str, or a graphviz.Graph / Digraph / Source object."
    )


def _svg(dot: str, source: str) -> str:
    try:
        done = subprocess.run(
            [dot, "-Tsvg"],
            input=source.encode("utf-8"),
            capture_output=True,
            timeout=_TIMEOUT,
            check=False,
        )
    except subprocess.TimeoutExpired:
        raise FragmentsAPIError(
            f"st.graphviz_chart: Graphviz took over {_TIMEOUT} s to lay out the graph. "
            "Fix: draw a smaller graph, or split it in parts."
        ) from None
    if done.returncode != 0 or not done.stdout:
        problem = done.stderr.decode("utf-8", "replace").strip() or f"exit {done.returncode}"
        raise FragmentsAPIError(
            f"st.graphviz_chart could not draw the graph: {problem}. Fix: correct the DOT "
            "source (https://graphviz.org/doc/info/lang.html)."
        )
    return _PROLOG.sub("", done.stdout.decode("utf-8"))


def graphviz_chart(
    figure_or_dot: Any,
    use_container_width: bool | None = None,
    *,
    width: Any = "content",
    height: Any = "content",
    alt: str | None = None,
) -> ElementHandle:
    """Show a graph from DOT source or a ``graphviz`` object, as SVG.

    The SVG is drawn by Graphviz's ``dot`` program in the kernel. Without it, the DOT
    source is shown with a note saying how to install Graphviz.

    Examples
    --------
    >>> st.graphviz_chart("digraph { run -> intr; intr -> runbl; runbl -> run }")
    """
    source = _dot_source(figure_or_dot)
    dot = shutil.which("dot")
    if dot is None:
        longest = max((len(run) for run in re.findall(r"`+", source)), default=0)
        fence = "`" * max(3, longest + 1)
        note = (
            "*Graphviz's `dot` program is not installed in the kernel's environment, so the "
            "graph is shown as its DOT source. Install Graphviz (`apt install graphviz`, "
            "`conda install graphviz` or `brew install graphviz`) to see it drawn.*"
        )
        body = f"{note}\n\n{fence}dot\n{source}\n{fence}"
        return add_static([markdown_output(body, plain=source, element="graphviz_chart")])
    metadata: dict[str, Any] = {}
    if isinstance(width, int) and not isinstance(width, bool):
        metadata["image/svg+xml"] = {"width": width}
    bundle = {"image/svg+xml": _svg(dot, source), "text/plain": alt or source}
    return add_static([display_output(bundle, metadata, element="graphviz_chart")])


def mermaid_chart(body: str, *, width: Any = "stretch", alt: str | None = None) -> ElementHandle:
    """Show a Mermaid diagram (JupyterLab 4.1+ draws it; elsewhere its source shows).

    Examples
    --------
    >>> st.mermaid_chart("graph LR; A[Start] --> B{Works?}; B -- yes --> C[Ship]")
    """
    source = str(body)
    if not source.strip():
        raise FragmentsAPIError(
            "st.mermaid_chart got an empty body. Fix: pass Mermaid text, e.g. 'graph LR; A-->B'."
        )
    bundle = {"text/vnd.mermaid": source, "text/plain": alt or source}
    return add_static([display_output(bundle, element="mermaid_chart")])


def echarts_chart(
    spec: Any,
    *,
    width: Any = "stretch",
    height: Any = "content",
    theme: str | None = "streamlit",
    key: Any = None,
    on_select: Any = "ignore",
    renderer: str = "canvas",
    alt: str | None = None,
) -> NoReturn:
    """Streamlit's ECharts chart: not available here (raises, saying what to use instead).

    Examples
    --------
    >>> st.vega_lite_chart(df, {"mark": "bar", "encoding": {...}})  # drawn offline instead
    """
    raise FragmentsAPIError(
        "st.echarts_chart needs the ECharts JavaScript library, which neither JupyterLab nor "
        "jupyter_fragments ships, so it cannot be drawn without the network. Fix: draw the "
        "chart with st.altair_chart, st.vega_lite_chart or st.plotly_chart (drawn offline), "
        "or, with network access, show a pyecharts chart's HTML with "
        "st.iframe(chart.render_embed(), height=500)."
    )
