"""The Vega-Lite specs of Streamlit's simple charts (line, area, bar, scatter): which
columns go to which channel, wide data melted into series, stacking, a bar chart's sort,
sizes and the accessible description (``alt``).
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Sequence
from typing import Any

from jupyter_fragments._elements.chart_data import cell, table_of
from jupyter_fragments._elements.data import Table
from jupyter_fragments.errors import FragmentsAPIError

SCHEMA = "https://vega.github.io/schema/vega-lite/v5.json"
_COLOR_VALUE = re.compile(r"^(#[0-9a-fA-F]{3,8}|rgba?\(.*\)|hsla?\(.*\))$")
_SERIES = "series"
_VALUE = "value"


def _field(name: str) -> str:
    """A Vega-Lite field reference: dots and brackets in a name are literal, not paths."""
    return re.sub(r"([.\[\]\\])", r"\\\1", name)


def _is_color(value: Any) -> bool:
    return isinstance(value, str) and bool(_COLOR_VALUE.match(value.strip()))


def _type_of(values: Sequence[Any]) -> str:
    present = [v for v in values if v is not None]
    if not present:
        return "quantitative"  # an empty chart's axes (or a column of nulls)
    if present and all(isinstance(v, (int, float)) and not isinstance(v, bool) for v in present):
        return "quantitative"
    if present and all(
        isinstance(v, (datetime.date, datetime.datetime)) or type(v).__name__ == "Timestamp"
        for v in present
    ):
        return "temporal"
    return "nominal"


def _names(arg: Any, what: str, table: Table, call: str) -> list[str]:
    names = [arg] if isinstance(arg, str) else [str(a) for a in arg]
    if not table.columns:
        return names  # an empty chart: the columns come with add_rows
    available = [*table.columns, table.index_name or "index"]
    for name in names:
        if name not in table.columns and name != (table.index_name or "index"):
            raise FragmentsAPIError(
                f"{call} got {what}={name!r}, which is not a column. Fix: use one of {available}."
            )
    return names


def _y_names(y: Any, table: Table, used: set[str | None], call: str) -> list[str]:
    """The columns plotted: ``y``, or every column not used for another channel."""
    if y is None:
        names = [c for c in table.columns if c not in used]
    else:
        names = _names(y, "y", table, call)
    if not table.columns:
        return names or [_VALUE]  # an empty chart
    if not names:
        raise FragmentsAPIError(f"{call} has no columns to plot. Fix: pass data with columns.")
    return names


def _values(table: Table, name: str) -> list[Any]:
    if name in table.columns:
        return table.column(name)
    return list(table.index)


def chart_spec(
    mark: str,
    data: Any,
    *,
    x: str | None,
    y: str | Sequence[str] | None,
    color: Any,
    size: Any = None,
    x_label: str | None = None,
    y_label: str | None = None,
    width: Any = None,
    height: Any = None,
    use_container_width: bool | None = None,
    stack: Any = None,
    horizontal: bool = False,
    sort: Any = None,
    alt: str | None = None,
    call: str,
) -> dict[str, Any]:
    """The Vega-Lite spec of a simple chart (wide data is melted into series).

    Without data it is an empty chart (its axes only), which ``add_rows`` fills.
    ``sort`` is a bar chart's (True, False or a column, ``"-column"`` descending).
    """
    table = table_of(data)
    x_name = _names(x, "x", table, call)[0] if x is not None else (table.index_name or "index")
    color_field = None
    if isinstance(color, str) and not _is_color(color):
        color_field = _names(color, "color", table, call)[0]
    size_field = _names(size, "size", table, call)[0] if isinstance(size, str) else None
    y_names = _y_names(y, table, {x_name, color_field, size_field}, call)
    xs = _values(table, x_name)
    melted = len(y_names) > 1
    order, sort_field = _bar_sort(sort, table, call) if mark == "bar" else (None, None)
    extra = [f for f in (color_field, size_field) if f and f not in y_names and f != x_name]
    if sort_field not in (None, x_name, *extra) and (melted or sort_field not in y_names):
        extra.append(str(sort_field))  # the records carry the column the bars sort by
    y_field = _VALUE if melted else y_names[0]
    x_type = _type_of(xs)
    x_enc: dict[str, Any] = {"field": _field(x_name), "type": x_type, "title": x_label or x_name}
    if mark == "bar" and order != "auto":
        x_enc["sort"] = order
    elif mark != "bar" and x_type == "nominal":
        x_enc["sort"] = None
    y_type = _type_of([v for name in y_names for v in _values(table, name)])
    y_title = y_label if y_label is not None else ("" if melted else y_names[0])
    y_enc: dict[str, Any] = {"field": _field(y_field), "type": y_type, "title": y_title}
    if stack is not None and mark in ("bar", "area"):
        y_enc["stack"] = None if stack is False else ("zero" if stack is True else stack)
    encoding: dict[str, Any] = {"x": y_enc, "y": x_enc} if horizontal else {"x": x_enc, "y": y_enc}
    mark_def: dict[str, Any] = {"type": mark, "tooltip": True}
    if melted:
        encoding.update(_series_encoding(mark, color, y_names, stack, horizontal, call))
    elif color_field is not None:
        encoding["color"] = {
            "field": _field(color_field),
            "type": _type_of(_values(table, color_field)),
            "title": color_field,
        }
    elif _is_color(color):
        mark_def["color"] = color
    if mark == "circle":
        if size_field is not None:
            encoding["size"] = {"field": _field(size_field), "type": "quantitative"}
        elif isinstance(size, (int, float)):
            mark_def["size"] = size
    spec: dict[str, Any] = {
        "$schema": SCHEMA,
        "data": {"values": _records(table, x_name, xs, y_names, extra, melted)},
        "mark": mark_def,
        "encoding": encoding,
        "height": 300,
    }
    return sized(spec, width, height, alt, call)


def sized(spec: dict[str, Any], width: Any, height: Any, alt: Any, call: str) -> dict[str, Any]:
    """``spec`` with Streamlit's ``width``/``height`` (pixels are set; ``"stretch"``,
    ``"content"`` and None leave the spec's own size) and ``alt`` as its description.

    A Vega-Lite width of ``"container"`` is never set: inside the app's flex and grid
    boxes it sends JupyterLab's renderer into an endless resize loop (measured: the page
    freezes), so ``"stretch"`` keeps Vega-Lite's default width.
    """
    for name, value in (("width", width), ("height", height)):
        if value in (None, "stretch", "content"):
            continue
        if isinstance(value, bool) or not isinstance(value, int) or value <= 0:
            raise FragmentsAPIError(
                f"{call} got {name}={value!r}. Fix: pass a positive number of pixels, "
                "'stretch' or 'content'."
            )
        if not _compound(spec):  # a facet or concat chart's size is its views'
            spec[name] = value
    if isinstance(alt, str) and alt.strip():
        spec["description"] = alt.strip()
    return spec


def _compound(spec: dict[str, Any]) -> bool:
    keys = ("facet", "hconcat", "vconcat", "concat", "repeat")
    channels = spec.get("encoding") or {}
    return any(k in spec for k in keys) or any(k in channels for k in ("row", "column", "facet"))


def _bar_sort(sort: Any, table: Table, call: str) -> tuple[Any, str | None]:
    """A bar chart's sort of its categorical axis, as Streamlit 1.67: True is Vega-Lite's
    own (``"auto"``: no ``sort`` set), False the data's order, a column name ascending
    and ``"-name"`` descending by that column (which the data then carries)."""
    if sort is True or sort is None:
        return "auto", None
    if sort is False:
        return None, None
    if isinstance(sort, str) and sort.removeprefix("-"):
        name = _names(sort.removeprefix("-"), "sort", table, call)[0]
        order = "descending" if sort.startswith("-") else "ascending"
        return {"field": _field(name), "order": order}, name
    raise FragmentsAPIError(
        f"{call} got sort={sort!r}. Fix: pass True (sorted), False (the data's order), a "
        "column name (ascending) or '-' and a column name (descending)."
    )


def _records(
    table: Table, x_name: str, xs: list[Any], y_names: list[str], extra: list[str], melted: bool
) -> list[dict[str, Any]]:
    """The chart's data: a record per x value, or per x value and series when ``melted``."""
    records: list[dict[str, Any]] = []
    for i, x_value in enumerate(xs):
        base = {x_name: cell(x_value)}
        for name in extra:
            base[name] = cell(_values(table, name)[i])
        for name in y_names:
            y_value = cell(_values(table, name)[i])
            if melted:
                records.append({**base, _SERIES: name, _VALUE: y_value})
            else:
                records.append({**base, name: y_value})
    return records


def _series_encoding(
    mark: str, color: Any, y_names: list[str], stack: Any, horizontal: bool, call: str
) -> dict[str, Any]:
    """The encoding channels of melted data: a colour per series, side by side if unstacked."""
    channels: dict[str, Any] = {"color": {"field": _SERIES, "type": "nominal", "title": ""}}
    if isinstance(color, (list, tuple)):
        if len(color) != len(y_names):
            raise FragmentsAPIError(
                f"{call} got {len(color)} colors for {len(y_names)} series. "
                "Fix: pass one color per y column."
            )
        channels["color"]["scale"] = {"domain": y_names, "range": list(color)}
    if mark == "bar" and stack is False:
        channels["yOffset" if horizontal else "xOffset"] = {"field": _SERIES}
    return channels
