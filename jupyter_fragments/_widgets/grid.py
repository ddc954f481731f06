"""Grid input kinds: ``st.dataframe(on_select=...)`` (the value is the selection) and
``st.data_editor`` (the value is the edit state).

The grid itself is ipydatagrid (see `grid_view` and `grid_editor`, imported only when
it is installed: `grid_available` tells). The element on the page is a `GridBox`
whose kernel-only ``events`` trait a user's selection or edit bumps, so the registry
reruns the scope as for any other input.
"""

from __future__ import annotations

import importlib.util
import sys
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

import ipywidgets as widgets

from jupyter_fragments._page.pool import ModelPool
from jupyter_fragments._widgets.base import InputKind, Params

if TYPE_CHECKING:
    from jupyter_fragments._widgets.grid_state import DataEditorState, DataframeState


def grid_available() -> bool:
    """Whether ipydatagrid (and so pandas) can be imported in this kernel."""
    if "ipydatagrid" in sys.modules:
        return sys.modules["ipydatagrid"] is not None
    try:
        return importlib.util.find_spec("ipydatagrid") is not None
    except (ImportError, ValueError):
        return False


def _bump(box: widgets.Widget) -> None:
    box.events = box.events + 1


class GridKind(InputKind):
    """What both grid kinds share: a view (made by `make_view`) owns the grid; the value
    is what the view last reported, and a new value is shown through the view."""

    value_traits = ("events",)

    def make_view(self, params: Params, pool: ModelPool) -> Any:
        raise NotImplementedError

    def create(self, label: str, params: Params, value: Any, pool: ModelPool) -> widgets.DOMWidget:
        view = self.make_view(params, pool)
        view.write_value(value)
        view.on_user_change = lambda: _bump(view.box)
        return view.box

    def update(self, widget: widgets.DOMWidget, label: str, params: Params) -> None:
        widget.view.update(params)

    def read(self, widget: widgets.DOMWidget, params: Params) -> Any:
        return widget.view.reported

    def write(self, widget: widgets.DOMWidget, params: Params, value: Any) -> None:
        widget.view.write_value(value)


class DataframeKind(GridKind):
    """``st.dataframe`` with ``on_select``: a grid whose selection is the value.

    ``params``: ``frame`` (pandas), ``columns`` [(name, label, config)], ``index``,
    ``modes`` (Streamlit's selection modes), ``signature`` (the data's shape), the
    height/width settings and ``selection_default``.
    """

    name = "dataframe"

    def identity(self, params: Params) -> tuple[Any, ...]:
        modes = tuple(sorted(params["modes"]))
        # Streamlit: a keyed dataframe keeps its selection when its data changes
        return modes if params.get("keyed") else (params["signature"], *modes)

    def default(self, params: Params) -> Any:
        return params.get("selection_default")

    def coerce(self, params: Params, value: Any) -> DataframeState:
        return clean_selection(params, value)

    def make_view(self, params: Params, pool: ModelPool) -> Any:
        from jupyter_fragments._widgets.grid_view import DataframeView

        return DataframeView(params, pool)


def clean_selection(params: Params, value: Any) -> DataframeState:
    """A selection state the grid can show: known rows and columns, the modes allowed."""
    from jupyter_fragments._widgets.grid_state import selection_state
    from jupyter_fragments._widgets.grid_view import CELL_MODES, COLUMN_MODES, ROW_MODES

    modes = set(params["modes"])
    n_rows = len(params["frame"])
    names = {str(name) for name, _label, _config in params["columns"]}
    selection = value.get("selection") if isinstance(value, Mapping) else None
    selection = selection if isinstance(selection, Mapping) else {}
    rows = _ints(selection.get("rows"), n_rows) if modes & ROW_MODES else []
    columns = [str(c) for c in selection.get("columns") or () if str(c) in names]
    columns = columns if modes & COLUMN_MODES else []
    cells = []
    for cell in selection.get("cells") or () if modes & CELL_MODES else ():
        if isinstance(cell, (list, tuple)) and len(cell) == 2:
            row, column = cell
            if _ints([row], n_rows) and str(column) in names:
                cells.append((int(row), str(column)))
    if modes & {"single-row", "single-row-required"}:
        rows = rows[:1]
    if "single-row-required" in modes and not rows and n_rows:
        rows = [0]
    if "single-column" in modes:
        columns = columns[:1]
    if "single-cell" in modes and "multi-cell" not in modes:
        cells = cells[:1]
    return selection_state(rows, columns, cells)


def _ints(values: Any, limit: int) -> list[int]:
    found: list[int] = []
    for value in values or ():
        if isinstance(value, bool) or not isinstance(value, int | float):
            continue
        if float(value).is_integer() and 0 <= int(value) < limit and int(value) not in found:
            found.append(int(value))
    return found


class DataEditorKind(GridKind):
    """``st.data_editor``: a grid whose edit state (edited, added, deleted rows) is the value.

    Besides `DataframeKind`'s parameters: ``num_rows`` and ``disabled`` (True or a set
    of column names).
    """

    name = "data_editor"

    def identity(self, params: Params) -> tuple[Any, ...]:
        return (params["signature"],)

    def default(self, params: Params) -> Any:
        from jupyter_fragments._widgets.grid_state import edit_state, tagged

        return tagged(edit_state(), params["signature"])

    def coerce(self, params: Params, value: Any) -> DataEditorState:
        from jupyter_fragments._widgets.grid_state import (
            as_edit_state,
            edit_state,
            signature_of,
            tagged,
        )

        made_for = signature_of(value)
        if made_for is not None and made_for != params["signature"]:
            return tagged(edit_state(), params["signature"])  # the edits were of other data
        state = as_edit_state(value)
        n_rows = len(params["frame"])
        return tagged(
            edit_state(
                {k: v for k, v in state["edited_rows"].items() if 0 <= k < n_rows},
                state["added_rows"],
                [p for p in state["deleted_rows"] if 0 <= p < n_rows],
            ),
            params["signature"],
        )

    def make_view(self, params: Params, pool: ModelPool) -> Any:
        from jupyter_fragments._widgets.grid_editor import EditorView

        return EditorView(params, pool)


DATAFRAME = DataframeKind()
DATA_EDITOR = DataEditorKind()
