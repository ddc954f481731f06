"""Rows on demand: the streamed grid behind ``st.dataframe``.

The page is given the frame's schema and row count; it asks for the rows it shows as it
scrolls, and only those are formatted (`formatters`: ``column_config`` formats,
sparklines, links, a Styler's text). Sorts and filters from the header menu run here on
the raw values (a formatted column still sorts as numbers), and `StreamingGrid.positions`
maps each row of the view to its position in the frame.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Any

import numpy as np
import pandas as pd
from ipydatagrid import StreamingDataGrid
from traitlets import observe

from jupyter_fragments._widgets.grid_format import cell_text

_TEXT_KINDS = {"number", "date", "time", "datetime", "link", "checkbox", "json", "list",
               "multiselect", "selectbox", "line_chart", "bar_chart", "area_chart"}  # fmt: skip


Formatter = Callable[["pd.Series[Any]", "np.ndarray[Any, Any]"], Any]


def formatters(
    raw: pd.DataFrame,
    shown: Sequence[tuple[Any, str, Mapping[str, Any]]],
    placeholder: str | None,
    styled: pd.DataFrame | None,
) -> dict[str, Formatter]:
    """For each column drawn as text (``shown``: its name, label and config), how a slice
    of it (and its rows' positions in the frame) becomes that text: applied only to the
    rows the page asks for."""
    found: dict[str, Formatter] = {}
    for name, label, config in shown:
        type_config = dict(config.get("type_config") or {})
        kind = type_config.get("type")
        if kind is None and pd.api.types.is_datetime64_any_dtype(raw[label].dtype):
            type_config["type"] = kind = "datetime"
        if kind is None and styled is not None and name in styled.columns:
            found[label] = _styled_texts(styled[name].to_numpy())
        elif kind in _TEXT_KINDS and not (kind == "number" and type_config.get("format") is None):
            found[label] = _cell_texts(type_config, placeholder)
    return found


def _styled_texts(texts: np.ndarray[Any, Any]) -> Formatter:
    def shown(_values: pd.Series[Any], at: np.ndarray[Any, Any]) -> Any:
        return texts[at]

    return shown


def _cell_texts(type_config: Mapping[str, Any], placeholder: str | None) -> Formatter:
    def shown(values: pd.Series[Any], _at: np.ndarray[Any, Any]) -> Any:
        return [cell_text(type_config, v, placeholder) for v in values.tolist()]

    return shown


class StreamingGrid(StreamingDataGrid):  # type: ignore[misc]
    """Rows on demand: the page asks for the rows it shows, which are then formatted
    (`formatters`); sorts and filters run on the raw values, and `positions` maps each
    row of the view to its position in the frame."""

    def __init__(self, raw: pd.DataFrame, texts: dict[str, Formatter], **kwargs: Any) -> None:
        self.raw = raw
        self.texts = texts
        self.positions: np.ndarray[Any, Any] | None = None
        super().__init__(raw.copy(deep=False), **kwargs)
        # DataGrid's handler fails on every row request (it expects "event_type"), and
        # a read-only grid has no edits to take
        self.on_msg(self._DataGrid__handle_custom_msg, remove=True)

    def set_frame(self, raw: pd.DataFrame, texts: dict[str, Formatter]) -> None:
        self.raw = raw
        self.texts = texts
        self.data = raw.copy(deep=False)
        self._on_transforms_changed({"new": self._transforms})

    @property
    def data(self) -> pd.DataFrame:
        return StreamingDataGrid.data.fget(self)

    @data.setter
    def data(self, frame: pd.DataFrame) -> None:
        """What ipydatagrid's setter does, without copying the frame to build its schema
        (the page gets the schema and the row count; rows come when asked for)."""
        frame.columns = frame.columns.map(str)
        index_key = self.get_dataframe_index(frame)
        described = self.generate_data_object(frame.iloc[:0].copy(), "ipydguuid", index_key)
        frame["ipydguuid"] = np.arange(len(frame))  # each row's position in the data
        self._StreamingDataGrid__dataframe_reference_index_names = frame.index.names
        self._StreamingDataGrid__dataframe_reference_columns = frame.columns
        self._StreamingDataGrid__dataframe_reference = frame
        self._data_object = described
        self._row_count = len(frame)
        self._data = {"data": {}, "schema": described["schema"], "fields": described["fields"]}

    def _handle_comm_msg(self, widget: Any, content: Any, buffers: Any) -> None:
        if not isinstance(content, dict) or content.get("type") != "data-request":
            super()._handle_comm_msg(widget, content, buffers)
            return
        try:
            r1, r2, c1, c2 = (int(content[k]) for k in ("r1", "r2", "c1", "c2"))
        except (KeyError, TypeError, ValueError):
            return
        source = self._transformed_data
        if source is None:
            source = self._StreamingDataGrid__dataframe_reference
        rows = source.iloc[max(r1, 0) : r2 + 1]
        wanted = [label for label in rows.columns[c1 : c2 + 1] if label in self.texts]
        if wanted:
            rows = rows.copy(deep=False)
            at = rows["ipydguuid"].to_numpy()
            for label in wanted:
                shown = self.texts[label](rows[label], at)
                rows[label] = pd.Series(list(shown), index=rows.index, dtype=object)
        serialized, out = self._serialize_helper(rows.iloc[:, c1 : c2 + 1])
        reply = {"event_type": "data-reply", "value": serialized, "r1": r1, "r2": r2,
                 "c1": c1, "c2": c2}  # fmt: skip
        self.send(reply, out)

    @observe("_transforms")
    def _on_transforms_changed(self, change: Mapping[str, Any]) -> None:
        transforms = change["new"]
        reference = self._StreamingDataGrid__dataframe_reference
        self.positions = order_of(self.raw, transforms) if transforms else None
        self._transformed_data = None if self.positions is None else reference.iloc[self.positions]
        self._row_count = len(reference) if self.positions is None else len(self.positions)
        if self.comm is not None:
            self.tick()

    def view_rows_to_positions(self, rows: Iterable[int]) -> list[int]:
        positions = self.positions
        count = len(self.raw) if positions is None else len(positions)
        return [int(r if positions is None else positions[r]) for r in rows if 0 <= r < count]

    def positions_to_view_rows(self, positions: Iterable[int]) -> list[int]:
        if self.positions is None:
            return [p for p in positions if 0 <= p < len(self.raw)]
        where = {int(p): r for r, p in enumerate(self.positions)}
        return [where[p] for p in positions if p in where]


def order_of(raw: pd.DataFrame, transforms: Sequence[Mapping[str, Any]]) -> np.ndarray[Any, Any]:
    """The positions of ``raw``'s rows after the grid's sorts and filters."""
    frame = raw.reset_index(drop=True)
    filters = [t for t in transforms if t.get("type") == "filter"]
    if filters:
        try:
            filtered = StreamingDataGrid._apply_frontend_transforms(None, filters, frame)
            frame = filtered
        except (KeyError, TypeError, ValueError, RuntimeError, AttributeError):
            pass  # a filter the values cannot take: show the rows unfiltered
    for transform in transforms:
        if transform.get("type") != "sort" or transform.get("column") not in frame.columns:
            continue
        column, ascending = transform["column"], not transform.get("desc", False)
        try:
            frame = frame.sort_values(column, ascending=ascending, kind="stable")
        except TypeError:  # mixed types: sort by their text
            frame = frame.sort_values(
                column, ascending=ascending, kind="stable", key=lambda s: s.astype(str)
            )
    return np.asarray(frame.index, dtype=np.int64)
