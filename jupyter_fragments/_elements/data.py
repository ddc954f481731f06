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

from jupyter_fragments._elements._core import add_static
from jupyter_fragments._elements.handles import ElementHandle
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


def table_html(table: Table, *, show_index: bool = True, max_rows: int | None = None) -> str:
    """An HTML table with every header and cell escaped."""
    rows = table.rows if max_rows is None else table.rows[:max_rows]
    head = "".join(f"<th>{escape_html(str(c))}</th>" for c in table.columns)
    index_head = f"<th>{escape_html(table.index_name)}</th>" if show_index else ""
    body = []
    for i, row in enumerate(rows):
        label = table.index[i] if i < len(table.index) else i
        index_cell = f"<th>{escape_html(_cell(label))}</th>" if show_index else ""
        cells = "".join(f"<td>{escape_html(_cell(v))}</td>" for v in row)
        body.append(f"<tr>{index_cell}{cells}</tr>")
    more = ""
    if max_rows is not None and len(table.rows) > max_rows:
        more = f"<p><small>{len(table.rows) - max_rows} more rows</small></p>"
    return (
        '<table class="dataframe jf-table"><thead><tr>'
        f"{index_head}{head}</tr></thead><tbody>{''.join(body)}</tbody></table>{more}"
    )


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


def table(data: Any = None) -> ElementHandle:
    """Show a static table: every row, every cell escaped.

    Examples
    --------
    >>> st.table({"name": ["a", "b"], "value": [1, 2]})
    """
    t = to_table(data)
    bundle = {"text/html": table_html(t), "text/plain": table_text(t)}
    return add_static([display_output(bundle, element="table", fields=_table_fields(t))])


def _table_fields(t: Table) -> dict[str, Any]:
    """The cells as plain values for tests (``AppTest``); left out for big tables."""
    if len(t.rows) * max(len(t.columns), 1) > _MAX_TAGGED_CELLS:
        return {}
    rows = [[plain(cell) for cell in row] for row in t.rows]
    index = [plain(label) for label in t.index]
    return {"value": {"columns": list(t.columns), "index": index, "data": rows}}


_DELTA_COLORS = {"normal": ("#09ab3b", "#ff2b2b"), "inverse": ("#ff2b2b", "#09ab3b")}


def _metric_text(value: Any) -> str:
    if value is None:
        return "—"
    return str(value)


def metric(
    label: str,
    value: Any,
    delta: Any = None,
    delta_color: str = "normal",
    help: str | None = None,
    label_visibility: str = "visible",
    *,
    border: bool = False,
    width: Any = "stretch",
) -> ElementHandle:
    """Show a number in large type, with an optional change shown as a colored arrow.

    ``delta_color``: ``"normal"`` (up is green), ``"inverse"`` (up is red) or ``"off"``.

    Examples
    --------
    >>> st.metric("Temperature", "70 °F", "1.2 °F")
    """
    if delta_color not in ("normal", "inverse", "off"):
        raise FragmentsAPIError(
            f"st.metric got delta_color={delta_color!r}. Fix: use 'normal', 'inverse' or 'off'."
        )
    shown_value = _metric_text(value)
    parts = []
    if label_visibility == "visible":
        title = f' title="{escape_html(help)}"' if help else ""
        parts.append(
            f'<div style="font-size:0.85em;opacity:0.8"{title}>{escape_html(str(label))}</div>'
        )
    parts.append(f'<div style="font-size:2em;line-height:1.2">{escape_html(shown_value)}</div>')
    plain = [str(label), shown_value] if label_visibility == "visible" else [shown_value]
    if delta is not None and str(delta) != "":
        delta_text = str(delta)
        down = delta_text.strip().startswith("-") or (isinstance(delta, (int, float)) and delta < 0)
        arrow = "▼" if down else "▲"
        if delta_color == "off":
            color = "#808495"
        else:
            up_color, down_color = _DELTA_COLORS[delta_color]
            color = down_color if down else up_color
        shown_delta = delta_text.lstrip("-+ ") if isinstance(delta, str) else str(abs(delta))
        parts.append(f'<div style="color:{color}">{arrow} {escape_html(shown_delta)}</div>')
        plain.append(f"{arrow} {shown_delta}")
    style = "padding:0.5em 1em;border:1px solid #d0d0d7;border-radius:0.5em" if border else ""
    markup = f'<div class="jf-metric" style="{style}">{"".join(parts)}</div>'
    fields = {"label": str(label), "value": shown_value, "delta": _metric_delta(delta)}
    bundle = {"text/html": markup, "text/plain": "\n".join(plain)}
    return add_static([display_output(bundle, element="metric", fields=fields)])


def _metric_delta(delta: Any) -> str:
    return "" if delta is None else str(delta)
