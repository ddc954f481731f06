"""The cells of an ipydatagrid grid as its page holds and draws them, read as text.

A ``StreamingDataGrid`` holds only the rows its page asked for (``data-reply`` messages,
kept in :class:`GridCells`); a ``DataGrid`` holds all its rows in its ``_data`` state, plus
the edits typed in the page. Columns are decoded as ipydatagrid's frontend decodes them,
and values drawn as its text renderer draws them (JavaScript's ``String(value)``).
"""

from __future__ import annotations

import datetime as _dt
import math
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from functools import partial
from typing import Any

__all__ = [
    "VIEW_ROWS",
    "GridCells",
    "body_columns",
    "decode_columns",
    "grid_lines",
    "is_grid",
    "is_streaming",
    "js_text",
]

#: how many rows a browser's first viewport asks for (a tall grid shows about this many)
VIEW_ROWS = 50
_INVALID_DATE = "Invalid Date"
_SPECIAL = {"$NaN$": math.nan, "$Infinity$": math.inf, "$NegInfinity$": -math.inf}
#: state changes after which a streamed grid's page asks for its rows again
RESTREAM_TRAITS = frozenset({"_row_count", "_transforms", "_data"})


def is_grid(state: Mapping[str, Any]) -> bool:
    """Whether a model's state is an ipydatagrid grid (``DataGrid`` or streaming)."""
    return state.get("_model_module") == "ipydatagrid" and str(
        state.get("_model_name", "")
    ).endswith("DataGridModel")


def is_streaming(state: Mapping[str, Any]) -> bool:
    """Whether a grid sends its rows only when its page asks for them."""
    return state.get("_model_name") == "StreamingDataGridModel"


@dataclass
class GridCells:
    """What the page of one grid holds besides its synced state.

    Attributes
    ----------
    rows : dict
        Streamed grids: view row -> {column name: value}, from the kernel's replies.
    stale : bool
        Streamed grids: the rows may no longer be what the kernel would send (the grid
        opened, its row count, sorts or data changed, or the kernel sent a ``tick``).
    edits : dict
        ``DataGrid``: (data row, body column) -> value typed in the page (or set back by
        the kernel), on top of ``_data`` until the kernel sends new ``_data``.
    """

    rows: dict[int, dict[str, Any]] = field(default_factory=dict)
    stale: bool = True
    edits: dict[tuple[int, int], Any] = field(default_factory=dict)

    def take_reply(
        self, content: Mapping[str, Any], buffers: Sequence[Any], *, fresh: bool
    ) -> None:
        """Keep the rows of a ``data-reply`` (``fresh``: they replace every row held)."""
        value = content.get("value")
        if not isinstance(value, Mapping):
            return
        columns = decode_columns(value.get("data", {}), buffers)
        if fresh:
            self.rows = {}
        start = int(content.get("r1", 0))
        count = max((len(v) for v in columns.values()), default=0)
        for i in range(count):
            self.rows[start + i] = {
                name: values[i] for name, values in columns.items() if i < len(values)
            }


def _unpack(value: Any) -> Any:
    if isinstance(value, list):
        return [_unpack(v) for v in value]
    if isinstance(value, str):
        if value == "$NaT$":
            return _INVALID_DATE
        return _SPECIAL.get(value, value)
    return value


def _iso_date(ms: float) -> str:
    try:
        moment = _dt.datetime(1970, 1, 1, tzinfo=_dt.timezone.utc) + _dt.timedelta(milliseconds=ms)
    except (OverflowError, ValueError):
        return _INVALID_DATE
    return moment.isoformat(timespec="milliseconds").replace("+00:00", "Z")


def decode_columns(data: Mapping[str, Any], buffers: Sequence[Any] = ()) -> dict[str, list[Any]]:
    """Columns serialized by ipydatagrid, decoded as its frontend decodes them.

    A column is a list (strings), ``{"type": "raw", "value": [...]}`` (JSON values,
    ``"$NaN$"`` for missing ones) or a binary array: its ``value`` holds the bytes, or the
    position of the message buffer that does. Dates become ISO strings, as in the page.

    Examples
    --------
    >>> decode_columns({"a": ["x", "y"], "b": {"type": "raw", "value": [True, "$NaN$"]}})
    {'a': ['x', 'y'], 'b': [True, nan]}
    """
    import numpy as np

    decoded: dict[str, list[Any]] = {}
    for name, column in data.items():
        if isinstance(column, list):
            decoded[name] = column
            continue
        if not isinstance(column, Mapping):
            continue
        raw = column.get("value")
        if column.get("type") == "raw":
            decoded[name] = _unpack(list(raw or []))
            continue
        if isinstance(raw, int) and 0 <= raw < len(buffers):
            raw = buffers[raw]
        if not isinstance(raw, bytes | bytearray | memoryview) or not column.get("dtype"):
            decoded[name] = []
            continue
        values = np.frombuffer(raw, dtype=str(column["dtype"])).tolist()
        if column.get("type") == "date":
            values = [_iso_date(v) for v in values]
        decoded[name] = values
    return decoded


def js_number(number: float) -> str:
    """A number as JavaScript's ``String(number)`` writes it.

    Examples
    --------
    >>> [js_number(x) for x in (3.0, 0.1, 1e21, 1.5e-7, float("nan"), -float("inf"))]
    ['3', '0.1', '1e+21', '1.5e-7', 'NaN', '-Infinity']
    """
    if math.isnan(number):
        return "NaN"
    if math.isinf(number):
        return "Infinity" if number > 0 else "-Infinity"
    if number == 0:
        return "0"
    _, digit_tuple, exponent = Decimal(repr(abs(number))).normalize().as_tuple()
    digits = "".join(map(str, digit_tuple))
    k = len(digits)
    n = int(exponent) + k  # the value is 0.<digits> * 10**n
    prefix = "-" if number < 0 else ""
    if k <= n <= 21:
        return prefix + digits + "0" * (n - k)
    if 0 < n <= 21:
        return prefix + digits[:n] + "." + digits[n:]
    if -6 < n <= 0:
        return prefix + "0." + "0" * -n + digits
    e = n - 1
    mantissa = digits[0] + ("." + digits[1:] if k > 1 else "")
    return f"{prefix}{mantissa}e{'+' if e >= 0 else '-'}{abs(e)}"


def js_text(value: Any) -> str:
    """A decoded value as JavaScript's ``String(value)`` writes it (``None`` as "null")."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        return js_number(value)
    if isinstance(value, list):
        return ",".join("" if v is None else js_text(v) for v in value)
    return str(value)


def d3_format(value: float, spec: str) -> str | None:
    """A number in d3-format's common specs (``",.2f"``, ``"$,.2f"``, ``".1%"``, ``".3e"``,
    ``"d"``), read as Python's format mini-language; None where it has no equivalent.

    Examples
    --------
    >>> d3_format(-1234.5, "$,.2f"), d3_format(0.25, ".1%"), d3_format(12345, ".3e")
    ('\u2212$1,234.50', '25.0%', '1.234e+4')
    """
    currency = "$" in spec
    try:
        text = format(abs(value), spec.replace("$", "").replace("~", ""))
    except (ValueError, TypeError):
        return None
    if "e" in text and spec.rstrip().endswith("e"):
        mantissa, _, power = text.partition("e")
        text = f"{mantissa}e{power[0]}{int(power[1:])}"
    text = ("$" if currency else "") + text
    return "\u2212" + text if value < 0 else text  # d3 writes a minus sign, not a hyphen


def cell_text(value: Any, renderer: Mapping[str, Any]) -> str:
    """A cell as a ``TextRenderer`` with this state draws it: ``missing`` for a null,
    its d3 ``format`` for a number (the common specs), else ``String(value)``."""
    if value is None:
        return str(renderer.get("missing") or "")
    spec = renderer.get("format")
    number = isinstance(value, int | float) and not isinstance(value, bool)
    if isinstance(spec, str) and spec and number and renderer.get("format_type") != "time":
        if not (isinstance(value, float) and not math.isfinite(value)):
            shown = d3_format(value, spec)
            if shown is not None:
                return shown
    return js_text(value)


def body_columns(state: Mapping[str, Any]) -> tuple[list[str], list[str]]:
    """The grid's index fields (its row header) and body columns, from its schema."""
    data = state.get("_data")
    schema = data.get("schema", {}) if isinstance(data, Mapping) else {}
    names = [_name(f.get("name")) for f in schema.get("fields", []) if isinstance(f, Mapping)]
    keys = [_name(k) for k in schema.get("primaryKey", [])]
    uuid = _name(schema.get("primaryKeyUuid", "ipydguuid"))
    index = [k for k in keys if k != uuid]
    return index, [n for n in names if n not in keys]


def _name(name: Any) -> str:
    return " ".join(map(str, name)) if isinstance(name, list | tuple) else str(name)


def _sort_key(column: str, numbers: bool, row: Mapping[str, Any]) -> Any:
    return row[column] if numbers else js_text(row[column])


def _sorted(rows: list[dict[str, Any]], transforms: Any) -> list[dict[str, Any]]:
    """Rows in the order the page's sorts put them (nulls last); filters are not applied."""

    def missing(value: Any) -> bool:
        return (
            value is None
            or value == _INVALID_DATE
            or (isinstance(value, float) and math.isnan(value))
        )

    for transform in transforms if isinstance(transforms, list) else []:
        if not isinstance(transform, Mapping) or transform.get("type") != "sort":
            continue
        column = str(transform.get("column"))
        present = [r for r in rows if not missing(r.get(column))]
        absent = [r for r in rows if missing(r.get(column))]
        numbers = all(isinstance(r.get(column), int | float) for r in present)
        key = partial(_sort_key, column, numbers)
        rows = sorted(present, key=key, reverse=bool(transform.get("desc"))) + absent
    return rows


def _shown_rows(state: Mapping[str, Any], cells: GridCells) -> list[dict[str, Any]]:
    if is_streaming(state):
        count = min(int(state.get("_row_count") or 0), VIEW_ROWS)
        return [cells.rows[r] for r in range(count) if r in cells.rows]
    data = state.get("_data")
    columns = decode_columns(data.get("data", {})) if isinstance(data, Mapping) else {}
    count = max((len(v) for v in columns.values()), default=0)
    rows = [{n: v[i] for n, v in columns.items() if i < len(v)} for i in range(count)]
    _, body = body_columns(state)
    for (row, column), value in cells.edits.items():
        if 0 <= row < len(rows) and 0 <= column < len(body):
            rows[row][body[column]] = value
    return _sorted(rows, state.get("_transforms"))[:VIEW_ROWS]


def grid_lines(
    state: Mapping[str, Any],
    cells: GridCells,
    renderer: Callable[[str], Mapping[str, Any]],
) -> list[str]:
    """The grid as a person reads it: a header line of column names, then one line per
    row shown, cells separated by `` | ``; the index (row header) first where the grid
    shows it. ``renderer(column)`` gives the state of the renderer drawing that column.
    """
    index, body = body_columns(state)
    visibility = state.get("header_visibility", "all")
    if visibility not in ("all", "row"):
        index = []
    lines = []
    if visibility in ("all", "column"):
        lines.append(" | ".join([*index, *body]).strip())
    for row in _shown_rows(state, cells):
        shown = [js_text(row.get(name)) for name in index]
        shown += [cell_text(row.get(name), renderer(name)) for name in body]
        lines.append(" | ".join(shown).strip())
    return [line for line in lines if line]
