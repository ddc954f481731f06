"""Plain-text rendering of mirrored widgets: what a person reading the page would see.

Pure functions over a :class:`~jupyter_fragments.testing.mirror.WidgetMirror`; no
kernel access.
"""

from __future__ import annotations

import datetime as _dt
import html
import re
from collections.abc import Iterator, Mapping
from typing import Any

from ._grid_cells import grid_lines
from .mirror import WidgetMirror, WidgetModel, model_ref
from .results import ErrorInfo

__all__ = ["display_value", "html_to_text", "iter_outputs", "render_text", "shown_errors"]

WIDGET_VIEW_MIME = "application/vnd.jupyter.widget-view+json"
_TEXT_MODELS = {"HTML", "HTMLMath", "Label"}
_BLOCK_END = re.compile(r"<br\s*/?>|</(?:p|div|li|tr|h[1-6]|pre|blockquote)\s*>", re.I)
_TAG = re.compile(r"<[^>]*>")
# a browser shows neither style sheets nor scripts (an unclosed one runs to the end)
_HIDDEN = re.compile(r"<(script|style)\b[^>]*>.*?(?:</\1\s*>|\Z)", re.I | re.S)


def html_to_text(markup: str) -> str:
    """Strip tags from HTML, keeping line breaks where blocks end; ``<style>`` and
    ``<script>`` elements are dropped with their contents, as a browser shows neither.

    Examples
    --------
    >>> html_to_text("<p>Total: <b>3</b></p><p>a &amp; b</p>")
    'Total: 3\\na & b'
    >>> html_to_text("<style>p {color: red}</style><p>Hi</p><script>alert(1)</script>")
    'Hi'
    """
    visible = _HIDDEN.sub("", markup)
    text = html.unescape(_TAG.sub("", _BLOCK_END.sub("\n", visible)))
    lines = (line.strip() for line in text.splitlines())
    return "\n".join(line for line in lines if line)


def _format_number(value: Any, spec: Any) -> str:
    if isinstance(spec, str) and spec and isinstance(value, int | float):
        try:
            return format(value, spec)
        except (ValueError, TypeError):
            pass
    return str(value)


def display_value(model: WidgetModel) -> str:
    """The value a widget shows, as text: the selected label, ``True``, ``3.50``...

    Selection widgets show their selected label(s) (they sync ``index`` and
    ``_options_labels``); sliders apply ``readout_format``; passwords are masked.

    Examples
    --------
    >>> display_value(WidgetModel("d", {"_model_name": "DropdownModel",
    ...     "_options_labels": ["a", "b"], "index": 1}))
    'b'
    """
    state = model.state
    if "_options_labels" in state and "index" in state:
        labels = list(state["_options_labels"])
        index = state["index"]
        if isinstance(index, list | tuple):
            return ", ".join(labels[i] for i in index if 0 <= i < len(labels))
        return labels[index] if isinstance(index, int) and 0 <= index < len(labels) else ""
    value = state.get("value")
    if value is None:
        return ""
    if model.kind == "Password":
        return "\u2022" * len(str(value))
    if isinstance(value, dict) and {"year", "month", "date"} <= value.keys():
        # ipywidgets serializes months zero-based, as JavaScript's Date does.
        return _dt.date(value["year"], value["month"] + 1, value["date"]).isoformat()
    spec = state.get("readout_format")
    if isinstance(value, list | tuple):
        return " \u2013 ".join(_format_number(v, spec) for v in value)
    return _format_number(value, spec)


def iter_outputs(outputs: list[dict[str, Any]]) -> Iterator[dict[str, Any]]:
    """Outputs as a frontend shows them: consecutive streams of one name merged."""
    pending: dict[str, Any] | None = None
    for out in outputs:
        if out.get("output_type") == "stream":
            if pending is not None and pending["name"] == out.get("name"):
                pending = {**pending, "text": pending["text"] + str(out.get("text", ""))}
                continue
            if pending is not None:
                yield pending
            pending = {"output_type": "stream", "name": out.get("name"), "text": out.get("text")}
            continue
        if pending is not None:
            yield pending
            pending = None
        yield out
    if pending is not None:
        yield pending


def _render_output(mirror: Mapping[str, WidgetModel], out: dict[str, Any], seen: set[str]) -> str:
    kind = out.get("output_type")
    if kind == "stream":
        return str(out.get("text", ""))
    if kind == "error":
        return str(ErrorInfo.from_content(out))
    data = out.get("data", {})
    view = data.get(WIDGET_VIEW_MIME)
    if isinstance(view, dict) and "model_id" in view:
        return _render(mirror, str(view["model_id"]), seen)
    # what a person sees: markdown as written, HTML as its text, else the plain text
    if "text/markdown" in data:
        source = data["text/markdown"]
        text = "".join(source) if isinstance(source, list) else str(source)
        # inline HTML in markdown is rendered, not shown: read its text
        return html_to_text(text) if _TAG.search(text) else html.unescape(text)
    if "text/html" in data:
        markup = data["text/html"]
        return html_to_text("".join(markup) if isinstance(markup, list) else str(markup))
    if "text/plain" in data:
        text = data["text/plain"]
        return "".join(text) if isinstance(text, list) else str(text)
    return ""


def _grid_text(mirror: Mapping[str, WidgetModel], model: WidgetModel) -> str:
    state = model.state
    given = state.get("renderers")
    renderers: dict[str, Any] = given if isinstance(given, dict) else {}
    default = model_ref(state.get("default_renderer"))

    def renderer(column: str) -> Mapping[str, Any]:
        found = mirror.get(model_ref(renderers.get(column)) or default or "")
        return found.state if found is not None else {}

    assert model.grid is not None
    return "\n".join(grid_lines(state, model.grid, renderer))


def _join(parts: list[str]) -> str:
    return "\n".join(p for p in (part.rstrip("\n") for part in parts) if p)


def _render(mirror: Mapping[str, WidgetModel], model_id: str, seen: set[str]) -> str:
    model = mirror.get(model_id)
    if model is None or model.closed or model_id in seen:
        return ""
    seen = seen | {model_id}
    state = model.state
    kind = model.kind
    if kind == "Output":
        outputs = state.get("outputs", [])
        return _join([_render_output(mirror, out, seen) for out in iter_outputs(outputs)])
    if "children" in state:
        children = model.refs("children")
        if kind == "Stack":
            index = state.get("selected_index")
            children = [children[index]] if isinstance(index, int) else []
        titles = list(state.get("titles", [])) if kind in ("Tab", "Accordion") else []
        parts: list[str] = []
        for i, child in enumerate(children):
            if i < len(titles):
                parts.append(str(titles[i] or ""))
            parts.append(_render(mirror, child, seen))
        return _join(parts)
    if model.grid is not None:
        return _grid_text(mirror, model)
    label = model.description
    if kind == "Button":
        return label
    if kind in _TEXT_MODELS:
        text = html_to_text(str(state.get("value", "")))
        return f"{label}: {text}" if label and text else label or text
    if "value" in state or "_options_labels" in state:
        shown = display_value(model)
        return f"{label}: {shown}" if label else shown
    return label


def render_text(mirror: Mapping[str, WidgetModel], model_id: str) -> str:
    """Render the widget ``model_id`` and everything inside it as plain text.

    Output widgets render their outputs in order (streams, markdown or plain text,
    nested widget views, ``ename: evalue`` for errors); boxes render their children;
    tabs and accordions each title then its child; input widgets render as
    ``"label: value"``; buttons as their label; HTML and labels as their text;
    ipydatagrid grids as a header line of column names and one line per row the page
    holds (cells separated by `` | ``, the index first where the grid shows it; a
    streamed grid holds only the rows asked for, see ``KernelSession.text_of``).
    Closed or unknown models render nothing. Lines are joined with newlines.

    Examples
    --------
    >>> mirror = WidgetMirror()
    >>> mirror.seed({"o": {"_model_name": "OutputModel", "outputs": [
    ...     {"output_type": "stream", "name": "stdout", "text": "hello\\n"}]}})
    >>> render_text(mirror, "o")
    'hello'
    """
    return _render(mirror, model_id, set())


def shown_errors(mirror: WidgetMirror, model_id: str) -> list[ErrorInfo]:
    """Every ``error`` output shown in Output widgets inside ``model_id``, in page order.

    Examples
    --------
    >>> mirror = WidgetMirror()
    >>> mirror.seed({"o": {"_model_name": "OutputModel", "outputs": [{"output_type":
    ...     "error", "ename": "KeyError", "evalue": "'x'", "traceback": []}]}})
    >>> [str(e) for e in shown_errors(mirror, "o")]
    ["KeyError: 'x'"]
    """
    found: list[ErrorInfo] = []
    stack, seen = [model_id], set()
    while stack:
        current = stack.pop(0)
        model = mirror.get(current)
        if model is None or model.closed or current in seen:
            continue
        seen.add(current)
        nested: list[str] = []
        for out in model.state.get("outputs", []) if model.kind == "Output" else []:
            if out.get("output_type") == "error":
                found.append(ErrorInfo.from_content(out))
            view = out.get("data", {}).get(WIDGET_VIEW_MIME)
            if isinstance(view, dict) and "model_id" in view:
                nested.append(str(view["model_id"]))
        nested.extend(model.refs("children"))
        stack[:0] = nested
    return found
