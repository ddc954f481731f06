"""Static data elements: ``st.table``, ``st.metric``, and the static table ``st.dataframe``
falls back to without ipydatagrid.

`to_table` turns DataFrames, dicts, lists and arrays into columns and rows without
needing pandas; charts build on it too. Every cell shown as HTML is escaped.
"""

from __future__ import annotations

import datetime
import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from jupyter_fragments._elements._core import add_static, height_layout, width_layout, with_icon
from jupyter_fragments._elements.handles import ElementHandle
from jupyter_fragments._elements.metric_parts import (
    COLORS,
    Delta,
    chart_values,
    check_metric_options,
    metric_delta,
    metric_number,
    sparkline_svg,
    sparkline_text,
)
from jupyter_fragments._output.bundles import display_output, escape_html
from jupyter_fragments.errors import FragmentsAPIError

_MAX_ROWS = 1000
_MAX_TAGGED_CELLS = 2000  # beyond this AppTest reads the cells back from the HTML


@dataclass
class Table:
    """Tabular data as plain Python: column names, rows of cells and an index."""

    columns: list[str]
    rows: list[list[Any]]
    index: list[Any] = field(default_factory=list)
    index_name: str = ""

    def column(self, name: str) -> list[Any]:
        if name == self.index_name and name not in self.columns:
            return list(self.index)
        at = self.columns.index(name)
        return [row[at] for row in self.rows]


def is_dataframe(obj: Any) -> bool:
    return hasattr(obj, "columns") and hasattr(obj, "iloc") and hasattr(obj, "index")


def plain(value: Any) -> Any:
    """A JSON-friendly Python value for a cell (numpy scalars, timestamps, NaN)."""
    if hasattr(value, "item") and callable(value.item) and not isinstance(value, (list, dict)):
        try:
            value = value.item()
        except (ValueError, TypeError):
            pass
    if isinstance(value, float) and (math.isnan(value) or math.isinf(value)):
        return None
    if isinstance(value, (datetime.date, datetime.time)):
        return value.isoformat()
    if hasattr(value, "isoformat"):
        return str(value.isoformat())
    if value is None or isinstance(value, (bool, int, float, str)):
        return value
    return str(value)


def to_table(data: Any) -> Table:
    """Columns and rows for DataFrames, Series, dicts, lists, numpy arrays and Stylers."""
    if hasattr(data, "data") and type(data).__name__ == "Styler":
        data = data.data
    if data is None:
        return Table([], [])
    if is_dataframe(data):
        index_name = str(data.index.name) if data.index.name is not None else ""
        return Table(
            [str(c) for c in data.columns],
            [list(row) for row in data.itertuples(index=False, name=None)],
            list(data.index),
            index_name,
        )
    if hasattr(data, "to_frame") and hasattr(data, "index"):  # a pandas Series
        return to_table(data.to_frame(name=str(data.name) if data.name is not None else "value"))
    if hasattr(data, "tolist") and hasattr(data, "ndim"):  # numpy arrays
        data = data.tolist()
    if isinstance(data, Mapping):
        values = list(data.values())
        if all(isinstance(v, (list, tuple)) or hasattr(v, "tolist") for v in values):
            cols = [list(v.tolist() if hasattr(v, "tolist") else v) for v in values]
            length = max((len(c) for c in cols), default=0)
            rows = [[c[i] if i < len(c) else None for c in cols] for i in range(length)]
            return Table([str(k) for k in data], rows, list(range(length)))
        return Table(["value"], [[v] for v in values], [str(k) for k in data])
    if isinstance(data, Iterable) and not isinstance(data, (str, bytes)):
        items = list(data)
        if items and all(isinstance(i, Mapping) for i in items):
            columns: list[str] = []
            for item in items:
                columns += [str(k) for k in item if str(k) not in columns]
            rows = [[_get(item, c) for c in columns] for item in items]
            return Table(columns, rows, list(range(len(items))))
        if items and all(isinstance(i, (list, tuple)) for i in items):
            width = max(len(i) for i in items)
            rows = [list(i) + [None] * (width - len(i)) for i in items]
            return Table([str(n) for n in range(width)], rows, list(range(len(items))))
        return Table(["value"], [[i] for i in items], list(range(len(items))))
    return Table(["value"], [[data]], [0])


def _get(item: Mapping[Any, Any], column: str) -> Any:
    for k, v in item.items():
        if str(k) == column:
            return v
    return None


def table_html(
    table: Table,
    *,
    show_index: bool = True,
    max_rows: int | None = None,
    show_header: bool = True,
    cell_style: str = "",
) -> str:
    """An HTML table with every header and cell escaped (``cell_style``: each cell's CSS)."""
    rows = table.rows if max_rows is None else table.rows[:max_rows]
    cell = f' style="{cell_style}"' if cell_style else ""
    head = "".join(f"<th{cell}>{escape_html(str(c))}</th>" for c in table.columns)
    index_head = f"<th{cell}>{escape_html(table.index_name)}</th>" if show_index else ""
    body = []
    for i, row in enumerate(rows):
        label = table.index[i] if i < len(table.index) else i
        index_cell = f"<th{cell}>{escape_html(_cell(label))}</th>" if show_index else ""
        cells = "".join(f"<td{cell}>{escape_html(_cell(v))}</td>" for v in row)
        body.append(f"<tr>{index_cell}{cells}</tr>")
    more = ""
    if max_rows is not None and len(table.rows) > max_rows:
        more = f"<p><small>{len(table.rows) - max_rows} more rows</small></p>"
    thead = f"<thead><tr>{index_head}{head}</tr></thead>" if show_header else ""
    return f'<table class="dataframe jf-table">{thead}<tbody>{"".join(body)}</tbody></table>{more}'


def table_text(table: Table, *, show_index: bool = True, max_rows: int | None = None) -> str:
    """The table as aligned plain text."""
    rows = table.rows if max_rows is None else table.rows[:max_rows]
    grid = [([table.index_name] if show_index else []) + list(table.columns)]
    for i, row in enumerate(rows):
        label = table.index[i] if i < len(table.index) else i
        grid.append(([_cell(label)] if show_index else []) + [_cell(v) for v in row])
    widths = [max(len(r[c]) for r in grid) for c in range(len(grid[0]))] if grid[0] else []
    lines = [
        "  ".join(cell.ljust(w) for cell, w in zip(r, widths, strict=False)).rstrip() for r in grid
    ]
    if max_rows is not None and len(table.rows) > max_rows:
        lines.append(f"... {len(table.rows) - max_rows} more rows")
    return "\n".join(lines)


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float):
        return f"{value:.4g}" if abs(value) < 1e6 else f"{value:.6g}"
    return str(value)


def _select_columns(data: Any, column_order: Iterable[str] | None) -> Table:
    table = to_table(data)
    if column_order is None:
        return table
    wanted = [str(c) for c in column_order]
    unknown = [c for c in wanted if c not in table.columns]
    if unknown:
        raise FragmentsAPIError(
            f"st.dataframe got column_order with unknown column {unknown[0]!r}. "
            f"Fix: use names from {table.columns}."
        )
    at = [table.columns.index(c) for c in wanted]
    return Table(wanted, [[r[i] for i in at] for r in table.rows], table.index, table.index_name)


def static_dataframe(
    data: Any,
    column_order: Iterable[str] | None = None,
    hide_index: bool | None = None,
    height: Any = None,
    *,
    note: str = "",
) -> ElementHandle:
    """A DataFrame (or dict, list, array) as an escaped HTML table of at most 1000 rows:
    the grid's stand-in where ipydatagrid is missing (``note`` says so)."""
    tail = f"<p><small>{escape_html(note)}</small></p>" if note else ""
    if type(data).__name__ == "Styler" and column_order is None and not hide_index:
        markup = str(data.to_html()) + tail
        return add_static([display_output({"text/html": markup, "text/plain": str(data.data)})])
    table = _select_columns(data, column_order)
    show_index = not hide_index
    markup = table_html(table, show_index=show_index, max_rows=_MAX_ROWS)
    if isinstance(height, int):
        markup = f'<div style="max-height:{height}px;overflow:auto">{markup}</div>'
    text = table_text(table, show_index=show_index, max_rows=_MAX_ROWS)
    if note:
        text += f"\n{note}"
    return add_static([display_output({"text/html": markup + tail, "text/plain": text})])


#: Streamlit's ``border`` modes as each cell's CSS
_BORDERS = {
    True: "border:1px solid rgba(49,51,63,0.2)",
    False: "border:none",
    "horizontal": "border:none;border-bottom:1px solid rgba(49,51,63,0.2)",
}


def table(
    data: Any = None,
    *,
    border: bool | str = True,
    width: Any = "stretch",
    height: Any = "content",
    hide_index: bool | None = None,
    hide_header: bool | None = None,
    alt: str | None = None,
) -> ElementHandle:
    """Show a static table: every row, every cell escaped.

    ``border``: True (around the table and between cells), False, or ``"horizontal"``
    (between rows only). ``hide_index``/``hide_header`` default as Streamlit 1.67's: the
    index is hidden when it only numbers the rows, the header for data without column
    names (lists, arrays, a dict of values). A ``height`` in pixels scrolls the rows under
    a header that stays; ``alt`` names the table for screen readers.

    Examples
    --------
    >>> st.table({"name": ["a", "b"], "value": [1, 2]})
    >>> st.table(df, border="horizontal", hide_index=True)
    """
    if not isinstance(border, (bool, str)) or border not in _BORDERS:
        raise FragmentsAPIError(
            f"st.table got border={border!r}. Fix: pass True, False or 'horizontal'."
        )
    t = to_table(data)
    show_index = not (_numbers_rows(data, t) if hide_index is None else hide_index)
    show_header = not (_unnamed_columns(data) if hide_header is None else hide_header)
    markup = table_html(t, show_index=show_index, show_header=show_header,
            cell_style=_BORDERS[border])  # fmt: skip
    markup = _table_box(markup, width, height, alt)
    text = table_text(t, show_index=show_index)
    if not show_header:
        text = text.split("\n", 1)[1] if "\n" in text else ""
    bundle = {"text/html": markup, "text/plain": text}
    return add_static([display_output(bundle, element="table", fields=_table_fields(t))])


def _table_box(markup: str, width: Any, height: Any, alt: str | None) -> str:
    """The table in its box: Streamlit's ``width``, a fixed ``height`` that scrolls under
    a sticky header, ``alt`` as its accessible name."""
    layout = width_layout(width, "st.table()") or {}
    style = "width:100%" if width == "stretch" else ""
    if "max_width" in layout:
        style = f"width:{layout['width']};max-width:100%;overflow:auto"
    fixed = height_layout(height, "st.table()")
    if fixed:
        style += f";max-height:{fixed['height']};overflow:auto"
        sticky = "position:sticky;top:0;background:var(--jp-layout-color0, #fff)"
        markup = markup.replace("<thead>", f'<thead style="{sticky}">', 1)
    label = f' role="region" aria-label="{escape_html(alt.strip())}"' if alt and alt.strip() else ""
    return f'<div class="jf-table-box" style="{style.strip(";")}"{label}>{markup}</div>'


def _numbers_rows(data: Any, t: Table) -> bool:
    """Whether the index only numbers the rows (Streamlit hides a default RangeIndex)."""
    if is_dataframe(data):
        return type(data.index).__name__ == "RangeIndex"
    return not t.index_name and list(t.index) == list(range(len(t.rows)))


def _unnamed_columns(data: Any) -> bool:
    """Whether the data has no column names of its own: lists, arrays, sets, a dict of
    single values (Streamlit 1.67 hides their header)."""
    if data is None or is_dataframe(data) or type(data).__name__ in ("Styler", "Series"):
        return False
    if hasattr(data, "ndim"):  # numpy arrays
        return True
    if isinstance(data, Mapping):
        return not all(isinstance(v, (list, tuple)) or hasattr(v, "tolist") for v in data.values())
    if isinstance(data, Iterable) and not isinstance(data, (str, bytes)):
        return not any(isinstance(item, Mapping) for item in data)
    return True


def _table_fields(t: Table) -> dict[str, Any]:
    """The cells as plain values for tests (``AppTest``); left out for big tables."""
    if len(t.rows) * max(len(t.columns), 1) > _MAX_TAGGED_CELLS:
        return {}
    rows = [[plain(cell) for cell in row] for row in t.rows]
    index = [plain(label) for label in t.index]
    return {"value": {"columns": list(t.columns), "index": index, "data": rows}}


def metric(
    label: str,
    value: Any,
    delta: Any = None,
    delta_color: str = "normal",
    help: str | None = None,
    label_visibility: str = "visible",
    *,
    icon: str | None = None,
    border: bool = False,
    width: Any = "stretch",
    height: Any = "content",
    chart_data: Any = None,
    chart_type: str = "line",
    delta_arrow: str = "auto",
    format: str | None = None,
    delta_description: str | None = None,
) -> ElementHandle:
    """Show a number in large type, with an optional change shown as a colored arrow.

    ``delta_color``: ``"normal"`` (up is green), ``"inverse"`` (up is red), ``"off"`` or a
    named color; ``delta_arrow``: ``"auto"`` (the sign's), ``"up"``, ``"down"`` or
    ``"off"``; ``format`` (``"dollar"``, ``"%.1f"``...) shows numbers; ``chart_data``
    draws a sparkline (``chart_type`` ``"line"``, ``"area"`` or ``"bar"``) in the delta's
    color; ``delta_description`` goes after the delta; an emoji ``icon`` before the label.

    Examples
    --------
    >>> st.metric("Temperature", "70 °F", "1.2 °F")
    >>> st.metric("Sales", 9500, 0.12, format="dollar", chart_data=[3, 5, 4, 9])
    """
    check_metric_options(format, chart_type, delta_color, delta_arrow)
    shown_value = metric_number(value, format)
    label_text = with_icon(str(label), icon, call="st.metric()")
    parts, plain = [], [label_text, shown_value]
    if label_visibility == "visible":
        title = f' title="{escape_html(help)}"' if help else ""
        parts.append(
            f'<div style="font-size:0.85em;opacity:0.8"{title}>{escape_html(label_text)}</div>'
        )
    else:
        plain = [shown_value]
    parts.append(f'<div style="font-size:2em;line-height:1.2">{escape_html(shown_value)}</div>')
    change = metric_delta(delta, delta_color, delta_arrow, format)
    if change is not None or delta_description:
        parts.append(_delta_html(change, delta_description))
        words = [change.arrow, change.text] if change is not None else []
        plain.append(" ".join(w for w in [*words, delta_description or ""] if w))
    if chart_data is not None:
        values = chart_values(_first_column(chart_data))
        color = change.color if change is not None else COLORS["gray"]
        parts.append(sparkline_svg(values, chart_type, color))
        plain.append(sparkline_text(values))
    style = _metric_style(border, width, height)
    markup = f'<div class="jf-metric" style="{style}">{"".join(parts)}</div>'
    fields = {"label": str(label), "value": shown_value, "delta": _metric_delta(delta)}
    bundle = {"text/html": markup, "text/plain": "\n".join(plain)}
    return add_static([display_output(bundle, element="metric", fields=fields)])


def _first_column(data: Any) -> list[Any]:
    """A sequence's values, or a table's first column (as Streamlit reads ``chart_data``)."""
    values = to_table(data)
    return [row[0] for row in values.rows] if values.columns else []


def _delta_html(change: Delta | None, description: str | None) -> str:
    """The delta line: arrow and number in the delta's color, the description muted."""
    shown = ""
    if change is not None:
        text = f"{change.arrow} {change.text}" if change.arrow else change.text
        shown = f'<span style="color:{change.color}">{escape_html(text)}</span>'
    if description:
        note = f'<span style="opacity:0.6;font-size:0.85em">{escape_html(description)}</span>'
        shown = f"{shown} {note}" if shown else note
    return f"<div>{shown}</div>"


def _metric_style(border: bool, width: Any, height: Any) -> str:
    """The box's CSS: a border, Streamlit's ``width`` and a ``height`` that scrolls."""
    style = "padding:0.5em 1em;border:1px solid #d0d0d7;border-radius:0.5em;" if border else ""
    layout = width_layout(width, "st.metric()") or {}
    if width == "content":
        style += "width:fit-content;"
    elif "max_width" in layout:
        style += f"width:{layout['width']};max-width:100%;"
    fixed = height_layout(height, "st.metric()")
    if fixed:
        style += f"height:{fixed['height']};overflow:auto;"
    return style


def _metric_delta(delta: Any) -> str:
    return "" if delta is None else str(delta)
