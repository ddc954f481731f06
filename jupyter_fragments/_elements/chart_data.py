"""The data side of charts: tables and frames as Vega-Lite records, and the data a
chart accumulates through ``add_rows``.

Records are JSON-ready (dates as ISO strings, NaN and NaT as null), so a DataFrame
can be a spec's ``data`` or one of its ``datasets``.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from jupyter_fragments._elements.data import Table, is_dataframe, plain, to_table
from jupyter_fragments._output.bundles import Output
from jupyter_fragments.errors import FragmentsAPIError

_MISSING = frozenset({"NaTType", "NAType"})


def cell(value: Any) -> Any:
    """A chart's JSON value for a cell (pandas' missing values are null)."""
    if type(value).__name__ in _MISSING:
        return None
    return plain(value)


def table_of(data: Any) -> Table:
    return data if isinstance(data, Table) else to_table(data)


def records(data: Any) -> list[dict[str, Any]]:
    """One record per row; a named index (``df.set_index("date")``) is a field too."""
    table = table_of(data)
    index_field = table.index_name if table.index_name not in ("", *table.columns) else None
    rows: list[dict[str, Any]] = []
    for i, row in enumerate(table.rows):
        record = {c: cell(v) for c, v in zip(table.columns, row, strict=False)}
        if index_field is not None and i < len(table.index):
            record[index_field] = cell(table.index[i])
        rows.append(record)
    return rows


def _is_records(value: Any) -> bool:
    return isinstance(value, list) and all(isinstance(v, Mapping) for v in value)


def _inline(value: Any) -> Any:
    """A dataset as Vega-Lite values: lists of records stay, frames and the like become
    records."""
    return value if _is_records(value) else records(value)


def inline_data(spec: Mapping[str, Any]) -> dict[str, Any]:
    """``spec`` with tables in ``data``, ``data.values`` and ``datasets`` as records.

    Streamlit takes a DataFrame (or anything tabular) in each of these places.
    """
    full = dict(spec)
    data = full.get("data")
    if data is not None and not isinstance(data, Mapping):
        full["data"] = {"values": _inline(data)}
    elif isinstance(data, Mapping) and "values" in data:
        full["data"] = {**data, "values": _inline(data["values"])}
    datasets = full.get("datasets")
    if isinstance(datasets, Mapping):
        full["datasets"] = {str(name): _inline(value) for name, value in datasets.items()}
    return full


def _one_dataset(data: Any, named: dict[str, Any]) -> tuple[str | None, Any]:
    given = ([data] if data is not None else []) + list(named.values())
    if len(given) != 1:
        raise FragmentsAPIError(
            f"add_rows() got {len(given)} datasets. Fix: pass one, e.g. chart.add_rows(df), "
            "or chart.add_rows(name=df) for a Vega-Lite chart's named dataset."
        )
    return (next(iter(named)) if named else None), given[0]


def _positional(data: Any, table: Table) -> bool:
    """Whether the rows are numbered by position (a frame's RangeIndex, a dict, a list)."""
    index = getattr(data, "index", None)
    if is_dataframe(data) or (index is not None and hasattr(data, "to_frame")):
        return type(index).__name__ == "RangeIndex"
    return table.index == list(range(len(table.rows)))


def _ints(values: list[Any]) -> bool:
    return all(isinstance(plain(v), int) and not isinstance(v, bool) for v in values)


def concat(old: Table, new: Table, *, positional: bool) -> Table:
    """``old``'s rows then ``new``'s, by column name; numbered rows continue the numbering.

    As in Streamlit, new rows numbered by position follow the last row's number.
    """
    if not old.columns and not old.rows:
        return new
    columns = old.columns + [c for c in new.columns if c not in old.columns]
    pad = [None] * (len(columns) - len(old.columns))
    rows = [list(row) + pad for row in old.rows]
    at = {c: i for i, c in enumerate(new.columns)}
    rows += [[row[at[c]] if c in at else None for c in columns] for row in new.rows]
    index = list(new.index)
    if positional and old.index and _ints(old.index) and _ints(index):
        step = int(plain(index[1]) - plain(index[0])) if len(index) > 1 else 1
        last = int(plain(old.index[-1]))
        index = [last + step * (i + 1) for i in range(len(index))]
    return Table(columns, rows, list(old.index) + index, old.index_name or new.index_name)


class TableRows:
    """A simple chart's data so far, and how to draw it (``add_rows`` appends to it)."""

    def __init__(self, data: Any, draw: Callable[[Table], list[Output]]) -> None:
        self.table = table_of(data)
        self.draw = draw

    def __call__(self, data: Any, named: dict[str, Any]) -> list[Output]:
        _, new = _one_dataset(data, named)
        table = table_of(new)
        self.table = concat(self.table, table, positional=_positional(new, table))
        return self.draw(self.table)


class SpecRows:
    """A Vega-Lite spec whose data grows with ``add_rows`` (inline or named datasets)."""

    def __init__(self, spec: dict[str, Any], draw: Callable[[dict[str, Any]], list[Output]]):
        self.spec = spec
        self.draw = draw

    def __call__(self, data: Any, named: dict[str, Any]) -> list[Output]:
        name, new = _one_dataset(data, named)
        self._values(name).extend(records(new))
        return self.draw(self.spec)

    def _values(self, name: str | None) -> list[Any]:
        """The list of records the new rows go to."""
        spec = self.spec
        datasets = spec.get("datasets") if isinstance(spec.get("datasets"), dict) else {}
        data = spec.get("data")
        if name is None and isinstance(data, dict) and "name" in data:
            name = str(data["name"])
        elif name is None and data is None and len(datasets or {}) == 1:
            name = next(iter(datasets or {}))
        if name is not None:
            if not datasets or name not in datasets:
                raise FragmentsAPIError(
                    f"add_rows() got rows for the dataset {name!r}, which this chart does "
                    f"not have. Fix: use one of {sorted(datasets or {})}."
                )
            values: list[Any] = datasets[name]
            return values
        if data is None:
            spec["data"] = {"values": []}
        elif not isinstance(data, dict) or not isinstance(data.get("values"), list):
            raise FragmentsAPIError(
                "add_rows() cannot add to a chart whose data is loaded from a URL. "
                "Fix: put the rows in the spec (data={'values': [...]}) or a named dataset."
            )
        rows: list[Any] = spec["data"]["values"]
        return rows
