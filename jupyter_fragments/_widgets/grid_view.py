"""The interactive grid behind ``st.dataframe``: ipydatagrid, fed rows on demand.

`GridView` owns what every grid shares (the columns shown and their labels, renderers,
widths, height, closing every model it opened); `DataframeView` shows a frame in a
`StreamingGrid` (rows on demand, see `grid_stream`) and turns the grid's selection
rectangles into Streamlit's selection state (positions in the frame, whatever the sort).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Any

import ipywidgets as widgets
import numpy as np
import pandas as pd
from ipydatagrid import BarRenderer, DataGrid, TextRenderer
from traitlets import Int

from jupyter_fragments._page.pool import ModelPool, close_widget
from jupyter_fragments._widgets.grid_format import d3_number_format
from jupyter_fragments._widgets.grid_state import DataframeState, selection_state
from jupyter_fragments._widgets.grid_stream import Formatter, StreamingGrid, formatters

Params = dict[str, Any]
Rect = dict[str, int]

_WIDTHS = {"small": 75, "medium": 200, "large": 400}
ROW_MODES = {"single-row", "single-row-required", "multi-row"}
COLUMN_MODES = {"single-column", "multi-column"}
CELL_MODES = {"single-cell", "multi-cell"}
_ONE = {"single-row", "single-row-required", "single-column", "single-cell"}


class GridBox(widgets.VBox):  # type: ignore[misc]
    """The element on the page: the grid (and, for an editor, its buttons and message).

    ``events`` is kernel-only: a user's selection or edit bumps it, and the widget
    registry reruns the scope on its change, as for any input's value.
    """

    events = Int(0)

    def __init__(self, view: GridView, **kwargs: Any) -> None:
        self.view = view
        super().__init__(**kwargs)

    def close(self) -> None:
        view = getattr(self, "view", None)
        if view is not None:
            view.close()
        super().close()


def close_tree(widget: widgets.Widget, pool: ModelPool | None = None) -> None:
    """Close a renderer and the models in its traits (vega expressions, scales)."""
    for name in widget.trait_names(sync=True):
        value = getattr(widget, name, None)
        if isinstance(value, widgets.Widget) and value.comm is not None:
            if pool is None or not pool.owns(value):
                close_tree(value, pool)
    if widget.comm is not None:
        widget.close()


class Columns:
    """The columns a grid shows: their names in the frame, unique labels, configs."""

    def __init__(self, frame: pd.DataFrame, params: Params) -> None:
        self.names: list[Any] = []
        self.labels: list[str] = []
        self.configs: list[Mapping[str, Any]] = []
        self.at: list[int] = []
        for name, label, config in params["columns"]:
            at = frame.columns.get_loc(name)
            if not isinstance(at, (int, np.integer)):
                at = int(np.flatnonzero(np.asarray(frame.columns == name))[0])
            text, n = str(label), 2
            while text in self.labels:
                text, n = f"{label} ({n})", n + 1
            self.names.append(name)
            self.labels.append(text)
            self.configs.append(config)
            self.at.append(int(at))
        index = params.get("index") or {}
        self.index_label = index.get("label")
        self.hide_index = bool(index.get("hidden"))

    def raw(self, frame: pd.DataFrame) -> pd.DataFrame:
        """The shown columns under their labels, with the frame's own values."""
        raw = frame.iloc[:, self.at].set_axis(self.labels, axis=1)
        if self.index_label is not None:
            raw = raw.rename_axis(str(self.index_label))
        elif isinstance(raw.index, pd.MultiIndex) or raw.index.name is not None:
            pass
        else:
            raw = raw.rename_axis("")
        return raw

    def kind(self, i: int) -> Any:
        return (self.configs[i].get("type_config") or {}).get("type")


class GridView:
    """What ``st.dataframe`` and ``st.data_editor`` grids share."""

    def __init__(self, params: Params, pool: ModelPool) -> None:
        self.pool = pool
        self.params = params
        self.frame: pd.DataFrame = params["frame"]
        self.columns = Columns(self.frame, params)
        self.renderers: list[widgets.Widget] = []
        self.grid: DataGrid | None = None
        self.writing = False  # the kernel is setting the grid's traits: not a user's doing
        self.reported: Any = None  # the value last handed to the runtime
        self.box = GridBox(self, layout=pool.layout(width="100%"), _dom_classes=("jf-grid",))

    # -- settings that follow the parameters -------------------------------------------
    def settings(self, rows: int) -> dict[str, Any]:
        params = self.params
        row_height = int(params.get("row_height") or 20)
        return {
            "base_row_size": row_height,
            "base_column_size": 110,
            "base_row_header_size": 64,
            "header_visibility": "column" if self.columns.hide_index else "all",
            "column_widths": self._widths(),
            "layout": self.pool.layout(
                height=_height(params.get("height"), rows, row_height),
                width=_width(params.get("width")),
            ),
        }

    def _widths(self) -> dict[str, int]:
        widths = {}
        for label, config in zip(self.columns.labels, self.columns.configs, strict=True):
            width = config.get("width")
            if width is not None:
                widths[label] = _WIDTHS.get(width, width)
        return widths

    def make_renderers(self, frame: pd.DataFrame) -> dict[str, Any]:
        """The grid's ``default_renderer`` and per-column ``renderers`` (made once per view)."""
        placeholder = self.params.get("placeholder")
        missing = "None" if placeholder is None else str(placeholder)
        default = TextRenderer(missing=missing)
        shared: dict[tuple[Any, ...], widgets.Widget] = {}
        renderers: dict[str, widgets.Widget] = {}
        for i, label in enumerate(self.columns.labels):
            config = self.columns.configs[i]
            renderer = self._renderer(config, frame[label].dtype, missing, shared)
            if renderer is not None:
                renderers[label] = renderer
        self.renderers = [default, *shared.values()]
        return {"default_renderer": default, "renderers": renderers}

    def _renderer(
        self,
        config: Mapping[str, Any],
        dtype: Any,
        missing: str,
        shared: dict[tuple[Any, ...], widgets.Widget],
    ) -> widgets.Widget | None:
        type_config = config.get("type_config") or {}
        kind = type_config.get("type")
        if kind == "progress":
            return self._progress(type_config, dtype, missing, shared)
        numeric = pd.api.types.is_numeric_dtype(dtype) and not pd.api.types.is_bool_dtype(dtype)
        align = config.get("alignment") or ("right" if numeric or kind == "number" else None)
        fmt = d3_number_format(type_config.get("format")) if self.edits_in_place else None
        if align is None and fmt is None:
            return None
        key = ("text", align, fmt)
        if key not in shared:
            shared[key] = TextRenderer(
                missing=missing, horizontal_alignment=align or "left", format=fmt
            )
        return shared[key]

    def _progress(
        self,
        type_config: Mapping[str, Any],
        dtype: Any,
        missing: str,
        shared: dict[tuple[Any, ...], widgets.Widget],
    ) -> widgets.Widget:
        from bqplot import LinearScale

        low = type_config.get("min_value")
        high = type_config.get("max_value")
        low = 0 if low is None else low
        high = (100 if pd.api.types.is_integer_dtype(dtype) else 1) if high is None else high
        fmt = d3_number_format(type_config.get("format"))
        key = ("progress", low, high, fmt, str(type_config.get("color")))
        if key not in shared:
            color = type_config.get("color")
            shared[key] = BarRenderer(
                bar_value=LinearScale(min=float(low), max=float(high)),
                bar_color=color if isinstance(color, str) and color.startswith("#") else "#4c8bf5",
                format=fmt,
                missing=missing,
                horizontal_alignment="right",
            )
        return shared[key]

    #: the grid is a DataGrid edited in the page, whose renderers must do the formatting
    edits_in_place = False

    def set_traits(self, grid: widgets.Widget, traits: Mapping[str, Any]) -> None:
        """Set what changed, as one message, without taking it for a user's doing."""
        self.writing = True
        try:
            with grid.hold_sync():
                for name, value in traits.items():
                    if getattr(grid, name) != value:
                        setattr(grid, name, value)
        finally:
            self.writing = False

    def close(self) -> None:
        if self.grid is not None:
            close_widget(self.grid, self.pool)
            self.grid = None
        for renderer in self.renderers:
            close_tree(renderer, self.pool)
        self.renderers = []


def _height(height: Any, rows: int, row_height: int) -> str:
    chrome = 20 + 2 + 16  # the header, the border, a horizontal scrollbar
    if isinstance(height, int) and not isinstance(height, bool):
        return f"{height}px"
    shown = rows if height == "content" else min(rows, 10)
    return f"{min(max(shown, 1) * row_height + chrome, 10_000)}px"


def _width(width: Any) -> str:
    if isinstance(width, int) and not isinstance(width, bool):
        return f"{width}px"
    return "100%"


class DataframeView(GridView):
    """``st.dataframe``: a read-only grid; with ``modes``, its selection is a value."""

    def __init__(self, params: Params, pool: ModelPool) -> None:
        super().__init__(params, pool)
        self.on_user_change: Callable[[], None] | None = None
        raw = self.columns.raw(self.frame)
        grid = StreamingGrid(
            raw,
            self._texts(raw),
            selection_mode=_grid_mode(params.get("modes") or ()),
            **self.make_renderers(raw),
            **self.settings(len(raw)),
        )
        grid.observe(self._on_selections, names="selections")
        grid.observe(self._on_sort, names="_transforms")
        self.grid = grid
        self.box.children = (grid,)
        self.reported = selection_state()

    def _texts(self, raw: pd.DataFrame) -> dict[str, Formatter]:
        params = self.params
        c = self.columns
        shown = list(zip(c.names, c.labels, c.configs, strict=True))
        return formatters(raw, shown, params.get("placeholder"), params.get("styled"))

    def update(self, params: Params) -> None:
        """Follow new parameters in place: new data keeps the sort, scroll and selection."""
        old = self.params
        self.params = params
        grid = self.grid
        assert isinstance(grid, StreamingGrid)
        same_data = params["frame"] is self.frame or same_frame(params["frame"], self.frame)
        kept_columns = same_columns(old, params)
        if not (same_data and kept_columns):
            self.frame = params["frame"]
            self.columns = Columns(self.frame, params)
            raw = self.columns.raw(self.frame)
            self.writing = True
            try:
                with grid.hold_sync():
                    if not kept_columns:
                        renderers = self.renderers
                        grid.set_trait("renderers", {})
                        self.set_traits(grid, self.make_renderers(raw))
                        for renderer in renderers:
                            close_tree(renderer, self.pool)
                    grid.set_frame(raw, self._texts(raw))
            finally:
                self.writing = False
        traits = self.settings(len(self.frame))
        traits["selection_mode"] = _grid_mode(params.get("modes") or ())
        self.set_traits(grid, traits)

    # -- selections ---------------------------------------------------------------------
    def _on_sort(self, _change: Mapping[str, Any]) -> None:
        """The page sorted or filtered: the selected rows move with their data (the page
        keeps the rectangles where they were)."""
        if self.grid is not None and self.grid.selections:
            self.set_traits(self.grid, {"selections": self.rects(self.reported)})

    def _on_selections(self, change: Mapping[str, Any]) -> None:
        if self.writing:
            return
        state, rects = self.read_rects(change["new"])
        # only where a mode keeps one row, column or cell does the page need correcting
        # (a multi-cell range sent back cell by cell would be a rectangle per cell)
        if set(self.params.get("modes") or ()) & _ONE and rects != list(change["new"]):
            self.set_traits(self.grid, {"selections": rects})
        if state != self.reported and self.on_user_change is not None:
            self.reported = state
            self.on_user_change()

    def read_rects(self, rects: Sequence[Rect]) -> tuple[DataframeState, list[Rect]]:
        """The selection state of ``rects`` and the rectangles the modes allow."""
        grid = self.grid
        assert isinstance(grid, StreamingGrid)
        modes = set(self.params.get("modes") or ())
        n_rows, n_cols = grid._row_count, len(self.columns.labels)
        rows: list[int] = []
        cols: list[int] = []
        cells: list[tuple[int, int]] = []
        mode = grid.selection_mode
        for rect in rects:
            r1, r2, c1, c2 = rect["r1"], rect["r2"], rect["c1"], rect["c2"]
            wide = mode == "row" or (c1 <= 0 and c2 >= n_cols - 1)
            tall = mode == "column" or (r1 <= 0 and r2 >= n_rows - 1)
            if wide and modes & ROW_MODES:
                rows += [r for r in range(r1, r2 + 1) if r not in rows]
            elif tall and modes & COLUMN_MODES:
                cols += [c for c in range(c1, c2 + 1) if c not in cols]
            elif modes & CELL_MODES:
                cells += [(r, c) for r in range(r1, r2 + 1) for c in range(c1, c2 + 1)]
        rows = rows[-1:] if modes & {"single-row", "single-row-required"} else rows
        cols = cols[-1:] if "single-column" in modes else cols
        cells = cells[-1:] if "single-cell" in modes and "multi-cell" not in modes else cells
        if not rows and "single-row-required" in modes and n_rows:
            kept = self.reported["selection"]["rows"]
            rows = grid.positions_to_view_rows(kept)[:1] or [0]
        names = [str(n) for n in self.columns.names]
        state = selection_state(
            grid.view_rows_to_positions(rows),
            [names[c] for c in cols],
            [(p, names[c]) for (r, c) in cells for p in grid.view_rows_to_positions([r])],
        )
        return state, self.rects(state)

    def rects(self, state: Mapping[str, Any]) -> list[Rect]:
        """The grid's rectangles for a selection state (rows, then columns, then cells)."""
        grid = self.grid
        assert isinstance(grid, StreamingGrid)
        selection = state.get("selection") or {}
        n_rows, n_cols = grid._row_count, len(self.columns.labels)
        at = {str(n): i for i, n in enumerate(self.columns.names)}
        rects = [
            {"r1": r, "c1": 0, "r2": r, "c2": max(n_cols - 1, 0)}
            for r in grid.positions_to_view_rows(selection.get("rows") or ())
        ]
        rects += [
            {"r1": 0, "c1": at[c], "r2": max(n_rows - 1, 0), "c2": at[c]}
            for c in selection.get("columns") or ()
            if c in at
        ]
        for position, column in selection.get("cells") or ():
            for r in grid.positions_to_view_rows([position]):
                if column in at:
                    rects.append({"r1": r, "c1": at[column], "r2": r, "c2": at[column]})
        return rects

    def write_value(self, state: DataframeState) -> None:
        """Show ``state`` in the grid (a value from session state or the default)."""
        if state == self.reported:
            return
        self.reported = state
        self.set_traits(self.grid, {"selections": self.rects(state)})


def _grid_mode(modes: Iterable[str]) -> str:
    found = set(modes)
    if not found:
        return "cell"  # a read-only grid still selects cells, to copy them
    if found <= ROW_MODES:
        return "row"
    if found <= COLUMN_MODES:
        return "column"
    return "cell"


def same_frame(a: pd.DataFrame, b: pd.DataFrame) -> bool:
    try:
        return bool(a.shape == b.shape and a.equals(b) and a.columns.equals(b.columns))
    except (TypeError, ValueError):
        return False


def same_columns(old: Params, new: Params) -> bool:
    keys = ("columns", "index", "placeholder", "styled")
    try:
        return all(_equal(old.get(k), new.get(k)) for k in keys)
    except (TypeError, ValueError):
        return False


def _equal(a: Any, b: Any) -> bool:
    if isinstance(a, pd.DataFrame) or isinstance(b, pd.DataFrame):
        return a is b or (a is not None and b is not None and same_frame(a, b))
    return bool(a == b)
